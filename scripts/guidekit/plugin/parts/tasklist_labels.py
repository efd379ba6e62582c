"""Name each checklist box after its item.

pymdownx.tasklist writes `<li class="task-list-item"><input type="checkbox"
disabled/> Text</li>`: the box has no label, so a screen reader announces an
unnamed checkbox (axe rule `label`). Wrapping the box and the item's words in
one <label> names it and changes nothing a reader sees.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guidekit.plugin.part import Part

ITEM = re.compile(r'(<li class="task-list-item">)(<input type="checkbox"[^>]*>)(.*?)(?=</li>|<ul|<ol)', re.S)


class TasklistLabels(Part):
    def on_page_content(self, content: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return ITEM.sub(r"\1<label>\2\3</label>", content)
