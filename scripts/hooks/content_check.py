"""MkDocs hook: refuse to build a guide that is missing required content.

Runs the same check as scripts/check_content.py, on each page as this build
made it (a clinic's instructions and sections in), after every page is made
and before any is written, so `mkdocs build` and `mkdocs serve` never show a
guide with a fact missing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from guidekit.content_report import check
from guidekit.manifest import ManifestError, load_manifest
from guidekit.markdown_text import FRONT_MATTER

SCRIPTS = Path(__file__).resolve().parent.parent

log = logging.getLogger("mkdocs.hooks.content_check")
MANIFEST = SCRIPTS / "required_content.yml"


def manifest_for(config):
    """The manifest, with this build's pages folder and emergency number (911 unless set)."""
    try:
        manifest = load_manifest(MANIFEST, str(config.extra.get("emergency_number", "911")))
        lang = config.theme["language"]
        if lang not in manifest.languages:
            raise ManifestError(
                MANIFEST,
                "languages",
                lang,
                "this build's theme.language has no entry",
                "add the language to the manifest",
            )
    except ManifestError as error:
        raise PluginError(f"content manifest: {error}") from None
    manifest.languages[lang].path = Path(config["docs_dir"])
    return manifest, lang


# Each page as the patient sees it: after the clinic's instructions and sections are in.
built_pages: dict[str, str] = {}


def on_pre_build(config) -> None:
    manifest_for(config)  # a broken manifest stops the build before any page is read
    built_pages.clear()


def on_page_markdown(markdown, page, config, files):
    front = FRONT_MATTER.match(page.file.content_string)
    # The front matter back on top (the check reads `reviewed:`), so lines keep their numbers.
    built_pages[page.file.src_uri] = (front.group(0) if front else "") + markdown
    return markdown


def on_env(env, config, files):
    """After every page is made and before any is written: the check runs on what the build made."""
    manifest, lang = manifest_for(config)
    try:
        findings = check(manifest, [lang], built_pages)
    except ManifestError as error:
        raise PluginError(f"content manifest: {error}") from None
    failed = [f for f in findings if not f.ok]
    if failed:
        lines = "\n".join(f"  {f.kind} {f.id} ({f.file}): {f.detail}" for f in failed)
        raise PluginError(
            f"content check failed, {len(failed)} item(s) missing or failing:\n{lines}\n"
            "Run scripts/check_content.py for the full report."
        )
    log.info("content check (%s): all %d required items present", lang, len(findings))
    return env


def on_files(files, config):
    """Every published page is one the check covers: a page outside the manifest
    would reach readers with neither its facts nor its reading level checked."""
    try:
        checked = {spec.file for spec in load_manifest(MANIFEST).pages.values()}
    except ManifestError as error:
        raise PluginError(f"content manifest: {error}") from None
    unchecked = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in checked)
    if unchecked:
        docs = Path(config["docs_dir"])
        raise PluginError(
            f"{', '.join(str(docs / uri) for uri in unchecked)}: would be published without the content and "
            f"reading checks. Fix: add it under pages: in {MANIFEST} (its file and sections in every language), "
            "or list it under exclude_docs: in mkdocs.yml"
        )
    return files
