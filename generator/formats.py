"""Numbers, money, percentages, dates and quarters as a reader of the language in use writes them.

    1310000 EUR -> 1,310,000 EUR (en), 1 310 000 € (et, fi), 1 310 000 kr (nb, NOK)
    2026-12-01  -> 2026-12-01 (en), 1.12.2026 (fi), 1. dets 2026 (et), 1 дек. 2026 г. (ru)
    2026-Q3     -> 2026-Q3 (en), 3. nelj. 2026 (fi), III kw. 2026 (pl)

The locale's own patterns come from Babel (CLDR): separators, decimal comma, the currency's
symbol and its place. English keeps kam's established forms (ISO dates, the ISO code after the
amount), which CI logs, job summaries and the English tests read. The plans stay as written
(ISO dates, plain numbers): only what kam prints changes.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from decimal import Decimal
from typing import Iterable, Optional

from . import i18n

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
NO_BREAK = "\u00a0"


@functools.lru_cache(maxsize=None)
def _locale(code: str):
    from babel import Locale

    return Locale.parse(code)


@functools.lru_cache(maxsize=None)
def _pattern(code: str, kind: str, digits: int):
    from babel.numbers import parse_pattern

    locale = _locale(code)
    source = {"currency": locale.currency_formats["standard"], "percent": locale.percent_formats[None],
              "decimal": locale.decimal_formats[None]}[kind]
    pattern = copy.copy(parse_pattern(source))  # Babel shares its parsed patterns: change a copy
    pattern.frac_prec = (digits, digits)
    return pattern


@functools.lru_cache(maxsize=None)
def _template(code: str, kind: str, digits: int, currency: Optional[str], negative: bool):
    """Babel's rendering of one sample number as a template: (text before, group, decimal, text after).
    Formatting through it is what Babel writes, ~30 times faster (a 1,000-account site formats
    ~10^5 amounts and dates); None when the locale's pattern does not fit the plain shape
    (then Babel formats each number)."""
    sample = -1234567.25 if negative else 1234567.25
    text = _pattern(code, kind, digits).apply(sample, _locale(code), currency=currency, currency_digits=False)
    found = re.search(r"1(\D?)234(\D?)567(?:(\D)25)?", text)
    if not found or (digits and not found[3]):
        return None
    return text[:found.start()], found[1], found[3] or "", text[found.end():]


def _fast(amount: float, code: str, kind: str, digits: int, currency: Optional[str] = None) -> str:
    template = _template(code, kind, digits, currency, amount < 0)
    if template is None:
        return _pattern(code, kind, digits).apply(amount, _locale(code), currency=currency, currency_digits=False)
    before, group, decimal, after = template
    # rounded as Babel rounds: the decimal value of the number as written, half to even
    plain = f"{abs(Decimal(str(amount))):,.{digits}f}".replace(",", "\0").replace(".", decimal).replace("\0", group)
    return before + plain + after


def _digits(amount: float) -> int:
    return 0 if abs(amount) >= 100 or float(amount).is_integer() else 2


def number(amount: float) -> str:
    """Grouped, whole from 100 up, else two decimals: 4,600,000 / 12.50 (en); 4 600 000 / 12,50 (fi)."""
    code = i18n.current()
    if code == i18n.DEFAULT:
        return f"{amount:,.0f}" if _digits(amount) == 0 else f"{amount:,.2f}"
    return _fast(amount, code, "decimal", _digits(amount))


def money(amount: float, currency: Optional[str] = None) -> str:
    code = i18n.current()
    if currency is None:
        return number(amount)
    if code == i18n.DEFAULT:
        return f"{number(amount)} {currency}"
    return _fast(amount, code, "currency", _digits(amount), currency)


def count(amount: int) -> str:
    """How many of a thing, in a sentence: 1234 (en, ungrouped as kam's messages always wrote it); 1 234 (fi)."""
    code = i18n.current()
    if code == i18n.DEFAULT:
        return str(amount)
    return _pattern(code, "decimal", 0).apply(amount, _locale(code))


def compact_money(amount: float, currency: str) -> str:
    """An amount in a finding's sentence, short: '1.23 M EUR', '250 k EUR' (en); '1,23 milj. €' (fi)."""
    code = i18n.current()
    if code == i18n.DEFAULT:
        return f"{amount / 1_000_000:.2f} M {currency}" if amount >= 1_000_000 else f"{amount / 1000:.0f} k {currency}"
    from babel.numbers import format_compact_currency

    return format_compact_currency(amount, currency, locale=_locale(code), fraction_digits=2)


def figure(amount: float) -> str:
    """A threshold as a setting gives it, no digit more: 75, 72.5 (en); 72,5 (fi)."""
    code = i18n.current()
    if code == i18n.DEFAULT:
        return f"{amount:g}"
    from babel.numbers import format_decimal

    return format_decimal(amount, locale=_locale(code))


def percent(share: float, digits: int = 1, signed: bool = False) -> str:
    """0.123 -> '12.3 %' (en), '12,3 %' (fi), '12,3%' (et); signed: '+12.3 %'."""
    code = i18n.current()
    if code == i18n.DEFAULT:
        return f"{share * 100:+.{digits}f} %" if signed else f"{share * 100:.{digits}f} %"
    from babel.numbers import get_plus_sign_symbol

    text = _pattern(code, "percent", digits).apply(share, _locale(code))
    return get_plus_sign_symbol(_locale(code)) + text if signed and share >= 0 else text


def date(day: dt.date) -> str:
    code = i18n.current()
    if code == i18n.DEFAULT:
        return day.isoformat()
    return _date(code, day)


@functools.lru_cache(maxsize=8192)  # a site shows the same few thousand dates on many pages
def _date(code: str, day: dt.date) -> str:
    from babel.dates import format_date

    # one unit on a line: "1. dets" at a line's end and "2026" at the next read as two things
    return format_date(day, "medium", locale=_locale(code)).replace(" ", NO_BREAK)


def period(text: str) -> str:
    """A plan's period ('2026', '2026-Q3') in the reader's words; anything else as written."""
    code = i18n.current()
    found = _QUARTER.match(str(text))
    if code == i18n.DEFAULT or not found:
        return str(text)
    from babel.dates import format_date

    year, quarter = int(found[1]), int(found[2])
    return format_date(dt.date(year, quarter * 3 - 2, 1), "QQQ y", locale=_locale(code)).replace(" ", NO_BREAK)


def joined(items: Iterable[str], separator: str = ",") -> str:
    """Items one after the other, as the reader's language writes a list without its last word:
    'a, b, c', or with separator ';' a list of clauses, 'a; b; c'. Empty items are left out."""
    items = [item for item in items if item]
    text = items[0] if items else ""
    for item in items[1:]:
        if separator == ";":
            # Translators: joins the next item to a list of clauses, as in "no review this quarter; 2 broken".
            text = i18n.pgettext("list", "{items}; {item}").format(items=text, item=item)
        else:
            # Translators: joins the next item to the start of a list, as in "a, b" of "a, b and c".
            text = i18n.pgettext("list", "{items}, {item}").format(items=text, item=item)
    return text


def listing(items: Iterable[str], limit: int = 5) -> str:
    """a, b and c; a list longer than `limit` ends with 'and N more'."""
    items = list(items)
    if len(items) > limit:
        more = len(items) - limit
        # Translators: the last item of a shortened list, as in "a, b, c, d, e and 3 more".
        items = items[:limit] + [i18n.ngettext("{count} more", "{count} more", more).format(count=count(more))]
    if len(items) <= 1:
        return "".join(items)
    # Translators: joins the last item to a list, as in "a, b and c".
    return i18n.pgettext("list", "{items} and {last}").format(items=joined(items[:-1]), last=items[-1])


def language_name(code: Optional[str]) -> Optional[str]:
    """A language's name in the reader's language: 'et' -> 'Estonian' (en), 'eesti' (et), 'viro' (fi);
    a code Babel does not know, as written."""
    if not code:
        return code
    return _locale(i18n.current()).languages.get(str(code).lower(), code)


def country_name(code: Optional[str]) -> Optional[str]:
    """A country's name in the reader's language: 'EE' -> 'Estonia' (en), 'Eesti' (et), 'Эстония' (ru)."""
    if not code:
        return code
    return _locale(i18n.current()).territories.get(str(code).upper(), code)
