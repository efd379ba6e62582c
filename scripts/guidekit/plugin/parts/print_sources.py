"""On paper, a page's source notes become numbers and one list at its end.

The pages write each fact's sources as a link to the About page's list of
sources (extra.print.sources in each edition's config names that section).
The screen keeps those links; paper gets a small number in their place and,
at the end of the page, the numbered list of the notes' names and a line
saying where they are described in full (scripts/guidekit/print_sources.py).
Runs on the page's HTML before print-site copies it, so each page of the
complete guide ends with its own list.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.plugin.part import Part
from guidekit.print_sources import paper_sources

KEY = "sources"


def sources_section(config: MkDocsConfig) -> tuple[str, str]:
    value = config.extra.get("print", {}).get(KEY)
    page, _, anchor = (value or "").partition("#")
    if not page or not anchor:
        raise PluginError(
            f"print_sources: extra.print.{KEY} must name the page and section that list the "
            f"guide's sources, for example about.md#where-does-this-information-come-from (got {value!r})"
        )
    return page, anchor


def is_page_link(href: str) -> bool:
    """A link to a page of the guide (not a PDF, a phone number or another site)."""
    parts = urlsplit(href)
    return bool(href) and not parts.scheme and not parts.netloc and not parts.path.endswith(".pdf")


class PrintSources(Part):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        sources_section(config)
        for word in ("sources", "sources_more"):
            if not config.extra.get("ui", {}).get(word):
                raise PluginError(f"print_sources: extra.ui.{word} is missing from {config.config_file_path}")
        return config

    def on_page_content(self, content: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        about_path, anchor = sources_section(config)
        about = files.get_file_from_path(about_path)
        if about is None:
            raise PluginError(f"print_sources: extra.print.{KEY} names {about_path}, which is not in the docs")
        if page.file.src_uri == about.src_uri:
            if f'id="{html.escape(anchor)}"' not in content:
                raise PluginError(
                    f"print_sources: {about_path} has no section #{anchor} (extra.print.{KEY}). "
                    "Fix: set extra.print.sources to the id of the heading that lists the sources"
                )
            targets = {f"#{anchor}"}
        else:
            targets = {f"{about.url_relative_to(page.file)}#{anchor}"}
        ui = config.extra["ui"]
        result = paper_sources(
            content,
            is_source_link=lambda href: href in targets,
            is_page_link=is_page_link,
            words={"title": ui["sources"], "more": ui["sources_more"]},
        )
        return result.html
