"""The quarterly report to the head of department (`kam report`): per account, what happened in the
quarter and what needs attention, worst first. Data only; generator/render/report_page.py writes it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Callable, Optional, Sequence

from . import cycle, formats
from .checks import Finding, run_checks
from .formats import joined
from .i18n import _, ngettext, npgettext
from .model import Plan, Portfolio

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class PeriodError(ValueError):
    """A --period that is not a quarter."""


def quarter_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter written 2026-Q4."""
    match = _QUARTER.match(period)
    if not match:
        # Translators: the user's --period is not a quarter; keep "2026-Q4" as it is (it is what they type).
        raise PeriodError(_("the period must be a quarter, like 2026-Q4; got {period}").format(period=repr(period)))
    year, q = int(match.group(1)), int(match.group(2))
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)
    return start, end


def previous_quarter(period: str) -> str:
    return cycle.quarter(quarter_bounds(period)[0] - dt.timedelta(days=1))


@dataclass(frozen=True)
class Complaint:
    date: str
    summary: str
    hours: Optional[float]  # to the first answer (or, unanswered, so far)
    answered: bool
    resolved: bool
    late: bool  # slower than the tier's complaint_response_hours


@dataclass(frozen=True)
class AccountReport:
    id: str
    name: str
    tier: str
    owner: str
    owner_name: str
    review: Optional[str]  # the date of the review held in the quarter
    next_review: Optional[str]
    review_due: bool  # no review in the quarter and the next one is due by the end of it (or passed)
    goals: dict  # goal status at the latest review up to the end of the quarter: {"on_track": 2, ...}
    goal_count: int
    promises: dict  # kept, moved, broken, late (open past their date)
    complaints: tuple[Complaint, ...]
    complaint_limit: Optional[int]
    pipeline: dict  # new, won, lost in the quarter (counts), won_value, lost_value; open, open_value and
    # open_weighted: the opportunities open on the report's date (today's stages), in the portfolio currency
    findings: dict  # error, warning, info: active findings at the end of the quarter (or today)
    new_findings: tuple[str, ...]  # messages of findings that were not there at the end of the quarter before
    new_checks: tuple[str, ...]  # their checks' titles, once each
    last_contact: Optional[str]
    contact_limit: int
    out_of_touch: bool
    attention: tuple[str, ...]  # what needs attention, worst first, in words
    score: int


@dataclass(frozen=True)
class Report:
    period: str
    start: str
    end: str
    as_of: str
    company: str
    currency: str
    accounts: tuple[AccountReport, ...]  # the ones needing attention first
    pipeline: dict = field(default_factory=dict)  # the portfolio's: won, lost, new in the quarter; open now

    def to_dict(self) -> dict:
        return asdict(self)


def _in(day: Optional[dt.date], start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def _review(plan: Plan, start, end, as_of, interval: int) -> tuple[Optional[dt.date], Optional[dt.date], bool]:
    held = max((r.date for r in plan.reviews if _in(r.date, start, as_of)), default=None)
    last = max((r for r in plan.reviews if r.date <= as_of), key=lambda r: r.date, default=None)
    following = last.next_review if last else None
    if following is None and last is not None:
        following = last.date + dt.timedelta(days=interval)
    return held, following, held is None and (following is None or following <= end)


def _goals(plan: Plan, as_of: dt.date) -> dict:
    reviews = [r for r in plan.reviews if r.date <= as_of and r.results]
    if reviews:
        latest = max(reviews, key=lambda r: r.date)
        statuses = [result.status for result in latest.results]
    else:
        statuses = [g.status for g in plan.goals]
    return {status: statuses.count(status) for status in dict.fromkeys(statuses)}


def _promises(plan: Plan, start, end, as_of) -> dict:
    out = {"kept": 0, "moved": 0, "broken": 0, "late": 0}
    for c in plan.commitments:
        out["kept"] += c.status == "kept" and _in(c.delivered, start, end)
        out["moved"] += sum(_in(r.date, start, end) for r in c.reschedules)
        out["broken"] += c.status == "broken" and _in(c.current_due, start, end)
        out["late"] += c.is_open and c.current_due < as_of
    return out


def _complaints(plan: Plan, start, as_of, limit: Optional[int]) -> tuple[Complaint, ...]:
    out = []
    for e in cycle.complaints(plan, start, as_of):
        hours = cycle.hours_waiting(e, as_of)
        c = e.complaint
        hours = None if hours is None else round(hours, 2)
        out.append(Complaint(e.date.isoformat(), e.summary, hours, bool(c and c.responded_at), bool(c and c.resolved),
                             bool(limit and hours is not None and hours > limit)))
    return tuple(out)


def _pipeline(portfolio: Portfolio, plans: Sequence[Plan], start, end, as_of) -> dict:
    settings = portfolio.settings
    out = {"new": 0, "won": 0, "lost": 0, "won_value": 0.0, "lost_value": 0.0, "open": 0, "open_value": 0.0,
           "open_weighted": 0.0}
    for plan in plans:
        for o in plan.opportunities:
            value = cycle.converted(o, plan, settings) or 0.0
            out["new"] += _in(o.opened, start, end)
            if o.stage in ("won", "lost") and _in(o.close, start, end):
                out[o.stage] += 1
                out[f"{o.stage}_value"] += value
            if (o.opened is None or o.opened <= as_of) and (o.is_open or o.close > as_of):
                out["open"] += 1
                out["open_value"] += value
                out["open_weighted"] += value * o.chance
    return out


def _key(f: Finding) -> tuple:
    return (f.check, f.account, f.subject)


def _day(iso: str) -> str:
    return formats.date(dt.date.fromisoformat(iso))


def _attention(a: dict, as_of: str) -> tuple[list[str], int]:
    """Reasons in words (in the language in use), worst first, and a score to order the accounts by."""
    reasons: list[tuple[int, str]] = []
    if a["out_of_touch"]:
        limit = dict(count=formats.number(a["contact_limit"]))
        if a["last_contact"]:
            # Translators: why an account needs attention; {date} is the last contact, {count} the tier's limit.
            said = ngettext("no contact since {date} (the tier allows {count} day)",
                            "no contact since {date} (the tier allows {count} days)", a["contact_limit"])
            reasons.append((5, said.format(date=_day(a["last_contact"]), **limit)))
        else:
            # Translators: why an account needs attention; {count} is the tier's limit in days.
            said = ngettext("no contact ever recorded (the tier allows {count} day)",
                            "no contact ever recorded (the tier allows {count} days)", a["contact_limit"])
            reasons.append((5, said.format(**limit)))
    if a["review_due"]:
        when = a["next_review"]
        if when is None:
            said = _("no review this quarter; none recorded")
        elif when > as_of:
            # Translators: why an account needs attention; {date} is when its next review is due.
            said = _("no review this quarter; next due {date}").format(date=_day(when))
        else:
            # Translators: why an account needs attention; {date} is when its next review was due (passed).
            said = _("no review this quarter; next was due {date}").format(date=_day(when))
        reasons.append((4, said))
    late = [c for c in a["complaints"] if c.late]
    if late:
        # Translators: why an account needs attention; {hours} is the tier's limit in hours.
        said = ngettext("{count} complaint answered later than {hours} h",
                        "{count} complaints answered later than {hours} h", len(late))
        reasons.append((3 * len(late), said.format(count=formats.number(len(late)),
                                                   hours=formats.number(a["complaint_limit"]))))
    broken, late_promises = a["promises"]["broken"], a["promises"]["late"]
    if broken or late_promises:
        counted = joined([npgettext("promises", "{count} broken", "{count} broken", broken).format(
                              count=formats.number(broken)) if broken else "",
                          npgettext("promises", "{count} late", "{count} late", late_promises).format(
                              count=formats.number(late_promises)) if late_promises else ""])
        # Translators: why an account needs attention; {counts} is "1 broken, 2 late" (promises to the customer).
        reasons.append((3 * broken + 2 * late_promises, _("promises: {counts}").format(counts=counted)))
    if a["findings"].get("error"):
        errors = a["findings"]["error"]
        said = ngettext("{count} error finding", "{count} error findings", errors)
        reasons.append((3 * errors, said.format(count=formats.number(errors))))
    if a["new_findings"]:
        new = len(a["new_findings"])
        # Translators: why an account needs attention; {checks} lists the titles of the checks that found them.
        said = ngettext("{count} new finding: {checks}", "{count} new findings: {checks}", new)
        reasons.append((new, said.format(count=formats.number(new), checks=joined(a["new_checks"]))))
    if a["pipeline"]["lost"]:
        lost = a["pipeline"]["lost"]
        said = ngettext("{count} opportunity lost", "{count} opportunities lost", lost)
        reasons.append((1, said.format(count=formats.number(lost))))
    reasons.sort(key=lambda r: -r[0])
    return [text for _score, text in reasons], sum(score for score, _text in reasons)


def _account(plan: Plan, portfolio: Portfolio, start, end, as_of, now: list, before: set) -> AccountReport:
    tier = portfolio.settings.tier(plan.tier)
    care = tier.care_model if tier else None
    held, following, due = _review(plan, start, end, as_of, care.review_interval_days if care else 92)
    limit = care.contact_interval_days if care else 90
    contact = cycle.last_contact(plan, as_of)
    mine = [f for f in now if f.account == plan.id and not f.silenced]
    a = dict(
        id=plan.id, name=plan.name, tier=tier.name if tier else plan.tier, owner=plan.owner,
        owner_name=portfolio.people[plan.owner].name if plan.owner in portfolio.people else plan.owner,
        review=held.isoformat() if held else None, next_review=following.isoformat() if following else None,
        review_due=due, goals=_goals(plan, as_of), goal_count=len(plan.goals),
        promises=_promises(plan, start, end, as_of),
        complaints=_complaints(plan, start, as_of, care.complaint_response_hours if care else None),
        complaint_limit=care.complaint_response_hours if care else None,
        pipeline=_pipeline(portfolio, [plan], start, end, as_of),
        findings={s: sum(f.severity.value == s for f in mine) for s in ("error", "warning", "info")},
        new_findings=tuple(f.message for f in mine if _key(f) not in before),
        new_checks=tuple(dict.fromkeys(f.title for f in mine if _key(f) not in before)),
        last_contact=contact.isoformat() if contact else None, contact_limit=limit,
        out_of_touch=contact is None or (as_of - contact).days > limit)
    reasons, score = _attention(a, as_of.isoformat())
    return AccountReport(**a, attention=tuple(reasons), score=score)


FindingsAt = Callable[[dt.date], list]


def build(portfolio: Portfolio, period: str, today: dt.date, findings_at: Optional[FindingsAt] = None) -> Report:
    """The report for a quarter, judged as of its last day (or today, for the current quarter).
    `findings_at(day)`: the findings of kam check as of a day (default: run them)."""
    findings_at = findings_at or (lambda day: run_checks(portfolio, day))
    start, end = quarter_bounds(period)
    as_of = min(end, today)
    now = findings_at(as_of)
    before = {_key(f) for f in findings_at(start - dt.timedelta(days=1)) if not f.silenced}
    settings = portfolio.settings
    plans = [p for p in portfolio.plans if p.status != "former"]
    accounts = [_account(p, portfolio, start, end, as_of, now, before) for p in plans]
    accounts.sort(key=lambda a: (-a.score, settings.tier_rank(portfolio.plan(a.id).tier), a.name.casefold()))
    return Report(period, start.isoformat(), end.isoformat(), as_of.isoformat(), settings.company, settings.currency,
                  tuple(accounts), _pipeline(portfolio, plans, start, end, as_of))


def periods_with_data(portfolio: Portfolio, today: dt.date) -> list[str]:
    """Quarters up to today's in which a plan records something: a review, an interaction, an opportunity
    opened or decided, a promise delivered or moved. Newest first."""
    days = []
    for plan in portfolio.plans:
        days += [r.date for r in plan.reviews] + [e.date for e in plan.interactions]
        days += [d for o in plan.opportunities for d in (o.opened, o.close if not o.is_open else None) if d]
        days += [d for c in plan.commitments for d in (c.delivered, *(r.date for r in c.reschedules)) if d]
    return sorted({cycle.quarter(d) for d in days if d <= today}, reverse=True)
