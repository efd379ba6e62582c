"""Start the Chromium that the PDFs and the browser tests use."""

from __future__ import annotations

import shutil
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from playwright import async_api, sync_api

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


@overload
def launch(playwright: sync_api.Playwright, headless_shell: bool = True) -> sync_api.Browser: ...
@overload
def launch(playwright: async_api.Playwright, headless_shell: bool = True) -> Coroutine[Any, Any, async_api.Browser]: ...


def launch(
    playwright: sync_api.Playwright | async_api.Playwright, headless_shell: bool = True
) -> sync_api.Browser | Coroutine[Any, Any, async_api.Browser]:
    """Works with Playwright's sync and async APIs (the async one returns a coroutine).
    No executable_path (None): Playwright's own Chromium."""
    return playwright.chromium.launch(args=CHROMIUM_ARGS, executable_path=system_chromium(headless_shell))
