"""MkDocs hook: name each checklist box after its item.

pymdownx.tasklist writes `<li class="task-list-item"><input type="checkbox"
disabled/> Text</li>`: the box has no label, so a screen reader announces an
unnamed checkbox (axe rule `label`). Wrapping the box and the item's words in
one <label> names it and changes nothing a reader sees.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

ITEM = re.compile(r'(<li class="task-list-item">)(<input type="checkbox"[^>]*>)(.*?)(?=</li>|<ul|<ol)', re.S)


@event_priority(50)  # before print-site copies the page into print_page.html
def on_page_content(html, page, config, files):
    return ITEM.sub(r"\1<label>\2\3</label>", html)
