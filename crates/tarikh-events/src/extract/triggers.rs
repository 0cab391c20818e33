//! Finding the triggers: the lexicon's phrases (typed drafts, each with its sense) and the
//! generic events named by a verb where a date stands and no trigger does.

use super::Draft;
use super::context::{Ctx, index_of};
use super::words::bare_word;
use super::time::{apposed_day, edition_year};
use tarikh_anchor::TimexType;

/// The type a typed draft takes from its argument (`[[sense]]` of the lexicon): the first sense
/// of its type whose argument stands within `reach` words after the trigger, in its clause and
/// with no punctuation between («فوز المرشح», «لقاء فرنسا وإنجلترا»), or after a number right
/// after the trigger when the sense is a count («وصل إلى 1041 حالة إصابة»). None: generic.
pub(super) fn sense_of(cx: &Ctx, d: &Draft) -> Option<usize> {
    let ti = d.type_idx?;
    let lex = cx.lex;
    let name = &lex.types()[ti].name;
    let clause = cx.words[d.last].clause;
    let next = |wi: usize| (wi < cx.words.len() && cx.adjacent(wi - 1) && cx.words[wi].clause == clause).then_some(wi);
    let number = |wi: usize| cx.word(wi).chars().any(|c| c.is_ascii_digit());
    for s in lex.senses().iter().filter(|s| &s.of == name) {
        // a sense restricted to some triggers: the matched text (prefix left out) must be one
        if !s.triggers.is_empty() && !cx.text.get(d.start_byte..cx.words[d.last].range.end).is_some_and(|t| s.triggers.iter().any(|x| x == t)) {
            continue;
        }
        if !s.context.is_empty() {
            let sent = &cx.text[cx.sentences[cx.words[d.first].sentence].clone()];
            if !s.context.iter().any(|c| sent.contains(c.as_str())) {
                continue;
            }
        }
        let mut from = d.last + 1;
        if s.count {
            match next(from) {
                Some(wi) if number(wi) => from = wi + 1,
                _ => continue,
            }
            if s.arguments.is_empty() {
                return lex.types().iter().position(|t| t.name == s.becomes);
            }
        }
        let mut wi = from;
        let mut found = false;
        while wi < from + s.reach {
            let Some(w) = next(wi) else { break };
            let word = cx.word(w);
            if lex.is_sense_argument(s, word) || (s.places && [word, bare_word(word)].iter().any(|w| lex.place_zone(&[w]).is_some())) {
                found = true;
                break;
            }
            wi += 1;
        }
        if found {
            return lex.types().iter().position(|t| t.name == s.becomes);
        }
    }
    Some(ti)
}

/// How many adjectives may stand between an institution's noun and the event word that ends its
/// name («المفوضية العليا المستقلة للانتخابات»: two).
pub(super) const INSTITUTION_ADJECTIVES: usize = 3;

/// Whether the word at `first`, matched `off` bytes in, ends the name of an institution: the event
/// noun with ل and the article («للانتخابات», normalised «لالانتخابات») after an institution's noun
/// and at most [`INSTITUTION_ADJECTIVES`] adjectives («الهيئة الوطنية للانتخابات» in Egypt,
/// «المفوضية العليا المستقلة للانتخابات» in Iraq, «الهيئة العليا المستقلة للانتخابات» in Tunisia,
/// «المفوضية الوطنية العليا للانتخابات» in Libya). The election names the commission there; it is
/// no mention of the vote. (A report after such a subject is a purpose, «اللجنة الوزارية للإعلان عن
/// …»: the caller leaves reports alone.)
pub(super) fn ends_institution_name(cx: &Ctx, first: usize, off: usize) -> bool {
    let word = cx.word(first);
    // ل alone before the article, no conjunction: «وللانتخابات» coordinates, it names nothing
    if off != 'ل'.len_utf8() || !(word.starts_with("لال") || word.starts_with("لل")) {
        return false;
    }
    let mut k = first;
    for _ in 0..=INSTITUTION_ADJECTIVES {
        if k == 0 || !cx.adjacent(k - 1) || cx.word_timex[k - 1].is_some() {
            return false;
        }
        k -= 1;
        if cx.lex.is_institution_noun(cx.word(k)) {
            return true;
        }
        // an adjective: a word with the article
        if !cx.word(k).starts_with("ال") {
            return false;
        }
    }
    false
}

/// The typed drafts of the document: every trigger of the lexicon, overlaps resolved, each with
/// the sense its argument gives it, negated events and kind words left out; and the words they
/// take.
pub(super) fn typed_drafts(cx: &Ctx) -> (Vec<Draft>, Vec<bool>) {
    // Overlaps: more words, then longer, then earlier type, then earlier trigger.
    let mut cands: Vec<(usize, usize, usize, usize)> = cx
        .find(&cx.lex.triggers, &cx.lex.trigger_index, false)
        .into_iter()
        .filter(|&(first, last, off, pi)| {
            let p = &cx.lex.triggers[pi];
            // after an institution or a role, the word names it, not an event: "لجنة الانتخابات"
            // (the election commission), "مراكز الاقتراع" (polling stations)
            if off == 0 && first > 0 && cx.adjacent(first - 1) && cx.lex.is_institution(cx.word(first - 1)) {
                return false;
            }
            if ends_institution_name(cx, first, off) && !cx.lex.types()[p.owner].reports {
                return false;
            }
            if p.continuation {
                // speech going on: punctuation right after the verb ("وتابع،", "وأضاف:")
                return matches!(cx.char_after(last), Some(',' | ':' | '“' | '"' | '«' | '،'));
            }
            if !p.contextual {
                return true;
            }
            let t = &cx.lex.types()[p.owner];
            // (the context word as the subject between the trigger's words: «وصل وزير الخارجية إلى»)
            let s = if t.context_in_trigger { cx.words[first].range.end..cx.words[last].range.start } else { cx.sentences[cx.words[first].sentence].clone() };
            let sent = &cx.text[s];
            t.context.iter().any(|c| sent.contains(c.as_str()))
        })
        .collect();
    cands.sort_by_key(|&(first, last, off, pi)| {
        let p = &cx.lex.triggers[pi];
        let bytes = cx.words[last].range.end - (cx.words[first].range.start + off);
        (std::cmp::Reverse(p.words), std::cmp::Reverse(bytes), p.owner, pi, first)
    });
    let mut taken = vec![false; cx.words.len()];
    let mut drafts: Vec<Draft> = Vec::new();
    for (first, last, off, pi) in cands {
        if taken[first..=last].iter().any(|&t| t) {
            // A phrase that opens with a word of moving a date names the act and what it moves
            // («إرجاء جلسة …»، «تأجيل موعد …»): when what is moved is another event's name
            // («إرجاء جلسة محاكمة المتهمين»، «إرجاء جلسة المحاكمة»), that event keeps its words
            // and the moving word alone is the act.
            if first < last && !taken[first] && super::time::moving_word(cx, first) {
                taken[first] = true;
                drafts.push(Draft { first, last: first, start_byte: cx.words[first].range.start + off, type_idx: Some(cx.lex.triggers[pi].owner), continuation: false });
            }
            continue;
        }
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        drafts.push(Draft {
            first,
            last,
            start_byte: cx.words[first].range.start + off,
            type_idx: Some(cx.lex.triggers[pi].owner),
            continuation: cx.lex.triggers[pi].continuation,
        });
    }

    // An ambiguous trigger takes its sense from its argument ("فوز المرشح": an election result).
    for d in drafts.iter_mut() {
        d.type_idx = sense_of(cx, d);
    }
    // A negated event did not happen ("لن يتم نشر عنوان بريدك", "لم تعلق الوزارة"): no mention,
    // and its words make no generic event either.
    drafts.retain(|d| !cx.negated(d.first));
    // Nor does a feared event («خوفا من هزات ارتدادية»، «خطر موجة التسونامي») or an alternative
    // offered with «أو» («… أو منع التجول طوال اليوم»): neither is told as happening.
    drafts.retain(|d| !cx.feared(d.first) && !cx.alternative(d.first));
    // An institution's act only asked for («رفضت المحكمة طلب الدفاع تأجيل الجلسة») or told as
    // its habit («يؤجل المجلس عادة جلساته») was not done on any one day: no mention.
    // (the act asked for is the first event word after the request: «طلب الدفاع تأجيل الجلسة»
    // asks the putting off, the sitting itself is no request's)
    let deliberate = |d: &Draft| d.type_idx.is_some_and(|t| cx.lex.types()[t].deliberate);
    let asked: Vec<bool> = drafts
        .iter()
        .map(|d| cx.requesting_before(d.first).is_some_and(|x| !drafts.iter().any(|e| e.first > x && e.first < d.first)))
        .collect();
    let mut at = 0;
    drafts.retain(|d| {
        at += 1;
        !(deliberate(d) && (asked[at - 1] || cx.habitual(d.first)))
    });
    // A word that names only the kind of an event, in a construct with an event word ("فاجعة
    // الزلازل"، "كارثة الفيضانات"): the event word names the event; the kind makes no mention.
    let starts: std::collections::HashSet<usize> = drafts.iter().map(|d| d.first).collect();
    drafts.retain(|d| {
        let kind = d.type_idx.is_some_and(|t| cx.lex.types()[t].names_kind);
        !(kind && d.last + 1 < cx.words.len() && cx.adjacent(d.last) && starts.contains(&(d.last + 1)))
    });
    // An event word in a construct after a noun of magnitude («حجم الكارثة» in Syria's press, «حجم
    // الدمار الذي خلفه الإعصار» in Libya's, «هول الفاجعة»): it says how large the event was, no
    // happening of its own; the event is told where it happened.
    drafts.retain(|d| !magnitude_of(cx, d));
    // A trigger with an attached ب after a trigger of its type in one clause names the means of
    // that event, the same event («أفرجت السلطات عن 30 معتقلا بعفو رئاسي»): no second mention.
    let means: Vec<bool> = drafts.iter().map(|d| means_of_earlier(cx, &drafts, d)).collect();
    let mut at = 0;
    drafts.retain(|_| {
        at += 1;
        !means[at - 1]
    });
    (drafts, taken)
}

/// Whether draft `d` is the second noun of a construct after a noun of magnitude (`[clauses]
/// magnitude`: «حجم الكارثة»، «هول الفاجعة»): its word, with no preposition of its own (only the
/// article), right after that noun. Not when a relative clause follows it («هول الانفجار الذي وقع
/// مساء الأحد»، «حجم الاحتجاجات التي اندلعت»): that clause tells the happening itself, often its
/// only mention.
fn magnitude_of(cx: &Ctx, d: &Draft) -> bool {
    let word = cx.words[d.first].range.start;
    let bare = matches!(&cx.text[word..d.start_byte], "" | "ال");
    let told_by_relative = d.last + 1 < cx.words.len() && cx.adjacent(d.last) && super::roles::RELATIVE_PRONOUNS.contains(&cx.word(d.last + 1));
    bare && !told_by_relative && d.first > 0 && cx.adjacent(d.first - 1) && cx.lex.is_magnitude(cx.word(d.first - 1))
}

/// How far (in words) after the end of a trigger the means of its event may stand: past its
/// object («عن 30 معتقلا بعفو»), no farther.
const MEANS_REACH: usize = 3;

/// Whether draft `d` opens with an attached ب («بعفو رئاسي») and follows, in its clause and right
/// after its object, a draft of its type: the means by which that event was done, not a second
/// event.
fn means_of_earlier(cx: &Ctx, drafts: &[Draft], d: &Draft) -> bool {
    let word = cx.words[d.first].range.start;
    let attached = d.start_byte > word && cx.text[word..d.start_byte].trim_start_matches(['و', 'ف']) == "ب";
    let clause = cx.words[d.first].clause;
    attached && d.type_idx.is_some() && drafts.iter().any(|e| e.last < d.first && d.first <= e.last + MEANS_REACH && e.type_idx == d.type_idx && cx.words[e.first].clause == clause)
}

/// Whether draft `d` is a count of things in thousands («تنفيذ 106.9 ألف صفقة»، see
/// [`Ctx::counted`]): a figure, not one event. The dead and hurt of a disaster are counted so and
/// stay its outcome (outcome types and tolls). Such drafts still keep their clause from making a
/// generic event (a clause of figures names no action), so they are dropped after that step.
pub(super) fn counted_draft(cx: &Ctx, d: &Draft) -> bool {
    let kept = d.type_idx.is_some_and(|t| cx.lex.types()[t].outcome || cx.lex.types()[t].name == "toll");
    d.type_idx.is_some() && !kept && d.start_byte == cx.words[d.first].range.start && cx.counted(d.first)
}

/// Words that close a span of hours («من الثامنة صباحا إلى الثامنة مساء»، «حتى»، «لغاية»),
/// normalised.
const SPAN_ENDS: &[&str] = &["الي", "حتي", "لغايه"];

/// Words that name a schedule or keeping hours (timing, appointments, hours, working, opening,
/// receiving), normalised and without article: «توقيت استثنائي»، «مواعيد العمل»، «يعمل المعبر»،
/// «تفتح المكاتب»، «يستقبل المركز».
const SCHEDULE_WORDS: &[&str] = &["توقيت", "مواعيد", "موعد", "ساعات", "اوقات", "دوام", "عمل", "يعمل", "تعمل", "يفتح", "تفتح", "فتح", "يستقبل", "تستقبل"];

/// Whether clause `ci` is a schedule: a word of [`SCHEDULE_WORDS`], and as its only times a span
/// of clock hours («اعتماد توقيت استثنائي من التاسعة صباحا إلى الرابعة بعد الزوال»، «يعمل المعبر من
/// الثامنة صباحا حتى الرابعة»): the clause gives the hours something keeps (opening, voting or
/// working hours), not the time an event happened; it makes no generic event. Without such a word
/// a span of hours is when something happened («تجمع المئات من العاشرة صباحا حتى الثانية ظهرا»،
/// «انقطع التيار من الثامنة مساء إلى منتصف الليل»).
fn hours_only(cx: &Ctx, ci: usize) -> bool {
    let Some(first) = cx.words_of_clause(ci).next() else { return false };
    if !cx.words_of_clause(ci).any(|wi| SCHEDULE_WORDS.contains(&bare_word(cx.word(wi)))) {
        return false;
    }
    let times: Vec<usize> = cx.timexes_of_sentence(cx.words[first].sentence).filter(|&(_, _, wi)| cx.words[wi].clause == ci).map(|(ti, _, _)| ti).collect();
    if times.len() < 2 || times.iter().any(|&ti| cx.doc.timexes[ti].kind != TimexType::Time) {
        return false;
    }
    // a timex's last word, then one word that closes the span, then the next timex
    times.windows(2).any(|w| {
        let next = cx.timex_first[w[1]];
        next >= 2 && cx.word_timex[next - 2] == Some(w[0]) && SPAN_ENDS.contains(&cx.word(next - 1))
    })
}

/// Whether draft `d` is a post or its circulation by the users of social networks or the press
/// («وتداول نشطاء على مواقع التواصل مقطع الفيديو»، «تناقلت وسائل الإعلام صورا»; see
/// [`Ctx::media_subject`]): they pass on what happened, which is the event; their circulating it is
/// no event of the story, only an attribution. It stays a mention, so that its date is not taken by
/// the events around it, and keeps its clause from making a generic event.
pub(super) fn relayed_draft(cx: &Ctx, d: &Draft) -> bool {
    d.type_idx.is_some_and(|t| cx.lex.types()[t].name == "social_media") && cx.media_subject(d.first, d.last)
}

/// The generic drafts: events named by a verb where no trigger of the lexicon stands (reported
/// content with a date, clauses with a date, anchors of event offsets), added to `drafts`.
pub(super) fn add_generic_drafts(cx: &Ctx, drafts: &mut Vec<Draft>, taken: &mut [bool], complement: &[Option<usize>]) {
    // Clauses with a timex and no typed trigger. The content a reporting verb
    // reports ("قال إن …") counts as a clause of its own.
    // A trigger after the complementizer is the reported content's own event ("أنه تقرر إجراء
    // الدورة الثانية", "أن الحملة ستنطلق يوم 16"): its clause needs no generic one either.
    let mut clause_has_typed = vec![false; cx.clauses.len()];
    for d in drafts.iter().filter(|d| d.type_idx.is_some()) {
        clause_has_typed[cx.words[d.first].clause] = true;
    }
    // reported content with a date and no trigger: a generic event from the word nearest before
    // the date ("قال الموقع إن آخر الرسائل يعود إلى 24 أبريل" → «يعود»)
    for (ci, c) in complement.iter().enumerate() {
        let Some(c) = *c else { continue };
        let Some(tw) = (c..cx.words.len()).take_while(|&wi| cx.words[wi].clause == ci).find(|&wi| {
            cx.word_timex[wi].is_some_and(|ti| matches!(cx.doc.timexes[ti].kind, TimexType::Date | TimexType::Time))
        }) else {
            continue;
        };
        // a trigger of the reported content before its date is what the date dates
        if drafts.iter().any(|d| d.first > c && d.first < tw) {
            continue;
        }
        let pick = (c + 1..tw).rev().find(|&wi| !taken[wi] && cx.is_event_verb(wi));
        if let Some(wi) = pick {
            taken[wi] = true;
            drafts.push(Draft { first: wi, last: wi, start_byte: cx.generic_start(wi), type_idx: None, continuation: false });
        }
    }
    // (the year of an edition names which cup or election it is, no time of the clause: «خلال كأس
    // العالم بروسيا 2018» makes no event of its own)
    let mut clause_has_timex = vec![false; cx.clauses.len()];
    for (ti, t) in cx.doc.timexes.iter().enumerate() {
        if edition_year(cx, ti) && apposed_day(cx, ti).is_none() {
            continue;
        }
        clause_has_timex[index_of(&cx.clauses, t.byte_range.start)] = true;
    }
    let mut clause_words: Vec<Vec<usize>> = vec![Vec::new(); cx.clauses.len()];
    for (wi, w) in cx.words.iter().enumerate() {
        clause_words[w.clause].push(wi);
    }
    // A comma between a dated verb and its ب-complement ("فشعروا عند السابعة مساء، بالهزة") or
    // its postponed subject ("وتدور منذ يوم السبت، اشتباكات عنيفة"): the event is the trigger the
    // next clause opens with, so the verb's clause makes no generic event of its own.
    let opens_with_complement = |ci: usize| -> bool {
        let (Some(&last), Some(&next)) = (clause_words[ci].last(), clause_words.get(ci + 1).and_then(|w| w.first())) else {
            return false;
        };
        cx.words[last].sentence == cx.words[next].sentence
            && drafts.iter().any(|d| {
                d.type_idx.is_some() && d.first == next && {
                    let before = &cx.text[cx.words[next].range.start..d.start_byte];
                    before.is_empty() || before == "ب" || before == "ال" || before == "بال"
                }
            })
    };
    let verb_before_complement: Vec<bool> = (0..cx.clauses.len()).map(opens_with_complement).collect();
    for ci in 0..cx.clauses.len() {
        if clause_has_typed[ci] || !clause_has_timex[ci] || verb_before_complement[ci] || hours_only(cx, ci) {
            continue;
        }
        // a word that is no event ("غرار" of «على غرار», "قائلا", a copula) never makes one: the
        // clause's first verb that names an action, or nothing
        let pick = clause_words[ci].iter().copied().find(|&wi| !taken[wi] && cx.is_event_verb(wi));
        if let Some(wi) = pick {
            taken[wi] = true;
            drafts.push(Draft { first: wi, last: wi, start_byte: cx.generic_start(wi), type_idx: None, continuation: false });
        }
    }

    // Anchors of event offsets need a mention: make a generic one when no trigger is there.
    for t in &cx.doc.timexes {
        let Some(eo) = &t.event_offset else { continue };
        let wa = cx.words.partition_point(|w| w.range.end <= eo.anchor_at);
        if wa >= cx.words.len() {
            continue;
        }
        let sent = cx.words[wa].sentence;
        let covered = drafts.iter().any(|d| {
            cx.words[d.first].sentence == sent && d.first <= wa + 2 && d.last >= wa
        });
        if covered {
            continue;
        }
        let pick = (wa..(wa + 3).min(cx.words.len()))
            .take_while(|&wi| cx.words[wi].sentence == sent)
            .find(|&wi| !taken[wi] && cx.is_content(wi));
        if let Some(wi) = pick {
            taken[wi] = true;
            drafts.push(Draft { first: wi, last: wi, start_byte: cx.generic_start(wi), type_idx: None, continuation: false });
        }
    }
}
