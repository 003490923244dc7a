"""The well-formed part of a document with schema errors, so its cross-references can be checked too.

A plan with a bad attitude on one stakeholder still has that stakeholder, and every other part of
it can still name a wrong `reports_to`: one run should say both. `salvage` turns the document into
data the model can be built from, changing only what the schema errors are about:

- an unknown key is left out, or read as the key it misspells when its value fits that key;
- a bad value of an optional key is left out;
- a bad value of a required key stays when it is text the model can hold (a stakeholder's id that
  breaks the id rule is still that stakeholder's id), else it is replaced by a placeholder, as is a
  missing required key; list entries are never removed, so every position stays true.

The positions of every value at fault are `blocked`: a cross-reference finding there is a follow-on
of the schema error already reported (a placeholder owner is "not in the people directory").
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import jsonschema

from .explain import guess
from .diagnostics import Diagnostic
from .load import Document
from .validate import near_keys

# errors after which the value is still of the type the model expects
_KEEPABLE = {"enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
             "exclusiveMaximum", "uniqueItems", "minItems", "maxItems"}
PLACEHOLDER_DATE = "1900-01-01"


@dataclass(frozen=True)
class Salvaged:
    document: Document  # the same positions, data the model can be built from
    blocked: frozenset  # (line, column) of every value a schema error is about


def _subschema(schema: dict, path) -> dict:
    for part in path:
        if isinstance(part, int):
            schema = schema.get("items", {}) if isinstance(schema.get("items"), dict) else {}
        else:
            schema = schema.get("properties", {}).get(part, {})
    return schema


def _fits(value, schema: dict) -> bool:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
                                           ).is_valid(value)


def placeholder(schema: dict, path):
    """The smallest value of `schema`'s type, marked so that it matches nothing a user wrote."""
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        return {key: placeholder(schema.get("properties", {}).get(key, {}), path + (key,))
                for key in schema.get("required", ())}
    if kind == "array":
        return []
    if kind == "string":
        return PLACEHOLDER_DATE if schema.get("format") == "date" else "\x00" + "/".join(map(str, path))
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return None


def is_placeholder(value) -> bool:
    return isinstance(value, str) and value.startswith("\x00")


def _node(data, path):
    node = data
    for part in path:
        if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) \
                and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _container(data, path):
    return _node(data, path[:-1])


def _gone(path, changed: set) -> bool:
    return any(path[:n] in changed for n in range(len(path) + 1))


def salvage(document: Document, schema: dict, errors: list[jsonschema.ValidationError]) -> Salvaged:
    data = copy.deepcopy(document.data)
    changed: set = set()  # paths left out or replaced: errors below them no longer apply
    blocked = set()
    for error in sorted(errors, key=lambda e: len(e.absolute_path)):
        path = tuple(error.absolute_path)
        if _gone(path, changed):
            continue
        node = _node(data, path)
        if error.validator == "additionalProperties" and isinstance(node, dict):
            known = error.schema.get("properties", {})
            meant = {key: near for near, key in near_keys(error).items()}
            for key in [k for k in node if k not in known]:
                value = node.pop(key)
                changed.add(path + (key,))
                target = meant.get(key)
                if target and _fits(value, known.get(target, {})):
                    node[target] = value  # `attitud: neutral` is the stakeholder's attitude
        elif "propertyNames" in error.absolute_schema_path and isinstance(node, dict):
            node.pop(error.instance, None)
            changed.add(path + (error.instance,))
        elif error.validator == "required" and isinstance(node, dict):
            for key in [k for k in error.validator_value if k not in node]:
                node[key] = placeholder(_subschema(schema, path + (key,)), path + (key,))
                changed.add(path + (key,))
                blocked.add(document.source.at(path + (key,)))
        elif path:
            blocked.add(document.source.at(path))
            _repair(data, schema, path, error, changed)
    return Salvaged(Document(document.path, data, document.source, document.digest), frozenset(blocked))


def _repair(data, schema: dict, path, error: jsonschema.ValidationError, changed: set) -> None:
    parent = _container(data, path)
    if parent is None:
        return
    key = path[-1]
    field_schema = _subschema(schema, path)
    if error.validator in _KEEPABLE and field_schema.get("format") != "date":
        if key == "id" and (near := guess(error.instance, field_schema, new_id=True)):
            parent[key] = near  # `Mari Kask` is mari-kask, whom others name
            changed.add(path)
        return  # still of its type: the model can hold it, and references to it still resolve
    required = isinstance(parent, dict) and key in _subschema(schema, path[:-1]).get("required", ())
    if isinstance(parent, dict) and not required:
        del parent[key]
    else:
        parent[key] = placeholder(field_schema, path)
    changed.add(path)


def without_follow_ons(schema_found: list[Diagnostic], cross: list[Diagnostic], blocked) -> list[Diagnostic]:
    """The schema's and the cross-reference check's findings, one per mistake: a cross-reference
    finding at a value with a schema error is a follow-on and left out, unless it knows what the
    value should be ("did you mean 'kari'?"): then it replaces the schema's."""
    values = {(d.line, d.column) for d in schema_found if d.code == "schema"}
    replaced: dict = {}
    kept = []
    for d in cross:
        position = (d.line, d.column)
        if "\x00" in d.message:
            continue  # about a placeholder: the schema error where it stands says what is wrong
        if position not in blocked:
            kept.append(d)
        elif "(did you mean" in d.message and position in values:
            replaced.setdefault(position, d)
    out = [replaced.get((d.line, d.column), d) if d.code == "schema" else d for d in schema_found]
    return list(dict.fromkeys(out)) + kept
