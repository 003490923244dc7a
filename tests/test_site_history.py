"""The history on the built site: a real git repository of three commits (tests/gitrepo.py), the
same plans outside git, and the option and environment variable that turn history off.

Each build is of the one-account minimal fixture with `mkdocs build --strict` (about a second).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import environment
from generator.history import AttitudePoint, AttitudeTrend, Commit, CoveragePoint, PlanHistory, ReviewRecord
from generator.render import history as render
from generator.render.context import Context
from gitrepo import GIT_ENV, FIXTURES, make_repo
from test_site import REPO, build_site, text_of, visible

PLAN = "accounts/nordvik.yaml"
HOSTILE_SUBJECT = "Kari is our champion <script>alert(1)</script> *x* [y](z) {: .evil }"
HOSTILE_AUTHOR = "Päivi *Mäkelä* `code`"


def with_site_config(root: Path, history: str | None = None) -> Path:
    """The project's mkdocs.yml and docs/ beside the plans (not committed); `history:` set when given."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if history is not None:
        config = config.replace("  - kam:\n", f"  - kam:\n      history: {history}\n", 1)
        assert f"history: {history}" in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def git_plans(tmp_path_factory):
    """Three commits: the fixture (2026-01-01), a coverage gained (01-02), an attitude changed (01-03)."""
    with environment(**GIT_ENV):
        repo = make_repo(tmp_path_factory.mktemp("history") / "plans")
        repo.edit(PLAN, "      - {stakeholder: kari, strength: medium}",
                  "      - {stakeholder: kari, strength: medium}\n      - {stakeholder: ola, strength: weak}")
        repo.commit("Päivi covers Ola too")
        repo.edit(PLAN, "attitude: supporter", "attitude: champion")
        repo.commit(HOSTILE_SUBJECT, author=HOSTILE_AUTHOR)
        yield with_site_config(repo.root)


@pytest.fixture(scope="module")
def git_site(git_plans, tmp_path_factory):
    with environment(**GIT_ENV):
        out = build_site(git_plans, tmp_path_factory.mktemp("history-site") / "site")
    return text_of(out / "accounts" / "nordvik" / "index.html")


def history_part(page: str) -> str:
    """The page from the History heading on."""
    return page[page.rindex("<h2", 0, page.index('id="plan-history"')):]


def test_the_page_says_when_the_plan_last_changed_and_who_changed_it(git_site):
    text = visible(git_site)  # (it joins " ." and " :" as prose would)
    assert (f"Plan last changed on 2026-01-03 by {HOSTILE_AUTHOR}: Kari is our champion <script>alert(1)</script> "
            "*x* [y](z) {:.evil } ( history )") in text
    assert git_site.index("Plan last changed") < git_site.index('id="health"')
    assert '<p class="kam-changed" data-search-exclude>' in git_site  # commit subjects stay out of search


def test_commit_text_is_escaped(git_site):
    assert "<script>alert(1)" not in git_site
    assert "<em>x</em>" not in git_site and "<em>Mäkelä</em>" not in git_site and "<code>code" not in git_site
    assert 'href="z"' not in git_site and "evil" not in re.findall(r'class="([^"]*)"', git_site)


def test_the_history_section_shows_reviews_trends_and_coverage(git_site):
    part = history_part(git_site)
    text = visible(part)
    assert git_site.index('id="reviews"') < git_site.index('id="plan-history"')
    assert "From git: 3 commits changed this plan." in text
    # reviews as recorded: period, held, with the customer (not said), next review, the commit that recorded it
    assert "2026-Q3 2026-10-05 – 2027-01-05 2026-01-01 by Jüri Tamm" in text
    # Kari's attitude changed; Ola's did not, so Ola has no trend
    assert "Kari Nordmann: supporter 2026-01-01 → champion 2026-01-03" in text
    assert "Ola Hansen" not in text
    assert re.search(r'kam-chip kam-att-supporter">supporter</span>.*?→.*?kam-chip kam-att-champion">champion', part,
                     re.S)
    assert '<a href="#s-kari">Kari Nordmann</a>' in part
    # coverage: 3 pairs, then 4 (newest first)
    assert "2026-01-02 4 +1 Jüri Tamm 2026-01-01 3 – Jüri Tamm" in text


def test_private_data_never_appears(git_site):
    assert "Langrenn" not in git_site and "12. mai" not in git_site


def test_outside_git_the_site_builds_and_says_why_there_is_no_history(tmp_path):
    root = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", root, ignore=shutil.ignore_patterns(".cache"))
    with environment(GIT_CEILING_DIRECTORIES=str(tmp_path)):
        page = text_of(build_site(with_site_config(root), tmp_path / "site") / "accounts" / "nordvik" / "index.html")
    text = visible(history_part(page)).strip()
    assert text.startswith("History ¶ History from git is unavailable: no git history: not a git repository")
    assert "Plan last changed" not in page


@pytest.mark.parametrize("option, env, shown", [("false", "", False), ("true", "0", False), ("false", "yes", True)])
def test_the_option_and_kam_history_turn_history_off_and_on(git_plans, tmp_path, option, env, shown):
    root = tmp_path / "plans"
    shutil.copytree(git_plans, root, ignore=shutil.ignore_patterns("site", ".cache"))
    with environment(**GIT_ENV, KAM_HISTORY=env):
        page = text_of(build_site(with_site_config(root, option), tmp_path / "site") / "accounts/nordvik/index.html")
    assert ('id="plan-history"' in page, "Plan last changed" in page) == (shown, shown)
    assert 'id="reviews"' in page


def test_a_wrong_kam_history_stops_the_build(git_plans, tmp_path, caplog):
    from mkdocs.exceptions import Abort

    with environment(KAM_HISTORY="maybe"), pytest.raises(Abort):
        build_site(git_plans, tmp_path / "site")
    assert "KAM_HISTORY must be true or false (1/0, yes/no, on/off); got 'maybe'" in caplog.text


# --- the section from a history made up here (no git) ----------------------------------------

def commit(day: int, author: str = "Jüri Tamm", subject: str = "Edit") -> Commit:
    return Commit(f"{day:040x}", dt.datetime(2026, 1, day, 9, tzinfo=dt.timezone.utc), author, subject)


def render_section(history: PlanHistory) -> str:
    from generator import site

    portfolio = site.load(FIXTURES / "minimal")
    ctx = Context(portfolio, dt.date(2026, 11, 20), histories={"nordvik": history})
    return "\n".join(render.section(portfolio.plan("nordvik"), ctx, "accounts/nordvik/index.md"))


def test_a_former_stakeholder_is_never_shown_and_a_long_coverage_history():
    # Someone no longer in the plan (erased on request, or removed after leaving) is left out of the
    # history, though git still holds them; the people still in the plan go by their current name.
    commits = tuple(commit(day) for day in range(28, 0, -1))
    points = (AttitudePoint(dt.date(2026, 1, 1), "blocker"), AttitudePoint(dt.date(2026, 1, 5), "sceptic"))
    former = AttitudeTrend("mati", "Mati Maasikas", points, False)
    renamed = AttitudeTrend("kari", "Kari Old-Name", points, True)
    coverage = tuple(CoveragePoint(c.date.date(), day % 7, c.id) for day, c in enumerate(reversed(commits)))
    review = ReviewRecord("2026-Q1", dt.date(2026, 3, 30), None, False, commits[0])
    markdown = render_section(PlanHistory(PLAN, True, None, commits[0], commits, (review,), (former, renamed),
                                          coverage, ("f" * 40,), True))
    assert "From git: 28 commits changed this plan (only the latest are read). 1 version" in markdown
    assert "Maasikas" not in markdown and "mati" not in markdown and "Old-Name" not in markdown
    assert "**[Kari Nordmann](#s-kari)**: " in markdown
    assert 'kam-att-blocker">blocker</span><span class="kam-trend-date">2026-01-01</span> → ' in markdown
    assert f"The latest {render.MAX_COVERAGE_ROWS} of 28 changes:" in markdown
    assert markdown.count("\n| <span") == render.MAX_COVERAGE_ROWS + 1  # and the one review


def test_no_attitude_changed_and_coverage_unchanged():
    commits = (commit(2), commit(1))
    trend = AttitudeTrend("kari", "Kari Nordmann", (AttitudePoint(dt.date(2026, 1, 1), "supporter"),), True)
    coverage = (CoveragePoint(dt.date(2026, 1, 1), 3, commits[1].id), CoveragePoint(dt.date(2026, 1, 2), 3, commits[0].id))
    markdown = render_section(PlanHistory(PLAN, True, None, commits[0], commits, (), (trend,), coverage))
    assert "*No reviews recorded.*" in markdown
    assert "*No stakeholder&#39;s attitude changed in these commits.*" in markdown or \
           "*No stakeholder's attitude changed in these commits.*" in markdown
    assert "Unchanged: 3 pairs of our people and theirs since 2026-01-01." in markdown
