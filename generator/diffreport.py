"""`kam diff`'s reporters: a PlanDiff as Markdown (a pull-request comment, a job
summary) or as JSON. User text reaches Markdown only through render.escape.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from .diff import ARROW, Change, PlanDiff, count
from .render.escape import md

_HEADING = {"changed": "", "added": ": new account", "removed": ": removed"}


def to_markdown(diff: PlanDiff) -> str:
    """The diff as Markdown for a pull-request comment or a job summary."""
    out = [f"## Plan changes: {md(diff.base)} {ARROW} {md(diff.head)}", ""]
    counts = {status: sum(a.status == status for a in diff.accounts) for status in ("changed", "added", "removed")}
    if not (diff.accounts or diff.portfolio or diff.invalid):
        out.append("No changes to the plans.")
    else:
        summary = [f"{count(n, 'account')} {status}" for status, n in counts.items() if n]
        out.append((", ".join(summary) or "No account changed") + ".")
    for account in diff.accounts:
        out += ["", f"### {md(account.name)} (`{account.id}`){_HEADING[account.status]}", ""]
        out += [f"- {change.text(md)}" for change in account.changes]
    if diff.portfolio:
        out += ["", "### Portfolio", ""] + [f"- {change.text(md)}" for change in diff.portfolio]
    if diff.invalid:
        out += ["", "### Files that are not valid", ""]
        side = {"base": diff.base, "head": diff.head}
        out += [f"- {md(i.file)} in {md(side[i.side])}, line {i.line}, column {i.column}: {md(i.message)}"
                + (f" (and {i.more} more)" if i.more else "") for i in diff.invalid]
    if diff.notes:
        out += ["", "### Not compared", ""] + [f"- {md(note)}" for note in diff.notes]
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
