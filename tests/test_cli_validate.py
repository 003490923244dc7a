"""`kam validate` as a user meets it: exact output, formats, exit status, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import write
from generator.cli import main

BROKEN_PLAN = """\
id: broken
name: Broken AS
owner: jtamm
tier: key
stakeholders:
  - {id: matti, name: Matti, influence: high, attitude: champion}
  - {id: liisa, name: Liisa, influence: low, attitude: neutral, reports_to: mati}
"""


def kam(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env or {"GITHUB_ACTIONS": ""})


def test_a_valid_portfolio_prints_nothing_and_exits_0(repo):
    result = kam("validate")
    assert (result.stdout, result.exit_code) == ("", 0)
    assert result.stderr == "3 files checked, no problems\n"


def test_problems_are_printed_as_path_line_col_and_exit_1(repo):
    write(repo, "accounts/broken.yaml", BROKEN_PLAN)
    result = kam("validate")
    assert result.stdout == ("accounts/broken.yaml:7:77: error: reports_to 'mati' is not a stakeholder of this "
                             "account (did you mean 'matti'?) [unknown-reference]\n")
    assert result.stderr == "4 files checked: 1 error(s), 0 warning(s)\n"
    assert result.exit_code == 1


def test_every_problem_in_the_portfolio_comes_out_in_one_run(repo):
    write(repo, "accounts/broken.yaml", BROKEN_PLAN)
    write(repo, "accounts/also-broken.yaml", "id: also-broken\nname: X\nowner: nobody\ntier: key\n")
    write(repo, "accounts/garbage.yaml", "id: [\n")
    paths = [line.split(":")[0] for line in kam("validate").stdout.splitlines()]
    assert paths == ["accounts/also-broken.yaml", "accounts/broken.yaml", "accounts/garbage.yaml"]


def test_github_format_prints_annotations(repo):
    write(repo, "accounts/broken.yaml", BROKEN_PLAN)
    result = kam("validate", "--format", "github")
    assert result.stdout == ("::error file=accounts/broken.yaml,line=7,col=77,title=unknown-reference::reports_to "
                             "'mati' is not a stakeholder of this account (did you mean 'matti'?)\n")


def test_github_format_is_the_default_inside_github_actions(repo):
    write(repo, "accounts/broken.yaml", BROKEN_PLAN)
    assert kam("validate", env={"GITHUB_ACTIONS": "true"}).stdout.startswith("::error file=accounts/broken.yaml")


def test_github_annotations_escape_newlines_and_percent_signs(repo):
    write(repo, "accounts/weird.yaml", "id: weird\nname: X\nowner: jtamm\ntier: key\n\"100%\\nkey\": 1\n")
    line = kam("validate", "--format", "github").stdout
    assert line == ("::error file=accounts/weird.yaml,line=5,col=1,title=unknown-key::unknown key '100%25%0Akey' "
                    "in the plan\n")


def test_text_format_keeps_one_finding_per_line_whatever_a_key_holds(repo):
    write(repo, "accounts/weird.yaml", "id: weird\nname: X\nowner: jtamm\ntier: key\n\"a\\nb\": 1\n")
    assert kam("validate").stdout == "accounts/weird.yaml:5:1: error: unknown key 'a\\nb' in the plan [unknown-key]\n"


def test_json_format_lists_findings_with_all_fields(repo):
    write(repo, "accounts/broken.yaml", BROKEN_PLAN)
    findings = json.loads(kam("validate", "--format", "json").stdout)
    assert findings == [{"path": "accounts/broken.yaml", "line": 7, "column": 77, "severity": "error",
                         "code": "unknown-reference",
                         "message": "reports_to 'mati' is not a stakeholder of this account (did you mean 'matti'?)"}]


def test_json_format_of_a_clean_portfolio_is_an_empty_list(repo):
    assert json.loads(kam("validate", "--format", "json").stdout) == []


def test_given_files_and_folders_limit_what_is_validated(repo):
    write(repo, "accounts/broken.yaml", BROKEN_PLAN)
    assert kam("validate", "accounts/nordvik.yaml").exit_code == 0
    assert kam("validate", "accounts").exit_code == 1


@pytest.mark.parametrize("args, message", [
    (["validate", "accounts/nope.yaml"], "no such file or folder: accounts/nope.yaml"),
    (["validate", "--format", "xml"], "Invalid value for '--format'"),
    (["validate", "--root", "elsewhere"], "no 'accounts' folder"),
])
def test_wrong_usage_exits_2_with_one_clear_line(repo, args, message):
    result = kam(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_people_directory_is_reported_not_crashed_on(repo):
    (repo / "accounts" / "_people.yaml").unlink()
    result = kam("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("accounts/_people.yaml:1:1: error: the portfolio needs this file")
    assert "owner 'jtamm' is not in the people directory" in result.stdout


def test_errors_in_the_settings_are_reported_at_their_line(repo):
    write(repo, "accounts/_portfolio.yaml", "company: X\ncurrency: EUR\ntiers:\n  - {id: key, name: Key}\n"
                                           "  - {id: key, name: Key again}\nrevnue: []\n")
    lines = kam("validate").stdout.splitlines()
    assert lines[0] == ("accounts/_portfolio.yaml:5:10: error: tier id 'key' appears twice (first on line 4) "
                        "[duplicate-id]")
    assert lines[1] == ("accounts/_portfolio.yaml:6:1: error: unknown key 'revnue' in the portfolio settings "
                        "(did you mean 'revenue'?) [unknown-key]")


def test_the_same_account_id_in_two_folders_is_an_error(repo):
    plan = (repo / "accounts" / "nordvik.yaml").read_text(encoding="utf-8")
    write(repo, "archive/nordvik.yaml", plan)
    result = kam("validate", "accounts", "archive")
    assert "archive/nordvik.yaml:2:5: error: account id 'nordvik' is also used by accounts/nordvik.yaml" in result.stdout


def test_an_unexpected_failure_is_one_line_without_traceback(repo):
    crash = ("import generator.cli as cli\n"
             "def crash(*args, **kwargs): raise ZeroDivisionError('disk on fire')\n"
             "cli.load_portfolio = crash\n"
             "cli.run()\n")
    result = subprocess.run([sys.executable, "-c", crash, "validate"], capture_output=True, text=True, cwd=repo)
    assert result.returncode == 3
    assert result.stderr.startswith("kam: internal error: ZeroDivisionError: disk on fire.")
    assert "Traceback" not in result.stderr


def test_the_entry_point_runs_as_a_module(repo):
    result = subprocess.run([sys.executable, "-m", "generator", "validate"], capture_output=True, text=True, cwd=repo)
    assert (result.returncode, result.stdout) == (0, "")
