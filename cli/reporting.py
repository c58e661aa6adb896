"""What a run tells a person on stderr: error lines, a progress bar on a terminal, a summary."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from govmeta.cli.terminal import for_terminal


class Reporter:
    """Counts records and errors; draws progress only when stderr is a terminal and inputs are several."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet
        self.records = 0
        self.errors = 0
        console = Console(stderr=True)
        show = console.is_terminal and total > 1 and not quiet
        self._progress = Progress(
            TextColumn("[bold]govmeta"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
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
            path, message = for_terminal(str(record.get("path"))), for_terminal(error["message"])
            line = f"govmeta: {path}: {message} ({error['type']})"
            if self._progress.disable:
                click.echo(line, err=True)
            else:
                self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self.records += 1

    def advance(self) -> None:
        """One more input done."""
        self._progress.advance(self._task)

    def interrupted(self, why: str = "interrupted") -> None:
        """Note an interrupted (or terminated) run."""
        click.echo(f"govmeta: {why}; the records written so far are complete", err=True)

    def summary(self, seconds: float) -> None:
        """The one-line summary (unless quiet)."""
        if not self.quiet:
            click.echo(
                f"govmeta: {self.total} inputs, {self.records} records, {self.errors} errors in {seconds:.2f} s",
                err=True,
            )
