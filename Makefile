# Two commands on a fresh clone: `make run` opens the app on the default library, `make test` checks everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.dev-installed-stamp
SRC := src tests benchmarks

.PHONY: run test lint typecheck unit bench clean system-check

# pip prints errors only (-qq: no warnings); the build backend's output appears only when the build fails.
PIP := $(BIN)/python -m pip -qq --disable-pip-version-check

$(STAMP): pyproject.toml setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) >/dev/null 2>&1 || { rm -rf $(VENV); \
		echo "make: '$(PYTHON) -m venv' failed; on Debian/Ubuntu run: sudo apt-get install -y python3-venv"; exit 1; }
	@echo "Installing reader and its dependencies into $(VENV) ..."
	@$(PIP) install --upgrade pip
	@$(PIP) install -e .
	@touch $(STAMP)

# The test and development tools come only with the targets that use them: `make run` installs what the
# app needs and nothing more.
$(DEV_STAMP): $(STAMP)
	@echo "Installing the test and development tools into $(VENV) ..."
	@$(PIP) install -e '.[test,dev]'
	@touch $(DEV_STAMP)

# Before the window: the system libraries Qt's platform plugin needs and a Chinese font (installed when run
# as root with apt-get, else one line with the command), and a display to show it on.
run: $(STAMP)
	@$(BIN)/python -m reader.system_check
	$(BIN)/reader

# lint-imports checks the layers of docs/architecture.md (contracts in pyproject.toml).
lint: $(DEV_STAMP)
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)
	$(BIN)/lint-imports --no-cache

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck unit

bench: $(DEV_STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

system-check: $(STAMP)
	@$(BIN)/python -m reader.system_check

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

.PHONY: package package-smoke
package: $(STAMP)
	VENV=$(VENV) packaging/build.sh

package-smoke: package
	packaging/smoke_test.sh
