//! Arabic text normalisation for matching, with an exact map back to the original text.
//!
//! # Central decision
//!
//! Temporal expressions are found by regexes and lexicon look-ups that run on a *normalised* copy
//! of the text (letter variants unified, diacritics and invisible marks removed, Arabic-Indic
//! digits turned into ASCII, ...). Matching on the raw text would need every pattern to allow
//! every variant, which is slow and error prone. But results must be reported against the
//! *original* text, as Unicode code point offsets (Python `str` indices, end exclusive), so that
//! `original.chars().skip(start).take(end - start)` is exactly the surface text. [`Normalised`]
//! therefore keeps, for every normalised char, the original code point range it came from, and
//! [`Normalised::original_span`] maps any byte range of the normalised text back in O(1).
//!
//! # Normalisation rules
//!
//! Applied to each original char, in this order (the first rule that applies wins):
//!
//! 1. **Presentation forms** (U+FB50–U+FDFF, U+FE70–U+FEFE; *not* the BOM U+FEFF) are replaced by
//!    their NFKC form, so the ligature `ﻻ` becomes `لا`. Every produced char maps to that one
//!    original char, and the produced chars go through rules 2–9 themselves.
//! 2. **Deleted combining chars**: Arabic diacritics U+064B–U+065F, superscript alef U+0670,
//!    Quranic marks U+06D6–U+06ED and tatweel U+0640 vanish. Their original position is attached to
//!    the *end* of the preceding kept char's original range (so a match ending at `غدا` in `غداً`
//!    covers the tanween). With no preceding kept char they simply vanish.
//! 3. **Deleted format chars** (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+061C,
//!    U+00AD, and `\r`) vanish and are attached to nothing.
//! 4. **Letter variants**: `أ إ آ ٱ` → `ا`; `ى` → `ي`; `ة` → `ه`; `ؤ` → `و`; `ئ` → `ي`;
//!    Persian `ک` → `ك`; `ی` → `ي`. `ء` stays.
//! 5. **Digits**: Arabic-Indic `٠-٩` and Persian `۰-۹` → ASCII `0-9`.
//! 6. **Punctuation**: `،` → `,`; `؛` → `;`; `؟` → `?`; `٪` → `%`; `٫` → `.`; `٬` → `,`;
//!    `“ ” « » „ ‟ ″` → `"`; `‘ ’ ‚ ‛` → `'`; `– — ―` → `-`; `۔` → `.`.
//! 7. **Whitespace**: `\n` stays; `\r` is deleted (rule 3, so CRLF behaves like LF); every other
//!    Unicode whitespace becomes a plain space. Runs are not collapsed.
//! 8. **Clitic expansion**: a word that starts with `لل` (optionally after one `و` or `ف`) and
//!    has at least 2 more letters right after it gets an `ا` inserted after the first `ل`
//!    (`للأحد` → `لالاحد`, preposition + article), so the article-bearing lexicon entries
//!    (`الاحد`) match. The inserted char has the empty original range `[p, p)` where `p` is the
//!    original index of the second `ل`: a span starting at it starts at `p`, a span ending at it
//!    ends at `p`. Expansion is idempotent: `لالاحد` starts with `لا`, not `لل`. "Word" and
//!    "letter" are judged on the normalised text (word chars are `char::is_alphanumeric` or `_`;
//!    letters are `char::is_alphabetic`).
//! 9. Everything else is kept unchanged (Latin, emoji, other letters; nothing is lower-cased).
//!
//! Normalisation is a single pass into preallocated buffers; NFKC is only invoked for the rare
//! presentation-form chars. Offsets are stored as `u32`, so inputs must be shorter than 4 GiB.
//!
//! Known limitation: the few presentation-form ligatures that expand to several words (U+FDFA
//! `ﷺ`, U+FDFB `ﷻ`) map every produced word to the whole ligature char.

#![deny(missing_docs)]

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// Text normalised for matching, with each normalised char mapped back to its original code points.
///
/// Build it with [`Normalised::new`], run regexes on [`Normalised::as_str`], and convert match
/// byte ranges to original code point offsets with [`Normalised::original_span`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// The normalised text.
    text: String,
    /// Per normalised char: original code point start.
    starts: Vec<u32>,
    /// Per normalised char: original code point end (exclusive), including attached marks.
    ends: Vec<u32>,
    /// Per byte of `text` (plus one entry for `text.len()`): index of the char containing it.
    byte_to_char: Vec<u32>,
    /// Length of the original text in code points.
    original_len: u32,
}

/// What to do with one (post-NFKC) char.
enum Act {
    /// Emit this char.
    Keep(char),
    /// Delete, attaching its position to the end of the preceding kept char.
    Attach,
    /// Delete, attached to nothing.
    Drop,
}

#[inline]
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

#[inline]
fn classify(c: char) -> Act {
    if c.is_ascii() {
        return match c {
            '\r' => Act::Drop,
            '\n' => Act::Keep('\n'),
            // '\t', '\x0B', '\x0C' (and ' ' itself)
            c if c.is_whitespace() => Act::Keep(' '),
            c => Act::Keep(c),
        };
    }
    // Fast path: a basic Arabic letter that is no variant of another (and not the tatweel) is
    // kept as it is; most chars of an article are these.
    if ('\u{0621}'..='\u{064A}').contains(&c) && !matches!(c, '\u{0622}'..='\u{0626}' | '\u{0629}' | '\u{0640}' | '\u{0649}') {
        return Act::Keep(c);
    }
    Act::Keep(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => {
            return Act::Attach
        }
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => return Act::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' | 'ی' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => (b'0' + (c as u32 - 0x0660) as u8) as char,
        '\u{06F0}'..='\u{06F9}' => (b'0' + (c as u32 - 0x06F0) as u8) as char,
        '،' | '٬' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '٫' | '۔' => '.',
        '“' | '”' | '«' | '»' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' => '\'',
        '–' | '—' | '―' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

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

const LAM: char = 'ل';

/// Single-pass builder of a [`Normalised`].
struct Builder {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Number of word chars in the current word so far (0 = not in a word).
    word_len: usize,
    /// The first 5 chars of the current word.
    word_head: [char; 5],
    /// Char index of the current word's first char.
    word_start_char: usize,
    /// Byte offset of the current word's first char.
    word_start_byte: usize,
}

impl Builder {
    fn with_capacity(bytes: usize) -> Builder {
        // Arabic letters are 2 bytes: the char count is at most `bytes`, usually about half.
        let chars_guess = bytes / 2 + 16;
        Builder {
            text: String::with_capacity(bytes + bytes / 16 + 8),
            starts: Vec::with_capacity(chars_guess),
            ends: Vec::with_capacity(chars_guess),
            word_len: 0,
            word_head: ['\0'; 5],
            word_start_char: 0,
            word_start_byte: 0,
        }
    }

    #[inline]
    fn feed(&mut self, c: char, orig: u32) {
        match classify(c) {
            Act::Keep(m) => self.push(m, orig),
            Act::Attach => {
                if let Some(last) = self.ends.last_mut() {
                    *last = orig + 1;
                }
            }
            Act::Drop => {}
        }
    }

    #[inline]
    fn push(&mut self, c: char, orig: u32) {
        let is_word = is_word_char(c);
        if is_word {
            if self.word_len == 0 {
                self.word_start_char = self.starts.len();
                self.word_start_byte = self.text.len();
            }
            if self.word_len < 5 {
                self.word_head[self.word_len] = c;
            }
            self.word_len += 1;
        } else {
            self.word_len = 0;
        }
        self.text.push(c);
        self.starts.push(orig);
        self.ends.push(orig + 1);
        if is_word && (self.word_len == 4 || self.word_len == 5) {
            self.maybe_expand();
        }
    }

    /// Rule 8: insert `ا` after the first `ل` of a word-initial `لل` (optionally after و/ف)
    /// once we have seen the 2 letters that must follow it.
    fn maybe_expand(&mut self) {
        let h = &self.word_head;
        let offset = match self.word_len {
            4 if h[0] == LAM && h[1] == LAM && h[2].is_alphabetic() && h[3].is_alphabetic() => 0,
            5 if matches!(h[0], 'و' | 'ف')
                && h[1] == LAM
                && h[2] == LAM
                && h[3].is_alphabetic()
                && h[4].is_alphabetic() =>
            {
                1
            }
            _ => return,
        };
        // و, ف and ل are all 2 bytes in UTF-8.
        let second_lam = self.word_start_char + offset + 1;
        let byte = self.word_start_byte + 2 * (offset + 1);
        let p = self.starts[second_lam];
        self.text.insert(byte, 'ا');
        self.starts.insert(second_lam, p);
        self.ends.insert(second_lam, p);
    }

    fn finish(mut self, original_len: u32) -> Normalised {
        // The capacities were guesses (a char per two bytes); a run keeps every document's map
        // until its events are found, so give back what the guess left over.
        self.text.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.ends.shrink_to_fit();
        let mut byte_to_char = Vec::with_capacity(self.text.len() + 1);
        for (i, c) in self.text.chars().enumerate() {
            for _ in 0..c.len_utf8() {
                byte_to_char.push(i as u32);
            }
        }
        byte_to_char.push(self.starts.len() as u32);
        Normalised {
            text: self.text,
            starts: self.starts,
            ends: self.ends,
            byte_to_char,
            original_len,
        }
    }
}

impl Normalised {
    /// Normalise `original` (see the crate docs for the rules) and record the offset map.
    ///
    /// Never panics; runs in one pass over the input.
    pub fn new(original: &str) -> Normalised {
        let mut b = Builder::with_capacity(original.len());
        let mut orig: u32 = 0;
        for c in original.chars() {
            if is_presentation_form(c) {
                for d in std::iter::once(c).nfkc() {
                    b.feed(d, orig);
                }
            } else {
                b.feed(c, orig);
            }
            orig = orig.wrapping_add(1);
        }
        b.finish(orig)
    }

    /// The normalised text (what regexes and lexicon look-ups run on).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalised text alone, the offset map given back: for holding many documents' texts
    /// at once where no offset is mapped (`Normalised::new` on the original makes the map again).
    pub fn into_text(self) -> String {
        self.text
    }

    /// Map a byte range `[byte_start, byte_end)` of the normalised text to the original code point
    /// range `[start, end)`.
    ///
    /// The start is the original start of the first normalised char in the range; the end is the
    /// original end of the last one (including deleted combining marks that followed it). An empty
    /// range gives `(p, p)` with `p = original_offset(byte_start)`. Out-of-range offsets are
    /// clamped to the text length, a reversed range is treated as empty, and a byte inside a char
    /// counts as that char; the result always satisfies `start <= end <= original_len()`.
    pub fn original_span(&self, byte_start: usize, byte_end: usize) -> (usize, usize) {
        let len = self.text.len();
        let bs = byte_start.min(len);
        let be = byte_end.min(len);
        if be <= bs {
            let p = self.original_offset(bs);
            return (p, p);
        }
        let first = self.byte_to_char[bs] as usize;
        let last = self.byte_to_char[be - 1] as usize;
        let start = self.starts[first];
        let end = self.ends[last].max(start);
        (start as usize, end as usize)
    }

    /// Original code point index of the normalised char that starts at `byte` (the original
    /// length if `byte >= as_str().len()`).
    pub fn original_offset(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            self.original_len as usize
        } else {
            self.starts[self.byte_to_char[byte] as usize] as usize
        }
    }

    /// Length of the original text in code points (the upper bound of every mapped offset).
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }

    /// Sentence byte ranges of the normalised text, in order, trimmed of whitespace, empty ones
    /// dropped.
    ///
    /// A sentence ends after a run of `.` `?` `!` `…` followed by whitespace or the end of the
    /// text, and at every `\n`. A `.` between two digits (`61.5`) is not an end. Inside a
    /// quotation nothing ends a sentence except a newline (which also closes the quotation); end
    /// punctuation right before the closing quote ends the sentence after the quote. Quotation
    /// marks are paired within the paragraph; one left unpaired (an unclosed quotation, common in
    /// web text) quotes nothing.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        sentence_ranges(&self.text)
    }

    /// Clause byte ranges: the sentences further split after `,` `;` (from `،` `؛`) and `:`,
    /// outside quotations; same conventions as [`Normalised::sentences`].
    ///
    /// A `,` or `:` between two digits (`61,5`, `10:30`) does not split.
    pub fn clauses(&self) -> Vec<Range<usize>> {
        clause_ranges(&self.text)
    }

    /// Word tokens (maximal runs of `char::is_alphanumeric` chars and `_`) with their proclitics
    /// split off (see [`proclitic_len`]).
    pub fn tokens(&self) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in self.text.char_indices() {
            if is_word_char(c) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(Token::new(&self.text, s..i));
            }
        }
        if let Some(s) = start {
            out.push(Token::new(&self.text, s..self.text.len()));
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

/// Sentence byte ranges of a normalised text ([`Normalised::sentences`], for a text kept
/// without its offset map).
pub fn sentence_ranges(normalised: &str) -> Vec<Range<usize>> {
    segment(normalised, false)
}

/// Clause byte ranges of a normalised text ([`Normalised::clauses`], for a text kept without its
/// offset map).
pub fn clause_ranges(normalised: &str) -> Vec<Range<usize>> {
    segment(normalised, true)
}

/// Normalise a single word or phrase the same way as [`Normalised::new`] (used to normalise
/// lexicon entries so they match the normalised text).
pub fn normalise(s: &str) -> String {
    Normalised::new(s).text
}

/// Words (normalised) that never lose a leading letter: the letter is part of the word, not a
/// clitic. Checked against the remainder at every stripping stage. Must stay sorted.
const NEVER_STRIP: &[&str] = &[
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
const SHORT_COMMON: &[&str] = &[
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

/// Role of a straight quotation mark that belongs to a matched pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteMark {
    Open,
    Close,
}

/// The `"` marks of `text` (normalised: every quotation mark is `"`) that open or close a
/// quotation, by byte offset; a mark left out is a stray.
///
/// Real web text often leaves a quotation unclosed («قال "إن …» with no closing mark, or a
/// closing `»` lost in copy), and a naive toggle then reads the rest of the paragraph as a
/// quotation, so no sentence or clause ends there. Marks are paired like brackets within a
/// paragraph (a newline ends every quotation): a mark after a space and before a word opens, a
/// mark after a word and before a space or punctuation closes (an ambiguous one closes when a
/// quotation is open, else opens), a closer pairs with the nearest open mark, and a mark left
/// without a partner at the end of the paragraph is not a quotation mark.
///
/// Only the bytes `"` and `\n` are looked at (both ASCII, so never inside a multi-byte char);
/// the chars around a mark are decoded where it stands.
fn quotation_marks(text: &str) -> std::collections::HashMap<usize, QuoteMark> {
    let mut marks = std::collections::HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    for (at, &b) in text.as_bytes().iter().enumerate() {
        if b == b'\n' {
            open.clear();
            continue;
        }
        if b != b'"' {
            continue;
        }
        let before = text[..at].chars().next_back();
        let after = text[at + 1..].chars().next();
        let left_edge = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '['));
        let right_edge = after.is_none_or(|a| {
            a.is_whitespace()
                || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '-')
        });
        let closes = match (left_edge, right_edge) {
            (true, false) => false,
            (false, true) => true,
            _ => !open.is_empty(),
        };
        if closes {
            if let Some(opener) = open.pop() {
                marks.insert(opener, QuoteMark::Open);
                marks.insert(at, QuoteMark::Close);
            }
        } else {
            open.push(at);
        }
    }
    marks
}

/// The first bytes of every char [`segment`] acts on: `\n`, `"`, `.`, `?`, `!`, `,`, `;`, `:`
/// and the lead byte of `…` (U+2026, `E2 80 A6`). Every other byte is skipped unread: a sentence
/// or clause never ends inside a word, so a text is cut at the cost of one table look-up a byte.
const SEGMENT_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let interesting = b"\n\".?!,;:";
    while k < interesting.len() {
        t[interesting[k] as usize] = true;
        k += 1;
    }
    t[0xE2] = true;
    t
};

/// Split `text` into trimmed, non-empty sentence (or clause) byte ranges.
///
/// The rules are those of [`Normalised::sentences`] and [`Normalised::clauses`]. Every char they
/// look at before a mark is an ASCII digit or not, and an ASCII byte is never part of a
/// multi-byte char, so "the char before `i` is a digit" is "the byte before `i` is one".
fn segment(text: &str, clauses: bool) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let char_at = |i: usize| -> Option<char> { text.get(i..).and_then(|s| s.chars().next()) };
    let is_term = |c: char| matches!(c, '.' | '?' | '!' | '…');
    let digit_before = |i: usize| i > 0 && bytes[i - 1].is_ascii_digit();
    let marks = quotation_marks(text);
    let mut cuts: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < n {
        if !SEGMENT_BYTES[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let Some(c) = char_at(i) else {
            i += 1;
            continue;
        };
        let next_i = i + c.len_utf8();
        let in_quote = depth > 0;
        match c {
            '\n' => {
                cuts.push(next_i);
                depth = 0;
            }
            '"' => match marks.get(&i) {
                Some(QuoteMark::Open) => depth += 1,
                Some(QuoteMark::Close) => depth = depth.saturating_sub(1),
                None => {}
            },
            c if is_term(c) => {
                let mut j = next_i;
                while let Some(d) = char_at(j).filter(|&d| is_term(d)) {
                    j += d.len_utf8();
                }
                let next = char_at(j);
                let decimal = c == '.' && j == next_i && digit_before(i) && next.is_some_and(|n| n.is_ascii_digit());
                if !decimal {
                    match next {
                        None => cuts.push(j),
                        Some(n) if n.is_whitespace() && !in_quote => cuts.push(j),
                        Some('"') if in_quote && marks.get(&j) == Some(&QuoteMark::Close) => {
                            depth -= 1;
                            j += 1;
                            cuts.push(j);
                        }
                        _ => {}
                    }
                }
                i = j;
                continue;
            }
            ',' | ';' | ':' if clauses && !in_quote => {
                let between_digits = c != ';' && digit_before(i) && char_at(next_i).is_some_and(|n| n.is_ascii_digit());
                if !between_digits {
                    cuts.push(next_i);
                }
            }
            _ => {}
        }
        i = next_i;
    }
    cuts.push(n);
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if cut <= start {
            continue;
        }
        let seg = &text[start..cut];
        let trimmed_start = seg.trim_start();
        let s = start + (seg.len() - trimmed_start.len());
        let e = s + trimmed_start.trim_end().len();
        if e > s {
            out.push(s..e);
        }
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotation-mark pairing as first written (a vector of every char).
    fn quotation_marks_char_by_char(text: &str) -> std::collections::HashMap<usize, QuoteMark> {
        let mut marks = std::collections::HashMap::new();
        let mut open: Vec<usize> = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(at, c)) in chars.iter().enumerate() {
            if c == '\n' {
                open.clear();
                continue;
            }
            if c != '"' {
                continue;
            }
            let before = k.checked_sub(1).map(|b| chars[b].1);
            let after = chars.get(k + 1).map(|&(_, a)| a);
            let left_edge = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '['));
            let right_edge = after.is_none_or(|a| {
                a.is_whitespace()
                    || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '-')
            });
            let closes = match (left_edge, right_edge) {
                (true, false) => false,
                (false, true) => true,
                _ => !open.is_empty(),
            };
            if closes {
                if let Some(opener) = open.pop() {
                    marks.insert(opener, QuoteMark::Open);
                    marks.insert(at, QuoteMark::Close);
                }
            } else {
                open.push(at);
            }
        }
        marks
    }

    /// The segmenter as first written, char by char over the whole text: the specification the
        /// byte-skipping [`segment`] must agree with.
        fn segment_char_by_char(text: &str, clauses: bool) -> Vec<Range<usize>> {
        let bytes = text.len();
        let char_at = |i: usize| -> Option<char> { text.get(i..).and_then(|s| s.chars().next()) };
        let is_term = |c: char| matches!(c, '.' | '?' | '!' | '…');
        let marks = quotation_marks_char_by_char(text);
        let mut cuts: Vec<usize> = Vec::new();
        let mut depth = 0usize;
        let mut prev: Option<char> = None;
        let mut i = 0;
        while i < bytes {
            let Some(c) = char_at(i) else { break };
            let next_i = i + c.len_utf8();
            let in_quote = depth > 0;
            match c {
                '\n' => {
                    cuts.push(next_i);
                    depth = 0;
                }
                '"' => match marks.get(&i) {
                    Some(QuoteMark::Open) => depth += 1,
                    Some(QuoteMark::Close) => depth = depth.saturating_sub(1),
                    None => {}
                },
                c if is_term(c) => {
                    let mut j = next_i;
                    let mut last = c;
                    while let Some(d) = char_at(j).filter(|&d| is_term(d)) {
                        j += d.len_utf8();
                        last = d;
                    }
                    let next = char_at(j);
                    let decimal = c == '.'
                        && j == next_i
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit());
                    if !decimal {
                        match next {
                            None => cuts.push(j),
                            Some(n) if n.is_whitespace() && !in_quote => cuts.push(j),
                            Some('"') if in_quote && marks.get(&j) == Some(&QuoteMark::Close) => {
                                depth -= 1;
                                j += 1;
                                last = '"';
                                cuts.push(j);
                            }
                            _ => {}
                        }
                    }
                    prev = Some(last);
                    i = j;
                    continue;
                }
                ',' | ';' | ':' if clauses && !in_quote => {
                    let between_digits = c != ';'
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && char_at(next_i).is_some_and(|n| n.is_ascii_digit());
                    if !between_digits {
                        cuts.push(next_i);
                    }
                }
                _ => {}
            }
            prev = Some(c);
            i = next_i;
        }
        cuts.push(bytes);
        let mut out = Vec::new();
        let mut start = 0;
        for cut in cuts {
            if cut <= start {
                continue;
            }
            let seg = &text[start..cut];
            let trimmed_start = seg.trim_start();
            let s = start + (seg.len() - trimmed_start.len());
            let e = s + trimmed_start.trim_end().len();
            if e > s {
                out.push(s..e);
            }
            start = cut;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The byte-skipping segmenter cuts exactly where the char-by-char one does, on text made
        /// of the chars it acts on (quotes, end marks, commas and colons between digits, newlines,
        /// non-ASCII spaces) mixed with Arabic letters.
        #[test]
        fn segment_agrees_with_the_char_by_char_specification(s in "[ابت 19.,:;?!\"…\n\u{a0}\u{2003}€()\\[\\]-]{0,40}") {
            for clauses in [false, true] {
                proptest::prop_assert_eq!(segment(&s, clauses), segment_char_by_char(&s, clauses));
            }
        }
    }

    fn orig_sub(s: &str, (a, b): (usize, usize)) -> String {
        s.chars().skip(a).take(b - a).collect()
    }

    fn stems(s: &str) -> Vec<(String, String)> {
        let n = Normalised::new(s);
        n.tokens()
            .into_iter()
            .map(|t| {
                (
                    n.as_str()[t.range.clone()].to_string(),
                    n.as_str()[t.stem_start..t.range.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn lists_sorted_and_normalised() {
        assert!(NEVER_STRIP.windows(2).all(|w| w[0] < w[1]));
        for w in NEVER_STRIP.iter().chain(SHORT_COMMON) {
            assert_eq!(normalise(w), *w);
        }
    }

    #[test]
    fn tokens_and_stems() {
        assert_eq!(
            stems("ومساء الجمعة"),
            vec![
                ("ومساء".into(), "مساء".into()),
                ("الجمعه".into(), "جمعه".into())
            ]
        );
        assert_eq!(stems("بالسبت"), vec![("بالسبت".into(), "سبت".into())]);
        assert_eq!(stems("والسبت")[0].1, "سبت");
        assert_eq!(stems("وبالسبت")[0].1, "سبت");
        assert_eq!(proclitic_len("وبالسبت"), "وبال".len());
        assert_eq!(stems("كانون")[0].1, "كانون");
        assert_eq!(stems("وكانون")[0].1, "كانون");
        assert_eq!(stems("فبراير")[0].1, "فبراير");
        assert_eq!(stems("الآن")[0].1, "الان");
        assert_eq!(stems("بعد")[0].1, "بعد");
        assert_eq!(stems("وقت")[0].1, "وقت");
        assert_eq!(stems("بيومين")[0].1, "يومين");
        assert_eq!(stems("ب2024")[0].1, "2024");
        assert_eq!(proclitic_len(""), 0);
        assert_eq!(proclitic_len("ال"), 0);
        assert_eq!(proclitic_len("و"), 0);
    }

    #[test]
    fn lam_lam_expansion() {
        let n = Normalised::new("للأحد");
        assert_eq!(n.as_str(), "لالاحد");
        assert_eq!(stems("للأحد")[0].1, "احد");
        // The span of "الاحد" maps to original "لأحد".
        let b = "ل".len();
        assert_eq!(n.original_span(b, n.as_str().len()), (1, 5));
        assert_eq!(orig_sub("للأحد", (1, 5)), "لأحد");
        // A span ending at the inserted alef ends at the second lam.
        assert_eq!(n.original_span(0, "لا".len()), (0, 1));
        assert_eq!(n.original_span(b, "لا".len()), (1, 1));
        assert_eq!(n.original_span(0, n.as_str().len()), (0, 5));
        assert_eq!(normalise("وللانتخابات"), "ولالانتخابات");
        assert_eq!(normalise("فللأسف"), "فلالاسف");
        // Not expanded: too short, not word-initial, or already expanded.
        assert_eq!(normalise("لله"), "لله");
        assert_eq!(normalise("بللاحد"), "بللاحد");
        assert_eq!(normalise("لالاحد"), "لالاحد");
        assert_eq!(normalise("x للأحد"), "x لالاحد");
        assert_eq!(normalise("لل12"), "لل12");
        // Diacritics between the lams do not block expansion.
        assert_eq!(normalise("لِلْأَحَد"), "لالاحد");
    }

    #[test]
    fn diacritics() {
        let s = "أقلِّ من يومين";
        let n = Normalised::new(s);
        assert_eq!(n.as_str(), "اقل من يومين");
        assert_eq!(n.original_span(0, n.as_str().len()), (0, s.chars().count()));
        assert_eq!(n.original_len(), s.chars().count());
        let w = "اقل".len();
        assert_eq!(orig_sub(s, n.original_span(0, w)), "أقلِّ");

        let s = "غداً";
        let n = Normalised::new(s);
        assert_eq!(n.as_str(), "غدا");
        assert_eq!(n.original_span(0, n.as_str().len()), (0, 4));
        // Leading lone combining marks vanish.
        let n = Normalised::new("\u{064E}\u{0640}ب");
        assert_eq!(n.as_str(), "ب");
        assert_eq!(n.original_span(0, 2), (2, 3));
        assert_eq!(normalise("\u{064E}"), "");
        assert_eq!(normalise("كتـــاب"), "كتاب");
    }

    #[test]
    fn digits_punct_whitespace() {
        assert_eq!(normalise("٢٤ ساعة"), "24 ساعه");
        assert_eq!(normalise("۱۴۰۲"), "1402");
        assert_eq!(
            normalise("،؛؟٪٫٬“”«»„‟″‘’‚‛–—―۔"),
            ",;?%.,\"\"\"\"\"\"\"''''---."
        );
        assert_eq!(
            normalise("a\tb\u{00A0}c\u{2003}d\u{202F}e\u{3000}f"),
            "a b c d e f"
        );
        assert_eq!(normalise("ى ة ؤ ئ ک ی ء ٱ آ إ"), "ي ه و ي ك ي ء ا ا ا");
    }

    #[test]
    fn crlf_bom_bidi() {
        let s = "\u{FEFF}سطر\r\nثان";
        let n = Normalised::new(s);
        assert_eq!(n.as_str(), "سطر\nثان");
        assert_eq!(n.original_offset(0), 1);
        assert_eq!(n.sentences().len(), 2);
        let s = "السبت\u{200F} 6";
        let n = Normalised::new(s);
        assert_eq!(n.as_str(), "السبت 6");
        assert_eq!(n.original_span(0, n.as_str().len()), (0, 8));
        assert_eq!(n.original_offset(n.as_str().len()), 8);
    }

    #[test]
    fn presentation_forms() {
        assert_eq!(normalise("ﻻ"), "لا");
        assert_eq!(normalise("ﻷ"), "لا");
        assert_eq!(normalise("ﺍﻟﺴﺒﺖ"), "السبت");
        assert_eq!(normalise("ﷲ"), "الله");
        let n = Normalised::new("xﻻy");
        assert_eq!(n.as_str(), "xلاy");
        assert_eq!(n.original_span(1, 3), (1, 2));
        assert_eq!(n.original_span(3, 5), (1, 2));
        // Multi-word ligature: every word maps to the whole ligature (documented limitation).
        let n = Normalised::new("ﷺ");
        assert_eq!(n.as_str(), "صلي الله عليه وسلم");
        assert_eq!(n.original_span(0, n.as_str().len()), (0, 1));
    }

    #[test]
    fn empty_and_edges() {
        let n = Normalised::new("");
        assert_eq!(n.as_str(), "");
        assert_eq!(n.original_span(0, 0), (0, 0));
        assert_eq!(n.original_span(5, 9), (0, 0));
        assert!(n.sentences().is_empty());
        assert!(n.clauses().is_empty());
        assert!(n.tokens().is_empty());
        let n = Normalised::new("ab");
        assert_eq!(n.original_span(2, 1), (2, 2));
        assert_eq!(n.original_span(0, 100), (0, 2));
    }

    fn segs(s: &str, clauses: bool) -> Vec<String> {
        let n = Normalised::new(s);
        let r = if clauses { n.clauses() } else { n.sentences() };
        r.into_iter().map(|r| n.as_str()[r].to_string()).collect()
    }

    #[test]
    fn sentence_rules() {
        assert_eq!(
            segs("جاء أمس. وذهب اليوم", false),
            vec!["جاء امس.", "وذهب اليوم"]
        );
        assert_eq!(
            segs("نسبة 61.5 بالمئة. ثم", false),
            vec!["نسبه 61.5 بالميه.", "ثم"]
        );
        assert_eq!(segs("ماذا؟! لا أعرف…", false), vec!["ماذا?!", "لا اعرف…"]);
        assert_eq!(segs("سطر\nسطر", false), vec!["سطر", "سطر"]);
        assert_eq!(
            segs("قال «غداً. بعد غد.» ثم ذهب.", false),
            vec!["قال \"غدا. بعد غد.\"", "ثم ذهب."]
        );
        // Unclosed quote: it quotes nothing, and a newline ends the sentence.
        assert_eq!(
            segs("قال \"غدا. ثم\nجملة. أخرى", false),
            vec!["قال \"غدا.", "ثم", "جمله.", "اخري"]
        );
        // A quotation never closed in its paragraph is no quotation: sentences still end.
        assert_eq!(
            segs("قال «إن الأمر جرى أمس. ثم ذهب. وعاد اليوم.", false),
            vec!["قال \"ان الامر جري امس.", "ثم ذهب.", "وعاد اليوم."]
        );
        // A quoted word inside an unclosed quotation pairs on its own; the stray opener and a
        // stray closer are ignored.
        assert_eq!(
            segs(
                "قال \"إن هجوما \"ضخما\" وقع. ثم غادر.\nوقال إنه باق\". انتهى",
                false
            ),
            vec![
                "قال \"ان هجوما \"ضخما\" وقع.",
                "ثم غادر.",
                "وقال انه باق\".",
                "انتهي"
            ]
        );
        // A closed quotation of several sentences stays one sentence.
        assert_eq!(
            segs("قال «جاء. وذهب.» ثم عاد.", false),
            vec!["قال \"جاء. وذهب.\"", "ثم عاد."]
        );
        assert_eq!(segs("  \n . ", false), vec!["."]);
    }

    #[test]
    fn clause_rules() {
        assert_eq!(
            segs("يوم السبت، الساعة 10:30، نسبة 61,5; ثم: ذهب. آخر", true),
            vec![
                "يوم السبت,",
                "الساعه 10:30,",
                "نسبه 61,5;",
                "ثم:",
                "ذهب.",
                "اخر"
            ]
        );
        assert_eq!(segs("قال \"أ، ب\" ثم", true), vec!["قال \"ا, ب\" ثم"]);
        // An unclosed quotation does not stop clauses.
        assert_eq!(
            segs("قال \"إن الهجوم وقع، الجمعة، ثم", true),
            vec!["قال \"ان الهجوم وقع,", "الجمعه,", "ثم"]
        );
    }
}
