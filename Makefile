# Reading room: development tasks. `make` lists them.
#
# Variables:
#   PYTHON=/path/to/python3.13   interpreter for a new .venv (default: scripts/find-python.sh)
#   PYTEST_ARGS="-k parser -x"   extra pytest arguments for the test targets
#   ADDRESS=127.0.0.1:8000       where `make run` serves
#   LOCK_ARGS=--upgrade          extra pip-compile arguments for `make lock`
#   BENCH_ARGS="--pages DIR"     extra arguments for the bench-* targets

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The test targets share one port range and database; keep `make -j` from overlapping them.
.NOTPARALLEL:

VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
# Touched after a successful install, so the venv is rebuilt only when the lock changes.
VENV_STAMP := $(VENV)/.installed-requirements.lock

# Touched after `npm ci`, so node_modules/ (axe-core, which the browser tests inject into the
# pages they check) is installed again only when package-lock.json changes.
NODE_STAMP := node_modules/.installed-package-lock.json

PYTEST_ARGS ?=
ADDRESS ?= 127.0.0.1:8000
LOCK_ARGS ?=

PYTEST := $(VENV)/bin/pytest $(PYTEST_ARGS)
RUFF := $(VENV)/bin/ruff

.PHONY: help venv node-deps run oidc-provider test test-sqlite test-postgres system-deps lint format lock clean distclean bench-import bench-search bench-search-sqlite bench-fidelity bench-fidelity-generated bench-load bench-markdown

help: ## List the targets
	@echo "Usage: make TARGET [PYTEST_ARGS=...] [PYTHON=...]"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(VENV_STAMP) ## Create .venv and install requirements.lock (again only when it changes)

$(VENV_STAMP): requirements.lock
	@if ! $(VENV_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		python="$$(PYTHON='$(PYTHON)' scripts/find-python.sh)"; \
		echo "Creating $(VENV) with $$python"; \
		rm -rf $(VENV); \
		"$$python" -m venv $(VENV); \
	fi
	$(VENV_PYTHON) -m pip install --quiet --upgrade pip
	$(VENV_PYTHON) -m pip install --require-hashes -r requirements.lock
	touch $@

node-deps: $(NODE_STAMP) ## Install node_modules/ from package-lock.json (axe-core, for the browser tests)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Development: debug pages, the synthetic corpus, static files from the folders. The settings'
# own default (no environment) is DEBUG off; `DJANGO_DEBUG=0 make run` tries that.
run: export DJANGO_DEBUG ?= 1
run: venv ## Migrate, load seeds/, build the search index, run the task worker and the dev server
	$(VENV_PYTHON) manage.py migrate --noinput
	$(VENV_PYTHON) manage.py load_seeds
	$(VENV_PYTHON) manage.py rebuild_search_index --if-needed
	@$(VENV_PYTHON) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null || true; wait $$worker 2>/dev/null || true' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(VENV_PYTHON) manage.py runserver $(ADDRESS)

system-deps: ## Check Chromium, PostgreSQL, Redis, wrk, fonts, Node.js; install them when root
	@scripts/install-system-deps.sh

test: system-deps venv $(NODE_STAMP) ## Run the suite on SQLite and on a throwaway PostgreSQL and Redis, side by side
	scripts/test-both.sh $(PYTEST)

test-sqlite: system-deps venv $(NODE_STAMP) ## Run the suite on SQLite only
	$(PYTEST)

test-postgres: system-deps venv $(NODE_STAMP) ## Run the suite on a throwaway PostgreSQL and Redis only
	scripts/with-postgres.sh scripts/with-redis.sh $(PYTEST)

lint: venv ## ruff check, ruff format --check, and mypy (with Django's stubs) on the whole tree
	$(RUFF) check .
	$(RUFF) format --check .
	$(VENV)/bin/mypy .

format: venv ## Apply ruff's fixes and formatting
	$(RUFF) check --fix .
	$(RUFF) format .

oidc-provider: venv ## Run the local OpenID Connect provider on localhost:8001, for signing in by hand
	$(VENV_PYTHON) -m devtools.oidc_provider.serve --folder var/oidc-provider --port 8001 \
		--redirect-uri http://$(ADDRESS)/accounts/oidc/local/login/callback/ \
		--redirect-uri http://localhost:$(lastword $(subst :, ,$(ADDRESS)))/accounts/oidc/local/login/callback/

lock: venv ## Recompile requirements.lock from requirements.in (LOCK_ARGS=--upgrade to bump)
	$(VENV_PYTHON) -m pip install --quiet --upgrade pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--output-file=requirements.lock $(LOCK_ARGS) requirements.in

clean: ## Remove .venv, node_modules, collected static files and caches (keeps db.sqlite3)
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache test-artifacts
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## clean, and also delete the development database db.sqlite3
	rm -f db.sqlite3 db.sqlite3-journal db.sqlite3-wal db.sqlite3-shm

bench-import: venv system-deps ## Benchmark: import synthetic cables.csv files into a throwaway PostgreSQL
	scripts/with-postgres.sh $(VENV_PYTHON) scripts/bench_import.py $(BENCH_ARGS)

bench-search: venv system-deps ## Benchmark: the 251,287-cable corpus in a throwaway PostgreSQL, indexed and searched
	scripts/with-postgres.sh $(VENV_PYTHON) scripts/bench_search.py $(BENCH_ARGS)

bench-search-sqlite: venv ## The same on a SQLite file (var/bench/bench.sqlite3, made anew)
	mkdir -p var/bench && rm -f var/bench/bench.sqlite3*
	DATABASE_URL=sqlite:///$(CURDIR)/var/bench/bench.sqlite3 $(VENV_PYTHON) scripts/bench_search.py $(BENCH_ARGS)

bench-fidelity: venv ## Benchmark: read the original cable pages (../shared/real-cables), print what agrees
	$(VENV_PYTHON) scripts/bench_fidelity.py $(BENCH_ARGS)

bench-fidelity-generated: venv ## The same figures on 2,000 cables of the synthetic corpus
	$(VENV_PYTHON) scripts/bench_fidelity.py --generated 2000 $(BENCH_ARGS)

bench-load: venv system-deps ## Benchmark: throughput, load and faults on gunicorn, a throwaway PostgreSQL and Redis
	scripts/with-postgres.sh scripts/with-redis.sh $(VENV_PYTHON) scripts/bench_load.py $(BENCH_ARGS)

bench-markdown: venv ## Benchmark: comment rendering of hostile inputs at the form's maximum (<= 50 ms each)
	$(VENV_PYTHON) scripts/bench_markdown.py $(BENCH_ARGS)
