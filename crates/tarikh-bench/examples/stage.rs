//! Run one stage once over generated articles, for profilers (callgrind counts instructions, so
//! its figures repeat on a busy machine):
//!
//! ```text
//! cargo build --release -p tarikh-bench --example stage
//! valgrind --tool=callgrind target/release/examples/stage tag+resolve 1M
//! ```
//! Stages: normalise, tag, tag+resolve. Prints bytes, wall time and MB/s.

use tarikh_bench::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stage = args.first().map(String::as_str).unwrap_or("tag+resolve");
    let bytes = args.get(1).and_then(|s| tarikh_corpusgen::parse_size(s)).unwrap_or(1_000_000) as usize;
    let grammar = tarikh_grammar::Grammar::embedded().expect("grammar");
    let arts = articles(bytes);
    let total = total_bytes(&arts);
    let normalised: Vec<String> = if stage == "tag" { arts.iter().map(|(t, _)| tarikh_text::normalise(t)).collect() } else { Vec::new() };
    let t = std::time::Instant::now();
    let found: usize = match stage {
        "normalise" => arts.iter().map(|(t, _)| tarikh_text::Normalised::new(t).as_str().len()).sum(),
        "tag" => normalised.iter().map(|t| grammar.find(t).len()).sum(),
        "tag+resolve" => arts.iter().enumerate().map(|(i, (t, d))| anchor(&grammar, i, t, *d).timexes.len()).sum(),
        other => panic!("unknown stage `{other}`: normalise, tag or tag+resolve"),
    };
    let el = t.elapsed().as_secs_f64();
    println!("{stage}: {} articles, {total} bytes, {found} found, {el:.3} s, {:.2} MB/s", arts.len(), total as f64 / el / 1e6);
}
