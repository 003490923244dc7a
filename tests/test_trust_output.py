"""Output is data, not commands: no file name or message kam prints can start a GitHub workflow command
(`::error`, `##[error]`) or send a terminal control sequence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write
from generator import site
from generator.cli import main
from generator.plaintext import safe_lines, safe_path, safe_text
from gitrepo import git_repo  # noqa: F401 - a fixture

EVIL = "accounts/x\n::error file=README.md,line=1::PWNED\n.yaml"
ESCAPES = "Call \x1b[2J\x1b[H\x9b31m back"


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


def _no_command_lines(text: str) -> None:
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "##[")), line
    assert "\x1b" not in text and "\x9b" not in text


@pytest.fixture
def evil_file(repo: Path) -> Path:
    text = (repo / "accounts/nordvik.yaml").read_text(encoding="utf-8")
    return write(repo, EVIL, text)


def test_a_file_name_with_a_workflow_command_stays_one_line_of_text(evil_file: Path):
    result = kam("validate", "--format", "text")
    assert result.exit_code == 1
    _no_command_lines(result.output)
    assert "accounts/x\\n::error file=README.md,line=1::PWNED\\n.yaml:2:5: error:" in result.output


def test_github_annotations_keep_the_file_name_in_one_property(evil_file: Path):
    result = kam("validate", "--format", "github")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::error file=") for line in lines)
    assert any("file=accounts/x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3APWNED%0A.yaml" in line for line in lines)


def test_json_keeps_the_file_name_exactly(evil_file: Path):
    result = kam("validate", "--format", "json")
    assert EVIL in {row["path"] for row in json.loads(result.stdout)}
    _no_command_lines(result.stdout)


def test_the_build_log_says_the_same_safely(evil_file: Path):
    with pytest.raises(site.SiteError) as caught:
        site.load(evil_file.parent.parent)
    _no_command_lines(str(caught.value))


def test_terminal_sequences_in_plan_text_are_shown_not_obeyed(repo: Path):
    plan = repo / "accounts/nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "actions:\n  - id: a-call\n    title: "
                    + json.dumps(ESCAPES) + "\n    owner: jtamm\n    due: 2026-01-10\n", encoding="utf-8")
    for command in (("validate",), ("check", "--today", "2026-11-23"), ("check", "--format", "json")):
        result = kam(*command)
        _no_command_lines(result.output)
    annotations = kam("check", "--format", "github", "--today", "2026-11-23").stdout
    assert "\\x1b[2J" in annotations and "\x1b" not in annotations and "\x9b" not in annotations


def test_the_diff_of_a_hostile_file_name_and_title_is_safe(git_repo):
    plan = git_repo.root / "accounts/nordvik.yaml"
    text = plan.read_text(encoding="utf-8")
    git_repo.write(EVIL, text)
    plan.write_text(text + "actions:\n  - id: a-call\n    title: " + json.dumps(ESCAPES)
                    + "\n    owner: jtamm\n    due: 2026-01-10\n", encoding="utf-8")
    for args in ((), ("--format", "json")):
        result = kam("diff", "HEAD", *args, "--today", "2026-11-23")
        assert result.exit_code == 0, result.output
        _no_command_lines(result.output)


def test_the_helpers():
    assert safe_text("a\nb\r\x1b[0m\x00\u2028ok") == "a\\nb\\r\\x1b[0m\\x00\\u2028ok"
    assert safe_text("Jüri Tamm, Мария, Øystein \\ tab\there") == "Jüri Tamm, Мария, Øystein \\ tab\\there"
    assert safe_path("::error::x.yaml") == "./::error::x.yaml"
    assert safe_path("##[error]x.yaml") == "./##[error]x.yaml"
    assert safe_path("accounts/a.yaml") == "accounts/a.yaml"
    assert safe_lines("- a\n  ::warning x\n##[error]y") == "- a\n  \\x3a:warning x\n\\x23#[error]y"


def test_person_show_prints_what_a_plan_holds_without_obeying_it(repo: Path):
    plan = repo / "accounts/nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("name: Kari Nordmann", 'name: "Kari \\e[2JNordmann"', 1),
                    encoding="utf-8")
    result = kam("person", "show", "kari")
    assert "\\x1b[2J" in result.output
    _no_command_lines(result.output)
