"""What a rerun may skip: each input's content hash and the settings it was extracted with.

An input is *unchanged* when its path was seen before with the same SHA-256 and the same fingerprint
(govmeta version plus the options that shape records). The database keeps this in its ``inputs`` table;
file outputs keep it in a JSON state file (``--skip-unchanged STATEFILE``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from govmeta.cli.inputs import STDIN_NAME, Input

HASH_CHUNK = 1 << 20
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@cache
def govmeta_version() -> str:
    """The installed govmeta version ("unknown" when run from a bare checkout); read when first asked for
    (importlib.metadata costs ~40 ms that a run without --version or a store does not need)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("govmeta")
    except PackageNotFoundError:
        return "unknown"


def fingerprint(options) -> str:
    """The settings a record depends on, as one string: version, --encoding, --simplified, the site rules
    (--rules, --labels), --max-bytes."""
    rules = None
    if options.rules is not None:
        import hashlib  # lazy: ~6 ms of start-up, needed only for a rerun's state

        data = json.dumps(options.rules.data, sort_keys=True, ensure_ascii=False, default=str)
        rules = hashlib.sha256(data.encode()).hexdigest()[:16]
    settings = {"govmeta": govmeta_version(), "encoding": options.encoding, "simplified": options.simplified,
                "rules": rules, "max_bytes": options.max_bytes}
    return json.dumps(settings, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class Stamp:
    """One input's identity for a rerun: content hash, size and mtime (None for what cannot be read)."""

    sha256: str | None
    size: int | None = None
    mtime: float | None = None


def stamp(inp: Input) -> Stamp:
    """Hash one input; stdin (read once, as a stream), an unreadable or a missing input gets an empty stamp
    (it is always extracted again)."""
    import hashlib  # lazy: ~6 ms of start-up, needed only for a rerun's state

    if inp.missing or inp.name == STDIN_NAME:
        return Stamp(None)
    digest = hashlib.sha256()
    try:
        with open(inp.name, "rb") as handle:
            info = os.fstat(handle.fileno())
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return Stamp(None)
    return Stamp(digest.hexdigest(), info.st_size, info.st_mtime)


class Memory(Protocol):
    """Where earlier runs are remembered: the database or a state file."""

    def seen(self, path: str) -> tuple[str, str] | None:
        """(sha256, fingerprint) stored for ``path``, or None."""


def classify(path: str, current: Stamp, settings: str, memory: Memory) -> str:
    """NEW, CHANGED or UNCHANGED; stdin and unreadable inputs are always redone."""
    before = memory.seen(path)
    if before is None:
        return NEW
    if path != STDIN_NAME and current.sha256 is not None and before == (current.sha256, settings):
        return UNCHANGED
    return CHANGED


class StateFile:
    """A JSON file of {path: [sha256, fingerprint]} for reruns with file outputs, replaced atomically."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[str, list[str]] = {}
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            if isinstance(data, dict) and isinstance(data.get("inputs"), dict):
                self.entries = data["inputs"]
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            raise StateError(f"cannot read the state file {path}: {exc}") from exc

    def seen(self, path: str) -> tuple[str, str] | None:
        entry = self.entries.get(path)
        return (entry[0], entry[1]) if isinstance(entry, list) and len(entry) == 2 else None

    def remember(self, path: str, current: Stamp, settings: str) -> None:
        """Note one input whose records were written."""
        if current.sha256 is not None and path != STDIN_NAME:
            self.entries[path] = [current.sha256, settings]

    def prune(self, keep: Iterable[str]) -> int:
        """Forget inputs not in ``keep``; the number forgotten."""
        keep = set(keep)
        gone = [path for path in self.entries if path not in keep]
        for path in gone:
            del self.entries[path]
        return len(gone)

    def save(self) -> None:
        """Write the state file whole (a temporary file renamed over it)."""
        partial = self.path + ".partial"
        with open(partial, "w", encoding="utf-8") as handle:
            json.dump({"govmeta_state": 1, "inputs": self.entries}, handle, ensure_ascii=False)
        os.replace(partial, self.path)


class StateError(Exception):
    """A state file or database that cannot be used."""
