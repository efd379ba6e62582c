"""A clinic's logo is published as is, so it must be a real image from the repository.

An SVG is a document: opened at its own address it can run scripts and load
other files. Only a drawing is accepted: no script, no event handler, nothing
fetched from elsewhere (no external reference, no DOCTYPE or entity).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"
ACTIVE_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
REFERENCE_ATTRIBUTES = {"href", "src", "{http://www.w3.org/1999/xlink}href"}
CSS_REFERENCE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.I)


class LogoError(Exception):
    pass


def local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def svg_problem(data: bytes) -> str | None:
    """Why the SVG is not a plain drawing, or None."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.I):
        return "declares a DOCTYPE or entity"
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return f"is not a well-formed SVG file ({error})"
    if root.tag != SVG_ROOT:
        return "is not an SVG image (its root is not <svg> in the SVG namespace)"
    for element in root.iter():
        tag = local_name(str(element.tag))
        if tag in ACTIVE_ELEMENTS:
            return f"contains a <{tag}> element"
        if tag == "style" and CSS_REFERENCE.search(element.text or ""):
            return "has a <style> that loads another file"
        for name, value in element.attrib.items():
            attribute = local_name(name)
            if attribute.lower().startswith("on"):
                return f"has an event handler ({attribute} on <{tag}>)"
            if name in REFERENCE_ATTRIBUTES and not value.strip().startswith("#"):
                return f'refers to another file or address ({attribute}="{value[:60]}" on <{tag}>)'
            if CSS_REFERENCE.search(value):
                return f"loads another file from its {attribute} attribute on <{tag}>"
    return None


def checked_logo(path: Path, root: Path) -> Path:
    """The logo's real path, if it is a regular PNG or plain SVG file inside `root`."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise LogoError(f"{path} is outside the repository ({real})")
    if not real.is_file():
        raise LogoError(f"{path} is not a regular file")
    kind = real.suffix.lower()
    data = real.read_bytes()
    if kind == ".png":
        if not data.startswith(PNG_SIGNATURE):
            raise LogoError(f"{path} is named .png but is not a PNG image")
    elif kind == ".svg":
        if problem := svg_problem(data):
            raise LogoError(f"{path} {problem}")
    else:
        raise LogoError(f"{path} is not an SVG or PNG file")
    return real
