//! Contradictions: the anchor stage's (a weekday that does not match its date), readings that
//! disagree (dates, durations, offsets of one event or pair), and negative cycles of the network.

use crate::constraints::{class_name, Constraint};
use crate::fasthash::FastMap;
use crate::flatten::Flat;
use crate::{Conflict, Input};
use std::collections::BTreeSet;

/// The anchor stage's contradictions, one conflict each; the events dated by a flagged expression
/// are marked in `in_conflict`.
pub(crate) fn from_anchoring(input: &Input, flat: &[Flat], flat_of: &[Vec<Option<usize>>], event_of_flat: &[usize], in_conflict: &mut [bool]) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for (di, (doc, _)) in input.docs.iter().enumerate() {
        for c in &doc.conflicts {
            let mut involved = Vec::new();
            for &i in flat_of[di].iter().flatten() {
                if flat[i].timex_span.as_ref().is_some_and(|t| t.0 < c.end && c.start < t.1) {
                    in_conflict[event_of_flat[i]] = true;
                    involved.push(event_of_flat[i]);
                }
            }
            conflicts.push(Conflict {
                id: String::new(),
                kind: c.kind.clone(),
                docs: vec![doc.id.clone()],
                evidence: vec![(doc.id.clone(), c.start, c.end, c.text.clone())],
                resolution: c.description.clone(),
                events: Vec::new(),
                story: String::new(),
                event_index: involved,
            });
        }
    }
    conflicts
}

/// Readings that disagree: a `cross_doc_disagreement` when several documents are involved, else
/// `factual` (one article contradicts itself).
pub(crate) fn disagreement(docs: BTreeSet<String>, evidence: Vec<(String, usize, usize, String)>, resolution: String, events: Vec<usize>) -> Conflict {
    Conflict {
        id: String::new(),
        kind: if docs.len() > 1 { "cross_doc_disagreement" } else { "factual" }.into(),
        docs: docs.into_iter().collect(),
        evidence,
        resolution,
        events: Vec::new(),
        story: String::new(),
        event_index: events,
    }
}

/// A negative cycle of the network (constraint indices in order) whose constraint `w` was dropped:
/// every constraint of it is quoted, and its events are marked in `in_conflict`.
pub(crate) fn negative_cycle(constraints: &[Constraint], cycle: &[usize], w: usize, in_conflict: &mut [bool]) -> Conflict {
    // (documents borrowed and evidence copied only when it differs from the span before: a date
    // many articles state has as many sources, and a long cycle is reported once per break)
    // (a hash set, sorted once at the end: a cycle's constraints name the same documents again
    // and again, and a sorted set compared every new name with a dozen others)
    let mut cdocs: FastMap<&str, ()> = FastMap::default();
    let mut evidence: Vec<(String, usize, usize, String)> = Vec::with_capacity(cycle.iter().map(|&ci| constraints[ci].sources.len()).sum());
    let mut involved = Vec::new();
    for &ci in cycle {
        // (a set insertion only when the document changes: sources come document by document)
        let mut last_doc: Option<&str> = None;
        for s in &constraints[ci].sources {
            if last_doc != Some(s.doc.as_str()) {
                cdocs.insert(s.doc.as_str(), ());
                last_doc = Some(s.doc.as_str());
            }
            let repeated = evidence.last().is_some_and(|(doc, start, end, text)| *doc == s.doc && *start == s.start && *end == s.end && *text == s.text);
            if !repeated {
                evidence.push((s.doc.clone(), s.start, s.end, s.text.clone()));
            }
        }
        for &e in &constraints[ci].events {
            in_conflict[e] = true;
            involved.push(e);
        }
    }
    let parts: Vec<String> = cycle
        .iter()
        .map(|&ci| {
            let c = &constraints[ci];
            format!("{} [{}, {} source(s)]", c.desc, class_name(c.class), c.sources.len())
        })
        .collect();
    let c = &constraints[w];
    let mut docs: Vec<&str> = cdocs.into_keys().collect();
    docs.sort_unstable();
    Conflict {
        id: String::new(),
        kind: "negative_cycle".into(),
        docs: docs.into_iter().map(str::to_string).collect(),
        evidence,
        resolution: format!(
            "constraints in the cycle: {}; dropped the weakest: {} ({}, {} document(s), {} source(s))",
            parts.join("; "),
            c.desc,
            class_name(c.class),
            c.docs(),
            c.sources.len()
        ),
        events: Vec::new(),
        story: String::new(),
        event_index: involved,
    }
}

/// Number the conflicts K01, K02 … in their order, after the `first` conflicts of earlier stories.
pub(crate) fn number(conflicts: &mut [Conflict], first: usize) {
    for (k, c) in conflicts.iter_mut().enumerate() {
        c.id = format!("K{:02}", first + k + 1);
    }
}
