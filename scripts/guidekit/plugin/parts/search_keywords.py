"""Let search find a page by the lay words patients type.

Some words patients search for ("glue", "numb legs") are not in the page
text, and should not be: the wording is checked against the fact sheet and
for reading grade. A page lists them in its front matter instead:

    search:
      keywords: [glue, numb legs]

Material's search plugin indexes only the rendered page body, so a template
cannot add them; this part puts them on the page's own search entry, in the
`keywords` field that mkdocs.yml declares under the search plugin's
`fields`, by rewriting the index file the plugin wrote (search_index.py
says when, and stops the build if the file is not there or not as expected).
The page body is unchanged, so readers and the content check see nothing new.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from guidekit.plugin.part import Build, Part
from guidekit.plugin.parts.search_index import read_index, require_field, write_index

FIELD = "keywords"
PART = "search_keywords"


def page_keywords(page: Page) -> list[str]:
    search = page.meta.get("search") or {}
    words = search.get(FIELD) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise PluginError(
            f"{page.file.src_path}: front matter search.{FIELD} must be a list of words, for example [glue, numb legs]"
        )
    return words


class SearchKeywords(Part):
    def __init__(self, build: Build) -> None:
        super().__init__(build)
        # This build's pages with keywords: their address -> (their file, the words).
        self.keywords_by_url: dict[str, tuple[str, list[str]]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_field(config, PART, FIELD, "...", "keywords")
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.keywords_by_url.clear()

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if words := page_keywords(page):
            self.keywords_by_url[page.url] = (page.file.src_path, words)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        path, index = read_index(config.site_dir, PART, FIELD)
        for url, (src_path, words) in self.keywords_by_url.items():
            entries = [entry for entry in index["docs"] if entry["location"] == url]
            if not entries:
                raise PluginError(f"{src_path}: has search keywords but no search entry to put them on")
            for entry in entries:
                entry[FIELD] = " ".join(words)
        write_index(path, index)
