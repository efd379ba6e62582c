"""Keep repeated text out of the search index, so the page that explains a thing ranks first.

Material indexes each section of a page as its own entry, and Lunr ranks a short
entry that names a word above a long one that explains it. Two kinds of text on
the guide's pages repeat what is explained elsewhere:

- each page's "Key points", the summary at its end, repeats the page above it;
- the warning signs are written once (docs/includes/warning-signs*.md) and listed
  on several pages (the FAQ's boxes, the Overview's 911 list, every Key points),
  but explained on one: Recovery, whose boxes say what each sign means and whom to call.

So a search for "needle" or "tingling" found the FAQ's lists and the Key points
before the page that explains. This part gives those repeats Material's own
`data-search-exclude` attribute (the Key points heading: its whole section; a
warning-sign list outside Recovery: that list), before the search plugin reads
the page. Readers, the printed pages and the content check see the page unchanged.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.plugin.part import Part
from guidekit.plugin.parts.shared_text import snippet_folders

# The summary that ends a page, in each language of the guide.
SUMMARY = {"en": "Key points", "es": "Puntos clave"}
# The page that explains the warning signs, and the shared text of them in each language.
SIGNS_HOME = "recovery.md"
SIGNS = {"en": "warning-signs.md", "es": "warning-signs.es.md"}
PREFIX = 24  # characters of an item that tell it apart
TAG = re.compile(r"<[^>]*>")
HEADING = re.compile(r"<h2(?P<attrs>[^>]*)>(?P<text>.*?)</h2>", re.S)
LIST = re.compile(r"<ul>\s*<li>(?P<first>.*?)</li>", re.S)


def plain(text: str) -> str:
    """An item's words as a reader sees them, lower case, without Markdown or HTML."""
    text = html.unescape(TAG.sub("", text))
    return " ".join(re.sub(r"[*_`]", "", text).split()).casefold()


def sign_items(config: MkDocsConfig, lang: str) -> set[str]:
    """The start of each warning sign of the language's shared text (where pymdownx.snippets reads it)."""
    for folder in snippet_folders(config):
        path = folder / SIGNS[lang]
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            return {plain(line[2:])[:PREFIX] for line in lines if line.startswith("- ")}
    return set()


def exclude(attrs: str) -> str:
    return attrs if "data-search-exclude" in attrs else f"{attrs} data-search-exclude"


class SearchRepeats(Part):
    def on_page_content(self, content: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang = self.build.lang
        summary = SUMMARY.get(lang)
        content = HEADING.sub(
            lambda m: (
                f"<h2{exclude(m['attrs'])}>{m['text']}</h2>" if plain(m["text"]) == plain(summary or "") else m[0]
            ),
            content,
        )
        if page.file.src_uri == SIGNS_HOME or lang not in SIGNS:
            return content
        signs = sign_items(config, lang)
        return LIST.sub(
            lambda m: (
                m[0].replace("<ul>", "<ul data-search-exclude>", 1) if plain(m["first"])[:PREFIX] in signs else m[0]
            ),
            content,
        )
