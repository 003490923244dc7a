"""The example site built in each language kam has: no English label left, numbers and dates as that
language writes them.

The English labels are the catalog's own messages (kam.pot): each message's literal pieces (the text
between its placeholders) are looked for in every page and diagram of the site built with
`language: <code>`. What the plans say is not a label: the texts of the plans, the people directory,
the settings, the notes and documents are taken out first, as are messages a language keeps as in
English on purpose (its translation is the English).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator import formats, i18n
from generator.load import load
from generator.render import charts
from pseudo import visible_text
from test_site import REPO, build_site, example_repo

LOCALES = sorted(code for code in i18n.LANGUAGES if code != i18n.DEFAULT)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_ENGLISH_MONEY = re.compile(r"\b\d{1,3}(?:,\d{3})+ [A-Z]{3}\b")
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def plan_texts(accounts: Path) -> set[str]:
    """Everything the users wrote: YAML strings, notes and documents (their lines), file names."""
    texts: set[str] = set()
    for path in accounts.rglob("*"):
        texts.update(part for part in path.relative_to(accounts).parts)
        if path.suffix in (".yaml", ".yml"):
            texts.update(text for string in _strings(load(path).data) for text in (string, *string.splitlines()))
        elif path.suffix in (".md", ".txt", ".csv"):
            texts.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    texts |= {_as_shown(text) for text in texts}
    texts |= {clause.strip() for text in texts for clause in re.split(r"[.;:,!?()]", text)}  # pages split them
    texts |= {charts.clipped(text, chars, strip) for text in texts for strip in (False, True)  # as charts clip them
              for chars in (charts.GROUP_CHARS, charts.PRODUCT_CHARS, charts.ACCOUNT_CHARS)}
    return {text.strip() for text in texts if text.strip()} | README_SECTIONS


# kam's README is in English: a translated page that points to one of its sections names it as it is.
README_SECTIONS = {"Account health"}


def _as_shown(line: str) -> str:
    """A line of Markdown as a reader sees it: no list marker, emphasis or link syntax."""
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return re.sub(r"[*_`]+", "", line)


def english_pieces(code: str) -> set[str]:
    """The literal pieces of kam's English messages that a reader would see as English words; but a
    piece the language's catalog keeps as in English on purpose (its translation holds it too)."""
    from babel.messages.pofile import read_po

    with (REPO / "generator" / "locale" / "kam.pot").open("rb") as pot:
        template = read_po(pot)
    with i18n.catalog_path(code).open("rb") as po:
        catalog = read_po(po)
    pieces = set()
    # a word the language's translations write themselves is its own (Polish "Role", as in "Role zakupowe")
    own = " ".join(_plain(text) for m in catalog if m.id
                   for text in (m.string if isinstance(m.string, (tuple, list)) else (m.string,)) if text)
    for message in template:
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        if not ids[0]:
            continue
        held = catalog.get(message.id, context=message.context)
        strings = (held.string if isinstance(held.string, (tuple, list)) else (held.string,)) if held else ()
        kept = _plain(" ".join(text for text in strings if text))
        for text in ids:
            for piece in _PLACEHOLDER.split(text):
                piece = _plain(piece).strip(" .,:;–-")
                if len(re.findall(r"[A-Za-z]", piece)) >= 4 and piece not in kept and \
                        not re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", own):
                    pieces.add(piece)
    return pieces


def _plain(text: str) -> str:
    """A message as a reader sees its words: without Markdown's marks, on one line."""
    return " ".join(re.sub(r"[*_`\[\]()#|]+", " ", text).split())


def page_texts(site: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(site.rglob("*.html")) + sorted(site.rglob("*.svg")):
        if path.name == "404.html" or "assets" in path.parts:
            continue
        texts[str(path.relative_to(site))] = " ".join(visible_text(path.read_text(encoding="utf-8")).split())
    return texts


@pytest.fixture(scope="module")
def allowed():
    return sorted(plan_texts(REPO / "accounts"), key=len, reverse=True)


_PATH = re.compile(r"\S*/accounts/\S*")  # where a finding is: a file of the plans (in a test, a temporary folder)
_QUOTED_VALUE = re.compile(r"'[a-z_]+'")  # a value as the plan's file has it, quoted: what to change there


def _without(text: str, allowed: list[str]) -> str:
    text = _QUOTED_VALUE.sub(" ", _PATH.sub(" ", text))
    for item in allowed:  # phrases, not single words ("Decision" would cut "Decision-maker map") or numbers
        if (" " in item.strip() or len(item) >= 12) and re.search(r"[^\W\d_]{2}", item) and item in text:
            text = text.replace(item, " ")
    return text


@pytest.fixture(scope="module")
def site_in(tmp_path_factory):
    """The examples' site with `language: <code>`, built once per language for the module."""
    built: dict[str, Path] = {}

    def site(code: str) -> Path:
        if code not in built:
            built[code] = _build_in(code, tmp_path_factory.mktemp(f"site-{code}"))
        return built[code]
    return site


def _build_in(code: str, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    example_repo(root)
    settings = root / "accounts" / "_portfolio.yaml"
    lines = [line for line in settings.read_text(encoding="utf-8").splitlines()
             if not line.startswith(("language:", "languages:"))]
    settings.write_text("\n".join(lines + [f"language: {code}", ""]), encoding="utf-8")
    return build_site(root, tmp_path / "site")


@pytest.mark.parametrize("code", LOCALES)
def test_a_site_in_each_language_has_no_english_label_left(code, site_in, allowed):
    site = site_in(code)
    pieces = english_pieces(code)
    left = {}
    for page, text in page_texts(site).items():
        text = _without(text, allowed)
        found = sorted(piece for piece in pieces if re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", text))
        if found:
            left[page] = found
    assert left == {}


@pytest.mark.parametrize("code", LOCALES)
def test_a_site_in_each_language_writes_numbers_and_dates_as_that_language_does(code, site_in, allowed):
    site = site_in(code)
    shown = page_texts(site)
    texts = {page: _without(text, allowed) for page, text in shown.items()}
    account = shown["accounts/laanemere-sadamad/index.html"]
    with i18n.use(code):
        amount, day = formats.money(5_270_000, "EUR"), formats.date(dt.date(2026, 10, 13))  # as in the plan
    amount, day = " ".join(amount.split()), " ".join(day.split())  # as page_texts: no-break spaces are spaces
    assert amount in account and day in account
    assert {page: _ENGLISH_MONEY.findall(text) for page, text in texts.items() if _ENGLISH_MONEY.search(text)} == {}
    if code != "lt":  # Lithuanian writes dates as ISO does
        written = {day for text in allowed for day in _ISO_DATE.findall(text)}  # in the users' own words
        left = {page: [day for day in _ISO_DATE.findall(text) if day not in written] for page, text in texts.items()}
        assert {page: days for page, days in left.items() if days} == {}
