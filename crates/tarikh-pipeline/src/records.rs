//! The rows of the output tables as flat records: the columns of `documents.csv`, `timex.csv`,
//! `event_mentions.csv`, `timeline.csv`, `relations.csv` and `conflicts.csv`, the fields of
//! `tarikh tag`'s JSON and of the Python module's dicts.
//!
//! Every writer builds its rows here, so the CSV files, the JSON lines, the Python dicts and the
//! Spark tables cannot drift apart. A record serialises (and deserialises) with its column names as
//! keys; a cell the CSV leaves empty because there is nothing to say (an open time bound) is `None`.

use crate::analysis::Analysis;
use crate::process::DocOutcome;
use crate::timefmt::{iso_duration, opt_iso};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tarikh_anchor::{AnchoredDocument, Timex};
use tarikh_events::DocEvents;
use tarikh_timeline::Timeline;

/// A row of one of the output tables.
pub trait Record: Serialize + DeserializeOwned {
    /// The table's name, as its file is named (`timex` for `timex.csv`).
    const TABLE: &'static str;
    /// Column names, in order (the CSV header).
    const FIELDS: &'static [&'static str];
    /// The cells of a CSV row, in [`Self::FIELDS`] order.
    fn row(&self) -> Vec<String>;
}

/// The names of the tables, in the order `tarikh run` writes them.
pub const TABLES: [&str; 6] = [DocumentRecord::TABLE, TimexRecord::TABLE, MentionRecord::TABLE, EventRecord::TABLE, RelationRecord::TABLE, ConflictRecord::TABLE];

/// A table of records as CSV bytes, exactly as `tarikh run` writes the file (RFC 4180, CRLF,
/// formula-like cells neutralised, a byte-order mark first when `excel`).
pub fn to_csv<R: Record>(rows: &[R], excel: bool) -> anyhow::Result<Vec<u8>> {
    let mut table = crate::csvout::Table::new(R::FIELDS);
    for r in rows {
        table.push(r.row());
    }
    table.to_bytes(excel)
}

/// CSV bytes of the table named `table` from records given as JSON objects (one per line, as
/// [`Record`]s serialise): the route by which rows computed elsewhere (a Spark executor) are
/// written by the same writer as `tarikh run`'s. Errors name the table and the line.
pub fn json_to_csv<'a>(table: &str, lines: impl IntoIterator<Item = &'a str>, excel: bool) -> anyhow::Result<Vec<u8>> {
    fn parse<'a, R: Record>(lines: impl IntoIterator<Item = &'a str>, excel: bool) -> anyhow::Result<Vec<u8>> {
        let rows = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| serde_json::from_str::<R>(l).map_err(|e| anyhow::anyhow!("{} record {}: {e}; expected an object with the fields {}", R::TABLE, i + 1, R::FIELDS.join(", "))))
            .collect::<anyhow::Result<Vec<R>>>()?;
        to_csv(&rows, excel)
    }
    match table {
        DocumentRecord::TABLE => parse::<DocumentRecord>(lines, excel),
        TimexRecord::TABLE => parse::<TimexRecord>(lines, excel),
        MentionRecord::TABLE => parse::<MentionRecord>(lines, excel),
        EventRecord::TABLE => parse::<EventRecord>(lines, excel),
        RelationRecord::TABLE => parse::<RelationRecord>(lines, excel),
        ConflictRecord::TABLE => parse::<ConflictRecord>(lines, excel),
        other => anyhow::bail!("no table named `{other}`; the tables are {}", TABLES.join(", ")),
    }
}

/// The column names of the table named `table`, or `None` when there is no such table.
pub fn fields(table: &str) -> Option<&'static [&'static str]> {
    Some(match table {
        DocumentRecord::TABLE => DocumentRecord::FIELDS,
        TimexRecord::TABLE => TimexRecord::FIELDS,
        MentionRecord::TABLE => MentionRecord::FIELDS,
        EventRecord::TABLE => EventRecord::FIELDS,
        RelationRecord::TABLE => RelationRecord::FIELDS,
        ConflictRecord::TABLE => ConflictRecord::FIELDS,
        _ => return None,
    })
}

/// A temporal expression with its document, as every output shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// IANA name of the zone the text itself states for the expression («بتوقيت مكة» →
    /// Asia/Riyadh, «بتوقيت غرينتش» → UTC); empty when it states none (the document's zone is in
    /// documents.csv). Last, so that readers of the older columns keep their positions.
    pub timezone: String,
}

impl TimexRecord {
    /// Column names, in order (the header of `timex.csv`).
    pub const COLUMNS: [&'static str; 12] = ["doc", "start", "end", "text", "type", "value", "anchor", "rule", "mod", "interval_start", "interval_end", "timezone"];

    /// The cells of a CSV row, in [`Self::COLUMNS`] order.
    pub fn cells(&self) -> Vec<String> {
        vec![self.doc.clone(), self.start.to_string(), self.end.to_string(), self.text.clone(), self.kind.clone(), self.value.clone(), self.anchor.clone(), self.rule.clone(), self.modifier.clone(), self.interval_start.clone(), self.interval_end.clone(), self.timezone.clone()]
    }

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
            timezone: t.timezone.map(|z| z.name().to_string()).unwrap_or_default(),
        }
    }
}

impl Record for TimexRecord {
    const TABLE: &'static str = "timex";
    const FIELDS: &'static [&'static str] = &Self::COLUMNS;
    fn row(&self) -> Vec<String> {
        self.cells()
    }
}

/// The temporal expressions of one anchored document, in text order.
pub fn timex_records(doc: &AnchoredDocument) -> Vec<TimexRecord> {
    doc.timexes.iter().map(|t| TimexRecord::new(&doc.id, t)).collect()
}

/// Write the JSON object of [`TimexRecord::new`]`(doc, t)` to `out`, byte for byte what
/// `serde_json::to_writer` writes for it, without making the record (a dozen strings a
/// temporal expression) first: `tarikh tag` writes one for every expression it finds.
pub fn write_timex_json(out: &mut Vec<u8>, doc: &str, t: &Timex) {
    out.extend_from_slice(b"{\"doc\":");
    json_string(out, doc);
    out.extend_from_slice(b",\"start\":");
    json_number(out, t.start);
    out.extend_from_slice(b",\"end\":");
    json_number(out, t.end);
    out.extend_from_slice(b",\"text\":");
    json_string(out, &t.text);
    out.extend_from_slice(b",\"type\":");
    json_string(out, t.kind.as_str());
    out.extend_from_slice(b",\"value\":");
    json_string(out, &t.value);
    out.extend_from_slice(b",\"anchor\":");
    json_string(out, t.anchor.as_str());
    out.extend_from_slice(b",\"rule\":");
    json_string(out, &t.rule);
    out.extend_from_slice(b",\"mod\":");
    json_string(out, t.modifier.as_deref().unwrap_or_default());
    // (an ISO time holds nothing to escape)
    let bound = |out: &mut Vec<u8>, t: Option<&chrono::DateTime<chrono::FixedOffset>>| {
        out.push(b'"');
        if let Some(t) = t {
            crate::timefmt::write_iso(out, t);
        }
        out.push(b'"');
    };
    out.extend_from_slice(b",\"interval_start\":");
    bound(out, t.interval.as_ref().map(|i| &i.start));
    out.extend_from_slice(b",\"interval_end\":");
    bound(out, t.interval.as_ref().map(|i| &i.end));
    out.extend_from_slice(b",\"timezone\":");
    json_string(out, t.timezone.map(|z| z.name()).unwrap_or_default());
    out.push(b'}');
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, the control chars below U+0020
/// as `\b \t \n \f \r` or `\u00xx`, everything else (non-ASCII included) as it is.
fn json_string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let mut rest = s.as_bytes();
    // Copied up to each byte to escape (most strings have none).
    while let Some(k) = first_to_escape(rest) {
        out.extend_from_slice(&rest[..k]);
        match rest[k] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
            }
        }
        rest = &rest[k + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// The offset of the first byte of `bytes` that a JSON string escapes (below 0x20, `"` or `\\`).
/// Eight bytes are tested at once while none of them is one (each output record's strings are
/// mostly clean); the block that holds one, and the last few bytes, byte by byte.
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `x` is zero / below `n` (n <= 0x80): the usual word tests, which can only
    // err by flagging a byte above one that truly is, so a clear result is exact.
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let has_below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let mut at = 0;
    while let Some(block) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
        if has_below(x, 0x20) || has_zero(x ^ (ONES * u64::from(b'"'))) || has_zero(x ^ (ONES * u64::from(b'\\'))) {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map(|k| at + k)
}

/// A non-negative integer in decimal.
fn json_number(out: &mut Vec<u8>, n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[k..]);
}

/// One input document and what became of it: a row of `documents.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Document id.
    pub doc: String,
    /// Publication day (`YYYY-MM-DD`); `None` when it is unknown or the document could not be read.
    pub published_at: Option<String>,
    /// Where the day came from: `metadata`, `inferred`, `default` (the `--fallback-date` given)
    /// or `unknown`; `None` when unread.
    pub basis: Option<String>,
    /// Length of the text in characters.
    pub chars: usize,
    /// Number of temporal expressions.
    pub timexes: usize,
    /// Number of event mentions.
    pub events: usize,
    /// IANA zone the document was read in; `None` when unread.
    pub timezone: Option<String>,
    /// What the publication day was inferred from (empty for metadata).
    pub evidence: String,
    /// `ok`, `ok; WARNING` or `error: REASON`.
    pub status: String,
    /// The story the document was grouped into (`S1`, `S2` …); empty when unread.
    pub story: String,
    /// Where the zone came from: `metadata`, `option`, `dateline`, `places`, `story` or `default`;
    /// `None` when unread.
    pub timezone_basis: Option<String>,
    /// What the zone was read from (the dateline or the places named), empty when nothing.
    pub timezone_evidence: String,
    /// The words the articles of its story share most, as written, joined by «، » («درنة، دانيال،
    /// السدين»): what tells a reader which story `story` is. Empty when unread.
    pub story_words: String,
}

impl Record for DocumentRecord {
    const TABLE: &'static str = "documents";
    const FIELDS: &'static [&'static str] = &["doc", "published_at", "basis", "chars", "timexes", "events", "timezone", "evidence", "status", "story", "timezone_basis", "timezone_evidence", "story_words"];
    fn row(&self) -> Vec<String> {
        vec![
            self.doc.clone(),
            self.published_at.clone().unwrap_or_default(),
            self.basis.clone().unwrap_or_default(),
            self.chars.to_string(),
            self.timexes.to_string(),
            self.events.to_string(),
            self.timezone.clone().unwrap_or_default(),
            self.evidence.clone(),
            self.status.clone(),
            self.story.clone(),
            self.timezone_basis.clone().unwrap_or_default(),
            self.timezone_evidence.clone(),
            self.story_words.clone(),
        ]
    }
}

/// One event mention in one document: a row of `event_mentions.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Document id.
    pub doc: String,
    /// Start offset of the trigger (code points).
    pub start: usize,
    /// End offset of the trigger (code points, exclusive).
    pub end: usize,
    /// The trigger as written.
    pub trigger: String,
    /// Event type from the lexicon.
    pub event_type: String,
    /// TIMEX3 value of the expression that dates it (`START/END` for an event told over a range
    /// of dates or hours), empty when none does.
    pub time_value: String,
    /// The timeline event it was merged into, empty when none.
    pub event_id: String,
}

impl Record for MentionRecord {
    const TABLE: &'static str = "event_mentions";
    const FIELDS: &'static [&'static str] = &["doc", "start", "end", "trigger", "event_type", "time_value", "event_id"];
    fn row(&self) -> Vec<String> {
        vec![self.doc.clone(), self.start.to_string(), self.end.to_string(), self.trigger.clone(), self.event_type.clone(), self.time_value.clone(), self.event_id.clone()]
    }
}

/// One reconciled event: a row of `timeline.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Event id (`E1` …).
    pub event_id: String,
    /// Event type from the lexicon.
    pub event_type: String,
    /// A label taken from its mentions.
    pub label: String,
    /// Earliest start (ISO 8601 with offset); `None` when open.
    pub earliest_start: Option<String>,
    /// Latest start; `None` when open.
    pub latest_start: Option<String>,
    /// Earliest end; `None` when open.
    pub earliest_end: Option<String>,
    /// Latest end; `None` when open.
    pub latest_end: Option<String>,
    /// Granularity of the bounds.
    pub granularity: String,
    /// Documents that mention it, joined by `;`.
    pub docs: String,
    /// Number of mentions.
    pub mentions: usize,
    /// The mentions as `doc:start-end`, joined by `;`.
    pub evidence: String,
    /// Status of its bounds.
    pub status: String,
    /// How much the event matters to its story (more documents and mentions, a date stated
    /// outright), for sorting to the headline events.
    pub importance: u32,
    /// The story its documents were grouped into (`S1` …).
    pub story: String,
}

impl Record for EventRecord {
    const TABLE: &'static str = "timeline";
    const FIELDS: &'static [&'static str] = &["event_id", "event_type", "label", "earliest_start", "latest_start", "earliest_end", "latest_end", "granularity", "docs", "mentions", "evidence", "status", "importance", "story"];
    fn row(&self) -> Vec<String> {
        let open = |t: &Option<String>| t.clone().unwrap_or_default();
        vec![
            self.event_id.clone(),
            self.event_type.clone(),
            self.label.clone(),
            open(&self.earliest_start),
            open(&self.latest_start),
            open(&self.earliest_end),
            open(&self.latest_end),
            self.granularity.clone(),
            self.docs.clone(),
            self.mentions.to_string(),
            self.evidence.clone(),
            self.status.clone(),
            self.importance.to_string(),
            self.story.clone(),
        ]
    }
}

/// A relation a text states between two events: a row of `relations.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRecord {
    /// The event the relation starts from.
    pub source_event: String,
    /// BEFORE, AFTER, INCLUDES, …
    pub relation: String,
    /// The event it points to.
    pub target_event: String,
    /// Smallest gap as an ISO 8601 duration (`PT48H`); `None` when unbounded.
    pub offset_min: Option<String>,
    /// Largest gap; `None` when unbounded.
    pub offset_max: Option<String>,
    /// Document that states it.
    pub doc: String,
    /// Start offset of the evidence (code points).
    pub start: usize,
    /// End offset of the evidence (code points, exclusive).
    pub end: usize,
    /// The evidence as written.
    pub evidence: String,
    /// The story of the document stating it.
    pub story: String,
}

impl Record for RelationRecord {
    const TABLE: &'static str = "relations";
    const FIELDS: &'static [&'static str] = &["source_event", "relation", "target_event", "offset_min", "offset_max", "doc", "start", "end", "evidence", "story"];
    fn row(&self) -> Vec<String> {
        vec![
            self.source_event.clone(),
            self.relation.clone(),
            self.target_event.clone(),
            self.offset_min.clone().unwrap_or_default(),
            self.offset_max.clone().unwrap_or_default(),
            self.doc.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.evidence.clone(),
            self.story.clone(),
        ]
    }
}

/// A contradiction between the sources: a row of `conflicts.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictRecord {
    /// Conflict id (`C1` …).
    pub conflict_id: String,
    /// What kind of contradiction.
    pub kind: String,
    /// Documents involved, joined by `;`.
    pub docs: String,
    /// The evidence as `doc:start-end «text»`, joined by ` | `.
    pub evidence: String,
    /// What was kept, and why.
    pub resolution: String,
    /// Ids of the timeline events the contradiction involves, joined by `;`.
    pub events: String,
    /// The story of the documents involved.
    pub story: String,
}

impl Record for ConflictRecord {
    const TABLE: &'static str = "conflicts";
    const FIELDS: &'static [&'static str] = &["conflict_id", "kind", "docs", "evidence", "resolution", "events", "story"];
    fn row(&self) -> Vec<String> {
        vec![self.conflict_id.clone(), self.kind.clone(), self.docs.clone(), self.evidence.clone(), self.resolution.clone(), self.events.clone(), self.story.clone()]
    }
}

/// Every table of a run, as records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tables {
    /// `documents.csv`: one row per input document, failed ones included, in input order.
    pub documents: Vec<DocumentRecord>,
    /// `timex.csv`.
    pub timex: Vec<TimexRecord>,
    /// `event_mentions.csv`.
    pub event_mentions: Vec<MentionRecord>,
    /// `timeline.csv`.
    pub timeline: Vec<EventRecord>,
    /// `relations.csv`.
    pub relations: Vec<RelationRecord>,
    /// `conflicts.csv`.
    pub conflicts: Vec<ConflictRecord>,
}

impl Tables {
    /// Build every table from the outcomes of a run and their analysis.
    pub fn new(outcomes: &[DocOutcome], analysis: &Analysis<'_>) -> Tables {
        Tables {
            documents: document_records(outcomes, &analysis.events),
            timex: analysis.docs.iter().flat_map(|d| timex_records(d)).collect(),
            event_mentions: analysis.docs.iter().zip(&analysis.events).flat_map(|(d, ev)| mention_records(d, ev, &analysis.timeline)).collect(),
            timeline: event_records(&analysis.timeline),
            relations: relation_records(&analysis.timeline),
            conflicts: conflict_records(&analysis.timeline),
        }
    }

    /// The table named `table` (see [`TABLES`]) as CSV bytes, as `tarikh run` writes it.
    pub fn csv(&self, table: &str, excel: bool) -> anyhow::Result<Vec<u8>> {
        match table {
            DocumentRecord::TABLE => to_csv(&self.documents, excel),
            TimexRecord::TABLE => to_csv(&self.timex, excel),
            MentionRecord::TABLE => to_csv(&self.event_mentions, excel),
            EventRecord::TABLE => to_csv(&self.timeline, excel),
            RelationRecord::TABLE => to_csv(&self.relations, excel),
            ConflictRecord::TABLE => to_csv(&self.conflicts, excel),
            other => anyhow::bail!("no table named `{other}`; the tables are {}", TABLES.join(", ")),
        }
    }

    /// The table named `table` as JSON objects, one per row.
    pub fn json(&self, table: &str) -> anyhow::Result<Vec<String>> {
        fn lines<R: Record>(rows: &[R]) -> anyhow::Result<Vec<String>> {
            rows.iter().map(|r| serde_json::to_string(r).map_err(anyhow::Error::from)).collect()
        }
        match table {
            DocumentRecord::TABLE => lines(&self.documents),
            TimexRecord::TABLE => lines(&self.timex),
            MentionRecord::TABLE => lines(&self.event_mentions),
            EventRecord::TABLE => lines(&self.timeline),
            RelationRecord::TABLE => lines(&self.relations),
            ConflictRecord::TABLE => lines(&self.conflicts),
            other => anyhow::bail!("no table named `{other}`; the tables are {}", TABLES.join(", ")),
        }
    }
}

/// One row per input document (failed ones included), in input order; `events` is parallel to the
/// documents that were read.
pub fn document_records(outcomes: &[DocOutcome], events: &[DocEvents]) -> Vec<DocumentRecord> {
    let mut read = events.iter();
    outcomes
        .iter()
        .map(|o| {
            let mentions = match o {
                DocOutcome::Done(..) => read.next().map_or(0, |ev| ev.mentions.len()),
                DocOutcome::Failed { .. } => 0,
            };
            document_record(o, mentions)
        })
        .collect()
}

/// Between the words of `story_words` (the Arabic comma, as a reader lists words).
pub const STORY_WORD_SEPARATOR: &str = "، ";

/// The publication as `documents.csv` writes it: the day (`2017-05-06`), or the day and time with
/// the zone's offset that day (`2017-05-06T10:30+02:00`) when the time was given, so that a time
/// given in docs.csv is not lost on the way out; empty when the day is unknown.
pub fn publication_stamp(p: &tarikh_anchor::Publication) -> Option<String> {
    let day = p.known_date()?;
    let Some(time) = p.time else { return Some(day.format("%Y-%m-%d").to_string()) };
    use chrono::{Timelike, TimeZone};
    let clock = if time.second() == 0 { "%Y-%m-%dT%H:%M" } else { "%Y-%m-%dT%H:%M:%S" };
    let local = day.and_time(time);
    let stamp = match p.timezone.from_local_datetime(&local).earliest() {
        Some(t) => t.fixed_offset().format(&format!("{clock}%:z")).to_string(),
        // A wall time that does not exist that day (a clock moved forward): the time as given.
        None => local.format(clock).to_string(),
    };
    Some(stamp)
}

/// The row of one input document, read (with `events` event mentions) or not.
pub fn document_record(outcome: &DocOutcome, events: usize) -> DocumentRecord {
    match outcome {
        DocOutcome::Done(d, warning) => DocumentRecord {
            doc: d.id.clone(),
            published_at: publication_stamp(&d.publication),
            basis: Some(d.publication.basis.as_str().into()),
            chars: d.original.chars().count(),
            timexes: d.timexes.len(),
            events,
            timezone: Some(d.publication.timezone.name().into()),
            evidence: d.publication.evidence.clone(),
            status: warning.as_ref().map(|w| format!("ok; {w}")).unwrap_or_else(|| "ok".into()),
            story: d.story.clone(),
            timezone_basis: Some(d.publication.zone_source.basis.as_str().into()),
            timezone_evidence: d.publication.zone_source.evidence.clone(),
            story_words: d.story_words.join(STORY_WORD_SEPARATOR),
        },
        DocOutcome::Failed { id, reason } => DocumentRecord {
            doc: id.clone(),
            published_at: None,
            basis: None,
            chars: 0,
            timexes: 0,
            events: 0,
            timezone: None,
            evidence: String::new(),
            status: format!("error: {reason}"),
            story: String::new(),
            timezone_basis: None,
            timezone_evidence: String::new(),
            story_words: String::new(),
        },
    }
}

/// The TIMEX3 value that dates mention `m`: its own expression's, or, for an event the text
/// tells over a range («من 1 إلى 10 يونيو»، «من الثامنة صباحا حتى التاسعة مساء»), the range's
/// two ends joined as an ISO 8601 interval `START/END` (the form `parse` answers a range in), as
/// the start alone would tell a reader the event took one day. Empty when no expression dates it
/// (a lone «حتى Y» bounds only its end).
fn mention_time_value(doc: &AnchoredDocument, m: &tarikh_events::EventMention) -> String {
    let value = |ti: Option<usize>| ti.and_then(|ti| doc.timexes.get(ti)).map(|t| t.value.clone());
    match (value(m.time), value(m.until)) {
        (Some(start), Some(end)) if end != start => format!("{start}/{end}"),
        (Some(start), _) => start,
        (None, _) => String::new(),
    }
}

/// The event mentions of one document, with the value that dates each and its timeline event.
pub fn mention_records(doc: &AnchoredDocument, events: &DocEvents, timeline: &Timeline) -> Vec<MentionRecord> {
    events
        .mentions
        .iter()
        .enumerate()
        .map(|(mi, m)| MentionRecord {
            doc: doc.id.clone(),
            start: m.start,
            end: m.end,
            trigger: m.trigger.clone(),
            event_type: m.event_type.clone(),
            time_value: mention_time_value(doc, m),
            event_id: timeline.event_of(&doc.id, mi).unwrap_or_default().to_string(),
        })
        .collect()
}

/// The reconciled events, in timeline order.
pub fn event_records(timeline: &Timeline) -> Vec<EventRecord> {
    let bound = |t: &Option<chrono::DateTime<chrono::FixedOffset>>| Some(opt_iso(t)).filter(|s| !s.is_empty());
    timeline
        .events
        .iter()
        .map(|e| EventRecord {
            event_id: e.id.clone(),
            event_type: e.event_type.clone(),
            label: e.label.clone(),
            earliest_start: bound(&e.earliest_start),
            latest_start: bound(&e.latest_start),
            earliest_end: bound(&e.earliest_end),
            latest_end: bound(&e.latest_end),
            granularity: e.granularity.clone(),
            docs: e.docs.join(";"),
            mentions: e.mentions.len(),
            evidence: e.mentions.iter().map(|(d, s, en)| format!("{d}:{s}-{en}")).collect::<Vec<_>>().join(";"),
            status: e.status.clone(),
            importance: e.importance,
            story: e.story.clone(),
        })
        .collect()
}

/// The relations between events the texts state.
pub fn relation_records(timeline: &Timeline) -> Vec<RelationRecord> {
    timeline
        .relations
        .iter()
        .map(|r| RelationRecord {
            source_event: r.source_event.clone(),
            relation: r.relation.clone(),
            target_event: r.target_event.clone(),
            offset_min: r.offset_min_seconds.map(iso_duration),
            offset_max: r.offset_max_seconds.map(iso_duration),
            doc: r.doc.clone(),
            start: r.start,
            end: r.end,
            evidence: r.evidence_text.clone(),
            story: r.story.clone(),
        })
        .collect()
}

/// The contradictions found between the sources.
pub fn conflict_records(timeline: &Timeline) -> Vec<ConflictRecord> {
    timeline
        .conflicts
        .iter()
        .map(|c| ConflictRecord {
            conflict_id: c.id.clone(),
            kind: c.kind.clone(),
            docs: c.docs.join(";"),
            evidence: c.evidence.iter().map(|(d, s, e, t)| format!("{d}:{s}-{e} «{t}»")).collect::<Vec<_>>().join(" | "),
            resolution: c.resolution.clone(),
            events: c.events.join(";"),
            story: c.story.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_told_over_a_range_shows_both_ends_in_its_mention() {
        use crate::corpus::InputDoc;
        let doc = |id: &str, text: &str| InputDoc { id: id.into(), origin: format!("{id}.txt"), text: Ok(text.into()), file: None, released: None, published: chrono::NaiveDate::from_ymd_opt(2024, 5, 2), published_time: None, timezone: None, country: None, metadata_warning: None };
        let docs = [doc("a", "تنظم الوزارة مهرجان الفيلم من 5 إلى 10 مايو 2024 في العاصمة."), doc("b", "افتتحت الوزارة مهرجان الفيلم يوم 5 مايو 2024 في العاصمة.")];
        let settings = crate::process::Settings::new(crate::load_grammar(None).expect("grammar"));
        let lexicon = crate::load_events(None).expect("lexicon");
        let outcomes = crate::process::process_all(&settings, &docs);
        let analysis = crate::analysis::analyse(&outcomes, &lexicon);
        let rows = |d: usize| mention_records(&analysis.docs[d], &analysis.events[d], &analysis.timeline);
        let festival = |d: usize| rows(d).into_iter().find(|r| r.trigger.contains("مهرجان")).unwrap_or_else(|| panic!("{:?}", rows(d)));
        assert_eq!(festival(0).time_value, "2024-05-05/2024-05-10");
        // must not change: one day is one value
        assert_eq!(festival(1).time_value, "2024-05-05");
    }

    #[test]
    fn records_round_trip_through_json_into_the_same_csv() {
        let rows = vec![EventRecord {
            event_id: "E1".into(),
            event_type: "vote".into(),
            label: "=التصويت, \"الثاني\"".into(),
            earliest_start: Some("2017-05-07T08:00+02:00".into()),
            latest_start: None,
            earliest_end: None,
            latest_end: Some("2017-05-07T20:00+02:00".into()),
            granularity: "hour".into(),
            docs: "000;001".into(),
            mentions: 2,
            evidence: "000:1-5;001:7-9".into(),
            status: "dated".into(),
            importance: 7,
            story: "S1".into(),
        }];
        let direct = to_csv(&rows, false).unwrap();
        let json: Vec<String> = rows.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
        let via_json = json_to_csv("timeline", json.iter().map(String::as_str), false).unwrap();
        assert_eq!(direct, via_json);
        let text = String::from_utf8(direct).unwrap();
        assert!(text.starts_with("event_id,event_type,label,earliest_start"));
        assert!(text.contains("E1,vote,\"'=التصويت, \"\"الثاني\"\"\",2017-05-07T08:00+02:00,,,2017-05-07T20:00+02:00,hour,000;001,2,"), "{text}");
    }

    #[test]
    fn json_strings_are_what_serde_json_writes_whatever_the_byte_to_escape_and_where() {
        let specials = ["\"", "\\", "\n", "\t", "\r", "\u{8}", "\u{c}", "\u{0}", "\u{1f}"];
        let plain = ["", "a", " ", "\u{20}", "\u{7f}", "!", "]", "ي", "é", "🙂", "\u{5b}", "\u{5d}", "#", "<"];
        for special in specials {
            for (p, fill) in plain.iter().enumerate() {
                for before in 0..20 {
                    for after in [0, 1, 7, 9] {
                        let s = format!("{}{special}{}{special}", fill.repeat(before), plain[(p + 3) % plain.len()].repeat(after));
                        for text in [s.as_str(), &s[..s.len() - special.len()], &fill.repeat(before)] {
                            let mut ours = Vec::new();
                            json_string(&mut ours, text);
                            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(text).unwrap(), "{text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn timex_json_is_what_serde_json_writes_for_the_record() {
        use chrono::TimeZone;
        use tarikh_anchor::{AnchorKind, Interval, TimexType};
        let zone = chrono::FixedOffset::east_opt(3 * 3600).expect("an offset");
        let interval = Interval { start: zone.with_ymd_and_hms(2024, 3, 10, 0, 0, 0).unwrap(), end: zone.with_ymd_and_hms(2024, 3, 11, 0, 0, 0).unwrap() };
        let awkward = "«يوم \"الأحد\"»\\ \n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f} é 🙂 </script>";
        let kinds = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set];
        let anchors = [AnchorKind::Dct, AnchorKind::Explicit, AnchorKind::Narrative, AnchorKind::Event];
        for (k, (kind, anchor)) in kinds.into_iter().zip(anchors).enumerate() {
            let t = Timex {
                start: k * 1_000_003,
                end: k * 1_000_003 + 17,
                byte_range: 0..1,
                text: if k % 2 == 0 { awkward.into() } else { "غدا".into() },
                kind,
                value: "2024-03-10".into(),
                modifier: (k % 2 == 1).then(|| "APPROX".into()),
                anchor,
                rule: format!("rule_{k}\""),
                interval: (k < 2).then_some(interval),
                duration_seconds: None,
                event_offset: None,
                timezone: (k == 1).then_some(chrono_tz::Asia::Riyadh),
            };
            let doc = if k == 3 { "" } else { "doc \"1\"\n" };
            let mut ours = Vec::new();
            write_timex_json(&mut ours, doc, &t);
            let theirs = serde_json::to_vec(&TimexRecord::new(doc, &t)).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
        }
    }

    #[test]
    fn a_bad_record_or_table_is_named() {
        let e = json_to_csv("timex", ["{\"doc\":\"a\"}"], false).unwrap_err().to_string();
        assert!(e.contains("timex record 1") && e.contains("start"), "{e}");
        let e = json_to_csv("events", [], false).unwrap_err().to_string();
        assert!(e.contains("no table named `events`") && e.contains("timeline"), "{e}");
    }

    #[test]
    fn every_table_has_its_fields() {
        for t in TABLES {
            assert!(fields(t).is_some_and(|f| !f.is_empty()), "{t}");
        }
        assert_eq!(fields("timex"), Some(&TimexRecord::COLUMNS[..]));
    }
}
