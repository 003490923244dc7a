"""The care model: each tier promises a team; the plan must have it."""

from __future__ import annotations

from typing import Iterator

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
