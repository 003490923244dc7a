"""Hypothesis strategies for plans: any value the plan schema accepts, made consistent so that
most pass `kam validate`, and hostile variations of the example plans.

`from_schema` reads the same inlined schema kam validates with, so a new field is generated
as soon as it is in the schema.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string

import yaml
from hypothesis import strategies as st

# Text as plans hold it: the examples' languages, markup that must stay text, look-alikes, and
# any other visible character (control characters come in the hostile variations, HOSTILE_VALUES).
LETTERS = (string.ascii_letters + string.digits + " .,-:;'/()&%#*_|!?@$~^`{}[]<>\"\\="
           + "ÕÄÖÜõäöüŠŽšžÅØÆåøæąćęłńóśźżĄĆĘŁŃÓŚŹŻāčēģīķļņūĀČĒĢĪĶĻŅŪėįųĖĮŲ"
           + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
           + "€£₽–—«»„“”’…█▲▼ \u00a0\u200b\u200d\u202e\u0301🙂👩‍💼中文עברית")
TEXT_CHARACTERS = st.one_of(st.sampled_from(LETTERS), st.sampled_from(LETTERS),
                            st.sampled_from(LETTERS), st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")))
# Values at the edges of what patterns allow: random generation from a regex almost never hits them.
EDGE_STRINGS = ["0000", "1900", "2199", "2200", "9999", "0000-Q1", "1900-01", "2199-12", "2199-H2", "0", "a", "-",
                "a" * 64, "a" * 65, "x-", "-x", "AA", "ZZ", "EUR", "XXX", "KAM999", "AAA000", "et", "zzz",
                "http://", "https://x", "a@b", "A" * 39]
DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)).map(dt.date.isoformat)
NEAR_DAYS = st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)).map(dt.date.isoformat)


def text(max_size: int = 40, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(TEXT_CHARACTERS, min_size=min_size, max_size=max_size)


def _number(schema: dict) -> st.SearchStrategy:
    low, high = schema.get("minimum"), schema.get("maximum")
    if "exclusiveMinimum" in schema:
        low = max(low or 0, schema["exclusiveMinimum"] * 2 or 1e-6)
    edges = [v for v in (low, high) if v is not None]
    if schema.get("type") == "integer" or (isinstance(schema.get("type"), list) and "integer" in schema["type"]):
        return st.one_of(st.integers(low, high), st.sampled_from(edges) if edges else st.nothing())
    floats = st.floats(low, high, allow_nan=False, allow_infinity=False)
    return st.one_of(floats, st.integers(int(low) if low is not None else None, int(high) if high is not None else None),
                     st.sampled_from(edges) if edges else st.nothing())


def _string(schema: dict) -> st.SearchStrategy[str]:
    if schema.get("format") == "date":
        return st.one_of(DAYS, NEAR_DAYS, NEAR_DAYS)
    if schema.get("format") == "email":
        return st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.(ee|fi|no|com)", fullmatch=True)
    if schema.get("format") == "uri":
        return st.from_regex(r"https?://[a-z]{1,10}\.(ee|fi|no|com)(/[a-z0-9]{0,8})?", fullmatch=True)
    if "[T ]" in schema.get("pattern", ""):  # a date and time: real ones, as a regex would rarely give
        return st.builds(lambda day, hour, minute: f"{day}T{hour:02d}:{minute:02d}", st.one_of(DAYS, NEAR_DAYS),
                         st.integers(0, 23), st.integers(0, 59))
    if "pattern" in schema:
        regex = re.compile(schema["pattern"].replace("$", r"\Z"))
        edges = [edge for edge in EDGE_STRINGS if regex.search(edge)]
        generated = st.from_regex(regex, fullmatch=True)
        return st.one_of(generated, st.sampled_from(edges)) if edges else generated
    low, high = schema.get("minLength", 0), min(schema.get("maxLength", 60), 60)
    return text(high, low).filter(lambda value: len(value) >= low)


def from_schema(schema: dict, depth: int = 0) -> st.SearchStrategy:
    """Values `schema` accepts (no cross-references: see consistent())."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of([from_schema({**schema, "type": kind}, depth) for kind in kinds])
    if kinds == "object" or "properties" in schema:
        return _object(schema, depth)
    if kinds == "array":
        items = from_schema(schema.get("items", {}), depth + 1)
        high = min(schema.get("maxItems", 4), 4 if depth < 2 else 2)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=high,
                        unique_by=repr if schema.get("uniqueItems") else None)
    if kinds in ("number", "integer"):
        return _number(schema)
    if kinds == "boolean":
        return st.booleans()
    return _string(schema)


def _object(schema: dict, depth: int) -> st.SearchStrategy[dict]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    extra = schema.get("additionalProperties")
    fixed = st.fixed_dictionaries({k: from_schema(v, depth + 1) for k, v in properties.items() if k in required},
                                  optional={k: from_schema(v, depth + 1) for k, v in properties.items()
                                            if k not in required})
    if not isinstance(extra, dict):
        return fixed
    keys = _string(schema.get("propertyNames", {"pattern": "^[a-z][a-z0-9_]{0,20}$"}))
    free = st.dictionaries(keys, from_schema(extra, depth + 1), max_size=3)
    return st.builds(lambda a, b: {**b, **a}, fixed, free)


# --- making a generated plan consistent ------------------------------------------------------

def _unique(items: list, key: str) -> list:
    seen, out = set(), []
    for item in items:
        if item.get(key) not in seen:
            seen.add(item.get(key))
            out.append(item)
    return out


def _without_documents(value):
    if isinstance(value, dict):
        return {k: _without_documents(v) for k, v in value.items() if not k.endswith("documents")}
    if isinstance(value, list):
        return [_without_documents(v) for v in value]
    return value


def consistent(plan: dict, rnd: random.Random, people: list[str], tiers: list[str]) -> dict:
    """The plan with its references pointing at things that exist and its dates in order
    (and without `documents`: files in accounts/<id>/ are not generated)."""
    kept = _without_documents(plan)
    plan.clear()
    plan.update(kept)
    plan.update(owner=rnd.choice(people), tier=rnd.choice(tiers))
    stakeholders = plan["stakeholders"] = _unique(plan.get("stakeholders", []), "id")
    ids = [s["id"] for s in stakeholders]

    def some(pool: list, most: int = 3) -> list:
        return rnd.sample(pool, min(len(pool), rnd.randint(0, most)))

    for i, s in enumerate(stakeholders):
        s.pop("reports_to", None)
        if i and rnd.random() < 0.8:
            s["reports_to"] = ids[rnd.randrange(i)]  # always someone earlier: no cycles
        s["influences"] = some([x for x in ids if x != s["id"]])
    plan["team"] = _unique(plan.get("team", []), "person")
    for member in plan["team"]:
        member["person"] = rnd.choice(people)
        member["covers"] = [{**cover, "stakeholder": sid} for cover, sid in zip(member.get("covers", []), some(ids, 4))]
    plan["team"] = _unique(plan["team"], "person")
    for key in ("goals", "tenders", "proposals", "actions", "commitments"):
        if key in plan:
            plan[key] = _unique(plan[key], "id")
    situation = plan.get("situation", {})
    situation["revenue"] = _unique(situation.get("revenue", []), "period")
    units = [u["id"] for u in _unique(situation.get("units", []), "id")]
    situation["units"] = _unique(situation.get("units", []), "id")
    for product in situation.get("products", []):
        product["units"] = {unit: status for unit, status in zip(some(units), (product.get("units") or {}).values())}
    for step in plan.get("buying_process", {}).get("steps", []):
        step["stakeholders"] = some(ids)
    tenders = [t["id"] for t in plan.get("tenders", [])]
    for action in plan.get("actions", []):
        action.update(owner=rnd.choice(people), stakeholders=some(ids))
        action.pop("tender", None)
        if tenders and rnd.random() < 0.5:
            action["tender"] = rnd.choice(tenders)
    for proposal in plan.get("proposals", []):
        proposal["readers"] = some(ids)
        if "sent" in proposal:
            proposal["sent"], proposal["expires"] = sorted([proposal["sent"], proposal["expires"]])
    for commitment in plan.get("commitments", []):
        commitment["owner"] = rnd.choice(people)
        commitment.pop("to", None)
        if ids:
            commitment["to"] = rnd.choice(ids)
        _commitment_dates(commitment)
    goals = [g["id"] for g in plan.get("goals", [])]
    reviews = sorted(plan.get("reviews", []), key=lambda r: r["date"])
    for review in reviews:
        review["participants"] = some(people)
        review["results"] = [{**r, "goal": g} for r, g in zip(review.get("results", []), some(goals))]
        if "next_review" in review:
            review["next_review"] = max(review["next_review"], review["date"])
    if "reviews" in plan:
        plan["reviews"] = reviews
    return plan


def _commitment_dates(commitment: dict) -> None:
    days = sorted([commitment["due"], *(commitment.get(k) for k in ("made", "delivered") if k in commitment)])
    if "made" in commitment:
        commitment["made"] = days[0]
    if "delivered" in commitment:
        commitment["delivered"] = days[-1]
    start = commitment.get("made", "1900-01-01")
    moves = sorted({r["new_due"] for r in commitment.get("reschedules", []) if r["new_due"] > commitment["due"]})
    commitment["reschedules"] = [{**r, "date": max(r["date"], start), "new_due": new}
                                 for r, new in zip(commitment.get("reschedules", []), moves)]


# --- writing and varying plans ---------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # kam rejects anchors and aliases: write every value out
        return True


def to_yaml(data: dict, flow: bool = False) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=100)


HOSTILE_VALUES = st.one_of(
    st.sampled_from(["", " ", "\n", "x\n", "evil\n", ".inf", ".nan", "1e300", "0001-01-01", "9999-12-31",
                     "2026-02-30", "3000-01-01", "\x01", "\x1b[2J", "\ufffe", "<script>alert(1)</script>",
                     "]]>", '"]; x [URL="javascript:alert(1)"', "{{ x }}", "{% raw %}", "*x", "&a", "!!python/none",
                     "a" * 600, "NO", "yes", "~", "null", "-", "?", "#", "2026-Q5"]),
    st.sampled_from([0, -1, 1, 10**12, 10**30, 1e300, -1e300, 0.1, 2**63, True, False, None, [], {}, [[[]]],
                     {"a": {"b": {"c": 1}}}]),
    text(20),
)


def paths(value, path=()):
    """Every path into a plan's data, for mutations."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, path + (index,))


def mutate(data, rnd: random.Random, value) -> None:
    """Replace, delete or duplicate the value at a random path, or add a key beside it."""
    path = rnd.choice(list(paths(data))[1:])
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last, move = path[-1], rnd.randrange(4)
    if move == 0:
        parent[last] = value
    elif move == 1:
        del parent[last]
    elif move == 2 and isinstance(parent, list):
        parent.append(parent[last])
    elif isinstance(parent, dict):
        parent[rnd.choice(["notes", "name", "id", "private", str(value)[:20] or "x"])] = value
    else:
        parent.insert(last, value)


def mutate_bytes(raw: bytes, rnd: random.Random, insert: bytes) -> bytes:
    at = rnd.randrange(len(raw) + 1)
    return raw[:at] + insert + raw[at + rnd.randrange(3):]
