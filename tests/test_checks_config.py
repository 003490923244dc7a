"""Configuring checks (settings.checks) and silencing findings in a plan (silenced:, KAM001)."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from generator import model
from generator.checks import run_checks
from generator.diagnostics import Severity
from generator.load import load
from test_checks import TODAY, findings, run

NO_CHAMPION = "stakeholders:\n  - {id: ola, name: Ola Hansen, influence: low, attitude: neutral, last_contact: 2026-11-01}\n"


def codes_and_severities(found, code: str) -> list[tuple[str, str]]:
    return [(f.account, f.severity.value) for f in found if f.check == code]


# --- on, off, severity, per tier ----------------------------------------------------------

def test_a_check_is_on_with_its_default_severity(repo):
    assert codes_and_severities(run(repo, NO_CHAMPION), "KAM104") == [("case", "warning")]


def test_a_check_can_be_turned_off_everywhere_or_for_one_tier(repo):
    assert findings(repo, "KAM104", NO_CHAMPION, checks="KAM104: {enabled: false}") == []
    assert findings(repo, "KAM104", NO_CHAMPION, checks="KAM104: {tiers: {key: {enabled: false}}}") == []
    assert findings(repo, "KAM104", NO_CHAMPION, checks="KAM104: {tiers: {strategic: {enabled: false}}}") == [(5, 1)]
    on_again = "KAM104:\n  enabled: false\n  tiers:\n    key: {enabled: true}\n"
    assert findings(repo, "KAM104", NO_CHAMPION, checks=on_again) == [(5, 1)]


def test_severity_everywhere_and_per_tier(repo):
    assert codes_and_severities(run(repo, NO_CHAMPION, checks="KAM104: {severity: error}"), "KAM104") \
        == [("case", "error")]
    per_tier = "KAM104:\n  severity: info\n  tiers:\n    key: {severity: error}\n    strategic: {severity: info}\n"
    assert codes_and_severities(run(repo, NO_CHAMPION, checks=per_tier), "KAM104") == [("case", "error")]


def test_a_portfolio_check_takes_its_settings_without_tiers(repo):
    found = run(repo, checks="KAM502: {severity: error, params: {min_percent: 20}}")
    assert codes_and_severities(found, "KAM502") == []
    found = run(repo, checks="KAM502: {severity: error}")
    assert codes_and_severities(found, "KAM502") == [(None, "error")]


# --- typos are errors at their line --------------------------------------------------------

TYPOS = """\
checks:
  KAM011: {enabled: false}
  KAM101:
    params: {min_contact: 3, min_strength: strongest}
    tiers:
      strategc: {enabled: false}
      key: {params: {min_contacts: "two"}}
  KAM502:
    tiers:
      key: {enabled: false}
"""


def test_unknown_codes_params_and_tiers_are_errors_at_their_line(repo):
    """Without the schema (the site or a script may build settings some other way), run_checks reports them."""
    path = repo / "accounts" / "_portfolio.yaml"
    path.write_text(path.read_text(encoding="utf-8") + TYPOS, encoding="utf-8")
    settings = model.build_settings(load(path, "accounts/_portfolio.yaml"))
    portfolio = model.Portfolio(settings, {}, (), settings_file="accounts/_portfolio.yaml")
    assert [str(f.diagnostic) for f in run_checks(portfolio, TODAY)] == [
        "accounts/_portfolio.yaml:23:3: error: there is no check KAM011 (did you mean 'KAM001'?); see the README's "
        "table of checks [unknown-check]",
        "accounts/_portfolio.yaml:25:14: error: KAM101 has no parameter 'min_contact' (did you mean 'min_contacts'?); "
        "its parameters are: min_contacts, min_strength [unknown-param]",
        "accounts/_portfolio.yaml:25:44: error: KAM101 parameter 'min_strength' must be one of: weak, medium, strong; "
        "got 'strongest' [bad-param]",
        "accounts/_portfolio.yaml:27:7: error: 'strategc' is not a tier of the portfolio settings (strategic, key, "
        "development) (did you mean 'strategic'?) [unknown-tier]",
        "accounts/_portfolio.yaml:28:36: error: KAM101 parameter 'min_contacts' must be a whole number, not 'two' "
        "[bad-param]",
        "accounts/_portfolio.yaml:31:7: error: KAM502 looks at the whole portfolio: it has no per-tier settings "
        "[unknown-tier]"]


def test_the_schema_rejects_the_same_typos_so_kam_check_never_runs_on_them(repo):
    from test_checks_cli import kam

    path = repo / "accounts" / "_portfolio.yaml"
    path.write_text(path.read_text(encoding="utf-8") + TYPOS, encoding="utf-8")
    result = kam("check", "--today", "2026-11-23")
    lines = [line.split(": error: ")[0] for line in result.stdout.splitlines()]
    assert lines == ["accounts/_portfolio.yaml:23:3", "accounts/_portfolio.yaml:25:14", "accounts/_portfolio.yaml:25:44",
                     "accounts/_portfolio.yaml:28:36", "accounts/_portfolio.yaml:30:5"]
    assert "unknown key 'KAM011' in checks" in result.stdout
    assert result.exit_code == 1


# --- silences ------------------------------------------------------------------------------------

def silenced(entries: str) -> str:
    return NO_CHAMPION + "silenced:\n" + entries


def test_a_silence_with_its_reason(repo):
    plan = silenced("  - {check: KAM104, reason: Buys through a framework agreement}\n")
    found = [f for f in run(repo, plan) if f.check in ("KAM104", "KAM001")]
    assert [(f.check, f.silenced) for f in found] == [("KAM104", "Buys through a framework agreement")]


def test_a_silence_for_one_subject_only(repo):
    plan = ("stakeholders:\n"
            "  - {id: a, name: A, influence: low, attitude: champion}\n"
            "  - {id: b, name: B, influence: low, attitude: neutral}\n"
            "silenced:\n  - {check: KAM106, subject: b, reason: Retires in December}\n")
    found = [f for f in run(repo, plan) if f.check == "KAM106"]
    assert [(f.subject, f.silenced) for f in found] == [("a", None), ("b", "Retires in December")]


def test_a_silence_ends_after_its_until_date(repo):
    plan = silenced("  - {check: KAM104, reason: New CEO starts in November, until: UNTIL}\n")
    found = run(repo, plan.replace("UNTIL", "2026-11-23"))
    assert [(f.check, f.silenced) for f in found if f.check in ("KAM104", "KAM001")] == [
        ("KAM104", "New CEO starts in November")]
    found = run(repo, plan.replace("UNTIL", "2026-11-22"))
    assert [(f.check, f.silenced) for f in found if f.check in ("KAM104", "KAM001")] == [("KAM104", None)]


def test_a_silence_that_matches_nothing_is_reported(repo):
    plan = silenced("  - {check: KAM105, reason: Nobody against us yet}\n"
                    "  - {check: KAM106, subject: ola, reason: Seen every week, until: 2026-10-01}\n"
                    "  - {check: KAM101, subject: ola, reason: Nothing to see here}\n")
    found = [f for f in run(repo, plan, checks="KAM101: {enabled: false}") if f.check == "KAM001"]
    assert [str(f.diagnostic) for f in found] == [
        "accounts/case.yaml:8:13: warning: this silence of KAM105 matches no finding: remove it [KAM001]",
        "accounts/case.yaml:9:13: warning: this silence of KAM106 for 'ola' ended on 2026-10-01 and matches nothing "
        "now: remove it [KAM001]",
        "accounts/case.yaml:10:13: warning: KAM101 is off for this account: remove this silence [KAM001]"]
    assert [f.subject for f in found] == ["KAM105", "KAM106", "KAM101"]


def test_portfolio_findings_cannot_be_silenced_in_a_plan(repo):
    plan = silenced("  - {check: KAM502, reason: 'We know, we are working on it'}\n")
    assert [f.message for f in run(repo, plan) if f.check == "KAM001"] == [
        "KAM502 is about the whole portfolio and cannot be silenced in a plan: change its settings in the "
        "portfolio settings"]
    assert [f.silenced for f in run(repo, plan) if f.check == "KAM502"] == [None]


def test_a_silence_of_an_unknown_check_is_an_error(repo):
    plan = silenced("  - {check: KAM140, reason: Typo in the code}\n")
    found = [f for f in run(repo, plan) if f.diagnostic.severity is Severity.ERROR]
    assert [(str(f.diagnostic), f.severity) for f in found] == [
        ("accounts/case.yaml:8:13: error: there is no check KAM140 (did you mean 'KAM104'?); see the README's table "
         "of checks [unknown-check]", Severity.ERROR)]


def test_unused_silences_can_be_turned_off(repo):
    plan = silenced("  - {check: KAM105, reason: Nobody against us yet}\n")
    assert findings(repo, "KAM001", plan) == [(8, 13)]
    assert findings(repo, "KAM001", plan, checks="KAM001: {enabled: false}") == []


def test_former_customers_are_not_checked(repo):
    write(repo, "accounts/case.yaml", "id: case\nname: Case AS\nowner: jtamm\ntier: key\nstatus: former\n")
    assert [f for f in run(repo) if f.account == "case"] == []
    assert Path("accounts/case.yaml").exists()
