"""govmeta on Spark (local[2]): the same lines as govmeta extract, from page lists, folders and WARC files."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from govmeta.cli.main import cli
from govmeta.cli.sources import WARC_KEY, line
from tests.paths import FIXTURES, SAMPLE
from tests.warcs import SITE, gzip_body_broken, pages_of, write_warc

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[test,spark]'")
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
                       reason="Java 17 is not installed (apt-get install openjdk-17-jre-headless)"),
]
ARTICLES = sorted((FIXTURES / "articles").glob("*.html"))


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("govmeta-tests")
               .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def cli_lines(manifest: Path) -> list[bytes]:
    result = CliRunner().invoke(cli, ["extract", "-q", "--files-from", str(manifest)])
    assert result.exit_code in (0, 1), result.output
    return sorted(result.stdout_bytes.split(b"\n")[:-1])


def part_lines(out: Path) -> list[bytes]:
    parts = sorted(out.glob("part-*"))
    assert parts and (out / "_SUCCESS").exists()
    return sorted(b"".join(p.read_bytes() for p in parts).split(b"\n")[:-1])


def write_manifest(path: Path, names: list) -> Path:
    path.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    return path


def run(spark, manifest: Path, out: Path, **options):
    from govmeta.spark.job import run_job
    from govmeta.spark.plan import read_manifest

    return run_job(spark, read_manifest(str(manifest)), str(out), **options)


def test_page_lists_and_folders_give_the_cli_lines(spark, tmp_path):
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    (tmp_path / "report.pdf.html").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    names = [*ARTICLES, broken, tmp_path / "report.pdf.html", tmp_path / "missing.html",
             FIXTURES / "text", FIXTURES / "sample"]
    manifest = write_manifest(tmp_path / "manifest.txt", names)
    summary = run(spark, manifest, tmp_path / "out", partitions=3)
    lines = part_lines(tmp_path / "out")
    assert lines == cli_lines(manifest)
    errors = sorted(json.loads(text)["error"]["type"] for text in lines if b'"error":' in text[-400:])
    assert errors == ["binary", "not_found", "unreadable"]
    assert (summary.tasks, summary.records, summary.errors) == (3, len(lines), 3)


@pytest.fixture(scope="module")
def warc_set(tmp_path_factory) -> Path:
    """Four WARC files: gzip per record, plain, one with a page whose body cannot be decoded, one small."""
    folder = tmp_path_factory.mktemp("warcs")
    write_warc(folder / "a.warc.gz", pages_of(ARTICLES[:6]))
    write_warc(folder / "b.warc", pages_of(ARTICLES[6:], SITE + "b/"), compress=False)
    broken = write_warc(folder / "c.warc.gz", pages_of([SAMPLE], SITE + "c/"))
    with open(broken, "ab") as stream:
        stream.write(gzip_body_broken(SITE + "c/broken.html"))
    write_warc(folder / "d.warc.gz", pages_of([FIXTURES / "seed" / "yixing_disclosure.html"], SITE + "d/"),
               extras=False)
    return write_manifest(folder / "warcs.txt", sorted(folder.glob("*.warc*")))


def cli_line_with_location(text: bytes) -> tuple[bytes, bytes]:
    """(the line without its location, as govmeta extract writes it; the location)."""
    record = json.loads(text)
    where = record.pop(WARC_KEY)
    return line(record).encode(), json.dumps(where).encode()


@pytest.fixture(scope="module")
def warc_run(spark, warc_set, tmp_path_factory):
    """The WARC set's job, written once as JSON Lines and once as Parquet."""
    out = tmp_path_factory.mktemp("warc-out")
    summary = run(spark, warc_set, out / "jsonl")
    run(spark, warc_set, out / "parquet", parquet=True)
    return summary, out


def test_warc_files_give_the_cli_lines_with_locations(warc_set, warc_run):
    summary, out = warc_run
    lines = part_lines(out / "jsonl")
    assert sorted(cli_line_with_location(text)[0] for text in lines) == cli_lines(warc_set)
    for text in lines:  # the location is appended to the CLI's bytes, nothing else changes
        bare, _ = cli_line_with_location(text)
        assert text.startswith(bare[:-1] + b',"warc":{"filename":')
    data = {name: Path(name).read_bytes() for name in warc_set.read_text().split()}
    for text in lines:
        where = json.loads(text)[WARC_KEY]
        member = data[where["filename"]][where["offset"]:where["offset"] + where["length"]]
        (found,) = list(ArchiveIterator(io.BytesIO(member)))  # one whole record: the page's response
        assert (found.rec_type, found.rec_headers.get_header("WARC-Target-URI")) in (
            ("response", json.loads(text)["path"].split("!", 1)[1]), ("resource", SITE + "note.txt"))
    assert (summary.tasks, summary.records, summary.errors) == (4, len(lines), 1)
    assert any(b'"type":"unreadable","message":"cannot decode the HTTP body' in text for text in lines)


def test_parquet_holds_the_same_records(spark, warc_run):
    _, out = warc_run
    rows = spark.read.parquet(str(out / "parquet")).collect()
    assert sorted(row.record.encode() for row in rows) == part_lines(out / "jsonl")
    for row in rows:
        record = json.loads(row.record)
        assert (row.path, row.warc_offset) == (record["path"], record[WARC_KEY]["offset"])
        assert row.error_type == (record.get("error") or {}).get("type")


def test_the_command_line_last(spark, warc_set, tmp_path, monkeypatch):
    """python -m govmeta.spark's command (it joins the running local[2] session, and stops it: run last)."""
    from govmeta.spark.__main__ import spark_job

    manifest = write_manifest(tmp_path / "manifest.txt", [SAMPLE, *warc_set.read_text().split()])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(spark_job, [str(manifest), "out", "--input", "pages"])
    assert result.exit_code == 1, result.output  # one page of the set cannot be decoded
    expected = cli_lines(manifest)
    assert f"govmeta.spark: {len(expected)} records, 1 errors, 4 partitions" in result.stderr
    assert part_lines(tmp_path / "out") == expected  # read as pages: no locations
    again = CliRunner().invoke(spark_job, [str(manifest), "out"])
    assert again.exit_code == 2 and "exists" in again.output
