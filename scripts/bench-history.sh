#!/usr/bin/env bash
# National-scale benchmark of the history service (docs/benchmarks.md):
#   bash scripts/bench-history.sh [--no-build] [Industry.Benchmarks history options, e.g. --changes 1000000]
#
# Builds the benchmark and the history service (Release), starts a throwaway
# PostgreSQL and RabbitMQ on free loopback ports (installing them with apt-get
# when missing; both are stopped and removed on exit), runs
# `Industry.Benchmarks history` (the real service as a separate process on a
# database bulk-loaded with 10,000,000 stored changes over 36 months, then
# raw events published to the broker), writes docs/benchmarks/history-results.md
# and prints it. The default load takes long on a 2-core machine (about 10 GB
# with indexes): `--changes N` runs smaller, and the results file says so.
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
# shellcheck source=scripts/lib/infra.sh
. "$ROOT/scripts/lib/infra.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/history-results.md}"
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
  step "dotnet build (Release): the benchmark and the history service"
  dotnet build benchmarks/Industry.Benchmarks/Industry.Benchmarks.csproj -c Release
  dotnet build services/history/Industry.History.csproj -c Release
fi
[ -f "$BENCH_DLL" ] || die "$BENCH_DLL is not built (run without --no-build)"

step "PostgreSQL and RabbitMQ"
infra_start_bench

step "benchmark"
dotnet "$BENCH_DLL" history --output "$OUTPUT" "$@"

step "results ($OUTPUT)"
infra_stop
cat "$OUTPUT"
