"""The benchmark harness on a tiny portfolio: its pieces run and its table has the right shape (no timing)."""

from __future__ import annotations

from pathlib import Path

from generator import bench


def test_bench_measures_every_figure_and_prints_one_row_each(tmp_path: Path) -> None:
    results = [bench.measure(bench.make_portfolio(tmp_path / f"n{n}", n), repeat=1, log=lambda _: None, edits=1)
               for n in (3, 4)]
    for result in results:
        assert set(result.times) == {f.key for f in bench.FIGURES}
        assert len(result.times["plain"]) == 2  # before the cold build and before the rebuild
        assert 0 < result.peak_mb() < bench.MAX_MEMORY_MB
    lines = bench.table(results)
    assert len(lines) == 2 + len(bench.FIGURES) + 1  # header, rule, figures, memory
    assert len({line.count("|") for line in lines}) == 1
    assert "N=3 ratio" in lines[0] and "growth 3→4" in lines[0]
    assert "kam validate, cold cache" in lines[2]
    assert bench.growth_verdict(results).startswith("Largest growth from N=3 to N=4")
    plan = bench.first_plan(tmp_path / "n3")
    assert b"Edited for the benchmark" not in plan.read_bytes()  # the edited plan is restored


def test_the_plain_reference_builds_the_same_pages(tmp_path: Path) -> None:
    root = bench.make_portfolio(tmp_path / "n2", 2)
    exported = bench.export_plain(root, tmp_path / "plain")
    docs = tmp_path / "plain" / "docs"
    assert exported == len([p for p in docs.rglob("*") if p.suffix in (".md", ".svg")])
    assert (docs / "index.md").is_file() and list(docs.rglob("*.svg"))
    assert not any("data-kam-size" in p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))  # sizes put in
    settings = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "kam" not in settings.split("plugins:")[1].split("markdown_extensions")[0]
    assert "navigation.tabs" in settings and "assets/kam.css" in settings
