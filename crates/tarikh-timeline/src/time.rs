//! Reading time values: the stretch of time a TIMEX3 value covers (parts of day by a fixed table,
//! thirds of a month or year, the clock of an event's place), and its granularity name.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, TimeZone};
use tarikh_anchor::{AnchoredDocument, Timex};

/// Minutes in a day.
pub(crate) const DAY: i64 = 1440;

/// Parse the date part of a TIMEX3 value.
pub(crate) fn value_date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

/// Granularity name of a TIMEX3 value.
pub(crate) fn granularity(value: &str) -> &'static str {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(|c| c.is_ascii_digit()));
    if value.len() == 4 && digits(0..4) {
        return "year";
    }
    if value.len() == 7 && digits(0..4) && b[4] == b'-' && digits(5..7) {
        return "month";
    }
    if value.len() >= 10 && value_date(value).is_some() {
        return match &value[10..] {
            "" => "day",
            "TMO" | "TDT" => "morning",
            "TAF" => "afternoon",
            "TEV" => "evening",
            "TNI" => "night",
            rest if rest.len() == 6 && rest.starts_with('T') => "instant",
            _ => "interval",
        };
    }
    if value.contains("-W") {
        return "interval";
    }
    "vague"
}

/// The instant `time` of `date` on the clock of `zone` (the earlier one in a repeated hour).
pub(crate) fn local_instant(zone: chrono_tz::Tz, date: NaiveDate, time: chrono::NaiveTime) -> Option<DateTime<FixedOffset>> {
    let naive = date.and_time(time);
    let off = zone.offset_from_local_datetime(&naive).earliest()?.fix();
    off.from_local_datetime(&naive).single()
}

/// Local midnight of `date` in `zone` (or at the `fallback` offset), as a fixed-offset datetime.
pub(crate) fn local_midnight(zone: chrono_tz::Tz, date: NaiveDate, fallback: Option<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let naive = date.and_hms_opt(0, 0, 0)?;
    let off = match fallback {
        Some(o) => o,
        None => zone.offset_from_local_datetime(&naive).earliest()?.fix(),
    };
    off.from_local_datetime(&naive).single()
}

/// The stretch a date value covers on the clock of `zone` (the place of its event): years,
/// months, days and parts of day; None for other values (instants, weeks, vague ones), which keep
/// the story's reading.
pub(crate) fn zoned_interval(value: &str, zone: chrono_tz::Tz) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let midnight = |d: NaiveDate| local_midnight(zone, d, None);
    let year = || value.get(..4)?.parse::<i32>().ok();
    let (start, end) = match granularity(value) {
        "year" => {
            let y = year()?;
            (NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y.checked_add(1)?, 1, 1)?)
        }
        "month" => {
            let (y, m) = (year()?, value.get(5..7)?.parse::<u32>().ok()?);
            let next = if m == 12 { NaiveDate::from_ymd_opt(y.checked_add(1)?, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            (NaiveDate::from_ymd_opt(y, m, 1)?, next)
        }
        "day" => {
            let d = value_date(value)?;
            (d, d.succ_opt()?)
        }
        "morning" | "afternoon" | "evening" | "night" => {
            let (h0, h1) = part_of_day_hours(granularity(value))?;
            let m = midnight(value_date(value)?)?;
            return Some((m + Duration::hours(h0), m + Duration::hours(h1)));
        }
        _ => return None,
    };
    Some((midnight(start)?, midnight(end)?))
}

/// The start, middle or end of a month or year ("أوائل مايو", "منتصف 2016", "أواخر العام"): its
/// first, middle or last third by the calendar (days 1–10, 11–20, 21–end; January–April, May–August,
/// September–December). Other periods are cut in thirds of their length.
pub(crate) fn part_of_period(
    doc: &AnchoredDocument,
    value: &str,
    (start, end): (DateTime<FixedOffset>, DateTime<FixedOffset>),
    which: &str,
) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let part: u32 = match which {
        "START" => 0,
        "MID" => 1,
        _ => 2,
    };
    let calendar = || -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let first = start.date_naive();
        let cut = |k: u32| -> Option<NaiveDate> {
            match granularity(value) {
                "month" => first.with_day(1 + 10 * k),
                "year" => first.with_month(1 + 4 * k),
                _ => None,
            }
        };
        let a = if part == 0 { start } else { local_midnight(doc.publication.timezone, cut(part)?, None)? };
        let b = if part == 2 { end } else { local_midnight(doc.publication.timezone, cut(part + 1)?, None)? };
        Some((a, b))
    };
    calendar().unwrap_or_else(|| {
        let third = (end - start) / 3;
        let k = part as i32;
        (start + third * k, if part == 2 { end } else { start + third * (k + 1) })
    })
}

/// Hours (from local midnight) a part of day covers: the fixed table of the timeline.
pub(crate) fn part_of_day_hours(granularity: &str) -> Option<(i64, i64)> {
    match granularity {
        "morning" => Some((0, 12)),
        "afternoon" => Some((12, 18)),
        "evening" => Some((18, 24)),
        "night" => Some((18, 30)),
        _ => None,
    }
}

/// The stretch of time a timex gives its event: parts of day by the fixed table, otherwise the
/// anchor stage's interval.
pub(crate) fn timex_interval(doc: &AnchoredDocument, t: &Timex) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let Some((h0, h1)) = part_of_day_hours(granularity(&t.value)) else {
        let i = t.interval?;
        return Some(match t.modifier.as_deref() {
            Some(m @ ("START" | "MID" | "END")) => part_of_period(doc, &t.value, (i.start, i.end), m),
            _ => (i.start, i.end),
        });
    };
    let date = value_date(&t.value)?;
    let midnight = local_midnight(doc.publication.timezone, date, t.interval.map(|i| *i.start.offset()))?;
    Some((midnight + Duration::hours(h0), midnight + Duration::hours(h1)))
}

pub(crate) fn slice_chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end.saturating_sub(start)).collect()
}
