"""Index the other ways patients spell a page's words.

Lunr matches the words of a search entry as they are written. Patients type
"despues" for "después", "xray" for "X-ray", "senales" for "señales", on
phones that make accents and hyphens hard to reach. This part adds to each
search entry a `spellings` field (declared under the search plugin's
`fields` in mkdocs.yml) with:

- each word that has an accent or a tilde, without it (ñ reads as n);
- each hyphenated word, written as one word ("x-ray" -> "xray");
- each of the page's search keywords of two or more words, written as one
  word ("after care" -> "aftercare").

assets/javascripts/search-query.js folds the patient's words the same way,
so a word typed with or without accents finds the page either way. The
page's own search keywords (search_keywords.py) get the same
spellings in their own field, so they keep their weight. Only the index
changes (the file the search plugin wrote, rewritten after the keywords part: see
search_index.py): readers and the content check see the page as written.
"""

from __future__ import annotations

import html
import re
import unicodedata

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from guidekit.plugin.part import Build, Part
from guidekit.plugin.parts.search_index import read_index, require_field, write_index

FIELD = "spellings"
KEYWORDS = "keywords"
PART = "search_spellings"
TAG = re.compile(r"<[^>]*>")
HYPHENATED = re.compile(r"\w+(?:-\w+)+")


def fold(word: str) -> str:
    """Lower case, without accents or tildes: "Después" -> "despues"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def spellings(text: str, separator: re.Pattern[str]) -> list[str]:
    """The other spellings of text's words, each once, in the order they come."""
    text = html.unescape(TAG.sub(" ", text))
    found = [fold(w) for w in separator.split(text) if w and fold(w) != w.lower()]
    found += [fold(w.replace("-", "")) for w in HYPHENATED.findall(text)]
    return list(dict.fromkeys(found))


class SearchSpellings(Part):
    def __init__(self, build: Build) -> None:
        super().__init__(build)
        # This build's pages: their address -> their search keywords (the phrases, as written).
        self.phrases_by_url: dict[str, list[str]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_field(config, PART, FIELD, "1", "spellings")
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.phrases_by_url.clear()

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.phrases_by_url[page.url] = (page.meta.get("search") or {}).get(KEYWORDS) or []
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        path, index = read_index(config.site_dir, PART, FIELD)
        separator = re.compile(index["config"]["separator"])
        for entry in index["docs"]:
            phrases = self.phrases_by_url.get(entry["location"].split("#")[0])
            if phrases is None:  # not a page of this build
                continue
            words = spellings(entry["title"] + " " + entry["text"], separator)
            if words:
                entry[FIELD] = " ".join(words)
            if entry.get(KEYWORDS):
                joined = [fold(re.sub(r"[\s-]+", "", p)) for p in phrases if re.search(r"[\s-]", p.strip())]
                extra = dict.fromkeys(spellings(entry[KEYWORDS], separator) + joined)
                entry[KEYWORDS] = " ".join([entry[KEYWORDS], *extra])
        write_index(path, index)
