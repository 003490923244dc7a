"""The plan's rhythm (KAM2xx), promises (KAM3xx), care model (KAM4xx) and classification (KAM6xx).

Same conventions as tests/test_checks.py: the plan text starts on line 5; today is 2026-11-23.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.checks.promises import months_before
from test_checks import findings, messages, run

# --- KAM201 review overdue -------------------------------------------------------------


def test_kam201_at_and_around_the_review_interval(repo):
    # key tier: every 183 days; 2026-05-24 is 183 days before 2026-11-23
    assert findings(repo, "KAM201", "reviews:\n  - {period: 2026-Q1, date: 2026-05-24}\n") == []
    assert messages(repo, "KAM201", "reviews:\n  - {period: 2026-Q1, date: 2026-05-23}\n") == [
        "accounts/case.yaml:6:29: warning: the last review was on 2026-05-23, 184 days ago; the key tier reviews "
        "every 183 days [KAM201]"]


def test_kam201_uses_the_latest_review_and_the_tier_interval(repo):
    plan = "reviews:\n  - {period: 2026-Q1, date: 2026-04-01}\n  - {period: 2026-Q3, date: 2026-08-22}\n"
    assert findings(repo, "KAM201", plan) == []
    assert findings(repo, "KAM201", plan, tier="strategic") == [(7, 29)]  # 93 days
    assert findings(repo, "KAM201", plan, checks="KAM201: {tiers: {key: {params: {max_days: 92}}}}") == [(7, 29)]


def test_kam201_next_review_passed(repo):
    plan = "reviews:\n  - {period: 2026-Q3, date: 2026-10-01, next_review: 2026-11-22}\n"
    assert messages(repo, "KAM201", plan) == [
        "accounts/case.yaml:6:54: warning: the next review was due on 2026-11-22, 1 day ago: hold it, or record "
        "the new date [KAM201]"]
    assert findings(repo, "KAM201", plan.replace("2026-11-22", "2026-11-23")) == []


def test_kam201_never_reviewed(repo):
    assert messages(repo, "KAM201", "") == [
        "accounts/case.yaml:1:1: warning: the plan has never been reviewed: hold the first review and record it "
        "under reviews (the key tier reviews every 183 days) [KAM201]"]
    assert [f.people for f in run(repo, "reviews: []\n") if f.check == "KAM201"] == [("jtamm",)]
    assert findings(repo, "KAM201", "reviews: []\n") == [(5, 1)]


# --- KAM202 goal not measurable, KAM203 goal past due without a result --------------------

def test_kam202_an_open_goal_needs_a_target_and_a_due_date(repo):
    plan = """\
goals:
  - {id: g1, horizon: short, title: Grow, target: 100, due: 2027-06-30}
  - {id: g2, horizon: short, title: More share, due: 2027-06-30}
  - {id: g3, horizon: long, title: Be loved}
  - {id: g4, horizon: long, title: Old one, status: achieved}
"""
    assert [m.split(": warning: ")[1] for m in messages(repo, "KAM202", plan)] == [
        "goal 'g2' (More share) has no target: say what counts as reached, and by when [KAM202]",
        "goal 'g3' (Be loved) has no target and no due date: say what counts as reached, and by when [KAM202]"]
    assert findings(repo, "KAM202", plan) == [(7, 10), (8, 10)]


def test_kam203_at_and_around_the_due_date(repo):
    goal = "goals:\n  - {id: g1, horizon: short, title: Grow, target: 100, due: DUE}\n"
    assert findings(repo, "KAM203", goal.replace("DUE", "2026-11-23")) == []
    assert messages(repo, "KAM203", goal.replace("DUE", "2026-11-22")) == [
        "accounts/case.yaml:6:61: warning: goal 'g1' (Grow) was due on 2026-11-22 and has no result: record the "
        "value reached (target 100) and mark it achieved or missed [KAM203]"]
    assert findings(repo, "KAM203", goal.replace("DUE", "2026-11-22").replace("}", ", result: 90}")) == []
    assert findings(repo, "KAM203", goal.replace("DUE", "2026-11-22").replace("}", ", status: dropped}")) == []


# --- KAM301 overdue action ---------------------------------------------------------------

ACTION = "actions:\n  - {id: call, title: Call Kari, owner: pmakela, due: DUE, status: STATUS}\n"


def action(due: str, status: str = "open") -> str:
    return ACTION.replace("DUE", due).replace("STATUS", status)


def test_kam301_at_and_around_the_due_date(repo):
    assert findings(repo, "KAM301", action("2026-11-23")) == []
    found = [f for f in run(repo, action("2026-11-22", "in_progress")) if f.check == "KAM301"]
    assert [str(f.diagnostic) for f in found] == [
        "accounts/case.yaml:6:55: warning: action 'call' (Call Kari) was due on 2026-11-22, 1 day ago; owner "
        "pmakela: do it, or move the date [KAM301]"]
    assert (found[0].subject, found[0].people) == ("call", ("pmakela",))
    assert findings(repo, "KAM301", action("2026-01-01", "done")) == []
    assert findings(repo, "KAM301", action("2026-01-01", "cancelled")) == []


def test_kam301_grace_days(repo):
    checks = "KAM301: {params: {grace_days: 7}}"
    assert findings(repo, "KAM301", action("2026-11-16"), checks=checks) == []
    assert findings(repo, "KAM301", action("2026-11-15"), checks=checks) == [(6, 55)]


# --- KAM302-KAM304 promises ---------------------------------------------------------------

PROMISE = """\
stakeholders:
  - {id: rein, name: Rein Sild, influence: medium, attitude: supporter}
commitments:
  - id: sensors
    promise: New sensors on cranes 3 and 5
    owner: oodegard
    to: rein
    due: 2026-10-15
    reschedules:
      - date: 2026-09-29
        new_due: 2026-10-22
      - date: 2026-10-08
        new_due: NEW_DUE
        reason: Supplier delay
        customer_told: true
"""


def test_kam302_an_open_promise_past_its_last_due_date(repo):
    assert findings(repo, "KAM302", PROMISE.replace("NEW_DUE", "2026-11-23")) == []
    assert messages(repo, "KAM302", PROMISE.replace("NEW_DUE", "2026-11-22")) == [
        "accounts/case.yaml:17:18: warning: promise 'sensors' (New sensors on cranes 3 and 5) to Rein Sild was due "
        "on 2026-11-22, 1 day ago: deliver it, or tell the customer a new date and why [KAM302]"]
    kept = PROMISE.replace("NEW_DUE", "2026-11-22").replace("    to: rein", "    to: rein\n    status: kept")
    assert findings(repo, "KAM302", kept) == []


def test_kam302_without_reschedules_points_at_due(repo):
    plan = "commitments:\n  - {id: c1, promise: Report, owner: jtamm, due: 2026-11-01}\n"
    assert findings(repo, "KAM302", plan) == [(6, 50)]


def test_kam303_every_rescheduling_of_an_open_promise_needs_a_reason(repo):
    plan = PROMISE.replace("NEW_DUE", "2026-12-15")
    assert messages(repo, "KAM303", plan) == [
        "accounts/case.yaml:15:18: warning: promise 'sensors' was moved to 2026-10-22 without a reason: record why "
        "(reason:) [KAM303]"]
    assert findings(repo, "KAM303", plan.replace("to: rein", "to: rein\n    status: kept")) == []


def test_kam304_the_customer_must_know_the_current_date(repo):
    plan = PROMISE.replace("NEW_DUE", "2026-12-15")
    assert findings(repo, "KAM304", plan) == []  # the first move was not told, but the latest was
    assert messages(repo, "KAM304", plan.replace("customer_told: true", "customer_told: false")) == [
        "accounts/case.yaml:19:24: warning: promise 'sensors' was moved to 2026-12-15 and the customer was not told: "
        "tell Rein Sild why, apologise and give the new date, then set customer_told: true [KAM304]"]
    unrecorded = plan.replace("        customer_told: true\n", "")
    assert [m.split(" and ", 1)[1] for m in messages(repo, "KAM304", unrecorded)] == [
        "no record that the customer was told: tell Rein Sild why, apologise and give the new date, then set "
        "customer_told: true [KAM304]"]
    assert findings(repo, "KAM304", unrecorded) == [(17, 18)]


# --- KAM305 expired proposal, KAM306 tender without preparation ---------------------------

def test_kam305_at_and_around_the_expiry_date(repo):
    offer = "proposals:\n  - {id: p1, title: Sensors, expires: EXPIRES, status: STATUS}\n"
    assert findings(repo, "KAM305", offer.replace("EXPIRES", "2026-11-23").replace("STATUS", "sent")) == []
    assert messages(repo, "KAM305", offer.replace("EXPIRES", "2026-11-22").replace("STATUS", "draft")) == [
        "accounts/case.yaml:6:39: warning: proposal 'p1' (Sensors) expired on 2026-11-22 and is still 'draft': "
        "renew it, or record the outcome (accepted, rejected, expired) [KAM305]"]
    assert findings(repo, "KAM305", offer.replace("EXPIRES", "2026-11-22").replace("STATUS", "rejected")) == []


TENDER = "tenders:\n  - {id: t1, title: Fleet 2028, date: DATE}\n"


def test_kam306_the_preparation_window_opens_nine_months_before(repo):
    assert findings(repo, "KAM306", TENDER.replace("DATE", "2027-08-24")) == []
    assert messages(repo, "KAM306", TENDER.replace("DATE", "2027-08-23")) == [
        "accounts/case.yaml:6:39: warning: tender 't1' (Fleet 2028) is on 2027-08-23; preparation started on "
        "2026-11-23 (9 months before) and no action prepares it: add one with tender: t1 [KAM306]"]


def test_kam306_an_action_for_the_tender_or_its_own_window(repo):
    plan = TENDER.replace("DATE", "2027-03-01")
    prepared = plan + "actions:\n  - {id: a1, title: Prepare, owner: jtamm, due: 2026-12-01, tender: t1, status: STATUS}\n"
    assert findings(repo, "KAM306", prepared.replace("STATUS", "done")) == []
    assert findings(repo, "KAM306", prepared.replace("STATUS", "cancelled")) == [(6, 39)]
    assert findings(repo, "KAM306", plan.replace("}", ", preparation_months: 3}")) == []
    assert findings(repo, "KAM306", plan, settings="tender_preparation_months: 3\n") == []
    assert findings(repo, "KAM306", plan.replace("}", ", status: submitted}")) == []
    assert findings(repo, "KAM306", TENDER.replace("DATE", "2026-11-22")) == []  # its date has passed


@pytest.mark.parametrize("date, months, start", [
    ("2027-08-23", 9, "2026-11-23"), ("2027-05-31", 3, "2027-02-28"), ("2028-05-31", 3, "2028-02-29"),
    ("2027-01-15", 0, "2027-01-15"), ("2027-01-15", 13, "2025-12-15")])
def test_months_before(date, months, start):
    assert months_before(dt.date.fromisoformat(date), months) == dt.date.fromisoformat(start)


# --- KAM401 required role missing, KAM402 team too small ------------------------------------

TEAM = "team:\n  - {person: jtamm, role: account_manager}\n  - {person: oodegard, role: specialist}\n"


def test_kam401_the_tiers_required_roles(repo):
    assert findings(repo, "KAM401", TEAM) == []  # the key tier requires none
    found = [f for f in run(repo, TEAM, tier="strategic") if f.check == "KAM401"]
    assert [str(f.diagnostic) for f in found] == [
        "accounts/case.yaml:5:1: warning: the team has no executive_sponsor; the strategic tier requires one [KAM401]"]
    assert found[0].subject == "executive_sponsor"
    assert findings(repo, "KAM401", TEAM.replace("specialist", "executive_sponsor"), tier="strategic") == []


def test_kam401_and_kam402_without_a_team_point_at_the_tier(repo):
    assert findings(repo, "KAM401", "", tier="strategic") == [(4, 1), (4, 1)]
    assert findings(repo, "KAM402", "", checks="KAM402: {params: {min_size: 1}}") == [(4, 1)]


def test_kam402_at_and_around_the_minimum_team_size(repo):
    assert findings(repo, "KAM402", TEAM, checks="KAM402: {params: {min_size: 2}}") == []
    assert messages(repo, "KAM402", TEAM, checks="KAM402: {tiers: {key: {params: {min_size: 3}}}}") == [
        "accounts/case.yaml:5:1: warning: the team has 2 people of ours; the key tier asks for at least 3 [KAM402]"]


# --- KAM601 tier criteria not met, KAM602 could sit in the top tier --------------------------

def criteria(*names: str) -> str:
    return f"classification:\n  criteria: [{', '.join(names)}]\n"


def test_kam601_at_and_around_the_tiers_minimum(repo):
    assert findings(repo, "KAM601", criteria("known_brand", "new_segment"), tier="strategic") == []
    assert messages(repo, "KAM601", criteria("known_brand"), tier="strategic") == [
        "accounts/case.yaml:4:7: warning: the account meets 1 of the key-account criteria (known_brand); the "
        "strategic tier asks for 2: record the criteria it meets, or move it to a lower tier [KAM601]"]
    assert findings(repo, "KAM601", "", tier="strategic") == [(4, 7)]


def test_kam602_meeting_the_top_tiers_criteria_from_below(repo):
    found = [f for f in run(repo, criteria("known_brand", "new_segment")) if f.check == "KAM602"]
    assert [str(f.diagnostic) for f in found] == [
        "accounts/case.yaml:4:7: info: the account meets 2 of the key-account criteria (known_brand and "
        "new_segment), enough for the strategic tier (2), but sits in key: consider moving it up [KAM602]"]
    assert findings(repo, "KAM602", criteria("known_brand")) == []
    assert findings(repo, "KAM602", criteria("known_brand", "new_segment"), tier="strategic") == []
