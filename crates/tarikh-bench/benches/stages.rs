//! Per-stage throughput on generated articles: normalise, tag (grammar find), resolve (the whole
//! per-document anchor stage: normalise + tag + resolve), events, and reconcile 100 000 event
//! mentions. One core (no rayon here).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::time::Duration;
use tarikh_anchor::AnchoredDocument;
use tarikh_bench::*;
use tarikh_events::{DocEvents, EventLexicon};
use tarikh_grammar::Grammar;

/// About 1 MB of articles (some 200 articles of 2–8 KB).
const STAGE_BYTES: usize = 1_000_000;

fn stages(c: &mut Criterion) {
    let grammar = Grammar::embedded().expect("grammar");
    let arts = articles(STAGE_BYTES);
    let bytes = total_bytes(&arts);
    let normalised: Vec<String> = arts.iter().map(|(t, _)| tarikh_text::normalise(t)).collect();

    let mut g = c.benchmark_group("stage");
    g.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(2));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalise", |b| {
        b.iter(|| arts.iter().map(|(t, _)| tarikh_text::Normalised::new(t).as_str().len()).sum::<usize>())
    });
    g.bench_function("tag", |b| b.iter(|| normalised.iter().map(|t| grammar.find(t).len()).sum::<usize>()));
    g.bench_function("tag+resolve", |b| {
        b.iter(|| arts.iter().enumerate().map(|(i, (t, d))| anchor(&grammar, i, t, *d).timexes.len()).sum::<usize>())
    });
    let lexicon = EventLexicon::embedded().expect("event lexicon");
    let anchored: Vec<AnchoredDocument> = arts.iter().enumerate().map(|(i, (t, d))| anchor(&grammar, i, t, *d)).collect();
    g.bench_function("events", |b| b.iter(|| anchored.iter().map(|d| tarikh_events::extract(d, &lexicon).mentions.len()).sum::<usize>()));
    g.finish();
}

/// Reconcile at least 100 000 event mentions found by the pipeline in generated articles.
fn reconcile(c: &mut Criterion) {
    let grammar = Grammar::embedded().expect("grammar");
    let lexicon = EventLexicon::embedded().expect("event lexicon");
    let mut docs: Vec<(AnchoredDocument, DocEvents)> = Vec::new();
    let mut mentions = 0;
    let mut i = 0u64;
    while mentions < 100_000 {
        let a = tarikh_corpusgen::article(SEED, i);
        let date = chrono::NaiveDate::parse_from_str(&a.published_at, "%Y-%m-%d").ok();
        let d = anchor(&grammar, i as usize, &a.text, date);
        let ev = tarikh_events::extract(&d, &lexicon);
        mentions += ev.mentions.len();
        docs.push((d, ev));
        i += 1;
    }
    let pairs: Vec<(&AnchoredDocument, &DocEvents)> = docs.iter().map(|(a, b)| (a, b)).collect();
    let tl = tarikh_timeline::reconcile(&pairs);
    eprintln!(
        "reconcile input: {} documents, {mentions} event mentions -> {} events, {} relations, {} conflicts",
        docs.len(),
        tl.events.len(),
        tl.relations.len(),
        tl.conflicts.len()
    );
    let mut g = c.benchmark_group("reconcile");
    g.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(2));
    g.throughput(Throughput::Elements(mentions as u64));
    g.bench_function("100k_mentions", |b| b.iter_batched(|| (), |_| tarikh_timeline::reconcile(&pairs).events.len(), BatchSize::PerIteration));
    g.finish();
}

criterion_group!(benches, stages, reconcile);
criterion_main!(benches);
