"""Prose: which plan fields are Markdown (the schema's contentMediaType mark), the one safe Markdown parser for them
and for notes files, and the outline (headings, links, with their lines) that validation checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import unquote

from .validate import validator

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MEDIA_TYPE = "text/markdown"
LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


class Prose(str):
    """A plan value the schema marks as Markdown (text/markdown): the renderer shows it as the safe subset."""

    __slots__ = ()


# --- which fields: from the schema ------------------------------------------------------

def _paths(node: Any, prefix: tuple) -> list[tuple]:
    if not isinstance(node, dict):
        return []
    if node.get("contentMediaType") == MEDIA_TYPE:
        return [prefix]
    found = []
    for name, sub in node.get("properties", {}).items():
        found += _paths(sub, prefix + (name,))
    if isinstance(node.get("items"), dict):
        found += _paths(node["items"], prefix + ("*",))
    return found


@cache
def prose_paths(kind: str = "plan") -> tuple[tuple, ...]:
    """Where the schema marks a value text/markdown; '*' stands for every item of a list."""
    return tuple(_paths(validator(kind).schema, ()))


def _mark(value: Any, path: tuple) -> Any:
    if not path:
        return Prose(value) if isinstance(value, str) else value
    head, rest = path[0], path[1:]
    if head == "*" and isinstance(value, list):
        return [_mark(item, rest) for item in value]
    if isinstance(value, dict) and head in value:
        return {**value, head: _mark(value[head], rest)}
    return value


def mark(data: Any, kind: str = "plan") -> Any:
    """A copy of validated `data` whose Markdown values are `Prose` (the input is left as it was)."""
    for path in prose_paths(kind):
        data = _mark(data, path)
    return data


def prose_values(data: Any, kind: str = "plan") -> list[tuple[tuple, str]]:
    """Every Markdown value in `data` with its path into the document."""
    out: list[tuple[tuple, str]] = []

    def walk(value: Any, path: tuple, at: tuple) -> None:
        if not path:
            if isinstance(value, str):
                out.append((at, value))
        elif path[0] == "*" and isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path[1:], at + (i,))
        elif isinstance(value, dict) and path[0] in value:
            walk(value[path[0]], path[1:], at + (path[0],))

    for path in prose_paths(kind):
        walk(data, path, ())
    return out


# --- the parser -------------------------------------------------------------------------

def link_scheme(url: str) -> Optional[str]:
    """The URL's scheme in lower case, or None for a relative path (a document of the account)."""
    match = _SCHEME.match(url.strip())
    return match.group(1).lower() if match else None


def allowed_link(url: str) -> bool:
    """http, https and mailto links, and relative paths (the account's own documents); nothing else."""
    scheme = link_scheme(url)
    if scheme is not None:
        return scheme in LINK_SCHEMES
    return not url.strip().startswith(("/", "\\")) and bool(url.strip())


@cache
def parser(*, headings: bool) -> MarkdownIt:
    """CommonMark without raw HTML (shown as text), images or indented code; with tables, strikethrough and a
    line break for every line break. Headings only where the text is a page section of its own (notes files):
    in a plan's field '# text' stays text."""
    from markdown_it import MarkdownIt  # imported when a text is parsed: most commands never do

    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable(["image", "code", "html_block", "html_inline"])
    if not headings:
        md.disable(["heading", "lheading"])
    md.validateLink = allowed_link
    return md


# --- the outline: what validation checks ------------------------------------------------

@dataclass(frozen=True)
class Heading:
    line: int  # 1-based, in the text
    level: int
    text: str


@dataclass(frozen=True)
class Link:
    line: int
    column: int
    target: str  # as written, percent-decoded


def _column(source_lines: list[str], line: int, target: str) -> int:
    text = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    for needle in (target, target.replace(" ", "%20")):
        found = text.find(needle)
        if found >= 0:
            return found + 1
    return 1


def may_link(text: str) -> bool:
    """False when the text cannot hold a link to a document ([text](path) or [ref]: path): most texts."""
    return "](" in text or "]:" in text


def outline(text: str, *, headings: bool = True) -> tuple[list[Heading], list[Link]]:
    """The text's headings, and its links to documents (relative links), each at its line and column."""
    source_lines = text.splitlines()
    found_headings: list[Heading] = []
    links: list[Link] = []
    tokens = parser(headings=headings).parse(text)
    start = 0
    for i, token in enumerate(tokens):
        if token.map:
            start = token.map[0]
        if token.type == "heading_open":
            found_headings.append(Heading(start + 1, int(token.tag[1]), tokens[i + 1].content))
        if token.type != "inline":
            continue
        line = start + 1
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                if link_scheme(href) is None:
                    target = unquote(href)
                    links.append(Link(line, _column(source_lines, line, target), target))
    return found_headings, links
