#!/usr/bin/env python3
"""Throughput of the Spark job on local[N] against the CLI, on one corpus cut into stories.

    cargo build --release -p tarikh-corpusgen -p tarikh
    target/release/tarikh-corpusgen corpus target/bench-corpus/2M --size 2M
    target/py/bin/python examples/spark/throughput.py target/bench-corpus/2M --story-size 10

The corpus's articles, in file-name order, are cut into stories of --story-size articles. Timed, each
over the same articles (wall clock, so a busy machine shows; the load average is printed):
- the CLI, `tarikh run` once per story folder (the way stories are run without Spark), all cores;
- the CLI, `tarikh tag --input` over all articles as JSON lines (one thread, streaming);
- the Spark job (stories, CSV out) and the Spark job with --tags-only (Parquet out), on local[N],
  each a fresh `python tarikh_job.py` process, JVM start included; the job's own time without the
  JVM start is printed too;
- `tarikh.Timeline.from_documents` from Python, story after story in one process (the pipeline
  without Spark's costs nor the CLI's process starts);
- `tarikh.tag` from Python over all articles with 1 and with N threads (the GIL is released).
Then every story's CSV files from Spark are compared with the CLI's, byte for byte.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import filecmp
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_to_jsonl import articles  # noqa: E402

TABLES = ["documents", "timex", "event_mentions", "timeline", "relations", "conflicts"]


def timed(cmd, **kwargs):
    start = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--story-size", type=int, default=10)
    parser.add_argument("--cores", type=int, default=2, help="local[N] and Python threads (default 2)")
    parser.add_argument("--tarikh", type=Path, default=Path("target/release/tarikh"))
    parser.add_argument("--work", type=Path, default=Path("target/spark-throughput"))
    args = parser.parse_args()
    import tarikh

    work = args.work
    subprocess.run(["rm", "-rf", str(work)], check=True)
    rows = list(articles(args.corpus))
    for i, row in enumerate(rows):
        row["story"] = f"s{i // args.story_size:04d}"
    megabytes = sum(len(r["text"].encode("utf-8")) for r in rows) / 1e6
    stories = sorted({r["story"] for r in rows})
    (work / "stories").mkdir(parents=True)
    jsonl = work / "articles.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for story in stories:  # one corpus folder per story for the CLI, with its docs.csv rows
        folder = work / "stories" / story
        folder.mkdir()
        with open(folder / "docs.csv", "w", encoding="utf-8", newline="") as meta:
            meta.write("doc,file,published_at,timezone\r\n")
            for r in rows:
                if r["story"] == story:
                    name = f"{r['id']}.txt"
                    with open(folder / name, "w", encoding="utf-8", newline="") as t:
                        t.write(r["text"])
                    meta.write(f"{r['id']},{name},{r['published_at'] or ''},{r['timezone'] or ''}\r\n")

    print(f"{len(rows)} articles, {megabytes:.2f} MB of text, {len(stories)} stories of {args.story_size}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    results = []

    start = time.perf_counter()
    for story in stories:
        subprocess.run([str(args.tarikh), "run", str(work / "stories" / story), "-o", str(work / "cli" / story), "--quiet"], check=True)
    results.append(("CLI: tarikh run per story folder", time.perf_counter() - start))

    seconds, _ = timed([str(args.tarikh), "tag", "--input", str(jsonl), "--format", "jsonl", "--quiet"])
    results.append(("CLI: tarikh tag --input (1 thread)", seconds))

    job = [sys.executable, str(HERE / "tarikh_job.py"), "--input", str(jsonl), "--master", f"local[{args.cores}]",
           "--shuffle-partitions", str(2 * args.cores)]
    for label, extra, out in [
        (f"Spark local[{args.cores}]: stories, CSV", ["--format", "csv"], work / "spark"),
        (f"Spark local[{args.cores}]: --tags-only, Parquet", ["--tags-only", "--format", "parquet"], work / "spark-tags"),
    ]:
        seconds, done = timed(job + ["--output", str(out)] + extra)
        inner = re.search(r"done in ([0-9.]+) s", done.stderr)
        results.append((label, seconds))
        if inner:
            results.append((label + " (without JVM start)", float(inner.group(1))))

    by_story = {}
    for r in rows:
        by_story.setdefault(r["story"], []).append(r)
    tarikh.Timeline.from_documents(by_story[stories[0]])  # grammar and lexicon loaded before the clock
    start = time.perf_counter()
    for story in stories:
        tarikh.Timeline.from_documents(by_story[story])
    results.append(("Python: Timeline.from_documents per story, one process", time.perf_counter() - start))

    for threads in sorted({1, args.cores}):
        tarikh.tag("أمس", published="2017-05-06")  # the grammar compiled before the clock starts
        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda r: tarikh.tag(r["text"], published=r["published_at"], timezone=r["timezone"], id=r["id"]), rows))
        results.append((f"Python: tarikh.tag, {threads} thread(s)", time.perf_counter() - start))

    print(f"| what | seconds | MB/s |\n|---|---|---|")
    for label, seconds in results:
        print(f"| {label} | {seconds:.1f} | {megabytes / seconds:.2f} |")

    different = [f"{s}/{t}.csv" for s in stories for t in TABLES
                 if not filecmp.cmp(work / "spark" / "csv" / s / f"{t}.csv", work / "cli" / s / f"{t}.csv", shallow=False)]
    print("Spark's CSV files equal the CLI's for every story" if not different else f"differ: {different[:10]}")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
