"""The Python package against the CLI it shares its pipeline with, and its promises: typed rows,
Python errors with the pipeline's messages, one grammar per process, the GIL released."""

from __future__ import annotations

import datetime
import doctest
import filecmp
import json
import os
import subprocess
import sys
import threading
import time
import typing
from collections import defaultdict
from pathlib import Path

import pandas
import pytest

import tarikh
from package_corpora import BOUIRA, ROOT, SEEDS, read_corpus

CORPORA = {"seeds": SEEDS, "bouira": BOUIRA}


def test_the_issue_one_liner_prints_the_value():
    out = subprocess.run(
        [sys.executable, "-c", "import tarikh; print(tarikh.parse('منتصف الليل', ref='2017-05-06'))"],
        check=True, capture_output=True, text=True, cwd="/",
    ).stdout
    assert "'value': '2017-05-06T00:00'" in out
    assert "'type': 'TIME'" in out


def test_parse_gives_what_tarikh_parse_gives_on_every_phrase_of_the_stories(tarikh_bin):
    by_ref = defaultdict(list)
    for line in (ROOT / "data" / "stories" / "phrases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, ref = line.split("\t")[:2]
            by_ref[ref].append(phrase)
    assert sum(map(len, by_ref.values())) > 200
    for ref, phrases in by_ref.items():
        cli = subprocess.run([str(tarikh_bin), "parse", "--ref", ref], input="\n".join(phrases) + "\n",
                             check=True, capture_output=True, text=True).stdout.splitlines()
        for phrase, line in zip(phrases, cli, strict=True):
            expected = json.loads(line)
            got = tarikh.parse(phrase, ref=ref)
            if not expected["value"]:
                assert got is None, phrase
            else:
                assert (got["text"], got["type"], got["value"]) == (expected["text"], expected["type"], expected["value"]), phrase


def test_parse_takes_dates_datetimes_and_a_preference():
    assert tarikh.parse("الأسبوع قبل الماضي", ref=datetime.date(2017, 5, 6))["value"] == "2017-W16"
    assert tarikh.parse("الجمعة", ref="2017-05-06", prefer="future")["value"] == "2017-05-12"
    assert tarikh.parse("الجمعة", ref="2017-05-06", prefer="past")["value"] == "2017-05-05"
    aware = datetime.datetime(2017, 5, 6, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert tarikh.parse("بعد ساعتين", ref=aware)["value"] == tarikh.parse("بعد ساعتين", ref="2017-05-06T23:30")["value"]
    found = tarikh.parse("وصل مساء الجمعة", ref="2017-05-06")
    assert (found["start"], found["end"], found["text"]) == (4, 15, "مساء الجمعة")
    assert list(found) == list(typing.get_type_hints(tarikh.Expression))
    assert found["timezone"] == ""  # the phrase states no zone
    assert tarikh.parse("الساعة الثالثة بتوقيت مكة", ref="2024-03-10")["timezone"] == "Asia/Riyadh"
    assert tarikh.parse("لا شيء هنا", ref="2017-05-06") is None


@pytest.mark.parametrize("kwargs, message", [
    ({"ref": "06/05/2017"}, "ref: `06/05/2017` is not in the YYYY-MM-DD format"),
    ({"ref": "2017-05-06", "prefer": "soon"}, "prefer: expected `past`, `future` or `nearest`, but found `soon`"),
    ({"ref": "2017-05-06", "timezone": "Paris"}, "timezone: unknown time zone `Paris`"),
])
def test_parse_errors_are_value_errors_with_the_pipelines_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        tarikh.parse("الجمعة", **kwargs)
    with pytest.raises(TypeError):
        tarikh.parse("الجمعة", ref=20170506)


def test_tag_gives_what_tarikh_tag_gives_on_every_article(tarikh_bin):
    for corpus in CORPORA.values():
        for doc in read_corpus(corpus):
            cli = subprocess.run([str(tarikh_bin), "tag", doc["file"], "--docs", str(corpus / "docs.csv"), "--format", "jsonl"],
                                 check=True, capture_output=True, text=True).stdout
            expected = [json.loads(line) for line in cli.splitlines()]
            got = tarikh.tag(doc["text"], published=doc["published_at"], timezone=doc["timezone"], id=doc["id"])
            assert got == expected, doc["file"]
            assert all(list(row) == tarikh.TABLES["timex"] for row in got)


def test_tag_infers_a_missing_date_and_reads_the_zone():
    rows = tarikh.tag("القاهرة في 7 مايو 2017: وصل الوفد أمس", id="x")
    assert [(r["doc"], r["value"]) for r in rows][-1] == ("x", "2017-05-06")
    evening = tarikh.tag("مساء أمس", published=datetime.date(2017, 5, 7), timezone="Asia/Baghdad")
    assert evening[0]["value"] == "2017-05-06TEV"


@pytest.mark.parametrize("kwargs, error, message", [
    ({"published": "7 May 2017"}, ValueError, "published: expected a date like 2017-05-06"),
    ({"published": "2017-05-06", "timezone": "Mars/Olympus"}, ValueError, "timezone: unknown time zone `Mars/Olympus`"),
    ({"published": 2017}, TypeError, "published must be a str, datetime.date or datetime.datetime, not int"),
])
def test_tag_refuses_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        tarikh.tag("أمس", **kwargs)


def test_tag_refuses_a_binary_text_saying_where():
    with pytest.raises(ValueError, match=r"`bin` contains a NUL byte at byte offset 3 \(line 1, column 4\)"):
        tarikh.tag("abc\0def", published="2017-05-06", id="bin")


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_a_timeline_writes_what_tarikh_run_writes_byte_for_byte(name, cli_runs, tmp_path):
    timeline = tarikh.Timeline.from_documents(read_corpus(CORPORA[name]))
    for table in tarikh.TABLES:
        expected = (cli_runs[name] / f"{table}.csv").read_bytes()
        assert timeline.to_csv(table).encode("utf-8") == expected, table
        assert tarikh.records_to_csv(table, timeline.records(table)).encode("utf-8") == expected, table
        assert tarikh.records_to_csv(table, timeline.to_json(table)).encode("utf-8") == expected, table
    summary = timeline.write(tmp_path / "out")
    assert summary.startswith(f"tarikh: {len(timeline.documents)} documents (0 failed)")
    compared = filecmp.dircmp(cli_runs[name], tmp_path / "out")
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    assert sorted(compared.same_files) == sorted([f"{t}.csv" for t in tarikh.TABLES] + ["timeline.html", "timeline.svg"])
    timeml = filecmp.dircmp(cli_runs[name] / "timeml", tmp_path / "out" / "timeml")
    assert not timeml.diff_files and not timeml.left_only and not timeml.right_only


def test_timeline_rows_are_typed_and_open_bounds_are_none():
    timeline = tarikh.Timeline.from_documents(read_corpus(BOUIRA))
    assert repr(timeline).startswith("<tarikh.Timeline: 4 documents, ")
    hints = {
        "documents": tarikh.DocumentRow, "timexes": tarikh.TimexRow, "mentions": tarikh.MentionRow,
        "events": tarikh.EventRow, "relations": tarikh.RelationRow, "conflicts": tarikh.ConflictRow,
    }
    for attribute, row_type in hints.items():
        rows = getattr(timeline, attribute)
        assert rows, attribute
        fields = typing.get_type_hints(row_type)
        assert list(fields) == list(rows[0]) == tarikh.TABLES[tarikh._ALIASES.get(attribute, attribute)], attribute
        for row in rows:
            for field, hint in fields.items():
                allowed = typing.get_args(hint) or (hint,)
                assert isinstance(row[field], allowed), (attribute, field, row[field])
    assert any(e["latest_end"] is None for e in timeline.events)
    inferred = [d for d in timeline.documents if d["doc"] == "104"]
    assert inferred[0]["basis"] == "inferred"


def test_every_table_has_a_row_type_with_its_columns():
    assert list(tarikh.ROW_TYPES) == list(tarikh.TABLES)
    for table, row_type in tarikh.ROW_TYPES.items():
        assert list(typing.get_type_hints(row_type)) == tarikh.TABLES[table], table


def test_to_pandas_gives_each_table_in_file_order():
    timeline = tarikh.Timeline.from_documents(read_corpus(SEEDS))
    events = timeline.to_pandas()
    assert isinstance(events, pandas.DataFrame)
    assert list(events.columns) == tarikh.TABLES["timeline"]
    assert len(events) == len(timeline.events)
    timexes = timeline.to_pandas("timexes")
    assert timexes["start"].dtype.kind == "i" and len(timexes) == len(timeline.timexes)
    with pytest.raises(ValueError, match="no table named 'event'; the tables are documents, timex"):
        timeline.to_pandas("event")


def test_from_documents_takes_a_data_frame_with_dates_and_gaps():
    # the days as a pandas datetime column (naive timestamps at midnight) and as text: one input
    docs = [dict(d, published_at=(d["published_at"] or "")[:10] or None) for d in read_corpus(BOUIRA)]
    frame = pandas.DataFrame(docs)
    frame["published_at"] = pandas.to_datetime(frame["published_at"])
    from_frame = tarikh.Timeline.from_documents(frame)
    from_dicts = tarikh.Timeline.from_documents(docs)
    assert from_frame.to_csv("timeline") == from_dicts.to_csv("timeline")
    assert from_frame.to_csv("documents") == from_dicts.to_csv("documents")


def test_bad_metadata_is_reported_in_the_documents_table_as_tarikh_run_does():
    timeline = tarikh.Timeline.from_documents([
        {"id": "a", "text": "وصل الوفد أمس", "published_at": "2017-05-07", "timezone": "Paris"},
        {"id": "b", "text": "وصل الوفد أمس", "published_at": "07/05/2017"},
        {"id": "c", "text": "x\0y", "published_at": "2017-05-07"},
    ])
    a, b, c = timeline.documents
    assert a["status"] == "ok; document 1 (id a): unknown time zone `Paris`; use an IANA name such as Europe/Paris or Africa/Algiers"
    assert a["timezone"] == "UTC"  # no zone given that tarikh can read, no place named: UTC, said in the status
    assert b["status"].startswith("ok; document 2 (id b): published_at `07/05/2017` is not in the YYYY-MM-DD format")
    assert b["basis"] != "metadata"
    assert c["status"].startswith("error: ") and "NUL byte" in c["status"]
    assert (c["published_at"], c["basis"], c["timezone"]) == (None, None, None)


@pytest.mark.parametrize("documents, error, message", [
    ([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}], ValueError, "document 2 has the id `a` of an earlier one"),
    ([{"id": "a"}], ValueError, "document 1 has no `text`"),
    (["text"], TypeError, "document 1 is a str, not a mapping"),
    ({"id": "a", "text": "x"}, TypeError, "documents must be an iterable of mappings"),
])
def test_from_documents_refuses_what_is_not_a_story(documents, error, message):
    with pytest.raises(error, match=message):
        tarikh.Timeline.from_documents(documents)


def test_from_documents_checks_its_own_arguments():
    with pytest.raises(ValueError, match=r"timezone: unknown time zone `UTC\+2`"):
        tarikh.Timeline.from_documents([], timezone="UTC+2")
    with pytest.raises(ValueError, match="fallback_date: expected YYYY-MM-DD, but found `yesterday`"):
        tarikh.Timeline.from_documents([], fallback_date="yesterday")
    nothing = tarikh.Timeline.from_documents([{"id": "z", "text": "لا تاريخ هنا"}], fallback_date=datetime.date(1999, 12, 31))
    assert (nothing.documents[0]["published_at"], nothing.documents[0]["basis"]) == ("1999-12-31", "default")


def test_the_grammar_is_compiled_once_per_process_whatever_the_threads():
    code = """
import threading, tarikh
assert tarikh._native._grammar_compilations() == 0, "import compiled the grammar"
def work():
    tarikh.parse("أمس", ref="2017-05-06")
    tarikh.tag("وصل أمس", published="2017-05-06")
    tarikh.Timeline.from_documents([{"id": "a", "text": "وصل أمس", "published_at": "2017-05-06"}])
    tarikh.Timeline.from_documents([{"id": "a", "text": "وصل أمس"}], timezone="Asia/Riyadh", fallback_date="2001-01-01")
threads = [threading.Thread(target=work) for _ in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
print(tarikh._native._grammar_compilations())
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "1"


def test_the_grammar_analysis_is_kept_between_processes_as_the_cli_keeps_it(tmp_path):
    # The first process analyses the grammar and writes the analysis to TARIKH_CACHE_DIR; the next
    # reads it back and answers the same; `off` writes nothing.
    code = "import json, tarikh; print(json.dumps(tarikh.tag('وصل مساء الجمعة 5 مايو 2017', published='2017-05-06'), default=str))"
    def run(cache):
        env = dict(os.environ, TARIKH_CACHE_DIR=str(cache))
        done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.stderr == "", done.stderr
        return done.stdout
    cache = tmp_path / "cache"
    first = run(cache)
    # the analysis itself (beside it, the rules' compiled engines: `grammar-….rule-N.bin`, and the
    # all-rules automaton, each in a file of its own)
    files = sorted(f for f in cache.glob("grammar-*.bin") if ".rule-" not in f.name and not f.name.endswith(".automaton.bin"))
    assert len(files) == 1, files
    written = files[0].stat().st_mtime_ns
    assert run(cache) == first
    assert files[0].stat().st_mtime_ns == written, "the second process analysed the grammar again"
    assert run("off") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"], "`off` wrote a file"


def test_the_gil_is_released_while_rust_works():
    seeds = "\n".join(d["text"] for d in read_corpus(SEEDS))
    copies = 40  # doubled below until one call lasts long enough to watch (tarikh gets faster)
    text = seeds * copies
    ticks = []
    stop = threading.Event()

    def python_work():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            sum(range(200))

    other = threading.Thread(target=python_work)
    other.start()
    try:
        time.sleep(0.05)
        for _ in range(8):
            start = time.perf_counter()
            tarikh.tag(text, published="2017-05-06")
            end = time.perf_counter()
            if end - start > 0.1:
                break
            copies *= 2
            text = seeds * copies
    finally:
        stop.set()
        other.join()
    assert end - start > 0.1, "the call was too quick to tell"
    # With the GIL held through the call, the other thread could not run at all inside it.
    inside = [t for t in ticks if start + 0.02 < t < end - 0.02]
    assert len(inside) > 100, f"{len(inside)} ticks of the other thread during a {end - start:.2f} s call"


def test_the_documentation_examples_run():
    failures, attempted = doctest.testmod(tarikh, optionflags=doctest.ELLIPSIS, verbose=False)
    assert attempted >= 10 and failures == 0
