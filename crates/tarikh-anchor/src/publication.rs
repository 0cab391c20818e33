//! Inferring publication dates from the texts of a corpus.
//!
//! A news article rarely states its own date, but it dates what it reports: "اليوم الأحد", "أمس
//! السبت", "الجمعة 5 مايو 2017", "الأحد المقبل". Read against the right publication day, an
//! article's relative dates land on the days the corpus names explicitly (in this article or in
//! others about the same story); read against a wrong day they scatter. So every candidate day is
//! scored by how many of the article's relative day expressions it sends onto an explicitly named
//! day, minus penalties for what it contradicts:
//! - "اليوم/أمس/غدا + weekday" that the candidate's weekday does not fit (−10 each),
//! - an explicit date reported with a past cue (perfect verb, كان) after the candidate, or one
//!   announced with a future cue (المقرر، سـ) before it (−3 each),
//! - "أمس/اليوم/غدا" written right before an explicit date ("أمس السبت 18 شوال 1445هـ") that the
//!   candidate does not put there (−100 each).
//!
//! A dateline — an explicit date on one of the first three lines, on a short line of its own
//! ("الجزائر 19 شوال 1445 هـ (واس)") — is the agencies' way of dating a dispatch: it gets +50.
//!
//! A bare weekday announced with a future cue is read strictly after the candidate (a vote held
//! today would be "اليوم"). The best score wins; ties go to the earliest day, since an article
//! appears soon after the latest event it reports. Candidates span the explicitly named days of
//! the corpus, widened by ten days on each side.

use crate::calendar::add_days;
use crate::document::{tense_cue, PublicationHint};
use crate::resolve::{resolve, weekday_name, Prefer, Reference};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::ops::Range;
use tarikh_grammar::{Calendar, Direction, Grammar, Mention, Unit};
use tarikh_text::Normalised;

/// One document as the inference sees it.
pub struct InferenceInput<'a> {
    /// The normalised text.
    pub normalised: &'a Normalised,
    /// The publication date when metadata gives it (such documents only lend evidence).
    pub known: Option<NaiveDate>,
}

struct DayMention {
    mention: Mention,
    prefer: Prefer,
    strict_future: bool,
}

struct DocEvidence {
    /// Days named explicitly (year, month and day), with the tense cue of each.
    explicit: Vec<(NaiveDate, Option<Prefer>, Range<usize>)>,
    /// Relative expressions at day precision, to be read against a candidate day.
    relative: Vec<DayMention>,
    /// "اليوم الأحد" (0, 7), "أمس السبت" (-1, 6): day shift and the weekday it must fall on.
    weekday_checks: Vec<(i32, u32, Range<usize>)>,
    /// "أمس" right before an explicit date: the publication day must be that date minus the shift.
    day_checks: Vec<NaiveDate>,
    /// The date of the dispatch's dateline, if it has one.
    dateline: Option<NaiveDate>,
}

/// Whether the byte range lies on one of the first three non-empty lines of `text`, on a line of
/// at most ten words (a dateline: city, date, agency).
fn on_dateline(text: &str, range: &Range<usize>) -> bool {
    let mut start = 0;
    for line in text.split_inclusive('\n').take(64) {
        let end = start + line.len();
        if range.start >= start && range.end <= end {
            let nonempty_before = text[..start].lines().filter(|l| !l.trim().is_empty()).count();
            return nonempty_before < 3 && line.split_whitespace().count() <= 10;
        }
        start = end;
    }
    false
}

fn enclosing(ranges: &[Range<usize>], at: usize) -> Range<usize> {
    ranges.iter().find(|r| r.start <= at && at < r.end).cloned().unwrap_or(0..usize::MAX)
}

fn evidence_of(grammar: &Grammar, normalised: &Normalised) -> DocEvidence {
    let text = normalised.as_str();
    let clauses = normalised.clauses();
    let sentences = normalised.sentences();
    let probe = Reference { date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(), time: None, tz: chrono_tz::UTC };
    let mut ev = DocEvidence { explicit: Vec::new(), relative: Vec::new(), weekday_checks: Vec::new(), day_checks: Vec::new(), dateline: None };
    // the last bare day word ("أمس"): its end and shift
    let mut day_word: Option<(usize, i32)> = None;
    for m in grammar.find(text) {
        let s = &m.semantics;
        if s.event.is_some() || s.reference.is_some() || s.range_end.is_some() {
            continue;
        }
        let clause = enclosing(&clauses, m.range.start);
        let clause = clause.start..clause.end.min(text.len());
        let sentence = enclosing(&sentences, m.range.start);
        let sentence = sentence.start.min(clause.start)..sentence.end.min(text.len());
        let cue = tense_cue(grammar, text, clause, sentence, m.matched.clone());
        let explicit_day = s.year.is_some() && s.month.is_some() && s.day.is_some();
        let after_day_word = day_word.take().filter(|(end, _)| text.get(*end..m.range.start).is_some_and(|g| g.trim().is_empty()));
        if explicit_day {
            let sem = tarikh_grammar::Semantics { weekday: None, ..s.clone() };
            if let Some(iv) = resolve(m.kind, &sem, &probe, Prefer::Nearest).and_then(|r| r.interval) {
                let day = iv.start.date_naive();
                if let Some((_, shift)) = after_day_word {
                    ev.day_checks.push(add_days(day, -(shift as i64)));
                }
                // A day word and its date in one expression ("يوم غد الثلاثاء الموافق 16 أبريل").
                if let Some((Unit::Day, shift)) = s.shift {
                    ev.day_checks.push(add_days(day, -(shift as i64)));
                }
                if ev.dateline.is_none() && on_dateline(text, &m.range) {
                    ev.dateline = Some(day);
                }
                ev.explicit.push((day, cue, m.range.clone()));
            }
            continue;
        }
        if let (Some((Unit::Day, n)), None, None, None) = (s.shift, s.weekday, s.day, s.month) {
            day_word = Some((m.range.end, n));
        }
        if let (Some((Unit::Day, n)), Some(w)) = (s.shift, s.weekday) {
            ev.weekday_checks.push((n, w, m.range.clone()));
        }
        let day_level = s.weekday.is_some() || matches!(s.shift, Some((Unit::Day, _))) || (s.day.is_some() && s.month.is_some());
        if day_level && s.calendar == Calendar::Gregorian {
            let strict_future = cue == Some(Prefer::Future) && s.weekday.is_some() && s.shift.is_none() && s.direction.is_none();
            ev.relative.push(DayMention { mention: m, prefer: cue.unwrap_or(Prefer::NearestLeaningPast), strict_future });
        }
    }
    ev
}

fn score(ev: &DocEvidence, named: &BTreeSet<NaiveDate>, d: NaiveDate) -> (i64, usize) {
    let r = Reference { date: d, time: None, tz: chrono_tz::UTC };
    let mut score = 0i64;
    let mut agree = 0usize;
    for dm in &ev.relative {
        let mut sem = dm.mention.semantics.clone();
        if dm.strict_future {
            sem.direction = Some(Direction::Future);
        }
        if let Some(day) = resolve(dm.mention.kind, &sem, &r, dm.prefer).and_then(|x| x.interval).map(|iv| iv.start.date_naive()) {
            if named.contains(&day) {
                score += 10;
                agree += 1;
            }
        }
    }
    for day in &ev.day_checks {
        if *day != d {
            score -= 100;
        }
    }
    if ev.dateline == Some(d) {
        score += 50;
    }
    for (shift, weekday, _) in &ev.weekday_checks {
        if crate::calendar::iso_weekday(add_days(d, *shift as i64)) != *weekday {
            score -= 100;
        }
    }
    for (day, cue, _) in &ev.explicit {
        match cue {
            Some(Prefer::Past) if *day > d => score -= 30,
            Some(Prefer::Future) if *day < d => score -= 30,
            _ => {}
        }
    }
    (score, agree)
}

/// Infer the publication day of every document whose metadata lacks one, using the evidence of the
/// whole corpus. Returns, per input, `Some((day, evidence))` for an inferred day, `None` when the
/// metadata already gives it or when nothing in the corpus dates anything.
pub fn infer_publications(grammar: &Grammar, docs: &[InferenceInput<'_>]) -> Vec<Option<(NaiveDate, String)>> {
    // Every document is read once, on all cores (results come back in input order).
    use rayon::prelude::*;
    let all: Vec<DocEvidence> = docs.par_iter().map(|d| evidence_of(grammar, d.normalised)).collect();
    // Known publication days and explicit dates of every document are the corpus's named days.
    let mut named: BTreeSet<NaiveDate> = docs.iter().filter_map(|d| d.known).collect();
    for ev in &all {
        named.extend(ev.explicit.iter().map(|e| e.0));
    }
    let evidence: Vec<Option<DocEvidence>> = docs.iter().zip(all).map(|(d, ev)| if d.known.is_none() { Some(ev) } else { None }).collect();
    let (Some(&first), Some(&last)) = (named.iter().next(), named.iter().next_back()) else {
        return docs.iter().map(|_| None).collect();
    };
    evidence
        .iter()
        .map(|ev| {
            let ev = ev.as_ref()?;
            // Candidates: the corpus's span widened by ten days; a span over two years is cut to the
            // document's own explicit dates (or the corpus's latest days) so the search stays small.
            let (lo, hi) = if (last - first).num_days() <= 730 {
                (add_days(first, -10), add_days(last, 10))
            } else if let (Some(a), Some(b)) = (ev.explicit.iter().map(|e| e.0).min(), ev.explicit.iter().map(|e| e.0).max()) {
                (add_days(a, -10), add_days(b, 10))
            } else {
                (add_days(last, -370), add_days(last, 10))
            };
            let mut best: Option<(i64, usize, NaiveDate)> = None;
            let mut d = lo;
            while d <= hi {
                let (s, agree) = score(ev, &named, d);
                if std::env::var_os("TARIKH_DEBUG_DCT").is_some() && s > 0 {
                    eprintln!("dct candidate {d}: score {s} agree {agree}");
                }
                if best.is_none_or(|(bs, _, _)| s > bs) {
                    best = Some((s, agree, d));
                }
                d = add_days(d, 1);
            }
            let (s, agree, day) = best?;
            if agree == 0 && ev.weekday_checks.is_empty() && ev.explicit.is_empty() {
                return None;
            }
            let mut why = format!("{agree} relative day expression(s) land on days the corpus names explicitly");
            if ev.dateline == Some(day) {
                why = format!("the dateline gives {day}; {why}");
            }
            if !ev.weekday_checks.is_empty() {
                why.push_str(&format!("; {} weekday check(s) such as اليوم {}", ev.weekday_checks.len(), weekday_name(ev.weekday_checks[0].1)));
            }
            if s < 0 {
                why.push_str("; some cues disagree (low confidence)");
            }
            Some((day, why))
        })
        .collect()
}

impl PublicationHint {
    /// A hint for a document whose publication day was inferred from the corpus.
    pub fn inferred(day: NaiveDate, evidence: String, timezone: chrono_tz::Tz, fallback: NaiveDate) -> PublicationHint {
        PublicationHint { date: None, time: None, timezone, fallback, inferred: Some((day, evidence)) }
    }
}
