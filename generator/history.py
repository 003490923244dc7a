"""A plan's history from git, as plain data for the site (no Markdown, no HTML).

`plan_history(root, path)` reads the last commits of one plan file (following
renames) with one `git log` and all their versions with one `git cat-file
--batch`, reads each version with the project's loader and schema, and
returns when the plan last changed and by whom, the reviews as they were
recorded, each stakeholder's attitude over time and the coverage count over
time. Versions that do not parse or fail the schema are skipped; without
history (no git, a shallow clone, a file never committed) the result says so
in `reason` and never raises. What each version holds is cached by its git
blob id (generator/cache.py), so a site rebuild reads only new versions."""

from __future__ import annotations

import datetime as dt
import marshal
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Optional

from . import gitio
from .cache import code_salt, digest, for_root
from .load import parse
from .model import build_plan
from .validate import is_valid

DEFAULT_LIMIT = 100


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
    reason: Optional[str] = None  # why there is no history, when available is False
    last_change: Optional[Commit] = None
    commits: tuple[Commit, ...] = ()  # newest first
    reviews: tuple[ReviewRecord, ...] = ()  # by review date
    attitudes: tuple[AttitudeTrend, ...] = ()  # in the order of the newest version, then former stakeholders
    coverage: tuple[CoveragePoint, ...] = ()  # oldest first
    skipped: tuple[str, ...] = ()  # commits whose version of the plan could not be read
    truncated: bool = False  # the plan has more commits than were read


def _unavailable(path: str, reason: str) -> PlanHistory:
    return PlanHistory(path, False, reason)


class _Version(NamedTuple):
    """What the history needs from one version of a plan (small: cached by blob id)."""

    stakeholders: tuple  # (id, name, attitude) in plan order
    pairs: int  # coverage pairs
    reviews: tuple  # (period, date, next_review or None, with_customer)


def _version(raw: bytes, path: str) -> Optional[_Version]:
    """One old version, or None when it is not a plan the schema accepts."""
    try:
        document = parse(raw, path)
        if not is_valid(document.data, "plan"):
            return None
        plan = build_plan(document)
    except Exception:  # noqa: BLE001 - an old version may hold anything; it is skipped, never fatal
        return None
    return _Version(tuple((s.id, s.name, s.attitude) for s in plan.stakeholders),
                    len({(m.person, c.stakeholder) for m, c in plan.coverage}),
                    tuple((r.period, r.date.isoformat(), r.next_review and r.next_review.isoformat(), r.with_customer)
                          for r in plan.reviews))


def _versions(root: Path, revisions: list[gitio.Revision]) -> dict[str, Optional[_Version]]:
    """Each blob's version: from the cache, else read (one cat-file for all) and cached."""
    cache, salt = for_root(root), code_salt()
    found: dict[str, Optional[_Version]] = {}
    for revision in revisions:
        if revision.blob and revision.blob not in found:
            blob = cache.get("history", digest(salt, revision.blob))
            if blob is not None:
                cached = marshal.loads(blob)
                found[revision.blob] = _Version(*cached) if cached is not None else None
    missing = {r.blob: r.path for r in revisions if r.blob and r.blob not in found}
    for oid, raw in gitio.read_objects(root, missing).items():
        found[oid] = version = _version(raw, missing[oid])
        cache.put("history", digest(salt, oid), marshal.dumps(tuple(version) if version else None))
    return found


def plan_history(root: Path, path: str | Path, limit: int = DEFAULT_LIMIT) -> PlanHistory:
    """The history of the plan at `path` (absolute, or relative to `root`), from its last `limit` commits."""
    root = Path(root)
    relative = Path(os.path.relpath(Path(root, path).resolve(), root.resolve())).as_posix()
    try:
        if gitio.is_shallow(root):  # also the GitError when there is no repository
            return _unavailable(relative, "the clone is shallow: fetch the whole history (actions/checkout with "
                                          "fetch-depth: 0)")
        revisions, truncated = gitio.file_log(root, relative, limit)
        if not revisions:
            return _unavailable(relative, "the file has no commits yet")
        contents = _versions(root, revisions)
    except gitio.GitError as exc:
        return _unavailable(relative, f"no git history: {exc}")
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
    current = [sid for sid, _, _ in versions[-1][1].stakeholders] if versions else []
    order = list(dict.fromkeys([*current, *points]))
    return tuple(AttitudeTrend(sid, names[sid], tuple(points[sid]), sid in current) for sid in order)


def _coverage(versions: list[tuple[Commit, _Version]]) -> tuple[CoveragePoint, ...]:
    return tuple(CoveragePoint(commit.date.date(), version.pairs, commit.id) for commit, version in versions)
