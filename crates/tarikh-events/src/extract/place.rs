//! Places: the zone of the place an event happens in, and the places a document names.

use super::Draft;
use super::context::Ctx;
use super::words::{bare_word, without_conjunction};

/// Words after which a place locates the event: «في», and the verbs of a quake or storm striking
/// a place ("الذي ضرب القاهرة").
pub(super) const LOCATIVES: &[&str] = &["في", "وفي", "ضرب", "ضربت", "هز", "هزت", "اجتاح", "اجتاحت", "شهدت", "شهده", "شهدها"];

/// How many words after a trigger a place qualifying it may end ("الانتخابات الرئاسية في الولايات
/// المتحدة").
pub(super) const PLACE_REACH: usize = 5;

/// The time zone of the place that locates the event: a place adjective within two words after
/// the trigger ("الانتخابات الرئاسية الأمريكية") or a place after «في» within five words, in its
/// clause ("الانتخابات الرئاسية في الولايات المتحدة"); empty when none. An adjective further on
/// qualifies something else ("تصيد نسب إلى مجموعة روسية": the group is Russian, not the event).
pub(super) fn place_zone(cx: &Ctx, d: &Draft) -> String {
    let clause = cx.words[d.last].clause;
    // the words after the trigger in its clause, dates left out ("زلزال 12 أكتوبر 1992 الذي ضرب
    // القاهرة": the date does not stand between the quake and its place)
    let positions: Vec<usize> = (d.last + 1..cx.words.len())
        .take_while(|&wi| cx.words[wi].clause == clause)
        .filter(|&wi| cx.word_timex[wi].is_none())
        .take(PLACE_REACH)
        .collect();
    let words: Vec<&str> = positions.iter().map(|&wi| bare_word(cx.word(wi))).collect();
    for start in 0..words.len() {
        let located = start > 0 && LOCATIVES.contains(&cx.word(positions[start - 1]));
        if start >= 2 && !located {
            continue;
        }
        for len in (1..=cx.lex.place_words.min(words.len() - start)).rev() {
            if let Some(zone) = cx.lex.place_zone(&words[start..start + len]) {
                return zone.to_string();
            }
        }
    }
    place_subject_before(cx, d).unwrap_or_default()
}

/// Verbs of witnessing whose subject is the place where the event they take as object happens
/// («وشهدت الإمارات في الأيام الثلاثة الماضية هطولا مطريا»، «وتشهد سلطنة عمان أجواء مضطربة
/// وفيضانات خطيرة»، «شهدت المدينة جريمة قتل»), as weather and crime reports of every country
/// word it: the place stands before the event.
pub(super) const PLACE_SUBJECT_VERBS: &[&str] = &["شهدت", "تشهد", "يشهد", "شهد"];

/// How many words before its trigger such a verb may stand (its subject, a time, other objects).
pub(super) const PLACE_SUBJECT_REACH: usize = 8;

/// The zone of the place named right after a verb of witnessing that stands before the trigger
/// of `d` in its clause (see [`PLACE_SUBJECT_VERBS`]), when no other verb of the clause stands
/// between them.
fn place_subject_before(cx: &Ctx, d: &Draft) -> Option<String> {
    let clause = cx.words[d.first].clause;
    let from = d.first.saturating_sub(PLACE_SUBJECT_REACH);
    let verb = (from..d.first).rev().take_while(|&wi| cx.words[wi].clause == clause).find(|&wi| PLACE_SUBJECT_VERBS.contains(&without_conjunction(cx.word(wi))))?;
    let after: Vec<&str> = (verb + 1..d.first).take_while(|&wi| cx.word_timex[wi].is_none()).take(cx.lex.place_words).map(|wi| bare_word(cx.word(wi))).collect();
    (1..=after.len()).rev().find_map(|len| cx.lex.place_zone(&after[..len])).map(str::to_string)
}

/// The places the text names, counted by zone.
pub(super) fn doc_places(cx: &Ctx) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let bare: Vec<&str> = (0..cx.words.len()).map(|wi| bare_word(cx.word(wi))).collect();
    let mut wi = 0;
    while wi < bare.len() {
        let mut step = 1;
        for len in (1..=cx.lex.place_words.min(bare.len() - wi)).rev() {
            if (wi..wi + len - 1).all(|k| cx.adjacent(k)) {
                if let Some(zone) = cx.lex.place_zone(&bare[wi..wi + len]) {
                    *counts.entry(zone.to_string()).or_insert(0) += 1;
                    step = len;
                    break;
                }
            }
        }
        wi += step;
    }
    counts.into_iter().collect()
}
