"""What `make messages` extracts besides the code's _() calls: the plan's enumerations, from the schemas.

A value such as `account_manager` is shown as words in the site's language (render/words.py,
`pgettext("value", "account manager")`), so every `enum` of the schemas is a message with the
context "value". Babel calls this as an extraction method (generator/locale/babel.cfg).
"""

from __future__ import annotations

import json
from typing import IO, Iterator

from .i18n import ALIASES, LANGUAGES

VALUE_CONTEXT = "value"


def enum_values(node) -> Iterator[str]:
    """Every enum value under `node`, but the language codes (shown as codes and as the languages' own names)."""
    if isinstance(node, dict):
        values = [v for v in node.get("enum") or () if isinstance(v, str)]
        if not set(values) <= set(LANGUAGES) | set(ALIASES):
            yield from values
        for child in node.values():
            yield from enum_values(child)
    elif isinstance(node, list):
        for child in node:
            yield from enum_values(child)


def schema_values(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel's extractor interface: (line, function, messages, comments) for each enum value."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    seen = set()
    for value in enum_values(json.loads(text)):
        if value in seen:
            continue
        seen.add(value)
        line = next((n for n, row in enumerate(lines, 1) if f'"{value}"' in row), 1)
        yield line, "pgettext", (VALUE_CONTEXT, value.replace("_", " ")), []
