"""The account cycle in numbers: the pipeline in the portfolio currency, the timeline's last contacts,
complaint response times and management meetings. Plain functions of the model, shared by the checks,
`kam report` and the site, so that they cannot disagree."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from .model import Plan, Portfolio, Settings
from .model_cycle import OPEN_STAGES, STAGES, Interaction, Opportunity


# --- the timeline ---------------------------------------------------------------

def timeline(plan: Plan, until: Optional[dt.date] = None) -> list[Interaction]:
    """The plan's interactions up to `until` (all when None), newest first."""
    events = [e for e in plan.interactions if until is None or e.date <= until]
    return sorted(events, key=lambda e: e.date, reverse=True)


def timeline_contacts(plan: Plan, until: Optional[dt.date] = None) -> dict[str, Interaction]:
    """For each stakeholder the timeline names, their latest interaction up to `until`."""
    latest: dict[str, Interaction] = {}
    for event in plan.interactions:
        if until is not None and event.date > until:
            continue
        for sid in event.stakeholders:
            if sid not in latest or event.date > latest[sid].date:
                latest[sid] = event
    return latest


def last_contact(plan: Plan, until: Optional[dt.date] = None) -> Optional[dt.date]:
    """The latest contact anyone of ours had with anyone at the customer up to `until`: every interaction,
    and the hand-typed last_contact dates of the people the timeline does not name (as KAM106 reads them)."""
    named = timeline_contacts(plan, until)
    dates = [e.date for e in plan.interactions]
    dates += [s.last_contact for s in plan.stakeholders if s.last_contact and s.id not in named]
    dates += [c.last_contact for _, c in plan.coverage if c.last_contact and c.stakeholder not in named]
    return max((d for d in dates if until is None or d <= until), default=None)


def management_meetings(plan: Plan, today: dt.date, days: int = 365) -> list[Interaction]:
    """Management meetings in the `days` up to and including today, oldest first."""
    start = today - dt.timedelta(days=days)
    return sorted((e for e in plan.interactions if e.kind == "management_meeting" and start < e.date <= today),
                  key=lambda e: e.date)


def complaints(plan: Plan, start: Optional[dt.date] = None, end: Optional[dt.date] = None) -> list[Interaction]:
    """Complaints that came in between start and end (inclusive), oldest first."""
    return sorted((e for e in plan.interactions if e.kind == "complaint"
                   and (start is None or e.date >= start) and (end is None or e.date <= end)),
                  key=lambda e: e.date)


def hours_waiting(event: Interaction, today: dt.date) -> Optional[float]:
    """How long a complaint waited for its first answer: to the answer, or (unanswered) to the start of today."""
    c = event.complaint
    if c is None or c.opened_at is None:
        return None
    if c.responded_at is not None:
        return c.response_hours()
    return max(0.0, (dt.datetime.combine(today, dt.time()) - c.opened_at).total_seconds() / 3600)


# --- the pipeline ---------------------------------------------------------------

def rate(currency: str, settings: Settings) -> Optional[float]:
    """Units of the portfolio currency per unit of `currency` (settings.exchange_rates); None when unknown."""
    return 1.0 if currency == settings.currency else settings.exchange_rates.get(currency)


def currency_of(o: Opportunity, plan: Plan, settings: Settings) -> str:
    return o.currency or plan.currency or settings.currency


def converted(o: Opportunity, plan: Plan, settings: Settings) -> Optional[float]:
    """The opportunity's value in the portfolio currency; None without an exchange rate."""
    factor = rate(currency_of(o, plan, settings), settings)
    return None if factor is None else o.value * factor


def quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class Sum:
    count: int = 0
    value: float = 0.0  # unweighted, in the portfolio currency
    weighted: float = 0.0

    def add(self, value: float, chance: float) -> "Sum":
        return Sum(self.count + 1, self.value + value, self.weighted + value * chance)


@dataclass(frozen=True)
class Pipeline:
    """The portfolio's opportunities summed in the portfolio currency."""

    by_stage: dict[str, Sum]  # every stage, in order
    by_quarter: dict[str, Sum]  # open opportunities by the quarter they are expected to close, in order
    open: Sum
    missing_rates: tuple[str, ...]  # currencies without an exchange rate (left out of the sums)


def pipeline(portfolio: Portfolio, plans: Optional[Iterable[Plan]] = None) -> Pipeline:
    settings = portfolio.settings
    by_stage = {stage: Sum() for stage in STAGES}
    by_quarter: dict[str, Sum] = defaultdict(Sum)
    total, missing = Sum(), set()
    for plan in portfolio.plans if plans is None else plans:
        for o in plan.opportunities:
            value = converted(o, plan, settings)
            if value is None:
                missing.add(currency_of(o, plan, settings))
                continue
            by_stage[o.stage] = by_stage[o.stage].add(value, o.chance)
            if o.stage in OPEN_STAGES:
                by_quarter[quarter(o.close)] = by_quarter[quarter(o.close)].add(value, o.chance)
                total = total.add(value, o.chance)
    return Pipeline(by_stage, dict(sorted(by_quarter.items())), total, tuple(sorted(missing)))
