#!/usr/bin/env bash
# Install the Debian packages the test suite needs, if any are missing:
#   chromium           /usr/bin/chromium, driven by Playwright in the browser tests
#                      (Playwright's own browser download does not work here; never run
#                      `playwright install`)
#   postgresql         initdb/pg_ctl for scripts/with-postgres.sh
#   redis-server       the shared cache, for scripts/with-redis.sh (tests, benchmarks)
#   wrk                the HTTP load generator of `make bench-load`
#   fonts-dejavu-core  readable screenshots
#   nodejs, npm        `npm ci` installs axe-core (package-lock.json), which the browser
#                      tests inject into the pages they check for accessibility
# Idempotent: does nothing, and no apt-get update, when everything is present.
# As root it installs; otherwise it prints what to install and exits 1.
set -euo pipefail

has_postgresql() {
    local bin_dir
    for bin_dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$bin_dir/initdb" ] && [ -x "$bin_dir/pg_ctl" ]; then
            return 0
        fi
    done
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

missing_packages() {
    [ -x /usr/bin/chromium ] || echo chromium
    has_postgresql || echo postgresql
    command -v redis-server >/dev/null 2>&1 || echo redis-server
    command -v wrk >/dev/null 2>&1 || echo wrk
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || echo fonts-dejavu-core
    command -v node >/dev/null 2>&1 || echo nodejs
    command -v npm >/dev/null 2>&1 || echo npm
}

mapfile -t missing < <(missing_packages)
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    cat >&2 <<EOF
install-system-deps: missing system packages: ${missing[*]}
Install them as root:
    sudo scripts/install-system-deps.sh
or: sudo apt-get update && sudo apt-get install -y ${missing[*]}
EOF
    exit 1
fi

echo "install-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (e.g. unattended upgrades) instead of failing on its lock.
apt_options=(-y -q -o DPkg::Lock::Timeout=900)
apt-get "${apt_options[@]}" update
apt-get "${apt_options[@]}" install --no-install-recommends "${missing[@]}"

mapfile -t still_missing < <(missing_packages)
if [ "${#still_missing[@]}" -ne 0 ]; then
    echo "install-system-deps: still missing after apt-get install: ${still_missing[*]}" >&2
    exit 1
fi
