"""The portfolio page's health overview and shape: accounts by health state, grouped by tier and by
key account manager, and the pictures of generator/render/charts.py with the words around them."""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Sequence

from .. import formats
from ..health import STATES
from ..formats import joined
from ..i18n import N_, Translated, _, ngettext
from ..model import Plan
from . import charts, figures
from .context import HOME, Context, account_page, person_page, rel
from .escape import Markdown, md
from .health import badge
from .md import heading, link, none, small, table

GROUP_LINKS = 8  # accounts named per group; the rest are counted
WHITESPACE_ACCOUNTS = 30  # rows of the whitespace picture (largest accounts first)
WHITESPACE_PRODUCTS = 14
# The column headers of the groups' tables: how many accounts of the group are in each state.
STATE_HEADERS = Translated({"at_risk": N_("At risk"), "attention": N_("Needs attention"), "healthy": N_("Healthy")})


def _tally(ctx: Context, plans: Sequence[Plan]) -> dict[str, int]:
    tally = dict.fromkeys(STATES, 0)
    for plan in plans:
        tally[ctx.health[plan.id].state] += 1
    return tally


def health_summary(ctx: Context, plans: Sequence[Plan]) -> list[str]:
    if not plans:
        return []
    tally = _tally(ctx, plans)
    parts = [f"{badge(state)} <b>{formats.number(tally[state])}</b>" for state in STATES]
    # Translators: {field} is the name of the settings' field, "health:", as the user types it in the YAML;
    # "Account health" is the title of a section of kam's README (in English).
    rule = _("Health comes from the policy findings each account has (silenced ones not counted); the rule is "
             "set under {field} in the portfolio settings (README, Account health).").format(field="health:")
    return ["<p class=\"kam-health-summary\">" + " &nbsp; ".join(parts) + "</p>", "", small(rule), ""]


def _accounts(ctx: Context, plans: Sequence[Plan]) -> Markdown:
    shown = [link(p.name, rel(HOME, account_page(p.id))) for p in plans
             if ctx.health[p.id].state != "healthy"][:GROUP_LINKS]
    rest = sum(ctx.health[p.id].state != "healthy" for p in plans) - len(shown)
    # Translators: after a shortened list of accounts: how many more are not named.
    more = ngettext("+{count} more", "+{count} more", rest).format(count=formats.number(rest)) if rest > 0 else ""
    text = joined(shown) + (f" {small(more)}" if more else "")
    return Markdown(text or "–")


def _group_table(ctx: Context, groups: dict, name: Callable[[str], Markdown]) -> list[str]:
    rows = []
    for key, plans in groups.items():
        tally = _tally(ctx, plans)
        rows.append([name(key), formats.number(len(plans))] + [formats.number(tally[s]) for s in STATES]
                    + [_accounts(ctx, plans)])
    headers = ([_("Group"), _("Accounts")] + [STATE_HEADERS[s] for s in STATES]
               + [_("Not healthy, worst first")])
    return table(headers, rows, "lrrrrl")


def groups(ctx: Context, plans: Sequence[Plan], order: Callable) -> list[str]:
    """Accounts grouped by tier and by key account manager, each group worst first."""
    if not plans:
        return []
    settings = ctx.portfolio.settings
    by_tier: dict[str, list[Plan]] = defaultdict(list)
    by_owner: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        by_tier[plan.tier].append(plan)
        by_owner[plan.owner].append(plan)
    tiers = {t: order(ctx, by_tier[t]) for t in sorted(by_tier, key=settings.tier_rank)}
    owners = {o: order(ctx, ps) for o, ps in sorted(by_owner.items(), key=lambda item: (
        -_tally(ctx, item[1])["at_risk"], ctx.person_name(item[0]).casefold()))}
    lines = [heading(2, _("By tier"), "by-tier"), ""]
    lines += _group_table(ctx, tiers, lambda t: md(settings.tier(t).name if settings.tier(t) else t))
    lines += [heading(2, _("By key account manager"), "by-owner"), ""]
    lines += _group_table(ctx, owners, lambda o: link(ctx.person_name(o), rel(HOME, person_page(o))))
    return lines


def _figure(svg: Markdown, caption: str) -> list[str]:
    if not svg:
        return []
    return [f'<figure class="kam-figure">{svg}<figcaption>{md(caption)}</figcaption></figure>', ""]


def _mix(ctx: Context, conc: figures.Concentration, key_of: Callable[[Plan], str]) -> list[tuple[str, float, int]]:
    amounts: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    by_id = {s.account: s for s in conc.accounts}
    for plan in ctx.portfolio.plans:
        # Translators: the group of the accounts whose plan does not say (its segment, its ABC class).
        key = key_of(plan) or _("not recorded")
        counts[key] += 1
        share = by_id.get(plan.id)
        amounts[key] += share.amount or 0 if share else 0
    return sorted(((k, amounts[k], counts[k]) for k in counts), key=lambda r: (-r[1], -r[2], r[0]))


def _products(plans: Sequence[Plan]) -> list[str]:
    seen: dict[str, int] = defaultdict(int)
    for plan in plans:
        for product in plan.situation.products:
            seen[product.name] += 1
    return sorted(seen, key=lambda name: (-seen[name], name.casefold()))[:WHITESPACE_PRODUCTS]


def pictures(ctx: Context, conc: figures.Concentration) -> list[str]:
    """Concentration, mix by segment, tier and ABC class, and whitespace, as inline SVG."""
    lines = [heading(2, _("Portfolio shape"), "shape"), ""]
    if not ctx.portfolio.plans:
        return lines + none(_("No account plans yet."))
    # Translators: {period} is a year or a quarter ("2026-Q3").
    lines += _figure(charts.concentration(conc.key_share),
                     _("Key accounts' share of our revenue in {period}.").format(period=formats.period(conc.period))
                     if conc.period else "")
    total = sum(s.amount or 0 for s in conc.accounts)
    settings = ctx.portfolio.settings
    for title, key in ((_("By segment"), lambda p: p.segment), (_("By tier"), ctx.tier_name),
                       (_("By ABC class"), lambda p: p.classification.abc_class)):
        rows = _mix(ctx, conc, key)
        # Translators: the caption of a bar chart; {title} is its title ("By segment"), {currency} a currency code.
        caption = _("{title}: share of the accounts' revenue ({currency}) · number of accounts. Over- or "
                    "under-represented groups show the risk and growth in the mix.")
        lines += _figure(charts.bars(title, rows, total), caption.format(title=title, currency=settings.currency))
    plans = sorted(ctx.portfolio.plans, key=lambda p: next((-(s.amount or 0) for s in conc.accounts
                                                            if s.account == p.id), 0))[:WHITESPACE_ACCOUNTS]
    legend = joined((charts.PRODUCT_STATUS[s] for s in charts.WHITESPACE_CSS), ";")
    # Translators: the caption of the whitespace picture; {legend} lists the symbols: "✔ owned; ◐ pilot; ...".
    caption = ngettext("Whitespace, the {count} largest account by our most common products: {legend}.",
                       "Whitespace, the {count} largest accounts by our most common products: {legend}.", len(plans))
    lines += _figure(charts.whitespace(plans, _products(plans)),
                     caption.format(count=formats.number(len(plans)), legend=legend))
    return lines
