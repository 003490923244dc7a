"""Portfolio-wide pages: the home page, the dashboard and the accounts index.

One row per account and no per-account navigation entries, so these pages
(and the build) grow linearly with the number of accounts.
"""

from __future__ import annotations

import datetime as dt

from .. import formats
from ..formats import joined, number
from ..i18n import N_, Translated, _, ngettext, pgettext
from ..model import Plan
from . import account_cycle, charts, figures, shape
from .context import ACCOUNTS, DASHBOARD, HOME, Context, Page, account_page, person_page, rel
from .escape import Markdown, md
from .health import account_link, badge, findings_table, health_cell, named, severity
from .md import admonition, front_matter, heading, link, none, nw, small, table
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
                             # Translators: what a revenue sparkline shows, read out by screen readers: {start}
                             # and {end} are periods ("2026-Q1"), {first} and {last} amounts ("600,000 EUR").
                             _("Revenue {start} to {end}: {first} to {last}").format(
                                 start=formats.period(series[0].period), end=formats.period(series[-1].period),
                                 first=money(series[0].amount, currency), last=money(last.amount, currency)))
    amount = f"{nw(money(last.amount, currency))} {nw(f'({formats.period(last.period)})')}"
    text = Markdown(f"{spark}<br>{amount}" if spark else amount)
    trend = signed_percent(figures.change(last, previous))
    if trend:
        # Translators: revenue's change against the period before: {change} is "▼ -6.5 %", {period} "2026-Q2".
        versus = _("{change} vs {period}").format(change=trend, period=formats.period(previous.period))
        text = Markdown(f"{text}<br>{small(versus)}")
    return text


RISK_CHARS = 110


def shortened(message: str) -> str:
    """A finding's message cut to RISK_CHARS, as the Key risk column shows it."""
    return message[: RISK_CHARS - 1].rstrip() + "…" if len(message) > RISK_CHARS else message


def _key_risk(ctx: Context, uri: str, plan: Plan) -> Markdown:
    """The worst active finding (shortened), linked to the account's health section."""
    active = ctx.account_findings(plan.id)
    if not active:
        return Markdown("–")
    rest = len(active) - 1
    # Translators: after a shortened list (here: the worst finding of an account): how many more there are.
    more = small(ngettext("+{count} more", "+{count} more", rest).format(count=number(rest))) if rest else ""
    target = rel(uri, account_page(plan.id)) + "#health"
    # Translators: the worst finding of an account: {severity} is "⚠️ warning", {finding} its message (a link).
    risk = _("{severity}: {finding}").format(severity=severity(active[0]),
                                             finding=link(shortened(named(ctx, active[0])), target))
    return Markdown(f"{risk} {more}".strip())


def _reviews(plan: Plan, ctx: Context) -> Markdown:
    last = plan.last_review
    if last is None:
        # Translators: in the Reviews column: the account has had no quarterly review.
        return Markdown(md(_("none yet")))
    upcoming = last.next_review
    # Translators: in the Reviews column, after the date the next review was due.
    overdue = _("overdue")
    late = Markdown(f" **{md(overdue)}**") if upcoming and upcoming < ctx.today else ""
    # Translators: in the Reviews column: {date} is the date of the last review / of the next one.
    held, due = _("last {date}").format(date=nw(date(last.date))), _("next {date}").format(date=nw(date(upcoming)))
    return Markdown(f"{held}<br>{due}{late}")


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
    # Translators: the title of the portfolio's home page (the browser tab); {company} is our company's name.
    lines = front_matter(_("{company}: key accounts").format(company=settings.company), hide=["navigation", "toc"],
                         search=False)
    # Translators: the heading of the portfolio's home page; {company} is our company's name.
    lines += [heading(1, _("{company}: key-account portfolio").format(company=settings.company)), ""]
    conc = figures.revenue_concentration(ctx.portfolio)
    status = ngettext("{count} account plan; status on {date}, worst first.",
                      "{count} account plans; status on {date}, worst first.", len(plans)).format(
                          count=number(len(plans)), date=date(ctx.today))
    # Translators: keep the Markdown links: [words](address), with the {placeholders} as addresses.
    see = _("See the [dashboard]({dashboard}) for risks and due work and the [accounts index]({accounts}) for an "
            "alphabetical list; [by tier]({by_tier}), [by key account manager]({by_owner}), "
            "[portfolio shape]({shape}).").format(dashboard=rel(HOME, DASHBOARD), accounts=rel(HOME, ACCOUNTS),
                                                  by_tier="#by-tier", by_owner="#by-owner", shape="#shape")
    lines += [f"{status} {see}", ""]
    lines += shape.health_summary(ctx, plans)
    rows = []
    share = {s.account: s for s in conc.accounts}
    for plan in plans:
        name = Markdown(f"{_account(ctx, HOME, plan)}<br>{small(plan.segment)}" if plan.segment
                        else _account(ctx, HOME, plan))
        rows.append([name, _health(ctx, plan), ctx.tier_name(plan), _person(ctx, HOME, plan.owner), plan.country,
                     _revenue(plan, ctx), percent(share[plan.id].share) if plan.id in share else "–",
                     _reviews(plan, ctx), _key_risk(ctx, HOME, plan)])
    lines += [heading(2, _("Accounts"), "accounts"), ""]
    if rows:
        lines += table([_("Account"), _("Health"), _("Tier"), _("Key account manager"), _("Country"),
                        _("Revenue, last period"), _("Share of ours"), _("Reviews"), _("Key risk")], rows, "lllllrrll")
    else:
        # Translators: {folder} is the folder of the plans, "accounts/".
        lines += none(_("No account plans yet: add one in {folder}.").format(folder="accounts/"))
    lines += shape.groups(ctx, plans, worst_first)
    lines += concentration(ctx, conc)
    lines += shape.pictures(ctx, conc)
    lines += account_cycle.portfolio_pipeline(ctx)
    return Page(HOME, "\n".join(lines) + "\n")


def concentration(ctx: Context, conc: figures.Concentration) -> list[str]:
    settings = ctx.portfolio.settings
    lines = [heading(2, _("Revenue concentration"), "concentration"), ""]
    if conc.period is None or not conc.total:
        # Translators: {field} is the settings' field of our revenue, "revenue:", as the user types it in the YAML.
        return lines + none(_("Our total revenue is not in the portfolio settings ({field}), so shares cannot be "
                              "computed.").format(field="revenue:"))
    period = formats.period(conc.period)
    # Translators: {period} is a year or a quarter ("2026-Q3"), {amount} an amount of money.
    ours = _("Our revenue in **{period}**: {amount}.").format(period=period,
                                                              amount=money(conc.total, settings.currency))
    # Translators: {amount} is an amount of money, {share} a percentage.
    key = _("Key accounts (tiers counted as key) bring **{amount}**, **{share}** of it.").format(
        amount=money(conc.key_amount, settings.currency), share=percent(conc.key_share))
    lines += [f"{ours} {key}", ""]
    if conc.key_share is not None and conc.key_share > 0.75:
        lines += admonition("danger", _("Mono-dependence"), [
            # Translators: {limit} is a percentage, "75 %".
            _("Above {limit} of revenue from key accounts the company depends on a few customers.").format(
                limit=percent(0.75, 0))])
    if conc.missing_rates:
        # Translators: {currencies} lists currency codes ("NOK, SEK").
        lines += [md(_("No exchange rate in the settings for: {currencies}; those accounts are left out of the sums.")
                     .format(currencies=joined(conc.missing_rates))), ""]
    rows = []
    for s in conc.accounts:
        plan = ctx.plan(s.account)
        bar = "█" * round(min(max(s.share or 0, 0), 1) * 40)  # a share over 100 % is a full bar
        # Translators: in the column "Key": whether the account's tier counts as key.
        key_word = pgettext("is a key account", "yes") if s.key else pgettext("is a key account", "no")
        rows.append([_account(ctx, HOME, plan), key_word, money(s.amount, settings.currency),
                     percent(s.share), Markdown(f'<span class="kam-bar">{bar}</span>') if bar else ""])
    headers = [_("Account"),
               # Translators: a column header: whether the account's tier counts as key ("yes", "no").
               pgettext("is a key account", "Key"),
               # Translators: a column header; {period} is a year or a quarter ("2026-Q3").
               _("Revenue in {period}").format(period=period), _("Share of ours"), _("Share, as a bar")]
    lines += table(headers, rows, "llrrl")
    return lines


# What is due, as the dashboard's column "What" says it.
DUE_WORDS = Translated({
    "action": N_("action"),
    "commitment": N_("commitment"),
    "proposal": N_("proposal expires"),
    "tender started": N_("tender preparation started"),
    "tender starts": N_("tender preparation starts"),
    "review": N_("quarterly review"),
})
TENDERS = ("tender started", "tender starts")  # a tender's preparation is never "late": it has started


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
                rows.append((p.expires, "proposal", plan, p.title, None))
        for t in plan.tenders:
            months = t.preparation_months if t.preparation_months is not None else default_months
            start = add_months(t.date, -months)
            if t.status in ("expected", "announced") and start <= horizon and t.date >= ctx.today - dt.timedelta(days=1):
                kind = "tender started" if start < ctx.today else "tender starts"
                rows.append((start, kind, plan, t.title, plan.owner))
        last = plan.last_review
        if last and last.next_review and last.next_review <= horizon:
            # Translators: in the dashboard's column "Item": {period} is the quarter of the last review ("2026-Q3").
            item = _("{period} → next review").format(period=formats.period(last.period))
            rows.append((last.next_review, "review", plan, item, plan.owner))
    rows.sort(key=lambda r: (r[0], r[2].name))
    out = []
    for when, kind, plan, what, owner in rows:
        late = when < ctx.today
        # Translators: in the dashboard's column "When": {date} is the date the work was due.
        late_text = _("{date} — late").format(date=date(when))
        when_text = Markdown(f"**{md(late_text)}**") if late and kind not in TENDERS else date(when)
        out.append([when_text, DUE_WORDS[kind], _account(ctx, uri, plan), what,
                    _person(ctx, uri, owner) if owner else "–"])
    return out


def dashboard(ctx: Context) -> Page:
    uri = DASHBOARD
    lines = front_matter(_("Dashboard"), hide=["navigation"], search=False)
    lines += [heading(1, _("Dashboard"), "dashboard"), "",
              md(_("Risks and due work on {date}.").format(date=date(ctx.today))), ""]
    active = [f for f in ctx.findings if not f.silenced]
    lines += [heading(2, _("Health"), "health"), ""]
    plans = worst_first(ctx, ctx.portfolio.plans)
    lines += table([_("Account"), _("Health"), _("Tier"), _("Key account manager")],
                   [[_account(ctx, uri, p, "health"), _health(ctx, p), ctx.tier_name(p), _person(ctx, uri, p.owner)]
                    for p in plans]) if plans else none(_("No account plans yet."))
    lines += [heading(2, _("Risks"), "risks"), ""]
    if active:
        tally = {}
        for f in active:
            tally.setdefault(f.account or "", []).append(f)
        lines += table([_("Account"), _("Errors"), _("Warnings"), pgettext("findings", "Info")],
                       [[account_link(ctx, uri, a, "health"),
                         number(sum(f.severity.value == "error" for f in fs)),
                         number(sum(f.severity.value == "warning" for f in fs)),
                         number(sum(f.severity.value == "info" for f in fs))]
                        for a, fs in sorted(tally.items(), key=lambda item: -len(item[1]))], "lrrr")
        ordered = sorted(active, key=lambda f: ({"error": 0, "warning": 1}.get(f.severity.value, 2), f.account or ""))
        lines += findings_table(ctx, uri, ordered, with_account=True)
    else:
        lines += none(_("No findings from the policy checks."))
    # Translators: a heading of the dashboard; {count} is a number of days (30).
    soon = ngettext("Due within {count} day or late", "Due within {count} days or late", SOON_DAYS)
    lines += [heading(2, soon.format(count=number(SOON_DAYS)), "due"), ""]
    due = _due(ctx, uri)
    lines += (table([_("When"), pgettext("kind of work", "What"), _("Account"), _("Item"), _("Who")], due) if due
              else none(_("Nothing due.")))
    return Page(uri, "\n".join(lines) + "\n")


def accounts_index(ctx: Context) -> Page:
    uri = ACCOUNTS
    lines = front_matter(_("Accounts"), hide=["navigation", "toc"], search=False)
    lines += [heading(1, _("Accounts"), "accounts"), ""]
    plans = sorted(ctx.portfolio.plans, key=lambda p: p.name.casefold())
    if not plans:
        return Page(uri, "\n".join(lines + none(_("No account plans yet."))) + "\n")
    rows = [[_account(ctx, uri, p), badge(ctx.health[p.id].state), ctx.tier_name(p), words(p.status),
             _person(ctx, uri, p.owner), p.country, p.language, number(len(p.stakeholders)), number(len(p.team)),
             number(sum(a.is_open for a in p.actions))] for p in plans]
    lines += table([_("Account"), _("Health"), _("Tier"), pgettext("customer status", "Status"),
                    _("Key account manager"), _("Country"), _("Language"), _("Stakeholders"), _("Team"),
                    _("Open actions")], rows, "lllllllrrr")
    return Page(uri, "\n".join(lines) + "\n")
