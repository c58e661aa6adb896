"""Bounds on what one input may cost: bytes read, bytes inflated, seconds spent.

Every read goes through ``read_bounded`` (at most ``max_bytes + 1`` bytes from any stream, whatever
size the file system reports: a FIFO, /dev/zero, stdin), and every gzip or deflate stream through
``inflate`` (streamed, stopped as soon as the inflated size passes ``max_bytes``: a bomb costs at
most ``max_bytes`` of memory). ``time_budget`` turns a page that runs over its seconds into a
``PageTimeout``.
"""

from __future__ import annotations

import signal
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from govmeta.parsers import ExtractionError

CHUNK = 1 << 16
# Default seconds one page may take in a run (--page-timeout).
DEFAULT_PAGE_TIMEOUT = 60.0


def too_large(what: str, max_bytes: int, size: int | None = None) -> ExtractionError:
    """The error of an input (or an archive member, or an inflated stream) over --max-bytes."""
    told = f"is {size} bytes" if size is not None else "is larger"
    return ExtractionError("too_large", f"the {what} {told}, over the limit of {max_bytes} (see --max-bytes)")


def read_bounded(stream: BinaryIO, max_bytes: int, what: str = "input") -> bytes:
    """The stream's bytes; ExtractionError ``too_large`` once more than ``max_bytes`` come."""
    parts: list[bytes] = []
    got = 0
    while got <= max_bytes:
        chunk = stream.read(min(CHUNK, max_bytes + 1 - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    if got > max_bytes:
        raise too_large(what, max_bytes)
    return b"".join(parts)


def _chunks(data: bytes | BinaryIO) -> Iterator[bytes]:
    if isinstance(data, bytes | bytearray | memoryview):
        view = memoryview(data)
        for start in range(0, len(view), CHUNK):
            yield bytes(view[start:start + CHUNK])
        return
    while chunk := data.read(CHUNK):
        yield chunk


def inflate(data: bytes | BinaryIO, max_bytes: int, wbits: int = 16 + zlib.MAX_WBITS,
            what: str = "inflated page") -> bytes:
    """Inflate gzip (default ``wbits``) or deflate data, streaming, to at most ``max_bytes``.

    Concatenated gzip members are read one after another, as ``gzip.decompress`` does. Raises
    ExtractionError ``too_large`` past the limit and ``zlib.error``/``EOFError`` for corrupt or
    truncated data.
    """
    out: list[bytes] = []
    got = 0
    engine = zlib.decompressobj(wbits)
    gzip_framed = wbits > zlib.MAX_WBITS
    done = False
    for chunk in _chunks(data):
        while chunk and not done:
            if engine.eof:  # another gzip member follows, or trailing bytes that gzip(1) also ignores
                if not (gzip_framed and chunk.startswith(b"\x1f\x8b")):
                    done = True
                    break
                engine = zlib.decompressobj(wbits)
            piece = engine.decompress(chunk, max_bytes + 1 - got)
            out.append(piece)
            got += len(piece)
            if got > max_bytes:
                raise too_large(what, max_bytes)
            chunk = engine.unused_data if engine.eof else engine.unconsumed_tail
        if done:
            break
    if not engine.eof:
        raise EOFError("compressed data ended before the end-of-stream marker")
    return b"".join(out)


class PageTimeout(BaseException):
    """A page ran over its time budget (--page-timeout)."""


def _on_alarm(signum, frame) -> None:
    raise PageTimeout()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise PageTimeout in the block once ``seconds`` pass (no budget for None/0, or off the main thread)."""
    if not seconds:
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    except ValueError:  # not the main thread: no alarm available
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
