"""What `kam demo` may replace in a folder: only the files an earlier demo wrote, unchanged since.

Every demo writes MARKER, a list of the files it wrote with the hash of each.
A folder that is empty, or holds an earlier demo whose files are untouched, is
rewritten without asking. Anything else that the new demo would overwrite or
remove (old plans in accounts/ would name people and tiers that no longer
exist) is someone's own work: `plan` names each such file, and the demo goes
ahead only with --force. Files the demo does not write are never touched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..files import ReadError, read_capped

MARKER = ".kam-demo.json"
_MARKER_CAP = 16 * 1024 * 1024
_YAML = (".yaml", ".yml")
_BUILT = ("site/", ".cache/")  # what building the demo adds (its .gitignore lists them): still a demo


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def marker_text(files: dict[str, str]) -> str:
    """The marker for a demo of `files` (relative path -> text)."""
    hashes = {path: _hash(text.encode("utf-8")) for path, text in sorted(files.items())}
    return json.dumps({"written by": "kam demo", "files": hashes}, indent=1) + "\n"


def _earlier_demo(out: Path) -> dict[str, str]:
    """The files an earlier demo wrote into `out` and their hashes ({} when there was none)."""
    try:
        data = json.loads(read_capped(out / MARKER, _MARKER_CAP))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (ReadError, ValueError, KeyError, TypeError, AttributeError):
        return {}


@dataclass(frozen=True)
class Plan:
    replace: tuple[str, ...]  # files of someone else's the demo would overwrite
    remove: tuple[str, ...]  # plans of someone else's the demo would delete
    stale: tuple[str, ...]  # plans of the earlier demo to delete (unchanged: safe)
    foreign: bool  # the folder holds something that is not an earlier demo

    @property
    def theirs(self) -> tuple[str, ...]:
        return self.replace + self.remove


def plan(out: Path, files: dict[str, str]) -> Plan:
    """What writing `files` into `out` would overwrite and remove, and whose those files are."""
    ours = _earlier_demo(out)

    def unchanged(relative: str) -> bool:
        try:
            return ours.get(relative) == _hash(read_capped(out / relative, _MARKER_CAP))
        except ReadError:
            return False

    present = sorted(str(p.relative_to(out)) for p in out.rglob("*") if not p.is_dir()) if out.is_dir() else []
    replace = [p for p in present if p in files and p != MARKER and not unchanged(p)]
    old_plans = [p for p in present if p.startswith("accounts/") and p.count("/") == 1 and p.endswith(_YAML)
                 and p not in files]
    remove = [p for p in old_plans if not unchanged(p)]
    foreign = any(p != MARKER and p not in ours and not p.startswith(_BUILT) for p in present) or bool(replace or remove)
    return Plan(tuple(replace), tuple(remove), tuple(p for p in old_plans if p not in remove), foreign)


def _names(paths: tuple[str, ...], most: int = 8) -> str:
    shown = ", ".join(paths[:most])
    return shown + (f" and {len(paths) - most} more" if len(paths) > most else "")


def refusal(out: Path, found: Plan) -> str:
    """One line: why the folder is refused, and what --force would do to whose files."""
    parts = []
    if found.replace:
        parts.append(f"replace {_names(found.replace)}")
    if found.remove:
        parts.append(f"delete {_names(found.remove)}")
    what = (f"--force would {' and '.join(parts)}, which an earlier kam demo did not write (or that were "
            f"changed since)") if parts else "--force writes the demo beside them and replaces nothing of theirs"
    return f"{out} is not empty and is not an earlier kam demo; choose an empty or new folder ({what})"
