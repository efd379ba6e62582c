"""What the tests share besides fixtures (those are in conftest.py): the project's paths, copies
and builds of it, text edits that fail when the text they edit is not there, the guide's dates
as mkdocs.yml gives them, and the PDFs' names and text.

Test modules import from here, never from conftest or from one another.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date
from dateutil.relativedelta import relativedelta
from pypdf import PdfReader

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"

# --- the project, copied and built ------------------------------------------------------------

PROJECT_PARTS = ["mkdocs.yml", "CHANGELOG.md", "docs", "overrides", "scripts", "clinics"]


def copy_project(target: Path) -> Path:
    """A throwaway copy of everything a build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    for clinic in ROOT.glob("mkdocs.*.yml"):  # clinics and language overlays
        shutil.copy2(clinic, target / clinic.name)
    return target


def mkdocs_build(project: Path, out: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(out)],
        capture_output=True,
        text=True,
        cwd=project,
    )


def full_build(project: Path, site: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """`make build`'s command: every edition, the PDFs, and the hosts' configs."""
    return subprocess.run(
        [
            sys.executable,
            str(project / "scripts" / "build.py"),
            "--config",
            str(project / config),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=project,
    )


# A clinic in the UK (conftest's uk_clinic_site builds it): its emergency number where the guide
# says 911, and A4 paper, one setting.
UK_CLINIC = (
    "INHERIT: mkdocs.yml\nextra:\n  clinic:\n    name: Example Spine Clinic\n    region: GB\n"
    '    phone: 020 7946 0018\n    instructions:\n      emergency_number: "999"\n  print:\n    paper: A4\n'
)


def litter(project: Path) -> list[str]:
    """What a build may leave in the project's folder: its site and its temporary folders."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site", ".mkdocs", "site")))


# --- edits that fail for the right reason -------------------------------------------------------


def replace_once(text: str, old: str, new: str) -> str:
    """`text` with `old`, which must be there exactly once, replaced by `new`: an edit that finds
    nothing to edit fails here, not later for another reason."""
    count = text.count(old)
    assert count == 1, f"the text to replace is there {count} times, not once: {old!r}"
    return text.replace(old, new)


def replace_every(text: str, old: str, new: str) -> str:
    """`text` with every `old`, which must be there at least once, replaced by `new`."""
    assert old in text, f"the text to replace is not there: {old!r}"
    return text.replace(old, new)


def sub_once(pattern: str, new: str, text: str, flags: int = 0) -> str:
    """`text` with the one match of `pattern` (a regex) replaced by `new` (re.sub's replacement)."""
    count = len(re.findall(pattern, text, flags))
    assert count == 1, f"the pattern matches {count} times, not once: {pattern!r}"
    return re.sub(pattern, new, text, count=1, flags=flags)


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace `old`, there exactly once, in the file."""
    path.write_text(replace_once(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


# --- the guide's dates, as mkdocs.yml says them -------------------------------------------------


def guide_review_settings() -> tuple[dt.date, int]:
    """When the guide was last checked, and the months between its reviews, as mkdocs.yml says:
    a routine review (a new guide_reviewed) changes no test."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    reviewed = re.search(r"^  guide_reviewed: (\S+)", config, re.M)
    cycle = re.search(r"^  review_every_months: (\d+)", config, re.M)
    assert reviewed and cycle, "mkdocs.yml: extra.guide_reviewed or extra.review_every_months is not there"
    return dt.date.fromisoformat(reviewed[1]), int(cycle[1])


def long_date(value: dt.date, lang: str) -> str:
    return format_date(value, format="long", locale=lang)


REVIEWED, REVIEW_MONTHS = guide_review_settings()
REVIEW_DUE = REVIEWED + relativedelta(months=REVIEW_MONTHS)
REVIEWED_WORDS = {"en": "Reviewed {}", "es": "Revisada el {}"}

# --- the PDFs ----------------------------------------------------------------------------------

# The example clinic's name and phones (mkdocs.example-clinic.yml), as the build prints them.
EXAMPLE = {"name": "Maple Hollow Spine Clinic (example)", "phone": "(412) 555-0142", "after_hours": "(412) 555-0199"}


@dataclass
class Edition:
    lang: str
    folder: str  # inside the site
    guide: str
    handouts: dict[str, str]  # PDF -> page ID
    title_word: str
    page_of: str  # "Page {page} of {pages}"
    reviewed: str
    write_in: str  # the blank line for a phone number, with no clinic set
    details: tuple[str, str]  # a details block's summary and a word inside it


EDITIONS = {
    "en": Edition(
        "en",
        "pdf",
        "vertebroplasty-guide.pdf",
        {
            "vertebroplasty-before.pdf": "before",
            "vertebroplasty-during.pdf": "during",
            "vertebroplasty-recovery.pdf": "recovery",
            "vertebroplasty-faq.pdf": "faq",
        },
        "Vertebroplasty",
        "Page {page} of {pages}",
        REVIEWED_WORDS["en"].format(long_date(REVIEWED, "en")),
        "Your care team's phone",
        ("Where does the word come from?", "mending a bone of the spine"),
    ),
    "es": Edition(
        "es",
        "es/pdf",
        "vertebroplastia-guia.pdf",
        {
            "vertebroplastia-antes.pdf": "before",
            "vertebroplastia-durante.pdf": "during",
            "vertebroplastia-recuperacion.pdf": "recovery",
            "vertebroplastia-preguntas.pdf": "faq",
        },
        "Vertebroplastia",
        "Página {page} de {pages}",
        REVIEWED_WORDS["es"].format(long_date(REVIEWED, "es")),
        "Teléfono de su equipo médico",
        ("¿De dónde viene la palabra?", "arreglar un hueso de la columna"),
    ),
}
PDFS = [(e.lang, name) for e in EDITIONS.values() for name in [e.guide, *e.handouts]]
HANDOUTS = [(e.lang, name, page) for e in EDITIONS.values() for name, page in e.handouts.items()]


def pdf_path(site: Path, lang: str, name: str) -> Path:
    return site / EDITIONS[lang].folder / name


def pages_text(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(pdf)).pages]


def example_config(lang: str) -> MkDocsConfig:
    """The example clinic's config in one language, as the build sees it (through the plugins:
    the guide's edition from the changelog, the clinic's dates written in that language)."""
    import os

    from mkdocs.config import load_config

    from guidekit.editions import base_config_env, editions_for

    clinic_file = ROOT / "mkdocs.example-clinic.yml"
    edition = next(e for e in editions_for(clinic_file) if e.lang == lang)
    saved = dict(os.environ)
    os.environ.update(base_config_env(clinic_file))
    try:
        config = load_config(str(edition.config))
        return config.plugins.on_config(config)
    finally:
        os.environ.clear()
        os.environ.update(saved)


# --- a page's and a handout's words, as a reader reads them -------------------------------------

TAG = re.compile(r"<[^>]+>")
SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def words(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").split())


def article_text(site: Path, lang: str, page: str) -> str:
    """The words of a built page's article (its drawings left out), as a reader reads them."""
    folder = site if lang == "en" else site / lang
    source = SVG.sub("", (folder / ("index.html" if page == "overview" else f"{page}.html")).read_text("utf-8"))
    main = source[source.index("<article") : source.index("</article>")]
    return words(html.unescape(TAG.sub(" ", main))).replace(" .", ".").replace(" ,", ",").replace(" :", ":")


def handout_text(site: Path, lang: str, page: str) -> str:
    """The words of a page's handout, every page of it."""
    name = next(name for name, phase in EDITIONS[lang].handouts.items() if phase == page)
    return words(" ".join(pages_text(pdf_path(site, lang, name))))


# Each large-print handout, by language, with the standard handout it enlarges.
LARGE_PRINT = {
    "en": {
        "pdf/vertebroplasty-before-large-print.pdf": "pdf/vertebroplasty-before.pdf",
        "pdf/vertebroplasty-during-large-print.pdf": "pdf/vertebroplasty-during.pdf",
        "pdf/vertebroplasty-recovery-large-print.pdf": "pdf/vertebroplasty-recovery.pdf",
        "pdf/vertebroplasty-faq-large-print.pdf": "pdf/vertebroplasty-faq.pdf",
    },
    "es": {
        "es/pdf/vertebroplastia-antes-letra-grande.pdf": "es/pdf/vertebroplastia-antes.pdf",
        "es/pdf/vertebroplastia-durante-letra-grande.pdf": "es/pdf/vertebroplastia-durante.pdf",
        "es/pdf/vertebroplastia-recuperacion-letra-grande.pdf": "es/pdf/vertebroplastia-recuperacion.pdf",
        "es/pdf/vertebroplastia-preguntas-letra-grande.pdf": "es/pdf/vertebroplastia-preguntas.pdf",
    },
}
