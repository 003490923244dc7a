"""Our people: the people index and one page per person (the accounts they
are on, the stakeholders they cover, and what walks out of the door with them)."""

from __future__ import annotations

from collections import defaultdict

from ..model import Person
from .context import PEOPLE, Context, Page, account_page, person_page, rel
from .escape import Markdown, md
from .health import badge, findings_table
from .md import admonition, anchor_id, bold, cell, front_matter, heading, join, link, none, table
from .words import STRENGTH_MARK, date, words


class PeopleIndex:
    """Who is on which account, computed once for all person pages."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.memberships = defaultdict(list)  # person -> [(plan, member)]
        self.owned = defaultdict(list)  # person -> [plan]
        self.actions = defaultdict(list)  # person -> [(plan, action)]
        self.commitments = defaultdict(list)
        for plan in ctx.portfolio.plans:
            self.owned[plan.owner].append(plan)
            for member in plan.team:
                self.memberships[member.person].append((plan, member))
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
    lines = front_matter("People", hide=["navigation"], search=False)
    lines += [heading(1, "Our people"), "",
              "Everyone in the people directory, the accounts they work on, and the customer relationships "
              "that would be lost if they left.", ""]
    rows = []
    for person_id in people.people():
        person = ctx.portfolio.people.get(person_id)
        exposure = ctx.exposure.get(person_id)
        name = link(ctx.person_name(person_id), rel(uri, person_page(person_id)))
        rows.append([name, person.role if person else None, person.unit if person else None,
                     str(len(people.memberships[person_id])), str(len(people.owned[person_id])),
                     str(len(exposure.covered)) if exposure else "0",
                     bold(str(len(exposure.lost_high_influence))) if exposure and exposure.lost_high_influence else "0",
                     date(person.left) if person and person.left else None])
    head = ["Name", "Role", "Unit", "Accounts", "Owns", "Stakeholders covered", "Only they cover (high influence)",
            "Left"]
    align = "lllrrrrl"
    if not ctx.judgements:  # the company audience: no column that speaks of influence
        head, align, rows = head[:6] + head[7:], align[:6] + align[7:], [row[:6] + row[7:] for row in rows]
    lines += table(head, rows, align) if rows else none("Nobody yet.")
    return Page(uri, "\n".join(lines) + "\n")


def person(ctx: Context, people: PeopleIndex, person_id: str) -> Page:
    uri = person_page(person_id)
    info: Person | None = ctx.portfolio.people.get(person_id)
    name = ctx.person_name(person_id)
    lines = front_matter(name, hide=["navigation"])
    lines += [heading(1, name, "person"), ""]
    facts = [("Role", info.role if info else None), ("Unit", info.unit if info else None),
             ("E-mail", info.email if info else None),
             ("Left the company", date(info.left) if info and info.left else None)]
    lines += [f"- **{key}:** {cell(value)}" for key, value in facts if value] + [""]
    lines += _accounts(ctx, people, person_id, uri)
    lines += _exposure(ctx, people, person_id, uri)
    lines += [heading(2, "Risks they carry", "risks", search=False), ""]
    lines += findings_table(ctx, uri, [f for f in ctx.findings_by_person.get(person_id, ()) if not f.silenced],
                            with_account=True)
    lines += _work(ctx, people, person_id, uri)
    return Page(uri, "\n".join(lines) + "\n")


def _accounts(ctx: Context, people: PeopleIndex, person_id: str, uri: str) -> list[str]:
    lines = [heading(2, "Accounts", "accounts"), ""]
    rows = []
    for plan, member in people.memberships[person_id]:
        owner = " (key account manager)" if plan.owner == person_id else ""
        rows.append([_account(uri, plan), badge(ctx.health[plan.id].state), ctx.tier_name(plan),
                     words(member.role) + owner, join(member.responsibilities, "<br>") or None])
    for plan in people.owned[person_id]:
        if not any(p.id == plan.id for p, _ in people.memberships[person_id]):
            rows.append([_account(uri, plan), badge(ctx.health[plan.id].state), ctx.tier_name(plan),
                         "key account manager (not on the team list)", None])
    if not rows:
        return lines + none("Not on any account team.")
    return lines + table(["Account", "Health", "Tier", "Role there", "Responsible for"], rows)


def _exposure(ctx: Context, people: PeopleIndex, person_id: str, uri: str) -> list[str]:
    exposure = ctx.exposure.get(person_id)
    lines = [heading(2, "Stakeholders they cover", "covers", search=False), ""]
    if not exposure or not exposure.covered:
        return lines + none("Covers nobody at the customers.")
    lost = set(exposure.lost_high_influence)
    if lost:
        links = []
        for account_id, sid in exposure.lost_high_influence:
            plan = ctx.plan(account_id)
            s = plan.stakeholder(sid)
            target = rel(uri, account_page(plan.id)) + "#" + anchor_id("s", sid)
            links.append(Markdown(f"{link(s.name if s else sid, target)} ({md(plan.name)})"))
        lines += admonition("danger", "If they leave",
                            [Markdown(f"Nobody else of ours covers these high-influence people: {join(links)}.")])
    rows = []
    for account_id, sid in exposure.covered:
        plan = ctx.plan(account_id)
        s = plan.stakeholder(sid)
        if s is None:
            continue
        strength = next(c.strength for m in plan.team if m.person == person_id for c in m.covers if c.stakeholder == sid)
        others = [p for p in ctx.coverage(plan).coverers.get(sid, []) if p != person_id]
        target = rel(uri, account_page(plan.id)) + "#" + anchor_id("s", sid)
        only = Markdown("**nobody else**") if not others else join(ctx.person_name(p) for p in others)
        judged = [s.influence, s.attitude] if ctx.judgements else []
        rows.append([_account(uri, plan), link(s.name, target), s.title, *judged,
                     STRENGTH_MARK[strength], only if (account_id, sid) not in lost else Markdown("**nobody else**")])
    judged = ["Influence", "Attitude"] if ctx.judgements else []
    return lines + table(["Account", "Stakeholder", "Title", *judged, "Strength", "Also covered by"], rows)


def _work(ctx: Context, people: PeopleIndex, person_id: str, uri: str) -> list[str]:
    lines = [heading(2, "Open actions and commitments", "work", search=False), ""]
    rows = []
    for plan, a in people.actions[person_id]:
        late = " — overdue" if a.due < ctx.today else ""
        rows.append([date(a.due) + late, "action", _account(uri, plan, "actions"), a.title])
    for plan, c in people.commitments[person_id]:
        late = " — late" if c.current_due < ctx.today else ""
        rows.append([date(c.current_due) + late, "commitment", _account(uri, plan, "commitments"), c.promise])
    rows.sort(key=lambda r: r[0])
    return lines + (table(["Due", "What", "Account", "Item"], rows) if rows else none("Nothing open."))
