"""Findings of the policy checks on the site: account health, the portfolio's
key risk, the dashboard and a person's risks (run_checks monkeypatched)."""

from __future__ import annotations

import pytest

from generator import checks
from generator.checks import Finding
from generator.diagnostics import Diagnostic, Severity

from test_site import build_site, make_repo, text_of, visible


def finding(severity, code, message, account="nordvik", subject=None, people=(), silenced=None, line=10):
    path = f"accounts/{account}.yaml" if account else "accounts/_portfolio.yaml"
    return Finding(Diagnostic(path, line, 3, severity, code, message), code, account, subject, people, silenced)


FINDINGS = [
    finding(Severity.WARNING, "KAM105", "decision maker Lars Berg <b>is</b> covered by one of ours only",
            subject="lars", people=("oodegard",), line=80),
    finding(Severity.ERROR, "KAM101", "the quarterly review is overdue by 30 days", people=("oodegard",), line=2),
    finding(Severity.INFO, "KAM106", "Kari Nordmann not contacted for 60 days", subject="kari",
            silenced="Kari is on parental leave until March"),
    finding(Severity.WARNING, "KAM104", "key accounts bring 80 % of revenue", account=None),
]


@pytest.fixture(scope="module")
def site_with_findings(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("findings") / "repo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "run_checks", lambda portfolio, today: list(FINDINGS))
        return build_site(root, tmp_path_factory.mktemp("findings-site") / "site")


def test_account_health_lists_findings_worst_first_and_silenced_with_reason(site_with_findings):
    page = text_of(site_with_findings / "accounts" / "nordvik" / "index.html")
    health = visible(page.split('id="health"')[1].split('id="summary"')[0])
    assert "1 error, 1 warning" in health
    assert health.index("KAM101") < health.index("KAM105")
    assert "decision maker Lars Berg <b>is</b> covered by one of ours only" in health
    assert "accounts/nordvik.yaml:80" in health
    assert "Kari is on parental leave until March" in health and "KAM106" in health


def test_portfolio_home_shows_the_worst_finding_as_key_risk(site_with_findings):
    text = visible(text_of(site_with_findings / "index.html"))
    row = text.split("Nordvik Havn AS")[1].split("Tallinna")[0]
    assert "error: the quarterly review is overdue by 30 days" in row and "+1 more" in row
    page = text_of(site_with_findings / "index.html")
    assert 'href="accounts/nordvik/#health"' in page


def test_dashboard_lists_every_active_finding(site_with_findings):
    text = visible(text_of(site_with_findings / "dashboard" / "index.html"))
    for message in ("overdue by 30 days", "covered by one of ours only", "key accounts bring 80 % of revenue"):
        assert message in text
    assert "not contacted for 60 days" not in text  # silenced


def test_person_page_lists_the_risks_they_carry(site_with_findings):
    page = text_of(site_with_findings / "people" / "oodegard" / "index.html")
    risks = visible(page.split('id="risks"')[1].split('id="work"')[0])
    assert "overdue by 30 days" in risks and "covered by one of ours only" in risks
    other = text_of(site_with_findings / "people" / "jtamm" / "index.html")
    assert "No findings." in visible(other.split('id="risks"')[1].split('id="work"')[0])
