"""The portfolio's own pages in the language in use: the home page, the dashboard, the accounts
index, the people index and person pages, the quarterly reports (pages and `kam report`).

Built in-process from the example portfolio (accounts/) under pseudo-translation: every message
comes back as ⟦message⟧, so an English word left outside the brackets is a label that did not go
through the catalog. What may stay is what the user wrote (every string of the plans, the people
directory and the settings), and what other parts of kam write (the checks' finding messages).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
from babel import Locale

from generator import i18n, load, report as quarterly, site
from generator.checks import run_checks
from generator.render import account_cycle, charts, people, portfolio as portfolio_pages, report_page
from pseudo import OPEN, PSEUDO_LANGUAGE, pseudo, untranslated, visible_text  # noqa: F401

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 20)
_INNERMOST = re.compile("⟦[^⟦⟧]*⟧")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def strings(value):
    """Every string in a loaded YAML document (keys and values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


def user_texts() -> set[str]:
    """What the plans, the people directory and the settings say, and the files' paths."""
    texts = set()
    for path in sorted((REPO / "accounts").glob("*.yaml")):
        texts |= set(strings(load.load(path).data))
        texts.add(f"accounts/{path.name}")
    # the pictures write long names shortened
    return texts | {charts.clipped(text, chars, strip) for text in texts for strip in (False, True)
                    for chars in (charts.GROUP_CHARS, charts.PRODUCT_CHARS, charts.ACCOUNT_CHARS)}


def dates_words() -> set[str]:
    """The pseudo-language's month names as Babel writes dates in it (formats.date)."""
    months = Locale.parse(PSEUDO_LANGUAGE).months["format"]
    return {name for width in ("abbreviated", "wide") for name in months[width].values()}


def unbracketed(text: str) -> str:
    """The text with every ⟦message⟧ taken out, messages inside messages too ("⟦⟦↗ better⟧ than …⟧")."""
    while True:
        stripped = _INNERMOST.sub(" ", text)
        if stripped == text:  # what is left open is a message the page shortened ("…"): to its line's end
            return re.sub(f"{OPEN}[^\n]*", " ", text)
        text = stripped


def shown(page_markdown: str) -> str:
    """What a reader sees of a page: its title (the browser tab) and its body as MkDocs renders it."""
    front = _FRONT_MATTER.match(page_markdown)
    title = re.search(r"^title: (.*)$", front.group(1), re.M).group(1) if front else ""
    body = page_markdown[front.end():] if front else page_markdown
    html = markdown.markdown(body, extensions=["admonition", "attr_list", "tables", "toc"])
    return visible_text(f"<title>{title}</title>{html}")


def english_left(page_markdown: str, allowed: set[str]) -> list[str]:
    return untranslated(unbracketed(shown(page_markdown)), allowed)


@pytest.fixture
def example():
    """The example portfolio's render context, its findings judged in the language in use."""
    portfolio = site.load(REPO)
    return site.context(portfolio, run_checks(portfolio, TODAY), site.Options(TODAY))


def allowed(ctx) -> set[str]:
    return user_texts() | dates_words()


def test_the_home_page_has_no_untranslated_label(pseudo, example):
    home = portfolio_pages.home(example).markdown
    # The portfolio's pipeline at the end of the page is the account pages' section (render/account_cycle.py).
    pipeline = "\n".join(account_cycle.portfolio_pipeline(example))
    assert pipeline in home
    assert english_left(home.replace(pipeline, ""), allowed(example)) == []


def test_the_dashboard_and_the_accounts_index_have_no_untranslated_label(pseudo, example):
    for page in (portfolio_pages.dashboard(example), portfolio_pages.accounts_index(example)):
        assert english_left(page.markdown, allowed(example)) == [], page.uri


def test_the_people_index_and_every_person_page_have_no_untranslated_label(pseudo, example):
    index = people.PeopleIndex(example)
    pages = [people.index(example, index)] + [people.person(example, index, p) for p in index.people()]
    assert len(pages) > 10
    for page in pages:
        assert english_left(page.markdown, allowed(example)) == [], page.uri


def test_every_report_page_has_no_untranslated_label(pseudo, example):
    pages = report_page.pages(example)
    assert len(pages) >= 3
    for page in pages:
        assert english_left(page.markdown, allowed(example)) == [], page.uri


def test_kam_reports_markdown_has_no_untranslated_label(pseudo, example):
    for period in ("2026-Q3", "2026-Q4"):
        text = report_page.to_markdown(quarterly.build(example.portfolio, period, TODAY))
        assert english_left(text, allowed(example)) == [], period


ANCHOR_OR_TARGET = re.compile(r"\{#([a-z0-9_-]+)[^}]*\}|\]\(([^)\s]+)\)|\bid=\"([^\"]+)\"")


def anchors_and_links(page_markdown: str) -> list[str]:
    return sorted("".join(found) for found in ANCHOR_OR_TARGET.findall(page_markdown))


def test_anchors_and_links_do_not_change_with_the_language(pseudo, example):
    """Headings carry explicit ids and links their own targets: a translated page links as the English one."""
    index = people.PeopleIndex(example)

    def build():
        pages = [portfolio_pages.home(example), portfolio_pages.dashboard(example),
                 portfolio_pages.accounts_index(example), people.index(example, index),
                 people.person(example, index, "oodegard")] + report_page.pages(example)
        return {page.uri: anchors_and_links(page.markdown) for page in pages}

    translated = build()
    with i18n.use("en"):
        english = build()
    assert translated == english
    assert "dashboard" in english["dashboard.md"] and "by-tier" in english["index.md"]


def test_amounts_dates_and_quarters_are_written_as_the_reader_writes_them(example):
    from generator import formats

    with i18n.use("fi"):
        pipeline = "\n".join(account_cycle.portfolio_pipeline(example))  # the account pages' section
        home = shown(portfolio_pages.home(example).markdown.replace(pipeline, ""))
        report = report_page.to_markdown(quarterly.build(example.portfolio, "2026-Q3", TODAY))
        amount, quarter = formats.money(580000, "EUR"), formats.period("2026-Q3")
        day = formats.date(dt.date(2026, 9, 30))  # the report's as-of date: the quarter's last day
    assert amount == "580\u00a0000\u00a0€" and quarter != "2026-Q3"
    assert amount in home and "580,000 EUR" not in home
    assert f"({quarter})" in home and "(2026-Q3)" not in home
    assert quarter in report.splitlines()[0] and day in report.splitlines()[2]


def test_the_words_the_example_does_not_reach_are_translated_too(pseudo, example):
    """Trends since a review, every count of findings, mono-dependence and a missing exchange rate:
    the example portfolio has none of them today, the pages' functions are given them."""
    from generator.health import Health, Trend
    from generator.render import health, shape
    from generator.render.figures import AccountShare, Concentration

    before = Health("nordvik", "at_risk", 5.0, (1, 1, 0), 0)
    now = Health("nordvik", "attention", 1.0, (0, 1, 2), 1)
    cells = [health.health_cell(now, Trend(direction, "2026-Q3", before)) for direction in ("better", "worse", "same")]
    cells += [health.health_cell(Health("x", "healthy", 0.0, counts, 0))
              for counts in ((0, 0, 0), (2, 3, 1), (1, 1, 1))]
    plan = example.portfolio.plans[0]
    conc = Concentration("2026-Q3", 1_000_000.0, (AccountShare(plan.id, 800_000.0, 0.8, True),), 800_000.0, 0.8,
                         ("SEK", "USD"))
    parts = cells + portfolio_pages.concentration(example, conc) + shape.pictures(example, conc)
    text = "\n\n".join(parts)
    assert "mono" in text.casefold() and "SEK" in text
    assert english_left(text, allowed(example) | {"SEK", "USD"}) == []
