//! Words: the word-char class, tokens and their proclitics.

use crate::Normalised;
use std::ops::Range;

/// Whether `c` belongs to a word: alphanumeric (`char::is_alphanumeric`) or `_`. Exactly that
/// definition, with a fast path for ASCII and the basic Arabic letters (the slow Unicode table
/// lookup for every Arabic letter was a fifth of the matcher's time).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else if ('\u{0620}'..='\u{064A}').contains(&c) {
        // Fast path: the basic Arabic letters (all `Alphabetic`).
        true
    } else {
        c.is_alphanumeric()
    }
}

/// Whether the char at byte `i` of a text (a char boundary) is a basic Arabic letter, U+0620–U+064A,
/// read off its two bytes. Their UTF-8 forms are `D8 A0` to `D9 8A`, one range when read as a
/// big-endian `u16` (a lead `D8` or `D9` in a `str` is followed by a continuation byte `80`–`BF`, so
/// no other char lies between): one comparison instead of a test of each byte, for the loops that
/// read every char of every text.
#[inline(always)]
pub fn is_basic_letter_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i.wrapping_add(2)) {
        Some(&[lead, next]) => u16::from_be_bytes([lead, next]).wrapping_sub(0xD8A0) <= 0xD98A - 0xD8A0,
        _ => false,
    }
}

impl Normalised {
    /// Word tokens (maximal runs of `char::is_alphanumeric` chars and `_`) with their proclitics
    /// split off (see [`proclitic_len`]).
    pub fn tokens(&self) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in self.as_str().char_indices() {
            if is_word_char(c) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(Token::new(self.as_str(), s..i));
            }
        }
        if let Some(s) = start {
            out.push(Token::new(self.as_str(), s..self.as_str().len()));
        }
        out
    }
}

/// One word of the normalised text.
///
/// `range` covers the whole word; `stem_start` is where the stem begins once the proclitics
/// (و ف, ب ل ك and the article ال) are split off, so lexicon look-ups can use `text[stem_start..range.end]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the whole word in the normalised text.
    pub range: Range<usize>,
    /// Byte offset where the stem starts (after proclitics و ف ب ل ك and the article ال);
    /// == range.start if none.
    pub stem_start: usize,
}

impl Token {
    fn new(text: &str, range: Range<usize>) -> Token {
        let stem_start = range.start + proclitic_len(&text[range.clone()]);
        Token { range, stem_start }
    }
}

/// Words (normalised) that never lose a leading letter: the letter is part of the word, not a
/// clitic. Checked against the remainder at every stripping stage. Must stay sorted.
pub(crate) const NEVER_STRIP: &[&str] = &[
    "الا",
    "الاف",
    "الان",
    "التي",
    "الذي",
    "الذين",
    "الف",
    "اللتين",
    "اللذين",
    "الله",
    "اللي",
    "الي",
    "اليه",
    "اليها",
    "باكر",
    "باكرا",
    "بداياته",
    "بدايه",
    "برلين",
    "بروكسل",
    "بريطانيا",
    "بعد",
    "بعدما",
    "بعده",
    "بعدها",
    "بعيد",
    "بعيدا",
    "بعيده",
    "بغداد",
    "بكره",
    "بكين",
    "بيروت",
    "بينما",
    "فبراير",
    "فترات",
    "فتره",
    "فجرا",
    "فرنسا",
    "فلسطين",
    "فورا",
    "فوري",
    "فوريه",
    "فيما",
    "فيها",
    "كابول",
    "كاملا",
    "كامله",
    "كان",
    "كانت",
    "كانوا",
    "كانون",
    "كذلك",
    "كلما",
    "كما",
    "كييف",
    "لاحق",
    "لاحقا",
    "لاحقه",
    "لبنان",
    "لحظات",
    "لحظه",
    "لدي",
    "لقد",
    "لكن",
    "لندن",
    "ليبيا",
    "ليس",
    "ليل",
    "ليلا",
    "ليله",
    "ليلي",
    "واحد",
    "واحده",
    "واشنطن",
    "وزاره",
    "وزراء",
    "وزير",
    "وصول",
    "وطني",
    "وطنيه",
    "وفاه",
    "وقتما",
    "وقتها",
    "وقوع",
    "وكاله",
    "ولاده",
    "ولايه",
];

/// Two-letter words that must not appear as a stem after stripping the article (`الان` is
/// "now", not "the" + `ان`).
pub(crate) const SHORT_COMMON: &[&str] = &[
    "ان", "تي", "ذا", "ذي", "كم", "له", "لا", "لي", "ما", "من", "هو", "هي",
];

/// Split proclitics off one normalised word: returns the byte length of the proclitic prefix.
///
/// Heuristic (conservative, because a wrongly split stem is worse than a missed clitic):
/// 1. strip at most one conjunction `و`/`ف`,
/// 2. then at most one preposition `ب`/`ل`/`ك`,
/// 3. then optionally the article `ال`.
///
/// A clitic letter (steps 1–2) is only stripped if at least 3 chars remain after it; the article
/// only if at least 2 chars remain and they are not a common short word (`الان` stays whole).
/// Stripping stops as soon as the remainder is a word from a small built-in list whose first
/// letter belongs to the word (`كانون`, `فبراير`, `بعد`, `ليله`, `لحظه`, place names, ...).
/// Examples: `وبالسبت` → `وبال`, `والسبت` → `وال`, `لالاحد` → `لال`, `كانون` → 0.
/// Expects normalised input (see [`normalise`]); never panics.
pub fn proclitic_len(word: &str) -> usize {
    let never = |rest: &str| NEVER_STRIP.binary_search(&rest).is_ok();
    let chars_after = |rest: &str, skip: usize| rest[skip..].chars().count();
    let mut pos = 0;
    if never(word) {
        return 0;
    }
    // 1. conjunction
    let rest = &word[pos..];
    if (rest.starts_with('و') || rest.starts_with('ف')) && chars_after(rest, 2) >= 3 {
        pos += 2;
        if never(&word[pos..]) {
            return pos;
        }
    }
    // 2. preposition
    let rest = &word[pos..];
    if (rest.starts_with('ب') || rest.starts_with('ل') || rest.starts_with('ك'))
        && chars_after(rest, 2) >= 3
    {
        pos += 2;
        if never(&word[pos..]) {
            return pos;
        }
    }
    // 3. article
    let rest = &word[pos..];
    if let Some(stem) = rest.strip_prefix("ال") {
        if stem.chars().count() >= 2 && !SHORT_COMMON.contains(&stem) {
            pos += 4;
        }
    }
    pos
}
