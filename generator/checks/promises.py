"""Promises: next steps done on time, promises kept or rescheduled openly, offers and tenders followed up."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterator

from ..model import Plan
from .registry import Context, Param, Problem, check
from .wording import days_ago, first_present


def months_before(date: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day when it has no such day."""
    month_index = date.year * 12 + date.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


@check("KAM301", "overdue action", params=[
    Param("grace_days", int, "Days after the due date before an open action counts as overdue.",
          default=0, minimum=0, maximum=365),
])
def overdue_action(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open or in-progress action whose due date has passed."""
    for action in plan.actions:
        if action.is_open and (ctx.today - action.due).days > ctx.params["grace_days"]:
            yield Problem(action.path + ("due",), f"action '{action.id}' ({action.title}) was due on {action.due}, "
                          f"{days_ago(action.due, ctx.today)}; owner {action.owner}: do it, or move the date",
                          subject=action.id, people=(action.owner,))


def _to_whom(plan: Plan, stakeholder_id) -> str:
    stakeholder = plan.stakeholder(stakeholder_id) if stakeholder_id else None
    return f" to {stakeholder.name}" if stakeholder else ""


@check("KAM302", "broken promise")
def overdue_commitment(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A promise to the customer still open after its (last rescheduled) due date."""
    for c in plan.commitments:
        if c.is_open and c.current_due < ctx.today:
            at = c.reschedules[-1].path + ("new_due",) if c.reschedules else c.path + ("due",)
            yield Problem(at, f"promise '{c.id}' ({c.promise}){_to_whom(plan, c.to)} was due on {c.current_due}, "
                          f"{days_ago(c.current_due, ctx.today)}: deliver it, or tell the customer a new date and why",
                          subject=c.id, people=(c.owner,))


@check("KAM303", "rescheduled without a reason")
def reschedule_without_reason(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open promise moved to a new date with no reason recorded."""
    for c in plan.commitments:
        for r in c.reschedules if c.is_open else ():
            if not r.reason:
                yield Problem(r.path + ("new_due",), f"promise '{c.id}' was moved to {r.new_due} without a reason: "
                              f"record why (reason:)", subject=c.id, people=(c.owner,))


@check("KAM304", "rescheduled without telling the customer")
def reschedule_not_told(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open promise whose latest new date the customer was not told (customer_told not true):
    they still expect the old date."""
    for c in plan.commitments:
        if not c.is_open or not c.reschedules or c.reschedules[-1].customer_told is True:
            continue
        r = c.reschedules[-1]
        told = "the customer was not told" if r.customer_told is False else "no record that the customer was told"
        stakeholder = plan.stakeholder(c.to) if c.to else None
        yield Problem(first_present(plan, r.path + ("customer_told",), r.path + ("new_due",)),
                      f"promise '{c.id}' was moved to {r.new_due} and {told}: tell "
                      f"{stakeholder.name if stakeholder else 'them'} why, apologise and give the new date, "
                      f"then set customer_told: true", subject=c.id, people=(c.owner,))


@check("KAM305", "expired proposal still open")
def expired_proposal(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A proposal past its expiry date whose status is still draft or sent."""
    for p in plan.proposals:
        if p.status in ("draft", "sent") and p.expires < ctx.today:
            yield Problem(p.path + ("expires",), f"proposal '{p.id}' ({p.title}) expired on {p.expires} and is still "
                          f"'{p.status}': renew it, or record the outcome (accepted, rejected, expired)", subject=p.id)


@check("KAM306", "tender without preparation")
def tender_unprepared(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An expected or announced tender whose preparation window has opened (settings.tender_preparation_months
    before its date, or the tender's own preparation_months) with no action for it (actions[].tender)."""
    prepared = {a.tender for a in plan.actions if a.tender and a.status != "cancelled"}
    for t in plan.tenders:
        if t.status not in ("expected", "announced") or t.date < ctx.today or t.id in prepared:
            continue
        months = t.preparation_months if t.preparation_months is not None else ctx.settings.tender_preparation_months
        start = months_before(t.date, months)
        if start <= ctx.today:
            yield Problem(t.path + ("date",), f"tender '{t.id}' ({t.title}) is on {t.date}; preparation started on "
                          f"{start} ({months} months before) and no action prepares it: add one with tender: {t.id}",
                          subject=t.id, people=(plan.owner,))
