//! The relations the text states between mentions: event offsets, signals, reports after the
//! past events they report, and people's reactions to a sudden event.

use crate::{EventMention, MentionRelation, Relation, RelationBasis};
use std::collections::HashSet;
use super::{Draft, SignalHit, drafts_of_sentence};
use super::context::Ctx;
use super::roles::{COMPLEMENTIZERS, COORDINATED_COMPLEMENTIZERS};
use super::words::is_perfect_verb;
use tarikh_anchor::{OffsetDirection, TimexType};

/// People's reactions to a sudden event their sentence names ("شعر السكان بهزة أرضية، وهرع
/// بعضهم إلى الشوارع"; "قضت العائلات ليلتها في العراء بسبب الهزات الارتدادية"): a mention of a
/// type that `reacts_to` others, with no date of its own, begins within
/// [`crate::REACTION_WINDOW_SECONDS`] after the nearest mention of one of those types in its
/// sentence (a [`RelationBasis::Reaction`] relation). A news text seldom dates the reaction: it
/// tells it with the shock.
pub(super) fn reactions(cx: &Ctx, drafts: &[Draft], mentions: &[EventMention], relations: &mut Vec<MentionRelation>) {
    let types = cx.lex.types();
    let mut added = false;
    for (x, d) in drafts.iter().enumerate() {
        let Some(reacts_to) = d.type_idx.map(|ti| &types[ti].reacts_to).filter(|r| !r.is_empty()) else { continue };
        if mentions[x].time.is_some() || mentions[x].since.is_some() {
            continue;
        }
        let sent = cx.words[d.first].sentence;
        let cause = drafts
            .iter()
            .enumerate()
            .filter(|&(c, o)| c != x && cx.words[o.first].sentence == sent && o.type_idx.is_some_and(|ti| reacts_to.contains(&types[ti].name)))
            .min_by_key(|(c, o)| (o.first.abs_diff(d.first), *c))
            .map(|(c, _)| c);
        let Some(cause) = cause else { continue };
        let lo = mentions[x].byte_range.start.min(mentions[cause].byte_range.start);
        let hi = mentions[x].byte_range.end.max(mentions[cause].byte_range.end);
        let (start, end) = cx.span(lo..hi);
        relations.push(MentionRelation {
            source: x,
            relation: Relation::After,
            target: cause,
            offset_min_seconds: Some(0),
            offset_max_seconds: Some(crate::REACTION_WINDOW_SECONDS),
            start,
            end,
            basis: RelationBasis::Reaction,
            same_day: false,
            modifier: None,
            timex: None,
        });
        added = true;
    }
    if added {
        relations.sort_by_key(|r| (r.start, r.end, r.source, r.target));
    }
}

/// Words (normalised, without «و») that, from the opening of an answer's clause to its trigger,
/// tell it as not given: a condition («إذا»، «لو»), a duty («يجب»، «ينبغي»، «يتعين»), a refusal
/// («رفضت الحكومة إعلان الحداد»، «استبعد الوزير فتح تحقيق»). («إن» of a condition is written as
/// «أن» that reports: left out.)
const NOT_GIVEN: &[&str] = &[
    "اذا", "لو", "يجب", "ينبغي", "يتعين", "يفترض", "رفض", "رفضت", "رفضوا", "ترفض", "يرفض", "استبعد", "استبعدت",
];

/// Words of an expectation, not given only as «من X أن» («ومن المنتظر أن تفتح»; «كما كان من
/// المتوقع» compares with what happened, «المهرجان المقرر» is a noun's adjective).
const EXPECTED: &[&str] = &["المنتظر", "المتوقع", "المرتقب", "المقرر"];

/// Verbs of calling for something, not given only when the call governs the trigger through
/// «إلى» or a «ب»-noun («دعا النواب إلى إعلان الحداد»، «طالبوا بفتح تحقيق»; «وبعد أن طالب النواب
/// بذلك أعلنت الحكومة الحداد» tells the answer given).
const CALLS: &[&str] = &["دعا", "دعت", "دعوا", "طالب", "طالبت", "طالبوا"];

/// Words with «ب» that govern no answer after a call («طالب النواب بذلك»، «بعد»، «بين»).
const NOT_GOVERNING_BA: &[&str] = &["بذلك", "به", "بها", "بهم", "بهذا", "بهذه", "بعد", "بين"];

/// Words after which a negation before them no longer holds: an exception («لم تعلن الحداد إلا
/// بعد»), a turn («بل»، «لكن»، «ثم»), «لم تكتف … بل»: what follows is told as given.
const SCOPE_ENDS: &[&str] = &["الا", "بل", "لكن", "ثم", "يكتف", "تكتف", "يكتفوا"];

/// Whether the answer of draft `d`, whose clause opens at word `opening`, is told as given: no
/// negation (with «ما» opening the clause) still holding at its trigger, no future verb where a
/// verb stands, no condition, expectation «من X أن», duty or refusal between the opening and its
/// trigger, no call governing it, no word of requesting right before it, and no purpose «ل» on
/// the trigger («لفتح تحقيق»).
fn told_as_given(cx: &Ctx, opening: usize, d: &Draft) -> bool {
    let bare_of = |wi: usize| {
        let w = cx.word(wi);
        w.strip_prefix(['و', 'ف']).unwrap_or(w)
    };
    // a verb can stand first in the clause, after «أن/إن» (with a pronoun: «إنها») or after «ثم»
    let verb_place = |wi: usize| {
        wi == opening || wi == d.first || (wi > opening && {
            let p = bare_of(wi - 1);
            p == "ثم" || (p.starts_with("ان") && p.chars().count() <= 4)
        })
    };
    let mut negated = false;
    let mut not_given = false;
    for wi in opening..d.first.max(opening) {
        let w = cx.word(wi);
        let bare = bare_of(wi);
        if SCOPE_ENDS.contains(&bare) || fa_verb(w) {
            negated = false;
        }
        // («وما فتحت»: «ما» opening the clause before a verb negates it)
        if cx.lex.is_negation(w) || (wi == opening && bare == "ما") {
            negated = true;
        }
        let expected = EXPECTED.contains(&bare) && wi > opening && bare_of(wi - 1) == "من" && wi + 1 < d.first && cx.word(wi + 1).starts_with("ان");
        let call = CALLS.contains(&bare) && (wi + 1..=d.first).any(|x| {
            let v = cx.word(x);
            v == "الي" || v == "الى" || (v.starts_with('ب') && !NOT_GOVERNING_BA.contains(&v))
        });
        if NOT_GIVEN.contains(&bare) || expected || call || (verb_place(wi) && future_verb(w)) {
            not_given = true;
        }
    }
    // «ولم تعلن الحكومة الحداد إلا بعد …»: the exception follows the trigger
    let excepted = cx.words_of_clause(cx.words[d.first].clause).any(|wi| wi > d.first && bare_of(wi) == "الا");
    let word = cx.word(d.first);
    // a purpose «ل» is the prefix's own last letter («لفتح»، «ولفتح»), not a word's («ولجنة»)
    let prefix_len = d.start_byte.saturating_sub(cx.words[d.first].range.start);
    let purpose = prefix_len > 0 && word.get(..prefix_len).is_some_and(|p| p.ends_with('ل'));
    let negation_holds = negated && !excepted;
    let blocked = negation_holds || not_given || purpose || future_verb(word);
    !blocked && cx.requesting_before(d.first).is_none()
}

/// Whether the normalised word `w` is a verb prefixed with «ف» that goes on the telling («ولم
/// تتأخر الحكومة فأعلنت الحداد»): «ف», then an imperfect's or a derived perfect's first letter,
/// and at least four letters after it.
fn fa_verb(w: &str) -> bool {
    w.strip_prefix('ف').is_some_and(|r| r.starts_with(['ا', 'ت', 'ي', 'ن']) && r.chars().count() >= 4)
}

/// Whether the normalised word `w` is a verb in the future: the particle س before the imperfect's
/// prefix («وستعلن»، «سيفتح»، «ثم ستبدأ»), perhaps after «و» or «ف»; words such as «سيارة» and
/// «ستة» are too short or lack the prefix's next letter. Asked only where a verb can stand.
fn future_verb(w: &str) -> bool {
    let w = w.strip_prefix(['و', 'ف']).filter(|r| r.starts_with('س')).unwrap_or(w);
    w.strip_prefix('س').is_some_and(|r| r.starts_with(['ي', 'ت']) && r.chars().count() >= 3 && !r.starts_with("يار") && !r.starts_with("تين"))
}

/// Mention `x` comes after mention `cause`, with no upper bound (a [`RelationBasis::Response`]
/// relation: an answer or a rescue may come days later), its evidence the text from one to the other.
fn comes_after(cx: &Ctx, mentions: &[EventMention], x: usize, cause: usize) -> MentionRelation {
    let lo = mentions[x].byte_range.start.min(mentions[cause].byte_range.start);
    let hi = mentions[x].byte_range.end.max(mentions[cause].byte_range.end);
    let (start, end) = cx.span(lo..hi);
    MentionRelation {
        source: x,
        relation: Relation::After,
        target: cause,
        offset_min_seconds: Some(0),
        offset_max_seconds: None,
        start,
        end,
        basis: RelationBasis::Response,
        same_day: false,
        modifier: None,
        timex: None,
    }
}

/// Work on a happening's wreck («تواصل فرق الإنقاذ البحث عن ناجين تحت المباني المهدمة نتيجة
/// الزلزال»، «تكافح فرق الدفاع المدني منذ نحو 30 ساعة للبحث عن المفقودين … عقب الزلزال»): a
/// mention of a type that `follows` others, going on «منذ» a time, in a sentence naming one of
/// them, comes after the nearest (a [`RelationBasis::Response`] relation, no upper bound): rescuers
/// search the rubble the disaster left, so a search «منذ نحو 30 ساعة» started no earlier than it
/// even when the article's date leaves its approximate start earlier. A sentence names the
/// disaster the rescue follows before or after it (news of every disaster, every outlet).
pub(super) fn wreck_work(cx: &Ctx, drafts: &[Draft], relations: &mut Vec<MentionRelation>, mentions: &[EventMention]) {
    let types = cx.lex.types();
    let mut added = false;
    for (x, d) in drafts.iter().enumerate() {
        let Some(follows) = d.type_idx.map(|ti| &types[ti].follows).filter(|r| !r.is_empty()) else { continue };
        // only a work going on «منذ» a time is bounded: its start counted back may fall before the
        // disaster; one dated to a day is placed by its day, and an undated one would become a
        // row of its own by the relation alone, a row the text gives no time
        if mentions[x].time.is_some() || mentions[x].since.is_none() {
            continue;
        }
        let sent = cx.words[d.first].sentence;
        let cause = drafts
            .iter()
            .enumerate()
            .filter(|&(c, o)| c != x && cx.words[o.first].sentence == sent && o.type_idx.is_some_and(|ti| follows.contains(&types[ti].name)))
            .min_by_key(|(c, o)| (o.first.abs_diff(d.first), *c))
            .map(|(c, _)| c);
        let Some(cause) = cause else { continue };
        if relations.iter().any(|r| (r.source, r.target) == (x, cause) || (r.source, r.target) == (cause, x)) {
            continue;
        }
        relations.push(comes_after(cx, mentions, x, cause));
        added = true;
    }
    if added {
        relations.sort_by_key(|r| (r.start, r.end, r.source, r.target));
    }
}

/// An authority's answer to a happening, told with no time of its own after it in its sentence
/// («وقع الانفجار صباح الأحد، وفتحت النيابة تحقيقا في الحادث»، «ضرب الزلزال المدينة فجر الاثنين،
/// وأعلنت الحكومة الحداد ثلاثة أيام»): a mention of a type that `responds_to` others, whose clause
/// opens with «و» or «ثم» after the clause of the nearest earlier mention of one of those types
/// (in its sentence, or in the sentence before when the «و» opens its own sentence: «نعى المجلس
/// اليوم وفاة الأمير. وأعلن الوزير الحداد»), comes after it (a [`RelationBasis::Response`] relation, no upper bound: the answer may come
/// days later). News tells the happening, then what was done about it: a reader places the
/// answer after the happening and before the article, not on the happening's day (the gold's
/// undated declaration «عقب …»، the toll reported «after the quake» before the article). The
/// measures announced with it, coordinated by «و» right after it in its clause, are answers too.
/// Only an answer told as given counts (see `told_as_given`).
pub(super) fn responses(cx: &Ctx, drafts: &[Draft], mentions: &[EventMention], relations: &mut Vec<MentionRelation>) {
    let types = cx.lex.types();
    let mut added = false;
    for (x, d) in drafts.iter().enumerate() {
        let Some(responds_to) = d.type_idx.map(|ti| &types[ti].responds_to).filter(|r| !r.is_empty()) else { continue };
        if mentions[x].time.is_some() || mentions[x].since.is_some() {
            continue;
        }
        let w = &cx.words[d.first];
        // the answer's clause opens with «و» or «ثم» (its first word, the verb: «وأعلنت»، «ثم فتحت»)
        let Some(opening) = cx.words_of_clause(w.clause).next() else { continue };
        let opener = cx.word(opening);
        let clause_goes_on = (opener.starts_with('و') || opener == "ثم") && opening > 0;
        // an answer in a sentence opening with «و» goes on with the sentence before, which may
        // tell the happening («نعى مجلس الوزراء اليوم وفاة الأمير. وأعلن الوزير، وفقا للوكالة،
        // الحداد الرسمي 40 يوما»: an attribution between may open a clause of its own)
        let sentence_start = (0..=d.first).rev().take_while(|&i| cx.words[i].sentence == w.sentence).last().unwrap_or(d.first);
        let sentence_goes_on = sentence_start > 0 && cx.word(sentence_start).starts_with('و');
        if !clause_goes_on && !sentence_goes_on {
            continue;
        }
        // the relation says the answer was given, before the article: not one still to come or
        // not given («وسيتم فتح تحقيق»، «وقالت إنها ستفتح تحقيقا»، «ولم تفتح النيابة تحقيقا»، «وما
        // فتحت»، «وإذا فتحت»، «ومن المنتظر أن تفتح»، «ويجب فتح»), nor one only asked for or offered
        // («ودعا الوزير إلى فتح تحقيق»، «وأعلنت استعدادها لفتح تحقيق»)
        if !told_as_given(cx, opening, d) {
            continue;
        }
        let cause = (0..x).rev().find(|&c| {
            let o = &drafts[c];
            let at = &cx.words[o.first];
            let before = (clause_goes_on && at.sentence == w.sentence && at.clause < w.clause) || (sentence_goes_on && at.sentence + 1 == w.sentence);
            before && o.type_idx.is_some_and(|ti| responds_to.contains(&types[ti].name))
        });
        let Some(cause) = cause else { continue };
        if mentions[cause].time.is_none() {
            continue;
        }
        // the answer names a happening of its own after it, of another kind («اندلع حريق … الأحد،
        // وأعلنت الحكومة الحداد على ضحايا الزلزال»): it answers that one, not the clause before
        let names_another = drafts[x + 1..].iter().take_while(|o| cx.words[o.first].sentence == w.sentence).any(|o| {
            cx.words[o.first].clause == w.clause && o.type_idx.is_some_and(|ti| responds_to.contains(&types[ti].name)) && o.type_idx != drafts[cause].type_idx
        });
        if names_another {
            continue;
        }
        relations.push(comes_after(cx, mentions, x, cause));
        added = true;
        // measures announced with it, coordinated by «و» in its clause («وأعلنت الحكومة الحداد
        // أسبوعا وإغلاق المدارس يومين»، «الحداد وتعطيل الدوائر وتنكيس الأعلام»): the same answer
        // to the same happening
        for y in x + 1..drafts.len() {
            let o = &drafts[y];
            let coordinated = cx.words[o.first].clause == w.clause && o.start_byte > cx.words[o.first].range.start && cx.word(o.first).starts_with('و');
            let declared = o.type_idx.is_some_and(|t| types[t].declared && !types[t].reports);
            if !coordinated || !declared {
                break;
            }
            if mentions[y].time.is_none() && mentions[y].since.is_none() {
                relations.push(comes_after(cx, mentions, y, cause));
            }
        }
    }
    if added {
        relations.sort_by_key(|r| (r.start, r.end, r.source, r.target));
    }
}

/// The other end of a relation whose introduced event is `b`, around position `at` (a signal or
/// an offset timex): the nearest mention ending before `at` in the sentence, else the first
/// mention after `b` in a later clause of the sentence (else any later one), preferring a
/// mention of another type than `b`.
pub(super) fn source_for(cx: &Ctx, drafts: &[Draft], b: usize, at: usize, sent: usize) -> Option<usize> {
    let bt = drafts[b].type_idx;
    let same_sent = |i: usize| cx.words[drafts[i].first].sentence == sent && i != b;
    let before: Vec<usize> = (0..drafts.len()).filter(|&i| same_sent(i) && drafts[i].last < at).collect();
    let pick_before = |pref: bool| {
        before
            .iter()
            .copied()
            .filter(|&i| !pref || drafts[i].type_idx != bt || bt.is_none())
            .max_by_key(|&i| (drafts[i].last, i))
    };
    // The nearest event before is preferred even when of b's own type if a date of its own
    // stands between it and the offset: it is another, separately dated event of that kind
    // ("يدلي الناخبون في الخارج السبت، قبل يوم من التصويت").
    if let Some(i) = pick_before(false) {
        let dated = cx.word_timex[drafts[i].last + 1..at.min(cx.words.len())]
            .iter()
            .flatten()
            .any(|&ti| matches!(cx.doc.timexes[ti].kind, TimexType::Date | TimexType::Time) && cx.doc.timexes[ti].event_offset.is_none());
        if dated && drafts[i].type_idx == bt && bt.is_some() {
            return Some(i);
        }
    }
    if let Some(i) = pick_before(true).or_else(|| pick_before(false)) {
        return Some(i);
    }
    let bclause = cx.words[drafts[b].last].clause;
    let after: Vec<usize> = (0..drafts.len()).filter(|&i| same_sent(i) && drafts[i].first > drafts[b].last).collect();
    let later = |pref_type: bool, pref_clause: bool| {
        after.iter().copied().find(|&i| {
            (!pref_clause || cx.words[drafts[i].first].clause != bclause)
                && (!pref_type || drafts[i].type_idx != bt || bt.is_none())
        })
    };
    later(true, true).or_else(|| later(false, true)).or_else(|| later(true, false)).or_else(|| later(false, false))
}

/// The relations the text states between the mentions (event offsets «قبل 48 ساعة من», signals
/// «إثر»، «بعد», a report after the past events it reports), and the words that block a time link
/// (the signals, complementizers, likenings and contrasts: a date beyond them dates another event).
pub(super) fn stated_relations(cx: &Ctx, drafts: &[Draft], mentions: &[EventMention], taken: &[bool], complement: &[Option<usize>]) -> (Vec<MentionRelation>, Vec<usize>) {
    // Relations from event offsets and signals; they also block time links.
    let mut relations = Vec::new();
    let mut blockers: Vec<usize> = Vec::new(); // word indices
    let mention_at = |wi: usize, sent: usize| -> Option<usize> {
        drafts.iter().position(|d| cx.words[d.first].sentence == sent && d.first <= wi && d.last >= wi)
    };
    for (ti, t) in cx.doc.timexes.iter().enumerate() {
        let Some(eo) = &t.event_offset else { continue };
        let tw = cx.words.partition_point(|w| w.range.end <= t.byte_range.start);
        if tw >= cx.words.len() {
            continue;
        }
        blockers.push(tw);
        let wa = cx.words.partition_point(|w| w.range.end <= eo.anchor_at);
        if wa >= cx.words.len() {
            continue;
        }
        let sent = cx.words[wa].sentence;
        let b = mention_at(wa, sent).or_else(|| {
            drafts.iter().position(|d| cx.words[d.first].sentence == sent && d.first > wa && d.first <= wa + 2)
        });
        let Some(b) = b else { continue };
        let tsent = cx.words[tw].sentence;
        // (an event named as the cause or ground of the clause's act, «السكنات المتضررة من زلزال
        // البويرة … غداة إعلان …», is not what the offset dates: that is the act)
        let a = source_for(cx, drafts, b, tw, tsent).filter(|&a| !super::time::after_cause(cx, drafts, &drafts[a]));
        let Some(a) = a else { continue };
        let relation = match eo.direction {
            OffsetDirection::Before => Relation::Before,
            OffsetDirection::After => Relation::After,
        };
        let lo = mentions[a].byte_range.start.min(t.byte_range.start);
        let hi = mentions[b].byte_range.end.max(t.byte_range.end);
        let (start, end) = cx.span(lo..hi);
        relations.push(MentionRelation {
            source: a,
            relation,
            target: b,
            offset_min_seconds: Some(eo.min_seconds),
            offset_max_seconds: Some(eo.max_seconds),
            start,
            end,
            basis: RelationBasis::EventOffset,
            same_day: false,
            modifier: t.modifier.clone(),
            timex: Some(ti),
        });
    }
    let mut hits: Vec<SignalHit> = cx
        .find(&cx.lex.signal_phrases, &cx.lex.signal_index, true)
        .into_iter()
        .map(|(first, last, _, pi)| SignalHit { first, last, signal: cx.lex.signal_phrases[pi].owner })
        .collect();
    // longest signal at each position; signals never overlap triggers' words
    hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last)));
    let mut last_end: Option<usize> = None;
    for h in hits {
        if last_end.is_some_and(|e| h.first <= e) || (h.first..=h.last).any(|wi| taken[wi]) {
            continue;
        }
        last_end = Some(h.last);
        let def = &cx.lex.signals()[h.signal];
        let sent = cx.words[h.first].sentence;
        if h.first > 0 && cx.adjacent(h.first - 1) {
            let prev = cx.word(h.first - 1);
            let bare = prev.strip_prefix('و').or_else(|| prev.strip_prefix('ف')).unwrap_or(prev);
            if def.not_after.iter().any(|w| w == prev || w == bare) {
                continue;
            }
        }
        // the introduced event: the first mention after the signal, close enough, no timex between
        let Some(b) = drafts.iter().position(|d| d.first > h.last) else { continue };
        let d = &drafts[b];
        if cx.words[d.first].sentence != sent
            || d.first > h.last + 1 + def.max_gap
            || (h.last + 1..d.first).any(|wi| cx.word_timex[wi].is_some())
        {
            continue;
        }
        let Some(a) = source_for(cx, drafts, b, h.first, sent) else { continue };
        blockers.push(h.first);
        // «بعد بدء الاشتباكات»، «منذ بدء التصويت»: what follows the signal is the event's start,
        // and «في أعقاب الاشتباكات»، «إثر الحرب» right after a state is right after it broke out
        // (it goes on): the other event follows its start, not its end, which no relation here
        // says; AFTER would end the state before it
        let after_start = def.relation == Relation::After
            && !def.following_is_source
            && ((h.last + 1..d.first).any(|wi| cx.lex.is_beginning(cx.word(wi)))
                || (def.same_day && d.type_idx.is_some_and(|t| cx.lex.types()[t].state_extent)));
        if after_start {
            continue;
        }
        let (source, target) = if def.following_is_source { (b, a) } else { (a, b) };
        let lo = mentions[a].byte_range.start.min(cx.words[h.first].range.start).min(mentions[b].byte_range.start);
        let hi = mentions[a].byte_range.end.max(mentions[b].byte_range.end);
        let (start, end) = cx.span(lo..hi);
        relations.push(MentionRelation {
            source,
            relation: def.relation,
            target,
            offset_min_seconds: None,
            offset_max_seconds: None,
            start,
            end,
            basis: RelationBasis::Signal,
            same_day: def.same_day,
            modifier: None,
            timex: None,
        });
    }
    // A report comes after the past events it reports: in "قال إن الحملة انتهت" the campaign had
    // ended when he spoke (a perfect verb in the reported content is anterior to the report).
    // (the pairs related already, either way round: looked up, not searched, in a long text)
    let mut related: HashSet<(usize, usize)> = relations.iter().map(|q| (q.source.min(q.target), q.source.max(q.target))).collect();
    for c in complement.iter().flatten().copied() {
        let sent = cx.words[c].sentence;
        // the report: the reporting mention nearest before the complementizer (both lie in the
        // sentence)
        let in_sentence = drafts_of_sentence(cx, drafts, sent);
        let Some(r) = in_sentence
            .clone()
            .filter(|&i| drafts[i].last < c && drafts[i].type_idx.is_some_and(|ti| cx.lex.types()[ti].reports))
            .max_by_key(|&i| drafts[i].last)
        else {
            continue;
        };
        for x in in_sentence {
            let d = &drafts[x];
            let reported = d.first > c;
            if !reported {
                continue;
            }
            let past = d.type_idx.is_some_and(|ti| !cx.lex.types()[ti].reports) && (d.first..=d.last).any(|wi| is_perfect_verb(cx.word(wi)) && !cx.lex.is_stopword(cx.word(wi)));
            if !past || !related.insert((r.min(x), r.max(x))) {
                continue;
            }
            let (start, end) = cx.span(mentions[r].byte_range.start..mentions[x].byte_range.end);
            relations.push(MentionRelation {
                source: r,
                relation: Relation::After,
                target: x,
                offset_min_seconds: None,
                offset_max_seconds: None,
                start,
                end,
                basis: RelationBasis::Reported,
                same_day: false,
                modifier: None,
                timex: None,
            });
        }
    }
    relations.sort_by_key(|r| (r.start, r.end, r.source, r.target));
    relations.dedup_by(|x, y| x.source == y.source && x.target == y.target && x.relation == y.relation && x.offset_min_seconds == y.offset_min_seconds && x.offset_max_seconds == y.offset_max_seconds && x.start == y.start);
    // A complementizer opens the content of a verb of saying or showing ("ترجح الاستطلاعات أن
    // ماكرون سيفوز غدا"), a likening opens another event ("على غرار ما حدث العام الماضي"): a date
    // after either is not the time of an event before it, nor one before it of an event after it.
    // A second complement coordinated with the first («أعلنت عدم ثبوت الرؤية وأن العيد سيبدأ
    // السبت»), a contrast without a comma («… في حين تعذرت رؤية الهلال»، «بينما») and a clause of
    // consequence («أعلنت عدم ثبوت الرؤية وعليه يكون السبت أول أيام العيد») bound the dates of each
    // side the same way.
    for wi in 0..cx.words.len() {
        let w = cx.word(wi);
        let second_complement = w.strip_prefix('و').is_some_and(|rest| COMPLEMENTIZERS[..COORDINATED_COMPLEMENTIZERS].contains(&rest));
        let ahead: Vec<&str> = (wi..(wi + 3).min(cx.words.len())).take_while(|&x| cx.words[x].sentence == cx.words[wi].sentence).map(|x| cx.word(x)).collect();
        if COMPLEMENTIZERS.contains(&w) || second_complement || cx.lex.is_likening(w) || cx.lex.opens_contrast(&ahead) || cx.lex.opens_consequence(&ahead) {
            blockers.push(wi);
        }
    }
    blockers.sort_unstable();
    (relations, blockers)
}
