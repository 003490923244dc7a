"""The one way user text reaches each output language.

Every string that comes from a plan (names, titles, notes, anything a user
typed) goes through exactly one of these helpers before it is written into
a page or a diagram:

- `md(text)`      Markdown inline text, table cells included;
- `md_block(text)` Markdown for a multi-line text (history, summaries);
- `prose(text)`   a value the schema marks text/markdown (`Prose`): the safe
                  Markdown subset as sanitised HTML (render/prose.py); `md`
                  and `md_block` hand such values to it, so every prose field
                  is shown as Markdown wherever a page puts it;
- `html(text)`    HTML text and attribute values (the few raw HTML pieces);
- `dot(text)`     text inside a Graphviz HTML-like label (`<...>`);
- `dot_string(text)` a Graphviz double-quoted string (tooltips);
- `yaml_string(text)` a page's front-matter value (the page title).

Markdown passes raw HTML through and gives meaning to much ASCII
punctuation (emphasis, links, tables, attr_list `{...}`, lists, headings,
admonitions ...). `md` writes each character that could be read as syntax
as a numeric character reference (`*` -> `&#42;`): Python-Markdown keeps
entities as they are, the browser shows the character, and no extension
sees syntax. Line breaks become spaces, so a value can never start a new
block or a new table row; characters that matter only at the start of a
line are encoded there.

Text that is already Markdown made by this package (links built from
validated ids, emphasis around escaped text) is wrapped in `Markdown` so
that the page builders can tell the two apart.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..prose import Prose
from . import prose as _prose

__all__ = ["Markdown", "md", "md_block", "prose", "html", "dot", "dot_string", "yaml_string", "SLUG"]

# Ids in plans are validated against this pattern; paths and anchors are
# built only from values that match it again here (see site.py).
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


class Markdown(str):
    """A string that is already safe Markdown (made here, never by a user)."""

    __slots__ = ()


# Characters that start inline syntax anywhere in a line (code, escapes,
# emphasis, links and images, attr_list, tables, raw HTML and entities,
# heading hashes), written as &#NN; so they stay text. Every other
# punctuation character only means something at the start of a line (lists,
# headings, quotes, rules, admonitions); the first character is encoded
# when it is punctuation, and so is the '.' or ')' of a leading number.
_MD_ALWAYS = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]|<>&#"}
_PUNCTUATION = frozenset("!\"$%'()+,-./:;=?@^~")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
# Runs of breaking whitespace; a no-break space (in "1 310 000 €", "1. dets 2026") is meant, and kept.
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def _text(value) -> str:
    return "" if value is None else str(value)


def md(value) -> Markdown:
    """User text as Markdown inline text: shows exactly the characters given.

    Safe in paragraphs, list items, headings, link text and table cells.
    Runs of whitespace (line breaks included) become one space.
    """
    if isinstance(value, Markdown):
        return value
    if isinstance(value, Prose):
        return prose(value)
    return _md(_text(value))


@lru_cache(maxsize=1 << 16)  # a site escapes the same names and ids ~1,000,000 times
def _md(text: str) -> Markdown:
    text = _WHITESPACE.sub(" ", text).strip().translate(_MD_ALWAYS)
    number = _LEADING_NUMBER.match(text)
    if number:
        text = f"{number.group(1)}&#{ord(number.group(2))};{text[number.end():]}"
    elif text[:1] in _PUNCTUATION:
        text = f"&#{ord(text[0])};{text[1:]}"
    return Markdown(text)


def md_block(value) -> Markdown:
    """A multi-line user text as Markdown paragraphs, line breaks kept.

    Blank lines separate paragraphs; each other line break is a hard break.
    Leading spaces are dropped, so no line turns into a code block.
    """
    if isinstance(value, Prose):
        return prose(value)
    paragraphs = re.split(r"\n\s*\n", _text(value).strip())
    out = []
    for paragraph in paragraphs:
        lines = [md(line) for line in paragraph.splitlines() if line.strip()]
        if lines:
            out.append("<br>\n".join(lines))
    return Markdown("\n\n".join(out))


def prose(value, *, headings: int = 0) -> Markdown:
    """Markdown the user wrote, as the safe subset: raw HTML shown as text, only http, https, mailto and
    document links, no attribute lists or images; '#' is a heading (at level `headings`) only in notes files
    and documents, text elsewhere."""
    return Markdown(_prose.render(_text(value), headings=headings))


def html(value) -> str:
    """User text for HTML element content and quoted attribute values."""
    text = _text(value)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def dot(value) -> str:
    """User text inside a Graphviz HTML-like label: XML-escaped, one line.

    Graphviz parses HTML-like labels with an XML parser, so the label
    cannot contain a tag (an <IMG SRC=...> would read a local file) when
    '<' and '>' are escaped; '&' is escaped so no entity is invented.
    Graphviz also expands escapes such as \\N (the node's name) and \\G in
    label text after decoding entities, so a backslash is written as an
    escaped backslash (two &#92;), which shows as one. Graphviz 2.43 also fails on a ']' just
    after a tag and on an empty <B></B>: ']' is a reference, and text of spaces stays one space.
    """
    text = _text(value)
    escaped = html(_WHITESPACE.sub(" ", text).strip()).replace("\\", "&#92;&#92;").replace("]", "&#93;")
    return escaped or ("&#32;" if text else "")


# U+29F5 REVERSE SOLIDUS OPERATOR: looks like a backslash, means nothing to Graphviz.
_BACKSLASH_LOOKALIKE = "\u29f5"


def dot_string(value) -> str:
    """User text as a Graphviz double-quoted string (tooltips), quotes included.

    The result holds no backslash and no double quote, so the string always
    ends where it should and no attribute can follow it: quotes and & < > '
    are character references (Graphviz passes them to the SVG as they are).
    Graphviz reads backslashes in quoted strings twice over (\\" does not end
    the string; \\N, \\G ... are expanded in tooltips, after entities are
    decoded), so a backslash is shown as a look-alike (U+29F5) here: only
    tooltips use this, the label shows the text exactly.
    """
    return '"' + html(_WHITESPACE.sub(" ", _text(value)).strip()).replace("\\", _BACKSLASH_LOOKALIKE) + '"'


def yaml_string(value) -> str:
    """A one-line YAML double-quoted scalar holding exactly `value`."""
    return json.dumps(_WHITESPACE.sub(" ", _text(value)).strip(), ensure_ascii=False)
