//! Score structures and their text / JSON rendering.

use std::fmt::Write as _;

use serde::Serialize;

/// Ratio helper: `num/den`, or `if_empty` when `den == 0`.
pub(crate) fn ratio(num: usize, den: usize, if_empty: f64) -> f64 {
    if den == 0 {
        if_empty
    } else {
        num as f64 / den as f64
    }
}

/// Harmonic mean of precision and recall (0 when both are 0).
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Precision / recall / F1 with the underlying counts.
///
/// `precision = correct/system`, `recall = correct/gold`. A ratio with a zero denominator is 1.0
/// when both gold and system are empty (nothing to find, nothing wrong) and 0.0 otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prf {
    /// Number of matched items.
    pub correct: usize,
    /// Number of gold items.
    pub gold: usize,
    /// Number of system items.
    pub system: usize,
    /// correct / system.
    pub precision: f64,
    /// correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// Computes the scores from counts; `correct_sys` system items and `correct_gold` gold items
    /// were matched (they differ only when matching is not one-to-one).
    pub fn from_counts(correct_gold: usize, correct_sys: usize, gold: usize, system: usize) -> Prf {
        let both_empty = if gold == 0 && system == 0 { 1.0 } else { 0.0 };
        let precision = ratio(correct_sys, system, both_empty);
        let recall = ratio(correct_gold, gold, both_empty);
        Prf { correct: correct_gold, gold, system, precision, recall, f1: f1(precision, recall) }
    }
}

/// TempEval-3 attribute score (type or value) over the relaxed matches.
///
/// `precision = correct/#system timexes`, `recall = correct/#gold timexes`, `f1` harmonic,
/// `accuracy = correct/#relaxed matches` (1.0 when there are no matches and no timexes at all).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttrScore {
    /// Relaxed matches whose attribute is equal (exact string equality).
    pub correct: usize,
    /// Number of relaxed matches.
    pub matched: usize,
    /// Attribute precision.
    pub precision: f64,
    /// Attribute recall.
    pub recall: f64,
    /// Attribute F1.
    pub f1: f64,
    /// correct / matched.
    pub accuracy: f64,
}

impl AttrScore {
    pub(crate) fn new(correct: usize, matched: usize, gold: usize, system: usize) -> AttrScore {
        let both_empty = if gold == 0 && system == 0 { 1.0 } else { 0.0 };
        let precision = ratio(correct, system, both_empty);
        let recall = ratio(correct, gold, both_empty);
        AttrScore {
            correct,
            matched,
            precision,
            recall,
            f1: f1(precision, recall),
            accuracy: ratio(correct, matched, both_empty),
        }
    }
}

/// Timex scores for one document (or the whole corpus).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocTimexScores {
    /// Document id (`*` for the corpus).
    pub doc: String,
    /// Strict span match: same start and end.
    pub strict: Prf,
    /// Relaxed span match: overlapping spans, one-to-one.
    pub relaxed: Prf,
    /// TIMEX3 type attribute.
    pub kind: AttrScore,
    /// TIMEX3 value attribute.
    pub value: AttrScore,
}

/// Value accuracy among relaxed matches, broken down by gold TIMEX3 type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeValueScore {
    /// Gold type.
    pub kind: String,
    /// Gold timexes of this type.
    pub gold: usize,
    /// Of which relaxed-matched.
    pub matched: usize,
    /// Of which with the exact gold value.
    pub value_correct: usize,
    /// value_correct / matched.
    pub accuracy: f64,
    /// value_correct / gold.
    pub recall: f64,
}

/// TempEval-3 timex scores for the corpus, with per-document and per-type breakdowns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimexScores {
    /// Strict span P/R/F1.
    pub strict: Prf,
    /// Relaxed span P/R/F1.
    pub relaxed: Prf,
    /// Type attribute scores.
    pub kind: AttrScore,
    /// Value attribute scores.
    pub value: AttrScore,
    /// Per document (sorted by doc id; documents present in gold or system).
    pub per_doc: Vec<DocTimexScores>,
    /// Value accuracy per gold type.
    pub value_per_type: Vec<TypeValueScore>,
}

impl TimexScores {
    /// The corpus-level scores without the per-document rows.
    pub fn summary_json(&self) -> serde_json::Value {
        serde_json::json!({
            "strict": self.strict, "relaxed": self.relaxed, "kind": self.kind, "value": self.value,
            "value_per_type": self.value_per_type,
        })
    }
}

/// Event matching and bounds scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventScores {
    /// Gold events.
    pub gold: usize,
    /// System events.
    pub system: usize,
    /// Gold events found: touched by a system event whose time is compatible (see [`crate::evaluate`]).
    pub found: usize,
    /// found / gold.
    pub found_ratio: f64,
    /// Gold events touched by some system event (evidence overlap), whatever its time.
    pub touched: usize,
    /// System events touching some gold event.
    pub system_touching: usize,
    /// system_touching / system: the share of the timeline's rows that are gold events.
    pub precision: f64,
    /// Gold events touched by exactly one system event.
    pub one_to_one: usize,
    /// one_to_one / gold.
    pub one_to_one_ratio: f64,
    /// Found gold events whose start and end bounds are both correct.
    pub bounds_correct: usize,
    /// bounds_correct / gold.
    pub bounds_correct_ratio: f64,
    /// Found gold events with correct start bounds.
    pub start_correct: usize,
    /// Found gold events with correct end bounds.
    pub end_correct: usize,
    /// System events matched to at least one gold event.
    pub system_matched: usize,
    /// System events matched to two or more gold events (merged events).
    pub system_matching_several: usize,
    /// Gold events whose matched system event also matches another gold event.
    pub gold_on_shared_system_event: usize,
}

/// Relation scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationScores {
    /// Gold relations found / system relations matching some gold relation.
    pub prf: Prf,
    /// System relations that match at least one gold relation.
    pub system_matched: usize,
    /// Gold relations whose two matched system events are linked by any system relation.
    pub pair_found: usize,
    /// pair_found / gold.
    pub pair_recall: f64,
}

/// Conflict scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictScores {
    /// Gold conflicts.
    pub gold: usize,
    /// System conflicts.
    pub system: usize,
    /// Gold conflicts found.
    pub found: usize,
    /// found / gold.
    pub recall: f64,
    /// System conflicts overlapping some gold conflict's evidence.
    pub system_matched: usize,
    /// system_matched / system.
    pub precision: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Ids of the gold conflicts found.
    pub found_ids: Vec<String>,
    /// Ids of the gold conflicts missed.
    pub missed_ids: Vec<String>,
}

/// Timeline scores: events, relations, conflicts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineScores {
    /// Event matching and bounds.
    pub events: EventScores,
    /// Relations.
    pub relations: RelationScores,
    /// Conflicts.
    pub conflicts: ConflictScores,
}

/// A timex as shown in the details (gold text when known).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimexRef {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Gold text (empty for system timexes).
    pub text: String,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One line of the timex alignment: a match, a miss (no system) or a false alarm (no gold).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimexAlignment {
    /// Document id.
    pub doc: String,
    /// Gold timex, if any.
    pub gold: Option<TimexRef>,
    /// System timex, if any.
    pub system: Option<TimexRef>,
    /// Same span exactly.
    pub strict: bool,
    /// Same type (false when unmatched).
    pub kind_ok: bool,
    /// Same value (false when unmatched).
    pub value_ok: bool,
}

/// Per gold event: which system event matched it and whether its bounds are right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDetail {
    /// Gold event id.
    pub id: String,
    /// Gold English label.
    pub label: String,
    /// Matched system event id.
    pub system_id: Option<String>,
    /// The matched system event's time is compatible with the gold's (the event is found).
    pub time_compatible: bool,
    /// Number of system events whose evidence overlaps the gold evidence.
    pub candidates: usize,
    /// Those system events, each with its evidence spans that overlap the gold evidence
    /// (`E013 001:3420-3430`): which rows split a gold event, for `--details`.
    pub candidate_rows: Vec<String>,
    /// Gold evidence spans overlapped by the matched system event.
    pub overlapping_spans: usize,
    /// Start bounds correct.
    pub start_ok: bool,
    /// End bounds correct.
    pub end_ok: bool,
    /// Gold bounds `[earliest_start, latest_start, earliest_end, latest_end]` (RFC 3339, `-` = none).
    pub gold_bounds: [String; 4],
    /// System bounds, same layout (empty when unmatched).
    pub system_bounds: [String; 4],
}

/// Per gold relation: found or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationDetail {
    /// The gold relation as `E11 BEFORE E25 @000:48-102`.
    pub gold: String,
    /// System events matched to source and target.
    pub system_pair: (Option<String>, Option<String>),
    /// Found with the right relation and overlapping evidence.
    pub found: bool,
    /// The two matched system events are linked by some system relation.
    pub pair_found: bool,
}

/// Per system relation: matched to a gold relation or a false alarm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemRelationDetail {
    /// The system relation as `s1 BEFORE s2 @000:48-102`.
    pub system: String,
    /// Gold relations it matches (as `E11 BEFORE E25 @000:48-102`).
    pub matches: Vec<String>,
}

/// Per conflict (gold or system): which counterpart overlapped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictDetail {
    /// Conflict id.
    pub id: String,
    /// Conflict kind.
    pub kind: String,
    /// Ids of the overlapping counterparts (system ids for gold, gold ids for system).
    pub matched_by: Vec<String>,
}

/// The full evaluation result: scores plus per-item details for debugging.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Timex scores.
    pub timex: TimexScores,
    /// Timeline scores.
    pub timeline: TimelineScores,
    /// Timex alignment (matches, misses, false alarms), sorted by doc and offset.
    pub timex_alignment: Vec<TimexAlignment>,
    /// One entry per gold event.
    pub event_details: Vec<EventDetail>,
    /// One entry per gold relation.
    pub relation_details: Vec<RelationDetail>,
    /// One entry per system relation.
    pub system_relation_details: Vec<SystemRelationDetail>,
    /// One entry per gold conflict.
    pub conflict_details: Vec<ConflictDetail>,
    /// One entry per system conflict.
    pub system_conflict_details: Vec<ConflictDetail>,
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn prf_line(p: &Prf) -> String {
    format!("P {:.3} R {:.3} F1 {:.3}", p.precision, p.recall, p.f1)
}

impl Report {
    /// Human-readable text report (what `tarikh eval` prints): a compact aligned table.
    pub fn to_text(&self) -> String {
        let t = &self.timex;
        let e = &self.timeline.events;
        let r = &self.timeline.relations;
        let c = &self.timeline.conflicts;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "timex      strict   {}   ({}/{} gold, {} system)",
            prf_line(&t.strict),
            t.strict.correct,
            t.strict.gold,
            t.strict.system
        );
        let _ = writeln!(s, "           relaxed  {}   ({} matched)", prf_line(&t.relaxed), t.relaxed.correct);
        let _ = writeln!(
            s,
            "           type     F1 {:.3} (accuracy {:.3})   value F1 {:.3} (accuracy {:.3})",
            t.kind.f1, t.kind.accuracy, t.value.f1, t.value.accuracy
        );
        let _ = writeln!(
            s,
            "timeline   events found {}/{} ({})  with correct bounds {}/{} ({})  [start ok {}, end ok {}; {} system events match several gold]",
            e.found,
            e.gold,
            pct(e.found_ratio),
            e.bounds_correct,
            e.gold,
            pct(e.bounds_correct_ratio),
            e.start_correct,
            e.end_correct,
            e.system_matching_several
        );
        let _ = writeln!(
            s,
            "           events precision {:.3} ({}/{} system events touch a gold event)  one-to-one {:.3} ({}/{})  touched {}/{}",
            e.precision, e.system_touching, e.system, e.one_to_one_ratio, e.one_to_one, e.gold, e.touched, e.gold
        );
        let _ = writeln!(
            s,
            "           relations {}   (found {}/{}, system {}/{} matched)  pair recall {:.3} ({}/{})",
            prf_line(&r.prf),
            r.prf.correct,
            r.prf.gold,
            r.system_matched,
            r.prf.system,
            r.pair_recall,
            r.pair_found,
            r.prf.gold
        );
        let ids = if c.found_ids.is_empty() { "-".to_string() } else { c.found_ids.join(" ") };
        let _ = writeln!(
            s,
            "           conflicts found {}/{}: {}   precision {:.3} ({}/{})",
            c.found, c.gold, ids, c.precision, c.system_matched, c.system
        );
        s
    }

    /// Machine-readable JSON of the whole report (scores and details).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Detailed listing of misses and false alarms (`tarikh eval --details`).
    pub fn details_text(&self) -> String {
        let mut s = String::new();
        let t = &self.timex;
        let _ = writeln!(s, "== timex per document");
        let _ = writeln!(s, "doc   gold  sys  strict F1  relaxed P     R     F1   type F1  value F1  value acc");
        for d in &t.per_doc {
            let _ = writeln!(
                s,
                "{:<5} {:>4} {:>4}  {:>9.3}  {:>9.3} {:.3} {:.3}  {:>7.3}  {:>8.3}  {:>9.3}",
                d.doc,
                d.strict.gold,
                d.strict.system,
                d.strict.f1,
                d.relaxed.precision,
                d.relaxed.recall,
                d.relaxed.f1,
                d.kind.f1,
                d.value.f1,
                d.value.accuracy
            );
        }
        let _ = writeln!(s, "== timex value per gold type");
        for v in &t.value_per_type {
            let _ = writeln!(
                s,
                "{:<9} gold {:>3}  matched {:>3}  value ok {:>3}  accuracy {:.3}  recall {:.3}",
                v.kind, v.gold, v.matched, v.value_correct, v.accuracy, v.recall
            );
        }
        let fmt_t = |x: &TimexRef| {
            if x.text.is_empty() {
                format!("{}-{} {} {}", x.start, x.end, x.kind, x.value)
            } else {
                format!("{}-{} «{}» {} {}", x.start, x.end, x.text, x.kind, x.value)
            }
        };
        let _ = writeln!(s, "== timex misses (gold, no system)");
        for a in self.timex_alignment.iter().filter(|a| a.system.is_none()) {
            if let Some(g) = &a.gold {
                let _ = writeln!(s, "  MISS  {}:{}", a.doc, fmt_t(g));
            }
        }
        let _ = writeln!(s, "== timex false alarms (system, no gold)");
        for a in self.timex_alignment.iter().filter(|a| a.gold.is_none()) {
            if let Some(x) = &a.system {
                let _ = writeln!(s, "  FA    {}:{}", a.doc, fmt_t(x));
            }
        }
        let _ = writeln!(s, "== timex matches with a wrong span, type or value");
        for a in &self.timex_alignment {
            if let (Some(g), Some(x)) = (&a.gold, &a.system) {
                if !(a.strict && a.kind_ok && a.value_ok) {
                    let mut flags = Vec::new();
                    if !a.strict {
                        flags.push("span");
                    }
                    if !a.kind_ok {
                        flags.push("type");
                    }
                    if !a.value_ok {
                        flags.push("value");
                    }
                    let _ = writeln!(
                        s,
                        "  {:<16} {}:{}  <- system {}",
                        flags.join("+"),
                        a.doc,
                        fmt_t(g),
                        fmt_t(x)
                    );
                }
            }
        }
        let _ = writeln!(s, "== events (gold bounds es/ls/ee/le vs system)");
        for e in &self.event_details {
            let status = match (&e.system_id, e.start_ok && e.end_ok) {
                (None, _) => "MISSED".to_string(),
                (Some(_), _) if !e.time_compatible => "WRONG TIME".to_string(),
                (Some(_), true) => "ok".to_string(),
                (Some(_), false) => {
                    let mut w = Vec::new();
                    if !e.start_ok {
                        w.push("start");
                    }
                    if !e.end_ok {
                        w.push("end");
                    }
                    format!("BAD {}", w.join("+"))
                }
            };
            let _ = writeln!(
                s,
                "  {:<4} {:<10} sys {:<8} spans {} cand {}  {}",
                e.id,
                status,
                e.system_id.as_deref().unwrap_or("-"),
                e.overlapping_spans,
                e.candidates,
                e.label
            );
            if e.system_id.is_some() && !(e.start_ok && e.end_ok) {
                let _ = writeln!(s, "         gold   {}", e.gold_bounds.join(" "));
                let _ = writeln!(s, "         system {}", e.system_bounds.join(" "));
            }
            if e.candidates > 1 {
                let _ = writeln!(s, "         rows   {}", e.candidate_rows.join(" | "));
            }
        }
        let _ = writeln!(s, "== relations missed");
        for r in self.relation_details.iter().filter(|r| !r.found) {
            let _ = writeln!(
                s,
                "  {}  sys {} / {}{}",
                r.gold,
                r.system_pair.0.as_deref().unwrap_or("-"),
                r.system_pair.1.as_deref().unwrap_or("-"),
                if r.pair_found { "  (pair linked)" } else { "" }
            );
        }
        let _ = writeln!(s, "== system relations not matching any gold relation");
        for r in self.system_relation_details.iter().filter(|r| r.matches.is_empty()) {
            let _ = writeln!(s, "  {}", r.system);
        }
        let _ = writeln!(s, "== conflicts");
        for c in &self.conflict_details {
            let _ = writeln!(
                s,
                "  {:<4} {:<6} {:<24} {}",
                c.id,
                if c.matched_by.is_empty() { "MISSED" } else { "found" },
                c.kind,
                c.matched_by.join(" ")
            );
        }
        for c in self.system_conflict_details.iter().filter(|c| c.matched_by.is_empty()) {
            let _ = writeln!(s, "  FA   system {} ({})", c.id, c.kind);
        }
        s
    }
}
