"""MkDocs hook: let search find a page by the lay words patients type.

Some words patients search for ("glue", "numb legs") are not in the page
text, and should not be: the wording is checked against the fact sheet and
for reading grade. A page lists them in its front matter instead:

    search:
      keywords: [glue, numb legs]

Material's search plugin indexes only the rendered page body, so a template
cannot add them; this hook puts them on the page's own search entry, in the
`keywords` field that mkdocs.yml declares under the search plugin's
`fields`. The page body is unchanged, so readers and the content check see
nothing new.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guidekit.search_plugin import require_field, search_plugin

FIELD = "keywords"


def _keywords(page) -> list[str]:
    search = page.meta.get("search") or {}
    words = search.get(FIELD) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise PluginError(
            f"{page.file.src_path}: front matter search.{FIELD} must be a list of words, for example [glue, numb legs]"
        )
    return words


def on_config(config):
    require_field(config, "search_keywords", FIELD, "...", "keywords")


@event_priority(-50)  # after the search plugin has added this page's entries
def on_page_context(context, page, config, nav):
    words = _keywords(page)
    if not words:
        return context
    entries = [e for e in search_plugin(config, "search_keywords").search_index.entries if e["location"] == page.url]
    if not entries:
        raise PluginError(f"{page.file.src_path}: has search keywords but no search entry to put them on")
    for entry in entries:
        entry[FIELD] = " ".join(words)
    return context
