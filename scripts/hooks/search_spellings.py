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

from mkdocs.plugins import event_priority

from guidekit.search_plugin import require_field, search_plugin

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


def on_config(config):
    require_field(config, "search_spellings", FIELD, "1", "spellings")


@event_priority(-60)  # after the search plugin and the keywords hook have filled this page's entries
def on_page_context(context, page, config, nav):
    plugin = search_plugin(config, "search_spellings")
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
