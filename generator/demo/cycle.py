"""The account cycle of a demo plan: its opportunities (the pipeline) and its interactions (the
timeline), in the plan's language, consistent with the contact dates the team step chose."""

from __future__ import annotations

import datetime as dt

from .context import Account
from .names import slug, unique
from .pool_cycle import CYCLE
from .pools import TIERS
from .yamlout import Flow

# Deal sizes in EUR by tier (converted to the plan's currency).
OPPORTUNITY_VALUE = {"strategic": 500_000, "key": 180_000, "development": 60_000}
OPEN_STAGES = ["identified", "qualified", "proposal", "negotiation"]
KINDS = ["meeting", "call", "visit", "email"]


def _care(acc: Account) -> dict:
    return next(t for t in TIERS if t["id"] == acc.tier)["care_model"]


def build_opportunities(acc: Account, products: list[dict]) -> list[dict]:
    rng, texts = acc.rng, CYCLE[acc.m.lang]
    gaps = [p["name"] for p in products if p["status"] in ("missing", "competitor", "pilot")] or \
        [p["name"] for p in products]
    deciders = [s for s in acc.decision_makers() if "economic" in s.roles] or acc.decision_makers()
    others = [s for s in acc.active() if s not in deciders]
    taken: set = set()
    out = []
    for product in rng.sample(gaps, min(len(gaps), rng.randint(1, 3))):
        title = rng.choice(texts["opportunity"]).format(product=product.split(" – ")[0], n=acc.fleet,
                                                       city=rng.choice(acc.cities)[0])
        stage = rng.choices(OPEN_STAGES + ["won", "lost"], [3, 3, 3, 2, 2, 2])[0]
        closed = stage in ("won", "lost")
        close = acc.days_ago(10, 300) if closed else acc.days_ahead(-25, 330)
        opportunity: dict = {"id": unique("o-" + slug(title, 3, 30), taken), "title": title, "stage": stage,
                             "value": int(round(OPPORTUNITY_VALUE[acc.tier] / acc.rate * rng.uniform(0.3, 1.6), -3)),
                             "close": close}
        opened = close - dt.timedelta(days=rng.randint(60, 240))
        opportunity["opened"] = min(opened, acc.today - dt.timedelta(days=rng.randint(1, 30)))
        opportunity["products"] = [product]
        people = (rng.sample(deciders, 1) if deciders and rng.random() < 0.75 else []) + \
            rng.sample(others, min(len(others), rng.randint(0, 2)))
        if people:
            opportunity["stakeholders"] = [s.id for s in sorted(people, key=lambda s: s.index)]
        opportunity["owner"] = acc.owner.id if rng.random() < 0.7 else rng.choice(acc.team)[0].id
        if not closed:
            opportunity["next_step"] = rng.choice(texts["next_step"])
        elif stage == "lost" and rng.random() < 0.85:
            opportunity["lost_reason"] = rng.choice(texts["lost_reason"])
        out.append(opportunity)
    return sorted(out, key=lambda o: o["close"])


def _event(acc: Account, kind: str, when: dt.date, people: list, ours: list[str], **extra) -> dict:
    texts = CYCLE[acc.m.lang]
    name = people[0].name if people else acc.name
    event: dict = {"date": when, "kind": kind,
                   "summary": acc.rng.choice(texts[kind]).format(name=name, city=acc.rng.choice(acc.cities)[0])}
    if people:
        event["stakeholders"] = [s.id for s in people]
    event["participants"] = ours
    event.update(extra)
    return event


def build_interactions(acc: Account, opportunities: list[dict]) -> list[dict]:
    """Contacts on the dates the team step chose for each person (so their last contact stays the same),
    the management meetings of the care model and, for customers, a complaint or two."""
    rng, care = acc.rng, _care(acc)
    owner, executives = acc.owner.id, [p.id for p, role in acc.team if role == "executive_sponsor"]
    active = acc.active()
    events = []
    for s in rng.sample(active, min(len(active), rng.randint(2, 4))):
        extra = {}
        deal = next((o for o in opportunities if s.id in o.get("stakeholders", ())), None)
        if deal and rng.random() < 0.6:
            extra["opportunity"] = deal["id"]
        events.append(_event(acc, rng.choice(KINDS), acc.last_contact[s.index], [s], [owner], **extra))
    top = next((s for s in active if s.level == 0), None)
    meetings = care["management_meetings_per_year"] - (rng.random() < 0.2)
    if top is not None:
        for i in range(max(0, meetings)):
            when = acc.last_contact[top.index] - dt.timedelta(days=170 * i)
            events.append(_event(acc, "management_meeting", when, [top], list(dict.fromkeys(executives[:1] + [owner]))))
    if acc.status == "customer":
        for s in rng.sample(active, min(len(active), rng.randint(0, 2))):
            when = acc.last_contact[s.index]
            opened = dt.datetime.combine(when, dt.time(rng.randint(7, 16), rng.choice([0, 15, 30, 45])))
            limit = care["complaint_response_hours"]
            answered = opened + dt.timedelta(hours=limit * (rng.uniform(1.1, 2.0) if rng.random() < 0.15
                                                            else rng.uniform(0.1, 0.9)))
            complaint = Flow(opened=_time(opened), responded=_time(answered))
            if when < acc.today - dt.timedelta(days=3):
                complaint["resolved"] = _time(answered + dt.timedelta(hours=rng.randint(2, 72)))
            events.append(_event(acc, "complaint", when, [s], [owner], complaint=complaint))
    return sorted(events, key=lambda e: e["date"])


def _time(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")
