//! The shape of an Arabic word, read without a dictionary: its conjunction, verb or noun
//! pattern, and its bare form for look-ups.

use crate::lexicon::strip_article;

/// Verbs whose root begins with و or ف (normalised): their first letter is no conjunction
/// ("وصلت" arrived, "وقع" happened, "فاز" won).
pub(super) const INITIAL_WAW_FA: &[&str] = &["وقوع", "وصول", "وفاه", "وجود", "وصل", "وقع", "وزع", "وجد", "وضع", "وافق", "وعد", "ودع", "وفر", "وقف", "وجه", "ولد", "وثق", "وسع", "فاز", "فتح", "فرض", "فقد", "فجر", "فشل", "فر", "فحص", "فصل", "فض"];

/// A word without its conjunction و/ف, when what remains is still a word (three letters or more)
/// and the letter is no part of a root that begins with it ("وصلت" stays whole).
pub(super) fn without_conjunction(w: &str) -> &str {
    let root_letter = INITIAL_WAW_FA.iter().any(|r| w.starts_with(r) && w.chars().count() <= r.chars().count() + 2);
    if root_letter {
        return w;
    }
    w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|rest| rest.chars().count() >= 3).unwrap_or(w)
}

/// A noun of the patterns فِعال/فَعيل/فَعول ("غرار", "قرار", "كبير"): four letters with a long vowel
/// before the last, not opening with ا (hollow verbs of form IV, "اعاد", "اقام") nor with the
/// prefix of an imperfect ("يعود", "تقول").
pub(super) fn noun_pattern(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 4 && matches!(c[2], 'ا' | 'ي' | 'و') && !matches!(c[0], 'ا' | 'ي' | 'ت' | 'ن')
}

pub(super) fn looks_like_perfect_verb(w: &str) -> bool {
    let s = without_conjunction(w);
    let n = s.chars().count();
    (3..=6).contains(&n)
        && !s.starts_with("ال")
        && !s.starts_with('م')
        && !s.starts_with('ي')
        && !["ه", "ات", "ين", "يه", "يا"].iter().any(|e| s.ends_with(e))
}

/// A perfect verb, stricter than [`looks_like_perfect_verb`]: verbal nouns of five letters or more
/// carry a long vowel before their last letter (اختراق، انتهاء، تسريب), perfect verbs do not
/// (انتهت، توقفت، اعتقل).
pub(super) fn is_perfect_verb(w: &str) -> bool {
    let s = without_conjunction(w);
    let chars: Vec<char> = s.chars().collect();
    let noun_like = chars.len() >= 5 && matches!(chars[chars.len() - 2], 'ا' | 'ي' | 'و');
    looks_like_perfect_verb(w) && !noun_like
}

/// A perfect or imperfect verb form ("يعود", "تعود", "عاد"): a generic event's best label.
pub(super) fn looks_like_verb(w: &str) -> bool {
    let s = without_conjunction(w);
    let n = s.chars().count();
    // an indefinite accusative ("صعبا", "كبيرا") ends in ا; a verb so rarely does (only the dual)
    let accusative = s.ends_with('ا') && !s.ends_with("وا");
    !accusative && (looks_like_perfect_verb(w) || ((4..=6).contains(&n) && (s.starts_with('ي') || s.starts_with('ت')) && !s.starts_with("تم")))
}

/// A word without its conjunction, preposition and article ("وبالولايات" → "ولايات" is not
/// wanted: "بالولايات" → "الولايات" → "ولايات"), for place look-ups.
pub(super) fn bare_word(w: &str) -> &str {
    let w = without_conjunction(w);
    if let Some(r) = w.strip_prefix("لل").filter(|r| r.chars().count() >= 3) {
        return r;
    }
    let w = ['ب', 'ل', 'ك'].iter().find_map(|p| w.strip_prefix(*p).filter(|r| r.starts_with("ال") && r.chars().count() >= 5)).unwrap_or(w);
    strip_article(w)
}
