#!/usr/bin/env bash
# BuyOnce benchmarks: builds what it needs, creates fresh PostgreSQL databases on 127.0.0.1:5432, starts
# BuyOnce and the CRUD baseline on loopback ports, drives them with the Java load generator, prints the
# markdown table, writes bench/results/latest.json, then stops what it started and drops its databases.
#
#   bench/run.sh            full run (under 30 minutes on 2 cores)
#   bench/run.sh --quick    quick run (under 6 minutes on 2 cores)
#   options: --no-build (reuse the jars already built), --profile (JFR recording of BuyOnce during the run),
#            --only=<scenario> (run one scenario, e.g. while profiling; results then cover that one only): place-order,
#            freshness, same-key-storm, ownership-lookup, flash-sale, coupon-rush, replay;
#            --freshness-load=<fraction> (freshness paces its load at this fraction of the capacity it measured
#            first; default 0.5)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODE=full
BUILD=1
PROFILE=0
ONLY=""
GENERATOR_ARGS=()
for arg in "$@"; do
    case "$arg" in
        --quick) MODE=quick ;;
        --no-build) BUILD=0 ;;
        --profile) PROFILE=1 ;;
        --only=*) ONLY="${arg#--only=}" ;;
        --freshness-load=*) GENERATOR_ARGS+=("$arg") ;;
        *) echo "unknown option $arg (use --quick, --no-build, --profile, --only=<scenario>, --freshness-load=<fraction>)" >&2; exit 2 ;;
    esac
done

PG_HOST=127.0.0.1
PG_PORT=5432
PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt -d postgres)
RUN_ID="bench_$(date +%s)_$$"
DBS=("${RUN_ID}_buyonce" "${RUN_ID}_buyonce_small" "${RUN_ID}_crud" "${RUN_ID}_crud_small" "${RUN_ID}_raw")
WORK="$ROOT/bench/target/run"
RESULTS="$ROOT/bench/results"
# Same heap, collector and pool for both services, so neither is favoured; recorded in BENCHMARKS.md.
# SERVICE_JVM_FLAGS replaces the JVM flags for an experiment, e.g. SERVICE_JVM_FLAGS="-Xmx512m -XX:+UseSerialGC".
read -r -a SERVICE_JVM <<<"${SERVICE_JVM_FLAGS:--Xmx512m -XX:+UseG1GC}"
POOL=10
# Extra BuyOnce properties for experiments, e.g. BUYONCE_EXTRA="--axon.eventhandling.processors.orders.batch-size=10"
read -r -a BUYONCE_EXTRA_ARGS <<<"${BUYONCE_EXTRA:-}"

# Hard bounds on the generator (the targets are 6 and 30 minutes on an otherwise idle 2-core machine).
if [ "$MODE" = quick ]; then BENCH_LIMIT=600; else BENCH_LIMIT=2400; fi
PIDS=()

log() { echo "[run.sh $(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
    local status=$?
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    for db in "${DBS[@]}"; do
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || log "could not drop $db"
    done
    log "stopped services, dropped ${DBS[*]}"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}

await_http() { # name url [header]
    local name=$1 url=$2 header=${3:-X-Probe: 1}
    for _ in $(seq 1 240); do
        if curl -fsS -o /dev/null -m 2 -H "$header" "$url" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    log "$name did not answer at $url within 120 s; see $WORK/$name.log"
    return 1
}

started=$(date +%s)
mkdir -p "$WORK" "$RESULTS"
if [ "$BUILD" = 1 ]; then
    log "building (mvn -q -DskipTests package)"
    (cd "$ROOT" && mvn -q -DskipTests package)
fi

for db in "${DBS[@]}"; do
    "${PSQL[@]}" -c "CREATE DATABASE $db"
done
url() { echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$1"; }

SECRET="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
BENCH_ARGS=(--jwt-secret="$SECRET" --raw-db="$(url "${DBS[4]}")")
# Same flags for every instance of both systems: small pools that grow on demand and shrink when idle, so
# four services and the raw-SQL connections stay well inside PostgreSQL's max_connections.
COMMON_ARGS=(--spring.datasource.hikari.maximum-pool-size=$POOL --spring.datasource.hikari.minimum-idle=2
    --spring.datasource.hikari.idle-timeout=30000 --server.address=127.0.0.1 --server.tomcat.accept-count=1000
    --spring.jmx.enabled=false)

start_service() { # name db jar jvm-flags... -- app-args...
    local name=$1 db=$2 jar=$3 port
    shift 3
    local jvm=() args=()
    while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
    shift
    args=("$@")
    port=$(free_port)
    log "starting $name on 127.0.0.1:$port"
    java "${jvm[@]}" -jar "$jar" --spring.datasource.url="$(url "$db")" --server.port="$port" \
        "${COMMON_ARGS[@]}" "${args[@]}" >"$WORK/$name.log" 2>&1 &
    PIDS+=("$!")
    BENCH_ARGS+=(--"$name"-url="http://127.0.0.1:$port" --"$name"-db="$(url "$db")" --"$name"-pid="$!")
    STARTED+=("$name http://127.0.0.1:$port")
}

STARTED=()
APP_JVM=("${SERVICE_JVM[@]}")
if [ "$PROFILE" = 1 ]; then
    APP_JVM+=(-XX:+FlightRecorder "-XX:StartFlightRecording=filename=$WORK/buyonce.jfr,settings=profile,dumponexit=true")
fi
BUYONCE_ARGS=(--spring.profiles.active=postgres --buyonce.security.jwt-secret="$SECRET" "${BUYONCE_EXTRA_ARGS[@]}")
start_service buyonce "${DBS[0]}" "$ROOT/app/target/buyonce.jar" "${APP_JVM[@]}" -- "${BUYONCE_ARGS[@]}"
start_service crud "${DBS[2]}" "$ROOT/bench/crud-baseline/target/crud-baseline.jar" "${SERVICE_JVM[@]}" --
if [ -z "$ONLY" ] || [ "$ONLY" = ownership-lookup ]; then
    # the small-history instances, measured against the main ones in alternating rounds
    start_service buyonce-small "${DBS[1]}" "$ROOT/app/target/buyonce.jar" "${SERVICE_JVM[@]}" -- "${BUYONCE_ARGS[@]}"
    start_service crud-small "${DBS[3]}" "$ROOT/bench/crud-baseline/target/crud-baseline.jar" "${SERVICE_JVM[@]}" --
fi
if [ -z "$ONLY" ] || [ "$ONLY" = freshness ]; then
    # a second node on BuyOnce's database: freshness reads and watches there what the first node answered
    start_service buyonce-peer "${DBS[0]}" "$ROOT/app/target/buyonce.jar" "${SERVICE_JVM[@]}" -- "${BUYONCE_ARGS[@]}"
fi
APP_PID=${PIDS[0]}

for service in "${STARTED[@]}"; do
    read -r name address <<<"$service"
    case "$name" in
        buyonce*) await_http "$name" "$address/actuator/health" ;;
        *) await_http "$name" "$address/ownership/probe" "X-User: probe" ;;
    esac
done
log "services up after $(( $(date +%s) - started )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT-dirty"; fi

BENCH_ARGS+=(--commit="$COMMIT" --output="$RESULTS/latest.json")
[ "$MODE" = quick ] && BENCH_ARGS+=(--quick)
[ -n "$ONLY" ] && BENCH_ARGS+=(--only="$ONLY" --output="$WORK/only-$ONLY.json")
BENCH_ARGS+=("${GENERATOR_ARGS[@]}")

timeout "$BENCH_LIMIT" java -Xmx1g ${GENERATOR_JVM:-} -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" \
    dev.buyonce.bench.Bench "${BENCH_ARGS[@]}" | tee "$WORK/latest.md"

if [ -z "$ONLY" ]; then
    # latest.json is the newest run of either mode; each mode's newest is kept beside it
    cp "$RESULTS/latest.json" "$RESULTS/latest-$MODE.json"
fi
if [ "$PROFILE" = 1 ]; then
    jcmd "$APP_PID" JFR.dump name=1 filename="$WORK/buyonce.jfr" >/dev/null 2>&1 || true
    log "JFR recording: $WORK/buyonce.jfr (jfr print --events jdk.ExecutionSample ...)"
fi
log "$MODE run finished in $(( $(date +%s) - started )) s"
