"""Planning a scale-out run: a manifest of paths becomes tasks, one Spark partition each (no engine here).

Archives get a task each, largest first, so the longest tasks start first; pages are cut into groups
of about PAGES_PER_TASK in manifest order. Tasks hold only names: files are opened inside the tasks.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from govmeta.cli.inputs import Input, read_path_list
from govmeta.cli.runner import ExtractOptions
from govmeta.cli.sniff import is_archive
from govmeta.cli.sources import archive_records, expand_names, is_uri, page_records

InputKind = Literal["warc", "pages"]
INPUT_KINDS: tuple[str, ...] = ("warc", "pages")
PAGES_PER_TASK = 1000
TASKS_PER_CORE = 2


@dataclass(frozen=True)
class Task:
    """One partition's work: an archive, or a group of pages."""

    kind: Literal["archive", "pages"]
    inputs: tuple[Input, ...]
    size: int = 0  # bytes, where known: the order archives are started in


def read_manifest(path: str) -> list[str]:
    """The paths a manifest lists, one per line (blank lines and surrounding spaces ignored)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as stream:
        return list(read_path_list(stream))


def plan(names: Iterable[str], kind: InputKind | None = None, partitions: int | None = None,
         cores: int = 2) -> list[Task]:
    """The run's tasks. ``kind`` says what the manifest lists ("warc": every file is an archive, whatever
    its name; "pages": every file is read as ``govmeta extract`` reads it); None tells each file by its
    name. ``partitions`` is how many groups the pages are cut into (default: PAGES_PER_TASK pages each,
    and at least TASKS_PER_CORE per core)."""
    archives: list[Task] = []
    pages: list[Input] = []
    for inp in expand_names(names):
        as_archive = kind == "warc" or (kind is None and is_archive(inp.name))
        if as_archive and not inp.missing:
            archives.append(Task("archive", (inp,), _size(inp.name)))
        else:
            pages.append(inp)
    archives.sort(key=lambda task: task.size, reverse=True)
    return archives + [Task("pages", group) for group in _groups(pages, partitions, cores)]


def _groups(pages: list[Input], partitions: int | None, cores: int) -> Iterator[tuple[Input, ...]]:
    if not pages:
        return
    count = partitions or max(min(len(pages), TASKS_PER_CORE * cores), math.ceil(len(pages) / PAGES_PER_TASK))
    count = min(count, len(pages))
    for index in range(count):  # contiguous, sizes differing by at most one
        yield tuple(pages[index * len(pages) // count:(index + 1) * len(pages) // count])


def _size(name: str) -> int:
    if not is_uri(name):
        try:
            return os.path.getsize(name)
        except OSError:
            return 0
    try:
        import fsspec

        filesystem, path = fsspec.core.url_to_fs(name)
        return int(filesystem.size(path) or 0)
    except Exception:  # an unknown size only changes the order tasks start in
        return 0


def task_records(task: Task, options: ExtractOptions) -> Iterator[dict]:
    """The records of one task, as ``govmeta extract`` writes them (WARC pages with their location)."""
    if task.kind == "archive":
        yield from archive_records(task.inputs[0].name, options)
    else:
        yield from page_records(task.inputs, options)
