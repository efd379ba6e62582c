"""The "when to call" card: one page for the fridge, in each language, neutral or for a clinic.

It carries the 911 signs and the care team's signs, the numbers to call in large type (lines to
write them in when no clinic is set), the emergency number the clinic sets, and the QR code of
the Recovery page online. It is not a page of the site (no nav, no search, nothing to keep in the
content manifest): the build renders `overrides/print/card.html` with the signs from the shared
text (docs/includes/warning-signs*.md, put in by pymdown's own snippet code as on every page, the
emergency number replaced as the build replaces it), prints it with Chromium, and checks the PDF
for every fact the shared text carries (scripts/build.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
from markupsafe import Markup

from .content_report import fact_matches
from .handouts import page_html
from .manifest import Fact, Manifest
from .markdown_text import parse_page
from .qr_code import Online, online, page_address
from .shared_text import INCLUDES, expand

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .clinic import Clinic

SECTIONS = ("emergency", "care-team")  # the shared text's sections, in the card's order
EMERGENCY = re.compile(r"\b911\b")  # the guide's own number, as the plugin's instructions part replaces it
TEMPLATE = "print/card.html"
CARD_FIX = "shorten the clinic's name or department, or the card's words (card_* in extra.ui)"


@dataclass(frozen=True)
class Contact:
    """What the card says of the clinic: the one place it reads the clinic's settings (the typed
    guidekit.clinic.Clinic in extra.clinic, as the templates read it). None: the neutral card."""

    name: str
    department: str
    phone: str
    after_hours_phone: str
    logo: str  # inside the built site, or ""
    online: Online | None  # the edition's address and code (the plugin's qr_code part), or None


def contact(config: MkDocsConfig) -> Contact | None:
    clinic: Clinic | None = config.extra.get("clinic")
    if not clinic:
        return None
    return Contact(
        clinic.name,
        clinic.department or "",
        clinic.phone,
        clinic.after_hours_phone or "",
        clinic.logo or "",
        clinic.online,
    )


def signs_markdown(docs_dir: Path, signs_file: str, section: str, number: str) -> str:
    """One section of the shared warning signs, as the build puts it into a page."""
    text = expand(f'--8<-- "{signs_file}:{section}"', [docs_dir / INCLUDES], f"{signs_file}:{section}").text
    return EMERGENCY.sub(number, text) if number != "911" else text


def signs_html(docs_dir: Path, signs_file: str, section: str, number: str) -> Markup:
    """The signs as the list the pages show (the shared text is the guide's own, not a clinic's)."""
    return Markup(markdown.markdown(signs_markdown(docs_dir, signs_file, section, number)))


def signs_file(manifest: Manifest, lang: str) -> str:
    assert manifest.warning_signs is not None, "the manifest names no shared warning signs"
    return manifest.warning_signs.file[lang]


def card_html(config: MkDocsConfig, manifest: Manifest, lang: str) -> str:
    """The card's page for one edition: `config` has been through the plugins' on_config; the
    shared warning signs are the manifest's (warning_signs.file), in `lang`."""
    docs_dir, signs = manifest.docs_dir, signs_file(manifest, lang)
    extra = config.extra
    card, number = extra["print"]["card"], str(extra["emergency_number"])
    clinic = contact(config)
    code = None
    if clinic and clinic.online:
        code = online(page_address(clinic.online["address"], page_html(card["page"])))
    template = config.theme.get_env().get_template(TEMPLATE)
    return template.render(
        config=config,
        ui=extra["ui"],
        lang=config.theme["language"],
        clinic=clinic,
        number=number,
        emergency=signs_html(docs_dir, signs, "emergency", number),
        care_team=signs_html(docs_dir, signs, "care-team", number),
        code=code,
    )


def sign_facts(manifest: Manifest, lang: str) -> list[Fact]:
    """The facts the shared warning signs carry by themselves (each one's words in one sign or
    list of them), in `lang`: every one of them must be on the card."""
    signs = signs_file(manifest, lang)
    text = "\n\n".join(
        signs_markdown(manifest.docs_dir, signs, section, manifest.emergency_number) for section in SECTIONS
    )
    units = parse_page(text, signs).units
    return [fact for fact in manifest.facts if lang in fact.together and fact_matches(fact, lang, units, False)]


def card_problems(manifest: Manifest, pdf: Path, lang: str) -> list[str]:
    """What the printed card lacks: a page of its own, and every fact of the warning signs."""
    import pypdfium2

    from .pdf_text import PDFIUM, pdf_units

    with PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        pages = len(document)
        document.close()
    problems = [] if pages == 1 else [f"has {pages} pages; the card must fit on one. Fix: {CARD_FIX}"]
    units = pdf_units(pdf, footer_mm=0)
    for fact in sign_facts(manifest, lang):
        if not fact_matches(fact, lang, units, False):
            problems.append(f"is missing fact {fact.id}: {fact.text}")
    return problems
