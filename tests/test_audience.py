"""Audiences: a company build shows no judgement on the customer's people, and personal data needs the
build's own opt-in (never a committed line; in CI only in a step of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT, environment
from generator.audience import AudienceError, audience_from, private_opt_in
from test_site import all_files, build_site, make_repo, text_of

CHAMPION_FILL = "#1b7a3a"


def plant_markers(root: Path) -> dict[str, str]:
    """A marker in every free-text judgement field and private value of every stakeholder."""
    markers = {}
    for path in sorted((root / "accounts").glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, s in enumerate(data.get("stakeholders", ())):
            for field in ("notes", "priorities"):
                s[field] = markers[f"{path.stem}.{i}.{field}"] = f"ZQ{field.upper()}{path.stem}{i}QZ"
            s["private"] = {"hobby": f"ZQPRIVATE{path.stem}{i}QZ"}
            markers[f"{path.stem}.{i}.private"] = s["private"]["hobby"]
        blockers = [s["id"] for s in data.get("stakeholders", ()) if s["attitude"] in ("sceptic", "blocker")]
        if blockers:  # the team's reason for silencing a judging check speaks of the person too
            reason = markers[f"{path.stem}.silenced"] = f"ZQSILENCE{path.stem}QZ"
            data["silenced"] = [{"check": "KAM105", "subject": blockers[0], "reason": reason}]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return markers


def set_audience(root: Path, line: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      include_private: !ENV", f"      {line}\n      include_private: !ENV"),
                      encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    base = tmp_path_factory.mktemp("audiences")
    root = make_repo(base / "repo")
    markers = plant_markers(root)
    team = build_site(root, base / "team")
    with environment(KAM_AUDIENCE="company"):
        company = build_site(root, base / "company")
    return team, company, markers


def test_a_company_build_holds_no_note_priority_or_private_value_in_any_byte(sites):
    team, company, markers = sites
    files = list(all_files(company))
    assert len(files) > 20 and any(p.name == "search_index.json" for p, _ in files)
    leaks = [(key, p.relative_to(company).as_posix()) for p, text in files for key, m in markers.items() if m in text]
    assert leaks == []
    # the same plans built for the team do show the notes and priorities (the markers are real)
    team_text = "".join(text for _, text in all_files(team))
    assert all(m in team_text for key, m in markers.items() if not key.endswith(".private"))


def test_a_company_build_shows_no_attitude_influence_or_buying_role(sites):
    team, company, _ = sites
    page = text_of(company / "accounts" / "nordvik" / "index.html")
    assert "kam-att-" not in page and ">Attitude<" not in page and ">Influence<" not in page
    assert ">Buying role<" not in page and "Covered by" in page and "Innkjøpssjef" in page
    svg = "".join(text for p, text in all_files(company) if p.suffix == ".svg")
    assert CHAMPION_FILL not in svg and ">influence<" not in svg and "Kari Nordmann" in svg
    assert CHAMPION_FILL in "".join(text for p, text in all_files(team) if p.suffix == ".svg")
    assert "kam-att-champion" in text_of(team / "accounts" / "nordvik" / "index.html")
    person = text_of(company / "people" / "index.html")
    assert "high influence" not in person and "high influence" in text_of(team / "people" / "index.html")


def test_a_company_build_keeps_the_health_but_not_what_the_judging_findings_say(sites):
    team, company, _ = sites
    team_page = text_of(team / "dashboard" / "index.html")
    company_page = text_of(company / "dashboard" / "index.html")
    assert "sceptic" in team_page or "blocker" in team_page
    assert "sceptic" not in company_page and "blocker" not in company_page
    assert "the details are on the account team&#39;s site" in company_page or \
        "the details are on the account team's site" in company_page
    assert team_page.count("KAM1") == company_page.count("KAM1")


# --- choosing the audience and the personal-data opt-in ----------------------------------

def test_the_audience_comes_from_kam_audience_then_the_option():
    assert audience_from(None, {}) == "team"
    assert audience_from("company", {}) == "company"
    assert audience_from("company", {"KAM_AUDIENCE": "team"}) == "team"
    with pytest.raises(AudienceError, match="audience must be team or company; got 'customers'"):
        audience_from(None, {"KAM_AUDIENCE": "customers"})


@pytest.mark.parametrize("option, environ, expected", [
    (False, {}, False),
    (False, {"KAM_INCLUDE_PRIVATE": "1"}, True),
    (True, {"KAM_INCLUDE_PRIVATE": "yes"}, True),
    (False, {"KAM_INCLUDE_PRIVATE": "1", "CI": "true", "KAM_PRIVATE_BUILD_STEP": "1"}, True),
    (False, {"CI": "true"}, False),
])
def test_personal_data_only_when_the_build_itself_asks(option, environ, expected):
    assert private_opt_in(option, "team", environ) is expected


@pytest.mark.parametrize("option, audience, environ, message", [
    (True, "team", {}, "include_private is true in mkdocs.yml: a committed setting"),
    (True, "team", {"KAM_INCLUDE_PRIVATE": "0"}, "include_private is true in mkdocs.yml"),
    (False, "company", {"KAM_INCLUDE_PRIVATE": "1"}, "personal data is for the account team only"),
    (False, "team", {"KAM_INCLUDE_PRIVATE": "1", "CI": "true"}, "a workflow step of its own"),
    (False, "team", {"KAM_INCLUDE_PRIVATE": "maybe"}, "KAM_INCLUDE_PRIVATE must be 1 or 0"),
])
def test_personal_data_is_refused(option, audience, environ, message):
    with pytest.raises(AudienceError, match=message):
        private_opt_in(option, audience, environ)


def test_a_committed_include_private_true_stops_the_build(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    root = make_repo(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "include_private: !ENV [KAM_INCLUDE_PRIVATE, false]", "include_private: true"), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root, tmp_path / "site")
    assert "a committed setting would publish the customer's personal data" in caplog.text
    assert not (tmp_path / "site" / "accounts").exists()


def test_the_company_audience_as_a_plugin_option(tmp_path):
    root = make_repo(tmp_path / "repo")
    set_audience(root, "audience: company")
    out = build_site(root, tmp_path / "site")
    assert "kam-att-" not in text_of(out / "accounts" / "nordvik" / "index.html")


# --- the workflows ---------------------------------------------------------------------

def workflows() -> dict[str, dict]:
    folder = REPO_ROOT / ".github" / "workflows"
    return {p.name: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) for p in folder.glob("*.yml")}


def test_no_workflow_asks_for_personal_data_outside_a_step_of_its_own_and_pages_never():
    for name, flow in workflows().items():
        assert not {"KAM_INCLUDE_PRIVATE", "KAM_PRIVATE_BUILD_STEP"} & set(flow.get("env") or {}), name
        for job in (flow.get("jobs") or {}).values():
            assert not {"KAM_INCLUDE_PRIVATE", "KAM_PRIVATE_BUILD_STEP"} & set(job.get("env") or {}), name
    pages = (REPO_ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "KAM_INCLUDE_PRIVATE" not in pages and "KAM_PRIVATE_BUILD_STEP" not in pages


def test_the_plans_workflow_runs_when_the_site_config_docs_or_workflows_change():
    paths = workflows()["plans.yml"]["on"]["pull_request"]["paths"]
    assert {"mkdocs.yml", "docs/**", ".github/workflows/**"} <= set(paths)


def test_kam_validate_reports_a_committed_include_private_at_its_line(repo):
    from click.testing import CliRunner
    from generator.cli import main

    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert CliRunner().invoke(main, ["validate"]).exit_code == 0
    committed = config.replace("include_private: !ENV [KAM_INCLUDE_PRIVATE, false]", "include_private: yes  # demo")
    committed = committed.replace("  - kam:\n", "  - kam:\n      audience: public\n")
    (repo / "mkdocs.yml").write_text(committed, encoding="utf-8")
    lines = committed.splitlines()
    private, audience = (lines.index(text) + 1 for text in ("      include_private: yes  # demo", "      audience: public"))
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert (f"mkdocs.yml:{private}:7: error: include_private: true here would publish the customer's personal data "
            "with every build: remove it; the one build that needs it sets KAM_INCLUDE_PRIVATE=1 [private-committed]"
            in result.output)
    assert f"mkdocs.yml:{audience}:7: error: audience must be team or company, not 'public' [unknown-audience]" \
        in result.output


def test_the_pre_commit_hook_runs_when_mkdocs_yml_changes():
    import re

    (hook,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert re.search(hook["files"], "mkdocs.yml") and not re.search(hook["files"], "docs/mkdocs.yml")
