"""Classification: an account's tier should match the key-account criteria it meets."""

from __future__ import annotations

from typing import Iterator

from ..model import Plan
from .registry import Context, Problem, check
from .wording import listing


def _criteria(plan: Plan) -> str:
    met = plan.classification.criteria
    return f"{len(met)} of the key-account criteria" + (f" ({listing(met, 6)})" if met else "")


@check("KAM601", "tier criteria not met")
def criteria_not_met(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The account meets fewer key-account criteria (classification.criteria) than its tier's min_criteria."""
    if ctx.tier is None or len(plan.classification.criteria) >= ctx.tier.min_criteria:
        return
    yield Problem(("tier",), f"the account meets {_criteria(plan)}; {ctx.tier_phrase()} asks for "
                  f"{ctx.tier.min_criteria}: record the criteria it meets, or move it to a lower tier",
                  people=(plan.owner,))


@check("KAM602", "could sit in the top tier", default_severity="info")
def could_move_up(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The account meets the top tier's criteria while sitting in a lower tier whose bar is lower."""
    top = ctx.settings.tiers[0]
    if ctx.tier is None or ctx.tier.id == top.id or top.min_criteria <= ctx.tier.min_criteria:
        return
    if len(plan.classification.criteria) >= top.min_criteria:
        yield Problem(("tier",), f"the account meets {_criteria(plan)}, enough for the {top.id} tier "
                      f"({top.min_criteria}), but sits in {ctx.tier.id}: consider moving it up", people=(plan.owner,))
