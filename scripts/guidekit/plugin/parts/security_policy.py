"""Every page carries its Content-Security-Policy in a <meta>, with the hash of each inline
script it holds, computed from the page as written, once each one is known to be a script the
theme and our templates write (guidekit/known_code.py): any other inline script, style or
handler stops the build.

This is the policy a host that cannot send headers (GitHub Pages) and a page
opened from disk get; hosts that send headers send the same policy (see
guidekit/security_policy.py and guidekit/host_configs.py). It runs after
every other plugin's post-build step, because print-site writes its print
page there (guidekit/plugin/order.py). `mkdocs serve` is left alone: its live-reload
script is inline and changes on every start.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guidekit.iframe_worker import ShimChanged
from guidekit.known_code import UnknownTemplate, script_patterns
from guidekit.plugin.part import Part
from guidekit.site_policy import UnknownCode, html_pages, page_code, unhashable_code, with_meta_policy


class SecurityPolicy(Part):
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build.serving:
            return
        site = Path(config.site_dir)
        try:
            patterns = script_patterns()
        except (UnknownTemplate, OSError) as error:
            raise PluginError(f"security policy: {error}. Fix: see scripts/guidekit/known_code.py") from None
        for page in html_pages(site):
            text = page.read_text(encoding="utf-8")
            blocked = unhashable_code(text)
            if blocked:
                fix = (
                    "move the style to a class in docs/assets/css/guide.css"
                    if blocked == ["style"]
                    else "move it to a script file (docs/assets/javascripts/) that uses addEventListener"
                )
                raise PluginError(
                    f"security policy: {page.relative_to(site)}: inline code in {', '.join(blocked)} "
                    f"would not run under the Content-Security-Policy. Fix: {fix}"
                )
            try:
                page.write_text(with_meta_policy(text, page_code(text, page, site, patterns)), encoding="utf-8")
            except UnknownCode as error:
                raise PluginError(f"security policy: {page.relative_to(site)}: {error}") from None
            except (ShimChanged, ValueError) as error:
                raise PluginError(
                    f"security policy: {page.relative_to(site)}: {error}. Fix: see "
                    "scripts/guidekit/site_policy.py and iframe_worker.py"
                ) from None
