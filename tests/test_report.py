"""``govmeta report``: the same counts from JSON Lines and from the database, and an HTML page a browser shows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.cli.report import read_records, site_of, summarise, warning_kind
from govmeta.cli.report_html import render_html
from tests.test_batch import make_folder

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, Path]:
    """A batch written both ways: (out.jsonl, out.sqlite)."""
    root = tmp_path_factory.mktemp("report")
    saved = make_folder(root)
    runner = CliRunner()
    runner.invoke(cli, ["extract", str(saved), "-o", str(root / "out.jsonl")])
    runner.invoke(cli, ["extract", str(saved), "--db", str(root / "out.sqlite")])
    return root / "out.jsonl", root / "out.sqlite"


def test_same_summary_from_jsonl_and_database(batch):
    jsonl, db = batch
    from_file, from_db = summarise(read_records(str(jsonl))), summarise(read_records(str(db)))
    assert from_file == from_db
    assert from_file.pages == len(jsonl.read_text(encoding="utf-8").splitlines())
    assert from_file.errors == {"empty": 1, "binary": 1}
    assert from_file.kinds["disclosure"] >= 5 and from_file.kinds["article"] >= 5
    assert from_file.fields["index_no"] >= 1
    assert sum(from_file.sites.values()) == from_file.pages - 2
    assert from_file.pages_with_warnings >= 1


def test_json_array_and_bad_lines(batch, tmp_path):
    jsonl, _ = batch
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    array = tmp_path / "out.json"
    array.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert summarise(read_records(str(array))) == summarise(read_records(str(jsonl)))
    broken = tmp_path / "broken.jsonl"
    broken.write_text(jsonl.read_text(encoding="utf-8") + "{cut off\n", encoding="utf-8")
    assert summarise(read_records(str(broken))).errors["bad_line"] == 1


def test_site_and_warning_grouping():
    assert site_of({"site": {"domain": "http://www.nmg.gov.cn/"}, "path": "x"}) == "www.nmg.gov.cn"
    assert site_of({"site": {"domain": "fgw.zj.gov.cn,www.zjdpc.gov.cn"}}) == "fgw.zj.gov.cn"
    assert site_of({"site": {}, "url": None, "path": "saved/pingtan/a.html"}) == "pingtan"
    assert warning_kind("12 replacement characters") == warning_kind("3 replacement characters")
    assert "utf-8" in warning_kind("declared charset GB2312 contradicted by the bytes: decoded as utf-8")


def test_terminal_report(batch):
    jsonl, _ = batch
    result = CliRunner().invoke(cli, ["report", str(jsonl)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    for heading in ("Pages by kind", "Pages and canonical fields by site", "Canonical fields found", "Errors",
                    "Warnings"):
        assert heading in result.stdout
    assert "binary" in result.stdout and "empty.html" in result.stdout


def test_report_of_a_bad_source_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = CliRunner().invoke(cli, ["report", str(bad)])
    assert result.exit_code == 2
    assert "not a govmeta database" in result.stderr


def test_html_is_self_contained(batch):
    jsonl, _ = batch
    page = render_html(summarise(read_records(str(jsonl))), str(jsonl), 20)
    assert page.count("<svg") >= 4
    assert not re.search(r"""(src|href)\s*=|url\(|@import|<script|<link""", page, re.I)


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.mark.skipif(_browser() is None, reason="no Chromium found (apt-get install chromium)")
def test_html_in_a_headless_browser(batch, tmp_path):
    _, db = batch
    html = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(db), "--html", str(html)])
    assert result.exit_code == 0, result.stderr
    base = [_browser(), *BROWSER_FLAGS]
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([*base, f"--user-data-dir={profile}", "--dump-dom", html.as_uri()],
                             capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    # the browser parsed and laid out the page: headings, every chart's bars, the example paths
    assert "govmeta batch report" in dom.stdout
    assert dom.stdout.count("<rect") >= 8
    assert "empty.html" in dom.stdout
    shot = Path(os.environ.get("GOVMETA_SCREENSHOT") or tmp_path / "report.png")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([*base, f"--user-data-dir={profile}", f"--screenshot={shot}",
                               "--window-size=1200,1600", "--hide-scrollbars", html.as_uri()],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 1600)
    assert len(png) > 20_000  # a page with text and bars, not a blank canvas
