#!/usr/bin/env bash
# Chromium for the PDFs and the browser tests: Debian's headless shell (the build
# Playwright runs headless, with half the processor time of the full browser) and
# Debian's full browser (its PDF viewer is tested, and Lighthouse drives it in
# `make bench`), where we can install them (Playwright cannot download browsers on
# our machines); Playwright's own download (both builds) elsewhere.
set -euo pipefail
have() { command -v "$1" >/dev/null 2>&1; }
if have chromium-headless-shell && have chromium; then
  exit 0
fi
if have apt-get && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium and its fonts from Debian's packages..."
  apt-get update -qq
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell fonts-dejavu-core fonts-liberation >/dev/null; then
    exit 0
  fi
  echo "apt-get could not install both Chromium packages."
fi
if have chromium; then
  echo "No chromium-headless-shell: the full Chromium prints the PDFs and runs the tests (slower)."
  exit 0
fi
echo "No system Chromium: asking Playwright for its own."
"$(dirname "$0")/../.venv/bin/python" -m playwright install chromium
