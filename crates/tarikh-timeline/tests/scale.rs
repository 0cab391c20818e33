//! Scale: 100 000 synthetic mentions (1 000 documents × 100). Run in release:
//! `cargo test --release -p tarikh-timeline --test scale -- --ignored --nocapture`
//! (the debug build runs a 10 000-mention version by default).

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
                duration: None,
                sentence: i * 10..i * 10 + 5,
                clause: i * 10..i * 10 + 5,
                generic: false,
                head,
                keywords,
                strict_merge: rng.next(4) == 0,
                same_day_merge: false,
                distinct: Vec::new(),
                open_extent: false,
                state_extent: false,
                period_part: String::new(),
                zone: String::new(),
                begun_by: String::new(),
                ended_by: String::new(),
                role: MentionRole::Event,
                joins: None,
                since: None,
                reports: false,
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

fn run(docs: usize, per_doc: usize) -> std::time::Duration {
    let data = synthetic(docs, per_doc);
    let pairs: Vec<(&AnchoredDocument, &DocEvents)> = data.iter().map(|(a, b)| (a, b)).collect();
    let t = std::time::Instant::now();
    let tl = tarikh_timeline::reconcile(&pairs);
    let el = t.elapsed();
    // every mention is linked to its event, except those of events left out (no date reaches
    // them and only one mention names them)
    assert!(tl.mention_events.len() <= docs * per_doc);
    assert_eq!(tl.mention_events.len(), tl.events.iter().map(|e| e.mentions.len()).sum::<usize>());
    eprintln!(
        "{} mentions -> {} events, {} relations, {} conflicts in {:?}",
        docs * per_doc,
        tl.events.len(),
        tl.relations.len(),
        tl.conflicts.len(),
        el
    );
    el
}

#[test]
fn ten_thousand_mentions() {
    run(100, 100);
}

#[test]
#[ignore = "run in release: 100 000 mentions"]
fn hundred_thousand_mentions() {
    let el = run(1000, 100);
    assert!(el.as_secs_f64() < 5.0, "{el:?}");
}
