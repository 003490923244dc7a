"""The care model: each tier promises a team, a complaint response time and management meetings;
the plan must have them (the timeline measures the last two)."""

from __future__ import annotations

from typing import Iterator

from .. import cycle
from ..model import Plan
from .registry import Context, Param, Problem, check
from .. import formats
from ..i18n import _, ngettext
from .wording import first_present


def _team_path(plan: Plan) -> tuple:
    return first_present(plan, ("team",), ("tier",))


@check("KAM401", "required role missing")
def required_role_missing(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The team lacks a role the tier's care model requires (care_model.required_roles: an executive
    sponsor for the top tier, for example)."""
    roles = {member.role for member in plan.team}
    for role in ctx.tier.care_model.required_roles if ctx.tier else ():
        if role not in roles:
            # Translators: {role} is a team role as written in the plan (executive_sponsor); {tier} "the strategic
            # tier" or "the portfolio settings".
            message = _("the team has no {role}; {tier} requires one").format(role=role, tier=ctx.tier_phrase())
            yield Problem(_team_path(plan), message, subject=role, key=True)


@check("KAM402", "team too small", params=[
    Param("min_size", int, "The fewest of our people on the account team.", care_model="min_team_size",
          minimum=1, maximum=50),
])
def team_too_small(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """Fewer of our people on the team than the tier's care model asks for (min_team_size)."""
    size, wanted = len(plan.team), ctx.params["min_size"]
    if size < wanted:
        # Translators: {count} is the team's size, {wanted} the fewest people the tier asks for.
        message = ngettext("the team has {count} person of ours; {tier} asks for at least {wanted}",
                           "the team has {count} people of ours; {tier} asks for at least {wanted}", size)
        yield Problem(_team_path(plan), message.format(count=formats.count(size), tier=ctx.tier_phrase(),
                                                       wanted=formats.count(wanted)), key=True, people=(plan.owner,))


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
        c = event.complaint
        names = {"date": formats.date(event.date), "summary": _short(event.summary), "waited": hours(waited),
                 "tier": ctx.tier_phrase(), "count": formats.count(limit)}
        if c.responded_at is not None:
            # Translators: {summary} is the complaint as the plan sums it up, {waited} a duration ("8 hours 1 minute").
            message = ngettext("the complaint of {date} ({summary}) was answered after {waited}; {tier} promises an "
                               "answer within {count} hour", "the complaint of {date} ({summary}) was answered after "
                               "{waited}; {tier} promises an answer within {count} hours", limit)
            yield Problem(c.path + ("responded",), message.format(**names), subject=c.opened,
                          people=event.participants or (plan.owner,))
        else:
            # Translators: {summary} is the complaint as the plan sums it up, {waited} a duration ("8 hours 1 minute");
            # keep "complaint.responded" as it is (the plan's field).
            message = ngettext("the complaint of {date} ({summary}) has waited {waited} without an answer; {tier} "
                               "promises one within {count} hour: answer it and record complaint.responded",
                               "the complaint of {date} ({summary}) has waited {waited} without an answer; {tier} "
                               "promises one within {count} hours: answer it and record complaint.responded", limit)
            yield Problem(c.path + ("opened",), message.format(**names), subject=c.opened,
                          people=event.participants or (plan.owner,))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,.;") + "…"


def hours(value: float) -> str:
    """'8 hours 1 minute'; '3 days 4 hours' for long waits."""
    minutes = round(value * 60)
    whole, rest = divmod(minutes, 60)
    if whole < 48:
        big = ngettext("{count} hour", "{count} hours", whole).format(count=formats.count(whole))
        small = ngettext("{count} minute", "{count} minutes", rest).format(count=formats.count(rest)) if rest else ""
    else:
        days, left = divmod(whole, 24)
        big = ngettext("{count} day", "{count} days", days).format(count=formats.count(days))
        small = ngettext("{count} hour", "{count} hours", left).format(count=formats.count(left)) if left else ""
    # Translators: a duration of two units, as in "8 hours 1 minute" or "3 days 4 hours".
    return _("{larger} {smaller}").format(larger=big, smaller=small) if small else big


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
    names = {"count": formats.count(len(held)), "date": formats.date(ctx.today), "tier": ctx.tier_phrase(),
             "wanted": formats.count(wanted), "last": formats.date(held[-1].date) if held else None}
    if held:
        # Translators: {wanted} is how many meetings the tier schedules a year; {last} the day of the last one;
        # keep "interactions (kind: management_meeting)" as it is (written in the plan).
        message = ngettext("{count} management meeting in the 12 months to {date}; the last was on {last}; {tier} "
                           "schedules {wanted} a year: plan one and record it under interactions (kind: "
                           "management_meeting)", "{count} management meetings in the 12 months to {date}; the last "
                           "was on {last}; {tier} schedules {wanted} a year: plan one and record it under interactions "
                           "(kind: management_meeting)", len(held))
    else:
        # Translators: {wanted} is how many meetings the tier schedules a year; keep "interactions (kind:
        # management_meeting)" as it is (written in the plan).
        message = ngettext("{count} management meeting in the 12 months to {date}; {tier} schedules {wanted} a year: "
                           "plan one and record it under interactions (kind: management_meeting)",
                           "{count} management meetings in the 12 months to {date}; {tier} schedules {wanted} a year: "
                           "plan one and record it under interactions (kind: management_meeting)", len(held))
    yield Problem(_timeline_path(plan), message.format(**names), key=True, people=(plan.owner,))
