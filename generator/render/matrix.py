"""The team matrix of one account, as DOT source: our people x their people.

One Graphviz node holding an HTML-like table: a row per stakeholder (still
at the customer), a column per member of our team, each cell the strength
of that relationship. Decision makers covered by one of ours (or none) are
shaded; our people whose leaving would uncover high-influence stakeholders
have a red column head. Cells link to the stakeholder's row on the account
page, heads to the person's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import analyse, formats
from ..i18n import _, ngettext, pgettext
from ..model import Plan
from .escape import dot, dot_string
from .maps import said
from .words import INFLUENCE_ORDER, STRENGTH_MARK, initials_name, words

FONT = "Helvetica"
STRENGTH_INK = {"strong": "#1a7f37", "medium": "#3b6e8f", "weak": "#8c959f"}
NONE_FILL = "#ffd8d3"  # decision maker nobody of ours covers
SINGLE_FILL = "#fff1c2"  # decision maker only one of ours covers
RISK_FILL = "#ffd8d3"  # our person whose leaving uncovers high-influence people


def role_short(role: str) -> str:
    """A team role as short as a column head of the matrix needs (a role it does not know: its word)."""
    # Translators: team roles shortened for a column head of the team matrix, a diagram: keep them
    # as short as the English (abbreviate where your language does).
    short = {
        "account_manager": pgettext("team role, short", "account mgr"),
        "executive_sponsor": pgettext("team role, short", "exec sponsor"),
        "sales": pgettext("team role, short", "sales"),
        "specialist": pgettext("team role, short", "specialist"),
        "technical_support": pgettext("team role, short", "tech support"),
        "service": pgettext("team role, short", "service"),
        "merchandiser": pgettext("team role, short", "merchandiser"),
        "management": pgettext("team role, short", "management"),
        "other": pgettext("team role, short", "other"),
    }
    return said(short[role]) if role in short else dot(words(role))


@dataclass(frozen=True)
class TeamRisk:
    """What the matrix and the team table both point out."""

    single_threaded: tuple[str, ...]  # decision makers with exactly one of ours
    uncovered: tuple[str, ...]  # decision makers with none
    leaving_uncovers: dict  # person id -> high-influence stakeholder ids only they cover


def team_risk(plan: Plan, today, coverage: analyse.Coverage | None = None) -> TeamRisk:
    coverage = analyse.coverage(plan) if coverage is None else coverage
    graph, coverers = coverage.graph, coverage.coverers
    present = [s for s in plan.stakeholders if not analyse.has_left(s, today)]
    makers = [s for s in present if s.is_decision_maker]
    leaving = {m.person: analyse.uncovered_if_gone(plan, m.person, graph, today=today) for m in plan.team}
    return TeamRisk(
        single_threaded=tuple(s.id for s in makers if len(coverers[s.id]) == 1),
        uncovered=tuple(s.id for s in makers if not coverers[s.id]),
        leaving_uncovers={p: tuple(ids) for p, ids in leaving.items() if ids},
    )


def _td(text: str, *, fill: str = "", align: str = "CENTER", href: str = "", tooltip: str = "",
        extra: str = "") -> str:
    attributes = [f'ALIGN="{align}"']
    if align == "LEFT":
        attributes.append('BALIGN="LEFT"')
    if fill:
        attributes.append(f'BGCOLOR="{fill}"')
    if href:
        attributes.append(f'HREF="{href}" TARGET="_top"')
        if tooltip:
            attributes.append(f"TOOLTIP={tooltip}")
    if extra:
        attributes.append(extra)
    return f"<TD {' '.join(attributes)}>{text}</TD>"


def matrix_source(plan: Plan, today, person_name, stakeholder_href, person_href,
                  coverage: analyse.Coverage | None = None, judgements: bool = True) -> str:
    """DOT source of the account's team matrix (see the module's docstring); without `judgements`
    (the company audience) no influence column."""
    coverage = analyse.coverage(plan) if coverage is None else coverage
    risk = team_risk(plan, today, coverage)
    strength = {(m.person, c.stakeholder): c.strength for m, c in plan.coverage}
    coverers = coverage.coverers
    levels = analyse.reporting_levels(plan)
    present = [s for s in plan.stakeholders if not analyse.has_left(s, today)]
    present.sort(key=lambda s: (INFLUENCE_ORDER[s.influence], levels.get(s.id, 0)))
    team = list(plan.team)

    # Translators: the head of the first column of the team matrix, a diagram (keep it short): the
    # customer's people, one per row.
    their_people = said(_("Their people"))
    head = [_td(f"<B>{their_people}</B>", align="LEFT", fill="#f6f8fa")]
    if judgements:
        # Translators: a column head of the team matrix, a diagram (keep it short): each person's
        # influence (high, medium, low).
        influence = said(pgettext("matrix column", "influence"))
        head.append(_td(f'<FONT POINT-SIZE="8">{influence}</FONT>', fill="#f6f8fa"))
    for member in team:
        name = person_name(member.person)
        lost = risk.leaving_uncovers.get(member.person, ())
        # Translators: under a name of ours in the team matrix, a diagram (keep it short): {count}
        # high-influence people of the customer whom only this person of ours covers.
        uncovers = ngettext("leaving uncovers {count}", "leaving uncovers {count}", len(lost))
        note = (f'<BR/><FONT POINT-SIZE="8.5" COLOR="#a40e26"><B>'
                f'{said(uncovers).format(count=formats.number(len(lost)))}</B></FONT>' if lost else "")
        head.append(_td(f'<B>{dot(initials_name(name))}</B><BR/><FONT POINT-SIZE="8.5">'
                        f'{role_short(member.role)}</FONT>{note}',
                        fill=RISK_FILL if lost else "#f6f8fa", href=person_href(member.person),
                        tooltip=dot_string(name)))
    # Translators: the head of the last column of the team matrix, a diagram (keep it short): how many
    # of our people cover the person of the row.
    of_ours = said(_("of ours"))
    head.append(_td(f'<FONT POINT-SIZE="8">{of_ours}</FONT>', fill="#f6f8fa"))
    rows = [f"<TR>{''.join(head)}</TR>"]

    for s in present:
        count = len(coverers.get(s.id, ()))
        fill = NONE_FILL if s.id in risk.uncovered else SINGLE_FILL if s.id in risk.single_threaded else ""
        title = f'<BR/><FONT POINT-SIZE="8.5" COLOR="#57606a">{dot(s.title)}</FONT>' if s.title else ""
        cells = [_td(f"<B>{dot(s.name)}</B>{title}", align="LEFT", fill=fill, href=stakeholder_href(s.id),
                     tooltip=dot_string(s.name))]
        if judgements:
            cells.append(_td(f'<FONT POINT-SIZE="8.5">{dot(words(s.influence))}</FONT>', fill=fill))
        for member in team:
            level = strength.get((member.person, s.id))
            mark = (f'<FONT COLOR="{STRENGTH_INK[level]}" POINT-SIZE="11">{STRENGTH_MARK[level]}</FONT>'
                    if level else '<FONT COLOR="#d0d7de">·</FONT>')
            cells.append(_td(mark, fill=fill))
        # Translators: a cell of the team matrix, a diagram (keep it short): none of our people covers this person.
        label = said(pgettext("people of ours", "none")) if count == 0 else formats.number(count)
        if s.id in risk.single_threaded:
            # Translators: a cell of the team matrix, a diagram (keep it short): just one of our people
            # covers this decision maker.
            label = said(_("1 only"))
        cells.append(_td(f'<FONT POINT-SIZE="8.5"><B>{label}</B></FONT>' if fill else label, fill=fill))
        rows.append(f"<TR>{''.join(cells)}</TR>")

    table = (f'<<TABLE BORDER="1" COLOR="#d0d7de" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" '
             f'BGCOLOR="#ffffff">{"".join(rows)}</TABLE>>')
    return "\n".join([
        "digraph team {",
        f'  graph [bgcolor="#ffffff", pad="0.2", fontname="{FONT}"];',
        f'  node [shape=plain, fontname="{FONT}", fontsize=10.5];',
        f"  m [label={table}];",
        "}",
    ]) + "\n"
