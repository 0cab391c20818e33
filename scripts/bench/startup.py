#!/usr/bin/env python3
"""Start-up benchmark: `tarikh parse` of one phrase, the time a user waits for one answer.

Runs `echo PHRASE | tarikh parse --ref DATE` many times and prints wall and CPU time (min and
median, ms) in three settings: the grammar's analysis read from the cache (the usual case), the
first run with an empty cache (it analyses the grammar and writes the cache), and the cache off
(`TARIKH_CACHE_DIR=off`: every run analyses the grammar). The cache is a throwaway folder under
target/, so a user's own cache is not touched. CPU time is the child's (rusage), the figure to
compare on a shared machine; wall time depends on the load (printed alongside).

    python3 scripts/bench/startup.py [--bin target/release/tarikh] [--runs 20] [--phrase "يوم الأحد الماضي"]
        [--against OTHER_TARIKH]

With `--against`, another build of tarikh (e.g. main's) is run too, its runs interleaved with
those of `--bin`, each with a cache of its own: on a shared machine only interleaved runs give a
fair comparison of wall time.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def one(binary, phrase, ref, env):
    """Wall and CPU milliseconds of one run."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([binary, "parse", "--ref", ref], input=(phrase + "\n").encode(), stdout=subprocess.DEVNULL, env=env, check=True)
    t1 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (t1 - t0) * 1000, (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000


def line(name, runs):
    wall = sorted(w for w, _ in runs)
    cpu = sorted(c for _, c in runs)
    print(f"| {name} | {len(runs)} | {wall[0]:.1f} | {statistics.median(wall):.1f} | {cpu[0]:.1f} | {statistics.median(cpu):.1f} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/tarikh"))
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--phrase", default="يوم الأحد الماضي")
    ap.add_argument("--ref", default="2024-03-10")
    ap.add_argument("--against", help="another tarikh binary, run interleaved with --bin (analysis from the cache)")
    args = ap.parse_args()
    if args.against:
        compare(args)
        return
    cache = ROOT / "target/bench-startup-cache"
    shutil.rmtree(cache, ignore_errors=True)
    cached = dict(os.environ, TARIKH_CACHE_DIR=str(cache))
    off = dict(os.environ, TARIKH_CACHE_DIR="off")
    first = [one(args.bin, args.phrase, args.ref, cached)]
    hits, misses = [], []
    for _ in range(args.runs):
        hits.append(one(args.bin, args.phrase, args.ref, cached))
        misses.append(one(args.bin, args.phrase, args.ref, off))
    print(f"tarikh parse of «{args.phrase}», load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (target: under 50 ms wall)")
    print("| setting | runs | wall min ms | wall median ms | CPU min ms | CPU median ms |")
    print("|---|---|---|---|---|---|")
    line("analysis from the cache", hits)
    line("first run (empty cache: analyse, write)", first)
    line("cache off (analyse every run)", misses)
    shutil.rmtree(cache, ignore_errors=True)


def compare(args):
    """Interleaved runs of two binaries, each with its analysis cache warm."""
    caches = [ROOT / "target/bench-startup-cache-a", ROOT / "target/bench-startup-cache-b"]
    envs = []
    for cache in caches:
        shutil.rmtree(cache, ignore_errors=True)
        envs.append(dict(os.environ, TARIKH_CACHE_DIR=str(cache)))
    bins = [args.bin, args.against]
    for b, env in zip(bins, envs):
        one(b, args.phrase, args.ref, env)  # writes the cache
    runs = [[], []]
    for _ in range(args.runs):
        for i in (0, 1):
            runs[i].append(one(bins[i], args.phrase, args.ref, envs[i]))
    print(f"tarikh parse of «{args.phrase}», interleaved, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (target: under 50 ms wall)")
    print("| binary | runs | wall min ms | wall median ms | CPU min ms | CPU median ms |")
    print("|---|---|---|---|---|---|")
    for b, r in zip(bins, runs):
        line(b, r)
    for cache in caches:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
