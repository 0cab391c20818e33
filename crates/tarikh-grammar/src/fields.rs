//! The vocabulary of a rule's `fields` table: every field a grammar author may set, what it takes,
//! and what it means.
//!
//! This list is the single source of truth: [`crate::semantics`] refuses a field that is not in it,
//! and the field reference in `data/grammar/ar/README.md` is generated from it (a test fails when
//! the README and this list differ), so the documentation cannot go stale.

/// One field of a rule's `fields` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDoc {
    /// The name written in the `fields` table.
    pub name: &'static str,
    /// What it takes (codes, numbers…), as the README shows it.
    pub takes: &'static str,
    /// What it means and when it acts.
    pub meaning: &'static str,
    /// A value it accepts (the tests set every field with it).
    pub sample: &'static str,
}

/// Every field a rule or context may set, in the order the README lists them.
pub const FIELDS: &[FieldDoc] = &[
    FieldDoc { name: "year", takes: "a number", meaning: "Year (Gregorian, or Hijri with `calendar = \"hijri\"`); two digits are read in 1950–2049.", sample: "2017" },
    FieldDoc { name: "month", takes: "1–12", meaning: "Month of the year.", sample: "5" },
    FieldDoc { name: "day", takes: "1–31", meaning: "Day of the month.", sample: "6" },
    FieldDoc {
        name: "date",
        takes: "YYYY-MM-DD",
        meaning: "A whole Gregorian date at once, from a lexicon whose values are dates (the named past events of `named_day`: هجمات 11 سبتمبر = 2001-09-11); sets `year`, `month` and `day`.",
        sample: "2001-09-11",
    },
    FieldDoc { name: "weekday", takes: "1–7", meaning: "ISO weekday, 1 = Monday … 7 = Sunday; alone, the nearest such day.", sample: "6" },
    FieldDoc { name: "hour", takes: "0–24", meaning: "Hour on the clock as written (with `part_of_day` AF/EV/NI, 1–11 count from noon).", sample: "10" },
    FieldDoc { name: "minute", takes: "0–59", meaning: "Minute; needs `hour`.", sample: "30" },
    FieldDoc { name: "second", takes: "0–59", meaning: "Second; needs `minute`.", sample: "15" },
    FieldDoc { name: "minutes_to", takes: "1–59", meaning: "Minutes before the hour (الساعة 12 إلا ربعا = 15): the time is `hour` less this many minutes.", sample: "15" },
    FieldDoc { name: "part_of_day", takes: "MO MI NOON AF EV NI MIDNIGHT", meaning: "Part of the day (with a day: `2017-05-05TEV`).", sample: "EV" },
    FieldDoc { name: "calendar", takes: "gregorian, hijri", meaning: "Calendar of `year`, `month` and `day` (Hijri is read with the Umm al-Qura tables).", sample: "hijri" },
    FieldDoc {
        name: "shift",
        takes: "UNIT:N (D:-1, Y:0)",
        meaning: "A day, week, month… counted from the reference (أمس = D:-1, العام الماضي = Y:-1). Only for rules that write no `year` or `month`: a written date wins (the loader refuses the pair).",
        sample: "D:-1",
    },
    FieldDoc { name: "direction", takes: "past, future", meaning: "Direction stated by the words (الماضي, المقبل): the nearest such date strictly before or after the reference.", sample: "past" },
    FieldDoc { name: "reference", takes: "PRESENT_REF PAST_REF FUTURE_REF", meaning: "A TIMEX3 reference value (الآن, سابقا, مستقبلا); every other field but `mod` is then meaningless.", sample: "PRESENT_REF" },
    FieldDoc { name: "amount", takes: "a number, or X", meaning: "Amount of a DURATION or SET; X for a vague one (ساعات).", sample: "48" },
    FieldDoc { name: "amount_min", takes: "a number", meaning: "Smallest plausible amount of a vague DURATION (عدة = 3).", sample: "3" },
    FieldDoc { name: "amount_max", takes: "a number", meaning: "Largest plausible amount of a vague DURATION (عدة = 9).", sample: "9" },
    FieldDoc { name: "unit", takes: "S MIN H D W M Q Y DE CE", meaning: "Unit of a DURATION (required there); on a DATE with `year`, DE or CE names its decade or century.", sample: "H" },
    FieldDoc { name: "mod", takes: "APPROX LESS_THAN MORE_THAN EQUAL_OR_LESS EQUAL_OR_MORE START MID END", meaning: "TIMEX3 `mod`, printed by `tag`, `parse` and timex.csv.", sample: "APPROX" },
    FieldDoc { name: "event", takes: "before, after", meaning: "The expression is an offset before or after the event named right after the match (قبل 48 ساعة من التصويت).", sample: "before" },
    FieldDoc { name: "event_gap", takes: "UNIT:N", meaning: "Gap to that event implied by a word with no amount (عشية = D:1 before, غداة = D:1 after).", sample: "D:1" },
    FieldDoc { name: "last_of_event", takes: "UNIT", meaning: "«The last hour/day of» the event named after the match (with `event`).", sample: "H" },
    FieldDoc { name: "every", takes: "UNIT", meaning: "Frequency unit of a SET (كل يوم = D).", sample: "D" },
    FieldDoc { name: "timezone", takes: "an IANA zone or ±HH:MM", meaning: "Zone a clock time is stated in (بتوقيت غرينتش = +00:00).", sample: "+00:00" },
    FieldDoc { name: "end_year", takes: "a number", meaning: "Year of the last day of a range (بين عامي 2016 و2017); parts missing from the start are taken from the end.", sample: "2018" },
    FieldDoc { name: "end_month", takes: "1–12", meaning: "Month of the last day of a range.", sample: "6" },
    FieldDoc { name: "end_day", takes: "1–31", meaning: "Day of the last day of a range (من 5 إلى 7 مايو).", sample: "7" },
    FieldDoc { name: "hijri_year", takes: "a number", meaning: "Hijri side of a paired date (10 شعبان 1438 هـ الموافق 6 مايو 2017): checked against the Gregorian `day`/`month`/`year`, which it needs.", sample: "1438" },
    FieldDoc { name: "hijri_month", takes: "1–12", meaning: "Hijri month of a paired date.", sample: "8" },
    FieldDoc { name: "hijri_day", takes: "1–30", meaning: "Hijri day of a paired date.", sample: "10" },
    FieldDoc { name: "gregorian_year", takes: "a number", meaning: "A Gregorian year written after a Hijri month or feast (رمضان 2021, عيد الأضحى 2018): the occurrence in that year.", sample: "2021" },
    FieldDoc { name: "last_day", takes: "true", meaning: "The last day of the month named (آخر أيام شهر رمضان, آخر يوم من أكتوبر).", sample: "true" },
    FieldDoc { name: "night_before", takes: "true", meaning: "The night that opens the day named, the night of the day before (ليلة 27 رمضان, ليلة عيد الفطر: the Islamic day begins at sunset); with `part_of_day = NI`.", sample: "true" },
    FieldDoc { name: "edge_days", takes: "1–30", meaning: "The first or last N days of the month named, by `mod` START or END (العشر الأواخر من رمضان = 10, END: its 21st to its last day): narrows the interval; the value stays the month with its mod.", sample: "10" },
    FieldDoc { name: "alt_hijri_date", takes: "MONTH-DAY", meaning: "Another Hijri day the words may name; the nearer occurrence wins (العيد is 1 Shawwal or 10 Dhu al-Hijja).", sample: "12-10" },
    FieldDoc { name: "anaphora", takes: "D W M Y same", meaning: "The day, week, month or year the narrative has reached (a `shift` counts from it); `same`: the last date or time given (نفس اليوم, حينها).", sample: "D" },
    FieldDoc { name: "season", takes: "SP SU FA WI", meaning: "A season of a year (2024-SU); a winter is labelled by the year of its January.", sample: "SU" },
    FieldDoc { name: "quarter", takes: "1–4", meaning: "A quarter of a year (2024-Q1).", sample: "1" },
    FieldDoc { name: "half", takes: "1–2", meaning: "A half of a year (2024-H2).", sample: "2" },
    FieldDoc { name: "weekend", takes: "true", meaning: "The weekend of a week (2024-W15-WE, Friday to Sunday).", sample: "true" },
    FieldDoc { name: "nth", takes: "1–53, or -1", meaning: "The Nth weekday of a month (with `weekday`), or its Nth week (with `unit = W`: a week belongs to the month holding its Thursday), or with `unit = W` and a year but no month the Nth ISO week of that year; -1 is the last.", sample: "1" },
    FieldDoc {
        name: "easter",
        takes: "western:N or orthodox:N",
        meaning: "A day N days after Easter Sunday, by the Western (Gregorian) or the Orthodox (Julian) computus (عيد الفصح = western:0 or orthodox:0, شم النسيم = orthodox:1, الجمعة العظيمة = -2); with `year`, that year's, else the nearest occurrence the tense allows.",
        sample: "orthodox:1",
    },
    FieldDoc {
        name: "unknown_year",
        takes: "true",
        meaning: "The year of the day or month named is unknown and is not to be read from the reference (a past event named by its day, ثورة 25 يناير, whose year the text does not give): `XXXX-01-25`; a `year` the match sets wins.",
        sample: "true",
    },
    FieldDoc {
        name: "weekday_after",
        takes: "N:WEEKDAY (3:2)",
        meaning: "The Nth weekday (ISO 1 = Monday … 7 = Sunday) strictly after the day the other fields name (ثالث ثلاثاء بعد كريسماس 2014 = 3:2 after 2014-12-25, أول جمعة بعد عيد الفطر); N from 1 to 5. Needs a day: `day` (Gregorian or Hijri) or `easter`.",
        sample: "3:2",
    },
];

/// The field named `name`, if there is one.
pub fn field(name: &str) -> Option<&'static FieldDoc> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The field reference as a Markdown table (what `data/grammar/ar/README.md` holds between its
/// `fields` markers).
pub fn fields_markdown() -> String {
    let mut s = String::from("| field | takes | meaning |\n|---|---|---|\n");
    for f in FIELDS {
        s.push_str(&format!("| `{}` | {} | {} |\n", f.name, f.takes, f.meaning.replace('|', "\\|")));
    }
    s
}

/// The names of every field, separated by spaces (for error messages).
pub(crate) fn field_names() -> String {
    FIELDS.iter().map(|f| f.name).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_field_is_set_by_its_sample_and_nothing_else_is_a_field() {
        for f in FIELDS {
            let mut sem = crate::Semantics::default();
            crate::semantics::set_field(&mut sem, f.name, f.sample).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            assert_ne!(sem, crate::Semantics::default(), "field `{}` set to `{}` changes nothing", f.name, f.sample);
        }
        let mut sem = crate::Semantics::default();
        assert!(crate::semantics::set_field(&mut sem, "pm", "true").is_err());
        assert!(crate::semantics::set_field(&mut sem, "seasonn", "1").unwrap_err().contains("the fields are year month"));
    }
}
