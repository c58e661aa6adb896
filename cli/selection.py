"""Which found inputs a run reads: ``--exclude`` globs, and never its own output files."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import PurePath

from govmeta.cli.inputs import STDIN_NAME, Input

# Suffixes a run's own output may carry beside the named file (partial writes, SQLite's WAL files).
OUTPUT_COMPANIONS = ("", ".partial", "-wal", "-shm", "-journal")
SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}


def format_for(output: str | None) -> str:
    """The output format an ``-o`` file's suffix names (JSON Lines when it names none)."""
    if not output or output == "-":
        return "jsonl"
    return SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower(), "jsonl")


def excluded(name: str, globs: Iterable[str]) -> bool:
    """True when the path matches a glob from the right (``*_files/*``, ``robots.txt``) or a folder name does."""
    path = PurePath(name)
    for pattern in globs:
        if path.match(pattern):
            return True
        if "/" not in pattern and any(fnmatch.fnmatch(part, pattern) for part in path.parts[:-1]):
            return True
    return False


def select(inputs: Iterable[Input], globs: Iterable[str], output_files: Iterable[str | None],
           output_dirs: Iterable[str | None]) -> list[Input]:
    """The inputs left once excluded globs and the run's own outputs (files and folders) are taken out."""
    globs = tuple(globs)
    own = {os.path.abspath(f) + suffix for f in output_files if f and f != STDIN_NAME for suffix in OUTPUT_COMPANIONS}
    dirs = [os.path.abspath(d).rstrip(os.sep) + os.sep for d in output_dirs if d]
    kept = []
    for inp in inputs:
        if inp.name != STDIN_NAME and not inp.missing:
            absolute = os.path.abspath(inp.name)
            if absolute in own or any(absolute.startswith(d) for d in dirs):
                continue
            if globs and excluded(inp.name, globs):
                continue
        kept.append(inp)
    return kept


def named_output(paths: Iterable[str], outputs: Iterable[str | None]) -> str | None:
    """An output file that is also named as an input (writing it would destroy the page), or None."""
    named = {os.path.abspath(p) for p in paths if p != STDIN_NAME}
    return next((f for f in outputs if f and f != STDIN_NAME and os.path.abspath(f) in named), None)
