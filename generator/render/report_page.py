"""The quarterly report as Markdown: printed by `kam report` and published as a page per quarter."""

from __future__ import annotations

from typing import Callable, Optional

import datetime as dt

from .. import cycle, formats, report as quarterly
from ..checks import run_checks
from ..formats import joined, number
from ..i18n import _, ngettext, npgettext, pgettext
from ..report import AccountReport, Report
from .context import REPORTS, Context, Page, account_page, rel
from .escape import Markdown, md
from .md import bold, front_matter, heading, link, none, table
from .words import date, money, words

AccountLink = Callable[[AccountReport], Markdown]
ATTENTION_LIMIT = 20  # the head of department reads the worst first; the table has every account


def _name(a: AccountReport, link: Optional[AccountLink]) -> Markdown:
    return link(a) if link else bold(a.name)


def _day(iso: Optional[str]) -> str:
    """A date of the report (kept as ISO text in its data) as the reader writes dates."""
    return date(dt.date.fromisoformat(iso)) if iso else "–"


def _review(a: AccountReport) -> str:
    if a.review and a.next_review:
        # Translators: in the report's column "Review": {date} is when the review was held, {next} the next one's date.
        return _("held {date}; next {next}").format(date=_day(a.review), next=_day(a.next_review))
    if a.review:
        return _("held {date}").format(date=_day(a.review))
    if a.next_review:
        # Translators: in the report's column "Review": no review in the quarter; {next} is the next one's date.
        return _("not held; next {next}").format(next=_day(a.next_review))
    return _("not held")


def _goals(a: AccountReport) -> str:
    if not a.goal_count:
        return _("no goals")
    # Translators: in the report's column "Goals": how many goals have a status ("2 on track").
    counted = joined(pgettext("goals", "{count} {status}").format(count=number(n), status=words(status))
                     for status, n in a.goals.items())
    return counted or ngettext("{count} goal", "{count} goals", a.goal_count).format(count=number(a.goal_count))


def _promise_count(kind: str, n: int) -> str:
    """'2 kept': promises to the customer in the quarter, counted by what became of them."""
    if kind == "kept":
        # Translators: promises to the customer in the quarter, counted in the report's column "Promises".
        said = npgettext("promises", "{count} kept", "{count} kept", n)
    elif kind == "moved":
        said = npgettext("promises", "{count} moved", "{count} moved", n)
    elif kind == "broken":
        said = npgettext("promises", "{count} broken", "{count} broken", n)
    else:
        said = npgettext("promises", "{count} late", "{count} late", n)
    return said.format(count=number(n))


def _promises(a: AccountReport) -> str:
    p = a.promises
    return joined(_promise_count(k, p[k]) for k in ("kept", "moved", "broken", "late") if p[k]) or "–"


def _complaints(a: AccountReport) -> str:
    """'2, 1 late, 1 unresolved; slowest 28 h (model 8 h)'."""
    if not a.complaints:
        return pgettext("complaints", "none")
    answered = [c.hours for c in a.complaints if c.hours is not None]
    late = sum(c.late for c in a.complaints)
    open_ = sum(not c.resolved for c in a.complaints)
    text = joined([number(len(a.complaints)),
                   npgettext("complaints", "{count} late", "{count} late", late).format(count=number(late))
                   if late else "",
                   npgettext("complaints", "{count} unresolved", "{count} unresolved", open_).format(
                       count=number(open_)) if open_ else ""])
    if answered:
        # Translators: complaints in the report: {complaints} is "2, 1 late", {hours} the slowest first answer.
        text = _("{complaints}; slowest {hours} h").format(complaints=text, hours=number(round(max(answered))))
    if a.complaint_limit:
        # Translators: complaints in the report: {hours} is the tier's care model's limit for the first answer.
        text = _("{complaints} (model {hours} h)").format(complaints=text, hours=number(a.complaint_limit))
    return text


def _pipeline(p: dict, currency: str) -> str:
    """'2 new, 1 won (20,000 EUR), 1 lost; open 50,000 EUR weighted'."""
    # Translators: opportunities in the quarter, in the report's column "Pipeline"; {value} an amount of money.
    parts = [npgettext("opportunities", "{count} new", "{count} new", p["new"]).format(count=number(p["new"]))
             if p["new"] else "",
             npgettext("opportunities", "{count} won ({value})", "{count} won ({value})", p["won"]).format(
                 count=number(p["won"]), value=money(p["won_value"], currency)) if p["won"] else "",
             npgettext("opportunities", "{count} lost", "{count} lost", p["lost"]).format(count=number(p["lost"]))
             if p["lost"] else ""]
    # Translators: in the report's column "Pipeline": {value} is the open opportunities' weighted worth.
    open_ = _("open {value} weighted").format(value=money(p["open_weighted"], currency)) if p["open"] else ""
    return joined([joined(parts), open_], ";") or "–"


def _health(a: AccountReport) -> str:
    f = a.findings
    counts = joined([ngettext("{count} error", "{count} errors", f["error"]).format(count=number(f["error"]))
                     if f["error"] else "",
                     ngettext("{count} warning", "{count} warnings", f["warning"]).format(count=number(f["warning"]))
                     if f["warning"] else ""]) or _("clean")
    if not a.new_findings:
        return counts
    new = len(a.new_findings)
    # Translators: in the report's column "Health": {findings} is "2 errors, 1 warning", {count} how many are new.
    return ngettext("{findings}; {count} new", "{findings}; {count} new", new).format(findings=counts,
                                                                                       count=number(new))


def to_markdown(report: Report, link: Optional[AccountLink] = None, level: int = 1) -> str:
    """The report, short, in the order of what needs attention; `link` turns an account into a link."""
    cur = report.currency
    period = formats.period(report.period)

    def section(title: str, anchor: str) -> str:  # anchors on the site; plain headings to read or mail
        return heading(level + 1, title, anchor if link else None)

    # Translators: the report's heading; {period} is the quarter ("2026-Q4").
    title = _("Key-account report {period}").format(period=period)
    # Translators: {company} is our company, {count} the number of accounts, the others dates.
    about = ngettext("{company}: {count} account, as of {date} (the quarter runs {start} to {end}).",
                     "{company}: {count} accounts, as of {date} (the quarter runs {start} to {end}).",
                     len(report.accounts))
    lines = [heading(level, title, f"key-account-report-{report.period.lower()}" if link else None), "",
             about.format(company=md(report.company), count=number(len(report.accounts)), date=_day(report.as_of),
                          start=_day(report.start), end=_day(report.end)), ""]
    attention = [a for a in report.accounts if a.attention]
    lines += [section(_("Needs attention"), "attention"), ""]
    if attention:
        # Translators: one account that needs attention: its name, tier and key account manager, and the reasons.
        item = _("{account} ({tier}; {owner}): {reasons}")
        lines += [f"{i}. " + item.format(account=_name(a, link), tier=md(a.tier), owner=md(a.owner_name),
                                         reasons=md(joined(a.attention, ";")))
                  for i, a in enumerate(attention[:ATTENTION_LIMIT], 1)] + [""]
        if len(attention) > ATTENTION_LIMIT:
            more = len(attention) - ATTENTION_LIMIT
            lines += [md(ngettext("… and {count} more account with something to look at, in the table below.",
                                  "… and {count} more accounts with something to look at, in the table below.", more)
                         .format(count=number(more))), ""]
    else:
        lines += none(_("Nothing: every account was reviewed, contacted and cared for as its tier asks."))
    silent = [a for a in report.accounts if a.out_of_touch]
    lines += [section(_("Nobody in contact for longer than the tier allows"), "out-of-touch"), ""]
    if silent:
        rows = [[_name(a, link)] + [md(text) for text in (
                    a.tier, _day(a.last_contact) if a.last_contact else _("never"),
                    ngettext("{count} day", "{count} days", a.contact_limit).format(count=number(a.contact_limit)),
                    a.owner_name)] for a in silent]
        lines += table([_("Account"), _("Tier"), _("Last contact"), _("Tier allows"), _("Owner")], rows)
    else:
        lines += none(_("None: every account had a contact within its tier's interval."))
    p = report.pipeline
    # Translators: the report's pipeline in the quarter; {won_value} and {lost_value} are amounts of money.
    quarter = ngettext("This quarter: {count} opportunity opened, {won} won ({won_value}), {lost} lost ({lost_value}).",
                       "This quarter: {count} opportunities opened, {won} won ({won_value}), {lost} lost "
                       "({lost_value}).", p["new"]).format(count=number(p["new"]), won=number(p["won"]),
                                                           won_value=money(p["won_value"], cur),
                                                           lost=number(p["lost"]),
                                                           lost_value=money(p["lost_value"], cur))
    # Translators: the opportunities open on {date}: {count} of them, worth {value}, weighted by their chance.
    still_open = _("Open on {date}: {count}, worth {value}, weighted {weighted}.").format(
        date=_day(report.as_of), count=number(p["open"]), value=money(p["open_value"], cur),
        weighted=money(p["open_weighted"], cur))
    lines += [section(_("Pipeline"), "pipeline"), "", md(f"{quarter} {still_open}"), ""]
    lines += [section(_("Accounts"), "accounts"), ""]
    rows = [[_name(a, link)] + [md(text) for text in (_review(a), _goals(a), _promises(a), _complaints(a),
                                                      _pipeline(a.pipeline, cur), _health(a),
                                                      _day(a.last_contact) if a.last_contact else _("never"))]
            for a in report.accounts]
    lines += table([_("Account"), _("Review"), _("Goals (last review)"), _("Promises"), _("Complaints"),
                    _("Pipeline"), _("Health"), _("Last contact")], rows)
    return "\n".join(lines).rstrip("\n") + "\n"



def report_uri(period: str) -> str:
    quarterly.quarter_bounds(period)  # a quarter, so a safe file name
    return f"reports/{period.lower()}.md"


def pages(ctx: Context) -> list[Page]:
    """A page per quarter that has data (and the current one), newest first, and their index."""
    current = cycle.quarter(ctx.today)
    periods = sorted(set(quarterly.periods_with_data(ctx.portfolio, ctx.today)) | {current}, reverse=True)
    known = {ctx.today: list(ctx.findings)}
    graphs = {f"coverage:{plan.id}": ctx.coverage(plan).graph for plan in ctx.portfolio.plans}

    def findings_at(day):  # each quarter's end is judged once, for its own page and the next one's "new"
        if day not in known:
            known[day] = run_checks(ctx.portfolio, day, graphs, memo=ctx.check_memos.setdefault(day, {}),
                                    timeless=ctx.check_memos.setdefault("any day", {}))
        return known[day]

    out = []
    for period in periods:
        uri = report_uri(period)
        built = quarterly.build(ctx.portfolio, period, ctx.today, findings_at)
        account = lambda a, uri=uri: link(a.name, rel(uri, account_page(a.id)))  # noqa: E731
        # Translators: the title of a quarter's report page (the browser tab); {period} is the quarter ("2026-Q4").
        lines = front_matter(_("Report {period}").format(period=formats.period(period)), hide=["navigation"],
                             search=False)
        out.append(Page(uri, "\n".join(lines) + "\n" + to_markdown(built, account)))
    lines = front_matter(_("Quarterly reports"), hide=["navigation"], search=False)
    # Translators: {command} is the command line that prints a report (not to be translated).
    intro = _("The report to the head of department, one per quarter: what needs attention first. "
              "The same report comes from {command}.").format(command="`kam report --period 2026-Q4`")
    lines += [heading(1, _("Quarterly reports"), "quarterly-reports"), "", intro, ""]
    for p in periods:
        quarter = link(formats.period(p), rel(REPORTS, report_uri(p)))
        # Translators: in the list of quarterly reports: {report} is the current quarter's report (a link).
        lines.append("- " + (_("{report} (this quarter, so far)").format(report=quarter) if p == current else quarter))
    return [Page(REPORTS, "\n".join(lines + [""]))] + out
