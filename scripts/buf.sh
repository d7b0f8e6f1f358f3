#!/usr/bin/env bash
# Runs the buf CLI (pinned in package.json) on protos/, after making sure its inputs exist:
#   - node_modules/ (npm ci) for the CLI itself;
#   - .build/proto-deps/ for google/api, google/rpc and google/type, taken from the NuGet package
#     Google.Api.CommonProtos (version from Directory.Packages.props) restored with the .NET SDK. They are
#     never committed (docs/conventions.md §2.3) and buf.yaml treats them as an import-only module.
#
# Usage:
#   bash scripts/buf.sh lint              # buf lint; exit 100 on findings
#   bash scripts/buf.sh format            # buf format -d --exit-code on protos/; exit 100 on a diff
#   bash scripts/buf.sh format -w         # rewrite protos/ in place
#   bash scripts/buf.sh breaking <ref>    # buf breaking against a git ref (default: main); exit 100 on findings
#   bash scripts/buf.sh deps              # only restore node_modules/ and .build/proto-deps/
#   bash scripts/buf.sh <any buf args>    # anything else goes to buf as is, e.g. `build -o image.binpb`
# Exit codes are buf's (0 clean, 100 findings, other non-zero for errors).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

deps_dir="$root/.build/proto-deps"
buf_bin="$root/node_modules/.bin/buf"

die() {
  printf 'buf.sh: %s\n' "$*" >&2
  exit 2
}

ensure_buf() {
  if [[ ! -x "$buf_bin" ]]; then
    command -v npm >/dev/null 2>&1 || die "npm is needed to install the buf CLI (package.json)"
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
  [[ -x "$buf_bin" ]] || die "npm ci did not install $buf_bin"
}

# The Google.Api.CommonProtos version pinned for the .NET projects, so buf and Grpc.Tools see the same files.
common_protos_version() {
  local v
  v=$(sed -n 's/.*PackageVersion Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' \
    "$root/Directory.Packages.props" 2>/dev/null | head -n 1)
  printf '%s\n' "${v:-2.17.0}"
}

ensure_deps() {
  local version stamp
  version=$(common_protos_version)
  stamp="$deps_dir/.google-api-commonprotos-$version"
  [[ -f "$stamp" ]] && return 0

  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is needed to restore Google.Api.CommonProtos $version"
  local work
  work=$(mktemp -d)
  # A throwaway project outside the repo, so the repo's Directory.*.props do not apply to it.
  cat >"$work/restore.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Google.Api.CommonProtos" Version="$version" />
  </ItemGroup>
</Project>
CSPROJ
  if ! dotnet restore "$work/restore.csproj" --verbosity quiet >&2; then
    rm -rf "$work"
    die "dotnet restore of Google.Api.CommonProtos $version failed"
  fi
  local packages src
  packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p' | head -n 1)
  src="${packages%/}/google.api.commonprotos/$version/content/protos"
  rm -rf "$work"
  [[ -f "$src/google/api/annotations.proto" ]] || die "no protos found in $src"

  rm -rf "$deps_dir"
  mkdir -p "$deps_dir"
  cp -R "$src/google" "$deps_dir/"
  touch "$stamp"
}

# Builds, from a git ref, the directory buf compares against: the ref's protos/ and buf.yaml (the current
# buf.yaml when the ref has none) plus a link to the restored import-only deps. buf cannot take
# `.git#ref=...` directly: the deps module is not in git, so that input would not build.
against_dir() {
  local ref=$1 dir=$2
  git rev-parse --verify --quiet "$ref^{commit}" >/dev/null || die "unknown git ref: $ref"
  if [[ -z "$(git ls-tree -d --name-only "$ref" -- protos)" ]]; then
    return 1
  fi
  git archive --format=tar "$ref" -- protos | tar -x -C "$dir"
  if git cat-file -e "$ref:buf.yaml" 2>/dev/null; then
    git show "$ref:buf.yaml" >"$dir/buf.yaml"
  else
    cp buf.yaml "$dir/buf.yaml"
  fi
  mkdir -p "$dir/.build"
  ln -s "$deps_dir" "$dir/.build/proto-deps"
}

cmd=${1:-lint}
[[ $# -gt 0 ]] && shift

case "$cmd" in
  deps)
    ensure_buf
    ensure_deps
    ;;
  lint)
    ensure_buf
    ensure_deps
    exec "$buf_bin" lint "$@"
    ;;
  format)
    ensure_buf
    # Only the suite's protos: the third-party deps are not ours to format.
    if [[ $# -eq 0 ]]; then
      exec "$buf_bin" format protos -d --exit-code
    fi
    exec "$buf_bin" format protos "$@"
    ;;
  breaking)
    ensure_buf
    ensure_deps
    ref=${1:-main}
    [[ $# -gt 0 ]] && shift
    against=$(mktemp -d)
    trap 'rm -rf "$against"' EXIT
    if ! against_dir "$ref" "$against"; then
      printf 'buf.sh: %s has no protos/: nothing to compare against\n' "$ref" >&2
      exit 0
    fi
    "$buf_bin" breaking --against "$against" "$@"
    ;;
  *)
    ensure_buf
    ensure_deps
    exec "$buf_bin" "$cmd" "$@"
    ;;
esac
