# Quick start: `make run` serves on $PORT (default 8000); `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARCHIVE_STAMP := $(VENV)/.archive-installed

.PHONY: install archive-install run test bench bench-archive load gate given-names clean

install: $(STAMP)

# The pinned requirements first (the one source of dependencies), then the project itself,
# editable and without dependencies, so that `import service` and `python -m scripts.NAME`
# work from anywhere in the venv. Building it takes setuptools from the same package index.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Archives on Ray Data (python -m service archive): their own pinned requirements, on top of install.
archive-install: $(ARCHIVE_STAMP)

$(ARCHIVE_STAMP): $(STAMP) requirements-archive.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-archive.txt
	touch $(ARCHIVE_STAMP)

run: install
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py "service:create_app()"

# The tests need the archive requirements too (tests/test_archive*.py run Ray).
test: install archive-install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# Archives: articles/s with 1 and 2 workers over ../shared/eval (see the README's "Archives").
bench-archive: archive-install
	$(BIN)/python -m scripts.bench_archive $(BENCH_ARCHIVE_ARGS)

load: install
	$(BIN)/python -m scripts.load $(LOAD_ARGS)

# Accuracy on each set of ../shared/eval with a section in accuracy-baseline.json (dev, bbc_dev),
# over HTTP against that section (needs ../shared).
gate: install
	$(BIN)/python -m scripts.accuracy_gate $(GATE_ARGS)

# Rebuild service/extract/lexicon/data/given_names.tsv from its public source (see the README's
# "Data and licences"; fetches the `names` package with pip).
given-names: install
	$(BIN)/python -m scripts.given_names

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
