"""`kam serve`: the site on HOST:PORT, rebuilt within a second or two as plans change.

The pages come from generator/incremental.py (only what an edit touches is rendered again) and are
written, changed files only, into .cache/kam/serve/docs; MkDocs builds them there with the repository's
mkdocs.yml minus the kam plugin, in place (`dirty`: only the pages whose file changed), and the search
index is merged with the one of the earlier builds so it stays complete; the sitemap is always whole.
While the plans do not validate, every page is an error page with the lines `kam validate` prints;
each page reloads itself when a rebuild finishes.
"""

from __future__ import annotations

import http.server
import json
import logging
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import unquote, urlsplit

from . import pages, search_index, site, site_languages
from .diagnostics import format_text
from .incremental import Pages
from .rowcache import RowCache
from .render.context import output_url
from .render.escape import html

WORK = Path(".cache") / "kam" / "serve"
POLL_SECONDS = 0.1
VERSION_PATH = "/.kam/version"
RELOAD = ('<script>(function(){{var v="{version}";setInterval(function(){{fetch("{path}",{{cache:"no-store"}})'
          '.then(function(r){{return r.text()}}).then(function(t){{if(t!==v)location.reload()}})'
          '.catch(function(){{}})}},400)}})();</script>')
ERROR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The plans have errors</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}}pre{{white-space:pre-wrap;
background:#fdecea;padding:1rem;border-left:4px solid #c62828}}</style></head>
<body><h1>The plans have errors</h1>
<p>The site is shown again as soon as they are fixed: save the plan and this page reloads.
These are the lines <code>kam validate</code> prints:</p>
<pre>{lines}</pre></body></html>
"""

log = logging.getLogger("kam.serve")


class Site:
    """The build state the web server reads: the folder to serve, or the errors to show instead."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.version = 0
        self.errors: Optional[str] = None
        self.lock = threading.Lock()

    def publish(self, errors: Optional[str]) -> None:
        with self.lock:
            self.errors = errors
            self.version += 1


def error_page(errors: str) -> str:
    return ERROR_PAGE.format(lines="\n".join(html(line) for line in errors.splitlines()))


def serve_config(root: Path, work: Path) -> Path:
    """mkdocs.yml without the kam plugin, reading work/docs and writing work/site."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    config["plugins"] = [p for p in config.get("plugins") or [] if not (p == "kam" or (isinstance(p, dict) and "kam" in p))]
    config["docs_dir"], config["site_dir"] = str(work / "docs"), str(work / "site")
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def copy_user_docs(docs_dir: Path, out: Path) -> None:
    """The repository's own docs/ files (CSS, images), without kam's pages and its placeholder."""
    if not docs_dir.is_dir():
        return
    ours = pages.written_by_kam(docs_dir) | {pages.MANIFEST, pages.PLACEHOLDER}
    for path in docs_dir.rglob("*"):
        relative = path.relative_to(docs_dir).as_posix()
        if path.is_file() and relative not in ours:
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


class SearchIndex:
    """The search index of every page: a dirty build writes the entries of the pages it rebuilt only."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, str] = {}  # page URL -> its entries, as JSON (written as they are)
        self.config: dict = {}

    def merge(self, urls: set[str]) -> None:
        """Take the new entries, keep the others' for pages still in the site (`urls`), write it back."""
        try:
            index = json.loads(search_index.add_folded(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return
        self.config = index.get("config", self.config)
        fresh: dict[str, list] = {}
        for entry in index.get("docs", []):
            fresh.setdefault(entry.get("location", "").split("#", 1)[0], []).append(entry)
        compact = {"ensure_ascii": False, "separators": (",", ":")}
        self.entries.update((url, ",".join(json.dumps(e, **compact) for e in group)) for url, group in fresh.items())
        self.entries = {url: e for url, e in self.entries.items() if url in urls}
        docs = ",".join(group for group in self.entries.values() if group)
        self.path.write_text(f'{{"config":{json.dumps(self.config, **compact)},"docs":[{docs}]}}', encoding="utf-8")


class Server:
    """Rebuilds `root`'s site as accounts/ changes, and serves it (or the errors)."""

    def __init__(self, root: Path, options: site.Options, docs_dir: Path, work: Path):
        self.root, self.work = root, work
        self.pages = Pages(root, options)
        shutil.rmtree(work, ignore_errors=True)
        (work / "docs").mkdir(parents=True)
        copy_user_docs(docs_dir, work / "docs")
        self.config_file = serve_config(root, work)
        self.site = Site(work / "site")
        self.search = SearchIndex(work / "site" / "search" / "search_index.json")
        self.written: Optional[dict] = None
        self.rows = RowCache()
        self.built = False
        self.seconds: dict[str, float] = {}

    def step(self) -> Optional[float]:
        """One look at the plans; rebuild when they changed. Seconds it took, or None if nothing changed."""
        started = time.perf_counter()
        try:
            if not self.pages.refresh():
                return None
        except Exception as exc:  # noqa: BLE001 - a bug: shown on the page, the server goes on
            self.site.publish(f"{self.pages.accounts}:1:1: error: kam serve: internal error: "
                              f"{type(exc).__name__}: {exc} [internal]")
            return time.perf_counter() - started
        self.seconds = {"pages": time.perf_counter() - started}
        if self.pages.errors:
            self.site.publish(format_text(self.pages.errors))
            return time.perf_counter() - started
        try:
            written = time.perf_counter()
            pages.write(self.pages.files, self.work / "docs", self.written)
            self.written = dict(self.pages.files)
            self.seconds["write"] = time.perf_counter() - written
            self._mkdocs()
        except Exception as exc:  # noqa: BLE001 - shown on the page; the server goes on
            self.site.publish(f"{self.work / 'docs'}:1:1: error: the site could not be built: "
                              f"{type(exc).__name__}: {exc} [site]")
            self.built = False  # the next change builds the whole site again
            return time.perf_counter() - started
        self.site.publish(None)
        return time.perf_counter() - started

    def step_reports(self) -> Optional[float]:
        """After an edit's pages are served: the quarterly reports again (seconds at 1,000 accounts)."""
        started = time.perf_counter()
        try:
            if not self.pages.reports():
                return None
            pages.write(self.pages.files, self.work / "docs", self.written)
            self.written = dict(self.pages.files)
            self._mkdocs()
        except Exception as exc:  # noqa: BLE001 - shown on the page; the server goes on
            self.site.publish(f"{self.work / 'docs'}:1:1: error: the reports could not be built: "
                              f"{type(exc).__name__}: {exc} [site]")
            self.built = False
            return time.perf_counter() - started
        self.site.publish(None)
        return time.perf_counter() - started

    def _mkdocs(self) -> None:
        from material.plugins.search.plugin import SearchPlugin
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        started = time.perf_counter()
        config = load_config(config_file=str(self.config_file))
        config.plugins["kam-serve-rows"] = self.rows  # big pages: only changed table rows converted
        # the default language only (`mkdocs build` makes the others), set as the kam plugin does
        site_languages.configure(config, self.pages.language, (self.pages.language,), self.pages.plans.values(),
                                 SearchPlugin)
        build(config, dirty=self.built)
        self.built = True
        merged = time.perf_counter()
        directory_urls = self.pages.options.use_directory_urls
        urls = {output_url(uri, directory_urls) for uri in self.pages.files if uri.endswith(".md")}
        self.search.merge(urls)
        self.seconds.update(mkdocs=merged - started, search=time.perf_counter() - merged)


def handler(state: Site) -> type:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(state.folder), **kwargs)

        def log_message(self, *args) -> None:  # quiet: the terminal shows rebuilds
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            with state.lock:
                version, errors = str(state.version), state.errors
            if path == VERSION_PATH:
                return self._send(version.encode(), "text/plain")
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                target = target / "index.html"
            if errors is not None and (path.endswith("/") or path.endswith(".html")):
                return self._send(self._inject(error_page(errors), version).encode("utf-8"), "text/html", 500)
            if target.suffix == ".html" and target.is_file():
                text = target.read_text(encoding="utf-8", errors="replace")
                return self._send(self._inject(text, version).encode("utf-8"), "text/html")
            return super().do_GET()

        @staticmethod
        def _inject(text: str, version: str) -> str:
            script = RELOAD.format(version=version, path=VERSION_PATH)
            at = text.rfind("</body>")
            return text[:at] + script + text[at:] if at >= 0 else text + script

        def _send(self, body: bytes, kind: str, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def run(root: Path, options: site.Options, docs_dir: Path, host: str, port: int,
        say: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
        stop: Optional[threading.Event] = None) -> None:
    """Build, serve on host:port, and rebuild on every change until `stop` is set (or Ctrl-C)."""
    for name in ("mkdocs", "properdocs"):
        logging.getLogger(name).setLevel(logging.ERROR)  # a dirty build warns about itself each time
    root = root.resolve()
    server = Server(root, options, docs_dir.resolve(), root / WORK)
    say("kam serve: building the whole site once (the next builds take only what changed)")
    seconds = server.step()
    httpd = http.server.ThreadingHTTPServer((host, port), handler(server.site))
    threading.Thread(target=httpd.serve_forever, daemon=True, name="kam-http").start()
    say(f"kam serve: {'errors in the plans: shown on every page' if server.site.errors else 'built'} in "
        f"{seconds:.1f} s; serving http://{host}:{httpd.server_address[1]}/ (Ctrl-C stops)")
    stop = stop or threading.Event()
    try:
        while not stop.wait(POLL_SECONDS):
            seconds = server.step()
            if seconds is not None and server.site.errors:
                say(f"kam serve: the plans have errors (the browser shows them too):\n{server.site.errors.rstrip()}")
            elif seconds is not None:
                parts = ", ".join(f"{name} {value:.2f}" for name, value in server.seconds.items())
                say(f"kam serve: rebuilt in {seconds:.2f} s ({parts})")
                reports = server.step_reports()
                if reports is not None:
                    say(f"kam serve: quarterly reports rebuilt in {reports:.2f} s")
    finally:
        httpd.shutdown()
        httpd.server_close()
