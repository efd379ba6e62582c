"""The drawings: no label crosses a line, in each language, with the fonts a
patient's phone may use (each drawing names system-ui, Arial, sans-serif); and,
read as files, each is a plain, accessible picture with labels big enough to print."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import ROOT

IMAGES = ROOT / "docs" / "assets" / "images"
LAYOUT_JS = (Path(__file__).parent / "drawing_layout.js").read_text(encoding="utf-8")
# Every drawing, each in both languages (the site's icon is not a drawing).
DRAWINGS = sorted(path.name for path in IMAGES.glob("*.svg") if path.name != "favicon.svg")
# None: the fonts as written (DejaVu Sans here, wider than most); Liberation Sans has Arial's widths.
FONTS = [None, "Liberation Sans"]


@pytest.mark.parametrize("font", FONTS, ids=["as-written", "arial-widths"])
@pytest.mark.parametrize("name", DRAWINGS)
def test_no_label_crosses_a_line(new_page, name, font):
    page = new_page()
    page.goto((IMAGES / name).as_uri())
    found = page.evaluate(LAYOUT_JS, font)
    assert found["boxes"], "no labels measured"
    assert found["problems"] == []


def test_the_check_finds_a_label_on_a_line(new_page):
    """A label moved onto the drawing is caught."""
    page = new_page()
    page.goto((IMAGES / "procedure.svg").as_uri())
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


def test_the_check_sees_a_shape_drawn_with_use(new_page):
    """A footprint is a <use> of one shape in <defs>: with the bars around the
    footprints taken away, a label moved onto a footprint is still caught."""
    page = new_page()
    page.goto((IMAGES / "walking-plan.svg").as_uri())
    page.evaluate("""() => {
        document.querySelectorAll('svg rect[rx]').forEach(r => r.remove());
        const svg = document.querySelector('svg');
        const foot = svg.querySelector('svg > use').getBoundingClientRect();
        const at = new DOMPoint(foot.left, foot.bottom).matrixTransform(svg.getScreenCTM().inverse());
        const label = [...document.querySelectorAll('svg text')].pop();
        label.setAttribute('x', at.x);
        label.setAttribute('y', at.y);
    }""")
    assert any("touches use(" in p for p in page.evaluate(LAYOUT_JS, None)["problems"])


# The procedure drawing: the needle (#needle) runs beside the spinal canal (#spinal-canal), never over it,
# and its tip is in the cement (#cement). Measured in the drawing's own units, after every transform.
NEEDLE_JS = """() => {
  const svg = document.querySelector('svg');
  const needle = svg.getElementById('needle'), canal = svg.getElementById('spinal-canal');
  const cement = svg.getElementById('cement');
  const toRoot = e => svg.getCTM().inverse().multiply(e.getCTM());
  const at = (m, x, y) => new DOMPoint(x, y).matrixTransform(m);
  const n = toRoot(needle), c = toRoot(canal);
  const ends = [['x1', 'y1'], ['x2', 'y2']].map(([x, y]) => [+needle.getAttribute(x), +needle.getAttribute(y)]);
  const [a, b] = ends.map(([x, y]) => at(n, x, y));
  const centre = at(c, +canal.getAttribute('cx'), +canal.getAttribute('cy'));
  const canalEdge = (+canal.getAttribute('r') + +canal.getAttribute('stroke-width') / 2) * Math.hypot(c.a, c.b);
  const needleHalf = +needle.getAttribute('stroke-width') / 2 * Math.hypot(n.a, n.b);
  const dx = b.x - a.x, dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((centre.x - a.x) * dx + (centre.y - a.y) * dy) / (dx * dx + dy * dy)));
  const gap = Math.hypot(a.x + t * dx - centre.x, a.y + t * dy - centre.y) - canalEdge - needleHalf;
  // The tip is the end toward the front of the body (the left), in the cement's own coordinates.
  const [tx, ty] = a.x < b.x ? ends[0] : ends[1];
  const inCement = at(cement.getCTM().inverse().multiply(needle.getCTM()), tx, ty);
  const point = svg.createSVGPoint(); point.x = inCement.x; point.y = inCement.y;
  return {gap, tipInCement: cement.isPointInFill(point)};
}"""
# Clear space between the needle's edge and the canal's, in units of the 480-wide view: 8 is 1.5 mm on
# paper (9 cm wide) and 6 px on a 360 px phone screen.
NEEDLE_GAP = 8
PROCEDURE = [name for name in DRAWINGS if name.startswith("procedure")]


@pytest.mark.parametrize("name", PROCEDURE)
def test_the_needle_runs_beside_the_spinal_canal_into_the_cement(new_page, name):
    page = new_page()
    page.goto((IMAGES / name).as_uri())
    found = page.evaluate(NEEDLE_JS)
    assert found["gap"] >= NEEDLE_GAP, found
    assert found["tipInCement"], found


def test_the_check_finds_a_needle_over_the_canal(new_page):
    """The needle's back end moved down, so that it runs over the canal: caught."""
    page = new_page()
    page.goto((IMAGES / "procedure.svg").as_uri())
    assert page.evaluate("() => document.getElementById('needle').getAttribute('y2')") == "96"
    page.evaluate("() => document.getElementById('needle').setAttribute('y2', '260')")
    found = page.evaluate(NEEDLE_JS)
    assert found["gap"] < 0 and found["tipInCement"], found


# Read as files: no browser needed.

SVG = "{http://www.w3.org/2000/svg}"
# Per 480 user units of width: a handout sets each drawing 9 cm wide (print.css), where 23 prints at
# 12.2 pt; large print sets it 14 cm wide, at 19 pt (tests/test_print_layout.py measures both on paper).
SMALLEST_LABEL = 23
PAPER = (255, 255, 255)


def parents(root):
    return {child: parent for parent in root.iter() for child in parent}


def inherited(element, attribute, up):
    while element is not None:
        if attribute in element.attrib:
            return element.attrib[attribute]
        element = up.get(element)
    return None


def contrast(colour: str, background=PAPER) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    rgb = tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    lighter, darker = sorted([luminance(rgb), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("name", DRAWINGS)
def test_the_drawing_is_a_plain_accessible_picture(name):
    path = IMAGES / name
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == SVG + "svg"
    assert root.get("lang") == ("es" if name.endswith("-es.svg") else "en")
    assert root.get("role") == "img"
    # Named by its own <title> and <desc>, in the drawing's language (the lang above).
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and desc is not None
    assert (title.text or "").strip() and (desc.text or "").strip()
    assert root.get("aria-labelledby", "").split() == [title.get("id"), desc.get("id")]
    # Nothing that runs, links, loads or embeds: no script, link, raster image, web font or outside reference.
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "a", "image", "foreignObject", "style", "iframe", "audio", "video"}
    for element in root.iter():
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), f"{attribute} on {element.tag}"
            if attribute.endswith("href"):
                assert value.startswith("#"), f"{attribute}={value}"
            assert "://" not in value and "@import" not in value, f"{attribute}={value}"
            for reference in re.findall(r"url\(([^)]*)\)", value):
                assert reference.startswith("#"), f"{attribute}={value}"
    assert "@font-face" not in text and "<?xml-stylesheet" not in text
    # A few KB: the page loads fast and the handout stays light.
    assert len(text.encode("utf-8")) < 8000


@pytest.mark.parametrize("name", DRAWINGS)
def test_every_label_is_big_and_dark_enough(name):
    root = ET.fromstring((IMAGES / name).read_text(encoding="utf-8"))
    up = parents(root)
    view_box_width = float(root.get("viewBox").split()[2])
    labels = [e for e in root.iter() if e.tag in (SVG + "text", SVG + "tspan")]
    assert labels
    for label in labels:
        words = "".join(label.itertext()).strip()
        # Sizes and colours come from attributes only: no style to hide a smaller one.
        assert "style" not in label.attrib, words
        size = inherited(label, "font-size", up)
        assert size is not None and re.fullmatch(r"\d+(\.\d+)?", size), f"{words}: font-size {size}"
        assert float(size) * 480 / view_box_width >= SMALLEST_LABEL, f"{words}: font-size {size}"
        element = label
        while element is not None:
            assert not re.search(r"scale|matrix", element.get("transform", "")), f"{words} is scaled"
            element = up.get(element)
        # Dark text on the white paper: WCAG 2.2 AA asks 4.5:1 for text this size.
        fill = inherited(label, "fill", up)
        assert fill is not None and re.fullmatch(r"#[0-9a-fA-F]{6}", fill), f"{words}: fill {fill}"
        assert contrast(fill) >= 4.5, f"{words}: {fill} on white"


@pytest.mark.parametrize("name", DRAWINGS)
def test_the_drawing_is_on_white_paper(name):
    """The labels' contrast above is measured on white: the drawing's first shape is a white sheet."""
    root = ET.fromstring((IMAGES / name).read_text(encoding="utf-8"))
    sheet = root.find(SVG + "rect")
    assert sheet is not None and sheet.get("fill") == "#ffffff"
    assert sheet.get("width") == root.get("viewBox").split()[2]
    assert sheet.get("height") == root.get("viewBox").split()[3]
