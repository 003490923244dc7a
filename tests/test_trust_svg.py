"""Every SVG that reaches the site is checked, from the cache or from Graphviz: nothing active or external."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

import pytest

from generator import checks, site
from generator.render import graphviz, svgcheck

TODAY = dt.date(2026, 11, 23)
HEAD = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
SCRIPT = HEAD + b"<script>alert(document.domain)</script></svg>"


def _svg(body: str) -> bytes:
    return HEAD + body.encode() + b"</svg>"


@pytest.mark.parametrize("svg, why", [
    (SCRIPT, "<script>"),
    (_svg('<g onload="alert(1)"/>'), "onload"),
    (_svg('<g ONCLICK="alert(1)"/>'), "ONCLICK"),
    (_svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), "foreignObject"),
    (_svg('<use xlink:href="https://evil.example/sprite.svg#a"/>'), "<use>"),
    (_svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>'), "javascript"),
    (_svg('<a href="//evil.example/"><text>x</text></a>'), "evil"),
    (_svg('<a xlink:href="https://evil.example/"><text>x</text></a>'), "evil"),
    (_svg('<g style="fill: url(https://evil.example/x.svg#p)"/>'), "url("),
    (_svg('<g fill="url( \'http://evil.example/\')"/>'), "url("),
    (_svg('<image xlink:href="x.png"/>'), "<image>"),
    (_svg('<style>@import "https://evil.example/x.css";</style>'), "<style>"),
    (_svg('<g xml:base="https://evil.example/"/>'), "xml:base"),
    (_svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script>'), "outside SVG"),
    (b'<?xml-stylesheet href="https://evil.example/x.css"?>' + _svg(""), "processing instruction"),
    (b'<!DOCTYPE svg [<!ENTITY x "y">]>' + _svg("<text>&x;</text>"), "internal subset"),
    (b'<html xmlns="http://www.w3.org/1999/xhtml"><script>x</script></html>', "not an SVG"),
    (SCRIPT[: len(SCRIPT) // 2], "not well-formed"),
    (b"", "not well-formed"),
])
def test_unsafe_or_broken_svg_is_refused(svg: bytes, why: str):
    found = svgcheck.problem(svg)
    assert found is not None and why in found


def test_the_links_kam_puts_in_its_diagrams_pass():
    body = ('<defs><linearGradient id="l_0"><stop offset="0"/></linearGradient></defs>'
            '<g id="a_node1"><a xlink:href="../#s-kari" xlink:title="Kari" target="_top">'
            '<polygon fill="url(#l_0)" points="0,0 1,1"/><text>Kari &amp; Ola</text></a></g>'
            '<a xlink:href="../../../people/jtamm/"><text>x</text></a><a xlink:href="#s-ola"><text>y</text></a>')
    assert svgcheck.problem(_svg(body)) is None


def _build(root: Path, cache: Path) -> site.Site:
    portfolio = site.load(root)
    return site.build(portfolio, checks.run_checks(portfolio, TODAY), site.Options(TODAY, cache_dir=cache))


def test_every_real_diagram_passes_the_check(repo: Path, tmp_path: Path):
    built = _build(repo, tmp_path / "svg")
    assert built.diagrams
    for path in built.diagrams.values():
        assert svgcheck.problem(path.read_bytes()) is None


def test_a_script_at_a_diagrams_cache_path_is_never_published(repo: Path, tmp_path: Path):
    cache = tmp_path / "svg"
    clean = {uri: path.read_bytes() for uri, path in _build(repo, tmp_path / "clean").diagrams.items()}
    portfolio = site.load(repo)
    sources = site.diagram_sources(site.context(portfolio, (), site.Options(TODAY)))
    version = graphviz.graphviz_version()
    for source in sources.values():
        # where main put it (an unkeyed hash anyone can compute), and the keyed path itself
        plain = hashlib.sha256(b"\0".join(part.encode() for part in (graphviz.CACHE_VERSION, version, source)) + b"\0")
        for key in (plain.hexdigest(), graphviz.cache_key(source, version)):
            path = cache / key[:2] / f"{key}.svg"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(SCRIPT)
    built = _build(repo, cache)
    published = {uri: path.read_bytes() for uri, path in built.diagrams.items()}
    assert published == clean
    assert built.stats.rendered == len(clean)


def test_a_truncated_or_linked_cached_svg_is_rendered_again(repo: Path, tmp_path: Path):
    cache = tmp_path / "svg"
    first = {uri: path.read_bytes() for uri, path in _build(repo, cache).diagrams.items()}
    paths = list(_build(repo, cache).diagrams.values())
    paths[0].write_bytes(paths[0].read_bytes()[:500])
    if len(paths) > 1:
        paths[1].unlink()
        paths[1].symlink_to("/dev/zero")
    again = _build(repo, cache)
    assert {uri: path.read_bytes() for uri, path in again.diagrams.items()} == first
    assert again.stats.rendered == min(2, len(paths))


def test_graphviz_output_that_fails_the_check_is_a_build_error_naming_the_account(repo: Path, tmp_path: Path,
                                                                                   monkeypatch):
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\ncat >/dev/null\nprintf '%s' '" + SCRIPT.decode() + "'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    cache = tmp_path / "svg"
    with pytest.raises(site.SiteError) as caught:
        _build(repo, cache)
    assert "account 'nordvik'" in str(caught.value) and "script" in str(caught.value)
    assert not [p for p in cache.rglob("*.svg")]
