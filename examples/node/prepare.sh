#!/usr/bin/env bash
# Installs the quickstart's dependencies (package-lock.json) and the @industry/contracts package that
# scripts/pack-contracts.sh built for the contracts' current version (protos/VERSIONS), then compiles the quickstart.
# In your own project: npm install @industry/contracts from the department's registry instead.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$(grep -v '^#' "$root/protos/VERSIONS" | grep . | tail -n 1 | cut -d' ' -f1)
package="$root/.build/packages/industry-contracts-$version.tgz"
if [ ! -f "$package" ]; then
  echo "no $package: run bash scripts/pack-contracts.sh first" >&2
  exit 1
fi
cd "$here"
npm ci --no-audit --no-fund
npm install --no-save --no-audit --no-fund "$package"
npx tsc
