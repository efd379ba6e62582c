"""The guide's own stylesheets and scripts go out minified.

They are written to be read (comments say why each rule is there); a patient's phone
needs none of that. After the build, each of the guide's own files listed in
`extra_css` and `extra_javascript` is replaced in the site by its minified form
(rcssmin, rjsmin: the CSS and JavaScript minifiers of the same well-kept project),
which halves what they cost a first visit. The sources in docs/ stay as written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig

from guidekit.plugin.part import Part

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def ours(config: MkDocsConfig) -> list[str]:
    """The site paths of the guide's own files among extra_css and extra_javascript."""
    names = [str(entry) for entry in [*config.extra_css, *config.extra_javascript]]
    docs = Path(config.docs_dir)
    return [name for name in names if "://" not in name and not name.startswith("//") and (docs / name).is_file()]


class MinifyAssets(Part):
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        for name in ours(config):
            path = site / name
            minify = MINIFIERS.get(path.suffix)
            if minify and path.is_file():
                path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
