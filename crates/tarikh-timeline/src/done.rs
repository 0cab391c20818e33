//! Events told as done: an article that tells an event in the perfect ("انهار المبنى"، "أكدت
//! الوكالة رصد هزة ارتدادية قبل قليل") was written after it ended. When the article's metadata
//! gives its publication time and the event's own date is a stretch that runs past it (a night, a
//! day: «ليل الإثنين الثلاثاء» for an article stamped 00:29 on Tuesday), the event ends by that
//! time.

use crate::constraints::{e_node, Network, Source, C_DCT_DATE};
use crate::flatten::Flat;
use crate::time::local_instant;
use crate::Input;

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
