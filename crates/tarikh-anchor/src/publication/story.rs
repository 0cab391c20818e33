//! What a story names: its days (with their weights), its years, its present, and where each
//! article's dates without a year fall once the story's years are known.

use super::evidence::{DayMention, DocEvidence, Partial};
use super::InferenceInput;
use crate::calendar::{add_days, add_months, gregorian_to_hijri, hijri_to_gregorian, iso_weekday};
use crate::resolve::{resolve, Reference};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use tarikh_grammar::{Calendar, Direction};

/// The story's days: day → weight (see the module docs).
pub(super) type Named = BTreeMap<NaiveDate, u32>;

/// The story's days as one document reads them: all of them, without that document's own share
/// (its own earlier answer must not vote for itself).
pub(super) struct StoryDays<'a> {
    pub(super) all: &'a Named,
    pub(super) without: &'a Named,
}

impl StoryDays<'_> {
    /// The weight of a day (0 when the story does not name it).
    pub(super) fn get(&self, day: &NaiveDate) -> u32 {
        self.all.get(day).copied().unwrap_or(0).saturating_sub(self.without.get(day).copied().unwrap_or(0))
    }

    /// The days with some weight, ascending.
    pub(super) fn days(&self) -> impl Iterator<Item = &NaiveDate> + '_ {
        self.all.keys().filter(|d| self.get(d) > 0)
    }
}

pub(super) fn add_named(named: &mut Named, day: NaiveDate, weight: u32) {
    *named.entry(day).or_default() += weight;
}

/// The Gregorian days a date without a year may be: in the years the story names and the years
/// next to them (Gregorian), or in the Hijri years it names; a weekday written with it must fit.
pub(super) fn instances(p: &Partial, years: &StoryYears) -> Vec<NaiveDate> {
    let days: Vec<NaiveDate> = match p.calendar {
        Calendar::Gregorian => years.named.iter().chain(&years.near).filter_map(|&y| NaiveDate::from_ymd_opt(y, p.month, p.day)).collect(),
        Calendar::Hijri => years.hijri.iter().filter_map(|&y| hijri_to_gregorian(y, p.month, p.day)).collect(),
    };
    days.into_iter().filter(|d| p.weekday.is_none_or(|w| iso_weekday(*d) == w)).collect()
}

/// The day a relative expression names when read against `d`, if it is at day level.
pub(super) fn land(dm: &DayMention, d: NaiveDate) -> Option<NaiveDate> {
    let r = Reference { date: d, time: None, tz: chrono_tz::UTC };
    let mut sem = dm.mention.semantics.clone();
    if dm.strict_future {
        sem.direction = Some(Direction::Future);
    }
    let iv = resolve(dm.mention.kind, &sem, &r, dm.prefer).and_then(|x| x.interval)?;
    ((iv.end - iv.start).num_hours() <= 30).then(|| iv.start.date_naive())
}

/// A day word with a date without its year («غدا 16 جانفي»): the date's days in the story's
/// years, the shift, and the Gregorian month and day.
pub(super) struct PartialCheck {
    pub(super) days: Vec<NaiveDate>,
    pub(super) shift: i32,
    pub(super) month_day: Option<(u32, u32)>,
}

/// What a document's dates without a year and its sightings name once the story's years are
/// known.
pub(super) struct Placed {
    /// Its day words with a date without its year («غدا 16 جانفي»).
    pub(super) partial_checks: Vec<PartialCheck>,
    /// The days its dates without a year may be, in the story's years.
    pub(super) own_partial: Vec<NaiveDate>,
    /// The eves (the 29th of the month before) of the Hijri months whose crescent it sights.
    pub(super) sighting_eves: Vec<NaiveDate>,
    /// The days it writes itself: its full dates and its dates without a year in the story's years.
    pub(super) own_days: BTreeSet<NaiveDate>,
}

impl Placed {
    pub(super) fn of(ev: &DocEvidence, years: &StoryYears) -> Placed {
        let partial_checks = ev
            .partial
            .iter()
            .filter_map(|p| {
                let shift = p.shift?;
                Some(PartialCheck { days: instances(p, years), shift, month_day: (p.calendar == Calendar::Gregorian).then_some((p.month, p.day)) })
            })
            .collect();
        let own_partial: Vec<NaiveDate> = ev.partial.iter().flat_map(|p| instances(p, years)).collect();
        let sighting_eves = ev
            .sightings
            .iter()
            .flat_map(|&(year, month)| {
                let in_years: Vec<i32> = year.map_or_else(|| years.hijri.iter().copied().collect(), |y| vec![y]);
                in_years.into_iter().filter_map(move |y| {
                    let (py, pm) = add_months(y, month, -1);
                    hijri_to_gregorian(py, pm, 29)
                })
            })
            .collect();
        let own_days = ev.explicit.iter().map(|e| e.0).chain(own_partial.iter().copied()).collect();
        Placed { partial_checks, own_partial, sighting_eves, own_days }
    }
}

/// The story's days known before any inference: explicit dates, dates without a year in the
/// story's years, publication days from metadata and what their relative days name.
pub(super) fn base_days(evidence: &[DocEvidence], docs: &[InferenceInput<'_>], years: &StoryYears) -> Named {
    let mut named = Named::new();
    for (ev, doc) in evidence.iter().zip(docs) {
        for (day, _) in &ev.explicit {
            add_named(&mut named, *day, 2);
        }
        for p in &ev.partial {
            for day in instances(p, years) {
                add_named(&mut named, day, 1);
            }
        }
        if let Some(k) = doc.known {
            add_named(&mut named, k, 3);
            for dm in &ev.relative {
                if let Some(day) = land(dm, k) {
                    add_named(&mut named, day, 1);
                }
            }
        }
    }
    named
}

/// The years a story's dates without a year may be in.
#[derive(Debug, Default)]
pub(super) struct StoryYears {
    /// The Gregorian years the story names most.
    pub(super) named: BTreeSet<i32>,
    /// The years around those («انتخابات 2024» may be held in December 2023): its dates without
    /// a year may be there too.
    pub(super) near: BTreeSet<i32>,
    /// The Hijri years the story names most («لهذا العام 1444هـ»: exactly that year), or those of
    /// its Gregorian years when it names none.
    pub(super) hijri: BTreeSet<i32>,
}

/// The story's years (see [`StoryYears`]); a story naming only Hijri years gets the Gregorian
/// years they fall in.
pub(super) fn story_years(evidence: &[DocEvidence], docs: &[InferenceInput<'_>]) -> StoryYears {
    let mut g: BTreeMap<i32, u32> = BTreeMap::new();
    let mut h: BTreeMap<i32, u32> = BTreeMap::new();
    for (ev, doc) in evidence.iter().zip(docs) {
        for y in &ev.years {
            *g.entry(*y).or_default() += 1;
        }
        for y in &ev.hijri_years {
            *h.entry(*y).or_default() += 1;
        }
        if let Some(k) = doc.known {
            *g.entry(k.year()).or_default() += 3;
        }
    }
    let top = |m: &BTreeMap<i32, u32>| -> BTreeSet<i32> {
        let best = m.values().copied().max().unwrap_or(0);
        m.iter().filter(|(_, &c)| c * 2 >= best).map(|(&y, _)| y).collect()
    };
    let (mut named, mut hijri) = (top(&g), top(&h));
    if named.is_empty() {
        for &hy in &hijri {
            for d in [hijri_to_gregorian(hy, 1, 1), hijri_to_gregorian(hy, 12, 29)].into_iter().flatten() {
                named.insert(d.year());
            }
        }
    }
    if hijri.is_empty() {
        for &y in &named {
            for d in [NaiveDate::from_ymd_opt(y, 1, 1), NaiveDate::from_ymd_opt(y, 12, 31)].into_iter().flatten() {
                hijri.extend(gregorian_to_hijri(d).map(|h| h.0));
            }
        }
    }
    let near = named.iter().flat_map(|&y| [y - 1, y + 1]).filter(|y| !named.contains(y)).collect();
    StoryYears { named, near, hijri }
}

/// Span of the story's present: the stretch of this many days holding most of its explicit dates.
pub(super) const PRESENT_SPAN: i64 = 60;

/// The story's present: the `PRESENT_SPAN`-day stretch in which its explicit dates and known
/// publication days weigh most (the later stretch on a tie), as (its first day, its last named
/// day). Dates long before it are the story's history («توفي في 29 سبتمبر 2020»), not its days.
pub(super) fn story_present(evidence: &[DocEvidence], docs: &[InferenceInput<'_>]) -> Option<(NaiveDate, NaiveDate)> {
    let mut days: Named = Named::new();
    for (ev, doc) in evidence.iter().zip(docs) {
        for (day, _) in &ev.explicit {
            add_named(&mut days, *day, 2);
        }
        if let Some(k) = doc.known {
            add_named(&mut days, k, 3);
        }
    }
    let mut best: Option<(u32, NaiveDate, NaiveDate)> = None;
    for &start in days.keys() {
        let end = add_days(start, PRESENT_SPAN);
        let inside = days.range(start..=end);
        let weight: u32 = inside.clone().map(|(_, w)| *w).sum();
        let last = inside.last().map(|(d, _)| *d).unwrap_or(start);
        if best.is_none_or(|(w, _, _)| weight >= w) {
            best = Some((weight, start, last));
        }
    }
    best.map(|(_, start, last)| (start, last))
}
