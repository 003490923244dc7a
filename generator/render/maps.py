"""The decision-maker map of one account, as DOT source.

The customer's people from `analyse.buying_centre`: reporting lines solid,
informal influence dashed; fill colour by attitude, border weight and name
size by influence, letters for buying roles, a line naming who of ours
covers the person; a red border and a red line on people nobody covers.
Each node links to the person's row in the stakeholder table.

Node ids are opaque (n0, n1 ...); every piece of user text goes through
`escape.dot` (labels) or `escape.dot_string` (tooltips). No attribute names
a file.
"""

from __future__ import annotations

from collections import Counter

from .. import analyse
from ..model import Plan
from .escape import dot, dot_string
from .words import ATTITUDE_COLOURS, BUYING_ROLES, STRENGTH_MARK, initials_name

FONT = "Helvetica"
BORDER_BY_INFLUENCE = {"high": 3, "medium": 2, "low": 1}
NAME_SIZE = {"high": 12, "medium": 10.5, "low": 9.5}
UNCOVERED = "#d1242f"
REPORTS_COLOUR = "#57606a"
INFLUENCE_COLOUR = "#0969da"
WIDE_LEVEL = 6  # more people than this on one level: lay the map out left to right
TITLE_WIDTH = 34  # characters per line of a job title


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


def _badges(roles) -> str:
    if not roles:
        return ""
    cells = "".join(f'<TD BORDER="1" COLOR="#24292f" BGCOLOR="#ffffff" FIXEDSIZE="TRUE" WIDTH="13" HEIGHT="13">'
                    f'<FONT POINT-SIZE="8" COLOR="#24292f"><B>{BUYING_ROLES[r][0]}</B></FONT></TD>'
                    for r in roles if r in BUYING_ROLES)
    return (f'<TD ALIGN="RIGHT" VALIGN="TOP"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">'
            f'<TR>{cells}</TR></TABLE></TD>')


def _cover_lines(names_marks: list[str]) -> list[str]:
    return [", ".join(names_marks[i:i + 2]) for i in range(0, len(names_marks), 2)]


def node_label(stakeholder, coverers: list[tuple[str, str]], *, gone: bool) -> str:
    """The HTML-like label of one person (`coverers`: our people's names and strengths)."""
    fill, ink = ("#f6f8fa", "#6e7781") if gone else ATTITUDE_COLOURS[stakeholder.attitude]
    uncovered = not coverers and not gone
    border = UNCOVERED if uncovered else "#24292f"
    width = BORDER_BY_INFLUENCE[stakeholder.influence] + (1 if uncovered else 0)
    name = dot(stakeholder.name) + (" (left)" if gone else "")
    badges = _badges(stakeholder.buying_roles)
    span = 2 if badges else 1
    rows = [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{NAME_SIZE[stakeholder.influence]}" COLOR="{ink}">'
            f'<B>{name}</B></FONT></TD>{badges}</TR>']
    for line in _wrap(stakeholder.title or "", TITLE_WIDTH):
        rows.append(f'<TR><TD ALIGN="LEFT" COLSPAN="{span}"><FONT POINT-SIZE="8.5" COLOR="{ink}">{dot(line)}'
                    f'</FONT></TD></TR>')
    if uncovered:
        rows.append(f'<TR><TD ALIGN="LEFT" COLSPAN="{span}" BGCOLOR="#ffebe9"><FONT POINT-SIZE="8.5" '
                    f'COLOR="{UNCOVERED}"><B>NOT COVERED by any of ours</B></FONT></TD></TR>')
    elif coverers:
        marks = [f"{dot(initials_name(name))} {STRENGTH_MARK[strength]}" for name, strength in coverers]
        text = "<BR ALIGN=\"LEFT\"/>".join(_cover_lines(marks))
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" COLSPAN="{span}" BGCOLOR="#ffffff"><FONT POINT-SIZE="8" '
                    f'COLOR="#24292f">{text}</FONT></TD></TR>')
    return (f'<<TABLE BORDER="{width}" COLOR="{border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" '
            f'BGCOLOR="{fill}" STYLE="rounded">{"".join(rows)}</TABLE>>')


def map_source(plan: Plan, today, person_name, href, coverage: analyse.Coverage | None = None) -> str:
    """DOT source of the account's decision-maker map.

    `person_name(id)` gives one of our people's name; `href(stakeholder_id)`
    the link to that stakeholder's row; `coverage` the plan's, when the caller has it.
    """
    graph = analyse.buying_centre(plan)
    coverers = (analyse.coverage(plan) if coverage is None else coverage).coverers
    strength = {(m.person, c.stakeholder): c.strength for m, c in plan.coverage}
    levels = analyse.reporting_levels(plan, graph)
    ids = {s.id: f"n{i}" for i, s in enumerate(plan.stakeholders)}
    wide = max(Counter(levels.values()).values(), default=0) > WIDE_LEVEL
    lines = [
        "digraph map {",
        f'  graph [rankdir={"LR" if wide else "TB"}, bgcolor="#ffffff", pad="0.25", nodesep="0.25", '
        f'ranksep="{0.45 if wide else 0.55}", newrank=true, fontname="{FONT}"];',
        f'  node [shape=plain, fontname="{FONT}", fontsize=10];',
        f'  edge [fontname="{FONT}", arrowsize=0.7];',
    ]
    for s in plan.stakeholders:
        gone = s.left is not None and s.left <= today
        ours = [(person_name(p), strength[(p, s.id)]) for p in coverers.get(s.id, ())]
        tooltip = dot_string(" – ".join(x for x in (s.name, s.title) if x))
        lines.append(f'  {ids[s.id]} [label={node_label(s, ours, gone=gone)}, URL="{href(s.id)}", '
                     f'target="_top", tooltip={tooltip}];')
    by_level: dict[int, list[str]] = {}
    for s in plan.stakeholders:
        by_level.setdefault(levels.get(s.id, 0), []).append(ids[s.id])
    for level in sorted(by_level):
        lines.append(f'  {{ rank=same; {"; ".join(by_level[level])}; }}')
    for manager, report, kind in graph.edges(data="kind"):
        if kind == "reports":
            lines.append(f'  {ids[manager]} -> {ids[report]} [color="{REPORTS_COLOUR}", penwidth=1.4, '
                         f'arrowhead=none];')
    for source, target, kind in graph.edges(data="kind"):
        if kind == "influences":
            lines.append(f'  {ids[source]} -> {ids[target]} [style=dashed, color="{INFLUENCE_COLOUR}", '
                         f'penwidth=1.2, arrowhead=vee, constraint=false];')
    lines.append("}")
    return "\n".join(lines) + "\n"
