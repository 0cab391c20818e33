//! Anchoring a whole document: publication date, tense cues, narrative reference, event anchors.

use crate::calendar::{add_days, iso_weekday};
use crate::resolve::{resolve_traced, Prefer, Reference, Resolution};
use crate::trace::{Step, StepKind, Trace};
use crate::types::*;
use chrono::{NaiveDate, NaiveTime};
use std::ops::Range;
use tarikh_grammar::{Anaphora, Direction, Grammar, Mention, MentionType, RangeMember, Semantics, Unit};
use tarikh_text::Normalised;

/// What the caller knows about a document's publication.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicationHint {
    /// Publication day, when given in metadata.
    pub date: Option<NaiveDate>,
    /// Publication time of day, when given.
    pub time: Option<NaiveTime>,
    /// The document's zone (from docs.csv, a flag, its dateline or places; see the pipeline).
    pub timezone: chrono_tz::Tz,
    /// Day to fall back on when neither metadata nor the text gives one, when the user asked for
    /// one (`--fallback-date`; reported as `default`). Without it such a day is `unknown`.
    pub fallback: Option<NaiveDate>,
    /// A day already inferred from the document's story (see [`crate::infer_publications`]),
    /// with its evidence.
    pub inferred: Option<(NaiveDate, String)>,
}

/// What `Publication::date` holds when the day is unknown: nothing reads it as a day (values
/// that would hang on it are X-valued, documents.csv leaves the day empty).
const UNKNOWN_DAY_PLACEHOLDER: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");

/// Words starting with س that are not future verbs (nouns and numbers).
const SIN_NOUNS: &[&str] = &[
    "سياسه", "سياسي", "سياسيه", "سياسات", "سياسيين", "سياسيون", "سياره", "سيارات", "سته", "ستين", "ستون", "سنه", "سنوات", "سنوي", "سنويا", "سنين", "سنتين", "سنتان", "سيطره", "سيناريو", "ستار", "سينما", "سيده", "سيد", "سيول", "سياق", "سيناء", "سيف", "ستوكهولم", "سيدني", "سنغافوره", "سنوات", "سيبراني", "سيبرانيه", "ستراتيجيه", "سيادة", "سياده", "سنة",
];

pub(crate) fn is_future_verb(word: &str) -> bool {
    // (at least four chars; the prefix test first, as most words fail it)
    (word.starts_with("سي") || word.starts_with("ست") || word.starts_with("سن")) && word.chars().nth(3).is_some() && !SIN_NOUNS.contains(&word)
}

/// Strip the proclitics و and ف from a cue word.
pub(crate) fn bare(word: &str) -> &str {
    let w = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
    // (at least two chars left, counted no further than that)
    if w.chars().nth(1).is_some() { w } else { word }
}

/// The direction the tense gives an expression at `at`, if a cue says so: the nearest cue word
/// before it in its clause (up to 8 words back), else in its sentence (up to 12 words back). Cue
/// words come from the grammar's `[cues]` table (perfect verbs, كان، سوف، المقرر …); a verb with
/// the future prefix سـ counts only within 3 words, a cue word anywhere in the window. `dated`
/// are the byte ranges of the document's temporal mentions, in text order (a relative clause
/// that holds a date of its own keeps its verb to itself).
pub(crate) fn tense_cue(grammar: &Grammar, text: &str, clause: Range<usize>, sentence: Range<usize>, at: Range<usize>, dated: &[Range<usize>]) -> Option<Prefer> {
    let before = WordsBefore::new(text, sentence.start, at.start);
    let destination = destination_of_postponement(text, &before, clause.start.min(at.start), at.clone());
    tense_cue_found(grammar, text, clause, sentence, at, dated, &before, destination).and_then(|c| c.prefer)
}

/// The words before an expression back to its sentence's start, nearest first, as [`WordsBack`]
/// gives them: walked once for all the tense checks of the expression (the cue scan, «حتى»، a
/// condition, a postponement, the governor, a perfect verb by form), each reading as far back
/// as it needs, no word walked twice.
pub(crate) struct WordsBefore<'t> {
    text: &'t str,
    /// Where the walk stops: the sentence's start (or the expression's, if that comes first).
    start: usize,
    /// The words walked so far, nearest first, and the byte the walk has reached.
    walked: std::cell::RefCell<(Vec<&'t str>, usize)>,
}

impl<'t> WordsBefore<'t> {
    /// The words of `text[start..end]`, from `end` back (none walked yet).
    pub(crate) fn new(text: &'t str, start: usize, end: usize) -> WordsBefore<'t> {
        WordsBefore { text, start: start.min(end), walked: std::cell::RefCell::new((Vec::with_capacity(16), end)) }
    }

    /// The `i`-th word back (0 the nearest), if the sentence has that many.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&'t str> {
        // (a word already walked, as most asked for are, read without walking on)
        if let Some(&word) = self.walked.borrow().0.get(i) {
            return Some(word);
        }
        self.walk_to(i)
    }

    /// [`WordsBefore::get`] of a word not walked yet: walk on to it.
    #[inline(never)]
    fn walk_to(&self, i: usize) -> Option<&'t str> {
        let mut walked = self.walked.borrow_mut();
        while walked.0.len() <= i {
            let mut back = WordsBack { text: self.text, start: self.start, end: walked.1 };
            let word = back.next();
            walked.1 = back.end;
            walked.0.push(word?);
        }
        Some(walked.0[i])
    }

    /// The `i`-th word back within `text[from..]` (`from` not before the walk's start), as
    /// `WordsBack` from `from` gives it: cut at `from` when it straddles it, none past it.
    #[inline]
    pub(crate) fn get_from(&self, from: usize, i: usize) -> Option<&'t str> {
        let word = self.get(i)?;
        let start = word.as_ptr() as usize - self.text.as_ptr() as usize;
        let end = start + word.len();
        if end <= from {
            return None;
        }
        Some(if start < from { &self.text[from..end] } else { word })
    }

    /// The words back to byte `from`, nearest first.
    pub(crate) fn back_to(&self, from: usize) -> impl Iterator<Item = &'t str> + '_ {
        (0..).map_while(move |i| self.get_from(from, i))
    }

    /// The words of `text[from..]` in text order.
    pub(crate) fn in_order_from(&self, from: usize) -> Vec<&'t str> {
        let mut words: Vec<&'t str> = self.back_to(from).collect();
        words.reverse();
        words
    }
}

/// What decided the tense of an expression (see [`tense_cue`]), for `tarikh explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue<'t> {
    /// The direction it gives; `None` when the word rules the tense out («حتى»).
    pub(crate) prefer: Option<Prefer>,
    /// The word, as the normalised text writes it.
    pub(crate) word: &'t str,
    /// What kind of cue it is.
    pub(crate) kind: CueKind,
}

/// The kinds of tense cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// «حتى / لغاية / إلى غاية» right before: a bound the verb does not place.
    Until,
    /// «منذ» right before: the start of what has lasted until now, so in the past.
    Since,
    /// A word of the grammar's `[cues]` table before the expression.
    Before,
    /// A verb with the future prefix سـ within three words before it.
    FutureVerb,
    /// قد with a perfect verb.
    Qad,
    /// A cue word right after the expression (no cue before it).
    After,
    /// «إلى / حتى» right after a postponement or an extension («تأجيل الانتخابات إلى يونيو»):
    /// the new date lies ahead.
    Destination,
    /// An imperfect verb opening the clause («ويلعب المنتخب … يوم الأربعاء»): present or future.
    Imperfect,
    /// «حتى X» after a verb that is not past («تستمر العطلة حتى الأحد»): the bound lies ahead
    /// (see [`crate::governor::until_ahead`]).
    UntilAhead,
    /// «من / ابتداء من / حتى» + a bare day in a sentence that tells no past before it, a headline
    /// or a phrase with no verb or an imperfect («حملة تطعيم ابتداء من الأحد»): a span announced
    /// ahead (see [`crate::governor::verbless_span_ahead`]); the day before the article stays past.
    SpanAhead,
    /// «من» + a day after an imperfect of starting or applying («تطبق الأسعار الجديدة من الأحد»،
    /// «حملة تلقيح تبدأ من الثلاثاء»): it starts ahead, future (see
    /// [`crate::governor::applying_from`]).
    Applying,
    /// A thing called for or decided named before the day («دعت النقابة إلى إضراب عام الخميس»):
    /// the thing's day, the nearest leaning ahead (see [`crate::governor::decided_thing`]).
    Decided,
    /// A perfect verb, known by its form, opening the clause of a bare day, with no other cue
    /// («اختتمت يوم الخميس فعاليات المعرض»): what happened, past (see [`crate::perfect`]). Not
    /// for a month named alone: what a perfect of forecasting, proposing or pledging names
    /// («توقعت الأرصاد أمطارا غزيرة في مارس») is still to come.
    Perfect,
    /// A statement noun right before it in a clause with no cue («، خلال مؤتمر صحفي الأحد»): it
    /// dates a statement the article reports, one already made.
    Statement,
    /// A feast or a month named as what is prepared for («استعدادا لعيد الأضحى»، «تمهيدا لشهر
    /// رمضان») or whose coming is awaited («قبيل حلول شهر رمضان»): the verb's tense tells when the
    /// preparing was, not the feast; the nearest occurrence, so the coming one unless the article
    /// comes soon after it (see [`awaited`]).
    Awaited,
    /// «على أن» + an imperfect before it («على أن يخضع للفحص الطبي يوم الأحد»): a condition or an
    /// arrangement, still to come.
    OnCondition,
}

/// [`tense_cue`] with the word that decided it. `destination` is [`destination_of_postponement`]
/// of the expression in its clause, which the caller reads too (for the day of the decision).
/// `before` are the words before the expression back to its sentence's start.
#[allow(clippy::too_many_arguments)]
pub(crate) fn tense_cue_found<'t>(grammar: &Grammar, text: &'t str, clause: Range<usize>, sentence: Range<usize>, at: Range<usize>, dated: &[Range<usize>], before: &WordsBefore<'t>, destination: Option<Cue<'t>>) -> Option<Cue<'t>> {
    // «أجلت اللجنة الانتخابات إلى يونيو»، «تمديد الحظر حتى الأحد»: the new date of a postponement
    // or an extension lies after the decision, so ahead of an article that reports it — unless
    // the decision is told as an earlier stage of the story (كان … قد أجل).
    if let Some(cue) = destination.filter(|_| !completed_later(grammar, text, at.end, sentence.end)) {
        return Some(cue);
    }
    // The second end of a range of hours that names its day («يفتح المتحف أبوابه من 5 إلى 7 مساء
    // الأحد»، «يفتح مكتب الاقتراع من الساعة الثامنة صباحا إلى السابعة مساء الأحد»): the verb before
    // the range's «من / بين» tells the hours, as it tells a bound of days. An imperfect is ahead but
    // for the day before the article, which a present-tense lead tells as done («يحتشد المحتجون
    // من الخامسة إلى التاسعة مساء الثلاثاء» the day after); a سـ verb is ahead whatever the day.
    let range_from = clock_range_start(text, before, at.clone());
    if let Some(from_at) = range_from {
        if let Some(verb) = crate::governor::until_ahead(grammar, text, sentence.clone(), from_at, at.clone()) {
            return Some(Cue { prefer: Some(Prefer::Future), word: verb, kind: CueKind::SpanAhead });
        }
        // A perfect verb of deciding, ordering or promising before the range («قررت السلطات حظر
        // التجول من العاشرة ليلا حتى السادسة صباح السبت»): the decided hours are still to come
        // when the decision is reported, the nearest day leaning ahead.
        if let Some(verb) = crate::governor::decided_hours(grammar, text, clause.start, from_at, at.clone()) {
            return Some(Cue { prefer: Some(Prefer::Nearest), word: verb, kind: CueKind::Decided });
        }
    }
    // (the second end of such a range, naming its weekday: its verb places it, «حتى» or «إلى»)
    let range_day = range_from.is_some() && !bare_day(text, at.clone()) && crate::governor::names_weekday(text, at.clone());
    // «حتى X» bounds a state whose start the verb tells («فرض حظر تجول حتى مساء الإثنين»): the
    // verb's tense does not place the bound, which is read as the nearest occurrence.
    if let (Some(w1), w2) = (before.get(0), before.get(1)) {
        // (with its conjunction too: «من الساعة العاشرة ليلا ولغاية الخامسة من صباح السبت»)
        // (not the second end of a range of hours that names its weekday: «فتحت مكاتب الاقتراع من
        // الثامنة صباحا حتى السابعة مساء الأحد» tells hours the verb places, as with «إلى»)
        // (but a verb imposing, forbidding or asking for what the hours hold tells no hours done:
        // «فرضت السلطات حظر التجول من العاشرة ليلا حتى السادسة صباح الجمعة»، «طلبت الشرطة من
        // السكان البقاء في منازلهم من الثامنة مساء حتى السادسة صباح الجمعة»: the nearest day)
        let imposed = range_from.is_some_and(|from| words_in(text, clause.start.min(from)..from).any(|w| IMPOSING_WORDS.contains(&bare(w))));
        if (!range_day || imposed) && matches!((bare(w1), w2), ("حتي" | "لغايه", _) | ("غايه", Some("الي"))) {
            // (where the word of «until» starts: «إلى غاية» from «إلى»)
            let until = w2.filter(|_| w1 == "غايه").unwrap_or(w1).as_ptr() as usize - text.as_ptr() as usize;
            if let Some(verb) = crate::governor::until_ahead(grammar, text, sentence.clone(), until, at.clone()) {
                return Some(Cue { prefer: Some(Prefer::Future), word: verb, kind: CueKind::UntilAhead });
            }
            if let Some(word) = crate::governor::verbless_span_ahead(grammar, text, sentence.clone(), until, at.clone()) {
                return Some(Cue { prefer: Some(Prefer::Future), word, kind: CueKind::SpanAhead });
            }
            return Some(Cue { prefer: None, word: w1, kind: CueKind::Until });
        }
        // «منذ X» counts from X up to now: X cannot lie ahead, whatever the verb
        // («تضاعف السعر منذ 7 أكتوبر»، «مغلق منذ الخميس»).
        if matches!(bare(w1), "منذ" | "مذ") {
            return Some(Cue { prefer: Some(Prefer::Past), word: w1, kind: CueKind::Since });
        }
        // «حملة تطعيم ابتداء من الأحد»، «أجواء باردة من الأحد إلى الثلاثاء»: a span a verbless
        // sentence announces starts or runs ahead. A plain «من» alone is as often 'since' a state
        // holds («المتظاهرون معتصمون من السبت»، «بعد انقطاع من الأحد»): only a range of days
        // after it («من الأحد إلى / حتى …») announces.
        let from_word = |w: &'t str| bare(w) == "من";
        let range_follows = || {
            let rest = text.get(at.end..).unwrap_or("").trim_start();
            ["الي ", "إلى ", "حتي ", "حتى "].iter().any(|p| rest.starts_with(p))
        };
        let signal = match (w1, w2, before.get(2)) {
            (w, Some(s), _) if from_word(w) && crate::governor::in_table(grammar, "starting_from", bare(s)) => Some(s),
            (w, _, _) if from_word(w) && range_follows() => Some(w),
            ("الي", Some(_), Some(m)) if from_word(m) && bare_day(text, word_range(text, w2.unwrap_or(""))) => Some(w1),
            _ => None,
        };
        // «يدخل القرار حيز التنفيذ من الأحد»، «الأسعار الجديدة تطبق من الأحد»: what an imperfect
        // of starting or applying puts in force from a day starts ahead, also in a reported clause.
        if from_word(w1) {
            let from = w2.filter(|s| crate::governor::in_table(grammar, "starting_from", bare(s))).unwrap_or(w1);
            let from_at = from.as_ptr() as usize - text.as_ptr() as usize;
            if let Some(verb) = crate::governor::applying_from(grammar, text, sentence.clone(), from_at, at.clone()) {
                return Some(Cue { prefer: Some(Prefer::Future), word: verb, kind: CueKind::Applying });
            }
        }
        if let Some(s) = signal {
            let signal_at = s.as_ptr() as usize - text.as_ptr() as usize;
            if let Some(word) = crate::governor::verbless_span_ahead(grammar, text, sentence.clone(), signal_at, at.clone()) {
                return Some(Cue { prefer: Some(Prefer::Future), word, kind: CueKind::SpanAhead });
            }
        }
    }
    // «على أن يخضع اللاعب للفحص يوم الأحد»: what is arranged is still to come
    let clause_from = clause.start.min(at.start);
    if let Some(word) = on_condition(before, clause_from) {
        return Some(Cue { prefer: Some(Prefer::Future), word, kind: CueKind::OnCondition });
    }
    // The verb that governs a bare day, read whole: an imperfect with its object, a thing decided.
    let day = bare_day(text, at.clone());
    // The second end of a range of hours that names its weekday (`range_day`: «أغلقت الشرطة الطريق
    // من الساعة الخامسة عصرا إلى التاسعة ليلا الجمعة»، «فتحت مكاتب الاقتراع من الثامنة صباحا حتى
    // السابعة مساء الجمعة»): a perfect verb opening its clause tells the hours done, as it tells a bare day.
    // (the clause's words before a bare day, in text order, for the governor and a perfect verb)
    let clause_words = if day || range_day { before.in_order_from(clause_from) } else { Vec::new() };
    if day {
        if let Some(verb) = crate::governor::imperfect_announces(grammar, text, &clause_words, sentence.end, at.clone()) {
            return Some(Cue { prefer: Some(Prefer::Future), word: verb, kind: CueKind::Imperfect });
        }
        if let Some(verb) = crate::governor::decided_thing(grammar, text, &clause_words, sentence.end, at.clone()) {
            return Some(Cue { prefer: Some(Prefer::Nearest), word: verb, kind: CueKind::Decided });
        }
        if let Some(verb) = crate::governor::decided_measure(grammar, text, &clause_words, sentence.end, at.clone()) {
            return Some(Cue { prefer: Some(Prefer::Nearest), word: verb, kind: CueKind::Decided });
        }
    }
    // A complementiser (أن، إن، بأن، لأن) opens a clause of its own: a past verb before it
    // ("قررت أن يوم غد الجمعة هو …") dates the report, not what is reported, so past cues beyond it
    // are ignored; a future cue (من المقرر أن …) still governs the clause it introduces.
    // («وأوضح أن القرار يسري من صباح الأربعاء»: the reporting verb dates the report.)
    // (`b` is `bare(w)`, worked out once a word.)
    let complementiser = |w: &str, b: &str| matches!(b, "ان" | "بان" | "لان") || matches!(w, "ان" | "بان" | "لان" | "وان");
    let crossed = std::cell::Cell::new(false);
    let found = |prefer: Prefer, word: &'t str, kind: CueKind| Some(Cue { prefer: Some(prefer), word, kind });
    // The words before the expression back to `from`, nearest first, from the `first`-th up to
    // the `limit`-th; `nearer` is the one after `w` in the text. With no cue among them: how many
    // words were read and the last one, for a wider scan to go on from.
    let scan = |from: usize, first: usize, limit: usize, mut nearer: &'t str| -> Result<Cue<'t>, (usize, &'t str)> {
        let mut i = first;
        while i < limit {
            let Some(w) = before.get_from(from, i) else { break };
            let index = i;
            i += 1;
            let b = bare(w);
            // (the word before `w`, fetched once for the checks below)
            let previous = before.get_from(from, i);
            if complementiser(w, b) {
                // «سبق أن»، «وسبق للوزير أن»: 'had already' — the clause after it tells what
                // happened before, past (not a reported clause the verb before dates)
                let (p1, p2) = (previous, before.get_from(from, i + 1));
                let earlier = |x: Option<&'t str>| x.is_some_and(|x| matches!(bare(x), "سبق" | "سبقت"));
                if !crossed.get() && (earlier(p1) || (p1.is_some_and(|x| bare(x).starts_with('ل')) && earlier(p2))) {
                    let word = if earlier(p1) { p1 } else { p2 };
                    return Ok(Cue { prefer: Some(Prefer::Past), word: word.unwrap_or(w), kind: CueKind::Before });
                }
                crossed.set(true);
                nearer = w;
                continue;
            }
            // (`b` is `w` itself when no proclitic came off: one look-up then.)
            let table = grammar.cue(b).or_else(|| if b.len() == w.len() { None } else { grammar.cue(w) });
            if table.is_some() && in_dated_relative_clause(text, previous, w, at.start, dated) {
                // «الجامعة التي تأسست عام 1960 … يوم الأحد»: the verb of a relative clause that
                // has its own date stops there; the main clause's words before the pronoun decide.
                if let Some(pronoun) = previous {
                    i += 1;
                    nearer = pronoun;
                }
                continue;
            }
            // «حظر التجول الذي فرضته السلطات مساء الجمعة»: a perfect verb with an object pronoun
            // opening a relative clause tells what was done
            if table.is_none() && !crossed.get() && (crate::perfect::relative_perfect(grammar, previous, w) || (b.len() != w.len() && crate::perfect::relative_perfect(grammar, previous, b))) && !in_dated_relative_clause(text, previous, w, at.start, dated) {
                return Ok(Cue { prefer: Some(Prefer::Past), word: w, kind: CueKind::Perfect });
            }
            match table {
                Some(Direction::Future) => return Ok(Cue { prefer: Some(Prefer::Future), word: w, kind: CueKind::Before }),
                Some(Direction::Past) if !crossed.get() => return Ok(Cue { prefer: Some(Prefer::Past), word: w, kind: CueKind::Before }),
                _ => {}
            }
            if is_future_verb(b) && index < 3 {
                return Ok(Cue { prefer: Some(Prefer::Future), word: w, kind: CueKind::FutureVerb });
            }
            // A clause that opens with an imperfect verb («ويلعب المنتخب مباراته يوم الأربعاء»)
            // tells what is happening or still to come, not what has happened.
            // Only the plain announcement shape, verb + subject + a bare day («ينظر القضاء الأحد
            // في الطعون»): a date further on, or after a preposition, a participle or an event
            // noun, dates what the verb is about («يستمر الإضراب منذ يناير»، «بعد الفوز الأحد»).
            if index == 1 && !crossed.get() && looks_imperfect(b) && previous.is_none() && (index == 0 || plain_subject(nearer)) && day {
                return Ok(Cue { prefer: Some(Prefer::Future), word: w, kind: CueKind::Imperfect });
            }
            if b == "قد" && !crossed.get() {
                // قد + perfect = past; قد + imperfect = "may" (no cue). The word after قد is nearer the expression.
                let imperfect = nearer.starts_with('ي') || nearer.starts_with('ت') || nearer.starts_with('ن');
                if !imperfect {
                    return Ok(Cue { prefer: Some(Prefer::Past), word: w, kind: CueKind::Qad });
                }
            }
            nearer = w;
        }
        Err((i, nearer))
    };
    // The clause (8 words back), then the sentence (12 words back). The sentence's scan goes on
    // where the clause's stopped: read again, the clause's words would give no cue (each would
    // have decided the clause's scan), so only the words beyond are looked up. That holds when
    // the clause starts at a word's edge, so that its words are the sentence's.
    let cue_before = match scan(clause_from, 0, 8, "") {
        Ok(cue) => Some(cue),
        // «أكد أن الانتخابات ستجرى في موعدها، خلال مؤتمر صحفي الأحد»: a clause of its own that
        // names the statement dates the statement, which the article reports as made.
        Err(stop) => match statement_named_before(grammar, text, before, clause_from, sentence.start.min(at.start), at.start) {
            Some(word) => Some(Cue { prefer: Some(Prefer::Past), word, kind: CueKind::Statement }),
            None if sentence.start < clause.start => {
                let (read, nearer) = stop;
                let whole_words = clause.start >= at.start || clause.start == 0 || !word_char_before(text, clause.start).0;
                let sentence_from = sentence.start.min(at.start);
                let wider = if whole_words { scan(sentence_from, read, 12, nearer) } else { scan(sentence_from, 0, 12, "") };
                wider.ok()
            }
            None => None,
        },
    };
    cue_before.or_else(|| {
        // No cue before: a verb right after the expression in its sentence ("وفي بيان فجر السبت،
        // أوصت اللجنة" , "وفي يوم الجمعة خرج المصلون").
        let after = &text[at.end.min(sentence.end)..sentence.end];
        // A verb joined by و ("…، وأشارت") opens a new clause and says nothing about this one.
        let words = WordsAfter { text: after, start: 0 }.take(3);
        for w in words {
            let written = grammar.cue(w);
            let cue = written.or_else(|| grammar.cue(bare(w)));
            if w.starts_with('و') && written.is_none() && cue.is_some() {
                return None;
            }
            match cue {
                Some(Direction::Past) => return found(Prefer::Past, w, CueKind::After),
                Some(Direction::Future) => return found(Prefer::Future, w, CueKind::After),
                None => {}
            }
        }
        None
    })
    // No cue at all: a perfect verb opening the clause that the table does not list (see [`crate::perfect`]).
    .or_else(|| {
        let verb = if day || range_day { crate::perfect::opening_perfect(grammar, text, before, &clause_words, clause, sentence, at) } else { None };
        verb.map(|w| Cue { prefer: Some(Prefer::Past), word: w, kind: CueKind::Perfect })
    })
}

/// Relative pronouns, as normalised text writes them.
pub(crate) const RELATIVE_PRONOUNS: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي", "اللايي"];

/// Is `w` (with `previous` the word before it) the verb of a relative clause («التي تأسست») that
/// has a date of its own between it and the expression at `at` («… تأسست عام 1960 المؤتمر يوم
/// الأحد»)? Such a clause is closed by then: its verb dates its own date, not what follows it.
fn in_dated_relative_clause(text: &str, previous: Option<&str>, w: &str, at: usize, dated: &[Range<usize>]) -> bool {
    if !previous.is_some_and(|p| RELATIVE_PRONOUNS.contains(&p)) {
        return false;
    }
    let w_end = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
    let k = dated.partition_point(|r| r.start < w_end);
    dated[k..].iter().take_while(|r| r.start < at).any(|r| r.end <= at)
}

/// Imperfect verbs that look neither ahead nor at the present event: reporting and background
/// formulas («يذكر أن»، «يقول»، «ويأتي ذلك بعد»), states and amounts («لا يزال»، «يبلغ عدد»).
const IMPERFECT_NOT_AHEAD: &[&str] = &[
    "يقول", "تقول", "يضيف", "تضيف", "يذكر", "تذكر", "يشير", "تشير", "يشار", "يوكد", "توكد", "يوضح", "توضح", "يري", "تري", "يعتبر", "تعتبر",
    "يعد", "تعد", "يفيد", "تفيد", "يلفت", "تلفت", "ينقل", "تنقل", "يروي", "تروي", "يتابع", "تتابع", "يقال", "يعرف", "تعرف", "يبدو", "تبدو", "يظهر", "تظهر",
    "يتضح", "يكشف", "تكشف", "يبين", "تبين", "يلاحظ", "ياتي", "تاتي", "يعود", "تعود", "يزال", "تزال", "يبلغ", "تبلغ", "يتجاوز", "تتجاوز", "يضم", "تضم",
    "يمثل", "تمثل", "يعاني", "تعاني", "يواصل", "تواصل", "يتواصل", "تتواصل", "يستمر", "تستمر", "يعيش", "تعيش", "يجب", "يمكن", "ينبغي", "يحق", "يتعين", "يعني", "تعني", "يتهم", "تتهم",
];

/// Words starting with ي that are no verbs (days, months, names, a currency).
const YA_NOUNS: &[&str] = &[
    "يوم", "يوما", "يومي", "يوميا", "يوميه", "يومين", "يومان", "يونيو", "يونيه", "يوليو", "يوليه", "يناير", "يوسف", "يونس", "يحيي", "ياسر", "ياسين",
    "يزيد", "يعقوب", "يمين", "يسار", "يورو", "يمني", "يمنيه", "يهود", "يهودي", "يابان", "يابانيه", "ياباني",
];

/// Where the range of hours ends at the clock time at `at` starts: the byte of its «من» or «بين»,
/// when `at` is a clock time (a number or a feminine ordinal, maybe after «الساعة») joined by «لغاية / إلى
/// / حتى / و» to a first clock time of at most three words right after that «من / بين» («من 5
/// إلى 7 مساء الأحد»، «من الساعة الثامنة صباحا إلى …»). `before` are the words before `at`.
fn clock_range_start(text: &str, before: &WordsBefore<'_>, at: Range<usize>) -> Option<usize> {
    let head = text.get(at)?.split_whitespace().next()?;
    let clock_word = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit()) || w == "الساعه" || (w.starts_with("ال") && w.ends_with('ه'));
    if !clock_word(head) {
        return None;
    }
    let joint = before.get(0)?;
    let joint_at = joint.as_ptr() as usize - text.as_ptr() as usize;
    if !matches!(bare(joint), "الي" | "حتي" | "لغايه") {
        return None;
    }
    let first = (2..=4).find(|&k| before.get(k).is_some_and(|w| matches!(bare(w), "من" | "بين")))?;
    if !clock_word(before.get(first - 1)?) {
        return None;
    }
    let opening = before.get(first)?;
    let opening_at = opening.as_ptr() as usize - text.as_ptr() as usize;
    // (nothing but the first clock time between «من» and the joint: no comma, no other clause)
    if text.get(opening_at..joint_at).is_some_and(|g| g.contains(['،', ',', '.', ':', ';', '؛'])) {
        return None;
    }
    Some(opening_at)
}

/// Does `word` (proclitics off) look like an imperfect verb of the third person: يـ + three
/// letters or more, or a feminine تـ of the forms no noun or perfect verb shares (تتـ، تستـ،
/// تنـ of five letters: تتوجه، تستضيف، تنطلق)? A plain تـ + three letters is also a perfect verb
/// or a verbal noun (تقدم، تمكن، تراجع) and is left out; so are reporting and background verbs.
pub(crate) fn looks_imperfect(word: &str) -> bool {
    // (no allocation: this runs on words of every clause scanned)
    let letter = |i: usize| word.chars().nth(i);
    if letter(3).is_none() || word.ends_with('ا') {
        return false;
    }
    let shape = match letter(0) {
        Some('ي') => !YA_NOUNS.contains(&word),
        // (not a verbal noun تفعيل: تنظيم، تنفيذ; nor تفاعل: تنافس)
        Some('ت') => (word.starts_with("تت") || word.starts_with("تست") || (word.starts_with("تن") && letter(4).is_some())) && letter(3) != Some('ي') && letter(2) != Some('ا') && !word.ends_with("ات"),
        _ => false,
    };
    shape && !IMPERFECT_NOT_AHEAD.contains(&word)
}

/// Is `word`, between an imperfect verb and a day, a plain definite subject («القضاء»، «الطلاب»):
/// not a participle or verbal noun in مـ («المعلنة»، «المباراة»), not an event noun, not a word
/// with a preposition or a relative pronoun? A noun of place in مـ of the shape مَفْعَل, four
/// letters and no feminine ending («المتحف»، «المجلس»، «المعرض»، «المطار»), is a plain subject.
fn plain_subject(word: &str) -> bool {
    let w = bare(word);
    let place_noun = |w: &str| w.strip_prefix("الم").is_some_and(|root| root.chars().count() == 3 && !root.ends_with('ه'));
    w.starts_with("ال") && (!w.starts_with("الم") || place_noun(w)) && !RELATIVE_PRONOUNS.contains(&w) && !EVENT_NOUNS.contains(&w)
}

/// Definite nouns of an event that a day names («الانفجار الأحد»، «الفوز الأحد»).
pub(crate) const EVENT_NOUNS: &[&str] = &[
    "الانفجار", "الهجوم", "الفوز", "القرار", "الحادث", "الاغتيال", "الاعتداء", "الاحداث", "الاضطرابات", "الزلزال", "العاصفه", "الانتخابات", "الاعلان", "الاجتماع",
];

/// The byte range of `word`, a slice of `text`.
fn word_range(text: &str, word: &str) -> Range<usize> {
    let start = (word.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len());
    start..(start + word.len()).min(text.len())
}

/// Is the expression at `at` a bare day: a weekday, maybe with يوم or a part of the day
/// («الأحد»، «يوم الأحد»، «صباح الأحد»، «نهار الأحد»), not a month, a year or a day of the month?
pub(crate) fn bare_day(text: &str, at: Range<usize>) -> bool {
    let Some(m) = text.get(at) else { return false };
    let mut any = false;
    for w in (WordsAfter { text: m, start: 0 }) {
        // (the word as written first: «فجر» is no ف + «جر»)
        let part_of_day = |x: &str| matches!(x, "يوم" | "نهار" | "صباح" | "مساء" | "ليله" | "ليل" | "فجر" | "ظهر" | "عصر");
        match bare(w) {
            "الاحد" | "الاثنين" | "الثلاثاء" | "الاربعاء" | "الخميس" | "الجمعه" | "السبت" => any = true,
            b if part_of_day(b) || part_of_day(w) => {}
            _ => return false,
        }
    }
    any
}

/// Nouns of a statement (as normalised text writes them): «في بيان»، «في تصريح إعلامي»، «خلال
/// مؤتمر صحفي»، «في كلمة».
const STATEMENT_NOUNS: &[&str] = &[
    "بيان", "بيانا", "تصريح", "تصريحا", "تصريحات", "تصريحه", "تصريحاته", "حديث", "حديثا", "مقابله", "كلمه", "تغريده", "منشور",
    "صحفي", "صحفيا", "صحفيه", "صحافي", "صحافيا", "صحافيه", "اعلامي", "اعلاميا", "اعلاميه",
];

/// Words that put what follows them ahead (as normalised text writes them): «من المقرر أن»،
/// «يتوقع أن»; a statement after them is still to come.
const AHEAD_WORDS: &[&str] = &["سوف", "المقرر", "المزمع", "المنتظر", "المرتقب", "يتوقع", "تتوقع", "يرتقب", "يرجح", "ينتظر", "يعتزم", "تعتزم"];

/// A statement noun within the four words before byte `at` (back to `from`, the clause's start):
/// what dates the statement. Not when the statement's clause has a verb of its own («يعقبه
/// مؤتمر صحفي الأحد»). When a past verb opens the sentence (back to `sentence`: «وأكد الوزير أن
/// الانتخابات ستجرى …، خلال مؤتمر صحفي الأحد») the statement is that verb's, made; otherwise not
/// when a future verb or a word of what lies ahead stands earlier in the sentence («ومن المقرر أن
/// يصدر البرلمان، في بيان الأحد، موقفه»).
fn statement_named_before<'t>(grammar: &Grammar, text: &'t str, before: &WordsBefore<'t>, from: usize, sentence: usize, at: usize) -> Option<&'t str> {
    let noun = before.back_to(from).take(4).find(|w| STATEMENT_NOUNS.contains(&bare(w)))?;
    if before.back_to(from).any(|w| looks_imperfect(bare(w))) {
        return None;
    }
    let opening = WordsAfter { text: text.get(..at).unwrap_or(""), start: sentence.min(at) }.next().map(bare);
    if opening.is_some_and(|w| matches!(grammar.cue(w), Some(Direction::Past))) {
        return Some(noun);
    }
    let ahead = before.back_to(sentence).take(16).any(|w| is_future_verb(bare(w)) || AHEAD_WORDS.contains(&bare(w)));
    (!ahead).then_some(noun)
}

/// Perfect verbs of a postponement or an extension, as normalised text writes them (not «اجل»,
/// which is also «من أجل»).
const POSTPONING_VERBS: &[&str] = &[
    "اجلت", "اجلوا", "تاجل", "تاجلت", "ارجا", "ارجات", "ارجي", "ارجيت", "مدد", "مددت", "مددوا", "تمدد", "تمددت", "يوجل", "توجل", "يرجي", "ترجي", "يمدد",
    "سيوجل", "ستوجل", "سيمدد", "ستمدد",
];

/// Does the sentence go on, after byte `at` (up to `end`), to tell that what was put off has
/// happened («تأجلت المباراة إلى السبت …، وانتهت بالتعادل»، «… حتى مارس، ثم ألغاها»): a past
/// cue verb, or the word after ثم / حيث when it is no imperfect or future verb? The new date is
/// then behind the article, not ahead of it.
fn completed_later(grammar: &Grammar, text: &str, at: usize, end: usize) -> bool {
    let mut after_linker = false;
    let mut previous = "";
    for w in (WordsAfter { text: text.get(..end).unwrap_or(""), start: at.min(end) }) {
        let b = bare(w);
        if matches!(grammar.cue(b).or_else(|| grammar.cue(w)), Some(Direction::Past)) {
            return true;
        }
        // «وفيها استمعت إلى الشهود»، «التي استخدمت فيها روسيا حق النقض»: what happened at that
        // sitting; «قبل أن تقضي فيها برفضه»: what came after it
        if b == "فيها" || (previous == "قبل" && b == "ان") {
            return true;
        }
        previous = b;
        if after_linker && !looks_imperfect(b) && !is_future_verb(b) && !b.starts_with(['ي', 'ت', 'ن']) {
            return true;
        }
        after_linker = matches!(b, "ثم" | "حيث");
    }
    false
}

/// The day a postponement or an extension was decided, when its sentence dates it before the
/// new date («مدد البرلمان في يناير حالة الطوارئ حتى مارس»، «أجلت الانتخابات من ديسمبر 2023 إلى
/// فبراير»): the start of the last date resolved between `from` (the sentence's start) and `at`.
fn decision_day(timexes: &[Timex], from: usize, at: usize) -> Option<(chrono::NaiveDate, &Timex)> {
    let t = timexes.iter().rev().take_while(|t| t.byte_range.start >= from).find(|t| {
        t.byte_range.end <= at && matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.starts_with('X') && !t.value.ends_with("_REF") && !t.value.contains('/')
    })?;
    Some((t.interval?.start.naive_local().date(), t))
}

/// «على أن» + an imperfect verb within eight words before the expression back to `from` (its
/// clause's start): the «أن» («على أن يخضع للفحص الطبي يوم الأحد»، «على أن تستأنف الجلسات الاثنين»).
fn on_condition<'t>(words: &WordsBefore<'t>, from: usize) -> Option<&'t str> {
    // (the eight words back, nearest first, read in place: word(i + 1) comes right before word(i))
    let word = |i: usize| words.get_from(from, i);
    (1..7).find_map(|i| {
        let w = word(i).filter(|w| *w == "ان")?;
        (word(i + 1).is_some_and(|w| bare(w) == "علي") && word(i - 1).is_some_and(|verb| verb.starts_with(['ي', 'ت', 'ن']))).then_some(w)
    })
}

/// A past verb of announcing or deciding at byte `verb_at` whose object, before `at`, is the
/// start of something, a noun of the grammar's word table `starting_nouns` («وأعلنت الشركة
/// استئناف رحلاتها إلى بغداد في 5 يوليو»): the start lies
/// ahead of the announcement as often as not.
fn announces_start(grammar: &Grammar, text: &str, verb: &str, verb_at: usize, at: Range<usize>) -> bool {
    let announcing = grammar.word_table("deciding_verbs").is_some_and(|t| t.contains(verb) || t.contains(bare(verb)));
    announcing && WordsAfter { text: text.get(..at.start).unwrap_or(""), start: (verb_at + verb.len()).min(at.start) }.take(3).any(|w| {
        let b = bare(w);
        let b = b.strip_prefix("ب").filter(|r| r.starts_with("ال")).unwrap_or(b);
        let b = b.strip_prefix("ال").unwrap_or(b);
        crate::governor::table_words(grammar, "starting_nouns").iter().any(|n| b.starts_with(n.as_str()))
    })
}

/// Verbs (and the nouns of a curfew or a ban) that impose, forbid, order or ask for what a range of
/// hours holds, as normalised text writes them: the hours are still ahead when the article tells
/// the measure, so a perfect among them does not tell those hours done.
const IMPOSING_WORDS: &[&str] = &[
    "فرض", "فرضت", "فرضوا", "منع", "منعت", "منعوا", "طلب", "طلبت", "طلبوا", "اصدر", "اصدرت", "ابلغ", "ابلغت", "الزم", "الزمت", "حظر", "حظرت", "مدد",
    "مددت",
];

/// The words of `text[range]` (empty outside the text or off a char boundary).
fn words_in(text: &str, range: Range<usize>) -> impl Iterator<Item = &str> {
    text.get(range).unwrap_or("").split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty())
}

/// Does «اعتبارا / ابتداء / بدءا من» stand right before byte `at`? An announcing verb («أعلن»)
/// with a start on a bare weekday dates the announcing as often as the start («أعلن الجيش بدء
/// عملية عسكرية في الشمال السبت»: armies and ministries announce operations and openings as they
/// begin); with these words the day is the start's («أعلنت النقابة بدء إضراب اعتبارا من السبت»).
fn from_phrase_before(text: &str, at: usize) -> bool {
    // (three words back at most: 60 bytes, on a char boundary)
    let start = (0..=at.saturating_sub(60)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let mut back = WordsBack { text, start, end: at };
    matches!((back.next().map(bare), back.next().map(bare)), (Some("من"), Some("اعتبارا" | "ابتداء" | "بدءا" | "اعتبار")))
}

/// Is `word` a verb or verbal noun of a postponement or an extension («تأجيل»، «بتمديد»، «أرجأت»،
/// «وأجل القاضي»)? The bare «أجل» only as a word of its own: with ل it is «لأجل» ('for the sake
/// of'); after «من» («من أجل») the caller leaves it out.
fn postpones(word: &str) -> bool {
    let w = bare(word);
    if w == "اجل" {
        return true;
    }
    let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ل')).filter(|r| r.chars().nth(3).is_some()).unwrap_or(w);
    ["تاجيل", "التاجيل", "تمديد", "التمديد", "ارجاء", "الارجاء"].iter().any(|stem| w.starts_with(stem)) || POSTPONING_VERBS.contains(&w)
}

/// The word that makes the expression at `at` something awaited: a word of preparation (the
/// grammar's word table `preparing_words`) right before it with the ل of purpose («استعدادا لعيد
/// الأضحى»، «تمهيدا للعيد»), or «قبل / قبيل حلول»
/// («قبيل حلول شهر رمضان»). News writes these ahead of a feast or a month, so the tense of the
/// verb («وصلت شحنات الأضاحي تمهيدا لعيد الأضحى») dates the preparing, not the feast: the feast is
/// the nearest occurrence — the coming one, unless the article looks back soon after it.
fn awaited<'t>(grammar: &Grammar, text: &'t str, at: Range<usize>) -> Option<&'t str> {
    // The expression's first word, whole (the grammar may leave its clitic out: «ل|عيد»).
    let head = text.get(..at.start)?;
    let word_start = head.char_indices().rev().take_while(|(_, c)| tarikh_text::is_word_char(*c)).last().map_or(at.start, |(i, _)| i);
    let first = WordsAfter { text, start: word_start }.next()?;
    // (two words back at most: 80 bytes, on a char boundary)
    let from = (0..=word_start.saturating_sub(80)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let mut back = WordsBack { text, start: from, end: word_start };
    let w1 = back.next()?;
    if first.starts_with('ل') && crate::governor::in_table(grammar, "preparing_words", bare(w1)) {
        return Some(w1);
    }
    let (arrival, before) = if bare(first) == "حلول" { (Some(first), Some(w1)) } else { (Some(w1).filter(|w| *w == "حلول"), back.next()) };
    arrival?;
    before.filter(|w| matches!(bare(w), "قبل" | "قبيل"))
}

/// «إلى / حتى / لغاية X» within six words after a postponement or an extension in X's clause
/// (`from..at`): the new date lies ahead. Not when the decision is told as an earlier stage
/// (كان / قد just before it: «وكانت اللجنة قد أجلت الانتخابات إلى يونيو»).
fn destination_of_postponement<'t>(text: &'t str, before: &WordsBefore<'t>, from: usize, at: Range<usize>) -> Option<Cue<'t>> {
    let mut words = before.back_to(from);
    // (the grammar may have taken the «إلى» into the match: «إلى يونيو»)
    let signal = text.get(at.clone()).and_then(|m| WordsAfter { text: m, start: 0 }.next()).filter(|w| matches!(bare(w), "الي" | "حتي" | "لغايه"));
    let closer = match signal {
        Some(w) => w,
        None => words.next()?,
    };
    let closer = if closer == "غايه" { words.next().filter(|w| matches!(bare(w), "الي" | "حتي"))? } else { closer };
    // «أرجأت المحكمة النظر في القضية إلى جلسة 27 أكتوبر»: the sitting the case is put off to
    let closer = if matches!(bare(closer), "جلسه") { words.next()? } else { closer };
    if !matches!(bare(closer), "الي" | "حتي" | "لغايه") {
        return None;
    }
    // (a court's object may be long: «أجلت غرفة الجنايات بمحكمة الاستئناف النظر في الملف إلى
    // جلسة الخميس»; the clause bounds the reach)
    let back: Vec<&str> = words.take(10 + 8).collect();
    // «مددت البلدية ساعات فتح الأسواق من 5 إلى 7 مساء السبت»: the end of a range of hours or
    // counts opened by «من» just before, not the new date of what is put off or extended
    let hour_or_count = |w: &str| w.chars().all(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c) || c == ':') || ORDINAL_HOURS.contains(&w);
    if back.first().is_some_and(|w| hour_or_count(bare(w))) && back.get(1).is_some_and(|w| bare(w) == "من") {
        return None;
    }
    // («من أجل» is 'for the sake of': read back, «أجل» comes before its «من»)
    let verb = (0..back.len().min(10)).find(|&k| postpones(back[k]) && !(bare(back[k]) == "اجل" && back.get(k + 1).is_some_and(|p| bare(p) == "من")))?;
    // («وكانت هيئة المحكمة قررت في جلسة سابقة تأجيل القضية»: the decision told before it)
    if back.iter().skip(verb + 1).take(8).any(|w| matches!(bare(w), "كان" | "كانت" | "كانوا" | "قد" | "لقد")) {
        return None;
    }
    Some(Cue { prefer: Some(Prefer::Future), word: closer, kind: CueKind::Destination })
}

/// Hour words of the clock, as normalised text writes them (الخامسة → الخامسه): a range of hours
/// «من الخامسة إلى السابعة» is no postponement's destination.
const ORDINAL_HOURS: &[&str] = &["الواحده", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره", "عشره"];

/// How many days after `r`'s day the reading of `sem` preferring `prefer` starts.
fn days_ahead(kind: MentionType, sem: &Semantics, r: &Reference, prefer: Prefer) -> Option<i64> {
    let start = crate::resolve::resolve(kind, sem, r, prefer)?.interval?.start.naive_local().date();
    Some((start - r.date).num_days())
}

/// A feast or a month prepared for or awaited ([`awaited`]) is its nearest occurrence when that
/// lies ahead — within about two months for a feast, a month is planned for further off — or
/// at most three days behind (the article comes out soon after it); otherwise the verb's tense
/// decides, as for any date («تعتزم الحكومة استيراد الأغنام استعدادا لعيد الأضحى» a month after
/// it: next year's).
fn nearest_awaited(kind: MentionType, sem: &Semantics, r: &Reference) -> bool {
    let Some(days) = days_ahead(kind, sem, r, Prefer::Nearest) else { return false };
    let a_day = sem.day.is_some() || crate::resolve::resolve(kind, sem, r, Prefer::Nearest).is_some_and(|res| res.value.len() >= 10);
    days >= -3 && (!a_day || days <= 62)
}

/// «المقبل / القادم» within three words after byte `at` in its clause («لعيد الأضحى المقبل»،
/// «تمهيدا لعيد الأضحى من العام المقبل»): the next occurrence; `Some(true)` when it is the
/// coming year's («العام / السنة المقبلة»).
fn next_said(text: &str, at: usize, clause_end: usize) -> Option<bool> {
    let after: Vec<&str> = WordsAfter { text: text.get(..clause_end).unwrap_or(""), start: at.min(clause_end) }.take(3).collect();
    let i = after.iter().position(|w| matches!(bare(w), "المقبل" | "المقبله" | "القادم" | "القادمه"))?;
    Some(i > 0 && matches!(bare(after[i - 1]), "العام" | "السنه" | "عام" | "سنه"))
}

/// Is there a word char right before byte `at` of `text`, and how many bytes is it? ASCII and
/// the basic Arabic letters (two bytes, lead byte D8 or D9) are read off their bytes: this runs
/// on every char of the words a tense cue is looked for in.
#[inline(always)]
fn word_char_before(text: &str, at: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let last = bytes[at - 1];
    if last < 0x80 {
        return (last.is_ascii_alphanumeric() || last == b'_', 1);
    }
    if at >= 2 && bytes[at - 2] & 0xFE == 0xD8 {
        let c = u32::from(bytes[at - 2] & 0x1F) << 6 | u32::from(last & 0x3F);
        if (0x620..=0x64A).contains(&c) {
            return (true, 2);
        }
    }
    match text[..at].chars().next_back() {
        Some(c) => (tarikh_text::is_word_char(c), c.len_utf8()),
        None => (false, 1),
    }
}

/// The words (maximal runs of word chars) of `text[start..end]`, from the end back, nearest
/// first: what `rsplit` on non-word chars gives, empty pieces left out.
struct WordsBack<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Iterator for WordsBack<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let mut end = self.end;
        loop {
            if end <= self.start {
                self.end = end;
                return None;
            }
            let (word, len) = word_char_before(self.text, end);
            if word {
                break;
            }
            end -= len;
        }
        let mut start = end;
        while start > self.start {
            let (word, len) = word_char_before(self.text, start);
            if !word {
                break;
            }
            start -= len;
        }
        self.end = start;
        Some(&self.text[start..end])
    }
}

/// The words of `text[start..]`, in text order: what `split` on non-word chars gives, empty
/// pieces left out.
struct WordsAfter<'t> {
    text: &'t str,
    start: usize,
}

impl<'t> WordsAfter<'t> {
    /// Is there a word char at byte `at`, and how many bytes is it?
    #[inline(always)]
    fn word_char_at(&self, at: usize) -> (bool, usize) {
        let first = self.text.as_bytes()[at];
        if first < 0x80 {
            return (first.is_ascii_alphanumeric() || first == b'_', 1);
        }
        match self.text[at..].chars().next() {
            Some(c) => (tarikh_text::is_word_char(c), c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl<'t> Iterator for WordsAfter<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let len = self.text.len();
        let mut start = self.start;
        loop {
            if start >= len {
                self.start = start;
                return None;
            }
            let (word, n) = self.word_char_at(start);
            if word {
                break;
            }
            start += n;
        }
        let mut end = start;
        while end < len {
            let (word, n) = self.word_char_at(end);
            if !word {
                break;
            }
            end += n;
        }
        self.start = end;
        Some(&self.text[start..end])
    }
}

/// Is byte `at` inside a quotation (an odd number of `"` since the start of its paragraph)?
fn inside_quote(text: &str, at: usize) -> bool {
    let para_start = text[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
    text[para_start..at].matches('"').count() % 2 == 1
}

/// The month, counted from `reference`'s (−1, 0 or +1), of day `day` with no month named
/// («يوم 28»): the nearest such day in direction `prefer` (past or future) among the month before,
/// the month of and the month after the reference (a month too short for the day is skipped); with
/// no direction, the reference's month.
fn month_step_of_bare_day(reference: NaiveDate, day: u32, prefer: Prefer) -> i32 {
    use chrono::Datelike;
    let candidates: Vec<(i32, NaiveDate)> = (-1..=1)
        .filter_map(|k| {
            let (y, m) = crate::calendar::add_months(reference.year(), reference.month(), k);
            NaiveDate::from_ymd_opt(y, m, day).map(|d| (k, d))
        })
        .collect();
    let past = candidates.iter().filter(|(_, d)| *d <= reference).max_by_key(|(_, d)| *d);
    let ahead = candidates.iter().filter(|(_, d)| *d >= reference).min_by_key(|(_, d)| *d);
    let chosen = match (prefer, past, ahead) {
        (Prefer::Past, Some(p), _) | (Prefer::Future, _, Some(p)) => Some(p),
        // (with no tense, the publication's month: a headline's «انطلاق الامتحانات يوم 28» early
        // in a month is as often that month's as the last one's)
        (Prefer::Nearest | Prefer::NearestLeaningPast, _, _) => None,
        (_, p, f) => p.or(f),
    };
    chosen.map_or(0, |(k, _)| *k)
}

/// The point an anaphoric expression refers back to: the last date or time the text gave before it
/// that is fine enough for the unit (a day for "اليوم نفسه", a day or a month for "ذات الشهر", up to
/// a year for "العام نفسه"), as its first day, with that expression. References (PRESENT_REF …),
/// durations, sets and unresolved event offsets are skipped.
fn narrative_point(timexes: &[Timex], anaphora: Anaphora) -> Option<(NaiveDate, Timex)> {
    let widest_hours = match anaphora {
        Anaphora::Unit(Unit::Day) => 30,
        Anaphora::Unit(Unit::Week) => 8 * 24,
        Anaphora::Unit(Unit::Month) => 32 * 24,
        Anaphora::Unit(_) | Anaphora::Same => 367 * 24,
    };
    timexes.iter().rev().find_map(|t| {
        let iv = t.interval?;
        let concrete = matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.starts_with('X') && !t.value.ends_with("_REF");
        (concrete && (iv.end - iv.start).num_hours() <= widest_hours && !t.value.contains('/')).then(|| (iv.start.date_naive(), t.clone()))
    })
}

/// The time an anaphor refers back to, moved by the days its words shift it («في نفس الموعد غدا»:
/// the same time the next day): the value's date part and its interval move; a value that names no
/// day (a month, a year) or no shift in days keeps the referent as it is.
fn same_moved_by_days(referent: &Timex, shift: Option<(Unit, i32)>) -> (String, Option<Interval>) {
    let unchanged = (referent.value.clone(), referent.interval);
    let Some((Unit::Day, n)) = shift.filter(|(_, n)| *n != 0) else { return unchanged };
    let Some(day) = referent.value.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else { return unchanged };
    let moved = add_days(day, i64::from(n));
    let interval = referent.interval.map(|iv| Interval { start: iv.start + chrono::Duration::days(i64::from(n)), end: iv.end + chrono::Duration::days(i64::from(n)) });
    (format!("{moved}{}", &referent.value[10..]), interval)
}

/// Is the mention a bare forward offset «بعد N وحدة» («بعد عامين»، «بعد ثلاث ساعات»): a shift
/// and nothing else, introduced by «بعد» (not «بعد غد», a day of its own)?
fn offset_after(text: &str, m: &Mention) -> bool {
    let s = &m.semantics;
    let bare_shift = s.weekday.is_none() && s.day.is_none() && s.month.is_none() && s.year.is_none() && s.direction.is_none() && s.anaphora.is_none() && s.event.is_none();
    let mut words = WordsAfter { text: text.get(m.matched.clone()).unwrap_or(""), start: 0 };
    bare_shift && matches!(m.kind, MentionType::Date | MentionType::Time) && words.next().is_some_and(|w| bare(w) == "بعد") && !words.next().is_some_and(|w| matches!(w, "غد" | "غدا"))
}

/// The time the narrative has reached before byte `at`: the last date or time resolved before
/// it in its paragraph, fine enough for an offset in `unit` (a day or finer for hours and days, a
/// month for months, a year for years). References, durations, sets and X-values are skipped.
fn narrated_point(timexes: &[Timex], text: &str, at: usize, unit: Unit) -> Option<Timex> {
    let widest_hours = match unit {
        Unit::Hour | Unit::Minute | Unit::Second | Unit::Day | Unit::Week => 30,
        Unit::Month => 32 * 24,
        _ => 367 * 24,
    };
    let paragraph = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let last = timexes.iter().rev().take_while(|t| t.byte_range.start >= paragraph).find(|t| {
        !dates_a_report(text, t.byte_range.end) && matches!(t.kind, TimexType::Date | TimexType::Time) && t.interval.is_some() && !t.value.starts_with('X') && !t.value.ends_with("_REF") && !t.value.contains('/')
    })?;
    let iv = last.interval?;
    ((iv.end - iv.start).num_hours() <= widest_hours).then(|| last.clone())
}

/// Does the date ending at byte `end` date a report, being followed by the complementiser or the
/// colon that opens what was said («قال الوزير الخميس إن …»، «في بيان صدر الأحد: "…"»)? The
/// report's day is not a stage of the story it tells.
fn dates_a_report(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    rest.starts_with(':') || (WordsAfter { text: rest, start: 0 }).next().is_some_and(|w| matches!(w, "ان" | "بان" | "وان"))
}

/// «بعد N» counted from `referent`: in days and longer units from its day; in hours and shorter
/// from its clock time when it has one («الساعة السادسة مساء … وبعد ثلاث ساعات» → 21:00), else
/// its stretch moved on by the offset, named by its day and, while the offset keeps it on that
/// day, its part of the day («مساء الاثنين … بعد ثلاث ساعات» → that evening).
fn offset_from_referent(kind: MentionType, s: &tarikh_grammar::Semantics, referent: &Timex, tz: chrono_tz::Tz, prefer: Prefer, t: &mut Trace) -> Option<Resolution> {
    let (unit, n) = s.shift?;
    let iv = referent.interval?;
    let start = iv.start.naive_local();
    let clock = referent.value.split_once('T').is_some_and(|(_, time)| time.starts_with(|c: char| c.is_ascii_digit()));
    if !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) || clock {
        let r = Reference { date: start.date(), time: clock.then_some(start.time()), tz };
        return resolve_traced(kind, s, &r, prefer, t);
    }
    let by = chrono::Duration::try_seconds(unit.seconds().checked_mul(i64::from(n))?)?;
    let moved = Interval { start: iv.start + by, end: iv.end + by };
    let day = moved.start.naive_local().date();
    let part = referent.value.split_once('T').map(|(_, p)| p).filter(|_| day == start.date());
    let value = match part {
        Some(p) => format!("{}T{p}", day.format("%Y-%m-%d")),
        None => day.format("%Y-%m-%d").to_string(),
    };
    let kind = if part.is_some() { TimexType::Time } else { TimexType::Date };
    t.note(StepKind::Shift, || format!("shift {n:+} {} from «{}»: {value} (no clock time to count from: its stretch moved on)", crate::resolve::unit_name(unit), referent.text));
    Some(Resolution { kind, value, interval: Some(moved), anchor: AnchorKind::Narrative, duration_seconds: None, modifier: s.modifier.clone(), problems: Vec::new() })
}

/// Byte offsets of code point indices of a text, found by walking from the last one asked for.
/// The spans of a document's mentions come in text order, so the walks add up to about one pass
/// over the text, with no table of every char's offset (8 bytes a char) built first.
struct CharCursor<'a> {
    bytes: &'a [u8],
    /// The code point index last asked for, and its byte offset.
    index: usize,
    byte: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor { bytes: text.as_bytes(), index: 0, byte: 0 }
    }

    /// Byte offset of code point `index` (the text's length for the index after its last char).
    fn byte_of(&mut self, index: usize) -> usize {
        let continuation = |b: u8| b & 0xC0 == 0x80;
        if self.index < index {
            // Skip `need` char starts, eight bytes at a time while the block's starts are all
            // to be skipped, then byte by byte up to the next start.
            let (bytes, need) = (self.bytes, index - self.index);
            let (mut p, mut seen) = (self.byte, 0);
            // Thirty-two bytes a step while they hold fewer starts than are left to skip (spans
            // lie hundreds of chars apart), the four words' counts summed before one multiply.
            while let Some(block) = bytes.get(p..p + 32) {
                let mut lanes = 0u64;
                for k in 0..4 {
                    let x = u64::from_le_bytes(block[8 * k..8 * k + 8].try_into().expect("eight bytes"));
                    lanes += (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
                }
                let starts = 32 - (lanes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
                if seen + starts > need {
                    break;
                }
                seen += starts;
                p += 32;
            }
            while let Some(block) = bytes.get(p..p + 8) {
                let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
                // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
                let continuations = (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
                let starts = 8 - (continuations.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
                if seen + starts > need {
                    break;
                }
                seen += starts;
                p += 8;
            }
            while p < bytes.len() {
                if !continuation(bytes[p]) {
                    if seen == need {
                        break;
                    }
                    seen += 1;
                }
                p += 1;
            }
            self.byte = p;
            self.index += seen;
        }
        while self.index > index {
            self.byte -= 1;
            while continuation(self.bytes[self.byte]) {
                self.byte -= 1;
            }
            self.index -= 1;
        }
        self.byte
    }

    /// The text of the code points `start..end`.
    fn slice(&mut self, text: &'a str, start: usize, end: usize) -> &'a str {
        let a = self.byte_of(start);
        let b = self.byte_of(end);
        &text[a..b]
    }
}

/// The range of `ranges` (in order, disjoint: sentences or clauses) that holds byte `at`, or
/// `0..usize::MAX` when none does. By bisection: the last range starting at or before `at` is
/// the only one that can hold it.
fn enclosing(ranges: &[Range<usize>], at: usize) -> Range<usize> {
    let k = ranges.partition_point(|r| r.start <= at);
    k.checked_sub(1).map(|k| &ranges[k]).filter(|r| at < r.end).cloned().unwrap_or(0..usize::MAX)
}

/// Infer a publication date from one document's text alone (a story of one document; see
/// [`crate::infer_publications`] for the rules): the day and what it rests on, or `None`.
pub fn infer_publication(grammar: &Grammar, normalised: &Normalised) -> Option<(NaiveDate, String)> {
    let mentions = grammar.find(normalised.as_str());
    let input = crate::InferenceInput { normalised: normalised.as_str(), mentions: &mentions, known: None };
    crate::infer_publications(grammar, &[input]).into_iter().next().flatten()
}

/// The value an expression that hangs on an unknown publication day can still give: the parts it
/// states itself, the rest `X` («اليوم الأحد» → `XXXX-WXX-7`, «12 ديسمبر الجاري» → `XXXX-12-12`,
/// «مساء أمس» → `XXXX-XX-XXTEV`, «العام الماضي» → `XXXX`).
fn unknown_day_value(value: &str, s: &tarikh_grammar::Semantics) -> String {
    let bytes = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes.get(r.clone()).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return value.to_string();
    }
    let year = if s.year.is_some() && s.calendar == tarikh_grammar::Calendar::Gregorian { &value[..4] } else { "XXXX" };
    let rest = &value[4..];
    // YYYY-MM-DD…
    if rest.len() >= 6 && rest.starts_with('-') && digits(5..7) && bytes.get(7) == Some(&b'-') && digits(8..10) {
        let tail = &value[10..];
        let stated_month = s.month.is_some() && s.calendar == tarikh_grammar::Calendar::Gregorian;
        if s.day.is_none() || !stated_month {
            if let Some(w) = s.weekday {
                return format!("{year}-WXX-{w}{tail}");
            }
        }
        let month = if stated_month { &value[5..7] } else { "XX" };
        let day = if s.day.is_some() && stated_month { &value[8..10] } else { "XX" };
        return format!("{year}-{month}-{day}{tail}");
    }
    // YYYY-MM
    if rest.len() == 3 && rest.starts_with('-') && digits(5..7) {
        let month = if s.month.is_some() && s.calendar == tarikh_grammar::Calendar::Gregorian { &value[5..7] } else { "XX" };
        return format!("{year}-{month}");
    }
    // YYYY-Wnn and the like: the week of an unknown day is unknown
    if rest.starts_with("-W") {
        return format!("{year}-WXX");
    }
    format!("{year}{rest}")
}

/// Anchor every temporal expression of a document.
///
/// `default_prefer` is the reading of bare weekdays and months when no tense cue is found
/// (documents use `Nearest`; `tarikh parse --prefer` passes the user's choice).
pub fn anchor_document(grammar: &Grammar, id: &str, original: String, hint: &PublicationHint, default_prefer: Prefer) -> AnchoredDocument {
    let normalised = Normalised::new(&original);
    let mentions = grammar.find(normalised.as_str());
    anchor_prepared(grammar, id, original, normalised, mentions, hint, default_prefer)
}

/// [`anchor_document`] for a document already normalised and matched (`mentions` are
/// `grammar.find(normalised.as_str())`): the pipeline reads each text once for story grouping,
/// publication dates and anchoring.
pub fn anchor_prepared(grammar: &Grammar, id: &str, original: String, normalised: Normalised, mentions: Vec<Mention>, hint: &PublicationHint, default_prefer: Prefer) -> AnchoredDocument {
    anchor_traced(grammar, id, original, normalised, mentions, hint, default_prefer, None).0
}

/// [`anchor_prepared`], recording with `trace` the steps of reading each mention (`trace[i]` for
/// `mentions[i]`, which must have one entry per mention). Also returns the mentions as anchored
/// («منذ» + an amount may have been read as a date).
#[allow(clippy::too_many_arguments)]
pub(crate) fn anchor_traced(
    grammar: &Grammar,
    id: &str,
    original: String,
    normalised: Normalised,
    mut mentions: Vec<Mention>,
    hint: &PublicationHint,
    default_prefer: Prefer,
    mut trace: Option<&mut [Vec<Step>]>,
) -> (AnchoredDocument, Vec<Mention>) {
    let zone_source = ZoneSource::default();
    let publication = match (hint.date, hint.inferred.clone(), hint.fallback) {
        (Some(date), _, _) => Publication { date, time: hint.time, basis: PublicationBasis::Metadata, evidence: "metadata".into(), timezone: hint.timezone, zone_source },
        (None, Some((date, evidence)), _) => Publication { date, time: None, basis: PublicationBasis::Inferred, evidence, timezone: hint.timezone, zone_source },
        (None, None, Some(date)) => Publication {
            date,
            time: None,
            basis: PublicationBasis::Default,
            evidence: "no publication date in metadata and nothing in the text supports one: the --fallback-date given".into(),
            timezone: hint.timezone,
            zone_source,
        },
        (None, None, None) => Publication {
            date: UNKNOWN_DAY_PLACEHOLDER,
            time: None,
            basis: PublicationBasis::Unknown,
            evidence: "no publication date in metadata and nothing in the text supports one".into(),
            timezone: hint.timezone,
            zone_source,
        },
    };
    let unknown_day = publication.basis == PublicationBasis::Unknown;
    let text = normalised.as_str();
    let clauses = normalised.clauses();
    let sentences = normalised.sentences();
    let before_since: Vec<MentionType> = if trace.is_some() { mentions.iter().map(|m| m.kind).collect() } else { Vec::new() };
    crate::since::read_since(grammar, text, &sentences, &mut mentions);
    if let Some(steps) = trace.as_deref_mut() {
        for (i, m) in mentions.iter().enumerate() {
            if before_since.get(i).is_some_and(|k| *k != m.kind) {
                steps[i].push(Step { step: StepKind::Since, detail: "«منذ» + an exact amount, governed by a perfect verb or standing alone in its sentence: so long ago (a DATE), not how long (a DURATION)".into() });
            }
        }
    }
    let mut chars = CharCursor::new(&original);
    let dated: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    let reference = Reference { date: publication.date, time: publication.time, tz: publication.timezone };

    // (at most one timex a mention: sized once, a timex is a few hundred bytes to move)
    let mut timexes: Vec<Timex> = Vec::with_capacity(mentions.len());
    let mut conflicts: Vec<DocConflict> = Vec::new();
    let mut last_explicit_day: Option<NaiveDate> = None;
    // For a trace: the mention each timex was built from.
    let mut timex_mention: Vec<usize> = Vec::new();
    // How the first member of a range written as two expressions was read, for its last member.
    let mut range_reading: Option<RangeReading> = None;
    for (mi, m) in mentions.iter().enumerate() {
        let mut t = Trace::new(trace.as_deref_mut().and_then(|steps| steps.get_mut(mi)));
        let clause = enclosing(&clauses, m.range.start);
        let clause = clause.start..clause.end.min(text.len());
        let sentence = enclosing(&sentences, m.range.start);
        let sentence = sentence.start.min(clause.start)..sentence.end.min(text.len());
        let (sentence_start, sentence_end, clause_start, clause_end) = (sentence.start, sentence.end, clause.start, clause.end);
        let before = WordsBefore::new(text, sentence_start, m.matched.start);
        // (not the end of a range of hours that names its weekday, «قررت اللجنة تمديد التصويت من
        // السابعة صباحا حتى التاسعة مساء السبت»: the hours extended are of the nearest such day, which
        // an article the day after tells as past, as decided hours are)
        let hours_end = || clock_range_start(text, &before, m.matched.clone()).is_some() && crate::governor::names_weekday(text, m.matched.clone());
        let postponed = destination_of_postponement(text, &before, clause_start.min(m.matched.start), m.matched.clone());
        // (nor when the clause says it ahead: a future or imperfect verb before the range, «ستمدد
        // اللجنة التصويت …», or «المقبل / القادم» after it, «… الأحد في الانتخابات المقبلة»: then
        // the tense's reading stands)
        let said_ahead = || {
            let split = |r: Range<usize>| text.get(r).unwrap_or("").split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).map(bare).collect::<Vec<_>>();
            split(clause_start.min(m.matched.start)..m.matched.start).iter().any(|w| is_future_verb(w) || looks_imperfect(w))
                || split(m.matched.end.min(sentence_end)..sentence_end).iter().any(|w| matches!(*w, "المقبل" | "المقبله" | "القادم" | "القادمه"))
        };
        let hours_extended = postponed.filter(|_| hours_end() && !said_ahead()).map(|c| Cue { prefer: Some(Prefer::Nearest), kind: CueKind::Decided, ..c });
        let destination = postponed.filter(|_| hours_extended.is_none());
        let cue = tense_cue_found(grammar, text, clause, sentence, m.matched.clone(), &dated, &before, destination.or(hours_extended));
        // a feast or a month without its year, prepared for or awaited: the coming one
        let feast_or_month = m.semantics.year.is_none() && m.semantics.month.is_some() && m.semantics.weekday.is_none() && m.semantics.hour.is_none() && m.semantics.shift.is_none();
        let cue = match awaited(grammar, text, m.range.start.min(m.matched.end)..m.range.end).filter(|_| feast_or_month && destination.is_none()) {
            // «تمهيدا لعيد الأضحى العام المقبل»: the next one
            Some(word) if next_said(text, m.range.end, clause_end).is_some() => Some(Cue { prefer: Some(Prefer::Future), word, kind: CueKind::Awaited }),
            Some(word) if nearest_awaited(m.kind, &m.semantics, &reference) => Some(Cue { prefer: Some(Prefer::Nearest), word, kind: CueKind::Awaited }),
            _ => cue,
        };
        // «دعت النقابة إلى إضراب شامل يوم 15 مايو»، «قررت الحكومة رفع الحظر في 12 يونيو»: a day of
        // a month with no year that a verb of calling or deciding gives to what it calls for or
        // decides is that thing's day, the nearest — as a bare weekday's is — not the one almost a
        // year back the perfect verb alone would pick
        let sem = &m.semantics;
        let cue = match cue {
            Some(Cue { kind: CueKind::Before | CueKind::Perfect, prefer: Some(Prefer::Past), .. })
                if sem.day.is_some()
                    && sem.year.is_none()
                    && sem.weekday.is_none()
                    && sem.shift.is_none()
                    && sem.direction.is_none()
                    && sem.hour.is_none()
                    && ((sem.month.is_some() && sem.anaphora.is_none()) || (sem.month.is_none() && sem.anaphora == Some(Anaphora::Unit(Unit::Month)))) =>
            {
                let words = before.in_order_from(clause_start.min(m.matched.start));
                crate::governor::decided_thing(grammar, text, &words, sentence_end, m.matched.clone())
                    .or_else(|| crate::governor::decided_measure(grammar, text, &words, sentence_end, m.matched.clone()))
                    .map(|verb| Cue { prefer: Some(Prefer::Nearest), word: verb, kind: CueKind::Decided })
                    .or(cue)
            }
            _ => cue,
        };
        let prefer = match cue {
            Some(Cue { kind: CueKind::Decided, .. }) => crate::governor::lean_ahead(m.semantics.weekday, reference.date),
            // «سيتم إغلاق الطريق ابتداء من الثلاثاء»: a سـ verb (or a future cue) says the span is
            // still to come, so even the weekday of the day before the article is next week's
            Some(Cue { kind: CueKind::SpanAhead, word, .. }) if is_future_verb(bare(word)) || grammar.cue(bare(word)) == Some(Direction::Future) => Prefer::Future,
            Some(Cue { kind: CueKind::SpanAhead, .. }) => crate::governor::ahead_unless_yesterday(m.semantics.weekday, reference.date),
            Some(Cue { kind: CueKind::Imperfect, word, .. }) if crate::governor::present_lead(grammar, text, sentence_start..sentence_end, word.as_ptr() as usize - text.as_ptr() as usize, m.matched.clone()) => {
                crate::governor::ahead_unless_yesterday(m.semantics.weekday, reference.date)
            }
            // «أعلنت الشركة استئناف رحلاتها إلى دمشق اعتبارا من السبت»، «قررت الوزارة بدء الدراسة
            // الأحد»: a start announced or decided on a weekday is that start's day, reported soon
            // after the decision, the nearest leaning ahead (as a decided thing's day)
            Some(Cue { kind: CueKind::Before | CueKind::Perfect, prefer: Some(Prefer::Past), word })
                if m.semantics.weekday.is_some()
                    && m.semantics.day.is_none()
                    && m.semantics.year.is_none()
                    && announces_start(grammar, text, word, word.as_ptr() as usize - text.as_ptr() as usize, m.matched.clone())
                    && (!bare(word).starts_with("اعلن")
                        || from_phrase_before(text, m.matched.start)
                        || (!crate::governor::starts_an_operation(grammar, text, word.as_ptr() as usize - text.as_ptr() as usize, m.matched.clone())
                            // (nor a start the rest of the sentence tells held: «… الأحد بمشاركة آلاف»)
                            && !crate::governor::told_as_held(grammar, text, m.matched.end.min(sentence_end)..sentence_end))) =>
            {
                crate::governor::lean_ahead(m.semantics.weekday, reference.date)
            }
            // «وأعلنت الشركة استئناف رحلاتها في 5 يوليو»: a start announced a few days ahead
            Some(Cue { kind: CueKind::Before, prefer: Some(Prefer::Past), word })
                if m.semantics.year.is_none()
                    && m.semantics.day.is_some()
                    && announces_start(grammar, text, word, word.as_ptr() as usize - text.as_ptr() as usize, m.matched.clone())
                    && days_ahead(m.kind, &m.semantics, &reference, Prefer::Future).is_some_and(|d| d <= 14) =>
            {
                Prefer::Future
            }
            // «إلى جلسة 28 مايو» in a June article: an earlier sitting the story looks back on, not
            // one a year ahead
            // (a day, not a month: «أرجئت الانتخابات إلى مايو» in June is next May; and within three
            // weeks: «أجلت المحكمة النطق بالحكم إلى 28 ديسمبر» in late January is the coming one)
            Some(Cue { kind: CueKind::Destination, .. })
                if m.semantics.day.is_some() && days_ahead(m.kind, &m.semantics, &reference, Prefer::Future).is_some_and(|d| d > 180) && days_ahead(m.kind, &m.semantics, &reference, Prefer::Past).is_some_and(|d| d >= -21) =>
            {
                Prefer::Past
            }
            _ => cue.and_then(|c| c.prefer).unwrap_or(default_prefer),
        };
        let s = &m.semantics;
        // Narrative reference: a quoted "today" belongs to the speaker, whose day is the last explicit
        // date the article gave before the quote.
        let narrative = s.shift.is_some_and(|(u, n)| u == Unit::Day && n == 0)
            && s.weekday.is_none()
            && inside_quote(text, m.range.start)
            && last_explicit_day.is_some();
        let r = if narrative { Reference { date: last_explicit_day.unwrap_or(reference.date), time: None, tz: reference.tz } } else { reference };
        // A postponement's new date counts from the decision's day when the sentence dates it.
        // (whether or not the sentence goes on to tell it happened: «… إلى يونيو ثم أجرته»)
        // The last member of a range («من 20 مايو إلى 3 يونيو» = «20 مايو» + «3 يونيو») reads as its
        // first member did: one direction and one reference for the whole range, so both ends
        // fall in the same stretch and the end never before the start (a cue that weighs how far
        // ahead the date lies would otherwise weigh each end apart, and the first member would
        // pass for the decision day of a postponement to the second).
        let pair = range_reading.clone().filter(|p| s.range_member == Some(RangeMember::Last) && p.matched == m.matched);
        let decided = destination.filter(|_| pair.is_none()).and_then(|_| decision_day(&timexes, sentence_start, m.range.start));
        let prefer = if decided.is_some() { Prefer::Future } else { prefer };
        let r = match &decided {
            Some((date, _)) => Reference { date: *date, time: None, tz: reference.tz },
            // «تمهيدا لعيد الأضحى العام المقبل»: the first one after this year
            None if matches!(cue, Some(Cue { kind: CueKind::Awaited, .. })) && next_said(text, m.range.end, clause_end) == Some(true) => {
                Reference { date: NaiveDate::from_ymd_opt(chrono::Datelike::year(&r.date), 12, 31).unwrap_or(r.date), time: None, tz: reference.tz }
            }
            // «أجلت المحكمة القضية إلى جلسة الاثنين» in a Monday article: a sitting put off is
            // after the decision, which is not after the article — the coming Monday, not today
            None if matches!(cue, Some(Cue { kind: CueKind::Destination, .. })) && prefer == Prefer::Future && s.weekday.is_some() && s.day.is_none() && s.month.is_none() && s.shift.is_none() && s.direction.is_none() && s.hour.is_none() => {
                Reference { date: add_days(r.date, 1), time: None, tz: reference.tz }
            }
            None => r,
        };
        let (prefer, r) = match &pair {
            Some(p) => {
                t.note(StepKind::Tense, || format!("the last member of a range: read as its first member was, {} from {}", crate::resolve::prefer_name(p.prefer), p.reference.date));
                (p.prefer, p.reference)
            }
            None => (prefer, r),
        };
        if s.range_member == Some(RangeMember::First) {
            range_reading = Some(RangeReading { matched: m.matched.clone(), prefer, reference: r, narrative: decided.is_some() });
        }
        if let Some((date, referent)) = &decided {
            t.note(StepKind::Reference, || format!("the new date of a postponement decided at «{}» ({}): it lies after {date}", referent.text, referent.value));
        }
        t.note(StepKind::Reference, || {
            let time = r.time.map_or(String::new(), |x| format!(" {}", x.format("%H:%M")));
            if narrative {
                format!("inside a quotation: the speaker's «today» is the last day the article dated before it, {}", r.date)
            } else if unknown_day {
                format!("the publication day is unknown; zone {}", r.tz)
            } else {
                format!("the publication date {}{time} ({}), zone {}", r.date, publication.basis.as_str(), r.tz)
            }
        });
        t.note(StepKind::Tense, || tense_note(cue, default_prefer));
        // Anaphora ("في اليوم نفسه", "يوم 27 من ذات الشهر", "حينها"): the point the narrative has reached.
        let mut anaphoric = None;
        let mut resolved_sem = None;
        let mut r = r;
        if let Some(a) = s.anaphora {
            let point = narrative_point(&timexes, a);
            t.note(StepKind::Anaphora, || match (&point, a) {
                (Some((_, referent)), Anaphora::Same) => format!("refers back to the last date or time the text gave: «{}» = {}", referent.text, referent.value),
                (Some((date, referent)), Anaphora::Unit(unit)) => {
                    format!("refers back to the {} the narrative has reached: «{}» = {}, from {date}; its shift counts from there", crate::resolve::unit_name(unit), referent.text, referent.value)
                }
                (None, Anaphora::Same) => "refers back to the last date or time the text gave, but the text gave none before it".into(),
                (None, Anaphora::Unit(unit)) => format!("refers back to the {} the narrative has reached, but the text dated none before it: counted from the publication day", crate::resolve::unit_name(unit)),
            });
            if let Some((date, referent)) = point {
                match a {
                    Anaphora::Same => anaphoric = Some(referent),
                    Anaphora::Unit(unit) => {
                        let mut sem = s.clone();
                        sem.anaphora = None;
                        sem.shift = Some((unit, s.shift.map_or(0, |(_, n)| n)));
                        resolved_sem = Some(sem);
                        r = Reference { date, time: None, tz: reference.tz };
                    }
                }
            } else if let Anaphora::Unit(unit) = a {
                // Nothing to refer back to: read it against the publication date.
                let mut sem = s.clone();
                sem.anaphora = None;
                let shift = match (unit, s.shift, s.day) {
                    // «أوقفت الشرطة المشتبه فيه يوم 28» in an article of 3 January, «وستعود الحركة
                    // إلى طبيعتها يوم 3» on 30 December: a day number with no month is the nearest
                    // such day in the tense's direction, of the month before or after the
                    // publication's when the day has passed it or is still ahead of it
                    // (but the day a verb of calling or deciding gives what it calls for or
                    // decides, «قررت الحكومة تعطيل الدوام يوم 25»، «حددت المحكمة جلسة يوم 7», is
                    // still ahead of a decision just reported: the coming such day)
                    (Unit::Month, None, Some(day)) if matches!(cue, Some(Cue { kind: CueKind::Decided, .. })) => month_step_of_bare_day(r.date, day, Prefer::Future),
                    (Unit::Month, None, Some(day)) => month_step_of_bare_day(r.date, day, prefer),
                    _ => s.shift.map_or(0, |(_, n)| n),
                };
                t.note(StepKind::Anaphora, || match shift {
                    0 => "a day number with no month: of the publication's month, in the tense's direction".to_string(),
                    n => format!("a day number with no month: of the month {} the publication's, the nearest such day in the tense's direction", if n < 0 { "before" } else { "after" }),
                });
                sem.shift = Some((unit, shift));
                resolved_sem = Some(sem);
            }
        }
        // «اعتقل في 3 مارس 2021، وأفرج عنه بعد عامين»، «وقع الانفجار مساء الاثنين، وبعد ثلاث ساعات
        // وصلت فرق الإنقاذ»: «بعد N» told with a perfect verb counts from the time the narrative
        // has reached, not from the publication (which would put what happened ahead of it).
        let narrated = match (s.shift, cue.and_then(|c| c.prefer)) {
            (Some((unit, n)), Some(Prefer::Past)) if n > 0 && resolved_sem.is_none() && anaphoric.is_none() && offset_after(text, m) => narrated_point(&timexes, text, m.range.start, unit).and_then(|referent| {
                t.note(StepKind::Reference, || format!("«بعد» + an amount told with a perfect verb: it counts from the time the narrative has reached, «{}» = {}", referent.text, referent.value));
                let res = offset_from_referent(m.kind, s, &referent, reference.tz, prefer, &mut t)?;
                // What a perfect verb tells has happened: counted past the publication day, the
                // starting point was not the narrative's («ستنطلق الانتخابات في 11 يونيو، وكانت
                // اللجنة أعلنت النتائج بعد ثلاثة أيام»); the publication day is read instead.
                if !unknown_day && res.interval.is_some_and(|iv| iv.start.naive_local().date() > reference.date) {
                    t.note(StepKind::Reference, || format!("counted from there it falls after the publication day ({}), which a perfect verb cannot tell: read from the publication day", res.value));
                    return None;
                }
                Some(res)
            }),
            _ => None,
        };
        let narrative = narrative || (s.anaphora.is_some() && r.date != reference.date) || anaphoric.is_some() || narrated.is_some() || decided.is_some() || pair.as_ref().is_some_and(|p| p.narrative);
        let new_year = if unknown_day { None } else { crate::governor::new_year(grammar, text, sentence_start, m.matched.clone(), s, reference.date) };
        if new_year.is_some() {
            t.note(StepKind::Reading, || "the year followed by «الجديد/الجديدة»: the year whose start is nearest the publication day, the coming one".into());
        }
        let s = resolved_sem.as_ref().or(new_year.as_ref()).unwrap_or(s);
        let resolved = match (&anaphoric, &narrated) {
            (Some(t), _) => {
                let (value, interval) = same_moved_by_days(t, s.shift);
                Some(Resolution { kind: t.kind, value, interval, anchor: AnchorKind::Narrative, duration_seconds: None, modifier: s.modifier.clone(), problems: Vec::new() })
            }
            (None, Some(res)) => Some(res.clone()),
            (None, None) => resolve_traced(m.kind, s, &r, prefer, &mut t),
        };
        let Some(mut res) = resolved else {
            let (start, end) = mention_span(&normalised, &m.range);
            conflicts.push(DocConflict {
                kind: "impossible_date".into(),
                start,
                end,
                text: chars.slice(&original, start, end).to_string(),
                description: "the expression names a date that does not exist; it is left out of the timexes".into(),
            });
            continue;
        };
        if narrative {
            res.anchor = AnchorKind::Narrative;
        }
        if unknown_day && res.anchor == AnchorKind::Dct {
            // Hangs on a day nobody knows: keep what the words state, nothing more.
            t.note(StepKind::Reading, || format!("it counts from the publication day, which is unknown: only what its words state is kept, {}", unknown_day_value(&res.value, s)));
            res.value = unknown_day_value(&res.value, s);
            res.interval = None;
        }
        if res.anchor == AnchorKind::Explicit && res.kind == TimexType::Date {
            if let Some(iv) = res.interval {
                if (iv.end - iv.start).num_hours() <= 25 {
                    last_explicit_day = Some(iv.start.date_naive());
                }
            }
        }
        let (start, end) = mention_span(&normalised, &m.range);
        let span_text = chars.slice(&original, start, end).to_string();
        for (kind, description) in std::mem::take(&mut res.problems) {
            conflicts.push(DocConflict { kind, start, end, text: span_text.clone(), description });
        }
        if s.direction == Some(Direction::Past) && !unknown_day {
            if let Some(iv) = res.interval {
                if iv.start.date_naive() > reference.date {
                    conflicts.push(DocConflict { kind: "past_in_future".into(), start, end, text: span_text.clone(), description: format!("marked as past (الماضي) but {} is after the publication date {}", res.value, reference.date) });
                }
            }
        }
        if t.is_on() {
            timex_mention.push(mi);
        }
        timexes.push(build_timex(m, res, start, end, span_text, &normalised, s.event));
    }
    // The passes over the whole text, each noted where it changed a value.
    let mut later = LaterPasses { trace, timex_mention: &timex_mention, before: Vec::new() };
    later.before(&timexes);
    // The passes change values and intervals, never which timexes there are or their spans:
    // the mention of each timex is found once for all of them.
    let timex_mentions = mentions_with_offsets(&mentions, &timexes);
    resolve_event_gaps(&timex_mentions, &mut timexes, &sentences, text, reference.tz);
    later.after(&timexes, "an offset from an event its sentence dates (apposition with أي, or a date in the event's phrase)");
    crate::clock::times_take_their_day(grammar, &timex_mentions, &mut timexes, text, &sentences, reference.tz);
    later.after(&timexes, "a time of day naming no day takes the day its sentence gives (in a daily schedule, no day at all)");
    range_ends_follow_their_start(&timex_mentions, &mut timexes, text, reference.tz);
    later.after(&timexes, "the end of a stretch (حتى / إلى + a weekday) is the first such day after its start");
    weekday_pairs_share_their_week(&timex_mentions, &mut timexes, text, reference.tz);
    later.after(&timexes, "two weekdays joined by و under one dual adjective (المقبلين / الماضيين) are one pair of days");
    crate::governor::weekday_takes_the_apposed_first(&timex_mentions, &mut timexes, text);
    later.after(&timexes, "a weekday set right before the first of a month (غرة / مستهل / فاتح) names that day");
    crate::sighting::hijri_month_takes_the_year_of_its_dated_day(&timex_mentions, &mut timexes, text, reference.tz);
    later.after(&timexes, "a Hijri month named right before a dated day is that day's year's month");
    crate::sighting::follow_stated_month_starts(&timex_mentions, &mut timexes, &mut conflicts, text, reference.tz);
    later.after(&timexes, "the text starts this Hijri month on another day than the Umm al-Qura table: its days follow the text");
    (AnchoredDocument { id: id.to_string(), original, normalised, publication, timexes, conflicts, story: String::new(), story_words: Vec::new() }, mentions)
}

/// How the first member of a range written as two expressions was read (tarikh-grammar's
/// range_members.rs), so that its last member reads the same way.
#[derive(Clone)]
struct RangeReading {
    /// The whole range's match, which both members share.
    matched: Range<usize>,
    /// The direction the first member was read in.
    prefer: Prefer,
    /// The day (and zone) the first member was read from.
    reference: Reference,
    /// Whether the first member counted from a day the narrative gave (a postponement's decision).
    narrative: bool,
}

/// Notes, for a trace, what each pass over the whole text changed.
struct LaterPasses<'a, 'b> {
    trace: Option<&'a mut [Vec<Step>]>,
    timex_mention: &'b [usize],
    before: Vec<(String, Option<Interval>)>,
}

impl LaterPasses<'_, '_> {
    /// Remember the values before a pass (nothing when not tracing).
    fn before(&mut self, timexes: &[Timex]) {
        if self.trace.is_some() {
            self.before = timexes.iter().map(|t| (t.value.clone(), t.interval)).collect();
        }
    }

    /// Note each value the pass `what` changed, then remember the new values.
    fn after(&mut self, timexes: &[Timex], what: &str) {
        let Some(steps) = self.trace.as_deref_mut() else { return };
        for (i, t) in timexes.iter().enumerate() {
            let Some((value, interval)) = self.before.get(i) else { continue };
            if *value != t.value || *interval != t.interval {
                if let Some(&mi) = self.timex_mention.get(i) {
                    steps[mi].push(Step { step: StepKind::Later, detail: format!("{what}: {value} → {}", t.value) });
                }
            }
        }
        self.before(timexes);
    }
}

/// How the tense was decided, for a trace.
fn tense_note(cue: Option<Cue>, default_prefer: Prefer) -> String {
    let direction = |p: Option<Prefer>| match p {
        Some(Prefer::Past) => "past",
        Some(Prefer::Future) => "future",
        _ => "none",
    };
    match cue {
        None => format!("no tense cue before it in its clause or sentence, nor a verb right after it: the default reading, {}", crate::resolve::prefer_name(default_prefer)),
        Some(c) => match c.kind {
            CueKind::Until => format!("«{}» right before it: it bounds a state whose start the verb tells, so the verb's tense does not place it; the default reading, {}", c.word, crate::resolve::prefer_name(default_prefer)),
            CueKind::Since => format!("«{}» right before it: what it starts has lasted until now, so it lies in the past", c.word),
            CueKind::Before => format!("the cue word «{}» before it (the grammar's [cues] table): {}", c.word, direction(c.prefer)),
            CueKind::FutureVerb => format!("«{}», a verb with the future prefix سـ, within three words before it: future", c.word),
            CueKind::Qad => format!("«{}» with a perfect verb before it: past", c.word),
            CueKind::After => format!("no cue before it; the cue word «{}» right after it in its sentence: {}", c.word, direction(c.prefer)),
            CueKind::Destination => format!("«{}» after a postponement or an extension: the new date lies ahead, future", c.word),
            CueKind::Imperfect => format!("«{}», an imperfect verb opening its clause: what is happening or still to come, future (but the day before the article, which a present-tense lead tells as done, past)", c.word),
            CueKind::SpanAhead => format!("«{}» in a sentence that tells no past before a «من / حتى» span: announced ahead, future (the day before the article, past)", c.word),
            CueKind::Applying => format!("«{}», an imperfect of starting or applying, governs «من» + the day: it starts ahead, future", c.word),
            CueKind::UntilAhead => format!("«حتى» right before it after «{}», a verb that is not past: the bound lies ahead, future", c.word),
            CueKind::Decided => format!("«{}», a verb of calling or deciding, with what it calls for or decides before the day: that thing's day, the nearest leaning ahead", c.word),
            CueKind::OnCondition => format!("«على {}» + an imperfect before it: an arrangement, still to come, future", c.word),
            CueKind::Awaited if c.prefer == Some(Prefer::Future) => format!("«{}» before it and «المقبل / القادم» after it: a feast or month prepared for, the next one, future", c.word),
            CueKind::Awaited => format!("«{}» before it: a feast or month prepared for or awaited, whatever the verb's tense; the nearest occurrence, which lies ahead or at most three days behind", c.word),
            CueKind::Perfect => format!("«{}», a perfect verb by its form, opens its clause and no other cue: past", c.word),
            CueKind::Statement => format!("«{}», a statement the article reports, right before it in a clause with no cue: the statement's day, past", c.word),
        },
    }
}

fn mentions_with_offsets<'a>(mentions: &'a [Mention], timexes: &[Timex]) -> Vec<&'a Mention> {
    // Timexes are built from mentions in order, minus the ones that failed to resolve.
    let mut out = Vec::new();
    let mut ti = 0;
    for m in mentions {
        if ti < timexes.len() && timexes[ti].byte_range == m.range {
            out.push(m);
            ti += 1;
        }
    }
    out
}

/// The gap an exact offset in calendar units allows between two events: "قبل يوم من التصويت"
/// puts the event on the day before the vote, at an hour neither gives, so the gap between the
/// two instants is a day give or take half a day (a week ± half a week, and so on). Offsets in
/// hours and minutes ("قبل 48 ساعة") are taken as written.
fn calendar_gap(value: &str, seconds: i64) -> (i64, i64) {
    let calendar_unit = !value.contains('T') && value.starts_with('P');
    let half = match value.chars().last() {
        Some('D') if calendar_unit => Unit::Day.seconds() / 2,
        Some('W') if calendar_unit => Unit::Day.seconds() * 7 / 2,
        Some('M') if calendar_unit => Unit::Day.seconds() * 15,
        Some('Y') if calendar_unit => Unit::Day.seconds() * 182,
        _ => 0,
    };
    (seconds.saturating_sub(half).max(0), seconds.saturating_add(half))
}

/// The original code point span of an expression found at `range` of the normalised text. An
/// expression that begins at the article's alif normalisation put into a word written with «لل»
/// («لليوم الخامس» is read as «لاليوم الخامس») starts at the word itself: the preposition ل fused
/// with the article cannot be split off in the original, so the whole word is the expression, as
/// the stories' gold writes it («لليوم الثالث»، «للفترة من 2024»), not one letter inside it.
pub(crate) fn mention_span(normalised: &Normalised, range: &Range<usize>) -> (usize, usize) {
    let (start, end) = normalised.original_span(range.start, range.end);
    let text = normalised.as_str();
    if text.get(range.start..).is_some_and(|t| t.starts_with('\u{627}')) && text.get(..range.start).is_some_and(|t| t.ends_with('\u{644}')) {
        let (alif_start, alif_end) = normalised.original_span(range.start, range.start + '\u{627}'.len_utf8());
        // Only the inserted alif has no original letter of its own; the first ل is right before it.
        if alif_start == alif_end && alif_start > 0 {
            return (alif_start - 1, end);
        }
    }
    (start, end)
}

fn build_timex(m: &Mention, res: Resolution, start: usize, end: usize, text: String, normalised: &Normalised, event: Option<Direction>) -> Timex {
    let event_offset = event.map(|d| {
        let gap = m.semantics.event_gap.map(|(u, n)| u.seconds().saturating_mul(n as i64));
        let (lo, hi) = match (res.duration_seconds, gap) {
            (Some((lo, hi)), _) if lo == hi => calendar_gap(&res.value, lo),
            (Some(b), _) => b,
            (None, Some(g)) => (g / 2, g.saturating_mul(2)),
            (None, None) => (0, Unit::Hour.seconds()),
        };
        // The anchor event's phrase begins after the match and any spaces or commas.
        let t = normalised.as_str();
        let mut at = m.matched.end;
        while let Some(c) = t[at..].chars().next() {
            if c.is_whitespace() || c == ',' {
                at += c.len_utf8();
            } else {
                break;
            }
        }
        EventOffset { direction: if d == Direction::Past { OffsetDirection::Before } else { OffsetDirection::After }, min_seconds: lo, max_seconds: hi, anchor_at: at }
    });
    Timex {
        start,
        end,
        byte_range: m.range.clone(),
        text,
        kind: res.kind,
        value: res.value,
        modifier: res.modifier,
        anchor: res.anchor,
        rule: m.rule.clone(),
        interval: res.interval,
        duration_seconds: res.duration_seconds,
        event_offset,
        timezone: m.semantics.timezone.as_deref().and_then(crate::resolve::stated_zone),
    }
}

/// Event-anchored expressions that the sentence itself dates:
/// - apposition: "24 أبريل، أي غداة الدورة الأولى" — after أي ("that is") the expression names the
///   same day as the date before it;
/// - "عشية/غداة EVENT" where a date follows in the event's own phrase ("عشية انتخابات الأحد 7 مايو"):
///   that date minus/plus the gap;
/// - "آخر ساعة من EVENT" where the event's end is dated right after ("… الحملة التي انتهت مساء
///   الجمعة"): the hour before that end.
///
/// Anything else keeps its unresolved value for the timeline stage.
fn resolve_event_gaps(mentions: &[&Mention], timexes: &mut [Timex], sentences: &[Range<usize>], text: &str, tz: chrono_tz::Tz) {
    let day_level = |t: &Timex| matches!(t.kind, TimexType::Date | TimexType::Time) && t.interval.is_some_and(|iv| (iv.end - iv.start).num_hours() <= 30) && !t.value.starts_with('X');
    for i in 0..timexes.len() {
        let Some(m) = mentions.get(i) else { continue };
        let s = &m.semantics;
        if s.event_gap.is_none() && s.last_of_event.is_none() {
            continue;
        }
        let sentence = enclosing(sentences, m.range.start);
        // Apposition with أي / يعني.
        if i > 0 && day_level(&timexes[i - 1]) {
            let between = &text[timexes[i - 1].byte_range.end.min(m.matched.start)..m.matched.start];
            let words: Vec<&str> = between.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
            if words.len() == 1 && matches!(words[0], "اي" | "يعني") && between.len() < 24 {
                let (value, interval) = (timexes[i - 1].value.clone(), timexes[i - 1].interval);
                timexes[i].value = if s.last_of_event.is_some() { timexes[i].value.clone() } else { value };
                timexes[i].interval = interval;
                continue;
            }
        }
        let Some(j) = (i + 1..timexes.len()).find(|&j| {
            let t = &timexes[j];
            t.byte_range.start < sentence.end.min(text.len()) && t.byte_range.start.saturating_sub(m.matched.end) <= 120 && day_level(t)
        }) else {
            continue;
        };
        let Some(iv) = timexes[j].interval else { continue };
        if let Some((unit, n)) = s.event_gap {
            if unit != Unit::Day || m.kind != MentionType::Date {
                continue;
            }
            let day = iv.start.date_naive();
            let sign = match s.event { Some(Direction::Past) => -1, _ => 1 };
            let d = add_days(day, sign * n as i64);
            timexes[i].value = d.format("%Y-%m-%d").to_string();
            timexes[i].interval = Some(Interval { start: crate::calendar::day_start(tz, d), end: crate::calendar::day_start(tz, add_days(d, 1)) });
        } else if s.last_of_event == Some(Unit::Hour) {
            // The anchor event ends at the end of the dated stretch; its last hour is the one before.
            let end = iv.end;
            let start = end - chrono::Duration::hours(1);
            timexes[i].value = start.format("%Y-%m-%dT%H").to_string();
            timexes[i].interval = Some(Interval { start, end });
        }
    }
}

/// Words that close a stretch opened by the day before them: «من مساء السبت حتى الإثنين» (as
/// normalised text writes them: ى → ي, إ → ا, ة → ه).
const RANGE_CLOSERS: &[&str] = &["حتي", "الي", "لغايه", "وحتي", "والي", "ولغايه"];

/// The end of a stretch comes after its start: a bare weekday after «حتى / إلى» that follows a
/// dated day («حظر تجول من مساء السبت حتى الإثنين») is the first such weekday after that day,
/// whatever the tense says about the sentence.
fn range_ends_follow_their_start(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz) {
    for i in 1..timexes.len() {
        let Some(m) = mentions.get(i) else { continue };
        let s = &m.semantics;
        let Some(w) = s.weekday else { continue };
        let bare = s.day.is_none() && s.month.is_none() && s.year.is_none() && s.shift.is_none() && s.direction.is_none() && s.anaphora.is_none();
        if !bare || !matches!(timexes[i].kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let (prev, this) = (&timexes[i - 1], &timexes[i]);
        let Some(gap) = text.get(prev.byte_range.end..this.byte_range.start) else { continue };
        // The gap is one closer and spaces or commas around it: trimmed from both ends (it may
        // be the whole stretch of text between two expressions, not split word by word), what
        // is left is a closer (a closer holds no space or comma, so two words never are one).
        let word = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
        if !RANGE_CLOSERS.contains(&word) {
            continue;
        }
        let Some(iv) = prev.interval.filter(|iv| (iv.end - iv.start).num_hours() <= 30) else { continue };
        if prev.value.starts_with('X') {
            continue;
        }
        let start = iv.start.date_naive();
        let Some(old) = this.interval else { continue };
        // A time already after its start and within a day of it is in order: «من الساعة 12 ظهرا
        // حتى 12 ليلا الخميس» ends at the midnight closing Thursday, Friday 00:00.
        if this.kind == TimexType::Time && old.start > iv.start && old.start - iv.start <= chrono::Duration::hours(24) {
            continue;
        }
        let old_day = old.start.date_naive();
        // A time on the weekday («من 5 إلى 7 مساء الأحد») may end on the start's own day, when it
        // comes after the start; a whole day («من الأحد إلى الأحد») ends a week on at the nearest.
        let after_the_start = |d: NaiveDate| this.kind == TimexType::Time && old.start.naive_local() + (d - old_day) > iv.start.naive_local();
        let day = (0..=7).map(|k| add_days(start, k)).find(|d| iso_weekday(*d) == w && (*d > start || after_the_start(*d))).unwrap_or(start);
        if old_day == day {
            continue;
        }
        let shift = day - old_day;
        let value = this.value.replacen(&old_day.format("%Y-%m-%d").to_string(), &day.format("%Y-%m-%d").to_string(), 1);
        let moved = Interval { start: crate::calendar::local_instant(tz, old.start.naive_local() + shift), end: crate::calendar::local_instant(tz, old.end.naive_local() + shift) };
        timexes[i].value = value;
        timexes[i].interval = Some(moved);
    }
}

/// Two weekdays joined by «و» under one dual adjective of direction («يومي الأحد والاثنين
/// المقبلين»، «الاثنين والثلاثاء الماضيين»: tarikh-grammar gives both the direction and names the
/// second's rule `…+dual-direction`) are one pair of days in the order written. Directed each from
/// the reference, they split when it falls between them: told on a Sunday, «الأحد والاثنين
/// المقبلين» gave the next Sunday and tomorrow. A coming pair is counted from its first day (the
/// second is the first such weekday after it); a past pair from its last (the first is the last
/// such weekday before it).
fn weekday_pairs_share_their_week(mentions: &[&Mention], timexes: &mut [Timex], text: &str, tz: chrono_tz::Tz) {
    for i in 1..timexes.len() {
        let (Some(first), Some(second)) = (mentions.get(i - 1), mentions.get(i)) else { continue };
        if !second.rule.ends_with("+dual-direction") {
            continue;
        }
        let (Some(w1), Some(w2)) = (first.semantics.weekday, second.semantics.weekday) else { continue };
        let direction = second.semantics.direction;
        if first.semantics.direction != direction || timexes[i - 1].kind != TimexType::Date || timexes[i].kind != TimexType::Date {
            continue;
        }
        let Some(gap) = text.get(timexes[i - 1].byte_range.end..timexes[i].byte_range.start) else { continue };
        if gap.trim() != "و" {
            continue;
        }
        let (Some(a), Some(b)) = (timexes[i - 1].interval, timexes[i].interval) else { continue };
        let (day_a, day_b) = (a.start.date_naive(), b.start.date_naive());
        match direction {
            Some(Direction::Future) => {
                let day = (1..=7).map(|k| add_days(day_a, k)).find(|d| iso_weekday(*d) == w2).unwrap_or(day_b);
                move_whole_day(&mut timexes[i], day_b, day, tz);
            }
            Some(Direction::Past) => {
                let day = (1..=7).map(|k| add_days(day_b, -k)).find(|d| iso_weekday(*d) == w1).unwrap_or(day_a);
                move_whole_day(&mut timexes[i - 1], day_a, day, tz);
            }
            _ => {}
        }
    }
}

/// Move a timex of one whole day from `old` to `new` (its value and its interval).
fn move_whole_day(timex: &mut Timex, old: NaiveDate, new: NaiveDate, tz: chrono_tz::Tz) {
    if old == new {
        return;
    }
    timex.value = timex.value.replacen(&old.format("%Y-%m-%d").to_string(), &new.format("%Y-%m-%d").to_string(), 1);
    timex.interval = Some(Interval { start: crate::calendar::day_start(tz, new), end: crate::calendar::day_start(tz, add_days(new, 1)) });
}

/// Read one phrase (no surrounding document) against a reference time: the longest expression in
/// it, or `None`. This is what `tarikh parse` and the grammar examples use.
pub fn parse_phrase(grammar: &Grammar, phrase: &str, reference: Reference, prefer: Prefer) -> Option<Timex> {
    parse_phrase_all(grammar, phrase, reference, prefer).into_iter().max_by_key(|t| (t.end - t.start, std::cmp::Reverse(t.start)))
}

/// What a phrase asks as one answer (`tarikh parse`, the Python `parse`): the longest expression,
/// where the two members of a range of dates (tarikh-grammar's range_members.rs: rules named
/// `…+from` and `…+to`, «من 13 إلى 15 تموز») count as one expression again, spanning both, valued
/// `start/end` and covering both days. A document keeps them two, as the gold annotates ranges; a
/// phrase that is a range is asked as one, and its last member alone would hide its start.
pub fn parse_phrase_answer(grammar: &Grammar, phrase: &str, reference: Reference, prefer: Prefer) -> Option<Timex> {
    let all = parse_phrase_all(grammar, phrase, reference, prefer);
    let mut joined = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let range_rule = all[i].rule.strip_suffix("+from").filter(|base| all.get(i + 1).is_some_and(|last| last.rule.strip_suffix("+to") == Some(*base)));
        match range_rule {
            Some(rule) => {
                joined.push(join_range_members(phrase, &all[i], &all[i + 1], rule));
                i += 2;
            }
            None => {
                joined.push(all[i].clone());
                i += 1;
            }
        }
    }
    joined.into_iter().max_by_key(|t| (t.end - t.start, std::cmp::Reverse(t.start)))
}

/// The range whose members are `first` and `last`, as one expression of `phrase` read by `rule`.
fn join_range_members(phrase: &str, first: &Timex, last: &Timex, rule: &str) -> Timex {
    let interval = match (first.interval, last.interval) {
        (Some(a), Some(b)) => Some(Interval { start: a.start, end: b.end }),
        _ => None,
    };
    Timex {
        start: first.start,
        end: last.end,
        byte_range: first.byte_range.start..last.byte_range.end,
        text: phrase.chars().skip(first.start).take(last.end - first.start).collect(),
        value: format!("{}/{}", first.value, last.value),
        rule: rule.to_string(),
        interval,
        ..first.clone()
    }
}

/// Every expression in one phrase read against a reference time, in text order.
pub fn parse_phrase_all(grammar: &Grammar, phrase: &str, reference: Reference, prefer: Prefer) -> Vec<Timex> {
    let hint = PublicationHint { date: Some(reference.date), time: reference.time, timezone: reference.tz, fallback: None, inferred: None };
    anchor_document(grammar, "phrase", phrase.to_string(), &hint, prefer).timexes
}


/// Resolve an event-anchored expression that its own sentence did not date ("عشية أهم انتخابات",
/// "في الساعة الأخيرة من الحملة") once the timeline has bounded its anchor event: `start` is the
/// earliest and latest start of the anchor event, `end` its earliest and latest end. Only a value
/// still unknown (`XXXX…`) is replaced, and only when the bounds pin the needed day (or hour).
/// Returns whether the value changed.
pub fn resolve_from_anchor_event(
    timex: &mut Timex,
    gap: Option<(Unit, i32)>,
    last_of: Option<Unit>,
    start: (Option<chrono::DateTime<chrono::FixedOffset>>, Option<chrono::DateTime<chrono::FixedOffset>>),
    end: (Option<chrono::DateTime<chrono::FixedOffset>>, Option<chrono::DateTime<chrono::FixedOffset>>),
    tz: chrono_tz::Tz,
) -> bool {
    if !timex.value.starts_with('X') {
        return false;
    }
    let Some(offset) = &timex.event_offset else { return false };
    let local_day = |t: chrono::DateTime<chrono::FixedOffset>| t.with_timezone(&tz).date_naive();
    if let Some((Unit::Day, n)) = gap {
        // The anchor event's start must fall on one calendar day.
        let (Some(a), Some(b)) = start else { return false };
        let last_instant = b - chrono::Duration::seconds(1);
        if b <= a || local_day(a) != local_day(last_instant.max(a)) {
            return false;
        }
        let sign = if offset.direction == OffsetDirection::Before { -1 } else { 1 };
        let d = add_days(local_day(a), sign * n as i64);
        timex.value = d.format("%Y-%m-%d").to_string();
        timex.interval = Some(Interval { start: crate::calendar::day_start(tz, d), end: crate::calendar::day_start(tz, add_days(d, 1)) });
        return true;
    }
    if last_of == Some(Unit::Hour) {
        // The hour before the anchor event's end, when that end is known to the hour.
        let (Some(a), Some(b)) = end else { return false };
        if (b - a).num_minutes() > 60 {
            return false;
        }
        let stop = b.with_timezone(&tz);
        let from = stop - chrono::Duration::hours(1);
        timex.value = from.format("%Y-%m-%dT%H").to_string();
        timex.interval = Some(Interval { start: from.fixed_offset(), end: stop.fixed_offset() });
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_char_cursor_gives_each_code_point_its_byte_offset_in_any_order() {
        let text = "قال، في 12 أبريل 🙂 e\u{301}: «غداً» and a longer stretch of ASCII, then عربي again";
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        let mut cursor = CharCursor::new(text);
        let order = (0..offsets.len()).chain((0..offsets.len()).rev()).chain([3, 17, 1, 17, 0, offsets.len() - 1, 5]);
        for i in order {
            assert_eq!(cursor.byte_of(i), offsets[i], "code point {i}");
        }
        assert_eq!(cursor.slice(text, 5, 7), "في");
    }

    #[test]
    fn words_back_and_after_are_the_words_split_on_non_word_chars() {
        let text = "وقال، في 12 أبريل_2024 🙂 e\u{301}: «غداً» and ASCII!! x عربي٣ ، ";
        let expected: Vec<&str> = text.split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
        let (mut forward, mut back) = (Vec::new(), Vec::new());
        for (start, _) in text.char_indices().chain([(text.len(), ' ')]) {
            forward.push(WordsAfter { text: &text[start..], start: 0 }.collect::<Vec<_>>());
            back.push(WordsBack { text, start: 0, end: start }.collect::<Vec<_>>());
            let split: Vec<&str> = text[start..].split(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
            let rsplit: Vec<&str> = text[..start].rsplit(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
            assert_eq!(forward.last(), Some(&split), "after byte {start}");
            assert_eq!(back.last(), Some(&rsplit), "before byte {start}");
        }
        assert_eq!(forward[0], expected);
        let mut all_back = back.last().cloned().unwrap_or_default();
        all_back.reverse();
        assert_eq!(all_back, expected);
        let inner: Vec<&str> = WordsBack { text, start: 4, end: 30 }.collect();
        let split: Vec<&str> = text[4..30].rsplit(|c: char| !tarikh_text::is_word_char(c)).filter(|w| !w.is_empty()).collect();
        assert_eq!(inner, split);
    }

    fn cue(text: &str, expr: &str) -> Option<Prefer> {
        let grammar = Grammar::embedded().expect("grammar");
        let normalised = Normalised::new(text);
        let n = normalised.as_str();
        let e = tarikh_text::normalise(expr);
        let at = n.find(&e).expect("expression in text");
        let clause = enclosing(&normalised.clauses(), at);
        let dated: Vec<Range<usize>> = grammar.find(n).iter().map(|m| m.range.clone()).collect();
        tense_cue(&grammar, n, clause.start..clause.end.min(n.len()), 0..n.len(), at..at + e.len(), &dated)
    }

    #[test]
    fn past_cues_point_back() {
        assert_eq!(cue("وكان ماكرون قد أقام الأربعاء دعوى", "الأربعاء"), Some(Prefer::Past));
        assert_eq!(cue("كانت اللجنة قد اجتمعت السبت", "السبت"), Some(Prefer::Past));
    }

    #[test]
    fn future_cues_point_forward() {
        assert_eq!(cue("من المقرر أن يصوت الناخبون الخميس", "الخميس"), Some(Prefer::Future));
        assert_eq!(cue("سيزور الرئيس الجزائر الأربعاء", "الأربعاء"), Some(Prefer::Future));
        assert_eq!(cue("وسوف تعلن النتائج الاثنين", "الاثنين"), Some(Prefer::Future));
    }

    #[test]
    fn a_distant_future_verb_does_not_govern() {
        // The nearer perfect verb انتهت governs, not the سـ verb six words back.
        assert_eq!(cue("ستعلق على الأمر لأن الحملة انتهت في منتصف الليل", "منتصف الليل"), Some(Prefer::Past));
        assert_eq!(cue("ستعلق الوزارة على الأمر في اجتماع الحكومة منتصف الليل", "منتصف الليل"), None);
    }

    #[test]
    fn nouns_starting_with_sin_are_not_future_verbs() {
        assert_eq!(cue("مسؤول في سياسة الحكومة الجمعة", "الجمعة"), None);
        assert_eq!(cue("وفد من سنة الجمعية الأحد", "الأحد"), None);
    }

    #[test]
    fn a_perfect_verb_in_the_sentence_governs_a_weekday_set_off_by_commas() {
        assert_eq!(cue("وحذرت لجنة الانتخابات، السبت من أن", "السبت"), Some(Prefer::Past));
    }

    #[test]
    fn a_verb_right_after_counts_when_none_comes_before() {
        assert_eq!(cue("وفي بيان فجر السبت، أوصت اللجنة الوطنية", "فجر السبت"), Some(Prefer::Past));
        // …but not one that opens a new clause with و.
        assert_eq!(cue("في نهاية ولايته مساء الأحد، وأشارت آخر الاستطلاعات", "مساء الأحد"), None);
    }

    #[test]
    fn a_reporting_verb_does_not_date_what_it_reports() {
        // (the reported clause's own verb places the day: what enters into force from a day, ahead)
        assert_eq!(cue("وأوضح أن هذه التدابير تدخل حيز التنفيذ من صباح الأربعاء", "صباح الأربعاء"), Some(Prefer::Future));
        assert_eq!(cue("وأوضح أن هذه التدابير تدخل حيز التنفيذ صباح الأربعاء", "صباح الأربعاء"), None);
        assert_eq!(cue("وقالت الوزارة إن الحظر بدأ مساء الجمعة", "مساء الجمعة"), Some(Prefer::Past));
    }

    #[test]
    fn until_a_day_is_not_placed_by_the_verb() {
        assert_eq!(cue("وأعلنت الحكومة فرض حظر تجول حتى مساء الإثنين", "مساء الإثنين"), None);
        assert_eq!(cue("وأعلنت الحكومة فرض حظر تجول مساء الإثنين", "مساء الإثنين"), Some(Prefer::Past));
    }

    #[test]
    fn since_a_day_points_back_whatever_the_verb() {
        assert_eq!(cue("وارتفع السعر منذ 7 أكتوبر", "7 أكتوبر"), Some(Prefer::Past));
        assert_eq!(cue("المعبر مغلق ومنذ الخميس", "الخميس"), Some(Prefer::Past));
        assert_eq!(cue("سيبقى المعبر مغلقا كما هو منذ الخميس", "الخميس"), Some(Prefer::Past));
    }

    #[test]
    fn an_imperfect_verb_its_subject_and_a_day_look_ahead() {
        assert_eq!(cue("ينظر القضاء الأحد في الطعون المقدمة", "الأحد"), Some(Prefer::Future));
        assert_eq!(cue("وتستضيف المدينة يوم الأحد المؤتمر الدولي", "يوم الأحد"), Some(Prefer::Future));
        assert_eq!(cue("ينتظر الطلاب صباح الخميس نتائج الامتحانات", "صباح الخميس"), Some(Prefer::Future));
        // a noun of place in مـ is a plain subject; a participle is not
        assert_eq!(cue("يفتح المتحف يوم الأحد", "يوم الأحد"), Some(Prefer::Future));
        assert_eq!(cue("يغلق المعبر الأحد", "الأحد"), Some(Prefer::Future));
        // Not a reporting or background verb, nor a perfect verb or noun in تـ, nor a verb inside the clause.
        assert_eq!(cue("يذكر أن المنتخب فاز على السنغال يوم الأربعاء", "يوم الأربعاء"), Some(Prefer::Past));
        assert_eq!(cue("يذكر أن المباراة الأحد حاسمة", "الأحد"), None);
        assert_eq!(cue("ويأتي ذلك بعد اجتماع الحكومة الأحد", "الأحد"), None);
        // («تمكن» is a perfect verb of the cue table: past)
        assert_eq!(cue("وتمكن الجيش الأحد من استعادة المدينة", "الأحد"), Some(Prefer::Past));
        assert_eq!(cue("ويقول الوزير إن المفاوضات الأحد", "الأحد"), None);
        // A verb of continuing tells a state under way.
        assert_eq!(cue("يواصل النواب الاثنين مناقشة الميزانية", "الاثنين"), None);
        // Only a bare day: a month or a year is no announcement's («يستمر الإضراب منذ يناير»).
        assert_eq!(cue("ينظر القضاء يناير في الطعون", "يناير"), None);
        // The day further on, or after a preposition, a participle, an event noun or a relative
        // pronoun, dates what the verb is about.
        assert_eq!(cue("ويواجه الرئيس ضغوطا متزايدة منذ عودته الأحد", "الأحد"), None);
        assert_eq!(cue("يتعرض الرئيس لانتقادات بسبب تصريحاته الأحد", "الأحد"), None);
        assert_eq!(cue("يحصي المزارعون خسائرهم بعد العاصفة التي ضربت المنطقة السبت", "السبت"), None);
        assert_eq!(cue("يقضي المتهم عقوبة صادرة بحقه الأحد", "الأحد"), None);
        assert_eq!(cue("يشكل القرار الصادر الأحد منعطفا", "الأحد"), None);
        assert_eq!(cue("يطعن الحزب في النتائج المعلنة الأحد", "الأحد"), None);
        assert_eq!(cue("يحتل المنتخب صدارة المجموعة بعد الفوز الأحد", "الأحد"), None);
        assert_eq!(cue("ينتقد الإعلام أداء المنتخب في مباراة الأحد", "الأحد"), None);
        assert_eq!(cue("يحصي المزارعون خسائرهم بعد عاصفة السبت", "السبت"), None);
        assert_eq!(cue("يتصدر الانفجار الأحد عناوين الصحف", "الأحد"), None);
        // Historical present: the subject takes more than a word («سكان الحي»).
        assert_eq!(cue("يستيقظ سكان الحي صباح الأحد على دوي انفجار", "صباح الأحد"), None);
        assert_eq!(cue("ويتواصل البحث عن المفقودين في زلزال الأحد", "الأحد"), None);
    }

    #[test]
    fn the_verb_of_a_dated_relative_clause_keeps_to_it() {
        assert_eq!(cue("وتستضيف الجامعة التي تأسست عام 1960 المؤتمر يوم الأحد", "يوم الأحد"), Some(Prefer::Future));
        assert_eq!(cue("وافتتحت الجامعة التي تأسست عام 1960 المؤتمر يوم الأحد", "يوم الأحد"), Some(Prefer::Past));
        // The relative clause's own date, or an undated relative clause, is still its verb's.
        assert_eq!(cue("وتستضيف الجامعة التي تأسست عام 1960 المؤتمر", "عام 1960"), Some(Prefer::Past));
        assert_eq!(cue("ويشارك في المؤتمر الذي عقد يوم الأحد مئات الباحثين", "يوم الأحد"), Some(Prefer::Past));
    }

    #[test]
    fn the_new_date_of_a_postponement_lies_ahead() {
        assert_eq!(cue("قررت اللجنة تأجيل الانتخابات إلى يونيو", "يونيو"), Some(Prefer::Future));
        assert_eq!(cue("وأرجأت المحكمة النطق بالحكم إلى الخميس", "الخميس"), Some(Prefer::Future));
        assert_eq!(cue("ومددت الحكومة حظر التجول حتى الأحد", "الأحد"), Some(Prefer::Future));
        // Told as an earlier stage, or «من أجل», or «إلى» after no postponement: as before.
        assert_eq!(cue("وكانت اللجنة قد أجلت الانتخابات إلى يونيو", "يونيو"), Some(Prefer::Past));
        assert_eq!(cue("وسافر من أجل العلاج إلى يونيو", "يونيو"), None);
        assert_eq!(cue("وقررت اللجنة نقل المقر من مارس إلى يونيو", "يونيو"), Some(Prefer::Past));
        // The sentence goes on to tell it happened: the new date is behind.
        assert_ne!(cue("تأجلت المباراة إلى السبت بسبب الأمطار، وانتهت بالتعادل", "السبت"), Some(Prefer::Future));
        assert_ne!(cue("مدد البرلمان حالة الطوارئ حتى مارس، ثم ألغاها", "مارس"), Some(Prefer::Future));
    }

    #[test]
    fn a_statement_named_in_its_own_clause_is_dated_as_made() {
        assert_eq!(cue("وأكد الوزير أن الانتخابات ستجرى في موعدها، خلال مؤتمر صحفي الأحد", "الأحد"), Some(Prefer::Past));
        assert_eq!(cue("وأوضح أن الحكومة ستعلن القرار، في بيان نشرته الأحد", "الأحد"), Some(Prefer::Past));
        // A statement still to come keeps its future verb.
        assert_eq!(cue("وسيعقد الوزير مؤتمرا صحفيا الأحد", "الأحد"), Some(Prefer::Future));
        assert_eq!(cue("ستعلن اللجنة النتائج في مؤتمر صحفي الأحد", "الأحد"), None);
        // A future verb across a comma with no statement named still governs.
        assert_eq!(cue("وستجرى الانتخابات التشريعية، كما هو مقرر، الأحد", "الأحد"), Some(Prefer::Future));
        // A future cue earlier in a sentence no past verb opens, or a verb of the statement's
        // own clause: the statement is still to come.
        assert_eq!(cue("ومن المقرر أن يصدر البرلمان، في بيان الأحد، موقفه", "الأحد"), Some(Prefer::Future));
        assert_eq!(cue("ويتوقع أن يقدم الوزير، خلال مؤتمر صحفي الأحد، تفاصيل الخطة", "الأحد"), Some(Prefer::Future));
        assert_eq!(cue("ستعقد اللجنة اجتماعا، يعقبه مؤتمر صحفي الأحد", "الأحد"), Some(Prefer::Future));
        assert_eq!(cue("ويستعد الحزب للانتخابات، وفق بيان الأحد", "الأحد"), Some(Prefer::Past));
    }

    #[test]
    fn qad_with_an_imperfect_is_not_past() {
        assert_eq!(cue("قد يعلن الرئيس الأحد", "الأحد"), None);
    }
}
