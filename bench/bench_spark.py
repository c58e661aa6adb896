#!/usr/bin/env python3
"""govmeta on Spark local[2] against ``govmeta extract -j 2``: the same records, and the throughput.

    python3 bench/bench_spark.py [PAGES_DIR] [--repeat 100] [--warcs 4]

PAGES_DIR (default ../shared/corpus/pages) is repeated ``--repeat`` times (folders of links, so every
path differs), and packed into ``--warcs`` WARC files holding the same pages. For each set it runs the
CLI with two workers and the Spark job in local[2] (timed after a warm-up job, so the JVM and the Python
workers are up), and checks that the sorted lines are identical (a WARC page's line without its
``"warc"`` location). Nothing here is part of the default test run; the numbers are for reading.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.warcs: the WARC writer the tests use

from govmeta.cli.sources import WARC_KEY, line  # noqa: E402
from tests.warcs import pages_of, write_warc  # noqa: E402

GOVMETA = [sys.executable, "-m", "govmeta.cli"]


def cli_run(manifest: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*GOVMETA, "extract", "-q", "-j", "2", "--files-from", str(manifest), "-o", str(out)],
                   check=False)
    return time.perf_counter() - started


def sorted_lines(data: bytes, strip_location: bool = False) -> list[bytes]:
    lines = data.split(b"\n")[:-1]
    if strip_location:
        lines = [line({k: v for k, v in json.loads(text).items() if k != WARC_KEY}).encode() for text in lines]
    return sorted(lines)


def spark_run(spark, manifest: Path, out: Path) -> tuple[float, object]:
    from govmeta.spark.job import run_job
    from govmeta.spark.plan import read_manifest

    started = time.perf_counter()
    summary = run_job(spark, read_manifest(str(manifest)), str(out))
    return time.perf_counter() - started, summary


def compare(name: str, spark, manifest: Path, work: Path, strip_location: bool) -> None:
    cli_seconds = cli_run(manifest, work / f"{name}.jsonl")
    spark_seconds, summary = spark_run(spark, manifest, work / f"{name}-spark")
    spark_data = b"".join(p.read_bytes() for p in sorted((work / f"{name}-spark").glob("part-*")))
    cli_lines = sorted_lines((work / f"{name}.jsonl").read_bytes())
    same = sorted_lines(spark_data, strip_location) == cli_lines
    print(f"{name}: {len(cli_lines)} records, {summary.tasks} partitions; identical to the CLI: {same}")
    print(f"  govmeta extract -j 2: {cli_seconds:6.1f} s  {len(cli_lines) / cli_seconds:6.1f} records/s")
    print(f"  spark local[2]:       {spark_seconds:6.1f} s  {summary.records / spark_seconds:6.1f} records/s"
          f"  (ratio spark/cli time {spark_seconds / cli_seconds:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "pages"))
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--warcs", type=int, default=4)
    args = parser.parse_args()
    pages = sorted(p for p in Path(args.pages).rglob("*") if p.is_file())
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory(prefix="govmeta-spark-bench-") as folder:
        work = Path(folder)
        copies = []
        for round_ in range(args.repeat):
            for page in pages:
                link = work / "pages" / f"r{round_:03d}" / page.relative_to(args.pages)
                link.parent.mkdir(parents=True, exist_ok=True)
                link.symlink_to(page.resolve())
                copies.append(link)
        (work / "pages.txt").write_text("".join(f"{p}\n" for p in copies), encoding="utf-8")
        per_warc = -(-args.repeat // args.warcs)
        warcs = [write_warc(work / f"set-{n}.warc.gz",
                            pages_of(pages * per_warc, f"http://www.example.gov.cn/set{n}/"))
                 for n in range(args.warcs)]
        (work / "warcs.txt").write_text("".join(f"{p}\n" for p in warcs), encoding="utf-8")
        (work / "warm.txt").write_text("".join(f"{p}\n" for p in pages[:8]), encoding="utf-8")

        started = time.perf_counter()
        spark = (SparkSession.builder.master("local[2]").appName("govmeta-bench")
                 .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                 .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        spark_run(spark, work / "warm.txt", work / "warm-out")
        print(f"JVM up and workers warm in {time.perf_counter() - started:.1f} s")
        compare("pages", spark, work / "pages.txt", work, strip_location=False)
        compare("warcs", spark, work / "warcs.txt", work, strip_location=True)
        spark.stop()


if __name__ == "__main__":
    main()
