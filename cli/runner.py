"""Running inputs through the workshop: one process or a pool, records in input order, archives streamed.

The parent turns inputs into tasks (a file to read, a page from an archive or a pipe, or a record
already made); workers turn tasks into records. Each task gives at most one record, so an archive's
records stream out as its pages are read.
"""

from __future__ import annotations

import gc
import io
import os
import signal
import stat
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import BinaryIO

from govmeta.cli.archives import archive_pages
from govmeta.cli.containers import ContainerError, Page, open_page
from govmeta.cli.inputs import STDIN_NAME, Input, record_path
from govmeta.cli.limits import DEFAULT_PAGE_TIMEOUT, PageTimeout, read_bounded, time_budget, too_large
from govmeta.cli.sniff import HEAD_BYTES, PAGE, WARC, ZIP, input_kind, named_kind
from govmeta.parsers import ExtractionError, extract_record
from govmeta.parsers.siterules import SiteRules

# 16 MiB: a 16 MB page takes about 40 s and 0.8 GB (lxml tree and record); 64 MB took 75 s and 2.7 GB.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
POOL_CHUNKSIZE = 8
IN_FLIGHT_PER_JOB = 4 * POOL_CHUNKSIZE  # tasks (with their page bytes) queued ahead per worker
AUTO_JOBS = 0  # --jobs 0: choose from the inputs and the machine (auto_jobs)
INPUTS_PER_WORKER = 32  # auto: a worker only for each 32 inputs (below, start-up and hand-over cost more)


@dataclass(frozen=True)
class ExtractOptions:
    """What every page of a run is extracted with (picklable, sent once to each worker)."""

    encoding: str | None = None
    rules: SiteRules | None = None  # site rules (--rules, --labels); picklable
    max_bytes: int = DEFAULT_MAX_BYTES
    simplified: bool = False
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT


@dataclass(frozen=True)
class Task:
    """One unit of work: a regular file to read, a page already read (or its error), or a record made."""

    path: str  # the record's path
    file: str | None = None
    page: Page | Exception | None = None
    record: dict | None = None
    ends_input: bool = True  # the last task of its input (an archive ends with a task that has no record)


Outcome = tuple[dict | None, bool]  # (the task's record or None, whether its input is done)


def error_record(path: str, kind: str, message: str) -> dict:
    """The record of an input that gave no page."""
    return {"path": path, "error": {"type": kind, "message": message}}


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff them) served again, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _read_head(stream: BinaryIO) -> bytes:
    parts, got = [], 0
    while got < HEAD_BYTES and (chunk := stream.read(HEAD_BYTES - got)):
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _os_error_record(path: str, exc: OSError) -> dict:
    if isinstance(exc, IsADirectoryError):
        return error_record(path, "unreadable", "is a directory")
    if isinstance(exc, PermissionError):
        return error_record(path, "unreadable", "permission denied")
    return error_record(path, "unreadable", exc.strerror or str(exc))


def tasks(inputs: Iterable[Input], max_bytes: int, archives: bool = True) -> Iterator[Task]:
    """Every input's tasks, in order; archives (judged by their bytes) give one task per page, unless
    ``archives`` is false (then an archive is an error: it is not a page)."""
    for inp in inputs:
        shown = record_path(inp.name)
        if inp.missing:
            yield Task(shown, record=error_record(shown, inp.error_type, inp.missing))
            continue
        try:
            yield from _input_tasks(inp, shown, max_bytes, archives)
        except OSError as exc:
            yield Task(shown, record=_os_error_record(shown, exc))


def _open(inp: Input) -> tuple[BinaryIO, bool]:
    """The input's stream and whether it is a regular file."""
    if inp.name == STDIN_NAME:
        if sys.stdin is None:
            raise FileNotFoundError(2, "stdin is closed")
        try:
            stream = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
        except (OSError, ValueError):  # no descriptor (a test harness's stdin): read it as it is
            return sys.stdin.buffer, False
    else:
        stream = open(inp.name, "rb")  # noqa: SIM115 - closed by the caller
    return stream, stat.S_ISREG(os.fstat(stream.fileno()).st_mode)


def _input_tasks(inp: Input, shown: str, max_bytes: int, archives: bool) -> Iterator[Task]:
    stream, regular = _open(inp)
    with nullcontext() if stream is getattr(sys.stdin, "buffer", None) else stream:
        head = _read_head(stream)
        kind = input_kind(head)
        if kind == PAGE and inp.name != STDIN_NAME:
            kind = named_kind(inp.name)
        if kind == PAGE:
            if regular:
                yield Task(shown, file=inp.name)
                return
            yield Task(shown, page=_pipe_page(shown, head, stream, max_bytes))
            return
        if not archives:
            what = "a WARC archive" if kind == WARC else "a ZIP archive"
            yield Task(shown, record=error_record(shown, "binary", f"the input is {what} of pages, not a page "
                                                                    "(govmeta extract reads the pages in it)"))
            return
        if regular:
            stream.seek(0)
            source: BinaryIO = stream
        elif kind == ZIP:  # a ZIP is read from its end: a pipe's is read whole, up to --max-bytes
            try:
                source = io.BytesIO(head + read_bounded(stream, max(max_bytes - len(head), 0), "ZIP archive"))
            except ExtractionError as exc:
                yield Task(shown, record=error_record(shown, exc.kind, exc.message))
                return
        else:
            source = io.BufferedReader(_Rewound(head, stream))
        yield from _archive_tasks(shown, kind, source, max_bytes)


def _pipe_page(name: str, head: bytes, stream: BinaryIO, max_bytes: int) -> Page | Exception:
    """The page from a pipe or device (stdin, a FIFO, /dev/zero): at most max_bytes + 1 bytes read."""
    try:
        if len(head) > max_bytes:
            raise too_large("input", max_bytes)
        try:
            data = head + read_bounded(stream, max_bytes - len(head))
        except ExtractionError:
            raise too_large("input", max_bytes) from None
        return open_page(name, data, max_bytes)
    except (ExtractionError, ContainerError) as exc:
        return exc


def _archive_tasks(shown: str, kind: str, source: BinaryIO, max_bytes: int) -> Iterator[Task]:
    count = 0
    try:
        for member, page in archive_pages(source, kind, max_bytes):
            count += 1
            yield Task(f"{shown}!{member}", page=page, ends_input=False)
    except ExtractionError as exc:  # a bomb: the archive is not read on
        yield Task(shown, record=error_record(shown, exc.kind, exc.message))
        return
    except (ContainerError, OSError, EOFError, zlib.error, ValueError) as exc:
        yield Task(shown, record=error_record(shown, "unreadable", getattr(exc, "strerror", None) or str(exc)))
        return
    if count == 0:
        what = "WARC file" if kind == WARC else "ZIP file"
        yield Task(shown, record=error_record(shown, "empty", f"the {what} holds no pages"))
        return
    yield Task(shown)


def read_file(name: str, max_bytes: int) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` (its size is checked first, then the read is bounded)."""
    with open(name, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise too_large("file", max_bytes, size)
        try:
            return read_bounded(handle, max_bytes)
        except ExtractionError:
            raise too_large("file", max_bytes) from None


def task_page(task: Task, max_bytes: int) -> Page:
    """The task's page: read and unwrapped (gzip, MHTML) for a file; raises the error a member gave."""
    if isinstance(task.page, Exception):
        raise task.page
    if task.page is not None:
        return task.page
    assert task.file is not None
    return open_page(task.file, read_file(task.file, max_bytes), max_bytes)


def _extract(task: Task, options: ExtractOptions) -> dict:
    page = task_page(task, options.max_bytes)
    return extract_record(
        page.data,
        task.path,
        page.url,
        encoding=options.encoding,
        transport_charset=page.transport_charset,
        rules=options.rules,
        simplified=options.simplified,
    )


def perform(task: Task, options: ExtractOptions) -> Outcome:
    """The task's record (None for an archive's end) and whether its input is done."""
    if task.file is None and task.page is None:
        return task.record, task.ends_input
    return guarded(task.path, lambda: _extract(task, options), options.page_timeout), task.ends_input


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside one page (its many short-lived objects would trigger dozens); the
    collector's state is restored after, so garbage left by the page is collected between pages."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def guarded(path: str, work: Callable[[], dict], seconds: float | None = None) -> dict:
    """``work()``'s record for one page within ``seconds``; every failure becomes an error record, so the
    batch goes on."""
    try:
        with time_budget(seconds), gc_paused():
            return work()
    except PageTimeout:
        return error_record(path, "timeout", f"the page took more than {seconds:g} s (see --page-timeout)")
    except ExtractionError as exc:
        return error_record(path, exc.kind, exc.message)
    except OSError as exc:
        return _os_error_record(path, exc)
    except ContainerError as exc:
        return error_record(path, "unreadable", str(exc))
    except (RecursionError, MemoryError) as exc:
        what = "nested too deeply" if isinstance(exc, RecursionError) else "too big"
        return error_record(path, "not_a_page", f"the document is {what} to read")
    except Exception as exc:  # a bug in the workshop must not end the batch: report it and go on
        return error_record(path, "internal", f"govmeta failed on this page ({type(exc).__name__}: {exc}); "
                                              "please report it with the page")


_worker_options: ExtractOptions | None = None


def _init_worker(options: ExtractOptions) -> None:
    """A worker leaves Ctrl-C and SIGTERM to the parent (which ends the pool) and prints nothing."""
    global _worker_options
    _worker_options = options
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the worker's life


def _worker_perform(task: Task) -> Outcome:
    assert _worker_options is not None
    return perform(task, _worker_options)


def _throttled(source: Iterator[Task], room: threading.Semaphore, stop: threading.Event) -> Iterator[Task]:
    for task in source:
        while not room.acquire(timeout=0.1):
            if stop.is_set():
                return
        yield task


def idle_cpus(window: float = 0.1) -> float | None:
    """How many CPUs sat idle over the next ``window`` seconds (Linux /proc/stat; None where unreadable)."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as proc_stat:
            ticks = [int(t) for t in proc_stat.readline().split()[1:9]]  # user nice system idle iowait irq ...
        return ticks[3] + ticks[4], sum(ticks)

    try:
        idle0, total0 = sample()
        time.sleep(window)
        idle1, total1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    return (os.cpu_count() or 1) * (idle1 - idle0) / max(total1 - total0, 1)


def auto_jobs(count: int, idle: Callable[[], float | None] = idle_cpus) -> int:
    """Processes for ``count`` inputs: one per CPU and per ``INPUTS_PER_WORKER`` inputs (fewer inputs do not pay
    for the workers' start and hand-over), and no more than the CPUs now idle: on a machine other sessions keep
    busy, the scheduler shares CPU between sessions, so workers only add their overhead (measured 0.8-0.95x)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    jobs = max(1, min(cpus, count // INPUTS_PER_WORKER))
    if jobs > 1:
        spare = idle()
        if spare is not None:
            jobs = max(1, min(jobs, round(spare)))
    return jobs


def input_records(inp: Input, options: ExtractOptions) -> Iterator[dict]:
    """The records of one input as they are made (one for a page, one per page for an archive, named
    ``name!member``); never raises for bad input."""
    for task in tasks([inp], options.max_bytes):
        record, _ = perform(task, options)
        if record is not None:
            yield record


def records_for(inp: Input, options: ExtractOptions) -> list[dict]:
    """``input_records`` as a list."""
    return list(input_records(inp, options))


def archive_records(name: str, options: ExtractOptions) -> Iterator[dict]:
    """The records of an archive's pages as they are read (``name!member``)."""
    return input_records(Input(name), options)


def run_by_input(inputs: list[Input], options: ExtractOptions, jobs: int = 1) -> Iterator[list[dict]]:
    """Each input's records together, in input order (``run``'s outcomes grouped by input)."""
    records: list[dict] = []
    for record, input_done in run(inputs, options, jobs):
        if record is not None:
            records.append(record)
        if input_done:
            yield records
            records = []


def run(inputs: Iterable[Input], options: ExtractOptions, jobs: int = 1) -> Iterator[Outcome]:
    """Each task's outcome, in input order; ``jobs`` > 1 uses a forked process pool (at most a few
    tasks per worker read ahead, so an archive is never held whole in memory); ``AUTO_JOBS`` (0) lets
    ``auto_jobs`` choose (``inputs`` then must be a list)."""
    if jobs == AUTO_JOBS:
        jobs = auto_jobs(len(inputs))
    gc.freeze()  # start-up objects (modules, rules, tables) are never garbage: keep the collector off them
    source = tasks(inputs, options.max_bytes)
    if jobs <= 1:
        for task in source:
            yield perform(task, options)
        return
    import multiprocessing  # lazy: ~12 ms that a one-process run does not need

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    room = threading.Semaphore(jobs * IN_FLIGHT_PER_JOB)
    stop = threading.Event()
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        try:
            for outcome in pool.imap(_worker_perform, _throttled(source, room, stop), chunksize=POOL_CHUNKSIZE):
                room.release()
                yield outcome
        finally:
            stop.set()
