#!/usr/bin/env bash
# Load the demo data set (the 2023 work report, reproduced; docs/demo.md) into a
# suite that is already running, through its gateway's gRPC API:
#   bash scripts/demo.sh [--no-build] [--gateway URL] [--token JWT] [--scale full|tenth] [--concurrency N]
#
# --gateway defaults to http://127.0.0.1:$GATEWAY_GRPC_PORT (7000); the bearer
# token to $INDUSTRY_TOKEN, else $DEV_TOKEN, else none. Loading a second time
# finds the set there and changes nothing. Exit code 0 when the set is loaded.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

DLL="tools/Industry.Demo/bin/Release/net10.0/Industry.Demo.dll"
BUILD=1
ARGS=(--gateway "http://127.0.0.1:${GATEWAY_GRPC_PORT:-7000}")
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) ARGS+=("$arg") ;;
  esac
done

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
if [ "$BUILD" -eq 1 ] || [ ! -f "$DLL" ]; then
  log "building tools/Industry.Demo"
  dotnet build tools/Industry.Demo/Industry.Demo.csproj -c Release -v quiet --nologo >/dev/null
fi

export INDUSTRY_TOKEN="${INDUSTRY_TOKEN:-${DEV_TOKEN:-}}"
# Later arguments win, so a --gateway given here replaces the default above.
exec dotnet "$DLL" "${ARGS[@]}"
