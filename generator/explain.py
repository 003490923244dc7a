"""Schema errors in a reader's words: fields named by the entry they belong to, rules with an
example (from the schema's `patternErrorMessage`, which editors show too) and, where a value looks
like another known format, what it would be."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Callable, Optional

import jsonschema

ROOT_NAMES = {"plan": "the plan", "portfolio": "the portfolio settings", "people": "the people directory"}

# the noun for one entry of a list, by the list's key
ENTRY = {"stakeholders": "stakeholder", "team": "team member", "goals": "goal", "tenders": "tender",
         "proposals": "proposal", "actions": "action", "commitments": "commitment", "reviews": "review",
         "reschedules": "rescheduling", "results": "result", "covers": "coverage", "revenue": "revenue",
         "units": "unit", "products": "product", "competitors": "competitor", "steps": "step",
         "influences": "influence", "buying_roles": "buying role", "readers": "reader", "people": "person",
         "tiers": "tier", "silenced": "silence", "participants": "participant", "watch": "change to watch",
         "corrections": "correction", "responsibilities": "responsibility", "documents": "document"}
# the keys that say which entry it is, in the order a reader recognises them
LABELS = ("id", "person", "period", "stakeholder", "goal", "check", "date", "name")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _entry(list_key, item, index: int, avoid=None) -> str:
    noun = ENTRY.get(list_key, f"entry of {list_key}") if isinstance(list_key, str) else "entry"
    if isinstance(item, dict):
        for key in (k for k in LABELS if k != avoid):  # not by the value the message is about
            value = item.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                name = item.get("name")
                extra = f" ({name})" if key == "id" and isinstance(name, str) and name.strip() else ""
                return f"{noun} '{value}'{extra}"
    return f"the {_ordinal(index + 1)} {noun}"


def field_name(data, path, kind: str = "plan") -> str:
    """The field at `path` as a person reads it: `attitude of stakeholder 'marika' (Marika Laur)`."""
    entries: list[str] = []  # outermost first
    fields: list[str] = []  # the keys below the innermost entry
    node, parent_key = data, None
    for i, part in enumerate(path):
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            entries.append(_entry(parent_key, item, part, path[-1] if i == len(path) - 2 else None))
            fields = []
            node = item
        else:
            fields.append(str(part))
            node = node.get(part) if isinstance(node, dict) else None
        parent_key = part
    if not path:
        return ROOT_NAMES[kind]
    if isinstance(path[-1], int):
        name = entries.pop()
    else:
        name = ".".join(fields) + (f" of {entries.pop()}" if entries else "")
    return name + "".join(f" in {outer}" for outer in reversed(entries))


# --- what a mistyped value would be ------------------------------------------------------

_DMY = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4}|\d{2})\s*$")  # 2.11.2026, 02/11/26
_YMD = re.compile(r"^\s*(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*$")  # 2026-11-2, 2026.11.02
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20261102
_PERIOD = re.compile(r"^\s*(?:([QqHh])\s*([1-4])[\s/.-]*(\d{4})|(\d{4})[\s/.-]*([QqHh])\s*([1-4])|"
                     r"([1-4])\s*([QqHh])[\s/.-]*(\d{4}))\s*$")  # Q1 2026, 2026 Q1, 2026q1, 1Q2026
_MONTH = re.compile(r"^\s*(\d{4})\s*[./-]\s*(\d{1,2})\s*$|^\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*$")  # 2026-1, 11/2026


def _date(y, m, d) -> Optional[str]:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _as_date(text: str) -> Optional[str]:
    if m := _DMY.match(text):  # day first, as every market kam serves writes it; 26 is 2026
        return _date(m[3] if len(m[3]) == 4 else f"20{m[3]}", m[2], m[1])
    if m := _YMD.match(text) or _COMPACT.match(text):
        return _date(m[1], m[2], m[3])
    return None


def _as_period(text: str) -> Optional[str]:
    if m := _PERIOD.match(text):
        letter, number, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[6], m[4]) if m[4] else (m[8], m[7], m[9])
        return f"{year}-{letter.upper()}{number}"
    if m := _MONTH.match(text):
        year, month = (m[1], m[2]) if m[1] else (m[4], m[3])
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    return None


def _as_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


GUESSES: tuple[Callable[[str], Optional[str]], ...] = (
    _as_date, _as_period, str.upper, str.lower, str.strip,
    lambda t: t.lstrip("@"),
    lambda t: re.sub(r"\s+", "", t.replace("(at)", "@").replace("[at]", "@")),
    lambda t: "https://" + t if re.fullmatch(r"[\w-]+(\.[\w-]+)+(/\S*)?", t) else None,  # www.nordvik.no
)


def guess(value, schema: dict, *, new_id: bool = False) -> Optional[str]:
    """The value as the schema wants it, if a known other way of writing it gives that. A name
    becomes an id (`Mari Kask` -> `mari-kask`) only where an id is given (`new_id`): where one is
    named, the cross-reference check says which id exists."""
    if not isinstance(value, str):
        return None
    check = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for convert in GUESSES + ((_as_slug,) if new_id else ()):
        candidate = convert(value)
        if candidate and candidate != value and check.is_valid(candidate):
            return candidate
    return None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def unreal_date(value) -> Optional[str]:
    """Why a YYYY-MM-DD text is not a day in the calendar, or None when it is not of that shape."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value) if isinstance(value, str) else None
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= month <= 12:
        swapped = _date(year, day, month)
        return f"there is no month {month} (YYYY-MM-DD: the month comes before the day)" + \
            (f" (did you mean {swapped}?)" if swapped else "")
    return f"{_MONTHS[month - 1]} {year} has no day {day}"


def rule(schema: dict) -> Optional[str]:
    """The schema's own plain-words rule for a pattern or format, as a clause: `write the date as ...`."""
    text = schema.get("patternErrorMessage")
    if not text:
        return None
    return text[0].lower() + text[1:].rstrip(".")


def as_number(value) -> Optional[str]:
    """A number written as text the way people write them (`250 000`, `1 500,50`), as YAML reads one."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\s\u00a0\u202f'_]", "", value).replace("\u2212", "-")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return text if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) else None
