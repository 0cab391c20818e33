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

/// [`extract_events`], freeing each document's normalised text and offset map (a little over a
/// byte per byte of text since the map is sparse; once ten, the largest thing a run kept per document) as soon as its events are found,
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
pub(crate) fn date_anchored_expressions<'a>(docs: Vec<&'a AnchoredDocument>, events: &[DocEvents], timeline: &Timeline) -> Vec<Cow<'a, AnchoredDocument>> {
    let grammar_gap = |t: &tarikh_anchor::Timex| -> (Option<(tarikh_grammar::Unit, i32)>, Option<tarikh_grammar::Unit>) {
        // The rule names tell which kind of anchor it is; the semantics are not kept on the timex.
        if t.kind == tarikh_anchor::TimexType::Time {
            (None, Some(tarikh_grammar::Unit::Hour))
        } else {
            (Some((tarikh_grammar::Unit::Day, 1)), None)
        }
    };
    // per timeline event: the head words of its mentions (light stems of their triggers)
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let mut heads_of: std::collections::HashMap<&str, Vec<Vec<&str>>> = std::collections::HashMap::new();
    for link in &timeline.mention_events {
        let Some(di) = ids.iter().position(|&id| id == link.doc) else { continue };
        let Some(m) = events[di].mentions.get(link.mention) else { continue };
        heads_of.entry(link.event_id.as_str()).or_default().push(m.head.split(' ').filter(|w| !w.is_empty()).collect());
    }
    docs.into_iter()
        .zip(events)
        .map(|(d, ev)| {
            let mut updated: Option<AnchoredDocument> = None;
            for r in &ev.relations {
                let Some(ti) = r.timex else { continue };
                if !d.timexes.get(ti).is_some_and(|t| t.value.starts_with('X') && t.duration_seconds.is_none()) {
                    continue;
                }
                let e = timeline.event_of(&d.id, r.target).and_then(|eid| timeline.events.iter().find(|e| e.id == eid));
                // the story of the anchor's row, else of the document's other rows (an undated
                // anchor named once makes no row of its own)
                let story = e.map(|e| e.story.as_str()).or_else(|| {
                    let eid = timeline.mention_events.iter().find(|l| l.doc == d.id)?.event_id.as_str();
                    timeline.events.iter().find(|e| e.id == eid).map(|e| e.story.as_str())
                });
                let Some(story) = story else { continue };
                let (gap, last) = grammar_gap(&d.timexes[ti]);
                let tz = d.publication.timezone;
                let resolve = |anchor: &tarikh_timeline::TimelineEvent| {
                    let mut t = d.timexes[ti].clone();
                    tarikh_anchor::resolve_from_anchor_event(&mut t, gap, last, (anchor.earliest_start, anchor.latest_start), (anchor.earliest_end, anchor.latest_end), tz).then_some(t)
                };
                let head: Vec<&str> = ev.mentions.get(r.target).map(|m| m.head.split(' ').filter(|w| !w.is_empty()).collect()).unwrap_or_default();
                let resolved = e.and_then(resolve).or_else(|| by_head_noun(timeline, story, e.map(|e| e.id.as_str()), &head, &heads_of, resolve));
                if let Some(t) = resolved {
                    updated.get_or_insert_with(|| d.clone()).timexes[ti] = t;
                }
            }
            match updated {
                Some(doc) => Cow::Owned(doc),
                None => Cow::Borrowed(d),
            }
        })
        .collect()
}


/// The anchor an event-anchored expression names when its own row cannot date it: the text often
/// names one event with different words in different places («الساعة الأخيرة من الحملة
/// الرسمية» here, «انتهاء الحملة الانتخابية مساء الجمعة» there), and those rows stay apart when
/// they share only their head noun (an anchor named once, undated, has no row at all). The other
/// events of the story (`anchor`: the anchor's own row, if any) that have a mention whose head
/// holds every head word of the anchor mention («الحملة» in «انتهاء الحملة», «اختتام الحملة») are
/// tried; the expression takes their value only when they all give the same one.
fn by_head_noun<'t, F>(timeline: &'t Timeline, story: &str, anchor: Option<&str>, head: &[&str], heads_of: &std::collections::HashMap<&str, Vec<Vec<&str>>>, resolve: F) -> Option<tarikh_anchor::Timex>
where
    F: Fn(&'t tarikh_timeline::TimelineEvent) -> Option<tarikh_anchor::Timex>,
{
    if head.is_empty() {
        return None;
    }
    let mut found: Option<tarikh_anchor::Timex> = None;
    for other in timeline.events.iter().filter(|o| o.story == story && anchor != Some(o.id.as_str())) {
        let names_it = heads_of.get(other.id.as_str()).is_some_and(|hs| hs.iter().any(|h| head.iter().all(|w| h.contains(w))));
        if !names_it {
            continue;
        }
        let Some(t) = resolve(other) else { continue };
        match &found {
            Some(f) if f.value != t.value => return None,
            _ => found = Some(t),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::InputDoc;

    #[test]
    fn releasing_the_normalised_texts_changes_no_event_and_no_timeline() {
        let doc = |id: &str, text: &str| InputDoc { id: id.into(), origin: format!("{id}.txt"), text: Ok(text.into()), file: None, released: None, published: chrono::NaiveDate::from_ymd_opt(2023, 2, 6), published_time: None, timezone: None, country: None, metadata_warning: None };
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
