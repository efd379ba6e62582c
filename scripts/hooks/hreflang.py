"""MkDocs hook: language alternates in the sitemap, not in the page's <head>.

Material writes <link rel="alternate" hreflang> into every page, and its
bundle fetches sitemap.xml from the address of each such link, so absolute
links (a clinic's `url`) made every page ask the clinic's host for its
sitemaps, from a preview or a file:// copy too. Search engines read the same
alternates from the sitemap (xhtml:link), so they go there, absolute, when
the site's address is known (overrides/sitemap.xml); the header's language
selector links to the same page in each edition by itself.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_env(env, config, files):
    def alternates(page) -> list[tuple[str, str]]:
        if not (config.site_url and page.canonical_url):
            return []
        return [
            (alt["lang"], urljoin(page.canonical_url, alt["link"] + page.file.dest_uri))
            for alt in config.extra.get("alternate", [])
        ]

    env.filters["alternates"] = alternates
    return env


def on_post_page(output, page, config):
    return ALTERNATE.sub("", output)
