//! «منذ» + an amount: «for so long» (a DURATION) or «so long ago» (a DATE).
//!
//! Arabic منذ before an amount of time has two readings. With a state or an ongoing action —
//! a participle, an imperfect verb, a superlative, a noun — it says how long it has lasted: «قتال
//! مستمر منذ 6 أيام», «تكافح فرق الإنقاذ منذ نحو 30 ساعة», «الأعلى منذ 75 عاما». The amount is then a
//! DURATION and منذ its signal, outside the span (the stories' gold). With a perfect verb reporting
//! one completed event it dates that event: «غادر البلاد منذ خمس سنوات» = five years ago, a DATE
//! whose span keeps منذ (like «قبل خمس سنوات»). Standing alone, as in the time stamps of news pages
//! («منذ 3 أيام»), it is the date too.
//!
//! The grammar reads every «منذ + amount» as the duration (a `since` context); this module turns it
//! into the date when a perfect verb governs it (among the four words before منذ, with no other
//! expression between) or when nothing else stands in its sentence. A vague amount («منذ سنوات»)
//! and a bounded one («منذ أكثر من 12 عاما») stay durations.

use std::ops::Range;
use tarikh_grammar::{Direction, Grammar, Mention, MentionType, Semantics, Unit};

/// The signal word, normalised.
const SINCE: &str = "منذ";

/// Read each «منذ + exact amount» DURATION of `mentions` as a date when its sentence says so.
pub(crate) fn read_since(grammar: &Grammar, text: &str, sentences: &[Range<usize>], mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let previous_end = i.checked_sub(1).map(|p| mentions[p].matched.end).unwrap_or(0);
        let m = &mentions[i];
        let Some(semantics) = ago_semantics(m, text) else { continue };
        let sentence = sentences.iter().find(|r| r.start <= m.matched.start && m.matched.start < r.end).cloned().unwrap_or(0..text.len());
        let before = &text[sentence.start.max(previous_end).min(m.matched.start)..m.matched.start];
        let after = &text[m.matched.end.min(text.len())..sentence.end.min(text.len()).max(m.matched.end.min(text.len()))];
        let alone = !has_words(&text[sentence.start.min(m.matched.start)..m.matched.start]) && !has_words(after);
        if alone || perfect_verb_governs(grammar, before) {
            let m = &mut mentions[i];
            m.kind = MentionType::Date;
            m.semantics = semantics;
            m.range = m.matched.start..m.range.end;
            m.rule = format!("{}+ago", m.rule);
        }
    }
}

/// The date reading of a «منذ + amount» duration: the reference moved back by the amount. `None`
/// for anything else (no منذ, a vague or bounded amount, a fraction).
fn ago_semantics(m: &Mention, text: &str) -> Option<Semantics> {
    let s = &m.semantics;
    if m.kind != MentionType::Duration || s.event.is_some() || !matches!(s.modifier.as_deref(), None | Some("APPROX")) {
        return None;
    }
    if text.get(m.matched.start..m.range.start)?.trim() != SINCE {
        return None;
    }
    let (amount, unit) = (s.amount?, s.unit?);
    if amount.fract() != 0.0 || !(1.0..=10_000.0).contains(&amount) || unit == Unit::Second && amount > 3600.0 {
        return None;
    }
    Some(Semantics { shift: Some((unit, -(amount as i32))), modifier: s.modifier.clone(), ..Semantics::default() })
}

fn has_words(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// A perfect verb (a past cue of the grammar) among the last four words of `before`.
fn perfect_verb_governs(grammar: &Grammar, before: &str) -> bool {
    let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().rev().take(4).any(|w| {
        let bare = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|b| b.chars().count() >= 2).unwrap_or(w);
        grammar.cue(bare).or_else(|| grammar.cue(w)) == Some(Direction::Past)
    })
}

#[cfg(test)]
mod tests {
    use crate::document::parse_phrase_all;
    use crate::resolve::{Prefer, Reference};
    use chrono::NaiveDate;
    use tarikh_grammar::Grammar;

    fn read(text: &str, reference: &str) -> Vec<(String, String, String)> {
        let grammar = Grammar::embedded().expect("grammar");
        let r = Reference { date: NaiveDate::parse_from_str(reference, "%Y-%m-%d").unwrap(), time: None, tz: chrono_tz::UTC };
        parse_phrase_all(&grammar, text, r, Prefer::NearestLeaningPast).into_iter().map(|t| (t.text, t.kind.as_str().to_string(), t.value)).collect()
    }

    #[test]
    fn an_ongoing_state_since_an_amount_is_a_duration() {
        assert_eq!(read("لقتال مستمر منذ 6 أيام مع الجيش", "2023-04-21"), vec![("6 أيام".into(), "DURATION".into(), "P6D".into())]);
        assert_eq!(read("هطول هو الأعلى منذ 75 عاما", "2024-04-18"), vec![("75 عاما".into(), "DURATION".into(), "P75Y".into())]);
    }

    #[test]
    fn a_completed_event_since_an_amount_is_dated() {
        assert_eq!(read("غادر البلاد منذ خمس سنوات", "2018-03-14"), vec![("منذ خمس سنوات".into(), "DATE".into(), "2013".into())]);
    }

    #[test]
    fn a_time_stamp_alone_is_dated() {
        assert_eq!(read("منذ 3 أيام", "2014-09-01"), vec![("منذ 3 أيام".into(), "DATE".into(), "2014-08-29".into())]);
        assert_eq!(read("منذ يومين", "2014-09-01"), vec![("منذ يومين".into(), "DATE".into(), "2014-08-30".into())]);
    }

    #[test]
    fn vague_and_bounded_amounts_stay_durations() {
        assert_eq!(read("منذ سنوات", "2017-05-06")[0].2, "PXY");
        assert_eq!(read("غادر منذ أكثر من عشرين عاما", "2017-05-06")[0].2, "P20Y");
    }
}
