"""One finding type for validation and policy checks, and the reporters that print it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Iterable

from . import formats
from .i18n import ngettext
from .plaintext import safe_json, safe_path, safe_text


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a place in a file: `path:line:col: severity: message [code]`.

    Line and column are 1-based; 0 means the whole file.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        # one finding, one line: a newline or control character in a file name or in user text
        # must not start a fake finding, a workflow command (::error) or a terminal sequence
        return (f"{safe_path(self.path)}:{self.line}:{self.column}: {self.severity.value}: "
                f"{safe_text(self.message)} [{safe_text(self.code)}]")


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code, diagnostic.message)


def _github_escape(text: str, *, property_value: bool = False) -> str:
    # GitHub's workflow-command encoding: %, CR and LF always; ':' and ',' in properties.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return safe_text(text)  # and no other control character (ESC) reaches the log


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in diagnostics)


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for d in diagnostics:
        props = [f"file={_github_escape(d.path, property_value=True)}"]
        if d.line:
            props.append(f"line={d.line}")
        if d.column:
            props.append(f"col={d.column}")
        props.append(f"title={_github_escape(d.code, property_value=True)}")
        lines.append(f"::{level[d.severity]} {','.join(props)}::{_github_escape(d.message)}\n")
    return "".join(lines)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    rows = [{**asdict(d), "severity": d.severity.value} for d in diagnostics]
    return safe_json(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}


def summary_line(diagnostics: list[Diagnostic], files: int) -> str:
    """The closing line for a human: counts by severity."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    count = formats.count(files)
    if not errors and not warnings:
        return ngettext("{count} file checked, no problems", "{count} files checked, no problems", files).format(
            count=count)
    # Translators: {errors} and {warnings} are numbers; write them so that they need no plural form of their
    # own, as in "3 files checked: errors: 0, warnings: 1".
    return ngettext("{count} file checked: {errors} error(s), {warnings} warning(s)",
                    "{count} files checked: {errors} error(s), {warnings} warning(s)", files).format(
        count=count, errors=formats.count(errors), warnings=formats.count(warnings))
