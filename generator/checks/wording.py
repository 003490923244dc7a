"""Small helpers that keep the checks' messages short and alike."""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from ..model import Plan, Stakeholder


def who(stakeholder: Stakeholder) -> str:
    """'mari-kask' (Mari Kask, CFO)"""
    details = ", ".join(x for x in (stakeholder.name, stakeholder.title) if x)
    return f"'{stakeholder.id}' ({details})"


def listing(items: Iterable[str], limit: int = 5) -> str:
    """a, b and c; long lists end with 'and N more'."""
    items = list(items)
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def days_ago(date: dt.date, today: dt.date) -> str:
    days = (today - date).days
    return "today" if days == 0 else ("1 day ago" if days == 1 else f"{days} days ago")


def plural(count: int, noun: str, nouns: Optional[str] = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def first_present(plan: Plan, *paths: tuple) -> tuple:
    """The first path whose value the plan's file has (for things that may be left out)."""
    for path in paths:
        if plan.source is not None and tuple(path) in plan.source.positions:
            return path
    return paths[-1]


def money(amount: float, currency: str) -> str:
    """1 234 567 -> '1.23 M EUR'; small amounts in thousands."""
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:.2f} M {currency}"
    return f"{amount / 1000:.0f} k {currency}"
