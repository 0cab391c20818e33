//! Document-level anchoring rules: narrative reference, contradictions, zones, event anchors.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use tarikh_anchor::{anchor_document, AnchorKind, AnchoredDocument, Prefer, PublicationHint};
use tarikh_grammar::Grammar;

fn anchor(text: &str, published: &str) -> AnchoredDocument {
    let grammar = Grammar::embedded().expect("grammar");
    let date = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
    let hint = PublicationHint { date: Some(date), time: None, timezone: chrono_tz::Europe::Paris, fallback: None, inferred: None };
    anchor_document(&grammar, "t", text.to_string(), &hint, Prefer::NearestLeaningPast)
}

fn find<'a>(doc: &'a AnchoredDocument, text: &str) -> &'a tarikh_anchor::Timex {
    doc.timexes.iter().find(|t| t.text == text).unwrap_or_else(|| panic!("no timex «{text}» in {:?}", doc.timexes.iter().map(|t| &t.text).collect::<Vec<_>>()))
}

#[test]
fn a_quoted_today_belongs_to_the_speakers_day() {
    let doc = anchor("أكد الحزب الجمعة 5 مايو 2017 تعرضه لهجوم.\n\nوأوضح البيان أن “الحركة كانت ضحية هجوم أدى إلى نشر وثائق مساء اليوم على الإنترنت”.", "2017-05-06");
    let t = find(&doc, "مساء اليوم");
    assert_eq!(t.value, "2017-05-05TEV");
    assert_eq!(t.anchor, AnchorKind::Narrative);
}

#[test]
fn an_unquoted_today_is_the_publication_day() {
    let doc = anchor("أكد الحزب الجمعة 5 مايو 2017 تعرضه لهجوم. وتشهد فرنسا اليوم الدورة الثانية.", "2017-05-07");
    let t = find(&doc, "اليوم");
    assert_eq!(t.value, "2017-05-07");
    assert_eq!(t.anchor, AnchorKind::Dct);
}

#[test]
fn a_weekday_that_contradicts_its_date_keeps_the_date_and_is_reported() {
    let doc = anchor("وأشارت آخر الاستطلاعات التي نشرت، الجمعة 4 مايو/أيار، إلى تقدمه.", "2017-05-06");
    assert_eq!(find(&doc, "الجمعة 4 مايو/أيار").value, "2017-05-04");
    let c = doc.conflicts.iter().find(|c| c.kind == "weekday_date_mismatch").expect("conflict recorded");
    assert_eq!(c.text, "الجمعة 4 مايو/أيار");
    assert!(c.description.contains("Thursday") && c.description.contains("Friday"), "{}", c.description);
}

#[test]
fn yesterday_with_the_wrong_weekday_takes_the_weekday_and_is_reported() {
    // Written on Saturday, stamped on Sunday: the weekday does not depend on when the page was stamped.
    let doc = anchor("وأعلن المركز، أمس الجمعة، تعرضه لهجوم.", "2017-05-07");
    assert_eq!(find(&doc, "أمس الجمعة").value, "2017-05-05");
    assert!(doc.conflicts.iter().any(|c| c.kind == "weekday_date_mismatch" && c.text == "أمس الجمعة"));
}

#[test]
fn a_weekday_picks_the_year_of_a_day_and_month_near_the_reference() {
    // Past tense, but Wednesday 25 March is tomorrow: the weekday says which year.
    let doc = anchor("أعلن رئيس الوزراء حظر التجول من صباح الأربعاء «25 مارس».", "2020-03-24");
    assert_eq!(find(&doc, "صباح الأربعاء «25 مارس»").value, "2020-03-25TMO");
    // A weekday that fits no nearby year is the text's error: the date keeps its nearest year.
    let doc = anchor("وأشارت آخر الاستطلاعات التي نشرت، الجمعة 4 مايو، إلى تقدمه.", "2017-05-06");
    assert_eq!(find(&doc, "الجمعة 4 مايو").value, "2017-05-04");
}

#[test]
fn a_day_of_the_current_or_next_month_without_its_name() {
    let doc = anchor("كما جاء بكتاب رئيس الوزراء بتاريخ 18 الجاري، وتبدأ الدراسة يوم 5 من الشهر المقبل.", "2023-12-20");
    assert_eq!(find(&doc, "18 الجاري").value, "2023-12-18");
    assert_eq!(find(&doc, "يوم 5 من الشهر المقبل").value, "2024-01-05");
}

#[test]
fn an_impossible_date_is_reported_not_tagged() {
    let doc = anchor("وقع الحادث في 31 فبراير 2017 حسب البيان.", "2017-05-06");
    assert!(doc.timexes.iter().all(|t| !t.text.contains("فبراير")));
    assert!(doc.conflicts.iter().any(|c| c.kind == "impossible_date"));
}

#[test]
fn tense_decides_the_direction_of_a_bare_weekday() {
    let past = anchor("وكان الرئيس قد زار الجزائر الأربعاء.", "2017-05-07");
    assert_eq!(find(&past, "الأربعاء").value, "2017-05-03");
    let future = anchor("وسيزور الرئيس الجزائر الأربعاء.", "2017-05-07");
    assert_eq!(find(&future, "الأربعاء").value, "2017-05-10");
}

#[test]
fn an_imperfect_verb_of_a_schedule_looks_ahead() {
    // «تبدأ / تنطلق / تجرى» announce what is scheduled: a bare month or day lies ahead.
    let doc = anchor("وتبدأ الدراسة في سبتمبر بعد العطلة الصيفية.", "2024-03-15");
    assert_eq!(find(&doc, "سبتمبر").value, "2024-09");
    let doc = anchor("وتنطلق العطلة الشتوية في 22 ديسمبر.", "2024-03-15");
    assert_eq!(find(&doc, "22 ديسمبر").value, "2024-12-22");
    // A perfect verb still looks back.
    let doc = anchor("وبدأت الدراسة في سبتمبر بعد العطلة الصيفية.", "2024-03-15");
    assert_eq!(find(&doc, "سبتمبر").value, "2023-09");
}

#[test]
fn layla_is_the_night_before_the_named_day() {
    let doc = anchor("وقع الانفجار ليلة الجمعة في وسط المدينة.", "2017-05-06");
    assert_eq!(find(&doc, "ليلة الجمعة").value, "2017-05-04TNI");
}

#[test]
fn a_clock_time_with_a_stated_zone_is_read_in_that_zone() {
    let doc = anchor("تغلق مراكز الاقتراع الساعة 18:00 بتوقيت غرينتش.", "2017-05-07");
    let t = find(&doc, "الساعة 18:00 بتوقيت غرينتش");
    let utc = FixedOffset::east_opt(0).unwrap();
    assert_eq!(t.interval.expect("interval").start, utc.with_ymd_and_hms(2017, 5, 7, 18, 0, 0).unwrap());
    let paris = anchor("تغلق مراكز الاقتراع الساعة 20:00.", "2017-05-07");
    let p = find(&paris, "الساعة 20:00");
    assert_eq!(p.interval.unwrap().start, t.interval.unwrap().start, "20:00 in Paris (CEST) is 18:00 GMT");
    assert_eq!(t.timezone, Some(chrono_tz::UTC), "the zone the text states is kept with the expression");
    assert_eq!(p.timezone, None, "the document's zone is not a zone the text states");
}

#[test]
fn the_eve_of_a_dated_event_is_the_day_before() {
    let doc = anchor("معتبرا أنها عملية زعزعة، عشية انتخابات الأحد، 7 مايو/أيار 2017.", "2017-05-06");
    let t = find(&doc, "عشية");
    assert_eq!(t.value, "2017-05-06");
    assert_eq!(t.anchor, AnchorKind::Event);
    assert!(t.event_offset.is_some());
}

#[test]
fn a_gap_in_days_is_a_calendar_gap_and_a_gap_in_hours_is_taken_as_written() {
    // "A day before the vote": on the day before, at an hour neither gives: 24 h ± 12 h.
    let doc = anchor("تعرض الموقع للقرصنة قبل يوم واحد من توجه الناخبين لصناديق الاقتراع.", "2017-05-06");
    let gap = find(&doc, "يوم واحد").event_offset.clone().expect("an event offset");
    assert_eq!((gap.min_seconds, gap.max_seconds), (12 * 3600, 36 * 3600));
    let doc = anchor("نشرت الوثائق قبل يومين من التصويت.", "2017-05-06");
    let gap = find(&doc, "يومين").event_offset.clone().expect("an event offset");
    assert_eq!((gap.min_seconds, gap.max_seconds), (36 * 3600, 60 * 3600));
    let doc = anchor("نشرت الوثائق قبل 48 ساعة من التصويت.", "2017-05-06");
    let gap = find(&doc, "48 ساعة").event_offset.clone().expect("an event offset");
    assert_eq!((gap.min_seconds, gap.max_seconds), (48 * 3600, 48 * 3600));
}

#[test]
fn a_bare_clock_time_after_a_day_is_on_that_day() {
    let doc = anchor("وضربت هزة ارتدادية المنطقة مساء السبت الماضي، الساعة 21:40، وفق مركز البحث.", "2024-04-30");
    assert_eq!(find(&doc, "الساعة 21:40").value, "2024-04-27T21:40");
    // with nothing before it, a clock time is on the publication day
    let doc = anchor("وصلت الطائرة الساعة 21:40 إلى المطار.", "2024-04-30");
    assert_eq!(find(&doc, "الساعة 21:40").value, "2024-04-30T21:40");
}

#[test]
fn a_past_verb_before_a_complementiser_does_not_date_what_is_reported() {
    // «قررت أن» dates the decision; the feast it announces is tomorrow, not last year's.
    let doc = anchor("وأعلنت الوزارة أن الخميس هو فاتح شهر رمضان.", "2024-03-10");
    assert_eq!(find(&doc, "فاتح شهر رمضان").value, "2024-03-11");
    // A future cue still governs the clause it introduces.
    let doc = anchor("من المقرر أن يصوت الناخبون الخميس.", "2017-05-06");
    assert_eq!(find(&doc, "الخميس").value, "2017-05-11");
}

#[test]
fn a_hijri_month_without_a_year_is_the_nearest_the_tense_allows() {
    // In Shawwal 1445: Ramadan just past, or the next one when the verb looks ahead.
    assert_eq!(find(&anchor("وكانت الأسعار قد ارتفعت خلال رمضان.", "2024-05-10"), "رمضان").value, "H1445-09");
    assert_eq!(find(&anchor("ستبدأ الأشغال بعد رمضان.", "2024-05-10"), "رمضان").value, "H1446-09");
    // «الماضي» during Ramadan itself is last year's.
    assert_eq!(find(&anchor("مقارنة برمضان الماضي.", "2024-03-20"), "رمضان الماضي").value, "H1444-09");
}

#[test]
fn a_gregorian_year_after_a_hijri_month_names_the_occurrence_in_that_year() {
    assert_eq!(find(&anchor("في رمضان 2019 ارتفعت الأسعار.", "2024-01-10"), "رمضان 2019").value, "H1440-09");
}

#[test]
fn anaphora_takes_the_point_the_narrative_has_reached() {
    let doc = anchor("أعلن البنك في 6 مارس تحرير سعر الصرف. وأقفل الدولار في نفس اليوم على 49 جنيها، مقابل 30 جنيها في صباح اليوم ذاته.", "2024-03-14");
    let same_day = find(&doc, "نفس اليوم");
    assert_eq!(same_day.value, "2024-03-06");
    assert_eq!(same_day.anchor, AnchorKind::Narrative);
    assert_eq!(find(&doc, "صباح اليوم ذاته").value, "2024-03-06TMO");
    // A day number of the month the narrative is in, and the day after the last one named.
    let doc = anchor("يبدأ التسجيل يوم 16 جانفي ويستمر الى يوم 27 من ذات الشهر ثم يكون يوم 28 للفرز، وفي اليوم التالي النتائج.", "2022-12-20");
    assert_eq!(find(&doc, "يوم 27 من ذات الشهر").value, "2023-01-27");
    assert_eq!(find(&doc, "يوم 28").value, "2023-01-28");
    assert_eq!(find(&doc, "اليوم التالي").value, "2023-01-29");
}

#[test]
fn anaphora_with_nothing_before_it_falls_back_on_the_publication_date() {
    let doc = anchor("وقتل شخصان في اليوم نفسه.", "2017-05-06");
    let t = find(&doc, "اليوم نفسه");
    assert_eq!(t.value, "2017-05-06");
    assert_eq!(t.anchor, AnchorKind::Dct);
}

#[test]
fn the_end_of_a_stretch_comes_after_its_start() {
    // Past tense, yet the Monday that closes a curfew from Saturday evening is the one after it.
    let doc = anchor("أعلنت الحكومة حظر تجول من مساء السبت حتى الإثنين.", "2023-09-10");
    assert_eq!(find(&doc, "مساء السبت").value, "2023-09-09TEV");
    assert_eq!(find(&doc, "الإثنين").value, "2023-09-11");
}

#[test]
fn a_countrys_stated_month_start_wins_over_the_table() {
    // Oman, April 2023: Ramadan completed thirty days, Eid on Saturday (Umm al-Qura: Friday).
    let doc = anchor("أعلنت الوزارة أن يوم الجمعة هو المتمم لشهر رمضان وأن يوم السبت هو أول أيام عيد الفطر، وتعطل المدارس حتى 3 شوال.", "2023-04-20");
    assert_eq!(find(&doc, "يوم السبت").value, "2023-04-22");
    assert_eq!(find(&doc, "المتمم لشهر رمضان").value, "2023-04-21");
    assert_eq!(find(&doc, "3 شوال").value, "2023-04-24");
    assert!(doc.conflicts.iter().any(|c| c.kind == "hijri_month_start"), "{:?}", doc.conflicts);
    // Saudi Arabia the same year: the statement agrees with the table and nothing moves.
    let doc = anchor("قررت المحكمة العليا أن يوم غد الجمعة هو أول أيام عيد الفطر، وتعطل المدارس حتى 3 شوال.", "2023-04-20");
    assert_eq!(find(&doc, "3 شوال").value, "2023-04-23");
    assert!(doc.conflicts.iter().all(|c| c.kind != "hijri_month_start"));
}

#[test]
fn a_hijri_date_paired_with_its_gregorian_day_dates_the_month() {
    let doc = anchor("صدر القرار بتاريخ 29 رمضان 1444 هـ الموافق 21 أبريل 2023 م، على أن يطبق من 5 شوال 1444 هـ.", "2023-04-25");
    assert_eq!(find(&doc, "29 رمضان 1444 هـ").value, "2023-04-21");
    assert_eq!(find(&doc, "21 أبريل 2023 م").value, "2023-04-21");
    // Shawwal is not stated: the table's.
    assert_eq!(find(&doc, "5 شوال 1444 هـ").value, "2023-04-25");
}

#[test]
fn seasons_quarters_halves_and_weekends_have_timex3_values_and_intervals() {
    let doc = anchor("تراجعت الصادرات في الخريف الماضي، وارتفعت خلال الربع الأول من العام الجاري، ويتوقع نموها في النصف الثاني من العام، وستغلق الأسواق عطلة نهاية الأسبوع.", "2024-04-10");
    let autumn = find(&doc, "الخريف الماضي");
    assert_eq!(autumn.value, "2023-FA");
    let iv = autumn.interval.expect("a season is a stretch of time");
    assert_eq!((iv.start.date_naive().to_string(), iv.end.date_naive().to_string()), ("2023-09-01".into(), "2023-12-01".into()));
    assert_eq!(find(&doc, "الربع الأول من العام الجاري").value, "2024-Q1");
    assert_eq!(find(&doc, "النصف الثاني من العام").value, "2024-H2");
    let weekend = find(&doc, "عطلة نهاية الأسبوع");
    assert_eq!(weekend.value, "2024-W15-WE");
    let iv = weekend.interval.expect("a weekend is a stretch of time");
    assert_eq!((iv.start.date_naive().to_string(), iv.end.date_naive().to_string()), ("2024-04-12".into(), "2024-04-15".into()));
}

#[test]
fn a_winter_is_labelled_by_the_year_of_its_january() {
    let doc = anchor("كان الشتاء الماضي قاسيا، ويتوقع أن يكون الشتاء المقبل معتدلا.", "2024-04-10");
    let last = find(&doc, "الشتاء الماضي");
    assert_eq!(last.value, "2024-WI");
    assert_eq!(last.interval.unwrap().start.date_naive().to_string(), "2023-12-01");
    assert_eq!(find(&doc, "الشتاء المقبل").value, "2025-WI");
}

#[test]
fn an_ordinal_after_a_weekday_is_a_date_when_the_calendar_agrees_and_a_rank_otherwise() {
    // 6 February 2023 was a Monday: «Monday the sixth of February».
    let doc = anchor("وقع الزلزال الاثنين السادس من شباط.", "2023-02-13");
    assert_eq!(find(&doc, "الاثنين السادس من شباط").value, "2023-02-06");
    // 3 September 2014 was a Wednesday: «the third Tuesday of September».
    let doc = anchor("يعقد المؤتمر الثلاثاء الثالث من شهر أيلول من عام 2014.", "2013-02-12");
    assert_eq!(find(&doc, "الثلاثاء الثالث من شهر أيلول من عام 2014").value, "2014-09-16");
    let doc = anchor("تنتهي المهلة في آخر أسبوع من سبتمبر 2014.", "2013-02-12");
    assert_eq!(find(&doc, "آخر أسبوع من سبتمبر 2014").value, "2014-W39");
}

#[test]
fn a_weekday_of_a_named_week_is_that_day_of_the_iso_week() {
    let doc = anchor("التقى الوزير نظيره الأحد من الأسبوع الماضي، ويلتقيه مجددا الخميس من الأسبوع المقبل.", "2013-02-12");
    assert_eq!(find(&doc, "الأحد من الأسبوع الماضي").value, "2013-02-10");
    assert_eq!(find(&doc, "الخميس من الأسبوع المقبل").value, "2013-02-21");
}

#[test]
fn the_last_ten_days_of_ramadan_keep_the_month_and_bound_their_days() {
    let doc = anchor("يعتكف المصلون في العشر الأواخر من رمضان.", "2024-03-05");
    let t = find(&doc, "العشر الأواخر من رمضان");
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("H1445-09", Some("END")));
    let iv = t.interval.expect("the last ten days are a stretch of time");
    // Ramadan 1445 began on 11 March 2024 (Umm al-Qura): the 21st is 31 March, Eid 10 April.
    assert_eq!((iv.start.date_naive().to_string(), iv.end.date_naive().to_string()), ("2024-03-31".into(), "2024-04-10".into()));
}

#[test]
fn the_night_of_a_hijri_day_is_the_night_before_its_gregorian_day() {
    // 27 Ramadan 1445 is Saturday 6 April 2024; its night began on Friday evening.
    let doc = anchor("احتشد المصلون ليلة 27 رمضان في المسجد، وازدحمت الأسواق ليلة عيد الفطر.", "2024-04-01");
    assert_eq!(find(&doc, "ليلة 27 رمضان").value, "2024-04-05TNI");
    assert_eq!(find(&doc, "ليلة عيد الفطر").value, "2024-04-09TNI");
    assert!(doc.conflicts.iter().all(|c| c.kind != "hijri_month_start"), "{:?}", doc.conflicts);
}

#[test]
fn the_eve_of_a_feast_is_the_day_before_the_feast() {
    let doc = anchor("ازدحمت الأسواق عشية عيد الأضحى.", "2024-06-10");
    assert_eq!(find(&doc, "عشية").value, "2024-06-15");
    assert_eq!(find(&doc, "عيد الأضحى").value, "2024-06-16");
    assert!(doc.conflicts.iter().all(|c| c.kind != "hijri_month_start"), "{:?}", doc.conflicts);
}

#[test]
fn after_an_amount_told_with_a_perfect_verb_counts_from_the_narrated_time() {
    // «بعد عامين» of a release told after the arrest's date: two years after 2021, not after 2024.
    let doc = anchor("اعتقل الناشط في 3 مارس 2021، وأفرج عنه بعد عامين.", "2024-06-10");
    let t = find(&doc, "بعد عامين");
    assert_eq!((t.value.as_str(), t.anchor), ("2023", AnchorKind::Narrative));
    // The next sentence of the same paragraph goes on from the same point.
    assert_eq!(find(&anchor("اعتقل الناشط في 3 مارس 2021. وأفرج عنه بعد عامين.", "2024-06-10"), "بعد عامين").value, "2023");
    // Days after a weekday, the verb after the offset.
    assert_eq!(find(&anchor("وقع الزلزال يوم الاثنين، وبعد يومين انتشلت فرق الإنقاذ ناجيا.", "2024-06-13"), "بعد يومين").value, "2024-06-12");
    // Hours after a clock time: to the hour; after an evening: that evening, its stretch moved on.
    assert_eq!(find(&anchor("وقع الانفجار في الساعة السادسة مساء الاثنين، وبعد ثلاث ساعات وصلت فرق الإنقاذ.", "2024-06-13"), "بعد ثلاث ساعات").value, "2024-06-10T21");
    let doc = anchor("وقع الانفجار مساء الاثنين، وبعد ثلاث ساعات وصلت فرق الإنقاذ.", "2024-06-13");
    let t = find(&doc, "بعد ثلاث ساعات");
    assert_eq!(t.value, "2024-06-10TEV");
    let iv = t.interval.expect("an interval");
    assert_eq!(iv.start, chrono_tz::Europe::Paris.with_ymd_and_hms(2024, 6, 10, 21, 0, 0).unwrap().fixed_offset());
}

#[test]
fn after_an_amount_not_told_as_past_still_counts_from_the_publication() {
    // A future verb: from the publication (the statement's «أمس» is no narrated event).
    let doc = anchor("قال الوزير أمس إن الانتخابات ستجرى بعد عامين.", "2024-02-13");
    assert_eq!((find(&doc, "بعد عامين").value.as_str(), find(&doc, "بعد عامين").anchor), ("2026", AnchorKind::Dct));
    // «قبل عامين» is two years ago, whatever the narrative.
    assert_eq!(find(&anchor("اعتقل الناشط في 3 مارس 2021، وكان قد غادر البلاد قبل عامين.", "2024-06-10"), "قبل عامين").value, "2022");
    // No date before it in its paragraph: from the publication.
    assert_eq!(find(&anchor("أكد الحزب الجمعة 5 مايو 2017 فوزه.\n\nوأفرج عنه بعد عامين.", "2024-06-10"), "بعد عامين").value, "2026");
    // «بعد غد» is a day of its own.
    assert_eq!(find(&anchor("وصل الوفد في 3 مارس 2024 ويغادر بعد غد.", "2024-03-05"), "بعد غد").value, "2024-03-07");
}

#[test]
fn a_postponement_dated_in_its_sentence_counts_its_new_date_from_the_decision() {
    let doc = anchor("مدد البرلمان في يناير حالة الطوارئ حتى مارس.", "2024-06-12");
    let t = find(&doc, "مارس");
    assert_eq!((t.value.as_str(), t.anchor), ("2024-03", AnchorKind::Narrative));
    assert_eq!(find(&anchor("أجلت الانتخابات من ديسمبر 2023 إلى فبراير.", "2024-06-12"), "فبراير").value, "2024-02");
    // Undated decision: the new date lies ahead of the article.
    assert_eq!(find(&anchor("قررت اللجنة تأجيل الاجتماع إلى الأحد.", "2024-06-12"), "الأحد").value, "2024-06-16");
}

#[test]
fn after_an_amount_does_not_count_from_the_day_of_a_report() {
    // «قال الوزير الخميس إن …»: the report's day is no stage of the story told; from the publication.
    let doc = anchor("وقال الوزير الخميس إن الجيش انسحب بعد أسبوع.", "2024-06-12");
    assert_eq!(find(&doc, "بعد أسبوع").anchor, AnchorKind::Dct);
    // Counted from the narrative it would fall after the publication: from the publication then.
    let doc = anchor("ستنطلق الانتخابات في 11 يونيو، وكانت اللجنة أعلنت النتائج بعد ثلاثة أيام.", "2024-06-12");
    assert_eq!(find(&doc, "بعد ثلاثة أيام").anchor, AnchorKind::Dct);
    // A date of the story itself still counts.
    assert_eq!(find(&anchor("وقع الهجوم الأحد، وبعد يومين اعتقلت الشرطة المشتبه به.", "2024-06-12"), "بعد يومين").value, "2024-06-11");
}

#[test]
fn a_hijri_month_or_feast_before_a_dated_day_is_that_days_year() {
    // written after the month: the day's year, not the next Ramadan
    let doc = anchor("يبدأ شهر رمضان يوم الاثنين الموافق 11 مارس 2024 في معظم الدول العربية.", "2024-04-20");
    assert_eq!(find(&doc, "شهر رمضان").value, "H1445-09");
    let doc = anchor("تبدأ إجازة عيد الفطر يوم الثلاثاء الموافق 9 أبريل 2024.", "2024-04-20");
    assert_eq!(find(&doc, "عيد الفطر").value, "2024-04-09");
    // a month said to be past, or one with no dated day after it, keeps its reading
    let doc = anchor("صام المسلمون رمضان الماضي.", "2024-04-20");
    assert_eq!(find(&doc, "رمضان الماضي").value, "H1445-09");
}
