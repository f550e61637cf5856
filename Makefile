# Two commands set everything up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   := data/documents
# Loopback unless the operator asks for another address (`make run HOST=0.0.0.0`, or KG_HOST): the app then
# asks for sign-in (README, "Serving a team").
HOST   ?= $(or $(KG_HOST),127.0.0.1)
PORT   ?= 8501

.PHONY: run test check lint layers typecheck load chromium graphviz ocr clean bench bench-parse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

## Load data/ into the embedded store and start the app on http://127.0.0.1:8501 (this machine only)
run: $(VENV)/.runtime graphviz ocr load
	$(BIN)/python -m ui --server.address $(HOST) --server.port $(PORT)

# A file that fails to load never stops the app from starting: the failures are kept in the store and the app
# lists them (sidebar and Rà soát); `python -m graph load` itself still exits 1 when a file failed.
load: $(VENV)/.runtime
	$(BIN)/python -m graph load $(DATA) --uploads || echo "load: some files failed; the app lists them (Rà soát)"

## Debian's Chromium for the browser tests (never a downloaded browser)
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## The national-scale benchmark: bench/results.json and the table in bench/README.md (SIZES=1000 for a quick run)
SIZES ?= 1000,10000,50000
bench: $(VENV)/.dev chromium
	$(BIN)/python -m bench.run --sizes $(SIZES)

## Debian's Graphviz: the cascade picture's layout and its PNG/SVG/PDF export (offline)
graphviz:
	@command -v dot >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; }

## Debian's Tesseract and its Vietnamese model, for scans (never a downloaded model)
ocr:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; }

## The whole suite: unit, store contract (FalkorDB and ArcadeDB over Bolt), app and browser tests
test: $(VENV)/.dev chromium graphviz ocr
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## The import contracts in pyproject.toml: imports follow the data (ui | reports | queries | graph | loaders | common)
layers: $(VENV)/.dev
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy

check: lint layers typecheck test

clean:
	rm -rf $(VENV) data/store .pytest_cache .mypy_cache .ruff_cache

## Parse time at 1x, 2x, 4x, 8x of a large plan: parsing stays linear in the input's size
bench-parse: $(VENV)/.dev
	$(BIN)/python bench/parse_scaling.py
