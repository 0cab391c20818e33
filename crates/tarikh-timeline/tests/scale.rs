//! Scale: 100 000 synthetic mentions (1 000 documents × 100) reconciled in bounded time. It runs in
//! release builds (`make test` runs `make test-slow`, which runs
//! `cargo test --release -p tarikh-timeline --test scale`); a debug build, ten times slower, runs
//! the 10 000-mention version only.

mod common;

use common::*;
use tarikh_anchor::{AnchorKind, AnchoredDocument};
use tarikh_events::{DocEvents, EventMention, MentionRelation, MentionRole, Relation, RelationBasis};

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn synthetic(docs: usize, per_doc: usize) -> Vec<(AnchoredDocument, DocEvents)> {
    let mut rng = Lcg(42);
    let text = "وقع الحادث الاثنين والثلاثاء والأربعاء والخميس والجمعة.";
    let days = [("الاثنين", "2020-03-02"), ("الثلاثاء", "2020-03-03"), ("الأربعاء", "2020-03-04"), ("الخميس", "2020-03-05"), ("الجمعة", "2020-03-06")];
    let mut out = Vec::new();
    for d in 0..docs {
        let txs = days.iter().map(|&(p, v)| tx(p, v, AnchorKind::Dct)).collect();
        let doc = doc(&format!("d{d:05}"), text, (2020, 3, 7), "Europe/Paris", 1, txs);
        let mut mentions = Vec::new();
        let mut relations = Vec::new();
        for i in 0..per_doc {
            let ty = format!("t{}", rng.next(20));
            let head = format!("h{}", rng.next(50));
            let mut keywords: Vec<String> = (0..6).map(|_| format!("k{}", rng.next(2000))).collect();
            keywords.sort();
            keywords.dedup();
            let time = if rng.next(3) == 0 { None } else { Some(rng.next(5) as usize) };
            mentions.push(EventMention {
                start: i,
                end: i + 1,
                byte_range: 0..1,
                trigger: "x".into(),
                merge_group: ty.clone(),
                event_type: ty,
                label: head.clone(),
                time,
                until: None,
                time_is_start: false,
                duration: None,
                sentence: i * 10..i * 10 + 5,
                clause: i * 10..i * 10 + 5,
                generic: false,
                head,
                keywords,
                strict_merge: rng.next(4) == 0,
                same_day_merge: false,
                keyed_merge: false,
                distinct: Vec::new(),
                open_extent: false,
                state_extent: false,
                period_part: String::new(),
                zone: String::new(),
                parties: Vec::new(),
                begun_by: String::new(),
                ended_by: String::new(),
                role: MentionRole::Event,
                joins: None,
                setting_of: None,
                since: None,
                reports: false,
                past: false,
                named_case: false,
            });
            if i > 0 && rng.next(5) == 0 {
                // mostly agreeing with the dates, 2% contradicting them
                let order = match (mentions[i - 1].time, mentions[i].time) {
                    (Some(a), Some(b)) if a > b => Relation::After,
                    _ => Relation::Before,
                };
                let relation = if rng.next(50) == 0 { order.inverse() } else { order };
                relations.push(MentionRelation {
                    source: i - 1,
                    relation,
                    target: i,
                    offset_min_seconds: None,
                    offset_max_seconds: None,
                    start: 0,
                    end: 3,
                    basis: RelationBasis::Signal,
                    same_day: false,
                    modifier: None,
                    timex: None,
                });
            }
        }
        out.push((doc, DocEvents { mentions, relations, places: Vec::new() }));
    }
    out
}

/// CPU time this thread has used (Linux: /proc/thread-self/stat, in clock ticks of 10 ms), so that a
/// busy shared machine slows the measure far less than it slows the wall clock; `None` elsewhere.
fn thread_cpu_time() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the
    // 14th field of the line, stime the 15th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(std::time::Duration::from_millis(ticks * 10))
}

/// Reconcile `docs` × `per_doc` synthetic mentions; returns the time taken (CPU time of this
/// thread where it can be read, wall time otherwise: reconciliation runs on one thread).
fn run(docs: usize, per_doc: usize) -> std::time::Duration {
    let data = synthetic(docs, per_doc);
    let pairs: Vec<(&AnchoredDocument, &DocEvents)> = data.iter().map(|(a, b)| (a, b)).collect();
    let (t, cpu) = (std::time::Instant::now(), thread_cpu_time());
    let tl = tarikh_timeline::reconcile(&pairs);
    let wall = t.elapsed();
    let cpu = cpu.zip(thread_cpu_time()).map(|(a, b)| b.saturating_sub(a));
    // every mention is linked to its event, except those of events left out (no date reaches
    // them and only one mention names them)
    assert!(tl.mention_events.len() <= docs * per_doc);
    assert_eq!(tl.mention_events.len(), tl.events.iter().map(|e| e.mentions.len()).sum::<usize>());
    // a digest of the whole timeline, so that a change meant to be faster only can be checked to
    // give the same output (compare the printed digests before and after)
    let digest = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{tl:?}").hash(&mut h);
        h.finish()
    };
    eprintln!(
        "{} mentions -> {} events, {} relations, {} conflicts in {:?} wall, {:?} CPU; output digest {digest:016x}",
        docs * per_doc,
        tl.events.len(),
        tl.relations.len(),
        tl.conflicts.len(),
        wall,
        cpu
    );
    cpu.unwrap_or(wall)
}

#[test]
fn ten_thousand_mentions() {
    run(100, 100);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "a debug build is too slow for the time limit: make test-slow runs it in release")]
fn hundred_thousand_mentions() {
    // Issue 15's target is under 1 s. Measured 2026-12-05 on a 2-core machine shared by several
    // builds: 2.33 s of CPU for 20 794 events, 19 738 relations and 1 651 conflicts (main
    // c20c235), 2.26 s once a cluster's documents were kept as "its one document, if any" instead
    // of a merged list (BENCHMARKS.md, "Reconciling 100,000 mentions"), 1.5 s with the posting
    // lists, the cycle search and the conflict texts made cheaper (same output digest,
    // aff8dd822008a52d, since b27547d), 1.44 s with interning, the cycles' documents and the
    // weakest constraint made cheaper (`scale3` branch, same digest); 1.35 s once constraints
    // were added strongest first (`stn9`: 1 478 conflicts, digest 7e56e81a6048e815), 0.87–1.22 s
    // (median 0.95, against 1.04–1.40 for stn9 in the same runs) with the conflicts' evidence
    // shared and the merge rule reading a compact record per mention (`stn10`, same digest).
    // When the test first ran
    // (merging rules since changed) it took 39 s. The loose bound only guards against a return
    // of a quadratic step; the figure is printed, not asserted.
    let el = run(1000, 100);
    assert!(el.as_secs_f64() < 60.0, "{el:?}");
}
