"""`kam report`, the quarterly report to the head of department, and the account cycle on the site:
an account's pipeline and timeline, the portfolio's pipeline, a report page per quarter."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from click.testing import CliRunner

from conftest import write
from generator import site
from generator.checks import run_checks
from generator.cli import main

CASE = """\
id: case
name: Fjordlaks Havbruk AS
owner: oodegard
tier: key
situation: {currency: NOK}
stakeholders:
  - {id: kvik, name: Kristian Vik, influence: high, attitude: supporter, buying_roles: [economic]}
  - {id: elie, name: Eirik Lie, influence: medium, attitude: neutral}
team:
  - person: oodegard
    role: account_manager
    covers: [{stakeholder: kvik, strength: strong}, {stakeholder: elie, strength: weak}]
reviews:
  - {period: 2026-Q2, date: 2026-06-20, next_review: 2026-09-20}
commitments:
  - {id: report, promise: Send the pilot report, owner: oodegard, due: 2026-08-01, status: broken}
opportunities:
  - {id: bronnbat, title: Oxygen monitoring in five well boats, stage: proposal, value: 1000000, close: 2027-03-15,
     opened: 2026-08-26, stakeholders: [kvik]}
  - {id: service, title: Service boat positions, stage: won, value: 200000, close: 2026-09-10, opened: 2026-07-01}
  - {id: feed, title: Feed barge pumps, stage: lost, value: 400000, close: 2026-08-15, lost_reason: Price}
interactions:
  - {date: 2026-07-02, kind: meeting, summary: Kick-off in Florø, stakeholders: [kvik, elie], participants: [oodegard]}
  - date: 2026-08-05
    kind: complaint
    summary: Sensor in tank 3 showed wrong oxygen levels
    stakeholders: [elie]
    documents: [avvik/tank-3.md]
    complaint: {opened: 2026-08-05T11:00, responded: 2026-08-06T15:00, resolved: 2026-08-08T10:00}
"""

SETTINGS = {"      review_interval_days: 183\n": "      review_interval_days: 183\n      complaint_response_hours: 8\n"}


def edit_case(repo: Path, old: str, new: str) -> None:
    plan = repo / "accounts" / "case.yaml"
    text = plan.read_text(encoding="utf-8")
    assert old in text, old
    plan.write_text(text.replace(old, new), encoding="utf-8")


def portfolio_repo(repo: Path) -> None:
    write(repo, "accounts/case.yaml", CASE)
    write(repo, "accounts/case/avvik/tank-3.md", "# Avvik: tank 3\n\nSensoren byttet 8. august.\n")
    settings = repo / "accounts" / "_portfolio.yaml"
    text = settings.read_text(encoding="utf-8")
    for old, new in SETTINGS.items():
        text = text.replace(old, new)
    settings.write_text(text + "exchange_rates: {NOK: 0.1}\n", encoding="utf-8")


def kam(*args: str):
    return CliRunner().invoke(main, ["report", "--today", "2026-11-23", *args])


def test_a_past_quarter_in_the_order_of_what_needs_attention(repo):
    portfolio_repo(repo)
    result = kam("--period", "2026-Q3")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Key-account report 2026-Q3\n\nLäänemere Telemaatika AS: 2 accounts, as of 2026-09-30 "
                          "(the quarter runs 2026-07-01 to 2026-09-30).\n")
    attention = out.split("## Needs attention\n\n")[1].split("\n\n")[0].splitlines()
    assert attention[0].startswith("1. **Fjordlaks Havbruk AS** (Key; Øystein Ødegård): no review this quarter; "
                                   "next was due 2026-09-20; 1 complaint answered later than 8 h; "
                                   "promises: 1 broken")
    assert attention[1].startswith("2. **Nordvik Havn AS**")
    assert ("This quarter: 2 opportunities opened, 1 won (20,000 EUR), 1 lost (40,000 EUR). Open on 2026-09-30: 1, "
            "worth 100,000 EUR, weighted 50,000 EUR.") in out
    row = next(line for line in out.splitlines() if line.startswith("| **Fjordlaks"))
    assert row == ("| **Fjordlaks Havbruk AS** | not held; next 2026-09-20 | no goals | 1 broken | 1, 1 late; slowest 28 h "
                   "(model 8 h) | 2 new, 1 won (20,000 EUR), 1 lost; open 50,000 EUR weighted | "
                   + row.split(" | ")[6] + " | 2026-08-05 |")


def test_two_deals_lost_in_the_quarter_are_two_opportunities_lost(repo):
    portfolio_repo(repo)
    edit_case(repo, "lost_reason: Price}\n", "lost_reason: Price}\n"
              "  - {id: nets, title: Net cameras, stage: lost, value: 10000, close: 2026-08-20, lost_reason: Timing}\n")
    attention = kam("--period", "2026-Q3").stdout.split("## Needs attention\n\n")[1].splitlines()[0]
    assert attention.endswith("; 2 opportunities lost")


def test_the_current_quarter_is_the_default_and_judged_as_of_today(repo):
    portfolio_repo(repo)
    out = kam().stdout
    assert out.startswith("# Key-account report 2026-Q4\n")
    assert "as of 2026-11-23 (the quarter runs 2026-10-01 to 2026-12-31)" in out
    # nothing happened at Fjordlaks since August: out of touch for longer than the key tier's 90 days
    silent = out.split("## Nobody in contact for longer than the tier allows\n\n")[1].split("\n\n")[0]
    assert "| **Fjordlaks Havbruk AS** | Key | 2026-08-05 | 90 days | Øystein Ødegård |" in silent


def test_json_for_tools(repo):
    portfolio_repo(repo)
    data = json.loads(kam("--period", "2026-Q3", "--format", "json").stdout)
    assert (data["period"], data["start"], data["end"], data["as_of"]) == ("2026-Q3", "2026-07-01", "2026-09-30",
                                                                          "2026-09-30")
    case = next(a for a in data["accounts"] if a["id"] == "case")
    assert case["complaints"] == [{"date": "2026-08-05", "summary": "Sensor in tank 3 showed wrong oxygen levels",
                                   "hours": 28.0, "answered": True, "resolved": True, "late": True}]
    assert case["promises"] == {"kept": 0, "moved": 0, "broken": 1, "late": 0}
    assert case["pipeline"]["won_value"] == 20000 and case["pipeline"]["open_weighted"] == 50000
    assert case["review_due"] is True and case["out_of_touch"] is False


def test_a_period_written_as_in_the_sites_address_is_the_same_report(repo):
    portfolio_repo(repo)
    assert kam("--period", "2026-q3").stdout == kam("--period", "2026-Q3").stdout != ""


def test_a_quarter_that_has_not_begun_is_a_usage_error(repo):
    portfolio_repo(repo)
    result = kam("--period", "2027-Q1")  # kam() reports as of 2026-11-23
    assert result.exit_code == 2
    assert "2027-Q1 has not begun on 2026-11-23: report on 2026-Q4 or an earlier quarter" in result.output
    assert "# Key-account report" not in result.output


def test_wrong_periods_are_usage_errors_and_broken_plans_are_diagnostics(repo):
    for period in ("2026-13", "2026", "Q4-2026"):
        result = kam("--period", period)
        assert result.exit_code == 2 and "the period must be a quarter, like 2026-Q4" in result.output
    write(repo, "accounts/case.yaml", CASE.replace("stage: won", "stage: wonn"))
    result = kam()
    assert result.exit_code == 1 and "accounts/case.yaml:" in result.output and "Traceback" not in result.output


def pages(repo: Path, today=dt.date(2026, 11, 23)) -> dict[str, str]:
    portfolio = site.load(Path("."))
    ctx = site.context(portfolio, run_checks(portfolio, today), site.Options(today))
    return {page.uri: re.sub(r'<span class="kam-nw">(.*?)</span>', r"\1", page.markdown) for page in site.pages(ctx)}


def test_account_page_shows_the_pipeline_and_the_timeline(repo):
    portfolio_repo(repo)
    page = pages(repo)["accounts/case/index.md"]
    pipeline = page.split("## Pipeline {#pipeline}")[1].split("\n## ")[0]
    assert "1 open: 100,000 EUR, weighted by the chance of winning 50,000 EUR." in pipeline
    assert "| **Oxygen monitoring in five well boats** | proposal | 1,000,000 NOK | 50 % |" in pipeline
    assert "| 2026-08-15 | Feed barge pumps | lost | 400,000 NOK | Price |" in pipeline
    timeline = page.split("## Timeline {#timeline}")[1].split("\n## ")[0]
    rows = [line for line in timeline.splitlines() if line.startswith("| 2026")]
    assert [r.split(" | ")[:2] for r in rows] == [["| 2026-08-05", "complaint"], ["| 2026-07-02", "meeting"]]
    assert "answered 2026-08-06T15:00 (28.0 h)" in rows[0] and "avvik/tank-3.md" in rows[0]
    assert page.index("## Pipeline") < page.index("## Timeline")


def test_portfolio_pipeline_by_stage_and_quarter_in_the_portfolio_currency(repo):
    portfolio_repo(repo)
    home = pages(repo)["index.md"].split("## Pipeline {#pipeline}")[1]
    assert "| proposal | 1 | 100,000 | 50,000 |" in home
    assert "| won | 1 | 20,000 | 20,000 |" in home and "| lost | 1 | 40,000 | 0 |" in home
    assert "| 2027-Q1 | 1 | 100,000 | 50,000 |" in home


def test_a_report_page_per_quarter_with_data_and_the_current_one(repo):
    portfolio_repo(repo)
    built = pages(repo)
    reports = sorted(uri for uri in built if uri.startswith("reports/"))
    assert reports == ["reports/2026-q2.md", "reports/2026-q3.md", "reports/2026-q4.md", "reports/index.md"]
    q3 = built["reports/2026-q3.md"]
    assert "# Key-account report 2026-Q3" in q3 and "[Fjordlaks Havbruk AS](../accounts/case/index.md)" in q3
    assert "[2026-Q4](2026-q4.md) (this quarter, so far)" in built["reports/index.md"]


def test_the_attention_list_stays_short_at_any_size(monkeypatch, repo):
    from generator.render import report_page

    portfolio_repo(repo)
    monkeypatch.setattr(report_page, "ATTENTION_LIMIT", 1)
    out = kam("--period", "2026-Q3").stdout
    attention = out.split("## Needs attention\n\n")[1].split("\n## ")[0]
    assert attention.startswith("1. **Fjordlaks Havbruk AS**") and "2. " not in attention
    assert "… and 1 more account with something to look at, in the table below." in attention


def test_a_currency_without_an_exchange_rate_is_left_out_and_said_so(repo):
    portfolio_repo(repo)
    edit_case(repo, "close: 2027-03-15,", "close: 2027-03-15, currency: SEK,")
    built = pages(repo)
    assert "1 open: 0 EUR, weighted by the chance of winning 0 EUR (no exchange rate for SEK in the settings: " \
           "left out)." in built["accounts/case/index.md"]
    assert "No exchange rate in the settings for: SEK; those opportunities are left out of the sums." in built["index.md"]


def test_a_review_due_later_in_the_quarter_is_due_not_late(repo):
    portfolio_repo(repo)
    edit_case(repo, "next_review: 2026-09-20", "next_review: 2026-12-10")
    out = kam().stdout
    line = next(x for x in out.splitlines() if x.startswith("1. **Fjordlaks"))
    assert "no review this quarter; next due 2026-12-10" in line


def test_hostile_text_in_the_pipeline_timeline_and_report_is_escaped(repo):
    portfolio_repo(repo)
    hostile = "<img src=x onerror=alert(1)> | [x](javascript:alert(1)) *b*"
    for old, new in (("Kick-off in Florø", f'"{hostile}"'), ("name: Fjordlaks Havbruk AS", f'name: "{hostile}"'),
                     ("title: Oxygen monitoring in five well boats", f'title: "{hostile}"')):
        edit_case(repo, old, new)
    built = pages(repo)
    for uri in ("accounts/case/index.md", "index.md", "reports/2026-q3.md"):
        body = built[uri].split("---\n", 2)[-1]  # the front matter's title is HTML-escaped by its own helper
        assert "<img" not in body and "](javascript" not in body and " | [x]" not in body, uri
    markdown = kam("--period", "2026-Q3").stdout
    assert "<img" not in markdown and "](javascript" not in markdown


def test_a_published_document_of_the_timeline_is_a_link(repo):
    portfolio_repo(repo)
    timeline = pages(repo)["accounts/case/index.md"].split("## Timeline {#timeline}")[1]
    assert '<a href="documents/avvik/tank-3/">avvik/tank-3.md</a>' in timeline


def test_a_company_build_does_not_say_which_people_of_a_deal_are_not_economic_buyers(repo):
    portfolio_repo(repo)
    edit_case(repo, "stakeholders: [kvik]}", "stakeholders: [elie]}")
    portfolio = site.load(Path("."))
    findings = run_checks(portfolio, dt.date(2026, 11, 23))
    assert any(f.check == "KAM802" and "Eirik Lie" in f.message for f in findings)
    for audience, shown in (("team", True), ("company", False)):
        ctx = site.context(portfolio, findings, site.Options(dt.date(2026, 11, 23), audience=audience))
        page = next(p.markdown for p in site.pages(ctx) if p.uri == "accounts/case/index.md")
        assert ("has no economic buyer among its stakeholders (its people are Eirik Lie)" in page) is shown, audience
