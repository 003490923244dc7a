"""An account's own files, its notes (accounts/<id>.md) and documents (accounts/<id>/): found without leaving
the repository, and checked against the plan (references, links, headings, sizes)."""

from __future__ import annotations

import dataclasses
import os
import posixpath
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .cache import digest
from .diagnostics import Diagnostic, Severity
from .model import Plan
from .prose import may_link, outline, prose_values
from .validate import did_you_mean

NOTES_SUFFIX = ".md"
NOTES_MAX_BYTES = 256 * 1024
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
MAX_DOCUMENTS = 1000
DEEPEST_NOTES_HEADING = 4  # '####' is the page's h6: the notes sit under the account page's h2
# What a browser shows without running anything from the file: no HTML, SVG or scripts (they would run on the
# site's own address, with the reader's access to it).
PUBLISHED_SUFFIXES = frozenset(".md .txt .pdf .csv .png .jpg .jpeg .gif .webp .doc .docx .xls .xlsx .ppt .pptx "
                               ".odt .ods .odp .rtf .eml .msg .zip".split())


@dataclass(frozen=True)
class AccountDocument:
    path: str  # inside accounts/<id>/, with '/'
    size: int

    @property
    def markdown(self) -> bool:
        return self.path.lower().endswith(".md")

    @property
    def publishable(self) -> bool:
        return posixpath.splitext(self.path.lower())[1] in PUBLISHED_SUFFIXES and self.size <= DOCUMENT_MAX_BYTES


@dataclass(frozen=True)
class AccountFiles:
    folder: str  # accounts/<id>, as diagnostics name it
    notes_file: str  # accounts/<id>.md
    notes: Optional[str] = None  # the notes, when the file is there and readable
    documents: tuple[AccountDocument, ...] = ()
    folder_path: Optional[Path] = None  # where the documents are on disk
    problems: tuple[Diagnostic, ...] = ()  # found while reading

    def key(self) -> str:
        """What a plan's cached check depends on here."""
        return digest(self.notes or "", repr(self.documents), repr(self.problems))

    def document(self, path: str) -> Optional[AccountDocument]:
        return next((d for d in self.documents if d.path == path), None)

    def source(self, document: AccountDocument) -> Path:
        assert self.folder_path is not None
        return self.folder_path.joinpath(*document.path.split("/"))


def _problem(path: str, code: str, message: str, severity: Severity = Severity.WARNING, line: int = 1,
             column: int = 1) -> Diagnostic:
    return Diagnostic(path, line, column, severity, code, message)


def _read_notes(path: Path, display: str) -> tuple[Optional[str], list[Diagnostic]]:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None, []
    except OSError as exc:
        return None, [_problem(display, "notes-file", f"cannot read the notes: {exc.strerror}", Severity.ERROR)]
    if not stat.S_ISREG(info.st_mode):
        return None, [_problem(display, "notes-file", "the notes are not a plain file in the repository (a link?): "
                                                      "they are not read or published")]
    if info.st_size > NOTES_MAX_BYTES:
        return None, [_problem(display, "notes-size", f"the notes are {info.st_size:,} bytes, over the limit of "
                                                      f"{NOTES_MAX_BYTES:,}: split them into documents in the "
                                                      f"account's folder", Severity.ERROR)]
    raw = path.read_bytes()[:NOTES_MAX_BYTES]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return None, [_problem(display, "notes-encoding", "the notes are not UTF-8 text: save the file as UTF-8",
                               Severity.ERROR, line)]


def _walk(folder: Path, display: str) -> tuple[list[AccountDocument], list[Diagnostic]]:
    found: list[AccountDocument] = []
    problems: list[Diagnostic] = []
    for here, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        relative = Path(here).relative_to(folder).as_posix()
        for name in sorted(folders):
            if (Path(here) / name).is_symlink():
                problems.append(_problem(f"{display}/{_join(relative, name)}", "document-link",
                                         "a link to a folder, not a folder in the repository: not published"))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = _join(relative, name)
            info = (Path(here) / name).lstat()
            if not path.isprintable() or "\\" in path:
                problems.append(_problem(f"{display}/{ascii(path)[1:-1]}"[:300], "document-name",
                                         "this file name has a backslash or a character that is not text: "
                                         "rename the file; it is not published"))
            elif not stat.S_ISREG(info.st_mode):
                problems.append(_problem(f"{display}/{path}", "document-link",
                                         "a link, not a file in the repository: not published"))
            elif len(found) < MAX_DOCUMENTS:
                found.append(AccountDocument(path, info.st_size))
    return found, problems


def _join(relative: str, name: str) -> str:
    return name if relative == "." else f"{relative}/{name}"


def orphans(accounts: Path, plan_stems: set[str], display: str) -> list[Diagnostic]:
    """Notes files and document folders in `accounts` (shown as `display`) that belong to no plan."""
    out = []
    for entry in sorted(accounts.iterdir()):
        if entry.name.startswith(("_", ".")):
            continue
        is_notes = entry.suffix == NOTES_SUFFIX and entry.is_file()
        if (is_notes or entry.is_dir()) and (entry.stem if is_notes else entry.name) not in plan_stems:
            what = "notes" if is_notes else "documents"
            out.append(_problem(f"{display}/{entry.name}", "no-plan",
                                f"these {what} belong to no plan: there is no {display}/"
                                f"{entry.stem if is_notes else entry.name}.yaml (was the plan renamed?)"))
    return out


def scan(plan_file: Path, display: str) -> AccountFiles:
    """The notes and documents beside the plan `plan_file` (shown as `display`): accounts/<id>.md, accounts/<id>/."""
    stem = display[: -len(plan_file.suffix)] if plan_file.suffix else display
    folder = plan_file.with_suffix("")
    notes, problems = _read_notes(plan_file.with_suffix(NOTES_SUFFIX), stem + NOTES_SUFFIX)
    documents: list[AccountDocument] = []
    if folder.is_symlink():
        problems.append(_problem(stem, "document-link", "the account's folder is a link, not a folder in the "
                                                        "repository: its documents are not published"))
    elif folder.is_dir():
        documents, found = _walk(folder, stem)
        problems += found
    return AccountFiles(stem, stem + NOTES_SUFFIX, notes, tuple(documents), folder, tuple(problems))


# --- checks ---------------------------------------------------------------------------

def references(plan: Plan) -> Iterator[tuple[tuple, str]]:
    """(path into the plan, document path) for every `documents` list of every section, and shared_documents."""
    for f in dataclasses.fields(plan):
        value = getattr(plan, f.name)
        if isinstance(value, tuple):
            for item in value:
                for i, name in enumerate(getattr(item, "documents", ()) or ()):
                    yield item.path + ("documents", i), name
    for i, name in enumerate(plan.shared_documents):
        yield ("shared_documents", i), name


def inside(base: str, target: str) -> Optional[str]:
    """`target` (relative to the folder `base` inside the account's folder) as a path in that folder, or None
    when it leaves the folder, is absolute or has a backslash."""
    target = target.split("#", 1)[0].split("?", 1)[0]
    if not target or target.startswith("/") or "\\" in target:
        return None
    joined = posixpath.normpath(posixpath.join(base, target))
    return None if joined == "." or joined.startswith("../") or joined == ".." else joined


def _missing(files: AccountFiles, name: str) -> str:
    path = inside("", name)
    if path is None:
        return f"document path '{name}' must name a file inside {files.folder}/ (no '..', no leading '/')"
    known = [d.path for d in files.documents]
    return f"document '{name}' is not in {files.folder}/{did_you_mean(path, known)}"


def check(plan: Plan, files: AccountFiles, data: dict) -> list[Diagnostic]:
    """Every problem with the account's notes and documents: references and links to documents that are not
    there (errors), documents nobody names and ones that cannot be published (warnings), the notes' headings."""
    out = list(files.problems)
    named: set[str] = set()
    for path, name in references(plan):
        target = inside("", name)
        if target is not None and files.document(target):
            named.add(target)
            continue
        line, column = plan.position(path)
        out.append(Diagnostic(plan.file, line, column, Severity.ERROR, "missing-document", _missing(files, name)))
    for path, text in prose_values(data):
        for link in outline(text, headings=False)[1] if may_link(text) else ():
            target = inside("", link.target)
            if target is not None and files.document(target):
                named.add(target)
                continue
            line, column = plan.position(path)
            out.append(Diagnostic(plan.file, line, column, Severity.ERROR, "broken-link", _missing(files, link.target)))
    if files.notes is not None:
        out += _notes(files, named)
    for document in files.documents:
        where = f"{files.folder}/{document.path}"
        if not document.publishable:
            why = ("larger than 20 MB" if document.size > DOCUMENT_MAX_BYTES else
                   "only documents, spreadsheets, presentations, PDF, text and pictures are: a web page or a script "
                   "would run in the reader's browser")
            out.append(_problem(where, "document-not-published", f"this file is not published: {why}"))
        elif document.path not in named:
            out.append(_problem(where, "unreferenced-document",
                                f"no entry of the plan names this document: add '{document.path}' to the "
                                f"`documents` of the review, proposal or action it belongs to, or link it from "
                                f"{files.notes_file}"))
    return out


def _notes(files: AccountFiles, named: set[str]) -> list[Diagnostic]:
    out = []
    headings, links = outline(files.notes or "", headings=True)
    for link in links:
        target = inside("", link.target)
        if target is not None and files.document(target):
            named.add(target)
        else:
            out.append(_problem(files.notes_file, "broken-link", _missing(files, link.target), Severity.ERROR,
                                link.line, link.column))
    previous = 1  # the notes may start with # or ##
    for heading in headings:
        if heading.level > DEEPEST_NOTES_HEADING:
            out.append(_problem(files.notes_file, "notes-heading",
                                f"heading level {heading.level} is deeper than the page allows (at most "
                                f"{'#' * DEEPEST_NOTES_HEADING}): it is shown as level {DEEPEST_NOTES_HEADING}",
                                line=heading.line))
        elif heading.level > previous + 1:
            out.append(_problem(files.notes_file, "notes-heading",
                                f"heading '{heading.text}' skips a level ({'#' * heading.level} after "
                                f"{'#' * previous}): use {'#' * (previous + 1)} so the notes' sections nest",
                                line=heading.line))
        previous = heading.level
    return out
