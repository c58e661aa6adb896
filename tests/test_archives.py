"""Archives of many pages: WARC crawls and ZIP files give one record per page, named archive!member."""

from __future__ import annotations

import gzip
import json
import zipfile

from click.testing import CliRunner

from govmeta.cli.main import cli
from tests.paths import SAMPLE


def warc_record(kind: str, uri: str, content_type: str, block: bytes) -> bytes:
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str, extra: str = "") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}\r\n".encode() + body


def chunked(body: bytes, size: int = 700) -> bytes:
    parts = [f"{len(body[i:i + size]):x}\r\n".encode() + body[i:i + size] + b"\r\n" for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def records_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_warc_gz_gives_a_record_per_html_response(tmp_path):
    page = SAMPLE.read_bytes()
    lying = page.replace(b"charset=gb2312", b"charset=utf-8")  # the HTTP header tells the truth
    warc = b"".join([
        warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        warc_record("request", "http://www.example.gov.cn/a.html", "application/http; msgtype=request",
                    b"GET /a.html HTTP/1.1\r\n\r\n"),
        warc_record("response", "http://www.example.gov.cn/a.html", "application/http; msgtype=response",
                    http_response(lying, "text/html; charset=GBK")),
        warc_record("response", "http://www.example.gov.cn/logo.png", "application/http; msgtype=response",
                    http_response(b"\x89PNG\r\n\x1a\n", "image/png")),
        warc_record("response", "http://www.example.gov.cn/b.html", "application/http; msgtype=response",
                    http_response(chunked(gzip.compress(page)), "text/html",
                                  "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
    ])
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(gzip.compress(warc))
    result = CliRunner().invoke(cli, ["extract", "-q", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    first, second = records_of(result.stdout)
    assert first["path"] == f"{archive}!http://www.example.gov.cn/a.html"
    assert first["url"] == "http://www.example.gov.cn/a.html"
    assert first["encoding"]["source"] == "http"
    assert first["metadata"]["doc_no"] == "东政发〔2024〕7号"
    assert second["path"] == f"{archive}!http://www.example.gov.cn/b.html"
    assert second["title"] == first["title"]


def test_corrupt_warc_gives_an_error_record(tmp_path):
    archive = tmp_path / "broken.warc"
    archive.write_bytes(b"this is not a WARC file\r\n\r\n")
    result = CliRunner().invoke(cli, ["extract", "-q", str(archive), str(SAMPLE)])
    assert result.exit_code == 1
    error, ok = records_of(result.stdout)
    assert error["path"] == str(archive)
    assert error["error"]["type"] == "unreadable"
    assert "not a WARC record" in error["error"]["message"]
    assert "error" not in ok


def test_zip_of_saved_pages(tmp_path):
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("pages/one.html", SAMPLE.read_bytes())
        bundle.writestr("pages/empty.html", b"")
        bundle.writestr("pages/readme.md", b"# not a page pattern")
        bundle.writestr("pages/two.htm.gz", gzip.compress(SAMPLE.read_bytes()))
    result = CliRunner().invoke(cli, ["extract", "-q", str(archive)])
    assert result.exit_code == 1
    records = records_of(result.stdout)
    assert [r["path"] for r in records] == [f"{archive}!pages/one.html", f"{archive}!pages/empty.html",
                                            f"{archive}!pages/two.htm.gz"]
    assert records[1]["error"]["type"] == "empty"
    assert records[0]["title"] == records[2]["title"]


def test_member_over_the_limit(tmp_path):
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("big.html", SAMPLE.read_bytes())
    result = CliRunner().invoke(cli, ["extract", "-q", "--max-bytes", "1000", str(archive)])
    assert records_of(result.stdout)[0]["error"]["type"] == "too_large"


def test_summary_counts_records_of_archives(tmp_path):
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("a.html", SAMPLE.read_bytes())
        bundle.writestr("b.html", SAMPLE.read_bytes())
    result = CliRunner().invoke(cli, ["extract", str(archive)])
    assert result.stderr.startswith("govmeta: 1 inputs, 2 records, 0 errors in ")
