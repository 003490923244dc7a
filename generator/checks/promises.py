"""Promises: next steps done on time, promises kept or rescheduled openly, offers and tenders followed up."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterator

from ..model import Plan
from .registry import Context, Param, Problem, check
from .. import formats
from ..i18n import _, ngettext
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
            # Translators: {id} is the action's id, {title} its title, {ago} "3 days ago" or "today", {owner} the id
            # of one of our people.
            message = _("action '{id}' ({title}) was due on {date}, {ago}; owner {owner}: do it, or move the date")
            yield Problem(action.path + ("due",), message.format(
                id=action.id, title=action.title, date=formats.date(action.due), ago=days_ago(action.due, ctx.today),
                owner=action.owner), subject=action.id, people=(action.owner,))


def _stakeholder_name(plan: Plan, stakeholder_id) -> str | None:
    stakeholder = plan.stakeholder(stakeholder_id) if stakeholder_id else None
    return stakeholder.name if stakeholder else None


@check("KAM302", "broken promise")
def overdue_commitment(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A promise to the customer still open after its (last rescheduled) due date."""
    for c in plan.commitments:
        if c.is_open and c.current_due < ctx.today:
            at = c.reschedules[-1].path + ("new_due",) if c.reschedules else c.path + ("due",)
            to = _stakeholder_name(plan, c.to)
            names = {"id": c.id, "promise": c.promise, "name": to, "date": formats.date(c.current_due),
                     "ago": days_ago(c.current_due, ctx.today)}
            if to:
                # Translators: {id} is the promise's id, {promise} what was promised, {name} the customer's person it
                # was promised to, {ago} "3 days ago" or "today".
                message = _("promise '{id}' ({promise}) to {name} was due on {date}, {ago}: deliver it, or tell the "
                            "customer a new date and why")
            else:
                message = _("promise '{id}' ({promise}) was due on {date}, {ago}: deliver it, or tell the customer a "
                            "new date and why")
            yield Problem(at, message.format(**names), subject=c.id, people=(c.owner,))


@check("KAM303", "rescheduled without a reason")
def reschedule_without_reason(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open promise moved to a new date with no reason recorded."""
    for c in plan.commitments:
        for r in c.reschedules if c.is_open else ():
            if not r.reason:
                # Translators: keep "reason:" as it is: the field the user writes in the plan.
                message = _("promise '{id}' was moved to {date} without a reason: record why (reason:)")
                yield Problem(r.path + ("new_due",), message.format(id=c.id, date=formats.date(r.new_due)),
                              subject=c.id, people=(c.owner,))


@check("KAM304", "rescheduled without telling the customer")
def reschedule_not_told(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """An open promise whose latest new date the customer was not told (customer_told not true):
    they still expect the old date."""
    for c in plan.commitments:
        if not c.is_open or not c.reschedules or c.reschedules[-1].customer_told is True:
            continue
        r = c.reschedules[-1]
        to = _stakeholder_name(plan, c.to)
        names = {"id": c.id, "date": formats.date(r.new_due), "name": to}
        if r.customer_told is False and to:
            # Translators: {name} is the customer's person the promise was made to; keep "customer_told: true" as it
            # is (the plan's field).
            message = _("promise '{id}' was moved to {date} and the customer was not told: tell {name} why, apologise "
                        "and give the new date, then set customer_told: true")
        elif r.customer_told is False:
            message = _("promise '{id}' was moved to {date} and the customer was not told: tell them why, apologise "
                        "and give the new date, then set customer_told: true")
        elif to:
            message = _("promise '{id}' was moved to {date} and no record that the customer was told: tell {name} "
                        "why, apologise and give the new date, then set customer_told: true")
        else:
            message = _("promise '{id}' was moved to {date} and no record that the customer was told: tell them why, "
                        "apologise and give the new date, then set customer_told: true")
        yield Problem(first_present(plan, r.path + ("customer_told",), r.path + ("new_due",)),
                      message.format(**names), subject=c.id, people=(c.owner,))


@check("KAM305", "expired proposal still open")
def expired_proposal(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """A proposal past its expiry date whose status is still draft or sent."""
    for p in plan.proposals:
        if p.status in ("draft", "sent") and p.expires < ctx.today:
            # Translators: {status} is "draft" or "sent" as written in the plan; keep the statuses in parentheses as
            # they are: the values the user writes.
            message = _("proposal '{id}' ({title}) expired on {date} and is still '{status}': renew it, or record the "
                        "outcome (accepted, rejected, expired)")
            yield Problem(p.path + ("expires",), message.format(id=p.id, title=p.title, date=formats.date(p.expires),
                                                                status=p.status), subject=p.id)


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
            # Translators: {start} is the day preparation started; keep "tender: {id}" as it is (written in the plan).
            message = ngettext("tender '{id}' ({title}) is on {date}; preparation started on {start} ({count} month "
                               "before) and no action prepares it: add one with tender: {id}",
                               "tender '{id}' ({title}) is on {date}; preparation started on {start} ({count} months "
                               "before) and no action prepares it: add one with tender: {id}", months)
            yield Problem(t.path + ("date",), message.format(id=t.id, title=t.title, date=formats.date(t.date),
                                                             start=formats.date(start), count=formats.count(months)),
                          subject=t.id, people=(plan.owner,))
