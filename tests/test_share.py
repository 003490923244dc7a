"""`kam share`: the customer's page holds what the plan shares and nothing internal.

A marker is planted in every free-text field of every example plan, found by walking the real schema
(so a field added to the schema later is covered, and excluded unless the page is taught to show it);
then every account's page is written and searched for every marker.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT

SCHEMA = json.loads((REPO_ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))

# Schema paths the page may show, and when: "item" = only items marked shared: true, "told" = only
# reschedulings the customer was told, "always" = every one (the commitments, the account's name).
SHOWN = {
    "name": "always",
    "goals[].title": "item", "goals[].metric": "item", "goals[].baseline": "item", "goals[].target": "item",
    "goals[].result": "item",
    "actions[].title": "item",
    "commitments[].promise": "always", "commitments[].reschedules[].reason": "told",
    "reviews[].summary": "item", "reviews[].corrections[]": "item",
    "reviews[].results[].value": "result", "reviews[].results[].note": "result",
}


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        node = {**SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _free_text(node: dict) -> bool:
    types = node.get("type")
    types = types if isinstance(types, list) else [types]
    return "string" in types and not {"pattern", "format", "enum"} & set(node)


class Planter:
    def __init__(self) -> None:
        self.markers: dict[str, tuple[str, bool]] = {}  # marker -> (schema path, may the page show it)

    def walk(self, node: dict, value, path: str, shown: bool):
        """`value` with a marker in each free-text string; `shown`: whether its enclosing item may be shown."""
        node = _resolve(node)
        if isinstance(value, dict):
            properties = node.get("properties", {})
            extra = node.get("additionalProperties")
            out = {}
            for key, item in value.items():
                child = properties.get(key) or (extra if isinstance(extra, dict) else {})
                out[key] = self.walk(child, item, f"{path}.{key}" if path else key, self._shown(path, key, value, shown))
            return out
        if isinstance(value, list):
            return [self.walk(node.get("items", {}), item, f"{path}[]", shown) for item in value]
        if isinstance(value, str) and _free_text(node) and not path.endswith("documents[]"):  # paths, not text
            marker = f"ZQMARK{len(self.markers):05d}QZ"
            rule = SHOWN.get(path)
            self.markers[marker] = (path, rule is not None and shown)
            return marker
        return value

    @staticmethod
    def _shown(path: str, key: str, value: dict, shown: bool) -> bool:
        if path in ("goals[]", "actions[]", "reviews[]") and key != "shared":
            return shown and value.get("shared") is True
        if path == "commitments[].reschedules[]":
            return shown and value.get("customer_told") is True
        return shown


def plant(root: Path) -> dict[str, tuple[str, bool]]:
    planter = Planter()
    for path in sorted((root / "accounts").glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        shared_goals = {g["id"] for g in data.get("goals", ()) if g.get("shared") is True}
        for review in data.get("reviews", ()):  # results of goals that are not shared stay off the page
            for result in review.get("results", ()):
                result["__shared_goal"] = result["goal"] in shared_goals
        planted = planter.walk(SCHEMA, data, "", True)
        _fix_results(planted, planter)
        _fix_products(data, planted)
        path.write_text(yaml.safe_dump(planted, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return planter.markers


def _fix_products(original: dict, planted: dict) -> None:
    """An opportunity names products by their name in situation.products: name the planted ones."""
    names = [p["name"] for p in original.get("situation", {}).get("products", ())]
    marked = [p["name"] for p in planted.get("situation", {}).get("products", ())]
    for before, after in zip(original.get("opportunities", ()), planted.get("opportunities", ())):
        after["products"] = [marked[names.index(name)] for name in before.get("products", ())]


def _fix_results(plan: dict, planter: Planter) -> None:
    """Drop the helper key; a result's markers may show only when its review and its goal are shared."""
    for review in plan.get("reviews", ()):
        for result in review.get("results", ()):
            goal_shared = result.pop("__shared_goal")
            for key in ("value", "note"):
                marker = result.get(key)
                if marker in planter.markers:
                    schema_path, shown = planter.markers[marker]
                    planter.markers[marker] = (schema_path, shown and goal_shared and review.get("shared") is True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("share") / "plans"
    shutil.copytree(REPO_ROOT / "accounts", root / "accounts")
    markers = plant(root)
    out = {}
    for plan in sorted((root / "accounts").glob("[!_]*.yaml")):
        target = root / f"{plan.stem}.html"
        done = subprocess.run([sys.executable, "-m", "generator", "share", plan.stem, "--out", str(target),
                               "--root", str(root), "--today", "2026-11-23", "--lang", "en"],  # the words below
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        out[plan.stem] = target.read_text(encoding="utf-8")
    return out, markers


def test_no_excluded_field_reaches_the_page(pages):
    out, markers = pages
    text = "\n".join(out.values())
    leaked = sorted({markers[m][0] for m in re.findall(r"ZQMARK\d{5}QZ", text) if not markers[m][1]})
    assert leaked == []
    # the walk reached the fields that matter: the people, their private data, internal notes
    planted = {path for path, _ in markers.values()}
    assert {"stakeholders[].notes", "stakeholders[].priorities", "situation.competitors[].notes",
            "actions[].notes", "summary", "relationship.history"} <= planted
    assert any(p.startswith("stakeholders[].private.") for p in planted)


def test_what_the_plan_shares_is_on_the_page(pages):
    out, markers = pages
    text = "\n".join(out.values())
    expected = {path for path, shown in markers.values() if shown}
    found = {markers[m][0] for m in re.findall(r"ZQMARK\d{5}QZ", text)}
    assert expected == found
    assert {"goals[].title", "actions[].title", "reviews[].summary", "commitments[].promise",
            "commitments[].reschedules[].reason"} <= found


def test_the_page_is_self_contained_and_print_ready(pages):
    out, _ = pages
    for page in out.values():
        assert page.startswith("<!DOCTYPE html>") and "@media print" in page
        assert not re.search(r"<(script|link|img|iframe|object|embed)\b|\bsrc=|url\(|@import", page, re.I)


def test_a_commitment_shows_the_dates_the_customer_was_told(tmp_path):
    from generator.model import Commitment, Reschedule
    from generator.share import told_due

    import datetime as dt
    d = dt.date
    told = Reschedule(d(2026, 3, 1), d(2026, 4, 1), "late parts", True)
    untold = Reschedule(d(2026, 3, 20), d(2026, 5, 1), "secret", False)
    assert told_due(Commitment("c", "p", "o", d(2026, 3, 15), reschedules=(told, untold))) == d(2026, 4, 1)
    assert told_due(Commitment("c", "p", "o", d(2026, 3, 15), reschedules=(untold,))) == d(2026, 3, 15)


def test_a_tier_without_management_meetings_does_not_promise_zero_a_year(pages):
    out, _ = pages
    assert "Meetings with our management:</b> 2 a year" in out["laanemere-sadamad"]  # strategic: 2 a year
    assert "Meetings with our management" not in out["narva-ekspress"]  # development: 0 a year


def test_an_unknown_account_is_a_usage_error_with_a_suggestion(repo):
    done = subprocess.run([sys.executable, "-m", "generator", "share", "nordvk", "--out", "x.html"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "no account 'nordvk' in accounts/ (did you mean 'nordvik'?)" in done.stderr
    assert not Path("x.html").exists()


def test_a_demo_portfolio_shares_its_joint_goals_and_names_none_of_their_people(tmp_path, monkeypatch):
    import datetime as dt

    from generator.demo import write_demo
    from generator.share import share_page
    from generator.workspace import load_portfolio

    write_demo(tmp_path / "plans", 4, seed=5, today=dt.date(2026, 11, 23))
    monkeypatch.chdir(tmp_path / "plans")
    portfolio = load_portfolio(Path(".")).portfolio()
    from generator.render.escape import html

    assert any(g.shared for plan in portfolio.plans for g in plan.goals)
    for plan in portfolio.plans:
        page = share_page(portfolio, plan, dt.date(2026, 11, 23))
        assert all(html(g.title) in page for g in plan.goals if g.shared)
        assert all(html(g.title) not in page for g in plan.goals if not g.shared)
        assert not [s.name for s in plan.stakeholders if html(s.name) in page]
        assert not [c.name for c in plan.situation.competitors if html(c.name) in page]


def test_on_a_phone_the_page_does_not_scroll_sideways_wide_tables_scroll_in_their_box(pages):
    import test_browser  # the system's Chromium under Playwright (the module, so its tests are not collected here)

    out, _ = pages
    with test_browser.chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.set_content(out["laanemere-sadamad"])
        width = page.evaluate("document.documentElement.scrollWidth")
        tables = page.evaluate("Array.from(document.querySelectorAll('table'), t => t.scrollWidth)")
        page.emulate_media(media="print")  # on paper nothing is cut off at the box's edge
        printed = page.evaluate("Array.from(document.querySelectorAll('.wide'), d => getComputedStyle(d).overflowX)")
        page.close()
    assert printed and set(printed) == {"visible"}
    assert max(tables) > 390  # the page has tables wider than the phone ...
    assert width <= 390  # ... and still does not scroll sideways as a whole
