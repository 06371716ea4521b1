# The same targets run locally and in CI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: setup setup-dev run dev demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime          ## create .venv and install the app

setup-dev: $(VENV)/.dev          ## also install the test and lint tools

demo: setup                      ## load the fictional demo company (idempotent)
	$(BIN)/harde demo load

run: demo                        ## start the app offline on http://localhost:$(PORT)
	$(BIN)/streamlit run app.py --server.headless true --server.port $(PORT)

dev: demo                        ## as run, but reloads pages when their files change
	$(BIN)/streamlit run app.py --server.headless true --server.port $(PORT) \
		--server.fileWatcherType auto --server.runOnSave true --client.toolbarMode developer

test: setup-dev                  ## the whole suite
	$(BIN)/pytest -q

lint: setup-dev                  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup-dev                 ## benchmarks; they print their figures
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
