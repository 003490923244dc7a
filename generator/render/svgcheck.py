"""Check an SVG before it is published: well-formed, Graphviz's vocabulary only, nothing active or external.

Parsed with the standard library's expat (no regex): the document must be one
`<svg>` element in the SVG namespace holding only the elements Graphviz writes
(no `<script>`, `<foreignObject>`, `<use>`, `<image>`, `<style>`), with no
processing instruction, no entity declaration or internal DTD subset, no event
attribute (`on*`), no `xml:base`, and links and `url(...)` references only to
fragments of the document (`#id`) or to relative paths inside the site (the
page links kam puts in its diagrams). expat never fetches an external DTD.
"""

from __future__ import annotations

import re
from typing import Optional
from xml.parsers import expat

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

# What Graphviz (2.4x-12.x) writes with -Tsvg.
ELEMENTS = frozenset({"svg", "g", "title", "desc", "a", "polygon", "polyline", "path", "ellipse", "circle", "line",
                      "rect", "text", "tspan", "defs", "linearGradient", "radialGradient", "stop"})
_LINK = re.compile(r"#[\w.:-]*|(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?![/\\])[\w.~%/-]*(?:#[\w.:-]*)?")
_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^)'\"]*)", re.I)


class UnsafeSVG(Exception):
    """The SVG holds something a published page must not."""


def _check_attributes(element: str, attributes: dict) -> None:
    for name, value in attributes.items():  # fast paths first: a diagram has ~300 elements
        local = name.rpartition(" ")[2] if " " in name else name
        if local[:2].lower() == "on":
            raise UnsafeSVG(f"an event attribute ({local}) on <{element}>")
        if local == "href" and not _LINK.fullmatch(value.strip()):
            raise UnsafeSVG(f"a link to outside the site ({value[:80]!r}) on <{element}>")
        if local == "base" and name.startswith(XML):
            raise UnsafeSVG(f"an xml:base attribute on <{element}>")
        if "(" in value:
            for target in _URL.findall(value):
                if not target.strip().startswith("#"):
                    raise UnsafeSVG(f"a reference to outside the document (url({target[:80]})) on <{element}>")


_ALLOWED = frozenset(f"{SVG} {name}" for name in ELEMENTS)


def _start(name: str, attributes: dict) -> None:
    if name not in _ALLOWED:
        namespace, _, local = name.rpartition(" ")
        raise UnsafeSVG(f"a <{local}> element" + ("" if namespace == SVG else f" outside SVG ({namespace or 'no namespace'})"))
    if attributes:
        _check_attributes(name[len(SVG) + 1:], attributes)


def problem(data: bytes) -> Optional[str]:
    """Why `data` must not be published, in words; None when it is a safe SVG."""
    parser = expat.ParserCreate(namespace_separator=" ")
    depth = {"elements": 0}

    def start(name: str, attributes: dict) -> None:
        if depth["elements"] == 0 and name != f"{SVG} svg":
            raise UnsafeSVG("the document is not an SVG (its top element is not <svg>)")
        depth["elements"] += 1
        _start(name, attributes)

    def refuse(what: str):
        def handler(*_args) -> None:
            raise UnsafeSVG(what)
        return handler

    def doctype(_name, _system, _public, has_internal_subset) -> None:
        if has_internal_subset:
            raise UnsafeSVG("a DTD with an internal subset")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.ProcessingInstructionHandler = refuse("a processing instruction")
    parser.EntityDeclHandler = refuse("an entity declaration")
    parser.UnparsedEntityDeclHandler = refuse("an entity declaration")
    parser.ExternalEntityRefHandler = refuse("an external entity")
    try:
        parser.Parse(data, True)
    except UnsafeSVG as exc:
        return str(exc)
    except expat.ExpatError as exc:
        return f"not well-formed XML ({expat.ErrorString(exc.code)}, line {exc.lineno})"
    if depth["elements"] == 0:
        return "the document is empty"
    return None
