#!/usr/bin/env bash
# The enterprise profile through the gateway (一企一档, ADR 0036; issue #21: p99 < 50 ms):
#   bash scripts/bench-profile.sh [--no-build]
#
# Builds the three services and the gateway in Release, starts a throwaway PostgreSQL and RabbitMQ (scripts/lib), the
# services on it and the gateway in front of them with their deployed runtime settings (DOTNET_ lines of
# deploy/k8s/base/config), seeds through the gateway's JSON API BENCH_ENTERPRISES enterprises (default 64, the scale of
# bench-gateway.sh) in county 340104, each with a qualification, two projects (one under construction with a month of
# approved investment) and a transformation in one certified park, then calls
# OverviewService.GetEnterpriseProfile of one of them with h2load (Debian nghttp2-client):
#   throughput  BENCH_CLIENTS connections x BENCH_STREAMS streams, BENCH_REQUESTS requests
#   latency     one connection, one call at a time, BENCH_LATENCY_REQUESTS requests
# A profile is four calls behind the gateway (GetEnterprise, ListProjects twice, ListTransformations), in parallel.
# Before and after each pass the answer is checked: grpc-status 0 by gRPC, and by JSON three sections AVAILABLE with
# the seeded two projects and one transformation. Writes docs/benchmarks/profile-results.md (BENCH_OUTPUT moves it):
# req/s, p50/p99, CPU per call of the gateway and of each service, peak resident memory, the goal with pass/FAIL.
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

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/profile-results.md}"
ENTERPRISES="${BENCH_ENTERPRISES:-64}"
REQUESTS="${BENCH_REQUESTS:-4000}"
CLIENTS="${BENCH_CLIENTS:-1}"
STREAMS="${BENCH_STREAMS:-16}"
LATENCY_REQUESTS="${BENCH_LATENCY_REQUESTS:-1000}"
GOAL_P99_MS=50
SERVICES=(cluster projects parks)
declare -A DLL=(
  [cluster]="$ROOT/services/cluster/bin/Release/net10.0/Industry.Cluster.dll"
  [projects]="$ROOT/services/projects/bin/Release/net10.0/Industry.Projects.dll"
  [parks]="$ROOT/services/parks/bin/Release/net10.0/Industry.Parks.dll"
  [gateway]="$ROOT/services/gateway/bin/Release/net10.0/Industry.Gateway.dll"
)
declare -A CSPROJ=(
  [cluster]=services/cluster/Industry.Cluster.csproj [projects]=services/projects/Industry.Projects.csproj
  [parks]=services/parks/Industry.Parks.csproj [gateway]=services/gateway/Industry.Gateway.csproj
)

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
command -v xxd >/dev/null 2>&1 || apt_install xxd
h2load --version | head -n 1

if [ "$build" -eq 1 ]; then
  step "dotnet build (Release): the three services and the gateway"
  for name in "${SERVICES[@]}" gateway; do
    dotnet build "${CSPROJ[$name]}" -c Release
  done
fi
for name in "${SERVICES[@]}" gateway; do
  [ -f "${DLL[$name]}" ] || die "build first (run without --no-build): ${DLL[$name]} is missing"
done

step "PostgreSQL and RabbitMQ"
infra_start_bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/industry-bench-profile.XXXXXX")
amqp_port="${BENCH_RABBITMQ##*:}"
amqp_port="${amqp_port%%/*}"

KEY=$(head -c 32 /dev/urandom | base64)
common_env=(
  "ASPNETCORE_ENVIRONMENT=Benchmark"
  "Authentication__DevelopmentSigningKey=$KEY"
  "Pagination__TokenKey=$(head -c 32 /dev/urandom | base64)"
  "Logging__LogLevel__Default=Warning"
  "Logging__Console__FormatterName=simple"
  "RabbitMq__Host=127.0.0.1" "RabbitMq__Port=$amqp_port"
)
deployed_env() { # SERVICE: the DOTNET_ lines of its deployed configuration (the shared file, then its own)
  local file
  for file in "$ROOT/deploy/k8s/base/config/industry.env" "$ROOT/deploy/k8s/base/config/$1.env"; do
    [ -f "$file" ] && grep '^DOTNET_' "$file" || true
  done
}
declare -A TAKEN=() GRPC_PORT=() HTTP_PORT=()
port() { # a free port no other process of this run was given
  local p
  while p=$(pick_free_port 45000 59999) && [ -n "${TAKEN[$p]:-}" ]; do :; done
  TAKEN[$p]=1
  printf '%s\n' "$p"
}
for name in "${SERVICES[@]}" gateway; do
  port >"$WORK/port"
  GRPC_PORT[$name]=$(cat "$WORK/port")
  port >"$WORK/port"
  HTTP_PORT[$name]=$(cat "$WORK/port")
done

start() { # NAME ENV...
  local name="$1" dll="${DLL[$1]}"
  shift
  (cd "$(dirname "$dll")" && exec env "${common_env[@]}" "$@" \
    "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:${GRPC_PORT[$name]}" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:${HTTP_PORT[$name]}" \
    dotnet "$dll") >"$WORK/$name.log" 2>&1 &
  PIDS[$name]=$!
}
wait_ready() { # NAME
  local i
  for ((i = 0; i < 120; i++)); do
    if curl -fsS -m 2 "http://127.0.0.1:${HTTP_PORT[$1]}/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "${PIDS[$1]}" 2>/dev/null || { tail_file "$WORK/$1.log" 40; die "$1 exited"; }
    sleep 1
  done
  tail_file "$WORK/$1.log" 40
  die "$1 not ready"
}

step "start the three services and the gateway"
for name in "${SERVICES[@]}"; do
  mapfile -t runtime < <(deployed_env "$name")
  start "$name" "${runtime[@]}" "ConnectionStrings__$name=$BENCH_POSTGRES;Database=bench_profile_$name"
done
for name in "${SERVICES[@]}"; do wait_ready "$name"; done
mapfile -t runtime < <(deployed_env gateway)
start gateway "${runtime[@]}" \
  "ReverseProxy__Clusters__cluster__Destinations__primary__Address=http://127.0.0.1:${GRPC_PORT[cluster]}" \
  "ReverseProxy__Clusters__projects__Destinations__primary__Address=http://127.0.0.1:${GRPC_PORT[projects]}" \
  "ReverseProxy__Clusters__parks__Destinations__primary__Address=http://127.0.0.1:${GRPC_PORT[parks]}" \
  "Gateway__RateLimitPermitsPerSecond=0"
wait_ready gateway

TOKEN=$(cd "$(dirname "${DLL[gateway]}")" && env "${common_env[@]}" dotnet "${DLL[gateway]}" mint-token --role viewer --subject bench --lifetime 2h)
ADMIN=$(cd "$(dirname "${DLL[gateway]}")" && env "${common_env[@]}" dotnet "${DLL[gateway]}" mint-token --role province_admin --subject bench-admin --lifetime 2h)
HTTP="http://127.0.0.1:${HTTP_PORT[gateway]}"

post() { # PATH JSON: POST as the province admin through the gateway, print the answer
  curl -fsS -m 30 -H "authorization: Bearer $ADMIN" -H 'content-type: application/json' --data "$2" "$HTTP$1" ||
    die "POST $1 failed: $2"
}
field() { # NAME: the first string value of NAME in the JSON on stdin
  grep -o "\"$1\": *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"\(.*\)"/\1/'
}
uscc() { # N: a valid USCC of a Hefei registration (GB 32100-2015 check character)
  local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY first17 sum=0 i weight=1
  first17=$(printf '91340100%09d' "$1")
  for ((i = 0; i < 17; i++)); do
    sum=$((sum + ${first17:i:1} * weight))
    weight=$((weight * 3 % 31))
  done
  printf '%s%s\n' "$first17" "${alphabet:$(((31 - sum % 31) % 31)):1}"
}

step "seed $ENTERPRISES enterprises with their qualification, projects and transformation, through the gateway"
park=$(post /v1/parks '{"displayName":"基准测试园区","countyCode":"340104","parkType":"PARK_TYPE_NATIONAL_DEVELOPMENT_ZONE","leadIndustry":"industries/IT","aboveSizeEnterpriseCount":100}' | field name)
post "/v1/$park:submit" '{}' >/dev/null
post "/v1/$park:certify" '{"year":2023,"batch":1}' >/dev/null
project() { # SUFFIX: a project of enterprise n (code), printing its name
  post /v1/projects "{\"displayName\":\"基准测试技改项目\",\"projectCode\":\"2024-340104-39-03-$(printf '%04d' "$n")$1\",\"enterpriseUscc\":\"$code\",\"enterpriseDisplayName\":\"基准测试企业$n\",\"countyCode\":\"340104\",\"industry\":\"industries/IT\",\"gbt4754Class\":\"C3971\",\"nature\":\"PROJECT_NATURE_RENOVATION\",\"totalInvestmentYuan\":\"150000000\",\"plannedStartDate\":{\"year\":2024,\"month\":1,\"day\":1},\"plannedCompletionDate\":{\"year\":2025,\"month\":12,\"day\":31}}" | field name
}
for ((n = 1; n <= ENTERPRISES; n++)); do
  code=$(uscc "$n")
  post /v1/enterprises "{\"uscc\":\"$code\",\"displayName\":\"基准测试企业$n\",\"countyCode\":\"340104\",\"gbt4754Class\":\"C3971\",\"aboveSize\":true,\"aboveSizeYear\":2023}" >/dev/null
  post "/v1/enterprises/$code:grantQualification" '{"type":"QUALIFICATION_TYPE_INNOVATIVE_SME","year":2024}' >/dev/null
  started=$(project 01)
  project 02 >/dev/null
  post "/v1/$started:transition" '{"state":"PROJECT_STATE_UNDER_CONSTRUCTION","date":{"year":2024,"month":1,"day":15}}' >/dev/null
  post "/v1/$started/investmentReports:report" '{"period":"2024-02","completedInvestmentYuan":"15000000"}' >/dev/null
  post "/v1/$park/transformations:record" "{\"enterpriseUscc\":\"$code\",\"enterpriseDisplayName\":\"基准测试企业$n\",\"level\":\"TRANSFORMATION_LEVEL_DIGITAL_WORKSHOP\",\"year\":2024}" >/dev/null
done
TARGET=$(uscc $(((ENTERPRISES + 1) / 2)))

# gRPC frames: a 0 byte (no compression), the length (4 bytes, big-endian), the protobuf message.
# GetEnterpriseProfileRequest { name = 1: "enterpriseProfiles/<uscc>" } (37 bytes, a one-byte length).
printf "00%08x0a%02x%s" $((2 + 37)) 37 "$(printf 'enterpriseProfiles/%s' "$TARGET" | xxd -p | tr -d '\n')" | xxd -r -p >"$WORK/profile.bin"
URL="http://127.0.0.1:${GRPC_PORT[gateway]}/industry.overview.v1.OverviewService/GetEnterpriseProfile"

check_profile() { # the call answers grpc-status 0, and its JSON twin three sections AVAILABLE with the seeded records
  local status json
  status=$(curl -sS -m 30 --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    -H "authorization: Bearer $TOKEN" --data-binary @"$WORK/profile.bin" -D - -o /dev/null "$URL" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "grpc-status" { print $2 }' | tail -n 1)
  [ "$status" = "0" ] || die "GetEnterpriseProfile answered grpc-status '${status:-none}', not 0"
  json=$(curl -fsS -m 30 -H "authorization: Bearer $TOKEN" "$HTTP/v1/enterpriseProfiles/$TARGET")
  [ "$(grep -o 'SECTION_STATE_AVAILABLE' <<<"$json" | wc -l)" -eq 3 ] || die "not every section is available: $json"
  [ "$(grep -o '"projectCode"' <<<"$json" | wc -l)" -eq 2 ] || die "the profile does not hold the two projects: $json"
  [ "$(grep -o '"behindSchedule": *true' <<<"$json" | wc -l)" -eq 1 ] || die "the started project is not behind schedule: $json"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
h2() { # CLIENTS STREAMS REQUESTS LOG: h2load, every answer HTTP 2xx, prints "req/s p50_ms p99_ms"
  local out
  out=$(h2load -n "$3" -c "$1" -m "$2" -t 1 --log-file="$4" -d "$WORK/profile.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $TOKEN" "$URL")
  printf '%s\n' "$out" | grep -q "status codes: $3 2xx" || { printf '%s\n' "$out" >&2; die "not every request answered 2xx"; }
  sort -n -k3,3 "$4" | awk -v rps="$(printf '%s\n' "$out" | awk '/^finished in/ { gsub(",", "", $4); print $4 }')" '
    { d[NR] = $3 }
    END { p50 = d[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = d[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
          printf "%.0f %.2f %.2f", rps, p50 / 1000, p99 / 1000 }'
}
measure() { # PASS CLIENTS STREAMS REQUESTS: prints "req/s p50 p99 cpu_ms_per_call(gateway cluster projects parks)"
  local pass="$1" n="$4" out name hz
  declare -A before=()
  hz=$(getconf CLK_TCK)
  for name in gateway "${SERVICES[@]}"; do before[$name]=$(cpu_ticks "${PIDS[$name]}"); done
  out=$(h2 "$2" "$3" "$4" "$WORK/$pass.log")
  printf '%s' "$out"
  for name in gateway "${SERVICES[@]}"; do
    awk -v t="$(($(cpu_ticks "${PIDS[$name]}") - before[$name]))" -v hz="$hz" -v n="$n" 'BEGIN { printf " %.3f", t * 1000 / hz / n }'
  done
  printf '\n'
}

step "warm-up and check"
check_profile
h2 4 4 400 "$WORK/warmup.log" >/dev/null

step "throughput: $CLIENTS connection(s) x $STREAMS streams, $REQUESTS requests"
read -r t_rps t_p50 t_p99 t_gw t_cluster t_projects t_parks < <(measure throughput "$CLIENTS" "$STREAMS" "$REQUESTS")
check_profile
step "latency: one call at a time, $LATENCY_REQUESTS requests"
read -r l_rps l_p50 l_p99 l_gw l_cluster l_projects l_parks < <(measure latency 1 1 "$LATENCY_REQUESTS")
check_profile

hwm() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
verdict() { awk -v v="$1" -v g="$GOAL_P99_MS" 'BEGIN { print (v < g) ? "pass" : "FAIL" }'; }
mkdir -p "$(dirname "$OUTPUT")"
{
  printf '# Enterprise profile benchmark results\n\n'
  printf 'Command: `bash scripts/bench-profile.sh`, %s, %s, %s cores, load average before the run %s.\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(h2load --version | head -n 1)" "$(nproc)" "$LOAD_BEFORE"
  printf 'Data: %s enterprises in county 340104, each with a qualification, two projects (one under construction with\n' "$ENTERPRISES"
  printf 'an approved month, behind schedule) and a transformation; PostgreSQL. `GetEnterpriseProfile` of one of them through the\n'
  printf 'gateway: four calls behind it (GetEnterprise, ListProjects twice, ListTransformations), in parallel. CPU per call\n'
  printf 'is each process'"'"'s user + system time over the pass divided by the calls.\n\n'
  printf '| pass | calls | req/s | p50 ms | p99 ms | gateway CPU ms/call | cluster | projects | parks |\n'
  printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
  printf '| throughput (%s x %s streams) | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$CLIENTS" "$STREAMS" "$REQUESTS" "$t_rps" "$t_p50" "$t_p99" "$t_gw" "$t_cluster" "$t_projects" "$t_parks"
  printf '| latency (one at a time) | %s | %s | %s | %s | %s | %s | %s | %s |\n\n' "$LATENCY_REQUESTS" "$l_rps" "$l_p50" "$l_p99" "$l_gw" "$l_cluster" "$l_projects" "$l_parks"
  printf 'Peak resident memory (VmHWM) at the end: gateway %s MB, cluster %s MB, projects %s MB, parks %s MB.\n\n' \
    "$(hwm "${PIDS[gateway]}")" "$(hwm "${PIDS[cluster]}")" "$(hwm "${PIDS[projects]}")" "$(hwm "${PIDS[parks]}")"
  printf '| goal (issue 21) | measured | verdict |\n| --- | ---: | --- |\n'
  printf '| profile p99 < %s ms through the gateway, under load (%s streams) | %s ms | %s |\n' "$GOAL_P99_MS" "$STREAMS" "$t_p99" "$(verdict "$t_p99")"
  printf '| profile p99 < %s ms through the gateway, one at a time | %s ms | %s |\n' "$GOAL_P99_MS" "$l_p99" "$(verdict "$l_p99")"
} >"$OUTPUT"
cat "$OUTPUT"
