"""The pipeline: open deals keep their dates true, large deals know who signs, lost deals teach something."""

from __future__ import annotations

from typing import Iterator

from .. import cycle
from ..model import Plan
from .registry import Context, Param, Problem, check
from .wording import days_ago, listing, money


@check("KAM801", "opportunity past its close date", params=[
    Param("grace_days", int, "Days after the expected close date before an open opportunity is reported.",
          default=0, minimum=0, maximum=365),
])
def past_close(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open opportunity (identified to negotiation) whose expected close date has passed: the
    pipeline counts money that is not coming then."""
    for o in plan.opportunities:
        if o.is_open and (ctx.today - o.close).days > ctx.params["grace_days"]:
            yield Problem(o.path + ("close",), f"opportunity '{o.id}' ({o.title}) was expected to close on "
                          f"{o.close}, {days_ago(o.close, ctx.today)}, and is still at {o.stage}: mark it won or "
                          f"lost, or set the new date", subject=o.id, people=(o.owner or plan.owner,))


@check("KAM802", "large opportunity without its economic buyer", params=[
    Param("min_value", float, "The value, in the portfolio currency, from which an opportunity needs its "
          "economic buyer among its stakeholders.", default=100000, minimum=0),
])
def no_economic_buyer(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open opportunity worth at least a value (100,000 in the portfolio currency) with no economic
    buyer (buying_roles: [economic]) among its stakeholders: nobody who signs off the money is in the deal."""
    settings = ctx.settings
    for o in plan.opportunities:
        value = cycle.converted(o, plan, settings)
        if not o.is_open or value is None or value < ctx.params["min_value"]:
            continue
        people = [plan.stakeholder(sid) for sid in o.stakeholders]
        if any(s is not None and "economic" in s.buying_roles for s in people):
            continue
        involved = f"its people are {listing(s.name for s in people if s)}" if o.stakeholders else "it names nobody"
        yield Problem(o.path + ("stakeholders",) if o.stakeholders else o.path + ("id",),
                      f"opportunity '{o.id}' ({o.title}) is worth {money(value, settings.currency)} and has no "
                      f"economic buyer among its stakeholders ({involved}): find who signs off the money and "
                      f"bring them into the deal", subject=o.id, key=not o.stakeholders,
                      people=(o.owner or plan.owner,))


@check("KAM803", "lost opportunity without a reason")
def lost_without_reason(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A lost opportunity with no lost_reason: the next deal cannot learn from it."""
    for o in plan.opportunities:
        if o.stage == "lost" and not o.lost_reason:
            yield Problem(o.path + ("stage",), f"opportunity '{o.id}' ({o.title}) is lost with no reason: say why "
                          f"under lost_reason (price, a competitor, timing ...)", subject=o.id,
                          people=(o.owner or plan.owner,))
