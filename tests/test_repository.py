"""The repository as a new user and CI meet it: locked installs, workflows, the hook, linters, versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from yamllint import linter
from yamllint.config import YamlLintConfig

import generator
from generator.cli import main
from generator.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LOCKS = {name: ROOT / "requirements" / f"{name}.lock" for name in ("site", "test")}


def locked(lock: Path) -> dict[str, list[str]]:
    """Each requirement of a lock (name -> the versions it pins, one per environment marker)."""
    pins: dict[str, list[str]] = {}
    for match in re.finditer(r"^([A-Za-z0-9_.-]+)==([^ ;\\\n]+)", lock.read_text(encoding="utf-8"), re.M):
        pins.setdefault(normalised(match[1]), []).append(match[2])
    return pins


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503: ruamel.yaml is ruamel-yaml


def requirement_name(requirement: str) -> str:
    return normalised(re.match(r"[A-Za-z0-9_.-]+", requirement)[0])


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_every_locked_requirement_is_pinned_with_hashes(name):
    text = LOCKS[name].read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text.split("\n", 2)[2])
    assert len(blocks) > 20
    for block in blocks:
        assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_locks_hold_every_dependency_pyproject_names():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    site, test = locked(LOCKS["site"]), locked(LOCKS["test"])
    for requirement in project["dependencies"] + extras["site"] + ["setuptools"]:
        assert requirement_name(requirement) in site, requirement
    for requirement in project["dependencies"] + extras["site"] + extras["test"]:
        if not requirement.startswith("kam-plans"):
            assert requirement_name(requirement) in test, requirement
    # one set of versions: what the site is built with is what the tests passed with
    assert {name: pins for name, pins in site.items()} == {name: test[name] for name in site}


def test_the_site_builder_is_not_a_core_dependency():
    # a pre-commit hook installs the core only: validation does not need MkDocs or Material
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {requirement_name(r) for r in project["dependencies"]}
    assert not core & {"mkdocs", "mkdocs-material"}


def test_make_installs_from_the_locks_and_ci_runs_the_readme_test_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r requirements/$(1).lock" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile
    assert re.search(r"^serve: .*\n\t\$\(BIN\)/kam serve$", makefile, re.M)  # the incremental loop, its error page
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_workflow_job_has_a_timeout_and_installs_the_locked_versions(workflow):
    spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    for name, job in spec["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"{workflow.name}: job {name}"
        for step in job.get("steps", []):
            run = step.get("run", "")
            assert "pip install" not in run, f"{workflow.name}: {run} (install with make, from the lock)"


def test_the_version_is_one_number_for_kam_the_changelog_and_the_readme():
    version = generator.__version__
    assert CliRunner().invoke(main, ["--version"]).stdout == f"kam, version {version}\n"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(version)} ", changelog, re.M)
    assert f"rev: v{version}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_hook_runs_kam_validate_on_every_file_that_can_change_a_verdict():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "kam-validate", "kam validate", "python", False)
    files = re.compile(hook["files"])
    for path in ("accounts/nordvik.yaml", "accounts/_people.yaml", "schema/plan.schema.json", ".github/CODEOWNERS",
                 "accounts/nordvik.md", "accounts/nordvik/minutes/2026-10-14.md", "accounts/nordvik/offer.pdf"):
        assert files.search(path), path
    assert not files.search("docs/index.md")


def lint(root: Path, paths) -> list[str]:
    config = YamlLintConfig(file=str(ROOT / ".yamllint"))
    problems = []
    for path in paths:
        for problem in linter.run(path.read_text(encoding="utf-8"), config, str(path)):
            problems.append(f"{path.relative_to(root)}:{problem.line}:{problem.column}: {problem.message} ({problem.rule})")
    return problems


def test_yamllint_passes_on_the_examples():
    assert lint(ROOT, sorted((ROOT / "accounts").glob("*.yaml"))) == []


def test_yamllint_passes_on_what_kam_new_writes(repo):
    result = CliRunner().invoke(main, ["new", "ostsee-hafen", "--name", "Ostsee Hafen GmbH", "--owner", "jtamm"])
    assert result.exit_code == 0, result.output
    assert lint(repo, [repo / "accounts" / "ostsee-hafen.yaml"]) == []


def test_yamllint_passes_on_what_kam_demo_writes_with_the_rules_it_ships(tmp_path):
    write_demo(tmp_path / "demo", 6)
    demo = tmp_path / "demo"
    assert (demo / ".yamllint").read_text(encoding="utf-8") == (ROOT / ".yamllint").read_text(encoding="utf-8")
    assert lint(demo, sorted((demo / "accounts").glob("*.yaml"))) == []


def test_the_rules_still_catch_what_matters_in_a_plan(tmp_path):
    plan = tmp_path / "bad.yaml"
    plan.write_text("id: x\nid: y\ncountry: NO\nname:   wrong indent\n  oops: 1\n", encoding="utf-8")
    messages = " ".join(lint(tmp_path, [plan]))
    assert "(key-duplicates)" in messages and "(truthy)" in messages
