"""A content-addressed cache on disk: unchanged inputs are never worked on twice.

Entries are bytes under <root>/.cache/kam/<namespace>/<key>. Keys are hashes
of everything a result depends on, salted with the code that computes it, so
a stale entry is never found, only unused. Writes are atomic; a cache that
cannot be written (read-only checkout) is silently skipped.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Optional

CACHE_DIR = Path(".cache") / "kam"


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
