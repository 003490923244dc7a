"""YAML syntax errors in a sentence a non-programmer understands, at the line where the structure
went wrong, with a hint for the common cause (a colon or `#` in unquoted text, an indent that differs
from the lines above, a quote or bracket left open, a tab)."""

from __future__ import annotations

import re
from typing import Optional

import yaml

QUOTE_EXAMPLE = 'put the whole text in double quotes, e.g. name: "Nordvik: Havn AS"'


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _above(lines: list[str], index: int) -> Optional[int]:
    """The index of the nearest line above `index` with content."""
    for i in range(index - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _spaces(n: int) -> str:
    return f"{n} space{'s' if n != 1 else ''}"


def _key_indent(line: str) -> int:
    """Where the line's key starts: after its indentation and any '- ' of a list entry."""
    rest = line.lstrip(" ")
    while rest.startswith("- "):
        rest = rest[2:].lstrip(" ")
    return len(line) - len(rest)


def _indent_message(lines: list[str], index: int) -> Optional[str]:
    """What is wrong with the line's indentation, or None when it lines up with the line above."""
    above = _above(lines, index)
    here = _indent(lines[index]) if index < len(lines) else 0
    if index < len(lines) and lines[index].lstrip().startswith("- "):
        entry = next((i for i in range(index - 1, -1, -1) if lines[i].lstrip().startswith("- ")), None)
        if entry is not None and _indent(lines[entry]) != here:
            return (f"this '- ' entry is indented by {_spaces(here)}, the entry above it (line {entry + 1}) by "
                    f"{_spaces(_indent(lines[entry]))}: the entries of one list start in the same column")
    if above is None or _key_indent(lines[above]) == here:
        return None
    return (f"this line is indented by {_spaces(here)}, the keys of the line above it by "
            f"{_spaces(_key_indent(lines[above]))}: keys of one entry start in the same column, and each '- ' "
            f"entry of a list too")


def _after_bracket(line: str, column: int) -> Optional[str]:
    if line[column:column + 1] in ("]", "}"):
        return f"this '{line[column]}' closes nothing: remove it, or open its list with '[' (or '{{')"
    if line[:column].rstrip()[-1:] in ("]", "}"):
        return ("the text goes on after a closing bracket: a value that starts with '[' or '{' is a list or a "
                "mapping; for text, put it all in quotes, e.g. title: \"[draft] Finance director\"")
    return None


UNREADABLE = ("the text cannot be read as YAML here: check the indentation, the colons and the quotes on this "
              "line and the one above")


def _colon_in_value(line: str) -> Optional[str]:
    m = re.match(r"^\s*(?:- )?([^\s:#'\"][^:#]*):\s+(\S.*)$", line)
    if m and ": " in m[2] + " " and m[2][0] not in "\"'[{|>":
        return (f"the text after '{m[1].strip()}:' has a colon followed by a space in it, which YAML reads as "
                f"the start of another key: {QUOTE_EXAMPLE}")
    return None


def _after_quote(line: str, column: int) -> Optional[str]:
    before = line[:column].rstrip()
    if before.endswith('"'):
        return 'the text goes on after its closing quote: put the whole value in quotes, e.g. name: "Nordvik Havn AS"'
    if before.endswith("'"):
        return ("an apostrophe inside text in single quotes ends the text: write it twice ('O''Brien') or use "
                "double quotes (\"O'Brien\")")
    return None


def _mapping_values(lines: list[str], index: int) -> str:
    line = lines[index] if index < len(lines) else ""
    above = _above(lines, index)
    if above is not None and _indent(line) > _key_indent(lines[above]) and re.search(r":\s+\S", lines[above]):
        return (_indent_message(lines, index) or UNREADABLE) + \
            " (a line indented more than the one above continues its value)"
    return _colon_in_value(line) or f"a colon followed by a space starts a key here, which YAML does not expect: " \
                                    f"{QUOTE_EXAMPLE}, or check the indentation"


def _bracket(exc: yaml.MarkedYAMLError, lines: list[str], opening: str, closing: str) -> tuple[str, int, int]:
    mark = exc.context_mark
    opened = lines[mark.line] if mark.line < len(lines) else ""
    message = f"a '{opening}' opened on this line is not closed with '{closing}'"
    if "#" in opened[mark.column:]:
        message += (f": a '#' inside the brackets starts a comment, which hides the rest of the line; "
                    f"put that item in quotes (\"#2\")")
    else:
        example = "buying_roles: [economic, user]" if opening == "[" else "{stakeholder: kari, strength: strong}"
        message += f": close it at the end, e.g. {example}"
    return message, mark.line + 1, mark.column + 1


def _runaway_quote(text: str, index: int) -> Optional[tuple[str, int, int]]:
    """A quoted text that starts on one line and ends lines later, just before `index`: its
    opening quote was never closed where the author meant to."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            last = token
    except yaml.MarkedYAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') and last.end_mark.line > last.start_mark.line:
        start = last.start_mark
        return (f"a quote ({last.style}) opened on this line is closed only on line {last.end_mark.line + 1}: end "
                f"the text with {last.style} on this line", start.line + 1, start.column + 1)
    return None


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int]:
    """(message, line, column), 1-based, for a parser error on `text`."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    index, column = (mark.line, mark.column) if mark else (0, 0)
    line = lines[index] if index < len(lines) else ""
    problem, context = exc.problem or "", exc.context or ""
    position = (index + 1, column + 1)
    if "tab" in problem or (mark is not None and text[mark.index:mark.index + 1] == "\t"):
        tab_line = next((i for i in (index, index - 1, index + 1) if 0 <= i < len(lines) and "\t" in lines[i]), index)
        return "a tab character: YAML indents with spaces only; replace the tab with spaces", tab_line + 1, 1
    if "quoted scalar" in context and exc.context_mark:
        quote = text[exc.context_mark.index]
        return (f"a quote ({quote}) opened on this line is never closed: end the text with {quote}, "
                f"or write it without quotes", exc.context_mark.line + 1, exc.context_mark.column + 1)
    if "flow sequence" in context and exc.context_mark:
        return _bracket(exc, lines, "[", "]")
    if "flow mapping" in context and exc.context_mark:
        return _bracket(exc, lines, "{", "}")
    if "flow node" in context and mark:
        opened = max(text.rfind("[", 0, mark.index), text.rfind("{", 0, mark.index))
        if opened >= 0:
            before = text[:opened]
            char = text[opened]
            exc.context_mark = yaml.Mark("", opened, before.count("\n"), opened - before.rfind("\n") - 1, None, None)
            return _bracket(exc, lines, char, "]" if char == "[" else "}")
    if "single document" in context:
        return ("a line '---' starts a second document, but a plan is one document: remove the '---' line",
                *position)
    if ("expected key" in problem or "mapping values" in problem) and mark and (runaway := _runaway_quote(text, mark.index)):
        return runaway
    if "mapping values are not allowed" in problem:
        message = _mapping_values(lines, index)
        return message, index + 1, (column if message.startswith("the text") else _indent(line)) + 1
    if "expected '-' indicator" in problem or "expected key" in problem:
        message = _after_quote(line, column) or _after_bracket(line, column) or _indent_message(lines, index)
        return message or UNREADABLE, *position
    if "sequence entries are not allowed" in problem:
        return ("a '- ' starts a list entry, which cannot follow a key on the same line: put the text in quotes, "
                "or start the list on the next line, indented", *position)
    if "simple key" in context and exc.context_mark:
        where = exc.context_mark.line
        return ("this line has no colon after its key: write 'key: value' with a space after the colon "
                "(name: Nordvik); a text that goes on from the line above is indented more than its key",
                where + 1, 1)
    if ("alias" in context or "anchor" in context) and exc.context_mark:
        mark = exc.context_mark
        index, column, position = mark.line, mark.column, (mark.line + 1, mark.column + 1)
        line = lines[index] if index < len(lines) else ""
    if "alias" in context or "anchor" in context or "cannot start any token" in problem:
        char = text[mark.index] if mark and mark.index < len(text) else "?"
        return (f"a value cannot start with '{char}' unless it is in quotes: write \"{line[column:].strip()}\"",
                *position)
    return UNREADABLE, *position
