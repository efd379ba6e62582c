"""What a first visit and a second page download stay within the benchmark's byte budgets
(byte counts do not change from run to run; `make bench` reports the times)."""

from __future__ import annotations

from guidekit.bench.benchmark import BUDGETS, PAGES, byte_budgets, page_weights


def test_every_page_stays_within_the_byte_budgets(browser, site_url):
    weights = page_weights(browser.chromium, site_url.rstrip("/"))  # as the benchmark sees them
    assert set(weights) == set(PAGES)
    assert all(w["requests"] > 0 and w["raw_bytes"] > w["gzip_bytes"] > 0 for w in weights.values())
    assert all(w["second_page_gzip_bytes"] is not None for page, w in weights.items() if page != "index.html")
    checks = byte_budgets(weights)
    assert set(checks) == {"first_visit_kb", "second_page_kb"}
    for name, (kilobytes, ok) in checks.items():
        assert ok, f"{name}: {kilobytes} KB, over the budget of {BUDGETS[name]} KB"
