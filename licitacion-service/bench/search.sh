#!/usr/bin/env bash
# Search benchmark: PostgreSQL Spanish full text (the service's real search SQL) vs the seed bot's ILIKE scan, per
# kind of query, over generated opportunities loaded with COPY into the embedded PostgreSQL 17. Prints a Markdown
# table (target/bench-search.txt) and one EXPLAIN (ANALYZE, BUFFERS) per kind (target/bench-search-plans.md).
#
# Environment (or positional arguments rows, iterations):
#   BENCH_ROWS              opportunities generated (default 1000000)
#   BENCH_ITERATIONS        timed runs of each full-text query (default 30)
#   BENCH_ILIKE_ITERATIONS  timed runs of each ILIKE query (default 5; history kinds run half as many)
#   BENCH_DB_URL            optional JDBC URL of a running PostgreSQL 17 (user postgres/postgres) to load once and
#                           reuse across runs; default: a fresh embedded engine, loaded on every run
# Usage: licitacion-service/bench/search.sh [rows] [iterations]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-${BENCH_ROWS:-1000000}}"
ITERATIONS="${2:-${BENCH_ITERATIONS:-30}}"
ILIKE_ITERATIONS="${BENCH_ILIKE_ITERATIONS:-5}"
LOG=licitacion-service/target/bench-search.log
mkdir -p licitacion-service/target
echo "load before: $(uptime)"
if ! ./mvnw -o -q -pl licitacion-service test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.rows="$ROWS" -Dbench.iterations="$ITERATIONS" -Dbench.ilike-iterations="$ILIKE_ITERATIONS" \
  -Dbench.url="${BENCH_DB_URL:-}" >"$LOG" 2>&1; then
  tail -40 "$LOG"
  exit 1
fi
echo "load after:  $(uptime)"
cat licitacion-service/target/bench-search.txt
echo
echo "plans: licitacion-service/target/bench-search-plans.md"
