"""``govmeta detect``: each file's encoding, without extracting the page."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from govmeta.cli.inputs import Input
from govmeta.cli.runner import error_record, guarded, load_page
from govmeta.parsers.encoding.decode import decode_page


def detect_records(inputs: list[Input], stdin_data: bytes | None, max_bytes: int) -> Iterator[dict]:
    """``{"path", "encoding", "step", "warnings"}`` per input, or an error record."""
    for inp in inputs:
        if inp.missing:
            yield error_record(inp.name, "not_found", inp.missing)
        else:
            yield guarded(inp.name, partial(_detect, inp, stdin_data, max_bytes))


def _detect(inp: Input, stdin_data: bytes | None, max_bytes: int) -> dict:
    page = load_page(inp, stdin_data, max_bytes)
    decoded = decode_page(page.data, transport=page.transport_charset)
    return {"path": inp.name, "encoding": decoded.info(), "step": decoded.step, "warnings": list(decoded.warnings)}


def print_table(records: Iterator[dict]) -> bool:
    """Print a table to stdout; True when some input failed."""
    from rich.console import Console  # lazy: only a table needs rich
    from rich.table import Table

    table = Table("path", "encoding", "source", "confidence", "declared", "step", "warnings")
    failed = False
    for record in records:
        if "error" in record:
            failed = True
            table.add_row(record["path"], "-", "error", "", "", "", record["error"]["message"])
            continue
        enc = record["encoding"]
        table.add_row(record["path"], enc["name"], enc["source"], f"{enc['confidence']:.2f}",
                      enc["declared"] or "", record["step"], "; ".join(record["warnings"]))
    Console().print(table)
    return failed
