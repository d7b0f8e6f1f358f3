#!/usr/bin/env bash
# Benchmark of the event backbone (docs/benchmarks.md):
#   bash scripts/bench-events.sh [--no-build] [Industry.Benchmarks events options, e.g. --events 50000]
#
# Builds the benchmark and the projects service (Release), starts a throwaway
# PostgreSQL and RabbitMQ on free loopback ports (installing them with apt-get
# when missing; both are stopped and removed on exit), runs
# `Industry.Benchmarks events`, writes docs/benchmarks/events-results.md and
# prints it. Takes about 6 minutes on a 2-core machine (3 of them benchmarking).
#
# Env knobs: BENCH_OUTPUT (results file), BENCH_DLL (another build, e.g. a copy
# of main's, for alternating before/after runs), BENCH_POSTGRES and BENCH_RABBITMQ
# (use your own servers instead: a superuser connection string and an amqp://
# URI). The pipeline host also reads the services' usual settings from the
# environment, e.g. Outbox__BatchSize=500 or RabbitMq__ConcurrentMessageLimit=16.
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

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/events-results.md}"
BENCH_DLL="${BENCH_DLL:-$ROOT/benchmarks/Industry.Benchmarks/bin/Release/net10.0/Industry.Benchmarks.dll}"

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
  step "dotnet build (Release): the benchmark and the projects service"
  dotnet build benchmarks/Industry.Benchmarks/Industry.Benchmarks.csproj -c Release
  dotnet build services/projects/Industry.Projects.csproj -c Release
fi
[ -f "$BENCH_DLL" ] || die "$BENCH_DLL is not built (run without --no-build)"

step "PostgreSQL and RabbitMQ"
infra_start_bench

step "benchmark"
dotnet "$BENCH_DLL" events --output "$OUTPUT" "$@"

step "results ($OUTPUT)"
infra_stop
cat "$OUTPUT"
