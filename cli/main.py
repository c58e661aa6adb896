"""The ``govmeta`` command: extract, detect, report, schema, fields."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import click

from govmeta.cli.batch import batch_options, plan_batch, run_batch
from govmeta.cli.entry import run_command
from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.inputs import ALL_FILES, DEFAULT_PATTERNS, STDIN_NAME, Input, expand, read_path_list
from govmeta.cli.limits import DEFAULT_PAGE_TIMEOUT
from govmeta.cli.outputs import FORMATS
from govmeta.cli.reporting import Reporter, records_to_file
from govmeta.cli.rulefile import load_rules
from govmeta.cli.runner import AUTO_JOBS, DEFAULT_MAX_BYTES, INPUTS_PER_WORKER, ExtractOptions, Outcome, run
from govmeta.cli.selection import named_output, select
from govmeta.cli.signals import Terminated, handle_sigterm
from govmeta.cli.sink import OutputError, end_quietly, open_sink, output_problem
from govmeta.cli.state import govmeta_version
from govmeta.parsers.encoding.charsets import codec_for_label
from govmeta.parsers.rules.labels import CANONICAL_FIELDS, OTHER_BLOCK_LABELS
from govmeta.parsers.schema import record_schema
from govmeta.parsers.siterules import SiteRules


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"govmeta, version {govmeta_version()}")
        ctx.exit()


def _stack(decorators: list[Callable], command: Callable) -> Callable:
    """Apply decorators so that they show in --help in the order listed."""
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def output_options(formats: tuple[str, ...], default: str | None, excel: bool = True) -> Callable:
    """The output switches every record-writing command shares: --format, -o, --excel (with CSV)."""
    switches = [
        click.option("-f", "--format", "fmt", type=click.Choice(formats), default=default,
                     show_default=bool(default), help="Output format."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                     help="Write records to FILE (written whole: a partial run leaves FILE.partial)."),
        click.option("--excel", is_flag=True,
                     help="With --format csv: start with the UTF-8 BOM so Excel reads the text right."),
    ]
    if not excel:
        switches.pop()
    return lambda command: _stack(switches, command)


def input_options(command: Callable) -> Callable:
    """The input switches every page-reading command shares."""
    switches = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--files-from", metavar="FILE", help="Read input paths from FILE, one per line ('-' for stdin)."),
        click.option("-0", "--null", is_flag=True, help="With --files-from: names end with NUL (find -print0)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Inputs larger than this give an error record instead of being read."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line on stderr."),
    ]
    return _stack(switches, command)


def _roots(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The named folders (what --output-dir mirrors the tree below)."""
    return tuple(p for p in paths if os.path.isdir(p))


def _validate_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and codec_for_label(value) is None:
        raise click.BadParameter(f"unknown encoding label {value!r}; try utf-8, gb18030, gbk or big5")
    return value


def _path_list(files_from: str, null: bool) -> list[str]:
    if files_from == STDIN_NAME:
        return list(read_path_list(sys.stdin.buffer, null))
    try:
        with open(files_from, "rb") as stream:
            return list(read_path_list(stream, null))
    except OSError as exc:
        raise click.BadParameter(f"cannot read {files_from}: {exc.strerror}", param_hint="--files-from") from exc


def _collect_inputs(paths: tuple[str, ...], files_from: str | None, null: bool = False,
                    patterns: tuple[str, ...] = DEFAULT_PATTERNS) -> list[Input]:
    """The run's inputs (directories searched for ``patterns``); stdin is read later, as a stream."""
    names = list(paths)
    if files_from is not None:
        names.extend(_path_list(files_from, null))
    stdin_is_list = files_from == STDIN_NAME
    if not names and files_from is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: name files, directories or globs, or pipe a page into stdin "
                                   "(govmeta extract page.html, or: cat page.html | govmeta extract)")
        names = [STDIN_NAME]
    inputs = list(expand(names, patterns))
    if any(inp.name == STDIN_NAME for inp in inputs):
        if stdin_is_list:
            raise click.UsageError("stdin cannot be both the path list (--files-from -) and a page ('-')")
        if sys.stdin is not None and sys.stdin.isatty():
            click.echo("govmeta: reading one page from stdin (end with Ctrl-D)", err=True)
    return inputs


def _check_output(output: str | None) -> None:
    problem = output_problem(output)
    if problem:
        raise click.UsageError(problem)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and exit.")
def cli() -> None:
    """Turn saved pages of Chinese government information-disclosure sites into structured records."""


@cli.command()
@input_options
@output_options((*FORMATS, "sqlite"), None)
@click.option("--encoding", callback=_validate_encoding, metavar="LABEL",
              help="Decode every page with this encoding (a WHATWG label such as gbk, utf-8, big5).")
@click.option("--labels", "labels_file", type=click.Path(exists=True, dir_okay=False),
              help="TOML or JSON file of extra label synonyms: {canonical_field = [\"label\", ...]}.")
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False),
              help="TOML or JSON file of site rules: selectors and values that correct chosen pages.")
@click.option("--simplified", is_flag=True, help="Convert the record's text to simplified Chinese (OpenCC).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=AUTO_JOBS, show_default=True,
              help=f"Worker processes; 0 = auto: one per idle CPU and per {INPUTS_PER_WORKER} inputs.")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=DEFAULT_PAGE_TIMEOUT, show_default=True,
              metavar="SECONDS", help="A page that takes longer gives a 'timeout' error record (0: no limit).")
@batch_options
def extract(paths, files_from, null, max_bytes, quiet, fmt, output, excel, encoding, labels_file, rules_file,
            simplified, jobs, page_timeout, **batch) -> None:
    """Extract one record per saved page in PATHS (files, directories, globs, '-' for stdin).

    \b
    Examples:
      govmeta extract page.html
      govmeta extract saved/ --format csv --excel -o pages.csv
      find saved -name '*.html' | govmeta extract --files-from - | jq .metadata
    """
    options = ExtractOptions(encoding=encoding, rules=_rules_or_exit(rules_file, labels_file), max_bytes=max_bytes,
                             simplified=simplified, page_timeout=page_timeout or None)
    plan = plan_batch(fmt, output, excel, batch)
    if clash := named_output(paths, (plan.output, plan.db, plan.state_file)):
        raise click.UsageError(f"{clash} is named both as an input and as where to write")
    _check_output(output)
    inputs = _collect_inputs(paths, files_from, null)
    inputs = select(inputs, batch["exclude"], (plan.output, plan.db, plan.state_file), (plan.output_dir,))
    if plan.stateful:
        to_file = bool(plan.db or plan.output_dir) or records_to_file(plan.output)
        run_batch(inputs, options, jobs, replace(plan, roots=_roots(paths)),
                  lambda total: Reporter(total, quiet, batch["progress"], to_file=to_file), quiet)
    _write_all(run(inputs, options, jobs=jobs), len(inputs), plan.fmt, output, excel, quiet, batch["progress"])


def _rules_or_exit(rules_file: str | None, labels_file: str | None) -> SiteRules | None:
    """The run's site rules, or one line on stderr and exit 2 before any page is read."""
    try:
        return load_rules(rules_file, labels_file)
    except ValueError as exc:
        click.echo(f"govmeta: {exc}", err=True)
        sys.exit(ExitCode.USAGE)


@cli.group()
def rules() -> None:
    """Site rules (--rules FILE): check a file and see what it selects."""


@rules.command("check")
@click.argument("rules_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("pages", nargs=-1, type=click.Path())
def rules_check(rules_file, pages) -> None:
    """Check RULES_FILE; for each page in PAGES, show which rules select it and what each selector matches."""
    from govmeta.cli.rulecheck import explain_pages

    site_rules = _rules_or_exit(rules_file, None)
    click.echo(f"{rules_file}: {len(site_rules.rules) if site_rules else 0} rules, all valid")
    sys.exit(explain_pages(site_rules, _collect_inputs(pages, None) if pages else []))


@cli.command()
@input_options
@output_options(("table", "jsonl"), None, excel=False)
def detect(paths, files_from, null, max_bytes, quiet, fmt, output) -> None:
    """Tell each file's encoding, how it was chosen and how sure it is (like chardetect).

    Directories are searched for every file, not only pages. A table on a terminal; JSON Lines
    records ({"path", "encoding", "warnings"}) otherwise or with --format jsonl.
    """
    from govmeta.cli.detecting import detect_records, print_table

    _check_output(output)
    inputs = _collect_inputs(paths, files_from, null, patterns=ALL_FILES)
    records = detect_records(inputs, max_bytes)
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    if fmt == "table":
        failed = print_table(records)
        sys.exit(ExitCode.SOME_FAILED if failed else ExitCode.OK)
    _write_all(((record, True) for record in records), len(inputs), "jsonl", output, False, quiet)


@cli.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--html", "html_file", metavar="FILE", help="Also write the report as one self-contained HTML page.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="Sites, error types and warnings listed.")
def report(source, html_file, top) -> None:
    """Report on a batch: SOURCE is a JSON Lines file of records or a --db database."""
    from govmeta.cli.report import ReportError, report_command

    try:
        report_command(source, html_file, top)
    except ReportError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCE") from exc
    except OSError as exc:
        raise click.FileError(exc.filename or source, exc.strerror) from exc


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    click.echo(json.dumps(record_schema(), ensure_ascii=False, indent=2))


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def fields(fmt: str) -> None:
    """List the canonical metadata fields and the labels that map to each."""
    if fmt == "json":
        data = {name: {"kind": rule.kind, "labels": list(rule.labels)} for name, rule in CANONICAL_FIELDS.items()}
        data["(other block labels)"] = {"kind": "text", "labels": list(OTHER_BLOCK_LABELS)}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max(len(name) for name in CANONICAL_FIELDS)
    for name, rule in CANONICAL_FIELDS.items():
        click.echo(f"{name:<{width}}  {rule.kind:<6}  {', '.join(rule.labels)}")


def _write_all(outcomes: Iterator[Outcome], total: int, fmt: str, output: str | None, excel: bool,
               quiet: bool, progress: bool | None = None) -> None:
    """Write each record as it comes, report progress and a summary, and exit with the run's code."""
    reporter = Reporter(total=total, quiet=quiet, progress=progress, to_file=records_to_file(output))
    started = time.perf_counter()
    code = ExitCode.OK
    try:
        with open_sink(output, fmt, excel) as writer, reporter:
            for record, input_done in outcomes:
                if record is not None:
                    writer.write(record)
                    reporter.count(record)
                if input_done:
                    reporter.advance()
    except Terminated:
        code = ExitCode.TERMINATED
        reporter.interrupted("terminated")
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
        reporter.interrupted()
    except OutputError as exc:
        click.echo(f"govmeta: {exc}; the records written before are whole", err=True)
        sys.exit(ExitCode.OUTPUT_FAILED)
    except BrokenPipeError:
        end_quietly()
    reporter.summary(time.perf_counter() - started)
    if code == ExitCode.OK and reporter.errors:
        code = ExitCode.SOME_FAILED
    sys.exit(code)


def main() -> None:
    """Console-script entry point: usage errors exit 2, Ctrl-C exits 130 and SIGTERM 143 without a traceback."""
    handle_sigterm()
    try:
        run_command(cli, "govmeta")
    except Terminated:
        click.echo("govmeta: terminated", err=True)
        sys.exit(ExitCode.TERMINATED)
    except (click.Abort, KeyboardInterrupt):
        click.echo("govmeta: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)


if __name__ == "__main__":
    main()
