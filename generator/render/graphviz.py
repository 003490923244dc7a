"""DOT source in, SVG files out: Graphviz at build time, cached by content hash.

One `dot -Tsvg` process per diagram, two at a time (measured on two cores:
~25 ms for one process per graph, ~14 ms per graph with two in parallel).
Batching many graphs through one `dot` is faster but Graphviz 2.42/2.43
aborts whole batches on some inputs and lays batched graphs out
differently from run to run, so every graph gets its own process: the output
depends on its source alone. A cold build hands its diagrams to two worker
processes, each driving one `dot` at a time and checking its SVG, so that
Python work does not hold up MkDocs converting Markdown in this process.

The SVG of a source is stored under the hash of (source, Graphviz version,
CACHE_VERSION) in the cache folder, so an unchanged diagram is never
rendered again, by the next build or by `mkdocs serve` after an edit. The
hash is keyed with this machine's secret (generator/cache.py), so a file a
pull request commits into the cache folder never sits at a diagram's path.
Every SVG fresh from Graphviz passes render/svgcheck.py (else a RenderError
naming its diagram) and is stored sealed: a last line `<!-- kam MAC -->`, the
MAC of the bytes before it under the same secret. A cached file is used only
when its seal verifies, i.e. it is byte for byte an SVG that passed the check
on this machine (~0.2 ms a diagram, where parsing again costs ~1.7 ms);
anything else there (forged, truncated, a link) is rendered again.

Graphviz runs with SERVER_NAME set and GV_FILE_PATH unset: in that mode it
refuses to read any image or shape file, whatever a graph says (defence in
depth: the graphs built here never name a file).
"""

from __future__ import annotations

import hmac
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Optional

from ..cache import mac, secret_hash
from ..files import ReadError, read_capped, write_whole
from ..plaintext import safe_text
from . import svgcheck

CACHE_VERSION = "kam-svg-1"
TIMEOUT_SECONDS = 120
MAX_SVG_BYTES = 64 * 1024 * 1024
CHUNK = 4  # diagrams per hand-over to a worker process (fewer round trips, both kept busy)
PROCESSES_FROM = 60  # missing diagrams from which worker processes pay for their start (~0.2 s each)


class RenderError(Exception):
    """Graphviz is missing or failed on a graph."""


@dataclass
class RenderStats:
    rendered: int = 0
    cached: int = 0


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GV")}
    env["SERVER_NAME"] = "kam"  # Graphviz: no file access without GV_FILE_PATH
    return env


@lru_cache(maxsize=4)
def graphviz_version(dot: str = "dot") -> str:
    executable = shutil.which(dot)
    if executable is None:
        raise RenderError(f"Graphviz '{dot}' was not found: install Graphviz (Debian: apt-get install graphviz) "
                          f"to draw the diagrams")
    result = subprocess.run([executable, "-V"], capture_output=True, text=True, timeout=30, env=_environment())
    return (result.stderr or result.stdout).strip()


def cache_key(source: str, version: str) -> str:
    return secret_hash(CACHE_VERSION, version, source)


_SEAL = b"<!-- kam "


def seal(key: str, svg: bytes) -> bytes:
    """The SVG with its seal appended (an XML comment: the file stays a plain SVG)."""
    body = svg if svg.endswith(b"\n") else svg + b"\n"
    return body + _SEAL + mac("svg", key, body).hex().encode() + b" -->\n"


def is_sealed(path: Path) -> bool:
    """The cached SVG at `path` is a regular file (not a link) that carries a valid seal."""
    try:
        data = read_capped(path, MAX_SVG_BYTES)
    except ReadError:
        return False
    at = data.rfind(_SEAL)
    if at < 0 or not data.endswith(b" -->\n"):
        return False
    found = data[at + len(_SEAL):-len(b" -->\n")]
    return hmac.compare_digest(found, mac("svg", path.stem, data[:at]).hex().encode())


def render_one(source: str, dot: str = "dot") -> bytes:
    """The SVG of one DOT source, from a fresh `dot` process."""
    try:
        result = subprocess.run([dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True,
                                timeout=TIMEOUT_SECONDS, env=_environment())
    except FileNotFoundError:
        raise RenderError(f"Graphviz '{dot}' was not found: install Graphviz") from None
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took longer than {TIMEOUT_SECONDS} s on one diagram") from None
    if result.returncode != 0 or not result.stdout.lstrip().startswith((b"<?xml", b"<svg", b"<!--")):
        message = safe_text(result.stderr.decode("utf-8", "replace").strip())
        raise RenderError(f"Graphviz failed (exit status {result.returncode}): {message}")
    return result.stdout


def render_checked(source: str, dot: str = "dot") -> tuple[bytes, Optional[str]]:
    """One source's SVG and what makes it unsafe to publish (None: nothing); run in a worker process."""
    svg = render_one(source, dot)
    return svg, svgcheck.problem(svg)


def _checked_svgs(sources: list[str], workers: int, dot: str) -> Iterator[tuple[bytes, Optional[str]]]:
    """render_checked of each source, in order, `workers` `dot` processes at a time. Many diagrams (a
    cold build) go to worker processes, each driving one `dot` and checking its SVG, so the caller's
    interpreter (MkDocs converting Markdown meanwhile) is not slowed by that Python work; a few (an
    edit) to threads, as a worker process costs more to start than they take. Workers are spawned
    fresh (never a fork of this threaded process) and seal nothing: the machine's secret stays here."""
    if len(sources) <= 1 or workers <= 1:
        yield from (render_checked(source, dot) for source in sources)
        return
    dot = shutil.which(dot) or dot  # as this process finds it
    if len(sources) < PROCESSES_FROM or not _spawn_safe():
        with ThreadPoolExecutor(max_workers=workers) as threads:
            yield from threads.map(render_checked, sources, repeat(dot))
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from pool.map(render_checked, sources, repeat(dot), chunksize=CHUNK)
    finally:  # after a failure, the diagrams not yet started are not rendered
        pool.shutdown(wait=True, cancel_futures=True)


def _spawn_safe() -> bool:
    """A spawned worker imports the main module again: safe when it runs nothing on import (`python -m`,
    or a script whose code is under `if __name__ == "__main__":`, as `mkdocs`, `kam` and pip's scripts)."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name.endswith("__main__"):
        return True
    try:
        return "if __name__ == \"__main__\":" in Path(main.__file__).read_text(encoding="utf-8", errors="replace")
    except (AttributeError, TypeError, OSError):
        return False


def writable(cache_dir: Path) -> Path:
    """The cache folder, or a fresh temporary one when it cannot be written (read-only checkout)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=cache_dir, suffix=".probe")
        probe.close()
        return cache_dir
    except OSError:
        return Path(tempfile.mkdtemp(prefix="kam-svg-"))


def cached_paths(sources: Iterable[str], cache_dir: Path, dot: str = "dot") -> dict[str, Path]:
    """Where each source's SVG is (or will be, once rendered) in `cache_dir`."""
    version = graphviz_version(dot)
    paths = {}
    for source in dict.fromkeys(sources):
        key = cache_key(source, version)
        paths[source] = cache_dir / key[:2] / f"{key}.svg"
    return paths


def render_all(sources: Iterable[str], cache_dir: Path, *, workers: int = 2, dot: str = "dot",
               stats: RenderStats | None = None,
               progress: Optional[Callable[[int, int], None]] = None,
               names: Optional[Mapping[str, str]] = None) -> dict[str, Path]:
    """Render every source not yet in the cache (or whose cached SVG fails the check); return
    source -> cached SVG path. `progress(done, total)` is called as diagrams are done (cached ones
    count as done); `names` (source -> what to call it) name a diagram in a RenderError."""
    stats = stats if stats is not None else RenderStats()
    paths = cached_paths(sources, writable(cache_dir), dot)
    missing: list[tuple[str, Path]] = []
    for source, path in paths.items():
        if is_sealed(path):
            stats.cached += 1
        else:
            missing.append((source, path))

    def store(item: tuple[str, Path], checked: tuple[bytes, Optional[str]]) -> None:
        (source, path), (svg, problem) = item, checked
        if problem:
            name = (names or {}).get(source, "a diagram")
            raise RenderError(f"{name}: Graphviz wrote an SVG that is not safe to publish ({problem}); "
                              f"it is not published and the build stops")
        write_whole(path, seal(path.stem, svg))

    done = len(paths) - len(missing)
    with closing(_checked_svgs([source for source, _ in missing], workers, dot)) as svgs:  # ends the workers
        for item, checked in zip(missing, svgs):
            store(item, checked)  # a failure stops the build at the first bad diagram, in order
            done += 1
            if progress:
                progress(done, len(paths))
    stats.rendered += len(missing)
    return paths
