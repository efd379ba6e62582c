#!/usr/bin/env bash
# Chromium for the PDFs and the browser tests. Debian's package where we can
# install it (Playwright cannot download browsers on our machines); Playwright's
# own download elsewhere.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium and its fonts from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
  exit 0
fi
echo "No system Chromium: asking Playwright for its own."
"$(dirname "$0")/../.venv/bin/python" -m playwright install chromium
