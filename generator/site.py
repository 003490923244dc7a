"""The site as plain functions of the plans: no MkDocs in here.

    load(root)                        -> Portfolio, or SiteError with `kam validate`'s lines
    build(portfolio, findings, opts)  -> Site: Markdown pages + SVG files (rendered, cached)

generator/plugin.py hands the result to MkDocs; another site builder that
reads Markdown could take it as well.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Optional, Sequence

from . import documents as account_files, health, history
from .audience import TEAM, for_audience
from .cache import STALE_SECONDS, prune
from .diagnostics import format_text, summary_line
from .model import Portfolio
from .render import account, account_people, documents, graphviz, people, portfolio as portfolio_pages, report_page
from .render.context import Context, Page
from .workspace import YAML_SUFFIXES, UsageError, load_portfolio

DEFAULT_CACHE = Path(".cache") / "kam" / "svg"

Progress = Callable[[str, int, int], None]  # (stage: plans, diagrams or pages; done; total)


class SiteError(Exception):
    """The site cannot be built; the message is what the user should read."""


@dataclass(frozen=True)
class Options:
    today: dt.date
    include_private: bool = False
    use_directory_urls: bool = True
    cache_dir: Path = DEFAULT_CACHE
    workers: int = 2
    audience: str = TEAM  # generator/audience.py
    history_root: Optional[Path] = None  # the folder holding accounts/, to read git history from; None: no history
    # Render the diagrams while the caller goes on (MkDocs converting Markdown): the pages then hold a
    # marker where each diagram's size goes, and Site.finish(html) puts the sizes in after Site.wait().
    background: bool = False
    # When the cache drops the diagrams this build does not show: None, those unused for an hour; a time
    # (the start of a multi-language build, whose trees touched theirs since), those unused since then
    # too; False, never (a tree that is not the last of a multi-language build).
    prune_unused_since: Optional[float] | bool = None


def used(paths) -> None:
    """Mark the cached diagrams this build shows as just used: the cache keeps what any build used in
    the last hour (cache.prune), so a site in two languages, or two audiences, keeps both sets."""
    now = time.time()
    for path in paths:
        try:
            os.utime(path, (now, now))
        except OSError:  # not drawn yet (rendered next), or a read-only cache
            pass


@dataclass
class Site:
    pages: list[Page]
    diagrams: dict[str, Path]  # site path -> SVG file (in the cache)
    stats: graphviz.RenderStats = field(default_factory=graphviz.RenderStats)
    seconds: dict[str, float] = field(default_factory=dict)
    pending: Optional[Future] = None  # the diagrams being rendered (Options.background)
    marker: str = ""  # the attribute standing for a diagram's size until they are rendered
    documents: dict[str, Path] = field(default_factory=dict)  # site path -> an account's document, copied as it is

    def wait(self) -> None:
        """Block until every diagram is rendered (Options.background); SiteError when one failed."""
        if self.pending is None:
            return
        started = time.perf_counter()
        try:
            self.pending.result()
        except graphviz.RenderError as exc:
            raise SiteError(str(exc)) from None
        finally:
            self.pending = None
            self.seconds["diagrams (waited for)"] = time.perf_counter() - started

    def finish(self, html: str) -> str:
        """A page's HTML with each size marker replaced by its diagram's size (after wait())."""
        if not self.marker or self.marker not in html:
            return html
        return re.sub(f' {self.marker}="([^"]*)"',
                      lambda m: account_people.size_style(svg_size(self.diagrams[m.group(1)])), html)


def _stage(progress: Optional[Progress], stage: str):
    return (lambda done, total: progress(stage, done, total)) if progress else None


def load(root: Path, progress: Optional[Progress] = None) -> Portfolio:
    """The validated portfolio under `root`, or SiteError carrying the diagnostics."""
    try:
        result = load_portfolio(root, progress=_stage(progress, "plans"))
    except UsageError as exc:
        raise SiteError(str(exc)) from None
    portfolio = result.portfolio()
    if not result.ok or portfolio is None:
        lines = format_text(result.diagnostics)
        raise SiteError(f"the plans have errors; fix them and build again:\n{lines}"
                        f"{summary_line(result.diagnostics, result.files)}")
    return portfolio


def safe_site_path(uri: str) -> str:
    """`uri` if it stays inside the site folder; raise otherwise (defence in depth)."""
    path = PurePosixPath(uri)
    if path.is_absolute() or ".." in path.parts or "\\" in uri or not uri or uri != str(path):
        raise SiteError(f"refusing to write a generated file outside the site: {uri!r}")
    return uri


def context(portfolio: Portfolio, findings: Sequence, options: Options) -> Context:
    """The render context for the options' audience (its portfolio redacted for the company audience),
    with each account's notes and documents."""
    portfolio, findings = for_audience(portfolio, findings, options.audience)
    ctx = Context(portfolio, options.today, findings, options.include_private and options.audience == TEAM,
                  options.use_directory_urls, audience=options.audience)
    ctx.account_files = {plan.id: account_files.scan(Path(plan.file), plan.file) for plan in portfolio.plans
                         if plan.file.endswith(YAML_SUFFIXES)}
    return ctx


def diagram_sources(ctx: Context) -> dict[str, str]:
    """Every diagram's DOT source, by site path."""
    sources: dict[str, str] = {}
    for plan in ctx.portfolio.plans:
        sources.update(account_people.diagram_sources(plan, ctx))
    return sources


def pages(ctx: Context, progress: Optional[Progress] = None) -> list[Page]:
    """Every page's Markdown (diagrams are sized from ctx.sizes when known)."""
    out = [portfolio_pages.home(ctx), portfolio_pages.dashboard(ctx), portfolio_pages.accounts_index(ctx)]
    plans = ctx.portfolio.plans
    for done, plan in enumerate(plans, 1):
        out.append(account.build(plan, ctx))
        out += documents.pages(plan, ctx)
        if progress:
            progress("pages", done, len(plans))
    index = people.PeopleIndex(ctx)
    out.append(people.index(ctx, index))
    out += [people.person(ctx, index, person_id) for person_id in index.people()]
    out += report_page.pages(ctx)
    return out


_SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"', re.S)


def svg_size(path: Path) -> Optional[tuple[int, int]]:
    """The CSS pixel size Graphviz gave an SVG (it writes points)."""
    with open(path, "rb") as handle:
        match = _SVG_SIZE.search(handle.read(4096))
    if not match:
        return None
    return round(float(match.group(1)) * 4 / 3), round(float(match.group(2)) * 4 / 3)


def build(portfolio: Portfolio, findings: Sequence, options: Options, progress: Optional[Progress] = None) -> Site:
    """Render the diagrams (those not in the cache, in parallel), then write the pages."""
    started = time.perf_counter()
    ctx = context(portfolio, findings, options)
    sources = diagram_sources(ctx)
    for uri in sources:
        safe_site_path(uri)
    stats, pending = graphviz.RenderStats(), None
    names = {source: f"the diagram {uri} of account '{PurePosixPath(uri).parent.name}'"
             for uri, source in sources.items()}
    try:
        cache_dir = graphviz.writable(options.cache_dir)
        files = graphviz.cached_paths(sources.values(), cache_dir)
        used(files.values())

        def render() -> None:  # then drop the diagrams this site no longer shows (older versions)
            graphviz.render_all(sources.values(), cache_dir, workers=options.workers, stats=stats,
                                progress=_stage(progress, "diagrams"), names=names)
            if options.prune_unused_since is not False:
                older = STALE_SECONDS if options.prune_unused_since is None else \
                    max(STALE_SECONDS, time.time() - options.prune_unused_since)
                prune(cache_dir, {path.name for path in files.values()}, older_than=older)

        if options.background and not all(path.is_file() for path in files.values()):
            runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kam-diagrams")
            pending = runner.submit(render)
            runner.shutdown(wait=False)  # the render goes on; Site.wait() waits for it
        else:
            render()
    except graphviz.RenderError as exc:
        raise SiteError(str(exc)) from None
    diagrams = {uri: files[source] for uri, source in sources.items()}
    if pending is not None:
        ctx.size_marker = f"data-kam-size-{secrets.token_hex(8)}"
    else:
        ctx.sizes = {uri: size for uri, path in diagrams.items() if (size := svg_size(path))}
    rendered = time.perf_counter()
    if options.history_root is not None:  # one git log for all plans (generator/history.py); the plans as
        # written, not as an audience sees them: the history cache is shared by every audience's build
        ctx.histories = history.for_plans(options.history_root, portfolio.plans)
        ctx.trends = health.trends(options.history_root, portfolio, ctx.histories, options.today, findings)
    read = time.perf_counter()
    page_list = pages(ctx, progress)
    copied = {uri: path for plan in portfolio.plans for uri, path in documents.files(plan, ctx).items()}
    for uri in [page.uri for page in page_list] + list(copied):
        safe_site_path(uri)
    return Site(page_list, diagrams, stats, {"diagrams": rendered - started, "history": read - rendered,
                                             "pages": time.perf_counter() - read}, pending, ctx.size_marker,
                copied)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


def flag(value, default: bool, name: str = "the option") -> bool:
    """true/false, also as the text of an environment variable (1, yes, on ...); SiteError otherwise."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise SiteError(f"{name}: expected true or false, got {value!r}")


def history_wanted(option, environ: Optional[dict] = None) -> bool:
    """The `history` option (default true), unless KAM_HISTORY says otherwise."""
    value = (os.environ if environ is None else environ).get("KAM_HISTORY", "").strip()
    if not value:
        return flag(option, True, "history")
    try:
        return flag(value, True)
    except SiteError:
        raise SiteError(f"KAM_HISTORY must be true or false (1/0, yes/no, on/off); got {value!r}") from None


def today_from(value, environ: Optional[dict] = None) -> dt.date:
    """The date a build judges 'overdue' by: the option, else KAM_TODAY, else today."""
    environ = os.environ if environ is None else environ
    value = value or environ.get("KAM_TODAY") or None
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SiteError(f"today must be a date, YYYY-MM-DD; got {value!r}") from None
