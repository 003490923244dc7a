"""Incremental pages for `kam serve`: after an edit only the changed plans are parsed, validated and
rendered again, with the portfolio-wide pages and the pages whose inputs changed.

    pages = Pages(root, options)
    pages.refresh()   -> True when something changed; then pages.files (as pages.generate() gives them)
                         or pages.errors (the same lines `kam validate` prints)

What an account page shows comes from its plan, its findings, the people directory and the tiers; a
person page from the plans that name the person and the findings about them. A change to the settings
or the people directory rebuilds everything; a plan edit rebuilds its page, its diagrams, the overview
pages and the pages of the people it names, and any other page whose findings changed (revenue shares,
exposure). Coverage graphs of unchanged plans are kept, for the checks and the pages.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from . import checks, history, i18n, site
from .diagnostics import Diagnostic, Severity
from .model import Plan
from .pages import Content
from .render import account, account_people, documents, graphviz, people, portfolio as portfolio_pages, report_page
from .render.context import person_page
from .workspace import ACCOUNTS_DIR, YAML_SUFFIXES, LoadResult, load_portfolio

Stamp = tuple[int, int]  # (modification time in ns, size)


def named_people(plan: Plan) -> set[str]:
    """Our people whose person page shows something of this plan."""
    found = {plan.owner} | {member.person for member in plan.team}
    found |= {action.owner for action in plan.actions} | {c.owner for c in plan.commitments}
    return found


class Pages:
    def __init__(self, root: Path, options: site.Options):
        self.root, self.options = root, options
        self.accounts = (root / ACCOUNTS_DIR).resolve()
        self.stamps: dict[str, Stamp] = {}  # file name in accounts/ -> its stamp (looked at ten times a second)
        self.plans: dict[str, Plan] = {}  # file name -> its valid plan
        self.base: Optional[LoadResult] = None  # settings and people, from the last load
        self.files: dict[str, Content] = {}
        self.errors: list[Diagnostic] = []
        self.broken: set[str] = set()  # files with errors at the last look
        self.graphs: dict = {}  # the checks' coverage graphs (checks.run_checks)
        self.memo: dict = {}  # the checks' findings per plan and check (checks.run_checks)
        self.coverage: dict[str, tuple[Plan, object]] = {}  # plan id -> (plan, analyse.Coverage)
        self.diagrams: dict[str, dict[str, Path]] = {}  # plan id -> site path -> SVG
        self.own: dict[str, dict[str, Content]] = {}  # plan id -> its account page, documents and diagrams
        self.sizes: dict[str, tuple[int, int]] = {}
        self.histories: Optional[dict] = None
        self.findings: dict[str, tuple] = {}  # plan id or person id -> its findings, as last rendered
        self.person_findings: dict[str, tuple] = {}
        self.stats = graphviz.RenderStats()
        self.report_uris: set[str] = set()
        self.language = i18n.DEFAULT  # the site's default language, that of the pages made
        self.report_memos: dict = {}  # quarter's end -> the checks' memo for the reports (checks.run_checks)
        self.reports_due = None  # the render context the reports are still to be made from

    def scan(self) -> dict[str, Stamp]:
        stamps = {}
        try:
            entries = list(os.scandir(self.accounts))
        except OSError:
            return {}
        for entry in entries:  # plans, and each account's notes (<id>.md) and documents folder (<id>/)
            if not entry.name.startswith("."):
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                stamps[entry.name] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def refresh(self) -> bool:
        """Bring the pages (or the errors) up to date with accounts/; False when nothing changed."""
        stamps = self.scan()
        if stamps == self.stamps and (self.files or self.errors):
            return False
        changed = {p for p in stamps.keys() | self.stamps.keys() if stamps.get(p) != self.stamps.get(p)}
        self.stamps = stamps
        full = self.base is None or any(name.startswith("_") for name in changed)
        plans = {name for name in changed if name.endswith(YAML_SUFFIXES)}
        stems = {name.removesuffix(".md") for name in changed - plans}  # notes or documents of an account
        beside = {plan.id for name, plan in self.plans.items() if Path(name).stem in stems}
        try:
            if full:
                self._load_all()
            else:
                self._load_some(plans, beside)
        except site.SiteError as exc:
            self.errors = [Diagnostic(str(self.accounts), 1, 1, Severity.ERROR, "site", str(exc))]
        return True

    # --- loading ------------------------------------------------------------------------------

    def _fail(self) -> None:
        """The plans have errors: the same lines as `kam validate`, for the error page."""
        result = load_portfolio(self.root, models=False)
        self.broken = {Path(d.path).name for d in result.diagnostics}  # looked at again next time
        self.errors = list(result.diagnostics) or [
            Diagnostic(str(self.accounts), 1, 1, Severity.ERROR, "site", "the plans could not be loaded")]

    def _load_all(self) -> None:
        result = load_portfolio(self.root)
        if not result.ok or result.settings is None:
            self.base = None
            return self._fail()
        self.base, self.errors = result, []
        self.plans = {Path(plan.file).name: plan for plan in result.plans}
        self.coverage, self.diagrams, self.sizes, self.findings, self.person_findings = {}, {}, {}, {}, {}
        self.own, self.files = {}, {}
        if self.options.history_root is not None:
            self.histories = history.for_plans(self.options.history_root, result.plans)
        self._render(None)

    def _load_some(self, changed: set[str], beside: set[str]) -> None:
        """Load the changed plan files again; `beside`: ids of plans whose notes or documents changed."""
        changed, self.broken = changed | self.broken, set()
        present = [self.accounts / name for name in changed if name in self.stamps and not name.startswith("_")]
        result = load_portfolio(self.root, present) if present else self.base
        if not result.ok:
            return self._fail()
        before = dict(self.plans)
        for path in changed:
            self.plans.pop(path, None)
        if result is not self.base:
            self.plans.update({Path(plan.file).name: plan for plan in result.plans})
        counts = Counter(plan.id for plan in self.plans.values())
        if any(n > 1 for n in counts.values()):
            return self._fail()  # a plan id twice: kam validate's lines say where
        self.errors = []
        touched = {plan.id for path, plan in self.plans.items() if before.get(path) is not plan}
        gone = [plan for path, plan in before.items() if self.plans.get(path) is not plan]
        new = [plan for plan in self.plans.values() if plan.id in touched]
        if self.histories is not None and new:
            missing = [plan for plan in new if plan.id not in self.histories]
            if missing:
                self.histories.update(history.for_plans(self.options.history_root, missing))
        people_named = set().union(*(named_people(plan) for plan in gone + new)) if gone or new else set()
        self._render(touched | beside | {plan.id for plan in gone}, people_named)

    # --- rendering ----------------------------------------------------------------------------

    def _render(self, touched: Optional[set[str]], people_named: Iterable[str] = ()) -> None:
        """Render the pages; `touched`: the plan ids that changed (None: everything)."""
        result = self.base
        result.plans = list(self.plans.values())
        portfolio = result.portfolio()
        language = portfolio.settings.site_languages[0]
        if language != self.language:  # the settings' language changed: every finding's words too
            self.memo.clear()
            self.report_memos.clear()
            self.language = language
        with i18n.use(language):
            self._render_pages(portfolio, touched, people_named)

    def _render_pages(self, portfolio, touched: Optional[set[str]], people_named: Iterable[str]) -> None:
        findings = checks.run_checks(portfolio, self.options.today, graphs=self.graphs, memo=self.memo)
        ctx = site.context(portfolio, findings, self.options)
        ids = {plan.id for plan in portfolio.plans}
        for plan in portfolio.plans:
            kept = self.coverage.get(plan.id)
            if kept is not None and kept[0] is plan:
                ctx._coverage[plan.id] = kept[1]
        self._diagrams(ctx, touched)
        ctx.sizes, ctx.histories, ctx.check_memos = self.sizes, self.histories, self.report_memos
        files: dict[str, Content] = {}
        for page in (portfolio_pages.home(ctx), portfolio_pages.dashboard(ctx), portfolio_pages.accounts_index(ctx)):
            files[page.uri] = page.markdown.encode("utf-8")
        self.own = {pid: own for pid, own in self.own.items() if pid in ids}
        for plan in portfolio.plans:
            mine = tuple(ctx.findings_by_account.get(plan.id, ()))
            if touched is None or plan.id in touched or self.findings.get(plan.id) != mine:
                own = {page.uri: page.markdown.encode("utf-8") for page in [account.build(plan, ctx)] +
                       documents.pages(plan, ctx)}
                self.own[plan.id] = {**own, **documents.files(plan, ctx), **self.diagrams.get(plan.id, {})}
                self.findings[plan.id] = mine
            files.update(self.own[plan.id])
        index = people.PeopleIndex(ctx)
        listing = people.index(ctx, index)
        files[listing.uri] = listing.markdown.encode("utf-8")
        named = set(people_named)
        for person in index.people():
            theirs = tuple(ctx.findings_by_person.get(person, ()))
            uri = person_page(person)
            kept = self.files.get(uri)
            if kept is None or touched is None or person in named or self.person_findings.get(person) != theirs:
                kept = people.person(ctx, index, person).markdown.encode("utf-8")
                self.person_findings[person] = theirs
            files[uri] = kept
        if touched is None:  # the quarterly reports: portfolio-wide and slow (checks at every quarter's end)
            files.update(self._reports(ctx))
        else:  # after an edit, reports() makes them again once the other pages are served
            files.update({uri: data for uri, data in self.files.items() if uri in self.report_uris})
            self.reports_due = ctx
        for uri in files:
            site.safe_site_path(uri)
        self.coverage = {plan.id: (plan, ctx.coverage(plan)) for plan in portfolio.plans}
        self.graphs = {k: v for k, v in self.graphs.items() if k in ids}
        self.files = files

    def _reports(self, ctx) -> dict[str, bytes]:
        made = {page.uri: page.markdown.encode("utf-8") for page in report_page.pages(ctx)}
        self.report_uris = set(made)
        return made

    def reports(self) -> bool:
        """Make the quarterly report pages again after an edit (False when none are due)."""
        ctx, self.reports_due = self.reports_due, None
        if ctx is None or self.errors:
            return False
        files = {uri: data for uri, data in self.files.items() if uri not in self.report_uris}
        with i18n.use(self.language):
            self.files = {**files, **self._reports(ctx)}
        return True

    def _diagrams(self, ctx, touched: Optional[set[str]]) -> None:
        """Render the diagrams of the changed plans (unchanged ones are kept, with their sizes)."""
        plans = [p for p in ctx.portfolio.plans if touched is None or p.id in touched]
        sources = {plan.id: account_people.diagram_sources(plan, ctx) for plan in plans}
        every = [source for by_uri in sources.values() for source in by_uri.values()]
        try:
            cache_dir = graphviz.writable(self.options.cache_dir)
            paths = graphviz.render_all(every, cache_dir, workers=self.options.workers, stats=self.stats)
        except graphviz.RenderError as exc:
            raise site.SiteError(str(exc)) from None
        current = {plan.id for plan in ctx.portfolio.plans}
        self.diagrams = {pid: d for pid, d in self.diagrams.items() if pid in current}
        for plan_id, by_uri in sources.items():
            self.diagrams[plan_id] = {site.safe_site_path(uri): paths[source] for uri, source in by_uri.items()}
            for uri, path in self.diagrams[plan_id].items():
                size = site.svg_size(path)
                if size:
                    self.sizes[uri] = size
