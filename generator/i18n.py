"""The language kam writes in: gettext catalogs, one `.po` per language, and the one language in use.

    from .i18n import _, ngettext, pgettext, N_

    _("Decision-maker map")
    _("the last review was on {date}, {ago}").format(date=..., ago=...)   # named parameters only
    ngettext("{count} day", "{count} days", n).format(count=n)
    pgettext("customer status", "former")                                # a short word, told apart
    TITLE = N_("Stakeholders")  # marked for extraction, translated where shown: _(TITLE)

The catalogs are generator/locale/<code>/LC_MESSAGES/kam.po, extracted from the code with Babel
(`make messages`); a colleague who speaks the language edits the .po, nothing else. They are read
as text (no compiled .mo in the repository to fall out of step): ~1,000 messages parse in tens of
milliseconds, once per process and language. An empty or fuzzy translation falls back to English.

The language is process-wide (not a context variable): a build renders one language at a time,
and every word of a diagram is in its DOT source, made in this process (the worker processes, spawned
fresh, only run `dot`, so they never translate); `use()` sets it for a block.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import io
from pathlib import Path
from collections.abc import Mapping
from typing import Iterator, Optional

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "kam"
DEFAULT = "en"

# The languages kam is translated into, with their own names (for Material's language switcher).
LANGUAGES = {
    "en": "English",
    "et": "Eesti",
    "fi": "Suomi",
    "nb": "Norsk bokmål",
    "lv": "Latviešu",
    "lt": "Lietuvių",
    "pl": "Polski",
    "ru": "Русский",
}
# Codes people write for a language kam has under another code: ISO 639-1 `no` is Norwegian,
# whose written standard kam's catalogs (and Material's) use is bokmål, `nb`.
ALIASES = {"no": "nb"}

_language = DEFAULT


class LanguageError(ValueError):
    """A language kam has no catalog for."""


def normalise(code: Optional[str]) -> str:
    """The catalog code for what a user wrote ('no' -> 'nb'); LanguageError when kam lacks it."""
    if code is None:
        return DEFAULT
    key = str(code).strip().lower().replace("_", "-").split("-")[0]
    key = ALIASES.get(key, key)
    if key not in LANGUAGES:
        raise LanguageError(f"kam has no translation for the language '{code}': use one of "
                            f"{', '.join(sorted(LANGUAGES))} (or 'no' for Norwegian)")
    return key


def current() -> str:
    return _language


def set_language(code: Optional[str]) -> str:
    global _language
    _language = normalise(code)
    return _language


@contextlib.contextmanager
def use(code: Optional[str]) -> Iterator[str]:
    """Write in `code` for the block, then in the language before it."""
    global _language
    before, _language = _language, normalise(code)
    try:
        yield _language
    finally:
        _language = before


def catalog_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.lru_cache(maxsize=None)
def translations(code: str) -> _gettext.NullTranslations:
    """The language's catalog as gettext translations; English (and a missing file) translate to themselves."""
    path = catalog_path(code)
    if code == DEFAULT or not path.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        catalog = read_po(po, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def gettext(message: str) -> str:
    return translations(_language).gettext(message) if _language != DEFAULT else message


def ngettext(singular: str, plural: str, count: int) -> str:
    if _language == DEFAULT:
        return singular if count == 1 else plural
    return translations(_language).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return translations(_language).pgettext(context, message) if _language != DEFAULT else message


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    if _language == DEFAULT:
        return singular if count == 1 else plural
    return translations(_language).npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; translate it with _() where it is shown."""
    return message


_ = gettext


class Translated(Mapping):
    """A table of marked messages (N_) translated when read: `ROLES["economic"]` is in the language in use.

    Values are messages or tuples of messages; the table is written once, at import, in English."""

    def __init__(self, table: dict) -> None:
        self._table = dict(table)

    def __getitem__(self, key):
        value = self._table[key]
        return tuple(gettext(v) for v in value) if isinstance(value, tuple) else gettext(value)

    def __iter__(self):
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def value_words(identifier: Optional[str]) -> str:
    """A plan's enumerated value in words in the language in use: 'account_manager' -> 'account manager'.
    The schemas' enum values are the messages, with the context "value" (generator/messages.py)."""
    return pgettext("value", identifier.replace("_", " ")) if identifier else ""
