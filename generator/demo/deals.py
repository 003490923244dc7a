"""How the customer buys, and the deals in play: the buying process, tenders and our proposals."""

from __future__ import annotations

import datetime as dt

from .context import Account, Stakeholder
from .names import slug, unique
from .yamlout import Folded

# Deal sizes in EUR by tier (converted to the plan's currency).
TENDER_VALUE = {"strategic": 2_000_000, "key": 600_000, "development": 150_000}
PROPOSAL_VALUE = {"strategic": 900_000, "key": 250_000, "development": 60_000}


def build_buying_process(acc: Account) -> dict:
    rng, p = acc.rng, acc.p
    limit = acc.money(rng.choice([50_000, 100_000, 250_000]) * (10 if acc.m.currency == "NOK" else 1))
    steps_all = p["steps"]
    picked = sorted(rng.sample(range(len(steps_all)), rng.randint(3, 5)))
    active = acc.active()
    by_step = _step_people(active)
    steps = []
    for i in picked:
        name, duration = steps_all[i]
        pool = by_step[i] or active[:3]
        chosen = sorted(rng.sample(pool, min(len(pool), rng.randint(1, 3))), key=lambda s: s.index)
        step = {"name": name, "stakeholders": [s.id for s in chosen], "duration": duration}
        if rng.random() < 0.25:
            step["notes"] = acc.deal("step_notes")
        steps.append(step)
    return {"summary": Folded(rng.choice(p["buying_summary"]).format(limit=limit)), "steps": steps}


def _step_people(active: list[Stakeholder]) -> dict[int, list[Stakeholder]]:
    """Who takes part in each step of the pack's buying process (need, technical review,
    purchasing, approval, signature)."""
    return {
        0: [s for s in active if s.unit in ("logistics", "production", "quality") and s.level <= 3],
        1: [s for s in active if s.unit == "it"],
        2: [s for s in active if s.unit in ("purchasing", "finance") and s.level <= 2],
        3: [s for s in active if s.level <= 1 and ("economic" in s.roles or s.level == 0)],
        4: [s for s in active if s.level == 0 or s.unit == "purchasing"],
    }


def build_tenders(acc: Account) -> list[dict]:
    rng, p = acc.rng, acc.p
    count = rng.randint(1, 2) if acc.tier != "development" else 1
    taken: set = set()
    out = []
    for _ in range(count):
        when = acc.days_ahead(-200, 420)
        title = acc.text(acc.deal("tender"), year=when.year, year2=when.year + 3)
        tender: dict = {"id": unique("t-" + slug(title, 3, 30), taken), "title": title, "date": when}
        if rng.random() < 0.3:
            tender["preparation_months"] = rng.choice([6, 9, 12])
        value = TENDER_VALUE[acc.tier] / acc.rate
        tender["value"] = int(round(value * rng.uniform(0.4, 1.6), -4))
        tender["status"] = _tender_status(acc, when)
        tender["notes"] = rng.choice(p["tender_notes"])
        out.append(tender)
    return sorted(out, key=lambda t: t["date"])


def _tender_status(acc: Account, when: dt.date) -> str:
    today = acc.today
    if when > today:
        return "expected" if when > today + dt.timedelta(days=90) else "announced"
    if when < today - dt.timedelta(days=60):
        return acc.rng.choice(["submitted", "won", "lost", "cancelled"])
    return "submitted"


def build_proposals(acc: Account) -> list[dict]:
    rng = acc.rng
    taken: set = set()
    readers_pool = acc.decision_makers() + [s for s in acc.active() if s.unit == "purchasing"]
    out = []
    for _ in range(rng.randint(*acc.shape["proposals"])):
        sent = acc.days_ago(3, 400)
        expires = sent + dt.timedelta(days=rng.choice([30, 45, 60, 90]))
        title = acc.text(acc.deal("proposal"), n=10 * rng.randint(2, 15), year=sent.year + 1,
                         year2=sent.year + 4)
        proposal: dict = {"id": unique("p-" + slug(title, 3, 30), taken), "title": title, "sent": sent,
                          "expires": expires}
        scale = PROPOSAL_VALUE[acc.tier] / acc.rate
        proposal["value"] = int(round(scale * rng.uniform(0.3, 1.5), -3))
        if expires >= acc.today:
            proposal["status"] = "sent"
        else:
            proposal["status"] = rng.choice(["accepted", "accepted", "rejected", "expired"])
        unique_readers = list({s.index: s for s in readers_pool}.values())
        chosen = sorted(rng.sample(unique_readers, min(len(unique_readers), rng.randint(2, 4))),
                        key=lambda s: s.index)
        proposal["readers"] = [s.id for s in chosen]
        if proposal["status"] == "sent":
            proposal["follow_up"] = _follow_up(acc)
        out.append(proposal)
    return sorted(out, key=lambda x: x["sent"], reverse=True)


def _follow_up(acc: Account) -> dict:
    rng, p = acc.rng, acc.p
    return {"receipt_confirmed": rng.random() < 0.8, "next_step": rng.choice(p["next_step"]),
            "urgent": rng.choice(p["urgent"]), "discussion_date": acc.days_ahead(3, 30)}
