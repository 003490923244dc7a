"""The portfolio checks (KAM5xx): revenue concentration and exposure to one of our people.

The fixture's settings: our revenue in 2025 is 1,000,000 EUR (accounts/_portfolio.yaml
line 5); its one plan, nordvik (strategic, a key tier), made 250,000 of it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.checks.portfolio import period_span
from test_checks import findings, messages, run


def revenue(*entries: str, currency: str = "") -> str:
    rows = "".join(f"    - {{{entry}}}\n" for entry in entries)
    return "situation:\n" + (f"  currency: {currency}\n" if currency else "") + "  revenue:\n" + rows


def of(repo, code: str, plan: str | None = None, **options) -> list[str]:
    return [str(f.diagnostic) for f in run(repo, plan, **options) if f.check == code]


# --- KAM501 mono-dependency ----------------------------------------------------------------

def test_kam501_at_and_around_the_share_limit(repo):
    assert findings(repo, "KAM501", revenue('period: "2025", amount: 750000')) == []
    assert messages(repo, "KAM501", revenue('period: "2025", amount: 750001')) == [
        "accounts/case.yaml:7:32: warning: this account made 75.0 % of our revenue in 2025 (750 k EUR of 1.00 M EUR), "
        "over the 75 % limit: we depend on one customer [KAM501]"]
    assert findings(repo, "KAM501", revenue('period: "2025", amount: 600000'),
                    checks="KAM501: {params: {max_percent: 59.9}}") == [(7, 32)]


def test_kam501_converts_the_plans_currency(repo):
    plan = revenue('period: "2025", amount: 10000000', currency="NOK")
    assert findings(repo, "KAM501", plan, settings="exchange_rates: {NOK: 0.075}\n") == []
    assert [m.split(" made ")[1] for m in messages(repo, "KAM501", plan, settings="exchange_rates: {NOK: 0.085}\n")] \
        == ["85.0 % of our revenue in 2025 (850 k EUR of 1.00 M EUR), over the 75 % limit: we depend on one "
            "customer [KAM501]"]


def test_kam501_a_currency_without_a_rate_is_reported_once(repo):
    plan = revenue('period: "2025", amount: 100', currency="SEK")
    assert of(repo, "KAM501", plan) == [
        "accounts/case.yaml:6:13: warning: no exchange rate for SEK in the portfolio settings (exchange_rates): "
        "this account is left out of revenue concentration [KAM501]"]


# --- KAM502 key-account share -----------------------------------------------------------------

def test_kam502_below_the_band(repo):
    assert of(repo, "KAM502") == [
        "accounts/_portfolio.yaml:5:30: warning: key accounts made 25.0 % of our revenue in 2025 (250 k EUR of "
        "1.00 M EUR); the healthy band is 30-55 %, below it: are the right accounts in the key tiers, and is their "
        "revenue recorded? [KAM502]"]
    found = [f for f in run(repo) if f.check == "KAM502"]
    assert (found[0].account, found[0].subject) == (None, None)


@pytest.mark.parametrize("amount, expected", [
    ("49999", ["5:30"]), ("50000", []), ("300000", []), ("300001", ["5:30"])])
def test_kam502_at_and_around_the_band(repo, amount, expected):
    found = run(repo, revenue(f'period: "2025", amount: {amount}'))
    assert [f"{f.diagnostic.line}:{f.diagnostic.column}" for f in found if f.check == "KAM502"] == expected


def test_kam502_above_the_band_and_its_parameters(repo):
    plan = revenue('period: "2025", amount: 400000')
    assert [m.split("; ")[1] for m in of(repo, "KAM502", plan)] == [
        "the healthy band is 30-55 %, above it: losing one of them would hurt [KAM502]"]
    assert of(repo, "KAM502", plan, checks="KAM502: {params: {max_percent: 65}}") == []
    # in a tier that is not key, it does not count: 25 % again, within a 20-55 % band
    assert of(repo, "KAM502", plan, tier="development", checks="KAM502: {params: {min_percent: 20}}") == []


QUARTERLY = {'  - {period: "2025", amount: 1000000}\n':
             '  - {period: "2025", amount: 1000000}\n  - {period: 2026-Q1, amount: 200000}\n'}


def test_kam502_uses_the_latest_period_every_plan_has_booked(repo):
    plan = revenue('period: "2025", amount: 50000', 'period: 2026-Q1, amount: 100000')
    # nordvik has booked only 2025: 2025 is the latest period all plans have (30 %: within the band)
    assert of(repo, "KAM502", plan, replace=QUARTERLY) == []
    nordvik = repo / "accounts" / "nordvik.yaml"
    nordvik.write_text(nordvik.read_text(encoding="utf-8").replace(
        '    - {period: "2025", amount: 250000}\n',
        '    - {period: "2025", amount: 250000}\n    - {period: 2026-Q1, amount: 20000}\n'), encoding="utf-8")
    assert [m.split(" made ")[1].split(";")[0] for m in of(repo, "KAM502", plan, replace=QUARTERLY)] == [
        "60.0 % of our revenue in 2026-Q1 (120 k EUR of 200 k EUR)"]


def test_kam502_forecasts_and_former_customers_do_not_set_the_period(repo):
    plan = revenue('period: "2025", amount: 40000', 'period: 2026-Q1, amount: 100000, forecast: true')
    nordvik = repo / "accounts" / "nordvik.yaml"
    nordvik.write_text(nordvik.read_text(encoding="utf-8").replace(
        '    - {period: "2025", amount: 250000}\n',
        '    - {period: "2025", amount: 250000}\n    - {period: 2026-Q1, amount: 20000}\n'), encoding="utf-8")
    assert [m.split(" in ")[1].split(" (")[0] for m in of(repo, "KAM502", plan, replace=QUARTERLY)] == ["2025"]
    plan = revenue('period: "2025", amount: 50000')
    former = plan.replace("situation:", "status: former\nsituation:")
    assert [m.split(" in ")[1].split(" (")[0] for m in of(repo, "KAM502", former, replace=QUARTERLY)] == ["2026-Q1"]


def test_kam502_no_common_period_is_a_note(repo):
    plan = revenue('period: "2024", amount: 50000')
    assert of(repo, "KAM502", plan) == [
        "accounts/_portfolio.yaml:4:1: info: no period is in both settings.revenue (2025) and every plan with "
        "booked revenue: revenue concentration is not checked [KAM502]"]


@pytest.mark.parametrize("period, first, last", [
    ("2026", "2026-01-01", "2026-12-31"), ("2026-H2", "2026-07-01", "2026-12-31"),
    ("2026-Q1", "2026-01-01", "2026-03-31"), ("2026-02", "2026-02-01", "2026-02-28"),
    ("2026-12", "2026-12-01", "2026-12-31")])
def test_period_span(period, first, last):
    assert period_span(period) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


# --- KAM503 spread too thin ----------------------------------------------------------------------

TEAM = "team:\n  - {person: jtamm, role: account_manager}\n  - {person: oodegard, role: specialist}\n"


def test_kam503_people_on_more_key_accounts_than_allowed(repo):
    assert of(repo, "KAM503", TEAM, checks="KAM503: {params: {max_accounts: 2}}") == []
    found = [f for f in run(repo, TEAM, checks="KAM503: {params: {max_accounts: 1}}") if f.check == "KAM503"]
    assert [str(f.diagnostic) for f in found] == [
        "accounts/_people.yaml:3:10: warning: jtamm (Jüri Tamm) is on 2 key accounts (case and nordvik); at most 1 "
        "leaves time to be attentive to each [KAM503]"]
    assert (found[0].subject, found[0].people) == ("jtamm", ("jtamm",))
    assert of(repo, "KAM503", TEAM, tier="development", checks="KAM503: {params: {max_accounts: 1}}") == []


# --- KAM504 exposure to one person ------------------------------------------------------------------

EXPOSED = """\
stakeholders:
  - {id: a, name: A, influence: high, attitude: champion}
  - {id: b, name: B, influence: high, attitude: neutral}
  - {id: c, name: C, influence: high, attitude: neutral}
  - {id: d, name: D, influence: medium, attitude: neutral}
team:
  - person: oodegard
    role: account_manager
    covers: [{stakeholder: a, strength: strong}, {stakeholder: b, strength: weak},
             {stakeholder: c, strength: weak}, {stakeholder: d, strength: weak}]
"""


def test_kam504_at_and_around_the_number_of_stakeholders_one_person_holds(repo):
    found = [f for f in run(repo, EXPOSED) if f.check == "KAM504"]
    assert [str(f.diagnostic) for f in found] == [
        "accounts/_people.yaml:5:10: warning: if oodegard (Øystein Ødegård) left, 3 high-influence stakeholders on "
        "1 account would have nobody of ours (case: a, b, c); at most 2 should hang on one person [KAM504]"]
    assert (found[0].account, found[0].people) == (None, ("oodegard",))
    assert of(repo, "KAM504", EXPOSED, checks="KAM504: {params: {max_uncovered: 3}}") == []
    assert of(repo, "KAM504", EXPOSED.replace("attitude: neutral}", "attitude: neutral, left: 2026-01-01}", 1)) == []
    shared = EXPOSED + "  - person: jtamm\n    role: specialist\n    covers: [{stakeholder: c, strength: weak}]\n"
    assert of(repo, "KAM504", shared) == []
