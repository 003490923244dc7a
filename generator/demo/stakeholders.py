"""The customer's organisation: a reporting tree of stakeholders, their buying roles,
attitudes and informal influence, and each stakeholder as the plan writes it."""

from __future__ import annotations

import datetime as dt
from random import Random

from .context import Account, Stakeholder
from .names import person_id, person_name
from .pools import ATTITUDES, ROLES, UNIT_KEYS

# How often each attitude occurs, per tier (in the order of ATTITUDES).
ATTITUDE_WEIGHTS = {"strategic": [16, 32, 28, 16, 8], "key": [12, 30, 30, 18, 10], "development": [8, 24, 40, 20, 8]}


class _OrgChart:
    """The stakeholders so far, with distinct names and unique ids."""

    def __init__(self, rng: Random, names: str):
        self.rng = rng
        self.names = names
        self.taken: set = set()
        self.used_names: set = set()
        self.people: list[Stakeholder] = []

    def add(self, level: int, unit: str, title: str, parent: int | None) -> Stakeholder:
        name = person_name(self.rng, self.names)
        while name in self.used_names:
            name = person_name(self.rng, self.names)
        self.used_names.add(name)
        s = Stakeholder(len(self.people), person_id(name, self.taken), name, level, unit, title, parent, [])
        self.people.append(s)
        return s


def _shape(rng: Random, n: int) -> tuple[int, int, list[int]]:
    """Levels of the tree, directors under the CEO, and people per level for `n` stakeholders."""
    levels = 3 if n < 12 else (rng.choice([3, 4]) if n < 16 else (4 if n < 24 else rng.choice([4, 5, 5])))
    directors = max(2, min(7, round(n * rng.uniform(0.15, 0.25))))
    rest = n - 1 - directors
    if levels == 3:
        sizes = [1, directors, rest]
    elif levels == 4:
        heads = max(1, round(rest * rng.uniform(0.35, 0.5)))
        sizes = [1, directors, heads, rest - heads]
    else:
        heads = max(1, round(rest * rng.uniform(0.3, 0.4)))
        leads = max(1, round(rest * rng.uniform(0.2, 0.3)))
        sizes = [1, directors, heads, leads, rest - heads - leads]
    return levels, directors, sizes


def _title(acc: Account, unit: str, level: int, levels: int) -> str:
    rng = acc.rng
    _, _, heads, leads, specialists = acc.p["units"][unit]
    last = level == levels - 1
    if level == 2 and not last:
        title = rng.choice(heads)
    elif level == 2:
        title = rng.choice(heads if rng.random() < 0.5 else specialists)
    elif level == 3 and not last:
        title = rng.choice(leads)
    else:
        title = rng.choice(specialists)
    if unit in ("logistics", "production") and level >= 2 and rng.random() < 0.3:
        title = f"{title}, {rng.choice(acc.cities)[0]}"
    return title


def build_org(acc: Account) -> None:
    rng, p = acc.rng, acc.p
    n = rng.randint(*acc.shape["stakeholders"])
    levels, directors, sizes = _shape(rng, n)
    units = ["finance", "logistics"] + rng.sample(UNIT_KEYS[2:], directors - 2) if directors <= 8 else list(UNIT_KEYS)
    org = _OrgChart(rng, acc.m.names)
    org.add(0, "mgmt", rng.choice(p["ceo"]), None)
    by_level: list[list[Stakeholder]] = [org.people[:1], []]
    for unit in units[:directors]:
        by_level[1].append(org.add(1, unit, p["units"][unit][1], 0))
    for level in range(2, levels):
        by_level.append([])
        parents = by_level[level - 1]
        for i in range(sizes[level]):
            # spread: every parent of the level above gets a report before any gets two
            parent = parents[i % len(parents)] if i < len(parents) else rng.choice(parents)
            title = _title(acc, parent.unit, level, levels)
            by_level[level].append(org.add(level, parent.unit, title, parent.index))
    acc.stakeholders = org.people
    acc.levels = levels
    assign_roles(acc)


def assign_roles(acc: Account) -> None:
    _formal_roles(acc)
    _attitudes(acc)
    _coaches_and_buying_centre(acc)
    _someone_left(acc)
    _informal_influence(acc)


def _formal_roles(acc: Account) -> None:
    """Influence and buying roles by level and unit."""
    rng = acc.rng
    for s in acc.stakeholders:
        if s.level == 0:
            s.roles, s.influence = ["economic"], "high"
        elif s.level == 1:
            s.influence = "high" if rng.random() < 0.8 else "medium"
            s.roles = {"finance": ["economic"], "it": ["technical", "gatekeeper"] if rng.random() < 0.5 else
                       ["technical"], "purchasing": ["gatekeeper"], "logistics": ["economic", "technical", "user"],
                       "production": ["technical", "user"], "quality": ["technical", "user"]}.get(s.unit, ["user"])
        elif s.level == 2:
            s.influence = rng.choices(["high", "medium", "low"], [15, 65, 20])[0]
            s.roles = {"it": ["technical"], "purchasing": ["gatekeeper"]}.get(s.unit, ["user"])
        else:
            s.influence = rng.choices(["medium", "low"], [35, 65])[0]
            s.roles = ["user"] if rng.random() < 0.85 else []
        s.roles = list(s.roles)


def _attitudes(acc: Account) -> None:
    rng = acc.rng
    for s in acc.stakeholders:
        s.attitude = rng.choices(ATTITUDES, ATTITUDE_WEIGHTS[acc.tier])[0]
    active = acc.stakeholders
    if acc.status == "customer" and not any(s.attitude == "champion" for s in active) and rng.random() < 0.85:
        rng.choice(active[1:]).attitude = "champion"


def _coaches_and_buying_centre(acc: Account) -> None:
    rng, active = acc.rng, acc.stakeholders
    # a coach: someone inside who guides us, usually a champion
    friends = [s for s in active[1:] if s.attitude in ("champion", "supporter")] or active[1:]
    for s in rng.sample(friends, min(len(friends), rng.randint(1, 2))):
        s.roles.append("coach")
    for role in ROLES:  # every buying role is present in every buying centre
        if not any(role in s.roles for s in active):
            rng.choice(active[1:]).roles.append(role)
    for s in active:
        s.roles = [r for r in ROLES if r in s.roles]


def _someone_left(acc: Account) -> None:
    """Sometimes someone left: a leaf nobody reports to, kept for the history."""
    rng, active = acc.rng, acc.stakeholders
    leaves = [s for s in active if s.level >= 2 and not any(o.parent == s.index for o in active)]
    if leaves and rng.random() < 0.12:
        gone = rng.choice(leaves)
        gone.left = True
        gone.roles = [r for r in gone.roles if r == "user"]


def _informal_influence(acc: Account) -> None:
    """Informal influence: mostly from below or across onto the decision makers."""
    rng, active = acc.rng, acc.stakeholders
    acc.influences = {}
    edges: set = set()
    candidates = [s for s in active if not s.left and s.level >= 1]
    for _ in range(rng.randint(1, max(1, len(active) // 5))):
        src = rng.choice(candidates)
        targets = [t for t in active if not t.left and t.index != src.index and t.level <= src.level
                   and t.index != src.parent and t.parent != src.index
                   and (src.index, t.index) not in edges and (t.index, src.index) not in edges]
        if targets:
            dst = rng.choice(targets)
            edges.add((src.index, dst.index))
            acc.influences.setdefault(src.index, []).append(dst.index)


def stakeholder_doc(acc: Account, s: Stakeholder) -> dict:
    rng, p = acc.rng, acc.p
    doc: dict = {"id": s.id, "name": s.name, "title": s.title,
                 "unit": p["mgmt_unit"] if s.unit == "mgmt" else p["units"][s.unit][0]}
    if s.parent is not None:
        doc["reports_to"] = acc.stakeholders[s.parent].id
    if s.index in acc.influences:
        doc["influences"] = [acc.stakeholders[i].id for i in sorted(acc.influences[s.index])]
    if s.roles:
        doc["buying_roles"] = s.roles
    doc["influence"] = s.influence
    doc["attitude"] = s.attitude
    if rng.random() < (0.7 if s.level <= 1 or s.influence == "high" else 0.1):
        doc["priorities"] = rng.choice(p["priorities"][s.unit])
    doc["last_contact"] = acc.last_contact[s.index]
    if rng.random() < 0.3:
        doc["verified"] = acc.last_contact[s.index] - dt.timedelta(days=rng.choice([0, 0, 0, 7, 30, 60]))
    if s.left:
        doc["left"] = acc.last_contact[s.index] + dt.timedelta(days=rng.randint(10, 60))
    if rng.random() < 0.15 or (s.attitude == "blocker" and rng.random() < 0.6):
        # notes 0-1 are about friends, 2 about an opponent, 3-4 about anyone
        fits = {"champion": (0, 1, 3, 4), "supporter": (1, 3, 4), "sceptic": (2, 3, 4), "blocker": (2, 3)}
        doc["notes"] = p["notes"][rng.choice(fits.get(s.attitude, (3, 4)))]
    if rng.random() < 0.25:
        doc["private"] = _private(rng, p)
    return doc


def _private(rng: Random, p: dict) -> dict:
    """Personal notes (left out of the site unless asked for)."""
    private = {}
    if rng.random() < 0.7:
        private["birthday"] = p["birthday"].format(d=rng.randint(1, 28), month=rng.choice(p["months"]))
    if rng.random() < 0.6:
        private["hobbies"] = ", ".join(rng.sample(p["hobbies"], rng.randint(1, 2)))
    if rng.random() < 0.4:
        private["family"] = rng.choice(p["family"])
    if rng.random() < 0.3 or not private:
        private["values"] = rng.choice(p["values"])
    return private
