//! TimeML output: one `<doc>.tml` per document, the article's text with inline TIMEX3 and EVENT
//! tags, then MAKEINSTANCE and TLINK elements (TimeML 1.2 / TempEval-3 layout).
//!
//! - `<DCT>` holds the publication date as TIMEX3 `t0` with `functionInDocument="CREATION_TIME"`
//!   (`XXXX-XX-XX` when the day is unknown).
//! - TIMEX3 `tid="tN"` (N = 1 + index in timex.csv order for that document), `type`, `value`, `mod`,
//!   `temporalFunction`, and `anchorTimeID` when the value was computed from another timex: `t0`
//!   for the publication date, or the date the narrative set up (the last explicit day before it,
//!   the same rule the anchor stage applies).
//! - EVENT `eid="eN"` (N = 1 + mention index) with a TimeML `class`; MAKEINSTANCE `eiid="eiN"`.
//! - TLINK: each relation the text states between two events, and each event's link to the time
//!   that dates it (IS_INCLUDED in a DATE/TIME, DURING a DURATION).
//!
//! Tags nest properly: TIMEX3 spans never overlap; an EVENT that overlaps a TIMEX3 is shortened to
//! its part outside it, or dropped (with its links) when nothing is left. The text inside `<TEXT>`,
//! once the tags are stripped and the entities unescaped, is the article byte for byte (a carriage
//! return is written `&#13;` so that XML parsers keep it).

use crate::svg::xml_escape;
use std::fmt::Write;
use tarikh_anchor::{AnchorKind, AnchoredDocument, TimexType};
use tarikh_events::DocEvents;

/// TimeML event class for an event type of the lexicon.
pub fn event_class(event_type: &str) -> &'static str {
    match event_type {
        "statement" | "media_warning" | "publication" | "poll_publication" => "REPORTING",
        "silence_period" => "STATE",
        "campaign_end" | "office_transition" => "ASPECTUAL",
        "request" => "I_ACTION",
        _ => "OCCURRENCE",
    }
}

/// A file name for a document id: letters, digits, `-`, `_` and `.` kept, anything else `_`.
pub fn file_stem(id: &str) -> String {
    let s: String = id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with('.') {
        format!("_{s}")
    } else {
        s
    }
}

/// Escape text content: like [`xml_escape`], but quotes stay as they are (easier to read).
fn text_escape(s: &str) -> String {
    xml_escape(s).replace("&quot;", "\"").replace("&apos;", "'")
}

/// The TimeML document for one anchored document and its events.
pub fn render(doc: &AnchoredDocument, events: &DocEvents) -> String {
    let chars: Vec<char> = doc.original.chars().collect();
    let n = chars.len();
    // Tags to place: (start, end, open, close).
    let mut tags: Vec<(usize, usize, String, &'static str)> = Vec::new();
    let mut last_explicit_day: Option<usize> = None;
    for (i, t) in doc.timexes.iter().enumerate() {
        let (s, e) = (t.start.min(n), t.end.min(n));
        let mut open = format!(r#"<TIMEX3 tid="t{}" type="{}" value="{}""#, i + 1, t.kind.as_str(), xml_escape(&t.value));
        if let Some(m) = t.modifier.as_deref().filter(|m| !m.is_empty()) {
            let _ = write!(open, r#" mod="{}""#, xml_escape(m));
        }
        let _ = write!(open, r#" temporalFunction="{}""#, if t.anchor == AnchorKind::Explicit { "false" } else { "true" });
        match t.anchor {
            AnchorKind::Dct => open.push_str(r#" anchorTimeID="t0""#),
            AnchorKind::Narrative => {
                let _ = write!(open, r#" anchorTimeID="t{}""#, last_explicit_day.map(|j| j + 1).unwrap_or(0));
            }
            _ => {}
        }
        open.push('>');
        if t.anchor == AnchorKind::Explicit && t.kind == TimexType::Date && t.interval.is_some_and(|iv| (iv.end - iv.start).num_hours() <= 25) {
            last_explicit_day = Some(i);
        }
        if s < e {
            tags.push((s, e, open, "</TIMEX3>"));
        }
    }
    let timex_spans: Vec<(usize, usize)> = tags.iter().map(|t| (t.0, t.1)).collect();
    // Events, shortened or dropped where they meet a timex or an earlier event.
    let mut kept: Vec<Option<(usize, usize)>> = Vec::with_capacity(events.mentions.len());
    let mut taken: Vec<(usize, usize)> = timex_spans.clone();
    for m in &events.mentions {
        let (mut s, mut e) = (m.start.min(n), m.end.min(n));
        for &(ts, te) in &taken {
            if s < te && ts < e {
                // Keep the longer piece outside [ts, te).
                let before = ts.saturating_sub(s);
                let after = e.saturating_sub(te);
                if before >= after {
                    e = ts.max(s);
                } else {
                    s = te.min(e);
                }
            }
        }
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if s < e && chars[s..e].iter().any(|c| c.is_alphanumeric()) && !taken.iter().any(|&(ts, te)| s < te && ts < e) {
            taken.push((s, e));
            kept.push(Some((s, e)));
        } else {
            kept.push(None);
        }
    }
    for (i, (m, k)) in events.mentions.iter().zip(&kept).enumerate() {
        if let Some((s, e)) = *k {
            tags.push((s, e, format!(r#"<EVENT eid="e{}" class="{}">"#, i + 1, event_class(&m.event_type)), "</EVENT>"));
        }
    }
    tags.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));

    let mut x = String::with_capacity(doc.original.len() * 2);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n");
    let _ = writeln!(x, "<DOCID>{}</DOCID>", text_escape(&doc.id));
    let p = &doc.publication;
    // An unknown publication day is written as TIMEX3 writes an unknown day.
    let (dct_type, dct_value) = match (p.known_date(), p.time) {
        (None, _) => ("DATE", "XXXX-XX-XX".to_string()),
        (Some(day), Some(t)) => ("TIME", format!("{}T{}", day.format("%Y-%m-%d"), t.format("%H:%M"))),
        (Some(day), None) => ("DATE", day.format("%Y-%m-%d").to_string()),
    };
    let _ = writeln!(
        x,
        r#"<DCT><TIMEX3 tid="t0" type="{dct_type}" value="{dct_value}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct_value}</TIMEX3></DCT>"#
    );
    x.push_str("<TEXT>");
    let mut at = 0;
    let mut buf = String::new();
    for (s, e, open, close) in &tags {
        buf.clear();
        buf.extend(&chars[at..*s]);
        x.push_str(&text_escape(&buf));
        x.push_str(open);
        buf.clear();
        buf.extend(&chars[*s..*e]);
        x.push_str(&text_escape(&buf));
        x.push_str(close);
        at = *e;
    }
    buf.clear();
    buf.extend(&chars[at..]);
    x.push_str(&text_escape(&buf));
    x.push_str("</TEXT>\n");

    for (i, k) in kept.iter().enumerate() {
        if k.is_some() {
            let _ = writeln!(x, r#"<MAKEINSTANCE eventID="e{0}" eiid="ei{0}" tense="NONE" aspect="NONE" polarity="POS" pos="UNKNOWN"/>"#, i + 1);
        }
    }
    let mut lid = 0;
    for (i, (m, k)) in events.mentions.iter().zip(&kept).enumerate() {
        let (Some(_), Some(ti)) = (k, m.time) else { continue };
        let Some(t) = doc.timexes.get(ti) else { continue };
        let rel = match t.kind {
            TimexType::Date | TimexType::Time => "IS_INCLUDED",
            TimexType::Duration => "DURING",
            TimexType::Set => continue,
        };
        lid += 1;
        let _ = writeln!(x, r#"<TLINK lid="l{lid}" relType="{rel}" eventInstanceID="ei{}" relatedToTime="t{}"/>"#, i + 1, ti + 1);
    }
    for r in &events.relations {
        if kept.get(r.source).copied().flatten().is_none() || kept.get(r.target).copied().flatten().is_none() {
            continue;
        }
        lid += 1;
        let _ = writeln!(
            x,
            r#"<TLINK lid="l{lid}" relType="{}" eventInstanceID="ei{}" relatedToEventInstance="ei{}"/>"#,
            r.relation.as_str(),
            r.source + 1,
            r.target + 1
        );
    }
    x.push_str("</TimeML>\n");
    x
}
