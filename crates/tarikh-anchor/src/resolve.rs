//! From a mention's semantics and a reference time to a TIMEX3 value and the interval it denotes.

use crate::calendar::{add_days, add_months, day_start, gregorian_to_hijri, hijri_day_as_sighted, hijri_month_start, iso_week_label, iso_weekday, local_instant};
use crate::trace::{StepKind, Trace};
use crate::types::{AnchorKind, Interval, TimexType};
use chrono::{Datelike, Days, Duration, NaiveDate, NaiveTime};
use tarikh_grammar::{Calendar, Church, Direction, MentionType, PartOfDay, RangeMember, Semantics, Unit};

/// Which way to read a bare weekday, month or clock time when the words do not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prefer {
    /// The most recent occurrence (the same day counts).
    Past,
    /// The next occurrence (the same day counts).
    Future,
    /// Whichever occurrence is nearest.
    #[default]
    Nearest,
    /// The nearest, but a past occurrence up to one day farther still wins: news mostly reports what
    /// has happened, so an untensed "الأربعاء" three days ahead or four days back is read as past.
    /// This is the default inside documents.
    NearestLeaningPast,
}

impl std::str::FromStr for Prefer {
    type Err = String;
    fn from_str(s: &str) -> Result<Prefer, String> {
        match s {
            "past" => Ok(Prefer::Past),
            "future" => Ok(Prefer::Future),
            "nearest" => Ok(Prefer::Nearest),
            "news" => Ok(Prefer::NearestLeaningPast),
            other => Err(format!("expected `past`, `future` or `nearest`, but found `{other}`")),
        }
    }
}

/// The time an expression is read against: a day, optionally a time of day, in a zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    /// The reference day (usually the publication date).
    pub date: NaiveDate,
    /// The reference time of day, when known.
    pub time: Option<NaiveTime>,
    /// The story's zone.
    pub tz: chrono_tz::Tz,
}

/// A resolved value before it is placed in a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolution {
    pub kind: TimexType,
    pub value: String,
    pub interval: Option<Interval>,
    pub anchor: AnchorKind,
    pub duration_seconds: Option<(i64, i64)>,
    pub modifier: Option<String>,
    /// Problems found: (kind, description).
    pub problems: Vec<(String, String)>,
}

/// A point on the calendar at some granularity.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Point {
    Day(NaiveDate),
    Week(NaiveDate),
    Month(i32, u32),
    Year(i32),
    HijriMonth(i32, u32),
    HijriYear(i32),
    /// A decade, by its first three digits (196 = the 1960s).
    Decade(i32),
    /// A century, by its first two digits (19 = 1900–1999).
    Century(i32),
    PartOfDay(NaiveDate, PartOfDay),
    Hour(NaiveDate, u32),
    Minute(NaiveDate, u32, u32),
    Second(NaiveDate, u32, u32, u32),
    /// A season of a year (index into [`SEASONS`]); winter is labelled by the year of its January.
    Season(i32, usize),
    /// A quarter (1–4) of a year.
    Quarter(i32, u32),
    /// A half (1–2) of a year.
    Half(i32, u32),
    /// The weekend of the ISO week starting on this Monday.
    Weekend(NaiveDate),
}

/// TIMEX3 season codes and the month each season starts in (meteorological seasons of the northern
/// hemisphere; winter starts in December of the year before its label).
const SEASONS: [(&str, u32); 4] = [("SP", 3), ("SU", 6), ("FA", 9), ("WI", 12)];

/// The first day of season `s` labelled `y`.
fn season_start(y: i32, s: usize) -> Option<NaiveDate> {
    let (_, m) = SEASONS[s];
    NaiveDate::from_ymd_opt(if m == 12 { y - 1 } else { y }, m, 1)
}

/// A day as TIMEX3 writes it, `2024-03-10`: what chrono's `format("%Y-%m-%d")` writes, without
/// parsing that pattern at every value (every resolved day passes here). Years outside 0–9999,
/// which chrono writes with a sign, go through chrono.
struct DayLabel(NaiveDate);

impl std::fmt::Display for DayLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.0;
        match d.year() {
            y @ 0..=9999 => {
                let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
                let (hi, lo, m, dd) = (two(y as u32 / 100), two(y as u32 % 100), two(d.month()), two(d.day()));
                let bytes = [hi[0], hi[1], lo[0], lo[1], b'-', m[0], m[1], b'-', dd[0], dd[1]];
                // Only ASCII digits and dashes.
                f.write_str(std::str::from_utf8(&bytes).unwrap_or_default())
            }
            _ => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl Point {
    fn value(self) -> String {
        match self {
            Point::Day(d) => DayLabel(d).to_string(),
            Point::Week(d) => iso_week_label(d),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Year(y) => format!("{y:04}"),
            Point::HijriMonth(y, m) => format!("H{y:04}-{m:02}"),
            Point::HijriYear(y) => format!("H{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
            Point::PartOfDay(d, pod) => {
                let day = DayLabel(d);
                match pod {
                    PartOfDay::Morning => format!("{day}TMO"),
                    PartOfDay::Afternoon => format!("{day}TAF"),
                    PartOfDay::Evening => format!("{day}TEV"),
                    PartOfDay::Night => format!("{day}TNI"),
                    PartOfDay::Noon => format!("{day}T12:00"),
                    PartOfDay::Midday => format!("{day}TMI"),
                    PartOfDay::Midnight => format!("{}T00:00", DayLabel(add_days(d, 1))),
                }
            }
            Point::Hour(d, h) => {
                let (d, h) = if h >= 24 { (add_days(d, 1), h - 24) } else { (d, h) };
                format!("{}T{h:02}", DayLabel(d))
            }
            Point::Minute(d, h, m) => {
                let (d, h) = if h >= 24 { (add_days(d, 1), h - 24) } else { (d, h) };
                format!("{}T{h:02}:{m:02}", DayLabel(d))
            }
            Point::Second(d, h, m, sec) => {
                let (d, h) = if h >= 24 { (add_days(d, 1), h - 24) } else { (d, h) };
                format!("{}T{h:02}:{m:02}:{sec:02}", DayLabel(d))
            }
            Point::Season(y, s) => format!("{y:04}-{}", SEASONS[s].0),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Weekend(monday) => format!("{}-WE", iso_week_label(monday)),
        }
    }

    fn interval(self, tz: chrono_tz::Tz) -> Option<Interval> {
        let at = |d: NaiveDate, h: i64, m: i64| local_instant(tz, d.and_time(NaiveTime::MIN) + Duration::hours(h) + Duration::minutes(m));
        let (start, end) = match self {
            Point::Day(d) => (day_start(tz, d), day_start(tz, add_days(d, 1))),
            Point::Week(d) => {
                let monday = add_days(d, -(iso_weekday(d) as i64 - 1));
                (day_start(tz, monday), day_start(tz, add_days(monday, 7)))
            }
            Point::Month(y, m) => {
                let (ny, nm) = add_months(y, m, 1);
                (day_start(tz, NaiveDate::from_ymd_opt(y, m, 1)?), day_start(tz, NaiveDate::from_ymd_opt(ny, nm, 1)?))
            }
            Point::Year(y) => (day_start(tz, NaiveDate::from_ymd_opt(y, 1, 1)?), day_start(tz, NaiveDate::from_ymd_opt(y + 1, 1, 1)?)),
            Point::HijriMonth(y, m) => {
                let (ny, nm) = add_months(y, m, 1);
                (day_start(tz, hijri_month_start(y, m)?), day_start(tz, hijri_month_start(ny, nm)?))
            }
            Point::HijriYear(y) => (day_start(tz, hijri_month_start(y, 1)?), day_start(tz, hijri_month_start(y + 1, 1)?)),
            Point::Decade(d) => (day_start(tz, NaiveDate::from_ymd_opt(d * 10, 1, 1)?), day_start(tz, NaiveDate::from_ymd_opt(d * 10 + 10, 1, 1)?)),
            Point::Century(c) => (day_start(tz, NaiveDate::from_ymd_opt(c * 100, 1, 1)?), day_start(tz, NaiveDate::from_ymd_opt(c * 100 + 100, 1, 1)?)),
            Point::PartOfDay(d, pod) => match pod {
                PartOfDay::Morning => (at(d, 0, 0), at(d, 12, 0)),
                PartOfDay::Noon => (at(d, 12, 0), at(d, 13, 0)),
                PartOfDay::Midday => (at(d, 12, 0), at(d, 15, 0)),
                PartOfDay::Afternoon => (at(d, 12, 0), at(d, 18, 0)),
                PartOfDay::Evening => (at(d, 18, 0), at(d, 24, 0)),
                PartOfDay::Night => (at(d, 18, 0), at(d, 30, 0)),
                PartOfDay::Midnight => (at(d, 24, 0), at(d, 24, 1)),
            },
            Point::Hour(d, h) => (at(d, h as i64, 0), at(d, h as i64 + 1, 0)),
            Point::Minute(d, h, m) => (at(d, h as i64, m as i64), at(d, h as i64, m as i64 + 1)),
            Point::Second(d, h, m, sec) => {
                let start = at(d, h as i64, m as i64) + Duration::seconds(sec as i64);
                (start, start + Duration::seconds(1))
            }
            // Each season ends when the next begins: autumn y ends when winter y + 1 (from December y)
            // begins, winter y when spring y begins.
            Point::Season(y, s) => {
                let next = match s {
                    2 => season_start(y + 1, 3)?,
                    3 => season_start(y, 0)?,
                    _ => season_start(y, s + 1)?,
                };
                (day_start(tz, season_start(y, s)?), day_start(tz, next))
            }
            Point::Quarter(y, q) => {
                let (ny, nm) = add_months(y, 3 * q - 2, 3);
                (day_start(tz, NaiveDate::from_ymd_opt(y, 3 * q - 2, 1)?), day_start(tz, NaiveDate::from_ymd_opt(ny, nm, 1)?))
            }
            Point::Half(y, h) => {
                let (ny, nm) = add_months(y, 6 * h - 5, 6);
                (day_start(tz, NaiveDate::from_ymd_opt(y, 6 * h - 5, 1)?), day_start(tz, NaiveDate::from_ymd_opt(ny, nm, 1)?))
            }
            // Friday to Monday: the weekend is Friday–Saturday in most Arab countries, Saturday–Sunday
            // in the Maghreb and Lebanon.
            Point::Weekend(monday) => (day_start(tz, add_days(monday, 4)), day_start(tz, add_days(monday, 7))),
        };
        Some(Interval { start, end })
    }

    fn kind(self) -> TimexType {
        match self {
            Point::PartOfDay(..) | Point::Hour(..) | Point::Minute(..) | Point::Second(..) => TimexType::Time,
            _ => TimexType::Date,
        }
    }
}

/// Pick among candidate dates the one the direction asks for. `strict` (a الماضي/المقبل word) rules
/// out the reference day itself.
fn choose(candidates: &[NaiveDate], reference: NaiveDate, prefer: Prefer, strict: bool) -> Option<NaiveDate> {
    let past = candidates.iter().copied().filter(|d| if strict { *d < reference } else { *d <= reference }).max();
    let future = candidates.iter().copied().filter(|d| if strict { *d > reference } else { *d >= reference }).min();
    match prefer {
        Prefer::Past => past,
        Prefer::Future => future,
        Prefer::Nearest => match (past, future) {
            (Some(p), Some(f)) => Some(if (reference - p) <= (f - reference) { p } else { f }),
            (p, f) => p.or(f),
        },
        Prefer::NearestLeaningPast => match (past, future) {
            (Some(p), Some(f)) => Some(if (reference - p).num_days() <= (f - reference).num_days() + 1 { p } else { f }),
            (p, f) => p.or(f),
        },
    }
}

/// Easter Sunday of Gregorian year `y`: by the Gregorian computus (Western), or by the Julian
/// computus moved to the Gregorian calendar (Orthodox; the 13-day gap holds from 1900 to 2099,
/// outside which `None`).
fn easter_sunday(y: i32, church: Church) -> Option<NaiveDate> {
    match church {
        Church::Western => {
            // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
            let (a, b, c) = (y % 19, y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        }
        Church::Orthodox => {
            if !(1900..=2099).contains(&y) {
                return None;
            }
            // Meeus's Julian algorithm, then the Julian date moved 13 days on.
            let (a, b, c) = (y % 4, y % 7, y % 19);
            let d = (19 * c + 15) % 30;
            let e = (2 * a + 4 * b - d + 34) % 7;
            let month = (d + e + 114) / 31;
            let day = (d + e + 114) % 31 + 1;
            let julian = NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
            Some(add_days(julian, 13))
        }
    }
}

fn weekday_near(reference: NaiveDate, weekday: u32, prefer: Prefer, strict: bool) -> NaiveDate {
    let cands: Vec<NaiveDate> = (-7..=7).map(|k| add_days(reference, k)).filter(|d| iso_weekday(*d) == weekday).collect();
    choose(&cands, reference, prefer, strict).unwrap_or(reference)
}

fn day_month_near(reference: NaiveDate, month: u32, day: u32, prefer: Prefer, strict: bool) -> Option<NaiveDate> {
    let y = reference.year();
    let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, day)).collect();
    choose(&cands, reference, prefer, strict)
}

fn month_near(reference: NaiveDate, month: u32, prefer: Prefer, strict: bool) -> (i32, u32) {
    let y = reference.year();
    // Compare months by their first day; the reference month itself counts as "now".
    let this_month = NaiveDate::from_ymd_opt(y, reference.month(), 1).unwrap_or(reference);
    let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, 1)).collect();
    let d = choose(&cands, this_month, prefer, strict).unwrap_or(this_month);
    (d.year(), d.month())
}

const WEEKDAY_AR: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];
const WEEKDAY_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The Arabic name of an ISO weekday (for messages).
pub fn weekday_name(w: u32) -> &'static str {
    WEEKDAY_AR[((w.clamp(1, 7)) - 1) as usize]
}

/// "Friday (الجمعة)": an ISO weekday named for a reader of either language.
fn weekday_label(w: u32) -> String {
    let i = ((w.clamp(1, 7)) - 1) as usize;
    format!("{} ({})", WEEKDAY_EN[i], WEEKDAY_AR[i])
}

/// The zone a clock time states ("بتوقيت غرينتش" → UTC, "بتوقيت باريس" → Europe/Paris).
pub(crate) fn stated_zone(name: &str) -> Option<chrono_tz::Tz> {
    match name {
        "+00:00" | "UTC" | "GMT" | "Z" => Some(chrono_tz::UTC),
        other => other.parse().ok(),
    }
}

fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    // TIMEX3 has no quarter letter: a quarter is three months (3 أرباع سنة = P9M).
    if unit == Unit::Quarter {
        return match amount {
            Some(a) => duration_value(Some(a * 3.0), Unit::Month),
            None => "PXM".into(),
        };
    }
    let t = if unit.is_clock() { "T" } else { "" };
    match amount {
        None => format!("P{t}X{}", unit.timex_letter()),
        Some(a) if a.fract() == 0.0 => format!("P{t}{}{}", a as i64, unit.timex_letter()),
        Some(a) => fractional_duration(a, unit).unwrap_or_else(|| format!("P{t}{a}{}", unit.timex_letter())),
    }
}

/// A fractional amount written in whole units, as TIMEX3 values are: «ساعتين ونصف» = PT2H30M, «نصف
/// ساعة» = PT30M, «يوم ونصف» = P1DT12H, «عامين ونصف» = P2Y6M, «نصف قرن» = P50Y. `None` when the
/// fraction does not come out whole in the next unit (half a week or a month keep the decimal).
fn fractional_duration(amount: f64, unit: Unit) -> Option<String> {
    let whole = amount.trunc() as i64;
    let part = |per: f64| -> Option<i64> {
        let v = amount.fract() * per;
        (v.fract().abs() < 1e-9).then_some(v.round() as i64)
    };
    let lead = |n: i64, letter: &str| if n > 0 { format!("{n}{letter}") } else { String::new() };
    Some(match unit {
        Unit::Hour => format!("PT{}{}M", lead(whole, "H"), part(60.0)?),
        Unit::Minute => format!("PT{}{}S", lead(whole, "M"), part(60.0)?),
        Unit::Day => format!("P{}T{}H", lead(whole, "D"), part(24.0)?),
        Unit::Year => format!("P{}{}M", lead(whole, "Y"), part(12.0)?),
        Unit::Decade if (amount * 10.0).fract() == 0.0 => format!("P{}Y", (amount * 10.0) as i64),
        Unit::Century if (amount * 100.0).fract() == 0.0 => format!("P{}Y", (amount * 100.0) as i64),
        _ => return None,
    })
}

/// Smallest and largest length of a duration, in seconds, from its amount, vagueness and mod.
pub(crate) fn duration_bounds(sem: &Semantics, unit: Unit) -> (i64, i64) {
    let u = unit.seconds() as f64;
    let (lo, hi) = match sem.amount {
        Some(a) => (a * u, a * u),
        None => (sem.amount_min.unwrap_or(2.0) * u, sem.amount_max.unwrap_or(9.0) * u),
    };
    let (lo, hi) = match sem.modifier.as_deref() {
        Some("APPROX") => (lo * 0.75, hi * 1.25),
        Some("LESS_THAN") | Some("EQUAL_OR_LESS") => (0.0, hi),
        Some("MORE_THAN") | Some("EQUAL_OR_MORE") => (lo, hi * 2.0),
        _ => (lo, hi),
    };
    (lo.round() as i64, hi.round() as i64)
}

/// Resolve one mention. `prefer` is the direction from context (tense) or the caller; a direction
/// word in the expression itself (الماضي/المقبل) overrides it and excludes the reference day.
pub(crate) fn resolve(kind: MentionType, sem: &Semantics, r: &Reference, prefer: Prefer) -> Option<Resolution> {
    resolve_traced(kind, sem, r, prefer, &mut Trace::off())
}

/// A unit as a trace says it («day», «year»).
pub(crate) fn unit_name(u: Unit) -> String {
    format!("{u:?}").to_lowercase()
}

/// How a reading preference is said in a trace.
pub(crate) fn prefer_name(prefer: Prefer) -> &'static str {
    match prefer {
        Prefer::Past => "past (the most recent occurrence, the reference day included)",
        Prefer::Future => "future (the next occurrence, the reference day included)",
        Prefer::Nearest => "nearest (whichever occurrence is nearest)",
        Prefer::NearestLeaningPast => "news (the nearest, a past occurrence up to a day farther still winning)",
    }
}

/// [`resolve`], recording each step in `trace` (see trace.rs).
pub(crate) fn resolve_traced(kind: MentionType, sem: &Semantics, r: &Reference, prefer: Prefer, trace: &mut Trace) -> Option<Resolution> {
    let mut problems = Vec::new();
    let (prefer, strict) = match sem.direction {
        Some(Direction::Past) => (Prefer::Past, true),
        Some(Direction::Future) => (Prefer::Future, true),
        None => (prefer, false),
    };
    let out = |kind: TimexType, value: String, interval: Option<Interval>, anchor: AnchorKind, problems: Vec<(String, String)>| {
        Some(Resolution { kind, value, interval, anchor, duration_seconds: None, modifier: sem.modifier.clone(), problems })
    };

    if kind == MentionType::Set {
        // A day, month or season that recurs every year (21 مارس من كل عام، كل صيف): its
        // calendar value with the year unknown.
        let yearly = match (sem.month, sem.day, &sem.season) {
            (Some(m), Some(d), _) => Some(format!("XXXX-{m:02}-{d:02}")),
            (Some(m), None, _) => Some(format!("XXXX-{m:02}")),
            (None, _, Some(season)) => Some(format!("XXXX-{season}")),
            _ => None,
        };
        if let Some(value) = yearly {
            trace.note(StepKind::Reading, || format!("a SET: {value} every year"));
            return out(TimexType::Set, value, None, AnchorKind::Explicit, problems);
        }
        let unit = sem.every.unwrap_or(Unit::Day);
        trace.note(StepKind::Reading, || match (unit, sem.weekday) {
            (Unit::Week, Some(w)) => format!("a SET: every {}, whatever the reference", weekday_label(w)),
            _ => format!("a SET: every {} {}, whatever the reference", sem.amount.unwrap_or(1.0), unit_name(unit)),
        });
        if let (Unit::Week, Some(w)) = (unit, sem.weekday) {
            return out(TimexType::Set, format!("XXXX-WXX-{w}"), None, AnchorKind::Explicit, problems);
        }
        return out(TimexType::Set, duration_value(Some(sem.amount.unwrap_or(1.0)), unit), None, AnchorKind::Explicit, problems);
    }
    if let Some(reference) = &sem.reference {
        trace.note(StepKind::Reading, || format!("a reference to the present, past or future ({reference}), not a point on the calendar"));
        return out(TimexType::Date, reference.clone(), None, AnchorKind::Dct, problems);
    }
    if kind == MentionType::Duration {
        let unit = sem.unit?;
        trace.note(StepKind::Reading, || {
            let (lo, hi) = duration_bounds(sem, unit);
            let amount = sem.amount.map_or_else(|| format!("a vague number (from {} to {})", sem.amount_min.unwrap_or(2.0), sem.amount_max.unwrap_or(9.0)), |a| a.to_string());
            let event = if sem.event.is_some() { "; an offset from the event named after it" } else { "" };
            format!("a DURATION of {amount} {}: from {lo} to {hi} seconds{event}", unit_name(unit))
        });
        let mut res = Resolution {
            kind: TimexType::Duration,
            value: duration_value(sem.amount, unit),
            interval: None,
            anchor: if sem.event.is_some() { AnchorKind::Event } else { AnchorKind::Explicit },
            duration_seconds: Some(duration_bounds(sem, unit)),
            modifier: sem.modifier.clone(),
            problems,
        };
        if res.value.is_empty() {
            res.value = "PXD".into();
        }
        return Some(res);
    }
    if sem.event_gap.is_some() || sem.last_of_event.is_some() {
        // Resolved later against the anchor event, when the document gives its date.
        trace.note(StepKind::Reading, || {
            "anchored to the event named after it (عشية, غداة, آخر ساعة من…): dated when the text dates that event, else left unknown".into()
        });
        let value = if kind == MentionType::Time { "XXXX-XX-XXTXX" } else { "XXXX-XX-XX" };
        let tk = if kind == MentionType::Time { TimexType::Time } else { TimexType::Date };
        return out(tk, value.into(), None, AnchorKind::Event, problems);
    }

    if sem.unknown_year && sem.year.is_none() && sem.calendar == Calendar::Gregorian {
        if let Some(m) = sem.month {
            // A past event named by its day and month (ثورة 25 يناير): its year is not the
            // reference's, and the text does not give it.
            trace.note(StepKind::Reading, || "a day and month naming a past event, whose year the text does not give: the year stays unknown (XXXX)".into());
            let value = match sem.day {
                Some(d) => format!("XXXX-{m:02}-{d:02}"),
                None => format!("XXXX-{m:02}"),
            };
            return out(TimexType::Date, value, None, AnchorKind::Explicit, problems);
        }
    }
    match sem.direction {
        Some(d) => trace.note(StepKind::Direction, || {
            let (word, side) = if d == Direction::Past { ("past", "before") } else { ("future", "after") };
            format!("the words say {word} (الماضي, المقبل…): the nearest occurrence strictly {side} the reference day {}", r.date)
        }),
        None => trace.note(StepKind::Direction, || format!("no direction in the words: reading {}", prefer_name(prefer))),
    }
    if let Some((ey, em, ed)) = sem.range_end {
        let res = resolve_range(sem, (ey, em, ed), r, prefer, strict);
        trace.note(StepKind::Reading, || match &res {
            Some(res) => format!("a range {}: its start takes the parts it lacks (month, year) from its end", res.value),
            None => "a range whose ends name no date".into(),
        });
        return res;
    }

    let mut anchor = AnchorKind::Dct;
    let mut point: Option<Point> = None;

    if let Some((p, a)) = part_of_year_or_month(sem, r, prefer, strict) {
        trace.note(StepKind::Reading, || {
            let what = if sem.season.is_some() {
                "a season"
            } else if sem.quarter.is_some() {
                "a quarter of a year"
            } else if sem.half.is_some() {
                "a half of a year"
            } else if sem.weekend {
                "a weekend"
            } else if sem.unit == Some(Unit::Week) {
                "the Nth week of a month (the week holding its Thursday)"
            } else {
                "the Nth weekday of a month"
            };
            let how = match (a, sem.shift) {
                (AnchorKind::Explicit, _) => "of the year written".to_string(),
                (_, Some((u, n))) => format!("shifted {n:+} {} from the reference", unit_name(u)),
                _ => "the occurrence the direction picks".to_string(),
            };
            format!("{what}, {how}: {}", p.value())
        });
        point = Some(p);
        anchor = a;
    } else if let Some((church, days)) = sem.easter {
        // A day counted from Easter Sunday: the year written, else the occurrence the tense picks.
        let day_in = |y: i32| easter_sunday(y, church).map(|e| add_days(e, i64::from(days)));
        let day = match sem.year {
            Some(y) => {
                anchor = AnchorKind::Explicit;
                day_in(y)?
            }
            None => {
                let y = r.date.year();
                let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(day_in).collect();
                choose(&cands, r.date, prefer, strict)?
            }
        };
        trace.note(StepKind::Calendar, || format!("{days:+} day(s) from Easter Sunday by the {} computus: {day}", if church == Church::Western { "Western (Gregorian)" } else { "Orthodox (Julian)" }));
        point = Some(Point::Day(day));
    } else if sem.calendar == Calendar::Hijri {
        let (hy, hm, _) = gregorian_to_hijri(r.date).unwrap_or((1438, 1, 1));
        // The Gregorian day of Hijri day `d` (or the last day) of month `m` of year `y`.
        let day_of = |y: i32, m: u32, d: Option<u32>| -> Option<NaiveDate> {
            if sem.last_day {
                let (ny, nm) = add_months(y, m, 1);
                return hijri_month_start(ny, nm).map(|next| add_days(next, -1));
            }
            hijri_day_as_sighted(y, m, d?)
        };
        // A Gregorian year written after a Hijri month or feast ("رمضان 2021"), or named from the
        // reference ("رمضان من العام الماضي", a shift in years): the occurrence in that year.
        let (gregorian_year, year_anchor) = match (sem.gregorian_year, sem.shift) {
            (Some(g), _) => (Some(g), AnchorKind::Explicit),
            (None, Some((Unit::Year, n))) if sem.year.is_none() => (Some(r.date.year() + n), AnchorKind::Dct),
            _ => (None, AnchorKind::Dct),
        };
        // A Gregorian year after a Hijri month or feast ("رمضان 2021"): the Hijri years to try.
        let years_around = |g: i32| -> Vec<i32> {
            let mid = NaiveDate::from_ymd_opt(g, 7, 1).and_then(gregorian_to_hijri).map_or(hy, |h| h.0);
            vec![mid - 1, mid, mid + 1]
        };
        match (sem.year, sem.month, sem.day.or(sem.last_day.then_some(0))) {
            (Some(y), Some(m), Some(d)) => {
                anchor = AnchorKind::Explicit;
                match day_of(y, m, Some(d)) {
                    Some(g) => {
                        trace.note(StepKind::Calendar, || hijri_day_note(y, m, d, sem.last_day, g));
                        point = Some(Point::Day(g))
                    }
                    None => {
                        trace.note(StepKind::Problem, || format!("{d}/{m}/{y} هـ does not exist in the Umm al-Qura calendar"));
                        problems.push(("impossible_date".into(), format!("{d}/{m}/{y} هـ does not exist in the Umm al-Qura calendar")));
                        return None;
                    }
                }
            }
            (None, Some(m), Some(d)) => {
                let d = (!sem.last_day).then_some(d);
                // The written date and, for words naming either of two days ("العيد"), the other.
                let mut dates: Vec<(u32, Option<u32>)> = vec![(m, d)];
                if let Some((am, ad)) = sem.hijri_alternative {
                    // Counted from the other day: the Nth day of the Eid is 1 + N − 1 Shawwal or 10 + N − 1 Dhu al-Hijja.
                    dates.push((am, d.map(|d| ad + d.saturating_sub(1))));
                }
                if let Some(g) = gregorian_year {
                    // The occurrence that falls in that Gregorian year.
                    anchor = year_anchor;
                    let found = years_around(g).into_iter().flat_map(|y| dates.iter().filter_map(move |&(m, d)| day_of(y, m, d))).filter(|x| x.year() == g).min()?;
                    trace.note(StepKind::Calendar, || format!("Hijri {} of month {m} in the Gregorian year {g} written (Umm al-Qura): {found}", d.map_or("last day".to_string(), |d| format!("day {d}"))));
                    point = Some(Point::Day(found));
                } else {
                    let cands: Vec<NaiveDate> = (hy - 1..=hy + 1).flat_map(|y| dates.iter().filter_map(move |&(m, d)| day_of(y, m, d))).collect();
                    // A weekday picks the occurrence on that weekday within half a year.
                    let on_weekday = sem.weekday.and_then(|w| cands.iter().copied().find(|g| iso_weekday(*g) == w && (*g - r.date).num_days().abs() <= 183));
                    let tensed = || {
                        let pick = choose(&cands, r.date, prefer, strict)?;
                        // Words naming either feast («العيد»): the one the tense picks months away
                        // is not the one meant when the other falls within a month of the
                        // reference («خلال أيام العيد» the day before the Eid al-Fitr is not last
                        // year's Eid al-Adha).
                        let nearest = choose(&cands, r.date, Prefer::Nearest, false).filter(|n| (*n - r.date).num_days().abs() <= 30);
                        Some(match nearest {
                            Some(n) if dates.len() > 1 && (pick - r.date).num_days().abs() > 60 => n,
                            _ => pick,
                        })
                    };
                    let pick = on_weekday.or_else(tensed)?;
                    trace.note(StepKind::Calendar, || {
                        let list: Vec<String> = cands.iter().map(|c| c.to_string()).collect();
                        let alt = if dates.len() > 1 { " (the words may name either of two Hijri days)" } else { "" };
                        let why = if on_weekday.is_some() { "the one on the weekday written" } else { "the one the direction picks" };
                        format!("Hijri day and month without a year{alt}, in the Hijri years {}–{} around the reference (Umm al-Qura): {}; {why}: {pick}", hy - 1, hy + 1, list.join(", "))
                    });
                    point = Some(Point::Day(pick));
                }
            }
            (Some(y), Some(m), None) => {
                anchor = AnchorKind::Explicit;
                trace.note(StepKind::Calendar, || format!("Hijri month {m} of {y}: it keeps its Hijri value (from {} by Umm al-Qura)", hijri_month_start(y, m).map_or("?".into(), |d| d.to_string())));
                point = Some(Point::HijriMonth(y, m));
            }
            (None, Some(m), None) => {
                let start_of = |y: i32| hijri_month_start(y, m).map(|d| (y, d));
                point = Some(if let Some(g) = gregorian_year {
                    // The month that starts in that Gregorian year, else the one nearest its start.
                    anchor = year_anchor;
                    let starts: Vec<(i32, NaiveDate)> = years_around(g).into_iter().filter_map(start_of).collect();
                    let jan1 = NaiveDate::from_ymd_opt(g, 1, 1)?;
                    let (y, _) = starts.iter().copied().find(|(_, d)| d.year() == g).or_else(|| starts.iter().copied().min_by_key(|(_, d)| (*d - jan1).num_days().abs()))?;
                    Point::HijriMonth(y, m)
                } else {
                    // The nearest occurrence the tense allows; the current month counts as now, and
                    // so does the month about to begin in the last two days of a month, when its
                    // crescent is sought and announced (رؤية هلال شهر شوال on 29 Ramadan).
                    let (ny, nm, _) = gregorian_to_hijri(add_days(r.date, 2)).unwrap_or((hy, hm, 1));
                    let now = hijri_month_start(ny, nm).unwrap_or(r.date);
                    let starts: Vec<(i32, NaiveDate)> = (hy - 1..=hy + 1).filter_map(start_of).collect();
                    let days: Vec<NaiveDate> = starts.iter().map(|(_, d)| *d).collect();
                    let pick = choose(&days, now, prefer, strict)?;
                    let (y, _) = starts.iter().copied().find(|(_, d)| *d == pick)?;
                    trace.note(StepKind::Calendar, || format!("Hijri month {m} without a year: of the Hijri years {}–{} (starting {}), the direction picks {y}, starting {pick}", hy - 1, hy + 1, days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")));
                    Point::HijriMonth(y, m)
                });
            }
            (Some(y), None, None) => {
                anchor = AnchorKind::Explicit;
                trace.note(StepKind::Calendar, || format!("the Hijri year {y}"));
                point = Some(Point::HijriYear(y));
            }
            _ => return None,
        }
    } else if sem.last_day && sem.day.is_none() && sem.month.is_some() {
        // The last day of a month ("آخر يوم من شهر أكتوبر 2015").
        let m = sem.month?;
        let (y, m) = match sem.year {
            Some(y) => {
                anchor = AnchorKind::Explicit;
                (y, m)
            }
            None => month_near(r.date, m, prefer, strict),
        };
        let (ny, nm) = add_months(y, m, 1);
        point = Some(Point::Day(add_days(NaiveDate::from_ymd_opt(ny, nm, 1)?, -1)));
        trace.note(StepKind::Date, || format!("the last day of month {m} of {y}{}", if sem.year.is_some() { " (the year written)" } else { " (the occurrence the direction picks)" }));
    } else {
        match (sem.year, sem.month, sem.day) {
            (Some(y), Some(m), Some(d)) => {
                anchor = AnchorKind::Explicit;
                match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(g) => {
                        trace.note(StepKind::Date, || format!("a full date written: {g}"));
                        point = Some(Point::Day(g))
                    }
                    None => {
                        trace.note(StepKind::Problem, || format!("{y}-{m:02}-{d:02} does not exist"));
                        problems.push(("impossible_date".into(), format!("{y}-{m:02}-{d:02} does not exist")));
                        return None;
                    }
                }
            }
            (None, Some(m), Some(d)) if matches!(sem.shift, Some((Unit::Year, _))) => {
                // A day of a month of a year named from the reference (15 مارس من العام الماضي).
                let (_, n) = sem.shift?;
                let y = r.date.year() + n;
                let Some(g) = NaiveDate::from_ymd_opt(y, m, d) else {
                    trace.note(StepKind::Problem, || format!("{y}-{m:02}-{d:02} does not exist"));
                    problems.push(("impossible_date".into(), format!("{y}-{m:02}-{d:02} does not exist")));
                    return None;
                };
                trace.note(StepKind::Date, || format!("day {d} of month {m} of the year {n:+} from the reference's, {g}"));
                point = Some(Point::Day(g));
            }
            (None, Some(m), Some(d)) => {
                // A day word in apposition (غدا 16 جانفي) says which year: the one nearest that day.
                let (near, prefer) = match sem.shift {
                    Some((Unit::Day, n)) => (add_days(r.date, i64::from(n)), Prefer::Nearest),
                    _ => (r.date, prefer),
                };
                // A weekday says which year too, within half a year of the reference: the occurrence
                // on that weekday (الأربعاء 25 مارس read on Tuesday 24 March is tomorrow, not a year
                // ago, whatever the tense). Farther off, a wrong weekday is the text's error.
                let on_weekday = sem.weekday.and_then(|w| {
                    let y = near.year();
                    (y - 1..=y + 1)
                        .filter_map(|yy| NaiveDate::from_ymd_opt(yy, m, d))
                        .find(|g| iso_weekday(*g) == w && (*g - near).num_days().abs() <= 183)
                });
                match on_weekday.or_else(|| day_month_near(near, m, d, prefer, strict)) {
                    Some(g) => {
                        trace.note(StepKind::Date, || {
                            let from = if near != r.date { format!("the day its day word names, {near}") } else { format!("the reference day {near}") };
                            let why = if on_weekday.is_some() { "the one on the weekday written" } else { "the year the direction picks" };
                            format!("day {d} of month {m} without a year, near {from}: {why}, {g}")
                        });
                        point = Some(Point::Day(g))
                    }
                    None => return None,
                }
            }
            (Some(y), Some(m), None) => {
                anchor = AnchorKind::Explicit;
                trace.note(StepKind::Date, || format!("a month and its year written: {y:04}-{m:02}"));
                point = Some(Point::Month(y, m));
            }
            (None, Some(m), None) => {
                if let Some((Unit::Year, n)) = sem.shift {
                    // A month of a year named from the reference (مارس من العام الماضي).
                    let y = r.date.year() + n;
                    trace.note(StepKind::Date, || format!("month {m} of the year {n:+} from the reference's, {y:04}-{m:02}"));
                    point = Some(Point::Month(y, m));
                } else {
                    let (y, m) = month_near(r.date, m, prefer, strict);
                    trace.note(StepKind::Date, || format!("month {m} without a year: the occurrence the direction picks from {}, {y:04}-{m:02}", r.date));
                    point = Some(Point::Month(y, m));
                }
            }
            (Some(y), None, None) => {
                anchor = AnchorKind::Explicit;
                trace.note(StepKind::Date, || match sem.unit {
                    Some(Unit::Decade) => format!("the decade of the year {y}"),
                    Some(Unit::Century) => format!("the century of the year {y}"),
                    _ => format!("a year written: {y}"),
                });
                // A DATE rule that sets `unit` to DE or CE names the decade or century of that year.
                point = Some(match sem.unit {
                    Some(Unit::Decade) => Point::Decade(y.div_euclid(10)),
                    Some(Unit::Century) => Point::Century(y.div_euclid(100)),
                    _ => Point::Year(y),
                });
            }
            _ => {}
        }
    }
    if let Some((gy, gm, gd)) = sem.hijri_pair {
        if let (Some(Point::Day(g)), Some(hm), Some(hd)) = (point, gm, gd) {
            // The Hijri year meant: the one written, else the one whose such day is nearest.
            let (y0, _, _) = gregorian_to_hijri(g).unwrap_or((0, 1, 1));
            let hy = gy.unwrap_or_else(|| {
                [y0 - 1, y0, y0 + 1].into_iter().min_by_key(|y| hijri_day_as_sighted(*y, hm, hd).map_or(i64::MAX, |h| (h - g).num_days().abs())).unwrap_or(y0)
            });
            match hijri_day_as_sighted(hy, hm, hd) {
                // Up to two days off is a country's own sighting: the document dates the month by it
                // (and reports it as hijri_month_start).
                Some(h) if (h - g).num_days().abs() <= 2 => trace.note(StepKind::Calendar, || {
                    let off = (g - h).num_days();
                    let agree = if off == 0 { "the same day".to_string() } else { format!("{off:+} day(s) from it, within a country's own sighting") };
                    format!("the Hijri side {hd}/{hm}/{hy} is {h} by Umm al-Qura; the Gregorian date written, {g}, is {agree}: kept")
                }),
                Some(h) => problems.push(("hijri_gregorian_mismatch".into(), format!("the Hijri date {hd}/{hm}/{hy} is {h} by Umm al-Qura, not {g}; the Gregorian date is kept"))),
                None => problems.push(("hijri_gregorian_mismatch".into(), format!("the Hijri date {hd}/{hm}/{hy} does not exist; the Gregorian date {g} is kept"))),
            }
        }
    }

    // Day-level readings from weekdays and shifts.
    if point.is_none() {
        if let (Some((Unit::Week, n)), Some(w), Some(_)) = (sem.shift, sem.weekday, sem.direction) {
            // A weekday with a direction and a shift in weeks ("الإثنين قبل الماضي", "الجمعة بعد
            // القادم"): the nearest such day strictly in that direction, moved by whole weeks —
            // not the weekday of a shifted ISO week, which on a Monday would skip no Monday at all.
            let nearest = weekday_near(r.date, w, prefer, true);
            let day = nearest.checked_add_signed(Duration::try_days(7 * i64::from(n))?)?;
            trace.note(StepKind::Weekday, || format!("{} {} the reference {}: {nearest}; moved {n:+} week(s): {day}", weekday_label(w), if n < 0 { "before" } else { "after" }, r.date));
            point = Some(Point::Day(day));
        } else if let Some((unit, n)) = sem.shift {
            // A shift past the four-digit years ("بعد 2147483647 سنة") names no date: left out.
            point = Some(shifted(r, unit, n)?);
            trace.note(StepKind::Shift, || format!("shift {n:+} {} from the reference {}: {}", unit_name(unit), r.date, point.map_or(String::new(), |p| p.value())));
            // A weekday of a shifted week ("الأحد من الأسبوع الماضي"): that day of the ISO week.
            if let (Some(w), Some(Point::Week(d))) = (sem.weekday, point) {
                point = Some(Point::Day(add_days(d, i64::from(w) - i64::from(iso_weekday(d)))));
                trace.note(StepKind::Weekday, || format!("{} of that ISO week: {}", weekday_label(w), point.map_or(String::new(), |p| p.value())));
            }
            // The last day of a shifted month ("آخر يوم من الشهر الجاري").
            if let (true, None, Some(Point::Month(y, m))) = (sem.last_day, sem.day, point) {
                let (ny, nm) = add_months(y, m, 1);
                let last = add_days(NaiveDate::from_ymd_opt(ny, nm, 1)?, -1);
                trace.note(StepKind::Date, || format!("the last day of that month: {last}"));
                point = Some(Point::Day(last));
            }
            // A day number of a shifted month ("18 الجاري", "يوم 5 من الشهر المقبل").
            if let (Some(d), Some(Point::Month(y, m))) = (sem.day, point) {
                match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(g) => {
                        trace.note(StepKind::Date, || format!("day {d} of that month: {g}"));
                        point = Some(Point::Day(g))
                    }
                    None => {
                        trace.note(StepKind::Problem, || format!("{y}-{m:02}-{d:02} does not exist"));
                        problems.push(("impossible_date".into(), format!("{y}-{m:02}-{d:02} does not exist")));
                        return None;
                    }
                }
            }
            if let (Some(w), Some(Point::Day(d))) = (sem.weekday, point) {
                if iso_weekday(d) != w {
                    // The weekday wins: a day word depends on when the text was written, which is
                    // often not the day stamped on the page (written late, published after midnight,
                    // stamped in another zone); the weekday does not. The nearest such weekday.
                    let named = weekday_near(d, w, Prefer::Nearest, false);
                    trace.note(StepKind::Weekday, || format!("{d} is a {}, not a {}: the weekday wins (a day word depends on when the text was written), the nearest {}: {named}", weekday_label(iso_weekday(d)), weekday_label(w), weekday_label(w)));
                    problems.push((
                        "weekday_date_mismatch".into(),
                        format!("{} is a {}, not a {}; the weekday is kept ({named})", d, weekday_label(iso_weekday(d)), weekday_label(w)),
                    ));
                    point = Some(Point::Day(named));
                }
            }
        } else if let Some(w) = sem.weekday {
            // A weekday said to be a Hijri day ("الأحد أول أيام عيد الأضحى") is the one nearest that
            // day's date in the table; otherwise the tense decides.
            let stated = sem.hijri_pair.and_then(|(hy_said, hm, hd)| {
                let (hy, _, _) = gregorian_to_hijri(r.date)?;
                let years: Vec<i32> = match hy_said {
                    Some(y) => vec![y],
                    None => vec![hy - 1, hy, hy + 1],
                };
                years.into_iter().filter_map(|y| hijri_day_as_sighted(y, hm?, hd?)).min_by_key(|d| (*d - r.date).num_days().abs())
            });
            let day = match stated {
                Some(t) => weekday_near(t, w, Prefer::Nearest, false),
                None => weekday_near(r.date, w, prefer, strict),
            };
            trace.note(StepKind::Weekday, || match stated {
                Some(t) => format!("{} said to be a Hijri day, {t} by Umm al-Qura: the {} nearest it, {day}", weekday_label(w), weekday_label(w)),
                None => {
                    let (before, after) = (weekday_near(r.date, w, Prefer::Past, strict), weekday_near(r.date, w, Prefer::Future, strict));
                    format!("{} around the reference {}: {before} before, {after} after; the direction picks {day}", weekday_label(w), r.date)
                }
            });
            point = Some(Point::Day(day));
        } else if sem.part_of_day.is_some() || sem.hour.is_some() {
            let d = match (sem.part_of_day, sem.hour) {
                // A bare midnight closes the day before the reference (past) or the reference day (future).
                (Some(PartOfDay::Midnight), _) => match prefer {
                    Prefer::Future => r.date,
                    _ => add_days(r.date, -1),
                },
                // A bare night told in the past («قصفت الطائرات المدينة ليلا») is the night just gone.
                (Some(PartOfDay::Night), None) if prefer == Prefer::Past => add_days(r.date, -1),
                _ => r.date,
            };
            trace.note(StepKind::Date, || {
                if d == r.date {
                    format!("a time of day naming no day: the reference day {d}")
                } else {
                    format!("a time of day naming no day: {d}, the day before the reference (a bare midnight or night told in the past closes the day before)")
                }
            });
            point = Some(Point::Day(d));
        }
    } else if let (Some(w), Some(Point::Day(d))) = (sem.weekday, point) {
        if iso_weekday(d) != w {
            trace.note(StepKind::Weekday, || format!("{d} is a {}, but the text calls it {}: the date as written is kept", weekday_label(iso_weekday(d)), weekday_label(w)));
            problems.push((
                "weekday_date_mismatch".into(),
                format!("{} is a {}, but the text calls it {}; the date as written is kept", d, weekday_label(iso_weekday(d)), weekday_label(w)),
            ));
        }
    }

    let mut point = point?;
    // The night that opens a day (ليلة 27 رمضان، ليلة عيد الفطر): the Islamic day begins at
    // sunset, so that night is the night of the Gregorian day before.
    if let (true, Point::Day(d)) = (sem.night_before, point) {
        point = Point::Day(add_days(d, -1));
        trace.note(StepKind::Date, || format!("the night that opens {d} (the Islamic day begins at sunset): the night of {}", add_days(d, -1)));
    }
    // The Nth weekday after the day named (ثالث ثلاثاء بعد كريسماس 2014): strictly after it.
    if let (Some((n, w)), Point::Day(d)) = (sem.weekday_after, point) {
        let first = add_days(d, 1 + (i64::from(w) - i64::from(iso_weekday(d)) + 6).rem_euclid(7));
        let moved = add_days(first, 7 * (i64::from(n) - 1));
        trace.note(StepKind::Weekday, || format!("{} number {n} after {d} (strictly after it): {moved}", weekday_label(w)));
        point = Point::Day(moved);
    }
    // Times of day on a day.
    if let Point::Day(d) = point {
        if let Some(h) = sem.hour {
            let (mut h, mut minute) = (h, sem.minute.unwrap_or(0).min(59));
            if let Some(before) = sem.minutes_to {
                // «العاشرة إلا ربعا»: that many minutes before the hour (الواحدة إلا ربعا = 12:45).
                h = match h {
                    0 => 23,
                    1 => 12,
                    _ => h - 1,
                };
                minute = 60 - before.min(59);
            }
            if let Some(pod) = sem.part_of_day {
                let pm = matches!(pod, PartOfDay::Afternoon | PartOfDay::Evening) || (pod == PartOfDay::Night && h >= 6) || (matches!(pod, PartOfDay::Midday | PartOfDay::Noon) && (1..=5).contains(&h));
                if pm && h < 12 {
                    h += 12;
                }
                if pod == PartOfDay::Morning && h == 12 {
                    h = 0;
                }
                // «الساعة 12 ليلا», «الثانية عشرة ليلا»: twelve at night is the midnight that
                // closes the day (T24:00, written as the next day's T00:00), never noon.
                if pod == PartOfDay::Night && h == 12 {
                    h = 24;
                }
                // «الساعة 12 مساءً», «الثانية عشرة مساء الخميس»: a whole twelve in the evening is
                // that midnight too (closing hours, curfews: «من 12 مساءً حتى 6 صباحاً»); noon is
                // written ظهرا. A time with its minutes («12:30 مساءً») or the letter م, which the
                // rules give minute 0 («12 م», «12:00 م»: page stamps' 12 p.m.), stays noon.
                if pod == PartOfDay::Evening && h == 12 && sem.minute.is_none() && sem.minutes_to.is_none() {
                    h = 24;
                }
            }
            if h > 24 {
                return None;
            }
            let names_no_day = sem.year.is_none() && sem.month.is_none() && sem.day.is_none() && sem.weekday.is_none() && sem.shift.is_none();
            let d = match (sem.part_of_day, r.time) {
                // A bare hour on the twelve-hour clock, read against a known time of day: the
                // occurrence the tense asks for («الساعة الثالثة» at 04:30, looking ahead = 15:00).
                (None, Some(now)) if names_no_day && (1..=12).contains(&h) => {
                    let (day, hour) = twelve_hour_occurrence(d, now, h, minute, prefer);
                    h = hour;
                    day
                }
                _ => d,
            };
            point = match sem.second {
                Some(sec) => Point::Second(d, h, minute, sec.min(59)),
                None => Point::Minute(d, h, minute),
            };
            trace.note(StepKind::Clock, || {
                let mut how: Vec<String> = vec![format!("hour {} as written", sem.hour.unwrap_or(h))];
                if let Some(before) = sem.minutes_to {
                    how.push(format!("{before} minutes before it"));
                }
                if let Some(pod) = sem.part_of_day {
                    how.push(format!("with the part of day {pod:?} on the 24-hour clock"));
                } else if r.time.is_some() && sem.year.is_none() && sem.month.is_none() && sem.day.is_none() && sem.weekday.is_none() && sem.shift.is_none() && (1..=12).contains(&sem.hour.unwrap_or(0)) {
                    how.push("a bare hour on the twelve-hour clock: the occurrence the direction picks from the reference time".into());
                }
                format!("{}: {h:02}:{minute:02} on {d}", how.join(", "))
            });
        } else if let Some(pod) = sem.part_of_day {
            // «منتصف ليل اليوم» closes today, ahead («تبدأ الهدنة منتصف ليل اليوم»); told in the
            // past («دخلت الهدنة حيز التنفيذ منذ منتصف ليل اليوم»، «بدأ منتصف ليل اليوم») it is
            // the midnight today opened with, which closed the day before.
            let today_told_past = pod == PartOfDay::Midnight && sem.shift == Some((Unit::Day, 0)) && prefer == Prefer::Past;
            let d = if today_told_past { add_days(d, -1) } else { d };
            point = Point::PartOfDay(d, pod);
            trace.note(StepKind::Clock, || {
                if today_told_past {
                    format!("the midnight opening today, told in the past: the one closing {d}")
                } else {
                    format!("the part of day {pod:?} of {d}")
                }
            });
        }
    }
    // A clock time with a stated zone is that wall-clock time in that zone.
    let tz = sem.timezone.as_deref().and_then(stated_zone).unwrap_or(r.tz);
    trace.note(StepKind::Zone, || match sem.timezone.as_deref() {
        Some(z) if stated_zone(z).is_some() && tz == r.tz => format!("the zone the text states ({z} = {tz}), the reference's own"),
        Some(z) if stated_zone(z).is_some() => format!("the zone the text states ({z} = {tz}), not the reference's {}: the clock time is read in it", r.tz),
        Some(z) => format!("the text states the zone «{z}», which is no IANA zone or offset: the reference's zone, {tz}"),
        None => format!("the reference's zone: {tz}"),
    });
    let mut interval = point.interval(tz);
    // The first or last N days of a month (العشر الأواخر من رمضان): the value stays the month with
    // its mod; the interval is those days (the last ten run from the 21st, a 29-day month's too).
    if let (Some(n), Some(iv), Point::Month(..) | Point::HijriMonth(..)) = (sem.edge_days, interval, point) {
        let first = iv.start.with_timezone(&tz).date_naive();
        let last = iv.end.with_timezone(&tz).date_naive();
        let (from, to) = match sem.modifier.as_deref() {
            Some("START") => (first, add_days(first, i64::from(n)).min(last)),
            Some("END") => (add_days(first, 30 - i64::from(n)).min(last), last),
            _ => (first, last),
        };
        interval = Some(Interval { start: day_start(tz, from), end: day_start(tz, to) });
        trace.note(StepKind::Date, || format!("the {} {n} days of that month: {from} to {}", if sem.modifier.as_deref() == Some("START") { "first" } else { "last" }, add_days(to, -1)));
    }
    out(point.kind(), point.value(), interval, anchor, problems)
}

/// How a Hijri day was placed on the Gregorian calendar, for a trace.
fn hijri_day_note(y: i32, m: u32, d: u32, last_day: bool, g: NaiveDate) -> String {
    if last_day {
        return format!("the last day of the Hijri month {m} of {y} (the day before the next month starts, Umm al-Qura): {g}");
    }
    let table = crate::calendar::hijri_to_gregorian(y, m, d);
    match table {
        Some(t) if t == g => format!("Hijri {d}/{m}/{y} → {g} (Umm al-Qura)"),
        _ => format!("Hijri {d}/{m}/{y} → {g}: the table gives the month 29 days, so its 30th is the day after the 29th, as a country that did not see the crescent counts it"),
    }
}

/// The day and 24-hour hour of a twelve-hour clock time `h:minute` (1–12, no part of day) nearest to
/// `now` on `day` in the direction asked: the next occurrence looking ahead, the last one looking back,
/// the nearer one otherwise.
fn twelve_hour_occurrence(day: NaiveDate, now: NaiveTime, h: u32, minute: u32, prefer: Prefer) -> (NaiveDate, u32) {
    let now = day.and_time(now);
    let base = h % 12;
    let mut options: Vec<(chrono::NaiveDateTime, NaiveDate, u32)> = Vec::new();
    for shift in -1..=1 {
        let d = add_days(day, shift);
        for hour in [base, base + 12] {
            if let Some(t) = NaiveTime::from_hms_opt(hour, minute, 0) {
                options.push((d.and_time(t), d, hour));
            }
        }
    }
    let after = options.iter().filter(|o| o.0 >= now).min_by_key(|o| o.0);
    let before = options.iter().filter(|o| o.0 <= now).max_by_key(|o| o.0);
    let pick = match prefer {
        Prefer::Future => after.or(before),
        Prefer::Past => before.or(after),
        Prefer::Nearest | Prefer::NearestLeaningPast => match (before, after) {
            (Some(b), Some(a)) => Some(if now - b.0 <= a.0 - now { b } else { a }),
            (b, a) => b.or(a),
        },
    };
    // Written as 12 (noon) the hour stays 12, not 0, when that occurrence is chosen.
    pick.map(|o| (o.1, if o.2 == 0 && h == 12 { 0 } else { o.2 })).unwrap_or((day, h))
}

/// Seasons, quarters and halves of a year, weekends, and the Nth weekday or week of a month: the
/// point they name, and whether it was explicit (a year written) or read against the reference.
fn part_of_year_or_month(sem: &Semantics, r: &Reference, prefer: Prefer, strict: bool) -> Option<(Point, AnchorKind)> {
    let y = r.date.year();
    // A part of a year: the year written, a shifted year (العام الماضي), or the nearest occurrence.
    let part = |make: &dyn Fn(i32) -> Option<(Point, NaiveDate)>| -> Option<(Point, AnchorKind)> {
        if let Some(year) = sem.year {
            return make(year).map(|(p, _)| (p, AnchorKind::Explicit));
        }
        if let Some((Unit::Year, n)) = sem.shift {
            return make(y + n).map(|(p, _)| (p, AnchorKind::Dct));
        }
        let cands: Vec<(Point, NaiveDate)> = (y - 2..=y + 2).filter_map(make).collect();
        // The occurrence going on now counts as now.
        let going_on = cands.iter().find(|(p, _)| p.interval(chrono_tz::UTC).is_some_and(|iv| iv.start.date_naive() <= r.date && r.date < iv.end.date_naive()));
        let now = going_on.map_or(r.date, |(_, start)| *start);
        let starts: Vec<NaiveDate> = cands.iter().map(|(_, d)| *d).collect();
        let pick = choose(&starts, now, prefer, strict)?;
        cands.into_iter().find(|(_, d)| *d == pick).map(|(p, _)| (p, AnchorKind::Dct))
    };
    if let Some(code) = &sem.season {
        let s = SEASONS.iter().position(|(c, _)| c == code)?;
        return part(&|year| season_start(year, s).map(|d| (Point::Season(year, s), d)));
    }
    if let Some(q) = sem.quarter {
        return part(&|year| NaiveDate::from_ymd_opt(year, 3 * q - 2, 1).map(|d| (Point::Quarter(year, q), d)));
    }
    if let Some(h) = sem.half {
        return part(&|year| NaiveDate::from_ymd_opt(year, 6 * h - 5, 1).map(|d| (Point::Half(year, h), d)));
    }
    if sem.weekend {
        let monday = |d: NaiveDate| add_days(d, -(iso_weekday(d) as i64 - 1));
        let this = monday(r.date);
        let week = match sem.shift {
            Some((Unit::Week, n)) => add_days(this, 7 * i64::from(n)),
            _ => {
                // The nearest weekend the tense allows, by its Friday; the one going on counts as now.
                let fridays: Vec<NaiveDate> = (-1..=1).map(|k| add_days(this, 7 * k + 4)).collect();
                let now = if r.date >= add_days(this, 4) { add_days(this, 4) } else { r.date };
                monday(choose(&fridays, now, prefer, strict)?)
            }
        };
        return Some((Point::Weekend(week), AnchorKind::Dct));
    }
    let nth = sem.nth?;
    // The Nth (or last) weekday of a Hijri month (أول جمعة من رمضان، الجمعة الأخيرة من شهر رمضان):
    // counted in the month by the Umm al-Qura tables, of the Hijri year written or else the
    // occurrence the tense picks (the month going on counts as now).
    if sem.calendar == Calendar::Hijri && sem.unit.is_none() {
        let (m, w) = (sem.month?, sem.weekday?);
        let in_month = |year: i32| -> Option<(NaiveDate, NaiveDate, NaiveDate)> {
            let first = hijri_month_start(year, m)?;
            let (ny, nm) = add_months(year, m, 1);
            let last = add_days(hijri_month_start(ny, nm)?, -1);
            let d = match nth {
                n if n > 0 => add_days((0..7).map(|k| add_days(first, k)).find(|d| iso_weekday(*d) == w)?, 7 * i64::from(n - 1)),
                _ => (0..7).map(|k| add_days(last, -k)).find(|d| iso_weekday(*d) == w)?,
            };
            (d <= last).then_some((d, first, last))
        };
        if let Some(year) = sem.year {
            return in_month(year).map(|(d, _, _)| (Point::Day(d), AnchorKind::Explicit));
        }
        let (hy, _, _) = gregorian_to_hijri(r.date)?;
        let cands: Vec<(NaiveDate, NaiveDate, NaiveDate)> = (hy - 1..=hy + 1).filter_map(in_month).collect();
        let now = cands.iter().find(|(_, first, last)| *first <= r.date && r.date <= *last).map_or(r.date, |(_, first, _)| *first);
        let starts: Vec<NaiveDate> = cands.iter().map(|(_, first, _)| *first).collect();
        let pick = choose(&starts, now, prefer, strict)?;
        return cands.into_iter().find(|(_, first, _)| *first == pick).map(|(d, _, _)| (Point::Day(d), AnchorKind::Dct));
    }
    // The Nth ISO week of a year named by its number or shifted, with no month (الأسبوع الأول من
    // العام الجاري، الأسبوع 15 من سنة 2023): ISO 8601 numbers the weeks of a year; -1 is its last.
    if sem.unit == Some(Unit::Week) && sem.month.is_none() && (sem.year.is_some() || matches!(sem.shift, Some((Unit::Year, _)))) {
        return part(&|year| {
            let week = match u32::try_from(nth) {
                Ok(n) => n,
                Err(_) => NaiveDate::from_ymd_opt(year, 12, 28)?.iso_week().week(),
            };
            let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
            Some((Point::Week(monday), monday))
        });
    }
    // The month: written (with or without its year), shifted (الشهر الجاري), or the reference month.
    let (year, month, anchor) = match (sem.year, sem.month, sem.shift) {
        (Some(yy), Some(m), _) => (yy, m, AnchorKind::Explicit),
        (None, Some(m), Some((Unit::Year, n))) => (y + n, m, AnchorKind::Dct),
        (None, Some(m), _) => {
            let (yy, m) = month_near(r.date, m, prefer, strict);
            (yy, m, AnchorKind::Dct)
        }
        (_, None, Some((Unit::Month, n))) => {
            let (yy, m) = add_months(y, r.date.month(), n);
            (yy, m, AnchorKind::Dct)
        }
        _ => (y, r.date.month(), AnchorKind::Dct),
    };
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let (ny, nm) = add_months(year, month, 1);
    let last = add_days(NaiveDate::from_ymd_opt(ny, nm, 1)?, -1);
    if sem.unit == Some(Unit::Week) {
        // The Nth (or last) ISO week of the month: a week belongs to the month that holds its
        // Thursday, as ISO 8601 gives a week to the year that holds its Thursday.
        let first_thursday = (0..7).map(|k| add_days(first, k)).find(|d| iso_weekday(*d) == 4)?;
        let last_thursday = (0..7).map(|k| add_days(last, -k)).find(|d| iso_weekday(*d) == 4)?;
        let thursday = if nth > 0 { add_days(first_thursday, 7 * i64::from(nth - 1)) } else { last_thursday };
        return (thursday <= last).then_some((Point::Week(add_days(thursday, -3)), anchor));
    }
    let w = sem.weekday?;
    let nth_weekday = || -> Option<NaiveDate> {
        let d = if nth > 0 {
            add_days((0..7).map(|k| add_days(first, k)).find(|d| iso_weekday(*d) == w)?, 7 * i64::from(nth - 1))
        } else {
            (0..7).map(|k| add_days(last, -k)).find(|d| iso_weekday(*d) == w)?
        };
        (d.month() == month).then_some(d)
    };
    // «الثلاثاء الثالث من أيلول»: Tuesday the third, if a 3rd near the reference (or in the year
    // written) is a Tuesday — the date is then read as any date is; else the third Tuesday.
    if let Some(day) = sem.day {
        let years: Vec<i32> = match sem.year {
            Some(yy) => vec![yy],
            None => vec![y - 1, y, y + 1],
        };
        let date_fits = years
            .into_iter()
            .filter_map(|yy| NaiveDate::from_ymd_opt(yy, month, day))
            .any(|d| iso_weekday(d) == w && (sem.year.is_some() || (d - r.date).num_days().abs() <= 183));
        if date_fits || nth > 5 {
            return None;
        }
    }
    nth_weekday().map(|d| (Point::Day(d), anchor))
}

/// The reference moved by `n` units ("منذ 10 سنوات", "بعد 48 ساعة"), or `None` when the result
/// falls outside the years 0 to 9999 that a TIMEX3 value writes with four digits. Computed in i64
/// with checked arithmetic: `n` comes from the text and may be as large as `i32::MAX`.
fn shifted(r: &Reference, unit: Unit, n: i32) -> Option<Point> {
    let (base, n) = (r.date, i64::from(n));
    let year = |y: i64| i32::try_from(y).ok().filter(|y| (0..=9999).contains(y));
    let day = |days: i64| {
        let d = if days >= 0 { r.date.checked_add_days(Days::new(days.unsigned_abs())) } else { r.date.checked_sub_days(Days::new(days.unsigned_abs())) }?;
        year(i64::from(d.year())).map(|_| d)
    };
    let y = i64::from(base.year());
    Some(match unit {
        Unit::Day => Point::Day(day(n)?),
        Unit::Week => Point::Week(day(7 * n)?),
        Unit::Month => {
            let total = y * 12 + i64::from(base.month0()) + n;
            Point::Month(year(total.div_euclid(12))?, total.rem_euclid(12) as u32 + 1)
        }
        Unit::Quarter => {
            let total = y * 4 + i64::from(base.month0() / 3) + n;
            Point::Quarter(year(total.div_euclid(4))?, total.rem_euclid(4) as u32 + 1)
        }
        Unit::Year => Point::Year(year(y + n)?),
        Unit::Decade => Point::Decade(year(y + 10 * n)?.div_euclid(10)),
        Unit::Century => Point::Century(year(y + 100 * n)?.div_euclid(100)),
        Unit::Hour | Unit::Minute | Unit::Second => {
            let t = base.and_time(r.time.unwrap_or(NaiveTime::MIN));
            let t = t.checked_add_signed(Duration::try_seconds(unit.seconds().checked_mul(n)?)?)?;
            year(i64::from(t.date().year()))?;
            match unit {
                Unit::Hour => Point::Hour(t.date(), t.time().hour_of_day()),
                Unit::Minute => Point::Minute(t.date(), t.time().hour_of_day(), t.time().minute_of_hour()),
                // «قبل 3 ثوان»: to the second, as a minute would round it away.
                _ => Point::Second(t.date(), t.time().hour_of_day(), t.time().minute_of_hour(), chrono::Timelike::second(&t.time())),
            }
        }
    })
}

trait ClockParts {
    fn hour_of_day(&self) -> u32;
    fn minute_of_hour(&self) -> u32;
}

impl ClockParts for NaiveTime {
    fn hour_of_day(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
    fn minute_of_hour(&self) -> u32 {
        chrono::Timelike::minute(self)
    }
}

/// A range "من 5 إلى 7 مايو" / "بين عامي 2016 و2017": the value is an ISO 8601 interval
/// `start/end` of the two points (parts missing from the start are taken from the end), and the
/// interval spans both.
fn resolve_range(sem: &Semantics, end: (Option<i32>, Option<u32>, Option<u32>), r: &Reference, prefer: Prefer, strict: bool) -> Option<Resolution> {
    let (ey, em, ed) = end;
    let explicit_year = ey.or(sem.year).is_some();
    if sem.calendar == Calendar::Hijri {
        return resolve_hijri_range(sem, end, r, prefer, strict);
    }
    // «من 15 إلى 20 من الشهر الجاري»: days of the month the words step to from the reference;
    // «الأشهر الستة الأولى من العام الماضي»: months of the year they step to.
    let (ey, em) = match (ey.or(sem.year), em.or(sem.month), sem.shift) {
        (None, None, Some((Unit::Month, n))) => {
            let (y, m) = add_months(r.date.year(), r.date.month(), n);
            (Some(y), Some(m))
        }
        (None, Some(_), Some((Unit::Year, n))) => (Some(r.date.year() + n), em),
        _ => (ey, em),
    };
    let point_of = |y: Option<i32>, m: Option<u32>, d: Option<u32>| -> Option<Point> {
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(Point::Day),
            (None, Some(m), Some(d)) => day_month_near(r.date, m, d, prefer, strict).map(Point::Day),
            (Some(y), Some(m), None) => Some(Point::Month(y, m)),
            (None, Some(m), None) => {
                let (y, m) = month_near(r.date, m, prefer, strict);
                Some(Point::Month(y, m))
            }
            (Some(y), None, None) => Some(Point::Year(y)),
            _ => None,
        }
    };
    let mut end_point = point_of(ey.or(sem.year), em.or(sem.month), ed)?;
    // The start takes the end's month and year when it has none ("من 5 إلى 7 مايو").
    let (sy, sm) = match end_point {
        Point::Day(d) => (sem.year.or(Some(d.year())), sem.month.or(Some(d.month()))),
        Point::Month(y, _) => (sem.year.or(Some(y)), sem.month),
        _ => (sem.year, sem.month),
    };
    // Days of one month run forwards: «مايو 3-1» (a score after a month) is no range.
    if let (None, Some(day), Some(end_day)) = (sem.month, sem.day, ed) {
        if day >= end_day && em.or(sem.month).is_some() {
            return None;
        }
    }
    let mut start_point = point_of(sy, sm, sem.day)?;
    let si = start_point.interval(r.tz)?;
    let mut ei = end_point.interval(r.tz)?;
    // The members as written, when the ends were read the wrong way round and swapped.
    let mut swapped = false;
    if ei.end <= si.start {
        match start_point {
            // "من 28 ديسمبر إلى 3 يناير": the start, which borrowed the end's year, is in the year before.
            Point::Day(d) if sem.year.is_none() => start_point = Point::Day(NaiveDate::from_ymd_opt(d.year() - 1, d.month(), d.day())?),
            Point::Month(y, m) if sem.year.is_none() => start_point = Point::Month(y - 1, m),
            _ => {
                std::mem::swap(&mut start_point, &mut end_point);
                swapped = true;
            }
        }
        ei = end_point.interval(r.tz)?;
    }
    let si = start_point.interval(r.tz)?;
    // A range written as two expressions (tarikh-grammar's range_members.rs): each member is its
    // own end of the range read as a whole.
    let (value, interval) = match (sem.range_member, swapped) {
        (Some(RangeMember::First), false) | (Some(RangeMember::Last), true) => (start_point.value(), si),
        (Some(RangeMember::Last), false) | (Some(RangeMember::First), true) => (end_point.value(), ei),
        (None, _) => (format!("{}/{}", start_point.value(), end_point.value()), Interval { start: si.start.min(ei.start), end: si.end.max(ei.end) }),
    };
    Some(Resolution {
        kind: TimexType::Date,
        value,
        interval: Some(interval),
        anchor: if explicit_year { AnchorKind::Explicit } else { AnchorKind::Dct },
        duration_seconds: None,
        modifier: sem.modifier.clone(),
        problems: Vec::new(),
    })
}

/// A range of Hijri days «من 1 إلى 3 شوال», «من 29 رمضان إلى 4 شوال 1444 هـ»: each end converted
/// with Umm al-Qura (as sighted); without a year, the occurrence the direction picks among the Hijri
/// years around the reference. The start takes the end's month and year when it has none, and the
/// year before when its month comes after the end's (ذو الحجة to محرم).
fn resolve_hijri_range(sem: &Semantics, end: (Option<i32>, Option<u32>, Option<u32>), r: &Reference, prefer: Prefer, strict: bool) -> Option<Resolution> {
    let (ey, em, ed) = end;
    let (em, ed, sd) = (em.or(sem.month)?, ed?, sem.day?);
    let sm = sem.month.unwrap_or(em);
    let ends_in = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
        let last = hijri_day_as_sighted(y, em, ed)?;
        let first = hijri_day_as_sighted(if sm > em { y - 1 } else { y }, sm, sd)?;
        (first <= last).then_some((first, last))
    };
    let (first, last) = match ey.or(sem.year) {
        Some(y) => ends_in(y)?,
        None => {
            let (hy, _, _) = gregorian_to_hijri(r.date)?;
            let cands: Vec<(NaiveDate, NaiveDate)> = (hy - 1..=hy + 1).filter_map(ends_in).collect();
            let starts: Vec<NaiveDate> = cands.iter().map(|c| c.0).collect();
            let pick = choose(&starts, r.date, prefer, strict)?;
            cands.into_iter().find(|c| c.0 == pick)?
        }
    };
    // A member of a range written as two expressions: its own end (see `resolve_range`).
    let (value, interval) = match sem.range_member {
        Some(RangeMember::First) => (Point::Day(first).value(), Point::Day(first).interval(r.tz)?),
        Some(RangeMember::Last) => (Point::Day(last).value(), Point::Day(last).interval(r.tz)?),
        None => (format!("{}/{}", Point::Day(first).value(), Point::Day(last).value()), Interval { start: Point::Day(first).interval(r.tz)?.start, end: Point::Day(last).interval(r.tz)?.end }),
    };
    Some(Resolution {
        kind: TimexType::Date,
        value,
        interval: Some(interval),
        anchor: if ey.or(sem.year).is_some() { AnchorKind::Explicit } else { AnchorKind::Dct },
        duration_seconds: None,
        modifier: sem.modifier.clone(),
        problems: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_hour_takes_the_occurrence_the_tense_asks_for() {
        let day = NaiveDate::from_ymd_opt(2013, 2, 12).unwrap();
        let now = NaiveTime::from_hms_opt(4, 30, 0).unwrap();
        assert_eq!(twelve_hour_occurrence(day, now, 3, 0, Prefer::Future), (day, 15));
        assert_eq!(twelve_hour_occurrence(day, now, 3, 0, Prefer::Past), (day, 3));
        assert_eq!(twelve_hour_occurrence(day, now, 5, 0, Prefer::Future), (day, 5));
        assert_eq!(twelve_hour_occurrence(day, now, 2, 0, Prefer::Future), (day, 14));
        let late = NaiveTime::from_hms_opt(23, 0, 0).unwrap();
        assert_eq!(twelve_hour_occurrence(day, late, 3, 0, Prefer::Future), (add_days(day, 1), 3));
        assert_eq!(twelve_hour_occurrence(day, late, 9, 0, Prefer::Nearest), (day, 21));
    }

    fn value_of(sem: &Semantics, reference: NaiveDate, time: Option<NaiveTime>) -> String {
        let r = Reference { date: reference, time, tz: chrono_tz::UTC };
        resolve(MentionType::Date, sem, &r, Prefer::Nearest).map(|res| res.value).unwrap_or_default()
    }

    #[test]
    fn day_labels_are_chronos() {
        let days = [(0, 1, 1), (9, 12, 31), (999, 2, 3), (1969, 7, 20), (2024, 2, 29), (9999, 12, 31), (10000, 1, 1), (-1, 6, 15), (-2024, 1, 1)];
        for (y, m, d) in days {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(DayLabel(day).to_string(), day.format("%Y-%m-%d").to_string(), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn a_weekday_before_last_or_after_next_skips_one_occurrence() {
        let monday = NaiveDate::from_ymd_opt(2024, 4, 15).unwrap();
        let before_last = |w| Semantics { weekday: Some(w), direction: Some(Direction::Past), shift: Some((Unit::Week, -1)), ..Semantics::default() };
        let after_next = |w| Semantics { weekday: Some(w), direction: Some(Direction::Future), shift: Some((Unit::Week, 1)), ..Semantics::default() };
        // On a Monday, the Monday before last is two weeks back (not the Monday of last ISO week).
        assert_eq!(value_of(&before_last(1), monday, None), "2024-04-01");
        assert_eq!(value_of(&after_next(1), monday, None), "2024-04-29");
        assert_eq!(value_of(&before_last(5), monday, None), "2024-04-05");
        assert_eq!(value_of(&after_next(7), monday, None), "2024-04-28");
        // Without a direction, a weekday and a week shift stay the weekday of that ISO week.
        let of_last_week = Semantics { weekday: Some(1), shift: Some((Unit::Week, -1)), ..Semantics::default() };
        assert_eq!(value_of(&of_last_week, monday, None), "2024-04-08");
    }

    #[test]
    fn easter_sunday_by_both_computuses() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(easter_sunday(2023, Church::Western), d(2023, 4, 9));
        assert_eq!(easter_sunday(2024, Church::Western), d(2024, 3, 31));
        assert_eq!(easter_sunday(2019, Church::Western), d(2019, 4, 21));
        assert_eq!(easter_sunday(2023, Church::Orthodox), d(2023, 4, 16));
        assert_eq!(easter_sunday(2024, Church::Orthodox), d(2024, 5, 5));
        assert_eq!(easter_sunday(2025, Church::Orthodox), d(2025, 4, 20));
        assert_eq!(easter_sunday(2021, Church::Orthodox), d(2021, 5, 2));
        assert_eq!(easter_sunday(1850, Church::Orthodox), None);
    }

    #[test]
    fn a_shift_in_seconds_is_read_to_the_second() {
        let day = NaiveDate::from_ymd_opt(2023, 12, 28).unwrap();
        let noon = NaiveTime::from_hms_opt(12, 0, 0);
        let ago = |n| Semantics { shift: Some((Unit::Second, n)), ..Semantics::default() };
        assert_eq!(value_of(&ago(-3), day, noon), "2023-12-28T11:59:57");
        assert_eq!(value_of(&ago(-100), day, noon), "2023-12-28T11:58:20");
        let minutes = Semantics { shift: Some((Unit::Minute, -3)), ..Semantics::default() };
        assert_eq!(value_of(&minutes, day, noon), "2023-12-28T11:57");
    }

    #[test]
    fn a_shift_in_quarters_names_a_calendar_quarter() {
        let quarters = |n| Semantics { shift: Some((Unit::Quarter, n)), ..Semantics::default() };
        let december = NaiveDate::from_ymd_opt(2023, 12, 28).unwrap();
        assert_eq!(value_of(&quarters(0), december, None), "2023-Q4");
        assert_eq!(value_of(&quarters(1), december, None), "2024-Q1");
        assert_eq!(value_of(&quarters(-1), december, None), "2023-Q3");
        let april = NaiveDate::from_ymd_opt(2024, 4, 15).unwrap();
        assert_eq!(value_of(&quarters(-2), april, None), "2023-Q4");
        assert_eq!(value_of(&quarters(-11), april, None), "2021-Q3");
        assert_eq!(duration_value(Some(3.0), Unit::Quarter), "P9M");
        assert_eq!(duration_value(Some(1.0), Unit::Quarter), "P3M");
    }

    #[test]
    fn fractions_are_written_in_whole_smaller_units() {
        assert_eq!(duration_value(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Some(2.5), Unit::Hour), "PT2H30M");
        assert_eq!(duration_value(Some(0.25), Unit::Hour), "PT15M");
        assert_eq!(duration_value(Some(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration_value(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Some(0.5), Unit::Century), "P50Y");
        assert_eq!(duration_value(Some(0.25), Unit::Century), "P25Y");
        assert_eq!(duration_value(Some(0.5), Unit::Decade), "P5Y");
        // Half a week or a month does not come out in whole days: the decimal stays.
        assert_eq!(duration_value(Some(7.5), Unit::Month), "P7.5M");
        assert_eq!(duration_value(Some(3.0), Unit::Week), "P3W");
    }
}
