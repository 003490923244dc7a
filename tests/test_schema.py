"""The schemas are valid, documented and closed: editors complete and explain every field."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.validate import KINDS, schema_path


def walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, path + (i,))


@pytest.fixture(params=KINDS)
def schema(request):
    return json.loads(schema_path(request.param).read_text(encoding="utf-8"))


def test_schema_passes_the_metaschema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_property_has_a_description(schema):
    undocumented = [
        "/".join(map(str, path + (name,)))
        for path, node in walk(schema) if isinstance(node.get("properties"), dict)
        for name, prop in node["properties"].items()
        if "description" not in prop and not ("$ref" in prop and name == "period")
    ]
    assert undocumented == []


def test_every_object_with_properties_is_closed(schema):
    open_objects = ["/".join(map(str, path)) for path, node in walk(schema)
                    if "properties" in node and node.get("additionalProperties") is not False]
    assert open_objects == []
