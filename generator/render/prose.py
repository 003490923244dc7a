"""Markdown prose to HTML that can go anywhere in a generated page: the safe subset (generator/prose.py), links
to documents resolved or dropped, nh3 (ammonia) as a second wall, and the result made inert to the page's own
Markdown.

Two walls: the parser has no raw HTML, no images and only http, https, mailto and document links; then nh3
keeps only the tags and attributes that subset can produce. The HTML is then written on one line with each
character that Python-Markdown reads as syntax (`*_[]{}|\\` and backticks) as a character reference, so MkDocs
keeps it as it is, block or table cell.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from functools import lru_cache
from typing import Callable, Iterator, Optional

from ..prose import LINK_SCHEMES, link_scheme, may_link, parser

Resolver = Callable[[str], Optional[str]]  # a document path as written -> its URL from this page, or None

TAGS = {"p", "br", "strong", "em", "del", "s", "ul", "ol", "li", "a", "code", "pre", "blockquote", "hr",
        "table", "thead", "tbody", "tr", "th", "td", "h2", "h3", "h4", "h5", "h6"}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}

_resolver: contextvars.ContextVar[Optional[Resolver]] = contextvars.ContextVar("kam_prose_documents", default=None)
_BETWEEN_TAGS = re.compile(r">\n(?=<)")  # line breaks between tags mean nothing; inside <pre> they are text
_INERT = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]|\n\r"}


@contextlib.contextmanager
def documents(resolve: Optional[Resolver]) -> Iterator[None]:
    """While a page is built: how its prose links to documents (no resolver: document links become text)."""
    token = _resolver.set(resolve)
    try:
        yield
    finally:
        _resolver.reset(token)


def _drop_link(children: list, i: int) -> None:
    """Remove the link_open at i and its link_close, keeping the link's text."""
    depth = 0
    for j in range(i, len(children)):
        if children[j].type == "link_open":
            depth += 1
        elif children[j].type == "link_close":
            depth -= 1
            if depth == 0:
                del children[j]
                break
    del children[i]


def _links(children: list, resolve: Optional[Resolver]) -> None:
    i = 0
    while i < len(children):
        token = children[i]
        if token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            scheme = link_scheme(href)
            target = None if scheme and scheme not in LINK_SCHEMES else href if scheme else (
                resolve(href) if resolve else None)
            if target is None:
                _drop_link(children, i)
                continue
            token.attrs = {"href": target, **({"title": token.attrs["title"]} if "title" in token.attrs else {})}
        i += 1


def to_html(text: str, *, headings: int = 0, resolve: Optional[Resolver] = None) -> str:
    """The Markdown subset as sanitised HTML. `headings`: the level '#' is shown at (a notes file or a document,
    where '#' starts a section under the page's own headings); 0: '#' is text."""
    md = parser(headings=bool(headings))
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + headings - 1)}"
        elif token.type == "inline" and token.children:
            _links(token.children, resolve)
    return sanitise(md.renderer.render(tokens, md.options, {}))


def sanitise(html_text: str) -> str:
    """The second wall: only the tags and attributes the subset makes, links only to http, https, mailto and
    relative paths (opening no window that could reach back), comments dropped."""
    import nh3  # imported when a text is rendered: `kam diff` and `kam check` never do

    return nh3.clean(html_text, tags=TAGS, attributes=ATTRIBUTES, url_schemes=set(LINK_SCHEMES),
                     link_rel="noopener noreferrer nofollow", filter_style_properties={"text-align"},
                     strip_comments=True)


def inert(html_text: str) -> str:
    """Sanitised HTML on one line that Python-Markdown keeps as it is (character references for its syntax)."""
    return _BETWEEN_TAGS.sub(">", html_text.strip()).translate(_INERT)


@lru_cache(maxsize=16384)  # many plans share texts, and they come back on every build of `make serve`
def _cached(text: str, headings: int) -> str:
    return inert(to_html(text, headings=headings))


def render(text: str, *, headings: int = 0) -> str:
    """Prose for a generated page: `<div class="kam-prose">…</div>` on one line, documents linked as the page's
    resolver says. Texts with no relative link do not depend on the page, so they are cached."""
    resolve = _resolver.get()
    body = _cached(text, headings) if not may_link(text) else inert(
        to_html(text, headings=headings, resolve=resolve))
    return f'<div class="kam-prose">{body}</div>'
