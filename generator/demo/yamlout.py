"""A small YAML emitter for the demo's plans: fast, and written the way a person writes YAML.

Flow lists of ids, one-line mappings (`Flow`), folded summaries (`Folded`),
literal histories (`Literal`), unquoted dates. A string is written plain only
when neither a YAML 1.1 reader (editors, PyYAML) nor the project's YAML 1.2
loader could read it as anything but that string; otherwise it is
double-quoted (JSON escaping is valid YAML).
"""

from __future__ import annotations

import datetime as dt
import json
import re


class Flow(dict):
    """A mapping written on one line: {stakeholder: kari, strength: strong}."""


class Folded(str):
    """A long text written as a folded block (>-), wrapped at about 78 columns."""


class Literal(str):
    """A text whose line breaks matter, written as a literal block (|)."""


# Everything PyYAML's YAML 1.1 resolver reads as non-text (bool, null, int,
# float incl. sexagesimal, timestamp, merge, value) plus YAML 1.2 core.
_NOT_TEXT = re.compile(r"""^(?:
    ~|null|Null|NULL|
    y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|
    [-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)|
    [-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|
    [-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|
    [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?|
    <<|=
)$""", re.VERBOSE)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = frozenset(",[]{}:#")
_plain_cache: dict[tuple[str, bool], bool] = {}


def _can_be_plain(text: str, flow: bool) -> bool:
    cached = _plain_cache.get((text, flow))
    if cached is not None:
        return cached
    ok = (bool(text) and text == text.strip() and text.isprintable()
          and text[0] not in _INDICATORS and ": " not in text and " #" not in text
          and not text.endswith(":") and _NOT_TEXT.match(text) is None
          and not (flow and any(c in _FLOW_UNSAFE for c in text)))
    _plain_cache[(text, flow)] = ok
    return ok


def scalar(value, flow: bool = False) -> str:
    """One scalar as YAML text that every reader reads back as exactly `value`."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()  # unquoted, as a person writes a date
    if _can_be_plain(value, flow):
        return value
    return json.dumps(value, ensure_ascii=False)


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def _flow_map(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, True)}" for k, v in mapping.items()) + "}"


def _block_text(text: str, width: int) -> list[str] | None:
    """Lines of a folded block, or None when the text cannot be folded faithfully."""
    if not text or "\n" in text or "  " in text or text != text.strip() or not text.isprintable():
        return None
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


class _Emitter:
    def __init__(self) -> None:
        self.out: list[str] = []

    def pair(self, indent: str, key: str, value) -> None:
        out = self.out
        if isinstance(value, Flow):
            out.append(f"{indent}{key}: {_flow_map(value)}")
        elif isinstance(value, dict):
            if not value:
                out.append(f"{indent}{key}: {{}}")
                return
            out.append(f"{indent}{key}:")
            inner = indent + "  "
            for k, v in value.items():
                self.pair(inner, k, v)
        elif isinstance(value, list):
            if not value:
                out.append(f"{indent}{key}: []")
            elif all(_is_scalar(v) and (not isinstance(v, str) or _can_be_plain(v, True)) for v in value) and (
                    line := f"{indent}{key}: [{', '.join(scalar(v, True) for v in value)}]") and len(line) <= 100:
                out.append(line)
            else:
                out.append(f"{indent}{key}:")
                self.sequence(indent + "  ", value)
        elif isinstance(value, Literal) and value.endswith("\n") and "\n\n" not in value \
                and not value.startswith(" "):
            out.append(f"{indent}{key}: |")
            inner = indent + "  "
            out.extend(inner + line for line in value[:-1].split("\n"))
        elif isinstance(value, Folded) and (lines := _block_text(value, max(40, 78 - len(indent)))):
            out.append(f"{indent}{key}: >-")
            inner = indent + "  "
            out.extend(inner + line for line in lines)
        else:
            out.append(f"{indent}{key}: {scalar(value)}")

    def sequence(self, indent: str, items: list) -> None:
        out = self.out
        inner = indent + "  "
        for item in items:
            if isinstance(item, Flow):
                out.append(f"{indent}- {_flow_map(item)}")
            elif isinstance(item, dict) and item:
                start = len(out)
                for k, v in item.items():
                    self.pair(inner, k, v)
                out[start] = f"{indent}- {out[start][len(inner):]}"
            elif isinstance(item, list):
                raise TypeError("nested lists are not used in plans")
            else:
                out.append(f"{indent}- {scalar(item)}")


def dump(data: dict, header: list[str] = (), blank_before: frozenset = frozenset()) -> str:
    """A YAML document: header comment lines, then the top-level keys in order."""
    emitter = _Emitter()
    emitter.out.extend(header)
    for key, value in data.items():
        if key in blank_before:
            emitter.out.append("")
        emitter.pair("", key, value)
    return "\n".join(emitter.out) + "\n"
