//! Scoring of tarikh output against the gold annotations in `data/gold/`.
//!
//! Two families of metrics are computed:
//!
//! * **Timex metrics** (TempEval-3): strict and relaxed span P/R/F1 over a one-to-one matching,
//!   plus attribute F1 and accuracy for the TIMEX3 `type` and `value` over the relaxed matches.
//! * **Timeline metrics**: events found (by evidence overlap) and found with correct bounds,
//!   relation recall/precision/F1 (inverse relations accepted) plus a looser pair recall, and
//!   conflicts found/precision.
//!
//! All offsets are Unicode code point indices, end exclusive. The exact definitions are documented
//! on [`evaluate`] and on the score structs.
#![deny(missing_docs)]

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

mod load;
mod report;
mod score;
mod suite;

pub use report::*;
pub use score::{canonical_value, evaluate, same_value};
pub use suite::*;

/// A reference to a span of an article: `doc:start-end` (code points, end exclusive).
///
/// Used for event evidence, conflict evidence and anywhere a location in the corpus is needed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SpanRef {
    /// Document id, e.g. `001`.
    pub doc: String,
    /// Start offset (code points, inclusive).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
}

impl SpanRef {
    /// Builds a span reference (convenience for callers and tests).
    pub fn new(doc: impl Into<String>, start: usize, end: usize) -> SpanRef {
        SpanRef { doc: doc.into(), start, end }
    }

    /// Parses a `;`-separated list such as `001:1-5;002:3-9` (whitespace around items is
    /// ignored, empty items are skipped). Fails on malformed items or `start > end`.
    pub fn parse_list(s: &str) -> anyhow::Result<Vec<SpanRef>> {
        s.split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(SpanRef::parse_one)
            .collect()
    }

    /// Parses one `doc:start-end` item.
    fn parse_one(s: &str) -> anyhow::Result<SpanRef> {
        let s = s.trim();
        let (doc, range) = s
            .rsplit_once(':')
            .ok_or_else(|| anyhow::anyhow!("span reference {s:?}: expected doc:start-end"))?;
        let (a, b) = range
            .split_once('-')
            .ok_or_else(|| anyhow::anyhow!("span reference {s:?}: expected doc:start-end"))?;
        let start: usize = a
            .trim()
            .parse()
            .map_err(|_| anyhow::anyhow!("span reference {s:?}: bad start offset {a:?}"))?;
        let end: usize = b
            .trim()
            .parse()
            .map_err(|_| anyhow::anyhow!("span reference {s:?}: bad end offset {b:?}"))?;
        let doc = doc.trim();
        if doc.is_empty() {
            anyhow::bail!("span reference {s:?}: empty document id");
        }
        if start > end {
            anyhow::bail!("span reference {s:?}: start > end");
        }
        Ok(SpanRef { doc: doc.to_string(), start, end })
    }

    /// True when both spans are in the same document and share at least one code point
    /// (half-open intervals; an empty span overlaps nothing).
    pub fn overlaps(&self, other: &SpanRef) -> bool {
        self.doc == other.doc && self.overlap_len(other) > 0
    }

    /// Number of code points shared with `other` (0 when in different documents).
    pub fn overlap_len(&self, other: &SpanRef) -> usize {
        if self.doc != other.doc {
            return 0;
        }
        let lo = self.start.max(other.start);
        let hi = self.end.min(other.end);
        hi.saturating_sub(lo)
    }
}

impl std::fmt::Display for SpanRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}-{}", self.doc, self.start, self.end)
    }
}

/// Gold annotations loaded from a directory (`timex.jsonl`, `events.csv`, `relations.csv`,
/// `conflicts.csv`); the reference everything is scored against.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Temporal expressions (`timex.jsonl`).
    pub timexes: Vec<GoldTimex>,
    /// Reconciled timeline events (`events.csv`).
    pub events: Vec<GoldEvent>,
    /// Stated temporal relations between events (`relations.csv`).
    pub relations: Vec<GoldRelation>,
    /// Contradicting statements (`conflicts.csv`).
    pub conflicts: Vec<GoldConflict>,
    /// Whether `events.csv` exists (a story may be annotated for its expressions only).
    pub has_events: bool,
    /// Whether `relations.csv` exists.
    pub has_relations: bool,
    /// Whether `conflicts.csv` exists.
    pub has_conflicts: bool,
}

impl Gold {
    /// Loads the gold files from `dir`: `timex.jsonl` is required; `events.csv`, `relations.csv`
    /// and `conflicts.csv` are read when present. Errors name the file and the line at fault.
    pub fn load(dir: &std::path::Path) -> anyhow::Result<Gold> {
        load::load_gold(dir)
    }
}

/// One gold temporal expression (a line of `timex.jsonl`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldTimex {
    /// Document id.
    pub doc: String,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The annotated text (`file[start..end]`).
    pub text: String,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    pub kind: String,
    /// TIMEX3 value, e.g. `2017-05-05TEV`, `P1D`.
    pub value: String,
    /// How the value was resolved: `dct`, `explicit`, `narrative` or `event`.
    pub anchor: String,
    /// TIMEX3 `mod` (`APPROX`, `LESS_THAN`, ...), empty when none.
    pub modifier: String,
}

/// One gold timeline event (a row of `events.csv`) with its justified bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    /// Event id, e.g. `E11`.
    pub id: String,
    /// English label (for reports).
    pub label_en: String,
    /// Event type, e.g. `cyberattack`.
    pub kind: String,
    /// Mentions of the event in the articles.
    pub evidence: Vec<SpanRef>,
    /// Earliest possible start (None = unbounded).
    pub earliest_start: Option<DateTime<FixedOffset>>,
    /// Latest possible start (None = unbounded).
    pub latest_start: Option<DateTime<FixedOffset>>,
    /// Earliest possible end (None = unbounded).
    pub earliest_end: Option<DateTime<FixedOffset>>,
    /// Latest possible end (None = unbounded).
    pub latest_end: Option<DateTime<FixedOffset>>,
}

/// One gold relation statement (a row of `relations.csv`): `source relation target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldRelation {
    /// Source event id.
    pub source: String,
    /// Relation: BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGINS, ENDS, ...
    pub relation: String,
    /// Target event id.
    pub target: String,
    /// Stated offset as an ISO duration (empty when none); not scored.
    pub offset: String,
    /// Document holding the evidence.
    pub doc: String,
    /// Evidence start offset.
    pub start: usize,
    /// Evidence end offset (exclusive).
    pub end: usize,
}

/// One gold conflict (a row of `conflicts.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldConflict {
    /// Conflict id, e.g. `C01`.
    pub id: String,
    /// Kind: `weekday_date_mismatch`, `cross_doc_disagreement`, `factual`.
    pub kind: String,
    /// Evidence spans of the conflicting statements.
    pub evidence: Vec<SpanRef>,
}

/// What the system produced; filled by the binary from its pipeline, not from files.
#[derive(Debug, Clone, Default)]
pub struct SystemOutput {
    /// Recognised temporal expressions.
    pub timexes: Vec<SystemTimex>,
    /// Timeline events.
    pub events: Vec<SystemEvent>,
    /// Relations between system events (ids refer to [`SystemEvent::id`]).
    pub relations: Vec<SystemRelation>,
    /// Detected conflicts.
    pub conflicts: Vec<SystemConflict>,
}

impl SystemOutput {
    /// Builds a system output that reproduces the gold exactly (ids, bounds, evidence kept).
    /// Scoring it must give 1.0 everywhere; used as a sanity check of the scorer.
    pub fn from_gold(gold: &Gold) -> SystemOutput {
        SystemOutput {
            timexes: gold
                .timexes
                .iter()
                .map(|t| SystemTimex {
                    doc: t.doc.clone(),
                    start: t.start,
                    end: t.end,
                    kind: t.kind.clone(),
                    value: t.value.clone(),
                })
                .collect(),
            events: gold
                .events
                .iter()
                .map(|e| SystemEvent {
                    id: e.id.clone(),
                    event_type: e.kind.clone(),
                    earliest_start: e.earliest_start,
                    latest_start: e.latest_start,
                    earliest_end: e.earliest_end,
                    latest_end: e.latest_end,
                    evidence: e.evidence.clone(),
                })
                .collect(),
            relations: gold
                .relations
                .iter()
                .map(|r| SystemRelation {
                    source: r.source.clone(),
                    relation: r.relation.clone(),
                    target: r.target.clone(),
                    doc: r.doc.clone(),
                    start: r.start,
                    end: r.end,
                })
                .collect(),
            conflicts: gold
                .conflicts
                .iter()
                .map(|c| SystemConflict { id: c.id.clone(), kind: c.kind.clone(), evidence: c.evidence.clone() })
                .collect(),
        }
    }
}

/// A system temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemTimex {
    /// Document id.
    pub doc: String,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A system timeline event with bounds and the mentions it was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemEvent {
    /// System event id (referenced by [`SystemRelation`]).
    pub id: String,
    /// Event type (informational; not scored).
    pub event_type: String,
    /// Earliest possible start (None = unbounded).
    pub earliest_start: Option<DateTime<FixedOffset>>,
    /// Latest possible start (None = unbounded).
    pub latest_start: Option<DateTime<FixedOffset>>,
    /// Earliest possible end (None = unbounded).
    pub earliest_end: Option<DateTime<FixedOffset>>,
    /// Latest possible end (None = unbounded).
    pub latest_end: Option<DateTime<FixedOffset>>,
    /// Mentions of the event (used to match gold events).
    pub evidence: Vec<SpanRef>,
}

/// A system relation `source relation target` with the span that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemRelation {
    /// Source system event id.
    pub source: String,
    /// Relation name (TimeML style, case-insensitive).
    pub relation: String,
    /// Target system event id.
    pub target: String,
    /// Document of the evidence.
    pub doc: String,
    /// Evidence start offset.
    pub start: usize,
    /// Evidence end offset (exclusive).
    pub end: usize,
}

/// A system conflict with the spans of the statements involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemConflict {
    /// System conflict id.
    pub id: String,
    /// Kind (informational; any kind may match a gold conflict).
    pub kind: String,
    /// Evidence spans.
    pub evidence: Vec<SpanRef>,
}

#[cfg(test)]
mod tests;
