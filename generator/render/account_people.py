"""Account page sections about people: the decision-maker map, the
stakeholder table, personal data (only when a build asks for it) and the
account team with its matrix."""

from __future__ import annotations

from ..model import Plan
from .context import Context, account_diagram, account_page, person_page
from .escape import Markdown, html, md
from .maps import ATTITUDE_SIGN, map_source
from .matrix import matrix_source, team_risk
from .md import admonition, anchor_id, bold_anchor, heading, join, link, none, small, table
from .account_deals import person_link, stakeholder_links
from .words import ATTITUDES, BUYING_ROLES, STRENGTH_MARK, STRENGTH_ORDER, date, words


def size_style(size: tuple[int, int] | None) -> str:
    """The <object>'s style attribute (with its leading space) for a diagram of `size` CSS pixels:
    its natural width, down to the column's width on a phone (the CSS lets a wide screen shrink it to
    no less than 75 %, where 12 pt text is still 12 px, and scroll the card beyond that)."""
    if size is None:
        return ""
    width, height = size
    return f' style="--kam-w:{width}px;aspect-ratio:{width}/{height}"'


def _object(ctx: Context, uri: str, svg_uri: str, label: str, css: str) -> list[str]:
    """The diagram as <object>: shown without JavaScript, links inside it work
    (an <img> would disable them), and the SVG stays a separate file.

    Sized from the rendered SVG: its natural width, shrunk to fit the column
    down to 70 % of it (below that the card scrolls sideways instead).
    """
    src = html(ctx.href(uri, svg_uri))
    style = f' {ctx.size_marker}="{svg_uri}"' if ctx.size_marker else size_style(ctx.sizes.get(svg_uri))
    return [f'<div class="kam-diagram {css}" markdown="0">',
            f'<object type="image/svg+xml" data="{src}"{style} aria-label="{html(label)}">'
            f'<a href="{src}">{html(label)} (SVG)</a></object>',
            "</div>", "",
            f'<p class="kam-diagram-link"><a href="{src}">Open the {html(label.lower())} full size</a></p>', ""]


def _legend(judgements: bool) -> list[str]:
    covers = "Under each name: who of ours covers them (●●● strong, ●●○ medium, ●○○ weak).</p>"
    if not judgements:  # the company audience: reporting lines, titles and our coverage only
        return ['<div class="kam-legend" markdown="0">',
                "<p><b>Lines</b>: solid arrow = reports to (the manager above). <b>Border</b>: red with a red line "
                f"= nobody of ours covers them. {covers}", "</div>", ""]
    chips = "".join(f'<span class="kam-chip kam-att-{a}">{ATTITUDE_SIGN[a]} {a}</span>' for a in ATTITUDES)
    roles = " ".join(f'<span class="kam-badge">{letter}</span> {word.split(" (")[0]}'
                     for letter, word in BUYING_ROLES.values())
    return ['<div class="kam-legend" markdown="0">',
            f"<p><b>Attitude</b> (fill and sign before the name): {chips}</p>",
            f"<p><b>Buying role</b>: {roles}</p>",
            "<p><b>Lines</b>: solid arrow = reports to (the manager above); dashed arrow (influence view) = "
            "influences informally. <b>Border</b>: thick = high influence, medium = medium, thin dashed = low; "
            f"red with a red line = nobody of ours covers them. {covers}",
            "</div>", ""]


def diagram_sources(plan: Plan, ctx: Context) -> dict[str, str]:
    """The DOT sources of the account's diagrams, by site path (none for an empty plan)."""
    page = account_page(plan.id)
    map_uri, team_uri = account_diagram(plan.id, "map"), account_diagram(plan.id, "team")
    out = {}
    if plan.stakeholders:
        out[map_uri] = map_source(plan, ctx.today, ctx.person_name,
                                  lambda sid: ctx.href(map_uri, page, anchor_id("s", sid)), ctx.coverage(plan),
                                  judgements=ctx.judgements)
    if any(s.influences for s in plan.stakeholders):
        view = account_diagram(plan.id, "influence")
        out[view] = map_source(plan, ctx.today, ctx.person_name,
                               lambda sid: ctx.href(view, page, anchor_id("s", sid)), ctx.coverage(plan),
                               influence=True)
    if plan.stakeholders and plan.team:
        out[team_uri] = matrix_source(plan, ctx.today, ctx.person_name,
                                      lambda sid: ctx.href(team_uri, page, anchor_id("s", sid)),
                                      lambda pid: ctx.href(team_uri, person_page(pid)), ctx.coverage(plan),
                                      ctx.judgements)
    return out


def decision_map(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Decision-maker map", "map", search=False), ""]
    if not plan.stakeholders:
        return lines + none("No stakeholders recorded yet: the map is drawn from the stakeholder list.")
    lines += _object(ctx, uri, account_diagram(plan.id, "map"), "Decision-maker map", "kam-map")
    if any(s.influences for s in plan.stakeholders):
        lines += ['<details class="kam-influence" markdown="0"><summary>Show who influences whom informally '
                  '(the same map with dashed influence arrows)</summary>']
        lines += _object(ctx, uri, account_diagram(plan.id, "influence"), "Influence map", "kam-map")
        lines += ["</details>", ""]
    return lines + _legend(ctx.judgements)


def _covered_by(ctx: Context, uri: str, plan: Plan, stakeholder_id: str, coverers, strengths) -> Markdown:
    ids = coverers.get(stakeholder_id, ())
    if not ids:
        return Markdown("**nobody**")
    return join((Markdown(f"{person_link(ctx, uri, p)}&nbsp;{STRENGTH_MARK[strengths[(p, stakeholder_id)]]}")
                 for p in ids), "<br>")


def stakeholders(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Stakeholders", "stakeholders"), ""]
    if not plan.stakeholders:
        return lines + none("No stakeholders recorded yet.")
    coverers = ctx.coverage(plan).coverers
    strengths = {(m.person, c.stakeholder): c.strength for m, c in plan.coverage}
    names = {s.id: s.name for s in plan.stakeholders}
    rows, notes = [], []
    for s in plan.stakeholders:
        who = [bold_anchor(s.name, anchor_id("s", s.id))]
        if s.left:
            who.append(Markdown(f"<small>left {date(s.left)}</small>"))
        who += [small(s.title), small(s.unit)]
        lines_of = []
        if s.reports_to in names:
            lines_of.append(Markdown("reports to " + link(names[s.reports_to], f"#{anchor_id('s', s.reports_to)}")))
        if s.influences:
            lines_of.append(Markdown("influences " + stakeholder_links(plan, s.influences)))
        roles = ", ".join(BUYING_ROLES[r][1].split(" (")[0] for r in s.buying_roles)
        attitude = Markdown(f'<span class="kam-chip kam-att-{html(s.attitude)}">{html(s.attitude)}</span>')
        judged = [roles or None, s.influence, attitude] if ctx.judgements else []
        rows.append([join(who, "<br>"), join(lines_of, "<br>") or None, *judged,
                     _covered_by(ctx, uri, plan, s.id, coverers, strengths),
                     date(s.last_contact) if s.last_contact else None])
        if s.priorities or s.notes:
            parts = [Markdown(f"*wants:* {md(s.priorities)}") if s.priorities else None, s.notes]
            notes.append(Markdown(f"{link(s.name, '#' + anchor_id('s', s.id))} — {join(parts, '; ')}"))
    judged = ["Buying role", "Influence", "Attitude"] if ctx.judgements else []
    lines += table(["Name and title", "Reporting and influence" if ctx.judgements else "Reporting", *judged,
                    "Covered by", "Last contact"], rows)
    if notes:
        lines += ["**What they want, and notes:**", ""] + [f"- {n}" for n in notes] + [""]
    return lines


def private_data(plan: Plan, ctx: Context, uri: str) -> list[str]:
    """Personal data, only when the build asks for it, and then only here: raw
    HTML marked data-search-exclude, so the search index never holds it."""
    if not ctx.include_private:
        return []
    people = [s for s in plan.stakeholders if s.private]
    if not people:
        return []
    rows = "".join(
        f'<tr><td><a href="#{anchor_id("s", s.id)}">{html(s.name)}</a></td><td>'
        + "<br>".join(f"<b>{html(words(key))}</b>: {html(value)}" for key, value in s.private.items())
        + "</td></tr>" for s in people)
    return ['<div class="kam-private" data-search-exclude markdown="0">',
            '<h2 id="private" data-search-exclude>Personal data (team only)</h2>',
            "<p>Published because this build was asked to include personal data. "
            "Not in the search index and not in the diagrams.</p>",
            f"<table><thead><tr><th>Person</th><th>Personal notes</th></tr></thead><tbody>{rows}</tbody></table>",
            "</div>", ""]


def team(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, "Account team", "team"), ""]
    if not plan.team:
        return lines + none("No account team recorded yet.")
    if plan.stakeholders:
        lines += _object(ctx, uri, account_diagram(plan.id, "team"), "Team matrix", "kam-matrix")
        lines += ["<p class=\"kam-caption\">Rows: their people; columns: ours; cells: relationship strength "
                  "(●●● strong, ●●○ medium, ●○○ weak). Shaded rows: decision makers covered by one of ours "
                  "or none. Red column head: leaving would uncover high-influence people.</p>", ""]
    risk = team_risk(plan, ctx.today, ctx.coverage(plan))
    names = {s.id: s.name for s in plan.stakeholders}
    rows = []
    for member in plan.team:
        covers = sorted(member.covers, key=lambda c: (STRENGTH_ORDER[c.strength], names.get(c.stakeholder, "")))
        covered = join((Markdown(f"{link(names[c.stakeholder], '#' + anchor_id('s', c.stakeholder))}&nbsp;"
                                 f"{STRENGTH_MARK[c.strength]}") for c in covers if c.stakeholder in names), "<br>")
        lost = risk.leaving_uncovers.get(member.person, ())
        leaving = Markdown("**uncovers** " + stakeholder_links(plan, lost)) if lost else None
        rows.append([person_link(ctx, uri, member.person), words(member.role),
                     join(member.responsibilities, "<br>") or None, covered or None, leaving])
    lines += table(["Person", "Role", "Responsible for", "Covers", "If they leave"], rows)
    warnings = []
    if risk.uncovered:
        warnings.append(Markdown("Decision makers **nobody** of ours covers: " + stakeholder_links(plan, risk.uncovered)))
    if risk.single_threaded:
        warnings.append(Markdown("Decision makers covered by **one** of ours only (single-threaded): "
                                 + stakeholder_links(plan, risk.single_threaded)))
    if warnings:
        lines += admonition("warning", "Single-threaded relationships", [f"- {w}" for w in warnings])
    return lines
