"""Typed, frozen plan objects built from validated documents.

Nothing after this module sees raw dicts. Every entity keeps `path`, its
place in the document, so a finding about it can name its line and column.
Dates are `datetime.date`; absent optional values are None or empty tuples.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Mapping, Optional

from .load import Document, SourceMap
from .model_cycle import Interaction, Opportunity
from .prose import mark

Date = Optional[dt.date]
Loc = tuple  # a path into the document


def _entity():
    return dataclass(frozen=True, slots=True)


# --- our side -----------------------------------------------------------------

@_entity()
class Person:
    id: str
    name: str
    role: Optional[str] = None
    unit: Optional[str] = None
    github: Optional[str] = None
    email: Optional[str] = None
    left: Date = None
    path: Loc = ()


@_entity()
class CareModel:
    review_interval_days: int = 92
    contact_interval_days: int = 90
    min_contacts_per_decision_maker: int = 1
    min_team_size: int = 1
    required_roles: tuple[str, ...] = ()
    service_level: Optional[str] = None
    complaint_response_hours: Optional[int] = None
    management_meetings_per_year: Optional[int] = None
    product_input: Optional[bool] = None
    path: Loc = ()


@_entity()
class Tier:
    id: str
    name: str
    key: bool = True
    min_criteria: int = 0
    care_model: CareModel = CareModel()
    path: Loc = ()


@_entity()
class TierCheckSetting:
    enabled: Optional[bool] = None
    severity: Optional[str] = None
    params: Mapping[str, Any] = field(default_factory=lambda: types.MappingProxyType({}))
    path: Loc = ()


@_entity()
class CheckSetting:
    enabled: Optional[bool] = None
    severity: Optional[str] = None
    params: Mapping[str, Any] = field(default_factory=lambda: types.MappingProxyType({}))
    tiers: Mapping[str, TierCheckSetting] = field(default_factory=lambda: types.MappingProxyType({}))
    path: Loc = ()


@_entity()
class HealthTier:
    points: Mapping[str, float] = field(default_factory=lambda: types.MappingProxyType({}))
    weights: Mapping[str, float] = field(default_factory=lambda: types.MappingProxyType({}))
    at_risk: Optional[float] = None
    attention: Optional[float] = None
    path: Loc = ()


@_entity()
class HealthRule:
    """settings.health: how findings add up to an account's health (generator/health.py)."""

    points: Mapping[str, float] = field(default_factory=lambda: types.MappingProxyType({}))
    weights: Mapping[str, float] = field(default_factory=lambda: types.MappingProxyType({}))
    at_risk: float = 4
    attention: float = 1
    tiers: Mapping[str, HealthTier] = field(default_factory=lambda: types.MappingProxyType({}))
    path: Loc = ()


@_entity()
class Amount:
    period: str
    amount: float
    forecast: bool = False
    path: Loc = ()


@_entity()
class Settings:
    company: str
    currency: str
    tiers: tuple[Tier, ...]
    revenue: tuple[Amount, ...] = ()
    exchange_rates: Mapping[str, float] = field(default_factory=lambda: types.MappingProxyType({}))
    tender_preparation_months: int = 9
    language: Optional[str] = None
    languages: tuple[str, ...] = ()
    checks: Mapping[str, CheckSetting] = field(default_factory=lambda: types.MappingProxyType({}))
    health: HealthRule = HealthRule()
    path: Loc = ()

    def tier(self, tier_id: str) -> Optional[Tier]:
        return next((t for t in self.tiers if t.id == tier_id), None)

    @property
    def site_languages(self) -> tuple[str, ...]:
        """The site's languages as catalog codes, the default first: `language` (else the first of
        `languages`, else English), then the rest of `languages`."""
        from .i18n import normalise

        codes = ((self.language,) if self.language else ()) + self.languages
        return tuple(dict.fromkeys(normalise(code) for code in codes or ("en",)))  # `no` and `nb` are one

    def tier_rank(self, tier_id: str) -> int:
        """0 for the most important tier; len(tiers) for an unknown one."""
        return next((i for i, t in enumerate(self.tiers) if t.id == tier_id), len(self.tiers))


# --- the customer's side ------------------------------------------------------

@_entity()
class Watch:
    kind: str
    note: str
    date: Date = None
    path: Loc = ()


@_entity()
class Classification:
    criteria: tuple[str, ...] = ()
    size: Optional[str] = None
    significance: Optional[str] = None
    growth_potential: Optional[str] = None
    relationship_quality: Optional[str] = None
    abc_class: Optional[str] = None
    watch: tuple[Watch, ...] = ()
    path: Loc = ()


@_entity()
class Relationship:
    since: Date = None
    history: Optional[str] = None
    path: Loc = ()


@_entity()
class Unit:
    id: str
    name: str
    path: Loc = ()


@_entity()
class Product:
    name: str
    status: str
    units: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}))
    potential: Optional[float] = None
    competitor: Optional[str] = None
    notes: Optional[str] = None
    path: Loc = ()

    def status_in(self, unit_id: str) -> str:
        return self.units.get(unit_id, self.status)


@_entity()
class Competitor:
    name: str
    share: Optional[float] = None
    satisfaction: Optional[str] = None
    notes: Optional[str] = None
    path: Loc = ()


@_entity()
class Situation:
    currency: Optional[str] = None
    revenue: tuple[Amount, ...] = ()
    units: tuple[Unit, ...] = ()
    products: tuple[Product, ...] = ()
    competitors: tuple[Competitor, ...] = ()
    path: Loc = ()


@_entity()
class Goal:
    id: str
    horizon: str
    title: str
    metric: Optional[str] = None
    baseline: Any = None
    target: Any = None
    due: Date = None
    status: str = "open"
    result: Any = None
    shared: Optional[bool] = None  # true: on the customer's page (kam share)
    path: Loc = ()


@_entity()
class BuyingStep:
    name: str
    stakeholders: tuple[str, ...] = ()
    duration: Optional[str] = None
    notes: Optional[str] = None
    path: Loc = ()


@_entity()
class BuyingProcess:
    summary: Optional[str] = None
    steps: tuple[BuyingStep, ...] = ()
    path: Loc = ()


@_entity()
class Tender:
    id: str
    title: str
    date: dt.date
    preparation_months: Optional[int] = None
    value: Optional[float] = None
    status: str = "expected"
    notes: Optional[str] = None
    path: Loc = ()


@_entity()
class FollowUp:
    receipt_confirmed: Optional[bool] = None
    next_step: Optional[str] = None
    urgent: Optional[str] = None
    discussion_date: Date = None
    path: Loc = ()


@_entity()
class Proposal:
    id: str
    title: str
    expires: dt.date
    sent: Date = None
    value: Optional[float] = None
    status: str = "sent"
    readers: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # paths in accounts/<id>/
    follow_up: Optional[FollowUp] = None
    path: Loc = ()


@_entity()
class Stakeholder:
    id: str
    name: str
    influence: str
    attitude: str
    title: Optional[str] = None
    unit: Optional[str] = None
    reports_to: Optional[str] = None
    influences: tuple[str, ...] = ()
    buying_roles: tuple[str, ...] = ()
    priorities: Optional[str] = None
    last_contact: Date = None
    verified: Date = None
    left: Date = None
    notes: Optional[str] = None
    # Personal data: never rendered unless a build asks for it (see render).
    private: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}), repr=False)
    path: Loc = ()

    @property
    def is_decision_maker(self) -> bool:
        return self.influence == "high" or "economic" in self.buying_roles


@_entity()
class Coverage:
    stakeholder: str
    strength: str
    last_contact: Date = None
    path: Loc = ()


@_entity()
class TeamMember:
    person: str
    role: str
    responsibilities: tuple[str, ...] = ()
    covers: tuple[Coverage, ...] = ()
    path: Loc = ()


@_entity()
class Action:
    id: str
    title: str
    owner: str
    due: dt.date
    status: str = "open"
    done: Date = None
    stakeholders: tuple[str, ...] = ()
    tender: Optional[str] = None
    documents: tuple[str, ...] = ()
    notes: Optional[str] = None
    shared: Optional[bool] = None  # true: on the customer's page (kam share)
    path: Loc = ()

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "in_progress")


@_entity()
class Reschedule:
    date: dt.date
    new_due: dt.date
    reason: Optional[str] = None
    customer_told: Optional[bool] = None
    path: Loc = ()


@_entity()
class Commitment:
    id: str
    promise: str
    owner: str
    due: dt.date
    to: Optional[str] = None
    made: Date = None
    status: str = "open"
    delivered: Date = None
    reschedules: tuple[Reschedule, ...] = ()
    path: Loc = ()

    @property
    def current_due(self) -> dt.date:
        return self.reschedules[-1].new_due if self.reschedules else self.due

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@_entity()
class ReviewResult:
    goal: str
    status: str
    value: Any = None
    note: Optional[str] = None
    path: Loc = ()


@_entity()
class Review:
    period: str
    date: dt.date
    participants: tuple[str, ...] = ()
    with_customer: Optional[bool] = None
    summary: Optional[str] = None
    results: tuple[ReviewResult, ...] = ()
    corrections: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    next_review: Date = None
    shared: Optional[bool] = None  # true: on the customer's page (kam share)
    path: Loc = ()


@_entity()
class Silence:
    check: str
    reason: str
    subject: Optional[str] = None
    until: Date = None
    path: Loc = ()


@_entity()
class Plan:
    id: str
    name: str
    owner: str
    tier: str
    status: str = "customer"
    segment: Optional[str] = None
    country: Optional[str] = None
    language: Optional[str] = None
    website: Optional[str] = None
    summary: Optional[str] = None
    customer_experience: Optional[str] = None
    relationship: Relationship = Relationship()
    classification: Classification = Classification()
    situation: Situation = Situation()
    goals: tuple[Goal, ...] = ()
    buying_process: BuyingProcess = BuyingProcess()
    tenders: tuple[Tender, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    stakeholders: tuple[Stakeholder, ...] = ()
    team: tuple[TeamMember, ...] = ()
    actions: tuple[Action, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    reviews: tuple[Review, ...] = ()
    silenced: tuple[Silence, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    shared_documents: tuple[str, ...] = ()  # documents the company build publishes too
    path: Loc = ()
    file: str = ""  # the plan's file, as diagnostics name it
    source: Optional[SourceMap] = field(default=None, repr=False, compare=False)

    def stakeholder(self, stakeholder_id: str) -> Optional[Stakeholder]:
        return next((s for s in self.stakeholders if s.id == stakeholder_id), None)

    @property
    def currency(self) -> Optional[str]:
        return self.situation.currency

    @property
    def last_review(self) -> Optional[Review]:
        return max(self.reviews, key=lambda r: r.date, default=None)

    @property
    def coverage(self) -> list[tuple[TeamMember, Coverage]]:
        return [(member, cover) for member in self.team for cover in member.covers]

    def position(self, path: Loc, *, key: bool = False) -> tuple[int, int]:
        if self.source is None:
            return (1, 1)
        return self.source.key_at(path) if key else self.source.at(path)


@_entity()
class Portfolio:
    settings: Settings
    people: Mapping[str, Person]
    plans: tuple[Plan, ...]
    settings_file: str = ""
    people_file: str = ""
    settings_source: Optional[SourceMap] = field(default=None, repr=False, compare=False)
    people_source: Optional[SourceMap] = field(default=None, repr=False, compare=False)

    def plan(self, plan_id: str) -> Optional[Plan]:
        return next((p for p in self.plans if p.id == plan_id), None)


# --- building -------------------------------------------------------------------
# One generic builder driven by the annotations above, so a field added to
# the schema is added here once, as a typed attribute.

def _converter(annotation) -> typing.Callable[[Any, Loc], Any]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is dt.date:
        return lambda value, loc: dt.date.fromisoformat(value)
    if annotation is str:  # a year written unquoted (period: 2025) is still a period
        return lambda value, loc: value if isinstance(value, str) else str(value)
    if origin is typing.Union:  # Optional[X]
        inner = _converter(next(a for a in args if a is not type(None)))
        return lambda value, loc: None if value is None else inner(value, loc)
    if origin is tuple:
        item = _converter(args[0])
        return lambda value, loc: tuple(item(v, loc + (i,)) for i, v in enumerate(value or ()))
    if origin in (Mapping, collections.abc.Mapping) or annotation is Mapping:
        value_type = args[1] if len(args) == 2 else Any
        if dataclasses.is_dataclass(value_type):
            item = _converter(value_type)
            return lambda value, loc: types.MappingProxyType(
                {k: item(v, loc + (k,)) for k, v in (value or {}).items()})
        return lambda value, loc: types.MappingProxyType(dict(value or {}))
    if dataclasses.is_dataclass(annotation):
        return lambda value, loc: build(annotation, value or {}, loc)
    return lambda value, loc: value


@cache
def _plan_of(cls) -> list[tuple[str, Any, bool]]:
    hints = typing.get_type_hints(cls)
    steps = []
    for f in dataclasses.fields(cls):
        if f.name in ("path", "file", "source"):
            continue
        steps.append((f.name, _converter(hints[f.name]), f.default is dataclasses.MISSING
                      and f.default_factory is dataclasses.MISSING))
    return steps


def build(cls, data: Mapping[str, Any], loc: Loc = ()):
    """Build a frozen `cls` from validated data; missing optional keys keep their defaults."""
    kwargs: dict[str, Any] = {"path": loc}
    for name, convert, required in _plan_of(cls):
        if name in data and data[name] is not None:
            kwargs[name] = convert(data[name], loc + (name,))
        elif required:
            kwargs[name] = convert(None, loc + (name,))
    return cls(**kwargs)


def build_plan(document: Document) -> Plan:
    plan = build(Plan, mark(document.data))  # Markdown fields (schema: text/markdown) become prose.Prose
    return dataclasses.replace(plan, file=document.path, source=document.source)


def build_settings(document: Document) -> Settings:
    return build(Settings, document.data)


def build_people(document: Document) -> dict[str, Person]:
    people = (build(Person, person, ("people", i)) for i, person in enumerate(document.data.get("people", ())))
    return {person.id: person for person in people}
