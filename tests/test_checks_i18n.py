"""`kam check --lang`: every finding message and the summary come from the catalog; the
machine-read parts of the line (path, line, column, severity, code) stay as they are.

Pseudo-translation (tests/pseudo.py) brackets every message, so a word of English left in
the code shows up outside the brackets.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner

from conftest import write
from generator import i18n
from generator.checks import REGISTRY, run_checks
from generator.cli import main
from generator.workspace import load_portfolio
from pseudo import CLOSE, OPEN, pseudo, untranslated  # noqa: F401

TODAY = "2026-11-23"

# One plan that sets off as many checks as it can, each finding a different message.
CASE = """\
# yaml-language-server: $schema=../../../../schema/plan.schema.json
id: case
name: Case AS
owner: jtamm
tier: strategic
classification:
  criteria: [known_brand]
situation:
  revenue:
    - {period: "2025", amount: 800000}
stakeholders:
  - {id: mari, name: Mari Kask, title: CFO, influence: high, attitude: blocker, last_contact: 2026-01-05}
  - {id: ants, name: Ants Saar, influence: medium, attitude: neutral}
  - {id: gone, name: Old Boss, influence: high, attitude: supporter, buying_roles: [economic], left: 2024-01-31,
     private: {hobbies: Golf}, notes: Likes golf}
team:
  - person: jtamm
    role: account_manager
    covers:
      - {stakeholder: mari, strength: weak}
goals:
  - {id: g1, horizon: short, title: Grow, target: 100, due: 2026-06-30}
  - {id: g2, horizon: long, title: Be loved}
actions:
  - {id: call, title: Call Mari, owner: jtamm, due: 2026-11-01}
commitments:
  - id: sensors
    promise: New sensors
    owner: jtamm
    to: ants
    due: 2026-10-15
    reschedules:
      - {date: 2026-10-01, new_due: 2026-11-10}
proposals:
  - {id: p1, title: Sensors, expires: 2026-11-01, status: sent}
tenders:
  - {id: t1, title: Fleet 2027, date: 2027-03-01}
opportunities:
  - {id: big, title: Big deal, stage: negotiation, value: 500000, close: 2026-11-01}
  - {id: gone-deal, title: Lost deal, stage: lost, value: 1000, close: 2026-10-01}
interactions:
  - date: 2026-11-02
    kind: complaint
    summary: Late delivery
    complaint: {opened: '2026-11-02T09:00', responded: '2026-11-04T12:00'}
silenced:
  - {check: KAM104, reason: Not this quarter}
  - {check: KAM503, reason: Portfolio-wide}
  - {check: KAM140, reason: A typo of a code}
  - {check: KAM305, subject: p1, reason: Shown with --show-silenced}
"""
# Settings with a mistyped tier (the schema lets it through: kam check's own settings error).
CHECKS = """\
checks:
  KAM102: {params: {min_people: 3}}
  KAM402: {params: {min_size: 2}}
  KAM403: {params: {max_hours: 8}}
  KAM404: {params: {min_meetings: 2}}
  KAM106: {tiers: {strategik: {enabled: true}}}
"""


@pytest.fixture
def plans(repo):
    write(repo, "accounts/case.yaml", CASE)
    settings = repo / "accounts" / "_portfolio.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + CHECKS, encoding="utf-8")
    return repo


@pytest.fixture
def english_afterwards():
    """`--lang` sets the language for the whole process: put English back for the tests that follow."""
    yield
    i18n.set_language("en")


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


LINE = re.compile(r"^(?P<where>[^:]+:\d+:\d+): (?P<severity>error|warning|info): (?P<message>.*) \[(?P<code>[\w-]+)\]$")
NESTED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")


def outside_messages(text: str) -> str:
    """The text with every message taken out, innermost first (a message's parameter may be a message)."""
    while True:
        stripped = NESTED.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


# What a finding shows from the plan and the settings (ids, names, titles, field names given as values):
# the user's words, never translated.
PLAN_WORDS = {"Case AS", "Mari Kask", "CFO", "Ants Saar", "Old Boss", "Call Mari", "New sensors", "Sensors",
              "Fleet 2027", "Big deal", "Lost deal", "Late delivery", "Nordvik Havn AS", "Kari Nordmann", "Jüri Tamm",
              "Päivi Mäkelä", "Not this quarter", "A typo of a code", "Portfolio-wide", "mari", "ants", "gone", "jtamm", "pmakela", "case", "call", "sensors", "big", "gone-deal",
              "strategic", "strategik", "account_manager", "executive_sponsor", "known_brand", "max_day", "min_days",
              "max_days", "grace_days", "min_people", "sent", "Shown with --show-silenced", "EUR"}


def test_check_in_a_pseudo_language_has_every_message_and_the_summary_translated(plans, pseudo, english_afterwards):
    result = kam("check", "--today", TODAY, "--show-silenced", "--lang", i18n.current())
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    codes = set()
    for line in lines:
        found = LINE.match(line)
        assert found, line  # the line's shape, the severity word and the code stay for CI's problem matchers
        message = found["message"]
        assert message.startswith(OPEN) and message.endswith(CLOSE), line
        assert untranslated(outside_messages(message), PLAN_WORDS) == [], line
        codes.add(found["code"])
    # most of the checks spoke, and the settings' errors too
    assert {"KAM101", "KAM102", "KAM103", "KAM105", "KAM106", "KAM201", "KAM202", "KAM203", "KAM301", "KAM302",
            "KAM304", "KAM305", "KAM306", "KAM401", "KAM402", "KAM403", "KAM404", "KAM501", "KAM502", "KAM601",
            "KAM701", "KAM801", "KAM802", "KAM803", "KAM001", "unknown-check", "unknown-tier"} <= codes
    summary = result.stderr.strip()
    assert summary.startswith(OPEN) and summary.endswith(CLOSE)
    assert untranslated(outside_messages(summary)) == []


def test_check_in_finnish_writes_numbers_and_money_as_a_finn_does(repo, english_afterwards):
    result = kam("check", "--today", TODAY, "--lang", "fi")
    line = result.stdout.strip()
    assert line.startswith("accounts/_portfolio.yaml:5:30: warning: ") and line.endswith(" [KAM502]")
    assert "25,0\N{NO-BREAK SPACE}%" in line and "250\N{NO-BREAK SPACE}t.\N{NO-BREAK SPACE}€" in line
    assert "1\N{NO-BREAK SPACE}milj.\N{NO-BREAK SPACE}€" in line or "1,00\N{NO-BREAK SPACE}milj." in line


def test_english_stays_the_default_after_another_language(repo, english_afterwards):
    kam("check", "--today", TODAY, "--lang", "fi")
    assert kam("check", "--today", TODAY).stderr == "3 files checked: 0 error(s), 1 warning(s)\n"


def test_finding_titles_are_in_the_language_in_use(plans, pseudo):
    portfolio = load_portfolio(plans, None).portfolio()
    findings = run_checks(portfolio, dt.date(2026, 11, 23))
    titled = [f for f in findings if f.check in REGISTRY]
    assert titled and all(f.title == f"{OPEN}{REGISTRY[f.check].title}{CLOSE}" for f in titled)
    assert REGISTRY["KAM201"].shown_title == f"{OPEN}review overdue{CLOSE}"
    assert REGISTRY["KAM201"].title == "review overdue"  # the settings schema's, English


def test_findings_kept_from_an_earlier_run_are_not_shown_in_another_language(plans, pseudo):
    """`kam serve` keeps findings between runs (memo): a run in another language must not reuse them."""
    portfolio = load_portfolio(plans, None).portfolio()
    memo, today = {}, dt.date(2026, 11, 23)
    with i18n.use("en"):
        english = run_checks(portfolio, today, memo=memo)
    assert not any(f.message.startswith(OPEN) for f in english)
    again = run_checks(portfolio, today, memo=memo)
    assert again and all(f.message.startswith(OPEN) for f in again)


def test_kam_lang_in_the_environment_picks_the_language_as_lang_does(repo, english_afterwards):
    by_option = kam("check", "--today", TODAY, "--lang", "fi").stdout
    by_environment = CliRunner().invoke(main, ["check", "--today", TODAY],
                                        env={"GITHUB_ACTIONS": "", "KAM_LANG": "fi"}).stdout
    assert by_environment == by_option != kam("check", "--today", TODAY, "--lang", "en").stdout


def test_a_language_kam_has_no_catalog_for_is_refused_in_one_line(repo, english_afterwards):
    result = CliRunner().invoke(main, ["check", "--lang", "de"], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "kam has no translation for the language 'de'" in result.output
