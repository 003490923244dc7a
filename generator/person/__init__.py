"""The customer's people as data subjects: what the plans hold about one person (`kam person show`) and
erasing them from the plans (`kam person erase`).

    references(plan, stakeholder_id) -> every place in the plan that names them by id
    access.find(portfolio, name_or_id)      -> Records: each plan, field and reference, with file:line
    erase.erase(root, stakeholder_id, ...)  -> the edited files (comments and formatting kept)
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from ..model import Loc, Plan, Portfolio


class Reference(NamedTuple):
    path: Loc  # the element that names them: removed whole on erasure
    what: str  # in words, for `kam person show`


def namer(portfolio: Portfolio) -> Callable[[str], str]:
    """One of our people's name by id (the id when they are not in the directory)."""
    return lambda person_id: getattr(portfolio.people.get(person_id), "name", person_id)


def references(plan: Plan, sid: str, person_name: Callable[[str], str] = str) -> list[Reference]:
    """Every element of `plan`, other than the stakeholder's own entry, that names stakeholder `sid`
    (`person_name`: the name of one of our people, by id)."""
    found: list[Reference] = []
    for s in plan.stakeholders:
        if s.reports_to == sid and s.id != sid:
            found.append(Reference(s.path + ("reports_to",), f"{s.name} reports to them"))
        found += [Reference(s.path + ("influences", i), f"they are influenced by {s.name}")
                  for i, target in enumerate(s.influences) if target == sid]
    for member in plan.team:
        found += [Reference(c.path, f"covered by {person_name(member.person)} ({c.strength})")
                  for c in member.covers if c.stakeholder == sid]
    for step in plan.buying_process.steps:
        found += [Reference(step.path + ("stakeholders", i), f"takes part in buying step '{step.name}'")
                  for i, x in enumerate(step.stakeholders) if x == sid]
    for proposal in plan.proposals:
        found += [Reference(proposal.path + ("readers", i), f"reads proposal '{proposal.id}'")
                  for i, x in enumerate(proposal.readers) if x == sid]
    for action in plan.actions:
        found += [Reference(action.path + ("stakeholders", i), f"action '{action.id}' is aimed at them")
                  for i, x in enumerate(action.stakeholders) if x == sid]
    for commitment in plan.commitments:
        if commitment.to == sid:
            found.append(Reference(commitment.path + ("to",), f"commitment '{commitment.id}' was made to them"))
    for o in plan.opportunities:
        found += [Reference(o.path + ("stakeholders", i), f"takes part in opportunity '{o.id}'")
                  for i, x in enumerate(o.stakeholders) if x == sid]
    for event in plan.interactions:
        found += [Reference(event.path + ("stakeholders", i), f"took part in the {event.kind.replace('_', ' ')} "
                            f"of {event.date}") for i, x in enumerate(event.stakeholders) if x == sid]
    for silence in plan.silenced:
        if silence.subject == sid:
            found.append(Reference(silence.path, f"a silence of {silence.check} is about them"))
    return found
