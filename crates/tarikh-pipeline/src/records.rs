//! One temporal expression as a flat record: the columns of `timex.csv`, the fields of `tarikh tag`'s
//! JSON and of the Python module's dicts.

use serde::Serialize;
use tarikh_anchor::{AnchoredDocument, Timex};

/// A temporal expression with its document, as every output shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexRecord {
    /// Document id.
    pub doc: String,
    /// Start offset (code points into the original text).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type: DATE, TIME, DURATION, SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
    /// What the value was computed from: dct, explicit, narrative, event.
    pub anchor: String,
    /// The grammar rule that matched.
    pub rule: String,
    /// TIMEX3 `mod` (APPROX, START, …), empty when none.
    #[serde(rename = "mod")]
    pub modifier: String,
    /// First instant of the stretch of time the value denotes (ISO 8601 with its offset, in the
    /// zone the text states, «بتوقيت غرينتش» → +00:00, or else the story's); empty when the value
    /// denotes none (durations, sets, references).
    pub interval_start: String,
    /// First instant after that stretch of time (exclusive), like `interval_start`.
    pub interval_end: String,
}

impl TimexRecord {
    /// Column names, in order (the header of `timex.csv`).
    pub const COLUMNS: [&'static str; 11] = ["doc", "start", "end", "text", "type", "value", "anchor", "rule", "mod", "interval_start", "interval_end"];

    /// The cells of a CSV row, in [`Self::COLUMNS`] order.
    pub fn cells(&self) -> Vec<String> {
        vec![self.doc.clone(), self.start.to_string(), self.end.to_string(), self.text.clone(), self.kind.clone(), self.value.clone(), self.anchor.clone(), self.rule.clone(), self.modifier.clone(), self.interval_start.clone(), self.interval_end.clone()]
    }
}

/// The temporal expressions of one anchored document, in text order.
pub fn timex_records(doc: &AnchoredDocument) -> Vec<TimexRecord> {
    doc.timexes.iter().map(|t| TimexRecord::new(&doc.id, t)).collect()
}

impl TimexRecord {
    /// The record of one temporal expression of document `doc`.
    pub fn new(doc: &str, t: &Timex) -> TimexRecord {
        TimexRecord {
            doc: doc.to_string(),
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            kind: t.kind.as_str().into(),
            value: t.value.clone(),
            anchor: t.anchor.as_str().into(),
            rule: t.rule.clone(),
            modifier: t.modifier.clone().unwrap_or_default(),
            interval_start: t.interval.map(|i| crate::timefmt::iso(&i.start)).unwrap_or_default(),
            interval_end: t.interval.map(|i| crate::timefmt::iso(&i.end)).unwrap_or_default(),
        }
    }
}
