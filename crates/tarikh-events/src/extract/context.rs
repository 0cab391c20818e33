//! The document as the extractor sees it: its words, sentences and clauses, the timexes
//! over them, and the word-level tests (phrase matching, negation, event verbs) every step uses.

use crate::lexicon::{EventLexicon, Phrase, Slot, strip_article, word_candidates};
use std::collections::HashSet;
use std::ops::Range;
use super::roles::RELATIVE_PRONOUNS;
use super::words::{looks_like_verb, noun_pattern, without_conjunction};
use tarikh_anchor::{AnchoredDocument, TimexType};

pub(super) struct Word {
    pub(super) range: Range<usize>,
    pub(super) sentence: usize,
    pub(super) clause: usize,
}

pub(super) struct Ctx<'a> {
    pub(super) doc: &'a AnchoredDocument,
    pub(super) lex: &'a EventLexicon,
    pub(super) text: &'a str,
    pub(super) words: Vec<Word>,
    pub(super) sentences: Vec<Range<usize>>,
    pub(super) clauses: Vec<Range<usize>>,
    /// Byte offset of each char of the original text (plus the total length), for slicing.
    pub(super) orig_bytes: Vec<usize>,
    /// Per word: index of the timex covering it.
    pub(super) word_timex: Vec<Option<usize>>,
    /// Per timex: its first word (`words.len()` when it covers none).
    pub(super) timex_first: Vec<usize>,
    /// Per sentence: the timexes whose first word lies in it (timexes are in text order). A
    /// mention is dated by the expressions of its own sentence; looking only at those keeps a
    /// long document linear (every mention compared with every timex of a book-length text took
    /// minutes).
    pub(super) sentence_timexes: Vec<Range<usize>>,
}

pub(super) fn index_of(ranges: &[Range<usize>], byte: usize) -> usize {
    // last range whose start <= byte
    let i = ranges.partition_point(|r| r.start <= byte);
    i.saturating_sub(1)
}


/// Verbs and nouns of reaching an outcome («توصل الطرفان إلى اتفاق»), normalised.
const REACHING: &[&str] = &["التوصل", "توصل", "توصلت", "توصلوا", "يتوصل", "تتوصل", "يتوصلوا", "يتوصلا", "تتوصلا", "الوصول"];

/// Verbs and nouns of failing, normalised: what one fails to reach was not reached («فشلت المفاوضات
/// في التوصل إلى اتفاق»، «إخفاق الوسطاء في التوصل»، «تعذر التوصل»).
const FAILING: &[&str] = &["فشلت", "فشل", "فشلوا", "تفشل", "يفشل", "اخفق", "اخفقت", "اخفاق", "اخفقوا", "تعثر", "تعذر"];

/// How many words (a subject: «لم يتوصل الطرفان إلى») may stand between a verb of reaching and
/// the «إلى» of what it reached.
const REACH_SUBJECT: usize = 2;

/// Words of requesting an act (normalised): the act after them is asked for, not done (see
/// [`Ctx::requested`]).
const REQUESTING: &[&str] = &["طلب", "طلبت", "يطلب", "تطلب", "طلبوا", "بطلب", "طلبا", "الطلب", "طالب", "طالبت", "يطالب", "تطالب", "طالبوا", "مطالبه", "بمطالبه", "المطالبه", "التماس", "بالتماس"];

impl<'a> Ctx<'a> {
    pub(super) fn new(doc: &'a AnchoredDocument, lex: &'a EventLexicon) -> Ctx<'a> {
        let text = doc.normalised.as_str();
        let mut sentences = doc.normalised.sentences();
        if sentences.is_empty() {
            sentences.push(0..text.len());
        }
        let mut clauses = doc.normalised.clauses();
        if clauses.is_empty() {
            clauses.push(0..text.len());
        }
        let words: Vec<Word> = doc
            .normalised
            .tokens()
            .into_iter()
            .map(|t| Word {
                sentence: index_of(&sentences, t.range.start),
                clause: index_of(&clauses, t.range.start),
                range: t.range,
            })
            .collect();
        let mut orig_bytes: Vec<usize> = doc.original.char_indices().map(|(i, _)| i).collect();
        orig_bytes.push(doc.original.len());
        let mut word_timex = vec![None; words.len()];
        let mut timex_first = Vec::with_capacity(doc.timexes.len());
        let mut sentence_timexes = vec![0..0; sentences.len()];
        for (ti, t) in doc.timexes.iter().enumerate() {
            let a = words.partition_point(|w| w.range.end <= t.byte_range.start);
            timex_first.push(a);
            if let Some(w) = words.get(a) {
                let r = &mut sentence_timexes[w.sentence];
                if r.start == r.end {
                    *r = ti..ti + 1;
                } else {
                    r.end = ti + 1;
                }
            }
            for (wi, w) in words.iter().enumerate().skip(a) {
                if w.range.start >= t.byte_range.end {
                    break;
                }
                word_timex[wi] = Some(ti);
            }
        }
        Ctx { doc, lex, text, words, sentences, clauses, orig_bytes, word_timex, timex_first, sentence_timexes }
    }

    /// The words of clause `clause` (words are in text order, so a clause's words are together).
    pub(super) fn words_of_clause(&self, clause: usize) -> Range<usize> {
        self.words.partition_point(|x| x.clause < clause)..self.words.partition_point(|x| x.clause <= clause)
    }

    /// The clauses of sentence `sentence` (indices into `clauses`: they lie within sentences).
    pub(super) fn clauses_of_sentence(&self, sentence: usize) -> Range<usize> {
        let Some(s) = self.sentences.get(sentence) else { return 0..0 };
        self.clauses.partition_point(|c| c.end <= s.start)..self.clauses.partition_point(|c| c.start < s.end)
    }

    /// The timexes whose first word lies in sentence `sentence`, with that word (see
    /// `sentence_timexes`).
    pub(super) fn timexes_of_sentence(&self, sentence: usize) -> impl Iterator<Item = (usize, &tarikh_anchor::Timex, usize)> + '_ {
        self.sentence_timexes.get(sentence).cloned().unwrap_or(0..0).map(move |ti| (ti, &self.doc.timexes[ti], self.timex_first[ti]))
    }

    pub(super) fn word(&self, wi: usize) -> &str {
        &self.text[self.words[wi].range.clone()]
    }

    /// Only whitespace between word `a` and word `a + 1`, and both in one sentence.
    pub(super) fn adjacent(&self, a: usize) -> bool {
        let (x, y) = (&self.words[a], &self.words[a + 1]);
        x.sentence == y.sentence && self.text[x.range.end..y.range.start].chars().all(char::is_whitespace)
    }

    /// Like [`Ctx::adjacent`], but quotation marks may stand between the words too: a phrase
    /// reads on across a quotation that ends inside it ("آخر ساعة من "الحملة الانتخابية" التي انتهت").
    pub(super) fn joined(&self, a: usize) -> bool {
        let (x, y) = (&self.words[a], &self.words[a + 1]);
        x.sentence == y.sentence && self.text[x.range.end..y.range.start].chars().all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»'))
    }

    pub(super) fn orig(&self, start: usize, end: usize) -> String {
        let n = self.orig_bytes.len() - 1;
        let (s, e) = (start.min(n), end.min(n));
        self.doc.original[self.orig_bytes[s]..self.orig_bytes[e.max(s)]].to_string()
    }

    pub(super) fn span(&self, bytes: Range<usize>) -> (usize, usize) {
        self.doc.normalised.original_span(bytes.start, bytes.end)
    }

    /// Match the slots from `si` on, starting at word `wi` (word `wi - 1` matched last).
    pub(super) fn match_rest(&self, slots: &[Slot], si: usize, wi: usize, in_timex: bool) -> Option<usize> {
        if si == slots.len() {
            return Some(wi - 1);
        }
        match &slots[si] {
            Slot::Word(forms) => {
                // a date set off by commas between a verb and the rest of its phrase («وأغلقت، أمس
                // الاثنين، صناديق الاقتراع»): the phrase reads on after it
                if si == 1 && !in_timex {
                    if let Some(after) = self.date_set_off(wi) {
                        let w = self.word(after);
                        let fits = self.word_timex[after].is_none() && word_candidates(w).iter().any(|(_, s)| forms.contains(*s));
                        return if fits { self.match_rest(slots, si + 1, after + 1, in_timex) } else { None };
                    }
                }
                if wi >= self.words.len() || !self.joined(wi - 1) || (self.word_timex[wi].is_some() && !in_timex) {
                    return None;
                }
                let w = self.word(wi);
                if word_candidates(w).iter().any(|(_, s)| forms.contains(*s)) {
                    self.match_rest(slots, si + 1, wi + 1, in_timex)
                } else {
                    None
                }
            }
            Slot::Gap(g) => {
                // skip 0..=g words, each adjacent and outside any timex; a date or time in the gap
                // is skipped whole and not counted: the news order verb + subject + date + object
                // («أفرجت السلطات يوم الأربعاء عن …»، «فرضت الولايات المتحدة أمس عقوبات»). The
                // words before such a date are the verb's subject, which may be longer (up to
                // [`SUBJECT_GAP`] words: «عين الرئيس التونسي قيس سعيد يوم الأحد وزيرا»، «قضت محكمة
                // الجنايات في القاهرة أمس بالإعدام») when none of them opens a clause of its own (a
                // relative pronoun: «عين الرئيس الذي أقال يوم الأحد وزيرا» is the relative clause's
                // object; a word with و) and the phrase reads on right after the date. A date after a
                // phrase with an event of its own («بعد اعتقالهم يوم الأحد», see
                // [`Ctx::opens_own_phrase`]) is never skipped, however short the gap.
                let mut at = wi;
                let mut skipped = 0;
                let mut subject = true;
                let mut own_phrase = false;
                let mut after_date: Option<usize> = None;
                loop {
                    let long_subject = after_date == Some(skipped) && subject && !own_phrase;
                    if (skipped <= *g && (after_date.is_none() || !own_phrase)) || long_subject {
                        if let Some(end) = self.match_rest(slots, si + 1, at, in_timex) {
                            return Some(end);
                        }
                    }
                    // (a date set off by commas after the subject reads the same: «أفرجت السلطات
                    // السورية، أمس الخميس، عن …»، «أطلقت السلطات، السبت، سراح …»)
                    // (its phrase reads on right after the closing comma, on the same terms as a
                    // date the gap skips: a subject that opens no phrase of its own)
                    if !in_timex && after_date.is_none() && at < self.words.len() {
                        if let Some(next) = self.date_set_off(at) {
                            let Some(Slot::Word(forms)) = slots.get(si + 1) else { return None };
                            let fits = self.word_timex[next].is_none() && word_candidates(self.word(next)).iter().any(|(_, s)| forms.contains(*s));
                            return (fits && !own_phrase && (skipped <= *g || subject)).then(|| self.match_rest(slots, si + 2, next + 1, in_timex)).flatten();
                        }
                    }
                    if at >= self.words.len() || !self.joined(at - 1) {
                        return None;
                    }
                    if !in_timex && after_date.is_none() {
                        if let Some(next) = self.gap_date(at) {
                            at = next;
                            after_date = Some(skipped);
                            continue;
                        }
                    }
                    let limit = if after_date.is_some() { *g } else { (*g).max(SUBJECT_GAP) };
                    if self.word_timex[at].is_some() || skipped >= limit {
                        return None;
                    }
                    let w = self.word(at);
                    subject &= !w.starts_with('و') && !RELATIVE_PRONOUNS.contains(&w);
                    own_phrase |= self.opens_own_phrase(at);
                    skipped += 1;
                    at += 1;
                }
            }
        }
    }

    /// Whether word `wi` opens a phrase with an event of its own, so that the words around it are
    /// no verb's subject and a date after them is not the verb's: a preposition or adverb that
    /// opens a phrase («أفرجت السلطات بعد اعتقالهم يوم الأحد عن»، «شنت إسرائيل ردا على هجوم يوم
    /// السبت غارات»), or a trigger of one word of the lexicon («عقد البرلمان المنتخب في انتخابات 10
    /// مارس جلسته»، «في بيان نشره يوم الاثنين»). (Not «في» alone: «محكمة الجنايات في القاهرة» is a
    /// subject with its place; nor a verb's shape, which names share: «عبد المجيد تبون».)
    fn opens_own_phrase(&self, wi: usize) -> bool {
        let w = without_conjunction(self.word(wi));
        PHRASE_OPENERS.contains(&w)
            || word_candidates(w).iter().any(|(_, stem)| {
                self.lex.trigger_index.get(*stem).is_some_and(|list| list.iter().any(|&pi| self.lex.triggers[pi].slots.len() == 1))
            })
    }

    /// When a date or time (a timex of the grammar) starts at word `wi` and the word after it is
    /// joined to it: that word's index (what a gap of a phrase reads on at).
    fn gap_date(&self, wi: usize) -> Option<usize> {
        let ti = self.word_timex[wi]?;
        if self.timex_first[ti] != wi || !matches!(self.doc.timexes[ti].kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        let last = (wi..self.words.len()).take_while(|&x| self.word_timex[x] == Some(ti)).last()?;
        (last + 1 < self.words.len() && self.joined(last)).then_some(last + 1)
    }

    /// When a date set off by commas starts at word `wi`, right after word `wi - 1` ("أغلقت، أمس
    /// الاثنين، صناديق"): the word after it, when it follows the closing comma in the sentence.
    pub(super) fn date_set_off(&self, wi: usize) -> Option<usize> {
        let ti = self.word_timex.get(wi).copied().flatten()?;
        let before = &self.text[self.words[wi - 1].range.end..self.words[wi].range.start];
        if self.words[wi - 1].sentence != self.words[wi].sentence || before.trim() != "،" && before.trim() != "," {
            return None;
        }
        let last = (wi..self.words.len()).take_while(|&x| self.word_timex[x] == Some(ti)).last()?;
        let next = last + 1;
        let between = self.text[self.words[last].range.end..self.words.get(next)?.range.start].trim();
        (self.words[next].sentence == self.words[wi].sentence && (between == "،" || between == ",")).then_some(next)
    }

    /// All matches of `phrases` (via `index`): (first word, last word, stem offset in first word,
    /// phrase). With `conj_only`, the first word may carry only a conjunction و/ف (signals).
    pub(super) fn find(&self, phrases: &[Phrase], index: &std::collections::HashMap<String, Vec<usize>>, conj_only: bool) -> Vec<(usize, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for wi in 0..self.words.len() {
            let in_timex = self.word_timex[wi].is_some();
            if in_timex && !phrases.iter().any(|p| p.in_timex) {
                continue;
            }
            let w = self.word(wi);
            let mut candidates = word_candidates(w);
            // «بعيد» is never split (it is also "far", and «بُعيد» "shortly after"), but before the
            // name of a feast or a national day it is ب + «عيد» («احتفل المسلمون بعيد الفطر»،
            // «احتفلت المملكة بعيد العرش»): a trigger of two words or more that begins with
            // «عيد» is tried on it, and its second word names the feast
            let conj = if w.starts_with(['و', 'ف']) && w.len() > 2 { 2 } else { 0 };
            let feast_ba = !conj_only && &w[conj..] == "بعيد";
            if feast_ba {
                candidates.push((conj + 2, "عيد"));
            }
            for (off, stem) in candidates {
                if conj_only && (off > 2 || w.len() - stem.len() != off) {
                    continue;
                }
                let Some(list) = index.get(stem) else { continue };
                // (the article before the stem: a verb never takes it)
                let with_article = w[off..].len() > stem.len() && w[off..].starts_with("ال");
                let after_ba = feast_ba && off == conj + 2;
                for &pi in list {
                    if seen.contains(&(wi, pi)) || (in_timex && !phrases[pi].in_timex) || (with_article && phrases[pi].verb_head) || (after_ba && phrases[pi].words < 2) {
                        continue;
                    }
                    if let Some(last) = self.match_rest(&phrases[pi].slots, 1, wi + 1, phrases[pi].in_timex) {
                        seen.insert((wi, pi));
                        out.push((wi, last, off, pi));
                    }
                }
            }
        }
        out
    }

    pub(super) fn is_content(&self, wi: usize) -> bool {
        let w = self.word(wi);
        self.word_timex[wi].is_none()
            && !w.chars().any(|c| c.is_ascii_digit())
            && w.chars().count() >= 3
            && !self.lex.is_stopword(w)
    }

    /// A verb that names an action, fit to make a generic event: a perfect or imperfect verb form,
    /// not a verbal noun or a noun of the فعال pattern ("غرار"), not a stop word, and not a word the
    /// lexicon says makes no event (copulas, light verbs, participles of speech), nor the verb of
    /// entering into force («ستدخل التدابير حيز التنفيذ»: the event is the measure that does).
    pub(super) fn is_event_verb(&self, wi: usize) -> bool {
        let w = self.word(wi);
        let into_force = wi + 1 < self.words.len() && self.adjacent(wi) && self.word(wi + 1) == IN_FORCE;
        self.is_content(wi) && looks_like_verb(w) && !into_force && !self.hamza_on_ya_after_alif(wi) && !noun_pattern(without_conjunction(w)) && !self.lex.is_non_event(w) && !self.lex.is_non_event(without_conjunction(w)) && !self.negated(wi) && !self.after_title(wi)
    }

    /// Whether word `wi` is written with «ائ» (the normalised text spells ئ as ي): a noun, a broken
    /// plural or a participle («بنتائج»، «رسائل»، «قائمة»، «خسائر»), never a verb form.
    pub(super) fn hamza_on_ya_after_alif(&self, wi: usize) -> bool {
        let (start, end) = self.span(self.words[wi].range.clone());
        self.orig(start, end).contains("ائ")
    }

    /// Whether word `wi` stands right after a title, or after a title and its adjective, in its
    /// clause ("الشيخ نواف"، "المدرب القدير وليد"): a person's name, never a verb.
    pub(super) fn after_title(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        let before = |k: usize| (wi >= k && self.words[wi - k].clause == clause && (wi - k..wi).all(|x| self.adjacent(x))).then(|| self.word(wi - k));
        let title = |w: &str| self.lex.is_title(w);
        before(1).is_some_and(title) || (before(2).is_some_and(title) && before(1).is_some_and(|w| w.starts_with("ال")))
    }

    /// Whether the event word `wi` is negated: a negation right before it ("لم تعلق", "عدم نشر"),
    /// or before a light verb right before it ("لن يتم نشر"), in its clause.
    pub(super) fn negated(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        let before = |k: usize| (wi >= k && self.words[wi - k].clause == clause && (wi - k..wi).all(|x| self.adjacent(x))).then(|| self.word(wi - k));
        let negation = |w: &str| self.lex.is_negation(w);
        before(1).is_some_and(negation) || (before(2).is_some_and(negation) && before(1).is_some_and(|w| self.lex.is_non_event(w))) || self.reaching_failed(wi)
    }

    /// Whether the event word `wi` is what a negated or failed reaching did not reach: «دون
    /// التوصل إلى اتفاق»، «لم يتم التوصل إلى اتفاق»، «لم يتوصل الطرفان إلى اتفاق»، «فشلت
    /// المفاوضات في التوصل إلى اتفاق». A verb of reaching («التوصل إلى») stands up to
    /// [`REACH_SUBJECT`] words before it, «إلى» right before it; the reaching is negated, or a verb of
    /// failure stands up to three words before it in the clause. No agreement was reached, unless
/// «إلا» follows in the clause («لم يتم التوصل إلى اتفاق إلا بعد مفاوضات شاقة»).
    fn reaching_failed(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        let joined = |a: usize| (a..wi).all(|x| self.adjacent(x) && self.words[x + 1].clause == clause);
        if wi == 0 {
            return false;
        }
        // «التوصل إلى اتفاق», or ل attached: «التوصل لاتفاق»
        let attached = self.word(wi).starts_with('ل') && REACHING.contains(&without_conjunction(self.word(wi - 1)));
        if self.word(wi - 1) != "الي" && !attached {
            return false;
        }
        let nearest = if attached { 1 } else { 2 };
        let Some(r) = (nearest..=REACH_SUBJECT + 1).filter(|&k| wi >= k && joined(wi - k)).map(|k| wi - k).find(|&r| REACHING.contains(&without_conjunction(self.word(r)))) else {
            return false;
        };
        let failed = (r.saturating_sub(3)..r).any(|y| joined(y) && FAILING.contains(&without_conjunction(self.word(y))));
        // «لم يتم التوصل إلى اتفاق إلا يوم الخميس»: negation and «إلا» say it was reached then
        let except = (wi + 1..self.words.len()).take_while(|&x| self.words[x].clause == clause).any(|x| self.word(x) == "الا");
        (failed || self.negated(r)) && !except
    }

    /// Whether the event word `wi` is feared, not told as happening: a word or phrase of fear or
    /// risk ends right before it, or one word before it, in its clause («خوفا من هزات ارتدادية»،
    /// «لا خوف من وقوع تسونامي»، «خطر موجة التسونامي»; see [`EventLexicon::ends_fear`]).
    pub(super) fn feared(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        (wi.saturating_sub(2)..wi).any(|x| {
            let joined = (x..wi).all(|y| self.adjacent(y) && self.words[y + 1].clause == clause && self.word_timex[y].is_none());
            joined && {
                let words: Vec<&str> = (x.saturating_sub(2)..=x).filter(|&y| self.words[y].clause == clause).map(|y| self.word(y)).collect();
                self.lex.ends_fear(&words)
            }
        })
    }

    /// The word of requesting that the event word `wi` may be asked for by: one standing one to
    /// three words before it in its clause, joined to it (its requester between: «رفضت المحكمة
    /// طلب الدفاع تأجيل الجلسة»، «طالب النواب بتأجيل التصويت»، «تقدمت المعارضة بطلب إرجاء
    /// الانتخابات»). A request may be granted or refused; the act asked for is not told as done
    /// (the caller checks that no other event word stands between: that one is what is asked).
    pub(super) fn requesting_before(&self, wi: usize) -> Option<usize> {
        let clause = self.words[wi].clause;
        (wi.saturating_sub(3)..wi).rev().find(|&x| {
            REQUESTING.contains(&without_conjunction(self.word(x))) && (x..wi).all(|y| self.adjacent(y) && self.words[y + 1].clause == clause && self.word_timex[y].is_none())
        })
    }

    /// Whether the event word `wi` is told as a habit: «عادة» (usually) stands right before it or
    /// within three words after it (past its subject) in its clause («يؤجل مجلس النواب عادة جلساته في رمضان»، «عادة ما
    /// تؤجل الوزارة الامتحانات»). What is usually done is no one event of the timeline.
    pub(super) fn habitual(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        let usually = |x: usize| x < self.words.len() && self.words[x].clause == clause && without_conjunction(self.word(x)) == "عاده";
        (wi > 0 && (usually(wi - 1) || (wi > 1 && usually(wi - 2) && self.word(wi - 1) == "ما"))) || (wi + 1..=wi + 3).any(usually)
    }

    /// Whether the event word `wi` is counted in thousands or more: a number and «ألف»، «آلاف»،
    /// «مليون» … stand right before it («تنفيذ 106.9 ألف صفقة»، «نحو 3 آلاف غارة»), or a number of
    /// four digits or more that is no date («1500 صفقة»). A figure of a report, the sum of many things, is no one
    /// event of the timeline (market reports count trades, tallies count strikes or tremors).
    pub(super) fn counted(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        let before = |k: usize| (wi >= k && self.words[wi - k].clause == clause && (wi - k..wi).all(|x| self.adjacent(x))).then(|| self.word(wi - k));
        let number = |w: &str| w.chars().any(|c| c.is_ascii_digit());
        let large = |w: &str| w.chars().filter(|c| c.is_ascii_digit()).count() >= 4 && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
        before(1).is_some_and(|w| MULTIPLES.contains(&w) && before(2).is_some_and(number)) || (before(1).is_some_and(large) && self.word_timex[wi - 1].is_none())
    }

    /// Whether the event word `wi` is an alternative: «أو» stands right before it («تقديم أوقات
    /// منع التجول … أو منع التجول طوال اليوم»، «لا يمكنه إصدار أي تصريح أو بيان»). One of two may
    /// happen; the one offered instead is not told as happening, and its words (a length, a
    /// place) are no part of the event named first.
    pub(super) fn alternative(&self, wi: usize) -> bool {
        wi > 0 && self.words[wi - 1].sentence == self.words[wi].sentence && self.word(wi - 1) == "او" && self.text[self.words[wi - 1].range.end..self.words[wi].range.start].trim().is_empty()
    }

    /// Whether the subject right after the event word ending at `last` is the press or the
    /// users of social networks («ذكرت صحيفة المرصد»، «أفادت وكالة الأنباء»، «تداول نشطاء على
    /// مواقع التواصل»، «تناقلت وسائل الإعلام»): media relaying news, whose saying or circulating
    /// is where the story was read, not an event of it (see [`MEDIA_SUBJECTS`]). The words of the
    /// trigger after its first count too («أفادت وكالة»). A word after a preposition is no subject:
    /// «في منشور على موقع فيسبوك» names where the post stands, not who relays it.
    pub(super) fn media_subject(&self, first: usize, last: usize) -> bool {
        let sentence = self.words[first].sentence;
        (first + 1..=last + 1).filter(|&wi| wi < self.words.len() && self.words[wi].sentence == sentence && self.word_timex[wi].is_none()).take(2).any(|wi| {
            if PREPOSITIONS_BEFORE_PLACE.contains(&self.word(wi - 1)) {
                return false;
            }
            // («وكالة»، «وسائل» begin with و: the word as written is tried too)
            let w = self.word(wi);
            MEDIA_SUBJECTS.contains(&strip_article(w)) || MEDIA_SUBJECTS.contains(&strip_article(without_conjunction(w)))
        })
    }

    /// Byte offset where a generic mention's word starts (after a conjunction و/ف).
    pub(super) fn generic_start(&self, wi: usize) -> usize {
        let w = self.word(wi);
        self.words[wi].range.start + (w.len() - without_conjunction(w).len())
    }

    /// The first character after word `wi` that is not white space ("،" in "وتابع،").
    pub(super) fn char_after(&self, wi: usize) -> Option<char> {
        self.text[self.words[wi].range.end..].chars().find(|c| !c.is_whitespace())
    }
}

/// Words of thousands and more, normalised («ألف»، «آلاف»، «مليون»، «ملايين»، «مليار»، «مليارات»).
pub(super) const MULTIPLES: &[&str] = &["الف", "الاف", "مليون", "ملايين", "مليار", "مليارات"];

/// Subjects that relay news rather than make it, normalised without the article: outlets
/// («صحيفة»، «وكالة»، «قناة»، «موقع»، «شبكة»، «إذاعة»، «وسائل» of «وسائل الإعلام») and the users of
/// social networks («نشطاء»، «مغردون»، «مدونون»، «رواد»، «مستخدمو»). News of every country cites
/// them as its source: «وذكرت صحيفة …»، «ونقلت وكالة …»، «وتداول ناشطون مقطعا …».
pub(super) const MEDIA_SUBJECTS: &[&str] = &[
    "صحيفه", "صحف", "جريده", "جرايد", "وكاله", "وكالات", "قناه", "قنوات", "موقع", "مواقع", "شبكه", "اذاعه", "تلفزيون", "وسايل",
    "نشطاء", "ناشطون", "ناشطين", "مغردون", "مغردين", "مدونون", "مدونين", "مستخدمو", "مستخدمي", "مستخدمون",
];

/// Prepositions after which a word of [`MEDIA_SUBJECTS`] is where something stands, not who
/// relays it («على موقع»، «عبر قناة»، «في صحيفة»), normalised. («رواد» is not a subject word at all:
/// «رواد الأعمال» make news; «رواد مواقع التواصل» are caught by «مواقع».)
const PREPOSITIONS_BEFORE_PLACE: &[&str] = &["علي", "عبر", "في", "من", "الي"];

/// Conjunctions that open a clause of their own after a comma ("إذ تظهر أحدث الاستطلاعات …",
/// "بينما", "حيث"), normalised.
pub(super) const CLAUSE_CONJUNCTIONS: &[&str] = &["اذ", "حيث", "بينما", "فيما", "لكن", "غير"];

/// «حيز» of «دخل حيز التنفيذ» (normalised): the verb before it only says that its subject, a
/// measure, takes effect.
/// How many words a phrase's gap may hold when they are the verb's subject, ended by a date
/// (see the gap in [`Ctx::match_rest`]).
const SUBJECT_GAP: usize = 6;

/// Prepositions and adverbs (normalised) that open a phrase of their own — time, cause, exchange,
/// place — so that a date after them is the phrase's, not the verb's (see
/// [`Ctx::opens_own_phrase`]).
const PHRASE_OPENERS: &[&str] = &["بعد", "قبل", "مقابل", "ردا", "علي", "من", "اثر", "عقب", "خلال", "منذ", "حتي", "اثناء", "بسبب", "جراء", "غداه", "بعيد"];

const IN_FORCE: &str = "حيز";

/// Whether a clause whose first word is `w` is a new clause coordinated with or subordinated to the
/// one before: it opens with the conjunction و (not a root letter) or with «إذ»، «حيث»، «بينما» …
pub(super) fn opens_with_conjunction(w: &str) -> bool {
    (w.starts_with('و') && without_conjunction(w) != w) || CLAUSE_CONJUNCTIONS.contains(&w)
}
