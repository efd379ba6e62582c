"""print-site's script and styles only where they act, on its print page.

mkdocs-print-site-plugin adds them to every page, but every rule and function
in them targets the print page (#print-site-page, the print TOC). Leaving
them off the other pages saves a phone three requests and a script run.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guidekit.plugin.part import Part

PRINT_SITE_ASSETS = re.compile(
    r'\s*<link rel="stylesheet" href="[^"]*css/print-site(?:-[a-z]+)?\.css">'
    r'|\s*<script src="[^"]*js/print-site\.js"></script>'
)


class PrintAssets(Part):
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # print-site renders its own page after the build, so this never sees it.
        return PRINT_SITE_ASSETS.sub("", output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        # The 404 page is a template, not a page.
        return PRINT_SITE_ASSETS.sub("", output_content) if template_name == "404.html" else output_content
