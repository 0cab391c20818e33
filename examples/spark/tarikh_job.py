#!/usr/bin/env python3
"""tarikh on Apache Spark: articles in (Parquet or JSON lines), each story's timeline out.

    spark-submit tarikh_job.py --input articles.jsonl --output out/
    python tarikh_job.py --input articles.parquet --output out/ --master 'local[2]'

Each article is a row with ``id`` and ``text`` and, optionally, ``published_at`` (text, date or
timestamp), ``timezone`` (IANA name), ``country`` and ``story``. The job groups the articles by
story and runs tarikh's whole pipeline over each story in a pandas UDF (``applyInPandas``) on the
executors, with the ``tarikh`` Python package: the pipeline of ``tarikh run``, so a story's tables
equal ``tarikh run``'s files for the same articles byte for byte. Why per story and not per article:
an article without a date gets it inferred from its story's other articles, and an expression such
as «عشية الانتخابات» takes its date from the reconciled event, so a story is the unit that gives
``tarikh run``'s answers. ``--tags-only`` instead tags every article on its own in ``mapInPandas``
(``tarikh tag``): no story needed, no reconciliation, the cheapest way through a whole archive.

Output (``--format``, default both):
- ``OUT/csv/<story>/<table>.csv``: the six tables in tarikh's own CSV format (documents, timex,
  event_mentions, timeline, relations, conflicts), written by tarikh's writer on the driver, one
  story at a time;
- ``OUT/parquet/<table>/input_story=<story>/``: the same rows as typed Parquet, written by the
  executors, with ``row`` (the row's place in the story's CSV file); the partition is named
  ``input_story`` because tarikh's rows carry a ``story`` column of their own (the story tarikh
  grouped the article into).

Within a story the articles are processed in order of their ``id`` (``tarikh run`` reads a folder in
file-name order: name files by id and the two agree). Articles without a ``story`` column form one
story, ``all``. The job exits with 1 when some articles could not be processed (listed on stderr and
in ``documents``), and 2 when it could not run (bad input, said how).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import typing
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import pandas as pd
import tarikh
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

#: The story of articles that name none.
DEFAULT_STORY = "all"

#: What the story stage returns: each row of each table of a story, as tarikh's JSON.
RESULT_SCHEMA = "story string, table string, row long, record string"


class JobError(Exception):
    """The input cannot be processed; the message says what to change."""


def spark_type(hint: object) -> T.DataType:
    """The Spark type of a row field's Python type (int, str or Optional[str])."""
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    return T.LongType() if args[0] is int else T.StringType()


def table_schema(table: str) -> T.StructType:
    """The Spark schema of one of tarikh's tables, from the package's typed row."""
    hints = typing.get_type_hints(tarikh.ROW_TYPES[table])
    return T.StructType([T.StructField(name, spark_type(hint), True) for name, hint in hints.items()])


def read_articles(spark: SparkSession, path: str, input_format: Optional[str], story_column: str) -> DataFrame:
    """The articles as (id, text, published_at, timezone, country, story), all text columns."""
    fmt = input_format or guess_format(path)
    if fmt == "jsonl":
        schema = T.StructType(
            [T.StructField(c, T.StringType(), True) for c in ("id", "text", "published_at", "timezone", "country", story_column)]
            + [T.StructField("_corrupt_record", T.StringType(), True)]
        )
        raw = spark.read.schema(schema).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record").json(path)
        raw = raw.cache()  # Spark reads the corrupt-record column only from a cached frame
        bad = raw.filter(F.col("_corrupt_record").isNotNull()).select("_corrupt_record").limit(3).collect()
        if bad:
            shown = "; ".join(repr(r[0][:80]) for r in bad)
            raise JobError(f"{path}: lines that are not JSON objects with `id` and `text` (first ones: {shown})")
        raw = raw.drop("_corrupt_record")
    elif fmt == "parquet":
        raw = spark.read.parquet(path)
    else:
        raise JobError(f"--input-format must be jsonl or parquet, not {fmt!r}")
    missing = [c for c in ("id", "text") if c not in raw.columns]
    if missing:
        raise JobError(f"{path}: no column {', '.join(missing)} (columns: {', '.join(raw.columns)}); each article needs `id` and `text`")

    def text_column(name: str) -> "F.Column":
        if name not in raw.columns:
            return F.lit(None).cast("string")
        kind = raw.schema[name].dataType
        if isinstance(kind, T.DateType):
            return F.date_format(name, "yyyy-MM-dd")
        if isinstance(kind, (T.TimestampType, T.TimestampNTZType)):
            # An instant keeps its offset (in the session's zone); tarikh reads it in the story's zone.
            return F.date_format(name, "yyyy-MM-dd'T'HH:mm:ssXXX" if isinstance(kind, T.TimestampType) else "yyyy-MM-dd'T'HH:mm:ss")
        return F.col(name).cast("string")

    stories = text_column(story_column) if story_column in raw.columns else F.lit(None).cast("string")
    return raw.select(
        F.col("id").cast("string").alias("id"),
        F.col("text").cast("string").alias("text"),
        text_column("published_at").alias("published_at"),
        text_column("timezone").alias("timezone"),
        text_column("country").alias("country"),
        stories.alias("story"),
    )


def guess_format(path: str) -> str:
    """Parquet for a .parquet file or a folder of them, else JSON lines."""
    p = Path(path)
    if p.suffix == ".parquet" or (p.is_dir() and any(p.glob("*.parquet"))):
        return "parquet"
    return "jsonl"


def check_articles(articles: DataFrame) -> DataFrame:
    """Refuse what cannot be processed, naming the articles; give story-less input one story."""
    incomplete = articles.filter(F.col("id").isNull() | F.col("text").isNull()).select("id").limit(5).collect()
    if incomplete:
        raise JobError(f"articles without an id or a text (ids: {', '.join(str(r.id) for r in incomplete)}); every article needs both")
    with_story = articles.filter(F.col("story").isNotNull() & (F.trim("story") != "")).limit(1).count()
    if with_story:
        lacking = articles.filter(F.col("story").isNull() | (F.trim("story") == "")).select("id").limit(5).collect()
        if lacking:
            raise JobError(f"articles without a story while others have one (ids: {', '.join(r.id for r in lacking)}); fill the story column or drop it")
    else:
        articles = articles.withColumn("story", F.lit(DEFAULT_STORY))
    unsafe = articles.filter(F.col("story").rlike(r"[/\\\x00]") | F.col("story").isin(".", "..")).select("story").distinct().limit(5).collect()
    if unsafe:
        raise JobError(f"story names that cannot name a folder: {', '.join(repr(r.story) for r in unsafe)}")
    duplicates = articles.groupBy("story", "id").count().filter("count > 1").limit(5).collect()
    if duplicates:
        raise JobError(f"ids given to more than one article of a story: {', '.join(f'{r.story}/{r.id}' for r in duplicates)}")
    return articles


def story_stage(timezone, fallback_date):
    """The function each story's articles go through on an executor: tarikh's whole pipeline."""

    def run(articles: pd.DataFrame) -> pd.DataFrame:
        articles = articles.sort_values("id", kind="mergesort")
        story = articles["story"].iloc[0]
        timeline = tarikh.Timeline.from_documents(articles, timezone=timezone, fallback_date=fallback_date)
        rows = [(story, table, i, record) for table in tarikh.TABLES for i, record in enumerate(timeline.to_json(table))]
        return pd.DataFrame(rows, columns=["story", "table", "row", "record"])

    return run


def tag_stage(timezone):
    """The function each batch of articles goes through in --tags-only: tarikh tag, one article at
    a time. An article that cannot be tagged gives one row with `error` set."""
    columns = ["story"] + tarikh.TABLES["timex"] + ["error"]

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            out: List[Dict[str, object]] = []
            for a in batch.to_dict("records"):
                try:
                    rows = tarikh.tag(a["text"], published=a["published_at"], timezone=a["timezone"] or timezone, id=a["id"])
                except ValueError as e:
                    out.append({"story": a["story"], "doc": a["id"], "error": str(e)})
                    continue
                out.extend({"story": a["story"], **r, "error": None} for r in rows)
            frame = pd.DataFrame(out, columns=columns)
            for c in ("start", "end"):
                frame[c] = frame[c].astype("Int64")
            yield frame

    return run


def write_csv_tables(results: DataFrame, stories: Sequence[str], out: Path) -> None:
    """Each story's tables as tarikh's CSV files, written by tarikh's writer on the driver. Rows
    stream in story order (one partition at a time), so the driver holds one table at a time."""
    done = set()

    def flush(key, records):
        story, table = key
        folder = out / story
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
            f.write(tarikh.records_to_csv(table, records))
        done.add(key)

    ordered = results.orderBy("story", "table", "row").select("story", "table", "record")
    key, records = None, []
    for r in ordered.toLocalIterator():
        if (r.story, r.table) != key:
            if key is not None:
                flush(key, records)
            key, records = (r.story, r.table), []
        records.append(r.record)
    if key is not None:
        flush(key, records)
    for story in stories:  # a table with no rows is still written, with its header
        for table in tarikh.TABLES:
            if (story, table) not in done:
                flush((story, table), [])


def write_parquet_tables(results: DataFrame, out: Path) -> None:
    """Each table as typed Parquet, partitioned by story, written by the executors."""
    for table in tarikh.TABLES:
        rows = results.filter(F.col("table") == table).select(
            F.col("story").alias("input_story"), "row", F.from_json("record", table_schema(table)).alias("r"))
        # partitioned by the input's story, named apart from the `story` column tarikh gives its rows
        rows.select("input_story", "row", "r.*").write.mode("overwrite").partitionBy("input_story").parquet(str(out / table))


def run_stories(spark: SparkSession, args: argparse.Namespace) -> int:
    articles = check_articles(read_articles(spark, args.input, args.input_format, args.story_column)).cache()
    stories = sorted(r.story for r in articles.select("story").distinct().collect())
    results = articles.groupBy("story").applyInPandas(story_stage(args.timezone, args.fallback_date), RESULT_SCHEMA).cache()
    out = Path(args.output)
    if "parquet" in args.format:
        write_parquet_tables(results, out / "parquet")
    if "csv" in args.format:
        write_csv_tables(results, stories, out / "csv")
    counts = dict(results.groupBy("table").count().collect())
    failed = [json.loads(r.record) for r in results.filter((F.col("table") == "documents") & F.col("record").contains('"status":"error')).collect()]
    for d in failed:
        print(f"error: {d['doc']}: {d['status'][len('error: '):]}", file=sys.stderr)
    print(
        f"tarikh-spark: {counts.get('documents', 0)} documents ({len(failed)} failed) in {len(stories)} stories, "
        f"{counts.get('timex', 0)} temporal expressions, {counts.get('event_mentions', 0)} event mentions, "
        f"{counts.get('timeline', 0)} timeline events, {counts.get('relations', 0)} relations, "
        f"{counts.get('conflicts', 0)} conflicts → {out}",
        file=sys.stderr,
    )
    return 1 if failed else 0


def run_tags(spark: SparkSession, args: argparse.Namespace) -> int:
    articles = read_articles(spark, args.input, args.input_format, args.story_column)
    articles = articles.withColumn("story", F.coalesce(F.col("story"), F.lit(DEFAULT_STORY)))
    # A small file is one partition, which one core would tag alone: spread it over every core.
    cores = spark.sparkContext.defaultParallelism
    if articles.rdd.getNumPartitions() < cores:
        articles = articles.repartition(cores)
    schema = T.StructType([T.StructField("story", T.StringType())] + table_schema("timex").fields + [T.StructField("error", T.StringType())])
    tags = articles.mapInPandas(tag_stage(args.timezone), schema).cache()
    out = Path(args.output)
    rows = tags.filter(F.col("error").isNull()).drop("error")
    if "parquet" in args.format:
        rows.write.mode("overwrite").partitionBy("story").parquet(str(out / "parquet" / "timex"))
    if "csv" in args.format:  # Spark's own CSV writer: part files, one header each
        rows.write.mode("overwrite").option("header", True).csv(str(out / "csv" / "timex"))
    errors = tags.filter(F.col("error").isNotNull()).select("story", "doc", "error").collect()
    for e in errors:
        print(f"error: {e.story}/{e.doc}: {e.error}", file=sys.stderr)
    print(f"tarikh-spark: {rows.count()} temporal expressions, {len(errors)} articles failed → {out}", file=sys.stderr)
    return 1 if errors else 0


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="articles: a JSON-lines file or folder, or Parquet")
    parser.add_argument("--input-format", choices=["jsonl", "parquet"], help="default: parquet for *.parquet or a folder of them, else jsonl")
    parser.add_argument("--output", required=True, help="output folder (csv/ and parquet/ are written in it)")
    parser.add_argument("--format", default="csv,parquet", help="csv, parquet or csv,parquet (default)")
    parser.add_argument("--story-column", default="story", help="column naming each article's story (default: story)")
    parser.add_argument("--timezone", default=None, help="zone of articles that give none (IANA name); without it each article's zone is read from its dateline or the places it names, else UTC, as tarikh run does")
    parser.add_argument("--fallback-date", default=None, help="day of last resort for an article whose day nothing supports; without it such a day is unknown, as in tarikh run")
    parser.add_argument("--tags-only", action="store_true", help="only tag each article on its own (mapInPandas), no stories")
    parser.add_argument("--master", help="Spark master when run with python (spark-submit sets it); default local[*]")
    parser.add_argument("--shuffle-partitions", type=int, help="spark.sql.shuffle.partitions (default: Spark's)")
    args = parser.parse_args(argv)
    args.format = {f.strip() for f in args.format.split(",") if f.strip()}
    if not args.format or not args.format <= {"csv", "parquet"}:
        parser.error("--format takes csv, parquet or csv,parquet")
    return args


def session(args: argparse.Namespace) -> SparkSession:
    """The active session (a notebook, a test), the one spark-submit configured, or a local one."""
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName("tarikh")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Run with plain python: a local Spark whose Python workers use this interpreter (the one
        # with tarikh installed). Under spark-submit, its --master and PYSPARK_PYTHON decide.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(args.master or "local[*]")
    elif args.master:
        builder = builder.master(args.master)
    return builder.getOrCreate()


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    spark = session(args)
    if args.shuffle_partitions:
        spark.conf.set("spark.sql.shuffle.partitions", str(args.shuffle_partitions))
    started = time.perf_counter()
    try:
        status = run_tags(spark, args) if args.tags_only else run_stories(spark, args)
    except JobError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"tarikh-spark: done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
