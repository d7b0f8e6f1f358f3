#!/usr/bin/env bash
# Prints a development token (JWT) signed with the public development key every process accepts outside Production
# (appsettings.Development.json), for local calls: `authorization: Bearer <token>`. docs/security.md has the details.
#   scripts/dev-token.sh                                  # province_admin, 8 hours
#   scripts/dev-token.sh --role viewer
#   scripts/dev-token.sh --role city_editor --city 340100 --subject hefei-editor --lifetime 2h
#   scripts/dev-token.sh --role county_editor --county 340104 --subject shushan-editor
# Needs the gateway built (dotnet build Industry.slnx -c Release, as scripts/run.sh does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DLL="$ROOT/services/gateway/bin/Release/net10.0/Industry.Gateway.dll"
[ -f "$DLL" ] || { echo "dev-token.sh: $DLL not found; build first (dotnet build Industry.slnx -c Release)" >&2; exit 1; }
args=("$@")
[ "${#args[@]}" -gt 0 ] || args=(--role province_admin)
cd "$(dirname "$DLL")"
ASPNETCORE_ENVIRONMENT=Development exec dotnet "$DLL" mint-token "${args[@]}"
