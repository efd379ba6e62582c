"""The search index Material's search plugin writes, as the search parts read and rewrite it.

Only public points of Material's search plugin are used: its config (`fields`, in mkdocs.yml) and
the file it writes in its `on_post_build` (priority 0), `search/search_index.json`. The parts
(search_keywords.py, search_spellings.py) rewrite that file in the plugin's `on_post_build`, after
the search plugin has written it and before the offline plugin copies it into `search_index.js`
(priority -100; guidekit/plugin/order.py). A file that is not there, or not of the shape below
(the `SearchIndex` that Material's search worker reads; tests/test_theme_drift.py checks that
shape against the installed worker), stops the build: nothing is added silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.base import Config
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin

INDEX = "search/search_index.json"
SEARCH_PLUGINS = ("material/search", "search")


class SearchIndex(TypedDict):
    """The index as the parts read it (shape_problem checks it): Lunr's settings, with at least
    `separator` (a regex) and `fields` (those Lunr indexes), and one entry a page and a section,
    with at least `location`, `title` and `text` (strings), and the fields the parts add."""

    config: dict[str, Any]
    docs: list[dict[str, Any]]


FIX = 'see README.md, "Updating Material or print-site", and rewrite the part for how Material now writes its index'


def search_plugin_config(config: MkDocsConfig, part: str) -> Config:
    """The search plugin's own config (Material's, or MkDocs' own)."""
    for name in SEARCH_PLUGINS:
        plugin: BasePlugin[Config] | None = config.plugins.get(name)
        if plugin is not None:
            options: Config = plugin.config
            return options
    raise PluginError(f"{part}: Material's search plugin is not enabled")


def require_field(config: MkDocsConfig, part: str, field: str, boost: str, what: str) -> None:
    """Stop the build when mkdocs.yml does not declare the field: Lunr would not index it."""
    if field not in (search_plugin_config(config, part).get("fields") or {}):
        raise PluginError(
            f"{part}: add `fields: {{{field}: {{boost: {boost}}}}}` "
            f"to the search plugin in mkdocs.yml, or Lunr will not index the {what}"
        )


def shape_problem(index: Any, field: str) -> str:
    """What in the index is not the shape the parts rewrite ("" if it all is)."""
    if (
        not isinstance(index, dict)
        or not isinstance(index.get("config"), dict)
        or not isinstance(index.get("docs"), list)
    ):
        return 'it is not {"config": {...}, "docs": [...]}'
    config = index["config"]
    if not isinstance(config.get("separator"), str):
        return "its config has no separator"
    if not isinstance(config.get("fields"), dict) or field not in config["fields"]:
        return f"its config's fields do not list {field!r}"
    for doc in index["docs"]:
        if not isinstance(doc, dict) or not all(isinstance(doc.get(key), str) for key in ("location", "title", "text")):
            return f"an entry is not {{location, title, text}}: {str(doc)[:80]}"
    return ""


def read_index(site_dir: str, part: str, field: str) -> tuple[Path, SearchIndex]:
    """The index the search plugin wrote for this build, checked (the build stops if it is not there)."""
    path = Path(site_dir) / INDEX
    try:
        index: SearchIndex = json.loads(path.read_text(encoding="utf-8"))  # its shape is checked below
    except FileNotFoundError:
        raise PluginError(
            f"{part}: the search plugin wrote no {INDEX} before this part ran, so the {field} "
            f"cannot be added. Fix: {FIX}"
        ) from None
    except ValueError as error:
        raise PluginError(f"{part}: {INDEX} is not JSON ({error}). Fix: {FIX}") from None
    if problem := shape_problem(index, field):
        raise PluginError(f"{part}: {INDEX} is not the shape this part rewrites: {problem}. Fix: {FIX}")
    return path, index


def write_index(path: Path, index: SearchIndex) -> None:
    """As Material writes it: compact JSON."""
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
