"""The site's own words (English page chrome) for the plan's enumerations, and number formats."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

CRITERIA = {
    "known_brand": "is a known brand",
    "large_potential": "has large sales or profit potential",
    "new_segment": "opens a new, promising segment or territory",
    "media_active": "is active in the media with ambitious projects",
    "unhappy_with_competitor": "uses a competitor's product and is unhappy with it",
    "management_list": "is on our management's own list",
}

BUYING_ROLES = {  # letter on the map, word
    "economic": ("E", "economic buyer (signs off the money)"),
    "technical": ("T", "technical buyer (judges the solution)"),
    "user": ("U", "user"),
    "coach": ("C", "coach (guides us inside)"),
    "gatekeeper": ("G", "gatekeeper (controls access)"),
}

ATTITUDES = ("champion", "supporter", "neutral", "sceptic", "blocker")
# fill, text colour: green for us, grey neutral, orange and red against us
ATTITUDE_COLOURS = {
    "champion": ("#1b7a3a", "#ffffff"),
    "supporter": ("#b7e4c0", "#102a16"),
    "neutral": ("#e4e6ea", "#1f2328"),
    "sceptic": ("#ffd49a", "#3d2500"),
    "blocker": ("#c62828", "#ffffff"),
}

STRENGTH_MARK = {"strong": "●●●", "medium": "●●○", "weak": "●○○"}
STRENGTH_ORDER = {"strong": 0, "medium": 1, "weak": 2}
INFLUENCE_ORDER = {"high": 0, "medium": 1, "low": 2}

PRODUCT_STATUS = {
    "owned": "✔ owned",
    "pilot": "◐ pilot",
    "missing": "○ whitespace",
    "competitor": "✖ competitor",
    "not_relevant": "– not relevant",
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ICON = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}

STATUS = {  # customer status
    "customer": "customer", "prospect": "prospect", "former": "former customer",
}


def words(identifier: Optional[str]) -> str:
    """An enumeration value in words: 'account_manager' -> 'account manager'."""
    return (identifier or "").replace("_", " ")


def date(value: Optional[dt.date]) -> str:
    return value.isoformat() if value else "–"


def money(amount: Optional[float], currency: Optional[str] = None) -> str:
    if amount is None:
        return "–"
    text = f"{amount:,.0f}" if abs(amount) >= 100 or float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}" if currency else text


def value(v):
    """A goal's or result's value: numbers grouped (4,600,000), text as written."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return money(v)
    return v


def percent(share: Optional[float], digits: int = 1) -> str:
    if share is None:
        return "–"
    return f"{share * 100:.{digits}f} %"


def signed_percent(share: Optional[float]) -> str:
    if share is None:
        return ""
    arrow = "▲" if share > 0.005 else "▼" if share < -0.005 else "▬"
    return f"{arrow} {share * 100:+.1f} %"


def days_between(later: dt.date, earlier: dt.date) -> int:
    return (later - earlier).days


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` (negative: back), clamped to the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def initials_name(name: str) -> str:
    """'Jüri Tamm' -> 'Jüri T.': short enough for a diagram."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0]} {parts[-1][0]}."
