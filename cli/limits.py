"""Bounds on what one input may cost: bytes read, bytes inflated, seconds spent.

Every read goes through ``read_bounded`` (at most ``max_bytes + 1`` bytes from any stream, whatever
size the file system reports: a FIFO, /dev/zero, stdin), and every gzip or deflate stream through
``inflate`` (streamed, stopped as soon as the inflated size passes ``max_bytes``: a bomb costs at
most ``max_bytes`` of memory). ``time_budget`` turns a page that runs over its seconds into a
``PageTimeout``.
"""

from __future__ import annotations

import io
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


# A gzip stream that inflates to more than --max-bytes plus this many times its compressed size is a bomb
# (HTML inflates 5 to 20 times; a run of zeros 1,000 times).
MAX_INFLATE_RATIO = 100


class GunzipReader(io.RawIOBase):
    """A gzip stream (one member or many, as in a ``.warc.gz``) inflated as it is read, stopped with
    ExtractionError ``too_large`` once it inflates to more than ``max_bytes + MAX_INFLATE_RATIO`` times
    the compressed bytes read: skipping a huge record of zeros costs at most that, not its whole size."""

    def __init__(self, raw: BinaryIO, max_bytes: int) -> None:
        self._raw = raw
        self._max = max_bytes
        self._engine = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._carry = b""
        self._pending = memoryview(b"")
        self._read_in = self._given_out = 0
        self._started = self._done = False

    def readable(self) -> bool:
        return True

    def _next_input(self) -> bytes:
        if self._carry:
            data, self._carry = self._carry, b""
            return data
        data = self._raw.read(CHUNK)
        self._read_in += len(data)
        return data

    def readinto(self, buffer) -> int:
        while not self._pending:
            if self._done:
                return 0
            data = self._engine.unconsumed_tail or self._next_input()
            if not data:
                if self._started and not self._engine.eof:
                    raise EOFError("compressed data ended before the end-of-stream marker")
                self._done = True
                return 0
            if self._engine.eof:  # another member, or trailing bytes (ignored, as gzip(1) does)
                if not data.startswith(b"\x1f\x8b"):
                    self._done = True
                    return 0
                self._engine = zlib.decompressobj(16 + zlib.MAX_WBITS)
            piece = self._engine.decompress(data, CHUNK)
            self._started = True
            if self._engine.eof:
                self._carry = self._engine.unused_data
            self._given_out += len(piece)
            if self._given_out > self._max + MAX_INFLATE_RATIO * self._read_in:
                raise ExtractionError("too_large", f"the gzip stream inflates to over {MAX_INFLATE_RATIO} times its "
                                                   "size (a decompression bomb); the rest is not read")
            self._pending = memoryview(piece)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


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
