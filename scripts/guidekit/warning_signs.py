"""One rule for each warning sign, written once: every list of signs is the shared text.

A patient who finds a sign in two lists with two actions (call 911, call the care team)
can pick the slower one. So each sign is written once per language, in the sections of
`docs/includes/warning-signs.md` (emergency, care-team), and every page puts it in with
a snippet. This check reads each page as built and fails when a list item names a sign
(the manifest's `words`) but is not, word for word, one of the shared items, or when a
shared item stands under another action than its section's (the lead-in before it, such
as "Call your care team ... if you have any of these:", names the action).
"""

from __future__ import annotations

from dataclasses import dataclass

from .manifest import EMERGENCY, Manifest
from .markdown_text import Page, Unit, parse_page
from .shared_text import INCLUDES, expand


@dataclass(frozen=True)
class Problem:
    line: int  # in the page with its shared texts put in
    text: str
    why: str


def shared_items(manifest: Manifest, lang: str) -> dict[str, str]:
    """Each shared sign's words -> the section (the action) it is written under."""
    signs = manifest.warning_signs
    assert signs is not None
    items: dict[str, str] = {}
    for section in signs.actions:
        snippet = f'--8<-- "{signs.file[lang]}:{section}"'
        text = expand(snippet, [manifest.docs_dir / INCLUDES], f"manifest warning_signs.file.{lang}").text
        text = EMERGENCY.sub(manifest.emergency_number, text)  # as the build writes it
        for unit in parse_page(text, signs.file[lang]).units:
            if unit.kind == "item":
                items[unit.text] = section
    return items


def action_of(manifest: Manifest, lang: str, unit: Unit) -> str | None:
    """The action a lead-in names: the first section whose pattern it matches."""
    assert manifest.warning_signs is not None
    for section, patterns in manifest.warning_signs.actions.items():
        if patterns[lang].search(unit.text):
            return section
    return None


def problems(manifest: Manifest, lang: str, page: Page) -> list[Problem]:
    """Sign items on the page that are not the shared text, or not under their own action."""
    signs = manifest.warning_signs
    if signs is None:
        return []
    shared = shared_items(manifest, lang)
    found: list[Problem] = []
    action: str | None = None  # what the nearest lead-in above says to do
    for unit in page.units:
        if unit.kind == "heading":
            action = None
            continue
        if unit.kind == "list":
            continue
        names_sign = bool(signs.words[lang].search(unit.text))
        if unit.text in shared:
            if shared[unit.text] != action:
                listed = action or "no action"
                found.append(Problem(unit.line, unit.text, f"is a {shared[unit.text]} sign, listed under {listed}"))
            continue
        # A sign in a list under an action, or in a sentence that names an action itself.
        if names_sign and ((unit.kind == "item" and action is not None) or action_of(manifest, lang, unit)):
            found.append(Problem(unit.line, unit.text, "names a warning sign in words of its own"))
            continue
        if (lead := action_of(manifest, lang, unit)) is not None:
            action = lead
    return found
