"""Finding inputs: files, directories, globs, stdin and lists of paths, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN_NAME = "-"
PAGE_PATTERNS = ("*.html", "*.htm", "*.shtml", "*.xhtml", "*.txt", "*.mht", "*.mhtml")
DEFAULT_PATTERNS = PAGE_PATTERNS + tuple(p + ".gz" for p in PAGE_PATTERNS) + ("*.warc", "*.warc.gz")
ALL_FILES = ("*",)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Input:
    """One input to read: a file path, stdin, or a path that could not be found."""

    name: str  # as the user named it (the record's path)
    missing: str | None = None  # why the name gives no file


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    lower = name.lower()
    return any(Path(lower).match(p) for p in patterns)


def _walk(directory: str, patterns: tuple[str, ...]) -> Iterator[str]:
    for root, dirs, files in os.walk(directory, onerror=None):
        dirs.sort()
        for name in sorted(files):
            if _matches(name, patterns):
                yield os.path.join(root, name)


def expand(paths: Iterable[str], patterns: tuple[str, ...] = DEFAULT_PATTERNS) -> Iterator[Input]:
    """Each named path as inputs: a directory recursively, a glob expanded, a file as it is."""
    for path in paths:
        if path == STDIN_NAME:
            yield Input(STDIN_NAME)
        elif os.path.isdir(path):
            yield from (Input(p) for p in _walk(path, patterns))
        elif os.path.exists(path) or os.path.islink(path):
            yield Input(path)
        elif _GLOB_CHARS & set(path):
            found = sorted(glob.glob(path, recursive=True))
            if not found:
                yield Input(path, missing="no file matches this pattern")
            for match in found:
                yield from expand([match], patterns) if os.path.isdir(match) else iter([Input(match)])
        else:
            yield Input(path, missing="no such file or directory")


def read_path_list(stream) -> Iterator[str]:
    """Paths from a --files-from stream, one per line (blank lines and surrounding spaces ignored)."""
    for line in stream:
        line = line.rstrip("\r\n")
        if line.strip():
            yield line.strip()
