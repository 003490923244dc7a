"""The page writer: the site's generated Markdown and SVG files as a folder any MkDocs-like builder reads.

    generate(root, settings)  -> {site path: bytes or SVG file}: every generated file of the site
    write(files, out)         -> Written: only files whose content changed are touched, and the files
                                 an earlier run wrote that no longer belong are removed

`kam pages`, `kam serve` and the MkDocs plugin all take their pages from generate(), so there is one
way pages are produced. What the writer wrote is listed in <out>/.kam-pages: a file it did not write
is never overwritten or removed (the user's own docs/ files stay theirs).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from . import audience as audiences, site
from .cache import linked
from .files import write_whole

MANIFEST = ".kam-pages"
MANIFEST_HEADER = "# Files written by `kam pages` (do not edit): it replaces and removes only these.\n"
PLACEHOLDER = "README.md"  # docs/README.md: the home page a builder shows when it did not get kam's pages

Content = Union[bytes, Path]  # a page's bytes, or the (cached) SVG file to copy


@dataclass(frozen=True)
class Settings:
    """The `kam` plugin's options in mkdocs.yml, and where the builder reads and writes."""

    options: site.Options
    docs_dir: Path
    site_dir: Path


@dataclass
class Written:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def read_settings(root: Path, today: Optional[dt.date] = None) -> Settings:
    """The kam plugin's options, docs_dir and site_dir from root/mkdocs.yml (defaults without one)."""
    try:
        from mkdocs.utils.yaml import yaml_load  # understands !ENV, as MkDocs does
    except ImportError:
        raise site.SiteError("the site builder is not installed: pip install 'kam-plans[site]'") from None

    config: dict = {}
    path = root / "mkdocs.yml"
    if path.is_file():
        try:
            with open(path, encoding="utf-8") as handle:
                config = yaml_load(handle) or {}
        except Exception as exc:  # noqa: BLE001 - any YAML or !ENV problem is the user's to fix
            raise site.SiteError(f"{path}: cannot read it: {exc}") from None
    plugin = next((p["kam"] for p in config.get("plugins") or [] if isinstance(p, dict) and "kam" in p), None) or {}
    cache = Path(plugin.get("cache_dir") or site.DEFAULT_CACHE)
    if not cache.is_absolute() and linked(root, cache):  # a committed link: a private cache, as the plugin does
        cache = Path(tempfile.mkdtemp(prefix="kam-svg-"))
    try:
        who = audiences.audience_from(plugin.get("audience"), os.environ)
        private = audiences.private_opt_in(site.flag(plugin.get("include_private"), False, "include_private"), who,
                                           os.environ)
    except audiences.AudienceError as exc:
        raise site.SiteError(str(exc)) from None
    options = site.Options(
        today or site.today_from(plugin.get("today")),
        include_private=private, audience=who,
        use_directory_urls=site.flag(config.get("use_directory_urls"), True, "use_directory_urls"),
        cache_dir=cache if cache.is_absolute() else root / cache,
        workers=max(1, int(plugin.get("workers") or 2)),
        history_root=root if site.history_wanted(plugin.get("history")) else None)
    return Settings(options, root / str(config.get("docs_dir") or "docs"), root / str(config.get("site_dir") or "site"))


def generate(root: Path, options: site.Options, progress: Optional[site.Progress] = None) -> dict[str, Content]:
    """Every generated file of the site under `root`, by its path in the docs folder (SiteError on bad plans),
    in the site's default language (another builder's own translations are its business)."""
    from . import checks, i18n

    portfolio = site.load(root, progress)
    with i18n.use(portfolio.settings.site_languages[0]):
        built = site.build(portfolio, checks.run_checks(portfolio, options.today), options, progress)
        return files_of(built)


def files_of(built: site.Site) -> dict[str, Content]:
    built.wait()
    files: dict[str, Content] = {page.uri: page.markdown.encode("utf-8") for page in built.pages}
    files.update(built.diagrams)
    files.update(built.documents)  # the accounts' documents that are copied as they are
    return files


def _manifest(out: Path) -> set[str]:
    try:
        text = (out / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def _bytes(content: Content) -> bytes:
    return content.read_bytes() if isinstance(content, Path) else content


def _same(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def _replace(target: Path, data: bytes) -> None:
    write_whole(target, data, prefix=".kam-")  # a builder reading the folder never sees half a page


def write(files: dict[str, Content], out: Path, previous: Optional[dict[str, Content]] = None) -> Written:
    """Bring `out` in line with `files`: write the changed ones, remove the ones this writer wrote
    before that are gone; refuse (SiteError) to overwrite a file it did not write.

    `previous`: what this process wrote into `out` last time (`kam serve`): a file with the same
    content as then is taken as unchanged without reading it again."""
    for uri in files:
        site.safe_site_path(uri)
    out.mkdir(parents=True, exist_ok=True)
    ours, result = (set(previous) if previous is not None else _manifest(out)), Written()
    previous = previous or {}
    todo = {uri: content for uri, content in files.items() if previous.get(uri) != content}
    foreign = sorted(uri for uri, content in todo.items()
                     if uri not in ours and (out / uri).exists() and not _same(out / uri, _bytes(content)))
    if foreign:
        raise site.SiteError(f"{out / foreign[0]} was not written by kam pages and would be replaced by a "
                             f"generated page ({len(foreign)} such file(s)): move them out of {out}, then run again")
    result.unchanged = len(files) - len(todo)
    for uri, content in sorted(todo.items()):
        target, data = out / uri, _bytes(content)
        if _same(target, data):
            result.unchanged += 1
            continue
        _replace(target, data)
        result.written.append(uri)
    for uri in sorted(ours - files.keys()):
        site.safe_site_path(uri)
        try:
            (out / uri).unlink()
            result.removed.append(uri)
        except FileNotFoundError:
            pass
        _remove_empty_parents(out, out / uri)
    if result.written or result.removed or not (out / MANIFEST).exists():
        _replace(out / MANIFEST, (MANIFEST_HEADER + "".join(f"{uri}\n" for uri in sorted(files))).encode("utf-8"))
    return result


def _remove_empty_parents(out: Path, path: Path) -> None:
    parent = path.parent
    while parent != out and out in parent.parents:
        try:
            parent.rmdir()
        except OSError:
            return
        parent = parent.parent


def written_by_kam(out: Path) -> set[str]:
    """The files of `out` that the writer wrote (so the plugin replaces them without a word)."""
    return _manifest(out)
