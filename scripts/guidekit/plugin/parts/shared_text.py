"""Put the shared texts (the warning signs, written once) into each page's Markdown.

Runs before the clinic's instructions and emergency number, its sections and the content
check, so each of them reads the signs as the patient sees them (guidekit/shared_text.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.plugin.part import Part
from guidekit.shared_text import SharedTextError, expand


def snippet_folders(config: MkDocsConfig) -> list[Path]:
    """The folders pymdownx.snippets reads, as mkdocs.yml configures them."""
    paths = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])
    root = Path(config.config_file_path).parent
    return [root / p for p in ([paths] if isinstance(paths, str) else paths)]


class SharedText(Part):
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        try:
            return expand(markdown, snippet_folders(config), page.file.src_uri).text
        except SharedTextError as error:
            raise PluginError(str(error)) from None
