"""`kam check` as a user meets it: exact output, formats, exit status, --today, --strict, paths."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import write
from generator.cli import main

# The fixture's one finding: key accounts make 25 % of our revenue (KAM502, a warning).
KAM502 = ("accounts/_portfolio.yaml:5:30: warning: key accounts made 25.0 % of our revenue in 2025 (250 k EUR of "
          "1.00 M EUR); the healthy band is 30-55 %, below it: are the right accounts in the key tiers, and is their "
          "revenue recorded? [KAM502]")
OVERDUE = """\
id: case
name: Case AS
owner: jtamm
tier: key
stakeholders:
  - {id: ola, name: Ola Hansen, influence: low, attitude: champion, buying_roles: [economic], last_contact: 2026-11-01}
team:
  - {person: jtamm, role: account_manager, covers: [{stakeholder: ola, strength: strong}]}
reviews:
  - {period: 2026-Q3, date: 2026-10-01}
actions:
  - {id: call, title: Call Ola, owner: jtamm, due: 2026-11-20}
"""
OVERDUE_LINE = ("accounts/case.yaml:12:52: warning: action 'call' (Call Ola) was due on 2026-11-20, 3 days ago; "
                "owner jtamm: do it, or move the date [KAM301]")


def kam(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env or {"GITHUB_ACTIONS": ""})


def settings_checks(repo, text: str) -> None:
    path = repo / "accounts" / "_portfolio.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "checks:\n" + text, encoding="utf-8")


def test_no_findings_prints_nothing_and_exits_0(repo):
    settings_checks(repo, "  KAM502: {enabled: false}\n")
    result = kam("check", "--today", "2026-11-23")
    assert (result.stdout, result.stderr, result.exit_code) == ("", "3 files checked, no problems\n", 0)


def test_warnings_are_printed_and_exit_0(repo):
    result = kam("check", "--today", "2026-11-23")
    assert result.stdout == KAM502 + "\n"
    assert result.stderr == "3 files checked: 0 error(s), 1 warning(s)\n"
    assert result.exit_code == 0


def test_strict_fails_on_warnings(repo):
    assert kam("check", "--today", "2026-11-23", "--strict").exit_code == 1


def test_a_check_set_to_error_fails(repo):
    settings_checks(repo, "  KAM502: {severity: error}\n")
    result = kam("check", "--today", "2026-11-23")
    assert result.stdout == KAM502.replace("warning:", "error:") + "\n"
    assert result.exit_code == 1


def test_today_fixes_the_date(repo):
    write(repo, "accounts/case.yaml", OVERDUE)
    assert OVERDUE_LINE not in kam("check", "--today", "2026-11-20").stdout
    assert kam("check", "--today", "2026-11-23").stdout.splitlines() == [KAM502, OVERDUE_LINE]


def test_a_bad_date_is_wrong_usage(repo):
    result = kam("check", "--today", "23.11.2026")
    assert result.exit_code == 2
    assert "Invalid value for '--today'" in result.stderr


def test_json_format(repo):
    write(repo, "accounts/case.yaml", OVERDUE)
    rows = json.loads(kam("check", "--today", "2026-11-23", "--format", "json").stdout)
    assert rows[1] == {"path": "accounts/case.yaml", "line": 12, "column": 52, "severity": "warning", "code": "KAM301",
                       "message": "action 'call' (Call Ola) was due on 2026-11-20, 3 days ago; owner jtamm: do it, "
                                  "or move the date"}
    assert [row["code"] for row in rows] == ["KAM502", "KAM301"]


def test_github_format(repo):
    write(repo, "accounts/case.yaml", OVERDUE)
    result = kam("check", "--today", "2026-11-23", "--format", "github", "accounts/case.yaml")
    assert result.stdout == ("::warning file=accounts/case.yaml,line=12,col=52,title=KAM301::action 'call' (Call Ola) "
                             "was due on 2026-11-20, 3 days ago; owner jtamm: do it, or move the date\n")


def test_given_files_show_only_their_findings(repo):
    write(repo, "accounts/case.yaml", OVERDUE)
    assert kam("check", "--today", "2026-11-23", "accounts/case.yaml").stdout == OVERDUE_LINE + "\n"
    assert kam("check", "--today", "2026-11-23", "accounts/nordvik.yaml").stdout == ""


def test_given_files_must_be_plans_of_the_portfolio(repo):
    write(repo, "elsewhere/case.yaml", OVERDUE)
    result = kam("check", "elsewhere/case.yaml")
    assert (result.exit_code, "is not a plan in accounts/" in result.stderr) == (2, True)
    assert kam("check", "accounts/missing.yaml").exit_code == 2


def test_validation_errors_come_first_and_checks_run_on_the_valid_plans(repo):
    write(repo, "accounts/case.yaml", OVERDUE)
    write(repo, "accounts/broken.yaml", "id: broken\nname: Broken AS\nowner: nobody\ntier: key\n")
    result = kam("check", "--today", "2026-11-23")
    assert result.stdout.splitlines() == [
        "accounts/_portfolio.yaml:5:30: warning: key accounts made 25.0 % of our revenue in 2025 (250 k EUR of "
        "1.00 M EUR); the healthy band is 30-55 %, below it: are the right accounts in the key tiers, and is their "
        "revenue recorded? [KAM502]",
        "accounts/broken.yaml:3:8: error: owner 'nobody' is not in the people directory [unknown-person]",
        OVERDUE_LINE]
    assert result.exit_code == 1


def test_silenced_findings_are_hidden_unless_asked_for(repo):
    write(repo, "accounts/case.yaml", OVERDUE + "silenced:\n  - {check: KAM301, reason: Ola is on holiday until December}\n")
    assert kam("check", "--today", "2026-11-23", "accounts/case.yaml").stdout == ""
    shown = kam("check", "--today", "2026-11-23", "--show-silenced", "accounts/case.yaml")
    assert shown.stdout == OVERDUE_LINE.replace("warning:", "info:").replace(
        " [KAM301]", " (silenced: Ola is on holiday until December) [KAM301]") + "\n"
    assert shown.exit_code == 0


def test_broken_settings_stop_the_checks_but_not_the_report(repo):
    write(repo, "accounts/_portfolio.yaml", "company: X\n")
    result = kam("check", "--today", "2026-11-23")
    assert result.exit_code == 1
    assert result.stdout.startswith("accounts/_portfolio.yaml:1:1: error: missing required key 'currency'")
    assert "Traceback" not in result.output
