"""The built site, from a small fixture portfolio (tests/fixtures/site-portfolio).

One build per module (module-scoped fixtures); each build takes well under a
second. The builds go through MkDocs' Python API with the repository's own
mkdocs.yml and --strict, so a warning fails them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import environment
from generator import site as site_module

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "site-portfolio"
TODAY = "2026-11-20"


def example_repo(destination: Path) -> Path:
    """A plans repository holding the examples of accounts/, with the project's mkdocs.yml and docs/."""
    shutil.copytree(REPO / "accounts", destination / "accounts")
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO / "docs", destination / "docs")
    return destination


def make_repo(destination: Path, fixture: Path = FIXTURE) -> Path:
    """A plans repository: the fixture's accounts/ plus the project's mkdocs.yml and docs/."""
    shutil.copytree(fixture, destination, ignore=shutil.ignore_patterns(".cache"))
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO / "docs", destination / "docs", dirs_exist_ok=True)
    return destination


def build_site(root: Path, out: Path, *, include_private: bool = False, today: str = TODAY) -> Path:
    """`mkdocs build --strict` of `root` into `out`, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    private = "1" if include_private else "0"
    # KAM_PRIVATE_BUILD_STEP: a test that asks for personal data is, in CI, the step of its own that may
    with environment(KAM_TODAY=today, KAM_INCLUDE_PRIVATE=private, KAM_PRIVATE_BUILD_STEP=private,
                     NO_MKDOCS_2_WARNING="1"):
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out), strict=True)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        build(config)
    return out


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("plans") / "repo")
    out = build_site(root, tmp_path_factory.mktemp("site") / "site")
    return out, site_module.load(root)


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def visible(html: str) -> str:
    """The page's text without tags, entities decoded (what a reader sees)."""
    import html as html_lib

    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", text).replace(" :", ":").replace(" ,", ",").replace(" .", ".")


# --- pages exist and hold the plan -----------------------------------------------

def test_every_page_is_built(built_site):
    out, portfolio = built_site
    for page in ["index.html", "dashboard/index.html", "accounts/index.html", "people/index.html"]:
        assert (out / page).is_file(), page
    for plan in portfolio.plans:
        assert (out / "accounts" / plan.id / "index.html").is_file()
        assert (out / "accounts" / plan.id / "map.svg").is_file() == bool(plan.stakeholders)
    for person in portfolio.people:
        assert (out / "people" / person / "index.html").is_file()


def test_account_page_shows_the_plan_in_reading_order(built_site):
    out, portfolio = built_site
    page = text_of(out / "accounts" / "nordvik" / "index.html")
    text = visible(page)
    for name in ("Kari Nordmann", "Ola Hansen", "Lars Berg", "Ingrid Dahl"):
        assert name in text
    order = [page.index(f'id="{anchor}"') for anchor in
             ("health", "summary", "classification", "situation", "products", "goals", "buying-process",
              "tenders", "proposals", "map", "stakeholders", "team", "actions", "commitments", "reviews")]
    assert order == sorted(order)
    assert "is a known brand" in text and "has large sales or profit potential" in text
    # tender: 2027-06-15 minus the default nine months
    assert "2026-09-15 (9 months before)" in text
    # proposal expiry and the commitment's rescheduling history
    assert "2026-12-10 — in 20 days" in text
    assert "2026-10-15: 2026-10-20 → 2026-12-01" in text and "customer NOT told" in text
    # products x units matrix with the whitespace
    assert "Containerterminal" in text and "○ whitespace" in text
    # the overdue action
    assert "overdue 19 days" in text


def test_stakeholder_rows_are_link_targets(built_site):
    out, portfolio = built_site
    page = text_of(out / "accounts" / "nordvik" / "index.html")
    for s in portfolio.plan("nordvik").stakeholders:
        assert f'id="s-{s.id}"' in page


def test_map_has_a_node_per_stakeholder_linking_to_its_row(built_site):
    out, portfolio = built_site
    plan = portfolio.plan("nordvik")
    svg = ET.parse(out / "accounts" / "nordvik" / "map.svg").getroot()
    ns = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}
    nodes = svg.findall(".//svg:g[@class='node']", ns)
    assert len(nodes) == len(plan.stakeholders)
    hrefs = sorted(a.get("{http://www.w3.org/1999/xlink}href") for a in svg.findall(".//svg:a", ns))
    assert hrefs == sorted(f"./#s-{s.id}" for s in plan.stakeholders)
    assert all(a.get("target") == "_top" for a in svg.findall(".//svg:a", ns))
    edges = svg.findall(".//svg:g[@class='edge']", ns)
    assert len(edges) == 3  # three reporting lines; informal influence has its own view:
    influence = ET.parse(out / "accounts" / "nordvik" / "influence.svg").getroot()
    assert len(influence.findall(".//svg:g[@class='edge']", ns)) == 3 + 1
    assert "NOT COVERED by any of ours" in text_of(out / "accounts" / "nordvik" / "map.svg")  # Ingrid


def test_team_matrix_has_a_cell_per_coverage(built_site):
    out, portfolio = built_site
    plan = portfolio.plan("nordvik")
    svg = text_of(out / "accounts" / "nordvik" / "team.svg")
    marks = re.findall(r">(●●●|●●○|●○○)<", svg)
    assert len(marks) == len(plan.coverage) == 4
    assert "1 only" in svg  # Lars: a decision maker only Øystein covers
    assert "leaving uncovers 1" in svg  # Øystein is the only one on Lars
    page = visible(text_of(out / "accounts" / "nordvik" / "index.html"))
    assert "covered by one of ours only (single-threaded): Lars Berg" in page
    assert "nobody of ours covers: Ingrid Dahl" in page


def test_diagrams_are_embedded_as_objects_not_inline(built_site):
    out, _ = built_site
    page = text_of(out / "accounts" / "nordvik" / "index.html")
    assert '<object type="image/svg+xml" data="map.svg"' in page
    assert '<object type="image/svg+xml" data="team.svg"' in page
    article = page[page.index("<article"):page.index("</article>")]  # the page's content, whatever the theme
    assert "<svg" not in article


def test_empty_plan_sections_say_so(built_site):
    out, _ = built_site
    text = visible(text_of(out / "accounts" / "tallinn-tiny" / "index.html"))
    for line in ("No revenue recorded.", "No products recorded.", "No goals recorded.",
                 "No stakeholders recorded yet", "No account team recorded yet.", "No reviews recorded yet."):
        assert line in text
    assert not (out / "accounts" / "tallinn-tiny" / "map.svg").exists()


def test_portfolio_home_lists_accounts_with_revenue_and_concentration(built_site):
    out, _ = built_site
    text = visible(text_of(out / "index.html"))
    assert "Nordvik Havn AS" in text and "ООО «Волга Логистика»" in text and "Tallinna Väike OÜ" in text
    assert "700,000 NOK (2026-Q3)" in text and "▲ +16.7 % vs 2026-Q2" in text
    # 2026-Q3: Nordvik 700,000 NOK * 0.085 = 59,500 EUR; Volga 90,000 EUR; of 600,000 EUR
    assert "59,500 EUR" in text and "9.9 %" in text and "15.0 %" in text
    assert "149,500 EUR, 24.9 %" in text.replace("**", "")


def test_person_page_shows_accounts_and_what_walks_out(built_site):
    out, _ = built_site
    text = visible(text_of(out / "people" / "oodegard" / "index.html"))
    assert "Nordvik Havn AS" in text and "account manager (key account manager)" in text
    assert "Nobody else of ours covers these high-influence people: Lars Berg (Nordvik Havn AS)" in text
    assert "Kari Nordmann" in text


def test_navigation_lists_only_the_overview_pages(built_site):
    out, _ = built_site
    page = text_of(out / "accounts" / "nordvik" / "index.html")
    # Material's tab bar (navigation.tabs in mkdocs.yml): its class names are pinned on purpose,
    # Material comes from the lock, and the weekly newest-releases run says when they change
    nav = page.split('class="md-tabs__list"')[1].split("</ul>")[0]
    assert re.findall(r'class="md-tabs__link"', nav).__len__() == 5  # portfolio, dashboard, accounts, people, reports
    assert "Nordvik" not in nav


def test_search_index_has_names_and_notes_not_the_tables_of_figures(built_site):
    out, _ = built_site
    index = json.loads(text_of(out / "search" / "search_index.json"))
    account = " ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith("accounts/nordvik/"))
    assert "Kari Nordmann" in account and "Vil ha referanser." in account and "Innkjøpssjef" in account
    assert "Containerterminal" not in account and "700,000" not in account  # products, revenue
    assert not any(d["location"] in ("", "dashboard/", "accounts/", "people/") for d in index["docs"])


# --- private data ------------------------------------------------------------------

PRIVATE_VALUES = ("12. mai", "Langrenn på Holmenkollen", "Gift, to barn")


def all_files(out: Path):
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".svg", ".js", ".txt", ".gz"):
            data = path.read_bytes()
            if path.suffix == ".gz":
                import gzip
                data = gzip.decompress(data)
            yield path, data.decode("utf-8", "replace")


def test_private_data_is_nowhere_by_default(built_site):
    out, _ = built_site
    checked = 0
    for path, text in all_files(out):
        checked += 1
        for value in PRIVATE_VALUES:
            assert value not in text, f"{value!r} in {path}"
    assert checked > 20
    assert (out / "sitemap.xml").is_file() and (out / "search" / "search_index.json").is_file()


def test_private_data_only_on_the_account_page_when_asked(tmp_path):
    root = make_repo(tmp_path / "repo")
    out = build_site(root, tmp_path / "site", include_private=True)
    found = {value: [p.relative_to(out).as_posix() for p, text in all_files(out) if value in text]
             for value in PRIVATE_VALUES}
    assert found == {value: ["accounts/nordvik/index.html"] for value in PRIVATE_VALUES}
    page = text_of(out / "accounts" / "nordvik" / "index.html")
    section = page.split('class="kam-private"')[1]
    assert page.count("data-search-exclude") >= 2 and "12. mai" in section


# --- the build stops on invalid plans --------------------------------------------------

def test_invalid_plan_stops_the_build_with_diagnostics(tmp_path):
    root = make_repo(tmp_path / "repo")
    plan = root / "accounts" / "nordvik.yaml"
    plan.write_text(text_of(plan).replace("attitude: sceptic", "attitude: skeptical"), encoding="utf-8")
    other = root / "accounts" / "volga.yaml"
    other.write_text(text_of(other).replace("owner: mivanova", "owner: mivanov"), encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("the last good site", encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(tmp_path / "site")], cwd=root,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert re.search(r"accounts/nordvik\.yaml:\d+:\d+: error: attitude of stakeholder '[^']+' .*must be one of", output)
    assert re.search(r"accounts/volga\.yaml:\d+:\d+: error: .*mivanov", output)
    # the build stopped before touching the output folder: no half-built site
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["old.html"]


def test_generated_paths_cannot_leave_the_site():
    for bad in ("../x.md", "/etc/x.md", "a/../../x.md", "a\\b.md", ""):
        with pytest.raises(site_module.SiteError):
            site_module.safe_site_path(bad)
    assert site_module.safe_site_path("accounts/a-b/index.md") == "accounts/a-b/index.md"
    from generator.render.context import account_page
    with pytest.raises(ValueError):
        account_page("../../etc")


def test_the_diagram_cache_is_used_on_the_next_build(built_site, tmp_path):
    out, portfolio = built_site
    import datetime as dt
    options = site_module.Options(dt.date(2026, 11, 20), cache_dir=tmp_path / "cache")
    first = site_module.build(portfolio, [], options)
    second = site_module.build(portfolio, [], options)
    assert first.stats.rendered == len(first.diagrams) > 0 and first.stats.cached == 0
    assert second.stats.rendered == 0 and second.stats.cached == len(first.diagrams)
    assert first.diagrams == second.diagrams


def test_search_index_is_valid_json(built_site):
    out, _ = built_site
    data = json.loads(text_of(out / "search" / "search_index.json"))
    assert any("nordvik" in doc["location"] for doc in data["docs"])
