"""Batch and cron runs: the SQLite store, reruns that only top up, --output-dir, --exclude and friends."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.cli.store import metadata_from_rows
from tests.paths import FIXTURES, SAMPLE
from tests.test_archives import http_response, warc_record


def make_folder(root: Path) -> Path:
    """A saved-pages folder: fixture pages in sub-folders, a WARC of two pages, two inputs that give errors."""
    saved = root / "saved"
    for group in ("articles", "blocks"):
        (saved / group).mkdir(parents=True)
        for page in sorted((FIXTURES / group).glob("*.html")):
            shutil.copyfile(page, saved / group / page.name)
    shutil.copyfile(SAMPLE, saved / "sample.html")
    page = SAMPLE.read_bytes()
    warc = b"".join(warc_record("response", f"http://www.example.gov.cn/{n}.html", "application/http",
                                http_response(page, "text/html")) for n in (1, 2))
    (saved / "crawl.warc.gz").write_bytes(gzip.compress(warc))
    (saved / "empty.html").write_bytes(b"")
    (saved / "noise.html").write_bytes(bytes(range(256)) * 8)
    return saved


def extract(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def db_records(path: Path) -> dict[str, dict]:
    """Each page rebuilt from the tables alone (not from the stored JSON), keyed by path."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    out = {}
    for row in conn.execute("SELECT * FROM pages ORDER BY id"):
        if row["error_type"]:
            out[row["path"]] = {"path": row["path"], "error": {"type": row["error_type"],
                                                               "message": row["error_message"]}}
            continue
        page_id = row["id"]

        def rows(sql: str, page_id: int = page_id) -> list:
            return conn.execute(sql, (page_id,)).fetchall()
        out[row["path"]] = {
            "path": row["path"], "url": row["url"],
            "encoding": {"name": row["encoding"], "source": row["encoding_source"],
                         "confidence": row["encoding_confidence"], "declared": row["encoding_declared"]},
            "site": {key: row[f"site_{key}"] for key in ("name", "domain", "id_code", "column")},
            "breadcrumb": json.loads(row["breadcrumb"]),
            **{key: row[key] for key in ("title", "kicker", "subtitle", "content_source", "author",
                                         "published_at", "views")},
            "metadata": metadata_from_rows(rows("SELECT field, position, value FROM metadata WHERE page_id = ?")),
            "fields": [{"label": label, "value": value} for label, value in
                       rows("SELECT label, value FROM fields WHERE page_id = ? ORDER BY position")],
            "paragraphs": [text for (text,) in rows("SELECT text FROM paragraphs WHERE page_id = ? ORDER BY position")],
            "attachments": [{"name": name, "url": url} for name, url in
                            rows("SELECT name, url FROM attachments WHERE page_id = ? ORDER BY position")],
            "page_type": row["page_type"],
            "warnings": json.loads(row["warnings"]),
        }
    conn.close()
    return out


def test_db_records_equal_the_jsonl_records_field_by_field(tmp_path):
    saved = make_folder(tmp_path)
    code, _, _ = extract(str(saved), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1  # the two bad inputs
    jsonl = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    code, _, _ = extract(str(saved), "--db", str(tmp_path / "out.sqlite"))
    assert code == 1
    rebuilt = db_records(tmp_path / "out.sqlite")
    assert len(rebuilt) == len(jsonl) > 20
    for record in jsonl:
        stored = rebuilt[record["path"]]
        assert stored.keys() == record.keys(), record["path"]
        for key, value in record.items():
            assert stored[key] == value, (record["path"], key)
    conn = sqlite3.connect(tmp_path / "out.sqlite")
    assert [json.loads(r) for (r,) in conn.execute("SELECT record FROM pages ORDER BY id")] == jsonl
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    types = dict(conn.execute("SELECT page_type, count(*) FROM pages GROUP BY 1").fetchall())
    assert types["error"] == 2 and types["disclosure"] == sum(1 for r in jsonl if r.get("page_type") == "disclosure")


def test_rerun_tops_up_and_the_summary_counts(tmp_path):
    saved = make_folder(tmp_path)
    db = str(tmp_path / "out.sqlite")
    inputs = len([p for p in saved.rglob("*") if p.is_file()])
    _, _, stderr = extract(str(saved), "--db", db)
    assert stderr.splitlines()[-1].startswith(f"govmeta: {inputs} inputs, {inputs} new, 0 changed, 0 unchanged, "
                                              "2 errors in ")
    before = sqlite3.connect(db).execute("SELECT id, extracted_at FROM pages ORDER BY id").fetchall()
    image = Path(db).read_bytes()
    code, _, stderr = extract(str(saved), "--db", db)
    assert Path(db).read_bytes() == image  # an unchanged folder writes nothing
    assert code == 0  # nothing was redone, so nothing failed
    assert stderr.startswith(f"govmeta: {inputs} inputs, 0 new, 0 changed, {inputs} unchanged, 0 errors in ")
    assert sqlite3.connect(db).execute("SELECT id, extracted_at FROM pages ORDER BY id").fetchall() == before
    # one page edited, one added, one removed
    edited = saved / "articles" / "trs_kicker_subtitle.html"
    edited.write_bytes(edited.read_bytes().replace(b"<title>", "<title>新".encode(), 1))
    shutil.copyfile(SAMPLE, saved / "sample2.html")
    (saved / "empty.html").unlink()
    _, _, stderr = extract(str(saved), "--db", db, "--prune")
    assert stderr.startswith(f"govmeta: {inputs} inputs, 1 new, 1 changed, {inputs - 2} unchanged, 0 errors, "
                             "1 pruned in ")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM pages WHERE path = ?", (str(saved / "empty.html"),)).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM pages WHERE input = ?", (str(edited),)).fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM pages WHERE path = ?", (str(saved / "sample2.html"),)).fetchone() == (1,)
    # the child rows of replaced and pruned pages went with them
    orphans = "SELECT count(*) FROM paragraphs WHERE page_id NOT IN (SELECT id FROM pages)"
    assert conn.execute(orphans).fetchone() == (0,)


def test_changed_settings_redo_the_pages(tmp_path):
    db = str(tmp_path / "out.sqlite")
    extract(str(SAMPLE), "--db", db)
    _, _, stderr = extract(str(SAMPLE), "--db", db, "--simplified")
    assert stderr.startswith("govmeta: 1 inputs, 0 new, 1 changed, 0 unchanged, 0 errors")


def test_fts_finds_a_page_by_its_text(tmp_path):
    db = str(tmp_path / "out.sqlite")
    extract(str(SAMPLE), "--db", db)
    extract(str(SAMPLE), "--db", db, "--fts")  # added to an existing database: filled from the stored pages
    conn = sqlite3.connect(db)
    hits = conn.execute("SELECT p.path FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid "
                        "WHERE pages_fts MATCH ?", ("防汛抗旱",)).fetchall()
    assert hits == [(str(SAMPLE),)]


def test_a_file_that_is_not_a_database_is_a_usage_error(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database " * 100)
    code, _, stderr = extract(str(SAMPLE), "--db", str(bad))
    assert code == 2
    assert "cannot use" in stderr and "govmeta database" in stderr


KILL_PAGES = 2000


def _run_db(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "govmeta.cli", "extract", str(folder), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for_a_page(db: Path, process: subprocess.Popen) -> None:
    """Wait until the run has committed at least one more input than before (so the kill lands mid-run)."""
    def done() -> int:
        try:
            with sqlite3.connect(db) as conn:
                return conn.execute("SELECT count(*) FROM inputs").fetchone()[0]
        except sqlite3.OperationalError:
            return 0
    start = done()
    deadline = time.monotonic() + 60
    while done() <= start and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)


def _check_consistent(db: Path) -> int:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for (path, records, found) in conn.execute(
            "SELECT i.path, i.records, (SELECT count(*) FROM pages p WHERE p.input = i.path) FROM inputs i"):
        assert records == found, path
    for page_id, record in conn.execute("SELECT id, record FROM pages"):
        record = json.loads(record)
        (paragraphs,) = conn.execute("SELECT count(*) FROM paragraphs WHERE page_id = ?", (page_id,)).fetchone()
        (fields,) = conn.execute("SELECT count(*) FROM fields WHERE page_id = ?", (page_id,)).fetchone()
        assert paragraphs == len(record.get("paragraphs") or [])
        assert fields == len(record.get("fields") or [])
    (done,) = conn.execute("SELECT count(*) FROM inputs").fetchone()
    conn.close()
    return done


def test_sigkill_leaves_the_database_consistent_and_a_rerun_finishes(tmp_path):
    pages = sorted((FIXTURES / "articles").glob("*.html")) + [SAMPLE]
    folder = tmp_path / "saved"
    folder.mkdir()
    for n in range(KILL_PAGES):
        shutil.copyfile(pages[n % len(pages)], folder / f"{n:04d}.html")
    db = tmp_path / "out.sqlite"
    rng = random.Random(14)
    seen = []
    for _ in range(4):
        process = _run_db(folder, db)
        _wait_for_a_page(db, process)
        time.sleep(rng.uniform(0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL, "the run ended before the kill; raise KILL_PAGES"
        seen.append(_check_consistent(db))
    assert 0 < seen[0] < seen[-1] < KILL_PAGES
    process = _run_db(folder, db)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert _check_consistent(db) == KILL_PAGES


def test_output_dir_mirrors_the_tree(tmp_path):
    saved = make_folder(tmp_path)
    out = tmp_path / "out"
    code, stdout, _ = extract(str(saved), "--output-dir", str(out))
    assert code == 1 and stdout == ""
    page = json.loads((out / "articles" / "trs_kicker_subtitle.html.json").read_text(encoding="utf-8"))
    assert page["path"] == str(saved / "articles" / "trs_kicker_subtitle.html")
    members = sorted(p.name for p in (out / "crawl.warc.gz").iterdir())
    assert members == ["1.json", "2.json"]
    assert json.loads((out / "crawl.warc.gz" / "2.json").read_text())["url"] == "http://www.example.gov.cn/2.html"
    assert json.loads((out / "empty.html.json").read_text())["error"]["type"] == "empty"
    summary = json.loads((out / "govmeta-run.json").read_text())
    assert summary["inputs"] == summary["new"] == len([p for p in saved.rglob("*") if p.is_file()])
    assert summary["errors"] == 2
    assert not [p for p in out.rglob("*") if p.name.startswith(".govmeta-")]  # no temporary files left


def test_output_dir_refuses_to_write_through_a_symlink(tmp_path):
    saved = tmp_path / "saved"
    (saved / "sub").mkdir(parents=True)
    shutil.copyfile(SAMPLE, saved / "sub" / "a.html")
    shutil.copyfile(SAMPLE, saved / "b.html")
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere)
    code, _, stderr = extract(str(saved), "--output-dir", str(out))
    assert code == 1
    assert "outside the output directory" in stderr
    assert list(elsewhere.iterdir()) == []
    assert (out / "b.html.json").is_file()


def test_output_dir_paths_never_climb_out(tmp_path):
    from govmeta.cli.outputdir import relative_name
    assert relative_name("../../etc/a.html", []).startswith(os.path.abspath("../../etc").lstrip("/"))
    assert ".." not in relative_name("/x/../y/a.html", []).split("/")
    assert relative_name("/abs/a.html", []) == "abs/a.html"


def test_skip_unchanged_with_a_state_file(tmp_path):
    saved = make_folder(tmp_path)
    state = str(tmp_path / "state.json")
    out = tmp_path / "out.jsonl"
    extract(str(saved), "-o", str(out), "--skip-unchanged", state)
    first = out.read_text(encoding="utf-8").splitlines()
    shutil.copyfile(SAMPLE, saved / "new.html")
    code, _, stderr = extract(str(saved), "-o", str(out), "--skip-unchanged", state)
    assert code == 0
    # the error inputs are remembered too: they are unchanged and not redone
    assert stderr.startswith(f"govmeta: {len(first) - 1 + 1} inputs, 1 new, 0 changed, {len(first) - 1} unchanged")
    assert [json.loads(line)["path"] for line in out.read_text().splitlines()] == [str(saved / "new.html")]


def test_exclude_and_own_output_are_not_read(tmp_path):
    saved = make_folder(tmp_path)
    (saved / "page_files").mkdir()
    shutil.copyfile(SAMPLE, saved / "page_files" / "frame.html")
    (saved / "robots.txt").write_text("User-agent: *\n")
    out = saved / "pages.txt"  # a name the scan would pick up
    out.write_text("stale")
    code, _, _ = extract(str(saved), "--exclude", "*_files/*", "--exclude", "robots.txt", "-o", str(out))
    assert code == 1  # the two bad inputs of the folder
    paths = {json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert str(saved / "page_files" / "frame.html") not in paths
    assert str(saved / "robots.txt") not in paths
    assert str(out) not in paths
    assert str(saved / "sample.html") in paths


@pytest.mark.parametrize(("name", "check"), [
    ("out.csv", lambda p: p.read_bytes().startswith(b"path,url,")),
    ("out.json", lambda p: json.loads(p.read_text())[0]["title"]),
    ("out.jsonl", lambda p: json.loads(p.read_text().splitlines()[0])["title"]),
    ("out.sqlite", lambda p: sqlite3.connect(p).execute("SELECT count(*) FROM pages").fetchone() == (1,)),
    ("out.db", lambda p: sqlite3.connect(p).execute("SELECT count(*) FROM pages").fetchone() == (1,)),
])
def test_format_from_the_output_suffix(tmp_path, name, check):
    code, _, stderr = extract(str(SAMPLE), "-o", str(tmp_path / name))
    assert code == 0, stderr
    assert check(tmp_path / name)


def test_format_option_wins_over_the_suffix(tmp_path):
    extract(str(SAMPLE), "-f", "jsonl", "-o", str(tmp_path / "out.csv"))
    assert json.loads((tmp_path / "out.csv").read_text())["title"]


def test_an_input_named_as_the_output_is_a_usage_error(tmp_path):
    page = tmp_path / "page.html"
    shutil.copyfile(SAMPLE, page)
    code, _, stderr = extract(str(page), "-o", str(page))
    assert code == 2 and "named both as an input and as where to write" in stderr
    assert page.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize(("args", "message"), [
    (["--excel"], "--excel is for CSV output"),
    (["--excel", "-o", "x.json"], "--excel is for CSV output"),
    (["-f", "sqlite"], "--format sqlite writes a database file"),
    (["--fts"], "--fts needs --db"),
    (["--prune"], "--prune needs --db or --skip-unchanged"),
    (["--db", "a.sqlite", "-o", "b.jsonl"], "give one"),
    (["--db", "a.sqlite", "--skip-unchanged", "s.json"], "keeps its own state"),
])
def test_usage_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, stderr = extract(str(SAMPLE), *args)
    assert code == 2
    assert message in stderr
    assert not list(tmp_path.iterdir())


def test_progress_rules(monkeypatch):
    from rich.console import Console

    from govmeta.cli import reporting
    from govmeta.cli.reporting import Reporter
    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    monkeypatch.setattr(reporting, "_maybe_terminal", lambda: True)
    assert Reporter(10, quiet=False, to_file=True)._progress is not None  # records to a file
    assert Reporter(10, quiet=False, to_file=False)._progress is None  # records to a pipe or the terminal
    assert Reporter(10, quiet=False, progress=True, to_file=False)._progress is not None
    assert Reporter(10, quiet=False, progress=False)._progress is None
    assert Reporter(10, quiet=True, progress=True)._progress is None


def _terminal_stderr(args: list[str], cwd: Path) -> bytes:
    """What a terminal on stderr shows while the records go to a pipe that is read as they come."""
    import pty
    import threading

    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "govmeta.cli", *args], stdout=subprocess.PIPE, stderr=terminal,
                               stdin=subprocess.DEVNULL, cwd=cwd)
    os.close(terminal)
    drained = threading.Thread(target=process.stdout.read)
    drained.start()
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    drained.join()
    os.close(controller)
    return shown


def test_progress_off_for_a_pipe_on_for_a_database(tmp_path):
    pages = [str(SAMPLE)] * 20
    assert b"20/20" not in _terminal_stderr(["extract", *pages], tmp_path)  # | jq
    assert b"20/20" in _terminal_stderr(["extract", *pages, "--progress"], tmp_path)
    assert b"20/20" in _terminal_stderr(["extract", *pages, "--db", "out.sqlite"], tmp_path)
    assert b"20/20" not in _terminal_stderr(["extract", *pages, "-o", "x.jsonl", "--no-progress"], tmp_path)


def test_sqlite_utils_opens_the_database_as_it_is(tmp_path):
    import sqlite_utils

    saved = make_folder(tmp_path)
    extract(str(saved), "--db", str(tmp_path / "out.sqlite"), "--fts")
    db = sqlite_utils.Database(tmp_path / "out.sqlite")
    assert {"inputs", "pages", "fields", "metadata", "paragraphs", "attachments", "pages_fts"} <= set(db.table_names())
    for child in ("fields", "metadata", "paragraphs", "attachments"):
        (key,) = db[child].foreign_keys
        assert (key.column, key.other_table, key.other_column) == ("page_id", "pages", "id")
    assert db["pages"].pks == ["id"]
    assert db["pages"].count == len(list(db["pages"].rows_where("record is not null"))) > 20
    (row,) = db.query("select p.title, m.value from pages p join metadata m on m.page_id = p.id "
                      "where p.path like '%sample.html' and m.field = 'doc_no'")
    assert row["value"] == "东政发〔2024〕7号"
    tables = subprocess.run([sys.executable, "-m", "sqlite_utils", "tables", str(tmp_path / "out.sqlite"),
                             "--counts"], capture_output=True, text=True, timeout=60)
    assert tables.returncode == 0 and '"table": "pages"' in tables.stdout
