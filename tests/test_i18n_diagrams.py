"""Every word kam writes in the diagrams, the `kam diff` summary and the customer's page goes through the
catalog: under the pseudo-language each message comes back as ⟦message⟧, and no English word is left
outside the brackets but the plan's own text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO_ROOT
from generator import site
from generator.render import graphviz
from generator.render.maps import map_source
from generator.render.matrix import matrix_source
from gitrepo import git_repo  # noqa: F401 - a fixture
from pseudo import pseudo, untranslated, visible_text  # noqa: F401
from test_diff import BASE, HEAD, PLAN, kam, start
from test_diff_cycle import PIPELINE

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


# --- kam diff --lang: the pull-request summary ---------------------------------------------------


LATER = HEAD.replace("owner: jtamm\ntier: strategic", "owner: pmakela\ntier: key\nstatus: prospect").replace(
    "    attitude: champion\n", "    attitude: champion\n    left: 2026-11-10\n") + PIPELINE.replace(
    "stage: qualified", "stage: won").replace("stage: proposal, value: 310000",
                                              "stage: lost, lost_reason: Price, value: 310000") + """\
  - {id: asset, title: Trailer tracking, stage: identified, value: 260000, close: 2027-03-31}
interactions:
  - {date: 2026-11-18, kind: management_meeting, summary: Third offer}
  - {date: 2026-11-02, kind: complaint, summary: Reports missing}
"""


def test_kam_diff_in_another_language_has_no_english_left(git_repo, pseudo, monkeypatch):
    from generator import checks
    from generator.diagnostics import Diagnostic, Severity

    def one_finding(portfolio, today, shared=None):
        return [checks.Finding(Diagnostic(plan.file, 1, 1, Severity.WARNING, "KAM201", "Kari decides"),
                               "KAM201", plan.id, s.id)
                for plan in portfolio.plans for s in plan.stakeholders if s.attitude == "sceptic"]

    monkeypatch.setattr(checks, "run_checks", one_finding)
    base = start(git_repo, BASE + PIPELINE.replace("stage: qualified", "stage: negotiation"))
    git_repo.write(PLAN, LATER)
    git_repo.write("accounts/fjord.yaml", "id: fjord\nname: Fjord Fisk AS\nowner: oodegard\ntier: development\n")
    git_repo.write("accounts/broken.yaml", "id: broken\nname: [\n")
    git_repo.edit("accounts/_people.yaml", "role: Solution specialist}",
                  "role: Solution specialist}\n  - {id: mkask, name: Margus Kask}")
    result = kam("diff", base, "--lang", "fi")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for shown in ("- ⟦Action overdue:", "⟦Commitment rescheduled:", "⟦Opportunity won:", "⟦Opportunity lost:",
                  "⟦Complaint recorded:", "⟦Person added to the directory:", "⟦New finding", "⟦Status:",
                  "### ⟦Fjord Fisk AS (`fjord`): new account⟧", "### ⟦Files that are not valid⟧", "⟦Tier "):
        assert shown in out, shown
    plan_text = {"Nordvik Havn AS", "Fjord Fisk AS", "Kari Nordmann", "Ola Hansen", "Ingrid Berg", "Kari decides",
                 "Jüri Tamm", "Päivi Mäkelä", "Øystein Ødegård", "Margus Kask", "Send the pilot offer",
                 "Prepare a reference visit", "Meet the CFO about the business case", "Deliver the pilot report",
                 "Sensor data came late", "Reefer monitoring in Muuga", "Yard gates", "Fleet renewal", "Price",
                 "Trailer tracking", "Third offer", "Reports missing", "Administrerende direktør", "Finansdirektør",
                 "Innkjøpssjef", "Innkjøpsdirektør", "Development", "Strategic", "Key account"}
    codes = {"nordvik", "fjord", "broken", "accounts/broken.yaml", "KAM201", "summary", base[:7]}
    # the YAML parser's own message for the broken file is not kam's (the lead's or validate's to translate)
    message = out.split("accounts/broken.yaml", 1)[1].split("\n", 1)[0]
    assert left_untranslated(out.replace(message, " "), plan_text | codes) == []


def no_checks(monkeypatch):
    """The policy checks' own words are theirs to test: here they find nothing."""
    from generator import checks

    monkeypatch.setattr(checks, "run_checks", lambda portfolio, today, shared=None: [])


def test_kam_diff_stays_english_by_default_and_its_json_keeps_english_codes(git_repo, pseudo, monkeypatch):
    no_checks(monkeypatch)
    base = start(git_repo)
    git_repo.write(PLAN, HEAD)
    english = kam("diff", base, "--lang", "en").stdout
    assert "⟦" not in english and "- Team: Øystein Ødegård joined as specialist\n" in english
    data = json.loads(kam("diff", base, "--lang", "fi", "--format", "json").stdout)
    assert data["head"] == "the working tree"
    assert [c["kind"] for c in data["accounts"][0]["changes"]][:2] == ["stakeholder-attitude", "stakeholder-title"]
    assert data["accounts"][0]["changes"][0]["text"] == "⟦Kari Nordmann: attitude ⟦neutral⟧ → ⟦supporter⟧⟧"


# --- kam share --lang: the customer's page --------------------------------------------------------

def schema_values() -> set[str]:
    """Every value a schema enumerates (a status, a role): kam shows them in words, translated."""
    def walk(node):
        if isinstance(node, dict):
            yield from (v for v in node.get("enum", ()) if isinstance(v, str))
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    return {v for path in (REPO_ROOT / "schema").glob("*.schema.json")
            for v in walk(json.loads(path.read_text(encoding="utf-8")))}


def yaml_texts(*paths) -> set[str]:
    """The text values of YAML files (not their keys, not the values a schema enumerates, not ids)."""
    import yaml

    enumerated = schema_values()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
        elif isinstance(node, str) and node not in enumerated and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", node):
            yield node

    return {text for path in paths for text in walk(yaml.safe_load(path.read_text(encoding="utf-8")))}


def share(*args: str):
    from click.testing import CliRunner

    from generator.cli import main

    return CliRunner().invoke(main, ["share", *args, "--root", str(REPO_ROOT), "--today", "2026-11-23"])


@pytest.mark.parametrize("account", ["laanemere-sadamad", "baltijas-piena", "vistula-logistics"])
def test_the_customers_page_in_their_language_has_no_english_left(pseudo, tmp_path, account):
    page_file = tmp_path / "page.html"
    result = share(account, "--out", str(page_file), "--lang", "fi")
    assert result.exit_code == 0, result.output
    page = page_file.read_text(encoding="utf-8")
    assert '<html lang="fi">' in page and "<h2>⟦How we serve you⟧</h2>" in page
    accounts = REPO_ROOT / "accounts"
    allowed = yaml_texts(accounts / f"{account}.yaml", accounts / "_people.yaml", accounts / "_portfolio.yaml")
    from generator import formats, i18n

    with i18n.use("fi"):  # quarters in the reader's words are not English ("4. nelj. 2026")
        allowed |= {formats.period(f"{year}-Q{quarter}") for year in range(2024, 2028) for quarter in range(1, 5)}
    title = re.search(r"<title>(.*?)</title>", page, re.S)[1]
    assert left_untranslated(visible_text(page) + title, allowed) == []


def test_the_customers_page_is_in_the_plans_language_unless_asked(tmp_path):
    def language_of(*args):
        page_file = tmp_path / "page.html"
        assert share(*args, "--out", str(page_file)).exit_code == 0
        return re.search(r'<html lang="([^"]+)">', page_file.read_text(encoding="utf-8"))[1]

    assert language_of("laanemere-sadamad") == "et"
    assert language_of("fjordlaks-havbruk") == "nb"  # the plan says `no`: kam's catalog is bokmål
    assert language_of("laanemere-sadamad", "--lang", "en") == "en"
    assert language_of("laanemere-sadamad", "--lang", "no") == "nb"
    wrong = share("laanemere-sadamad", "--out", str(tmp_path / "x.html"), "--lang", "xx")
    assert wrong.exit_code == 2 and "no translation for the language 'xx'" in wrong.output


def test_a_plan_in_a_language_kam_lacks_is_shared_in_the_portfolios():
    from generator.share import page_language

    portfolio = site.load(REPO_ROOT)
    plan = portfolio.plan("laanemere-sadamad")
    assert page_language(portfolio, dataclasses.replace(plan, language="de")) == portfolio.settings.site_languages[0]
    bare = dataclasses.replace(portfolio, settings=dataclasses.replace(portfolio.settings, language=None, languages=()))
    assert page_language(bare, dataclasses.replace(plan, language=None)) == "en"


def test_the_test_sees_english_on_the_customers_page(tmp_path):
    page_file = tmp_path / "page.html"
    assert share("laanemere-sadamad", "--out", str(page_file), "--lang", "en").exit_code == 0
    accounts = REPO_ROOT / "accounts"
    allowed = yaml_texts(accounts / "laanemere-sadamad.yaml", accounts / "_people.yaml", accounts / "_portfolio.yaml")
    found = left_untranslated(visible_text(page_file.read_text(encoding="utf-8")), allowed)
    assert {"How", "serve", "Goals", "promised", "together"} <= set(found)


# --- the company audience's words -------------------------------------------------------------------

def test_what_the_company_audience_reads_in_place_of_a_judgement_is_translated(pseudo):
    from generator import audience, site
    from generator.checks import Finding
    from generator.diagnostics import Diagnostic, Severity

    portfolio = site.load(REPO_ROOT)
    plan = portfolio.plans[0]
    finding = Finding(Diagnostic(plan.file, 1, 1, Severity.WARNING, "KAM101", "Mari is a blocker"), "KAM101",
                      plan.id, "mari", silenced="she is not", title="blocker on the deal")
    _, (shown,) = audience.for_audience(portfolio, [finding], audience.COMPANY)
    assert shown.message == "⟦blocker on the deal: the details are on the account team's site⟧"
    assert shown.silenced == "⟦(the account team's reason)⟧"


# --- every message these pages use is in the catalog (extracted: never hidden in an f-string) -------

def test_every_message_they_use_is_in_the_template(pseudo, monkeypatch, git_repo, tmp_path, example):
    from babel.messages.pofile import read_po

    from generator import i18n
    from pseudo import PseudoTranslations

    used: set[tuple] = set()

    class Recording(PseudoTranslations):
        def gettext(self, message):
            used.add((None, message))
            return super().gettext(message)

        def ngettext(self, singular, plural, n):
            used.add((None, singular))
            return super().ngettext(singular, plural, n)

        def pgettext(self, context, message):
            used.add((context, message))
            return super().pgettext(context, message)

    monkeypatch.setattr(i18n, "translations", lambda code: Recording())
    no_checks(monkeypatch)
    portfolio, plan = example
    for source in diagrams(portfolio, plan).values():
        assert source
    assert share("laanemere-sadamad", "--out", str(tmp_path / "page.html"), "--lang", "fi").exit_code == 0
    base = start(git_repo, BASE + PIPELINE.replace("stage: qualified", "stage: negotiation"))
    git_repo.write(PLAN, LATER)
    git_repo.write("accounts/fjord.yaml", "id: fjord\nname: Fjord Fisk AS\nowner: oodegard\ntier: development\n")
    assert kam("diff", base, "--lang", "fi").exit_code == 0
    with open(REPO_ROOT / "generator" / "locale" / "kam.pot", "rb") as pot:
        extracted = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_po(pot) if m.id}
    assert len(used) > 120
    assert sorted(used - extracted, key=str) == []
