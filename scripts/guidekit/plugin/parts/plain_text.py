"""Refuse HTML in the config and front-matter values Material prints unescaped.

Material's templates write site_name, site_description, site_author, the nav's
titles and a page's front-matter title, description and author into the page
as they are (MkDocs' Jinja does not escape), and extra.analytics into an
inline script. Our own templates escape every value;
these stay plain text so that no value can add markup or break an attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.plugin.part import Part

MARKUP = re.compile(r'[<>"]')
CONFIG_TEXT = ("site_name", "site_description", "site_author")
FRONT_MATTER_TEXT = ("title", "description", "author")
FIX = 'write plain text, without <, > or " (use \u201c \u201d for quotation marks)'


def nav_titles(items: Any, where: str = "nav") -> Iterator[tuple[str, Any]]:
    """(where, title) for every title in a nav: `- Title: page.md` and `- Title: [children]`."""
    for index, item in enumerate(items or []):
        if isinstance(item, dict):
            for title, inner in item.items():
                yield f"{where}[{index}]", title
                if isinstance(inner, list):
                    yield from nav_titles(inner, f"{where}[{index}]")


class PlainText(Part):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for key in CONFIG_TEXT:
            value = config.get(key)
            if isinstance(value, str) and MARKUP.search(value):
                raise PluginError(f"{config.config_file_path}: {key}: {value!r} holds markup characters. Fix: {FIX}")
        for where, title in nav_titles(config.get("nav")):
            if not isinstance(title, str) or MARKUP.search(title):
                raise PluginError(
                    f"{config.config_file_path}: {where}: the title {title!r} holds markup characters. Fix: {FIX}"
                )
        if config.extra.get("analytics"):
            raise PluginError(
                f"{config.config_file_path}: extra.analytics: the guide tells no one what a patient reads, and "
                "its policy lets no page load another site's script. Fix: remove extra.analytics"
            )
        return config

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        for key in FRONT_MATTER_TEXT:
            value = page.meta.get(key)
            if isinstance(value, str) and MARKUP.search(value):
                raise PluginError(
                    f"{page.file.abs_src_path}: front matter '{key}': {value!r} holds markup characters. Fix: {FIX}"
                )
        return markdown
