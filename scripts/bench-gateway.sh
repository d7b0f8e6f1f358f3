#!/usr/bin/env bash
# The cost per call (docs/benchmarks.md, "Gateway and cost per call"; issue #23):
#   bash scripts/bench-gateway.sh [--no-build]
#
# Builds the projects service, the gateway, the reference (benchmarks/Industry.Reference) and the load driver
# (benchmarks/Industry.Benchmarks) in Release, starts a throwaway PostgreSQL and RabbitMQ (scripts/lib), the projects
# service and a gateway in front of it with their deployed runtime settings (DOTNET_ lines of deploy/k8s/base/config),
# and beside them on the same PostgreSQL the reference twice: without authentication (`ref`) and with the stock JWT
# bearer handler on the same key (`ref-auth`). Every figure is also given as a ratio to the reference measured in the
# same run, since the machine is shared and absolute numbers are noisy. Targets (h2load, Debian nghttp2-client):
#   floor       bench.v1.NoopService/Noop on `ref`: a gRPC method that touches nothing, the framework's floor
#   health      grpc.health.v1.Health/Check on the projects service: the suite's plumbing without a token or a query
#   ref-get     ProjectService.GetProject on `ref`;  ref-auth-get  the same on `ref-auth`, with a token
#   direct      ProjectService.GetProject on the projects service, with a token
#   gateway     the same call through the gateway (token checked there and again in the service)
#   ref-list / list      ListProjects, filter county_code = "340104", a page of 50, one connection x 16 streams
#   ref-update / update  UpdateProject with the etag of each caller's last answer, 16 callers (dotnet … cost-update)
# Two passes for GetProject: throughput (BENCH_CLIENTS connections x BENCH_STREAMS streams, BENCH_REQUESTS requests)
# and latency (one connection, one stream at a time, BENCH_LATENCY_REQUESTS requests). h2load counts HTTP statuses only
# and gRPC errors are HTTP 200, so every target's answer is checked for grpc-status 0 before and after its run (curl).
# Writes docs/benchmarks/gateway-results.md (BENCH_OUTPUT moves it): req/s, p50/p99, CPU per call of each process,
# the ratios to the references, peak resident memory of every process, and the goals with pass/FAIL.
set -euo pipefail
# A failed check inside $(…) (a run, a measurement) must stop the benchmark too.
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

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/gateway-results.md}"
REQUESTS="${BENCH_REQUESTS:-40000}"
CLIENTS="${BENCH_CLIENTS:-4}"
STREAMS="${BENCH_STREAMS:-16}"
LATENCY_REQUESTS="${BENCH_LATENCY_REQUESTS:-3000}"
PROJECTS_DLL="$ROOT/services/projects/bin/Release/net10.0/Industry.Projects.dll"
GATEWAY_DLL="$ROOT/services/gateway/bin/Release/net10.0/Industry.Gateway.dll"
REFERENCE_DLL="$ROOT/benchmarks/Industry.Reference/bin/Release/net10.0/Industry.Reference.dll"
DRIVER_DLL="$ROOT/benchmarks/Industry.Benchmarks/bin/Release/net10.0/Industry.Benchmarks.dll"
LIST_REQUESTS="${BENCH_LIST_REQUESTS:-4000}"
UPDATE_REQUESTS="${BENCH_UPDATE_REQUESTS:-4000}"
IN_FLIGHT=16

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
  step "dotnet build (Release): the projects service, the gateway, the reference and the load driver"
  for project in services/projects/Industry.Projects.csproj services/gateway/Industry.Gateway.csproj \
    benchmarks/Industry.Reference/Industry.Reference.csproj benchmarks/Industry.Benchmarks/Industry.Benchmarks.csproj; do
    dotnet build "$project" -c Release
  done
fi
for dll in "$PROJECTS_DLL" "$GATEWAY_DLL" "$REFERENCE_DLL" "$DRIVER_DLL"; do
  [ -f "$dll" ] || die "build first (run without --no-build): $dll is missing"
done

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
# A CPU profile needs the JIT's symbol maps (/tmp/perf-PID.map), written only when asked for at start, and the JIT's
# code in anonymous memory where perf looks for it: W^X maps it from a memfd instead (a profiling run only).
perf_env=()
[ -z "${BENCH_PERF_DIR:-}" ] || perf_env=("DOTNET_PerfMapEnabled=1" "DOTNET_EnableWriteXorExecute=0")
# The reference: the same key, issuer and audience as the suite's development tokens (SuiteAuthenticationOptions).
ref_env=("ConnectionStrings__reference=$BENCH_POSTGRES;Database=bench_reference" "Reference__Issuer=industry-dev" "Reference__Audience=industry-api")
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
# Plain assignments, not inside $(…), so that TAKEN keeps each pick.
for var in svc_grpc svc_http gw_grpc gw_http closed ref_port ref_http ref_auth_port ref_auth_http; do
  port >"$WORK/port"
  printf -v "$var" '%s' "$(cat "$WORK/port")"
done

start() { # NAME DLL ENV...
  local name="$1" dll="$2"
  shift 2
  (cd "$(dirname "$dll")" && exec env "${common_env[@]}" "${perf_env[@]}" "$@" dotnet "$dll") >"$WORK/$name.log" 2>&1 &
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

step "start the projects service, the gateway and the reference (without and with authentication)"
mapfile -t projects_runtime < <(deployed_env projects)
mapfile -t gateway_runtime < <(deployed_env gateway)
start projects "$PROJECTS_DLL" "${projects_runtime[@]}" \
  "ConnectionStrings__projects=$BENCH_POSTGRES;Database=bench_gateway" \
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
# One after the other: the first creates and seeds the reference's table.
ref_endpoints() { # GRPC_PORT HTTP_PORT
  printf '%s\n' "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$1" "Kestrel__Endpoints__Grpc__Protocols=Http2" \
    "Kestrel__Endpoints__Http__Url=http://127.0.0.1:$2" "Kestrel__Endpoints__Http__Protocols=Http1"
}
mapfile -t endpoints < <(ref_endpoints "$ref_port" "$ref_http")
start ref "$REFERENCE_DLL" "${ref_env[@]}" "${endpoints[@]}"
wait_ready ref "http://127.0.0.1:$ref_http/ready"
mapfile -t endpoints < <(ref_endpoints "$ref_auth_port" "$ref_auth_http")
start ref-auth "$REFERENCE_DLL" "${ref_env[@]}" "Reference__SigningKey=$KEY" "${endpoints[@]}"
wait_ready ref-auth "http://127.0.0.1:$ref_auth_http/ready"

TOKEN=$(cd "$(dirname "$GATEWAY_DLL")" && env "${common_env[@]}" dotnet "$GATEWAY_DLL" mint-token --role viewer --subject bench --lifetime 2h)
ADMIN=$(cd "$(dirname "$GATEWAY_DLL")" && env "${common_env[@]}" dotnet "$GATEWAY_DLL" mint-token --role province_admin --subject bench-admin --lifetime 2h)

step "projects to read, list and update: 64 in county 340104 (the reference seeds the same shape itself)"
mapfile -t names < <(dotnet "$DRIVER_DLL" cost-seed "http://127.0.0.1:$svc_grpc" "$ADMIN" 64 340104)
[ "${#names[@]}" -eq 64 ] || die "could not create the projects"
ref_names=()
for ((i = 1; i <= IN_FLIGHT; i++)); do ref_names+=("projects/p-ref-$(printf '%04d' "$i")"); done

# gRPC frames: a 0 byte (no compression), the length (4 bytes, big-endian), the protobuf message.
frame() { # FILE MESSAGE_HEX
  local hex="$2" len=$((${#2} / 2))
  printf "00%08x%s" "$len" "$hex" | xxd -r -p >"$1"
}
text() { # FIELD_TAG_HEX STRING: a length-delimited field shorter than 128 bytes
  printf '%s%02x%s' "$1" "$(printf '%s' "$2" | wc -c)" "$(printf '%s' "$2" | xxd -p | tr -d '\n')"
}
frame "$WORK/get-project.bin" "$(text 0a "${names[0]}")"
frame "$WORK/get-ref.bin" "$(text 0a "${ref_names[0]}")"
# ListProjectsRequest { page_size = 1 (varint 50), filter = 3 }
frame "$WORK/list.bin" "0832$(text 1a 'county_code = "340104"')"
frame "$WORK/empty.bin" ""

declare -A URL=(
  [floor]="http://127.0.0.1:$ref_port/bench.v1.NoopService/Noop"
  [health]="http://127.0.0.1:$svc_grpc/grpc.health.v1.Health/Check"
  [ref-get]="http://127.0.0.1:$ref_port/industry.projects.v1.ProjectService/GetProject"
  [ref-auth-get]="http://127.0.0.1:$ref_auth_port/industry.projects.v1.ProjectService/GetProject"
  [direct]="http://127.0.0.1:$svc_grpc/industry.projects.v1.ProjectService/GetProject"
  [gateway]="http://127.0.0.1:$gw_grpc/industry.projects.v1.ProjectService/GetProject"
  [ref-list]="http://127.0.0.1:$ref_auth_port/industry.projects.v1.ProjectService/ListProjects"
  [list]="http://127.0.0.1:$svc_grpc/industry.projects.v1.ProjectService/ListProjects"
)
declare -A BODY=([floor]="$WORK/empty.bin" [health]="$WORK/empty.bin" [ref-get]="$WORK/get-ref.bin" [ref-auth-get]="$WORK/get-ref.bin"
  [direct]="$WORK/get-project.bin" [gateway]="$WORK/get-project.bin" [ref-list]="$WORK/list.bin" [list]="$WORK/list.bin")
# The processes whose CPU a target's calls cost: the one answering, and the gateway in front of it.
declare -A SERVER=([floor]=ref [health]=projects [ref-get]=ref [ref-auth-get]=ref-auth [direct]=projects [gateway]=projects
  [ref-list]=ref-auth [list]=projects [ref-update]=ref-auth [update]=projects)
declare -A GRPC=([ref-update]="http://127.0.0.1:$ref_auth_port" [update]="http://127.0.0.1:$svc_grpc")

check_grpc_ok() { # TARGET: the call's grpc-status (a trailer) must be 0, and a read must answer a message
  local status
  status=$(curl -sS -m 30 --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
    -H "authorization: Bearer $TOKEN" --data-binary @"${BODY[$1]}" -D - -o "$WORK/answer.bin" "${URL[$1]}" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "grpc-status" { print $2 }' | tail -n 1)
  [ "$status" = "0" ] || die "$1 answered grpc-status '${status:-none}', not 0"
  case "$1" in
    *get | direct | gateway) grep -q "${names[0]#projects/}\|p-ref-0001" "$WORK/answer.bin" || die "$1 did not answer the project" ;;
    *list) [ "$(grep -ao '基准测试企业' "$WORK/answer.bin" | wc -l)" -eq 50 ] || die "$1 did not answer a page of 50 projects" ;;
  esac
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure TARGET REQUESTS COMMAND...: runs the command (it prints "req/s p50_ms p99_ms"), then prints
# "req/s p50_ms p99_ms server_cpu_ms_per_call gateway_cpu_ms_per_call"
measure() {
  local target="$1" n="$2" server="${PIDS[${SERVER[$1]}]}" out s0 g0 s1 g1 hz
  shift 2
  hz=$(getconf CLK_TCK)
  s0=$(cpu_ticks "$server")
  g0=$(cpu_ticks "${PIDS[gateway]}")
  out=$("$@")
  s1=$(cpu_ticks "$server")
  g1=$(cpu_ticks "${PIDS[gateway]}")
  [ "$target" = gateway ] || g1=$g0
  awk -v o="$out" -v n="$n" -v s="$((s1 - s0))" -v g="$((g1 - g0))" -v hz="$hz" \
    'BEGIN { printf "%s %.3f %.3f\n", o, s * 1000 / hz / n, g * 1000 / hz / n }'
}
h2() { # TARGET CLIENTS STREAMS REQUESTS LOG: h2load, every answer HTTP 2xx, prints "req/s p50_ms p99_ms"
  local out
  out=$(h2load -n "$4" -c "$2" -m "$3" -t 1 --log-file="$5" -d "${BODY[$1]}" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $TOKEN" "${URL[$1]}")
  printf '%s\n' "$out" | grep -q "status codes: $4 2xx" || { printf '%s\n' "$out" >&2; die "$1: not every request answered 2xx"; }
  sort -n -k3,3 "$5" | awk -v rps="$(printf '%s\n' "$out" | awk '/^finished in/ { gsub(",", "", $4); print $4 }')" '
    { d[NR] = $3 }
    END { p50 = d[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = d[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
          printf "%.0f %.2f %.2f", rps, p50 / 1000, p99 / 1000 }'
}
# BENCH_TRACE_DIR=DIR: a profiling run (its figures are not the results: tracing costs CPU). During the throughput
# pass of `direct` and `gateway`, dotnet-trace samples the answering processes' stacks for 15 s into DIR/<target>-<process>.nettrace;
# `dotnet-trace report FILE topN` lists the top frames (docs/benchmarks.md).
trace_start() { # TARGET PASS
  [ -n "${BENCH_TRACE_DIR:-}" ] && [ "$2" = throughput ] || return 0
  case "$1" in direct | gateway) ;; *) return 0 ;; esac
  mkdir -p "$BENCH_TRACE_DIR"
  local process
  for process in projects gateway; do
    [ "$1" = gateway ] || [ "$process" = projects ] || continue
    PATH="$PATH:$HOME/.dotnet/tools" dotnet-trace collect -p "${PIDS[$process]}" --profile dotnet-sampled-thread-time \
      --duration 00:00:00:15 -o "$BENCH_TRACE_DIR/$1-$process.nettrace" >"$WORK/trace-$1-$process.log" 2>&1 &
  done
  sleep 2
}
# BENCH_PERF_DIR=DIR: a CPU profile (perf, Debian linux-perf) of the answering process during the measured pass of
# `ref-auth-get`, `direct`, `gateway` (the gateway's too), the lists and the updates, 15 s at 999 Hz, into DIR/<target>-<process>.perf.data and
# the functions that used most CPU (self time) into DIR/<target>-<process>.txt. The JIT's maps stay in /tmp for
# `perf report -i FILE --children` afterwards. Unlike dotnet-trace's thread-time
# samples, these count only running threads, so the shares are shares of the CPU the process used.
perf_start() { # TARGET PASS
  [ -n "${BENCH_PERF_DIR:-}" ] && [ "$2" = throughput ] || return 0
  local processes
  case "$1" in ref-auth-get | ref-list | ref-update) processes=(ref-auth) ;; direct | list | update) processes=(projects) ;; gateway) processes=(projects gateway) ;; *) return 0 ;; esac
  command -v perf >/dev/null 2>&1 || apt_install linux-perf
  mkdir -p "$BENCH_PERF_DIR"
  local process
  for process in "${processes[@]}"; do
    (
      timeout -s INT 15 perf record -F 999 -g -p "${PIDS[$process]}" -o "$BENCH_PERF_DIR/$1-$process.perf.data" >/dev/null 2>&1 || true
      perf report -i "$BENCH_PERF_DIR/$1-$process.perf.data" --no-children -g none --sort dso,symbol --percent-limit 0.2 \
        --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 100 >"$BENCH_PERF_DIR/$1-$process.txt"
    ) </dev/null >/dev/null 2>&1 & # not holding the caller's $(…) open until the profile ends
  done
  sleep 1
}
run() { # TARGET PASS CLIENTS STREAMS REQUESTS
  check_grpc_ok "$1"
  trace_start "$1" "$2"
  perf_start "$1" "$2"
  measure "$1" "$5" h2 "$1" "$3" "$4" "$5" "$WORK/$1-$2.log"
  check_grpc_ok "$1"
}
run_update() { # TARGET REQUESTS NAME...: the driver fails on any failed call or unchanged etag
  local target="$1" n="$2"
  shift 2
  [ "$n" -lt "$UPDATE_REQUESTS" ] || perf_start "$target" throughput
  measure "$target" "$n" dotnet "$DRIVER_DLL" cost-update "${GRPC[$target]}" "$TOKEN_WRITE" "$n" "$@"
}
TOKEN_WRITE="$ADMIN"

GETS=(floor health ref-get ref-auth-get direct gateway)
step "warm-up"
for target in "${GETS[@]}" ref-list list; do run "$target" warmup 2 8 3000 >/dev/null; done
run_update ref-update 1000 "${ref_names[@]}" >/dev/null
run_update update 1000 "${names[@]:0:IN_FLIGHT}" >/dev/null

step "throughput: $CLIENTS connections x $STREAMS streams, $REQUESTS requests each"
declare -A T=()
for target in "${GETS[@]}"; do
  T[$target]=$(run "$target" throughput "$CLIENTS" "$STREAMS" "$REQUESTS")
  log "$target: ${T[$target]} (req/s p50 p99 server-CPU-ms/call gateway-CPU-ms/call)"
done
step "a write and a list: $IN_FLIGHT calls in flight"
for target in ref-list list; do
  T[$target]=$(run "$target" throughput 1 "$IN_FLIGHT" "$LIST_REQUESTS")
  log "$target: ${T[$target]}"
done
T[ref-update]=$(run_update ref-update "$UPDATE_REQUESTS" "${ref_names[@]}")
log "ref-update: ${T[ref-update]}"
T[update]=$(run_update update "$UPDATE_REQUESTS" "${names[@]:0:IN_FLIGHT}")
log "update: ${T[update]}"

step "latency: one connection, one call at a time, $LATENCY_REQUESTS requests"
declare -A L=()
for target in ref-auth-get direct gateway; do
  L[$target]=$(run "$target" latency 1 1 "$LATENCY_REQUESTS")
  log "$target: ${L[$target]}"
done

declare -A RSS=()
for name in projects gateway ref ref-auth; do
  RSS[$name]=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[$name]}/status")
done

field() { printf '%s\n' "$1" | awk -v i="$2" '{ print $i }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cpu() { awk -v s="$(field "${T[$1]}" 4)" -v g="$(field "${T[$1]}" 5)" 'BEGIN { printf "%.3f", s + g }'; }
verdict() { if awk -v v="$1" -v l="$2" -v op="$3" 'BEGIN { exit !((op == ">=") ? v >= l : (op == "<=") ? v <= l : v < l) }'; then echo pass; else echo "**FAIL**"; fi; }
declare -A REF=([floor]=ref-auth-get [health]=ref-auth-get [ref-get]=ref-auth-get [ref-auth-get]=ref-auth-get [direct]=ref-auth-get [gateway]=ref-auth-get
  [ref-list]=ref-list [list]=ref-list [ref-update]=ref-update [update]=ref-update)
rps_ratio() { div "$(field "${T[$1]}" 1)" "$(field "${T[${REF[$1]}]}" 1)"; }
cpu_ratio() { div "$(cpu "$1")" "$(cpu "${REF[$1]}")"; }

ratio=$(awk -v g="$(field "${T[gateway]}" 1)" -v d="$(field "${T[direct]}" 1)" 'BEGIN { printf "%.1f", g * 100 / d }')
added=$(awk -v g="$(field "${L[gateway]}" 2)" -v d="$(field "${L[direct]}" 2)" 'BEGIN { printf "%.2f", g - d }')

mkdir -p "$(dirname "$OUTPUT")"
{
  printf '# Gateway and cost-per-call benchmark results\n\n'
  printf 'Command: `bash scripts/bench-gateway.sh`, %s UTC, %s, %s cores, load average before the run %s.\n' \
    "$(date -u '+%Y-%m-%d %H:%M')" "$(h2load --version | head -n 1)" "$(nproc)" "$LOAD_BEFORE"
  printf 'The reference (`ref`, `ref-auth`: benchmarks/Industry.Reference) ran beside the suite on the same PostgreSQL in\n'
  printf 'the same run; ratios are to `ref-auth-get` (GetProject on the reference with the stock JWT bearer handler) unless\n'
  printf 'the row says otherwise. Every answer was checked for grpc-status 0 (and reads for their content) before and after\n'
  printf 'each run; the update driver checks every answer and that each etag changed. CPU per call is the answering\n'
  printf "process's user + system time over the run divided by the calls, plus the gateway's for \`gateway\`.\n\n"
  printf '## GetProject and the floors (%s connections x %s concurrent streams, %s requests)\n\n' "$CLIENTS" "$STREAMS" "$REQUESTS"
  printf '| target | req/s | x ref-auth | p50 ms | p99 ms | server CPU ms/call | gateway CPU ms/call | CPU x ref-auth |\n'
  printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
  for target in "${GETS[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$(field "${T[$target]}" 1)" "$(rps_ratio "$target")" \
      "$(field "${T[$target]}" 2)" "$(field "${T[$target]}" 3)" "$(field "${T[$target]}" 4)" "$(field "${T[$target]}" 5)" "$(cpu_ratio "$target")"
  done
  printf '\n## A write and a list (%s calls in flight; ratios to the reference with authentication)\n\n' "$IN_FLIGHT"
  printf '| target | calls | req/s | x reference | p50 ms | p99 ms | server CPU ms/call | CPU x reference |\n'
  printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
  for target in ref-list list ref-update update; do
    n=$LIST_REQUESTS; [[ $target == *update ]] && n=$UPDATE_REQUESTS
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$n" "$(field "${T[$target]}" 1)" "$(rps_ratio "$target")" \
      "$(field "${T[$target]}" 2)" "$(field "${T[$target]}" 3)" "$(field "${T[$target]}" 4)" "$(cpu_ratio "$target")"
  done
  printf '\n## Latency (one connection, one call at a time, %s requests)\n\n' "$LATENCY_REQUESTS"
  printf '| target | req/s | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |\n'
  for target in ref-auth-get direct gateway; do
    printf '| %s | %s | %s | %s |\n' "$target" "$(field "${L[$target]}" 1)" "$(field "${L[$target]}" 2)" "$(field "${L[$target]}" 3)"
  done
  printf '\nPeak resident memory (VmHWM) at the end: projects service %s MB, gateway %s MB, ref %s MB, ref-auth %s MB.\n' \
    "${RSS[projects]}" "${RSS[gateway]}" "${RSS[ref]}" "${RSS[ref-auth]}"
  printf 'Runtime settings: projects `%s`; gateway `%s` (deploy/k8s/base/config); the reference the defaults.\n\n' \
    "${projects_runtime[*]:-defaults}" "${gateway_runtime[*]:-defaults}"
  printf '## Goals\n\n| goal | measured | verdict |\n| --- | --- | --- |\n'
  printf '| GetProject direct: throughput at least 1.0x ref-auth | %sx | %s |\n' "$(rps_ratio direct)" "$(verdict "$(rps_ratio direct)" 1.0 '>=')"
  printf '| GetProject direct: CPU per call at most ref-auth'"'"'s | %sx | %s |\n' "$(cpu_ratio direct)" "$(verdict "$(cpu_ratio direct)" 1.0 '<=')"
  printf '| GetProject through the gateway: at least 0.8x ref-auth called directly | %sx | %s |\n' "$(rps_ratio gateway)" "$(verdict "$(rps_ratio gateway)" 0.8 '>=')"
  printf '| UpdateProject: at least 0.8x its reference | %sx | %s |\n' "$(rps_ratio update)" "$(verdict "$(rps_ratio update)" 0.8 '>=')"
  printf '| ListProjects: at least 0.8x its reference | %sx | %s |\n' "$(rps_ratio list)" "$(verdict "$(rps_ratio list)" 0.8 '>=')"
  printf '| projects service peak resident memory under 200 MB | %s MB | %s |\n' "${RSS[projects]}" "$(verdict "${RSS[projects]}" 200 '<')"
  printf '| gateway peak resident memory under 150 MB | %s MB | %s |\n' "${RSS[gateway]}" "$(verdict "${RSS[gateway]}" 150 '<')"
  printf '| gateway keeps at least 50 %% of the direct throughput | %s %% | %s |\n' "$ratio" "$(verdict "$ratio" 50 '>=')"
  printf '| gateway adds under 1 ms at p50 (latency pass) | %s ms | %s |\n' "$added" "$(verdict "$added" 1 '<')"
} >"$OUTPUT"

step "results ($OUTPUT)"
cat "$OUTPUT"
