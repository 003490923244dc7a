"""Units of the site generator: figures, dates, URLs, DOT sources, options."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from generator import site
from generator.model import Amount
from generator.render import figures, graphviz
from generator.render.context import Context, output_url, url_between
from generator.render.maps import map_source
from generator.render.matrix import matrix_source, team_risk
from generator.render.words import add_months

FIXTURE = Path(__file__).parent / "fixtures" / "site-portfolio"
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def portfolio():
    return site.load(FIXTURE)


def with_revenue(plan, *entries):
    situation = dataclasses.replace(plan.situation, revenue=tuple(Amount(p, a, f) for p, a, f in entries))
    return dataclasses.replace(plan, situation=situation)


def test_period_bounds():
    assert figures.period_bounds("2026") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert figures.period_bounds("2026-H2") == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert figures.period_bounds("2026-Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert figures.period_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert figures.period_bounds("2026-12") == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def test_trend_compares_like_with_like_and_skips_forecasts(portfolio):
    plan = with_revenue(portfolio.plan("nordvik"), ("2025", 400, False), ("2026-Q1", 100, False),
                        ("2026-Q2", 120, False), ("2026-Q3", 90, True))
    last, previous = figures.revenue_trend(plan)
    assert (last.period, previous.period) == ("2026-Q2", "2026-Q1")
    assert figures.change(last, previous) == pytest.approx(0.2)
    only_year = with_revenue(plan, ("2025", 400, False), ("2026-Q1", 100, False))
    assert figures.revenue_trend(only_year)[1] is None


def test_revenue_in_a_period_sums_complete_quarters_only(portfolio):
    plan = with_revenue(portfolio.plan("nordvik"), *[(f"2025-Q{q}", 100, False) for q in range(1, 5)])
    assert figures.revenue_in(plan, "2025") == 400
    partial = with_revenue(plan, *[(f"2025-Q{q}", 100, False) for q in range(1, 4)])
    assert figures.revenue_in(partial, "2025") is None


def test_concentration_converts_currencies_and_sums_key_tiers(portfolio):
    conc = figures.revenue_concentration(portfolio)
    assert conc.period == "2026-Q3" and conc.total == 600000
    shares = {s.account: s for s in conc.accounts}
    assert shares["nordvik"].amount == pytest.approx(700000 * 0.085)
    assert shares["volga"].share == pytest.approx(0.15)
    assert shares["tallinn-tiny"].amount is None and not shares["tallinn-tiny"].key
    assert conc.key_share == pytest.approx((59500 + 90000) / 600000)
    settings = dataclasses.replace(portfolio.settings, exchange_rates={})
    missing = figures.revenue_concentration(dataclasses.replace(portfolio, settings=settings))
    assert missing.missing_rates == ("NOK",)


def test_add_months_clamps_to_the_month_end():
    assert add_months(dt.date(2027, 6, 15), -9) == dt.date(2026, 9, 15)
    assert add_months(dt.date(2027, 5, 31), -3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 10), -12) == dt.date(2025, 1, 10)


@pytest.mark.parametrize("directory_urls, page, svg, expected", [
    (True, "accounts/a/index.md", "accounts/a/map.svg", "map.svg"),
    (False, "accounts/a/index.md", "accounts/a/map.svg", "map.svg"),
    (True, "index.md", "accounts/a/index.md", "accounts/a/"),
    (False, "index.md", "accounts/a/index.md", "accounts/a/index.html"),
    (True, "people/jtamm/index.md", "accounts/a/index.md", "../../accounts/a/"),
    (True, "accounts/a/map.svg", "people/jtamm/index.md", "../../people/jtamm/"),
    (True, "accounts/a/index.md", "index.md", "../../"),
    (True, "index.md", "index.md", "./"),
    (True, "accounts/a/index.md", "accounts/a/index.md", "./"),
])
def test_links_between_outputs(directory_urls, page, svg, expected):
    assert url_between(output_url(page, directory_urls), output_url(svg, directory_urls)) == expected


@pytest.mark.parametrize("directory_urls, expected", [(True, "./#s-kari"), (False, "index.html#s-kari")])
def test_map_links_point_at_the_page_from_the_svg(portfolio, directory_urls, expected):
    ctx = Context(portfolio, TODAY, use_directory_urls=directory_urls)
    assert ctx.href("accounts/nordvik/map.svg", "accounts/nordvik/index.md", "s-kari") == expected


def test_map_source_uses_opaque_ids_and_ranks_by_reporting_level(portfolio):
    plan = portfolio.plan("nordvik")
    source = map_source(plan, TODAY, lambda p: p, lambda s: f"./#s-{s}")
    assert re.findall(r"^  (n\d+) \[label=", source, re.M) == ["n0", "n1", "n2", "n3"]
    assert source.count("arrowhead=normal") == 3 and "style=dashed" not in source  # influence: its own view
    assert "rankdir=TB" in source
    statements = re.findall(r"^  (?!graph |node |edge )(\w+) (?:\[|-> (\w+))", source, re.M)
    assert statements and all(re.fullmatch(r"n\d+", a) and (not b or re.fullmatch(r"n\d+", b))
                              for a, b in statements)  # stakeholder ids never become DOT identifiers
    assert "private" not in source and "Langrenn" not in source


def test_team_risk_and_matrix(portfolio):
    plan = portfolio.plan("nordvik")
    risk = team_risk(plan, TODAY)
    assert risk.single_threaded == ("lars",) and risk.uncovered == ("ingrid",)
    assert risk.leaving_uncovers == {"oodegard": ("lars",)}
    source = matrix_source(plan, TODAY, lambda p: p, lambda s: f"./#s-{s}", lambda p: f"../../people/{p}/")
    assert source.count("●●●") == 2 and source.count("●●○") == 1 and source.count("●○○") == 1
    assert "leaving uncovers 1" in source


def test_cache_key_depends_on_source_and_graphviz_version():
    assert graphviz.cache_key("a", "2.43") != graphviz.cache_key("a", "2.44")
    assert graphviz.cache_key("a", "2.43") != graphviz.cache_key("b", "2.43")
    assert graphviz.cache_key("a", "2.43") == graphviz.cache_key("a", "2.43")


def test_svg_size_in_css_pixels(tmp_path):
    svg = tmp_path / "x.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg width="720pt" height="300pt" viewBox="0 0 720 300">')
    assert site.svg_size(svg) == (960, 400)


def test_today_option():
    assert site.today_from("2026-11-20", {}) == TODAY
    assert site.today_from(None, {"KAM_TODAY": "2026-11-20"}) == TODAY
    assert site.today_from(TODAY, {}) == TODAY
    with pytest.raises(site.SiteError):
        site.today_from("20.11.2026", {})


def test_include_private_option_reads_env_values():
    from generator.plugin import Flag

    flag = Flag()
    assert flag.validate(None) is False and flag.validate(1) is True and flag.validate("yes") is True
    assert flag.validate("0") is False and flag.validate(False) is False
    with pytest.raises(Exception):
        flag.validate("perhaps")


def test_an_unwritable_cache_falls_back_to_a_temporary_folder(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    paths = graphviz.render_all(["digraph { a }"], blocked / "svg")
    path = next(iter(paths.values()))
    assert path.is_file() and blocked not in path.parents


def test_a_build_computes_each_plans_coverage_once(portfolio, monkeypatch):
    """The map, the matrix, the account page's tables, the person pages and the exposure figures
    all ask who covers whom: one coverage graph per plan serves them all (render Context.coverage)."""
    from generator import analyse
    built: list[str] = []
    real = analyse.coverage_graph
    monkeypatch.setattr(analyse, "coverage_graph", lambda plan: built.append(plan.id) or real(plan))
    ctx = site.context(portfolio, (), site.Options(TODAY))
    site.diagram_sources(ctx)
    site.pages(ctx)
    assert sorted(built) == sorted(plan.id for plan in portfolio.plans)
