"""``python -m govmeta.spark MANIFEST OUT [--input warc|pages] [--partitions N] [--parquet]``."""

from __future__ import annotations

import os
import sys
import time

import click

from govmeta.cli.entry import run_command
from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.sources import is_uri
from govmeta.spark.plan import INPUT_KINDS, read_manifest


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False))
@click.argument("out", type=click.Path())
@click.option("--input", "kind", type=click.Choice(INPUT_KINDS),
              help="What MANIFEST lists: WARC (or ZIP) files, or pages. Default: told from each name.")
@click.option("--partitions", type=click.IntRange(min=1),
              help="Cut the pages into N partitions (default: about 1,000 pages each, at least 2 per core); "
                   "every archive has a partition of its own.")
@click.option("--parquet", is_flag=True, help="Write Parquet (path, error_type, warc_*, record) instead of JSON Lines.")
def spark_job(manifest: str, out: str, kind: str | None, partitions: int | None, parquet: bool) -> None:
    """Extract the records of every page, folder, WARC or ZIP file that MANIFEST lists (one path or URI a
    line) on Spark, into OUT/part-* (JSON Lines, as govmeta extract writes them)."""
    if not is_uri(out):  # Spark resolves a relative path against its JVM's folder, which may not be ours
        out = os.path.abspath(out)
    if os.path.exists(out):
        raise click.BadParameter(f"{out} exists: Spark writes a new folder", param_hint="OUT")
    names = read_manifest(manifest)
    if not names:
        raise click.BadParameter(f"{manifest} lists no paths", param_hint="MANIFEST")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: the workers run this Python
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from govmeta.spark.job import run_job

    started = time.perf_counter()
    spark = SparkSession.builder.appName("govmeta").getOrCreate()
    try:
        summary = run_job(spark, names, out, kind, partitions, parquet)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="MANIFEST") from exc
    finally:
        spark.stop()
    click.echo(f"govmeta.spark: {summary.records} records, {summary.errors} errors, {summary.tasks} partitions "
               f"in {time.perf_counter() - started:.1f} s -> {out}", err=True)
    sys.exit(ExitCode.SOME_FAILED if summary.errors else ExitCode.OK)


def main() -> None:
    """Entry point: usage errors exit 2, a missing pyspark gets one line instead of a traceback."""
    try:
        run_command(spark_job, "python -m govmeta.spark")
    except ModuleNotFoundError as exc:
        if exc.name != "pyspark":
            raise
        click.echo("govmeta.spark: pyspark is not installed: pip install 'govmeta[spark]'", err=True)
        sys.exit(ExitCode.USAGE)


if __name__ == "__main__":
    main()
