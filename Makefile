# The two commands of the README:
#   make report   the main job on the bundled data (sets up .venv the first time)
#   make test     every test: pytest (with doctests and notebooks), ruff, mypy
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml requirements-nodeps.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "framing needs Python 3.11 or newer, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/framing report data --out reports

test: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python -m pytest --doctest-modules --nbmake --nbmake-kernel=python3 framing tests notebooks
	$(BIN)/ruff check framing tests benchmarks
	$(BIN)/mypy framing

clean:
	rm -rf $(VENV) reports
