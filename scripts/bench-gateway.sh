#!/usr/bin/env bash
# The gateway's cost (docs/benchmarks.md, issue "gateway and security"):
#   bash scripts/bench-gateway.sh [--no-build]
#
# Builds the projects service and the gateway (Release), starts a throwaway PostgreSQL and RabbitMQ (scripts/lib),
# the projects service and a gateway in front of it, creates one project, and drives three targets with h2load
# (Debian nghttp2-client, installed when missing) with the same h2c connections and concurrency:
#   noop     grpc.health.v1.Health/Check on the service: the server's floor (no token, no database)
#   direct   ProjectService.GetProject on the service, with a token
#   gateway  the same call through the gateway (token checked there and again in the service)
# Two passes: throughput (BENCH_CLIENTS connections x BENCH_STREAMS streams, BENCH_REQUESTS requests) and latency
# (one connection, one stream at a time, BENCH_LATENCY_REQUESTS requests). h2load counts HTTP statuses only and gRPC
# errors are HTTP 200, so every target's answer is checked for grpc-status 0 before and after its run (curl).
# Writes docs/benchmarks/gateway-results.md (BENCH_OUTPUT moves it): req/s, p50/p99, the gateway/direct ratio, the
# gateway's peak resident memory, CPU per request of each process, and the goals with pass/FAIL.
set -euo pipefail

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

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/gateway-results.md}"
REQUESTS="${BENCH_REQUESTS:-40000}"
CLIENTS="${BENCH_CLIENTS:-4}"
STREAMS="${BENCH_STREAMS:-16}"
LATENCY_REQUESTS="${BENCH_LATENCY_REQUESTS:-3000}"
PROJECTS_DLL="$ROOT/services/projects/bin/Release/net10.0/Industry.Projects.dll"
GATEWAY_DLL="$ROOT/services/gateway/bin/Release/net10.0/Industry.Gateway.dll"

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
command -v h2load >/dev/null 2>&1 || apt_install nghttp2-client
command -v curl >/dev/null 2>&1 || apt_install curl
h2load --version | head -n 1

if [ "$build" -eq 1 ]; then
  step "dotnet build (Release): the projects service and the gateway"
  dotnet build services/projects/Industry.Projects.csproj -c Release
  dotnet build services/gateway/Industry.Gateway.csproj -c Release
fi
[ -f "$PROJECTS_DLL" ] && [ -f "$GATEWAY_DLL" ] || die "build first (run without --no-build)"

step "PostgreSQL and RabbitMQ"
infra_start_bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/industry-bench-gateway.XXXXXX")
amqp_port="${BENCH_RABBITMQ##*:}"
amqp_port="${amqp_port%%/*}"

# Not Production: the benchmark signs its own tokens with a throwaway development key (Production accepts an OIDC
# authority only). Validation costs the same per call for either kind of key once the authority's keys are cached.
KEY=$(head -c 32 /dev/urandom | base64)
common_env=(
  "ASPNETCORE_ENVIRONMENT=Benchmark"
  "Authentication__DevelopmentSigningKey=$KEY"
  "Pagination__TokenKey=$(head -c 32 /dev/urandom | base64)"
  "Logging__LogLevel__Default=Warning"
  "Logging__Console__FormatterName=simple"
)
svc_grpc=$(pick_free_port 45000 47999)
svc_http=$(pick_free_port 48000 49999)
gw_grpc=$(pick_free_port 50000 52999)
gw_http=$(pick_free_port 53000 55999)
closed=$(pick_free_port 56000 58999)

start() { # NAME DLL ENV...
  local name="$1" dll="$2"
  shift 2
  (cd "$(dirname "$dll")" && exec env "${common_env[@]}" "$@" dotnet "$dll") >"$WORK/$name.log" 2>&1 &
  PIDS[$name]=$!
}
wait_ready() { # NAME HTTP_PORT
  local i
  for ((i = 0; i < 120; i++)); do
    if curl -fsS -m 2 "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "${PIDS[$1]}" 2>/dev/null || { tail_file "$WORK/$1.log" 40; die "$1 exited"; }
    sleep 1
  done
  tail_file "$WORK/$1.log" 40
  die "$1 not ready"
}

step "start the projects service and the gateway"
start projects "$PROJECTS_DLL" \
  "ConnectionStrings__projects=$BENCH_POSTGRES;Database=bench_gateway" \
  "RabbitMq__Host=127.0.0.1" "RabbitMq__Port=$amqp_port" \
  "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$svc_grpc" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$svc_http"
wait_ready projects "$svc_http"
start gateway "$GATEWAY_DLL" \
  "ReverseProxy__Clusters__projects__Destinations__primary__Address=http://127.0.0.1:$svc_grpc" \
  "ReverseProxy__Clusters__cluster__Destinations__primary__Address=http://127.0.0.1:$closed" \
  "ReverseProxy__Clusters__parks__Destinations__primary__Address=http://127.0.0.1:$closed" \
  "Gateway__RateLimitPermitsPerSecond=0" \
  "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$gw_grpc" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$gw_http"
wait_ready gateway "$gw_http"

TOKEN=$(cd "$(dirname "$GATEWAY_DLL")" && env "${common_env[@]}" dotnet "$GATEWAY_DLL" mint-token --role viewer --subject bench --lifetime 2h)
ADMIN=$(cd "$(dirname "$GATEWAY_DLL")" && env "${common_env[@]}" dotnet "$GATEWAY_DLL" mint-token --role province_admin --subject bench-admin --lifetime 2h)

step "one project to read"
code="2024-340104-39-03-$(printf '%06d' $((RANDOM * 10 + 1)))"
curl -fsS -m 10 -H "Authorization: Bearer $ADMIN" -H 'content-type: application/json' "http://127.0.0.1:$gw_http/v1/projects" -d @- >/dev/null <<JSON || die "could not create the project"
{"displayName":"网关基准测试技改项目","projectCode":"$code","enterpriseUscc":"91340000711771143J","enterpriseDisplayName":"基准测试企业",
 "countyCode":"340104","industry":"IT","gbt4754Class":"C3971","nature":"PROJECT_NATURE_RENOVATION","totalInvestmentYuan":"150000000"}
JSON
name="projects/p-$code"

# gRPC frames: a 0 byte (no compression), the length (4 bytes, big-endian), the protobuf message.
# GetProjectRequest { name = 1 }: tag 0x0a, length, bytes (the name is shorter than 128 bytes).
frame() { # FILE MESSAGE_HEX
  local hex="$2" len=$((${#2} / 2))
  printf "00%08x%s" "$len" "$hex" | xxd -r -p >"$1"
}
command -v xxd >/dev/null 2>&1 || apt_install xxd
frame "$WORK/get-project.bin" "0a$(printf '%02x' "${#name}")$(printf '%s' "$name" | xxd -p | tr -d '\n')"
frame "$WORK/health.bin" ""

declare -A URL=(
  [noop]="http://127.0.0.1:$svc_grpc/grpc.health.v1.Health/Check"
  [direct]="http://127.0.0.1:$svc_grpc/industry.projects.v1.ProjectService/GetProject"
  [gateway]="http://127.0.0.1:$gw_grpc/industry.projects.v1.ProjectService/GetProject"
)
declare -A BODY=([noop]="$WORK/health.bin" [direct]="$WORK/get-project.bin" [gateway]="$WORK/get-project.bin")

check_grpc_ok() { # TARGET: the call's grpc-status (a trailer) must be 0
  local status
  status=$(curl -sS -m 10 --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    -H "authorization: Bearer $TOKEN" --data-binary @"${BODY[$1]}" -D - -o /dev/null "${URL[$1]}" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "grpc-status" { print $2 }' | tail -n 1)
  [ "$status" = "0" ] || die "$1 answered grpc-status '${status:-none}', not 0"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# run TARGET PASS CLIENTS STREAMS REQUESTS: h2load, then "req/s p50_ms p99_ms cpu_ms_per_request(service) (gateway)"
run() {
  local target="$1" pass="$2" log="$WORK/$1-$2.log" out svc0 gw0 svc1 gw1 hz
  check_grpc_ok "$target"
  hz=$(getconf CLK_TCK)
  svc0=$(cpu_ticks "${PIDS[projects]}")
  gw0=$(cpu_ticks "${PIDS[gateway]}")
  out=$(h2load -n "$5" -c "$3" -m "$4" -t 1 --log-file="$log" -d "${BODY[$target]}" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $TOKEN" "${URL[$target]}")
  svc1=$(cpu_ticks "${PIDS[projects]}")
  gw1=$(cpu_ticks "${PIDS[gateway]}")
  check_grpc_ok "$target"
  printf '%s\n' "$out" | grep -q "status codes: $5 2xx" || { printf '%s\n' "$out" >&2; die "$target: not every request answered 2xx"; }
  local rps
  rps=$(printf '%s\n' "$out" | awk '/^finished in/ { gsub(",", "", $4); print $4 }')
  sort -n -k3,3 "$log" | awk -v n="$5" -v rps="$rps" -v s="$((svc1 - svc0))" -v g="$((gw1 - gw0))" -v hz="$hz" '
    { d[NR] = $3 }
    END { p50 = d[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = d[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
          printf "%.0f %.2f %.2f %.3f %.3f\n", rps, p50 / 1000, p99 / 1000, s * 1000 / hz / n, g * 1000 / hz / n }'
}

step "warm-up"
for target in noop direct gateway; do run "$target" warmup 2 8 5000 >/dev/null; done

step "throughput: $CLIENTS connections x $STREAMS streams, $REQUESTS requests each"
declare -A T=()
for target in noop direct gateway; do
  T[$target]=$(run "$target" throughput "$CLIENTS" "$STREAMS" "$REQUESTS")
  log "$target: ${T[$target]} (req/s p50 p99 service-CPU-ms/req gateway-CPU-ms/req)"
done

step "latency: one connection, one call at a time, $LATENCY_REQUESTS requests"
declare -A L=()
for target in noop direct gateway; do
  L[$target]=$(run "$target" latency 1 1 "$LATENCY_REQUESTS")
  log "$target: ${L[$target]}"
done

gw_rss=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[gateway]}/status")
svc_rss=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[projects]}/status")

field() { printf '%s\n' "$1" | awk -v i="$2" '{ print $i }'; }
ratio=$(awk -v g="$(field "${T[gateway]}" 1)" -v d="$(field "${T[direct]}" 1)" 'BEGIN { printf "%.1f", g * 100 / d }')
added=$(awk -v g="$(field "${L[gateway]}" 2)" -v d="$(field "${L[direct]}" 2)" 'BEGIN { printf "%.2f", g - d }')
verdict() { if awk -v v="$1" -v l="$2" -v op="$3" 'BEGIN { exit !((op == ">=") ? v >= l : v < l) }'; then echo pass; else echo "**FAIL**"; fi; }

mkdir -p "$(dirname "$OUTPUT")"
{
  printf '# Gateway benchmark results\n\n'
  printf 'Command: `bash scripts/bench-gateway.sh`, %s UTC, %s, %s cores, load average before the run %s.\n' \
    "$(date -u '+%Y-%m-%d %H:%M')" "$(h2load --version | head -n 1)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'Targets: `noop` = grpc.health.v1.Health/Check on the projects service; `direct` = ProjectService.GetProject on the\n'
  printf 'service; `gateway` = the same call through the gateway. Every call carries a bearer token (checked by the gateway\n'
  printf 'and by the service); every answer was checked for grpc-status 0 before and after each run.\n\n'
  printf '## Throughput (%s connections x %s concurrent streams, %s requests)\n\n' "$CLIENTS" "$STREAMS" "$REQUESTS"
  printf '| target | req/s | p50 ms | p99 ms | service CPU ms/req | gateway CPU ms/req |\n| --- | --- | --- | --- | --- | --- |\n'
  for target in noop direct gateway; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$target" $(field "${T[$target]}" 1) $(field "${T[$target]}" 2) $(field "${T[$target]}" 3) $(field "${T[$target]}" 4) $(field "${T[$target]}" 5)
  done
  printf '\n## Latency (one connection, one call at a time, %s requests)\n\n' "$LATENCY_REQUESTS"
  printf '| target | req/s | p50 ms | p99 ms |\n| --- | --- | --- | --- |\n'
  for target in noop direct gateway; do
    printf '| %s | %s | %s | %s |\n' "$target" $(field "${L[$target]}" 1) $(field "${L[$target]}" 2) $(field "${L[$target]}" 3)
  done
  printf '\nPeak resident memory (VmHWM): gateway %s MB, projects service %s MB.\n\n' "$gw_rss" "$svc_rss"
  printf '## Goals\n\n| goal | measured | verdict |\n| --- | --- | --- |\n'
  printf '| gateway keeps at least 50 %% of the direct throughput | %s %% | %s |\n' "$ratio" "$(verdict "$ratio" 50 '>=')"
  printf '| gateway adds under 1 ms at p50 (latency pass) | %s ms | %s |\n' "$added" "$(verdict "$added" 1 '<')"
  printf '| gateway peak resident memory under 200 MB | %s MB | %s |\n' "$gw_rss" "$(verdict "$gw_rss" 200 '<')"
} >"$OUTPUT"

step "results ($OUTPUT)"
cat "$OUTPUT"
