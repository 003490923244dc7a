"""Policy checks (`kam check`): a valid plan can still describe an account at risk.

Interface used by the CLI and the site (the checks themselves live in the
modules of this package, registered under a stable code):

    run_checks(portfolio, today) -> list[Finding]

A Finding wraps the one Diagnostic type (so reporters print it like a
validation error) with what the site needs to group it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..diagnostics import Diagnostic
from ..model import Portfolio


@dataclass(frozen=True)
class Finding:
    diagnostic: Diagnostic
    check: str  # the check's code, e.g. KAM101
    account: Optional[str] = None  # plan id; None for portfolio-wide findings
    subject: Optional[str] = None  # the id the finding is about (stakeholder, action, person ...)
    people: tuple[str, ...] = ()  # our people who carry this risk (for their person pages)
    silenced: Optional[str] = None  # the reason, when the plan silences this finding

    @property
    def severity(self):
        return self.diagnostic.severity

    @property
    def message(self) -> str:
        return self.diagnostic.message


def run_checks(portfolio: Portfolio, today: dt.date) -> list[Finding]:
    """Every finding of every enabled check, silenced ones included (marked)."""
    return []  # replaced by the registry of checks (issue: account health)
