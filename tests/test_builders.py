"""The examples built by MkDocs and by ProperDocs (the MkDocs 1.x fork) give the same pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KAM_TODAY": "2026-11-23", "KAM_HISTORY": "0"}
# What differs between builders by design: the generator tag, and asset/version strings.
VOLATILE = re.compile(r'<meta name="generator"[^>]*>|\?v=[0-9a-f]+|(mkdocs|properdocs)-[\d.]+|'
                      r'(MkDocs|ProperDocs)', re.I)


def examples(destination: Path) -> Path:
    for part in ("accounts", "docs", "schema"):
        shutil.copytree(REPO / part, destination / part, symlinks=True)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def pages_of(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): VOLATILE.sub("", p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


def _other_language(uri: str) -> bool:
    """A page of a further language's tree (et/...): `kam pages` writes the default language's."""
    from generator.i18n import LANGUAGES

    return uri.split("/", 1)[0] in LANGUAGES


def build(builder: str, root: Path, out: Path) -> None:
    result = subprocess.run([str(BIN / builder), "build", "--strict", "-d", str(out)], cwd=root,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not (BIN / "properdocs").exists(), reason="ProperDocs is in the test extra")
def test_mkdocs_and_properdocs_build_the_same_pages_of_the_examples(tmp_path):
    root = examples(tmp_path / "repo")
    build("mkdocs", root, tmp_path / "mkdocs-site")
    build("properdocs", root, tmp_path / "properdocs-site")
    by_mkdocs, by_properdocs = pages_of(tmp_path / "mkdocs-site"), pages_of(tmp_path / "properdocs-site")
    assert len(by_mkdocs) > 20 and "accounts/nordvik-dagligvare/index.html" in by_mkdocs
    assert sorted(by_mkdocs) == sorted(by_properdocs)
    different = [uri for uri in by_mkdocs if by_mkdocs[uri] != by_properdocs[uri]]
    assert different == []
    # and the same pages as `kam pages` writes for a builder that runs no plugin
    result = subprocess.run([str(BIN / "kam"), "pages", "--out", str(tmp_path / "pages")], cwd=root,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path / "pages").as_posix() for p in (tmp_path / "pages").rglob("*.md")}
    built = {uri[: -len("index.html")] + "index.md" if uri.endswith("/index.html") or uri == "index.html"
             else uri for uri in by_mkdocs if uri != "404.html" and not _other_language(uri)}
    assert {"index.md", "dashboard/index.md"} <= built and "index.md" in written
    assert len(written) == len(built)
