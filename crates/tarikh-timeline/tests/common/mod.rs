//! Builders for hand-made anchored documents: timexes are placed by phrase, with values given
//! by hand (the anchor stage is not used).
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use tarikh_anchor::{
    AnchorKind, AnchoredDocument, DocConflict, EventOffset, Interval, OffsetDirection, Publication, PublicationBasis,
    Timex, TimexType,
};

/// A timex to place.
#[derive(Clone)]
pub struct Tx {
    pub phrase: &'static str,
    pub nth: usize,
    pub value: &'static str,
    pub anchor: AnchorKind,
    /// (direction, min seconds, max seconds, anchor phrase after the timex)
    pub offset: Option<(OffsetDirection, i64, i64, &'static str)>,
}

pub fn tx(phrase: &'static str, value: &'static str, anchor: AnchorKind) -> Tx {
    Tx { phrase, nth: 0, value, anchor, offset: None }
}

pub fn off(phrase: &'static str, value: &'static str, dir: OffsetDirection, secs: i64, anchor_phrase: &'static str) -> Tx {
    Tx { phrase, nth: 0, value, anchor: AnchorKind::Event, offset: Some((dir, secs, secs, anchor_phrase)) }
}

pub fn nth(mut t: Tx, n: usize) -> Tx {
    t.nth = n;
    t
}

fn interval(value: &str, offset_hours: i32) -> Option<Interval> {
    let off = FixedOffset::east_opt(offset_hours * 3600).unwrap();
    let d = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    let start: DateTime<FixedOffset> = off.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap()).single()?;
    // a clock time ("2020-03-14T20:00") is that minute; anything else the whole day
    let clock = value.get(10..).and_then(|t| t.strip_prefix('T')).and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok());
    Some(match clock {
        Some(t) => {
            let at = off.from_local_datetime(&d.and_time(t)).single()?;
            Interval { start: at, end: at + chrono::Duration::minutes(1) }
        }
        None => Interval { start, end: start + chrono::Duration::days(1) },
    })
}

/// Build a document; `offset_hours` is the story zone's UTC offset on those days.
pub fn doc(id: &str, text: &str, published: (i32, u32, u32), zone: &str, offset_hours: i32, txs: Vec<Tx>) -> AnchoredDocument {
    let normalised = tarikh_text::Normalised::new(text);
    let n = normalised.as_str().to_string();
    let mut timexes = Vec::new();
    for t in txs {
        let p = tarikh_text::normalise(t.phrase);
        let at = n.match_indices(p.as_str()).nth(t.nth).unwrap_or_else(|| panic!("`{}` not in {id}", t.phrase)).0;
        let br = at..at + p.len();
        let (start, end) = normalised.original_span(br.start, br.end);
        let event_offset = t.offset.map(|(direction, min_seconds, max_seconds, anchor)| {
            let a = tarikh_text::normalise(anchor);
            let anchor_at = br.end + n[br.end..].find(a.as_str()).expect("anchor phrase after the timex");
            EventOffset { direction, min_seconds, max_seconds, anchor_at }
        });
        let kind = if t.value.starts_with('P') {
            TimexType::Duration
        } else if t.value.contains('T') {
            TimexType::Time
        } else {
            TimexType::Date
        };
        timexes.push(Timex {
            start,
            end,
            byte_range: br,
            text: text.chars().skip(start).take(end - start).collect(),
            kind,
            value: t.value.to_string(),
            modifier: None,
            anchor: t.anchor,
            rule: "test".into(),
            interval: if kind == TimexType::Duration { None } else { interval(t.value, offset_hours) },
            // whole days ("P3D") and hours ("PT8H") are enough for these tests
            duration_seconds: t
                .value
                .strip_prefix("PT")
                .and_then(|d| d.strip_suffix('H'))
                .and_then(|n| n.parse::<i64>().ok())
                .map(|n| n * 3_600)
                .or_else(|| t.value.strip_prefix('P').and_then(|d| d.strip_suffix('D')).and_then(|n| n.parse::<i64>().ok()).map(|n| n * 86_400))
                .map(|s| (s, s)),
            event_offset,
            timezone: None,
        });
    }
    timexes.sort_by_key(|t| t.start);
    AnchoredDocument {
        id: id.to_string(),
        original: text.to_string(),
        normalised,
        publication: Publication {
            date: NaiveDate::from_ymd_opt(published.0, published.1, published.2).unwrap(),
            time: None,
            basis: PublicationBasis::Metadata,
            evidence: "test".into(),
            timezone: zone.parse().unwrap(),
            zone_source: Default::default(),
        },
        timexes,
        conflicts: Vec::new(),
        story: String::new(),
        story_words: Vec::new(),
    }
}

/// Attach a conflict over the first occurrence of `phrase`.
pub fn with_conflict(mut d: AnchoredDocument, phrase: &str, kind: &str) -> AnchoredDocument {
    let start = d.original.find(phrase).map(|b| d.original[..b].chars().count()).expect("phrase");
    let end = start + phrase.chars().count();
    d.conflicts.push(DocConflict {
        kind: kind.into(),
        start,
        end,
        text: phrase.into(),
        description: "test conflict".into(),
    });
    d
}

/// A datetime in a fixed offset, for comparisons.
pub fn at(offset_hours: i32, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(offset_hours * 3600).unwrap().with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}
