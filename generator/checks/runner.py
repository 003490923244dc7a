"""Run the registered checks over a portfolio and turn what they yield into positioned Findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Optional

from .. import i18n
from ..diagnostics import Diagnostic, Severity, sort_key
from ..load import LoadError, SourceMap, load
from ..model import Plan, Portfolio
from . import config, silences
from .registry import REGISTRY, Check, Context, Finding, Problem


class Locator:
    """Lines and columns in the plans, the settings file and the people file."""

    def __init__(self, portfolio: Portfolio):
        self.portfolio = portfolio
        self._maps: dict[str, Optional[SourceMap]] = {}

    def _map(self, which: str) -> Optional[SourceMap]:
        given = getattr(self.portfolio, f"{which}_source", None)  # when the model carries it
        if given is not None:
            return given
        if which not in self._maps:
            # The model keeps source maps for plans only: read the (small) file again for its positions.
            path = getattr(self.portfolio, f"{which}_file")
            try:
                self._maps[which] = load(Path(path)).source if path else None
            except LoadError:
                self._maps[which] = None
        return self._maps[which]

    def place(self, problem: Problem, plan: Optional[Plan]) -> tuple[str, int, int]:
        if problem.source == "plan":
            line, column = plan.position(problem.at, key=problem.key)
            return plan.file, line, column
        source = self._map(problem.source)
        file = getattr(self.portfolio, f"{problem.source}_file")
        if source is None:
            return file, 1, 1
        return (file, *(source.key_at(problem.at) if problem.key else source.at(problem.at)))


def _finding(locator: Locator, check: Optional[Check], problem: Problem, severity: Severity,
             plan: Optional[Plan] = None) -> Finding:
    plan = problem.plan or plan
    file, line, column = locator.place(problem, plan)
    code = problem.code or check.code
    diagnostic = Diagnostic(file, line, column, problem.severity or severity, code, problem.message)
    return Finding(diagnostic, code, plan.id if plan is not None and problem.source == "plan" else None,
                   problem.subject, problem.people, title=check.shown_title if check else "")


def _of_scope(scope: str) -> Iterable[Check]:
    return [c for c in REGISTRY.values() if c.scope == scope]


def _memo(memo: Optional[dict], settings, today: dt.date) -> dict:
    """Findings of one check on one plan from an earlier run (`kam serve`), valid for the same settings
    object, date and language (the messages are written in it); a check that looked at the portfolio
    (ctx.once) is never kept."""
    memo = {} if memo is None else memo
    language = i18n.current()
    if memo.get("settings") is not settings or memo.get("today") != today or memo.get("language") != language:
        memo.clear()
        memo.update(settings=settings, today=today, language=language)
    return memo


def run(portfolio: Portfolio, today: dt.date, shared: Optional[dict] = None, graphs: Optional[dict] = None,
        memo: Optional[dict] = None, timeless: Optional[dict] = None) -> list[Finding]:
    settings, locator, shared = portfolio.settings, Locator(portfolio), dict(shared or {})
    graphs = {} if graphs is None else graphs
    memo = _memo(memo, settings, today)
    timeless = _memo(timeless, settings, None)  # like memo, for checks that never read the date
    checks = config.CheckConfig(settings)
    findings = [_finding(locator, None, p, Severity.ERROR) for p in checks.problems()]

    for plan in portfolio.plans:
        if plan.status == "former":
            continue  # kept for the history: nothing to look after
        tier = settings.tier(plan.tier)
        found = []
        for check in _of_scope("plan"):
            effective = checks.resolve(check, tier)
            kept = memo.get((plan.id, check.code)) or timeless.get((plan.id, check.code))
            if kept is not None and kept[0] is plan:
                found.extend(kept[1])
            elif effective.enabled:
                ctx = Context(today, effective.params, portfolio, tier, shared, graphs)
                made = [_finding(locator, check, p, effective.severity, plan) for p in check.function(plan, ctx)]
                if not ctx.used_portfolio:
                    memo[(plan.id, check.code)] = (plan, made)
                    if not ctx.used_today:
                        timeless[(plan.id, check.code)] = (plan, made)
                found.extend(made)
        found = silences.apply(found, plan, today)
        found.extend(_finding(locator, None, p, Severity.ERROR, plan) for p in silences.unknown_checks(plan))
        for check in _of_scope("silences"):
            effective = checks.resolve(check, tier)
            if effective.enabled:
                ctx = Context(today, effective.params, portfolio, tier, shared, graphs)
                enabled = lambda other: checks.resolve(other, tier).enabled  # noqa: E731
                found.extend(_finding(locator, check, p, effective.severity, plan)
                             for p in check.function(plan, ctx, found, enabled))
        findings.extend(found)

    for check in _of_scope("portfolio"):
        effective = checks.resolve(check)
        if effective.enabled:
            ctx = Context(today, effective.params, portfolio, None, shared, graphs)
            findings.extend(_finding(locator, check, p, effective.severity) for p in check.function(portfolio, ctx))
    return sorted(findings, key=lambda f: sort_key(f.diagnostic))
