"""The procedure drawings: no label crosses a line, in each language, with the
fonts a patient's phone may use (the drawing names system-ui, Arial, sans-serif)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT

LAYOUT_JS = (Path(__file__).parent / "drawing_layout.js").read_text(encoding="utf-8")
DRAWINGS = ["procedure.svg", "procedure-es.svg"]
# None: the fonts as written (DejaVu Sans here, wider than most); Liberation Sans has Arial's widths.
FONTS = [None, "Liberation Sans"]


@pytest.mark.parametrize("font", FONTS, ids=["as-written", "arial-widths"])
@pytest.mark.parametrize("name", DRAWINGS)
def test_no_label_crosses_a_line(new_page, name, font):
    page = new_page()
    page.goto((ROOT / "docs" / "assets" / "images" / name).as_uri())
    found = page.evaluate(LAYOUT_JS, font)
    assert found["boxes"], "no labels measured"
    assert found["problems"] == []


def test_the_check_finds_a_label_on_a_line(new_page):
    """A label moved onto the drawing is caught."""
    page = new_page()
    page.goto((ROOT / "docs" / "assets" / "images" / "procedure.svg").as_uri())
    page.evaluate("""() => {
        const label = document.querySelector('svg text');
        const shape = document.querySelector('svg path');
        const box = shape.getBBox();
        label.setAttribute('x', box.x + box.width / 2);
        label.setAttribute('y', box.y + box.height / 2);
        label.querySelectorAll('tspan').forEach(t => {
            t.removeAttribute('x'); t.removeAttribute('y'); t.removeAttribute('dy');
        });
    }""")
    assert page.evaluate(LAYOUT_JS, None)["problems"]
