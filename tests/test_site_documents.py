"""The built site with Markdown prose, an account's notes and its documents: prose shown as the safe subset in
every long-text field (hostile prose too, opened in Chromium), the notes on the account page, documents
published for the team build only (unless shared), and only Markdown documents in the search index."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from conftest import write
from generator import prose, site as site_module
from test_site import build_site, make_repo, text_of, visible
from test_prose import assert_harmless, tags_of

HOSTILE = ("**bold** [web](https://example.no/r) <script>window.kamPwned=1</script> "
           "<img src=x onerror=window.kamPwned=2> [js](javascript:window.kamPwned=3) [d](data:text/html,x) "
           "{: onclick=window.kamPwned=4}\n###### deep\n\n- one\n- [minutes](minutes/2026-10-05.md)\n\n"
           "| a | b |\n|--|--|\n| <b>x</b> | [tilbud](offer.pdf) |")
NOTES = ("# Strategi\n\nVi vinner med **pilot** og [tilbudet](offer.pdf).\n\n## Risiko\n\n"
         "- <script>window.kamPwned=5</script>\n- [js](javascript:window.kamPwned=6)\n- [delt](shared.txt)\n")
MINUTES = "# Referat 5. oktober\n\nAvtalt: **pilot** i Bergen. Se [tilbudet](../offer.pdf).\n"
SECRET_TEXT = "Hemmelig prisliste fjordkraft"


def _set(node, path: tuple, value: str) -> None:
    head, rest = path[0], path[1:]
    if head == "*" and isinstance(node, list):
        if rest:
            for item in node:
                _set(item, rest, value)
        else:
            node[:] = [value] * len(node)
    elif isinstance(node, dict):
        if not rest:
            node[head] = value
        elif head in node:
            _set(node[head], rest, value)


def hostile_plan(text: str) -> str:
    """The fixture's nordvik plan with HOSTILE in every field the schema marks Markdown."""
    data = yaml.safe_load(text)
    data.setdefault("buying_process", {})
    data.setdefault("relationship", {})
    for path in prose.prose_paths():
        _set(data, path, HOSTILE)
    data["shared_documents"] = ["shared.txt"]
    data["reviews"][0]["documents"] = ["minutes/2026-10-05.md", "page.html"]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("prose") / "repo")
    plan = root / "accounts" / "nordvik.yaml"
    plan.write_text(hostile_plan(text_of(plan)), encoding="utf-8")
    write(root, "accounts/nordvik.md", NOTES)
    write(root, "accounts/nordvik/minutes/2026-10-05.md", MINUTES)
    write(root, "accounts/nordvik/offer.pdf", b"%PDF-1.4\n% tilbud\n")
    write(root, "accounts/nordvik/shared.txt", SECRET_TEXT + "\n")
    write(root, "accounts/nordvik/page.html", "<script>window.kamPwned=7</script>")
    return root


@pytest.fixture(scope="module")
def built(repo, tmp_path_factory):
    return build_site(repo, tmp_path_factory.mktemp("prose-site") / "site")


def account(built) -> str:
    return text_of(built / "accounts" / "nordvik" / "index.html")


def test_every_prose_field_shows_markdown_and_nothing_of_it_becomes_markup(built, repo):
    page = account(built)
    portfolio = site_module.load(repo)
    plan = portfolio.plan("nordvik")
    fields = [value for _, value in prose.prose_values(yaml.safe_load(text_of(repo / "accounts" / "nordvik.yaml")))]
    assert len(fields) >= 6 and isinstance(plan.summary, prose.Prose)
    bodies = page.split('<div class="kam-prose">')[1:]
    assert len(bodies) >= len(fields) + 1  # every field, and the notes
    for body in bodies:
        assert_harmless('<div class="kam-prose">' + body.split("</div>", 1)[0])
    assert page.count("<strong>bold</strong>") >= len(fields)
    assert page.count('href="https://example.no/r"') >= len(fields)
    assert "<script>window" not in page
    text = visible(page)
    assert "<script>window.kamPwned=1</script>" in text and "###### deep" in text and "{: onclick" in text


def test_document_links_in_prose_go_to_the_published_document(built):
    hrefs = [attrs.get("href") for _, attrs in tags_of(account(built))]
    assert "documents/minutes/2026-10-05/" in hrefs and "documents/offer.pdf" in hrefs


def test_the_notes_are_on_the_account_page_under_their_own_heading(built):
    page = account(built)
    notes = page.split('id="notes"', 1)[1].split("<h2", 1)[0]
    assert "<h3>Strategi</h3>" in notes and "<h4>Risiko</h4>" in notes
    assert 'href="documents/offer.pdf"' in notes and 'href="documents/shared.txt"' in notes
    assert "&lt;script&gt;window.kamPwned=5&lt;/script&gt;" in notes
    assert page.index('id="summary"') < page.index('id="notes"')


def test_documents_are_published_with_the_account_and_listed(built):
    folder = built / "accounts" / "nordvik" / "documents"
    assert (folder / "offer.pdf").read_bytes() == b"%PDF-1.4\n% tilbud\n"
    assert (folder / "shared.txt").is_file()
    assert not (folder / "page.html").exists() and not list(built.rglob("page.html"))
    minutes = text_of(folder / "minutes" / "2026-10-05" / "index.html")
    assert "<strong>pilot</strong>" in minutes and 'href="../../offer.pdf"' in minutes
    listed = account(built).split('id="documents"', 1)[1]
    assert "minutes/2026-10-05.md" in listed and "review 2026-Q3" in listed and "shared with the company" in listed
    assert "the notes" in listed.split("offer.pdf</a>", 1)[1].split("</tr>", 1)[0]  # linked from the notes only


def test_only_markdown_documents_enter_the_search_index(built):
    index = json.loads(text_of(built / "search" / "search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("accounts/nordvik/documents/minutes/2026-10-05/") for location in locations)
    assert not any(location.endswith((".pdf", ".txt")) for location in locations)
    assert not any(SECRET_TEXT in doc["text"] for doc in index["docs"])
    assert any("Bergen" in doc["text"] for doc in index["docs"])


def test_a_company_build_publishes_only_the_shared_documents(repo):
    portfolio = site_module.load(repo)
    options = site_module.Options(dt.date(2026, 11, 20), cache_dir=repo / ".cache" / "svg", audience="company")
    built = site_module.build(portfolio, [], options)
    assert sorted(built.documents) == ["accounts/nordvik/documents/shared.txt"]
    assert not [page.uri for page in built.pages if "/documents/" in page.uri]
    page = next(page.markdown for page in built.pages if page.uri == "accounts/nordvik/index.md")
    assert "documents/shared.txt" in page
    assert "documents/minutes" not in page and "documents/offer.pdf" not in page  # links to them are text
    assert "tilbud" in page
    team = site_module.build(portfolio, [], site_module.Options(dt.date(2026, 11, 20),
                                                                cache_dir=repo / ".cache" / "svg"))
    assert "accounts/nordvik/documents/offer.pdf" in team.documents


def test_hostile_prose_runs_nothing_in_chromium(built):
    from test_browser import Server, chromium

    server, state, errors = Server(built), {}, []
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            for path in ("accounts/nordvik/", "accounts/nordvik/documents/minutes/2026-10-05/"):
                page.goto(f"{server.url}{path}", wait_until="load")
                state[path] = page.evaluate("""() => ({
                    pwned: window.kamPwned === undefined ? null : window.kamPwned,
                    strong: document.querySelectorAll('.kam-prose strong').length,
                    links: [...document.querySelectorAll('.kam-prose a')].map(a => a.getAttribute('href')),
                    scripts: document.querySelectorAll('.kam-prose script, .kam-prose img, [onerror], [onclick]').length
                })""")
    finally:
        server.close()
    for path, seen in state.items():
        assert seen["pwned"] is None and seen["scripts"] == 0 and seen["strong"] >= 1, (path, seen)
        assert all(not link.lower().startswith(("javascript:", "data:")) for link in seen["links"]), seen
    assert not errors, errors