"""Every word kam writes in the diagrams, the `kam diff` summary and the customer's page goes through the
catalog: under the pseudo-language each message comes back as ⟦message⟧, and no English word is left
outside the brackets but the plan's own text."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO_ROOT
from generator import site
from generator.render import graphviz
from generator.render.maps import map_source
from generator.render.matrix import matrix_source
from pseudo import pseudo, untranslated, visible_text  # noqa: F401

TODAY = dt.date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


@pytest.fixture(scope="module")
def example():
    portfolio = site.load(REPO_ROOT)
    return portfolio, portfolio.plan("laanemere-sadamad")


_INNERMOST = re.compile("⟦[^⟦⟧]*⟧")


def left_untranslated(text: str, allowed=()) -> list[str]:
    """untranslated(), for messages whose placeholders hold other messages (⟦Roles: ⟦E⟧ economic⟧):
    the brackets are taken away from the inside out, so nothing within the outer ones is left over."""
    while True:
        stripped = _INNERMOST.sub(" ", text)
        if stripped == text:
            return untranslated(text, allowed)
        text = stripped


def plan_words(portfolio, plan) -> set[str]:
    """The plan's own text that a diagram shows (names and titles, whole and word by word: a title wraps
    over two lines, a name of ours is shortened to 'Mart S.')."""
    texts = [plan.name] + [x for s in plan.stakeholders for x in (s.name, s.title) if x]
    texts += [person.name for person in portfolio.people.values()]
    return set(texts) | {word for text in texts for word in text.split()}


def svg_words(svg: bytes) -> str:
    """The text an SVG shows: its text elements and its tooltips (not its element ids)."""
    root = ET.fromstring(svg)
    texts = [element.text or "" for element in root.iter(f"{SVG}text")]
    texts += [element.get(XLINK_TITLE) or "" for element in root.iter() if element.get(XLINK_TITLE)]
    return "\n".join(texts)


def dot_labels(source: str) -> str:
    """The text in a DOT source's labels: the HTML-like labels without their tags, the tooltips."""
    labels = re.findall(r"label=<(.*?)>[,\]]", source, re.S) + re.findall(r'tooltip="([^"]*)"', source)
    return visible_text("\n".join(labels))


def diagrams(portfolio, plan) -> dict[str, str]:
    def person_name(person_id):
        return portfolio.people[person_id].name

    return {
        "map": map_source(plan, TODAY, person_name, lambda s: f"./#s-{s}"),
        "influence": map_source(plan, TODAY, person_name, lambda s: f"./#s-{s}", influence=True),
        "company map": map_source(plan, TODAY, person_name, lambda s: f"./#s-{s}", judgements=False),
        "matrix": matrix_source(plan, TODAY, person_name, lambda s: f"./#s-{s}", lambda p: f"../../people/{p}/"),
        "company matrix": matrix_source(plan, TODAY, person_name, lambda s: f"./#s-{s}",
                                        lambda p: f"../../people/{p}/", judgements=False),
    }


def test_the_words_in_the_map_and_the_matrix_are_all_translated(pseudo, example):
    portfolio, plan = example
    allowed = plan_words(portfolio, plan)
    for name, source in diagrams(portfolio, plan).items():
        assert "⟦" in dot_labels(source), name
        assert left_untranslated(dot_labels(source), allowed) == [], name
        svg = graphviz.render_one(source)
        assert left_untranslated(svg_words(svg), allowed) == [], name


def test_the_test_sees_english_in_a_diagram(example):
    """Without the pseudo-language the same check finds the legend's and the matrix's English words."""
    portfolio, plan = example
    sources = diagrams(portfolio, plan)
    found = untranslated(svg_words(graphviz.render_one(sources["map"])), plan_words(portfolio, plan))
    assert {"Attitude", "Buying", "Covered", "champion"} <= set(found)
    found = untranslated(dot_labels(sources["matrix"]), plan_words(portfolio, plan))
    assert {"Their", "people", "ours", "influence"} <= set(found)
