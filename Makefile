# Every target sets the environment up first: a .venv with the pinned requirements,
# the helpers package (editable) and a Jupyter kernel registered inside the venv.
# (make bench arrives with the benchmarks issue.)
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := news-helpers
ARTICLE ?=
OUT ?=

.PHONY: help setup report test lab clean

help:
	@echo "make report  build the HTML reports under reports/ (ARTICLE=path for another article)"
	@echo "make test    run every test (unit, CLI, notebooks)"
	@echo "make lab     open JupyterLab on notebooks/ with the project kernel"

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (news helpers)" >/dev/null
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers report $(if $(ARTICLE),--article "$(ARTICLE)") $(if $(OUT),--out "$(OUT)")

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

clean:
	rm -rf reports .pytest_cache
