"""Atomic publishing: a site is built in a folder beside site/ and moved into site/ only when complete.

A build that fails (a bad plan, a failing `dot`, a warning under --strict, a killed process) leaves the
previous site/ as it was. The folder of a build that was killed is removed by the next build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

PREFIX = ".kam-building-"  # <site dir's parent>/.<site dir's name>.kam-building-<pid>-<random>
OLD = ".kam-replaced-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _leftovers(site_dir: Path) -> list[Path]:
    """Folders of earlier builds of this site that are no longer running (killed, or crashed)."""
    found = []
    for prefix in (PREFIX, OLD):
        stem = f".{site_dir.name}{prefix}"
        try:
            entries = list(site_dir.parent.iterdir())
        except OSError:
            return []
        for entry in entries:
            if entry.name.startswith(stem) and entry.is_dir() and not entry.is_symlink():
                pid = entry.name[len(stem):].split("-", 1)[0]
                if not pid.isdigit() or not _alive(int(pid)) or int(pid) == os.getpid():
                    found.append(entry)
    return found


def staging_for(site_dir: Path) -> Path:
    """A new, empty folder beside `site_dir` (same file system, so the final move is a rename)."""
    site_dir = Path(os.path.abspath(site_dir))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for leftover in _leftovers(site_dir):
        shutil.rmtree(leftover, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{PREFIX}{os.getpid()}-", dir=site_dir.parent))


def publish(staging: Path, site_dir: Path) -> None:
    """Put the complete site in `staging` at `site_dir`; the previous site is removed after the swap."""
    site_dir = Path(os.path.abspath(site_dir))
    old = None
    if site_dir.exists() or site_dir.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{OLD}{os.getpid()}-", dir=site_dir.parent))
        os.replace(site_dir, old / "site")
    os.replace(staging, site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
