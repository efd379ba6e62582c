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


def system_chromium(headless_shell: bool = True) -> str | None:
    """Debian's Chromium where installed; otherwise (None) Playwright's own download.

    The headless shell is Chromium's engine without the desktop browser around it, the build
    Playwright itself runs headless: it prints the same PDFs and runs the same pages with about
    half the processor time. The full browser is the fallback, and what the benchmark times,
    since readers use it."""
    if headless_shell and (shell := shutil.which("chromium-headless-shell")):
        return shell
    return shutil.which("chromium")


def launch(playwright, headless_shell: bool = True):
    """Works with Playwright's sync and async APIs (the async one returns a coroutine)."""
    options: dict[str, object] = {"args": CHROMIUM_ARGS}
    if chromium := system_chromium(headless_shell):
        options["executable_path"] = chromium
    return playwright.chromium.launch(**options)
