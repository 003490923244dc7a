"""What walks out of the door with one of our people: stakeholders who have left do not count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import write
from generator import analyse
from generator.workspace import load_portfolio

PLAN = """\
id: fjord
name: Fjord Fisk AS
owner: jtamm
tier: key
stakeholders:
  - {id: kari, name: Kari, influence: high, attitude: supporter}
  - {id: ola, name: Ola, influence: high, attitude: neutral, left: 2026-06-30}
  - {id: per, name: Per, influence: high, attitude: neutral, left: 2027-03-31}
  - {id: liv, name: Liv, influence: low, attitude: neutral}
team:
  - person: jtamm
    role: account_manager
    covers:
      - {stakeholder: kari, strength: strong}
      - {stakeholder: ola, strength: strong}
      - {stakeholder: per, strength: weak}
      - {stakeholder: liv, strength: weak}
  - person: pmakela
    role: executive_sponsor
    covers:
      - {stakeholder: kari, strength: medium}
"""


def plan(repo):
    write(repo, "accounts/fjord.yaml", PLAN)
    return load_portfolio(Path(".")).portfolio()


def test_only_high_influence_stakeholders_still_there_and_covered_by_nobody_else_are_lost(repo):
    portfolio = plan(repo)
    fjord = portfolio.plan("fjord")
    # kari is also covered by pmakela; ola left before today; per leaves after it; liv is low influence
    assert analyse.uncovered_if_gone(fjord, "jtamm", today=dt.date(2026, 11, 23)) == ["per"]
    assert analyse.uncovered_if_gone(fjord, "jtamm") == []  # without a date, any recorded leaver is gone
    assert analyse.uncovered_if_gone(fjord, "pmakela", today=dt.date(2026, 11, 23)) == []


def test_portfolio_exposure_collects_accounts_coverage_and_losses(repo):
    exposure = analyse.portfolio_exposure(plan(repo), dt.date(2026, 11, 23))
    assert exposure["jtamm"].accounts == ("fjord", "nordvik")
    assert exposure["jtamm"].lost_high_influence == (("fjord", "per"),)
    assert ("fjord", "ola") in exposure["jtamm"].covered
