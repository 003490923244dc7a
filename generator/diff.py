"""What changed in the plans between two revisions, in words a sales director reads.

`plan_diff(base, head, ...)` compares two snapshots of the portfolio (see
gitio.snapshot) and returns a PlanDiff: per account, a list of Changes
(stakeholder attitudes, coverage, owner, actions, commitments, reviews, the
findings of `kam check` that appeared or went away). diffreport.py prints
it as Markdown or JSON. A Change keeps the user's text apart from its words, so
the Markdown reporter escapes exactly the user's text. Private stakeholder
data is never reported (and never compared: see _public).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

from . import diff_cycle, formats, gitio
from .gitio import Snapshot
from .i18n import N_, _, ngettext, pgettext, value_words
from .model import Plan

# What a diff compares against when it has no head revision; shown in the reader's language.
WORKING_TREE = N_("the working tree")


@dataclass(frozen=True)
class Change:
    """One thing that changed: `words`, a template in the language in use, with {placeholders} for the
    user's text in `values` (escaped by the reporter) and for kam's own words in `facts` (dates, amounts,
    a plan's values in words: never escaped, they are not the user's)."""

    kind: str  # a stable code: owner, stakeholder-attitude, coverage-lost ...
    words: str
    values: Mapping[str, str] = field(default_factory=dict)
    subject: Optional[str] = None  # the id the change is about
    old: Any = None
    new: Any = None
    facts: Mapping[str, str] = field(default_factory=dict)

    def text(self, escape: Callable[[str], str] = str) -> str:
        return self.words.format(**self.facts, **{key: escape(value) for key, value in self.values.items()})


@dataclass(frozen=True)
class AccountDiff:
    id: str
    name: str
    status: str  # added, removed, changed
    file: Optional[str]  # the plan's file at head (None when removed)
    old_file: Optional[str]  # at base (None when added)
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class InvalidFile:
    file: str
    side: str  # "base" or "head"
    line: int
    column: int
    message: str
    more: int  # further errors in the same file


@dataclass(frozen=True)
class PlanDiff:
    base: str  # what the user compares: a short commit id, WORKING_TREE
    head: str
    accounts: tuple[AccountDiff, ...]
    portfolio: tuple[Change, ...]  # people, settings, portfolio-wide findings
    invalid: tuple[InvalidFile, ...]
    notes: tuple[str, ...] = ()  # what could not be compared, and why


def _c(kind: str, words: str, subject: Optional[str] = None, old: Any = None, new: Any = None, *,
       facts: Optional[Mapping[str, str]] = None, **values: str) -> Change:
    return Change(kind, words, values, subject, old, new, facts or {})


def revision(label: str) -> str:
    """A PlanDiff's base or head as the reader reads it: a commit id, or the working tree in their words."""
    return _(WORKING_TREE) if label == WORKING_TREE else label


def joined(items: Iterable[str]) -> str:
    """Items one after the other, apart as the reader's language writes a list (a, b, c)."""
    return formats.joined(items)


def _words(value: Optional[str]) -> str:
    """A plan's value in words (its schema's enum, translated with the context "value")."""
    if not value:
        # Translators: a plan's value that is not set (a status, a role).
        return pgettext("value", "none")
    return value_words(value)


def _day(day) -> str:
    return formats.date(day) if isinstance(day, dt.date) else str(day)


class _Names:
    """Our people and tiers by name, the head side first."""

    def __init__(self, base: Snapshot, head: Snapshot):
        self.people = {**base.people, **head.people}
        self.tiers = {t.id: t.name for side in (base, head) if side.settings for t in side.settings.tiers}
        self.currency = next((side.settings.currency for side in (head, base) if side.settings), "")

    def person(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else person_id

    def tier(self, tier_id: str) -> str:
        return self.tiers.get(tier_id, tier_id)


def _stakeholder_name(plan: Plan, stakeholder_id: Optional[str]) -> str:
    found = plan.stakeholder(stakeholder_id) if stakeholder_id else None
    # Translators: in kam diff, whom a stakeholder reports to when it is nobody.
    return found.name if found else (stakeholder_id or pgettext("reports to", "nobody"))


# --- one account ------------------------------------------------------------------------

def _header(old: Plan, new: Plan, names: _Names) -> Iterable[Change]:
    if old.name != new.name:
        yield _c("name", _("Name: {before} → {after}"), None, old.name, new.name, before=old.name, after=new.name)
    if old.owner != new.owner:
        yield _c("owner", _("Owner: {before} → {after}"), None, old.owner, new.owner,
                 before=names.person(old.owner), after=names.person(new.owner))
    if old.tier != new.tier:
        yield _c("tier", _("Tier: {before} → {after}"), None, old.tier, new.tier,
                 before=names.tier(old.tier), after=names.tier(new.tier))
    if old.status != new.status:
        yield _c("status", _("Status: {before} → {after}"), None, old.status, new.status,
                 facts={"before": _words(old.status), "after": _words(new.status)})


def _text_field(kind: str, messages: tuple[str, str, str], sid: str, name: str, old: Optional[str],
                new: Optional[str], old_shown: Optional[str] = None, new_shown: Optional[str] = None
                ) -> Iterable[Change]:
    """A text of a stakeholder set, removed or changed; `messages` say each of the three."""
    if old == new:
        return
    set_to, removed, changed = messages
    old_shown, new_shown = old_shown or old, new_shown or new
    if old is None:
        yield _c(kind, set_to, sid, old, new, name=name, after=new_shown)
    elif new is None:
        yield _c(kind, removed, sid, old, new, name=name, before=old_shown)
    else:
        yield _c(kind, changed, sid, old, new, name=name, before=old_shown, after=new_shown)


def _stakeholder_added(plan: Plan, s) -> Change:
    facts = {"influence": _words(s.influence), "attitude": _words(s.attitude)}
    if s.title and s.reports_to:
        words = _("Stakeholder added: {name}, {title}; influence {influence}, attitude {attitude}, "
                  "reports to {manager}")
    elif s.title:
        words = _("Stakeholder added: {name}, {title}; influence {influence}, attitude {attitude}")
    elif s.reports_to:
        words = _("Stakeholder added: {name}; influence {influence}, attitude {attitude}, reports to {manager}")
    else:
        words = _("Stakeholder added: {name}; influence {influence}, attitude {attitude}")
    return _c("stakeholder-added", words, s.id, facts=facts, name=s.name, title=s.title or "",
              manager=_stakeholder_name(plan, s.reports_to))


def _stakeholders(old: Plan, new: Plan) -> Iterable[Change]:
    before = {s.id: s for s in old.stakeholders}
    after = {s.id: s for s in new.stakeholders}
    for s in new.stakeholders:
        if s.id not in before:
            yield _stakeholder_added(new, s)
            continue
        was = before[s.id]
        if was.name != s.name:
            yield _c("stakeholder-name", _("Stakeholder renamed: {before} → {after}"), s.id, was.name, s.name,
                     before=was.name, after=s.name)
        yield from _text_field("stakeholder-title", (_("{name}: title set to {after}"),
                                                     _("{name}: title removed (was {before})"),
                                                     _("{name}: title {before} → {after}")),
                               s.id, s.name, was.title, s.title)
        yield from _text_field("stakeholder-reports-to", (_("{name}: reports to set to {after}"),
                                                          _("{name}: reports to removed (was {before})"),
                                                          _("{name}: reports to {before} → {after}")),
                               s.id, s.name, was.reports_to, s.reports_to,
                               _stakeholder_name(old, was.reports_to), _stakeholder_name(new, s.reports_to))
        changed = {"attitude": _("{name}: attitude {before} → {after}"),
                   "influence": _("{name}: influence {before} → {after}")}
        for attribute, words in changed.items():
            if getattr(was, attribute) != getattr(s, attribute):
                yield _c(f"stakeholder-{attribute}", words, s.id, getattr(was, attribute), getattr(s, attribute),
                         facts={"before": _words(getattr(was, attribute)), "after": _words(getattr(s, attribute))},
                         name=s.name)
        if s.left and not was.left:
            yield _c("stakeholder-left", _("{name} left the customer on {date}"), s.id, None, s.left,
                     facts={"date": _day(s.left)}, name=s.name)
    for s in old.stakeholders:
        if s.id not in after:
            yield _c("stakeholder-removed", _("Stakeholder removed: {name}"), s.id, name=s.name)


def _team(old: Plan, new: Plan, names: _Names) -> Iterable[Change]:
    before = {m.person: m for m in old.team}
    after = {m.person: m for m in new.team}
    for m in new.team:
        if m.person not in before:
            yield _c("team-joined", _("Team: {person} joined as {role}"), m.person,
                     facts={"role": _words(m.role)}, person=names.person(m.person))
        elif before[m.person].role != m.role:
            yield _c("team-role", _("Team: {person}'s role {before} → {after}"), m.person, before[m.person].role,
                     m.role, facts={"before": _words(before[m.person].role), "after": _words(m.role)},
                     person=names.person(m.person))
    for m in old.team:
        if m.person not in after:
            yield _c("team-left", _("Team: {person} left the team (was {role})"), m.person,
                     facts={"role": _words(m.role)}, person=names.person(m.person))
    was = {(m.person, c.stakeholder): c.strength for m, c in old.coverage}
    now = {(m.person, c.stakeholder): c.strength for m, c in new.coverage}
    for pair, strength in now.items():
        who = {"person": names.person(pair[0]), "stakeholder": _stakeholder_name(new, pair[1])}
        subject = f"{pair[0]}/{pair[1]}"
        if pair not in was:
            yield _c("coverage-gained", _("Coverage gained: {person} covers {stakeholder} ({strength})"),
                     subject, None, strength, facts={"strength": _words(strength)}, **who)
        elif was[pair] != strength:
            yield _c("coverage-changed", _("Coverage: {person} and {stakeholder} {before} → {after}"),
                     subject, was[pair], strength, facts={"before": _words(was[pair]), "after": _words(strength)},
                     **who)
    for pair, strength in was.items():
        if pair not in now:
            yield _c("coverage-lost", _("Coverage lost: {person} no longer covers {stakeholder} (was {strength})"),
                     f"{pair[0]}/{pair[1]}", strength, None, facts={"strength": _words(strength)},
                     person=names.person(pair[0]), stakeholder=_stakeholder_name(old, pair[1]))


def _action_status(was, a) -> Change:
    if a.status == "done" and a.done:
        words = _("Action done on {date}: {title}")
    elif a.status == "done":
        words = _("Action done: {title}")
    elif a.status == "cancelled":
        words = _("Action cancelled: {title}")
    else:
        words = _("Action {title}: {before} → {after}")
    kind = f"action-{a.status}" if a.status in ("done", "cancelled") else "action-status"
    return _c(kind, words, a.id, was.status, a.status,
              facts={"date": _day(a.done), "before": _words(was.status), "after": _words(a.status)}, title=a.title)


def _actions(old: Plan, new: Plan, names: _Names, today: dt.date) -> Iterable[Change]:
    before = {a.id: a for a in old.actions}
    for a in new.actions:
        was = before.get(a.id)
        if was is None:
            yield _c("action-added", _("Action added: {title} ({owner}, due {due})"), a.id,
                     facts={"due": _day(a.due)}, title=a.title, owner=names.person(a.owner))
        elif was.status != a.status:
            yield _action_status(was, a)
        if was is not None and was.due != a.due:
            yield _c("action-due", _("Action rescheduled: {title}: due {before} → {after}"), a.id,
                     was.due, a.due, facts={"before": _day(was.due), "after": _day(a.due)}, title=a.title)
        if a.is_open and a.due < today:
            days = (today - a.due).days
            yield _c("action-overdue", ngettext("Action overdue: {title} ({owner}, due {due}, {count} day late)",
                                                "Action overdue: {title} ({owner}, due {due}, {count} days late)",
                                                days),
                     a.id, facts={"due": _day(a.due), "count": formats.number(days)},
                     title=a.title, owner=names.person(a.owner))
    after = {a.id for a in new.actions}
    for a in old.actions:
        if a.id not in after:
            yield _c("action-removed", _("Action removed: {title}"), a.id, title=a.title)


def _rescheduled(has_reason: bool, told: Optional[bool]) -> str:
    """The words of a commitment's rescheduling: with a reason or none, the customer told, not told or unknown."""
    if has_reason:
        return {True: _("Commitment rescheduled: {promise}: due {before} → {after}; reason: {reason}; customer told"),
                False: _("Commitment rescheduled: {promise}: due {before} → {after}; reason: {reason}; "
                         "customer not told"),
                None: _("Commitment rescheduled: {promise}: due {before} → {after}; reason: {reason}")}[told]
    return {True: _("Commitment rescheduled: {promise}: due {before} → {after}; customer told"),
            False: _("Commitment rescheduled: {promise}: due {before} → {after}; customer not told"),
            None: _("Commitment rescheduled: {promise}: due {before} → {after}")}[told]


def _commitment_status(status: str) -> str:
    return {"open": _("Commitment reopened: {promise}"), "kept": _("Commitment kept: {promise}"),
            "broken": _("Commitment broken: {promise}"), "cancelled": _("Commitment cancelled: {promise}")
            }.get(status) or _("Commitment {status}: {promise}")


def _commitments(old: Plan, new: Plan, names: _Names) -> Iterable[Change]:
    before = {c.id: c for c in old.commitments}
    for c in new.commitments:
        was = before.get(c.id)
        promise = {"promise": c.promise, "to": _stakeholder_name(new, c.to)}
        if was is None:
            words = (_("Commitment added: {promise} to {to}, due {due} ({owner})") if c.to
                     else _("Commitment added: {promise}, due {due} ({owner})"))
            yield _c("commitment-added", words, c.id, facts={"due": _day(c.current_due)},
                     owner=names.person(c.owner), **promise)
            continue
        if was.due != c.due:
            yield _c("commitment-due-edited", _("Commitment's promised date edited in place: {promise}: {before} "
                                                "→ {after} (no rescheduling recorded)"),
                     c.id, was.due, c.due, facts={"before": _day(was.due), "after": _day(c.due)}, **promise)
        previous = was.current_due
        for r in c.reschedules[len(was.reschedules):]:
            yield _c("commitment-rescheduled", _rescheduled(bool(r.reason), r.customer_told), c.id, previous,
                     r.new_due, facts={"before": _day(previous), "after": _day(r.new_due)},
                     reason=r.reason or "", **promise)
            previous = r.new_due
        if was.status != c.status:
            status = "reopened" if c.status == "open" else c.status
            yield _c(f"commitment-{status}", _commitment_status(c.status), c.id, was.status, c.status,
                     facts={"status": _words(c.status)}, **promise)
    after = {c.id for c in new.commitments}
    for c in old.commitments:
        if c.id not in after:
            yield _c("commitment-removed", _("Commitment removed: {promise}"), c.id, promise=c.promise)


def _review_added(r) -> str:
    if r.with_customer and r.next_review:
        return _("Review added: {period}, held {date} with the customer; next review {next}")
    if r.with_customer:
        return _("Review added: {period}, held {date} with the customer")
    if r.next_review:
        return _("Review added: {period}, held {date}; next review {next}")
    return _("Review added: {period}, held {date}")


def _reviews(old: Plan, new: Plan) -> Iterable[Change]:
    before = {(r.period, r.date) for r in old.reviews}
    for r in new.reviews:
        if (r.period, r.date) not in before:
            yield _c("review-added", _review_added(r), r.period, facts={
                "period": formats.period(r.period), "date": _day(r.date), "next": _day(r.next_review)})
    after = {(r.period, r.date) for r in new.reviews}
    for r in old.reviews:
        if (r.period, r.date) not in after:
            yield _c("review-removed", _("Review removed: {period} (held {date})"), r.period,
                     facts={"period": formats.period(r.period), "date": _day(r.date)})


# Sections a Change can describe, by the first word of its kind.
_SECTION = {"name": "name", "owner": "owner", "tier": "tier", "status": "status", "stakeholder": "stakeholders",
            "team": "team", "coverage": "team", "action": "actions", "commitment": "commitments", "review": "reviews",
            "opportunity": "opportunities", "interaction": "interactions", "complaint": "interactions"}


def _public(data: Mapping) -> dict:
    """A plan's data without the stakeholders' private data."""
    out = dict(data)
    if isinstance(out.get("stakeholders"), list):
        out["stakeholders"] = [{k: v for k, v in s.items() if k != "private"} if isinstance(s, dict) else s
                               for s in out["stakeholders"]]
    return out


def _other_edits(old_data: Mapping, new_data: Mapping, changes: list[Change]) -> Iterable[Change]:
    described = {_SECTION.get(c.kind.split("-")[0]) for c in changes}
    old_data, new_data = _public(old_data), _public(new_data)
    keys = [k for k in dict.fromkeys([*old_data, *new_data]) if k != "id"]
    edited = [k for k in keys if old_data.get(k) != new_data.get(k) and k not in described]
    if edited:
        # Translators: {fields} are the names of the plan's fields (as the user types them in YAML), a list.
        yield _c("edited", _("Also edited: {fields}"), new=edited, facts={"fields": joined(edited)})


def account_changes(old: Plan, new: Plan, names: _Names, today: dt.date,
                    old_data: Mapping = {}, new_data: Mapping = {}) -> list[Change]:
    """Every change from `old` to `new` (the same account), in the order a reader scans a plan."""
    changes = [*_header(old, new, names), *_stakeholders(old, new), *_team(old, new, names),
               *_actions(old, new, names, today), *_commitments(old, new, names), *_reviews(old, new),
               *diff_cycle.opportunities(old, new, _c, names.currency), *diff_cycle.interactions(old, new, _c)]
    changes += _other_edits(old_data, new_data, changes)
    if all(c.kind == "action-overdue" for c in changes):
        changes.insert(0, _c("edited", _("Edited: comments, layout or personal data only")))
    return changes


# --- the portfolio ---------------------------------------------------------------------------

def _findings(snap: Snapshot, stand_ins: Iterable[Plan], today: dt.date, label: str,
              notes: list[str]) -> Optional[dict]:
    portfolio = snap.portfolio(stand_ins)
    if portfolio is None:
        # Translators: {revision} is a commit id or "the working tree".
        notes.append(_("kam check findings are not compared: the portfolio settings are not valid in {revision}")
                     .format(revision=revision(label)))
        return None
    try:
        from . import checks

        found = checks.run_checks(portfolio, today)
    except Exception as exc:  # noqa: BLE001 - the checks run on whatever an old revision holds
        # Translators: {revision} is a commit id or "the working tree"; {error} is Python's error, in English.
        notes.append(_("kam check failed in {revision} ({error}), so its findings are not compared")
                     .format(revision=revision(label), error=f"{type(exc).__name__}: {exc}"))
        return None
    out: dict = {}
    for finding in found:
        out.setdefault((finding.check, finding.account, finding.subject), finding)
    return out


def _severity(value: str) -> str:
    # Translators: how serious a finding of kam check is.
    return {"error": pgettext("severity", "error"), "warning": pgettext("severity", "warning"),
            "info": pgettext("severity", "info")}.get(value, value)


def _finding_changes(before: dict, after: dict) -> Iterable[tuple[Optional[str], Change]]:
    def active(findings: dict) -> dict:
        return {key: f for key, f in findings.items() if not f.silenced}

    was, now = active(before), active(after)
    for key, f in now.items():
        if key not in was:
            # Translators: {check} is a check's code (KAM201), {severity} error, warning or info.
            yield key[1], _c("finding-new", _("New finding ({check}, {severity}): {message}"), f.subject,
                             new=f.check, facts={"check": f.check, "severity": _severity(f.severity.value)},
                             message=f.message)
    for key, f in was.items():
        if key in now:
            continue
        if key in after:
            yield key[1], _c("finding-silenced", _("Finding silenced ({check}): {message}; reason: {reason}"),
                             f.subject, old=f.check, facts={"check": f.check}, message=f.message,
                             reason=after[key].silenced)
        else:
            yield key[1], _c("finding-resolved", _("Finding resolved ({check}): {message}"), f.subject,
                             old=f.check, facts={"check": f.check}, message=f.message)


def _portfolio_changes(base: Snapshot, head: Snapshot) -> Iterable[Change]:
    if base.settings and head.settings and base.settings != head.settings:
        edited = [f.name for f in dataclasses.fields(base.settings)
                  if getattr(base.settings, f.name) != getattr(head.settings, f.name)]
        # Translators: {fields} are the names of the portfolio settings' fields (as in YAML), a list.
        yield _c("settings-edited", _("Portfolio settings edited: {fields}"), new=edited,
                 facts={"fields": joined(edited)})
    if not (base.people and head.people):
        return
    for person in head.people.values():
        was = base.people.get(person.id)
        if was is None:
            yield _c("person-added", _("Person added to the directory: {name}"), person.id, name=person.name)
        elif person.left and not was.left:
            yield _c("person-left", _("{name} left the company on {date}"), person.id,
                     facts={"date": _day(person.left)}, name=person.name)
    for person in base.people.values():
        if person.id not in head.people:
            yield _c("person-removed", _("Person removed from the directory: {name}"), person.id, name=person.name)


def _invalid(base: Snapshot, head: Snapshot, renames: Mapping[str, str]) -> list[InvalidFile]:
    """One line per file: its error at head, else (mended or gone since) its error at base."""
    def line(file: str, snap: Snapshot, side: str) -> InvalidFile:
        d = snap.invalid[file]
        return InvalidFile(file, side, d.line, d.column, d.message, snap.error_counts[file] - 1)

    out = [line(file, head, "head") for file in head.invalid]
    out += [line(file, base, "base") for file in base.invalid
            if file not in head.invalid and renames.get(file) not in head.invalid]
    return sorted(out, key=lambda i: (i.file, i.side))


def _stems(files: Iterable[str]) -> set[str]:
    return {f.rsplit("/", 1)[-1].rsplit(".", 1)[0] for f in files if f}


def _pairs(base: Snapshot, head: Snapshot, renames: Mapping[str, str]) -> dict[str, tuple[Plan, Plan]]:
    """The same account on both sides, by base id: same plan id, else a file git saw renamed."""
    pairs = {pid: (base.plans[pid], head.plans[pid]) for pid in base.plans if pid in head.plans}
    base_by_file = {p.file: p for p in base.plans.values()}
    head_by_file = {p.file: p for p in head.plans.values()}
    for old_file, new_file in renames.items():
        old, new = base_by_file.get(old_file), head_by_file.get(new_file)
        if old and new and old.id not in pairs and new.id not in {n.id for _, n in pairs.values()}:
            pairs[old.id] = (old, new)
    return pairs


def _accounts(base: Snapshot, head: Snapshot, pairs: dict, names: _Names, today: dt.date,
              blocked_added: set[str], blocked_removed: set[str]) -> dict[str, AccountDiff]:
    accounts: dict[str, AccountDiff] = {}
    for old, new in pairs.values():
        changes = []
        if old.file != new.file:
            files = {"before": f"`{old.file}`", "after": f"`{new.file}`",
                     "old_id": f"`{old.id}`", "new_id": f"`{new.id}`"}
            # Translators: {before} and {after} are the plan's file names; {old_id} and {new_id} its ids.
            words = (_("Plan moved: {before} → {after}; id {old_id} → {new_id}") if old.id != new.id
                     else _("Plan moved: {before} → {after}"))
            changes.append(_c("moved", words, new.id, old.file, new.file, facts=files))
        old_doc, new_doc = base.documents[old.file], head.documents[new.file]
        if old_doc.digest != new_doc.digest:
            changes += account_changes(old, new, names, today, old_doc.data, new_doc.data)
        accounts[new.id] = AccountDiff(new.id, new.name, "changed", new.file, old.file, tuple(changes))
    paired_head = {new.id for _, new in pairs.values()}
    for pid, new in head.plans.items():
        if pid not in paired_head and pid not in blocked_added:
            # Translators: a count in kam diff's line about a new account ("3 stakeholders, 2 people of ours").
            counts = {"stakeholders": ngettext("{count} stakeholder", "{count} stakeholders", len(new.stakeholders))
                      .format(count=formats.number(len(new.stakeholders))),
                      "team": ngettext("{count} person", "{count} people", len(new.team))
                      .format(count=formats.number(len(new.team)))}
            # Translators: a new account in kam diff; {stakeholders} is "3 stakeholders", {team} "2 people".
            words = _("Tier {tier}, owner {owner}; {stakeholders}, {team} of ours on the team")
            accounts[pid] = AccountDiff(pid, new.name, "added", new.file, None, (_c(
                "account-added", words, pid, facts=counts, tier=names.tier(new.tier), owner=names.person(new.owner)),))
    for pid, old in base.plans.items():
        if pid not in pairs and pid not in blocked_removed:
            accounts[pid] = AccountDiff(pid, old.name, "removed", None, old.file, (_c(
                "account-removed", _("Was tier {tier}, owner {owner}"), pid,
                tier=names.tier(old.tier), owner=names.person(old.owner)),))
    return accounts


def plan_diff(base: Snapshot, head: Snapshot, *, base_label: str, head_label: str, today: dt.date,
              renames: Mapping[str, str] = {}) -> PlanDiff:
    """Compare two snapshots: accounts are matched by plan id, then by git's renames."""
    names, notes = _Names(base, head), []
    pairs = _pairs(base, head, renames)
    # A file that is not valid on one side is neither added nor removed: its one line says why.
    blocked_added = _stems([*base.invalid, *(renames.get(f) for f in base.invalid)])
    blocked_removed = _stems([*head.invalid, *(old for old, new in renames.items() if new in head.invalid)])
    accounts = _accounts(base, head, pairs, names, today, blocked_added, blocked_removed)
    portfolio = list(_portfolio_changes(base, head))
    # ... and it is checked there as it is on the other side, so that breaking (or mending)
    # it does not read as findings going away (or appearing).
    before = _findings(base, [p for pid, p in head.plans.items() if pid in blocked_added], today, base_label, notes)
    after = _findings(head, [p for pid, p in base.plans.items() if pid in blocked_removed], today, head_label, notes)
    if before is not None and after is not None:
        head_id = {old.id: new.id for old, new in pairs.values()}
        before = {(check, head_id.get(account, account), subject): f for (check, account, subject), f in before.items()}
        for account, change in _finding_changes(before, after):
            if account is None:
                portfolio.append(change)
            elif account in accounts:
                if accounts[account].status != "removed":
                    accounts[account] = dataclasses.replace(accounts[account],
                                                            changes=accounts[account].changes + (change,))
            elif account in head.plans:
                plan = head.plans[account]
                accounts[account] = AccountDiff(account, plan.name, "changed", plan.file, plan.file, (change,))
    return PlanDiff(base_label, head_label, tuple(a for _, a in sorted(accounts.items()) if a.changes),
                    tuple(portfolio), tuple(_invalid(base, head, renames)), tuple(notes))


def compare(root: Path, base: Optional[str], head: Optional[str], today: dt.date) -> PlanDiff:
    """`kam diff`: BASE (default: the merge base with the main branch) against HEAD (default:
    the working tree). Raises gitio.GitError for a folder or revision git cannot use."""
    gitio.require_repository(root)
    base_commit = gitio.commit_of(root, base) if base else gitio.default_base(root)
    head_commit = gitio.commit_of(root, head) if head else None
    memo: dict = {}
    before = gitio.snapshot(gitio.files_at(root, base_commit), memo)
    after = gitio.snapshot(gitio.files_at(root, head_commit) if head_commit else gitio.working_files(root), memo)
    return plan_diff(before, after, base_label=base_commit[:7],
                     head_label=head_commit[:7] if head_commit else WORKING_TREE,
                     today=today, renames=gitio.renames(root, base_commit, head_commit))
