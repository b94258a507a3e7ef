#!/usr/bin/env bash
# Ingest benchmark: has the product's own generator (uk.attendance.demo.DemoExport) write a school
# year of marks for a 1,000-pupil secondary, starts the packaged service on an empty embedded
# database, times posting it (bench/ingest_benchmark.py) and stops the service.
# See bench/README.md. Settings (environment):
#   BENCH_XMX=512m             the service's maximum heap
#   BENCH_READY_TIMEOUT=180    seconds to wait for /q/health/ready
#   BENCH_REBUILD=1            rebuild target/quarkus-app first (./mvnw -q -o package -DskipTests)
#   BENCH_PUPILS=1000, BENCH_PHASE=SECONDARY, BENCH_YEAR=2024 (academic year 2024/25),
#   BENCH_SEED=2024            the generated school (BENCH_SEED also picks the corrected marks)
#   BENCH_BASELINE_POSTS=10    nightly posts, one school day each, before the rest of the year
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(dirname "$bench_dir")
heap=${BENCH_XMX:-512m}
ready_timeout=${BENCH_READY_TIMEOUT:-180}
stop_timeout=60

cd "$project"
if [[ ! -f target/quarkus-app/quarkus-run.jar || ${BENCH_REBUILD:-0} == 1 ]]; then
    echo "Building the service: ./mvnw -q -o package -DskipTests"
    ./mvnw -q -o package -DskipTests
elif [[ -n $(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit) ]]; then
    echo "Note: sources changed since target/quarkus-app was built; BENCH_REBUILD=1 rebuilds it first." >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ingest-bench.XXXXXX")
pid=
driver=

# Other builds may rewrite target/ while this runs; a copy keeps the measured service intact.
cp -a target/quarkus-app "$work/app"

# True while the process is alive; the JVM is this shell's child and stays a zombie until waited for.
running() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

stop_service() {
    local status=$?
    if [[ -n $driver ]] && running "$driver"; then
        kill -TERM "$driver" 2>/dev/null || true
        wait "$driver" 2>/dev/null || true
    fi
    if [[ -n $pid ]] && running "$pid"; then
        echo "Stopping the service (SIGTERM to $pid)..."
        local stopping=$SECONDS
        kill -TERM "$pid"
        while running "$pid" && (( SECONDS - stopping < stop_timeout )); do
            sleep 0.2
        done
        if running "$pid"; then
            echo "The service was still running after ${stop_timeout} s: killed." >&2
            kill -KILL "$pid"
            status=1
        fi
        wait "$pid" 2>/dev/null || true
        echo "Service stopped after $((SECONDS - stopping)) s."
    fi
    # The shutdown hook stops the embedded MariaDB; anything still running from our data
    # directory means it did not, and must not outlive the run.
    local leftover
    leftover=$(pgrep -f -- "$work/" || true)
    if [[ -n $leftover ]]; then
        echo "A database process from $work outlived the service: $(echo $leftover); stopping it" >&2
        # shellcheck disable=SC2086
        kill -TERM $leftover 2>/dev/null || true
        sleep 5
        # shellcheck disable=SC2086
        kill -KILL $leftover 2>/dev/null || true
        status=1
    fi
    if [[ $status -ne 0 && -f $work/service.log ]]; then
        echo "--- last lines of the service log ---" >&2
        tail -n 40 "$work/service.log" >&2
    fi
    rm -rf "$work"
    exit "$status"
}
trap stop_service EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

school=bench
echo "Generating the school with DemoExport (not timed)..."
# Plain Java from the packaged app's classes and libraries; Quarkus does not start.
if ! java -cp "$work/app/app/*:$work/app/lib/main/*" uk.attendance.demo.DemoExport "$work/export" "$school" \
        "${BENCH_PUPILS:-1000}" "${BENCH_YEAR:-2024}" "${BENCH_SEED:-2024}" "${BENCH_PHASE:-SECONDARY}"; then
    echo "DemoExport failed; if target/quarkus-app predates it, BENCH_REBUILD=1 rebuilds it." >&2
    exit 1
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')

unset ATTENDANCE_DB_URL ATTENDANCE_DB_USER ATTENDANCE_DB_PASSWORD
(
    cd "$work"
    ATTENDANCE_DATA_DIR="$work/data" \
    ATTENDANCE_POLICIES_DIR="$project/policies" \
    ATTENDANCE_ADMIN_PASSWORD="$password" \
    ATTENDANCE_DEMO=false \
    QUARKUS_HTTP_PORT="$port" \
    exec java "-Xmx$heap" -jar "$work/app/quarkus-run.jar" >"$work/service.log" 2>&1
) &
pid=$!

echo "Starting the service on port $port (-Xmx$heap, data in $work/data)..."
started=$SECONDS
until curl -fsS --max-time 5 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'; do
    if ! running "$pid"; then
        echo "The service exited during start-up." >&2
        exit 1
    fi
    if (( SECONDS - started > ready_timeout )); then
        echo "The service was not ready within ${ready_timeout} s." >&2
        exit 1
    fi
    sleep 0.5
done
echo "Ready after $((SECONDS - started)) s on $(nproc) cores."

BENCH_ADMIN_PASSWORD="$password" python3 "$bench_dir/ingest_benchmark.py" \
    --url "http://127.0.0.1:$port" --pid "$pid" --xmx "$heap" --user admin \
    --data "$work/export" --school "$school" --baseline-posts "${BENCH_BASELINE_POSTS:-10}" --seed "${BENCH_SEED:-2024}" &
# Waited for in the background so that a signal reaches the trap at once, not after the run.
driver=$!
wait "$driver"
