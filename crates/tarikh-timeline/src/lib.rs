//! One timeline from many articles: cross-document merging of event mentions, a simple temporal
//! network (STN) on petgraph giving each event earliest/latest bounds, and the contradictions.
//!
//! The stages, one module each, run in this order by [`reconcile`]: `flatten` (every mention
//! with its interned type, head, key words and own time), `merge` (mentions of one real event
//! become one event; each event read on its place's clock), `constraints` (own dates, durations,
//! stated relations and start/end marks as difference constraints), `solve` (per component:
//! negative cycles broken, bounds), `conflicts` (every contradiction reported) and `assemble`
//! (rows, labels, ids). `time` reads TIMEX3 values as stretches of time; `stn` is the network.
//!
//! # Central decision
//!
//! Every statement of every article becomes a **difference constraint** `t_j − t_i ≤ w` between
//! time points (minutes from an origin point fixed at 00:00 UTC of the earliest publication
//! date). Each event has a start and an end point. Consistency is "no negative cycle"; the
//! latest bound of a point is its shortest distance from the origin, the earliest bound minus its
//! shortest distance to the origin (the same search on the reversed graph). A negative cycle is a
//! contradiction: the constraints are added strongest first (the weakness order below, reversed),
//! and one that closes a negative cycle with those kept before it — the weakest of that cycle —
//! is dropped and reported with every constraint of the cycle. What is kept is the greedy maximal
//! consistent set: no constraint is dropped that the stronger ones kept allow.
//!
//! ## Constraints
//! * an event's own timex interval `[a, b)` (majority reading, see below): `start ≥ a`,
//!   `end ≤ b` (only `start ≤ b` for open events such as investigations). Parts of day: morning
//!   and dawn 00:00–12:00, afternoon 12:00–18:00, evening 18:00–24:00, night 18:00–06:00 next day;
//!   other values use the anchor stage's interval;
//!   An event its mentions give a start or an end of its own (a date opened by «بدءا من» or a
//!   verb of beginning, «منذ الأحد», «من X حتى Y», «حتى Y», a verb of ending) lasts: a plain
//!   date of it («وصل الوزير … صباح الاثنين» beside «واختتم الوزير زيارته مساء الأربعاء») is a
//!   day it was going on, `start ≤ b` and `end ≥ a`, never its end, and its start only when no
//!   start is stated (the first such day, `start ≥ a`); such days that differ disagree with
//!   nothing. A stated end before one of them, or a stated start after, is a negative cycle;
//! * `start ≤ end` for every event (structural, never dropped);
//! * a duration the text gives the event ("الحداد الوطني ثلاثة أيام"): `lo ≤ end − start ≤ hi`;
//!   when documents give durations that do not overlap, the one most documents agree with is
//!   kept and the others are reported;
//! * `A BEFORE B` with an offset `[min, max]`: `min ≤ B.start − A.start ≤ max` (AFTER mirrored);
//!   without an offset `A.end ≤ B.start`; `INCLUDES`/`IS_INCLUDED` nest the intervals;
//!   `SIMULTANEOUS` makes them overlap (`A.start ≤ B.end`, `B.start ≤ A.end`: events that news
//!   says coincide rarely share both bounds), `BEGINS` the starts (`A.end ≤ B.end`), `ENDS` the ends
//!   (`B.start ≤ A.start`).
//!
//! ## Weakness (which constraint of a cycle is dropped)
//! Ordered by explicitness class first, then number of distinct documents, then number of
//! statements, then the most recently created: event-offset statements ("قبل 48 ساعة من X",
//! "عشية X") < qualitative relations from signals ("إثر", "قبل", "حتى") < dates resolved from
//! another event or from the narrative, and dates the anchor stage flagged (a weekday that does
//! not match its day) < dates resolved from the publication date ("الجمعة", "أمس") < explicit
//! dates ("5 مايو 2017") < structural `start ≤ end` (never dropped).
//!
//! ## Merging
//! Mentions of the same real event become one event (each kept as evidence): same type, and
//! * overlapping times and the same head (trigger stem) or a shared key word; coarse times
//!   (longer than two days) need the head and a key word;
//! * no time on one side: the same head, and a shared key word unless both are in one document
//!   or one side has at most one key word besides its head;
//! * a union is refused when the two clusters' time hulls are more than three days apart, so an
//!   undated mention cannot chain two different dated events together; nor when they are dated
//!   apart at all and their mentions state lengths that cannot agree (a truce of 24 hours from
//!   Wednesday evening and one of 72 hours from Friday morning are two truces, whatever undated
//!   «الهدنة» would fit both);
//! * an undated mention that shares with a precedent (an event another mention dates over a
//!   month before the mention's article) two words no other mention of its group has — the names
//!   of who or where it struck — is that precedent, not its own article's event of the kind;
//! * disjoint times within three days: only the same multi-word head ("الجولة الثانية" on
//!   Saturday in one article and Sunday in four): merged, and the disagreement is reported (the
//!   reading of the most documents wins);
//! * never two clusters that each name as the event's other party a country the other does not
//!   (`EventMention::parties`, found by tarikh-events: the side a win is over, the target of an
//!   attack, a gazetteer place after «على»، «أمام» or «ضد» within five words after the trigger,
//!   in its clause): Morocco's win over Spain and Portugal's over Switzerland are two wins. Only
//!   the party so marked counts, not any place near the trigger: one quake is told as «زلزال
//!   تركيا» and «الزلزال في سوريا»;
//! * never two mentions of one sentence of one document (different triggers there are different
//!   events);
//! * statements and generic events (strict types): never disjoint times, two shared key words
//!   and the same head (or three key words) — except one statement dated on an evening by one
//!   article and on the next day by another (an outlet dates a late statement by the day it
//!   reports it): the same head and a shared key word merge them, the evening is its time and the
//!   next-day reading is reported as a disagreement.
//!
//! To stay near-linear (100 000 synthetic mentions in 1000 documents, 2 % contradicting
//! relations: about 0.95 s of CPU in a release build on a busy 2-core machine, see `tests/scale.rs`),
//! candidates are
//! found through blocking keys (type + day + head, type + day + one of the mention's three rarest
//! key words, type + month + head, type + head, and type + key word for strict types), and
//! each mention is compared only with the last 8 mentions under each key.
//! The network is solved per connected component (events linked by relations, plus the origin):
//! each constraint is added with an incremental propagation that moves only the points it
//! lowers, and the bounds come from a queue-based Bellman–Ford (SPFA); isolated events cost O(1). Everything is sorted by
//! document id then offset first, so the result does not depend on the input order.

#![deny(missing_docs)]

mod assemble;
mod conflicts;
mod constraints;
mod done;
mod evidence;
mod fasthash;
mod flatten;
mod merge;
mod ranges;
mod solve;
mod stn;
mod time;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use tarikh_anchor::AnchoredDocument;
use tarikh_events::DocEvents;

pub use evidence::{Evidence, Span, Spans};

/// One real-world event of the reconciled timeline (a row of `timeline.csv`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimelineEvent {
    /// Stable id "E001", "E002" ... in order of earliest time (then label, then first evidence).
    pub id: String,
    /// Event type from the lexicon (or "generic").
    pub event_type: String,
    /// Arabic label: the most frequent mention label (the longest on a tie).
    pub label: String,
    /// Earliest possible start, in the story zone's offset (None: unbounded).
    pub earliest_start: Option<DateTime<FixedOffset>>,
    /// Latest possible start.
    pub latest_start: Option<DateTime<FixedOffset>>,
    /// Earliest possible end.
    pub earliest_end: Option<DateTime<FixedOffset>>,
    /// Latest possible end.
    pub latest_end: Option<DateTime<FixedOffset>>,
    /// Precision of the event's own time: instant, interval, day, evening, night, morning,
    /// afternoon, month, year, or vague (no own time).
    pub granularity: String,
    /// Documents that mention it, sorted.
    pub docs: Vec<String>,
    /// Evidence: (doc, start, end) of every mention's trigger, original code points.
    pub mentions: Vec<(String, usize, usize)>,
    /// "consistent", "conflict" (part of a reported contradiction) or "unanchored" (no bound).
    pub status: String,
    /// How much the event matters to its story (higher: more documents and mentions, a date stated
    /// outright), for sorting to the headline events.
    pub importance: u32,
    /// The story its documents were grouped into (`AnchoredDocument::story`, as in documents.csv).
    pub story: String,
}

/// One stated relation between two timeline events (a row of `relations.csv`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimelineRelation {
    /// Id of the source event.
    pub source_event: String,
    /// BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGINS or ENDS.
    pub relation: String,
    /// Id of the target event.
    pub target_event: String,
    /// Smallest stated gap in seconds, if any.
    pub offset_min_seconds: Option<i64>,
    /// Largest stated gap in seconds, if any.
    pub offset_max_seconds: Option<i64>,
    /// Document stating it.
    pub doc: String,
    /// Evidence start, original code points.
    pub start: usize,
    /// Evidence end (exclusive), original code points.
    pub end: usize,
    /// The evidence text.
    pub evidence_text: String,
    /// The story of the document stating it.
    pub story: String,
}

/// A contradiction (a row of `conflicts.csv`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict {
    /// "K01", "K02" ...
    pub id: String,
    /// weekday_date_mismatch (and the anchor stage's other kinds), cross_doc_disagreement,
    /// negative_cycle, factual (disagreement inside one document).
    pub kind: String,
    /// Documents involved, sorted (shared strings: a large story's reports name the same
    /// documents over and over).
    #[serde(serialize_with = "evidence::serialize_strs")]
    pub docs: Vec<std::sync::Arc<str>>,
    /// Evidence spans: (doc, start, end, text), shared between the reports that quote them.
    pub evidence: Evidence,
    /// What was kept and what was dropped, and why.
    pub resolution: String,
    /// Ids of the timeline events the contradiction involves, sorted.
    pub events: Vec<String>,
    /// The story of the documents involved.
    pub story: String,
    /// The events involved, as indices of the story's reconciliation (ids are given at the end).
    #[serde(skip)]
    pub(crate) event_index: Vec<usize>,
}

/// Which event a mention became (a column of `event_mentions.csv`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MentionLink {
    /// Document id.
    pub doc: String,
    /// Index in that document's `DocEvents::mentions`.
    pub mention: usize,
    /// Id of the timeline event.
    pub event_id: String,
}

/// The reconciled timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Timeline {
    /// Events ordered by id.
    pub events: Vec<TimelineEvent>,
    /// Stated relations, by document then offset.
    pub relations: Vec<TimelineRelation>,
    /// Contradictions: the anchor stage's, then cross-document disagreements, then cycles.
    pub conflicts: Vec<Conflict>,
    /// Every mention's event, by document then mention index.
    pub mention_events: Vec<MentionLink>,
}

impl Timeline {
    /// The event id of mention `mention` of document `doc`.
    pub fn event_of(&self, doc: &str, mention: usize) -> Option<&str> {
        self.mention_events
            .binary_search_by(|l| (l.doc.as_str(), l.mention).cmp(&(doc, mention)))
            .ok()
            .map(|i| self.mention_events[i].event_id.as_str())
    }
}

// ---------------------------------------------------------------------------------------------

/// The documents of one story, sorted by id (then text), and the origin of the time axis (00:00
/// UTC of the earliest publication day): every time is minutes from it.
pub(crate) struct Input<'a> {
    pub docs: Vec<(&'a AnchoredDocument, &'a DocEvents)>,
    pub origin: DateTime<Utc>,
    /// The story's id (empty: the corpus is one story).
    pub story: &'a str,
    /// How many events the stories before this one have: ids go on from there.
    pub first_event: usize,
}

impl Input<'_> {
    /// Minutes from the origin to `dt`.
    pub(crate) fn minutes(&self, dt: DateTime<FixedOffset>) -> i64 {
        (dt.with_timezone(&Utc) - self.origin).num_minutes()
    }

    /// The id of the document a flattened mention comes from.
    pub(crate) fn doc_id(&self, f: &flatten::Flat) -> String {
        self.docs[f.doc].0.id.clone()
    }
}

/// Reconcile the documents' events into one timeline (see the crate docs for every rule). Each
/// story (`AnchoredDocument::story`) is reconciled on its own, in the order of the story ids:
/// mentions of different stories never merge, relate or contradict each other. Event ids (E001 …)
/// and conflict ids (K01 …) run on across the stories.
pub fn reconcile(docs: &[(&AnchoredDocument, &DocEvents)]) -> Timeline {
    let mut stories: std::collections::BTreeMap<&str, Vec<(&AnchoredDocument, &DocEvents)>> = std::collections::BTreeMap::new();
    for &(d, e) in docs {
        stories.entry(d.story.as_str()).or_default().push((d, e));
    }
    let mut out = Timeline::default();
    for (story, docs) in stories {
        let part = reconcile_one_story(story, &docs, out.events.len(), out.conflicts.len());
        out.events.extend(part.events);
        out.relations.extend(part.relations);
        out.conflicts.extend(part.conflicts);
        out.mention_events.extend(part.mention_events);
    }
    out.mention_events.sort_by(|a, b| (a.doc.as_str(), a.mention).cmp(&(b.doc.as_str(), b.mention)));
    out
}

/// Reconcile the documents of one story (all with `story` as their `AnchoredDocument::story`),
/// numbering its events after the `first_event` events and its conflicts after the
/// `first_conflict` conflicts of the stories before it. Calling it story by story, in the order
/// of the story ids, and concatenating the parts gives what [`reconcile`] gives for all of them
/// at once (`mention_events` sorted per part): a caller that streams an archive story by story
/// holds one story's events at a time, not the archive's.
pub fn reconcile_one_story(story: &str, docs: &[(&AnchoredDocument, &DocEvents)], first_event: usize, first_conflict: usize) -> Timeline {
    let mut part = reconcile_story(story, docs.to_vec(), first_event);
    conflicts::number(&mut part.conflicts, first_conflict);
    part.mention_events.sort_by(|a, b| (a.doc.as_str(), a.mention).cmp(&(b.doc.as_str(), b.mention)));
    part
}

/// Reconcile one story. The stages, in order: flatten the mentions, merge them into events, date
/// each event on its place's clock, state the constraints (own dates, durations, relations,
/// start/end marks), solve the network, and assemble the rows.
fn reconcile_story<'a>(story: &'a str, mut docs: Vec<(&'a AnchoredDocument, &'a DocEvents)>, first_event: usize) -> Timeline {
    docs.sort_by(|a, b| a.0.id.cmp(&b.0.id).then_with(|| a.0.original.cmp(&b.0.original)));
    let Some(first_date) = docs.iter().map(|d| d.0.publication.date).min() else {
        return Timeline::default();
    };
    let origin: DateTime<Utc> = Utc.from_utc_datetime(&first_date.and_hms_opt(0, 0, 0).expect("midnight"));
    let input = Input { docs, origin, story, first_event };
    let flatten::Mentions { mut flat, flat_of, joins, types, type_marks } = flatten::flatten(&input);
    let merge::Clusters { event_of_flat, members } = merge::cluster(&input, &flat, &flat_of, &joins);
    let ne = members.len();
    let zones = merge::place_clocks(&input, &members, &mut flat);

    let mut in_conflict = vec![false; ne];
    let mut conflicts = conflicts::from_anchoring(&input, &flat, &flat_of, &event_of_flat, &mut in_conflict);
    let labels: Vec<String> = members.iter().map(|ms| assemble::label_of(&input, &flat, ms)).collect();

    let mut net = constraints::Network::default();
    let own = constraints::own_times(&input, &flat, &members, &labels, &mut net, &mut conflicts, &mut in_conflict);
    constraints::durations(&input, &flat, &members, &labels, &own.own, &mut net, &mut conflicts, &mut in_conflict);
    ranges::constrain(&input, &flat, &members, &labels, &mut net);
    done::constrain(&input, &flat, &members, &labels, &mut net);
    done::answers(&input, &flat, &flat_of, &event_of_flat, &members, &labels, &mut net);
    let rels = constraints::relations(&input, &flat_of, &event_of_flat, &labels, &mut net, &mut conflicts, &mut in_conflict);
    let kinds: Vec<usize> = members.iter().map(|ms| assemble::majority_type(&input, &flat, ms)).collect();
    constraints::marks(&types, &type_marks, &kinds, &own.own, &labels, &mut net);

    let bounds = solve::solve(ne, &mut net, &mut conflicts, &mut in_conflict);

    let solved = assemble::Solved { members: &members, zones: &zones, gran: &own.gran, bounds: &bounds, labels: &labels, in_conflict: &in_conflict, types: &types };
    let (events, id_of) = assemble::events(&input, &flat, &solved);
    let relations = assemble::relations(&input, &rels, &id_of);
    for c in conflicts.iter_mut() {
        c.story = story.to_string();
        let mut ids: Vec<String> = c.event_index.iter().map(|&e| id_of[e].clone()).filter(|id| !id.is_empty()).collect();
        ids.sort();
        ids.dedup();
        c.events = ids;
    }
    let mention_events = assemble::mention_links(&input, &flat, &event_of_flat, &id_of);
    Timeline { events, relations, conflicts, mention_events }
}
