"""Findings of the policy checks, as the pages show them (account health,
the dashboard, a person's risks)."""

from __future__ import annotations

import re
from typing import Sequence

from ..checks import Finding
from ..health import WORDS, Health, Trend, rule_for
from .context import Context, account_page, rel
from .escape import Markdown
from .md import cell, link, none, small, table
from .words import SEVERITY_ICON


HEALTH_MARK = {"at_risk": "✖", "attention": "▲", "healthy": "✔"}
TREND_WORDS = {"better": "↗ better", "worse": "↘ worse", "same": "→ same"}


def badge(state: str) -> Markdown:
    """A health state as colour + symbol + word: never colour alone (our own words, no user text)."""
    return Markdown(f'<span class="kam-health kam-health-{state}">{HEALTH_MARK[state]} {WORDS[state]}</span>')


def health_cell(health: Health, since: Trend | None = None) -> Markdown:
    """The badge, the counts below it and, when known, the trend since the last review."""
    errors, warnings, infos = health.counts
    tally = ", ".join(f"{n} {word}{'s' if n != 1 and word != 'info' else ''}"
                      for n, word in ((errors, "error"), (warnings, "warning"), (infos, "info")) if n)
    parts = [badge(health.state), small(tally or "no findings")]
    if since is not None:
        parts.append(small(f"{TREND_WORDS[since.direction]} than at the {since.period} review"
                           if since.direction != "same" else f"→ as at the {since.period} review"))
    return Markdown("<br>".join(p for p in parts if p))


def explained(ctx: Context, plan) -> Markdown:
    """One line: the account's state, its score and the thresholds it was judged by (our own words)."""
    found, rule = ctx.health[plan.id], rule_for(ctx.portfolio.settings, plan.tier)
    since = ctx.trends.get(plan.id) if ctx.trends else None
    trend = (f" Since the {since.period} review: {TREND_WORDS[since.direction].split(' ', 1)[1]} "
             f"(then {WORDS[since.before.state]}, score {since.before.score:g})." if since else "")
    weights = "".join(f"; {code} × {weight:g}" for code, weight in sorted(rule.weights.items()) if weight != 1)
    return Markdown(f"{badge(found.state)} score **{found.score:g}** (at risk from {rule.at_risk:g}, needs attention "
                    f"from {rule.attention:g}; each error {rule.points.get('error', 0):g}, warning "
                    f"{rule.points.get('warning', 0):g}, info {rule.points.get('info', 0):g} points{weights}).{trend}")


def named(ctx: Context, finding: Finding) -> str:
    """The finding's message with our people named by name, not by their id ("covered only by
    Øystein Ødegård", not "oodegard"): the checks print ids, which a terminal reader can grep."""
    message = finding.message
    for person in finding.people:
        if person in ctx.portfolio.people:
            name = ctx.person_name(person)
            message = re.sub(rf"(?<![\w-]){re.escape(person)}(?![\w-])", lambda _: name, message)
    return message


def severity(finding: Finding) -> Markdown:
    value = finding.severity.value
    return Markdown(f"{SEVERITY_ICON.get(value, '')} {value}".strip())


def where(finding: Finding) -> Markdown:
    d = finding.diagnostic
    return small(f"{d.path}:{d.line}" if d.line else d.path)


def account_link(ctx: Context, from_uri: str, account_id: str | None, anchor: str = "") -> Markdown:
    if not account_id:
        return Markdown("portfolio")
    plan = ctx.plan(account_id)
    target = rel(from_uri, account_page(account_id)) + (f"#{anchor}" if anchor else "")
    return link(plan.name if plan else account_id, target)


def findings_table(ctx: Context, from_uri: str, findings: Sequence[Finding], *, with_account: bool) -> list[str]:
    if not findings:
        return none("No findings.")
    headers = ["Severity", "Check"] + (["Account"] if with_account else []) + ["Finding", "Where"]
    rows = []
    for f in findings:
        row = [severity(f), f.check]
        if with_account:
            row.append(account_link(ctx, from_uri, f.account, "health"))
        row += [named(ctx, f), where(f)]
        rows.append(row)
    return table(headers, rows)


def counts(findings: Sequence[Finding]) -> str:
    """'2 errors, 1 warning' (our own words, no user text)."""
    tally: dict[str, int] = {}
    for f in findings:
        tally[f.severity.value] = tally.get(f.severity.value, 0) + 1
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name in ("error", "warning", "info") if (n := tally.get(name))]
    return ", ".join(parts) or "no findings"


def silenced_table(ctx: Context, findings: Sequence[Finding]) -> list[str]:
    rows = [[f.check, cell(f.subject), named(ctx, f), f.silenced] for f in findings]
    return table(["Check", "About", "Finding", "Silenced because"], rows) if rows else []
