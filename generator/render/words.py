"""The site's own words for the plan's enumerations, and its number formats, in the site's language."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

from .. import formats
from ..i18n import N_, Translated, value_words

CRITERIA = Translated({
    "known_brand": N_("is a known brand"),
    "large_potential": N_("has large sales or profit potential"),
    "new_segment": N_("opens a new, promising segment or territory"),
    "media_active": N_("is active in the media with ambitious projects"),
    "unhappy_with_competitor": N_("uses a competitor's product and is unhappy with it"),
    "management_list": N_("is on our management's own list"),
})

BUYING_ROLES = Translated({  # letter on the map, word
    "economic": (N_("E"), N_("economic buyer (signs off the money)")),
    "technical": (N_("T"), N_("technical buyer (judges the solution)")),
    "user": (N_("U"), N_("user")),
    "coach": (N_("C"), N_("coach (guides us inside)")),
    "gatekeeper": (N_("G"), N_("gatekeeper (controls access)")),
})

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

PRODUCT_STATUS = Translated({
    "owned": N_("✔ owned"),
    "pilot": N_("◐ pilot"),
    "missing": N_("○ whitespace"),
    "competitor": N_("✖ competitor"),
    "not_relevant": N_("– not relevant"),
})

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ICON = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}

STATUS = Translated({  # customer status
    "customer": N_("customer"), "prospect": N_("prospect"), "former": N_("former customer"),
})


def words(identifier: Optional[str]) -> str:
    """An enumeration value in words, in the site's language: 'account_manager' -> 'account manager'.

    The values come from the schemas' `enum` lists, which `make messages` extracts with the
    context "value" (generator/locale/extract.py); a value no catalog knows reads as written."""
    return value_words(identifier)


def date(value: Optional[dt.date]) -> str:
    return formats.date(value) if value else "–"


def money(amount: Optional[float], currency: Optional[str] = None) -> str:
    if amount is None:
        return "–"
    return formats.money(amount, currency)


def value(v):
    """A goal's or result's value: numbers grouped (4,600,000), text as written."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return money(v)
    return v


def percent(share: Optional[float], digits: int = 1) -> str:
    if share is None:
        return "–"
    return formats.percent(share, digits)


def signed_percent(share: Optional[float]) -> str:
    if share is None:
        return ""
    arrow = "▲" if share > 0.005 else "▼" if share < -0.005 else "▬"
    return f"{arrow} {formats.percent(share, 1, signed=True)}"


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
