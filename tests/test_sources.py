"""The engine-free core: the records govmeta extract writes, from page lists, folders, WARC files and URIs."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import pickle
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from govmeta.cli.main import cli
from govmeta.cli.runner import ExtractOptions
from govmeta.cli.sources import WARC_KEY, archive_records, line, page_records
from govmeta.spark.plan import plan, task_records
from tests.paths import FIXTURES, SAMPLE
from tests.warcs import SITE, gzip_body_broken, pages_of, write_warc

ARTICLES = sorted((FIXTURES / "articles").glob("*.html"))
OPTIONS = ExtractOptions()


def cli_lines(*args: str) -> list[bytes]:
    result = CliRunner().invoke(cli, ["extract", "-q", *args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout_bytes.split(b"\n")[:-1]


def core_lines(records) -> list[bytes]:
    return [line(record).encode("utf-8") for record in records]


def without_location(record: dict) -> dict:
    return {key: value for key, value in record.items() if key != WARC_KEY}


def test_page_list_gives_the_cli_lines(tmp_path):
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    names = [*map(str, ARTICLES), str(broken), str(empty), str(tmp_path / "missing.html")]
    records = list(page_records(names, OPTIONS))
    assert core_lines(records) == cli_lines(*names)
    assert [r["error"]["type"] for r in records if "error" in r] == ["unreadable", "empty", "not_found"]


def test_warc_records_are_the_cli_records_with_their_location(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", pages_of(ARTICLES[:4]))
    with open(warc, "ab") as stream:
        stream.write(gzip_body_broken(SITE + "broken.html"))
    records = list(archive_records(str(warc), OPTIONS))
    assert core_lines(map(without_location, records)) == cli_lines(str(warc))
    assert len(records) == 6 and records[-1]["error"]["type"] == "unreadable"
    data = warc.read_bytes()
    for record in records:
        where = record[WARC_KEY]
        assert where["filename"] == str(warc)
        member = data[where["offset"]:where["offset"] + where["length"]]
        found = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                 for r in ArchiveIterator(io.BytesIO(member))]
        ((kind, uri, body),) = found  # exactly one whole record at that place
        assert kind in ("response", "resource")  # not the request record of the same URI
        assert record["path"] == f"{warc}!{uri}"
        if kind == "response" and "error" not in record:
            assert body in {p.read_bytes() for p in ARTICLES}


def test_plain_warc_locations_and_a_single_gzip_stream(tmp_path):
    plain = write_warc(tmp_path / "plain.warc", pages_of(ARTICLES[:2]), compress=False)
    records = list(archive_records(str(plain), OPTIONS))
    data = plain.read_bytes()
    starts = [data[r[WARC_KEY]["offset"]:r[WARC_KEY]["offset"] + 7] for r in records]
    assert starts == [b"WARC/1."] * 3
    # One gzip stream for the whole file: the records are read all the same; no record can be seeked to.
    single = tmp_path / "single.warc.gz"
    single.write_bytes(gzip.compress(data))
    records = list(archive_records(str(single), OPTIONS))
    assert core_lines(map(without_location, records)) == cli_lines(str(single))
    assert {r[WARC_KEY]["offset"] for r in records} == {None}


def test_a_warc_named_otherwise_is_read_as_one_when_told(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", pages_of(ARTICLES[:1]))
    renamed = tmp_path / "crawl-00001.dat"
    renamed.write_bytes(warc.read_bytes())
    (task,) = plan([str(renamed)], "warc")
    records = list(task_records(task, OPTIONS))
    assert [r["path"] for r in records] == [f"{renamed}!{SITE}0/{ARTICLES[0].name}", f"{renamed}!{SITE}note.txt"]
    assert records[0][WARC_KEY]["filename"] == str(renamed) and records[0][WARC_KEY]["offset"] > 0
    bundle = tmp_path / "saved-pages.bin"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.write(SAMPLE, "pages/one.html")
    (task,) = plan([str(bundle)], "warc")
    (record,) = task_records(task, OPTIONS)
    assert record["path"] == f"{bundle}!pages/one.html" and record["title"] and WARC_KEY not in record


def test_uris_are_read_and_named_as_given(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", pages_of(ARTICLES[:1]), extras=False)
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(tmp_path))  # noqa: E731
    handler.log_message = None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        uri = f"http://127.0.0.1:{server.server_address[1]}/crawl.warc.gz"
        (record,) = archive_records(uri, OPTIONS)
        (missing,) = archive_records(uri.replace("crawl", "none"), OPTIONS)
    finally:
        server.shutdown()
    local = next(archive_records(str(warc), OPTIONS))
    assert record["path"] == uri + "!" + local["path"].split("!", 1)[1]
    assert record[WARC_KEY] == {**local[WARC_KEY], "filename": uri}
    assert missing["error"]["type"] == "unreadable" and "404" in missing["error"]["message"]
    (page,) = page_records([SAMPLE.as_uri()], OPTIONS)
    assert page["path"] == SAMPLE.as_uri() and page["title"]


def test_plan_orders_archives_largest_first_and_groups_pages(tmp_path):
    small = write_warc(tmp_path / "a.warc.gz", pages_of(ARTICLES[:1]))
    large = write_warc(tmp_path / "b.warc.gz", pages_of(ARTICLES[:5]))
    tasks = plan([str(small), str(FIXTURES / "articles"), str(large), str(tmp_path / "gone.html")], cores=2)
    assert [t.kind for t in tasks] == ["archive", "archive", "pages", "pages", "pages", "pages"]
    assert [t.inputs[0].name for t in tasks[:2]] == [str(large), str(small)]
    pages = [inp for task in tasks[2:] for inp in task.inputs]
    assert [p.name for p in pages] == [*map(str, ARTICLES), str(tmp_path / "gone.html")]
    assert pages[-1].missing
    sizes = [len(t.inputs) for t in plan([str(FIXTURES / "articles")], partitions=5)]
    assert len(sizes) == 5 and sum(sizes) == len(ARTICLES) and max(sizes) - min(sizes) <= 1


def test_tasks_and_records_cross_process_boundaries_as_plain_data(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", pages_of(ARTICLES[:2]))
    for task in plan([str(warc), str(SAMPLE)]):
        assert pickle.loads(pickle.dumps(task)) == task
        for record in task_records(task, OPTIONS):
            assert json.loads(json.dumps(record)) == record  # only JSON types: nothing a worker cannot send
    assert pickle.loads(pickle.dumps(OPTIONS)) == OPTIONS
    code = ("import sys, govmeta.cli.sources, govmeta.spark, govmeta.spark.plan; "
            "sys.exit('pyspark' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(tmp_path)).returncode == 0
