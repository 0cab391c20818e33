//! Events told as done: an article that tells an event in the perfect ("انهار المبنى"، "أكدت
//! الوكالة رصد هزة ارتدادية قبل قليل") was written after it ended. When the article's metadata
//! gives its publication time and the event's own date is a stretch that runs past it (a night, a
//! day: «ليل الإثنين الثلاثاء» for an article stamped 00:29 on Tuesday), the event ends by that
//! time. An answer to a happening told as done («وفتحت النيابة تحقيقا»، «وأعلن الوزير الحداد»),
//! which the text places after the happening with no upper bound, began by its article's
//! publication.

use crate::constraints::{e_node, s_node, Network, Source, C_DCT_DATE};
use crate::flatten::Flat;
use crate::time::{local_instant, local_midnight};
use crate::Input;
use tarikh_anchor::PublicationBasis;
use tarikh_events::{Relation, RelationBasis};

/// Add, for every mention told as done whose own time runs past its article's publication time,
/// "end not after the publication time" to its event.
pub(crate) fn constrain(input: &Input, flat: &[Flat], members: &[Vec<usize>], labels: &[String], net: &mut Network) {
    for (e, ms) in members.iter().enumerate() {
        for &j in ms {
            let f = &flat[j];
            let Some((a, b)) = f.time else { continue };
            if !f.past {
                continue;
            }
            let (doc, ev) = &input.docs[f.doc];
            let p = &doc.publication;
            let Some(written) = p.known_date().zip(p.time).and_then(|(day, time)| local_instant(p.timezone, day, time)).map(|t| input.minutes(t)) else {
                continue;
            };
            // (a stretch wholly before it says more; one wholly after is the text's own matter)
            if !(a < written && written < b) {
                continue;
            }
            let m = &ev.mentions[f.mi];
            let src = Source { doc: input.doc_id(f), start: m.start, end: m.end, text: m.trigger.clone() };
            let when = p.time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
            net.add_with(0, e_node(e), written, C_DCT_DATE, Some(src), || format!("«{}» is told as done in an article published at {when}: it ended by then", labels[e]), vec![e]);
        }
    }
}

/// Add, for every answer to a happening (a [`RelationBasis::Response`] relation: «وقع الانفجار مساء
/// السبت، وفتحت النيابة تحقيقا»، «نعى المجلس الأمير. وأعلن الوزير الحداد») told as begun, "start not
/// after its article's publication" to its event: the relation bounds it from below only, and an
/// article that tells an answer as begun (a perfect verb: «فتحت»، «أعلن») was written after it began. The publication must be given
/// (metadata), not inferred from the text; with no time of day, the day's end bounds it.
pub(crate) fn answers_by_publication(input: &Input, flat: &[Flat], flat_of: &[Vec<Option<usize>>], event_of_flat: &[usize], labels: &[String], net: &mut Network) {
    for (di, (doc, ev)) in input.docs.iter().enumerate() {
        let p = &doc.publication;
        if p.basis != PublicationBasis::Metadata {
            continue;
        }
        let written = match p.time {
            Some(time) => local_instant(p.timezone, p.date, time),
            None => p.date.succ_opt().and_then(|next| local_midnight(p.timezone, next, None)),
        };
        let Some(written) = written.map(|t| input.minutes(t)) else { continue };
        for r in &ev.relations {
            if r.basis != RelationBasis::Response || r.relation != Relation::After {
                continue;
            }
            let Some(&Some(j)) = flat_of[di].get(r.source) else { continue };
            let f = &flat[j];
            if !f.told_begun {
                continue;
            }
            let e = event_of_flat[j];
            let m = &ev.mentions[f.mi];
            let src = Source { doc: doc.id.clone(), start: m.start, end: m.end, text: m.trigger.clone() };
            net.add_with(0, s_node(e), written, C_DCT_DATE, Some(src), || format!("«{}» is told as begun after what it answers, in an article published by then: it began by then", labels[e]), vec![e]);
        }
    }
}
