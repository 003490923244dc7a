"""Plans that pass for valid but used to break `kam check` or the build (issue #11, items 3, 5, 7):
each is now a positioned error from `kam validate`, or builds."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from click.testing import CliRunner

from conftest import write
from gitrepo import git_repo  # noqa: F401 - a fixture
from generator import site, validate
from generator.cli import main
from generator.render.words import add_months


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": ""})


def plan_with(repo, old: str, new: str, name: str = "nordvik") -> None:
    path = repo / "accounts" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(result) -> list[str]:
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result.stdout.splitlines()


# --- control characters -------------------------------------------------------------

@pytest.mark.parametrize("escaped, shown", [
    (r"Ewa \x01Zając", "a control character (U+0001)"),
    (r"Red \e[31m alert", "an escape character (U+001B)"),
    (r"Del\x7f", "a control character (U+007F)"),
    (r"C1 \x85 next line", "a control character (U+0085)"),
    (r"Not \uFFFE text", "U+FFFE, a Unicode noncharacter"),
    (r"Plane 16 \U0010FFFF", "U+10FFFF, a Unicode noncharacter"),
    (r"Arabic form \uFDD0", "U+FDD0, a Unicode noncharacter"),
])
def test_control_characters_and_noncharacters_are_errors_at_their_value(repo, escaped, shown):
    plan_with(repo, "name: Ola Hansen", f'name: "{escaped}"')
    result = kam("validate")
    (line,) = errors(result)
    assert line.startswith("accounts/nordvik.yaml:23:11: error: the text holds ")
    assert shown in line and line.endswith("[character]")
    assert result.exit_code == 1
    assert kam("check", "--today", "2026-11-23").exit_code == 1


def test_a_control_character_in_a_key_is_an_error_at_the_key(repo):
    plan_with(repo, "private: {birthday: 12. mai", 'private: {"birth\\x07day": 12. mai')
    (line,) = errors(kam("validate"))
    assert line.startswith("accounts/nordvik.yaml:21:15: error: the text holds a control character (U+0007)")


@pytest.mark.parametrize("literal", ["Tom & Jerry\x01", "Tom Jerry\x01", "*x\x02", "!tag \x03"])
def test_a_raw_control_byte_is_a_positioned_error_from_validate_check_and_diff(repo, literal):
    # the first one was `internal error: ReaderError` (exit 3) from all three commands
    write(repo, "accounts/x.yaml", f"id: x\nname: {literal}\n")
    result = kam("validate", "accounts/x.yaml")
    (line,) = errors(result)
    assert line.startswith(f"accounts/x.yaml:2:{6 + len(literal)}: error: character U+000")
    assert line.endswith("[yaml-character]") and result.exit_code == 1
    checked = kam("check", "--today", "2026-11-23")
    assert checked.exit_code == 1 and line in errors(checked)


def test_kam_diff_lists_a_plan_with_a_raw_control_byte_as_not_valid(git_repo):
    base = git_repo.git("rev-parse", "HEAD")
    git_repo.write("accounts/x.yaml", "id: x\nname: Tom & Jerry\x01\n")
    result = kam("diff", base, "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "accounts/x.yaml in the working tree, line 2, column 18: character U+0001" in result.stdout


def test_line_breaks_and_tabs_are_fine_in_prose_but_not_in_short_text(repo):
    plan_with(repo, "title: Innkjøpssjef", 'title: "Innkjøpssjef\\nCEO"')
    plan_with(repo, "attitude: champion", 'attitude: champion\n    notes: "Two lines\\n\\tand a tab"')
    plan_with(repo, "language: \"no\"", 'language: "no"\nsegment: "Fish\\tfarming"')
    result = kam("validate")
    assert errors(result) == [
        "accounts/nordvik.yaml:8:10: error: segment must be one line, but it holds a tab (U+0009); "
        "write it on one line (quoted text: remove the \\n or \\t) [line-break]",
        "accounts/nordvik.yaml:25:12: error: stakeholders[1].title must be one line, but it holds a line break "
        "(U+000A); write it on one line (quoted text: remove the \\n or \\t) [line-break]",
    ]


# --- patterns are whole-text ---------------------------------------------------------------

def test_an_id_cannot_end_in_a_line_break(repo):
    plan_with(repo, "reports_to: kari", 'reports_to: "kari\\n"')
    plan_with(repo, "id: ola", 'id: "ola\\n"')
    lines = errors(kam("validate"))
    assert [line.split(": error: ")[0] for line in lines] == ["accounts/nordvik.yaml:22:9",
                                                              "accounts/nordvik.yaml:25:17"]
    assert all(line.endswith(("[schema]", "[unknown-reference]")) for line in lines)


def test_people_ids_and_github_handles_cannot_end_in_a_line_break(repo):
    people = repo / "accounts" / "_people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("github: pmakela", 'github: "pmakela\\n"')
                      .replace("id: oodegard", 'id: "oodegard\\n"'), encoding="utf-8")
    result = kam("validate")
    lines = [line for line in errors(result) if line.startswith("accounts/_people.yaml")]
    assert [line.split(": error: ")[0] for line in lines] == ["accounts/_people.yaml:4:70",
                                                              "accounts/_people.yaml:5:10"]
    assert result.exit_code == 1


def test_a_plan_file_name_with_a_line_break_is_an_error(repo):
    (repo / "accounts" / "nordvik.yaml").rename(repo / "accounts" / "nordvik\n.yaml")
    result = kam("validate")
    assert result.exit_code == 1
    assert any(line.endswith("[file-name]") for line in errors(result)), result.stdout


def test_the_quick_and_the_full_validator_agree_on_a_final_line_break():
    people = {"people": [{"id": "evil\n", "name": "Evil", "github": "evil\n"}]}
    assert not validate.is_valid(people, "people")
    assert len(list(validate.validator("people").iter_errors(people))) == 2


# --- numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("amount", [".inf", "-.inf", ".nan", ".NaN", "1e300", "1e400", "1e12", "-1"])
def test_an_amount_out_of_bounds_is_an_error_at_the_amount(repo, amount):
    plan_with(repo, "amount: 250000", f"amount: {amount}")
    result = kam("validate")
    (line,) = errors(result)
    assert line.startswith("accounts/nordvik.yaml:12:32: error: ") and line.endswith("[schema]")
    assert result.exit_code == 1


@pytest.mark.parametrize("setting", ["amount: 1e14", "amount: .nan"])
def test_our_revenue_out_of_bounds_is_an_error(repo, setting):
    path = repo / "accounts" / "_portfolio.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 1000000", setting), encoding="utf-8")
    (line,) = errors(kam("validate"))
    assert line.startswith("accounts/_portfolio.yaml:5:")


def test_the_largest_amounts_and_the_smallest_total_still_build_a_small_page(repo):
    plan_with(repo, "amount: 250000", "amount: 100000000000")
    path = repo / "accounts" / "_portfolio.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 1000000", "amount: 1.0e-300"), encoding="utf-8")
    assert kam("validate").exit_code == 0
    built = site.build(site.load(repo), [], site.Options(dt.date(2026, 11, 23), cache_dir=repo / ".cache"))
    home = next(page for page in built.pages if page.uri == "index.md")
    assert len(home.markdown) < 20_000  # the bar was "█" * round(share * 40): share 1e313
    assert "█" * 40 in home.markdown and "█" * 41 not in home.markdown


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_a_date_outside_1900_to_2999_is_an_error(repo, day):
    plan_with(repo, "last_contact: 2026-10-01", f"last_contact: {day}")
    (line,) = errors(kam("validate"))
    assert line.startswith("accounts/nordvik.yaml:20:19: error: ") and line.endswith("[schema]")
    year = int(day[:4])
    assert f"the year {year} is outside the years 1900 to 2999" in line  # the reason, not "write it as YYYY-MM-DD"


def test_the_years_kam_explains_are_the_years_the_schema_allows():
    import json
    import re

    from generator.explain import DATE_YEARS
    from generator.validate import schema_path

    pattern = json.loads(schema_path("plan").read_text(encoding="utf-8"))["$defs"]["date"]["pattern"]
    allowed = [year for year in range(1000, 10000) if re.match(pattern, f"{year}-01-01")]
    assert (allowed[0], allowed[-1]) == DATE_YEARS and len(allowed) == DATE_YEARS[1] - DATE_YEARS[0] + 1


def test_a_tender_in_the_first_year_the_schema_allows_builds(repo):
    write(repo, "accounts/nordvik.yaml", (repo / "accounts" / "nordvik.yaml").read_text(encoding="utf-8")
          + "tenders:\n  - {id: t1, title: Old, date: 1900-01-01, status: expected, preparation_months: 36}\n")
    assert kam("validate").exit_code == 0
    assert kam("check", "--today", "1900-01-01").exit_code == 0
    site.build(site.load(repo), [], site.Options(dt.date(1900, 1, 1), cache_dir=repo / ".cache"))


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(1, 1, 1), -9, dt.date.min),  # was AssertionError: unreachable
    (dt.date(9999, 12, 31), 1, dt.date.max),
    (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
    (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    (dt.date(2026, 11, 15), -9, dt.date(2026, 2, 15)),
])
def test_add_months_works_for_every_date(day, months, expected):
    assert add_months(day, months) == expected


# --- costs an attacker controls -------------------------------------------------------------

def _many_unknown_references(stakeholders: int, unknown: int) -> str:
    lines = ["id: nordvik\nname: Nordvik\nowner: jtamm\ntier: key\nstakeholders:\n"]
    lines += [f"  - {{id: person-{i:04d}, name: P {i}, influence: low, attitude: neutral}}\n" for i in range(stakeholders)]
    lines += ["  - id: boss\n    name: Boss\n    influence: high\n    attitude: neutral\n    influences:\n"]
    lines += [f"      - person-{i:04d}-x\n" for i in range(unknown)]
    return "".join(lines)


def test_did_you_mean_is_given_for_the_first_100_unknown_ids_of_a_file_only(repo):
    write(repo, "accounts/nordvik.yaml", _many_unknown_references(299, 300))
    started = time.perf_counter()
    lines = errors(kam("validate"))
    took = time.perf_counter() - started
    assert len(lines) == 300
    assert sum("did you mean" in line for line in lines) == validate.SUGGESTIONS_PER_FILE == 100
    assert "(did you mean 'person-0000'?)" in lines[0]
    assert took < 20  # 3,000 stakeholders and 6,000 unknown ids took 245 s before the budget


def test_lists_that_cost_a_build_per_pair_have_a_limit(repo):
    write(repo, "accounts/nordvik.yaml", _many_unknown_references(3000, 6000))
    started = time.perf_counter()
    lines = errors(kam("validate"))
    took = time.perf_counter() - started
    assert [line.split(" error: ")[0] for line in lines if "at most 300" in line] == [
        "accounts/nordvik.yaml:6:3:", "accounts/nordvik.yaml:3011:7:"]  # the two lists
    assert sum("did you mean" in line for line in lines) == 100
    assert took < 60  # was 245 s


def test_near_candidates_find_the_same_suggestion_as_comparing_all():
    choices = [f"person-{i:04d}" for i in range(3000)] + ["matti-virtanen"]
    assert validate.did_you_mean("mati-virtanen", choices) == " (did you mean 'matti-virtanen'?)"
    assert validate.did_you_mean("person-1234x", choices) == " (did you mean 'person-1234'?)"


def test_a_person_page_names_at_most_five_others_per_stakeholder(repo):
    people = "".join(f"  - {{id: p{i:03d}, name: Person {i:03d}, role: Sales}}\n" for i in range(60))
    write(repo, "accounts/_people.yaml", "people:\n  - {id: jtamm, name: Jüri Tamm, role: KAM}\n" + people)
    team = "".join(f"  - {{person: p{i:03d}, role: sales, covers: [{{stakeholder: kari, strength: weak}}]}}\n"
                   for i in range(60))
    write(repo, "accounts/nordvik.yaml", "id: nordvik\nname: Nordvik\nowner: jtamm\ntier: key\nstakeholders:\n"
          "  - {id: kari, name: Kari, influence: high, attitude: supporter}\nteam:\n"
          "  - {person: jtamm, role: account_manager, covers: [{stakeholder: kari, strength: strong}]}\n" + team)
    assert kam("validate").exit_code == 0
    built = site.build(site.load(repo), [], site.Options(dt.date(2026, 11, 23), cache_dir=repo / ".cache"))
    page = next(p for p in built.pages if p.uri == "people/p007/index.md").markdown
    assert "Jüri Tamm, Person 000, Person 001, Person 002, Person 003 and 55 more" in page
    sizes = [len(p.markdown) for p in built.pages if p.uri.startswith("people/p")]
    assert max(sizes) < 3 * min(sizes)  # every page is about as long, whatever the team's size


# --- found by the property tests (tests/test_property_invariant.py) ----------------------------

@pytest.mark.parametrize("name", ["]", "]]", " ", "\u00a0"])
def test_names_graphviz_once_choked_on_are_drawn(repo, name):
    plan_with(repo, "name: Ola Hansen", f"name: {json.dumps(name)}")  # ']' after a tag, an empty <B></B>
    assert kam("validate").exit_code == 0
    built = site.build(site.load(repo), [], site.Options(dt.date(2026, 11, 23), cache_dir=repo / ".cache"))
    assert all(path.is_file() for path in built.diagrams.values()) and built.diagrams


def test_a_period_before_1900_is_an_error_not_a_crash_of_check(repo):
    plan_with(repo, 'period: "2025"', 'period: "0000-Q1"')  # was OverflowError in `kam check`
    (line,) = errors(kam("validate"))
    assert line.startswith("accounts/nordvik.yaml:12:16: error: ") and line.endswith("[schema]")
