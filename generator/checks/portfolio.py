"""The portfolio: revenue concentration, and how much of it rests on one of our people.

Revenue is compared in the latest period that settings.revenue and every
current plan with booked revenue have in common (forecasts are left out),
converting plan currencies with settings.exchange_rates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .. import analyse
from ..diagnostics import Severity
from ..model import Plan, Portfolio
from .registry import Context, Param, Problem, check
from .wording import listing, money, plural


def period_span(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period: 2026, 2026-H1, 2026-Q3 or 2026-05."""
    year, _, part = str(period).partition("-")
    first, last = 1, 12
    if part.startswith("H"):
        first = 1 + 6 * (int(part[1]) - 1)
        last = first + 5
    elif part.startswith("Q"):
        first = 1 + 3 * (int(part[1]) - 1)
        last = first + 2
    elif part:
        first = last = int(part)
    end = dt.date(int(year) + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(int(year), first, 1), end


def _latest_key(period: str):
    start, end = period_span(period)
    return end, end - start  # the latest end; of equal ends, the longest period


@dataclass
class RevenueBase:
    period: Optional[str] = None
    total: float = 0.0
    total_path: tuple = ()
    amounts: dict = field(default_factory=dict)  # plan id -> (amount in our currency, path of the entry)
    missing_rate: dict = field(default_factory=dict)  # plan id -> currency without a rate
    note: Optional[str] = None  # why concentration could not be computed


def revenue_base(portfolio: Portfolio) -> RevenueBase:
    settings = portfolio.settings
    totals = {str(a.period): a for a in settings.revenue if not a.forecast}
    if not totals:
        return RevenueBase()
    booked = {p.id: {str(a.period): a for a in p.situation.revenue if not a.forecast}
              for p in portfolio.plans}
    current = [p for p in portfolio.plans if p.status != "former" and booked[p.id]]
    common = [period for period in totals if all(period in booked[p.id] for p in current)]
    if not current:
        return RevenueBase()
    if not common:
        return RevenueBase(note=f"no period is in both settings.revenue ({listing(sorted(totals), 8)}) and every "
                                f"plan with booked revenue: revenue concentration is not checked")
    period = max(common, key=_latest_key)
    base = RevenueBase(period, totals[period].amount, totals[period].path + ("amount",))
    for plan in portfolio.plans:
        entry = booked[plan.id].get(period)
        if entry is None:
            continue
        currency = plan.currency or settings.currency
        rate = 1.0 if currency == settings.currency else settings.exchange_rates.get(currency)
        if rate is None:
            base.missing_rate[plan.id] = currency
        else:
            base.amounts[plan.id] = (entry.amount * rate, entry.path + ("amount",))
    return base


def _share(amount: float, total: float) -> str:
    return f"{100 * amount / total:.1f} %"


@check("KAM501", "mono-dependency", params=[
    Param("max_percent", float, "The largest share of our revenue one account may make.", default=75,
          minimum=0, maximum=100),
])
def mono_dependency(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """One account makes more than a set share of our revenue (75 % by default): we depend on one customer."""
    base: RevenueBase = ctx.once("revenue", lambda: revenue_base(ctx.portfolio))
    if plan.id in base.missing_rate:
        yield Problem(("situation", "currency"), f"no exchange rate for {base.missing_rate[plan.id]} in the portfolio "
                      f"settings (exchange_rates): this account is left out of revenue concentration")
        return
    if plan.id not in base.amounts or not base.total:
        return
    amount, path = base.amounts[plan.id]
    if 100 * amount / base.total > ctx.params["max_percent"]:
        currency = ctx.settings.currency
        yield Problem(path, f"this account made {_share(amount, base.total)} of our revenue in {base.period} "
                      f"({money(amount, currency)} of {money(base.total, currency)}), over the "
                      f"{ctx.params['max_percent']:g} % limit: we depend on one customer", people=(plan.owner,))


@check("KAM502", "key-account share out of band", scope="portfolio", params=[
    Param("min_percent", float, "The smallest healthy share of our revenue from key accounts (tiers with key: true).",
          default=30, minimum=0, maximum=100),
    Param("max_percent", float, "The largest healthy share of our revenue from key accounts.", default=55,
          minimum=0, maximum=100),
])
def key_share(portfolio: Portfolio, ctx: Context) -> Iterator[Problem]:
    """Key accounts together make a share of our revenue outside a set band (30-55 % by default)."""
    base: RevenueBase = ctx.once("revenue", lambda: revenue_base(portfolio))
    if base.note:
        yield Problem(("revenue",), base.note, key=True, source="settings", severity=Severity.INFO)
    if base.period is None or not base.total:
        return
    key_tiers = {t.id for t in portfolio.settings.tiers if t.key}
    plans = [p for p in portfolio.plans if p.tier in key_tiers and p.id in base.amounts]
    amount = sum(base.amounts[p.id][0] for p in plans)
    low, high = ctx.params["min_percent"], ctx.params["max_percent"]
    share = 100 * amount / base.total
    if low <= share <= high:
        return
    side = ("above it: losing one of them would hurt" if share > high
            else "below it: are the right accounts in the key tiers, and is their revenue recorded?")
    currency = portfolio.settings.currency
    yield Problem(base.total_path, f"key accounts made {_share(amount, base.total)} of our revenue in {base.period} "
                  f"({money(amount, currency)} of {money(base.total, currency)}); the healthy band is "
                  f"{low:g}-{high:g} %, {side}", source="settings")


def _key_accounts(portfolio: Portfolio) -> dict[str, list[str]]:
    key_tiers = {t.id for t in portfolio.settings.tiers if t.key}
    accounts: dict[str, list[str]] = defaultdict(list)
    for plan in portfolio.plans:
        if plan.tier in key_tiers and plan.status != "former":
            for member in plan.team:
                accounts[member.person].append(plan.id)
    return accounts


def _person_path(portfolio: Portfolio, person_id: str) -> tuple:
    person = portfolio.people.get(person_id)
    return person.path + ("id",) if person else ()


def _person(portfolio: Portfolio, person_id: str) -> str:
    person = portfolio.people.get(person_id)
    return f"{person_id} ({person.name})" if person else person_id


@check("KAM503", "spread too thin", scope="portfolio", params=[
    Param("max_accounts", int, "The most key accounts one of our people may be on.", default=6, minimum=1, maximum=100),
])
def spread_too_thin(portfolio: Portfolio, ctx: Context) -> Iterator[Problem]:
    """One of our people is on the teams of more key accounts than a set maximum (6 by default)."""
    for person, accounts in sorted(_key_accounts(portfolio).items()):
        if len(accounts) > ctx.params["max_accounts"]:
            yield Problem(_person_path(portfolio, person), f"{_person(portfolio, person)} is on "
                          f"{plural(len(accounts), 'key account')} ({listing(accounts)}); at most "
                          f"{ctx.params['max_accounts']} leaves time to be attentive to each",
                          subject=person, people=(person,), source="people")


@check("KAM504", "portfolio exposure to one person", scope="portfolio", params=[
    Param("max_uncovered", int, "The most high-influence stakeholders, across the portfolio, that only one of our "
          "people covers.", default=2, minimum=0, maximum=1000),
])
def exposure(portfolio: Portfolio, ctx: Context) -> Iterator[Problem]:
    """If one of our people left, more than a set number of high-influence stakeholders across the portfolio
    (2 by default) would have nobody of ours (analyse.portfolio_exposure)."""
    plans = {p.id: p for p in portfolio.plans if p.status != "former"}
    present = {(pid, s.id) for pid, p in plans.items() for s in analyse.present_stakeholders(p, ctx.today)}
    for person, exposed in analyse.portfolio_exposure(portfolio, graph_of=ctx.coverage_graph).items():
        lost = [pair for pair in exposed.lost_high_influence if pair in present]
        if len(lost) <= ctx.params["max_uncovered"]:
            continue
        by_account: dict[str, list[str]] = defaultdict(list)
        for account, sid in lost:
            by_account[account].append(sid)
        where = "; ".join(f"{account}: {', '.join(sids)}" for account, sids in by_account.items())
        yield Problem(_person_path(portfolio, person), f"if {_person(portfolio, person)} left, "
                      f"{plural(len(lost), 'high-influence stakeholder')} on {plural(len(by_account), 'account')} "
                      f"would have nobody of ours ({where}); at most {ctx.params['max_uncovered']} should hang on "
                      f"one person", subject=person, people=(person,), source="people")
