"""Running a click command as a program: click's own errors become exit codes, never tracebacks."""

from __future__ import annotations

import sys

import click

from govmeta.cli.exitcodes import ExitCode


def run_command(command: click.Command, prog_name: str) -> None:
    """Run ``command`` with the process's arguments: usage errors exit 2 (with click's message), other click
    errors their own code; what the command raises past click is the caller's."""
    try:
        command.main(prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
