"""What changed in an account's pipeline and timeline, in words, for `kam diff`: opportunities added,
moved to another stage, won, lost, re-dated or re-valued, and interactions recorded."""

from __future__ import annotations

from typing import Callable, Iterable

from .model import Plan

ARROW = "→"
Make = Callable[..., object]  # diff._c: (kind, words, subject, old, new, **values) -> Change


def _money(value: float, currency: str) -> str:
    return f"{value:,.0f} {currency}"


def opportunities(old: Plan, new: Plan, make: Make, default_currency: str) -> Iterable:
    before = {o.id: o for o in old.opportunities}
    for o in new.opportunities:
        was, cur = before.get(o.id), o.currency or new.currency or default_currency
        worth = _money(o.value, cur)
        if was is None:
            yield make("opportunity-added", f"Opportunity added: {{title}}, {o.stage.replace('_', ' ')}, {worth}, "
                       f"close {o.close}", o.id, None, o.stage, title=o.title)
            continue
        if was.stage != o.stage and o.stage in ("won", "lost"):
            reason = "; reason: {reason}" if o.stage == "lost" and o.lost_reason else ""
            yield make(f"opportunity-{o.stage}", f"Opportunity {o.stage}: {{title}} ({worth}, {was.stage} {ARROW} "
                       f"{o.stage}){reason}", o.id, was.stage, o.stage, title=o.title, reason=o.lost_reason or "")
        elif was.stage != o.stage:
            yield make("opportunity-stage", f"Opportunity {{title}}: stage {was.stage} {ARROW} {o.stage}", o.id,
                       was.stage, o.stage, title=o.title)
        if was.close != o.close:
            yield make("opportunity-close", f"Opportunity {{title}}: close {was.close} {ARROW} {o.close}", o.id,
                       str(was.close), str(o.close), title=o.title)
        if was.value != o.value:
            yield make("opportunity-value", f"Opportunity {{title}}: value {_money(was.value, cur)} {ARROW} {worth}",
                       o.id, was.value, o.value, title=o.title)
    after = {o.id for o in new.opportunities}
    for o in old.opportunities:
        if o.id not in after:
            yield make("opportunity-removed", "Opportunity removed: {title}", o.id, o.stage, None, title=o.title)


def interactions(old: Plan, new: Plan, make: Make) -> Iterable:
    """Interactions added (matched by date, kind and summary: they have no id)."""
    before = {(e.date, e.kind, e.summary) for e in old.interactions}
    for e in sorted(new.interactions, key=lambda e: e.date):
        if (e.date, e.kind, e.summary) not in before:
            kind = "complaint" if e.kind == "complaint" else "interaction"
            yield make(f"{kind}-added", f"{'Complaint' if kind == 'complaint' else 'Interaction'} recorded: {e.date}, "
                       f"{e.kind.replace('_', ' ')}: {{summary}}", None, None, e.kind, summary=e.summary)
    after = {(e.date, e.kind, e.summary) for e in new.interactions}
    for e in sorted(old.interactions, key=lambda e: e.date):
        if (e.date, e.kind, e.summary) not in after:
            yield make("interaction-removed", f"Interaction removed or rewritten: {e.date}, {e.kind.replace('_', ' ')}: "
                       "{summary}", None, e.kind, None, summary=e.summary)
