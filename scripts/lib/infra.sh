# shellcheck shell=bash
# Throwaway PostgreSQL and RabbitMQ on free loopback ports, for the test
# command and the benchmarks: one folder holds both; infra_stop removes it.
# Needs common.sh, postgres.sh and rabbitmq.sh sourced first.
# shellcheck disable=SC2034 # the INFRA_* variables are for the scripts that source this file
#
#   infra_init NAME            make the folder (INFRA_DIR); NAME tags it and the node
#   infra_start_postgres       start PostgreSQL; sets INFRA_POSTGRES (a superuser connection string)
#   infra_start_rabbitmq       start a RabbitMQ node; sets INFRA_RABBITMQ_PORT (AMQP; management
#                              is +10000, distribution +20000), RABBIT_NODE and INFRA_RABBITMQ_CTL
#                              (a rabbitmqctl wrapper carrying the node's Erlang cookie)
#   infra_start_bench          both, for a benchmark, unless BENCH_POSTGRES / BENCH_RABBITMQ name servers;
#                              exports BENCH_POSTGRES_PID / BENCH_RABBITMQ_PID (their root processes, for CPU)
#   infra_stop                 stop what was started, remove the folder (idempotent)

INFRA_DIR=""
INFRA_NAME=""
RABBIT_NODE=""

infra_init() {
  INFRA_NAME="$1"
  INFRA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/industry-$INFRA_NAME.XXXXXX")
  chmod 755 "$INFRA_DIR" # the postgres user needs to reach its folder
}

infra_start_postgres() {
  local port
  postgres_ensure_installed
  port=$(pick_free_port 40000 44999) || die "no free PostgreSQL port"
  postgres_start "$port" "$INFRA_DIR/postgres"
  INFRA_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres"
}

# _infra_pick_amqp_port: an AMQP port P with P+10000 (management) and P+20000
# (distribution) free, clear of rabbitmqctl's own 35672-35682 and of
# 15000/25000/35000, which another engineer's node uses.
_infra_pick_amqp_port() {
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

infra_start_rabbitmq() {
  rabbitmq_ensure_installed
  INFRA_RABBITMQ_PORT=$(_infra_pick_amqp_port) || die "no free AMQP port"
  RABBIT_NODE="industry-$INFRA_NAME-$$@localhost"
  rabbitmq_start "$RABBIT_NODE" "$INFRA_RABBITMQ_PORT" "$INFRA_DIR/rabbitmq"
  INFRA_RABBITMQ_CTL="$INFRA_DIR/rabbitmq/rabbitmqctl"
}

infra_start_bench() {
  infra_init bench
  if [ -z "${BENCH_POSTGRES:-}" ]; then
    infra_start_postgres
    export BENCH_POSTGRES="$INFRA_POSTGRES"
    # The postmaster, whose process tree's CPU the benchmarks report.
    BENCH_POSTGRES_PID=$(head -n 1 "$INFRA_DIR/postgres/pgdata/postmaster.pid" || true)
    export BENCH_POSTGRES_PID
  else
    log "using BENCH_POSTGRES from the environment"
  fi

  if [ -z "${BENCH_RABBITMQ:-}" ]; then
    infra_start_rabbitmq
    export BENCH_RABBITMQ="amqp://guest:guest@127.0.0.1:$INFRA_RABBITMQ_PORT/"
    BENCH_RABBITMQ_PID=$(_rabbitmq_pid "$INFRA_DIR/rabbitmq" "$RABBIT_NODE" || true)
    export BENCH_RABBITMQ_PID
  else
    log "using BENCH_RABBITMQ from the environment"
  fi
}

infra_stop() {
  if [ -n "$INFRA_DIR" ]; then
    log "stopping the throwaway PostgreSQL and RabbitMQ"
    [ -z "$RABBIT_NODE" ] || rabbitmq_stop "$RABBIT_NODE" "$INFRA_DIR/rabbitmq" kill || true
    postgres_stop "$INFRA_DIR/postgres" || true
    rm -rf "$INFRA_DIR"
    INFRA_DIR=""
    RABBIT_NODE=""
  fi
}
