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
from functools import cache
from pathlib import Path
from typing import Iterator

import jsonschema

from .diagnostics import Diagnostic, Severity, sort_key
from .explain import as_number, field_name, guess, rule, unreal_date
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


@cache
def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    flat = _inline_refs(schema, schema.get("$defs", {}))
    return jsonschema.Draft202012Validator(flat, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


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


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _name(document: Document, path, kind: str = "plan") -> str:
    """The field an error is about, as a person reads it: `attitude of stakeholder 'marika-laur'`."""
    return field_name(document.data, path, kind)


def _describe(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def _pattern_message(where: str, error: jsonschema.ValidationError) -> str:
    value, schema = error.instance, error.schema
    near = guess(value, schema, new_id=bool(error.absolute_path) and error.absolute_path[-1] == "id")
    hint = f" (did you mean {near}?)" if near else ""
    if error.validator == "format" and error.validator_value == "date" and (why := unreal_date(value)):
        return f"{where}: {_describe(value)} is not a real date: {why}"
    plain = rule(schema) or f"write it as {schema.get('description', 'the schema says').rstrip('.')}"
    return f"{where} is {_describe(value)}: {plain}{hint}"


def _message(error: jsonschema.ValidationError, document: Document, kind: str) -> str:
    where, kw, value = _name(document, error.absolute_path, kind), error.validator, error.instance
    if kw == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{where} must be one of: {options}; got {_describe(value)}{did_you_mean(value, error.validator_value)}"
    if kw == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
                 "array": "a list", "object": "a group of 'key: value' lines", "null": "empty"}
        hint = ""
        if wanted == ["object"] and isinstance(value, str):
            hint = " (write its keys on lines of their own below the '- ', e.g. id: kari, then name: Kari Nordmann)" \
                if error.absolute_path and isinstance(error.absolute_path[-1], int) else ""
        if "string" in wanted and isinstance(value, (int, float, bool)):
            hint = " (put it in quotes)"
        elif value is None:
            hint = " (the value is missing after the colon)"
        elif ("number" in wanted or "integer" in wanted) and (number := as_number(value)):
            hint = f" (did you mean {number}?)"
        return f"{where} must be {' or '.join(names.get(w, w) for w in wanted)}, not {_type_name(value)}{hint}"
    if kw in ("pattern", "format"):
        return _pattern_message(where, error)
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
    return f"{where}: {error.message}"


def near_keys(error: jsonschema.ValidationError) -> dict[str, str]:
    """Unknown keys of one mapping (an additionalProperties error), by the known key each is a
    misspelling of: a near name, or the one required key missing when one key is unknown."""
    known = error.schema.get("properties", {})
    unknown = [key for key in error.instance if key not in known]
    near = {}
    for key in unknown:
        close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
        if close and close[0] not in error.instance:
            near.setdefault(close[0], key)
    missing = [key for key in error.schema.get("required", ()) if key not in error.instance]
    if len(unknown) == 1 and len(missing) == 1 and not near:
        near[missing[0]] = unknown[0]  # `ident: pkask` where `id` is missing
    return near


def _unknown_keys(document: Document, error: jsonschema.ValidationError, kind: str) -> Iterator[Diagnostic]:
    known = error.schema.get("properties", {})
    required = set(error.schema.get("required", ()))
    misspelt = {key: near for near, key in near_keys(error).items()}
    for key in error.instance:
        if key not in known:
            path = tuple(error.absolute_path) + (key,)
            where = _name(document, tuple(error.absolute_path), kind)
            near = misspelt.get(key)
            hint = f" (did you mean '{near}'{', a required key' if near in required else ''}?)" if near else \
                did_you_mean(key, known)
            yield document.error(path, f"unknown key '{key}' in {where}{hint}", "unknown-key", key=True)


# per value, the one error to report: a wrong type says it all, then a wrong choice, then the rule
_PRIORITY = {"type": 0, "enum": 1, "pattern": 2, "format": 3}
_PER_MAPPING = ("additionalProperties", "required", "propertyNames")


def raw_errors(document: Document, kind: str) -> list[jsonschema.ValidationError]:
    """The validator's errors, one per value (the mapping-level ones all kept)."""
    if is_valid(document.data, kind):
        return []
    return one_per_value(validator(kind).iter_errors(document.data))


def one_per_value(errors) -> list[jsonschema.ValidationError]:
    """Of the errors about one value, the one that says most: its type, its choices, then its rule."""
    best: dict[tuple, jsonschema.ValidationError] = {}
    out: list[jsonschema.ValidationError] = []
    for error in errors:
        if error.validator in _PER_MAPPING or "propertyNames" in error.absolute_schema_path:
            out.append(error)
            continue
        path = tuple(error.absolute_path)
        rank = _PRIORITY.get(error.validator, 9)
        if path not in best or rank < _PRIORITY.get(best[path].validator, 9):
            best[path] = error
    return out + list(best.values())


def explain(document: Document, kind: str, errors: list[jsonschema.ValidationError]) -> list[Diagnostic]:
    """Each schema error as one positioned diagnostic in plain words, in the order of the file."""
    out: list[Diagnostic] = []
    misspelt: dict[tuple, set] = {}
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            misspelt[tuple(error.absolute_path)] = set(near_keys(error))
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            out.extend(_unknown_keys(document, error, kind))
        elif error.validator == "required":
            missing = [k for k in error.validator_value if k not in error.instance]
            for key in missing:
                if key in misspelt.get(path, ()):
                    continue  # the unknown key next to it is this one, misspelt: one mistake, one error
                owner = _name(document, path, kind)
                out.append(document.error(path, f"missing required key '{key}' in {owner}", "missing-key"))
        elif "propertyNames" in error.absolute_schema_path:
            near = guess(error.instance, error.schema)
            out.append(document.error(path + (error.instance,), f"{_name(document, path, kind)}: key "
                                      f"'{error.instance}' is not allowed: {rule(error.schema) or 'see the schema'}"
                                      + (f" (did you mean {near}?)" if near else ""), "schema", key=True))
        else:
            out.append(document.error(path, _message(error, document, kind), "schema"))
    return sorted(out, key=sort_key)


def schema_errors(document: Document, kind: str) -> list[Diagnostic]:
    """Every schema error in the document, at the line of the value at fault."""
    return explain(document, kind, raw_errors(document, kind))
