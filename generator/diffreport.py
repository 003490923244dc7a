"""`kam diff`'s reporters: a PlanDiff as Markdown (a pull-request comment, a job
summary) or as JSON. User text reaches Markdown only through render.escape.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from . import formats
from .diff import Change, PlanDiff, joined, revision
from .i18n import _, ngettext
from .render.escape import md


def _summary(counts: dict[str, int]) -> str:
    """'1 account changed, 2 accounts added.' (the statuses that have accounts)."""
    said = {"changed": lambda n: ngettext("{count} account changed", "{count} accounts changed", n),
            "added": lambda n: ngettext("{count} account added", "{count} accounts added", n),
            "removed": lambda n: ngettext("{count} account removed", "{count} accounts removed", n)}
    parts = [said[status](n).format(count=formats.number(n)) for status, n in counts.items() if n]
    # Translators: the first line of kam diff's summary: {counts} is a list ("1 account changed, 2 accounts added").
    return _("{counts}.").format(counts=joined(parts)) if parts else _("No account changed.")


def _heading(account) -> str:
    name = f"{md(account.name)} (`{account.id}`)"
    if account.status == "added":
        # Translators: a heading of kam diff; {account} is the account's name and id.
        return _("{account}: new account").format(account=name)
    if account.status == "removed":
        # Translators: a heading of kam diff; {account} is the account's name and id.
        return _("{account}: removed").format(account=name)
    return name


def _invalid(file, shown_revision: str) -> str:
    place = {"file": md(file.file), "revision": md(shown_revision), "line": file.line, "column": file.column,
             "message": md(file.message)}
    if file.more:
        # Translators: a plan file kam diff cannot read; {revision} is a commit id or "the working tree",
        # {message} the first error, {count} how many more there are.
        return ngettext("{file} in {revision}, line {line}, column {column}: {message} (and {count} more)",
                        "{file} in {revision}, line {line}, column {column}: {message} (and {count} more)",
                        file.more).format(count=formats.number(file.more), **place)
    # Translators: a plan file kam diff cannot read; {revision} is a commit id or "the working tree".
    return _("{file} in {revision}, line {line}, column {column}: {message}").format(**place)


def to_markdown(diff: PlanDiff) -> str:
    """The diff as Markdown for a pull-request comment or a job summary."""
    # Translators: the heading of kam diff's summary; {base} and {head} are commit ids or "the working tree".
    title = _("Plan changes: {base} → {head}").format(base=md(revision(diff.base)), head=md(revision(diff.head)))
    out = [f"## {title}", ""]
    counts = {status: sum(a.status == status for a in diff.accounts) for status in ("changed", "added", "removed")}
    if not (diff.accounts or diff.portfolio or diff.invalid):
        out.append(_("No changes to the plans."))
    else:
        out.append(_summary(counts))
    for account in diff.accounts:
        out += ["", f"### {_heading(account)}", ""]
        out += [f"- {change.text(md)}" for change in account.changes]
    if diff.portfolio:
        # Translators: a heading of kam diff: changes to the people directory, settings, portfolio-wide findings.
        out += ["", "### " + _("Portfolio"), ""] + [f"- {change.text(md)}" for change in diff.portfolio]
    if diff.invalid:
        side = {"base": revision(diff.base), "head": revision(diff.head)}
        out += ["", "### " + _("Files that are not valid"), ""]
        out += [f"- {_invalid(i, side[i.side])}" for i in diff.invalid]
    if diff.notes:
        # Translators: a heading of kam diff: what it could not compare, and why.
        out += ["", "### " + _("Not compared"), ""] + [f"- {md(note)}" for note in diff.notes]
    return "\n".join(out) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _change_json(change: Change) -> dict:
    return {"kind": change.kind, "subject": change.subject, "text": change.text(),
            "old": _plain(change.old), "new": _plain(change.new)}


def to_json(diff: PlanDiff) -> str:
    data = {
        "base": diff.base, "head": diff.head,
        "accounts": [{"id": a.id, "name": a.name, "status": a.status, "file": a.file, "old_file": a.old_file,
                      "changes": [_change_json(c) for c in a.changes]} for a in diff.accounts],
        "portfolio": [_change_json(c) for c in diff.portfolio],
        "invalid": [dataclasses.asdict(i) for i in diff.invalid],
        "notes": list(diff.notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
