"""Erasing one of the customer's people from the current plans, keeping every comment and the
formatting of everything else.

ruamel.yaml's round-trip parser finds each element to remove (its line and column, whether a list is
written `[a, b]` or as `- a` lines); the edit then removes exactly those lines, or that item of a
`[...]` list, from the original text. (Dumping the edited tree instead would re-flow nothing here, but
ruamel hangs a comment written above an item on the item before it, so removing that item would lose
the next one's comment.) A list left empty goes with its key. The result is parsed again before it is
written; the caller validates the portfolio and puts the files back when it is not valid.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..diagnostics import Diagnostic, Severity
from ..model import Loc, Portfolio
from ..workspace import load_portfolio
from . import namer, references


class ErasureError(Exception):
    """The person cannot be erased automatically; the message says where to edit by hand."""


@dataclass(frozen=True)
class Change:
    file: str
    account: str
    stakeholder: str
    name: str
    before: str
    after: str
    removed: tuple[str, ...]  # what was removed, in words
    mentions: tuple[tuple[int, str], ...]  # (line, text) still naming them in free text or comments


def _yaml() -> YAML:
    return YAML(typ="rt")


def _node(doc, path: Loc):
    for key in path:
        doc = doc[key]
    return doc


def _position(doc, path: Loc) -> tuple[int, int]:
    """0-based line and column of the element at `path` (a map key's key, a list item's value)."""
    parent = _node(doc, path[:-1])
    return parent.lc.key(path[-1]) if isinstance(parent, CommentedMap) else parent.lc.item(path[-1])


def _is_flow(node) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and node.fa.flow_style()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block(lines: list[str], start: int, column: int) -> tuple[int, int]:
    """Lines [start, end) of the element starting on line `start` at `column` (its key or its dash):
    every following line indented deeper, blank lines inside it; one blank line around it goes too.
    Comment lines at its end stay: they are written above what follows."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > column):
        end += 1
    while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    if start > 0 and not lines[start - 1].strip() and end < len(lines) and not lines[end].strip():
        end += 1
    return start, end


def _flow_items(text: str, opening: int) -> tuple[int, list[str]]:
    """The end offset (after `]`) of the flow list opening at `opening`, and its items' texts."""
    depth, quote, items, current = 0, "", [], []
    for offset in range(opening, len(text)):
        char = text[offset]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth == 1:
                continue
        elif char in "]}":
            depth -= 1
            if depth == 0:
                items.append("".join(current).strip())
                return offset + 1, [item for item in items if item]
        elif char == "," and depth == 1:
            items.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    raise ErasureError("a [...] list is not closed")


def _group(doc, paths: list[Loc]) -> dict[Loc, set]:
    """Removals by container; a list that would be left empty is removed as its parent's key instead."""
    by_parent: dict[Loc, set] = defaultdict(set)
    for path in paths:
        by_parent[path[:-1]].add(path[-1])
    changed = True
    while changed:
        changed = False
        for parent, keys in list(by_parent.items()):
            if parent and isinstance(_node(doc, parent), CommentedSeq) and len(keys) == len(_node(doc, parent)):
                del by_parent[parent]
                by_parent[parent[:-1]].add(parent[-1])
                changed = True
    return by_parent


class _Text:
    """The original text with line offsets, and the edits to make to it."""

    def __init__(self, text: str, where: str) -> None:
        self.text, self.where = text, where
        self.lines = text.splitlines(keepends=True)
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line))
        self.edits: list[tuple[int, int, str]] = []  # (start offset, end offset, replacement)

    def flow_items(self, doc, path: Loc, drop: set) -> None:
        """Drop items of the `[...]` list at `path`."""
        line, column = _position(doc, path)
        if isinstance(_node(doc, path), CommentedMap) or "[" not in self.lines[line][column:]:
            raise ErasureError(f"{self.where}:{line + 1}: written in a way kam does not edit ({{...}}, or a [...] "
                               f"list not on its key's line): remove the person here by hand")
        start = self.offsets[line] + self.lines[line].index("[", column)
        end, items = _flow_items(self.text, start)
        kept = [item for i, item in enumerate(items) if i not in drop]
        self.edits.append((start, end, "[" + ", ".join(kept) + "]"))

    def block_element(self, doc, path: Loc) -> None:
        """Remove the lines of the key or list item at `path`."""
        line, column = _position(doc, path)
        before = self.lines[line][:column]
        if isinstance(_node(doc, path[:-1]), CommentedSeq):
            column = before.rindex("-")
        elif before.strip():  # the first key of a list item, on the dash's line
            raise ErasureError(f"{self.where}:{line + 1}: '{path[-1]}' shares its line with the item's dash: "
                               f"remove it by hand")
        first, last = _block(self.lines, line, column)
        self.edits.append((self.offsets[first], self.offsets[last], ""))

    def result(self) -> str:
        out, previous = self.text, len(self.text) + 1
        for start, end, replacement in sorted(self.edits, reverse=True):
            if end > previous:  # inside an element already removed
                continue
            out = out[:start] + replacement + out[end:]
            previous = start
        return out


def remove(text: str, paths: list[Loc], where: str) -> str:
    """`text` without the elements at `paths` (paths into the YAML document)."""
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        raise ErasureError(f"{where}: cannot be read for the edit: {exc}") from None
    edit = _Text(text, where)
    for parent_path, keys in _group(doc, paths).items():
        if parent_path and _is_flow(_node(doc, parent_path)):
            edit.flow_items(doc, parent_path, keys)
        else:
            for key in keys:
                edit.block_element(doc, parent_path + (key,))
    out = edit.result()
    try:
        _yaml().load(out)
    except YAMLError as exc:  # pragma: no cover - a bug in the edit: never write it
        raise ErasureError(f"{where}: the edit would break the file ({exc}); nothing was written") from None
    return out


def mentions(text: str, sid: str, name: str) -> tuple[tuple[int, str], ...]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(sid)}(?![\w-])|{re.escape(name)}", re.IGNORECASE)
    return tuple((number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if pattern.search(line))


def changes(portfolio: Portfolio, sid: str, account: Optional[str] = None) -> list[Change]:
    """The edit of every plan (or only `account`'s) that has stakeholder `sid`."""
    out = []
    for plan in portfolio.plans:
        person = plan.stakeholder(sid)
        if person is None or (account is not None and plan.id != account):
            continue
        before = Path(plan.file).read_text(encoding="utf-8")
        refs = references(plan, sid, namer(portfolio))
        after = remove(before, [person.path] + [r.path for r in refs], plan.file)
        removed = (f"stakeholder {person.name} ({sid})",) + tuple(r.what for r in refs)
        out.append(Change(plan.file, plan.id, sid, person.name, before, after, removed,
                          mentions(after, sid, person.name)))
    return out


def apply(root: Path, planned: list[Change]) -> list[Diagnostic]:
    """Write the edits; when the portfolio is then not valid, put every file back and return the errors."""
    for change in planned:
        Path(change.file).write_text(change.after, encoding="utf-8")
    result = load_portfolio(root)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        for change in planned:
            Path(change.file).write_text(change.before, encoding="utf-8")
    return errors


def rewrite_command(name: str, sid: str) -> str:
    """The command that would rewrite git history without the person (every clone must then be replaced)."""
    by_id = "regex:(?<![\\w-])" + re.escape(sid) + "(?![\\w-])==>erased"
    return (f"printf '%s\\n' {_shell(name + '==>[erased]')} {_shell(by_id)} > /tmp/kam-erase.txt && "
            f"git filter-repo --replace-text /tmp/kam-erase.txt")


def _shell(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def report(applied: list[Change], commits: list, no_history: Optional[str]) -> list[str]:
    """What was removed, what still names them, and what git history still holds."""
    lines = []
    for change in applied:
        lines.append(f"{change.file}: removed " + "; ".join(change.removed))
        lines += [f"{change.file}:{number}: still names them (free text or a comment; edit it by hand): {text}"
                  for number, text in change.mentions]
    if no_history:
        lines.append(f"git history: {no_history}")
    elif commits:
        lines.append(f"git history still holds them: {len(commits)} commit(s) add, change or name them, the latest "
                     f"{commits[0].id[:12]} ({commits[0].date}), the oldest {commits[-1].id[:12]} "
                     f"({commits[-1].date}), and every version of the plan in between. Commit this "
                     f"erasure without their name in the message (the site shows the latest commit's subject), "
                     f"then, to remove them from history too (every clone and fork must be replaced after it):")
        lines += [f"  {rewrite_command(name, applied[0].stakeholder)}" for name in sorted({c.name for c in applied})]
    lines.append("local caches: .cache/kam/ may hold earlier versions of the plans until they are pruned (unused "
                 "for an hour); remove the folder to be sure (it is rebuilt)")
    return lines
