"""Text for terminals and CI logs: user text printed as data, never as a command or a control sequence.

A file name or a message may hold a newline (a second, forged line: GitHub
Actions reads a line that starts with `::`, or `##[`, after any spaces, as a
workflow command), ESC or CSI
(a terminal moves the cursor, recolours, retitles) or any other control
character. `safe_text` writes each of them as a visible escape (`\\n`, `\\x1b`,
`\\u2028`), so one message stays one line and shows what the file holds;
`safe_path` also keeps a path from starting a line with a command (it gets
`./`, the same file), `safe_lines` escapes such a line's first character.
Everything kam prints as text goes through one of them.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0, DEL, C1 (CSI is U+009B) and the Unicode line and paragraph separators
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """`text` with every control character written as a visible escape."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def _starts_command(line: str) -> bool:
    return line.lstrip().startswith(("::", "##["))


def safe_path(path: str) -> str:
    """A path to print at the start of a line: safe_text, and never starting a workflow command."""
    text = safe_text(path)
    return f"./{text}" if _starts_command(text) else text


def safe_lines(text: str) -> str:
    """Many lines, each made safe (safe_text), the line breaks kept; a line that would start a
    workflow command gets its first character escaped (`\\x3a:error`)."""
    out = []
    for line in text.split("\n"):
        line = safe_text(line)
        if _starts_command(line):
            start = len(line) - len(line.lstrip())
            line = f"{line[:start]}\\x{ord(line[start]):02x}{line[start + 1:]}"
        out.append(line)
    return "\n".join(out)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")  # what json.dumps(ensure_ascii=False) leaves raw


def safe_json(text: str) -> str:
    """JSON text (from json.dumps) with DEL, C1 controls and line separators as \\u escapes: the same data."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
