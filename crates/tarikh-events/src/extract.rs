//! Finding event mentions and linking them (see the crate docs for the rules).

use crate::lexicon::{strip_article, word_candidates, EventLexicon, Phrase, Slot};
use crate::{light_stem, DocEvents, EventMention, MentionRelation, MentionRole, Relation, RelationBasis, GENERIC};
use std::collections::HashSet;
use std::ops::Range;
use tarikh_anchor::{AnchoredDocument, OffsetDirection, TimexType};

/// How many clause words a mention keeps as key words.
const MAX_KEYWORDS: usize = 8;

struct Word {
    range: Range<usize>,
    sentence: usize,
    clause: usize,
}

struct Ctx<'a> {
    doc: &'a AnchoredDocument,
    lex: &'a EventLexicon,
    text: &'a str,
    words: Vec<Word>,
    sentences: Vec<Range<usize>>,
    clauses: Vec<Range<usize>>,
    /// Byte offset of each char of the original text (plus the total length), for slicing.
    orig_bytes: Vec<usize>,
    /// Per word: index of the timex covering it.
    word_timex: Vec<Option<usize>>,
    /// Per timex: its first word (`words.len()` when it covers none).
    timex_first: Vec<usize>,
    /// Per sentence: the timexes whose first word lies in it (timexes are in text order). A
    /// mention is dated by the expressions of its own sentence; looking only at those keeps a
    /// long document linear (every mention compared with every timex of a book-length text took
    /// minutes).
    sentence_timexes: Vec<Range<usize>>,
}

/// A mention while it is being built, with its word span.
struct Draft {
    first: usize,
    last: usize,
    start_byte: usize,
    type_idx: Option<usize>,
    /// Matched by a continuation trigger ("وتابع،"): speech going on.
    continuation: bool,
}

/// A matched signal.
struct SignalHit {
    first: usize,
    last: usize,
    signal: usize,
}

fn index_of(ranges: &[Range<usize>], byte: usize) -> usize {
    // last range whose start <= byte
    let i = ranges.partition_point(|r| r.start <= byte);
    i.saturating_sub(1)
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a AnchoredDocument, lex: &'a EventLexicon) -> Ctx<'a> {
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
    fn words_of_clause(&self, clause: usize) -> Range<usize> {
        self.words.partition_point(|x| x.clause < clause)..self.words.partition_point(|x| x.clause <= clause)
    }

    /// The clauses of sentence `sentence` (indices into `clauses`: they lie within sentences).
    fn clauses_of_sentence(&self, sentence: usize) -> Range<usize> {
        let Some(s) = self.sentences.get(sentence) else { return 0..0 };
        self.clauses.partition_point(|c| c.end <= s.start)..self.clauses.partition_point(|c| c.start < s.end)
    }

    /// The timexes whose first word lies in sentence `sentence`, with that word (see
    /// `sentence_timexes`).
    fn timexes_of_sentence(&self, sentence: usize) -> impl Iterator<Item = (usize, &tarikh_anchor::Timex, usize)> + '_ {
        self.sentence_timexes.get(sentence).cloned().unwrap_or(0..0).map(move |ti| (ti, &self.doc.timexes[ti], self.timex_first[ti]))
    }

    fn word(&self, wi: usize) -> &str {
        &self.text[self.words[wi].range.clone()]
    }

    /// Only whitespace between word `a` and word `a + 1`, and both in one sentence.
    fn adjacent(&self, a: usize) -> bool {
        let (x, y) = (&self.words[a], &self.words[a + 1]);
        x.sentence == y.sentence && self.text[x.range.end..y.range.start].chars().all(char::is_whitespace)
    }

    /// Like [`Ctx::adjacent`], but quotation marks may stand between the words too: a phrase
    /// reads on across a quotation that ends inside it ("آخر ساعة من "الحملة الانتخابية" التي انتهت").
    fn joined(&self, a: usize) -> bool {
        let (x, y) = (&self.words[a], &self.words[a + 1]);
        x.sentence == y.sentence && self.text[x.range.end..y.range.start].chars().all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»'))
    }

    fn orig(&self, start: usize, end: usize) -> String {
        let n = self.orig_bytes.len() - 1;
        let (s, e) = (start.min(n), end.min(n));
        self.doc.original[self.orig_bytes[s]..self.orig_bytes[e.max(s)]].to_string()
    }

    fn span(&self, bytes: Range<usize>) -> (usize, usize) {
        self.doc.normalised.original_span(bytes.start, bytes.end)
    }

    /// Match the slots from `si` on, starting at word `wi` (word `wi - 1` matched last).
    fn match_rest(&self, slots: &[Slot], si: usize, wi: usize, in_timex: bool) -> Option<usize> {
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
                // skip 0..=g words, each adjacent and outside any timex
                for at in wi..=wi + *g {
                    if let Some(end) = self.match_rest(slots, si + 1, at, in_timex) {
                        return Some(end);
                    }
                    if at >= self.words.len() || !self.joined(at - 1) || self.word_timex[at].is_some() {
                        return None;
                    }
                }
                None
            }
        }
    }

    /// When a date set off by commas starts at word `wi`, right after word `wi - 1` ("أغلقت، أمس
    /// الاثنين، صناديق"): the word after it, when it follows the closing comma in the sentence.
    fn date_set_off(&self, wi: usize) -> Option<usize> {
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
    fn find(&self, phrases: &[Phrase], index: &std::collections::HashMap<String, Vec<usize>>, conj_only: bool) -> Vec<(usize, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for wi in 0..self.words.len() {
            let in_timex = self.word_timex[wi].is_some();
            if in_timex && !phrases.iter().any(|p| p.in_timex) {
                continue;
            }
            let w = self.word(wi);
            for (off, stem) in word_candidates(w) {
                if conj_only && (off > 2 || w.len() - stem.len() != off) {
                    continue;
                }
                let Some(list) = index.get(stem) else { continue };
                // (the article before the stem: a verb never takes it)
                let with_article = w[off..].len() > stem.len() && w[off..].starts_with("ال");
                for &pi in list {
                    if seen.contains(&(wi, pi)) || (in_timex && !phrases[pi].in_timex) || (with_article && phrases[pi].verb_head) {
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

    fn is_content(&self, wi: usize) -> bool {
        let w = self.word(wi);
        self.word_timex[wi].is_none()
            && !w.chars().any(|c| c.is_ascii_digit())
            && w.chars().count() >= 3
            && !self.lex.is_stopword(w)
    }

    /// A verb that names an action, fit to make a generic event: a perfect or imperfect verb form,
    /// not a verbal noun or a noun of the فعال pattern ("غرار"), not a stop word, and not a word the
    /// lexicon says makes no event (copulas, light verbs, participles of speech).
    fn is_event_verb(&self, wi: usize) -> bool {
        let w = self.word(wi);
        self.is_content(wi) && looks_like_verb(w) && !noun_pattern(without_conjunction(w)) && !self.lex.is_non_event(w) && !self.lex.is_non_event(without_conjunction(w)) && !self.negated(wi)
    }

    /// Whether the event word `wi` is negated: a negation right before it ("لم تعلق", "عدم نشر"),
    /// or before a light verb right before it ("لن يتم نشر"), in its clause.
    fn negated(&self, wi: usize) -> bool {
        let clause = self.words[wi].clause;
        let before = |k: usize| (wi >= k && self.words[wi - k].clause == clause && (wi - k..wi).all(|x| self.adjacent(x))).then(|| self.word(wi - k));
        let negation = |w: &str| self.lex.is_negation(w);
        before(1).is_some_and(negation) || (before(2).is_some_and(negation) && before(1).is_some_and(|w| self.lex.is_non_event(w)))
    }

    /// Byte offset where a generic mention's word starts (after a conjunction و/ف).
    fn generic_start(&self, wi: usize) -> usize {
        let w = self.word(wi);
        self.words[wi].range.start + (w.len() - without_conjunction(w).len())
    }

    /// The first character after word `wi` that is not white space ("،" in "وتابع،").
    fn char_after(&self, wi: usize) -> Option<char> {
        self.text[self.words[wi].range.end..].chars().find(|c| !c.is_whitespace())
    }
}

/// The type a typed draft takes from its argument (`[[sense]]` of the lexicon): the first sense
/// of its type whose argument stands within `reach` words after the trigger, in its clause and
/// with no punctuation between («فوز المرشح», «لقاء فرنسا وإنجلترا»), or after a number right
/// after the trigger when the sense is a count («وصل إلى 1041 حالة إصابة»). None: generic.
fn sense_of(cx: &Ctx, d: &Draft) -> Option<usize> {
    let ti = d.type_idx?;
    let lex = cx.lex;
    let name = &lex.types()[ti].name;
    let clause = cx.words[d.last].clause;
    let next = |wi: usize| (wi < cx.words.len() && cx.adjacent(wi - 1) && cx.words[wi].clause == clause).then_some(wi);
    let number = |wi: usize| cx.word(wi).chars().any(|c| c.is_ascii_digit());
    for s in lex.senses().iter().filter(|s| &s.of == name) {
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

/// Verbs whose root begins with و or ف (normalised): their first letter is no conjunction
/// ("وصلت" arrived, "وقع" happened, "فاز" won).
const INITIAL_WAW_FA: &[&str] = &["وقوع", "وصول", "وفاه", "وجود", "وصل", "وقع", "وزع", "وجد", "وضع", "وافق", "وعد", "ودع", "وفر", "وقف", "وجه", "ولد", "وثق", "وسع", "فاز", "فتح", "فرض", "فقد", "فجر", "فشل", "فر", "فحص", "فصل", "فض"];

/// A word without its conjunction و/ف, when what remains is still a word (three letters or more)
/// and the letter is no part of a root that begins with it ("وصلت" stays whole).
fn without_conjunction(w: &str) -> &str {
    let root_letter = INITIAL_WAW_FA.iter().any(|r| w.starts_with(r) && w.chars().count() <= r.chars().count() + 2);
    if root_letter {
        return w;
    }
    w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|rest| rest.chars().count() >= 3).unwrap_or(w)
}

/// A noun of the patterns فِعال/فَعيل/فَعول ("غرار", "قرار", "كبير"): four letters with a long vowel
/// before the last, not opening with ا (hollow verbs of form IV, "اعاد", "اقام") nor with the
/// prefix of an imperfect ("يعود", "تقول").
fn noun_pattern(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 4 && matches!(c[2], 'ا' | 'ي' | 'و') && !matches!(c[0], 'ا' | 'ي' | 'ت' | 'ن')
}

fn looks_like_perfect_verb(w: &str) -> bool {
    let s = without_conjunction(w);
    let n = s.chars().count();
    (3..=6).contains(&n)
        && !s.starts_with("ال")
        && !s.starts_with('م')
        && !s.starts_with('ي')
        && !["ه", "ات", "ين", "يه", "يا"].iter().any(|e| s.ends_with(e))
}

/// Words that open reported content after a reporting verb: complementizers, and the adverbial
/// participles of speech ("قال …، معلقا على عملية القرصنة": the hack is what he spoke about).
const COMPLEMENTIZERS: &[&str] = &[
    "أن", "إن", "ان", "بأن", "بان", "أنه", "إنه", "انه", "أنها", "إنها", "انها", "أنهم", "إنهم", "انهم", "معلقا", "مشيرا", "مؤكدا",
    "موكدا", "مضيفا", "موضحا", "لافتا", "معتبرا", "قائلا", "مشيره", "مؤكده", "مضيفه", "موضحه", "معتبره", "قائله",
];

/// How many of [`COMPLEMENTIZERS`] (the first ones: «أن»، «إن» and their pronoun forms) open a
/// second complement after the conjunction و ("وأن العيد سيبدأ السبت").
const COORDINATED_COMPLEMENTIZERS: usize = 14;

/// How many words may stand between a reporting trigger and its complementizer ("قال الموقع إن").
const COMPLEMENT_REACH: usize = 4;

/// How far a complementizer may stand after its reporting trigger when a long subject or a date
/// set off by commas comes between ("أكد فريق حملة المرشح الوسطي …، الجمعة 5 مايو، أنه").
const COMPLEMENT_FAR: usize = 16;

/// For each clause: the word where the content reported by one of its reporting mentions begins
/// (the complementizer after "قال"/"أعلنت"/"حذرت من"), if any.
fn reported_complements(cx: &Ctx, drafts: &[Draft]) -> Vec<Option<usize>> {
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
fn opens_quotation(cx: &Ctx, wi: usize) -> bool {
    let from = if wi == 0 { 0 } else { cx.words[wi - 1].range.end };
    let gap = cx.text[from..cx.words[wi].range.start].trim_end();
    gap.ends_with(['“', '«', '"']) && !gap.trim_end_matches(['“', '«', '"']).ends_with(|c: char| c.is_alphanumeric())
}

/// A perfect verb, stricter than [`looks_like_perfect_verb`]: verbal nouns of five letters or more
/// carry a long vowel before their last letter (اختراق، انتهاء، تسريب), perfect verbs do not
/// (انتهت، توقفت، اعتقل).
fn is_perfect_verb(w: &str) -> bool {
    let s = without_conjunction(w);
    let chars: Vec<char> = s.chars().collect();
    let noun_like = chars.len() >= 5 && matches!(chars[chars.len() - 2], 'ا' | 'ي' | 'و');
    looks_like_perfect_verb(w) && !noun_like
}

/// A perfect or imperfect verb form ("يعود", "تعود", "عاد"): a generic event's best label.
fn looks_like_verb(w: &str) -> bool {
    let s = without_conjunction(w);
    let n = s.chars().count();
    // an indefinite accusative ("صعبا", "كبيرا") ends in ا; a verb so rarely does (only the dual)
    let accusative = s.ends_with('ا') && !s.ends_with("وا");
    !accusative && (looks_like_perfect_verb(w) || ((4..=6).contains(&n) && (s.starts_with('ي') || s.starts_with('ت')) && !s.starts_with("تم")))
}

/// Words after which a place locates the event: «في», and the verbs of a quake or storm striking
/// a place ("الذي ضرب القاهرة").
const LOCATIVES: &[&str] = &["في", "وفي", "ضرب", "ضربت", "هز", "هزت", "اجتاح", "اجتاحت", "شهدت", "شهده", "شهدها"];

/// How many words after a trigger a place qualifying it may end ("الانتخابات الرئاسية في الولايات
/// المتحدة").
const PLACE_REACH: usize = 5;

/// A word without its conjunction, preposition and article ("وبالولايات" → "ولايات" is not
/// wanted: "بالولايات" → "الولايات" → "ولايات"), for place look-ups.
fn bare_word(w: &str) -> &str {
    let w = without_conjunction(w);
    if let Some(r) = w.strip_prefix("لل").filter(|r| r.chars().count() >= 3) {
        return r;
    }
    let w = ['ب', 'ل', 'ك'].iter().find_map(|p| w.strip_prefix(*p).filter(|r| r.starts_with("ال") && r.chars().count() >= 5)).unwrap_or(w);
    strip_article(w)
}

/// The time zone of the place that locates the event: a place adjective within two words after
/// the trigger ("الانتخابات الرئاسية الأمريكية") or a place after «في» within five words, in its
/// clause ("الانتخابات الرئاسية في الولايات المتحدة"); empty when none. An adjective further on
/// qualifies something else ("تصيد نسب إلى مجموعة روسية": the group is Russian, not the event).
fn place_zone(cx: &Ctx, d: &Draft) -> String {
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
    String::new()
}

/// Find the event mentions of `doc` with `lexicon`, link each to its governing timex, and read
/// the relations the text states between them (see the crate docs for every rule).
pub fn extract(doc: &AnchoredDocument, lexicon: &EventLexicon) -> DocEvents {
    let cx = Ctx::new(doc, lexicon);
    if cx.words.is_empty() {
        return DocEvents::default();
    }

    // 1. Typed triggers; overlaps: more words, then longer, then earlier type, then earlier trigger.
    let mut cands: Vec<(usize, usize, usize, usize)> = cx
        .find(&lexicon.triggers, &lexicon.trigger_index, false)
        .into_iter()
        .filter(|&(first, last, off, pi)| {
            let p = &lexicon.triggers[pi];
            // after an institution or a role, the word names it, not an event: "لجنة الانتخابات"
            // (the election commission), "مراكز الاقتراع" (polling stations)
            if off == 0 && first > 0 && cx.adjacent(first - 1) && cx.lex.is_institution(cx.word(first - 1)) {
                return false;
            }
            if p.continuation {
                // speech going on: punctuation right after the verb ("وتابع،", "وأضاف:")
                return matches!(cx.char_after(last), Some(',' | ':' | '“' | '"' | '«' | '،'));
            }
            if !p.contextual {
                return true;
            }
            let s = &cx.sentences[cx.words[first].sentence];
            let sent = &cx.text[s.clone()];
            lexicon.types()[p.owner].context.iter().any(|c| sent.contains(c.as_str()))
        })
        .collect();
    cands.sort_by_key(|&(first, last, off, pi)| {
        let p = &lexicon.triggers[pi];
        let bytes = cx.words[last].range.end - (cx.words[first].range.start + off);
        (std::cmp::Reverse(p.words), std::cmp::Reverse(bytes), p.owner, pi, first)
    });
    let mut taken = vec![false; cx.words.len()];
    let mut drafts: Vec<Draft> = Vec::new();
    for (first, last, off, pi) in cands {
        if taken[first..=last].iter().any(|&t| t) {
            continue;
        }
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        drafts.push(Draft {
            first,
            last,
            start_byte: cx.words[first].range.start + off,
            type_idx: Some(lexicon.triggers[pi].owner),
            continuation: lexicon.triggers[pi].continuation,
        });
    }

    // An ambiguous trigger takes its sense from its argument ("فوز المرشح": an election result).
    for d in drafts.iter_mut() {
        d.type_idx = sense_of(&cx, d);
    }
    // A negated event did not happen ("لن يتم نشر عنوان بريدك", "لم تعلق الوزارة"): no mention,
    // and its words make no generic event either.
    drafts.retain(|d| !cx.negated(d.first));
    // A word that names only the kind of an event, in a construct with an event word ("فاجعة
    // الزلازل"، "كارثة الفيضانات"): the event word names the event; the kind makes no mention.
    let starts: std::collections::HashSet<usize> = drafts.iter().map(|d| d.first).collect();
    drafts.retain(|d| {
        let kind = d.type_idx.is_some_and(|t| lexicon.types()[t].names_kind);
        !(kind && d.last + 1 < cx.words.len() && cx.adjacent(d.last) && starts.contains(&(d.last + 1)))
    });

    // 2. Generic events: clauses with a timex and no typed trigger. The content a reporting verb
    // reports ("قال إن …") counts as a clause of its own.
    let complement = reported_complements(&cx, &drafts);
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
            cx.word_timex[wi].is_some_and(|ti| matches!(doc.timexes[ti].kind, TimexType::Date | TimexType::Time))
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
    let mut clause_has_timex = vec![false; cx.clauses.len()];
    for t in &doc.timexes {
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
        if clause_has_typed[ci] || !clause_has_timex[ci] || verb_before_complement[ci] {
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

    // 3. Anchors of event offsets need a mention: make a generic one when no trigger is there.
    for t in &doc.timexes {
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

    drafts.sort_by_key(|d| (d.start_byte, d.last));
    let mut mentions: Vec<EventMention> = drafts.iter().map(|d| build_mention(&cx, d, &taken)).collect();

    // 4. Relations from event offsets and signals; they also block time links.
    let mut relations = Vec::new();
    let mut blockers: Vec<usize> = Vec::new(); // word indices
    let mention_at = |wi: usize, sent: usize| -> Option<usize> {
        drafts.iter().position(|d| cx.words[d.first].sentence == sent && d.first <= wi && d.last >= wi)
    };
    for (ti, t) in doc.timexes.iter().enumerate() {
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
        let a = source_for(&cx, &drafts, b, tw, tsent);
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
        .find(&lexicon.signal_phrases, &lexicon.signal_index, true)
        .into_iter()
        .map(|(first, last, _, pi)| SignalHit { first, last, signal: lexicon.signal_phrases[pi].owner })
        .collect();
    // longest signal at each position; signals never overlap triggers' words
    hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.last)));
    let mut last_end: Option<usize> = None;
    for h in hits {
        if last_end.is_some_and(|e| h.first <= e) || (h.first..=h.last).any(|wi| taken[wi]) {
            continue;
        }
        last_end = Some(h.last);
        let def = &lexicon.signals()[h.signal];
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
        let Some(a) = source_for(&cx, &drafts, b, h.first, sent) else { continue };
        blockers.push(h.first);
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
        let in_sentence = drafts_of_sentence(&cx, &drafts, sent);
        let Some(r) = in_sentence
            .clone()
            .filter(|&i| drafts[i].last < c && drafts[i].type_idx.is_some_and(|ti| lexicon.types()[ti].reports))
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
            let past = d.type_idx.is_some_and(|ti| !lexicon.types()[ti].reports) && (d.first..=d.last).any(|wi| is_perfect_verb(cx.word(wi)) && !cx.lex.is_stopword(cx.word(wi)));
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
    // السبت») and a contrast without a comma («… في حين تعذرت رؤية الهلال»، «بينما») bound the
    // dates of each side the same way.
    for wi in 0..cx.words.len() {
        let w = cx.word(wi);
        let second_complement = w.strip_prefix('و').is_some_and(|rest| COMPLEMENTIZERS[..COORDINATED_COMPLEMENTIZERS].contains(&rest));
        let ahead: Vec<&str> = (wi..(wi + 3).min(cx.words.len())).take_while(|&x| cx.words[x].sentence == cx.words[wi].sentence).map(|x| cx.word(x)).collect();
        if COMPLEMENTIZERS.contains(&w) || second_complement || cx.lex.is_likening(w) || cx.lex.opens_contrast(&ahead) {
            blockers.push(wi);
        }
    }
    blockers.sort_unstable();

    // 5. Time links.
    let mut clause_has_mention = vec![false; cx.clauses.len()];
    for d in &drafts {
        clause_has_mention[cx.words[d.first].clause] = true;
    }
    let fronted = fronted_adjuncts(&cx);
    let links = TimeLinks { blockers: &blockers, clause_has_mention: &clause_has_mention, fronted: &fronted, complement: &complement };
    let mut own_date = vec![false; drafts.len()];
    for (mi, d) in drafts.iter().enumerate() {
        if let Some((ti, own)) = governing_timex(&cx, &drafts, d, &links) {
            mentions[mi].time = Some(ti);
            own_date[mi] = own;
        }
        mentions[mi].until = match mentions[mi].time {
            Some(ti) => range_end(&cx, ti),
            None => lone_until(&cx, &drafts, d),
        };
        mentions[mi].time_is_start = mentions[mi].until.is_none() && mentions[mi].time.is_some_and(|ti| introduced_by_start(&cx, ti));
        mentions[mi].since = since_timex(&cx, &drafts, d);
        mentions[mi].duration = event_duration(&cx, &drafts, d);
    }
    // A report comes after what it reports only if that is past: a date of the reported event's
    // own after the report's day (its own date, else the publication day) says it is to come,
    // whatever its words look like («قررت أن يوم غد الجمعة هو أول أيام العيد»: «أول» is no verb).
    let day_of = |mi: usize| mentions[mi].time.and_then(|ti| cx.doc.timexes.get(ti)).and_then(|t| t.interval.as_ref()).map(|i| i.start.date_naive());
    relations.retain(|r| r.basis != RelationBasis::Reported || day_of(r.target).is_none_or(|day| day <= day_of(r.source).unwrap_or(cx.doc.publication.date)));
    lasting_durations(&cx, &drafts, &mut mentions);
    reactions(&cx, &drafts, &mentions, &mut relations);
    report_roles(&cx, &drafts, &complement, &own_date, &mut mentions);
    outcomes(&cx, &drafts, &mut mentions);
    told_as_past(&cx, &drafts, &complement, &mut mentions);
    let places = doc_places(&cx);
    DocEvents { mentions, relations, places }
}

/// Mark the mentions the text tells as done (see `EventMention::past`): a perfect verb in the
/// trigger, or the object of a report whose verb is in the perfect, before any complementizer
/// (after «أن» the content has a tense of its own) and with no other event between.
fn told_as_past(cx: &Ctx, drafts: &[Draft], complement: &[Option<usize>], mentions: &mut [EventMention]) {
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

/// People's reactions to a sudden event their sentence names ("شعر السكان بهزة أرضية، وهرع
/// بعضهم إلى الشوارع"; "قضت العائلات ليلتها في العراء بسبب الهزات الارتدادية"): a mention of a
/// type that `reacts_to` others, with no date of its own, begins within
/// [`crate::REACTION_WINDOW_SECONDS`] after the nearest mention of one of those types in its
/// sentence (a [`RelationBasis::Reaction`] relation). A news text seldom dates the reaction: it
/// tells it with the shock.
fn reactions(cx: &Ctx, drafts: &[Draft], mentions: &[EventMention], relations: &mut Vec<MentionRelation>) {
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

/// How many words after an announcement its object event may start ("أعلنت الحكومة الليبية اليوم
/// الاثنين حدادا وطنيا": subject and date stand between; the words of a date are not counted, for
/// a date set off by commas may be long: "أعلن رئيس الوزراء، الثلاثاء 24 مارس 2020، عن حظر …").
const OBJECT_REACH: usize = 7;

/// What each reporting mention is to the story. Arabic news cites its sources with reporting
/// verbs ("قال"، "أضاف"، "أوضح"، "أفادت"): such a verb is how the text names where a fact comes
/// from, not an event of the story, unless the statement is itself news. It is, when
/// * an announcement names as its object an event it makes (a measure, a declaration, a result:
///   "أعلنت الحكومة الليبية حدادا وطنيا"): it is that event (one row: the announced mourning),
///   `joins` the object; an event that happened before its announcement (a hack) stays apart;
/// * the text dates the statement in its own clause or an apposition right after it ("قال الرئيس
///   السبت إن …", "قال الرئيس، السبت 6 مايو، إن …", "وفي بيان فجر السبت، أوصت اللجنة …"; a date of
///   the reported content is not the statement's): a dated statement, warning or call is news,
///   unless its verb is in the present ("يقول"، "تؤكد"): that voices a standing position;
/// * it goes on with a statement that is news ("وأضاف:", "وتابع،" with no subject of their own,
///   within a few sentences): the same statement, `joins` it.
///
/// Every other report is an attribution ([`MentionRole::Attribution`]).
fn report_roles(cx: &Ctx, drafts: &[Draft], complement: &[Option<usize>], own_date: &[bool], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    let reports = |d: &Draft| d.type_idx.is_some_and(|ti| types[ti].reports);
    let mut last_report: Option<(usize, usize)> = None; // (sentence, mention)
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
                    let preposition = PREPOSITIONS.contains(&w) && wi + 1 == to && w != "عن";
                    !preposition && !LABEL_STOPS.contains(&w) && !COMPLEMENTIZERS.contains(&w) && !cx.lex.is_since(w)
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
            // the last word an object may start at: OBJECT_REACH words after the verb, the words of
            // dates not counted (found once, not counted again for every candidate)
            let reach_end = (d.last + 1..cx.words.len())
                .take_while(|&wi| cx.words[wi].sentence == sentence)
                .filter(|&wi| cx.word_timex[wi].is_none())
                .nth(OBJECT_REACH - 1)
                .unwrap_or(usize::MAX);
            let in_reach = |o: &Draft| {
                let c = cx.words[o.first].clause;
                let same = cx.words[o.first].sentence == sentence;
                c == clause || (c == clause + 1 && dated_close && same) || (c == clause + 2 && same && date_only(clause + 1))
            };
            // (an object lies in the verb's sentence: see `in_reach`)
            let object = drafts_of_sentence(cx, drafts, sentence).find(|&oi| {
                let o = &drafts[oi];
                o.first > d.last
                    && o.first <= reach_end
                    && o.first < stop
                    && in_reach(o)
                    // an event an announcement makes; or, for a type that is no report, a report:
                    // publishing a statement is issuing it ("صدر عن الديوان بيان")
                    && ((o.type_idx.is_some_and(|t| types[t].declared) && !reports(o)) || (!types[ti].reports && reports(o)))
                    && free(d.last + 1, o.first)
            });
            if let Some(o) = object {
                mentions[mi].joins = Some(o);
                mentions[mi].role = MentionRole::Event;
                if types[ti].reports {
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
            last_report = Some((sentence, mi));
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
        } else if mentions[mi].time.is_some() && own_date[mi] && !present_tense(cx, d) && !bare_report(cx, d, drafts) {
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
        last_report = Some((sentence, mi));
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
        if let Some(r) = before.or_else(after) {
            mentions[mi].joins = Some(r);
            mentions[mi].role = mentions[r].role;
        }
    }
}

/// How many words of a report's content its label takes.
const CONTENT_WORDS: usize = 6;

/// How many words (dates left out) may stand between a reporting verb and the content its label
/// takes: its subject, a source («عن مصدر عسكري»).
const CONTENT_REACH: usize = 10;

/// The first words of what the report of draft `d` says, in the text's words: from its
/// complementizer («أن»، «إن»، left out) or opening quotation, up to [`CONTENT_WORDS`] words in the
/// clause, stopping before a date or a word of circumstance ([`LABEL_STOPS`]); function words left at the end are dropped. None when the
/// report has no content in its sentence.
fn reported_words(cx: &Ctx, d: &Draft, drafts: &[Draft], complement: &[Option<usize>]) -> Option<String> {
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
fn bare_report(cx: &Ctx, d: &Draft, drafts: &[Draft]) -> bool {
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
fn object_after_date(cx: &Ctx, d: &Draft, drafts: &[Draft]) -> Option<usize> {
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
const OUTCOME_REACH: usize = 10;

/// Outcomes ("… فوق مدينة درنة مخلفا قتلى وجرحى"، "أسفرت نتائج الجولة الأولى عن فوزهما"): a mention
/// of an `outcome` type after an outcome word of the lexicon, with no date but the cause's, is part of
/// the event that caused it: the first event between the word and the outcome (the subject of
/// «أسفر»), else the nearest one before the word in its sentence ("مخلفا"). It `joins` that event.
fn outcomes(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    let types = cx.lex.types();
    let kind = |d: &Draft| d.type_idx.map(|t| &types[t]);
    for p in 0..cx.words.len() {
        if !cx.lex.is_outcome_word(cx.word(p)) {
            continue;
        }
        let sent = cx.words[p].sentence;
        let Some(o) = drafts.iter().position(|d| {
            d.first > p && d.first <= p + OUTCOME_REACH && cx.words[d.first].sentence == sent && kind(d).is_some_and(|t| t.outcome)
        }) else {
            continue;
        };
        if mentions[o].joins.is_some() {
            continue;
        }
        let cause_kind = |d: &Draft| kind(d).is_some_and(|t| !t.outcome && !t.reports);
        let subject = drafts.iter().position(|d| d.first > p && d.last < drafts[o].first && cause_kind(d));
        let before = || drafts.iter().enumerate().filter(|(_, d)| d.last < p && cx.words[d.first].sentence == sent && cause_kind(d)).max_by_key(|(_, d)| d.last).map(|(i, _)| i);
        // with no date of its own, or the cause's
        if let Some(c) = subject.or_else(before).filter(|&c| mentions[o].time.is_none() || mentions[o].time == mentions[c].time) {
            mentions[o].joins = Some(c);
        }
    }
}

/// Relative pronouns (normalised): the clause they open describes the noun before them.
const RELATIVE_PRONOUNS: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللذان", "اللتان"];

/// A report named as the medium of another: a statement noun after «في» or «عبر», or with «ب»
/// attached ("في بيان", "ببيان").
fn is_medium(cx: &Ctx, d: &Draft) -> bool {
    let w = cx.word(d.first);
    let prefixed = d.start_byte > cx.words[d.first].range.start && without_conjunction(w).starts_with('ب');
    let prev = |wi: usize| cx.word(wi).strip_prefix('و').unwrap_or(cx.word(wi));
    let after_preposition = d.first > 0 && cx.adjacent(d.first - 1) && matches!(prev(d.first - 1), "في" | "عبر");
    prefixed || after_preposition
}

/// A reporting verb in the present ("يقول"، "تؤكد"، "وتقول": the imperfect prefix ي, or ت on a
/// four-letter form; nouns such as "تصريح"، "تحذير" are longer) or in the future ("سيقولون").
fn present_tense(cx: &Ctx, d: &Draft) -> bool {
    let w = without_conjunction(cx.word(d.first));
    // the future ("سيقولون"، "ستعلن") says nothing has been said yet
    let future = w.strip_prefix('س').is_some_and(|r| r.starts_with(['ي', 'ت', 'ن']) && r.chars().count() >= 4);
    future || w.starts_with('ي') || (w.starts_with('ت') && w.chars().count() == 4)
}

/// The places the text names, counted by zone.
fn doc_places(cx: &Ctx) -> Vec<(String, usize)> {
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

/// Whether the timex starting at word `tf` is introduced by «منذ» (the word before it, or its own
/// first word).
fn introduced_by_since(cx: &Ctx, tf: usize) -> bool {
    since_word(cx, tf).is_some()
}

/// Whether the timex starting at word `tf` is introduced by «حتى» / «لغاية» (until): the end of a
/// state, not the date of an event.
fn introduced_by_until(cx: &Ctx, tf: usize) -> bool {
    let until = |w: &str| matches!(w.strip_prefix('و').unwrap_or(w), "حتي" | "لغايه");
    // «إلى غاية X» (Maghreb press: "تواصلت إلى غاية 27 جانفي") is «لغاية X»
    let to_the_end = |wi: usize| wi > 0 && cx.word(wi) == "غايه" && cx.adjacent(wi - 1) && matches!(cx.word(wi - 1).strip_prefix('و').unwrap_or(cx.word(wi - 1)), "الي");
    until(cx.word(tf)) || (tf > 0 && cx.adjacent(tf - 1) && (until(cx.word(tf - 1)) || to_the_end(tf - 1))) || to_the_end(tf)
}

/// Adverbials that, before «من», make the date after them when something begins («بدءا من مساء
/// السبت»، «ابتداء من الغد»، «اعتبارا من يوم الأحد»، «بداية من الشهر المقبل»), normalised; the
/// press of every region uses them for measures that take effect and last.
const START_ADVERBIALS: &[&str] = &["بدءا", "ابتداء", "اعتبارا", "بدايه"];

/// Whether timex `ti` is introduced by a start adverbial and «من» ([`START_ADVERBIALS`]): the
/// event it dates begins then, and its end is not bounded by it.
fn introduced_by_start(cx: &Ctx, ti: usize) -> bool {
    let t = &cx.doc.timexes[ti];
    let tf = cx.words.partition_point(|x| x.range.end <= t.byte_range.start);
    let bare = |wi: usize| cx.word(wi).strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(cx.word(wi));
    // «من» is the date's own first word or the word before it
    let min = if tf < cx.words.len() && cx.word(tf) == "من" { tf } else if tf > 0 && cx.word(tf - 1) == "من" && cx.adjacent(tf - 1) { tf - 1 } else { return false };
    min > 0 && cx.adjacent(min - 1) && START_ADVERBIALS.contains(&bare(min - 1))
}

/// How many words after a trigger a lone «حتى X» may stand and still bound its end ("فرض حظر
/// تجول في المدينة حتى مساء الإثنين").
const UNTIL_GAP: usize = 4;

/// A time the event of draft `d` lasts until, when its clause gives it one and no date of its own:
/// «حتى X» / «لغاية X» / «إلى غاية X» at most [`UNTIL_GAP`] words after the trigger, with no other
/// trigger between. A present «حتى الآن»، «حتى اليوم» says the event still goes on, not that it
/// ends then, and a count after the time makes it a tally "as of" then: none.
fn lone_until(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
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
const RANGE_OPENERS: &[&str] = &["من"];

/// Words that join the start of a range to its end («من X حتى Y», «من X إلى Y», «من X ولغاية Y»),
/// normalised, a conjunction و allowed.
const RANGE_JOINERS: &[&str] = &["حتي", "الي", "لغايه", "لحين"];

/// The end of a range whose start is the timex `ti`: «من/بين X حتى/إلى/لغاية Y» or «بين X وY»,
/// with X and Y both dates or times and nothing but the joining word (and a comma) between them ("من الساعة الثامنة من صباح
/// الأربعاء وحتى الساعة التاسعة من صباح الخميس"، "من السابعة مساء حتى السادسة صباحا").
fn range_end(cx: &Ctx, ti: usize) -> Option<usize> {
    let t = &cx.doc.timexes[ti];
    if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.interval.is_none() {
        return None;
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

/// How many words before a date «منذ» may open the phrase the date ends ("منذ بدء تسجيل البيانات
/// المناخية في عام 1949").
const SINCE_REACH: usize = 6;

/// How many words may stand between the end of a «منذ» date and an event after it that takes it: the event
/// right after a fronted «منذ» phrase ("منذ الصباح تتواصل عمليات الإنقاذ").
const SINCE_AFTER_REACH: usize = 3;

/// The word «منذ» that opens the phrase a date at word `tf` belongs to: the date's own first word,
/// or a word at most [`SINCE_REACH`] before it in its clause with no other date between.
fn since_word(cx: &Ctx, tf: usize) -> Option<usize> {
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
fn since_timex(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
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

/// How many words before «منذ» a phrase of a first time still makes it a comparison: the relative
/// clause a first time takes ("المرة الأولى التي تصل فيها طائرة سعودية إلى المطار منذ 12 عاما").
const FIRST_TIME_REACH: usize = 12;

/// Whether "the first time" ("المرة الأولى", "لأول مرة") stands before «منذ» at word `at` in its
/// clause, at most [`FIRST_TIME_REACH`] words before it: what follows «منذ» is what the event is
/// compared with, no time of it.
fn first_time_before(cx: &Ctx, at: usize) -> bool {
    let clause = cx.words[at].clause;
    (at.saturating_sub(FIRST_TIME_REACH)..at).any(|wi| {
        wi + 1 < at && cx.words[wi].clause == clause && cx.adjacent(wi) && cx.lex.is_first_time(cx.word(wi), cx.word(wi + 1))
    })
}

/// Durations stated with a verb or phrase of lasting ("واستمرت 36 ساعة", "على مدى يومين", "لمدة
/// ثلاثة أيام") further from the event than [`DURATION_GAP`] words: they belong to the nearest
/// event before them in the sentence that is not a report and has no duration yet.
fn lasting_durations(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
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
        if !lasting || compared {
            continue;
        }
        let sent = cx.words[tf].sentence;
        let owner = drafts_of_sentence(cx, drafts, sent)
            .filter(|&i| drafts[i].last < tf)
            .max_by_key(|&i| drafts[i].last);
        if let Some(i) = owner {
            if mentions[i].duration.is_none() && !mentions[i].reports {
                mentions[i].duration = Some(ti);
            }
        }
    }
}

/// How many sentences a subject-less report may stand after the report it continues.
const CONTINUATION_SENTENCES: usize = 3;

/// How many words may stand between a trigger and its duration ("الحداد الوطني لمدة ثلاثة أيام").
const DURATION_GAP: usize = 3;

/// The words right after the trigger of draft `d` that may still qualify it: at most `gap` words
/// between (so `gap + 1` words), in its clause, up to the next trigger.
fn words_after_trigger<'c>(cx: &'c Ctx, drafts: &'c [Draft], d: &Draft, gap: usize) -> impl Iterator<Item = usize> + 'c {
    let clause = cx.words[d.last].clause;
    // (drafts are in text order: the one starting at a word is found by bisection)
    let starts_at = move |wi: usize| drafts.get(drafts.partition_point(|o| o.first < wi)).is_some_and(|o| o.first == wi);
    (d.last + 1..(d.last + 2 + gap).min(cx.words.len())).take_while(move |&wi| cx.words[wi].clause == clause && !starts_at(wi))
}

/// The duration a mention's own clause gives it: a DURATION timex (not an event offset, not
/// "ago") starting at most [`DURATION_GAP`] words after the trigger, with no other trigger or
/// timex in between ("حداد وطني دام أربعة أيام", "الحداد ثلاثة أيام").
fn event_duration(cx: &Ctx, drafts: &[Draft], d: &Draft) -> Option<usize> {
    for wi in words_after_trigger(cx, drafts, d, DURATION_GAP) {
        // a superlative before the duration makes it the span of a comparison ("موجة طقس هي
        // الأعنف خلال أكثر من سبعة عقود"), as it does for «منذ»: no length of the event
        if cx.word_timex[wi].is_none() && cx.lex.is_comparison(cx.word(wi)) {
            return None;
        }
        if let Some(ti) = cx.word_timex[wi] {
            let t = &cx.doc.timexes[ti];
            let own = t.kind == TimexType::Duration && t.event_offset.is_none() && t.duration_seconds.is_some() && !introduced_by_since(cx, wi);
            return own.then_some(ti);
        }
    }
    None
}

/// The other end of a relation whose introduced event is `b`, around position `at` (a signal or
/// an offset timex): the nearest mention ending before `at` in the sentence, else the first
/// mention after `b` in a later clause of the sentence (else any later one), preferring a
/// mention of another type than `b`.
fn source_for(cx: &Ctx, drafts: &[Draft], b: usize, at: usize, sent: usize) -> Option<usize> {
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

/// Words that open a fronted adverbial phrase ("وفي بيان فجر السبت، أوصت اللجنة …", "مساء الجمعة،
/// أعلن …"): prepositions and time nouns, after a conjunction و/ف.
const ADJUNCT_OPENERS: &[&str] = &[
    "في", "خلال", "منذ", "بعد", "قبل", "عند", "مع", "يوم", "صباح", "مساء", "ليل", "ليلة", "فجر", "ظهر", "عشية", "غداة", "بعيد", "قبيل",
];

/// How many words after a trigger a complement of it may start ("الجولة الثانية من الانتخابات").
const COMPLEMENT_GAP: usize = 2;

/// The longest fronted adjunct, in words: longer stretches before a comma are clauses of their own.
const ADJUNCT_MAX_WORDS: usize = 6;

/// For each clause: is it a fronted adverbial adjunct of the clause after it? Arabic news fronts
/// time and circumstance before the verb and sets them off with a comma ("وفي بيان فجر السبت،
/// أوصت اللجنة"): such a short clause, opened by a preposition or a time noun and followed by
/// another clause of the same sentence, dates the verb that follows.
fn fronted_adjuncts(cx: &Ctx) -> Vec<bool> {
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

/// Conjunctions that open a clause of their own after a comma ("إذ تظهر أحدث الاستطلاعات …",
/// "بينما", "حيث"), normalised.
const CLAUSE_CONJUNCTIONS: &[&str] = &["اذ", "حيث", "بينما", "فيما", "لكن", "غير"];

/// Whether a clause whose first word is `w` is a new clause coordinated with or subordinated to the
/// one before: it opens with the conjunction و (not a root letter) or with «إذ»، «حيث»، «بينما» …
fn opens_with_conjunction(w: &str) -> bool {
    (w.starts_with('و') && without_conjunction(w) != w) || CLAUSE_CONJUNCTIONS.contains(&w)
}

/// The drafts whose first word lies in sentence `sentence` (drafts are in text order): what a
/// search for a mention's neighbours in its sentence needs to look at, so that a long document
/// stays linear.
fn drafts_of_sentence(cx: &Ctx, drafts: &[Draft], sentence: usize) -> Range<usize> {
    drafts.partition_point(|d| cx.words[d.first].sentence < sentence)..drafts.partition_point(|d| cx.words[d.first].sentence <= sentence)
}

/// What the time linker needs besides the mentions: where event offsets block links, which
/// clauses have a mention, and which are fronted adjuncts of the next clause.
#[derive(Clone, Copy)]
struct TimeLinks<'a> {
    blockers: &'a [usize],
    clause_has_mention: &'a [bool],
    fronted: &'a [bool],
    /// per clause: where the content a reporting mention reports begins
    complement: &'a [Option<usize>],
}

/// How many words before an event a noun naming its date («موعد») may stand: «موعد حلول العيد».
const DATE_OF_REACH: usize = 2;

/// How many words farther than a day or a time a bare year may stand and still date a mention
/// before it (in units of the link score: two per word).
const YEAR_PENALTY: usize = 8;

/// The DATE/TIME expression that dates a mention, and whether it is the mention's own: in its clause
/// (or a fronted adjunct of it), or opening the clause right after it, set off by a comma ("قال
/// الرئيس، السبت 6 مايو، إن …"), rather than elsewhere in the sentence.
fn governing_timex(cx: &Ctx, drafts: &[Draft], d: &Draft, links: &TimeLinks) -> Option<(usize, bool)> {
    let TimeLinks { blockers, clause_has_mention, fronted, complement } = *links;
    let w = &cx.words[d.first];
    let said_before = complement[cx.clauses_of_sentence(w.sentence)].iter().flatten().copied().filter(|&c| cx.words[c].sentence == w.sentence && c < d.first).max();
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
        // «عن موعد حلول عيد الفطر»: the event after a noun naming its date is the topic of what is
        // set or announced; a date before that noun is the setting's
        // «أعلنت القوات، اليوم الأربعاء، موافقتها على هدنة»: likewise the event after a noun of
        // stance is what is agreed or intended; a date before that noun is the stance's
        if tl < d.first && (d.first.saturating_sub(DATE_OF_REACH)..d.first).any(|x| x > tl && (cx.lex.is_date_of(cx.word(x)) || cx.lex.is_stance(cx.word(x)))) {
            continue;
        }
        // a clause opening with the conjunction و is a new coordinated clause: a date in a clause
        // before it belongs to what was said before ("فترة الصمت الانتخابي، السبت والأحد، ونشرت
        // بيانات …": the weekend is the silence's, not the leak's)
        let coordinated = tl < d.first && tw.clause < w.clause && {
            let first = cx.words[..=d.first].iter().rposition(|x| x.clause != w.clause).map_or(0, |p| p + 1);
            opens_with_conjunction(cx.word(first))
        };
        let tier = if tw.clause == w.clause || (tw.clause + 1 == w.clause && fronted[tw.clause]) {
            0
        } else if !clause_has_mention[tw.clause] && !coordinated {
            1000
        } else {
            continue;
        };
        let (lo, hi, score) = if tf > d.last {
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
        // A date after two events of one kind belongs to the nearer ("في الجولة الثانية … نتائج
        // الجولة الأولى في 23 أبريل"): the farther one is not dated by it. A mention right after
        // the trigger is its complement ("الجولة الثانية من الانتخابات الأحد"), not a rival.
        if d.type_idx.is_some() && between().any(|o| o.type_idx == d.type_idx && o.first > d.last + COMPLEMENT_GAP) {
            continue;
        }
        // a bare year names which one the event is ("عيد الفطر لهذا العام 1444هـ"، "انتخابات 2023")
        // more than when it happens: a day or a time in reach dates it before the year does
        let year_only = t.value.trim_start_matches('H').len() == 4 && t.value.trim_start_matches('H').bytes().all(|b| b.is_ascii_digit());
        let score = tier + score + 4 * between().count() + if year_only { YEAR_PENALTY } else { 0 };
        let own = tier == 0 || (tw.clause == w.clause + 1 && (tf == 0 || cx.words[tf - 1].clause != tw.clause));
        if best.is_none_or(|(s, _, _)| score < s) {
            best = Some((score, ti, own));
        }
    }
    best.map(|(_, ti, own)| (ti, own))
}

fn build_mention(cx: &Ctx, d: &Draft, taken: &[bool]) -> EventMention {
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
    let mut keywords: Vec<String> = near.iter().take(MAX_KEYWORDS).map(|&(_, wi)| light_stem(cx.word(wi))).collect();
    keywords.sort();
    keywords.dedup();
    let (event_type, strict, same_day, group, open, state, period_part) = match d.type_idx {
        Some(i) => {
            let t = &lex.types()[i];
            (t.name.clone(), t.strict_merge, t.same_day_merge, t.group.clone(), t.open_extent, t.state_extent, t.period_part.clone())
        }
        None => (GENERIC.to_string(), true, false, GENERIC.to_string(), false, false, String::new()),
    };
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
        }
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
        merge_group: group,
        distinct,
        open_extent: open,
        state_extent: state,
        period_part,
        zone: if reports { String::new() } else { place_zone(cx, d) },
        begun_by,
        ended_by,
        role: MentionRole::Event,
        joins: None,
        since: None,
        reports,
        past: false,
    }
}

/// The label's text from `start` to `end` (original code points), quotation marks dropped; a date
/// set off by commas inside the trigger («أغلقت، أمس الاثنين، صناديق الاقتراع») is left out of it.
fn label_text(cx: &Ctx, d: &Draft, start: usize, end: usize) -> String {
    let clean = |t: String| t.replace(['"', '“', '”', '«', '»', '،', ','], " ").split_whitespace().collect::<Vec<_>>().join(" ");
    let inner_date = (d.first + 1..d.last).find(|&wi| cx.word_timex[wi].is_some());
    match inner_date.and_then(|wi| (wi..=d.last).find(|&x| cx.word_timex[x].is_none())) {
        Some(resume) => {
            let (_, verb_end) = cx.span(cx.words[d.first].range.clone());
            let (resume_start, _) = cx.span(cx.words[resume].range.clone());
            format!("{} {}", clean(cx.orig(start, verb_end)), clean(cx.orig(resume_start, end)))
        }
        None => cx.orig(start, end).replace(['"', '“', '”', '«', '»'], "").split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A label whose trigger followed the preposition ل on a word with the article, which Arabic spells
/// «لل» («للانتخابات»، «للإعلان»، «للبحث»): the normalised text restores the article («لالانتخابات»)
/// and the stem begins with it, but in the original the article's alif is gone and the label reads
/// as a fragment ("لانتخابات"); it takes the alif back ("الانتخابات").
fn with_article_restored(cx: &Ctx, d: &Draft, label: String) -> String {
    let article_in_text = cx.text[d.start_byte..].starts_with("ال") && d.start_byte > cx.words[d.first].range.start;
    if article_in_text && label.starts_with('ل') && !label.starts_with("ال") {
        format!("ا{label}")
    } else {
        label
    }
}

/// How many words after the trigger a label may take.
const LABEL_WORDS: usize = 4;

/// Words (normalised) a label never reaches: what follows them is no argument of the event but a
/// relative clause, a circumstance or another clause.
const LABEL_STOPS: &[&str] = &[
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "ما", "بعد", "قبل", "منذ", "خلال", "حتي", "اثر", "عقب", "اثناء", "عند",
    "بسبب", "جراء", "نتيجه", "وسط", "حيث", "اذ", "كما", "لكن", "بينما", "فيما", "ضمن", "وذلك", "ذلك", "هذا", "هذه", "وفق", "وفقا", "حسب",
];

/// Words that, after «من», make a partitive («من بينهم 34 امرأة»: among them): it describes the
/// people of the event, not the event.
const PARTITIVES: &[&str] = &["بينهم", "بينها", "بين", "ضمنهم", "ضمنها"];

/// Prepositions standing as words of their own (normalised).
const PREPOSITIONS: &[&str] = &["في", "علي", "الي", "من", "عن", "مع", "لدي", "نحو", "ضد", "عبر"];

/// The last word of a mention's label: the trigger with its argument in the text's words, up to
/// [`LABEL_WORDS`] words after it in its clause ("أغلقت السلطات الليبية 4 موانئ", "انهيار سدي
/// وادي درنة"), stopping at punctuation, a date, a complementizer or relative pronoun, a word of
/// circumstance or another event's trigger; function words left at the end are dropped.
/// How many words of another event a label may take after a preposition that ends it.
const OBJECT_LABEL_WORDS: usize = 3;

fn label_words(cx: &Ctx, d: &Draft, taken: &[bool]) -> usize {
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
    while last > d.last {
        let w = cx.word(last);
        // a number without the noun it counts is no argument ("لتسجيل 205"): a label never ends on one
        let number = w.chars().any(|c| c.is_ascii_digit());
        let function = cx.word_timex[last].is_none() && (cx.lex.is_stopword(w) || w.chars().count() < 2 || cx.lex.is_lasting(w) || number);
        if !function {
            break;
        }
        last -= 1;
    }
    last
}

/// Whether a word of a multi-word trigger is a content word (gap words and particles are not
/// part of the head).
fn trigger_word(cx: &Ctx, wi: usize) -> bool {
    !cx.lex.is_stopword(cx.word(wi)) && strip_article(cx.word(wi)).chars().count() >= 2
}
