//! Loads the real gold set and scores it against itself.

use std::path::PathBuf;

use tarikh_eval::{evaluate, Gold, SystemConflict, SystemEvent, SystemOutput, SystemRelation, SystemTimex};

fn gold_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/gold"))
}

fn gold_as_system(g: &Gold) -> SystemOutput {
    SystemOutput {
        timexes: g
            .timexes
            .iter()
            .map(|t| SystemTimex { doc: t.doc.clone(), start: t.start, end: t.end, kind: t.kind.clone(), value: t.value.clone() })
            .collect(),
        events: g
            .events
            .iter()
            .map(|e| SystemEvent {
                id: format!("sys-{}", e.id),
                event_type: e.kind.clone(),
                earliest_start: e.earliest_start,
                latest_start: e.latest_start,
                earliest_end: e.earliest_end,
                latest_end: e.latest_end,
                evidence: e.evidence.clone(),
            })
            .collect(),
        relations: g
            .relations
            .iter()
            .map(|r| SystemRelation {
                source: format!("sys-{}", r.source),
                relation: r.relation.clone(),
                target: format!("sys-{}", r.target),
                doc: r.doc.clone(),
                start: r.start,
                end: r.end,
            })
            .collect(),
        conflicts: g
            .conflicts
            .iter()
            .map(|c| SystemConflict { id: c.id.clone(), kind: c.kind.clone(), evidence: c.evidence.clone() })
            .collect(),
    }
}

#[test]
fn loads_gold_counts() {
    let g = Gold::load(&gold_dir()).unwrap();
    assert_eq!(g.timexes.len(), 97);
    assert_eq!(g.events.len(), 29);
    assert_eq!(g.relations.len(), 41);
    assert_eq!(g.conflicts.len(), 14);
    let c01 = &g.conflicts[0];
    assert_eq!(c01.id, "C01");
    assert_eq!(c01.evidence, vec![tarikh_eval::SpanRef::new("001", 3427, 3445)]);
    let c02 = g.conflicts.iter().find(|c| c.id == "C02").unwrap();
    assert_eq!(c02.evidence.len(), 4);
    let e09 = g.events.iter().find(|e| e.id == "E09").unwrap();
    assert!(e09.earliest_end.is_none() && e09.latest_end.is_none() && e09.latest_start.is_some());
    assert!(g.timexes.iter().all(|t| t.text.chars().count() == t.end - t.start));
}

#[test]
fn gold_as_system_scores_one_everywhere() {
    let g = Gold::load(&gold_dir()).unwrap();
    let r = evaluate(&g, &gold_as_system(&g));
    let t = &r.timex;
    for (name, x) in [
        ("strict P", t.strict.precision),
        ("strict R", t.strict.recall),
        ("strict F1", t.strict.f1),
        ("relaxed F1", t.relaxed.f1),
        ("type F1", t.kind.f1),
        ("type acc", t.kind.accuracy),
        ("value F1", t.value.f1),
        ("value acc", t.value.accuracy),
        ("events found", r.timeline.events.found_ratio),
        ("events bounds", r.timeline.events.bounds_correct_ratio),
        ("relations P", r.timeline.relations.prf.precision),
        ("relations R", r.timeline.relations.prf.recall),
        ("relations F1", r.timeline.relations.prf.f1),
        ("pair recall", r.timeline.relations.pair_recall),
        ("conflicts R", r.timeline.conflicts.recall),
        ("conflicts P", r.timeline.conflicts.precision),
    ] {
        assert_eq!(x, 1.0, "{name}\n{}\n{}", r.to_text(), r.details_text());
    }
    // Every gold event is matched to its own copy.
    for d in &r.event_details {
        assert_eq!(d.system_id.as_deref(), Some(format!("sys-{}", d.id).as_str()));
    }
    assert_eq!(r.timeline.events.system_matching_several, 0);
    assert!(r.timex.per_doc.iter().all(|d| d.value.f1 == 1.0));
    let json = r.to_json();
    assert_eq!(json["timeline"]["events"]["found"], 29);
    println!("{}", r.to_text());
}

#[test]
fn load_errors_name_file_and_line() {
    let dir = std::env::temp_dir().join(format!("tarikh-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["timex.jsonl", "events.csv", "relations.csv", "conflicts.csv"] {
        std::fs::copy(gold_dir().join(f), dir.join(f)).unwrap();
    }
    let mut ev = std::fs::read_to_string(dir.join("events.csv")).unwrap();
    ev = ev.replacen("2017-03-10T00:00+01:00", "2017-03-10T00:00+99", 1);
    std::fs::write(dir.join("events.csv"), ev).unwrap();
    let err = format!("{:#}", Gold::load(&dir).unwrap_err());
    assert!(err.contains("events.csv line 2"), "{err}");
    assert!(err.contains("earliest_start"), "{err}");

    std::fs::copy(gold_dir().join("events.csv"), dir.join("events.csv")).unwrap();
    let mut tx = std::fs::read_to_string(dir.join("timex.jsonl")).unwrap();
    tx.push_str("{\"doc\": \"000\", \"start\": \"x\"}\n");
    std::fs::write(dir.join("timex.jsonl"), tx).unwrap();
    let err = format!("{:#}", Gold::load(&dir).unwrap_err());
    assert!(err.contains("timex.jsonl line 98"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
