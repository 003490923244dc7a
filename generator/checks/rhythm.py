"""The plan's rhythm: a rolling plan is reviewed every quarter and its goals are measurable and measured."""

from __future__ import annotations

from typing import Iterator

from ..model import Plan
from .registry import Context, Param, Problem, check
from .. import formats
from ..i18n import _, ngettext
from .wording import days_ago, first_present


@check("KAM201", "review overdue", params=[
    Param("max_days", int, "The most days since the last review of the plan.",
          care_model="review_interval_days", minimum=1, maximum=3650),
])
def review_overdue(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The last review is older than the tier's review interval (a quarter by default), its next review
    date has passed, or the plan has never been reviewed."""
    last, limit = plan.last_review, ctx.params["max_days"]
    tier, count = ctx.tier_phrase(), formats.count(limit)
    if last is None:
        # Translators: keep "reviews" as it is (the plan's field); {tier} is "the strategic tier" or "the portfolio
        # settings".
        message = ngettext("the plan has never been reviewed: hold the first review and record it under reviews "
                           "({tier} reviews every {count} day)", "the plan has never been reviewed: hold the first "
                           "review and record it under reviews ({tier} reviews every {count} days)", limit)
        yield Problem(first_present(plan, ("reviews",), ("id",)), message.format(tier=tier, count=count), key=True,
                      people=(plan.owner,))
    elif (ctx.today - last.date).days > limit:
        # Translators: {ago} is "3 days ago" or "today"; {tier} "the strategic tier" or "the portfolio settings".
        message = ngettext("the last review was on {date}, {ago}; {tier} reviews every {count} day",
                           "the last review was on {date}, {ago}; {tier} reviews every {count} days", limit)
        yield Problem(last.path + ("date",), message.format(date=formats.date(last.date), ago=days_ago(
            last.date, ctx.today), tier=tier, count=count), people=(plan.owner,))
    elif last.next_review is not None and last.next_review < ctx.today:
        # Translators: {ago} is "3 days ago" or "today".
        message = _("the next review was due on {date}, {ago}: hold it, or record the new date")
        yield Problem(last.path + ("next_review",), message.format(date=formats.date(last.next_review),
                                                                   ago=days_ago(last.next_review, ctx.today)),
                      people=(plan.owner,))


@check("KAM202", "goal not measurable")
def goal_not_measurable(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open goal without a target or without a due date: nobody can tell whether it was reached."""
    for goal in plan.goals:
        if goal.status != "open":
            continue
        names = {"id": goal.id, "title": goal.title}
        if goal.target is None and goal.due is None:
            # Translators: {id} is the goal's id as written in the plan, {title} its title.
            message = _("goal '{id}' ({title}) has no target and no due date: say what counts as reached, and by when")
        elif goal.target is None:
            message = _("goal '{id}' ({title}) has no target: say what counts as reached, and by when")
        elif goal.due is None:
            message = _("goal '{id}' ({title}) has no due date: say what counts as reached, and by when")
        else:
            continue
        yield Problem(goal.path + ("id",), message.format(**names), subject=goal.id)


@check("KAM203", "goal past due without a result")
def goal_without_result(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A goal whose due date has passed and has no result recorded (dropped goals excepted)."""
    for goal in plan.goals:
        if goal.due is None or goal.due >= ctx.today or goal.result is not None or goal.status == "dropped":
            continue
        names = {"id": goal.id, "title": goal.title, "date": formats.date(goal.due), "target": goal.target}
        if goal.target is not None:
            # Translators: {target} is the goal's target as the plan writes it.
            message = _("goal '{id}' ({title}) was due on {date} and has no result: record the value reached (target "
                        "{target}) and mark it achieved or missed")
        else:
            message = _("goal '{id}' ({title}) was due on {date} and has no result: record the value reached and mark "
                        "it achieved or missed")
        yield Problem(goal.path + ("due",), message.format(**names), subject=goal.id)
