#!/usr/bin/env bash
# nginx for the hosting tests: they serve the built site with the nginx
# config the build writes, to prove its headers under a real web server.
# Debian's package, the way scripts/install_browser.sh installs Chromium.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing nginx from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  exit 0
fi
echo "error: nginx is missing and cannot be installed here (needs root and apt-get)." >&2
echo "Fix: install nginx with your system's package manager, then run make test again." >&2
exit 2
