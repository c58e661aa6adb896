"""Batch runs that keep state: ``--db``, ``--output-dir`` and ``--skip-unchanged``.

Every input is hashed first; inputs already done with the same content and settings are skipped, the rest
go through the runner and their records to the destination, one input at a time. The summary line reads
``N inputs, A new, C changed, S unchanged, E errors``.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime

import click

from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.inputs import Input
from govmeta.cli.reporting import Reporter
from govmeta.cli.runner import ExtractOptions, error_record, run_by_input
from govmeta.cli.selection import format_for
from govmeta.cli.sink import end_quietly, open_sink
from govmeta.cli.sniff import is_archive
from govmeta.cli.state import (
    NEW,
    UNCHANGED,
    Stamp,
    StateError,
    StateFile,
    classify,
    fingerprint,
    govmeta_version,
    stamp,
)


@dataclass
class Plan:
    """One input's place in a rerun."""

    inp: Input
    stamp: Stamp
    status: str


@dataclass(frozen=True)
class BatchOptions:
    """Where a stateful run writes, and what it remembers."""

    db: str | None = None
    fts: bool = False
    output_dir: str | None = None
    roots: tuple[str, ...] = ()
    state_file: str | None = None
    prune: bool = False
    output: str | None = None
    fmt: str = "jsonl"
    excel: bool = False

    @property
    def stateful(self) -> bool:
        """True when the run goes through run_batch (a database, a record folder or a state file)."""
        return bool(self.db or self.output_dir or self.state_file)


def batch_options(command: Callable) -> Callable:
    """The switches of batch and cron runs."""
    switches = [
        click.option("--db", metavar="FILE", help="Write records to a SQLite database; a rerun only adds new and "
                      "changed inputs."),
        click.option("--fts", is_flag=True, help="With --db: keep a full-text index (FTS5) of titles and paragraphs."),
        click.option("--prune", is_flag=True, help="With --db or --skip-unchanged: forget inputs no longer found."),
        click.option("--output-dir", metavar="DIR", help="Write one JSON file per page under DIR, mirroring the "
                      "input tree, plus a run summary (govmeta-run.json)."),
        click.option("--skip-unchanged", "state_file", metavar="STATEFILE",
                     help="Skip inputs whose content is unchanged since the run that wrote STATEFILE; update it."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Leave out inputs matching GLOB (e.g. '*_files/*', robots.txt); repeatable."),
        click.option("--progress/--no-progress", default=None,
                     help="Show or hide the progress bar (default: shown on a terminal when records go to a "
                          "file, database or folder)."),
    ]
    for switch in reversed(switches):
        command = switch(command)
    return command


def plan_batch(fmt: str | None, output: str | None, excel: bool, chosen: dict) -> BatchOptions:
    """Check the output switches together and settle the format (guessed from -o's suffix unless -f says)."""
    fmt = fmt or format_for(output)
    db = chosen["db"]
    if fmt == "sqlite":
        if db or not output or output == "-":
            raise click.UsageError("--format sqlite writes a database file: give it with -o FILE (or use --db FILE)")
        db, output = output, None
    if excel and fmt != "csv":
        raise click.UsageError(f"--excel is for CSV output (the format here is {'sqlite' if db else fmt})")
    if db and output:
        raise click.UsageError("--db and -o both name where records go; give one")
    if chosen["output_dir"] and (db or output):
        raise click.UsageError("--output-dir and " + ("--db" if db else "-o") + " both name where records go; give one")
    if chosen["fts"] and not db:
        raise click.UsageError("--fts needs --db")
    if db and chosen["state_file"]:
        raise click.UsageError("--skip-unchanged is for file outputs; the --db database keeps its own state")
    if chosen["prune"] and not (db or chosen["state_file"]):
        raise click.UsageError("--prune needs --db or --skip-unchanged")
    return BatchOptions(db=db, fts=chosen["fts"], output_dir=chosen["output_dir"], state_file=chosen["state_file"],
                        prune=chosen["prune"], output=output, fmt=fmt, excel=excel)


def run_batch(inputs: list[Input], options: ExtractOptions, jobs: int,
              batch: BatchOptions, make_reporter: Callable[[int], Reporter], quiet: bool) -> None:
    """Run a stateful batch and exit with the run's code."""
    started = time.perf_counter()
    settings = fingerprint(options)
    tally: Counter = Counter()
    code = ExitCode.OK
    with ExitStack() as stack:
        try:
            memory = _open_memory(batch)
        except StateError as exc:
            raise click.UsageError(str(exc)) from exc
        if batch.db:
            stack.callback(memory.close)
        # Hash only when there is something to compare with (a plain --output-dir run needs no hashes).
        plans = [Plan(inp, stamp(inp) if memory is not None else Stamp(None), NEW) for inp in inputs]
        for plan in plans:
            if memory is not None:
                plan.status = classify(plan.inp.name, plan.stamp, settings, memory)
            tally[plan.status] += 1
        todo = [plan for plan in plans if plan.status != UNCHANGED]
        write = _writer(batch, memory, settings, stack)
        reporter = make_reporter(len(inputs))
        try:
            with reporter:
                reporter.advance(len(plans) - len(todo))
                for plan, records in zip(todo, run_by_input([p.inp for p in todo], options, jobs), strict=True):
                    records = write(plan, records)
                    for record in records:
                        reporter.count(record)
                        tally["errors"] += "error" in record
                    reporter.advance()
        except KeyboardInterrupt:
            code = ExitCode.INTERRUPTED
            reporter.interrupted()
        except BrokenPipeError:
            end_quietly()  # (without updating the state)
        if batch.prune and code == ExitCode.OK and memory is not None:
            tally["pruned"] = memory.prune(plan.inp.name for plan in plans)
        if isinstance(memory, StateFile):
            memory.save()
        seconds = time.perf_counter() - started
        if batch.output_dir:
            _summary_file(batch, tally, len(inputs), seconds, code)
    line = (f"govmeta: {len(inputs)} inputs, {tally[NEW]} new, {tally['changed']} changed, "
            f"{tally[UNCHANGED]} unchanged, {tally['errors']} errors")
    if batch.prune:
        line += f", {tally['pruned']} pruned"
    if not quiet:
        click.echo(f"{line} in {seconds:.2f} s", err=True)
    if code == ExitCode.OK and tally["errors"]:
        code = ExitCode.SOME_FAILED
    sys.exit(code)


def _open_memory(batch: BatchOptions):
    """The run's memory of earlier runs: the database, a state file, or None."""
    if batch.db:
        from govmeta.cli.store import Store  # imported here: plain runs do not load sqlite3


        return Store(batch.db, fts=batch.fts)
    if batch.state_file:
        return StateFile(batch.state_file)
    return None


def _writer(batch: BatchOptions, memory, settings: str, stack: ExitStack) -> Callable[[Plan, list[dict]], list[dict]]:
    """A function writing one input's records to the run's destination; it returns the records as written."""
    if batch.db:
        def to_store(plan: Plan, records: list[dict]) -> list[dict]:
            memory.put(plan.inp.name, plan.stamp, settings, records)
            return records
        return to_store
    state = memory if isinstance(memory, StateFile) else None
    if batch.output_dir:
        from govmeta.cli.outputdir import OutputDir, OutsideError

        directory = OutputDir(batch.output_dir, list(batch.roots))

        def to_dir(plan: Plan, records: list[dict]) -> list[dict]:
            written = []
            archive = is_archive(plan.inp.name)
            failed = False
            for rel, record in zip(directory.targets(plan.inp.name, records, archive), records, strict=True):
                try:
                    directory.write(rel, record)
                    written.append(record)
                except (OutsideError, OSError) as exc:
                    failed = True
                    message = str(exc) if isinstance(exc, OutsideError) else f"cannot write {rel}: {exc.strerror}"
                    written.append(error_record(record.get("path") or plan.inp.name, "unwritable", message))
            if state is not None and not failed:
                state.remember(plan.inp.name, plan.stamp, settings)
            return written
        return to_dir
    writer = stack.enter_context(open_sink(batch.output, batch.fmt, batch.excel))

    def to_file(plan: Plan, records: list[dict]) -> list[dict]:
        for record in records:
            writer.write(record)
        if state is not None:
            state.remember(plan.inp.name, plan.stamp, settings)
        return records
    return to_file


def _summary_file(batch: BatchOptions, tally: Counter, total: int, seconds: float, code: int) -> None:
    from govmeta.cli.outputdir import OutputDir

    summary = {
        "govmeta": govmeta_version(), "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3), "inputs": total, "new": tally[NEW], "changed": tally["changed"],
        "unchanged": tally[UNCHANGED], "errors": tally["errors"], "interrupted": code == ExitCode.INTERRUPTED,
    }
    OutputDir(batch.output_dir, list(batch.roots)).write_summary(summary)
