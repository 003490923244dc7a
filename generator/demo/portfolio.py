"""The demo repository: every file of it (`build_portfolio`) and writing them (`write_demo`).

Beside the plans in accounts/: the portfolio settings and our people
directory, a copy of the installed tool's schemas in schema/ (for the editor
line every YAML file starts with), mkdocs.yml with the kam plugin's `today`
pinned to the demo's date, docs/ with the site's CSS when the tool has it,
and a .gitignore for site/ and kam's cache.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from random import Random

from ..validate import schema_path
from . import guard
from .accounts import build_account
from .context import Market
from .names import slug, unique
from .people import People
from .pools import CITIES, EXCHANGE_RATES, MARKETS, OUR_COMPANY, PACKS, TIER_SHARE, TIERS
from .yamlout import dump

DEFAULT_TODAY = dt.date(2026, 11, 23)
DEFAULT_SEED = 1
# The tool's own tree (for the site's CSS); in an installed kam there is none.
TOOL_ROOT = Path(__file__).resolve().parents[2]

# The top-level sections of a plan: a blank line before each.
PLAN_SECTIONS = frozenset({"relationship", "classification", "situation", "goals", "buying_process", "tenders",
                           "proposals", "stakeholders", "team", "actions", "commitments", "reviews",
                           "opportunities", "interactions"})

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{kind}.schema.json"
SYNTHETIC = "# Synthetic demo data written by `kam demo --seed {seed}`: every name and figure is invented."

# The settings of the project's own mkdocs.yml, with `today` pinned to the date
# the demo's dates were placed around (else "overdue" drifts with the clock).
MKDOCS_YML = """\
# The key-account site: `mkdocs serve` shows it at http://127.0.0.1:8000 and
# rebuilds when a plan changes; `mkdocs build --strict` builds it into site/.
# The pages are generated from accounts/ by the `kam` plugin.
site_name: {company} – key accounts (demo)
site_description: Key-account plans, decision-maker maps and team matrices (synthetic demo data)
docs_dir: docs
site_dir: site
use_directory_urls: true

theme:
  name: material
  font: false  # system fonts: no request to Google Fonts, works offline
  features:
    - navigation.tabs
    - navigation.top
    - search.highlight
    - search.suggest
    - toc.follow
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode

# Only the overview pages are in the navigation: account and person pages are
# reached from their tables.
nav:
  - Portfolio: index.md
  - Dashboard: dashboard.md
  - Accounts: accounts/index.md
  - People: people/index.md
  - Reports: reports/index.md

plugins:
  - search
  - kam:
      # The demo's dates are placed around {today}: "overdue" is judged on that day.
      # Remove the line to judge on the real date.
      today: {today}
      # Personal data (stakeholders' `private:`) is left out unless asked for:
      # KAM_INCLUDE_PRIVATE=1 mkdocs build.
      include_private: !ENV [KAM_INCLUDE_PRIVATE, false]

markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
{extra_css}
validation:
  anchors: warn
"""
EXTRA_CSS = "\nextra_css:\n  - assets/kam.css\n\nextra_javascript:\n  - assets/kam.js\n"

GITIGNORE = ("# built site and kam's cache\nsite/\n.cache/\n"
             "# pages written by `kam pages` into docs/ (listed in docs/.kam-pages)\n"
             "/docs/.kam-pages\n/docs/index.md\n/docs/dashboard.md\n/docs/accounts/\n/docs/people/\n")


class DemoError(Exception):
    """The demo cannot be written where asked (exit status 2)."""


@dataclass
class DemoResult:
    accounts: int
    people: int
    files: int
    lines: int
    replaced: tuple[str, ...] = ()  # files of someone else's replaced or deleted (--force)


def build_portfolio(accounts: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY) -> dict[str, str]:
    """Every file of the demo repository: relative path -> text. Pure and deterministic."""
    if accounts < 1:
        raise DemoError("--accounts must be at least 1")
    rng = Random(seed)
    picked = _pick_markets(rng, accounts)
    tiers = _choose_tiers(rng, accounts)
    people = _people(rng, picked, accounts, today)
    files, key_revenue, all_revenue = _plans(rng, picked, tiers, people, seed, today)
    files["accounts/_portfolio.yaml"] = _portfolio_file(_our_revenue(rng, key_revenue, all_revenue), seed)
    files["accounts/_people.yaml"] = dump({"people": [p.doc for p in people.people]}, [
        SCHEMA_LINE.format(kind="people"), f"# {OUR_COMPANY} – our people who work on key accounts.",
        "# Plans name people by id (owner, team, actions, commitments, reviews).", SYNTHETIC.format(seed=seed)])
    files.update(_tool_files(today))
    return files


def _pick_markets(rng: Random, accounts: int) -> list[Market]:
    """The market of each account: every market (so every language) once when there is room, the rest by weight."""
    markets = [Market(lang, country, names, currency, region)
               for lang, country, _, names, currency, region in MARKETS]
    weights = [w for _, _, w, _, _, _ in MARKETS]
    picked = markets[:accounts] + [rng.choices(markets, weights)[0] for _ in range(accounts - len(markets))]
    rng.shuffle(picked)
    return picked


def _choose_tiers(rng: Random, n: int) -> list[str]:
    strategic = round(n * TIER_SHARE[0][1])
    key = round(n * TIER_SHARE[1][1])
    if n >= 3:
        strategic = max(1, strategic)
    if n >= 2:
        key = max(1, key)
    if n == 1:
        key = 1
    tiers = ["strategic"] * strategic + ["key"] * key + ["development"] * (n - strategic - key)
    rng.shuffle(tiers)
    return tiers


def _people(rng: Random, picked: list[Market], accounts: int, today: dt.date) -> People:
    """Our people directory, sized to the accounts per sales region."""
    per_region: dict[str, int] = {}
    for market in picked:
        per_region[market.region] = per_region.get(market.region, 0) + 1
    people = People(rng, per_region, accounts)
    for person in people.people:
        if "left" in person.doc:
            person.doc["left"] = today - dt.timedelta(days=rng.randint(30, 300))
    return people


def _plans(rng: Random, picked: list[Market], tiers: list[str], people: People, seed: int,
           today: dt.date) -> tuple[dict[str, str], dict[str, float], dict[str, float]]:
    """Every plan file, and the revenue (EUR) by period of the key accounts and of all accounts."""
    files: dict[str, str] = {}
    taken_ids: set = set()
    taken_names: set = set()
    key_revenue: dict[str, float] = {}
    all_revenue: dict[str, float] = {}
    for market, tier in zip(picked, tiers):
        name, plan_id = _company(rng, market.lang, market.country, taken_ids, taken_names)
        plan, header, facts = build_account(Random(rng.getrandbits(64)), today, people, market, tier, name, plan_id)
        for period, amount in facts["revenue_eur"].items():
            all_revenue[period] = all_revenue.get(period, 0) + amount
            if tier != "development":
                key_revenue[period] = key_revenue.get(period, 0) + amount
        lines = [SCHEMA_LINE.format(kind="plan")] + [f"# {line}" for line in header] + [SYNTHETIC.format(seed=seed)]
        files[f"accounts/{plan_id}.yaml"] = dump(plan, lines, PLAN_SECTIONS)
    return files, key_revenue, all_revenue


def _company(rng: Random, lang: str, country: str, taken_ids: set, taken_names: set) -> tuple[str, str]:
    """A customer's name, unique in the portfolio, and its plan id."""
    p = PACKS[lang]
    roots = p["company_roots"][country] if isinstance(p["company_roots"], dict) else p["company_roots"]
    forms = p["company_forms"][country] if isinstance(p["company_forms"], dict) else p["company_forms"]
    for attempt in range(8):
        root, kind, form = rng.choice(roots), rng.choice(p["company_kinds"]), rng.choice(forms)
        if lang == "ru":
            name = form.format(form="SIA" if country == "LV" else "AS", root=root, kind=kind)
        else:
            name = form.format(root=root, kind=kind)
        if attempt == 7 or name not in taken_names:
            break
    if name in taken_names:  # a second company of the same name elsewhere: say where
        name = f"{name} ({rng.choice(CITIES[(lang, country)])[0]})"
    while name in taken_names:
        name = f"{name} {len(taken_names)}"
    taken_names.add(name)
    base = slug(f"{root} {kind}", 4, 50)
    return name, unique(base, taken_ids)


def _our_revenue(rng: Random, key_revenue: dict[str, float], all_revenue: dict[str, float]) -> list[dict]:
    """Our revenue: the key accounts make 30-55 % of it (the Norwegian article's healthy range)."""
    revenue = []
    for period in sorted(all_revenue):
        share = rng.uniform(0.36, 0.5)
        total = max(key_revenue.get(period, 0) / share, all_revenue[period] * 1.6, 1_000_000)
        revenue.append({"period": period, "amount": int(round(total, -4))})
    return revenue


def _portfolio_file(revenue: list[dict], seed: int) -> str:
    portfolio = {"company": OUR_COMPANY, "currency": "EUR"}
    if revenue:
        portfolio["revenue"] = revenue
    portfolio["exchange_rates"] = dict(EXCHANGE_RATES)
    portfolio["tender_preparation_months"] = 9
    portfolio["tiers"] = TIERS
    return dump(portfolio, [
        SCHEMA_LINE.format(kind="portfolio"), f"# Portfolio settings for {OUR_COMPANY}.",
        "# Our revenue is booked quarters only; the current quarter is added after the books close.",
        SYNTHETIC.format(seed=seed)], frozenset({"revenue", "exchange_rates", "tiers"}))


def _tool_files(today: dt.date) -> dict[str, str]:
    """The tool's own files a plans repository needs: the schemas (for the editor line), the site's CSS,
    yamllint's rules, mkdocs.yml and .gitignore."""
    files: dict[str, str] = {}
    for kind in ("plan", "portfolio", "people"):
        source = schema_path(kind)
        if source.is_file():
            files[f"schema/{kind}.schema.json"] = source.read_text(encoding="utf-8")
    css = TOOL_ROOT / "docs" / "assets" / "kam.css"
    if css.is_file():
        files["docs/assets/kam.css"] = css.read_text(encoding="utf-8")
        files["docs/assets/kam.js"] = css.with_name("kam.js").read_text(encoding="utf-8")
    files["docs/.gitkeep"] = ""
    placeholder = TOOL_ROOT / "docs" / "README.md"  # the home page of a builder that did not get kam's pages
    if placeholder.is_file():
        files["docs/README.md"] = placeholder.read_text(encoding="utf-8")
    lint = TOOL_ROOT / ".yamllint"  # yamllint's rules for plans, so `yamllint accounts/` passes
    if lint.is_file():
        files[".yamllint"] = lint.read_text(encoding="utf-8")
    files["mkdocs.yml"] = MKDOCS_YML.format(company=OUR_COMPANY, today=today.isoformat(),
                                            extra_css=EXTRA_CSS if css.is_file() else "")
    files[".gitignore"] = GITIGNORE
    return files


def write_demo(out: Path, accounts: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY,
               force: bool = False) -> DemoResult:
    """Write the demo repository into `out` (created when missing). A folder that holds anything but
    an earlier demo is refused unless `force` (demo/guard.py): nobody's own files are lost unasked."""
    if out.exists() and not out.is_dir():
        raise DemoError(f"{out} is a file, not a folder")
    files = build_portfolio(accounts, seed, today)
    found = guard.plan(out, files)
    if found.foreign and not force:
        raise DemoError(guard.refusal(out, found))
    for old in (*found.stale, *found.remove):  # an earlier run's plans would name people that are gone
        (out / old).unlink()
    files[guard.MARKER] = guard.marker_text(files)
    lines = 0
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # a link is replaced, never written through
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if relative.startswith("accounts/") and not relative.startswith("accounts/_"):
            lines += text.count("\n")
    people = files["accounts/_people.yaml"].count("\n  - id: ")
    return DemoResult(accounts, people, len(files), lines, found.theirs)
