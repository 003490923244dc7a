"""`kam new`: a plan from the template, valid at once, never over another one."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import write
from generator.cli import main
from generator.load import load
from generator.model import build_plan
from gitrepo import git_repo  # noqa: F401 - a fixture

NEW = "accounts/alta-kraft.yaml"


def kam(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_new_plan_passes_kam_validate_at_once(repo):
    result = kam("new", "alta-kraft", "--owner", "jtamm", "--tier", "strategic")
    assert (result.exit_code, result.stderr) == (0, f"created {NEW}: fill it in, then run kam validate\n")
    assert kam("validate").exit_code == 0
    plan = build_plan(load(repo / NEW))
    assert (plan.id, plan.name, plan.owner, plan.tier) == ("alta-kraft", "Alta Kraft", "jtamm", "strategic")
    assert [(m.person, m.role) for m in plan.team] == [("jtamm", "account_manager")]


def test_the_template_has_every_section_with_guidance_and_schema_line(repo):
    kam("new", "alta-kraft", "--owner", "jtamm", "--tier", "strategic")
    text = (repo / NEW).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schema/plan.schema.json\n")  # as nordvik.yaml
    for section in ("segment", "country", "language", "website", "summary", "customer_experience", "relationship",
                    "classification", "situation", "goals", "buying_process", "tenders", "proposals", "stakeholders",
                    "actions", "commitments", "reviews", "opportunities", "interactions", "silenced"):
        assert f"\n# {section}:" in text, section
    assert "##   strategic: Strategic; review every 92 days; required roles: account manager, executive sponsor\n" in text
    assert "## This tier's care model requires an executive sponsor from our management.\n" in text


def test_the_examples_uncommented_make_a_valid_plan_too(repo):
    kam("new", "alta-kraft", "--owner", "jtamm", "--tier", "strategic")
    path = repo / NEW
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + "".join(line[2:] if line.startswith("# ") else line for line in lines[1:]),
                    encoding="utf-8")
    result = kam("validate")
    assert (result.stdout, result.exit_code) == ("", 0)
    plan = build_plan(load(path))
    assert [s.id for s in plan.stakeholders] == ["first-contact"]
    assert [(m.person, m.role) for m in plan.team] == [("jtamm", "account_manager"), ("pmakela", "executive_sponsor")]


def test_any_name_is_written_as_typed(repo):
    name = 'Ålesund "Fisk" AS: #1 i Norge\'s nord - {ja} [nei]'
    assert kam("new", "alesund", "--owner", "jtamm", "--name", name).exit_code == 0
    assert build_plan(load(repo / "accounts/alesund.yaml")).name == name
    assert kam("validate").exit_code == 0


def test_the_default_tier_is_the_last_one(repo):
    kam("new", "alta-kraft", "--owner", "oodegard")
    assert build_plan(load(repo / NEW)).tier == "development"


def test_the_default_owner_is_the_person_with_your_git_email(git_repo):
    git_repo.git("config", "user.email", "Juri.Tamm@example.com")
    assert kam("new", "alta-kraft").exit_code == 0
    assert build_plan(load(git_repo.root / NEW)).owner == "jtamm"


def test_an_existing_plan_is_never_overwritten(repo):
    write(repo, "accounts/alta-kraft.yml", "kept as it is\n")
    result = kam("new", "alta-kraft", "--owner", "jtamm")
    assert result.exit_code == 2
    assert "accounts/alta-kraft.yml already exists: kam new never overwrites a plan" in result.stderr
    assert (repo / "accounts/alta-kraft.yml").read_text() == "kept as it is\n"
    assert not (repo / NEW).exists()


def test_wrong_id_owner_or_tier_is_a_usage_error_and_writes_nothing(repo):
    cases = {
        ("Alta_Kraft", "--owner", "jtamm"): "'Alta_Kraft' cannot be an account id",
        ("_portfolio", "--owner", "jtamm"): "'_portfolio' cannot be an account id",
        ("alta-kraft", "--owner", "jtam"): "owner 'jtam' is not in accounts/_people.yaml (did you mean 'jtamm'?)",
        ("alta-kraft", "--owner", "jtamm", "--tier", "strategik"):
            "tier 'strategik' is not one of strategic, key, development (did you mean 'strategic'?)",
        ("alta-kraft",): "say who owns the account with --owner, one of jtamm, oodegard, pmakela",
    }
    for args, message in cases.items():
        result = kam("new", *args)
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)
    assert sorted(p.name for p in (repo / "accounts").iterdir()) == ["_people.yaml", "_portfolio.yaml", "nordvik.yaml"]


def test_without_owner_it_says_your_git_email_matched_nobody(git_repo):
    git_repo.git("config", "user.email", "someone.else@example.com")
    result = kam("new", "alta-kraft")
    assert result.exit_code == 2
    assert ("your git e-mail someone.else@example.com matched nobody in accounts/_people.yaml" in result.stderr)
    assert "say who owns the account with --owner, one of jtamm, oodegard, pmakela" in result.stderr
    assert not (git_repo.root / NEW).exists()


def test_a_new_plan_gets_its_codeowners_line_and_the_repository_stays_valid(repo):
    assert kam("codeowners").exit_code == 0
    before = (repo / ".github/CODEOWNERS").read_text()
    for plan_id, owner in (("alta-kraft", "jtamm"), ("aaa-first", "oodegard"), ("zz-last", "pmakela")):
        result = kam("new", plan_id, "--owner", owner)
        assert result.exit_code == 0, result.output
        assert f"added accounts/{plan_id}.yaml to .github/CODEOWNERS" in result.stderr
    after = (repo / ".github/CODEOWNERS").read_text()
    assert after.startswith(before.split("/accounts/")[0])  # the header and every other line kept
    assert "/accounts/alta-kraft.yaml @jtamm\n" in after
    assert "# /accounts/aaa-first.yaml: Øystein Ødegård (oodegard) has no github handle" in after
    assert kam("validate").exit_code == 0
    assert kam("codeowners", "--check").exit_code == 0  # the same file kam codeowners writes


def test_without_codeowners_none_is_created(repo):
    assert kam("new", "alta-kraft", "--owner", "jtamm").exit_code == 0
    assert not (repo / ".github").exists()


def test_the_template_shows_markdown_and_where_notes_and_documents_go(repo):
    from generator.render.escape import md_block

    kam("new", "alta-kraft", "--owner", "jtamm", "--tier", "strategic")
    path = repo / NEW
    text = path.read_text(encoding="utf-8")
    assert "accounts/alta-kraft/" in text and "accounts/alta-kraft.md" in text and "documents: [" in text
    lines = text.splitlines(keepends=True)
    path.write_text(lines[0] + "".join(line[2:] if line.startswith("# ") else line for line in lines[1:]),
                    encoding="utf-8")
    summary = md_block(build_plan(load(path)).summary)
    assert "<strong>bold</strong>" in summary and "<li>what they buy from us</li>" in summary
    assert 'href="https://www.example.com"' in summary
