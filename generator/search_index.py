"""Search that finds the plans' names with or without their letters' marks, in Latin and Cyrillic script.

Material's search (lunr, in the reader's browser) matches words as written: "Laanemere" does not
find "Läänemere", and with English alone lunr's trimmer strips every Cyrillic letter, so
"Павлова" becomes an empty query. Two remedies, both in the index Material writes:

- the languages: the site's languages and those the plans are written in (`language:` of each
  plan), as lunr has them (`lunr_languages`): Russian brings lunr's Cyrillic word characters and
  stemmer, Finnish and Norwegian their stemmers; Estonian, Latvian, Lithuanian and Polish have
  none in lunr and are searched with the site's other languages' rules;
- the folded words (`add_folded`): each section of the index gets two more fields, the words of
  its title and of its text that change when their marks are taken off (ä -> a, ø -> o, ē -> e,
  ņ -> n, ł -> l, ž -> z, õ -> o, ё -> е), so a query typed either way matches. The fields are
  only indexed, never shown: the results still show the words as written.

The index holds only what the pages show to search (kam marks personal data `data-search-exclude`),
and the folded fields only words of that text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Iterable

from .i18n import normalise

# lunr-languages' codes (Material ships these stemmers); kam's languages without one are absent.
LUNR = {"en": "en", "fi": "fi", "nb": "no", "ru": "ru"}

FIELDS = {"folded_title": {"boost": 1e3}, "folded": {"boost": 1.0}}  # as Material's title and text

# Letters whose base letter Unicode does not give by decomposition.
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ё": "е", "Ё": "Е"})
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def lunr_languages(site_languages: Iterable[str], plan_languages: Iterable[str]) -> list[str]:
    """The lunr languages for a site's search: its own language first (Material's default), then the plans'."""
    found = []
    for code in list(site_languages) + list(plan_languages):
        try:
            lunr = LUNR.get(normalise(code))
        except ValueError:  # a plan in a language kam has no catalog for
            lunr = {"no": "no", "nn": "no"}.get(str(code).lower())
        if lunr and lunr not in found:
            found.append(lunr)
    return found or ["en"]


def fold(word: str) -> str:
    """The word without its Latin letters' marks: 'Ødegård' -> 'Odegard', 'Bērziņš' -> 'Berzins';
    Cyrillic keeps й (a letter of its own), ё becomes е as Russians type it."""
    letters = []
    for char in unicodedata.normalize("NFD", word.translate(_LETTERS)):
        if unicodedata.combining(char) and letters and _latin(letters[-1]):
            continue
        letters.append(char)
    return unicodedata.normalize("NFC", "".join(letters))


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def folded_words(text: str) -> str:
    """The words of `text` (HTML) that folding changes, folded, each once, in their order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_TAG.sub(" ", text)):
        plain = fold(word)
        if plain != word:
            seen.setdefault(plain.lower())
    return " ".join(seen)


def add_folded(index: str) -> str:
    """Material's search_index.json with the folded fields in its config and on each section that has any."""
    data = json.loads(index)
    data.setdefault("config", {}).setdefault("fields", {}).update(FIELDS)
    for doc in data.get("docs", ()):
        for field, source in (("folded_title", "title"), ("folded", "text")):
            words = folded_words(doc.get(source) or "")
            if words:
                doc[field] = words
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
