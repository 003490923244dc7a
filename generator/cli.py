"""The `kam` command: parses options, calls the core, prints, returns the exit status.

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import click

from . import __version__
from .diagnostics import FORMATTERS, Diagnostic, Severity, sort_key, summary_line
from .i18n import _
from .plaintext import safe_json, safe_lines, safe_path, safe_text
from .workspace import ACCOUNTS_DIR, UsageError, load_portfolio, select_files

FORMAT = click.Choice(sorted(FORMATTERS))


def _default_format() -> str:
    # GitHub Actions shows annotations on the changed lines; elsewhere, compiler-style lines.
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def progress_reporter(label: str):
    """A counter on stderr for long runs at a terminal; silent in CI and in pipes."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 100:
            end = "\n" if done == total else ""
            click.echo(f"\r{label} {done}/{total} plans", nl=False, err=True)
            click.echo(end, nl=False, err=True)
    return show


def report(diagnostics: list[Diagnostic], files: int, output_format: str, strict: bool) -> int:
    click.echo(FORMATTERS[output_format](diagnostics), nl=False)
    if output_format == "text":
        click.echo(summary_line(diagnostics, files), err=True)
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in diagnostics) else 0


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                           show_default=True, help="The plans repository (the folder that holds accounts/).")
format_option = click.option("--format", "output_format", type=FORMAT, default=_default_format,
                             help="text: path:line:col lines; github: Actions annotations; json: a list.")
strict_option = click.option("--strict", is_flag=True, help="Fail on warnings too.")


def _set_language(ctx, param, value):
    from . import i18n

    try:
        return i18n.set_language(value)
    except i18n.LanguageError as exc:
        raise click.BadParameter(str(exc)) from None


def _language_code(ctx, param, value):
    """A language kam has a catalog for, as its catalog code (None: not given)."""
    from . import i18n

    try:
        return None if value is None else i18n.normalise(value)
    except i18n.LanguageError as exc:
        raise click.BadParameter(str(exc)) from None


# English by default, for CI logs; a job summary a sales director reads can be in their language.
lang_option = click.option("--lang", default="en", show_default=True, metavar="CODE", callback=_set_language,
                           expose_value=False, is_eager=True, envvar="KAM_LANG",
                           help="The language of the findings and summaries: en, et, fi, nb (or no), lv, lt, pl, ru "
                                "(or env KAM_LANG).")
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kam")
def main() -> None:
    """Key-account plans as code: validate, check and publish account plans."""


@main.command()
@paths_argument
@root_option
@format_option
@strict_option
def validate(paths: tuple[Path, ...], root: Path, output_format: str, strict: bool) -> None:
    """Check plans against the schema and each other (default: every plan in accounts/).

    When .github/CODEOWNERS exists, it is checked to be up to date with the plans; the
    repository's schema/ (what editors read) is checked to be the one kam validates with;
    without paths, mkdocs.yml is checked not to publish personal data (`include_private: true`).
    """
    from .codeowners import CODEOWNERS, codeowners_problems
    from .schemacopy import schema_copy_problems

    owners_file = (root / CODEOWNERS).is_file()  # its check needs the plans' models
    try:
        result = load_portfolio(root, list(paths) or None, models=owners_file, progress=progress_reporter("validating"))
    except UsageError as exc:
        raise click.UsageError(safe_text(str(exc))) from None
    diagnostics = result.diagnostics + schema_copy_problems(root)
    if owners_file:
        diagnostics = diagnostics + codeowners_problems(root, result.portfolio())
    if not paths:  # the site's settings decide what a build publishes
        from .audience import site_config_problems

        diagnostics = diagnostics + site_config_problems(root)
    sys.exit(report(sorted(diagnostics, key=sort_key), result.files, output_format, strict))


@main.command()
@paths_argument
@root_option
@format_option
@strict_option
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="The date to check against (default: today), so that results do not depend on the clock.")
@click.option("--show-silenced", is_flag=True, help="Also list the findings plans silence, as info with the reason.")
@lang_option
def check(paths: tuple[Path, ...], root: Path, output_format: str, strict: bool, today, show_silenced: bool) -> None:
    """Validate, then run the policy checks: accounts at risk (default: the whole portfolio).

    With paths, the whole portfolio is still read (revenue shares and people
    exposure need it) but only findings in the given plans, and errors in the
    settings, are printed.
    """
    from .checks import run_checks  # imports networkx: only when checks run

    try:
        shown = _shown_files(paths, root) if paths and (root / ACCOUNTS_DIR).is_dir() else None
        result = load_portfolio(root, None)
    except UsageError as exc:
        raise click.UsageError(safe_text(str(exc))) from None
    from .schemacopy import schema_copy_problems

    diagnostics = list(result.diagnostics) + schema_copy_problems(root)
    portfolio = result.portfolio()
    if portfolio is not None:
        for finding in run_checks(portfolio, (today.date() if today else date.today())):
            if finding.silenced is None:
                diagnostics.append(finding.diagnostic)
            elif show_silenced:
                # Translators: {message} is a finding's message, {reason} why the plan silences it (the plan's words).
                message = _("{message} (silenced: {reason})").format(message=finding.message, reason=finding.silenced)
                diagnostics.append(replace(finding.diagnostic, severity=Severity.INFO, message=message))
    if shown is not None:
        side_files = {result.settings_path.resolve(), result.people_path.resolve()}
        diagnostics = [d for d in diagnostics if Path(d.path).resolve() in shown
                       or (Path(d.path).resolve() in side_files and d.severity is Severity.ERROR)]
    sys.exit(report(sorted(diagnostics, key=sort_key), result.files, output_format, strict))


def _shown_files(paths: tuple[Path, ...], root: Path) -> set[Path]:
    """The plans named on the command line (resolved); they must be plans of the portfolio at `root`."""
    accounts = (root / ACCOUNTS_DIR).resolve()
    selected = {p.resolve() for p in select_files(paths, accounts)}
    outside = sorted(p for p in selected if p.parent != accounts)
    if outside:
        raise UsageError(f"{os.path.relpath(outside[0])} is not a plan in {os.path.relpath(accounts)}/: "
                         f"kam check looks at the plans of one portfolio")
    return selected


@main.command("diff")
@click.argument("base", required=False)
@click.argument("head", required=False)
@root_option
@click.option("--format", "output_format", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="markdown: for a pull-request comment or job summary; json: for tools.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge overdue actions and kam check findings as of this date (default: today).")
@lang_option
def diff_command(base: str | None, head: str | None, root: Path, output_format: str, today) -> None:
    """What changed in the plans from BASE to HEAD (git revisions).

    Default BASE: the merge base with the main branch (origin/main, main or
    master); default HEAD: the working tree.
    """
    from . import diff, diffreport, gitio

    try:
        result = diff.compare(root, base, head, today.date() if today else date.today())
    except gitio.GitError as exc:
        raise click.UsageError(safe_text(str(exc))) from None
    text = safe_json(diffreport.to_json(result)) if output_format == "json" else diffreport.to_markdown(result)
    click.echo(text if output_format == "json" else safe_lines(text), nl=False)


@main.command("report")
@root_option
@click.option("--period", default=None, metavar="YYYY-Qn",
              help="The quarter to report on, like 2026-Q4 (default: the current quarter).")
@click.option("--format", "output_format", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="markdown: to read or mail; json: for tools.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="The date the report is made on (default: today); the current quarter is judged as of it.")
@lang_option
def report_command(root: Path, period: str | None, output_format: str, today) -> None:
    """The quarterly report for the head of department: every account, what needs attention first."""
    import json

    from . import cycle, report as quarterly
    from .render.report_page import to_markdown

    day = today.date() if today else date.today()
    try:
        period = period.strip().upper() if period else cycle.quarter(day)  # 2026-q4, as in the site's addresses
        if quarterly.quarter_bounds(period)[0] > day:
            raise UsageError(f"{period} has not begun on {day}: report on {cycle.quarter(day)} or an earlier quarter")
        result = load_portfolio(root, None)
    except (quarterly.PeriodError, UsageError) as exc:
        raise click.UsageError(str(exc)) from None
    portfolio = result.portfolio()
    if not result.ok or portfolio is None:
        sys.exit(report(list(result.diagnostics), result.files, "text", False) or 1)
    built = quarterly.build(portfolio, period, day)
    click.echo(json.dumps(built.to_dict(), ensure_ascii=False, indent=2) if output_format == "json"
               else to_markdown(built), nl=output_format == "json")


@main.command("codeowners")
@root_option
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 (and show the difference) when the file is out of date.")
def codeowners_command(root: Path, check_only: bool) -> None:
    """Write .github/CODEOWNERS: each plan is approved by its owner (and executive sponsor)."""
    from . import codeowners

    portfolio = _valid_portfolio(root, "codeowners")
    if check_only:
        difference = codeowners.difference(root, portfolio)
        click.echo(safe_lines(difference), nl=False)
        if difference:
            click.echo(f"{codeowners.CODEOWNERS} is out of date: run kam codeowners", err=True)
        sys.exit(1 if difference else 0)
    written = codeowners.write(root, portfolio)
    click.echo(f"{'wrote' if written else 'up to date:'} {codeowners.CODEOWNERS} ({len(portfolio.plans)} plans)",
               err=True)


@main.command("new")
@click.argument("plan_id", metavar="ID")
@click.option("--name", help="The customer's name (default: from the id).")
@click.option("--owner", help="The key account manager, a person id (default: the person with your git e-mail).")
@click.option("--tier", help="A tier of the portfolio settings (default: the last one).")
@root_option
def new_command(plan_id: str, name: str | None, owner: str | None, tier: str | None, root: Path) -> None:
    """Start accounts/ID.yaml from the template: every section, with guidance, valid at once."""
    from .scaffold import new_plan

    try:
        path, in_codeowners = new_plan(root, plan_id, name=name, owner=owner, tier=tier)
    except UsageError as exc:
        raise click.UsageError(safe_text(str(exc))) from None
    if in_codeowners:
        click.echo(f"added {safe_path(os.path.relpath(path))} to .github/CODEOWNERS", err=True)
    click.echo(f"created {safe_path(os.path.relpath(path))}: fill it in, then run kam validate", err=True)


@main.command("pages")
@root_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The folder to write into (default: docs_dir of mkdocs.yml, where builders read pages).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge overdue work as of this date (default: the plugin's today:, KAM_TODAY, today).")
def pages_command(root: Path, out: Path | None, today) -> None:
    """Write the site's generated pages and diagrams as files, for any MkDocs-like builder.

    Only files whose content changed are written; pages that no longer belong are removed.
    """
    from . import pages, site

    try:
        settings = pages.read_settings(root, today.date() if today else None)
        written = pages.write(pages.generate(root, settings.options), out or settings.docs_dir)
    except site.SiteError as exc:
        click.echo(f"kam pages: {exc}", err=True)
        sys.exit(1)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"kam pages: {len(written.written)} written, {len(written.removed)} removed, "
               f"{written.unchanged} unchanged in {os.path.relpath(out or settings.docs_dir)}", err=True)


@main.command("serve")
@root_option
@click.option("-a", "--dev-addr", "address", default="127.0.0.1:8000", show_default=True, metavar="HOST:PORT",
              help="Where to serve the site.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Judge overdue work as of this date (default: the plugin's today:, KAM_TODAY, today).")
def serve_command(root: Path, address: str, today) -> None:
    """Serve the site and rebuild it as plans change (only what an edit touches: about a second)."""
    from . import pages, serve, site

    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 <= int(port) < 65536:
        raise click.BadParameter(f"expected HOST:PORT, e.g. 127.0.0.1:8000; got {address!r}", param_hint="-a")
    if not (root / ACCOUNTS_DIR).is_dir():
        raise click.UsageError(f"no '{ACCOUNTS_DIR}' folder in {root.resolve()}: run kam in a plans repository "
                               f"or pass --root")
    try:
        settings = pages.read_settings(root, today.date() if today else None)
        serve.run(root, settings.options, settings.docs_dir, host, int(port))
    except site.SiteError as exc:
        click.echo(f"kam serve: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"kam serve: cannot serve on {address}: {exc.strerror}", err=True)
        sys.exit(1)


@main.command("demo")
@click.option("--accounts", type=click.IntRange(1, 100_000), required=True, help="How many accounts to write.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="The folder to write the repository into.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same files, byte for byte.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default="2026-11-23", show_default=True,
              metavar="YYYY-MM-DD", help="The date every date in the plans is placed around.")
@click.option("--force", is_flag=True, help="Write into a folder that holds more than an earlier demo, replacing and "
              "deleting the files of yours that kam demo names when refusing.")
def demo_command(accounts: int, out: Path, seed: int, today, force: bool) -> None:
    """Write a synthetic, valid portfolio repository of N accounts (for demos and load tests)."""
    from .demo import DemoError, write_demo

    try:
        result = write_demo(out, accounts, seed=seed, today=today.date(), force=force)
    except (DemoError, OSError) as exc:
        click.echo(f"kam demo: {safe_text(str(exc))}", err=True)
        sys.exit(2)
    click.echo(f"wrote {result.accounts} accounts ({result.lines:,} lines of plans), {result.people} people and "
               f"mkdocs.yml to {out}", err=True)
    if result.replaced:
        click.echo(safe_text(f"replaced (--force): {', '.join(result.replaced)}"), err=True)


def _valid_portfolio(root: Path, command: str):
    """The portfolio at `root` when every file is valid; else exit 1 with what to do (2 on wrong usage)."""
    try:
        result = load_portfolio(root)
    except UsageError as exc:
        raise click.UsageError(safe_text(str(exc))) from None
    portfolio = result.portfolio()
    if not result.ok or portfolio is None:
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        click.echo(FORMATTERS["text"](errors), nl=False, err=True)
        click.echo(f"kam {command}: the plans have {len(errors)} error(s); fix them first (kam validate)", err=True)
        sys.exit(1)
    return portfolio


def _plan_of(portfolio, account: str):
    """The plan with id `account`, or a usage error with the closest ids."""
    import difflib

    plan = portfolio.plan(account)
    if plan is None:
        close = difflib.get_close_matches(account, [p.id for p in portfolio.plans], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise click.UsageError(safe_text(f"no account '{account}' in {ACCOUNTS_DIR}/{hint}"))
    return plan


@main.command("share")
@click.argument("account")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write (one self-contained page).")
@root_option
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="The date the page is as of (default: today).")
@click.option("--lang", metavar="CODE", default=None, callback=_language_code,
              help="The language the customer reads: en, et, fi, nb (or no), lv, lt, pl, ru "
                   "(default: the plan's own language, else the portfolio's, else English).")
def share_command(account: str, out: Path, root: Path, today, lang: str | None) -> None:
    """Write the customer's page of ACCOUNT: shared goals, actions and reviews, promises, care model.

    Nothing about their people, our coverage, findings, competitors or revenue.
    """
    from . import i18n
    from .share import page_language, share_page

    portfolio = _valid_portfolio(root, "share")
    plan = _plan_of(portfolio, account)
    with i18n.use(lang or page_language(portfolio, plan)):
        page = share_page(portfolio, plan, today.date() if today else date.today())
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        click.echo(safe_text(f"kam share: cannot write {out}: {exc.strerror or exc}"), err=True)
        sys.exit(2)
    click.echo(safe_text(f"wrote {out}: the page for {plan.name}; read it before you send it"), err=True)


@main.group("person")
def person_group() -> None:
    """The customer's people as data subjects: what the plans hold about one person, and erasing them."""


@person_group.command("show")
@click.argument("name_or_id")
@root_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: file:line:col lines; json: for tools.")
def person_show(name_or_id: str, root: Path, output_format: str) -> None:
    """Everything the plans hold about NAME_OR_ID (a subject-access request): each plan and field with
    file:line, personal data included, and the git commits that mention them. Exit 1 when nobody matches."""
    from .person import access

    portfolio = _valid_portfolio(root, "person show")
    records = access.find(portfolio, name_or_id)
    needles = sorted({r.name for r in records} | {f"id: {r.stakeholder}" for r in records}) or [name_or_id]
    commits, no_history = access.git_mentions(root, needles)
    formatter = access.to_json if output_format == "json" else access.to_text
    text = formatter(name_or_id, records, commits, no_history)
    click.echo(safe_json(text) if output_format == "json" else safe_lines(text), nl=False)
    sys.exit(0 if records else 1)


@person_group.command("erase")
@click.argument("stakeholder_id", metavar="ID")
@click.option("--account", help="Only in this account's plan (default: every plan that has them).")
@click.option("--dry-run", is_flag=True, help="Show the change as a diff; write nothing.")
@root_option
def person_erase(stakeholder_id: str, account: str | None, dry_run: bool, root: Path) -> None:
    """Remove stakeholder ID and every reference to them from the current plans (an erasure request),
    keeping every comment and the formatting of the rest; then say what git history still holds."""
    import difflib

    from .person import access, erase

    portfolio = _valid_portfolio(root, "person erase")
    if account is not None:
        _plan_of(portfolio, account)
    try:
        planned = erase.changes(portfolio, stakeholder_id, account)
    except erase.ErasureError as exc:
        click.echo(safe_text(f"kam person erase: {exc}"), err=True)
        sys.exit(1)
    if not planned:
        named = [f"'{r.stakeholder}' in {r.account}" for r in access.find(portfolio, stakeholder_id)]
        hint = f"; {stakeholder_id} is {', '.join(named)}: erase by id" if named else ""
        click.echo(safe_text(f"kam person erase: no stakeholder '{stakeholder_id}' in the current plans{hint}"),
                   err=True)
        sys.exit(1)
    if dry_run:
        for change in planned:
            click.echo(safe_lines("".join(difflib.unified_diff(change.before.splitlines(keepends=True),
                                                               change.after.splitlines(keepends=True),
                                                               change.file, change.file))), nl=False)
        return
    errors = erase.apply(root, planned)
    if errors:
        click.echo(FORMATTERS["text"](errors), nl=False, err=True)
        click.echo("kam person erase: the plans would not be valid after the erasure; nothing was changed. "
                   "Fix the lines above by hand, then erase again.", err=True)
        sys.exit(1)
    commits, no_history = access.git_mentions(root, sorted({c.name for c in planned} | {f"id: {stakeholder_id}"}))
    click.echo(safe_lines("\n".join(erase.report(planned, commits, no_history))))


@main.command("schema")
@root_option
@click.option("--write", "write", is_flag=True, required=True,
              help="Write kam's schemas into schema/ (what editors read), replacing a copy that differs.")
def schema_command(root: Path, write: bool) -> None:
    """Bring the repository's schema/ up to date with the schemas kam validates with."""
    from .schemacopy import write_schemas

    try:
        written = write_schemas(root)
    except OSError as exc:
        click.echo(f"kam schema: cannot write schema/: {exc.strerror}", err=True)
        sys.exit(2)
    for relative in written:
        click.echo(f"wrote {relative}", err=True)
    if not written:
        click.echo(f"schema/ is up to date with kam {__version__}", err=True)


def run() -> None:
    """Entry point: never show a traceback to a user."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("kam: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        click.echo(f"kam: internal error: {type(exc).__name__}: {safe_text(str(exc))}. Please report this with the file "
                   f"that caused it.", err=True)
        sys.exit(3)
