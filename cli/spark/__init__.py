"""govmeta on Spark: ``python -m govmeta.spark MANIFEST OUT`` writes the records ``govmeta extract`` would.

Needs the optional extra ``govmeta[spark]`` (pyspark) and Java 17. The planning and the per-task work
(``govmeta.spark.plan``, ``govmeta.cli.sources``) import no engine; only ``govmeta.spark.job`` imports pyspark.
"""
