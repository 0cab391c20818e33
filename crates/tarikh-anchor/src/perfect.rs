//! A perfect verb opening a clause, recognised by its form.
//!
//! News reports what happened: a clause that opens with a perfect verb in verb-subject order
//! («ضربت عاصفة قوية السواحل يوم الجمعة»، «تظاهروا أمام البرلمان الخميس») tells the past, so a bare
//! weekday in it is the one just gone (not a month named alone: «توقعت الأرصاد أمطارا غزيرة في
//! مارس» names a coming March). The grammar's `[cues]` table lists the common perfect verbs;
//! this module recognises the ones it does not list by the shapes a noun or an imperfect verb never
//! takes, and is read only where no other cue decided the tense.
//!
//! The shapes (on normalised text: أ/إ → ا, ة → ه):
//! - the feminine perfect in ـت on a stem of three letters or more (ضربت، اختتمت، تظاهرت), not a
//!   plural in ـات, nor a word in ـوت/ـيت (بيروت، الكويت), nor a تـ word of four letters (تثبت is
//!   also an imperfect);
//! - the masculine plural in ـوا with no imperfect prefix (خرجوا، تظاهروا);
//! - the derived forms VII, VIII and X, which an imperfect or a verbal noun never share: انفعل،
//!   افتعل (افطعل، افدعل)، استفعل, with no long vowel inside (not انفجار، اقتصاد، استقرار), and
//!   form VIII of a doubled root, four letters written (امتد، احتل، اشتد، اهتز; not «أنتم»).
//!
//! A bare three-letter form (ضرب، غرق) cannot be told from a noun by its shape: the common ones are
//! listed in the cue table; those a noun or a name shares (حكم، خرج، حكمت), which the cue table
//! would read anywhere («خرج الناس … قبل عيد الاستقلال»), are in the word table `opening_perfects`
//! and count only here, opening the clause («حكمت المحكمة على المتهم … الخميس»). Never a word in ال, يـ or نـ (imperfect), سيـ/ستـ (future), nor a word
//! followed by «-» or «(»: a dateline («بودابست - …»).

use crate::document::WordsBefore;
use std::ops::Range;
use tarikh_grammar::Grammar;

/// The word table (`[cues.tables]` of data/grammar/ar/cues.toml) of the perfect verbs that a noun
/// or a name shares (حكم «a ruling»، خرج، حكمت «Hikmat»): a perfect only where it opens the clause.
pub(crate) const OPENING_PERFECTS: &str = "opening_perfects";

/// The name of the word table of hollow, doubled and defective perfects («انهار»، «دوت»، «ساد»)
/// and of forms VI and X a verbal noun shares («تعادل»، «استأنف»): perfects only where they open
/// the clause, as `opening_perfects` are, but no sign of a past clause anywhere else (a causal or
/// relative clause: «تعليق الدراسة حتى الأحد بسبب موجة برد عمت البلاد» still announces ahead).
pub(crate) const CLAUSE_OPENING_PERFECTS: &str = "clause_opening_perfects";

/// Is `word` (normalised, bare) in either table of perfects that count only opening a clause?
fn opens_as_perfect(grammar: &Grammar, word: &str) -> bool {
    [OPENING_PERFECTS, CLAUSE_OPENING_PERFECTS].iter().any(|t| grammar.word_table(t).is_some_and(|t| t.contains(word)))
}

/// Words of the shapes above that are no perfect verbs: nouns, names, particles.
const NOT_PERFECT: &[&str] = &[
    "ليست", "لست", "مازالت", "لازالت", "مادامت", "مازلت", "لازلت", "انترنت", "بودابست", "بوخارست", "بريكست", "ايفرست",
    "انتم", "انتن", "مدحت", "عصمت", "حكمت", "بهجت", "شوكت", "ميرفت", "مرفت", "نشات", "طلعت", "سانت", "ماركت", "سوبرماركت", "اسطبل", "انجلز",
];

/// Words that may come before the verb at the start of a clause («ثم أغلقت …»، «كما خرجوا …»).
const OPENERS: &[&str] = &["ثم", "كما", "وكما", "قد", "وقد", "فقد", "لقد", "ولقد"];

/// Complementisers and relative pronouns: what follows them is a clause of its own.
const CLAUSE_OPENERS: &[&str] = &["ان", "بان", "لان", "وان", "الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي"];

/// Nouns of a date set or chosen («حددت المحكمة موعدا للنطق بالحكم الخميس»): the day is the
/// thing's, still to come, not the verb's.
const SCHEDULE_NOUNS: &[&str] = &["موعد", "موعدا", "موعده", "موعدها", "مواعيد", "تاريخ", "تاريخا"];

/// Perfect verbs of preparing, awaiting or setting a date: what they look to lies ahead of them («استعد هولاند
/// لمغادرة الإليزيه مساء الأحد»، «حددت الوزارة يوم السبت عطلة رسمية»).
const AHEAD_PERFECTS: &[&str] = &["استعد", "استعدت", "استعدوا", "تاهب", "تاهبت", "تاهبوا", "تحضرت", "تحضروا", "ترقب", "ترقبت", "ترقبوا", "انتظرت", "انتظروا", "انتظر", "حددت", "حددوا", "عينت", "عينوا", "اختارت", "اختاروا"];

/// Does `word` (normalised, proclitics و/ف off) have a shape only a perfect verb takes?
pub(crate) fn looks_perfect(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let n = letters.len();
    if n < 4 || !letters.iter().all(|c| ('\u{0621}'..='\u{064A}').contains(c)) || NOT_PERFECT.contains(&word) || AHEAD_PERFECTS.contains(&word) {
        return false;
    }
    if word.starts_with("ال") || word.starts_with('ي') || word.starts_with('ن') || word.starts_with("سي") || word.starts_with("ست") || word.starts_with("سن") {
        return false;
    }
    let first = letters[0];
    // feminine perfect: ضربت، اختتمت، تظاهرت
    if word.ends_with('ت') {
        if word.ends_with("ات") || word.ends_with("وت") || word.ends_with("يت") {
            return false;
        }
        return if first == 'ت' { n >= 5 } else { true };
    }
    // masculine plural: خرجوا، تظاهروا
    if word.ends_with("وا") {
        if word.ends_with("اوا") {
            return false;
        }
        // (a تـ plural of form V or VI, تمكنوا، تظاهروا, not an imperfect of a hollow verb, تقولوا)
        return if first == 'ت' { n >= 6 && !letters[1..n - 2].iter().any(|c| matches!(c, 'و' | 'ي')) } else { n >= 5 };
    }
    // forms VII, VIII, X: انفجر، اقتحم، اصطدم، استهدف — no long vowel inside, no ـه (ة) at the end
    if first == 'ا' && letters[n - 1] != 'ه' && letters[1..].iter().all(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ئ' | 'ؤ')) {
        return match n {
            // (a doubled root's form VIII, its last two letters one: امتد، احتل، اشتد، اهتز)
            4 => letters[2] == 'ت',
            5 => letters[1] == 'ن' || matches!(letters[2], 'ت' | 'ط' | 'د'),
            6 => word.starts_with("است"),
            _ => false,
        };
    }
    false
}

/// Is `word` (normalised, as written or with proclitics off), right after `previous`, a perfect verb with an object
/// pronoun opening a relative clause («الذي فرضته السلطات»، «التي اتخذتها الحكومة»، «الذي
/// أعلنه الوزير»)? After a relative pronoun a word in ـه / ـها / ـهم / ـهما / ـهن whose stem has
/// a perfect's shape or is a past verb of the cue table is the clause's verb: what it did is done.
pub(crate) fn relative_perfect(grammar: &Grammar, previous: Option<&str>, word: &str) -> bool {
    if !previous.is_some_and(|p| CLAUSE_OPENERS[4..].contains(&crate::document::bare(p))) {
        return false;
    }
    ["هما", "هم", "هن", "ها", "ه"].iter().filter_map(|p| word.strip_suffix(p)).any(|stem| {
        stem.chars().nth(2).is_some()
            && !stem.starts_with("ال")
            && (looks_perfect(stem) || matches!(grammar.cue(stem), Some(tarikh_grammar::Direction::Past)) || opens_as_perfect(grammar, stem))
    })
}

/// The perfect verb, not in the cue table, that opens the clause or the sentence holding a bare
/// day at `at` («اختتمت يوم الخميس فعاليات المعرض»), if there is one within twelve words before it,
/// with no complementiser, relative pronoun, imperfect or future verb between them. `before` are
/// the words before the day back to its sentence's start, `clause_words` the clause's in text
/// order; the caller has made sure the day is bare ([`crate::document::bare_day`]).
pub(crate) fn opening_perfect<'t>(
    grammar: &Grammar,
    text: &'t str,
    before: &WordsBefore<'t>,
    clause_words: &[&'t str],
    clause: Range<usize>,
    sentence: Range<usize>,
    at: Range<usize>,
) -> Option<&'t str> {
    // The sentence's first verb only for a day that opens a clause of its own («تظاهر الآلاف،
    // وفق الشرطة، يوم الجمعة»): a clause with words of its own before the day («واستعد هولاند
    // لمغادرة الإليزيه، في نهاية ولايته مساء الأحد») may date something else than the verb.
    let whole_sentence = sentence.start < clause.start && clause_words.is_empty();
    let sentence_words = if whole_sentence { before.in_order_from(sentence.start.min(at.start)) } else { Vec::new() };
    let starts: &[&[&'t str]] = if whole_sentence { &[clause_words, &sentence_words] } else { &[clause_words] };
    for &ws in starts {
        let skip = ws.iter().take_while(|w| OPENERS.contains(w)).count();
        let Some(&verb) = ws.get(skip) else { continue };
        let verb_at = verb.as_ptr() as usize - text.as_ptr() as usize;
        let between = &ws[skip + 1..];
        if between.len() > 11 {
            continue;
        }
        let bare = crate::document::bare(verb);
        // (a root's own ف or و is no proclitic: «فتحت»، «وصلت», whose bare form «تحت» is a noun)
        let written_perfect = bare.len() < verb.len() && bare.chars().count() < 4 && looks_perfect(verb);
        if !(looks_perfect(bare) || written_perfect || opens_as_perfect(grammar, bare)) {
            continue;
        }
        // a dateline: «بودابست - …», «… (رويترز)»
        let after = text[verb_at + verb.len()..].trim_start_matches(' ');
        if after.starts_with('-') || after.starts_with('(') || after.starts_with('–') {
            continue;
        }
        let blocked = between.iter().any(|w| {
            let b = crate::document::bare(w);
            CLAUSE_OPENERS.contains(w) || CLAUSE_OPENERS.contains(&b) || SCHEDULE_NOUNS.contains(&b) || crate::document::looks_imperfect(b) || crate::document::is_future_verb(b)
        });
        if blocked {
            return None;
        }
        return Some(verb);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_shapes() {
        for w in ["ضربت", "غرقت", "اختتمت", "تظاهرت", "تمكنت", "خرجوا", "تظاهروا", "احتجوا", "اختتم", "اقتحم", "انفجر", "استهدف", "اصطدم", "انسحب", "ازدحم", "امتد", "احتل", "اشتد", "اهتز", "استمر"] {
            assert!(looks_perfect(w), "{w} is a perfect verb");
        }
    }

    #[test]
    fn not_perfect_shapes() {
        for w in [
            // nouns and names in ت, plurals in ات
            "وقت", "بيت", "صوت", "تحت", "بيروت", "الكويت", "قوات", "سلطات", "انترنت", "ليست", "مازالت", "حكمت",
            // imperfect and future verbs
            "تشهد", "تثبت", "يضربون", "يخرجوا", "تقولوا", "ستضرب", "سيخرجوا",
            // verbal nouns and other nouns in ا
            "انفجار", "اقتصاد", "استقرار", "اجتماع", "امريكا", "اسبوع", "اكتوبر", "اعلان", "اكثر", "انقره",
            // bare three-letter forms and form IV: left to the cue table
            "ضرب", "غرق", "اغلق", "الجمعه",
            // four letters in ا that are no doubled form VIII: a pronoun, elatives, form IV
            "انتم", "اكثر", "اخطر", "احدث", "اقدم", "انسب",
        ] {
            assert!(!looks_perfect(w), "{w} is not a perfect verb by its shape");
        }
    }

    fn opening(sentence: &str, day: &str) -> Option<String> {
        let n = tarikh_text::Normalised::new(sentence);
        let text = n.as_str();
        let day = tarikh_text::normalise(day);
        let at = text.find(&day).unwrap();
        opening_in(text, 0, at, at + day.len()).map(str::to_string)
    }

    /// [`opening_perfect`] of a bare day at `at..end` of `text`, in a clause from `clause` to the
    /// end (None when the day is not bare, as the caller's check gives).
    fn opening_in(text: &str, clause: usize, at: usize, end: usize) -> Option<&str> {
        if !crate::document::bare_day(text, at..end) {
            return None;
        }
        let before = WordsBefore::new(text, 0, at);
        let clause_words = before.in_order_from(clause.min(at));
        let grammar = Grammar::embedded().expect("grammar");
        opening_perfect(&grammar, text, &before, &clause_words, clause..text.len(), 0..text.len(), at..end)
    }

    #[test]
    fn a_perfect_verb_opening_the_clause() {
        assert_eq!(opening("وتظاهرت حشود كبيرة في العاصمة يوم الجمعة", "يوم الجمعة").as_deref(), Some("وتظاهرت"));
        assert_eq!(opening("ثم اقتحمت القوات المبنى يوم السبت", "يوم السبت").as_deref(), Some("اقتحمت"));
        assert_eq!(opening("وخرجوا إلى الشوارع الخميس", "الخميس").as_deref(), Some("وخرجوا"));
        // a day that opens a clause of its own: the sentence's verb
        let n = tarikh_text::Normalised::new("تظاهرت حشود، وفق الشرطة، يوم الجمعة");
        let text = n.as_str();
        let at = text.find("يوم").unwrap();
        assert_eq!(opening_in(text, at, at, text.len()), Some("تظاهرت"));
        let n = tarikh_text::Normalised::new("تظاهرت حشود، وسط العاصمة يوم الجمعة");
        let text = n.as_str();
        let (clause, at) = (text.find("وسط").unwrap(), text.find("يوم").unwrap());
        assert_eq!(opening_in(text, clause, at, text.len()), None);
    }

    #[test]
    fn no_perfect_verb_opening_the_clause() {
        // a noun first, an imperfect first, a dateline, a complementiser, an imperfect between
        assert_eq!(opening("وقت الزيارة يوم الجمعة", "يوم الجمعة"), None);
        assert_eq!(opening("تشهد المدينة مهرجانا يوم الجمعة", "يوم الجمعة"), None);
        assert_eq!(opening("بودابست - يجتمع الوزراء يوم الجمعة", "يوم الجمعة"), None);
        assert_eq!(opening("تمكنت الشرطة من معرفة أن اللقاء يوم الجمعة", "يوم الجمعة"), None);
        assert_eq!(opening("اتفقت الأطراف على جولة ستعقد يوم الجمعة", "يوم الجمعة"), None);
        assert_eq!(opening("واستعد الرئيس لمغادرة القصر مساء الأحد", "مساء الأحد"), None);
        assert_eq!(opening("حددت المحكمة موعدا للنطق بالحكم يوم الخميس", "يوم الخميس"), None);
        // not a bare day
        assert_eq!(opening("ضربت العاصفة المدينة في مارس", "مارس"), None);
    }

    #[test]
    fn a_perfect_with_an_object_pronoun_after_a_relative_pronoun() {
        let grammar = Grammar::embedded().expect("grammar");
        let n = |w: &str| tarikh_text::normalise(w);
        // a perfect's shape, a past verb of the cue table, with ـه / ـها
        for (previous, word) in [("الذي", "فرضته"), ("التي", "اتخذتها"), ("الذي", "أعلنه"), ("الذين", "اعتقلتهم")] {
            assert!(relative_perfect(&grammar, Some(&n(previous)), &n(word)), "{previous} {word}");
        }
        // an imperfect, a future verb, a noun, no relative pronoun before it
        for (previous, word) in [("الذي", "تنظمه"), ("الذي", "ستعقده"), ("الذي", "يحييه"), ("الاتفاق", "فرضته"), ("التي", "مدته")] {
            assert!(!relative_perfect(&grammar, Some(&n(previous)), &n(word)), "{previous} {word}");
        }
    }
}
