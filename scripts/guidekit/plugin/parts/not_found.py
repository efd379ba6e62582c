"""A 404 page whose links work wherever the guide is served from.

MkDocs links the 404 page from the server's root ("/assets/...") when it does
not know the site's address, so under a sub-path (/guide/nope.html) every
style, script and link of it is dead. Every page of this guide sits at the top
of its edition (flat .html addresses), so a missing page is asked for there
too: relative links work at the root and under any sub-path, and a host that
answers a deeper address with it (/guide/recovery/, /guide/a/b.html) gets a
page that finds its edition's top first (its script, in overrides/404.html).
With a known address (a clinic's `url`) MkDocs' absolute links are kept: they
work at any depth.

Only plugin API: the 404 page's own context (MkDocs' template_context event), copied with
base_url "." and the extra CSS and scripts MkDocs made absolute ("/assets/...") made relative
again. The context is copied, not changed: print-site keeps the 404 page's context (at the same
event, before this part) to render the complete guide with. Every key other plugins put in it is kept.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.templates import TemplateContext

from guidekit.plugin.part import Part

BASE = "."


def relative(url: object) -> object:
    """A URL MkDocs made absolute from the server's root ("/assets/x.css"), relative to the edition's top."""
    text = str(url)
    return BASE + text if text.startswith("/") and not text.startswith("//") else url


class NotFound(Part):
    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name != "404.html" or config.site_url:
            return context
        ours: dict[str, Any] = dict(context)
        ours["base_url"] = BASE
        for key in ("extra_css", "extra_javascript"):
            if isinstance(ours.get(key), list):
                ours[key] = [relative(url) for url in ours[key]]
        return ours  # type: ignore[return-value]
