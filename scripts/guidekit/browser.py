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


def launch(playwright):
    system = shutil.which("chromium")
    options = {"args": CHROMIUM_ARGS}
    if system:
        options["executable_path"] = system
    return playwright.chromium.launch(**options)
