"""`make bench`: kam on N = 100 and N = 1,000 synthetic accounts, against plain tools.

    python -m generator.bench [--sizes 100 1000] [--repeat 5 3] [--workdir DIR]

A benchmark, not a test: it prints a Markdown table of medians. Each figure
is set beside a reference measured in the same run on the same files, and
the ratio is what counts on a shared machine:

- `kam validate` (cold cache, then warm) against PyYAML's C loader alone
  parsing the same YAML files in one process;
- `mkdocs build` with the kam plugin (cold caches, then after one plan
  changed) against a plain `mkdocs build` of exactly the pages the plugin
  produced: the generated Markdown and SVG files exported into a docs
  folder, the same mkdocs.yml minus the kam plugin.

Within each repetition a measured command and its reference run one after
the other, so the machine's noise hits both. Every command runs as its own
process; its peak memory is the largest resident set among it and its
children (os.wait4). The progress counters are quiet (CI=1).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

CACHE = Path(".cache") / "kam"
OTHER_BUILDER = "properdocs"  # the other MkDocs-compatible builder (zensical where it works: --other-builder)
PLAIN = "plain"  # the reference site's folder, beside the demo repository
EDIT_MARK = "summary: >-\n"
PARSE_SCRIPT = ("import sys, pathlib, yaml\n"
                "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
                "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n")


@dataclass(frozen=True)
class Figure:
    """One row of the table: what is measured, its reference, and the target ratio."""

    key: str
    label: str
    reference: Optional[str] = None
    target: Optional[float] = None


FIGURES = (
    Figure("validate_cold", "kam validate, cold cache", "parse", 1.5),
    Figure("validate_warm", "kam validate, warm cache", "parse", 0.25),
    Figure("check", "kam check (after validate)"),
    Figure("build_cold", "site build, cold caches", "plain", 1.5),
    Figure("build_translated", "site build in Finnish (`language: fi`), cold caches", "build_cold", 1.1),
    Figure("rebuild", "site rebuild, one plan changed", "plain", 1.15),
    Figure("edit_to_view", "kam serve: edit to view (plan saved -> new page served)", None, None),
    Figure("other_builder", f"{OTHER_BUILDER} build of the same repository (kam plugin), warm caches"),
    Figure("parse", "reference: C loader parse of the same YAML"),
    Figure("plain", "reference: plain mkdocs build, same pages"),
)
MAX_GROWTH = 11.0
EDIT_TO_VIEW_SECONDS = 2.0
EDITS = 5  # edits per repetition, for the edit-to-view median
REPORTS_SECONDS = 4.0  # after an edit kam serve makes the quarterly reports again (~2 s at N=1,000)
MAX_MEMORY_MB = 1024


@dataclass
class Run:
    seconds: float
    max_rss_mb: float


@dataclass
class Result:
    accounts: int
    times: dict[str, list[float]] = field(default_factory=dict)
    memory_mb: dict[str, float] = field(default_factory=dict)  # figure -> peak over its runs

    def add(self, key: str, run: Run) -> None:
        self.times.setdefault(key, []).append(run.seconds)
        self.memory_mb[key] = max(self.memory_mb.get(key, 0.0), run.max_rss_mb)

    def median(self, key: str) -> float:
        return statistics.median(self.times[key])

    def peak_mb(self, kam_only: bool = True) -> float:
        keys = [f.key for f in FIGURES if f.reference is not None or f.key == "check"] if kam_only else self.memory_mb
        return max((self.memory_mb[k] for k in keys if k in self.memory_mb), default=0.0)


# --- running one command --------------------------------------------------------------------

def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAM_")}
    env.update(CI="1", NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    return env


def timed(command: list[str], cwd: Path) -> Run:
    """Run `command` to its end; wall time and the peak RSS of its process tree (the largest process)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd} (exit status {process.returncode}):\n"
                           f"{stderr.decode('utf-8', 'replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)  # Linux: kilobytes


def kam(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def mkdocs_build() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet"]


def parse_files() -> list[str]:
    return [sys.executable, "-c", PARSE_SCRIPT, "accounts"]


def clear(root: Path, *relative: Path | str) -> None:
    for item in relative:
        shutil.rmtree(root / item, ignore_errors=True)


# --- the repositories -----------------------------------------------------------------------

def make_portfolio(directory: Path, accounts: int, seed: int = 1) -> Path:
    """A fresh `kam demo` repository of `accounts` plans in `directory`."""
    from .demo import write_demo

    shutil.rmtree(directory, ignore_errors=True)
    write_demo(directory, accounts, seed=seed)
    return directory


def export_plain(root: Path, out: Path) -> int:
    """Write the site the kam plugin generates for `root` as a plain MkDocs project in `out`:
    every generated page and SVG in out/docs, root's own docs/ files, root's mkdocs.yml without
    the kam plugin. Returns the number of files exported."""
    import yaml
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    from mkdocs.utils.yaml import yaml_load

    shutil.rmtree(out, ignore_errors=True)
    (out / "docs").mkdir(parents=True)
    here = Path.cwd()
    os.chdir(root)  # the plugin resolves its paths like `mkdocs build` run in root
    try:
        config = load_config(str(root / "mkdocs.yml"))
        config = config.plugins.on_config(config)  # every plugin's hooks, as in a build
        files = config.plugins.on_files(Files([]), config=config)
        built = config.plugins["kam"].built
        built.wait()  # the diagrams render in the background; the pages then get their sizes
    finally:
        os.chdir(here)
    for file in files:
        target = out / "docs" / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = file.content_bytes
        if file.src_uri.endswith(".md"):
            content = built.finish(content.decode("utf-8")).encode("utf-8")
        target.write_bytes(content)
    source_docs = root / "docs"
    if source_docs.is_dir():
        # without the placeholder home page, which the plugin leaves out too (generator/pages.py)
        shutil.copytree(source_docs, out / "docs", dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        settings = yaml_load(handle)
    settings["plugins"] = [p for p in settings.get("plugins", [])
                           if not (p == "kam" or (isinstance(p, dict) and "kam" in p))]
    (out / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return len(files)


def other_build(builder: str) -> list[str]:
    return [str(Path(sys.executable).parent / builder), "build"] + (["--clean", "--quiet"] if builder != "zensical" else [])


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def edit_to_view(root: Path, edits: int, log=print, timeout: float = 120.0) -> list[float]:
    """Start `kam serve` on `root`, then edit one plan `edits` times; for each, the seconds from the
    file write to the account page served with the edit in it."""
    port = free_port()
    server = subprocess.Popen(kam("serve", "-a", f"127.0.0.1:{port}"), cwd=root, env=environment(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    plan = first_plan(root)
    page = f"http://127.0.0.1:{port}/accounts/{plan.stem}/"
    original, seconds = plan.read_bytes(), []
    try:
        deadline = time.perf_counter() + 600
        while "<html" not in fetch(page):
            if server.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"kam serve did not start in {root}")
            time.sleep(0.2)
        for n in range(edits):
            mark = f"edit-{n}-{time.time_ns()}"
            started = time.perf_counter()
            edit_plan(plan, mark)
            while mark not in fetch(page):
                if time.perf_counter() - started > timeout:
                    raise RuntimeError(f"the edit did not show on {page} within {timeout:.0f} s")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - started)
            plan.write_bytes(original)
            while mark in fetch(page) and time.perf_counter() - started < timeout:
                time.sleep(0.05)
            time.sleep(REPORTS_SECONDS)  # the next edit finds the server idle (the reports follow each edit)
    finally:
        plan.write_bytes(original)
        server.terminate()
        server.wait(timeout=30)
    return seconds


def first_plan(root: Path) -> Path:
    return next(p for p in sorted((root / "accounts").glob("*.yaml")) if not p.name.startswith("_"))


def edit_plan(path: Path, mark: str) -> bytes:
    """Change one plan as a person would (a sentence added to its summary); returns the old bytes."""
    before = path.read_bytes()
    text = before.decode("utf-8")
    if EDIT_MARK not in text:
        raise RuntimeError(f"{path}: no '{EDIT_MARK.strip()}' to edit")
    path.write_text(text.replace(EDIT_MARK, f"{EDIT_MARK}  Edited for the benchmark ({mark}).\n", 1),
                    encoding="utf-8")
    return before


# --- one size ---------------------------------------------------------------------------------

def measure(root: Path, repeat: int, log=print, edits: int = EDITS) -> Result:
    """Every figure for the portfolio in `root`, `repeat` times, each beside its reference."""
    result = Result(len([p for p in (root / "accounts").glob("*.yaml") if not p.name.startswith("_")]))
    plain = root.parent / f"{root.name}-{PLAIN}"
    log(f"N={result.accounts}: exporting the generated pages for the plain mkdocs reference")
    export_plain(root, plain)
    for rep in range(1, repeat + 1):
        result.add("parse", timed(parse_files(), root))
        clear(root, CACHE)
        result.add("validate_cold", timed(kam("validate"), root))
        result.add("validate_warm", timed(kam("validate"), root))
        result.add("check", timed(kam("check"), root))
        result.add("plain", timed(mkdocs_build(), plain))
        clear(root, CACHE, "site")
        result.add("build_cold", timed(mkdocs_build(), root))
        plan = first_plan(root)
        before = edit_plan(plan, f"run {rep}")
        try:
            result.add("plain", timed(mkdocs_build(), plain))
            result.add("rebuild", timed(mkdocs_build(), root))
        finally:
            plan.write_bytes(before)
        for seconds in edit_to_view(root, edits, log):
            result.add("edit_to_view", Run(seconds, 0.0))
        result.add("other_builder", timed(other_build(OTHER_BUILDER), root))
        settings = root / "accounts" / "_portfolio.yaml"
        english = settings.read_bytes()
        try:  # the same site in another language: the catalog's lookups and the locale's formats
            settings.write_bytes(english + b"\nlanguage: fi\n")
            clear(root, CACHE, "site")  # last: the figures above read the English caches
            result.add("build_translated", timed(mkdocs_build(), root))
        finally:
            settings.write_bytes(english)
        log(f"N={result.accounts}: run {rep}/{repeat}: " +
            ", ".join(f"{k} {v[-1]:.2f} s" for k, v in result.times.items()))
    return result


# --- the table --------------------------------------------------------------------------------

def _ratio(result: Result, figure: Figure) -> Optional[float]:
    return result.median(figure.key) / result.median(figure.reference) if figure.reference else None


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def table(results: list[Result]) -> list[str]:
    """The Markdown table: per size the median seconds and the ratio to its reference; growth; target."""
    sizes = [r.accounts for r in results]
    header = ["figure"] + [f"N={n} s" for n in sizes] + [f"N={n} ratio" for n in sizes]
    if len(results) > 1:
        header.append(f"growth {sizes[0]}→{sizes[-1]}")
    header.append("target")
    rows = [header, ["---"] * len(header)]
    for figure in FIGURES:
        row = [figure.label] + [f"{r.median(figure.key):.2f}" for r in results]
        ratios = [_ratio(r, figure) for r in results]
        row += [f"{x:.2f}x" if x is not None else "" for x in ratios]
        if len(results) > 1:
            growth = results[-1].median(figure.key) / results[0].median(figure.key)
            row.append(f"{growth:.1f}x")
        if figure.key == "edit_to_view":
            row.append(f"≤ {EDIT_TO_VIEW_SECONDS:.0f} s: {_verdict(results[-1].median(figure.key) <= EDIT_TO_VIEW_SECONDS)}")
        else:
            row.append(f"ratio ≤ {figure.target}x: {_verdict(ratios[-1] <= figure.target)}" if figure.target else "")
        rows.append(row)
    memory = ["peak memory (MB, largest process)"] + [f"{r.peak_mb():.0f}" for r in results] + [""] * len(results)
    if len(results) > 1:
        memory.append(f"{results[-1].peak_mb() / results[0].peak_mb():.1f}x")
    memory.append(f"< {MAX_MEMORY_MB} MB: {_verdict(results[-1].peak_mb() < MAX_MEMORY_MB)}")
    rows.append(memory)
    return ["| " + " | ".join(row) + " |" for row in rows]


def growth_verdict(results: list[Result]) -> str:
    if len(results) < 2:
        return ""
    first, last = results[0], results[-1]
    scale = last.accounts / first.accounts
    worst = max((last.median(f.key) / first.median(f.key), f.label) for f in FIGURES)
    return (f"Largest growth from N={first.accounts} to N={last.accounts} ({scale:.0f}x the accounts): "
            f"{worst[0]:.1f}x ({worst[1]}); target ≤ {MAX_GROWTH:.0f}x: {_verdict(worst[0] <= MAX_GROWTH)}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="numbers of accounts")
    parser.add_argument("--repeat", type=int, nargs="+", default=[5, 3],
                        help="repetitions per size (one number for all, or one per size)")
    parser.add_argument("--workdir", type=Path, default=Path(".cache") / "bench",
                        help="where the demo repositories are written (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    repeats = args.repeat if len(args.repeat) == len(args.sizes) else [args.repeat[0]] * len(args.sizes)
    started = time.perf_counter()
    results = []
    for size, repeat in zip(args.sizes, repeats):
        root = make_portfolio((args.workdir / f"n{size}").resolve(), size, args.seed)
        results.append(measure(root, repeat, log=lambda line: print(line, file=sys.stderr, flush=True)))
    print(f"kam benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, repetitions "
          f"{'/'.join(map(str, repeats))}, medians in seconds ({time.perf_counter() - started:.0f} s in all)\n")
    print("\n".join(table(results)))
    verdict = growth_verdict(results)
    if verdict:
        print(f"\n{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
