//! Composition: two expressions that name one moment together become one expression.
//!
//! Arabic news joins a time of day to the day it falls on in more ways than a flat pattern can
//! list: «الساعة السادسة من مساء أمس السبت», «العاشرة من صباح غدٍ الأربعاء», «السادسة مساء اليوم
//! الأربعاء الموافق 19 أبريل 2023», «مساء اليوم الثلاثاء (26 كانون الأول 2023)», «08 أكتوبر 2020
//! 08:15 م». Each part is already an expression some rule finds; a `[[compose]]` entry of the grammar
//! says which *classes* of expressions join, and with which words between them. The matcher then
//! offers the joined expression as one more candidate (longer than both parts, so it wins), whose
//! meaning is the *unification* of the two: every field either part sets, and no field the two set
//! differently («مساء» and «صباح» never join; «اليوم» and «اليوم الأربعاء» do).

use crate::semantics::{Calendar, MentionType, Semantics, Unit};

/// Which expressions may stand on one side of a composition (the `first` / `second` of a
/// `[[compose]]` entry). Only plain points in time take part: no durations, sets, ranges, vague
/// references or event-anchored expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A TIME with a clock hour («الساعة السادسة», «8:30 مساء»), with or without a day.
    Clock,
    /// A TIME with a clock hour and nothing that names its day («الساعة 1:30 بعد الظهر»).
    BareClock,
    /// A `BareClock` written in digits with no «الساعة» before it («08:15 م», «09:40 صباحاً»), as
    /// the time stamps of news pages write it.
    DigitClock,
    /// A TIME with a clock hour or a part of day («مساء اليوم», «السادسة صباحا», «فجر الاثنين»).
    TimeOfDay,
    /// A TIME naming a part of a given day and no hour («هذا الصباح», «مساء اليوم», «ليل الخميس»).
    PartOfADay,
    /// A DATE naming one day: a day of a month, a weekday or a day word («اليوم الأربعاء»,
    /// «19 أبريل 2023», «غد الخميس»), with no time of day.
    Day,
    /// A `Day` with its year, month and day all written («14-09-1432 هـ», «5 يونيو 2020»).
    DatedDay,
}

impl Class {
    /// The class names a grammar file uses.
    pub(crate) fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "clock" => Class::Clock,
            "bare_clock" => Class::BareClock,
            "digit_clock" => Class::DigitClock,
            "time_of_day" => Class::TimeOfDay,
            "part_of_a_day" => Class::PartOfADay,
            "day" => Class::Day,
            "dated_day" => Class::DatedDay,
            _ => return None,
        })
    }

    /// The names, for error messages.
    pub(crate) const NAMES: &'static str = "clock, bare_clock, digit_clock, time_of_day, part_of_a_day, day, dated_day";

    /// Does an expression of this type and meaning, written as `written`, belong to the class?
    pub(crate) fn admits(self, kind: MentionType, s: &Semantics, written: &str) -> bool {
        if !is_plain_point(s) {
            return false;
        }
        let names_a_day = (s.day.is_some() && s.month.is_some()) || s.weekday.is_some() || matches!(s.shift, Some((Unit::Day, _)));
        let names_no_day = s.year.is_none() && s.month.is_none() && s.day.is_none() && s.weekday.is_none() && s.shift.is_none() && s.hijri_pair.is_none();
        match self {
            Class::Clock => kind == MentionType::Time && s.hour.is_some(),
            Class::BareClock => kind == MentionType::Time && s.hour.is_some() && names_no_day,
            Class::DigitClock => kind == MentionType::Time && s.hour.is_some() && names_no_day && written.starts_with(|c: char| c.is_ascii_digit()),
            Class::TimeOfDay => kind == MentionType::Time && (s.hour.is_some() || s.part_of_day.is_some()),
            Class::PartOfADay => kind == MentionType::Time && s.hour.is_none() && s.part_of_day.is_some() && names_a_day,
            Class::Day => kind == MentionType::Date && s.hour.is_none() && s.part_of_day.is_none() && names_a_day,
            Class::DatedDay => {
                kind == MentionType::Date && s.hour.is_none() && s.part_of_day.is_none() && s.year.is_some() && s.month.is_some() && s.day.is_some()
            }
        }
    }
}

/// A point in time as written: not a duration, a set, a range, a vague reference or an expression
/// that waits for an event's date.
fn is_plain_point(s: &Semantics) -> bool {
    s.reference.is_none()
        && s.amount.is_none()
        && s.amount_min.is_none()
        && s.amount_max.is_none()
        && s.every.is_none()
        && s.event.is_none()
        && s.event_gap.is_none()
        && s.last_of_event.is_none()
        && s.range_end.is_none()
        && s.season.is_none()
        && s.quarter.is_none()
        && s.half.is_none()
        && !s.weekend
        && !matches!(s.shift, Some((u, _)) if u != Unit::Day)
        && !matches!(s.unit, Some(u) if u != Unit::Day)
}

/// Both values when they agree, the one that is set when only one is; `Err` when they differ.
fn join<T: PartialEq + Clone>(a: &Option<T>, b: &Option<T>) -> Result<Option<T>, ()> {
    match (a, b) {
        (Some(x), Some(y)) if x != y => Err(()),
        (Some(x), _) => Ok(Some(x.clone())),
        (None, y) => Ok(y.clone()),
    }
}

/// The meaning of two expressions read as one: every field either sets; `None` when they set a
/// field differently (then they are not one moment, and do not compose).
pub(crate) fn unify(a: &Semantics, b: &Semantics) -> Option<Semantics> {
    // Every field is named here, so that a new field cannot be forgotten: the compiler asks how it unifies.
    let Semantics {
        year,
        month,
        day,
        weekday,
        hour,
        minute,
        second,
        minutes_to,
        part_of_day,
        calendar,
        shift,
        direction,
        reference,
        amount,
        unit,
        amount_min,
        amount_max,
        modifier,
        event,
        event_gap,
        every,
        timezone,
        last_of_event,
        range_end,
        range_member,
        hijri_pair,
        gregorian_year,
        last_day,
        night_before,
        edge_days,
        hijri_alternative,
        anaphora,
        season,
        quarter,
        half,
        weekend,
        nth,
        easter,
        unknown_year,
        weekday_after,
    } = a;
    // A day and month of unknown year (a past event's name) is no moment to join a time or a day to.
    if *unknown_year || b.unknown_year {
        return None;
    }
    let has_date = |s: &Semantics| s.year.is_some() || s.month.is_some() || s.day.is_some();
    // A date in one calendar and a date in the other are a pair only through `hijri_pair`, which a
    // rule sets; two dated parts must share their calendar.
    let calendar = match (has_date(a), has_date(b)) {
        (true, true) if a.calendar != b.calendar => return None,
        (true, _) => *calendar,
        (false, true) => b.calendar,
        (false, false) => {
            if *calendar == Calendar::Hijri || b.calendar == Calendar::Hijri {
                Calendar::Hijri
            } else {
                Calendar::Gregorian
            }
        }
    };
    // Minutes and seconds belong to their hour: the part that gives the hour gives them too.
    let (hour, minute, second, minutes_to) = match (hour, b.hour) {
        (Some(h), Some(bh)) if *h != bh => return None,
        (Some(h), _) => (Some(*h), minute.or(b.minute), second.or(b.second), minutes_to.or(b.minutes_to)),
        (None, Some(bh)) => (Some(bh), b.minute, b.second, b.minutes_to),
        (None, None) => (None, None, None, None),
    };
    Some(Semantics {
        year: join(year, &b.year).ok()?,
        month: join(month, &b.month).ok()?,
        day: join(day, &b.day).ok()?,
        weekday: join(weekday, &b.weekday).ok()?,
        hour,
        minute,
        second,
        minutes_to,
        part_of_day: join(part_of_day, &b.part_of_day).ok()?,
        calendar,
        shift: join(shift, &b.shift).ok()?,
        direction: join(direction, &b.direction).ok()?,
        reference: join(reference, &b.reference).ok()?,
        amount: join(amount, &b.amount).ok()?,
        unit: join(unit, &b.unit).ok()?,
        amount_min: join(amount_min, &b.amount_min).ok()?,
        amount_max: join(amount_max, &b.amount_max).ok()?,
        modifier: join(modifier, &b.modifier).ok()?,
        event: join(event, &b.event).ok()?,
        event_gap: join(event_gap, &b.event_gap).ok()?,
        every: join(every, &b.every).ok()?,
        timezone: join(timezone, &b.timezone).ok()?,
        last_of_event: join(last_of_event, &b.last_of_event).ok()?,
        range_end: join(range_end, &b.range_end).ok()?,
        range_member: join(range_member, &b.range_member).ok()?,
        hijri_pair: join(hijri_pair, &b.hijri_pair).ok()?,
        gregorian_year: join(gregorian_year, &b.gregorian_year).ok()?,
        last_day: *last_day || b.last_day,
        night_before: *night_before || b.night_before,
        edge_days: join(edge_days, &b.edge_days).ok()?,
        hijri_alternative: join(hijri_alternative, &b.hijri_alternative).ok()?,
        anaphora: join(anaphora, &b.anaphora).ok()?,
        season: join(season, &b.season).ok()?,
        quarter: join(quarter, &b.quarter).ok()?,
        half: join(half, &b.half).ok()?,
        weekend: *weekend || b.weekend,
        easter: join(easter, &b.easter).ok()?,
        nth: join(nth, &b.nth).ok()?,
        unknown_year: false,
        weekday_after: join(weekday_after, &b.weekday_after).ok()?,
    })
}

/// The closing mark for an opening bracket or quote left at the end of the words between two
/// parts («مساء اليوم الثلاثاء (26 كانون الأول 2023)», «صباح الأربعاء «25 مارس»»): the joined
/// expression takes the closing mark in too.
pub(crate) fn closer_for(between: &str) -> Option<char> {
    match between.trim_end().chars().next_back()? {
        '(' => Some(')'),
        '[' => Some(']'),
        '"' => Some('"'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::PartOfDay;

    fn sem(f: impl FnOnce(&mut Semantics)) -> Semantics {
        let mut s = Semantics::default();
        f(&mut s);
        s
    }

    #[test]
    fn a_clock_time_and_its_day_unify() {
        let clock = sem(|s| {
            s.hour = Some(6);
            s.part_of_day = Some(PartOfDay::Evening);
            s.shift = Some((Unit::Day, 0));
        });
        let day = sem(|s| {
            s.shift = Some((Unit::Day, 0));
            s.weekday = Some(3);
        });
        let u = unify(&clock, &day).expect("they agree");
        assert_eq!((u.hour, u.part_of_day, u.shift, u.weekday), (Some(6), Some(PartOfDay::Evening), Some((Unit::Day, 0)), Some(3)));
    }

    #[test]
    fn different_days_or_parts_of_day_do_not_unify() {
        let today = sem(|s| s.shift = Some((Unit::Day, 0)));
        let yesterday = sem(|s| s.shift = Some((Unit::Day, -1)));
        assert!(unify(&today, &yesterday).is_none());
        let morning = sem(|s| s.part_of_day = Some(PartOfDay::Morning));
        let evening = sem(|s| s.part_of_day = Some(PartOfDay::Evening));
        assert!(unify(&morning, &evening).is_none());
    }

    #[test]
    fn a_hijri_day_keeps_its_calendar() {
        let clock = sem(|s| s.hour = Some(9));
        let hijri = sem(|s| {
            s.calendar = Calendar::Hijri;
            (s.year, s.month, s.day) = (Some(1432), Some(9), Some(14));
        });
        assert_eq!(unify(&clock, &hijri).map(|u| u.calendar), Some(Calendar::Hijri));
        let gregorian = sem(|s| (s.year, s.month, s.day) = (Some(2011), Some(8), Some(14)));
        assert!(unify(&gregorian, &hijri).is_none(), "two dates in two calendars are not unified");
    }

    #[test]
    fn classes_take_only_plain_points() {
        let clock = sem(|s| s.hour = Some(8));
        assert!(Class::BareClock.admits(MentionType::Time, &clock, ""));
        assert!(Class::DigitClock.admits(MentionType::Time, &clock, "08:15 م"));
        assert!(!Class::DigitClock.admits(MentionType::Time, &clock, "الساعة 8:15"));
        assert!(!Class::Day.admits(MentionType::Time, &clock, ""));
        let weekday = sem(|s| s.weekday = Some(5));
        assert!(Class::Day.admits(MentionType::Date, &weekday, ""));
        assert!(!Class::DatedDay.admits(MentionType::Date, &weekday, ""));
        let every_friday = sem(|s| {
            s.weekday = Some(5);
            s.every = Some(Unit::Week);
        });
        assert!(!Class::Day.admits(MentionType::Set, &every_friday, ""));
        assert!(!Class::Day.admits(MentionType::Date, &every_friday, ""));
        let last_year = sem(|s| s.shift = Some((Unit::Year, -1)));
        assert!(!Class::Day.admits(MentionType::Date, &last_year, ""));
    }

    #[test]
    fn an_opening_bracket_or_quote_asks_for_its_closer() {
        assert_eq!(closer_for(" ("), Some(')'));
        assert_eq!(closer_for("\""), Some('"'));
        assert_eq!(closer_for("من"), None);
    }
}
