"""``govmeta report SOURCE``: what a batch gave, from a JSON Lines file or a ``--db`` database.

Pages by kind and by site, canonical fields found per site, error types with example paths, and the
warnings pages carried. Printed as rich tables; ``--html FILE`` writes the same as one self-contained page.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from govmeta.cli.store import PAGE_TYPES, page_type
from govmeta.parsers.urls import host_of
from govmeta.parsers.vocabulary import CANONICAL_FIELDS

SQLITE_MAGIC = b"SQLite format 3\x00"
EXAMPLES = 3


class ReportError(Exception):
    """A source that holds no records govmeta can read."""


def read_records(source: str) -> Iterator[dict]:
    """The records of a JSON Lines file, a JSON array file or a govmeta database (a bad line counts as an error)."""
    with open(source, "rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        yield from _db_records(source)
        return
    with open(source, encoding="utf-8-sig", errors="replace") as handle:
        start = handle.read(64).lstrip()
        handle.seek(0)
        if start.startswith("["):  # a --format json file: one array
            try:
                records = json.load(handle)
            except ValueError as exc:
                raise ReportError(f"{source} is not a JSON array of records: {exc}") from exc
            yield from (r for r in records if isinstance(r, dict))
            return
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                yield {"path": f"{source}:{number}", "error": {"type": "bad_line", "message": "not a JSON record"}}
                continue
            yield record


def _db_records(source: str) -> Iterator[dict]:
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        rows = conn.execute("SELECT record FROM pages ORDER BY id")
        for (text,) in rows:
            yield json.loads(text)
    except sqlite3.DatabaseError as exc:
        raise ReportError(f"{source} is not a govmeta database: {exc}") from exc


def site_of(record: dict) -> str:
    """The record's site: its domain, else its URL's host, else the folder it was saved in."""
    domain = ((record.get("site") or {}).get("domain") or "").split(",")[0].strip()
    if domain:
        host = host_of(domain) if "//" in domain else None
        return host or domain.strip("/")
    path = record.get("path") or ""
    url = record.get("url") or (path.split("!", 1)[1] if "!" in path else "")
    host = host_of(url) if "//" in url else None
    if host:
        return host
    folder = os.path.basename(os.path.dirname(path.split("!", 1)[0]))
    return folder or "(no site)"


def warning_kind(text: str) -> str:
    """A warning with its numbers and case folded away, so like warnings count together."""
    return re.sub(r"(?<![\w-])\d+(?![\w-])", "N", text.lower())


@dataclass
class Summary:
    """The counts a report shows."""

    pages: int = 0
    kinds: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    site_blocks: Counter = field(default_factory=Counter)
    fields: Counter = field(default_factory=Counter)
    site_fields: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: Counter = field(default_factory=Counter)
    error_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    warnings: Counter = field(default_factory=Counter)
    warning_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    pages_with_warnings: int = 0

    def add(self, record: dict) -> None:
        """Count one record."""
        self.pages += 1
        kind = page_type(record)
        self.kinds[kind] += 1
        path = str(record.get("path"))
        if kind == "error":
            error = record["error"]
            self.errors[error.get("type", "?")] += 1
            if len(self.error_examples[error.get("type", "?")]) < EXAMPLES:
                self.error_examples[error.get("type", "?")].append(path)
            return
        site = site_of(record)
        self.sites[site] += 1
        self.site_blocks[site] += kind == "disclosure"
        for name in record.get("metadata") or {}:
            self.fields[name] += 1
            self.site_fields[site][name] += 1
        seen = set()
        for text in record.get("warnings") or []:
            key = warning_kind(text)
            if key in seen:
                continue
            seen.add(key)
            self.warnings[key] += 1
            if len(self.warning_examples[key]) < EXAMPLES:
                self.warning_examples[key].append(path)
        self.pages_with_warnings += bool(seen)

    def field_order(self) -> list[str]:
        """Canonical fields found at least once, most found first (ties in the documented order)."""
        order = list(CANONICAL_FIELDS)
        return sorted(self.fields, key=lambda name: (-self.fields[name], order.index(name) if name in order else 99))


def summarise(records: Iterator[dict]) -> Summary:
    """Count a batch's records."""
    summary = Summary()
    for record in records:
        summary.add(record)
    return summary


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def print_report(summary: Summary, console: Console, top: int, source: str) -> None:
    """The report as rich tables."""
    console.print(f"[bold]govmeta report[/bold] of {source}: {summary.pages} pages, "
                  f"{summary.kinds['error']} errors, {summary.pages_with_warnings} with warnings")
    kinds = Table(title="Pages by kind")
    kinds.add_column("kind")
    kinds.add_column("pages", justify="right")
    kinds.add_column("share", justify="right")
    for key, label in PAGE_TYPES.items():
        kinds.add_row(label, str(summary.kinds[key]), _percent(summary.kinds[key], summary.pages))
    console.print(kinds)

    fields = summary.field_order()
    shown_fields = fields[:10]
    sites = Table(title=f"Pages and canonical fields by site (top {top} sites"
                        + (f", {len(shown_fields)} of {len(fields)} fields" if len(fields) > 10 else "") + ")")
    sites.add_column("site", overflow="fold")
    sites.add_column("pages", justify="right")
    sites.add_column("block", justify="right")
    for name in shown_fields:
        sites.add_column(name, justify="right")
    for site, count in summary.sites.most_common(top):
        sites.add_row(site, str(count), str(summary.site_blocks[site]),
                      *(str(summary.site_fields[site][name] or "") for name in shown_fields))
    if len(summary.sites) > top:
        sites.caption = f"{len(summary.sites) - top} more sites not shown (--top)"
    console.print(sites)

    found = Table(title="Canonical fields found")
    found.add_column("field")
    found.add_column("pages", justify="right")
    found.add_column("of pages with a block", justify="right")
    for name in fields:
        found.add_row(name, str(summary.fields[name]), _percent(summary.fields[name], summary.kinds["disclosure"]))
    console.print(found)

    for title, counts, examples in (("Errors", summary.errors, summary.error_examples),
                                    ("Warnings (pages)", summary.warnings, summary.warning_examples)):
        table = Table(title=title)
        table.add_column("type" if title == "Errors" else "warning")
        table.add_column("pages", justify="right")
        table.add_column("examples")
        for key, count in counts.most_common(top):
            table.add_row(key, str(count), "\n".join(examples[key]))
        if not counts:
            table.add_row("(none)", "0", "")
        console.print(table)


def report_command(source: str, html_file: str | None, top: int) -> None:
    """Read SOURCE, print the report, and write the HTML page when asked (atomically)."""
    summary = summarise(read_records(source))
    print_report(summary, Console(), top, source)
    if html_file:
        from govmeta.cli.report_html import render_html

        partial = html_file + ".partial"
        with open(partial, "w", encoding="utf-8") as stream:
            stream.write(render_html(summary, source, top))
        os.replace(partial, html_file)
        Console(stderr=True).print(f"govmeta: wrote {html_file}", markup=False, highlight=False)
