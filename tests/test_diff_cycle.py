"""`kam diff` over the pipeline and the timeline: stage changes, new, won and lost opportunities."""

from __future__ import annotations

import json

import pytest

from gitrepo import git_repo  # noqa: F401 - a fixture
from test_diff import BASE, PLAN, kam, start

PIPELINE = """\
opportunities:
  - {id: reefer, title: Reefer monitoring in Muuga, stage: qualified, value: 420000, close: 2026-12-18,
     stakeholders: [kari]}
  - {id: yard, title: Yard gates, stage: proposal, value: 310000, close: 2026-11-30}
  - {id: fleet, title: Fleet renewal, stage: negotiation, value: 90000, close: 2026-12-01}
"""


@pytest.fixture(autouse=True)
def no_checks(monkeypatch):
    from generator import checks

    monkeypatch.setattr(checks, "run_checks", lambda portfolio, today, shared=None: [])


def test_stage_changes_new_won_and_lost_opportunities_in_words(git_repo):
    base = start(git_repo, BASE + PIPELINE)
    git_repo.edit(PLAN, "stage: qualified", "stage: negotiation")
    git_repo.edit(PLAN, "stage: proposal, value: 310000", "stage: lost, lost_reason: Price *30 %* lower, value: 310000")
    git_repo.edit(PLAN, "stage: negotiation, value: 90000, close: 2026-12-01",
                  "stage: won, value: 95000, close: 2026-11-20")
    git_repo.write(PLAN, git_repo.root.joinpath(PLAN).read_text(encoding="utf-8") + """\
  - {id: asset, title: Trailer tracking in Paldiski, stage: identified, value: 260000, close: 2027-03-31}
interactions:
  - {date: 2026-11-18, kind: meeting, summary: Third version of the reefer offer, stakeholders: [kari]}
  - date: 2026-11-02
    kind: complaint
    summary: Reports missing for 12 trucks
    complaint: {opened: 2026-11-02T08:30, responded: 2026-11-02T19:45}
""")
    result = kam("diff", base)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "pportunit" in line or "recorded" in line]
    assert lines == [
        "- Opportunity Reefer monitoring in Muuga: stage qualified → negotiation",
        "- Opportunity lost: Yard gates (310,000 EUR, proposal → lost); reason: Price &#42;30 %&#42; lower",
        "- Opportunity won: Fleet renewal (95,000 EUR, negotiation → won)",
        "- Opportunity Fleet renewal: close 2026-12-01 → 2026-11-20",
        "- Opportunity Fleet renewal: value 90,000 EUR → 95,000 EUR",
        "- Opportunity added: Trailer tracking in Paldiski, identified, 260,000 EUR, close 2027-03-31",
        "- Complaint recorded: 2026-11-02, complaint: Reports missing for 12 trucks",
        "- Interaction recorded: 2026-11-18, meeting: Third version of the reefer offer",
    ]
    assert "Also edited" not in result.stdout


def test_json_kinds_and_a_removed_opportunity(git_repo):
    base = start(git_repo, BASE + PIPELINE)
    git_repo.edit(PLAN, "stage: qualified", "stage: proposal")
    git_repo.edit(PLAN, "  - {id: fleet, title: Fleet renewal, stage: negotiation, value: 90000, close: 2026-12-01}\n",
                  "")
    head = git_repo.commit("Reefer offer sent; fleet renewal dropped")
    changes = json.loads(kam("diff", base, head, "--format", "json").stdout)["accounts"][0]["changes"]
    pipeline = [(c["kind"], c["subject"], c["old"], c["new"]) for c in changes if c["kind"].startswith("opportunity")]
    assert pipeline == [("opportunity-stage", "reefer", "qualified", "proposal"),
                        ("opportunity-removed", "fleet", "negotiation", None)]


def test_an_interaction_rewritten_is_one_removed_and_one_recorded(git_repo):
    base = start(git_repo, BASE + "interactions:\n  - {date: 2026-11-18, kind: call, summary: Volumes for 2027}\n")
    git_repo.edit(PLAN, "Volumes for 2027", "Volumes and prices for 2027")
    lines = [line for line in kam("diff", base).stdout.splitlines() if "Interaction" in line]
    assert lines == ["- Interaction recorded: 2026-11-18, call: Volumes and prices for 2027",
                     "- Interaction removed or rewritten: 2026-11-18, call: Volumes for 2027"]
