"""The decision-maker map read from its SVG: top-down, arrows from managers, influence apart,
text >= 12 px at the least the page shrinks it to, a legend and the account's name inside."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import site
from generator.render import graphviz
from generator.render.maps import ATTITUDE_SIGN, map_source

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"
MIN_SCALE = 0.75  # docs/assets/kam.css: a map is never shrunk below 75 % of its natural width


@pytest.fixture(scope="module")
def large():
    portfolio = site.load(FIXTURES / "site-large")
    return portfolio, portfolio.plan("pohjola-suuri")


def _svg(portfolio, plan, **kwargs) -> ET.Element:
    source = map_source(plan, TODAY, lambda p: portfolio.people[p].name, lambda s: f"./#s-{s}", **kwargs)
    return ET.fromstring(graphviz.render_one(source))


def _centres(root: ET.Element, plan) -> dict[str, float]:
    """Stakeholder id -> the y of its node's centre (SVG y grows downwards)."""
    out = {}
    for index, s in enumerate(plan.stakeholders):
        node = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "node"
                    and g.findtext(f"{SVG}title") == f"n{index}")
        ys = [float(v) for p in node.iter(f"{SVG}polygon") for v in re.findall(r",(-?[\d.]+)", p.get("points"))]
        ys += [float(v) for p in node.iter(f"{SVG}path") for v in re.findall(r",(-?[\d.]+)", p.get("d"))]
        out[s.id] = (min(ys) + max(ys)) / 2
    return out


def test_managers_sit_above_the_people_who_report_to_them(large):
    portfolio, plan = large
    y = _centres(_svg(portfolio, plan), plan)
    pairs = [(s.reports_to, s.id) for s in plan.stakeholders if s.reports_to]
    assert len(pairs) >= 25
    assert [(m, r) for m, r in pairs if not y[m] < y[r]] == []


def test_reporting_lines_have_arrowheads_and_influence_has_its_own_view(large):
    portfolio, plan = large
    source = map_source(plan, TODAY, lambda p: p, lambda s: "#")
    with_influence = map_source(plan, TODAY, lambda p: p, lambda s: "#", influence=True)
    reports = sum(1 for s in plan.stakeholders if s.reports_to)
    assert source.count("arrowhead=normal") == reports and "style=dashed" not in source
    influences = sum(len(s.influences) for s in plan.stakeholders)
    assert influences and with_influence.count("constraint=false") == influences


def test_every_text_is_at_least_12px_when_shrunk_to_the_least_the_page_allows(large):
    portfolio, plan = large
    root = _svg(portfolio, plan)
    sizes = [float(t.get("font-size")) for t in root.iter(f"{SVG}text")]
    # Graphviz writes points; 1 pt = 4/3 CSS px at the natural size
    assert min(sizes) * 4 / 3 * MIN_SCALE >= 12, min(sizes)


def test_the_svg_names_the_account_and_explains_its_marks(large):
    portfolio, plan = large
    text = " ".join(t.text or "" for t in _svg(portfolio, plan).iter(f"{SVG}text"))
    assert plan.name in text
    for attitude, sign in ATTITUDE_SIGN.items():
        assert f"{sign} {attitude}" in text
    assert "reports to" in text and "high" in text and "NOT COVERED" in text


def test_attitude_and_influence_survive_greyscale(large):
    """Not colour alone: a sign before each name, and a border style per influence."""
    portfolio, plan = large
    source = map_source(plan, TODAY, lambda p: p, lambda s: "#")
    for s in plan.stakeholders:
        assert f"<B>{ATTITUDE_SIGN[s.attitude]} " in source
    assert 'STYLE="rounded,dashed"' in source  # low influence: thin dashed border


def test_a_wide_organisation_grows_down_not_sideways(large):
    """40+ people, 16 of them under one manager's level: the map stays within four screens' width."""
    portfolio, plan = large
    base = plan.stakeholders[-1]
    extra = tuple(dataclasses.replace(base, id=f"extra-{i}", name=f"Extra Person {i}", influences=(),
                                      reports_to=plan.stakeholders[1 + i % 4].id) for i in range(16))
    wide = dataclasses.replace(plan, stakeholders=plan.stakeholders + extra)
    root = _svg(portfolio, wide)
    width = float(root.get("width").removesuffix("pt")) * 4 / 3
    assert len(wide.stakeholders) >= 46
    assert width * MIN_SCALE < 2 * 1400, width
    y = _centres(root, wide)
    assert all(y[s.reports_to] < y[s.id] for s in wide.stakeholders if s.reports_to)


def test_the_company_audience_map_shows_no_attitude_or_influence(large):
    portfolio, plan = large
    source = map_source(plan, TODAY, lambda p: p, lambda s: "#", judgements=False)
    assert "Attitude" not in source and "Influence (border)" not in source and "dashed" not in source
    assert not any(f"<B>{sign} " in source for sign in ATTITUDE_SIGN.values())
    assert plan.name in source and "reports to" in source
