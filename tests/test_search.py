"""Search finds the plans' names with or without their letters' marks, and single Cyrillic words.

The folding and the languages are tested directly; the whole of it in headless Chromium on the
examples' site, typing into Material's search box as a reader does.
"""

from __future__ import annotations

import json

import pytest

from generator import search_index
from test_site import REPO, build_site, example_repo


@pytest.mark.parametrize("written, typed", [
    ("Läänemere", "Laanemere"), ("Ødegård", "Odegard"), ("Bērziņš", "Berzins"),
    ("Kylmälogistiikka", "Kylmalogistiikka"), ("Łódź", "Lodz"), ("Žemaitė", "Zemaite"),
    ("Põltsamaa", "Poltsamaa"), ("Ģirts", "Girts"), ("Алёна", "Алена"),
])
def test_folding_takes_the_marks_off_as_people_type_without_them(written, typed):
    assert search_index.fold(written) == typed


def test_folding_keeps_cyrillic_letters_of_their_own():
    assert search_index.fold("Сергей Павлова") == "Сергей Павлова"  # й is not и with a mark


def test_folded_words_are_the_changed_words_once_in_lower_case_without_markup():
    text = '<p>Läänemere Sadamad AS</p><td>Läänemere</td> <a href="/x/ödegård">Øystein Ødegård</a>'
    assert search_index.folded_words(text) == "laanemere oystein odegard"


def test_the_search_languages_are_the_sites_and_the_plans_as_lunr_has_them():
    assert search_index.lunr_languages(["et"], ["et", "ru", "no", "fi", "lv", "pl"]) == ["ru", "no", "fi"]
    assert search_index.lunr_languages(["en"], ["ru"]) == ["en", "ru"]
    assert search_index.lunr_languages(["nb"], []) == ["no"]
    assert search_index.lunr_languages(["lt"], ["lt"]) == ["en"]  # lunr has no Lithuanian: its default rules


def test_add_folded_indexes_the_folded_fields_and_leaves_the_shown_ones_as_written():
    index = json.dumps({"config": {"lang": ["en"], "fields": {"title": {"boost": 1000}}},
                        "docs": [{"location": "a/", "title": "Läänemere Sadamad AS", "text": "<p>Jüri Tamm</p>"},
                                 {"location": "b/", "title": "Plain", "text": "nothing to fold"}]})
    data = json.loads(search_index.add_folded(index))
    assert data["config"]["fields"]["folded_title"] == {"boost": 1e3}
    assert data["config"]["fields"]["title"] == {"boost": 1000}
    first, second = data["docs"]
    assert (first["title"], first["text"]) == ("Läänemere Sadamad AS", "<p>Jüri Tamm</p>")
    assert (first["folded_title"], first["folded"]) == ("laanemere", "juri")
    assert "folded" not in second and "folded_title" not in second


# --- in the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("plans") / "repo"
    example_repo(root)
    return build_site(root, tmp_path_factory.mktemp("site") / "site")


def test_the_index_holds_the_plans_languages_and_the_folded_words(example_site):
    data = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["lang"][0] == "en" and "ru" in data["config"]["lang"]  # narva-ekspress is in Russian
    assert set(search_index.FIELDS) <= set(data["config"]["fields"])
    account = next(doc for doc in data["docs"] if doc["location"] == "accounts/laanemere-sadamad/")
    assert "laanemere" in account["folded_title"].split()


def test_the_private_data_of_a_build_that_asks_for_it_stays_out_of_the_index(tmp_path):
    root = tmp_path / "repo"
    example_repo(root)
    out = build_site(root, tmp_path / "site", include_private=True)
    page = (out / "accounts" / "laanemere-sadamad" / "index.html").read_text(encoding="utf-8")
    from generator.load import load

    private = [str(value) for person in load(root / "accounts" / "laanemere-sadamad.yaml").data["stakeholders"]
               for value in (person.get("private") or {}).values()]
    assert private and any(value.split()[0] in page for value in private)  # the page shows them ...
    for index in [out / "search" / "search_index.json", out / "et" / "search" / "search_index.json"]:
        text = index.read_text(encoding="utf-8")
        folded = search_index.folded_words(" ".join(private))
        assert [value for value in private if value in text] == []  # ... the index does not
        assert [word for word in folded.split() if len(word) > 5 and f" {word} " in f" {text} "] == []


@pytest.fixture(scope="module")
def search_page(example_site):
    from test_browser import Server, chromium

    server = Server(example_site)
    try:
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            yield server.url, page
    finally:
        server.close()


@pytest.mark.browser
@pytest.mark.parametrize("typed, expected", [
    ("Laanemere", "accounts/laanemere-sadamad/"), ("Läänemere", "accounts/laanemere-sadamad/"),
    ("Odegard", "people/oodegard/"), ("Ødegård", "people/oodegard/"),
    ("Berzins", "people/aberzins/"), ("Kylmalogistiikka", "accounts/pohjolan-kylmalogistiikka/"),
    ("Павлова", "accounts/baltijas-piena/"),
])
def test_typing_a_name_with_or_without_its_marks_lists_its_page(search_page, typed, expected):
    url, page = search_page
    page.goto(url, wait_until="load")
    page.evaluate("document.querySelector('#__search').checked = true")
    page.focus("input.md-search__input")
    page.keyboard.type(typed, delay=20)  # as typed: Cyrillic arrives without a keyup
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    found = page.eval_on_selector_all(".md-search-result__item > a",
                                      "links => links.map(a => new URL(a.href).pathname)")
    assert f"/{expected}" in found, (typed, page.inner_text(".md-search-result__meta"), found)
