"""The search index Material's search plugin writes, as the hooks that add fields to it read and rewrite it.

Only public points of Material's search plugin are used: its config (`fields`, in mkdocs.yml) and
the file it writes in its `on_post_build` (priority 0), `search/search_index.json`. The hooks
(search_keywords.py, search_spellings.py) rewrite that file in their own `on_post_build`, at
REWRITE_PRIORITY and below: after the search plugin has written it, before the offline plugin
copies it into `search_index.js` (priority -100). A file that is not there, or not of the shape
below (the `SearchIndex` that Material's search worker reads; tests/test_theme_drift.py checks
that shape against the installed worker), stops the build: nothing is added silently.
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
# Material's search plugin writes the index at priority 0; the offline plugin copies it at -100.
REWRITE_PRIORITY = -50


class SearchIndex(TypedDict):
    """The index as the hooks read it (shape_problem checks it): Lunr's settings, with at least
    `separator` (a regex) and `fields` (those Lunr indexes), and one entry a page and a section,
    with at least `location`, `title` and `text` (strings), and the fields the hooks add."""

    config: dict[str, Any]
    docs: list[dict[str, Any]]


FIX = 'see README.md, "Updating Material or print-site", and rewrite the hook for how Material now writes its index'


def search_plugin_config(config: MkDocsConfig, hook: str) -> Config:
    """The search plugin's own config (Material's, or MkDocs' own)."""
    for name in SEARCH_PLUGINS:
        plugin: BasePlugin[Config] | None = config.plugins.get(name)
        if plugin is not None:
            return plugin.config
    raise PluginError(f"{hook} hook: Material's search plugin is not enabled")


def require_field(config: MkDocsConfig, hook: str, field: str, boost: str, what: str) -> None:
    """Stop the build when mkdocs.yml does not declare the field: Lunr would not index it."""
    if field not in (search_plugin_config(config, hook).get("fields") or {}):
        raise PluginError(
            f"{hook} hook: add `fields: {{{field}: {{boost: {boost}}}}}` "
            f"to the search plugin in mkdocs.yml, or Lunr will not index the {what}"
        )


def shape_problem(index: Any, field: str) -> str:
    """What in the index is not the shape the hooks rewrite ("" if it all is)."""
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


def read_index(config: MkDocsConfig, hook: str, field: str) -> tuple[Path, SearchIndex]:
    """The index the search plugin wrote for this build, checked (the build stops if it is not there)."""
    path = Path(config.site_dir) / INDEX
    try:
        index: SearchIndex = json.loads(path.read_text(encoding="utf-8"))  # its shape is checked below
    except FileNotFoundError:
        raise PluginError(
            f"{hook} hook: the search plugin wrote no {INDEX} before this hook ran, so the {field} "
            f"cannot be added. Fix: {FIX}"
        ) from None
    except ValueError as error:
        raise PluginError(f"{hook} hook: {INDEX} is not JSON ({error}). Fix: {FIX}") from None
    if problem := shape_problem(index, field):
        raise PluginError(f"{hook} hook: {INDEX} is not the shape this hook rewrites: {problem}. Fix: {FIX}")
    return path, index


def write_index(path: Path, index: SearchIndex) -> None:
    """As Material writes it: compact JSON."""
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
