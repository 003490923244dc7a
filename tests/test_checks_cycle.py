"""The account cycle: complaint response and management meetings (KAM403, KAM404, the care model measured),
the pipeline (KAM801-KAM803), and the timeline as the source of last contact (KAM106).

Same conventions as tests/test_checks.py: the plan text starts on line 5; today is 2026-11-23.
"""

from __future__ import annotations

from test_checks import findings, messages, run

CARE = {"      review_interval_days: 183\n":
        "      review_interval_days: 183\n      complaint_response_hours: 8\n      management_meetings_per_year: 2\n"}

STAKEHOLDERS = """\
stakeholders:
  - {id: kari, name: Kari Nordmann, influence: high, attitude: supporter, buying_roles: [economic]}
  - {id: ola, name: Ola Hansen, influence: medium, attitude: champion, last_contact: 2026-01-10}
"""


def complaint(opened: str, responded: str | None = None) -> str:
    answer = f", responded: '{responded}'" if responded else ""
    return (f"interactions:\n  - date: {opened[:10]}\n    kind: complaint\n    summary: Late delivery\n"
            f"    complaint: {{opened: '{opened}'{answer}}}\n")


# --- KAM403 complaint answered late --------------------------------------------------------

def test_kam403_at_and_around_the_response_hours(repo):
    assert findings(repo, "KAM403", complaint("2026-11-02T09:00", "2026-11-02T17:00"), replace=CARE) == []
    assert messages(repo, "KAM403", complaint("2026-11-02T09:00", "2026-11-02T17:01"), replace=CARE) == [
        "accounts/case.yaml:9:56: warning: the complaint of 2026-11-02 (Late delivery) was answered after 8 hours 1 minute; "
        "the key tier promises an answer within 8 hours [KAM403]"]
    assert messages(repo, "KAM403", complaint("2026-11-02T09:00", "2026-11-04T12:00"), replace=CARE) == [
        "accounts/case.yaml:9:56: warning: the complaint of 2026-11-02 (Late delivery) was answered after "
        "2 days 3 hours; the key tier promises an answer within 8 hours [KAM403]"]


def test_kam403_an_unanswered_complaint_counts_to_the_start_of_today(repo):
    # 2026-11-22T16:00 to 2026-11-23T00:00 is 8 hours: not late yet; one minute earlier it is
    assert findings(repo, "KAM403", complaint("2026-11-22T16:00"), replace=CARE) == []
    assert messages(repo, "KAM403", complaint("2026-11-22T15:59"), replace=CARE) == [
        "accounts/case.yaml:9:25: warning: the complaint of 2026-11-22 (Late delivery) has waited 8 hours 1 minute without "
        "an answer; the key tier promises one within 8 hours: answer it and record complaint.responded [KAM403]"]


def test_kam403_follows_settings_and_a_care_model_without_a_promise(repo):
    late = complaint("2026-11-02T09:00", "2026-11-02T20:00")
    assert findings(repo, "KAM403", late) == []  # the key tier promises no response time
    assert findings(repo, "KAM403", late, checks="KAM403: {params: {max_hours: 10}}") == [(9, 56)]
    assert findings(repo, "KAM403", late, replace=CARE, checks="KAM403: {params: {max_hours: 11}}") == []


# --- KAM404 too few management meetings ------------------------------------------------------

def meetings(*dates: str) -> str:
    return "interactions:\n" + "".join(f"  - {{date: {d}, kind: management_meeting, summary: Steering}}\n"
                                       for d in dates)


def test_kam404_counts_the_last_twelve_months(repo):
    assert findings(repo, "KAM404", meetings("2025-11-24", "2026-06-01"), replace=CARE) == []
    assert messages(repo, "KAM404", meetings("2025-11-23", "2026-06-01"), replace=CARE) == [
        "accounts/case.yaml:5:1: warning: 1 management meeting in the 12 months to 2026-11-23; the last was on "
        "2026-06-01; the key tier schedules 2 a year: plan one and record it under interactions "
        "(kind: management_meeting) [KAM404]"]
    assert findings(repo, "KAM404", meetings("2026-06-01", "2026-11-24"), replace=CARE) == [(5, 1)]  # future


def test_kam404_no_timeline_and_thresholds(repo):
    assert messages(repo, "KAM404", "", replace=CARE) == [
        "accounts/case.yaml:4:1: warning: 0 management meetings in the 12 months to 2026-11-23; the key tier "
        "schedules 2 a year: plan one and record it under interactions (kind: management_meeting) [KAM404]"]
    assert findings(repo, "KAM404", "") == []  # the care model schedules none
    assert findings(repo, "KAM404", meetings("2026-06-01"), checks="KAM404: {params: {min_meetings: 1}}") == []
    assert findings(repo, "KAM404", meetings("2026-06-01"), checks="KAM404: {params: {min_meetings: 2}}") == [(5, 1)]


# --- KAM801 opportunity past its close date ------------------------------------------------

def opportunity(close: str = "2026-12-15", stage: str = "proposal", value: int = 50000, more: str = "") -> str:
    return (STAKEHOLDERS + f"opportunities:\n  - {{id: cold-chain, title: Cold chain sensors, stage: {stage}, "
            f"value: {value}, close: {close}{more}}}\n")


def test_kam801_at_and_around_the_close_date(repo):
    assert findings(repo, "KAM801", opportunity("2026-11-23")) == []
    assert messages(repo, "KAM801", opportunity("2026-11-22")) == [
        "accounts/case.yaml:9:87: warning: opportunity 'cold-chain' (Cold chain sensors) was expected to close on "
        "2026-11-22, 1 day ago, and is still at proposal: mark it won or lost, or set the new date [KAM801]"]
    assert findings(repo, "KAM801", opportunity("2026-11-22", stage="won")) == []
    assert findings(repo, "KAM801", opportunity("2026-11-20"), checks="KAM801: {params: {grace_days: 3}}") == []
    assert findings(repo, "KAM801", opportunity("2026-11-19"), checks="KAM801: {params: {grace_days: 3}}") == [(9, 87)]


# --- KAM802 large opportunity without its economic buyer -------------------------------------

def test_kam802_at_and_around_the_value(repo):
    assert findings(repo, "KAM802", opportunity(value=99999)) == []
    assert messages(repo, "KAM802", opportunity(value=100000)) == [
        "accounts/case.yaml:9:6: warning: opportunity 'cold-chain' (Cold chain sensors) is worth 100 k EUR and has "
        "no economic buyer among its stakeholders (it names nobody): find who signs off the money and bring them "
        "into the deal [KAM802]"]
    assert findings(repo, "KAM802", opportunity(value=100000, more=", stakeholders: [ola]")) == [(9, 114)]
    assert findings(repo, "KAM802", opportunity(value=100000, more=", stakeholders: [ola, kari]")) == []
    assert findings(repo, "KAM802", opportunity(value=100000, stage="lost", more=", lost_reason: Price")) == []
    assert findings(repo, "KAM802", opportunity(value=60000), checks="KAM802: {params: {min_value: 50000}}") \
        == [(9, 6)]


def test_kam802_converts_the_value_to_the_portfolio_currency(repo):
    nok = opportunity(value=1000000, more=", currency: NOK")
    assert findings(repo, "KAM802", nok, settings="exchange_rates: {NOK: 0.085}\n") == []  # 85,000 EUR
    assert findings(repo, "KAM802", nok, settings="exchange_rates: {NOK: 0.1}\n") == [(9, 6)]


# --- KAM803 lost opportunity without a reason ---------------------------------------------------

def test_kam803_a_lost_deal_needs_its_reason(repo):
    assert messages(repo, "KAM803", opportunity(stage="lost")) == [
        "accounts/case.yaml:9:56: warning: opportunity 'cold-chain' (Cold chain sensors) is lost with no reason: say "
        "why under lost_reason (price, a competitor, timing ...) [KAM803]"]
    assert findings(repo, "KAM803", opportunity(stage="lost", more=", lost_reason: Price 12 % above Telia")) == []
    assert findings(repo, "KAM803", opportunity(stage="won")) == []


# --- KAM106 last contact from the timeline ---------------------------------------------------

def test_kam106_takes_the_last_contact_from_the_timeline_where_it_names_the_stakeholder(repo):
    plan = STAKEHOLDERS + "interactions:\n  - {date: DATE, kind: call, summary: Volumes for 2027, stakeholders: [ola]}\n"
    # ola's hand-typed last_contact (2026-01-10) is old; the timeline's call is what counts
    assert [f.subject for f in run(repo, plan.replace("DATE", "2026-08-25")) if f.check == "KAM106"] == ["kari"]
    assert messages(repo, "KAM106", plan.replace("DATE", "2026-08-24"))[1] == (
        "accounts/case.yaml:9:12: warning: last contact with 'ola' (Ola Hansen) was on 2026-08-24, 91 days ago; "
        "the key tier asks for one every 90 days [KAM106]")
    # a call dated after today is not a contact yet: the hand-typed date stays
    assert "2026-01-10" in messages(repo, "KAM106", plan.replace("DATE", "2026-11-30"))[1]
