# Leernetwerk: `make demo` to try it, `make test` to check it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# `make test PYTEST_ARGS="tests/activities/voting -x"` runs a part; without it, the whole suite.
PYTEST_ARGS ?=
# Every gettext keyword and alias the code uses (tests/test_translations.py checks the list is complete).
BABEL_KEYWORDS := -k _l -k lazy_gettext -k _ln:1,2 -k lazy_ngettext:1,2

.PHONY: demo demo-dynamic test install install-test translations extract-messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## demo: virtualenv, install, SQLite database, tool + demo LMS; prints the address to open
demo: install
	$(BIN)/leernetwerk demo

## demo-dynamic: the same, but you register the tool in the demo LMS yourself (LTI Dynamic Registration)
demo-dynamic: install
	$(BIN)/leernetwerk demo --dynamic-registration

## test: install test extras, check the layer rules (docs/architecture.md) and run the whole suite
test: install-test
	$(BIN)/lint-imports --no-cache
ifeq ($(strip $(PYTEST_ARGS)),)
	@# Everything but the browser on two workers (pytest-xdist); then the browser flows on two workers too,
	@# a file per worker at a time (--dist loadfile: a file's flows build on each other's drawings and
	@# votes). Not one run for both, nor both at once: tests that swap the app's catalogue or settings must
	@# not meet a live stack in the same process, and unit tests beside the flows slowed both (measured).
	@# A browser test stuck in Playwright ignores pytest-timeout's signal: its watchdog fails it first
	@# (tests/browser/watchdog.py), else the timeout ends its worker (the thread method). A crashed worker
	@# is not replaced: pytest-xdist 3.8's loadfile scheduler can wait for good after a replacement
	@# (pytest-xdist#1378), so the run ends then, naming the test.
	$(BIN)/python -m pytest -n 2 --max-worker-restart=0 --ignore=tests/browser
	$(BIN)/python -m pytest -n 2 --max-worker-restart=0 --dist loadfile -o timeout_method=thread tests/browser
else
	$(BIN)/python -m pytest $(PYTEST_ARGS)
endif

## translations: compile the message catalogues (the compiled .mo files are committed)
translations: install-test
	$(BIN)/pybabel compile -d translations

## extract-messages: refresh translations/messages.pot and merge it into the catalogues
extract-messages: install-test
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

bench: install-test
	$(BIN)/python bench/launch.py
	$(BIN)/python bench/grades.py
	$(BIN)/python bench/live.py

clean:
	rm -rf $(VENV) instance .pytest_cache
