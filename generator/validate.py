"""Schema validation: each JSON Schema error becomes one positioned diagnostic.

The schemas in schema/ are written with `$ref`s for editors; here they are
inlined once. Most documents are valid, so a compiled validator
(fastjsonschema, ~10x faster) answers "valid?" first, and jsonschema (draft
2020-12, every error) runs only on the documents that fail. The schemas use
only keywords that mean the same in draft-07, which fastjsonschema compiles,
and both validators check formats with jsonschema's own format checker, so
the two cannot disagree on a verdict (tests/test_schema.py checks that).
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterator

import jsonschema

from .diagnostics import Diagnostic, Severity
from .load import Document

SCHEMA_DIR = Path(__file__).parent / "schema"  # a link to the top-level schema/
KINDS = ("plan", "portfolio", "people")


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


def _inline_refs(node, defs: dict):
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            target = _inline_refs(defs[node["$ref"][len("#/$defs/"):]], defs)
            # the referring node's own keywords (a description) win over the target's
            return {**target, **{k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


# `pattern` as editors read it (ECMA-262: `$` is the end of the text), not as Python's re.search
# does (`$` also matches before a final line break, so 'evil\n' would pass '^[a-z]+$'). The same
# rewriting as fastjsonschema's, so the quick and the full validator agree.
_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def _whole_text(pattern: str) -> re.Pattern:
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _whole_text(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    flat = _inline_refs(schema, schema.get("$defs", {}))
    return _Validator(flat, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


FORMATS = ("date", "email", "uri")


@cache
def quick_validator(kind: str):
    import fastjsonschema

    flat = dict(validator(kind).schema)
    flat["$schema"] = "http://json-schema.org/draft-07/schema#"
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    formats = {name: (lambda value, name=name: checker.conforms(value, name)) for name in FORMATS}
    return fastjsonschema.compile(flat, formats=formats)


def is_valid(data, kind: str) -> bool:
    import fastjsonschema

    try:
        quick_validator(kind)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


# "Did you mean" compares a word with every choice: 6,000 wrong ids among 3,000 stakeholders were
# 18 million comparisons (186 s). Its cost is bounded twice: within suggestion_budget() (one file)
# only the first SUGGESTIONS_PER_FILE words get a suggestion, and among many choices only the
# NEAR_CANDIDATES that share the most letter pairs with the word are compared.
SUGGESTIONS_PER_FILE = 100
NEAR_CANDIDATES = 50
_budget: ContextVar[list | None] = ContextVar("kam_suggestions", default=None)


@contextmanager
def suggestion_budget(limit: int = SUGGESTIONS_PER_FILE):
    """At most `limit` "did you mean" suggestions for the calls in this block."""
    token = _budget.set([limit])
    try:
        yield
    finally:
        _budget.reset(token)


def _pairs(word: str) -> set[str]:
    return {word[i:i + 2] for i in range(len(word) - 1)} or {word}


@lru_cache(maxsize=8)
def _pair_index(choices: frozenset) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for choice in choices:
        for pair in _pairs(choice):
            index.setdefault(pair, []).append(choice)
    return index


def _near(word: str, choices: list[str]) -> list[str]:
    if len(choices) <= NEAR_CANDIDATES:
        return choices
    index = _pair_index(frozenset(choices))
    shared = Counter(choice for pair in _pairs(word) for choice in index.get(pair, ()))
    return sorted(shared, key=lambda choice: (-shared[choice], choice))[:NEAR_CANDIDATES]


def did_you_mean(word: str, choices) -> str:
    budget = _budget.get()
    if budget is not None:
        if budget[0] <= 0:
            return ""
        budget[0] -= 1
    word = str(word)
    close = difflib.get_close_matches(word, _near(word, [str(c) for c in choices]), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


ROOT_NAMES = {"plan": "the plan", "portfolio": "the portfolio settings", "people": "the people directory"}


def _name(path, kind: str = "plan") -> str:
    """The field an error is about, as the user wrote it: `stakeholders[3].attitude`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or ROOT_NAMES[kind]


def _describe(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def _message(error: jsonschema.ValidationError, kind: str) -> str:
    where, kw, schema, value = _name(error.absolute_path, kind), error.validator, error.schema, error.instance
    if kw == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{where} must be one of: {options}; got {_describe(value)}{did_you_mean(value, error.validator_value)}"
    if kw == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
                 "array": "a list", "object": "a mapping", "null": "empty"}
        hint = ""
        if "string" in wanted and isinstance(value, (int, float, bool)):
            hint = " (put it in quotes)"
        elif value is None:
            hint = " (the value is missing after the colon)"
        return f"{where} must be {' or '.join(names.get(w, w) for w in wanted)}, not {_type_name(value)}{hint}"
    if kw == "format" and error.validator_value == "date":
        return f"{where}: {_describe(value)} is not a real date (YYYY-MM-DD)"
    if kw == "format":
        return f"{where}: {_describe(value)} is not a valid {error.validator_value}"
    if kw == "pattern":
        rule = {"^[A-Z]{2}$": "a two-letter country code in capitals (EE, FI, NO)",
                "^[A-Z]{3}$": "a three-letter currency code in capitals (EUR)",
                "^[a-z]{2,3}$": "a two-letter language code (et, fi, no, ru, en)",
                "^(19[0-9]{2}|2[0-9]{3})-[0-9]{2}-[0-9]{2}$": "a date, YYYY-MM-DD, in the years 1900 to 2999",
                "^(19[0-9]{2}|2[01][0-9]{2})(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$":
                    "a period from 1900 to 2199: a year (2026), a half (2026-H1), a quarter (2026-Q1) or a month (2026-01)"}.get(error.validator_value)
        if rule is None and "a-z0-9" in error.validator_value:
            rule = "an id: lower-case letters, digits and dashes (like 'mari-kask')"
        if rule is None and "date" in schema.get("description", "").lower():
            rule = "a date, YYYY-MM-DD"
        return f"{where} must be {rule or 'of the form ' + error.validator_value}; got {_describe(value)}"
    if kw == "minLength" and error.validator_value == 1:
        return f"{where} must not be empty"
    if kw in ("minLength", "maxLength"):
        return f"{where} is {len(value)} characters; it must be {'at least' if kw == 'minLength' else 'at most'} {error.validator_value}"
    if kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than",
                "exclusiveMaximum": "less than"}[kw]
        return f"{where} must be {word} {error.validator_value}; got {_describe(value)}"
    if kw == "uniqueItems":
        return f"{where} lists the same item twice"
    if kw == "minItems":
        return f"{where} must have at least {error.validator_value} item(s)"
    if kw == "maxItems":
        return f"{where} has {len(value)} items; at most {error.validator_value} are allowed"
    return f"{where}: {error.message}"


def _unknown_keys(document: Document, error: jsonschema.ValidationError, kind: str) -> Iterator[Diagnostic]:
    known = error.schema.get("properties", {})
    for key in error.instance:
        if key not in known:
            path = tuple(error.absolute_path) + (key,)
            where = _name(tuple(error.absolute_path), kind)
            yield document.error(path, f"unknown key '{key}' in {where}{did_you_mean(key, known)}",
                                 "unknown-key", key=True)


def schema_errors(document: Document, kind: str) -> list[Diagnostic]:
    """Every schema error in the document, at the line of the value at fault."""
    if is_valid(document.data, kind):
        return []
    out: list[Diagnostic] = []
    for error in validator(kind).iter_errors(document.data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            out.extend(_unknown_keys(document, error, kind))
        elif error.validator == "required":
            missing = [k for k in error.validator_value if k not in error.instance]
            for key in missing:
                owner = _name(path, kind)
                out.append(document.error(path, f"missing required key '{key}' in {owner}", "missing-key"))
        elif error.validator == "propertyNames":
            out.append(document.error(path + (error.instance,), f"{_name(path, kind)}: key '{error.instance}' is not allowed "
                                      f"(use lower-case letters, digits and _ or -)", "schema", key=True))
        else:
            out.append(document.error(path, _message(error, kind), "schema"))
    return out
