"""The Spark job: one partition per planned task, records written as JSON Lines part files or Parquet."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

from govmeta.cli.runner import ExtractOptions
from govmeta.cli.sources import WARC_KEY, line
from govmeta.spark.plan import InputKind, Task, plan, task_records

# Parquet columns: the record whole as its JSON line, and what a query filters on.
PARQUET_SCHEMA = StructType([
    StructField("path", StringType(), False),
    StructField("error_type", StringType(), True),
    StructField("warc_filename", StringType(), True),
    StructField("warc_offset", LongType(), True),
    StructField("warc_length", LongType(), True),
    StructField("record", StringType(), False),
])


@dataclass(frozen=True)
class Summary:
    """What a run wrote."""

    tasks: int
    records: int
    errors: int


def parquet_row(text: str) -> tuple:
    """A record's JSON line as a PARQUET_SCHEMA row."""
    record = json.loads(text)
    warc = record.get(WARC_KEY) or {}
    error = record.get("error") or {}
    return (record.get("path", ""), error.get("type"), warc.get("filename"), warc.get("offset"),
            warc.get("length"), text)


def run_job(spark: SparkSession, names: list[str], out: str, kind: InputKind | None = None,
            partitions: int | None = None, parquet: bool = False,
            options: ExtractOptions | None = None) -> Summary:
    """Extract every page the names lead to and write the records under ``out``."""
    context = spark.sparkContext
    tasks = plan(names, kind, partitions, cores=context.defaultParallelism)
    if not tasks:
        raise ValueError("the manifest leads to no inputs")
    records = context.accumulator(0)
    errors = context.accumulator(0)
    work = functools.partial(_counted_lines, options=options or ExtractOptions(), records=records, errors=errors)
    lines = context.parallelize(tasks, len(tasks)).mapPartitions(work)
    if parquet:
        spark.createDataFrame(lines.map(parquet_row), PARQUET_SCHEMA).write.parquet(out)
    else:
        lines.saveAsTextFile(out)
    return Summary(len(tasks), records.value, errors.value)


def _counted_lines(tasks: Iterable[Task], options: ExtractOptions, records, errors) -> Iterator[str]:
    """A partition's lines (its one task's records), counted into the run's accumulators."""
    for task in tasks:
        for record in task_records(task, options):
            records.add(1)
            if "error" in record:
                errors.add(1)
            yield line(record)
