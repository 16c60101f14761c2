#!/usr/bin/env bash
# Steady-state CPU per request, with a native load generator (wrk) instead of the Java one, so the
# generator takes little of the 2 cores and the services are measured long after their JIT warm-up.
# Starts BuyOnce and the CRUD baseline on fresh databases (127.0.0.1:5432), then for each case: 32
# connections, WARM seconds unmeasured, MEASURE seconds measured; prints requests/s, latency and the
# service's CPU (user + system from /proc/<pid>/stat) per request. Needs wrk (Debian package `wrk`).
#
# BuyOnce's requests come from 64 users in turn (AUTHS in bench/wrk/orders.lua), so its per-user rate
# limits (500 order writes/s each) are never what is measured; the non-2xx column shows any that were.
#
#   bench/steady-cpu.sh              (jars from a previous `mvn -q -DskipTests package`)
#   WARM=40 MEASURE=20 bench/steady-cpu.sh
#   CASES="guess floor" bench/steady-cpu.sh     (some of: order edge crud floor guess)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WARM=${WARM:-40}
CASES=" ${CASES:-order edge crud floor guess} "
MEASURE=${MEASURE:-20}
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -qAt -d postgres)
RUN="steady_$(date +%s)_$$"
SECRET="steady-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS ${RUN}_buyonce WITH (FORCE)" -c "DROP DATABASE IF EXISTS ${RUN}_crud WITH (FORCE)" || true
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

start() { # name jar port db args...
    local name=$1 jar=$2 port=$3 db=$4
    shift 4
    "${PSQL[@]}" -c "CREATE DATABASE $db"
    java -Xmx512m -XX:+UseG1GC -jar "$jar" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
        --server.port="$port" --server.address=127.0.0.1 --spring.datasource.hikari.maximum-pool-size=10 "$@" \
        >"$ROOT/bench/target/steady-$name.log" 2>&1 &
    PIDS+=("$!")
}
token() { # subject roles-json
    python3 - "$SECRET" "$1" "$2" <<'PY'
import base64, hashlib, hmac, json, sys, time
secret, sub, roles = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
b = lambda d: base64.urlsafe_b64encode(d).rstrip(b'=').decode()
head = b(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b(json.dumps({"sub": sub, "roles": roles, "iat": int(time.time()), "exp": int(time.time()) + 3600}).encode())
print(head + '.' + body + '.' + b(hmac.new(secret.encode(), (head + '.' + body).encode(), hashlib.sha256).digest()))
PY
}
await() { for _ in $(seq 1 240); do curl -fs -o /dev/null -H "X-User: probe" "$1" && return 0; sleep 0.5; done; return 1; }

mkdir -p "$ROOT/bench/target"
start buyonce "$ROOT/app/target/buyonce.jar" 18081 "${RUN}_buyonce" --spring.profiles.active=postgres \
    --buyonce.security.jwt-secret="$SECRET"
BUYONCE_PID=${PIDS[0]}
start crud "$ROOT/bench/crud-baseline/target/crud-baseline.jar" 18082 "${RUN}_crud"
CRUD_PID=${PIDS[1]}
await http://127.0.0.1:18081/actuator/health
await http://127.0.0.1:18082/ownership/probe
USER_AUTH="Authorization: Bearer $(token steady-user '[]')"
AUTHS=""
for i in $(seq 1 64); do AUTHS+="$(token "steady-user-$i" '[]') "; done
export AUTHS
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $(token steady-admin '["admin"]')" \
    -H 'Content-Type: application/json' http://127.0.0.1:18081/api/admin/products \
    -d '{"id":"coffee","name":"Coffee","kind":"CONSUMABLE","price":{"amount":"9.90","currency":"CNY"}}'

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # label pid header url [body]
    local label=$1 pid=$2 header=$3 url=$4 out c0 c1 requests
    export BODY=${5:-}
    [ -z "$BODY" ] && unset BODY
    wrk -t2 -c32 -d"${WARM}s" -s "$ROOT/bench/wrk/orders.lua" -H "$header" "$url" >/dev/null
    c0=$(cpu_ticks "$pid")
    out=$(wrk -t2 -c32 -d"${MEASURE}s" --latency -s "$ROOT/bench/wrk/orders.lua" -H "$header" "$url")
    c1=$(cpu_ticks "$pid")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(python3 -c "print(round(($c1 - $c0) * 1000 / $(getconf CLK_TCK) / $requests, 3))")" \
        "$(awk '/Non-2xx/ {print $5}' <<<"$out")"
}
echo "| case | requests/s | p50 | p99 | service CPU ms/request | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
case "$CASES" in *" order "*)
measure "BuyOnce POST /api/orders (new consumable order)" "$BUYONCE_PID" "$USER_AUTH" http://127.0.0.1:18081/api/orders ;; esac
case "$CASES" in *" edge "*)
measure "BuyOnce POST /api/orders, unknown product (edge only: token, JSON, validation, pricing, problem answer)" \
    "$BUYONCE_PID" "$USER_AUTH" http://127.0.0.1:18081/api/orders '{"items":[{"productId":"nope","quantity":1}]}' ;; esac
case "$CASES" in *" guess "*)
measure "BuyOnce POST /api/coupons/{id}/claims, a guessed id (404 COUPON_NOT_FOUND)" \
    "$BUYONCE_PID" "$USER_AUTH" http://127.0.0.1:18081/api/coupons/guessed-coupon/claims ;; esac
# the baseline names its caller by X-User: no tokens
unset AUTHS
case "$CASES" in *" crud "*)
measure "CRUD baseline POST /orders" "$CRUD_PID" "X-User: steady-user" http://127.0.0.1:18082/orders ;; esac
case "$CASES" in *" floor "*)
measure "HTTP floor POST /floor/orders (stores nothing)" "$CRUD_PID" "X-User: steady-user" http://127.0.0.1:18082/floor/orders ;; esac
