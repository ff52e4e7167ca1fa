#!/usr/bin/env bash
# ml-service benchmarks on the embedded engines: import rate of a generated ~1M-row COT month against plain
# COPY of the same file, then price-recommendation latency (p50/p95/p99) over a history of ROWS rows.
# Usage: ml-service/bench/ml-bench.sh [ROWS] [MONTH_ROWS]     (defaults 10000000 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-10000000}"
MONTH_ROWS="${2:-1000000}"
./mvnw -o -q -pl ml-service verify -Pbench -Dml.bench=true -Dml.bench.rows="$ROWS" -Dml.bench.month-rows="$MONTH_ROWS" \
  -Dtest=MlBenchmarkIT -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
echo "ml-service benchmark ($(nproc) cores, $(date -u +%F)), history rows target $ROWS"
cat ml-service/target/ml-bench.md
