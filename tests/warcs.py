"""WARC files built from saved pages with warcio, the way crawlers write them (Heritrix, wget --warc-file,
Common Crawl): a warcinfo record, then request/response pairs, one gzip member per record."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SITE = "http://www.example.gov.cn/"


def write_warc(target: Path, pages: Iterable[tuple[str, bytes, str]], compress: bool = True,
               extras: bool = True) -> Path:
    """Write ``(url, body, content_type)`` responses to ``target``; with ``extras``, also a warcinfo record,
    request records, a PNG response, a revisit and a resource record, as real crawls hold."""
    with open(target, "wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        if extras:
            writer.write_record(writer.create_warcinfo_record(target.name, {"software": "govmeta tests"}))
        for url, body, content_type in pages:
            if extras:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.example.gov.cn")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        if extras:
            png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(SITE + "logo.png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"), http_headers=png))
            writer.write_record(writer.create_warc_record(SITE + "again.html", "revisit"))
            writer.write_record(writer.create_warc_record(SITE + "note.txt", "resource",
                                                          payload=io.BytesIO("索引号：001\n标题：说明\n".encode()),
                                                          warc_content_type="text/plain; charset=utf-8"))
    return target


def gzip_body_broken(url: str) -> bytes:
    """One response record whose body claims gzip but is not (the reader gives an error record for it)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(b"not gzip at all"),
                                                  http_headers=headers))
    return buffer.getvalue()


def pages_of(files: Iterable[Path], prefix: str = SITE) -> list[tuple[str, bytes, str]]:
    """Saved pages as crawl responses (gzip-saved pages unwrapped, as a server would send them)."""
    out = []
    for number, path in enumerate(files):
        body = path.read_bytes()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        out.append((f"{prefix}{number}/{path.name}", body, "text/html"))
    return out
