"""What every page builder needs: the portfolio, the findings, the date, the
options, and where each page and diagram lives in the site.

Paths are built from validated ids only (checked again here), so no output
file can land outside the site folder whatever an id says.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from ..analyse import Coverage, Exposure, coverage, portfolio_exposure
from ..checks import Finding
from ..health import Health, portfolio_health
from ..model import Plan, Portfolio
from .escape import SLUG
from .words import SEVERITY_ORDER

HOME = "index.md"
DASHBOARD = "dashboard.md"
ACCOUNTS = "accounts/index.md"
PEOPLE = "people/index.md"
REPORTS = "reports/index.md"


def _slug(identifier: str) -> str:
    if not isinstance(identifier, str) or not SLUG.match(identifier):
        raise ValueError(f"refusing to build a path from {identifier!r}: not a valid id")
    return identifier


def account_page(account_id: str) -> str:
    return f"accounts/{_slug(account_id)}/index.md"


def account_diagram(account_id: str, kind: str) -> str:
    return f"accounts/{_slug(account_id)}/{_slug(kind)}.svg"


def person_page(person_id: str) -> str:
    return f"people/{_slug(person_id)}/index.md"


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for clean relative paths, without its two abspath calls (a build makes
    ~200,000 links); anything else goes to posixpath.relpath."""
    parts, base = path.split("/"), start.split("/") if start != "." else []
    if path.startswith("/") or start.startswith("/") or any(p in ("", ".", "..") for p in parts + base):
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(parts, base):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def rel(from_uri: str, to_uri: str) -> str:
    """A Markdown link from one source file to another (MkDocs resolves it)."""
    return _relpath(to_uri, posixpath.dirname(from_uri) or ".")


def output_url(uri: str, use_directory_urls: bool) -> str:
    """The URL (relative to the site root) MkDocs gives a source file."""
    if not uri.endswith(".md"):
        return uri
    stem = uri[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def url_between(from_url: str, to_url: str) -> str:
    """A relative URL from one output URL to another (for raw HTML and SVG links)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    # Without the trailing slash (re-added below), _relpath takes its fast path.
    relative = _relpath(to_url.rstrip("/") or ".", base.rstrip("/") or ".")
    if relative == ".":
        return "./"
    if (to_url.endswith("/") or not to_url) and not relative.endswith("/"):
        relative += "/"
    return relative


def severity_rank(finding: Finding) -> int:
    return SEVERITY_ORDER.get(finding.severity.value, 3)


@dataclass
class Context:
    portfolio: Portfolio
    today: dt.date
    findings: tuple[Finding, ...] = ()
    include_private: bool = False
    use_directory_urls: bool = True
    audience: str = "team"  # generator/audience.py: team (the whole plan) or company (no judgements on people)
    sizes: dict = field(default_factory=dict)  # diagram site path -> (width, height) in CSS pixels
    size_marker: str = ""  # set while diagrams render in the background: sizes are put in later
    histories: Optional[dict] = None  # plan id -> history.PlanHistory; None: the build reads no git history
    trends: Optional[dict] = None  # plan id -> health.Trend since the last review (git history); None: not read
    account_files: dict = field(default_factory=dict)  # plan id -> documents.AccountFiles (notes, documents)
    check_memos: dict = field(default_factory=dict, repr=False)  # day -> checks.run_checks memo (kam serve keeps them)
    _coverage: dict = field(default_factory=dict, repr=False)  # plan id -> Coverage, made once per build

    @cached_property
    def findings_by_account(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = defaultdict(list)
        for finding in sorted(self.findings, key=lambda f: (severity_rank(f), f.check, f.subject or "")):
            out[finding.account or ""].append(finding)
        return out

    @cached_property
    def findings_by_person(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = defaultdict(list)
        for finding in sorted(self.findings, key=lambda f: (severity_rank(f), f.check, f.account or "")):
            for person in finding.people:
                out[person].append(finding)
        return out

    def account_findings(self, account_id: str, *, silenced: bool = False) -> list[Finding]:
        return [f for f in self.findings_by_account.get(account_id, ()) if bool(f.silenced) == silenced]

    def worst_finding(self, account_id: str) -> Optional[Finding]:
        active = self.account_findings(account_id)
        return active[0] if active else None

    @cached_property
    def health(self) -> dict[str, Health]:
        """Every account's health (generator/health.py), by plan id."""
        return portfolio_health(self.portfolio.plans, self.portfolio.settings, self.findings)

    @cached_property
    def exposure(self) -> dict[str, Exposure]:
        return portfolio_exposure(self.portfolio, self.today, lambda plan: self.coverage(plan).graph)

    def coverage(self, plan: Plan) -> Coverage:
        """The plan's coverage (analyse.coverage), computed once: the map, the matrix, the account
        page's tables, the person pages and the exposure figures all ask for it."""
        found = self._coverage.get(plan.id)
        if found is None:
            found = self._coverage[plan.id] = coverage(plan)
        return found

    @cached_property
    def _plans(self) -> dict[str, Plan]:
        return {plan.id: plan for plan in self.portfolio.plans}

    def plan(self, plan_id: str) -> Optional[Plan]:
        """ctx.portfolio.plan(plan_id) by a dict (person pages look plans up ~70,000 times)."""
        return self._plans.get(plan_id)

    @property
    def judgements(self) -> bool:
        """Whether pages show attitudes, influence and buying roles (the team audience only)."""
        return self.audience == "team"

    def person_name(self, person_id: str) -> str:
        person = self.portfolio.people.get(person_id)
        return person.name if person else person_id

    def tier_name(self, plan: Plan) -> str:
        tier = self.portfolio.settings.tier(plan.tier)
        return tier.name if tier else plan.tier

    def url(self, uri: str) -> str:
        return output_url(uri, self.use_directory_urls)

    def href(self, from_uri: str, to_uri: str, anchor: str = "") -> str:
        """A link for raw HTML or SVG placed at `from_uri` to the page or file `to_uri`."""
        target = url_between(self.url(from_uri), self.url(to_uri))
        return target + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Page:
    """One generated Markdown page, at its place in the docs folder."""

    uri: str
    markdown: str
