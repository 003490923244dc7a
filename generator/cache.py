"""A content-addressed cache on disk: unchanged inputs are never worked on twice.

Entries are bytes under <root>/.cache/kam/<namespace>/<key>. Keys are hashes
of everything a result depends on, salted with the code that computes it, so
a stale entry is never found, only unused; a run over the whole portfolio
prunes what it did not use, so the cache does not grow with every edit (nor
in CI, where it is saved and restored). Writes are atomic; a cache that
cannot be written (read-only checkout) is silently skipped.

Nothing in the cache is believed because of where it lies (a pull request can
commit `.cache/kam` with `git add -f`): every entry carries a MAC, a keyed
BLAKE2b of (namespace, key, bytes) under a secret of this machine kept outside
the repository (`$XDG_CACHE_HOME/kam/secret`, else `~/.cache/kam/secret`,
created on first use; `KAM_CACHE_SECRET` gives one, e.g. from a CI secret).
An entry that is forged, truncated, damaged or written on another machine
fails the check and is read as a miss, then recomputed and written again.
`secret_hash` keys the diagrams' file names with the same secret, so a file
placed at the path of a diagram is never found.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sys
import time
from functools import cache
from pathlib import Path
from typing import Iterable, Optional

from .files import ReadError, read_capped, write_whole

CACHE_DIR = Path(".cache") / "kam"
SECRET_BYTES = 32
MAC_BYTES = 32
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # a 1 MiB plan's document is ~5 MB
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
    return digest(sys.version, *(f.read_bytes() for f in files if f.exists()))


def secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kam" / "secret"


def _read_secret(path: Path) -> Optional[bytes]:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(SECRET_BYTES + 1)
    return data if len(data) == SECRET_BYTES else None


@cache
def machine_secret() -> bytes:
    """The key of every MAC: KAM_CACHE_SECRET, else the secret file (made on first use, mode 0600),
    else (no writable home) a secret of this process only: the cache then only ever misses."""
    given = os.environ.get("KAM_CACHE_SECRET")
    if given:
        return hashlib.blake2b(given.encode("utf-8"), digest_size=SECRET_BYTES).digest()
    path = secret_path()
    found = _read_secret(path)
    if found is not None:
        return found
    fresh = secrets.token_bytes(SECRET_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(fresh)
        return fresh
    except FileExistsError:  # another run made it first, or it is not a usable file
        return _read_secret(path) or fresh
    except OSError:
        return fresh


def secret_hash(*parts: bytes | str) -> str:
    """A hash of `parts` that only this machine can compute (keyed with machine_secret)."""
    h = hashlib.blake2b(key=machine_secret(), digest_size=32)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def mac(namespace: str, key: str, data: bytes) -> bytes:
    """The MAC of a cache entry: only this machine can make it."""
    h = hashlib.blake2b(key=machine_secret(), digest_size=MAC_BYTES)
    h.update(f"{namespace}\0{key}\0".encode("utf-8"))
    h.update(data)
    return h.digest()


def prune(directory: Path, keep: Iterable[str], older_than: float = STALE_SECONDS) -> int:
    """Delete the entries of a sharded cache folder (<directory>/<2 hex>/<entry>) whose names are
    not in `keep` and that are older than `older_than` seconds; return how many went. Only names
    the caches write are touched, whatever else the folder holds."""
    keep, cutoff, removed = set(keep), time.time() - older_than, 0
    try:
        shards = [entry for entry in os.scandir(directory)  # a linked shard is not ours: never pruned
                  if _SHARD.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)]
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
            blob = read_capped(self._path(namespace, key), MAX_ENTRY_BYTES)  # links refused
        except ReadError:
            return None
        tag, data = blob[:MAC_BYTES], blob[MAC_BYTES:]
        return data if hmac.compare_digest(tag, mac(namespace, key, data)) else None

    def prune(self, namespace: str, keep: Iterable[str]) -> int:
        """Delete the namespace's stale entries: those not in `keep` (see prune)."""
        return 0 if self.directory is None else prune(self.directory / namespace, keep)

    def put(self, namespace: str, key: str, data: bytes) -> None:
        if self.directory is None:
            return
        path = self._path(namespace, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.parent.is_symlink() or path.parent.parent.is_symlink():
                return  # a committed link would have kam write outside the cache
            write_whole(path, mac(namespace, key, data) + data)
        except OSError:
            pass


def for_root(root: Path) -> Cache:
    """The cache of a plans repository; KAM_NO_CACHE=1 turns it off, KAM_CACHE_DIR moves it."""
    if os.environ.get("KAM_NO_CACHE"):
        return Cache(None)
    location = os.environ.get("KAM_CACHE_DIR")
    if location:
        return Cache(Path(location))
    return Cache(None if linked(root, CACHE_DIR) else root / CACHE_DIR)


def linked(root: Path, relative: Path) -> bool:
    """Whether a folder on the way from `root` to root/relative is a symbolic link (a pull request
    can commit `.cache` as a link to anywhere): then kam neither reads nor writes a cache there."""
    path = root
    for part in relative.parts:
        path = path / part
        if path.is_symlink():
            return True
    return False
