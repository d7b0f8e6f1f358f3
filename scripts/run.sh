#!/usr/bin/env bash
# Bring the whole suite up on this machine:
#   bash scripts/run.sh [--no-build] [--demo]
#
# Starts a private RabbitMQ node (industry-dev@localhost on 127.0.0.1:5672,
# installed with apt-get when missing), builds the solution, deploys the
# broker topology (each service's --deploy-topology), starts the cluster,
# projects, parks, history and gateway services with SQLite data, waits until
# each is ready, prints the addresses and an example call, then runs until
# Ctrl-C. State lives in <repo>/.run (rabbitmq/, data/, logs/) and is reused by
# the next start. GATEWAY_GRPC_PORT / GATEWAY_HTTP_PORT override the gateway's
# ports (defaults 7000 / 7080). --demo loads the demo data set (scripts/demo.sh)
# once the suite is up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/rabbitmq.sh
. "$ROOT/scripts/lib/rabbitmq.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

BUILD=1
DEMO=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --demo) DEMO=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done

RUN_DIR="$ROOT/.run"
RABBIT_NODE="industry-dev@localhost"
AMQP_PORT=5672
READY_TIMEOUT="${READY_TIMEOUT:-90}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"

SERVICES=(cluster projects parks history gateway)
TOPOLOGY_SERVICES=(cluster projects parks history) # the processes on the broker
declare -A DLL=(
  [cluster]="services/cluster/bin/Release/net10.0/Industry.Cluster.dll"
  [projects]="services/projects/bin/Release/net10.0/Industry.Projects.dll"
  [parks]="services/parks/bin/Release/net10.0/Industry.Parks.dll"
  [history]="services/history/bin/Release/net10.0/Industry.History.dll"
  [gateway]="services/gateway/bin/Release/net10.0/Industry.Gateway.dll"
)
declare -A GRPC_PORT=([cluster]=7001 [projects]=7002 [parks]=7003 [history]=7004 [gateway]="${GATEWAY_GRPC_PORT:-7000}")
declare -A HTTP_PORT=([cluster]=7081 [projects]=7082 [parks]=7083 [history]=7084 [gateway]="${GATEWAY_HTTP_PORT:-7080}")
declare -A PIDS=()
RABBIT_STARTED=0
STOPPED=0

# stop_all: SIGTERM the services, SIGKILL what is left after STOP_TIMEOUT,
# then stop the RabbitMQ node. Safe to call more than once.
stop_all() {
  local name pid alive i
  [ "$STOPPED" -eq 0 ] || return 0
  STOPPED=1
  set +e
  if [ "${#PIDS[@]}" -gt 0 ]; then
    log "stopping the services"
    for name in "${!PIDS[@]}"; do
      kill -TERM "${PIDS[$name]}" 2>/dev/null
    done
    for ((i = 0; i < STOP_TIMEOUT * 2; i++)); do
      alive=0
      for pid in "${PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then alive=1; fi
      done
      [ "$alive" -eq 1 ] || break
      sleep 0.5
    done
    for name in "${!PIDS[@]}"; do
      if kill -0 "${PIDS[$name]}" 2>/dev/null; then
        log "$name did not stop within ${STOP_TIMEOUT}s; killing it"
        kill -KILL "${PIDS[$name]}" 2>/dev/null
      fi
      wait "${PIDS[$name]}" 2>/dev/null
    done
  fi
  if [ "$RABBIT_STARTED" -eq 1 ]; then
    rabbitmq_stop "$RABBIT_NODE" "$RUN_DIR/rabbitmq"
  fi
  log "stopped"
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  exit "$rc"
}
on_signal() {
  trap - EXIT INT TERM
  printf '\n' >&2
  stop_all
  exit 0
}
trap on_exit EXIT
trap on_signal INT TERM

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
command -v curl >/dev/null 2>&1 || apt_install curl

# Fail early, before anything starts, when a service port is taken.
for name in "${SERVICES[@]}"; do
  for port in "${GRPC_PORT[$name]}" "${HTTP_PORT[$name]}"; do
    port_is_free "$port" || die "port $port ($name) is already in use: is the suite already running?"
  done
done

step "RabbitMQ"
rabbitmq_ensure_installed
mkdir -p "$RUN_DIR/rabbitmq" "$RUN_DIR/data" "$RUN_DIR/logs"
RABBIT_STARTED=1
rabbitmq_start "$RABBIT_NODE" "$AMQP_PORT" "$RUN_DIR/rabbitmq"

if [ "$BUILD" -eq 1 ]; then
  step "web page (web/build.sh)"
  bash "$ROOT/web/build.sh"
  step "dotnet build"
  dotnet build Industry.slnx -c Release
fi

for name in "${SERVICES[@]}"; do
  [ -f "$ROOT/${DLL[$name]}" ] || die "${DLL[$name]} not found (build first, or drop --no-build)"
done

# service_env NAME: the environment NAME runs with, in the array env_vars.
service_env() {
  local name="$1"
  env_vars=(
    "ASPNETCORE_ENVIRONMENT=Development"
    "RabbitMq__Host=127.0.0.1"
    "RabbitMq__Port=$AMQP_PORT"
  )
  # The .NET runtime settings (DOTNET_*) it is deployed with, so that it spends memory as it does in Kubernetes.
  local file line
  for file in "$ROOT/deploy/k8s/base/config/industry.env" "$ROOT/deploy/k8s/base/config/$name.env"; do
    [ -f "$file" ] || continue
    while IFS= read -r line; do
      env_vars+=("$line")
    done < <(grep '^DOTNET_' "$file" || true)
  done
  case "$name" in
    cluster) env_vars+=("ConnectionStrings__Cluster=Data Source=$RUN_DIR/data/cluster.db") ;;
    projects) env_vars+=("ConnectionStrings__Projects=Data Source=$RUN_DIR/data/projects.db") ;;
    parks) env_vars+=("ConnectionStrings__Parks=Data Source=$RUN_DIR/data/parks.db") ;;
    history) env_vars+=("ConnectionStrings__History=Data Source=$RUN_DIR/data/history.db") ;;
    gateway)
      if [ -n "${GATEWAY_GRPC_PORT:-}" ]; then
        env_vars+=("Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GATEWAY_GRPC_PORT")
      fi
      if [ -n "${GATEWAY_HTTP_PORT:-}" ]; then
        env_vars+=("Kestrel__Endpoints__Http__Url=http://127.0.0.1:$GATEWAY_HTTP_PORT")
      fi
      ;;
  esac
}

# Every exchange and every consumer queue exists before any service publishes, so an event raised before its
# consumer's first start waits in that consumer's queue (docs/deploy.md, "Broker topology").
step "broker topology"
for name in "${TOPOLOGY_SERVICES[@]}"; do
  dll="$ROOT/${DLL[$name]}"
  service_env "$name"
  if ! (cd "$(dirname "$dll")" && exec env "${env_vars[@]}" dotnet "$dll" --deploy-topology) >"$RUN_DIR/logs/$name-topology.log" 2>&1; then
    tail_file "$RUN_DIR/logs/$name-topology.log" 60
    die "$name --deploy-topology failed"
  fi
  log "$name: topology deployed"
done

step "start services"
for name in "${SERVICES[@]}"; do
  dll="$ROOT/${DLL[$name]}"
  service_env "$name"
  (cd "$(dirname "$dll")" && exec env "${env_vars[@]}" dotnet "$dll") >"$RUN_DIR/logs/$name.log" 2>&1 &
  PIDS[$name]=$!
  log "started $name (pid ${PIDS[$name]}, log .run/logs/$name.log)"
done

step "wait until ready"
deadline=$((SECONDS + READY_TIMEOUT))
pending=("${SERVICES[@]}")
while [ "${#pending[@]}" -gt 0 ]; do
  still=()
  for name in "${pending[@]}"; do
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      tail_file "$RUN_DIR/logs/$name.log" 60
      die "$name exited during startup"
    fi
    if curl -fsS -m 2 "http://127.0.0.1:${HTTP_PORT[$name]}/health/ready" >/dev/null 2>&1; then
      log "$name is ready (gRPC 127.0.0.1:${GRPC_PORT[$name]}, HTTP http://127.0.0.1:${HTTP_PORT[$name]})"
    else
      still+=("$name")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  [ "${#pending[@]}" -gt 0 ] || break
  if [ "$SECONDS" -ge "$deadline" ]; then
    for name in "${pending[@]}"; do
      tail_file "$RUN_DIR/logs/$name.log" 60
    done
    die "not ready after ${READY_TIMEOUT}s: ${pending[*]}"
  fi
  sleep 1
done

gw_grpc="127.0.0.1:${GRPC_PORT[gateway]}"
gw_http="http://127.0.0.1:${HTTP_PORT[gateway]}"
curl_args=(-sS -m 10)
token=""
if [ -x "$ROOT/scripts/dev-token.sh" ]; then
  if token=$("$ROOT/scripts/dev-token.sh") && [ -n "$token" ]; then
    curl_args+=(-H "Authorization: Bearer $token")
  else
    log "scripts/dev-token.sh gave no token; calling without one"
    token=""
  fi
fi
DEV_TOKEN="$token"

step "the suite is up"
printf '  gateway gRPC (h2c): %s\n' "$gw_grpc"
printf '  gateway HTTP:       %s\n' "$gw_http"
for name in cluster projects parks history; do
  printf '  %-8s gRPC 127.0.0.1:%s, HTTP http://127.0.0.1:%s\n' "$name" "${GRPC_PORT[$name]}" "${HTTP_PORT[$name]}"
done
printf '  RabbitMQ: amqp://guest:guest@127.0.0.1:%s/, management http://127.0.0.1:%s (guest/guest), node %s\n' \
  "$AMQP_PORT" "$((AMQP_PORT + 10000))" "$RABBIT_NODE"
printf '  logs: .run/logs/<service>.log, data: .run/data\n'
if [ -n "$token" ]; then
  printf '  dev token: %s\n' "$token"
  # The token rides in the fragment, which the browser never sends; the page moves it to sessionStorage at once.
  printf '  web page, signed in: %s/#token=%s\n' "$gw_http" "$token"
  printf '\nExample:\n  curl -s -H "Authorization: Bearer %s" %s/v1/industries\n' "$token" "$gw_http"
else
  printf '\nExample:\n  curl -s %s/v1/industries\n' "$gw_http"
fi
answer=$(curl "${curl_args[@]}" -w '\n(HTTP %{http_code})' "$gw_http/v1/industries" 2>&1 || true)
printf '%s\n' "$answer" | head -n 20 | cut -c 1-300 || true
if [ "$DEMO" -eq 1 ]; then
  step "demo data set"
  DEV_TOKEN="${DEV_TOKEN:-}" bash "$ROOT/scripts/demo.sh" --no-build --gateway "http://$gw_grpc" ||
    log "the demo data set did not load completely (see above); the suite keeps running"
fi
printf '\nPress Ctrl-C to stop.\n'

# Run until Ctrl-C; if a service dies on its own, stop everything.
while :; do
  for name in "${SERVICES[@]}"; do
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      tail_file "$RUN_DIR/logs/$name.log" 60
      die "$name exited unexpectedly"
    fi
  done
  sleep 1 &
  wait $! || true
done
