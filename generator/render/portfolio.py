"""Portfolio-wide pages: the home page, the dashboard and the accounts index.

One row per account and no per-account navigation entries, so these pages
(and the build) grow linearly with the number of accounts.
"""

from __future__ import annotations

import datetime as dt

from ..model import Plan
from . import account_cycle, charts, figures, shape
from .context import ACCOUNTS, DASHBOARD, HOME, Context, Page, account_page, person_page, rel
from .escape import Markdown, md
from .health import badge, findings_table, health_cell, named, severity
from .md import front_matter, heading, link, none, nw, small, table
from .words import add_months, date, money, percent, signed_percent, words

SOON_DAYS = 30


def _account(ctx: Context, uri: str, plan: Plan, anchor: str = "") -> Markdown:
    return link(plan.name, rel(uri, account_page(plan.id)) + (f"#{anchor}" if anchor else ""))


def _person(ctx: Context, uri: str, person_id: str) -> Markdown:
    return link(ctx.person_name(person_id), rel(uri, person_page(person_id)))


def _revenue(plan: Plan, ctx: Context) -> Markdown:
    """'1,310,000 EUR (2026-Q3)' and, below, the trend against the period before."""
    last, previous = figures.revenue_trend(plan)
    if last is None:
        return Markdown("–")
    currency = figures.plan_currency(plan, ctx.portfolio.settings)
    series = [a for a in figures.booked(plan) if figures.period_kind(a.period) == figures.period_kind(last.period)]
    spark = charts.sparkline([a.amount for a in series],
                             f"Revenue {series[0].period} to {series[-1].period}: "
                             f"{money(series[0].amount, currency)} to {money(last.amount, currency)}")
    text = Markdown(f"{spark}<br>{nw(money(last.amount, currency))} {nw(f'({last.period})')}" if spark
                    else f"{nw(money(last.amount, currency))} {nw(f'({last.period})')}")
    trend = signed_percent(figures.change(last, previous))
    if trend:
        text = Markdown(f"{text}<br>{small(f'{trend} vs {previous.period}')}")
    return text


RISK_CHARS = 110


def _key_risk(ctx: Context, uri: str, plan: Plan) -> Markdown:
    """The worst active finding (shortened), linked to the account's health section."""
    active = ctx.account_findings(plan.id)
    if not active:
        return Markdown("–")
    message = named(ctx, active[0])
    if len(message) > RISK_CHARS:
        message = message[: RISK_CHARS - 1].rstrip() + "…"
    more = small(f"+{len(active) - 1} more") if len(active) > 1 else ""
    target = rel(uri, account_page(plan.id)) + "#health"
    return Markdown(f"{severity(active[0])}: {link(message, target)} {more}".strip())


def _reviews(plan: Plan, ctx: Context) -> Markdown:
    last = plan.last_review
    if last is None:
        return Markdown("none yet")
    upcoming = last.next_review
    late = Markdown(" **overdue**") if upcoming and upcoming < ctx.today else ""
    return Markdown(f"last {nw(date(last.date))}<br>next {nw(date(upcoming))}{late}")


def worst_first(ctx: Context, plans) -> list[Plan]:
    """Accounts by health (at risk first, then by score), then tier and name."""
    settings = ctx.portfolio.settings
    return sorted(plans, key=lambda p: (ctx.health[p.id].rank, -ctx.health[p.id].score,
                                        settings.tier_rank(p.tier), p.name.casefold()))


def _health(ctx: Context, plan: Plan) -> Markdown:
    return health_cell(ctx.health[plan.id], ctx.trends.get(plan.id) if ctx.trends else None)


def home(ctx: Context) -> Page:
    settings = ctx.portfolio.settings
    plans = worst_first(ctx, ctx.portfolio.plans)
    lines = front_matter(f"{settings.company}: key accounts", hide=["navigation", "toc"], search=False)
    lines += [heading(1, f"{settings.company}: key-account portfolio"), ""]
    conc = figures.revenue_concentration(ctx.portfolio)
    lines += [f"{len(plans)} account plans; status on {ctx.today.isoformat()}, worst first. "
              f"See the [dashboard]({rel(HOME, DASHBOARD)}) for risks and due work and the "
              f"[accounts index]({rel(HOME, ACCOUNTS)}) for an alphabetical list; "
              f"[by tier](#by-tier), [by key account manager](#by-owner), [portfolio shape](#shape).", ""]
    lines += shape.health_summary(ctx, plans)
    rows = []
    share = {s.account: s for s in conc.accounts}
    for plan in plans:
        name = Markdown(f"{_account(ctx, HOME, plan)}<br>{small(plan.segment)}" if plan.segment
                        else _account(ctx, HOME, plan))
        rows.append([name, _health(ctx, plan), ctx.tier_name(plan), _person(ctx, HOME, plan.owner), plan.country,
                     _revenue(plan, ctx), percent(share[plan.id].share) if plan.id in share else "–",
                     _reviews(plan, ctx), _key_risk(ctx, HOME, plan)])
    lines += [heading(2, "Accounts", "accounts"), ""]
    if rows:
        lines += table(["Account", "Health", "Tier", "Key account manager", "Country", "Revenue, last period",
                        "Share of ours", "Reviews", "Key risk"], rows, "lllllrrll")
    else:
        lines += none("No account plans yet: add one in accounts/.")
    lines += shape.groups(ctx, plans, worst_first)
    lines += concentration(ctx, conc)
    lines += shape.pictures(ctx, conc)
    lines += account_cycle.portfolio_pipeline(ctx)
    return Page(HOME, "\n".join(lines) + "\n")


def concentration(ctx: Context, conc: figures.Concentration) -> list[str]:
    settings = ctx.portfolio.settings
    lines = [heading(2, "Revenue concentration", "concentration"), ""]
    if conc.period is None or not conc.total:
        return lines + none("Our total revenue is not in the portfolio settings (revenue:), "
                            "so shares cannot be computed.")
    lines += [f"Our revenue in **{conc.period}**: {money(conc.total, settings.currency)}. "
              f"Key accounts (tiers counted as key) bring **{money(conc.key_amount, settings.currency)}**, "
              f"**{percent(conc.key_share)}** of it.", ""]
    if conc.key_share is not None and conc.key_share > 0.75:
        lines += ["!!! danger \"Mono-dependence\"", "",
                  "    Above 75 % of revenue from key accounts the company depends on a few customers.", ""]
    if conc.missing_rates:
        lines += [f"No exchange rate in the settings for: {', '.join(conc.missing_rates)}; "
                  "those accounts are left out of the sums.", ""]
    rows = []
    for s in conc.accounts:
        plan = ctx.plan(s.account)
        bar = "█" * round((s.share or 0) * 40)
        rows.append([_account(ctx, HOME, plan), "yes" if s.key else "no", money(s.amount, settings.currency),
                     percent(s.share), Markdown(f'<span class="kam-bar">{bar}</span>') if bar else ""])
    lines += table(["Account", "Key", f"Revenue in {conc.period}", "Share of ours", "Share, as a bar"], rows, "llrrl")
    return lines


def _due(ctx: Context, uri: str) -> list[list]:
    """Open work across the portfolio that is late or due within SOON_DAYS."""
    horizon = ctx.today + dt.timedelta(days=SOON_DAYS)
    rows = []
    default_months = ctx.portfolio.settings.tender_preparation_months
    for plan in ctx.portfolio.plans:
        for a in plan.actions:
            if a.is_open and a.due <= horizon:
                rows.append((a.due, "action", plan, a.title, a.owner))
        for c in plan.commitments:
            if c.is_open and c.current_due <= horizon:
                rows.append((c.current_due, "commitment", plan, c.promise, c.owner))
        for p in plan.proposals:
            if p.status in ("draft", "sent") and p.expires <= horizon:
                rows.append((p.expires, "proposal expires", plan, p.title, None))
        for t in plan.tenders:
            months = t.preparation_months if t.preparation_months is not None else default_months
            start = add_months(t.date, -months)
            if t.status in ("expected", "announced") and start <= horizon and t.date >= ctx.today - dt.timedelta(days=1):
                kind = "tender preparation started" if start < ctx.today else "tender preparation starts"
                rows.append((start, kind, plan, t.title, plan.owner))
        last = plan.last_review
        if last and last.next_review and last.next_review <= horizon:
            rows.append((last.next_review, "quarterly review", plan, f"{last.period} → next review", plan.owner))
    rows.sort(key=lambda r: (r[0], r[2].name))
    out = []
    for when, kind, plan, what, owner in rows:
        late = when < ctx.today
        when_text = Markdown(f"**{md(date(when))} — late**") if late and not kind.startswith("tender") else date(when)
        out.append([when_text, kind, _account(ctx, uri, plan), what,
                    _person(ctx, uri, owner) if owner else "–"])
    return out


def dashboard(ctx: Context) -> Page:
    uri = DASHBOARD
    lines = front_matter("Dashboard", hide=["navigation"], search=False)
    lines += [heading(1, "Dashboard"), "", f"Risks and due work on {ctx.today.isoformat()}.", ""]
    active = [f for f in ctx.findings if not f.silenced]
    lines += [heading(2, "Health", "health"), ""]
    plans = worst_first(ctx, ctx.portfolio.plans)
    lines += table(["Account", "Health", "Tier", "Key account manager"],
                   [[_account(ctx, uri, p, "health"), _health(ctx, p), ctx.tier_name(p), _person(ctx, uri, p.owner)]
                    for p in plans]) if plans else none("No account plans yet.")
    lines += [heading(2, "Risks", "risks"), ""]
    if active:
        tally = {}
        for f in active:
            tally.setdefault(f.account or "", []).append(f)
        lines += table(["Account", "Errors", "Warnings", "Info"],
                       [[_account(ctx, uri, ctx.plan(a), "health") if a else "portfolio",
                         str(sum(f.severity.value == "error" for f in fs)),
                         str(sum(f.severity.value == "warning" for f in fs)),
                         str(sum(f.severity.value == "info" for f in fs))]
                        for a, fs in sorted(tally.items(), key=lambda item: -len(item[1]))], "lrrr")
        ordered = sorted(active, key=lambda f: ({"error": 0, "warning": 1}.get(f.severity.value, 2), f.account or ""))
        lines += findings_table(ctx, uri, ordered, with_account=True)
    else:
        lines += none("No findings from the policy checks.")
    lines += [heading(2, f"Due within {SOON_DAYS} days or late", "due"), ""]
    due = _due(ctx, uri)
    lines += table(["When", "What", "Account", "Item", "Who"], due) if due else none("Nothing due.")
    return Page(uri, "\n".join(lines) + "\n")


def accounts_index(ctx: Context) -> Page:
    uri = ACCOUNTS
    lines = front_matter("Accounts", hide=["navigation", "toc"], search=False)
    lines += [heading(1, "Accounts"), ""]
    plans = sorted(ctx.portfolio.plans, key=lambda p: p.name.casefold())
    if not plans:
        return Page(uri, "\n".join(lines + none("No account plans yet.")) + "\n")
    rows = [[_account(ctx, uri, p), badge(ctx.health[p.id].state), ctx.tier_name(p), words(p.status),
             _person(ctx, uri, p.owner), p.country, p.language, str(len(p.stakeholders)), str(len(p.team)),
             str(sum(a.is_open for a in p.actions))] for p in plans]
    lines += table(["Account", "Health", "Tier", "Status", "Key account manager", "Country", "Language",
                    "Stakeholders", "Team", "Open actions"], rows, "lllllllrrr")
    return Page(uri, "\n".join(lines) + "\n")
