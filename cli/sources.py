"""Records for any engine (Spark, Dask, a plain loop): pages, folders, archives and URIs in, records out.

Each record is the one ``govmeta extract`` writes for the same input (the runner makes it; ``line`` is
the CLI's serialiser), every failure is an error record, never an exception. A page inside a WARC file
also carries ``"warc": {"filename", "offset", "length"}``, where the record lies in the file. No engine
is imported here: everything taken and given is plain, picklable data.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from govmeta.cli import runner
from govmeta.cli.containers import GZIP_MAGIC
from govmeta.cli.inputs import Input, expand
from govmeta.cli.outputs import dumps
from govmeta.cli.runner import ExtractOptions, error_record, records_for
from govmeta.cli.sniff import ZIP_SUFFIXES, is_archive
from govmeta.cli.warcindex import record_locations

WARC_KEY = "warc"
FETCH_CHUNK = 1 << 20
ZIP_MAGIC = b"PK\x03\x04"


def line(record: dict) -> str:
    """A record as one JSON Lines line (without the newline), exactly as ``govmeta extract`` writes it."""
    return dumps(record)


def is_uri(name: str) -> bool:
    """True for names with a scheme (file://, s3://, https://), as opposed to local paths."""
    return "://" in name


def page_records(pages: Iterable[str | Input], options: ExtractOptions) -> Iterator[dict]:
    """The records of pages named by path or URI (or found by ``expand_names``), each read as
    ``govmeta extract`` reads it (an archive among them too, without locations)."""
    for page in pages:
        inp = page if isinstance(page, Input) else Input(page)
        if inp.missing:
            yield from records_for(inp, options)
        else:
            yield from _fetched(inp.name, lambda local, name=inp.name: records_for(_input(local, name), options))


def archive_records(name: str, options: ExtractOptions) -> Iterator[dict]:
    """The records of one archive (WARC or ZIP, by path or URI), read whatever its name's suffix;
    a WARC's pages carry their location in the file."""
    yield from _fetched(name, lambda local: _located(local, name, options))


def expand_names(names: Iterable[str]) -> Iterator[Input]:
    """Names as ``govmeta extract`` expands them (folders searched, globs matched); URIs as they are."""
    for name in names:
        if is_uri(name):
            yield Input(name)
        else:
            yield from expand([name])


def _input(local: str, name: str) -> Input:
    if os.path.exists(local) or os.path.islink(local):
        return Input(local)
    return Input(name, missing="no such file or directory")


def _located(local: str, name: str, options: ExtractOptions) -> Iterator[dict]:
    if not (os.path.exists(local) or os.path.islink(local)):
        yield error_record(name, "not_found", "no such file or directory")
        return
    if not is_archive(local):  # told to be a WARC whatever its name: read under a name that says so
        with _warc_named(local) as linked:
            yield from _renamed(_located(linked, linked, options), linked, local)
        return
    records = runner.archive_records(local, options)
    if not local.lower().endswith(ZIP_SUFFIXES):
        records = _with_locations(records, local, name)
    yield from records


@contextmanager
def _warc_named(local: str) -> Iterator[str]:
    """A link to ``local`` named .warc.gz, .zip or .warc after its first bytes, in a temporary folder."""
    with open(local, "rb") as stream:
        head = stream.read(4)
    suffix = ".warc.gz" if head.startswith(GZIP_MAGIC) else ".zip" if head == ZIP_MAGIC else ".warc"
    with tempfile.TemporaryDirectory(prefix="govmeta-") as folder:
        linked = os.path.join(folder, "archive" + suffix)
        os.symlink(os.path.abspath(local), linked)
        yield linked


def _renamed(records: Iterable[dict], local: str, name: str) -> Iterator[dict]:
    """Records read from ``local`` with their path (and WARC file name) naming ``name``."""
    for record in records:
        path = record.get("path")
        if local != name and isinstance(path, str) and path.startswith(local):
            record["path"] = name + path[len(local):]
            if record.get(WARC_KEY, {}).get("filename") == local:
                record[WARC_KEY]["filename"] = name
        yield record


def _with_locations(records: Iterator[dict], local: str, name: str) -> Iterator[dict]:
    """Each member record with its WARC location added; the walk and the records go in the same file order,
    so the walk is advanced to the member's name (None where the walk stopped short of it)."""
    locations = record_locations(local)
    prefix = local + "!"
    for record in records:
        path = record.get("path", "")
        if path.startswith(prefix):
            member = path[len(prefix):]
            found = next((loc for loc in locations if loc.name == member), None)
            record[WARC_KEY] = {"filename": name, "offset": found.offset if found else None,
                                "length": found.length if found else None}
        yield record


def _fetched(name: str, work: Callable[[str], Iterable[dict]]) -> Iterator[dict]:
    """``work``'s records on a local copy of ``name``, their paths naming ``name`` itself."""
    try:
        with _local_copy(name) as local:
            yield from _renamed(work(local), local, name)
    except (OSError, ValueError) as exc:
        yield error_record(name, "unreadable", f"cannot {'fetch' if is_uri(name) else 'read'} this input: {exc}")


@contextmanager
def _local_copy(name: str) -> Iterator[str]:
    """A local path for ``name``: a path as it is, a file:// URI's path, or any other URI copied into a
    temporary folder (through fsspec where installed, else urllib for http and https)."""
    if not is_uri(name):
        yield name
        return
    parsed = urllib.parse.urlsplit(name)
    if parsed.scheme == "file":
        yield urllib.request.url2pathname(parsed.path)
        return
    base = os.path.basename(urllib.parse.unquote(parsed.path)) or "input"
    with tempfile.TemporaryDirectory(prefix="govmeta-") as folder:
        local = os.path.join(folder, base)
        with _open_uri(name, parsed.scheme) as source, open(local, "wb") as target:
            shutil.copyfileobj(source, target, FETCH_CHUNK)
        yield local


def _open_uri(name: str, scheme: str):
    try:
        import fsspec
    except ImportError:
        if scheme not in ("http", "https"):
            raise ValueError(f"reading {scheme}:// needs fsspec and its {scheme} filesystem") from None
        return urllib.request.urlopen(name)
    try:
        return fsspec.open(name, "rb")
    except ImportError as exc:  # fsspec knows the scheme but its filesystem package is missing
        raise ValueError(str(exc)) from exc
