"""A clinic's sign-off: which edition of the guide its clinical reviewer approved.

The guide's edition is the newest release heading in CHANGELOG.md (read by
the guide plugin's dates part into `extra.guide_edition`); a clinic states the edition
its reviewer approved in `extra.clinic.approved_edition`. When the guide is
newer, the text the clinic approved is not the text it hands out: the build
warns (fails with --fail-if-review-due), and the About page, the print cover
and the PDF footer say so in plain words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clinic import Clinic

# An edition number: three whole numbers with dots, as in the changelog's "## [2.1.0] - 2026-11-27".
EDITION_FORM = r"\d+\.\d+\.\d+"
EDITION = re.compile(rf"^{EDITION_FORM}$")
# Characters Markdown (and its extensions: emoji, attribute lists, marks) would act on.
MARKDOWN_ACTIVE = re.compile(r"[\\`*_{}\[\]()<>#+!|~^=:&\"']")

SAME, EARLIER, NEWER, UNNAMED = "same", "earlier", "newer", "unnamed"


def edition_key(edition: str) -> tuple[int, ...]:
    """An edition number in the order editions come in: 2.10.0 after 2.9.0."""
    return tuple(int(part) for part in edition.split("."))


def approval(clinic: Clinic | None, guide_edition: str) -> str:
    """How the clinic's approval stands against the guide's edition: SAME, EARLIER (the clinic
    approved an older edition), NEWER (it names an edition this guide has not reached),
    UNNAMED (a review that names no edition), or "" with no clinical review at all."""
    if not clinic or not clinic.reviewed_by:
        return ""
    approved = clinic.approved_edition
    if not approved:
        return UNNAMED
    ours, theirs = edition_key(guide_edition), edition_key(approved)
    return SAME if ours == theirs else EARLIER if theirs < ours else NEWER


def problem(clinic: Clinic | None, guide_edition: str) -> str:
    """The sign-off as a build message (warning, or error with --fail-if-review-due), or ""."""
    state = approval(clinic, guide_edition)
    if state == EARLIER:
        assert clinic
        return (
            f"the guide is edition {guide_edition}, but the clinic's reviewer approved edition "
            f"{clinic.approved_edition} (extra.clinic.approved_edition). Fix: have the reviewer check "
            f"edition {guide_edition} (CHANGELOG.md says what changed), then set approved_edition: "
            f"{guide_edition} and update reviewed_on"
        )
    if state == UNNAMED:
        return (
            f"the clinic's review (extra.clinic.reviewed_by) names no edition, so nothing shows that "
            f"it covers edition {guide_edition}. Fix: have the reviewer confirm edition {guide_edition}, "
            f"then add approved_edition: {guide_edition} beside reviewed_on"
        )
    return ""


def newer_than_guide(config_file: str, clinic: Clinic | None, guide_edition: str) -> str:
    """An approval of an edition this guide has not reached (a typing mistake, or the wrong copy
    of the guide), as one error line naming the file, the field and the fix; or ""."""
    if approval(clinic, guide_edition) != NEWER:
        return ""
    assert clinic
    return (
        f"{config_file}: extra.clinic.approved_edition: {clinic.approved_edition} is newer than this "
        f"guide's edition, {guide_edition} (the newest release in CHANGELOG.md). Fix: give the edition "
        "the reviewer approved, as its About page showed it"
    )


def as_literal_text(text: str) -> str:
    """A clinic's words exactly as written in Markdown: each character Markdown would act on
    (HTML's among them) becomes an entity. The same rule as the plugin's instructions part."""
    return MARKDOWN_ACTIVE.sub(lambda m: f"&#{ord(m.group(0))};", text)


def about_sentence(ui: Mapping[str, str], clinic: Clinic | None, guide_edition: str) -> str:
    """The clinic's review for the About page, as Markdown (its values literal), or ""."""
    state = approval(clinic, guide_edition)
    if state in ("", NEWER):
        return ""
    assert clinic
    values = {
        "reviewer": as_literal_text(clinic.reviewed_by or ""),
        "clinic": as_literal_text(clinic.name),
        "date": as_literal_text(clinic.reviewed_on_text or ""),
        "approved": clinic.approved_edition or "",
    }

    def words(key: str) -> str:  # the edition's own words, escaped too: Markdown passes HTML through
        return html.escape(ui[key], quote=False).format(**values)

    if state == SAME:
        return words("clinic_checked")
    if state == UNNAMED:
        return words("clinic_checked_no_edition")
    return f"**{words('clinic_not_yet')}** {words('clinic_checked_earlier')}"


def footer_note(ui: Mapping[str, str], clinic: Clinic | None, guide_edition: str) -> str:
    """The clinic's approval in the PDF footer, short (the footer has one line for the clinic), or ""."""
    state = approval(clinic, guide_edition)
    if state == SAME:
        assert clinic
        return ui["footer_clinic_checked"].format(approved=clinic.approved_edition)
    if state == EARLIER:
        assert clinic
        return ui["footer_clinic_earlier"].format(approved=clinic.approved_edition)
    return ""
