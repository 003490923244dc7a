"""Loading a portfolio: cached and parallel runs give exactly what a plain run gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import write
from generator import workspace
from generator import load
from generator.load import LoadError, parse
from generator.validate import is_valid, validator
from generator.workspace import load_portfolio

EXAMPLES = Path(__file__).parent / "examples"
REPO_ACCOUNTS = Path(__file__).parent.parent / "accounts"


def many_plans(repo: Path, count: int) -> None:
    """Copies of the fixture plan under new ids, every fifth one broken."""
    text = (repo / "accounts" / "nordvik.yaml").read_text(encoding="utf-8")
    for i in range(count):
        plan = text.replace("id: nordvik", f"id: copy-{i}")
        if i % 5 == 0:
            plan = plan.replace("reports_to: kari", "reports_to: karl")
        write(repo, f"accounts/copy-{i}.yaml", plan)


def test_a_warm_run_reports_exactly_what_a_cold_run_reports(repo):
    many_plans(repo, 12)
    cold = load_portfolio(Path("."))
    assert (repo / ".cache" / "kam" / "plans").is_dir()
    warm = load_portfolio(Path("."))
    assert warm.diagnostics == cold.diagnostics
    assert [p.id for p in warm.plans] == [p.id for p in cold.plans]
    assert len(cold.plans) == 10  # 13 plans, 3 of them broken


def test_a_changed_people_directory_is_not_hidden_by_the_cache(repo):
    load_portfolio(Path("."))
    people = (repo / "accounts" / "_people.yaml").read_text(encoding="utf-8")
    write(repo, "accounts/_people.yaml", people.replace("id: pmakela", "id: pmakela-old"))
    messages = [d.message for d in load_portfolio(Path(".")).diagnostics]
    assert messages == ["team member 'pmakela' is not in the people directory (did you mean 'pmakela-old'?)"]


def test_a_cache_that_cannot_be_written_is_skipped(repo):
    write(repo, ".cache", "a file where the cache folder would go")
    assert load_portfolio(Path(".")).ok


def test_workers_report_exactly_what_one_process_reports(repo, monkeypatch):
    many_plans(repo, 10)
    monkeypatch.setenv("KAM_NO_CACHE", "1")
    single = load_portfolio(Path("."))
    monkeypatch.setattr(workspace, "PARALLEL_MIN_FILES", 2)
    parallel = load_portfolio(Path("."))
    assert parallel.diagnostics == single.diagnostics
    assert [p.id for p in parallel.plans] == [p.id for p in single.plans]


def test_models_are_built_only_when_asked_for(repo):
    assert load_portfolio(Path("."), models=False).plans == []
    assert [p.id for p in load_portfolio(Path(".")).plans] == ["nordvik"]


def test_models_after_a_validation_are_built_without_parsing_again(repo, monkeypatch):
    many_plans(repo, 4)
    validated = load_portfolio(Path("."), models=False)
    parsed: list[str] = []
    monkeypatch.setattr(workspace, "parse", lambda raw, display: parsed.append(display) or parse(raw, display))
    checked = load_portfolio(Path("."))
    assert parsed == []
    assert checked.diagnostics == validated.diagnostics
    assert [p.id for p in checked.plans] == ["copy-1", "copy-2", "copy-3", "nordvik"]


def test_a_lost_document_is_parsed_again(repo, monkeypatch):
    load_portfolio(Path("."), models=False)
    shutil.rmtree(repo / ".cache" / "kam" / "documents")
    parsed: list[str] = []
    monkeypatch.setattr(workspace, "parse", lambda raw, display: parsed.append(display) or parse(raw, display))
    assert [p.id for p in load_portfolio(Path(".")).plans] == ["nordvik"]
    assert parsed == ["accounts/nordvik.yaml"]


def test_a_file_over_the_size_cap_is_reported_without_being_read(repo, monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 50)
    diagnostics = load_portfolio(Path("."), models=False).diagnostics
    (line,) = [str(d) for d in diagnostics if d.path == "accounts/nordvik.yaml"]
    assert line.startswith("accounts/nordvik.yaml:1:1: error: file is") and line.endswith("[file-size]")


def test_progress_is_reported_up_to_the_total(repo):
    many_plans(repo, 3)
    seen = []
    load_portfolio(Path("."), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (4, 4)


# The compiled validator only answers "valid?"; its verdict must equal jsonschema's.
def _loadable(path: Path) -> bool:
    try:
        parse(path.read_bytes(), str(path))
    except LoadError:
        return False
    return True


CORPUS = [p for p in sorted(EXAMPLES.glob("*/*.yaml")) + sorted(REPO_ACCOUNTS.glob("[a-z]*.yaml")) if _loadable(p)]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fast_and_full_schema_validators_agree(path):
    document = parse(path.read_bytes(), str(path))
    full_valid = not list(validator("plan").iter_errors(document.data))
    assert is_valid(document.data, "plan") == full_valid


MUTATIONS = [
    ("stakeholders", 0, "last_contact", "2026-02-30"),  # a date that does not exist
    ("stakeholders", 0, "attitude", "fan"),
    ("website", None, None, "not a url"),
    ("situation", "revenue", 0, {"period": "2025-13", "amount": 1}),
    ("reviews", 0, "period", 1899),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: f"{m[0]}-{m[-1]}")
def test_fast_validator_rejects_whatever_jsonschema_rejects(mutation, repo):
    data = parse((repo / "accounts" / "nordvik.yaml").read_bytes()).data
    data = json.loads(json.dumps(data))
    first, second, third, value = mutation
    if second is None:
        data[first] = value
    elif third is None:
        data[first][second] = value
    elif first == "situation":
        data[first][second][third] = value
    else:
        data[first][second][third] = value
    full_valid = not list(validator("plan").iter_errors(data))
    assert is_valid(data, "plan") == full_valid


def test_a_whole_portfolio_run_prunes_the_stale_plan_entries(repo):
    from test_cache import age_all
    cache = repo / ".cache" / "kam"

    def entries() -> set[str]:
        return {str(p.relative_to(cache)) for p in cache.rglob("*") if p.is_file()}

    load_portfolio(Path("."), models=False)
    before = entries()
    assert sorted(p.split("/")[0] for p in before) == ["documents", "plans"]  # the one plan's
    age_all(cache)
    plan = repo / "accounts" / "nordvik.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "summary: Changed.\n", encoding="utf-8")
    load_portfolio(Path("."), [plan])  # one file named: others may still be in use, nothing pruned
    assert before < entries()
    age_all(cache)
    load_portfolio(Path("."))
    after = entries()
    assert len(after) == 2 and not after & before
