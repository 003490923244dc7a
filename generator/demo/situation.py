"""The account's situation and history: our products there, competitors, two years of
quarterly revenue, the customer's units, and the story of the relationship."""

from __future__ import annotations

import datetime as dt

from .context import Account, quarter, shift_quarter
from .names import slug, unique
from .pools import COMPETITORS, PRODUCTS
from .yamlout import Flow, Literal

SEASON = {1: 0.93, 2: 1.0, 3: 1.02, 4: 1.05}  # revenue by quarter of the year
PRODUCT_STATUSES = ["owned", "missing", "pilot", "competitor", "not_relevant"]


def build_products(acc: Account) -> list[dict]:
    rng, lang = acc.rng, acc.m.lang
    chosen = rng.sample(PRODUCTS, rng.randint(4, 6))
    chosen.sort(key=PRODUCTS.index)
    out = []
    scale = {"strategic": 400_000, "key": 120_000, "development": 30_000}[acc.tier] / acc.rate
    for i, (short, desc) in enumerate(chosen):
        if acc.status == "customer":
            status = "owned" if i < rng.randint(1, 3) else rng.choice(["missing", "missing", "pilot", "competitor",
                                                                        "not_relevant"])
        else:
            status = rng.choice(["missing", "competitor", "competitor", "not_relevant"])
        product: dict = {"name": f"Merevaik {short} – {desc[lang]}", "status": status}
        if status != "not_relevant":
            product["potential"] = int(round(scale * rng.uniform(0.3, 2.0), -4))
        if status == "competitor":
            product["competitor"] = rng.choice(COMPETITORS[acc.m.country])
        if status in ("missing", "pilot", "competitor") and rng.random() < 0.6:
            product["notes"] = acc.deal("product_notes")
        out.append(product)
    return out


def build_competitors(acc: Account) -> list[dict]:
    rng = acc.rng
    names = rng.sample(COMPETITORS[acc.m.country], rng.randint(1, 2))
    if rng.random() < 0.3:
        names.append(acc.p["own_it"])
    out, left = [], 100 if acc.status == "prospect" else 50
    for name in names:
        share = rng.randint(0, max(0, left // 2)) // 5 * 5
        left -= share
        out.append({"name": name, "share": share,
                    "satisfaction": rng.choice(["happy", "neutral", "unhappy", "unhappy"]),
                    "notes": acc.deal("competitor_notes")})
    if names[-1] == acc.p["own_it"]:
        del out[-1]["notes"]
    return out


def build_revenue(acc: Account) -> list[dict]:
    """Eight quarters up to the current one (a forecast), for a customer; none for a prospect."""
    if acc.status != "customer":
        return []
    rng = acc.rng
    low, high = acc.shape["revenue"]
    base = rng.uniform(low, high) / acc.rate
    growth = rng.uniform(-0.02, 0.05)
    year, q = quarter(acc.today)
    out = []
    step = 10_000 if acc.m.currency == "NOK" else 1_000
    for k in range(-7, 1):
        py, pq = shift_quarter(year, q, k)
        amount = base * (1 + growth) ** (k + 7) * SEASON[pq] * rng.uniform(0.92, 1.08)
        entry = Flow(period=f"{py}-Q{pq}", amount=int(round(amount / step)) * step)
        if k == 0:
            entry["forecast"] = True
        out.append(entry)
    return out


def build_situation(acc: Account, revenue: list[dict], products: list[dict], competitors: list[dict]) -> dict:
    situation: dict = {"currency": acc.m.currency}
    if revenue:
        situation["revenue"] = revenue
    if acc.status == "customer" and acc.rng.random() < 0.3:
        units = _units(acc)
        situation["units"] = units
        _products_per_unit(acc, products, units)
    situation["products"] = products
    situation["competitors"] = competitors
    return situation


def _units(acc: Account) -> list[dict]:
    rng = acc.rng
    units = []
    taken: set = set()
    for template in rng.sample(acc.p["unit_names"], rng.randint(2, 4)):
        unit_name = template.format(city=rng.choice(acc.cities)[0])
        units.append({"id": unique(slug(unit_name, 3), taken), "name": unit_name})
    return units


def _products_per_unit(acc: Account, products: list[dict], units: list[dict]) -> None:
    """Some products differ by unit: those say so per unit (and lose their notes)."""
    rng = acc.rng
    for product in products:
        if product["status"] in ("owned", "pilot", "missing") and rng.random() < 0.5:
            per_unit = {}
            for unit in units:
                status = rng.choice(PRODUCT_STATUSES)
                if status != product["status"] and rng.random() < 0.6:
                    per_unit[unit["id"]] = status
            if per_unit:
                product["units"] = per_unit
                product.pop("notes", None)


def build_relationship(acc: Account) -> dict:
    if acc.status == "customer":
        since, lines = _customer_history(acc)
    else:
        since, lines = _prospect_history(acc)
    return {"since": since, "history": Literal("\n".join(lines) + "\n")}


def _customer_history(acc: Account) -> tuple[dt.date, list[str]]:
    rng, h, year = acc.rng, acc.p["history"], acc.today.year
    start = rng.randint(year - 10, year - 1)
    since = dt.date(start, rng.randint(1, 12), 1)
    champion = next((s for s in acc.stakeholders if s.attitude == "champion"), acc.stakeholders[1])
    lines = [f"{start} – " + h["start"].format(n=max(10, acc.fleet // 5 // 10 * 10), person=champion.name)]
    events = ["full", "product", "complaint", "people", "price", "tender"]
    years = sorted(rng.sample(range(start + 1, year + 1), min(year - start, rng.randint(2, 4))))
    for y, event in zip(years, rng.sample(events, len(years))):
        other = rng.choice(acc.stakeholders[:max(2, len(acc.stakeholders) // 3)])
        # a title inside a sentence starts in lower case, except in English and for acronyms
        title = other.title[0].lower() + other.title[1:] \
            if acc.m.lang != "en" and other.title[1:2].islower() else other.title
        lines.append(f"{y} – " + h[event].format(
            n=acc.fleet, product=acc.product_name(), title=title, person=other.name,
            competitor=rng.choice(COMPETITORS[acc.m.country])))
    return since, lines


def _prospect_history(acc: Account) -> tuple[dt.date, list[str]]:
    rng, h, year = acc.rng, acc.p["history"], acc.today.year
    start = rng.randint(year - 2, year)
    since = dt.date(start, rng.randint(1, min(12, acc.today.month)), 1) if start == year else \
        dt.date(start, rng.randint(1, 12), 1)
    lines = [f"{start} – " + h["first"]]
    if start < year:
        lines.append(f"{year} – " + h["pilot_offer"])
    return since, lines
