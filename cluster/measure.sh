#!/usr/bin/env bash
# How the place-order rate through the balancer changes with 1, 2 and 3 nodes on one PostgreSQL database, on
# this machine: for each size, a fresh database and cluster (cluster/run.sh), wrk warms up, then measures.
# Prints a markdown table (rates as ratios to one node, in the same run) and writes it to cluster/target/scaling.md.
#
#   cluster/measure.sh [--sizes="1 2 3"] [--warmup=20] [--duration=20] [--connections=16]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="1 2 3"
WARMUP=20
DURATION=20
CONNECTIONS=16
for arg in "$@"; do
    case "$arg" in
        --sizes=*) SIZES="${arg#--sizes=}" ;;
        --warmup=*) WARMUP="${arg#--warmup=}" ;;
        --duration=*) DURATION="${arg#--duration=}" ;;
        --connections=*) CONNECTIONS="${arg#--connections=}" ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

export CLUSTER_STATE="$ROOT/cluster/target/measure"
export BUYONCE_JWT_SECRET
BUYONCE_JWT_SECRET="measure-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PORT=18280
OUT="$ROOT/cluster/target/scaling.md"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
jwt() { # subject roles-json
    local header payload signature
    header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
    payload=$(printf '{"sub":"%s","roles":%s,"iat":%d,"exp":%d}' "$1" "$2" "$(date +%s)" $(( $(date +%s) + 3600 )) | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$BUYONCE_JWT_SECRET" -binary | b64url)
    printf '%s.%s.%s' "$header" "$payload" "$signature"
}

stop() { bash "$ROOT/cluster/run.sh" stop --drop-db >/dev/null 2>&1 || true; }
trap stop EXIT

declare -A RATE P99
for n in $SIZES; do
    echo "[measure] $n node(s)" >&2
    bash "$ROOT/cluster/run.sh" start --nodes="$n" --port=$PORT --db="buyonce_scaling_$n" --fresh >/dev/null
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/admin/products" -H "Content-Type: application/json" \
        -H "Authorization: Bearer $(jwt measure-admin '["admin"]')" \
        -d '{"id":"coffee","name":"Coffee","kind":"CONSUMABLE","price":{"amount":"3.50","currency":"CNY"}}'
    sleep 2 # every node's catalog has the product (it follows at once; this is a margin)
    user_token=$(jwt "measure-buyer" '[]')
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/wrk/orders.lua" -H "Authorization: Bearer $user_token" \
        "http://127.0.0.1:$PORT/api/orders" >/dev/null
    result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/wrk/orders.lua" \
        -H "Authorization: Bearer $user_token" "http://127.0.0.1:$PORT/api/orders")
    RATE[$n]=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
    P99[$n]=$(awk '$1 == "99%" {print $2}' <<<"$result")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$result")
    echo "[measure] $n node(s): ${RATE[$n]} orders/s, p99 ${P99[$n]}, non-2xx ${non2xx:-0}; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    stop
done

first=$(awk '{print $1}' <<<"$SIZES")
{
    echo "| nodes | orders/s | ratio to $first node(s) | p99 |"
    echo "|---:|---:|---:|---:|"
    for n in $SIZES; do
        ratio=$(awk -v a="${RATE[$n]}" -v b="${RATE[$first]}" 'BEGIN {printf "%.2f", a / b}')
        echo "| $n | ${RATE[$n]} | $ratio | ${P99[$n]} |"
    done
} | tee "$OUT"
