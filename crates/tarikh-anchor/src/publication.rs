//! Inferring the publication dates of one story's articles from their texts.
//!
//! A news article rarely prints its own date once its page furniture is gone, but it dates what
//! it reports, and the articles of one story date the same days. So the publication day of each
//! article whose metadata lacks one is the candidate day that best fits what the article says,
//! read together with what its story names. Call [`infer_publications`] once per story (the
//! pipeline groups a folder into stories first): a day that another story names is no evidence.
//!
//! What an article says about its own day (rules of Arabic news writing, in every outlet's style):
//! - a **dateline**: an explicit date on one of the first three lines, on a short line of its own
//!   («الجزائر 19 شوال 1445 هـ (واس)», «دبي، 15 أبريل (رويترز)»): +50;
//! - a **day word with a date**: «اليوم السبت 17 ديسمبر 2022», «أمس السبت 18 شوال 1445هـ», «أول أمس
//!   الجمعة 20 مارس 2020», «غدا 16 جانفي الجاري»: the day is that date minus the shift (−100 for
//!   any other day); a date without its year («16 جانفي») fixes the day and month only;
//! - a **day word with a weekday**: «اليوم الأحد», «أمس السبت», «بعد غد السبت»: the weekday of the
//!   day plus the shift (−100 for a day on another weekday);
//! - **the current month**: «12 ديسمبر الجاري», «ديسمبر الحالي»: the month of the day (−50);
//! - **tense**: a date reported with a perfect verb is not after the day, one announced with a
//!   future cue (سـ، المقرر) not before it (−30 each);
//! - **a crescent sighted**: «تحري رؤية هلال شهر شوال لهذا العام 1444هـ», «ترائي هلال رمضان»:
//!   every Arab country reports the sighting of a month's crescent on the evening of the 29th of
//!   the month before, so the article appears within two days of that eve (+10);
//! - **relative days landing on the story's days**: «أمس»، «الخميس الماضي»، «غدا الجمعة»، «السبت
//!   المقبل», read against a candidate, land on a day the story names: +2 per unit of that day's
//!   weight, at most 6. A day's weight adds up over the story's documents: an explicit date
//!   weighs 2, a publication day from metadata 3, a date without a year 1 in each year it may be
//!   in: the years the story names most («مونديال قطر 2022», «لهذا العام 1444هـ») and the years
//!   next to them, since «الانتخابات الرئاسية 2024» is held on «10 ديسمبر» 2023. Which of these
//!   the story means is for its weekdays to tell: «اليوم الأحد» with «أيام 10 و11 و12 ديسمبر
//!   الجاري» lands on a named day in 2023 only, and the articles dated that way lend their days to
//!   the rest of the story;
//! - Hijri dates count as the Gregorian days they convert to (a Hijri–Gregorian pair «… الموافق …»
//!   is an explicit date either way).
//!
//! The story's days grow as its articles are dated: after a first pass, every article dated with
//! support lends its day (weight 2) and the days its relative expressions then name (weight 1) to
//! the others, and the pass is repeated (at most three times, each pass from the previous pass's
//! answers, an article never voting for itself, so the result does not depend on document order).
//! A bare «اليوم» says nothing about which day and does not count.
//!
//! The story's **present** is the 60-day stretch where its explicit dates (and known publication
//! days) weigh most; a date more than 60 days before it is history («توفي الأمير السابق في 29
//! سبتمبر 2020»), not a day near which an article of the story appears. Candidates are the story's
//! other days widened by ten days each way, and the days that the article's own day words with a
//! date point to. The best score wins; ties go to the day nearest the dates the article itself
//! names (an article appears soon after what it reports), then to the earlier (an announcement
//! comes before what it announces).
//!
//! An article gets no day — `None`, reported as `unknown`, never a guess — when its best day has
//! no support (no dateline, no day word with a date, no relative day landing on a story day, no
//! date of its own nearby), or when, naming no date itself, it fits a day weeks away as well (a
//! weekday and a month, but no year). Cost: linear in the story's documents times its candidate
//! days.

use crate::calendar::{add_days, add_months, gregorian_to_hijri, hijri_to_gregorian, iso_weekday};
use crate::document::{tense_cue, PublicationHint};
use crate::resolve::{resolve, weekday_name, Prefer, Reference};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use tarikh_grammar::{Calendar, Direction, Grammar, Mention, Unit};

/// One document as the inference sees it.
pub struct InferenceInput<'a> {
    /// The normalised text (its offset map is not needed: a run holds every document's text while
    /// it infers, and keeps only the text).
    pub normalised: &'a str,
    /// The grammar's mentions in it (`grammar.find(normalised)`).
    pub mentions: &'a [Mention],
    /// The publication date when metadata gives it (such documents only lend evidence).
    pub known: Option<NaiveDate>,
}

/// Days each way around a story day that a publication day may be.
const WINDOW: i64 = 10;

struct DayMention {
    mention: Mention,
    prefer: Prefer,
    strict_future: bool,
    /// For a date without its year, its index in `partial`: read against any candidate it lands
    /// on its own days, which are no evidence for it.
    partial: Option<usize>,
    /// The days it adds to the story's days itself (set once the story's years are known).
    own_days: Vec<NaiveDate>,
}

/// A date written without its year: «16 جانفي», «التاسع والعشرين من رمضان», «عيد الفطر».
#[derive(Debug, Clone)]
struct Partial {
    calendar: Calendar,
    month: u32,
    day: u32,
    weekday: Option<u32>,
    /// A day word before it: the publication day is this date minus the shift.
    shift: Option<i32>,
}

#[derive(Default)]
struct DocEvidence {
    /// Days named explicitly (year, month and day), with the tense cue of each.
    explicit: Vec<(NaiveDate, Option<Prefer>)>,
    /// Dates without a year.
    partial: Vec<Partial>,
    /// Relative expressions at day precision, to be read against a candidate day.
    relative: Vec<DayMention>,
    /// "اليوم الأحد" (0, 7), "أمس السبت" (-1, 6): day shift and the weekday it must fall on.
    weekday_checks: Vec<(i32, u32)>,
    /// The publication day, from a day word with a full date.
    day_checks: Vec<DayCheck>,
    /// Months the publication day must be in («ديسمبر الجاري»).
    month_checks: Vec<u32>,
    /// Hijri months whose crescent the article is sighting («تحري رؤية هلال شهر شوال لهذا العام
    /// 1444هـ»), with the Hijri year when written: the sighting is on the eve of the month.
    sightings: Vec<(Option<i32>, u32)>,
    /// The date of the dispatch's dateline, if it has one.
    dateline: Option<NaiveDate>,
    /// Gregorian and Hijri years the text names (in digits, 1900–2099 and 1300–1599).
    years: Vec<i32>,
    hijri_years: Vec<i32>,
    /// Short quotes of what the evidence was, for documents.csv.
    quotes: Vec<String>,
}

/// The publication day a day word with a full date gives («اليوم السبت 17 ديسمبر 2022»).
#[derive(Debug)]
struct DayCheck {
    /// The days it may give, minus the day word's shift: the date as written, first; when the
    /// weekday written with it does not fit the date, also the days that keep the weekday and the
    /// day number or the week (one of the two is a slip).
    readings: Vec<NaiveDate>,
    /// Whether the date and its weekday disagree (every reading then weighs half).
    slipped: bool,
}

impl DayCheck {
    /// Of a slipped check's readings, keep those nearest the story's days `days` (the rest of the
    /// story tells which slip it was: «الخميس 12 ديسمبر 2023» in a story of January 2023 is
    /// Thursday 12 January 2023). In a story naming no other day, the date as written stays.
    fn keep_nearest(&mut self, days: &Named) {
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
fn slip_readings(date: NaiveDate, weekday: u32) -> Vec<NaiveDate> {
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

/// Whether a matched month is marked as the current one («ديسمبر الجاري», «مارس الحالي»).
fn marks_current_month(text: &str) -> bool {
    text.split(|c: char| !tarikh_text::is_word_char(c)).any(|w| matches!(w, "الجاري" | "الجاريه" | "الحالي" | "الحاليه"))
}

/// Words that report the sighting of a month's crescent (normalised, without clitics): «تحري
/// رؤية الهلال», «ترائي الهلال», «استطلاع الهلال», «مراقبة الهلال», «ثبوت رؤية الهلال».
const SIGHTING_WORDS: &[&str] = &["رويه", "تحري", "ترايي", "استطلاع", "مراقبه", "رصد", "ترقب", "ثبوت"];

/// Whether the words just before a Hijri month name say that its crescent is sought or seen:
/// «… رؤية هلال شهر شوال», «تحري هلال رمضان». The press of every Arab country reports the
/// sighting on the evening of the 29th of the month before (Saudi Arabia's Supreme Court, Egypt's
/// Dar al-Ifta, Morocco's ministry of Islamic affairs, Oman's and Iraq's committees), so such an
/// article appears on that eve or a day or two around it.
fn sights_the_crescent(before: &str) -> bool {
    let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(4).collect();
    let Some(at) = words.iter().take(2).position(|w| strip_clitics(w) == "هلال") else { return false };
    words[at + 1..].iter().take(2).any(|w| SIGHTING_WORDS.contains(&strip_clitics(w)))
}

/// A normalised word without the و، ل، ب and ال that Arabic joins to it («لتحري», «والرؤية»).
fn strip_clitics(w: &str) -> &str {
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

fn evidence_of(grammar: &Grammar, text: &str, mentions: &[Mention]) -> DocEvidence {
    let clauses = tarikh_text::clause_ranges(text);
    let sentences = tarikh_text::sentence_ranges(text);
    let probe = Reference { date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(), time: None, tz: chrono_tz::UTC };
    let mut ev = DocEvidence::default();
    // the last bare day word ("أمس"): its end and shift
    let mut day_word: Option<(usize, i32)> = None;
    for m in mentions {
        let s = &m.semantics;
        if s.event.is_some() || s.reference.is_some() || s.range_end.is_some() || s.unit.is_some() {
            continue;
        }
        let matched = &text[m.range.clone()];
        let clause = enclosing(&clauses, m.range.start);
        let clause = clause.start..clause.end.min(text.len());
        let sentence = enclosing(&sentences, m.range.start);
        let sentence = sentence.start.min(clause.start)..sentence.end.min(text.len());
        let cue = tense_cue(grammar, text, clause, sentence, m.matched.clone());
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
            ev.weekday_checks.push((n, w));
            ev.quotes.push(format!("«{matched}»"));
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

/// The story's days: day → weight (see the module docs).
type Named = BTreeMap<NaiveDate, u32>;

/// The story's days as one document reads them: all of them, without that document's own share
/// (its own earlier answer must not vote for itself).
struct StoryDays<'a> {
    all: &'a Named,
    without: &'a Named,
}

impl StoryDays<'_> {
    /// The weight of a day (0 when the story does not name it).
    fn get(&self, day: &NaiveDate) -> u32 {
        self.all.get(day).copied().unwrap_or(0).saturating_sub(self.without.get(day).copied().unwrap_or(0))
    }

    /// The days with some weight, ascending.
    fn days(&self) -> impl Iterator<Item = &NaiveDate> + '_ {
        self.all.keys().filter(|d| self.get(d) > 0)
    }
}

fn add_named(named: &mut Named, day: NaiveDate, weight: u32) {
    *named.entry(day).or_default() += weight;
}

/// The Gregorian days a date without a year may be: in the years the story names and the years
/// next to them (Gregorian), or in the Hijri years it names; a weekday written with it must fit.
fn instances(p: &Partial, years: &StoryYears) -> Vec<NaiveDate> {
    let days: Vec<NaiveDate> = match p.calendar {
        Calendar::Gregorian => years.named.iter().chain(&years.near).filter_map(|&y| NaiveDate::from_ymd_opt(y, p.month, p.day)).collect(),
        Calendar::Hijri => years.hijri.iter().filter_map(|&y| hijri_to_gregorian(y, p.month, p.day)).collect(),
    };
    days.into_iter().filter(|d| p.weekday.is_none_or(|w| iso_weekday(*d) == w)).collect()
}

/// The day a relative expression names when read against `d`, if it is at day level.
fn land(dm: &DayMention, d: NaiveDate) -> Option<NaiveDate> {
    let r = Reference { date: d, time: None, tz: chrono_tz::UTC };
    let mut sem = dm.mention.semantics.clone();
    if dm.strict_future {
        sem.direction = Some(Direction::Future);
    }
    let iv = resolve(dm.mention.kind, &sem, &r, dm.prefer).and_then(|x| x.interval)?;
    ((iv.end - iv.start).num_hours() <= 30).then(|| iv.start.date_naive())
}

struct Scored {
    score: i64,
    /// Relative expressions landing on story days.
    landed: usize,
    /// Day words and weekdays landing on a date the article itself writes.
    agreeing: usize,
    /// A day word with a date, or the dateline, puts the day here.
    fixed: bool,
    /// The day is on or next to the eve of a month whose crescent the article sights.
    sighting: bool,
}

/// A day word with a date without its year («غدا 16 جانفي»): the date's days in the story's
/// years, the shift, and the Gregorian month and day.
struct PartialCheck {
    days: Vec<NaiveDate>,
    shift: i32,
    month_day: Option<(u32, u32)>,
}

/// What a document's dates without a year and its sightings name once the story's years are
/// known.
struct Placed {
    /// Its day words with a date without its year («غدا 16 جانفي»).
    partial_checks: Vec<PartialCheck>,
    /// The days its dates without a year may be, in the story's years.
    own_partial: Vec<NaiveDate>,
    /// The eves (the 29th of the month before) of the Hijri months whose crescent it sights.
    sighting_eves: Vec<NaiveDate>,
    /// The days it writes itself: its full dates and its dates without a year in the story's years.
    own_days: BTreeSet<NaiveDate>,
}

impl Placed {
    fn of(ev: &DocEvidence, years: &StoryYears) -> Placed {
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

fn score(ev: &DocEvidence, placed: &Placed, named: &StoryDays<'_>, d: NaiveDate) -> Scored {
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
const OWN_AGREEMENT: i64 = 12;

/// Days either side of a sighting's eve on which an article reporting it appears (announced a day
/// or two ahead; the result the same night or the next morning; a 30-day month moves it a day).
const SIGHTING_SLACK: i64 = 2;

/// What one pass concluded about one document.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    day: NaiveDate,
    evidence: String,
}

/// The story's days known before any inference: explicit dates, dates without a year in the
/// story's years, publication days from metadata and what their relative days name.
fn base_days(evidence: &[DocEvidence], docs: &[InferenceInput<'_>], years: &StoryYears) -> Named {
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
struct StoryYears {
    /// The Gregorian years the story names most.
    named: BTreeSet<i32>,
    /// The years around those («انتخابات 2024» may be held in December 2023): its dates without
    /// a year may be there too.
    near: BTreeSet<i32>,
    /// The Hijri years the story names most («لهذا العام 1444هـ»: exactly that year), or those of
    /// its Gregorian years when it names none.
    hijri: BTreeSet<i32>,
}

/// The story's years (see [`StoryYears`]); a story naming only Hijri years gets the Gregorian
/// years they fall in.
fn story_years(evidence: &[DocEvidence], docs: &[InferenceInput<'_>]) -> StoryYears {
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

/// Two equally supported days further apart than this leave the day unknown.
const AMBIGUOUS: i64 = 7;

/// Span of the story's present: the stretch of this many days holding most of its explicit dates.
const PRESENT_SPAN: i64 = 60;

/// The story's present: the `PRESENT_SPAN`-day stretch in which its explicit dates and known
/// publication days weigh most (the later stretch on a tie), as (its first day, its last named
/// day). Dates long before it are the story's history («توفي في 29 سبتمبر 2020»), not its days.
fn story_present(evidence: &[DocEvidence], docs: &[InferenceInput<'_>]) -> Option<(NaiveDate, NaiveDate)> {
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

/// Infer the publication day of every document of one story whose metadata lacks one, from the
/// evidence of the whole story (see the module docs). Returns, per input, `Some((day, evidence))`
/// for an inferred day, `None` when the metadata already gives it or when nothing supports a day.
pub fn infer_publications(grammar: &Grammar, docs: &[InferenceInput<'_>]) -> Vec<Option<(NaiveDate, String)>> {
    use rayon::prelude::*;
    let mut evidence: Vec<DocEvidence> = docs.par_iter().map(|d| evidence_of(grammar, d.normalised, d.mentions)).collect();
    let years = story_years(&evidence, docs);
    for ev in &mut evidence {
        for dm in &mut ev.relative {
            if let Some(p) = dm.partial.and_then(|k| ev.partial.get(k)) {
                dm.own_days = instances(p, &years);
            }
        }
    }
    let base = base_days(&evidence, docs, &years);
    let present = story_present(&evidence, docs);
    for check in evidence.iter_mut().flat_map(|ev| &mut ev.day_checks) {
        check.keep_nearest(&base);
    }
    if std::env::var_os("TARIKH_DEBUG_DCT").is_some() {
        eprintln!("story years {years:?}; days {base:?}");
        for (i, ev) in evidence.iter().enumerate() {
            eprintln!("  doc {i}: explicit {:?} partial {:?} wchecks {:?} dchecks {:?} months {:?} years {:?} rel {}", ev.explicit, ev.partial, ev.weekday_checks, ev.day_checks, ev.month_checks, ev.years, ev.relative.len());
        }
    }
    let placed: Vec<Placed> = evidence.iter().map(|ev| Placed::of(ev, &years)).collect();
    let mut found: Vec<Option<Found>> = vec![None; docs.len()];
    for _pass in 0..3 {
        // The story's days: the base, plus every day found in the previous pass and what the
        // document's relative days name from it; each document reads them without its own share.
        let shares: Vec<Named> = found
            .iter()
            .zip(&evidence)
            .map(|(f, ev)| {
                let mut share = Named::new();
                if let Some(f) = f {
                    add_named(&mut share, f.day, 2);
                    for day in ev.relative.iter().filter_map(|dm| land(dm, f.day)) {
                        add_named(&mut share, day, 1);
                    }
                }
                share
            })
            .collect();
        let mut all = base.clone();
        for share in &shares {
            for (day, w) in share {
                add_named(&mut all, *day, *w);
            }
        }
        let next: Vec<Option<Found>> = docs
            .par_iter()
            .zip(&evidence)
            .zip(&placed)
            .enumerate()
            .map(|(i, ((doc, ev), placed))| {
                if doc.known.is_some() {
                    return None;
                }
                let days = StoryDays { all: &all, without: &shares[i] };
                if std::env::var_os("TARIKH_DEBUG_DCT").is_some() {
                    eprintln!("  doc {i}:");
                }
                best_day(ev, placed, &days, present)
            })
            .collect();
        if std::env::var_os("TARIKH_DEBUG_DCT").is_some() {
            eprintln!("pass: {:?}", next.iter().map(|f| f.as_ref().map(|f| f.day)).collect::<Vec<_>>());
        }
        if next == found {
            break;
        }
        found = next;
    }
    found.into_iter().map(|f| f.map(|f| (f.day, f.evidence))).collect()
}

/// The best-supported day for one document given the story's days, or `None`.
fn best_day(ev: &DocEvidence, placed: &Placed, named: &StoryDays<'_>, present: Option<(NaiveDate, NaiveDate)>) -> Option<Found> {
    // Days long before the story's present are its history: no publication day is near them.
    // The story's days far from its present (long before: its history; long after: what it
    // announces) are no place for an article of the story; the article's own dates always are.
    let current = |d: &NaiveDate| present.is_none_or(|(start, last)| *d >= add_days(start, -PRESENT_SPAN) && *d <= add_days(last, PRESENT_SPAN));
    let mut candidates: BTreeSet<NaiveDate> = BTreeSet::new();
    for day in named.days().filter(|d| current(d)).chain(ev.explicit.iter().map(|e| &e.0)).chain(ev.day_checks.iter().flat_map(|c| &c.readings)).chain(ev.dateline.iter()) {
        for k in -WINDOW..=WINDOW {
            candidates.insert(add_days(*day, k));
        }
    }
    for eve in &placed.sighting_eves {
        candidates.extend((-SIGHTING_SLACK..=SIGHTING_SLACK).map(|k| add_days(*eve, k)));
    }
    for pd in &placed.partial_checks {
        candidates.extend(pd.days.iter().map(|d| add_days(*d, -(pd.shift as i64))));
    }
    // Ties go to the day nearest the days the article names itself (an article appears soon after
    // what it reports): its dates with their year; when it has none, its dates without one; when
    // it has none of those either, the eves of the crescents it sights. Then to the earlier.
    let explicit: Vec<NaiveDate> = ev.explicit.iter().map(|e| e.0).collect();
    let near_to: &[NaiveDate] = [&explicit[..], &placed.own_partial, &placed.sighting_eves].into_iter().find(|days| !days.is_empty()).unwrap_or_default();
    let nearness = |d: NaiveDate| near_to.iter().map(|x| (*x - d).num_days().abs()).min().unwrap_or(0);
    let mut own = explicit.clone();
    own.extend(placed.own_partial.iter().copied());
    let mut best: Option<(Scored, NaiveDate)> = None;
    let mut tied: Vec<NaiveDate> = Vec::new();
    for d in candidates {
        let s = score(ev, placed, named, d);
        if std::env::var_os("TARIKH_DEBUG_DCT").is_some() && (s.score > 0 || s.fixed) {
            eprintln!("    candidate {d}: score {} landed {} agreeing {} fixed {} near {:?}", s.score, s.landed, s.agreeing, s.fixed, nearness(d));
        }
        let better = match &best {
            None => true,
            Some((b, bd)) => s.score > b.score || (s.score == b.score && nearness(d) < nearness(*bd)),
        };
        if best.as_ref().is_some_and(|(b, _)| s.score > b.score) {
            tied.clear();
        }
        if best.as_ref().is_none_or(|(b, _)| s.score >= b.score) {
            tied.push(d);
        }
        if better {
            best = Some((s, d));
        }
    }
    let (s, day) = best?;
    let near_own = own.iter().any(|x| (*x - day).num_days().abs() <= WINDOW);
    if !(s.fixed || s.landed > 0 || s.sighting || near_own) {
        return None;
    }
    // As good a day weeks away: the evidence does not tell which (a weekday and a month, but no
    // year): no day rather than a guess.
    if !s.fixed && own.is_empty() && tied.iter().any(|x| (*x - day).num_days().abs() > AMBIGUOUS) {
        return None;
    }
    let mut why = Vec::new();
    if s.fixed {
        why.push(ev.quotes.iter().take(2).cloned().collect::<Vec<_>>().join(", "));
    }
    if s.landed > 0 {
        why.push(format!("{} relative day expression(s) land on days the story names", s.landed));
    }
    if s.agreeing > 0 {
        why.push(format!("{} day word(s) land on dates the article writes", s.agreeing));
    }
    if !ev.weekday_checks.is_empty() {
        why.push(format!("the weekday fits: {}", ev.weekday_checks.iter().take(2).map(|(n, w)| format!("{} {}", day_word_name(*n), weekday_name(*w))).collect::<Vec<_>>().join(", ")));
    }
    if s.sighting {
        why.push(ev.quotes.iter().find(|q| q.starts_with("the crescent")).cloned().unwrap_or_default());
    }
    if !s.fixed && s.landed == 0 && !s.sighting {
        why.push("near the dates it names".into());
    }
    if s.score < 0 {
        why.push("some cues disagree (low confidence)".into());
    }
    Some(Found { day, evidence: why.into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>().join("; ") })
}

fn day_word_name(shift: i32) -> &'static str {
    match shift {
        -2 => "أول أمس",
        -1 => "أمس",
        0 => "اليوم",
        1 => "غدا",
        2 => "بعد غد",
        _ => "يوم",
    }
}

impl PublicationHint {
    /// A hint for a document whose publication day was inferred from its story.
    pub fn inferred(day: NaiveDate, evidence: String, timezone: chrono_tz::Tz) -> PublicationHint {
        PublicationHint { date: None, time: None, timezone, fallback: None, inferred: Some((day, evidence)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Infer the days of a story of invented articles (none with metadata).
    fn infer(texts: &[&str]) -> Vec<Option<String>> {
        let grammar = Grammar::embedded().expect("grammar");
        let normalised: Vec<tarikh_text::Normalised> = texts.iter().map(|t| tarikh_text::Normalised::new(t)).collect();
        let mentions: Vec<Vec<Mention>> = normalised.iter().map(|n| grammar.find(n.as_str())).collect();
        let inputs: Vec<InferenceInput<'_>> = normalised.iter().zip(&mentions).map(|(n, m)| InferenceInput { normalised: n.as_str(), mentions: m, known: None }).collect();
        infer_publications(&grammar, &inputs).into_iter().map(|r| r.map(|(d, _)| d.to_string())).collect()
    }

    #[test]
    fn a_day_word_with_its_date_fixes_the_day() {
        assert_eq!(infer(&["تنطلق عملية الاقتراع اليوم السبت 17 ديسمبر 2022 في كامل البلاد"]), vec![Some("2022-12-17".into())]);
        assert_eq!(infer(&["فرضت السلطات حالة الطوارئ ابتداء من أول أمس الجمعة 20 مارس 2020"]), vec![Some("2020-03-22".into())]);
    }

    #[test]
    fn a_date_without_its_year_takes_the_story_year() {
        // «غدا 16 جانفي الجاري»: the day before 16 January, in the year the story names.
        let got = infer(&["تنطلق الحملة غدا 16 جانفي الجاري وتجرى الدورة الثانية يوم الأحد 29 جانفي 2023"]);
        assert_eq!(got, vec![Some("2023-01-15".into())]);
    }

    #[test]
    fn relative_days_land_on_the_days_the_story_names() {
        let got = infer(&[
            "أعلنت اللجنة أن التصويت سيجري يوم الأربعاء الموافق 20 ديسمبر 2023",
            "أدى الأمير اليمين الدستورية اليوم الأربعاء أمام مجلس الأمة",
        ]);
        assert_eq!(got[1], Some("2023-12-20".into()));
    }

    #[test]
    fn a_day_word_agrees_with_the_date_its_own_article_writes() {
        // «غداً» in the headline, the date in the body: the day before the date, though «غداً»
        // read from the date itself would land on a day the other article names as well.
        let got = infer(&[
            "تعليق الدراسة غداً\nقررت الحكومة تعليق الدراسة يوم الثلاثاء 16 أبريل بسبب الأحوال الجوية",
            "أعلنت الهيئة أن الأمطار ستتواصل حتى الأربعاء 17 أبريل 2024 في معظم المناطق",
        ]);
        assert_eq!(got[0], Some("2024-04-15".into()));
    }

    #[test]
    fn the_weekdays_tell_which_year_a_date_without_its_year_is_in() {
        // «انتخابات 2024» held in December 2023: only in 2023 is 10 December a Sunday, and the
        // Tuesday of the second article then lands on the 12th of that year, not of 2024.
        let got = infer(&[
            "يدلي الناخبون بأصواتهم في انتخابات الرئاسة 2024 بدءا من اليوم الأحد، على مدى أيام 10 و11 و12 ديسمبر الجاري",
            "تواصل اللجان استقبال الناخبين صباح اليوم الثلاثاء في آخر أيام التصويت بانتخابات الرئاسة",
        ]);
        assert_eq!(got, vec![Some("2023-12-10".into()), Some("2023-12-12".into())]);
    }

    #[test]
    fn an_article_sighting_a_crescent_appears_on_the_eve_of_its_month() {
        // The 29th of Ramadan 1444 is Thursday 20 April 2023 (Umm al-Qura); the weekday picks it
        // among the days around the eve.
        assert_eq!(infer(&["تخرج لجان الترائي مساء اليوم الخميس لتحري رؤية هلال شهر شوال لعام 1444هـ"]), vec![Some("2023-04-20".into())]);
        // Without a weekday, the eve itself is the best-supported day.
        assert_eq!(infer(&["دعت المحكمة إلى ترائي هلال شهر رمضان لهذا العام 1445هـ"]), vec![Some("2024-03-10".into())]);
        assert!(sights_the_crescent("دعت المحكمة العليا إلى تحري رؤية هلال شهر "));
        assert!(sights_the_crescent("واستطلاع الهلال "));
        assert!(!sights_the_crescent("وصل الوزير في أول أيام "), "a month named without its crescent");
        assert!(!sights_the_crescent("تحري الدقة في نقل أخبار "), "sighting words without هلال");
    }

    #[test]
    fn a_date_at_odds_with_its_weekday_is_read_with_either_slipped() {
        // 6 November 2024 is a Wednesday: the Monday with the same day number nearest the story's
        // other article is 6 January 2025 (the month copied from an older text).
        let got = infer(&[
            "جرى التصويت في الجولة الثانية يوم الأحد 5 يناير 2025 وسط إقبال ضعيف",
            "قال رئيس اللجنة في مؤتمر صحفي اليوم الاثنين 6 نوفمبر 2024 إن فرز الأصوات سيكتمل خلال يومين",
        ]);
        assert_eq!(got[1], Some("2025-01-06".into()));
        // Alone, nothing tells which is the slip: the date as written.
        assert_eq!(infer(&["أعلنت الوزارة اليوم الجمعة 4 مايو 2023 عن خطة جديدة"]), vec![Some("2023-05-04".into())]);
        // The readings of «الجمعة 4 مايو 2023» (a Thursday): Fridays on the 4th within a year, and
        // the Friday of that week.
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let readings = slip_readings(d("2023-05-04"), 5);
        assert!(readings.contains(&d("2023-05-05")), "the day number is the slip");
        assert!(readings.contains(&d("2022-11-04")) && readings.contains(&d("2023-08-04")), "the month is the slip");
        assert!(readings.iter().all(|r| iso_weekday(*r) == 5), "every reading keeps the weekday");
    }

    #[test]
    fn a_story_of_another_year_is_no_evidence_here() {
        // The weekday alone, with no day of the story's own: unknown, not a day of another story.
        assert_eq!(infer(&["أعلنت الحكومة اليوم الاثنين الحداد ثلاثة أيام"]), vec![None]);
    }

    #[test]
    fn nothing_dated_gives_no_day() {
        assert_eq!(infer(&["انتهى الشوط الأول بتقدم الفريق الضيف بهدف", "سجل المهاجم الهدف في الدقيقة الثالثة"]), vec![None, None]);
    }

    #[test]
    fn a_hijri_date_with_a_day_word_fixes_the_day() {
        assert_eq!(infer(&["وكانت الطائرة الأولى قد وصلت أمس السبت 18 شوال 1445هـ إلى المطار"]), vec![Some("2024-04-28".into())]);
    }
}
