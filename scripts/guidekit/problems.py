"""One way to say what is wrong with a setting: the file, the field, the problem and the fix.

Every check of a clinic's file (its settings, its instructions, its sections) raises a
FieldError for one field, or FieldErrors for several; the file's reader collects them all
and reports them at once, one line each, as a SettingsError naming the file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator


class FieldError(Exception):
    """What is wrong with one field (a dotted path inside the file), and the fix."""

    def __init__(self, field: str, problem: str, fix: str):
        self.field, self.problem, self.fix = field, problem, fix
        super().__init__(f"{field}: {problem}. Fix: {fix}" if field else f"{problem}. Fix: {fix}")

    def under(self, prefix: str) -> FieldError:
        """The same problem, its field named from further out (`extra.clinic.` + `phone`)."""
        return FieldError(f"{prefix}{self.field}" if self.field else prefix.rstrip("."), self.problem, self.fix)


class FieldErrors(Exception):
    """Several fields' problems, in the order they were found."""

    def __init__(self, errors: Iterable[FieldError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


class SettingsError(Exception):
    """Every problem found in one file, one line each: `file: field: problem. Fix: fix`."""

    def __init__(self, file: str, errors: Iterable[FieldError]):
        self.file = str(file)
        self.errors = unique(errors)
        first = self.errors[0] if self.errors else FieldError("", "has a problem", "check it")
        self.field, self.problem, self.fix = first.field, first.problem, first.fix
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.file}: {error}" for error in self.errors]


def unique(errors: Iterable[FieldError]) -> list[FieldError]:
    """Each problem once (the same value checked for two editions gives the same line), and
    one line per field: the first found (an invisible character, say) explains the rest."""
    seen: dict[str, FieldError] = {}
    for error in errors:
        seen.setdefault(error.field, error)
    return list(seen.values())


# Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C) and every other
# invisible format character (Unicode category Cf: zero-width spaces and joiners, soft
# hyphens...) can make a text read differently from what it holds: a phone number reversed.
def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each invisible format character in `text`."""
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            yield index, char


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"


INVISIBLE_FIX = "retype the value without it (it can make the text read differently from what it holds)"


def invisible_problem(text: str) -> str:
    """Why `text` is refused for an invisible character, or ""."""
    found = next(invisible_characters(text), None)
    if found is None:
        return ""
    return f"holds an invisible control character ({describe(found[1])})"
