# Every target sets the environment up first: a .venv with every package of requirements.lock
# (checked against its hash), the helpers package (editable) and a Jupyter kernel registered
# inside the venv.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK_TOOLS := build/lock-tools
UV_VERSION := 0.13.8
KERNEL := news-helpers
ARTICLE ?=
OUT ?=
DATE ?=
# ARTICLE, OUT and DATE reach the program through the environment, as typed: no shell and no make
# expansion ever reads them, so a file name with spaces, quotes, backquotes or $ is just a name.
export HELPERS_MAKE_ARTICLE := $(value ARTICLE)
export HELPERS_MAKE_OUT := $(value OUT)
export HELPERS_MAKE_DATE := $(value DATE)
unexport ARTICLE OUT DATE

.PHONY: help setup report test lint lab bench lock clean

help:
	@echo "make report  build the HTML reports under reports/ (ARTICLE=path for another article, DATE=YYYY-MM-DD for plain text)"
	@echo "make test    run every test (unit, CLI, notebooks)"
	@echo "make lab     open JupyterLab on notebooks/ with the project kernel"
	@echo "make bench   time the stages, the batch throughput and the report build"
	@echo "make lock    re-resolve requirements.lock (with hashes) from requirements.txt"

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@echo "make: setting up $(VENV) from requirements.lock (hashes checked); a few minutes the first time"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (news helpers)" >/dev/null
	@$(BIN)/python -m helpers report --install-config 2>/dev/null
	@$(BIN)/python -m helpers.gitfilter
	@touch $(STAMP)

# `exec`: the program replaces the recipe's shell, so a SIGTERM that make passes on reaches the build
# itself (which stops its kernels and leaves the previous reports); `--opt=VALUE`: a value that
# starts with `-` (OUT=-o) is a value, not another option.
report: $(STAMP)
	@exec $(BIN)/python -m helpers report --article="$$HELPERS_MAKE_ARTICLE" --out="$$HELPERS_MAKE_OUT" --date="$$HELPERS_MAKE_DATE"

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(STAMP)
	$(BIN)/python -m helpers.bench --memory --report

# requirements.txt -> requirements.lock: every package underneath resolved for Python 3.11 on
# Linux x86_64 and pinned with its hashes, by uv (kept in build/lock-tools, apart from .venv).
lock:
	@test -x $(LOCK_TOOLS)/bin/uv || ($(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION))
	@mkdir -p build && grep -v "^-e " requirements.txt > build/requirements.in
	$(LOCK_TOOLS)/bin/uv pip compile build/requirements.in --generate-hashes --python-version 3.11.7 \
	  --python-platform x86_64-unknown-linux-gnu --no-header --no-annotate --quiet --output-file build/requirements.lock
	@{ echo "# The fully resolved environment, with hashes, for Python 3.11 on Linux x86_64: generated from"; \
	   echo "# requirements.txt by \`make lock\` (uv pip compile --generate-hashes); installed by \`make\` with"; \
	   echo "# pip --require-hashes. Do not edit by hand; see README (Updating the dependencies)."; \
	   cat build/requirements.lock; } > requirements.lock
	@echo "wrote requirements.lock; run make test before committing it"

clean:
	rm -rf reports .pytest_cache
