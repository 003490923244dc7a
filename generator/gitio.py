"""Read plans at git revisions, through the `git` command (no library).

Every call runs `git -C <root>`, where <root> is the folder that holds
accounts/; paths given and returned are relative to <root>, even when <root>
is a subfolder of the repository. Many file contents are read through one
`git cat-file --batch` process, so reading a hundred versions costs one
process, not a hundred. Failures raise GitError with git's own last line.

`snapshot` turns the files of one revision (or of the working tree) into a
portfolio, checking each plan as `kam validate` does (workspace.check_plan).
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from . import model, references
from .cache import digest
from .diagnostics import Diagnostic, Severity, sort_key
from .plaintext import safe_text
from .load import MAX_BYTES, Document, LoadError, load_error_diagnostic, parse, read
from .validate import schema_errors
from .workspace import ACCOUNTS_DIR, PEOPLE_FILE, SETTINGS_FILE, YAML_SUFFIXES, Context, check_plan, plan_files

MAIN_BRANCHES = ("origin/main", "main", "master")
log = logging.getLogger("kam.history")  # not under "mkdocs": a skipped commit never fails a --strict build
_NULL_OID = "0" * 40


class GitError(Exception):
    """git is missing, the folder is not a repository, or a revision is unknown."""


def git(root: Path, *args: str, stdin: Optional[bytes] = None) -> bytes:
    """Run git in `root` and return its output; raise GitError when it fails."""
    command = ["git", "-C", str(root), "-c", "core.quotepath=off", *args]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, check=False)
    except OSError as exc:  # git not installed, or not runnable
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {args[0]} failed (exit {done.returncode})")
    return done.stdout


def require_repository(root: Path) -> None:
    """GitError unless `root` is inside a git work tree."""
    try:
        git(root, "rev-parse", "--is-inside-work-tree")
    except GitError as exc:
        raise GitError(f"{root} is not in a git repository ({exc})") from None


def is_shallow(root: Path) -> bool:
    return git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"


def commit_of(root: Path, rev: str) -> str:
    """The full commit id `rev` names; GitError when it names no commit."""
    if rev.startswith("-"):  # never let a revision be read as an option
        raise GitError(f"'{rev}' is not a revision")
    try:
        return git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"'{rev}' is not a commit in this repository") from None


def default_base(root: Path) -> str:
    """The merge base of HEAD with the main branch (origin/main, else main, else master)."""
    head = commit_of(root, "HEAD")
    for branch in MAIN_BRANCHES:
        try:
            other = commit_of(root, branch)
        except GitError:
            continue
        return git(root, "merge-base", head, other).decode().strip()
    raise GitError("found no main branch (origin/main, main or master) to compare with: name the base revision")


def config_value(root: Path, key: str) -> Optional[str]:
    try:
        return git(root, "config", "--get", key).decode("utf-8", "replace").strip() or None
    except GitError:
        return None


# --- file contents --------------------------------------------------------------

def object_sizes(root: Path, oids: Iterable[str]) -> dict[str, int]:
    """The size of each object that exists, through one `git cat-file --batch-check`."""
    wanted = list(dict.fromkeys(oids))
    if not wanted:
        return {}
    out = git(root, "cat-file", "--batch-check=%(objectsize)", stdin="".join(f"{oid}\n" for oid in wanted).encode())
    sizes: dict[str, int] = {}
    for oid, line in zip(wanted, out.decode("utf-8", "replace").splitlines()):
        if line.isdigit():  # else "<name> missing"
            sizes[oid] = int(line)
    return sizes


def read_objects(root: Path, oids: Iterable[str], max_size: Optional[int] = None) -> dict[str, bytes]:
    """The contents of many blobs by object id, through one `git cat-file --batch`; with
    `max_size`, objects over it are left out unread (their sizes are asked for first)."""
    wanted = list(dict.fromkeys(oids))
    if max_size is not None:
        sizes = object_sizes(root, wanted)
        wanted = [oid for oid in wanted if sizes.get(oid, 0) <= max_size]
    if not wanted:
        return {}
    out = git(root, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in wanted).encode())
    contents: dict[str, bytes] = {}
    at = 0
    for oid in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:  # "<oid> missing"
            continue
        size = int(header[2])
        contents[oid] = out[at:at + size]
        at += size + 1  # the content is followed by a newline
    return contents


def _wanted(name: str) -> bool:
    """The files of accounts/ a portfolio is read from (as workspace.plan_files picks plans)."""
    return name in (SETTINGS_FILE, PEOPLE_FILE) or (name.endswith(YAML_SUFFIXES) and not name.startswith(("_", ".")))


def files_at(root: Path, rev: str) -> dict[str, bytes | LoadError]:
    """Every YAML file directly in accounts/ at a revision: {'accounts/x.yaml': bytes}."""
    listing = git(root, "ls-tree", "-z", "--end-of-options", rev, f"{ACCOUNTS_DIR}/")
    oids: dict[str, str] = {}
    links: set[str] = set()
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.decode("utf-8", "surrogateescape").partition("\t")
        mode, kind, oid = meta.split()[:3]
        relative = name[len(ACCOUNTS_DIR) + 1:]
        if kind == "blob" and "/" not in relative and _wanted(relative):
            oids[name] = oid
            if mode == "120000":
                links.add(name)
    contents = read_objects(root, oids.values(), MAX_BYTES)
    too_big = LoadError(f"file is over the limit of {MAX_BYTES:,} bytes", 1, 1, "file-size")
    files: dict[str, bytes | LoadError] = {name: contents.get(oid, too_big) for name, oid in sorted(oids.items())}
    files.update(_link_targets(root, rev, {name: files[name] for name in links if name in files}))
    return files


def _link_targets(root: Path, rev: str, links: dict[str, bytes]) -> dict[str, bytes | LoadError]:
    """Committed symbolic links read as the files they point to at `rev`, as kam validate reads
    them on disk: a target outside the repository (or missing) is a LoadError."""
    targets: dict[str, str] = {}
    out: dict[str, bytes | LoadError] = {}
    for name, text in links.items():
        target = posixpath.normpath(posixpath.join(ACCOUNTS_DIR, text.decode("utf-8", "surrogateescape")))
        if posixpath.isabs(target) or target == ".." or target.startswith("../"):
            out[name] = LoadError("the file is a symbolic link to a file outside the repository; "
                                  "put the file itself here", 1, 1, "file-link")
        else:
            targets[name] = f"{rev}:./{target}"
    contents = read_objects(root, targets.values(), MAX_BYTES)
    for name, spec in targets.items():
        out[name] = contents.get(spec, LoadError("the file is a symbolic link to a file that does not exist",
                                                 1, 1, "file-link"))
    return out


def working_files(root: Path) -> dict[str, bytes | LoadError]:
    """Every YAML file directly in accounts/ on disk, as files_at reads a revision (a file that
    cannot be read as input: the LoadError saying why)."""
    folder = root / ACCOUNTS_DIR
    if not folder.is_dir():
        return {}
    files: dict[str, bytes | LoadError] = {}
    for path in [folder / SETTINGS_FILE, folder / PEOPLE_FILE, *plan_files(folder)]:
        if not path.exists() and not path.is_symlink():
            continue  # missing: a missing-file line, as at a revision
        try:  # a link is read as its target (inside the repository only), as kam validate reads it
            files[f"{ACCOUNTS_DIR}/{path.name}"] = read(path, root)
        except LoadError as exc:  # unreadable, a device, too big: that error, at the file
            files[f"{ACCOUNTS_DIR}/{path.name}"] = exc
    return files


def renames(root: Path, base: str, head: Optional[str]) -> dict[str, str]:
    """Files in accounts/ that git sees as renamed or moved: {old path: new path}.

    `head` None compares with the working tree (tracked and staged files).
    """
    args = ["diff", "-M", "--name-status", "-z", "--relative", "--no-ext-diff", base]
    out = git(root, *args, *([head] if head else []), "--", f"{ACCOUNTS_DIR}/")
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    moved: dict[str, str] = {}
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        if status.startswith(("R", "C")):
            if status.startswith("R"):
                moved[fields[i + 1]] = fields[i + 2]
            i += 3
        else:
            i += 2
    return moved


# --- one file's history -------------------------------------------------------------

@dataclass(frozen=True)
class Revision:
    """One commit that changed a file, with the file's blob in that commit."""

    commit: str
    date: dt.datetime  # author date
    author: str
    subject: str
    path: str  # the file's path in that commit (it may have been renamed since)
    blob: Optional[str]  # None when the commit deleted the file


def commit_date(commit: str, text: str) -> Optional[dt.datetime]:
    """A commit's author date (git's strict ISO form), or None, with one warning, for a date git
    accepts and Python cannot hold (a time zone of +99:59, a year past 9999): that commit is skipped."""
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        if commit not in _warned:
            _warned.add(commit)
            log.warning(f"kam: skipped commit {commit[:12]} in the plans' history: its date ({safe_text(text)}) "
                        f"cannot be read")
        return None


_warned: set[str] = set()  # one warning per bad commit in a process (mkdocs serve rebuilds)


def file_log(root: Path, path: str, limit: int) -> tuple[list[Revision], bool]:
    """The last `limit` commits that changed `path`, newest first, following renames,
    and whether older ones were left out. One `git log` call."""
    out = git(root, "log", "--follow", "-M", "--raw", "--no-abbrev", "--no-ext-diff", "-z", "--relative",
              "--diff-merges=first-parent",
              f"--max-count={limit + 1}", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--", path)
    revisions: list[Revision] = []
    for record in out.decode("utf-8", "replace").split("\x1e")[1:]:
        header, _, raw = record.partition("\n")
        commit, date, author, subject = header.rstrip("\0").split("\x1f", 3)
        when = commit_date(commit, date)
        if when is None:
            continue
        blob, where = _raw_entry(raw, path)
        revisions.append(Revision(commit, when, author, subject, where, blob))
    return revisions[:limit], len(revisions) > limit


def _raw_entry(raw: str, fallback: str) -> tuple[Optional[str], str]:
    """The new blob and path from a `--raw -z` record (":m m old new S\\0path[\\0path]")."""
    fields = raw.strip("\n\0").split("\0")
    if not fields or not fields[0].startswith(":"):
        return None, fallback
    meta = fields[0].split()
    new_oid, status = meta[3], meta[4]
    where = fields[2] if status.startswith(("R", "C")) and len(fields) > 2 else (fields[1] if len(fields) > 1 else fallback)
    return (None if new_oid == _NULL_OID or status.startswith("D") else new_oid), where


# --- a portfolio read from file contents ------------------------------------------------

@dataclass
class Snapshot:
    """The portfolio as files held it at one revision (or on disk).

    Only plans without errors are in `plans`; each invalid file has its first
    error in `invalid` (and the number of errors in `error_counts`).
    """

    settings: Optional[model.Settings] = None
    people: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)  # plan id -> Plan
    documents: dict = field(default_factory=dict)  # file -> Document, valid plans only
    invalid: dict = field(default_factory=dict)  # file -> Diagnostic
    error_counts: dict = field(default_factory=dict)  # file -> number of errors
    sources: dict = field(default_factory=dict)  # settings and people file -> SourceMap

    def portfolio(self, stand_ins: Iterable[model.Plan] = ()) -> Optional[model.Portfolio]:
        """The portfolio of the valid plans, and of `stand_ins` for plans that are not valid here."""
        if self.settings is None:
            return None
        plans = tuple(sorted([*self.plans.values(), *stand_ins], key=lambda p: p.id))
        return model.Portfolio(self.settings, self.people, plans, settings_file=SETTINGS_PATH, people_file=PEOPLE_PATH,
                               settings_source=self.sources.get(SETTINGS_PATH),
                               people_source=self.sources.get(PEOPLE_PATH))

    def _fail(self, file: str, errors: list[Diagnostic]) -> None:
        self.invalid[file] = min(errors, key=sort_key)
        self.error_counts[file] = len(errors)


SETTINGS_PATH = f"{ACCOUNTS_DIR}/{SETTINGS_FILE}"
PEOPLE_PATH = f"{ACCOUNTS_DIR}/{PEOPLE_FILE}"


def _side_file(file: str, raw: Optional[bytes | LoadError], kind: str) -> tuple[Optional[Document], list[Diagnostic]]:
    """Settings or people from their bytes, with every error `kam validate` would give."""
    if raw is None:
        return None, [Diagnostic(file, 1, 1, Severity.ERROR, "missing-file", "the file is missing")]
    try:
        if isinstance(raw, LoadError):
            raise raw
        document = parse(raw, file)
    except LoadError as exc:
        return None, [load_error_diagnostic(file, exc)]
    list_key, what = ("tiers", "tier id") if kind == "portfolio" else ("people", "person id")
    errors = [*references.unique_list_ids(document, list_key, what), *schema_errors(document, kind)]
    return document, errors


def snapshot(files: dict[str, bytes | LoadError], memo: Optional[dict] = None) -> Snapshot:
    """Validate and build a portfolio from {path: bytes}, plan by plan as `kam validate` does
    (workspace.check_plan). A `memo` shared between calls checks a file that is the same on
    both sides once."""
    memo = {} if memo is None else memo
    snap = Snapshot()
    for file, kind in ((SETTINGS_PATH, "portfolio"), (PEOPLE_PATH, "people")):
        document, errors = _side_file(file, files.get(file), kind)
        if errors:
            snap._fail(file, errors)
            continue
        snap.sources[file] = document.source
        if kind == "portfolio":
            snap.settings = model.build_settings(document)
        else:
            snap.people = model.build_people(document)
    context = Context(snap.people, tuple(t.id for t in snap.settings.tiers) if snap.settings else None)
    context_key = context.key()
    valid: list[tuple[str, str, tuple[int, int]]] = []
    for file, raw in sorted(files.items()):
        if file in (SETTINGS_PATH, PEOPLE_PATH):
            continue
        name = file.rsplit("/", 1)[-1]
        if isinstance(raw, LoadError):
            snap._fail(file, [load_error_diagnostic(file, raw)])
            continue
        key = (file, raw, context_key)
        if key not in memo:
            memo[key] = check_plan(raw, file, name.rsplit(".", 1)[0], context, with_document=True)
        check = memo[key]
        if check.plan_id is None:
            snap._fail(file, list(check.diagnostics))
            continue
        snap.documents[file] = check.to_document(file, digest(raw))
        valid.append((file, check.plan_id, check.id_position))
    for problem in references.unique_plan_ids(valid):
        snap._fail(problem.path, [problem])
        del snap.documents[problem.path]
    for document in snap.documents.values():
        plan = model.build_plan(document)
        snap.plans[plan.id] = plan
    return snap
