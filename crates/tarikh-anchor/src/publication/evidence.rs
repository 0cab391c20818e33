//! What one article says about its own day: the evidence read from its text (datelines, day
//! words with a date or a weekday, the current month, tense, crescents sighted, relative days),
//! before any candidate day is tried.

use super::story::Named;
use crate::calendar::{add_days, add_months, iso_weekday};
use crate::document::tense_cue;
use crate::resolve::{resolve, Prefer, Reference};
use chrono::{Datelike, NaiveDate};
use std::ops::Range;
use tarikh_grammar::{Calendar, Grammar, Mention, Unit};

pub(super) struct DayMention {
    pub(super) mention: Mention,
    pub(super) prefer: Prefer,
    pub(super) strict_future: bool,
    /// For a date without its year, its index in `partial`: read against any candidate it lands
    /// on its own days, which are no evidence for it.
    pub(super) partial: Option<usize>,
    /// The days it adds to the story's days itself (set once the story's years are known).
    pub(super) own_days: Vec<NaiveDate>,
}

/// A date written without its year: «16 جانفي», «التاسع والعشرين من رمضان», «عيد الفطر».
#[derive(Debug, Clone)]
pub(super) struct Partial {
    pub(super) calendar: Calendar,
    pub(super) month: u32,
    pub(super) day: u32,
    pub(super) weekday: Option<u32>,
    /// A day word before it: the publication day is this date minus the shift.
    pub(super) shift: Option<i32>,
}

#[derive(Default)]
pub(super) struct DocEvidence {
    /// Days named explicitly (year, month and day), with the tense cue of each.
    pub(super) explicit: Vec<(NaiveDate, Option<Prefer>)>,
    /// Dates without a year.
    pub(super) partial: Vec<Partial>,
    /// Relative expressions at day precision, to be read against a candidate day.
    pub(super) relative: Vec<DayMention>,
    /// "اليوم الأحد" (0, 7), "أمس السبت" (-1, 6): day shift and the weekday it must fall on.
    pub(super) weekday_checks: Vec<(i32, u32)>,
    /// The publication day, from a day word with a full date.
    pub(super) day_checks: Vec<DayCheck>,
    /// Months the publication day must be in («ديسمبر الجاري»).
    pub(super) month_checks: Vec<u32>,
    /// Hijri months whose crescent the article is sighting («تحري رؤية هلال شهر شوال لهذا العام
    /// 1444هـ»), with the Hijri year when written: the sighting is on the eve of the month.
    pub(super) sightings: Vec<(Option<i32>, u32)>,
    /// The date of the dispatch's dateline, if it has one.
    pub(super) dateline: Option<NaiveDate>,
    /// Gregorian and Hijri years the text names (in digits, 1900–2099 and 1300–1599).
    pub(super) years: Vec<i32>,
    pub(super) hijri_years: Vec<i32>,
    /// Short quotes of what the evidence was, for documents.csv.
    pub(super) quotes: Vec<String>,
    /// Quotes of its dates written without a year («6 مارس الحالي»): what an article whose day
    /// stays unknown does say about it.
    pub(super) unyeared: Vec<String>,
}

/// The publication day a day word with a full date gives («اليوم السبت 17 ديسمبر 2022»).
#[derive(Debug)]
pub(super) struct DayCheck {
    /// The days it may give, minus the day word's shift: the date as written, first; when the
    /// weekday written with it does not fit the date, also the days that keep the weekday and the
    /// day number or the week (one of the two is a slip).
    pub(super) readings: Vec<NaiveDate>,
    /// Whether the date and its weekday disagree (every reading then weighs half).
    pub(super) slipped: bool,
}

impl DayCheck {
    /// Of a slipped check's readings, keep those nearest the story's days `days` (the rest of the
    /// story tells which slip it was: «الخميس 12 ديسمبر 2023» in a story of January 2023 is
    /// Thursday 12 January 2023). In a story naming no other day, the date as written stays.
    pub(super) fn keep_nearest(&mut self, days: &Named) {
        let Some(&written) = self.readings.first().filter(|_| self.slipped) else { return };
        let distance = |r: &NaiveDate| days.keys().map(|k| (*k - *r).num_days().abs()).min().unwrap_or_else(|| (written - *r).num_days().abs());
        let best = self.readings.iter().map(distance).min().unwrap_or(0);
        self.readings.retain(|r| distance(r) == best);
    }
}

/// The days a date at odds with its weekday `weekday` may have meant: the weekday is kept with the
/// date's day number in the twelve months either side (a month or year copied from a template or
/// from last year: «اليوم الخميس الـ 12 من ديسمبر 2023» in a January 2023 article), or with the
/// date's week (the day number mistyped). The written date stays a reading too (the weekday may be
/// the slip: «الجمعة 4 مايو» for Thursday the 4th); the rest of the story decides.
pub(super) fn slip_readings(date: NaiveDate, weekday: u32) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = (-12..=12)
        .filter(|&k| k != 0)
        .filter_map(|k| {
            let (y, m) = add_months(date.year(), date.month(), k);
            NaiveDate::from_ymd_opt(y, m, date.day())
        })
        .filter(|d| iso_weekday(*d) == weekday)
        .collect();
    out.extend((-3..=3).map(|k| add_days(date, k)).filter(|d| iso_weekday(*d) == weekday));
    out.sort();
    out
}

/// Whether the byte range lies on one of the first three non-empty lines of `text`, on a line of
/// at most ten words (a dateline: city, date, agency).
pub(super) fn on_dateline(text: &str, range: &Range<usize>) -> bool {
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

pub(super) fn enclosing(ranges: &[Range<usize>], at: usize) -> Range<usize> {
    ranges.iter().find(|r| r.start <= at && at < r.end).cloned().unwrap_or(0..usize::MAX)
}

/// Whether a day read as today says so in words («اليوم الاثنين», «مساء اليوم السبت», «الليلة
/// الجمعة», «هذا اليوم الخميس»). A part of day with a weekday and no such word is that weekday's,
/// whichever week: «حتى مساء الإثنين» (derna-floods, written on a Sunday), «صباح الأحد الماضي»
/// (kuwait-emir), «الساعات الأولى من الجمعة» (derna-floods) say nothing of which day today is.
fn says_today(matched: &str) -> bool {
    matched.split(|c: char| !tarikh_text::is_word_char(c)).any(|w| matches!(w, "اليوم" | "الليله" | "الليلة" | "هذا" | "هذه"))
}

/// Whether a matched month is marked as the current one («ديسمبر الجاري», «مارس الحالي»).
pub(super) fn marks_current_month(text: &str) -> bool {
    text.split(|c: char| !tarikh_text::is_word_char(c)).any(|w| matches!(w, "الجاري" | "الجاريه" | "الحالي" | "الحاليه"))
}

/// Words that report the sighting of a month's crescent (normalised, without clitics): «تحري
/// رؤية الهلال», «ترائي الهلال», «استطلاع الهلال», «مراقبة الهلال», «ثبوت رؤية الهلال».
pub(super) const SIGHTING_WORDS: &[&str] = &["رويه", "تحري", "ترايي", "استطلاع", "مراقبه", "رصد", "ترقب", "ثبوت"];

/// Whether the words just before a Hijri month name say that its crescent is sought or seen:
/// «… رؤية هلال شهر شوال», «تحري هلال رمضان». The press of every Arab country reports the
/// sighting on the evening of the 29th of the month before (Saudi Arabia's Supreme Court, Egypt's
/// Dar al-Ifta, Morocco's ministry of Islamic affairs, Oman's and Iraq's committees), so such an
/// article appears on that eve or a day or two around it.
pub(super) fn sights_the_crescent(before: &str) -> bool {
    let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(4).collect();
    let Some(at) = words.iter().take(2).position(|w| strip_clitics(w) == "هلال") else { return false };
    words[at + 1..].iter().take(2).any(|w| SIGHTING_WORDS.contains(&strip_clitics(w)))
}

/// A normalised word without the و، ل، ب and ال that Arabic joins to it («لتحري», «والرؤية»).
pub(super) fn strip_clitics(w: &str) -> &str {
    let w = w.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(w);
    let w = w.strip_prefix('ل').or_else(|| w.strip_prefix('ب')).filter(|r| r.chars().count() >= 3).unwrap_or(w);
    w.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(w)
}

/// The days a document names explicitly (with year, month and day, in either calendar), in text
/// order: what story grouping compares.
pub fn named_days(mentions: &[Mention]) -> Vec<NaiveDate> {
    let probe = Reference { date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(), time: None, tz: chrono_tz::UTC };
    mentions
        .iter()
        .filter(|m| {
            let s = &m.semantics;
            s.year.is_some() && s.month.is_some() && s.day.is_some() && s.event.is_none() && s.range_end.is_none()
        })
        .filter_map(|m| {
            let sem = tarikh_grammar::Semantics { weekday: None, shift: None, ..m.semantics.clone() };
            resolve(m.kind, &sem, &probe, Prefer::Nearest).and_then(|r| r.interval).map(|iv| iv.start.date_naive())
        })
        .collect()
}

pub(super) fn evidence_of(grammar: &Grammar, text: &str, mentions: &[Mention]) -> DocEvidence {
    let clauses = tarikh_text::clause_ranges(text);
    let sentences = tarikh_text::sentence_ranges(text);
    let probe = Reference { date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(), time: None, tz: chrono_tz::UTC };
    let dated: Vec<std::ops::Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    let mut ev = DocEvidence::default();
    // the last bare day word ("أمس"): its end and shift
    let mut day_word: Option<(usize, i32)> = None;
    for m in mentions {
        let s = &m.semantics;
        if s.event.is_some() || s.reference.is_some() || s.range_end.is_some() || s.unit.is_some() || s.unknown_year {
            continue;
        }
        let matched = &text[m.range.clone()];
        let clause = enclosing(&clauses, m.range.start);
        let clause = clause.start..clause.end.min(text.len());
        let sentence = enclosing(&sentences, m.range.start);
        let sentence = sentence.start.min(clause.start)..sentence.end.min(text.len());
        let cue = tense_cue(grammar, text, clause, sentence, m.matched.clone(), &dated);
        let after_day_word = day_word.take().filter(|(end, _)| text.get(*end..m.range.start).is_some_and(|g| g.trim().is_empty())).map(|(_, n)| n);
        let own_shift = match s.shift {
            Some((Unit::Day, n)) => Some(n),
            _ => None,
        };
        let shift = own_shift.or(after_day_word);
        // Hijri years named (Gregorian years are read from the digits below)
        if let (Some(y), None, None, Calendar::Hijri) = (s.year, s.month, s.day, s.calendar) {
            if (1300..1600).contains(&y) {
                ev.hijri_years.push(y);
            }
        }
        if let (Calendar::Hijri, Some(month), None) = (s.calendar, s.month, s.day) {
            if sights_the_crescent(&text[..m.range.start]) {
                ev.sightings.push((s.year, month));
                ev.quotes.push(format!("the crescent of «{matched}» sighted"));
            }
        }
        if let (Some(month), None, true) = (s.month, s.day, marks_current_month(matched)) {
            if s.calendar == Calendar::Gregorian {
                ev.month_checks.push(month);
                ev.quotes.push(format!("«{matched}»"));
            }
        }
        if s.year.is_some() && s.month.is_some() && s.day.is_some() {
            // A full date: the day it names (the written date wins over a weekday that contradicts it).
            let sem = tarikh_grammar::Semantics { weekday: None, shift: None, ..s.clone() };
            if let Some(day) = resolve(m.kind, &sem, &probe, Prefer::Nearest).and_then(|r| r.interval).map(|iv| iv.start.date_naive()) {
                if s.calendar == Calendar::Hijri {
                    ev.hijri_years.extend(s.year);
                    ev.years.push(day.year());
                }
                // A weekday written with the date that does not fit it: one of the two is a slip.
                let slips = match s.weekday {
                    Some(w) if iso_weekday(day) != w => slip_readings(day, w),
                    _ => Vec::new(),
                };
                // A day word before the date, or in one expression with it ("يوم غد الثلاثاء
                // الموافق 16 أبريل"): the publication day is the date minus the shift.
                if let Some(n) = shift {
                    let back = |d: NaiveDate| add_days(d, -(n as i64));
                    let readings = std::iter::once(day).chain(slips.iter().copied()).map(back).collect();
                    ev.day_checks.push(DayCheck { readings, slipped: !slips.is_empty() });
                    ev.quotes.push(format!("«{matched}»"));
                }
                if !slips.is_empty() {
                    // A date at odds with its own weekday names no day of the story.
                    continue;
                }
                if ev.dateline.is_none() && on_dateline(text, &m.range) {
                    ev.dateline = Some(day);
                    ev.quotes.push(format!("dateline «{matched}»"));
                }
                ev.explicit.push((day, cue));
            }
            continue;
        }
        if let (Some(month), Some(day), None) = (s.month, s.day, s.year) {
            ev.partial.push(Partial { calendar: s.calendar, month, day, weekday: s.weekday, shift });
            ev.unyeared.push(format!("«{matched}»"));
            if shift.is_some() {
                ev.quotes.push(format!("«{matched}»"));
            }
            if s.calendar == Calendar::Gregorian && marks_current_month(matched) {
                ev.month_checks.push(month);
            }
        }
        if let (Some(n), None, None, None) = (own_shift, s.weekday, s.day, s.month) {
            day_word = Some((m.range.end, n));
        }
        if let (Some(n), Some(w), None) = (own_shift, s.weekday, s.day) {
            if n != 0 || says_today(matched) {
                ev.weekday_checks.push((n, w));
                ev.quotes.push(format!("«{matched}»"));
            }
        }
        // A weekday in apposition to a day word matched apart («مساء أمس السبت», «صباح غد الأربعاء»).
        if let (Some(n), None, Some(w), None, None) = (after_day_word, own_shift, s.weekday, s.day, s.month) {
            ev.weekday_checks.push((n, w));
            ev.quotes.push(format!("«{matched}»"));
        }
        // A bare «اليوم» (or «هذه الليلة») lands on whatever day is tried: it tells nothing.
        let bare_today = own_shift == Some(0) && s.weekday.is_none() && s.day.is_none();
        let day_level = s.weekday.is_some() || own_shift.is_some() || (s.day.is_some() && s.month.is_some());
        if day_level && !bare_today {
            let strict_future = cue == Some(Prefer::Future) && s.weekday.is_some() && s.shift.is_none() && s.direction.is_none();
            let partial = (s.month.is_some() && s.day.is_some() && s.year.is_none()).then(|| ev.partial.len().saturating_sub(1));
            ev.relative.push(DayMention { mention: m.clone(), prefer: cue.unwrap_or(Prefer::NearestLeaningPast), strict_future, partial, own_days: Vec::new() });
        }
    }
    // Gregorian years written in digits anywhere («مونديال قطر 2022», «29 سبتمبر 2020»): the
    // press names a story's events by their year even where no date is written.
    for w in text.split(|c: char| !c.is_ascii_digit()) {
        if let Ok(y) = w.parse::<i32>() {
            if w.len() == 4 && (1900..2100).contains(&y) {
                ev.years.push(y);
            }
        }
    }
    ev
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (shift, weekday) checks read from one invented sentence.
    fn weekday_checks(text: &str) -> Vec<(i32, u32)> {
        let grammar = Grammar::embedded().expect("grammar");
        let normalised = tarikh_text::Normalised::new(text);
        let mentions = grammar.find(normalised.as_str());
        evidence_of(&grammar, normalised.as_str(), &mentions).weekday_checks
    }

    #[test]
    fn a_part_of_day_with_a_weekday_does_not_say_which_day_today_is() {
        // «حتى مساء الإثنين» is read as this evening's, on a Monday, by the grammar; the words do
        // not say that today is Monday.
        assert_eq!(weekday_checks("وفرضت الحكومة حظر تجول حتى مساء الإثنين، حسب وسائل إعلام محلية"), vec![]);
        assert_eq!(weekday_checks("أنقذ الهلال الأحمر مساء اليوم الاثنين سيدتين من تحت الأنقاض"), vec![(0, 1)]);
        assert_eq!(weekday_checks("تخرج اللجان الليلة الجمعة لتحري الهلال"), vec![(0, 5)]);
    }
}
