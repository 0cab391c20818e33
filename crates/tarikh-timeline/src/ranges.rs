//! Ranges: an event the text gives «من X حتى Y» (curfew hours, polling hours, a suspension of
//! flights) starts within X and ends within Y; one given only «حتى Y» ends within Y. Its own time (the hull of X and Y) already keeps
//! its start from before X and its end from after Y; these constraints keep its start from after
//! X and its end from before Y.

use crate::constraints::{e_node, s_node, Network, Source};
use crate::flatten::Flat;
use crate::Input;

/// Add, for every mention given a range, "start not after the end of X" and "end not before the
/// start of Y" to its event.
pub(crate) fn constrain(input: &Input, flat: &[Flat], members: &[Vec<usize>], labels: &[String], net: &mut Network) {
    for (e, ms) in members.iter().enumerate() {
        for &j in ms {
            let f = &flat[j];
            let Some(r) = &f.range else { continue };
            let doc = input.doc_id(f);
            if let (Some((ts, te, tt)), Some((_, start_end))) = (&f.timex_span, r.start) {
                let src = Source { doc: doc.clone(), start: *ts, end: *te, text: tt.clone() };
                net.add_with(0, s_node(e), start_end, f.class, Some(src), || format!("«{}» starts «من {tt}», not after it", labels[e]), vec![e]);
            }
            let (ts, te, tt) = &r.end_span;
            let src = Source { doc, start: *ts, end: *te, text: tt.clone() };
            net.add_with(e_node(e), 0, -r.end.0, f.class, Some(src.clone()), || format!("«{}» lasts «حتى {tt}», not ending before it", labels[e]), vec![e]);
            // a lone «حتى Y» (no own time whose hull bounds the end): not ending after Y either
            if r.start.is_none() {
                net.add_with(0, e_node(e), r.end.1, f.class, Some(src), || format!("«{}» lasts «حتى {tt}», ending by its end", labels[e]), vec![e]);
            }
        }
    }
}
