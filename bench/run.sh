#!/usr/bin/env bash
# The benchmark: starts the packaged service on a fresh embedded MariaDB in a temp directory, has
# bench/bench.py run the workloads and their baselines against it, prints the results table, and
# stops the service. See bench/README.md; `bench/run.sh --help` lists the flags (sizes, runs).
#   --xmx SIZE                 the service's maximum heap (default 1g)
#   BENCH_READY_TIMEOUT=180    seconds to wait for /q/health/ready
#   BENCH_REBUILD=1            rebuild target/quarkus-app first (./mvnw -q package -DskipTests)
#   BENCH_JAVA_OPTS="..."      extra JVM options for the service, e.g. a JFR recording to profile a run
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(dirname "$bench_dir")
heap=1g
ready_timeout=${BENCH_READY_TIMEOUT:-180}
stop_timeout=60

args=()
while (( $# )); do
    case $1 in
        --xmx) heap=${2:?--xmx needs a size, e.g. 2g}; shift 2 ;;
        --xmx=*) heap=${1#--xmx=}; shift ;;
        *) args+=("$1"); shift ;;
    esac
done
# Bad flags (and --help) answer before anything is built or started.
python3 "$bench_dir/bench.py" --plan-only "${args[@]}" || exit $?

cd "$project"
# A service built before the latest source change would measure old code, so it is rebuilt then too.
if [[ ! -f target/quarkus-app/quarkus-run.jar || ${BENCH_REBUILD:-0} == 1
      || -n $(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f -print -quit) ]]; then
    echo "Building the service: ./mvnw -q package -DskipTests"
    ./mvnw -q package -DskipTests
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/attendance-bench.XXXXXX")
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

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')

# BENCH_JAVA_OPTS is split into words on purpose.
# shellcheck disable=SC2086
unset ATTENDANCE_DB_URL ATTENDANCE_DB_USER ATTENDANCE_DB_PASSWORD
(
    cd "$work"
    ATTENDANCE_DATA_DIR="$work/data" \
    ATTENDANCE_POLICIES_DIR="$project/policies" \
    ATTENDANCE_ADMIN_PASSWORD="$password" \
    ATTENDANCE_DEMO=false \
    QUARKUS_HTTP_PORT="$port" \
    exec java "-Xmx$heap" "-Xlog:gc:file=$work/gc.log" ${BENCH_JAVA_OPTS:-} -jar "$work/app/quarkus-run.jar" >"$work/service.log" 2>&1
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
# The baselines write to the same database; the service logs where its embedded MariaDB listens.
db_port=$(sed -n 's/.*Embedded MariaDB: .* listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/service.log" | head -n 1)
if [[ -z $db_port ]]; then
    echo "The service log does not say where the embedded MariaDB listens." >&2
    exit 1
fi
echo "Ready after $((SECONDS - started)) s; embedded MariaDB on port $db_port."
# The embedded server checks passwords: the service's account password is kept in the data directory.
db_password=$(cat "$work/data/mariadb-password")

BENCH_ADMIN_PASSWORD="$password" python3 "$bench_dir/bench.py" "${args[@]}" \
    --url "http://127.0.0.1:$port" --pid "$pid" --xmx "$heap" --user admin --app "$work/app" --work "$work" \
    --jdbc-url "jdbc:mariadb://127.0.0.1:$db_port/attendance?user=attendance&password=$db_password" --gc-log "$work/gc.log" &
# Waited for in the background so that a signal reaches the trap at once, not after the run.
driver=$!
wait "$driver"
# Pages and bulk work, a phase of its own (bench/pages.py): the queue page, the pupils list and a PDF of 100
# letters, on the 1,000-pupil school bench.py backfilled and evaluated.
BENCH_ADMIN_PASSWORD="$password" python3 "$bench_dir/pages.py" --url "http://127.0.0.1:$port" --user admin --school bench-1 &
driver=$!
wait "$driver"
