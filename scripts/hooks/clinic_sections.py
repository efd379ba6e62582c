"""MkDocs hook: add a clinic's own sections to their pages (see guidekit/clinic_sections.py).

Checked when the build starts, so a bad section stops it before anything is
written; added at the Markdown stage, before the content check, which then
reads each page as the patient sees it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guidekit.clinic_sections import SectionError, checked_section, section_files
from guidekit.manifest import ManifestError, load_manifest
from guidekit.markdown_text import parse_page
from guidekit.readability import as_sentences, reading_scores

SCRIPTS = Path(__file__).resolve().parent.parent
MANIFEST = SCRIPTS / "required_content.yml"
ROOT = SCRIPTS.parent
MARKER = "<!-- clinic-sections -->"


def on_config(config):
    clinic = config.extra.get("clinic")
    if not clinic or not clinic.get("sections"):
        return config
    lang = config.theme["language"]
    try:
        manifest = load_manifest(MANIFEST)
    except ManifestError as error:
        raise PluginError(f"content manifest: {error}") from None
    language = manifest.languages[lang]

    def readable(text: str) -> str:
        score = reading_scores({"s": as_sentences(parse_page(text, "section").prose())}, language.formula)["s"]
        return "" if language.reads_easily(score) else f"{score} {language.formula}, {language.limit_text()}"

    folder = Path(clinic["sections"])
    where = f"{config.config_file_path}: extra.clinic.sections"
    if not folder.resolve().is_relative_to(ROOT.resolve()):
        raise PluginError(
            f"clinic configuration: {where}: {folder} is outside the repository. "
            "Fix: keep the clinic's sections in its folder inside the repository"
        )
    specs = {spec.file: spec for spec in manifest.pages.values()}
    try:
        files = section_files(folder.resolve(), list(specs), list(manifest.languages))[lang]
        clinic["sections_text"] = {
            name: checked_section(path, specs[name].sections[lang], readable) for name, path in files.items()
        }
    except SectionError as error:
        raise PluginError(f"clinic section ({where}): {error}") from None
    return config


def on_page_markdown(markdown, page, config, files):
    clinic = config.extra.get("clinic") or {}
    section = clinic.get("sections_text", {}).get(page.file.src_uri)
    if section is None:
        return markdown
    if MARKER not in markdown:
        raise PluginError(
            f"{page.file.src_uri}: has no {MARKER} line for the clinic's section. "
            "Fix: add it where clinic sections go (before the summary)"
        )
    return markdown.replace(MARKER, section, 1)
