"""The example corpus: tests/examples/{positive,negative}/<case>.yaml.

Each case is copied into a small valid portfolio as accounts/<case>.yaml and
validated with `kam validate`. A positive case must produce no output; a
negative case must print exactly the lines in <case>.expected. Adding a case
is adding a file (and, for a negative one, its expected output).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

EXAMPLES = Path(__file__).parent / "examples"
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))
NEGATIVE = sorted((EXAMPLES / "negative").glob("*.yaml"))


def validate_case(case: Path, repo: Path):
    shutil.copy(case, repo / "accounts" / case.name)
    return CliRunner().invoke(main, ["validate", f"accounts/{case.name}"])


@pytest.mark.parametrize("case", POSITIVE, ids=lambda p: p.stem)
def test_positive_case_is_valid(case: Path, repo: Path):
    result = validate_case(case, repo)
    assert result.stdout == ""
    assert result.exit_code == 0


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda p: p.stem)
def test_negative_case_reports_exactly_the_expected_lines(case: Path, repo: Path):
    result = validate_case(case, repo)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    assert result.stdout == expected
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_every_negative_case_has_its_expected_output():
    missing = [case.name for case in NEGATIVE if not case.with_suffix(".expected").exists()]
    assert missing == []
