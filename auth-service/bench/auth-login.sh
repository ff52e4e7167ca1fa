#!/usr/bin/env bash
# What a login and a token check cost on this machine. Run from the repository root, non-interactively:
#
#   auth-service/bench/auth-login.sh
#
# 1. Micro benchmark (no network): the Argon2id check with the service's parameters and ms per hash (through the
#    service's PasswordHasher, and through Spring's encoder it replaced), thread and process CPU, RS256 signing,
#    and token verifications/s through the same NimbusJwtDecoder configuration every service and the gateway use.
# 2. End to end: auth-service started on embedded PostgreSQL 17, Redis and Kafka (free ports), real logins posted
#    with the OAuth2 password form by concurrent clients; logins/s, latency, and the service's CPU ms per login read
#    from /proc/<pid>/stat (steadier than wall-clock figures on a shared machine).
#
# Environment: BENCH_SECONDS (per measurement, default 10), BENCH_WARMUP (end-to-end warm-up seconds, default 10),
# BENCH_WARMUP_LOGINS (the warm-up also lasts until this many logins were answered, default 40),
# BENCH_CONCURRENCY (concurrent login clients, default 4), BENCH_USERS (accounts logging in, default 4, at most 20:
# sign-ups are limited per IP), BENCH_PORT (auth-service port, default 9281), BENCH_JAVA_OPTS (service JVM flags),
# BENCH_START_TIMEOUT (seconds to wait for the engines and the service, default 600: a loaded machine is slow).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SECONDS_MEASURED="${BENCH_SECONDS:-10}"
WARMUP="${BENCH_WARMUP:-10}"
WARMUP_LOGINS="${BENCH_WARMUP_LOGINS:-40}"
CONCURRENCY="${BENCH_CONCURRENCY:-4}"
USERS="${BENCH_USERS:-4}"
PORT="${BENCH_PORT:-9281}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}"
WORK="$(mktemp -d /tmp/auth-bench.XXXXXX)"
PIDS=()

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use (set BENCH_PORT)" >&2; exit 2; fi

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building auth-service (offline, tests skipped) ..." >&2
# one reactor run, nothing installed into ~/.m2: auth-service is built last, so its classpath is the one left in cp.txt
./mvnw -o -q -pl auth-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; exit 1; }
CP="auth-service/target/test-classes:auth-service/target/classes:$(cat "$WORK/cp.txt")"

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, uptime: $(uptime)"
echo
echo "### Micro benchmark (${SECONDS_MEASURED}s per row)"
echo
# the service's JVM flags, so the process-CPU column shows the garbage collection the service would pay
java "${JAVA_OPTS[@]}" -cp "$CP" cl.compraagil.auth.bench.LoginBenchmark "$SECONDS_MEASURED"

echo "starting embedded engines and auth-service on port $PORT ..." >&2
java -Xmx384m -cp "$CP" cl.compraagil.auth.bench.LoginBenchEngines "$WORK/engines.env" >"$WORK/engines.log" 2>&1 &
PIDS+=($!)
for _ in $(seq "$START_TIMEOUT"); do [[ -s "$WORK/engines.env" ]] && break; sleep 1; done
[[ -s "$WORK/engines.env" ]] || { echo "engines did not start:" >&2; tail -40 "$WORK/engines.log" >&2; exit 1; }
# shellcheck disable=SC1091
source "$WORK/engines.env"

SERVER_PORT="$PORT" DB_URL="$DB_URL" REDIS_PORT="$REDIS_PORT" KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
  EUREKA_CLIENT_ENABLED=false JWKS_URI="http://localhost:$PORT/.well-known/jwks.json" \
  java "${JAVA_OPTS[@]}" -jar "$(ls auth-service/target/auth-service-*.jar | grep -v -- '-plain' | head -n 1)" \
  >"$WORK/auth.log" 2>&1 &
SERVICE_PID=$!
PIDS+=($SERVICE_PID)
for _ in $(seq "$START_TIMEOUT"); do
  curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "auth-service exited:" >&2; tail -40 "$WORK/auth.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null || { tail -40 "$WORK/auth.log" >&2; exit 1; }

echo
echo "### End to end: POST /api/v1/auth/login (form), ${CONCURRENCY} clients, ${SECONDS_MEASURED}s measured"
echo
CLK_TCK="$(getconf CLK_TCK)" java -Xmx128m -cp "$CP" cl.compraagil.auth.bench.LoginLoad "http://localhost:$PORT" \
  "$SERVICE_PID" "$SECONDS_MEASURED" "$CONCURRENCY" "$USERS" "$WARMUP" "$WARMUP_LOGINS"
echo
echo "== done, uptime: $(uptime)"
