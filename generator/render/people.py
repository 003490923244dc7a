"""Our people: the people index and one page per person (the accounts they
are on, the stakeholders they cover, and what walks out of the door with them)."""

from __future__ import annotations

from collections import defaultdict

from ..formats import joined, number
from ..i18n import _, ngettext, pgettext
from ..model import Person
from .context import PEOPLE, Context, Page, account_page, person_page, rel
from .escape import Markdown, md
from .health import badge, findings_table
from .md import admonition, anchor_id, bold, cell, front_matter, heading, join, link, none, table
from .words import STRENGTH_MARK, date, words

# A person page names at most this many of the others who cover the same stakeholder (the account's
# team matrix has them all): every page then grows with that person's own coverage, not with the team.
ALSO_COVERED_NAMES = 5


class PeopleIndex:
    """Who is on which account, computed once for all person pages."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.memberships = defaultdict(list)  # person -> [(plan, member)]
        self.owned = defaultdict(list)  # person -> [plan]
        self.actions = defaultdict(list)  # person -> [(plan, action)]
        self.commitments = defaultdict(list)
        self.strength = {}  # (account, person, stakeholder) -> strength of that relationship
        for plan in ctx.portfolio.plans:
            self.owned[plan.owner].append(plan)
            for member in plan.team:
                self.memberships[member.person].append((plan, member))
                for cover in member.covers:
                    self.strength.setdefault((plan.id, member.person, cover.stakeholder), cover.strength)
            for action in plan.actions:
                if action.is_open:
                    self.actions[action.owner].append((plan, action))
            for commitment in plan.commitments:
                if commitment.is_open:
                    self.commitments[commitment.owner].append((plan, commitment))

    def people(self) -> list[str]:
        known = list(self.ctx.portfolio.people)
        extra = sorted((set(self.memberships) | set(self.owned)) - set(known))
        return known + extra


def _account(uri: str, plan, anchor: str = "") -> Markdown:
    return link(plan.name, rel(uri, account_page(plan.id)) + (f"#{anchor}" if anchor else ""))


def index(ctx: Context, people: PeopleIndex) -> Page:
    uri = PEOPLE
    lines = front_matter(_("People"), hide=["navigation"], search=False)
    lines += [heading(1, _("Our people"), "our-people"), "",
              md(_("Everyone in the people directory, the accounts they work on, and the customer relationships "
                   "that would be lost if they left.")), ""]
    rows = []
    for person_id in people.people():
        person = ctx.portfolio.people.get(person_id)
        exposure = ctx.exposure.get(person_id)
        name = link(ctx.person_name(person_id), rel(uri, person_page(person_id)))
        rows.append([name, person.role if person else None, person.unit if person else None,
                     number(len(people.memberships[person_id])), number(len(people.owned[person_id])),
                     number(len(exposure.covered)) if exposure else number(0),
                     bold(number(len(exposure.lost_high_influence))) if exposure and exposure.lost_high_influence
                     else number(0),
                     date(person.left) if person and person.left else None])
    head = [_("Name"), pgettext("job", "Role"), _("Unit"), _("Accounts"),
            # Translators: a column header of the people index: how many accounts they are key account manager of.
            pgettext("accounts", "Owns"),
            _("Stakeholders covered"), _("Only they cover (high influence)"),
            # Translators: a column header of the people index: the date they left the company.
            pgettext("the company", "Left")]
    align = "lllrrrrl"
    if not ctx.judgements:  # the company audience: no column that speaks of influence
        head, align, rows = head[:6] + head[7:], align[:6] + align[7:], [row[:6] + row[7:] for row in rows]
    lines += table(head, rows, align) if rows else none(_("Nobody yet."))
    return Page(uri, "\n".join(lines) + "\n")


def person(ctx: Context, people: PeopleIndex, person_id: str) -> Page:
    uri = person_page(person_id)
    info: Person | None = ctx.portfolio.people.get(person_id)
    name = ctx.person_name(person_id)
    lines = front_matter(name, hide=["navigation"])
    lines += [heading(1, name, "person"), ""]
    facts = [(pgettext("job", "Role"), info.role if info else None), (_("Unit"), info.unit if info else None),
             (_("E-mail"), info.email if info else None),
             (_("Left the company"), date(info.left) if info and info.left else None)]
    lines += [f"- **{md(key)}:** {cell(value)}" for key, value in facts if value] + [""]
    lines += _accounts(ctx, people, person_id, uri)
    lines += _exposure(ctx, people, person_id, uri)
    lines += [heading(2, _("Risks they carry"), "risks", search=False), ""]
    lines += findings_table(ctx, uri, [f for f in ctx.findings_by_person.get(person_id, ()) if not f.silenced],
                            with_account=True)
    lines += _work(ctx, people, person_id, uri)
    return Page(uri, "\n".join(lines) + "\n")


def _accounts(ctx: Context, people: PeopleIndex, person_id: str, uri: str) -> list[str]:
    lines = [heading(2, _("Accounts"), "accounts"), ""]
    rows = []
    for plan, member in people.memberships[person_id]:
        # Translators: their role on the account's team ("specialist"), when they are also its key account manager.
        role = (_("{role} (key account manager)").format(role=words(member.role)) if plan.owner == person_id
                else words(member.role))
        rows.append([_account(uri, plan), badge(ctx.health[plan.id].state), ctx.tier_name(plan),
                     role, join(member.responsibilities, "<br>") or None])
    for plan in people.owned[person_id]:
        if not any(p.id == plan.id for p, _member in people.memberships[person_id]):
            rows.append([_account(uri, plan), badge(ctx.health[plan.id].state), ctx.tier_name(plan),
                         _("key account manager (not on the team list)"), None])
    if not rows:
        return lines + none(_("Not on any account team."))
    return lines + table([_("Account"), _("Health"), _("Tier"), _("Role there"), _("Responsible for")], rows)


def _exposure(ctx: Context, people: PeopleIndex, person_id: str, uri: str) -> list[str]:
    exposure = ctx.exposure.get(person_id)
    lines = [heading(2, _("Stakeholders they cover"), "covers", search=False), ""]
    if not exposure or not exposure.covered:
        return lines + none(_("Covers nobody at the customers."))
    lost = set(exposure.lost_high_influence)
    if lost:
        links = []
        for account_id, sid in exposure.lost_high_influence:
            plan = ctx.plan(account_id)
            s = plan.stakeholder(sid)
            target = rel(uri, account_page(plan.id)) + "#" + anchor_id("s", sid)
            # Translators: a stakeholder (a link) and, in brackets, the customer they work for.
            links.append(Markdown(_("{stakeholder} ({account})").format(stakeholder=link(s.name if s else sid, target),
                                                                       account=md(plan.name))))
        # Translators: {people} lists stakeholders with their customers: "Kari Johansen (Nordvik Dagligvare AS)".
        lost_text = _("Nobody else of ours covers these high-influence people: {people}.")
        lines += admonition("danger", _("If they leave"), [Markdown(lost_text.format(people=joined(links)))])
    rows = []
    for account_id, sid in exposure.covered:
        plan = ctx.plan(account_id)
        s = plan.stakeholder(sid)
        if s is None:
            continue
        strength = people.strength[(account_id, person_id, sid)]
        others = [p for p in ctx.coverage(plan).coverers.get(sid, []) if p != person_id]
        target = rel(uri, account_page(plan.id)) + "#" + anchor_id("s", sid)
        # Translators: in the column "Also covered by": nobody of ours but this person covers the stakeholder.
        nobody_else = _("nobody else")  # outside the f-string: Babel does not extract from inside one
        nobody = Markdown(f"**{md(nobody_else)}**")
        only = nobody if not others else _others(ctx, others)
        judged = [words(s.influence), words(s.attitude)] if ctx.judgements else []
        rows.append([_account(uri, plan), link(s.name, target), s.title, *judged,
                     STRENGTH_MARK[strength], only if (account_id, sid) not in lost else nobody])
    judged = [_("Influence"), _("Attitude")] if ctx.judgements else []
    headers = [_("Account"), _("Stakeholder"),
               # Translators: a column header: the stakeholder's job title.
               pgettext("job", "Title"), *judged,
               # Translators: a column header: the strength of our relationship with the stakeholder.
               pgettext("relationship", "Strength"), _("Also covered by")]
    return lines + table(headers, rows)


def _others(ctx: Context, others: list[str]) -> Markdown:
    names = Markdown(joined(md(ctx.person_name(p)) for p in others[:ALSO_COVERED_NAMES]))
    more = len(others) - ALSO_COVERED_NAMES
    # Translators: {names} lists the first five people, {count} how many more there are.
    return (Markdown(ngettext("{names} and {count} more", "{names} and {count} more", more)
                     .format(names=names, count=number(more))) if more > 0 else names)


def _work(ctx: Context, people: PeopleIndex, person_id: str, uri: str) -> list[str]:
    lines = [heading(2, _("Open actions and commitments"), "work", search=False), ""]
    rows = []  # (the day it is due, the words in the column "Due", ...): sorted by the day, not by its words
    for plan, a in people.actions[person_id]:
        # Translators: in the column "Due": {date} is the date an open action was due.
        when = _("{date} — overdue").format(date=date(a.due)) if a.due < ctx.today else date(a.due)
        rows.append([a.due, when, _("action"), _account(uri, plan, "actions"), a.title])
    for plan, c in people.commitments[person_id]:
        # Translators: in the column "Due": {date} is the date an open commitment to the customer was due.
        when = (_("{date} — late").format(date=date(c.current_due)) if c.current_due < ctx.today
                else date(c.current_due))
        rows.append([c.current_due, when, _("commitment"), _account(uri, plan, "commitments"), c.promise])
    rows = [row[1:] for row in sorted(rows, key=lambda r: r[0])]
    return lines + (table([_("Due"), pgettext("kind of work", "What"), _("Account"), _("Item")], rows) if rows
                    else none(_("Nothing open.")))
