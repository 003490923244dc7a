"""`kam serve`: rebuilds only what an edit touches, keeps search and sitemap whole, shows plan errors
in the browser as `kam validate` prints them."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import environment
from generator import rowcache, serve, site
from generator.cli import main
from generator.render import escape
from test_site import TODAY, make_repo


@pytest.fixture
def server(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    options = site.Options(dt.date.fromisoformat(TODAY), cache_dir=root / ".cache" / "kam" / "svg")
    with environment(NO_MKDOCS_2_WARNING="1"):
        built = serve.Server(root, options, root / "docs", root / serve.WORK)
        assert built.step() is not None
        assert built.site.errors is None
        yield built


def edit(root: Path, plan: str, old: str, new: str) -> None:
    path = root / "accounts" / f"{plan}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(server, uri: str) -> str:
    return (server.site.folder / uri).read_text(encoding="utf-8")


def test_an_edit_shows_on_its_account_page_and_every_page_that_depends_on_it(server):
    root = server.root
    docs = server.work / "docs"
    other_page = (docs / "accounts/volga/index.md").stat().st_mtime_ns
    other_plan = next(p for p in server.pages.plans.values() if p.id == "volga")
    assert server.step() is None  # nothing changed: nothing done
    edit(root, "nordvik", "name: ", "name: Zqx Edited ")
    assert server.step() is not None and server.site.errors is None
    assert "Zqx Edited" in page(server, "accounts/nordvik/index.html")
    assert "Zqx Edited" in page(server, "index.html")  # the portfolio
    assert "Zqx Edited" in page(server, "accounts/index.html")
    owner = server.pages.plans["nordvik.yaml"].owner
    assert "Zqx Edited" in page(server, f"people/{owner}/index.html")
    # the other plans were not parsed or rendered again
    assert next(p for p in server.pages.plans.values() if p.id == "volga") is other_plan
    assert (docs / "accounts/volga/index.md").stat().st_mtime_ns == other_page


def test_search_and_sitemap_stay_complete_after_a_rebuild(server):
    with open(server.root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nsite_url: https://accounts.example/\n")  # MkDocs writes a sitemap for a site_url
    server = serve.Server(server.root, server.pages.options, server.root / "docs", server.work)
    server.step()

    def indexed() -> set[str]:
        index = json.loads(page(server, "search/search_index.json"))
        return {entry["location"].split("#")[0] for entry in index["docs"]}

    every_page = {serve.output_url(uri, True) for uri in server.pages.files if uri.endswith(".md")}
    overviews = {"", "dashboard/", "accounts/", "people/"}  # kept out of search by their pages, as the reports
    overviews |= {url for url in every_page if url.startswith("reports/")}
    assert indexed() == every_page - overviews
    edit(server.root, "nordvik", "name: ", "name: Zqx Edited ")
    server.step()
    assert indexed() == every_page - overviews
    index = json.loads(page(server, "search/search_index.json"))
    assert any("Zqx Edited" in entry["title"] + entry["text"] for entry in index["docs"])
    sitemap = page(server, "sitemap.xml")
    assert sitemap.count("<url>") == len(every_page)
    assert all(f"<loc>https://accounts.example/{url}</loc>" in sitemap for url in every_page)


def test_a_plan_that_stops_validating_turns_every_page_into_kam_validates_lines(server):
    root = server.root
    edit(root, "nordvik", "attitude: sceptic", "attitude: skeptical")
    edit(root, "volga", "owner: mivanova", "owner: mivanov")
    version = server.site.version
    server.step()
    validate = CliRunner().invoke(main, ["validate", "--root", str(root)])
    assert validate.exit_code == 1
    assert server.site.errors == validate.stdout
    assert server.site.version > version
    html = serve.error_page(server.site.errors)
    for line in validate.stdout.splitlines():
        assert escape.html(line) in html
    edit(root, "nordvik", "attitude: skeptical", "attitude: sceptic")
    edit(root, "volga", "owner: mivanov", "owner: mivanova")
    server.step()
    assert server.site.errors is None


def test_the_browser_gets_the_error_page_and_a_reload_when_the_plan_is_fixed(server):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), serve.handler(server.site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"

    def get(path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    try:
        status, body = get("/accounts/nordvik/")
        assert status == 200 and serve.VERSION_PATH in body
        edit(server.root, "nordvik", "attitude: sceptic", "attitude: <b>skeptical</b>")
        server.step()
        status, body = get("/accounts/nordvik/")
        assert status == 500 and "The plans have errors" in body and "accounts/nordvik.yaml:" in body
        assert "<b>skeptical" not in body  # the plan's text is escaped
        _, seen = get(serve.VERSION_PATH)
        edit(server.root, "nordvik", "attitude: <b>skeptical</b>", "attitude: sceptic")
        server.step()
        _, now = get(serve.VERSION_PATH)
        assert now != seen  # the page's script reloads on this
        status, body = get("/accounts/nordvik/")
        assert status == 200 and "The plans have errors" not in body
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_kam_serve_refuses_an_address_that_is_not_host_and_port():
    result = CliRunner().invoke(main, ["serve", "-a", "localhost"])
    assert result.exit_code == 2
    assert "HOST:PORT" in result.output


def test_big_pages_converted_row_by_row_are_the_pages_a_whole_build_makes(server, tmp_path, monkeypatch):
    monkeypatch.setattr(rowcache, "MIN_CHARS", 0)  # every page goes through the row cache
    edit(server.root, "nordvik", "name: ", "name: Zqx Edited ")
    server.step()  # the first build with the cache: it learns every row
    edit(server.root, "nordvik", "attitude: sceptic", "attitude: blocker")  # findings change: dashboard rows
    edit(server.root, "volga", "name: ", "name: Other Edit ")
    server.step()
    fresh = serve.Server(server.root, server.pages.options, server.root / "docs", tmp_path / "fresh")
    monkeypatch.setattr(rowcache, "MIN_CHARS", 10**9)  # converted whole, as the published site is
    fresh.step()
    for uri in ("index.html", "dashboard/index.html", "accounts/index.html", "people/index.html",
                "accounts/nordvik/index.html"):
        assert page(server, uri) == page(fresh, uri), uri
    assert "Other Edit" in page(server, "dashboard/index.html") or "Other Edit" in page(server, "index.html")


def test_a_removed_plan_leaves_the_site_and_comes_back_when_restored(server):
    plan = server.root / "accounts" / "volga.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.unlink()
    server.step()
    assert server.site.errors is None
    assert not (server.work / "docs" / "accounts" / "volga" / "index.md").exists()
    assert "accounts/volga/" not in page(server, "index.html")
    plan.write_text(text, encoding="utf-8")
    server.step()
    assert "accounts/volga/" in page(server, "index.html")
    assert (server.site.folder / "accounts" / "volga" / "index.html").is_file()


def test_the_error_page_stays_until_every_broken_plan_is_fixed(server):
    edit(server.root, "nordvik", "attitude: sceptic", "attitude: skeptical")
    edit(server.root, "volga", "owner: mivanova", "owner: mivanov")
    server.step()
    edit(server.root, "volga", "owner: mivanov", "owner: mivanova")
    server.step()
    assert server.site.errors is not None and "accounts/nordvik.yaml:" in server.site.errors
    assert "accounts/volga.yaml" not in server.site.errors
    edit(server.root, "nordvik", "attitude: skeptical", "attitude: sceptic")
    server.step()
    assert server.site.errors is None


def test_checks_that_reuse_an_earlier_runs_findings_find_what_a_fresh_run_finds(server):
    from generator import checks

    edit(server.root, "nordvik", "attitude: sceptic", "attitude: blocker")
    edit(server.root, "volga", "name: ", "name: Other Edit ")
    server.step()
    base = server.pages.base
    base.plans = list(server.pages.plans.values())
    portfolio = base.portfolio()
    today = server.pages.options.today
    reused = checks.run_checks(portfolio, today, graphs=server.pages.graphs, memo=server.pages.memo)
    assert any(key != "settings" and key != "today" for key in server.pages.memo)
    assert reused == checks.run_checks(portfolio, today)


def test_an_accounts_notes_file_changing_rebuilds_its_page(server):
    notes = server.root / "accounts" / "nordvik.md"
    notes.write_text("Zqx notes: the board meets in March.\n", encoding="utf-8")
    server.step()
    assert server.site.errors is None
    assert "Zqx notes" in page(server, "accounts/nordvik/index.html")


def test_kam_serve_outside_a_plans_repository_says_so(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert "no 'accounts' folder" in result.output


def test_the_quarterly_reports_follow_an_edit_once_the_other_pages_are_served(server):
    reports = sorted(uri for uri in server.pages.report_uris if uri != "reports/index.md")
    assert reports
    report = reports[0][: -len(".md")] + "/index.html"
    edit(server.root, "nordvik", "name: ", "name: Zqx Edited ")
    server.step()
    assert "Zqx Edited" in page(server, "accounts/nordvik/index.html")
    assert "Zqx Edited" not in page(server, report)  # not yet: made after the pages the edit touched
    assert server.step_reports() is not None
    assert "Zqx Edited" in page(server, report)
    assert server.step_reports() is None  # nothing more to do
