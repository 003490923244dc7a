"""Numbers, money, percentages, dates and quarters as each language writes them (generator/formats.py)."""

from __future__ import annotations

import copy
import datetime as dt
import math

import pytest
from hypothesis import assume, given, settings, strategies as st

from generator import formats, i18n

LOCALES = sorted(code for code in i18n.LANGUAGES if code != i18n.DEFAULT)


def test_english_keeps_kams_own_forms():
    with i18n.use("en"):
        assert formats.money(1_310_000, "EUR") == "1,310,000 EUR"
        assert formats.money(12.5) == "12.50"
        assert formats.percent(0.123) == "12.3 %"
        assert formats.percent(0.05, signed=True) == "+5.0 %"
        assert formats.date(dt.date(2026, 12, 1)) == "2026-12-01"
        assert formats.period("2026-Q3") == "2026-Q3"


@pytest.mark.parametrize("code, money, day, quarter", [
    ("et", "1\xa0310\xa0000\xa0€", "1.\xa0dets\xa02026", "K3\xa02026"),
    ("fi", "1\xa0310\xa0000\xa0€", "1.12.2026", "3.\xa0nelj.\xa02026"),
    ("nb", "1\xa0310\xa0000\xa0€", "1.\xa0des.\xa02026", "K3\xa02026"),
    ("lv", "1\xa0310\xa0000\xa0€", "2026.\xa0gada\xa01.\xa0dec.", "3.\xa0cet.\xa02026"),
    ("lt", "1\xa0310\xa0000\xa0€", "2026-12-01", "III\xa0k.\xa02026"),
    ("pl", "1\xa0310\xa0000\xa0€", "1\xa0gru\xa02026", "III\xa0kw.\xa02026"),
    ("ru", "1\xa0310\xa0000\xa0€", "1\xa0дек.\xa02026\u202fг.", "3-й\xa0кв.\xa02026"),
])
def test_each_language_writes_money_dates_and_quarters_its_own_way(code, money, day, quarter):
    with i18n.use(code):
        assert formats.money(1_310_000, "EUR") == money
        assert formats.date(dt.date(2026, 12, 1)) == day
        assert formats.period("2026-Q3") == quarter
        assert formats.period("2026") == "2026"  # a year, and anything else, as written


def test_the_currency_symbol_is_the_readers():
    with i18n.use("nb"):
        assert formats.money(500_000, "NOK") == "500\xa0000\xa0kr"
    with i18n.use("pl"):
        assert formats.money(2500, "PLN") == "2\xa0500\xa0zł"


def test_percentages_use_the_decimal_comma_and_the_locales_spacing():
    with i18n.use("fi"):
        assert formats.percent(0.123) == "12,3\xa0%"
        assert formats.percent(0.05, signed=True) == "+5,0\xa0%"
    with i18n.use("et"):
        assert formats.percent(0.123) == "12,3%"


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(LOCALES), currency=st.sampled_from(["EUR", "NOK", "PLN", "USD", None]),
       amount=st.one_of(st.integers(-10**12, 10**12),
                        st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)))
def test_the_fast_path_writes_exactly_what_babel_writes(code, currency, amount):
    from babel import Locale
    from babel.numbers import parse_pattern

    assume(not (amount == 0 and math.copysign(1, amount) < 0))  # Babel writes -0.0 as "-0", kam as "0"
    locale = Locale.parse(code)
    pattern = copy.copy(parse_pattern(locale.currency_formats["standard"] if currency else locale.decimal_formats[None]))
    digits = formats._digits(amount)
    pattern.frac_prec = (digits, digits)
    with i18n.use(code):
        assert formats.money(amount, currency) == pattern.apply(amount, locale, currency=currency,
                                                                  currency_digits=False)


def test_languages_and_countries_are_named_in_the_readers_language():
    with i18n.use("en"):
        assert (formats.language_name("et"), formats.country_name("EE")) == ("Estonian", "Estonia")
    with i18n.use("fi"):
        assert (formats.language_name("et"), formats.country_name("ee")) == ("viro", "Viro")
    with i18n.use("ru"):
        assert formats.language_name("no") == "норвежский"
    assert formats.language_name("xx") == "xx" and formats.country_name(None) is None
