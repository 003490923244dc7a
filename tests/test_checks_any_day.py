"""The quarterly reports judge each quarter's last day: a check that never reads the date runs once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import checks, site
from generator.checks import registry
from generator.render import report_page

EXAMPLES = Path(__file__).parent.parent
TODAY = dt.date(2026, 12, 1)
DAYS = [dt.date(2026, 3, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30), TODAY]


@pytest.fixture(scope="module")
def portfolio():
    return site.load(EXAMPLES)


def test_findings_on_each_day_are_the_same_with_the_checks_that_ignore_the_date_reused(portfolio):
    timeless: dict = {}
    for day in DAYS:
        alone = checks.run_checks(portfolio, day)
        reused = checks.run_checks(portfolio, day, timeless=timeless)
        assert [repr(f) for f in reused] == [repr(f) for f in alone], day
    assert len(timeless) > 2  # some checks never read the date (and so were kept)


def test_a_check_that_reads_the_date_is_run_again_and_one_that_does_not_is_not(portfolio, monkeypatch):
    calls: dict[str, int] = {"dated": 0, "undated": 0}

    def dated(plan, ctx):
        calls["dated"] += 1
        assert ctx.today in DAYS
        return iter(())

    def undated(plan, ctx):
        calls["undated"] += 1
        return iter(())

    monkeypatch.setitem(registry.REGISTRY, "KAM901", registry.Check("KAM901", "test: dated", dated, "test"))
    monkeypatch.setitem(registry.REGISTRY, "KAM902", registry.Check("KAM902", "test: undated", undated, "test"))
    timeless: dict = {}
    for day in DAYS:
        checks.run_checks(portfolio, day, timeless=timeless)
    active = sum(plan.status != "former" for plan in portfolio.plans)
    assert calls == {"dated": active * len(DAYS), "undated": active}


def test_the_report_pages_are_the_same_as_when_each_day_was_judged_from_scratch(portfolio, monkeypatch):
    findings = checks.run_checks(portfolio, TODAY)
    fast = site.pages(site.context(portfolio, findings, site.Options(TODAY)))
    monkeypatch.setattr(report_page, "run_checks", lambda p, day, *_a, **_k: checks.run_checks(p, day))
    slow = site.pages(site.context(portfolio, findings, site.Options(TODAY)))
    reports = {page.uri: page.markdown for page in fast if page.uri.startswith("reports/")}
    assert len(reports) > 2
    assert reports == {page.uri: page.markdown for page in slow if page.uri.startswith("reports/")}
