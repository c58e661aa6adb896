"""``govmeta detect``: each file's encoding, without extracting the page."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console
from rich.table import Table

from govmeta.cli.containers import ContainerError, open_page
from govmeta.cli.inputs import STDIN_NAME, Input
from govmeta.cli.runner import error_record
from govmeta.parsers.encoding import decode_page


def detect_records(inputs: list[Input], stdin_data: bytes | None, max_bytes: int) -> Iterator[dict]:
    """``{"path", "encoding", "warnings"}`` per input, or an error record."""
    for inp in inputs:
        if inp.missing:
            yield error_record(inp.name, "not_found", inp.missing)
            continue
        try:
            if inp.name == STDIN_NAME:
                data = stdin_data or b""
            else:
                with open(inp.name, "rb") as handle:
                    data = handle.read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield error_record(inp.name, "too_large", f"over the limit of {max_bytes} bytes (see --max-bytes)")
                    continue
            page = open_page(inp.name, data)
        except (OSError, ContainerError) as exc:
            yield error_record(inp.name, "unreadable", getattr(exc, "strerror", None) or str(exc))
            continue
        decoded = decode_page(page.data, transport=page.transport_charset)
        yield {"path": inp.name, "encoding": decoded.info(), "warnings": list(decoded.warnings)}


def print_table(records: Iterator[dict]) -> bool:
    """Print a table to stdout; True when some input failed."""
    table = Table("path", "encoding", "source", "confidence", "declared", "warnings")
    failed = False
    for record in records:
        if "error" in record:
            failed = True
            table.add_row(record["path"], "-", "error", "", "", record["error"]["message"])
            continue
        enc = record["encoding"]
        table.add_row(record["path"], enc["name"], enc["source"], f"{enc['confidence']:.2f}",
                      enc["declared"] or "", "; ".join(record["warnings"]))
    Console().print(table)
    return failed
