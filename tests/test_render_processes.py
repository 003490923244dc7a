"""A cold build renders its diagrams in worker processes: the same SVG files, the same failures."""

from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path

import pytest

from generator.render import graphviz

SOURCES = [f'digraph {{ "n{i}" -> "m{i}" [label="é {i}"]; "m{i}" -> "n{i}" }}' for i in range(7)]
SCRIPT = ('<?xml version="1.0"?>\\n<svg xmlns="http://www.w3.org/2000/svg">'
          '<script>alert(1)</script></svg>')


@pytest.fixture
def processes(monkeypatch):
    """Worker processes even for a handful of diagrams (a cold build has thousands)."""
    monkeypatch.setattr(graphviz, "PROCESSES_FROM", 2)


def _files(cache: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in cache.rglob("*.svg")}


def test_worker_processes_write_the_same_sealed_svgs_as_one_process(tmp_path, processes):
    done: list[int] = []
    paths = graphviz.render_all(SOURCES, tmp_path / "two", workers=2, progress=lambda d, _t: done.append(d))
    graphviz.render_all(SOURCES, tmp_path / "one", workers=1)
    assert _files(tmp_path / "two") == _files(tmp_path / "one") and len(_files(tmp_path / "one")) == len(SOURCES)
    assert all(graphviz.is_sealed(path) for path in paths.values())  # sealed here, with this machine's secret
    assert done == list(range(1, len(SOURCES) + 1))
    again = graphviz.RenderStats()
    graphviz.render_all(SOURCES, tmp_path / "two", workers=2, stats=again)
    assert (again.rendered, again.cached) == (0, len(SOURCES))


def test_an_unsafe_svg_from_a_worker_process_stops_the_build_naming_the_diagram(tmp_path, processes,
                                                                                 monkeypatch):
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\ncat >/dev/null\nprintf '{SCRIPT}'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    names = {source: f"the diagram {i}" for i, source in enumerate(SOURCES)}
    with pytest.raises(graphviz.RenderError, match=r"the diagram 0: .*<script>"):
        graphviz.render_all(SOURCES, tmp_path / "svg", workers=2, dot=str(fake), names=names)
    assert not _files(tmp_path / "svg")


def test_graphviz_failing_in_a_worker_process_is_a_render_error(tmp_path, processes):
    with pytest.raises(graphviz.RenderError, match="Graphviz failed"):
        graphviz.render_all(SOURCES[:3] + ["digraph { a -> }"], tmp_path / "svg", workers=2)


@pytest.mark.parametrize("script, spawned", [
    ("from mkdocs.__main__ import cli\nif __name__ == \"__main__\":\n    cli()\n", True),
    ("from mkdocs.__main__ import cli\ncli()\n", False),  # a worker importing it would build again
])
def test_worker_processes_only_where_the_main_script_runs_nothing_on_import(tmp_path, monkeypatch, script, spawned):
    main = tmp_path / "build.py"
    main.write_text(script, encoding="utf-8")
    fake = types.ModuleType("__main__")
    fake.__file__, fake.__spec__ = str(main), None
    monkeypatch.setitem(sys.modules, "__main__", fake)
    assert graphviz._spawn_safe() is spawned
