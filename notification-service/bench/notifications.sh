#!/usr/bin/env bash
# Notification benchmarks: licitacion.new matched against N alert rules, and signed webhook deliveries per second
# to a local receiver (which verifies every signature). Prints Markdown tables.
# Usage: notification-service/bench/notifications.sh [rules=10000] [webhook_messages=10000] [concurrency=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
RULES=${1:-10000}
MESSAGES=${2:-10000}
CONCURRENCY=${3:-8}
./mvnw -o -q -pl notification-service test-compile
CP_FILE=notification-service/target/bench-classpath.txt
./mvnw -o -q -pl notification-service dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="notification-service/target/test-classes:notification-service/target/classes:$(cat "$CP_FILE")"
JAVA_OPTS="-Xmx512m -XX:+UseParallelGC -Duser.timezone=UTC"
echo "## licitacion.new matched against $RULES alert rules (in-memory inverted index)"
echo
java $JAVA_OPTS -cp "$CP" cl.compraagil.notification.alert.AlertMatchingBenchmark "$RULES" 5000
echo
echo "## Signed webhook deliveries to a local receiver"
echo
java $JAVA_OPTS -cp "$CP" cl.compraagil.notification.webhook.WebhookDeliveryBenchmark "$MESSAGES" "$CONCURRENCY" 2>/dev/null | grep '^|'
