//! Clock times and parts of day that name no day of their own: which day they fall on.
//!
//! «ابتداء من الساعة السادسة مساء», «حتى الساعة السادسة مساء», «(04:00 بتوقيت غرينتش)» say an hour
//! and leave the day to the sentence. News writing gives it in one of four ways, checked in order:
//! - hours right after a stated day («استمر القصف أمس من الثامنة صباحا حتى الثالثة عصرا») are
//!   that day's, whatever schedule or stretch the sentence names besides (the two readings below
//!   are skipped);
//! - a daily schedule named in the sentence (a curfew, working hours: the `daily` cues of the
//!   grammar) makes the time a recurring one, on no particular day: a SET `XXXX-XX-XXT19:00` —
//!   unless a perfect verb right before it tells it as something that happened once («وبدأ حظر
//!   التجول عند الساعة 18:00»; «أعلنت الحكومة يوم الثلاثاء حظر التجول من السابعة مساء» stays daily);
//! - a range of clock hours in a sentence naming a stretch of many days (a week, a month, a
//!   season: «توقيت العمل خلال شهر رمضان من الساعة التاسعة صباحا إلى الثالثة») holds on each of
//!   them: a SET `XXXX-XX-XXT09:00` (same perfect-verb exception);
//! - a list of days just before it («أيام 10 و11 و12 ديسمبر … من التاسعة صباحا») makes it the time
//!   on each of them: `XXXX-XX-XXT09:00`;
//! - a clock time of the same sentence written in another zone («السادسة صباح اليوم الجمعة
//!   بالتوقيت المحلي (04:00 بتوقيت غرينتش)») is the same instant: it takes that instant's day in
//!   its own zone (which may be the day before, after midnight);
//! - otherwise the last day the sentence names before it is the day being narrated: the time falls
//!   on it, or on the next day when that day is an evening or a night and the time is in the small
//!   hours or at dawn (ليل السبت … الساعة الثانية فجرا = Sunday 02:00). An hour with no part of day
//!   takes the part that day was told in when it fits it («عصر السبت … الساعة الخامسة» = 17:00),
//!   and the first end of a range of hours after a range of days («من اليوم الاثنين إلى غاية يوم
//!   الثلاثاء، من الساعة الثانية عشرة زوالا إلى …») is on the first day.
//!
//! With no day in its sentence, a time takes the day the sentence right before it ended on (the
//! narrative is still there); with none there either, it keeps the publication day it was
//! resolved against.

use crate::calendar::add_days;
use crate::resolve::{resolve, Prefer, Reference};
use crate::types::{AnchorKind, Timex, TimexType};
use chrono::NaiveDate;
use std::ops::Range;
use tarikh_grammar::{Grammar, Mention, MentionType, PartOfDay, RangeMember, Semantics};

/// A time of day that names no day: a clock hour or a part of day, with no date, weekday or day
/// word, and not a recurrence or an offset from an event.
fn names_no_day(kind: MentionType, s: &Semantics) -> bool {
    kind == MentionType::Time
        && (s.hour.is_some() || s.part_of_day.is_some())
        && s.year.is_none()
        && s.month.is_none()
        && s.day.is_none()
        && s.weekday.is_none()
        && s.shift.is_none()
        && s.hijri_pair.is_none()
        && s.every.is_none()
        && s.event.is_none()
        && s.event_gap.is_none()
        && s.last_of_event.is_none()
        && s.reference.is_none()
        && s.anaphora.is_none()
}

/// The day a timex names, when it names one day (a date, or a time on a known day).
fn day_of(t: &Timex) -> Option<NaiveDate> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.value.contains('/') {
        return None;
    }
    let iv = t.interval?;
    if (iv.end - iv.start).num_hours() > 30 {
        return None;
    }
    ymd(t.value.get(..10)?)
}

/// `NaiveDate::parse_from_str(s, "%Y-%m-%d")`, read directly when `s` has the shape every value
/// of ours has (`2024-03-10`): chrono's parser reads its pattern again at every call, and this
/// runs for every expression of every text.
fn ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')));
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Is a timex a range of whole days («من 5 إلى 7 مايو», «11 و12 ديسمبر»: `2023-12-11/2023-12-12`)?
fn is_day_range(t: &Timex) -> bool {
    t.kind == TimexType::Date
        && t.value.split_once('/').is_some_and(|(a, b)| [a, b].iter().all(|v| v.len() == 10 && ymd(v).is_some()))
}

/// Does a timex end its day in the evening or at night (so that small hours after it are the next day)?
fn is_late(t: &Timex) -> bool {
    let clock_hour = t.value.get(11..13).and_then(|h| h.parse::<u32>().ok());
    t.value.ends_with("TEV") || t.value.ends_with("TNI") || clock_hour.is_some_and(|h| h >= 18)
}

/// Is a time of day in the small hours or at dawn (before six, or the morning)?
fn is_small_hours(s: &Semantics) -> bool {
    match (s.hour, s.part_of_day) {
        (Some(h), pod) => {
            let pm = matches!(pod, Some(PartOfDay::Afternoon | PartOfDay::Evening | PartOfDay::Midday | PartOfDay::Noon));
            !pm && (h < 6 || h == 12 && pod == Some(PartOfDay::Morning))
        }
        (None, Some(pod)) => pod == PartOfDay::Morning,
        (None, None) => false,
    }
}

/// The words between two expressions are only a list's joints («10 و11 و12»: و, commas, spaces)?
fn list_joint(between: &str) -> bool {
    between.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).all(|w| w == "و")
}

/// Is a time told as something that happened once: a perfect verb among the last four words before
/// it, with no other expression between («وبدأ حظر التجول عند الساعة 18:00»; not «بدأت يوم الإثنين
/// ليبدأ الساعة الثالثة عصراً», where the verb tells the Monday)?
fn told_as_once(grammar: &Grammar, before: &str) -> bool {
    let words: Vec<&str> = before.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
    words.iter().rev().take(4).any(|w| {
        let bare = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|b| b.chars().count() >= 2).unwrap_or(w);
        grammar.cue(bare).or_else(|| grammar.cue(w)) == Some(tarikh_grammar::Direction::Past)
    })
}

/// Is a time told in the past: among the last eight words before it, nearest first, a perfect verb
/// (a past cue of the grammar or a perfect by its form) before any imperfect or سـ verb, and not
/// a verb of deciding or announcing, whose hours are a measure's («أعلنت السلطات حظر التجول من
/// العاشرة ليلا …»: the nightly hours)?
fn told_in_the_past(grammar: &Grammar, before: &str) -> bool {
    let words: Vec<&str> = before.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
    for w in words.iter().rev().take(8) {
        let bare = crate::document::bare(w);
        if crate::governor::in_table(grammar, "deciding_verbs", bare) || crate::governor::in_table(grammar, "advising_words", bare) {
            return false;
        }
        if crate::document::looks_imperfect(bare) || crate::document::is_future_verb(bare) {
            return false;
        }
        if grammar.cue(bare).or_else(|| grammar.cue(w)) == Some(tarikh_grammar::Direction::Past) || crate::perfect::looks_perfect(bare) {
            return true;
        }
    }
    false
}

/// The value of a time of day on no particular day: `XXXX-XX-XXT19:00`, `XXXX-XX-XXTEV`.
fn undated(value: &str) -> Option<String> {
    let clock = value.get(10..).filter(|c| c.starts_with('T'))?;
    Some(format!("XXXX-XX-XX{clock}"))
}

/// Give every time of day that names no day the day its sentence gives it (see the module doc).
/// `mentions[i]` is the mention `timexes[i]` was built from.
pub(crate) fn times_take_their_day(grammar: &Grammar, mentions: &[&Mention], timexes: &mut [Timex], text: &str, sentences: &[Range<usize>], tz: chrono_tz::Tz) {
    // Whether a sentence names a daily schedule, kept for the next time of day in it (a search of
    // every schedule phrase through the sentence).
    let mut daily: Option<(Range<usize>, bool)> = None;
    // The first end of a range of hours moved to the first day of a range of days, and the last
    // day, which the second end keeps.
    let mut moved_start: Option<(usize, NaiveDate)> = None;
    // The times that found no day, neither in their sentence nor in the one before (they keep
    // the publication day they were resolved against).
    let mut dayless = vec![false; timexes.len()];
    for i in 0..timexes.len() {
        let Some(m) = mentions.get(i) else { continue };
        if !names_no_day(m.kind, &m.semantics) || timexes[i].kind != TimexType::Time {
            continue;
        }
        let sentence = sentences.iter().find(|r| r.start <= m.range.start && m.range.start < r.end).cloned().unwrap_or(0..text.len());
        let sentence = sentence.start..sentence.end.min(text.len());
        // The words a verb telling this time would stand in: since the sentence's start or the
        // last expression before it (a verb before that one tells that one).
        let told_from = (0..i).rev().map(|j| timexes[j].byte_range.end).find(|&e| e <= m.matched.start).unwrap_or(0).max(sentence.start);
        let names_a_daily_schedule = match &daily {
            Some((r, found)) if *r == sentence => *found,
            _ => {
                let found = grammar.names_a_daily_schedule(&text[sentence.clone()]);
                daily = Some((sentence.clone(), found));
                found
            }
        };
        // «قطع التيار أمس من الساعة العاشرة إلى الثانية، ويستمر القطع طيلة أيام الأسبوع»: hours
        // the sentence puts on a stated day are that day's, whatever schedule or stretch it names.
        // «يسري حظر التجول من الثامنة حتى السادسة صباح الأحد»: the first end of a range of hours
        // whose second end names its own day is on that night, not on every day.
        let on_a_stated_day = on_a_stated_day(mentions, timexes, text, i, &sentence) || ends_on_a_day_of_its_own(mentions, timexes, text, i);
        if names_a_daily_schedule && !on_a_stated_day && !told_as_once(grammar, &text[told_from..m.matched.start]) {
            if let Some(v) = undated(&timexes[i].value) {
                let t = &mut timexes[i];
                (t.value, t.kind, t.interval, t.anchor) = (v, TimexType::Set, None, AnchorKind::Explicit);
            }
            continue;
        }
        // A range of clock hours in a sentence that names a stretch of many days («توقيت العمل خلال
        // شهر رمضان من الساعة التاسعة صباحا إلى الثالثة»): the hours hold on each of its days.
        if in_a_clock_range(mentions, timexes, text, i) && !on_a_stated_day && names_a_stretch_of_days(timexes, i, &sentence) && !told_as_once(grammar, &text[told_from..m.matched.start]) {
            if let Some(v) = undated(&timexes[i].value) {
                let t = &mut timexes[i];
                (t.value, t.kind, t.interval, t.anchor) = (v, TimexType::Set, None, AnchorKind::Explicit);
            }
            continue;
        }
        // The last expression before this one, in its sentence, that names a day or a range of days;
        // else the day the sentence before it ended on (see `day_of_the_sentence_before`).
        let in_sentence = (0..i).rev().take_while(|&j| timexes[j].byte_range.start >= sentence.start).find(|&j| day_of(&timexes[j]).is_some() || is_day_range(&timexes[j]));
        let Some(j) = in_sentence.or_else(|| day_of_the_sentence_before(timexes, i, sentence.start, sentences, text)) else {
            dayless[i] = true;
            continue;
        };
        // (a time that takes its day from a time that found none has none either: the second end
        // of a range of hours told on no day)
        if dayless[j] {
            dayless[i] = true;
        }
        let (prev, this) = (&timexes[j], &timexes[i]);
        // A list or a range of days: the time holds on each of them. (A range of days written as
        // two expressions, «من 5 إلى 7 مايو», ends with its last member.)
        let in_list = is_day_range(prev)
            || mentions.get(j).is_some_and(|p| p.semantics.range_member == Some(RangeMember::Last) && p.semantics.range_end.is_some_and(|(_, _, day)| day.is_some()))
            || (0..j).rev().take_while(|&k| timexes[k].byte_range.start >= sentence.start).next().is_some_and(|k| {
                let before = &timexes[k];
                day_of(before).is_some_and(|d| Some(d) != day_of(prev)) && text.get(before.byte_range.end..prev.byte_range.start).is_some_and(list_joint)
            });
        if in_list {
            if let Some(v) = undated(&this.value) {
                let t = &mut timexes[i];
                (t.value, t.interval, t.anchor) = (v, None, AnchorKind::Explicit);
            }
            continue;
        }
        let Some(day) = day_of(prev) else { continue };
        let day = match moved_start {
            Some((k, last_day)) if k == j => last_day,
            _ => day,
        };
        // The first end of a range of hours after a range of days («من اليوم الاثنين إلى غاية يوم
        // الثلاثاء، من الساعة الثانية عشرة زوالا إلى الحادية عشرة ليلا»): the hours run from the
        // first day to the last, so the first hour is on the first day.
        let first_day = j.checked_sub(1).filter(|&k| timexes[k].byte_range.start >= sentence.start && in_a_clock_range_as_its_start(mentions, timexes, text, i)).and_then(|k| {
            let joined = text.get(timexes[k].byte_range.end..prev.byte_range.start).is_some_and(range_joint);
            day_of(&timexes[k]).filter(|&d| joined && d < day)
        });
        if first_day.is_some() {
            moved_start = Some((i, day));
        }
        let day = first_day.unwrap_or(day);
        // The same instant written in another zone, right after it («(04:00 بتوقيت غرينتش)»): its
        // day in that zone. (Times further apart, as in a schedule, are different instants.)
        let adjacent = text.get(prev.byte_range.end..m.matched.start).is_some_and(|g| g.chars().count() <= 4 && !g.chars().any(char::is_alphanumeric));
        let same_instant = adjacent && m.semantics.timezone.is_some() && prev.kind == TimexType::Time && prev.value.len() >= 16 && prev.value.as_bytes().get(13) == Some(&b':');
        let day = if same_instant {
            let Some(zone) = m.semantics.timezone.as_deref().and_then(crate::resolve::stated_zone) else { continue };
            let Some(iv) = prev.interval else { continue };
            iv.start.with_timezone(&zone).date_naive()
        } else if is_late(prev) && is_small_hours(&m.semantics) && m.semantics.part_of_day != Some(PartOfDay::Midnight) {
            add_days(day, 1)
        } else {
            day
        };
        let reference = Reference { date: day, time: None, tz };
        // A clock hour with no part of day, on a day told in a part of day it fits («عصر السبت …
        // نحو الساعة الخامسة و10 دقائق» = 17:10), is in that part of day.
        // Not after «قد» («وكان الرئيس قد استقبل السفير في الساعة العاشرة»): a pluperfect tells
        // a time before the day's evening, not in it.
        let pluperfect = text.get(prev.byte_range.end..m.matched.start).is_some_and(|g| g.split(|c: char| !tarikh_text::is_word_char(c)).any(|w| w == "قد"));
        let mut semantics = m.semantics.clone();
        if !same_instant && !pluperfect && semantics.part_of_day.is_none() && !on_a_24_hour_clock(&text[m.matched.clone()]) {
            semantics.part_of_day = semantics.hour.and_then(|h| part_of_day_an_hour_fits(&prev.value, h));
        }
        let Some(res) = resolve(m.kind, &semantics, &reference, Prefer::Future) else { continue };
        if res.value == this.value {
            timexes[i].anchor = AnchorKind::Narrative;
            continue;
        }
        let t = &mut timexes[i];
        (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
    }
    clocks_take_the_part_of_day_after_them(mentions, timexes, text, tz);
    ranges_share_their_end(mentions, timexes, text, tz, &dayless);
    hours_take_the_day_named_right_after_them(mentions, timexes, text, tz, &dayless);
    second_ends_follow_the_first(grammar, mentions, timexes, text, sentences, tz, &dayless);
    advice_over_hours_is_daily(grammar, mentions, timexes, text, sentences, &dayless);
    small_hour_ranges_are_the_afternoons(mentions, timexes, text, sentences, tz);
    a_night_told_in_the_past_is_the_last(grammar, mentions, timexes, text, sentences, &dayless);
    runs_of_clock_times_roll_over_midnight(mentions, timexes, tz);
}

/// A range of hours into the next morning, told in the past on no day («شهدت أحياء المدينة
/// اشتباكات من العاشرة ليلا إلى الثانية فجرا»، «نظم الحفل من العاشرة حتى الخامسة صباحا»): what
/// happened is over, so it is the night that ended on the publication day, not the one ahead of
/// it. Only when the first end found no day (it stands on the publication day), the second end
/// names none and falls on the next day, no day is named after the hours in the sentence, and a
/// perfect verb tells them ([`told_in_the_past`]).
fn a_night_told_in_the_past_is_the_last(grammar: &Grammar, mentions: &[&Mention], timexes: &mut [Timex], text: &str, sentences: &[Range<usize>], dayless: &[bool]) {
    for i in 0..timexes.len().saturating_sub(1) {
        if !dayless.get(i).copied().unwrap_or(false) || !in_a_clock_range_as_its_start(mentions, timexes, text, i) {
            continue;
        }
        let Some(second) = mentions.get(i + 1) else { continue };
        if !names_no_day(second.kind, &second.semantics) || timexes[i].kind != TimexType::Time || timexes[i + 1].kind != TimexType::Time {
            continue;
        }
        let (Some(first_day), Some(second_day)) = (day_of(&timexes[i]), day_of(&timexes[i + 1])) else { continue };
        if second_day != add_days(first_day, 1) {
            continue;
        }
        let at = timexes[i].byte_range.start;
        let sentence = sentences.iter().find(|r| r.start <= at && at < r.end).cloned().unwrap_or(0..text.len());
        let day_after = timexes[i + 2..].iter().take_while(|t| t.byte_range.start < sentence.end).any(|t| day_of(t).is_some() || t.value.get(..10).is_some_and(|d| ymd(d).is_some()));
        if day_after || !told_in_the_past(grammar, text.get(sentence.start.min(at)..at).unwrap_or("")) {
            continue;
        }
        for k in [i, i + 1] {
            let t = &mut timexes[k];
            let (Some(day), Some(rest), Some(iv)) = (day_of(t), t.value.get(10..).map(str::to_owned), t.interval) else { continue };
            let back = |d: chrono::DateTime<chrono::FixedOffset>| d.checked_sub_signed(chrono::TimeDelta::days(1)).unwrap_or(d);
            (t.value, t.interval, t.anchor) = (format!("{}{rest}", add_days(day, -1).format("%Y-%m-%d")), Some(crate::types::Interval { start: back(iv.start), end: back(iv.end) }), AnchorKind::Narrative);
        }
    }
}

/// Words that put the hours of their sentence in the night: a range of small hours there is the
/// night's («من الساعة الواحدة إلى الرابعة بعد منتصف الليل»، «ليلا»، «الفجر»).
const NIGHT_WORDS: &[&str] = &[
    "ليل", "ليلا", "الليل", "ليله", "الليله", "ليلي", "الليلي", "ليليه", "الليليه", "فجر", "فجرا", "الفجر", "منتصف", "السحور", "سحور",
    // a curfew's hours are the night's («يسري حظر التجول من الساعة الواحدة إلى الخامسة»)
    "التجول", "تجول",
];

/// A range of small clock hours that names no part of day at either end («يوصي الخبراء بتجنب
/// السفر يوم غد من الساعة الثانية إلى الخامسة»، «يعمل المكتب من الساعة الواحدة إلى الرابعة»):
/// news writes the hours of a day's business so (office hours, advice, cuts of water or power),
/// and marks a night's with «فجرا / ليلا / بعد منتصف الليل», so the range is the afternoon's
/// (14:00–17:00). Only a first end from one to five and a later second end up to seven, both read
/// as written (no hour of a 24-hour clock, no part of day given them since), in a sentence with no
/// word of the night (`NIGHT_WORDS`, a curfew's among them) and no other expression naming a part
/// of day.
fn small_hour_ranges_are_the_afternoons(mentions: &[&Mention], timexes: &mut [Timex], text: &str, sentences: &[Range<usize>], tz: chrono_tz::Tz) {
    for i in 0..timexes.len().saturating_sub(1) {
        if !in_a_clock_range_as_its_start(mentions, timexes, text, i) {
            continue;
        }
        let (Some(m1), Some(m2)) = (mentions.get(i), mentions.get(i + 1)) else { continue };
        let (Some(h1), Some(h2)) = (m1.semantics.hour, m2.semantics.hour) else { continue };
        if m1.semantics.part_of_day.is_some() || m2.semantics.part_of_day.is_some() || !(1..=5).contains(&h1) || !(h1 < h2 && h2 <= 7) {
            continue;
        }
        // (each value still on the hour as written: no part of day given it by another reading)
        let as_written = |k: usize, h: u32| clock_minutes(&timexes[k].value).is_some_and(|c| c / 60 == h) && !on_a_24_hour_clock(&text[mentions[k].matched.clone()]);
        if !as_written(i, h1) || !as_written(i + 1, h2) {
            continue;
        }
        let at = timexes[i].byte_range.start;
        let sentence = sentences.iter().find(|r| r.start <= at && at < r.end).cloned().unwrap_or(0..text.len());
        let night = text.get(sentence.start..sentence.end.min(text.len())).unwrap_or("").split(|c: char| !tarikh_text::is_word_char(c)).any(|w| {
            let b = w.strip_prefix(['و', 'ف', 'ب']).filter(|b| b.chars().nth(2).is_some()).unwrap_or(w);
            NIGHT_WORDS.contains(&w) || NIGHT_WORDS.contains(&b)
        });
        // (another expression of the sentence that names a part of day tells which half: «صباح
        // اليوم، توقفت حركة القطارات من الساعة الثانية إلى الخامسة»)
        let part_of_day_told = mentions.iter().enumerate().any(|(k, m)| {
            k != i && k != i + 1 && m.semantics.part_of_day.is_some() && timexes.get(k).is_some_and(|t| sentence.contains(&t.byte_range.start))
        });
        if night || part_of_day_told {
            continue;
        }
        for k in [i, i + 1] {
            let t = &mut timexes[k];
            if let Some(rest) = t.value.strip_prefix("XXXX-XX-XXT") {
                // a daily window: the same clock twelve hours on
                let Some(h) = rest.get(..2).and_then(|h| h.parse::<u32>().ok()) else { continue };
                t.value = format!("XXXX-XX-XXT{:02}{}", h + 12, &rest[2..]);
                continue;
            }
            let Some(day) = day_of(t) else { continue };
            let mut semantics = mentions[k].semantics.clone();
            semantics.part_of_day = Some(PartOfDay::Afternoon);
            if let Some(res) = resolve(mentions[k].kind, &semantics, &Reference { date: day, time: None, tz }, Prefer::Future) {
                (t.value, t.interval) = (res.value, res.interval);
            }
        }
    }
}

/// The clock (hours and minutes) of a value that carries one (`2024-05-12T14:00`,
/// `XXXX-XX-XXT06:00`), in minutes after midnight.
fn clock_minutes(value: &str) -> Option<u32> {
    let b = value.as_bytes();
    if b.len() < 16 || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let (h, m) = (value.get(11..13)?.parse::<u32>().ok()?, value.get(14..16)?.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The second end of a range of clock times comes after its first (a range runs forward):
/// - a bare hour («من الساعة العاشرة إلى الساعة الثانية»: a working or opening window) is the
///   first time after the start that a clock shows it, so 14:00, not 02:00 before the start;
/// - an end read before the start, on the start's day («من الثامنة مساء حتى السادسة صباحا»)
///   closes the night: it is on the next morning. With no day anywhere (both ends on the
///   publication day only because nothing else was said), a night range is the nightly hours of
///   a curfew or a shift, on no particular day: both ends become `XXXX-XX-XXT20:00` /
///   `XXXX-XX-XXT06:00` (the gold's convention for hours on no day).
///
/// Daily hours (`XXXX-XX-XXT…`) only change their clock. A second end already after its first
/// (on a later day of a range of days, or in order) is left alone, and so is one with a day of
/// its own.
#[allow(clippy::too_many_arguments)]
fn second_ends_follow_the_first(grammar: &Grammar, mentions: &[&Mention], timexes: &mut [Timex], text: &str, sentences: &[Range<usize>], tz: chrono_tz::Tz, dayless: &[bool]) {
    const ANY_DAY: &str = "XXXX-XX-XXT";
    for i in 0..timexes.len().saturating_sub(1) {
        let (Some(first), Some(second)) = (mentions.get(i), mentions.get(i + 1)) else { continue };
        let is_clock = |m: &Mention| m.kind == MentionType::Time && m.semantics.hour.is_some();
        if !is_clock(first) || !is_clock(second) || !names_no_day(second.kind, &second.semantics) {
            continue;
        }
        if !text.get(first.matched.end..second.matched.start).is_some_and(range_joint) {
            continue;
        }
        let (Some(from), Some(to)) = (clock_minutes(&timexes[i].value), clock_minutes(&timexes[i + 1].value)) else { continue };
        let daily = timexes[i].value.starts_with(ANY_DAY) && timexes[i + 1].value.starts_with(ANY_DAY);
        let s = &second.semantics;
        let bare = s.part_of_day.is_none() && s.hour.is_some_and(|h| (1..=12).contains(&h)) && !on_a_24_hour_clock(&text[second.matched.clone()]);
        // The clock the second end shows, read forward from the first: a bare hour in the half of
        // the day that comes first after the start.
        let minute = to % 60;
        let forward = |clock: u32| clock > from;
        let candidates: Vec<u32> = if bare { s.hour.map(|h| h % 12 * 60 + minute).into_iter().flat_map(|c| [c, c + 12 * 60]).collect() } else { vec![to] };
        let after = candidates.iter().copied().find(|&c| forward(c));
        if daily {
            if to > from {
                continue;
            }
            if let Some(clock) = after {
                timexes[i + 1].value = format!("{ANY_DAY}{:02}:{:02}", clock / 60, clock % 60);
            }
            continue;
        }
        let (Some(first_iv), Some(second_iv)) = (timexes[i].interval, timexes[i + 1].interval) else { continue };
        let (start, end) = (first_iv.start.with_timezone(&tz).naive_local(), second_iv.start.with_timezone(&tz).naive_local());
        if end > start || end.date() != start.date() {
            continue;
        }
        let (clock, next_day) = match after {
            Some(c) => (c, false),
            None => (candidates[0], true),
        };
        // (not when the sentence names the day after the hours, «نظم الحفل من 10 إلى 12 ليلا مساء
        // أمس», nor when a perfect verb right before tells the night as one that happened)
        let sentence = sentences.iter().find(|r| r.start <= first.matched.start && first.matched.start < r.end).cloned().unwrap_or(0..text.len());
        let day_after = timexes[i + 2..].iter().take_while(|t| t.byte_range.start < sentence.end).any(|t| day_of(t).is_some() || t.value.get(..10).is_some_and(|d| ymd(d).is_some()));
        let once = told_as_once(grammar, text.get(sentence.start.min(first.matched.start)..first.matched.start).unwrap_or(""));
        if next_day && !day_after && !once && dayless.get(i).copied().unwrap_or(false) && dayless.get(i + 1).copied().unwrap_or(false) {
            // A night range told on no day: the nightly hours.
            for k in [i, i + 1] {
                if let Some(v) = undated(&timexes[k].value) {
                    let t = &mut timexes[k];
                    (t.value, t.kind, t.interval, t.anchor) = (v, TimexType::Set, None, AnchorKind::Explicit);
                }
            }
            continue;
        }
        let day = if next_day { add_days(start.date(), 1) } else { start.date() };
        let mut sem = s.clone();
        if bare {
            sem.hour = Some(clock / 60);
        }
        let Some(res) = resolve(second.kind, &sem, &Reference { date: day, time: None, tz }, Prefer::Future) else { continue };
        if clock_minutes(&res.value) != Some(clock) || !res.value.starts_with(&day.format("%Y-%m-%d").to_string()) {
            continue;
        }
        let t = &mut timexes[i + 1];
        (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
    }
}

/// Advice over a range of hours that names no day («ينصح بعدم الخروج من الحادية عشرة صباحا
/// حتى الرابعة عصرا»، «تنصح الوزارة بتجنب التعرض للشمس بين الساعة 11 و16»): heat-wave and
/// health advice holds every day it lasts, a daily window on no particular day
/// (`XXXX-XX-XXT11:00`), as a curfew's hours are. Only a range of clock times whose ends found no
/// day, in a clause holding a word of the grammar's word table `advising_words` before it (no
/// comma between them).
fn advice_over_hours_is_daily(grammar: &Grammar, mentions: &[&Mention], timexes: &mut [Timex], text: &str, sentences: &[Range<usize>], dayless: &[bool]) {
    for i in 0..timexes.len().saturating_sub(1) {
        let both_dayless = dayless.get(i).copied().unwrap_or(false) && dayless.get(i + 1).copied().unwrap_or(false);
        if !both_dayless || !in_a_clock_range_as_its_start(mentions, timexes, text, i) {
            continue;
        }
        if timexes[i].kind != TimexType::Time || timexes[i + 1].kind != TimexType::Time {
            continue;
        }
        let at = timexes[i].byte_range.start;
        let sentence = sentences.iter().find(|r| r.start <= at && at < r.end).cloned().unwrap_or(0..text.len());
        // the advice must govern the hours' own clause: a comma ends an advice («قال إنه ينصح
        // مريضه بالراحة، وقد أجريت العملية من الساعة التاسعة …» tells one operation)
        let head = text.get(sentence.start..at).unwrap_or("");
        let head = head.rfind(['،', ',', '؛', ';']).map_or(head, |k| &head[k..]);
        // «تجنب» alone is also a past verb («تجنب السائق الاصطدام»): advice only after «إلى / على»
        // («دعت الأرصاد إلى تجنب الخروج»، «حثت على تجنب …»)
        let mut previous = "";
        let advised = head.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).any(|w| {
            let b = w.strip_prefix(['و', 'ف']).filter(|b| b.chars().nth(2).is_some()).unwrap_or(w);
            let after_to = matches!(previous, "الي" | "علي");
            previous = w;
            crate::governor::in_table(grammar, "advising_words", b) || (b == "تجنب" && after_to)
        });
        let day_after = timexes[i + 2..].iter().take_while(|t| t.byte_range.start < sentence.end).any(|t| t.value.get(..10).is_some_and(|d| ymd(d).is_some()));
        if !advised || day_after {
            continue;
        }
        for k in [i, i + 1] {
            if let Some(v) = undated(&timexes[k].value) {
                let t = &mut timexes[k];
                (t.value, t.kind, t.interval, t.anchor) = (v, TimexType::Set, None, AnchorKind::Explicit);
            }
        }
    }
}

/// Is clock time `i` one end of a range of clock times («من الساعة التاسعة صباحا إلى الثالثة»,
/// «ما بين الساعة الثامنة صباحا والسابعة مساء»)?
fn in_a_clock_range(mentions: &[&Mention], timexes: &[Timex], text: &str, i: usize) -> bool {
    in_a_clock_range_as_its_start(mentions, timexes, text, i) || (i > 0 && in_a_clock_range_as_its_start(mentions, timexes, text, i - 1))
}

/// Is clock time `i` the first end of a range of clock times, the clock time after it its second?
fn in_a_clock_range_as_its_start(mentions: &[&Mention], timexes: &[Timex], text: &str, i: usize) -> bool {
    let is_clock = |k: usize| mentions.get(k).is_some_and(|m| m.kind == MentionType::Time && m.semantics.hour.is_some()) && timexes.get(k).is_some_and(|t| t.kind != TimexType::Duration);
    is_clock(i) && is_clock(i + 1) && text.get(timexes[i].byte_range.end..timexes[i + 1].byte_range.start).is_some_and(range_joint)
}

/// Is clock time `i` the first end of a range of clock times whose second end names a day of its
/// own, the first naming none: a bare hour that takes its part of day from it («من الثامنة حتى
/// السادسة صباح الأحد»، «من العاشرة إلى الخامسة مساء الجمعة») or an hour with its own part of day
/// («من الثامنة مساء حتى السادسة صباح الأحد», see [`ranges_share_their_end`])? The hours are then
/// that day's (or that night's), whatever schedule the sentence names.
fn ends_on_a_day_of_its_own(mentions: &[&Mention], timexes: &[Timex], text: &str, i: usize) -> bool {
    let no_day = mentions.get(i).is_some_and(|m| names_no_day(m.kind, &m.semantics));
    no_day && in_a_clock_range_as_its_start(mentions, timexes, text, i) && mentions.get(i + 1).is_some_and(|m| !names_no_day(m.kind, &m.semantics))
}

/// Words that may stand between a stated day and the hours it holds («أمس من الثامنة»، «الأحد
/// بين الساعة العاشرة …»), as normalised text writes them.
const DAY_TO_HOURS: &[&str] = &["من", "في", "بين", "ما", "عند", "حوالي", "نحو"];

/// Words before a day that make it the bound of a span («ابتداء من الأحد من السابعة مساء»: the
/// first day of a schedule, not the one day the hours are on).
const DAY_AS_A_BOUND: &[&str] = &["من", "منذ", "حتي", "غايه", "لغايه", "ابتداء", "اعتبارا", "بدءا", "بدايه", "انطلاقا"];

/// Does clock time `i` (or the range of hours it ends) stand right after a stated day, one day
/// named just before it in its sentence with at most two words of [`DAY_TO_HOURS`] between
/// («استمر القصف أمس من الثامنة صباحا حتى الثالثة عصرا»)? Then the hours are that day's, not a
/// schedule's. Not when the day is itself the bound of a span («ابتداء من الأحد»، «منذ أمس»), nor
/// when a stop or a colon parts them («توقيت العمل الجديد الذي يبدأ الأحد: من الساعة 8 …»).
fn on_a_stated_day(mentions: &[&Mention], timexes: &[Timex], text: &str, i: usize, sentence: &Range<usize>) -> bool {
    let first = if i > 0 && in_a_clock_range_as_its_start(mentions, timexes, text, i - 1) { i - 1 } else { i };
    let Some(j) = first.checked_sub(1) else { return false };
    let (day, hours) = (&timexes[j], &timexes[first]);
    if day.byte_range.start < sentence.start || day_of(day).is_none() || day.byte_range.end > hours.byte_range.start {
        return false;
    }
    let words_of = |r: Range<usize>| -> Vec<&str> { text.get(r).unwrap_or("").split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect() };
    let between = words_of(day.byte_range.end..hours.byte_range.start);
    if between.len() > 2 || !between.iter().all(|w| DAY_TO_HOURS.contains(w)) || text.get(day.byte_range.end..hours.byte_range.start).is_some_and(|g| g.contains(['،', ',', '.', ':', ';', '؛'])) {
        return false;
    }
    let before = words_of(sentence.start..day.byte_range.start);
    !before.iter().rev().take(2).any(|w| {
        let b = w.strip_prefix('و').filter(|b| b.chars().nth(1).is_some()).unwrap_or(w);
        DAY_AS_A_BOUND.contains(&b)
    })
}

/// The longest stretch of days that makes hours recur rather than name one span: a season (three
/// months and a few days); a year is a frame of the story, not a schedule.
const LONGEST_STRETCH_HOURS: i64 = 100 * 24;

/// Does the sentence of timex `i` name a stretch of many days (a week, a month, a season: «خلال
/// شهر رمضان», «طيلة فصل الصيف», «إلى غاية نهاية الأسبوع»)? A range of whole days is left to the
/// list reading («من 5 إلى 7 مايو من العاشرة صباحا»).
fn names_a_stretch_of_days(timexes: &[Timex], i: usize, sentence: &Range<usize>) -> bool {
    timexes.iter().enumerate().any(|(j, t)| {
        j != i
            && t.kind == TimexType::Date
            && sentence.start <= t.byte_range.start
            && t.byte_range.end <= sentence.end
            && !is_day_range(t)
            && t.interval.is_some_and(|iv| (48..=LONGEST_STRETCH_HOURS).contains(&(iv.end - iv.start).num_hours()))
    })
}

/// Is a clock time written on a 24-hour clock («05:10», «17:10»), which no part of day changes?
fn on_a_24_hour_clock(written: &str) -> bool {
    let digits: String = written.chars().filter(|c| c.is_ascii_digit() || *c == ':').collect();
    digits.split_once(':').is_some_and(|(h, _)| h.len() == 2 && (h.starts_with('0') || h.parse::<u32>().is_ok_and(|h| h > 12)))
}

/// The part of day of a day told in one (`…TAF`, `…TEV`, `…TNI`) when a clock hour with none
/// fits it: one to six in the afternoon, four to eleven in the evening, seven to eleven at night.
fn part_of_day_an_hour_fits(value: &str, hour: u32) -> Option<PartOfDay> {
    let (pod, hours) = match value.get(10..)? {
        "TAF" => (PartOfDay::Afternoon, 1..=6),
        "TEV" => (PartOfDay::Evening, 4..=11),
        "TNI" => (PartOfDay::Night, 7..=11),
        _ => return None,
    };
    hours.contains(&hour).then_some(pod)
}

/// A time of day whose own sentence names no day, in the sentence right after one that ended on a
/// day («يلتقي المنتخبان يوم الأحد 18 ديسمبر في نهائي كأس 2022. وتنطلق المباراة على الساعة
/// الرابعة عصرا»): the narrative is still on that day, which the time takes. Only when the two
/// sentences are adjacent (a line break between them is allowed: web articles give each sentence
/// a line; a blank line is not), the day is one day (a list or a range of days starts a schedule,
/// which its own sentence must say), and nothing but durations and bare years (a name's year:
/// «كأس 2022») stands between the day and the time. Returns the index of that day's timex.
fn day_of_the_sentence_before(timexes: &[Timex], i: usize, sentence_start: usize, sentences: &[Range<usize>], text: &str) -> Option<usize> {
    let before = sentences.iter().filter(|r| r.start < sentence_start).max_by_key(|r| r.start)?;
    let this = &timexes[i];
    for j in (0..i).rev() {
        let prev = &timexes[j];
        if prev.byte_range.start < before.start || prev.byte_range.end > sentence_start {
            return None;
        }
        if text.get(prev.byte_range.end..this.byte_range.start)?.matches('\n').count() > 1 {
            return None;
        }
        if day_of(prev).is_some() {
            return (!prev.value.starts_with('X')).then_some(j);
        }
        let bare_year = prev.kind == TimexType::Date && prev.value.len() == 4;
        if !(bare_year || matches!(prev.kind, TimexType::Duration | TimexType::Set)) {
            return None;
        }
    }
    None
}

/// How far apart (in bytes) two clock times of one run may stand: a schedule or an hour-by-hour
/// account, not two stories in one article.
const RUN_REACH: usize = 800;

/// Clock times told one after another with no day between them (an hour-by-hour account, a
/// schedule: «23.15 … 00.40 …»): a time in the small hours after one in the evening or at night is
/// on the next day. Only times that found no day in their own sentence move.
fn runs_of_clock_times_roll_over_midnight(mentions: &[&Mention], timexes: &mut [Timex], tz: chrono_tz::Tz) {
    // The last clock time of the run: its day, whether it was late, where it ended.
    let mut last: Option<(NaiveDate, bool, usize)> = None;
    for (t, m) in timexes.iter_mut().zip(mentions) {
        let is_clock = t.kind == TimexType::Time && m.semantics.hour.is_some() && t.value.as_bytes().get(13) == Some(&b':');
        if !is_clock {
            if day_of(t).is_some() {
                last = None; // a day named between ends the run
            }
            continue;
        }
        let Some(day) = day_of(t) else { continue };
        let bare = names_no_day(m.kind, &m.semantics) && t.anchor == AnchorKind::Dct;
        if let Some((run_day, late, end)) = last {
            let near = t.byte_range.start.saturating_sub(end) <= RUN_REACH;
            if bare && near && late && day == run_day && is_small_hours(&m.semantics) {
                if let Some(res) = resolve(m.kind, &m.semantics, &Reference { date: add_days(day, 1), time: None, tz }, Prefer::Future) {
                    (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
                }
            }
        }
        last = day_of(t).map(|d| (d, is_late(t), t.byte_range.end));
    }
}

/// A clock time written without a part of day, followed by «من» and the part of a named day
/// («… و8:30 من مساء اليوم الخميس», the end of a range that the part of day serves whole), is in
/// that part of that day.
fn clocks_take_the_part_of_day_after_them(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz) {
    for i in 0..timexes.len().saturating_sub(1) {
        let (Some(clock), Some(part)) = (mentions.get(i), mentions.get(i + 1)) else { continue };
        let s = &clock.semantics;
        if !(s.hour.is_some() && s.part_of_day.is_none() && names_no_day(clock.kind, s)) || timexes[i].value.starts_with('X') {
            continue;
        }
        let p = &part.semantics;
        if part.kind != MentionType::Time || p.hour.is_some() || p.part_of_day.is_none() {
            continue;
        }
        let joined = text.get(clock.matched.end..part.matched.start).is_some_and(|g| matches!(g.split_whitespace().collect::<Vec<_>>().as_slice(), [] | ["من"]));
        let Some(day) = timexes[i + 1].value.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else { continue };
        if !joined {
            continue;
        }
        let mut sem = s.clone();
        sem.part_of_day = p.part_of_day;
        let Some(res) = resolve(clock.kind, &sem, &Reference { date: day, time: None, tz }, Prefer::Future) else { continue };
        let t = &mut timexes[i];
        (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
    }
}

/// A range of clock times that found no day, followed at once by an expression naming one day
/// («امتدت السهرة من العاشرة ليلا إلى الثانية فجرا مساء أمس»، «تستمر الاحتفالات من التاسعة مساء
/// إلى الواحدة صباحا ليلة الخميس»): the hours are told on that day, the first end on it and the
/// second on it or, when its clock is not after the first's, on the next (a night that ran past
/// midnight). Only a day written right after the second end, nothing but spaces between.
fn hours_take_the_day_named_right_after_them(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz, dayless: &[bool]) {
    for i in 0..timexes.len().saturating_sub(2) {
        let both_dayless = dayless.get(i).copied().unwrap_or(false) && dayless.get(i + 1).copied().unwrap_or(false);
        if !both_dayless || !in_a_clock_range_as_its_start(mentions, timexes, text, i) {
            continue;
        }
        if timexes[i].kind != TimexType::Time || timexes[i + 1].kind != TimexType::Time {
            continue;
        }
        let Some(day) = day_of(&timexes[i + 2]) else { continue };
        if !text.get(timexes[i + 1].byte_range.end..timexes[i + 2].byte_range.start).is_some_and(|g| g.chars().all(char::is_whitespace)) {
            continue;
        }
        let (Some(from), Some(to)) = (clock_minutes(&timexes[i].value), clock_minutes(&timexes[i + 1].value)) else { continue };
        let second_day = if to > from { day } else { add_days(day, 1) };
        for (k, on) in [(i, day), (i + 1, second_day)] {
            let Some(m) = mentions.get(k) else { continue };
            if let Some(res) = resolve(m.kind, &m.semantics, &Reference { date: on, time: None, tz }, Prefer::Future) {
                let t = &mut timexes[k];
                (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
            }
        }
    }
}

/// The first end of a range of clock times written with its own part of day but no day, that
/// found none in its sentence (`dayless`), whose second end names its day («يفتح مكتب الاقتراع من
/// الساعة الثامنة صباحا إلى الساعة السابعة مساء الأحد»، «من الثامنة مساء حتى السادسة صباح
/// الأحد»): the hours are that day's, the first on the day before when its clock is not before
/// the second's (a night ending that morning). Returns whether it moved the first end.
fn first_end_takes_the_day_of_the_second(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz, dayless: &[bool], i: usize) -> bool {
    let (Some(first), Some(second)) = (mentions.get(i), mentions.get(i + 1)) else { return false };
    let s = &first.semantics;
    let own_part = s.hour.is_some() && s.part_of_day.is_some() && names_no_day(first.kind, s) && dayless.get(i).copied().unwrap_or(false);
    let dated_end = second.kind == MentionType::Time && second.semantics.hour.is_some() && !names_no_day(second.kind, &second.semantics);
    if !own_part || !dated_end || timexes[i].kind != TimexType::Time || timexes[i + 1].kind != TimexType::Time {
        return false;
    }
    if !text.get(first.matched.end..second.matched.start).is_some_and(range_joint) {
        return false;
    }
    let (Some(day), Some(from), Some(to)) = (timexes[i + 1].value.get(..10).and_then(ymd), clock_minutes(&timexes[i].value), clock_minutes(&timexes[i + 1].value)) else { return false };
    let day = if from >= to { add_days(day, -1) } else { day };
    let Some(res) = resolve(first.kind, s, &Reference { date: day, time: None, tz }, Prefer::Future) else { return false };
    let t = &mut timexes[i];
    (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
    true
}

/// Words joining the two ends of a range of clock times («من الساعة 3 إلى الساعة 4 بعد العصر»,
/// «ما بين الساعة 7 و8:30 من مساء اليوم»).
fn range_joint(between: &str) -> bool {
    // Normalised text: ى is written ي, ة is written ه.
    let words: Vec<&str> = between.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    // (each joint also after «و»: «وحتى»، «ولغاية» as Iraqi news writes, «وإلى غاية»)
    matches!(words.as_slice(), [] | ["و"] | ["الي"] | ["حتي"] | ["وحتي"] | ["و", "حتي"] | ["والي"] | ["لغايه"] | ["ولغايه"] | ["الي", "غايه"] | ["والي", "غايه"])
}

/// Does a range of clock times whose first end is the bare hour `first` (1–12) and whose second
/// end reads `end_clock` (00–23) run across midnight: the second end in the morning or the small
/// hours, the first, read in that half of the day, not before it («من الثامنة حتى السادسة صباحا»:
/// a curfew or a night shift from 20:00 to 06:00)? Twelve and midnight are left alone.
fn crosses_midnight(first: u32, end_clock: Option<u32>) -> bool {
    end_clock.is_some_and(|e| (1..12).contains(&e) && (1..12).contains(&first) && first >= e)
}

/// The first end of a range of clock times, written without a part of day or a day, takes them
/// from the second end («من الساعة 3 إلى الساعة 4 بعد العصر» = 15:00 to 16:00; «بين الساعة 7
/// و8:30 من مساء اليوم الخميس» = 19:00 Thursday). The part of day is taken only when the range still
/// runs forward (from eight to four in the afternoon starts in the morning); a first hour not before
/// a morning second end is in the evening ([`crosses_midnight`]: «من الثامنة حتى السادسة صباحا» =
/// 20:00 to 06:00), the evening before when the second end names its own day. Daily hours
/// («يسري حظر التجول بين الساعة 7 و8 مساء»: `XXXX-XX-XXT19:00` to `XXXX-XX-XXT20:00`) share the
/// part of day alike, on no day.
fn ranges_share_their_end(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz, dayless: &[bool]) {
    const ANY_DAY: &str = "XXXX-XX-XXT";
    for i in 0..timexes.len().saturating_sub(1) {
        let (Some(first), Some(second)) = (mentions.get(i), mentions.get(i + 1)) else { continue };
        let s = &first.semantics;
        if first_end_takes_the_day_of_the_second(mentions, timexes, text, tz, dayless, i) {
            continue;
        }
        let bare = s.hour.is_some() && s.part_of_day.is_none() && names_no_day(first.kind, s);
        let daily = timexes[i].value.starts_with(ANY_DAY) && timexes[i + 1].value.starts_with(ANY_DAY);
        if !bare || (timexes[i].value.starts_with('X') && !daily) || second.kind != MentionType::Time || second.semantics.hour.is_none() {
            continue;
        }
        if !text.get(first.matched.end..second.matched.start).is_some_and(range_joint) {
            continue;
        }
        let end = &timexes[i + 1];
        // Daily hours are read on any day (the first of 2024) and keep only their clock.
        let on = if daily { Some("2024-01-01") } else { end.value.get(..10) };
        let Some(day) = on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else { continue };
        let mut sem = s.clone();
        let twelve = |h: u32| if h.is_multiple_of(12) { 12 } else { h % 12 };
        let mut day = day;
        if let (Some(pod), Some(h), Some(end_hour)) = (second.semantics.part_of_day, s.hour, second.semantics.hour) {
            // The second end's clock as read (06 for «السادسة صباحا», 17 for «الخامسة عصرا»).
            let end_clock = end.value.get(11..13).and_then(|c| c.parse::<u32>().ok());
            if h <= 12 && twelve(h) <= twelve(end_hour) && !crosses_midnight(h, end_clock) {
                sem.part_of_day = Some(pod);
            } else if crosses_midnight(h, end_clock) {
                sem.part_of_day = Some(PartOfDay::Evening);
                // A second end on a day of its own («حتى السادسة صباح الأحد») closes the night
                // that began the evening before; a second end on the narrated or published day
                // leaves the first on that day (or on the evening before, when the narrative
                // already put it there and the small hours on the next day).
                let narrated = day_of(&timexes[i]).filter(|&d| d < day);
                day = if !names_no_day(second.kind, &second.semantics) { add_days(day, -1) } else { narrated.unwrap_or(day) };
            }
        }
        let Some(res) = resolve(first.kind, &sem, &Reference { date: day, time: None, tz }, Prefer::Future) else { continue };
        let t = &mut timexes[i];
        if daily {
            if let Some(clock) = res.value.get(ANY_DAY.len()..) {
                t.value = format!("{ANY_DAY}{clock}");
            }
            continue;
        }
        (t.value, t.interval, t.anchor) = (res.value, res.interval, AnchorKind::Narrative);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse_phrase_all;

    #[test]
    fn days_read_directly_are_the_days_chrono_reads() {
        for s in ["2024-03-10", "2024-02-30", "2023-02-29", "0000-01-01", "9999-12-31", "2024-13-01", "2024-00-10", "XXXX-04-24", "2024-W10-1", "2024-3-10x", "+202-03-10", "2024-03-1a", "20240310xx", "2024-03-10T", "٢٠٢٤-03-10"] {
            assert_eq!(ymd(s), NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(), "{s}");
        }
    }

    fn values(text: &str, reference: &str) -> Vec<(String, String, String)> {
        let grammar = Grammar::embedded().expect("grammar");
        let r = Reference { date: NaiveDate::parse_from_str(reference, "%Y-%m-%d").unwrap(), time: None, tz: chrono_tz::Africa::Cairo };
        parse_phrase_all(&grammar, text, r, Prefer::NearestLeaningPast).into_iter().map(|t| (t.text, t.kind.as_str().to_string(), t.value)).collect()
    }

    fn value_of(text: &str, reference: &str, expression: &str) -> (String, String) {
        let all = values(text, reference);
        all.iter().find(|(t, _, _)| t == expression).map(|(_, k, v)| (k.clone(), v.clone())).unwrap_or_else(|| panic!("«{expression}» not found in {all:?}"))
    }

    #[test]
    fn a_clock_time_falls_on_the_day_its_sentence_names() {
        let v = value_of("ستقام المباراة يوم غد السبت برسم ربع النهائي، ابتداء من الساعة الرابعة عصرا.", "2022-12-09", "الساعة الرابعة عصرا");
        assert_eq!(v, ("TIME".into(), "2022-12-10T16:00".into()));
        // With no day in its sentence it stays on the publication day.
        let v = value_of("قال إن الجلسة ستبدأ. وتفتح الأبواب الساعة الرابعة عصرا.", "2022-12-09", "الساعة الرابعة عصرا");
        assert_eq!(v.1, "2022-12-09T16:00");
    }

    #[test]
    fn a_clock_time_with_no_day_in_its_sentence_stays_on_the_day_the_sentence_before_ended_on() {
        let text = "يلتقي المنتخبان في النهائي يوم الأحد 18 ديسمبر. وتنطلق المباراة على الساعة الرابعة عصرا.";
        assert_eq!(value_of(text, "2022-12-14", "الساعة الرابعة عصرا").1, "2022-12-18T16:00");
        let text = "اندلعت الاشتباكات مساء الخميس. واستمر القصف حتى الساعة الثانية فجرا.";
        assert_eq!(value_of(text, "2023-04-22", "الساعة الثانية فجرا").1, "2023-04-21T02:00");
        // Web articles give each sentence a line: a line break alone does not end the day.
        let text = "يلتقي المنتخبان في النهائي يوم الأحد 18 ديسمبر.\nوتفتح الأبواب على الساعة الرابعة عصرا.";
        assert_eq!(value_of(text, "2022-12-14", "الساعة الرابعة عصرا").1, "2022-12-18T16:00");
        // A blank line, a sentence or another expression between them ends that day.
        let text = "يلتقي المنتخبان في النهائي يوم الأحد 18 ديسمبر.\n\nوتفتح الأبواب على الساعة الرابعة عصرا.";
        assert_eq!(value_of(text, "2022-12-14", "الساعة الرابعة عصرا").1, "2022-12-14T16:00");
        let text = "يلتقي المنتخبان في النهائي يوم الأحد 18 ديسمبر. وأعلن المدرب التشكيلة. وتفتح الأبواب على الساعة الرابعة عصرا.";
        assert_eq!(value_of(text, "2022-12-14", "الساعة الرابعة عصرا").1, "2022-12-14T16:00");
        let text = "يلتقي المنتخبان يوم الأحد 18 ديسمبر. وقال المدرب إن الفريق تدرب لمدة ساعتين، وتفتح الأبواب على الساعة الرابعة عصرا.";
        assert_eq!(value_of(text, "2022-12-14", "الساعة الرابعة عصرا").1, "2022-12-14T16:00");
    }

    #[test]
    fn daily_hours_share_the_part_of_day_of_their_end() {
        let text = "يسري حظر التجول يوميا بين الساعة 7 و8 مساء";
        assert_eq!(value_of(text, "2020-03-25", "الساعة 7"), ("SET".into(), "XXXX-XX-XXT19:00".into()));
        assert_eq!(value_of(text, "2020-03-25", "8 مساء"), ("SET".into(), "XXXX-XX-XXT20:00".into()));
        // A range on a day is unchanged: the start takes the end's day and part of day.
        let text = "يعقد المجلس جلسته اليوم الأربعاء بين الساعة 7 و8 مساء";
        assert_eq!(value_of(text, "2020-03-25", "الساعة 7").1, "2020-03-25T19:00");
    }

    #[test]
    fn an_anaphoric_part_of_day_keeps_the_narrative_day() {
        let text = "ضرب الزلزال المدينة يوم الإثنين 6 فبراير 2023. ونامت مئات الأسر ليلتها في الحدائق العامة قبل أن تعود يوم الثلاثاء";
        assert_eq!(value_of(text, "2023-02-08", "ليلتها").1, "2023-02-06TNI");
    }

    #[test]
    fn small_hours_after_an_evening_are_the_next_day() {
        let v = value_of("دوت الانفجارات مساء السبت واستمرت حتى الساعة الثانية فجرا", "2019-07-08", "الساعة الثانية فجرا");
        assert_eq!(v.1, "2019-07-07T02:00");
        let v = value_of("بدأ القصف ليل الخميس وتوقف عند منتصف الليل", "2016-03-12", "منتصف الليل");
        assert_eq!(v.1, "2016-03-11T00:00");
    }

    #[test]
    fn a_range_of_hours_ending_on_a_named_day_is_on_that_day() {
        // The verb before «من» tells the range: an opening ahead puts its Sunday ahead, and the
        // first end, with a part of day of its own or without, shares it.
        let text = "يفتح المتحف أبوابه من 5 إلى 7 مساء الأحد.";
        assert_eq!(value_of(text, "2024-05-08", "5").1, "2024-05-12T17:00");
        assert_eq!(value_of(text, "2024-05-08", "7 مساء الأحد").1, "2024-05-12T19:00");
        let text = "يفتح مكتب الاقتراع من الساعة الثامنة صباحا إلى الساعة السابعة مساء الأحد.";
        assert_eq!(value_of(text, "2024-05-08", "الساعة الثامنة صباحا").1, "2024-05-12T08:00");
        assert_eq!(value_of(text, "2024-05-08", "الساعة السابعة مساء الأحد").1, "2024-05-12T19:00");
        // A curfew's night that ends on a named morning is that night, not every night.
        let text = "يسري حظر التجول من الثامنة مساء حتى السادسة صباح الأحد.";
        assert_eq!(value_of(text, "2024-05-08", "الثامنة مساء"), ("TIME".into(), "2024-05-11T20:00".into()));
        // With no day named, the curfew's hours stay daily; a past verb keeps the past Sunday.
        let text = "قررت الحكومة فرض حظر التجول من الساعة الثامنة مساء إلى السادسة صباحا.";
        assert_eq!(value_of(text, "2024-05-08", "الساعة الثامنة مساء"), ("SET".into(), "XXXX-XX-XXT20:00".into()));
        let text = "فتح المتحف أبوابه من 5 إلى 7 مساء الأحد.";
        assert_eq!(value_of(text, "2024-05-08", "7 مساء الأحد").1, "2024-05-05T19:00");
        assert_eq!(value_of(text, "2024-05-08", "5").1, "2024-05-05T17:00");
        // A perfect known by its form (not in the cue table, «فتحت» with the root's own ف) tells
        // hours on a weekday whose nearest occurrence is ahead as done too.
        let text = "أغلقت الشرطة الطريق من الساعة الخامسة عصرا إلى التاسعة ليلا الجمعة.";
        assert_eq!(value_of(text, "2024-05-08", "التاسعة ليلا الجمعة").1, "2024-05-03T21:00");
        assert_eq!(value_of(text, "2024-05-08", "الساعة الخامسة عصرا").1, "2024-05-03T17:00");
        let text = "فتحت مكاتب الاقتراع من الثامنة صباحا إلى السابعة مساء الجمعة.";
        assert_eq!(value_of(text, "2024-05-08", "السابعة مساء الجمعة").1, "2024-05-03T19:00");
        let text = "تفتح مكاتب الاقتراع من الثامنة صباحا إلى السابعة مساء الجمعة.";
        assert_eq!(value_of(text, "2024-05-08", "السابعة مساء الجمعة").1, "2024-05-10T19:00");
        // A present-tense lead on yesterday's hours tells them done; other days' are ahead.
        let text = "يحتشد آلاف المحتجين من الخامسة إلى التاسعة مساء الثلاثاء أمام البرلمان.";
        assert_eq!(value_of(text, "2024-05-08", "التاسعة مساء الثلاثاء").1, "2024-05-07T21:00");
        let text = "يعمل المركز من الساعة 7 صباحا وحتى 2 ظهرا السبت.";
        assert_eq!(value_of(text, "2024-05-08", "2 ظهرا السبت").1, "2024-05-11T14:00");
        // Hours up to the midnight closing a named day end that night, not a week on.
        let text = "يفتح المعبر من الساعة 10 صباحا حتى 12 ليلا الخميس.";
        assert_eq!(value_of(text, "2024-05-08", "الساعة 10 صباحا").1, "2024-05-09T10:00");
        assert_eq!(value_of(text, "2024-05-08", "12 ليلا الخميس").1, "2024-05-10T00:00");
    }

    #[test]
    fn ranges_of_hours_joined_by_wa_lighayat_are_ranges() {
        // «ولغاية» joins two clock times as «وحتى» does: the night runs to the named morning.
        let text = "يسري حظر التجول من الساعة العاشرة ليلا ولغاية الخامسة من صباح السبت.";
        assert_eq!(value_of(text, "2024-05-08", "الساعة العاشرة ليلا"), ("TIME".into(), "2024-05-10T22:00".into()));
    }

    #[test]
    fn a_night_of_hours_followed_by_its_day_is_on_that_day() {
        let text = "امتدت السهرة من العاشرة ليلا إلى الثانية فجرا مساء أمس.";
        assert_eq!(value_of(text, "2024-05-08", "العاشرة ليلا").1, "2024-05-07T22:00");
        assert_eq!(value_of(text, "2024-05-08", "الثانية فجرا").1, "2024-05-08T02:00");
        // A day after a comma is another clause's: the hours keep the day they found.
        let text = "امتدت السهرة من العاشرة ليلا إلى الثانية فجرا، ووصل الوفد مساء أمس.";
        assert_eq!(value_of(text, "2024-05-08", "العاشرة ليلا").1, "2024-05-08T22:00");
    }

    #[test]
    fn hours_right_after_a_stated_day_are_that_days() {
        // a daily cue or a stretch elsewhere in the sentence does not make them a schedule
        let text = "قطع التيار الكهربائي أمس من الساعة العاشرة إلى الساعة الثانية، ويستمر القطع طيلة أيام الأسبوع";
        assert_eq!(value_of(text, "2024-05-08", "الساعة العاشرة"), ("TIME".into(), "2024-05-07T10:00".into()));
        let text = "يعيش القطاع منذ أسبوع تحت القصف، وقد تواصل القصف أمس من الثامنة مساء إلى الثانية فجرا";
        assert_eq!(value_of(text, "2024-05-08", "الثامنة مساء"), ("TIME".into(), "2024-05-07T20:00".into()));
        assert_eq!(value_of(text, "2024-05-08", "الثانية فجرا"), ("TIME".into(), "2024-05-08T02:00".into()));
        // a day further off, or the first day of a schedule, leaves the schedule
        let text = "يبدأ حظر التجول ابتداء من الأحد من السابعة مساء حتى السادسة صباحا.";
        assert_eq!(value_of(text, "2024-05-08", "السابعة مساء"), ("SET".into(), "XXXX-XX-XXT19:00".into()));
        let text = "أعلنت البلدية توقيت العمل الجديد الذي يبدأ الأحد: من الساعة 8 إلى الساعة 15";
        assert_eq!(value_of(text, "2024-05-08", "الساعة 8"), ("SET".into(), "XXXX-XX-XXT08:00".into()));
    }

    #[test]
    fn midnight_today_told_in_the_past_opened_today() {
        assert_eq!(value_of("دخلت الهدنة حيز التنفيذ منذ منتصف ليل اليوم.", "2024-05-08", "منتصف ليل اليوم").1, "2024-05-08T00:00");
        assert_eq!(value_of("بدأ منتصف ليل اليوم حظر شامل.", "2024-05-08", "منتصف ليل اليوم").1, "2024-05-08T00:00");
        assert_eq!(value_of("دخلت الهدنة حيز التنفيذ عند منتصف ليل اليوم.", "2024-05-08", "منتصف ليل اليوم").1, "2024-05-08T00:00");
        // ahead, or with no tense, it closes today
        assert_eq!(value_of("تبدأ الهدنة منتصف ليل اليوم.", "2024-05-08", "منتصف ليل اليوم").1, "2024-05-09T00:00");
        assert_eq!(value_of("على أن يبدأ العمل بالأسعار الجديدة اعتبارا من منتصف ليل اليوم", "2024-05-08", "منتصف ليل اليوم").1, "2024-05-09T00:00");
    }

    #[test]
    fn a_daily_schedule_has_no_day() {
        let v = value_of("أعلنت الحكومة يوم الثلاثاء حظر التجول من السابعة مساء حتى السادسة صباحا", "2020-03-24", "السابعة مساء");
        assert_eq!(v, ("SET".into(), "XXXX-XX-XXT19:00".into()));
        let v = value_of("أعلنت الحكومة يوم الثلاثاء حظر التجول من السابعة مساء حتى السادسة صباحا", "2020-03-24", "السادسة صباحا");
        assert_eq!(v, ("SET".into(), "XXXX-XX-XXT06:00".into()));
        // Told as something that happened, it happened once.
        let v = value_of("وبدأ حظر التجول عند الساعة السادسة مساء", "2020-03-24", "الساعة السادسة مساء");
        assert_eq!(v, ("TIME".into(), "2020-03-24T18:00".into()));
    }

    #[test]
    fn a_range_of_hours_in_a_stretch_of_days_has_no_day() {
        let text = "قالت الوزارة إن المكاتب ستفتح خلال شهر رمضان من الساعة التاسعة صباحا إلى الثالثة بعد الزوال.";
        assert_eq!(value_of(text, "2025-02-28", "الساعة التاسعة صباحا"), ("SET".into(), "XXXX-XX-XXT09:00".into()));
        assert_eq!(value_of(text, "2025-02-28", "الثالثة بعد الزوال"), ("SET".into(), "XXXX-XX-XXT15:00".into()));
        // One hour in a month, or a range of hours on one day, stays an instant.
        let v = value_of("قالت الشرطة إن الانفجار وقع في شهر مارس عند الساعة الثالثة فجرا.", "2025-04-10", "الساعة الثالثة فجرا");
        assert_eq!(v.0, "TIME");
        let v = value_of("أعلنت الوزارة أمس أن الامتحان سيبدأ من الساعة التاسعة صباحا إلى الثانية عشرة.", "2024-06-10", "الساعة التاسعة صباحا");
        assert_eq!(v, ("TIME".into(), "2024-06-09T09:00".into()));
        let v = value_of("تستمر الجلسة من العاشرة صباحا حتى الثانية ظهرا.", "2024-06-10", "العاشرة صباحا");
        assert_eq!(v, ("TIME".into(), "2024-06-10T10:00".into()));
    }

    #[test]
    fn a_clock_hour_takes_the_part_of_day_its_day_was_told_in() {
        let text = "وقع الحادث عصر الأحد الماضي. وقالت الشرطة إنها تلقت البلاغ نحو الساعة الرابعة والنصف.";
        assert_eq!(value_of(text, "2024-06-12", "نحو الساعة الرابعة والنصف").1, "2024-06-09T16:30");
        let text = "وصل الوفد مساء الأحد، وعقد اجتماعه الأول عند الساعة التاسعة.";
        assert_eq!(value_of(text, "2024-06-12", "الساعة التاسعة").1, "2024-06-09T21:00");
        // A morning, an hour the part of day does not hold, a 24-hour clock: unchanged.
        let text = "وصل الوفد صباح الأحد، وعقد اجتماعه الأول عند الساعة العاشرة.";
        assert_eq!(value_of(text, "2024-06-12", "الساعة العاشرة").1, "2024-06-09T10:00");
        let text = "وصل الوفد عصر الأحد، وعقد اجتماعه عند الساعة العاشرة.";
        assert_eq!(value_of(text, "2024-06-12", "الساعة العاشرة").1, "2024-06-09T10:00");
        let text = "اجتمع مجلس الوزراء مساء الأحد. وكان الرئيس قد استقبل السفير في الساعة العاشرة.";
        assert_eq!(value_of(text, "2024-06-12", "الساعة العاشرة").1, "2024-06-09T10:00");
        let text = "وصل الوفد عصر الأحد، وعقد اجتماعه عند الساعة 05:30.";
        assert_eq!(value_of(text, "2024-06-12", "الساعة 05:30").1, "2024-06-09T05:30");
    }

    #[test]
    fn a_range_of_hours_after_a_range_of_days_starts_on_the_first_day() {
        let text = "تتوقع الأرصاد أمطارا من يوم الأحد إلى غاية يوم الاثنين، من الساعة العاشرة صباحا إلى الساعة الثامنة مساء.";
        assert_eq!(value_of(text, "2024-06-12", "الساعة العاشرة صباحا").1, "2024-06-16T10:00");
        assert_eq!(value_of(text, "2024-06-12", "الساعة الثامنة مساء").1, "2024-06-17T20:00");
        // One hour after two days joined by «و» is not a range of hours.
        let text = "يلتقي الوزيران يوم الأحد والاثنين، عند الساعة العاشرة صباحا.";
        assert_ne!(value_of(text, "2024-06-12", "الساعة العاشرة صباحا").1, "2024-06-16T10:00");
    }

    #[test]
    fn a_time_after_a_list_of_days_holds_on_each() {
        let v = value_of("يجري الاقتراع يومي السبت والأحد من الثامنة صباحا", "2023-12-01", "الثامنة صباحا");
        assert_eq!(v, ("TIME".into(), "XXXX-XX-XXT08:00".into()));
        let v = value_of("يفتح المعرض من 5 إلى 7 مايو من العاشرة صباحا حتى الثامنة مساء", "2019-04-20", "العاشرة صباحا");
        assert_eq!(v, ("TIME".into(), "XXXX-XX-XXT10:00".into()));
    }

    #[test]
    fn the_first_end_of_a_clock_range_takes_the_second_ends_part_of_day_and_day() {
        let all = values("تصدر اللجنة بيانها ما بين الساعة 7 و8:30 من مساء اليوم الخميس", "2023-04-20");
        assert!(all.iter().any(|(t, _, v)| t == "الساعة 7" && v == "2023-04-20T19:00"), "{all:?}");
        let v = value_of("يتوقع القرار بين الساعة 7 و8:30 من مساء اليوم", "2023-04-20", "الساعة 7");
        assert_eq!(v.1, "2023-04-20T19:00");
        // A clock followed by «من» and the part of a named day is in it.
        let all = values("تفتح الصناديق من الساعة 7 حتى 11 من صباح الأحد", "2019-10-06");
        assert!(all.iter().any(|(t, _, v)| t == "الساعة 7" && v == "2019-10-06T07:00"), "{all:?}");
        let v = value_of("من الساعة 3 الى الساعة 4 بعد العصر", "2013-02-12", "الساعة 3");
        assert_eq!(v.1, "2013-02-12T15:00");
        // From eight to four in the afternoon starts in the morning.
        let v = value_of("يفتح المكتب من الساعة الثامنة حتى الساعة الرابعة عصرا", "2013-02-12", "الساعة الثامنة");
        assert_eq!(v.1, "2013-02-12T08:00");
    }

    #[test]
    fn a_range_of_hours_into_the_morning_starts_the_evening_before() {
        // Curfews and night shifts: the bare first hour, not before the morning end, is in the
        // evening (told on no day, the nightly hours: on no particular day).
        let v = value_of("يستمر الحظر من الثامنة حتى السادسة صباحا.", "2023-05-17", "الثامنة");
        assert_eq!(v.1, "XXXX-XX-XXT20:00");
        assert_eq!(value_of("تستمر المناوبة من العاشرة حتى الخامسة فجرا.", "2023-05-17", "العاشرة").1, "XXXX-XX-XXT22:00");
        assert_eq!(value_of("يستمر الحظر من 8 حتى 6 صباحا.", "2023-05-17", "8").1, "XXXX-XX-XXT20:00");
        assert_eq!(value_of("تستمر المناوبة من السابعة حتى السابعة صباحا.", "2023-05-17", "السابعة").1, "XXXX-XX-XXT19:00");
        // on a stated day, the evening of that day
        assert_eq!(value_of("يستمر الحظر يوم الخميس من الثامنة حتى السادسة صباحا.", "2023-05-17", "الثامنة").1, "2023-05-18T20:00");
        // a second end on a weekday morning of its own: the evening before it, even in a curfew
        assert_eq!(value_of("يسري حظر التجول من الثامنة حتى السادسة صباح الأحد.", "2024-05-08", "الثامنة").1, "2024-05-11T20:00");
        // and a first hour before an evening weekday end is on that weekday
        assert_eq!(value_of("يفتح المعرض من العاشرة إلى الخامسة مساء الجمعة.", "2024-05-08", "العاشرة").1, "2024-05-10T10:00");
        // on a narrated evening: that evening; on a daily schedule: no day
        let text = "تواصل القصف مساء أمس من العاشرة حتى الثانية فجرا.";
        assert_eq!(value_of(text, "2023-05-17", "العاشرة").1, "2023-05-16T22:00");
        assert_eq!(value_of(text, "2023-05-17", "الثانية فجرا").1, "2023-05-17T02:00");
        let v = value_of("يسري حظر التجول يوميا من الثامنة حتى السادسة صباحا.", "2023-05-17", "الثامنة");
        assert_eq!(v, ("SET".into(), "XXXX-XX-XXT20:00".into()));
        // A first hour before the second, or a second end in the afternoon: unchanged.
        assert_eq!(value_of("يعمل المكتب من الثامنة حتى الواحدة ظهرا.", "2023-05-17", "الثامنة").1, "2023-05-17T08:00");
        assert_eq!(value_of("يعمل المكتب من الثامنة حتى الحادية عشرة صباحا.", "2023-05-17", "الثامنة").1, "2023-05-17T08:00");
        assert_eq!(value_of("يفتح المكتب من الساعة الثامنة حتى الساعة الرابعة عصرا.", "2023-05-17", "الساعة الثامنة").1, "2023-05-17T08:00");
    }

    #[test]
    fn a_run_of_clock_times_rolls_over_midnight() {
        let text = "وصلت طلائع الإعصار عند الساعة 22:40.\nوارتفع منسوب المياه عند الساعة 23:15.\nوانهار السد الأول عند الساعة 02:30.";
        let all = values(text, "2023-09-10");
        let got: Vec<&str> = all.iter().map(|(_, _, v)| v.as_str()).collect();
        assert_eq!(got, ["2023-09-10T22:40", "2023-09-10T23:15", "2023-09-11T02:30"]);
        // A day named between ends the run.
        let all = values("بدأ القصف عند الساعة 23:00. وفي يوم الأحد، استؤنف عند الساعة 02:00.", "2023-09-10");
        assert_eq!(all.last().map(|(_, _, v)| v.as_str()), Some("2023-09-10T02:00"));
    }

    #[test]
    fn the_same_instant_in_another_zone_takes_its_own_day() {
        let v = value_of("بدأت الهدنة الساعة الواحدة صباح اليوم الجمعة بالتوقيت المحلي (23:00 بتوقيت غرينتش)", "2023-04-21", "23:00 بتوقيت غرينتش");
        assert_eq!(v.1, "2023-04-20T23:00");
    }

    #[test]
    fn a_bare_second_hour_is_the_first_after_the_start() {
        // a working or opening window: two in the afternoon, not two in the night before ten
        assert_eq!(value_of("تفتح المكاتب من الساعة العاشرة إلى الساعة الثانية.", "2024-05-12", "الساعة الثانية").1, "2024-05-12T14:00");
        assert_eq!(value_of("قطع التيار الكهربائي أمس من الساعة العاشرة إلى الساعة الثانية.", "2024-05-08", "الساعة الثانية").1, "2024-05-07T14:00");
        // daily hours change their clock only
        assert_eq!(value_of("ساعات العمل في المراكز من الساعة العاشرة إلى الساعة الرابعة.", "2024-05-08", "الساعة الرابعة"), ("SET".into(), "XXXX-XX-XXT16:00".into()));
        // after an evening start the bare hour is in the night that follows
        assert_eq!(value_of("استمر القصف أمس من الساعة العاشرة ليلا إلى الساعة الثانية.", "2024-05-08", "الساعة الثانية").1, "2024-05-08T02:00");
        // a range already in order is left alone
        assert_eq!(value_of("تفتح المكاتب من الساعة الثامنة إلى الساعة العاشرة.", "2024-05-12", "الساعة العاشرة").1, "2024-05-12T10:00");
    }

    #[test]
    fn the_end_of_a_night_range_is_the_next_morning() {
        let text = "يستمر حظر التجول يوم الخميس من الثامنة مساء حتى السادسة صباحا.";
        assert_eq!(value_of(text, "2024-05-12", "الثامنة مساء").1, "2024-05-09T20:00");
        assert_eq!(value_of(text, "2024-05-12", "السادسة صباحا").1, "2024-05-10T06:00");
        // told on no day, a night range is the nightly hours: on no particular day
        let text = "يستمر الحظر من الثامنة حتى السادسة صباحا.";
        assert_eq!(value_of(text, "2024-05-12", "الثامنة"), ("SET".into(), "XXXX-XX-XXT20:00".into()));
        assert_eq!(value_of(text, "2024-05-12", "السادسة صباحا"), ("SET".into(), "XXXX-XX-XXT06:00".into()));
        // the day named after the hours, or a perfect telling the night once: that night's hours
        assert_eq!(value_of("نظم الحفل من 10 إلى 12 ليلا مساء أمس.", "2024-05-12", "12 ليلا").0, "TIME");
        // (the night that ended on the publication day: told in the past, it is over)
        assert_eq!(value_of("نظم الحفل من العاشرة حتى الخامسة صباحا.", "2024-05-12", "الخامسة صباحا"), ("TIME".into(), "2024-05-12T05:00".into()));
        // a night range on a stated day keeps the day
        assert_eq!(value_of("استمر القصف أمس من العاشرة مساء حتى الخامسة صباحا.", "2024-05-08", "الخامسة صباحا").1, "2024-05-08T05:00");
    }

    #[test]
    fn a_night_told_in_the_past_on_no_day_is_the_last_one() {
        let text = "شهدت أحياء المدينة اشتباكات عنيفة من العاشرة ليلا إلى الثانية فجرا.";
        assert_eq!(value_of(text, "2024-05-08", "العاشرة ليلا").1, "2024-05-07T22:00");
        assert_eq!(value_of(text, "2024-05-08", "الثانية فجرا").1, "2024-05-08T02:00");
        assert_eq!(value_of("انقطع التيار الكهربائي من الحادية عشرة ليلا حتى الرابعة فجرا في عدة أحياء.", "2024-05-08", "الرابعة فجرا").1, "2024-05-08T04:00");
        // still to come, a curfew's nightly hours, a stated day: as before
        assert_eq!(value_of("ستشن القوات عملية من العاشرة ليلا إلى الثالثة فجرا.", "2024-05-08", "الثالثة فجرا").1, "2024-05-09T03:00");
        assert_eq!(value_of("تستمر السهرة من العاشرة ليلا إلى الثانية فجرا.", "2024-05-08", "العاشرة ليلا").1, "2024-05-08T22:00");
        assert_eq!(value_of("أعلنت السلطات حظر التجول من العاشرة ليلا إلى السادسة صباحا.", "2024-05-08", "العاشرة ليلا").1, "XXXX-XX-XXT22:00");
        assert_eq!(value_of("استمر القصف أمس من العاشرة مساء حتى الخامسة صباحا.", "2024-05-08", "العاشرة مساء").1, "2024-05-07T22:00");
    }

    #[test]
    fn a_range_of_bare_small_hours_is_the_afternoons() {
        let text = "يوصي الخبراء بتجنب السفر يوم غد من الساعة الثانية إلى الخامسة.";
        assert_eq!(value_of(text, "2024-05-08", "الساعة الثانية").1, "2024-05-09T14:00");
        assert_eq!(value_of(text, "2024-05-08", "الخامسة").1, "2024-05-09T17:00");
        assert_eq!(value_of("ينصح بعدم الخروج من الساعة الثانية إلى الخامسة.", "2024-05-08", "الساعة الثانية").1, "XXXX-XX-XXT14:00");
        assert_eq!(value_of("يستقبل المكتب المواطنين من الساعة 2 إلى 5.", "2024-05-08", "5").1, "2024-05-08T17:00");
        // a part of day, a word of the night, a 24-hour clock, a single hour: as written
        assert_eq!(value_of("تتواصل الامتحانات من الساعة الثانية إلى الرابعة فجرا.", "2024-05-08", "الساعة الثانية").1, "2024-05-08T02:00");
        assert_eq!(value_of("شنت الطائرات غارات من الساعة الواحدة إلى الثالثة بعد منتصف الليل.", "2024-05-08", "الساعة الواحدة").1, "2024-05-08T01:00");
        assert_eq!(value_of("عقد الاجتماع الساعة الثالثة.", "2024-05-08", "الساعة الثالثة").1, "2024-05-08T03:00");
        // a curfew's hours and a nightly shift are the night's; a morning told in the sentence
        assert_eq!(value_of("يسري حظر التجول من الساعة الواحدة إلى الخامسة.", "2024-05-08", "الساعة الواحدة").1, "XXXX-XX-XXT01:00");
        assert!(value_of("تمتد نوبة الحراسة الليلية من الساعة الثانية إلى السادسة.", "2024-05-08", "الساعة الثانية").1.ends_with("T02:00"));
        assert_eq!(value_of("صباح اليوم، توقفت حركة القطارات من الساعة الثانية إلى الخامسة.", "2024-05-08", "الساعة الثانية").1, "2024-05-08T02:00");
        assert_eq!(value_of("يعمل المكتب من الساعة 14 إلى 17.", "2024-05-08", "الساعة 14").1, "2024-05-08T14:00");
    }

    #[test]
    fn advice_over_hours_with_no_day_is_a_daily_window() {
        let text = "ينصح بعدم الخروج من الحادية عشرة صباحا حتى الرابعة عصرا.";
        assert_eq!(value_of(text, "2024-07-10", "الحادية عشرة صباحا"), ("SET".into(), "XXXX-XX-XXT11:00".into()));
        assert_eq!(value_of(text, "2024-07-10", "الرابعة عصرا"), ("SET".into(), "XXXX-XX-XXT16:00".into()));
        // on a stated day, or with no advice, one day's hours
        assert_eq!(value_of("ينصح بعدم الخروج غدا من الحادية عشرة صباحا حتى الرابعة عصرا.", "2024-07-10", "الرابعة عصرا").1, "2024-07-11T16:00");
        assert_eq!(value_of("أغلقت المحلات من الحادية عشرة صباحا حتى الرابعة عصرا.", "2024-07-10", "الرابعة عصرا").1, "2024-07-10T16:00");
    }
}
