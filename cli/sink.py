"""Where records go: stdout, or a file that appears only once the run has finished.

Every record is written whole or not at all: a write that fails (a full disk) is cut back to the end
of the last whole record before the error goes on as an ``OutputError``.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.outputs import RecordWriter

PARTIAL_SUFFIX = ".partial"


class OutputError(Exception):
    """The records could not be written (disk full, quota, I/O error); ``str`` is one clear line."""


class WholeWrites:
    """A binary stream on a file descriptor where each ``write`` lands whole or is undone."""

    def __init__(self, fd: int, name: str) -> None:
        self.fd = fd
        self.name = name
        self._seekable = stat.S_ISREG(os.fstat(fd).st_mode)
        self._end = os.lseek(fd, 0, os.SEEK_CUR) if self._seekable else 0

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except BrokenPipeError:
            raise
        except OSError as exc:
            self._undo()
            raise OutputError(f"cannot write the records to {self.name}: {exc.strerror or exc}") from exc
        if self._seekable:
            self._end += len(data)
        return len(data)

    def _undo(self) -> None:
        if self._seekable:
            try:
                os.ftruncate(self.fd, self._end)
                os.lseek(self.fd, self._end, os.SEEK_SET)
            except OSError:
                pass

    def flush(self) -> None:
        """Nothing is buffered."""


class StreamWrites:
    """Writes to a stream without a file descriptor (a test harness's stdout): errors become OutputError."""

    def __init__(self, stream, name: str) -> None:
        self.stream = stream
        self.name = name

    def write(self, data: bytes) -> int:
        try:
            self.stream.write(data)
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write the records to {self.name}: {exc.strerror or exc}") from exc
        return len(data)

    def flush(self) -> None:
        """Flushed on every write."""


def output_problem(output: str | None) -> str | None:
    """Why ``-o output`` cannot be written (checked before any work), or None."""
    if output is None or output == "-":
        return None
    directory = os.path.dirname(output) or "."
    if not os.path.isdir(directory):
        return f"cannot write {output}: the directory {directory} does not exist"
    if os.path.isdir(output):
        return f"cannot write {output}: it is a directory"
    if not os.access(directory, os.W_OK | os.X_OK) and not _is_special(output):
        return f"cannot write {output}: the directory {directory} is not writable"
    return None


def _is_special(path: str) -> bool:
    """An existing file that is not a regular file (/dev/null, a FIFO, a terminal): written directly."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _fileno(stream) -> int | None:
    try:
        return stream.fileno()
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError and a ValueError
        return None


@contextmanager
def _writer(fd: int | None, name: str, fmt: str, excel: bool) -> Iterator[RecordWriter]:
    target = WholeWrites(fd, name) if fd is not None else StreamWrites(sys.stdout.buffer, name)
    writer = RecordWriter(target, fmt, excel)
    yield writer
    writer.close()


@contextmanager
def open_sink(output: str | None, fmt: str, excel: bool) -> Iterator[RecordWriter]:
    """A RecordWriter on stdout (bytes, UTF-8 whatever the locale) or on ``output``.

    A regular file is written as ``output.partial`` and renamed to ``output`` when the run ends; a run
    that is interrupted leaves the whole records it wrote in ``output.partial``. A run that wrote no
    record leaves an existing ``output`` as it was. A device or FIFO (``/dev/null``) is written directly.
    """
    if output is None or output == "-":
        sys.stdout.flush()
        with _writer(_fileno(sys.stdout), "stdout", fmt, excel) as writer:
            yield writer
        return
    if _is_special(output):
        fd = os.open(output, os.O_WRONLY)
        try:
            with _writer(fd, output, fmt, excel) as writer:
                yield writer
        finally:
            os.close(fd)
        return
    partial = output + PARTIAL_SUFFIX
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        with _writer(fd, output, fmt, excel) as writer:
            yield writer
    finally:
        os.close(fd)
    if writer.count == 0 and os.path.exists(output):
        os.remove(partial)
        return
    os.replace(partial, output)


def end_quietly() -> NoReturn:
    """The reader of stdout (``| head -1``) has all it wanted: stop writing and exit 0, with no traceback
    from the interpreter's final flush."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(ExitCode.OK)
