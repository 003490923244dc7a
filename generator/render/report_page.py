"""The quarterly report as Markdown: printed by `kam report` and published as a page per quarter."""

from __future__ import annotations

from typing import Callable, Optional

from .. import cycle, report as quarterly
from ..checks import run_checks
from ..report import AccountReport, Report
from .context import REPORTS, Context, Page, account_page, rel
from .escape import Markdown, md
from .md import bold, front_matter, heading, link, none, table
from .words import money, words

AccountLink = Callable[[AccountReport], Markdown]
ATTENTION_LIMIT = 20  # the head of department reads the worst first; the table has every account


def _name(a: AccountReport, link: Optional[AccountLink]) -> Markdown:
    return link(a) if link else bold(a.name)


def _review(a: AccountReport) -> str:
    held = f"held {a.review}" if a.review else "not held"
    due = f"; next {a.next_review}" if a.next_review else ""
    return held + due


def _goals(a: AccountReport) -> str:
    if not a.goal_count:
        return "no goals"
    return ", ".join(f"{n} {words(status)}" for status, n in a.goals.items()) or f"{a.goal_count} goals"


def _promises(a: AccountReport) -> str:
    p = a.promises
    parts = [f"{p[k]} {k}" for k in ("kept", "moved", "broken", "late") if p[k]]
    return ", ".join(parts) or "–"


def _complaints(a: AccountReport) -> str:
    if not a.complaints:
        return "none"
    answered = [c.hours for c in a.complaints if c.hours is not None]
    slowest = f"; slowest {max(answered):.0f} h" if answered else ""
    limit = f" (model {a.complaint_limit} h)" if a.complaint_limit else ""
    late = sum(c.late for c in a.complaints)
    open_ = sum(not c.resolved for c in a.complaints)
    extra = "".join(f", {n} {what}" for n, what in ((late, "late"), (open_, "unresolved")) if n)
    return f"{len(a.complaints)}{extra}{slowest}{limit}"


def _pipeline(p: dict, currency: str) -> str:
    parts = [f"{p['new']} new" if p["new"] else "", f"{p['won']} won ({money(p['won_value'], currency)})"
             if p["won"] else "", f"{p['lost']} lost" if p["lost"] else ""]
    open_ = f"open {money(p['open_weighted'], currency)} weighted" if p["open"] else ""
    return "; ".join(x for x in (", ".join(x for x in parts if x), open_) if x) or "–"


def _health(a: AccountReport) -> str:
    f = a.findings
    counts = ", ".join(f"{f[s]} {s}{'s' if f[s] != 1 else ''}" for s in ("error", "warning") if f[s]) or "clean"
    return counts + (f"; {len(a.new_findings)} new" if a.new_findings else "")


def to_markdown(report: Report, link: Optional[AccountLink] = None, level: int = 1) -> str:
    """The report, short, in the order of what needs attention; `link` turns an account into a link."""
    cur = report.currency

    def section(title: str, anchor: str) -> str:  # anchors on the site; plain headings to read or mail
        return heading(level + 1, title, anchor if link else None)

    lines = [heading(level, f"Key-account report {report.period}"), "",
             f"{md(report.company)}: {len(report.accounts)} accounts, as of {report.as_of} "
             f"(the quarter runs {report.start} to {report.end}).", ""]
    attention = [a for a in report.accounts if a.attention]
    lines += [section("Needs attention", "attention"), ""]
    if attention:
        lines += [f"{i}. {_name(a, link)} ({md(a.tier)}; {md(a.owner_name)}): {md('; '.join(a.attention))}"
                  for i, a in enumerate(attention[:ATTENTION_LIMIT], 1)] + [""]
        if len(attention) > ATTENTION_LIMIT:
            lines += [f"… and {len(attention) - ATTENTION_LIMIT} more accounts with something to look at, "
                      "in the table below.", ""]
    else:
        lines += none("Nothing: every account was reviewed, contacted and cared for as its tier asks.")
    silent = [a for a in report.accounts if a.out_of_touch]
    lines += [section("Nobody in contact for longer than the tier allows", "out-of-touch"), ""]
    if silent:
        rows = [[_name(a, link)] + [md(text) for text in (a.tier, a.last_contact or "never", f"{a.contact_limit} days",
                                                          a.owner_name)] for a in silent]
        lines += table(["Account", "Tier", "Last contact", "Tier allows", "Owner"], rows)
    else:
        lines += none("None: every account had a contact within its tier's interval.")
    p = report.pipeline
    lines += [section("Pipeline", "pipeline"), "",
              f"This quarter: {p['new']} opportunities opened, {p['won']} won ({money(p['won_value'], cur)}), "
              f"{p['lost']} lost ({money(p['lost_value'], cur)}). Open on {report.as_of}: {p['open']}, worth "
              f"{money(p['open_value'], cur)}, weighted {money(p['open_weighted'], cur)}.", ""]
    lines += [section("Accounts", "accounts"), ""]
    rows = [[_name(a, link)] + [md(text) for text in (_review(a), _goals(a), _promises(a), _complaints(a),
                                                      _pipeline(a.pipeline, cur), _health(a), a.last_contact or "never")]
            for a in report.accounts]
    lines += table(["Account", "Review", "Goals (last review)", "Promises", "Complaints", "Pipeline", "Health",
                    "Last contact"], rows)
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
        lines = front_matter(f"Report {period}", hide=["navigation"], search=False)
        out.append(Page(uri, "\n".join(lines) + "\n" + to_markdown(built, account)))
    lines = front_matter("Quarterly reports", hide=["navigation"], search=False)
    lines += [heading(1, "Quarterly reports"), "",
              "The report to the head of department, one per quarter: what needs attention first. "
              "The same report comes from `kam report --period 2026-Q4`.", ""]
    lines += [f"- {link(p, rel(REPORTS, report_uri(p)))}" + (" (this quarter, so far)" if p == current else "")
              for p in periods] + [""]
    return [Page(REPORTS, "\n".join(lines))] + out
