//! Contradictions: the anchor stage's (a weekday that does not match its date), readings that
//! disagree (dates, durations, offsets of one event or pair), and negative cycles of the network.

use crate::constraints::{class_name, Constraint};
use crate::evidence::{Evidence, Span, Strings};
use crate::fasthash::FastMap;
use crate::flatten::Flat;
use crate::{Conflict, Input};
use std::collections::BTreeSet;
use std::sync::Arc;

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
                docs: vec![Arc::from(doc.id.as_str())],
                evidence: Evidence::from(vec![(Arc::from(doc.id.as_str()), c.start, c.end, Arc::from(c.text.as_str()))]),
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
        docs: docs.into_iter().map(Arc::from).collect(),
        evidence: Evidence::from(evidence.into_iter().map(|(doc, start, end, text)| (Arc::from(doc), start, end, Arc::from(text))).collect::<Vec<_>>()),
        resolution,
        events: Vec::new(),
        story: String::new(),
        event_index: events,
    }
}

/// What one constraint brings to the report of a negative cycle through it: its sources as
/// evidence (a source equal to the one before left out) and its documents, sorted and distinct.
/// A constraint many articles state (an event's own date) lies on many of the cycles a large
/// contradictory story has, with hundreds of sources: read once, each report then shares it.
pub(crate) struct Quoted {
    evidence: Arc<[Span]>,
    docs: Vec<Arc<str>>,
}

impl Quoted {
    fn of(c: &Constraint, strings: &mut Strings) -> Quoted {
        let mut evidence: Vec<Span> = Vec::new();
        for s in &c.sources {
            let repeated = evidence.last().is_some_and(|(doc, start, end, text)| **doc == *s.doc && *start == s.start && *end == s.end && **text == *s.text);
            if !repeated {
                evidence.push((strings.get(&s.doc), s.start, s.end, strings.get(&s.text)));
            }
        }
        // (sources come document by document: a document is taken only when it changes)
        let mut docs: Vec<Arc<str>> = Vec::new();
        for s in &c.sources {
            if docs.last().is_none_or(|d| **d != *s.doc) {
                docs.push(strings.get(&s.doc));
            }
        }
        docs.sort_unstable();
        docs.dedup();
        Quoted { evidence: Arc::from(evidence), docs }
    }
}

/// Per constraint (index into the network), what it brings to a cycle's report, read the first
/// time it lies on a cycle; and the story's shared strings.
#[derive(Default)]
pub(crate) struct QuoteCache {
    quotes: FastMap<usize, Quoted>,
    strings: Strings,
}

/// The union of two sorted lists of distinct documents (borrowed: a cycle's documents are merged
/// constraint by constraint, and only the final list is shared into the report).
fn merge_docs<'a>(a: &[&'a Arc<str>], b: &'a [Arc<str>]) -> Vec<&'a Arc<str>> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match (*a[i]).cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(&b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend(&b[j..]);
    out
}

/// A negative cycle of the network (constraint indices in order) whose constraint `w` was dropped:
/// every constraint of it is quoted, and its events are marked in `in_conflict`. `quoted` keeps
/// what each constraint brings to a report, for the next cycles through it.
pub(crate) fn negative_cycle(constraints: &[Constraint], cycle: &[usize], w: usize, in_conflict: &mut [bool], quoted: &mut QuoteCache) -> Conflict {
    // (evidence left out when it equals the span before: a date many articles state has as many
    // sources, and a long cycle is reported once per break)
    let mut involved = Vec::new();
    for &ci in cycle {
        if !quoted.quotes.contains_key(&ci) {
            let q = Quoted::of(&constraints[ci], &mut quoted.strings);
            quoted.quotes.insert(ci, q);
        }
        for &e in &constraints[ci].events {
            in_conflict[e] = true;
            involved.push(e);
        }
    }
    let mut evidence = Evidence::default();
    let mut docs: Vec<&Arc<str>> = Vec::new();
    for ci in cycle {
        let q = &quoted.quotes[ci];
        // (a constraint's first span left out when the one before ended with it, as if its
        // sources followed the previous constraint's one by one)
        let repeated = matches!((evidence.last(), q.evidence.first()), (Some(x), Some(y)) if x == y);
        evidence.push_shared(&q.evidence, usize::from(repeated));
        docs = merge_docs(&docs, &q.docs);
    }
    let parts: Vec<String> = cycle
        .iter()
        .map(|&ci| {
            let c = &constraints[ci];
            format!("{} [{}, {} source(s)]", c.desc, class_name(c.class), c.sources.len())
        })
        .collect();
    let c = &constraints[w];
    Conflict {
        id: String::new(),
        kind: "negative_cycle".into(),
        docs: docs.into_iter().cloned().collect(),
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
