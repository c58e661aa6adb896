"""Hostile inputs (issue 12): names, lengths, bombs, pipes, devices, archives. Each input gives exactly
one record or error record, read within --max-bytes, and the run goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from govmeta.cli.inputs import Input, expand, read_path_list
from govmeta.cli.main import cli
from tests.paths import SAMPLE
from tests.test_archives import http_response, warc_record

COMMAND = [sys.executable, "-m", "govmeta.cli"]
URI = "http://www.example.gov.cn/a.html"


def run_process(args: list[str], stdin: bytes | None = None, env: dict | None = None,
                timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(COMMAND + args, input=stdin, capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def run(args: list[str], stdin: bytes | None = None, timeout: float = 60) -> SimpleNamespace:
    """The command in this process (fast); what needs a real process (locale, pipes) uses run_process."""
    result = CliRunner().invoke(cli, args, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout_bytes, stderr=result.stderr_bytes)


def records(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def response(body: bytes, extra: str = "", uri: str = URI) -> bytes:
    return warc_record("response", uri, "application/http; msgtype=response",
                       http_response(body, "text/html; charset=GBK", extra))


def bomb(size: int) -> bytes:
    """gzip data that inflates to ``size`` zero bytes: one member of 1 MiB of zeros (about 1 KB), repeated."""
    return gzip.compress(b"\0" * (1 << 20), compresslevel=9) * (size >> 20)


# --- defect 2: names that are not UTF-8 ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_latin1_file_name_is_written_escaped(tmp_path, fmt):
    name = os.fsencode(tmp_path) + b"/caf\xe9.html"
    with open(name, "wb") as handle:
        handle.write(SAMPLE.read_bytes())
    done = run(["extract", "-q", "-f", fmt, os.fsdecode(name), str(SAMPLE)])
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode("utf-8")
    if fmt == "csv":
        assert "caf\\xe9.html" in text
    else:
        assert records(b"\n".join(line.rstrip(b",") for line in done.stdout.splitlines()
                                   if line.startswith(b"{")))[0]["path"].endswith("caf\\xe9.html")


def test_a_chinese_file_name_under_the_c_locale(tmp_path):
    page = tmp_path / "通知.html"
    page.write_bytes(SAMPLE.read_bytes())
    c_locale = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = run_process(["extract", str(page)], env=c_locale)
    assert done.returncode == 0, done.stderr
    assert records(done.stdout)[0]["path"] == str(page)


# --- defect 3: WARC lengths ---------------------------------------------------------------------------------

@pytest.mark.parametrize("length", ["x", "-5", "１２", "99999999999999999999999"])
def test_a_bad_warc_length_is_an_error_record_and_the_run_goes_on(tmp_path, length):
    good = response(SAMPLE.read_bytes())
    block_length = len(good.split(b"\r\n\r\n", 1)[1]) - 4
    bad = good.replace(f"Content-Length: {block_length}".encode(), f"Content-Length: {length}".encode(), 1)
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(good + bad + good)
    done = run(["extract", "-q", "--max-bytes", "1000000", str(archive), str(SAMPLE)])
    assert b"Traceback" not in done.stderr
    out = records(done.stdout)
    assert out[0]["path"] == f"{archive}!{URI}" and "error" not in out[0]
    if length.startswith("9"):  # a huge length is over --max-bytes: skipped to the end
        assert out[1]["error"]["type"] == "too_large"
    else:
        assert out[1]["error"]["type"] == "unreadable" and "Content-Length" in out[1]["error"]["message"]
    assert out[-1]["path"] == str(SAMPLE) and "error" not in out[-1]


# --- defects 4 and 5: bombs and --max-bytes on everything -------------------------------------------------

def test_a_gzip_bomb_is_too_large_fast_and_small(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(bomb(2 << 30))  # 2 GB of zeros in about 2 MB (under --max-bytes: the inflation is bounded)
    started = time.perf_counter()
    done = run(["extract", "-q", "--max-bytes", "4000000", str(page)], timeout=30)
    assert time.perf_counter() - started < 10
    (record,) = records(done.stdout)
    assert record["error"]["type"] == "too_large"


def test_bombs_inside_archives(tmp_path):
    big = bomb(64 << 20)
    bundle = tmp_path / "pages.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("a.html.gz", big)
        archive.writestr("b.html", SAMPLE.read_bytes())
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(response(big, "Content-Encoding: gzip\r\n") + response(SAMPLE.read_bytes()))
    done = run(["extract", "-q", "--max-bytes", "1000000", str(bundle), str(crawl)])
    out = records(done.stdout)
    assert [r.get("error", {}).get("type") for r in out] == ["too_large", None, "too_large", None]


def _lying_zip(path, data: bytes) -> None:
    """A ZIP whose member claims 100 bytes (local header and central directory) but inflates to more."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.html", data)
    raw = bytearray(buffer.getvalue())
    struct.pack_into("<I", raw, 22, 100)  # local header: uncompressed size
    central = raw.rfind(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 100)
    path.write_bytes(bytes(raw))


def test_a_zip_member_lying_about_its_size_is_read_only_to_the_limit(tmp_path):
    bundle = tmp_path / "liar.zip"
    _lying_zip(bundle, b"<p>" + b"a" * (8 << 20))
    done = run(["extract", "-q", "--max-bytes", "1000000", str(bundle)])
    (record,) = records(done.stdout)
    assert record["error"]["type"] in ("too_large", "unreadable")
    assert b"Traceback" not in done.stderr


def test_stdin_is_bounded():
    done = run(["extract", "-q", "--max-bytes", "1000"], stdin=SAMPLE.read_bytes())
    (record,) = records(done.stdout)
    assert record["error"]["type"] == "too_large"


def test_a_link_to_dev_zero_is_bounded(tmp_path):
    (tmp_path / "zero.html").symlink_to("/dev/zero")
    done = run(["extract", "-q", "--max-bytes", "100000", str(tmp_path / "zero.html")], timeout=30)
    (record,) = records(done.stdout)
    assert record["error"]["type"] == "too_large"


def test_fifos_and_devices_in_a_directory_are_skipped_with_an_error(tmp_path):
    os.mkfifo(tmp_path / "a.html")
    (tmp_path / "b.html").symlink_to("/dev/zero")
    (tmp_path / "c.html").write_bytes(SAMPLE.read_bytes())
    done = run(["extract", "-q", str(tmp_path)], timeout=30)
    out = records(done.stdout)
    assert [r.get("error", {}).get("type") for r in out] == ["unreadable", "unreadable", None]
    assert "not a regular file" in out[0]["error"]["message"]


def test_a_named_fifo_is_read(tmp_path):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    process = subprocess.Popen(COMMAND + ["extract", "-q", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open(fifo, "wb") as writer:
        writer.write(SAMPLE.read_bytes())
    out, err = process.communicate(timeout=60)
    assert records(out)[0]["metadata"]["doc_no"] == "东政发〔2024〕7号", err


def test_unreadable_directories_are_error_records(tmp_path, monkeypatch):
    (tmp_path / "ok.html").write_bytes(b"x")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(expand([str(tmp_path)]))
    assert Input(str(locked), missing="cannot read this directory: Permission denied",
                 error_type="unreadable") in found
    assert Input(str(tmp_path / "ok.html")) in found


# --- defect 6: MHTML headers ------------------------------------------------------------------------------

def test_mhtml_content_location_with_utf8_bytes_and_folds(tmp_path):
    page = tmp_path / "page.mht"
    page.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
                     b"Content-Type: text/html; charset=utf-8\r\nContent-Location: http://www.example.gov.cn/"
                     b"\xe9\x80\x9a\xe7\x9f\xa5\r\n  /a.html\r\n\r\n" + SAMPLE.read_bytes().replace(b"gb2312", b"utf-8")
                     + b"\r\n--b--\r\n")
    done = run(["extract", "-q", str(page), str(SAMPLE)])
    assert b"Traceback" not in done.stderr
    out = records(done.stdout)
    assert out[0]["url"] == "http://www.example.gov.cn/通知/a.html"
    assert len(out) == 2


# --- defect 10: archives accounted for --------------------------------------------------------------------

def test_a_zip_without_pages_and_a_nested_zip_are_accounted_for(tmp_path):
    empty = tmp_path / "images.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("logo.png", b"\x89PNG")
    nested = tmp_path / "outer.zip"
    with zipfile.ZipFile(nested, "w") as archive:
        archive.write(empty, "inner.zip")
        archive.writestr("a.html", SAMPLE.read_bytes())
    done = run(["extract", "-q", str(empty), str(nested)])
    out = records(done.stdout)
    assert out[0]["path"] == str(empty) and out[0]["error"]["type"] == "empty"
    assert out[1]["path"] == f"{nested}!inner.zip" and out[1]["error"]["type"] == "nested_archive"
    assert out[2]["path"] == f"{nested}!a.html" and "error" not in out[2]
    assert done.returncode == 1


# --- defect 15: --null ------------------------------------------------------------------------------------

def test_null_separated_names_are_kept_exactly(tmp_path):
    odd = tmp_path / " spaced\nname .html"
    odd.write_bytes(SAMPLE.read_bytes())
    listing = bytes(odd) + b"\0" + bytes(SAMPLE) + b"\0"
    done = run(["extract", "-q", "-0", "--files-from", "-"], stdin=listing)
    assert [r["path"] for r in records(done.stdout)] == [str(odd), str(SAMPLE)]
    assert list(read_path_list(io.BytesIO(b" a \n\nb\n"))) == ["a", "b"]  # lines: spaces trimmed as before


# --- defect 16: archives stream ---------------------------------------------------------------------------

def test_archive_records_stream_out_as_they_are_read():
    process = subprocess.Popen(COMMAND + ["extract", "-q", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdin.write(response(SAMPLE.read_bytes(), uri="http://x.gov.cn/1.html") * 1)
    process.stdin.write(response(SAMPLE.read_bytes(), uri="http://x.gov.cn/2.html"))
    process.stdin.flush()
    first = json.loads(process.stdout.readline())  # before stdin is closed: the record is already out
    assert first["path"] == "-!http://x.gov.cn/1.html"
    process.stdin.close()
    rest = process.stdout.read()
    process.wait(timeout=60)
    assert [r["path"] for r in records(rest)] == ["-!http://x.gov.cn/2.html"]


# --- defect 17: content, not names -----------------------------------------------------------------------

def test_a_warc_gz_on_stdin_and_a_renamed_one_are_read_as_warc(tmp_path):
    warc = gzip.compress(response(SAMPLE.read_bytes()))
    done = run(["extract", "-q"], stdin=warc)
    assert [r["path"] for r in records(done.stdout)] == [f"-!{URI}"]
    renamed = tmp_path / "crawl.html.gz"
    renamed.write_bytes(warc)
    done = run(["extract", "-q", str(renamed)])
    assert [r["path"] for r in records(done.stdout)] == [f"{renamed}!{URI}"]
    assert "error" not in records(done.stdout)[0]


def test_detect_says_a_zip_or_pdf_is_not_a_page(tmp_path):
    bundle = tmp_path / "a.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("a.html", SAMPLE.read_bytes())
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 10)
    done = run(["detect", "--format", "jsonl", str(bundle), str(pdf)])
    out = records(done.stdout)
    assert [r["error"]["type"] for r in out] == ["binary", "binary"]
    assert "ZIP archive" in out[0]["error"]["message"] and "PDF" in out[1]["error"]["message"]
    assert "--excel" not in run(["detect", "--help"]).stdout.decode()
