# The two commands that do everything on a fresh machine: `make run` and `make test`.
# `make test` runs the offscreen suite, then tests/xdisplay under a private Xvfb + openbox (real keys and clicks),
# then (DXSCORE_TEST_DIST=1, as in CI) builds the bundle and smoke-tests it. `make dist`: the desktop bundle.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench bytecode translations clean dist system-check

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "dxscore needs Python >= 3.11 (found $$($(PYTHON) --version 2>&1)); e.g. make PYTHON=python3.11"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "Cannot create the virtualenv. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Byte-compile our packages: with PYTHONDONTWRITEBYTECODE set (as on these machines) Python would otherwise
# recompile them on every start (~0.15 s of a one-second command). Incremental: only changed files.
bytecode: $(STAMP)
	@$(PY) -m compileall -q assessment questionnaires storage cli

# Compiled translations (.qm) are built, never committed.
translations: $(STAMP)
	@$(VENV)/bin/pyside6-lrelease -silent resources/i18n/*.ts

run: $(STAMP) bytecode translations
	$(PY) main.py --demo

# What only the system can provide, checked before anything runs: one line to install what is missing.
system-check: $(STAMP)
	@$(PY) tests/system_check.py

test: $(STAMP) translations system-check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy
	$(PY) -m pytest
	$(PY) tests/xdisplay/run.py
	@if [ "$$DXSCORE_TEST_DIST" = 1 ]; then $(MAKE) --no-print-directory dist && $(PY) tests/dist/smoke.py dist/dxscore; \
	 else echo "bundle smoke test skipped (set DXSCORE_TEST_DIST=1 to build dist/dxscore and run it)"; fi

DIST_STAMP := $(VENV)/.dist-stamp
$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	@touch $(DIST_STAMP)

# The one-folder desktop bundle in dist/dxscore (packaging/dxscore.spec; README: "Desktop bundle").
dist: $(DIST_STAMP) translations
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/dxscore.spec
	@du -sh dist/dxscore

bench: $(STAMP) bytecode
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .import_linter_cache build dist
