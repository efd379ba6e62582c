"""The benchmark runs (quick mode) and reports every figure; the byte budgets hold.

Slow (a whole build, Lighthouse, `mkdocs serve`): `make bench` runs it. `make test`
checks the byte budgets on the built site (tests/browser/test_page_weight.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import SCRIPTS


@pytest.mark.slow
def test_quick_benchmark_reports_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "bench.py"), "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text())

    pages = report["page_weight"]
    assert set(pages) == {"index.html", "before.html", "during.html", "recovery.html", "faq.html", "about.html"}
    for page, weight in pages.items():
        assert weight["requests"] > 0
        assert weight["raw_bytes"] > weight["gzip_bytes"] > 0 and weight["brotli_bytes"] > 0
        if page != "index.html":
            assert weight["second_page_gzip_bytes"] is not None and weight["second_page_brotli_bytes"] is not None

    home = report["lighthouse"]["index.html"]
    assert set(home["scores"]) == {"performance", "accessibility", "best-practices", "seo"}
    assert set(home["metrics"]) >= {"lcp_ms", "cls", "tbt_ms"}

    build = report["build"]
    assert build["full_median_s"] > 0 and build["plain_median_s"] > 0 and build["ratio"] > 0
    assert report["serve_rebuild_s"] and all(t > 0 for t in report["serve_rebuild_s"])
    assert report["search"]["index"]["gzip_bytes"] > 0
    assert len(report["search"]["latency_ms"]) >= 3

    # Byte counts are stable, so their budgets are tested; times are only reported.
    assert report["budgets"]["first_visit_kb"]["ok"], report["budgets"]["first_visit_kb"]
    assert report["budgets"]["second_page_kb"]["ok"], report["budgets"]["second_page_kb"]
    assert "budgets:" in result.stdout and "lighthouse" in result.stdout
