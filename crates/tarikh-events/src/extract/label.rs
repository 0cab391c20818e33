//! Building a mention: its span, key words and label (the trigger with its argument, in the
//! text's words).

use crate::{EventMention, GENERIC, MentionRole, key_stems, light_stem};
use crate::lexicon::strip_article;
use super::Draft;
use super::context::Ctx;
use super::place::place_zone;
use super::roles::{COMPLEMENTIZERS, COORDINATED_COMPLEMENTIZERS, RELATIVE_PRONOUNS};
use super::words::{looks_like_verb, without_conjunction};
use tarikh_anchor::TimexType;

/// How many clause words a mention keeps as key words.
pub(super) const MAX_KEYWORDS: usize = 8;

pub(super) fn build_mention(cx: &Ctx, d: &Draft, taken: &[bool]) -> EventMention {
    let lex = cx.lex;
    let byte_range = d.start_byte..cx.words[d.last].range.end;
    let (start, end) = cx.span(byte_range.clone());
    let w = &cx.words[d.first];
    let label_last = label_words(cx, d, taken);
    let label_end = if label_last > d.last { cx.span(cx.words[label_last].range.clone()).1 } else { end };
    let head: Vec<String> = (d.first..=d.last)
        .filter(|&wi| d.type_idx.is_none() || d.first == d.last || trigger_word(cx, wi))
        .map(|wi| light_stem(cx.word(wi)))
        .collect();
    // keywords: nearest content words of the clause outside every trigger
    let mut near: Vec<(usize, usize)> = cx
        .words_of_clause(w.clause)
        .filter(|&wi| !taken[wi] && cx.is_content(wi))
        .map(|wi| (if wi < d.first { d.first - wi } else { wi - d.last }, wi))
        .collect();
    near.sort();
    let mut keywords: Vec<String> = near.iter().take(MAX_KEYWORDS).flat_map(|&(_, wi)| key_stems(cx.word(wi))).collect();
    keywords.sort();
    keywords.dedup();
    let (event_type, strict, same_day, group, open, state, period_part) = match d.type_idx {
        Some(i) => {
            let t = &lex.types()[i];
            (t.name.clone(), t.strict_merge, t.same_day_merge, t.group.clone(), t.open_extent, t.state_extent, t.period_part.clone())
        }
        None => (GENERIC.to_string(), true, false, GENERIC.to_string(), false, false, String::new()),
    };
    let keyed = d.type_idx.is_some_and(|i| lex.types()[i].keyed_merge);
    let (begun_by, ended_by) = d.type_idx.map(|i| (lex.types()[i].begins_with.clone(), lex.types()[i].ends_with.clone())).unwrap_or_default();
    let reports = d.type_idx.is_some_and(|i| lex.types()[i].reports);
    // the ordinal that qualifies the trigger ("الجولة الثانية"), not one further on
    let mut distinct: Vec<String> = (d.first..=label_last.min(d.last + 1)).filter_map(|wi| lex.distinct_word(cx.word(wi))).collect();
    // a number after «رقم» tells decisions, laws and decrees apart ("القرار رقم 168" / "رقم 169")
    for wi in d.last + 1..(d.last + 3).min(cx.words.len().saturating_sub(1)) {
        if cx.words[wi].sentence != w.sentence || without_conjunction(cx.word(wi)) != "رقم" {
            continue;
        }
        let n: String = cx.word(wi + 1).chars().filter(|c| c.is_ascii_digit()).collect();
        if !n.is_empty() {
            distinct.push(format!("#{n}"));
            // the stage the number is played in: «المباراة رقم 62 في نصف النهائي»
            let end = (wi + 5).min(cx.words.len());
            if wi + 2 < end && matches!(without_conjunction(cx.word(wi + 2)), "في" | "ضمن" | "من") {
                distinct.extend((wi + 3..end).take_while(|&x| cx.words[x].sentence == w.sentence).filter_map(|x| lex.distinct_word(cx.word(x))));
            }
        }
    }
    if let Some(m) = d.type_idx.and_then(|i| named_measure(cx, d, &lex.types()[i].measures)) {
        distinct.push(format!("{MEASURE_TAG}{m}"));
    }
    distinct.sort();
    distinct.dedup();
    EventMention {
        start,
        end,
        byte_range,
        trigger: cx.orig(start, end),
        event_type,
        // quotation marks in the text are no part of the event's name
        label: with_article_restored(cx, d, label_text(cx, d, start, label_end)),
        time: None,
        until: None,
        time_is_start: false,
        duration: None,
        sentence: cx.sentences[w.sentence].clone(),
        clause: cx.clauses[w.clause].clone(),
        generic: d.type_idx.is_none(),
        head: head.join(" "),
        keywords,
        strict_merge: strict,
        same_day_merge: same_day,
        keyed_merge: keyed,
        merge_group: group,
        distinct,
        open_extent: open,
        state_extent: state,
        period_part,
        zone: if reports { String::new() } else { place_zone(cx, d) },
        parties: Vec::new(),
        begun_by,
        ended_by,
        role: MentionRole::Event,
        joins: None,
        setting_of: None,
        since: None,
        reports,
        past: false,
        named_case: false,
    }
}

/// What a mention's distinguishing words hold for the measure it names («measure:dollar»).
const MEASURE_TAG: &str = "measure:";

/// How many words from its trigger a mention's measure may stand («وسجل مؤشرها الرئيسي "EGX30"
/// ارتفاعا»: three before).
const MEASURE_REACH: usize = 4;

/// Pronoun suffixes a measure word may carry («مؤشرها»: its index).
const MEASURE_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "ا"];

/// Words before a currency that make it the other side of an exchange rate («تراجع الجنيه أمام
/// الدولار»، «32 ليرة مقابل الدولار»), normalised: never the measure that moves.
const AGAINST: &[&str] = &["امام", "مقابل"];

/// The measure the mention of draft `d` moves, for a type with `measures`: the nearest measure word
/// of its clause within [`MEASURE_REACH`] words, after the trigger when two are as near (its
/// object: «ارتفاع الدولار»; else its subject: «تراجع الجنيه أمام الدولار» is the pound's, «وعاود
/// الجنيه ارتفاعه» too), never a word after «أمام/مقابل» nor a unit after a number («إلى 90
/// دولارا»). A currency's move against another currency the clause names («أمام الدولار»، «إلى 50
/// جنيها»، «للدولار»; else the reference currency, the dollar) is the move of the pair, whichever of
/// the two the text makes move: «تراجع الجنيه أمام الدولار», «تراجع الجنيه» and «ارتفع الدولار إلى 50
/// جنيها» are one exchange rate («dollar+pound»). Two
/// moves of one day or one article, the index's and the dollar's, are two events; the measure tells
/// them apart.
fn named_measure(cx: &Ctx, d: &Draft, measures: &[crate::Measure]) -> Option<String> {
    if measures.is_empty() {
        return None;
    }
    let clause = cx.words[d.first].clause;
    let names = |wi: usize| -> Option<&crate::Measure> {
        let w = cx.word(wi);
        measures.iter().find(|m| {
            crate::lexicon::word_candidates(w).iter().any(|&(_, stem)| {
                m.words.iter().any(|mw| stem.strip_prefix(mw.as_str()).is_some_and(|rest| MEASURE_SUFFIXES.contains(&rest)))
            })
        })
    };
    let number = |wi: usize| cx.word(wi).chars().any(|c| c.is_ascii_digit());
    let against = |wi: usize| wi > 0 && AGAINST.contains(&cx.word(wi - 1));
    let unit = |wi: usize| wi > 0 && number(wi - 1);
    let in_clause = |wi: usize| cx.words.get(wi).is_some_and(|x| x.clause == clause);
    let moving = |wi: usize| names(wi).filter(|_| !against(wi) && !unit(wi));
    let (at, measure) = (1..=MEASURE_REACH).find_map(|k| {
        let after = d.last + k;
        let before = d.first.checked_sub(k);
        (in_clause(after).then(|| moving(after).map(|m| (after, m))).flatten()).or_else(|| before.filter(|&b| in_clause(b)).and_then(|b| moving(b).map(|m| (b, m))))
    })?;
    if !measure.currency {
        return Some(measure.name.clone());
    }
    // the other currency: after «أمام/مقابل», as a unit after a number, or «للدولار» (per dollar)
    let other = (at + 1..=d.last + 2 * MEASURE_REACH).take_while(|&x| in_clause(x)).find_map(|x| {
        let per = cx.word(x).starts_with("لل");
        names(x).filter(|m| m.currency && m.name != measure.name && (against(x) || unit(x) || per))
    });
    // (none named: a currency other than the reference is quoted against it, «تراجع الجنيه»)
    let other = other.or_else(|| measures.iter().find(|m| m.reference && m.name != measure.name));
    Some(match other {
        Some(o) => {
            let mut pair = [measure.name.as_str(), o.name.as_str()];
            pair.sort_unstable();
            pair.join("+")
        }
        None => measure.name.clone(),
    })
}

/// The label's text from `start` to `end` (original code points), quotation marks and brackets dropped; a date
/// inside the trigger, set off by commas («أغلقت، أمس الاثنين، صناديق الاقتراع») or between the
/// verb's subject and its object («أفرجت السلطات يوم الأربعاء عن»), is left out of it.
pub(super) fn label_text(cx: &Ctx, d: &Draft, start: usize, end: usize) -> String {
    let clean = |t: String| t.replace(['"', '“', '”', '«', '»', '،', ',', '(', ')'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let inner_date = (d.first + 1..d.last).find(|&wi| cx.word_timex[wi].is_some());
    match inner_date.and_then(|wi| (wi..=d.last).find(|&x| cx.word_timex[x].is_none())) {
        Some(resume) => {
            let date = inner_date.unwrap_or(d.first + 1);
            let (_, verb_end) = cx.span(cx.words[date - 1].range.clone());
            let (resume_start, _) = cx.span(cx.words[resume].range.clone());
            format!("{} {}", clean(cx.orig(start, verb_end)), clean(cx.orig(resume_start, end)))
        }
        None => cx.orig(start, end).replace(['"', '“', '”', '«', '»', '(', ')'], "").split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A label whose trigger followed the preposition ل on a word with the article, which Arabic spells
/// «لل» («للانتخابات»، «للإعلان»، «للبحث»): the normalised text restores the article («لالانتخابات»)
/// and the stem begins with it, but in the original the article's alif is gone and the label reads
/// as a fragment ("لانتخابات"); it takes the alif back ("الانتخابات").
pub(super) fn with_article_restored(cx: &Ctx, d: &Draft, label: String) -> String {
    let article_in_text = cx.text[d.start_byte..].starts_with("ال") && d.start_byte > cx.words[d.first].range.start;
    if article_in_text && label.starts_with('ل') && !label.starts_with("ال") {
        format!("ا{label}")
    } else {
        label
    }
}

/// How many words after the trigger a label may take.
pub(super) const LABEL_WORDS: usize = 4;

/// Words (normalised) a label never reaches: what follows them is no argument of the event but a
/// relative clause, a circumstance or another clause.
pub(super) const LABEL_STOPS: &[&str] = &[
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "ما", "بعد", "قبل", "منذ", "خلال", "حتي", "اثر", "عقب", "اثناء", "عند",
    "بسبب", "جراء", "نتيجه", "وسط", "حيث", "اذ", "كما", "لكن", "بينما", "فيما", "ضمن", "وذلك", "ذلك", "هذا", "هذه", "وفق", "وفقا", "حسب",
];

/// Words that, after «من», make a partitive («من بينهم 34 امرأة»: among them): it describes the
/// people of the event, not the event.
pub(super) const PARTITIVES: &[&str] = &["بينهم", "بينها", "بين", "ضمنهم", "ضمنها"];

/// Prepositions standing as words of their own (normalised).
pub(super) const PREPOSITIONS: &[&str] = &["في", "علي", "الي", "من", "عن", "مع", "لدي", "نحو", "ضد", "عبر"];

/// The last word of a mention's label: the trigger with its argument in the text's words, up to
/// [`LABEL_WORDS`] words after it in its clause ("أغلقت السلطات الليبية 4 موانئ", "انهيار سدي
/// وادي درنة"), stopping at punctuation, a date, a complementizer or relative pronoun, a word of
/// circumstance or another event's trigger; function words left at the end are dropped.
/// How many words of another event a label may take after a preposition that ends it.
pub(super) const OBJECT_LABEL_WORDS: usize = 3;

pub(super) fn label_words(cx: &Ctx, d: &Draft, taken: &[bool]) -> usize {
    let clause = cx.words[d.last].clause;
    let mut last = d.last;
    let end = (d.last + 1 + LABEL_WORDS).min(cx.words.len());
    for (wi, &other_trigger) in taken.iter().enumerate().take(end).skip(d.last + 1) {
        if cx.words[wi].clause != clause || !cx.adjacent(wi - 1) || other_trigger {
            break;
        }
        if cx.word_timex[wi].is_some_and(|ti| cx.doc.timexes[ti].kind != TimexType::Duration) {
            break;
        }
        let w = cx.word(wi);
        // «فإن»، «وإن» open a clause of their own ("الانتخابات فإن 9 ملايين …")
        let complementizer = COMPLEMENTIZERS.contains(&w) || w.strip_prefix(['ف', 'و']).is_some_and(|r| COMPLEMENTIZERS.contains(&r));
        let partitive = w == "من" && wi + 1 < cx.words.len() && PARTITIVES.contains(&cx.word(wi + 1));
        if complementizer || partitive || LABEL_STOPS.contains(&w) || LABEL_STOPS.contains(&without_conjunction(w)) || cx.lex.is_since(w) {
            break;
        }
        // a copula or light verb after the trigger is the clause's predicate ("نسبة التصويت
        // النهائية بلغت 11%"، "الانتخابات كانت هادئة"), no argument of the event
        if cx.lex.is_non_event(w) && looks_like_verb(w) {
            break;
        }
        // a verb after the argument is the clause's predicate ("مراسم دفن جثمان الأمير ستقتصر على
        // …"، "هدنة لمدة 24 ساعة تبدأ …"), and a prepositional phrase coordinated by و a new adjunct
        // ("تزامنا مع عيد الفطر ولفتح ممرات"): neither is an argument of the event
        if opens_predicate(cx, w) || coordinated_adjunct(cx, w) {
            break;
        }
        // a preposition after the argument opens a complement of the clause's verb, not of the
        // event ("أدى تسريب الرسائل إلى أزمة"): the label ends before it
        if last > d.last && PREPOSITIONS.contains(&without_conjunction(w)) {
            break;
        }
        last = wi;
    }
    // a label never ends on a preposition: it takes the event its object names when another
    // trigger follows it («تحقيق في عملية القرصنة», not «تحقيق في»), else it stops before it
    // (a trigger phrase may end on one itself: «تحقيق في»)
    if (last > d.last || d.last > d.first) && PREPOSITIONS.contains(&without_conjunction(cx.word(last))) {
        let mut object = last;
        while object + 1 < cx.words.len() && object < last + OBJECT_LABEL_WORDS && taken[object + 1] && cx.words[object + 1].clause == clause && cx.adjacent(object) {
            object += 1;
        }
        last = if object > last || last == d.last { object } else { last - 1 };
    }
    // a number after «رقم» is the name of what it numbers («القرار رقم 98»، «المباراة رقم 60»):
    // a label that reaches «رقم» takes it, even one word past its reach
    let numbered = |x: usize| x > d.first && without_conjunction(cx.word(x - 1)) == "رقم" && cx.word(x).chars().any(|c| c.is_ascii_digit());
    // (the number may stand in brackets or quotation marks: «القرار رقم ( 169 / هـ )»، «رقم «169»»)
    let bracketed = |x: usize| {
        let (a, b) = (&cx.words[x], &cx.words[x + 1]);
        a.sentence == b.sentence && cx.text[a.range.end..b.range.start].chars().all(|c| c.is_whitespace() || "(«\"“".contains(c))
    };
    if last + 1 < cx.words.len() && without_conjunction(cx.word(last)) == "رقم" && cx.words[last + 1].clause == clause && bracketed(last) && numbered(last + 1) {
        last += 1;
    }
    while last > d.last {
        let w = cx.word(last);
        // a number without the noun it counts is no argument ("لتسجيل 205"): a label never ends on
        // one, but for the number after «رقم»
        let number = w.chars().any(|c| c.is_ascii_digit()) && !numbered(last);
        let function = cx.word_timex[last].is_none() && (cx.lex.is_stopword(w) || w.chars().count() < 2 || cx.lex.is_lasting(w) || number);
        if !function {
            break;
        }
        last -= 1;
    }
    last
}

/// Whether the normalised word `w` is an imperfect verb that opens a predicate of its own: with
/// the prefix ي («يبدأ»، «يقتصر»), or the future س before ي/ت («ستقتصر»، «سيتم»). Words with ت
/// alone are left out (verbal nouns: «وتقييد الحركة»), as are the nouns «سيارة»، «ستة»، «يوما»،
/// «فيديو» and places.
fn opens_predicate(cx: &Ctx, w: &str) -> bool {
    // (only و is taken off: a ف before ي is a root letter as often, «فيديو»)
    let s = w.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(w);
    let n = s.chars().count();
    // («يوم»، «يوما»، «يوميا» are no verbs; a final ا may be a hamza, «يبدأ» normalised «يبدا»)
    let imperfect = s.starts_with('ي') && (4..=6).contains(&n) && !s.starts_with("يوم");
    let future = (s.starts_with("سي") || s.starts_with("ست")) && n >= 5 && s.chars().nth(2) != Some('ا');
    (imperfect || future) && cx.lex.place_zone(&[s]).is_none()
}

/// Whether the normalised word `w` opens a prepositional phrase coordinated by و («ولفتح»،
/// «وبحضور»): a new adjunct of the clause, not part of the phrase before it.
/// Places are left out («ولبنان»، «وبغداد»: coordinated names).
fn coordinated_adjunct(cx: &Ctx, w: &str) -> bool {
    let rest = w.strip_prefix('و').unwrap_or("");
    let object = rest.get('ل'.len_utf8()..).unwrap_or("");
    let place = cx.lex.place_zone(&[rest]).is_some() || cx.lex.place_zone(&[object]).is_some() || cx.lex.place_zone(&[strip_article(object)]).is_some();
    rest.chars().count() >= 4 && (rest.starts_with('ل') || rest.starts_with('ب')) && without_conjunction(w) != w && !place
}

/// Whether a word of a multi-word trigger is a content word (gap words and particles are not
/// part of the head).
pub(super) fn trigger_word(cx: &Ctx, wi: usize) -> bool {
    !cx.lex.is_stopword(cx.word(wi)) && strip_article(cx.word(wi)).chars().count() >= 2
}

/// How many words of a subject standing before its verb a label takes ("أن خوادم الحزب توقفت").
pub(super) const SUBJECT_WORDS: usize = 2;

/// The first word of what a verb's label takes from before it, in its clause, where Arabic puts the
/// verb's argument first: the noun a relative clause describes ("هذه الشائعات التي رددتها لوبان":
/// the rumours are what she repeated; a relative pronoun follows a definite noun) or the subject
/// after «أن»/«إن», which stands before its verb ("أكد الحزب أن خوادمه توقفت": the servers went
/// down). None for a trigger that is no verb, or with nothing such before it.
pub(super) fn argument_before(cx: &Ctx, d: &Draft, taken: &[bool]) -> Option<usize> {
    // (a verb in a relative clause carries the pronoun of the noun it describes: «رددتها»)
    let w = cx.word(d.first);
    let bare = ["ها", "هم", "ه"].iter().find_map(|p| w.strip_suffix(p).filter(|r| r.chars().count() >= 3)).unwrap_or(w);
    if d.first < 2 || !(looks_like_verb(w) || looks_like_verb(bare)) {
        return None;
    }
    let clause = cx.words[d.first].clause;
    // a content word of the clause, no other event's, running on to the next word
    let free = |wi: usize| cx.words[wi].clause == clause && cx.adjacent(wi) && !taken[wi] && cx.is_content(wi);
    let before = d.first - 1;
    if RELATIVE_PRONOUNS.contains(&cx.word(before)) && cx.words[before].clause == clause {
        let noun = before - 1;
        return (free(noun) && cx.adjacent(before) && cx.word(noun).starts_with("ال")).then_some(noun);
    }
    let mut first = d.first;
    while first > 1 && d.first - first < SUBJECT_WORDS && free(first - 1) && !cx.lex.is_non_event(cx.word(first - 1)) {
        first -= 1;
    }
    let opened = first < d.first && COMPLEMENTIZERS[..COORDINATED_COMPLEMENTIZERS].contains(&cx.word(first - 1)) && cx.adjacent(first - 1);
    opened.then_some(first)
}

/// The label of draft `d` with the argument that stands before its verb (see [`argument_before`]),
/// in the text's words; `label` as it is when there is none.
pub(super) fn with_argument_before(cx: &Ctx, d: &Draft, taken: &[bool], label: String) -> String {
    let Some(first) = argument_before(cx, d, taken) else { return label };
    let (start, _) = cx.span(cx.words[first].range.clone());
    let (end, _) = cx.span(d.start_byte..d.start_byte);
    let before = cx.orig(start, end).replace(['"', '“', '”', '«', '»'], "").split_whitespace().collect::<Vec<_>>().join(" ");
    if before.is_empty() { label } else { format!("{before} {label}") }
}
