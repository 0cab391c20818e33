//! Labels: each event named by a phrase of the text's words, its argument included where Arabic
//! puts it before the verb.

mod common;

use tarikh_anchor::AnchoredDocument;
use tarikh_events::{extract, EventLexicon};

/// A document with no temporal expressions (labels do not need them).
fn doc(text: &str) -> AnchoredDocument {
    common::document("d", text, Vec::new())
}

/// The label of the mention whose trigger is `trigger`.
fn label(text: &str, trigger: &str) -> String {
    let ev = extract(&doc(text), &EventLexicon::embedded().unwrap());
    let m = ev.mentions.iter().find(|m| m.trigger == trigger);
    m.unwrap_or_else(|| panic!("no `{trigger}` in {:?}", ev.mentions.iter().map(|m| &m.trigger).collect::<Vec<_>>())).label.clone()
}

#[test]
fn a_subject_after_a_complementizer_stands_before_its_verb() {
    assert_eq!(label("وأكدت الشركة أن خوادمها توقفت.", "توقفت"), "خوادمها توقفت");
    assert_eq!(label("وقال الوزير إن فريق الحملة طلب من اللجنة التحقيق.", "طلب من"), "فريق الحملة طلب من اللجنة التحقيق");
}

#[test]
fn a_relative_clause_names_the_noun_it_describes() {
    assert_eq!(label("ونفى الوزير هذه الشائعات التي رددتها المعارضة في البرلمان.", "رددتها"), "الشائعات التي رددتها المعارضة");
}

#[test]
fn a_verb_with_nothing_before_it_keeps_its_own_label() {
    // a verb that opens its clause (VS order): the subject after it is in the label already
    assert_eq!(label("توقفت الخوادم.", "توقفت الخوادم"), "توقفت الخوادم");
    // a word before the verb that no complementizer opens is no subject of it
    assert_eq!(label("وفي الصباح توقفت الخوادم.", "توقفت الخوادم"), "توقفت الخوادم");
}

#[test]
fn a_label_ends_before_a_new_predicate_or_a_coordinated_adjunct() {
    // a verb after the argument is the clause's predicate
    assert_eq!(label("وقال الوزير إن مراسم دفن الأمير الراحل ستقتصر على أقربائه.", "مراسم دفن"), "مراسم دفن الأمير الراحل");
    assert_eq!(label("وأعلنت الحكومة حدادا وطنيا يبدأ اليوم.", "حدادا وطنيا"), "حدادا وطنيا");
    // a prepositional phrase coordinated by و is a new adjunct
    assert_eq!(label("وتأتي الهدنة تزامنا مع عيد الفطر ولفتح ممرات آمنة.", "عيد الفطر"), "عيد الفطر");
    // a noun that only looks like one stays («لمدة 40 يوما»، «مقطع فيديو»)
    assert_eq!(label("ونشرت القوات مقطع فيديو.", "نشرت"), "نشرت القوات مقطع فيديو");
    // a coordinated verbal noun with ت stays («وتقييد الحركة»)
    assert_eq!(label("أعلن المغرب حالة الطوارئ الصحية وتقييد الحركة.", "حالة الطوارئ"), "حالة الطوارئ الصحية وتقييد الحركة");
}

#[test]
fn a_number_after_raqm_is_part_of_the_label() {
    // the number names what it numbers, in brackets or quotation marks too
    assert_eq!(label("صدر القرار رقم 98 الذي ينظم العمل.", "القرار"), "القرار رقم 98");
    assert_eq!(label("وجاء في القرار رقم ( 169 / هـ ) ما يلي.", "القرار"), "القرار رقم 169");
    assert_eq!(label("وتقام المباراة رقم «54» على ملعب المدينة.", "المباراة"), "المباراة رقم 54");
    // counter-case: a number that counts is no name, a label never ends on it
    assert_eq!(label("صدر القرار 98.", "القرار"), "القرار");
}
