"""The account cycle on the site: an account's pipeline and timeline, and the portfolio's pipeline
by stage and by quarter of close (weighted and unweighted, in the portfolio currency)."""

from __future__ import annotations

from .. import cycle
from ..model import Plan
from ..model_cycle import STAGES
from . import documents
from .account_deals import person_link, stakeholder_links
from .context import HOME, REPORTS, Context, rel
from .escape import Markdown, html, md
from .md import bold, heading, join, none, small, table
from .words import date, money, percent, words

KIND_WORDS = {"meeting": "meeting", "call": "call", "visit": "visit", "email": "e-mail",
              "management_meeting": "management meeting", "complaint": "complaint"}


def _close(o, ctx: Context) -> Markdown:
    text = date(o.close)
    if o.is_open and o.close < ctx.today:
        return Markdown(f"**{md(text)} — passed**")
    return md(text)


def pipeline(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The plan's opportunities: open ones by close date, then won and lost."""
    lines = [heading(2, "Pipeline", "pipeline"), ""]
    if not plan.opportunities:
        return lines + none("No opportunities recorded.")
    settings = ctx.portfolio.settings
    open_ = sorted((o for o in plan.opportunities if o.is_open), key=lambda o: o.close)
    if open_:
        total = sum(cycle.converted(o, plan, settings) or 0 for o in open_)
        weighted = sum((cycle.converted(o, plan, settings) or 0) * o.chance for o in open_)
        missing = sorted({cycle.currency_of(o, plan, settings) for o in open_
                          if cycle.converted(o, plan, settings) is None})
        unrated = f" (no exchange rate for {', '.join(missing)} in the settings: left out)" if missing else ""
        lines += [f"{len(open_)} open: {money(total, settings.currency)}, weighted by the chance of winning "
                  f"{money(weighted, settings.currency)}{unrated}.", ""]
        rows = [[bold(o.title), words(o.stage), money(o.value, cycle.currency_of(o, plan, settings)),
                 percent(o.chance, 0), _close(o, ctx), join(o.products, "<br>"), stakeholder_links(plan, o.stakeholders),
                 person_link(ctx, uri, o.owner) if o.owner else "–", o.next_step] for o in open_]
        lines += table(["Opportunity", "Stage", "Value", "Chance", "Close", "Products", "Their people", "Ours",
                        "Next step"], rows, "llrrlllll")
    closed = sorted((o for o in plan.opportunities if not o.is_open), key=lambda o: o.close, reverse=True)
    if closed:
        lines += ["**Won and lost**", ""]
        rows = [[date(o.close), o.title, words(o.stage), money(o.value, cycle.currency_of(o, plan, settings)),
                 o.lost_reason if o.stage == "lost" else o.notes] for o in closed]
        lines += table(["Decided", "Opportunity", "Outcome", "Value", "Why / notes"], rows, "lllrl")
    return lines


def _complaint(event) -> Markdown:
    c = event.complaint
    if c is None:
        return Markdown("")
    hours = c.response_hours()
    parts = [f"opened {c.opened}", f"answered {c.responded} ({hours:.1f} h)" if hours is not None
             else "not answered yet", f"resolved {c.resolved}" if c.resolved else "not resolved yet"]
    return small("; ".join(parts))


def _document(path: str, resolve) -> Markdown:
    target = resolve(path)
    return Markdown(f'<a href="{html(target)}">{html(path)}</a>') if target else md(path)


def timeline(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """The plan's interactions, newest first, with both sides' people and the documents."""
    lines = [heading(2, "Timeline", "timeline"), ""]
    events = cycle.timeline(plan)
    if not events:
        return lines + none("No interactions recorded.")
    titles = {o.id: o.title for o in plan.opportunities}
    resolve = documents.resolver(ctx, plan, uri)  # a document this build publishes is a link
    rows = []
    for e in events:
        what = md(e.summary)
        if e.complaint is not None:
            what = Markdown(f"{what}<br>{_complaint(e)}")
        if e.opportunity:
            what = Markdown(f"{what}<br>{small('about: ' + titles.get(e.opportunity, e.opportunity))}")
        files = join((_document(d, resolve) for d in e.documents), "<br>")
        rows.append([date(e.date), KIND_WORDS.get(e.kind, words(e.kind)), what,
                     stakeholder_links(plan, e.stakeholders), join(person_link(ctx, uri, p) for p in e.participants),
                     files])
    return lines + table(["Date", "Kind", "What happened", "Their people", "Ours", "Documents"], rows)


def portfolio_pipeline(ctx: Context) -> list[str]:
    """The portfolio's pipeline by stage and by quarter of expected close, in the portfolio currency."""
    settings = ctx.portfolio.settings
    lines = [heading(2, "Pipeline", "pipeline"), "", "Quarter by quarter, what moved and what needs attention: the "
             f"[quarterly reports]({rel(HOME, REPORTS)}).", ""]
    result = cycle.pipeline(ctx.portfolio)
    if not any(s.count for s in result.by_stage.values()):
        return lines + none("No opportunities in the plans yet.")
    cur = settings.currency
    lines += [f"Open opportunities: **{result.open.count}**, worth {money(result.open.value, cur)}; weighted by "
              f"their chance of winning, **{money(result.open.weighted, cur)}**.", ""]
    rows = [[words(stage), str(s.count), money(s.value), money(s.weighted)]
            for stage, s in result.by_stage.items() if stage in STAGES]
    lines += table(["Stage", "Opportunities", f"Value ({cur})", f"Weighted ({cur})"], rows, "lrrr")
    if result.by_quarter:
        rows = [[q, str(s.count), money(s.value), money(s.weighted)] for q, s in result.by_quarter.items()]
        lines += ["**Open opportunities by the quarter they are expected to close:**", ""]
        lines += table(["Quarter", "Opportunities", f"Value ({cur})", f"Weighted ({cur})"], rows, "lrrr")
    if result.missing_rates:
        lines += [f"No exchange rate in the settings for: {', '.join(result.missing_rates)}; those opportunities "
                  "are left out of the sums.", ""]
    return lines
