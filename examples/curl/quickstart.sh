#!/usr/bin/env bash
# Quickstart over JSON/REST through the gateway with curl and jq: creates a cluster (POST with a JSON body), reads it
# back (GET) and finds it in a filtered list. Prints three lines (README.md) and exits 0; on any failure prints
# "quickstart failed: ..." on stderr and exits 1.
# Settings come from INDUSTRY_GATEWAY_HTTP and INDUSTRY_TOKEN (examples/README.md).
set -euo pipefail

fail() {
  echo "quickstart failed: $*" >&2
  exit 1
}

command -v curl >/dev/null 2>&1 || fail "curl not found (apt-get install curl)"
command -v jq >/dev/null 2>&1 || fail "jq not found (apt-get install jq)"
gateway="${INDUSTRY_GATEWAY_HTTP:-http://127.0.0.1:7080}"
gateway="${gateway%/}"
token="${INDUSTRY_TOKEN:-}"
[ -n "$token" ] || fail "INDUSTRY_TOKEN is not set (see examples/README.md)"

# call METHOD PATH [CURL_ARGS...]: the response body; fails with the gateway's answer on any status but 2xx.
call() {
  local method="$1" path="$2" response status
  shift 2
  response=$(curl -sS --max-time 15 -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}' "$@" "$gateway$path") ||
    fail "$method $path: the gateway at $gateway did not answer"
  status="${response##*$'\n'}"
  [[ "$status" == 2?? ]] || fail "$method $path: HTTP $status: ${response%$'\n'*}"
  printf '%s\n' "${response%$'\n'*}"
}

id="quickstart-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
body=$(jq -n --arg name "快速入门集群 $id" '{
  displayName: $name,
  kind: "CLUSTER_KIND_ADVANCED_MANUFACTURING",
  industry: "industries/IT",
  leadDivisionCode: "340104"
}')
# The path's query carries the request fields outside the body; requestId makes a retried POST create nothing twice.
created=$(call POST "/v1/clusters?clusterId=$id&requestId=$(cat /proc/sys/kernel/random/uuid)" \
  -H 'Content-Type: application/json' --data "$body")
name=$(jq -r .name <<<"$created")
echo "created $name"

read=$(call GET "/v1/$name")
echo "read $(jq -r '"\(.name) state=\(.state) city=\(.cityCode)"' <<<"$read")"

filter='lead_division_code = "340104" AND state = CLUSTER_STATE_CULTIVATING'
list=$(call GET /v1/clusters -G --data-urlencode "filter=$filter" --data-urlencode pageSize=1000)
jq -e --arg name "$name" 'any(.clusters[]?; .name == $name)' <<<"$list" >/dev/null ||
  fail "GET /v1/clusters?filter=$filter does not list $name"
echo "listed $name among $(jq '.clusters | length' <<<"$list") clusters with $filter"
