"""Which characters plan text may hold: nothing a page, a diagram or a terminal cannot show.

Two rules, both with the position of the value at fault:
- Anywhere (values and keys): no control characters (C0 other than tab and line
  break, DEL, C1), no UTF-16 surrogates and no Unicode noncharacters (U+FFFE,
  U+FDD0 ...). Graphviz and XML reject them, terminals act on them, and no
  reader can see them. The loader applies this one (`forbidden`).
- Short text (ids, names, titles, every string whose schema allows at most
  PROSE_LENGTH characters) is one line: no line break and no tab. Prose (the
  schema's long texts and Markdown: summaries, histories, notes, private notes)
  may hold both.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Iterator, Optional

from .diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # the loader uses `forbidden`: no import of it at run time
    from .load import Document

PROSE_LENGTH = 500  # a string whose schema allows more characters than this is prose

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_FORBIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")

_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return", "\u2028": "a line separator",
          "\u2029": "a paragraph separator", "\x1b": "an escape character"}


def describe(character: str) -> str:
    """A character a reader cannot see, in words: 'a control character (U+0001)'."""
    code = f"U+{ord(character):04X}"
    if character in _NAMES:
        return f"{_NAMES[character]} ({code})"
    if 0xD800 <= ord(character) <= 0xDFFF:
        return f"a broken character (lone surrogate {code})"
    if unicodedata.category(character) == "Cc":
        return f"a control character ({code})"
    return f"a character that is not meant for text ({code}, a Unicode noncharacter)"


def forbidden(text: str) -> Optional[str]:
    """Why `text` cannot be in a plan, in words, or None when it can."""
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    return (f"the text holds {describe(match.group())}, which no page or diagram can show; "
            f"delete it (it often comes with text copied from another program)")


def _is_free_text(schema: dict) -> bool:
    """Short text the schema does not check itself (a pattern, a format or a list of values does)."""
    prose = schema.get("maxLength", 0) > PROSE_LENGTH or schema.get("contentMediaType") == "text/markdown"
    return not prose and not {"pattern", "format", "enum"} & schema.keys()


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _walk(value, schema: dict, path: tuple) -> Iterator[tuple[tuple, str, bool]]:
    """(path, text, is a key) for every short text in `value`, with `schema` the value's own.
    What the schema does not know is left out: it has an error of its own (an unknown key)."""
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            sub = properties.get(key, extra)
            if not isinstance(sub, dict):
                continue
            if key not in properties and "propertyNames" not in schema:  # a free key: one line too
                yield path + (key,), key, True
            yield from _walk(item, sub, path + (key,))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _walk(item, schema["items"], path + (index,))
    elif isinstance(value, str) and _is_free_text(schema):
        yield path, value, False


def line_break_errors(document: "Document", schema: dict) -> list[Diagnostic]:
    """One error for each short text (or key) that holds a line break or a tab."""
    out = []
    for path, text, is_key in _walk(document.data, schema, ()):
        match = _LINE_BREAKS.search(text)
        if match is None:
            continue
        what = f"the key '{text.strip()}'" if is_key else (_field(path) or "the value")
        message = (f"{what} must be one line, but it holds {describe(match.group())}; "
                   f"write it on one line (quoted text: remove the \\n or \\t)")
        line, column = document.source.key_at(path) if is_key else document.source.at(path)
        out.append(Diagnostic(document.path, line, column, Severity.ERROR, "line-break", message))
    return out
