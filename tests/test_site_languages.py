"""One setting picks the site's language; `languages` builds a tree per language with a switcher.

The builds run under the pseudo-translation (tests/pseudo.py), so a word kam translated shows as
⟦word⟧ whatever the catalogs hold today.
"""

from __future__ import annotations

import json
import re

import pytest

from generator import i18n
from pseudo import pseudo  # noqa: F401 - a fixture
from test_site import build_site, make_repo


def _repo(tmp_path, settings: str):
    root = make_repo(tmp_path / "repo")
    portfolio = root / "accounts" / "_portfolio.yaml"
    portfolio.write_text(portfolio.read_text(encoding="utf-8") + settings, encoding="utf-8")
    return root


def _switcher(page: str) -> list[tuple[str, str]]:
    """The language switcher's links and languages (Material writes it in the header and the drawer)."""
    return list(dict.fromkeys(re.findall(r'href="([^"]*)" hreflang="(\w+)"', page)))


def _html_lang(page) -> str:
    return re.search(r'<html[^>]* lang="([^"]+)"', page.read_text(encoding="utf-8"))[1]


def test_language_sets_kams_words_materials_interface_and_the_html_lang(tmp_path, pseudo):
    out = build_site(_repo(tmp_path, "language: fi\n"), tmp_path / "site")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert _html_lang(out / "index.html") == "fi"
    assert 'placeholder="Hae"' in home  # Material's own Finnish
    assert "⟦Portfolio⟧" in home and "⟦Switch to dark mode⟧" in home  # mkdocs.yml's kam defaults
    assert "hreflang" not in home  # one language: no switcher
    assert not (out / "en").exists()


def test_languages_build_a_tree_per_language_with_a_switcher_between_them(tmp_path, pseudo):
    out = build_site(_repo(tmp_path, "languages: [et, en]\n"), tmp_path / "site")
    assert _html_lang(out / "index.html") == "et"
    assert _html_lang(out / "en" / "index.html") == "en"
    assert _html_lang(out / "en" / "accounts" / "nordvik" / "index.html") == "en"
    estonian = (out / "accounts" / "nordvik" / "index.html").read_text(encoding="utf-8")
    english = (out / "en" / "accounts" / "nordvik" / "index.html").read_text(encoding="utf-8")
    assert "⟦" in estonian and "⟦" not in english  # English is the code's own words
    assert _switcher(estonian) == [("../../", "et"), ("../../en/", "en")]
    assert _switcher(english) == [("../../../", "et"), ("../../../en/", "en")]
    for tree in (out, out / "en"):  # each tree has its own search, in its language
        index = json.loads((tree / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert "folded" in index["config"]["fields"]
    assert i18n.current() == "et"  # the pseudo fixture's language, as before the build


def test_norwegian_may_be_written_no_and_is_bokmal(tmp_path, pseudo):
    out = build_site(_repo(tmp_path, "language: 'no'\n"), tmp_path / "site")
    assert _html_lang(out / "index.html") == "nb"


def test_a_build_leaves_the_process_in_the_language_it_found(tmp_path):
    build_site(_repo(tmp_path, "language: ru\n"), tmp_path / "site")
    assert i18n.current() == "en"


def test_a_language_kam_has_no_catalog_for_is_a_clear_error(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    root = _repo(tmp_path, "language: de\n")
    result = CliRunner().invoke(main, ["validate", "--root", str(root)])
    assert result.exit_code == 1
    assert "_portfolio.yaml" in result.output and "Traceback" not in result.output
    assert "de" in result.output and "fi" in result.output  # says what was written and what kam has


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_every_language_has_a_catalog_and_materials_interface(code):
    from pathlib import Path

    import material

    assert code == "en" or i18n.catalog_path(code).is_file()
    assert (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html").is_file()


def test_a_site_in_two_languages_keeps_both_languages_diagrams_in_the_cache(tmp_path, pseudo):
    """Each tree's build prunes the diagrams it does not show once they are an hour old: the other
    tree's must count as used, or every build after an hour draws the second language again."""
    import os
    import time

    root = _repo(tmp_path, "languages: [et, en]\n")
    build_site(root, tmp_path / "site")
    cache = root / ".cache" / "kam" / "svg"
    svgs = sorted(cache.rglob("*.svg"))
    assert svgs
    hours_ago = time.time() - 2 * 3600
    for path in svgs:
        os.utime(path, (hours_ago, hours_ago))
    before = {path: path.stat().st_ino for path in svgs}
    unused = cache / "ab" / ("ab" + "0" * 62 + ".svg")  # a diagram no tree shows any more
    unused.parent.mkdir(exist_ok=True)
    unused.write_text("<svg/>", encoding="utf-8")
    os.utime(unused, (hours_ago, hours_ago))
    build_site(root, tmp_path / "site")
    after = {path: path.stat().st_ino for path in sorted(cache.rglob("*.svg"))}
    assert after == before  # none of the trees' pruned, none drawn again; the unused one pruned
