#!/usr/bin/env bash
# Notification benchmarks, run from the repo root without interaction; prints Markdown tables.
#  1. licitacion.new matched against N alert rules (in-memory inverted index).
#  2. Signed webhook deliveries through the real dispatcher on embedded PostgreSQL 17 to a receiver in another JVM
#     that verifies every signature; wall-clock rate plus CPU ms per delivery of each process (from /proc).
# Sizes from the environment (positional arguments are still read, in this order, for older callers):
#   RULES=10000 MATCH_EVENTS=5000 WEBHOOK_MESSAGES=10000 WEBHOOK_WORKERS=8 WEBHOOK_WARMUP=5000 BENCH_THREADS=false
set -euo pipefail
cd "$(dirname "$0")/../.."
RULES=${RULES:-${1:-10000}}
MESSAGES=${WEBHOOK_MESSAGES:-${2:-10000}}
WORKERS=${WEBHOOK_WORKERS:-${3:-8}}
MATCH_EVENTS=${MATCH_EVENTS:-5000}
WARMUP=${WEBHOOK_WARMUP:-5000}
BENCH_THREADS=${BENCH_THREADS:-false}
./mvnw -o -q -pl notification-service test-compile
CP_FILE=notification-service/target/bench-classpath.txt
./mvnw -o -q -pl notification-service dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="notification-service/target/test-classes:notification-service/target/classes:$(cat "$CP_FILE")"
JAVA_OPTS="-Xmx512m -XX:+UseParallelGC -Duser.timezone=UTC"
echo "Load before: $(uptime)"
echo
echo "## licitacion.new matched against $RULES alert rules (in-memory inverted index)"
echo
java $JAVA_OPTS -cp "$CP" cl.compraagil.notification.alert.AlertMatchingBenchmark "$RULES" "$MATCH_EVENTS"
echo
echo "## Signed webhook deliveries to a local receiver (after $WARMUP warm-up deliveries)"
echo
java $JAVA_OPTS -Dbench.threads="$BENCH_THREADS" -cp "$CP" cl.compraagil.notification.webhook.WebhookDeliveryBenchmark \
    "$MESSAGES" "$WORKERS" "$WARMUP" 2>/dev/null | grep '^|'
echo
echo "Load after: $(uptime)"
