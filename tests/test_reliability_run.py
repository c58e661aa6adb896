"""A run that is never turned against its user (issue 12): full disks, odd outputs, signals, terminals,
time budgets, and pages that used to crash the workshop (control characters, hostile links, deep nesting)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.parsers import extract_record
from tests.paths import SAMPLE

COMMAND = [sys.executable, "-m", "govmeta.cli"]


def run_process(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(COMMAND + args, input=stdin, capture_output=True, timeout=120)


def run(args: list[str], stdin: bytes | None = None) -> SimpleNamespace:
    """The command in this process (fast); signals, devices and disks use run_process."""
    result = CliRunner().invoke(cli, args, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout_bytes, stderr=result.stderr_bytes)


def whole_lines(data: bytes) -> list[dict]:
    assert not data or data.endswith(b"\n"), "a half record was left"
    return [json.loads(line) for line in data.splitlines()]


def page(body: str, head: str = "") -> bytes:
    return (f'<html><head><meta charset="utf-8">{head}</head><body><div class="article">'
            f'<h1>关于印发某某办法的通知</h1>{body}</div></body></html>').encode()


# --- defects 8 and 9: the output ------------------------------------------------------------------------

def test_a_full_disk_on_stdout_is_one_line_and_its_own_code():
    with open("/dev/full", "wb") as full:
        done = subprocess.run(COMMAND + ["extract", str(SAMPLE)], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 74
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0]


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield disk
    subprocess.run(["umount", str(disk)], check=False)


def test_a_full_disk_leaves_whole_records_only(small_disk):
    out = small_disk / "records.jsonl"
    done = run_process(["extract", "-q", "-o", str(out), *[str(SAMPLE)] * 40])
    assert done.returncode == 74, done.stderr
    assert b"Traceback" not in done.stderr
    assert not out.exists()
    kept = whole_lines((small_disk / "records.jsonl.partial").read_bytes())
    assert 0 < len(kept) < 40


def test_output_into_a_missing_directory_is_a_usage_error(tmp_path):
    started = time.perf_counter()
    done = run(["extract", "-o", str(tmp_path / "nowhere" / "out.jsonl"), str(SAMPLE)])
    assert done.returncode == 2
    assert b"does not exist" in done.stderr and b"Traceback" not in done.stderr
    assert time.perf_counter() - started < 30


def test_a_fifo_output_is_written_directly_not_replaced(tmp_path):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    process = subprocess.Popen(COMMAND + ["extract", "-q", "-o", str(fifo), str(SAMPLE)], stderr=subprocess.PIPE)
    with open(fifo, "rb") as reader:
        got = reader.read()
    assert process.wait(timeout=60) == 0
    assert whole_lines(got)[0]["path"] == str(SAMPLE)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not (tmp_path / "out.partial").exists()


def test_a_run_without_inputs_keeps_the_existing_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("yesterday's records\n")
    (tmp_path / "empty").mkdir()
    run(["extract", "-q", "-o", str(out), str(tmp_path / "empty")])
    assert out.read_text() == "yesterday's records\n"
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_sigkill_keeps_the_previous_output_and_whole_records(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    process = subprocess.Popen(COMMAND + ["extract", "-q", "-o", str(out), *[str(SAMPLE)] * 2000],
                               stderr=subprocess.PIPE)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.time() + 60
    while time.time() < deadline and (not partial.exists() or partial.stat().st_size < 10000):
        time.sleep(0.05)
    process.kill()
    process.wait()
    assert out.read_text() == "previous\n"
    assert whole_lines(partial.read_bytes())


# --- defect 14: signals -----------------------------------------------------------------------------------

def _started(process: subprocess.Popen, partial) -> None:
    deadline = time.time() + 60
    while time.time() < deadline and (not partial.exists() or partial.stat().st_size == 0):
        time.sleep(0.05)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_is_handled_like_ctrl_c(tmp_path, jobs):
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(COMMAND + ["extract", "-j", jobs, "-o", str(out), *[str(SAMPLE)] * 3000],
                               stderr=subprocess.PIPE)
    partial = tmp_path / "out.jsonl.partial"
    _started(process, partial)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert b"Traceback" not in err and b"ForkPoolWorker" not in err
    assert b"terminated" in err
    assert whole_lines(partial.read_bytes())


# --- defect 11: terminal escapes --------------------------------------------------------------------------

def test_names_are_escaped_for_the_terminal(tmp_path):
    name = tmp_path / "x\x1b[2J\x9b\nFAKE: 0 errors.html"
    name.write_bytes(b"")
    done = run(["extract", str(name)])
    err = done.stderr.decode()
    assert "\x1b" not in err and "\x9b" not in err
    assert "\\x1b[2J\\x9b\\x0aFAKE" in err
    assert len(err.splitlines()) == 2  # the error line and the summary


# --- defect 7: a time budget per page ----------------------------------------------------------------------

def test_a_page_over_its_time_budget_is_a_timeout_record():
    done = run(["extract", "-q", "--page-timeout", "0.001", str(SAMPLE), str(SAMPLE)])
    types = [r.get("error", {}).get("type") for r in whole_lines(done.stdout)]
    assert types == ["timeout", "timeout"]
    assert done.returncode == 1


# --- defects 1, 12, 13: pages that crashed the workshop -----------------------------------------------------

@pytest.mark.parametrize("odd", ["\x0b", "&#11;", "&#12;", "\x0c", "\x01", "\ufffe", "\uffff", "&#xFFFF;"])
def test_control_characters_are_dropped_with_a_warning(odd):
    record = extract_record(page(f"<p>第一段正文内容，这里有足够的中文字符。{odd}继续正文。</p>"), "p.html")
    assert record["paragraphs"][0].startswith("第一段正文内容") and "继续正文" in record["paragraphs"][0]
    assert not any(ch in record["paragraphs"][0] for ch in "\x0b\x0c\x01\ufffe\uffff")
    assert any("control characters" in w for w in record["warnings"])


HOSTILE = ["java\tscript:alert(1)//a.pdf", "\x01javascript:alert(1)//a.pdf", "vbscript:msgbox(1)//a.pdf",
           "data:application/pdf;base64,AAAA#a.pdf", "file:///etc/passwd.pdf", "JaVaScRiPt:x//.pdf",
           " \njavascript:x//.pdf", "java&#10;script:x//a.pdf"]


def test_script_data_and_file_links_are_not_attachments():
    links = "".join(f'<p>附件{i}：<a href="{href}">文件{i}.pdf</a></p>' for i, href in enumerate(HOSTILE))
    body = f"<p>第一段正文内容，这里有足够的中文字符。</p>{links}<p>附件：<a href='files/ok.pdf'>办法.pdf</a></p>"
    record = extract_record(page(body, '<base href="/dir/sub/">'), "p.html", "http://www.example.gov.cn/a/b.html")
    assert record["attachments"] == [{"name": "办法.pdf", "url": "http://www.example.gov.cn/dir/sub/files/ok.pdf"}]


@pytest.mark.parametrize("tag", ["<font>", "<span class=x>", "<o:p>"])
def test_thousands_of_unclosed_tags_keep_the_text(tag):
    body = tag * 5000 + "<p>第一段正文内容，这里有足够的中文字符。</p><p>第二段正文。</p>"
    record = extract_record(page(body), "p.html")
    assert record["paragraphs"] == ["第一段正文内容，这里有足够的中文字符。", "第二段正文。"]


def test_a_page_still_too_deep_says_so():
    mixed = "".join(f"<x{i % 50}>" for i in range(3000))  # 50 names, none opened 100 times more than closed
    record = extract_record(page(mixed + "<p>正文内容在这里。</p>"), "p.html")
    assert any("nests more than" in w for w in record["warnings"])


def test_malformed_addresses_in_metas_base_and_links():
    # urllib refuses an unclosed IPv6 bracket (found by bench/fuzz.py seed 2032 in <meta name="Url">).
    body = ('<base href="http://[fe80::1/files/"><p>各单位：现将有关事项通知如下，请遵照执行。</p>'
            '<p>附件：<a href="http://[::1/a.pdf">实施方案.pdf</a> <a href="b.doc">申请表.doc</a></p>')
    head = '<meta name="Url" content="http://[2001:db8::1/page.html"><link rel="canonical" href="http://[x/y">'
    record = extract_record(page(body, head), "p.html")
    assert "error" not in record
    assert [a["name"] for a in record["attachments"]] == ["实施方案.pdf", "申请表.doc"]


def test_too_deep_is_exactly_max_depth_ancestors():
    from lxml import etree

    from govmeta.parsers.html import depth

    def chain(elements: int) -> etree._Element:
        root = element = etree.Element("html")
        for _ in range(elements - 1):
            element = etree.SubElement(element, "div")
        etree.SubElement(root, "p")  # a shallow branch beside the deep one
        return root

    # The deepest element of a chain of n elements has n - 1 ancestors.
    assert not depth.too_deep(chain(depth.MAX_DEPTH))
    assert depth.too_deep(chain(depth.MAX_DEPTH + 1))


def test_control_characters_in_attribute_names_and_values():
    body = '<p data-\x01x="1" title="a\x02b" {x="1" {a}="2" class="c">第一段正文内容，这里有足够的中文字符。</p>'
    record = extract_record(page(body), "p.html")
    assert record["paragraphs"] == ["第一段正文内容，这里有足够的中文字符。"]


def test_ctrl_c_under_jobs_leaves_no_worker_fragments(tmp_path):
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(COMMAND + ["extract", "-j", "2", "-o", str(out), *[str(SAMPLE)] * 3000],
                               stderr=subprocess.PIPE, start_new_session=True)
    _started(process, tmp_path / "out.jsonl.partial")
    os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err and b"ForkPoolWorker" not in err and b"KeyboardInterrupt" not in err
