//! What a reporting mention is to the story (news, an attribution, the continuation of a
//! statement), the content it reports, and the mentions that join another event (outcomes,
//! announced objects); whether a mention is told as done.

use crate::{EventMention, MentionRole};
use super::{Draft, drafts_of_sentence};
use super::context::Ctx;
use super::label::{LABEL_STOPS, PREPOSITIONS};
use super::time::{CONTINUATION_SENTENCES, words_ending_at};
use super::words::{is_perfect_verb, looks_like_verb, without_conjunction};

/// Words that open reported content after a reporting verb: complementizers, and the adverbial
/// participles of speech ("قال …، معلقا على عملية القرصنة": the hack is what he spoke about).
pub(super) const COMPLEMENTIZERS: &[&str] = &[
    "أن", "إن", "ان", "بأن", "بان", "أنه", "إنه", "انه", "أنها", "إنها", "انها", "أنهم", "إنهم", "انهم", "معلقا", "مشيرا", "مؤكدا",
    "موكدا", "مضيفا", "موضحا", "لافتا", "معتبرا", "قائلا", "مشيره", "مؤكده", "مضيفه", "موضحه", "معتبره", "قائله",
];

/// How many of [`COMPLEMENTIZERS`] (the first ones: «أن»، «إن» and their pronoun forms) open a
/// second complement after the conjunction و ("وأن العيد سيبدأ السبت").
pub(super) const COORDINATED_COMPLEMENTIZERS: usize = 14;

/// Nouns of consent (normalised stems, a pronoun suffix allowed): «أعلنت موافقتها على هدنة»،
/// «أعلن قبوله بالاتفاق». Announcing one's consent to an agreement is making it, so the
/// announcement is the agreement; the other stances ([clauses] `stance`: refusal, intention,
/// readiness) announce no event.
pub(super) const CONSENT: &[&str] = &["موافق", "قبول"];

/// Whether a normalised word is a noun of consent ([`CONSENT`]) that the lexicon reads as a stance.
fn consent(word: &str) -> bool {
    let w = without_conjunction(word);
    CONSENT.iter().any(|c| w.starts_with(c)) && w.chars().count() <= 9
}

/// How many words may stand between a reporting trigger and its complementizer ("قال الموقع إن").
pub(super) const COMPLEMENT_REACH: usize = 4;

/// How far a complementizer may stand after its reporting trigger when a long subject or a date
/// set off by commas comes between ("أكد فريق حملة المرشح الوسطي …، الجمعة 5 مايو، أنه").
pub(super) const COMPLEMENT_FAR: usize = 16;

/// For each clause: the word where the content reported by one of its reporting mentions begins
/// (the complementizer after "قال"/"أعلنت"/"حذرت من"), if any.
pub(super) fn reported_complements(cx: &Ctx, drafts: &[Draft]) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = vec![None; cx.clauses.len()];
    for d in drafts {
        let Some(ti) = d.type_idx else { continue };
        if !cx.lex.types()[ti].reports {
            continue;
        }
        let clause = cx.words[d.last].clause;
        let sentence = cx.words[d.last].sentence;
        // within the clause, a few words on; or, after a long subject set off by commas ("أكد
        // فريق حملة المرشح …، الجمعة 5 مايو، أنه …"), further in the sentence before another report
        // a quotation opening after the verb and its subject is the reported speech itself ("وقال
        // المتحدث “لا الوزارة …”", "قال: «…»")
        let near = (d.last + 1..(d.last + 1 + COMPLEMENT_REACH).min(cx.words.len()))
            .take_while(|&wi| cx.words[wi].sentence == sentence && (cx.words[wi].clause == clause || opens_quotation(cx, wi)))
            .find(|&wi| COMPLEMENTIZERS.contains(&cx.word(wi)) || opens_quotation(cx, wi));
        let far = || {
            (d.last + 1..(d.last + 1 + COMPLEMENT_FAR).min(cx.words.len()))
                .take_while(|&wi| cx.words[wi].sentence == sentence && !drafts.iter().any(|o| o.first == wi && o.type_idx.is_some_and(|t| cx.lex.types()[t].reports)))
                .find(|&wi| COMPLEMENTIZERS.contains(&cx.word(wi)) && cx.words[wi].clause != clause && (d.last + 1..wi).all(|x| cx.word_timex[x].is_none() || cx.words[x].clause != cx.words[wi].clause))
        };
        if let Some(wi) = near.or_else(far) {
            for c in [clause, cx.words[wi].clause] {
                if out[c].is_none_or(|o| wi < o) {
                    out[c] = Some(wi);
                }
            }
        }
    }
    out
}

/// Whether word `wi` opens a quotation: an opening quotation mark (“ « or a straight double quote)
/// stands right before it, after the previous word.
pub(super) fn opens_quotation(cx: &Ctx, wi: usize) -> bool {
    let from = if wi == 0 { 0 } else { cx.words[wi - 1].range.end };
    let gap = cx.text[from..cx.words[wi].range.start].trim_end();
    gap.ends_with(['“', '«', '"']) && !gap.trim_end_matches(['“', '«', '"']).ends_with(|c: char| c.is_alphanumeric())
}

/// Mark the mentions the text tells as done (see `EventMention::past`): a perfect verb in the
/// trigger, or the object of a report whose verb is in the perfect, before any complementizer
/// (after «أن» the content has a tense of its own) and with no other event between.
pub(super) fn told_as_past(cx: &Ctx, drafts: &[Draft], complement: &[Option<usize>], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    let perfect = |d: &Draft| (d.first..=d.last).any(|wi| is_perfect_verb(cx.word(wi)) && !cx.lex.is_stopword(cx.word(wi)));
    for (mi, d) in drafts.iter().enumerate() {
        let Some(ti) = d.type_idx else { continue };
        let t = &types[ti];
        // (a day a calendar names, "أول أيام عيد الفطر", is read inside its date: no past of its own)
        if t.declared || t.state_extent || t.open_extent || !t.period_part.is_empty() || cx.word_timex[d.first].is_some() {
            continue;
        }
        let sentence = cx.words[d.first].sentence;
        let reported_by_perfect = || {
            let Some(r) = drafts_of_sentence(cx, drafts, sentence).map(|oi| &drafts[oi]).filter(|o| o.last < d.first).max_by_key(|o| o.last) else {
                return false;
            };
            let said = complement[cx.words[r.last].clause].is_some_and(|c| c > r.last && c < d.first);
            r.type_idx.is_some_and(|rt| types[rt].reports) && perfect(r) && !said && d.first <= r.last + OBJECT_REACH + 2
        };
        // an announcement that is the event it makes («أعلن الحداد»: the mourning) is no done event
        if mentions[mi].joins.is_some_and(|o| !mentions[o].reports) {
            continue;
        }
        mentions[mi].past = perfect(d) || reported_by_perfect();
    }
}

/// How many words after an announcement its object event may start ("أعلنت الحكومة الليبية اليوم
/// الاثنين حدادا وطنيا": subject and date stand between; the words of a date are not counted, for
/// a date set off by commas may be long: "أعلن رئيس الوزراء، الثلاثاء 24 مارس 2020، عن حظر …").
pub(super) const OBJECT_REACH: usize = 7;

/// What each reporting mention is to the story. Arabic news cites its sources with reporting
/// verbs ("قال"، "أضاف"، "أوضح"، "أفادت"): such a verb is how the text names where a fact comes
/// from, not an event of the story, unless the statement is itself news. It is, when
/// * an announcement names as its object an event it makes (a measure, a declaration, a result:
///   "أعلنت الحكومة الليبية حدادا وطنيا"): it is that event (one row: the announced mourning),
///   `joins` the object; an event that happened before its announcement (a hack) stays apart;
/// * the text dates the statement in its own clause or an apposition right after it ("قال الرئيس
///   السبت إن …", "قال الرئيس، السبت 6 مايو، إن …", "وفي بيان فجر السبت، أوصت اللجنة …"; a date of
///   the reported content is not the statement's): a dated statement, warning or call is news,
///   unless its verb is in the present ("يقول"، "تؤكد"): that voices a standing position, or its
///   subject is the press («وذكرت صحيفة المرصد اليوم الأربعاء أن …»): the outlet relays news,
///   it names where the story was read;
/// * it goes on with a statement that is news ("وأضاف:", "وتابع،" with no subject of their own,
///   within a few sentences): the same statement, `joins` it.
///
/// Every other report is an attribution ([`MentionRole::Attribution`]).
pub(super) fn report_roles(cx: &Ctx, drafts: &[Draft], complement: &[Option<usize>], own_date: &[bool], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    let reports = |d: &Draft| d.type_idx.is_some_and(|ti| types[ti].reports);
    let mut last_report: Option<(usize, usize)> = None; // (sentence, mention)
    // a report cited inside the content of another («قال المتحدث إن … بعد نشر مقطع قالت إنه …»)
    // is the speaker's, not a new speaker: speech that goes on after it («وأضاف:»، «جاء في
    // البيان:») goes on with the report that cites it
    let cited_within = |last: Option<(usize, usize)>, d: &Draft| {
        last.is_some_and(|(s, p)| {
            s == cx.words[d.first].sentence && complement[cx.words[drafts[p].last].clause].is_some_and(|c| c > drafts[p].last && d.first > c)
        })
    };
    for (mi, d) in drafts.iter().enumerate() {
        let Some(ti) = d.type_idx else { continue };
        let sentence = cx.words[d.first].sentence;
        let clause = cx.words[d.last].clause;
        if types[ti].joins_object {
            // the first event after it in its clause, before any reported content
            let stop = complement[clause].filter(|&c| c > d.last).unwrap_or(usize::MAX);
            // (the object follows the verb and its subject: no preposition, signal or relative
            // stands between them — "تعلن النتائج بعد إغلاق مراكز الاقتراع" announces no closing)
            // A preposition may stand inside the subject ("وزارة الأوقاف في المغرب"), not right before
            // the object, except «عن» of «أعلن عن» ("أعلنت المؤسسة عن إعادة فتح …").
            let free = |from: usize, to: usize| {
                (from..to).all(|wi| {
                    let w = without_conjunction(cx.word(wi));
                    // «أعلنت القوات موافقتها على هدنة»: a party's consent to an agreement is the
                    // agreement it makes, and the preposition of the consent governs it
                    let of_consent = wi > from && consent(cx.word(wi - 1));
                    let preposition = PREPOSITIONS.contains(&w) && wi + 1 == to && w != "عن" && !of_consent;
                    // any other stance (refusal, intention: «أعلنت رفضها للاتفاق») makes no event
                    let other_stance = cx.lex.is_stance(w) && !consent(w);
                    !preposition && !other_stance && !LABEL_STOPS.contains(&w) && !COMPLEMENTIZERS.contains(&w) && !cx.lex.is_since(w)
                })
            };
            // the object in the verb's clause, or right after a date set off by commas that closes it
            // ("أعلنت المؤسسة اليوم الخميس، عن إعادة فتح …")
            let dated_close = clause + 1 < cx.clauses.len()
                && cx.words.partition_point(|x| x.clause <= clause).checked_sub(1).is_some_and(|last| cx.word_timex[last].is_some());
            // or after a date standing alone between commas ("أعلن، اليوم السبت، وفاة الأمير")
            let date_only = |ci: usize| {
                let ws = cx.words_of_clause(ci);
                !ws.is_empty() && ws.into_iter().all(|wi| cx.word_timex[wi].is_some())
            };
            // or after the setting of the act set off by commas ("قررت اللجنة، في اجتماعها مساء
            // اليوم، خفض …"): the meeting it was taken in, one event with it
            let setting = decision_setting(cx, drafts, d, clause, sentence);
            let in_setting = |wi: usize| setting.is_some_and(|_| cx.words[wi].clause == clause + 1);
            // the last word an object may start at: OBJECT_REACH words after the verb, the words of
            // dates (and of a setting) not counted (found once, not counted again for every candidate)
            let reach_end = (d.last + 1..cx.words.len())
                .take_while(|&wi| cx.words[wi].sentence == sentence)
                .filter(|&wi| !in_setting(wi))
                .filter(|&wi| cx.word_timex[wi].is_none() && !consent(cx.word(wi)) && !(wi > 0 && consent(cx.word(wi - 1))))
                .nth(OBJECT_REACH - 1)
                .unwrap_or(usize::MAX);
            let in_reach = |o: &Draft| {
                let c = cx.words[o.first].clause;
                let same = cx.words[o.first].sentence == sentence;
                c == clause || (c == clause + 1 && dated_close && same) || (c == clause + 2 && same && (date_only(clause + 1) || setting.is_some()))
            };
            // (an object lies in the verb's sentence: see `in_reach`)
            let object = drafts_of_sentence(cx, drafts, sentence).find(|&oi| {
                let o = &drafts[oi];
                o.first > d.last
                    && o.first <= reach_end
                    && o.first < stop
                    && in_reach(o)
                    // an event an announcement makes; or, for a type that is no report and makes
                    // no event (a publication, not a decision), a report: publishing a statement
                    // is issuing it ("صدر عن الديوان بيان"), deciding one is not
                    && ((o.type_idx.is_some_and(|t| types[t].declared) && !reports(o)) || (!types[ti].reports && !types[ti].declared && reports(o)))
                    && (free(d.last + 1, o.first) || (setting.is_some() && cx.words[o.first].clause == clause + 2 && free(d.last + 1, cx.words_of_clause(clause + 1).start)))
            });
            if let Some(o) = object {
                mentions[mi].joins = Some(o);
                if let Some(m) = setting.filter(|_| cx.words[drafts[o].first].clause == clause + 2) {
                    mentions[m].setting_of = Some(mi);
                }
                mentions[mi].role = MentionRole::Event;
                // the day a party announced its consent is when the agreement began to bind it,
                // not when what was agreed ends (a truce «تبدأ مساء اليوم» runs into tomorrow)
                if (d.last + 1..drafts[o].first).any(|wi| consent(cx.word(wi))) {
                    mentions[mi].time_is_start = true;
                }
                if types[ti].reports && !cited_within(last_report, d) {
                    last_report = Some((sentence, mi));
                }
                continue;
            }
        }
        if !types[ti].reports {
            continue;
        }
        let subjectless = d.continuation || matches!(cx.char_after(d.last), Some(',' | ':' | '“' | '"' | '«'));
        // a statement issued by a publication ("نشرت الحكومة بيانا") is news: the publication is
        // an event of the story, and they are one
        if let Some(p) = (0..mi).find(|&p| mentions[p].joins == Some(mi) && !drafts[p].type_idx.is_some_and(|t| types[t].reports)) {
            mentions[mi].role = MentionRole::Event;
            if mentions[mi].time.is_none() {
                mentions[mi].time = mentions[p].time;
            }
            if !cited_within(last_report, d) {
                last_report = Some((sentence, mi));
            }
            continue;
        }
        let continuing = d.first == d.last && types[ti].continues.iter().any(|c| c == without_conjunction(cx.word(d.first)));
        let went_on = last_report.filter(|&(s, _)| sentence - s <= CONTINUATION_SENTENCES);
        if let Some((_, prev)) = went_on.filter(|_| continuing) {
            // "وأضاف المسؤول أن …": the statement cited before goes on
            mentions[mi].joins = Some(prev);
            mentions[mi].role = mentions[prev].role;
            if mentions[mi].time.is_none() || mentions[prev].time.is_some() {
                mentions[mi].time = mentions[prev].time;
            }
        } else if mentions[mi].time.is_some() && own_date[mi] && !present_tense(cx, d) && !bare_report(cx, d, drafts) && !cx.media_subject(d.first, d.last) && !source_of_dated_event(cx, d, drafts, complement, mentions, mi) {
            mentions[mi].role = MentionRole::Event;
        } else if let Some((_, prev)) = last_report.filter(|&(s, _)| subjectless && sentence - s <= CONTINUATION_SENTENCES) {
            mentions[mi].joins = Some(prev);
            mentions[mi].role = mentions[prev].role;
            // it was said when the statement it goes on with was
            if mentions[mi].time.is_none() {
                mentions[mi].time = mentions[prev].time;
            }
        } else {
            mentions[mi].role = MentionRole::Attribution;
        }
        if !cited_within(last_report, d) {
            last_report = Some((sentence, mi));
        }
    }
    // A dated report named by its bare verb, its object after the date ("كان الفريق أعلن، مساء
    // الجمعة، حصول عملية قرصنة"): named by the verb and what it announces.
    for (mi, d) in drafts.iter().enumerate() {
        if !reports(d) || mentions[mi].role != MentionRole::Event || mentions[mi].joins.is_some() || mentions[mi].label != mentions[mi].trigger {
            continue;
        }
        if let Some(o) = object_after_date(cx, d, drafts) {
            mentions[mi].label = format!("{} {}", mentions[mi].trigger, mentions[o].label);
        }
    }
    // A report that is news names what it says: its source, then the first words of its content
    // ("ذكرت الصحيفة: هناك 40 جنديا في عداد المفقودين"), not the source alone.
    for (mi, d) in drafts.iter().enumerate() {
        if !reports(d) || mentions[mi].role != MentionRole::Event || mentions[mi].joins.is_some() {
            continue;
        }
        if let Some(content) = reported_words(cx, d, drafts, complement) {
            mentions[mi].label = format!("{}: {content}", mentions[mi].label);
        }
    }
    // A relative clause describing the event of the noun before it ("آخر الاستطلاعات التي نشرت
    // الجمعة"): the same event.
    for (mi, d) in drafts.iter().enumerate() {
        if !d.type_idx.is_some_and(|t| types[t].joins_antecedent) || mentions[mi].joins.is_some() || d.first < 2 || !cx.adjacent(d.first - 1) {
            continue;
        }
        let pronoun = d.first - 1;
        if !RELATIVE_PRONOUNS.contains(&cx.word(pronoun)) {
            continue;
        }
        let antecedent = drafts.iter().position(|o| o.type_idx.is_some() && !reports(o) && o.last < pronoun && o.last + 3 > pronoun && cx.words[o.last].sentence == cx.words[pronoun].sentence);
        if let Some(a) = antecedent {
            mentions[mi].joins = Some(a);
        }
    }
    // A statement named as the medium of another ("قالت الحملة في بيان", "وفي بيان فجر السبت،
    // أوصت اللجنة", "عبر تصريحات"): it is that report, not one of its own.
    for (mi, d) in drafts.iter().enumerate() {
        if !reports(d) || !is_medium(cx, d) {
            continue;
        }
        let sentence = cx.words[d.first].sentence;
        let other = |o: &(usize, &Draft)| o.0 != mi && reports(o.1) && !is_medium(cx, o.1) && cx.words[o.1.first].sentence == sentence;
        let before = drafts.iter().enumerate().filter(other).filter(|(_, o)| o.last < d.first).max_by_key(|(_, o)| o.last).map(|(i, _)| i);
        let after = || drafts.iter().enumerate().filter(other).find(|(_, o)| o.first > d.last).map(|(i, _)| i);
        // «جاء ذلك في بيان …»: the demonstrative names what the sentence before told, so the
        // statement is the medium of the last report of that sentence
        let that_before = || told_before(cx, d).and_then(|s| drafts.iter().rposition(|o| reports(o) && cx.words[o.first].sentence == s));
        if let Some(r) = before.or_else(after).or_else(that_before) {
            mentions[mi].joins = Some(r);
            mentions[mi].role = mentions[r].role;
        }
    }
    // A statement whose content a report after it gives «in it» («نشرت الحكومة بيانا، أعلنت خلاله
    // حدادا»، «أصدرت الوزارة بيانا أكدت فيه …»): the statement is that report's medium, one event,
    // said when the statement was issued. (A statement, a noun: after a verb «فيه» is «at a time
    // when», «بحسب ما نقلت الوكالة، في وقت أعلنت فيه الحكومة …».)
    for (mi, d) in drafts.iter().enumerate() {
        if !reports(d) || is_medium(cx, d) || mentions[mi].joins.is_some() || d.first != d.last || looks_like_verb(cx.word(d.first)) {
            continue;
        }
        let sentence = cx.words[d.first].sentence;
        let Some(r) = drafts.iter().position(|o| o.first > d.last && reports(o) && cx.words[o.first].sentence == sentence) else { continue };
        let next = drafts[r].last + 1;
        if next >= cx.words.len() || !cx.adjacent(drafts[r].last) || !IN_IT.contains(&cx.word(next)) || mentions[r].joins == Some(mi) {
            continue;
        }
        mentions[mi].joins = Some(r);
        if mentions[r].time.is_none() {
            mentions[r].time = mentions[mi].time;
        }
        mentions[mi].role = mentions[r].role;
    }
}

/// Pronouns of «in it» after a reporting verb (normalised): «أعلنت خلاله»، «أكدت فيه»، «قال
/// فيها»، «أوضحت عبره»: what is said is said in the statement named before.
pub(super) const IN_IT: &[&str] = &["خلاله", "خلالها", "فيه", "فيها", "عبره", "عبرها"];

/// Words of «that» opening a sentence whose subject is what the sentence before told («جاء ذلك
/// في بيان»، «وجاء ذلك خلال مؤتمر صحفي»، «جاء هذا في تصريح»), normalised.
const THAT_CAME: &[&str] = &["جاء", "وجاء", "جاءت", "وجاءت"];

/// The sentence before the one of draft `d`, when `d`'s sentence opens with «جاء ذلك» and `d` is
/// named within a few words after it: the medium of what that sentence told.
fn told_before(cx: &Ctx, d: &Draft) -> Option<usize> {
    let sentence = cx.words[d.first].sentence;
    let first = cx.words.partition_point(|x| x.sentence < sentence);
    let opens = first + 1 < cx.words.len() && THAT_CAME.contains(&cx.word(first)) && matches!(cx.word(first + 1), "ذلك" | "هذا");
    (opens && sentence > 0 && d.first <= first + 4).then(|| sentence - 1)
}

/// Whether the statement of draft `d` (mention `mi`) only gives the source of an event the text
/// dates: what it reports is an event of the lexicon with a date of its own after its
/// complementizer («أفاد المركز صباح اليوم أنه عند الساعة 3:17 فجرا حصلت هزة أرضية»), or its
/// object is one dated by the statement's own date («أكدت الوكالة ليل الاثنين رصد هزة ارتدادية»).
/// The news is that event; the statement is its attribution, not a second row of the timeline.
/// The event an act that makes another (a decision, an announcement) was done at, told as its
/// setting between commas right after the verb's clause: «في» or «خلال» and an event of no
/// reporting type (a meeting, a session, a toll), with its date and at most one word more
/// («قررت لجنة التسعير، في اجتماعها صباح اليوم، رفع الأسعار»، «أعلنت السلطات، في حصيلة نهائية
/// مساء اليوم، عن وفاة …»). The act is done in that meeting: one event, and what it makes after
/// the setting is its object as after a date set off by commas.
fn decision_setting(cx: &Ctx, drafts: &[Draft], d: &Draft, clause: usize, sentence: usize) -> Option<usize> {
    let types = cx.lex.types();
    let ws = cx.words_of_clause(clause + 1);
    if ws.is_empty() || cx.words[ws.start].sentence != sentence || cx.words[d.last].clause != clause || ws.start <= d.last {
        return None;
    }
    if !matches!(without_conjunction(cx.word(ws.start)), "في" | "خلال") {
        return None;
    }
    let m = drafts_of_sentence(cx, drafts, sentence).find(|&oi| drafts[oi].first == ws.start + 1)?;
    let o = &drafts[m];
    if o.type_idx.is_none_or(|t| types[t].reports || types[t].joins_object) || cx.words[o.last].clause != clause + 1 {
        return None;
    }
    let others = (o.last + 1..ws.end).filter(|&wi| cx.word_timex[wi].is_none()).count();
    (others <= 1 && (o.last + 1..ws.end).any(|wi| cx.word_timex[wi].is_some())).then_some(m)
}

/// Reports that make or name what they announce (`joins_object`, `declared`: an announcement of
/// mourning, a decision) are left alone.
fn source_of_dated_event(cx: &Ctx, d: &Draft, drafts: &[Draft], complement: &[Option<usize>], mentions: &[EventMention], mi: usize) -> bool {
    let types = cx.lex.types();
    let Some(ti) = d.type_idx else { return false };
    if types[ti].joins_object || types[ti].declared {
        return false;
    }
    let sentence = cx.words[d.first].sentence;
    let report = |o: &Draft| o.type_idx.is_some_and(|t| types[t].reports);
    // the drafts after `d` in its sentence, up to the next report
    let after: Vec<usize> = drafts_of_sentence(cx, drafts, sentence).filter(|&oi| drafts[oi].first > d.last).collect();
    let until = after.iter().position(|&oi| report(&drafts[oi])).unwrap_or(after.len());
    let event = |oi: usize| drafts[oi].type_idx.is_some_and(|t| !types[t].reports) && mentions[oi].time.is_some();
    if let Some(c) = complement[cx.words[d.last].clause].filter(|&c| c > d.last) {
        return after[..until].iter().any(|&oi| drafts[oi].first > c && event(oi) && mentions[oi].time != mentions[mi].time);
    }
    // the object: the first event after the verb, in its clause, within reach (dates not counted),
    // no preposition, complementizer or word of circumstance between
    let Some(&oi) = after[..until].first() else { return false };
    let o = &drafts[oi];
    let clause = cx.words[d.last].clause;
    let words = (d.last + 1..o.first).filter(|&wi| cx.word_timex[wi].is_none()).count();
    let free = (d.last + 1..o.first).all(|wi| {
        let w = without_conjunction(cx.word(wi));
        cx.word_timex[wi].is_some() || (!PREPOSITIONS.contains(&w) && !LABEL_STOPS.contains(&w) && !COMPLEMENTIZERS.contains(&w))
    });
    cx.words[o.first].clause == clause && words <= OBJECT_REACH && free && event(oi) && mentions[oi].time == mentions[mi].time && o.start_byte == cx.words[o.first].range.start
}

/// How many words of a report's content its label takes.
pub(super) const CONTENT_WORDS: usize = 6;

/// How many words (dates left out) may stand between a reporting verb and the content its label
/// takes: its subject, a source («عن مصدر عسكري»).
pub(super) const CONTENT_REACH: usize = 10;

/// The first words of what the report of draft `d` says, in the text's words: from its
/// complementizer («أن»، «إن»، left out) or opening quotation, up to [`CONTENT_WORDS`] words in the
/// clause, stopping before a date or a word of circumstance ([`LABEL_STOPS`]); function words left at the end are dropped. None when the
/// report has no content in its sentence.
pub(super) fn reported_words(cx: &Ctx, d: &Draft, drafts: &[Draft], complement: &[Option<usize>]) -> Option<String> {
    let c = complement[cx.words[d.last].clause].filter(|&c| c > d.last && cx.words[c].sentence == cx.words[d.last].sentence)?;
    // (the content of this report, not of another one after it)
    let types = cx.lex.types();
    if drafts.iter().any(|o| o.first > d.last && o.first < c && o.type_idx.is_some_and(|t| types[t].reports)) {
        return None;
    }
    // a verb's content, near it (its subject and a date may stand between): after a verbal noun
    // («للإعلان عن النتيجة، أن …») or far on, the content is another verb's
    if !looks_like_verb(cx.word(d.first)) || (d.last + 1..c).filter(|&wi| cx.word_timex[wi].is_none()).count() > CONTENT_REACH {
        return None;
    }
    // («أن»، «إن» are left out; a participle of speech, «معلقا على …», says what about)
    let mut first = c;
    while first < cx.words.len() && COMPLEMENTIZERS[..COORDINATED_COMPLEMENTIZERS].contains(&cx.word(first)) {
        first += 1;
    }
    let clause = cx.words.get(first)?.clause;
    let mut last = None;
    for wi in first..(first + CONTENT_WORDS).min(cx.words.len()) {
        let circumstance = wi > first && (LABEL_STOPS.contains(&cx.word(wi)) || LABEL_STOPS.contains(&without_conjunction(cx.word(wi))));
        if cx.words[wi].clause != clause || cx.word_timex[wi].is_some() || (wi > first && !cx.adjacent(wi - 1)) || circumstance {
            break;
        }
        last = Some(wi);
    }
    let mut last = last?;
    while last > first && cx.lex.is_stopword(cx.word(last)) {
        last -= 1;
    }
    // a lone word is no content a reader can take ("أفاد المركز: عند")
    if (first..=last).filter(|&wi| !cx.lex.is_stopword(cx.word(wi))).count() < 2 {
        return None;
    }
    let (start, _) = cx.span(cx.words[first].range.clone());
    let (_, end) = cx.span(cx.words[last].range.clone());
    let text = cx.orig(start, end).replace(['"', '“', '”', '«', '»'], "").split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// A report named by its bare verb, its subject before it and its date right after it, then its
/// complement or a quotation («وكانت المفوضية أعلنت أمس أنها …»، «كان البنك أعلن في 6 مارس
/// "السماح …"»): what it reports is the news; the verb only names the source and makes no row of
/// its own. (An event as its object after the date keeps it news: see `object_after_date`.)
pub(super) fn bare_report(cx: &Ctx, d: &Draft, drafts: &[Draft]) -> bool {
    if d.first != d.last {
        return false;
    }
    let sentence = cx.words[d.last].sentence;
    // the words right after the verb are a date (or punctuation, then a date)
    let mut next = d.last + 1;
    if next + 1 < cx.words.len() && cx.word(next) == "في" {
        next += 1;
    }
    if next >= cx.words.len() || cx.words[next].sentence != sentence || cx.word_timex[next].is_none() {
        return false;
    }
    // what comes right after the date: a complementizer, or a quotation that names no event
    let Some(after) = (next..cx.words.len()).take_while(|&wi| cx.words[wi].sentence == sentence).find(|&wi| cx.word_timex[wi].is_none()) else {
        return false;
    };
    let quoted = opens_quotation(cx, after) && !drafts.iter().any(|o| o.first == after && o.type_idx.is_some());
    COMPLEMENTIZERS.contains(&cx.word(after)) || quoted
}

/// The event a report names as its object after a date set off right after the verb («أعلن، اليوم
/// السبت، وفاة الأمير»، «أعلن، مساء الجمعة، حصول عملية قرصنة»): the first typed mention within
/// [`OBJECT_REACH`] words, in the sentence, before any complementizer.
pub(super) fn object_after_date(cx: &Ctx, d: &Draft, drafts: &[Draft]) -> Option<usize> {
    let sentence = cx.words[d.last].sentence;
    let next = d.last + 1;
    if d.first != d.last || next >= cx.words.len() || cx.words[next].sentence != sentence || cx.word_timex[next].is_none() {
        return None;
    }
    let o = drafts.iter().position(|o| o.first > next && o.first <= d.last + OBJECT_REACH && cx.words[o.first].sentence == sentence && o.type_idx.is_some())?;
    let free = (next..drafts[o].first).all(|wi| cx.word_timex[wi].is_some() || !COMPLEMENTIZERS.contains(&cx.word(wi)));
    free.then_some(o)
}

/// How many words after an outcome word its outcome may stand ("أسفرت نتائج الجولة الأولى في 23
/// أبريل عن فوزهما").
pub(super) const OUTCOME_REACH: usize = 10;

/// «عن» naming what was told before as the cause, right after an outcome word («ونتج عن ذلك قتلى»،
/// «ونجم عنها انقطاع الطرق ومصرع شخصين»، «وأسفر عنه»): what follows is all outcome, and the cause is
/// the clause before, not an event between the word and the toll.
const BACK_CAUSE: &[&str] = &["عنه", "عنها", "عنهما", "عنهم", "عنهن"];
/// Demonstratives after «عن» that name the clause before as the cause («نتج عن ذلك»).
const BACK_DEMONSTRATIVES: &[&str] = &["ذلك", "هذا", "هذه", "هذة", "تلك"];

/// Outcomes ("… فوق مدينة درنة مخلفا قتلى وجرحى"، "أسفرت نتائج الجولة الأولى عن فوزهما"): a mention
/// of an `outcome` type after an outcome word of the lexicon, with no date but the cause's (or one
/// before the outcome word, the causing clause's), is part of
/// the event that caused it: the first event between the word and the outcome (the subject of
/// «أسفر»), else the nearest one before the word in its sentence ("مخلفا"). It `joins` that event.
/// So does an outcome followed, within [`OUTCOME_REACH`] words of its sentence, by an event
/// governed by «في» (the first event after it that is no outcome): the event the victims died in.
pub(super) fn outcomes(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    let kind = |d: &Draft| d.type_idx.map(|t| &types[t]);
    for p in 0..cx.words.len() {
        if !cx.lex.is_outcome_word(cx.word(p)) {
            continue;
        }
        let sent = cx.words[p].sentence;
        // «ونجم عنها»، «وأسفر عنه»: the pronoun names the cause told before, and all that follows in
        // the outcome word's clause is what came of it, however long the list («ونجم عنها انهيار
        // عشرات المنازل وانقطاع التيار الكهربائي عن أحياء واسعة من المدينة ومصرع ثلاثة أشخاص»)
        let pronoun_back = p + 1 < cx.words.len() && cx.words[p + 1].sentence == sent && BACK_CAUSE.contains(&cx.word(p + 1));
        let Some(o) = drafts.iter().position(|d| {
            let near = d.first <= p + OUTCOME_REACH || (pronoun_back && cx.words[d.first].clause == cx.words[p].clause);
            d.first > p && near && cx.words[d.first].sentence == sent && kind(d).is_some_and(|t| t.outcome)
        }) else {
            continue;
        };
        if mentions[o].joins.is_some() {
            continue;
        }
        let cause_kind = |d: &Draft| kind(d).is_some_and(|t| !t.outcome && !t.reports);
        let at = |wi: usize| (wi < cx.words.len() && cx.words[wi].sentence == sent).then(|| cx.word(wi));
        // (in the outcome word's own clause: «نتج عنه توقف الحركة، ووقعت اشتباكات أدت إلى مقتل
        // شخصين» — the dead of the next clause are the clashes', not the outcome's)
        let back = (at(p + 1).is_some_and(|w| BACK_CAUSE.contains(&w)) || (at(p + 1) == Some("عن") && at(p + 2).is_some_and(|w| BACK_DEMONSTRATIVES.contains(&w)) && !drafts.iter().any(|d| d.first == p + 3 && cause_kind(d) && cx.word(p + 3).starts_with("ال")))) && cx.words[drafts[o].first].clause == cx.words[p].clause;
        let subject = drafts.iter().position(|d| !back && d.first > p && d.last < drafts[o].first && cause_kind(d));
        let before_in = |s: usize| drafts.iter().enumerate().filter(|(_, d)| d.last < p && cx.words[d.first].sentence == s && cause_kind(d)).max_by_key(|(_, d)| d.last).map(|(i, _)| i);
        // an outcome word that opens its sentence with the pronoun of the cause («… يوم الثلاثاء.
        // ونجم عنها انهيار منزل ومصرع ثلاثة أشخاص»، «وأسفر عنه …»): the cause is the last event of
        // the sentence before, where the pronoun points
        let opens_sentence = p == 0 || cx.words[p - 1].sentence != sent;
        // (only a happening, a type some type answers: «وأسفر عنه» after «وفتحت النيابة تحقيقا» or a
        // meeting names no cause of a toll)
        let happening = |c: usize| kind(&drafts[c]).is_some_and(|t| types.iter().any(|a| a.responds_to.contains(&t.name)));
        let before = || before_in(sent).or_else(|| if back && opens_sentence && sent > 0 && pronoun_back { before_in(sent - 1).filter(|&c| happening(c)) } else { None });
        // with no date of its own, or the cause's: the same, or one before the outcome word, which
        // dates the causing clause's action («وضرب بشدة قبل الفجر … مخلفا قتلى»)
        let dated_before = mentions[o].time.is_some_and(|ti| cx.doc.timexes[ti].byte_range.start < cx.words[p].range.start);
        if let Some(c) = subject.or_else(before).filter(|&c| mentions[o].time.is_none() || mentions[o].time == mentions[c].time || dated_before) {
            mentions[o].joins = Some(c);
        }
    }
    // the dead and the hurt «في» an event died in it: «لقي 7 أشخاص مصرعهم وأصيب 15 آخرون في حادث
    // تصادم»، «مقتل خمسة مسلحين في اشتباكات»، «مصرع شخصين في انهيار مبنى» (accident, attack and
    // disaster news of every country): the toll is part of that event, not one of its own
    for o in 0..drafts.len() {
        if mentions[o].joins.is_some() {
            continue;
        }
        // (the dead «في» a protest or a strike were killed at it, by someone: their own event,
        // see `toll_at_gathering`)
        let Some(c) = event_died_in(cx, drafts, o).filter(|&c| kind(&drafts[c]).is_some_and(|t| !t.no_toll)) else { continue };
        if mentions[o].time.is_none() || mentions[c].time.is_none() || mentions[o].time == mentions[c].time {
            mentions[o].joins = Some(c);
        }
    }
}

/// The event the toll of draft `o` (a mention of an `outcome` type) died in: the first event
/// after it, within [`OUTCOME_REACH`] words of its sentence, right after «في» or a word of cause
/// ([`crate::EventLexicon::ends_cause`]: «مقتل 150 شخصا جراء الفيضانات») and of no outcome nor
/// report type («قتل ثلاثة في هجوم»); none when the noun of an accused stands between
/// («قتلت الشرطة المشتبه به في الهجوم»، «مقتل المتهم في اغتيال الصحفي»: «في» is the suspect's).
fn event_died_in(cx: &Ctx, drafts: &[Draft], o: usize) -> Option<usize> {
    let types = cx.lex.types();
    let kind = |d: &Draft| d.type_idx.map(|t| &types[t]);
    if !kind(&drafts[o]).is_some_and(|t| t.outcome) {
        return None;
    }
    let (sent, last) = (cx.words[drafts[o].first].sentence, drafts[o].last);
    let c = (o + 1..drafts.len()).take_while(|&c| cx.words[drafts[c].first].sentence == sent && drafts[c].first <= last + OUTCOME_REACH).find(|&c| {
        let d = &drafts[c];
        !kind(d).is_some_and(|t| t.outcome) || d.first == 0 || cx.word(d.first - 1) == "في"
    })?;
    let d = &drafts[c];
    if (last + 1..d.first).any(|x| cx.lex.is_accused(cx.word(x))) {
        return None;
    }
    // «في» the event, or a word of cause right before it: the dead «جراء الفيضانات»، the hurt
    // «نتيجة الهزات» died of it as they die in it
    let governed = d.first > 0 && cx.adjacent(d.first - 1) && (cx.word(d.first - 1) == "في" || words_ending_at(cx, d, d.first - 1).is_some_and(|w| cx.lex.ends_cause(&w)));
    let in_it = governed && kind(d).is_some_and(|t| !t.outcome && !t.reports);
    in_it.then_some(c)
}

/// The dead «في» a gathering that kills no one itself (`no_toll`: a protest, a strike, a sit-in)
/// with no date of their own died while it went on («خرجت مظاهرات حاشدة يوم الجمعة … وقتل ثلاثة
/// متظاهرين في المظاهرات»): their own event, on the gathering's date — its mention's own, or that
/// of the mention it names again (`joins`), or else of the article's last dated mention of its type
/// before it. Undated, the killing would be no event of the timeline.
pub(super) fn toll_at_gathering(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    for o in 0..drafts.len() {
        if mentions[o].joins.is_some() || mentions[o].time.is_some() || mentions[o].since.is_some() {
            continue;
        }
        let Some(c) = event_died_in(cx, drafts, o).filter(|&c| drafts[c].type_idx.is_some_and(|t| cx.lex.types()[t].no_toll)) else { continue };
        let mut at = c;
        let mut hops = 0;
        while mentions[at].time.is_none() && hops < drafts.len() {
            match mentions[at].joins {
                Some(j) => at = j,
                None => break,
            }
            hops += 1;
        }
        let time = mentions[at].time.or_else(|| (0..c).rev().find(|&k| drafts[k].type_idx == drafts[c].type_idx && mentions[k].time.is_some()).and_then(|k| mentions[k].time));
        mentions[o].time = time;
    }
}

/// Relative pronouns (normalised): the clause they open describes the noun before them.
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللذان", "اللتان"];

/// Demonstratives, normalised: before an event noun («هذه القرارات»، «هذا القرار»، «ذلك الهجوم») they
/// point back to an event the article has told already.
pub(super) const DEMONSTRATIVES: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين"];

/// Whether the word `w` is a demonstrative, perhaps with a conjunction and a preposition («وبهذه»).
fn is_demonstrative(w: &str) -> bool {
    let w = without_conjunction(w);
    DEMONSTRATIVES.contains(&w) || ['ب', 'ل', 'ك'].iter().any(|p| w.strip_prefix(*p).is_some_and(|r| DEMONSTRATIVES.contains(&r)))
}

/// Mentions that point back with a demonstrative («وتأتي هذه القرارات بعد …»، «ويتنافس في هذه
/// الانتخابات …»): Arabic refers so to an event told before in the article, often in other words
/// (the curfew announced above is «هذا القرار» below). Such a mention is that event: it `joins`
/// the nearest mention before it in its document of its own type, else, for an event an
/// announcement makes (a decision, a measure), the nearest such mention of any type. It names no
/// event of its own, which a later article's «هذه القرارات» could otherwise be merged into.
pub(super) fn anaphors(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    let declared = |d: &Draft| d.type_idx.is_some_and(|t| types[t].declared && !types[t].reports);
    for (mi, d) in drafts.iter().enumerate() {
        if d.type_idx.is_none() || mentions[mi].joins.is_some() || d.first == 0 || !cx.adjacent(d.first - 1) || !is_demonstrative(cx.word(d.first - 1)) {
            continue;
        }
        // a demonstrative points at a noun with the article («هذا القرار»); before a verb it is an
        // adverbial of its own («إلى ذلك قال متحدث …»: "besides")
        if !cx.text[d.start_byte..].starts_with("ال") {
            continue;
        }
        // (the earlier mentions that are events of the story; a report is no antecedent)
        let before = |ok: &dyn Fn(&Draft) -> bool| (0..mi).rev().find(|&o| drafts[o].last < d.first && mentions[o].role == MentionRole::Event && ok(&drafts[o]));
        let antecedent = before(&|o: &Draft| o.type_idx == d.type_idx).or_else(|| if declared(d) { before(&|o: &Draft| declared(o)) } else { None });
        if let Some(o) = antecedent {
            mentions[mi].joins = Some(o);
        }
    }
}

/// A report named as the medium of another: a statement noun after «في» or «عبر», or with «ب»
/// attached ("في بيان", "ببيان").
pub(super) fn is_medium(cx: &Ctx, d: &Draft) -> bool {
    let w = cx.word(d.first);
    let prefixed = d.start_byte > cx.words[d.first].range.start && without_conjunction(w).starts_with('ب');
    let prev = |wi: usize| cx.word(wi).strip_prefix('و').unwrap_or(cx.word(wi));
    let after_preposition = d.first > 0 && cx.adjacent(d.first - 1) && matches!(prev(d.first - 1), "في" | "عبر");
    prefixed || after_preposition
}

/// A reporting verb in the present ("يقول"، "تؤكد"، "وتقول": the imperfect prefix ي, or ت on a
/// four-letter form; nouns such as "تصريح"، "تحذير" are longer) or in the future ("سيقولون").
pub(super) fn present_tense(cx: &Ctx, d: &Draft) -> bool {
    let w = without_conjunction(cx.word(d.first));
    // the future ("سيقولون"، "ستعلن") says nothing has been said yet
    let future = w.strip_prefix('س').is_some_and(|r| r.starts_with(['ي', 'ت', 'ن']) && r.chars().count() >= 4);
    future || w.starts_with('ي') || (w.starts_with('ت') && w.chars().count() == 4)
}
