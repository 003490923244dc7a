"""The `checks` part of schema/portfolio.schema.json, from the registry.

Editors complete check codes and their parameters from it, and `kam
validate` rejects unknown ones at their line. The registry is the source of
truth; tests/test_checks_config.py fails when the schema file drifts from it.
Print the fragment with `python -m generator.checks.schema`.
"""

from __future__ import annotations

import json

from .registry import REGISTRY, Check, Param

SEVERITY = {"enum": ["error", "warning", "info"],
            "description": "How serious its findings are: errors fail CI, warnings only with --strict, info never."}
ENABLED = {"type": "boolean", "description": "False turns the check off."}
TIER_ID = {"pattern": "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",
           "patternErrorMessage": "Write a tier id: lower-case letters, digits and dashes, e.g. strategic."}
JSON_TYPES = {int: "integer", float: "number", str: "string", bool: "boolean"}


def _param(param: Param) -> dict:
    out: dict = {"type": JSON_TYPES[param.kind]}
    if param.choices:
        out = {"enum": list(param.choices)}
    if param.minimum is not None:
        out["minimum"] = param.minimum
    if param.maximum is not None:
        out["maximum"] = param.maximum
    if not param.care_model:
        out["default"] = param.default
    out["description"] = f"{param.description} Default: {param.describe_default()}."
    return out


def _params(check: Check) -> dict:
    return {"type": "object", "additionalProperties": False, "description": f"{check.code}'s thresholds.",
            "properties": {p.name: _param(p) for p in check.params}}


def _ref(name: str, description: str) -> dict:
    return {"$ref": f"#/$defs/{name}", "description": description}


def _tiers(params: str | None) -> dict:
    tier: dict = {"enabled": _ref("checkEnabled", "False turns the check off for the tier."),
                  "severity": _ref("checkSeverity", "Severity for the tier.")}
    if params:
        tier["params"] = _ref(params, "Thresholds for the tier.")
    return {"type": "object", "propertyNames": TIER_ID,
            "description": "Settings for one tier (by tier id) that override the ones above.",
            "additionalProperties": {"type": "object", "additionalProperties": False, "properties": tier}}


def _check(check: Check) -> dict:
    properties: dict = {"enabled": _ref("checkEnabled", f"False turns {check.code} off."),
                        "severity": _ref("checkSeverity", f"Severity of {check.code}'s findings "
                                                          f"(default {check.default_severity.value}).")}
    if check.params:
        properties["params"] = _ref(f"{check.code}params", f"{check.code}'s thresholds: "
                                    f"{', '.join(p.name for p in check.params)}.")
    if check.scope != "portfolio":
        properties["tiers"] = _ref(f"{check.code}tiers" if check.params else "checkTiers",
                                   f"{check.code}'s settings for single tiers, by tier id.")
    title = check.title[0].upper() + check.title[1:]
    return {"type": "object", "additionalProperties": False,
            "description": f"{title}. {check.description} Default severity: {check.default_severity.value}.",
            "properties": properties}


def checks_schema() -> dict:
    """The value of the settings schema's `checks` property."""
    return {"type": "object", "additionalProperties": False,
            "description": "Settings of the policy checks of kam check, by check code (see the README's table of "
                           "checks). A threshold left out comes from the tier's care model or the check's default.",
            "properties": {code: _check(REGISTRY[code]) for code in sorted(REGISTRY)}}


def checks_defs() -> dict:
    """The settings schema's `$defs` that the checks refer to."""
    defs = {"checkEnabled": ENABLED, "checkSeverity": SEVERITY, "checkTiers": _tiers(None)}
    for code in sorted(REGISTRY):
        check = REGISTRY[code]
        if check.params:
            defs[f"{code}params"] = _params(check)
            if check.scope != "portfolio":
                defs[f"{code}tiers"] = _tiers(f"{code}params")
    return defs


if __name__ == "__main__":  # pragma: no cover
    from . import run_checks  # noqa: F401 - registers every check

    print(json.dumps({"checks": checks_schema(), "$defs": checks_defs()}, ensure_ascii=False, indent=2))
