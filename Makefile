# `make demo` serves the examples; `make test` runs every check. Both set up what they
# need first, and every step is a file target, so a second run only redoes what changed.

SHELL := /bin/bash
.DEFAULT_GOAL := setup

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STATIC := lite/static
PYODIDE := $(STATIC)/pyodide
# Pyodide's npm package has no wheels; micropip comes from PyPI and is served with the
# site. It is the version Pyodide's own lock names (older ones don't import on Pyodide 314).
VENDORED := $(PYODIDE)/micropip-0.11.1-py3-none-any.whl
# Pyodide's own lock; `lite build` copies its info block into the lock it writes.
UPSTREAM_LOCK := $(PYODIDE)/pyodide-lock.upstream.json
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' lite/__init__.py)
DIST := dist/lite-$(VERSION)-py3-none-any.whl
WEB_SOURCES := $(shell find web/src web/scripts -type f) $(wildcard web/*.json web/*.mjs) \
	tests/protocol_examples.json
LITE_SOURCES := $(shell find lite -name '*.py' -not -path '*/__pycache__/*')

.PHONY: setup demo test lint browser clean

setup: $(BIN)/lite $(STATIC)/lite.js $(VENDORED) $(UPSTREAM_LOCK) $(DIST)

demo: setup
	$(BIN)/lite gallery examples -o build/gallery --serve --host 127.0.0.1 --port 8000

# Unit and browser tests run in separate sessions: Playwright's sync API keeps an event
# loop running for its whole session, which the asyncio unit tests can't share. The
# examples' test_app.py files use the testing kit as an author would; importlib mode lets
# files of one name live in several folders.
test: setup lint browser
	cd web && npm test
	$(BIN)/pytest tests/unit
	$(BIN)/pytest tests/parity
	$(BIN)/pytest tests/browser
	$(BIN)/pytest examples --import-mode=importlib

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	cd web && npm run typecheck

# Playwright's own Chromium if installed, else the system's (installed via apt as root).
browser: $(BIN)/lite
	$(PY) tests/browser_setup.py

clean:
	rm -rf $(STATIC) dist build

$(PY):
	python3 -m venv $(VENV)

# pip writes the console script last, so it doubles as the install stamp.
$(BIN)/lite: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci
	touch $@

# Bundles lite.js, worker.js, lite.css and copies Pyodide's core files.
$(STATIC)/lite.js: $(WEB_SOURCES) web/node_modules/.package-lock.json
	cd web && npm run build
	touch $@

# micropip-0.11.1-py3-none-any.whl -> pip download micropip==0.11.1, for Pyodide's Python
$(PYODIDE)/%-py3-none-any.whl: | $(PY)
	$(PY) -m pip download -q --no-deps --only-binary=:all: --python-version 3.14 \
		$(subst -,==,$*) -d $(PYODIDE)

$(UPSTREAM_LOCK): web/node_modules/.package-lock.json
	mkdir -p $(PYODIDE)
	cp web/node_modules/pyodide/pyodide-lock.json $@

# The installable package, with the built front end inside it.
$(DIST): $(LITE_SOURCES) pyproject.toml $(STATIC)/lite.js $(VENDORED) $(UPSTREAM_LOCK) | $(BIN)/lite
	rm -f dist/lite-*.whl
	$(PY) -m pip wheel -q --no-deps --no-build-isolation -w dist .

# Benchmarks (bench/README.md): a few minutes; writes bench/results.json and prints the
# table. Extra options go in BENCH_ARGS, e.g. make bench BENCH_ARGS="--events 50 --no-gradio".
.PHONY: bench
bench: setup browser
	$(PY) -m bench $(BENCH_ARGS)

# Same inputs, same values (tests/parity/run.py): records a real Gradio's answers into
# tests/parity/recorded/ (Gradio in bench/.gradio-venv, pinned in bench/gradio_server.py),
# then compares lite's. `make test` checks lite against the recordings alone.
.PHONY: parity
parity: setup
	$(PY) tests/parity/run.py
