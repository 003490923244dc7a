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

from .model import Commitment, Plan, Portfolio
from .render.escape import html
from .render.words import date, words

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:52rem;
margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.92em}th,td{text-align:left;vertical-align:top;
padding:.3rem .5rem;border-bottom:1px solid #d0d7de}th{background:#f6f8fa}
.sub{color:#57606a}.none{color:#57606a;font-style:italic}ul{margin:.3rem 0}.d{white-space:nowrap}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}
@page{margin:18mm}}
"""


def _table(headers: Iterable[str], rows: list[list[Optional[str]]]) -> str:
    """Rows of already escaped cells."""
    head = "".join(f"<th>{html(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell if cell else '–'}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


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
    items = [("Service level", _text(care.service_level)),
             ("Complaints answered within", f"{care.complaint_response_hours} hours"
              if care.complaint_response_hours is not None else None),
             ("Meetings with our management", f"{care.management_meetings_per_year} a year"
              if care.management_meetings_per_year is not None else None),
             ("We review this plan", f"at least every {care.review_interval_days} days")]
    return "<ul>" + "".join(f"<li><b>{html(k)}:</b> {v}</li>" for k, v in items if v) + "</ul>"


def _goals(plan: Plan) -> str:
    rows = [[html(g.title), _text(g.metric), _text(g.baseline), _text(g.target), _day(g.due), html(words(g.status)),
             _text(g.result)] for g in plan.goals if g.shared]
    return _table(["Goal", "Measured by", "From", "Target", "By", "Status", "Result"], rows) if rows else ""


def _actions(portfolio: Portfolio, plan: Plan) -> str:
    rows = [[html(a.title), html(_person(portfolio, a.owner)), _day(a.due), html(words(a.status)),
             _day(a.done)] for a in plan.actions if a.shared]
    return _table(["Next step", "Who of ours", "Due", "Status", "Done"], rows) if rows else ""


def told_due(commitment: Commitment) -> dt.date:
    """The date the customer was last told: the latest rescheduling they were told of, else the first date."""
    told = [r for r in commitment.reschedules if r.customer_told]
    return told[-1].new_due if told else commitment.due


def _commitments(portfolio: Portfolio, plan: Plan) -> str:
    rows = []
    for c in plan.commitments:
        moves = [f"{_day(r.date)}: moved to {_day(r.new_due)}" + (f" ({html(r.reason)})" if r.reason else "")
                 for r in c.reschedules if r.customer_told]
        due = _day(told_due(c)) + (f'<br><span class="sub">first {_day(c.due)}</span>' if told_due(c) != c.due else "")
        rows.append([html(c.promise), html(_person(portfolio, c.owner)), _day(c.made), due,
                     "<br>".join(moves) or None, html(words(c.status)), _day(c.delivered)])
    headers = ["Our promise", "Who of ours", "Made", "Due", "Rescheduled", "Status", "Delivered"]
    return _table(headers, rows) if rows else ""


def _reviews(plan: Plan) -> str:
    goals = {g.id: g for g in plan.goals if g.shared}
    out = []
    for r in sorted((r for r in plan.reviews if r.shared), key=lambda r: r.date, reverse=True):
        parts = [f"<h3>{html(r.period)} <span class=\"sub\">held {date(r.date)}"
                 f"{' with you' if r.with_customer else ''}</span></h3>"]
        if r.summary:
            parts.append(f"<p>{html(r.summary)}</p>")
        results = [[html(goals[x.goal].title), html(words(x.status)), _text(x.value), _text(x.note)]
                   for x in r.results if x.goal in goals]
        if results:
            parts.append(_table(["Goal", "Where it stands", "Value", "Note"], results))
        if r.corrections:
            parts.append("<p><b>What we change:</b></p><ul>" + "".join(f"<li>{html(c)}</li>" for c in r.corrections)
                         + "</ul>")
        if r.next_review:
            parts.append(f"<p>Next review: {date(r.next_review)}</p>")
        out.append("".join(parts))
    return "".join(out)


def _person(portfolio: Portfolio, person_id: str) -> str:
    person = portfolio.people.get(person_id)
    return person.name if person else person_id


def share_page(portfolio: Portfolio, plan: Plan, today: dt.date) -> str:
    """The customer's page of `plan`, as of `today`."""
    company = portfolio.settings.company
    owner = portfolio.people.get(plan.owner)
    contact = html(owner.name) + (f" &lt;{html(owner.email)}&gt;" if owner and owner.email else "") if owner else ""
    since = f" · together since {date(plan.relationship.since)}" if plan.relationship.since else ""
    lang = plan.language if plan.language and plan.language.isalpha() else "en"
    body = [f"<h1>{html(plan.name)} and {html(company)}</h1>",
            f'<p class="sub">Our account plan, the part we share with you · as of {date(today)}{since}</p>',
            f"<p><b>Your key account manager:</b> {contact}</p>" if contact else "",
            _section("How we serve you", _care_model(portfolio, plan), "No service model recorded."),
            _section("Goals we share", _goals(plan), "No shared goals yet."),
            _section("Next steps", _actions(portfolio, plan), "No shared next steps yet."),
            _section("What we promised you", _commitments(portfolio, plan), "No promises recorded."),
            _section("Reviews together", _reviews(plan), "No shared reviews yet.")]
    return (f'<!DOCTYPE html>\n<html lang="{html(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html(plan.name)}: account plan with {html(company)}</title>\n<style>{STYLE}</style>\n"
            f"</head>\n<body>\n" + "\n".join(part for part in body if part) + "\n</body>\n</html>\n")
