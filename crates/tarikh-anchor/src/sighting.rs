//! Hijri months as the article's country sighted them.
//!
//! A Hijri month begins when its crescent is seen, and countries see it on different evenings: in
//! April 2023 Saudi Arabia began Shawwal on Friday the 21st, Oman and Morocco on Saturday the 22nd.
//! The Umm al-Qura table the resolver uses is Saudi Arabia's calendar. An article that says which
//! day a Hijri day is — «الاثنين 1 / 9 / 1445 هـ الموافق 11 / 3 / 2024 م», «يوم السبت هو أول
//! أيام عيد الفطر», «الخميس غرة شهر رمضان», or a Hijri date written with a weekday — states its
//! country's month start, and its word wins over the table for every Hijri day of that month in the
//! article. The statements found:
//! - a Gregorian day said to be a Hijri day (the `hijri_pair` of a day, from contexts such as «هو أول
//!   أيام عيد الفطر»);
//! - a Hijri day and a Gregorian day side by side, joined by nothing but الموافق، هو، يكون، أي،
//!   punctuation or «حسب تقويم أم القرى»;
//! - a Hijri date with a weekday that the table puts one day off.
//!
//! A statement more than two days from the table is a slip, not a sighting, and is left out.

use crate::calendar::{add_days, day_start, gregorian_to_hijri, hijri_day_as_sighted, hijri_month_start, iso_weekday, add_months};
use crate::types::{DocConflict, Interval, Timex, TimexType};
use chrono::NaiveDate;
use tarikh_grammar::{Calendar, Mention};

/// Words that may stand between the two halves of a stated equivalence (normalised spelling).
const PAIR_JOINERS: &[&str] = &["الموافق", "موافق", "للموافق", "والموافق", "هو", "هي", "يكون", "سيكون", "ليكون", "تكون", "ستكون", "لتكون", "اي", "حسب", "بحسب", "وفق", "تقويم", "ام", "القري", "يوافق", "توافق"];

/// A stated month start: `offset` days from the table for Hijri month `month` of year `year`.
#[derive(Debug, Clone, Copy)]
struct Statement {
    at: usize,
    year: i32,
    month: u32,
    offset: i64,
}

/// The day a timex names, when it names one.
fn day_of(t: &Timex) -> Option<NaiveDate> {
    let iv = t.interval?;
    (matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.starts_with('X') && (iv.end - iv.start).num_hours() <= 30).then(|| iv.start.date_naive())
}

/// The Hijri year of Hijri month `month`, day `day` nearest the Gregorian day `near`.
fn year_near(near: NaiveDate, month: u32, day: u32) -> Option<i32> {
    let (y, _, _) = gregorian_to_hijri(near)?;
    [y - 1, y, y + 1].into_iter().filter(|yy| hijri_day_as_sighted(*yy, month, day).is_some()).min_by_key(|yy| hijri_day_as_sighted(*yy, month, day).map_or(i64::MAX, |d| (d - near).num_days().abs()))
}

/// The Hijri (year, month, day) a Hijri mention names, read back from its day in the table.
fn hijri_of(m: &Mention, table_day: NaiveDate) -> Option<(i32, u32, u32)> {
    let s = &m.semantics;
    let (ty, tm, td) = gregorian_to_hijri(table_day)?;
    match (s.month, s.day) {
        // The 30th of a month the table gives 29 days is its first day plus 29.
        (Some(month), Some(day)) if s.hijri_alternative.is_none() => Some((s.year.or_else(|| year_near(table_day, month, day))?, month, day)),
        _ => Some((ty, tm, td)),
    }
}

fn statements(mentions: &[&Mention], timexes: &[Timex], text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut push = |at: usize, (year, month, day): (i32, u32, u32), said: NaiveDate| {
        if let Some(table) = hijri_day_as_sighted(year, month, day) {
            let offset = (said - table).num_days();
            if offset.abs() <= 2 {
                out.push(Statement { at, year, month, offset });
                // A completed 30th says when the next month begins too.
                if day == 30 {
                    let (ny, nm) = add_months(year, month, 1);
                    if let Some(next) = hijri_month_start(ny, nm) {
                        out.push(Statement { at, year: ny, month: nm, offset: (add_days(said, 1) - next).num_days() });
                    }
                }
            }
        }
    };
    let is_hijri_day = |m: &Mention| m.semantics.calendar == Calendar::Hijri && (m.semantics.day.is_some() || m.semantics.last_day);
    for (i, (m, t)) in mentions.iter().zip(timexes).enumerate() {
        let Some(day) = day_of(t) else { continue };
        let s = &m.semantics;
        // A Gregorian day said to be a Hijri day.
        if let (Calendar::Gregorian, Some((hy, Some(hm), Some(hd)))) = (s.calendar, s.hijri_pair) {
            if let Some(hy) = hy.or_else(|| year_near(day, hm, hd)) {
                push(t.byte_range.start, (hy, hm, hd), day);
            }
        }
        // The night that opens a Hijri day is the Gregorian day before: no statement of its day.
        // So is the Nth weekday after a Hijri day (أول جمعة بعد عيد الفطر).
        if !is_hijri_day(m) || s.night_before || s.weekday_after.is_some() {
            continue;
        }
        let Some(hijri) = hijri_of(m, day) else { continue };
        // A Hijri date whose weekday the table puts one day off.
        if let Some(w) = s.weekday {
            if iso_weekday(day) != w {
                if let Some(said) = [add_days(day, -1), add_days(day, 1)].into_iter().find(|d| iso_weekday(*d) == w) {
                    push(t.byte_range.start, hijri, said);
                }
            }
        }
        // A Hijri day and a Gregorian day side by side.
        for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            let (Some(other_m), Some(other_t)) = (mentions.get(j), timexes.get(j)) else { continue };
            // An event-anchored noun dated from the Hijri day beside it («عشية عيد الأضحى») is
            // another day by definition, no statement of which day the Hijri day is.
            if other_m.semantics.calendar != Calendar::Gregorian || other_m.semantics.hijri_pair.is_some() || other_m.semantics.event.is_some() {
                continue;
            }
            let Some(said) = day_of(other_t) else { continue };
            let (a, b) = if j < i { (other_t.byte_range.end, t.byte_range.start) } else { (t.byte_range.end, other_t.byte_range.start) };
            let Some(gap) = text.get(a.min(b)..b) else { continue };
            let words: Vec<&str> = gap.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
            if gap.chars().count() <= 40 && words.iter().all(|w| PAIR_JOINERS.contains(w)) {
                push(t.byte_range.start, hijri, said);
            }
        }
    }
    out
}

/// Move every Hijri day of a month the article dates differently from the table to the article's
/// day, and report each month start that differs (`hijri_month_start`).
pub(crate) fn follow_stated_month_starts(mentions: &[&Mention], timexes: &mut [Timex], conflicts: &mut Vec<DocConflict>, text: &str, tz: chrono_tz::Tz) {
    let stated = statements(mentions, timexes, text);
    if stated.is_empty() {
        return;
    }
    let mut reported: Vec<(i32, u32, i64)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let s = &m.semantics;
        if s.calendar != Calendar::Hijri || !(s.day.is_some() || s.last_day) {
            continue;
        }
        let Some(t) = timexes.get(i) else { continue };
        let Some(day) = day_of(t) else { continue };
        let Some((year, month, _)) = hijri_of(m, day) else { continue };
        let at = t.byte_range.start;
        let same_month = || stated.iter().filter(|st| st.year == year && st.month == month);
        // The nearest statement before it, else the first after it.
        let Some(st) = same_month().rfind(|st| st.at <= at).or_else(|| same_month().next()) else { continue };
        if st.offset == 0 {
            continue;
        }
        let moved = add_days(day, st.offset);
        let t = &mut timexes[i];
        let old = day.format("%Y-%m-%d").to_string();
        t.value = t.value.replacen(&old, &moved.format("%Y-%m-%d").to_string(), 1);
        if let Some(iv) = t.interval {
            let shift = chrono::Duration::days(st.offset);
            t.interval = Some(Interval {
                start: crate::calendar::local_instant(tz, iv.start.naive_local() + shift),
                end: crate::calendar::local_instant(tz, iv.end.naive_local() + shift),
            });
        } else {
            t.interval = Some(Interval { start: day_start(tz, moved), end: day_start(tz, add_days(moved, 1)) });
        }
        if !reported.contains(&(year, month, st.offset)) {
            reported.push((year, month, st.offset));
            let table = hijri_month_start(year, month).map(|d| d.to_string()).unwrap_or_default();
            conflicts.push(DocConflict {
                kind: "hijri_month_start".into(),
                start: t.start,
                end: t.end,
                text: t.text.clone(),
                description: format!(
                    "the article begins Hijri month {month}/{year} {} day{} {} the Umm al-Qura table ({table}), as a country's own sighting may; its Hijri days are dated by the article",
                    st.offset.abs(),
                    if st.offset.abs() == 1 { "" } else { "s" },
                    if st.offset > 0 { "after" } else { "before" }
                ),
            });
        }
    }
}
/// A Hijri month or feast named without its year right before a dated day («يبدأ شهر رمضان يوم
/// الاثنين الموافق 11 مارس 2024»، «تبدأ إجازة عيد الفطر يوم الثلاثاء الموافق 9 أبريل 2024»): the
/// day says which year's month or feast is meant, the one nearest it, whatever the publication
/// date (an article written after the month would otherwise read the next one). Only a month or
/// feast alone (no written year, no «الماضي / المقبل»), read more than half a year from the day,
/// the day's year written, and nothing between them but up to four words with no stop or comma.
pub(crate) fn hijri_month_takes_the_year_of_its_dated_day(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz) {
    for i in 0..timexes.len().saturating_sub(1) {
        let (Some(m), Some(next)) = (mentions.get(i), mentions.get(i + 1)) else { continue };
        let sem = &m.semantics;
        if sem.calendar != Calendar::Hijri || sem.year.is_some() || sem.shift.is_some() || sem.gregorian_year.is_some() || sem.weekday.is_some() || sem.last_day {
            continue;
        }
        let Some(month) = sem.month else { continue };
        if next.semantics.year.is_none() || next.semantics.calendar == Calendar::Hijri {
            continue;
        }
        let Some(day) = day_of(&timexes[i + 1]) else { continue };
        let between = text.get(timexes[i].byte_range.end..timexes[i + 1].byte_range.start).unwrap_or("");
        if between.contains(['.', '،', ',', '؛', ';', ':', '!', '?', '؟', '\n']) || between.split_whitespace().count() > 4 {
            continue;
        }
        let Some(iv) = timexes[i].interval else { continue };
        if (iv.start.date_naive() - day).num_days().abs() <= 183 {
            continue;
        }
        let Some(year) = year_near(day, month, sem.day.unwrap_or(1)) else { continue };
        let t = &mut timexes[i];
        match sem.day {
            // a feast: its day in that year
            Some(d) => {
                let Some(g) = hijri_day_as_sighted(year, month, d) else { continue };
                if t.value.get(..10).is_none_or(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err()) {
                    continue;
                }
                let rest = t.value.get(10..).unwrap_or("").to_string();
                (t.value, t.interval) = (format!("{}{rest}", g.format("%Y-%m-%d")), Some(Interval { start: day_start(tz, g), end: day_start(tz, add_days(g, 1)) }));
            }
            // a month: that year's
            None => {
                let value = format!("H{year}-{month:02}");
                if !t.value.starts_with('H') || t.value.len() != value.len() {
                    continue;
                }
                let (ny, nm) = add_months(year, month, 1);
                let (Some(start), Some(end)) = (hijri_month_start(year, month), hijri_month_start(ny, nm)) else { continue };
                (t.value, t.interval) = (value, Some(Interval { start: day_start(tz, start), end: day_start(tz, end) }));
            }
        }
    }
}

