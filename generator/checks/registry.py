"""The registry of policy checks: each check is a generator registered under a stable code.

    @check("KAM101", "single-threaded decision maker", params=[Param("min_contacts", ...)])
    def single_threaded(plan: Plan, ctx: Context) -> Iterator[Problem]:
        ...
        yield Problem(stakeholder.path + ("id",), "decision maker ... is covered only by ...")

A plan check runs once per plan with the parameters resolved for the plan's
tier; a portfolio check runs once. A check yields Problems (where and what);
the runner turns them into Findings with the configured severity, the file,
the line and the column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Optional

from .. import formats
from ..diagnostics import Diagnostic, Severity
from ..i18n import _
from ..model import Plan, Portfolio, Settings, Tier


@dataclass(frozen=True)
class Finding:
    diagnostic: Diagnostic
    check: str  # the check's code, e.g. KAM101
    account: Optional[str] = None  # plan id; None for portfolio-wide findings
    subject: Optional[str] = None  # the id the finding is about (stakeholder, action, person ...)
    people: tuple[str, ...] = ()  # our people who carry this risk (for their person pages)
    silenced: Optional[str] = None  # the reason, when the plan silences this finding
    title: str = ""  # the check's short title, for dashboards

    @property
    def severity(self):
        return self.diagnostic.severity

    @property
    def message(self) -> str:
        return self.diagnostic.message


@dataclass(frozen=True)
class Param:
    """One threshold of a check, as written under `params:` in the settings."""

    name: str
    kind: type  # int, float, str or bool
    description: str
    default: Any = None
    care_model: Optional[str] = None  # when set, the default is this field of the tier's care model
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    choices: tuple = ()

    def problem(self, value: Any, code: str) -> Optional[str]:
        """Why `value` cannot be this parameter of check `code` (a whole message), or None when it can."""
        if self.kind is bool:
            ok = isinstance(value, bool)
        elif self.kind is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        else:
            ok = isinstance(value, self.kind) and not isinstance(value, bool)
        names = {"code": code, "name": self.name, "value": repr(value)}
        if not ok:
            # Translators: {code} is a check code (KAM101), {name} a parameter as written in the settings,
            # {value} what the settings give it, as written.
            return {int: _("{code} parameter '{name}' must be a whole number, not {value}"),
                    float: _("{code} parameter '{name}' must be a number, not {value}"),
                    str: _("{code} parameter '{name}' must be text, not {value}"),
                    bool: _("{code} parameter '{name}' must be true or false, not {value}")}[self.kind].format(**names)
        if self.choices and value not in self.choices:
            # Translators: {choices} are the values the parameter may take, as written in the settings.
            return _("{code} parameter '{name}' must be one of: {choices}; got {value}").format(
                choices=", ".join(map(str, self.choices)), **names)
        if self.minimum is not None and value < self.minimum:
            return _("{code} parameter '{name}' must be at least {minimum}; got {value}").format(
                minimum=formats.figure(self.minimum), **names)
        if self.maximum is not None and value > self.maximum:
            return _("{code} parameter '{name}' must be at most {maximum}; got {value}").format(
                maximum=formats.figure(self.maximum), **names)
        return None

    def describe_default(self) -> str:
        if self.care_model:
            return f"the tier's care_model.{self.care_model}"
        return str(self.default).lower() if isinstance(self.default, bool) else f"{self.default}"


@dataclass(frozen=True)
class Problem:
    """What a check yields: a place in a file and a message.

    `at` is a path into the plan (or, with `source`, into the settings or
    people file); `plan` names the plan for portfolio checks.
    """

    at: tuple
    message: str
    subject: Optional[str] = None
    people: tuple[str, ...] = ()
    key: bool = False  # point at the key rather than the value
    plan: Optional[Plan] = None
    source: str = "plan"  # "plan", "settings" or "people"
    severity: Optional[Severity] = None  # overrides the configured one (notes about the check itself)
    code: Optional[str] = None  # reported under this code instead of the check's (settings errors)


@dataclass
class Context:
    """What a check may know besides the plan: the date, its parameters, the portfolio."""

    date: dt.date  # read it as `today`: a check that never does finds the same on any date
    params: Mapping[str, Any]
    portfolio: Portfolio
    tier: Optional[Tier] = None
    shared: dict = field(default_factory=dict)  # computations shared by all plans of one run
    graphs: dict = field(default_factory=dict)  # plan id -> (plan, coverage graph); may outlive the run
    used_portfolio: bool = False
    used_today: bool = False

    @property
    def today(self) -> dt.date:
        self.used_today = True
        return self.date

    def coverage_graph(self, plan: Plan):
        """The plan's coverage graph: the caller's (`shared` "coverage:<id>", the site's), else made once per
        plan object (`kam serve` keeps them across runs)."""
        given = self.shared.get(f"coverage:{plan.id}")
        if given is not None:
            return given
        found = self.graphs.get(plan.id)
        if found is None or found[0] is not plan:
            from .. import analyse

            found = self.graphs[plan.id] = (plan, analyse.coverage_graph(plan))
        return found[1]

    @property
    def settings(self) -> Settings:
        return self.portfolio.settings

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a portfolio-wide value once per run (revenue base, exposure ...)."""
        self.used_portfolio = True  # what the check found may change when another plan does
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]

    def tier_phrase(self) -> str:
        """Who asks for a thing, the subject of a finding's sentence: 'the strategic tier asks for ...'."""
        if self.tier:
            # Translators: the subject of a sentence, as in "the strategic tier asks for 2 of our people";
            # {tier} is a tier id as written in the settings.
            return _("the {tier} tier").format(tier=self.tier.id)
        # Translators: the subject of a sentence, as in "the portfolio settings ask for 2 of our people".
        return _("the portfolio settings")


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    function: Callable[..., Iterable[Problem]]
    group: str
    scope: str = "plan"  # "plan": once per plan, with tier overrides; "portfolio": once
    default_severity: Severity = Severity.WARNING
    params: tuple[Param, ...] = ()
    description: str = ""  # what it catches, one sentence (README, schema)

    @property
    def shown_title(self) -> str:
        """The title in the language in use (dashboards, the check list); `title` stays the English one
        (the settings schema, extraction by the check:2 keyword)."""
        return _(self.title)

    def param(self, name: str) -> Optional[Param]:
        return next((p for p in self.params if p.name == name), None)


REGISTRY: dict[str, Check] = {}


def check(code: str, title: str, *, scope: str = "plan", default_severity: str = "warning",
          params: Iterable[Param] = ()):
    """Register a check generator under `code`; its docstring's first line says what it catches."""

    def register(function):
        if code in REGISTRY:
            raise ValueError(f"check {code} registered twice")
        doc = (function.__doc__ or "").strip().split("\n\n")[0]
        REGISTRY[code] = Check(code, title, function, function.__module__.rsplit(".", 1)[-1], scope,
                               Severity(default_severity), tuple(params), " ".join(doc.split()))
        return function

    return register


def _distance(a: str, b: str) -> int:
    """Edits from a to b: insert, delete, substitute, swap two neighbours (optimal string alignment)."""
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def closest_code(word: str) -> Optional[str]:
    """The check code a mistyped one most likely meant (KAM140, kam104, KAM-104 -> KAM104), or None."""
    typed = "".join(c for c in str(word).upper() if c.isalnum())
    scored = sorted((_distance(typed, code), code) for code in REGISTRY)
    return scored[0][1] if scored and scored[0][0] <= 2 else None


def no_such_check(code: str) -> str:
    """The message for a check code that does not exist, with the likely one."""
    meant = closest_code(code)
    if meant:
        # Translators: {code} is a check code as the user wrote it, {meant} the one they likely meant (KAM104).
        return _("there is no check {code} (did you mean '{meant}'?); see the README's table of checks").format(
            code=code, meant=meant)
    return _("there is no check {code}; see the README's table of checks").format(code=code)
