"""`kam demo`: a synthetic portfolio that is deterministic, valid, and shaped like real plans."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import demo
from generator.cli import main
from generator.load import parse
from generator.workspace import load_portfolio

TODAY = dt.date(2026, 11, 23)


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def portfolio_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "plans"
    demo.write_demo(out, 20, seed=1)
    return out


@pytest.fixture(scope="module")
def portfolio(portfolio_dir):
    result = load_portfolio(portfolio_dir)
    assert [str(d) for d in result.diagnostics] == []
    return result.portfolio()


def _depth(plan) -> int:
    manager = {s.id: s.reports_to for s in plan.stakeholders}

    def levels(sid: str) -> int:
        n = 1
        while manager.get(sid):
            sid, n = manager[sid], n + 1
        return n

    return max(levels(s.id) for s in plan.stakeholders)


# --- determinism -------------------------------------------------------------------

def test_the_same_seed_writes_byte_identical_trees(tmp_path):
    demo.write_demo(tmp_path / "a", 12, seed=7)
    demo.write_demo(tmp_path / "b", 12, seed=7)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_another_seed_or_date_writes_other_plans():
    first = demo.build_portfolio(12, seed=7)
    assert demo.build_portfolio(12, seed=8) != first
    later = demo.build_portfolio(12, seed=7, today=dt.date(2027, 3, 1))
    assert later != first
    assert "today: 2027-03-01" in later["mkdocs.yml"]


# --- validity -------------------------------------------------------------------------

def test_the_real_validator_finds_nothing(portfolio, portfolio_dir):
    assert len(portfolio.plans) == 20
    assert len(list((portfolio_dir / "accounts").glob("[!_]*.yaml"))) == 20


def test_kam_validate_in_the_demo_folder_exits_0(portfolio_dir, monkeypatch):
    monkeypatch.chdir(portfolio_dir)
    result = kam("validate")
    assert (result.stdout, result.exit_code) == ("", 0)
    assert result.stderr == "22 files checked, no problems\n"


@pytest.mark.parametrize("accounts", [1, 2, 3, 9])
def test_tiny_portfolios_are_valid_too(tmp_path, accounts):
    demo.write_demo(tmp_path / "p", accounts, seed=accounts)
    result = load_portfolio(tmp_path / "p")
    assert [str(d) for d in result.diagnostics] == []
    assert len(result.plans) == accounts


def test_every_value_reads_the_same_in_yaml_1_1_and_in_the_project_loader(portfolio_dir):
    """Editors read YAML 1.1, kam reads 1.2: nothing may mean something else to either (NO, 1:20, 2026)."""
    def as_text_dates(value):
        if isinstance(value, dict):
            return {k: as_text_dates(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_text_dates(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    for path in sorted((portfolio_dir / "accounts").glob("*.yaml")):
        raw = path.read_bytes()
        assert as_text_dates(yaml.load(raw, Loader=yaml.CSafeLoader)) == parse(raw, str(path)).data, path.name


TRICKY = ["NO", "no", "Yes", "y", "ON", "off", "~", "null", "", " lead", "trail ", "1:20", "2026", "2026-11-23",
          "2026-1-2", "2026-11-23 10:00", "1e3", "0x1F", "0o17", "0b101", ".5", "+1", "-1", "1_000", ".inf", ".NaN",
          "- x", "a: b", "a #b", "#x", "@x", "`x`", "x:", "[x]", "{x}", "a, b", "'q", '"q', "%x", "!x", "&x", "*x",
          "|x", ">x", "?x", "=", "<<", "tab\there", "line\nbreak", "Øystein Ødegård", "Мария Иванова", "2–3 kuud",
          "Tender 2027: Fleet", "https://example.com/a#b", "a\\b", "\u2028"]


@pytest.mark.parametrize("flow", [False, True])
def test_the_emitter_quotes_exactly_what_could_be_misread(flow):
    value = TRICKY if flow else {f"k{i}": text for i, text in enumerate(TRICKY)}
    text = demo.dump({"values": value, "when": dt.date(2026, 11, 23), "n": 3, "ok": True})
    assert "when: 2026-11-23\n" in text  # dates unquoted, as a person writes them
    expected = {"values": value, "when": "2026-11-23", "n": 3, "ok": True}
    assert parse(text.encode(), "t.yaml").data == expected
    loaded = yaml.load(text, Loader=yaml.CSafeLoader)
    assert loaded["values"] == value and loaded["when"] == dt.date(2026, 11, 23)
    assert demo.scalar("Øystein Ødegård") == "Øystein Ødegård" and demo.scalar("NO") == '"NO"'


def test_folded_and_literal_texts_round_trip():
    long = "Logistikkdirektøren ser hele flåten i sanntid – " * 6 + "slutt."
    text = demo.dump({"summary": demo.Folded(long.strip()), "history": demo.Literal("2021 – a\n2022 – b: c\n")})
    assert "summary: >-\n" in text and "history: |\n" in text
    assert parse(text.encode(), "t.yaml").data == {"summary": long.strip(), "history": "2021 – a\n2022 – b: c\n"}


# --- files and layout --------------------------------------------------------------------

def test_the_repository_layout(portfolio_dir):
    files = tree(portfolio_dir)
    for name in ("accounts/_portfolio.yaml", "accounts/_people.yaml", "mkdocs.yml", "docs/.gitkeep",
                 "schema/plan.schema.json", "schema/portfolio.schema.json", "schema/people.schema.json"):
        assert name in files
    for name, raw in files.items():
        if name.startswith("accounts/"):
            kind = {"_portfolio.yaml": "portfolio", "_people.yaml": "people"}.get(Path(name).name, "plan")
            assert raw.decode().startswith(f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n")
            assert not re.search(rb"""["']\d{4}-\d{2}-\d{2}["']""", raw), name  # no quoted dates
    site = yaml.load(files["mkdocs.yml"].replace(b"!ENV", b""), Loader=yaml.CSafeLoader)
    assert site["theme"]["name"] == "material"
    assert [p["scheme"] for p in site["theme"]["palette"]] == ["default", "slate"]
    assert all("toggle" in p for p in site["theme"]["palette"])
    assert site["plugins"][0] == "search" and "kam" in site["plugins"][1]
    assert site["site_name"]


def test_plans_are_as_long_as_real_plans(portfolio_dir):
    lengths = [p.read_text(encoding="utf-8").count("\n") for p in (portfolio_dir / "accounts").glob("[!_]*.yaml")]
    assert 300 <= sum(lengths) / len(lengths) <= 550
    assert min(lengths) >= 250


# --- shape ---------------------------------------------------------------------------------

def test_stakeholders_form_a_reporting_tree_of_3_to_5_levels(portfolio):
    for plan in portfolio.plans:
        assert 8 <= len(plan.stakeholders) <= 40
        roots = [s for s in plan.stakeholders if s.reports_to is None]
        assert len(roots) == 1
        depth = _depth(plan)
        assert 3 <= depth <= 5
        if len(plan.stakeholders) >= 16:
            assert depth >= 4, plan.id
    everyone = [s for plan in portfolio.plans for s in plan.stakeholders]
    assert {s.attitude for s in everyone} == set(demo.ATTITUDES)
    assert {r for s in everyone for r in s.buying_roles} == set(demo.ROLES)
    assert {s.influence for s in everyone} == {"high", "medium", "low"}
    assert sum(1 for s in everyone if s.private) > len(everyone) / 8
    assert sum(len(s.influences) for s in everyone) >= len(portfolio.plans)


def test_teams_come_from_a_shared_directory_and_cover_the_stakeholders(portfolio):
    assert 16 <= len(portfolio.people) <= 40
    seats = Counter(m.person for plan in portfolio.plans for m in plan.team)
    assert max(seats.values()) >= 3  # people sit on several accounts
    strengths = Counter()
    for plan in portfolio.plans:
        assert 3 <= len(plan.team) <= 10
        assert plan.team[0].person == plan.owner and plan.team[0].role == "account_manager"
        if plan.tier != "development":
            assert "executive_sponsor" in {m.role for m in plan.team}
        covered = {c.stakeholder for m in plan.team for c in m.covers}
        assert len(covered) >= 0.7 * len(plan.stakeholders)
        assert all(len(m.covers) >= 1 for m in plan.team[:2])
        strengths.update(c.strength for m in plan.team for c in m.covers)
    assert set(strengths) == {"strong", "medium", "weak"}


def test_a_year_of_reviews_two_years_of_revenue_and_the_rest_of_a_plan(portfolio):
    statuses = Counter()
    overdue = reschedules = 0
    for plan in portfolio.plans:
        assert 4 <= len(plan.reviews) <= 5
        first, last = plan.reviews[0], plan.reviews[-1]
        assert (last.date - first.date).days >= 250 and (TODAY - last.date).days <= 200
        assert all(r.next_review and r.corrections for r in plan.reviews)
        assert any(r.results for r in plan.reviews)
        if plan.status == "customer":
            quarters = [f"{y}-Q{q}" for y in (2025, 2026) for q in range(1, 5)]
            assert [a.period for a in plan.situation.revenue] == quarters
            assert plan.situation.revenue[-1].forecast
        assert {g.horizon for g in plan.goals} == {"short", "long"}
        assert 1 <= len(plan.tenders) <= 2 and plan.proposals and plan.situation.competitors
        assert plan.buying_process.steps and plan.situation.products
        assert 5 <= len(plan.actions) <= 15 and plan.commitments
        statuses.update(a.status for a in plan.actions)
        overdue += sum(1 for a in plan.actions if a.is_open and a.due < TODAY)
        reschedules += sum(len(c.reschedules) for c in plan.commitments)
    assert {"open", "in_progress", "done"} <= set(statuses)
    assert overdue and reschedules
    assert any(plan.situation.units for plan in portfolio.plans)


def test_tiers_languages_and_revenue_concentration(portfolio):
    plans = portfolio.plans
    assert {p.tier for p in plans} == {"strategic", "key", "development"}
    assert {p.language for p in plans} == {"et", "fi", "no", "ru", "en"}
    names = " ".join(s.name for p in plans for s in p.stakeholders)
    assert re.search("[äöõüÄÖÕÜ]", names) and re.search("[øåæØÅÆ]", names) and re.search("[а-яА-Я]", names)
    for plan in plans:
        tier = portfolio.settings.tier(plan.tier)
        assert len(plan.classification.criteria) >= tier.min_criteria
    rates = dict(portfolio.settings.exchange_rates)
    for total in portfolio.settings.revenue:
        key = sum(a.amount * rates.get(p.currency or "EUR", 1.0) for p in plans if portfolio.settings.tier(p.tier).key
                  for a in p.situation.revenue if a.period == total.period)
        assert 0.30 <= key / total.amount <= 0.55, total.period


def test_the_account_cycle_in_every_plan_and_the_new_checks_firing(portfolio):
    from generator import analyse
    from generator.checks import run_checks

    stages, kinds, languages = Counter(), Counter(), set()
    for plan in portfolio.plans:
        assert 1 <= len(plan.opportunities) <= 3 and len(plan.interactions) >= 2
        stages.update(o.stage for o in plan.opportunities)
        kinds.update(e.kind for e in plan.interactions)
        languages.add(plan.language)
        products = {p.name for p in plan.situation.products}
        assert all(set(o.products) <= products for o in plan.opportunities)
        # the timeline keeps each person's last contact where the team step put it
        named = {sid for e in plan.interactions for sid in e.stakeholders}
        touched = analyse.last_touch(plan, TODAY)
        assert all(touched[s.id] >= s.last_contact for s in plan.stakeholders if s.id in named)
    assert set(stages) == {"identified", "qualified", "proposal", "negotiation", "won", "lost"}
    assert set(kinds) == {"meeting", "call", "visit", "email", "management_meeting", "complaint"}
    assert languages == {"et", "fi", "no", "ru", "en"}
    fired = {f.check for f in run_checks(portfolio, TODAY)}
    assert {"KAM403", "KAM404", "KAM801", "KAM802", "KAM803"} <= fired


# --- refusing to overwrite, and the command ------------------------------------------------------

def test_a_non_empty_folder_is_refused_unless_forced(tmp_path):
    out = tmp_path / "p"
    demo.write_demo(out, 5, seed=1)
    (out / "accounts" / "stale.yaml").write_text("id: stale\n", encoding="utf-8")
    with pytest.raises(demo.DemoError, match="not empty"):
        demo.write_demo(out, 3, seed=2)
    demo.write_demo(out, 3, seed=2, force=True)
    assert not (out / "accounts" / "stale.yaml").exists()  # a stale plan would break validation
    assert len(list((out / "accounts").glob("[!_]*.yaml"))) == 3
    assert load_portfolio(out).diagnostics == []


def test_the_command_writes_and_exits_0(tmp_path):
    result = kam("demo", "--accounts", "3", "--out", str(tmp_path / "p"), "--seed", "5", "--today", "2026-06-30")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("wrote 3 accounts (")
    written = tree(tmp_path / "p")
    assert written.pop(".kam-demo.json")  # the marker: what this demo wrote (demo/guard.py)
    assert written == {name: text.encode() for name, text in demo.build_portfolio(3, 5, dt.date(2026, 6, 30)).items()}


def test_the_command_refuses_a_non_empty_folder_with_one_line_and_exit_2(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "notes.txt").write_text("mine", encoding="utf-8")
    result = kam("demo", "--accounts", "3", "--out", str(tmp_path / "p"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not empty" in result.stderr and "--force" in result.stderr
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["notes.txt"]
    assert kam("demo", "--accounts", "3", "--out", str(tmp_path / "p"), "--force").exit_code == 0
    assert (tmp_path / "p" / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("args", [
    ["--out", "x"],                                    # no --accounts
    ["--accounts", "0", "--out", "x"],                 # out of range
    ["--accounts", "3", "--out", "x", "--today", "23.11.2026"],
    ["--accounts", "3"],                               # no --out
])
def test_wrong_usage_exits_2(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = kam("demo", *args)
    assert result.exit_code == 2
    assert not (tmp_path / "x").exists()


def test_a_file_as_the_folder_exits_2(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    result = kam("demo", "--accounts", "1", "--out", str(tmp_path / "f"))
    assert result.exit_code == 2 and "is a file" in result.stderr
