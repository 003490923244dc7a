"""A subject-access answer: everything the plans hold about one of the customer's people, with
file:line, personal data included, and the commits in git history that mention them."""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .. import gitio
from ..model import Plan, Portfolio, Stakeholder
from ..workspace import ACCOUNTS_DIR
from . import namer, references


@dataclass(frozen=True)
class Item:
    line: int
    column: int
    field: str  # e.g. "title", "private.birthday", or a reference in words
    value: str


@dataclass(frozen=True)
class Record:
    """One person in one plan."""

    file: str
    account: str
    account_name: str
    stakeholder: str
    name: str
    fields: tuple[Item, ...]  # their own entry, personal data included
    references: tuple[Item, ...]  # other parts of the plan that name them
    mentions: tuple[Item, ...]  # lines of the file whose text (or comments) contain their name or id


@dataclass(frozen=True)
class CommitMention:
    id: str
    date: str
    author: str
    subject: str


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def matches(stakeholder: Stakeholder, query: str) -> bool:
    """The query is their id, or their name (case and spacing aside)."""
    return stakeholder.id == query or _fold(stakeholder.name) == _fold(query)


def _value(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)


def _fields(plan: Plan, s: Stakeholder) -> list[Item]:
    items = []
    for f in dataclasses.fields(s):
        value = getattr(s, f.name)
        if f.name == "path" or value in (None, (), ""):
            continue
        if f.name == "private":
            for key, text in value.items():
                items.append(Item(*plan.position(s.path + ("private", key)), f"private.{key}", text))
            continue
        items.append(Item(*plan.position(s.path + (f.name,)), f.name, _value(value)))
    return sorted(items, key=lambda item: (item.line, item.column))


def _mentions(plan: Plan, s: Stakeholder, listed: set[int]) -> list[Item]:
    """Other lines of the file whose text names them (free text, comments)."""
    try:
        lines = Path(plan.file).read_text(encoding="utf-8").splitlines() if plan.file else []
    except OSError:
        return []
    pattern = re.compile(rf"(?<![\w-]){re.escape(s.id)}(?![\w-])|{re.escape(s.name)}", re.IGNORECASE)
    return [Item(number, match.start() + 1, "mentioned", line.strip())
            for number, line in enumerate(lines, 1) if number not in listed and (match := pattern.search(line))]


def find(portfolio: Portfolio, query: str) -> list[Record]:
    """Every plan's record of the person: by stakeholder id or by name."""
    records, name_of = [], namer(portfolio)
    for plan in portfolio.plans:
        for s in plan.stakeholders:
            if not matches(s, query):
                continue
            fields = _fields(plan, s)
            refs = [Item(*plan.position(r.path), "reference", r.what) for r in references(plan, s.id, name_of)]
            listed = {item.line for item in fields + refs}
            records.append(Record(plan.file, plan.id, plan.name, s.id, s.name, tuple(fields), tuple(refs),
                                  tuple(_mentions(plan, s, listed))))
    return records


def git_mentions(root: Path, needles: list[str]) -> tuple[list[CommitMention], Optional[str]]:
    """Commits whose changes to the plans add or remove one of `needles`, or whose message names one;
    (commits, None), or ([], why there is no history)."""
    try:
        gitio.require_repository(root)
    except gitio.GitError as exc:
        return [], f"no git history: {str(exc).removeprefix('fatal: ')}"
    found: dict[str, CommitMention] = {}
    fmt = "--format=%H%x1f%ad%x1f%an%x1f%s"
    for needle in needles:
        for args in (("-S", needle, "--", ACCOUNTS_DIR), ("-i", "--fixed-strings", f"--grep={needle}")):
            try:
                out = gitio.git(root, "log", "--all", "--date=short", fmt, *args).decode("utf-8", "replace")
            except gitio.GitError:
                continue
            for line in out.splitlines():
                parts = line.split("\x1f")
                if len(parts) == 4:
                    found.setdefault(parts[0], CommitMention(*parts))
    return sorted(found.values(), key=lambda c: (c.date, c.id), reverse=True), None


def to_text(query: str, records: list[Record], commits: list[CommitMention], no_history: Optional[str]) -> str:
    if not records:
        lines = [f"nobody called or with the id '{query}' in the current plans"]
    else:
        lines = []
    for r in records:
        lines.append(f"{r.name} ({r.stakeholder}) in {r.account_name} ({r.file}):")
        for item in r.fields + r.references + r.mentions:
            lines.append(f"  {r.file}:{item.line}:{item.column}: {item.field}: {item.value}")
    if no_history:
        lines.append(f"git history: {no_history}")
    elif commits:
        lines.append(f"git history: {len(commits)} commit(s) mention them:")
        lines += [f"  {c.id[:12]} {c.date} {c.author}: {c.subject}" for c in commits]
    else:
        lines.append("git history: no commit mentions them")
    return "\n".join(lines) + "\n"


def to_json(query: str, records: list[Record], commits: list[CommitMention], no_history: Optional[str]) -> str:
    data = {"query": query, "records": [dataclasses.asdict(r) for r in records],
            "commits": [dataclasses.asdict(c) for c in commits], "history": no_history or "available"}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
