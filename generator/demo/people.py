"""Our people directory: management, country managers and staff in the sales regions.

The account builder draws each account team from it (`People.pick`); the
portfolio writes it to `accounts/_people.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from .names import latin_name, person_id, person_name, slug
from .pools import OUR_DOMAIN, REGION_NAMES, REGIONS

MANAGEMENT = ("Chief Executive Officer", "Chief Operating Officer", "Chief Financial Officer",
              "Chief Technology Officer")
# Staff beyond the four every region gets, by kind: how often each kind is hired.
STAFF_MIX = ["kam"] * 40 + ["specialist"] * 22 + ["service"] * 18 + ["support"] * 12 + ["sales"] * 8


@dataclass
class Person:
    id: str
    name: str
    kind: str  # management, country, kam, specialist, service, support
    region: str
    doc: dict


def staff_counts(used: list[str], regions: dict[str, int], staff: int) -> dict[str, int]:
    """Staff per region: four each (a KAM, a specialist, a service manager, a support
    engineer), the rest by the number of accounts in the region."""
    weights = {r: regions[r] for r in used}
    counts = {r: 4 for r in used}
    left = staff - 4 * len(used)
    all_accounts = sum(weights.values())
    for r in used:
        counts[r] += left * weights[r] // all_accounts
    extra = staff - sum(counts.values())
    for i in range(extra):
        counts[used[i % len(used)]] += 1
    return counts


class People:
    """Everyone of ours, in the order they were hired, and who is on hand per kind and region."""

    ROLES = {
        "kam": "Key Account Manager, {region}",
        "specialist": "Solution Specialist",
        "service": "Service Manager",
        "support": "Technical Support Engineer",
        "sales": "Account Manager",
    }
    UNITS = {"specialist": "Solutions", "service": "Customer Service", "support": "Technical Support"}

    def __init__(self, rng: Random, regions: dict[str, int], accounts: int):
        self.rng = rng
        self.taken: set = set()
        self.people: list[Person] = []
        self.by_kind: dict[tuple[str, str], list[Person]] = {}
        for role in MANAGEMENT:
            self._add("management", "EE", role, "Management, Tallinn")
        used = [r for r in REGIONS if regions.get(r)]
        self._add_country_managers(used, regions)
        total = max(accounts // 3 + 10, len(self.people) + 4 * len(used))
        counts = staff_counts(used, regions, total - len(self.people))
        for region in used:
            self._add_staff(region, counts[region])
        self._add_leavers(used, accounts)

    def _add_country_managers(self, used: list[str], regions: dict[str, int]) -> None:
        for region in used:
            unit, city, _ = REGIONS[region]
            self._add("country", region, f"Country Manager, {REGION_NAMES[region]}", f"{unit}, {city}")
            for _ in range(regions[region] // 40):  # executive sponsors enough for ~15 accounts each
                self._add("country", region, f"Sales Director, {REGION_NAMES[region]}", f"{unit}, {city}")

    def _add_staff(self, region: str, count: int) -> None:
        rng = self.rng
        kinds = ["kam", "specialist", "service", "support"] + [rng.choice(STAFF_MIX) for _ in range(count - 4)]
        for kind in kinds:
            unit = self.UNITS.get(kind, REGIONS[region][0])
            self._add(kind, region, self.ROLES[kind].format(region=REGION_NAMES[region]),
                      f"{unit}, {REGIONS[region][1]}")

    def _add_leavers(self, used: list[str], accounts: int) -> None:
        """One or two who left the company: in the directory, on no team."""
        leavers = 1 + accounts // 400
        for i in range(leavers):
            region = used[i % len(used)]
            person = self._add("kam", region, self.ROLES["kam"].format(region=REGION_NAMES[region]),
                               f"{REGIONS[region][0]}, {REGIONS[region][1]}", listed=False)
            person.doc["left"] = None  # set by the caller, who knows `today`

    def _add(self, kind: str, region: str, role: str, unit: str, listed: bool = True) -> Person:
        pool = self.rng.choice(REGIONS[region][2]) if kind != "management" else self.rng.choice(["EE", "EE", "FI"])
        name = latin_name(person_name(self.rng, pool))
        pid = person_id(name, self.taken)
        handle = pid if self.rng.random() < 0.5 else slug(name, 3).replace("-", "")
        email = ".".join(slug(name, 3).split("-")) + "@" + OUR_DOMAIN
        doc = {"id": pid, "name": name, "role": role, "unit": unit, "github": handle[:39], "email": email}
        person = Person(pid, name, kind, region, doc)
        self.people.append(person)
        if listed:
            self.by_kind.setdefault((kind, region), []).append(person)
            self.by_kind.setdefault((kind, "*"), []).append(person)
        return person

    def pick(self, kind: str, region: str, exclude: list) -> Person | None:
        local = [p for p in self.by_kind.get((kind, region), ()) if p not in exclude]
        if local and (self.rng.random() < 0.85 or kind in ("kam", "country")):
            return self.rng.choice(local)
        anywhere = [p for p in self.by_kind.get((kind, "*"), ()) if p not in exclude]
        return self.rng.choice(anywhere) if anywhere else (self.rng.choice(local) if local else None)
