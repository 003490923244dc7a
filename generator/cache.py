"""A content-addressed cache on disk: unchanged inputs are never worked on twice.

Entries are bytes under <root>/.cache/kam/<namespace>/<key>. Keys are hashes
of everything a result depends on, salted with the code that computes it, so
a stale entry is never found, only unused; a run over the whole portfolio
prunes what it did not use, so the cache does not grow with every edit (nor
in CI, where it is saved and restored). Writes are atomic; a cache that
cannot be written (read-only checkout) is silently skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Iterable, Optional

CACHE_DIR = Path(".cache") / "kam"
STALE_SECONDS = 3600  # an unused entry younger than this may belong to a run going on beside this one

_SHARD = re.compile(r"[0-9a-f]{2}")
# What the caches write: keys (plans), <key>.svg (diagrams), and temporary files a crash left behind.
_ENTRY = re.compile(r"[0-9a-f]{32,64}(\.svg)?|\.tmp-.+|tmp.+\.tmp")


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


@cache
def code_salt() -> str:
    """A hash of the schemas and of the modules that produce cached results."""
    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py")) + sorted((here / "schema").glob("*.json"))
    return digest(*(f.read_bytes() for f in files if f.exists()))


def prune(directory: Path, keep: Iterable[str], older_than: float = STALE_SECONDS) -> int:
    """Delete the entries of a sharded cache folder (<directory>/<2 hex>/<entry>) whose names are
    not in `keep` and that are older than `older_than` seconds; return how many went. Only names
    the caches write are touched, whatever else the folder holds."""
    keep, cutoff, removed = set(keep), time.time() - older_than, 0
    try:
        shards = [entry for entry in os.scandir(directory) if _SHARD.fullmatch(entry.name) and entry.is_dir()]
    except OSError:
        return 0
    for shard in shards:
        try:
            entries = list(os.scandir(shard.path))
        except OSError:
            continue
        for entry in entries:
            if entry.name in keep or not _ENTRY.fullmatch(entry.name):
                continue
            try:
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                pass  # gone already, or not ours to delete
    return removed


class Cache:
    def __init__(self, directory: Optional[Path]):
        self.directory = directory

    def _path(self, namespace: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / namespace / key[:2] / key

    def get(self, namespace: str, key: str) -> Optional[bytes]:
        if self.directory is None:
            return None
        try:
            return self._path(namespace, key).read_bytes()
        except OSError:
            return None

    def prune(self, namespace: str, keep: Iterable[str]) -> int:
        """Delete the namespace's stale entries: those not in `keep` (see prune)."""
        return 0 if self.directory is None else prune(self.directory / namespace, keep)

    def put(self, namespace: str, key: str, data: bytes) -> None:
        if self.directory is None:
            return
        path = self._path(namespace, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            pass


def for_root(root: Path) -> Cache:
    """The cache of a plans repository; KAM_NO_CACHE=1 turns it off, KAM_CACHE_DIR moves it."""
    if os.environ.get("KAM_NO_CACHE"):
        return Cache(None)
    location = os.environ.get("KAM_CACHE_DIR")
    return Cache(Path(location) if location else root / CACHE_DIR)
