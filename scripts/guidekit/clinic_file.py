"""A clinic's one file (`mkdocs.myclinic.yml`): read as data, held to what a clinic may set.

A clinic's file builds on the guide's own config (`INHERIT: mkdocs.yml`) and sets its
details under `extra.clinic` (guidekit.clinic: the fields and their checks) and its paper
under `extra.print.paper`. That is all it may set: the rest (nav, hooks, plugins, theme,
scripts, styles, analytics, Markdown extensions, the site's address) belongs to the guide,
where a change could add a script to every page or switch off the guide's checks.

The file is read here, with a loader that runs nothing (guidekit.yaml_data), before MkDocs
reads it; every problem in it is reported at once, one line each, naming the file.
The editions in other languages (mkdocs.es.yml) build on the clinic's file through
GUIDE_BASE_CONFIG; their problems, too, name the clinic's file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .clinic import Clinic, ClinicError, clinic_problems, readable_for
from .manifest import Manifest
from .problems import FieldError
from .yaml_data import read_data

GUIDE_CONFIG = "mkdocs.yml"
EXAMPLE = "mkdocs.example-clinic.yml"
BASE_CONFIG = "GUIDE_BASE_CONFIG"  # the variable each language overlay's INHERIT reads (guidekit.editions)
PAPERS = ("Letter", "A4")
ONLY = "a clinic's file sets only INHERIT: mkdocs.yml, extra.clinic and extra.print.paper (README.md: For clinics)"
# The guide's settings that would let a clinic's file run a script or drop a check.
ACTIVE = {
    "nav",
    "hooks",
    "plugins",
    "theme",
    "extra_javascript",
    "extra_css",
    "extra_templates",
    "markdown_extensions",
    "site_url",
    "docs_dir",
    "site_dir",
    "strict",
    "validation",
    "analytics",
}


@dataclass(frozen=True)
class ClinicFile:
    """The checked file: the clinic's settings (checked per edition by guidekit.clinic) and its paper."""

    path: Path
    clinic: object
    paper: str | None


def guide_configs(root: Path, languages: list[str] | None = None) -> set[Path]:
    """The guide's own configs: mkdocs.yml, and one overlay per other language (mkdocs.es.yml).
    The languages are the manifest's (read here unless given)."""
    if languages is None:
        languages, _, _ = readable_for(root / "scripts" / "required_content.yml")
    return {(root / GUIDE_CONFIG).resolve(), *((root / f"mkdocs.{lang}.yml").resolve() for lang in languages)}


def clinic_file_for(config_file: Path, root: Path, languages: list[str] | None = None) -> Path | None:
    """The clinic's file behind an edition's config: the config itself, or for a language overlay
    the file GUIDE_BASE_CONFIG names; None when the guide is built without one (its own mkdocs.yml)."""
    path = Path(config_file).resolve()
    guides = guide_configs(root, languages)
    if path in guides and path != (root / GUIDE_CONFIG).resolve():
        path = Path(os.environ.get(BASE_CONFIG) or root / GUIDE_CONFIG).resolve()
    return None if path in guides else path


def refused(where: str) -> FieldError:
    active = where.rpartition(".")[2] in ACTIVE
    why = " (it could add a script to every page or switch off the guide's checks)" if active else ""
    return FieldError(
        where,
        f"is the guide's own setting{why}; a clinic's file may not change it",
        f"remove it: {ONLY}",
    )


def file_problems(data: object, path: Path, root: Path) -> tuple[ClinicFile | None, list[FieldError]]:
    """The file's own settings, and every problem with them (the clinic's fields are checked apart)."""
    if not isinstance(data, dict) or not data:
        return None, [
            FieldError(
                "",
                "is empty (or not a set of settings)",
                f"start from {EXAMPLE}: 'INHERIT: mkdocs.yml', then extra: and clinic: below it",
            )
        ]
    errors: list[FieldError] = []
    for key in data:
        if key == "clinic":
            errors.append(
                FieldError(
                    "clinic",
                    "is at the top level, where MkDocs ignores it",
                    f"indent it under extra: (extra:, then clinic: two spaces in, as in {EXAMPLE})",
                )
            )
        elif key not in ("INHERIT", "extra"):
            errors.append(refused(str(key)))
    inherit = data.get("INHERIT")
    beside = path.resolve().parent == root.resolve()
    if inherit != GUIDE_CONFIG or not beside:
        errors.append(
            FieldError(
                "INHERIT",
                ("is missing" if inherit is None else f"is {inherit!s}")
                + ("" if beside else f", and the file is in {path.resolve().parent}")
                + f": a clinic's file sits beside the guide's {GUIDE_CONFIG} and builds on it",
                f"put the file in {root.resolve()} (beside {GUIDE_CONFIG}), start it with INHERIT: {GUIDE_CONFIG},"
                " and give logo: and sections: relative to it (e.g. logo: clinics/yours/logo.svg)",
            )
        )
    extra = data.get("extra", {})
    if not isinstance(extra, dict):
        errors.append(FieldError("extra", "is not a set of settings", "indent clinic: and print: under extra:"))
        extra = {}
    for key in extra:
        if key not in ("clinic", "print"):
            errors.append(refused(f"extra.{key}"))
    paper = None
    printing = extra.get("print", {})
    if not isinstance(printing, dict):
        errors.append(
            FieldError("extra.print", "is not a set of settings", "write paper: Letter indented under print:")
        )
        printing = {}
    for key in printing:
        if key != "paper":
            errors.append(
                FieldError(
                    f"extra.print.{key}",
                    "is the guide's own print setting; a clinic's file may set only the paper",
                    "remove it (paper: Letter or paper: A4 is the one print setting of a clinic)",
                )
            )
    if "paper" in printing:
        if printing["paper"] in PAPERS:
            paper = str(printing["paper"])
        else:
            errors.append(
                FieldError(
                    "extra.print.paper",
                    f"{printing['paper']!s} is not a paper size the handouts are printed on",
                    f"write {' or '.join(f'paper: {size}' for size in PAPERS)}",
                )
            )
    return ClinicFile(path, extra.get("clinic"), paper), errors


def read_clinic_file(
    path: Path, root: Path, langs: list[str], edition_path: str = "", manifest: Manifest | None = None
) -> dict[str, Clinic | None]:
    """The clinic for each edition in `langs`, from its file. Raises ClinicError naming the
    file, with every problem found in it (for every edition), one line each. `manifest`: the
    build's, already read (else the repository's is)."""
    try:
        data = read_data(path)
    except FieldError as error:
        raise ClinicError(str(path), [error]) from None
    found, errors = file_problems(data, path, root)
    clinics: dict[str, Clinic | None] = {}
    if found is not None:
        for lang in langs:
            clinic, problems = clinic_problems(found.clinic, str(path), lang, root, edition_path, manifest)
            errors += [problem.under("extra.clinic.") for problem in problems]
            clinics[lang] = clinic
    if errors:
        raise ClinicError(str(path), errors)
    return clinics


def check_clinic_file(path: Path, root: Path) -> list[str]:
    """Every problem in a clinic's file, for every edition of the guide, one line each ([] if none)."""
    languages, _, _ = readable_for(root / "scripts" / "required_content.yml")
    try:
        read_clinic_file(path, root, languages)
    except ClinicError as error:
        return error.lines()
    return []
