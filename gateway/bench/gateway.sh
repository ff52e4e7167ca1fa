#!/usr/bin/env bash
# Gateway benchmark: the same tiny backend reached directly, through nginx, through stock Spring Cloud Gateway
# (static route, and with its RedisRateLimiter) and through our gateway (token check + daily quota + burst limit,
# usage event per request), each at full load; then our gateway and the backend alone at a fixed rate of half our
# gateway's maximum, for the latency our gateway adds at p99; last, stock + RedisRateLimiter and ours driven at the
# same time, for a CPU-per-request ratio that machine drift cannot skew. Each row also gives the Redis server's CPU per
# request and how busy the whole machine was (both cores: wrk, nginx, Redis and Kafka share them with the gateways, so
# "half load" of a gateway is not half a machine). Prints one table; run from the repository root:
#
#   gateway/bench/gateway.sh            (needs: JDK 17+, wrk and nginx from Debian: apt-get install -y wrk nginx)
#
# Environment: BENCH_SECONDS (measured seconds per path, default 60: each wrk run opens new connections, and the
# deoptimisation and C2 recompilation that follow cost a fixed second or two of CPU, which a 20 s window
# overweights), BENCH_WARMUP (seconds of load before each gateway measurement, default 90: the JIT must have
# compiled the request path, or its compilation is what gets measured), BENCH_PACED_WARMUP (seconds at the fixed rate
# before each gateway's fixed-rate measurement, default 30: at a low rate the request path takes other branches than at
# full load, and the JIT recompiles it, so the first seconds at a new rate measure the compiler), BENCH_CONNECTIONS
# (default 32), BENCH_LOWER_LOADS (divisors of our gateway's maximum at which it is also measured at a fixed rate, with
# the backend alone at the same rate, to show where the added p99 crosses the 3 ms target; default "4", a quarter;
# empty for none), BENCH_JAVA_OPTS (JVM flags of both gateways; default: what the Kubernetes deployment gives the
# gateway: a heap of 70 % of its 1 GiB memory limit (MaxRAMPercentage=70), the serial collector and a 512 MiB young
# generation with small survivor spaces, the flags of its JAVA_TOOL_OPTIONS).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SECONDS_MEASURED="${BENCH_SECONDS:-60}"
WARMUP="${BENCH_WARMUP:-90}"
PACED_WARMUP="${BENCH_PACED_WARMUP:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
LOWER_LOADS="${BENCH_LOWER_LOADS-4}"
for divisor in $LOWER_LOADS; do
  [[ "$divisor" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_LOWER_LOADS: '$divisor' is not a whole number above 0" >&2; exit 2; }
done
JAVA_OPTS=(${BENCH_JAVA_OPTS:--Xms716m -Xmx716m -Xmn512m -XX:SurvivorRatio=32 -XX:+UseSerialGC})
WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
BACKEND_PORT=9101
PROXY_PORT=9102
STOCK_PORT=9180
OURS_PORT=9181
PIDS=()

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 2; }
for port in $BACKEND_PORT $PROXY_PORT $STOCK_PORT $OURS_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is in use" >&2; exit 2; fi
done

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$WORK/backend.pid" ]] && kill "$(cat "$WORK/backend.pid")" 2>/dev/null || true
  [[ -f "$WORK/proxy.pid" ]] && kill "$(cat "$WORK/proxy.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "building (offline) ..." >&2
./mvnw -o -q -pl gateway package -DskipTests
./mvnw -o -q -f gateway/bench/stock-gateway/pom.xml package -DskipTests
./mvnw -o -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null

echo "starting engines, nginx and gateways in $WORK ..." >&2
java -Xmx384m -cp "gateway/target/test-classes:$(cat "$WORK/cp.txt")" cl.compraagil.gateway.bench.BenchEngines \
  "$WORK/engines.env" >"$WORK/engines.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do [[ -s "$WORK/engines.env" ]] && break; sleep 1; done
# shellcheck disable=SC1091
source "$WORK/engines.env"

nginx_conf() { # name listen body
  mkdir -p "$WORK/$1"
  cat >"$WORK/$1/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/$1.pid;
error_log $WORK/$1/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/$1; proxy_temp_path $WORK/$1; fastcgi_temp_path $WORK/$1;
  uwsgi_temp_path $WORK/$1; scgi_temp_path $WORK/$1;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$2;
    $3
  }
}
EOF
  nginx -c "$WORK/$1/nginx.conf"
}
nginx_conf backend $BACKEND_PORT 'location / { default_type application/json; return 200 "{\"items\":[]}"; }'
nginx_conf proxy $PROXY_PORT 'location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }'

java "${JAVA_OPTS[@]}" -jar gateway/bench/stock-gateway/target/stock-gateway-0.1.0-SNAPSHOT.jar \
  --server.port=$STOCK_PORT --spring.data.redis.port="$REDIS_PORT" \
  --BACKEND_URI="http://127.0.0.1:$BACKEND_PORT" >"$WORK/stock.log" 2>&1 &
STOCK_PID=$!
PIDS+=($STOCK_PID)

backend="http://127.0.0.1:$BACKEND_PORT"
SERVER_PORT=$OURS_PORT EUREKA_CLIENT_ENABLED=false REDIS_PORT="$REDIS_PORT" KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
  JWKS_URI="$JWKS_URI" AUTH_SERVICE_URI="$backend" SUBSCRIPTION_SERVICE_URI="$backend" LICITACION_SERVICE_URI="$backend" \
  ML_SERVICE_URI="$backend" NOTIFICATION_SERVICE_URI="$backend" GATEWAY_USER_LIMIT_PER_MINUTE=1000000000 \
  java "${JAVA_OPTS[@]}" -jar gateway/target/gateway-0.1.0-SNAPSHOT.jar >"$WORK/ours.log" 2>&1 &
OURS_PID=$!
PIDS+=($OURS_PID)

wait_http() { # url [header that must be in the answer]
  for _ in $(seq 180); do
    answer="$(curl -s -o /dev/null -D - -H "Authorization: Bearer $TOKEN" "$1" || true)"
    code="$(awk 'NR == 1 {print $2}' <<<"$answer")"
    if [[ "$code" == 200 ]] && { [[ -z "${2:-}" ]] || grep -qi "^$2:" <<<"$answer"; }; then return 0; fi
    sleep 1
  done
  echo "no 200${2:+ with $2} from $1 (last: $code); logs in $WORK" >&2
  exit 1
}
PATH_Q="/api/v1/licitaciones?q=notebook"
wait_http "http://127.0.0.1:$BACKEND_PORT$PATH_Q"
wait_http "http://127.0.0.1:$PROXY_PORT$PATH_Q"
wait_http "http://127.0.0.1:$STOCK_PORT$PATH_Q"
# the limiter's headers show Redis answered: the first calls may fail open while the connection is made
wait_http "http://127.0.0.1:$OURS_PORT$PATH_Q" RateLimit

REDIS_PID="$(pgrep -f "redis-server.*:$REDIS_PORT" | head -1 || true)"
machine_ticks() { # busy and total clock ticks of all cores: user nice system idle iowait irq softirq steal
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit}' /proc/stat
}
cpu_ticks() { # pid -> utime+stime in clock ticks
  [[ -z "$1" ]] && { echo 0; return; }
  awk '{print $14 + $15}' "/proc/$1/stat"
}
script_calls() { # EVAL/EVALSHA calls Redis has served
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"
  printf 'INFO commandstats\r\n' >&3
  timeout 1 cat <&3 | tr -d '\r' | awk -F'[=,:]' '/^cmdstat_eval(sha)?:/ {sum += $3} END {print sum + 0}'
  exec 3<&-
}
to_ms() { # wrk latency (e.g. 1.23ms, 850.00us, 1.02s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

TICK_US=$((1000000 / $(getconf CLK_TCK)))
# CPU us/req: the gateway's; Redis/req: script calls per request; Redis us/req: the Redis server's CPU per request;
# busy %: how busy the whole machine was (both cores, everything running), since every process here shares them
ROW='%-52s %10s %9s %9s %11s %10s %12s %7s\n'
printf "$ROW" "path" "req/s" "p50 ms" "p99 ms" "CPU us/req" "Redis/req" "Redis us/req" "busy %"
P99=""
RPS=""
run() { # label url pid [fixed rate]
  local pacing=()
  if [[ -n "${4:-}" ]]; then
    pacing=(-s gateway/bench/paced.lua)
    if [[ -n "$3" ]]; then
      wrk -t1 -c"$CONNECTIONS" -d"${PACED_WARMUP}s" "${pacing[@]}" -H "Authorization: Bearer $TOKEN" "$2" -- "$4" >/dev/null
    fi
  elif [[ -n "$3" ]]; then
    wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$2" >/dev/null
  else
    wrk -t1 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$2" >/dev/null
  fi
  local before_cpu before_redis before_redis_cpu before_machine out requests rps p50 p99 cpu redis redis_cpu busy
  before_cpu="$(cpu_ticks "$3")"
  before_redis="$(script_calls)"
  before_redis_cpu="$(cpu_ticks "$REDIS_PID")"
  before_machine="$(machine_ticks)"
  out="$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" --latency "${pacing[@]}" \
    -H "Authorization: Bearer $TOKEN" "$2" ${4:+-- "$4"})"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  rps="$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  if grep -q 'Non-2xx' <<<"$out"; then echo "warning: $1 had non-2xx answers: $(grep Non-2xx <<<"$out")" >&2; fi
  if [[ -n "$3" ]]; then
    cpu="$(( ($(cpu_ticks "$3") - before_cpu) * TICK_US / requests ))"
  else
    cpu="-"
  fi
  busy="$(awk -v a="$before_machine" -v b="$(machine_ticks)" \
    'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }')"
  redis_cpu="-"
  [[ -n "$REDIS_PID" ]] && redis_cpu="$(( ($(cpu_ticks "$REDIS_PID") - before_redis_cpu) * TICK_US / requests ))"
  redis="$(awk -v a="$before_redis" -v b="$(script_calls)" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')"
  printf "$ROW" "$1" "$rps" "$p50" "$p99" "$cpu" "$redis" "$redis_cpu" "$busy"
  P99="$p99"
  RPS="$rps"
}
added_row() { # label p99 of a path, p99 of the direct backend at the same rate -> the p99 the path adds
  printf "$ROW" "$1" "-" "-" "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a - b }')" "-" "-" "-" "-"
}
paced_pair() { # rate, label of ours, label of the backend, label of the added row -> DIRECT_P99: the backend's p99
  local ours_p99
  run "$2" "http://127.0.0.1:$OURS_PORT$PATH_Q" "$OURS_PID" "$1"
  ours_p99="$P99"
  run "$3" "http://127.0.0.1:$BACKEND_PORT$PATH_Q" "" "$1"
  DIRECT_P99="$P99"
  added_row "$4" "$ours_p99" "$DIRECT_P99"
}
run "direct backend (nginx static 200)" "http://127.0.0.1:$BACKEND_PORT$PATH_Q" ""
run "nginx reverse proxy" "http://127.0.0.1:$PROXY_PORT$PATH_Q" ""
run "stock gateway, static route" "http://127.0.0.1:$STOCK_PORT/static$PATH_Q" "$STOCK_PID"
run "stock gateway + RedisRateLimiter" "http://127.0.0.1:$STOCK_PORT$PATH_Q" "$STOCK_PID"
run "our gateway: JWT + quota + burst + usage event" "http://127.0.0.1:$OURS_PORT$PATH_Q" "$OURS_PID"
OURS_MAX="$RPS"
HALF=$(( OURS_MAX / 2 ))
paced_pair "$HALF" "our gateway at a fixed $HALF req/s (half its max)" "direct backend at the same fixed rate" \
  "added by our gateway at half load (target <= 3 ms)"
# calibration: what stock gateway's static route (no token, no limiter) adds at the same rate on this machine
run "stock gateway, static route, at the same fixed rate" "http://127.0.0.1:$STOCK_PORT/static$PATH_Q" "$STOCK_PID" "$HALF"
added_row "added by stock static route at the same rate" "$P99" "$DIRECT_P99"
# The added p99 against load: at half load the machine is mostly busy (see "busy %"), so the same rows at lower
# fixed rates show how much of the tail is the gateway's path and how much is waiting for a core.
for divisor in $LOWER_LOADS; do
  rate=$(( OURS_MAX / divisor ))
  paced_pair "$rate" "our gateway at a fixed $rate req/s (1/$divisor of its max)" "direct backend at $rate req/s" \
    "added by our gateway at 1/$divisor of its max"
done
# The rows above are taken one after another, minutes apart, and a shared machine drifts in between (the same jar has
# measured 1.5x apart in one hour here). Driving stock + RedisRateLimiter and ours at the same time, half the
# connections each, puts both in the same conditions: the ratio of their CPU per request is the steadiest comparison.
same_window() {
  local stock_url="http://127.0.0.1:$STOCK_PORT$PATH_Q" ours_url="http://127.0.0.1:$OURS_PORT$PATH_Q"
  local half=$(( CONNECTIONS / 2 )) s0 o0 s1 o1 stock_out ours_out sn on
  s0="$(cpu_ticks "$STOCK_PID")"
  o0="$(cpu_ticks "$OURS_PID")"
  wrk -t1 -c"$half" -d"${SECONDS_MEASURED}s" -H "Authorization: Bearer $TOKEN" "$stock_url" >"$WORK/same-stock.txt" &
  local stock_wrk=$!
  wrk -t1 -c"$half" -d"${SECONDS_MEASURED}s" -H "Authorization: Bearer $TOKEN" "$ours_url" >"$WORK/same-ours.txt"
  wait "$stock_wrk"
  s1="$(cpu_ticks "$STOCK_PID")"
  o1="$(cpu_ticks "$OURS_PID")"
  sn="$(awk '/requests in/ {print $1}' "$WORK/same-stock.txt")"
  on="$(awk '/requests in/ {print $1}' "$WORK/same-ours.txt")"
  printf "$ROW" "same window: stock gateway + RedisRateLimiter" \
    "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/same-stock.txt")" "-" "-" "$(( (s1 - s0) * TICK_US / sn ))" "-" "-" "-"
  printf "$ROW" "same window: our gateway" \
    "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/same-ours.txt")" "-" "-" "$(( (o1 - o0) * TICK_US / on ))" "-" "-" "-"
  printf "$ROW" "same window: stock CPU/req divided by ours" "-" "-" "-" \
    "$(awk -v a="$(( (s1 - s0) * TICK_US / sn ))" -v b="$(( (o1 - o0) * TICK_US / on ))" 'BEGIN { printf "%.2f", a / b }')" "-" "-" "-"
}
same_window
echo "wrk -t1 -c$CONNECTIONS, ${SECONDS_MEASURED}s per path after ${WARMUP}s warm-up per gateway path (${PACED_WARMUP}s at a fixed rate); gateways:" \
  "${JAVA_OPTS[*]}; $(nproc) cores; $(uptime)" >&2
