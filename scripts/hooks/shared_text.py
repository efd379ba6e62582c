"""MkDocs hook: put the shared texts (the warning signs, written once) into each page's Markdown.

Runs before the clinic's instructions and emergency number, its sections and the content
check, so each of them reads the signs as the patient sees them (guidekit/shared_text.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guidekit.shared_text import SharedTextError, expand


def base_paths(config) -> list[Path]:
    """The folders pymdownx.snippets reads, as mkdocs.yml configures them."""
    paths = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])
    root = Path(config.config_file_path).parent
    return [root / p for p in ([paths] if isinstance(paths, str) else paths)]


def on_page_markdown(markdown, page, config, files):
    try:
        return expand(markdown, base_paths(config), page.file.src_uri).text
    except SharedTextError as error:
        raise PluginError(str(error)) from None
