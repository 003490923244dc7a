"""Findings of the policy checks, as the pages show them (account health,
the dashboard, a person's risks)."""

from __future__ import annotations

import re
from typing import Sequence

from .. import formats
from ..checks import Finding
from ..formats import joined, number
from ..health import WORDS, Health, Trend, rule_for
from ..i18n import _, ngettext, pgettext
from .context import Context, account_page, rel
from .escape import Markdown
from .md import cell, link, none, small, table
from .words import SEVERITY_ICON


HEALTH_MARK = {"at_risk": "✖", "attention": "▲", "healthy": "✔"}


def badge(state: str) -> Markdown:
    """A health state as colour + symbol + word: never colour alone (our own words, no user text)."""
    return Markdown(f'<span class="kam-health kam-health-{state}">{HEALTH_MARK[state]} {WORDS[state]}</span>')


def tally(errors: int, warnings: int, infos: int) -> str:
    """'2 errors, 1 warning' (our own words, no user text); 'no findings' when all are nought."""
    parts = [ngettext("{count} error", "{count} errors", errors).format(count=number(errors)) if errors else "",
             ngettext("{count} warning", "{count} warnings", warnings).format(count=number(warnings))
             if warnings else "",
             # Translators: a count of findings of the severity "info" (the English word does not change).
             ngettext("{count} info", "{count} info", infos).format(count=number(infos)) if infos else ""]
    return joined(parts) or _("no findings")


def _since(since: Trend) -> str:
    """'↗ better than at the 2026-Q3 review' (the trend of the health cell)."""
    period = formats.period(since.period)
    if since.direction == "better":
        # Translators: an account's health now against the review in {period} (a quarter, "2026-Q3").
        return _("↗ better than at the {period} review").format(period=period)
    if since.direction == "worse":
        # Translators: an account's health now against the review in {period} (a quarter, "2026-Q3").
        return _("↘ worse than at the {period} review").format(period=period)
    # Translators: an account's health now against the review in {period} (a quarter, "2026-Q3").
    return _("→ as at the {period} review").format(period=period)


def health_cell(health: Health, since: Trend | None = None) -> Markdown:
    """The badge, the counts below it and, when known, the trend since the last review."""
    parts = [badge(health.state), small(tally(*health.counts))]
    if since is not None:
        parts.append(small(_since(since)))
    return Markdown("<br>".join(p for p in parts if p))


def _trend_sentence(since: Trend) -> str:
    """' Since the 2026-Q3 review: better (then at risk, score 5).'"""
    values = dict(period=formats.period(since.period), state=WORDS[since.before.state],
                  score=number(since.before.score))
    if since.direction == "better":
        # Translators: {period} is a quarter ("2026-Q3"), {state} a health state ("at risk"), {score} a number.
        return _("Since the {period} review: better (then {state}, score {score}).").format(**values)
    if since.direction == "worse":
        # Translators: {period} is a quarter ("2026-Q3"), {state} a health state ("at risk"), {score} a number.
        return _("Since the {period} review: worse (then {state}, score {score}).").format(**values)
    # Translators: {period} is a quarter ("2026-Q3"), {state} a health state ("at risk"), {score} a number.
    return _("Since the {period} review: same (then {state}, score {score}).").format(**values)


def explained(ctx: Context, plan) -> Markdown:
    """One line: the account's state, its score and the thresholds it was judged by (our own words)."""
    found, rule = ctx.health[plan.id], rule_for(ctx.portfolio.settings, plan.tier)
    since = ctx.trends.get(plan.id) if ctx.trends else None
    values = dict(score=number(found.score), at_risk=number(rule.at_risk), attention=number(rule.attention),
                  error=number(rule.points.get("error", 0)), warning=number(rule.points.get("warning", 0)),
                  info=number(rule.points.get("info", 0)))
    weights = joined((f"{code} × {number(weight)}" for code, weight in sorted(rule.weights.items()) if weight != 1),
                     ";")
    if weights:
        # Translators: how an account's health score is judged; {weights} lists checks that count more or
        # less than once, as "KAM102 × 2; KAM201 × 0.50". Keep the Markdown ** around the score.
        text = _("score **{score}** (at risk from {at_risk}, needs attention from {attention}; each error {error}, "
                 "warning {warning}, info {info} points; {weights}).").format(weights=weights, **values)
    else:
        # Translators: how an account's health score is judged. Keep the Markdown ** around the score.
        text = _("score **{score}** (at risk from {at_risk}, needs attention from {attention}; each error {error}, "
                 "warning {warning}, info {info} points).").format(**values)
    trend = f" {_trend_sentence(since)}" if since else ""
    return Markdown(f"{badge(found.state)} {text}{trend}")


def named(ctx: Context, finding: Finding) -> str:
    """The finding's message with our people named by name, not by their id ("covered only by
    Øystein Ødegård", not "oodegard"): the checks print ids, which a terminal reader can grep."""
    message = finding.message
    for person in finding.people:
        if person in ctx.portfolio.people:
            name = ctx.person_name(person)  # "oodegard (Øystein Ødegård)" is their name once, not twice
            message = re.sub(rf"(?<![\w-]){re.escape(person)}(?![\w-])(?: \({re.escape(name)}\))?",
                             lambda _: name, message)
    return message


def severity_word(value: str) -> str:
    """A finding's severity as a word: 'error', 'warning', 'info'."""
    if value == "error":
        return pgettext("severity", "error")
    if value == "warning":
        return pgettext("severity", "warning")
    return pgettext("severity", "info") if value == "info" else value


def severity(finding: Finding) -> Markdown:
    """'⛔ error': the icon and the severity's word."""
    value = finding.severity.value
    word = severity_word(value)
    return Markdown(f"{SEVERITY_ICON.get(value, '')} {word}".strip())


def where(finding: Finding) -> Markdown:
    d = finding.diagnostic
    return small(f"{d.path}:{d.line}" if d.line else d.path)


def account_link(ctx: Context, from_uri: str, account_id: str | None, anchor: str = "") -> Markdown:
    if not account_id:
        # Translators: in the Account column of findings, for a finding about the whole portfolio.
        return Markdown(pgettext("findings", "portfolio"))
    plan = ctx.plan(account_id)
    target = rel(from_uri, account_page(account_id)) + (f"#{anchor}" if anchor else "")
    return link(plan.name if plan else account_id, target)


def findings_table(ctx: Context, from_uri: str, findings: Sequence[Finding], *, with_account: bool) -> list[str]:
    if not findings:
        return none(_("No findings."))
    headers = ([_("Severity"), pgettext("policy check", "Check")] + ([_("Account")] if with_account else [])
               + [_("Finding"), pgettext("place in a file", "Where")])
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
    return tally(*(sum(f.severity.value == name for f in findings) for name in ("error", "warning", "info")))


def silenced_table(ctx: Context, findings: Sequence[Finding]) -> list[str]:
    rows = [[f.check, cell(f.subject), named(ctx, f), f.silenced] for f in findings]
    if not rows:
        return []
    return table([pgettext("policy check", "Check"), _("About"), _("Finding"), _("Silenced because")], rows)
