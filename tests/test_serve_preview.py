"""`make serve CONFIG=<a clinic's file>`: the preview a clinic edits against. While it runs, an edit
to the clinic's section file or to its config file shows on the served page, in the Spanish edition
too (whose config, mkdocs.es.yml, INHERITs the clinic's file through GUIDE_BASE_CONFIG)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

from guidekit.bench.benchmark import fetch, free_port  # the benchmark's own, for its serve timing
from helpers import copy_project, edit_file


def wait_for(url: str, words: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while words not in fetch(url):
        assert server.poll() is None, "the preview stopped"
        assert time.monotonic() < deadline, f"{url} never showed {words!r}"
        time.sleep(0.2)


def test_the_preview_follows_the_clinics_sections_and_config(tmp_path):
    project = copy_project(tmp_path / "project")
    section = project / "clinics" / "example" / "sections" / "es" / "before.md"
    config = project / "mkdocs.example-clinic.yml"
    # MkDocs serve keeps its site in a temporary folder, removed when it stops cleanly.
    serve_tmp = tmp_path / "serve-tmp"
    serve_tmp.mkdir()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(project / "scripts" / "serve.py"), "--config", str(config), "--edition", "es"]
        + ["--port", str(port)],
        env=dict(os.environ, TMPDIR=str(serve_tmp), NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=project,
        start_new_session=True,  # the preview and its MkDocs servers: one group, stopped together
    )
    url = f"http://127.0.0.1:{port}/before.html"
    try:
        wait_for(url, "Deje su carro gratis en el estacionamiento", server)
        edit_file(section, "Deje su carro gratis", "Deje su carro sin pagar")
        wait_for(url, "Deje su carro sin pagar en el estacionamiento", server)
        edit_file(config, "phone: 412-555-0150", "phone: 412-555-0177")
        wait_for(url, "555-0177", server)
    finally:
        # Ctrl-C reaches every process of the preview, as in a terminal. On a busy machine MkDocs
        # first finishes the rebuild the config's change started, which can take longer than we
        # wait: then the whole group is stopped, so no server is left behind. How fast it stops is
        # not what this test is about (the served page following the edits is).
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(serve_tmp, ignore_errors=True)
