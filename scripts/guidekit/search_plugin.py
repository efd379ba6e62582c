"""Material's search plugin, as the hooks that add fields to its index find it."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


def search_plugin(config, hook: str):
    """The search plugin that holds this build's index (Material's, or MkDocs' own)."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            return plugin
    raise PluginError(f"{hook} hook: Material's search plugin is not enabled")


def require_field(config, hook: str, field: str, boost: str, what: str) -> None:
    """Stop the build when mkdocs.yml does not declare the field: Lunr would not index it."""
    if field not in search_plugin(config, hook).config.fields:
        raise PluginError(
            f"{hook} hook: add `fields: {{{field}: {{boost: {boost}}}}}` "
            f"to the search plugin in mkdocs.yml, or Lunr will not index the {what}"
        )
