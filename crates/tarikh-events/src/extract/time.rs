//! Time attachment: which expression dates a mention (its governing timex), and the range ends,
//! starts, «منذ» and durations that bound it.

use crate::EventMention;
use std::collections::HashSet;
use super::{Draft, drafts_of_sentence};
use super::context::{Ctx, opens_with_conjunction};
use super::words::{is_perfect_verb, looks_like_verb, noun_pattern, without_conjunction};
use super::roles::RELATIVE_PRONOUNS;
use tarikh_anchor::TimexType;

/// Whether the timex starting at word `tf` is introduced by «منذ» (the word before it, or its own
/// first word).
pub(super) fn introduced_by_since(cx: &Ctx, tf: usize) -> bool {
    since_word(cx, tf).is_some()
}

/// Whether the timex starting at word `tf` is introduced by «حتى» / «لغاية» (until): the end of a
/// state, not the date of an event.
pub(super) fn introduced_by_until(cx: &Ctx, tf: usize) -> bool {
    let until = |w: &str| matches!(w.strip_prefix('و').unwrap_or(w), "حتي" | "لغايه");
    // «إلى غاية X» (Maghreb press: "تواصلت إلى غاية 27 جانفي") is «لغاية X»
    let to_the_end = |wi: usize| wi > 0 && cx.word(wi) == "غايه" && cx.adjacent(wi - 1) && matches!(cx.word(wi - 1).strip_prefix('و').unwrap_or(cx.word(wi - 1)), "الي");
    until(cx.word(tf)) || (tf > 0 && cx.adjacent(tf - 1) && (until(cx.word(tf - 1)) || to_the_end(tf - 1))) || to_the_end(tf)
}

/// Adverbials that, before «من», make the date after them when something begins («بدءا من مساء
/// السبت»، «ابتداء من الغد»، «اعتبارا من يوم الأحد»، «بداية من الشهر المقبل»), normalised; the
/// press of every region uses them for measures that take effect and last.
pub(super) const START_ADVERBIALS: &[&str] = &["بدءا", "ابتداء", "اعتبارا", "بدايه"];

/// Whether timex `ti` is introduced by a start adverbial and «من» ([`START_ADVERBIALS`]): the
/// event it dates begins then, and its end is not bounded by it.
pub(super) fn introduced_by_start(cx: &Ctx, ti: usize) -> bool {
    let t = &cx.doc.timexes[ti];
    let tf = cx.words.partition_point(|x| x.range.end <= t.byte_range.start);
    let bare = |wi: usize| cx.word(wi).strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(cx.word(wi));
    // «من» is the date's own first word or the word before it
    let min = if tf < cx.words.len() && cx.word(tf) == "من" { tf } else if tf > 0 && cx.word(tf - 1) == "من" && cx.adjacent(tf - 1) { tf - 1 } else { return false };
    min > 0 && cx.adjacent(min - 1) && START_ADVERBIALS.contains(&bare(min - 1))
}

/// Verbs of beginning, normalised (أ written ا), with the future سـ: after the event they say when it
/// begins, not when it happens ("حظر التجول المفروض لمدة 21 يوما بدأت يوم الإثنين", a Kuwaiti
/// outlet; "القرارات ستبدأ من اليوم ولمدة أسبوعين", an Egyptian one).
pub(super) const BEGINNING_VERBS: &[&str] = &["بدا", "بدات", "بداوا", "يبدا", "تبدا", "سيبدا", "ستبدا", "تنطلق", "ستنطلق", "ينطلق", "سينطلق"];

/// Whether timex `ti` is the date a verb of beginning gives the event of draft `d`: the verb
/// stands after the trigger (the event is its subject, «القرارات ستبدأ»), right before the date or
/// before its «من» or «في» («هدنة لمدة 24 ساعة تبدأ في السادسة مساء اليوم»), with nothing between. A verb inside the trigger names a start that is itself
/// the event («الحملة الانتخابية ستنطلق يوم 16 جانفي»): its date is that start, no beginning of a
/// longer event.
pub(super) fn begun_then(cx: &Ctx, d: &Draft, ti: usize) -> bool {
    let t = &cx.doc.timexes[ti];
    let tf = cx.words.partition_point(|x| x.range.end <= t.byte_range.start);
    if tf == 0 || tf >= cx.words.len() {
        return false;
    }
    let bare = |wi: usize| cx.word(wi).strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(cx.word(wi));
    // «من» or «في» is the date's own first word or the word before it
    let opens = |wi: usize| matches!(cx.word(wi), "من" | "في");
    let first = if opens(tf) { tf } else if opens(tf - 1) && cx.adjacent(tf - 1) { tf - 1 } else { tf };
    first > 0 && first - 1 > d.last && cx.adjacent(first - 1) && BEGINNING_VERBS.contains(&bare(first - 1)) && !seemed(cx, first - 1)
}

/// Verbs of beginning before the event they begin, normalised: «بدأ العمال إضرابا لمدة 48 ساعة
/// يوم الاثنين»، «شرع الأطباء في إضراب»، «انطلقت فعاليات المهرجان». The date of their clause is
/// when the event begins; a duration the text gives runs from it.
const BEGINNING_VERBS_BEFORE: &[&str] = &[
    "بدا", "بدات", "بداوا", "يبدا", "تبدا", "سيبدا", "ستبدا", "شرع", "شرعت", "شرعوا", "يشرع", "تشرع", "انطلقت", "انطلق",
    "دخل", "دخلت", "دخلوا", "يدخل", "تدخل",
];

/// Verbs of launching, normalised: «أطلقت الوزارة يوم الأحد حملة تطعيم تستمر عشرة أيام». Before an
/// event that lasts days (`EventType::lasts_days`) they begin it like a verb of beginning; before
/// others they name no start («أطلقت الشرطة الغاز المسيل للدموع»).
const LAUNCHING_VERBS_BEFORE: &[&str] = &["اطلقت", "اطلق", "اطلقوا", "تطلق", "يطلق"];

/// Verbs of ending before the event they end, normalised (أنهى → «انهي»): «اختتمت فعاليات المهرجان
/// مساء السبت»، «أنهى المضربون إضرابهم أمس». The date of their clause is when an event that lasts
/// days (`EventType::lasts_days`) ends, not a day it fills: the festival opened a week before.
const ENDING_VERBS_BEFORE: &[&str] = &[
    "اختتمت", "اختتم", "اختتموا", "تختتم", "يختتم", "ستختتم", "انتهت", "انتهي", "تنتهي", "ينتهي", "ستنتهي",
    "انهي", "انهت", "انهوا", "ينهي", "تنهي", "فض", "فضت", "فضوا", "يفض", "تفض",
];

/// Verbs of ending that take the ended event as their object and a subject of their own, who
/// need not be the event's agent: «أنهت الشرطة بالقوة اعتصام المزارعين»، «فضت قوات الأمن اعتصام
/// العمال»، «أنهى الجيش حصار المدينة» (security and labour news of every country). Their subject
/// (and a manner, «بالقوة») may stand between them and the event; before the intransitive ones
/// («انتهت»، «اختتمت») the event is itself the subject.
const TRANSITIVE_ENDING_VERBS: &[&str] = &["انهي", "انهت", "انهوا", "ينهي", "تنهي", "فض", "فضت", "فضوا", "يفض", "تفض"];

/// How many words may stand between a verb of beginning or ending and the event after it (its
/// subject, a place, a date: «اختتمت مساء السبت فعاليات الدورة»، «بدأ عمال السكك الحديدية في
/// المغرب يوم الاثنين إضرابا»: seven).
const PHASE_VERB_REACH: usize = 8;

/// How near the event a preposition must stand to govern it («على وقع احتجاجات»، «بعد ساعات من
/// الإضراب»); one further off heads an adjunct of the verb («في المغرب») and the event after it is
/// still the verb's object.
const PHASE_BLOCKER_REACH: usize = 3;

/// Prepositions that end the reach of a verb of beginning or ending: the event after one is no
/// subject or object of the verb («انتهى الاجتماع على وقع احتجاجات»).
const PHASE_BLOCKERS: &[&str] = &["علي", "من", "عن", "مع", "الي", "حول", "بعد", "قبل", "رغم"];

/// What a verb before an event does to it: begins it («بدأ العمال إضرابا»), launches it («أطلقت
/// الوزارة حملة تطعيم»: only a campaign, an initiative, an operation or activities are launched;
/// «أطلق سراح»، «أطلق النار»، «أطلق هتافات» begin nothing) or ends it («اختتمت فعاليات المهرجان»).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Begin,
    Launch,
    End,
}

/// Heads of what is launched, normalised without the article: «أطلقت الوزارة حملة تلقيح»،
/// «أطلق الجيش عملية عسكرية»، «أطلقت فعاليات المهرجان».
const LAUNCHED: &[&str] = &["حمله", "حملات", "مبادره", "عمليه", "فعاليات"];

/// Words that may stand between a verb of ending and its event besides a date: «اختتمت فعاليات
/// المهرجان»، «اختتمت القمة أعمالها»، «انتهت الدورة».
const ENDED_HEADS: &[&str] = &["فعاليات", "اعمال", "دوره", "الدوره", "الفعاليات", "الاعمال"];

/// Verbal nouns that are the object of a verb of beginning, no event of their own («بدأ العمل
/// بقانون»، «بدأ العد التنازلي»، «بدأت الحكومة دراسة مطالب»), normalised without the article.
const BEGUN_WORK: &[&str] = &["عمل", "عد", "دراسه", "بحث", "نظر", "مناقشه"];

/// Whether word `wi` reads as a noun with a pronoun suffix in the original text («كلمته»،
/// «عملها»، «استعداداته»، «إضرابهم»): the verb's own possessed object.
fn possessed(cx: &Ctx, wi: usize) -> bool {
    let (s, e) = cx.span(cx.words[wi].range.clone());
    let w = cx.orig(s, e);
    w.chars().count() >= 4 && ["ه", "ها", "هم", "هما", "هن"].iter().any(|p| w.ends_with(p))
}

/// Whether word `wi`, `k` words after a verb of beginning, is a verbal noun that is the verb's own
/// object («بدأ المحققون استجواب المتهمين»، «بدأت قوات الأمن تفريق المظاهرة»، «بدأ العد
/// التنازلي»): of the patterns استفعال، تفعيل، افتعال, or a noun of work; one with the article
/// only right after the verb (further on it belongs to the subject: «أساتذة التعليم الثانوي»).
fn begun_verbal_noun(cx: &Ctx, wi: usize, k: usize) -> bool {
    let w = without_conjunction(cx.word(wi));
    let bare = w.strip_prefix("ال");
    if bare.is_some() && k > 1 {
        return false;
    }
    let b = bare.unwrap_or(w);
    let c: Vec<char> = b.chars().collect();
    let istifal = b.starts_with("است") && c.len() >= 6;
    let tafil = c.len() == 5 && c[0] == 'ت' && c[3] == 'ي';
    let iftial = c.len() == 6 && c[0] == 'ا' && c[2] == 'ت' && c[4] == 'ا';
    istifal || tafil || iftial || BEGUN_WORK.contains(&b)
}

/// Whether a verb of `verbs` stands before draft `d` in its clause, within [`PHASE_VERB_REACH`]
/// words, outside every trigger, with no other event and no preposition between (only «في» right
/// before the event, «شرع في إضراب», or one before a place, «بدأ عمال النقل في تونس إضرابا»;
/// «دخل» needs «في»: «دخلت القوات المدينة» begins nothing). What stands between is the verb's
/// subject, a place and a date: a relative pronoun or «أن» ends the reach (the event is in
/// another clause), so does the verb's own object («بدأ الرئيس كلمته»). Before a verb of ending
/// only a date or «فعاليات/أعمال/دورة» may stand, or a subject when the event is possessed
/// («أنهى العمال إضرابهم») or the verb takes a subject of its own ([`TRANSITIVE_ENDING_VERBS`]:
/// «أنهت الشرطة بالقوة اعتصام المزارعين»).
fn phase_verb_before(cx: &Ctx, drafts: &[Draft], d: &Draft, verbs: &[&str], phase: Phase) -> bool {
    let clause = cx.words[d.first].clause;
    let enters = |w: &str| w.starts_with("دخل") || w.starts_with("يدخل") || w.starts_with("تدخل");
    // «دخل الأطباء في إضراب» as the trigger itself: entering the strike is its start (a verb of
    // other triggers, «انطلقت الحملة», names a start that is itself the event)
    let first = without_conjunction(cx.word(d.first));
    if verbs.contains(&first) && enters(first) && (d.first + 1..=d.last).any(|wi| cx.word(wi) == "في") {
        return true;
    }
    if phase == Phase::Launch {
        let head = |wi: usize| LAUNCHED.contains(&crate::lexicon::strip_article(without_conjunction(cx.word(wi))));
        if !(head(d.first) || (d.first > 0 && head(d.first - 1))) {
            return false;
        }
    }
    let in_draft = |wi: usize| drafts.iter().any(|o| o.first <= wi && wi <= o.last);
    let event_possessed = (d.first..=d.last).any(|wi| possessed(cx, wi));
    for k in 1..=PHASE_VERB_REACH {
        if d.first < k {
            return false;
        }
        let v = d.first - k;
        if cx.words[v].clause != clause || !cx.adjacent(v) || in_draft(v) {
            return false;
        }
        let w = without_conjunction(cx.word(v));
        if verbs.contains(&w) {
            let fi = cx.word(d.first - 1) == "في";
            if seemed(cx, v) || (enters(w) && !fi) {
                return false;
            }
            // what stands between the verb and the event
            return (v + 1..d.first).all(|x| {
                let word = without_conjunction(cx.word(x));
                cx.word_timex[x].is_some()
                    || match phase {
                        Phase::End => {
                            let subject = event_possessed || TRANSITIVE_ENDING_VERBS.contains(&w);
                            ENDED_HEADS.contains(&word) || (subject && !possessed(cx, x) && !word.starts_with('ل') && !PHASE_BLOCKERS.contains(&word))
                        }
                        Phase::Begin | Phase::Launch => !possessed(cx, x) && !begun_verbal_noun(cx, x, x - v),
                    }
            });
        }
        if RELATIVE_PRONOUNS.contains(&w) || w == "ان" {
            return false;
        }
        // «في» before a place of one word just before the event, another «في» or a date
        let place = w == "في" && v + 2 <= d.first && (v + 2 == d.first || cx.word(v + 2) == "في" || cx.word_timex[v + 2].is_some());
        if k <= PHASE_BLOCKER_REACH && (PHASE_BLOCKERS.contains(&w) || (w == "في" && k > 1 && !place)) {
            return false;
        }
    }
    false
}

/// Whether the event of draft `d` is told as scheduled: «المقرر/المقررة» in it or right after
/// it, «المقبل/المقبلة» right after it.
fn scheduled(cx: &Ctx, d: &Draft) -> bool {
    let end = (d.last + 3).min(cx.words.len());
    (d.first..end).any(|wi| matches!(without_conjunction(cx.word(wi)), "المقرر" | "المقرره" | "المقبل" | "المقبله"))
}

/// Whether timex `ti` begins after the day of publication (when that day is known).
fn after_publication(cx: &Ctx, ti: usize) -> bool {
    let published = cx.doc.publication.known_date();
    let start = cx.doc.timexes[ti].interval.as_ref().map(|i| i.start.date_naive());
    matches!((published, start), (Some(p), Some(s)) if s > p)
}

/// Whether word `wi`, normalised «بدا», is written without its hamza: «بدا» is "seemed" («بدا أمس
/// هشا»), «بدأ» "began"; normalisation makes them one word, so the original decides.
fn seemed(cx: &Ctx, wi: usize) -> bool {
    let (s, e) = cx.span(cx.words[wi].range.clone());
    let bare = cx.word(wi).strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(cx.word(wi));
    bare == "بدا" && !cx.orig(s, e).contains('أ')
}

/// How many words after a trigger a lone «حتى X» may stand and still bound its end ("فرض حظر
/// تجول في المدينة حتى مساء الإثنين").
pub(super) const UNTIL_GAP: usize = 4;

/// A time the event of draft `d` lasts until, when its clause gives it one and no date of its own:
/// «حتى X» / «لغاية X» / «إلى غاية X» at most [`UNTIL_GAP`] words after the trigger, with no other
/// trigger between. A present «حتى الآن»، «حتى اليوم» says the event still goes on, not that it
/// ends then, and a count after the time makes it a tally "as of" then: none.
pub(super) fn lone_until(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
    let clause = cx.words[d.last].clause;
    for wi in words_after_trigger(cx, drafts, d, UNTIL_GAP) {
        let Some(ti) = cx.word_timex[wi] else { continue };
        let t = &cx.doc.timexes[ti];
        let tf = cx.words.partition_point(|x| x.range.end <= t.byte_range.start);
        let today = cx.doc.publication.date.format("%Y-%m-%d").to_string();
        let dated = matches!(t.kind, TimexType::Date | TimexType::Time) && t.interval.is_some() && !t.value.ends_with("_REF") && t.value != today;
        // a count after it makes «حتى X» "as of X" ("انتشلت حتى الساعة الرابعة 37 جثة"، "سجلت
        // حتى مساء أمس 500 إصابة"): a tally up to then, no end of the work
        let after = cx.words.partition_point(|x| x.range.start < t.byte_range.end);
        let tally = after < cx.words.len() && cx.words[after].clause == clause && cx.word(after).starts_with(|c: char| c.is_ascii_digit());
        return (dated && !tally && t.event_offset.is_none() && introduced_by_until(cx, tf)).then_some(ti);
    }
    None
}

/// Words that open the start of a range («من X حتى Y»), normalised, a conjunction allowed: «من»,
/// and the adverbials «ابتداء من»، «اعتبارا من»، «بداية من» end with it; «بين X وY»، «للفترة بين X
/// حتى Y» open one too.
pub(super) const RANGE_OPENERS: &[&str] = &["من"];

/// Words that join the start of a range to its end («من X حتى Y», «من X إلى Y», «من X ولغاية Y»),
/// normalised, a conjunction و allowed.
pub(super) const RANGE_JOINERS: &[&str] = &["حتي", "الي", "لغايه", "لحين"];

/// The end of a range whose start is the timex `ti`: «من/بين X حتى/إلى/لغاية Y» or «بين X وY»,
/// with X and Y both dates or times and nothing but the joining word (and a comma) between them ("من الساعة الثامنة من صباح
/// الأربعاء وحتى الساعة التاسعة من صباح الخميس"، "من السابعة مساء حتى السادسة صباحا").
pub(super) fn range_end(cx: &Ctx, ti: usize) -> Option<usize> {
    let t = &cx.doc.timexes[ti];
    if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.interval.is_none() {
        return None;
    }
    // «5-7 مايو»، «28 أبريل - 3 مايو»: a dash alone joins two dates (the grammar reads each end as
    // an expression of its own), with no opener before them.
    if let Some(u) = cx.doc.timexes.get(ti + 1) {
        let dash = cx.text.get(t.byte_range.end..u.byte_range.start).is_some_and(|gap| gap.trim() == "-");
        if dash && matches!(u.kind, TimexType::Date | TimexType::Time) && u.interval.as_ref().zip(t.interval.as_ref()).is_some_and(|(y, x)| y.end > x.start) {
            return Some(ti + 1);
        }
    }
    let tf = cx.words.partition_point(|x| x.range.end <= t.byte_range.start);
    let tl = cx.words.partition_point(|x| x.range.start < t.byte_range.end).checked_sub(1)?;
    let bare = |wi: usize| cx.word(wi).strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(cx.word(wi));
    // the start opens with «من» or «بين» (its own first word, or the word before it)
    let opener = |wi: usize| {
        let w = bare(wi);
        RANGE_OPENERS.contains(&w) || w == "بين" || w == "للفتره"
    };
    let opened = opener(tf) || (tf > 0 && cx.adjacent(tf - 1) && opener(tf - 1));
    let joiner = tl + 1;
    if !opened || joiner + 1 >= cx.words.len() || cx.words[joiner].sentence != cx.words[tl].sentence {
        return None;
    }
    let tj = if RANGE_JOINERS.contains(&bare(joiner)) {
        // (the joining word may be the end's own first word: a timex that starts with «حتى»;
        // «إلى غاية» is «لغاية»)
        let end_at = if bare(joiner + 1) == "غايه" { joiner + 2 } else { joiner + 1 };
        cx.word_timex[joiner].filter(|&x| x != ti).or(*cx.word_timex.get(end_at)?)?
    } else if cx.word(joiner).starts_with('و') && (opener(tf) && bare(tf) == "بين" || tf > 0 && bare(tf - 1) == "بين") {
        // «بين X وY»
        cx.word_timex[joiner].filter(|&x| x != ti)?
    } else {
        return None;
    };
    let end_at = joiner;
    let u = &cx.doc.timexes[tj];
    let starts_there = cx.words.partition_point(|x| x.range.end <= u.byte_range.start) <= end_at + 2;
    let after = u.interval.as_ref().zip(t.interval.as_ref()).is_some_and(|(y, x)| y.end > x.start);
    (tj != ti && starts_there && matches!(u.kind, TimexType::Date | TimexType::Time) && after).then_some(tj)
}

/// Whether timex `ti` opens a span «من X حتى/إلى Y» after what the announcement `d` announces: an
/// announcement (a report that `joins_object`) with an event of another kind between it and the
/// span in its clause («أعلنت الحكومة حظر تجول من مساء السبت حتى الإثنين»، «أعلنت الوزارة تنظيم
/// المعرض من 1 إلى 10 يونيو»). The announcement is made at one time; the span is how long the
/// announced thing lasts. (A window «بين X وY» may be the announcement's own: «يتوقع إعلان القرار
/// ما بين الساعة 7 و8:30».)
fn span_of_announced(cx: &Ctx, drafts: &[Draft], d: &Draft, ti: usize) -> bool {
    let types = cx.lex.types();
    let announces = d.type_idx.is_some_and(|t| types[t].reports && types[t].joins_object);
    let tf = cx.timex_first[ti];
    if !announces || tf <= d.last || tf >= cx.words.len() || range_end(cx, ti).is_none() {
        return false;
    }
    let bare = |wi: usize| cx.word(wi).strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(cx.word(wi));
    let from = RANGE_OPENERS.contains(&bare(tf)) || (tf > 0 && cx.adjacent(tf - 1) && RANGE_OPENERS.contains(&bare(tf - 1)));
    let clause = cx.words[d.last].clause;
    let object = drafts.iter().any(|o| {
        o.first > d.last && o.first < tf && cx.words[o.first].clause == clause && o.type_idx.is_some_and(|t| !types[t].reports) && o.type_idx != d.type_idx
    });
    from && object && cx.words[tf].clause == clause
}

/// How many words before a date «منذ» may open the phrase the date ends ("منذ بدء تسجيل البيانات
/// المناخية في عام 1949").
pub(super) const SINCE_REACH: usize = 6;

/// How many words may stand between the end of a «منذ» date and an event after it that takes it: the event
/// right after a fronted «منذ» phrase ("منذ الصباح تتواصل عمليات الإنقاذ").
pub(super) const SINCE_AFTER_REACH: usize = 3;

/// The word «منذ» that opens the phrase a date at word `tf` belongs to: the date's own first word,
/// or a word at most [`SINCE_REACH`] before it in its clause with no other date between.
pub(super) fn since_word(cx: &Ctx, tf: usize) -> Option<usize> {
    if cx.lex.is_since(cx.word(tf)) {
        return Some(tf);
    }
    let clause = cx.words[tf].clause;
    for wi in (tf.saturating_sub(SINCE_REACH)..tf).rev() {
        if cx.words[wi].clause != clause || (cx.word_timex[wi].is_some() && cx.word_timex[wi] != cx.word_timex[tf]) {
            return None;
        }
        if cx.lex.is_since(cx.word(wi)) {
            return Some(wi);
        }
    }
    None
}

/// The date (or duration) «منذ» gives a mention's clause: the start of a state ("مستمرة منذ أمس
/// الأحد") or the time since a start ("تعمل الفرق منذ 30 ساعة"). None when a comparison word
/// stands just before «منذ» ("أكبر كمية أمطار منذ 1949", "لأول مرة منذ 12 عاما"): the date is
/// what the event is compared with, no time of it.
pub(super) fn since_timex(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
    let clause = cx.words[d.last].clause;
    let mut best: Option<(usize, usize)> = None; // (distance, timex)
    // (a clause lies within a sentence)
    for (ti, t, tf) in cx.timexes_of_sentence(cx.words[d.last].sentence) {
        if t.event_offset.is_some() || t.value.ends_with("_REF") {
            continue;
        }
        if tf >= cx.words.len() || cx.words[tf].clause != clause || !introduced_by_since(cx, tf) {
            continue;
        }
        let dated = matches!(t.kind, TimexType::Date | TimexType::Time) || (t.kind == TimexType::Duration && t.duration_seconds.is_some());
        if !dated {
            continue;
        }
        let Some(at) = since_word(cx, tf) else { continue };
        if (at.saturating_sub(3)..at).any(|wi| cx.lex.is_comparison(cx.word(wi))) || first_time_before(cx, at) {
            continue;
        }
        // an event after the date follows it closely ("منذ أمس تشهد المدينة فيضانات"); one further
        // on belongs to another predicate ("كانا منذ عقود صامدين في وجه الماء ويمنعان عنها
        // فيضان الوادي": the decades are the dams' standing, not the flood's)
        let after = cx.words.partition_point(|x| x.range.end <= t.byte_range.end);
        if at < d.first && d.first > after + SINCE_AFTER_REACH {
            continue;
        }
        // another event between them takes it
        let (lo, hi) = if at > d.last { (d.last, at) } else { (at, d.first) };
        if drafts.iter().any(|o| o.first > lo && o.first < hi) {
            continue;
        }
        let distance = hi - lo;
        if best.is_none_or(|(b, _)| distance < b) {
            best = Some((distance, ti));
        }
    }
    best.map(|(_, ti)| ti)
}

/// Adjectives that end a span of time as the one just before the publication («الساعات
/// الماضية»، «الأيام الأخيرة»، «الـ24 ساعة المنصرمة»، «الأسابيع الفائتة»), normalised.
pub(super) const JUST_PAST: &[&str] = &["الماضيه", "الاخيره", "المنصرمه", "الفائته"];

/// Words that, before such a span, place an event within it («خلال الساعات الماضية»، «في الأيام
/// الأخيرة»، «طوال الساعات الـ24 الماضية»، «على مدى الأيام الثلاثة الماضية»), normalised, a
/// conjunction allowed.
pub(super) const WITHIN_WORDS: &[&str] = &["خلال", "في", "طوال", "طيله", "مدي"];

/// A span ending at the publication that the clause places the event of draft `d` in: a DURATION
/// timex ending with an adjective of the just past ([`JUST_PAST`]) after a word of "within"
/// ([`WITHIN_WORDS`]), in the mention's clause with no other trigger between ("وتشهد البلاد
/// فيضانات خلال الساعات الماضية"، "وشهدت الإمارات في الأيام الثلاثة الماضية هطولا مطريا"). The
/// press tells what has just happened so, with no date: the event began within that span before
/// the article (its `since`). A span of comparison ("الأعلى خلال الأيام الماضية") is none.
pub(super) fn recent_span(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
    let clause = cx.words[d.last].clause;
    let mut best: Option<(usize, usize)> = None; // (distance, timex)
    for (ti, t, tf) in cx.timexes_of_sentence(cx.words[d.last].sentence) {
        if t.kind != TimexType::Duration || t.event_offset.is_some() || t.duration_seconds.is_none() || tf == 0 || tf >= cx.words.len() {
            continue;
        }
        let tl = cx.words.partition_point(|x| x.range.start < t.byte_range.end).saturating_sub(1).max(tf);
        if cx.words[tf].clause != clause || cx.words[tl].clause != clause || !JUST_PAST.contains(&cx.word(tl)) || introduced_by_since(cx, tf) {
            continue;
        }
        let before = cx.word(tf - 1);
        let before = before.strip_prefix('و').filter(|b| WITHIN_WORDS.contains(b)).unwrap_or(before);
        if !cx.adjacent(tf - 1) || !WITHIN_WORDS.contains(&before) || (tf.saturating_sub(4)..tf).any(|wi| cx.lex.is_comparison(cx.word(wi))) {
            continue;
        }
        // another event between them takes it
        let (lo, hi) = if tf > d.last { (d.last, tf) } else { (tl, d.first) };
        if drafts.iter().any(|o| o.first > lo && o.first < hi) {
            continue;
        }
        if best.is_none_or(|(b, _)| hi - lo < b) {
            best = Some((hi - lo, ti));
        }
    }
    best.map(|(_, ti)| ti)
}

/// Planned ends: a mention of a type that ends measures as planned (`ends_planned`: classes
/// resuming) after «على أن» ("ليوم غد الثلاثاء، على أن تستأنف الدراسة يوم الأربعاء"; one word may
/// stand between, «على أن يتم استئناف») is the planned end of the measures of those types told
/// before it in its sentence: each lasts until its date (its `until`, when it has none and the
/// date is not before its own), and it joins one of them (of the type listed first, the nearest
/// of it), with no date of its own (no row of its own: the timeline shows the measure ending then).
pub(super) fn planned_ends(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    for (ri, r) in drafts.iter().enumerate() {
        let Some(ends) = r.type_idx.map(|t| &types[t].ends_planned).filter(|e| !e.is_empty()) else { continue };
        let sentence = cx.words[r.first].sentence;
        let in_reach = |x: usize| cx.words[x].sentence == sentence && (x..r.first).all(|y| cx.adjacent(y));
        let Some(an) = (r.first.saturating_sub(2)..r.first).rev().find(|&x| cx.word(x) == "ان" && in_reach(x)) else { continue };
        if an == 0 || !in_reach(an - 1) || without_conjunction(cx.word(an - 1)) != "علي" {
            continue;
        }
        let end = mentions[ri].time.and_then(|ti| cx.doc.timexes[ti].interval.as_ref().map(|i| (ti, i.end)));
        let mut nearest = None;
        for oi in drafts_of_sentence(cx, drafts, sentence) {
            let o = &drafts[oi];
            let Some(rank) = o.type_idx.and_then(|t| ends.iter().position(|e| *e == types[t].name)) else { continue };
            if o.last + 1 >= an || mentions[oi].until.is_some() {
                continue;
            }
            // (the first type listed, then the nearest)
            if nearest.is_none_or(|(r, _)| rank <= r) {
                nearest = Some((rank, oi));
            }
            let start = mentions[oi].time.and_then(|ti| cx.doc.timexes[ti].interval.as_ref()).map(|i| i.start);
            if let Some((ti, _)) = end.filter(|&(_, e)| start.is_none_or(|s| e > s)) {
                mentions[oi].until = Some(ti);
                mentions[oi].time_is_start = false;
            }
        }
        if let Some((_, oi)) = nearest {
            mentions[ri].joins = mentions[ri].joins.or(Some(oi));
            mentions[ri].time = None;
        }
    }
}

/// How many words before «منذ» a phrase of a first time still makes it a comparison: the relative
/// clause a first time takes ("المرة الأولى التي تصل فيها طائرة سعودية إلى المطار منذ 12 عاما").
pub(super) const FIRST_TIME_REACH: usize = 12;

/// Whether "the first time" ("المرة الأولى", "لأول مرة") stands before «منذ» at word `at` in its
/// clause, at most [`FIRST_TIME_REACH`] words before it: what follows «منذ» is what the event is
/// compared with, no time of it.
pub(super) fn first_time_before(cx: &Ctx, at: usize) -> bool {
    let clause = cx.words[at].clause;
    (at.saturating_sub(FIRST_TIME_REACH)..at).any(|wi| {
        wi + 1 < at && cx.words[wi].clause == clause && cx.adjacent(wi) && cx.lex.is_first_time(cx.word(wi), cx.word(wi + 1))
    })
}

/// Durations stated with a verb or phrase of lasting ("واستمرت 36 ساعة", "على مدى يومين", "لمدة
/// ثلاثة أيام") further from the event than [`DURATION_GAP`] words: they belong to the nearest
/// event before them in the sentence that is not a report and has no duration yet.
pub(super) fn lasting_durations(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    // (each duration is given to at most one event: those given already, once)
    let given: HashSet<usize> = mentions.iter().filter_map(|m| m.duration).collect();
    for (ti, t) in cx.doc.timexes.iter().enumerate() {
        if t.kind != TimexType::Duration || t.event_offset.is_some() || t.duration_seconds.is_none() {
            continue;
        }
        let tf = cx.timex_first[ti];
        if tf >= cx.words.len() || introduced_by_since(cx, tf) || given.contains(&ti) {
            continue;
        }
        let lasting = (tf.saturating_sub(2)..tf).any(|wi| cx.lex.is_lasting(cx.word(wi)) && cx.words[wi].sentence == cx.words[tf].sentence);
        let compared = (tf.saturating_sub(3)..tf).any(|wi| cx.lex.is_comparison(cx.word(wi)));
        if !lasting || compared || penalty_term(cx, ti) {
            continue;
        }
        let sent = cx.words[tf].sentence;
        let owner = drafts_of_sentence(cx, drafts, sent)
            .filter(|&i| drafts[i].last < tf)
            .max_by_key(|&i| drafts[i].last);
        // an alternative offered with «أو» between them («تقديم أوقات منع التجول … أو منع التجول
        // طوال اليوم»): the length is the alternative's, which is not told as happening
        let offered_instead = |i: usize| (drafts[i].last + 1..tf).any(|x| cx.word(x) == "او");
        if let Some(i) = owner.filter(|&i| !offered_instead(i)) {
            if mentions[i].duration.is_none() && !mentions[i].reports {
                mentions[i].duration = Some(ti);
            }
        }
    }
}

/// How many words before a duration a word of a penalty makes it a sentence's term («حكما
/// بالسجن المشدد عشر سنوات»).
const PENALTY_REACH: usize = 3;

/// Whether the duration `ti` is the term of a penalty, not how long an event lasts: a word of a
/// penalty ([`crate::EventLexicon::is_penalty`]) up to [`PENALTY_REACH`] words before it in its
/// clause («بالسجن المشدد عشر سنوات»، «بحبسه لمدة ثلاثة أشهر») or right after it («بخمس سنوات
/// سجنا نافذا», the North African wording). Court news of every country words sentences so.
fn penalty_term(cx: &Ctx, ti: usize) -> bool {
    let tf = cx.timex_first[ti];
    if tf >= cx.words.len() {
        return false;
    }
    let end = cx.doc.timexes[ti].byte_range.end;
    let tl = cx.words.partition_point(|x| x.range.start < end).saturating_sub(1).max(tf);
    let clause = cx.words[tf].clause;
    // before the term, the penalty is what a ruling gives: «بالسجن»، «بحبسه»، «عقوبة السجن»، «المؤبد»
    // («اعتصام أمام السجن المركزي لمدة ثلاثة أيام»، «إضراب عن الطعام في السجن استمر 40 يوما» are
    // no sentence)
    let sentenced = |wi: usize| {
        let w = without_conjunction(cx.word(wi));
        w.starts_with('ب') || matches!(w, "المؤبد" | "الشاقه") || (wi > 0 && cx.word(wi - 1).contains("عقوب"))
    };
    let before = (tf.saturating_sub(PENALTY_REACH)..tf).any(|wi| cx.words[wi].clause == clause && cx.lex.is_penalty(cx.word(wi)) && sentenced(wi));
    let after = cx.words.get(tl + 1).is_some_and(|w| w.clause == clause) && cx.lex.is_penalty(cx.word(tl + 1));
    before || after
}

/// How many sentences a subject-less report may stand after the report it continues.
pub(super) const CONTINUATION_SENTENCES: usize = 3;

/// How many words may stand between a trigger and its duration ("الحداد الوطني لمدة ثلاثة أيام").
pub(super) const DURATION_GAP: usize = 3;

/// The words right after the trigger of draft `d` that may still qualify it: at most `gap` words
/// between (so `gap + 1` words), in its clause, up to the next trigger.
pub(super) fn words_after_trigger<'c>(cx: &'c Ctx, drafts: &'c [Draft], d: &Draft, gap: usize) -> impl Iterator<Item = usize> + 'c {
    let clause = cx.words[d.last].clause;
    // (drafts are in text order: the one starting at a word is found by bisection)
    let starts_at = move |wi: usize| drafts.get(drafts.partition_point(|o| o.first < wi)).is_some_and(|o| o.first == wi);
    (d.last + 1..(d.last + 2 + gap).min(cx.words.len())).take_while(move |&wi| cx.words[wi].clause == clause && !starts_at(wi))
}

/// The duration a mention's own clause gives it: a DURATION timex (not an event offset, not
/// "ago") starting at most [`DURATION_GAP`] words after the trigger, with no other trigger or
/// timex in between ("حداد وطني دام أربعة أيام", "الحداد ثلاثة أيام").
pub(super) fn event_duration(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
    for wi in words_after_trigger(cx, drafts, d, DURATION_GAP) {
        // a superlative before the duration makes it the span of a comparison ("موجة طقس هي
        // الأعنف خلال أكثر من سبعة عقود"), as it does for «منذ»: no length of the event
        if cx.word_timex[wi].is_none() && cx.lex.is_comparison(cx.word(wi)) {
            return None;
        }
        if let Some(ti) = cx.word_timex[wi] {
            let t = &cx.doc.timexes[ti];
            let own = t.kind == TimexType::Duration && t.event_offset.is_none() && t.duration_seconds.is_some() && !introduced_by_since(cx, wi) && !penalty_term(cx, ti);
            return own.then_some(ti);
        }
    }
    None
}

/// Words that open a fronted adverbial phrase ("وفي بيان فجر السبت، أوصت اللجنة …", "مساء الجمعة،
/// أعلن …"): prepositions and time nouns, after a conjunction و/ف.
pub(super) const ADJUNCT_OPENERS: &[&str] = &[
    "في", "خلال", "منذ", "بعد", "قبل", "عند", "مع", "يوم", "صباح", "مساء", "ليل", "ليلة", "فجر", "ظهر", "عشية", "غداة", "بعيد", "قبيل",
];

/// How many words after a trigger a complement of it may start ("الجولة الثانية من الانتخابات").
pub(super) const COMPLEMENT_GAP: usize = 2;

/// The longest fronted adjunct, in words: longer stretches before a comma are clauses of their own.
pub(super) const ADJUNCT_MAX_WORDS: usize = 6;

/// For each clause: is it a fronted adverbial adjunct of the clause after it? Arabic news fronts
/// time and circumstance before the verb and sets them off with a comma ("وفي بيان فجر السبت،
/// أوصت اللجنة"): such a short clause, opened by a preposition or a time noun and followed by
/// another clause of the same sentence, dates the verb that follows.
pub(super) fn fronted_adjuncts(cx: &Ctx) -> Vec<bool> {
    let mut out = vec![false; cx.clauses.len()];
    let mut wi = 0;
    while wi < cx.words.len() {
        let (clause, sentence) = (cx.words[wi].clause, cx.words[wi].sentence);
        let end = wi + cx.words[wi..].iter().take_while(|w| w.clause == clause).count();
        let first = cx.word(wi);
        let bare = first.strip_prefix('و').or_else(|| first.strip_prefix('ف')).filter(|b| ADJUNCT_OPENERS.contains(b)).unwrap_or(first);
        // a clause opening with the conjunction و starts a new coordinated clause: the adjunct before
        // it closes the previous one ("لمغادرة القصر، في نهاية ولايته مساء الأحد، وأشارت …")
        let next_same_sentence = cx.words.get(end).is_some_and(|w| w.sentence == sentence) && {
            !opens_with_conjunction(cx.word(end))
        };
        out[clause] = ADJUNCT_OPENERS.contains(&bare) && end - wi <= ADJUNCT_MAX_WORDS && next_same_sentence;
        wi = end;
    }
    out
}

/// What the time linker needs besides the mentions: where event offsets block links, which
/// clauses have a mention, and which are fronted adjuncts of the next clause.
#[derive(Clone, Copy)]
pub(super) struct TimeLinks<'a> {
    blockers: &'a [usize],
    clause_has_mention: &'a [bool],
    fronted: &'a [bool],
    /// per clause: where the content a reporting mention reports begins
    complement: &'a [Option<usize>],
}

/// How many words before an event a noun naming its date («موعد») may stand: «موعد حلول العيد».
pub(super) const DATE_OF_REACH: usize = 2;

/// How many words farther than a day or a time a bare year may stand and still date a mention
/// before it (in units of the link score: two per word).
pub(super) const YEAR_PENALTY: usize = 8;

/// The DATE/TIME expression that dates a mention, and whether it is the mention's own: in its clause
/// (or a fronted adjunct of it), or opening the clause right after it, set off by a comma ("قال
/// الرئيس، السبت 6 مايو، إن …"), rather than elsewhere in the sentence.
pub(super) fn governing_timex(cx: &Ctx, drafts: &[Draft], d: &Draft, links: &TimeLinks) -> Option<(usize, bool)> {
    let TimeLinks { blockers, clause_has_mention, fronted, complement } = *links;
    let w = &cx.words[d.first];
    let said_before = complement[cx.clauses_of_sentence(w.sentence)].iter().flatten().copied().filter(|&c| cx.words[c].sentence == w.sentence && c < d.first).max();
    // the topic of a condolence or a mourning and a purpose take only a date of their own, after
    // them in their clause ("تعزية بوفاة الأمير … صباح أمس": the morning is the condolence's)
    let own_only = is_topic(cx, drafts, d) || after_purpose(cx, d) || purpose_lam(cx, d) || after_reaching(cx, d);
    // a cause, likewise for a day or a time: the effect's day (often the day it was reported) is
    // not the cause's, which came before it or at most on it; a month or a year («بسبب هجمات …
    // في فبراير») is a period that holds both
    let cause = after_cause(cx, drafts, d);
    let named_case = accused_of(cx, d).is_some();
    if let Some(ti) = moved_to(cx, drafts, d) {
        return Some((ti, true));
    }
    let mut best: Option<(usize, usize, bool)> = None; // (score, timex, own)
    // (a timex of another sentence never dates it: see below)
    for (ti, t, tf) in cx.timexes_of_sentence(w.sentence) {
        // PRESENT_REF/PAST_REF/FUTURE_REF ("حاليا", "سابقا") date nothing
        if t.event_offset.is_some() || !matches!(t.kind, TimexType::Date | TimexType::Time) || t.value.ends_with("_REF") {
            continue;
        }
        if tf >= cx.words.len() {
            continue;
        }
        let tl = cx.words.partition_point(|x| x.range.start < t.byte_range.end).saturating_sub(1).max(tf);
        let tw = &cx.words[tf];
        if tw.sentence != w.sentence {
            continue;
        }
        // «منذ X» is the start of a state or the time since X, «حتى X» the end of one: never the
        // date of the event
        if introduced_by_since(cx, tf) || introduced_by_until(cx, tf) {
            continue;
        }
        // «تقديم موعد الانتخابات إلى يونيو»، «تأجيل الامتحانات إلى الأحد»: a date after «إلى» is where
        // a change of date moves its object, not when the change was made
        if tf > d.last && moves_a_date(cx, d, tf) {
            continue;
        }
        // «أعلن الاتحاد تأجيل المباراة المقررة يوم السبت»، «تأجيل الحفل الذي كان مقررا يوم 20 مايو»،
        // «قررت الجامعة تأجيل البطولة من 20 مايو إلى 3 يونيو»: a date the thing moved was set for
        // (after a word of setting, or after «من») is its old schedule, neither the moving's day
        // nor the moved event's now
        if tf > d.last && old_schedule(cx, d, tf) {
            continue;
        }
        // «قررت الهيئة أمس تأجيل المباراة»، «اقترحت المفوضية الأسبوع الماضي تأجيل الاقتراع»: a date
        // before the word that moves the event is the moving's; the event moved was not held then
        if tl < d.first && moved_after(cx, d, tl) {
            continue;
        }
        // «قتل المتهم الرئيسي في اغتيال الناشط يوم السبت»: the case of the accused is an event told
        // before; a date after it in its clause is the act done to the accused (the killing's),
        // unless a relative clause gives it («المتهم في الهجوم الذي وقع يوم الجمعة»)
        if tf > d.last && tw.clause == w.clause && named_case && !(d.last + 1..tf).any(|x| RELATIVE_PRONOUNS.contains(&without_conjunction(cx.word(x)))) {
            continue;
        }
        let a_day_or_less = t.interval.as_ref().is_some_and(|i| (i.end - i.start).num_hours() <= 25);
        if (own_only || (cause && a_day_or_less)) && !(tf > d.last && tw.clause == w.clause) {
            continue;
        }
        // (nor from a relative clause after it: that describes a noun, «لمواجهة ارتفاع الأسعار والتي
        // تم اتخاذها اليوم» the measures taken today)
        if own_only && (d.last + 1..tf).any(|x| RELATIVE_PRONOUNS.contains(&without_conjunction(cx.word(x)))) {
            continue;
        }
        // «هلال شوال»: a month right after «هلال» names which crescent is sought; it dates the
        // events of the crescent (sought, seen or not on the eve of the month: `extent = "eve"`)
        // and nothing else in its clause («وأعلنت الدول رؤية هلال شوال»: the announcement is no
        // month long)
        let of_the_eve = d.type_idx.is_some_and(|t| cx.lex.types()[t].period_part == "eve");
        if !of_the_eve && tf > 0 && cx.adjacent(tf - 1) && without_conjunction(cx.word(tf - 1)).ends_with("هلال") {
            continue;
        }
        // an edition's year names which one, not when anything happens (see `edition_year`)
        if edition_year(cx, ti) && apposed_day(cx, ti).is_none() {
            continue;
        }
        // the reported content does not take the date of its saying ("قال الرئيس، السبت، إن
        // عملية القرصنة …": Saturday is when he spoke)
        if said_before.is_some_and(|c| tl < c) {
            continue;
        }
        // the dates of the reported content are not the report's
        if d.type_idx.is_some_and(|ti| cx.lex.types()[ti].reports) && complement[tw.clause].is_some_and(|c| tf > c && c > d.last) {
            continue;
        }
        // a relative clause after a report's subject dates that subject ("أشارت آخر الاستطلاعات التي
        // نشرت الجمعة إلى …": Friday is when the polls came out), not the report
        if d.type_idx.is_some_and(|ti| cx.lex.types()[ti].reports) && tf > d.last && (d.last + 1..tf).any(|x| RELATIVE_PRONOUNS.contains(&cx.word(x))) {
            continue;
        }
        // a date in a relative clause is its antecedent's, or an event's of the clause itself (see
        // `in_relative_clause_of_another`)
        if tf > d.last && in_relative_clause_of_another(cx, drafts, d, tf) {
            continue;
        }
        if tf > d.last && in_participle_phrase_of_another(cx, d, tf) {
            continue;
        }
        if tf > d.last && predicate_of_its_own_between(cx, drafts, d, tf) {
            continue;
        }
        // «عن موعد حلول عيد الفطر»: the event after a noun naming its date is the topic of what is
        // set or announced; a date before that noun is the setting's
        // «أعلنت القوات، اليوم الأربعاء، موافقتها على هدنة»: likewise the event after a noun of
        // stance is what is agreed or intended; a date before that noun is the stance's
        if tl < d.first && (d.first.saturating_sub(DATE_OF_REACH)..d.first).any(|x| x > tl && (cx.lex.is_date_of(cx.word(x)) || cx.lex.is_stance(cx.word(x)))) {
            continue;
        }
        // «القبض على المتهم الرئيسي في التفجير»، «منفذي الهجوم»: the event that names the accused
        // is their case, done before they were arrested or tried; a date before that noun is the
        // arrest's or the trial's
        if tl < d.first && accused_of(cx, d).is_some_and(|x| x > tl) {
            continue;
        }
        // a clause opening with the conjunction و is a new coordinated clause: a date in a clause
        // before it belongs to what was said before ("فترة الصمت الانتخابي، السبت والأحد، ونشرت
        // بيانات …": the weekend is the silence's, not the leak's)
        let coordinated = tl < d.first && tw.clause < w.clause && {
            let first = cx.words[..=d.first].iter().rposition(|x| x.clause != w.clause).map_or(0, |p| p + 1);
            opens_with_conjunction(cx.word(first))
        };
        let tier = if tw.clause == w.clause || (tw.clause + 1 == w.clause && fronted[tw.clause]) || (tw.clause == w.clause + 1 && that_dates(cx, tf)) {
            0
        } else if !clause_has_mention[tw.clause] && !coordinated && !set_off_after_another(cx, ti, w.clause, clause_has_mention) {
            1000
        } else {
            continue;
        };
        let (lo, hi, score) = if tf > d.last && tw.clause == w.clause && describes_the_trigger(cx, drafts, d, tf) {
            (d.last, tf, 0)
        } else if tf > d.last {
            (d.last, tf, 2 * (tf - d.last - 1))
        } else if tl < d.first {
            (tl, d.first, 2 * (d.first - tl - 1) + 3)
        } else {
            (d.first, d.first, 0)
        };
        if blockers.iter().any(|&b| b > lo && b < hi) {
            continue;
        }
        let between = || drafts.iter().filter(|o| o.first > lo && o.first < hi);
        // A date before a report and its topic («… اليوم الاثنين للإعلان عن النتيجة النهائية للجولة
        // الأولى»: Monday is the announcement's, the first round is what it is about) dates the
        // report only.
        if tl < d.first && between().any(|o| topic_of(cx, o, d) || between().any(|r| topic_of(cx, r, o) && follows_as_complement(cx, o, d))) {
            continue;
        }
        // Likewise a date before an event of another kind whose complement `d` is («أعلنت اليوم
        // النتائج النهائية للدور الأول للانتخابات»، «فتح باب الترشح للانتخابات»): the date is that
        // event's (the results', the candidacy's); `d` only says which election they are of.
        // (a report and its topic are `topic_of`'s: an event an announcement makes takes its date;
        // a report made at a meeting is made then: «لقاء مع الصحفيين للإعلان عن النتائج»)
        let reports = |x: &Draft| x.type_idx.is_some_and(|t| cx.lex.types()[t].reports);
        let other_kind = |o: &Draft| o.type_idx.is_some() && !reports(o) && !reports(d) && o.type_idx != d.type_idx;
        if tl < d.first && between().any(|o| other_kind(o) && follows_as_complement(cx, o, d)) {
            continue;
        }
        // … and so is a part of that complement named with its pronoun right after it («النتائج
        // النهائية للانتخابات التشريعية في دورتها الأولى»، «نتائج الانتخابات في جولتها الثانية»):
        // the round is the election's, told again; it takes no date of the results either
        if tl < d.first && between().any(|o| other_kind(o) && between().any(|c| c.first > o.last && follows_as_complement(cx, o, c) && part_named_after(cx, c, d))) {
            continue;
        }
        // A date after two events of one kind belongs to the nearer ("في الجولة الثانية … نتائج
        // الجولة الأولى في 23 أبريل"): the farther one is not dated by it. A mention right after
        // the trigger is its complement ("الجولة الثانية من الانتخابات الأحد"), not a rival.
        if d.type_idx.is_some() && between().any(|o| o.type_idx == d.type_idx && o.first > d.last + COMPLEMENT_GAP) {
            continue;
        }
        // a bare year names which one the event is ("عيد الفطر لهذا العام 1444هـ"، "انتخابات 2023")
        // more than when it happens: a day or a time in reach dates it before the year does
        let year_only = is_year_only(&t.value);
        let score = tier + score + 4 * between().count() + if year_only { YEAR_PENALTY } else { 0 };
        let own = tier == 0 || (tw.clause == w.clause + 1 && (tf == 0 || cx.words[tf - 1].clause != tw.clause));
        if best.is_none_or(|(s, _, _)| score < s) {
            best = Some((score, ti, own));
        }
    }
    best.map(|(_, ti, own)| apposed_day(cx, ti).map_or((ti, own), |day| (day, true)))
}

/// Words of «that» which open a clause giving the time of what the clause before told («…
/// مباراة بين الطرفين، وذلك يوم غد السبت»، «العمل عن بعد …، وذلك يوم الثلاثاء 16 أبريل»),
/// normalised.
pub(super) const THAT_IS: &[&str] = &["وذلك", "ذلك"];

/// Whether the date starting at word `tf` opens its clause right after «وذلك» ([`THAT_IS`]): the
/// demonstrative stands for the event of the clause before, and the date is that event's.
fn that_dates(cx: &Ctx, tf: usize) -> bool {
    tf > 0 && cx.words[tf - 1].clause == cx.words[tf].clause && cx.adjacent(tf - 1) && THAT_IS.contains(&cx.word(tf - 1))
        && (tf < 2 || cx.words[tf - 2].clause != cx.words[tf].clause)
}

/// Whether the date starting at word `tf`, after the mention of draft `d`, stands in a relative
/// clause that is not about `d`. A relative clause («التي»، «الذي» …) describes the noun right
/// before it: «فوز المرشح في انتخابات الرئاسة، التي أجريت في ديسمبر» dates the election, not the
/// win before it; and when the clause names an event of its own, its date is that event's: «رزنامة
/// الدورة الثانية التي سيتم الإعلان عن تفاصيلها يوم 15» dates the announcement, not the round.
/// So `d` does not take the date when another mention stands between it and the pronoun, or one
/// stands between the pronoun and the date — unless that one is the antecedent's own event told
/// again (a type that `joins_antecedent`: «الاستطلاعات التي نشرت الجمعة» is the polls' publication).
fn in_relative_clause_of_another(cx: &Ctx, drafts: &[Draft], d: &Draft, tf: usize) -> bool {
    let Some(pronoun) = (d.last + 1..tf).rev().find(|&x| RELATIVE_PRONOUNS.contains(&without_conjunction(cx.word(x)))) else {
        return false;
    };
    let types = cx.lex.types();
    let retold = |o: &Draft| o.type_idx.is_some_and(|t| types[t].joins_antecedent);
    let sentence = cx.words[d.first].sentence;
    drafts_of_sentence(cx, drafts, sentence).map(|i| &drafts[i]).any(|o| (o.first > d.last && o.first < pronoun) || (o.first > pronoun && o.first < tf && !retold(o)))
}

/// How many definite adjectives may stand between a trigger and the relative pronoun whose
/// antecedent it is («حظر التجول الشامل الذي فرض أمس»).
const ANTECEDENT_ADJECTIVES: usize = 2;

/// Whether the date at word `tf`, after the mention of draft `d` in its clause, stands in a
/// relative clause whose antecedent is the trigger itself: the pronoun follows the trigger (a
/// definite noun), or its definite adjectives, with no other mention up to the date («رغم حظر التجول الذي فرضته السلطات
/// مساء الجمعة»، «الاجتماع الذي عقد أمس»، «الانتخابات التي جرت في ديسمبر»). The clause describes
/// the event with its own time: that date beats a nearer one of the main clause before the trigger
/// («خرج المتظاهرون لليوم الثالث رغم حظر التجول الذي …»: the third day is the protest's).
fn describes_the_trigger(cx: &Ctx, drafts: &[Draft], d: &Draft, tf: usize) -> bool {
    let Some(pronoun) = (d.last + 1..tf).find(|&x| RELATIVE_PRONOUNS.contains(&without_conjunction(cx.word(x)))) else {
        return false;
    };
    // (a relative pronoun follows a definite noun: the trigger's last word has the article)
    let last = cx.word(d.last);
    let definite = last[..tarikh_text::proclitic_len(last)].ends_with("ال");
    let adjectives = (d.last + 1..pronoun).all(|x| cx.word(x).starts_with("ال") && cx.word_timex[x].is_none());
    let joined = (d.last..tf).all(|x| cx.adjacent(x));
    let other = drafts.iter().any(|o| o.first > d.last && o.first < tf);
    definite && pronoun - d.last - 1 <= ANTECEDENT_ADJECTIVES && adjectives && joined && !other
}

/// Definite participles that describe the noun before them with its own time («الحكم الصادر بحقه
/// في 15 أبريل»، «الاتفاق المبرم عام 2020»، «القمة المنعقدة في بغداد»), normalised: court,
/// diplomacy and economy news of every country. Left out, as nouns more often than participles
/// once the diacritics are gone: «الموقع» (the site: «الموقع العسكري»، «الموقع الرسمي»),
/// «المقدم» (a rank: «ضابط برتبة المقدم»), «المنشور» (a post).
const DESCRIBING_PARTICIPLES: &[&str] = &["الصادر", "الصادره", "المبرم", "المبرمه", "المنعقد", "المنعقده", "المعلن", "المعلنه", "المتخذ", "المتخذه"];

/// Whether the date at word `tf` after the mention of draft `d` belongs to a participle phrase
/// describing another noun («قضت المحكمة برفض الطعن وتأييد الحكم الصادر بحقه في 15 أبريل»: the
/// date is the first ruling's, not the rejection's). The participle must come after a noun
/// other than the mention's own trigger: «الجلسة المنعقدة في 15 أبريل» is the hearing's date.
fn in_participle_phrase_of_another(cx: &Ctx, d: &Draft, tf: usize) -> bool {
    let clause = cx.words[d.last].clause;
    // (right after a definite noun: «الحكم الصادر», not «على المنعقد»)
    let after_definite_noun = |x: usize| without_conjunction(cx.word(x - 1)).starts_with("ال");
    // (the trigger's own adjectives may stand before it, after a trigger with a possessive pronoun:
    // «خلال اجتماعه الفصلي المنعقد اليوم الثلاثاء» is the meeting's day; a noun with a pronoun
    // heads no construct, so the definite word after it is its adjective)
    let own_adjectives = |x: usize| {
        possessed_trigger(cx, d) && x - d.last - 1 <= ANTECEDENT_ADJECTIVES
            && (d.last + 1..x).all(|y| cx.word(y).starts_with("ال") && cx.word_timex[y].is_none() && cx.adjacent(y - 1))
            && cx.adjacent(x - 1)
    };
    (d.last + 2..tf).any(|x| cx.words[x].clause == clause && DESCRIBING_PARTICIPLES.contains(&without_conjunction(cx.word(x))) && after_definite_noun(x) && !own_adjectives(x))
}

/// Possessive pronouns as written at the end of a noun («اجتماعه»، «جلستها»، «قرارهم»): read on
/// the original text, where «ة» is not yet «ه».
const POSSESSIVE_ENDINGS: &[&str] = &["ه", "ها", "هم", "هما"];

/// Whether the last word of `d`'s trigger ends with a possessive pronoun in the original text.
fn possessed_trigger(cx: &Ctx, d: &Draft) -> bool {
    let (s, e) = cx.span(cx.words[d.last].range.clone());
    let word = cx.orig(s, e);
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    word.chars().count() >= 4 && POSSESSIVE_ENDINGS.iter().any(|p| word.ends_with(p))
}

/// Whether a mention between the mention of draft `d` and a date after it (at word `tf`) takes the
/// date away from `d`, being a predicate of its own that the date belongs to:
/// * a reporting verb («جرت الانتخابات بهدوء وقال المراقبون يوم السبت»): the press writes the day
///   of a statement right after its verb and subject («قال الرئيس السبت»، «وأعلنت الوزارة أمس»),
///   so the date is the report's (or its content's), not the event told before it;
/// * the object of a decision or an announcement that does not join it («تقرر إجراء الدورة
///   الثانية يوم 29 جانفي»، «قررت الهيئة تنظيم الاقتراع يوم الأحد»): the date is when the decided
///   event takes place, not when it was decided.
fn predicate_of_its_own_between(cx: &Ctx, drafts: &[Draft], d: &Draft, tf: usize) -> bool {
    let types = cx.lex.types();
    let reports = |o: &Draft| o.type_idx.is_some_and(|t| types[t].reports);
    let decides = d.type_idx.is_some_and(|t| types[t].joins_object && !types[t].reports);
    let clause = cx.words[d.last].clause;
    drafts_of_sentence(cx, drafts, cx.words[d.first].sentence).map(|i| &drafts[i]).filter(|o| o.first > d.last && o.first < tf).any(|o| {
        let report_verb = reports(o) && !o.continuation && looks_like_verb(cx.word(o.first));
        let decided = decides && !reports(o) && o.type_idx.is_some() && o.type_idx != d.type_idx && cx.words[o.first].clause == clause;
        report_verb || decided
    })
}

/// Whether timex `ti` is a date set off by commas inside another predicate than the one of clause
/// `clause`: the date alone makes its clause, right after the clause of a verb with a mention, and
/// the verb's phrase goes on after it («وقد تداول نشطاء على مواقع التواصل الاجتماعي، السبت 15
/// أبريل، مقطع الفيديو»، «وفتحت مراكز الاقتراع، اليوم الإثنين، أبوابها للتصويت العام»). It dates
/// that verb and the rest of its phrase (the clause right after it), never the mentions of the
/// sentence's other clauses («… في أعقاب الاشتباكات، وقد تداول نشطاء …، السبت 15 أبريل، …»).
fn set_off_after_another(cx: &Ctx, ti: usize, clause: usize, clause_has_mention: &[bool]) -> bool {
    let t = &cx.doc.timexes[ti];
    let tf = cx.timex_first[ti];
    let Some(tw) = cx.words.get(tf) else { return false };
    if tw.clause == 0 || tw.clause - 1 == clause || tw.clause + 1 == clause || !clause_has_mention[tw.clause - 1] {
        return false;
    }
    let words = cx.words_of_clause(tw.clause);
    let only_the_date = words.clone().all(|wi| cx.word_timex[wi] == Some(ti));
    let after_comma = |c: usize| matches!(cx.text[..cx.clauses[c].start].trim_end().chars().last(), Some(',' | '،'));
    let before_same_sentence = words.start > 0 && cx.words[words.start - 1].sentence == tw.sentence;
    let continues = cx.words.get(words.end).is_some_and(|n| n.sentence == tw.sentence);
    only_the_date && t.event_offset.is_none() && before_same_sentence && continues && after_comma(tw.clause)
}

/// Whether a DATE/TIME value is a bare year («2024», «1444هـ»).
fn is_year_only(value: &str) -> bool {
    let digits = value.trim_start_matches('H');
    digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A day set off by a comma right after a bare year that names an edition of the event
/// («الانتخابات الرئاسية 2024، اليوم الأحد، …», «بطولة 2023، السبت المقبل»): the year says which
/// one, the apposed day when it happens. Returns that day's timex when `ti` is such a year.
pub(super) fn apposed_day(cx: &Ctx, ti: usize) -> Option<usize> {
    let year = &cx.doc.timexes[ti];
    if !is_year_only(&year.value) {
        return None;
    }
    let yf = cx.timex_first[ti];
    let yl = cx.words.partition_point(|x| x.range.start < year.byte_range.end).saturating_sub(1).max(yf);
    let next = yl + 1;
    let (y, n) = (cx.words.get(yl)?, cx.words.get(next)?);
    if n.sentence != y.sentence || n.clause != y.clause + 1 || cx.text[y.range.end..n.range.start].trim() != "," && cx.text[y.range.end..n.range.start].trim() != "،" {
        return None;
    }
    cx.timexes_of_sentence(y.sentence).find_map(|(di, t, tf)| {
        let day = tf == next && t.event_offset.is_none() && matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.ends_with("_REF") && !is_year_only(&t.value);
        (day && !introduced_by_since(cx, tf) && !introduced_by_until(cx, tf)).then_some(di)
    })
}

/// Words that, right before a bare year, make it a date rather than an edition's name: prepositions
/// of time and place («في 2022»، «منذ 2019»، «حتى 2030»), normalised, a conjunction allowed.
const BEFORE_A_DATED_YEAR: &[&str] = &["في", "خلال", "منذ", "حتي", "قبل", "بعد", "من", "الي", "عن", "مع", "بحلول", "لغايه", "طيله", "طوال"];

/// Whether timex `ti` is the year of an edition: a bare year written in figures (with هـ or م at
/// most) right after the name of what it numbers, with no preposition or time noun between
/// («الانتخابات الرئاسية 2024»، «كأس العالم قطر 2022»، «مونديال 2030»، «موازنة 2024»). The year
/// says which election, cup or budget it is, not when a mention happens: Egypt's presidential
/// election «2024» was held in December 2023, a budget «2024» is voted in 2023, «مونديال 2030» is
/// to come. So it gives no date, not even a loose bound; a day apposed to it does
/// ([`apposed_day`]). A year after «عام»، «سنة» or a preposition («في 2022») is a date.
pub(super) fn edition_year(cx: &Ctx, ti: usize) -> bool {
    let t = &cx.doc.timexes[ti];
    if !is_year_only(&t.value) {
        return false;
    }
    let written = cx.text[t.byte_range.clone()].trim();
    let figures = written.trim_end_matches(['م', 'ه', 'ـ']).trim();
    if figures.is_empty() || !figures.chars().all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)) {
        return false;
    }
    let yf = cx.timex_first[ti];
    if yf == 0 || yf >= cx.words.len() || !cx.adjacent(yf - 1) || cx.words[yf - 1].clause != cx.words[yf].clause || cx.word_timex[yf - 1].is_some() {
        return false;
    }
    let before = cx.word(yf - 1);
    let bare = before.strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(before);
    before.chars().count() >= 2 && before.chars().all(char::is_alphabetic) && !BEFORE_A_DATED_YEAR.contains(&bare) && !matches!(strip_article_of(bare), "عام" | "سنه" | "لعام" | "لسنه")
}

/// A word without the article («العام» → «عام»).
fn strip_article_of(w: &str) -> &str {
    w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w)
}

/// Whether the mention of draft `d` is the topic of an event about it before it (a condolence,
/// a mourning: a type with `about`), within [`TOPIC_REACH`] words of its clause and governed by a
/// preposition («تعزية سموه بوفاة الأمير»، «الحداد على ضحايا الزلزال»، «العزاء في وفاة»).
fn is_topic(cx: &Ctx, drafts: &[Draft], d: &Draft) -> bool {
    let types = cx.lex.types();
    let about = |o: &Draft| o.type_idx.is_some_and(|t| types[t].about);
    drafts_of_sentence(cx, drafts, cx.words[d.first].sentence).any(|i| {
        let o = &drafts[i];
        if !about(o) || o.last >= d.first || d.first - o.last > TOPIC_REACH {
            return false;
        }
        let clause = cx.words[d.first].clause;
        let joined = (o.last..d.first).all(|x| cx.adjacent(x) && cx.words[x + 1].clause == clause && cx.word_timex[x + 1].is_none());
        // ب or ل attached to the topic («بوفاة»، «لضحايا»), or a preposition of topic between
        let w = without_conjunction(cx.word(d.first));
        let attached = d.start_byte > cx.words[d.first].range.start && (w.starts_with('ب') || w.starts_with('ل'));
        // (the preposition may end the trigger: «تحقيقا في انفجار المرفأ»)
        let preposition = (o.last..d.first).any(|x| matches!(cx.word(x), "عن" | "علي" | "في"));
        joined && (attached || preposition)
    })
}

/// The words of `d`'s clause ending at word `x` (at most three), when only spaces stand between
/// `x` and `d`: what a phrase of cause or purpose before `d` is looked for in.
pub(super) fn words_ending_at<'c>(cx: &'c Ctx, d: &Draft, x: usize) -> Option<Vec<&'c str>> {
    let clause = cx.words[d.first].clause;
    (x..d.first).all(|y| cx.adjacent(y)).then(|| (x.saturating_sub(2)..=x).filter(|&y| cx.words[y].clause == clause).map(|y| cx.word(y)).collect())
}

/// How many words before an event a noun of the accused may stand: «المتهم الرئيسي في التفجير».
const ACCUSED_REACH: usize = 3;

/// The noun of the accused or the perpetrators ([`crate::EventLexicon::is_accused`]) that the
/// mention of draft `d` names the case of: right before it in a construct («منفذي الهجوم»), or
/// up to [`ACCUSED_REACH`] words before it when «في» or an attached ب governs it («المشتبه بهم في
/// الهجوم»، «المتهم بالقتل»), with only adjacent words of its clause between.
pub(super) fn accused_of(cx: &Ctx, d: &Draft) -> Option<usize> {
    let clause = cx.words[d.first].clause;
    let word = cx.word(d.first);
    let bare = without_conjunction(word);
    let attached_bi = d.start_byte > cx.words[d.first].range.start + (word.len() - bare.len()) && bare.starts_with('ب');
    let fi = d.first > 0 && cx.word(d.first - 1) == "في";
    let governed = attached_bi || fi;
    (d.first.saturating_sub(ACCUSED_REACH)..d.first).rev().take_while(|&x| cx.adjacent(x) && cx.words[x].clause == clause && cx.word_timex[x].is_none()).find(|&x| {
        cx.lex.is_accused(cx.word(x)) && (governed || x + 1 == d.first)
    })
}

/// Verbs and verbal nouns of setting or announcing a date (normalised): «لم يتم تحديد موعد»، «لم
/// يعلن موعد»، «لم يتم الإعلان عن موعد».
const SETTING_A_DATE: &[&str] = &["حدد", "حددت", "يحدد", "تحدد", "يتحدد", "تحديد", "اعلن", "اعلنت", "يعلن", "تعلن", "الاعلان", "اعلان"];

/// Words naming a phase of an event («موعد انتهاء الإضراب»، «موعد بدء الامتحانات»): with its phase's
/// date unset, the event itself may well be dated.
const PHASES: &[&str] = &["انتهاء", "بدء", "بدايه", "نهايه", "انطلاق", "ختام"];

/// How many words may stand between a negation and its verb of setting («لم يتم تحديد»), and
/// between that verb and «موعد» («لم تحدد النقابة موعد»، «لم يتم الإعلان عن موعد»، «لم يتحدد بعد موعد»).
const UNSET_REACH: usize = 3;

/// Whether word `x` is a «موعد» (or «موعدها») said not to be set: a verb of setting a date ([`SETTING_A_DATE`])
/// stands up to [`UNSET_REACH`] words before it, and a negation up to two words before that verb,
/// all in its sentence.
fn unset_date_noun(cx: &Ctx, x: usize) -> bool {
    let sentence = cx.words[x].sentence;
    let in_sentence = |y: usize| cx.words[y].sentence == sentence;
    let w = cx.word(x);
    let own = w.strip_suffix("ها").or_else(|| w.strip_suffix('ه')).is_some_and(|n| cx.lex.is_date_of(n));
    (cx.lex.is_date_of(w) || own)
        && (x.saturating_sub(UNSET_REACH)..x).filter(|&v| in_sentence(v)).any(|v| {
            SETTING_A_DATE.contains(&without_conjunction(cx.word(v))) && (v.saturating_sub(2)..v).any(|y| in_sentence(y) && cx.lex.is_negation(cx.word(y)))
        })
}

/// Whether the text says the date of the mention of draft `d` is not set: the event comes right
/// after an unset «موعد» ([`unset_date_noun`]; or one word after it, no phase word between), or
/// right before «التي/الذي» and an unset «موعدها» («ولم يتم تحديد موعد جلسة الاستئناف»، «دون تحديد
/// موعد للانتخابات»، «الانتخابات البرلمانية التي لم يحدد موعدها بعد»: court, election and government
/// news of every country). Such an event is to come at no known time: undated, it is no event of
/// the timeline (it would join the story's dated one of its kind, a hearing of another day). Only a
/// date not set or not announced counts («لا تغيير في موعد الانتخابات» keeps them).
pub(super) fn date_said_unset(cx: &Ctx, d: &Draft) -> bool {
    let sentence = cx.words[d.first].sentence;
    let phase = |x: usize| PHASES.contains(&crate::lexicon::strip_article(without_conjunction(cx.word(x))));
    let before = (d.first.saturating_sub(2)..d.first)
        .filter(|&x| cx.words[x].sentence == sentence)
        .any(|x| unset_date_noun(cx, x) && !(x + 1..=d.first).any(phase));
    // «… التي لم يحدد موعدها»: a relative clause right after the event (an adjective between)
    let relative = || {
        (d.last + 1..(d.last + 3).min(cx.words.len())).take_while(|&r| cx.words[r].sentence == sentence).find(|&r| matches!(cx.word(r), "التي" | "الذي")).is_some_and(|r| {
            (r + 2..(r + 2 + UNSET_REACH).min(cx.words.len())).any(|x| cx.words[x].sentence == sentence && unset_date_noun(cx, x))
        })
    };
    before || relative()
}

/// Whether the mention of draft `d` comes right after a word or phrase of purpose («بهدف إجلاء»،
/// «من أجل إجلاء»; one word may stand between): planned, not done (see
/// [`crate::EventLexicon::ends_purpose`]).
fn after_purpose(cx: &Ctx, d: &Draft) -> bool {
    (d.first.saturating_sub(2)..d.first).any(|x| words_ending_at(cx, d, x).is_some_and(|w| cx.lex.ends_purpose(&w)))
}

/// Verbs and nouns of undergoing or facing that govern ل («تعرض لإطلاق نار»، «التصدي لاعتداء»):
/// after them a ل is no purpose.
const UNDERGOING: &[&str] = &[
    "تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "يتعرضون", "التعرض", "تعرضه", "تعرضها", "خضع", "خضعت", "يخضع", "تخضع",
    "تصدي", "التصدي", "تصدت", "يتصدي", "استجابه", "موعدا", "تاريخا",
];

/// Verbs and nouns of setting a date («وحددت يوم 13 ديسمبر لانتهاء الفرز»): a date after them
/// followed by ل is the date set for the event, not an adverbial of an act done for it.
const SETTING: &[&str] = &["حدد", "حددت", "يحدد", "تحدد", "تحديد", "حددوا", "خصص", "خصصت", "تخصيص", "المحدد", "المقرر", "اختار", "اختارت"];

/// Verbal nouns and verbs of moving a date (normalised): «تأجيل»، «تأخير»، «إرجاء», whatever they
/// move.
const MOVING: &[&str] = &["تاجيل", "تاجلت", "تاجل", "تاخير", "ارجاء", "اجلت", "اخرت", "ارجات", "اجل", "ارجا", "ارجاوا", "يرجي", "ترجي", "ارجي", "ارجيت", "يوجل", "توجل"];

/// Words of moving that move a date only with «موعد» as their object («تقديم موعد الانتخابات»،
/// «تعديل موعد الامتحانات»): else they present or amend a thing («تقديم الدعم»، «تعديل الاتفاق»).
const MOVING_A_DATE: &[&str] = &["تقديم", "تعديل", "تغيير", "قدمت", "عدلت", "غيرت", "قدم", "عدل", "غير"];

/// How many words (its subject, its own day) may stand between a trigger and the moving word that
/// is its object: «قرر الاتحاد يوم الاثنين تأجيل المباراة».
const MOVING_OBJECT_REACH: usize = 4;

/// Whether word `x` moves a date: a word of [`MOVING`] (never «أجل» of «من أجل»/«لأجل», 'in order
/// to'), or one of [`MOVING_A_DATE`] with «موعد» right after it.
pub(super) fn moving_word(cx: &Ctx, x: usize) -> bool {
    let w = without_conjunction(cx.word(x));
    if MOVING.contains(&w) {
        let purpose = w == "اجل" && x > 0 && without_conjunction(cx.word(x - 1)) == "من";
        return !purpose;
    }
    MOVING_A_DATE.contains(&w) && x + 1 < cx.words.len() && cx.adjacent(x) && cx.lex.is_date_of(cx.word(x + 1))
}

/// Whether the date at word `tf`, after the mention of draft `d`, is a date something is moved to:
/// right after «إلى», with a word of moving a date ([`moving_word`]) as the trigger itself
/// («تقديم موعد الانتخابات إلى يونيو»، «أجلت المحكمة المحاكمة إلى جلسة 15 أبريل») or as its object
/// a few words after it («قررت الوزارة تأجيل الامتحانات إلى يوم الأحد»، «أعلنت الحكومة يوم الاثنين
/// تقديم موعد الانتخابات إلى يونيو»: government, school, court and election news of every country).
/// The new date is the moved thing's, not the decision's nor the announcement's; a mention after
/// the moving word (the thing moved) keeps it. A moving word in a purpose («فرض حظر التجول من أجل
/// احتواء الاحتجاجات إلى يوم الأحد») or named by the event («مفاوضات تعديل الاتفاق») moves nothing
/// of it.
fn moves_a_date(cx: &Ctx, d: &Draft, tf: usize) -> bool {
    if tf == 0 || cx.word(tf - 1) != "الي" {
        return false;
    }
    let clause = cx.words[d.first].clause;
    let in_trigger = (d.first..=d.last).any(|x| moving_word(cx, x));
    let object = || {
        (d.last + 1..(d.last + 1 + MOVING_OBJECT_REACH).min(tf - 1)).take_while(|&x| cx.words[x].clause == clause && cx.adjacent(x - 1)).any(|x| moving_word(cx, x))
    };
    in_trigger || object()
}

/// Words of a date set (normalised): «المقررة يوم السبت»، «الذي كان مقررا»، «المحدد».
const SET_FOR: &[&str] = &["المقرر", "المقرره", "مقرر", "مقرره", "مقررا", "المحدد", "المحدده", "محدد", "محدده", "محددا"];

/// Whether the date at word `tf`, after the mention of draft `d`, is the old schedule of a thing
/// moved: `d` is a word of moving a date, or has one as its object ([`MOVING_OBJECT_REACH`]) or
/// is the object of one ([`moving_before`]), and between `d` and the date stands a word of a date
/// set ([`SET_FOR`]: «تأجيل المباراة المقررة يوم السبت»، «تأجيل الحفل الذي كان مقررا يوم 20
/// مايو») or «من» right before the date («تأجيل البطولة من 20 مايو إلى 3 يونيو»، «تأجلت
/// الانتخابات من 12 نوفمبر»: moved from that day), all in its sentence. Court, school, sport and
/// election news of every country tells the old date so: it dates neither the moving nor the
/// moved event now.
fn old_schedule(cx: &Ctx, d: &Draft, tf: usize) -> bool {
    let sentence = cx.words[d.first].sentence;
    if cx.words[tf].sentence != sentence {
        return false;
    }
    let clause = cx.words[d.first].clause;
    let moving = (d.first..=d.last).any(|x| moving_word(cx, x))
        || moving_before(cx, d).is_some()
        || (d.last + 1..(d.last + 1 + MOVING_OBJECT_REACH).min(tf)).take_while(|&x| cx.words[x].clause == clause && cx.adjacent(x - 1)).any(|x| moving_word(cx, x));
    let set_for = (d.last + 1..tf).any(|x| SET_FOR.contains(&without_conjunction(cx.word(x))));
    let from = tf > 0 && cx.word(tf - 1) == "من" && (d.last + 1..tf - 1).all(|x| cx.word_timex[x].is_none());
    moving && (set_for || from)
}

/// How many words may stand between a word of moving a date and the event it moves («تأجيل موعد
/// الانتخابات»: one).
const MOVED_REACH: usize = 2;

/// Whether the mention of draft `d` is the object of a word of moving a date ([`moving_word`])
/// standing after word `tl`, within [`MOVED_REACH`] words before it in its clause, joined to it
/// («تأجيل المباراة»، «إرجاء موعد الامتحانات»): a date at or before `tl` dates the moving.
fn moved_after(cx: &Ctx, d: &Draft, tl: usize) -> bool {
    moving_before(cx, d).is_some_and(|x| x > tl)
}

/// The word of moving a date whose object the mention of draft `d` is (see [`moved_after`]).
pub(super) fn moving_before(cx: &Ctx, d: &Draft) -> Option<usize> {
    let clause = cx.words[d.first].clause;
    (d.first.saturating_sub(MOVED_REACH)..d.first).rev().find(|&x| {
        cx.words[x].clause == clause && (x..d.first).all(|y| cx.adjacent(y)) && moving_word(cx, x)
    })
}

/// The new date of an event moved: the mention of draft `d` is the object of a word of moving a
/// date, and a date after it in its sentence stands right after «إلى» (the first such), with no
/// other mention between («تأجيل الاقتراع الرئاسي، الذي كان مقررا يوم 24 ديسمبر، إلى 24 يناير»،
/// «تأجيل الامتحانات إلى يوم الأحد»): that is when it is to happen now; a date it was set for
/// before («الذي كان مقررا …») is superseded.
fn moved_to(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
    moving_before(cx, d)?;
    let sentence = cx.words[d.first].sentence;
    let to = |tf: usize| cx.word(tf - 1) == "الي" && cx.words[tf - 1].sentence == sentence;
    let (ti, _, tf) = cx.timexes_of_sentence(sentence).find(|&(_, t, tf)| {
        tf > d.last && tf < cx.words.len() && to(tf) && t.event_offset.is_none() && matches!(t.kind, TimexType::Date | TimexType::Time)
    })?;
    let alone = !drafts_of_sentence(cx, drafts, sentence).any(|i| drafts[i].first > d.last && drafts[i].first < tf);
    (alone && !cx.doc.timexes[ti].value.ends_with("_REF")).then_some(ti)
}

/// Verbal nouns with ل that take an event word as their object («لإلقاء القبض»، «لإطلاق سراح»،
/// «لإعادة فتح»، «لإجراء انتخابات»), normalised. A list, for a broken plural has the very shape of
/// a verbal noun of form IV («لأعمال الإنقاذ»: "of the rescue works", no purpose).
const GOVERNING_VERBAL_NOUNS: &[&str] = &["لالقاء", "لاطلاق", "لاعاده", "لاجراء", "لاتمام", "لانجاز", "لاستكمال", "لاستئناف", "لاعلان"];

/// Words that begin with «لا» but are no ل on a verbal noun (adverbs, a refugee).
const NOT_LAM_NOUNS: &[&str] = &["لاسيما", "لاحقا", "لاجئين", "لاجئون", "لاعبين", "لاعبون", "لافتا", "لافته"];

/// Whether a normalised word is ل on the verbal noun of a derived form («لإجلاء» → لاجلاء,
/// «لاستقبال»). The normaliser writes ل with the article «لل» as «لال» (للإعلان → لالاعلان): such a
/// word is a genitive or a definite purpose, left out, except the verbal nouns of form IV of roots
/// with a first ل, which only look so («لإلقاء» → لالقاء، «لإلغاء» → لالغاء: a letter and «اء»).
fn lam_on_verbal_noun(w: &str) -> bool {
    if NOT_LAM_NOUNS.contains(&w) {
        return false;
    }
    match w.strip_prefix("لال") {
        Some(rest) => rest.chars().count() == 3 && rest.ends_with("اء"),
        None => w.starts_with("لا"),
    }
}

/// Whether the mention of draft `d` is a purpose told by an attached ل on a verbal noun of a
/// derived form (إفعال، افتعال، استفعال: «فتح ممرات إنسانية لإجلاء المواطنين»، «نفذت قوات الأمن
/// حملة مداهمات الثلاثاء لإلقاء القبض على خلية»، «بناء خيم جماعية لإيواء الأطفال»، «إطلاق الرصاص،
/// لإخلاء المباني»: Sudan, Libya, security news of every country): the act is done to bring it
/// about, not it. The ل of a genitive («النتائج الأولية لانتخابات المحافظات»، «الجولة الثانية
/// لانتخاب») follows a definite noun, and a ل after a date is a date set for it («يوم 13 ديسمبر
/// لانتهاء الفرز»): both are left out, as are verbs of undergoing and «موعدا» ([`UNDERGOING`]).
/// The verbal noun may also govern the event word as its object («لإلقاء القبض على»، «لإطلاق سراح»).
fn purpose_lam(cx: &Ctx, d: &Draft) -> bool {
    let word = cx.word(d.first);
    let bare = without_conjunction(word);
    let on_trigger = d.start_byte > cx.words[d.first].range.start + (word.len() - bare.len()) && lam_on_verbal_noun(bare);
    // (or on the word right before it, of which it is the object)
    let governing = |x: usize| {
        let w = without_conjunction(cx.word(x));
        cx.adjacent(x) && cx.words[x].clause == cx.words[d.first].clause && cx.word_timex[x].is_none() && GOVERNING_VERBAL_NOUNS.contains(&w)
    };
    let at = if on_trigger {
        d.first
    } else if d.first > 0 && governing(d.first - 1) {
        d.first - 1
    } else {
        return false;
    };
    if at == 0 || cx.words[at - 1].sentence != cx.words[at].sentence {
        return false;
    }
    // a verb of undergoing may stand before a date or a subject («تعرضت الدورية الثلاثاء لإطلاق نار»)
    if (at.saturating_sub(3)..at).any(|x| cx.words[x].clause == cx.words[at].clause && UNDERGOING.contains(&without_conjunction(cx.word(x)))) {
        return false;
    }
    // a date right before: an adverbial of the act («حملة مداهمات الثلاثاء لإلقاء القبض»), unless a
    // verb of setting governs it: then it is the date set for the event («وحددت يوم 13 ديسمبر
    // لانتهاء عملية الفرز»)
    if let Some(ti) = cx.word_timex[at - 1] {
        let tf = cx.timex_first[ti];
        return !(tf.saturating_sub(2)..tf).any(|x| SETTING.contains(&without_conjunction(cx.word(x))));
    }
    let before = without_conjunction(cx.word(at - 1));
    // (the article, or ل with it: «للدورة»)
    let definite = before[..tarikh_text::proclitic_len(before)].ends_with("ال") || before.starts_with("لل");
    !definite && !UNDERGOING.contains(&before) && !RESULTING.contains(&before) && !cx.lex.is_date_of(before)
}

/// Words of a result or a cause (normalised): a ل after them introduces what happened, not an aim
/// («ما أدى لانقطاع الكهرباء»، «نظرا لانقطاع التيار»، «نتيجة لانهيار السد»: disaster, accident and
/// economy news of every country).
const RESULTING: &[&str] = &["ادي", "ادت", "يودي", "تودي", "نظرا", "نتيجه", "اضافه", "بالاضافه", "تسبب", "تسببت", "يتسبب", "تتسبب", "افضي", "افضت", "يفضي", "عرضه"];

/// How many words (a subject: «المنتخب المغربي») may stand between a word of reaching and the
/// «إلى» of the stage it reaches.
const REACHING_SUBJECT: usize = 3;

/// Whether the mention of draft `d` is a stage reached: governed by «إلى» or an attached ل after a
/// word of reaching or qualifying in its clause («ليتأهل المنتخب المغربي إلى نصف نهائي كأس العالم»،
/// «العبور لربع نهائي كأس العالم»; see [`crate::EventLexicon::is_reaching`]). The stage is still to
/// come when it is reached: the clause's date (the evening of the win) is not its date.
fn after_reaching(cx: &Ctx, d: &Draft) -> bool {
    let clause = cx.words[d.first].clause;
    let word = cx.word(d.first);
    let bare = without_conjunction(word);
    let proclitic = d.start_byte > cx.words[d.first].range.start + (word.len() - bare.len());
    let attached = proclitic && bare.starts_with('ل');
    let to = d.first > 0 && cx.adjacent(d.first - 1) && cx.words[d.first - 1].clause == clause && cx.word(d.first - 1) == "الي";
    if !attached && !to {
        return false;
    }
    // the word before the preposition and up to REACHING_SUBJECT more, joined in the clause
    let before = if to { d.first - 1 } else { d.first };
    let mut x = before;
    for _ in 0..=REACHING_SUBJECT {
        if x == 0 || !cx.adjacent(x - 1) || cx.words[x - 1].clause != clause || cx.word_timex[x - 1].is_some() {
            return false;
        }
        x -= 1;
        if cx.lex.is_reaching(cx.word(x)) {
            return true;
        }
    }
    false
}

/// Whether the mention of draft `d` comes right after a word or phrase of cause («جراء
/// الفيضانات»، «بسبب الزلزال»; one word may stand between, «بسبب سوء الأحوال») after an effect
/// that is no outcome of it. An outcome («مقتل 150 شخصا جراء الفيضانات»: the dead of a flood, a
/// type with `outcome`) is part of the event that caused it and shares its time, so there the
/// cause keeps the clause's date.
pub(super) fn after_cause(cx: &Ctx, drafts: &[Draft], d: &Draft) -> bool {
    let clause = cx.words[d.first].clause;
    let types = cx.lex.types();
    (d.first.saturating_sub(2)..d.first).any(|x| {
        if !words_ending_at(cx, d, x).is_some_and(|w| cx.lex.ends_cause(&w)) {
            return false;
        }
        // the effect: the nearest mention before the cause word in its clause
        let effect = drafts_of_sentence(cx, drafts, cx.words[d.first].sentence).map(|i| &drafts[i]).rfind(|o| o.last < x && cx.words[o.last].clause == clause);
        !effect.is_some_and(|o| o.type_idx.is_some_and(|t| types[t].outcome))
    })
}

/// How many words may stand between a report and the mention that is its topic («للإعلان عن
/// النتيجة النهائية للجولة الأولى»: three).
const TOPIC_REACH: usize = 4;

/// Prepositions that make the event after a report its topic («الإعلان عن النتيجة»، «التعليق على
/// القرصنة»), not its setting: «في»، «خلال» place the report in the event after them («الإعلان في
/// مؤتمر صحفي»), at its time.
const TOPIC_PREPOSITIONS: &[&str] = &["عن", "علي", "من"];

/// Whether `d` is the topic of the report `o` before it (what is announced or said about: the
/// report's date is not its date, as for reported content after «أن»): within [`TOPIC_REACH`] words
/// of its clause, with no date, punctuation or coordinating و between, and governed by a
/// preposition of topic ([`TOPIC_PREPOSITIONS`], or ل attached before the article: «للجولة»). An
/// event an announcement makes («الإعلان عن النتائج النهائية») is no mere topic: it takes the
/// announcement's date.
fn topic_of(cx: &Ctx, o: &Draft, d: &Draft) -> bool {
    if !follows_as_complement(cx, o, d) {
        return false;
    }
    let types = cx.lex.types();
    let Some(report) = o.type_idx.map(|t| &types[t]).filter(|t| t.reports) else { return false };
    // (an event an announcement makes is no mere topic)
    !(report.joins_object && d.type_idx.is_some_and(|t| types[t].declared))
}

/// Whether `d` names a part of the event `c` right before it with a pronoun that refers to it: «في»
/// and a noun with the pronoun, in one clause («الانتخابات التشريعية في دورتها الأولى»، «البطولة في
/// نسختها الثانية»).
fn part_named_after(cx: &Ctx, c: &Draft, d: &Draft) -> bool {
    let clause = cx.words[d.first].clause;
    let joined = (c.last..d.first).all(|x| cx.adjacent(x) && cx.words[x + 1].clause == clause);
    let noun = without_conjunction(cx.word(d.first));
    joined && d.first == c.last + 2 && cx.word(c.last + 1) == "في" && ["ها", "ه", "هما"].iter().any(|p| noun.ends_with(p) && noun.chars().count() >= 4)
}

/// Whether `d` follows the event `o` as its complement («الجولة الأولى من انتخابات الرئاسة»): within
/// [`TOPIC_REACH`] words of its clause, after a preposition of topic or with ل before its article.
fn follows_as_complement(cx: &Ctx, o: &Draft, d: &Draft) -> bool {
    o.last < d.first && d.first - o.last <= TOPIC_REACH && governed(cx, o, d)
}

/// The words from `o` to `d` are joined in one clause, with no date and no coordinating و, and a
/// preposition of topic stands between or ل is attached before `d`'s article.
fn governed(cx: &Ctx, o: &Draft, d: &Draft) -> bool {
    let clause = cx.words[d.first].clause;
    let joined = (o.last..d.first).all(|x| cx.adjacent(x) && cx.words[x + 1].clause == clause && cx.word_timex[x + 1].is_none());
    let coordinated = (o.last + 1..=d.first).any(|x| cx.word(x).starts_with('و') && without_conjunction(cx.word(x)) != cx.word(x));
    // (ل before the article: «للجولة», normalised «لالجوله»; or before a noun in a construct, when the
    // trigger starts after it: «النتائج الأولية لانتخابات مجالس المحافظات»; a ل the trigger itself
    // starts with is a root letter, «لقاء»)
    let word = cx.word(d.first);
    let bare = without_conjunction(word);
    let proclitic = d.start_byte > cx.words[d.first].range.start + (word.len() - bare.len());
    let attached = bare.starts_with("لل") || bare.starts_with("لال") || (bare.starts_with('ل') && proclitic);
    let preposition = (o.last + 1..d.first).any(|x| TOPIC_PREPOSITIONS.contains(&cx.word(x)));
    joined && !coordinated && (attached || preposition)
}

/// Link each mention to the expressions that date it: its governing timex, the end of a range,
/// a start («بدءا من»), «منذ», a duration. Returns, per mention, whether the date stands in its own
/// clause (a dated statement is news).
pub(super) fn link_times(cx: &Ctx, drafts: &[Draft], complement: &[Option<usize>], blockers: &[usize], mentions: &mut [EventMention]) -> Vec<bool> {
    let mut clause_has_mention = vec![false; cx.clauses.len()];
    for d in drafts {
        clause_has_mention[cx.words[d.first].clause] = true;
    }
    let fronted = fronted_adjuncts(cx);
    let links = TimeLinks { blockers, clause_has_mention: &clause_has_mention, fronted: &fronted, complement };
    let mut own_date = vec![false; drafts.len()];
    for (mi, d) in drafts.iter().enumerate() {
        // a thing moved «من 20 مايو إلى 3 يونيو» runs on its new day, no range: the first date is
        // the old one (see `old_schedule`)
        let moved = moved_to(cx, drafts, d);
        if let Some((ti, own)) = governing_timex(cx, drafts, d, &links) {
            // The end of a range («ومن 20 إلى 25 يونيو تنظم الجامعة معرضا»): the event runs from
            // the range's start, which its end is linked to below.
            let start = ti.checked_sub(1).filter(|&tp| moved != Some(ti) && range_end(cx, tp) == Some(ti));
            mentions[mi].time = Some(start.unwrap_or(ti));
            own_date[mi] = own;
        }
        // an announcement does not last: a span «من X حتى Y» after what it announces is that
        // thing's («أعلنت الحكومة حظر تجول من مساء السبت حتى الإثنين»), not the announcement's
        if mentions[mi].time.is_some_and(|ti| moved != Some(ti) && span_of_announced(cx, drafts, d, ti)) {
            mentions[mi].time = None;
            own_date[mi] = false;
        }
        mentions[mi].until = match mentions[mi].time {
            Some(ti) if moved == Some(ti) => None,
            Some(ti) => range_end(cx, ti),
            None => lone_until(cx, drafts, d),
        };
        mentions[mi].time_is_start = mentions[mi].until.is_none() && mentions[mi].time.is_some_and(|ti| introduced_by_start(cx, ti) || begun_then(cx, d, ti));
        // a verb of beginning before the event: its date is the start («بدأ العمال إضرابا الأحد»),
        // of an event that lasts days or one given a duration (a meeting that began late on Tuesday
        // met that day)
        let point = |ti: usize| cx.doc.timexes[ti].kind != TimexType::Duration;
        let lasts_days = d.type_idx.is_some_and(|t| cx.lex.types()[t].lasts_days);
        let lasting = lasts_days || event_duration(cx, drafts, d).is_some();
        let begun = lasting && (phase_verb_before(cx, drafts, d, BEGINNING_VERBS_BEFORE, Phase::Begin) || phase_verb_before(cx, drafts, d, LAUNCHING_VERBS_BEFORE, Phase::Launch));
        if mentions[mi].until.is_none() && mentions[mi].time.is_some_and(point) && begun {
            mentions[mi].time_is_start = true;
        }
        // a verb of ending before it: its date is the end, the event began before
        // («اختتمت فعاليات المهرجان مساء السبت»): a time it lasts until, no day of its own
        // (of an event that lasts days: a summit that ended on Tuesday evening met that day); not
        // of one still to come («أنهت الشرطة استعداداتها لتأمين المظاهرة المقررة يوم الجمعة المقبل»)
        let past = |ti: usize| !scheduled(cx, d) && !after_publication(cx, ti);
        if lasts_days && mentions[mi].until.is_none() && mentions[mi].time.is_some_and(|ti| point(ti) && past(ti)) && phase_verb_before(cx, drafts, d, ENDING_VERBS_BEFORE, Phase::End) {
            mentions[mi].until = mentions[mi].time.take();
            mentions[mi].time_is_start = false;
        }
        mentions[mi].since = since_timex(cx, drafts, d);
        // a start named as one («انطلقت الحملة منذ 16 جانفي»): «منذ X» is when it happened
        if mentions[mi].time.is_none() && mentions[mi].until.is_none() && (d.first..=d.last).any(|wi| cx.lex.is_beginning(cx.word(wi))) {
            let day = mentions[mi].since.filter(|&ti| cx.doc.timexes[ti].kind != TimexType::Duration && cx.doc.timexes[ti].interval.is_some());
            if let Some(ti) = day {
                mentions[mi].time = Some(ti);
                mentions[mi].since = None;
            }
        }
        // «خلال الساعات الماضية»: with no date of its own, the event began within that span
        if mentions[mi].time.is_none() && mentions[mi].until.is_none() && mentions[mi].since.is_none() {
            mentions[mi].since = recent_span(cx, drafts, d);
        }
        mentions[mi].duration = event_duration(cx, drafts, d);
    }
    for mi in 0..drafts.len() {
        if let Some(ti) = narrative_date(cx, drafts, mentions, mi).or_else(|| sitting_date(cx, drafts, mentions, mi)) {
            mentions[mi].time = Some(ti);
        }
    }
    own_date
}

/// A word that reads as a perfect verb and no verbal noun: no prefix of the imperfect, not of
/// the pattern فِعال, not a derived masdar with its long ā before the last letter («اعتقال»،
/// «انهيار») or its final «اء» («استدعاء»): «، واعتقال مدير الشركة» is the object of an order
/// before it, no event told on.
fn perfect_verb(w: &str) -> bool {
    let masdar = w.chars().count() >= 5 && w.ends_with("اء");
    is_perfect_verb(w) && looks_like_verb(w) && !w.starts_with(['ي', 'ت', 'ن', 'س']) && !noun_pattern(w) && !masdar
}

/// Words that set a clause's time apart from the one before it: «وأفرج عنه لاحقا»، «واعتقلت
/// الشرطة المنفذين بعد أيام»، «في وقت سابق»، «من قبل»، «منذ بدء الاحتجاجات»، «حتى الآن»،
/// «إلى موعد لاحق», normalised.
const TIME_APART: &[&str] = &["لاحقا", "لاحق", "بعد", "سابق", "قبل", "منذ", "الان"];

/// Words of a toll in a clause, normalised: «وارتفع عدد الضحايا»، «وبلغ عدد القتلى»، «ووصل عدد
/// المصابين»: a count up to now, no event of the day before.
const TOLL_VERBS: &[&str] = &["ارتفع", "بلغ", "وصل", "تجاوز"];

/// Whether clause `clause` tells a time of its own apart from the clause before (a word of
/// [`TIME_APART`]) or a toll counted up to now (a verb of [`TOLL_VERBS`] before «عدد», «العشرات»
/// or «المئات»).
fn told_apart(cx: &Ctx, clause: usize) -> bool {
    let words: Vec<&str> = cx.words_of_clause(clause).map(|wi| without_conjunction(cx.word(wi))).collect();
    let toll = words.windows(2).any(|p| TOLL_VERBS.contains(&p[0]) && p[1] == "عدد") || words.iter().any(|w| matches!(*w, "العشرات" | "المئات" | "الالاف"));
    toll || words.iter().any(|w| TIME_APART.contains(w))
}

/// The date a narrative clause takes from the one before it: news goes on with «، وقتل شخصان
/// برصاص الشرطة» after «خرج آلاف المتظاهرين يوم الأحد», the same occasion told on. The mention
/// has no time of its own; its trigger is a perfect verb with «و» opening its clause, after a comma;
/// the event right before it in the sentence is dated (no range, no report: a report's date is
/// not what it reports), in the clause right before, and is told in the perfect too; and the
/// mention is no institution's act after a happening of another kind (`EventType::deliberate`: a
/// reaction, «واجتمع مجلس الأمن» after the clashes of Saturday).
fn narrative_date(cx: &Ctx, drafts: &[Draft], mentions: &[EventMention], mi: usize) -> Option<usize> {
    let d = &drafts[mi];
    let m = &mentions[mi];
    if m.time.is_some() || m.until.is_some() || m.since.is_some() || d.first == 0 || mi == 0 {
        return None;
    }
    let word = cx.word(d.first);
    let verb = without_conjunction(word);
    let opens = word.starts_with('و') && verb != word && perfect_verb(verb);
    let clause = cx.words[d.first].clause;
    let after_comma = cx.words[d.first - 1].clause + 1 == clause && cx.text[cx.words[d.first - 1].range.end..cx.words[d.first].range.start].contains(['،', ',']);
    if !opens || !after_comma || told_apart(cx, clause) {
        return None;
    }
    let prev = &drafts[mi - 1];
    let pm = &mentions[mi - 1];
    let reports = |x: &Draft| x.type_idx.is_some_and(|t| cx.lex.types()[t].reports);
    // (the previous event's trigger, or its clause's first word, is a perfect verb: «خرج آلاف
    // المتظاهرين»، «شنت الطائرات غارات»)
    let perfect = |wi: usize| perfect_verb(without_conjunction(cx.word(wi)));
    let prev_clause = cx.words[prev.first].clause;
    let told_done = perfect(prev.first) || cx.words.iter().position(|x| x.clause == prev_clause).is_some_and(perfect);
    let same_sentence = cx.words[prev.first].sentence == cx.words[d.first].sentence;
    let clause_before = cx.words[prev.last].clause + 1 == clause;
    // (an institution's act after a happening of another kind is its reaction, on a day of its own:
    // «اندلعت اشتباكات يوم السبت، واجتمع مجلس الأمن لبحث الوضع»)
    let deliberate = |x: &Draft| x.type_idx.is_some_and(|t| cx.lex.types()[t].deliberate);
    let reaction = deliberate(d) && !deliberate(prev);
    let ti = pm.time?;
    let point = matches!(cx.doc.timexes[ti].kind, TimexType::Date | TimexType::Time);
    (same_sentence && clause_before && told_done && point && !reports(prev) && !reports(d) && !reaction && pm.until.is_none()).then_some(ti)
}

/// How many words (the institution's name, a comma) may stand between an act and the «في / خلال»
/// of the sitting it was done at: «قررت لجنة السياسة النقدية بالبنك المركزي المصري، في اجتماعها».
const SITTING_REACH: usize = 8;

/// Prepositions that place an act in the sitting after them («في اجتماعه»، «خلال جلسته»),
/// normalised.
const AT_A_SITTING: &[&str] = &["في", "خلال"];

/// The date an institution's act takes from the sitting it was done at: the mention is of a
/// `deliberate` type, with no time of its own, and the next mention of its sentence, within
/// [`SITTING_REACH`] words in its clause or the next one and right after «في / خلال», is a dated
/// sitting (`EventType::sitting`): «قررت اللجنة، في اجتماعها اليوم الخميس، رفع سعر الفائدة»،
/// «أقر مجلس الوزراء، في جلسته التي عقدها اليوم الأحد، الميزانية»، «أرجأ البرلمان، في جلسته
/// اليوم، التصويت» (central bank, cabinet and parliament news of every country: the day is written
/// with the sitting, and the act was done at it).
fn sitting_date(cx: &Ctx, drafts: &[Draft], mentions: &[EventMention], mi: usize) -> Option<usize> {
    let d = &drafts[mi];
    let m = &mentions[mi];
    let types = cx.lex.types();
    let of_type = |x: &Draft, f: fn(&crate::EventType) -> bool| x.type_idx.is_some_and(|t| f(&types[t]));
    if m.time.is_some() || m.until.is_some() || m.since.is_some() || !of_type(d, |t| t.deliberate) || of_type(d, |t| t.sitting) {
        return None;
    }
    let sentence = cx.words[d.first].sentence;
    let oi = drafts_of_sentence(cx, drafts, sentence).find(|&i| drafts[i].first > d.last)?;
    let o = &drafts[oi];
    let clause = cx.words[d.first].clause;
    let near = o.first - d.last <= SITTING_REACH && (cx.words[o.first].clause == clause || cx.words[o.first].clause == clause + 1);
    let at = cx.adjacent(o.first - 1) && AT_A_SITTING.contains(&without_conjunction(cx.word(o.first - 1)));
    let undated_between = (d.last + 1..o.first).all(|x| cx.word_timex[x].is_none());
    let ti = mentions[oi].time.filter(|&ti| matches!(cx.doc.timexes[ti].kind, TimexType::Date | TimexType::Time))?;
    (of_type(o, |t| t.sitting) && near && at && undated_between && mentions[oi].until.is_none()).then_some(ti)
}
