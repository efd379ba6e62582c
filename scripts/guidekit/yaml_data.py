"""Read a YAML file as data, and nothing more: a clinic's file is data, not a program.

MkDocs' own YAML loader runs Python (`!!python/object/apply:os.system [...]`) and, like
any YAML loader, expands aliases, so nine nested aliases hang it. This one refuses every
explicit tag (`!!python/...`, `!ENV`, `!!binary`...), every anchor and alias, more than a
few levels of nesting, a key given twice, and a file larger than a clinic's settings need.
`yes`, `no`, `on` and `off` stay what the user typed (a YesNo), so that a country code
`NO` is not silently read as false.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import FieldError

LARGEST = 64 * 1024  # bytes: the example clinic's file is under 4 KB
DEEPEST = 12  # levels of nesting: extra.clinic.instructions.arrival.place.en is 6


@dataclass(frozen=True)
class YesNo:
    """A plain `yes`, `no`, `on`, `off`, `true` or `false`, as typed: no clinic setting is one,
    so each reader that meets it can say plainly what happened (and suggest quotes)."""

    text: str
    value: bool

    def __str__(self) -> str:
        return self.text


class DataLoader(yaml.SafeLoader):  # type: ignore[misc,unused-ignore]  # PyYAML is untyped here
    """PyYAML's safe loader, stricter: plain data only (see the module's docstring)."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        mark = f"line {event.start_mark.line + 1}"
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FieldError(
                "",
                f"uses a YAML anchor or alias (& or *, {mark}), which this file may not",
                "write each value out in full",
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise FieldError(
                "",
                f"uses the YAML tag {tag!s} ({mark}); a clinic's file holds plain values only",
                "remove the tag (text, numbers and dates need none)",
            )
        self.depth += 1
        try:
            if self.depth > DEEPEST:
                raise FieldError("", f"is nested more than {DEEPEST} levels deep ({mark})", "indent as in the example")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yes_no(self, node: yaml.ScalarNode) -> YesNo:
        text = str(self.construct_scalar(node))
        return YesNo(text, text.lower() in ("yes", "true", "on", "y"))


DataLoader.add_constructor("tag:yaml.org,2002:bool", DataLoader.construct_yes_no)


def not_text(value: object) -> str:
    """Why a value that should be text is not, in plain words."""
    if isinstance(value, YesNo):
        return f"{value.text} is read by YAML as a yes/no value, not as text"
    if isinstance(value, bool):
        return "is read by YAML as a yes/no value, not as text"
    if isinstance(value, int | float):
        return f"{value} is read by YAML as a number, not as text"
    if isinstance(value, dict):
        return "is a set of settings, not text"
    if isinstance(value, list):
        return "is a list, not text"
    if value is None:
        return "is empty"
    return f"{value!r} is not text"


def duplicate_key(node: yaml.Node, path: str = "") -> tuple[str, int, int] | None:
    """(dotted key, first line, second line) of the first key given twice in one mapping."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = f"{path}{key_node.value}", key_node.start_mark.line + 1
            if key in seen:
                return key, seen[key], line
            seen[key] = line
            if found := duplicate_key(value_node, key + "."):
                return found
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            if found := duplicate_key(item, f"{path[:-1]}[{index}]."):
                return found
    return None


def read_data(path: Path) -> Any:
    """The file's data (None when it is empty), or a FieldError: "" is the whole file."""
    try:
        size = path.stat().st_size
        if size > LARGEST:
            raise FieldError(
                "", f"is {size} bytes, more than the {LARGEST} a clinic's settings need", "keep only the settings"
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FieldError("", f"cannot be read ({error})", "give a readable UTF-8 file") from None
    return read_text(text)


def read_text(text: str) -> Any:
    loader = DataLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if found := duplicate_key(node):
            key, first, second = found
            raise FieldError(
                key,
                f"is given twice (lines {first} and {second}); YAML would silently keep the last",
                "keep one of them",
            )
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        raise FieldError("", f"is not valid YAML ({' '.join(str(error).split())})", "fix the line it names") from None
    except RecursionError:
        raise FieldError("", f"is nested more than {DEEPEST} levels deep", "indent as in the example") from None
    finally:
        loader.dispose()
