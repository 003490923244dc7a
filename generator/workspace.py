"""Find a portfolio's files, load and validate them, and build the model.

The one entry point that `kam validate`, `kam check` and the site build
share: files in, (portfolio, diagnostics) out. A plan reaches the model only
when it has no errors, so everything downstream can trust it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from . import model, references
from .diagnostics import Diagnostic, Severity, sort_key
from .load import Document, LoadError, load, load_error_diagnostic
from .validate import schema_errors

ACCOUNTS_DIR = "accounts"
SETTINGS_FILE = "_portfolio.yaml"
PEOPLE_FILE = "_people.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class UsageError(Exception):
    """A path or option the user gave cannot be used (exit status 2)."""


@dataclass
class LoadResult:
    settings: Optional[model.Settings] = None
    people: dict = field(default_factory=dict)
    plans: list = field(default_factory=list)  # only plans without errors
    diagnostics: list = field(default_factory=list)
    files: int = 0
    documents: dict = field(default_factory=dict)  # display path -> Document, for positions

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def portfolio(self) -> Optional[model.Portfolio]:
        if self.settings is None:
            return None
        return model.Portfolio(self.settings, self.people, tuple(sorted(self.plans, key=lambda p: p.id)),
                               settings_file=_display(self.settings_path), people_file=_display(self.people_path))

    settings_path: Path = Path()
    people_path: Path = Path()


def _display(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def plan_files(accounts: Path) -> list[Path]:
    return sorted(p for p in accounts.iterdir()
                  if p.suffix in YAML_SUFFIXES and not p.name.startswith(("_", ".")) and p.is_file())


def select_files(targets: Iterable[Path], accounts: Path) -> list[Path]:
    """The plan files named by the user: files as given, folders scanned for YAML."""
    selected: list[Path] = []
    for target in targets:
        if target.is_dir():
            selected.extend(plan_files(target))
        elif target.is_file():
            if target.resolve() not in (accounts / SETTINGS_FILE, accounts / PEOPLE_FILE):
                selected.append(target)
        else:
            raise UsageError(f"no such file or folder: {target}")
    return list(dict.fromkeys(selected))


def _read(path: Path, kind: str, result: LoadResult) -> tuple[Optional[Document], bool]:
    """The document (None when unreadable) and whether it passed the schema."""
    display = _display(path)
    result.files += 1
    try:
        document = load(path, display)
    except LoadError as exc:
        result.diagnostics.append(load_error_diagnostic(display, exc))
        return None, False
    result.documents[display] = document
    errors = schema_errors(document, kind)
    result.diagnostics.extend(errors)
    return document, not errors


def load_portfolio(root: Path, targets: Optional[list[Path]] = None) -> LoadResult:
    """Load settings, people and plans under `root`; validate everything; build the model."""
    accounts = (root / ACCOUNTS_DIR).resolve()
    if not accounts.is_dir():
        raise UsageError(f"no '{ACCOUNTS_DIR}' folder in {root.resolve()}: run kam in a plans repository "
                         f"or pass --root")
    result = LoadResult(settings_path=accounts / SETTINGS_FILE, people_path=accounts / PEOPLE_FILE)
    files = select_files(targets, accounts) if targets else plan_files(accounts)

    for path, kind in ((result.settings_path, "portfolio"), (result.people_path, "people")):
        if not path.exists():
            result.diagnostics.append(Diagnostic(_display(path), 1, 1, Severity.ERROR, "missing-file",
                                                 f"the portfolio needs this file ({kind} settings); see the README"))
            continue
        document, valid = _read(path, kind, result)
        if document is None:
            continue
        list_key, what = ("tiers", "tier id") if kind == "portfolio" else ("people", "person id")
        result.diagnostics.extend(references.unique_list_ids(document, list_key, what))
        if not valid:
            continue
        if kind == "portfolio":
            result.settings = model.build_settings(document)
        else:
            result.people = model.build_people(document)

    for path in files:
        document, valid = _read(path, "plan", result)
        if not valid:
            continue
        plan = model.build_plan(document)
        problems = list(references.file_name_matches(plan, path.stem))
        problems += references.plan_problems(plan, result.people, result.settings)
        result.diagnostics.extend(problems)
        if not problems:
            result.plans.append(plan)

    duplicate_ids = list(references.unique_plan_ids(result.plans))
    result.diagnostics.extend(duplicate_ids)
    bad = {d.path for d in duplicate_ids}
    result.plans = [p for p in result.plans if p.file not in bad]
    result.diagnostics.sort(key=sort_key)
    return result
