"""The Spanish reading scores count syllables as a Spanish speaker does.

Every word below was split by hand by the rules of the Real Academia's
Ortografia (2010): a hiatus with an accent on the closed vowel (di-a), two
open vowels (le-er, po-e-ta), a diphthong of a closed and an open vowel or of
two closed ones (hue-so, ciu-dad), "gu"/"qu" before e and i with a silent u
and the "u" of "gu" sounded with dieresis (pin-güi-no), a final "y" that is a
vowel (hay, muy, U-ru-guay), "h" between vowels that does not break a
diphthong (prohi-bi-do) and an accent that does (pro-hi-be), prefixes
(sub-ra-yar), and the inseparable clusters (pr, bl, tr). The count is what
the reading scores use, so the count is what is checked: where the Academia
allows two places for a break (at-le-ta, a-tle-ta; sub-ra-yar, su-bra-yar),
the number of syllables is the same.
"""

from __future__ import annotations

import pytest

from guidekit.readability import reading_scores, spanish_counts, spanish_syllables

HAND_CHECKED = """
    día dí-a
    días dí-as
    guía guí-a
    aguja a-gu-ja
    agujas a-gu-jas
    ayuda a-yu-da
    ayuno a-yu-no
    ayunas a-yu-nas
    país pa-ís
    baúl ba-úl
    reír re-ír
    oír o-ír
    caída ca-í-da
    oído o-í-do
    reúne re-ú-ne
    maíz ma-íz
    ahí a-hí
    búho bú-ho
    leer le-er
    caer ca-er
    traer tra-er
    poeta po-e-ta
    aéreo a-é-re-o
    osteoporosis os-te-o-po-ro-sis
    cirugía ci-ru-gí-a
    radiografía ra-dio-gra-fí-a
    enfermería en-fer-me-rí-a
    tenía te-ní-a
    pingüino pin-güi-no
    vergüenza ver-güen-za
    agüero a-güe-ro
    lingüística lin-güís-ti-ca
    hay hay
    muy muy
    rey rey
    ley ley
    hoy hoy
    estoy es-toy
    Uruguay u-ru-guay
    buey buey
    y y
    ya ya
    mayo ma-yo
    subrayar sub-ra-yar
    desanimar de-sa-ni-mar
    inhábil in-há-bil
    hueso hue-so
    huesos hue-sos
    fuego fue-go
    agua a-gua
    cuidado cui-da-do
    ciudad ciu-dad
    ruido rui-do
    bien bien
    pie pie
    miau miau
    prohibido prohi-bi-do
    prohíbe pro-hí-be
    ahumado ahu-ma-do
    quebrado que-bra-do
    quebradura que-bra-du-ra
    vértebra vér-te-bra
    vertebroplastia ver-te-bro-plas-tia
    cifoplastia ci-fo-plas-tia
    problema pro-ble-ma
    transporte trans-por-te
    instrucciones ins-truc-cio-nes
    abstracto abs-trac-to
    obstáculo obs-tá-cu-lo
    atleta at-le-ta
    procedimiento pro-ce-di-mien-to
    anestesia a-nes-te-sia
    anticoagulantes an-ti-co-a-gu-lan-tes
    antiplaquetarios an-ti-pla-que-ta-rios
    acetaminofén a-ce-ta-mi-no-fén
    cemento ce-men-to
    columna co-lum-na
    fiebre fie-bre
    excremento ex-cre-men-to
    orina o-ri-na
    hinchazón hin-cha-zón
    despierto des-pier-to
    consciente cons-cien-te
    paciente pa-cien-te
    piquete pi-que-te
    aventón a-ven-tón
    raite rai-te
    dolor do-lor
    adormecer a-dor-me-cer
    recuperación re-cu-pe-ra-ción
    riesgo ries-go
    guion guion
"""
WORDS = [line.split() for line in HAND_CHECKED.strip().splitlines()]


def test_the_list_is_long_enough_and_varied():
    assert len(WORDS) >= 60
    assert len({word for word, _ in WORDS}) == len(WORDS)


@pytest.mark.parametrize("word,syllables", WORDS, ids=[word for word, _ in WORDS])
def test_hand_checked_syllables(word, syllables):
    assert spanish_syllables(word) == len(syllables.split("-")), syllables


def test_capitals_and_what_is_not_a_word():
    assert spanish_syllables("Día") == spanish_syllables("GUÍA") == 2
    # Numbers, letters and abbreviations with no vowel count as one syllable, as textstat counts them.
    assert [spanish_syllables(w) for w in ("911", "x", "ct", "45")] == [1, 1, 1, 1]


def test_hyphenation_points_are_not_syllables():
    """pyphen's hyphenation points leave out the syllables a line is never broken at."""
    import pyphen

    dictionary = pyphen.Pyphen(lang="es")
    words = ["día", "ayuno", "aguja", "país", "reír", "osteoporosis"]
    assert sum(len(dictionary.positions(w)) + 1 for w in words) == 11
    assert sum(spanish_syllables(w) for w in words) == 18


TEXT = "Hay un día de ayuno. La aguja entra en el hueso quebrado. No coma nada después de medianoche."


def test_counts_of_a_text():
    # Hay un dí-a de a-yu-no (8) / La a-gu-ja en-tra en el hue-so que-bra-do (13) /
    # No co-ma na-da des-pués de me-dia-no-che (12): 33 syllables, 18 words, 3 sentences.
    assert spanish_counts(TEXT) == (18, 3, 33)


def test_fernandez_huerta_and_inflesz_from_the_true_count():
    words, sentences, syllables = 18, 3, 33
    scores = {formula: reading_scores({"t": TEXT}, formula)["t"] for formula in ("fernandez_huerta", "inflesz")}
    assert scores["fernandez_huerta"] == round(206.84 - 60 * syllables / words - 1.02 * words / sentences, 1)
    assert scores["inflesz"] == round(206.835 - 62.3 * syllables / words - words / sentences, 1)


# "Stop eat-ing at mid-night (6) / Call your care team if you have a fe-ver (10)": 13 words, 2 sentences,
# 16 syllables, counted by hand from the CMU dictionary's vowels.
ENGLISH = "Stop eating at midnight. Call your care team if you have a fever."


def test_flesch_kincaid_grade_from_the_true_count():
    """textstat's public metric, checked against the formula on hand counts: a textstat that counts
    differently (or loses the metric) fails here, not in a page's score."""
    words, sentences, syllables = 13, 2, 16
    expected = round(0.39 * words / sentences + 11.8 * syllables / words - 15.59, 1)
    assert reading_scores({"t": ENGLISH}, "flesch_kincaid_grade") == {"t": expected}


def test_spanish_words_and_sentences_are_textstats_public_counts():
    import textstat

    assert spanish_counts(TEXT)[:2] == (textstat.lexicon_count(TEXT), textstat.sentence_count(TEXT))


def test_only_textstats_public_api():
    """No private module of textstat, and no assignment into it: only `import textstat` and its
    public functions (a patch of its internals turns into a silent no-op when they move)."""
    import ast
    import inspect

    import textstat

    import guidekit.readability as module

    tree = ast.parse(inspect.getsource(module))
    imported = [
        alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    ]
    assert [name for name in imported if name.split(".")[0] == "textstat"] == ["textstat"]
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "textstat"
    }
    assert used, "readability.py no longer uses textstat: update this test"
    public = {name for name in dir(textstat.textstat) if not name.startswith("_")}
    assert used <= public, f"not textstat's public API: {sorted(used - public)}"
    assert all(callable(getattr(textstat, name)) for name in used)
    stores = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
    ]
    assert not stores, f"readability.py assigns into another module: {stores}"
