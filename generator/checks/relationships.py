"""Relationships: is the account known widely enough that it survives one person leaving?

Questions about coverage are asked of the same networkx graphs the team
matrix and the decision-maker map are drawn from (generator/analyse.py).
People who have left the customer are exempt from every check here.
"""

from __future__ import annotations

from typing import Iterator

from .. import analyse, cycle
from ..model import Plan
from .registry import Context, Param, Problem, check
from .. import formats
from ..i18n import _, ngettext
from .wording import days_ago, first_present, listing, value, who

STRENGTHS = ("weak", "medium", "strong")
LEVELS = ("low", "medium", "high")


def _graph(plan: Plan, ctx: Context):
    return ctx.coverage_graph(plan)


def _at_least(level: str, minimum: str, order=LEVELS) -> bool:
    return order.index(level) >= order.index(minimum)


@check("KAM101", "single-threaded decision maker", params=[
    Param("min_contacts", int, "How many of our people must cover each decision maker.",
          care_model="min_contacts_per_decision_maker", minimum=1, maximum=10),
    Param("min_strength", str, "The weakest relationship that counts as covering (weak, medium, strong).",
          default="weak", choices=STRENGTHS),
])
def single_threaded(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A decision maker (economic buyer or high influence) covered by fewer of our people than the
    tier asks for: when that one person leaves, the relationship leaves with them."""
    graph, wanted = _graph(plan, ctx), ctx.params["min_contacts"]
    for s in analyse.present_stakeholders(plan, ctx.today):
        if not s.is_decision_maker:
            continue
        ours = sorted(us[1] for us in graph.neighbors(("them", s.id))
                      if _at_least(graph.edges[us, ("them", s.id)]["strength"], ctx.params["min_strength"], STRENGTHS))
        if len(ours) < wanted:
            names = {"stakeholder": who(s), "people": listing(ours), "tier": ctx.tier_phrase(),
                     "count": formats.count(wanted)}
            if ours:
                # Translators: {stakeholder} is "'mari-kask' (Mari Kask, CFO)", {people} ids of our people,
                # {tier} "the strategic tier" or "the portfolio settings".
                message = ngettext("decision maker {stakeholder} is covered only by {people}; {tier} asks for "
                                   "{count} of our people", "decision maker {stakeholder} is covered only by {people}; "
                                   "{tier} asks for {count} of our people", wanted)
            else:
                message = ngettext("decision maker {stakeholder} is covered by nobody of ours; {tier} asks for "
                                   "{count} of our people", "decision maker {stakeholder} is covered by nobody of "
                                   "ours; {tier} asks for {count} of our people", wanted)
            yield Problem(s.path + ("id",), message.format(**names), subject=s.id, people=tuple(ours))


@check("KAM102", "key-person risk", params=[
    Param("min_people", int, "How many of our people, at least, must share the coverage of the "
          "high-influence stakeholders.", default=2, minimum=1, maximum=10),
])
def key_person(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """All coverage of the customer's high-influence people goes through fewer of our people than
    asked (one, by default): if they leave, we lose every door that matters."""
    graph = _graph(plan, ctx)
    high = [s.id for s in analyse.present_stakeholders(plan, ctx.today) if s.influence == "high"]
    ours = analyse.people_covering(plan, high, graph)
    if not 0 < len(ours) < ctx.params["min_people"]:
        return
    covered = sorted(sid for sid in high if graph.degree(("them", sid)))
    member = next(m for m in plan.team if m.person == ours[0])
    names = {"stakeholders": listing(covered), "people": listing(ours)}
    if len(ours) > 1:
        # Translators: {stakeholders} are the customer's people's ids, {people} our people's ids.
        message = _("all our coverage of high-influence stakeholders ({stakeholders}) goes through {people}: if they "
                    "leave, those doors close; put another person of ours on them")
    else:
        # Translators: {stakeholders} are the customer's people's ids, {people} the id of one of our people.
        message = _("all our coverage of high-influence stakeholders ({stakeholders}) goes through {people}: if "
                    "{people} leaves, those doors close; put another person of ours on them")
    yield Problem(member.path + ("person",), message.format(**names), subject=ours[0], people=tuple(ours))


def _stakeholders_path(plan: Plan) -> tuple:
    return first_present(plan, ("stakeholders",), ("id",))


@check("KAM103", "no economic buyer")
def no_economic_buyer(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """No one among the customer's people is marked as the economic buyer, the one who signs off the money."""
    present = analyse.present_stakeholders(plan, ctx.today)
    if any("economic" in s.buying_roles for s in present):
        return
    gone = [s for s in plan.stakeholders if "economic" in s.buying_roles and s not in present]
    if gone:
        # Translators: {stakeholder} is "'mari-kask' (Mari Kask, CFO)"; keep "buying_roles: [economic]" as it is.
        message = _("the economic buyer {stakeholder} left on {date}: find out who signs off the money now and add "
                    "them with buying_roles: [economic]").format(stakeholder=who(gone[-1]),
                                                                 date=formats.date(gone[-1].left))
    else:
        # Translators: keep "buying_roles: [economic]" as it is: the user writes it in the plan.
        message = _("no economic buyer identified: add whoever signs off the money, with buying_roles: [economic]")
    yield Problem(_stakeholders_path(plan), message, key=True)


@check("KAM104", "no champion or coach")
def no_champion(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """Nobody at the customer sells for us inside (a champion) or guides us through their organisation (a coach)."""
    present = analyse.present_stakeholders(plan, ctx.today)
    if any(s.attitude == "champion" or "coach" in s.buying_roles for s in present):
        return
    # Translators: keep "attitude: champion" and "buying_roles: [coach]" as they are: the user writes them in the plan.
    yield Problem(_stakeholders_path(plan), _("no champion or coach: nobody at the customer sells for us inside "
                                              "(attitude: champion) or guides us (buying_roles: [coach])"), key=True)


@check("KAM105", "opponent without a plan", params=[
    Param("min_influence", str, "The least influence of a sceptic or blocker that needs an action (high, medium, low).",
          default="high", choices=LEVELS),
])
def opponent_without_action(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A sceptic or blocker with high influence and no open action aimed at them (actions[].stakeholders)."""
    aimed = {sid for action in plan.actions if action.is_open for sid in action.stakeholders}
    for s in analyse.present_stakeholders(plan, ctx.today):
        if s.attitude in ("sceptic", "blocker") and _at_least(s.influence, ctx.params["min_influence"]) \
                and s.id not in aimed:
            # Translators: {attitude} is "sceptic" or "blocker", {influence} "high", "medium" or "low";
            # {id} the stakeholder's id; keep "stakeholders: [{id}]" as it is: the user writes it in the plan.
            message = _("{attitude} {stakeholder} has {influence} influence and no open action aimed at them: plan how "
                        "to win them over (an action with stakeholders: [{id}])")
            yield Problem(s.path + ("attitude",), message.format(attitude=value(s.attitude), stakeholder=who(s),
                                                                 influence=value(s.influence), id=s.id), subject=s.id)


@check("KAM106", "stakeholder out of touch", params=[
    Param("max_days", int, "The most days a stakeholder may go without a contact or a verification.",
          care_model="contact_interval_days", minimum=1, maximum=3650),
    Param("min_influence", str, "The least influence of a stakeholder this applies to (high, medium, low).",
          default="low", choices=LEVELS),
])
def out_of_touch(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A stakeholder nobody of ours has contacted or verified within the tier's contact interval
    (the latest of verified and the last contact: from the timeline where it names them, else
    last_contact and the team's coverage last_contact)."""
    touched = analyse.last_touch(plan, ctx.today)
    timeline = cycle.timeline_contacts(plan, ctx.today)
    coverers = analyse.coverers(plan, _graph(plan, ctx))
    limit = ctx.params["max_days"]
    for s in analyse.present_stakeholders(plan, ctx.today):
        if not _at_least(s.influence, ctx.params["min_influence"]):
            continue
        last = touched[s.id]
        if last is None:
            # Translators: keep last_contact and verified as they are: fields the user writes in the plan.
            message = _("nobody of ours has recorded a contact with {stakeholder} or verified their role: record an "
                        "interaction with them, or set last_contact or verified").format(stakeholder=who(s))
            yield Problem(s.path + ("id",), message, subject=s.id, people=tuple(coverers[s.id]))
        elif (ctx.today - last).days > limit:
            path = (timeline[s.id].path + ("date",) if s.id in timeline and timeline[s.id].date == last else
                    first_present(plan, s.path + ("last_contact",), s.path + ("verified",), s.path + ("id",)))
            # Translators: {ago} is "3 days ago" or "today"; {tier} "the strategic tier" or "the portfolio settings".
            message = ngettext("last contact with {stakeholder} was on {date}, {ago}; {tier} asks for one every "
                               "{count} day", "last contact with {stakeholder} was on {date}, {ago}; {tier} asks for "
                               "one every {count} days", limit)
            yield Problem(path, message.format(stakeholder=who(s), date=formats.date(last),
                                               ago=days_ago(last, ctx.today), tier=ctx.tier_phrase(),
                                               count=formats.count(limit)),
                          subject=s.id, people=tuple(coverers[s.id]))
