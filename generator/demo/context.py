"""One account being built: its random source, language pack and tier, and what earlier steps decided.

The builder's steps (`stakeholders`, `team`, `situation`, `deals`, `rhythm`)
are functions of an `Account`: each reads what the steps before it left here
and adds its own part. Every random draw goes through `Account.rng` in a fixed
order, so the order of the steps is part of the output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from random import Random

from .people import People, Person
from .pools import CITIES, EXCHANGE_RATES, PACKS, PRODUCTS, TIER_SHAPE


@dataclass
class Market:
    lang: str
    country: str
    names: str
    currency: str
    region: str


@dataclass
class Stakeholder:
    index: int
    id: str
    name: str
    level: int
    unit: str  # unit key
    title: str
    parent: int | None
    roles: list
    influence: str = "medium"
    attitude: str = "neutral"
    left: bool = False


class Account:
    # Set by the steps, in this order: fleet (accounts); stakeholders, levels, influences
    # (stakeholders); team, owner, last_contact, team_docs (team); goal_values (rhythm).
    fleet: int
    stakeholders: list[Stakeholder]
    levels: int
    influences: dict[int, list[int]]
    team: list[tuple[Person, str]]
    owner: Person
    last_contact: dict[int, dt.date]
    team_docs: list[dict]
    goal_values: dict[str, dict]

    def __init__(self, rng: Random, today: dt.date, people: People, market: Market, tier: str,
                 name: str, plan_id: str):
        self.rng = rng
        self.today = today
        self.people = people
        self.m = market
        self.p = PACKS[market.lang]
        self.tier = tier
        self.shape = TIER_SHAPE[tier]
        self.name = name
        self.id = plan_id
        self.cities = CITIES[(market.lang, market.country)]
        self.status = "customer" if tier != "development" or rng.random() < 0.6 else "prospect"
        self.rate = EXCHANGE_RATES.get(market.currency, 1.0)
        self.decks: dict[str, list] = {}

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def days_ahead(self, low: int, high: int) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(low, high))

    def text(self, template: str, **extra) -> str:
        values = dict(company=self.name, product=self.product_name(), product2=self.product_name(),
                      city=self.rng.choice(self.cities)[0], n=10 * self.rng.randint(3, 30),
                      year=self.today.year, year2=self.today.year + 3, currency=self.m.currency)
        values.update(extra)
        return template.format(**values)

    def deal(self, key: str) -> str:
        """The next text of a pool, without repeats until the pool is used up (per plan)."""
        deck = self.decks.get(key)
        if not deck:
            deck = list(self.p[key])
            self.rng.shuffle(deck)
            self.decks[key] = deck
        return deck.pop()

    def product_name(self) -> str:
        return f"Merevaik {self.rng.choice(PRODUCTS)[0]}"

    def active(self) -> list[Stakeholder]:
        return [s for s in self.stakeholders if not s.left]

    def decision_makers(self) -> list[Stakeholder]:
        return [s for s in self.active() if s.influence == "high" or "economic" in s.roles]

    def money(self, amount: int) -> str:
        return money(self.m.lang, amount, self.m.currency)


# --- quarters, lists and amounts as the plans write them ----------------------------------

def quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    index = year * 4 + (q - 1) + by
    return index // 4, index % 4 + 1


def quarter_end(year: int, q: int) -> dt.date:
    return dt.date(year, 12, 31) if q == 4 else dt.date(year, q * 3 + 1, 1) - dt.timedelta(days=1)


def join(items: list[str], and_: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {and_} " + items[-1]


def money(lang: str, amount: int, currency: str) -> str:
    sep, million = PACKS[lang]["money"]
    symbol = "€" if currency == "EUR" else currency
    if amount >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}".replace(".0", "").replace(".", sep)
        return f"{text} {million} {symbol}" if lang != "en" else f"{text} {million} {currency}"
    grouped = f"{amount:,}".replace(",", "," if lang == "en" else " ")
    return f"{grouped} {symbol}" if lang != "en" else f"{grouped} {currency}"
