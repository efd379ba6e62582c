"""The guide's editions: the base config (English, or a clinic's file) and one
overlay config per other language (mkdocs.es.yml), applied on top of it."""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OVERLAY = re.compile(r"^mkdocs\.([a-z]{2})\.yml$")
INHERIT = re.compile(r"^INHERIT:.*$", re.M)


@dataclass
class Edition:
    lang: str
    config: Path
    subdir: str  # where it goes inside the site: "" or "es"


def overlays() -> dict[str, Path]:
    return {m.group(1): path for path in sorted(ROOT.glob("mkdocs.??.yml")) if (m := OVERLAY.match(path.name))}


@contextmanager
def editions_for(config: Path, base_lang: str = "en"):
    """Yield the editions to build from `config`. For a clinic's config, each
    overlay is written next to it with its INHERIT pointed at that config, and
    removed afterwards, so the clinic's details stay in one file."""
    config = config.resolve()
    made: list[Path] = []
    editions = [Edition(base_lang, config, "")]
    try:
        for lang, overlay in overlays().items():
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
