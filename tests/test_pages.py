"""`kam pages` (the generated pages as files) and atomic publishing of site/ by the plugin."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import pages, publish
from generator.cli import main
from test_site import TODAY, make_repo

MKDOCS = Path(sys.executable).parent / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KAM_TODAY": TODAY, "KAM_HISTORY": "0"}


def kam_pages(root: Path, *args: str):
    return CliRunner().invoke(main, ["pages", "--root", str(root), "--today", TODAY, *args])


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


# --- kam pages --------------------------------------------------------------------------------

def test_kam_pages_writes_the_site_files_into_docs_and_then_only_what_changed(tmp_path):
    root = make_repo(tmp_path / "repo")
    result = kam_pages(root)
    assert result.exit_code == 0, result.output
    docs = root / "docs"
    for page in ("index.md", "dashboard.md", "accounts/index.md", "people/index.md", "accounts/nordvik/index.md",
                 "accounts/nordvik/map.svg", "accounts/nordvik/team.svg"):
        assert (docs / page).is_file(), page
    assert (docs / "assets" / "kam.css").is_file()  # the user's own files stay
    before = mtimes(docs)
    time.sleep(0.01)
    plan = root / "accounts" / "nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    result = kam_pages(root)
    assert result.exit_code == 0, result.output
    after = mtimes(docs)
    touched = {uri for uri in before if after.get(uri) != before[uri]}
    assert "accounts/nordvik/index.md" in touched and "index.md" in touched
    assert "accounts/volga/index.md" not in touched and "assets/kam.css" not in touched
    assert "Renamed" in (docs / "accounts/nordvik/index.md").read_text(encoding="utf-8")


def test_kam_pages_removes_the_pages_of_a_removed_plan_and_nothing_else(tmp_path):
    root = make_repo(tmp_path / "repo")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    assert kam_pages(root, "--out", str(out)).exit_code == 0
    assert (out / "accounts/volga/index.md").is_file()
    (root / "accounts" / "volga.yaml").unlink()
    result = kam_pages(root, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert not (out / "accounts/volga").exists()
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert "removed" in result.output


def test_kam_pages_never_overwrites_a_file_it_did_not_write(tmp_path):
    root = make_repo(tmp_path / "repo")
    (root / "docs" / "dashboard.md").write_text("# My own dashboard\n", encoding="utf-8")
    result = kam_pages(root)
    assert result.exit_code == 1
    assert "dashboard.md was not written by kam pages" in result.output
    assert (root / "docs" / "dashboard.md").read_text(encoding="utf-8") == "# My own dashboard\n"


def test_kam_pages_on_invalid_plans_prints_the_diagnostics_and_writes_nothing(tmp_path):
    root = make_repo(tmp_path / "repo")
    plan = root / "accounts" / "nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("attitude: sceptic", "attitude: skeptical"),
                    encoding="utf-8")
    result = kam_pages(root)
    assert result.exit_code == 1
    assert "accounts/nordvik.yaml:" in result.output and "Traceback" not in result.output
    assert not (root / "docs" / "index.md").exists()


def test_the_placeholder_home_page_says_what_to_run_and_the_plugin_build_replaces_it(tmp_path):
    placeholder = (Path(__file__).parent.parent / "docs" / pages.PLACEHOLDER).read_text(encoding="utf-8")
    assert "run `kam pages`" in placeholder.splitlines()[0]
    root = make_repo(tmp_path / "repo")
    assert kam_pages(root).exit_code == 0  # index.md and README.md both in docs/: no warning under --strict
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "without kam&#39;s pages" not in home and "without kam's pages" not in home
    assert "replaces the one in docs/" not in result.stderr  # kam pages' own files are replaced quietly


# --- atomic publishing ----------------------------------------------------------------------------

@pytest.fixture
def published(tmp_path):
    root = make_repo(tmp_path / "repo")
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    return root, snapshot(root / "site")


def leftovers(root: Path) -> list[str]:
    return [p.name for p in root.iterdir() if publish.PREFIX in p.name or publish.OLD in p.name]


def test_a_build_with_a_failing_dot_leaves_the_previous_site_untouched(published, tmp_path):
    root, before = published
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text("#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'dot - graphviz version 0.0-broken' >&2; exit 0; fi\n"
                    "echo 'dot: out of memory' >&2; exit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {**ENV, "PATH": f"{bin_dir}{os.pathsep}{ENV['PATH']}"}
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "Graphviz failed" in result.stderr
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def test_a_build_that_fails_late_under_strict_leaves_the_previous_site_untouched(published):
    root, before = published
    (root / "docs" / "broken.md").write_text("[a link to nowhere](missing.md)\n", encoding="utf-8")
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert result.returncode == 1 and "strict mode" in result.stdout + result.stderr
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def test_a_plan_with_errors_leaves_the_previous_site_untouched(published):
    root, before = published
    plan = root / "accounts" / "nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("influence: high", "influence: enormous", 1),
                    encoding="utf-8")
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert result.returncode == 1 and "accounts/nordvik.yaml:" in result.stderr
    assert snapshot(root / "site") == before


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(published):
    root, before = published
    (root / ".cache").rename(root / ".cache-old")  # a cold cache: the build takes long enough to be killed
    build = subprocess.Popen([str(MKDOCS), "build", "--strict"], cwd=root, env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not leftovers(root) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert build.poll() is None, "the build ended before it could be killed"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert snapshot(root / "site") == before
    assert leftovers(root)  # the killed build's folder, beside site/
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    assert leftovers(root) == []
    assert (root / "site" / "index.html").is_file()


def without_plugin(root: Path):
    """mkdocs.yml without the kam plugin, as Zensical reads it; returns the build to run (not --strict:
    without the plugin MkDocs warns that index.md replaces the placeholder README.md)."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - kam:")
    (root / "mkdocs.yml").write_text(config[:start] + config[config.index("\n\n", start):], encoding="utf-8")
    return lambda: subprocess.run([str(MKDOCS), "build"], cwd=root, capture_output=True, text=True, env=ENV)


def test_a_builder_that_runs_no_plugin_and_got_no_pages_shows_what_to_run(tmp_path):
    root = make_repo(tmp_path / "repo")
    build_without_plugin = without_plugin(root)
    result = build_without_plugin()
    assert result.returncode == 0, result.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "run <code>kam pages</code>, then build again" in home


def test_the_plugin_does_not_publish_what_an_earlier_kam_pages_wrote_for_a_removed_plan(tmp_path):
    root = make_repo(tmp_path / "repo")
    assert kam_pages(root).exit_code == 0
    (root / "accounts" / "volga.yaml").unlink()
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    assert not (root / "site" / "accounts" / "volga").exists()
    assert (root / "site" / "accounts" / "nordvik" / "index.html").is_file()


def test_a_demo_repository_builds_without_the_plugin_after_kam_pages(tmp_path):
    from generator.demo import write_demo

    root = tmp_path / "demo"
    write_demo(root, 3, seed=2)
    assert (root / "docs" / pages.PLACEHOLDER).is_file()
    assert "/docs/accounts/" in (root / ".gitignore").read_text(encoding="utf-8")
    assert CliRunner().invoke(main, ["pages", "--root", str(root)]).exit_code == 0
    build_without_plugin = without_plugin(root)
    result = build_without_plugin()
    assert result.returncode == 0, result.stderr
    assert len(list((root / "site" / "accounts").glob("*/index.html"))) == 3
    assert "without kam" not in (root / "site" / "index.html").read_text(encoding="utf-8")
