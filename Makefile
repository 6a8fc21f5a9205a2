# The two commands that do everything on a fresh machine: `make run` and `make test`.
# `make test` runs the offscreen suite, then tests/xdisplay under a private Xvfb + openbox (real keys and clicks).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench bytecode translations clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Byte-compile our packages: with PYTHONDONTWRITEBYTECODE set (as on these machines) Python would otherwise
# recompile them on every start (~0.15 s of a one-second command). Incremental: only changed files.
bytecode: $(STAMP)
	@$(PY) -m compileall -q assessment questionnaires storage

# Compiled translations (.qm) are built, never committed.
translations: $(STAMP)
	@$(VENV)/bin/pyside6-lrelease -silent resources/i18n/*.ts

run: $(STAMP) bytecode translations
	$(PY) main.py --demo

test: $(STAMP) translations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy
	$(PY) -m pytest
	$(PY) tests/xdisplay/run.py

bench: $(STAMP) bytecode
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .import_linter_cache
