"""Policy checks (`kam check`): a valid plan can still describe an account at risk.

Interface used by the CLI and the site (the checks themselves live in the
modules of this package, registered under a stable code):

    run_checks(portfolio, today) -> list[Finding]

A Finding wraps the one Diagnostic type (so reporters print it like a
validation error) with what the site needs to group it.

The modules, one per group of checks (codes by group):
    relationships   KAM101-KAM106  coverage of the customer's people
    rhythm          KAM201-KAM203  reviews and goals
    promises        KAM301-KAM306  actions, commitments, proposals, tenders
    care            KAM401-KAM404  the tier's care model: roles, team size, complaint response, management meetings
    portfolio       KAM501-KAM504  revenue concentration, people exposure
    classification  KAM601-KAM602  tier against the key-account criteria
    retention       KAM701         personal data kept after a stakeholder left
    pipeline        KAM801-KAM803  opportunities: close dates, economic buyers, lost reasons
    silences        KAM001         silences that match nothing
registry.py holds the decorator and types, config.py reads settings.checks,
runner.py runs them and places the findings.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..model import Portfolio
from . import (  # noqa: F401 - register
    care, classification, pipeline, portfolio, promises, relationships, retention, rhythm, silences)
from .registry import REGISTRY, Check, Finding, Param

__all__ = ["Finding", "run_checks", "REGISTRY", "Check", "Param"]


def run_checks(portfolio: Portfolio, today: dt.date, shared: dict | None = None, *,
               graphs: Optional[dict] = None, memo: Optional[dict] = None,
               timeless: Optional[dict] = None) -> list[Finding]:
    """Every finding of every enabled check, silenced ones included (marked), sorted by file and line.
    `shared`: computations that do not depend on the date, from an earlier run or the site; `graphs`: the
    plans' coverage graphs from an earlier run (kept by `kam serve`), reused where the plan is the same
    object; `memo`: each plan's findings by check from an earlier run, likewise; `timeless`: the same for
    the checks that did not read the date, from a run on any date (the quarterly reports' days)."""
    from .runner import run

    return run(portfolio, today, shared, {} if graphs is None else graphs, memo, timeless)
