"""Markdown building blocks. Every argument that is not already `Markdown`
is user text and goes through `escape.md`; links and anchors are built from
generated paths and validated ids only."""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from .escape import SLUG, Markdown, html, md, yaml_string

_TARGET = re.compile(r"^[a-z0-9./_-]*(#[a-z0-9_-]+)?$")


_NUMERIC = re.compile(r"[0-9A-Z ,.:%()+\-–—▲▼▬]{1,28}")


def nw(text) -> Markdown:
    """Escaped text that the browser must not wrap (a date, an amount)."""
    return Markdown(f'<span class="kam-nw">{md(text)}</span>')


def cell(value) -> Markdown:
    """One table cell: escaped text, or '–' when there is nothing.

    Short numeric text (dates, amounts, periods) is kept on one line: a
    browser would otherwise break 2026-10-13 at its hyphens.
    """
    if value is None or value == "" or value == ():
        return Markdown("–")
    if isinstance(value, str) and not isinstance(value, Markdown) and _NUMERIC.fullmatch(value):
        return nw(value)
    return md(value)


def link(text, target: str) -> Markdown:
    """[text](target): the text is user text, the target a path this package built."""
    if not _TARGET.match(target):
        raise ValueError(f"not a generated link target: {target!r}")
    return Markdown(f"[{md(text)}]({target})")


def anchor_id(prefix: str, identifier: str) -> str:
    """An HTML id from a validated slug: 's-kari'."""
    if not SLUG.match(identifier):
        raise ValueError(f"not an id: {identifier!r}")
    return f"{prefix}-{identifier}"


def bold(text) -> Markdown:
    return Markdown(f"**{md(text)}**") if md(text) else Markdown("")


def bold_anchor(text, anchor: str) -> Markdown:
    """Bold text carrying an id (attr_list), the target of links from elsewhere."""
    if not re.match(r"^[a-z0-9_-]+$", anchor):
        raise ValueError(f"not an anchor: {anchor!r}")
    return Markdown(f"**{md(text)}**{{#{anchor}}}")


def small(text) -> Markdown:
    return Markdown(f"<small>{md(text)}</small>") if md(text) else Markdown("")


def join(parts: Iterable, separator: str = ", ") -> Markdown:
    """Cells or phrases joined; each part escaped unless already Markdown."""
    return Markdown(separator.join(md(p) for p in parts if p not in (None, "")))


def heading(level: int, text, anchor: Optional[str] = None, *, search: bool = True) -> str:
    """A heading; `search=False` keeps its section out of the search index
    (Material skips a section whose heading has data-search-exclude)."""
    attributes = ([f"#{anchor}"] if anchor else []) + ([] if search else ["data-search-exclude"])
    suffix = f" {{{' '.join(attributes)}}}" if attributes else ""
    return f"{'#' * level} {md(text)}{suffix}"


def table(headers: Sequence[str], rows: Iterable[Sequence], align: Optional[str] = None) -> list[str]:
    """A Markdown table; `align` is one letter per column (l, r, c)."""
    align = align or "l" * len(headers)
    rule = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(md(h) for h in headers) + " |",
             "|" + "|".join(rule[a] for a in align) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell(value) for value in row) + " |")
    return lines + [""]


def bullets(items: Iterable) -> list[str]:
    return [f"- {md(item)}" for item in items] + [""]


def none(text: str = "None recorded.") -> list[str]:
    return [f"*{md(text)}*", ""]


def front_matter(title: str, hide: Sequence[str] = (), *, search: bool = True) -> list[str]:
    """The page's YAML front matter.

    The title is given here, HTML-escaped, because Material puts the page
    title into <title> and the header unescaped; a title taken from the H1
    would be unescaped by Jinja's striptags on the way (`</title>` in an
    account name would end the element). `search=False` keeps the whole
    page out of the search index (overviews that repeat every account).
    """
    lines = ["---", f"title: {yaml_string(html(title))}"]
    if hide:
        lines.append("hide:")
        lines.extend(f"  - {item}" for item in hide)
    if not search:
        lines += ["search:", "  exclude: true"]
    return lines + ["---", ""]


def admonition(kind: str, title: str, body: Sequence[str]) -> list[str]:
    """!!! kind "title" with an indented body (kind and title are our own words)."""
    lines = [f'!!! {kind} "{html(title)}"', ""]
    lines.extend(("    " + line) if line else "" for line in body)
    return lines + [""]
