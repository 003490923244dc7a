"""Shared fixtures: small portfolio repositories built in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).parent.parent


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A copy of tests/fixtures/minimal (settings, people, one valid plan), as the working directory."""
    root = tmp_path / "plans"
    shutil.copytree(FIXTURES / "minimal", root, ignore=shutil.ignore_patterns(".cache"))
    monkeypatch.chdir(root)
    return root


def write(root: Path, relative: str, text: str | bytes) -> Path:
    """Write a file into a fixture repository and return its path."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
