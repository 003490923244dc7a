"""The MkDocs glue, and nothing else: load the plans, hand the generated
pages and diagrams to MkDocs, watch accounts/ when serving.

    plugins:
      - search
      - kam:
          today: 2026-11-20               # or env KAM_TODAY; default: the real date
          include_private: !ENV [KAM_INCLUDE_PRIVATE, false]   # only from the build's environment:
                                          # a committed `true` is refused (generator/audience.py)
          audience: team                  # or company (env KAM_AUDIENCE): no judgements on the customer's people
          root: .                         # the folder holding accounts/ (default: mkdocs.yml's)
          cache_dir: .cache/kam/svg       # rendered diagrams, by content hash
          history: true                   # each account page's git history (last change, trends);
                                          # env KAM_HISTORY=0 turns it off, KAM_HISTORY=1 on
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import tempfile
import time
from pathlib import Path

import pathspec

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import CountHandler
from mkdocs.structure.files import File, Files, InclusionLevel
from material.plugins.search.plugin import SearchPlugin

from . import audience, checks, i18n, pages, publish, search_index, site, site_languages
from .cache import linked
from .plaintext import safe_lines, safe_text
from .workspace import ACCOUNTS_DIR, plan_files

log = logging.getLogger("mkdocs.plugins.kam")

PROGRESS_MIN_ACCOUNTS = 100  # smaller sites build in a few seconds: no progress lines

# The language of the tree being built, while the default tree's build runs another language's
# build (on_post_build): that build's plugin writes in it, into the default tree's staging folder.
_building_language = None
_run_started = 0.0  # when the default tree's build began: the further trees' diagrams are used since

class Flag(c.BaseConfigOption[bool]):
    """true/false, also as the text of an environment variable (1, yes, on ...)."""

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value) -> bool:
        try:
            return site.flag(value, self.default)
        except site.SiteError:
            raise c.ValidationError(f"expected true or false, got {value!r}") from None


class KamConfig(base.Config):
    root = c.Optional(c.Type(str))
    today = c.Optional(c.Type((str, dt.date)))
    include_private = Flag()
    cache_dir = c.Optional(c.Type(str))
    workers = c.Type(int, default=2)
    history = Flag(default=True)
    audience = c.Optional(c.Choice(audience.AUDIENCES))


def progress_logger(accounts: int, environ=os.environ):
    """INFO lines at every ~10 % of each stage of a long build (plans, diagrams, pages); None when
    the portfolio is small or in CI."""
    if accounts <= PROGRESS_MIN_ACCOUNTS or environ.get("CI"):
        return None
    shown: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if tenth > shown.get(stage, 0):
            shown[stage] = tenth
            log.info(f"kam: {stage} {done}/{total}")
    return report


class KamPlugin(BasePlugin[KamConfig]):
    portfolio = None
    built = None
    root: Path = Path(".")
    dirty = False
    _ours: frozenset = frozenset()  # docs/ files `kam pages` wrote
    staging = None  # the folder the site is built in, moved to site_dir when complete (generator/publish.py)
    command = "build"
    languages: tuple[str, ...] = (i18n.DEFAULT,)
    language = i18n.DEFAULT
    _language_before = None  # the process's language before this build set its own, back at shutdown

    def on_startup(self, command, dirty):
        self.dirty = dirty  # `mkdocs build --dirty` builds on top of site/: nothing to swap
        self.command = command

    # Before the search plugin's on_config: it takes its defaults (separator, pipeline) from
    # theme.language, which the portfolio's settings set here.
    @event_priority(100)
    def on_config(self, config):
        # Load and validate first: invalid plans stop the build before site/ is touched.
        self.root = Path(self.config.root or Path(config.config_file_path or "mkdocs.yml").parent).resolve()
        try:
            self.today = site.today_from(self.config.today)
            self.history = site.history_wanted(self.config.history)
            self.audience = audience.audience_from(self.config.audience, os.environ)
            self.include_private = audience.private_opt_in(self.config.include_private, self.audience, os.environ)
            accounts = self.root / ACCOUNTS_DIR
            self.progress = progress_logger(len(plan_files(accounts)) if accounts.is_dir() else 0)
            self.portfolio = site.load(self.root, self.progress)
        except (site.SiteError, audience.AudienceError) as exc:
            raise PluginError(safe_lines(str(exc))) from None
        self._set_language(config)
        # docs/README.md says what to run to a builder that does not run this plugin (pages.PLACEHOLDER):
        # here the generated home page takes its place, without MkDocs' warning about the two.
        config.exclude_docs = (config.exclude_docs or pathspec.GitIgnoreSpec.from_lines([])) + \
            pathspec.GitIgnoreSpec.from_lines([f"/{pages.PLACEHOLDER}"])
        self._ours = pages.written_by_kam(Path(config.docs_dir))
        if not self.dirty and _building_language is None:  # another language's tree: inside the default's staging
            self.site_dir = config.site_dir
            self.staging = publish.staging_for(Path(config.site_dir))
            config.site_dir = str(self.staging)
        return config

    def on_files(self, files: Files, config) -> Files:
        cache = Path(self.config.cache_dir) if self.config.cache_dir else site.DEFAULT_CACHE
        if not cache.is_absolute() and linked(self.root, cache):  # a committed link: a private cache
            cache = Path(tempfile.mkdtemp(prefix="kam-svg-"))
        options = site.Options(self.today, self.include_private, config.use_directory_urls,
                               cache if cache.is_absolute() else self.root / cache, max(1, self.config.workers),
                               audience=self.audience, history_root=self.root if self.history else None,
                               background=True, prune_unused_since=self._prune_unused_since())
        try:
            findings = checks.run_checks(self.portfolio, self.today)
            built = site.build(self.portfolio, findings, options, self.progress)
        except site.SiteError as exc:
            raise PluginError(safe_lines(str(exc))) from None
        except Exception as exc:  # a bug: one clear line, the traceback with `mkdocs build -v`
            log.debug("kam: building the pages failed", exc_info=True)
            raise PluginError(f"kam: internal error while building the pages: {type(exc).__name__}: "
                              f"{safe_text(str(exc))}") from None
        listed = {"index.md", "dashboard.md", "accounts/index.md", "people/index.md"}
        made = [File.generated(config, page.uri, content=page.markdown,
                               inclusion=InclusionLevel.UNDEFINED if page.uri in listed else InclusionLevel.NOT_IN_NAV)
                for page in built.pages]
        made += [File.generated(config, uri, abs_src_path=str(path))
                 for uri, path in {**built.diagrams, **built.documents}.items()]
        files = self._replace(files, made)
        self.built = built
        # The plans' models and pages stay alive for the whole build: keep them out of the
        # collector's full passes, which MkDocs triggers often (1,000 accounts: -2 s).
        gc.freeze()
        return files

    # The diagrams render while MkDocs converts the Markdown (Options.background); they must be
    # in place before MkDocs copies them (after on_env), and their sizes go into each page's HTML.
    def on_env(self, env, config, files):
        built = self.built
        if built is None:
            return env
        try:
            built.wait()
        except site.SiteError as exc:
            raise PluginError(safe_lines(str(exc))) from None
        log.info(f"kam: {len(self.portfolio.plans)} accounts, {len(built.pages)} pages, {len(built.diagrams)} "
                 f"diagrams ({built.stats.rendered} rendered, {built.stats.cached} from the cache) in "
                 f"{sum(built.seconds.values()):.2f} s")
        return env

    def on_post_page(self, output, page, config):
        output = site_languages.with_page_labels(output)
        return self.built.finish(output) if self.built is not None else output

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config):
        gc.unfreeze()  # `mkdocs serve`: the next build's collections may free this one's objects
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            index.write_text(search_index.add_folded(index.read_text(encoding="utf-8")), encoding="utf-8")
        if _building_language is None and len(self.languages) > 1 and self.command != "serve":
            self._build_other_languages(config)
        self._restore_language()
        if self.staging is None:
            return
        counted = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
        if config.strict and any(h.get_counts() for h in counted):
            return  # MkDocs aborts this build next (on_build_error discards it)
        publish.publish(self.staging, Path(self.site_dir))
        config.site_dir, self.staging = self.site_dir, None

    def _restore_language(self) -> None:
        """The process's language as before this build (tests and `kam` commands build in-process)."""
        if self._language_before is not None:
            i18n.set_language(self._language_before)
            self._language_before = None

    def on_build_error(self, error):
        self._restore_language()
        if self.staging is not None:  # the previous site stays as it was
            publish.discard(self.staging)
            self.staging = None

    def _set_language(self, config) -> None:
        """The tree's language for kam's words, Material's interface, the switcher and the search index."""
        global _run_started
        settings = self.portfolio.settings
        if _building_language is None:
            _run_started = time.time()
        if self._language_before is None:
            self._language_before = i18n.current()
        self.languages = settings.site_languages
        self.language = _building_language or self.languages[0]
        i18n.set_language(self.language)
        site_languages.configure(config, self.language, self.languages, self.portfolio.plans, SearchPlugin)

    def _prune_unused_since(self):
        """With several languages only the last tree's build prunes the diagram cache, of what no tree of
        this run used (site.Options.prune_unused_since); one language: as always."""
        if len(self.languages) == 1 or self.command == "serve":
            return None
        return _run_started if self.language == self.languages[-1] else False

    def _build_other_languages(self, config) -> None:
        """Each further language's tree, built into the default tree's staging folder (published with it).
        `mkdocs serve` shows the default language only: a rebuild per edit stays one build."""
        global _building_language
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        for code in self.languages[1:]:
            log.info(f"kam: building the {i18n.LANGUAGES[code]} ({code}) site")
            _building_language = code
            try:
                other = load_config(config.config_file_path, site_dir=str(Path(config.site_dir) / code),
                                    strict=config.strict, use_directory_urls=config.use_directory_urls)
                other.plugins.on_startup(command="build", dirty=False)
                build(other)
                other.plugins.on_shutdown()
            finally:
                _building_language = None

    def _replace(self, files: Files, made: list[File]) -> Files:
        """docs/ files with the generated ones in place of those of the same name, and without what an
        earlier `kam pages` wrote for plans that are gone (one pass: 3,000 files.remove() calls took ~1 s)."""
        generated = {file.src_uri for file in made}
        for uri in sorted(generated - self._ours):
            if files.get_file_from_path(uri) is not None:  # the user's own file, not one `kam pages` wrote
                log.info(f"kam: the generated {safe_text(uri)} replaces the one in docs/")
        kept = [file for file in files if file.src_uri not in generated and file.src_uri not in self._ours]
        return Files(kept + made)

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / ACCOUNTS_DIR))
        return server
