"""The portfolio's pictures (generator/render/charts.py): well-formed SVG, user text only as text,
a label in words, and the marks where the numbers put them."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import site
from generator.render import charts

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> & "quotes" <a href="javascript:x">'


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


@pytest.fixture(scope="module")
def plans():
    return site.load(Path(__file__).parent / "fixtures" / "site-portfolio").plans


def test_sparkline_runs_from_first_to_last_value_and_says_so():
    root = parse(charts.sparkline([100, 300, 200], f"Revenue of {HOSTILE}"))
    points = [tuple(map(float, p.split(","))) for p in root.find(f"{SVG}polyline").get("points").split()]
    assert len(points) == 3 and points[1][1] < points[2][1] < points[0][1]  # higher value, smaller y
    assert root.get("role") == "img" and HOSTILE in root.get("aria-label")
    assert charts.sparkline([5], "one value") == ""


def test_concentration_marks_the_band_the_line_and_the_share():
    root = parse(charts.concentration(0.8))
    assert root.find(f".//{SVG}rect[@class='kam-bar-risk']") is not None  # above 75 %: the risk colour
    assert "80.0 %" in root.get("aria-label") and "30 to 55 %" in root.get("aria-label")
    assert parse(charts.concentration(0.4)).find(f".//{SVG}rect[@class='kam-bar-fill']") is not None
    assert charts.concentration(None) == ""


def test_user_text_stays_text(plans):
    hostile = dataclasses.replace(plans[0], name=HOSTILE)
    for svg in (charts.bars(HOSTILE, [(HOSTILE, 10.0, 1)], 10.0), charts.whitespace([hostile], [HOSTILE])):
        root = parse(svg)
        assert [e.tag for e in root.iter() if e.tag.endswith(("script", "a", "foreignObject"))] == []
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
        assert "<script>" in texts  # shown as the characters typed (names are shortened to fit)


def test_whitespace_marks_each_status_with_a_symbol(plans):
    products = sorted({p.name for plan in plans for p in plan.situation.products})
    root = parse(charts.whitespace(list(plans), products))
    marks = {t.text for t in root.iter(f"{SVG}text") if t.get("class") == "kam-ws-mark"}
    assert marks and marks <= {"✔", "◐", "○", "✖", "–"}
