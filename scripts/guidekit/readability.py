"""Reading scores of pages, from the text a reader sees.

English: Flesch-Kincaid grade, from textstat's public API (pinned below 0.7.10, which
fetches NLTK data at run time and fails offline). textstat parses the CMU dictionary once per process (under
a second) and caches it, so a check scores a whole page set in one go.

Spanish: Fernandez-Huerta (the Flesch reading-ease formula refitted for
Spanish) and INFLESZ (the Szigriszt-Pazos perspicuity formula on
Barrio-Cantalejo's scale, the one Spanish health-education studies report).
Both count syllables with pylabeador, a Spanish syllabifier that follows the
Real Academia's rules for diphthongs, hiatus and consonant clusters (di-a
with an accent is two syllables, ay-u-no three, hay one), not with hyphenation
points, which leave out the syllables a line is never broken at (about 5%
of them). Words and sentences are counted by textstat's public API, so only
the syllable count differs from textstat's Fernandez-Huerta.

Only textstat's public functions are used (no private modules, no patch of its state):
tests/test_readability.py fails if this module imports anything else of it.
"""

from __future__ import annotations

import re
from functools import cache

import pylabeador
import textstat

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
    words = spanish_words(text)
    return len(words), textstat.sentence_count(text), sum(spanish_syllables(w) for w in words)


def spanish_words(text: str) -> list[str]:
    """The words of a text as textstat counts them (its lexicon_count), in lower case."""
    textstat.set_rm_apostrophe(True)  # the default, said: every apostrophe goes, as in a Spanish word
    text = textstat.remove_punctuation(text)  # textstat is untyped: its str in, its str out
    return text.lower().split()


def spanish_score(text: str, formula: str) -> float:
    words, sentences, syllables = spanish_counts(text)
    if not words or not sentences:
        return 0.0
    per_word, per_sentence = syllables / words, words / sentences
    if formula == "fernandez_huerta":  # as textstat writes it: 206.84 - 60 S/W - 1.02 W/F
        return 206.84 - 60 * per_word - 1.02 * per_sentence
    return 206.835 - 62.3 * per_word - per_sentence  # INFLESZ (Barrio-Cantalejo 2008)


def reading_scores(texts: dict[str, str], formula: str) -> dict[str, float]:
    """The formula's score for each text."""
    if formula in SPANISH:
        return {key: round(spanish_score(text, formula), 1) for key, text in texts.items()}
    textstat.set_lang(TEXTSTAT_LANG[formula])
    score = getattr(textstat, formula)
    return {key: round(float(score(text)), 1) for key, text in texts.items()}
