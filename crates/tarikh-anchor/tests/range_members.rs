//! A range of dates is two expressions, one per member (tarikh-grammar's range_members.rs): both
//! are read as the whole range, so they share its year, and each is valued as its own end.

use chrono::NaiveDate;
use tarikh_anchor::{parse_phrase_all, Prefer, Reference};
use tarikh_grammar::Grammar;

/// The (text, value) of every expression of `phrase` read on `reference`, preferring `prefer`.
fn read(phrase: &str, reference: &str, prefer: Prefer) -> Vec<(String, String)> {
    let grammar = Grammar::embedded().expect("grammar");
    let r = Reference { date: NaiveDate::parse_from_str(reference, "%Y-%m-%d").expect("date"), time: None, tz: chrono_tz::UTC };
    parse_phrase_all(&grammar, phrase, r, prefer).into_iter().map(|t| (t.text, t.value)).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn the_members_share_the_ranges_year_across_a_year_end() {
    // Read past: the last December and the January after it.
    assert_eq!(read("انعقد المؤتمر من 28 ديسمبر إلى 3 يناير", "2017-05-06", Prefer::Past), pairs(&[("28 ديسمبر", "2016-12-28"), ("3 يناير", "2017-01-03")]));
    // Read ahead from December: this December and the next January.
    assert_eq!(read("تنظم الدورة من 28 ديسمبر إلى 3 يناير", "2023-12-10", Prefer::Future), pairs(&[("28 ديسمبر", "2023-12-28"), ("3 يناير", "2024-01-03")]));
}

#[test]
fn hijri_members_are_converted_as_one_range() {
    assert_eq!(read("تمتد العطلة من 29 رمضان إلى 3 شوال 1446 هـ", "2025-01-10", Prefer::NearestLeaningPast), pairs(&[("29 رمضان", "2025-03-29"), ("3 شوال 1446 هـ", "2025-04-01")]));
}

#[test]
fn a_time_after_a_range_of_days_holds_on_each_of_them() {
    let got = read("تفتح المعارض من 5 إلى 7 مايو على الساعة العاشرة صباحا", "2024-05-01", Prefer::NearestLeaningPast);
    assert_eq!(got, pairs(&[("5", "2024-05-05"), ("7 مايو", "2024-05-07"), ("الساعة العاشرة صباحا", "XXXX-XX-XXT10:00")]));
}

#[test]
fn a_stretch_of_years_written_with_a_mark_stays_one() {
    assert_eq!(read("خلال الموسم الدراسي 2023/2024", "2024-04-25", Prefer::NearestLeaningPast), pairs(&[("2023/2024", "2023/2024")]));
}

#[test]
fn the_members_read_one_direction_whatever_the_verb() {
    // A decision to put off a start: its first member lies a few days ahead, so the whole range
    // reads ahead; the last member does not weigh its own distance apart (it would fall a year
    // back, before the start).
    let news = Prefer::NearestLeaningPast;
    let (may, june) = (("20 مايو", "2023-05-20"), ("3 يونيو", "2023-06-03"));
    assert_eq!(read("قررت الجامعة تأجيل انطلاق البطولة من 20 مايو إلى 3 يونيو.", "2023-05-17", news), pairs(&[may, june]));
    // A past verb, a future one, none: both members always in the same stretch.
    for sentence in ["أعلنت الهيئة افتتاح المعرض من 20 مايو إلى 3 يونيو.", "سيقام المعرض من 20 مايو إلى 3 يونيو.", "المعرض من 20 مايو إلى 3 يونيو."] {
        assert_eq!(read(sentence, "2023-05-17", news), pairs(&[may, june]), "{sentence}");
    }
    // A past verb with a range long gone: both ends a year back.
    assert_eq!(read("انعقد المؤتمر من 20 فبراير إلى 3 مارس.", "2023-01-10", Prefer::Past), pairs(&[("20 فبراير", "2022-02-20"), ("3 مارس", "2022-03-03")]));
}
