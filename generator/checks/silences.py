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

from .. import formats
from ..diagnostics import Severity
from ..model import Plan, Silence
from ..i18n import _
from .registry import REGISTRY, Context, Finding, Problem, check, no_such_check


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
            yield Problem(silence.path + ("check",), no_such_check(silence.check),
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
        yield Problem(at, _unused(silence, target, enabled, ctx), subject=silence.check)


def _unused(silence: Silence, target, enabled, ctx: Context) -> str:
    """Why a silence matches nothing, and what to do."""
    names = {"code": silence.check, "subject": silence.subject}
    if target.scope != "plan":
        # Translators: {code} is a check code (KAM503).
        return _("{code} is about the whole portfolio and cannot be silenced in a plan: change its settings in the "
                 "portfolio settings").format(**names)
    if not enabled(target):
        return _("{code} is off for this account: remove this silence").format(**names)
    if not _active(silence, ctx.today):
        until = formats.date(silence.until)
        if silence.subject:
            # Translators: {code} is a check code (KAM101), {subject} the id the silence is about, as written in
            # the plan.
            return _("this silence of {code} for '{subject}' ended on {date} and matches nothing now: "
                     "remove it").format(date=until, **names)
        return _("this silence of {code} ended on {date} and matches nothing now: remove it").format(
            date=until, **names)
    if silence.subject:
        return _("this silence of {code} for '{subject}' matches no finding: remove it").format(**names)
    return _("this silence of {code} matches no finding: remove it").format(**names)
