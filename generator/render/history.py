"""The account page's history from git (generator/history.py): when the plan
last changed and who changed it (a line under the facts at the top), and a
History section near the end: the reviews as they were recorded, each
stakeholder's attitude over time, the coverage count over time.

Commit authors and subjects are user text like any other: escaped. A build
without history (option `history: false`) has neither; a plan without git
history gets one line saying why.

Only the people the current plan holds appear, under the name it gives them:
someone removed from the plan (left and tidied away, or erased on request
with `kam person erase`) is never shown from an older version, even while
git history still holds them. The company audience sees no attitudes.
"""

from __future__ import annotations

from typing import Optional

from ..history import AttitudeTrend, PlanHistory
from ..model import Plan
from .context import Context
from .escape import SLUG, Markdown, html, md
from .md import cell, heading, join, link, none, table
from .words import ATTITUDES, date

ANCHOR = "plan-history"
MAX_COVERAGE_ROWS = 20


def _history(plan: Plan, ctx: Context) -> Optional[PlanHistory]:
    return ctx.histories.get(plan.id) if ctx.histories is not None else None


def last_change(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """'Plan last changed on DATE by AUTHOR: SUBJECT', under the facts."""
    history = _history(plan, ctx)
    if history is None or history.last_change is None:
        return []
    commit = history.last_change
    return [Markdown(f"Plan last changed on {cell(date(commit.date.date()))} by **{md(commit.author)}**: "
                     f"{md(commit.subject)} ([history](#{ANCHOR}))"), "{: .kam-changed data-search-exclude }", ""]


def section(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The History section: reviews, attitude trends and coverage over time, or why there is none."""
    if ctx.histories is None:
        return []
    history = _history(plan, ctx)
    lines = [heading(2, "History", ANCHOR, search=False), ""]
    if history is None or not history.available:
        reason = history.reason if history else "the plan was not read from git"
        return lines + none(f"History from git is unavailable: {reason}.")
    lines += [_summary(history), ""]
    lines += [heading(3, "Reviews over time", search=False), ""] + _reviews(history)
    if ctx.judgements:
        lines += [heading(3, "Attitudes over time", search=False), ""] + _attitudes(plan, history)
    lines += [heading(3, "Coverage over time", search=False), ""] + _coverage(history)
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(history: PlanHistory) -> Markdown:
    text = f"From git: {_plural(len(history.commits), 'commit')} changed this plan"
    if history.truncated:
        text += " (only the latest are read)"
    text += "."
    if history.skipped:
        text += f" {_plural(len(history.skipped), 'version')} that did not pass the schema left out."
    return Markdown(md(text))


def _reviews(history: PlanHistory) -> list[str]:
    if not history.reviews:
        return none("No reviews recorded.")
    rows = [[r.period, date(r.date), {True: "yes", False: "no"}.get(r.with_customer),
             date(r.next_review) if r.next_review else None,
             Markdown(f"{cell(date(r.recorded.date.date()))} by {md(r.recorded.author)}")]
            for r in sorted(history.reviews, key=lambda r: r.date, reverse=True)]
    return table(["Period", "Held", "With the customer", "Next review", "Recorded"], rows)


def chip(attitude: str) -> Markdown:
    """An attitude as the coloured chip the stakeholder table and the map legend use."""
    css = f" kam-att-{attitude}" if attitude in ATTITUDES else ""
    return Markdown(f'<span class="kam-chip{css}">{html(attitude)}</span>')


def _trend(plan: Plan, trend: AttitudeTrend) -> Markdown:
    """'Name: neutral 2026-03-01 → supporter 2026-05-02', the name (as the plan gives it now) linked to their row."""
    current = plan.stakeholder(trend.stakeholder)
    name = current.name if current is not None else trend.name
    who = f"**{link(name, f'#s-{trend.stakeholder}')}**" if SLUG.match(trend.stakeholder) else f"**{md(name)}**"
    steps = [Markdown(f'{chip(p.attitude)}<span class="kam-trend-date">{date(p.date)}</span>') for p in trend.points]
    return Markdown(f"- {who}: " + join(steps, " → "))


def _attitudes(plan: Plan, history: PlanHistory) -> list[str]:
    # people no longer in the plan are left out (see the module's docstring)
    changed = [trend for trend in history.attitudes
               if len(trend.points) > 1 and plan.stakeholder(trend.stakeholder) is not None]
    if not changed:
        return none("No stakeholder's attitude changed in these commits.")
    return [_trend(plan, trend) for trend in changed] + [""]


def _coverage(history: PlanHistory) -> list[str]:
    """The count of (our person, their person) pairs where it changed: the first, every change, the latest."""
    if not history.coverage:
        return none("No readable version of the plan.")
    authors = {c.id: c.author for c in history.commits}
    rows, before = [], None
    for point in history.coverage:
        if before is None or point.pairs != before:
            change = "" if before is None else f"{point.pairs - before:+d}".replace("-", "−")
            rows.append([date(point.date), str(point.pairs), change, authors.get(point.commit)])
        before = point.pairs
    lines = []
    if len(rows) > MAX_COVERAGE_ROWS:
        lines += [md(f"The latest {MAX_COVERAGE_ROWS} of {len(rows)} changes:"), ""]
        rows = rows[-MAX_COVERAGE_ROWS:]
    rows.reverse()  # newest first, as the reviews
    if len(rows) == 1:
        lines += [md(f"Unchanged: {rows[0][1]} pairs of our people and theirs since {rows[0][0]}."), ""]
        return lines
    return lines + table(["Date", "Pairs covered", "Change", "By"], rows, "lrrl")
