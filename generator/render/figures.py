"""The numbers the pages show: periods, revenue trend, revenue concentration.

Plain functions of the model (no Markdown here). They sit in the render
package because only the site uses them so far; the revenue-concentration
check could share `revenue_concentration`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..model import Amount, Plan, Portfolio, Settings

_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$")


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period: 2026, 2026-H1, 2026-Q3 or 2026-07."""
    match = _PERIOD.match(period)
    if not match:
        raise ValueError(f"not a period: {period!r}")
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        first, months = 1, 12
    elif part[0] == "H":
        first, months = 1 + 6 * (int(part[1]) - 1), 6
    elif part[0] == "Q":
        first, months = 1 + 3 * (int(part[1]) - 1), 3
    else:
        first, months = int(part), 1
    start = dt.date(year, first, 1)
    end_month = first + months
    end = dt.date(year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def period_kind(period: str) -> str:
    """'year', 'half', 'quarter' or 'month'."""
    match = _PERIOD.match(period)
    part = match.group(2) if match else None
    return "year" if part is None else {"H": "half", "Q": "quarter"}.get(part[0], "month")


def _order(amount: Amount) -> tuple:
    start, end = period_bounds(amount.period)
    return (end, start)


def booked(plan: Plan) -> list[Amount]:
    """The plan's booked (not forecast) revenue entries, oldest first."""
    return sorted((a for a in plan.situation.revenue if not a.forecast), key=_order)


def revenue_trend(plan: Plan) -> tuple[Optional[Amount], Optional[Amount]]:
    """The last booked period and the one before it of the same kind (quarter vs quarter)."""
    entries = booked(plan)
    if not entries:
        return None, None
    last = entries[-1]
    kind = period_kind(last.period)
    previous = next((a for a in reversed(entries[:-1]) if period_kind(a.period) == kind), None)
    return last, previous


def change(last: Optional[Amount], previous: Optional[Amount]) -> Optional[float]:
    """Relative change from previous to last (0.1 = +10 %); None when it cannot be said."""
    if last is None or previous is None or not previous.amount:
        return None
    return (last.amount - previous.amount) / previous.amount


def plan_currency(plan: Plan, settings: Settings) -> str:
    return plan.currency or settings.currency


def rate(currency: str, settings: Settings) -> Optional[float]:
    """Units of the portfolio currency per unit of `currency`; None when unknown."""
    if currency == settings.currency:
        return 1.0
    return settings.exchange_rates.get(currency)


def revenue_in(plan: Plan, period: str) -> Optional[float]:
    """Booked revenue in exactly `period`, in the plan's currency.

    An entry for the period itself, or else the sum of finer entries (halves,
    quarters or months) that together cover the whole period; None otherwise.
    """
    entries = booked(plan)
    exact = [a.amount for a in entries if a.period == period]
    if exact:
        return exact[-1]
    start, end = period_bounds(period)
    for kind, count in (("quarter", 3), ("month", 1), ("half", 6)):
        parts = {a.period: a.amount for a in entries if period_kind(a.period) == kind
                 and start <= period_bounds(a.period)[0] and period_bounds(a.period)[1] <= end}
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if parts and len(parts) * count == months:
            return sum(parts.values())
    return None


@dataclass(frozen=True)
class AccountShare:
    account: str
    amount: Optional[float]  # in the portfolio currency; None: no figure or no exchange rate
    share: Optional[float]  # of our total revenue in the period (0.25 = 25 %)
    key: bool  # the account's tier counts as key


@dataclass(frozen=True)
class Concentration:
    period: Optional[str]
    total: Optional[float]  # our total revenue in the period
    accounts: tuple[AccountShare, ...]  # largest first
    key_amount: float
    key_share: Optional[float]
    missing_rates: tuple[str, ...]  # currencies without an exchange rate


def concentration_period(settings: Settings) -> Optional[str]:
    """The latest period of our own revenue (by end date; the longer one on a tie)."""
    if not settings.revenue:
        return None
    return max(settings.revenue, key=lambda a: (period_bounds(a.period)[1],
                                                -period_bounds(a.period)[0].toordinal())).period


def revenue_concentration(portfolio: Portfolio, period: Optional[str] = None) -> Concentration:
    """Each account's share of our revenue, and the key accounts' share as a whole."""
    settings = portfolio.settings
    period = period or concentration_period(settings)
    total = next((a.amount for a in settings.revenue if a.period == period), None)
    shares, missing = [], set()
    for plan in portfolio.plans:
        tier = settings.tier(plan.tier)
        is_key = bool(tier and tier.key)
        amount = revenue_in(plan, period) if period else None
        currency = plan_currency(plan, settings)
        factor = rate(currency, settings)
        if amount is not None and factor is None:
            missing.add(currency)
        converted = amount * factor if amount is not None and factor is not None else None
        share = converted / total if converted is not None and total else None
        shares.append(AccountShare(plan.id, converted, share, is_key))
    shares.sort(key=lambda s: (-(s.amount or 0), s.account))
    key_amount = sum(s.amount for s in shares if s.key and s.amount)
    key_share = key_amount / total if total else None
    return Concentration(period, total, tuple(shares), key_amount, key_share, tuple(sorted(missing)))
