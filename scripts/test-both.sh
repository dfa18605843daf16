#!/usr/bin/env bash
# Usage: scripts/test-both.sh PYTEST [ARG...]
#
# Run the suite twice side by side: on SQLite, and on a throwaway PostgreSQL and Redis
# (scripts/with-postgres.sh, scripts/with-redis.sh). Each pass is one process, mostly on one
# core, so on two cores the pair takes about as long as the PostgreSQL pass alone. That pass
# runs the tests that use the database (tests/conftest.py): the others (about half, the
# parser's, Markdown's, the corpus's) cannot tell one database from another and run once, in
# the SQLite pass.
#
# The PostgreSQL pass prints as it goes; the SQLite pass writes to test-artifacts/sqlite.log,
# printed whole once both are done. The output ends with pytest's summary line: of the
# PostgreSQL pass if only that one failed, else of the SQLite pass. Exits non-zero if either
# failed.
# The passes share nothing: SQLite's test database is in memory, each pass has its own search
# index and preview folders, and every server a test starts takes a free port.
set -uo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PYTEST [ARG...]" >&2
    exit 2
fi

cd "$(dirname "$0")/.."
mkdir -p test-artifacts
sqlite_log=test-artifacts/sqlite.log
postgres_log=test-artifacts/postgres.log

"$@" >"$sqlite_log" 2>&1 &
sqlite_pid=$!
trap 'kill "$sqlite_pid" 2>/dev/null' EXIT

echo "== SQLite pass: running beside the PostgreSQL one, its output follows at the end"
echo "== PostgreSQL and Redis pass"
READINGROOM_TESTS_USING_THE_DATABASE=1 \
    scripts/with-postgres.sh scripts/with-redis.sh "$@" 2>&1 | tee "$postgres_log"
postgres_status=${PIPESTATUS[0]}

wait "$sqlite_pid"
sqlite_status=$?
trap - EXIT

echo
echo "== SQLite pass (exit $sqlite_status)"
cat "$sqlite_log"

if [ "$postgres_status" -ne 0 ] && [ "$sqlite_status" -eq 0 ]; then
    echo "== PostgreSQL and Redis pass failed (exit $postgres_status); its summary:"
    tail -n 1 "$postgres_log"
fi

if [ "$postgres_status" -ne 0 ]; then
    exit "$postgres_status"
fi
exit "$sqlite_status"
