"""The decision-maker map of one account, as DOT source.

Top-down (rankdir TB): the top of the customer's organisation at the top,
an arrow from each manager to each person reporting to them. Informal
influence is a dashed arrow that never moves anybody (constraint=false), and
only in the influence view (`influence=True`), so the reporting map stays
clean. Each channel survives greyscale printing: attitude is a fill colour
AND a sign before the name (++ + = − −−); influence is the border's weight
AND style (thick, medium, thin dashed). Letters mark buying roles; a line
names who of ours covers the person; nobody covering them is a red border
and a red line in words. The account's name and a legend are drawn inside
the SVG, so the file explains itself when opened or printed alone.

Wide organisations: everyone below the second level hangs in one column
under their level-1 manager (a department per column, in reading order), and
the people reporting to the top who have nobody under them share one column,
so the map grows down rather than sideways and 40+ people stay readable. All text is
at least 12 pt (>= 12 px at 75 % of the drawing's natural size, the least the
page shrinks it to on a wide screen).

Node ids are opaque (n0, n1 ...); every piece of user text goes through
`escape.dot` (labels) or `escape.dot_string` (tooltips). No attribute names
a file. The SVG cache key is the DOT source itself (graphviz.cache_key), so
any change to this drawing code is a new key.
"""

from __future__ import annotations

from .. import analyse
from ..i18n import _
from ..model import Plan
from .escape import dot, dot_string
from .words import ATTITUDE_COLOURS, ATTITUDES, BUYING_ROLES, STRENGTH_MARK, date, initials_name, words

FONT = "Helvetica"
TEXT_PT = 12  # the smallest text anywhere on the map
BORDER_BY_INFLUENCE = {"high": 5, "medium": 2.5, "low": 1}
BORDER_STYLE = {"high": "rounded", "medium": "rounded", "low": "rounded,dashed"}
ATTITUDE_SIGN = {"champion": "++", "supporter": "+", "neutral": "=", "sceptic": "−", "blocker": "−−"}
NAME_PT = {"high": 15, "medium": 13.5, "low": 13}
UNCOVERED = "#b3261e"
REPORTS_COLOUR = "#3d4650"
INFLUENCE_COLOUR = "#0550ae"
INK = "#1f2328"
TITLE_WIDTH = 30  # characters per line of a job title


def said(message: str) -> str:
    """kam's own words (a translated message) inside a label: escaped as user text is (a translation
    is text, never markup), with the gaps of two spaces the legend uses kept."""
    return "  ".join(dot(part) for part in message.split("  "))


def _wrap(text: str, width: int, lines: int = 2) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def _badge(letter: str) -> str:
    return (f'<TD BORDER="1" COLOR="{INK}" BGCOLOR="#ffffff" FIXEDSIZE="TRUE" WIDTH="17" HEIGHT="17">'
            f'<FONT POINT-SIZE="{TEXT_PT}" COLOR="{INK}"><B>{letter}</B></FONT></TD>')


def _badges(roles) -> str:
    cells = "".join(_badge(BUYING_ROLES[r][0]) for r in roles or () if r in BUYING_ROLES)
    if not cells:
        return ""
    return (f'<TD ALIGN="RIGHT" VALIGN="TOP"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">'
            f'<TR>{cells}</TR></TABLE></TD>')


def _row(text: str, span: int, colour: str, extra: str = "", bold: bool = False) -> str:
    inner = f"<B>{text}</B>" if bold else text
    return (f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" COLSPAN="{span}"{extra}><FONT POINT-SIZE="{TEXT_PT}" '
            f'COLOR="{colour}">{inner}</FONT></TD></TR>')


def node_label(stakeholder, coverers: list[tuple[str, str]], *, gone: bool, judgements: bool = True) -> str:
    """The HTML-like label of one person (`coverers`: our people's names and strengths). Without
    `judgements` (the company audience) no attitude or influence is drawn: one fill, one border."""
    fill, ink = ("#f6f8fa", "#57606a") if gone else (ATTITUDE_COLOURS[stakeholder.attitude] if judgements
                                                      else ("#ffffff", INK))
    influence = stakeholder.influence if judgements else "medium"
    uncovered = not coverers and not gone
    border = UNCOVERED if uncovered else INK
    width = BORDER_BY_INFLUENCE[influence] + (1 if uncovered else 0)
    sign = "" if gone or not judgements else f"{ATTITUDE_SIGN[stakeholder.attitude]} "
    # Translators: a diagram label (keep it short): a person who has left the customer; {name} is their name.
    name = sign + (said(_("{name} (left)")).format(name=dot(stakeholder.name)) if gone else dot(stakeholder.name))
    badges = _badges(stakeholder.buying_roles)
    span = 2 if badges else 1
    rows = [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{NAME_PT[influence]}" COLOR="{ink}">'
            f'<B>{name}</B></FONT></TD>{badges}</TR>']
    rows += [_row(dot(line), span, ink) for line in _wrap(stakeholder.title or "", TITLE_WIDTH)]
    if uncovered:
        # Translators: a diagram label (keep it short): nobody of our team has a relationship with this person.
        rows.append(_row(said(_("NOT COVERED by any of ours")), span, UNCOVERED, ' BGCOLOR="#ffebe9"', bold=True))
    elif coverers:
        marks = [f"{dot(initials_name(name))} {STRENGTH_MARK[strength]}" for name, strength in coverers]
        text = '<BR ALIGN="LEFT"/>'.join(", ".join(marks[i:i + 2]) for i in range(0, len(marks), 2))
        rows.append(_row(text, span, INK, ' BGCOLOR="#ffffff"'))
    return (f'<<TABLE BORDER="{width}" COLOR="{border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" '
            f'BGCOLOR="{fill}" STYLE="{BORDER_STYLE[influence]}">{"".join(rows)}</TABLE>>')


def _chip(attitude: str) -> str:
    fill, ink = ATTITUDE_COLOURS[attitude]
    return (f'<TD BGCOLOR="{fill}" BORDER="1" COLOR="{INK}"><FONT POINT-SIZE="{TEXT_PT}" COLOR="{ink}">'
            f'{ATTITUDE_SIGN[attitude]} {dot(words(attitude))}</FONT></TD>')


def _border_sample(influence: str) -> str:
    return (f'<TD><TABLE BORDER="{BORDER_BY_INFLUENCE[influence]}" COLOR="{INK}" CELLBORDER="0" '
            f'STYLE="{BORDER_STYLE[influence]}" CELLPADDING="3"><TR><TD><FONT POINT-SIZE="{TEXT_PT}" '
            f'COLOR="{INK}">{dot(words(influence))}</FONT></TD></TR></TABLE></TD>')


def legend_label(account: str, today, influence: bool, judgements: bool = True) -> str:
    """The graph's label: the account's name, the date, and what every mark means."""
    font = f'<FONT POINT-SIZE="{TEXT_PT}" COLOR="{INK}">'
    letters = {role: BUYING_ROLES[role][0] for role in BUYING_ROLES}
    # Translators: the legend of the decision-maker map (keep it short); {economic}, {technical} ... are
    # the letters that mark each buying role on the map (translated on their own).
    roles = _("Buying roles: {economic} economic buyer, {technical} technical buyer, {user} user, {coach} coach, "
              "{gatekeeper} gatekeeper.").format(**letters)
    if influence:
        # Translators: the legend of the decision-maker map (keep it short): what its two kinds of arrow mean.
        lines = _("Lines: → solid arrow: reports to (manager above);  ⇢ dashed arrow: influences informally.")
        # Translators: the title of the decision-maker map, after the account's name (keep it short);
        # {date} is the date it shows the plan as of.
        title = _("decision-maker map, influence view, {date}")
    else:
        # Translators: the legend of the decision-maker map (keep it short): what its arrows mean.
        lines = _("Lines: → solid arrow: reports to (manager above).")
        # Translators: the title of the decision-maker map, after the account's name (keep it short);
        # {date} is the date it shows the plan as of.
        title = _("decision-maker map, reporting lines, {date}")
    rows = [f'<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="17" COLOR="{INK}"><B>{dot(account)}</B></FONT>'
            f'{font}  {said(title).format(date=dot(date(today)))}</FONT></TD></TR>']
    if judgements:
        # Translators: the legend of the decision-maker map (keep it short): a person's attitude to us is
        # shown by the colour of their box and a sign (++ + = − −−) before their name.
        attitude = said(_("Attitude (fill and sign):"))
        # Translators: the legend of the decision-maker map (keep it short): a person's influence is
        # shown by the weight of their box's border.
        weight = said(_("Influence (border):"))
        rows += [f'<TR><TD ALIGN="LEFT">{font}{attitude}</FONT></TD><TD ALIGN="LEFT">'
                 f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="2"><TR>{"".join(_chip(a) for a in ATTITUDES)}'
                 f'</TR></TABLE></TD></TR>',
                 f'<TR><TD ALIGN="LEFT">{font}{weight}</FONT></TD><TD ALIGN="LEFT"><TABLE '
                 f'BORDER="0" CELLSPACING="4" CELLPADDING="0"><TR>'
                 f'{"".join(_border_sample(i) for i in ("high", "medium", "low"))}</TR></TABLE></TD></TR>',
                 f'<TR><TD ALIGN="LEFT" COLSPAN="2">{font}{said(roles)}  {said(lines)}</FONT></TD></TR>']
    else:
        rows.append(f'<TR><TD ALIGN="LEFT" COLSPAN="2">{font}{said(lines)}</FONT></TD></TR>')
    # Translators: the legend of the decision-maker map (keep it short): the marks after the names of our
    # people who cover a person are the strength of that relationship.
    covered = _("Covered by (ours): ●●● strong, ●●○ medium, ●○○ weak; red border: nobody of ours covers them.")
    rows.append(f'<TR><TD ALIGN="LEFT" COLSPAN="2">{font}{said(covered)}</FONT></TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1">{"".join(rows)}</TABLE>>'


def _columns(graph, ids: dict[str, str]) -> list[str]:
    """Invisible edges that hang everyone below the second level in one column under their
    level-1 manager, in reading order (a manager, then the people under them): the map grows
    down, not sideways, and each column is one department."""
    reports = {n: [v for _, v, kind in graph.out_edges(n, data="kind") if kind == "reports"] for n in graph.nodes}
    has_manager = {v for vs in reports.values() for v in vs}
    lines = []
    for top in (n for n in graph.nodes if n not in has_manager):
        alone = [head for head in reports[top] if not reports[head]]  # report to the top, nobody under them
        for above, below in zip(alone, alone[1:]):  # one column of their own
            lines.append(f"  {ids[above]} -> {ids[below]} [style=invis, weight=8];")
        for head in reports[top]:
            order, stack = [], list(reversed(reports[head]))
            while stack:
                node = stack.pop()
                order.append(node)
                stack.extend(reversed(reports[node]))
            for above, below in zip([head] + order, order):
                lines.append(f"  {ids[above]} -> {ids[below]} [style=invis, weight=8];")
    return lines


def map_source(plan: Plan, today, person_name, href, coverage: analyse.Coverage | None = None,
               *, influence: bool = False, judgements: bool = True) -> str:
    """DOT source of the account's decision-maker map (with informal influence when `influence`;
    without attitudes and influence when not `judgements`, for the company audience).

    `person_name(id)` gives one of our people's name; `href(stakeholder_id)`
    the link to that stakeholder's row; `coverage` the plan's, when the caller has it.
    """
    graph = analyse.buying_centre(plan)
    coverers = (analyse.coverage(plan) if coverage is None else coverage).coverers
    strength = {(m.person, c.stakeholder): c.strength for m, c in plan.coverage}
    ids = {s.id: f"n{i}" for i, s in enumerate(plan.stakeholders)}
    lines = [
        "digraph map {",
        f'  graph [rankdir=TB, bgcolor="#ffffff", pad="0.3", nodesep="0.3", ranksep="0.5", '
        f'fontname="{FONT}", labelloc=t, labeljust=l, label={legend_label(plan.name, today, influence, judgements)}];',
        f'  node [shape=plain, fontname="{FONT}", fontsize={TEXT_PT}];',
        f'  edge [fontname="{FONT}", arrowsize=0.8];',
    ]
    for s in plan.stakeholders:
        gone = s.left is not None and s.left <= today
        ours = [(person_name(p), strength[(p, s.id)]) for p in coverers.get(s.id, ())]
        tooltip = dot_string(" – ".join(x for x in (s.name, s.title) if x))
        lines.append(f'  {ids[s.id]} [label={node_label(s, ours, gone=gone, judgements=judgements)}, '
                     f'URL="{href(s.id)}", '
                     f'target="_top", tooltip={tooltip}];')
    for manager, report, kind in graph.edges(data="kind"):
        if kind == "reports":
            lines.append(f'  {ids[manager]} -> {ids[report]} [color="{REPORTS_COLOUR}", penwidth=1.6, '
                         f'arrowhead=normal];')
    lines += _columns(graph, ids)
    if influence:
        for source, target, kind in graph.edges(data="kind"):
            if kind == "influences":
                lines.append(f'  {ids[source]} -> {ids[target]} [style=dashed, color="{INFLUENCE_COLOUR}", '
                             f'penwidth=1.6, arrowhead=vee, constraint=false];')
    lines.append("}")
    return "\n".join(line for line in lines if line) + "\n"

