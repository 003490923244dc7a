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
from .. import formats
from ..i18n import _, ngettext
from .wording import figure, listing, money, percent


def period_span(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period: 2026, 2026-H1, 2026-Q3 or 2026-05."""
    year, _dash, part = str(period).partition("-")
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
    unmatched: tuple = ()  # settings.revenue's periods, when no plan with booked revenue has them all


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
        return RevenueBase(unmatched=tuple(sorted(totals)))
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
    return percent(amount / total)


@check("KAM501", "mono-dependency", params=[
    Param("max_percent", float, "The largest share of our revenue one account may make.", default=75,
          minimum=0, maximum=100),
])
def mono_dependency(plan: Plan, ctx: Context) -> Iterator[Problem]:
    """One account makes more than a set share of our revenue (75 % by default): we depend on one customer."""
    base: RevenueBase = ctx.once("revenue", lambda: revenue_base(ctx.portfolio))
    if plan.id in base.missing_rate:
        # Translators: {currency} is a currency code (USD); keep "exchange_rates" as it is (the settings' field).
        message = _("no exchange rate for {currency} in the portfolio settings (exchange_rates): this account is left "
                    "out of revenue concentration").format(currency=base.missing_rate[plan.id])
        yield Problem(("situation", "currency"), message)
        return
    if plan.id not in base.amounts or not base.total:
        return
    amount, path = base.amounts[plan.id]
    if 100 * amount / base.total > ctx.params["max_percent"]:
        currency = ctx.settings.currency
        # Translators: {share} is "80.0 %", {period} "2025" or "2026-Q3", {amount} and {total} money ("1.23 M EUR"),
        # {limit} the highest share allowed ("75 %").
        message = _("this account made {share} of our revenue in {period} ({amount} of {total}), over the {limit} "
                    "limit: we depend on one customer")
        yield Problem(path, message.format(share=_share(amount, base.total), period=formats.period(base.period),
                                           amount=money(amount, currency), total=money(base.total, currency),
                                           limit=_limit(ctx.params["max_percent"])), people=(plan.owner,))


@check("KAM502", "key-account share out of band", scope="portfolio", params=[
    Param("min_percent", float, "The smallest healthy share of our revenue from key accounts (tiers with key: true).",
          default=30, minimum=0, maximum=100),
    Param("max_percent", float, "The largest healthy share of our revenue from key accounts.", default=55,
          minimum=0, maximum=100),
])
def key_share(portfolio: Portfolio, ctx: Context) -> Iterator[Problem]:
    """Key accounts together make a share of our revenue outside a set band (30-55 % by default)."""
    base: RevenueBase = ctx.once("revenue", lambda: revenue_base(portfolio))
    if base.unmatched:
        # Translators: {periods} are the periods of settings.revenue ("2024 and 2025"); keep "settings.revenue"
        # as it is.
        message = _("no period is in both settings.revenue ({periods}) and every plan with booked revenue: revenue "
                    "concentration is not checked").format(periods=listing(map(formats.period, base.unmatched), 8))
        yield Problem(("revenue",), message, key=True, source="settings", severity=Severity.INFO)
    if base.period is None or not base.total:
        return
    key_tiers = {t.id for t in portfolio.settings.tiers if t.key}
    plans = [p for p in portfolio.plans if p.tier in key_tiers and p.id in base.amounts]
    amount = sum(base.amounts[p.id][0] for p in plans)
    low, high = ctx.params["min_percent"], ctx.params["max_percent"]
    share = 100 * amount / base.total
    if low <= share <= high:
        return
    currency = portfolio.settings.currency
    names = {"share": _share(amount, base.total), "period": formats.period(base.period),
             "amount": money(amount, currency), "total": money(base.total, currency), "low": figure(low),
             "high": figure(high)}
    if share > high:
        # Translators: {share} is "60.0 %", {amount} and {total} money ("1.23 M EUR"), {low}-{high} % the band.
        message = _("key accounts made {share} of our revenue in {period} ({amount} of {total}); the healthy band is "
                    "{low}-{high} %, above it: losing one of them would hurt")
    else:
        message = _("key accounts made {share} of our revenue in {period} ({amount} of {total}); the healthy band is "
                    "{low}-{high} %, below it: are the right accounts in the key tiers, and is their revenue recorded?")
    yield Problem(base.total_path, message.format(**names), source="settings")


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
    # Translators: one of our people: their id as written in the people file, and their name.
    return _("{id} ({name})").format(id=person_id, name=person.name) if person else person_id


def _limit(percent_value: float) -> str:
    """A threshold in percent as the settings give it: 75 -> '75 %'."""
    # Translators: a threshold in percent as the settings give it ("75 %").
    return _("{figure} %").format(figure=figure(percent_value))


@check("KAM503", "spread too thin", scope="portfolio", params=[
    Param("max_accounts", int, "The most key accounts one of our people may be on.", default=6, minimum=1, maximum=100),
])
def spread_too_thin(portfolio: Portfolio, ctx: Context) -> Iterator[Problem]:
    """One of our people is on the teams of more key accounts than a set maximum (6 by default)."""
    for person, accounts in sorted(_key_accounts(portfolio).items()):
        if len(accounts) > ctx.params["max_accounts"]:
            # Translators: {person} is "jtamm (Jaan Tamm)", {accounts} account ids, {limit} the most accounts allowed.
            message = ngettext("{person} is on {count} key account ({accounts}); at most {limit} leaves time to be "
                               "attentive to each", "{person} is on {count} key accounts ({accounts}); at most {limit} "
                               "leaves time to be attentive to each", len(accounts))
            yield Problem(_person_path(portfolio, person), message.format(
                person=_person(portfolio, person), count=formats.count(len(accounts)), accounts=listing(accounts),
                limit=formats.count(ctx.params["max_accounts"])), subject=person, people=(person,), source="people")


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
        # Translators: how many accounts the stakeholders are on, as in "3 high-influence stakeholders on 2 accounts".
        accounts = ngettext("{count} account", "{count} accounts", len(by_account)).format(
            count=formats.count(len(by_account)))
        # Translators: {person} is "jtamm (Jaan Tamm)", {accounts} "2 accounts", {where} the stakeholder ids by
        # account ("acme: mari, jaan; beta: ola"), {limit} the most allowed.
        message = ngettext("if {person} left, {count} high-influence stakeholder on {accounts} would have nobody of "
                           "ours ({where}); at most {limit} should hang on one person",
                           "if {person} left, {count} high-influence stakeholders on {accounts} would have nobody of "
                           "ours ({where}); at most {limit} should hang on one person", len(lost))
        yield Problem(_person_path(portfolio, person), message.format(
            person=_person(portfolio, person), count=formats.count(len(lost)), accounts=accounts, where=where,
            limit=formats.count(ctx.params["max_uncovered"])), subject=person, people=(person,), source="people")
