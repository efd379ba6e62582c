"""The way from paper to phone: each printed page's address on the clinic's site, and
its QR code, drawn as inline SVG with segno at build time (no image file, no script,
nothing fetched: it works under the site's Content-Security-Policy)."""

from __future__ import annotations

from typing import TypedDict

import segno
from markupsafe import Markup, escape

# Half a millimetre a module: well above the ~0.33 mm a phone's camera needs from a
# handout held in the hand, so an older phone scans it too (a 42-character address
# makes a 29-module code, 14.5 mm wide, 18.5 mm with its quiet zone).
MODULE_MM = 0.5
# The light margin the QR standard asks for around the code, in modules. It is part
# of the drawing, painted white, so nothing printed can come closer than that.
QUIET_ZONE = 4


def edition_address(clinic_url: str, edition_path: str) -> str:
    """Where an edition lives on the clinic's site: English at its address, Spanish
    under es/. The address names a folder even when written without its last slash."""
    return clinic_url.rstrip("/") + "/" + edition_path


def page_address(edition: str, page_url: str) -> str:
    """A page's address on the clinic's site (page URLs are relative, e.g. before.html)."""
    return edition + page_url


def qr_svg(address: str) -> Markup:
    """The address as a QR code: black on white, at least 15% of it recoverable (level M,
    raised when the same size allows) for a creased or smudged sheet. Markup, since the
    drawing holds only segno's numbers and no text of ours."""
    code = segno.make(address, error="m", micro=False)
    return Markup(
        code.svg_inline(
            scale=MODULE_MM,
            unit="mm",
            border=QUIET_ZONE,
            dark="#000",
            light="#fff",
            svgclass="guide-qr__code",
            lineclass=None,
        )
    )


def breakable(address: str) -> Markup:
    """The address as HTML that wraps, where it must, after a slash or after a dot of its
    host ("https://", "guide.", "example.", "org/", "recovery.html") rather than inside a
    word, so that the reader can still type it: a narrow column (the card's) is narrower
    than many a host."""
    scheme, separator, rest = address.partition("://")
    if not separator:
        return escape(address)
    host, slash, path = rest.partition("/")
    head = escape(scheme + separator) + Markup("<wbr>") + Markup(".<wbr>").join(escape(p) for p in host.split("."))
    if not slash:
        return head
    return head + Markup("/<wbr>") + Markup("/<wbr>").join(escape(part) for part in path.split("/"))


class Online(TypedDict):
    """A page's or an edition's address, as a template prints it, and its QR code."""

    address: str
    address_html: Markup
    qr: Markup


def online(address: str) -> Online:
    """What a template prints: the address, and its code beside it."""
    return {"address": address, "address_html": breakable(address), "qr": qr_svg(address)}
