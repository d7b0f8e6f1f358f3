#!/usr/bin/env bash
# Spreadsheets in and out at scale (docs/benchmarks.md, "Spreadsheets"; issue #19):
#   bash scripts/bench-spreadsheets.sh [--no-build]
#
# Builds the projects service, the gateway and the driver (benchmarks/Industry.Benchmarks) in Release, starts a
# throwaway PostgreSQL and RabbitMQ (scripts/lib), the projects service and a gateway in front of it with their
# deployed runtime settings (DOTNET_ lines of deploy/k8s/base/config), and measures, end to end over HTTP as a clerk's
# browser or `industry import` sends it:
#   import  POST /v1/imports/projects of a BENCH_ROWS-row (50,000) project-list .xlsx made by the driver (sheet-make):
#           upload, the gateway reading the sheet, ImportProjects, and the result sheet written back; rows/s
#   export  GET /v1/exports/projects.xlsx of those rows (filter on their enterprise); seconds
#   monthly POST /v1/imports/investment-reports of a BENCH_MONTHLY_ROWS-row (5,000) monthly table of as many projects
#           under construction (made by the driver: sheet-monthly), twice: every row new, then every row unchanged
# and the peak resident memory (VmHWM) of the projects service and of the gateway after each. A warm-up of
# BENCH_WARMUP_ROWS rows of another enterprise goes first (import and export), so the JIT is not measured.
# Every answer is checked: the import's X-Import-Summary must say every row was created, the export must hold every
# row (the driver counts them: sheet-count). Writes docs/benchmarks/spreadsheets-results.md (BENCH_OUTPUT moves it).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/rabbitmq.sh
. "$ROOT/scripts/lib/rabbitmq.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"
# shellcheck source=scripts/lib/infra.sh
. "$ROOT/scripts/lib/infra.sh"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/spreadsheets-results.md}"
ROWS="${BENCH_ROWS:-50000}"
WARMUP_ROWS="${BENCH_WARMUP_ROWS:-2000}"
MONTHLY_ROWS="${BENCH_MONTHLY_ROWS:-5000}"
USCC="91340000711771143J"
WARMUP_USCC="91340100000000003N"
PROJECTS_DLL="$ROOT/services/projects/bin/Release/net10.0/Industry.Projects.dll"
GATEWAY_DLL="$ROOT/services/gateway/bin/Release/net10.0/Industry.Gateway.dll"
DRIVER_DLL="$ROOT/benchmarks/Industry.Benchmarks/bin/Release/net10.0/Industry.Benchmarks.dll"

build=1
if [ "${1:-}" = "--no-build" ]; then
  build=0
  shift
fi

declare -A PIDS=()
WORK=""
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  infra_stop
  [ -z "$WORK" ] || rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "tools"
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
command -v curl >/dev/null 2>&1 || apt_install curl

if [ "$build" -eq 1 ]; then
  step "dotnet build (Release): the projects service, the gateway and the driver"
  for project in services/projects/Industry.Projects.csproj services/gateway/Industry.Gateway.csproj benchmarks/Industry.Benchmarks/Industry.Benchmarks.csproj; do
    dotnet build "$project" -c Release
  done
fi
for dll in "$PROJECTS_DLL" "$GATEWAY_DLL" "$DRIVER_DLL"; do
  [ -f "$dll" ] || die "build first (run without --no-build): $dll is missing"
done

step "PostgreSQL and RabbitMQ"
infra_start_bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/industry-bench-sheets.XXXXXX")
amqp_port="${BENCH_RABBITMQ##*:}"
amqp_port="${amqp_port%%/*}"

# Not Production: the benchmark signs its own tokens with a throwaway development key.
KEY=$(head -c 32 /dev/urandom | base64)
common_env=(
  "ASPNETCORE_ENVIRONMENT=Benchmark"
  "Authentication__DevelopmentSigningKey=$KEY"
  "Pagination__TokenKey=$(head -c 32 /dev/urandom | base64)"
  "Logging__LogLevel__Default=Warning"
  "Logging__Console__FormatterName=simple"
)
deployed_env() { # SERVICE: the DOTNET_ lines of its deployed configuration (the shared file, then its own)
  local file
  for file in "$ROOT/deploy/k8s/base/config/industry.env" "$ROOT/deploy/k8s/base/config/$1.env"; do
    [ -f "$file" ] && grep '^DOTNET_' "$file" || true
  done
}
declare -A TAKEN=()
port() { # a free port no other process of this run was given
  local p
  while p=$(pick_free_port 45000 59999) && [ -n "${TAKEN[$p]:-}" ]; do :; done
  TAKEN[$p]=1
  printf '%s\n' "$p"
}
for var in svc_grpc svc_http gw_grpc gw_http closed; do
  port >"$WORK/port"
  printf -v "$var" '%s' "$(cat "$WORK/port")"
done

start() { # NAME DLL ENV...
  local name="$1" dll="$2"
  shift 2
  (cd "$(dirname "$dll")" && exec env "${common_env[@]}" "$@" dotnet "$dll") >"$WORK/$name.log" 2>&1 &
  PIDS[$name]=$!
}
wait_ready() { # NAME URL
  local i
  for ((i = 0; i < 120; i++)); do
    if curl -fsS -m 2 "$2" >/dev/null 2>&1; then return 0; fi
    kill -0 "${PIDS[$1]}" 2>/dev/null || { tail_file "$WORK/$1.log" 40; die "$1 exited"; }
    sleep 1
  done
  tail_file "$WORK/$1.log" 40
  die "$1 not ready"
}

step "start the projects service and the gateway"
mapfile -t projects_runtime < <(deployed_env projects)
mapfile -t gateway_runtime < <(deployed_env gateway)
start projects "$PROJECTS_DLL" "${projects_runtime[@]}" \
  "ConnectionStrings__projects=$BENCH_POSTGRES;Database=bench_sheets" \
  "RabbitMq__Host=127.0.0.1" "RabbitMq__Port=$amqp_port" \
  "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$svc_grpc" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$svc_http"
wait_ready projects "http://127.0.0.1:$svc_http/health/ready"
start gateway "$GATEWAY_DLL" "${gateway_runtime[@]}" \
  "ReverseProxy__Clusters__projects__Destinations__primary__Address=http://127.0.0.1:$svc_grpc" \
  "ReverseProxy__Clusters__cluster__Destinations__primary__Address=http://127.0.0.1:$closed" \
  "ReverseProxy__Clusters__parks__Destinations__primary__Address=http://127.0.0.1:$closed" \
  "Gateway__RateLimitPermitsPerSecond=0" \
  "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$gw_grpc" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$gw_http"
wait_ready gateway "http://127.0.0.1:$gw_http/health/ready"
ADMIN=$(cd "$(dirname "$GATEWAY_DLL")" && env "${common_env[@]}" dotnet "$GATEWAY_DLL" mint-token --role province_admin --subject bench-sheets --lifetime 2h)
GATEWAY="http://127.0.0.1:$gw_http"

step "the sheets: $ROWS rows to measure, $WARMUP_ROWS to warm up"
dotnet "$DRIVER_DLL" sheet-make "$WORK/projects.xlsx" "$ROWS" 39-03 "$USCC"
dotnet "$DRIVER_DLL" sheet-make "$WORK/warmup.xlsx" "$WARMUP_ROWS" 39-04 "$WARMUP_USCC"
SHEET_MB=$(awk -v b="$(stat -c %s "$WORK/projects.xlsx")" 'BEGIN { printf "%.1f", b / 1048576 }')

import_sheet() { # FILE LAYOUT SUMMARY: uploads FILE, checks the X-Import-Summary, prints the seconds
  local seconds summary
  seconds=$(curl -sS -m 900 -o "$WORK/result.xlsx" -D "$WORK/headers" -w '%{time_total}' \
    -H "authorization: Bearer $ADMIN" -F "file=@$1" "$GATEWAY/v1/imports/$2")
  summary=$(tr -d '\r' <"$WORK/headers" | awk -F': ' 'tolower($1) == "x-import-summary" { print $2 }')
  [ "$summary" = "$3" ] || { head -c 2000 "$WORK/result.xlsx" >&2; die "import of $1: '${summary:-no summary}', not '$3'"; }
  printf '%s\n' "$seconds"
}
created() { printf 'created=%s; updated=0; unchanged=0; failed=0' "$1"; }
export_sheet() { # USCC ROWS: exports that enterprise's projects as .xlsx, checks the row count, prints the seconds
  local seconds count
  seconds=$(curl -fsS -m 900 -G -o "$WORK/export.xlsx" -w '%{time_total}' -H "authorization: Bearer $ADMIN" \
    --data-urlencode "filter=enterprise_uscc = \"$1\"" "$GATEWAY/v1/exports/projects.xlsx")
  count=$(dotnet "$DRIVER_DLL" sheet-count "$WORK/export.xlsx")
  [ "$count" = "$2" ] || die "the export of $1 holds $count rows, not $2"
  printf '%s\n' "$seconds"
}
hwm() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[$1]}/status"; }

step "warm-up"
import_sheet "$WORK/warmup.xlsx" projects "$(created "$WARMUP_ROWS")" >/dev/null
export_sheet "$WARMUP_USCC" "$WARMUP_ROWS" >/dev/null

step "import $ROWS rows ($SHEET_MB MiB .xlsx) through the gateway"
IMPORT_S=$(import_sheet "$WORK/projects.xlsx" projects "$(created "$ROWS")")
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
IMPORT_RATE=$(rate "$ROWS" "$IMPORT_S")
RESULT_MB=$(awk -v b="$(stat -c %s "$WORK/result.xlsx")" 'BEGIN { printf "%.1f", b / 1048576 }')
IMPORT_SVC=$(hwm projects)
IMPORT_GW=$(hwm gateway)
log "import: $IMPORT_S s, $IMPORT_RATE rows/s; peak RSS projects $IMPORT_SVC MB, gateway $IMPORT_GW MB"

step "export $ROWS rows as .xlsx through the gateway"
EXPORT_S=$(export_sheet "$USCC" "$ROWS")
EXPORT_MB=$(awk -v b="$(stat -c %s "$WORK/export.xlsx")" 'BEGIN { printf "%.1f", b / 1048576 }')
EXPORT_SVC=$(hwm projects)
EXPORT_GW=$(hwm gateway)
log "export: $EXPORT_S s; peak RSS projects $EXPORT_SVC MB, gateway $EXPORT_GW MB"

step "monthly table (月度调度表): $MONTHLY_ROWS projects under construction, one month each, imported twice"
dotnet "$DRIVER_DLL" sheet-monthly "http://127.0.0.1:$gw_grpc" "$ADMIN" "$MONTHLY_ROWS" "$WORK/monthly.xlsx"
MONTHLY_S=$(import_sheet "$WORK/monthly.xlsx" investment-reports "$(created "$MONTHLY_ROWS")")
MONTHLY_AGAIN_S=$(import_sheet "$WORK/monthly.xlsx" investment-reports "created=0; updated=0; unchanged=$MONTHLY_ROWS; failed=0")
MONTHLY_SVC=$(hwm projects)
MONTHLY_GW=$(hwm gateway)
log "monthly: $MONTHLY_S s ($(rate "$MONTHLY_ROWS" "$MONTHLY_S") rows/s), again $MONTHLY_AGAIN_S s; peak RSS projects $MONTHLY_SVC MB, gateway $MONTHLY_GW MB"

verdict() { if awk -v v="$1" -v l="$2" -v op="$3" 'BEGIN { exit !((op == ">=") ? v >= l : v < l) }'; then echo pass; else echo "**FAIL**"; fi; }
mkdir -p "$(dirname "$OUTPUT")"
{
  printf '# Spreadsheet benchmark results\n\n'
  printf 'Command: `bash scripts/bench-spreadsheets.sh`, %s UTC on `%s`, %s cores, load average before the run %s.\n' \
    "$(date -u '+%Y-%m-%d %H:%M')" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(nproc)" "$LOAD_BEFORE"
  printf 'One projects service and one gateway (deployed runtime settings: projects `%s`; gateway `%s`) on a throwaway\n' \
    "${projects_runtime[*]:-defaults}" "${gateway_runtime[*]:-defaults}"
  printf 'PostgreSQL; curl as the client, over HTTP/1.1 to the gateway'"'"'s JSON port. A warm-up of %s rows (import and\n' "$WARMUP_ROWS"
  printf 'export) went first. Times are curl'"'"'s `time_total`: from the first byte sent to the last received. Peak memory is\n'
  printf 'VmHWM, the highest resident set since the process started, read after each step.\n\n'
  printf '| step | rows | file | seconds | rows/s | projects service peak MB | gateway peak MB |\n'
  printf '| --- | ---: | --- | ---: | ---: | ---: | ---: |\n'
  printf '| import (`POST /v1/imports/projects`, every row created) | %s | %s MiB .xlsx up, %s MiB result down | %s | %s | %s | %s |\n' \
    "$ROWS" "$SHEET_MB" "$RESULT_MB" "$IMPORT_S" "$IMPORT_RATE" "$IMPORT_SVC" "$IMPORT_GW"
  printf '| export (`GET /v1/exports/projects.xlsx`, every row counted) | %s | %s MiB .xlsx | %s | %s | %s | %s |\n' \
    "$ROWS" "$EXPORT_MB" "$EXPORT_S" "$(rate "$ROWS" "$EXPORT_S")" "$EXPORT_SVC" "$EXPORT_GW"
  printf '| monthly table (`POST /v1/imports/investment-reports`, every row a new report) | %s | .xlsx | %s | %s | %s | %s |\n' \
    "$MONTHLY_ROWS" "$MONTHLY_S" "$(rate "$MONTHLY_ROWS" "$MONTHLY_S")" "$MONTHLY_SVC" "$MONTHLY_GW"
  printf '| the same monthly table again (every row unchanged, nothing written) | %s | .xlsx | %s | %s | | |\n\n' \
    "$MONTHLY_ROWS" "$MONTHLY_AGAIN_S" "$(rate "$MONTHLY_ROWS" "$MONTHLY_AGAIN_S")"
  printf '## Goals (issue #19)\n\n| goal | measured | verdict |\n| --- | --- | --- |\n'
  printf '| import of %s rows from .xlsx through the gateway: at least 5,000 rows/s | %s rows/s | %s |\n' "$ROWS" "$IMPORT_RATE" "$(verdict "$IMPORT_RATE" 5000 '>=')"
  printf '| export of %s rows as .xlsx: under 10 s | %s s | %s |\n' "$ROWS" "$EXPORT_S" "$(verdict "$EXPORT_S" 10 '<')"
  printf '| projects service peak resident memory under 300 MB (import and export) | %s MB | %s |\n' "$EXPORT_SVC" "$(verdict "$EXPORT_SVC" 300 '<')"
  printf '| gateway peak resident memory under 150 MB (its goal, "Gateway and cost per call"; import and export) | %s MB | %s |\n' "$EXPORT_GW" "$(verdict "$EXPORT_GW" 150 '<')"
  printf '\nThe monthly table has no goal of its own: it measures whether one call per row is enough (ADR 0044).\n'
} >"$OUTPUT"

step "results ($OUTPUT)"
cat "$OUTPUT"
