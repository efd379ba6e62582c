"""Read the guide's own MkDocs config files (and the files they INHERIT) before MkDocs does,
and refuse what MkDocs would take silently or explain without naming the file: an empty
file, a key given twice (YAML keeps the last), `clinic:` outside `extra:`.

A clinic's file is not read here: it is data, read and checked by guidekit.clinic_file with
a loader that runs nothing; pass it as `clinic_file` and the walk stops there.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from .yaml_data import duplicate_key  # the clinic's file and the guide's configs: one check

EXAMPLE = "mkdocs.example-clinic.yml"


class ConfigFileError(Exception):
    def __init__(self, file: Path, where: str, problem: str, fix: str):
        super().__init__(f"{file}: {where}: {problem}. Fix: {fix}" if where else f"{file}: {problem}. Fix: {fix}")


class Loader(get_yaml_loader()):  # type: ignore[misc]  # MkDocs makes its loader class at run time
    """MkDocs' loader: it knows !ENV; !relative is kept as text (only its place matters here)."""


Loader.add_constructor("!relative", lambda loader, node: loader.construct_scalar(node))


def check_config_file(path: Path, clinic_file: Path | None = None) -> None:
    """Raise ConfigFileError for the first problem in `path` or a file it INHERITs
    (`clinic_file`, checked by guidekit.clinic_file, is left alone)."""
    path = Path(path)
    seen = {clinic_file.resolve()} if clinic_file else set()
    while path.resolve() not in seen:
        seen.add(path.resolve())
        try:
            text = path.read_text(encoding="utf-8")
            if found := duplicate_key(yaml.compose(text, Loader=Loader)):
                key, first, second = found
                raise ConfigFileError(
                    path,
                    key,
                    f"is given twice (lines {first} and {second}); YAML would silently keep the last",
                    "keep one of them",
                )
            data = yaml.load(text, Loader=Loader)
        except yaml.YAMLError as error:
            raise ConfigFileError(
                path, "", f"is not valid YAML ({' '.join(str(error).split())})", "fix the line it names"
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigFileError(path, "", f"cannot be read ({error})", "give a readable UTF-8 file") from None
        if not isinstance(data, dict) or not data:
            raise ConfigFileError(
                path,
                "",
                "is empty (or not a set of settings)",
                f"start from {EXAMPLE}: 'INHERIT: mkdocs.yml', then extra: and clinic: below it",
            )
        if "clinic" in data:
            raise ConfigFileError(
                path,
                "clinic",
                "is at the top level, where MkDocs ignores it",
                f"indent it under extra: (extra:, then clinic: two spaces in, as in {EXAMPLE})",
            )
        inherit = data.get("INHERIT")
        if not isinstance(inherit, str):
            break
        path = path.parent / inherit


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def mkdocs_config_messages() -> Iterator[list[str]]:
    """Collect what MkDocs logs while it loads a config (instead of printing it), for one clear message."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
