"""Browser fixtures: the real built site, served on 127.0.0.1, seen by a real Chromium.

One server and one browser for the whole session; each test gets a fresh
browser context, so no cookie, storage or palette choice leaks between tests.
"""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest
from playwright.sync_api import sync_playwright

from guidekit.bench.local_server import serve
from guidekit.browser import launch


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as base_url:  # a free port on 127.0.0.1
        yield base_url + "/"


class ToolingBrowser:
    """The browser, with Playwright's page.wait_for_function allowed to work.

    Every page carries a Content-Security-Policy without 'unsafe-eval', and
    Playwright compiles wait_for_function's predicate with eval inside the page,
    so contexts skip the policy unless a test asks for it (bypass_csp=False): the
    policy itself is proved in test_hosting.py and test_meta_policy.py, which
    wait without eval."""

    def __init__(self, chromium):
        self.chromium = chromium

    def new_context(self, **options):
        options.setdefault("bypass_csp", True)
        return self.chromium.new_context(**options)

    def __getattr__(self, name):
        return getattr(self.chromium, name)


@pytest.fixture(scope="session")
def clinic_site_url(clinic_site):
    with serve(clinic_site) as base_url:
        yield base_url + "/"


@pytest.fixture(params=["neutral", "clinic"])
def any_build(request):
    """The neutral build, then the example clinic's: .kind, .folder and .url (served)."""
    folder, url = ("clinic_site", "clinic_site_url") if request.param == "clinic" else ("built_site", "site_url")
    return SimpleNamespace(kind=request.param, folder=request.getfixturevalue(folder), url=request.getfixturevalue(url))


@pytest.fixture(scope="session")
def playwright():
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    """Chromium's headless shell: the engine the reader's Chromium runs, at half the processor time."""
    chromium = launch(playwright)
    yield ToolingBrowser(chromium)
    chromium.close()


@pytest.fixture(scope="session")
def desktop_browser(playwright):
    """The full Chromium, for what only the desktop browser has: its PDF viewer."""
    chromium = launch(playwright, headless_shell=False)
    yield ToolingBrowser(chromium)
    chromium.close()


@pytest.fixture(scope="module")
def search_page(browser, site_url, request):
    """One page for all of a module's queries: the dialog stays open and each query
    replaces the last. It opens the module's START_PAGE (default: the English home)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + getattr(request.module, "START_PAGE", "index.html"))
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts: new_page(viewport=..., color_scheme=..., java_script_enabled=...)."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def browser_report():
    """What the browser saw (search ranks, axe results), written to $BROWSER_REPORT if set."""
    report: dict = {}
    yield report
    target = os.environ.get("BROWSER_REPORT")
    if target:
        with open(target, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, sort_keys=True)
