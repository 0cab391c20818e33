//! How well one candidate day fits what an article says and what its story names.

use super::evidence::DocEvidence;
use super::story::{land, Placed, StoryDays};
use crate::calendar::{add_days, iso_weekday};
use crate::resolve::Prefer;
use chrono::{Datelike, NaiveDate};

pub(super) struct Scored {
    pub(super) score: i64,
    /// Relative expressions landing on story days.
    pub(super) landed: usize,
    /// Day words and weekdays landing on a date the article itself writes.
    pub(super) agreeing: usize,
    /// A day word with a date, or the dateline, puts the day here.
    pub(super) fixed: bool,
    /// The day is on or next to the eve of a month whose crescent the article sights.
    pub(super) sighting: bool,
}

pub(super) fn score(ev: &DocEvidence, placed: &Placed, named: &StoryDays<'_>, d: NaiveDate) -> Scored {
    let mut score = 0i64;
    let mut landed = 0usize;
    let mut fixed = false;
    let mut agreeing = 0usize;
    for dm in &ev.relative {
        if let Some(day) = land(dm, d) {
            let w = named.get(&day).saturating_sub(u32::from(dm.own_days.contains(&day)));
            if w > 0 {
                score += 2 * i64::from(w.min(6));
                landed += 1;
            }
            // A day word or weekday (no date of its own) landing on a date the article itself
            // writes: the two name one day (see `OWN_AGREEMENT`).
            if dm.mention.semantics.day.is_none() && placed.own_days.contains(&day) {
                score += OWN_AGREEMENT;
                agreeing += 1;
            }
        }
    }
    for check in &ev.day_checks {
        if check.readings.contains(&d) {
            // the date or its weekday is a slip: a reading weighs half
            score += if check.slipped { 20 } else { 40 };
            fixed = true;
        } else {
            score -= 100;
        }
    }
    for pd in &placed.partial_checks {
        let at = add_days(d, pd.shift as i64);
        if pd.days.contains(&at) {
            score += 40;
            fixed = true;
        } else if !pd.days.is_empty() || pd.month_day.is_some_and(|md| md != (at.month(), at.day())) {
            // no year of the story fits it: the day and month must at least
            score -= 100;
        }
    }
    if ev.dateline == Some(d) {
        score += 50;
        fixed = true;
    }
    for (shift, weekday) in &ev.weekday_checks {
        if iso_weekday(add_days(d, *shift as i64)) != *weekday {
            score -= 100;
        }
    }
    for month in &ev.month_checks {
        if d.month() != *month {
            score -= 50;
        }
    }
    for (day, cue) in &ev.explicit {
        match cue {
            Some(Prefer::Past) if *day > d => score -= 30,
            Some(Prefer::Future) if *day < d => score -= 30,
            _ => {}
        }
    }
    // A crescent sighted on the eve of its month: that evening, or a day or two around it.
    let sighting = placed.sighting_eves.iter().any(|eve| (*eve - d).num_days().abs() <= SIGHTING_SLACK);
    if sighting {
        score += 10;
    }
    Scored { score, landed, agreeing, fixed, sighting }
}

/// What a day word or weekday landing on a date its own article writes adds to a candidate, on
/// top of the weight that date has among the story's days: as much as the most a landing on a
/// day of the story's other articles brings (2 × 6), so that a day word agreeing with its own
/// article outweighs one landing on a day only the other articles name or were published on. Articles introduce a day by a day word in one
/// place and by its date in another: «غداً» in the headline and «يوم الثلاثاء 16 أبريل» in the
/// body (gulf-floods), «صباح أمس» and «18 الجاري» (kuwait-emir), «يوم غدٍ الجمعة» and «21 / 4 /
/// 2023 م» (eid-alfitr), «اليوم الأحد» and «أيام 10 و11 و12 ديسمبر» (egypt-election): the
/// candidate under which they agree is the article's day.
pub(super) const OWN_AGREEMENT: i64 = 12;

/// Days either side of a sighting's eve on which an article reporting it appears (announced a day
/// or two ahead; the result the same night or the next morning; a 30-day month moves it a day).
pub(super) const SIGHTING_SLACK: i64 = 2;
