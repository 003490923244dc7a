"""The account cycle on the site: an account's pipeline and timeline, and the portfolio's pipeline
by stage and by quarter of close (weighted and unweighted, in the portfolio currency)."""

from __future__ import annotations

from .. import cycle, formats
from ..i18n import _, ngettext, pgettext
from ..model import Plan
from ..model_cycle import STAGES
from . import documents
from .account_deals import person_link, stakeholder_links
from .context import HOME, REPORTS, Context, rel
from .escape import Markdown, html, md
from .md import bold, heading, join, none, small, table
from .words import date, money, percent, words



def kind_words(kind: str) -> str:
    """An interaction's kind in words: the plan's value, but 'email' as the site has always written it."""
    return pgettext("interaction kind", "e-mail") if kind == "email" else words(kind)


def _close(o, ctx: Context) -> Markdown:
    text = date(o.close)
    if o.is_open and o.close < ctx.today:
        return bold(_("{date} — passed").format(date=text))
    return md(text)


def pipeline(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The plan's opportunities: open ones by close date, then won and lost."""
    lines = [heading(2, _("Pipeline"), "pipeline"), ""]
    if not plan.opportunities:
        return lines + none(_("No opportunities recorded."))
    settings = ctx.portfolio.settings
    open_ = sorted((o for o in plan.opportunities if o.is_open), key=lambda o: o.close)
    if open_:
        total = sum(cycle.converted(o, plan, settings) or 0 for o in open_)
        weighted = sum((cycle.converted(o, plan, settings) or 0) * o.chance for o in open_)
        missing = sorted({cycle.currency_of(o, plan, settings) for o in open_
                          if cycle.converted(o, plan, settings) is None})
        amounts = dict(count=formats.count(len(open_)), total=money(total, settings.currency),
                       weighted=money(weighted, settings.currency))
        if missing:
            # Translators: {currencies} lists ISO currency codes (EUR, NOK) that have no exchange rate.
            text = ngettext("{count} open: {total}, weighted by the chance of winning {weighted} (no exchange rate "
                            "for {currencies} in the settings: left out).", "{count} open: {total}, weighted by the "
                            "chance of winning {weighted} (no exchange rate for {currencies} in the settings: left "
                            "out).", len(open_)).format(currencies=formats.joined(missing), **amounts)
        else:
            text = ngettext("{count} open: {total}, weighted by the chance of winning {weighted}.",
                            "{count} open: {total}, weighted by the chance of winning {weighted}.",
                            len(open_)).format(**amounts)
        lines += [text, ""]
        rows = [[bold(o.title), words(o.stage), money(o.value, cycle.currency_of(o, plan, settings)),
                 percent(o.chance, 0), _close(o, ctx), join(o.products, "<br>"), stakeholder_links(plan, o.stakeholders),
                 person_link(ctx, uri, o.owner) if o.owner else "–", o.next_step] for o in open_]
        lines += table([_("Opportunity"), _("Stage"), _("Value"), _("Chance"),
                        # Translators: heads the day an opportunity is expected to close (be won or lost).
                        _("Close"),
                        _("Products"),
                        # Translators: "Their people" heads the customer's people, "Ours" our people.
                        _("Their people"), _("Ours"),
                        _("Next step")], rows, "llrrlllll")
    closed = sorted((o for o in plan.opportunities if not o.is_open), key=lambda o: o.close, reverse=True)
    if closed:
        lines += [bold(_("Won and lost")), ""]
        rows = [[date(o.close), o.title, words(o.stage), money(o.value, cycle.currency_of(o, plan, settings)),
                 o.lost_reason if o.stage == "lost" else o.notes] for o in closed]
        lines += table([_("Decided"), _("Opportunity"), _("Outcome"), _("Value"), _("Why / notes")], rows, "lllrl")
    return lines


def _complaint(event) -> Markdown:
    c = event.complaint
    if c is None:
        return Markdown("")
    hours = c.response_hours()
    # Translators: a complaint's course: {moment} is a date and time as the plan gives it; {hours} the hours it
    # took to answer (one decimal).
    parts = [_("opened {moment}").format(moment=c.opened),
             _("answered {moment} ({hours} h)").format(moment=c.responded, hours=_hours(hours)) if hours is not None
             else _("not answered yet"),
             _("resolved {moment}").format(moment=c.resolved) if c.resolved else _("not resolved yet")]
    return small("; ".join(parts))


def _hours(hours: float) -> str:
    """Hours with one decimal, as the reader writes numbers (12.5 / 12,5): formats has no number with a
    chosen count of decimals, so this is its percent of hours / 100 without the sign."""
    return formats.percent(hours / 100, 1).removesuffix("%").strip()


def _document(path: str, resolve) -> Markdown:
    target = resolve(path)
    return Markdown(f'<a href="{html(target)}">{html(path)}</a>') if target else md(path)


def timeline(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The plan's interactions, newest first, with both sides' people and the documents."""
    lines = [heading(2, _("Timeline"), "timeline"), ""]
    events = cycle.timeline(plan)
    if not events:
        return lines + none(_("No interactions recorded."))
    titles = {o.id: o.title for o in plan.opportunities}
    resolve = documents.resolver(ctx, plan, uri)  # a document this build publishes is a link
    rows = []
    for e in events:
        what = md(e.summary)
        if e.complaint is not None:
            what = Markdown(f"{what}<br>{_complaint(e)}")
        if e.opportunity:
            # Translators: the opportunity (its title) an interaction was about.
            about = _("about: {opportunity}").format(opportunity=titles.get(e.opportunity, e.opportunity))
            what = Markdown(f"{what}<br>{small(about)}")
        files = join((_document(d, resolve) for d in e.documents), "<br>")
        rows.append([date(e.date), kind_words(e.kind), what,
                     stakeholder_links(plan, e.stakeholders), join(person_link(ctx, uri, p) for p in e.participants),
                     files])
    return lines + table([_("Date"), _("Kind"), _("What happened"), _("Their people"), _("Ours"), _("Documents")], rows)


def portfolio_pipeline(ctx: Context) -> list[str]:
    """The portfolio's pipeline by stage and by quarter of expected close, in the portfolio currency."""
    settings = ctx.portfolio.settings
    # Translators: {reports} is a link whose text is the next message ("quarterly reports").
    reports_text = md(_("quarterly reports"))
    reports = f"[{reports_text}]({rel(HOME, REPORTS)})"
    lines = [heading(2, _("Pipeline"), "pipeline"), "",
             _("Quarter by quarter, what moved and what needs attention: the {reports}.").format(reports=reports), ""]
    result = cycle.pipeline(ctx.portfolio)
    if not any(s.count for s in result.by_stage.values()):
        return lines + none(_("No opportunities in the plans yet."))
    cur = settings.currency
    lines += [_("Open opportunities: **{count}**, worth {value}; weighted by their chance of winning, **{weighted}**.")
              .format(count=formats.count(result.open.count), value=money(result.open.value, cur),
                      weighted=money(result.open.weighted, cur)), ""]
    # Translators: {currency} is an ISO currency code such as EUR.
    value_header, weighted_header = _("Value ({currency})").format(currency=cur), _("Weighted ({currency})").format(
        currency=cur)
    rows = [[words(stage), formats.count(s.count), money(s.value), money(s.weighted)]
            for stage, s in result.by_stage.items() if stage in STAGES]
    lines += table([_("Stage"), _("Opportunities"), value_header, weighted_header], rows, "lrrr")
    if result.by_quarter:
        rows = [[formats.period(q), formats.count(s.count), money(s.value), money(s.weighted)]
                for q, s in result.by_quarter.items()]
        lines += [bold(_("Open opportunities by the quarter they are expected to close:")), ""]
        lines += table([_("Quarter"), _("Opportunities"), value_header, weighted_header], rows, "lrrr")
    if result.missing_rates:
        # Translators: {currencies} lists ISO currency codes (EUR, NOK).
        lines += [_("No exchange rate in the settings for: {currencies}; those opportunities are left out of the "
                    "sums.").format(currencies=formats.joined(result.missing_rates)), ""]
    return lines
