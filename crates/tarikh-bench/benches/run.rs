//! The whole process: `target/release/tarikh run CORPUS -o OUT --quiet` on the generated 10 MB
//! corpus (`TARIKH_BENCH_SIZE=100M` for the 100 MB one), with all cores (`make bench-time` times
//! one thread and checks the output is the same).
//! Build the binary first (`make bench` does: `cargo build --release -p tarikh`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::process::Command;
use std::time::Duration;

fn run(c: &mut Criterion) {
    let label = std::env::var("TARIKH_BENCH_SIZE").unwrap_or_else(|_| "10M".into());
    let bytes = tarikh_corpusgen::parse_size(&label).expect("TARIKH_BENCH_SIZE like 10M or 100M");
    let corpus = tarikh_bench::corpus(&label, bytes).expect("generate the corpus");
    let bin = tarikh_bench::target_dir().join("release/tarikh");
    assert!(bin.exists(), "{} is missing: run `cargo build --release -p tarikh` first", bin.display());
    let text_bytes: u64 = std::fs::read_dir(&corpus)
        .expect("corpus folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();
    let out = tarikh_bench::target_dir().join("bench-out").join(&label);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mut g = c.benchmark_group(format!("tarikh_run_{label}"));
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(if bytes > 50_000_000 { 600 } else { 60 }));
    g.throughput(Throughput::Bytes(text_bytes));
    {
        let n = threads;
        g.bench_function(format!("threads_{n}"), |b| {
            b.iter(|| {
                let status = Command::new(&bin)
                    .args(["run".as_ref(), corpus.as_os_str(), "-o".as_ref(), out.as_os_str(), "--quiet".as_ref(), "--threads".as_ref(), n.to_string().as_ref()])
                    .status()
                    .expect("run tarikh");
                assert!(status.success(), "tarikh run failed: {status}");
            })
        });
    }
    g.finish();
}

criterion_group!(benches, run);
criterion_main!(benches);
