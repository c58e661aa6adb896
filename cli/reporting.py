"""What a run tells a person on stderr: error lines, a progress bar on a terminal, a summary."""

from __future__ import annotations

import os
import stat
import sys

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def records_to_file(output: str | None) -> bool:
    """True when the records go to a file (-o FILE, or stdout redirected to a regular file), not a pipe or terminal."""
    if output not in (None, "-"):
        return True
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


class Reporter:
    """Counts records and errors; draws progress only when stderr is a terminal and inputs are several."""

    def __init__(self, total: int, quiet: bool, progress: bool | None = None, to_file: bool = False) -> None:
        self.total = total
        self.quiet = quiet
        self.records = 0
        self.errors = 0
        console = Console(stderr=True)
        # By default the bar shows only when it cannot fight the records: they go to a file, not the terminal or a pipe.
        wanted = progress if progress is not None else console.is_terminal and to_file
        show = wanted and total > 1 and not quiet
        self._progress = Progress(
            SpinnerColumn(), TextColumn("[bold]govmeta"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console, redirect_stdout=False, redirect_stderr=False, transient=True, disable=not show,
        )
        self._task = self._progress.add_task("extract", total=total)

    def __enter__(self) -> Reporter:
        self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def count(self, record: dict) -> None:
        """Count one record; an error record also gets one line on stderr."""
        error = record.get("error")
        if error:
            self.errors += 1
            line = f"govmeta: {record.get('path')}: {error['message']} ({error['type']})"
            if self._progress.disable:
                click.echo(line, err=True)
            else:
                self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self.records += 1

    def advance(self, steps: int = 1) -> None:
        """``steps`` more inputs done."""
        self._progress.advance(self._task, steps)

    def interrupted(self) -> None:
        """Note an interrupted run."""
        click.echo("govmeta: interrupted; the records written so far are complete", err=True)

    def summary(self, seconds: float) -> None:
        """The one-line summary (unless quiet)."""
        if not self.quiet:
            click.echo(
                f"govmeta: {self.total} inputs, {self.records} records, {self.errors} errors in {seconds:.2f} s",
                err=True,
            )
