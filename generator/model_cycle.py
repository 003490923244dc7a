"""Typed, frozen objects for the account cycle: opportunities (the pipeline) and interactions (the timeline).

Part of the model (generator/model.py builds them from the same annotations);
kept apart so the pipeline and the timeline are found in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

Date = Optional[dt.date]

STAGES = ("identified", "qualified", "proposal", "negotiation", "won", "lost")
OPEN_STAGES = STAGES[:4]
STAGE_PROBABILITY = {"identified": 10, "qualified": 25, "proposal": 50, "negotiation": 75, "won": 100, "lost": 0}
KINDS = ("meeting", "call", "visit", "email", "management_meeting", "complaint")


def parse_time(value: Optional[str]) -> Optional[dt.datetime]:
    """'2026-10-14T09:30' as a datetime; None when absent or not a real date and time."""
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Opportunity:
    id: str
    title: str
    stage: str
    value: float
    close: dt.date
    currency: Optional[str] = None
    probability: Optional[int] = None
    opened: Date = None
    products: tuple[str, ...] = ()
    unit: Optional[str] = None
    stakeholders: tuple[str, ...] = ()
    owner: Optional[str] = None
    next_step: Optional[str] = None
    lost_reason: Optional[str] = None
    notes: Optional[str] = None
    path: tuple = ()

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    @property
    def chance(self) -> float:
        """The probability of winning, 0..1: as written, else the stage's."""
        percent = self.probability if self.probability is not None else STAGE_PROBABILITY[self.stage]
        return percent / 100


@dataclass(frozen=True, slots=True)
class Complaint:
    opened: str  # YYYY-MM-DDTHH:MM as written; validation reports ones that are not real times
    responded: Optional[str] = None
    resolved: Optional[str] = None
    path: tuple = ()

    @property
    def opened_at(self) -> Optional[dt.datetime]:
        return parse_time(self.opened)

    @property
    def responded_at(self) -> Optional[dt.datetime]:
        return parse_time(self.responded)

    @property
    def resolved_at(self) -> Optional[dt.datetime]:
        return parse_time(self.resolved)

    def response_hours(self) -> Optional[float]:
        """Hours from opened to the first answer; None while unanswered."""
        opened, responded = self.opened_at, self.responded_at
        if opened is None or responded is None:
            return None
        return (responded - opened).total_seconds() / 3600


@dataclass(frozen=True, slots=True)
class Interaction:
    date: dt.date
    kind: str
    summary: str
    stakeholders: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    opportunity: Optional[str] = None
    documents: tuple[str, ...] = ()
    complaint: Optional[Complaint] = None
    path: tuple = ()
