#!/usr/bin/env python3
"""Scale benchmark on real-density text: documents 10^2 → 10^5, one core and all cores.

The corpus is real news: the seed articles (data/corpus) and, when it is next to the repository,
every article of ../shared/stories, copied as many times as needed into separate documents under
target/bench-real/<N>/ (never committed: the texts stay where they are). Each copy keeps its
article's publication date and zone.

For each size it times `tarikh tag --input docs.jsonl` (tag + resolve, the per-document work; a
stream is tagged one line at a time, on one thread) and `tarikh run` (the whole pipeline with
reconciliation and every output file) with one thread and with all cores, and prints one table:
documents, MB, seconds and CPU seconds, µs per document (wall and CPU), MB/s (per wall second and
per CPU second), peak RSS. On a shared machine the CPU columns are the ones to compare.
Peak RSS is the child's own (os.wait4), not the machine's.

    python3 scripts/bench/scale.py [--sizes 100,1000,10000,100000] [--runs tag,run] [--bin target/release/tarikh]
    python3 scripts/bench/scale.py --sizes 100MB --runs run      # `make bench-large`: 100 MB of articles
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def source_articles():
    """(text, published_at, timezone) of every real article available."""
    out = []
    folders = [ROOT / "data" / "corpus"]
    shared = ROOT.parent / "shared" / "stories"
    if shared.is_dir():
        folders += sorted(p / "corpus" for p in shared.iterdir() if (p / "corpus").is_dir())
    else:
        print("note: ../shared/stories is absent; the corpus is made of the seed articles only", file=sys.stderr)
    for folder in folders:
        meta = {}
        docs_csv = folder / "docs.csv"
        if docs_csv.exists():
            with open(docs_csv, encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    meta[row.get("file") or row["doc"] + ".txt"] = (row.get("published_at", ""), row.get("timezone", ""))
        for path in sorted(folder.glob("*.txt")):
            published, zone = meta.get(path.name, ("", ""))
            out.append((path.read_text(encoding="utf-8"), published, zone))
    return out


def build_corpus(n, articles, base):
    """target/bench-real/<n>/: n documents as .txt + docs.csv, and the same as docs.jsonl."""
    folder = base / str(n)
    marker = folder / ".complete"
    if marker.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "corpus").mkdir(parents=True)
    with open(folder / "corpus" / "docs.csv", "w", encoding="utf-8", newline="") as meta, open(folder / "docs.jsonl", "w", encoding="utf-8") as jsonl:
        w = csv.writer(meta)
        w.writerow(["doc", "file", "published_at", "timezone"])
        for i in range(n):
            text, published, zone = articles[i % len(articles)]
            doc = f"c{i:06d}"
            (folder / "corpus" / f"{doc}.txt").write_text(text, encoding="utf-8")
            w.writerow([doc, f"{doc}.txt", published, zone])
            jsonl.write(json.dumps({"id": doc, "text": text, "published_at": published, "timezone": zone}, ensure_ascii=False) + "\n")
    marker.write_text("")
    return folder


def measure(cmd, stdin_path=None):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one child process."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    if stdin_path:
        stdin.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000,100000",
                    help="numbers of documents, or sizes of text such as 100MB (as many documents as make that much text)")
    ap.add_argument("--runs", default="tag,run")
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "tarikh"))
    ap.add_argument("--threads", default=f"1,{os.cpu_count() or 1}")
    args = ap.parse_args()
    binary = Path(args.bin)
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: run `cargo build --release -p tarikh` first")
    articles = source_articles()
    base = ROOT / "target" / "bench-real"
    sizes = [documents_for(s, articles) for s in args.sizes.split(",")]
    threads = sorted({int(t) for t in args.threads.split(",")})
    print(f"real-density corpus: {len(articles)} distinct articles, {sum(len(a[0].encode()) for a in articles)} bytes, "
          f"one temporal expression per ~{sum(len(a[0].encode()) for a in articles) // max(1, count_timexes(binary, articles)):d} bytes")
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    # CPU seconds beside the wall: on a shared machine the wall time also counts other people's work.
    header = (f"{'run':<5} {'threads':>7} {'documents':>10} {'MB':>8} {'seconds':>9} {'CPU s':>8} {'µs/doc':>9} {'CPU µs/doc':>11} "
              f"{'MB/s':>8} {'MB/CPU-s':>9} {'peak RSS MB':>12}")
    print(header)
    print("-" * len(header))
    for n in sizes:
        folder = build_corpus(n, articles, base)
        mb = sum(p.stat().st_size for p in (folder / "corpus").glob("*.txt")) / 1e6
        for run in args.runs.split(","):
            for t in threads:
                if run == "tag":
                    # A JSONL stream is tagged one line at a time, on one thread (`--threads` is refused).
                    if t != threads[0]:
                        continue
                    t = 1
                    cmd = [binary, "tag", "--input", "-", "--format", "jsonl", "--quiet"]
                    wall, cpu, rss = measure(cmd, folder / "docs.jsonl")
                else:
                    out = base / f"out-{n}-t{t}"
                    cmd = [binary, "run", folder / "corpus", "-o", out, "--quiet", "--threads", str(t)]
                    wall, cpu, rss = measure(cmd)
                print(f"{run:<5} {t:>7} {n:>10} {mb:>8.1f} {wall:>9.2f} {cpu:>8.2f} {1e6 * wall / n:>9.0f} {1e6 * cpu / n:>11.0f} "
                      f"{mb / wall:>8.2f} {mb / cpu:>9.2f} {rss:>12.0f}", flush=True)
        if "run" in args.runs.split(",") and len(threads) > 1:
            a, b = (base / f"out-{n}-t{threads[0]}", base / f"out-{n}-t{threads[-1]}")
            same = subprocess.run(["diff", "-r", "-q", a, b], stdout=subprocess.DEVNULL).returncode == 0
            print(f"{'':<5} output of `tarikh run` on {n} documents byte-identical for {threads[0]} and {threads[-1]} threads: {'yes' if same else 'NO'}")
            if not same:
                raise SystemExit("output differs between thread counts")


def documents_for(size, articles):
    """Documents for a size given as a count (`10000`) or as megabytes of text (`100MB`: rounded up
    to a multiple of 100 documents, so 100MB is 52,400 documents, 100.04 MB)."""
    if size.upper().endswith("MB"):
        per_doc = sum(len(a[0].encode()) for a in articles) / len(articles)
        n = int(-(-float(size[:-2]) * 1e6 // per_doc))
        return -(-n // 100) * 100
    return int(size)


def count_timexes(binary, articles):
    """Temporal expressions tarikh finds in the distinct articles (for the density line)."""
    lines = "".join(json.dumps({"id": f"d{i}", "text": a[0], "published_at": a[1], "timezone": a[2]}, ensure_ascii=False) + "\n" for i, a in enumerate(articles))
    out = subprocess.run([binary, "tag", "--input", "-", "--format", "jsonl", "--quiet"], input=lines.encode(), capture_output=True)
    return out.stdout.count(b"\n")


if __name__ == "__main__":
    main()
