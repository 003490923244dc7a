"""Classification: an account's tier should match the key-account criteria it meets."""

from __future__ import annotations

from typing import Iterator

from ..model import Plan
from .registry import Context, Problem, check
from .. import formats
from ..i18n import ngettext
from .wording import listing


def _names(plan: Plan, ctx: Context, wanted: int) -> dict:
    met = plan.classification.criteria
    return {"count": formats.count(len(met)), "criteria": listing(met, 6), "tier": ctx.tier_phrase(),
            "wanted": formats.count(wanted), "top": ctx.settings.tiers[0].id, "current": ctx.tier.id}


@check("KAM601", "tier criteria not met")
def criteria_not_met(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The account meets fewer key-account criteria (classification.criteria) than its tier's min_criteria."""
    if ctx.tier is None or len(plan.classification.criteria) >= ctx.tier.min_criteria:
        return
    met = len(plan.classification.criteria)
    if met:
        # Translators: {criteria} are the criteria the plan records, as written in it; {tier} "the strategic tier";
        # {wanted} how many the tier asks for.
        message = ngettext("the account meets {count} of the key-account criteria ({criteria}); {tier} asks for "
                           "{wanted}: record the criteria it meets, or move it to a lower tier",
                           "the account meets {count} of the key-account criteria ({criteria}); {tier} asks for "
                           "{wanted}: record the criteria it meets, or move it to a lower tier", met)
    else:
        message = ngettext("the account meets {count} of the key-account criteria; {tier} asks for {wanted}: record "
                           "the criteria it meets, or move it to a lower tier", "the account meets {count} of the "
                           "key-account criteria; {tier} asks for {wanted}: record the criteria it meets, or move it "
                           "to a lower tier", met)
    yield Problem(("tier",), message.format(**_names(plan, ctx, ctx.tier.min_criteria)), people=(plan.owner,))


@check("KAM602", "could sit in the top tier", default_severity="info")
def could_move_up(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """The account meets the top tier's criteria while sitting in a lower tier whose bar is lower."""
    top = ctx.settings.tiers[0]
    if ctx.tier is None or ctx.tier.id == top.id or top.min_criteria <= ctx.tier.min_criteria:
        return
    met = len(plan.classification.criteria)
    if met >= top.min_criteria:
        # Translators: {criteria} are the criteria the plan records; {top} and {current} are tier ids as written in
        # the settings; {wanted} how many criteria the top tier asks for.
        message = ngettext("the account meets {count} of the key-account criteria ({criteria}), enough for the {top} "
                           "tier ({wanted}), but sits in {current}: consider moving it up",
                           "the account meets {count} of the key-account criteria ({criteria}), enough for the {top} "
                           "tier ({wanted}), but sits in {current}: consider moving it up", met)
        yield Problem(("tier",), message.format(**_names(plan, ctx, top.min_criteria)), people=(plan.owner,))
