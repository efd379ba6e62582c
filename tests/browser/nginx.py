"""A real nginx on 127.0.0.1 serving a built site with the config the build wrote for it.

The build's files are used as they are: `guide-locations.conf` and
`guide-headers.conf` go in the `snippets/` folder beside nginx.conf, as on a
Debian server. Only the server block around them is the test's own, since the
build's server block listens on 443 with the clinic's TLS certificate.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import requests

from guidekit.host_configs import NGINX_HEADERS, NGINX_LOCATIONS, NGINX_SNIPPETS, nginx_dir_for

PR_SET_PDEATHSIG = 1  # Linux: a signal for the child when its parent dies
MAIN_CONFIG = """\
daemon off;
{user}pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
worker_processes 1;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {snippets}/{locations};
    }}
}}
"""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is not installed. Fix: run `make test` (it runs scripts/install_nginx.sh).")
    return found


def mime_types(nginx: str) -> Path:
    """nginx's own mime.types, beside the configuration it was built with."""
    version = subprocess.run([nginx, "-V"], capture_output=True, text=True).stderr
    conf_path = re.search(r"--conf-path=(\S+)", version)
    return Path(conf_path.group(1) if conf_path else "/etc/nginx/nginx.conf").with_name("mime.types")


def stop_with_parent() -> None:
    """In nginx's process before it starts: end it when the test run ends, even a killed one."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_config(prefix: Path, site: Path, nginx: str, port: int) -> Path:
    snippets = prefix / "conf" / NGINX_SNIPPETS
    snippets.mkdir(parents=True, exist_ok=True)
    (prefix / "tmp").mkdir(exist_ok=True)
    for name in (NGINX_HEADERS, NGINX_LOCATIONS):
        shutil.copy2(nginx_dir_for(site) / name, snippets / name)
    # Run as root (as in CI's container), nginx's workers would switch to `nobody`,
    # who cannot read pytest's private temporary folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = prefix / "conf" / "nginx.conf"
    config.write_text(
        MAIN_CONFIG.format(
            user=user,
            prefix=prefix,
            mime_types=mime_types(nginx),
            port=port,
            root=site,
            snippets=NGINX_SNIPPETS,
            locations=NGINX_LOCATIONS,
        )
    )
    return config


@contextmanager
def nginx_serving(site: Path, prefix: Path):
    """Yield the base URL ("http://127.0.0.1:PORT") of nginx serving `site`."""
    nginx = nginx_binary()
    for _attempt in range(5):  # another process may take the free port before nginx binds it
        port = free_port()
        config = write_config(prefix, site, nginx, port)
        checked = subprocess.run(
            [nginx, "-t", "-q", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config)],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0, f"nginx rejects the generated config:\n{checked.stderr}"
        server = subprocess.Popen(
            [nginx, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            preexec_fn=stop_with_parent,
        )
        base_url = f"http://127.0.0.1:{port}"
        if wait_until_up(server, base_url):
            break
        server.wait(timeout=10)
        log = (prefix / "error.log").read_text(errors="replace")
        if "Address already in use" not in log:
            raise RuntimeError(f"nginx did not start:\n{log}")
    else:
        raise RuntimeError("nginx found no free port in five tries")
    try:
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_up(server: subprocess.Popen, base_url: str) -> bool:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            requests.get(base_url + "/", timeout=1)
            return True
        except requests.ConnectionError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError(f"nginx did not answer on {base_url} within 15 s")
