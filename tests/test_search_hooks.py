"""The build-time halves of search and checklist accessibility (parts of the guide plugin,
scripts/guidekit/plugin/parts/)."""

from __future__ import annotations

import json
import re
import unicodedata

from helpers import mkdocs_build, sub_once

JAVASCRIPTS = "assets/javascripts"


def search_entry(site, location):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return next(d for d in docs if d["location"] == location)


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def article_text(path) -> str:
    return re.search(r"<article.*?</article>", path.read_text(encoding="utf-8"), re.S).group(0).lower()


def test_front_matter_keywords_reach_the_index_but_not_the_page(built_site):
    assert "glue" in search_entry(built_site, "index.html")["keywords"].split()
    article = re.search(r"<article.*?</article>", (built_site / "index.html").read_text(encoding="utf-8"), re.S)
    assert "glue" not in article.group(0).lower()


def test_keywords_that_are_not_a_list_fail_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(sub_once(r"keywords: \[.*?\]", "keywords: glue", text), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md: front matter search.keywords must be a list" in result.stderr


def test_other_spellings_reach_the_index_but_not_the_page(built_site):
    risks = search_entry(built_site / "es", "index.html#cuales-son-los-riesgos")
    assert {"dano", "alergica"} <= set(risks["spellings"].split())  # "daño", "alérgica" without accents
    assert "xray" in search_entry(built_site, "index.html#how-does-the-doctor-see-where-to-work")["spellings"].split()
    assert "aftercare" in search_entry(built_site, "recovery.html")["keywords"].split()  # keyword "after care"
    assert "senales" in search_entry(built_site / "es", "recovery.html")["keywords"].split()
    assert "xray" not in article_text(built_site / "index.html")
    assert not re.search(r"\bdano\b", article_text(built_site / "es" / "index.html"))


def test_spellings_field_missing_from_the_search_config_fails_the_build(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(sub_once(r"\n +spellings:\n +boost: 1", "", text), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "search_spellings: add `fields: {spellings: {boost: 1}}`" in result.stderr


def listed_words(script: str) -> list[str]:
    """The words in a script's string literals (one word each, or several split at spaces)."""
    return " ".join(re.findall(r'"([^"]*)"', script)).split()


def test_stop_words_in_the_browser_are_lunrs_without_accents(built_site):
    """The query leaves out exactly the words that the index leaves out."""
    worker = next((built_site / JAVASCRIPTS / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    english = re.search(r"stopWordFilter=\w+\.generateStopWordFilter\(\[([^\]]*)\]", worker).group(1)
    spanish = re.search(
        r'stopWordFilter=\w+\.generateStopWordFilter\("([^"]*)"',
        (built_site / JAVASCRIPTS / "lunr/min/lunr.es.min.js").read_text(encoding="utf-8"),
    ).group(1)
    for lang, lunr_words in (("en", listed_words(english)), ("es", spanish.split())):
        ours = listed_words((built_site / JAVASCRIPTS / f"search-stop-words.{lang}.js").read_text(encoding="utf-8"))
        assert len(lunr_words) > 100, lang
        assert sorted(ours) == sorted(set(map(fold, lunr_words))), lang


def test_checklist_boxes_are_labelled_by_their_item(built_site):
    for name in ("before.html", "print_page.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        boxes = re.findall(r'<li class="task-list-item">(.*?)</li>', html, re.S)
        assert boxes, name
        for box in boxes:
            # The box, an optional picture (an icon with no name of its own), then the item's words.
            assert re.match(
                r"<label><input type=\"checkbox\"[^>]*>\s*"
                r"(?:<span class=\"twemoji[^\"]*\">.*?</span>\s*)?\w.*</label>$",
                box,
                re.S,
            ), box
            assert "<a " not in box, "a link inside a checkbox's label"
