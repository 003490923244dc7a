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

from . import diff_cycle, gitio
from .gitio import Snapshot
from .model import Plan

ARROW = "→"


@dataclass(frozen=True)
class Change:
    """One thing that changed: `words` with {placeholders} for the user's text in `values`."""

    kind: str  # a stable code: owner, stakeholder-attitude, coverage-lost ...
    words: str
    values: Mapping[str, str] = field(default_factory=dict)
    subject: Optional[str] = None  # the id the change is about
    old: Any = None
    new: Any = None

    def text(self, escape: Callable[[str], str] = str) -> str:
        return self.words.format(**{key: escape(value) for key, value in self.values.items()})


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
    base: str  # what the user compares: a short commit id, "working tree"
    head: str
    accounts: tuple[AccountDiff, ...]
    portfolio: tuple[Change, ...]  # people, settings, portfolio-wide findings
    invalid: tuple[InvalidFile, ...]
    notes: tuple[str, ...] = ()  # what could not be compared, and why


def _c(kind: str, words: str, subject: Optional[str] = None, old: Any = None, new: Any = None,
       **values: str) -> Change:
    return Change(kind, words, values, subject, old, new)


def count(n: int, one: str, many: Optional[str] = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _words(value: Optional[str]) -> str:
    return (value or "none").replace("_", " ")


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
    return found.name if found else (stakeholder_id or "nobody")


# --- one account ------------------------------------------------------------------------

def _header(old: Plan, new: Plan, names: _Names) -> Iterable[Change]:
    if old.name != new.name:
        yield _c("name", f"Name: {{before}} {ARROW} {{after}}", None, old.name, new.name, before=old.name, after=new.name)
    if old.owner != new.owner:
        yield _c("owner", f"Owner: {{before}} {ARROW} {{after}}", None, old.owner, new.owner,
                 before=names.person(old.owner), after=names.person(new.owner))
    if old.tier != new.tier:
        yield _c("tier", f"Tier: {{before}} {ARROW} {{after}}", None, old.tier, new.tier,
                 before=names.tier(old.tier), after=names.tier(new.tier))
    if old.status != new.status:
        yield _c("status", f"Status: {_words(old.status)} {ARROW} {_words(new.status)}", None, old.status, new.status)


def _text_field(kind: str, label: str, sid: str, name: str, old: Optional[str], new: Optional[str],
                old_shown: Optional[str] = None, new_shown: Optional[str] = None) -> Iterable[Change]:
    if old == new:
        return
    old_shown, new_shown = old_shown or old, new_shown or new
    if old is None:
        yield _c(kind, f"{{name}}: {label} set to {{after}}", sid, old, new, name=name, after=new_shown)
    elif new is None:
        yield _c(kind, f"{{name}}: {label} removed (was {{before}})", sid, old, new, name=name, before=old_shown)
    else:
        yield _c(kind, f"{{name}}: {label} {{before}} {ARROW} {{after}}", sid, old, new, name=name,
                 before=old_shown, after=new_shown)


def _stakeholders(old: Plan, new: Plan) -> Iterable[Change]:
    before = {s.id: s for s in old.stakeholders}
    after = {s.id: s for s in new.stakeholders}
    for s in new.stakeholders:
        if s.id not in before:
            title = ", {title}" if s.title else ""
            manager = ", reports to {manager}" if s.reports_to else ""
            yield _c("stakeholder-added", f"Stakeholder added: {{name}}{title}; influence {s.influence}, "
                     f"attitude {s.attitude}{manager}", s.id, name=s.name, title=s.title or "",
                     manager=_stakeholder_name(new, s.reports_to))
            continue
        was = before[s.id]
        if was.name != s.name:
            yield _c("stakeholder-name", f"Stakeholder renamed: {{before}} {ARROW} {{after}}", s.id, was.name, s.name,
                     before=was.name, after=s.name)
        yield from _text_field("stakeholder-title", "title", s.id, s.name, was.title, s.title)
        yield from _text_field("stakeholder-reports-to", "reports to", s.id, s.name, was.reports_to, s.reports_to,
                               _stakeholder_name(old, was.reports_to), _stakeholder_name(new, s.reports_to))
        for attribute in ("attitude", "influence"):
            if getattr(was, attribute) != getattr(s, attribute):
                yield _c(f"stakeholder-{attribute}", f"{{name}}: {attribute} {getattr(was, attribute)} {ARROW} "
                         f"{getattr(s, attribute)}", s.id, getattr(was, attribute), getattr(s, attribute), name=s.name)
        if s.left and not was.left:
            yield _c("stakeholder-left", f"{{name}} left the customer on {s.left}", s.id, None, s.left, name=s.name)
    for s in old.stakeholders:
        if s.id not in after:
            yield _c("stakeholder-removed", "Stakeholder removed: {name}", s.id, name=s.name)


def _team(old: Plan, new: Plan, names: _Names) -> Iterable[Change]:
    before = {m.person: m for m in old.team}
    after = {m.person: m for m in new.team}
    for m in new.team:
        if m.person not in before:
            yield _c("team-joined", f"Team: {{person}} joined as {_words(m.role)}", m.person,
                     person=names.person(m.person))
        elif before[m.person].role != m.role:
            yield _c("team-role", f"Team: {{person}}'s role {_words(before[m.person].role)} {ARROW} {_words(m.role)}",
                     m.person, before[m.person].role, m.role, person=names.person(m.person))
    for m in old.team:
        if m.person not in after:
            yield _c("team-left", f"Team: {{person}} left the team (was {_words(m.role)})", m.person,
                     person=names.person(m.person))
    was = {(m.person, c.stakeholder): c.strength for m, c in old.coverage}
    now = {(m.person, c.stakeholder): c.strength for m, c in new.coverage}
    for pair, strength in now.items():
        who = {"person": names.person(pair[0]), "stakeholder": _stakeholder_name(new, pair[1])}
        subject = f"{pair[0]}/{pair[1]}"
        if pair not in was:
            yield _c("coverage-gained", f"Coverage gained: {{person}} covers {{stakeholder}} ({strength})",
                     subject, None, strength, **who)
        elif was[pair] != strength:
            yield _c("coverage-changed", f"Coverage: {{person}} and {{stakeholder}} {was[pair]} {ARROW} {strength}",
                     subject, was[pair], strength, **who)
    for pair, strength in was.items():
        if pair not in now:
            yield _c("coverage-lost", f"Coverage lost: {{person}} no longer covers {{stakeholder}} (was {strength})",
                     f"{pair[0]}/{pair[1]}", strength, None,
                     person=names.person(pair[0]), stakeholder=_stakeholder_name(old, pair[1]))


def _actions(old: Plan, new: Plan, names: _Names, today: dt.date) -> Iterable[Change]:
    before = {a.id: a for a in old.actions}
    for a in new.actions:
        was = before.get(a.id)
        if was is None:
            yield _c("action-added", f"Action added: {{title}} ({{owner}}, due {a.due})", a.id,
                     title=a.title, owner=names.person(a.owner))
        elif was.status != a.status:
            if a.status in ("done", "cancelled"):
                when = f" on {a.done}" if a.status == "done" and a.done else ""
                yield _c(f"action-{a.status}", f"Action {a.status}{when}: {{title}}", a.id, was.status, a.status,
                         title=a.title)
            else:
                yield _c("action-status", f"Action {{title}}: {_words(was.status)} {ARROW} {_words(a.status)}",
                         a.id, was.status, a.status, title=a.title)
        if was is not None and was.due != a.due:
            yield _c("action-due", f"Action rescheduled: {{title}}: due {was.due} {ARROW} {a.due}", a.id,
                     was.due, a.due, title=a.title)
        if a.is_open and a.due < today:
            days = (today - a.due).days
            yield _c("action-overdue", f"Action overdue: {{title}} ({{owner}}, due {a.due}, {count(days, 'day')} late)",
                     a.id, title=a.title, owner=names.person(a.owner))
    after = {a.id for a in new.actions}
    for a in old.actions:
        if a.id not in after:
            yield _c("action-removed", "Action removed: {title}", a.id, title=a.title)


_TOLD = {True: "; customer told", False: "; customer not told", None: ""}


def _commitments(old: Plan, new: Plan, names: _Names) -> Iterable[Change]:
    before = {c.id: c for c in old.commitments}
    for c in new.commitments:
        was = before.get(c.id)
        promise = {"promise": c.promise, "to": _stakeholder_name(new, c.to)}
        if was is None:
            to = " to {to}" if c.to else ""
            yield _c("commitment-added", f"Commitment added: {{promise}}{to}, due {c.current_due} ({{owner}})",
                     c.id, owner=names.person(c.owner), **promise)
            continue
        if was.due != c.due:
            yield _c("commitment-due-edited", f"Commitment's promised date edited in place: {{promise}}: {was.due} "
                     f"{ARROW} {c.due} (no rescheduling recorded)", c.id, was.due, c.due, **promise)
        previous = was.current_due
        for r in c.reschedules[len(was.reschedules):]:
            reason = "; reason: {reason}" if r.reason else ""
            yield _c("commitment-rescheduled", f"Commitment rescheduled: {{promise}}: due {previous} {ARROW} "
                     f"{r.new_due}{reason}{_TOLD[r.customer_told]}", c.id, previous, r.new_due,
                     reason=r.reason or "", **promise)
            previous = r.new_due
        if was.status != c.status:
            status = "reopened" if c.status == "open" else c.status
            yield _c(f"commitment-{status}", f"Commitment {status}: {{promise}}", c.id, was.status, c.status, **promise)
    after = {c.id for c in new.commitments}
    for c in old.commitments:
        if c.id not in after:
            yield _c("commitment-removed", "Commitment removed: {promise}", c.id, promise=c.promise)


def _reviews(old: Plan, new: Plan) -> Iterable[Change]:
    before = {(r.period, r.date) for r in old.reviews}
    for r in new.reviews:
        if (r.period, r.date) not in before:
            held = f"held {r.date}" + (" with the customer" if r.with_customer else "")
            following = f"; next review {r.next_review}" if r.next_review else ""
            yield _c("review-added", f"Review added: {r.period}, {held}{following}", r.period)
    after = {(r.period, r.date) for r in new.reviews}
    for r in old.reviews:
        if (r.period, r.date) not in after:
            yield _c("review-removed", f"Review removed: {r.period} (held {r.date})", r.period)


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
        yield _c("edited", "Also edited: " + ", ".join(edited), new=edited)


def account_changes(old: Plan, new: Plan, names: _Names, today: dt.date,
                    old_data: Mapping = {}, new_data: Mapping = {}) -> list[Change]:
    """Every change from `old` to `new` (the same account), in the order a reader scans a plan."""
    changes = [*_header(old, new, names), *_stakeholders(old, new), *_team(old, new, names),
               *_actions(old, new, names, today), *_commitments(old, new, names), *_reviews(old, new),
               *diff_cycle.opportunities(old, new, _c, names.currency), *diff_cycle.interactions(old, new, _c)]
    changes += _other_edits(old_data, new_data, changes)
    if all(c.kind == "action-overdue" for c in changes):
        changes.insert(0, _c("edited", "Edited: comments, layout or personal data only"))
    return changes


# --- the portfolio ---------------------------------------------------------------------------

def _findings(snap: Snapshot, stand_ins: Iterable[Plan], today: dt.date, label: str,
              notes: list[str]) -> Optional[dict]:
    portfolio = snap.portfolio(stand_ins)
    if portfolio is None:
        notes.append(f"kam check findings are not compared: the portfolio settings are not valid in {label}")
        return None
    try:
        from . import checks

        found = checks.run_checks(portfolio, today)
    except Exception as exc:  # noqa: BLE001 - the checks run on whatever an old revision holds
        notes.append(f"kam check failed in {label} ({type(exc).__name__}: {exc}), so its findings are not compared")
        return None
    out: dict = {}
    for finding in found:
        out.setdefault((finding.check, finding.account, finding.subject), finding)
    return out


def _finding_changes(before: dict, after: dict) -> Iterable[tuple[Optional[str], Change]]:
    def active(findings: dict) -> dict:
        return {key: f for key, f in findings.items() if not f.silenced}

    was, now = active(before), active(after)
    for key, f in now.items():
        if key not in was:
            yield key[1], _c("finding-new", f"New finding ({f.check}, {f.severity.value}): {{message}}",
                             f.subject, new=f.check, message=f.message)
    for key, f in was.items():
        if key in now:
            continue
        if key in after:
            yield key[1], _c("finding-silenced", f"Finding silenced ({f.check}): {{message}}; reason: {{reason}}",
                             f.subject, old=f.check, message=f.message, reason=after[key].silenced)
        else:
            yield key[1], _c("finding-resolved", f"Finding resolved ({f.check}): {{message}}", f.subject,
                             old=f.check, message=f.message)


def _portfolio_changes(base: Snapshot, head: Snapshot) -> Iterable[Change]:
    if base.settings and head.settings and base.settings != head.settings:
        edited = [f.name for f in dataclasses.fields(base.settings)
                  if getattr(base.settings, f.name) != getattr(head.settings, f.name)]
        yield _c("settings-edited", "Portfolio settings edited: " + ", ".join(edited), new=edited)
    if not (base.people and head.people):
        return
    for person in head.people.values():
        was = base.people.get(person.id)
        if was is None:
            yield _c("person-added", "Person added to the directory: {name}", person.id, name=person.name)
        elif person.left and not was.left:
            yield _c("person-left", f"{{name}} left the company on {person.left}", person.id, name=person.name)
    for person in base.people.values():
        if person.id not in head.people:
            yield _c("person-removed", "Person removed from the directory: {name}", person.id, name=person.name)


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
            changes.append(_c("moved", f"Plan moved: `{old.file}` {ARROW} `{new.file}`" +
                              (f"; id `{old.id}` {ARROW} `{new.id}`" if old.id != new.id else ""), new.id,
                              old.file, new.file))
        old_doc, new_doc = base.documents[old.file], head.documents[new.file]
        if old_doc.digest != new_doc.digest:
            changes += account_changes(old, new, names, today, old_doc.data, new_doc.data)
        accounts[new.id] = AccountDiff(new.id, new.name, "changed", new.file, old.file, tuple(changes))
    paired_head = {new.id for _, new in pairs.values()}
    for pid, new in head.plans.items():
        if pid not in paired_head and pid not in blocked_added:
            accounts[pid] = AccountDiff(pid, new.name, "added", new.file, None, (_c(
                "account-added", f"Tier {{tier}}, owner {{owner}}; {count(len(new.stakeholders), 'stakeholder')}, "
                f"{count(len(new.team), 'person', 'people')} of ours on the team", pid,
                tier=names.tier(new.tier), owner=names.person(new.owner)),))
    for pid, old in base.plans.items():
        if pid not in pairs and pid not in blocked_removed:
            accounts[pid] = AccountDiff(pid, old.name, "removed", None, old.file, (_c(
                "account-removed", "Was tier {tier}, owner {owner}", pid,
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
                     head_label=head_commit[:7] if head_commit else "the working tree",
                     today=today, renames=gitio.renames(root, base_commit, head_commit))
