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

from .. import formats
from ..history import NO_GIT, NOT_A_REPOSITORY, AttitudeTrend, PlanHistory
from ..i18n import N_, _, ngettext
from ..model import Plan
from .context import Context
from .escape import SLUG, Markdown, html, md
from .md import cell, heading, join, link, none, table
from .words import ATTITUDES, date, words

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
    # Translators: {author} and {subject} are the git commit's author and subject line; {history} is a link
    # to the page's History section, whose text is the next message.
    text = _("Plan last changed on {date} by **{author}**: {subject} ({history})")
    history_text = md(_("history"))
    history_link = f"[{history_text}](#{ANCHOR})"
    return [Markdown(text.format(date=cell(date(commit.date.date())), author=md(commit.author),
                                 subject=md(commit.subject), history=history_link)),
            "{: .kam-changed data-search-exclude }", ""]


def section(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The History section: reviews, attitude trends and coverage over time, or why there is none."""
    if ctx.histories is None:
        return []
    history = _history(plan, ctx)
    lines = [heading(2, _("History"), ANCHOR, search=False), ""]
    if history is None or not history.available:
        # Translators: {reason} says why, e.g. "the clone is shallow: ..." (one of the messages below).
        return lines + none(_("History from git is unavailable: {reason}.").format(reason=_reason(history)))
    lines += [_summary(history), ""]
    lines += [heading(3, _("Reviews over time"), search=False), ""] + _reviews(history)
    if ctx.judgements:
        lines += [heading(3, _("Attitudes over time"), search=False), ""] + _attitudes(plan, history)
    lines += [heading(3, _("Coverage over time"), search=False), ""] + _coverage(history)
    return lines


NOT_FROM_GIT = N_("the plan was not read from git")


def _reason(history: Optional[PlanHistory]) -> str:
    """Why there is no history, in the site's language (git's own message stays as git wrote it)."""
    if history is None:
        return _(NOT_FROM_GIT)
    if history.git_error is not None and history.git_error.startswith("not a git repository"):
        return _(NOT_A_REPOSITORY)
    if history.git_error is not None:
        return _(NO_GIT).format(error=history.git_error)
    return _(history.reason) if history.reason else ""  # never _(""): gettext gives the catalog's header


def _summary(history: PlanHistory) -> Markdown:
    commits, skipped = len(history.commits), len(history.skipped)
    if history.truncated:
        text = ngettext("From git: {count} commit changed this plan (only the latest are read).",
                        "From git: {count} commits changed this plan (only the latest are read).", commits)
    else:
        text = ngettext("From git: {count} commit changed this plan.", "From git: {count} commits changed this plan.",
                        commits)
    text = text.format(count=formats.count(commits))
    if skipped:
        # Translators: follows "From git: N commits changed this plan."; a version is one commit's plan file.
        text += " " + ngettext("{count} version that did not pass the schema left out.",
                               "{count} versions that did not pass the schema left out.", skipped).format(count=formats.count(skipped))
    return Markdown(md(text))


def _reviews(history: PlanHistory) -> list[str]:
    if not history.reviews:
        return none(_("No reviews recorded."))
    answers = {True: _("yes"), False: _("no")}
    # Translators: when a review was first recorded in git, and by whom (the commit's author).
    recorded = _("{date} by {author}")
    rows = [[formats.period(r.period), date(r.date), answers.get(r.with_customer),
             date(r.next_review) if r.next_review else None,
             Markdown(recorded.format(date=cell(date(r.recorded.date.date())), author=md(r.recorded.author)))]
            for r in sorted(history.reviews, key=lambda r: r.date, reverse=True)]
    return table([_("Period"),
                  # Translators: "Held" heads the day a review was held, "With the customer" whether the
                  # customer took part, "Recorded" the commit that first recorded it.
                  _("Held"), _("With the customer"), _("Next review"), _("Recorded")], rows)


def chip(attitude: str) -> Markdown:
    """An attitude as the coloured chip the stakeholder table and the map legend use."""
    css = f" kam-att-{attitude}" if attitude in ATTITUDES else ""
    return Markdown(f'<span class="kam-chip{css}">{html(words(attitude))}</span>')


def _trend(plan: Plan, trend: AttitudeTrend) -> Markdown:
    """'Name: neutral 2026-03-01 → supporter 2026-05-02', the name (as the plan gives it now) linked to their row."""
    current = plan.stakeholder(trend.stakeholder)
    name = current.name if current is not None else trend.name
    who = f"**{link(name, f'#s-{trend.stakeholder}')}**" if SLUG.match(trend.stakeholder) else f"**{md(name)}**"
    steps = [Markdown(f'{chip(p.attitude)}<span class="kam-trend-date">{date(p.date)}</span>') for p in trend.points]
    return Markdown(f"- {who}: " + join(steps, " → "))  # name: the attitude's steps (symbols, no words)


def _attitudes(plan: Plan, history: PlanHistory) -> list[str]:
    # people no longer in the plan are left out (see the module's docstring)
    changed = [trend for trend in history.attitudes
               if len(trend.points) > 1 and plan.stakeholder(trend.stakeholder) is not None]
    if not changed:
        return none(_("No stakeholder's attitude changed in these commits."))
    return [_trend(plan, trend) for trend in changed] + [""]


def _coverage(history: PlanHistory) -> list[str]:
    """The count of (our person, their person) pairs where it changed: the first, every change, the latest."""
    if not history.coverage:
        return none(_("No readable version of the plan."))
    authors = {c.id: c.author for c in history.commits}
    rows, before = [], None
    for point in history.coverage:
        if before is None or point.pairs != before:
            difference = point.pairs - before if before is not None else 0
            change = "" if before is None else ("+" if difference > 0 else "−") + formats.count(abs(difference))
            rows.append([date(point.date), formats.count(point.pairs), change, authors.get(point.commit)])
        before = point.pairs
    lines = []
    if len(rows) > MAX_COVERAGE_ROWS:
        lines += [md(_("The latest {shown} of {count} changes:").format(shown=formats.count(MAX_COVERAGE_ROWS),
                                                                             count=formats.count(len(rows)))), ""]
        rows = rows[-MAX_COVERAGE_ROWS:]
    rows.reverse()  # newest first, as the reviews
    if len(rows) == 1:
        # Translators: {count} counts pairs of our person and their person who keep in touch; {date} is the
        # first commit's date.
        pairs = history.coverage[0].pairs
        text = ngettext("Unchanged: {count} pair of our people and theirs since {date}.",
                        "Unchanged: {count} pairs of our people and theirs since {date}.", pairs)
        lines += [md(text.format(count=rows[0][1], date=rows[0][0])), ""]
        return lines
    return lines + table([_("Date"), _("Pairs covered"), _("Change"), _("By")], rows, "lrrl")
