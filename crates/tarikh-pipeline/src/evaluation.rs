//! The adapter from a pipeline run to the scorer's input.

use crate::analysis::analyse;
use crate::process::DocOutcome;
use tarikh_events::EventLexicon;

/// What the pipeline produced, in the form the scorer reads.
pub fn system_output(outcomes: &[DocOutcome], lexicon: &EventLexicon) -> tarikh_eval::SystemOutput {
    use tarikh_eval::*;
    let analysis = analyse(outcomes, lexicon);
    let mut out = SystemOutput::default();
    for d in &analysis.docs {
        for t in &d.timexes {
            out.timexes.push(SystemTimex { doc: d.id.clone(), start: t.start, end: t.end, kind: t.kind.as_str().into(), value: t.value.clone() });
        }
    }
    for e in &analysis.timeline.events {
        out.events.push(SystemEvent {
            id: e.id.clone(),
            event_type: e.event_type.clone(),
            earliest_start: e.earliest_start,
            latest_start: e.latest_start,
            earliest_end: e.earliest_end,
            latest_end: e.latest_end,
            evidence: e.mentions.iter().map(|(d, s, en)| SpanRef::new(d.clone(), *s, *en)).collect(),
        });
    }
    for r in &analysis.timeline.relations {
        out.relations.push(SystemRelation { source: r.source_event.clone(), relation: r.relation.clone(), target: r.target_event.clone(), doc: r.doc.clone(), start: r.start, end: r.end });
    }
    for c in &analysis.timeline.conflicts {
        out.conflicts.push(SystemConflict { id: c.id.clone(), kind: c.kind.clone(), evidence: c.evidence.iter().map(|(d, s, e, _)| SpanRef::new(d.clone(), *s, *e)).collect() });
    }
    out
}
