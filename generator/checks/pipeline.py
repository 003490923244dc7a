"""The pipeline: open deals keep their dates true, large deals know who signs, lost deals teach something."""

from __future__ import annotations

from typing import Iterator

from .. import cycle
from ..model import Plan
from .registry import Context, Param, Problem, check
from .. import formats
from ..i18n import _
from .wording import days_ago, listing, money, value


@check("KAM801", "opportunity past its close date", params=[
    Param("grace_days", int, "Days after the expected close date before an open opportunity is reported.",
          default=0, minimum=0, maximum=365),
])
def past_close(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open opportunity (identified to negotiation) whose expected close date has passed: the
    pipeline counts money that is not coming then."""
    for o in plan.opportunities:
        if o.is_open and (ctx.today - o.close).days > ctx.params["grace_days"]:
            # Translators: {ago} is "3 days ago" or "today", {stage} the opportunity's stage ("negotiation").
            message = _("opportunity '{id}' ({title}) was expected to close on {date}, {ago}, and is still at {stage}: "
                        "mark it won or lost, or set the new date")
            yield Problem(o.path + ("close",), message.format(id=o.id, title=o.title, date=formats.date(o.close),
                                                              ago=days_ago(o.close, ctx.today), stage=value(o.stage)),
                          subject=o.id, people=(o.owner or plan.owner,))


@check("KAM802", "large opportunity without its economic buyer", params=[
    Param("min_value", float, "The value, in the portfolio currency, from which an opportunity needs its "
          "economic buyer among its stakeholders.", default=100000, minimum=0),
])
def no_economic_buyer(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open opportunity worth at least a value (100,000 in the portfolio currency) with no economic
    buyer (buying_roles: [economic]) among its stakeholders: nobody who signs off the money is in the deal."""
    settings = ctx.settings
    for o in plan.opportunities:
        worth = cycle.converted(o, plan, settings)
        if not o.is_open or worth is None or worth < ctx.params["min_value"]:
            continue
        people = [plan.stakeholder(sid) for sid in o.stakeholders]
        if any(s is not None and "economic" in s.buying_roles for s in people):
            continue
        names = {"id": o.id, "title": o.title, "value": money(worth, settings.currency),
                 "people": listing(s.name for s in people if s)}
        if o.stakeholders:
            # Translators: {value} is money ("1.23 M EUR"), {people} the names of the customer's people in the deal.
            message = _("opportunity '{id}' ({title}) is worth {value} and has no economic buyer among its "
                        "stakeholders (its people are {people}): find who signs off the money and bring them into "
                        "the deal")
        else:
            message = _("opportunity '{id}' ({title}) is worth {value} and has no economic buyer among its "
                        "stakeholders (it names nobody): find who signs off the money and bring them into the deal")
        yield Problem(o.path + ("stakeholders",) if o.stakeholders else o.path + ("id",), message.format(**names),
                      subject=o.id, key=not o.stakeholders, people=(o.owner or plan.owner,))


@check("KAM803", "lost opportunity without a reason")
def lost_without_reason(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A lost opportunity with no lost_reason: the next deal cannot learn from it."""
    for o in plan.opportunities:
        if o.stage == "lost" and not o.lost_reason:
            # Translators: keep "lost_reason" as it is (the plan's field).
            message = _("opportunity '{id}' ({title}) is lost with no reason: say why under lost_reason (price, a "
                        "competitor, timing ...)")
            yield Problem(o.path + ("stage",), message.format(id=o.id, title=o.title), subject=o.id,
                          people=(o.owner or plan.owner,))
