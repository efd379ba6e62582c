# The one task runner. `make build` and `make test` each set up what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CONFIG ?= mkdocs.yml
SITE_DIR ?= site

.PHONY: build test check serve example-clinic browser nginx bench clean

# Quoted: a folder or file name may hold spaces (SITE_DIR="my site").
build: $(VENV)/.installed browser
	$(PY) scripts/build.py --config "$(CONFIG)" --site-dir "$(SITE_DIR)"

test: $(VENV)/.installed browser nginx node_modules/.installed
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(VENV)/bin/mypy
	$(PY) -m pytest

# The slow tests (the quick benchmark, checked figure by figure), then the full benchmark.
bench: $(VENV)/.installed browser node_modules/.installed
	$(PY) -m pytest -m slow
	$(PY) scripts/bench.py --json bench.json

check: $(VENV)/.installed
	$(PY) scripts/check_content.py

# Every edition, each on its own port (English :8000, Spanish :8001), rebuilt when a page or the
# clinic's config, sections or logo change; EDITION=es (or LANG=es) serves only that one.
EDITION ?= $(if $(filter command line,$(origin LANG)),$(LANG),all)
# A clinic's file is read as data and checked first: MkDocs' own loader would run what it names.
serve: $(VENV)/.installed
	$(PY) scripts/build.py --check-config --config "$(CONFIG)"
	$(PY) scripts/serve.py --config "$(CONFIG)" --edition "$(EDITION)"

example-clinic:
	$(MAKE) build CONFIG=mkdocs.example-clinic.yml SITE_DIR=site-example-clinic

browser:
	bash scripts/install_browser.sh

# The hosting tests serve the site with the nginx config the build writes.
nginx:
	bash scripts/install_nginx.sh

# The project's own package (pyproject.toml) installs editable, so edits to it need no reinstall; every
# package, its build backend (hatchling) included, comes from requirements.txt, hash-checked.
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Only the build's own output folders, each carrying its marker (.guide-build): a site-photos/
# folder, or any other that the build did not write, is kept and named (scripts/clean.py).
clean:
	$(PYTHON) scripts/clean.py --site-dir "$(SITE_DIR)"
	rm -rf $(VENV) node_modules bench.json
