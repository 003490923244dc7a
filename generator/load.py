"""Read YAML files into plain data with the source position of every value.

The rules here decide, once, what a plan's text means:
- YAML 1.2 core scalars: only true/false are booleans (`country: NO` stays
  Norway), dates and times stay strings (the schema checks them as dates).
- Anything that would make a document mean something other than what its
  author typed, or cost unbounded time or memory, is rejected with its
  position: duplicate keys, anchors and aliases, merge keys, tags, several
  documents, bytes that are not UTF-8, files over MAX_BYTES, nesting deeper
  than MAX_DEPTH, an empty file, a top level that is not a mapping.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import yamlerrors
from .diagnostics import Diagnostic, Severity
from .files import ReadError, read_capped

try:  # libyaml's parser is ~8x faster than the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class _Composer(_Loader):  # type: ignore[misc,valid-type]
    """Composes nodes without PyYAML's (YAML 1.1) tag resolution: scalars are
    resolved once, by YAML 1.2 core rules, in _plain_scalar. Skipping it saves
    about a third of the composing time."""

    def resolve(self, kind, value, implicit):
        return ""

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

Path_ = tuple  # a path into a document: keys (str) and list indices (int)


class LoadError(Exception):
    """The file cannot be read as a plan document; line/column are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1, code: str = "load"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


class SourceMap:
    """Positions of the values in one document, by path.

    Each entry is (value line, value column, key line, key column), 1-based;
    for list items and the root the key position is the value position.
    A map read back from the cache stays marshalled until a position is
    asked for: most plans never need one.
    """

    __slots__ = ("_positions", "_blob")

    def __init__(self, positions: dict | None = None, blob: bytes | None = None):
        self._positions = positions
        self._blob = blob

    @property
    def positions(self) -> dict:
        if self._positions is None:
            self._positions = marshal.loads(self._blob) if self._blob else {}
            self._blob = None
        return self._positions

    def dumps(self) -> bytes:
        return self._blob if self._positions is None and self._blob else marshal.dumps(self.positions)

    def at(self, path: Path_) -> tuple[int, int]:
        """The position of the value at `path`, or of its nearest ancestor."""
        positions = self.positions
        path = tuple(path)
        while path not in positions and path:
            path = path[:-1]
        line, column, _, _ = positions.get(path, (1, 1, 1, 1))
        return line, column

    def key_at(self, path: Path_) -> tuple[int, int]:
        """The position of the key that holds the value at `path`."""
        path = tuple(path)
        if path in self.positions:
            _, _, line, column = self.positions[path]
            return line, column
        return self.at(path)


@dataclass(frozen=True)
class Document:
    path: str  # as given by the user, for diagnostics
    data: dict
    source: SourceMap
    digest: str = ""  # content hash of the bytes, for caches

    def error(self, path: Path_, message: str, code: str, *, key: bool = False,
              severity: Severity = Severity.ERROR) -> Diagnostic:
        line, column = self.source.key_at(path) if key else self.source.at(path)
        return Diagnostic(self.path, line, column, severity, code, message)


# YAML 1.2 core schema, plain scalars only (quoted ones are always strings).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def _plain_scalar(text: str) -> Any:
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        try:
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
        except ValueError:  # more digits than Python converts safely: keep the text
            return text
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text.lower()]
    return text


def _mark(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _build(node, path: tuple, positions: dict, key_mark: tuple[int, int], depth: int) -> Any:
    mark = node.start_mark
    line, column = mark.line + 1, mark.column + 1
    positions[path] = (line, column, *key_mark)
    if depth > MAX_DEPTH:
        raise LoadError(f"nested deeper than {MAX_DEPTH} levels", line, column, "yaml-depth")
    kind = node.id
    if kind == "scalar":
        return node.value if node.style else _plain_scalar(node.value)
    if kind == "sequence":
        return [_build(item, path + (i,), positions, (item.start_mark.line + 1, item.start_mark.column + 1), depth + 1)
                for i, item in enumerate(node.value)]
    result: dict = {}
    for key_node, value_node in node.value:
        key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if key_node.id != "scalar":
            raise LoadError("a key must be plain text, not a list or mapping", *key_pos, "yaml-key")
        key = key_node.value
        if key == "<<" and not key_node.style:
            raise LoadError("merge keys ('<<') are not allowed: write the keys out", *key_pos, "yaml-merge")
        if key in result:
            first = positions[path + (key,)][2]
            raise LoadError(f"duplicate key '{key}' (first defined on line {first})", *key_pos, "yaml-duplicate-key")
        result[key] = _build(value_node, path + (key,), positions, key_pos, depth + 1)
    return result


def _too_deep_offset(raw: bytes) -> int | None:
    """Where bracket nesting first exceeds MAX_DEPTH (a byte offset), computed without parsing.

    libyaml composes recursively and crashes the interpreter on very deep
    flow nesting, so this runs before it; quoted brackets only overcount.
    Counting starts at the top-level mapping, as the event scan does.
    """
    depth = 1
    for match in _BRACKET.finditer(raw):
        if match.group() in b"[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif depth > 1:
            depth -= 1
    return None


_BRACKET = re.compile(rb"[\[\]{}]")


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


def _scan_events(text: str) -> None:
    """Reject anchors, aliases, explicit tags and deep nesting, from the event stream."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line, column = _mark(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise LoadError(f"aliases ('*{event.anchor}') are not allowed: write the value out", line, column, "yaml-alias")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise LoadError(f"anchors ('&{anchor}') are not allowed: write each value out", line, column, "yaml-anchor")
        tag = getattr(event, "tag", None)
        if tag is not None and not isinstance(event, (yaml.DocumentStartEvent, yaml.StreamStartEvent)):
            raise LoadError(f"tags ('{tag}') are not allowed", line, column, "yaml-tag")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise LoadError(f"nested deeper than {MAX_DEPTH} levels", line, column, "yaml-depth")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise LoadError(f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
                        line, column, "encoding") from None
    return text[1:] if text.startswith("\ufeff") else text


def parse(raw: bytes, path: str = "<string>") -> Document:
    """Turn the bytes of one YAML file into a Document, or raise LoadError."""
    import hashlib

    if len(raw) > MAX_BYTES:
        raise LoadError(f"file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}", 1, 1, "file-size")
    text = _decode(raw)
    too_deep = _too_deep_offset(raw)
    if too_deep is not None or any(c in raw for c in b"&*!"):
        try:
            _scan_events(text)
        except yaml.MarkedYAMLError as exc:
            # libyaml has nesting limits of its own (PyYAML 6.0.4: 1,000 brackets) and then stops
            # with a scanner error; past our own limit, the user gets our message, whatever the version.
            mark = exc.problem_mark or exc.context_mark
            if too_deep is not None and (mark is None or mark.index >= len(raw[:too_deep].decode("utf-8", "replace"))):
                raise LoadError(f"nested deeper than {MAX_DEPTH} levels", *_position(raw, too_deep), "yaml-depth") from None
            # any other syntax error is reported with its position by compose below
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        message, line, column = yamlerrors.explain(exc, text)
        raise LoadError(message, line, column, "yaml-syntax") from None
    except yaml.reader.ReaderError as exc:  # characters YAML does not allow
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
        raise LoadError(f"character U+{exc.character:04X} is not allowed in YAML: {exc.reason}",
                        line, column, "yaml-character") from None
    if node is None or (node.id == "scalar" and not node.style and _NULL.match(node.value)):
        raise LoadError("the file is empty: a plan is a YAML mapping (key: value lines)", 1, 1, "empty")
    if node.id != "mapping":
        line, column = _mark(node.start_mark)
        raise LoadError("the top level must be a mapping (key: value lines)", line, column, "top-level")
    positions: dict = {}
    data = _build(node, (), positions, _mark(node.start_mark), 0)
    return Document(path, data, SourceMap(positions), hashlib.blake2b(raw, digest_size=16).hexdigest())


def read(path: Path, inside: Path | None = None) -> bytes:
    """The file's bytes, or LoadError: see generator/files.py (capped at MAX_BYTES, regular files,
    links only to files inside `inside`)."""
    try:
        return read_capped(path, MAX_BYTES, inside)
    except ReadError as exc:
        raise LoadError(exc.message, 1, 1, exc.code) from None


def load(path: Path, display: str | None = None, inside: Path | None = None) -> Document:
    """Read and parse one file; raise LoadError with the reason when it cannot be read."""
    return parse(read(path, inside), display or str(path))


def load_error_diagnostic(path: str, error: LoadError) -> Diagnostic:
    return Diagnostic(path, error.line, error.column, Severity.ERROR, error.code, error.message)
