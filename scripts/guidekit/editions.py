"""The guide's editions: the base config (English, or a clinic's file) and one
overlay config per other language (mkdocs.es.yml), applied on top of it."""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
MANIFEST = ROOT / "scripts" / "required_content.yml"
INHERIT = re.compile(r"^INHERIT:.*$", re.M)


class EditionError(Exception):
    pass


@dataclass
class Edition:
    lang: str
    config: Path
    subdir: str  # where it goes inside the site: "" or "es"


def overlays(base_lang: str = "en") -> dict[str, Path]:
    """mkdocs.<lang>.yml for each other language of the guide. The languages are the
    manifest's, so a clinic's file named like one (mkdocs.ny.yml) is not taken for one."""
    try:
        languages = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["languages"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise EditionError(f"{MANIFEST}: languages: cannot be read ({error}). "
                           "Fix: list the guide's languages under languages:") from None
    found = {}
    for lang in sorted(languages):
        overlay = ROOT / f"mkdocs.{lang}.yml"
        if lang != base_lang and not overlay.is_file():
            raise EditionError(f"{MANIFEST}: languages: {lang} has no edition config {overlay.name}. "
                               f"Fix: add {overlay.name} (like mkdocs.es.yml) or remove the language")
        if lang != base_lang:
            found[lang] = overlay
    return found


@contextmanager
def editions_for(config: Path, base_lang: str = "en"):
    """Yield the editions to build from `config`. For a clinic's config, each
    overlay is written next to it with its INHERIT pointed at that config, and
    removed afterwards, so the clinic's details stay in one file."""
    config = config.resolve()
    made: list[Path] = []
    editions = [Edition(base_lang, config, "")]
    languages = overlays(base_lang)  # before anything is written
    try:
        for lang, overlay in languages.items():
            if config == (ROOT / "mkdocs.yml").resolve():
                editions.append(Edition(lang, overlay, lang))
                continue
            derived = config.with_name(f".{config.stem}.{lang}.yml")
            text = overlay.read_text(encoding="utf-8")
            derived.write_text(INHERIT.sub(f"INHERIT: {config.name}", text, count=1), encoding="utf-8")
            made.append(derived)
            editions.append(Edition(lang, derived, lang))
        yield editions
    finally:
        for path in made:
            path.unlink(missing_ok=True)
