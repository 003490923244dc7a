"""Devices, pipes, links and git history a pull request can commit: bounded reads, positioned
diagnostics, and links followed only inside the repository, the same way by every command."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import gitio, history, site
from generator.cli import main
from gitrepo import git_repo  # noqa: F401 - a fixture

TODAY = dt.date(2026, 11, 23)


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


def _link(path: Path, target: str) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(target)


def test_a_people_directory_linked_to_dev_zero_is_a_positioned_error(repo: Path):
    _link(repo / "accounts/_people.yaml", "/dev/zero")
    for command in (("validate",), ("check", "--today", "2026-11-23")):
        result = kam(*command)
        assert result.exit_code == 1, result.output
        assert "accounts/_people.yaml:1:1: error: the file is a symbolic link to a file outside the repository" \
               in result.output
    with pytest.raises(site.SiteError) as caught:
        site.load(repo)
    assert "accounts/_people.yaml:1:1: error" in str(caught.value)


def test_a_device_or_pipe_is_not_read(repo: Path):
    os.mkfifo(repo / "accounts/pipe.yaml")  # a reader would wait forever for a writer
    _link(repo / "accounts/zero.yaml", "../zero")
    _link(repo / "zero", "/dev/zero")
    result = kam("validate")
    assert result.exit_code == 1
    assert "accounts/pipe.yaml:1:1: error: not a regular file (a device, pipe or folder)" in result.output
    assert "accounts/zero.yaml:1:1: error: the file is a symbolic link to a file outside the repository" \
           in result.output


def test_a_plan_linked_to_a_file_outside_the_repository_is_an_error(repo: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere.yaml"
    shutil.copy(repo / "accounts/nordvik.yaml", outside)
    _link(repo / "accounts/nordvik.yaml", str(outside))
    result = kam("validate", "accounts/nordvik.yaml")
    assert result.exit_code == 1
    assert "accounts/nordvik.yaml:1:1: error: the file is a symbolic link to a file outside the repository" \
           in result.output


def test_the_size_cap_counts_bytes_read_not_the_size_the_file_claims(repo: Path, monkeypatch):
    from generator import load

    monkeypatch.setattr(load, "MAX_BYTES", 300)
    result = kam("validate")
    assert result.exit_code == 1 and "over the limit of 300 bytes [file-size]" in result.output


def _linked_plan(git_repo) -> None:
    """accounts/nordvik.yaml becomes a link to shared/nordvik.yaml, committed."""
    root = git_repo.root
    (root / "shared").mkdir()
    shutil.move(root / "accounts/nordvik.yaml", root / "shared/nordvik.yaml")
    _link(root / "accounts/nordvik.yaml", "../shared/nordvik.yaml")
    git_repo.commit("The plan lives in shared/")


def test_a_plan_linked_inside_the_repository_is_its_target_everywhere(git_repo):
    root = git_repo.root
    _linked_plan(git_repo)
    git_repo.edit("shared/nordvik.yaml", "attitude: supporter", "attitude: champion")
    git_repo.commit("Kari is a champion")
    assert kam("validate").exit_code == 0
    assert kam("check", "--today", "2026-11-23").exit_code in (0, 1)
    portfolio = site.load(root)
    built = site.build(portfolio, (), site.Options(TODAY, cache_dir=root / ".svg", history_root=root))
    assert any(page.uri.startswith("accounts/nordvik") for page in built.pages)
    found = history.for_plans(root, portfolio.plans)["nordvik"]
    assert found.available and found.commits[0].subject == "Kari is a champion"
    diff = kam("diff", "HEAD~1", "HEAD", "--today", "2026-11-23")
    assert diff.exit_code == 0, diff.output
    assert "not valid" not in diff.output and "champion" in diff.output


def test_a_committed_link_to_dev_zero_is_an_error_in_the_diff_never_a_hang(git_repo):
    _link(git_repo.root / "accounts/_people.yaml", "/dev/zero")
    git_repo.commit("People from nowhere")
    for args in (("HEAD~1", "HEAD"), ("HEAD~1",)):
        result = kam("diff", *args, "--today", "2026-11-23")
        assert result.exit_code == 0, result.output
        assert "people.yaml" in result.output and "outside the repository" in result.output


def test_a_commit_with_a_date_python_cannot_hold_is_skipped_with_one_warning(git_repo, caplog):
    root = git_repo.root
    git_repo.edit("accounts/nordvik.yaml", "attitude: supporter", "attitude: champion")
    git_repo.commit("From a far time zone", date="@1700000000 +9959")
    git_repo.edit("accounts/nordvik.yaml", "attitude: champion", "attitude: neutral")
    good = git_repo.commit("Back home")
    caplog.set_level(logging.WARNING, logger="kam.history")
    portfolio = site.load(root)
    found = history.for_plans(root, portfolio.plans)["nordvik"]
    assert found.available and found.commits[0].id == good and len(found.commits) == 2
    assert history.plan_history(root, "accounts/nordvik.yaml").commits == found.commits
    built = site.build(portfolio, (), site.Options(TODAY, cache_dir=root / ".svg", history_root=root))
    assert built.pages
    warnings = [r for r in caplog.records if "date" in r.getMessage()]
    assert len(warnings) == 1 and "+99:59" in warnings[0].getMessage()


def test_old_versions_over_the_size_cap_are_never_read(git_repo, monkeypatch, caplog):
    root = git_repo.root
    plan = root / "accounts/nordvik.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text + "# " + "x" * (history.MAX_VERSION_BYTES + 10) + "\n", encoding="utf-8")
    git_repo.commit("A very long comment")
    plan.write_text(text, encoding="utf-8")
    git_repo.commit("Comment gone")
    read = []
    real = gitio.read_objects

    def recording(*args, **kwargs):
        contents = real(*args, **kwargs)
        read.extend(len(raw) for raw in contents.values())
        return contents

    monkeypatch.setattr(gitio, "read_objects", recording)
    caplog.set_level(logging.WARNING, logger="kam.history")
    found = history.portfolio_history(root, ["accounts/nordvik.yaml"])["accounts/nordvik.yaml"]
    assert found.available and len(found.commits) == 3 and len(found.skipped) == 1
    assert read and max(read) <= history.MAX_VERSION_BYTES
    assert sum("over" in r.getMessage() for r in caplog.records) == 1
    result = kam("diff", "HEAD~2", "HEAD~1", "--today", "2026-11-23")
    assert result.exit_code == 0 and "over the limit" in result.output


def test_the_schema_copy_is_read_bounded_and_never_written_through_a_link(repo: Path, tmp_path: Path):
    (repo / "schema").mkdir()
    _link(repo / "schema/plan.schema.json", "/dev/zero")
    result = kam("validate")
    assert result.exit_code == 1 and "schema/plan.schema.json" in result.output
    victim = tmp_path / "bashrc"
    victim.write_text("mine\n", encoding="utf-8")
    _link(repo / "schema/people.schema.json", str(victim))
    assert kam("schema", "--write").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "mine\n"
    assert not (repo / "schema/people.schema.json").is_symlink()


def test_codeowners_is_never_written_through_a_link(repo: Path, tmp_path: Path):
    victim = tmp_path / "authorized_keys"
    victim.write_text("mine\n", encoding="utf-8")
    (repo / ".github").mkdir()
    _link(repo / ".github/CODEOWNERS", str(victim))
    assert kam("codeowners").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "mine\n"
    assert "/accounts/nordvik.yaml" in (repo / ".github/CODEOWNERS").read_text(encoding="utf-8")
