"""Start the Chromium that the PDFs and the browser tests use."""

from __future__ import annotations

import shutil

# No background traffic: this machine reaches only the package registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def system_chromium() -> str | None:
    """Debian's Chromium where installed; otherwise Playwright's own download."""
    return shutil.which("chromium")


def launch(playwright):
    """Works with Playwright's sync and async APIs (the async one returns a coroutine)."""
    options = {"args": CHROMIUM_ARGS}
    if system_chromium():
        options["executable_path"] = system_chromium()
    return playwright.chromium.launch(**options)
