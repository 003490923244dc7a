"""`kam diff` on real git repositories: exact Markdown and JSON, renames, invalid plans."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from gitrepo import git_repo  # noqa: F401 - a fixture

PLAN = "accounts/nordvik.yaml"

BASE = """\
id: nordvik
name: Nordvik Havn AS
owner: jtamm
tier: strategic
stakeholders:
  - id: kari
    name: Kari Nordmann
    title: Administrerende direktør
    influence: high
    attitude: neutral
    buying_roles: [economic]
    private: {birthday: 12. mai, hobbies: Langrenn}
  - id: ola
    name: Ola Hansen
    title: Innkjøpssjef
    reports_to: kari
    influence: medium
    attitude: champion
team:
  - person: jtamm
    role: account_manager
    covers:
      - {stakeholder: kari, strength: strong}
      - {stakeholder: ola, strength: strong}
  - person: pmakela
    role: executive_sponsor
    covers:
      - {stakeholder: kari, strength: medium}
actions:
  - {id: pilot-offer, title: Send the pilot offer, owner: jtamm, due: 2026-11-01}
  - {id: reference-visit, title: Prepare a reference visit, owner: pmakela, due: 2026-10-20}
commitments:
  - id: pilot-report
    promise: Deliver the pilot report
    owner: jtamm
    to: ola
    made: 2026-09-01
    due: 2026-11-15
reviews:
  - {period: 2026-Q3, date: 2026-10-05, next_review: 2027-01-05}
"""

HEAD = """\
id: nordvik
name: Nordvik Havn AS
owner: jtamm
tier: strategic
summary: The largest port operator in Northern Norway.
stakeholders:
  - id: kari
    name: Kari Nordmann
    title: Administrerende direktør
    influence: high
    attitude: supporter
    buying_roles: [economic]
    private: {birthday: 12. mai, hobbies: Fjellturer og langrenn}
  - id: ola
    name: Ola Hansen
    title: Innkjøpsdirektør
    reports_to: kari
    influence: high
    attitude: champion
  - id: ingrid
    name: Ingrid Berg
    title: Finansdirektør
    reports_to: kari
    influence: high
    attitude: sceptic
team:
  - person: jtamm
    role: account_manager
    covers:
      - {stakeholder: kari, strength: strong}
      - {stakeholder: ola, strength: medium}
  - person: pmakela
    role: executive_sponsor
    covers:
      - {stakeholder: ingrid, strength: weak}
  - person: oodegard
    role: specialist
    covers:
      - {stakeholder: ola, strength: medium}
actions:
  - {id: pilot-offer, title: Send the pilot offer, owner: jtamm, due: 2026-11-01, status: done, done: 2026-10-28}
  - {id: reference-visit, title: Prepare a reference visit, owner: pmakela, due: 2026-10-20}
  - {id: cfo-meeting, title: Meet the CFO about the business case, owner: pmakela, due: 2026-12-15}
commitments:
  - id: pilot-report
    promise: Deliver the pilot report
    owner: jtamm
    to: ola
    made: 2026-09-01
    due: 2026-11-15
    reschedules:
      - {date: 2026-11-10, new_due: 2026-11-30, reason: Sensor data came late, customer_told: true}
reviews:
  - {period: 2026-Q3, date: 2026-10-05, next_review: 2027-01-05}
  - {period: 2026-Q4, date: 2026-11-20, with_customer: true, next_review: 2027-02-20}
"""


@pytest.fixture(autouse=True)
def no_checks(monkeypatch):
    """The policy checks have their own tests; here they find nothing unless a test says so."""
    from generator import checks

    monkeypatch.setattr(checks, "run_checks", lambda portfolio, today: [])


def kam(*args: str):
    return CliRunner().invoke(main, [args[0], "--today", "2026-11-23", *args[1:]])


def start(repo, plan: str = BASE) -> str:
    repo.write(PLAN, plan)
    return repo.commit("Nordvik: first plan")


def test_a_realistic_change_in_words(git_repo):
    base = start(git_repo)
    git_repo.write(PLAN, HEAD)
    result = kam("diff", base)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"""\
## Plan changes: {base[:7]} → the working tree

1 account changed.

### Nordvik Havn AS (`nordvik`)

- Kari Nordmann: attitude neutral → supporter
- Ola Hansen: title Innkjøpssjef → Innkjøpsdirektør
- Ola Hansen: influence medium → high
- Stakeholder added: Ingrid Berg, Finansdirektør; influence high, attitude sceptic, reports to Kari Nordmann
- Team: Øystein Ødegård joined as specialist
- Coverage: Jüri Tamm and Ola Hansen strong → medium
- Coverage gained: Päivi Mäkelä covers Ingrid Berg (weak)
- Coverage gained: Øystein Ødegård covers Ola Hansen (medium)
- Coverage lost: Päivi Mäkelä no longer covers Kari Nordmann (was medium)
- Action done on 2026-10-28: Send the pilot offer
- Action overdue: Prepare a reference visit (Päivi Mäkelä, due 2026-10-20, 34 days late)
- Action added: Meet the CFO about the business case (Päivi Mäkelä, due 2026-12-15)
- Commitment rescheduled: Deliver the pilot report: due 2026-11-15 → 2026-11-30; reason: Sensor data came late; customer told
- Review added: 2026-Q4, held 2026-11-20 with the customer; next review 2027-02-20
- Also edited: summary
"""
    assert "Langrenn" not in result.stdout and "Fjellturer" not in result.stdout


def test_json_carries_kinds_subjects_and_old_and_new_values(git_repo):
    base = start(git_repo)
    git_repo.edit(PLAN, "attitude: neutral", "attitude: supporter")
    git_repo.edit(PLAN, "due: 2026-11-15\n", "due: 2026-11-15\n    status: kept\n")
    head = git_repo.commit("Kari is on our side; pilot report delivered")
    result = kam("diff", base, head, "--format", "json")
    assert json.loads(result.stdout) == {
        "base": base[:7], "head": head[:7],
        "accounts": [{
            "id": "nordvik", "name": "Nordvik Havn AS", "status": "changed",
            "file": "accounts/nordvik.yaml", "old_file": "accounts/nordvik.yaml",
            "changes": [
                {"kind": "stakeholder-attitude", "subject": "kari", "text": "Kari Nordmann: attitude neutral → supporter",
                 "old": "neutral", "new": "supporter"},
                {"kind": "action-overdue", "subject": "pilot-offer",
                 "text": "Action overdue: Send the pilot offer (Jüri Tamm, due 2026-11-01, 22 days late)",
                 "old": None, "new": None},
                {"kind": "action-overdue", "subject": "reference-visit",
                 "text": "Action overdue: Prepare a reference visit (Päivi Mäkelä, due 2026-10-20, 34 days late)",
                 "old": None, "new": None},
                {"kind": "commitment-kept", "subject": "pilot-report", "text": "Commitment kept: Deliver the pilot report",
                 "old": "open", "new": "kept"},
            ]}],
        "portfolio": [], "invalid": [], "notes": [],
    }


def test_owner_tier_and_added_and_removed_accounts(git_repo):
    base = start(git_repo)
    git_repo.edit(PLAN, "owner: jtamm", "owner: pmakela")
    git_repo.edit(PLAN, "tier: strategic", "tier: key")
    git_repo.write("accounts/fjord.yaml", "id: fjord\nname: Fjord Fisk AS\nowner: oodegard\ntier: development\n")
    git_repo.commit("Fjord Fisk is a prospect")
    git_repo.git("rm", "-q", PLAN)
    git_repo.write("accounts/narva.yaml", "id: narva\nname: Narva Ekspress\nowner: jtamm\ntier: key\n"
                   "status: prospect\n")
    assert kam("diff", base).stdout == f"""\
## Plan changes: {base[:7]} → the working tree

2 accounts added, 1 account removed.

### Fjord Fisk AS (`fjord`): new account

- Tier Development, owner Øystein Ødegård; 0 stakeholders, 0 people of ours on the team

### Narva Ekspress (`narva`): new account

- Tier Key, owner Jüri Tamm; 0 stakeholders, 0 people of ours on the team

### Nordvik Havn AS (`nordvik`): removed

- Was tier Strategic, owner Jüri Tamm
"""
    committed = kam("diff", base, "HEAD").stdout
    assert "1 account changed, 1 account added.\n" in committed
    assert "### Nordvik Havn AS (`nordvik`)\n\n- Owner: Jüri Tamm → Päivi Mäkelä\n- Tier: Strategic → Key\n" in committed


def test_a_renamed_plan_is_followed_by_git_and_by_id(git_repo):
    base = start(git_repo)
    git_repo.git("mv", PLAN, "accounts/nordvik-havn.yaml")
    git_repo.edit("accounts/nordvik-havn.yaml", "id: nordvik", "id: nordvik-havn")
    git_repo.edit("accounts/nordvik-havn.yaml", "attitude: neutral", "attitude: supporter")
    head = git_repo.commit("Nordvik: the id says the whole name")
    assert kam("diff", base, head).stdout == f"""\
## Plan changes: {base[:7]} → {head[:7]}

1 account changed.

### Nordvik Havn AS (`nordvik-havn`)

- Plan moved: `accounts/nordvik.yaml` → `accounts/nordvik-havn.yaml`; id `nordvik` → `nordvik-havn`
- Kari Nordmann: attitude neutral → supporter
- Action overdue: Send the pilot offer (Jüri Tamm, due 2026-11-01, 22 days late)
- Action overdue: Prepare a reference visit (Päivi Mäkelä, due 2026-10-20, 34 days late)
"""


def test_an_invalid_plan_is_one_line_with_its_error_never_a_traceback(git_repo):
    base = start(git_repo)
    git_repo.edit(PLAN, "reports_to: kari", "reports_to: karri")
    git_repo.edit(PLAN, "attitude: neutral", "attitude: supporter")
    git_repo.edit(PLAN, "to: ola", "to: olaf")
    git_repo.write("accounts/broken.yaml", "id: [\n")
    result = kam("diff", base)
    assert result.exit_code == 0
    assert result.stdout == f"""\
## Plan changes: {base[:7]} → the working tree

No account changed.

### Files that are not valid

- accounts/broken.yaml in the working tree, line 1, column 5: a '&#91;' opened on this line is not closed \
with '&#93;': close it at the end, e.g. buying&#95;roles: &#91;economic, user&#93;
- accounts/nordvik.yaml in the working tree, line 16, column 17: reports&#95;to 'karri' is not a \
stakeholder of this account (did you mean 'kari'?) (and 1 more)
"""
    assert json.loads(kam("diff", base, "--format", "json").stdout)["invalid"][1] == {
        "file": "accounts/nordvik.yaml", "side": "head", "line": 16, "column": 17, "more": 1,
        "message": "reports_to 'karri' is not a stakeholder of this account (did you mean 'kari'?)"}


def test_user_text_is_escaped_for_markdown(git_repo):
    base = start(git_repo)
    git_repo.edit(PLAN, "name: Ola Hansen", 'name: "Ola | <script>alert(1)</script> *Hansen* [x](http://e.vil)"')
    git_repo.edit(PLAN, "influence: medium", "influence: low")
    out = kam("diff", base).stdout
    assert ("- Stakeholder renamed: Ola Hansen → Ola &#124; &#60;script&#62;alert(1)&#60;/script&#62; "
            "&#42;Hansen&#42; &#91;x&#93;(http://e.vil)\n") in out
    assert "<script>" not in out and "](" not in out and "| <" not in out


def test_findings_of_kam_check_that_appear_and_go_away(git_repo, monkeypatch):
    from generator import checks
    from generator.diagnostics import Diagnostic, Severity

    def fake_checks(portfolio, today):
        found = []
        for plan in portfolio.plans:
            for s in plan.stakeholders:
                if s.attitude in ("sceptic", "neutral") and s.influence == "high":
                    message = f"{s.name} decides and is {s.attitude}"
                    found.append(checks.Finding(Diagnostic(plan.file, 1, 1, Severity.WARNING, "KAM201", message),
                                                "KAM201", plan.id, s.id))
        found.append(checks.Finding(Diagnostic("accounts/_portfolio.yaml", 1, 1, Severity.WARNING, "KAM104",
                                               f"{len(portfolio.plans)} account(s)"), "KAM104"))
        return found

    monkeypatch.setattr(checks, "run_checks", fake_checks)
    base = start(git_repo)
    git_repo.write(PLAN, HEAD)
    out = kam("diff", base).stdout
    assert "- Finding resolved (KAM201): Kari Nordmann decides and is neutral\n" in out
    assert "- New finding (KAM201, warning): Ingrid Berg decides and is sceptic\n" in out
    assert "KAM104" not in out  # the same finding on both sides is no change


def test_a_check_that_crashes_is_a_note_not_a_traceback(git_repo, monkeypatch):
    from generator import checks

    monkeypatch.setattr(checks, "run_checks", lambda portfolio, today: 1 / 0)
    base = start(git_repo)
    result = kam("diff", base)
    assert result.exit_code == 0
    assert result.stdout.endswith(
        f"### Not compared\n\n- kam check failed in {base[:7]} (ZeroDivisionError: division by zero), "
        "so its findings are not compared\n- kam check failed in the working tree (ZeroDivisionError: "
        "division by zero), so its findings are not compared\n")


def test_people_and_settings_changes_are_listed_for_the_portfolio(git_repo):
    base = start(git_repo)
    git_repo.edit("accounts/_people.yaml", "role: Solution specialist}",
                  "role: Solution specialist, left: 2026-11-01}\n  - {id: mkask, name: Margus Kask}")
    git_repo.edit("accounts/_portfolio.yaml", "min_criteria: 2", "min_criteria: 3")
    out = kam("diff", base).stdout
    assert out.endswith("No account changed.\n\n### Portfolio\n\n- Portfolio settings edited: tiers\n"
                        "- Øystein Ødegård left the company on 2026-11-01\n"
                        "- Person added to the directory: Margus Kask\n")


def test_no_changes(git_repo):
    base = start(git_repo)
    assert kam("diff", base).stdout == f"## Plan changes: {base[:7]} → the working tree\n\nNo changes to the plans.\n"


def test_the_default_base_is_the_merge_base_with_main(git_repo):
    start(git_repo)
    fork = git_repo.git("rev-parse", "HEAD")
    git_repo.git("checkout", "-q", "-b", "kari-supports-us")
    git_repo.edit(PLAN, "attitude: neutral", "attitude: supporter")
    git_repo.commit("Kari supports us")
    git_repo.git("checkout", "-q", "main")
    git_repo.edit(PLAN, "title: Innkjøpssjef", "title: Innkjøpsdirektør")
    git_repo.commit("Ola's new title")
    git_repo.git("checkout", "-q", "kari-supports-us")
    git_repo.edit(PLAN, "influence: medium", "influence: high")
    out = kam("diff").stdout
    assert out.startswith(f"## Plan changes: {fork[:7]} → the working tree\n\n1 account changed.\n")
    assert "attitude neutral → supporter" in out and "influence medium → high" in out
    assert "Innkjøpsdirektør" not in out  # main's own change since the fork is not this branch's


def test_wrong_revisions_and_folders_are_usage_errors(git_repo, tmp_path):
    result = kam("diff", "no-such-branch")
    assert result.exit_code == 2
    assert "'no-such-branch' is not a commit in this repository" in result.stderr
    result = kam("diff", "--", "-p")
    assert result.exit_code == 2 and "'-p' is not a revision" in result.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = kam("diff", "--root", str(elsewhere))
    assert result.exit_code == 2 and "not a git repository" in result.stderr
    assert "Traceback" not in result.output
