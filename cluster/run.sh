#!/usr/bin/env bash
# BuyOnce as a cluster on this machine: N nodes (JVMs of app/target/buyonce.jar) on one PostgreSQL database,
# with HAProxy in front (round robin, health checks on /actuator/health). Everything it starts it records by
# pid under the state directory, and stops by pid.
#
#   cluster/run.sh start [--nodes=3] [--port=18080] [--db=buyonce_cluster] [--fresh] [-- extra app args...]
#   cluster/run.sh stop [--drop-db]      stop the nodes (SIGTERM, then SIGKILL after 30 s) and HAProxy
#   cluster/run.sh status                which nodes and balancer are running, and their addresses
#   cluster/run.sh kill-node <i>         kill -9 node i (a crash)
#   cluster/run.sh start-node <i>        start node i again (it rejoins the balancer once healthy)
#
# Environment: CLUSTER_STATE (default cluster/target/cluster), BUYONCE_JAR (default app/target/buyonce.jar, built
# when missing), BUYONCE_JWT_SECRET and BUYONCE_SANDBOX_WEBHOOK_SECRET (random when unset; written to the state
# directory's env file), PGHOST/PGPORT (127.0.0.1:5432, user postgres). Node i listens on port+i.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${CLUSTER_STATE:-$ROOT/cluster/target/cluster}"
JAR="${BUYONCE_JAR:-$ROOT/app/target/buyonce.jar}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt -d postgres)

log() { echo "[cluster $(date -u +%H:%M:%S)] $*" >&2; }
die() { log "$*"; exit 1; }

random_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

await_health() { # url seconds
    local url=$1 seconds=$2
    for _ in $(seq 1 $((seconds * 2))); do
        curl -fsS -o /dev/null -m 2 "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    return 1
}

load_env() {
    [ -f "$STATE/env" ] || die "no cluster state in $STATE (start one first)"
    # shellcheck disable=SC1091
    . "$STATE/env"
}

start_node() { # index
    local i=$1 port=$((PORT + $1))
    if alive "$STATE/node-$i.pid"; then
        log "node-$i already runs (pid $(cat "$STATE/node-$i.pid"))"
        return
    fi
    local extra=()
    [ -f "$STATE/extra-args" ] && mapfile -t extra <"$STATE/extra-args"
    java -Xmx384m -XX:+UseSerialGC -jar "$JAR" \
        --spring.profiles.active=postgres \
        --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        --spring.datasource.hikari.maximum-pool-size=10 \
        --spring.jmx.enabled=false \
        --server.address=127.0.0.1 --server.port="$port" \
        --buyonce.node-id="node-$i" \
        --buyonce.security.jwt-secret="$JWT_SECRET" \
        --buyonce.payments.sandbox.enabled=true \
        --buyonce.payments.sandbox.webhook-secret="$WEBHOOK_SECRET" \
        --buyonce.payments.sandbox.notify-url="http://127.0.0.1:$PORT" \
        "${extra[@]}" >>"$STATE/node-$i.log" 2>&1 &
    echo $! >"$STATE/node-$i.pid"
    log "node-$i starting on 127.0.0.1:$port (pid $!)"
}

write_haproxy_config() {
    {
        cat <<CFG
global
    maxconn 4096
    log stderr format short local0 warning

defaults
    mode http
    log global
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # server-sent events stay open
    timeout tunnel 1h
    # a request that could not reach a node (refused, node gone) is sent to another; one that reached it is not
    retries 2
    option redispatch

frontend api
    bind 127.0.0.1:$PORT
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    default-server inter 1s fall 2 rise 1
CFG
        for i in $(seq 1 "$NODES"); do
            echo "    server node-$i 127.0.0.1:$((PORT + i)) check"
        done
    } >"$STATE/haproxy.cfg"
}

cmd_start() {
    local nodes=3 port=18080 db=buyonce_cluster fresh=0 extra=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --nodes=*) nodes="${1#--nodes=}" ;;
            --port=*) port="${1#--port=}" ;;
            --db=*) db="${1#--db=}" ;;
            --fresh) fresh=1 ;;
            --) shift; extra=("$@"); break ;;
            *) die "unknown option $1" ;;
        esac
        shift
    done
    [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "--db must be a plain lower-case name"
    command -v haproxy >/dev/null || die "haproxy is not installed (apt-get install haproxy)"
    if [ -f "$STATE/env" ]; then
        load_env
        for i in $(seq 1 "$NODES"); do
            alive "$STATE/node-$i.pid" && die "a cluster already runs from $STATE; stop it first"
        done
    fi
    if [ ! -f "$JAR" ]; then
        log "building $JAR"
        (cd "$ROOT" && mvn -B -ntp -q -DskipTests -pl app -am package)
    fi
    mkdir -p "$STATE"
    rm -f "$STATE"/node-*.log "$STATE"/haproxy.log "$STATE"/*.pid
    NODES=$nodes PORT=$port DB=$db
    JWT_SECRET="${BUYONCE_JWT_SECRET:-$(random_secret)}"
    WEBHOOK_SECRET="${BUYONCE_SANDBOX_WEBHOOK_SECRET:-$(random_secret)}"
    printf 'NODES=%s\nPORT=%s\nDB=%s\nJWT_SECRET=%s\nWEBHOOK_SECRET=%s\n' \
        "$NODES" "$PORT" "$DB" "$JWT_SECRET" "$WEBHOOK_SECRET" >"$STATE/env"
    printf '%s\n' "${extra[@]}" >"$STATE/extra-args"
    [ ${#extra[@]} -eq 0 ] && : >"$STATE/extra-args"

    if [ "$fresh" = 1 ]; then
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
    fi
    if [ -z "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
        "${PSQL[@]}" -c "CREATE DATABASE $DB"
    fi

    # the first node creates the schema (Flyway) alone; the others start once it is healthy
    start_node 1
    await_health "http://127.0.0.1:$((PORT + 1))/actuator/health" 180 || die "node-1 did not become healthy; see $STATE/node-1.log"
    for i in $(seq 2 "$NODES"); do start_node "$i"; done
    for i in $(seq 2 "$NODES"); do
        await_health "http://127.0.0.1:$((PORT + i))/actuator/health" 180 || die "node-$i did not become healthy; see $STATE/node-$i.log"
    done

    write_haproxy_config
    haproxy -D -f "$STATE/haproxy.cfg" -p "$STATE/haproxy.pid" 2>>"$STATE/haproxy.log" \
        || die "haproxy did not start; see $STATE/haproxy.log"
    await_health "http://127.0.0.1:$PORT/actuator/health" 30 || die "the balancer does not answer on $PORT"
    log "BuyOnce cluster of $NODES nodes on database $DB"
    echo "http://127.0.0.1:$PORT"
}

stop_pid() { # pidfile name
    local file=$1 name=$2
    alive "$file" || { rm -f "$file"; return 0; }
    local pid
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$file"; log "$name stopped"; return 0; }
        sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$file"
    log "$name did not stop within 30 s; killed"
}

cmd_stop() {
    load_env
    stop_pid "$STATE/haproxy.pid" haproxy
    for i in $(seq 1 "$NODES"); do stop_pid "$STATE/node-$i.pid" "node-$i" & done
    wait
    if [ "${1:-}" = --drop-db ]; then
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
        log "dropped database $DB"
    fi
}

cmd_status() {
    load_env
    echo "balancer http://127.0.0.1:$PORT $(alive "$STATE/haproxy.pid" && echo running || echo stopped)"
    for i in $(seq 1 "$NODES"); do
        echo "node-$i http://127.0.0.1:$((PORT + i)) $(alive "$STATE/node-$i.pid" && echo "running pid $(cat "$STATE/node-$i.pid")" || echo stopped)"
    done
}

cmd_kill_node() {
    load_env
    local i=${1:?node index}
    alive "$STATE/node-$i.pid" || die "node-$i is not running"
    kill -9 "$(cat "$STATE/node-$i.pid")"
    rm -f "$STATE/node-$i.pid"
    log "node-$i killed (SIGKILL)"
}

cmd_start_node() {
    load_env
    local i=${1:?node index}
    start_node "$i"
    await_health "http://127.0.0.1:$((PORT + i))/actuator/health" 180 || die "node-$i did not become healthy; see $STATE/node-$i.log"
    log "node-$i healthy"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) cmd_status ;;
    kill-node) cmd_kill_node "${2:-}" ;;
    start-node) cmd_start_node "${2:-}" ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
