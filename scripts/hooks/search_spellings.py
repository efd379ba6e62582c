"""MkDocs hook: index the other ways patients spell a page's words.

Lunr matches the words of a search entry as they are written. Patients type
"despues" for "después", "xray" for "X-ray", "senales" for "señales", on
phones that make accents and hyphens hard to reach. This hook adds to each
search entry a `spellings` field (declared under the search plugin's
`fields` in mkdocs.yml) with:

- each word that has an accent or a tilde, without it (ñ reads as n);
- each hyphenated word, written as one word ("x-ray" -> "xray");
- each of the page's search keywords of two or more words, written as one
  word ("after care" -> "aftercare").

assets/javascripts/search-query.js folds the patient's words the same way,
so a word typed with or without accents finds the page either way. The
page's own search keywords (scripts/hooks/search_keywords.py) get the same
spellings in their own field, so they keep their weight. Only the index
changes: readers and the content check see the page as written.
"""
from __future__ import annotations

import html
import re
import unicodedata

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

FIELD = "spellings"
KEYWORDS = "keywords"
TAG = re.compile(r"<[^>]*>")
HYPHENATED = re.compile(r"\w+(?:-\w+)+")


def fold(word: str) -> str:
    """Lower case, without accents or tildes: "Después" -> "despues"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def spellings(text: str, separator: re.Pattern) -> list[str]:
    """The other spellings of text's words, each once, in the order they come."""
    text = html.unescape(TAG.sub(" ", text))
    found = [fold(w) for w in separator.split(text) if w and fold(w) != w.lower()]
    found += [fold(w.replace("-", "")) for w in HYPHENATED.findall(text)]
    return list(dict.fromkeys(found))


def _search_plugin(config):
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            return plugin
    raise PluginError("search_spellings hook: Material's search plugin is not enabled")


def on_config(config):
    plugin = _search_plugin(config)
    if FIELD not in plugin.config.fields:
        raise PluginError(f"search_spellings hook: add `fields: {{{FIELD}: {{boost: 1}}}}` "
                          "to the search plugin in mkdocs.yml, or Lunr will not index the spellings")


@event_priority(-60)  # after the search plugin and the keywords hook have filled this page's entries
def on_page_context(context, page, config, nav):
    plugin = _search_plugin(config)
    separator = re.compile(plugin.config.separator)
    for entry in plugin.search_index.entries:
        if entry["location"].split("#")[0] != page.url:
            continue
        words = spellings(entry["title"] + " " + entry["text"], separator)
        if words:
            entry[FIELD] = " ".join(words)
        if entry.get(KEYWORDS):
            phrases = (page.meta.get("search") or {}).get(KEYWORDS) or []
            joined = [fold(re.sub(r"[\s-]+", "", p)) for p in phrases if re.search(r"[\s-]", p.strip())]
            extra = dict.fromkeys(spellings(entry[KEYWORDS], separator) + joined)
            entry[KEYWORDS] = " ".join([entry[KEYWORDS], *extra])
    return context
