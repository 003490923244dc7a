"""Account page sections about buying and doing: buying process, tenders,
proposals, actions, commitments and the quarterly reviews."""

from __future__ import annotations

from .. import formats
from ..i18n import N_, Translated, _, ngettext
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
    lines = [heading(2, _("Buying process"), "buying-process"), ""]
    if not process.summary and not process.steps:
        return lines + none(_("How the customer buys is not described yet."))
    if process.summary:
        lines += [md_block(process.summary), ""]
    if process.steps:
        rows = [[formats.count(i), bold(step.name), stakeholder_links(plan, step.stakeholders), step.duration, step.notes]
                for i, step in enumerate(process.steps, 1)]
        lines += table(["#", _("Step"), _("Who takes part"),
                        # Translators: heads how long a step of the buying process takes.
                        _("Takes"),
                        _("Notes")], rows, "rllll")
    return lines


def tenders(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Tenders"), "tenders"), ""]
    if not plan.tenders:
        return lines + none(_("No tenders recorded."))
    default = ctx.portfolio.settings.tender_preparation_months
    rows = []
    for t in sorted(plan.tenders, key=lambda t: t.date, reverse=True):
        months = t.preparation_months if t.preparation_months is not None else default
        start = add_months(t.date, -months)
        # Translators: the day a tender's preparation starts, {months} months before the tender's date.
        preparation = ngettext("{date} ({months} month before)", "{date} ({months} months before)", months).format(
            date=date(start), months=formats.count(months))
        if t.status in ("expected", "announced"):
            if t.date < ctx.today:
                preparation = _("{preparation} — date passed, status not updated").format(preparation=preparation)
            elif start <= ctx.today:
                preparation = _("{preparation} — preparing now").format(preparation=preparation)
            else:
                days = (start - ctx.today).days
                preparation = ngettext("{preparation} — starts in {count} day", "{preparation} — starts in {count} days",
                                       days).format(preparation=preparation, count=formats.count(days))
        rows.append([bold(t.title), date(t.date), preparation, words(t.status), money(t.value), t.notes])
    return lines + table([_("Tender"), _("Date"), _("Preparation starts"), _("Status"), _("Value"), _("Notes")], rows,
                         "llllrl")


def _follow_up(p) -> Markdown:
    f = p.follow_up
    if f is None:
        return Markdown("–")
    parts = []
    if f.receipt_confirmed is not None:
        parts.append(_("receipt confirmed") if f.receipt_confirmed else _("receipt NOT confirmed"))
    if f.next_step:
        parts.append(Markdown(_("next step: {step}").format(step=md(f.next_step))))
    if f.urgent:
        # Translators: {matter} is what the customer said is urgent about the proposal.
        parts.append(Markdown(_("urgent: {matter}").format(matter=md(f.urgent))))
    if f.discussion_date:
        parts.append(_("discussion on {date}").format(date=date(f.discussion_date)))
    return join(parts, "<br>")


def proposals(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Proposals"), "proposals"), ""]
    if not plan.proposals:
        return lines + none(_("No proposals recorded."))
    rows = []
    for p in sorted(plan.proposals, key=lambda p: p.expires, reverse=True):
        expires = date(p.expires)
        if p.status in ("draft", "sent"):
            days = (p.expires - ctx.today).days
            if days < 0:
                expires = _("{date} — expired").format(date=expires)
            elif days <= SOON_DAYS:
                # Translators: a proposal's expiry date and the days left until then.
                expires = ngettext("{date} — in {count} day", "{date} — in {count} days", days).format(
                    date=expires, count=formats.count(days))
        rows.append([bold(p.title), date(p.sent), expires, words(p.status), money(p.value),
                     stakeholder_links(plan, p.readers), _follow_up(p)])
    return lines + table([_("Proposal"), _("Sent"), _("Expires"), _("Status"), _("Value"), _("Read by"), _("Follow-up")],
                         rows, "llllrll")


def actions(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Next steps"), "actions"), ""]
    if not plan.actions:
        return lines + none(_("No actions recorded."))
    open_ = sorted((a for a in plan.actions if a.is_open), key=lambda a: a.due)
    closed = sorted((a for a in plan.actions if not a.is_open), key=lambda a: a.done or a.due, reverse=True)
    tender_titles = {t.id: t.title for t in plan.tenders}
    if open_:
        rows = []
        for a in open_:
            due = date(a.due)
            if a.due < ctx.today:
                late = (ctx.today - a.due).days
                due = bold(ngettext("{date} — overdue {count} day", "{date} — overdue {count} days", late).format(
                    date=due, count=formats.count(late)))
            rows.append([due, bold(a.title), person_link(ctx, uri, a.owner), words(a.status),
                         stakeholder_links(plan, a.stakeholders), tender_titles.get(a.tender), a.notes])
        lines += table([_("Due"), _("Action"), _("Owner"), _("Status"),
                        # Translators: heads the customer's people an action is done with.
                        _("With"),
                        _("Tender"), _("Notes")], rows)
    else:
        lines += none(_("No open actions."))
    if closed:
        lines += [bold(_("Done and cancelled")), ""]
        rows = [[date(a.done) if a.done else "–", a.title, person_link(ctx, uri, a.owner), words(a.status), a.notes]
                for a in closed]
        # Translators: "Done" heads the day an action was done (or cancelled).
        lines += table([_("Done"), _("Action"), _("Owner"), _("Status"), _("Notes")], rows)
    return lines


TOLD = Translated({True: N_("customer told"), False: N_("customer NOT told"), None: N_("customer told: not recorded")})


def _history(c) -> list[Markdown]:
    """Each rescheduling of a commitment: when, from which date to which, why, told or not."""
    out, due = [], c.due
    for r in c.reschedules:
        dates = dict(date=md(date(r.date)), due=md(date(due)), new_due=md(date(r.new_due)), told=TOLD[r.customer_told])
        if r.reason:
            # Translators: a rescheduling of a commitment: on {date} the due date {due} moved to {new_due}, for
            # the {reason} the team wrote; {told} says whether the customer was told ("customer told").
            text = _("{date}: {due} → {new_due} — {reason} ({told})").format(reason=md(r.reason), **dates)
        else:
            text = _("{date}: {due} → {new_due} ({told})").format(**dates)
        out.append(Markdown(text))
        due = r.new_due
    return out


def commitments(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Commitments to the customer"), "commitments"), ""]
    if not plan.commitments:
        return lines + none(_("No commitments recorded."))
    rows, history = [], []
    order = {"open": 0, "broken": 1, "kept": 2, "cancelled": 3}
    for c in sorted(plan.commitments, key=lambda c: (order.get(c.status, 9), c.current_due)):
        due = date(c.current_due)
        if c.is_open and c.current_due < ctx.today:
            due = bold(_("{date} — late").format(date=due))
        # Translators: how many times a commitment was rescheduled, and its first due date.
        moved = _("{count}×, first due {date}").format(count=formats.count(len(c.reschedules)), date=date(c.due)) \
            if c.reschedules else None
        rows.append([bold(c.promise), stakeholder_links(plan, [c.to]) if c.to else "–",
                     person_link(ctx, uri, c.owner), date(c.made), due, words(c.status), date(c.delivered), moved])
        if c.reschedules:
            history.append(Markdown(f"{bold(c.promise)}<br>" + "<br>".join(_history(c))))
    lines += table([_("Promise"),
                    # Translators: heads the customer's person a commitment was made to.
                    _("To"),
                    _("Owner"), _("Made"), _("Due"), _("Status"), _("Delivered"), _("Rescheduled")], rows)
    if history:
        lines += [bold(_("History of reschedulings:")), ""] + [f"- {h}" for h in history] + [""]
    return lines


def reviews(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Quarterly reviews"), "reviews"), ""]
    if not plan.reviews:
        return lines + none(_("No reviews recorded yet."))
    goal_titles = {g.id: g.title for g in plan.goals}
    for review in sorted(plan.reviews, key=lambda r: r.date, reverse=True):
        # Translators: a review's heading: its period (e.g. 2026-Q3) and the day it was held.
        title = _("{period} — reviewed {date}").format(period=formats.period(review.period), date=date(review.date))
        lines += [heading(3, title), ""]
        facts = []
        if review.participants:
            people = join(person_link(ctx, uri, p) for p in review.participants)
            label = bold(_("Taking part:"))
            facts.append(Markdown(f"{label} {people}"))
        if review.with_customer is not None:
            label = bold(_("Discussed with the customer:"))
            facts.append(f"{label} " + (_("yes") if review.with_customer else _("no")))
        if review.next_review:
            label = bold(_("Next review:"))
            facts.append(f"{label} {date(review.next_review)}")
        lines += [f"- {fact}" for fact in facts] + ([""] if facts else [])
        if review.summary:
            lines += [md_block(review.summary), ""]
        if review.results:
            rows = [[goal_titles.get(r.goal, r.goal), words(r.status), value(r.value), r.note] for r in review.results]
            lines += table([_("Goal"), _("Status"), _("Value"), _("Note")], rows)
        if review.corrections:
            lines += [bold(_("Corrections:")), ""] + bullets(review.corrections)
    return lines
