"""Find a portfolio's files, load and validate them, and build the model.

The one entry point that `kam validate`, `kam check` and the site build
share: files in, (portfolio, diagnostics) out. A plan reaches the model only
when it has no errors, so everything downstream can trust it.

Speed (1,000 plans): each plan is checked on its own by `check_plan`, a pure
function of the file's bytes and a small context (people, tiers), so
results are cached by content hash and cache misses are spread over the
machine's cores.
"""

from __future__ import annotations

import marshal
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import documents, model, references
from .cache import Cache, code_salt, digest, for_root
from .diagnostics import Diagnostic, Severity, sort_key
from . import load as loader
from .load import Document, LoadError, SourceMap, load, load_error_diagnostic, parse
from .salvage import is_placeholder, salvage, without_follow_ons
from .validate import explain, raw_errors, validator

ACCOUNTS_DIR = "accounts"
SETTINGS_FILE = "_portfolio.yaml"
PEOPLE_FILE = "_people.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
PARALLEL_MIN_FILES = 48  # below this, starting worker processes costs more than it saves

Progress = Callable[[int, int], None]


class UsageError(Exception):
    """A path or option the user gave cannot be used (exit status 2)."""


@dataclass
class LoadResult:
    settings: Optional[model.Settings] = None
    people: dict = field(default_factory=dict)
    plans: list = field(default_factory=list)  # only plans without errors (when models were asked for)
    diagnostics: list = field(default_factory=list)
    files: int = 0
    documents: dict = field(default_factory=dict)  # display path -> Document, settings and people only
    settings_path: Path = Path()
    people_path: Path = Path()

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def portfolio(self) -> Optional[model.Portfolio]:
        if self.settings is None:
            return None
        settings_file, people_file = _display(self.settings_path), _display(self.people_path)
        source = {path: document.source for path, document in self.documents.items()}
        return model.Portfolio(self.settings, self.people, tuple(sorted(self.plans, key=lambda p: p.id)),
                               settings_file=settings_file, people_file=people_file,
                               settings_source=source.get(settings_file), people_source=source.get(people_file))


def _display(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") and path.is_absolute() else relative


def plan_files(accounts: Path) -> list[Path]:
    return sorted(p for p in accounts.iterdir()
                  if p.suffix in YAML_SUFFIXES and not p.name.startswith(("_", ".")) and not p.is_dir())


def select_files(targets: Iterable[Path], accounts: Path) -> list[Path]:
    """The plan files named by the user: files as given, folders scanned for YAML."""
    selected: list[Path] = []
    for target in targets:
        if target.is_dir():
            selected.extend(plan_files(target))
        elif target.is_file() or target.is_symlink():  # a link: its target is checked when read
            if target.suffix == documents.NOTES_SUFFIX:  # an account's notes: checked with their plan
                target = next((plan for plan in map(target.with_suffix, YAML_SUFFIXES) if plan.is_file()), target)
            if target.resolve() not in (accounts / SETTINGS_FILE, accounts / PEOPLE_FILE):
                selected.append(target)
        else:
            raise UsageError(f"no such file or folder: {target}")
    return list(dict.fromkeys(selected))


# --- one plan, on its own ----------------------------------------------------------

@dataclass(frozen=True)
class Context:
    """What checking one plan depends on besides its own text."""

    people: dict  # person id -> model.Person
    tiers: Optional[tuple[str, ...]]  # None when the settings are unusable

    def key(self) -> str:
        people = sorted((p.id, str(p.left)) for p in self.people.values())
        return digest(code_salt(), repr(people), repr(self.tiers))


@dataclass(frozen=True)
class PlanCheck:
    diagnostics: tuple[Diagnostic, ...]
    plan_id: Optional[str]  # set when the plan has no errors
    id_position: tuple[int, int] = (1, 1)
    document: Optional[bytes] = None  # marshalled (data, positions), to build the model from

    def to_document(self, display: str, content_digest: str = "") -> Document:
        """The checked plan's document, for building its model (needs with_document=True)."""
        data, positions = marshal.loads(self.document)
        return Document(display, data, SourceMap(blob=positions), content_digest)


def check_plan(raw: bytes, display: str, stem: str, context: Context, with_document: bool,
               files: Optional[documents.AccountFiles] = None) -> PlanCheck:
    """Parse, schema-check and cross-check one plan's bytes (and its notes and documents, `files`).
    Pure: safe to cache and to run in a worker."""
    try:
        document = parse(raw, display)
    except LoadError as exc:
        return PlanCheck((load_error_diagnostic(display, exc),), None)
    errors = raw_errors(document, "plan")
    if errors:
        found = _salvaged_problems(document, stem, context, errors)
        return PlanCheck(tuple(sorted(found, key=sort_key)), None)
    plan = model.build_plan(document)
    problems = _cross_problems(plan, stem, context)
    if files is not None:
        problems += documents.check(plan, files, document.data)
    if any(p.severity is Severity.ERROR for p in problems):
        return PlanCheck(tuple(problems), None)
    payload = marshal.dumps((document.data, document.source.dumps())) if with_document else None
    return PlanCheck(tuple(problems), plan.id, plan.position(("id",)), payload)


def _cross_problems(plan: model.Plan, stem: str, context: Context) -> list[Diagnostic]:
    problems = list(references.file_name_matches(plan, stem))
    return problems + references.plan_problems(plan, context.people, context.tiers)


def _salvaged_problems(document: Document, stem: str, context: Context, errors: list) -> list[Diagnostic]:
    """The schema errors of a plan, and the cross-reference problems of its well-formed rest."""
    found = explain(document, "plan", errors)
    rest = salvage(document, validator("plan").schema, errors)
    try:
        plan = model.build_plan(rest.document)
        problems = _cross_problems(plan, stem, context)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):  # pragma: no cover - a salvage gap
        return found
    return without_follow_ons(found, problems, rest.blocked)


def _check_job(job: tuple) -> PlanCheck:
    """Check one plan and cache the result, in the worker: the documents (about 50 KB a plan)
    then go back to the parent only when it builds models."""
    raw, display, stem, context, cache, key, with_document, files = job
    check = check_plan(raw, display, stem, context, with_document=True, files=files)
    cache.put("plans", key, _encode(check))
    if check.document is not None:
        cache.put("documents", key, check.document)
    return check if with_document else replace(check, document=None)


def _encode(check: PlanCheck) -> bytes:
    """The check without its document: what `kam validate` reads back, kept small."""
    rows = [(d.path, d.line, d.column, d.severity.value, d.code, d.message) for d in check.diagnostics]
    return marshal.dumps((rows, check.plan_id, check.id_position))


def _decode(blob: bytes) -> PlanCheck:
    rows, plan_id, id_position = marshal.loads(blob)
    return PlanCheck(tuple(Diagnostic(p, line, col, Severity(sev), code, msg) for p, line, col, sev, code, msg in rows),
                     plan_id, tuple(id_position))


def _from_cache(cache: Cache, key: str, with_document: bool) -> Optional[PlanCheck]:
    """A cached check; with its document when asked for and the plan is valid, else None (a miss)."""
    blob = cache.get("plans", key)
    if blob is None:
        return None
    try:  # authenticated by the cache; read defensively all the same
        check = _decode(blob)
    except Exception:  # noqa: BLE001 - an entry that does not decode is a miss, recomputed
        return None
    if not with_document or check.plan_id is None:
        return check
    document = cache.get("documents", key)
    return None if document is None else replace(check, document=document)


def _check_plans(root: Path, files: list[Path], context: Context, cache: Cache, with_documents: bool,
                 progress: Optional[Progress], prune: bool = False) -> list[tuple[Path, PlanCheck]]:
    """Every plan's check, from the cache where the bytes and the context are unchanged.

    A miss always keeps the valid plan's document too (in its own namespace, so `kam validate`
    reads back only the small verdict): `kam check` or the site build after `kam validate`
    then build their models without parsing again. `prune`: `files` are the whole portfolio,
    so cached entries for other bytes or another context are stale."""
    context_key = context.key()
    results: dict[Path, PlanCheck] = {}
    misses: list[Path] = []
    jobs: list[tuple] = []
    keys: list[str] = []
    for path in files:
        display = _display(path)
        try:
            raw = loader.read(path, root)
        except LoadError as exc:
            results[path] = PlanCheck((load_error_diagnostic(display, exc),), None)
            continue
        own = documents.scan(path, display)
        key = digest(context_key, display, raw, own.key())
        keys.append(key)
        cached = _from_cache(cache, key, with_documents)
        if cached is not None:
            results[path] = cached
        else:
            misses.append(path)
            jobs.append((raw, display, path.stem, context, cache, key, with_documents, own))
    done = len(results)
    if progress:
        progress(done, len(files))
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) >= PARALLEL_MIN_FILES and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            checked = pool.map(_check_job, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
            for path, check in zip(misses, checked):
                results[path] = check
                done += 1
                if progress and done % 50 == 0:
                    progress(done, len(files))
    else:
        for path, job in zip(misses, jobs):
            results[path] = _check_job(job)
    if prune:
        cache.prune("plans", keys)
        cache.prune("documents", keys)
    if progress:
        progress(len(files), len(files))
    return [(path, results[path]) for path in files]


# --- the portfolio ---------------------------------------------------------------------

def _salvaged_model(build: Callable, document: Document):
    try:
        return build(document)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):  # pragma: no cover - a salvage gap
        return None


def _read_side_file(root: Path, path: Path, kind: str, result: LoadResult) -> tuple[Optional[Document], bool]:
    """Settings or people, and whether they pass the schema: the document as written, or its
    well-formed rest (errors recorded); None when it cannot be read."""
    display = _display(path)
    if not path.exists() and not path.is_symlink():
        result.diagnostics.append(Diagnostic(display, 1, 1, Severity.ERROR, "missing-file",
                                             f"the portfolio needs this file ({kind} settings); see the README"))
        return None, False
    result.files += 1
    try:
        document = load(path, display, root)
    except LoadError as exc:
        result.diagnostics.append(load_error_diagnostic(display, exc))
        return None, False
    result.documents[display] = document
    list_key, what = ("tiers", "tier id") if kind == "portfolio" else ("people", "person id")
    result.diagnostics.extend(references.unique_list_ids(document, list_key, what))
    errors = raw_errors(document, kind)
    result.diagnostics.extend(explain(document, kind, errors))
    return (document, True) if not errors else (salvage(document, validator(kind).schema, errors).document, False)


def load_portfolio(root: Path, targets: Optional[list[Path]] = None, *, models: bool = True,
                   progress: Optional[Progress] = None, cache: Optional[Cache] = None) -> LoadResult:
    """Load settings, people and plans under `root`; validate everything; build the model
    (unless `models` is False: then only the diagnostics, which is all `kam validate` needs)."""
    accounts = (root / ACCOUNTS_DIR).resolve()
    if not accounts.is_dir():
        raise UsageError(f"no '{ACCOUNTS_DIR}' folder in {root.resolve()}: run kam in a plans repository "
                         f"or pass --root")
    result = LoadResult(settings_path=accounts / SETTINGS_FILE, people_path=accounts / PEOPLE_FILE)
    files = select_files(targets, accounts) if targets else plan_files(accounts)

    tiers = None
    settings_document, valid = _read_side_file(root, result.settings_path, "portfolio", result)
    if settings_document is not None:
        settings = _salvaged_model(model.build_settings, settings_document)
        tiers = tuple(t.id for t in settings.tiers if not is_placeholder(t.id)) if settings else None
        result.settings = settings if valid else None  # the rest of a broken one only checks the plans' tiers
    people_document, _ = _read_side_file(root, result.people_path, "people", result)
    if people_document is not None:  # a person with a bad e-mail is still a person
        people = _salvaged_model(model.build_people, people_document) or {}
        result.people = {pid: person for pid, person in people.items() if not is_placeholder(pid)}

    checks = _check_plans(root, files, Context(result.people, tiers), cache or for_root(root), models, progress,
                          prune=not targets)
    result.files += len(files)
    valid: list[tuple[str, str, tuple[int, int]]] = []  # (display path, plan id, its position)
    for path, check in checks:
        result.diagnostics.extend(check.diagnostics)
        if check.plan_id is not None:
            valid.append((_display(path), check.plan_id, check.id_position))
            if models and check.document is not None:
                result.plans.append(model.build_plan(check.to_document(_display(path))))

    if not targets:
        result.diagnostics += documents.orphans(accounts, {path.stem for path in files}, _display(accounts))
    result.diagnostics = references.fold_repeats(result.diagnostics)
    duplicates = list(references.unique_plan_ids(valid))
    result.diagnostics.extend(duplicates)
    bad = {d.path for d in duplicates}
    result.plans = [p for p in result.plans if p.file not in bad]
    result.diagnostics.sort(key=sort_key)
    return result
