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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from .checks import Finding
from .model import HealthRule, Plan, Settings

AT_RISK, ATTENTION, HEALTHY = "at_risk", "attention", "healthy"
STATES = (AT_RISK, ATTENTION, HEALTHY)  # worst first
WORDS = {AT_RISK: "at risk", ATTENTION: "needs attention", HEALTHY: "healthy"}
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
