"""The account's working rhythm: goals, quarterly reviews that score them, and the
actions and commitments (with their reschedulings) of the team."""

from __future__ import annotations

import datetime as dt

from .context import Account, Stakeholder, quarter, quarter_end, shift_quarter
from .names import slug, unique
from .pools import PRODUCTS
from .yamlout import Flow

# --- goals ---------------------------------------------------------------------------------


def build_goals(acc: Account, revenue: list[dict]) -> list[dict]:
    rng = acc.rng
    acc.goal_values = {}
    goals = _revenue_goals(acc, revenue) if revenue else []
    count = rng.randint(*acc.shape["goals"]) if revenue else max(2, rng.randint(*acc.shape["goals"]))
    kinds = rng.sample(["product", "contacts", "reference", "share", "nps"], count)
    for i, kind in enumerate(kinds):  # at least one long-term goal, and a short one
        horizon = "long" if kind in ("product", "share") or i == 0 or rng.random() < 0.2 else "short"
        if not revenue and i == count - 1 and all(g["horizon"] == "long" for g in goals):
            horizon = "short"
        due = (dt.date(acc.today.year + rng.randint(1, 2), rng.choice([3, 6, 9, 12]), 28) if horizon == "long"
               else acc.days_ahead(20, 200))
        ids = acc.p["goal_ids"]
        goal: dict = {"id": f"g-{ids.get(kind, '')}" if kind != "product" else "", "horizon": horizon}
        _goal_measure(acc, goal, kind)
        goal["due"] = due
        goal["status"] = "open"
        if kind in ("product", "nps"):  # what we work on together (kam share); revenue stays internal
            goal["shared"] = True
        goals.append(goal)
        acc.goal_values[goal["id"]] = {"kind": kind, "goal": goal}
    return goals


def _revenue_goals(acc: Account, revenue: list[dict]) -> list[dict]:
    """Last year's revenue goal (achieved or missed) and this year's (open)."""
    rng, p, year = acc.rng, acc.p, acc.today.year
    key = acc.p["goal_ids"]["revenue"]
    by_year: dict[int, int] = {}
    for r in revenue:
        y = int(r["period"][:4])
        by_year[y] = by_year.get(y, 0) + r["amount"]
    last_year, this_year = by_year.get(year - 1, 0), by_year.get(year, 0)
    metric = p["revenue_metric"].format(currency=acc.m.currency)
    prev_target = int(round(last_year * rng.uniform(0.95, 1.12), -4))
    last = {"id": f"g-{key}-{year - 1}", "horizon": "short",
            "title": p["revenue_goal"].format(amount=acc.money(prev_target), year=year - 1),
            "metric": metric, "target": prev_target, "due": dt.date(year - 1, 12, 31),
            "status": "achieved" if last_year >= prev_target else "missed", "result": last_year}
    target = int(round(max(this_year, last_year) * rng.uniform(1.0, 1.1), -4))
    this = {"id": f"g-{key}-{year}", "horizon": "short",
            "title": p["revenue_goal"].format(amount=acc.money(target), year=year),
            "metric": metric, "baseline": last_year, "target": target, "due": dt.date(year, 12, 31),
            "status": "open"}
    acc.goal_values[this["id"]] = {"kind": "revenue", "revenue": revenue, "target": target}
    acc.goal_values[last["id"]] = {"kind": "revenue", "revenue": revenue, "target": prev_target}
    return [last, this]


def _goal_measure(acc: Account, goal: dict, kind: str) -> None:
    """Title, metric, baseline and target of a goal that is not about revenue."""
    rng, spec = acc.rng, acc.p["goals"][kind]
    if kind == "product":
        short = rng.choice(PRODUCTS[2:])[0]
        goal["id"] = f"g-{short.lower()}"
        goal["title"] = spec[0].format(product=f"Merevaik {short}")
        goal["metric"] = spec[1].format(product=f"Merevaik {short}")
        goal["baseline"] = rng.randint(0, acc.fleet // 4)
        goal["target"] = acc.fleet
    elif kind == "contacts":
        goal["title"], goal["metric"] = spec
        goal["baseline"] = rng.randint(0, len(acc.decision_makers()) // 2)
        goal["target"] = len(acc.decision_makers())
    elif kind == "reference":
        goal["title"], goal["metric"], goal["target"] = spec
    elif kind == "share":
        pct = rng.choice([50, 60, 70, 80])
        goal["title"] = spec[0].format(pct=pct)
        goal["metric"] = spec[1]
        goal["baseline"] = pct - rng.choice([15, 20, 30])
        goal["target"] = pct
    else:
        n = rng.choice([30, 40, 50])
        goal["title"] = spec[0].format(n=n)
        goal["metric"] = spec[1]
        goal["baseline"] = n - rng.choice([10, 20, 25])
        goal["target"] = n


# --- reviews -------------------------------------------------------------------------------

def build_reviews(acc: Account, goals: list[dict]) -> list[dict]:
    rng = acc.rng
    members = [person.id for person, _ in acc.team]
    reviews = []
    for period, held in _review_dates(acc):
        participants = [acc.owner.id] + rng.sample(members[1:], min(len(members) - 1, rng.randint(1, 3)))
        review: dict = {"period": period, "date": held, "participants": participants,
                        "with_customer": rng.random() < 0.4,
                        "summary": acc.text(acc.deal("review_summaries"))}
        results = _goal_results(acc, goals, period, held)
        if results:
            review["results"] = results
        review["corrections"] = [acc.text(acc.deal("corrections")) for _ in range(rng.randint(1, 2))]
        review["next_review"] = held + dt.timedelta(days=rng.choice([84, 91, 91, 98]))
        if review["with_customer"]:  # held with them: on the page kam share writes
            review["shared"] = True
        reviews.append(review)
    return reviews


def _review_dates(acc: Account) -> list[tuple[str, dt.date]]:
    """The last four or five quarters reviewed: (period, date held), the last one sometimes overdue."""
    rng = acc.rng
    year, q = quarter(acc.today)
    candidates = []
    for k in range(-6, 0):
        py, pq = shift_quarter(year, q, k)
        held = quarter_end(py, pq) + dt.timedelta(days=rng.randint(8, 30))
        if held <= acc.today:
            candidates.append((f"{py}-Q{pq}", held))
    count = rng.choice([4, 4, 5])
    if len(candidates) > 4 and rng.random() < 0.1:  # the last review is overdue
        candidates = candidates[:-1]
    return candidates[-count:]


def _goal_results(acc: Account, goals: list[dict], period: str, held: dt.date) -> list[Flow]:
    rng = acc.rng
    results = []
    review_year = int(period[:4])
    for goal in goals:
        info = acc.goal_values.get(goal["id"])
        if info is None or goal["due"] < held - dt.timedelta(days=92):
            continue
        if info["kind"] == "revenue":
            if goal["due"].year != review_year:
                continue
            results.append(_revenue_result(goal, info, period))
        elif rng.random() < 0.6:
            result = Flow(goal=goal["id"], status=rng.choices(["on_track", "at_risk", "off_track"],
                                                              [55, 30, 15])[0])
            if rng.random() < 0.3:
                result["note"] = rng.choice(acc.p["result_notes"])
            results.append(result)
    return results


def _revenue_result(goal: dict, info: dict, period: str) -> Flow:
    """A revenue goal scored from the year's revenue so far against its pace."""
    ytd = sum(r["amount"] for r in info["revenue"] if r["period"][:4] == period[:4] and r["period"] <= period)
    final = period.endswith("Q4")
    pace = ytd / (info["target"] * int(period[-1]) / 4)
    status = (("achieved" if ytd >= info["target"] else "missed") if final else
              "on_track" if pace >= 0.97 else "at_risk" if pace >= 0.9 else "off_track")
    return Flow(goal=goal["id"], status=status, value=ytd)


# --- actions -------------------------------------------------------------------------------

def build_actions(acc: Account, tenders: list[dict]) -> list[dict]:
    rng = acc.rng
    taken: set = set()
    members = [person.id for person, _ in acc.team]
    active = acc.active()
    upcoming = [t for t in tenders if t["date"] > acc.today]
    out = []
    for i in range(rng.randint(*acc.shape["actions"])):
        tender = upcoming[0] if upcoming and i == 0 else None
        out.append(_action(acc, tender, members, active, taken))
    _win_over_blockers(acc, out, active)
    return sorted(out, key=lambda a: a["due"])


def _action(acc: Account, tender: dict | None, members: list[str], active: list[Stakeholder], taken: set) -> dict:
    """One action; the first prepares the next tender when there is one."""
    rng = acc.rng
    title = acc.p["tender_action"] if tender else acc.text(acc.deal("actions"))
    status = rng.choices(["done", "in_progress", "open"], [35, 25, 40])[0]
    if status == "done":
        due = acc.days_ago(5, 200)
    elif status == "in_progress":
        due = acc.days_ahead(-20, 60)
    else:
        due = acc.days_ahead(-30, 120)
    if tender:
        status, due = "in_progress", min(tender["date"] - dt.timedelta(days=14), acc.days_ahead(10, 60))
        due = max(due, acc.today)
    action: dict = {"id": unique("a-" + slug(title, 3, 30), taken), "title": title,
                    "owner": acc.owner.id if rng.random() < 0.4 else rng.choice(members), "due": due,
                    "status": status}
    if status == "done":
        action["done"] = min(acc.today, due + dt.timedelta(days=rng.randint(-10, 7)))
    action["stakeholders"] = [s.id for s in sorted(rng.sample(active, min(len(active), rng.randint(1, 3))),
                                                  key=lambda s: s.index)]
    if tender:
        action["tender"] = tender["id"]
    if rng.random() < 0.15:
        action["notes"] = acc.deal("action_notes")
    if tender is None and status == "done":  # done together: on the page kam share writes
        action["shared"] = True
    return action


def _win_over_blockers(acc: Account, actions: list[dict], active: list[Stakeholder]) -> None:
    """Most powerful blockers and sceptics have a plan to win them over."""
    rng = acc.rng
    open_actions = [a for a in actions if a["status"] != "done" and "tender" not in a]
    for s in active:
        if s.attitude in ("sceptic", "blocker") and s.influence == "high" and open_actions \
                and rng.random() < 0.8:
            action = rng.choice(open_actions)
            if s.id not in action["stakeholders"]:
                ids = set(action["stakeholders"]) | {s.id}
                action["stakeholders"] = [x.id for x in active if x.id in ids]


# --- commitments ---------------------------------------------------------------------------

def build_commitments(acc: Account) -> list[dict]:
    rng = acc.rng
    taken: set = set()
    members = [person.id for person, _ in acc.team]
    active = acc.active()
    out = []
    for _ in range(rng.randint(*acc.shape["commitments"])):
        made = acc.days_ago(10, 240)
        due = made + dt.timedelta(days=rng.randint(7, 60))
        promise = acc.text(acc.deal("promises"))
        c: dict = {"id": unique("c-" + slug(promise, 3, 30), taken), "promise": promise,
                   "owner": acc.owner.id if rng.random() < 0.5 else rng.choice(members),
                   "to": rng.choice(active).id, "made": made, "due": due}
        reschedules, final = _reschedules(acc, made, due)
        if final < acc.today:
            status = rng.choices(["kept", "broken", "open", "cancelled"], [75, 8, 12, 5])[0]
        else:
            status = "kept" if rng.random() < 0.15 else "open"
        c["status"] = status
        if status == "kept":
            c["delivered"] = max(made, min(acc.today, final + dt.timedelta(days=rng.randint(-7, 3))))
        if reschedules:
            c["reschedules"] = reschedules
        out.append(c)
    return sorted(out, key=lambda c: c["made"])


def _reschedules(acc: Account, made: dt.date, due: dt.date) -> tuple[list[dict], dt.date]:
    """None, one or two reschedulings (never after today), and the final due date."""
    rng = acc.rng
    reschedules = []
    previous, moved_on = due, made
    for _ in range(rng.choices([0, 1, 2], [55, 30, 15])[0]):
        latest = min(previous, acc.today)
        if latest < moved_on:
            break
        moved_on = moved_on + dt.timedelta(days=rng.randint(0, (latest - moved_on).days))
        previous = previous + dt.timedelta(days=rng.randint(5, 30))
        reschedules.append({"date": moved_on, "new_due": previous, "reason": rng.choice(acc.p["reasons"]),
                            "customer_told": rng.random() < 0.75})
    return reschedules, previous
