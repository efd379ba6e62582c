# The one task runner. `make build` and `make test` each set up what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CONFIG ?= mkdocs.yml
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test check serve example-clinic browser clean

build: $(VENV)/.installed browser
	$(PY) scripts/build.py --config $(CONFIG) --site-dir $(SITE_DIR)

test: $(VENV)/.installed browser
	$(PY) -m pytest

check: $(VENV)/.installed
	$(PY) scripts/check_content.py

serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve -f $(CONFIG)

example-clinic:
	$(MAKE) build CONFIG=mkdocs.example-clinic.yml SITE_DIR=site-example-clinic

browser:
	bash scripts/install_browser.sh

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) $(SITE_DIR) site-example-clinic
