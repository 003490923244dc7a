"""`kam share ACCOUNT`: the customer's page of one account plan, one self-contained print-ready HTML file.

What the customer may read, and nothing else: the account and our key account manager, the care model
of its tier (service level, complaint response, meetings), the goals, actions and reviews the plan marks
`shared: true`, and every commitment made to them with the dates as they were told them (a rescheduling
the customer was not told is not shown). Never: their people and what we think of them, our coverage,
findings, competitors, revenue, other accounts, internal notes. Built from the model field by field (an
allow-list), so a field added to the plan later stays out until it is added here.

The page makes no request: no scripts, no fonts, no images, the style inline.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from . import formats, i18n
from .i18n import _, ngettext, pgettext
from .model import Commitment, Plan, Portfolio
from .render.escape import html
from .render.words import date, words

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:52rem;
margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.92em}th,td{text-align:left;vertical-align:top;
padding:.3rem .5rem;border-bottom:1px solid #d0d7de}th{background:#f6f8fa}
.wide{overflow-x:auto}.sub{color:#57606a}.none{color:#57606a;font-style:italic}ul{margin:.3rem 0}.d{white-space:nowrap}
@media print{body{margin:0;max-width:none;font-size:11pt}.wide{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}
@page{margin:18mm}}
"""


def page_language(portfolio: Portfolio, plan: Plan) -> str:
    """The language the customer reads: the plan's own when kam has a catalog for it, else the
    portfolio's default, else English."""
    for code in (plan.language, portfolio.settings.language, *portfolio.settings.languages):
        if code:
            try:
                return i18n.normalise(code)
            except i18n.LanguageError:
                continue
    return i18n.DEFAULT


def _said(message: str, **values: str) -> str:
    """A message of kam's as HTML text, its placeholders filled with (already escaped) HTML."""
    return html(message).format(**values)


def _table(headers: Iterable[str], rows: list[list[Optional[str]]]) -> str:
    """Rows of already escaped cells."""
    head = "".join(f"<th>{html(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell if cell else '–'}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _section(title: str, content: str, empty: str) -> str:
    return f"<h2>{html(title)}</h2>" + (content or f'<p class="none">{html(empty)}</p>')


def _day(value: Optional[dt.date]) -> Optional[str]:
    """A date that does not break across lines; None when there is none."""
    return f'<span class="d">{date(value)}</span>' if value else None


def _text(value) -> Optional[str]:
    return None if value is None else html(value)


def _care_model(portfolio: Portfolio, plan: Plan) -> str:
    tier = portfolio.settings.tier(plan.tier)
    if tier is None:
        return ""
    care = tier.care_model
    hours, meetings, interval = (care.complaint_response_hours, care.management_meetings_per_year,
                                 care.review_interval_days)
    items = [(_("Service level:"), _text(care.service_level)),
             (_("Complaints answered within:"),
              _said(ngettext("{count} hour", "{count} hours", hours), count=formats.number(hours))
              if hours is not None else None),
             # Translators: how many meetings with our management the customer gets, {count} a year.
             (_("Meetings with our management:"),
              _said(ngettext("{count} a year", "{count} a year", meetings), count=formats.number(meetings))
              if meetings else None),  # "0 a year" is no promise to put to a customer
             (_("We review this plan:"),
              _said(ngettext("at least every {count} day", "at least every {count} days", interval),
                    count=formats.number(interval)))]
    return "<ul>" + "".join(f"<li><b>{html(k)}</b> {v}</li>" for k, v in items if v) + "</ul>"


def _goals(plan: Plan) -> str:
    rows = [[html(g.title), _text(g.metric), _text(g.baseline), _text(g.target), _day(g.due), html(words(g.status)),
             _text(g.result)] for g in plan.goals if g.shared]
    headers = [_("Goal"), _("Measured by"), pgettext("a goal's baseline", "From"), _("Target"),
               pgettext("a goal's due date", "By"), _("Status"), _("Result")]
    return _table(headers, rows) if rows else ""


def _actions(portfolio: Portfolio, plan: Plan) -> str:
    rows = [[html(a.title), html(_person(portfolio, a.owner)), _day(a.due), html(words(a.status)),
             _day(a.done)] for a in plan.actions if a.shared]
    headers = [_("Next step"), _("Who of ours"), _("Due"), _("Status"), pgettext("an action's done date", "Done")]
    return _table(headers, rows) if rows else ""


def told_due(commitment: Commitment) -> dt.date:
    """The date the customer was last told: the latest rescheduling they were told of, else the first date."""
    told = [r for r in commitment.reschedules if r.customer_told]
    return told[-1].new_due if told else commitment.due


def _moved(r) -> str:
    if r.reason:
        # Translators: a rescheduling of a promise: on {date} it was moved to {new_date}, for {reason}.
        return _said(_("{date}: moved to {new_date} ({reason})"), date=_day(r.date), new_date=_day(r.new_due),
                     reason=html(r.reason))
    return _said(_("{date}: moved to {new_date}"), date=_day(r.date), new_date=_day(r.new_due))


def _commitments(portfolio: Portfolio, plan: Plan) -> str:
    rows = []
    for c in plan.commitments:
        moves = [_moved(r) for r in c.reschedules if r.customer_told]
        # Translators: under a promise's due date when it was moved: the date first promised.
        first = _said(_("first {date}"), date=_day(c.due))
        first = f'<br><span class="sub">{first}</span>'
        due = _day(told_due(c)) + (first if told_due(c) != c.due else "")
        rows.append([html(c.promise), html(_person(portfolio, c.owner)), _day(c.made), due,
                     "<br>".join(moves) or None, html(words(c.status)), _day(c.delivered)])
    headers = [_("Our promise"), _("Who of ours"), pgettext("a promise's date", "Made"), _("Due"),
               _("Rescheduled"), _("Status"), _("Delivered")]
    return _table(headers, rows) if rows else ""


def _reviews(plan: Plan) -> str:
    goals = {g.id: g for g in plan.goals if g.shared}
    out = []
    for r in sorted((r for r in plan.reviews if r.shared), key=lambda r: r.date, reverse=True):
        # Translators: after a review's period: the day it was held ("with you": with the customer, who reads this).
        held = _("held {date} with you") if r.with_customer else _("held {date}")
        parts = [f"<h3>{html(formats.period(r.period))} <span class=\"sub\">{_said(held, date=date(r.date))}</span></h3>"]
        if r.summary:
            parts.append(f"<p>{html(r.summary)}</p>")
        results = [[html(goals[x.goal].title), html(words(x.status)), _text(x.value), _text(x.note)]
                   for x in r.results if x.goal in goals]
        if results:
            parts.append(_table([_("Goal"), _("Where it stands"), _("Value"), _("Note")], results))
        if r.corrections:
            # Translators: on the customer's page, before what a review decided to do differently.
            change = html(_("What we change:"))
            parts.append(f"<p><b>{change}</b></p><ul>"
                         + "".join(f"<li>{html(c)}</li>" for c in r.corrections) + "</ul>")
        if r.next_review:
            following = _said(_("Next review: {date}"), date=date(r.next_review))
            parts.append(f"<p>{following}</p>")
        out.append("".join(parts))
    return "".join(out)


def _person(portfolio: Portfolio, person_id: str) -> str:
    person = portfolio.people.get(person_id)
    return person.name if person else person_id


def share_page(portfolio: Portfolio, plan: Plan, today: dt.date) -> str:
    """The customer's page of `plan`, as of `today`, in the language in use (i18n.use)."""
    company = portfolio.settings.company
    owner = portfolio.people.get(plan.owner)
    contact = html(owner.name) + (f" &lt;{html(owner.email)}&gt;" if owner and owner.email else "") if owner else ""
    if plan.relationship.since:
        # Translators: the line under the customer's page's title; {date} today, {since} when we started together.
        sub = _said(_("Our account plan, the part we share with you · as of {date} · together since {since}"),
                    date=date(today), since=date(plan.relationship.since))
    else:
        sub = _said(_("Our account plan, the part we share with you · as of {date}"), date=date(today))
    parties = {"customer": html(plan.name), "company": html(company)}
    # Translators: the title of the customer's page: {customer} is their name, {company} ours.
    heading = _said(_("{customer} and {company}"), **parties)
    manager = html(_("Your key account manager:"))
    body = [f"<h1>{heading}</h1>",
            f'<p class="sub">{sub}</p>',
            f"<p><b>{manager}</b> {contact}</p>" if contact else "",
            _section(_("How we serve you"), _care_model(portfolio, plan), _("No service model recorded.")),
            _section(_("Goals we share"), _goals(plan), _("No shared goals yet.")),
            _section(_("Next steps"), _actions(portfolio, plan), _("No shared next steps yet.")),
            _section(_("What we promised you"), _commitments(portfolio, plan), _("No promises recorded.")),
            _section(_("Reviews together"), _reviews(plan), _("No shared reviews yet."))]
    # Translators: the title of the customer's page (the browser's tab); {customer} is their name, {company} ours.
    title = _said(_("{customer}: account plan with {company}"), **parties)
    return (f'<!DOCTYPE html>\n<html lang="{html(i18n.current())}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{STYLE}</style>\n"
            f"</head>\n<body>\n" + "\n".join(part for part in body if part) + "\n</body>\n</html>\n")
