#!/usr/bin/env bash
# Search benchmark: PostgreSQL Spanish full text (the service's real search SQL) vs the seed bot's ILIKE scan,
# over generated opportunities loaded with COPY into the embedded PostgreSQL 17. Prints a Markdown table.
# Usage: licitacion-service/bench/search.sh [rows] [iterations]   (defaults: 1000000 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
ITERATIONS="${2:-30}"
LOG=licitacion-service/target/bench-search.log
mkdir -p licitacion-service/target
if ! ./mvnw -o -q -pl licitacion-service test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.rows="$ROWS" -Dbench.iterations="$ITERATIONS" \
  >"$LOG" 2>&1; then
  tail -40 "$LOG"
  exit 1
fi
cat licitacion-service/target/bench-search.txt
