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
from .wording import days_ago, first_present, listing, plural, who

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
            by = f"only by {listing(ours)}" if ours else "by nobody of ours"
            yield Problem(s.path + ("id",), f"decision maker {who(s)} is covered {by}; {ctx.tier_phrase()} asks for "
                          f"{wanted} of our people", subject=s.id, people=tuple(ours))


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
    yield Problem(member.path + ("person",),
                  f"all our coverage of high-influence stakeholders ({listing(covered)}) goes through "
                  f"{listing(ours)}: if {'they leave' if len(ours) > 1 else ours[0] + ' leaves'}, those doors close; "
                  f"put another person of ours on them", subject=ours[0], people=tuple(ours))


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
        message = (f"the economic buyer {who(gone[-1])} left on {gone[-1].left}: find out who signs off "
                   f"the money now and add them with buying_roles: [economic]")
    else:
        message = "no economic buyer identified: add whoever signs off the money, with buying_roles: [economic]"
    yield Problem(_stakeholders_path(plan), message, key=True)


@check("KAM104", "no champion or coach")
def no_champion(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """Nobody at the customer sells for us inside (a champion) or guides us through their organisation (a coach)."""
    present = analyse.present_stakeholders(plan, ctx.today)
    if any(s.attitude == "champion" or "coach" in s.buying_roles for s in present):
        return
    yield Problem(_stakeholders_path(plan), "no champion or coach: nobody at the customer sells for us inside "
                  "(attitude: champion) or guides us (buying_roles: [coach])", key=True)


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
            yield Problem(s.path + ("attitude",), f"{s.attitude} {who(s)} has {s.influence} influence and no open "
                          f"action aimed at them: plan how to win them over (an action with stakeholders: [{s.id}])",
                          subject=s.id)


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
            yield Problem(s.path + ("id",), f"nobody of ours has recorded a contact with {who(s)} or verified their "
                          f"role: record an interaction with them, or set last_contact or verified", subject=s.id,
                          people=tuple(coverers[s.id]))
        elif (ctx.today - last).days > limit:
            path = (timeline[s.id].path + ("date",) if s.id in timeline and timeline[s.id].date == last else
                    first_present(plan, s.path + ("last_contact",), s.path + ("verified",), s.path + ("id",)))
            yield Problem(path, f"last contact with {who(s)} was on {last}, {days_ago(last, ctx.today)}; "
                          f"{ctx.tier_phrase()} asks for one every {plural(limit, 'day')}",
                          subject=s.id, people=tuple(coverers[s.id]))
