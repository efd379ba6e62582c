"""The public points of MkDocs and Material that the guide plugin's parts use, each checked on a
one-page project.

The search parts rewrite the index file Material's search plugin writes (search_index.py), after
it writes it and before the offline plugin copies it into search_index.js; the 404 part makes the
404 page's links relative through MkDocs' template_context event. A build of the whole guide
proves the same, but slowly and among much else: here, if Material writes its index later,
elsewhere or in another shape, or MkDocs renders its 404 page without the event, the test that
names it fails (README.md, "Updating Material or print-site", lists them all). The build is
MkDocs' own, in this process, with the guide plugin running only those parts, each where
guidekit/plugin/order.py puts it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from guidekit.plugin import GuidePlugin
from guidekit.plugin.order import ORDER, Order, only, swapped
from guidekit.plugin.parts.not_found import NotFound
from guidekit.plugin.parts.search_index import INDEX, read_index, shape_problem
from guidekit.plugin.parts.search_keywords import SearchKeywords
from guidekit.plugin.parts.search_spellings import SearchSpellings

ROOT = Path(__file__).resolve().parent.parent

CONFIG = f"""\
site_name: One page
strict: true
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
  - guide:
      manifest: {ROOT / "scripts" / "required_content.yml"}
      changelog: {ROOT / "CHANGELOG.md"}
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


def build_one_page(project: Path, order: Order) -> Path:
    """The one-page project built by MkDocs in this process, the guide plugin running only its search
    and 404 parts, each where `order` puts it; its site."""
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (project / "docs" / "extra.css").write_text("body {}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    plugin = config.plugins["guide"]
    assert isinstance(plugin, GuidePlugin)
    whole = plugin.order
    plugin.order = only(order, {SearchKeywords, SearchSpellings, NotFound})
    try:  # MkDocs keeps the plugin for the whole process: it gets its order back
        build(config)
    finally:
        plugin.order = whole
    return project / "site"


@pytest.fixture(scope="module")
def one_page_site(tmp_path_factory) -> Path:
    return build_one_page(tmp_path_factory.mktemp("one-page"), ORDER)


def entries(index: dict) -> dict[str, dict]:
    return {doc["location"]: doc for doc in index["docs"]}


def test_keywords_and_spellings_are_written_into_the_index_the_search_plugin_wrote(one_page_site):
    """The search plugin has written its index before the parts rewrite it (their on_post_build)."""
    docs = entries(json.loads((one_page_site / INDEX).read_text(encoding="utf-8")))
    assert docs["index.html"]["keywords"].split()[:3] == ["glue", "after", "care"]
    assert "aftercare" in docs["index.html"]["keywords"].split()
    assert {"xray", "despues"} <= set(docs["index.html#after-the-x-ray"]["spellings"].split())


def test_with_the_spellings_before_the_keywords_the_keywords_lose_their_spellings(tmp_path):
    """The order matters: "after care" is found as "aftercare" only when the keywords part has
    written its field before the spellings part reads it (guidekit/plugin/order.py)."""
    site = build_one_page(tmp_path, swapped(ORDER, "post_build", SearchKeywords, SearchSpellings))
    docs = entries(json.loads((site / INDEX).read_text(encoding="utf-8")))
    assert docs["index.html"]["keywords"] == "glue after care"  # no "aftercare"
    assert "xray" in docs["index.html#after-the-x-ray"]["spellings"].split()  # the rest as before


def test_the_offline_copy_of_the_index_has_them_too(one_page_site):
    """The offline plugin copies the index into search_index.js after the parts have rewritten it."""
    script = (one_page_site / "search" / "search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    assert script[len(prefix) :] == (one_page_site / INDEX).read_text(encoding="utf-8")


def test_the_404_page_links_relative_to_the_top(one_page_site):
    """MkDocs links its 404 page from the server's root ("/assets/..."); the part's template_context
    makes the links relative, so they work under a sub-path too."""
    page = (one_page_site / "404.html").read_text(encoding="utf-8")
    assert 'href="./extra.css"' in page
    assert '"base": "."' in page
    assert 'href="/' not in page and 'src="/' not in page


def test_an_index_that_is_not_there_stops_the_build(tmp_path):
    with pytest.raises(PluginError, match=r"the search plugin wrote no search/search_index\.json .*Fix: "):
        read_index(str(tmp_path), "search_keywords", "keywords")


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
    with pytest.raises(PluginError, match="is not the shape this part rewrites"):
        read_index(str(tmp_path), "search_keywords", "keywords")
