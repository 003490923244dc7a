"""Read input files as data: regular files only, at most a cap of bytes, links only inside the repository;
and write kam's own files whole (`write_whole`).

`st_size` is not trusted (it is 0 for /dev/zero): at most cap + 1 bytes are read,
from the opened file itself, after checking that it is a regular file (a device,
pipe or folder is refused, and a pipe is opened without blocking). A symbolic
link is followed only when its target lies inside `inside` (the repository);
then the target is what is read.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Optional


class ReadError(Exception):
    """The file cannot be read as input; `message` says why in plain words."""

    def __init__(self, message: str, code: str = "file"):
        super().__init__(message)
        self.message = message
        self.code = code


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def target_of(path: Path, inside: Optional[Path]) -> Path:
    """The file `path` names: itself, or, for a link, its target when that lies inside `inside`."""
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if inside is None or not _inside(target, Path(os.path.realpath(inside))):
        raise ReadError("the file is a symbolic link to a file outside the repository; "
                        "put the file itself here", "file-link")
    return target


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_capped(path: Path, cap: int, inside: Optional[Path] = None) -> bytes:
    """The bytes of `path`, or ReadError: over `cap` bytes, not a regular file, a link that leaves
    `inside` (links are refused altogether when `inside` is None), or unreadable."""
    target = target_of(path, inside)
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError("not a regular file (a device, pipe or folder): a plan must be a plain text file",
                            "file")
        data = _read_at_most(fd, cap + 1)
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > cap:
        raise ReadError(f"file is over the limit of {cap:,} bytes", "file-size")
    return data


def write_whole(path: Path, data: bytes, prefix: str = ".tmp-") -> None:
    """Write `data` to `path` through a temporary file beside it, so a reader never sees half a file.

    `prefix` names the temporary file (the cache's pruning knows `.tmp-`); OSError is the caller's to handle.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
