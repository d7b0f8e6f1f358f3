#!/usr/bin/env bash
# Builds the three contract packages for the suite's clients (docs/packages.md, ADR 0031), all at the version on the
# last line of protos/VERSIONS, and refuses to when protos/ changed without a new line there:
#   Industry.Contracts.<version>.nupkg     C# messages and client stubs (services/contracts/ + packages/nuget/)
#   industry-contracts-<version>.tgz       npm @industry/contracts, protobuf-es TypeScript compiled to ESM (packages/npm/)
#   industry-protos-<version>.tar.gz       protos/ and the google imports as one buf module, for any other language
# Usage:
#   bash scripts/pack-contracts.sh [--output DIR]    # default .build/packages/; scripts/test.sh runs it, then
#                                                    # packages/verify-packages.sh on the result
# The same command is the release build; publishing the files is a manual step (docs/packages.md#releasing).
# Needs node/npm and the .NET SDK, like scripts/buf.sh.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

out="$root/.build/packages"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --output)
      [[ $# -ge 2 ]] || { echo "pack-contracts.sh: --output needs a directory" >&2; exit 2; }
      out=$2
      shift 2
      ;;
    *)
      echo "usage: scripts/pack-contracts.sh [--output DIR]" >&2
      exit 2
      ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

log() { printf 'pack-contracts.sh: %s\n' "$*" >&2; }

bash scripts/buf.sh deps
buf="$root/node_modules/.bin/buf"

# The version: the last line of protos/VERSIONS, provided it still describes protos/ (packages/contracts-version.mjs).
version=$("$buf" build protos --exclude-source-info --exclude-imports -o '-#format=json' |
  node packages/contracts-version.mjs check protos/VERSIONS)
log "contracts version $version"

staging="$root/.build/pack-contracts"
rm -rf "$staging"
mkdir -p "$staging"
# Only this script's own files: the folder may hold other things (a release's notes, the examples' output).
rm -f "$out"/Industry.Contracts.*.nupkg "$out"/industry-contracts-*.tgz "$out"/industry-protos-*.tar.gz

log "NuGet Industry.Contracts $version"
# The services' contracts project in its client-package shape (packages/nuget/ClientPackage.props), built in its own
# folders: sharing obj/ would swap the services' restore (Grpc.AspNetCore, server stubs) for the package's.
nuget_build="$root/.build/contracts-package"
nuget_props=(-c Release -p:ContractsClientPackage=true -p:ContractsVersion="$version"
  -p:BaseIntermediateOutputPath="$nuget_build/obj/" -p:BaseOutputPath="$nuget_build/bin/" --nologo -v:q)
dotnet pack services/contracts/Industry.Contracts.csproj "${nuget_props[@]}" -o "$out" >&2

log "npm @industry/contracts $version"
if [[ ! -x packages/npm/node_modules/.bin/protoc-gen-es ]]; then
  (cd packages/npm && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
npm_dir="$staging/npm"
mkdir -p "$npm_dir"
cp packages/npm/package.json packages/npm/tsconfig.json packages/npm/README.md "$npm_dir/"
ln -s "$root/packages/npm/node_modules" "$npm_dir/node_modules"
# --include-imports: the google/api, google/rpc and google/type files the protos import, so the package is complete;
# the well-known types come from @bufbuild/protobuf/wkt.
bash scripts/buf.sh generate protos --template packages/npm/buf.gen.yaml --include-imports -o "$npm_dir"
"$npm_dir/node_modules/.bin/tsc" -p "$npm_dir/tsconfig.json"
(
  cd "$npm_dir"
  npm pkg set version="$version"
  # What builds the package is not what installs it.
  npm pkg delete devDependencies
  npm pack --pack-destination "$out" --loglevel=error >/dev/null
)

log "protos industry-protos-$version.tar.gz"
name="industry-protos-$version"
module="$staging/$name"
mkdir -p "$module"
cp -R protos/industry "$module/"
cp -R .build/proto-deps/google "$module/"
cp packages/protos/README.md packages/protos/buf.yaml "$module/"
# Same bytes for the same inputs: sorted entries, no owners, no timestamps.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C "$staging" -cf - "$name" | gzip -n >"$out/$name.tar.gz"

rm -rf "$staging"
ls -1 "$out"/Industry.Contracts."$version".nupkg "$out"/industry-contracts-"$version".tgz "$out/$name.tar.gz"
