# Every target sets the environment up first: a .venv with the pinned requirements,
# the helpers package (editable) and a Jupyter kernel registered inside the venv.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := news-helpers
ARTICLE ?=
OUT ?=

.PHONY: help setup report test lab bench clean

help:
	@echo "make report  build the HTML reports under reports/ (ARTICLE=path for another article)"
	@echo "make test    run every test (unit, CLI, notebooks)"
	@echo "make lab     open JupyterLab on notebooks/ with the project kernel"
	@echo "make bench   time the stages, the batch throughput and the report build"

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (news helpers)" >/dev/null
	$(BIN)/python -m helpers report --install-config 2>/dev/null
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers report $(if $(ARTICLE),--article "$(ARTICLE)") $(if $(OUT),--out "$(OUT)")

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(STAMP)
	$(BIN)/python -m helpers.bench --report

clean:
	rm -rf reports .pytest_cache
