"""End to end: the built site of the examples in accounts/, in headless Chromium through Playwright.

Playwright drives the system's Chromium (executable_path: no browser download); axe-core runs in
the page (axe-playwright-python ships the script). One site is built and served per module. Each
kind of page is opened at 390 px (a phone) and 1400 px, in light and dark mode, and checked for:
zero serious or critical axe violations in kam's own markup (inside Material's content area; the
ones from Material's chrome are printed and listed in the README), no sideways scrolling of the
page as a whole, the maps drawn. Screenshots go to $KAM_SCREENSHOTS (default tests/artifacts/,
git-ignored), for CI to keep and a person to look at.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from test_site import REPO, build_site, example_repo

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
WIDTHS = (390, 1400)
SCHEMES = ("light", "dark")
ACCOUNT = "laanemere-sadamad"  # the largest example plan
PAGES = {  # kind of page -> path in the site
    "portfolio": "",
    "dashboard": "dashboard/",
    "accounts": "accounts/",
    "account": f"accounts/{ACCOUNT}/",
    "people": "people/",
    "person": None,  # the account's owner, found at run time
    # the examples' second language: Estonian words are long, and must fit a phone too
    "portfolio-et": "et/",
    "dashboard-et": "et/dashboard/",
    "account-et": f"et/accounts/{ACCOUNT}/",
}
SHOTS = Path(os.environ.get("KAM_SCREENSHOTS") or Path(__file__).parent / "artifacts")

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed (pip install -e '.[test]')")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Server:
    """A built site over HTTP on 127.0.0.1 (an ephemeral port), in a thread; also for other test modules."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextlib.contextmanager
def chromium():
    """The system's Chromium under Playwright (skips the test when there is none); also for other test modules."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make test installs it; Debian: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The examples' site, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("plans") / "repo"
    example_repo(root)
    server = Server(build_site(root, tmp_path_factory.mktemp("site") / "site"))
    owner = next(line.split(":", 1)[1].split("#")[0].strip() for line in
                 (root / "accounts" / f"{ACCOUNT}.yaml").read_text(encoding="utf-8").splitlines()
                 if line.startswith("owner:"))
    yield server.url, {**PAGES, "person": f"people/{owner}/"}
    server.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def _open(browser, url: str, width: int, scheme: str):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(url, wait_until="load")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') !== null")
    return context, page, errors


def _shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _overflow(page) -> dict:
    """How far the page itself is wider than the window, and the widest boxes that stick out."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll('.md-content *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.right > width + 1 && getComputedStyle(e).position !== 'fixed';
        }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        return {scroll: document.documentElement.scrollWidth - width, out};
    }""")


_INSIDE = """(selectors) => selectors.map(s => { const e = document.querySelector(s);
    return !!(e && e.closest('.md-content')); })"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_kind_of_page_reads_well(site, browser, width, scheme):
    base, pages = site
    axe = axe_module.Axe()
    problems, inherited = {}, set()
    for kind, path in pages.items():
        context, page, errors = _open(browser, base + path, width, scheme)
        try:
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
                ("slate" if scheme == "dark" else "default")
            results = axe.run(page, options={"resultTypes": ["violations"], "runOnly": {
                "type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]}}).response
            for violation in results["violations"]:
                targets = [node["target"][0] for node in violation["nodes"] if isinstance(node["target"][0], str)]
                inside = page.evaluate(_INSIDE, targets) if targets else []
                for node, own in zip(violation["nodes"], inside):
                    if violation["impact"] not in ("serious", "critical"):
                        continue
                    if own:
                        problems.setdefault(kind, []).append((violation["id"], node["target"],
                                                              node.get("failureSummary", "")[:300]))
                    else:
                        inherited.add(violation["id"])
            overflow = _overflow(page)
            if overflow["scroll"] > 0:
                problems.setdefault(kind, []).append(("page scrolls sideways", overflow))
            if errors:
                problems.setdefault(kind, []).append(("console errors", errors))
            if width >= 1400 and kind in ("portfolio", "dashboard", "accounts", "people", "dashboard-et"):
                cut = page.evaluate("""() => [...document.querySelectorAll('.md-content .md-typeset__scrollwrap')]
                    .filter(box => box.scrollWidth > box.clientWidth + 1).length""")
                if cut:
                    problems.setdefault(kind, []).append(("tables wider than the column on a desktop", cut))
            if kind in ("portfolio", "account", "portfolio-et", "account-et"):
                _shot(page, f"{kind}-{width}-{scheme}")
        finally:
            context.close()
    print(f"\ninherited from Material ({width} px, {scheme}): {sorted(inherited) or 'none'}")
    assert problems == {}, "\n".join(f"{kind}: {problem}" for kind, found in problems.items() for problem in found)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_is_drawn_fits_and_follows_the_dark_toggle(site, browser, width):
    base, pages = site
    context, page, errors = _open(browser, base + pages["account"], width, "light")
    try:
        page.wait_for_function("""() => { const o = document.querySelector('.kam-map object');
            return o && o.contentDocument && o.contentDocument.querySelector('svg'); }""")
        state = page.evaluate("""() => {
            const o = document.querySelector('.kam-map object');
            const svg = o.contentDocument.querySelector('svg');
            const r = o.getBoundingClientRect(), card = o.parentElement.getBoundingClientRect();
            const natural = parseFloat(svg.getAttribute('width')) * 4 / 3;
            const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')));
            return {nodes: svg.querySelectorAll('g.node').length, width: r.width, card: card.width, natural,
                    smallest_px: Math.min(...sizes) * 4 / 3 * r.width / natural,
                    text: svg.textContent, filter: getComputedStyle(o).filter};
        }""")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.add_style_tag(content=".md-header { position: absolute !important; }")  # not over the map's picture
        page.locator(".kam-map").first.screenshot(path=str(SHOTS / f"map-{width}-light.png"))
        page.locator("label.md-header__button[for='__palette_1']").click()  # Material's palette toggle
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        dark_filter = page.evaluate("getComputedStyle(document.querySelector('.kam-map object')).filter")
        page.locator(".kam-map").first.screenshot(path=str(SHOTS / f"map-{width}-dark.png"))
    finally:
        context.close()
    assert state["nodes"] == 21, state["nodes"]  # every stakeholder of the largest example
    assert "Läänemere" in state["text"] and "reports to" in state["text"]  # name and legend inside the SVG
    assert state["filter"] == "none" and "invert" in dark_filter
    if width == 390:
        assert state["width"] <= state["card"] + 1  # fits the phone's width (a link opens it full size)
    else:
        assert state["smallest_px"] >= 11.9, state  # 12 pt text, shrunk to no less than 12 px
    assert not errors, errors


def test_on_a_phone_wide_tables_scroll_in_their_box_and_keep_the_first_column(site, browser):
    base, pages = site
    context, page, errors = _open(browser, base + pages["account"], 390, "light")
    try:
        state = page.evaluate("""() => {
            const boxes = [...document.querySelectorAll('.md-content table')].map(t => {
                let box = t;
                while (box && box.scrollWidth <= box.clientWidth + 1) box = box.parentElement.closest('.md-typeset__scrollwrap');
                return box ? [t, box] : null;
            }).filter(Boolean);
            if (!boxes.length) return {wide: 0};
            const [table, box] = boxes[0];
            const cell = table.querySelector('tbody tr td');
            const before = cell.getBoundingClientRect().left;
            box.scrollLeft = 200;
            const moved = box.scrollLeft;
            return {wide: boxes.length, moved, before, after: cell.getBoundingClientRect().left,
                    box: box.getBoundingClientRect().left,
                    page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
        }""")
    finally:
        context.close()
    assert state["wide"] >= 5 and state["moved"] > 0, state  # the largest account has many wide tables
    # scrolled 200 px, the row's name stays in view at the box's left edge
    assert state["box"] - 1 <= state["after"] <= state["before"] + 1, state
    assert state["page"] == 0
