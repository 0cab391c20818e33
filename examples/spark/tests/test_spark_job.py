"""The Spark job on local[2] over the bundled corpora: its CSV tables equal `tarikh run`'s byte for
byte, its Parquet tables hold the same rows, --tags-only equals `tarikh tag --input`, and bad input
is refused with a message."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import tarikh
import tarikh_job
from spark_corpora import CORPORA
from corpus_to_jsonl import articles


def write_jsonl(path: Path, rows) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def story_input(tmp_path_factory) -> Path:
    """Both corpora as one JSON-lines file, each as its story."""
    rows = [a for story, corpus in CORPORA.items() for a in articles(corpus, story=story)]
    return write_jsonl(tmp_path_factory.mktemp("input") / "articles.jsonl", rows)


def parquet_rows(folder: Path, story: str) -> list:
    """A story's rows of one Parquet table, in file order, as the dicts tarikh gives."""
    frame = pq.read_table(folder / f"input_story={story}").to_pandas().sort_values("row")
    frame = frame.drop(columns=["row"]).astype(object).where(frame.notna(), None)
    return [{k: (int(v) if isinstance(v, float) else v) for k, v in r.items()} for r in frame.to_dict("records")]


def test_each_story_s_tables_equal_tarikh_run_s_byte_for_byte(spark, story_input, cli_runs, tmp_path):
    out = tmp_path / "out"
    assert tarikh_job.main(["--input", str(story_input), "--output", str(out)]) == 0
    assert sorted(p.name for p in (out / "csv").iterdir()) == sorted(CORPORA)
    for story in CORPORA:
        for table in tarikh.TABLES:
            expected = (cli_runs[story] / f"{table}.csv").read_bytes()
            assert (out / "csv" / story / f"{table}.csv").read_bytes() == expected, f"{story}/{table}.csv"
            rows = parquet_rows(out / "parquet" / table, story)
            assert tarikh.records_to_csv(table, rows).encode("utf-8") == expected, f"parquet {story}/{table}"


def test_parquet_input_without_stories_is_one_story(spark, cli_runs, tmp_path):
    rows = list(articles(CORPORA["seeds"]))
    frame = pd.DataFrame(rows).drop(columns=["story"])
    table = pa.Table.from_pandas(frame, preserve_index=False)
    days = pa.array(pd.to_datetime(frame["published_at"]).dt.date, type=pa.date32())
    table = table.set_column(table.schema.get_field_index("published_at"), "published_at", days)
    pq.write_table(table, tmp_path / "articles.parquet")
    out = tmp_path / "out"
    assert tarikh_job.main(["--input", str(tmp_path / "articles.parquet"), "--output", str(out), "--format", "csv"]) == 0
    assert [p.name for p in (out / "csv").iterdir()] == ["all"]
    assert not (out / "parquet").exists()
    for t in tarikh.TABLES:
        assert (out / "csv" / "all" / f"{t}.csv").read_bytes() == (cli_runs["seeds"] / f"{t}.csv").read_bytes(), t


def test_tags_only_equals_tarikh_tag_on_each_article(spark, story_input, tarikh_bin, tmp_path):
    out = tmp_path / "out"
    assert tarikh_job.main(["--input", str(story_input), "--output", str(out), "--tags-only", "--format", "parquet"]) == 0
    cli = subprocess.run([str(tarikh_bin), "tag", "--input", str(story_input), "--format", "jsonl", "--quiet"],
                         check=True, capture_output=True, text=True).stdout
    expected = [json.loads(line) for line in cli.splitlines()]
    frame = pq.read_table(out / "parquet" / "timex").to_pandas()
    frame = frame.sort_values(["doc", "start"]).drop(columns=["story"])
    got = [{k: (int(v) if k in ("start", "end") else v) for k, v in r.items()} for r in frame.to_dict("records")]
    assert len(expected) > 100
    assert got == sorted(expected, key=lambda r: (r["doc"], r["start"]))


@pytest.mark.parametrize("rows, message", [
    ([{"id": "a", "text": "x", "story": "s"}, {"id": "a", "text": "y", "story": "s"}], "ids given to more than one article of a story: s/a"),
    ([{"id": "a", "text": "x", "story": "s"}, {"id": "b", "text": "y"}], "articles without a story while others have one (ids: b)"),
    ([{"id": "a", "story": "s"}], "articles without an id or a text (ids: a)"),
    ([{"id": "a", "text": "x", "story": "../up"}], "story names that cannot name a folder: '../up'"),
])
def test_bad_input_is_refused_with_a_message(spark, tmp_path, capsys, rows, message):
    path = write_jsonl(tmp_path / "bad.jsonl", rows)
    assert tarikh_job.main(["--input", str(path), "--output", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_line_that_is_not_json_is_named(spark, tmp_path, capsys):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": \n', encoding="utf-8")
    assert tarikh_job.main(["--input", str(path), "--output", str(tmp_path / "out")]) == 2
    assert "lines that are not JSON objects with `id` and `text` (first ones: '{\"id\": \"b\", \"text\": ')" in capsys.readouterr().err


def test_an_article_that_cannot_be_processed_is_listed_and_the_rest_written(spark, tmp_path, capsys):
    path = write_jsonl(tmp_path / "articles.jsonl", [
        {"id": "a", "text": "وصل الوفد أمس", "published_at": "2017-05-07", "story": "s"},
        {"id": "b", "text": "x\u0000y", "published_at": "2017-05-07", "story": "s"},
    ])
    out = tmp_path / "out"
    assert tarikh_job.main(["--input", str(path), "--output", str(out), "--format", "csv"]) == 1
    assert "error: b: `document 2 (id b)` contains a NUL byte" in capsys.readouterr().err
    documents = (out / "csv" / "s" / "documents.csv").read_text(encoding="utf-8")
    assert documents.splitlines()[1].startswith("a,2017-05-07,metadata,")
    assert 'b,,,0,0,0,,,"error: `document 2 (id b)` contains a NUL byte' in documents
    assert "2017-05-06" in (out / "csv" / "s" / "timex.csv").read_text(encoding="utf-8")
