"""Where records go: stdout, or a file that appears only once the run has finished."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from govmeta.cli.outputs import RecordWriter

PARTIAL_SUFFIX = ".partial"


@contextmanager
def open_sink(output: str | None, fmt: str, excel: bool) -> Iterator[RecordWriter]:
    """A RecordWriter on stdout (bytes, UTF-8 whatever the locale) or on ``output``.

    A file is written as ``output.partial`` and renamed to ``output`` when the run ends; a run
    that is interrupted leaves the whole records it wrote in ``output.partial``.
    """
    if output is None or output == "-":
        writer = RecordWriter(sys.stdout.buffer, fmt, excel)
        try:
            yield writer
        finally:
            writer.close()
        return
    partial = output + PARTIAL_SUFFIX
    with open(partial, "wb") as stream:
        writer = RecordWriter(stream, fmt, excel)
        try:
            yield writer
        finally:
            writer.close()
    os.replace(partial, output)
