//! A clause opened by a word of what lies ahead: «سيمثل الوزير … يوم الإثنين»، «من المقرر أن
//! يلتقي الفريقان … مساء السبت»، «يعتزم الاتحاد تنظيم إضراب … يوم الخميس». News writes the
//! announcement first and its day last, often past the few words the cue scan reads back; the
//! opener governs the whole clause it starts.

use tarikh_grammar::{Direction, Grammar};

use crate::document::{bare, is_future_verb, WordsBefore, RELATIVE_PRONOUNS};

/// The most words an opener reaches forward to the expression.
const REACH: usize = 20;

/// Nouns after «من» that, with «أن», put the clause ahead («من المقرر أن»، «ومن المنتظر أن»).
const SCHEDULED_AFTER_MIN: &[&str] = &["المقرر", "المزمع", "المنتظر", "المرتقب", "المتوقع"];

/// Words between the opener and the day that tie the day to something else or report an earlier
/// event: a past sign or a complementiser starting a reported clause of its own.
const NOT_OF_THE_OPENER: &[&str] = &["ان", "بان", "لان", "انه", "انها", "كان", "كانت", "كانوا", "قد", "لقد", "لم", "لما", "منذ", "مذ", "امس", "الماضي", "الماضيه"];

/// The opener of the clause that holds the expression starting at `at`, when that clause (from
/// byte `from`, its start) opens with a verb with the future prefix سـ («ستغلق المدارس
/// أبوابها الأحد»), «سوف», a future word of the grammar's `[cues]` table («يعتزم»، «تعتزم») or
/// «من المقرر / المزمع / المنتظر … أن», and every word between it and the expression (at most
/// twenty) belongs to that clause: no past cue, past sign, complementiser or relative pronoun
/// (a clause of its own with its own time), no particle of the word table `tied_elsewhere` («بعد»،
/// «بسبب»; a topic, «عن / حول», counts only through the word before the day), and the word right
/// before the expression names nothing a day dates itself (`self_dated_stems` or an event noun:
/// «هجوم الأحد»، «الانفجار الأحد»). The caller asks only when no cue was found nearer.
pub(crate) fn clause_opened_ahead<'t>(grammar: &Grammar, before: &WordsBefore<'t>, from: usize) -> Option<&'t str> {
    let words = before.in_order_from(from);
    if words.len() < 2 || words.len() > REACH + 3 {
        return None;
    }
    let first = bare(words[0]);
    let (opener, rest) = if first == "من" && words.get(2).is_some_and(|w| *w == "ان") && SCHEDULED_AFTER_MIN.contains(&words[1]) {
        (words[1], &words[3..])
    } else if is_future_verb(first) || first == "سوف" || grammar.cue(first) == Some(Direction::Future) && !matches!(first, "يكون" | "تكون" | "ليكون" | "لتكون") && !first.starts_with("ال") {
        (words[0], &words[1..])
    } else {
        return None;
    };
    if rest.is_empty() || rest.len() > REACH {
        return None;
    }
    let stems = crate::governor::table_words(grammar, "self_dated_stems");
    let self_dated = |w: &str| {
        let b = bare(w);
        let core = b.strip_prefix("لل").or_else(|| b.strip_prefix("بال")).or_else(|| b.strip_prefix("ال")).unwrap_or(b);
        stems.iter().any(|s| core.starts_with(s.as_str()))
    };
    for w in rest {
        let b = bare(w);
        if NOT_OF_THE_OPENER.contains(&b) || RELATIVE_PRONOUNS.contains(&b) || grammar.cue(b) == Some(Direction::Past) || grammar.cue(w) == Some(Direction::Past) {
            return None;
        }
        // (not an adjective of that table, «الوزير السابق»، «الأخير», nor a topic, «الإعلان عن
        // نتائج المسابقة»: the word right before the day, checked below, tells a topic's event)
        if crate::governor::in_table(grammar, "tied_elsewhere", b) && !b.starts_with("ال") && !matches!(b, "عن" | "حول") {
            return None;
        }
    }
    if rest.last().is_some_and(|w| self_dated(w) || crate::document::EVENT_NOUNS.contains(&bare(w))) {
        return None;
    }
    Some(opener)
}
