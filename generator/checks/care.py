"""The care model: each tier promises a team, a complaint response time and management meetings;
the plan must have them (the timeline measures the last two)."""

from __future__ import annotations

from typing import Iterator

from .. import cycle
from ..model import Plan
from .registry import Context, Param, Problem, check
from .wording import first_present, plural


def _team_path(plan: Plan) -> tuple:
    return first_present(plan, ("team",), ("tier",))


@check("KAM401", "required role missing")
def required_role_missing(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The team lacks a role the tier's care model requires (care_model.required_roles: an executive
    sponsor for the top tier, for example)."""
    roles = {member.role for member in plan.team}
    for role in ctx.tier.care_model.required_roles if ctx.tier else ():
        if role not in roles:
            yield Problem(_team_path(plan), f"the team has no {role}; {ctx.tier_phrase()} requires one",
                          subject=role, key=True)


@check("KAM402", "team too small", params=[
    Param("min_size", int, "The fewest of our people on the account team.", care_model="min_team_size",
          minimum=1, maximum=50),
])
def team_too_small(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """Fewer of our people on the team than the tier's care model asks for (min_team_size)."""
    size, wanted = len(plan.team), ctx.params["min_size"]
    if size < wanted:
        yield Problem(_team_path(plan), f"the team has {plural(size, 'person', 'people')} of ours; "
                      f"{ctx.tier_phrase()} asks for at least {wanted}", key=True, people=(plan.owner,))


def _timeline_path(plan: Plan) -> tuple:
    return first_present(plan, ("interactions",), ("tier",))


@check("KAM403", "complaint answered late", params=[
    Param("max_hours", int, "The most hours a complaint may wait for its first answer.",
          care_model="complaint_response_hours", minimum=1, maximum=2000),
])
def complaint_late(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A complaint answered later than the tier's complaint_response_hours, or still unanswered after
    them (interactions of kind complaint, complaint.opened to complaint.responded)."""
    limit = ctx.params["max_hours"]
    if limit is None:
        return  # the care model promises no response time
    for event in cycle.complaints(plan, end=ctx.today):
        waited = cycle.hours_waiting(event, ctx.today)
        if waited is None or waited <= limit:
            continue
        c, what = event.complaint, _short(event.summary)
        if c.responded_at is not None:
            yield Problem(c.path + ("responded",), f"the complaint of {event.date} ({what}) was answered "
                          f"after {hours(waited)}; {ctx.tier_phrase()} promises an answer within "
                          f"{plural(limit, 'hour')}", subject=c.opened, people=event.participants or (plan.owner,))
        else:
            yield Problem(c.path + ("opened",), f"the complaint of {event.date} ({what}) has waited "
                          f"{hours(waited)} without an answer; {ctx.tier_phrase()} promises one within "
                          f"{plural(limit, 'hour')}: answer it and record complaint.responded",
                          subject=c.opened, people=event.participants or (plan.owner,))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,.;") + "…"


def hours(value: float) -> str:
    """'8 hours 1 minute'; '3 days 4 hours' for long waits."""
    minutes = round(value * 60)
    whole, rest = divmod(minutes, 60)
    if whole < 48:
        return plural(whole, "hour") + (f" {plural(rest, 'minute')}" if rest else "")
    days, left = divmod(whole, 24)
    return plural(days, "day") + (f" {plural(left, 'hour')}" if left else "")


@check("KAM404", "too few management meetings", params=[
    Param("min_meetings", int, "The fewest meetings with our top management in the last 12 months.",
          care_model="management_meetings_per_year", minimum=0, maximum=52),
])
def management_meetings(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """Fewer meetings with our top management in the last 12 months than the tier's care model
    schedules (management_meetings_per_year; interactions of kind management_meeting)."""
    wanted = ctx.params["min_meetings"]
    if not wanted:
        return
    held = cycle.management_meetings(plan, ctx.today)
    if len(held) >= wanted:
        return
    last = f"; the last was on {held[-1].date}" if held else ""
    yield Problem(_timeline_path(plan), f"{plural(len(held), 'management meeting')} in the 12 months to "
                  f"{ctx.today}{last}; {ctx.tier_phrase()} schedules {wanted} a year: plan one and record it "
                  f"under interactions (kind: management_meeting)", key=True, people=(plan.owner,))
