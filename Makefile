# One command to set up and serve, one to set up and run every test (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life banner about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build zip check schema edition lint test test-fast check-draft fuzz bench bench-national bench-draft clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# The built site as one file to hand out: unzip anywhere, open site/index.html
# (no server, no internet; search included).
zip: build
	rm -f mau-ke-hoach.zip
	$(BIN)/python -m zipfile -c mau-ke-hoach.zip site/

# Validate data/ only (fast): every problem as file:line: field: message.
check: setup
	$(BIN)/python -m macros check

# Check a draft plan (.txt or .docx) like the page Kiểm tra bản thảo: make check-draft FILE=ke-hoach.docx
check-draft: setup
	@test -n "$(FILE)" || { echo "cần tệp: make check-draft FILE=<tệp .txt hoặc .docx>"; exit 2; }
	$(BIN)/python -m macros lint $(FILE)

# Regenerate the JSON Schema files editors use (docs/schema/*.json) after changing macros/model/schema/.
schema: setup
	$(BIN)/python -m macros schema

# Start next year's edition from the current one: make edition YEAR=2027 (FORCE=1 to redo it).
# Writes data/editions/$(YEAR)/ only if it passes every check, then prints what to review by hand.
edition: setup
	@test -n "$(YEAR)" || { echo "cần năm: make edition YEAR=<năm>"; exit 2; }
	$(BIN)/python -m macros new-edition $(YEAR) $(if $(FORCE),--force)

# Lint and format check (ruff, configured in pyproject.toml); part of `make test`.
lint: setup
	$(BIN)/ruff check macros tests bench
	$(BIN)/ruff format --check macros tests bench

# Everything, as CI runs it: lint, then every test (build and browser tests included).
test: setup lint
	$(BIN)/python -m pytest

# Tests of the model, loading and exports: no build, no browser.
test-fast: setup
	$(BIN)/python -m pytest -m "not build and not browser and not slow"

# The property-based fuzz test at full strength: 10,000 generated data files (a few hundred in `make test`).
fuzz: setup
	FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/test_fuzz.py

# Build time of the site with and without the downloads, median of 5 runs each.
# With N: the scale benchmark, N synthetic units (temporary copy of the project):
# make bench N=1000, or several sizes side by side: make bench N="100 1000 3000".
bench: setup
ifdef N
	$(BIN)/python bench/bench_scale.py --units $(N)
else
	$(BIN)/python bench/bench_build.py --runs 5
endif

# The national run: every commune-level unit of the official list (3,321, vietnam-provinces) for one
# plan type, with Word files, one build each way (make bench-national TYPE=dien-hinh-phong-trao-bvantq).
TYPE ?= phong-chong-khung-bo
bench-national: setup
	$(BIN)/python bench/bench_scale.py --official $(TYPE) --runs 2

# Click → Word file on a drafting page, in headless Chromium from file:// (builds the site in a temporary folder).
bench-draft: setup
	$(BIN)/python bench/bench_draft.py --clicks 10

clean:
	rm -rf site .pytest_cache tests/artifacts mau-ke-hoach.zip
