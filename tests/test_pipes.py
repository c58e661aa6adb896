"""The command as a real process: stdin, pipes, `| head`, exit codes, UTF-8 whatever the locale."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.paths import SAMPLE

COMMAND = [sys.executable, "-m", "govmeta.cli"]


def run(args: list[str], stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(COMMAND + args, input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_stdin_to_stdout():
    done = run(["extract", "-q"], stdin=SAMPLE.read_bytes())
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["path"] == "-"
    assert record["metadata"]["doc_no"] == "东政发〔2024〕7号"
    assert done.stderr == b""


def test_output_is_utf8_under_a_c_locale():
    done = run(["extract", "-q", str(SAMPLE)], env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "东阳湖" in done.stdout.decode("utf-8")


def test_head_ends_quietly():
    pipeline = subprocess.Popen(COMMAND + ["extract", *[str(SAMPLE)] * 300], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    first = pipeline.stdout.readline()
    pipeline.stdout.close()  # what `| head -1` does
    _, err = pipeline.communicate(timeout=120)
    assert json.loads(first)["path"] == str(SAMPLE)
    assert pipeline.returncode == 0
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err


def test_stderr_summary_and_no_progress_in_a_pipe():
    done = run(["extract", str(SAMPLE), str(SAMPLE)])
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("govmeta: 2 inputs, 2 records, 0 errors in ")


def _wait_until_reading_stdin(pid: int, limit: float = 60.0) -> None:
    """Wait until the process blocks reading its stdin pipe (a busy machine may take seconds to start it)."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if "pipe" in wchan.read_text():  # pipe_read, anon_pipe_read, pipe_wait (by kernel)
                return
        except OSError:
            break
        time.sleep(0.05)
    time.sleep(3)  # no /proc here: a fixed pause


def test_interrupt_exits_130():
    process = subprocess.Popen(COMMAND + ["extract", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    _wait_until_reading_stdin(process.pid)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err


def test_no_input_on_a_terminal_is_usage_error():
    import pty

    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(COMMAND + ["extract"], stdin=terminal, capture_output=True, timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert done.returncode == 2
    assert b"no input: name files, directories or globs, or pipe a page into stdin" in done.stderr
    assert done.stdout == b""


def test_devnull_stdin_is_an_empty_page():
    done = subprocess.run(COMMAND + ["extract"], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"]["type"] == "empty"


def test_interrupted_run_keeps_whole_records_in_partial_file(tmp_path):
    out = tmp_path / "out.jsonl"
    slow = tmp_path / "slow.html"
    os.mkfifo(slow)  # an input that blocks until interrupted, after two records were written
    process = subprocess.Popen(COMMAND + ["extract", "-q", "-o", str(out), str(SAMPLE), str(SAMPLE), str(slow)],
                               stderr=subprocess.PIPE)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not partial.exists() or partial.read_bytes().count(b"\n") < 2):
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert not out.exists()
    records = [json.loads(line) for line in partial.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == [str(SAMPLE), str(SAMPLE)]
    assert b"Traceback" not in err


def _stderr_on_a_terminal(args: list[str]) -> tuple[bytes, bytes]:
    """Run with stdout not a terminal and stderr on a pseudo-terminal; return (stdout, what the terminal showed)."""
    import pty
    import tempfile

    controller, terminal = pty.openpty()
    with tempfile.TemporaryFile() as records:  # a file, not a pipe: nothing blocks while the terminal is read
        process = subprocess.Popen(COMMAND + args, stdout=records, stderr=terminal, stdin=subprocess.DEVNULL)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not chunk:
                break
            shown += chunk
        process.wait(timeout=60)
        os.close(controller)
        records.seek(0)
        return records.read(), shown


def test_progress_bar_on_a_terminal_and_records_only_on_stdout():
    out, shown = _stderr_on_a_terminal(["extract", *[str(SAMPLE)] * 30])
    assert len(out.splitlines()) == 30
    assert all(json.loads(line)["path"] == str(SAMPLE) for line in out.splitlines())
    assert b"30/30" in shown  # the bar's count column
    assert b"govmeta: 30 inputs, 30 records, 0 errors in " in shown


def test_no_progress_bar_for_one_input_or_quiet():
    _, one = _stderr_on_a_terminal(["extract", str(SAMPLE)])
    assert b"1/1" not in one
    _, quiet = _stderr_on_a_terminal(["extract", "-q", str(SAMPLE), str(SAMPLE)])
    assert quiet == b""
