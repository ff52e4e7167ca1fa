#!/usr/bin/env bash
# Measures what a login costs on this machine (Argon2id check, token signing, token verification) and prints a
# Markdown table. Usage: auth-service/bench/auth-login.sh [seconds per measurement, default 10]
# Needs a compiled module: ./mvnw -o -q -pl auth-service test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
../mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cl.compraagil.auth.bench.LoginBenchmark "${1:-10}"
