"""The `kam` command: parses options, calls the core, prints, returns the exit status.

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .diagnostics import FORMATTERS, Diagnostic, Severity, summary_line
from .workspace import UsageError, load_portfolio

FORMAT = click.Choice(sorted(FORMATTERS))


def _default_format() -> str:
    # GitHub Actions shows annotations on the changed lines; elsewhere, compiler-style lines.
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


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
    """Check plans against the schema and each other (default: every plan in accounts/)."""
    try:
        result = load_portfolio(root, list(paths) or None)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(report(result.diagnostics, result.files, output_format, strict))


def run() -> None:
    """Entry point: never show a traceback to a user."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("kam: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        click.echo(f"kam: internal error: {type(exc).__name__}: {exc}. Please report this with the file "
                   f"that caused it.", err=True)
        sys.exit(3)
