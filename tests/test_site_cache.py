"""A rebuild from the caches (validated plans, SVGs, escaped text) writes the same pages, byte for byte,
as a cold build: before and after one plan changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import checks, site
from generator.demo import write_demo

TODAY = dt.date(2026, 11, 23)


def _build(root: Path, cache: Path) -> dict[str, bytes]:
    portfolio = site.load(root)
    built = site.build(portfolio, checks.run_checks(portfolio, TODAY), site.Options(TODAY, cache_dir=cache))
    out = {page.uri: page.markdown.encode("utf-8") for page in built.pages}
    out.update({uri: path.read_bytes() for uri, path in built.diagrams.items()})
    return out


@pytest.fixture
def portfolio_root(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "demo"
    write_demo(root, 6, seed=3)
    monkeypatch.chdir(root)
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "kam-cache"))
    return root


def test_a_cached_rebuild_writes_the_pages_of_a_cold_build(portfolio_root: Path, tmp_path: Path, monkeypatch) -> None:
    cold = _build(portfolio_root, tmp_path / "svg")
    assert _build(portfolio_root, tmp_path / "svg") == cold  # everything from the caches

    plan = sorted((portfolio_root / "accounts").glob("[!_]*.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("summary: >-\n", "summary: >-\n  Changed.\n", 1),
                    encoding="utf-8")
    warm = _build(portfolio_root, tmp_path / "svg")
    assert warm != cold
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "another-cache"))
    assert _build(portfolio_root, tmp_path / "another-svg") == warm  # same as a cold build of the changed plans


def test_diagrams_rendered_in_the_background_give_the_same_pages(portfolio_root: Path, tmp_path: Path) -> None:
    portfolio = site.load(portfolio_root)
    findings = checks.run_checks(portfolio, TODAY)
    background = site.build(portfolio, findings, site.Options(TODAY, cache_dir=tmp_path / "bg", background=True))
    assert background.pending is not None and background.marker
    background.wait()
    foreground = site.build(portfolio, findings, site.Options(TODAY, cache_dir=tmp_path / "fg"))
    assert foreground.pending is None and not foreground.marker
    assert [(p.uri, background.finish(p.markdown)) for p in background.pages] == \
        [(p.uri, p.markdown) for p in foreground.pages]
    assert any(background.marker in p.markdown for p in background.pages)
    again = site.build(portfolio, findings, site.Options(TODAY, cache_dir=tmp_path / "bg", background=True))
    assert again.pending is None and [p.markdown for p in again.pages] == [p.markdown for p in foreground.pages]


def test_a_build_prunes_the_diagrams_the_site_no_longer_shows(portfolio_root: Path, tmp_path: Path) -> None:
    from test_cache import age_all
    svg = tmp_path / "svg"
    cold = _build(portfolio_root, svg)
    before = set(svg.rglob("*.svg"))
    assert len(before) == sum(uri.endswith(".svg") for uri in cold)
    age_all(svg)
    plan = sorted((portfolio_root / "accounts").glob("[!_]*.yaml"))[0]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("influence: low", "influence: medium", 1), encoding="utf-8")
    changed = _build(portfolio_root, svg)
    after = set(svg.rglob("*.svg"))
    assert len(after) == len(before) and 1 <= len(before - after) <= 3  # the changed account's map (its influence view, its matrix)
    assert {path.read_bytes() for path in after} == {v for uri, v in changed.items() if uri.endswith(".svg")}
