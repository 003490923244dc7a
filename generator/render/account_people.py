"""Account page sections about people: the decision-maker map, the
stakeholder table, personal data (only when a build asks for it) and the
account team with its matrix."""

from __future__ import annotations

from .. import formats
from ..i18n import N_, _, pgettext
from ..model import Plan
from .context import Context, account_diagram, account_page, person_page
from .escape import Markdown, html, md
from .maps import ATTITUDE_SIGN, map_source
from .matrix import matrix_source, team_risk
from .md import admonition, anchor_id, bold, bold_anchor, heading, join, link, none, small, table
from .account_deals import person_link, stakeholder_links
from .words import ATTITUDES, BUYING_ROLES, STRENGTH_MARK, STRENGTH_ORDER, date, words


def role_name(role: str) -> str:
    """A buying role's short name (the legend, the stakeholder table): its own message, not the long
    explanation of words.BUYING_ROLES cut at its parenthesis (a translation need not have one)."""
    names = {"economic": pgettext("buying role", "economic buyer"), "technical": pgettext("buying role", "technical buyer"),
             "user": pgettext("buying role", "user"), "coach": pgettext("buying role", "coach"),
             "gatekeeper": pgettext("buying role", "gatekeeper")}
    return names.get(role) or words(role)


def size_style(size: tuple[int, int] | None) -> str:
    """The <object>'s style attribute (with its leading space) for a diagram of `size` CSS pixels:
    its natural width, down to the column's width on a phone (the CSS lets a wide screen shrink it to
    no less than 75 %, where 12 pt text is still 12 px, and scroll the card beyond that)."""
    if size is None:
        return ""
    width, height = size
    return f' style="--kam-w:{width}px;aspect-ratio:{width}/{height}"'


# Each diagram's name and the text of the link that opens it alone, full size (one message each: the
# name is not lowercased into a sentence, which would be wrong in German-like languages).
DIAGRAM_NAMES = {
    "map": (N_("Decision-maker map"), N_("Open the decision-maker map full size")),
    "influence": (N_("Influence map"), N_("Open the influence map full size")),
    "team": (N_("Team matrix"), N_("Open the team matrix full size")),
}


def _object(ctx: Context, uri: str, svg_uri: str, diagram: str, css: str) -> list[str]:
    """The diagram as <object>: shown without JavaScript, links inside it work
    (an <img> would disable them), and the SVG stays a separate file.

    Sized from the rendered SVG: its natural width, shrunk to fit the column
    down to 70 % of it (below that the card scrolls sideways instead).
    """
    src = html(ctx.href(uri, svg_uri))
    style = f' {ctx.size_marker}="{svg_uri}"' if ctx.size_marker else size_style(ctx.sizes.get(svg_uri))
    name, full_size = (_(text) for text in DIAGRAM_NAMES[diagram])
    # Translators: the link shown where a browser cannot show the diagram itself; {diagram} is its name.
    fallback = _("{diagram} (SVG)").format(diagram=name)
    return [f'<div class="kam-diagram {css}" markdown="0">',
            f'<object type="image/svg+xml" data="{src}"{style} aria-label="{html(name)}">'
            f'<a href="{src}">{html(fallback)}</a></object>',
            "</div>", "",
            f'<p class="kam-diagram-link"><a href="{src}">{html(full_size)}</a></p>', ""]


def _legend(judgements: bool) -> list[str]:
    """The map's legend: each part a label (bold) and its explanation, each a message of its own."""
    # Translators: the map's legend; the three marks stand for the strength of our relationship.
    covers = html(_("Under each name: who of ours covers them (●●● strong, ●●○ medium, ●○○ weak)."))
    lines_label, border_label = html(_("Lines")), html(_("Border"))
    uncovered = html(_("red with a red line = nobody of ours covers them."))
    if not judgements:  # the company audience: reporting lines, titles and our coverage only
        reports = html(_("solid arrow = reports to (the manager above)."))
        return ['<div class="kam-legend" markdown="0">',
                f"<p><b>{lines_label}</b>: {reports} <b>{border_label}</b>: {uncovered} {covers}</p>", "</div>", ""]
    chips = "".join(f'<span class="kam-chip kam-att-{a}">{ATTITUDE_SIGN[a]} {html(words(a))}</span>'
                    for a in ATTITUDES)
    roles = " ".join(f'<span class="kam-badge">{html(BUYING_ROLES[role][0])}</span> {html(role_name(role))}'
                     for role in BUYING_ROLES)
    reports = html(_("solid arrow = reports to (the manager above); dashed arrow (influence view) = "
                     "influences informally."))
    borders = html(_("thick = high influence, medium = medium, thin dashed = low;"))
    attitude_label, role_label = html(_("Attitude")), html(_("Buying role"))
    # Translators: follows the legend's bold label "Attitude" and precedes the five attitudes.
    attitude_note = html(_("(fill and sign before the name):"))
    return ['<div class="kam-legend" markdown="0">',
            f"<p><b>{attitude_label}</b> {attitude_note} {chips}</p>",
            f"<p><b>{role_label}</b>: {roles}</p>",
            f"<p><b>{lines_label}</b>: {reports} <b>{border_label}</b>: {borders} {uncovered} {covers}</p>",
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
    lines = [heading(2, _("Decision-maker map"), "map", search=False), ""]
    if not plan.stakeholders:
        return lines + none(_("No stakeholders recorded yet: the map is drawn from the stakeholder list."))
    lines += _object(ctx, uri, account_diagram(plan.id, "map"), "map", "kam-map")
    if any(s.influences for s in plan.stakeholders):
        toggle = html(_("Show who influences whom informally (the same map with dashed influence arrows)"))
        lines += [f'<details class="kam-influence" markdown="0"><summary>{toggle}</summary>']
        lines += _object(ctx, uri, account_diagram(plan.id, "influence"), "influence", "kam-map")
        lines += ["</details>", ""]
    return lines + _legend(ctx.judgements)


def _covered_by(ctx: Context, uri: str, plan: Plan, stakeholder_id: str, coverers, strengths) -> Markdown:
    ids = coverers.get(stakeholder_id, ())
    if not ids:
        return bold(_("nobody"))
    return join((Markdown(f"{person_link(ctx, uri, p)}&nbsp;{STRENGTH_MARK[strengths[(p, stakeholder_id)]]}")
                 for p in ids), "<br>")


def stakeholders(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Stakeholders"), "stakeholders"), ""]
    if not plan.stakeholders:
        return lines + none(_("No stakeholders recorded yet."))
    coverers = ctx.coverage(plan).coverers
    strengths = {(m.person, c.stakeholder): c.strength for m, c in plan.coverage}
    names = {s.id: s.name for s in plan.stakeholders}
    rows, notes = [], []
    for s in plan.stakeholders:
        who = [bold_anchor(s.name, anchor_id("s", s.id))]
        if s.left:
            # Translators: the day the stakeholder left the customer.
            left = _("left {date}").format(date=date(s.left))
            who.append(Markdown(f"<small>{md(left)}</small>"))
        who += [small(s.title), small(s.unit)]
        lines_of = []
        if s.reports_to in names:
            manager = link(names[s.reports_to], f"#{anchor_id('s', s.reports_to)}")
            # Translators: {manager} is the name of the stakeholder's manager (a link).
            lines_of.append(Markdown(_("reports to {manager}").format(manager=manager)))
        if s.influences:
            # Translators: {people} lists the names of the people this stakeholder influences informally.
            lines_of.append(Markdown(_("influences {people}").format(people=stakeholder_links(plan, s.influences))))
        roles = formats.joined(role_name(r) for r in s.buying_roles)
        attitude = Markdown(f'<span class="kam-chip kam-att-{html(s.attitude)}">{html(words(s.attitude))}</span>')
        judged = [roles or None, words(s.influence), attitude] if ctx.judgements else []
        rows.append([join(who, "<br>"), join(lines_of, "<br>") or None, *judged,
                     _covered_by(ctx, uri, plan, s.id, coverers, strengths),
                     date(s.last_contact) if s.last_contact else None])
        if s.priorities or s.notes:
            # Translators: before what a stakeholder wants from a proposal (terms, references, numbers ...).
            wants = md(_("wants:"))
            parts = [Markdown(f"*{wants}* {md(s.priorities)}") if s.priorities else None, s.notes]
            notes.append(Markdown(f"{link(s.name, '#' + anchor_id('s', s.id))} — {join(parts, '; ')}"))
    judged = [_("Buying role"), _("Influence"), _("Attitude")] if ctx.judgements else []
    lines += table([_("Name and title"), _("Reporting and influence") if ctx.judgements else _("Reporting"), *judged,
                    _("Covered by"), _("Last contact")], rows)
    if notes:
        lines += [bold(_("What they want, and notes:")), ""] + [f"- {n}" for n in notes] + [""]
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
    title, person, notes = _("Personal data (team only)"), _("Person"), _("Personal notes")
    note = _("Published because this build was asked to include personal data. "
             "Not in the search index and not in the diagrams.")
    return ['<div class="kam-private" data-search-exclude markdown="0">',
            f'<h2 id="private" data-search-exclude>{html(title)}</h2>',
            f"<p>{html(note)}</p>",
            f"<table><thead><tr><th>{html(person)}</th><th>{html(notes)}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>",
            "</div>", ""]


def team(plan: Plan, ctx: Context, uri: str) -> list[str]:
    lines = [heading(2, _("Account team"), "team"), ""]
    if not plan.team:
        return lines + none(_("No account team recorded yet."))
    if plan.stakeholders:
        lines += _object(ctx, uri, account_diagram(plan.id, "team"), "team", "kam-matrix")
        # Translators: the caption under the team matrix (rows: the customer's people; columns: ours).
        caption = _("Rows: their people; columns: ours; cells: relationship strength (●●● strong, ●●○ medium, "
                    "●○○ weak). Shaded rows: decision makers covered by one of ours or none. Red column head: "
                    "leaving would uncover high-influence people.")
        lines += [f'<p class="kam-caption">{html(caption)}</p>', ""]
    risk = team_risk(plan, ctx.today, ctx.coverage(plan))
    names = {s.id: s.name for s in plan.stakeholders}
    rows = []
    for member in plan.team:
        covers = sorted(member.covers, key=lambda c: (STRENGTH_ORDER[c.strength], names.get(c.stakeholder, "")))
        covered = join((Markdown(f"{link(names[c.stakeholder], '#' + anchor_id('s', c.stakeholder))}&nbsp;"
                                 f"{STRENGTH_MARK[c.strength]}") for c in covers if c.stakeholder in names), "<br>")
        lost = risk.leaving_uncovers.get(member.person, ())
        # Translators: {people} lists the customer's people nobody of ours would cover if this person left.
        leaving = Markdown(_("**uncovers** {people}").format(people=stakeholder_links(plan, lost))) if lost else None
        rows.append([person_link(ctx, uri, member.person), words(member.role),
                     join(member.responsibilities, "<br>") or None, covered or None, leaving])
    lines += table([_("Person"), _("Role"), _("Responsible for"), _("Covers"), _("If they leave")], rows)
    warnings = []
    if risk.uncovered:
        # Translators: {people} lists the decision makers' names.
        warnings.append(Markdown(_("Decision makers **nobody** of ours covers: {people}").format(
            people=stakeholder_links(plan, risk.uncovered))))
    if risk.single_threaded:
        warnings.append(Markdown(_("Decision makers covered by **one** of ours only (single-threaded): {people}").format(
            people=stakeholder_links(plan, risk.single_threaded))))
    if warnings:
        lines += admonition("warning", _("Single-threaded relationships"), [f"- {w}" for w in warnings])
    return lines
