"""The guide's security headers and cache rules: the one place they are written.

The build computes the Content-Security-Policy from what it emitted: the
SHA-256 of each inline script (and inline style) on every page, once each is
known to be one the theme and our templates write (guidekit/known_code.py,
guidekit/site_policy.py), so the policy follows each change to Material's
data without anyone copying hashes by hand, and allows nothing injected. Every host's config (the `_headers` file, the
nginx include, the <meta> policy in each page) is made from this module.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

# Inline scripts and styles. A <script type="application/json"> (Material's
# __config) is data: CSP does not apply to it, so it needs no hash.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
# An attribute starts after a space: data-src= and data-type= are not src= and type=.
SCRIPT_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]+)""", re.I)
SCRIPT_SRC = re.compile(r"""(?:^|\s)src\s*=""", re.I)

# Material's bundles and their source maps carry a content hash in their
# names (main.57a0d79d.min.css): only these may be cached for ever.
CONTENT_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
# Everything else keeps its name when it changes (pages, the search index,
# the PDFs, our own CSS and JS): a browser may keep a copy but asks
# the server each time whether it is still current (a cheap 304 when it is).
CACHE_REVALIDATE = "no-cache"


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@dataclass
class InlineCode:
    """The hashes a set of pages needs in script-src and style-src."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)

    def __ior__(self, other: InlineCode) -> InlineCode:
        self.scripts |= other.scripts
        self.styles |= other.styles
        return self


def directives(code: InlineCode) -> dict[str, list[str]]:
    """Every directive, in order. The <meta> policy leaves out frame-ancestors (browsers
    ignore it there, with a console error), so it comes last and is added by `policy`."""
    return {
        "default-src": ["'self'"],
        # No 'unsafe-inline', no 'unsafe-eval': only our files and the hashed inline scripts.
        "script-src": ["'self'", *sorted(code.scripts)],
        # As tight as Material allows: its stylesheets are files, and the only inline
        # <style> (print-site's, on the print page) is hashed. Material and the
        # palette set styles from script through the CSSOM (element.style), which
        # CSP does not govern, so no 'unsafe-inline' is needed for styles either.
        "style-src": ["'self'", *sorted(code.styles)],
        # Material's icons are data: SVGs in its stylesheet (masks).
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Material's search runs in a worker from our own host. Opened from disk,
        # the iframe-worker shim runs it in a blank frame instead: a blank frame
        # loads nothing, so frame-src does not apply to it and can forbid all frames
        # (its inline script obeys script-src: its hash is in the policy).
        "worker-src": ["'self'"],
        "frame-src": ["'none'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }


def policy(code: InlineCode, meta: bool = False) -> str:
    parts = directives(code)
    if not meta:
        parts["frame-ancestors"] = ["'none'"]
    return "; ".join(" ".join([name, *values]) for name, values in parts.items())


# What the guide never uses, turned off for it and for anything it could embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
)


def security_headers(code: InlineCode) -> dict[str, str]:
    """Every header each response carries (Cache-Control comes from `cache_control`)."""
    return {
        "Content-Security-Policy": policy(code),
        # HTTPS only, for two years (what the HSTS preload list asks for). Browsers
        # ignore it over plain HTTP, so it does no harm before TLS is set up.
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        # The page a patient reads is nobody else's business, not even the path.
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        # For browsers without frame-ancestors; the same rule.
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def cache_control(path: str) -> str:
    return CACHE_IMMUTABLE if CONTENT_HASHED.search(path) else CACHE_REVALIDATE
