"""``govmeta detect``: each file's encoding, without extracting the page."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govmeta.cli.inputs import Input
from govmeta.cli.runner import Task, guarded, task_page, tasks
from govmeta.cli.terminal import for_terminal
from govmeta.parsers.encoding.decode import decode_page
from govmeta.parsers.validate import check_page_bytes


def detect_records(inputs: Iterable[Input], max_bytes: int) -> Iterator[dict]:
    """``{"path", "encoding", "step", "warnings"}`` per input, or an error record (an archive, a PDF or an
    Office file is not a page)."""
    for task in tasks(inputs, max_bytes, archives=False):
        if task.file is None and task.page is None:
            if task.record is not None:
                yield task.record
            continue
        yield guarded(task.path, lambda task=task: _detect(task, max_bytes))


def _detect(task: Task, max_bytes: int) -> dict:
    page = task_page(task, max_bytes)
    check_page_bytes(page.data)
    decoded = decode_page(page.data, transport=page.transport_charset)
    return {"path": task.path, "encoding": decoded.info(), "step": decoded.step, "warnings": list(decoded.warnings)}


def print_table(records: Iterator[dict]) -> bool:
    """Print a table to stdout; True when some input failed."""
    from rich.console import Console  # lazy: only a table needs rich
    from rich.table import Table
    from rich.text import Text

    table = Table("path", "encoding", "source", "confidence", "declared", "step", "warnings")
    failed = False
    for record in records:
        path = Text(for_terminal(record["path"]))
        if "error" in record:
            failed = True
            table.add_row(path, "-", "error", "", "", "", Text(for_terminal(record["error"]["message"])))
            continue
        enc = record["encoding"]
        table.add_row(path, enc["name"], enc["source"], f"{enc['confidence']:.2f}",
                      enc["declared"] or "", record["step"], Text(for_terminal("; ".join(record["warnings"]))))
    Console().print(table)
    return failed
