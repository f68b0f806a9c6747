# Two commands do all set-up: `make figures` and `make test`. Both create .venv on first use and
# install the package with everything it needs from the package index.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: figures test lab notebooks tables clean report quick

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "framing needs Python 3.11 or newer: make PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

figures: $(STAMP)  ## analyse the seed corpus and regenerate figures/
	$(BIN)/framing figures --out figures

test: $(STAMP)  ## every test, the notebooks and the slow ones included (quick loop: pytest -m "not slow")
	scripts/ensure-chromium
	$(BIN)/python -m pytest

quick: $(STAMP)  ## the tests without the slow ones (real-browser tests among them)
	$(BIN)/python -m pytest -m "not slow"

report: $(STAMP)  ## analyse the seed corpus and write the static HTML report to report/
	$(BIN)/framing report --out report

lab: $(STAMP)  ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

notebooks: $(STAMP)  ## re-run every notebook in place, so that its saved outputs match the library
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=python3 \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=600 notebooks/[0-9][0-9]-*.ipynb

clean:
	rm -rf $(VENV) out .pytest_cache test-output
