"""The repository's schema/ (what editors read) and the schemas kam validates with cannot silently disagree."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator import schemacopy
from generator.cli import main


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


def with_schema_copy(repo):
    assert kam("schema", "--write").exit_code == 0
    return repo / "schema" / "plan.schema.json"


def test_kam_schema_write_copies_the_schemas_kam_validates_with(repo):
    result = kam("schema", "--write")
    assert result.exit_code == 0
    assert sorted(p.name for p in (repo / "schema").iterdir()) == [
        "people.schema.json", "plan.schema.json", "portfolio.schema.json"]
    for relative, shipped in schemacopy.shipped_schemas().items():
        assert (repo / relative).read_bytes() == shipped
    assert kam("schema", "--write").stderr == "schema/ is up to date with kam " + __import__("generator").__version__ + "\n"


def test_an_up_to_date_copy_validates_clean(repo):
    with_schema_copy(repo)
    result = kam("validate")
    assert (result.stdout, result.exit_code) == ("", 0)


def test_a_copy_edited_in_the_repository_is_an_error_naming_the_command(repo):
    plan_schema = with_schema_copy(repo)
    text = plan_schema.read_text(encoding="utf-8")
    assert '"sceptic", "blocker"]' in text
    # the editor would now accept `attitude: friendly`, kam would not
    plan_schema.write_text(text.replace('"sceptic", "blocker"]', '"sceptic", "blocker", "friendly"]'), encoding="utf-8")
    result = kam("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("schema/plan.schema.json:1:1: error: differs from the schema kam ")
    assert "run `kam schema --write`" in result.stdout and "[schema-copy]" in result.stdout
    assert kam("check", "--today", "2026-11-23").exit_code == 1  # check validates first, the same way
    assert kam("schema", "--write").stderr == "wrote schema/plan.schema.json\n"
    assert kam("validate").exit_code == 0


def test_a_newer_kam_with_other_rules_reports_the_old_copy(repo, monkeypatch, tmp_path):
    with_schema_copy(repo)
    newer = dict(schemacopy.shipped_schemas())
    people = json.loads(newer["schema/people.schema.json"])
    people["description"] = "a rule that kam 9.9 added"
    newer["schema/people.schema.json"] = json.dumps(people).encode()
    monkeypatch.setattr(schemacopy, "shipped_schemas", lambda: newer)
    result = kam("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("schema/people.schema.json:1:1: error: differs from the schema kam")
    kam("schema", "--write")
    assert (repo / "schema/people.schema.json").read_bytes() == newer["schema/people.schema.json"]
    assert kam("validate").exit_code == 0


def test_a_missing_file_in_schema_is_an_error(repo):
    with_schema_copy(repo).unlink()
    result = kam("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("schema/plan.schema.json:0:0: error: missing: ")


def test_a_repository_without_schema_folder_is_not_told_off(repo):
    assert not (repo / "schema").exists()
    assert (kam("validate").stdout, kam("validate").exit_code) == ("", 0)
