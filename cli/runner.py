"""Running inputs through the workshop: one process or a pool, records in input order."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from govmeta.cli.archives import archive_pages, is_archive
from govmeta.cli.containers import ContainerError, Page, open_page
from govmeta.cli.inputs import STDIN_NAME, Input
from govmeta.parsers import ExtractionError, extract_record
from govmeta.parsers.siterules import SiteRules

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
POOL_CHUNKSIZE = 8
AUTO_JOBS = 0  # --jobs 0: choose from the inputs and the machine (auto_jobs)
INPUTS_PER_WORKER = 32  # auto: a worker only for each 32 inputs (below, start-up and hand-over cost more)


@dataclass(frozen=True)
class ExtractOptions:
    """What every page of a run is extracted with (picklable, sent once to each worker)."""

    encoding: str | None = None
    rules: SiteRules | None = None  # site rules (--rules, --labels); picklable
    max_bytes: int = DEFAULT_MAX_BYTES
    simplified: bool = False


def error_record(path: str, kind: str, message: str) -> dict:
    """The record of an input that gave no page."""
    return {"path": path, "error": {"type": kind, "message": message}}


def _read(inp: Input, stdin_data: bytes | None, max_bytes: int) -> bytes:
    if inp.name == STDIN_NAME:
        return stdin_data or b""
    size = os.path.getsize(inp.name)
    if size > max_bytes:
        raise ExtractionError("too_large", f"the file is {size} bytes, over the limit of {max_bytes} (see --max-bytes)")
    with open(inp.name, "rb") as handle:
        return handle.read()


def load_page(inp: Input, stdin_data: bytes | None, max_bytes: int) -> Page:
    """One input's page: its bytes read (stdin's as given) and its container (gzip, MHTML) opened."""
    return open_page(inp.name, _read(inp, stdin_data, max_bytes))


def records_for(inp: Input, options: ExtractOptions, stdin_data: bytes | None = None) -> list[dict]:
    """The records of one input: one for a page, one per page for an archive; never raises for bad input."""
    if inp.missing:
        return [error_record(inp.name, "not_found", inp.missing)]
    if inp.name != STDIN_NAME and is_archive(inp.name):
        return list(archive_records(inp.name, options))
    return [guarded(inp.name, lambda: _extract(load_page(inp, stdin_data, options.max_bytes), inp.name, options))]


def archive_records(name: str, options: ExtractOptions) -> Iterator[dict]:
    """The records of an archive's pages as they are read, named ``name!member``; an unreadable archive
    ends with an error record named ``name``. Never raises for bad input."""
    try:
        for member, page in archive_pages(name, options.max_bytes):
            path = f"{name}!{member}"
            yield guarded(path, lambda page=page, path=path: _extract(page, path, options))
    except (OSError, ContainerError) as exc:
        yield error_record(name, "unreadable", getattr(exc, "strerror", None) or str(exc))


def _extract(page: Page | Exception, path: str, options: ExtractOptions) -> dict:
    if isinstance(page, Exception):  # an archive member that could not be read
        raise page
    return extract_record(
        page.data,
        path,
        page.url,
        encoding=options.encoding,
        transport_charset=page.transport_charset,
        rules=options.rules,
        simplified=options.simplified,
    )


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


def guarded(path: str, work: Callable[[], dict]) -> dict:
    """``work()``'s record for one page; every failure becomes an error record, so the batch goes on."""
    try:
        with gc_paused():
            return work()
    except ExtractionError as exc:
        return error_record(path, exc.kind, exc.message)
    except IsADirectoryError:
        return error_record(path, "unreadable", "is a directory")
    except PermissionError:
        return error_record(path, "unreadable", "permission denied")
    except OSError as exc:
        return error_record(path, "unreadable", exc.strerror or str(exc))
    except ContainerError as exc:
        return error_record(path, "unreadable", str(exc))
    except RecursionError:
        return error_record(path, "not_a_page", "the document is nested too deeply to read")
    except Exception as exc:  # a bug in the workshop must not end the batch: report it and go on
        return error_record(path, "internal", f"govmeta failed on this page ({type(exc).__name__}: {exc}); "
                                              "please report it with the page")


_worker_state: tuple[ExtractOptions, bytes | None] | None = None


def _init_worker(options: ExtractOptions, stdin_data: bytes | None) -> None:
    global _worker_state
    _worker_state = (options, stdin_data)
    gc.freeze()


def _worker_records(inp: Input) -> list[dict]:
    assert _worker_state is not None
    options, stdin_data = _worker_state
    return records_for(inp, options, stdin_data)


def idle_cpus(window: float = 0.1) -> float | None:
    """How many CPUs sat idle over the next ``window`` seconds (Linux /proc/stat; None where unreadable)."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(t) for t in stat.readline().split()[1:9]]  # user nice system idle iowait irq softirq steal
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


def run(inputs: Iterable[Input], options: ExtractOptions, jobs: int = 1,
        stdin_data: bytes | None = None) -> Iterator[list[dict]]:
    """Each input's records, in input order; ``jobs`` > 1 uses a forked process pool, ``AUTO_JOBS`` (0) lets
    ``auto_jobs`` choose (``inputs`` then must be a list)."""
    if jobs == AUTO_JOBS:
        jobs = auto_jobs(len(inputs))
    gc.freeze()  # start-up objects (modules, rules, tables) are never garbage: keep the collector off them
    if jobs <= 1:
        for inp in inputs:
            yield records_for(inp, options, stdin_data)
        return
    import multiprocessing  # lazy: ~12 ms that a one-process run does not need

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs, initializer=_init_worker, initargs=(options, stdin_data)) as pool:
        yield from pool.imap(_worker_records, inputs, chunksize=POOL_CHUNKSIZE)
