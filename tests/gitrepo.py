"""Real git repositories for the tests of kam diff, codeowners and history.

`git_repo` is tests/fixtures/minimal committed as the first commit of branch
main, in a temporary folder that is the working directory. Commits get fixed
names and dates, and no user or system git configuration is read, so commit
ids and output are the same on every machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# Read by every git process, the test's own and kam's.
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0"}


class GitRepo:
    def __init__(self, root: Path):
        self.root = root
        self.dates = iter(f"2026-{month:02d}-{day:02d}T09:00:00+00:00"
                          for month in range(1, 13) for day in range(1, 29))

    def git(self, *args: str, env: dict | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True,
                              env={**os.environ, **GIT_ENV, **(env or {})})
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, message: str, author: str = "Jüri Tamm", date: str | None = None) -> str:
        """Commit everything in the working tree; returns the commit id."""
        date = date or next(self.dates)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message,
                 env={"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "author@example.com",
                      "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
        return self.git("rev-parse", "HEAD")


def make_repo(root: Path) -> GitRepo:
    shutil.copytree(FIXTURES / "minimal", root)
    repo = GitRepo(root)
    repo.git("init", "-q", "-b", "main")
    for key, value in (("user.name", "Test"), ("user.email", "test@example.com"), ("commit.gpgsign", "false")):
        repo.git("config", key, value)
    repo.commit("Start the portfolio")
    return repo


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch) -> GitRepo:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    repo = make_repo(tmp_path / "plans")
    monkeypatch.chdir(repo.root)
    return repo
