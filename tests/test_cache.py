"""The content-addressed cache: a run over the whole portfolio prunes what it no longer uses, and
nothing else (entries it used, fresh ones a parallel run may own, files the cache did not write)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.cache import STALE_SECONDS, prune

OLD = "0" * 32
KEPT = "1" * 32
SVG = "a" * 64 + ".svg"


def _entry(folder: Path, name: str, age: float = 2 * STALE_SECONDS, shard: str = "") -> Path:
    path = folder / (shard or name[:2]) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def age_all(folder: Path, seconds: float = 2 * STALE_SECONDS) -> None:
    """Make every file under `folder` look `seconds` old (the cache spares younger unused entries)."""
    then = time.time() - seconds
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


def test_prune_removes_old_unused_entries_only(tmp_path: Path):
    old, kept, svg = _entry(tmp_path, OLD), _entry(tmp_path, KEPT), _entry(tmp_path, SVG)
    fresh = _entry(tmp_path, "2" * 32, age=10)
    leftover = _entry(tmp_path, ".tmp-k3j2h1", shard="ab")  # a crash left it behind
    foreign = _entry(tmp_path, "notes.txt", shard="ab")
    outside_shards = tmp_path / ("3" * 32)
    outside_shards.write_bytes(b"x")
    assert prune(tmp_path, [KEPT, SVG]) == 2
    assert not old.exists() and not leftover.exists()
    assert kept.exists() and svg.exists() and fresh.exists() and foreign.exists() and outside_shards.exists()


def test_prune_of_a_missing_folder_does_nothing(tmp_path: Path):
    assert prune(tmp_path / "nothing-here", []) == 0
