"""The checks' settings (settings.checks): what each check does for a tier, and typos in them.

For a plan in tier T, a setting is the first one given of: checks.<code>.tiers.T,
checks.<code>, the check's default; a parameter that names a care-model field
takes its default from T's care model. Unknown codes, parameters and tiers are
errors at their line in the settings file: a typo must not silently turn a
check off or leave a threshold at its default.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterator, Optional

from ..diagnostics import Severity
from ..model import CheckSetting, Settings, Tier, TierCheckSetting
from ..i18n import _
from .registry import REGISTRY, Check, Problem, no_such_check
from .wording import closest


@dataclass(frozen=True)
class Effective:
    enabled: bool
    severity: Severity
    params: dict[str, Any]


def _valid(check: Check, params) -> dict[str, Any]:
    """The parameters that name a known parameter and have a usable value."""
    out = {}
    for name, value in params.items():
        param = check.param(name)
        if param is not None and param.problem(value, check.code) is None:
            out[name] = float(value) if param.kind is float else value
    return out


def _setting(code: str, value) -> CheckSetting:
    """A CheckSetting, also when the model left it a plain mapping (model.build does not convert
    Mapping[str, dataclass] values: typing.get_origin gives collections.abc.Mapping)."""
    if isinstance(value, CheckSetting):
        return value
    path = ("checks", code)
    tiers = {tier_id: TierCheckSetting(raw.get("enabled"), raw.get("severity"),
                                       MappingProxyType(dict(raw.get("params") or {})), path + ("tiers", tier_id))
             for tier_id, raw in (value.get("tiers") or {}).items()}
    return CheckSetting(value.get("enabled"), value.get("severity"), MappingProxyType(dict(value.get("params") or {})),
                        MappingProxyType(tiers), path)


class CheckConfig:
    """settings.checks, read once per run."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.checks = {code: _setting(code, value) for code, value in settings.checks.items()}
        self._resolved: dict[tuple, Effective] = {}

    def resolve(self, check: Check, tier: Optional[Tier] = None) -> Effective:
        key = (check.code, tier.id if tier else None)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(check, tier)
        return self._resolved[key]

    def _resolve(self, check: Check, tier: Optional[Tier]) -> Effective:
        setting = self.checks.get(check.code) or CheckSetting()
        override = setting.tiers.get(tier.id) if tier is not None and check.scope != "portfolio" else None
        params: dict[str, Any] = {}
        for param in check.params:
            if param.care_model and tier is not None:
                params[param.name] = getattr(tier.care_model, param.care_model)
            else:
                params[param.name] = param.default
        params.update(_valid(check, setting.params))
        enabled = setting.enabled if setting.enabled is not None else True
        severity = setting.severity or check.default_severity.value
        if override is not None:
            params.update(_valid(check, override.params))
            enabled = override.enabled if override.enabled is not None else enabled
            severity = override.severity or severity
        return Effective(enabled, Severity(severity), params)

    def problems(self) -> Iterator[Problem]:
        """Every unknown code, parameter or tier, and every unusable value, in settings.checks."""
        tiers = [t.id for t in self.settings.tiers]
        for code, setting in self.checks.items():
            check = REGISTRY.get(code)
            if check is None:
                yield _error(setting.path, no_such_check(code), "unknown-check", key=True)
                continue
            yield from _param_problems(check, setting.params, setting.path + ("params",))
            for tier_id, override in setting.tiers.items():
                if check.scope == "portfolio":
                    yield _error(override.path, _("{code} looks at the whole portfolio: it has no per-tier "
                                                  "settings").format(code=code), "unknown-tier", key=True)
                elif tier_id not in tiers:
                    yield _error(override.path, _not_a_tier(tier_id, tiers), "unknown-tier", key=True)
                else:
                    yield from _param_problems(check, override.params, override.path + ("params",))
        yield from health_problems(self.settings)


def health_problems(settings: Settings) -> Iterator[Problem]:
    """Unknown check codes and tiers under settings.health (generator/health.py reads it): a typo
    there must not silently leave a weight or a tier's rule unused."""
    tiers = [t.id for t in settings.tiers]
    rules = [(settings.health.weights, ("health", "weights"))]
    for tier_id, rule in settings.health.tiers.items():
        if tier_id not in tiers:
            yield _error(("health", "tiers", tier_id), _not_a_tier(tier_id, tiers), "unknown-tier", key=True)
        rules.append((rule.weights, ("health", "tiers", tier_id, "weights")))
    for weights, path in rules:
        for code in weights:
            if code not in REGISTRY:
                yield _error(path + (code,), no_such_check(code), "unknown-check", key=True)


def _not_a_tier(tier_id: str, tiers: list[str]) -> str:
    meant, names = closest(tier_id, tiers), {"tier": tier_id, "tiers": ", ".join(tiers)}
    if meant:
        # Translators: {tier} is a tier id as the user wrote it, {tiers} the settings' tier ids, {meant} the likely one.
        return _("'{tier}' is not a tier of the portfolio settings ({tiers}) (did you mean '{meant}'?)").format(
            meant=meant, **names)
    return _("'{tier}' is not a tier of the portfolio settings ({tiers})").format(**names)


def _error(path: tuple, message: str, code: str, *, key: bool = False) -> Problem:
    return Problem(path, message, key=key, source="settings", severity=Severity.ERROR, code=code)


def _param_problems(check: Check, params, path: tuple) -> Iterator[Problem]:
    for name, value in params.items():
        param = check.param(name)
        if param is None:
            yield _error(path + (name,), _no_such_param(check, name), "unknown-param", key=True)
        elif (why := param.problem(value, check.code)) is not None:
            yield _error(path + (name,), why, "bad-param")


def _no_such_param(check: Check, name: str) -> str:
    known = [p.name for p in check.params]
    if not known:
        # Translators: {code} is a check code (KAM101), {name} a parameter as written in the settings.
        return _("{code} has no parameter '{name}'; it has no parameters").format(code=check.code, name=name)
    names = {"code": check.code, "name": name, "known": ", ".join(known)}
    meant = closest(name, known)
    if meant:
        # Translators: {known} are the check's parameter names, {meant} the one the user likely meant.
        return _("{code} has no parameter '{name}' (did you mean '{meant}'?); its parameters are: {known}").format(
            meant=meant, **names)
    return _("{code} has no parameter '{name}'; its parameters are: {known}").format(**names)
