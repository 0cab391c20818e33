//! The verb that governs a bare weekday, for the readings the nearest-cue scan of
//! [`crate::document`] gets wrong: an imperfect verb with its subject and object before the day
//! («تغلق المدارس أبوابها الأحد»: what is still to come), «حتى» + a day after a verb that is not
//! past («تستمر العطلة حتى الأحد»), and a thing called for or decided, named between a past verb
//! and the day («دعت النقابة إلى إضراب عام الخميس»: the strike's day, not the call's).
//!
//! Each reading asks for the structure whole and gives up at the first doubt: the scan's reading
//! (the nearest occurrence leaning past) then stands. Words are compared as normalised text
//! writes them (ا for أ/إ/آ, ه for ة, ي for ى).

use crate::document::{bare, bare_day, is_future_verb, looks_imperfect, EVENT_NOUNS, RELATIVE_PRONOUNS};
use crate::resolve::Prefer;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;
use tarikh_grammar::{Direction, Grammar, Semantics, Unit};

/// The word tables this module reads, by their names in the `[cues.tables]` of the grammar files
/// (data/grammar/ar/cues.toml): verbs of lasting, of a scheduled act, of what happened, of
/// reacting, of deciding; words that tie a day elsewhere; stems of what dates itself, of what is
/// planned or concluded. A table a grammar leaves out reads as empty.
pub const WORD_TABLES: &[&str] = &[
    "lasting_verbs",
    "feminine_imperfects",
    "schedule_verbs",
    "happened_verbs",
    "reacting_verbs",
    "tied_elsewhere",
    "self_dated_stems",
    "deciding_verbs",
    "planned_stems",
    "concluded_stems",
    crate::perfect::OPENING_PERFECTS,
    crate::perfect::CLAUSE_OPENING_PERFECTS,
    "particles_after_day",
    "habit_words",
    "according_to",
    "starting_nouns",
    "preparing_words",
    "starting_from",
    "applying_verbs",
    "past_auxiliaries",
    "advising_words",
    "announced_outcomes",
    "decision_verbs",
    "decided_acts",
    "operation_nouns",
    "sitting_nouns",
];

/// Is `word` (normalised) in the grammar's word table `table`?
pub(crate) fn in_table(grammar: &Grammar, table: &str, word: &str) -> bool {
    grammar.word_table(table).is_some_and(|t| t.contains(word))
}

/// The words of the grammar's word table `table` (none if the grammar has no such table).
pub(crate) fn table_words<'g>(grammar: &'g Grammar, table: &str) -> &'g [String] {
    grammar.word_table(table).map_or(&[], |t| t.words.as_slice())
}

/// The words of `text[range]`, in text order.
fn words(text: &str, range: Range<usize>) -> Vec<&str> {
    text.get(range).unwrap_or("").split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect()
}

/// Do the words after the day, to the end of its sentence, tell that what the day dates is done:
/// a result («بأغلبية ساحقة»), a relative clause («التي انتهت بالتعادل»), a time after it («بعد
/// معارك»، «ثم استؤنفت»), a coordinated verb («وتخسرها»، «ويرفض التهم»، «وشهدت المدن»), a perfect
/// of what happened («شارك فيه آلاف»)?
fn told_as_done(grammar: &Grammar, text: &str, after: Range<usize>) -> bool {
    words(text, after).iter().any(|w| {
        let b = bare(w);
        let coordinated = w.strip_prefix(['و', 'ف']).filter(|r| r.chars().nth(3).is_some());
        b.starts_with("باغلبي")
            || RELATIVE_PRONOUNS.contains(&b)
            || matches!(b, "بعد" | "عقب" | "اثر" | "ثم" | "رغم" | "دون")
            || in_table(grammar, "happened_verbs", b) || b.strip_suffix('ت').is_some_and(|r| in_table(grammar, "happened_verbs", r)) || b.strip_suffix("وا").is_some_and(|r| in_table(grammar, "happened_verbs", r))
            || coordinated.is_some_and(|r| r.starts_with(['ي', 'ت', 'ن']) || maybe_perfect_feminine(r))
    })
}

/// Do the words after a start announced on a bare weekday (`after`, to the end of its sentence)
/// tell it held already: what [`told_as_done`] reads, or who took part or attended («بمشاركة
/// آلاف»، «بحضور الوزير»), a speech or a ceremony it was told in («في كلمة»، «في حفل»), «وقد» +
/// a verb, a participle of saying («مؤكدا أن»، «مضيفا»; normalised «موكدا»), or a clause opened after a comma by و +
/// a perfect of three letters («، وعاد الطلاب»، «، وسجل فيها آلاف»)? Then the day is the
/// announcing's, the start done.
pub(crate) fn told_as_held(grammar: &Grammar, text: &str, after: Range<usize>) -> bool {
    if told_as_done(grammar, text, after.clone()) {
        return true;
    }
    let all = words(text, after.clone());
    let signs = all.iter().enumerate().any(|(i, w)| {
        let b = bare(w);
        matches!(b, "بمشاركه" | "بحضور" | "موكدا" | "مضيفا" | "مشيرا" | "موضحا")
            || (*w == "وقد" && all.get(i + 1).is_some())
            || (matches!(b, "حفل" | "كلمه") && i > 0 && all[i - 1] == "في")
    });
    // (a clause after a comma opened by و + three letters, not the article: «، وعاد»; not a word of
    // saying, a noun or a particle of that shape: «، وقال الوزير …»، «، وفقا ل…»، «، وعلى …»)
    const NOT_HELD: &[&str] = &["قال", "أكد", "اكد", "بين", "فقا", "زير", "هذا", "ذلك", "كان", "على", "عند", "قبل", "بعد", "منذ", "حتى", "لكن", "غير", "كما", "مثل", "لذا"];
    let coordinated = text.get(after).unwrap_or("").split(['،', ',']).skip(1).any(|clause| {
        clause.split_whitespace().next().and_then(|w| w.strip_prefix('و')).is_some_and(|r| r.chars().count() == 3 && !r.starts_with("ال") && !NOT_HELD.contains(&r))
    });
    signs || coordinated
}

/// Prepositions that open the object of a verb of motion or taking part («في القضية»، «إلى مقاعد
/// الدراسة»، «أمام القاضي»).
const PREPOSITIONS: &[&str] = &["في", "الي", "علي", "امام", "مع", "لدي", "نحو", "داخل", "خارج", "وسط"];

/// Strip the clitic prepositions ب / ل / ك (after و / ف) off `word` («بالعيد» → «العيد»،
/// «للمؤتمر» → «مؤتمر»), when enough is left to be a word.
fn without_clitics(word: &str) -> &str {
    let w = bare(word);
    if let Some(r) = w.strip_prefix("لل").filter(|r| r.chars().nth(1).is_some()) {
        return r;
    }
    w.strip_prefix(['ب', 'ل', 'ك']).filter(|r| r.chars().nth(2).is_some()).unwrap_or(w)
}

/// Does `word` (clitics on or off) start with one of `stems`, after its article?
fn has_stem(word: &str, stems: &[String]) -> bool {
    let b = bare(word);
    [b, without_clitics(b)].iter().any(|w| {
        let core = w.strip_prefix("ال").unwrap_or(w);
        // (a table's words are sorted: a stem that opens `core` is no greater than `core` and no
        // less than its first letter, so only that stretch of the table is tried; an empty stem,
        // which opens every word, sorts first)
        let first = core.chars().next().map_or("", |c| &core[..c.len_utf8()]);
        let (from, to) = (stems.partition_point(|s| s.as_str() < first), stems.partition_point(|s| s.as_str() <= core));
        stems.first().is_some_and(|s| s.is_empty()) || stems[from..to.max(from)].iter().any(|s| core.starts_with(s.as_str()))
    })
}

/// Is `word` definite: الـ, maybe after a clitic preposition («بالعيد»، «للمؤتمر»)?
fn definite(word: &str) -> bool {
    let b = bare(word);
    // (not «إلى»، «إلا»، «الآن» nor a relative pronoun, which also start with ال)
    if matches!(b, "الي" | "الا" | "الان") || RELATIVE_PRONOUNS.contains(&b) {
        return false;
    }
    b.starts_with("ال") || b.starts_with("لل") || without_clitics(b).starts_with("ال")
}

/// Does `word` carry a possessive pronoun that closes its noun phrase («أبوابها»، «بأصواتهم»،
/// «مباراته»)? Not a plain ه, which is also the feminine ة as normalised text writes it.
fn possessed(word: &str) -> bool {
    let b = bare(word);
    b.chars().nth(3).is_some() && !definite(b) && ["ها", "هم", "هن", "هما", "كم", "نا", "ته", "تها", "تهم"].iter().any(|s| b.ends_with(s))
}

/// Is `word` an indefinite accusative in ـًا («خطابا»، «اجتماعا»): an object, never the first
/// part of a construct («جلسة الأحد»)?
fn accusative(word: &str) -> bool {
    let b = bare(word);
    b.chars().nth(3).is_some() && b.ends_with('ا') && !definite(b) && !b.ends_with("ها") && !b.ends_with("نا")
}

/// Could `word` be a perfect verb of the third person feminine («أجريت»، «ضربت»، «نشرت»): ends in
/// ت but not ات, four letters or more, no article?
fn maybe_perfect_feminine(word: &str) -> bool {
    let b = bare(word);
    b.chars().nth(3).is_some() && b.ends_with('ت') && !b.ends_with("ات") && !definite(b)
}

/// Is `word` (proclitics off) an imperfect verb of the third person, as announcements write them:
/// [`looks_imperfect`], a feminine imperfect no perfect shares, or a form VIII feminine (تحتفل،
/// تنتظر: تـ + a letter + ت)?
fn imperfect_verb(grammar: &Grammar, b: &str) -> bool {
    if looks_imperfect(b) || in_table(grammar, "feminine_imperfects", b) {
        return true;
    }
    // (five letters, read without collecting them: this runs on many words of a clause)
    if !b.starts_with('ت') {
        return false;
    }
    let mut letters = b.chars().skip(2);
    let (third, fourth, fifth, sixth) = (letters.next(), letters.next(), letters.next(), letters.next());
    fifth.is_some() && sixth.is_none() && third == Some('ت') && fourth != Some('ي') && fifth != Some('ا') && !b.ends_with("ات")
}

/// «حتى / لغاية X» with `until` the byte where that word starts: is X ahead because the verb that
/// governs it is not past? The nearest verb before it in its sentence (up to ten words back,
/// stopping at a complementiser or a relative pronoun) must be an imperfect, a verb of lasting, a
/// سـ verb or a future cue («ستواصل الفرق عملها حتى الأحد»، «تستمر العطلة حتى الأحد»). A past
/// verb («أعلنت حظر تجول حتى الإثنين») leaves the bound to the nearest reading.
pub(crate) fn until_ahead<'t>(grammar: &Grammar, text: &'t str, sentence: Range<usize>, until: usize, at: Range<usize>) -> Option<&'t str> {
    if !names_weekday(text, at.clone()) {
        return None;
    }
    let sentence_start = sentence.start;
    // A state held against the odds («… دون جدوى»، «… رغم الاحتجاجات») tells how long it lasted.
    if words(text, at.end.min(sentence.end)..sentence.end).iter().any(|w| matches!(bare(w), "رغم" | "دون" | "برغم")) {
        return None;
    }
    let head = text.get(sentence_start.min(until)..until).unwrap_or("");
    // A tally as of the day («ارتفع عدد الضحايا إلى 40 قتيلا حتى الأحد»): counted up to then.
    if head.chars().any(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c)) {
        return None;
    }
    let before = words(text, sentence_start.min(until)..until);
    // a negated, pluperfect or narrated clause, or a state still holding («لا يزال»)
    if before.iter().any(|w| matches!(bare(w), "لم" | "لما" | "قد" | "لقد" | "كان" | "كانت" | "كانوا" | "يزال" | "تزال" | "مازال" | "مازالت" | "زال" | "زالت" | "عدد" | "حصيله")) {
        return None;
    }
    for (i, w) in before.iter().rev().take(10).enumerate() {
        let b = bare(w);
        if RELATIVE_PRONOUNS.contains(&b) || matches!(b, "ان" | "بان" | "لان" | "منذ" | "قبل" | "بعد") {
            return None;
        }
        match grammar.cue(b).or_else(|| grammar.cue(w)) {
            Some(Direction::Past) => return None,
            Some(Direction::Future) => return Some(w),
            None => {}
        }
        if is_future_verb(b) || imperfect_verb(grammar, b) || in_table(grammar, "lasting_verbs", b) {
            // a verb of reaction («يرفض الاستقالة حتى الخميس») tells a refusal held so far
            if in_table(grammar, "reacting_verbs", b) || matches!(b, "يتمسك" | "تتمسك") {
                return None;
            }
            // a verb inside a parenthesis («، الذين يحتجزهم المسلحون …،») is not the main verb
            let verb_end = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
            if text.get(verb_end.min(until)..until).is_some_and(|gap| gap.contains(['،', ','])) {
                return None;
            }
            // «لم يستمر»، «كان يستمر»: a negated or narrated past.
            let at_verb = before.len() - 1 - i;
            if before[at_verb.saturating_sub(3)..at_verb].iter().any(|p| matches!(bare(p), "لم" | "لما" | "كان" | "كانت" | "كانوا" | "ما")) {
                return None;
            }
            return Some(w);
        }
        if maybe_perfect_feminine(w) {
            return None;
        }
    }
    None
}

/// A range of clock hours whose second end names a weekday («من العاشرة ليلا حتى السادسة صباح
/// السبت»), with `from` the byte where its «من / بين» starts: the perfect verb of deciding,
/// ordering or promising (the word table `deciding_verbs`: «قررت السلطات حظر التجول من العاشرة ليلا
/// حتى السادسة صباح السبت»، «أمرت الولاية بإغلاق المحلات من الثامنة مساء إلى السادسة صباح الأحد»)
/// that governs the measure the hours are of, if one comes within six words before «من». What is
/// decided is still to come when the article reports the decision, so the day is the nearest
/// leaning ahead ([`lean_ahead`]), as a decided thing's bare day is. Not across a complementiser,
/// a relative pronoun or another verb (a past cue, a perfect's shape, an imperfect, a سـ verb):
/// «قررت اللجنة أن المكاتب فتحت …» dates what was done; nor after «كان / قد» (a pluperfect: the
/// decision and its hours both past). The verb found.
pub(crate) fn decided_hours<'t>(grammar: &Grammar, text: &'t str, clause_start: usize, from: usize, at: Range<usize>) -> Option<&'t str> {
    if !names_weekday(text, at) {
        return None;
    }
    let before = words(text, clause_start.min(from)..from);
    for (i, w) in before.iter().rev().take(6).enumerate() {
        let b = bare(w);
        // (the word as written first: «وعدت»، «وافقت» are no و + «عدت»، «افقت»)
        if in_table(grammar, "deciding_verbs", w) || in_table(grammar, "deciding_verbs", b) {
            let at_verb = before.len() - 1 - i;
            if before[..at_verb].iter().any(|p| matches!(bare(p), "كان" | "كانت" | "كانوا" | "قد" | "لقد")) {
                return None;
            }
            return Some(*w);
        }
        // (nor across a fact reported as done: «أعلنت الشرطة مقتل شخصين في اشتباكات من الثامنة
        // حتى التاسعة مساء الأحد», «أعلن الجيش حصيلة الغارات من الرابعة حتى السادسة صباح الأحد»)
        let reported = b.strip_prefix('ب').filter(|r| r.chars().nth(2).is_some()).unwrap_or(b);
        if RELATIVE_PRONOUNS.contains(&b)
            || PAST_SIGNS.contains(&b)
            || REPORTED_FACTS.iter().any(|f| reported.starts_with(f))
            || matches!(b, "ان" | "بان" | "لان" | "انه" | "انها")
            || grammar.cue(b).is_some()
            || crate::perfect::looks_perfect(b)
            || maybe_perfect_feminine(w)
            || imperfect_verb(grammar, b)
            || is_future_verb(b)
        {
            return None;
        }
    }
    None
}

/// Verbal nouns of a fact reported as done (a death, an arrest, a fall, a strike), as normalised
/// text writes them: a deciding verb before them reports what happened in the hours after them.
const REPORTED_FACTS: &[&str] = &["مقتل", "اعتقال", "ضبط", "اصابه", "وفاه", "سقوط", "استهداف", "مصرع", "حصيل"];

/// Words that tell a clause's verb is past, a bound is a tally or a start lies behind, as
/// normalised text writes them: a verbless «من / حتى» + a day is no announcement after them.
const PAST_SIGNS: &[&str] = &["منذ", "مذ", "كان", "كانت", "كانوا", "قد", "لقد", "لم", "لما", "عدد", "حصيله", "الماضي", "الماضيه", "امس", "يزال", "تزال", "مازال", "مازالت", "زال", "زالت"];

/// A bare weekday right after «من» (alone or after a word of the table `starting_from`:
/// «ابتداء / اعتبارا / بدءا من»), after «حتى / إلى غاية» (`until` true), or after «إلى» closing a
/// «من X إلى Y» span, in a sentence that tells no past before it: a headline or a phrase with no
/// verb, or only an imperfect («أجواء باردة من الأحد إلى الثلاثاء»، «حملة تطعيم ابتداء من
/// الأحد»، «وأمطار على السواحل الشمالية حتى الجمعة»). News announces with these what starts or
/// lasts from the publication on; the body names the day with «المقبل» or a date. `signal` is the
/// byte where the signal's first word starts. Not after a past verb — in the cue table, of a
/// perfect's form, a bare word of three letters opening the sentence (فرض، رفع), a relative
/// clause (its verb may be a bare perfect: «الذي فرض»), nor «منذ»,
/// «كان», «لم», a tally (a number, «عدد»), nor when the words after the day tell it done
/// («… حتى الثلاثاء، وأسفر …»). The verb found, or the signal word when there is none.
pub(crate) fn verbless_span_ahead<'t>(grammar: &Grammar, text: &'t str, sentence: Range<usize>, signal: usize, at: Range<usize>) -> Option<&'t str> {
    if !names_weekday(text, at.clone()) {
        return None;
    }
    let start = sentence.start.min(signal);
    let head = text.get(start..signal).unwrap_or("");
    if head.chars().any(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c)) {
        return None;
    }
    let before = words(text, start..signal);
    if before.is_empty() || before.len() > 12 {
        return None;
    }
    // a bare word of three letters opening the sentence may be a perfect («فرض حظر التجول من الأحد»)
    let first = bare(before[0]);
    if first.chars().count() == 3 && !first.starts_with(['ي', 'ت', 'ن']) {
        return None;
    }
    let past = |w: &str| tells_past(grammar, w);
    if before.iter().any(|w| past(w)) {
        return None;
    }
    let after = at.end.min(sentence.end)..sentence.end;
    if told_as_done(grammar, text, after.clone()) || words(text, after).iter().any(|w| past(w)) {
        return None;
    }
    let verb = before.iter().rev().find(|w| imperfect_verb(grammar, bare(w)) || is_future_verb(bare(w)));
    Some(verb.copied().unwrap_or_else(|| {
        let end = signal + text.get(signal..).unwrap_or("").find(|c: char| !tarikh_text::is_word_char(c)).unwrap_or(0);
        text.get(signal..end).unwrap_or("")
    }))
}

/// Does word `w` tell that its clause is past: a past sign («منذ»، «كان»، «لم»، a tally), a
/// relative pronoun (a relative clause may open with a bare perfect: «الحظر الذي فرض حتى الأحد»),
/// a past cue, a perfect verb by its form or its table, a verb of what happened?
fn tells_past(grammar: &Grammar, w: &str) -> bool {
    let b = bare(w);
    PAST_SIGNS.contains(&b)
        || RELATIVE_PRONOUNS.contains(&b)
        || matches!(grammar.cue(b).or_else(|| grammar.cue(w)), Some(Direction::Past))
        || crate::perfect::looks_perfect(b)
        || in_table(grammar, crate::perfect::OPENING_PERFECTS, b)
        || maybe_perfect_feminine(w)
        || in_table(grammar, "happened_verbs", b)
}

/// A bare weekday after «من» (or «ابتداء / اعتبارا من»: `from` is the byte where that phrase
/// starts) governed by an imperfect verb of starting or applying (the word table
/// `applying_verbs`: «يدخل القرار حيز التنفيذ من الساعة السادسة صباحا الأحد»، «الأسعار الجديدة
/// تطبق من الأحد»، «يسري القرار من السبت»): what starts to apply lies ahead of the article, even in
/// a clause a past verb reports («أعلنت الوزارة أن الأسعار الجديدة تطبق من الأحد»). The verb is
/// the nearest one within six words before «من», with nothing past between (a perfect, «منذ»,
/// «كان», «لم», a relative pronoun); «يدخل / تدخل» count only with «حيز» after them (a measure
/// entering into force). A participle or a state («معتصمون من السبت»، «مغلق من الأحد») is no
/// such verb; a negated verb or one a past auxiliary narrates (the word table `past_auxiliaries`:
/// «لم يطبق»، «كان يسري»، «بدأ القرار يطبق») and a day told done after it
/// leave the nearest reading. The verb found.
pub(crate) fn applying_from<'t>(grammar: &Grammar, text: &'t str, sentence: Range<usize>, from: usize, at: Range<usize>) -> Option<&'t str> {
    if !names_weekday(text, at.clone()) {
        return None;
    }
    let before = words(text, sentence.start.min(from)..from);
    // The daily hours of what starts on the day are no words of its own («تنطلق الرحلات من الساعة
    // 6 صباحا حتى 10 ليلا اعتبارا من الأحد»، «تفتح المحلات من التاسعة صباحا إلى العاشرة ليلا
    // ابتداء من السبت»): they do not count against the six words read back.
    let hours_word = |w: &str| {
        let b = bare(w);
        w.chars().all(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c))
            || matches!(b, "من" | "الي" | "حتي" | "لغايه" | "الساعه" | "صباحا" | "مساء" | "ليلا" | "ظهرا" | "عصرا" | "فجرا" | "زوالا")
            || ORDINAL_HOURS.contains(&b)
    };
    let mut counted = 0;
    for (i, w) in before.iter().rev().enumerate() {
        let b = bare(w);
        if !hours_word(w) {
            counted += 1;
        }
        if counted > 6 || i >= 16 {
            break;
        }
        if in_table(grammar, "applying_verbs", b) {
            let at_verb = before.len() - 1 - i;
            if matches!(b, "يدخل" | "تدخل") && before.get(at_verb + 1..).is_none_or(|rest| !rest.iter().take(2).any(|n| bare(n) == "حيز")) {
                return None;
            }
            if before[at_verb.saturating_sub(3)..at_verb].iter().any(|p| matches!(bare(p), "لم" | "لما" | "ما" | "قد" | "لقد") || in_table(grammar, "past_auxiliaries", bare(p))) {
                return None;
            }
            if told_as_done(grammar, text, at.end.min(sentence.end)..sentence.end) {
                return None;
            }
            return Some(w);
        }
        if PAST_SIGNS.contains(&b) || RELATIVE_PRONOUNS.contains(&b) || matches!(grammar.cue(b).or_else(|| grammar.cue(w)), Some(Direction::Past)) {
            return None;
        }
    }
    None
}

/// The feminine ordinals that name a clock hour, as normalised text writes them («الساعة الثامنة»).
const ORDINAL_HOURS: &[&str] = &[
    "الواحده", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره", "الحاديه", "عشره",
];

/// Is the word right after byte `at` (no comma or stop between) a perfect verb of the bare
/// three-letter shape, alone or with an object pronoun («حضره»، «محا»، «شهدها»)? Not a particle
/// of that shape (the word table `particles_after_day`: «بين»، «عند»), nor a verb of
/// calling or deciding: «تشهد تونس إضرابا عاما الأحد دعا إليه الاتحاد» calls for a day ahead.
fn perfect_follows(grammar: &Grammar, text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
    let Some(w) = rest.split(|c: char| !tarikh_text::is_word_char(c)).next().filter(|w| !w.is_empty()) else { return false };
    let b = bare(w);
    if in_table(grammar, "deciding_verbs", b) || b.starts_with("ال") || in_table(grammar, "particles_after_day", b) {
        return false;
    }
    let stem = ["هما", "هم", "ها", "ه", "ت", "وا"].iter().find_map(|p| b.strip_suffix(p).filter(|r| r.chars().count() == 3)).unwrap_or(b);
    stem.chars().count() == 3 && !stem.starts_with(['ي', 'ت', 'ن', 'ا'])
}

/// May the imperfect at byte `verb_at` be a present-tense lead telling the day before the
/// article as done ([`ahead_unless_yesterday`])? Not when it is asked for, planned or reported:
/// after أن / لن («طلب القاضي أن يمثل المتهم أمام المحكمة الأحد»), in a statement after a colon
/// or a quotation mark («وقالت الوزارة في بيان: تغلق المدارس أبوابها الأحد»); not a habit
/// («كالعادة»، «عادة»: the word table `habit_words`); not a clause reporting what was announced
/// («وفق ما أعلنه المحامي»: `according_to` + ما) or announced today («… اليوم»). Only a verb of a scheduled act (the `schedule_verbs` table): «يغيب اللاعب الاثنين
/// أسبوعا كاملا» tells an absence to come.
pub(crate) fn present_lead(grammar: &Grammar, text: &str, sentence: Range<usize>, verb_at: usize, at: Range<usize>) -> bool {
    let verb = text.get(verb_at..).and_then(|t| t.split(|c: char| !tarikh_text::is_word_char(c)).next()).unwrap_or("");
    if !in_table(grammar, "schedule_verbs", bare(verb)) {
        return false;
    }
    let start = sentence.start.min(verb_at);
    let before = words(text, start..verb_at);
    if before.last().is_some_and(|w| matches!(bare(w), "ان" | "بان" | "لان" | "لن")) {
        return false;
    }
    if text.get(start..verb_at).is_some_and(|s| s.contains([':', '"', '«', '“'])) {
        return false;
    }
    if words(text, sentence.clone()).iter().any(|w| in_table(grammar, "habit_words", bare(w))) {
        return false;
    }
    let after = words(text, at.end.min(sentence.end)..sentence.end);
    // (the word as written first: «وفق» is no و + «فق»)
    let according = |w: &str| in_table(grammar, "according_to", w) || in_table(grammar, "according_to", bare(w));
    let reported = after.windows(2).any(|p| according(p[0]) && matches!(bare(p[1]), "ما" | "لما"));
    !(reported || after.iter().any(|w| bare(w) == "اليوم"))
}

/// Does the expression at `at` name a weekday?
pub(crate) fn names_weekday(text: &str, at: Range<usize>) -> bool {
    words(text, at).iter().any(|w| matches!(bare(w), "الاحد" | "الاثنين" | "الثلاثاء" | "الاربعاء" | "الخميس" | "الجمعه" | "السبت"))
}

/// An imperfect verb that opens its clause with its subject and an object or a complement before
/// a bare day: «تغلق المدارس أبوابها الأحد»، «يدلي الناخبون بأصواتهم السبت»، «يخوض المنتخب
/// مباراته الثانية الأحد»، «تنظر المحكمة في القضية الاثنين». What is still to come (or today).
/// The verb opens the clause, or follows «لن», a complementiser (أن + the subjunctive) or a
/// one-word subject at the clause's start («المدارس تغلق أبوابها الأحد»). Up to six words between
/// it and the day; none ties the day to something else (a preposition of time or cause, a past
/// verb, a relative pronoun, كان، لم, الماضي …), and the word right before the day closes the
/// object (an article, a possessive pronoun, ـًا) and names nothing a day dates itself
/// («تصريحاته الأحد»، «مباراة الأحد»). Verb + subject + day alone is the document's older rule.
/// `before` are the clause's words before the day at `at`, in text order; the caller has made
/// sure the day is bare ([`bare_day`]).
pub(crate) fn imperfect_announces<'t>(grammar: &Grammar, text: &'t str, before: &[&'t str], sentence_end: usize, at: Range<usize>) -> Option<&'t str> {
    // (the words after the day are read last: the reading before them rarely holds, and they run
    // to the end of the sentence)
    imperfect_announces_before(grammar, text, before, at.clone()).filter(|_| !told_as_done(grammar, text, at.end.min(sentence_end)..sentence_end))
}

/// Words of the `announced_outcomes` table that also name a person («الحكم»: the verdict, and the
/// referee or the judge): right after «يعلن / تعلن» with no subject before it, such a word is the
/// subject, not what is announced.
const OUTCOMES_NAMING_A_PERSON: &[&str] = &["الحكم"];

/// [`imperfect_announces`] from the words before the day (and its complement), whatever follows.
fn imperfect_announces_before<'t>(grammar: &Grammar, text: &'t str, before: &[&'t str], at: Range<usize>) -> Option<&'t str> {
    if before.len() < 3 {
        return None;
    }
    // The verb: the clause's first word, or right after «لن» or a complementiser (أن + the
    // subjunctive: «قررت الحكومة أن تغلق المدارس أبوابها الأحد»). Not after a subject: a headline's
    // order («الشرطة تعتقل المتهم الأحد») tells in the present what happened as often as not.
    // The subject before the verb, as a complementiser wants it: its pronoun («أكدت الوزارة أنها
    // تعلن النتائج يوم السبت») or one definite word after it («أعلن الرئيس أن الحكومة تعلن
    // الإجراءات الجديدة الأحد»). The words between the verb and the day are then all its object.
    let subject_before = |k: usize| -> bool {
        let complementiser = |w: &str| matches!(bare(w), "ان" | "بان");
        (k >= 1 && matches!(bare(before[k - 1]), "انها" | "انه" | "بانها" | "بانه" | "انهم" | "بانهم"))
            || (k >= 2 && complementiser(before[k - 2]) && definite(before[k - 1]))
    };
    let opener_then_verb = |k: usize| -> bool { k == 0 || matches!(bare(before[k - 1]), "لن" | "ان" | "بان" | "لان") || subject_before(k) };
    // «يعود» also dates back («يعود تاريخه إلى»), «يمثل» also represents: only with «إلى» / «أمام».
    let with_preposition = |w: &str, p: &str| matches!(bare(w), "يعود" | "تعود" | "يمثل" | "تمثل") && before.iter().any(|x| bare(x) == p);
    let announcing = |w: &str| imperfect_verb(grammar, bare(w)) || with_preposition(w, if bare(w).ends_with("عود") { "الي" } else { "امام" });
    // (the cheap check of the word's place first)
    let k = (0..before.len()).find(|&k| opener_then_verb(k) && announcing(before[k]))?;
    let verb = before[k];
    if !in_table(grammar, "schedule_verbs", bare(verb)) {
        return None;
    }
    // «يشهد / تشهد» also open a present-tense lead on what a place saw: a perfect verb right
    // after the day («يشهد المسرح عرضا ناجحا الأحد حضره الوزير») tells it done.
    if matches!(bare(verb), "يشهد" | "تشهد") && perfect_follows(grammar, text, at.end) {
        return None;
    }
    let between = &before[k + 1..];
    // (an announcing verb names a body of more words: «تعلن اللجنة المستقلة للانتخابات في تونس
    // النتائج الأولية الأحد»)
    let announcing_verb = matches!(bare(verb), "يعلن" | "تعلن");
    let subject_given = k > 0 && subject_before(k);
    // verb + subject + day: the older rule decides; a subject of more words and no object (historical
    // present «يستيقظ سكان الحي صباح الأحد») is no announcement.
    if between.len() < if subject_given { 1 } else { 2 } || between.len() > if announcing_verb { 8 } else { 6 } {
        return None;
    }
    // What follows the subject: the object and complements.
    let object_words = if subject_given { between } else { &between[1..] };
    // An event named anywhere in the object («ردود الفعل على اغتيال القيادي الأحد») may own the day.
    // What an announcement makes public, named definite («تعلن الهيئة النتائج النهائية يوم الأحد»،
    // «يعلن المجلس النتيجة الخميس»), is dated by the announcing, not a thing of its own the day
    // dates: a definite noun is in no construct with the day after it («نتائج الأحد» is).
    // The outcome of a deliberation (the word table `announced_outcomes`: results, a verdict,
    // decisions, sanctions, a squad) is such a thing too («تعلن المحكمة الحكم النهائي الأحد»).
    let announced = |w: &str| announcing_verb && bare(w).starts_with("ال") && in_table(grammar, "announced_outcomes", bare(w));
    // The outcome may head a construct («نتائج امتحانات البكالوريا»، «نتائج الانتخابات») or carry
    // a possessive pronoun («قرارها في الطعون»، «نتائجها»): the table's word without its article,
    // and in a construct a word after it before the day (so «نتائج الأحد» stays the day's own).
    let outcome_stem = |b: &str| -> bool {
        if b.starts_with("ال") || b.chars().nth(2).is_none() {
            return false;
        }
        let with_article = |stem: &str| in_table(grammar, "announced_outcomes", &format!("ال{stem}"));
        with_article(b)
            || ["هما", "هم", "ها", "ه"].iter().filter_map(|p| b.strip_suffix(p)).filter(|r| r.chars().nth(2).is_some()).any(|r| {
                // (ة is written ت before the pronoun: «نتيجتها»)
                with_article(r) || r.strip_suffix('ت').is_some_and(|r| with_article(&format!("{r}ه")))
            })
    };
    let outcome_head = |i: usize, w: &str| announcing_verb && i + 1 < between.len() && outcome_stem(bare(w));
    let outcome_possessed = |w: &str| announcing_verb && possessed(w) && outcome_stem(bare(w));
    // (the outcome is the object, or the subject of a passive: «تُعلن النتائج النهائية الأحد»; a
    // word that also names a person, right after the verb with no subject before it, is the
    // subject: «يعلن الحكم الدولي اعتزاله الأحد» is the referee announcing his retirement)
    let names_person = |i: usize, w: &str| i == 0 && !subject_given && OUTCOMES_NAMING_A_PERSON.iter().any(|p| bare(w).starts_with(p.trim_start_matches("ال")) || bare(w) == *p);
    let outcome_at = between.iter().enumerate().position(|(i, w)| (announced(w) || outcome_head(i, w) || outcome_possessed(w)) && !names_person(i, w));
    let outcome = announcing_verb && outcome_at.is_some();
    // Beside a named outcome, a definite word names the body or what the outcome is of («الهيئة
    // الوطنية للانتخابات»، «النتائج النهائية للانتخابات»): no thing of its own the day could date
    // (a definite word is in no construct with the day after it).
    // (nor what the outcome is of, in its construct: «نتائج امتحانات البكالوريا»; the word right
    // before the day is left to the checks below)
    let of_outcome = |w: &str| {
        let j = between.iter().position(|x| std::ptr::eq(*x, w));
        outcome_at.zip(j).is_some_and(|(o, j)| j >= o && j + 1 < between.len())
    };
    let self_dated = |w: &str| has_stem(w, table_words(grammar, "self_dated_stems")) && !announced(w) && !(outcome && (definite(w) || of_outcome(w)));
    // «يعلن / تعلن» set a day ahead only for such an outcome («تعلن اللجنة النتائج النهائية يوم
    // الأحد»): a present-tense lead announcing anything else on a day («تعلن الحكومة الحداد
    // الوطني الأحد») tells what was announced then as often as what will be, and keeps the
    // nearest reading.
    if announcing_verb && !outcome {
        return None;
    }
    if object_words.iter().any(|w| self_dated(w)) || (outcome && between.iter().any(|w| self_dated(w))) {
        return None;
    }
    for w in between {
        let b = bare(w);
        if RELATIVE_PRONOUNS.contains(&b) || in_table(grammar, "tied_elsewhere", b) || in_table(grammar, "tied_elsewhere", w) || grammar.cue(b).is_some() || maybe_perfect_feminine(w) || is_future_verb(b) {
            return None;
        }
        // another verb in the clause: its own day, maybe
        if imperfect_verb(grammar, b) {
            return None;
        }
    }
    let last = bare(between[between.len() - 1]);
    // (after a named outcome a definite event noun is what the outcome is of: «نتائج الانتخابات الأحد»)
    if self_dated(last) || (EVENT_NOUNS.contains(&last) && !outcome) {
        return None;
    }
    // a participle in الم… after a definite noun (الامتحانات المجراة، النتائج المعلنة) dates its own
    // event; a noun after a preposition is the place (إلى المدينة، أمام المحكمة)
    let after_noun = between.len() >= 2 && definite(between[between.len() - 2]);
    if after_noun && last.starts_with("الم") && (last.ends_with('ه') || last.ends_with("ين") || last.ends_with("ون")) {
        return None;
    }
    // A plain ـه after a definite word closes a possessed object too («يتسلم الرئيس الجديد مهامه»),
    // where an indefinite feminine would have nothing definite before it to be governed by.
    let after_definite = after_noun && last.ends_with('ه') && !definite(last) && last.chars().nth(3).is_some();
    if !(definite(last) || possessed(last) || accusative(last) || after_definite) {
        return None;
    }
    // Something beyond the subject: an object closed by a pronoun or ـًا, or a prepositional phrase.
    // Or a definite subject and definite words after it («تعلن اللجنة النتائج النهائية»): a word
    // with the article is in no construct with the one before it, so they are the object and its
    // adjectives (or the subject's adjectives, which the verb + subject reading takes ahead too).
    let definite_object = between.len() >= 3 && between.iter().all(|w| definite(w));
    let object = after_definite || definite_object || outcome || object_words.iter().any(|w| possessed(w) || accusative(w) || PREPOSITIONS.contains(&bare(w)) || {
        let b = bare(w);
        (b.starts_with("بال") || b.starts_with("لل")) && b.chars().nth(4).is_some()
    });
    object.then_some(verb)
}

/// A thing called for or decided, named between a perfect verb of calling or deciding and a bare
/// day: «دعت النقابة إلى إضراب عام الخميس»، «أعلنت الوزارة تعليق الدراسة الخميس»، «حددت المحكمة
/// جلسة الأحد موعدا». Also a day said to be a coming calendar day after أن: «أعلنت المحكمة أن
/// الخميس هو أول أيام رمضان». The day is the thing's, reported soon after the decision: the
/// nearest occurrence leaning ahead (see [`lean_ahead`]). The verb comes within five words
/// before the day with only its subject, «إلى»/«بـ» and the planned noun's phrase between.
/// `before` are the clause's words before the day at `at`, in text order; the caller has made
/// sure the day is bare ([`bare_day`]).
pub(crate) fn decided_thing<'t>(grammar: &Grammar, text: &'t str, before: &[&'t str], sentence_end: usize, at: Range<usize>) -> Option<&'t str> {
    // (the words after the day are read last: the reading before them rarely holds, and they run
    // to the end of the sentence)
    decided_thing_before(grammar, text, before, sentence_end, at.clone()).filter(|_| !told_as_done(grammar, text, at.end.min(sentence_end)..sentence_end))
}

/// [`decided_thing`] from the words before the day (and its complement), whatever follows.
fn decided_thing_before<'t>(grammar: &Grammar, text: &'t str, before: &[&'t str], sentence_end: usize, at: Range<usize>) -> Option<&'t str> {
    // «… أن الخميس هو آخر يوم للتسجيل»، «… هو موعد الانسحاب» (a first of a month is left to
    // [`weekday_takes_the_apposed_first`]: the day must be the month's first by the calendar)
    // (the tables, looked up by name once a call, not once a word)
    let (deciding, tied) = (grammar.word_table("deciding_verbs"), grammar.word_table("tied_elsewhere"));
    if let Some(&c) = before.last() {
        if matches!(bare(c), "ان" | "بان") {
            let after = words(text, at.end.min(sentence_end)..sentence_end);
            let named = after.first().is_some_and(|w| matches!(bare(w), "هو" | "هي" | "سيكون" | "يكون"))
                && after.get(1).is_some_and(|w| matches!(bare(w), "اخر" | "موعد" | "بدايه" | "نهايه"));
            let by_decision = before.iter().rev().skip(1).take(4).any(|w| deciding.is_some_and(|t| t.contains(bare(w))) || matches!(grammar.cue(bare(w)), Some(Direction::Past)));
            if named && by_decision {
                return Some(c);
            }
        }
    }
    // (the walk below finds a thing only at a verb of calling or deciding among the last six
    // words: asked first, by one look-up a word, before the stems of every word are tried)
    if !before.iter().rev().take(6).any(|w| deciding.is_some_and(|t| t.contains(bare(w)))) {
        return None;
    }
    let (concluded, self_dated, planned_stems) = (table_words(grammar, "concluded_stems"), table_words(grammar, "self_dated_stems"), table_words(grammar, "planned_stems"));
    let mut planned = false;
    for (i, w) in before.iter().rev().take(6).enumerate() {
        let b = bare(w);
        if deciding.is_some_and(|t| t.contains(b)) {
            // «وكانت النقابة قد دعت …»: a pluperfect, the call and its day both past
            let at_verb = before.len() - 1 - i;
            if before[..at_verb].iter().any(|p| matches!(bare(p), "كان" | "كانت" | "كانوا" | "قد")) {
                return None;
            }
            return planned.then_some(*w);
        }
        if i == 0 && (RELATIVE_PRONOUNS.contains(&b) || grammar.cue(b).is_some()) {
            return None;
        }
        if RELATIVE_PRONOUNS.contains(&b) || tied.is_some_and(|t| t.contains(b)) || matches!(b, "ان" | "بان") || grammar.cue(b).is_some() || maybe_perfect_feminine(w) || imperfect_verb(grammar, b) || is_future_verb(b) {
            return None;
        }
        // what has ended, or an event that dates itself («فتح تحقيق في الحادث الأحد»)
        // (whether it names a planned thing, asked at most once)
        let mut of_plan = None;
        let mut names_plan = || *of_plan.get_or_insert_with(|| has_stem(b, planned_stems));
        if has_stem(b, concluded) || (has_stem(b, self_dated) && !names_plan()) {
            return None;
        }
        if names_plan() {
            planned = true;
        }
    }
    None
}

/// The direction that puts weekday `weekday` (ISO, 1 = Monday) at its nearest occurrence from
/// `date`, leaning ahead: the coming one when it is at most four days away (a past one up to a day
/// nearer loses), what a decision's or a call's day mostly is.
pub(crate) fn lean_ahead(weekday: Option<u32>, date: NaiveDate) -> Prefer {
    let Some(w) = weekday else { return Prefer::Nearest };
    let today = date.weekday().number_from_monday();
    let ahead = (w + 7 - today) % 7;
    if ahead <= 4 {
        Prefer::Future
    } else {
        Prefer::Past
    }
}

/// The direction for weekday `weekday` (ISO, 1 = Monday) governed by an imperfect verb, from
/// `date`: ahead, but the day before `date` is yesterday's, read past — a news lead tells in the
/// present what happened the day before («تشهد البلاد انقطاعا للكهرباء الأحد»، «تحتفل المدينة
/// بعيدها الوطني السبت» in a Monday or a Sunday article), and seldom announces a day six days off
/// by its bare name.
pub(crate) fn ahead_unless_yesterday(weekday: Option<u32>, date: NaiveDate) -> Prefer {
    let Some(w) = weekday else { return Prefer::Future };
    let today = date.weekday().number_from_monday();
    if (w + 7 - today) % 7 == 6 {
        Prefer::Past
    } else {
        Prefer::Future
    }
}

/// A measure decided, ordered or approved on a bare weekday («قررت الحكومة رفع الحظر الأحد»،
/// «وافق البرلمان على فتح المعبر الجمعة»): a verb of the word table `decision_verbs` (a decision
/// is of what is still to come, whatever the measure: lifting a ban as well as imposing it), and,
/// within eight words before the day, the measure's verbal noun (a stem of `planned_stems` or
/// `decided_acts`). The verb may stand up to twelve words before the measure, the words of a
/// circumstance or a long subject between them («قررت الحكومة بعد اجتماع طويل مع ممثلي النقابات
/// رفع الحظر الأحد»، «أعلنت النقابة العامة للأطباء الدخول في إضراب مفتوح الأحد»). The other verbs
/// of calling or deciding (`deciding_verbs`: «أعلن»، «دعا») govern only a thing planned
/// (`planned_stems`), and not across a thing concluded or self-dated (`concluded_stems`,
/// `self_dated_stems`: «أعلنت الشرطة مقتل متظاهرين في إضراب الأحد»). Between the measure and the
/// day no word that ties the day elsewhere (`tied_elsewhere`, a relative pronoun, a complementiser,
/// another verb); the measure is no object of a cause or a time («بسبب الاحتجاجات الأحد»); between
/// the verb and the measure no complementiser, relative pronoun or other verb; no «كان / قد» before
/// the verb (a pluperfect: the decision and its day both past); nor a day the words after it tell
/// done. A day right after the verb and its subject («قررت المحكمة الأحد تأجيل القضية») has no
/// measure before it: the decision's day. `before` are the clause's words before the day, in text
/// order; the verb found.
pub(crate) fn decided_measure<'t>(grammar: &Grammar, text: &'t str, before: &[&'t str], sentence_end: usize, at: Range<usize>) -> Option<&'t str> {
    let planned = |w: &str| has_stem(w, table_words(grammar, "planned_stems"));
    // (also as written, a ف of the stem no conjunction: «فرض»، «فتح»، «فك»)
    let acts = table_words(grammar, "decided_acts");
    let measure_stem = |w: &str| planned(w) || has_stem(w, acts) || acts.iter().any(|s| w.strip_prefix('و').unwrap_or(w).starts_with(s.as_str()));
    let other_verb = |w: &str, b: &str| grammar.cue(b).is_some() || maybe_perfect_feminine(w) || imperfect_verb(grammar, b) || is_future_verb(b);
    let stop = |w: &str, b: &str| RELATIVE_PRONOUNS.contains(&b) || matches!(b, "ان" | "بان" | "لان" | "انه" | "انها") || PAST_SIGNS.contains(&b) || other_verb(w, b);
    // (asked first, cheaply: the walk below dates a measure only at a verb of deciding or calling
    // among the last twenty words, so a clause where no word, as written or bare, can be one by
    // its byte length and its second, fourth and last bytes ends here without a look-up a word)
    let (decision, deciding) = (table_words(grammar, "decision_verbs"), table_words(grammar, "deciding_verbs"));
    let key = |w: &str| {
        let b = w.as_bytes();
        let at = |i: usize| usize::from(b.get(i).copied().unwrap_or(0) & 63);
        (at(1) << 8 ^ at(3) << 4 ^ at(b.len().wrapping_sub(1)) ^ b.len() << 11) & 0x3fff
    };
    let mut keys = [0u64; 256];
    for w in decision.iter().chain(deciding) {
        let k = key(w);
        keys[k / 64] |= 1 << (k % 64);
    }
    let may_be = |w: &str| {
        let k = key(w);
        keys[k / 64] & (1 << (k % 64)) != 0
    };
    if !before.iter().rev().take(20).any(|w| may_be(w) || may_be(bare(w))) {
        return None;
    }
    let mut back = before.iter().rev();
    let mut measure = None;
    // (a sitting or an occasion named before the day, «في اجتماعها الأحد»، «في جلسة الأحد»،
    // «في تجمع انتخابي السبت»: the day is the sitting's, where the decision was made)
    let sitting = |k: usize| {
        let w = before[k];
        let b = bare(w);
        let nouns = table_words(grammar, "sitting_nouns");
        let with_clitic = without_clitics(b) != b && has_stem(without_clitics(b), nouns);
        has_stem(b, nouns) && (with_clitic || k.checked_sub(1).is_some_and(|p| matches!(bare(before[p]), "في" | "خلال" | "اثناء" | "ختام" | "وفي")))
    };
    // (a measure's noun may be written as a perfect is, «فتح المعبر»: the verb of deciding before
    // it tells which it is)
    for (k, w) in before.iter().enumerate().rev().take(8) {
        back.next();
        let b = bare(w);
        if sitting(k) {
            return None;
        }
        if measure_stem(w) && !maybe_perfect_feminine(w) && !imperfect_verb(grammar, b) && !is_future_verb(b) {
            measure = Some(*w);
            break;
        }
        if in_table(grammar, "tied_elsewhere", b) || stop(w, b) {
            return None;
        }
    }
    let measure = measure?;
    let rest: Vec<&&'t str> = back.take(12).collect();
    // (the measure is no object of a cause or a time: «بسبب الاحتجاجات الأحد»)
    if rest.first().is_some_and(|w| in_table(grammar, "tied_elsewhere", bare(w))) {
        return None;
    }
    let mut only_planned = planned(measure);
    for (i, w) in rest.iter().enumerate() {
        let b = bare(w);
        let deciding = in_table(grammar, "decision_verbs", w) || in_table(grammar, "decision_verbs", b);
        let calling = !deciding && (in_table(grammar, "deciding_verbs", w) || in_table(grammar, "deciding_verbs", b));
        if deciding || (calling && only_planned) {
            if rest.iter().skip(i + 1).take(4).any(|p| matches!(bare(p), "كان" | "كانت" | "كانوا" | "قد" | "لقد")) {
                return None;
            }
            // (a decision told inside a relative clause or after «بعد أن»: «المعبر الذي قررت
            // الحكومة فتحه الأحد»، «بعد أن قررت الحكومة فرضه الثلاثاء»: a decision already made,
            // whose day the clause does not put ahead)
            // (unless the sentence goes on ahead: «المعبر الذي قررت السلطات فتحه الأحد سيبقى مفتوحا»)
            let goes_on_ahead = || words(text, at.end.min(sentence_end)..sentence_end).iter().any(|w| is_future_verb(bare(w)));
            // (a reported «أن» is no such clause: «أوضح المتحدث أن الحكومة وافقت على خفض الأسعار السبت»)
            let after_time = rest.get(i + 1).is_some_and(|p| bare(p) == "ان") && rest.get(i + 2).is_some_and(|p| matches!(bare(p), "بعد" | "عقب"));
            if (rest.iter().skip(i + 1).take(2).any(|p| RELATIVE_PRONOUNS.contains(&bare(p))) || after_time || resumptive(grammar, measure)) && !goes_on_ahead() {
                return None;
            }
            return Some(**w).filter(|_| !told_as_done(grammar, text, at.end.min(sentence_end)..sentence_end));
        }
        if stop(w, b) {
            return None;
        }
        if has_stem(b, table_words(grammar, "concluded_stems")) || (has_stem(b, table_words(grammar, "self_dated_stems")) && !planned(b)) {
            only_planned = false;
        }
    }
    None
}

/// Does the measure's noun carry an object pronoun (ه / ها / هم) that takes up a thing named
/// before it («فتحه»، «بفتحه»، «فرضها»; a stem of `decided_acts`): a resumptive pronoun of a relative clause or of a thing
/// already told, not a measure newly decided?
fn resumptive(grammar: &Grammar, measure: &str) -> bool {
    let core = without_clitics(measure);
    ["ها", "هم", "ه"].iter().filter_map(|p| core.strip_suffix(p)).any(|stem| {
        // (of `decided_acts` only: a planned stem + ه is also a noun in ة as normalised text
        // writes it, «عطله»)
        table_words(grammar, "decided_acts").iter().any(|s| s == stem)
    })
}

/// A started thing that is an operation (the word table `operation_nouns`: «عملية»، «هجوم»،
/// «غارات», or a military or security one: «حملة أمنية»), named after the starting noun that
/// follows the announcing verb at byte `verb_at` and before the day at `at` («بدء المرحلة الثانية
/// من العملية العسكرية»): armies and police announce operations as they begin («أعلن الجيش بدء
/// عملية عسكرية في الجنوب السبت»), so the day is the announcing's, past; the opening of a
/// crossing, a route or a service is announced ahead of it («أعلنت الحكومة افتتاح المعبر الأحد»).
pub(crate) fn starts_an_operation(grammar: &Grammar, text: &str, verb_at: usize, at: Range<usize>) -> bool {
    let after = words(text, verb_at.min(at.start)..at.start);
    // (a security body announcing a start announces its own operation as it begins: «أعلنت
    // الشرطة بدء …»، «أعلنت قوات الأمن بدء …»)
    let security_body = after.get(1).is_some_and(|w| {
        let b = without_clitics(w);
        matches!(b.strip_prefix("ال").unwrap_or(b), "شرطه" | "امن" | "جيش" | "قوات" | "درك" | "حرس")
    });
    let Some(start) = after.iter().position(|w| {
        let b = bare(w);
        let b = b.strip_prefix("ب").filter(|r| r.starts_with("ال")).unwrap_or(b);
        let b = b.strip_prefix("ال").unwrap_or(b);
        table_words(grammar, "starting_nouns").iter().any(|n| b.starts_with(n.as_str()))
    }) else {
        return false;
    };
    security_body || after.iter().skip(start + 1).any(|w| has_stem(w, table_words(grammar, "operation_nouns")))
}

/// «بداية السنة الجديدة»، «مطلع العام الجديد»: the year (this year, as the grammar reads «السنة»)
/// followed by الجديد / الجديدة is the coming one when it is said ahead: in November or December,
/// or from July on with a future wording (a سـ verb, a future cue, a sentence opened by an
/// imperfect: «تدخل الزيادة حيز التنفيذ بداية السنة الجديدة»). Never after «منذ» or with a
/// perfect verb before it («شهدت الأسواق ارتفاعا مع بداية العام الجديد» in July is this year's
/// start). Gives the semantics to resolve instead, when that is next year.
pub(crate) fn new_year(grammar: &Grammar, text: &str, sentence_start: usize, matched: Range<usize>, s: &Semantics, date: NaiveDate) -> Option<Semantics> {
    if s.shift != Some((Unit::Year, 0)) || s.year.is_some() || date.month() < 7 {
        return None;
    }
    // (the clause's words: a comma parts off another clause, «… منذ أكثر من عشر سنوات، فيما يخشى
    // مراقبون … خلال العام الجديد», whose «منذ» or perfect verb tells something else)
    let clause_start = text.get(sentence_start.min(matched.start)..matched.start).and_then(|head| head.rfind(['،', ',', '؛', ';']).map(|k| sentence_start.min(matched.start) + k + head[k..].chars().next().map_or(1, char::len_utf8))).unwrap_or(sentence_start.min(matched.start));
    let before = words(text, clause_start..matched.start);
    if before.iter().any(|w| matches!(bare(w), "منذ" | "مذ") || maybe_perfect_feminine(w) || matches!(grammar.cue(bare(w)), Some(Direction::Past))) {
        return None;
    }
    let said_ahead = before.iter().any(|w| is_future_verb(bare(w)) || matches!(grammar.cue(bare(w)), Some(Direction::Future)))
        || before.first().is_some_and(|w| {
            let b = bare(w);
            imperfect_verb(grammar, b) || in_table(grammar, "schedule_verbs", b) || matches!(b, "يدخل" | "تدخل")
        });
    if date.month() < 11 && !said_ahead {
        return None;
    }
    // «العام» with «الجديد» after it, or inside the match when the grammar takes it in
    // («خلال العام الجديد» as one expression)
    let own = words(text, matched.clone());
    let inside = own.len() >= 2 && matches!(bare(own[own.len() - 1]), "الجديد" | "الجديده") && matches!(bare(own[own.len() - 2]), "السنه" | "العام");
    if !inside {
        let last = own.last().map(|w| bare(w))?;
        if !matches!(last, "السنه" | "العام") {
            return None;
        }
        let next = text.get(matched.end..).and_then(|rest| rest.split(|c: char| !tarikh_text::is_word_char(c)).find(|w| !w.is_empty()))?;
        if !matches!(next, "الجديد" | "الجديده") {
            return None;
        }
    }
    let mut sem = s.clone();
    sem.shift = Some((Unit::Year, 1));
    Some(sem)
}

/// «يوم الأحد غرة محرم 1446»، «الاثنين مستهل شهر رمضان»، «الأربعاء فاتح ماي»: a bare weekday set
/// right before the first of a month (غرة / مستهل / فاتح, the grammar's own expression) names that
/// day, whatever a verb says: when the month's first falls on that weekday, the weekday takes its
/// value and interval (the two expressions stay two, as the grammar finds them).
pub(crate) fn weekday_takes_the_apposed_first(mentions: &[&tarikh_grammar::Mention], timexes: &mut [crate::types::Timex], text: &str) {
    use crate::types::TimexType;
    for i in 0..timexes.len().saturating_sub(1) {
        let Some(m) = mentions.get(i) else { continue };
        let s = &m.semantics;
        let Some(w) = s.weekday else { continue };
        if s.day.is_some() || s.month.is_some() || s.year.is_some() || s.shift.is_some() || s.direction.is_some() || !bare_day(text, m.matched.clone()) {
            continue;
        }
        let (this, next) = (&timexes[i], &timexes[i + 1]);
        if !matches!(this.kind, TimexType::Date) || !matches!(next.kind, TimexType::Date) {
            continue;
        }
        let Some(gap) = text.get(this.byte_range.end..next.byte_range.start) else { continue };
        // «الأحد غرة محرم»، «أن الجمعة هو أول أيام ذي الحجة»
        // (the gap's words counted only as far as needed, and only when it holds more than spaces)
        let copula = || {
            let mut gap_words = gap.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty());
            matches!((gap_words.next(), gap_words.next()), (Some(w), None) if matches!(bare(w), "هو" | "هي"))
        };
        if !(gap.chars().all(|c| c.is_whitespace() || c == ',') || copula()) {
            continue;
        }
        let first = words(text, next.byte_range.clone()).first().map(|x| bare(x)).unwrap_or("");
        if !matches!(first, "غره" | "مستهل" | "فاتح" | "اول") {
            continue;
        }
        let Some(iv) = next.interval else { continue };
        let day = iv.start.date_naive();
        if next.value.len() != 10 || day.weekday().number_from_monday() != w || this.interval.is_some_and(|own| own.start.date_naive() == day) {
            continue;
        }
        let (value, interval) = (next.value.clone(), next.interval);
        timexes[i].value = value;
        timexes[i].interval = interval;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `new_year` of «العام الجديد» matched whole (as a grammar rule taking «الجديد» in reads it)
    /// in `text`, published on `date`: the year shift it gives, if any.
    fn new_year_shift(text: &str, date: &str) -> Option<i32> {
        let grammar = Grammar::embedded().expect("grammar");
        let at = text.find("العام الجديد").expect("the phrase");
        let s = Semantics { shift: Some((Unit::Year, 0)), ..Semantics::default() };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        new_year(&grammar, text, 0, at..at + "العام الجديد".len(), &s, date).and_then(|s| s.shift).map(|(_, n)| n)
    }

    #[test]
    fn the_new_year_matched_whole_is_the_coming_one_in_late_december() {
        assert_eq!(new_year_shift("يتوقع أن يشهد الاقتصاد نموا خلال العام الجديد", "2024-12-28"), Some(1));
        // early January: the year just begun, which the grammar's own reading gives
        assert_eq!(new_year_shift("يتوقع أن يشهد الاقتصاد نموا خلال العام الجديد", "2025-01-03"), None);
        // a past verb before it: the year already begun
        assert_eq!(new_year_shift("شهدت الأسواق ارتفاعا خلال العام الجديد", "2024-12-28"), None);
        // a «منذ» of another clause, parted off by a comma, does not tell this one
        assert_eq!(new_year_shift("تعيش البلاد أزمة منذ سنوات، فيما يخشى المراقبون تفاقمها خلال العام الجديد", "2024-12-28"), Some(1));
    }
}
