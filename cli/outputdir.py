"""``--output-dir DIR``: one JSON file per page, mirroring the input tree, each written atomically.

``saved/a/b.html`` scanned as ``saved`` becomes ``DIR/a/b.html.json``; the pages of an archive
``saved/x.warc.gz`` become ``DIR/x.warc.gz/1.json``, ``2.json``, … in archive order. Names come from the
input path only (never from member names), ``..`` parts are dropped, and a file whose real location would
fall outside DIR (through a symlink inside DIR) is refused.
"""

from __future__ import annotations

import json
import os
import tempfile

from govmeta.cli.inputs import STDIN_NAME
from govmeta.cli.outputs import dumps

SUMMARY_NAME = "govmeta-run.json"
STDIN_STEM = "stdin"


class OutsideError(Exception):
    """A record file that would land outside the output directory."""


def relative_name(name: str, roots: list[str]) -> str:
    """The input's path inside DIR: relative to the scanned folder that holds it, else to the working directory."""
    if name == STDIN_NAME:
        return STDIN_STEM
    absolute = os.path.abspath(name)
    for root in sorted(roots, key=len, reverse=True):
        base = os.path.abspath(root)
        if absolute.startswith(base.rstrip(os.sep) + os.sep):
            return _safe(os.path.relpath(absolute, base))
    relative = os.path.relpath(absolute)
    return _safe(absolute if relative.startswith(os.pardir) else relative)


def _safe(path: str) -> str:
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "_"


class OutputDir:
    """Writes each input's records under one directory."""

    def __init__(self, directory: str, roots: list[str]) -> None:
        os.makedirs(directory, exist_ok=True)
        self.directory = directory
        self.real = os.path.realpath(directory)
        self.roots = roots
        self.files = 0

    def targets(self, input_name: str, records: list[dict], archive: bool) -> list[str]:
        """The file each record goes to: ``<rel>.json`` for a page, ``<rel>/<n>.json`` for an archive's pages."""
        rel = relative_name(input_name, self.roots)
        if archive and not (len(records) == 1 and records[0].get("path") == input_name):
            return [f"{rel}/{n}.json" for n in range(1, len(records) + 1)]
        return [f"{rel}.json"] * len(records)

    def write(self, rel: str, record: dict) -> None:
        """Write one record file atomically (a temporary file in the same folder, renamed)."""
        target = os.path.join(self.directory, *rel.split("/"))
        folder = os.path.dirname(target)
        os.makedirs(folder, exist_ok=True)
        real_folder = os.path.realpath(folder)
        if real_folder != self.real and not real_folder.startswith(self.real + os.sep):
            raise OutsideError(f"{rel} would be written outside the output directory (through a symlink)")
        if os.path.islink(target):
            raise OutsideError(f"{rel} is a symlink in the output directory; not overwritten")
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".govmeta-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(dumps(record).encode("utf-8") + b"\n")
            os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        self.files += 1

    def write_summary(self, summary: dict) -> None:
        """The run summary, ``DIR/govmeta-run.json``, written atomically."""
        partial = os.path.join(self.directory, SUMMARY_NAME + ".partial")
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump(summary, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        os.replace(partial, os.path.join(self.directory, SUMMARY_NAME))
