//! Reconciliation tests: merging, bounds, offsets, cycles, disagreements, determinism.

mod common;

use chrono::{Datelike, FixedOffset, TimeZone};
use common::*;
use tarikh_anchor::{AnchorKind, AnchoredDocument, Interval, OffsetDirection};
use tarikh_events::{extract, DocEvents, EventLexicon};
use tarikh_timeline::{reconcile, Timeline, TimelineEvent};

const PARIS: &str = "Europe/Paris";

fn run(docs: &[AnchoredDocument]) -> (Vec<DocEvents>, Timeline) {
    let lex = EventLexicon::embedded().unwrap();
    let evs: Vec<DocEvents> = docs.iter().map(|d| extract(d, &lex)).collect();
    let pairs: Vec<(&AnchoredDocument, &DocEvents)> = docs.iter().zip(evs.iter()).collect();
    let tl = reconcile(&pairs);
    (evs, tl)
}

fn event<'a>(tl: &'a Timeline, ty: &str, label_part: &str) -> &'a TimelineEvent {
    tl.events
        .iter()
        .find(|e| e.event_type == ty && e.label.contains(label_part))
        .unwrap_or_else(|| panic!("no {ty} «{label_part}» in {:#?}", tl.events.iter().map(|e| (&e.id, &e.event_type, &e.label)).collect::<Vec<_>>()))
}

#[test]
fn merges_mentions_of_two_documents() {
    let a = doc("a", "ضرب زلزال قوي جنوب البلاد فجر الأحد.", (2020, 3, 1), PARIS, 1, vec![tx("فجر الأحد", "2020-03-01TMO", AnchorKind::Dct)]);
    let b = doc(
        "b",
        "أسفر الزلزال الذي ضرب جنوب البلاد الأحد عن أضرار كبيرة.",
        (2020, 3, 2),
        PARIS,
        1,
        vec![tx("الأحد", "2020-03-01", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[a, b]);
    let quakes: Vec<_> = tl.events.iter().filter(|e| e.event_type == "earthquake").collect();
    assert_eq!(quakes.len(), 1, "{:#?}", tl.events);
    let q = quakes[0];
    assert_eq!(q.docs, vec!["a", "b"]);
    assert_eq!(q.mentions.len(), 2);
    // the intersection of "Sunday" and "Sunday dawn"
    assert_eq!(q.earliest_start, Some(at(1, 2020, 3, 1, 0, 0)));
    assert_eq!(q.latest_end, Some(at(1, 2020, 3, 1, 12, 0)));
    assert_eq!(q.granularity, "morning");
    assert_eq!(q.status, "consistent");
    assert_eq!(tl.event_of("a", 0), Some(q.id.as_str()));
}

#[test]
fn bounds_from_dates_and_parts_of_day() {
    let d = doc(
        "d",
        "عقد الوزراء اجتماعا طارئا مساء الخميس 5 مارس 2020.\nوقع انفجار في الميناء ليلة الجمعة 6 مارس 2020.",
        (2020, 3, 7),
        PARIS,
        1,
        vec![
            tx("مساء الخميس 5 مارس 2020", "2020-03-05TEV", AnchorKind::Explicit),
            tx("ليلة الجمعة 6 مارس 2020", "2020-03-06TNI", AnchorKind::Explicit),
        ],
    );
    let (_, tl) = run(&[d]);
    let m = event(&tl, "meeting", "اجتماعا");
    assert_eq!(m.earliest_start, Some(at(1, 2020, 3, 5, 18, 0)));
    assert_eq!(m.latest_end, Some(at(1, 2020, 3, 6, 0, 0)));
    assert_eq!(m.granularity, "evening");
    let x = event(&tl, "attack", "انفجار");
    assert_eq!(x.earliest_start, Some(at(1, 2020, 3, 6, 18, 0)));
    assert_eq!(x.latest_end, Some(at(1, 2020, 3, 7, 6, 0)), "night runs to 06:00 next day");
    assert_eq!(x.granularity, "night");
    // ids follow time
    assert!(m.id < x.id);
}

#[test]
fn offsets_tighten_bounds() {
    // the leak is dated only to Friday; 48 h before the polls close on Sunday evening puts it
    // on Friday evening
    let d = doc(
        "d",
        "وقع التسريب الجمعة.\nوجاء التسريب قبل 48 ساعة من إغلاق مراكز الاقتراع مساء الأحد.",
        (2020, 3, 8),
        PARIS,
        1,
        vec![
            tx("الجمعة", "2020-03-06", AnchorKind::Dct),
            off("48 ساعة", "PT48H", OffsetDirection::Before, 48 * 3600, "إغلاق"),
            tx("مساء الأحد", "2020-03-08TEV", AnchorKind::Dct),
        ],
    );
    let (_, tl) = run(&[d]);
    let leak = event(&tl, "leak", "");
    assert_eq!(leak.mentions.len(), 2, "{:#?}", tl.events);
    assert_eq!(leak.earliest_start, Some(at(1, 2020, 3, 6, 18, 0)));
    assert_eq!(leak.latest_start, Some(at(1, 2020, 3, 7, 0, 0)));
    let close = event(&tl, "polls_close", "");
    assert_eq!(close.earliest_start, Some(at(1, 2020, 3, 8, 18, 0)));
    let r = tl.relations.iter().find(|r| r.relation == "BEFORE").unwrap();
    assert_eq!((r.source_event.as_str(), r.target_event.as_str()), (leak.id.as_str(), close.id.as_str()));
    assert_eq!(r.offset_max_seconds, Some(172_800));
    assert!(r.evidence_text.contains("48 ساعة"));
    assert!(tl.conflicts.is_empty(), "{:#?}", tl.conflicts);
}

#[test]
fn negative_cycle_reported_and_weakest_dropped() {
    // doc a: the visit is on Monday 2 March; doc b: it came 24 h before the summit of Thursday 5 March
    let a = doc(
        "a",
        "بدأ الرئيس زيارة رسمية إلى البلاد الاثنين 2 مارس 2020.",
        (2020, 3, 2),
        PARIS,
        1,
        vec![tx("الاثنين 2 مارس 2020", "2020-03-02", AnchorKind::Explicit)],
    );
    let b = doc(
        "b",
        "افتتحت القمة الخميس 5 مارس 2020.\nوجاءت زيارة الرئيس الرسمية إلى البلاد قبل 24 ساعة من القمة.",
        (2020, 3, 5),
        PARIS,
        1,
        vec![
            tx("الخميس 5 مارس 2020", "2020-03-05", AnchorKind::Explicit),
            off("24 ساعة", "PT24H", OffsetDirection::Before, 24 * 3600, "القمة"),
        ],
    );
    let (_, tl) = run(&[a, b]);
    let visit = event(&tl, "visit", "زيارة");
    assert_eq!(visit.docs, vec!["a", "b"], "{:#?}", tl.events);
    let cyc: Vec<_> = tl.conflicts.iter().filter(|c| c.kind == "negative_cycle").collect();
    assert_eq!(cyc.len(), 1, "{:#?}", tl.conflicts);
    let c = cyc[0];
    assert_eq!(c.docs.iter().map(|d| &**d).collect::<Vec<_>>(), vec!["a", "b"]);
    // every constraint of the cycle is in the evidence: the two dates and the offset statement
    assert!(c.evidence.iter().any(|e| &*e.0 == "a" && e.3.contains("2 مارس")));
    assert!(c.evidence.iter().any(|e| &*e.0 == "b" && e.3.contains("5 مارس")));
    assert!(c.evidence.iter().any(|e| &*e.0 == "b" && e.3.contains("24 ساعة")));
    assert!(c.resolution.contains("dropped the weakest") && c.resolution.contains("event-offset"), "{}", c.resolution);
    // the explicit date survives, as the start: «بدأ الرئيس زيارة» begins a visit that lasts days,
    // so its end stays open
    assert_eq!(visit.earliest_start, Some(at(1, 2020, 3, 2, 0, 0)));
    assert_eq!(visit.latest_end, None);
    assert_eq!(visit.status, "conflict");
}

#[test]
fn cross_document_date_disagreement() {
    let sunday = |id: &str| {
        doc(id, "تجرى الجولة الثانية من الانتخابات الأحد.", (2020, 3, 13), PARIS, 1, vec![tx("الأحد", "2020-03-15", AnchorKind::Dct)])
    };
    let saturday = doc(
        "d",
        "تجرى الجولة الثانية من الانتخابات السبت.",
        (2020, 3, 13),
        PARIS,
        1,
        vec![tx("السبت", "2020-03-14", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[sunday("a"), sunday("b"), sunday("c"), saturday]);
    let round = event(&tl, "election_round", "الجولة الثانية");
    assert_eq!(round.docs, vec!["a", "b", "c", "d"]);
    assert_eq!(round.earliest_start, Some(at(1, 2020, 3, 15, 0, 0)), "the majority wins");
    assert_eq!(round.status, "conflict", "{:#?}", tl.events.iter().map(|e| (&e.label, &e.docs, &e.status, e.mentions.len())).collect::<Vec<_>>());
    let k = tl.conflicts.iter().find(|c| c.kind == "cross_doc_disagreement").expect("reported");
    assert_eq!(k.evidence[0].0.as_ref(), "d", "the minority mention comes first");
    assert_eq!(k.evidence[0].3.as_ref(), "السبت");
    assert!(k.docs.iter().any(|d| &**d == "d") && k.docs.iter().any(|d| &**d == "a"));
}

/// Two articles dating one sinking on Saturday and on Sunday: one event (a type that is not
/// merged by its day alone), the other reading reported.
#[test]
fn one_event_two_articles_date_a_day_apart() {
    let sinking = |id: &str, text: &'static str, day: &'static str, value: &'static str| doc(id, text, (2026, 5, 18), PARIS, 2, vec![tx(day, value, AnchorKind::Dct)]);
    let a = sinking("a", "غرق قارب مهاجرين قبالة سواحل صفاقس يوم الأحد.", "يوم الأحد", "2026-05-17");
    let b = sinking("b", "غرق قارب مهاجرين قبالة سواحل صفاقس يوم الأحد.", "يوم الأحد", "2026-05-17");
    let c = sinking("c", "غرق قارب مهاجرين قبالة سواحل صفاقس يوم السبت.", "يوم السبت", "2026-05-16");
    let (_, tl) = run(&[a, b, c]);
    let rows: Vec<_> = tl.events.iter().filter(|e| e.label.contains("غرق")).collect();
    assert_eq!(rows.len(), 1, "{:#?}", tl.events.iter().map(|e| (&e.label, &e.docs)).collect::<Vec<_>>());
    assert_eq!(rows[0].earliest_start, Some(at(1, 2026, 5, 17, 0, 0)), "the majority wins");
    let k = tl.conflicts.iter().find(|k| k.kind == "cross_doc_disagreement").expect("reported");
    assert_eq!(k.evidence[0].0.as_ref(), "c");
}

/// Two sinkings three days apart are two events, not a disagreement.
#[test]
fn no_disagreement_merge_when_the_days_are_far() {
    let far = |id: &str, day: &'static str, value: &'static str| doc(id, "غرق قارب مهاجرين قبالة سواحل صفاقس يوم الأربعاء.", (2026, 5, 21), PARIS, 2, vec![tx(day, value, AnchorKind::Dct)]);
    let (_, tl) = run(&[far("a", "يوم الأربعاء", "2026-05-20"), far("b", "يوم الأربعاء", "2026-05-17")]);
    assert_eq!(tl.events.iter().filter(|e| e.label.contains("غرق")).count(), 2);
    assert!(tl.conflicts.is_empty());
}

/// The papers of two successive days each telling a sinking «the day before» in one wording tell
/// two sinkings (a follow-up), not one dated on two days.
#[test]
fn no_disagreement_merge_for_follow_ups_of_successive_days() {
    let text = |day: &str| format!("غرق قارب مهاجرين قبالة سواحل صفاقس {day}.");
    let a = doc("a", &text("يوم الأحد"), (2026, 5, 18), PARIS, 2, vec![tx("يوم الأحد", "2026-05-17", AnchorKind::Dct)]);
    let b = doc("b", &text("يوم الاثنين"), (2026, 5, 19), PARIS, 2, vec![tx("يوم الاثنين", "2026-05-18", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    assert_eq!(tl.events.iter().filter(|e| e.label.contains("غرق")).count(), 2);
    assert!(tl.conflicts.is_empty(), "{:#?}", tl.conflicts);
}

/// A sentence that names a sequel («مجددا») or another place at one place of the wording
/// («سواحل صفاقس» / «سواحل المهدية») tells another sinking.
#[test]
fn no_disagreement_merge_for_a_sequel_or_another_place() {
    let sinking = |id: &str, text: &str, day: &'static str, value: &'static str| doc(id, text, (2026, 5, 18), PARIS, 2, vec![tx(day, value, AnchorKind::Dct)]);
    for other in ["غرق قارب مهاجرين قبالة سواحل صفاقس مجددا يوم السبت.", "غرق قارب مهاجرين قبالة سواحل المهدية يوم السبت."] {
        let a = sinking("a", "غرق قارب مهاجرين قبالة سواحل صفاقس يوم الأحد.", "يوم الأحد", "2026-05-17");
        let b = sinking("b", other, "يوم السبت", "2026-05-16");
        let (_, tl) = run(&[a, b]);
        assert_eq!(tl.events.iter().filter(|e| e.label.contains("غرق")).count(), 2, "{other}");
        assert!(tl.conflicts.is_empty(), "{other}: {:#?}", tl.conflicts);
    }
    // the same wording, one date apart: one sinking, reported
    let a = sinking("a", "غرق قارب مهاجرين قبالة سواحل صفاقس يوم الأحد.", "يوم الأحد", "2026-05-17");
    let b = sinking("b", "غرق قارب مهاجرين قبالة سواحل صفاقس يوم السبت.", "يوم السبت", "2026-05-16");
    let (_, tl) = run(&[a, b]);
    assert_eq!(tl.events.iter().filter(|e| e.label.contains("غرق")).count(), 1);
    assert!(tl.conflicts.iter().any(|k| k.kind == "cross_doc_disagreement"));
}

#[test]
fn duration_disagreement_between_documents() {
    let mk = |id: &str, hours: i64, phrase: &'static str| {
        let text = format!("نشرت الوثائق المسربة قبل {phrase} من التصويت.");
        let text: &'static str = Box::leak(text.into_boxed_str());
        doc(id, text, (2020, 3, 14), PARIS, 1, vec![off(phrase, "PT", OffsetDirection::Before, hours * 3600, "التصويت")])
    };
    let (_, tl) = run(&[mk("a", 24, "24 ساعة"), mk("b", 24, "24 ساعة"), mk("c", 48, "48 ساعة")]);
    let k = tl.conflicts.iter().find(|c| c.kind == "cross_doc_disagreement").expect("reported");
    assert_eq!(k.evidence[0].0.as_ref(), "c");
    assert!(k.resolution.contains("48h dropped"), "{}", k.resolution);
}

#[test]
fn anchor_conflicts_are_reported() {
    let d = doc(
        "d",
        "نشرت استطلاعات الرأي الجمعة 4 مارس 2020.",
        (2020, 3, 7),
        PARIS,
        1,
        vec![tx("الجمعة 4 مارس 2020", "2020-03-04", AnchorKind::Explicit)],
    );
    let d = with_conflict(d, "الجمعة 4 مارس 2020", "weekday_date_mismatch");
    let (_, tl) = run(&[d]);
    let k = &tl.conflicts[0];
    assert_eq!((k.id.as_str(), k.kind.as_str()), ("K01", "weekday_date_mismatch"));
    assert_eq!(event(&tl, "poll_publication", "").status, "conflict");
}

#[test]
fn independent_of_input_order() {
    let docs = quake_story();
    let lex = EventLexicon::embedded().unwrap();
    let evs: Vec<DocEvents> = docs.iter().map(|d| extract(d, &lex)).collect();
    let fwd: Vec<(&AnchoredDocument, &DocEvents)> = docs.iter().zip(evs.iter()).collect();
    let mut rev = fwd.clone();
    rev.reverse();
    let mut mid = fwd.clone();
    mid.rotate_left(1);
    let t1 = reconcile(&fwd);
    assert_eq!(t1, reconcile(&rev));
    assert_eq!(t1, reconcile(&mid));
    assert!(!t1.events.is_empty());
}

// ------------------------------------------------------------------------------------------
// A second story, written for these tests: an earthquake in northern Morocco (Africa/Casablanca,
// UTC+1 in November 2021), three short articles in tests/data.

const CASA: &str = "Africa/Casablanca";

fn quake_story() -> Vec<AnchoredDocument> {
    let q1 = doc(
        "q1",
        include_str!("data/quake_q1.txt"),
        (2021, 11, 16),
        CASA,
        1,
        vec![
            tx("فجر الثلاثاء 16 نوفمبر 2021", "2021-11-16TMO", AnchorKind::Explicit),
            tx("صباح اليوم", "2021-11-16TMO", AnchorKind::Dct),
            off("ساعتين", "PT2H", OffsetDirection::After, 2 * 3600, "الزلزال"),
        ],
    );
    let q2 = doc(
        "q2",
        include_str!("data/quake_q2.txt"),
        (2021, 11, 17),
        CASA,
        1,
        vec![
            Tx { value: "2021-11-17", ..off("غداة", "", OffsetDirection::After, 86_400, "الزلزال") },
            tx("فجر الثلاثاء", "2021-11-16TMO", AnchorKind::Dct),
            tx("ثلاثة أيام", "P3D", AnchorKind::Explicit),
            tx("مساء الأربعاء", "2021-11-17TEV", AnchorKind::Dct),
            off("يوم واحد", "P1D", OffsetDirection::Before, 86_400, "افتتاح"),
        ],
    );
    let q3 = doc(
        "q3",
        include_str!("data/quake_q3.txt"),
        (2021, 11, 17),
        CASA,
        1,
        vec![tx("فجر الاثنين", "2021-11-15TMO", AnchorKind::Dct)],
    );
    vec![q1, q2, q3]
}

#[test]
fn second_story_earthquake_timeline() {
    let (_, tl) = run(&quake_story());
    let quake = event(&tl, "earthquake", "زلزال");
    assert_eq!(quake.docs, vec!["q1", "q2", "q3"], "{:#?}", tl.events);
    assert_eq!(quake.earliest_start, Some(at(1, 2021, 11, 16, 0, 0)));
    assert_eq!(quake.latest_end, Some(at(1, 2021, 11, 16, 12, 0)));
    // q3 says Monday: reported, the two other articles win
    let k = tl.conflicts.iter().find(|c| c.kind == "cross_doc_disagreement").expect("Monday vs Tuesday");
    assert_eq!(k.evidence[0].0.as_ref(), "q3");
    assert_eq!(k.evidence[0].3.as_ref(), "فجر الاثنين");

    // the aftershock two hours after the quake
    let after = event(&tl, "aftershock", "هزة ارتدادية");
    assert_eq!(after.earliest_start, Some(at(1, 2021, 11, 16, 2, 0)));
    assert_eq!(after.latest_start, Some(at(1, 2021, 11, 16, 14, 0)));

    // the head of government's visit on the day after (غداة)
    let visit = event(&tl, "visit", "زار");
    assert_eq!(visit.earliest_start, Some(at(1, 2021, 11, 17, 0, 0)));
    assert_eq!(visit.latest_start, Some(at(1, 2021, 11, 17, 12, 0)));
    assert!(tl.relations.iter().any(|r| r.source_event == visit.id && r.relation == "AFTER" && r.target_event == quake.id));

    // the festival opening (a cultural event of the lexicon), dated by its offset: one day after the quake
    let fest = event(&tl, "cultural_event", "افتتاح");
    assert_eq!(fest.earliest_start, Some(at(1, 2021, 11, 17, 0, 0)));
    assert_eq!(fest.granularity, "vague");

    // rescue work on Wednesday evening
    let rescue = event(&tl, "rescue", "");
    assert!(rescue.earliest_start.is_some());

    // ids are stable and time-ordered: the quake comes before the visit
    assert!(quake.id < visit.id);
    // every mention is mapped to an event
    assert_eq!(tl.mention_events.len(), tl.events.iter().map(|e| e.mentions.len()).sum::<usize>());
}

#[test]
fn same_day_votes_merge_undated_mentions_join_the_main_event_and_ordinals_stay_apart() {
    // "الاقتراع" and "الانتخابات" on one Sunday are one vote (merge = "by_time"); an undated
    // "التصويت" in a third article is that vote (the one most documents cite); the first round,
    // dated weeks earlier and called "الأولى", stays apart.
    let a = doc(
        "a",
        "يتوجه الناخبون إلى الاقتراع الأحد 7 مايو 2017.\nوفاز المرشح في الجولة الأولى 23 أبريل 2017.",
        (2017, 5, 6),
        PARIS,
        2,
        vec![tx("الأحد 7 مايو 2017", "2017-05-07", AnchorKind::Explicit), tx("23 أبريل 2017", "2017-04-23", AnchorKind::Explicit)],
    );
    let b = doc("b", "تجرى الانتخابات الرئاسية الأحد.", (2017, 5, 6), PARIS, 2, vec![tx("الأحد", "2017-05-07", AnchorKind::Dct)]);
    let c = doc("c", "يخشى المراقبون التأثير على التصويت.", (2017, 5, 6), PARIS, 2, vec![]);
    let (_, tl) = run(&[a, b, c]);
    let rounds: Vec<_> = tl.events.iter().filter(|e| e.event_type == "election_round").collect();
    assert_eq!(rounds.len(), 2, "{:#?}", rounds);
    let second = rounds.iter().find(|e| e.docs.len() == 3).expect("one vote cited by a, b and c");
    assert_eq!(second.earliest_start, Some(at(2, 2017, 5, 7, 0, 0)));
    let first = rounds.iter().find(|e| e.label.contains("الأولى")).unwrap();
    assert_eq!(first.docs, vec!["a"]);
}

#[test]
fn one_article_dating_a_feast_on_two_days_keeps_two_events() {
    // Most countries keep the feast on Friday, two others on Saturday: the article that says both
    // tells two events, so another article's Friday feast joins only the Friday one, a third
    // article's Saturday feast only the Saturday one, and no disagreement between the articles is
    // reported. (Two articles that each date the one vote on a different day still make one
    // event with a disagreement: cross_document_date_disagreement.)
    let a = doc(
        "a",
        "أعلنت معظم الدول أن الجمعة أول أيام عيد الفطر، في حين يكون أول أيام العيد في دولتين السبت.",
        (2023, 4, 20),
        "Asia/Riyadh",
        3,
        vec![tx("الجمعة", "2023-04-21", AnchorKind::Dct), tx("السبت", "2023-04-22", AnchorKind::Dct)],
    );
    let b = doc("b", "تحتفل المملكة غدا الجمعة بأول أيام عيد الفطر.", (2023, 4, 20), "Asia/Riyadh", 3, vec![tx("غدا الجمعة", "2023-04-21", AnchorKind::Dct)]);
    let c = doc("c", "يحل أول أيام عيد الفطر في الدولتين يوم السبت.", (2023, 4, 20), "Asia/Riyadh", 3, vec![tx("يوم السبت", "2023-04-22", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b, c]);
    let feasts: Vec<_> = tl.events.iter().filter(|e| e.event_type == "feast").collect();
    assert_eq!(feasts.len(), 2, "{feasts:#?}");
    let friday = feasts.iter().find(|e| e.earliest_start == Some(at(3, 2023, 4, 21, 0, 0))).expect("the Friday feast");
    let saturday = feasts.iter().find(|e| e.earliest_start == Some(at(3, 2023, 4, 22, 0, 0))).expect("the Saturday feast");
    assert_eq!(friday.docs, vec!["a", "b"]);
    assert_eq!(saturday.docs, vec!["a", "c"]);
    assert!(tl.conflicts.iter().all(|k| k.kind != "cross_doc_disagreement"), "{:#?}", tl.conflicts);
}

#[test]
fn an_undated_extension_of_a_measure_joins_the_measure_its_article_dates() {
    // «مددت … نظام العمل عن بعد»: the extension acts on the remote work (one event with it, by the
    // text), so the undated pair names the remote work the same article dates on Tuesday, not an
    // event of its own kind.
    let a = doc(
        "a",
        "مددت الدولة نظام الدراسة والعمل عن بعد للجهات الحكومية بسبب الأمطار.\nوكان مجلس الوزراء أعلن العمل عن بعد اليوم الثلاثاء لجميع موظفي الحكومة.",
        (2024, 4, 16),
        "Asia/Dubai",
        4,
        vec![tx("اليوم الثلاثاء", "2024-04-16", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[a]);
    let rows: Vec<_> = tl.events.iter().filter(|e| ["remote_work", "extension", "announcement"].contains(&e.event_type.as_str())).collect();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].event_type, "remote_work");
    assert_eq!(rows[0].mentions.len(), 4, "{rows:#?}");
    assert_eq!(rows[0].earliest_start, Some(at(4, 2024, 4, 16, 0, 0)));
}

#[test]
fn a_hack_and_its_leak_on_one_evening_are_one_event() {
    // types of one merge group (cyberattack, leak) on the same evening sharing a word
    let a = doc("a", "تعرضت الحملة لعملية قرصنة واسعة لوثائق داخلية مساء الجمعة.", (2017, 5, 6), PARIS, 2, vec![tx("مساء الجمعة", "2017-05-05TEV", AnchorKind::Dct)]);
    let b = doc("b", "جاء تسريب الوثائق الداخلية للحملة مساء الجمعة.", (2017, 5, 6), PARIS, 2, vec![tx("مساء الجمعة", "2017-05-05TEV", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    let merged: Vec<_> = tl.events.iter().filter(|e| e.docs.len() == 2).collect();
    assert_eq!(merged.len(), 1, "{:#?}", tl.events);
    assert!(["cyberattack", "leak"].contains(&merged[0].event_type.as_str()));
}

#[test]
fn durations_bound_events_and_disagreeing_durations_are_reported() {
    let a = doc("a", "أعلنت الرئاسة الحداد الوطني ثلاثة أيام اعتبارا من الخميس.", (2024, 4, 25), PARIS, 2, vec![tx("ثلاثة أيام", "P3D", AnchorKind::Explicit), tx("الخميس", "2024-04-25", AnchorKind::Dct)]);
    let b = doc("b", "عاشت البلاد حدادا وطنيا ثلاثة أيام.", (2024, 4, 28), PARIS, 2, vec![tx("ثلاثة أيام", "P3D", AnchorKind::Explicit)]);
    let c = doc("c", "عاشت البلاد حدادا وطنيا أربعة أيام.", (2024, 4, 30), PARIS, 2, vec![tx("أربعة أيام", "P4D", AnchorKind::Explicit)]);
    let (evs, tl) = run(&[a, b, c]);
    assert!(evs.iter().all(|e| e.mentions.iter().any(|m| m.event_type == "mourning" && m.duration.is_some())), "{evs:#?}");
    let mourning = event(&tl, "mourning", "");
    assert_eq!(mourning.docs, vec!["a", "b", "c"]);
    // three calendar days from Thursday (Thursday, Friday, Saturday): it starts when Thursday
    // starts and ends when Sunday starts
    assert_eq!(mourning.earliest_start, Some(at(2, 2024, 4, 25, 0, 0)));
    assert_eq!(mourning.latest_start, Some(at(2, 2024, 4, 25, 0, 0)));
    assert_eq!(mourning.earliest_end, Some(at(2, 2024, 4, 28, 0, 0)));
    assert_eq!(mourning.latest_end, Some(at(2, 2024, 4, 28, 0, 0)));
    let k = tl.conflicts.iter().find(|k| k.kind == "cross_doc_disagreement").expect("3 vs 4 days");
    assert_eq!(k.evidence[0].3.as_ref(), "أربعة أيام");
}

#[test]
fn statements_on_different_days_stay_apart_even_through_undated_ones() {
    // Friday's and Sunday's statements of one minister, and an undated one that shares their
    // words: the undated one may join either, but it must not chain the two days into one event.
    let friday = doc("a", "قال وزير الداخلية الجمعة إن التحقيق في الهجوم مستمر.", (2020, 3, 13), PARIS, 1, vec![tx("الجمعة", "2020-03-13", AnchorKind::Dct)]);
    let undated = doc("b", "قال وزير الداخلية إن التحقيق في الهجوم مستمر.", (2020, 3, 14), PARIS, 1, vec![]);
    let sunday = doc("c", "قال وزير الداخلية الأحد إن التحقيق في الهجوم مستمر.", (2020, 3, 15), PARIS, 1, vec![tx("الأحد", "2020-03-15", AnchorKind::Dct)]);
    let (_, tl) = run(&[friday, undated, sunday]);
    let statements: Vec<_> = tl.events.iter().filter(|e| e.event_type == "statement").collect();
    for s in &statements {
        assert!(!(s.docs.contains(&"a".to_string()) && s.docs.contains(&"c".to_string())), "{statements:#?}");
    }
    assert!(statements.iter().any(|s| s.docs.contains(&"a".to_string()) && s.earliest_start == Some(at(1, 2020, 3, 13, 0, 0))));
    assert!(statements.iter().any(|s| s.docs.contains(&"c".to_string()) && s.earliest_start == Some(at(1, 2020, 3, 15, 0, 0))));
}

#[test]
fn a_vote_ends_when_its_polls_close_that_day() {
    // The lexicon says an election round ends with the closing of the polls: the vote dated
    // Sunday ends at the closing time another article gives, not anywhere on Sunday.
    let vote = doc("a", "تجرى الجولة الثانية من الانتخابات الأحد.", (2020, 3, 13), PARIS, 1, vec![tx("الأحد", "2020-03-15", AnchorKind::Dct)]);
    let close = doc(
        "b",
        "تعلن النتائج بعد إغلاق مراكز الاقتراع مساء الأحد.",
        (2020, 3, 14),
        PARIS,
        1,
        vec![tx("مساء الأحد", "2020-03-15TEV", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[vote, close]);
    let round = event(&tl, "election_round", "الجولة الثانية");
    assert_eq!(round.earliest_end, Some(at(1, 2020, 3, 15, 18, 0)), "{:#?}", tl.events);
    assert_eq!(round.latest_end, Some(at(1, 2020, 3, 16, 0, 0)));
    assert_eq!(round.earliest_start, Some(at(1, 2020, 3, 15, 0, 0)));
    // Without the closing time the vote may end anywhere that day.
    let vote = doc("a", "تجرى الجولة الثانية من الانتخابات الأحد.", (2020, 3, 13), PARIS, 1, vec![tx("الأحد", "2020-03-15", AnchorKind::Dct)]);
    let (_, tl) = run(&[vote]);
    let round = event(&tl, "election_round", "الجولة الثانية");
    assert_eq!(round.earliest_end, Some(at(1, 2020, 3, 15, 0, 0)));
}

#[test]
fn an_event_set_before_another_of_its_kind_stays_apart_from_it() {
    // "Voters abroad vote on Saturday, a day before the vote at home": two votes, though a vote
    // is a by-time type and another article (wrongly) puts the main vote on Saturday too.
    let a = doc(
        "a",
        "يدلي الناخبون في الخارج بأصواتهم السبت، قبل يوم من التصويت في البلاد.",
        (2020, 3, 13),
        PARIS,
        1,
        vec![tx("السبت", "2020-03-14", AnchorKind::Dct), off("يوم", "P1D", OffsetDirection::Before, 86_400, "التصويت")],
    );
    let sunday = |id: &str| doc(id, "تجرى الجولة الثانية من الانتخابات الأحد.", (2020, 3, 13), PARIS, 1, vec![tx("الأحد", "2020-03-15", AnchorKind::Dct)]);
    let saturday = doc("d", "تجرى الجولة الثانية السبت.", (2020, 3, 13), PARIS, 1, vec![tx("السبت", "2020-03-14", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, sunday("b"), sunday("c"), saturday]);
    let abroad = event(&tl, "election_round", "يدلي الناخبون");
    assert_eq!(abroad.docs, vec!["a"], "{:#?}", tl.events);
    assert_eq!(abroad.earliest_start, Some(at(1, 2020, 3, 14, 0, 0)));
    assert_eq!(abroad.latest_end, Some(at(1, 2020, 3, 15, 0, 0)));
    let round = event(&tl, "election_round", "الجولة الثانية");
    assert!(round.docs.contains(&"a".to_string()), "«التصويت» of a is the main vote: {:#?}", tl.events);
    assert_eq!(round.earliest_start, Some(at(1, 2020, 3, 15, 0, 0)));
    assert_eq!(round.status, "conflict", "d's Saturday is still a disagreement");
}

#[test]
fn an_event_in_another_country_is_dated_on_its_clock() {
    // A Paris story about an American election: 8 November is a New York day.
    let a = doc(
        "a",
        "تدخلت روسيا في الانتخابات الرئاسية الأمريكية في 8 نوفمبر 2016.",
        (2017, 5, 6),
        PARIS,
        2,
        vec![tx("8 نوفمبر 2016", "2016-11-08", AnchorKind::Explicit)],
    );
    let (_, tl) = run(&[a]);
    let us = event(&tl, "election_round", "الانتخابات الرئاسية");
    let ny = FixedOffset::west_opt(5 * 3600).unwrap();
    assert_eq!(us.earliest_start, Some(ny.with_ymd_and_hms(2016, 11, 8, 0, 0, 0).unwrap()), "{us:#?}");
    assert_eq!(us.latest_end, Some(ny.with_ymd_and_hms(2016, 11, 9, 0, 0, 0).unwrap()));
    assert_eq!(us.earliest_start.unwrap().offset().local_minus_utc(), -5 * 3600, "written in New York time");
}

#[test]
fn the_middle_of_a_month_is_its_middle_ten_days() {
    let mut a = doc("a", "تسلم المتضررون الشاليهات منتصف مايو 2024.", (2024, 4, 30), "Africa/Algiers", 1, vec![tx("منتصف مايو 2024", "2024-05", AnchorKind::Explicit)]);
    let algiers = FixedOffset::east_opt(3600).unwrap();
    a.timexes[0].modifier = Some("MID".into());
    a.timexes[0].interval = Some(Interval {
        start: algiers.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap(),
        end: algiers.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).unwrap(),
    });
    let (_, tl) = run(&[a]);
    let handover = tl.events.iter().find(|e| e.earliest_start.is_some()).expect("a dated event");
    assert_eq!(handover.earliest_start, Some(algiers.with_ymd_and_hms(2024, 5, 11, 0, 0, 0).unwrap()), "{:#?}", tl.events);
    assert_eq!(handover.latest_end, Some(algiers.with_ymd_and_hms(2024, 5, 21, 0, 0, 0).unwrap()));
}

#[test]
fn an_event_right_before_a_dated_one_shares_its_day() {
    // "He said on Saturday, right after visiting the museum": the visit was on Saturday.
    let a = doc("a", "قال الرئيس السبت، إثر زيارة لمتحف في العاصمة، إن التحقيق سيستمر.", (2020, 3, 15), PARIS, 1, vec![tx("السبت", "2020-03-14", AnchorKind::Dct)]);
    let (_, tl) = run(&[a]);
    let visit = event(&tl, "visit", "زيارة");
    assert_eq!(visit.earliest_start, Some(at(1, 2020, 3, 14, 0, 0)), "{:#?}", tl.events);
    assert_eq!(visit.latest_end, Some(at(1, 2020, 3, 15, 0, 0)));
}

#[test]
fn an_instant_at_midnight_is_one_with_the_day_it_ends() {
    // "The campaign ends on Friday" and "the campaign ended at midnight": one end of campaign.
    let a = doc("a", "نشرت الاستطلاعات قبل انتهاء الحملة الجمعة.", (2020, 3, 13), PARIS, 1, vec![tx("الجمعة", "2020-03-13", AnchorKind::Dct)]);
    let b = doc("b", "قال المتحدث إن الحملة انتهت في منتصف الليل.", (2020, 3, 14), PARIS, 1, vec![tx("منتصف الليل", "2020-03-14T00:00", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    let ends: Vec<_> = tl.events.iter().filter(|e| e.event_type == "campaign_end").collect();
    assert_eq!(ends.len(), 1, "{ends:#?}");
    assert_eq!(ends[0].docs, vec!["a", "b"]);
}

#[test]
fn an_event_that_outlasts_its_date_was_going_on_then() {
    // "Rescue teams worked about eight hours … at four in the afternoon": no contradiction; the
    // work was going on at four.
    let a = doc(
        "a",
        "عملت فرق الإنقاذ ثماني ساعات متواصلة ثم الساعة الرابعة عصرا.",
        (2020, 3, 14),
        PARIS,
        1,
        vec![tx("الساعة الرابعة عصرا", "2020-03-14T16:00", AnchorKind::Dct), tx("ثماني ساعات", "PT8H", AnchorKind::Explicit)],
    );
    let (evs, tl) = run(&[a]);
    assert!(evs[0].mentions.iter().any(|m| m.duration.is_some()), "{:#?}", evs[0].mentions);
    assert!(tl.conflicts.iter().all(|c| c.kind != "negative_cycle"), "{:#?}", tl.conflicts);
    let rescue = tl.events.iter().find(|e| e.event_type == "rescue" && e.latest_start.is_some()).expect("a dated rescue");
    assert_eq!(rescue.latest_start, Some(at(1, 2020, 3, 14, 16, 1)), "{rescue:#?}");
    assert_eq!(rescue.earliest_end, Some(at(1, 2020, 3, 14, 16, 0)));
}

// ---------------------------------------------------------------------------------------------
// Stories kept apart

fn in_story(mut d: AnchoredDocument, story: &str) -> AnchoredDocument {
    d.story = story.to_string();
    d
}

#[test]
fn stories_are_reconciled_apart_and_never_merge() {
    // one quake in each of two stories, on the same day, told in the same words: two events
    let a = in_story(doc("a", "ضرب زلزال قوي جنوب البلاد فجر الأحد.", (2020, 3, 1), PARIS, 1, vec![tx("فجر الأحد", "2020-03-01TMO", AnchorKind::Dct)]), "s2");
    let b = in_story(doc("b", "أسفر الزلزال الذي ضرب جنوب البلاد الأحد عن أضرار كبيرة.", (2020, 3, 2), PARIS, 1, vec![tx("الأحد", "2020-03-01", AnchorKind::Dct)]), "s1");
    let (_, apart) = run(&[a.clone(), b.clone()]);
    let quakes: Vec<_> = apart.events.iter().filter(|e| e.event_type == "earthquake").collect();
    assert_eq!(quakes.len(), 2, "{:#?}", apart.events);
    // stories in the order of their ids, ids running on across them
    assert_eq!((quakes[0].story.as_str(), quakes[0].docs.as_slice()), ("s1", &["b".to_string()][..]));
    assert_eq!((quakes[1].story.as_str(), quakes[1].docs.as_slice()), ("s2", &["a".to_string()][..]));
    let ids: Vec<&str> = apart.events.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<String> = (1..=ids.len()).map(|k| format!("E{k:03}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(apart.event_of("a", 0), Some(quakes[1].id.as_str()));
    // the same documents in one story: one event
    let (_, together) = run(&[in_story(a, "s"), in_story(b, "s")]);
    assert_eq!(together.events.iter().filter(|e| e.event_type == "earthquake").count(), 1);
    assert!(together.events.iter().all(|e| e.story == "s"));
}

#[test]
fn a_story_gives_the_same_timeline_alone_and_among_others() {
    let quake = |id: &str, story: &str| in_story(doc(id, "ضرب زلزال قوي جنوب البلاد فجر الأحد.", (2020, 3, 1), PARIS, 1, vec![tx("فجر الأحد", "2020-03-01TMO", AnchorKind::Dct)]), story);
    let vote = in_story(
        doc("v", "تجرى الجولة الثانية من الانتخابات يوم الأحد، بعد يوم من إعلان النتائج.", (2020, 3, 1), PARIS, 1, vec![tx("يوم الأحد", "2020-03-01", AnchorKind::Dct)]),
        "vote",
    );
    let (_, alone) = run(&[quake("q", "quake")]);
    let (_, mixed) = run(&[vote, quake("q", "quake")]);
    let strip = |tl: &Timeline| -> Vec<TimelineEvent> {
        tl.events.iter().filter(|e| e.story == "quake").cloned().collect()
    };
    assert_eq!(strip(&alone), strip(&mixed));
    assert!(mixed.relations.iter().all(|r| r.story == "vote" || r.story == "quake"));
    for r in &mixed.relations {
        let story_of = |id: &str| mixed.events.iter().find(|e| e.id == id).map(|e| e.story.clone());
        assert_eq!(story_of(&r.source_event), Some(r.story.clone()), "a relation stays inside its story");
        assert_eq!(story_of(&r.target_event), Some(r.story.clone()));
    }
}

#[test]
fn the_crescent_of_a_month_is_sought_on_its_eve_and_its_first_day_is_one_day() {
    // «هلال شهر شوال» names the month whose crescent is sought: the evening before its first day
    let mut d = doc("d", "أعلنت المحكمة ثبوت رؤية هلال شهر شوال. ويكون السبت غرة شهر ذي القعدة.", (2023, 4, 20), "Asia/Riyadh", 3, vec![tx("شهر شوال", "2023-04", AnchorKind::Explicit), tx("شهر ذي القعدة", "2023-05", AnchorKind::Explicit)]);
    // (the month stretches as the anchor stage gives them: Shawwal from 21 April, Dhu al-Qa'da from 21 May)
    let off = FixedOffset::east_opt(3 * 3600).unwrap();
    let month = |y, m, d1, m2, d2| Interval { start: off.with_ymd_and_hms(y, m, d1, 0, 0, 0).unwrap(), end: off.with_ymd_and_hms(y, m2, d2, 0, 0, 0).unwrap() };
    d.timexes[0].interval = Some(month(2023, 4, 21, 5, 21));
    d.timexes[1].interval = Some(month(2023, 5, 21, 6, 19));
    let (_, tl) = run(&[d]);
    let sighting = event(&tl, "crescent_sighting", "رؤية هلال");
    assert_eq!(sighting.earliest_start, Some(off.with_ymd_and_hms(2023, 4, 20, 18, 0, 0).unwrap()));
    assert_eq!(sighting.latest_end, Some(off.with_ymd_and_hms(2023, 4, 21, 0, 0, 0).unwrap()));
    let first = event(&tl, "month_start", "غرة");
    assert_eq!(first.earliest_start, Some(off.with_ymd_and_hms(2023, 5, 21, 0, 0, 0).unwrap()));
    assert_eq!(first.latest_end, Some(off.with_ymd_and_hms(2023, 5, 22, 0, 0, 0).unwrap()));
}

#[test]
fn an_undated_mention_names_an_event_its_article_could_know() {
    // two quakes a fortnight apart; an article of the first days names one without a date: the
    // first (the later one had not happened), even though the later one is told at more length
    let first = doc("a", "ضرب زلزال مدمر المنطقة فجر الاثنين.", (2023, 2, 6), PARIS, 1, vec![tx("فجر الاثنين", "2023-02-06TMO", AnchorKind::Dct)]);
    let later = doc(
        "b",
        "ضرب زلزال جديد المنطقة مساء الاثنين. وأثار الزلزال الذعر. وخرج السكان بعد الزلزال إلى الشوارع.",
        (2023, 2, 20),
        PARIS,
        1,
        vec![tx("مساء الاثنين", "2023-02-20TEV", AnchorKind::Dct)],
    );
    let undated = doc("c", "تواصل فرق الدفاع المدني البحث عن ناجين بعد الزلزال المدمر.", (2023, 2, 7), PARIS, 1, vec![]);
    let (_, tl) = run(&[first, later, undated]);
    let quakes: Vec<_> = tl.events.iter().filter(|e| e.event_type == "earthquake").collect();
    let of_c = quakes.iter().find(|e| e.docs.contains(&"c".to_string())).expect("c's quake is placed");
    assert_eq!(of_c.docs.iter().map(|d| &**d).collect::<Vec<_>>(), vec!["a", "c"], "{quakes:#?}");
}

#[test]
fn events_that_name_no_place_keep_the_clock_of_the_place_the_story_happens() {
    // an outlet in Dubai (+04:00) on a storm in Libya (+02:00): the story names Libya most
    let text = "وصلت العاصفة إلى ليبيا. وأعلنت ليبيا الطوارئ في بنغازي ودرنة. وضربت العاصفة المدن الأحد.";
    let d = doc("d", text, (2023, 9, 11), "Asia/Dubai", 4, vec![tx("الأحد", "2023-09-10", AnchorKind::Dct)]);
    let (evs, tl) = run(&[d]);
    assert!(evs[0].places.iter().any(|(z, n)| z == "Africa/Tripoli" && *n >= 3), "{:?}", evs[0].places);
    // a storm is a state (it lasts days): it was under way on Sunday, on Libya's clock
    let storm = event(&tl, "storm", "العاصفة");
    let tripoli = FixedOffset::east_opt(2 * 3600).unwrap();
    assert_eq!(storm.latest_start, Some(tripoli.with_ymd_and_hms(2023, 9, 11, 0, 0, 0).unwrap()), "{storm:#?}");
    assert_eq!(storm.earliest_end, Some(tripoli.with_ymd_and_hms(2023, 9, 10, 0, 0, 0).unwrap()), "{storm:#?}");
}

#[test]
fn midnight_closing_a_day_agrees_with_that_day() {
    let a = doc("a", "انتهت الحملة الانتخابية في منتصف الليل.", (2017, 5, 6), PARIS, 2, vec![tx("منتصف الليل", "2017-05-06T00:00", AnchorKind::Dct)]);
    let b = doc("b", "وانتهت الحملة الانتخابية الجمعة.", (2017, 5, 6), PARIS, 2, vec![tx("الجمعة", "2017-05-05", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    let end = event(&tl, "campaign_end", "");
    assert!(tl.conflicts.is_empty(), "{:#?}", tl.conflicts);
    assert_eq!(end.earliest_start, Some(at(2, 2017, 5, 6, 0, 0)));
    assert_eq!(end.latest_end, Some(at(2, 2017, 5, 6, 0, 0)));
}

#[test]
fn an_undated_mention_does_not_name_an_event_one_other_article_dated_weeks_before() {
    // the first night's flight is told by one article; an article written a fortnight later tells,
    // without a date, people fleeing again: a new flight, not that night's
    let night = doc("a", "وهرع السكان إلى الشوارع فجر الاثنين.", (2023, 2, 6), PARIS, 1, vec![tx("فجر الاثنين", "2023-02-06TMO", AnchorKind::Dct)]);
    let later = doc("b", "وهرع السكان إلى الشوارع خوفا من الهزات.", (2023, 2, 20), PARIS, 1, vec![]);
    let (_, tl) = run(&[night.clone(), later.clone()]);
    let both = |tl: &Timeline, x: &str, y: &str| tl.events.iter().any(|e| e.docs.iter().any(|d| d == x) && e.docs.iter().any(|d| d == y));
    assert!(!both(&tl, "a", "b"), "{:#?}", tl.events);
    // written within the week, the same words name the same flight
    let soon = doc("b", "وهرع السكان إلى الشوارع خوفا من الهزات.", (2023, 2, 8), PARIS, 1, vec![]);
    let (_, tl) = run(&[night.clone(), soon]);
    assert!(both(&tl, "a", "b"), "{:#?}", tl.events);
    // told by two articles, the night is the story's own event: a later article may name it
    let again = doc("c", "هرع السكان إلى الشوارع فجر الاثنين.", (2023, 2, 7), PARIS, 1, vec![tx("فجر الاثنين", "2023-02-06TMO", AnchorKind::Dct)]);
    let (_, tl) = run(&[night, again, later]);
    assert!(both(&tl, "a", "b") && both(&tl, "a", "c"), "{:#?}", tl.events);
}

#[test]
fn a_precedent_an_article_recalls_does_not_take_the_story_s_undated_mentions() {
    // a story of this week's hack; one article recalls the hack of another campaign in 2016: the
    // bare «القرصنة» of the articles is this week's hack, not the precedent
    let recalls = doc(
        "a",
        "أعلن الفريق أن حملته تعرضت لقرصنة. وذكر الفريق بالقرصنة التي استهدفت حملة كلينتون في 2016. وأكد أن القرصنة لن تغير شيئا.",
        (2017, 5, 6),
        PARIS,
        2,
        vec![tx("2016", "2016", AnchorKind::Dct)],
    );
    let mut recalls = recalls;
    let paris = FixedOffset::east_opt(3600).unwrap();
    recalls.timexes[0].interval = Some(Interval { start: paris.with_ymd_and_hms(2016, 1, 1, 0, 0, 0).unwrap(), end: paris.with_ymd_and_hms(2017, 1, 1, 0, 0, 0).unwrap() });
    let other = doc("b", "تحقق الوكالة في القرصنة التي استهدفت الحملة.", (2017, 5, 6), PARIS, 2, vec![]);
    let (_, tl) = run(&[recalls, other]);
    let hacks: Vec<_> = tl.events.iter().filter(|e| e.event_type == "cyberattack").collect();
    let precedent = hacks.iter().find(|e| e.earliest_start.is_some_and(|t| t.year() == 2016)).unwrap_or_else(|| panic!("the 2016 hack is dated: {hacks:#?}"));
    assert_eq!((precedent.docs.clone(), precedent.mentions.len()), (vec!["a".to_string()], 1), "{hacks:#?}");
    let own = hacks.iter().find(|e| e.docs.contains(&"b".to_string())).expect("b's hack is an event");
    assert!(own.docs.contains(&"a".to_string()) && own.earliest_start.is_none_or(|t| t.year() == 2017), "{hacks:#?}");
    // an article that dates the event it is about a year back (an anniversary) still names it
    // without a date
    let anniversary = doc(
        "c",
        "يحيي السكان ذكرى الزلزال الذي ضرب المدينة في 6 فبراير 2023. وما زالت آثار الزلزال ظاهرة.",
        (2024, 2, 6),
        PARIS,
        1,
        vec![tx("6 فبراير 2023", "2023-02-06", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[anniversary]);
    let quakes: Vec<_> = tl.events.iter().filter(|e| e.event_type == "earthquake").collect();
    assert_eq!(quakes.len(), 1, "{quakes:#?}");
    assert_eq!(quakes[0].mentions.len(), 2, "{quakes:#?}");
}

#[test]
fn an_article_written_at_dawn_does_not_name_the_coming_night_s_events() {
    // an article published at 06:30 tells, undated, people rushing into the streets; an article
    // of the next day tells families spending the night outdoors: the dawn report cannot name an
    // unannounced event of the evening after it was written
    let mut dawn = doc("a", "ضرب زلزال المنطقة فجر اليوم. ودفع الذعر السكان إلى الخروج إلى الشوارع.", (2023, 2, 6), PARIS, 1, vec![tx("فجر اليوم", "2023-02-06TMO", AnchorKind::Dct)]);
    dawn.publication.time = chrono::NaiveTime::from_hms_opt(6, 30, 0);
    let next = doc("b", "وقضت مئات العائلات ليلتها في العراء.", (2023, 2, 7), PARIS, 1, vec![tx("ليلتها", "2023-02-06TNI", AnchorKind::Dct)]);
    let together = |tl: &Timeline| tl.events.iter().any(|e| e.docs.iter().any(|d| d == "a") && e.docs.iter().any(|d| d == "b"));
    let (_, tl) = run(&[dawn.clone(), next.clone()]);
    assert!(!together(&tl), "{:#?}", tl.events);
    // written late that night, the same report may tell the night
    let mut late = dawn;
    late.publication.time = chrono::NaiveTime::from_hms_opt(23, 30, 0);
    let (_, tl) = run(&[late, next]);
    assert!(together(&tl), "{:#?}", tl.events);
}

#[test]
fn a_measure_from_a_time_lasts_its_duration_and_one_until_a_time_ends_then() {
    // «بدءا من مساء السبت ولمدة 3 أيام»: it begins Saturday evening and ends three days later
    let a = doc("a", "أغلقت السلطات الموانئ بدءا من مساء السبت ولمدة 3 أيام.", (2020, 3, 7), PARIS, 1, vec![tx("مساء السبت", "2020-03-07TEV", AnchorKind::Dct), tx("3 أيام", "P3D", AnchorKind::Explicit)]);
    let (_, tl) = run(&[a]);
    let c = event(&tl, "closure", "");
    assert_eq!((c.earliest_start, c.latest_start), (Some(at(1, 2020, 3, 7, 18, 0)), Some(at(1, 2020, 3, 8, 0, 0))));
    assert_eq!((c.earliest_end, c.latest_end), (Some(at(1, 2020, 3, 10, 18, 0)), Some(at(1, 2020, 3, 11, 0, 0))));
    // «حتى مساء الإثنين»: the curfew ends on Monday evening
    let b = doc("b", "فرضت الحكومة حظر التجول حتى مساء الإثنين.", (2020, 3, 7), PARIS, 1, vec![tx("مساء الإثنين", "2020-03-09TEV", AnchorKind::Dct)]);
    let (_, tl) = run(&[b]);
    let k = event(&tl, "curfew", "");
    assert_eq!((k.earliest_end, k.latest_end), (Some(at(1, 2020, 3, 9, 18, 0)), Some(at(1, 2020, 3, 10, 0, 0))));
}

#[test]
fn an_event_told_as_done_ends_by_its_articles_publication_time() {
    // an article stamped 00:30 on Tuesday tells of an aftershock «ليل الإثنين الثلاثاء» (18:00 to
    // 06:00) as done: it was felt by 00:30
    let text = "أكدت الوكالة ليل الإثنين الثلاثاء رصد هزة أرضية ارتدادية شعر بها السكان.";
    let mut d = doc("d", text, (2023, 2, 7), "Asia/Damascus", 3, vec![tx("ليل الإثنين الثلاثاء", "2023-02-06TNI", AnchorKind::Dct)]);
    d.publication.time = chrono::NaiveTime::from_hms_opt(0, 30, 0);
    let (_, tl) = run(std::slice::from_ref(&d));
    let shock = event(&tl, "aftershock", "هزة");
    assert_eq!(shock.earliest_start, Some(at(3, 2023, 2, 6, 18, 0)));
    assert_eq!(shock.latest_end, Some(at(3, 2023, 2, 7, 0, 30)));
    // told as to come, the same night keeps its end
    let text = "ستبدأ فرق الإنقاذ ليل الإثنين الثلاثاء عملية إجلاء السكان.";
    let mut d = doc("d", text, (2023, 2, 7), "Asia/Damascus", 3, vec![tx("ليل الإثنين الثلاثاء", "2023-02-06TNI", AnchorKind::Dct)]);
    d.publication.time = chrono::NaiveTime::from_hms_opt(0, 30, 0);
    let (_, tl) = run(std::slice::from_ref(&d));
    // (an evacuation is a type of its own since the lexicon told it from a rescue)
    let evacuation = event(&tl, "evacuation", "إجلاء");
    assert_eq!(evacuation.latest_end, Some(at(3, 2023, 2, 7, 6, 0)));
}

#[test]
fn a_day_during_an_event_said_to_last_several_days_is_no_disagreement() {
    // A vote over three days, and articles of its second and third days: each tells a day it was
    // going on, not another date for it.
    let first = doc(
        "a",
        "انطلقت اليوم الانتخابات الرئاسية لمدة 3 أيام.",
        (2020, 3, 1),
        PARIS,
        1,
        vec![tx("اليوم", "2020-03-01", AnchorKind::Dct), tx("3 أيام", "P3D", AnchorKind::Explicit)],
    );
    let second = doc("b", "تتواصل اليوم الاثنين الانتخابات الرئاسية.", (2020, 3, 2), PARIS, 1, vec![tx("اليوم الاثنين", "2020-03-02", AnchorKind::Dct)]);
    let third = doc("c", "تتواصل اليوم الثلاثاء الانتخابات الرئاسية.", (2020, 3, 3), PARIS, 1, vec![tx("اليوم الثلاثاء", "2020-03-03", AnchorKind::Dct)]);
    let (evs, tl) = run(&[first, second, third]);
    assert!(evs[0].mentions.iter().any(|m| m.duration.is_some()), "{:#?}", evs[0].mentions);
    assert!(tl.conflicts.iter().all(|c| c.kind != "cross_doc_disagreement"), "{:#?}", tl.conflicts);
    let vote = event(&tl, "election_round", "الانتخابات");
    assert_eq!(vote.docs, vec!["a", "b", "c"]);
    // it had begun by Sunday's end and was still going on on Tuesday
    assert!(vote.latest_start.is_some_and(|s| s <= at(1, 2020, 3, 2, 0, 0)), "{vote:#?}");
    assert!(vote.earliest_end.is_some_and(|e| e >= at(1, 2020, 3, 3, 0, 0)), "{vote:#?}");
}

#[test]
fn a_statement_of_an_evening_dated_the_next_day_by_another_outlet_is_one_statement() {
    // Friday evening's statement is «اليوم السبت» in Saturday's paper: one statement, dated on the
    // evening it was made, with the disagreement reported.
    let friday = doc(
        "a",
        "أعلن فريق الحملة، مساء الجمعة، تعرضه لعملية قرصنة واسعة.",
        (2020, 3, 6),
        PARIS,
        1,
        vec![tx("مساء الجمعة", "2020-03-06TEV", AnchorKind::Dct)],
    );
    let saturday = doc(
        "b",
        "أعلن فريق الحملة، اليوم السبت، تعرضه لعملية قرصنة واسعة.",
        (2020, 3, 7),
        PARIS,
        1,
        vec![tx("اليوم السبت", "2020-03-07", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[friday, saturday]);
    let said: Vec<_> = tl.events.iter().filter(|e| e.label.contains("أعلن")).collect();
    assert_eq!(said.len(), 1, "{:#?}", tl.events.iter().map(|e| (&e.label, &e.docs)).collect::<Vec<_>>());
    assert_eq!(said[0].docs, vec!["a", "b"]);
    assert_eq!(said[0].earliest_start, Some(at(1, 2020, 3, 6, 18, 0)), "{:#?}", said[0]);
    assert!(tl.conflicts.iter().any(|c| c.kind == "cross_doc_disagreement" && c.evidence.iter().any(|e| &*e.3 == "اليوم السبت")), "{:#?}", tl.conflicts);
}

#[test]
fn a_date_whose_weekday_contradicts_it_lies_on_one_of_the_two_days() {
    // 5 March 2020 is a Thursday: «الجمعة 5 مارس» is the 5th or Friday the 6th; another article
    // dates the same polls on Friday, and the two are one publication, dated Friday
    let a = doc("a", "وأشارت آخر الاستطلاعات التي نشرت الجمعة 5 مارس 2020 إلى تقدم المرشح.", (2020, 3, 7), PARIS, 1, vec![tx("الجمعة 5 مارس 2020", "2020-03-05", AnchorKind::Explicit)]);
    let a = with_conflict(a, "الجمعة 5 مارس 2020", "weekday_date_mismatch");
    let b = doc("b", "وتفيد استطلاعات الرأي الأخيرة الجمعة أن المرشح متقدم.", (2020, 3, 7), PARIS, 1, vec![tx("الجمعة", "2020-03-06", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    let polls: Vec<_> = tl.events.iter().filter(|e| e.event_type == "poll_publication").collect();
    assert_eq!(polls.len(), 1, "{:#?}", tl.events);
    assert_eq!(polls[0].earliest_start, Some(at(1, 2020, 3, 6, 0, 0)));
    assert_eq!(polls[0].latest_end, Some(at(1, 2020, 3, 7, 0, 0)));
    assert!(tl.conflicts.iter().any(|k| k.kind == "weekday_date_mismatch"), "{:#?}", tl.conflicts);
    // polls of two days an article dates without a contradiction stay two
    let c = doc("c", "وأشارت آخر الاستطلاعات التي نشرت الخميس 5 مارس 2020 إلى تقدم المرشح.", (2020, 3, 7), PARIS, 1, vec![tx("الخميس 5 مارس 2020", "2020-03-05", AnchorKind::Explicit)]);
    let b = doc("b", "وتفيد استطلاعات الرأي الأخيرة الجمعة أن المرشح متقدم.", (2020, 3, 7), PARIS, 1, vec![tx("الجمعة", "2020-03-06", AnchorKind::Dct)]);
    let (_, tl) = run(&[c, b]);
    assert_eq!(tl.events.iter().filter(|e| e.event_type == "poll_publication").count(), 2, "{:#?}", tl.events);
}

#[test]
fn a_commission_statement_and_its_ban_told_by_two_outlets_are_one_event() {
    // one outlet tells the statement at dawn and what it recommended, the other the ban
    let b = doc("b", "وفي بيان فجر السبت، أوصت اللجنة الوطنية لمراقبة الحملة وسائل الإعلام بعدم نشر الوثائق.", (2020, 3, 7), PARIS, 1, vec![tx("فجر السبت", "2020-03-07TMO", AnchorKind::Dct)]);
    let c = doc("c", "ومن جهتها حظرت لجنة الانتخابات يوم أمس على وسائل الإعلام نشر الوثائق.", (2020, 3, 8), PARIS, 1, vec![tx("يوم أمس", "2020-03-07", AnchorKind::Dct)]);
    let (_, tl) = run(&[b, c]);
    let rows: Vec<_> = tl.events.iter().filter(|e| matches!(e.event_type.as_str(), "media_warning" | "statement")).collect();
    assert_eq!(rows.len(), 1, "{:#?}", tl.events.iter().map(|e| (&e.id, &e.event_type, &e.label, &e.mentions)).collect::<Vec<_>>());
    assert_eq!(rows[0].docs, vec!["b", "c"]);
}

#[test]
fn two_truces_of_other_starts_and_lengths_stay_apart_through_an_undated_one() {
    // A truce of 24 hours from Wednesday evening, and one of 72 hours from Friday morning that
    // another outlet announces: two truces, though the undated «الهدنة» of the first article fits
    // either. (Dated apart alone could be a disagreement between outlets; with lengths that
    // cannot agree it is not.)
    let wednesday = doc(
        "a",
        "وافق الطرفان على هدنة لمدة 24 ساعة تبدأ مساء الأربعاء. وقال الوسطاء إن الهدنة تسمح بإجلاء الجرحى.",
        (2023, 4, 19),
        PARIS,
        2,
        vec![tx("24 ساعة", "PT24H", AnchorKind::Explicit), tx("مساء الأربعاء", "2023-04-19T18:00", AnchorKind::Dct)],
    );
    let friday = doc(
        "b",
        "أعلن الجيش هدنة مدتها 72 ساعة تبدأ صباح الجمعة لإجلاء الجرحى.",
        (2023, 4, 21),
        PARIS,
        2,
        vec![tx("72 ساعة", "PT72H", AnchorKind::Explicit), tx("صباح الجمعة", "2023-04-21T06:00", AnchorKind::Dct)],
    );
    let (evs, tl) = run(&[wednesday, friday]);
    assert!(evs.iter().all(|e| e.mentions.iter().any(|m| m.event_type == "agreement" && m.duration.is_some())), "{evs:#?}");
    let truces: Vec<_> = tl.events.iter().filter(|e| e.event_type == "agreement").collect();
    assert_eq!(truces.len(), 2, "{truces:#?}");
    assert!(truces.iter().any(|t| t.docs == vec!["a"] && t.mentions.len() == 2), "{truces:#?}");
    assert!(truces.iter().any(|t| t.docs == vec!["b"] && t.latest_end == Some(at(2, 2023, 4, 24, 6, 1))), "{truces:#?}");
    assert!(tl.conflicts.is_empty(), "{:#?}", tl.conflicts);
}

#[test]
fn a_precedent_recalled_by_its_names_is_the_precedent_another_article_dates() {
    // This week's hack of one campaign, and an article recalling, without a date, an earlier hack
    // by the candidate it struck; another article dates that earlier hack years before. The
    // recalled hack is that precedent, not this week's hack of the recalling article.
    let story = doc(
        "a",
        "أعلنت حملة المرشح سمير تعرضها لعملية قرصنة واسعة مساء الخميس.\nوأعاد ذلك إلى الأذهان القرصنة التي تعرضت لها حملة المرشحة نادية منصور.",
        (2024, 5, 10),
        PARIS,
        2,
        vec![tx("مساء الخميس", "2024-05-09TEV", AnchorKind::Dct)],
    );
    let dating = doc(
        "b",
        "وكانت القرصنة التي استهدفت حملة المرشحة نادية منصور قد وقعت في 3 مارس 2019.",
        (2024, 5, 11),
        PARIS,
        1,
        vec![tx("3 مارس 2019", "2019-03-03", AnchorKind::Explicit)],
    );
    let (evs, tl) = run(&[story, dating]);
    let recall = evs[0].mentions.iter().position(|m| m.event_type == "cyberattack" && m.time.is_none()).unwrap_or_else(|| panic!("{:#?}", evs[0].mentions));
    let precedent = tl.event_of("b", evs[1].mentions.iter().position(|m| m.event_type == "cyberattack").expect("b's hack")).expect("a row");
    assert_eq!(tl.event_of("a", recall), Some(precedent), "{:#?}", tl.events);
    let this_week = tl.events.iter().find(|e| e.event_type == "cyberattack" && e.id != precedent).expect("this week's hack");
    assert_eq!(this_week.docs, vec!["a"]);
    assert_eq!(this_week.mentions.len(), 1);
}

#[test]
fn an_undated_mention_names_the_event_another_article_dates_only_by_its_start() {
    // an ongoing search is dated by «منذ X» alone (when it began), and another article names it
    // bare: one search, not an unanchored row beside it
    let a = doc("a", "تواصل فرق الإنقاذ البحث عن المفقودين تحت الأنقاض منذ فجر الأحد.", (2023, 2, 6), PARIS, 1, vec![tx("فجر الأحد", "2023-02-05TMO", AnchorKind::Dct)]);
    let b = doc("b", "وتعمل فرق الإنقاذ في المدن المنكوبة.", (2023, 2, 6), PARIS, 1, vec![]);
    let (evs, tl) = run(&[a, b]);
    assert!(evs[0].mentions.iter().any(|m| m.event_type == "rescue" && m.since.is_some() && m.time.is_none()), "{:#?}", evs[0].mentions);
    let rescues: Vec<_> = tl.events.iter().filter(|e| e.event_type == "rescue").collect();
    assert_eq!(rescues.len(), 1, "{rescues:#?}");
    assert_eq!(rescues[0].docs, vec!["a", "b"], "{rescues:#?}");
}

#[test]
fn a_vote_one_article_dates_by_its_month_and_another_by_its_day_is_one_vote() {
    // a later article recalls the election by its month («التي أجريت في ديسمبر»), the outlets of
    // the polling days by the day: one election; a month-dated cyberattack of another kind of
    // event (not once a day) is no concern of the rule
    let a = doc("a", "توجه الناخبون إلى مراكز الاقتراع للمشاركة في الانتخابات الرئاسية يوم الأحد 10 ديسمبر 2023.", (2023, 12, 10), "Africa/Cairo", 2, vec![tx("يوم الأحد 10 ديسمبر 2023", "2023-12-10", AnchorKind::Explicit)]);
    let mut b = doc("b", "وأقبل الناخبون على الانتخابات التي أجريت في ديسمبر 2023.", (2024, 1, 2), "Africa/Cairo", 2, vec![tx("ديسمبر 2023", "2023-12", AnchorKind::Explicit)]);
    let cairo = FixedOffset::east_opt(2 * 3600).unwrap();
    b.timexes[0].interval = Some(Interval { start: cairo.with_ymd_and_hms(2023, 12, 1, 0, 0, 0).unwrap(), end: cairo.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap() });
    let (evs, tl) = run(&[a, b]);
    assert!(evs[1].mentions.iter().any(|m| m.event_type == "election_round" && m.time.is_some()), "{:#?}", evs[1].mentions);
    let rounds: Vec<_> = tl.events.iter().filter(|e| e.event_type == "election_round").collect();
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].docs, vec!["a", "b"], "{rounds:#?}");
    assert_eq!(rounds[0].latest_end, Some(cairo.with_ymd_and_hms(2023, 12, 11, 0, 0, 0).unwrap()), "{rounds:#?}");
}

#[test]
fn a_decision_a_later_article_dates_by_its_month_is_the_one_of_that_month() {
    // the day's article dates the float by its day; an article of the next month recalls it by
    // its month («في مارس الماضي») and by other words (a devaluation): one decision. With a second decision of the kind that month,
    // the month does not say which, and the recalled one stays on its own row.
    let cairo = FixedOffset::east_opt(2 * 3600).unwrap();
    let march = Interval { start: cairo.with_ymd_and_hms(2024, 3, 1, 0, 0, 0).unwrap(), end: cairo.with_ymd_and_hms(2024, 4, 1, 0, 0, 0).unwrap() };
    let day = doc("a", "قرر البنك المركزي اليوم الأربعاء تعويم الجنيه.", (2024, 3, 6), "Africa/Cairo", 2, vec![tx("اليوم الأربعاء", "2024-03-06", AnchorKind::Dct)]);
    let mut later = doc("b", "وكان البنك المركزي قد قام في مارس الماضي بتخفيض سعر صرف الجنيه.", (2024, 4, 16), "Africa/Cairo", 2, vec![tx("مارس الماضي", "2024-03", AnchorKind::Dct)]);
    later.timexes[0].interval = Some(march);
    let (evs, tl) = run(&[day.clone(), later.clone()]);
    let ty = "monetary_decision";
    assert!(evs[0].mentions.iter().any(|m| m.event_type == ty), "{:#?}", evs[0].mentions);
    assert!(evs[1].mentions.iter().any(|m| m.event_type == ty && m.time.is_some()), "{:#?}", evs[1].mentions);
    let rows: Vec<_> = tl.events.iter().filter(|e| e.event_type == ty).collect();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].docs, vec!["a", "b"], "{rows:#?}");
    assert_eq!(rows[0].latest_end, Some(cairo.with_ymd_and_hms(2024, 3, 7, 0, 0, 0).unwrap()), "{rows:#?}");
    // a second decision of the kind the same month: which one the month names is not said
    let second = doc("c", "قرر البنك المركزي اليوم الخميس رفع أسعار الفائدة.", (2024, 3, 28), "Africa/Cairo", 2, vec![tx("اليوم الخميس", "2024-03-28", AnchorKind::Dct)]);
    let (_, tl) = run(&[day, later, second]);
    let b_row = tl.events.iter().find(|e| e.docs.contains(&"b".to_string())).expect("b's decision");
    assert_eq!(b_row.docs, vec!["b"], "{:#?}", tl.events);
}

#[test]
fn two_prayers_of_one_day_an_article_names_apart_are_two_events() {
    // one article tells the funeral prayer at a mosque and, further on, the prayer for the absent
    // held elsewhere the same day: two rites (types of their own), two events; the funeral prayer
    // named again with its mosque is the same one
    let text = "أقيمت صلاة الميت على الراحل في مسجد النور اليوم الأحد. وحضر الوزراء المراسم. وأقام المصلون في المدن البعيدة صلاة الغائب اليوم الأحد. وكانت صلاة الميت في مسجد النور مهيبة.";
    let d = doc("a", text, (2023, 12, 17), "Asia/Kuwait", 3, vec![tx("اليوم الأحد", "2023-12-17", AnchorKind::Dct), nth(tx("اليوم الأحد", "2023-12-17", AnchorKind::Dct), 1)]);
    let (evs, tl) = run(&[d]);
    let prayer = |t: &str| t == "prayer" || t == "funeral_prayer";
    assert_eq!(evs[0].mentions.iter().filter(|m| prayer(&m.event_type)).count(), 3, "{:#?}", evs[0].mentions);
    let prayers: Vec<_> = tl.events.iter().filter(|e| prayer(&e.event_type)).collect();
    assert_eq!(prayers.len(), 2, "{prayers:#?}");
    assert!(prayers.iter().any(|e| e.mentions.len() == 2 && e.label.contains("الميت")), "{prayers:#?}");
    assert!(prayers.iter().any(|e| e.mentions.len() == 1 && e.label.contains("الغائب")), "{prayers:#?}");
}

#[test]
fn undated_mentions_of_articles_a_month_apart_do_not_chain_into_one_event() {
    // the day's articles tell the market's rise, one of them with its day; an article of the next
    // month tells, without a date, the dollar rising again: a word in common («مصر») with the
    // day's undated rise does not make the later rise the day's one
    let cairo = "Africa/Cairo";
    let dated = doc("a", "ارتفع المؤشر الرئيسي للبورصة المصرية اليوم الأربعاء.", (2024, 3, 6), cairo, 2, vec![tx("اليوم الأربعاء", "2024-03-06", AnchorKind::Dct)]);
    let day = doc("b", "وشهدت البورصة المصرية ارتفاعات قياسية وسط ترقب المستثمرين في مصر.", (2024, 3, 6), cairo, 2, vec![]);
    let later = doc("c", "وعاود الدولار ارتفاعه أمام الجنيه في مصر بنسبة كبيرة.", (2024, 4, 16), cairo, 2, vec![]);
    let (evs, tl) = run(&[dated, day, later]);
    assert!(evs.iter().all(|e| e.mentions.iter().any(|m| m.event_type == "market_move")), "{evs:#?}");
    let both = |x: &str, y: &str| tl.events.iter().any(|e| e.docs.iter().any(|d| d == x) && e.docs.iter().any(|d| d == y));
    assert!(both("a", "b"), "{:#?}", tl.events);
    assert!(!both("a", "c") && !both("b", "c"), "{:#?}", tl.events);
}

#[test]
fn an_indefinite_accusative_names_the_same_strike() {
    // «إضرابا مفتوحا» (accusative) and «إضراب مفتوح» of one day: one strike
    let a = doc("a", "بدأ المعلمون، الأحد، إضرابا مفتوحا عن العمل.", (2025, 2, 16), PARIS, 1, vec![tx("الأحد", "2025-02-16", AnchorKind::Dct)]);
    let b = doc("b", "دخل المعلمون في إضراب مفتوح عن العمل يوم الأحد.", (2025, 2, 17), PARIS, 1, vec![tx("يوم الأحد", "2025-02-16", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    let strikes: Vec<_> = tl.events.iter().filter(|e| e.event_type == "labour_strike").collect();
    assert_eq!(strikes.len(), 1, "{:#?}", tl.events);
    assert_eq!(strikes[0].docs, vec!["a", "b"]);
}

#[test]
fn an_undated_like_event_joins_no_dated_one() {
    // «اتفاقيات مماثلة» signed before is another agreement: it does not join today's
    let a = doc("a", "وقع البلدان، اليوم الخميس، اتفاقية للتعاون الاقتصادي.", (2025, 5, 22), PARIS, 1, vec![tx("اليوم الخميس", "2025-05-22", AnchorKind::Dct)]);
    let b = doc("b", "وصل الوزير إلى الجزائر. وكانت الحكومتان قد وقعتا في السابق اتفاقيات مماثلة.", (2025, 5, 21), PARIS, 1, vec![]);
    let (_, tl) = run(&[a.clone(), b]);
    assert_eq!(event(&tl, "agreement", "اتفاقية").docs, vec!["a"], "{:#?}", tl.events);
    // counter-case: an undated agreement not told as another one joins it
    let c = doc("c", "وصل الوزير إلى الجزائر. وستوقع الحكومتان اتفاقية للتعاون الاقتصادي.", (2025, 5, 21), PARIS, 1, vec![]);
    let (_, tl) = run(&[a, c]);
    assert_eq!(event(&tl, "agreement", "اتفاقية").docs, vec!["a", "c"], "{:#?}", tl.events);
}

#[test]
fn an_issued_ruling_is_named_by_the_ruling() {
    // «أصدرت المحكمة … حكما بالسجن»: the act of issuing joins the verdict; the row is a verdict
    let a = doc("a", "أصدرت محكمة جنايات القاهرة، اليوم الثلاثاء، حكما بالسجن على المتهم الأول.", (2025, 4, 15), PARIS, 1, vec![tx("اليوم الثلاثاء", "2025-04-15", AnchorKind::Dct)]);
    let (evs, tl) = run(&[a]);
    // (the act of issuing is on the verdict: a mention of its own that joins it, or — the date set
    // off by commas after the subject read through — one mention «أصدرت … حكما»)
    let issued_on_verdict = |m: &tarikh_events::EventMention| m.joins.is_some() || (m.event_type == "verdict" && m.trigger.starts_with("أصدرت"));
    assert!(evs[0].mentions.iter().any(issued_on_verdict), "{:?}", evs[0].mentions);
    assert_eq!(tl.events.len(), 1, "{:#?}", tl.events);
    assert_eq!(tl.events[0].event_type, "verdict");
}

#[test]
fn the_case_of_a_suspect_is_the_attack_told_before_not_the_raid() {
    // «قتل خلالها مشتبه به في الهجوم»: the attack of the first article, not the raid of the second
    let a = doc("a", "قتل خمسة جنود في هجوم مسلح استهدف نقطة تفتيش فجر الاثنين.", (2025, 3, 3), "Africa/Cairo", 2, vec![tx("فجر الاثنين", "2025-03-03TMO", AnchorKind::Dct)]);
    let b = doc(
        "b",
        "نفذت قوات الأمن مداهمة في بلدة قريبة صباح الأربعاء قتل خلالها مشتبه به في الهجوم على نقطة التفتيش.",
        (2025, 3, 5),
        "Africa/Cairo",
        2,
        vec![tx("صباح الأربعاء", "2025-03-05TMO", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[a, b]);
    let attack = event(&tl, "attack", "هجوم");
    assert!(attack.mentions.iter().any(|m| m.0 == "b"), "{:#?}", tl.events);
    let raid = event(&tl, "raid", "مداهمة");
    assert!(raid.mentions.iter().all(|m| m.0 == "b") && raid.mentions.len() == 1, "{:#?}", tl.events);
    // counter-case: with no suspect between, an undated «الهجوم» of the raid's article is its own
    // article's event of the kind
    let b = doc(
        "b",
        "نفذت قوات الأمن مداهمة في بلدة قريبة صباح الأربعاء. وقالت الشرطة إن الهجوم أسفر عن اعتقال ثلاثة.",
        (2025, 3, 5),
        "Africa/Cairo",
        2,
        vec![tx("صباح الأربعاء", "2025-03-05TMO", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[b]);
    let raid = event(&tl, "raid", "مداهمة");
    assert_eq!(raid.mentions.len(), 2, "{:#?}", tl.events);
}

#[test]
fn the_index_s_rise_is_not_the_dollar_s() {
    // two undated moves of one article, of two measures: no row of both
    let a = doc(
        "a",
        "وسجل مؤشرها الرئيسي ارتفاعا بنسبة 3 بالمئة بعد ساعتين من التداول. وقاد القرار إلى ارتفاع الدولار مقابل العملة المصرية.",
        (2024, 4, 15),
        "Africa/Cairo",
        2,
        vec![],
    );
    let (_, tl) = run(&[a]);
    assert!(tl.events.iter().all(|e| e.mentions.len() < 2), "{:#?}", tl.events);
    // counter-case: two undated moves of one measure in one article are one row
    let a = doc(
        "a",
        "وسجل الدولار ارتفاعا كبيرا مقابل العملة المصرية. وقاد القرار إلى ارتفاع الدولار مقابل العملة المصرية.",
        (2024, 4, 15),
        "Africa/Cairo",
        2,
        vec![],
    );
    let (_, tl) = run(&[a]);
    assert!(tl.events.iter().any(|e| e.event_type == "market_move" && e.mentions.len() == 2), "{:#?}", tl.events);
}

#[test]
fn the_case_of_a_suspect_is_no_raid_of_its_article() {
    // the attack told by the verb in the first article, no word shared: the raid of the second
    // article, of the attack's group, is still not «الهجوم» its suspect is pursued for
    let a = doc("a", "هاجم مسلحون كنيسة في القاهرة يوم الاثنين.", (2025, 3, 4), "Africa/Cairo", 2, vec![tx("يوم الاثنين", "2025-03-03", AnchorKind::Dct)]);
    let b = doc(
        "b",
        "داهمت الشرطة يوم الخميس منزلا في الجيزة، وقتل خلال المداهمة مشتبه به في الهجوم.",
        (2025, 3, 7),
        "Africa/Cairo",
        2,
        vec![tx("يوم الخميس", "2025-03-06", AnchorKind::Dct)],
    );
    let (_, tl) = run(&[a, b]);
    assert!(tl.events.iter().filter(|e| e.event_type == "raid").all(|e| e.mentions.len() <= 2), "{:#?}", tl.events);
}

#[test]
fn a_visit_dated_by_its_arrival_and_ended_in_another_article_ends_then() {
    // one article dates the visit by the arrival, another by its close: the arrival is a day it
    // was going on (its first), not its end, and nothing contradicts
    let cairo = "Africa/Cairo";
    let a = doc("a", "وصل وزير الخارجية الأردني إلى القاهرة صباح الاثنين في زيارة رسمية.", (2024, 5, 13), cairo, 3, vec![tx("صباح الاثنين", "2024-05-13TMO", AnchorKind::Dct)]);
    let closed = |when: &'static str, value: &'static str| doc("b", &format!("واختتم وزير الخارجية الأردني زيارته إلى القاهرة {when}."), (2024, 5, 16), cairo, 3, vec![tx(when, value, AnchorKind::Dct)]);
    let (evs, tl) = run(&[a.clone(), closed("مساء الأربعاء", "2024-05-15TEV")]);
    assert!(evs[1].mentions.iter().any(|m| m.event_type == "visit" && m.until.is_some() && m.time.is_none()), "{:#?}", evs[1].mentions);
    let visit = tl.events.iter().find(|e| e.event_type == "visit" && e.docs == ["a", "b"]).unwrap_or_else(|| panic!("{:#?}", tl.events));
    assert_eq!(visit.status, "consistent", "{:#?}", tl.conflicts);
    assert!(tl.conflicts.is_empty(), "{:#?}", tl.conflicts);
    assert_eq!((visit.earliest_start, visit.latest_start), (Some(at(3, 2024, 5, 13, 0, 0)), Some(at(3, 2024, 5, 13, 12, 0))));
    assert_eq!((visit.earliest_end, visit.latest_end), (Some(at(3, 2024, 5, 15, 18, 0)), Some(at(3, 2024, 5, 16, 0, 0))));
    // a close stated before the arrival is a contradiction, and reported
    let (_, tl) = run(&[a, closed("مساء السبت", "2024-05-11TEV")]);
    let visit = tl.events.iter().find(|e| e.event_type == "visit" && e.docs == ["a", "b"]).unwrap_or_else(|| panic!("{:#?}", tl.events));
    assert_eq!(visit.status, "conflict");
    assert!(tl.conflicts.iter().any(|c| c.kind == "negative_cycle" && c.events.contains(&visit.id)), "{:#?}", tl.conflicts);
}

#[test]
fn a_strike_going_on_since_a_day_and_dated_later_began_that_day() {
    // «منذ الأحد» is when the strike began; an article of a later day dates a day it was still
    // going on, not its start nor its end
    let tunis = "Africa/Tunis";
    let a = doc("a", "يواصل عمال الموانئ إضرابهم منذ الأحد للمطالبة بتحسين ظروف العمل.", (2024, 3, 12), tunis, 1, vec![tx("الأحد", "2024-03-10", AnchorKind::Dct)]);
    let later = |when: &'static str, value: &'static str, day: u32| doc("b", &format!("ونفذ عمال الموانئ إضرابهم {when} في الميناء التجاري."), (2024, 3, day), tunis, 1, vec![tx(when, value, AnchorKind::Dct)]);
    let (evs, tl) = run(&[a.clone(), later("يوم الأربعاء", "2024-03-13", 13)]);
    assert!(evs[0].mentions.iter().any(|m| m.event_type == "labour_strike" && m.since.is_some()), "{:#?}", evs[0].mentions);
    let strike = tl.events.iter().find(|e| e.event_type == "labour_strike" && e.docs == ["a", "b"]).unwrap_or_else(|| panic!("{:#?}", tl.events));
    assert!(tl.conflicts.is_empty(), "{:#?}", tl.conflicts);
    assert_eq!((strike.earliest_start, strike.latest_start), (Some(at(1, 2024, 3, 10, 0, 0)), Some(at(1, 2024, 3, 11, 0, 0))));
    assert_eq!((strike.earliest_end, strike.latest_end), (Some(at(1, 2024, 3, 13, 0, 0)), None));
    // a day before it began is a contradiction, and reported
    let (_, tl) = run(&[a, later("يوم الجمعة", "2024-03-08", 12)]);
    let strike = tl.events.iter().find(|e| e.event_type == "labour_strike" && e.docs == ["a", "b"]).unwrap_or_else(|| panic!("{:#?}", tl.events));
    assert!(tl.conflicts.iter().any(|c| c.kind == "negative_cycle" && c.events.contains(&strike.id)), "{:#?}", tl.conflicts);
}

#[test]
fn a_quake_said_to_have_struck_hours_ago_is_no_lasting_event() {
    // «منذ 30 ساعة» of a quake is how long ago it struck (a span says when an event began, not
    // that it lasts): another article's day of it still bounds its end
    let damascus = "Asia/Damascus";
    let a = doc("a", "وقع الزلزال المدمر في جنوب البلاد منذ 30 ساعة.", (2023, 2, 7), damascus, 3, vec![tx("30 ساعة", "PT30H", AnchorKind::Dct)]);
    let b = doc("b", "ضرب الزلزال المدمر جنوب البلاد فجر الاثنين.", (2023, 2, 6), damascus, 3, vec![tx("فجر الاثنين", "2023-02-06TMO", AnchorKind::Dct)]);
    let (evs, tl) = run(&[a, b]);
    assert!(evs[0].mentions.iter().any(|m| m.event_type == "earthquake" && m.since.is_some()), "{:#?}", evs[0].mentions);
    let quake = tl.events.iter().find(|e| e.event_type == "earthquake" && e.docs == ["a", "b"]).unwrap_or_else(|| panic!("{:#?}", tl.events));
    assert_eq!((quake.earliest_end, quake.latest_end), (Some(at(3, 2023, 2, 6, 0, 0)), Some(at(3, 2023, 2, 6, 12, 0))), "{quake:#?}");
}

#[test]
fn an_undated_decision_joins_another_articles_only_on_its_words() {
    // two decisions of two bodies on two things: the undated one is not the dated one
    let a = doc("a", "قررت اللجنة الوطنية للانتخابات، في اجتماعها اليوم الخميس، تأجيل الانتخابات البلدية.", (2023, 5, 18), PARIS, 1, vec![tx("اليوم الخميس", "2023-05-18", AnchorKind::Dct)]);
    let b = doc("b", "قررت الحكومة في اجتماعها الأسبوعي الذي يعقد كل خميس تمديد حالة الطوارئ.", (2023, 5, 18), PARIS, 1, vec![]);
    let (_, tl) = run(&[a.clone(), b]);
    let dated = event(&tl, "decision", "اللجنة");
    assert_eq!(dated.docs, vec!["a"], "{:#?}", tl.events);
    assert!(tl.event_of("b", 0).is_none_or(|id| id != dated.id), "{:#?}", tl.events);
    // must not change: an undated telling of the same decree, by the same man
    let a = doc("a", "أصدر الرئيس يوم الخميس مرسوما بحل البرلمان.", (2023, 5, 18), PARIS, 1, vec![tx("يوم الخميس", "2023-05-18", AnchorKind::Dct)]);
    let c = doc("c", "أصدر الرئيس مرسوما بحل البرلمان.", (2023, 5, 18), PARIS, 1, vec![]);
    let (_, tl) = run(&[a, c]);
    let dated = event(&tl, "decision", "مرسوما");
    assert_eq!(dated.docs, vec!["a", "c"], "{:#?}", tl.events);
}

#[test]
fn a_vote_put_off_is_not_another_articles_vote_held() {
    let a = doc("a", "أقر مجلس النواب يوم الاثنين قانون الموازنة العامة.", (2023, 5, 17), PARIS, 1, vec![tx("يوم الاثنين", "2023-05-15", AnchorKind::Dct)]);
    let b = doc("b", "أرجأ البرلمان التصويت على مشروع القانون.", (2023, 5, 17), PARIS, 1, vec![]);
    let (_, tl) = run(&[a, b]);
    let passed = event(&tl, "bill_passed", "أقر");
    assert_eq!(passed.docs, vec!["a"], "{:#?}", tl.events);
}

#[test]
fn an_answer_given_began_by_its_articles_publication() {
    // «وفتحت النيابة تحقيقا»: after the fire, and before the article of Tuesday was written
    let d = doc("d", "اندلع الحريق مساء الأحد في سوق المدينة، وفتحت النيابة تحقيقا في الحادث.", (2020, 3, 3), PARIS, 1, vec![tx("مساء الأحد", "2020-03-01TEV", AnchorKind::Dct)]);
    let (_, tl) = run(&[d]);
    let inquiry = event(&tl, "investigation", "تحقيقا");
    assert_eq!(inquiry.earliest_start, Some(at(1, 2020, 3, 1, 18, 0)));
    assert_eq!(inquiry.latest_start, Some(at(1, 2020, 3, 4, 0, 0)));
    // counter-case: an answer not given is no event dated after the fire (no row at all)
    let d = doc("d", "اندلع الحريق مساء الأحد في سوق المدينة، ولم تفتح النيابة تحقيقا في الحادث.", (2020, 3, 3), PARIS, 1, vec![tx("مساء الأحد", "2020-03-01TEV", AnchorKind::Dct)]);
    let (_, tl) = run(&[d]);
    assert!(tl.events.iter().all(|e| e.event_type != "investigation"), "{:#?}", tl.events);
}

#[test]
fn a_death_told_by_its_general_word_and_as_an_obituary_on_one_morning_is_one_death() {
    // «توفي» is the general kind of the group of deaths, «غيب الموت» a death told in an obituary's
    // words: on one morning of two articles, one death
    let a = doc("a", "غيب الموت الشاعر الكبير صباح اليوم السبت.", (2024, 3, 9), "Asia/Kuwait", 3, vec![tx("صباح اليوم السبت", "2024-03-09TMO", AnchorKind::Dct)]);
    let b = doc("b", "وكان الراحل قد توفي صباح أمس السبت في المستشفى.", (2024, 3, 10), "Asia/Kuwait", 3, vec![tx("صباح أمس السبت", "2024-03-09TMO", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    let deaths: Vec<_> = tl.events.iter().filter(|e| matches!(e.event_type.as_str(), "death" | "passing")).collect();
    assert_eq!(deaths.len(), 1, "{deaths:#?}");
    assert_eq!(deaths[0].docs, vec!["a", "b"]);
    // must not change: two kinds of one group with no general word among them (a quake and a
    // fire of one morning) stay two events
    let a = doc("a", "ضرب زلزال قوي ولاية ميلة صباح اليوم السبت.", (2024, 3, 9), "Asia/Kuwait", 3, vec![tx("صباح اليوم السبت", "2024-03-09TMO", AnchorKind::Dct)]);
    let b = doc("b", "اندلع حريق في سوق الخضار صباح أمس السبت.", (2024, 3, 10), "Asia/Kuwait", 3, vec![tx("صباح أمس السبت", "2024-03-09TMO", AnchorKind::Dct)]);
    let (_, tl) = run(&[a, b]);
    assert!(tl.events.iter().any(|e| e.event_type == "earthquake" && e.docs == vec!["a"]), "{:#?}", tl.events);
    assert!(tl.events.iter().any(|e| e.event_type == "fire" && e.docs == vec!["b"]), "{:#?}", tl.events);
}
