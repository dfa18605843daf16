#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh COMMAND [ARG...]
#
# Start a throwaway PostgreSQL cluster on a free 127.0.0.1 port, run COMMAND with
# DATABASE_URL=postgres://readingroom@127.0.0.1:PORT/readingroom exported, then stop the
# cluster and delete its folder whatever COMMAND did. Exits with COMMAND's status.
# The role has CREATEDB because Django's test runner creates test_readingroom, and
# pg_checkpoint so that a benchmark may have a fresh import written out before it measures.
# COMMAND also gets WITH_POSTGRES_BIN_DIR, WITH_POSTGRES_DATA_DIR and WITH_POSTGRES_OWNER (the
# user the server runs as), so that it may stop and start the server itself (bench_load.py's
# outage); the server is stopped on exit however it was left.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

find_bin_dir() {
    local bin_dir newest=""
    # Newest installed major version first (Debian keeps each in /usr/lib/postgresql/N/bin).
    while read -r bin_dir; do
        if [ -x "$bin_dir/initdb" ] && [ -x "$bin_dir/pg_ctl" ] && [ -x "$bin_dir/psql" ]; then
            newest=$bin_dir
        fi
    done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V)
    if [ -n "$newest" ]; then
        echo "$newest"
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    else
        return 1
    fi
}

if ! bin_dir=$(find_bin_dir); then
    echo "with-postgres: PostgreSQL is not installed (no initdb/pg_ctl found)." >&2
    echo "Run scripts/install-system-deps.sh as root to install it." >&2
    exit 1
fi

# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
if [ "$(id -u)" -eq 0 ]; then
    if ! id -u postgres >/dev/null 2>&1; then
        echo "with-postgres: running as root needs a 'postgres' user to own the cluster." >&2
        exit 1
    fi
    run_as_owner=(runuser -u postgres --)
else
    run_as_owner=()
fi

cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/with-postgres.XXXXXX")
data_dir=$cluster_dir/data
log_file=$cluster_dir/initdb.log
started=""

# Runs a PostgreSQL tool as the cluster owner, from a folder that owner can enter.
as_owner() {
    (cd "$cluster_dir" && "${run_as_owner[@]}" "$@")
}

# shellcheck disable=SC2329  # invoked by the EXIT trap
cleanup() {
    local status=$?
    if [ -n "$started" ]; then
        as_owner "$bin_dir/pg_ctl" stop -D "$data_dir" -m immediate -w >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster_dir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if [ "${#run_as_owner[@]}" -gt 0 ]; then
    chown postgres: "$cluster_dir"
fi

fail_with_log() {
    echo "with-postgres: $1" >&2
    if [ -f "$log_file" ]; then
        tail -n 20 "$log_file" >&2
    fi
    exit 1
}

as_owner "$bin_dir/initdb" -D "$data_dir" -U postgres -A trust -E UTF8 --no-locale --no-sync \
    >"$log_file" 2>&1 || fail_with_log "initdb failed"

# Durability is pointless for a cluster that is deleted afterwards; these make it fast.
# The memory and WAL settings are for the full corpus (benchmarks): its 1.6 GB and indexes
# import without a checkpoint every minute.
cat >>"$data_dir/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$cluster_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 8GB
checkpoint_timeout = 30min
shared_buffers = 512MB
maintenance_work_mem = 512MB
EOF

port_is_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Try ports from 54329 upwards; another process may grab a port between check and start.
port=54329
while :; do
    if [ "$port" -gt 54429 ]; then
        fail_with_log "no free port between 54329 and 54429"
    fi
    if ! port_is_taken "$port"; then
        # A log per attempt, created by the owner (pg_ctl opens it as that user).
        log_file=$cluster_dir/postgres-$port.log
        if as_owner "$bin_dir/pg_ctl" start -D "$data_dir" -l "$log_file" -w -t 60 \
            -o "-p $port" >/dev/null 2>&1; then
            started=yes
            break
        fi
        if ! grep -q "could not bind\|Address already in use" "$log_file" 2>/dev/null; then
            started=yes # pg_ctl may have left a postmaster behind; stop it on exit
            fail_with_log "pg_ctl start failed"
        fi
    fi
    port=$((port + 1))
done

as_owner "$bin_dir/psql" -X -q -v ON_ERROR_STOP=1 -h "$cluster_dir" -p "$port" -U postgres \
    -d postgres \
    -c "CREATE ROLE readingroom LOGIN CREATEDB" \
    -c "GRANT pg_checkpoint TO readingroom" \
    -c "CREATE DATABASE readingroom OWNER readingroom" >/dev/null ||
    fail_with_log "could not create the readingroom role and database"

version=$("$bin_dir/pg_ctl" --version | awk '{print $3}')
export DATABASE_URL="postgres://readingroom@127.0.0.1:$port/readingroom"
export WITH_POSTGRES_BIN_DIR=$bin_dir WITH_POSTGRES_DATA_DIR=$data_dir
if [ "${#run_as_owner[@]}" -gt 0 ]; then
    export WITH_POSTGRES_OWNER=postgres
else
    WITH_POSTGRES_OWNER=$(id -un)
    export WITH_POSTGRES_OWNER
fi
echo "with-postgres: PostgreSQL $version on 127.0.0.1:$port (data in $data_dir)," \
    "DATABASE_URL=$DATABASE_URL" >&2

status=0
"$@" || status=$?
exit "$status"
