# The two commands of the contract: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The shared corpus is read in place, never copied into the repository.
ARCHIVE_DATA_DIR ?= ../shared
export ARCHIVE_DATA_DIR
HOST ?= 127.0.0.1:8000
# What `make serve` loads: the seed documents and the whole corpus (unchanged files are skipped).
DATA := $(ARCHIVE_DATA_DIR)/seeds $(ARCHIVE_DATA_DIR)/corpus
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/archive

.PHONY: serve install install-dev migrate data static test test-sqlite test-postgres lint bench bench-fuzz bench-load clean

# Served as a reader meets the site (its own 404 and 500 pages, hashed static files), over
# plain HTTP on this machine: no HTTPS redirect, no HSTS, cookies not marked secure. The key
# is made once and kept in var/ (never committed).
LOCAL_SITE := DJANGO_DEBUG=false DJANGO_SECRET_KEY="$$(cat var/secret_key)" \
	DJANGO_SECURE_SSL_REDIRECT=false DJANGO_HSTS_SECONDS=0 DJANGO_SECURE_COOKIES=false

serve: install migrate data static var/secret_key
	$(LOCAL_SITE) $(BIN)/python manage.py runserver $(HOST)

var/secret_key: | $(BIN)/python
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# axe-core (accessibility checks in the browser tests), from the npm registry, pinned by the lock.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility checks will be skipped (apt-get install npm)"; fi

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev node_modules/.package-lock.json

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Without the shared data folder, documents come from the Federal Register API instead:
# those published since FR_SINCE (this year by default; FR_SINCE=1994-01-01 pulls everything,
# politely, which takes hours). Nothing is pulled when the API cannot be reached.
FR_SINCE ?= $(shell date +%Y)-01-01

# Loaded as the site runs (DEBUG off: no log of every statement, which costs an ingest time).
data: install var/secret_key
	@if [ -d "$(ARCHIVE_DATA_DIR)/seeds" ]; then \
		$(LOCAL_SITE) $(BIN)/python manage.py ingest $(DATA) || echo "Some files could not be ingested (listed above); serving the rest."; \
	else \
		echo "No data folder at $(ARCHIVE_DATA_DIR): pulling from the Federal Register API since $(FR_SINCE)."; \
		$(LOCAL_SITE) $(BIN)/python manage.py sync_federal_register --since $(FR_SINCE) || echo "The Federal Register could not be reached or read (above); serving what the archive holds."; \
	fi

static: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=collectstatic $(BIN)/python manage.py collectstatic --noinput -v0

# `make test` runs the whole suite on SQLite, or on the database DATABASE_URL names.
test: install-dev lint
	$(BIN)/python -m pytest

test-sqlite: install-dev
	env -u DATABASE_URL $(BIN)/python -m pytest

test-postgres: install-dev
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest

# Every benchmark, then bench/RESULTS.md (about an hour; needs PostgreSQL and wrk).
bench: install-dev
	$(BIN)/python bench/run_all.py

# On the archive `make serve` loaded (or the database DATABASE_URL names).
bench-fuzz: install-dev
	$(BIN)/python bench/fuzz.py --requests 10000

bench-load: install-dev
	$(BIN)/python bench/load.py --duration 20

# Lint, formatting and the architecture's import contracts (pyproject.toml), before any test.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache
