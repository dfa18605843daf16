#!/usr/bin/env bash
# Usage: scripts/with-redis.sh COMMAND [ARG...]
#
# Start a throwaway redis-server on a free 127.0.0.1 port (no persistence, its own folder),
# run COMMAND with REDIS_URL=redis://127.0.0.1:PORT/0 exported, then stop the server and
# delete its folder whatever COMMAND did. Exits with COMMAND's status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if ! command -v redis-server >/dev/null 2>&1; then
    echo "with-redis: redis-server is not installed." >&2
    echo "Run scripts/install-system-deps.sh as root to install it." >&2
    exit 1
fi

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/with-redis.XXXXXX")
pid=""

# shellcheck disable=SC2329  # invoked by the EXIT trap
cleanup() {
    local status=$?
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work_dir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

port_is_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port=63790
while port_is_taken "$port"; do
    port=$((port + 1))
    if [ "$port" -gt 63890 ]; then
        echo "with-redis: no free port between 63790 and 63890" >&2
        exit 1
    fi
done

redis-server --bind 127.0.0.1 --port "$port" --dir "$work_dir" --save "" --appendonly no \
    --maxmemory 512mb --maxmemory-policy allkeys-lru --logfile "$work_dir/redis.log" &
pid=$!

for _ in $(seq 100); do
    if redis-cli -p "$port" ping >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "with-redis: redis-server did not start" >&2
        tail -n 20 "$work_dir/redis.log" >&2 || true
        exit 1
    fi
    sleep 0.1
done

export REDIS_URL="redis://127.0.0.1:$port/0"
echo "with-redis: Redis $(redis-server --version | awk '{print $3}' | sed 's/^v=//') on 127.0.0.1:$port," \
    "REDIS_URL=$REDIS_URL" >&2

status=0
"$@" || status=$?
exit "$status"
