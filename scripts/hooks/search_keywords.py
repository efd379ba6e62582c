"""MkDocs hook: let search find a page by the lay words patients type.

Some words patients search for ("glue", "numb legs") are not in the page
text, and should not be: the wording is checked against the fact sheet and
for reading grade. A page lists them in its front matter instead:

    search:
      keywords: [glue, numb legs]

Material's search plugin indexes only the rendered page body, so a template
cannot add them; this hook puts them on the page's own search entry, in the
`keywords` field that mkdocs.yml declares under the search plugin's
`fields`, by rewriting the index file the plugin wrote (guidekit/search_plugin.py
says when, and stops the build if the file is not there or not as expected).
The page body is unchanged, so readers and the content check see nothing new.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guidekit.search_plugin import REWRITE_PRIORITY, read_index, require_field, write_index

FIELD = "keywords"
HOOK = "search_keywords"
# This build's pages with keywords: their address -> (their file, the words).
keywords_by_url: dict[str, tuple[str, list[str]]] = {}


def _keywords(page) -> list[str]:
    search = page.meta.get("search") or {}
    words = search.get(FIELD) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise PluginError(
            f"{page.file.src_path}: front matter search.{FIELD} must be a list of words, for example [glue, numb legs]"
        )
    return words


def on_config(config):
    require_field(config, HOOK, FIELD, "...", "keywords")


def on_pre_build(config):
    keywords_by_url.clear()


def on_page_context(context, page, config, nav):
    if words := _keywords(page):
        keywords_by_url[page.url] = (page.file.src_path, words)
    return context


@event_priority(REWRITE_PRIORITY)  # after the search plugin has written the index (0), before it is copied (-100)
def on_post_build(config):
    path, index = read_index(config, HOOK, FIELD)
    for url, (src_path, words) in keywords_by_url.items():
        entries = [entry for entry in index["docs"] if entry["location"] == url]
        if not entries:
            raise PluginError(f"{src_path}: has search keywords but no search entry to put them on")
        for entry in entries:
            entry[FIELD] = " ".join(words)
    write_index(path, index)
