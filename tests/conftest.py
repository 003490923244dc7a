"""Shared fixtures: small portfolio repositories built in a temporary folder."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import tempfile

import pytest

# kam keeps its cache secret in $XDG_CACHE_HOME/kam/secret: never the user's own, in a test run
# (set here, before any test or fixture runs, so the kam processes the tests start inherit it).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="kam-test-xdg-")
os.environ.pop("KAM_CACHE_SECRET", None)

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


@contextlib.contextmanager
def environment(**values: str):
    """Set environment variables for a block, for builds a module-scoped fixture shares (monkeypatch
    is function-scoped), and put back what was there before."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
