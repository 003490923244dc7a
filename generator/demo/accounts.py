"""One account plan, built step by step: organisation, team, situation, goals, deals,
actions, commitments, reviews, opportunities and interactions, in the plan's language.

`build_account` is the only entry point; the steps live in `stakeholders`,
`team`, `situation`, `deals` and `rhythm`, and all draw from the account's own
random source in the order they are called here.
"""

from __future__ import annotations

import datetime as dt
from random import Random

from .context import Account, Market, join
from .cycle import build_interactions, build_opportunities
from .deals import build_buying_process, build_proposals, build_tenders
from .people import People
from .pools import CRITERIA
from .rhythm import build_actions, build_commitments, build_goals, build_reviews
from .situation import build_competitors, build_products, build_relationship, build_revenue, build_situation
from .stakeholders import build_org, stakeholder_doc
from .team import build_team
from .yamlout import Folded

LEVELS = ["high", "medium", "low"]


def build_account(rng: Random, today: dt.date, people: People, market: Market, tier: str,
                  name: str, plan_id: str) -> tuple[dict, list[str], dict]:
    """The plan, its header comment lines, and facts for the portfolio (revenue in EUR by period)."""
    acc = Account(rng, today, people, market, tier, name, plan_id)
    acc.fleet = 10 * rng.randint(3, 60)
    build_org(acc)
    build_team(acc)
    criteria = _criteria(acc)
    products = build_products(acc)
    competitors = build_competitors(acc)
    revenue = build_revenue(acc)

    plan: dict = {"id": acc.id, "name": acc.name, "owner": acc.owner.id, "tier": acc.tier,
                  "status": acc.status, "segment": rng.choice(acc.p["segments"]), "country": acc.m.country,
                  "language": acc.m.lang,
                  "website": f"https://www.{acc.id}.example.{acc.m.country.lower()}/"}
    plan["summary"] = _summary(acc, criteria, products, competitors)
    plan["customer_experience"] = Folded(rng.choice(acc.p["experience"]))
    plan["relationship"] = build_relationship(acc)
    plan["classification"] = _classification(acc, criteria)
    plan["situation"] = build_situation(acc, revenue, products, competitors)
    plan["goals"] = build_goals(acc, revenue)
    plan["buying_process"] = build_buying_process(acc)
    plan["tenders"] = build_tenders(acc)
    plan["proposals"] = build_proposals(acc)
    plan["stakeholders"] = [stakeholder_doc(acc, s) for s in acc.stakeholders]
    plan["team"] = acc.team_docs
    plan["actions"] = build_actions(acc, plan["tenders"])
    plan["commitments"] = build_commitments(acc)
    plan["reviews"] = build_reviews(acc, plan["goals"])
    plan["opportunities"] = build_opportunities(acc, products)
    plan["interactions"] = build_interactions(acc, plan["opportunities"])
    if not plan["tenders"]:
        del plan["tenders"]

    header = [line.format(company=acc.name, currency=acc.m.currency, kam=acc.owner.name)
              for line in acc.p["header"]]
    facts = {"revenue_eur": {r["period"]: r["amount"] * acc.rate for r in revenue if not r.get("forecast")}}
    return plan, header, facts


def _criteria(acc: Account) -> list[str]:
    """Why the account is a key account: as many criteria as its tier asks for."""
    rng = acc.rng
    low, high = acc.shape["criteria"]
    count = rng.randint(low, high) if acc.tier == "strategic" else (low if rng.random() < 0.85 else high)
    return sorted(rng.sample(CRITERIA, count), key=CRITERIA.index)


def _summary(acc: Account, criteria: list[str], products: list[dict], competitors: list[dict]) -> Folded:
    """Who the customer is, what they buy from us (or whom from), and why they matter."""
    rng, p = acc.rng, acc.p
    owned = [x["name"].split(" – ")[0] for x in products if x["status"] == "owned"]
    city, city2 = rng.sample(acc.cities, 2)
    who = rng.choice(p["who"]).format(company=acc.name, city=city[1], city2=city2[1], n=acc.fleet,
                                      m=rng.randint(5, 9))
    if acc.status == "customer" and owned:
        what = p["buys"].format(owned=", ".join(owned))
    else:
        what = p["prospect"].format(competitor=competitors[0]["name"])
    why = (p["why"].format(why=join([p["criteria"][c] for c in criteria], p["and_"]))
           if criteria else p["why_none"])
    return Folded(f"{who} {what} {why}")


def _classification(acc: Account, criteria: list[str]) -> dict:
    rng = acc.rng
    classification: dict = {"criteria": criteria} if criteria else {}
    size = {"strategic": 0, "key": 1, "development": 2}[acc.tier]
    classification["size"] = LEVELS[min(2, max(0, size + rng.choice([-1, 0, 0, 1])))]
    classification["significance"] = LEVELS[min(2, size + rng.choice([0, 0, 1]))]
    classification["growth_potential"] = rng.choice(LEVELS[:2] if acc.tier != "development" else LEVELS)
    classification["relationship_quality"] = rng.choice(LEVELS)
    classification["abc_class"] = rng.choice(acc.shape["abc"])
    watch = []
    for kind in rng.sample(list(acc.p["watch"]), rng.choice([0, 1, 1, 2])):
        watch.append({"kind": kind, "date": acc.days_ago(20, 400), "note": rng.choice(acc.p["watch"][kind])})
    if watch:
        classification["watch"] = sorted(watch, key=lambda w: w["date"])
    return classification
