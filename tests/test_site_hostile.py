"""A plan full of hostile text, through the whole site build: every page and
every diagram shows the text as text, and nothing of it becomes markup, a
link, a script or a Graphviz attribute."""

from __future__ import annotations

import html.parser
import json
import xml.etree.ElementTree as ET

import pytest

from test_site import build_site, make_repo, text_of, visible

XSS = "<img src=x onerror=alert(1)>"
DOT_BREAK = '"]; x [URL="javascript:alert(1)"'
TITLE_BREAK = "</title><script>alert(2)</script>"
MD_LINK = "[click](javascript:alert(3)) {: onclick=alert(4) } | pipe"
HOSTILE = (XSS, DOT_BREAK, TITLE_BREAK, MD_LINK)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML strings


PLAN = f"""id: hostile
name: {q(TITLE_BREAK + " " + XSS)}
owner: evil
tier: strategic
segment: {q(MD_LINK)}
summary: {q(XSS + " " + DOT_BREAK)}
relationship:
  history: {q(MD_LINK + chr(10) + "# not a heading" + chr(10) + "    not code")}
situation:
  units:
    - {{id: u1, name: {q(MD_LINK)}}}
  products:
    - {{name: {q(XSS)}, status: missing, units: {{u1: missing}}, notes: {q(DOT_BREAK)}}}
  competitors:
    - {{name: {q(MD_LINK)}, notes: {q(XSS)}}}
goals:
  - {{id: g1, horizon: short, title: {q(XSS)}, metric: {q(MD_LINK)}, target: {q(DOT_BREAK)}}}
buying_process:
  steps:
    - {{name: {q(MD_LINK)}, stakeholders: [boss], notes: {q(XSS)}}}
tenders:
  - {{id: t1, title: {q(DOT_BREAK)}, date: 2027-06-15, notes: {q(TITLE_BREAK)}}}
proposals:
  - id: p1
    title: {q(XSS)}
    expires: 2026-12-31
    readers: [boss]
    follow_up: {{next_step: {q(MD_LINK)}, urgent: {q(DOT_BREAK)}}}
stakeholders:
  - id: boss
    name: {q(XSS)}
    title: {q(DOT_BREAK)}
    unit: {q(MD_LINK)}
    influence: high
    attitude: blocker
    buying_roles: [economic]
    priorities: {q(TITLE_BREAK)}
    notes: {q(MD_LINK)}
  - id: deputy
    name: {q(DOT_BREAK)}
    title: {q(TITLE_BREAK)}
    reports_to: boss
    influences: [boss]
    influence: medium
    attitude: champion
team:
  - person: evil
    role: account_manager
    responsibilities: [{q(XSS)}, {q(MD_LINK)}]
    covers:
      - {{stakeholder: deputy, strength: strong}}
actions:
  - {{id: a1, title: {q(XSS)}, owner: evil, due: 2026-01-01, notes: {q(MD_LINK)}}}
commitments:
  - id: c1
    promise: {q(DOT_BREAK)}
    owner: evil
    to: boss
    due: 2026-10-01
    reschedules:
      - {{date: 2026-09-01, new_due: 2026-12-01, reason: {q(XSS)}, customer_told: false}}
reviews:
  - period: 2026-Q3
    date: 2026-10-01
    summary: {q(MD_LINK)}
    results:
      - {{goal: g1, status: at_risk, note: {q(XSS)}}}
    corrections: [{q(TITLE_BREAK)}]
"""


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("hostile") / "repo")
    people = root / "accounts" / "_people.yaml"
    people.write_text(text_of(people) + f"  - {{id: evil, name: {q(XSS + ' ' + MD_LINK)}, role: {q(DOT_BREAK)}}}\n",
                      encoding="utf-8")
    (root / "accounts" / "hostile.yaml").write_text(PLAN, encoding="utf-8")
    return build_site(root, tmp_path_factory.mktemp("hostile-site") / "site")


def pages(out):
    return [p for p in out.rglob("*.html")]


def test_no_page_gains_markup_from_user_text(hostile_site):
    for page in pages(hostile_site):
        parser = _Tags()
        parser.feed(text_of(page))
        for tag, attrs in parser.tags:
            assert tag not in ("img", "iframe", "embed"), (page, tag, attrs)
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            for name in ("href", "src", "data", "action"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (page, attrs)
        assert "alert(" not in parser.script_text, page


def test_the_hostile_text_is_shown_as_written(hostile_site):
    page = text_of(hostile_site / "accounts" / "hostile" / "index.html")
    text = visible(page)
    for value in HOSTILE:
        assert " ".join(value.split()) in text
    assert "# not a heading" in text and "not code" in text
    title = page.split("<title>")[1].split("</title>")[0]
    assert "<" not in title and "&lt;/title&gt;" in title


def test_the_person_page_and_indexes_show_it_as_text(hostile_site):
    for page in ("people/evil/index.html", "people/index.html", "index.html", "accounts/index.html"):
        assert " ".join(XSS.split()) in visible(text_of(hostile_site / page)), page


def test_diagrams_hold_the_text_and_only_our_links(hostile_site):
    for name in ("map.svg", "influence.svg", "team.svg"):
        svg_text = text_of(hostile_site / "accounts" / "hostile" / name)
        svg = ET.fromstring(svg_text)
        tags = {element.tag.split("}")[1] for element in svg.iter()}
        assert not tags & {"script", "image", "foreignObject", "iframe"}, tags
        for element in svg.iter():
            for attribute, value in element.attrib.items():
                assert not attribute.split("}")[-1].startswith("on")
                if attribute.endswith("href"):
                    assert value.startswith(("./#s-", "../../people/")), value
        texts = " ".join(" ".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text"))
        assert XSS in texts and DOT_BREAK in texts


def test_search_index_holds_the_text_escaped(hostile_site):
    index = json.loads(text_of(hostile_site / "search" / "search_index.json"))
    for doc in index["docs"]:
        assert "<img" not in doc["title"] and "<script" not in doc["title"]
        assert "<img" not in doc["text"] and "<script" not in doc["text"]
