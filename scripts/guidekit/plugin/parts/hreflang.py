"""Language alternates in the sitemap, not in the page's <head>.

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
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.handouts import PRINT_PAGE
from guidekit.plugin.part import Part

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class Hreflang(Part):
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        def alternates(page: Page) -> list[tuple[str, str]]:
            if not (config.site_url and page.canonical_url):
                return []
            return [
                (alt["lang"], urljoin(page.canonical_url, alt["link"] + page.file.dest_uri))
                for alt in config.extra.get("alternate", [])
            ]

        env.filters["alternates"] = alternates
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return ALTERNATE.sub("", output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """print-site renders the print page itself, after on_post_page: its alternates go too. With
        them, Material took over the language links there, and since the print page is in no sitemap,
        "Español" opened the Spanish home page whenever the Spanish sitemap arrived first."""
        page = Path(config.site_dir) / PRINT_PAGE
        if page.exists():
            page.write_text(ALTERNATE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
