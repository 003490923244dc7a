"""Our account team: who of ours works on the account, whom each of them knows
(coverage, by role and unit), and when each stakeholder was last in contact."""

from __future__ import annotations

import datetime as dt

from .context import Account, Stakeholder
from .people import Person
from .pools import TIERS
from .yamlout import Flow

# After the account manager and the executive sponsor: the kinds of people asked for, in order.
TEAM_PLAN = ["specialist", "service", "support", "specialist", "sales", "service", "support", "specialist"]
TEAM_ROLES = {"specialist": "specialist", "service": "service", "support": "technical_support", "sales": "sales"}
# The customer's units each of our roles usually knows people in.
AFFINITY = {"account_manager": None, "executive_sponsor": {"mgmt", "finance"}, "management": {"logistics", "it"},
            "sales": {"purchasing", "logistics", "sales"}, "specialist": {"it", "logistics", "production"},
            "technical_support": {"it", "logistics", "production", "quality"},
            "service": {"logistics", "production", "quality", "hr"}}

Covers = dict[int, list[tuple[int, str]]]  # team member -> (stakeholder index, strength)


def build_team(acc: Account) -> None:
    acc.team = _pick_team(acc)
    acc.owner = acc.team[0][0]
    covers = _coverage(acc)
    _contact_dates(acc)
    acc.team_docs = _team_docs(acc, covers)


def _pick_team(acc: Account) -> list[tuple[Person, str]]:
    rng, people, region = acc.rng, acc.people, acc.m.region
    size = rng.randint(*acc.shape["team"])
    team: list[tuple[Person, str]] = []
    chosen: list[Person] = []

    def add(kind: str, role: str, where: str = region) -> None:
        person = people.pick(kind, where, chosen)
        if person is not None and len(team) < size:
            chosen.append(person)
            team.append((person, role))

    add("kam", "account_manager")
    if acc.tier != "development" or rng.random() < 0.3:
        if acc.tier == "strategic" and rng.random() < 0.5:  # our top management sponsors strategic accounts
            add("management", "executive_sponsor", "*")
        else:
            add("country", "executive_sponsor")
    for kind in TEAM_PLAN:
        add(kind, TEAM_ROLES[kind])
    if acc.tier == "strategic" and rng.random() < 0.3:
        add("management", "management", "*")
    while len(team) < size:
        add(rng.choice(["kam", "specialist", "service"]), "sales")
    return team


def _coverage(acc: Account) -> Covers:
    """Who of ours knows whom: by role and unit, a second contact for decision makers, somebody for almost all."""
    rng, team, active = acc.rng, acc.team, acc.active()
    covers: Covers = {i: [] for i in range(len(team))}
    covered: dict[int, int] = {}
    for i, (person, role) in enumerate(team):
        for s in sorted(set(x.index for x in _known_by(acc, role, active))):
            stake = acc.stakeholders[s]
            strength = rng.choices(["strong", "medium", "weak"],
                                   [45, 35, 20] if stake.attitude in ("champion", "supporter") else [20, 45, 35])[0]
            covers[i].append((s, strength))
            covered[s] = covered.get(s, 0) + 1
    # decision makers get a second contact, mostly (the care model asks for two)
    helpers = [i for i, (_, role) in enumerate(team) if role != "account_manager"]
    for s in acc.decision_makers():
        if covered.get(s.index, 0) < 2 and helpers and rng.random() < 0.85:
            i = rng.choice(helpers)
            if all(x != s.index for x, _ in covers[i]):
                covers[i].append((s.index, rng.choice(["medium", "weak", "strong"])))
                covered[s.index] = covered.get(s.index, 0) + 1
    # and almost everyone has somebody
    for s in active:
        if not covered.get(s.index) and rng.random() < 0.9:
            i = rng.randrange(len(team))
            covers[i].append((s.index, rng.choice(["medium", "weak"])))
            covered[s.index] = 1
    return covers


def _known_by(acc: Account, role: str, active: list[Stakeholder]) -> list[Stakeholder]:
    """The stakeholders someone in `role` knows, before the second contacts."""
    rng, wanted = acc.rng, AFFINITY[role]
    if role == "account_manager":
        return [s for s in active if s.level <= 1 or s.influence == "high" or s.unit == "purchasing"
                or rng.random() < 0.35]
    if role == "executive_sponsor":
        pool = [s for s in active if s.level == 0 or (s.level == 1 and s.unit in wanted)]
        pool += rng.sample([s for s in active if s.level == 1 and s not in pool], k=min(1, len(active)))
        return pool
    pool = [s for s in active if s.unit in wanted and s.level >= 1]
    return rng.sample(pool, min(len(pool), rng.randint(2, 6))) if pool else rng.sample(active[1:], 2)


def _contact_dates(acc: Account) -> None:
    """Mostly within the tier's contact interval; on some accounts a few people are neglected.
    The stakeholder's last contact is the latest of its coverers'."""
    rng = acc.rng
    interval = next(t for t in TIERS if t["id"] == acc.tier)["care_model"]["contact_interval_days"]
    stale = rng.random() < 0.2
    acc.last_contact = {}
    for s in acc.stakeholders:
        if s.left:
            acc.last_contact[s.index] = acc.days_ago(200, 500)
        elif stale and s.level >= 2 and rng.random() < 0.25:
            acc.last_contact[s.index] = acc.days_ago(interval, 3 * interval)
        else:
            acc.last_contact[s.index] = acc.days_ago(1, interval - 5)


def _team_docs(acc: Account, covers: Covers) -> list[dict]:
    rng = acc.rng
    docs = []
    for i, (person, role) in enumerate(acc.team):
        entries = []
        for s, strength in sorted(covers[i]):
            last = acc.last_contact[s]
            if rng.random() < 0.5:
                last = last - dt.timedelta(days=rng.randint(3, 60))
            entries.append(Flow(stakeholder=acc.stakeholders[s].id, strength=strength, last_contact=last))
        doc: dict = {"person": person.id, "role": role}
        resp = acc.p["responsibilities"][role]
        doc["responsibilities"] = rng.sample(resp, min(len(resp), rng.randint(1, 2)))
        if entries:
            doc["covers"] = entries
        docs.append(doc)
    return docs
