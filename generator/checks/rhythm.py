"""The plan's rhythm: a rolling plan is reviewed every quarter and its goals are measurable and measured."""

from __future__ import annotations

from typing import Iterator

from ..model import Plan
from .registry import Context, Param, Problem, check
from .wording import days_ago, first_present, plural


@check("KAM201", "review overdue", params=[
    Param("max_days", int, "The most days since the last review of the plan.",
          care_model="review_interval_days", minimum=1, maximum=3650),
])
def review_overdue(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The last review is older than the tier's review interval (a quarter by default), its next review
    date has passed, or the plan has never been reviewed."""
    last, limit = plan.last_review, ctx.params["max_days"]
    if last is None:
        yield Problem(first_present(plan, ("reviews",), ("id",)), "the plan has never been reviewed: hold the "
                      f"first review and record it under reviews ({ctx.tier_phrase()} reviews every "
                      f"{plural(limit, 'day')})", key=True, people=(plan.owner,))
    elif (ctx.today - last.date).days > limit:
        yield Problem(last.path + ("date",), f"the last review was on {last.date}, {days_ago(last.date, ctx.today)}; "
                      f"{ctx.tier_phrase()} reviews every {plural(limit, 'day')}", people=(plan.owner,))
    elif last.next_review is not None and last.next_review < ctx.today:
        yield Problem(last.path + ("next_review",), f"the next review was due on {last.next_review}, "
                      f"{days_ago(last.next_review, ctx.today)}: hold it, or record the new date",
                      people=(plan.owner,))


@check("KAM202", "goal not measurable")
def goal_not_measurable(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open goal without a target or without a due date: nobody can tell whether it was reached."""
    for goal in plan.goals:
        if goal.status != "open":
            continue
        missing = [what for what, value in (("target", goal.target), ("due date", goal.due)) if value is None]
        if missing:
            yield Problem(goal.path + ("id",), f"goal '{goal.id}' ({goal.title}) has no {' and no '.join(missing)}: "
                          f"say what counts as reached, and by when", subject=goal.id)


@check("KAM203", "goal past due without a result")
def goal_without_result(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A goal whose due date has passed and has no result recorded (dropped goals excepted)."""
    for goal in plan.goals:
        if goal.due is None or goal.due >= ctx.today or goal.result is not None or goal.status == "dropped":
            continue
        target = f" (target {goal.target})" if goal.target is not None else ""
        yield Problem(goal.path + ("due",), f"goal '{goal.id}' ({goal.title}) was due on {goal.due} and has no "
                      f"result: record the value reached{target} and mark it achieved or missed", subject=goal.id)
