"""The catalogs hold every message the code writes, nothing stale, and the same placeholders as the English.

The messages are extracted from the code here, as `make messages` does (Babel, the same mapping),
so a message added to the code without a translation fails the suite, whatever kam.pot says.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from generator import i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALES = sorted(code for code in i18n.LANGUAGES if code != i18n.DEFAULT)


def _key(message) -> tuple:
    msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
    return (message.context or "", msgid)


@pytest.fixture(scope="module")
def extracted():
    """(context, msgid) -> (msgid, msgid_plural or None), from the code and the schemas."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "generator" / "locale" / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "check": (2,)}
    found = {}
    for folder in ("generator", "schema"):
        for _file, _line, message, _comments, context in extract_from_dir(
                ROOT / folder, method_map, options_map, keywords=keywords):
            singular, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
            found[(context or "", singular)] = (singular, plural)
    assert len(found) > 100  # the extraction ran (a broken mapping finds nothing)
    return found


def _catalog(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        return read_po(po)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_template_holds_what_the_code_writes(extracted):
    template = _catalog(ROOT / "generator" / "locale" / "kam.pot")
    held = {_key(m) for m in template if m.id}
    assert sorted(set(extracted) - held) == [], "run `make messages`"
    assert sorted(held - set(extracted)) == [], "run `make messages`"


@pytest.mark.parametrize("code", LOCALES)
def test_every_message_is_translated_and_none_is_stale(code, extracted):
    catalog = _catalog(i18n.catalog_path(code))
    held = {_key(m): m for m in catalog if m.id}
    missing = sorted(set(extracted) - set(held))
    stale = sorted(set(held) - set(extracted))
    untranslated = sorted(key for key, m in held.items() if key in extracted and
                          (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))))
    assert (missing, stale, untranslated) == ([], [], []), f"{code}: fill in generator/locale/{code}/LC_MESSAGES/kam.po"


@pytest.mark.parametrize("code", LOCALES)
def test_translations_keep_the_english_placeholders(code):
    wrong = []
    for m in _catalog(i18n.catalog_path(code)):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, (tuple, list)) else (m.id,)
        forms = m.string if isinstance(m.string, (tuple, list)) else (m.string,)
        expected = set().union(*(fields(text) for text in ids))
        found = [fields(form) for form in forms if form]
        if any(not form <= expected for form in found) or (found and set().union(*found) != expected):
            wrong.append((ids[0], forms))
    assert wrong == []


@pytest.mark.parametrize("code", LOCALES)
def test_the_catalog_is_read_and_used(code):
    with i18n.use(code):
        assert i18n.pgettext("value", "account manager") != "account manager"


@pytest.mark.parametrize("code", LOCALES)
def test_each_language_keeps_a_glossary_of_the_core_terms(code):
    glossary = (ROOT / "generator" / "locale" / code / "glossary.md").read_text(encoding="utf-8")
    rows = [line for line in glossary.splitlines() if line.startswith("|") and "---" not in line]
    assert len(rows) > 30
    assert any("decision-maker map" in row.lower() for row in rows)


def test_fields_of_a_template():
    assert fields("the review was on {date}, {ago}; {tier} reviews every {interval}") == {
        "date", "ago", "tier", "interval"}
    assert fields("no placeholders, {{braces}} escaped") == set()
