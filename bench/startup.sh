#!/usr/bin/env bash
# Start-up to healthy on the embedded default: the README's run command (the class-data-sharing archive that
# `package` records) against its peer, the single jar, started alternately on fresh data directories, ROUNDS times
# each (default 5). Prints each start and the medians, and their ratio. Needs the packaged app (mvn -DskipTests
# package), `curl` and a free port (PORT, default 18480). Run it on an idle machine: it measures the service alone.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${ROUNDS:-5}"
PORT="${PORT:-18480}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[ -f "$ROOT/app/target/cds/buyonce.jsa" ] || { echo "no app/target/cds/buyonce.jsa: run mvn -DskipTests package" >&2; exit 1; }

# seconds from launch until /actuator/health answers 200; the process is then stopped (SIGTERM) and awaited
healthy_after() {
    local dir="$WORK/$1"; shift
    local start end pid
    start=$(date +%s%N)
    BUYONCE_DATA_DIR="$dir" java "$@" --server.port="$PORT" >"$dir.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "the service stopped during start-up; see its log:" >&2; tail -20 "$dir.log" >&2; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "scale=2; ($end - $start) / 1000000000" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cds=() jar=()
for i in $(seq 1 "$ROUNDS"); do
    cds+=("$(healthy_after "cds-$i" -XX:SharedArchiveFile="$ROOT/app/target/cds/buyonce.jsa" -jar "$ROOT/app/target/cds/buyonce.jar")")
    jar+=("$(healthy_after "jar-$i" -jar "$ROOT/app/target/buyonce.jar")")
    echo "round $i: archive ${cds[-1]} s, single jar ${jar[-1]} s"
done
cds_median=$(printf '%s\n' "${cds[@]}" | median)
jar_median=$(printf '%s\n' "${jar[@]}" | median)
echo "median to healthy: archive ${cds_median} s, single jar ${jar_median} s, ratio $(echo "scale=2; $cds_median / $jar_median" | bc)"
