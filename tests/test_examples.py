"""The example portfolio in accounts/ is valid and shows every field of the schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load
from generator.validate import schema_path, validator
from generator.workspace import load_portfolio

ROOT = Path(__file__).parent.parent
ACCOUNTS = ROOT / "accounts"


def schema_fields(node, prefix=()):
    """Every property path in a (ref-inlined) schema; list items as '[]'."""
    if not isinstance(node, dict):
        return
    for name, sub in node.get("properties", {}).items():
        yield prefix + (name,)
        yield from schema_fields(sub, prefix + (name,))
    if isinstance(node.get("items"), dict):
        yield from schema_fields(node["items"], prefix + ("[]",))


def used_fields(value, prefix=()):
    if isinstance(value, dict):
        for key, sub in value.items():
            yield prefix + (key,)
            yield from used_fields(sub, prefix + (key,))
    elif isinstance(value, list):
        for item in value:
            yield from used_fields(item, prefix + ("[]",))


def test_the_examples_validate_cleanly():
    result = load_portfolio(ROOT, models=False)
    assert [str(d) for d in result.diagnostics] == []


@pytest.mark.parametrize("kind, pattern", [("plan", "[a-z]*.yaml"), ("portfolio", "_portfolio.yaml"),
                                           ("people", "_people.yaml")])
def test_the_examples_use_every_field_of_the_schema(kind, pattern):
    used = {path for file in ACCOUNTS.glob(pattern) for path in used_fields(load(file).data)}
    # each check's own settings are listed per check code: configuring `checks:` at all is enough
    expected = {path for path in schema_fields(validator(kind).schema) if path[:1] != ("checks",) or len(path) == 1}
    assert sorted(expected - used, key=str) == []


def test_the_examples_come_in_several_languages_and_every_tier():
    plans = [load(f).data for f in ACCOUNTS.glob("[a-z]*.yaml")]
    tiers = {t["id"] for t in load(ACCOUNTS / "_portfolio.yaml").data["tiers"]}
    assert len(plans) >= 6
    assert {p["tier"] for p in plans} == tiers
    assert len({p["language"] for p in plans}) >= 3


def test_one_example_is_large():
    def depth(stakeholders, sid):
        by_id = {s["id"]: s for s in stakeholders}
        level = 0
        while by_id[sid].get("reports_to"):
            sid, level = by_id[sid]["reports_to"], level + 1
        return level

    large = [p for p in (load(f).data for f in ACCOUNTS.glob("[a-z]*.yaml"))
             if len(p.get("stakeholders", [])) >= 15 and len(p.get("team", [])) >= 6
             and max(depth(p["stakeholders"], s["id"]) for s in p["stakeholders"]) >= 2
             and len(p.get("reviews", [])) >= 4 and p.get("tenders") and p.get("proposals")
             and any(c.get("reschedules") for c in p.get("commitments", []))]
    assert large, "no example with 15+ stakeholders over 3+ levels, 6+ team members, a year of reviews ..."


def test_every_plan_starts_with_the_schema_line_for_editors():
    for file in sorted(ACCOUNTS.glob("*.yaml")):
        kind = "portfolio" if file.name == "_portfolio.yaml" else "people" if file.name == "_people.yaml" else "plan"
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{schema_path(kind).name}", file.name
