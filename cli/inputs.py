"""Finding inputs: files, directories, globs, stdin and lists of paths, in a stable order."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN_NAME = "-"
PAGE_PATTERNS = ("*.html", "*.htm", "*.shtml", "*.xhtml", "*.txt", "*.mht", "*.mhtml")
DEFAULT_PATTERNS = PAGE_PATTERNS + tuple(p + ".gz" for p in PAGE_PATTERNS) + ("*.warc", "*.warc.gz")
ALL_FILES = ("*",)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Input:
    """One input to read: a file path, stdin, or a path that gives no file (and why)."""

    name: str  # as the user named it (the record's path)
    missing: str | None = None  # why the name gives no file
    error_type: str = "not_found"  # the error record's type when it gives none


def record_path(name: str) -> str:
    """A path as the records write it: the file system's bytes read as UTF-8, whatever the locale; bytes
    that are not UTF-8 are written as ``\\xNN`` (so ``caf\\xe9.html`` names the Latin-1 file café.html)."""
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a name read as UTF-8 text under a locale that cannot encode it
        raw = name.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace")


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    lower = name.lower()
    return any(Path(lower).match(p) for p in patterns)


def _walk(directory: str, patterns: tuple[str, ...]) -> Iterator[Input]:
    problems: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=problems.append):
        yield from _problems(problems)
        dirs.sort()
        for name in sorted(files):
            if _matches(name, patterns):
                yield _regular_only(os.path.join(root, name))
    yield from _problems(problems)


def _problems(problems: list[OSError]) -> Iterator[Input]:
    """A directory the walk could not read, as an input that gives an error record."""
    while problems:
        exc = problems.pop(0)
        yield Input(exc.filename or "?", missing=f"cannot read this directory: {exc.strerror or exc}",
                    error_type="unreadable")


def _regular_only(path: str) -> Input:
    """A file found in a directory: only regular files (or links to them) are read; a FIFO would hang the
    run and a device never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return Input(path)  # a dangling link: the read says why
    if stat.S_ISREG(mode):
        return Input(path)
    return Input(path, missing="not a regular file (a FIFO, socket or device): skipped in a directory; "
                               "name it on the command line to read it", error_type="unreadable")


def expand(paths: Iterable[str], patterns: tuple[str, ...] = DEFAULT_PATTERNS) -> Iterator[Input]:
    """Each named path as inputs: a directory recursively, a glob expanded, a file as it is."""
    for path in paths:
        if path == STDIN_NAME:
            yield Input(STDIN_NAME)
        elif os.path.isdir(path):
            yield from _walk(path, patterns)
        elif os.path.exists(path) or os.path.islink(path):
            yield Input(path)
        elif _GLOB_CHARS & set(path):
            found = sorted(glob.glob(path, recursive=True))
            if not found:
                yield Input(path, missing="no file matches this pattern")
            for match in found:
                yield from _walk(match, patterns) if os.path.isdir(match) else iter([_regular_only(match)])
        else:
            yield Input(path, missing="no such file or directory")


def read_path_list(stream: BinaryIO, null: bool = False) -> Iterator[str]:
    """Paths from a --files-from stream: one per line (surrounding spaces and blank lines ignored), or with
    ``null`` NUL-separated and kept exactly (``find -print0``: names with spaces or newlines)."""
    data = stream.read()
    if null:
        yield from (os.fsdecode(entry) for entry in data.split(b"\0") if entry)
        return
    for line in data.splitlines():
        if line.strip():
            yield os.fsdecode(line.strip())
