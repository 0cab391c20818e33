//! Everything after anchoring: the events of each document, the reconciled timeline, and the
//! event-anchored expressions dated from it.

use crate::process::DocOutcome;
use std::borrow::Cow;
use tarikh_anchor::AnchoredDocument;
use tarikh_events::{DocEvents, EventLexicon};
use tarikh_timeline::Timeline;

/// Everything after anchoring: events per document and the reconciled timeline.
pub struct Analysis<'a> {
    /// Anchored documents (failed ones left out), in input order.
    pub docs: Vec<Cow<'a, AnchoredDocument>>,
    /// Events of each document, parallel to `docs`.
    pub events: Vec<DocEvents>,
    /// The timeline over all documents.
    pub timeline: Timeline,
}

impl Analysis<'_> {
    /// The same analysis owning its documents, so that it can outlive the outcomes it was made
    /// from (the Python module keeps it in an object). Copies the documents that were borrowed.
    pub fn into_owned(self) -> Analysis<'static> {
        Analysis { docs: self.docs.into_iter().map(|d| Cow::Owned(d.into_owned())).collect(), events: self.events, timeline: self.timeline }
    }
}

/// Run the events stage on each document and reconcile the timeline.
pub fn analyse<'a>(outcomes: &'a [DocOutcome], lexicon: &EventLexicon) -> Analysis<'a> {
    let events = extract_events(outcomes, lexicon);
    reconcile(outcomes, events)
}

/// The events stage: the events of each anchored document (failed ones left out), in input order.
/// The first half of [`analyse`]; [`extract_events_releasing`] is the same for callers that
/// own the outcomes and no longer need the normalised texts.
pub fn extract_events(outcomes: &[DocOutcome], lexicon: &EventLexicon) -> Vec<DocEvents> {
    use rayon::prelude::*;
    anchored(outcomes).par_iter().map(|d| tarikh_events::extract(d, lexicon)).collect()
}

/// [`extract_events`], freeing each document's normalised text and offset map (about ten bytes
/// per byte of text, the largest thing a run keeps per document) as soon as its events are found,
/// leaving an empty one in its place. Only the events stage reads them: reconciliation and every
/// writer read the original text and the offsets the expressions and mentions already carry.
/// A large run thus never holds every document's offset map and every document's events at once.
pub fn extract_events_releasing(outcomes: &mut [DocOutcome], lexicon: &EventLexicon) -> Vec<DocEvents> {
    use rayon::prelude::*;
    outcomes
        .par_iter_mut()
        .filter_map(|o| match o {
            DocOutcome::Done(d, _) => {
                let events = tarikh_events::extract(d, lexicon);
                d.normalised = tarikh_text::Normalised::new("");
                Some(events)
            }
            DocOutcome::Failed { .. } => None,
        })
        .collect()
}

/// The second half of [`analyse`]: reconcile the timeline from the events [`extract_events`]
/// found in the same outcomes, and date the event-anchored expressions from it.
pub fn reconcile<'a>(outcomes: &'a [DocOutcome], events: Vec<DocEvents>) -> Analysis<'a> {
    let docs = anchored(outcomes);
    assert_eq!(docs.len(), events.len(), "the events were extracted from other outcomes");
    let pairs: Vec<(&AnchoredDocument, &DocEvents)> = docs.iter().copied().zip(events.iter()).collect();
    let timeline = tarikh_timeline::reconcile(&pairs);
    let docs = date_anchored_expressions(docs, &events, &timeline);
    Analysis { docs, events, timeline }
}

/// The anchored documents (failed ones left out), in input order.
fn anchored(outcomes: &[DocOutcome]) -> Vec<&AnchoredDocument> {
    outcomes
        .iter()
        .filter_map(|o| match o {
            DocOutcome::Done(d, _) => Some(d.as_ref()),
            DocOutcome::Failed { .. } => None,
        })
        .collect()
}

/// Event-anchored expressions that their own sentence left undated ("عشية أهم انتخابات") take
/// their value from the reconciled time of their anchor event. Only the documents that change are
/// copied.
fn date_anchored_expressions<'a>(docs: Vec<&'a AnchoredDocument>, events: &[DocEvents], timeline: &Timeline) -> Vec<Cow<'a, AnchoredDocument>> {
    let grammar_gap = |t: &tarikh_anchor::Timex| -> (Option<(tarikh_grammar::Unit, i32)>, Option<tarikh_grammar::Unit>) {
        // The rule names tell which kind of anchor it is; the semantics are not kept on the timex.
        if t.kind == tarikh_anchor::TimexType::Time {
            (None, Some(tarikh_grammar::Unit::Hour))
        } else {
            (Some((tarikh_grammar::Unit::Day, 1)), None)
        }
    };
    docs.into_iter()
        .zip(events)
        .map(|(d, ev)| {
            let mut updated: Option<AnchoredDocument> = None;
            for r in &ev.relations {
                let Some(ti) = r.timex else { continue };
                if !d.timexes.get(ti).is_some_and(|t| t.value.starts_with('X') && t.duration_seconds.is_none()) {
                    continue;
                }
                let Some(eid) = timeline.event_of(&d.id, r.target) else { continue };
                let Some(e) = timeline.events.iter().find(|e| e.id == eid) else { continue };
                let doc = updated.get_or_insert_with(|| d.clone());
                let (gap, last) = grammar_gap(&doc.timexes[ti]);
                let tz = doc.publication.timezone;
                tarikh_anchor::resolve_from_anchor_event(&mut doc.timexes[ti], gap, last, (e.earliest_start, e.latest_start), (e.earliest_end, e.latest_end), tz);
            }
            match updated {
                Some(doc) => Cow::Owned(doc),
                None => Cow::Borrowed(d),
            }
        })
        .collect()
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::InputDoc;

    #[test]
    fn releasing_the_normalised_texts_changes_no_event_and_no_timeline() {
        let doc = |id: &str, text: &str| InputDoc { id: id.into(), origin: format!("{id}.txt"), text: Ok(text.into()), published: chrono::NaiveDate::from_ymd_opt(2023, 2, 6), published_time: None, timezone: None, country: None, metadata_warning: None };
        let docs = [doc("a", "ضرب زلزال قوي جنوب تركيا فجر اليوم الاثنين وأعلنت السلطات الحداد ثلاثة أيام"), doc("b", "وقع الزلزال فجر أمس الاثنين وبدأت فرق الإنقاذ عملها صباح اليوم")];
        let settings = crate::process::Settings::new(crate::load_grammar(None).expect("grammar"));
        let lexicon = crate::load_events(None).expect("lexicon");
        let outcomes = crate::process::process_all(&settings, &docs);
        let kept = analyse(&outcomes, &lexicon);
        let mut released = crate::process::process_all(&settings, &docs);
        let events = extract_events_releasing(&mut released, &lexicon);
        for o in &released {
            let DocOutcome::Done(d, _) = o else { panic!("both documents are read") };
            assert_eq!(d.normalised.as_str(), "", "the normalised text of `{}` is released", d.id);
        }
        let after = reconcile(&released, events);
        assert!(kept.events.iter().map(|e| e.mentions.len()).sum::<usize>() > 0, "the test documents name events");
        assert_eq!(kept.events, after.events);
        assert_eq!(kept.timeline.events, after.timeline.events);
        let values = |a: &Analysis<'_>| a.docs.iter().flat_map(|d| d.timexes.iter().map(|t| t.value.clone())).collect::<Vec<_>>();
        assert_eq!(values(&kept), values(&after));
    }
}
