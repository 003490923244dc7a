"""Account page sections about buying and doing: buying process, tenders,
proposals, actions, commitments and the quarterly reviews."""

from __future__ import annotations

from ..model import Plan
from .context import Context, person_page, rel
from .escape import Markdown, md, md_block
from .md import anchor_id, bold, bullets, heading, join, link, none, table
from .words import add_months, date, money, value, words

SOON_DAYS = 30


def stakeholder_links(plan: Plan, ids) -> Markdown:
    """Links to stakeholders' rows on this page (names as written)."""
    parts = []
    for sid in ids:
        s = plan.stakeholder(sid)
        parts.append(link(s.name, f"#{anchor_id('s', sid)}") if s else md(sid))
    return join(parts)


def person_link(ctx: Context, uri: str, person_id: str) -> Markdown:
    return link(ctx.person_name(person_id), rel(uri, person_page(person_id)))


def buying_process(plan: Plan, ctx: Context, uri: str) -> list[str]:
    process = plan.buying_process
    lines = [heading(2, "Buying process", "buying-process"), ""]
    if not process.summary and not process.steps:
        return lines + none("How the customer buys is not described yet.")
    if process.summary:
        lines += [md_block(process.summary), ""]
    if process.steps:
        rows = [[str(i), bold(step.name), stakeholder_links(plan, step.stakeholders), step.duration, step.notes]
                for i, step in enumerate(process.steps, 1)]
        lines += table(["#", "Step", "Who takes part", "Takes", "Notes"], rows, "rllll")
    return lines


def tenders(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Tenders", "tenders"), ""]
    if not plan.tenders:
        return lines + none("No tenders recorded.")
    default = ctx.portfolio.settings.tender_preparation_months
    rows = []
    for t in sorted(plan.tenders, key=lambda t: t.date, reverse=True):
        months = t.preparation_months if t.preparation_months is not None else default
        start = add_months(t.date, -months)
        note = ""
        if t.status in ("expected", "announced"):
            if t.date < ctx.today:
                note = " — date passed, status not updated"
            elif start <= ctx.today:
                note = " — preparing now"
            else:
                note = f" — starts in {(start - ctx.today).days} days"
        rows.append([bold(t.title), date(t.date), f"{date(start)} ({months} months before){note}",
                     words(t.status), money(t.value), t.notes])
    return lines + table(["Tender", "Date", "Preparation starts", "Status", "Value", "Notes"], rows, "llllrl")


def _follow_up(p) -> Markdown:
    f = p.follow_up
    if f is None:
        return Markdown("–")
    parts = []
    if f.receipt_confirmed is not None:
        parts.append("receipt confirmed" if f.receipt_confirmed else "receipt NOT confirmed")
    if f.next_step:
        parts.append(Markdown(f"next step: {md(f.next_step)}"))
    if f.urgent:
        parts.append(Markdown(f"urgent: {md(f.urgent)}"))
    if f.discussion_date:
        parts.append(f"discussion on {date(f.discussion_date)}")
    return join(parts, "<br>")


def proposals(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Proposals", "proposals"), ""]
    if not plan.proposals:
        return lines + none("No proposals recorded.")
    rows = []
    for p in sorted(plan.proposals, key=lambda p: p.expires, reverse=True):
        expires = date(p.expires)
        if p.status in ("draft", "sent"):
            days = (p.expires - ctx.today).days
            if days < 0:
                expires += " — expired"
            elif days <= SOON_DAYS:
                expires += f" — in {days} days"
        rows.append([bold(p.title), date(p.sent), expires, words(p.status), money(p.value),
                     stakeholder_links(plan, p.readers), _follow_up(p)])
    return lines + table(["Proposal", "Sent", "Expires", "Status", "Value", "Read by", "Follow-up"], rows, "llllrll")


def actions(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Next steps", "actions"), ""]
    if not plan.actions:
        return lines + none("No actions recorded.")
    open_ = sorted((a for a in plan.actions if a.is_open), key=lambda a: a.due)
    closed = sorted((a for a in plan.actions if not a.is_open), key=lambda a: a.done or a.due, reverse=True)
    tender_titles = {t.id: t.title for t in plan.tenders}
    if open_:
        rows = []
        for a in open_:
            due = date(a.due)
            if a.due < ctx.today:
                due = Markdown(f"**{md(due)} — overdue {(ctx.today - a.due).days} days**")
            rows.append([due, bold(a.title), person_link(ctx, uri, a.owner), words(a.status),
                         stakeholder_links(plan, a.stakeholders), tender_titles.get(a.tender), a.notes])
        lines += table(["Due", "Action", "Owner", "Status", "With", "Tender", "Notes"], rows)
    else:
        lines += none("No open actions.")
    if closed:
        lines += ["**Done and cancelled**", ""]
        rows = [[date(a.done) if a.done else "–", a.title, person_link(ctx, uri, a.owner), words(a.status), a.notes]
                for a in closed]
        lines += table(["Done", "Action", "Owner", "Status", "Notes"], rows)
    return lines


TOLD = {True: "customer told", False: "customer NOT told", None: "customer told: not recorded"}


def _history(c) -> list[Markdown]:
    """Each rescheduling of a commitment: when, from which date to which, why, told or not."""
    out, due = [], c.due
    for r in c.reschedules:
        reason = f" — {md(r.reason)}" if r.reason else ""
        out.append(Markdown(f"{md(date(r.date))}: {md(date(due))} → {md(date(r.new_due))}{reason} "
                            f"({TOLD[r.customer_told]})"))
        due = r.new_due
    return out


def commitments(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Commitments to the customer", "commitments"), ""]
    if not plan.commitments:
        return lines + none("No commitments recorded.")
    rows, history = [], []
    order = {"open": 0, "broken": 1, "kept": 2, "cancelled": 3}
    for c in sorted(plan.commitments, key=lambda c: (order.get(c.status, 9), c.current_due)):
        due = date(c.current_due)
        if c.is_open and c.current_due < ctx.today:
            due = Markdown(f"**{md(due)} — late**")
        moved = f"{len(c.reschedules)}×, first due {date(c.due)}" if c.reschedules else None
        rows.append([bold(c.promise), stakeholder_links(plan, [c.to]) if c.to else "–",
                     person_link(ctx, uri, c.owner), date(c.made), due, words(c.status), date(c.delivered), moved])
        if c.reschedules:
            history.append(Markdown(f"{bold(c.promise)}<br>" + "<br>".join(_history(c))))
    lines += table(["Promise", "To", "Owner", "Made", "Due", "Status", "Delivered", "Rescheduled"], rows)
    if history:
        lines += ["**History of reschedulings:**", ""] + [f"- {h}" for h in history] + [""]
    return lines


def reviews(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Quarterly reviews", "reviews"), ""]
    if not plan.reviews:
        return lines + none("No reviews recorded yet.")
    goal_titles = {g.id: g.title for g in plan.goals}
    for review in sorted(plan.reviews, key=lambda r: r.date, reverse=True):
        lines += [heading(3, f"{review.period} — reviewed {date(review.date)}"), ""]
        facts = []
        if review.participants:
            facts.append(Markdown("**Taking part:** " + join(person_link(ctx, uri, p) for p in review.participants)))
        if review.with_customer is not None:
            facts.append("**Discussed with the customer:** " + ("yes" if review.with_customer else "no"))
        if review.next_review:
            facts.append(f"**Next review:** {date(review.next_review)}")
        lines += [f"- {fact}" for fact in facts] + ([""] if facts else [])
        if review.summary:
            lines += [md_block(review.summary), ""]
        if review.results:
            rows = [[goal_titles.get(r.goal, r.goal), words(r.status), value(r.value), r.note] for r in review.results]
            lines += table(["Goal", "Status", "Value", "Note"], rows)
        if review.corrections:
            lines += ["**Corrections:**", ""] + bullets(review.corrections)
    return lines
