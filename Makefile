# Quick start: `make run` serves on $PORT (default 8000); `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench load gate clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: install
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py "service:create_app()"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

load: install
	$(BIN)/python scripts/load.py $(LOAD_ARGS)

# Accuracy on ../shared/eval/dev.jsonl over HTTP against accuracy-baseline.json (needs ../shared).
gate: install
	$(BIN)/python scripts/accuracy_gate.py $(GATE_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
