"""The account page in another language: every word kam writes on it goes through the catalog.

Under the pseudo-translation (tests/pseudo.py) every message comes back as ⟦message⟧; what is left
outside the brackets must be the plan's own texts (names, titles, notes as the team wrote them), the
people directory's and the settings' names, or the locale's own words for months (Babel's).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
import yaml
from babel import Locale
from babel.dates import get_month_names, get_quarter_names

from generator import i18n, site
from generator.history import (NOT_COMMITTED, AttitudePoint, AttitudeTrend, Commit, CoveragePoint, PlanHistory,
                               ReviewRecord)
from generator.render import account, documents
from generator.render.health import explained
from pseudo import PSEUDO_LANGUAGE, PseudoTranslations, pseudo, untranslated, visible_text  # noqa: F401

ROOT = Path(__file__).parent.parent
ACCOUNT = "laanemere-sadamad"  # the largest example plan: every section of the page has something
TODAY = dt.date(2026, 11, 20)
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")  # the words untranslated() looks at


def strings(node) -> set[str]:
    """Every string value (and key) of a loaded YAML document: the plan's own texts."""
    if isinstance(node, dict):
        return set().union(*(strings(k) | strings(v) for k, v in node.items())) if node else set()
    if isinstance(node, list):
        return set().union(*(strings(v) for v in node)) if node else set()
    return {node} if isinstance(node, str) else set()


def own_texts() -> set[str]:
    """The words of what the plan, the people directory and the settings say, and of the account's
    document paths and texts: shown as written, never translated."""
    out = set()
    for name in (f"{ACCOUNT}.yaml", "_people.yaml", "_portfolio.yaml"):
        out |= strings(yaml.safe_load((ROOT / "accounts" / name).read_text(encoding="utf-8")))
    folder = ROOT / "accounts" / ACCOUNT
    for path in folder.rglob("*"):
        if path.is_file():
            out.add(path.relative_to(folder).as_posix())
            if path.suffix == ".md":
                out |= set(path.read_text(encoding="utf-8").split())
    # the locale's own month and quarter names (Babel's), which dates and quarters are written with
    for width in ("abbreviated", "wide"):
        out |= set(get_month_names(width, locale=PSEUDO_LANGUAGE).values())
        out |= set(get_quarter_names(width, locale=PSEUDO_LANGUAGE).values())
    # and its names of languages and countries (Babel's), which the facts name the plan's with
    locale = Locale.parse(PSEUDO_LANGUAGE)
    out |= set(locale.languages.values()) | set(locale.territories.values())
    # word by word: prose is shown with its own line breaks and character references
    return {word for text in out for word in LATIN_WORD.findall(text)}


def commit(day: int, author: str = "Jüri Tamm", subject: str = "Edit") -> Commit:
    return Commit(f"{day:040x}", dt.datetime(2026, 1, day, 9, tzinfo=dt.timezone.utc), author, subject)


def history_of(plan, days: int = 9, changing: bool = True) -> PlanHistory:
    """A history with every part of the section: reviews, a changed attitude, coverage that changed (or
    not), skipped and truncated versions."""
    commits = tuple(commit(day) for day in range(days, 0, -1))
    someone = plan.stakeholders[0]
    attitudes = (AttitudeTrend(someone.id, someone.name, (AttitudePoint(dt.date(2026, 1, 1), "neutral"),
                                                          AttitudePoint(dt.date(2026, 1, 5), someone.attitude)), True),)
    coverage = tuple(CoveragePoint(c.date.date(), 3 + changing * (day % 2), c.id)
                     for day, c in enumerate(reversed(commits)))
    reviews = tuple(ReviewRecord(r.period, r.date, r.next_review, r.with_customer, commits[0]) for r in plan.reviews)
    return PlanHistory(f"accounts/{ACCOUNT}.yaml", True, None, commits[0], commits, reviews, attitudes, coverage,
                       ("f" * 40,), True)


def page_text(ctx, plan) -> str:
    """The page's visible text, as a reader sees it: its Markdown converted as the site converts it."""
    source = account.build(plan, ctx).markdown.split("---\n", 2)[2]  # without the front matter
    # the Health section's explanation comes from render/health.py (the dashboard's words, tested with them)
    source = source.replace(explained(ctx, plan), "")
    return visible_text(markdown.markdown(source, extensions=["admonition", "attr_list", "tables"]))


class CatalogedPseudo(PseudoTranslations):
    """Brackets only the messages kam.pot holds: a message `make messages` cannot extract (a `_()` inside an
    f-string, a computed msgid) stays bare English, as a translator would never see it."""

    def __init__(self, catalog):
        super().__init__()
        self.catalog = catalog

    def gettext(self, message):
        return super().gettext(message) if self.catalog.get(message) else message

    def ngettext(self, singular, plural, n):
        return super().ngettext(singular, plural, n) if self.catalog.get(singular) else (singular if n == 1 else plural)

    def pgettext(self, context, message):
        return super().pgettext(context, message) if self.catalog.get(message, context=context) else message

    def npgettext(self, context, singular, plural, n):
        found = self.catalog.get(singular, context=context)
        return super().npgettext(context, singular, plural, n) if found else (singular if n == 1 else plural)


@pytest.fixture
def cataloged(pseudo, monkeypatch):
    """The pseudo-language, for the messages in generator/locale/kam.pot only."""
    from babel.messages.pofile import read_po

    with (i18n.LOCALE_DIR / "kam.pot").open("rb") as pot:
        translations = CatalogedPseudo(read_po(pot))
    monkeypatch.setattr(i18n, "translations", lambda code: translations)


@pytest.fixture(scope="module")
def portfolio():
    return site.load(ROOT)


@pytest.mark.parametrize("audience, days, changing", [("team", 9, True), ("company", 9, True), ("team", 28, True),
                                                      ("team", 5, False)])
def test_the_account_page_has_no_word_outside_the_catalog(cataloged, portfolio, audience, days, changing):
    options = site.Options(today=TODAY, include_private=True, audience=audience)
    ctx = site.context(portfolio, (), options)
    plan = ctx.portfolio.plan(ACCOUNT)
    ctx.histories = {ACCOUNT: history_of(plan, days, changing)}
    text = page_text(ctx, plan)
    assert "⟦Stakeholders⟧" in text and "⟦Plan last changed on" in text and "⟦Coverage over time⟧" in text
    assert ("⟦The latest" in text) == (days > 20) and ("⟦Unchanged:" in text) == (not changing)
    assert untranslated(text, own_texts()) == []


@pytest.mark.parametrize("today", [dt.date(2025, 3, 1), dt.date(2026, 12, 15), dt.date(2028, 6, 1)])
def test_on_other_days_the_notes_on_dates_are_in_the_catalog(cataloged, portfolio, today):
    """Before and after the plan's dates: tenders to prepare, proposals expiring or expired, late actions,
    commitments and opportunities, overdue goals and reviews."""
    ctx = site.context(portfolio, (), site.Options(today=today))
    plan = ctx.portfolio.plan(ACCOUNT)
    assert untranslated(page_text(ctx, plan), own_texts()) == []


def test_a_plan_in_a_currency_without_an_exchange_rate(cataloged, portfolio):
    ctx = site.context(portfolio, (), site.Options(today=TODAY))
    plan = ctx.portfolio.plan(ACCOUNT)
    plan = dataclasses.replace(plan, situation=dataclasses.replace(plan.situation, currency="SEK"))
    text = page_text(ctx, plan)
    assert "⟦no exchange rate⟧" in text and "(no exchange rate for SEK in the settings: left out)." in text
    assert untranslated(text, own_texts() | {"SEK"}) == []


def test_the_empty_sections_and_a_missing_history_say_so_in_the_catalog(cataloged, portfolio):
    ctx = site.context(portfolio, (), site.Options(today=TODAY))
    plan = ctx.portfolio.plan(ACCOUNT)
    empty = dataclasses.replace(plan, stakeholders=(), team=(), goals=(), actions=(), commitments=(), reviews=(),
                                tenders=(), proposals=(), opportunities=(), interactions=(), silenced=())
    ctx.histories = {ACCOUNT: PlanHistory(f"accounts/{ACCOUNT}.yaml", False, NOT_COMMITTED)}
    text = page_text(ctx, empty)
    assert "⟦the file has no commits yet⟧" in text and "⟦No stakeholders recorded yet.⟧" in text
    assert untranslated(text, own_texts()) == []


def test_document_pages_and_the_documents_section_are_in_the_catalog(cataloged, portfolio):
    ctx = site.context(portfolio, (), site.Options(today=TODAY))
    plan = ctx.portfolio.plan(ACCOUNT)
    section = visible_text(markdown.markdown("\n".join(documents.section(plan, ctx, f"accounts/{ACCOUNT}/index.md")),
                                             extensions=["tables"]))
    assert "⟦Recorded with⟧" in section
    assert untranslated(section, own_texts()) == []
    for page in documents.pages(plan, ctx):
        body = page.markdown.split("---\n", 2)[2]
        assert "⟦Document of" in body
        assert untranslated(visible_text(markdown.markdown(body)), own_texts()) == []


def test_anchors_stay_english_in_every_language(cataloged, portfolio):
    """Links from other pages (#s-<id>, #actions, #plan-history ...) keep working in every language."""
    ctx = site.context(portfolio, (), site.Options(today=TODAY))
    plan = ctx.portfolio.plan(ACCOUNT)
    page = account.build(plan, ctx).markdown
    for anchor in ("health", "classification", "situation", "products", "goals", "map", "stakeholders", "team",
                   "actions", "commitments", "reviews", "tenders", "proposals", "buying-process"):
        assert f"{{#{anchor}" in page, anchor
    assert i18n.current() == PSEUDO_LANGUAGE
