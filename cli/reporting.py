"""What a run tells a person on stderr: error lines, a progress bar on a terminal, a summary."""

from __future__ import annotations

import os
import stat
import sys
from typing import TYPE_CHECKING

import click

from govmeta.cli.terminal import for_terminal

if TYPE_CHECKING:
    from rich.progress import Progress


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
        # By default the bar shows only when it cannot fight the records: they go to a file, not the terminal or a
        # pipe. rich (~35 ms to import) is loaded only when a bar may be drawn.
        wanted = progress if progress is not None else to_file and _maybe_terminal()
        self._progress = _progress_bar(force=progress is True) if wanted and total > 1 and not quiet else None
        self._task = self._progress.add_task("extract", total=total) if self._progress is not None else None

    def __enter__(self) -> Reporter:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def count(self, record: dict) -> None:
        """Count one record; an error record also gets one line on stderr."""
        error = record.get("error")
        if error:
            self.errors += 1
            path, message = for_terminal(str(record.get("path"))), for_terminal(error["message"])
            line = f"govmeta: {path}: {message} ({error['type']})"
            if self._progress is None:
                click.echo(line, err=True)
            else:
                self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self.records += 1

    def advance(self, steps: int = 1) -> None:
        """``steps`` more inputs done."""
        if self._progress is not None:
            self._progress.advance(self._task, steps)

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


def _maybe_terminal() -> bool:
    """Whether rich could see a terminal on stderr (cheap: rich itself decides after)."""
    return sys.stderr.isatty() or "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ


def _progress_bar(force: bool = False) -> Progress | None:
    """rich's bar on stderr (a spinner and the clock keep moving through long pages), or None when rich sees no
    terminal there and the bar was not asked for; rich is imported only here."""
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

    console = Console(stderr=True)
    if not console.is_terminal and not force:
        return None
    return Progress(
        SpinnerColumn(), TextColumn("[bold]govmeta"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console, redirect_stdout=False, redirect_stderr=False, transient=True,
    )
