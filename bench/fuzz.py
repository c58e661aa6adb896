#!/usr/bin/env python3
"""Fuzz govmeta's front door: mutated pages, hostile archives, odd files; every input must give exactly one
record or error record, never an ``internal`` error or an escaped exception, within time and memory budgets.

    python3 bench/fuzz.py [--count N] [--batch N] [--seed N] [--minutes M] [--bombs]

Seeds are the pages in fixtures/ and, when present, ../shared/corpus/pages and ../shared/corpus/text.
Mutations: byte flips, truncation, NULs, control characters (raw and as &#11;/&#12;/&#xFFFE;), surrogates
(CESU bytes and references), charset labels, mixed encodings, deep nesting, huge table rows and text nodes,
script/comment tricks, hostile links; archives (gzip, ZIP, WARC, MHTML) with bad lengths and truncation;
odd file names, FIFOs, symlinks. Inputs are written in batches to a temporary directory and run in this
process through the runner (``-j 1``), so each batch's figures are the tool's own. With ``--bombs``,
decompression bombs run each in a fresh process, timed, with its peak RSS. Nothing here is part of the
default test run (tests/test_reliability_fuzz.py runs a few hundred of the same mutations).
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from govmeta.cli.inputs import expand
from govmeta.cli.runner import DEFAULT_MAX_BYTES, ExtractOptions, run

ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = (ROOT / "fixtures", ROOT.parent / "shared" / "corpus" / "pages", ROOT.parent / "shared" / "corpus" / "text")
SEED_SUFFIXES = (".html", ".htm", ".shtml", ".txt")
MAX_SEED_BYTES = 400_000
PAGE_SECONDS, PAGE_RSS_MB = 60.0, 1024
BOMB_SECONDS, BOMB_RSS_MB = 2.0, 200

Mutator = Callable[[bytes, random.Random], bytes]


def seeds(directories: tuple[Path, ...] = SEED_DIRS) -> list[bytes]:
    """The seed pages (small enough to mutate quickly)."""
    found = []
    for directory in directories:
        if directory.is_dir():
            for path in sorted(directory.rglob("*")):
                if path.suffix in SEED_SUFFIXES and path.is_file() and path.stat().st_size <= MAX_SEED_BYTES:
                    found.append(path.read_bytes())
    return found


# --- page mutations ----------------------------------------------------------------------------------------

def _at(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def _insert(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = _at(data, rng)
    return data[:at] + piece + data[at:]


def flip(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 50)):
        if raw:
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
    return bytes(raw)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:_at(data, rng)]


def nuls(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 20)):
        data = _insert(data, rng, b"\0" * rng.randint(1, 8))
    return data


CONTROLS = [bytes([c]) for c in range(0x20) if c not in (9, 10, 13)] + [
    b"&#11;", b"&#12;", b"&#1;", b"&#0;", b"&#xFFFE;", b"&#xFFFF;", b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\x7f",
    b"\xc2\x9b", b"\xc2\x85", "\u202e".encode(), b"\x1b[2J"]


def controls(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 30)):
        data = _insert(data, rng, rng.choice(CONTROLS))
    return data


SURROGATES = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"&#xD800;", b"&#55296;", b"\xf4\x90\x80\x80", b"\xc0\x80", b"\xff\xfe"]


def surrogates(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 10)):
        data = _insert(data, rng, rng.choice(SURROGATES))
    return data


LABELS = [b"utf-8", b"gbk", b"gb2312", b"big5", b"utf-16", b"utf-16le", b"x-user-defined", b"iso-2022-jp",
          b"replacement", b"utf-7", b"nonsense", b"", b"\"'><", b"utf-8\x00", b"ebcdic-cp-us", b"hz-gb-2312"]


def charset(data: bytes, rng: random.Random) -> bytes:
    label = rng.choice(LABELS)
    meta = b'<meta charset="' + label + b'">' if rng.random() < 0.5 else \
        b'<meta http-equiv="Content-Type" content="text/html; charset=' + label + b'">'
    head = data.lower().find(b"<head>")
    return data[:head + 6] + meta + data[head + 6:] if head >= 0 else meta + data


def mixed(data: bytes, rng: random.Random) -> bytes:
    text = "关于印发《某某市政府信息公开办法》的通知 索引号：11330000/2024-00001 發佈機構：某某局"
    piece = text.encode(rng.choice(["gbk", "big5", "utf-16le", "utf-8", "gb18030"]), "replace")
    return _insert(_insert(data, rng, piece), rng, "正文".encode(rng.choice(["utf-8", "gbk"])))


def nesting(data: bytes, rng: random.Random) -> bytes:
    tag = rng.choice([b"<font>", b"<div>", b"<span>", b"<o:p>", b"<table><tr><td>", b"<b><i>", b"<p>", b"<li>"])
    return _insert(data, rng, tag * rng.choice([300, 2100, 5000, 20000]))


def huge_table(data: bytes, rng: random.Random) -> bytes:
    label = "索引号".encode()
    cells = b"".join(b"<td>" + label + b"</td><td>%d</td>" % i for i in range(rng.choice([500, 4000])))
    return _insert(data, rng, b"<table><tr>" + cells + b"</tr></table>")


def huge_text(data: bytes, rng: random.Random) -> bytes:
    unit = rng.choice(["发布机构 某某局 ", "索引号：11330000/2024-001 ", "x", "正文。", " \u3000"]).encode()
    return _insert(data, rng, unit * (rng.choice([20_000, 200_000]) // len(unit)))


TRICKS = [b"<!--", b"-->", b"<script>", b"</script>", b"<script>var s='</scr'+'ipt>';", b"<style>", b"<![CDATA[",
          b"<?xml version='1.0'?>", b"<!DOCTYPE html [<!ENTITY a 'b'>]>", b"<textarea>", b"<plaintext>",
          b"</body></html>", b"<template>", b"<svg><script>", b"<noscript>", b"<iframe srcdoc='<p>x'>",
          b"<a href='java\tscript:alert(1)'>a.pdf</a>", b"<base href='javascript:x'>",
          "<a href='data:,x.pdf'>附件.pdf</a>".encode(),
          b"&#x110000;", b"&#99999999999;", b"&nbsp", b"<br/ /><p <p>", b"<table><td><table><td>", b"<select><option>"]


def tricks(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 8)):
        data = _insert(data, rng, rng.choice(TRICKS))
    return data


def utf16(data: bytes, rng: random.Random) -> bytes:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", "replace")
    return text.encode(rng.choice(["utf-16", "utf-16le", "utf-16be", "utf-32"]))


PAGE_MUTATORS: list[Mutator] = [flip, truncate, nuls, controls, surrogates, charset, mixed, tricks, utf16]
HEAVY_MUTATORS: list[Mutator] = [nesting, huge_table, huge_text]  # slow to run: one input in ten
HEAVY_SHARE = 0.1


def mutate(data: bytes, rng: random.Random, heavy: float = HEAVY_SHARE) -> bytes:
    """One to three mutations of a seed page (a share ``heavy`` also gets a heavy one)."""
    for mutator in rng.sample(PAGE_MUTATORS, rng.randint(1, 3)):
        data = mutator(data, rng)
    if rng.random() < heavy:
        data = rng.choice(HEAVY_MUTATORS)(data, rng)
    return data


# --- containers --------------------------------------------------------------------------------------------

def warc_record(kind: str, uri: str, content_type: str, block: bytes, length: bytes | None = None) -> bytes:
    size = str(len(block)).encode() if length is None else length
    return (b"WARC/1.1\r\nWARC-Type: " + kind.encode() + b"\r\nWARC-Target-URI: " + uri.encode() +
            b"\r\nContent-Type: " + content_type.encode() + b"\r\nContent-Length: " + size + b"\r\n\r\n" + block +
            b"\r\n\r\n")


def http(body: bytes, extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + extra + b"\r\n" + body


def gz_bomb(size: int) -> bytes:
    return gzip.compress(b"\0" * (1 << 20), 9) * max(1, size >> 20)


BAD_LENGTHS = [b"x", b"-5", b"", b" 12", b"1e3", b"99999999999999999999", b"0x10", b"\xef\xbc\x91"]


def container(page: bytes, rng: random.Random) -> tuple[str, bytes]:
    """(file name, bytes) of a container around a (mutated) page, often broken."""
    kind = rng.choice(["gz", "gz", "zip", "warc", "warcgz", "mhtml"])
    if kind == "gz":
        data = gzip.compress(page)
        if rng.random() < 0.5:
            data = rng.choice([truncate, flip])(data, rng)
        return "page.html.gz", data
    if kind == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])) as archive:
            for i in range(rng.randint(0, 3)):
                archive.writestr(rng.choice([f"p{i}.html", f"p{i}.html.gz", f"sub/p{i}.htm", f"x{i}.png",
                                             f"inner{i}.zip", f"\x1b[2J{i}.html"]),
                                 gzip.compress(page) if rng.random() < 0.3 else page)
        data = buffer.getvalue()
        if rng.random() < 0.3:
            raw = bytearray(data)
            if len(raw) > 30:
                struct.pack_into("<I", raw, 22, rng.randrange(1 << 32))  # a lying size
            data = bytes(raw)
        elif rng.random() < 0.3:
            data = rng.choice([truncate, flip])(data, rng)
        return "pages.zip", data
    if kind == "mhtml":
        location = rng.choice([b"http://x.gov.cn/a.html", b"http://x.gov.cn/\xe9\x80\x9a\r\n  /a.html", b"\xff\xfe",
                               b"=?utf-8?b?5LitLmh0bWw=?="])
        ctype = rng.choice([b"text/html", b"text/plain", b"image/png"])
        data = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: "
                + ctype + b"; charset=" + rng.choice(LABELS) + b"\r\nContent-Location: " + location +
                b"\r\nContent-Transfer-Encoding: " + rng.choice([b"8bit", b"base64", b"quoted-printable"]) +
                b"\r\n\r\n" + page + b"\r\n--b--\r\n")
        return "page.mht", truncate(data, rng) if rng.random() < 0.2 else data
    records = [warc_record("warcinfo", "", "application/warc-fields", b"software: fuzz\r\n")]
    for i in range(rng.randint(0, 3)):
        extra = b""
        body = page
        if rng.random() < 0.3:
            extra, body = b"Content-Encoding: gzip\r\n", gzip.compress(page)
        elif rng.random() < 0.2:
            extra = b"Transfer-Encoding: chunked\r\n"
            body = b"%x\r\n" % len(page) + page + b"\r\n0\r\n\r\n" if rng.random() < 0.7 else b"zz\r\n" + page
        length = rng.choice(BAD_LENGTHS) if rng.random() < 0.2 else None
        records.append(warc_record("response", f"http://x.gov.cn/{i}\x1b]8;;x\x07.html",
                                   "application/http; msgtype=response", http(body, extra), length))
    data = b"".join(records)
    if rng.random() < 0.2:
        data = truncate(data, rng)
    if kind == "warcgz":
        return "crawl.warc.gz", b"".join(gzip.compress(r) for r in [data])
    return "crawl.warc", data


ODD_NAMES = ["caf\udce9.html", "\x1b[2J.html", "new\nline.html", " space .html", "a\tb.html", "\u202eLMTH.html",
             "-dash.html", "通知公告.html", "x" * 200 + ".html", "\\back\\slash.html", "[glob]*.html", "%s%n.html"]


def write_input(directory: Path, index: int, rng: random.Random, pages: list[bytes],
                heavy: float = HEAVY_SHARE) -> None:
    """One fuzzed input in ``directory`` (a file, or a special file that must give an error record)."""
    seed = rng.choice(pages)
    roll = rng.random()
    name = f"{index:07d}.html"
    if roll < 0.70:
        data = mutate(seed, rng, heavy)
    elif roll < 0.90:
        suffix, data = container(mutate(seed, rng, heavy) if rng.random() < 0.5 else seed, rng)
        name = f"{index:07d}-{suffix}"
    elif roll < 0.96:
        data = seed
        odd = rng.choice(ODD_NAMES)
        name = f"{index:07d}-{odd}"
    else:
        path = os.path.join(os.fsencode(directory), f"{index:07d}".encode())
        special = rng.choice(["fifo", "zero", "dangling", "loop", "dir"])
        if special == "fifo":
            os.mkfifo(path + b".html")
        elif special == "zero":
            os.symlink("/dev/zero", path + b".html")
        elif special == "dangling":
            os.symlink(b"/nonexistent/" + path, path + b".html")
        elif special == "loop":
            os.symlink(path + b"-loop.html", path + b".html")
            os.symlink(path + b".html", path + b"-loop.html")
        else:
            os.mkdir(path + b".html")
        return
    with open(os.path.join(os.fsencode(directory), os.fsencode(name)), "wb") as handle:
        handle.write(data)


# --- checking ---------------------------------------------------------------------------------------------

class Tally:
    """What the fuzz saw: inputs, records, error types, failures (internal errors, escapes, budgets)."""

    def __init__(self, keep: Path | None = None) -> None:
        self.keep = keep  # where failing inputs are copied
        self.inputs = self.records = self.errors = 0
        self.types: Counter[str] = Counter()
        self.failures: list[str] = []
        self.slowest = 0.0
        self.slowest_path = ""

    def fail(self, what: str, path: str | None = None) -> None:
        """Note a failure (at once on stderr), keeping a copy of the input when asked."""
        self.failures.append(what)
        print(f"FAIL {what}", file=sys.stderr, flush=True)
        if self.keep and path:
            source = path.split("!", 1)[0]
            if os.path.isfile(source):
                self.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, self.keep / f"{len(self.failures):04d}-{os.path.basename(source)[:80]}")

    def line(self) -> str:
        return (f"inputs {self.inputs}, records {self.records}, error records {self.errors} "
                f"(inputs = records + errors for non-archives), internal {self.types['internal']}, "
                f"timeouts {self.types['timeout']}, failures {len(self.failures)}, slowest {self.slowest:.2f} s, "
                f"peak RSS {peak_rss_mb():.0f} MB")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check_batch(directory: Path, tally: Tally, options: ExtractOptions) -> None:
    """Run one directory of inputs through the runner and check every outcome."""
    inputs = list(expand([str(directory)]))
    done = 0
    per_input = 0
    last = time.perf_counter()
    try:
        for record, input_done in run(inputs, options):
            now = time.perf_counter()
            if now - last > tally.slowest:
                tally.slowest, tally.slowest_path = now - last, str((record or {}).get("path"))
            if now - last > PAGE_SECONDS:
                tally.fail(f"over {PAGE_SECONDS} s: {record and record.get('path')}", record and record.get("path"))
            last = now
            if record is not None:
                per_input += 1
                if "error" in record:
                    tally.errors += 1
                    tally.types[record["error"]["type"]] += 1
                    if record["error"]["type"] == "internal":
                        tally.fail(f"internal: {record['path']}: {record['error']['message']}", record["path"])
                else:
                    tally.records += 1
            if input_done:
                if per_input == 0 and "!" not in (record or {}).get("path", "!"):
                    tally.fail(f"no record for an input near {record}")
                done += 1
                per_input = 0
    except BaseException as exc:  # an escape is exactly what the fuzz looks for
        if isinstance(exc, KeyboardInterrupt):
            raise
        tally.fail(f"escaped: {type(exc).__name__}: {exc} in {directory}")
    if done != len(inputs):
        tally.fail(f"{len(inputs)} inputs but {done} finished in {directory}")
    tally.inputs += len(inputs)
    if peak_rss_mb() > PAGE_RSS_MB:
        tally.fail(f"peak RSS {peak_rss_mb():.0f} MB over {PAGE_RSS_MB} MB")


def fuzz(count: int, batch: int, seed: int, minutes: float | None, quiet: bool = False,
         seed_dirs: tuple[Path, ...] = SEED_DIRS, heavy: float = HEAVY_SHARE, keep: Path | None = None) -> Tally:
    """Fuzz ``count`` inputs (or until ``minutes`` pass) in batches; the tally of what happened."""
    rng = random.Random(seed)
    pages = seeds(seed_dirs)
    tally = Tally(keep)
    options = ExtractOptions(max_bytes=DEFAULT_MAX_BYTES)
    started = time.perf_counter()
    index = 0
    with tempfile.TemporaryDirectory(prefix="govmeta-fuzz-") as tmp:
        while index < count and (minutes is None or time.perf_counter() - started < minutes * 60):
            directory = Path(tmp) / f"batch{index}"
            directory.mkdir()
            for _ in range(min(batch, count - index)):
                write_input(directory, index, rng, pages, heavy)
                index += 1
            check_batch(directory, tally, options)
            shutil.rmtree(directory)
            if not quiet:
                print(f"[{time.perf_counter() - started:7.0f} s] {tally.line()}", file=sys.stderr, flush=True)
    return tally


# --- bombs, each in a fresh process --------------------------------------------------------------------------

def _alone(path: Path) -> tuple[float, float, bytes]:
    """(seconds, peak RSS MB, stdout) of ``govmeta extract -q path`` in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "govmeta.cli", "extract", "-q", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, out


def bombs(directory: Path) -> list[tuple[str, float, float, str]]:
    """(name, seconds, peak RSS MB, error type) for each decompression bomb run alone; the seconds are net of
    the process start (the same command on an empty file), which a loaded machine can make longer than the
    work itself."""
    page = (ROOT / "fixtures" / "sample" / "dongyanghu_disclosure.html").read_bytes()
    names = []

    def case(name: str, data: bytes) -> None:  # written at once: a child forked from a big parent inherits its RSS
        (directory / name).write_bytes(data)
        names.append(name)

    case("gzip-2GB.html.gz", gz_bomb(2 << 30))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bomb.html.gz", gz_bomb(1 << 30))
    case("zip-gz-member-1GB.zip", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("big.html", "w") as member:
        for _ in range(256):
            member.write(b"\0" * (1 << 20))
    raw = bytearray(buffer.getvalue())
    struct.pack_into("<I", raw, 22, 100)
    struct.pack_into("<I", raw, raw.rfind(b"PK\x01\x02") + 24, 100)
    case("zip-lying-member-256MB.zip", bytes(raw))
    warc = warc_record("response", "http://x.gov.cn/a.html", "application/http; msgtype=response",
                       http(gz_bomb(1 << 30), b"Content-Encoding: gzip\r\n"))
    case("warc-gzip-body-1GB.warc", warc)
    case("warc-then-page.warc", warc + warc_record("response", "http://x.gov.cn/b.html",
                                                   "application/http; msgtype=response", http(page)))
    zeros = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.gov.cn/z.html\r\nContent-Type: "
            b"application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (2 << 30))
    parts = [zeros.compress(head)] + [zeros.compress(b"\0" * (1 << 20)) for _ in range(2048)]
    case("warc-gz-record-of-2GB-zeros.warc.gz", b"".join(parts) + zeros.flush())
    empty = directory / "empty.html"
    empty.write_bytes(b"")
    results = []
    for name in names:
        path = directory / name
        start_cost = min(_alone(empty)[0] for _ in range(2))
        seconds, rss, out = _alone(path)
        first = out.split(b"\n", 1)[0]
        kind = first.split(b'"type":"', 1)[1].split(b'"', 1)[0].decode() if b'"type":"' in first else "record"
        results.append((name, max(seconds - start_cost, 0.0), rss, kind))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--minutes", type=float, default=None,
                        help="stop after this long (the count may not be reached)")
    parser.add_argument("--bombs", action="store_true", help="also run the decompression bombs, each alone")
    parser.add_argument("--keep", type=Path, default=None, help="copy each failing input into this directory")
    args = parser.parse_args()
    started = time.perf_counter()
    tally = fuzz(args.count, args.batch, args.seed, args.minutes, keep=args.keep)
    print(f"fuzz: {tally.line()} in {time.perf_counter() - started:.0f} s")
    print("fuzz: error types " + ", ".join(f"{k} {v}" for k, v in tally.types.most_common()))
    print(f"fuzz: slowest input {tally.slowest:.2f} s ({tally.slowest_path!r})")
    for failure in tally.failures[:50]:
        print(f"FAIL {failure}")
    bad = bool(tally.failures)
    if args.bombs:
        with tempfile.TemporaryDirectory(prefix="govmeta-bombs-") as tmp:
            for name, seconds, rss, kind in bombs(Path(tmp)):
                over = seconds > BOMB_SECONDS or rss > BOMB_RSS_MB
                bad |= over
                flag = "  OVER BUDGET" if over else ""
                print(f"bomb: {name}: {kind} in {seconds:.2f} s net of start-up, peak RSS {rss:.0f} MB{flag}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
