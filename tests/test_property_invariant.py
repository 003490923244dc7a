"""The invariant, as a property: for any input, if `kam validate` exits 0 then `kam check` and
the site build succeed; if it does not, the user gets positioned diagnostics, never a traceback
or `internal error`.

Inputs: plans generated from the plan schema (made consistent, so most of them pass) and hostile
variations of the example plans in accounts/ (values replaced, deleted or duplicated; bytes
inserted). CI runs a fixed, derandomized handful of examples per test (profile `ci`); set
KAM_HYPOTHESIS_PROFILE=long for a thorough run (several minutes).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strategies as plans
from generator import checks, load, site, validate
from generator.cli import main
from test_site import build_site, make_repo

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "minimal"
EXAMPLES = sorted(p for p in (REPO / "accounts").glob("*.yaml") if not p.name.startswith("_"))
TODAY = "2026-11-23"

_common = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck))
settings.register_profile("ci", max_examples=20, derandomize=True, **_common)
settings.register_profile("long", max_examples=400, **_common)
PROFILE = os.environ.get("KAM_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

POSITIONED = re.compile(r"^.+:\d+:\d+: (error|warning|info): .+ \[[A-Za-z0-9-]+\]$")


def kam(*args: str):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": "", "CI": "1"})


def _said_plainly(result) -> list[str]:
    """The run ended as kam means runs to end: exit 0 or 1, no exception, one positioned line per finding."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    lines = result.stdout.splitlines()
    for line in lines:
        assert POSITIONED.match(line), line
    return lines


def assert_invariant(root: Path, mkdocs: bool = False) -> bool:
    """Check the invariant on the plans repository at `root`; True when the plans were valid."""
    validated = kam("validate", "--root", str(root))
    lines = _said_plainly(validated)
    if validated.exit_code:
        assert any(": error: " in line for line in lines), validated.output
        return False
    _said_plainly(kam("check", "--root", str(root), "--today", TODAY))
    today = dt.date.fromisoformat(TODAY)
    portfolio = site.load(root)
    findings = checks.run_checks(portfolio, today)
    built = site.build(portfolio, findings, site.Options(today, cache_dir=root / ".cache" / "svg", workers=1))
    assert built.pages and all(path.is_file() for path in built.diagrams.values())
    if mkdocs:
        build_site(root, root / "site", today=TODAY)
        assert (root / "site" / "index.html").is_file()
    return True


def _repo_with(plan_text: str | bytes, name: str, base: Path) -> Path:
    """A repository with the settings and people of `base`, the plan, and the plan's notes and documents."""
    root = Path(tempfile.mkdtemp(prefix="kam-prop-"))
    shutil.copytree(base, root / "accounts", ignore=lambda folder, names: [
        n for n in names if folder == str(base) and not n.startswith("_") and n.split(".")[0] != name])
    path = root / "accounts" / f"{name}.yaml"
    path.write_bytes(plan_text if isinstance(plan_text, bytes) else plan_text.encode("utf-8"))
    return root


PLAN_SCHEMA = validate.validator("plan").schema
PEOPLE, TIERS = ["jtamm", "pmakela", "oodegard"], ["strategic", "key", "development"]


@st.composite
def generated_plans(draw):
    data = draw(plans.from_schema(PLAN_SCHEMA))
    return plans.consistent(data, draw(st.randoms(use_true_random=False)), PEOPLE, TIERS)


@given(plan=generated_plans(), flow=st.booleans())
def test_plans_the_schema_accepts_validate_cleanly_or_build(plan, flow):
    root = _repo_with(plans.to_yaml(plan, flow), plan["id"], MINIMAL / "accounts")
    try:
        assert_invariant(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@st.composite
def generated_portfolios(draw):
    """Settings and people from their schemas, and a plan that uses them."""
    settings_data = draw(plans.from_schema(validate.validator("portfolio").schema))
    settings_data["tiers"] = plans._unique(settings_data["tiers"], "id")
    people = draw(plans.from_schema(validate.validator("people").schema))
    people["people"] = plans._unique(people.get("people", []), "id") or [{"id": "jtamm", "name": "Jüri Tamm"}]
    plan = draw(plans.from_schema(PLAN_SCHEMA))
    ids = [p["id"] for p in people["people"] if "left" not in p] or [people["people"][0]["id"]]
    rnd = draw(st.randoms(use_true_random=False))
    return settings_data, people, plans.consistent(plan, rnd, ids, [t["id"] for t in settings_data["tiers"]])


@given(portfolio=generated_portfolios())
def test_generated_settings_and_people_validate_cleanly_or_build(portfolio):
    settings_data, people, plan = portfolio
    root = Path(tempfile.mkdtemp(prefix="kam-prop-"))
    try:
        (root / "accounts").mkdir()
        (root / "accounts" / "_portfolio.yaml").write_text(plans.to_yaml(settings_data), encoding="utf-8")
        (root / "accounts" / "_people.yaml").write_text(plans.to_yaml(people), encoding="utf-8")
        (root / "accounts" / f"{plan['id']}.yaml").write_text(plans.to_yaml(plan), encoding="utf-8")
        assert_invariant(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@given(example=st.sampled_from(EXAMPLES), rnd=st.randoms(use_true_random=False),
       values=st.lists(plans.HOSTILE_VALUES, min_size=1, max_size=4))
def test_hostile_variations_of_the_examples_are_errors_or_build(example, rnd, values):
    data = load.parse(example.read_bytes(), str(example)).data
    for value in values:
        plans.mutate(data, rnd, value)
    root = _repo_with(plans.to_yaml(data, rnd.random() < 0.3), example.stem, REPO / "accounts")
    try:
        assert_invariant(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@given(example=st.sampled_from(EXAMPLES), rnd=st.randoms(use_true_random=False),
       insert=st.one_of(st.binary(min_size=1, max_size=4),
                        st.sampled_from([b"\x01", b"&", b"*", b"!", b"\t", b"\r", b"\n", b"\xef\xbf\xbe",
                                         b"\xff", b"[", b"{", b"'", b'"', b"\\", b"#", b": ", b"- ", b"\x00"])))
def test_plans_with_stray_bytes_are_errors_or_build(example, rnd, insert):
    root = _repo_with(plans.mutate_bytes(example.read_bytes(), rnd, insert), example.stem, REPO / "accounts")
    try:
        assert_invariant(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=3 if PROFILE == "ci" else 40)
@given(plan=generated_plans())
def test_a_valid_generated_plan_builds_with_mkdocs(plan):
    root = make_repo(Path(tempfile.mkdtemp(prefix="kam-prop-")) / "repo", MINIMAL)
    try:
        (root / "accounts" / "nordvik.yaml").unlink()
        (root / "accounts" / f"{plan['id']}.yaml").write_text(plans.to_yaml(plan), encoding="utf-8")
        assert_invariant(root, mkdocs=True)
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


def test_most_generated_plans_are_valid_so_the_build_is_exercised():
    """A property that only ever saw invalid plans would test nothing past validate."""
    outcomes: list[bool] = []

    @settings(max_examples=15, derandomize=True, **_common)
    @given(generated_plans())
    def run(plan):
        root = _repo_with(plans.to_yaml(plan), plan["id"], MINIMAL / "accounts")
        try:
            outcomes.append(kam("validate", "--root", str(root)).exit_code == 0)
        finally:
            shutil.rmtree(root, ignore_errors=True)

    run()
    assert sum(outcomes) >= len(outcomes) / 3, outcomes
