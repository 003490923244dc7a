"""Silences: a plan says, with a reason, that one finding does not apply to it.

    silenced:
      - check: KAM101
        subject: mari-kask        # optional: only the finding about this id
        reason: Leaves in December; her successor is covered twice already.
        until: 2027-01-31         # optional: the finding comes back after this day

A silence whose `until` has passed no longer silences. A silence that
matches no finding is reported (KAM001), so that dead silences do not pile up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterator

from ..diagnostics import Severity
from ..model import Plan, Silence
from .registry import REGISTRY, Context, Finding, Problem, check, did_you_mean_code


def _matches(silence: Silence, plan: Plan, finding: Finding) -> bool:
    return (finding.account == plan.id and finding.check == silence.check
            and (silence.subject is None or finding.subject == silence.subject))


def _active(silence: Silence, today: dt.date) -> bool:
    return silence.until is None or silence.until >= today


def apply(findings: list[Finding], plan: Plan, today: dt.date) -> list[Finding]:
    """The plan's findings, those an active silence covers marked with its reason."""
    out = []
    for finding in findings:
        reason = next((s.reason for s in plan.silenced if _active(s, today) and _matches(s, plan, finding)), None)
        out.append(dataclasses.replace(finding, silenced=reason) if reason else finding)
    return out


def unknown_checks(plan: Plan) -> Iterator[Problem]:
    """Silences of a check that does not exist: a typo that would leave a finding shown (an error)."""
    for silence in plan.silenced:
        if silence.check not in REGISTRY:
            yield Problem(silence.path + ("check",), f"there is no check {silence.check}"
                          f"{did_you_mean_code(silence.check)}; see the README's table of checks",
                          severity=Severity.ERROR, code="unknown-check")


@check("KAM001", "silence matches nothing", scope="silences")
def unused_silence(plan: Plan, ctx: Context, findings: list[Finding], enabled) -> Iterator[Problem]:
    """A silence in the plan that matches no finding (fixed, expired, or about a check that is off):
    remove it, so that silences stay few and true."""
    for silence in plan.silenced:
        at = silence.path + ("check",)
        target = REGISTRY.get(silence.check)
        if target is None or any(_matches(silence, plan, f) for f in findings):
            continue
        what = f"{silence.check}" + (f" for '{silence.subject}'" if silence.subject else "")
        if target.scope != "plan":
            message = (f"{silence.check} is about the whole portfolio and cannot be silenced in a plan: "
                       f"change its settings in the portfolio settings")
        elif not enabled(target):
            message = f"{silence.check} is off for this account: remove this silence"
        elif not _active(silence, ctx.today):
            message = f"this silence of {what} ended on {silence.until} and matches nothing now: remove it"
        else:
            message = f"this silence of {what} matches no finding: remove it"
        yield Problem(at, message, subject=silence.check)
