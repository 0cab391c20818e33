//! What a matched expression means before it is anchored in time.
//!
//! A rule's `fields` table fills these slots from literal values and from what its placeholders
//! captured; the anchor stage turns them into TIMEX3 values. The field names are the vocabulary a
//! grammar author writes, so each is documented in `data/grammar/ar/README.md` too.

use std::fmt;

/// A calendar or clock unit, as used by shifts ("العام الماضي") and durations ("48 ساعة").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Seconds (`S`).
    Second,
    /// Minutes (`MIN`; TIMEX3 writes `PT5M`).
    Minute,
    /// Hours (`H`).
    Hour,
    /// Days (`D`).
    Day,
    /// Weeks (`W`).
    Week,
    /// Months (`M`).
    Month,
    /// Quarters of a year (`Q`): a shift names a calendar quarter (الربع الماضي = 2024-Q1), a
    /// duration counts three months each (P9M).
    Quarter,
    /// Years (`Y`).
    Year,
    /// Decades (`DE`).
    Decade,
    /// Centuries (`CE`).
    Century,
}

impl Unit {
    /// Parse the unit codes used in grammar files: S MIN H D W M Q Y DE CE.
    pub fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// True for units written after `T` in ISO 8601 durations (hours, minutes, seconds).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The letter(s) TIMEX3 uses in a duration value: `PT48H`, `P2D`, `PXW`, `PT5M`, `P3DE`.
    pub fn timex_letter(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }

    /// Nominal length in seconds (a month is 30 days, a year 365), for duration bounds.
    pub fn seconds(self) -> i64 {
        match self {
            Unit::Second => 1,
            Unit::Minute => 60,
            Unit::Hour => 3600,
            Unit::Day => 86_400,
            Unit::Week => 7 * 86_400,
            Unit::Month => 30 * 86_400,
            Unit::Quarter => 91 * 86_400,
            Unit::Year => 365 * 86_400,
            Unit::Decade => 3650 * 86_400,
            Unit::Century => 36500 * 86_400,
        }
    }
}

/// A named part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartOfDay {
    /// Morning, dawn, forenoon (`MO`): 00:00–12:00 for bounds.
    Morning,
    /// Noon, the instant (`منتصف النهار`): written as the hour 12:00.
    Noon,
    /// Midday, from noon to the afternoon prayer (`ظهر`, `الظهيرة`; TIMEX3 `MI`): 12:00–15:00.
    Midday,
    /// Afternoon (`AF`): 12:00–18:00.
    Afternoon,
    /// Evening (`EV`): 18:00–24:00.
    Evening,
    /// Night (`NI`): 18:00 to 06:00 the next day.
    Night,
    /// Midnight closing the day: 00:00 of the next day.
    Midnight,
}

impl PartOfDay {
    /// Parse the codes used in grammar files: MO MI NOON AF EV NI MIDNIGHT.
    pub fn parse(code: &str) -> Option<PartOfDay> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "NOON" => PartOfDay::Noon,
            "MI" | "MD" => PartOfDay::Midday,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            "MIDNIGHT" => PartOfDay::Midnight,
            _ => return None,
        })
    }
}

/// What an anaphoric expression refers back to: the day, month or year the narrative has reached
/// ("في اليوم نفسه", "يوم 27 من ذات الشهر", "العام نفسه"), or the narrative's time as it is ("حينها").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anaphora {
    /// The day, month or year of the last date the text gave (with `shift`, counted from it:
    /// "اليوم التالي" is the narrative day plus one).
    Unit(Unit),
    /// The last date or time the text gave, at its own granularity.
    Same,
}

/// A direction in time stated by the words themselves ("الماضي", "المقبل").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Before the reference time.
    Past,
    /// After the reference time.
    Future,
}

/// The calendar a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Calendar {
    /// Gregorian (every Gregorian month-name family).
    #[default]
    Gregorian,
    /// Islamic (Hijri), read with the Umm al-Qura tables.
    Hijri,
}

/// The semantics of one matched expression, before anchoring.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Semantics {
    /// Year number (Gregorian or Hijri according to `calendar`).
    pub year: Option<i32>,
    /// Month 1–12.
    pub month: Option<u32>,
    /// Day of month 1–31.
    pub day: Option<u32>,
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    pub weekday: Option<u32>,
    /// Hour 0–24 on the clock, as written.
    pub hour: Option<u32>,
    /// Minute 0–59.
    pub minute: Option<u32>,
    /// Second 0–59 («15:23:24»).
    pub second: Option<u32>,
    /// Minutes *before* the hour («العاشرة إلا ربعا» = 15 before ten: 9:45).
    pub minutes_to: Option<u32>,
    /// Part of day.
    pub part_of_day: Option<PartOfDay>,
    /// Calendar of year/month/day.
    pub calendar: Calendar,
    /// Calendar shift from the reference time: `(Day, -1)` = yesterday, `(Year, -1)` = last year,
    /// `(Day, 0)` = today.
    pub shift: Option<(Unit, i32)>,
    /// Direction stated by the words (الماضي → past, المقبل → future).
    pub direction: Option<Direction>,
    /// A TIMEX3 reference value: PRESENT_REF, PAST_REF, FUTURE_REF.
    pub reference: Option<String>,
    /// Amount of a duration; `None` with a unit means a vague amount ("ساعات").
    pub amount: Option<f64>,
    /// Unit of a duration.
    pub unit: Option<Unit>,
    /// Smallest plausible amount for a vague duration ("عدة" = 3).
    pub amount_min: Option<f64>,
    /// Largest plausible amount for a vague duration ("عدة" = 9).
    pub amount_max: Option<f64>,
    /// TIMEX3 mod: APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, START, MID, END.
    pub modifier: Option<String>,
    /// Event-anchored: the expression lies before or after an event named right after the match.
    pub event: Option<Direction>,
    /// Gap implied by an event-anchored word with no amount ("عشية" one day before, "غداة" one day after).
    pub event_gap: Option<(Unit, i32)>,
    /// A recurring time ("كل يوم"): the frequency unit.
    pub every: Option<Unit>,
    /// Time-zone name or UTC offset ("Europe/Paris", "+00:00").
    pub timezone: Option<String>,
    /// Refers to "the last hour/day of" an event (with `event`): the final unit before it.
    pub last_of_event: Option<Unit>,
    /// The end of a range ("من 5 إلى 7 مايو", "بين عامي 2016 و2017"): year, month, day of its last
    /// day; missing parts are taken from the start.
    pub range_end: Option<(Option<i32>, Option<u32>, Option<u32>)>,
    /// Which member of a range written as two expressions this one is («من 5 إلى 10 مايو» is
    /// «5» and «10 مايو», as the gold annotates ranges): it keeps the whole range's reading
    /// (`range_end` and the start's fields), so both members are read alike, and its value is its
    /// own end of that range. `None` for a range read as one expression, and for anything else.
    pub range_member: Option<RangeMember>,
    /// The Hijri side of a paired date ("10 شعبان 1438 هـ الموافق 6 مايو 2017"), or the Hijri day a
    /// day is said to be ("الجمعة أول أيام عيد الفطر" = 1 Shawwal): year, month, day.
    pub hijri_pair: Option<(Option<i32>, Option<u32>, Option<u32>)>,
    /// A Gregorian year written after a Hijri month or feast ("رمضان 2021", "عيد الأضحى 2018"):
    /// the occurrence that falls in that Gregorian year.
    pub gregorian_year: Option<i32>,
    /// The last day of the month named ("آخر أيام شهر رمضان", "آخر يوم من أكتوبر").
    pub last_day: bool,
    /// The night that opens the Hijri day named ("ليلة 27 رمضان", "ليلة عيد الفطر"): the Islamic
    /// day begins at sunset, so its night is the night of the Gregorian day before.
    pub night_before: bool,
    /// The first or last N days of the period named, by its `mod` START or END ("العشر الأواخر من
    /// رمضان" = the last ten): narrows its interval; the value stays the period with its mod.
    pub edge_days: Option<u32>,
    /// The other Hijri (month, day) the words may name; the nearer occurrence wins ("العيد" is
    /// 1 Shawwal or 10 Dhu al-Hijja).
    pub hijri_alternative: Option<(u32, u32)>,
    /// Refers back to the narrative, not to the publication date ("نفس اليوم", "ذات الشهر", "حينها").
    pub anaphora: Option<Anaphora>,
    /// A season of a year: `SP`, `SU`, `FA`, `WI` ("الخريف الماضي", "صيف 2024").
    pub season: Option<String>,
    /// A quarter (1–4) or half (with `half`) of a year ("الربع الأول من العام", "النصف الثاني من 2023").
    pub quarter: Option<u32>,
    /// A half (1–2) of a year.
    pub half: Option<u32>,
    /// The weekend of a week ("عطلة نهاية الأسبوع").
    pub weekend: bool,
    /// The Nth weekday of a month, or with `unit = W` its Nth week (the weeks whose Thursday falls in
    /// the month, as ISO 8601 gives weeks to years); -1 is the last ("أول ثلاثاء
    /// من أكتوبر", "آخر أسبوع من سبتمبر"). With an ordinal `day` too ("الثلاثاء الثالث من أيلول"),
    /// the calendar decides: the date if that day is that weekday, else the Nth weekday.
    pub nth: Option<i32>,
    /// A day counted from Easter Sunday, by the Western or the Orthodox reckoning ("عيد الفصح"،
    /// "شم النسيم" = Orthodox +1, "الجمعة العظيمة" = -2): the church and the days after Easter.
    pub easter: Option<(Church, i32)>,
    /// The words name a day and month whose year they do not give and that is not to be read from
    /// the reference (the name of a past event, «ثورة 25 يناير» with no year in the text): the value
    /// keeps the year unknown, `XXXX-01-25`.
    pub unknown_year: bool,
    /// The Nth given weekday after the day named, strictly after it ("ثالث ثلاثاء بعد كريسماس
    /// 2014" = the third Tuesday after 25 December 2014, "أول جمعة بعد عيد الفطر"): (N, ISO
    /// weekday). The day is found as any day is (Gregorian or Hijri), then moved.
    pub weekday_after: Option<(u32, u32)>,
}

/// One of the two members of a range written as two expressions ([`Semantics::range_member`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeMember {
    /// The first member, the range's start («5» in «من 5 إلى 10 مايو»).
    First,
    /// The last member, the range's end («10 مايو»).
    Last,
}

/// Which Easter a day is counted from: the Western (Gregorian computus) or the Orthodox one
/// (Julian computus), which Copts, most Levantine Christians and Egypt's public holidays follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Church {
    /// Easter by the Gregorian computus (Catholics, Protestants).
    Western,
    /// Easter by the Julian computus (Copts, the Orthodox churches).
    Orthodox,
}

/// Set the field `name` (one of [`crate::FIELDS`]) from its written value.
pub(crate) fn set_field(sem: &mut Semantics, name: &str, value: &str) -> Result<(), String> {
    if name == "pm" {
        return Err("field `pm` does not exist (no stage would read it); to read an hour after noon, set `part_of_day` to AF, EV or NI".into());
    }
    fn num<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, String> {
        value.trim().parse::<T>().map_err(|_| format!("field `{name}` expects a number, but got `{value}`"))
    }
    fn unit(name: &str, value: &str) -> Result<Unit, String> {
        Unit::parse(value.trim()).ok_or_else(|| {
            format!("field `{name}` expects a unit code (S MIN H D W M Q Y DE CE), but got `{value}`")
        })
    }
    fn shift(name: &str, value: &str) -> Result<(Unit, i32), String> {
        let (u, n) = value.trim().split_once(':').ok_or_else(|| {
            format!("field `{name}` expects UNIT:COUNT such as `D:-1` or `Y:0`, but got `{value}`")
        })?;
        Ok((unit(name, u)?, num(name, n)?))
    }
    fn direction(name: &str, value: &str) -> Result<Direction, String> {
        match value.trim() {
            "past" | "before" => Ok(Direction::Past),
            "future" | "after" => Ok(Direction::Future),
            other => Err(format!("field `{name}` expects `past`/`before` or `future`/`after`, but got `{other}`")),
        }
    }
    match name {
        "year" => {
            let y: i32 = num(name, value)?;
            // Two-digit years are read in the 1950–2049 window, as newspapers write them.
            sem.year = Some(if value.trim().len() <= 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y });
        }
        "month" => {
            let m: u32 = num(name, value)?;
            if !(1..=12).contains(&m) {
                return Err(format!("field `month` expects 1 to 12, but got `{value}`"));
            }
            sem.month = Some(m);
        }
        "day" => sem.day = Some(num(name, value)?),
        "date" => {
            let parts: Vec<&str> = value.trim().split('-').collect();
            let bad = || format!("field `date` expects a full date YYYY-MM-DD such as `2001-09-11`, but got `{value}`");
            let [y, m, d] = parts[..] else { return Err(bad()) };
            let (y, m, d): (i32, u32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days[m as usize - 1] {
                return Err(bad());
            }
            (sem.year, sem.month, sem.day) = (Some(y), Some(m), Some(d));
        }
        "unknown_year" => match value.trim() {
            "true" => sem.unknown_year = true,
            other => return Err(format!("field `unknown_year` takes `true` (leave it out otherwise), but got `{other}`")),
        },
        "weekday" => {
            let w: u32 = num(name, value)?;
            if !(1..=7).contains(&w) {
                return Err(format!("field `weekday` expects 1 (Monday) to 7 (Sunday), but got `{value}`"));
            }
            sem.weekday = Some(w);
        }
        "hour" => sem.hour = Some(num(name, value)?),
        "minute" => sem.minute = Some(num(name, value)?),
        "second" => sem.second = Some(num(name, value)?),
        "minutes_to" => {
            let m: u32 = num(name, value)?;
            if !(1..=59).contains(&m) {
                return Err(format!("field `minutes_to` expects 1 to 59 minutes before the hour, but got `{value}`"));
            }
            sem.minutes_to = Some(m);
        }
        "part_of_day" => {
            sem.part_of_day = Some(PartOfDay::parse(value.trim()).ok_or_else(|| {
                format!("field `part_of_day` expects MO MI NOON AF EV NI MIDNIGHT, but got `{value}`")
            })?)
        }
        "calendar" => {
            sem.calendar = match value.trim() {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                other => return Err(format!("field `calendar` expects `gregorian` or `hijri`, but got `{other}`")),
            }
        }
        "shift" => sem.shift = Some(shift(name, value)?),
        "direction" => sem.direction = Some(direction(name, value)?),
        "reference" => match value.trim() {
            "PRESENT_REF" | "PAST_REF" | "FUTURE_REF" => sem.reference = Some(value.trim().to_string()),
            other => return Err(format!("field `reference` expects PRESENT_REF, PAST_REF or FUTURE_REF, but got `{other}`")),
        },
        "amount" => {
            if value.trim() != "X" {
                sem.amount = Some(num(name, value)?)
            }
        }
        "amount_min" => sem.amount_min = Some(num(name, value)?),
        "amount_max" => sem.amount_max = Some(num(name, value)?),
        "unit" => sem.unit = Some(unit(name, value)?),
        "mod" => match value.trim() {
            "APPROX" | "LESS_THAN" | "MORE_THAN" | "EQUAL_OR_LESS" | "EQUAL_OR_MORE" | "START" | "MID" | "END" => {
                sem.modifier = Some(value.trim().to_string())
            }
            other => return Err(format!("field `mod` expects a TIMEX3 mod such as APPROX or LESS_THAN, but got `{other}`")),
        },
        "event" => sem.event = Some(direction(name, value)?),
        "event_gap" => sem.event_gap = Some(shift(name, value)?),
        "every" => sem.every = Some(unit(name, value)?),
        "timezone" => sem.timezone = Some(value.trim().to_string()),
        "last_of_event" => sem.last_of_event = Some(unit(name, value)?),
        "end_year" => sem.range_end.get_or_insert((None, None, None)).0 = Some(num(name, value)?),
        "end_month" => sem.range_end.get_or_insert((None, None, None)).1 = Some(num(name, value)?),
        "end_day" => sem.range_end.get_or_insert((None, None, None)).2 = Some(num(name, value)?),
        "hijri_year" => sem.hijri_pair.get_or_insert((None, None, None)).0 = Some(num(name, value)?),
        "hijri_month" => sem.hijri_pair.get_or_insert((None, None, None)).1 = Some(num(name, value)?),
        "hijri_day" => sem.hijri_pair.get_or_insert((None, None, None)).2 = Some(num(name, value)?),
        "gregorian_year" => sem.gregorian_year = Some(num(name, value)?),
        "season" => match value.trim() {
            code @ ("SP" | "SU" | "FA" | "WI") => sem.season = Some(code.to_string()),
            other => return Err(format!("field `season` expects SP, SU, FA or WI, but got `{other}`")),
        },
        "quarter" => {
            let q: u32 = num(name, value)?;
            if !(1..=4).contains(&q) {
                return Err(format!("field `quarter` expects 1 to 4, but got `{value}`"));
            }
            sem.quarter = Some(q);
        }
        "half" => {
            let h: u32 = num(name, value)?;
            if !(1..=2).contains(&h) {
                return Err(format!("field `half` expects 1 or 2, but got `{value}`"));
            }
            sem.half = Some(h);
        }
        "weekend" => sem.weekend = matches!(value.trim(), "true" | "yes" | "1"),
        "nth" => {
            let n: i32 = num(name, value)?;
            if !(n == -1 || (1..=53).contains(&n)) {
                return Err(format!("field `nth` expects 1 to 5 (an ordinal day up to 31, a week of the year up to 53) or -1 (the last), but got `{value}`"));
            }
            sem.nth = Some(n);
        }
        "anaphora" => {
            sem.anaphora = Some(match value.trim() {
                "same" => Anaphora::Same,
                u @ ("D" | "W" | "M" | "Y") => Anaphora::Unit(unit(name, u)?),
                other => return Err(format!("field `anaphora` expects D, W, M, Y or same, but got `{other}`")),
            })
        }
        "last_day" => sem.last_day = matches!(value.trim(), "true" | "yes" | "1"),
        "night_before" => sem.night_before = matches!(value.trim(), "true" | "yes" | "1"),
        "weekday_after" => {
            let bad = || format!("field `weekday_after` expects N:WEEKDAY, N from 1 to 5 and an ISO weekday 1 (Monday) to 7 (Sunday), e.g. 3:2 for the third Tuesday after, but got `{value}`");
            let (n, w) = value.trim().split_once(':').ok_or_else(bad)?;
            let (n, w): (u32, u32) = (n.trim().parse().map_err(|_| bad())?, w.trim().parse().map_err(|_| bad())?);
            if !(1..=5).contains(&n) || !(1..=7).contains(&w) {
                return Err(bad());
            }
            sem.weekday_after = Some((n, w));
        }
        "edge_days" => sem.edge_days = Some(value.trim().parse().ok().filter(|n| (1..=30).contains(n)).ok_or_else(|| format!("field `edge_days` expects a number of days from 1 to 30, but got `{value}`"))?),
        "easter" => {
            let (church, days) = value.trim().split_once(':').unwrap_or((value.trim(), "0"));
            let church = match church {
                "western" => Church::Western,
                "orthodox" => Church::Orthodox,
                other => return Err(format!("field `easter` expects western:N or orthodox:N (N days after Easter Sunday), but got `{other}`")),
            };
            let days: i32 = num(name, days)?;
            if !(-60..=60).contains(&days) {
                return Err(format!("field `easter` counts at most 60 days from Easter Sunday, but got `{value}`"));
            }
            sem.easter = Some((church, days));
        }
        "alt_hijri_date" => {
            let (m, d) = value.trim().split_once('-').ok_or_else(|| format!("field `{name}` expects MONTH-DAY such as `12-10`, but got `{value}`"))?;
            let (m, d): (u32, u32) = (num(name, m)?, num(name, d)?);
            if !(1..=12).contains(&m) || !(1..=30).contains(&d) {
                return Err(format!("field `{name}` expects a Hijri MONTH-DAY (1–12, 1–30), but got `{value}`"));
            }
            sem.hijri_alternative = Some((m, d));
        }
        // A name no arm takes is looked up in the list only now: a scan of every field's name
        // before the match cost more than the match itself, at every field of every candidate.
        other if crate::fields::field(other).is_none() => return Err(format!("unknown field `{other}`; the fields are {}", crate::fields::field_names())),
        other => return Err(format!("field `{other}` is listed in fields.rs but not handled here; add it to set_field")),
    }
    Ok(())
}

/// A condition on an expression's semantics, written in a context's `needs_any` / `needs_none`:
/// a field name (`weekday`, `day`, `reference` …), true when the field is set, `hijri`, true for
/// a Hijri date (a context that reads the Gregorian press's words must not touch ليلة 27 رمضان,
/// whose night is the one before), or `shift:UNIT` (`shift:D`), true for a shift in that unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldTest {
    /// The named field is set.
    Set(&'static str),
    /// A shift in this unit.
    ShiftIn(Unit),
}

/// The fields a [`FieldTest`] may name.
const TESTABLE: &[&str] = &[
    "year", "month", "day", "weekday", "hour", "minute", "part_of_day", "shift", "direction", "reference", "amount", "unit", "mod",
    "event", "event_gap", "every", "timezone", "last_of_event", "range_end", "hijri_pair", "gregorian_year", "last_day", "night_before", "edge_days", "anaphora", "season", "quarter", "half", "weekend", "nth", "easter", "unknown_year", "weekday_after", "hijri",
];

impl FieldTest {
    /// Read `weekday` or `shift:D`.
    pub(crate) fn parse(s: &str) -> Result<FieldTest, String> {
        let s = s.trim();
        if let Some(u) = s.strip_prefix("shift:") {
            return Unit::parse(u).map(FieldTest::ShiftIn).ok_or_else(|| format!("`{s}`: after `shift:` write a unit code (S MIN H D W M Q Y DE CE)"));
        }
        TESTABLE.iter().find(|f| **f == s).map(|f| FieldTest::Set(f)).ok_or_else(|| format!("`{s}` is not a field a context can test; use one of {} or shift:UNIT", TESTABLE.join(" ")))
    }

    /// Whether `sem` passes the test.
    pub(crate) fn holds(&self, sem: &Semantics) -> bool {
        match self {
            FieldTest::ShiftIn(u) => sem.shift.is_some_and(|(unit, _)| unit == *u),
            FieldTest::Set(name) => match *name {
                "year" => sem.year.is_some(),
                "month" => sem.month.is_some(),
                "day" => sem.day.is_some(),
                "weekday" => sem.weekday.is_some(),
                "hour" => sem.hour.is_some(),
                "minute" => sem.minute.is_some(),
                "part_of_day" => sem.part_of_day.is_some(),
                "shift" => sem.shift.is_some(),
                "direction" => sem.direction.is_some(),
                "reference" => sem.reference.is_some(),
                "amount" => sem.amount.is_some(),
                "unit" => sem.unit.is_some(),
                "mod" => sem.modifier.is_some(),
                "event" => sem.event.is_some(),
                "event_gap" => sem.event_gap.is_some(),
                "every" => sem.every.is_some(),
                "timezone" => sem.timezone.is_some(),
                "last_of_event" => sem.last_of_event.is_some(),
                "range_end" => sem.range_end.is_some(),
                "hijri_pair" => sem.hijri_pair.is_some(),
                "gregorian_year" => sem.gregorian_year.is_some(),
                "last_day" => sem.last_day,
                "night_before" => sem.night_before,
                "edge_days" => sem.edge_days.is_some(),
                "anaphora" => sem.anaphora.is_some(),
                "season" => sem.season.is_some(),
                "quarter" => sem.quarter.is_some(),
                "half" => sem.half.is_some(),
                "weekend" => sem.weekend,
                "nth" => sem.nth.is_some(),
                "easter" => sem.easter.is_some(),
                "unknown_year" => sem.unknown_year,
                "weekday_after" => sem.weekday_after.is_some(),
                "hijri" => sem.calendar == Calendar::Hijri,
                _ => false,
            },
        }
    }
}

/// The TIMEX3 type a rule produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionType {
    /// A date or a date reference.
    Date,
    /// A time or part of day.
    Time,
    /// A duration.
    Duration,
    /// A set (recurrence).
    Set,
    /// Not a temporal expression: a guard that blocks shorter matches inside it ("الرأي العام").
    None,
}

impl MentionType {
    pub(crate) fn parse(s: &str) -> Option<MentionType> {
        Some(match s {
            "DATE" => MentionType::Date,
            "TIME" => MentionType::Time,
            "DURATION" => MentionType::Duration,
            "SET" => MentionType::Set,
            "NONE" => MentionType::None,
            _ => return None,
        })
    }
}

impl fmt::Display for MentionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MentionType::Date => "DATE",
            MentionType::Time => "TIME",
            MentionType::Duration => "DURATION",
            MentionType::Set => "SET",
            MentionType::None => "NONE",
        })
    }
}
