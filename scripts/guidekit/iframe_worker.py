"""The inline script that the iframe-worker shim writes into its frame.

Opened from disk (file://), a page cannot start a Worker, so the shim runs
Material's search worker in a hidden blank frame. It document.write()s a small
inline script into that frame, and a blank frame obeys its parent's
Content-Security-Policy, so the policy needs that script's hash. The script is
built from the shim's own template: the source of two of its functions
(Function.prototype.toString gives their exact text) and the worker's URL.
This rebuilds that text from the shim file itself, so an upgraded shim is
followed, and a shim of another shape stops the build instead of silently
breaking search from disk.
"""

from __future__ import annotations

import re

FRAME_SCRIPT = re.compile(r"<script>((?:(?!<\\/script>).)*?\$\{[^}]+\}(?:(?!<\\/script>).)*?)<\\/script>", re.S)
PLACEHOLDER = re.compile(r"\$\{([A-Za-z_$][\w$]*)\}")


class ShimChanged(Exception):
    pass


def function_source(source: str, name: str) -> str | None:
    """`function name(...){...}` exactly as written (braces balanced; the shim's
    functions have no braces inside strings)."""
    start = source.find(f"function {name}(")
    if start < 0:
        return None
    depth, opened = 0, False
    for index in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        opened = True
        if opened and depth == 0:
            return source[start : index + 1]
    return None


def frame_script(shim: str, worker_url: str) -> str:
    """The text of the inline script the shim writes for a worker at `worker_url`."""
    match = FRAME_SCRIPT.search(shim)
    if not match:
        raise ShimChanged("no inline <script> template with ${...} found")
    template = match.group(1)
    if "\\" in template.replace("<\\/", ""):
        raise ShimChanged("the frame script has escapes this reader does not decode")
    names = PLACEHOLDER.findall(template)
    functions = {name: function_source(shim, name) for name in set(names)}
    urls = {name for name, text in functions.items() if text is None}
    if len(urls) != 1:
        raise ShimChanged(f"expected one URL placeholder besides functions, found {sorted(urls)}")
    values = {name: text for name, text in functions.items() if text is not None}
    values[urls.pop()] = worker_url
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template).replace("<\\/", "</")
