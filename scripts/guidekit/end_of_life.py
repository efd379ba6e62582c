"""What the guide is built on reaches end of life: say so once per build, and where the plan is.

Material for MkDocs prints its own notice (it reaches end of life on 2027-05-05); the build
runs MkDocs once per edition with that notice off, so it would print several times, and says
it once instead, naming the README's section with the project's decision and its exit. A test
checks the date against the notice of the Material that is installed.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.util import find_spec
from pathlib import Path

MATERIAL_END = dt.date(2027, 5, 5)  # Material for MkDocs 9.x: security fixes until then, none after
PYTHON_END = dt.date(2027, 10, 31)  # Python 3.11, the project's version
README_SECTION = "End of life: Material, MkDocs and Python"


def notice() -> str:
    return (
        f"note: Material for MkDocs reaches end of life on {MATERIAL_END.isoformat()} and MkDocs 1.x is no "
        f"longer maintained; this guide stays on them, pinned, until its exit is ready. "
        f'See README.md, "{README_SECTION}".'
    )


def material_end_date() -> dt.date | None:
    """The end-of-life date the installed Material prints, or None if it prints none."""
    spec = find_spec("material.templates")
    if spec is None or spec.origin is None:
        return None
    found = re.search(r"reaches end of life on (\w+ \d{1,2}, \d{4})", Path(spec.origin).read_text(encoding="utf-8"))
    return dt.datetime.strptime(found.group(1), "%B %d, %Y").date() if found else None
