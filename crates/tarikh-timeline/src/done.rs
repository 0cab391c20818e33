//! Events told as done: an article that tells an event in the perfect ("انهار المبنى"، "أكدت
//! الوكالة رصد هزة ارتدادية قبل قليل") was written after it ended. When the article's metadata
//! gives its publication time and the event's own date is a stretch that runs past it (a night, a
//! day: «ليل الإثنين الثلاثاء» for an article stamped 00:29 on Tuesday), the event ends by that
//! time.

use crate::constraints::{e_node, s_node, Network, Source, C_DCT_DATE};
use crate::flatten::Flat;
use crate::time::local_instant;
use crate::Input;
use tarikh_events::RelationBasis;

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

/// Add, for every event that is an answer to a happening told before it (an inquiry opened, a
/// search going on since: a [`RelationBasis::Response`] relation, which bounds it only from
/// below), open or told as done, and that no mention dates, "start not after its article was
/// written": the article tells it as done or going on, so it began by the publication time (the end of the
/// publication day when the time is unknown). Without it such an answer is placed after the
/// happening with no end in sight.
pub(crate) fn answers(input: &Input, flat: &[Flat], flat_of: &[Vec<Option<usize>>], event_of_flat: &[usize], members: &[Vec<usize>], labels: &[String], net: &mut Network) {
    for (di, (doc, ev)) in input.docs.iter().enumerate() {
        let p = &doc.publication;
        let Some(day) = p.known_date() else { continue };
        let written = match p.time {
            Some(time) => local_instant(p.timezone, day, time),
            None => day.succ_opt().and_then(|next| crate::time::local_midnight(p.timezone, next, None)),
        };
        let Some(written) = written.map(|t| input.minutes(t)) else { continue };
        for r in ev.relations.iter().filter(|r| r.basis == RelationBasis::Response) {
            let Some(&Some(fx)) = flat_of[di].get(r.source) else { continue };
            let m = &ev.mentions[r.source];
            // (an open event — an inquiry opened, a search going on — or one told as done began by
            // then; a measure announced may begin after the article: «إغلاق الدوائر لمدة ثلاثة
            // أيام» announced on Saturday runs from Sunday)
            if !(m.open_extent || m.past) {
                continue;
            }
            let e = event_of_flat[fx];
            // (a date of its own, in any article, says more; and a happening its article dates at
            // or after its own publication — a wrong stamp — bounds nothing before it)
            if members[e].iter().any(|&j| flat[j].time.is_some()) {
                continue;
            }
            let cause_time = flat_of[di].get(r.target).copied().flatten().and_then(|ft| flat[ft].time);
            if cause_time.is_some_and(|(a, _)| a >= written) {
                continue;
            }
            let src = Source { doc: input.doc_id(&flat[fx]), start: m.start, end: m.end, text: m.trigger.clone() };
            net.add_with(0, s_node(e), written, C_DCT_DATE, Some(src), || format!("«{}» is told as an answer already given in an article published on {day}: it began by then", labels[e]), vec![e]);
        }
    }
}
