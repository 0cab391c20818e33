//! Dates that leave out their year or their month (invented sentences): which occurrence the
//! tense and the governing verb pick.

use chrono::NaiveDate;
use tarikh_anchor::{anchor_document, Prefer, PublicationHint};
use tarikh_grammar::Grammar;

/// The value of the timex whose text is `expr`, in `text` published on `published`.
fn value(text: &str, expr: &str, published: &str) -> String {
    let grammar = Grammar::embedded().expect("grammar");
    let date = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
    let hint = PublicationHint { date: Some(date), time: None, timezone: chrono_tz::Africa::Tunis, fallback: None, inferred: None };
    let all: Vec<(String, String)> = anchor_document(&grammar, "t", text.to_string(), &hint, Prefer::NearestLeaningPast).timexes.into_iter().map(|t| (t.text, t.value)).collect();
    all.iter().find(|(t, _)| t == expr).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("no «{expr}» in {all:?}"))
}

#[test]
fn a_day_number_without_month_crosses_into_the_month_the_tense_points_to() {
    // past, the day not yet reached this month: last month's
    assert_eq!(value("وكانت قوات الأمن قد اعتقلت الناشط يوم 27 قرب الحدود.", "يوم 27", "2024-03-02"), "2024-02-27");
    assert_eq!(value("وقع الانفجار يوم 30 في المنطقة الصناعية.", "يوم 30", "2023-01-04"), "2022-12-30");
    // ahead, the day already past this month: next month's
    assert_eq!(value("وستستأنف الدراسة يوم 4 بعد عطلة الشتاء.", "يوم 4", "2023-12-29"), "2024-01-04");
    // no tense: the publication's month
    assert_eq!(value("انطلاق امتحانات الباكالوريا يوم 28", "يوم 28", "2022-06-02"), "2022-06-28");
    // a day a verb of calling or deciding gives what it calls for or decides: of this month
    assert_eq!(value("قررت الحكومة تعطيل الدوام الرسمي يوم 25 بمناسبة الانتخابات.", "يوم 25", "2024-05-08"), "2024-05-25");
    assert_eq!(value("دعت النقابات إلى إضراب عام يوم 27 في كل القطاعات.", "يوم 27", "2025-11-20"), "2025-11-27");
    // within the month, as before
    assert_eq!(value("صدر القرار يوم 5 وأعلن رسميا.", "يوم 5", "2023-06-20"), "2023-06-05");
    assert_eq!(value("وستنطلق الحملة يوم 25 وتتواصل أسبوعين.", "يوم 25", "2023-06-20"), "2023-06-25");
}

#[test]
fn a_day_of_a_month_called_for_or_decided_is_the_nearest_not_last_years() {
    // a perfect verb of calling or deciding, with what it calls for or decides: the coming day
    assert_eq!(value("دعت النقابة إلى إضراب عام في قطاع التعليم يوم 14 نوفمبر.", "يوم 14 نوفمبر", "2023-11-09"), "2023-11-14");
    assert_eq!(value("قررت السلطات إغلاق المعبر في 3 أبريل.", "3 أبريل", "2022-03-28"), "2022-04-03");
    // a few days back, the decided day is past
    assert_eq!(value("قررت السلطات إغلاق المعبر في 3 أبريل.", "3 أبريل", "2022-04-06"), "2022-04-03");
    // a verb of happening keeps the tense's reading
    assert_eq!(value("اندلعت الاشتباكات يوم 14 نوفمبر.", "يوم 14 نوفمبر", "2023-11-09"), "2022-11-14");
}
