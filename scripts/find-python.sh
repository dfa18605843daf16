#!/usr/bin/env bash
# Print the path of a Python >= 3.12 that can create a virtual env.
#
# Tried in order: $PYTHON, python3.14/3.13/3.12 on PATH, the same commands under each
# installed pyenv version >= 3.12 (pyenv shims only answer with PYENV_VERSION set),
# the `pyenv prefix` folders, then /usr/bin/python3.1x. The printed path is the real
# interpreter (sys.executable), so it works later without PYENV_VERSION.
set -euo pipefail

minimum_major=3
minimum_minor=12

# Prints sys.executable when "$@" runs a Python >= 3.12 with venv and ensurepip.
probe() {
    "$@" -c "
import sys
if sys.version_info < ($minimum_major, $minimum_minor):
    sys.exit(1)
import ensurepip, venv  # Debian splits these out (python3.1x-venv); make venv needs them.
print(sys.executable)
" 2>/dev/null
}

try() {
    local found
    if found=$(probe "$@") && [ -n "$found" ]; then
        printf '%s\n' "$found"
        exit 0
    fi
}

if [ -n "${PYTHON:-}" ]; then
    try "$PYTHON"
    echo "find-python: \$PYTHON=$PYTHON is not a working Python >= 3.12 with venv; looking further" >&2
fi

commands=(python3.14 python3.13 python3.12)

for command in "${commands[@]}"; do
    if command -v "$command" >/dev/null 2>&1; then
        try "$command"
    fi
done

if command -v pyenv >/dev/null 2>&1; then
    # Plain versions only ("3.13.0", "3.12"), newest first; skips virtualenvs and other builds.
    mapfile -t pyenv_versions < <(
        pyenv versions --bare 2>/dev/null \
            | grep -E '^3\.(1[2-9]|[2-9][0-9])(\.[0-9]+)?$' \
            | sort -r -V || true
    )
    for version in "${pyenv_versions[@]}"; do
        for command in "${commands[@]}"; do
            if PYENV_VERSION="$version" command -v "$command" >/dev/null 2>&1; then
                try env PYENV_VERSION="$version" "$command"
            fi
        done
    done
    for version in "${pyenv_versions[@]}"; do
        if prefix=$(pyenv prefix "$version" 2>/dev/null); then
            for executable in "$prefix"/bin/python3.1[2-9] "$prefix"/bin/python3; do
                if [ -x "$executable" ]; then
                    try "$executable"
                fi
            done
        fi
    done
fi

mapfile -t system_pythons < <(
    find /usr/bin /usr/local/bin -maxdepth 1 -name 'python3.1[2-9]' 2>/dev/null | sort -r -V || true
)
for executable in "${system_pythons[@]}"; do
    try "$executable"
done

cat >&2 <<'EOF'
find-python: no working Python 3.12 or newer found.
Install Python 3.12 or newer, for example:
    apt-get install python3.12 python3.12-venv     (Debian/Ubuntu releases that ship it)
    pyenv install 3.13                             (https://github.com/pyenv/pyenv)
or point PYTHON at one: make venv PYTHON=/path/to/python3.13
EOF
exit 1
