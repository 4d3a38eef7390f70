# The workbench's jobs. `make help` lists them. Every target sets up .venv/ first
# (from the hash-pinned lock file), which is quick once done.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.DEFAULT_GOAL := help
.PHONY: help setup report lab test lint bench model lock clean

help: ## Show this list of targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements/lock.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/workbench kernel > /dev/null
	@touch $@

setup: $(STAMP) ## Create .venv/ from the pinned lock file (quick when already done)

report: setup ## Set up, then execute every notebook into reports/notebooks/ (with briefing.md)
	$(BIN)/workbench notebooks --out reports/notebooks
	@echo "Executed notebooks: $(CURDIR)/reports/notebooks/"
	@echo "Briefing:           $(CURDIR)/reports/notebooks/briefing.md (timeline: briefing-timeline.png beside it)"

lab: setup ## Open JupyterLab on notebooks/ with the project's kernel 'workbench' (.venv's Python)
	$(BIN)/jupyter lab notebooks/ --MappingKernelManager.default_kernel_name=workbench $(if $(filter 0,$(shell id -u)),--allow-root)

test: setup ## Set up, then run ruff and the whole test suite
	$(BIN)/ruff check workbench tests $(wildcard benchmarks)
	$(BIN)/python -m pytest

lint: setup ## Check style with ruff
	$(BIN)/ruff check workbench tests $(wildcard benchmarks)
	$(BIN)/ruff format --check workbench tests $(wildcard benchmarks)

bench: setup ## Benchmarks on ../shared/data (not tests): summaries, retrieval, QA, Reuters load
	$(BIN)/python benchmarks/bench_summarise.py
	$(BIN)/python benchmarks/bench_retrieval.py --data $(SHARED)/data/reuters21578
	$(BIN)/python benchmarks/bench_qa.py reuters --data $(SHARED)/data/reuters21578
	$(BIN)/python benchmarks/load_reuters.py --data $(SHARED)/data/reuters21578

model: setup ## Refit the answer model and the event rows' confidence (workbench/data/) from ../shared/data
	$(BIN)/python benchmarks/news_corpus.py --data $(SHARED)/data --out .cache/news_corpus
	$(BIN)/workbench train qa --squad $(SHARED)/data/squad_v1.1_dev/dev-v1.1.reconstructed.json \
		--news-questions benchmarks/data/news_questions.jsonl --news-corpus .cache/news_corpus \
		--out workbench/data/qa_model.json --force
	$(BIN)/python benchmarks/news_corpus.py --data $(SHARED)/data --articles benchmarks/data/event_articles.csv \
		--out .cache/event_corpus
	$(BIN)/workbench train events --gold benchmarks/data/news_events.jsonl --corpus .cache/event_corpus \
		--out workbench/data/events_confidence.json --force

lock: ## Re-pin every dependency (with hashes) after editing pyproject.toml
	$(BIN)/python -m pip install --quiet pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --extra dev --extra notebooks --extra eval --extra scale \
		--output-file requirements/lock.txt pyproject.toml

clean: ## Remove the virtual environment, caches and reports
	rm -rf $(VENV) .cache reports .pytest_cache .ruff_cache .hypothesis
