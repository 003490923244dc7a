"""Who a site build is for (team or company), what that audience may see, and the opt-in for personal data.

    team     the account teams (default): the whole plan, personal data only when that build asks for it
    company  everyone in our company: accounts, goals, revenue, health and our coverage, but no
             attitudes, influence, buying roles, priorities, notes or personal data of the customer's people

The company audience is made by redacting the model (`for_audience`), so no page, diagram or search
index of that build can hold what was left out: the pages ask `ctx.audience` only to drop columns and
legends that would be empty.
"""

from __future__ import annotations

import os
import re
import types
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Optional, Sequence

from .diagnostics import Diagnostic, Severity
from .i18n import N_, _
from .model import Plan, Portfolio, Stakeholder

if TYPE_CHECKING:  # the checks import networkx: kam validate does not need them
    from .checks import Finding

TEAM, COMPANY = "team", "company"
AUDIENCES = (TEAM, COMPANY)
AUDIENCE_ENV = "KAM_AUDIENCE"
PRIVATE_ENV = "KAM_INCLUDE_PRIVATE"
# Set in the `env:` of the one workflow step that may build with personal data (never at job or workflow
# level, never in the workflow that publishes to Pages): without it a build in CI refuses personal data.
PRIVATE_CI_ENV = "KAM_PRIVATE_BUILD_STEP"

# Checks whose findings speak of attitudes, influence or buying roles of named people: a company build
# shows that the finding exists, not what it says.
JUDGEMENT_CHECKS = frozenset({"KAM101", "KAM102", "KAM103", "KAM104", "KAM105", "KAM504", "KAM802"})

# Translators: in the company's site, in place of the reason a finding was silenced (only the team reads it).
TEAM_REASON = N_("(the account team's reason)")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


class AudienceError(Exception):
    """The build's audience or personal-data opt-in is wrong; the message says what to do."""


def _flag(name: str, environ: Mapping[str, str]) -> bool:
    value = environ.get(name, "").strip().lower()
    if value not in _TRUE | _FALSE:
        raise AudienceError(f"{name} must be 1 or 0 (true/false, yes/no, on/off); got {environ[name]!r}")
    return value in _TRUE


def audience_from(option: Optional[str], environ: Mapping[str, str]) -> str:
    """The build's audience: KAM_AUDIENCE, else the plugin option, else team."""
    value = (environ.get(AUDIENCE_ENV, "").strip() or (option or "").strip() or TEAM).lower()
    if value not in AUDIENCES:
        raise AudienceError(f"audience must be team or company; got {value!r} "
                            f"(the plugin option `audience` or {AUDIENCE_ENV})")
    return value


_OPTION = re.compile(r"^(\s*)(include_private|audience)\s*:\s*([^#]*?)\s*(#.*)?$")


def site_config_problems(root: Path) -> list[Diagnostic]:
    """Errors in the committed mkdocs.yml that `kam validate` reports (the plans workflow runs on its
    changes): a literal `include_private: true`, an audience that does not exist."""
    path = root / "mkdocs.yml"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    relative = os.path.relpath(path)
    shown = str(path) if relative.startswith("..") and path.is_absolute() else relative
    problems = []
    for number, line in enumerate(lines, 1):
        match = _OPTION.match(line)
        if not match or not match.group(3) or match.group(3).startswith("!ENV"):
            continue
        column, option, value = len(match.group(1)) + 1, match.group(2), match.group(3).strip("'\"").lower()
        if option == "include_private" and value in _TRUE:
            problems.append(Diagnostic(shown, number, column, Severity.ERROR, "private-committed",
                                       "include_private: true here would publish the customer's personal data "
                                       f"with every build: remove it; the one build that needs it sets {PRIVATE_ENV}=1"))
        elif option == "audience" and value not in AUDIENCES:
            problems.append(Diagnostic(shown, number, column, Severity.ERROR, "unknown-audience",
                                       f"audience must be team or company, not {value!r}"))
    return problems


def private_opt_in(option: bool, audience: str, environ: Mapping[str, str]) -> bool:
    """Whether this build shows personal data: only when its own command line or environment asks
    (KAM_INCLUDE_PRIVATE=1), never because of a committed file; refused for the company audience and,
    in CI, outside the one workflow step that says so (KAM_PRIVATE_BUILD_STEP=1 in that step's env)."""
    asked = _flag(PRIVATE_ENV, environ)
    if option and not asked:
        raise AudienceError(
            "include_private is true in mkdocs.yml: a committed setting would publish the customer's "
            "personal data with every build, so it is refused. Remove it (or keep "
            f"`include_private: !ENV [{PRIVATE_ENV}, false]`) and ask for personal data in the one build "
            f"that needs it: {PRIVATE_ENV}=1 make site")
    if not asked:
        return False
    if audience != TEAM:
        raise AudienceError(f"personal data is for the account team only: a {audience} build cannot include "
                            f"it; unset {PRIVATE_ENV}, or build for the team ({AUDIENCE_ENV}=team)")
    if environ.get("CI") and not _flag(PRIVATE_CI_ENV, environ):
        raise AudienceError(
            f"{PRIVATE_ENV} is set in CI: personal data is built in CI only by a workflow step of its own "
            f"that sets {PRIVATE_CI_ENV}=1 in its env (never the workflow that publishes to Pages)")
    return True


# --- what the company audience sees ---------------------------------------------

def _company_stakeholder(s: Stakeholder) -> Stakeholder:
    # attitude and influence are required by the model: neutral placeholders that the pages do not show
    return replace(s, attitude="neutral", influence="medium", buying_roles=(), influences=(), priorities=None,
                   notes=None, private=types.MappingProxyType({}))


def _company_plan(plan: Plan) -> Plan:
    silenced = tuple(replace(s, reason=_(TEAM_REASON), subject=None) if s.check in JUDGEMENT_CHECKS else s
                     for s in plan.silenced)
    return replace(plan, stakeholders=tuple(_company_stakeholder(s) for s in plan.stakeholders), silenced=silenced)


def _company_finding(finding: Finding) -> Finding:
    if finding.check not in JUDGEMENT_CHECKS:
        return finding
    # Translators: a finding in the company's site, which does not show what it says about people;
    # {title} is the check's title (or its code, KAM101).
    text = _("{title}: the details are on the account team's site").format(title=finding.title or finding.check)
    return replace(finding, diagnostic=replace(finding.diagnostic, message=text), subject=None,
                   silenced=_(TEAM_REASON) if finding.silenced else None)


def for_audience(portfolio: Portfolio, findings: Sequence[Finding], audience: str
                 ) -> tuple[Portfolio, tuple[Finding, ...]]:
    """The portfolio and findings as `audience` may see them (findings are computed on the whole plan
    first, so an account's health is the same for every audience)."""
    if audience == TEAM:
        return portfolio, tuple(findings)
    plans = tuple(_company_plan(plan) for plan in portfolio.plans)
    return replace(portfolio, plans=plans), tuple(_company_finding(f) for f in findings)

