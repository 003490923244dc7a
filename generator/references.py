"""Cross-reference checks the schema cannot express: ids that must exist,
be unique, not form cycles, and dates that must come in order.

Each function takes model objects and yields diagnostics at the line of the
offending value, with a "did you mean" where a near id exists.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from .diagnostics import Diagnostic, Severity, sort_key
from .load import Document
from .model import Person, Plan
from .validate import did_you_mean


def _at(plan: Plan, path, message: str, code: str, *, key: bool = False) -> Diagnostic:
    line, column = plan.position(path, key=key)
    return Diagnostic(plan.file, line, column, Severity.ERROR, code, message)


def _duplicates(plan: Plan, items, what: str, attr: str = "id") -> Iterator[Diagnostic]:
    seen: dict[str, object] = {}
    for item in items:
        value = getattr(item, attr)
        if value in seen:
            first_line, _ = plan.position(seen[value].path + (attr,))
            yield _at(plan, item.path + (attr,), f"{what} '{value}' appears twice (first on line {first_line})",
                      "duplicate-id")
        else:
            seen[value] = item


def unique_ids(plan: Plan) -> Iterator[Diagnostic]:
    yield from _duplicates(plan, plan.stakeholders, "stakeholder id")
    yield from _duplicates(plan, plan.team, "team member", "person")
    yield from _duplicates(plan, plan.goals, "goal id")
    yield from _duplicates(plan, plan.tenders, "tender id")
    yield from _duplicates(plan, plan.proposals, "proposal id")
    yield from _duplicates(plan, plan.actions, "action id")
    yield from _duplicates(plan, plan.commitments, "commitment id")
    yield from _duplicates(plan, plan.opportunities, "opportunity id")
    yield from _duplicates(plan, plan.situation.units, "unit id")
    yield from _duplicates(plan, plan.situation.revenue, "revenue period", "period")
    for member in plan.team:
        yield from _duplicates(plan, member.covers, f"coverage of {member.person} for stakeholder", "stakeholder")


def _hint(value: str, known, names: dict | None = None) -> str:
    """A "did you mean": the id of whoever has `value` as their name, else the nearest id."""
    named = (names or {}).get(str(value).casefold())
    return f" (did you mean '{named}'? That is the id of {value})" if named else did_you_mean(value, known)


def _names(entities) -> dict:
    return {e.name.casefold(): e.id for e in entities if e.name}


def _reference(plan: Plan, path, value: str | None, known, what: str) -> Iterator[Diagnostic]:
    if value is not None and value not in known:
        names = _names(plan.stakeholders) if _kind(what) == "a stakeholder" else None
        yield _at(plan, path, f"{what} '{value}' is not {_kind(what)} of this account{_hint(value, known, names)}",
                  "unknown-reference")


def _kind(what: str) -> str:
    return {"tender": "a tender", "goal": "a goal", "unit": "a business unit", "opportunity": "an opportunity",
            "product": "a product in situation.products"}.get(what, "a stakeholder")


def stakeholder_references(plan: Plan) -> Iterator[Diagnostic]:
    ids = {s.id for s in plan.stakeholders}
    for s in plan.stakeholders:
        if s.reports_to == s.id:
            yield _at(plan, s.path + ("reports_to",), f"'{s.id}' reports to themself", "reporting-cycle")
        else:
            yield from _reference(plan, s.path + ("reports_to",), s.reports_to, ids, "reports_to")
        for i, target in enumerate(s.influences):
            if target == s.id:
                yield _at(plan, s.path + ("influences", i), f"'{s.id}' cannot influence themself", "unknown-reference")
            else:
                yield from _reference(plan, s.path + ("influences", i), target, ids, "influences")
    for member, cover in plan.coverage:
        yield from _reference(plan, cover.path + ("stakeholder",), cover.stakeholder, ids, "covered stakeholder")
    for step in plan.buying_process.steps:
        for i, sid in enumerate(step.stakeholders):
            yield from _reference(plan, step.path + ("stakeholders", i), sid, ids, "buying-process stakeholder")
    for proposal in plan.proposals:
        for i, sid in enumerate(proposal.readers):
            yield from _reference(plan, proposal.path + ("readers", i), sid, ids, "proposal reader")
    for action in plan.actions:
        for i, sid in enumerate(action.stakeholders):
            yield from _reference(plan, action.path + ("stakeholders", i), sid, ids, "action stakeholder")
        yield from _reference(plan, action.path + ("tender",), action.tender, {t.id for t in plan.tenders}, "tender")
    for commitment in plan.commitments:
        yield from _reference(plan, commitment.path + ("to",), commitment.to, ids, "commitment to")
    goals = {g.id for g in plan.goals}
    for review in plan.reviews:
        for result in review.results:
            yield from _reference(plan, result.path + ("goal",), result.goal, goals, "goal")
    units = {u.id for u in plan.situation.units}
    for product in plan.situation.products:
        for unit_id in product.units:
            yield from _reference(plan, product.path + ("units", unit_id), unit_id, units, "unit")
    yield from cycle_references(plan, ids, units)


def cycle_references(plan: Plan, ids: set[str], units: set[str]) -> Iterator[Diagnostic]:
    """The pipeline's and the timeline's references: stakeholders, units, products, opportunities."""
    products = {p.name for p in plan.situation.products}
    for o in plan.opportunities:
        for i, sid in enumerate(o.stakeholders):
            yield from _reference(plan, o.path + ("stakeholders", i), sid, ids, "opportunity stakeholder")
        for i, name in enumerate(o.products):
            yield from _reference(plan, o.path + ("products", i), name, products, "product")
        yield from _reference(plan, o.path + ("unit",), o.unit, units, "unit")
    opportunities = {o.id for o in plan.opportunities}
    for event in plan.interactions:
        for i, sid in enumerate(event.stakeholders):
            yield from _reference(plan, event.path + ("stakeholders", i), sid, ids, "interaction stakeholder")
        yield from _reference(plan, event.path + ("opportunity",), event.opportunity, opportunities, "opportunity")


def reporting_cycles(plan: Plan) -> Iterator[Diagnostic]:
    """Each reporting cycle once, at the first member's reports_to."""
    manager = {s.id: s.reports_to for s in plan.stakeholders if s.reports_to and s.reports_to != s.id}
    by_id = {s.id: s for s in plan.stakeholders}
    reported: set[str] = set()
    for start in manager:
        chain, node = [], start
        while node in manager and node not in chain and node not in reported:
            chain.append(node)
            node = manager[node]
        if node in chain:
            cycle = chain[chain.index(node):]
            reported.update(cycle)
            first = min(cycle, key=lambda sid: plan.position(by_id[sid].path)[0])
            loop = " -> ".join(cycle[cycle.index(first):] + cycle[:cycle.index(first)] + [first])
            yield _at(plan, by_id[first].path + ("reports_to",), f"reporting lines form a cycle: {loop}",
                      "reporting-cycle")
        reported.update(chain)


UNKNOWN_PERSON = "is not in the people directory"
FOLD_MIN_FILES = 2  # an unknown person or tier named by this many plans is one mistake, reported once
FOLD_MIN_PLACES = 3  # an unknown id named this often in one plan: the same


def _named(d: Diagnostic) -> str:
    """The id a "'x' is not ..." finding is about."""
    return d.message.split("' is not ", 1)[0].rsplit(" '", 1)[-1]


def _fold(found: list[Diagnostic], more: str) -> tuple[Diagnostic, set[int]]:
    first = min(found, key=sort_key)
    return replace(first, message=f"{first.message} ... and {more}"), {id(d) for d in found if d is not first}


def fold_repeats(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One error, at its first place, for an id that many places name but nothing defines (a typo
    where it is defined, or a broken entry there): "... and 165 more plans that name this person"."""
    groups: dict[tuple, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.code in ("unknown-person", "unknown-tier"):
            groups.setdefault((d.code, _named(d)), []).append(d)
        elif d.code == "unknown-reference":
            groups.setdefault((d.code, _named(d), d.path), []).append(d)
    drop: set[int] = set()
    folded: dict[int, Diagnostic] = {}
    for (code, *_), found in groups.items():
        files = sorted({d.path for d in found})
        if code != "unknown-reference" and len(files) >= FOLD_MIN_FILES:
            what = "person" if code == "unknown-person" else "tier"
            plans = "plan that names" if len(files) == 2 else "plans that name"
            first, others = _fold(found, f"{len(files) - 1} more {plans} this {what}")
        elif code == "unknown-reference" and len(found) >= FOLD_MIN_PLACES:
            lines = sorted(d.line for d in found)[1:]
            first, others = _fold(found, f"{len(lines)} more places that name it, on lines "
                                         f"{', '.join(map(str, lines))}")
        else:
            continue
        folded[id(min(found, key=sort_key))] = first
        drop |= others
    return [folded.get(id(d), d) for d in diagnostics if id(d) not in drop]


def people_references(plan: Plan, people: dict[str, Person]) -> Iterator[Diagnostic]:
    names = _names(people.values())

    def check(path, person_id: str, what: str) -> Iterator[Diagnostic]:
        if person_id not in people:
            yield _at(plan, path, f"{what} '{person_id}' {UNKNOWN_PERSON}{_hint(person_id, people, names)}",
                      "unknown-person")
        elif people[person_id].left is not None and what in ("owner", "team member"):
            yield _at(plan, path, f"{what} '{person_id}' left the company on {people[person_id].left}", "person-left")

    yield from check(("owner",), plan.owner, "owner")
    for member in plan.team:
        yield from check(member.path + ("person",), member.person, "team member")
    for action in plan.actions:
        yield from check(action.path + ("owner",), action.owner, "action owner")
    for commitment in plan.commitments:
        yield from check(commitment.path + ("owner",), commitment.owner, "commitment owner")
    for review in plan.reviews:
        for i, person_id in enumerate(review.participants):
            yield from check(review.path + ("participants", i), person_id, "review participant")
    for o in plan.opportunities:
        if o.owner is not None:
            yield from check(o.path + ("owner",), o.owner, "opportunity owner")
    for event in plan.interactions:
        for i, person_id in enumerate(event.participants):
            yield from check(event.path + ("participants", i), person_id, "interaction participant")


def tier_reference(plan: Plan, tiers: tuple[str, ...]) -> Iterator[Diagnostic]:
    if plan.tier not in tiers:
        yield _at(plan, ("tier",), f"tier '{plan.tier}' is not a tier of the portfolio settings "
                  f"({', '.join(tiers)}){did_you_mean(plan.tier, tiers)}", "unknown-tier")


def date_order(plan: Plan) -> Iterator[Diagnostic]:
    def before(path, earlier, later, message: str) -> Iterator[Diagnostic]:
        if earlier is not None and later is not None and later < earlier:
            yield _at(plan, path, message.format(earlier=earlier, later=later), "date-order")

    for commitment in plan.commitments:
        previous = commitment.due
        yield from before(commitment.path + ("due",), commitment.made, commitment.due,
                          "due {later} is before the promise was made ({earlier})")
        for r in commitment.reschedules:
            if r.new_due <= previous:
                yield _at(plan, r.path + ("new_due",), f"a rescheduling must move the date later: "
                          f"{r.new_due} is not after {previous}", "date-order")
            yield from before(r.path + ("date",), commitment.made, r.date,
                              "rescheduled on {later}, before the promise was made ({earlier})")
            previous = r.new_due
        yield from before(commitment.path + ("delivered",), commitment.made, commitment.delivered,
                          "delivered {later}, before the promise was made ({earlier})")
    for proposal in plan.proposals:
        yield from before(proposal.path + ("expires",), proposal.sent, proposal.expires,
                          "expires {later}, before it was sent ({earlier})")
    for review in plan.reviews:
        yield from before(review.path + ("next_review",), review.date, review.next_review,
                          "next review {later} is before this review ({earlier})")
    yield from complaint_times(plan)
    for earlier, later in zip(plan.reviews, plan.reviews[1:]):
        yield from before(later.path + ("date",), earlier.date, later.date,
                          "reviews go oldest first: {later} comes after {earlier}")


_COMPLAINT_WORDS = {"opened": "opened", "responded": "answered", "resolved": "resolved"}


def complaint_times(plan: Plan) -> Iterator[Diagnostic]:
    """A complaint's times are real and in order: opened, then answered (responded), then resolved."""
    for event in plan.interactions:
        c = event.complaint
        if c is None:
            continue
        times = []
        for name, said in _COMPLAINT_WORDS.items():
            written, when = getattr(c, name), getattr(c, f"{name}_at")
            if written is not None and when is None:
                yield _at(plan, c.path + (name,), f"complaint {name} '{written}' is not a real date and time "
                          f"(YYYY-MM-DDTHH:MM, e.g. 2026-10-14T09:30)", "schema")
                continue
            earlier = next(((n, t) for n, t in times if when is not None and when < t), None)
            if earlier is not None:
                yield _at(plan, c.path + (name,), f"the complaint was {said} at {written}, before it was "
                          f"{_COMPLAINT_WORDS[earlier[0]]} ({getattr(c, earlier[0])})", "date-order")
            elif when is not None:
                times.append((name, when))


def plan_problems(plan: Plan, portfolio_people: dict[str, Person], tiers: tuple[str, ...] | None) -> list[Diagnostic]:
    """Every cross-reference problem within one plan."""
    found: list[Diagnostic] = []
    found.extend(unique_ids(plan))
    found.extend(stakeholder_references(plan))
    found.extend(reporting_cycles(plan))
    found.extend(people_references(plan, portfolio_people))
    found.extend(date_order(plan))
    if tiers is not None:
        found.extend(tier_reference(plan, tiers))
    return found


def file_name_matches(plan: Plan, stem: str) -> Iterator[Diagnostic]:
    if plan.id != stem:
        yield _at(plan, ("id",), f"id '{plan.id}' must equal the file name '{stem}' (rename the file or the id)",
                  "file-name")


def unique_plan_ids(plans: list[tuple[str, str, tuple[int, int]]]) -> Iterator[Diagnostic]:
    """Account ids used by more than one file; `plans` holds (file, id, position of the id)."""
    first: dict[str, str] = {}
    for file, plan_id, (line, column) in plans:
        if plan_id in first:
            yield Diagnostic(file, line, column, Severity.ERROR, "duplicate-id",
                             f"account id '{plan_id}' is also used by {first[plan_id]}")
        else:
            first[plan_id] = file


def unique_list_ids(document: Document, list_key: str, what: str) -> Iterator[Diagnostic]:
    """Ids that appear twice in a settings or directory list (tiers, people)."""
    first: dict[str, int] = {}
    for i, item in enumerate(document.data.get(list_key) or ()):
        item_id = item.get("id") if isinstance(item, dict) else None
        if item_id is None:
            continue
        if item_id in first:
            line, _ = document.source.at((list_key, first[item_id], "id"))
            yield document.error((list_key, i, "id"), f"{what} '{item_id}' appears twice (first on line {line})",
                                 "duplicate-id")
        else:
            first[item_id] = i
