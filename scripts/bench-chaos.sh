#!/usr/bin/env bash
# Chaos run of the event backbone (issue 17; docs/benchmarks.md, "Chaos run"):
#   bash scripts/bench-chaos.sh [--no-build] [Industry.Benchmarks chaos options, e.g. --minutes 2]
#
# Builds the benchmark, the three services and the gateway (Release), starts a
# throwaway PostgreSQL and RabbitMQ on free loopback ports (installing them with
# apt-get when missing; both are stopped and removed on exit), runs
# `Industry.Benchmarks chaos`: the suite as four processes, writers through the
# gateway for 10 minutes (--minutes), and a fault injector on a fixed seed
# (--seed) that stops and starts the broker, refuses a service's database
# connections for up to 60 s and SIGKILLs and restarts a service. Once the
# backlog has drained it checks every event from the databases, writes
# docs/benchmarks/chaos-results.md with a PASS/FAIL verdict and prints it.
# Takes the minutes asked for plus about 5 (start-up and settling) on a 2-core
# machine.
#
# Env knobs: BENCH_OUTPUT (results file), BENCH_POSTGRES (your own server: a
# superuser connection string). The broker is always this script's own node:
# the run stops and starts it.
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

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/chaos-results.md}"
BENCH_DLL="$ROOT/benchmarks/Industry.Benchmarks/bin/Release/net10.0/Industry.Benchmarks.dll"

build=1
if [ "${1:-}" = "--no-build" ]; then
  build=0
  shift
fi

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  infra_stop
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "tools"
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
dotnet --version

if [ "$build" -eq 1 ]; then
  step "dotnet build (Release): the benchmark, the three services and the gateway"
  dotnet build benchmarks/Industry.Benchmarks/Industry.Benchmarks.csproj -c Release
  for service in cluster/Industry.Cluster parks/Industry.Parks projects/Industry.Projects gateway/Industry.Gateway; do
    dotnet build "services/$service.csproj" -c Release
  done
fi
[ -f "$BENCH_DLL" ] || die "$BENCH_DLL is not built (run without --no-build)"

step "PostgreSQL and RabbitMQ"
# The fault injector stops and starts the broker through its node's rabbitmqctl: only a node of our own will do.
unset BENCH_RABBITMQ
infra_start_bench
export BENCH_RABBITMQ_CTL="$INFRA_RABBITMQ_CTL" BENCH_RABBITMQ_NODE="$RABBIT_NODE"

step "chaos run"
dotnet "$BENCH_DLL" chaos --output "$OUTPUT" "$@"

step "results ($OUTPUT)"
infra_stop
cat "$OUTPUT"
