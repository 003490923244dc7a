"""`kam person show` (subject access) and `kam person erase` (erasure): on a commented plan, on every
example plan, and through git history to the built site."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, REPO_ROOT, environment, write
from generator.cli import main
from generator.person import erase
from generator.workspace import load_portfolio
from gitrepo import GIT_ENV, git_repo, make_repo  # noqa: F401 - git_repo is a fixture
from test_site import all_files, build_site
from test_site_history import with_site_config

PLAN = "accounts/nordvik.yaml"


def kam(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- kam person show -------------------------------------------------------------------

def test_show_lists_every_field_private_data_references_and_commits(git_repo):
    result = kam("person", "show", "kari nordmann")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"Kari Nordmann (kari) in Nordvik Havn AS ({PLAN}):"
    assert f"  {PLAN}:21:25: private.birthday: 12. mai" in lines
    assert f"  {PLAN}:18:15: attitude: supporter" in lines
    assert f"  {PLAN}:25:17: reference: Ola Hansen reports to them" in lines
    assert f"  {PLAN}:34:9: reference: covered by Jüri Tamm (strong)" in lines
    assert lines[-2].startswith("git history: 1 commit(s) mention them:") and "Start the portfolio" in lines[-1]
    plan_lines = (git_repo.root / PLAN).read_text(encoding="utf-8").splitlines()
    assert "12. mai" in plan_lines[20] and "reports_to: kari" in plan_lines[24]


def test_show_as_json_and_by_id(git_repo):
    result = kam("person", "show", "kari", "--format", "json")
    data = json.loads(result.output)
    (record,) = data["records"]
    assert record["stakeholder"] == "kari" and record["file"] == PLAN
    assert {"field": "private.hobbies", "value": "Langrenn", "line": 21, "column": 43} in record["fields"]
    assert [c["subject"] for c in data["commits"]] == ["Start the portfolio"]


def test_show_finds_nobody_exit_1(repo):
    result = kam("person", "show", "Nobody Here")
    assert result.exit_code == 1
    assert "nobody called or with the id 'Nobody Here' in the current plans" in result.output
    assert "git history: no git history" in result.output


# --- the edit keeps comments and formatting ------------------------------------------------

# A plan with comments in every awkward place, and the same plan after `kam person erase kari`.
COMMENTED = (FIXTURES / "erase" / "commented.yaml").read_text(encoding="utf-8")
ERASED = (FIXTURES / "erase" / "erased.yaml").read_text(encoding="utf-8")


def test_erase_removes_only_the_person_and_the_lines_naming_them(repo):
    write(repo, PLAN, COMMENTED)
    result = kam("person", "erase", "kari")
    assert result.exit_code == 0, result.output
    after = (repo / PLAN).read_text(encoding="utf-8")
    assert after == ERASED
    changed = [line for line in difflib.unified_diff(COMMENTED.splitlines(), after.splitlines(), lineterm="", n=0)
               if line.startswith("+") and not line.startswith("+++")]
    assert changed == ["+    influences: [per]"]  # every other change is a removed line
    assert f"{PLAN}: removed stakeholder Kari Nordmann (kari); Ola Hansen reports to them" in result.output
    assert load_portfolio(repo).ok


def test_dry_run_shows_the_diff_and_writes_nothing(repo):
    write(repo, PLAN, COMMENTED)
    result = kam("person", "erase", "kari", "--dry-run")
    assert result.exit_code == 0
    assert f"--- {PLAN}\n+++ {PLAN}\n" in result.output and "-  - id: kari\n" in result.output
    assert (repo / PLAN).read_text(encoding="utf-8") == COMMENTED


def test_erase_by_name_or_unknown_id_says_what_to_type(repo):
    result = kam("person", "erase", "Kari Nordmann")
    assert result.exit_code == 1
    assert "no stakeholder 'Kari Nordmann' in the current plans; Kari Nordmann is 'kari' in nordvik" in result.output
    assert kam("person", "erase", "kari", "--account", "nordvk").exit_code == 2


def test_free_text_that_still_names_them_is_reported_not_rewritten(repo):
    text = (repo / PLAN).read_text(encoding="utf-8")
    write(repo, PLAN, text.replace("    title: Innkjøpssjef\n", "    title: Innkjøpssjef\n"
                                   "    notes: Kari Nordmann's right hand\n"))
    result = kam("person", "erase", "kari")
    assert result.exit_code == 0
    assert re.search(rf"{PLAN}:\d+: still names them .*: notes: Kari Nordmann's right hand", result.output)
    assert "notes: Kari Nordmann's right hand" in (repo / PLAN).read_text(encoding="utf-8")


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def _most_referenced(root: Path) -> list[tuple[str, str]]:
    """Each plan under `root` with its most referenced stakeholder."""
    from generator.person import references

    portfolio = load_portfolio(root).portfolio()
    return [(Path(plan.file).name, max(plan.stakeholders, key=lambda s: len(references(plan, s.id))).id)
            for plan in portfolio.plans]


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory) -> Path:
    from generator.demo import write_demo

    root = tmp_path_factory.mktemp("demo") / "plans"
    write_demo(root, 6, seed=3, today=dt.date(2026, 11, 23))
    return root


def assert_erased_cleanly(source: Path, tmp_path: Path, monkeypatch, plan_file: str, sid: str) -> None:
    root = tmp_path / "plans"
    shutil.copytree(source / "accounts", root / "accounts")
    monkeypatch.chdir(root)
    before = (root / "accounts" / plan_file).read_text(encoding="utf-8")
    (change,) = erase.changes(load_portfolio(root).portfolio(), sid)
    diff = list(difflib.unified_diff(before.splitlines(), change.after.splitlines(), lineterm="", n=0))
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    # the only lines changed in place are lists that named them, now without them
    assert all(re.sub(r"\s+", "", a) in {re.sub(rf"(?<![\w-]){sid}(?![\w-]),?\s*|,\s*{sid}(?=\])", "", r).replace(" ", "")
                                         for r in removed} for a in added)
    assert not any(sid in line for line in added)
    # a comment goes only when it sat inside the erased person's own lines
    lost = [c for c in _comments(before) if c not in _comments(change.after)]
    assert all(any(c in line for line in removed) for c in lost)
    (root / "accounts" / plan_file).write_text(change.after, encoding="utf-8")
    result = load_portfolio(root)
    assert result.ok, [d.message for d in result.diagnostics]
    assert result.portfolio().plan(change.account).stakeholder(sid) is None


@pytest.mark.parametrize("plan_file, sid", _most_referenced(REPO_ROOT))
def test_erasing_from_every_example_keeps_every_other_comment_and_line(tmp_path, monkeypatch, plan_file, sid):
    assert_erased_cleanly(REPO_ROOT, tmp_path, monkeypatch, plan_file, sid)


def test_erasing_from_a_demo_portfolio_keeps_every_other_comment_and_line(demo_root, tmp_path, monkeypatch):
    cases = _most_referenced(demo_root)
    assert len(cases) == 6
    for i, (plan_file, sid) in enumerate(cases):
        assert_erased_cleanly(demo_root, tmp_path / str(i), monkeypatch, plan_file, sid)


# --- after an erasure the site shows them nowhere, history included -----------------------

def test_after_an_erasure_the_site_never_shows_them_though_git_history_holds_them(tmp_path, monkeypatch):
    with environment(**GIT_ENV):
        repo = make_repo(tmp_path / "plans")
        repo.edit(PLAN, "attitude: champion", "attitude: sceptic")
        repo.commit("Ola is sceptical now")
        repo.edit(PLAN, "attitude: sceptic", "attitude: champion")
        repo.commit("Ola is back on our side")
        monkeypatch.chdir(repo.root)
        result = kam("person", "erase", "ola")
        assert result.exit_code == 0, result.output
        assert "git history still holds them: 1 commit(s) add, change or name them" in result.output
        assert "git filter-repo --replace-text" in result.output
        repo.commit("Erase a person on request")
        shown = kam("person", "show", "Ola Hansen")  # gone from the plans, still in git history
        assert shown.exit_code == 1 and "git history: 2 commit(s) mention them:" in shown.output
        assert "Erase a person on request" in shown.output and "Start the portfolio" in shown.output
        out = build_site(with_site_config(repo.root), tmp_path / "site")
    page = (out / "accounts" / "nordvik" / "index.html").read_text(encoding="utf-8")
    assert 'id="plan-history"' in page and "Erase a person on request" in page
    assert "Ola is back" not in repo.git("log", "-1", "--format=%s") and "Ola Hansen" in repo.git("show", "HEAD~1:" + PLAN)
    found = [p.relative_to(out).as_posix() for p, text in all_files(out) if "Ola Hansen" in text or "Innkjøpssjef" in text]
    assert found == []


def test_an_edit_that_would_leave_the_portfolio_invalid_is_put_back(repo):
    before = (repo / PLAN).read_text(encoding="utf-8")
    broken = erase.Change(PLAN, "nordvik", "kari", "Kari Nordmann", before, before.replace("tier: strategic", "tier: x"),
                          ("stakeholder Kari Nordmann (kari)",), ())
    errors = erase.apply(repo, [broken])
    assert [d.path for d in errors] == [PLAN] and (repo / PLAN).read_text(encoding="utf-8") == before
