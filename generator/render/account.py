"""The account page: all of one plan, in reading order.

Sections a plan leaves empty say so in one line (or are left out when
there is nothing to say at all); none of them can break the page.
"""

from __future__ import annotations

import re

from .. import formats
from ..i18n import _, ngettext
from ..model import Plan
from . import account_cycle, account_deals, account_people, documents, figures, history
from .context import Context, Page, account_page, person_page, rel
from .escape import Markdown, html, md, md_block
from .health import counts, explained, findings_table, silenced_table
from .md import bold, cell, front_matter, heading, join, link, none, table
from .words import CRITERIA, PRODUCT_STATUS, STATUS, date, money, signed_percent, value, words

_WEBSITE = re.compile(r"^https?://[^\s<>\"'`]+$")


def build(plan: Plan, ctx: Context) -> Page:
    uri = account_page(plan.id)
    with documents.page_links(ctx, plan, uri):  # prose links to the account's documents
        return Page(uri, "\n".join(_lines(plan, ctx, uri)) + "\n")


def _lines(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = front_matter(plan.name, hide=["navigation"])
    lines += [heading(1, plan.name, "account"), ""]
    for section in (header, history.last_change, health, summary, documents.notes, classification, relationship,
                    situation, products, goals):
        lines += section(plan, ctx, uri)
    lines += account_deals.buying_process(plan, ctx, uri)
    lines += account_deals.tenders(plan, ctx, uri)
    lines += account_deals.proposals(plan, ctx, uri)
    lines += account_cycle.pipeline(plan, ctx, uri)
    lines += account_people.decision_map(plan, ctx, uri)
    lines += account_people.stakeholders(plan, ctx, uri)
    lines += account_people.private_data(plan, ctx, uri)
    lines += account_people.team(plan, ctx, uri)
    lines += account_deals.actions(plan, ctx, uri)
    lines += account_deals.commitments(plan, ctx, uri)
    lines += account_deals.reviews(plan, ctx, uri)
    lines += account_cycle.timeline(plan, ctx, uri)
    lines += documents.section(plan, ctx, uri)
    lines += history.section(plan, ctx, uri)
    return lines


def person_link(ctx: Context, uri: str, person_id: str) -> Markdown:
    return link(ctx.person_name(person_id), rel(uri, person_page(person_id)))


def header(plan: Plan, ctx: Context, uri: str) -> list[str]:
    tier = ctx.portfolio.settings.tier(plan.tier)
    # Translators: {tier} is the name of the account's tier in the portfolio settings.
    kind = _("{tier} (key account)") if tier and tier.key else _("{tier} (not counted as a key account)")
    facts = [
        (_("Tier"), Markdown(kind.format(tier=md(ctx.tier_name(plan))))),
        (_("Status"), STATUS.get(plan.status, plan.status)),
        (_("Key account manager"), person_link(ctx, uri, plan.owner)),
        (_("Segment"), plan.segment), (_("Country"), formats.country_name(plan.country)),
        (_("Plan language"), formats.language_name(plan.language)),
        (_("Customer since"), date(plan.relationship.since) if plan.relationship.since else None),
    ]
    if plan.website and _WEBSITE.match(plan.website):
        facts.append((_("Website"), Markdown(f'<a href="{html(plan.website)}" rel="noopener noreferrer">'
                                             f"{html(plan.website)}</a>")))
    last = plan.last_review
    if last:
        # Translators: the date of the last quarterly review and its period, e.g. "2026-10-13 (2026-Q3)".
        reviewed = _("{date} ({period})").format(date=date(last.date), period=formats.period(last.period))
    facts.append((_("Last review"), reviewed if last else _("none yet")))
    if last and last.next_review:
        due = date(last.next_review)
        facts.append((_("Next review"), _("{date} — overdue").format(date=due) if last.next_review < ctx.today else due))
    lines = [f"- **{key}:** {cell(value)}" for key, value in facts if value]
    return lines + [""]


def health(plan: Plan, ctx: Context, uri: str) -> list[str]:
    active = ctx.account_findings(plan.id)
    silenced = ctx.account_findings(plan.id, silenced=True)
    lines = [heading(2, _("Health"), "health", search=False), "", explained(ctx, plan), ""]
    if active:
        # Translators: {counts} says how many findings of each severity, e.g. "1 error, 2 warnings".
        lines += [_("Policy checks on {date}: **{counts}**.").format(date=date(ctx.today), counts=counts(active)), ""]
        lines += findings_table(ctx, uri, active, with_account=False)
    else:
        lines += [_("No findings from the policy checks on {date}.").format(date=date(ctx.today)), ""]
    if silenced:
        lines += [_("Silenced on this account, with the team's reasons:"), ""] + silenced_table(ctx, silenced)
    elif plan.silenced:
        rows = [[s.check, cell(s.subject), s.reason, date(s.until) if s.until else "–"] for s in plan.silenced]
        lines += [_("Checks silenced on this account:"), ""]
        # Translators: table headers of the silenced checks: the check's code, what it is about, the team's
        # reason, and the date the silencing ends.
        lines += table([_("Check"), _("About"), _("Because"), _("Until")], rows)
    return lines


def summary(plan: Plan, ctx: Context, uri: str) -> list[str]:
    if not plan.summary and not plan.customer_experience:
        return []
    lines = [heading(2, _("Summary"), "summary"), ""]
    if plan.summary:
        lines += [md_block(plan.summary), ""]
    if plan.customer_experience:
        lines += [bold(_("The customer experience we aim for:")), "", md_block(plan.customer_experience), ""]
    return lines


def classification(plan: Plan, ctx: Context, uri: str) -> list[str]:
    c = plan.classification
    tier = ctx.portfolio.settings.tier(plan.tier)
    lines = [heading(2, _("Why a key account"), "classification", search=False), ""]
    met = [k for k in CRITERIA if k in c.criteria]
    minimum = tier.min_criteria if tier and tier.min_criteria else None
    if met:
        if minimum:
            # Translators: {minimum} is the least number of criteria the account's tier asks for; a list of
            # the criteria met follows, each a phrase completing "The customer ..." ("is a known brand").
            text = ngettext("Meets **{count} of the {total}** key-account criteria (the tier asks for at least "
                            "{minimum}). The customer:", "Meets **{count} of the {total}** key-account criteria "
                            "(the tier asks for at least {minimum}). The customer:", len(met))
        else:
            text = ngettext("Meets **{count} of the {total}** key-account criteria. The customer:",
                            "Meets **{count} of the {total}** key-account criteria. The customer:", len(met))
        lines += [text.format(count=formats.count(len(met)), total=formats.count(len(CRITERIA)),
                                  minimum=formats.count(minimum or 0)), ""]
        lines += [f"- {CRITERIA[k]}" for k in met] + [""]
        missing = [CRITERIA[k] for k in CRITERIA if k not in met]
        if missing:
            # Translators: {criterion} is a phrase such as "is a known brand"; "it" is the customer. The
            # criteria not met are listed as "Not recorded as met: it is ...; it has ...".
            not_met = "; ".join(_("it {criterion}").format(criterion=m) for m in missing)
            lines += [_("Not recorded as met: {criteria}.").format(criteria=not_met), ""]
    elif minimum:
        lines += [_("No key-account criteria recorded (the tier asks for at least {minimum}).").format(minimum=formats.count(minimum)), ""]
    else:
        lines += [_("No key-account criteria recorded."), ""]
    factors = [(_("Size"), words(c.size)), (_("Significance"), words(c.significance)),
               (_("Growth potential"), words(c.growth_potential)),
               (_("Relationship quality"), words(c.relationship_quality)), (_("ABC class"), c.abc_class)]
    if any(value for _name, value in factors):
        lines += table([name for name, _value in factors], [[value for _name, value in factors]])
    if c.watch:
        lines += [bold(_("Changes to watch:")), ""]
        rows = [[date(w.date), words(w.kind), w.note] for w in sorted(c.watch, key=lambda w: str(w.date or ""))]
        lines += table([_("Noticed"), _("What changed"), _("Note")], rows)
    return lines


def relationship(plan: Plan, ctx: Context, uri: str) -> list[str]:
    if not plan.relationship.history:
        return []
    return [heading(2, _("Relationship history"), "history"), "", md_block(plan.relationship.history), ""]


def situation(plan: Plan, ctx: Context, uri: str) -> list[str]:
    settings = ctx.portfolio.settings
    currency = figures.plan_currency(plan, settings)
    lines = [heading(2, _("Current situation"), "situation", search=False), ""]
    entries = sorted(plan.situation.revenue, key=lambda a: figures.period_bounds(a.period)[::-1])
    if entries:
        other = currency != settings.currency
        factor = figures.rate(currency, settings)
        # Translators: {currency} is an ISO currency code such as EUR.
        revenue = _("Our revenue ({currency})").format(currency=currency)
        headers = [_("Period"), revenue, _("Change")]
        if other:
            # Translators: the header of the revenue converted into the portfolio's currency, e.g. "In EUR".
            headers.append(_("In {currency}").format(currency=settings.currency))
        rows, previous = [], {}
        for a in entries:
            kind = figures.period_kind(a.period)
            before = previous.get(kind)
            trend = signed_percent(figures.change(a, before)) if before else ""
            period = formats.period(a.period)
            row = [_("{period} (forecast)").format(period=period) if a.forecast else period, money(a.amount), trend]
            if other:
                row.append(money(a.amount * factor) if factor else _("no exchange rate"))
            rows.append(row)
            previous[kind] = a
        lines += table(headers, rows, "lrr" + ("r" if other else ""))
    else:
        lines += none(_("No revenue recorded."))
    if plan.situation.competitors:
        lines += [bold(_("Competitors at the customer:")), ""]
        rows = [[c.name, _share(c.share), words(c.satisfaction), c.notes] for c in plan.situation.competitors]
        lines += table([_("Competitor"), _("Share"),
                        # Translators: heads a column of happy / neutral / unhappy (with that competitor).
                        _("Customer is"),
                        _("Notes")], rows)
    return lines


def _share(share) -> str | None:
    """A competitor's share as the plan gives it (in percent, as many decimals as written, up to two)."""
    if share is None:
        return None
    digits = next((d for d in (0, 1) if round(share, d) == share), 2)
    return formats.percent(share / 100, digits)


def products(plan: Plan, ctx: Context, uri: str) -> list[str]:
    items = plan.situation.products
    lines = [heading(2, _("Products and whitespace"), "products", search=False), ""]
    if not items:
        return lines + none(_("No products recorded."))
    units = plan.situation.units
    if units:
        headers = [_("Product")] + [u.name for u in units] + [_("Potential"), _("Competitor")]
        rows = [[bold(p.name)] + [PRODUCT_STATUS.get(p.status_in(u.id)) for u in units]
                + [money(p.potential), p.competitor] for p in items]
        lines += [_("Products by business unit: what each unit has from us and where the whitespace is."), ""]
        lines += table(headers, rows, "l" + "c" * len(units) + "rl")
        notes = [(p.name, p.notes) for p in items if p.notes]
        if notes:
            lines += [f"- {bold(name)}: {md(note)}" for name, note in notes] + [""]
    else:
        rows = [[bold(p.name), PRODUCT_STATUS.get(p.status), money(p.potential), p.competitor, p.notes]
                for p in items]
        lines += table([_("Product"), _("Status"), _("Potential"), _("Competitor"), _("Notes")], rows, "llrll")
    lacking = [p for p in items if p.status in ("missing", "competitor")
               or any(p.status_in(u.id) in ("missing", "competitor") for u in units)]
    if lacking:
        potential = sum(p.potential or 0 for p in lacking)
        currency = figures.plan_currency(plan, ctx.portfolio.settings)
        # Translators: {products} lists the products' names; {amount} is money with its currency.
        text = ngettext("**Whitespace:** {count} product(s) they lack from us in some unit: {products}; "
                        "potential {amount} a year.", "**Whitespace:** {count} product(s) they lack from us in "
                        "some unit: {products}; potential {amount} a year.", len(lacking))
        lines += [Markdown(text.format(count=formats.count(len(lacking)), products=join(p.name for p in lacking),
                                       amount=money(potential, currency))), ""]
    return lines


def goals(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Goals"), "goals"), ""]
    if not plan.goals:
        return lines + none(_("No goals recorded."))
    last_result = {}
    for review in sorted(plan.reviews, key=lambda r: r.date):
        for result in review.results:
            # Translators: a goal's status at a review and the review's period, e.g. "on track (2026-Q3)".
            last_result[result.goal] = _("{status} ({period})").format(status=words(result.status),
                                                                      period=formats.period(review.period))
    for horizon, title in (("short", _("Short term")), ("long", _("Long term"))):
        chosen = [g for g in plan.goals if g.horizon == horizon]
        if not chosen:
            continue
        rows = []
        for g in sorted(chosen, key=lambda g: (g.due is None, g.due or ctx.today)):
            due = date(g.due)
            if g.status == "open" and g.due and g.due < ctx.today:
                due = _("{date} — overdue").format(date=due)
            rows.append([bold(g.title), g.metric, value(g.baseline), value(g.target), due, words(g.status),
                         value(g.result), last_result.get(g.id)])
        lines += [bold(title), ""]
        lines += table([_("Goal"), _("Metric"), _("Baseline"), _("Target"), _("Due"), _("Status"), _("Result"),
                        _("Last review")], rows)
    return lines
