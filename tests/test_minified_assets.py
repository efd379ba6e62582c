"""The guide's own CSS and JavaScript reach the site minified (what a phone downloads), while
docs/ keeps them as written, comments and all (the guide plugin's minify_assets part)."""

from __future__ import annotations

import pytest
import rcssmin
import rjsmin

from helpers import ROOT

FILES = {
    "": ["assets/css/guide.css", "assets/css/print.css", "assets/javascripts/search-query.js"],
    "es/": ["assets/css/guide.css", "assets/css/print.css", "assets/javascripts/search-stop-words.es.js"],
}
CASES = [(folder, name) for folder, names in FILES.items() for name in names]


@pytest.mark.parametrize("folder,name", CASES, ids=[f"{f or 'en/'}{n}" for f, n in CASES])
def test_the_site_serves_the_minified_form_of_the_source(default_site, folder, name):
    source = (ROOT / "docs" / name).read_text(encoding="utf-8")
    served = (default_site / folder / name).read_text(encoding="utf-8")
    minify = rcssmin.cssmin if name.endswith(".css") else rjsmin.jsmin
    assert "/*" in source or "//" in source  # the source explains itself
    assert served == minify(source)
    assert len(served) < len(source)
