#!/usr/bin/env bash
# Checks the packages scripts/pack-contracts.sh built, as a client would use them (run by scripts/test.sh):
#   bash packages/verify-packages.sh [DIR]    # default .build/packages/
# - NuGet: the nuspec's id, version and client-only dependencies; a throwaway console project restores the package
#   from DIR as a local feed and compiles the C# of packages/nuget/README.md against it.
# - npm: the tgz installs into a throwaway project; node imports a message schema, a service descriptor and a google
#   type from it and round-trips a message through the proto3 JSON mapping; the README's imports from it resolve.
# - protos: the tarball's module builds with buf and holds every proto of protos/.
# Fails (exit 1) at the first package that is not as described.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
dir=$(cd "${1:-$root/.build/packages}" && pwd)
version=$(grep -v '^#' protos/VERSIONS | grep . | tail -n 1 | cut -d' ' -f1)

fail() {
  printf 'verify-packages.sh: %s\n' "$*" >&2
  exit 1
}
log() { printf 'verify-packages.sh: %s\n' "$*" >&2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

nupkg="$dir/Industry.Contracts.$version.nupkg"
tgz="$dir/industry-contracts-$version.tgz"
tarball="$dir/industry-protos-$version.tar.gz"
for f in "$nupkg" "$tgz" "$tarball"; do
  [[ -f "$f" ]] || fail "missing $f (version $version from protos/VERSIONS)"
done

log "NuGet $(basename "$nupkg")"
nuspec=$(unzip -p "$nupkg" Industry.Contracts.nuspec)
grep -q "<id>Industry.Contracts</id>" <<<"$nuspec" || fail "nuspec id is not Industry.Contracts"
grep -q "<version>$version</version>" <<<"$nuspec" || fail "nuspec version is not $version"
# Every target framework's group: a client needs the protobuf runtime, the gRPC client and the google/api types,
# never the server side (Grpc.AspNetCore) the services' own contracts assembly references.
deps=$(grep -o '<dependency id="[^"]*"' <<<"$nuspec" | sed 's/.*id="//; s/"$//' | sort -u | paste -sd' ' -)
[[ "$deps" == "Google.Api.CommonProtos Google.Protobuf Grpc.Net.Client" ]] ||
  fail "nuspec dependencies are '$deps', expected the client set 'Google.Api.CommonProtos Google.Protobuf Grpc.Net.Client'"
listing=$(unzip -Z1 "$nupkg")
for entry in lib/net10.0/Industry.Contracts.dll lib/net10.0/Industry.Contracts.xml README.md; do
  grep -qx "$entry" <<<"$listing" || fail "$entry is not in the nupkg"
done

# The consumer lives outside the repository (its Directory.*.props must not apply) and restores into its own
# packages folder: the machine-wide cache would keep serving an earlier build of the same version.
consumer="$work/nuget-consumer"
mkdir -p "$consumer"
rabbit=$(sed -n 's/.*PackageVersion Include="RabbitMQ.Client" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
cat >"$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/nuget-packages" /></config>
  <packageSources><add key="contracts" value="$dir" /></packageSources>
</configuration>
XML
cat >"$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Industry.Contracts" Version="[$version]" />
    <PackageReference Include="RabbitMQ.Client" Version="$rabbit" />
  </ItemGroup>
</Project>
XML
# The README's C# block is the program: what the README shows is what compiles.
awk '/^```csharp$/ { on = 1; next } /^```$/ { on = 0 } on' packages/nuget/README.md >"$consumer/Program.cs"
[[ -s "$consumer/Program.cs" ]] || fail "packages/nuget/README.md has no csharp block"
dotnet build "$consumer/Consumer.csproj" -c Release --nologo -v:q >"$work/nuget-build.log" 2>&1 ||
  { cat "$work/nuget-build.log" >&2; fail "a console project does not compile packages/nuget/README.md against $(basename "$nupkg")"; }

log "npm $(basename "$tgz")"
npm_consumer="$work/npm-consumer"
mkdir -p "$npm_consumer"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' >"$npm_consumer/package.json"
(cd "$npm_consumer" && npm install --no-audit --no-fund --loglevel=error "$tgz" >&2)
cat >"$npm_consumer/check.mjs" <<'JS'
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { create, equals, fromJson, toJson } from "@bufbuild/protobuf";
import { ProjectCreatedSchema } from "@industry/contracts/industry/projects/v1/events_pb";
import { ProjectService } from "@industry/contracts/industry/projects/v1/project_service_pb";
import { DateSchema } from "@industry/contracts/google/type/date_pb";

const [version] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync("node_modules/@industry/contracts/package.json", "utf8"));
assert.equal(manifest.version, version, "package.json version");
assert.equal(ProjectService.typeName, "industry.projects.v1.ProjectService");
assert.equal(ProjectService.method.listProjects.name, "ListProjects");
assert.equal(ProjectService.method.listProjects.methodKind, "unary");
const event = create(ProjectCreatedSchema, {
  metadata: { eventId: "e1", subject: "projects/p1", subjectVersion: 3n },
  project: { name: "projects/p1", displayName: "Line 2" },
});
const json = toJson(ProjectCreatedSchema, event);
assert.equal(json.metadata.subjectVersion, "3", "int64 is a string in proto3 JSON");
const back = fromJson(ProjectCreatedSchema, { ...json, addedInALaterMinor: 1 }, { ignoreUnknownFields: true });
assert.ok(equals(ProjectCreatedSchema, event, back), "JSON round trip");
assert.equal(create(DateSchema, { year: 2024 }).year, 2024);
JS
(cd "$npm_consumer" && node check.mjs "$version") || fail "the npm package does not import or round-trip"
# The README's imports from the package, as written there (its other imports are Connect's and amqplib's).
grep -E '^import \{[^}]*\} from "@industry/contracts/[^"]*";$' packages/npm/README.md >"$npm_consumer/readme-imports.mjs" ||
  fail "packages/npm/README.md imports nothing from @industry/contracts"
(cd "$npm_consumer" && node readme-imports.mjs) || fail "packages/npm/README.md imports what the npm package does not export"
# A listing, not a pipe into grep -q: grep quitting early would fail tar (SIGPIPE) under pipefail.
tgz_listing=$(tar -tzf "$tgz")
grep -qx 'package/dist/industry/projects/v1/events_pb.d.ts' <<<"$tgz_listing" || fail "the npm package has no .d.ts"

log "protos $(basename "$tarball")"
tar -xzf "$tarball" -C "$work"
module="$work/industry-protos-$version"
[[ -f "$module/buf.yaml" ]] || fail "the tarball has no industry-protos-$version/buf.yaml"
expected=$(cd protos && find industry -name '*.proto' | sort)
actual=$(cd "$module" && find industry -name '*.proto' | sort)
[[ "$expected" == "$actual" ]] || fail "the tarball's industry/ protos differ from protos/industry/"
(cd "$module" && "$root/node_modules/.bin/buf" build -o /dev/null) || fail "the tarball's module does not build with buf"
log "all three packages of $version verified"
