//! Unit tests with small hand-made gold and system values.

use super::*;
use crate::load::{parse_conflict_evidence, parse_dt};
use crate::score::{inverse, side_ok};

fn dt(s: &str) -> Option<DateTime<FixedOffset>> {
    parse_dt(s).unwrap()
}

fn gt(doc: &str, start: usize, end: usize, kind: &str, value: &str) -> GoldTimex {
    GoldTimex {
        doc: doc.into(),
        start,
        end,
        text: "x".repeat(end - start),
        kind: kind.into(),
        value: value.into(),
        anchor: "dct".into(),
        modifier: String::new(),
    }
}

fn st(doc: &str, start: usize, end: usize, kind: &str, value: &str) -> SystemTimex {
    SystemTimex { doc: doc.into(), start, end, kind: kind.into(), value: value.into() }
}

fn gev(id: &str, ev: &str, b: [&str; 4]) -> GoldEvent {
    GoldEvent {
        id: id.into(),
        label_en: format!("event {id}"),
        kind: "k".into(),
        evidence: SpanRef::parse_list(ev).unwrap(),
        earliest_start: dt(b[0]),
        latest_start: dt(b[1]),
        earliest_end: dt(b[2]),
        latest_end: dt(b[3]),
    }
}

fn sev(id: &str, ev: &str, b: [&str; 4]) -> SystemEvent {
    SystemEvent {
        id: id.into(),
        event_type: "k".into(),
        evidence: SpanRef::parse_list(ev).unwrap(),
        earliest_start: dt(b[0]),
        latest_start: dt(b[1]),
        earliest_end: dt(b[2]),
        latest_end: dt(b[3]),
    }
}

fn grel(s: &str, r: &str, t: &str, doc: &str, a: usize, b: usize) -> GoldRelation {
    GoldRelation {
        source: s.into(),
        relation: r.into(),
        target: t.into(),
        offset: String::new(),
        doc: doc.into(),
        start: a,
        end: b,
    }
}

fn srel(s: &str, r: &str, t: &str, doc: &str, a: usize, b: usize) -> SystemRelation {
    SystemRelation { source: s.into(), relation: r.into(), target: t.into(), doc: doc.into(), start: a, end: b }
}

const DAY: [&str; 4] = [
    "2017-05-05T00:00+02:00",
    "2017-05-06T00:00+02:00",
    "2017-05-05T00:00+02:00",
    "2017-05-06T00:00+02:00",
];
const EVENING: [&str; 4] = [
    "2017-05-05T18:00+02:00",
    "2017-05-06T00:00+02:00",
    "2017-05-05T18:00+02:00",
    "2017-05-06T00:00+02:00",
];
const NONE: [&str; 4] = ["", "", "", ""];

fn small_gold() -> Gold {
    Gold {
        timexes: vec![
            gt("001", 10, 20, "DATE", "2017-05-05"),
            gt("001", 30, 35, "TIME", "2017-05-05TEV"),
            gt("002", 0, 4, "DURATION", "P1D"),
            gt("002", 50, 60, "DATE", "2017-05-07"),
        ],
        events: vec![
            gev("E1", "001:100-120;002:100-110", EVENING),
            gev("E2", "001:200-220", DAY),
            gev("E3", "002:300-310", ["2017-05-06T00:00+02:00", "", "", ""]),
        ],
        relations: vec![
            grel("E1", "BEFORE", "E2", "001", 90, 230),
            grel("E2", "INCLUDES", "E1", "002", 95, 115),
            grel("E3", "AFTER", "E1", "002", 290, 320),
        ],
        conflicts: vec![
            GoldConflict { id: "C1".into(), kind: "factual".into(), evidence: SpanRef::parse_list("001:10-20").unwrap() },
            GoldConflict {
                id: "C2".into(),
                kind: "cross_doc_disagreement".into(),
                evidence: SpanRef::parse_list("001:30-35;002:0-4").unwrap(),
            },
        ],
        has_events: true,
        has_relations: true,
        has_conflicts: true,
    }
}

#[test]
fn span_parsing_and_overlap() {
    let v = SpanRef::parse_list("001:1-5; 002:3-9;").unwrap();
    assert_eq!(v, vec![SpanRef::new("001", 1, 5), SpanRef::new("002", 3, 9)]);
    assert!(SpanRef::parse_list("001:5-1").is_err());
    assert!(SpanRef::parse_list("001-5").is_err());
    assert!(SpanRef::parse_list("001:a-5").is_err());
    let a = SpanRef::new("001", 0, 10);
    assert!(a.overlaps(&SpanRef::new("001", 9, 12)));
    assert!(!a.overlaps(&SpanRef::new("001", 10, 12)), "end is exclusive");
    assert!(!a.overlaps(&SpanRef::new("002", 0, 10)), "different doc");
    assert_eq!(a.overlap_len(&SpanRef::new("001", 5, 20)), 5);
}

#[test]
fn conflict_evidence_parsing() {
    let v = parse_conflict_evidence("001:3427-3445 «الجمعة 4 مايو/أيار» | 004:741-746 «الأحد | ;»").unwrap();
    assert_eq!(v, vec![SpanRef::new("001", 3427, 3445), SpanRef::new("004", 741, 746)]);
    let v = parse_conflict_evidence("000:48-85;001:1-2").unwrap();
    assert_eq!(v.len(), 2);
    assert!(parse_conflict_evidence("001:1-2 «unclosed").is_err());
}

#[test]
fn datetime_parsing() {
    assert!(dt("").is_none());
    assert_eq!(dt("2017-05-06T00:00+02:00"), dt("2017-05-05T22:00:00Z"));
    assert!(parse_dt("2017-05-06").is_err());
}

#[test]
fn perfect_system_scores_one() {
    let g = small_gold();
    let r = evaluate(&g, &SystemOutput::from_gold(&g));
    let t = &r.timex;
    for x in [t.strict.f1, t.relaxed.f1, t.kind.f1, t.kind.accuracy, t.value.f1, t.value.accuracy] {
        assert_eq!(x, 1.0);
    }
    let tl = &r.timeline;
    assert_eq!((tl.events.found, tl.events.bounds_correct), (3, 3));
    assert_eq!(tl.events.system_matching_several, 0);
    assert_eq!(tl.relations.prf.f1, 1.0);
    assert_eq!(tl.relations.pair_recall, 1.0);
    assert_eq!((tl.conflicts.recall, tl.conflicts.precision), (1.0, 1.0));
    assert!(r.to_text().contains("conflicts found 2/2: C1 C2"));
    assert!(r.to_json()["timex"]["strict"]["f1"].as_f64() == Some(1.0));
    assert!(r.details_text().contains("E1"));
}

#[test]
fn empty_system_scores_zero() {
    let g = small_gold();
    let r = evaluate(&g, &SystemOutput::default());
    let t = &r.timex;
    for x in [t.strict.precision, t.strict.recall, t.strict.f1, t.relaxed.f1, t.kind.f1, t.value.f1] {
        assert_eq!(x, 0.0);
    }
    let tl = &r.timeline;
    assert_eq!((tl.events.found, tl.events.bounds_correct), (0, 0));
    assert_eq!(tl.events.found_ratio, 0.0);
    assert_eq!((tl.relations.prf.recall, tl.relations.prf.precision, tl.relations.pair_recall), (0.0, 0.0, 0.0));
    assert_eq!((tl.conflicts.found, tl.conflicts.precision), (0, 0.0));
    assert_eq!(tl.conflicts.missed_ids, vec!["C1", "C2"]);
    // The text report still renders.
    assert!(r.to_text().contains("events found 0/3"));
    assert!(r.details_text().contains("MISSED"));
}

#[test]
fn timex_partial_overlaps_and_attributes() {
    let g = small_gold();
    let sys = SystemOutput {
        timexes: vec![
            st("001", 10, 20, "DATE", "2017-05-05"),    // strict, all right
            st("001", 28, 33, "TIME", "2017-05-05TNI"), // relaxed only, wrong value
            st("002", 0, 4, "DATE", "P1D"),             // strict, wrong type
            st("002", 70, 80, "DATE", "2017-05-07"),    // false alarm
            st("003", 0, 5, "DATE", "2017"),            // false alarm in a doc without gold
        ],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    let t = &r.timex;
    assert_eq!((t.strict.correct, t.strict.gold, t.strict.system), (2, 4, 5));
    assert!((t.strict.precision - 0.4).abs() < 1e-9);
    assert!((t.strict.recall - 0.5).abs() < 1e-9);
    assert_eq!(t.relaxed.correct, 3);
    assert!((t.relaxed.recall - 0.75).abs() < 1e-9);
    assert!((t.relaxed.precision - 0.6).abs() < 1e-9);
    assert_eq!((t.kind.correct, t.kind.matched), (2, 3));
    assert!((t.kind.accuracy - 2.0 / 3.0).abs() < 1e-9);
    assert!((t.kind.precision - 0.4).abs() < 1e-9);
    assert!((t.kind.recall - 0.5).abs() < 1e-9);
    assert_eq!(t.value.correct, 2);
    assert_eq!(t.per_doc.iter().map(|d| d.doc.as_str()).collect::<Vec<_>>(), vec!["001", "002", "003"]);
    assert_eq!(t.per_doc[0].strict.correct, 1);
    assert_eq!(t.per_doc[0].relaxed.correct, 2);
    let time = t.value_per_type.iter().find(|v| v.kind == "TIME").unwrap();
    assert_eq!((time.gold, time.matched, time.value_correct), (1, 1, 0));
    let d = r.details_text();
    assert!(d.contains("FA    002:70-80"), "{d}");
    assert!(d.contains("MISS  002:50-60"), "{d}");
    assert!(d.contains("span+value"), "{d}");
}

#[test]
fn timex_matching_is_one_to_one() {
    // One long system span covering two gold timexes counts once; two system spans over one
    // gold timex count once.
    let gold = Gold {
        timexes: vec![gt("001", 0, 5, "DATE", "a"), gt("001", 6, 20, "DATE", "b")],
        ..Default::default()
    };
    let sys = SystemOutput { timexes: vec![st("001", 0, 20, "DATE", "b")], ..Default::default() };
    let r = evaluate(&gold, &sys);
    assert_eq!(r.timex.relaxed.correct, 1);
    assert_eq!(r.timex.value.correct, 1, "greedy picks the larger overlap (gold b)");
    assert_eq!(r.timex.strict.correct, 0);

    let gold = Gold { timexes: vec![gt("001", 0, 10, "DATE", "a")], ..Default::default() };
    let sys = SystemOutput {
        timexes: vec![st("001", 0, 4, "DATE", "x"), st("001", 0, 10, "DATE", "a"), st("001", 5, 10, "DATE", "y")],
        ..Default::default()
    };
    let r = evaluate(&gold, &sys);
    assert_eq!((r.timex.strict.correct, r.timex.relaxed.correct, r.timex.value.correct), (1, 1, 1));
    assert!((r.timex.relaxed.precision - 1.0 / 3.0).abs() < 1e-9);
    // Duplicated identical system spans: strict is one-to-one too.
    let sys = SystemOutput {
        timexes: vec![st("001", 0, 10, "DATE", "a"), st("001", 0, 10, "DATE", "a")],
        ..Default::default()
    };
    let r = evaluate(&gold, &sys);
    assert_eq!(r.timex.strict.correct, 1);
    assert!((r.timex.strict.precision - 0.5).abs() < 1e-9);
}

#[test]
fn bounds_rules() {
    let d = |s: &str| dt(s);
    let (g0, g1) = (d("2017-05-05T18:00+02:00"), d("2017-05-06T00:00+02:00"));
    // Within.
    assert!(side_ok(g0, g1, d("2017-05-05T20:00+02:00"), d("2017-05-05T22:00+02:00")));
    // Equal, expressed in another offset.
    assert!(side_ok(g0, g1, d("2017-05-05T16:00Z"), d("2017-05-05T22:00Z")));
    // Within tolerance (1 minute), outside beyond it.
    assert!(side_ok(g0, g1, d("2017-05-05T17:59+02:00"), d("2017-05-06T00:01+02:00")));
    assert!(!side_ok(g0, g1, d("2017-05-05T17:58+02:00"), g1));
    assert!(!side_ok(g0, g1, g0, d("2017-05-06T00:02+02:00")));
    // Wider than gold.
    assert!(!side_ok(g0, g1, d("2017-05-05T00:00+02:00"), g1));
    // Missing system bounds while gold has them.
    assert!(!side_ok(g0, g1, None, g1));
    assert!(!side_ok(g0, g1, g0, None));
    assert!(!side_ok(g0, g1, None, None));
    // Missing gold bounds: anything goes on that side.
    assert!(side_ok(g0, None, d("2017-05-07T00:00+02:00"), None));
    assert!(side_ok(g0, None, g0, d("2030-01-01T00:00+01:00")));
    assert!(side_ok(None, None, None, None));
    assert!(side_ok(None, g1, None, g0));
    assert!(!side_ok(g0, None, None, d("2017-05-07T00:00+02:00")));
    // Inverted system interval.
    assert!(!side_ok(g0, g1, d("2017-05-05T23:00+02:00"), d("2017-05-05T19:00+02:00")));
}

#[test]
fn values_compare_as_wall_times() {
    use crate::score::{canonical_value, same_value};
    assert!(same_value("2023-09-11T04:00", "2023-09-11T04:00Z"));
    assert!(same_value("2023-09-11T04:00", "2023-09-11T04:00+03:00"));
    assert!(same_value("XXXX-XX-XXT15:00", "XXXX-XX-XXT15"));
    assert!(same_value("2013-02-12T04:30", "2013-02-12T04:30:00"));
    assert!(!same_value("2013-02-12T04:30", "2013-02-12T04:31"));
    assert!(!same_value("2017-05-05TEV", "2017-05-05TNI"));
    assert_eq!(canonical_value("PT48H"), "PT48H");
    assert_eq!(canonical_value("2017-05-05TMO"), "2017-05-05TMO");
    assert_eq!(canonical_value("2017-W18"), "2017-W18");
}

#[test]
fn events_found_and_bounds() {
    let g = small_gold();
    let sys = SystemOutput {
        events: vec![
            sev("s1", "001:115-118", EVENING),     // E1 via one span, right bounds
            sev("s2", "001:205-206", EVENING),     // E2: evening lies within the day
            sev("s3", "002:305-306", DAY),         // E3: start 05-05 < gold earliest 05-06
            sev("s4", "003:0-10", DAY),            // nothing
        ],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    let e = &r.timeline.events;
    assert_eq!((e.found, e.bounds_correct, e.start_correct, e.end_correct), (3, 2, 2, 3));
    assert_eq!(e.system_matched, 3);
    let d3 = &r.event_details[2];
    assert_eq!(d3.system_id.as_deref(), Some("s3"));
    assert!(!d3.start_ok && d3.end_ok, "gold E3 has no end bounds");
    assert!(r.to_text().contains("events found 3/3 (100.0%)  with correct bounds 2/3 (66.7%)"));

    // One system event over E1 (an evening) and E2 (a day), dated to the day: it finds E2; it
    // touches E1, but a day is more than twice an evening plus an hour, so E1 is not found.
    let sys = SystemOutput { events: vec![sev("s", "001:100-101;001:200-201", DAY)], ..Default::default() };
    let r = evaluate(&g, &sys);
    let e = &r.timeline.events;
    assert_eq!((e.found, e.touched, e.bounds_correct), (1, 2, 1));
    assert_eq!((e.system_touching, e.precision, e.one_to_one), (1, 1.0, 2));
    assert_eq!((e.system_matching_several, e.gold_on_shared_system_event), (1, 2));

    // Missing system bounds where gold has some.
    let sys = SystemOutput { events: vec![sev("s", "001:100-101", NONE)], ..Default::default() };
    let r = evaluate(&g, &sys);
    assert_eq!((r.timeline.events.found, r.timeline.events.touched, r.timeline.events.bounds_correct), (0, 1, 0));
}

#[test]
fn event_candidate_choice() {
    let g = small_gold();
    // s_a overlaps one E1 span at a compatible time, s_b both spans but dated to a whole day (too
    // wide for an evening): the compatible one wins.
    let sys = SystemOutput {
        events: vec![sev("s_a", "001:100-120", EVENING), sev("s_b", "001:100-101;002:100-101", DAY)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s_a"));
    assert_eq!(r.event_details[0].candidates, 2);
    assert_eq!(r.timeline.events.one_to_one, 0, "E1 is split over two rows; E2 and E3 are not touched");
    // Both compatible: the one overlapping more gold spans wins, despite worse bounds.
    let late_evening = ["2017-05-05T20:00+02:00", "2017-05-06T00:00+02:00", "2017-05-05T20:00+02:00", "2017-05-06T00:00+02:00"];
    let sys = SystemOutput {
        events: vec![sev("s_a", "001:100-120", EVENING), sev("s_b", "001:100-101;002:100-101", late_evening)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s_b"));
    // Same span count: better bounds win.
    let sys = SystemOutput {
        events: vec![sev("s_a", "001:100-120", DAY), sev("s_b", "001:100-101", EVENING)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s_b"));
    // Same spans and bounds: larger overlap wins.
    let sys = SystemOutput {
        events: vec![sev("s_a", "001:100-101", EVENING), sev("s_b", "001:100-120", EVENING)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s_b"));
}

#[test]
fn relations_direct_inverse_and_pairs() {
    let g = small_gold();
    let mut sys = SystemOutput::from_gold(&g);
    sys.relations = vec![
        // E1 BEFORE E2 stated as the inverse: E2 AFTER E1, evidence overlapping.
        srel("E2", "after", "E1", "001", 200, 210),
        // E2 INCLUDES E1 stated as E1 IS_INCLUDED E2 but with evidence elsewhere: only a pair.
        srel("E1", "IS_INCLUDED", "E2", "002", 0, 10),
        // E3 AFTER E1 with the wrong relation: pair only.
        srel("E3", "BEFORE", "E1", "002", 300, 301),
        // Unrelated.
        srel("E3", "BEFORE", "E2", "002", 300, 301),
    ];
    let r = evaluate(&g, &sys);
    let rel = &r.timeline.relations;
    assert_eq!(rel.prf.correct, 1);
    assert_eq!(rel.system_matched, 1);
    assert!((rel.prf.recall - 1.0 / 3.0).abs() < 1e-9);
    assert!((rel.prf.precision - 0.25).abs() < 1e-9);
    assert_eq!(rel.pair_found, 3);
    assert_eq!(rel.pair_recall, 1.0);
    assert!(r.relation_details[0].found);
    assert!(!r.relation_details[1].found && r.relation_details[1].pair_found);
    assert_eq!(r.system_relation_details[0].matches.len(), 1);

    // Relations are followed through the event matching (system ids differ from gold ids).
    let sys = SystemOutput {
        events: vec![sev("a", "001:100-101", EVENING), sev("b", "001:200-201", DAY)],
        relations: vec![srel("a", "BEFORE", "b", "001", 100, 101)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.timeline.relations.prf.correct, 1);
    assert_eq!(r.timeline.relations.prf.precision, 1.0);
    // Wrong doc for the evidence: not found.
    let sys = SystemOutput {
        relations: vec![srel("a", "BEFORE", "b", "002", 100, 101)],
        ..sys
    };
    assert_eq!(evaluate(&g, &sys).timeline.relations.prf.correct, 0);
}

#[test]
fn inverse_table() {
    for (a, b) in [
        ("BEFORE", "AFTER"),
        ("INCLUDES", "IS_INCLUDED"),
        ("BEGINS", "BEGUN_BY"),
        ("ENDS", "ENDED_BY"),
        ("SIMULTANEOUS", "SIMULTANEOUS"),
    ] {
        assert_eq!(inverse(a), b);
        assert_eq!(inverse(b), a);
    }
    assert_eq!(inverse("before"), "AFTER");
}

#[test]
fn conflicts_found_and_precision() {
    let g = small_gold();
    let sys = SystemOutput {
        conflicts: vec![
            SystemConflict { id: "x".into(), kind: "other".into(), evidence: SpanRef::parse_list("002:3-10").unwrap() },
            SystemConflict { id: "y".into(), kind: "factual".into(), evidence: SpanRef::parse_list("003:0-10").unwrap() },
        ],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    let c = &r.timeline.conflicts;
    assert_eq!((c.found, c.gold, c.system, c.system_matched), (1, 2, 2, 1));
    assert_eq!(c.found_ids, vec!["C2"]);
    assert_eq!(c.missed_ids, vec!["C1"]);
    assert_eq!(c.precision, 0.5);
    assert!(r.to_text().contains("conflicts found 1/2: C2"));
    assert!(r.details_text().contains("FA   system y"));
}

#[test]
fn empty_gold_and_system() {
    let r = evaluate(&Gold::default(), &SystemOutput::default());
    assert_eq!(r.timex.strict.f1, 1.0);
    assert_eq!(r.timeline.relations.prf.f1, 1.0);
    assert!(!r.to_text().is_empty());
}

#[test]
fn a_mention_of_a_nested_gold_event_is_not_a_second_row_of_the_outer_one() {
    // Gold E1's evidence is a phrase (001:100-160) that names E2 (001:130-140) inside it.
    let mut g = small_gold();
    g.events = vec![gev("E1", "001:100-160", DAY), gev("E2", "001:130-140", DAY)];
    // s1 is E1's own trigger; s2 lies within E2's span: one row each, both one-to-one.
    let sys = SystemOutput {
        events: vec![sev("s1", "001:100-105", DAY), sev("s2", "001:131-138", DAY)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s1"));
    assert_eq!(r.event_details[1].system_id.as_deref(), Some("s2"));
    assert_eq!((r.timeline.events.one_to_one, r.timeline.events.precision), (2, 1.0));
    // A row reaching out of the nested span into the outer phrase still counts for E1 too.
    let sys = SystemOutput {
        events: vec![sev("s1", "001:100-105", DAY), sev("s2", "001:125-138", DAY)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].candidates, 2, "s2 overlaps E1's phrase outside E2");
    assert_eq!(r.timeline.events.one_to_one, 1);
}

#[test]
fn the_row_of_another_gold_event_named_inside_a_phrase_is_not_a_split_of_it() {
    // Gold E1's evidence is a phrase (001:100-160) that names, past its head, the event E2 whose
    // own evidence lies elsewhere (002:10-20).
    let mut g = small_gold();
    g.events = vec![gev("E1", "001:100-160", DAY), gev("E2", "002:10-20", DAY)];
    // s1 is E1's own row; s2 is E2's row, with a mention inside E1's phrase (001:130-138).
    let sys = SystemOutput {
        events: vec![sev("s1", "001:100-105", DAY), sev("s2", "001:130-138;002:10-20", DAY)],
        ..Default::default()
    };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s1"));
    assert_eq!(r.event_details[0].candidates, 1, "s2 is E2's row");
    assert_eq!(r.timeline.events.one_to_one, 2);
    // A mention at the head of the phrase is the phrase's own event, whatever row holds it.
    let sys = SystemOutput {
        events: vec![sev("s1", "001:120-125", DAY), sev("s2", "001:100-106;002:10-20", DAY)],
        ..Default::default()
    };
    assert_eq!(evaluate(&g, &sys).event_details[0].candidates, 2);
    // When that row is the only one that tells E1, it still finds it.
    let sys = SystemOutput { events: vec![sev("s2", "001:130-138;002:10-20", DAY)], ..Default::default() };
    let r = evaluate(&g, &sys);
    assert_eq!(r.event_details[0].system_id.as_deref(), Some("s2"));
}
