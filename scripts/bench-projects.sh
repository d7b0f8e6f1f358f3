#!/usr/bin/env bash
# National-scale benchmark of the projects service (docs/benchmarks.md):
#   bash scripts/bench-projects.sh [--no-build] [Industry.Benchmarks projects options, e.g. --import-rows 40000]
#
# Builds the benchmark and the projects service (Release), starts a throwaway
# PostgreSQL and RabbitMQ on free loopback ports (installing them with apt-get
# when missing; both are stopped and removed on exit), runs
# `Industry.Benchmarks projects` (the real service as a separate process on a
# database seeded with 50,000 projects and 1,000,000 investment reports),
# writes docs/benchmarks/projects-results.md and prints it. Takes about
# 5 minutes on a 2-core machine (2 of them benchmarking).
#
# Env knobs: BENCH_OUTPUT (results file), BENCH_POSTGRES and BENCH_RABBITMQ
# (use your own servers instead: a superuser connection string and an amqp://
# URI). The service reads its usual settings from the environment, e.g.
# Outbox__RelayEnabled=false.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/rabbitmq.sh
. "$ROOT/scripts/lib/rabbitmq.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/projects-results.md}"
BENCH_DLL="$ROOT/benchmarks/Industry.Benchmarks/bin/Release/net10.0/Industry.Benchmarks.dll"
INFRA_DIR=""
RABBIT_NODE=""

build=1
if [ "${1:-}" = "--no-build" ]; then
  build=0
  shift
fi

stop_infra() {
  if [ -n "$INFRA_DIR" ]; then
    log "stopping the benchmark's PostgreSQL and RabbitMQ"
    [ -z "$RABBIT_NODE" ] || rabbitmq_stop "$RABBIT_NODE" "$INFRA_DIR/rabbitmq" kill || true
    postgres_stop "$INFRA_DIR/postgres" || true
    rm -rf "$INFRA_DIR"
    INFRA_DIR=""
    RABBIT_NODE=""
  fi
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  stop_infra
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# pick_amqp_port: an AMQP port P with P+10000 (management) and P+20000
# (distribution) free, keeping clear of rabbitmqctl's own 35672-35682 and of
# 15000/25000/35000, which another engineer's node uses.
pick_amqp_port() {
  local port i
  for ((i = 0; i < 100; i++)); do
    port=$(pick_free_port 10000 19999) || return 1
    if [ "$port" -eq 15000 ] || { [ "$((port + 20000))" -ge 35660 ] && [ "$((port + 20000))" -le 35690 ]; }; then
      continue
    fi
    if port_is_free "$((port + 10000))" && port_is_free "$((port + 20000))"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  return 1
}

start_infra() {
  local pg_port amqp_port
  INFRA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/industry-bench.XXXXXX")
  chmod 755 "$INFRA_DIR" # the postgres user needs to reach its folder

  if [ -z "${BENCH_POSTGRES:-}" ]; then
    postgres_ensure_installed
    pg_port=$(pick_free_port 40000 44999)
    postgres_start "$pg_port" "$INFRA_DIR/postgres"
    export BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
  else
    log "using BENCH_POSTGRES from the environment"
  fi

  if [ -z "${BENCH_RABBITMQ:-}" ]; then
    rabbitmq_ensure_installed
    amqp_port=$(pick_amqp_port) || die "no free AMQP port"
    RABBIT_NODE="industry-bench-$$@localhost"
    rabbitmq_start "$RABBIT_NODE" "$amqp_port" "$INFRA_DIR/rabbitmq"
    export BENCH_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"
  else
    log "using BENCH_RABBITMQ from the environment"
  fi
}

step "tools"
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
dotnet --version

if [ "$build" -eq 1 ]; then
  step "dotnet build (Release): the benchmark and the projects service"
  dotnet build benchmarks/Industry.Benchmarks/Industry.Benchmarks.csproj -c Release
  dotnet build services/projects/Industry.Projects.csproj -c Release
fi
[ -f "$BENCH_DLL" ] || die "$BENCH_DLL is not built (run without --no-build)"

step "PostgreSQL and RabbitMQ"
start_infra

step "benchmark"
dotnet "$BENCH_DLL" projects --output "$OUTPUT" "$@"

step "results ($OUTPUT)"
stop_infra
cat "$OUTPUT"
