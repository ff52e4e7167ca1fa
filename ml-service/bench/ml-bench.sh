#!/usr/bin/env bash
# ml-service benchmarks on the embedded engines: import rate of a generated ~1M-row COT month against plain
# COPY of the same file, then price-recommendation latency (p50/p95/p99) over a history of ROWS rows.
# Usage: ml-service/bench/ml-bench.sh [ROWS] [MONTH_ROWS]     (defaults 10000000 1000000)
# Environment:
#   BENCH_DATA_DIR=/path   keep the embedded PostgreSQL's data folder there: the history is generated and imported
#                          once, later runs only load the months still missing (a 10 M-row folder is ~6 GB)
#   BENCH_DB_URL=jdbc:...  use an existing PostgreSQL instead (BENCH_DB_USER / BENCH_DB_PASSWORD, default postgres)
#   BENCH_IMPORT=false     skip the COPY-vs-importer measure (it re-imports the newest month, replacing it)
#   BENCH_LOAD_THREADS=2   months generated and imported at the same time while filling the history
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-10000000}"
MONTH_ROWS="${2:-1000000}"
./mvnw -o -q -pl ml-service verify -Pbench -Dml.bench=true -Dml.bench.rows="$ROWS" -Dml.bench.month-rows="$MONTH_ROWS" \
  -Dtest=MlBenchmarkIT -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
echo "ml-service benchmark ($(nproc) cores, $(date -u +%F)), history rows target $ROWS, data ${BENCH_DB_URL:-${BENCH_DATA_DIR:-throw-away embedded}}"
cat ml-service/target/ml-bench.md
