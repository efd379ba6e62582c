"""MkDocs hook: a 404 page whose links work wherever the guide is served from.

MkDocs links the 404 page from the server's root ("/assets/...") when it does
not know the site's address, so under a sub-path (/guide/nope.html) every
style, script and link of it is dead. Every page of this guide sits at the top
of its edition (flat .html addresses), so a missing page is asked for there
too: relative links work at the root and under any sub-path, and a host that
answers a deeper address with it (/guide/recovery/, /guide/a/b.html) gets a
page that finds its edition's top first (its script, in overrides/404.html).
With a known address (a clinic's `url`) MkDocs' absolute links are kept: they
work at any depth.
"""

from __future__ import annotations

from mkdocs.commands.build import get_context


def on_template_context(context, template_name, config):
    if template_name != "404.html" or config.site_url:
        return context
    return get_context(context["nav"], context["pages"], config, base_url=".")
