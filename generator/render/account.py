"""The account page: all of one plan, in reading order.

Sections a plan leaves empty say so in one line (or are left out when
there is nothing to say at all); none of them can break the page.
"""

from __future__ import annotations

import re

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
    kind = "key account" if tier and tier.key else "not counted as a key account"
    facts = [
        ("Tier", Markdown(f"{md(ctx.tier_name(plan))} ({kind})")),
        ("Status", STATUS.get(plan.status, plan.status)),
        ("Key account manager", person_link(ctx, uri, plan.owner)),
        ("Segment", plan.segment), ("Country", plan.country), ("Plan language", plan.language),
        ("Customer since", date(plan.relationship.since) if plan.relationship.since else None),
    ]
    if plan.website and _WEBSITE.match(plan.website):
        facts.append(("Website", Markdown(f'<a href="{html(plan.website)}" rel="noopener noreferrer">'
                                          f"{html(plan.website)}</a>")))
    last = plan.last_review
    facts.append(("Last review", f"{date(last.date)} ({last.period})" if last else "none yet"))
    if last and last.next_review:
        overdue = " — overdue" if last.next_review < ctx.today else ""
        facts.append(("Next review", f"{date(last.next_review)}{overdue}"))
    lines = [f"- **{key}:** {cell(value)}" for key, value in facts if value]
    return lines + [""]


def health(plan: Plan, ctx: Context, uri: str) -> list[str]:
    active = ctx.account_findings(plan.id)
    silenced = ctx.account_findings(plan.id, silenced=True)
    lines = [heading(2, "Health", "health", search=False), "", explained(ctx, plan), ""]
    if active:
        lines += [f"Policy checks on {ctx.today.isoformat()}: **{counts(active)}**.", ""]
        lines += findings_table(ctx, uri, active, with_account=False)
    else:
        lines += [f"No findings from the policy checks on {ctx.today.isoformat()}.", ""]
    if silenced:
        lines += ["Silenced on this account, with the team's reasons:", ""] + silenced_table(ctx, silenced)
    elif plan.silenced:
        rows = [[s.check, cell(s.subject), s.reason, date(s.until) if s.until else "–"] for s in plan.silenced]
        lines += ["Checks silenced on this account:", ""]
        lines += table(["Check", "About", "Because", "Until"], rows)
    return lines


def summary(plan: Plan, ctx: Context, uri: str) -> list[str]:
    if not plan.summary and not plan.customer_experience:
        return []
    lines = [heading(2, "Summary", "summary"), ""]
    if plan.summary:
        lines += [md_block(plan.summary), ""]
    if plan.customer_experience:
        lines += ["**The customer experience we aim for:**", "", md_block(plan.customer_experience), ""]
    return lines


def classification(plan: Plan, ctx: Context, uri: str) -> list[str]:
    c = plan.classification
    tier = ctx.portfolio.settings.tier(plan.tier)
    lines = [heading(2, "Why a key account", "classification", search=False), ""]
    met = [k for k in CRITERIA if k in c.criteria]
    needed = f" (the tier asks for at least {tier.min_criteria})" if tier and tier.min_criteria else ""
    if met:
        lines += [f"Meets **{len(met)} of the {len(CRITERIA)}** key-account criteria{needed}. The customer:", ""]
        lines += [f"- {CRITERIA[k]}" for k in met] + [""]
        missing = [CRITERIA[k] for k in CRITERIA if k not in met]
        if missing:
            lines += ["Not recorded as met: it " + "; it ".join(missing) + ".", ""]
    else:
        lines += [f"No key-account criteria recorded{needed}.", ""]
    factors = [("Size", c.size), ("Significance", c.significance), ("Growth potential", c.growth_potential),
               ("Relationship quality", c.relationship_quality), ("ABC class", c.abc_class)]
    if any(value for _, value in factors):
        lines += table([name for name, _ in factors], [[value for _, value in factors]])
    if c.watch:
        lines += ["**Changes to watch:**", ""]
        rows = [[date(w.date), words(w.kind), w.note] for w in sorted(c.watch, key=lambda w: str(w.date or ""))]
        lines += table(["Noticed", "What changed", "Note"], rows)
    return lines


def relationship(plan: Plan, ctx: Context, uri: str) -> list[str]:
    if not plan.relationship.history:
        return []
    return [heading(2, "Relationship history", "history"), "", md_block(plan.relationship.history), ""]


def situation(plan: Plan, ctx: Context, uri: str) -> list[str]:
    settings = ctx.portfolio.settings
    currency = figures.plan_currency(plan, settings)
    lines = [heading(2, "Current situation", "situation", search=False), ""]
    entries = sorted(plan.situation.revenue, key=lambda a: figures.period_bounds(a.period)[::-1])
    if entries:
        other = currency != settings.currency
        factor = figures.rate(currency, settings)
        headers = ["Period", f"Our revenue ({currency})", "Change"]
        if other:
            headers.append(f"In {settings.currency}")
        rows, previous = [], {}
        for a in entries:
            kind = figures.period_kind(a.period)
            before = previous.get(kind)
            trend = signed_percent(figures.change(a, before)) if before else ""
            row = [a.period + (" (forecast)" if a.forecast else ""), money(a.amount), trend]
            if other:
                row.append(money(a.amount * factor) if factor else "no exchange rate")
            rows.append(row)
            previous[kind] = a
        lines += table(headers, rows, "lrr" + ("r" if other else ""))
    else:
        lines += none("No revenue recorded.")
    if plan.situation.competitors:
        lines += ["**Competitors at the customer:**", ""]
        rows = [[c.name, f"{c.share:g} %" if c.share is not None else None, c.satisfaction, c.notes]
                for c in plan.situation.competitors]
        lines += table(["Competitor", "Share", "Customer is", "Notes"], rows)
    return lines


def products(plan: Plan, ctx: Context, uri: str) -> list[str]:
    items = plan.situation.products
    lines = [heading(2, "Products and whitespace", "products", search=False), ""]
    if not items:
        return lines + none("No products recorded.")
    units = plan.situation.units
    if units:
        headers = ["Product"] + [u.name for u in units] + ["Potential", "Competitor"]
        rows = [[bold(p.name)] + [PRODUCT_STATUS.get(p.status_in(u.id)) for u in units]
                + [money(p.potential), p.competitor] for p in items]
        lines += ["Products by business unit: what each unit has from us and where the whitespace is.", ""]
        lines += table(headers, rows, "l" + "c" * len(units) + "rl")
        notes = [(p.name, p.notes) for p in items if p.notes]
        if notes:
            lines += [f"- {bold(name)}: {md(note)}" for name, note in notes] + [""]
    else:
        rows = [[bold(p.name), PRODUCT_STATUS.get(p.status), money(p.potential), p.competitor, p.notes]
                for p in items]
        lines += table(["Product", "Status", "Potential", "Competitor", "Notes"], rows, "llrll")
    lacking = [p for p in items if p.status in ("missing", "competitor")
               or any(p.status_in(u.id) in ("missing", "competitor") for u in units)]
    if lacking:
        potential = sum(p.potential or 0 for p in lacking)
        currency = figures.plan_currency(plan, ctx.portfolio.settings)
        lines += [Markdown(f"**Whitespace:** {len(lacking)} product(s) they lack from us in some unit: "
                           f"{join(p.name for p in lacking)}; potential {money(potential, currency)} a year."), ""]
    return lines


def goals(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Goals", "goals"), ""]
    if not plan.goals:
        return lines + none("No goals recorded.")
    last_result = {}
    for review in sorted(plan.reviews, key=lambda r: r.date):
        for result in review.results:
            last_result[result.goal] = f"{words(result.status)} ({review.period})"
    for horizon, title in (("short", "Short term"), ("long", "Long term")):
        chosen = [g for g in plan.goals if g.horizon == horizon]
        if not chosen:
            continue
        rows = []
        for g in sorted(chosen, key=lambda g: (g.due is None, g.due or ctx.today)):
            due = date(g.due)
            if g.status == "open" and g.due and g.due < ctx.today:
                due += " — overdue"
            rows.append([bold(g.title), g.metric, value(g.baseline), value(g.target), due, words(g.status),
                         value(g.result), last_result.get(g.id)])
        lines += [f"**{title}**", ""]
        lines += table(["Goal", "Metric", "Baseline", "Target", "Due", "Status", "Result", "Last review"], rows)
    return lines
