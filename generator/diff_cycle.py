"""What changed in an account's pipeline and timeline, in words, for `kam diff`: opportunities added,
moved to another stage, won, lost, re-dated or re-valued, and interactions recorded."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from . import formats
from .i18n import _, pgettext
from .model import Plan

Make = Callable[..., object]  # diff._c: (kind, words, subject, old, new, *, facts, **values) -> Change


def _money(value: float, currency: str) -> str:
    return formats.money(value, currency or None)


def _words(value: str) -> str:
    """A plan's value in words (its schema's enum, translated with the context "value")."""
    return pgettext("value", value.replace("_", " "))


def _day(day) -> str:
    return formats.date(day) if isinstance(day, dt.date) else str(day)


def opportunities(old: Plan, new: Plan, make: Make, default_currency: str) -> Iterable:
    before = {o.id: o for o in old.opportunities}
    for o in new.opportunities:
        was, cur = before.get(o.id), o.currency or new.currency or default_currency
        worth = _money(o.value, cur)
        if was is None:
            yield make("opportunity-added", _("Opportunity added: {title}, {stage}, {worth}, close {date}"), o.id,
                       None, o.stage, facts={"stage": _words(o.stage), "worth": worth, "date": _day(o.close)},
                       title=o.title)
            continue
        stages = {"before": _words(was.stage), "after": _words(o.stage), "worth": worth}
        if was.stage != o.stage and o.stage in ("won", "lost"):
            if o.stage == "won":
                words = _("Opportunity won: {title} ({worth}, {before} → {after})")
            elif o.lost_reason:
                words = _("Opportunity lost: {title} ({worth}, {before} → {after}); reason: {reason}")
            else:
                words = _("Opportunity lost: {title} ({worth}, {before} → {after})")
            yield make(f"opportunity-{o.stage}", words, o.id, was.stage, o.stage, facts=stages, title=o.title,
                       reason=o.lost_reason or "")
        elif was.stage != o.stage:
            yield make("opportunity-stage", _("Opportunity {title}: stage {before} → {after}"), o.id,
                       was.stage, o.stage, facts=stages, title=o.title)
        if was.close != o.close:
            yield make("opportunity-close", _("Opportunity {title}: close {before} → {after}"), o.id,
                       str(was.close), str(o.close), facts={"before": _day(was.close), "after": _day(o.close)},
                       title=o.title)
        if was.value != o.value:
            yield make("opportunity-value", _("Opportunity {title}: value {before} → {after}"), o.id,
                       was.value, o.value, facts={"before": _money(was.value, cur), "after": worth}, title=o.title)
    after = {o.id for o in new.opportunities}
    for o in old.opportunities:
        if o.id not in after:
            yield make("opportunity-removed", _("Opportunity removed: {title}"), o.id, o.stage, None, title=o.title)


def interactions(old: Plan, new: Plan, make: Make) -> Iterable:
    """Interactions added (matched by date, kind and summary: they have no id)."""
    before = {(e.date, e.kind, e.summary) for e in old.interactions}
    for e in sorted(new.interactions, key=lambda e: e.date):
        if (e.date, e.kind, e.summary) not in before:
            kind = "complaint" if e.kind == "complaint" else "interaction"
            # Translators: {kind} is the kind of contact (meeting, call, visit ...), {summary} the user's note.
            words = (_("Complaint recorded: {date}, {kind}: {summary}") if kind == "complaint"
                     else _("Interaction recorded: {date}, {kind}: {summary}"))
            yield make(f"{kind}-added", words, None, None, e.kind,
                       facts={"date": _day(e.date), "kind": _words(e.kind)}, summary=e.summary)
    after = {(e.date, e.kind, e.summary) for e in new.interactions}
    for e in sorted(old.interactions, key=lambda e: e.date):
        if (e.date, e.kind, e.summary) not in after:
            yield make("interaction-removed", _("Interaction removed or rewritten: {date}, {kind}: {summary}"),
                       None, e.kind, None, facts={"date": _day(e.date), "kind": _words(e.kind)}, summary=e.summary)
