#!/usr/bin/env bash
# The web page's speed (issue 22; docs/web.md): first meaningful paint against a warm suite, measured in headless
# Chromium with the browser's performance API (web/e2e/paint-bench.mjs), and the JavaScript shipped, compressed.
#   ./scripts/run.sh --demo            # in another terminal: the suite with the demo data, page built
#   bash scripts/bench-web.sh [--url http://127.0.0.1:7080] [--runs 10] [--warm 3] [--year 2024] [--month 12]
# Writes docs/benchmarks/web-results.md (BENCH_OUTPUT to change) with the goals' verdicts: the headline figures
# painted within 1.5 s (median and p90 of --runs loads, each in a fresh browser context, after --warm loads that warm
# the suite), and all JavaScript in web/dist under 500 KB compressed. Not a test: the numbers depend on the machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

url=http://127.0.0.1:7080 runs=10 warm=3 year=2024 month=12
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --warm) warm=$2; shift 2 ;;
    --year) year=$2; shift 2 ;;
    --month) month=$2; shift 2 ;;
    *) echo "usage: scripts/bench-web.sh [--url URL] [--runs N] [--warm N] [--year Y] [--month M]" >&2; exit 2 ;;
  esac
done
OUTPUT="${BENCH_OUTPUT:-$ROOT/docs/benchmarks/web-results.md}"

command -v chromium >/dev/null 2>&1 || { echo "bench-web.sh: install Debian's chromium (apt-get install -y chromium)" >&2; exit 1; }
[ -f web/dist/index.html ] || bash web/build.sh
curl -fsS -o /dev/null "$url/" || { echo "bench-web.sh: no page at $url/ (start ./scripts/run.sh --demo)" >&2; exit 1; }
token=$(bash scripts/dev-token.sh --role viewer)

result=$(node web/e2e/paint-bench.mjs --url "$url/?year=$year&month=$month#token=$token" --runs "$runs" --warm "$warm")

# Everything the page can load: the entry script and every chunk (the OIDC library's included), as served (brotli).
js_br=0 js_gz=0 js_raw=0
for f in web/dist/assets/*.js; do
  js_raw=$((js_raw + $(stat -c %s "$f")))
  js_br=$((js_br + $(stat -c %s "$f.br")))
  js_gz=$((js_gz + $(stat -c %s "$f.gz")))
done

node - "$result" "$js_raw" "$js_br" "$js_gz" "$OUTPUT" "$url" "$year" "$month" "$runs" "$warm" "$(git rev-parse --short HEAD)" <<'NODE'
const [result, raw, br, gz, output, url, year, month, runs, warm, commit] = process.argv.slice(2);
const r = JSON.parse(result);
const ms = (v) => `${Math.round(v)} ms`;
const kb = (v) => `${(Number(v) / 1024).toFixed(1)} KB`;
const paint = r.summary.figuresPainted;
const paintOk = paint.p90 <= 1500;
const sizeOk = Number(gz) <= 500 * 1024 && Number(br) <= 500 * 1024;
const load = require("node:os").loadavg().map((v) => v.toFixed(2)).join(" ");
const lines = [
  "# Web page: first meaningful paint and JavaScript size",
  "",
  `Measured by \`bash scripts/bench-web.sh\` on commit ${commit}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, against`,
  `\`${url}\` (a running suite with the demo data; warm: ${warm} loads first), year ${year} through month ${month}, ${runs} loads each in a`,
  "fresh headless Chromium context (empty cache), 1366×900. Load average at the end: " + load + " (2 cores, shared).",
  "",
  "| goal | measured | verdict |",
  "| --- | --- | --- |",
  `| headline figures painted (\`industry:figures-painted\` mark) ≤ 1.5 s | median ${ms(paint.median)}, p90 ${ms(paint.p90)}, max ${ms(paint.max)} | ${paintOk ? "pass" : "FAIL"} |`,
  `| all JavaScript in web/dist < 500 KB compressed | ${kb(br)} brotli (as served), ${kb(gz)} gzip, ${kb(raw)} raw | ${sizeOk ? "pass" : "FAIL"} |`,
  "",
  "| also measured | median | p90 |",
  "| --- | --- | --- |",
  `| first-contentful-paint | ${ms(r.summary.firstContentfulPaint.median)} | ${ms(r.summary.firstContentfulPaint.p90)} |`,
  `| largest-contentful-paint | ${ms(r.summary.largestContentfulPaint.median)} | ${ms(r.summary.largestContentfulPaint.p90)} |`,
  `| script bytes transferred per load (no OIDC: the page loads that chunk only when configured) | ${kb(r.scriptBytesTransferred)} | |`,
  "",
  "The mark is set two animation frames after the headline figures enter the DOM (web/src/dashboard.ts): they are on",
  "screen then. The page's other sections (monthly curve: one GetPlanProgress per month) may still be loading.",
  "",
];
require("node:fs").writeFileSync(output, lines.join("\n"));
console.log(lines.join("\n"));
NODE
