"""Small helpers that keep the checks' messages short and alike, in the language in use."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Iterable, Optional

from .. import formats
from ..i18n import _, ngettext, value_words
from ..model import Plan, Stakeholder


def who(stakeholder: Stakeholder) -> str:
    """'mari-kask' (Mari Kask, CFO)"""
    if stakeholder.name and stakeholder.title:
        # Translators: a stakeholder: their id as written in the plan (keep the quotes), name and job title.
        return _("'{id}' ({name}, {title})").format(id=stakeholder.id, name=stakeholder.name, title=stakeholder.title)
    details = stakeholder.name or stakeholder.title
    if details:
        # Translators: a stakeholder: their id as written in the plan (keep the quotes), and their name.
        return _("'{id}' ({name})").format(id=stakeholder.id, name=details)
    return f"'{stakeholder.id}' ()"  # no words to translate


def listing(items: Iterable[str], limit: int = 5) -> str:
    """a, b and c; long lists end with 'and N more' (formats.listing)."""
    return formats.listing(items, limit)


def days_ago(date: dt.date, today: dt.date) -> str:
    days = (today - date).days
    if days == 0:
        # Translators: how long ago a date was, when it is today ("the action was due on 2026-12-01, today").
        return _("today")
    # Translators: how long ago a date was ("the action was due on 2026-11-20, 3 days ago").
    return ngettext("{count} day ago", "{count} days ago", days).format(count=formats.count(days))


def value(word: Optional[str]) -> str:
    """A value of the plan (an attitude, an influence, a stage) as a word: 'account_manager' -> 'account manager'."""
    return value_words(word)


def closest(word: str, choices: Iterable[str]) -> Optional[str]:
    """The choice a mistyped word most likely meant (as validate.did_you_mean finds it), or None."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else None


def first_present(plan: Plan, *paths: tuple) -> tuple:
    """The first path whose value the plan's file has (for things that may be left out)."""
    for path in paths:
        if plan.source is not None and tuple(path) in plan.source.positions:
            return path
    return paths[-1]


def money(amount: float, currency: str) -> str:
    """1 234 567 -> '1.23 M EUR'; small amounts in thousands (en); the locale's short form elsewhere."""
    return formats.compact_money(amount, currency)


def percent(share: float) -> str:
    """A share of revenue: 0.25 -> '25.0 %'."""
    return formats.percent(share, digits=1)


def figure(amount: float) -> str:
    """A threshold as the settings give it: 75, 72.5 (en); 72,5 (fi)."""
    return formats.figure(amount)
