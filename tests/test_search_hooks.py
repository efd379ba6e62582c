"""The build-time halves of search and checklist accessibility (hooks in scripts/hooks/)."""
from __future__ import annotations

import json
import re

from conftest import mkdocs_build


def search_entry(site, location):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return next(d for d in docs if d["location"] == location)


def test_front_matter_keywords_reach_the_index_but_not_the_page(built_site):
    assert "glue" in search_entry(built_site, "index.html")["keywords"].split()
    article = re.search(r"<article.*?</article>", (built_site / "index.html").read_text(encoding="utf-8"), re.S)
    assert "glue" not in article.group(0).lower()


def test_keywords_that_are_not_a_list_fail_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"keywords: \[.*?\]", "keywords: glue", text, count=1), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md: front matter search.keywords must be a list" in result.stderr


def test_checklist_boxes_are_labelled_by_their_item(built_site):
    for name in ("before.html", "print_page.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        boxes = re.findall(r'<li class="task-list-item">(.*?)</li>', html, re.S)
        assert boxes, name
        for box in boxes:
            assert re.match(r"<label><input type=\"checkbox\"[^>]*>\s*\w.*</label>$", box, re.S), box
