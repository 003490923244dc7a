"""The plans repository's copy of kam's schemas, which editors read: kept equal to the ones kam validates with.

kam's own schemas (inside the package) are the one source of truth: the validator and the
plan model are built for them. Editors and check-jsonschema read `schema/` in the plans
repository (the `# yaml-language-server: $schema=../schema/...` line of each plan), so a copy
that differs would let the editor and kam disagree on what a valid plan is. `kam validate`
reports such a copy, and `kam schema --write` brings it up to date.
"""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic, Severity
from .files import ReadError, read_capped
from .load import MAX_BYTES
from .validate import KINDS, schema_path

SCHEMA_DIR = "schema"
FIX = "run `kam schema --write` to bring it up to date (to change the rules, change kam, not this copy)"


def shipped_schemas() -> dict[str, bytes]:
    """Each schema kam validates with, by its path in a plans repository."""
    return {f"{SCHEMA_DIR}/{kind}.schema.json": schema_path(kind).read_bytes() for kind in KINDS}


def _read(path: Path) -> bytes | None:
    """The copy's bytes (bounded: a regular file, links only inside the repository), or None."""
    try:
        return read_capped(path, MAX_BYTES, path.parent.parent)
    except ReadError:
        return None


def schema_copy_problems(root: Path) -> list[Diagnostic]:
    """Where a file of the repository's schema/ is missing or differs from kam's, one diagnostic per file."""
    if not (root / SCHEMA_DIR).is_dir():
        return []  # a repository that keeps no copy (its editors use a URL, or none): nothing to disagree with
    problems = []
    for relative, shipped in shipped_schemas().items():
        copy = _read(root / relative)
        if copy is None:
            problems.append(Diagnostic(relative, 0, 0, Severity.ERROR, "schema-copy",
                                       f"missing: editors cannot check plans against it; {FIX}"))
        elif copy != shipped:
            problems.append(Diagnostic(relative, 1, 1, Severity.ERROR, "schema-copy",
                                       f"differs from the schema kam {__version__} validates with, so your editor "
                                       f"and kam disagree on what a valid plan is; {FIX}"))
    return problems


def write_schemas(root: Path) -> list[str]:
    """Write kam's schemas into root/schema/; return the paths that were missing or different."""
    written = []
    for relative, shipped in shipped_schemas().items():
        target = root / relative
        if _read(target) != shipped:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # a committed link is replaced, never written through
            target.write_bytes(shipped)
            written.append(relative)
    return written
