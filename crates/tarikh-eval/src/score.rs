//! The metrics themselves.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Duration, FixedOffset};

use crate::report::*;
use crate::{Gold, GoldEvent, GoldTimex, SpanRef, SystemEvent, SystemOutput, SystemTimex};

type Dt = DateTime<FixedOffset>;

/// Scores `system` against `gold`.
///
/// **Timex** (TempEval-3). *Strict*: one-to-one matching of identical spans (same doc, start,
/// end). *Relaxed*: one-to-one matching of overlapping spans (same doc, at least one shared code
/// point), built greedily by decreasing overlap length (ties: identical span first, then the pair
/// with the smaller union, then document order). *Type/value*: over the relaxed matches, exact
/// string equality; P = correct/#system, R = correct/#gold, F1 harmonic, accuracy =
/// correct/#relaxed matches.
///
/// **Events.** A system event *touches* a gold event when one of its evidence spans overlaps one
/// of the gold evidence spans. A gold event is *found* when a system event touches it and their
/// times are compatible: the spans they may occupy (earliest start to latest end) overlap, and the
/// system's is at most twice as wide as the gold's plus one hour. Among the touching system events
/// the match is the time-compatible one overlapping the most gold evidence spans; ties go to the
/// better bounds score (number of correct sides, 0-2), then the larger total overlap in code
/// points, then system order. A system event may match several gold events. *Precision* is the
/// share of system events that touch some gold event; *one-to-one* the share of gold events
/// touched by exactly one system event (not split over several rows).
///
/// Gold evidence may be a whole phrase that names other events besides its own («… فتح تحقيق في
/// شكوى ماكرون», «أكد فريق حملة المرشح إلى الانتخابات الرئاسية»; the gold conventions: an event
/// noun phrase inside an expression is an event mention of its own). A system span inside such a
/// phrase counts for the phrase's event unless it names another event: it lies within a smaller
/// evidence span of another gold event, or — past the phrase's first word, which names the
/// phrase's own event — it belongs to a system event that touches another gold event outside
/// this one's evidence (the row of that event), and the gold event has a row of its own besides.
/// A span at the head of the phrase always counts; so does a nested one when no other row
/// touches the event (it is then the only row that tells it).
///
/// **Bounds.** Checked separately for start (`[earliest_start, latest_start]`) and end
/// (`[earliest_end, latest_end]`), with a tolerance of one minute. A side is correct when
/// * gold lower bound present ⇒ system lower bound present and ≥ gold lower − 1 min;
/// * gold upper bound present ⇒ system upper bound present and ≤ gold upper + 1 min;
/// * both system bounds present ⇒ lower ≤ upper + 1 min (no inverted interval).
///
/// A missing gold bound is unbounded on that side (anything, including a missing system bound,
/// is accepted); a missing system bound is accepted only where the gold bound is missing too.
/// When the gold has no end bounds at all the end side is therefore always correct. An event has
/// *correct bounds* when both sides are correct.
///
/// **Relations.** A gold relation `S R T` (evidence `doc:start-end`) is *found* when a system
/// relation in the same doc whose evidence overlaps the gold evidence links m(S) to m(T) with R,
/// or m(T) to m(S) with the inverse of R, where m is the event matching above (relation names
/// compared case-insensitively). Precision counts system relations that match at least one gold
/// relation. *Pair recall*: gold relations where m(S) and m(T) exist and are linked by any system
/// relation, in either direction, with any evidence.
///
/// **Conflicts.** A gold conflict is found when some system conflict (any kind) has an evidence
/// span overlapping one of its evidence spans; precision counts system conflicts overlapping the
/// evidence of some gold conflict.
pub fn evaluate(gold: &Gold, system: &SystemOutput) -> Report {
    let (timex, timex_alignment) = score_timex(&gold.timexes, &system.timexes);
    let ev = score_events(&gold.events, &system.events);
    let (relations, relation_details, system_relation_details) =
        score_relations(gold, system, &ev.matching);
    let (conflicts, conflict_details, system_conflict_details) = score_conflicts(gold, system);
    Report {
        timex,
        timeline: TimelineScores { events: ev.scores, relations, conflicts },
        timex_alignment,
        event_details: ev.details,
        relation_details,
        system_relation_details,
        conflict_details,
        system_conflict_details,
    }
}

// ---------------------------------------------------------------- timex

/// The canonical form of a TIMEX3 value for comparison: a clock time's zone suffix is dropped
/// (`T04:00Z`, `T04:00+03:00` → `T04:00`: the gold conventions compare wall times), an hour alone
/// gains its minutes (`T15` → `T15:00`) and zero seconds are dropped (`T15:00:00` → `T15:00`).
pub fn canonical_value(v: &str) -> std::borrow::Cow<'_, str> {
    let Some(t) = v.find('T') else { return v.into() };
    let (head, time) = v.split_at(t + 1);
    // Only a clock time (digits and colons) is rewritten; TMO, TNI and durations stay as they are.
    let clock_len = time.bytes().take_while(|b| b.is_ascii_digit() || *b == b':').count();
    if clock_len == 0 || head.starts_with('P') {
        return v.into();
    }
    let (clock, zone) = time.split_at(clock_len);
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || ((zone.starts_with('+') || zone.starts_with('-')) && zone[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'));
    if !zone_ok {
        return v.into();
    }
    let mut clock = clock.to_string();
    if clock.len() == 2 {
        clock.push_str(":00");
    }
    if clock.len() == 8 && clock.ends_with(":00") {
        clock.truncate(5);
    }
    format!("{head}{clock}").into()
}

/// Whether a system value equals the gold one, compared in [`canonical_value`] form.
pub fn same_value(gold: &str, system: &str) -> bool {
    gold == system || canonical_value(gold) == canonical_value(system)
}

/// Relaxed one-to-one matching within one document: returns (gold idx, system idx) pairs.
fn relaxed_matching(g: &[&GoldTimex], s: &[&SystemTimex]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, gt) in g.iter().enumerate() {
        for (si, st) in s.iter().enumerate() {
            let lo = gt.start.max(st.start);
            let hi = gt.end.min(st.end);
            if hi > lo {
                let exact = gt.start == st.start && gt.end == st.end;
                let union = gt.end.max(st.end) - gt.start.min(st.start);
                pairs.push((hi - lo, exact, union, gi, si));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)).then(a.4.cmp(&b.4))
    });
    let mut gu = vec![false; g.len()];
    let mut su = vec![false; s.len()];
    let mut out = Vec::new();
    for (_, _, _, gi, si) in pairs {
        if !gu[gi] && !su[si] {
            gu[gi] = true;
            su[si] = true;
            out.push((gi, si));
        }
    }
    out
}

/// Strict one-to-one matching count (identical spans).
fn strict_count(g: &[&GoldTimex], s: &[&SystemTimex]) -> usize {
    let mut avail: HashMap<(usize, usize), usize> = HashMap::new();
    for t in s {
        *avail.entry((t.start, t.end)).or_default() += 1;
    }
    let mut n = 0;
    for t in g {
        if let Some(c) = avail.get_mut(&(t.start, t.end)) {
            if *c > 0 {
                *c -= 1;
                n += 1;
            }
        }
    }
    n
}

#[derive(Default, Clone, Copy)]
struct TimexCounts {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed: usize,
    kind_ok: usize,
    value_ok: usize,
}

impl TimexCounts {
    fn add(&mut self, o: &TimexCounts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.kind_ok += o.kind_ok;
        self.value_ok += o.value_ok;
    }

    fn scores(&self, doc: &str) -> DocTimexScores {
        DocTimexScores {
            doc: doc.to_string(),
            strict: Prf::from_counts(self.strict, self.strict, self.gold, self.system),
            relaxed: Prf::from_counts(self.relaxed, self.relaxed, self.gold, self.system),
            kind: AttrScore::new(self.kind_ok, self.relaxed, self.gold, self.system),
            value: AttrScore::new(self.value_ok, self.relaxed, self.gold, self.system),
        }
    }
}

fn gold_ref(t: &GoldTimex) -> TimexRef {
    TimexRef { start: t.start, end: t.end, text: t.text.clone(), kind: t.kind.clone(), value: t.value.clone() }
}

fn sys_ref(t: &SystemTimex) -> TimexRef {
    TimexRef { start: t.start, end: t.end, text: String::new(), kind: t.kind.clone(), value: t.value.clone() }
}

fn score_timex(gold: &[GoldTimex], system: &[SystemTimex]) -> (TimexScores, Vec<TimexAlignment>) {
    let mut docs: BTreeSet<&str> = gold.iter().map(|t| t.doc.as_str()).collect();
    docs.extend(system.iter().map(|t| t.doc.as_str()));
    let mut total = TimexCounts::default();
    let mut per_doc = Vec::new();
    let mut alignment = Vec::new();
    // per gold type: (gold, matched, value ok)
    let mut per_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for t in gold {
        per_type.entry(t.kind.clone()).or_default().0 += 1;
    }
    for doc in docs {
        let g: Vec<&GoldTimex> = gold.iter().filter(|t| t.doc == doc).collect();
        let s: Vec<&SystemTimex> = system.iter().filter(|t| t.doc == doc).collect();
        let m = relaxed_matching(&g, &s);
        let mut c = TimexCounts {
            gold: g.len(),
            system: s.len(),
            strict: strict_count(&g, &s),
            relaxed: m.len(),
            ..Default::default()
        };
        let mut g_used = vec![false; g.len()];
        let mut s_used = vec![false; s.len()];
        for &(gi, si) in &m {
            let (gt, st) = (g[gi], s[si]);
            g_used[gi] = true;
            s_used[si] = true;
            let kind_ok = gt.kind == st.kind;
            let value_ok = same_value(&gt.value, &st.value);
            c.kind_ok += kind_ok as usize;
            c.value_ok += value_ok as usize;
            let e = per_type.entry(gt.kind.clone()).or_default();
            e.1 += 1;
            e.2 += value_ok as usize;
            alignment.push(TimexAlignment {
                doc: doc.to_string(),
                gold: Some(gold_ref(gt)),
                system: Some(sys_ref(st)),
                strict: gt.start == st.start && gt.end == st.end,
                kind_ok,
                value_ok,
            });
        }
        for (_, gt) in g.iter().enumerate().filter(|(i, _)| !g_used[*i]) {
            alignment.push(TimexAlignment {
                doc: doc.to_string(),
                gold: Some(gold_ref(gt)),
                system: None,
                strict: false,
                kind_ok: false,
                value_ok: false,
            });
        }
        for (_, st) in s.iter().enumerate().filter(|(i, _)| !s_used[*i]) {
            alignment.push(TimexAlignment {
                doc: doc.to_string(),
                gold: None,
                system: Some(sys_ref(st)),
                strict: false,
                kind_ok: false,
                value_ok: false,
            });
        }
        per_doc.push(c.scores(doc));
        total.add(&c);
    }
    alignment.sort_by_key(|a| {
        let r = a.gold.as_ref().or(a.system.as_ref()).map(|r| (r.start, r.end)).unwrap_or((0, 0));
        (a.doc.clone(), r)
    });
    let all = total.scores("*");
    let value_per_type = per_type
        .into_iter()
        .map(|(kind, (g, m, v))| TypeValueScore {
            kind,
            gold: g,
            matched: m,
            value_correct: v,
            accuracy: ratio(v, m, 0.0),
            recall: ratio(v, g, 0.0),
        })
        .collect();
    (
        TimexScores {
            strict: all.strict,
            relaxed: all.relaxed,
            kind: all.kind,
            value: all.value,
            per_doc,
            value_per_type,
        },
        alignment,
    )
}

// ---------------------------------------------------------------- events

/// Checks one side (start or end) of the bounds; see [`evaluate`].
pub(crate) fn side_ok(g_lo: Option<Dt>, g_hi: Option<Dt>, s_lo: Option<Dt>, s_hi: Option<Dt>) -> bool {
    let tol = Duration::minutes(1);
    let lo_ok = match g_lo {
        None => true,
        Some(g) => s_lo.is_some_and(|s| s >= g - tol),
    };
    let hi_ok = match g_hi {
        None => true,
        Some(g) => s_hi.is_some_and(|s| s <= g + tol),
    };
    let order_ok = match (s_lo, s_hi) {
        (Some(a), Some(b)) => a <= b + tol,
        _ => true,
    };
    lo_ok && hi_ok && order_ok
}

fn bounds(g: &GoldEvent, s: &SystemEvent) -> (bool, bool) {
    (
        side_ok(g.earliest_start, g.latest_start, s.earliest_start, s.latest_start),
        side_ok(g.earliest_end, g.latest_end, s.earliest_end, s.latest_end),
    )
}

/// The time span an event may occupy: from its earliest start (or end) to its latest end (or start).
fn hull(es: Option<Dt>, ls: Option<Dt>, ee: Option<Dt>, le: Option<Dt>) -> (Option<Dt>, Option<Dt>) {
    (es.or(ee), le.or(ls))
}

/// Whether a system event's time is compatible with a gold event's: the spans they may occupy
/// overlap, and, when the gold span is bounded, the system's is bounded too and at most twice as
/// wide plus one hour (an event dated only to "some day this year" does not find a dated one).
pub(crate) fn time_compatible(g: &GoldEvent, s: &SystemEvent) -> bool {
    let (glo, ghi) = hull(g.earliest_start, g.latest_start, g.earliest_end, g.latest_end);
    let (slo, shi) = hull(s.earliest_start, s.latest_start, s.earliest_end, s.latest_end);
    let tol = Duration::minutes(1);
    let disjoint = matches!((shi, glo), (Some(a), Some(b)) if a < b - tol) || matches!((ghi, slo), (Some(a), Some(b)) if a < b - tol);
    if disjoint {
        return false;
    }
    match (glo, ghi) {
        (Some(a), Some(b)) => match (slo, shi) {
            (Some(c), Some(d)) => d - c <= (b - a) * 2 + Duration::hours(1),
            _ => false,
        },
        _ => true,
    }
}

fn fmt_dt(d: &Option<Dt>) -> String {
    d.map(|d| d.format("%Y-%m-%dT%H:%M%:z").to_string()).unwrap_or_else(|| "-".into())
}

struct EventResult {
    scores: EventScores,
    details: Vec<EventDetail>,
    /// gold event id -> matched system event id
    matching: HashMap<String, String>,
}

/// Code points of the system span `se` that count for the gold event `g` through its evidence
/// span `ge`: their overlap, unless the part of `se` inside `ge` lies wholly within a smaller
/// evidence span of another gold event nested in `ge`. Gold evidence is often a whole phrase
/// that names another gold event («... بعد نشر هذه الوثائق»): a system mention of that nested
/// event is its mention, not a second row of the phrase's event.
fn attributed_overlap(gold: &[GoldEvent], g: &GoldEvent, ge: &SpanRef, se: &SpanRef) -> usize {
    let shared = se.overlap_len(ge);
    if shared == 0 {
        return 0;
    }
    let (lo, hi) = (se.start.max(ge.start), se.end.min(ge.end));
    let nested_claims = gold.iter().filter(|h| h.id != g.id).any(|h| {
        h.evidence.iter().any(|he| {
            he.doc == ge.doc
                && ge.start <= he.start
                && he.end <= ge.end
                && he.end - he.start < ge.end - ge.start
                && he.start <= lo
                && hi <= he.end
        })
    });
    if nested_claims {
        0
    } else {
        shared
    }
}

/// Per system event: the gold events it touches through a span outside all the evidence of the
/// gold event `g` (see [`attributed_overlap`]), as indices into `gold`.
fn touches_elsewhere(gold: &[GoldEvent], s: &SystemEvent) -> Vec<Vec<usize>> {
    // per span of s: the gold events it touches
    let per_span: Vec<Vec<usize>> = s
        .evidence
        .iter()
        .map(|se| {
            (0..gold.len())
                .filter(|&h| gold[h].evidence.iter().any(|he| attributed_overlap(gold, &gold[h], he, se) > 0))
                .collect()
        })
        .collect();
    (0..gold.len())
        .map(|g| {
            let mut out: Vec<usize> = s
                .evidence
                .iter()
                .zip(&per_span)
                .filter(|(se, _)| !gold[g].evidence.iter().any(|ge| se.overlaps(ge)))
                .flat_map(|(_, hs)| hs.iter().copied())
                .filter(|&h| h != g)
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect()
}

/// [`attributed_overlap`], also leaving out a span past the head of the gold phrase `ge` when its
/// system event is the row of another gold event (`elsewhere`: it touches one outside `g`'s
/// evidence).
fn row_overlap(gold: &[GoldEvent], g: &GoldEvent, ge: &SpanRef, se: &SpanRef, elsewhere: bool) -> usize {
    let shared = attributed_overlap(gold, g, ge, se);
    let past_head = se.doc == ge.doc && ge.start < se.start && se.end <= ge.end;
    if shared > 0 && past_head && elsewhere {
        0
    } else {
        shared
    }
}

fn score_events(gold: &[GoldEvent], system: &[SystemEvent]) -> EventResult {
    let elsewhere: Vec<Vec<Vec<usize>>> = system.iter().map(|s| touches_elsewhere(gold, s)).collect();
    let mut details = Vec::new();
    let mut matching = HashMap::new();
    let mut uses: HashMap<usize, usize> = HashMap::new();
    let mut chosen: Vec<Option<usize>> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        // (time compatible, spans overlapped, bounds score, overlap code points); first with the
        // rows of other gold events named inside this one's phrase left out, then, when no row
        // is left, with them
        let rows_of = |nested_out: bool| {
            let mut best: Option<(usize, usize, usize, usize)> = None;
            let mut best_key = (false, 0usize, 0usize, 0usize);
            let mut candidates = 0;
            let mut candidate_rows = Vec::new();
            for (si, s) in system.iter().enumerate() {
                let other_row = nested_out && !elsewhere[si][gi].is_empty();
                let overlap = |ge: &SpanRef, se: &SpanRef| row_overlap(gold, g, ge, se, other_row);
                let spans = g.evidence.iter().filter(|ge| s.evidence.iter().any(|se| overlap(ge, se) > 0)).count();
                if spans == 0 {
                    continue;
                }
                candidates += 1;
                let touching: Vec<String> = s
                    .evidence
                    .iter()
                    .filter(|se| g.evidence.iter().any(|ge| overlap(ge, se) > 0))
                    .map(|se| format!("{}:{}-{}", se.doc, se.start, se.end))
                    .collect();
                candidate_rows.push(format!("{} {}", s.id, touching.join(" ")));
                let (a, b) = bounds(g, s);
                let bscore = a as usize + b as usize;
                let cp: usize = g.evidence.iter().flat_map(|ge| s.evidence.iter().map(move |se| overlap(ge, se))).sum();
                let key = (time_compatible(g, s), spans, bscore, cp);
                if best.is_none() || key > best_key {
                    best = Some((si, spans, bscore, cp));
                    best_key = key;
                }
            }
            (best, candidates, candidate_rows)
        };
        let (mut best, mut candidates, mut candidate_rows) = rows_of(true);
        if best.is_none() {
            (best, candidates, candidate_rows) = rows_of(false);
        }
        let gb = [
            fmt_dt(&g.earliest_start),
            fmt_dt(&g.latest_start),
            fmt_dt(&g.earliest_end),
            fmt_dt(&g.latest_end),
        ];
        match best {
            Some((si, spans, _, _)) => {
                let s = &system[si];
                let (a, b) = bounds(g, s);
                *uses.entry(si).or_default() += 1;
                chosen.push(Some(si));
                matching.insert(g.id.clone(), s.id.clone());
                details.push(EventDetail {
                    id: g.id.clone(),
                    label: g.label_en.clone(),
                    system_id: Some(s.id.clone()),
                    time_compatible: time_compatible(g, s),
                    candidates,
                    candidate_rows,
                    overlapping_spans: spans,
                    start_ok: a,
                    end_ok: b,
                    gold_bounds: gb,
                    system_bounds: [
                        fmt_dt(&s.earliest_start),
                        fmt_dt(&s.latest_start),
                        fmt_dt(&s.earliest_end),
                        fmt_dt(&s.latest_end),
                    ],
                });
            }
            None => {
                chosen.push(None);
                details.push(EventDetail {
                    id: g.id.clone(),
                    label: g.label_en.clone(),
                    system_id: None,
                    time_compatible: false,
                    candidates: 0,
                    candidate_rows: Vec::new(),
                    overlapping_spans: 0,
                    start_ok: false,
                    end_ok: false,
                    gold_bounds: gb,
                    system_bounds: Default::default(),
                });
            }
        }
    }
    let touched = details.iter().filter(|d| d.system_id.is_some()).count();
    let found = details.iter().filter(|d| d.system_id.is_some() && d.time_compatible).count();
    let one_to_one = details.iter().filter(|d| d.candidates == 1).count();
    let touching = system
        .iter()
        .filter(|s| gold.iter().any(|g| g.evidence.iter().any(|ge| s.evidence.iter().any(|se| se.overlaps(ge)))))
        .count();
    let ok = |f: &dyn Fn(&EventDetail) -> bool| {
        details.iter().filter(|d| d.system_id.is_some() && f(d)).count()
    };
    let bounds_correct = ok(&|d| d.start_ok && d.end_ok);
    let start_correct = ok(&|d| d.start_ok);
    let end_correct = ok(&|d| d.end_ok);
    let gold_shared = chosen.iter().flatten().filter(|si| uses[si] > 1).count();
    let scores = EventScores {
        gold: gold.len(),
        system: system.len(),
        found,
        found_ratio: ratio(found, gold.len(), 1.0),
        touched,
        system_touching: touching,
        precision: ratio(touching, system.len(), if gold.is_empty() { 1.0 } else { 0.0 }),
        one_to_one,
        one_to_one_ratio: ratio(one_to_one, gold.len(), 1.0),
        bounds_correct,
        bounds_correct_ratio: ratio(bounds_correct, gold.len(), 1.0),
        start_correct,
        end_correct,
        system_matched: uses.len(),
        system_matching_several: uses.values().filter(|&&n| n > 1).count(),
        gold_on_shared_system_event: gold_shared,
    };
    EventResult { scores, details, matching }
}

// ---------------------------------------------------------------- relations

/// The TimeML inverse of a relation name (upper-cased); unknown names are their own inverse.
pub(crate) fn inverse(rel: &str) -> String {
    let r = rel.trim().to_ascii_uppercase();
    match r.as_str() {
        "BEFORE" => "AFTER",
        "AFTER" => "BEFORE",
        "IBEFORE" => "IAFTER",
        "IAFTER" => "IBEFORE",
        "INCLUDES" => "IS_INCLUDED",
        "IS_INCLUDED" => "INCLUDES",
        "BEGINS" => "BEGUN_BY",
        "BEGUN_BY" => "BEGINS",
        "ENDS" => "ENDED_BY",
        "ENDED_BY" => "ENDS",
        "DURING" => "DURING_INV",
        "DURING_INV" => "DURING",
        other => other,
    }
    .to_string()
}

fn score_relations(
    gold: &Gold,
    system: &SystemOutput,
    m: &HashMap<String, String>,
) -> (RelationScores, Vec<RelationDetail>, Vec<SystemRelationDetail>) {
    let norm = |r: &str| r.trim().to_ascii_uppercase();
    let mut details = Vec::new();
    let mut sys_matches: Vec<Vec<String>> = vec![Vec::new(); system.relations.len()];
    let mut found = 0;
    let mut pair_found = 0;
    for g in &gold.relations {
        let label = format!("{} {} {} @{}:{}-{}", g.source, g.relation, g.target, g.doc, g.start, g.end);
        let ms = m.get(&g.source);
        let mt = m.get(&g.target);
        let gspan = SpanRef::new(g.doc.clone(), g.start, g.end);
        let grel = norm(&g.relation);
        let ginv = inverse(&g.relation);
        let mut is_found = false;
        let mut is_pair = false;
        if let (Some(ms), Some(mt)) = (ms, mt) {
            for (i, r) in system.relations.iter().enumerate() {
                let fwd = &r.source == ms && &r.target == mt;
                let bwd = &r.source == mt && &r.target == ms;
                if fwd || bwd {
                    is_pair = true;
                }
                let rel = norm(&r.relation);
                let rel_ok = (fwd && rel == grel) || (bwd && rel == ginv);
                if rel_ok && SpanRef::new(r.doc.clone(), r.start, r.end).overlaps(&gspan) {
                    is_found = true;
                    sys_matches[i].push(label.clone());
                }
            }
        }
        found += is_found as usize;
        pair_found += is_pair as usize;
        details.push(RelationDetail {
            gold: label,
            system_pair: (ms.cloned(), mt.cloned()),
            found: is_found,
            pair_found: is_pair,
        });
    }
    let system_matched = sys_matches.iter().filter(|v| !v.is_empty()).count();
    let sys_details = system
        .relations
        .iter()
        .zip(sys_matches)
        .map(|(r, matches)| SystemRelationDetail {
            system: format!("{} {} {} @{}:{}-{}", r.source, r.relation, r.target, r.doc, r.start, r.end),
            matches,
        })
        .collect();
    let n_gold = gold.relations.len();
    let scores = RelationScores {
        prf: Prf::from_counts(found, system_matched, n_gold, system.relations.len()),
        system_matched,
        pair_found,
        pair_recall: ratio(pair_found, n_gold, 1.0),
    };
    (scores, details, sys_details)
}

// ---------------------------------------------------------------- conflicts

fn score_conflicts(
    gold: &Gold,
    system: &SystemOutput,
) -> (ConflictScores, Vec<ConflictDetail>, Vec<ConflictDetail>) {
    let hit = |a: &[SpanRef], b: &[SpanRef]| a.iter().any(|x| b.iter().any(|y| x.overlaps(y)));
    let gd: Vec<ConflictDetail> = gold
        .conflicts
        .iter()
        .map(|g| ConflictDetail {
            id: g.id.clone(),
            kind: g.kind.clone(),
            matched_by: system
                .conflicts
                .iter()
                .filter(|s| hit(&g.evidence, &s.evidence))
                .map(|s| s.id.clone())
                .collect(),
        })
        .collect();
    let sd: Vec<ConflictDetail> = system
        .conflicts
        .iter()
        .map(|s| ConflictDetail {
            id: s.id.clone(),
            kind: s.kind.clone(),
            matched_by: gold
                .conflicts
                .iter()
                .filter(|g| hit(&g.evidence, &s.evidence))
                .map(|g| g.id.clone())
                .collect(),
        })
        .collect();
    let found_ids: Vec<String> =
        gd.iter().filter(|d| !d.matched_by.is_empty()).map(|d| d.id.clone()).collect();
    let missed_ids: Vec<String> =
        gd.iter().filter(|d| d.matched_by.is_empty()).map(|d| d.id.clone()).collect();
    let system_matched = sd.iter().filter(|d| !d.matched_by.is_empty()).count();
    let p = Prf::from_counts(found_ids.len(), system_matched, gd.len(), sd.len());
    let scores = ConflictScores {
        gold: gd.len(),
        system: sd.len(),
        found: found_ids.len(),
        recall: p.recall,
        system_matched,
        precision: p.precision,
        f1: p.f1,
        found_ids,
        missed_ids,
    };
    (scores, gd, sd)
}
