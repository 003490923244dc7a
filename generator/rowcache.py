"""For `kam serve`: a big page converts only its changed table rows from Markdown; the others come
from the previous build of that page.

The dashboard of 1,000 accounts is 1.7 MB of Markdown tables and takes Python-Markdown ~4 s, and
nearly every edit changes one of its rows (a finding's line number). This MkDocs plugin, added to
kam serve's build only (the published site is converted whole), takes each table row whose
Markdown it has seen on that page before out of the Markdown, lets MkDocs convert the rest as
usual (so links are resolved as always), and puts the kept rows' HTML back in their places.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

MIN_CHARS = 100_000  # smaller pages convert fast enough whole
_SEPARATOR = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
_TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)


def tables(lines: list[str]) -> list[tuple[int, int]]:
    """(first body row, end) line ranges of the Markdown tables (a header row, a separator, rows)."""
    found, at = [], 1
    while at < len(lines):
        if _SEPARATOR.match(lines[at]) and lines[at - 1].startswith("|"):
            end = at + 1
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            found.append((at + 1, end))
            at = end
        at += 1
    return found


def rows_of(tbody: str) -> list[str]:
    return _ROW.findall(tbody)


class RowCache(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[tuple[str, int], dict[str, str]] = {}  # (page, table) -> row Markdown -> its HTML
        self.plans: dict[str, list[list[tuple[str, bool]]]] = {}  # page -> per table (row, kept?)

    def on_page_markdown(self, markdown: str, page, **_) -> str:
        uri = page.file.src_uri
        self.plans.pop(uri, None)
        if len(markdown) < MIN_CHARS or "<table" in markdown:
            return markdown
        lines = markdown.split("\n")
        plan, drop = [], set()
        for number, (start, end) in enumerate(tables(lines)):
            known = self.rows.get((uri, number), {})
            rows = [(lines[i], lines[i] in known) for i in range(start, end)]
            drop.update(i for i in range(start, end) if lines[i] in known)
            plan.append(rows)
        self.plans[uri] = plan
        return "\n".join(line for i, line in enumerate(lines) if i not in drop)

    def on_page_content(self, html: str, page, **_) -> str:
        uri = page.file.src_uri
        plan = self.plans.pop(uri, None)
        if plan is None:
            return html
        parts = re.split(r"(<table>.*?</table>)", html, flags=re.S)
        tables_html = [i for i, part in enumerate(parts) if part.startswith("<table>")]
        if len(tables_html) != len(plan):  # not the tables we planned for: keep nothing from this page
            self.rows = {key: value for key, value in self.rows.items() if key[0] != uri}
            return html
        for number, (index, rows) in enumerate(zip(tables_html, plan)):
            known = self.rows.setdefault((uri, number), {})
            body = _TBODY.search(parts[index])
            converted = iter(rows_of(body.group(1)) if body else [])
            out = []
            for markdown, kept in rows:
                row = known[markdown] if kept else next(converted, "")
                known[markdown] = row
                out.append(row)
            self.rows[(uri, number)] = {markdown: known[markdown] for markdown, _ in rows}  # only current rows
            new_body = "<tbody>\n" + "\n".join(out) + "\n</tbody>" if out else ""
            parts[index] = _TBODY.sub(lambda _: new_body, parts[index], count=1) if body else \
                parts[index].replace("</table>", new_body + "\n</table>" if out else "</table>")
        return "".join(parts)
