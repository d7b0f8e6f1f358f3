#!/usr/bin/env bash
# Regenerates docs/api/openapi.json and docs/api/asyncapi.json from protos/ (ADR 0030):
#   bash tools/Industry.ContractDocs/generate.sh              # rewrite docs/api/
#   bash tools/Industry.ContractDocs/generate.sh OUT_DIR      # write elsewhere (scripts/test.sh compares)
# Env: CONTRACT_DOCS_NO_BUILD=1 runs the already built Release binary (scripts/test.sh, after its build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/docs/api}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The image keeps the comments (source info) and the google imports the protos use.
bash "$root/scripts/buf.sh" build -o "$work/image.binpb"
build_args=()
[[ "${CONTRACT_DOCS_NO_BUILD:-}" == 1 ]] && build_args=(--no-build)
dotnet run --project "$root/tools/Industry.ContractDocs/Industry.ContractDocs.csproj" -c Release "${build_args[@]}" -- \
  "$work/image.binpb" "$out"
