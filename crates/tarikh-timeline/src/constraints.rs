//! The constraint network: every statement of the texts as a difference constraint between the
//! start and end points of events — their own dates (the majority reading), the durations they are
//! said to last, the relations the texts state, and events that mark another's start or end.

use crate::conflicts::disagreement;
use crate::fasthash::FastMap;
use crate::flatten::Flat;
use crate::time::{slice_chars, DAY};
use crate::{Conflict, Input};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tarikh_anchor::{AnchorKind, AnchoredDocument, Timex};
use tarikh_events::{MentionRelation, Relation, RelationBasis};

/// Constraint classes, weakest first.
pub(crate) const C_OFFSET: u8 = 0;
pub(crate) const C_SIGNAL: u8 = 1;
pub(crate) const C_DERIVED_DATE: u8 = 2;
pub(crate) const C_DCT_DATE: u8 = 3;
pub(crate) const C_EXPLICIT_DATE: u8 = 4;
pub(crate) const C_STRUCTURAL: u8 = 5;

pub(crate) fn class_name(c: u8) -> &'static str {
    match c {
        C_OFFSET => "event-offset statement",
        C_SIGNAL => "relation signal",
        C_DERIVED_DATE => "date resolved from context or flagged",
        C_DCT_DATE => "date resolved from the publication date",
        C_EXPLICIT_DATE => "explicit date",
        _ => "structural",
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) doc: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Constraint {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) weight: i64,
    pub(crate) class: u8,
    pub(crate) sources: Vec<Source>,
    pub(crate) desc: String,
    pub(crate) events: Vec<usize>,
    pub(crate) active: bool,
}

impl Constraint {
    /// How many distinct documents state it. Sources are added document by document (the
    /// documents are sorted before anything is stated), so the count is usually the number of
    /// changes of document along them, found without building a set; a date a whole story repeats
    /// has hundreds of sources, and every broken cycle asks this of each of its constraints.
    pub(crate) fn docs(&self) -> usize {
        if self.sources.windows(2).all(|w| w[0].doc <= w[1].doc) {
            self.sources.windows(2).filter(|w| w[0].doc != w[1].doc).count() + usize::from(!self.sources.is_empty())
        } else {
            self.sources.iter().map(|s| s.doc.as_str()).collect::<BTreeSet<_>>().len()
        }
    }
}


/// The start point of event `e` (point 0 is the origin).
pub(crate) fn s_node(e: usize) -> usize {
    1 + 2 * e
}

/// The end point of event `e`.
pub(crate) fn e_node(e: usize) -> usize {
    2 + 2 * e
}

/// The constraints, each stated once: a statement repeated by several sources is one constraint
/// with several sources.
#[derive(Default)]
pub(crate) struct Network {
    /// Every constraint, in the order first stated.
    pub constraints: Vec<Constraint>,
    index: FastMap<(usize, usize, i64, u8), usize>,
}

impl Network {
    /// Add `to − from ≤ weight` of `class`, or a source to the same constraint already stated.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add(&mut self, from: usize, to: usize, weight: i64, class: u8, src: Option<Source>, desc: String, events: Vec<usize>) {
        self.add_with(from, to, weight, class, src, || desc, events);
    }

    /// [`Network::add`], with the description written only when the constraint is new: a date a
    /// whole story repeats is stated once per mention, and all but the first statement only add
    /// a source (the first statement's description is the one kept either way).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add_with(&mut self, from: usize, to: usize, weight: i64, class: u8, src: Option<Source>, desc: impl FnOnce() -> String, events: Vec<usize>) {
        let constraints = &mut self.constraints;
        let ci = *self.index.entry((from, to, weight, class)).or_insert_with(|| {
            constraints.push(Constraint { from, to, weight, class, sources: Vec::new(), desc: desc(), events, active: true });
            constraints.len() - 1
        });
        if let Some(s) = src {
            self.constraints[ci].sources.push(s);
        }
    }
}


pub(crate) fn timex_class(doc: &AnchoredDocument, t: &Timex) -> u8 {
    let flagged = doc.conflicts.iter().any(|c| c.start < t.end && t.start < c.end);
    if flagged {
        return C_DERIVED_DATE;
    }
    match t.anchor {
        AnchorKind::Explicit => C_EXPLICIT_DATE,
        AnchorKind::Dct => C_DCT_DATE,
        AnchorKind::Narrative | AnchorKind::Event => C_DERIVED_DATE,
    }
}

/// What the events' own dates give: per event its granularity, and the time all its majority
/// readings share with one of them as evidence.
pub(crate) struct OwnTimes {
    /// Per event: the granularity of its finest majority reading ("vague" when undated).
    pub gran: Vec<&'static str>,
    /// Per event: the stretch all its majority readings share, and one of them as evidence.
    pub own: Vec<Option<((i64, i64), Source)>>,
}

/// The events' own dates: the majority reading of each event's mentions bounds it (a reading
/// that disagrees is reported and left out).
pub(crate) fn own_times(input: &Input, flat: &[Flat], members: &[Vec<usize>], labels: &[String], net: &mut Network, conflicts: &mut Vec<Conflict>, in_conflict: &mut [bool]) -> OwnTimes {
    let docs = &input.docs;
    let ne = members.len();
    let mut event_gran: Vec<&'static str> = vec!["vague"; ne];
    // per event: the shortest length its mentions state ("ثلاثة أيام"), in minutes
    let stated_min: Vec<Option<i64>> = members
        .iter()
        .map(|ms| {
            ms.iter()
                .filter_map(|&i| {
                    let (doc, ev) = docs[flat[i].doc];
                    doc.timexes.get(ev.mentions[flat[i].mi].duration?)?.duration_seconds.map(|(lo, _)| lo.div_euclid(60))
                })
                .min()
        })
        .collect();
    // per event: the time all its majority readings share, and one of them as evidence
    let mut own_time: Vec<Option<((i64, i64), Source)>> = vec![None; ne];
    for (e, ms) in members.iter().enumerate() {
        net.add(e_node(e), s_node(e), 0, C_STRUCTURAL, None, "start ≤ end".into(), vec![e]);
        let timed: Vec<usize> = ms.iter().copied().filter(|&i| flat[i].time.is_some()).collect();
        // An event its mentions give a start or an end of its own lasts: a date opened by «بدءا
        // من» or a verb of beginning, «منذ الأحد», «من X حتى Y», «حتى Y» or a verb of ending
        // («واختتم الوزير زيارته مساء الأربعاء»). A plain date of it elsewhere («وصل الوزير …
        // صباح الاثنين»، «الإضراب يدخل يومه الثالث») is a day it was going on, not its whole
        // time: it neither ends the event (the end is stated) nor starts it after a stated start,
        // and days that differ are days of it, not readings that disagree. A stated end before
        // such a day (or a stated start after it) still closes a negative cycle, reported.
        let starts_stated = ms.iter().any(|&i| {
            let f = &flat[i];
            (f.open && f.time.is_some()) || f.since.is_some() || f.range.as_ref().is_some_and(|r| r.start.is_some())
        });
        let lasts = ms.iter().any(|&i| {
            let f = &flat[i];
            f.range.is_some() || (f.open && f.time.is_some()) || f.going_on_since
        });
        // A plain date that agrees with the stated start and end keeps bounding both, as any date
        // does («حتى يوم غد الأربعاء» after «الثلاثاء»: the end where they meet). Only one that
        // would contradict them — ending before a stated end can begin, or beginning after a
        // stated start is over — is read as a day the event was going on.
        let stated_end_from = ms.iter().filter_map(|&i| flat[i].range.as_ref().map(|r| r.end.0)).max();
        let stated_start_by = ms
            .iter()
            .filter_map(|&i| {
                let f = &flat[i];
                let opened = if f.open { f.time.map(|t| t.1) } else { None };
                [f.since.as_ref().map(|s| s.0 .1), f.range.as_ref().and_then(|r| r.start.map(|s| s.1)), opened].into_iter().flatten().min()
            })
            .min();
        let (going_on, timed): (Vec<usize>, Vec<usize>) = timed.into_iter().partition(|&j| {
            let f = &flat[j];
            let (a, b) = f.time.unwrap();
            let contradicts = stated_end_from.is_some_and(|y| b < y) || stated_start_by.is_some_and(|x| a > x);
            lasts && contradicts && !f.open && !f.state && f.since.is_none() && f.range.is_none()
        });
        if timed.is_empty() && going_on.is_empty() {
            continue;
        }
        // (with no stated start, the first day it is told on bounds its start, as a date does)
        let first_day = going_on.iter().map(|&j| flat[j].time.unwrap().0).min();
        for &j in &going_on {
            let f = &flat[j];
            let (a, b) = f.time.unwrap();
            let (ts, te, tt) = f.timex_span.as_ref().unwrap();
            let src = Source { doc: input.doc_id(f), start: *ts, end: *te, text: tt.clone() };
            net.add_with(0, s_node(e), b, f.class, Some(src.clone()), || format!("«{}» began by the end of «{tt}», a day it was going on", labels[e]), vec![e]);
            net.add_with(e_node(e), 0, -a, f.class, Some(src.clone()), || format!("«{}» still held at the start of «{tt}», a day it was going on", labels[e]), vec![e]);
            if !starts_stated && first_day == Some(a) {
                net.add_with(s_node(e), 0, -a, f.class, Some(src), || format!("start of «{}» not before «{tt}»", labels[e]), vec![e]);
            }
        }
        if timed.is_empty() {
            // its own time: the first day it is told on (the finest reading of it)
            let &j = going_on.iter().min_by_key(|&&j| {
                let (a, b) = flat[j].time.unwrap();
                (a, b - a, j)
            }).expect("a day it was going on");
            let (ts, te, tt) = flat[j].timex_span.clone().unwrap_or_default();
            event_gran[e] = flat[j].gran;
            own_time[e] = Some((flat[j].time.unwrap(), Source { doc: input.doc_id(&flat[j]), start: ts, end: te, text: tt }));
            continue;
        }
        // the point covered by the intervals of the most documents (earliest on a tie): a sweep
        // over interval starts and ends, counting documents with at least one open interval
        // (a statement's next-day reading, by an outlet that dates it by the day it reports it,
        // yields to the evening it was made: see `merge::reported_next_day`)
        let reported_later = |j: usize| flat[j].strict && timed.iter().any(|&k| flat[k].strict && crate::merge::reported_next_day(&flat[k], &flat[j]) && flat[k].gran != "day");
        let voting: Vec<usize> = timed.iter().copied().filter(|&j| !reported_later(j)).collect();
        let mut sweep: Vec<(i64, i8, usize)> = Vec::with_capacity(2 * timed.len());
        for &i in &voting {
            let (a, b) = flat[i].time.unwrap();
            sweep.push((a, 1, flat[i].doc));
            sweep.push((b, -1, flat[i].doc));
        }
        // ends before starts at the same instant: intervals are half-open
        sweep.sort_unstable();
        // (documents, intervals) open: among points cited by as many documents, the one most
        // readings share ("2016" and "8 نوفمبر" of one article agree on 8 November)
        let mut open: FastMap<usize, usize> = FastMap::default();
        let mut intervals = 0usize;
        let mut best: Option<((usize, usize), i64)> = None;
        for &(t, kind, d) in &sweep {
            if kind < 0 {
                intervals -= 1;
                if let Some(c) = open.get_mut(&d) {
                    *c -= 1;
                    if *c == 0 {
                        open.remove(&d);
                    }
                }
            } else {
                intervals += 1;
                *open.entry(d).or_insert(0) += 1;
                let score = (open.len(), intervals);
                if best.is_none_or(|(bc, _)| score > bc) {
                    best = Some((score, t));
                }
            }
        }
        let (_, p) = best.expect("at least one interval");
        // a state holds on every day its mentions give: no reading disagrees
        let (mut major, minor): (Vec<usize>, Vec<usize>) = timed.iter().partition(|&&j| {
            let (a, b) = flat[j].time.unwrap();
            flat[j].state || (a <= p && p < b)
        });
        // an instant at the very end (or start) of what the majority gives is one with it:
        // "منتصف الليل" closing Friday and "الجمعة"
        let hull_of = |js: &[usize]| js.iter().fold((i64::MIN, i64::MAX), |(a, b), &k| {
            let (x, y) = flat[k].time.unwrap_or((a, b));
            (a.max(x), b.min(y))
        });
        let (lo, hi) = hull_of(&major);
        let (touching, minor): (Vec<usize>, Vec<usize>) = minor.into_iter().partition(|&j| {
            let (a, b) = flat[j].time.unwrap();
            b - a <= 1 && (a == hi || b == lo)
        });
        major.extend(touching);
        // an event said to last longer than a reading ("3 أيام" of a vote) holds on each day its
        // articles report it on («لليوم الثالث»، «اليوم الاثنين»): a shorter reading within that
        // length of the majority's is a day during the event, not a disagreement
        let (during, minor): (Vec<usize>, Vec<usize>) = minor.into_iter().partition(|&j| {
            let (a, b) = flat[j].time.unwrap();
            stated_min[e].is_some_and(|d| b - a < d && lo.saturating_sub(d) <= a && b <= hi.saturating_add(d))
        });
        if !minor.is_empty() {
            in_conflict[e] = true;
            let mdocs: BTreeSet<String> = major.iter().map(|&j| input.doc_id(&flat[j])).collect();
            let ndocs: BTreeSet<String> = minor.iter().map(|&j| input.doc_id(&flat[j])).collect();
            let all: BTreeSet<String> = mdocs.union(&ndocs).cloned().collect();
            let ev = |j: usize| {
                let t = flat[j].timex_span.clone().unwrap();
                (input.doc_id(&flat[j]), t.0, t.1, t.2)
            };
            let label = &labels[e];
            conflicts.push(disagreement(
                all,
                minor.iter().chain(major.iter()).map(|&j| ev(j)).collect(),
                format!(
                    "«{label}»: the reading of {} document(s) ({}) is kept; {} ({}) disagree(s) and is not used for the bounds",
                    mdocs.len(),
                    mdocs.iter().cloned().collect::<Vec<_>>().join(", "),
                    minor.iter().map(|&j| format!("«{}»", flat[j].timex_span.as_ref().unwrap().2)).collect::<Vec<_>>().join(", "),
                    ndocs.iter().cloned().collect::<Vec<_>>().join(", "),
                ),
                vec![e],
            ));
        }
        // granularity: the finest majority reading
        if let Some(&j) = major.iter().min_by_key(|&&j| {
            let (a, b) = flat[j].time.unwrap();
            (b - a, j)
        }) {
            event_gran[e] = flat[j].gran;
        }
        if let Some(&j) = major.first() {
            let shared = major.iter().fold((i64::MIN, i64::MAX), |(a, b), &k| {
                let (x, y) = flat[k].time.unwrap_or((a, b));
                (a.max(x), b.min(y))
            });
            let (ts, te, tt) = flat[j].timex_span.clone().unwrap_or_default();
            own_time[e] = Some((shared, Source { doc: input.doc_id(&flat[j]), start: ts, end: te, text: tt }));
        }
        for &j in &during {
            let f = &flat[j];
            let (a, b) = f.time.unwrap();
            let (ts, te, tt) = f.timex_span.as_ref().unwrap();
            let src = Source { doc: input.doc_id(f), start: *ts, end: *te, text: tt.clone() };
            net.add_with(0, s_node(e), b, f.class, Some(src.clone()), || format!("«{}» began by the end of «{tt}», a day it was going on", labels[e]), vec![e]);
            net.add_with(e_node(e), 0, -a, f.class, Some(src), || format!("«{}» still held at the start of «{tt}», a day it was going on", labels[e]), vec![e]);
        }
        for &j in &major {
            let f = &flat[j];
            let (a, b) = f.time.unwrap();
            let (ts, te, tt) = f.timex_span.as_ref().unwrap();
            let src = Source { doc: input.doc_id(f), start: *ts, end: *te, text: tt.clone() };
            // an event said to last longer than its date ("عملت الفرق نحو ثماني ساعات … الساعة
            // الرابعة عصرا") was going on at that date: like a state, not inside it
            let outlasts = !f.open && stated_min[e].is_some_and(|d| d > b - a);
            // an event said to go on since an earlier time ("مستمرة منذ الأحد") holds at its date
            if f.state || outlasts || f.since.is_some() {
                net.add_with(0, s_node(e), b, f.class, Some(src.clone()), || format!("«{}» began by the end of «{tt}»", labels[e]), vec![e]);
                net.add_with(e_node(e), 0, -a, f.class, Some(src), || format!("«{}» still held at the start of «{tt}»", labels[e]), vec![e]);
                continue;
            }
            net.add_with(s_node(e), 0, -a, f.class, Some(src.clone()), || format!("start of «{}» not before «{tt}»", labels[e]), vec![e]);
            if f.open {
                net.add_with(0, s_node(e), b, f.class, Some(src), || format!("start of «{}» not after «{tt}»", labels[e]), vec![e]);
            } else {
                net.add_with(0, e_node(e), b, f.class, Some(src), || format!("end of «{}» not after «{tt}»", labels[e]), vec![e]);
            }
        }
    }
    // «منذ X»: the event began within X
    for (e, ms) in members.iter().enumerate() {
        for &j in ms {
            let Some(((a, b), (ts, te, tt), class)) = flat[j].since.clone() else { continue };
            let src = Source { doc: input.doc_id(&flat[j]), start: ts, end: te, text: tt.clone() };
            net.add(s_node(e), 0, -a, class, Some(src.clone()), format!("«{}» began «منذ {tt}», not before it", labels[e]), vec![e]);
            net.add(0, s_node(e), b, class, Some(src), format!("«{}» began «منذ {tt}», not after it", labels[e]), vec![e]);
        }
    }
    OwnTimes { gran: event_gran, own: own_time }
}

/// Durations the texts give events ("الحداد ثلاثة أيام"): the range most documents agree with
/// bounds end − start; a range that overlaps none of it is a disagreement.
#[allow(clippy::too_many_arguments)]
pub(crate) fn durations(input: &Input, flat: &[Flat], members: &[Vec<usize>], labels: &[String], own_time: &[Option<((i64, i64), Source)>], net: &mut Network, conflicts: &mut Vec<Conflict>, in_conflict: &mut [bool]) {
    let docs = &input.docs;
    for (e, ms) in members.iter().enumerate() {
        // (flat mention, shortest and longest duration in minutes, evidence)
        type Stated = (usize, i64, i64, Source);
        let stated: Vec<Stated> = ms
            .iter()
            .filter_map(|&i| {
                let f = &flat[i];
                let (doc, ev) = docs[f.doc];
                let t = doc.timexes.get(ev.mentions[f.mi].duration?)?;
                let (lo, hi) = t.duration_seconds?;
                Some((i, lo.div_euclid(60), (hi + 59).div_euclid(60), Source { doc: doc.id.clone(), start: t.start, end: t.end, text: t.text.clone() }))
            })
            .collect();
        if stated.is_empty() {
            continue;
        }
        let agrees = |x: &Stated, y: &Stated| x.1 <= y.2 && y.1 <= x.2;
        let support = |k: usize| stated.iter().filter(|y| agrees(&stated[k], y)).map(|y| flat[y.0].doc).collect::<BTreeSet<_>>().len();
        let Some(best) = (0..stated.len()).max_by_key(|&k| (support(k), std::cmp::Reverse(k))) else { continue };
        let (major, minor): (Vec<&Stated>, Vec<&Stated>) = stated.iter().partition(|y| agrees(&stated[best], y));
        if !minor.is_empty() {
            in_conflict[e] = true;
            let mdocs: BTreeSet<String> = major.iter().map(|y| y.3.doc.clone()).collect();
            let ndocs: BTreeSet<String> = minor.iter().map(|y| y.3.doc.clone()).collect();
            let all: BTreeSet<String> = mdocs.union(&ndocs).cloned().collect();
            conflicts.push(disagreement(
                all,
                minor.iter().chain(major.iter()).map(|y| (y.3.doc.clone(), y.3.start, y.3.end, y.3.text.clone())).collect(),
                format!(
                    "«{}» lasts «{}» in {} document(s) ({}); {} ({}) disagree(s) and is not used for the bounds",
                    labels[e],
                    stated[best].3.text,
                    mdocs.len(),
                    mdocs.iter().cloned().collect::<Vec<_>>().join(", "),
                    minor.iter().map(|y| format!("«{}»", y.3.text)).collect::<Vec<_>>().join(", "),
                    ndocs.iter().cloned().collect::<Vec<_>>().join(", "),
                ),
                vec![e],
            ));
        }
        // a stretch of whole days from a given day is counted in calendar days ("الحداد ثلاثة
        // أيام اعتبارا من اليوم" ends with the third day): it starts when its day starts
        let whole_days = major.iter().all(|y| y.1 == y.2 && y.1 > 0 && y.1 % DAY == 0);
        if let (true, Some(((a, b), src))) = (whole_days, own_time[e].as_ref()) {
            if b - a == DAY {
                let desc = format!("«{}» counts whole days from the start of «{}»", labels[e], src.text);
                net.add(0, s_node(e), *a, C_SIGNAL, Some(src.clone()), desc, vec![e]);
            }
        }
        for y in major {
            let desc = format!("«{}» lasts «{}»", labels[e], y.3.text);
            net.add(s_node(e), e_node(e), y.2, C_SIGNAL, Some(y.3.clone()), desc.clone(), vec![e]);
            net.add(e_node(e), s_node(e), -y.1, C_SIGNAL, Some(y.3.clone()), desc, vec![e]);
        }
    }
}

/// A relation a document states between two mentions of different events.
pub(crate) struct Rel<'a> {
    /// The document (index into the input).
    pub doc: usize,
    /// The relation as the events stage read it.
    pub r: &'a MentionRelation,
    /// Source event.
    pub a: usize,
    /// Target event.
    pub b: usize,
}

/// The relations the texts state between events: offsets of one pair that disagree are reported
/// (the range most documents give is kept), the rest become constraints. Returns the relations, by
/// document then offset.
#[allow(clippy::too_many_arguments)]
pub(crate) fn relations<'a>(input: &Input<'a>, flat_of: &[Vec<Option<usize>>], event_of_flat: &[usize], labels: &[String], net: &mut Network, conflicts: &mut Vec<Conflict>, in_conflict: &mut [bool]) -> Vec<Rel<'a>> {
    let docs = &input.docs;
    let mut rels: Vec<Rel> = Vec::new();
    for (di, (_, ev)) in docs.iter().enumerate() {
        for r in &ev.relations {
            let (Some(&Some(fa)), Some(&Some(fb))) = (flat_of[di].get(r.source), flat_of[di].get(r.target)) else { continue };
            let (a, b) = (event_of_flat[fa], event_of_flat[fb]);
            if a != b {
                rels.push(Rel { doc: di, r, a, b });
            }
        }
    }
    rels.sort_by_key(|x| (x.doc, x.r.start, x.r.end, x.r.source, x.r.target));
    // offsets normalised to "x before y by [min,max]"
    let mut by_pair: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, x) in rels.iter().enumerate() {
        if x.r.offset_min_seconds.is_some() && matches!(x.r.relation, Relation::Before | Relation::After) {
            let pair = if x.r.relation == Relation::Before { (x.a, x.b) } else { (x.b, x.a) };
            by_pair.entry(pair).or_default().push(k);
        }
    }
    let mut skip_rel = vec![false; rels.len()];
    let range = |x: &Rel| (x.r.offset_min_seconds.unwrap_or(0), x.r.offset_max_seconds.unwrap_or(i64::MAX));
    for ks in by_pair.values() {
        if ks.len() < 2 {
            continue;
        }
        // the range agreeing with the most documents wins; ties keep everything (the network decides)
        let support = |k: usize| -> BTreeSet<usize> {
            let (lo, hi) = range(&rels[k]);
            ks.iter().filter(|&&j| {
                let (l2, h2) = range(&rels[j]);
                l2 <= hi && lo <= h2
            }).map(|&j| rels[j].doc).collect()
        };
        let best = ks.iter().copied().max_by_key(|&k| (support(k).len(), std::cmp::Reverse(k))).unwrap();
        let (lo, hi) = range(&rels[best]);
        let minor: Vec<usize> = ks.iter().copied().filter(|&j| {
            let (l2, h2) = range(&rels[j]);
            !(l2 <= hi && lo <= h2)
        }).collect();
        if minor.is_empty() {
            continue;
        }
        let major: Vec<usize> = ks.iter().copied().filter(|j| !minor.contains(j)).collect();
        let mdocs: BTreeSet<usize> = major.iter().map(|&k| rels[k].doc).collect();
        let ndocs: BTreeSet<usize> = minor.iter().map(|&k| rels[k].doc).collect();
        let decided = mdocs.len() > ndocs.len();
        let all: BTreeSet<String> = mdocs.union(&ndocs).map(|&d| docs[d].0.id.clone()).collect();
        let ev = |k: usize| {
            let x = &rels[k];
            let doc = docs[x.doc].0;
            let (s, e, t) = match x.r.timex.and_then(|t| doc.timexes.get(t)) {
                Some(t) => (t.start, t.end, t.text.clone()),
                None => (x.r.start, x.r.end, slice_chars(&doc.original, x.r.start, x.r.end)),
            };
            (doc.id.clone(), s, e, t)
        };
        let fmt = |k: usize| {
            let (l, h) = range(&rels[k]);
            if l == h { format!("{}h", l / 3600) } else { format!("{}–{}h", l / 3600, h / 3600) }
        };
        for &k in &minor {
            in_conflict[rels[k].a] = true;
            in_conflict[rels[k].b] = true;
        }
        let resolution = if decided {
            for &k in &minor {
                skip_rel[k] = true;
            }
            format!(
                "the gap stated by {} document(s) ({}) is kept; {} dropped",
                mdocs.len(),
                fmt(best),
                minor.iter().map(|&k| fmt(k)).collect::<Vec<_>>().join(", ")
            )
        } else {
            "as many documents on each side: all kept, the constraint network decides".into()
        };
        let involved: Vec<usize> = minor.iter().chain(major.iter()).flat_map(|&k| [rels[k].a, rels[k].b]).collect();
        conflicts.push(disagreement(all, minor.iter().chain(major.iter()).map(|&k| ev(k)).collect(), resolution, involved));
    }
    for (k, x) in rels.iter().enumerate() {
        if skip_rel[k] {
            continue;
        }
        let doc = docs[x.doc].0;
        let src = Source { doc: doc.id.clone(), start: x.r.start, end: x.r.end, text: slice_chars(&doc.original, x.r.start, x.r.end) };
        let class = if x.r.basis == RelationBasis::EventOffset { C_OFFSET } else { C_SIGNAL };
        let (a, b) = (x.a, x.b);
        let desc = format!("{} {} {}", labels[a], x.r.relation, labels[b]);
        let mut c = |from: usize, to: usize, w: i64| net.add(from, to, w, class, Some(src.clone()), desc.clone(), vec![a, b]);
        // An offset from the text can be as large as i64::MAX seconds ("قبل 9999999999999999999 قرنا من
        // التصويت"): clamped to ±10,000 years so that no sum along a path overflows.
        const MAX_OFFSET_MIN: i64 = 10_000 * 366 * 24 * 60;
        let offs = x.r.offset_min_seconds.zip(x.r.offset_max_seconds).map(|(lo, hi)| {
            (lo.div_euclid(60).clamp(-MAX_OFFSET_MIN, MAX_OFFSET_MIN), hi.saturating_add(59).div_euclid(60).clamp(-MAX_OFFSET_MIN, MAX_OFFSET_MIN))
        });
        match (x.r.relation, offs) {
            (Relation::Before, Some((lo, hi))) => {
                c(s_node(a), s_node(b), hi);
                c(s_node(b), s_node(a), -lo);
            }
            (Relation::After, Some((lo, hi))) => {
                c(s_node(b), s_node(a), hi);
                c(s_node(a), s_node(b), -lo);
            }
            (Relation::Before, None) => c(s_node(b), e_node(a), 0),
            (Relation::After, None) => c(s_node(a), e_node(b), 0),
            (Relation::Includes, _) => {
                c(s_node(b), s_node(a), 0);
                c(e_node(a), e_node(b), 0);
            }
            (Relation::IsIncluded, _) => {
                c(s_node(a), s_node(b), 0);
                c(e_node(b), e_node(a), 0);
            }
            // «تزامنا مع / بالتزامن مع»: news says two events coincide when they overlap (a
            // three-day truce «تزامنا مع» a one-day feast), not when their bounds are equal
            (Relation::Simultaneous, _) => {
                c(e_node(b), s_node(a), 0);
                c(e_node(a), s_node(b), 0);
            }
            (Relation::Begins, _) => {
                c(s_node(a), s_node(b), 0);
                c(s_node(b), s_node(a), 0);
                c(e_node(b), e_node(a), 0);
            }
            (Relation::Ends, _) => {
                c(e_node(a), e_node(b), 0);
                c(e_node(b), e_node(a), 0);
                c(s_node(a), s_node(b), 0);
            }
        }
    }
    rels
}

/// An event that marks another's start or end on the same day (the polls close: the vote ends):
/// the two points are one, when exactly one such event lies within the other's day.
#[allow(clippy::too_many_arguments)]
pub(crate) fn marks(types: &[String], type_marks: &HashMap<usize, (String, String)>, kinds: &[usize], own_time: &[Option<((i64, i64), Source)>], labels: &[String], net: &mut Network) {
    let ne = kinds.len();
    let type_id: HashMap<&str, usize> = types.iter().enumerate().map(|(k, t)| (t.as_str(), k)).collect();
    for e in 0..ne {
        let Some(((ea, eb), _)) = own_time[e] else { continue };
        let Some((begun_by, ended_by)) = type_marks.get(&kinds[e]) else { continue };
        for (mark, name) in [(true, begun_by), (false, ended_by)] {
            let Some(&mark_type) = type_id.get(name.as_str()) else { continue };
            let within: Vec<usize> = (0..ne)
                .filter(|&f| f != e && kinds[f] == mark_type)
                .filter(|&f| own_time[f].as_ref().is_some_and(|((fa, fb), _)| ea <= *fa && *fb <= eb))
                .collect();
            let [f] = within[..] else { continue };
            let src = own_time[f].as_ref().map(|(_, s)| s.clone());
            let (own_point, verb) = if mark { (s_node(e), "begins") } else { (e_node(e), "ends") };
            let desc = format!("«{}» {verb} with «{}»", labels[e], labels[f]);
            net.add(s_node(f), own_point, 0, C_SIGNAL, src.clone(), desc.clone(), vec![e, f]);
            net.add(own_point, s_node(f), 0, C_SIGNAL, src, desc, vec![e, f]);
        }
    }
}
