"""Policy checks, yamllint-style: each case is a tiny plan, inline, and the exact findings it gives.

The plans go into the `repo` fixture (tests/fixtures/minimal) as accounts/case.yaml,
below a four-line header, so the plan text given to `findings` starts on line 5.
The fixture's tiers: strategic (2 contacts per decision maker, contact every 60
days, review every 92, account manager and executive sponsor required, 2
criteria), key (review every 183 days, other care-model defaults), development.

This module holds the helpers, the registry and schema tests, and the
relationship checks (KAM101-KAM106); the other groups have their own modules.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

from conftest import FIXTURES, write
from generator.checks import REGISTRY, run_checks
from generator.checks.schema import checks_defs, checks_schema
from generator.validate import schema_path
from generator.workspace import load_portfolio

TODAY = dt.date(2026, 11, 23)
CASE = "accounts/case.yaml"


def header(tier: str = "key") -> str:
    return f"id: case\nname: Case AS\nowner: jtamm\ntier: {tier}\n"


def run(repo: Path, plan: str | None = None, *, tier: str = "key", checks: str = "", settings: str = "",
        replace: dict | None = None, today: dt.date = TODAY):
    """Every finding of the portfolio with `plan` as accounts/case.yaml, `checks` as settings.checks,
    `settings` added to the fixture's settings and `replace` (old text: new text) applied to them."""
    if plan is not None:
        write(repo, CASE, header(tier) + textwrap.dedent(plan))
    text = (FIXTURES / "minimal" / "accounts" / "_portfolio.yaml").read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    text += textwrap.dedent(settings)
    if checks:
        text += "checks:\n" + textwrap.indent(textwrap.dedent(checks), "  ")
    write(repo, "accounts/_portfolio.yaml", text)
    result = load_portfolio(Path("."))
    assert result.ok, [str(d) for d in result.diagnostics]
    return run_checks(result.portfolio(), today)


def findings(repo: Path, code: str, plan: str | None = None, **options) -> list[tuple[int, int]]:
    """(line, column) of each finding of `code` in the case plan."""
    return [(f.diagnostic.line, f.diagnostic.column) for f in run(repo, plan, **options)
            if f.check == code and f.diagnostic.path == CASE]


def messages(repo: Path, code: str, plan: str | None = None, **options) -> list[str]:
    return [str(f.diagnostic) for f in run(repo, plan, **options) if f.check == code]


# --- the registry and the schema ---------------------------------------------------

def test_every_check_has_a_stable_code_a_title_and_a_description():
    for code, check in REGISTRY.items():
        assert code == check.code and code[:3] == "KAM" and code[3:].isdigit() and len(code) == 6
        assert check.title and check.description.endswith((".", ")")), code


def test_every_check_is_tested():
    text = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_checks*.py"))
    assert [code for code in sorted(REGISTRY) if f'"{code}"' not in text] == []


def test_the_settings_schema_describes_every_check_and_parameter():
    schema = json.loads(schema_path("portfolio").read_text(encoding="utf-8"))
    # regenerate with: python -m generator.checks.schema (the registry is the source of truth)
    assert schema["properties"]["checks"] == checks_schema()
    assert {k: schema["$defs"][k] for k in checks_defs()} == checks_defs()


def test_a_healthy_plan_has_no_findings(repo):
    assert [str(f.diagnostic) for f in run(repo) if f.account] == []


# --- KAM101 single-threaded decision maker -------------------------------------------

DECISION_MAKERS = """\
stakeholders:
  - {id: mari, name: Mari Kask, title: CFO, influence: medium, attitude: neutral, buying_roles: [economic]}
  - {id: toomas, name: Toomas Kuusk, influence: high, attitude: supporter}
  - {id: liis, name: Liis Lepp, influence: medium, attitude: champion}
team:
  - person: jtamm
    role: account_manager
    covers: [{stakeholder: mari, strength: strong}, {stakeholder: toomas, strength: weak}]
  - person: pmakela
    role: executive_sponsor
    covers: [{stakeholder: toomas, strength: medium}]
"""


def test_kam101_a_decision_maker_below_the_tiers_minimum(repo):
    # key tier: one contact is enough; strategic: two
    assert findings(repo, "KAM101", DECISION_MAKERS) == []
    assert messages(repo, "KAM101", DECISION_MAKERS, tier="strategic") == [
        "accounts/case.yaml:6:10: warning: decision maker 'mari' (Mari Kask, CFO) is covered only by jtamm; "
        "the strategic tier asks for 2 of our people [KAM101]"]


def test_kam101_nobody_covering_is_named_and_people_carry_the_risk(repo):
    plan = DECISION_MAKERS.replace("{stakeholder: mari, strength: strong}, ", "")
    found = [f for f in run(repo, plan) if f.check == "KAM101"]
    assert [f.message for f in found] == [
        "decision maker 'mari' (Mari Kask, CFO) is covered by nobody of ours; the key tier asks for 1 of our people"]
    assert (found[0].account, found[0].subject, found[0].people) == ("case", "mari", ())
    strategic = [f for f in run(repo, DECISION_MAKERS, tier="strategic") if f.check == "KAM101"]
    assert [f.people for f in strategic] == [("jtamm",)]


def test_kam101_min_strength_ignores_weak_relationships(repo):
    assert findings(repo, "KAM101", DECISION_MAKERS, checks="KAM101: {params: {min_strength: medium}}") == []
    assert findings(repo, "KAM101", DECISION_MAKERS,
                    checks="KAM101: {params: {min_strength: strong}}") == [(7, 10)]


def test_kam101_per_tier_parameter(repo):
    checks = "KAM101:\n  tiers:\n    key: {params: {min_contacts: 2}}\n"
    assert findings(repo, "KAM101", DECISION_MAKERS, checks=checks) == [(6, 10)]


def test_kam101_people_who_left_the_customer_are_exempt(repo):
    plan = DECISION_MAKERS.replace("buying_roles: [economic]}", "buying_roles: [economic], left: 2026-11-23}")
    assert findings(repo, "KAM101", plan, tier="strategic") == []
    plan = DECISION_MAKERS.replace("buying_roles: [economic]}", "buying_roles: [economic], left: 2026-11-24}")
    assert findings(repo, "KAM101", plan, tier="strategic") == [(6, 10)]


# --- KAM102 key-person risk ----------------------------------------------------------

KEY_PERSON = """\
stakeholders:
  - {id: kari, name: Kari Nordmann, influence: high, attitude: supporter, buying_roles: [economic]}
  - {id: ola, name: Ola Hansen, influence: high, attitude: champion}
  - {id: per, name: Per Berg, influence: low, attitude: neutral}
team:
  - person: pmakela
    role: executive_sponsor
    covers: [{stakeholder: per, strength: strong}]
  - person: jtamm
    role: account_manager
    covers: [{stakeholder: kari, strength: strong}, {stakeholder: ola, strength: medium}]
"""


def test_kam102_all_high_influence_coverage_through_one_person(repo):
    assert messages(repo, "KAM102", KEY_PERSON) == [
        "accounts/case.yaml:13:13: warning: all our coverage of high-influence stakeholders (kari and ola) goes "
        "through jtamm: if jtamm leaves, those doors close; put another person of ours on them [KAM102]"]


def test_kam102_a_second_person_on_one_of_them_is_enough_by_default(repo):
    plan = KEY_PERSON.replace("{stakeholder: per, strength: strong}", "{stakeholder: ola, strength: weak}")
    assert findings(repo, "KAM102", plan) == []
    assert findings(repo, "KAM102", plan, checks="KAM102: {params: {min_people: 3}}") == [(13, 13)]


def test_kam102_nobody_covering_is_left_to_kam101(repo):
    plan = KEY_PERSON.replace("covers: [{stakeholder: kari, strength: strong}, {stakeholder: ola, strength: medium}]",
                              "covers: []")
    assert findings(repo, "KAM102", plan) == []


# --- KAM103 no economic buyer, KAM104 no champion or coach -----------------------------

def test_kam103_no_economic_buyer(repo):
    plan = "stakeholders:\n  - {id: ola, name: Ola Hansen, influence: high, attitude: champion}\n"
    assert messages(repo, "KAM103", plan) == [
        "accounts/case.yaml:5:1: warning: no economic buyer identified: add whoever signs off the money, with "
        "buying_roles: [economic] [KAM103]"]
    assert findings(repo, "KAM103", plan.replace("attitude: champion", "attitude: champion, buying_roles: [economic]")) == []


def test_kam103_the_economic_buyer_left(repo):
    plan = ("stakeholders:\n  - {id: ola, name: Ola Hansen, influence: high, attitude: champion, "
            "buying_roles: [economic], left: 2026-06-30}\n")
    assert [m.split(": warning: ")[1] for m in messages(repo, "KAM103", plan)] == [
        "the economic buyer 'ola' (Ola Hansen) left on 2026-06-30: find out who signs off the money now and add "
        "them with buying_roles: [economic] [KAM103]"]


def test_kam103_and_kam104_without_stakeholders_point_at_the_id(repo):
    assert findings(repo, "KAM103", "") == [(1, 1)]
    assert findings(repo, "KAM104", "") == [(1, 1)]


def test_kam104_a_champion_or_a_coach_is_enough(repo):
    plan = "stakeholders:\n  - {id: ola, name: Ola Hansen, influence: high, attitude: supporter}\n"
    assert messages(repo, "KAM104", plan) == [
        "accounts/case.yaml:5:1: warning: no champion or coach: nobody at the customer sells for us inside "
        "(attitude: champion) or guides us (buying_roles: [coach]) [KAM104]"]
    assert findings(repo, "KAM104", plan.replace("supporter", "champion")) == []
    assert findings(repo, "KAM104", plan.replace("supporter}", "supporter, buying_roles: [coach]}")) == []
    assert findings(repo, "KAM104", plan.replace("supporter}", "champion, left: 2026-01-01}")) == [(5, 1)]


# --- KAM105 opponent without a plan -----------------------------------------------------

OPPONENT = """\
stakeholders:
  - id: sindre
    name: Sindre Solberg
    title: IT-sjef
    influence: high
    attitude: blocker
actions:
  - {id: workshop, title: Workshop, owner: jtamm, due: 2026-12-01, status: open, stakeholders: [sindre]}
"""


def test_kam105_a_high_influence_blocker_needs_an_open_action(repo):
    assert findings(repo, "KAM105", OPPONENT) == []
    plan = OPPONENT.replace("status: open", "status: done")
    assert messages(repo, "KAM105", plan) == [
        "accounts/case.yaml:10:15: warning: blocker 'sindre' (Sindre Solberg, IT-sjef) has high influence and no "
        "open action aimed at them: plan how to win them over (an action with stakeholders: [sindre]) [KAM105]"]
    assert findings(repo, "KAM105", plan.replace("status: done", "status: in_progress")) == []


def test_kam105_medium_influence_only_when_configured(repo):
    plan = OPPONENT.replace("influence: high", "influence: medium").replace("attitude: blocker", "attitude: sceptic")
    plan = plan.replace("stakeholders: [sindre]", "stakeholders: []")
    assert findings(repo, "KAM105", plan) == []
    assert findings(repo, "KAM105", plan, checks="KAM105: {params: {min_influence: medium}}") == [(10, 15)]


# --- KAM106 stakeholder out of touch ----------------------------------------------------

def out_of_touch_plan(last_contact: str, covered: str = "2026-01-01") -> str:
    return f"""\
stakeholders:
  - id: kari
    name: Kari Nordmann
    influence: low
    attitude: supporter
    last_contact: {last_contact}
    verified: 2026-01-01
team:
  - person: jtamm
    role: account_manager
    covers: [{{stakeholder: kari, strength: weak, last_contact: {covered}}}]
"""


def test_kam106_at_and_around_the_contact_interval(repo):
    # key tier: every 90 days; 2026-08-25 is 90 days before 2026-11-23
    assert findings(repo, "KAM106", out_of_touch_plan("2026-08-25")) == []
    assert messages(repo, "KAM106", out_of_touch_plan("2026-08-24")) == [
        "accounts/case.yaml:10:19: warning: last contact with 'kari' (Kari Nordmann) was on 2026-08-24, 91 days ago; "
        "the key tier asks for one every 90 days [KAM106]"]


def test_kam106_the_latest_of_contact_verification_and_coverage_counts(repo):
    assert findings(repo, "KAM106", out_of_touch_plan("2026-01-01", covered="2026-11-01")) == []
    assert findings(repo, "KAM106", out_of_touch_plan("2026-08-24"), tier="strategic") == [(10, 19)]
    assert findings(repo, "KAM106", out_of_touch_plan("2026-09-24"), tier="strategic") == []  # 60 days
    assert findings(repo, "KAM106", out_of_touch_plan("2026-09-23"), tier="strategic") == [(10, 19)]
    assert findings(repo, "KAM106", out_of_touch_plan("2026-09-24"), checks="KAM106: {params: {max_days: 59}}") \
        == [(10, 19)]


def test_kam106_min_influence_and_people_who_left(repo):
    plan = out_of_touch_plan("2026-01-01")
    assert findings(repo, "KAM106", plan, checks="KAM106: {params: {min_influence: medium}}") == []
    assert findings(repo, "KAM106", plan.replace("verified: 2026-01-01", "left: 2026-02-01")) == []


def test_kam106_never_contacted(repo):
    plan = "stakeholders:\n  - {id: kari, name: Kari Nordmann, influence: low, attitude: supporter}\n"
    assert messages(repo, "KAM106", plan) == [
        "accounts/case.yaml:6:10: warning: nobody of ours has recorded a contact with 'kari' (Kari Nordmann) or "
        "verified their role: record an interaction with them, or set last_contact or verified [KAM106]"]


def test_the_readme_lists_every_check():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Policy checks (`kam check`)")[1].split("\n## ")[0]
    assert [code for code in sorted(REGISTRY) if f"| {code} |" not in section] == []
