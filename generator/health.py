"""Account health: one state per account (at risk / needs attention / healthy) from its policy findings.

The rule, configurable under `health:` in accounts/_portfolio.yaml:

    score  = sum over the account's active (not silenced) findings of
             points[severity] * weight[check]
    state  = "at_risk"   when score >= at_risk
             "attention" when score >= attention
             "healthy"   otherwise

Defaults: points error 4, warning 1, info 0; every check weighs 1; at_risk 4,
attention 1 (one error, or four warnings, put an account at risk; one warning
asks for attention). A tier can set its own thresholds and weights
(`health.tiers.<tier>`), which override the portfolio's. The severity is the
finding's own, so a check made an error for one tier in `checks:` already
weighs more there. Plain data for the pages: no Markdown here.

The trend (`trends`) compares the account now with the account at its last
review: the plan as the commit that recorded that review held it, checked
as of the review's date, against today's findings of the plan. Both sides
leave out the checks that compare accounts with each other (KAM5xx, and
KAM001 which looks at their findings): they cannot run on a past version of
one plan. So only the plan's own changes and the passing of time move it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Optional

from . import gitio
from .i18n import N_, Translated
from .checks import Finding, run_checks
from .load import parse
from .model import HealthRule, Plan, Portfolio, Settings, build_plan
from .validate import is_valid

AT_RISK, ATTENTION, HEALTHY = "at_risk", "attention", "healthy"
STATES = (AT_RISK, ATTENTION, HEALTHY)  # worst first
WORDS = Translated({  # a health state as a word: badges, tables, the trend line
    AT_RISK: N_("at risk"), ATTENTION: N_("needs attention"), HEALTHY: N_("healthy"),
})
RANK = {state: i for i, state in enumerate(STATES)}
SEVERITIES = ("error", "warning", "info")
DEFAULT_POINTS = {"error": 4.0, "warning": 1.0, "info": 0.0}


@dataclass(frozen=True)
class Rule:
    """The health rule for one tier, with every default filled in."""

    points: Mapping[str, float]
    weights: Mapping[str, float]
    at_risk: float
    attention: float


@dataclass(frozen=True)
class Health:
    account: str
    state: str  # one of STATES
    score: float
    counts: tuple[int, int, int]  # active findings: errors, warnings, info
    silenced: int  # findings the plan silences (not counted)

    @property
    def word(self) -> str:
        return WORDS[self.state]

    @property
    def rank(self) -> int:
        return RANK[self.state]


def rule_for(settings: Settings, tier_id: Optional[str]) -> Rule:
    """The rule for a tier: the tier's settings over the portfolio's over the defaults."""
    base: HealthRule = settings.health
    points = {**DEFAULT_POINTS, **dict(base.points)}
    weights = dict(base.weights)
    at_risk, attention = base.at_risk, base.attention
    tier = base.tiers.get(tier_id) if tier_id else None
    if tier is not None:
        points.update(tier.points)
        weights.update(tier.weights)
        at_risk = tier.at_risk if tier.at_risk is not None else at_risk
        attention = tier.attention if tier.attention is not None else attention
    return Rule(points, weights, at_risk, attention)


def score(findings: Iterable[Finding], rule: Rule) -> float:
    return sum(rule.points.get(f.severity.value, 0) * rule.weights.get(f.check, 1.0)
               for f in findings if not f.silenced)


def state_of(value: float, rule: Rule) -> str:
    if value >= rule.at_risk:
        return AT_RISK
    if value >= rule.attention:
        return ATTENTION
    return HEALTHY


def assess(plan: Plan, settings: Settings, findings: Iterable[Finding]) -> Health:
    """The health of one account from its findings (other accounts' findings are ignored)."""
    own = [f for f in findings if f.account == plan.id]
    active = [f for f in own if not f.silenced]
    rule = rule_for(settings, plan.tier)
    value = score(active, rule)
    counts = tuple(sum(f.severity.value == s for f in active) for s in SEVERITIES)
    return Health(plan.id, state_of(value, rule), value, counts, len(own) - len(active))


def portfolio_health(plans: Iterable[Plan], settings: Settings, findings: Iterable[Finding]) -> dict[str, Health]:
    """Every account's health, by plan id."""
    by_account: dict[str, list[Finding]] = {}
    for finding in findings:
        by_account.setdefault(finding.account or "", []).append(finding)
    return {plan.id: assess(plan, settings, by_account.get(plan.id, ())) for plan in plans}


def trend(now: Health, before: Optional[Health]) -> Optional[str]:
    """'better', 'worse' or 'same' against an earlier health; None when there is none."""
    if before is None:
        return None
    if now.rank != before.rank:
        return "better" if now.rank > before.rank else "worse"
    if now.score != before.score:
        return "better" if now.score < before.score else "worse"
    return "same"


@dataclass(frozen=True)
class Trend:
    direction: str  # 'better', 'worse' or 'same'
    period: str  # the review compared with
    before: Health


ALONE = ("KAM5", "KAM001")  # checks that need the other accounts (or the findings of those): left out of trends
_MEMO: dict[tuple, Health] = {}  # a past version's health, kept while `kam serve` / `mkdocs serve` rebuilds
MEMO_SIZE = 20_000


def _own(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not f.check.startswith(ALONE)]


def _alone(portfolio: Portfolio, plan: Plan, today: dt.date) -> Health:
    """The plan's health from the checks run on it alone (no other account to compare it with)."""
    single = dataclasses.replace(portfolio, plans=(plan,))
    return assess(plan, portfolio.settings, _own(run_checks(single, today)))


def _before(portfolio: Portfolio, plan: Plan, raw: bytes, when: dt.date, context: str) -> Optional[Health]:
    """The health of an old version of `plan` (its bytes `raw`) as of `when`; None when it is not a valid plan."""
    key = (hashlib.sha256(raw).hexdigest(), plan.file, when, context)
    if key not in _MEMO:
        try:
            document = parse(raw, plan.file)
            old = build_plan(document) if is_valid(document.data, "plan") else None
        except Exception:  # noqa: BLE001 - an old version may hold anything: no trend, never a failed build
            old = None
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        _MEMO[key] = _alone(portfolio, old, when) if old is not None else None
    return _MEMO[key]


def trends(root: Path, portfolio: Portfolio, histories: Mapping, today: dt.date,
           findings: Iterable[Finding]) -> dict[str, Trend]:
    """Each account's trend since its last review, where git holds the plan as that review left it.
    `findings` are today's (run_checks on the whole portfolio); each plan's own are compared."""
    wanted = {}
    for plan in portfolio.plans:
        record = histories.get(plan.id)
        reviews = record.reviews if record is not None and record.available else ()
        if reviews:
            wanted[plan.id] = (reviews[-1], f"{reviews[-1].recorded.id}:{record.path}")
    try:
        blobs = gitio.read_objects(root, [name for _, name in wanted.values()])
    except gitio.GitError:
        return {}
    context = hashlib.sha256(repr((portfolio.settings, sorted(portfolio.people.items()))).encode()).hexdigest()
    today_by_plan: dict[str, list[Finding]] = {}
    for finding in _own(findings):
        today_by_plan.setdefault(finding.account or "", []).append(finding)
    out = {}
    for plan in portfolio.plans:
        if plan.id not in wanted or wanted[plan.id][1] not in blobs:
            continue
        review, name = wanted[plan.id]
        before = _before(portfolio, plan, blobs[name], review.date, context)
        if before is not None:
            now = assess(plan, portfolio.settings, today_by_plan.get(plan.id, ()))
            out[plan.id] = Trend(trend(now, before) or "same", review.period, before)
    return out
