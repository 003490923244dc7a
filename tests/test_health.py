"""Account health from findings (generator/health.py): the documented rule, its settings per
tier, silences left out; and the portfolio page that ranks accounts by it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import shutil
from pathlib import Path

import pytest

from generator import health, history, site
from generator.checks import Finding, run_checks
from generator.diagnostics import Diagnostic, Severity
from generator.model import HealthRule, HealthTier
from generator.render.context import Context
from generator.render import portfolio as portfolio_pages
from gitrepo import git_repo  # noqa: F401 - a fixture

FIXTURE = Path(__file__).parent / "fixtures" / "site-portfolio"
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def portfolio():
    return site.load(FIXTURE)


def finding(account: str, severity: str, check: str = "KAM101", silenced: str | None = None) -> Finding:
    diagnostic = Diagnostic(f"accounts/{account}.yaml", 1, 1, Severity(severity), check, "a finding")
    return Finding(diagnostic, check, account, silenced=silenced)


def with_rule(portfolio, rule: HealthRule):
    return dataclasses.replace(portfolio.settings, health=rule)


def test_default_rule_one_error_or_four_warnings_is_at_risk(portfolio):
    plan, settings = portfolio.plan("nordvik"), portfolio.settings
    assess = lambda *sev: health.assess(plan, settings, [finding("nordvik", s) for s in sev])  # noqa: E731
    assert assess().state == "healthy" and assess().word == "healthy"
    assert assess("info", "info").state == "healthy"
    assert assess("warning").state == "attention" and assess("warning").word == "needs attention"
    assert assess("warning", "warning", "warning").state == "attention"
    assert assess(*["warning"] * 4).state == "at_risk"
    assert assess("error").state == "at_risk" and assess("error", "warning", "info").counts == (1, 1, 1)


def test_silenced_findings_do_not_count(portfolio):
    plan = portfolio.plan("nordvik")
    result = health.assess(plan, portfolio.settings, [finding("nordvik", "error", silenced="known, agreed"),
                                                      finding("nordvik", "warning")])
    assert result.state == "attention" and result.counts == (0, 1, 0) and result.silenced == 1


def test_weights_and_tier_rules_override_the_portfolios(portfolio):
    plan = portfolio.plan("nordvik")
    proxy = types.MappingProxyType
    rule = HealthRule(weights=proxy({"KAM102": 4}), tiers=proxy({plan.tier: HealthTier(
        points=proxy({"error": 1}), at_risk=10, attention=2)}))
    settings = with_rule(portfolio, rule)
    assert health.assess(plan, settings, [finding("nordvik", "error")]).state == "healthy"  # 1 point < 2
    assert health.assess(plan, settings, [finding("nordvik", "warning", "KAM102")]).score == 4
    other = dataclasses.replace(plan, tier="no-such-tier")
    assert health.assess(other, settings, [finding("nordvik", "error")]).state == "at_risk"  # portfolio rule


def test_trend_compares_state_then_score():
    def h(state, score):
        return health.Health("a", state, score, (0, 0, 0), 0)
    assert health.trend(h("healthy", 0), h("at_risk", 5)) == "better"
    assert health.trend(h("at_risk", 9), h("at_risk", 5)) == "worse"
    assert health.trend(h("attention", 2), h("attention", 2)) == "same"
    assert health.trend(h("attention", 2), None) is None


def test_the_portfolio_lists_accounts_worst_first_with_word_and_counts(portfolio):
    ids = [p.id for p in portfolio.plans]
    assert len(ids) >= 2
    worst, best = ids[-1], ids[0]
    findings = [finding(worst, "error"), finding(worst, "warning")]
    ctx = Context(portfolio, TODAY, tuple(findings))
    page = portfolio_pages.home(ctx).markdown
    table = page.split("## Accounts", 1)[1]
    assert table.index(portfolio.plan(worst).name) < table.index(portfolio.plan(best).name)
    assert "✖ at risk</span><br><small>1 error, 1 warning</small>" in table
    assert "✔ healthy</span><br><small>no findings</small>" in table
    assert "## By tier" in page and "## By key account manager" in page
    owner = portfolio.plan(worst).owner
    assert portfolio.people[owner].name in page.split("## By key account manager", 1)[1]


def test_trend_since_the_last_review_from_git_history(git_repo):
    """The plan as the commit that recorded its last review held it, against the plan now."""
    def trend_now():
        portfolio = site.load(git_repo.root)
        histories = history.for_plans(git_repo.root, portfolio.plans)
        findings = run_checks(portfolio, TODAY)
        return health.trends(git_repo.root, portfolio, histories, TODAY, findings).get("nordvik")

    same = trend_now()
    assert same is not None and same.direction == "same" and same.period == "2026-Q3"
    git_repo.edit("accounts/nordvik.yaml", "      - {stakeholder: kari, strength: strong}\n", "")
    git_repo.edit("accounts/nordvik.yaml", "      - {stakeholder: kari, strength: medium}\n",
                  "      - {stakeholder: ola, strength: weak}\n")
    git_repo.commit("Nobody of ours covers Kari any more")
    worse = trend_now()
    assert worse.direction == "worse" and worse.before.state == "healthy", worse


def test_no_git_history_means_no_trend(tmp_path):
    from generator import history

    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal", tmp_path / "plans")
    portfolio = site.load(tmp_path / "plans")
    histories = history.for_plans(tmp_path / "plans", portfolio.plans)
    assert health.trends(tmp_path / "plans", portfolio, histories, TODAY, run_checks(portfolio, TODAY)) == {}


def test_the_dashboard_ranks_health_and_names_the_owner(portfolio):
    ids = [p.id for p in portfolio.plans]
    worst = ids[-1]
    ctx = Context(portfolio, TODAY, (finding(worst, "error"),))
    section = portfolio_pages.dashboard(ctx).markdown.split("## Health", 1)[1].split("## Risks", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| [")]
    assert portfolio.plan(worst).name in rows[0] and "✖ at risk" in rows[0]
    assert portfolio.people[portfolio.plan(worst).owner].name in rows[0]


def test_pages_name_our_people_by_name_not_by_id(portfolio):
    from generator.render.health import findings_table

    plan = portfolio.plan("nordvik")
    person = plan.owner
    diagnostic = Diagnostic(plan.file, 1, 1, Severity.WARNING, "KAM101", f"covered only by {person}; ask {person}-x")
    row = "\n".join(findings_table(Context(portfolio, TODAY), "index.md",
                                   [Finding(diagnostic, "KAM101", plan.id, people=(person,))], with_account=False))
    assert portfolio.people[person].name in row and f"{person}-x" in row.replace("&#45;", "-")
    assert f" {person};" not in row


def test_unknown_tiers_and_check_codes_under_health_are_errors_at_their_line(tmp_path, monkeypatch):
    from generator import model
    from generator.load import load

    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal", tmp_path / "plans")
    path = tmp_path / "plans" / "accounts" / "_portfolio.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "health:\n  weights: {KAM999: 2}\n  tiers:\n    strategc: {weights: {KAM102: 0}}\n",
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path / "plans")
    settings = model.build_settings(load(path, "accounts/_portfolio.yaml"))
    portfolio = model.Portfolio(settings, {}, (), settings_file="accounts/_portfolio.yaml")
    line = text.count("\n") + 1
    assert [str(f.diagnostic) for f in run_checks(portfolio, TODAY)] == [
        f"accounts/_portfolio.yaml:{line + 1}:13: error: there is no check KAM999; see the README's table of checks "
        "[unknown-check]",
        f"accounts/_portfolio.yaml:{line + 3}:5: error: 'strategc' is not a tier of the portfolio settings "
        "(strategic, key, development) (did you mean 'strategic'?) [unknown-tier]"]


def test_the_account_page_says_why_its_health_is_what_it_is(portfolio):
    from generator.render import account

    plan = portfolio.plan("nordvik")
    proxy = types.MappingProxyType
    settings = with_rule(portfolio, HealthRule(weights=proxy({"KAM102": 2}), at_risk=3))
    ctx = Context(dataclasses.replace(portfolio, settings=settings), TODAY,
                  (finding("nordvik", "warning", "KAM102"), finding("nordvik", "warning")))
    section = account.build(plan, ctx).markdown.split("## Health", 1)[1]
    assert "✖ at risk</span> score **3** (at risk from 3, needs attention from 1; each error 4, warning 1, " \
           "info 0 points; KAM102 × 2)." in section
