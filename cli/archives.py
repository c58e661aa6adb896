"""Archives of many saved pages: WARC crawls (.warc, .warc.gz) and ZIP files, read as a stream.

Each page inside becomes its own record, named ``archive!member`` (a WARC record's target URI, a ZIP
member's path). A WARC response's HTTP ``Content-Type`` charset is handed on as the transport charset.
Every page is bounded by --max-bytes, counted after inflating; a record with a bad ``Content-Length``
ends the archive with an error (the next record cannot be found without it).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from govmeta.cli.containers import ContainerError, Page, open_page
from govmeta.cli.limits import CHUNK, GunzipReader, inflate, read_bounded, too_large
from govmeta.cli.sniff import GZIP_MAGIC, WARC
from govmeta.parsers import ExtractionError

if TYPE_CHECKING:
    import zipfile

# HTTP/WARC content types that are pages.
PAGE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ZIP_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt", ".mht", ".mhtml", ".html.gz", ".htm.gz")
NESTED_ARCHIVE_SUFFIXES = (".zip", ".warc", ".warc.gz", ".tar", ".tar.gz", ".tgz", ".7z", ".rar")
MAX_HEADER_LINE = 64 * 1024
MAX_HEADER_LINES = 1000


def archive_pages(stream: BinaryIO, kind: str, max_bytes: int) -> Iterator[tuple[str, Page | Exception]]:
    """(member name, page or the error that member gave) for every page in the archive.

    ``stream`` is the archive's bytes from the start (a ZIP's must be seekable). Raises
    ContainerError when the archive itself cannot be read on.
    """
    if kind != WARC:
        yield from _zip_pages(stream, max_bytes)
        return
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    try:
        if head == GZIP_MAGIC:
            yield from _warc_pages(io.BufferedReader(GunzipReader(stream, max_bytes), CHUNK), max_bytes)
        else:
            yield from _warc_pages(stream, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        raise ContainerError(f"cannot read the WARC file: {exc}") from exc


def _line(stream: BinaryIO) -> bytes:
    line = stream.readline(MAX_HEADER_LINE)
    if len(line) >= MAX_HEADER_LINE and not line.endswith(b"\n"):
        raise ContainerError("a header line longer than 64 KB")
    return line


def _headers(stream: BinaryIO) -> tuple[str, dict[str, str]] | None:
    """The first line and the headers of a WARC or HTTP header block; None at the end of the stream."""
    first = b"\r\n"
    while first in (b"\r\n", b"\n"):
        first = _line(stream)
        if not first:
            return None
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADER_LINES):
        line = _line(stream)
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    else:
        raise ContainerError(f"more than {MAX_HEADER_LINES} header lines")
    return first.decode("latin-1").strip(), headers


def _content_length(headers: dict[str, str], index: int) -> int:
    value = headers.get("content-length", "0").strip() or "0"
    if not value.isascii() or not value.isdigit():
        raise ContainerError(f"record {index} has a bad Content-Length ({value[:40]!r}); the rest cannot be read")
    return int(value)


def _warc_pages(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[str, Page | Exception]]:
    index = 0
    while (block := _headers(stream)) is not None:
        version, headers = block
        if not version.startswith("WARC/"):
            raise ContainerError(f"not a WARC record at record {index + 1}: {version[:40]!r}")
        index += 1
        length = _content_length(headers, index)
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
            yield name, too_large("record", max_bytes, length)
            continue
        payload = stream.read(length)
        if kind == "resource":
            yield name, _member_page(name, payload, content_type or None, max_bytes)
            continue
        page = _http_page(payload, name, max_bytes)
        if page is not None:
            yield name, page


def _skip(stream: BinaryIO, length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, 1 << 20))
        if not chunk:
            return
        length -= len(chunk)


def _member_page(name: str, data: bytes, charset: str | None, max_bytes: int) -> Page | Exception:
    try:
        page = open_page(name, data, max_bytes)
    except (ContainerError, ExtractionError) as exc:
        return exc
    return Page(page.data, page.url or name, page.transport_charset or charset)


def _http_page(payload: bytes, url: str, max_bytes: int) -> Page | Exception | None:
    """The page in an HTTP response, or None when the response is not a page.

    The response's Content-Type goes on whole as the transport charset: the workshop reads its
    ``charset=`` parameter.
    """
    stream = io.BytesIO(payload)
    try:
        block = _headers(stream)
    except ContainerError as exc:
        return exc
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
            body = inflate(body, max_bytes, what="inflated record")
        elif encoding == "deflate":
            wbits = zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS
            body = inflate(body, max_bytes, wbits=wbits, what="inflated record")
    except ExtractionError as exc:
        return exc
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
        if size <= 0:
            break
        out.append(body[end + 2:end + 2 + size])
        pos = end + 2 + size + 2
    return b"".join(out)


def _zip_pages(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[str, Page | Exception]]:
    import zipfile  # lazy: with shutil, bz2 and lzma, ~8 ms of start-up a page input never needs

    try:
        archive = zipfile.ZipFile(stream)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ContainerError(f"cannot read the ZIP file: {exc}") from exc
    with archive:
        for info in archive.infolist():
            lower = info.filename.lower()
            if info.is_dir():
                continue
            if lower.endswith(NESTED_ARCHIVE_SUFFIXES):
                yield info.filename, ExtractionError("nested_archive", "an archive inside the archive is not opened; "
                                                     "extract it and run govmeta on it")
                continue
            if not lower.endswith(ZIP_PAGE_SUFFIXES):
                continue
            if info.file_size > max_bytes:
                yield info.filename, too_large("member", max_bytes, info.file_size)
                continue
            yield info.filename, _zip_member(archive, info, max_bytes)


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> Page | Exception:
    """One member, read to at most ``max_bytes`` whatever size its header claims."""
    import zipfile  # (loaded already by _zip_pages)

    try:
        with archive.open(info) as member:
            data = read_bounded(member, max_bytes, "member")
        return open_page(info.filename, data, max_bytes)
    except (ExtractionError, ContainerError) as exc:
        return exc
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
            RuntimeError) as exc:
        return ContainerError(f"cannot read this member: {exc}")

