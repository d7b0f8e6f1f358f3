#!/usr/bin/env bash
# Run every check and test of the suite, as CI does:
#   bash scripts/test.sh [extra `dotnet test` arguments, e.g. --filter Category!=Slow]
#   bash scripts/test.sh --quick --filter "FullyQualifiedName~X"   (while working: skips the contract, package,
#     manifest, format and API-description checks, which do not depend on the tests chosen; CI never passes it)
#
# Without a Docker engine it starts a throwaway PostgreSQL and RabbitMQ on free
# loopback ports (installing them with apt-get when missing) and hands them to
# the test fixtures through INDUSTRY_TEST_* variables; with one, the fixtures
# use Testcontainers. Variables already set in the environment are kept.
# Env knobs: TEST_RESULTS_DIR (default <repo>/TestResults), TEST_HANG_TIMEOUT
# (default 10m; "0" turns the hang guard off).
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

SOLUTION=Industry.slnx
quick=0
if [ "${1:-}" = --quick ]; then
  quick=1
  shift
fi
# The checks that look at the whole repository rather than at the tests chosen.
whole_repository_checks() { [ "$quick" -eq 0 ]; }
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

# trx_summary DIR: print "passed failed skipped" summed over DIR's .trx files.
# A run that aborted (test host crashed or hung) with no failed test in its
# counters counts as one failed test.
trx_summary() {
  local dir="$1" f text counters outcome
  local passed=0 failed=0 skipped=0 p fl sk
  while IFS= read -r f; do
    text=$(tr '\r\n' '  ' <"$f")
    counters=$(printf '%s\n' "$text" | grep -o '<Counters [^>]*>' | head -n 1 || true)
    outcome=$(printf '%s\n' "$text" | grep -o '<ResultSummary [^>]*>' | head -n 1 |
      sed -n 's/.*outcome="\([A-Za-z]*\)".*/\1/p' || true)
    p=$(_trx_attr "$counters" passed)
    # error, timeout and aborted are failures too.
    fl=$(($(_trx_attr "$counters" failed) + $(_trx_attr "$counters" error) + $(_trx_attr "$counters" timeout) + $(_trx_attr "$counters" aborted)))
    # VSTest counts a skipped test in total but not in executed.
    sk=$(($(_trx_attr "$counters" total) - $(_trx_attr "$counters" executed)))
    [ "$sk" -ge 0 ] || sk=0
    case "$outcome" in
      Failed | Aborted | Error | Timeout)
        if [ "$fl" -eq 0 ]; then
          log "test run aborted (test host crashed or hung): $f; counted as 1 failed"
          fl=1
        fi
        ;;
    esac
    passed=$((passed + p))
    failed=$((failed + fl))
    skipped=$((skipped + sk))
  done < <(find "$dir" -name '*.trx' -type f 2>/dev/null | sort)
  printf '%s %s %s\n' "$passed" "$failed" "$skipped"
}

_trx_attr() { # COUNTERS_ELEMENT NAME: the attribute's number, 0 when absent
  local v
  v=$(printf '%s\n' "$1" | sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p")
  printf '%s\n' "${v:-0}"
}

# start_infra: PostgreSQL and RabbitMQ for the fixtures, unless the environment already names them.
start_infra() {
  infra_init test
  if [ -z "${INDUSTRY_TEST_POSTGRES:-}" ]; then
    infra_start_postgres
    export INDUSTRY_TEST_POSTGRES="$INFRA_POSTGRES"
  else
    log "using INDUSTRY_TEST_POSTGRES from the environment"
  fi

  if [ -z "${INDUSTRY_TEST_RABBITMQ:-}" ]; then
    infra_start_rabbitmq
    export INDUSTRY_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$INFRA_RABBITMQ_PORT/"
    export INDUSTRY_TEST_RABBITMQ_MANAGEMENT="http://127.0.0.1:$((INFRA_RABBITMQ_PORT + 10000))"
    export INDUSTRY_TEST_RABBITMQ_NODE="$RABBIT_NODE"
    export INDUSTRY_TEST_RABBITMQ_CTL="$INFRA_RABBITMQ_CTL"
  else
    log "using INDUSTRY_TEST_RABBITMQ from the environment"
  fi
}

step "tools"
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
dotnet --version
# scripts/buf.sh runs the buf CLI from npm.
command -v node >/dev/null 2>&1 || apt_install nodejs
# Some nodejs builds bundle npm (and conflict with Debian's npm package).
command -v npm >/dev/null 2>&1 || apt_install npm
printf 'node %s, npm %s\n' "$(node --version)" "$(npm --version)"

# The quickstarts in examples/ (QuickstartTests): Python's grpcio, protobuf and pika with the protoc and gRPC
# plugin that match them, and jq for the curl one; Debian's packages, as CI reaches no PyPI.
quickstart_packages=()
for module in grpc:python3-grpcio google.protobuf:python3-protobuf pika:python3-pika; do
  /usr/bin/python3 -c "import ${module%%:*}" >/dev/null 2>&1 || quickstart_packages+=("${module#*:}")
done
command -v protoc >/dev/null 2>&1 || quickstart_packages+=(protobuf-compiler)
[ -x /usr/bin/grpc_python_plugin ] || quickstart_packages+=(protobuf-compiler-grpc)
command -v jq >/dev/null 2>&1 || quickstart_packages+=(jq)
command -v curl >/dev/null 2>&1 || quickstart_packages+=(curl)
[ "${#quickstart_packages[@]}" -eq 0 ] || apt_install "${quickstart_packages[@]}"
# The web page's browser tests (WebPage/, docs/web.md): Debian's Chromium, driven by playwright-core.
# A CJK font, or the screenshots it saves show boxes for the Chinese text (a reader's system has one).
command -v chromium >/dev/null 2>&1 || apt_install chromium
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || apt_install fonts-wqy-microhei
# The spreadsheet check by a program nobody here wrote (SpreadsheetLibreOfficeTests): LibreOffice Calc without its
# recommends, about 93 MB to fetch and 290 MB installed, under two minutes.
command -v soffice >/dev/null 2>&1 || apt_install --no-install-recommends libreoffice-calc

step "test infrastructure"
if command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; then
  log "a Docker engine answers: the test fixtures use Testcontainers"
else
  log "no Docker engine: starting PostgreSQL and RabbitMQ locally"
  start_infra
fi
env | grep '^INDUSTRY_TEST_' | sort || true

if whole_repository_checks; then
  step "buf lint"
  bash scripts/buf.sh lint
  step "buf format"
  bash scripts/buf.sh format
  if [ -f protos/BASELINE ]; then
    baseline=$(tr -d '[:space:]' <protos/BASELINE)
    step "buf breaking against $baseline"
    bash scripts/buf.sh breaking "$baseline"
  fi

  # Contract packages for clients (docs/packages.md, ADR 0031): refused when protos/ changed without a new line in
  # protos/VERSIONS; then each package is installed and used as a client would.
  step "contract packages"
  command -v unzip >/dev/null 2>&1 || apt_install unzip
  bash scripts/pack-contracts.sh
  bash packages/verify-packages.sh
fi

step "web page (web/build.sh): client generated from protos/, type-checked, bundled"
bash web/build.sh
# Test-only tools of the page's browser tests, from their own lockfile: a throwaway OIDC provider and axe-core (ADR 0037).
(cd web/e2e && npm ci --no-audit --no-fund --loglevel=error)

if whole_repository_checks; then
  step "kubernetes manifests and Dockerfiles"
  bash scripts/validate-k8s.sh
fi

step "dotnet restore"
dotnet restore "$SOLUTION"
if whole_repository_checks; then
  step "dotnet format (verify)"
  dotnet format "$SOLUTION" --verify-no-changes --no-restore
fi
step "dotnet build"
dotnet build "$SOLUTION" -c Release --no-restore

# --- API descriptions (ADR 0030): docs/api/ in step with protos/, and valid for independent validators ---
if whole_repository_checks; then
  step "API descriptions: docs/api/ generated from protos/"
  api_docs=$(mktemp -d)
  CONTRACT_DOCS_NO_BUILD=1 bash tools/Industry.ContractDocs/generate.sh "$api_docs" >/dev/null
  if ! diff -rq docs/api "$api_docs"; then
    rm -rf "$api_docs"
    die "docs/api/ is not what protos/ give: run bash tools/Industry.ContractDocs/generate.sh and commit docs/api/"
  fi
  rm -rf "$api_docs"
  step "API descriptions: OpenAPI and AsyncAPI validators"
  (cd tools/contract-docs-check && npm ci --no-audit --no-fund --loglevel=error &&
    node check.mjs ../../docs/api/openapi.json ../../docs/api/asyncapi.json)
fi
# --- end API descriptions ---

step "dotnet test"
if [ -n "${TEST_RESULTS_DIR:-}" ]; then
  results="$TEST_RESULTS_DIR"
  mkdir -p "$results"
  find "$results" -name '*.trx' -type f -delete
else
  results="$ROOT/TestResults"
  rm -rf "$results"
  mkdir -p "$results"
fi
hang_args=()
if [ "${TEST_HANG_TIMEOUT:-10m}" != 0 ]; then
  hang_args=(--blame-hang-timeout "${TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none)
fi
test_rc=0
# -m:1 runs the test assemblies one after another: the broker fault tests stop the shared
# RabbitMQ node, which must not happen while another assembly's tests use it.
dotnet test "$SOLUTION" -c Release --no-build -m:1 \
  --logger "trx;LogFilePrefix=industry" --results-directory "$results" \
  "${hang_args[@]}" "$@" || test_rc=$?

read -r passed failed skipped < <(trx_summary "$results")
step "summary"
infra_stop
printf 'TRX files in %s\n' "$results"
if [ "$test_rc" -ne 0 ]; then
  log "dotnet test exited with $test_rc"
fi
if [ "$((passed + failed))" -eq 0 ]; then
  log "no test ran"
fi
printf 'Tests: %s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
if [ "$failed" -ne 0 ] || [ "$((passed + failed))" -eq 0 ] || [ "$test_rc" -ne 0 ]; then
  exit 1
fi
