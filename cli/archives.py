"""Archives of many saved pages: WARC crawls (.warc, .warc.gz) and ZIP files, read as a stream.

Each page inside becomes its own record, named ``archive!member`` (a WARC record's target URI, a ZIP
member's path). A WARC response's HTTP ``Content-Type`` charset is handed on as the transport charset.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from govmeta.cli.containers import ContainerError, Page, open_page
from govmeta.parsers import ExtractionError

WARC_SUFFIXES = (".warc", ".warc.gz")
ZIP_SUFFIXES = (".zip",)
# HTTP/WARC content types that are pages.
PAGE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ZIP_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt", ".mht", ".mhtml", ".html.gz", ".htm.gz")


def is_archive(name: str) -> bool:
    """True for names the archive readers open."""
    return name.lower().endswith(WARC_SUFFIXES + ZIP_SUFFIXES)


def archive_pages(path: str, max_bytes: int) -> Iterator[tuple[str, Page | Exception]]:
    """(member name, page or the error that member gave) for every page in the archive."""
    if path.lower().endswith(ZIP_SUFFIXES):
        yield from _zip_pages(path, max_bytes)
        return
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            yield from _warc_pages(stream, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        raise ContainerError(f"cannot read the WARC file: {exc}") from exc


def _headers(stream: BinaryIO) -> tuple[str, dict[str, str]] | None:
    """The first line and the headers of a WARC or HTTP header block; None at the end of the stream."""
    first = b"\r\n"
    while first in (b"\r\n", b"\n"):
        first = stream.readline()
        if not first:
            return None
    headers: dict[str, str] = {}
    for line in iter(stream.readline, b""):
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return first.decode("latin-1").strip(), headers


def _warc_pages(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[str, Page | Exception]]:
    index = 0
    while (block := _headers(stream)) is not None:
        version, headers = block
        if not version.startswith("WARC/"):
            raise ContainerError(f"not a WARC record at record {index + 1}: {version[:40]!r}")
        length = int(headers.get("content-length", "0") or 0)
        index += 1
        kind = headers.get("warc-type", "")
        name = headers.get("warc-target-uri", "").strip("<>") or f"record-{index}"
        content_type = headers.get("content-type", "").lower()
        is_response = kind == "response" and content_type.startswith("application/http")
        wanted = is_response or (kind == "resource" and content_type.startswith(PAGE_CONTENT_TYPES))
        if not wanted:
            _skip(stream, length)
            continue
        if length > max_bytes:
            _skip(stream, length)
            yield name, _too_large("record", length, max_bytes)
            continue
        payload = stream.read(length)
        if kind == "resource":
            yield name, Page(payload, name, content_type or None)
            continue
        page = _http_page(payload, name)
        if page is not None:
            yield name, page


def _skip(stream: BinaryIO, length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, 1 << 20))
        if not chunk:
            return
        length -= len(chunk)


def _too_large(what: str, size: int, max_bytes: int) -> ExtractionError:
    """The error of a page inside an archive over --max-bytes (the archive itself is read on)."""
    return ExtractionError("too_large", f"the {what} is {size} bytes, over the limit of {max_bytes} (see --max-bytes)")


def _http_page(payload: bytes, url: str) -> Page | Exception | None:
    """The page in an HTTP response, or None when the response is not a page.

    The response's Content-Type goes on whole as the transport charset: the workshop reads its
    ``charset=`` parameter.
    """
    stream = io.BytesIO(payload)
    block = _headers(stream)
    headers = block[1] if block else {}
    body = stream.read()
    content_type = headers.get("content-type", "")
    if content_type and not content_type.lower().startswith(PAGE_CONTENT_TYPES):
        return None
    try:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = _dechunk(body)
        encoding = headers.get("content-encoding", "").lower()
        if encoding in ("gzip", "x-gzip"):
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body, -zlib.MAX_WBITS if body[:1] != b"\x78" else zlib.MAX_WBITS)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        return ContainerError(f"cannot decode the HTTP body: {exc}")
    return Page(body, url, content_type or None)


def _dechunk(body: bytes) -> bytes:
    out, pos = [], 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end == -1:
            break
        size = int(body[pos:end].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            break
        out.append(body[end + 2:end + 2 + size])
        pos = end + 2 + size + 2
    return b"".join(out)


def _zip_pages(path: str, max_bytes: int) -> Iterator[tuple[str, Page | Exception]]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ContainerError(f"cannot read the ZIP file: {exc}") from exc
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith(ZIP_PAGE_SUFFIXES):
                continue
            if info.file_size > max_bytes:
                yield info.filename, _too_large("member", info.file_size, max_bytes)
                continue
            try:
                yield info.filename, open_page(info.filename, archive.read(info))
            except (OSError, zipfile.BadZipFile, zlib.error, ContainerError) as exc:
                yield info.filename, ContainerError(f"cannot read this member: {exc}")
