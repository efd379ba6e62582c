"""MkDocs hook: every page carries its Content-Security-Policy in a <meta>, with
the hash of each inline script it holds, computed from the page as written.

This is the policy a host that cannot send headers (GitHub Pages) and a page
opened from disk get; hosts that send headers send the same policy (see
guidekit/security_policy.py and guidekit/host_configs.py). It runs after
every other plugin's post-build step, because print-site writes its print
page there. `mkdocs serve` is left alone: its live-reload script is inline
and changes on every start.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guidekit.iframe_worker import ShimChanged
from guidekit.site_policy import html_pages, page_code, unhashable_code, with_meta_policy

serving = False


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


@event_priority(-100)
def on_post_build(config):
    if serving:
        return
    site = Path(config.site_dir)
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        blocked = unhashable_code(text)
        if blocked:
            raise PluginError(
                f"security policy: {page.relative_to(site)}: inline code in {', '.join(blocked)} "
                "would not run under the Content-Security-Policy. Fix: move it to a script "
                "(a file, or an inline <script> the build hashes) that uses addEventListener"
            )
        try:
            page.write_text(with_meta_policy(text, page_code(text, page, site)), encoding="utf-8")
        except (ShimChanged, ValueError) as error:
            raise PluginError(
                f"security policy: {page.relative_to(site)}: {error}. Fix: see "
                "scripts/guidekit/site_policy.py and iframe_worker.py"
            ) from None
