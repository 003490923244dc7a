"""Every problem in one run, one error per mistake, in words a key account manager reads,
in the CLI and in the editor (the YAML language server shows the schema's own messages)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import yamlls
from conftest import write
from generator.cli import main
from generator.load import parse
from generator.validate import KINDS, explain, one_per_value, schema_path, validator

EXAMPLES = Path(__file__).parent / "examples" / "negative"
# what a regular expression or a count from zero looks like in a message
REGEX = re.compile(r"\^\[|\]\$|\[[A-Za-z0-9]-[A-Za-z0-9]|\\[sdwS]|\{\d+(,\d*)?\}|\(\?:|\[\d+\]")


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


def edited(repo: Path, side_file: str, old: str, new: str, *, plans: int = 3, owner: str = "jtamm") -> list[str]:
    """`kam validate`'s lines after one edit of a side file, with `plans` plans that name `owner`."""
    path = repo / "accounts" / side_file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    for n in range(plans):
        write(repo, f"accounts/plan-{n}.yaml", f"id: plan-{n}\nname: Plan {n}\nowner: {owner}\ntier: key\n")
    return kam("validate").stdout.splitlines()


def walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_the_detector_finds_what_kam_used_to_print():
    old = ["stakeholders[1].attitude must be one of: champion",
           "last_contact must be of the form ^[0-9]{4}-[0-9]{2}-[0-9]{2}$; got \"2.11.2026\""]
    assert all(REGEX.search(message) for message in old)


def test_no_message_of_the_mistakes_corpus_holds_a_regex_or_a_zero_based_index():
    messages = [line for case in sorted(EXAMPLES.glob("*.expected"))
                for line in case.read_text(encoding="utf-8").splitlines()]
    assert len(messages) > 50
    assert [m for m in messages if REGEX.search(m.split(": error: ", 1)[1])] == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_pattern_in_the_schemas_has_a_plain_rule_with_an_example(kind):
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    rules = [(node.get("pattern") or node.get("format"), node.get("patternErrorMessage", ""))
             for node in walk(schema) if "pattern" in node or "format" in node]
    assert rules
    assert [rule for rule in rules if "e.g." not in rule[1] or REGEX.search(rule[1])] == []


@pytest.mark.parametrize("value, field, expected", [
    ("2.11.2026", "last_contact", "(did you mean 2026-11-02?)"),
    ("31/12/2026", "last_contact", "(did you mean 2026-12-31?)"),
    ("2026.11.02", "last_contact", "(did you mean 2026-11-02?)"),
    ("20261102", "last_contact", "(did you mean 2026-11-02?)"),
    ("2.11.26", "last_contact", "(did you mean 2026-11-02?)"),
])
def test_a_date_written_another_way_is_answered_with_what_it_would_be(repo, value, field, expected):
    write(repo, "accounts/when.yaml", f"id: when\nname: When\nowner: jtamm\ntier: key\nstakeholders:\n"
                                      f"  - {{id: kari, name: Kari, influence: high, attitude: neutral, "
                                      f"{field}: '{value}'}}\n")
    lines = kam("validate").stdout.splitlines()
    assert len(lines) == 1 and lines[0].endswith(f"write the date as YYYY-MM-DD, e.g. 2026-11-02 {expected} [schema]")


def test_a_date_with_day_and_month_swapped_says_so(repo):
    write(repo, "accounts/when.yaml", "id: when\nname: When\nowner: jtamm\ntier: key\nstakeholders:\n"
                                      "  - {id: kari, name: Kari, influence: high, attitude: neutral, "
                                      "last_contact: 2026-31-10}\n")
    assert kam("validate").stdout.endswith(': "2026-31-10" is not a real date: there is no month 31 (YYYY-MM-DD: '
                                           'the month comes before the day) (did you mean 2026-10-31?) [schema]\n')


def test_a_bad_email_in_the_people_directory_is_one_error_not_one_per_plan(repo):
    assert edited(repo, "_people.yaml", "juri.tamm@example.com", "juri.tamm example.com") == [
        "accounts/_people.yaml:3:83: error: email of person 'jtamm' (Jüri Tamm) is \"juri.tamm example.com\": "
        "write the e-mail address as name@domain with no spaces, e.g. mari.kask@example.ee [schema]"]


def test_a_person_many_plans_name_but_the_directory_lacks_is_one_error(repo):
    write(repo, "accounts/other.yaml", "id: other\nname: Other\nowner: nobody\ntier: key\n")
    assert edited(repo, "_people.yaml", "{id: oodegard,", "{id: oodegaard,", plans=4, owner="oodegard") == [
        "accounts/other.yaml:3:8: error: owner 'nobody' is not in the people directory [unknown-person]",
        "accounts/plan-0.yaml:3:8: error: owner 'oodegard' is not in the people directory (did you mean "
        "'oodegaard'?) ... and 3 more plans that name this person [unknown-person]"]


def test_plans_are_still_cross_checked_when_the_portfolio_settings_have_an_error(repo):
    settings = repo / "accounts/_portfolio.yaml"
    settings.write_text(settings.read_text().replace("review_interval_days: 183", "review_interval_days: half a year"))
    write(repo, "accounts/tiered.yaml", "id: tiered\nname: Tiered\nowner: jtamm\ntier: strategc\n")
    lines = kam("validate").stdout.splitlines()
    assert [line.split(": error: ")[0] for line in lines] == ["accounts/_portfolio.yaml:18:29", "accounts/tiered.yaml:4:7"]
    assert "did you mean 'strategic'?" in lines[1]
    assert kam("check", "--today", "2026-11-23").exit_code == 1  # and kam check says so too, no traceback


def test_a_broken_entry_is_still_there_for_the_rest_of_the_plan(repo):
    write(repo, "accounts/rest.yaml", """\
id: rest
name: Rest
owner: jtamm
tier: key
stakeholders:
  - {id: kari, name: Kari, influence: huge, attitude: neutral, last_contact: 1.1.2026}
  - {name: Ola, influence: low, attitude: neutral, reports_to: kari}
  - {id: liv, name: Liv, influence: low, attitude: neutral, reports_to: kari, influences: [olaf]}
team:
  - {person: jtamm, role: account_manager, covers: [{stakeholder: kari, strength: strong}]}
actions:
  - {id: call, title: Call, owner: jtamm, due: soon, stakeholders: [kari, karin]}
""")
    codes = [(line.split(":")[1], line.rsplit("[", 1)[1]) for line in kam("validate").stdout.splitlines()]
    assert codes == [("6", "schema]"), ("6", "schema]"), ("7", "missing-key]"), ("8", "unknown-reference]"),
                     ("12", "schema]"), ("12", "unknown-reference]")]


def test_the_editor_shows_the_same_plain_rule_once(tmp_path):
    command = yamlls.server()
    if command is None:
        pytest.skip("node and npm are needed to run the YAML language server")
    plan = tmp_path / "accounts" / "mistakes.yaml"
    plan.parent.mkdir()
    plan.write_text(f"# yaml-language-server: $schema={schema_path('plan').resolve().as_uri()}\n"
                    "id: mistakes\nname: Mistakes\nowner: jtamm\ntier: key\ncountry: ee\nstakeholders:\n"
                    "  - {id: Kari Nordmann, name: Kari, influence: high, attitude: neutral, last_contact: 2.11.2026}\n",
                    encoding="utf-8")
    shown = sorted((d["range"]["start"]["line"], d["message"]) for d in yamlls.diagnostics(command, plan))
    assert shown == [
        (5, "Write the country as its two-letter code in capitals, e.g. EE, FI, NO, LV, LT, PL."),
        (7, "Write the date as YYYY-MM-DD, e.g. 2026-11-02."),
        (7, "Write the id in lower-case letters, digits and dashes (no spaces), at most 64 characters, e.g. mari-kask."),
    ]


def test_a_renamed_key_is_one_error_and_its_value_still_counts(repo):
    assert edited(repo, "_people.yaml", "{id: oodegard,", "{ident: oodegard,", owner="oodegard") == [
        "accounts/_people.yaml:5:6: error: unknown key 'ident' in person 'Øystein Ødegård' (did you mean 'id', "
        "a required key?) [unknown-key]"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_value_of_every_rule_in_the_schemas_is_explained_without_a_regex(kind):
    rules = [node for node in walk(validator(kind).schema) if "pattern" in node or "format" in node]
    document = parse(b"field: not valid at all!\n", "accounts/x.yaml")
    messages = []
    for node in rules:
        checker = jsonschema.Draft202012Validator({"type": "object", "properties": {"field": node}},
                                                  format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        messages += [d.message for d in explain(document, kind, one_per_value(checker.iter_errors(document.data)))]
    assert len(messages) == len(rules)  # one error per value, though a date breaks its pattern and its format
    assert [m for m in messages if REGEX.search(m) or "e.g." not in m] == []


def test_a_tier_renamed_in_the_settings_is_one_error_not_one_per_plan(repo):
    assert edited(repo, "_portfolio.yaml", "- id: key\n", "- id: kee\n") == [
        "accounts/plan-0.yaml:4:7: error: tier 'key' is not a tier of the portfolio settings (strategic, kee, "
        "development) (did you mean 'kee'?) ... and 2 more plans that name this tier [unknown-tier]"]


def test_the_readme_shows_real_output_of_the_corpus():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What the messages say", 1)[1].split("```", 2)[1]
    shown = [line for line in section.splitlines() if line.startswith("accounts/")]
    real = {line for case in EXAMPLES.glob("*.expected") for line in case.read_text(encoding="utf-8").splitlines()}
    assert len(shown) >= 5
    assert [line for line in shown if line not in real] == []
