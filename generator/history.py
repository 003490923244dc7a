"""A plan's history from git, as plain data for the site (no Markdown, no HTML).

`plan_history(root, path)` reads the last commits of one plan file (following
renames) with one `git log` and all their versions with one `git cat-file
--batch`, reads each version with the project's loader and schema, and
returns when the plan last changed and by whom, the reviews as they were
recorded, each stakeholder's attitude over time and the coverage count over
time. Versions that do not parse or fail the schema are skipped; without
history (no git, a shallow clone, a file never committed) the result says so
in `reason` and never raises. What each version holds is cached by its git
blob id (generator/cache.py), so a site rebuild reads only new versions.

`portfolio_history(root, paths)` gives the same for many plans at once (the
site's case) with one `git log` over their folder and one `git cat-file
--batch` for every version not in the cache; `current` plans (already read
from the working tree) stand in for the versions equal to the files on disk,
so a first build parses only the older versions (in worker processes when
there are many). The batch walks history as `--follow` does (every commit,
merges against their first parent) but follows only renames inside the
plans' folder. Measured on 1,000 plans and 1,200 versions, 2 cores: 0.55 s
with an empty cache (1.9 s when no plans are given and every version is
parsed), 0.08 s warm."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import marshal
import os
import posixpath
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple, Optional

from . import gitio
from .i18n import N_
from .cache import code_salt, digest, for_root
from .load import MAX_BYTES, LoadError, parse, read
from .plaintext import safe_text
from .model import Plan, build_plan
from .validate import is_valid
from .workspace import ACCOUNTS_DIR

DEFAULT_LIMIT = 100
MAX_VERSION_BYTES = MAX_BYTES  # an old version is read only when kam validate would read it today
PARALLEL_MIN_BYTES = 1_000_000  # versions to parse; below this, starting worker processes costs more than it saves
# Why there is no history, shown on the account page in the site's language (render/history.py).
SHALLOW = N_("the clone is shallow: fetch the whole history (actions/checkout with fetch-depth: 0)")
NOT_COMMITTED = N_("the file has no commits yet")
NO_GIT = N_("no git history: {error}")  # {error}: git's own message
# git's most common message, for a copy of the plans outside git (a download, a tarball), in kam's words
NOT_A_REPOSITORY = N_("no git history: not a git repository (the plans were copied without their history)")


@dataclass(frozen=True)
class Commit:
    id: str
    date: dt.datetime  # the author's date, with its time zone
    author: str
    subject: str


@dataclass(frozen=True)
class ReviewRecord:
    """A review as the plan holds it, and the commit that first recorded it."""

    period: str
    date: dt.date
    next_review: Optional[dt.date]
    with_customer: Optional[bool]
    recorded: Commit


class AttitudePoint(NamedTuple):
    date: dt.date  # of the commit that recorded the attitude
    attitude: str


@dataclass(frozen=True)
class AttitudeTrend:
    stakeholder: str  # the stakeholder's id
    name: str  # as the latest version that has them says
    points: tuple[AttitudePoint, ...]  # oldest first; a point only where the attitude changed
    current: bool  # still a stakeholder in the newest version


@dataclass(frozen=True)
class CoveragePoint:
    date: dt.date
    pairs: int  # (our person, their person) pairs in the plan at this commit
    commit: str


@dataclass(frozen=True)
class PlanHistory:
    path: str
    available: bool
    reason: Optional[str] = None  # why there is no history, when available is False (in English)
    last_change: Optional[Commit] = None
    commits: tuple[Commit, ...] = ()  # newest first
    reviews: tuple[ReviewRecord, ...] = ()  # by review date
    attitudes: tuple[AttitudeTrend, ...] = ()  # in the order of the newest version, then former stakeholders
    coverage: tuple[CoveragePoint, ...] = ()  # oldest first
    skipped: tuple[str, ...] = ()  # commits whose version of the plan could not be read
    truncated: bool = False  # the plan has more commits than were read
    git_error: Optional[str] = None  # git's message, when the reason is that git gave no history (NO_GIT)


def _unavailable(path: str, reason: str) -> PlanHistory:
    return PlanHistory(path, False, reason)


def _no_git(path: str, exc: gitio.GitError) -> PlanHistory:
    error = str(exc).removeprefix("fatal: ")
    return PlanHistory(path, False, NO_GIT.format(error=error), git_error=error)


class _Version(NamedTuple):
    """What the history needs from one version of a plan (small: cached by blob id)."""

    stakeholders: tuple  # (id, name, attitude) in plan order
    pairs: int  # coverage pairs
    reviews: tuple  # (period, date, next_review or None, with_customer)


def _summary(plan: Plan) -> _Version:
    return _Version(tuple((s.id, s.name, s.attitude) for s in plan.stakeholders),
                    len({(m.person, c.stakeholder) for m, c in plan.coverage}),
                    tuple((r.period, r.date.isoformat(), r.next_review and r.next_review.isoformat(), r.with_customer)
                          for r in plan.reviews))


def _version(raw: bytes, path: str) -> Optional[_Version]:
    """One old version, or None when it is not a plan the schema accepts."""
    try:
        document = parse(raw, path)
        if not is_valid(document.data, "plan"):
            return None
        return _summary(build_plan(document))
    except Exception:  # noqa: BLE001 - an old version may hold anything; it is skipped, never fatal
        return None


def _blob_id(raw: bytes, like: str) -> str:
    """The id git gives a blob of these bytes (SHA-1, or SHA-256 in a repository that uses it)."""
    h = hashlib.sha1() if len(like) == 40 else hashlib.sha256()
    h.update(b"blob %d\0" % len(raw))
    h.update(raw)
    return h.hexdigest()


def _on_disk(root: Path, missing: dict[str, str], current: Mapping[str, Plan]) -> dict[str, Plan]:
    """The missing blobs that are the files on disk, with the plans read from those files."""
    found: dict[str, Plan] = {}
    for path in {where for where in missing.values() if where in current}:
        try:
            raw = read(root / path, root)
        except LoadError:
            continue
        oid = _blob_id(raw, next(iter(missing)))
        if oid in missing:
            found[oid] = current[path]
    return found


def _cached_version(blob: Optional[bytes]):
    """A version read back from the cache (None: not a plan), or False for a miss: no entry, or one
    that does not decode (the cache authenticates entries; this is defence in depth)."""
    if blob is None:
        return False
    try:
        cached = marshal.loads(blob)
        return None if cached is None else _Version(*cached)
    except Exception:  # noqa: BLE001 - a damaged entry is recomputed, never fatal
        return False


def _versions(root: Path, revisions: Iterable[gitio.Revision], current: Optional[Mapping[str, Plan]] = None,
              prune: bool = False) -> dict[str, Optional[_Version]]:
    """Each blob's version: from the cache, else from `current` (plans read from the files on disk),
    else read (one cat-file for all); the last two are cached. `prune`: the revisions are all the
    portfolio's, so cached versions of other blobs (or of older code) are stale."""
    cache, salt = for_root(root), code_salt()
    found: dict[str, Optional[_Version]] = {}
    missing: dict[str, str] = {}  # blob id -> the file's path in that commit
    for revision in revisions:
        if not revision.blob or revision.blob in found or revision.blob in missing:
            continue
        cached = _cached_version(cache.get("history", digest(salt, revision.blob)))
        if cached is False:
            missing[revision.blob] = revision.path
        else:
            found[revision.blob] = cached
    new: dict[str, Optional[_Version]] = {}
    if missing and current:
        new.update((oid, _summary(plan)) for oid, plan in _on_disk(root, missing, current).items())
    new.update(_read_versions(root, {oid: path for oid, path in missing.items() if oid not in new}))
    for oid, version in new.items():
        cache.put("history", digest(salt, oid), marshal.dumps(tuple(version) if version else None))
    if prune:
        cache.prune("history", [digest(salt, oid) for oid in (*found, *missing)])
    return {**found, **new}


def _version_job(job: tuple[bytes, str]) -> Optional[_Version]:
    return _version(*job)


def _read_versions(root: Path, paths: dict[str, str]) -> dict[str, Optional[_Version]]:
    """Blobs by id (with their paths) read through one cat-file and parsed, on several cores when many."""
    sizes = gitio.object_sizes(root, paths)
    too_big = [oid for oid in paths if sizes.get(oid, 0) > MAX_VERSION_BYTES]
    contents = gitio.read_objects(root, [oid for oid in paths if oid not in too_big])
    if too_big:
        gitio.log.warning(f"kam: skipped {len(too_big)} version(s) of plans in the history: over "
                          f"{MAX_VERSION_BYTES:,} bytes, as kam validate refuses (first: {too_big[0][:12]} of "
                          f"{safe_text(paths[too_big[0]])})")
    jobs = [(raw, paths[oid]) for oid, raw in contents.items()]
    workers = min(os.cpu_count() or 1, 4)
    if sum(len(raw) for raw, _ in jobs) >= PARALLEL_MIN_BYTES and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            versions = list(pool.map(_version_job, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    else:
        versions = [_version_job(job) for job in jobs]
    return {**dict(zip(contents, versions)), **dict.fromkeys(too_big)}  # too big: not a plan (cached so)


def _relative(root: Path, path: str | Path) -> str:
    return Path(os.path.relpath(Path(root, path).resolve(), root.resolve())).as_posix()


def _relatives(root: Path, paths: Iterable[str | Path]) -> dict[str | Path, str]:
    """_relative for many paths; a plain relative path (no '..', not a link) is only normalised."""
    out: dict[str | Path, str] = {}
    for path in paths:
        text = os.fspath(path)
        plain = posixpath.normpath(text.replace(os.sep, "/"))
        simple = not (os.path.isabs(text) or plain == ".." or plain.startswith("../")
                      or os.path.islink(os.path.join(root, plain)))
        out[path] = plain if simple else _relative(root, path)
    return out


def plan_history(root: Path, path: str | Path, limit: int = DEFAULT_LIMIT) -> PlanHistory:
    """The history of the plan at `path` (absolute, or relative to `root`), from its last `limit` commits."""
    root = Path(root)
    relative = _relative(root, path)
    try:
        if gitio.is_shallow(root):  # also the GitError when there is no repository
            return _unavailable(relative, SHALLOW)
        revisions, truncated = gitio.file_log(root, relative, limit)
        if not revisions:
            return _unavailable(relative, NOT_COMMITTED)
        contents = _versions(root, revisions)
    except gitio.GitError as exc:
        return _no_git(relative, exc)
    return _history(relative, revisions, truncated, contents)


def portfolio_history(root: Path, paths: Iterable[str | Path], limit: int = DEFAULT_LIMIT,
                      current: Optional[Mapping[str | Path, Plan]] = None, prune: bool = False) -> dict[str, PlanHistory]:
    """The history of many plans, by path relative to `root`: what plan_history gives for each,
    from one `git log` and one `git cat-file`. `current`: plans by path, as read from the files
    on disk; a version equal to a file on disk is summarised from its plan, not parsed again.
    `prune`: the paths are the whole portfolio (the cache keeps only their versions)."""
    root, current, paths = Path(root), current or {}, list(paths)
    names = _relatives(root, dict.fromkeys([*paths, *current]))
    relatives = list(dict.fromkeys(names[p] for p in paths))
    plans = {names[p]: plan for p, plan in current.items()}
    if not relatives:
        return {}
    with _collector_paused():
        try:
            if gitio.is_shallow(root):
                return {r: _unavailable(r, SHALLOW) for r in relatives}
            logs = _folder_log(root, relatives, limit)
            contents = _versions(root, (r for revisions, _ in logs.values() for r in revisions), plans, prune)
        except gitio.GitError as exc:
            return {r: _no_git(r, exc) for r in relatives}
        return {r: _history(r, *logs[r], contents) if logs[r][0] else _unavailable(r, NOT_COMMITTED)
                for r in relatives}


@contextmanager
def _collector_paused():
    """Pause the garbage collector: this work makes many small objects and no cycles, and with a
    whole portfolio in memory each collection would cost more than the work (about 5x here)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def for_plans(root: Path, plans: Iterable[Plan], limit: int = DEFAULT_LIMIT) -> dict[str, PlanHistory]:
    """The site's call: each plan's history by plan id (plans loaded from `root`'s accounts folder)."""
    by_path = {f"{ACCOUNTS_DIR}/{Path(plan.file).name}": plan for plan in plans}
    found = portfolio_history(root, by_path, limit, by_path, prune=True)
    names = _relatives(Path(root), by_path)  # a plan that is a link: the history of its target
    return {plan.id: found[names[path]] for path, plan in by_path.items()}


# --- one git log for many files -------------------------------------------------------

_FORMAT = "--format=%x1e%H%x1f%aI%x1f%an%x1f%s"


def _folder_log(root: Path, paths: list[str], limit: int) -> dict[str, tuple[list[gitio.Revision], bool]]:
    """Each path's last `limit` commits, newest first, and whether there are more: as `git log
    --follow` gives them for one file (it walks every commit and shows merges against their
    first parent), from one `git log` over the paths' folders."""
    folders = sorted({posixpath.dirname(p) or "." for p in paths})
    out = gitio.git(root, "log", "--full-history", "--sparse", "-M", "--raw", "--no-abbrev", "--no-ext-diff", "-z",
                    "--relative", "--diff-merges=first-parent", _FORMAT, "--", *folders)
    found: dict[str, list[gitio.Revision]] = {p: [] for p in paths}
    following: dict[str, set[str]] = {p: {p} for p in paths}  # a name in the commit read -> the plans it is
    commit: Optional[tuple] = None
    moves: list[tuple[str, str]] = []  # renames in the commit read: (old name, new name)
    tokens = out.decode("utf-8", "replace").split("\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        i += 1
        if token.startswith("\x1e"):
            _follow_renames(following, moves)
            fields = token[1:].split("\x1f", 3)
            when = gitio.commit_date(fields[0], fields[1]) if len(fields) == 4 else None
            commit = (fields[0], when, fields[2], fields[3]) if when is not None else None  # None: skipped
            continue
        if not token.startswith(":") or commit is None:
            continue
        meta = token.split()  # ":old-mode new-mode old-blob new-blob status"
        status = meta[4] if len(meta) > 4 else "M"
        names = tokens[i:i + (2 if status[:1] in "RC" else 1)]
        i += len(names)
        blob = None if status.startswith("D") or set(meta[3]) == {"0"} else meta[3]
        for plan in following.get(names[-1], ()):
            if len(found[plan]) <= limit:
                found[plan].append(gitio.Revision(*commit, names[-1], blob))
        if status.startswith("R") and names[0] != names[-1]:
            for plan in following.get(names[0], ()):  # --follow sees the old name deleted
                if len(found[plan]) <= limit:
                    found[plan].append(gitio.Revision(*commit, names[0], None))
            moves.append((names[0], names[-1]))
    return {p: (revisions[:limit], len(revisions) > limit) for p, revisions in found.items()}


def _follow_renames(following: dict[str, set[str]], moves: list[tuple[str, str]]) -> None:
    """After a commit that renamed old -> new, the plans known as `new` are `old` in older commits."""
    for old, new in [(old, new) for old, new in moves if new in following]:
        following.setdefault(old, set()).update(following.pop(new, set()))
    moves.clear()


def _history(relative: str, revisions: list[gitio.Revision], truncated: bool,
             contents: dict[str, Optional[_Version]]) -> PlanHistory:
    commits = tuple(Commit(r.commit, r.date, r.author, r.subject) for r in revisions)
    versions: list[tuple[Commit, _Version]] = []
    skipped = []
    for revision, commit in zip(revisions, commits):
        version = contents.get(revision.blob) if revision.blob else None
        if version is None:
            skipped.append(commit.id)
        else:
            versions.append((commit, version))
    versions.reverse()  # oldest first
    return PlanHistory(relative, True, None, commits[0], commits, _reviews(versions), _attitudes(versions),
                       _coverage(versions), tuple(skipped), truncated)


def _reviews(versions: list[tuple[Commit, _Version]]) -> tuple[ReviewRecord, ...]:
    """The reviews of the newest version, each with the commit that first held it."""
    if not versions:
        return ()
    first_seen: dict[tuple, Commit] = {}
    for commit, version in versions:
        for period, date, _, _ in version.reviews:
            first_seen.setdefault((period, date), commit)
    latest = sorted(versions[-1][1].reviews, key=lambda r: r[1])
    return tuple(ReviewRecord(period, dt.date.fromisoformat(date), next_review and dt.date.fromisoformat(next_review),
                              with_customer, first_seen[(period, date)])
                 for period, date, next_review, with_customer in latest)


def _attitudes(versions: list[tuple[Commit, _Version]]) -> tuple[AttitudeTrend, ...]:
    points: dict[str, list[AttitudePoint]] = {}
    names: dict[str, str] = {}
    for commit, version in versions:
        for sid, name, attitude in version.stakeholders:
            trend = points.setdefault(sid, [])
            names[sid] = name
            if not trend or trend[-1].attitude != attitude:
                trend.append(AttitudePoint(commit.date.date(), attitude))
    current = {sid: None for sid, _, _ in versions[-1][1].stakeholders} if versions else {}
    order = list(dict.fromkeys([*current, *points]))
    return tuple(AttitudeTrend(sid, names[sid], tuple(points[sid]), sid in current) for sid in order)


def _coverage(versions: list[tuple[Commit, _Version]]) -> tuple[CoveragePoint, ...]:
    return tuple(CoveragePoint(commit.date.date(), version.pairs, commit.id) for commit, version in versions)
