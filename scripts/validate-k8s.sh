#!/usr/bin/env bash
# Validate the Kubernetes deployment without a cluster, as the test command does:
#   bash scripts/validate-k8s.sh
#
# 1. renders every overlay in deploy/k8s/overlays/ with `kubectl kustomize` and validates the output against the
#    Kubernetes schemas and the deployment policy of docs/conventions.md §5 (deploy/k8s/validate/validate.mjs;
#    the overlay "dev" under the dev profile, every other one under the prod profile);
# 2. checks the images' Dockerfiles statically (deploy/k8s/validate/dockerfiles.mjs);
# 3. checks the prod overlay's alert rules with promtool (check rules, and the unit tests beside them);
# 4. proves the manifest checks bite: the broken fixtures in deploy/k8s/validate/fixtures/ must be rejected with every
#    finding their expected.txt lists (broken/ under the dev profile, broken-prod/ under the prod profile).
# Installs what is missing: kubectl (Debian package kubernetes-client), promtool (prometheus) and node/npm with apt-get, the validator's npm
# packages with `npm ci`. kubectl's built-in kustomize must be v5 or later (the manifests use components and label
# options); a standalone `kustomize` v5 on PATH is used when kubectl's is older.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

K8S="deploy/k8s"
VALIDATOR="$K8S/validate"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/validate-k8s.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# kustomize_major VERSION_TEXT: the major version in "v5.5.0" or "kustomize/v5.5.0", empty when none.
kustomize_major() {
  sed -n 's/.*v\([0-9][0-9]*\)\..*/\1/p' <<<"$1" | head -n 1
}

RENDER=()
select_renderer() {
  local version major
  command -v kubectl >/dev/null 2>&1 || apt_install kubernetes-client
  version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p' || true)
  major=$(kustomize_major "$version")
  if [ -n "$major" ] && [ "$major" -ge 5 ]; then
    RENDER=(kubectl kustomize)
    log "rendering with kubectl $(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: //p') (kustomize $version)"
    return
  fi
  if command -v kustomize >/dev/null 2>&1; then
    version=$(kustomize version 2>/dev/null || true)
    major=$(kustomize_major "$version")
    if [ -n "$major" ] && [ "$major" -ge 5 ]; then
      RENDER=(kustomize build)
      log "rendering with kustomize $version"
      return
    fi
  fi
  die "kubectl's kustomize is ${version:-missing}; v5 or later is needed (kubectl 1.27+, or a standalone kustomize v5 on PATH)"
}

ensure_validator() {
  command -v node >/dev/null 2>&1 || apt_install nodejs
  command -v npm >/dev/null 2>&1 || apt_install npm
  # npm ci when the installed packages are missing or older than the lock file.
  if [ ! -f "$VALIDATOR/node_modules/.package-lock.json" ] || [ "$VALIDATOR/package-lock.json" -nt "$VALIDATOR/node_modules/.package-lock.json" ]; then
    log "installing the validator's npm packages"
    (cd "$VALIDATOR" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# expect_rejection NAME OUTPUT_FILE EXPECTED_FILE RC: the check must have failed with every expected line.
expect_rejection() {
  local name="$1" output="$2" expected="$3" rc="$4" line missing=0
  if [ "$rc" -eq 0 ]; then
    cat "$output" >&2
    die "$name: the deliberately broken fixture was accepted"
  fi
  while IFS= read -r line; do
    case "$line" in '' | '#'*) continue ;; esac
    if ! grep -qF -- "$line" "$output"; then
      log "$name: expected finding not reported: $line"
      missing=1
    fi
  done <"$expected"
  if [ "$missing" -ne 0 ]; then
    cat "$output" >&2
    die "$name: the broken fixture was rejected, but not for every expected reason"
  fi
  log "$name: rejected as expected ($(grep -c '^\[' "$output") findings)"
}

select_renderer
ensure_validator

failed=0
for overlay in "$K8S"/overlays/*/; do
  name=$(basename "$overlay")
  profile=prod
  [ "$name" != dev ] || profile=dev
  args=(--profile "$profile")
  if [ -f "$overlay/external-secrets.txt" ]; then
    while IFS= read -r secret; do
      case "$secret" in '' | '#'*) continue ;; esac
      args+=(--external-secret "$secret")
    done <"$overlay/external-secrets.txt"
  fi
  log "overlay $name: render and validate ($profile profile)"
  if ! "${RENDER[@]}" "$overlay" >"$WORK/$name.yaml"; then
    log "overlay $name does not render"
    failed=1
    continue
  fi
  node "$VALIDATOR/validate.mjs" "${args[@]}" "$WORK/$name.yaml" || failed=1
done

log "Dockerfiles: static checks"
node "$VALIDATOR/dockerfiles.mjs" || failed=1

[ "$failed" -eq 0 ] || die "the Kubernetes manifests or the Dockerfiles have findings (above)"

# Alert rules: the PrometheusRule of the prod overlay as promtool reads rules, checked, then unit-tested
# (deploy/k8s/overlays/prod/monitoring/alerts.test.yaml). promtool comes with Debian's prometheus package.
log "alert rules: promtool check rules and test rules"
command -v promtool >/dev/null 2>&1 || apt_install prometheus
MONITORING="$K8S/overlays/prod/monitoring"
node "$VALIDATOR/prometheus-rules.mjs" "$WORK/prod.yaml" "$WORK/alerts.rules.yaml"
cp "$MONITORING/alerts.test.yaml" "$WORK/alerts.test.yaml"
promtool check rules "$WORK/alerts.rules.yaml" || die "promtool rejects the alert rules"
promtool test rules "$WORK/alerts.test.yaml" || die "the alert rules fail their unit tests ($MONITORING/alerts.test.yaml)"

log "broken fixtures: must be rejected"
"${RENDER[@]}" "$VALIDATOR/fixtures/broken" >"$WORK/broken.yaml"
rc=0
node "$VALIDATOR/validate.mjs" --profile dev "$WORK/broken.yaml" >"$WORK/broken.out" || rc=$?
expect_rejection "manifest fixture" "$WORK/broken.out" "$VALIDATOR/fixtures/broken/expected.txt" "$rc"
"${RENDER[@]}" "$VALIDATOR/fixtures/broken-prod" >"$WORK/broken-prod.yaml"
prod_args=()
while IFS= read -r secret; do
  case "$secret" in '' | '#'*) continue ;; esac
  prod_args+=(--external-secret "$secret")
done <"$K8S/overlays/prod/external-secrets.txt"
rc=0
node "$VALIDATOR/validate.mjs" --profile prod "${prod_args[@]}" "$WORK/broken-prod.yaml" >"$WORK/broken-prod.out" || rc=$?
expect_rejection "prod manifest fixture" "$WORK/broken-prod.out" "$VALIDATOR/fixtures/broken-prod/expected.txt" "$rc"
rc=0
node "$VALIDATOR/dockerfiles.mjs" "$VALIDATOR/fixtures/docker/projects.Dockerfile" >"$WORK/docker.out" || rc=$?
expect_rejection "Dockerfile fixture" "$WORK/docker.out" "$VALIDATOR/fixtures/docker/expected.txt" "$rc"

log "Kubernetes manifests and Dockerfiles are valid"
