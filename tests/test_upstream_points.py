"""The public points of MkDocs and Material that the hooks use, each checked on a one-page project.

The search hooks rewrite the index file Material's search plugin writes (guidekit/search_plugin.py),
after it writes it and before the offline plugin copies it into search_index.js; the 404 hook
makes the 404 page's links relative through MkDocs' template_context event. A build of the
whole guide proves the same, but slowly and among much else: here, if Material writes its index
later, elsewhere or in another shape, or MkDocs renders its 404 page without the event, the
test that names it fails (README.md, "Updating Material or print-site", lists them all).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from guidekit.search_plugin import INDEX, read_index, shape_problem

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "scripts" / "hooks"

CONFIG = f"""\
site_name: One page
theme:
  name: material
  language: en
extra_css: [extra.css]
plugins:
  - search:
      fields:
        keywords: {{boost: 50}}
        spellings: {{boost: 1}}
  - offline
hooks:
  - {HOOKS / "search_keywords.py"}
  - {HOOKS / "search_spellings.py"}
  - {HOOKS / "not_found.py"}
"""

PAGE = """\
---
search:
  keywords: [glue, after care]
---
# Cement

## After the X-ray

Rest después and sleep
"""


@pytest.fixture(scope="module")
def one_page_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("one-page")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (project / "docs" / "extra.css").write_text("body {}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
        capture_output=True,
        text=True,
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def entries(index: dict) -> dict[str, dict]:
    return {doc["location"]: doc for doc in index["docs"]}


def test_keywords_and_spellings_are_written_into_the_index_the_search_plugin_wrote(one_page_site):
    """The search plugin has written its index before the hooks rewrite it (their on_post_build)."""
    docs = entries(json.loads((one_page_site / INDEX).read_text(encoding="utf-8")))
    assert docs["index.html"]["keywords"].split()[:3] == ["glue", "after", "care"]
    assert "aftercare" in docs["index.html"]["keywords"].split()
    assert {"xray", "despues"} <= set(docs["index.html#after-the-x-ray"]["spellings"].split())


def test_the_offline_copy_of_the_index_has_them_too(one_page_site):
    """The offline plugin copies the index into search_index.js after the hooks have rewritten it."""
    script = (one_page_site / "search" / "search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    assert script[len(prefix) :] == (one_page_site / INDEX).read_text(encoding="utf-8")


def test_the_404_page_links_relative_to_the_top(one_page_site):
    """MkDocs links its 404 page from the server's root ("/assets/..."); the hook's template_context
    makes the links relative, so they work under a sub-path too."""
    page = (one_page_site / "404.html").read_text(encoding="utf-8")
    assert 'href="./extra.css"' in page
    assert '"base": "."' in page
    assert 'href="/' not in page and 'src="/' not in page


class Config(dict):
    def __init__(self, site_dir: Path):
        super().__init__(site_dir=str(site_dir))
        self.site_dir = str(site_dir)


def test_an_index_that_is_not_there_stops_the_build(tmp_path):
    with pytest.raises(PluginError, match=r"the search plugin wrote no search/search_index\.json .*Fix: "):
        read_index(Config(tmp_path), "search_keywords", "keywords")


@pytest.mark.parametrize(
    "index, problem",
    [
        ({"config": {"separator": " ", "fields": {"keywords": {}}}, "documents": []}, 'not {"config"'),
        ({"config": {"fields": {"keywords": {}}}, "docs": []}, "no separator"),
        ({"config": {"separator": " ", "fields": {}}, "docs": []}, "do not list 'keywords'"),
        ({"config": {"separator": " ", "fields": {"keywords": {}}}, "docs": [{"url": "x", "title": "t"}]}, "entry"),
    ],
)
def test_an_index_of_another_shape_stops_the_build(tmp_path, index, problem):
    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text(json.dumps(index), encoding="utf-8")
    assert problem in shape_problem(index, "keywords")
    with pytest.raises(PluginError, match="is not the shape this hook rewrites"):
        read_index(Config(tmp_path), "search_keywords", "keywords")
