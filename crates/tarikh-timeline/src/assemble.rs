//! Assembling the timeline: events with their bounds on their own clock, labels, stable ids in
//! time order, the stated relations between them and each mention's event.

use crate::constraints::{Rel, C_DCT_DATE, C_EXPLICIT_DATE};
use crate::flatten::Flat;
use crate::time::slice_chars;
use crate::{Input, MentionLink, TimelineEvent, TimelineRelation};
use chrono::{Duration, Offset, TimeZone};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// What the earlier stages found for each event, to be assembled into rows.
pub(crate) struct Solved<'s> {
    /// Per event: its flat mentions.
    pub members: &'s [Vec<usize>],
    /// Per event: the zone of its place, if its mentions name one.
    pub zones: &'s [Option<chrono_tz::Tz>],
    /// Per event: granularity of its own time.
    pub gran: &'s [&'static str],
    /// Per event: [earliest start, latest start, earliest end, latest end] in minutes.
    pub bounds: &'s [[Option<i64>; 4]],
    /// Per event: its label.
    pub labels: &'s [String],
    /// Per event: part of a reported contradiction.
    pub in_conflict: &'s [bool],
    /// Interned type names.
    pub types: &'s [String],
}

/// The timeline's events, ordered by earliest time (then label, then first evidence) and numbered
/// E001, E002 …; also each event's id (empty for an event left out: no date reaches it and only
/// one mention names it, with the mentions joined to it, so a reader could not place it).
pub(crate) fn events(input: &Input, flat: &[Flat], solved: &Solved) -> (Vec<TimelineEvent>, Vec<String>) {
    let Solved { members, zones: event_zone, gran, bounds, labels, in_conflict, types } = *solved;
    let docs = &input.docs;
    let ne = members.len();
    let mut events: Vec<(TimelineEvent, usize, (String, usize))> = Vec::new();
    for (e, ms) in members.iter().enumerate() {
        let f0 = &flat[ms[0]];
        let tz = event_zone[e].unwrap_or(docs[f0.doc].0.publication.timezone);
        let to_dt = |m: Option<i64>| {
            // a bound outside the years 1-9999 (offsets chained over millennia) stays open: ISO
            // 8601 and the spreadsheets reading timeline.csv write four-digit years
            m.and_then(|m| {
                let instant = input.origin.checked_add_signed(Duration::try_minutes(m)?)?;
                let off = tz.offset_from_utc_datetime(&instant.naive_utc()).fix();
                let local = instant.with_timezone(&off);
                (1..=9999).contains(&chrono::Datelike::year(&local)).then_some(local)
            })
        };
        let b = bounds[e];
        // an event no date reaches that only one mention names cannot be placed: no row (a
        // mention the text joins to another — «قررت الوزارة غلق المدارس», a statement going on —
        // is the same naming, not a second one)
        let namings = ms.iter().filter(|&&i| docs[flat[i].doc].1.mentions[flat[i].mi].joins.is_none()).count();
        if b.iter().all(Option::is_none) && namings < 2 {
            continue;
        }
        let mut mentions: Vec<(String, usize, usize)> = ms
            .iter()
            .map(|&i| {
                let m = &docs[flat[i].doc].1.mentions[flat[i].mi];
                (input.doc_id(&flat[i]), m.start, m.end)
            })
            .collect();
        mentions.sort();
        let docs_of: Vec<String> = mentions.iter().map(|m| m.0.clone()).collect::<BTreeSet<_>>().into_iter().collect();
        let docs_count = docs_of.len();
        let status = if in_conflict[e] {
            "conflict"
        } else if b.iter().all(Option::is_none) {
            "unanchored"
        } else {
            "consistent"
        };
        let first = (mentions[0].0.clone(), mentions[0].1);
        events.push((
            TimelineEvent {
                id: String::new(),
                event_type: types[majority_type(input, flat, ms)].clone(),
                label: labels[e].clone(),
                earliest_start: to_dt(b[0]),
                latest_start: to_dt(b[1]),
                earliest_end: to_dt(b[2]),
                latest_end: to_dt(b[3]),
                granularity: gran[e].to_string(),
                docs: docs_of,
                mentions,
                status: status.into(),
                importance: importance(flat, ms, docs_count),
                story: input.story.to_string(),
            },
            e,
            first,
        ));
    }
    events.sort_by(|x, y| {
        let key = |t: &TimelineEvent| t.earliest_start.or(t.latest_start).or(t.earliest_end).or(t.latest_end);
        let (kx, ky) = (key(&x.0), key(&y.0));
        let ord = match (kx, ky) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        ord.then_with(|| x.0.label.cmp(&y.0.label)).then_with(|| x.2.cmp(&y.2))
    });
    let mut id_of = vec![String::new(); ne];
    for (k, (ev, e, _)) in events.iter_mut().enumerate() {
        ev.id = format!("E{:03}", input.first_event + k + 1);
        id_of[*e] = ev.id.clone();
    }
    let events: Vec<TimelineEvent> = events.into_iter().map(|x| x.0).collect();
    (events, id_of)
}

/// The stated relations as rows, with the events' ids.
pub(crate) fn relations(input: &Input, rels: &[Rel], id_of: &[String]) -> Vec<TimelineRelation> {
    let docs = &input.docs;
    rels
        .iter()
        .filter(|x| !id_of[x.a].is_empty() && !id_of[x.b].is_empty())
        .map(|x| {
            let doc = docs[x.doc].0;
            TimelineRelation {
                source_event: id_of[x.a].clone(),
                relation: x.r.relation.as_str().to_string(),
                target_event: id_of[x.b].clone(),
                offset_min_seconds: x.r.offset_min_seconds,
                offset_max_seconds: x.r.offset_max_seconds,
                doc: doc.id.clone(),
                start: x.r.start,
                end: x.r.end,
                evidence_text: slice_chars(&doc.original, x.r.start, x.r.end),
                story: input.story.to_string(),
            }
        })
        .collect()
}

/// Every mention's event, by document then mention index.
pub(crate) fn mention_links(input: &Input, flat: &[Flat], event_of_flat: &[usize], id_of: &[String]) -> Vec<MentionLink> {
    let mut mention_events: Vec<MentionLink> = flat
        .iter()
        .enumerate()
        .filter(|&(i, _)| !id_of[event_of_flat[i]].is_empty())
        .map(|(i, f)| MentionLink { doc: input.doc_id(f), mention: f.mi, event_id: id_of[event_of_flat[i]].clone() })
        .collect();
    mention_events.sort_by(|a, b| (a.doc.as_str(), a.mention).cmp(&(b.doc.as_str(), b.mention)));
    mention_events
}

/// The most frequent type among an event's mentions that are no reports (the first mention's on a
/// tie): a group of types (a hack seen through its leak) is named by what most sources call it,
/// an announced mourning is a mourning. A mention the text joins to another (the act that issues
/// or announces it: «أصدرت المحكمة … حكما بالسجن» is a verdict, not a publication) names nothing
/// of its own either, when what it joins is an event of a kind that merges freely (a statement or
/// a generic event published, «نشرت مقطع فيديو قالت فيه», stays a publication).
pub(crate) fn majority_type(input: &Input, flat: &[Flat], ms: &[usize]) -> usize {
    // what is announced or reported names the event, not the announcing
    // (and the meeting a decision was taken at: the decision names it, «قررت اللجنة، في
    // اجتماعها …، رفع الأسعار» is a price decision)
    let joiner = |i: usize| {
        let m = &input.docs[flat[i].doc].1.mentions[flat[i].mi];
        m.joins.is_some() || m.setting_of.is_some()
    };
    let events: Vec<usize> = ms.iter().copied().filter(|&i| !flat[i].reports).collect();
    let named: Vec<usize> = events.iter().copied().filter(|&i| !joiner(i)).collect();
    let ms: &[usize] = if named.iter().any(|&i| !flat[i].strict) {
        &named
    } else if events.is_empty() {
        ms
    } else {
        &events
    };
    let mut counts: BTreeMap<usize, (usize, std::cmp::Reverse<usize>)> = BTreeMap::new();
    for (k, &i) in ms.iter().enumerate() {
        let e = counts.entry(flat[i].ty).or_insert((0, std::cmp::Reverse(k)));
        e.0 += 1;
    }
    counts.into_iter().max_by_key(|(_, c)| *c).map_or(flat[ms[0]].ty, |(t, _)| t)
}


/// The event's label: named by what it is, not by who said it (a mention that is no report first),
/// by a phrase rather than a bare word (two words or more first), then the most frequent label,
/// the longest, the first.
pub(crate) fn label_of(input: &Input, flat: &[Flat], ms: &[usize]) -> String {
    // (keys borrowed when the label has no diacritics, and a label copied only for the winner)
    // (not a report, a phrase, how many mentions, length in characters, earlier first; the label)
    type Score<'l> = (bool, bool, usize, usize, usize, &'l str);
    let mut counts: BTreeMap<Cow<str>, Score> = BTreeMap::new();
    for (k, &i) in ms.iter().enumerate() {
        let m = &input.docs[flat[i].doc].1.mentions[flat[i].mi];
        let entry = counts.entry(tarikh_text_free_key(&m.label)).or_insert_with(|| {
            let phrase = m.label.split_whitespace().count() >= 2;
            (!flat[i].reports, phrase, 0, m.label.chars().count(), usize::MAX - k, m.label.as_str())
        });
        entry.2 += 1;
    }
    counts.into_values().max_by(|a, b| (a.0, a.1, a.2, a.3, a.4).cmp(&(b.0, b.1, b.2, b.3, b.4))).map(|x| x.5.to_string()).unwrap_or_default()
}

/// How much an event matters to the story, for sorting the timeline to its headline events: 3 per
/// document citing it, 1 per mention (up to 6), and for its date 4 when a text states it outright,
/// 3 when it is read from the publication date, 2 when derived from another date or event.
pub(crate) fn importance(flat: &[Flat], ms: &[usize], docs: usize) -> u32 {
    let date = ms
        .iter()
        .filter(|&&i| flat[i].time.is_some())
        .map(|&i| match flat[i].class {
            C_EXPLICIT_DATE => 4,
            C_DCT_DATE => 3,
            _ => 2,
        })
        .max()
        .unwrap_or(0);
    3 * docs as u32 + ms.len().min(6) as u32 + date
}

/// Compare labels without Arabic diacritics and tatweel (the label itself when it has none).
fn tarikh_text_free_key(s: &str) -> Cow<'_, str> {
    let dropped = |c: char| ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}' || c == '\u{0670}';
    if s.chars().any(dropped) {
        Cow::Owned(s.chars().filter(|&c| !dropped(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}
