//! The anchor stage's output: resolved temporal expressions and per-document facts.

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::ops::Range;

/// TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum TimexType {
    /// A calendar date, month, year, or a reference like PRESENT_REF.
    Date,
    /// A time of day or a part of a day ("مساء الجمعة").
    Time,
    /// A length of time ("48 ساعة").
    Duration,
    /// A recurring time ("كل يوم").
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: DATE, TIME, DURATION, SET.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a value was computed from, so a reader can see why it has that value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum AnchorKind {
    /// The document's publication date (document creation time).
    Dct,
    /// Self-contained: a full date, a year, a bare duration.
    Explicit,
    /// A date mentioned earlier in the text.
    Narrative,
    /// Another event ("غداة الدورة الأولى", "قبل 48 ساعة من التصويت").
    Event,
}

impl AnchorKind {
    /// Lower-case name used in the CSV files: dct, explicit, narrative, event.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorKind::Dct => "dct",
            AnchorKind::Explicit => "explicit",
            AnchorKind::Narrative => "narrative",
            AnchorKind::Event => "event",
        }
    }
}

/// A half-open stretch of time [start, end) in the story's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Interval {
    /// First instant included.
    pub start: DateTime<FixedOffset>,
    /// First instant after the interval.
    pub end: DateTime<FixedOffset>,
}

/// Whether an event-anchored expression lies before or after its anchor event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum OffsetDirection {
    /// "قبل X من EVENT", "عشية EVENT": the expression's event precedes the anchor.
    Before,
    /// "بعد X من EVENT", "غداة EVENT": the expression's event follows the anchor.
    After,
}

/// An offset from an event named right after the expression ("قبل 48 ساعة من التصويت").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EventOffset {
    /// Before or after the anchor event.
    pub direction: OffsetDirection,
    /// Smallest gap in seconds the wording allows (tolerance for "نحو", 0 for "أقل من").
    pub min_seconds: i64,
    /// Largest gap in seconds the wording allows.
    pub max_seconds: i64,
    /// Byte offset in the normalised text where the anchor event's phrase begins.
    pub anchor_at: usize,
}

/// A resolved temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Timex {
    /// Start, in code points of the original text.
    pub start: usize,
    /// End (exclusive), in code points of the original text.
    pub end: usize,
    /// The same span as a byte range of the normalised text.
    pub byte_range: Range<usize>,
    /// The original characters between start and end.
    pub text: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value ("2017-05-05", "2017-05-05TEV", "PT48H", "PRESENT_REF", "XXXX-04-24" ...).
    pub value: String,
    /// TIMEX3 mod: APPROX, LESS_THAN, MORE_THAN, START, END ...
    pub modifier: Option<String>,
    /// What the value was computed from.
    pub anchor: AnchorKind,
    /// Name of the grammar rule that matched.
    pub rule: String,
    /// The stretch of time the value denotes, when it denotes one (dates and times).
    pub interval: Option<Interval>,
    /// For durations: the smallest and largest length in seconds ("أسابيع عدة" = 2 to 8 weeks).
    pub duration_seconds: Option<(i64, i64)>,
    /// Set when the expression is an offset from an event ("قبل 48 ساعة من", "عشية", "غداة").
    pub event_offset: Option<EventOffset>,
    /// The zone the text itself states for this expression («بتوقيت مكة» → Asia/Riyadh, «بتوقيت
    /// غرينتش» → UTC), in which its clock time is read; `None` when the text states none (the
    /// document's or reference's zone is then used, and is not repeated here).
    pub timezone: Option<chrono_tz::Tz>,
}

/// How a document's publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum PublicationBasis {
    /// Given in docs.csv or the JSONL input.
    Metadata,
    /// Inferred from the text.
    Inferred,
    /// No evidence at all: the day the user gave with `--fallback-date`, with a warning.
    Default,
    /// No evidence at all and no fallback asked for: the day is not known. `Publication::date` is
    /// then a placeholder that nothing uses: values that would hang on it are X-valued.
    Unknown,
}

impl PublicationBasis {
    /// Lower-case name used in documents.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            PublicationBasis::Metadata => "metadata",
            PublicationBasis::Inferred => "inferred",
            PublicationBasis::Default => "default",
            PublicationBasis::Unknown => "unknown",
        }
    }
}

/// Where a document's time zone came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum ZoneBasis {
    /// Given in docs.csv or the JSONL input.
    #[default]
    Metadata,
    /// The zone the user gave for every document (`--timezone`).
    Option,
    /// The dispatch's dateline names the place it was filed from.
    Dateline,
    /// The places the article names, by vote.
    Places,
    /// The zone most documents of its story have (it names no place itself).
    Story,
    /// Nothing tells: UTC.
    Default,
}

impl ZoneBasis {
    /// Lower-case name used in documents.csv: metadata, option, dateline, places, story, default.
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneBasis::Metadata => "metadata",
            ZoneBasis::Option => "option",
            ZoneBasis::Dateline => "dateline",
            ZoneBasis::Places => "places",
            ZoneBasis::Story => "story",
            ZoneBasis::Default => "default",
        }
    }
}

/// A document's zone's basis, with the evidence for it («places named: «درنه» ×5 (Libya)»).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ZoneSource {
    /// Where the zone came from.
    pub basis: ZoneBasis,
    /// What it was read from, for a reader.
    pub evidence: String,
}

/// A document's publication date (the DCT), its zone and where it came from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Publication {
    /// Calendar day of publication in the story's zone (a placeholder when `basis` is
    /// [`PublicationBasis::Unknown`]: use [`Publication::known_date`]).
    pub date: NaiveDate,
    /// Time of publication when known.
    pub time: Option<chrono::NaiveTime>,
    /// Where the date came from.
    pub basis: PublicationBasis,
    /// Human-readable evidence ("metadata", or the phrases it was inferred from).
    pub evidence: String,
    /// IANA zone of the story ("Europe/Paris"); clock times and days are read in it.
    pub timezone: chrono_tz::Tz,
    /// Where the zone came from.
    pub zone_source: ZoneSource,
}

impl Publication {
    /// The publication day, unless it is unknown.
    pub fn known_date(&self) -> Option<NaiveDate> {
        (self.basis != PublicationBasis::Unknown).then_some(self.date)
    }
}

/// A contradiction found inside one document while resolving (e.g. a weekday that does not match its date).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocConflict {
    /// weekday_date_mismatch, past_in_future, future_in_past, hijri_gregorian_mismatch (a Hijri date
    /// and its stated Gregorian day more than two days apart), hijri_month_start (the article begins
    /// a Hijri month on another day than the Umm al-Qura table: its Hijri days follow the article),
    /// impossible_date ...
    pub kind: String,
    /// Start in original code points.
    pub start: usize,
    /// End (exclusive) in original code points.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    /// Both readings and what was kept.
    pub description: String,
}

/// One document after anchoring: the input to the events stage.
#[derive(Debug, Clone)]
pub struct AnchoredDocument {
    /// Document id (from docs.csv, or the file stem).
    pub id: String,
    /// The original text, exactly as read.
    pub original: String,
    /// The normalised text with its offset map.
    pub normalised: tarikh_text::Normalised,
    /// Publication date and basis.
    pub publication: Publication,
    /// Temporal expressions in text order, non-overlapping.
    pub timexes: Vec<Timex>,
    /// Contradictions noticed while resolving.
    pub conflicts: Vec<DocConflict>,
    /// The story this document belongs to: the timeline reconciles each story on its own and never
    /// merges mentions across stories. Set by the grouping stage of the pipeline; empty when the
    /// whole corpus is one story.
    pub story: String,
    /// The words the articles of its story share most, as the articles write them («درنة»،
    /// «دانيال»، «السدين»): what tells a reader which story `S3` is. Set with `story`; empty when
    /// the story has no such words or the document was anchored alone.
    pub story_words: Vec<String>,
}
