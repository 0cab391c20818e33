//! Normalisation and the offset map: [`Normalised`] (see the crate docs for the rules).

use crate::is_word_char;
use crate::origins::{CharIndex, CharOrigins, OriginsBuilder};
use unicode_normalization::UnicodeNormalization;

/// Text normalised for matching, with each normalised char mapped back to its original code points.
///
/// Build it with [`Normalised::new`], run regexes on [`Normalised::as_str`], and convert match
/// byte ranges to original code point offsets with [`Normalised::original_span`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// The normalised text.
    text: String,
    /// Per normalised char: original code point range (the end exclusive, including attached
    /// marks).
    origins: CharOrigins,
    /// Which char holds each byte of `text`.
    chars: CharIndex,
    /// Length of the original text in code points.
    original_len: u32,
    /// Sentences and clauses, cut the first time they are asked for.
    segments: SegmentCache,
}

/// A [`Normalised`]'s sentences and clauses once cut; they follow from the text, so two texts
/// are equal whether or not either has been cut yet.
#[derive(Debug, Clone, Default)]
pub(crate) struct SegmentCache(std::sync::OnceLock<crate::segment::Segments>);

impl PartialEq for SegmentCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SegmentCache {}

impl SegmentCache {
    /// The segments, cut by `cut` on first use.
    pub(crate) fn get_or_init(&self, cut: impl FnOnce() -> crate::segment::Segments) -> &crate::segment::Segments {
        self.0.get_or_init(cut)
    }
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

/// What the fast path does with a char it reads off its bytes (an ASCII char, or a two-byte
/// char U+0600–U+067F: lead byte D8 or D9), from [`classify`] once per process ([`fast_classes`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fast {
    /// Kept as it is: copied with the run of such chars around it.
    Same,
    /// Replaced by this char.
    Map(char),
    /// Deleted, its position attached to the preceding kept char.
    Attach,
    /// Deleted.
    Drop,
    /// Read by the general path.
    Slow,
}

/// [`Fast`] of each ASCII byte (index 0–127) and of each two-byte char U+0600–U+067F (index 128
/// + the low bit of the lead byte and the six bits of the second byte).
fn fast_classes() -> &'static [Fast; 256] {
    static CLASSES: std::sync::OnceLock<[Fast; 256]> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut t = [Fast::Slow; 256];
        let chars = (0u32..0x80).chain(0x600..0x680);
        for (slot, code) in t.iter_mut().zip(chars) {
            let Some(c) = char::from_u32(code) else { continue };
            *slot = match classify(c) {
                Act::Keep(m) if m == c => Fast::Same,
                Act::Keep(m) => Fast::Map(m),
                Act::Attach => Fast::Attach,
                Act::Drop => Fast::Drop,
            };
        }
        t
    })
}

/// `char::is_alphabetic`, the basic Arabic letters (U+0620–U+064A, all alphabetic) answered
/// without the Unicode table.
#[inline]
fn is_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || c.is_alphabetic()
}

/// Builder of a [`Normalised`]: rules 1–7 and 9 in one pass over the bytes, then rule 8 (the
/// `لل` expansion) at the `لل` of the text written (see [`Builder::expand_lam_lam`]).
///
/// The text is copied a run of unchanged chars at a time and the chars' original ranges are
/// noted where they differ from one char for one (see [`CharOrigins`]).
struct Builder {
    text: String,
    origins: OriginsBuilder,
}

impl Builder {
    fn with_capacity(bytes: usize) -> Builder {
        Builder {
            text: String::with_capacity(bytes + bytes / 16 + 8),
            origins: OriginsBuilder::default(),
        }
    }

    /// Classify and write one char (the general path).
    fn feed(&mut self, c: char, orig: u32) {
        match classify(c) {
            Act::Keep(m) => self.push(m, orig),
            Act::Attach => self.attach(orig),
            Act::Drop => {}
        }
    }

    #[inline]
    fn push(&mut self, c: char, orig: u32) {
        self.text.push(c);
        self.origins.run(orig, 1);
    }

    /// A deleted mark at `orig` is attached to the last kept char, if any.
    #[inline]
    fn attach(&mut self, orig: u32) {
        self.origins.attach(orig + 1);
    }

    /// Rule 8: insert `ا` after the first `ل` of a word-initial `لل` (optionally after و/ف)
    /// that 2 letters follow. Done once the whole text is normalised: the words are those of
    /// the normalised text (runs of word chars), as the rule says, and a word starts `لل` far
    /// less often than a char is written, so looking for `لل` in the text written (many bytes a
    /// step) is cheaper than following every word's first letters as they come.
    /// Gives the char indices (ascending) before which an `ا` was inserted.
    fn expand_lam_lam(&mut self) -> Vec<u32> {
        // Byte offsets (ascending) of the second `ل` of each `لل` to expand.
        let mut at: Vec<usize> = Vec::new();
        let text = self.text.as_str();
        // (each `ل` is looked at as the first of a pair: `للل` holds two)
        let mut from = 0;
        while let Some(k) = find_lam_lam(&text.as_bytes()[from..]) {
            let q = from + k;
            from = q + 2;
            let before = text[..q].chars().next_back();
            let word_start = match before {
                None => true,
                Some(c) if !is_word_char(c) => true,
                // After one و or ف that starts the word.
                Some('و' | 'ف') => !text[..q - 2].chars().next_back().is_some_and(is_word_char),
                Some(_) => false,
            };
            let mut next = text[q + 4..].chars();
            if word_start && next.next().is_some_and(is_letter) && next.next().is_some_and(is_letter) {
                at.push(q + 2);
            }
        }
        if at.is_empty() {
            return Vec::new();
        }
        // The text again, an `ا` before each of those `ل`; and the char index of each (the chars
        // before it: the bytes that start one).
        let mut text = String::with_capacity(self.text.len() + 2 * at.len());
        let mut indices = Vec::with_capacity(at.len());
        let (mut copied, mut chars) = (0, 0);
        for &q in &at {
            let part = &self.text[copied..q];
            // (std's count of chars reads a word of bytes a step; a filter over the bytes, one)
            chars += part.chars().count();
            indices.push(chars as u32);
            text.push_str(part);
            text.push('ا');
            copied = q;
        }
        text.push_str(&self.text[copied..]);
        self.text = text;
        indices
    }

    fn finish(mut self, original_len: u32) -> Normalised {
        let inserted = self.expand_lam_lam();
        let origins = self.origins.finish_with_inserted(&inserted);
        // The capacity was a guess; a run keeps every document's text until its events are
        // found, so give back what the guess left over.
        self.text.shrink_to_fit();
        let chars = CharIndex::of(&self.text);
        Normalised { text: self.text, origins, chars, original_len, segments: SegmentCache::default() }
    }
}

/// The bytes of `لل` (rule 8's candidates).
const LAM_LAM: &[u8] = "لل".as_bytes();

/// The first `لل` of `haystack`. memchr's `memmem` picks the two bytes its vectors compare by how
/// rare they are in most text; in Arabic every byte of `لل` is common (`D9` leads half the
/// letters), so the two `84` (both `ل`s' second bytes, two apart) are compared instead: few
/// other places of an Arabic text hold those.
fn find_lam_lam(haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        use memchr::arch::{all::packedpair::Pair, x86_64::avx2::packedpair::Finder};
        static FINDER: std::sync::OnceLock<Option<Finder>> = std::sync::OnceLock::new();
        let finder = FINDER.get_or_init(|| Pair::with_indices(LAM_LAM, 1, 3).and_then(|pair| Finder::with_pair(LAM_LAM, pair)));
        if let Some(finder) = finder.as_ref().filter(|f| haystack.len() >= f.min_haystack_len()) {
            return finder.find(haystack, LAM_LAM);
        }
    }
    memchr::memmem::find(haystack, LAM_LAM)
}

/// How far [`skip_kept`] steps over a char kept as it is (1 for ASCII, 2 for U+0600–U+067F),
/// by its first two bytes as a little-endian `u16`; 0 for any other char (one the fast path does
/// not keep as it is, or holds no entry for).
fn kept_steps() -> &'static [u8; 1 << 16] {
    static STEPS: std::sync::OnceLock<Box<[u8; 1 << 16]>> = std::sync::OnceLock::new();
    STEPS.get_or_init(|| {
        let classes = fast_classes();
        let mut steps: Box<[u8; 1 << 16]> = vec![0u8; 1 << 16].into_boxed_slice().try_into().expect("2^16 entries");
        for (pair, step) in steps.iter_mut().enumerate() {
            let [lead, next] = (pair as u16).to_le_bytes();
            *step = match fast_entry(lead, next) {
                Some((k, len)) if classes[k] == Fast::Same => len as u8,
                _ => 0,
            };
        }
        steps
    })
}

/// The index in [`fast_classes`] and the length of the char whose first bytes are `lead` and
/// `next` (`next` is read only for a two-byte char), if the table holds it.
#[inline]
fn fast_entry(lead: u8, next: u8) -> Option<(usize, usize)> {
    if lead < 0x80 {
        Some((usize::from(lead), 1))
    } else if lead & 0xFE == 0xD8 && next & 0xC0 == 0x80 {
        Some((128 | usize::from(lead & 1) << 6 | usize::from(next & 0x3F), 2))
    } else {
        None
    }
}

/// Skip the chars kept as they are from byte `i`, char `orig`: where they stop (byte and char).
/// One table look-up a char, by its first two bytes ([`kept_steps`]); the last byte of the text
/// is looked up with a 0 after it (the step of an ASCII char does not depend on the next byte).
#[inline(never)]
fn skip_kept(steps: &[u8; 1 << 16], bytes: &[u8], i: usize, mut orig: u32) -> (usize, u32) {
    let mut rest = bytes.get(i..).unwrap_or_default();
    while let [lead, next, ..] = *rest {
        let step = steps[usize::from(u16::from_le_bytes([lead, next]))];
        if step == 0 {
            break;
        }
        // (a step is 1 or 2, and at least two bytes are left)
        rest = &rest[usize::from(step)..];
        orig = orig.wrapping_add(1);
    }
    if let [last] = *rest {
        if steps[usize::from(last)] == 1 {
            rest = &[];
            orig = orig.wrapping_add(1);
        }
    }
    (bytes.len() - rest.len(), orig)
}

impl Normalised {
    /// The cache of sentences and clauses (filled by the segment module).
    pub(crate) fn segment_cache(&self) -> &SegmentCache {
        &self.segments
    }

    /// Normalise `original` (see the crate docs for the rules) and record the offset map.
    ///
    /// Never panics; runs in one pass over the input.
    pub fn new(original: &str) -> Normalised {
        let (classes, steps) = (fast_classes(), kept_steps());
        let mut b = Builder::with_capacity(original.len());
        let bytes = original.as_bytes();
        let mut orig: u32 = 0;
        let mut i = 0;
        // The run of unchanged chars not yet written: its first byte; and the first char of the
        // chars not yet noted in the origins (the run's, after those replaced one for one).
        let mut run = 0;
        let mut run_orig = 0;
        while i < bytes.len() {
            (i, orig) = skip_kept(steps, bytes, i, orig);
            if i >= bytes.len() {
                break;
            }
            let (class, len) = match fast_entry(bytes[i], bytes.get(i + 1).copied().unwrap_or(0)) {
                Some((k, len)) => (classes[k], len),
                None => (Fast::Slow, 0),
            };
            if let Fast::Map(m) = class {
                // A char replaced by one other ends the run's text, not its origins: like the
                // run's chars it is one original char for one, so it is noted with them when
                // the run ends.
                b.text.push_str(&original[run..i]);
                b.text.push(m);
                i += len;
                orig = orig.wrapping_add(1);
                run = i;
                continue;
            }
            // Any other char ends the run: write it, then the char.
            b.text.push_str(&original[run..i]);
            b.origins.run(run_orig, orig - run_orig);
            i += match class {
                Fast::Attach => {
                    b.attach(orig);
                    len
                }
                Fast::Drop => len,
                _ => {
                    let c = original[i..].chars().next().expect("a char boundary");
                    if is_presentation_form(c) {
                        for d in std::iter::once(c).nfkc() {
                            b.feed(d, orig);
                        }
                    } else {
                        b.feed(c, orig);
                    }
                    c.len_utf8()
                }
            };
            orig = orig.wrapping_add(1);
            run = i;
            run_orig = orig;
        }
        b.text.push_str(&original[run..]);
        b.origins.run(run_orig, orig - run_orig);
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
        let start = self.origins.start(self.chars.char_at(&self.text, bs));
        let end = self.origins.end(self.chars.char_at(&self.text, be - 1)).max(start);
        (start as usize, end as usize)
    }

    /// Original code point index of the normalised char that starts at `byte` (the original
    /// length if `byte >= as_str().len()`).
    pub fn original_offset(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            self.original_len as usize
        } else {
            self.origins.start(self.chars.char_at(&self.text, byte)) as usize
        }
    }

    /// Length of the original text in code points (the upper bound of every mapped offset).
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }
}

/// Normalise a single word or phrase the same way as [`Normalised::new`] (used to normalise
/// lexicon entries so they match the normalised text).
pub fn normalise(s: &str) -> String {
    Normalised::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAM: char = 'ل';

    /// The builder as first written: rule 8 followed word by word as chars are pushed (the
        /// specification [`Builder`] must agree with).
    struct StreamingBuilder {
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

    impl StreamingBuilder {
        fn with_capacity(bytes: usize) -> StreamingBuilder {
            // Arabic letters are 2 bytes: the char count is at most `bytes`, usually about half.
            let chars_guess = bytes / 2 + 16;
            StreamingBuilder {
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
            Normalised {
                origins: CharOrigins::from_dense(&self.starts, &self.ends),
                chars: CharIndex::of(&self.text),
                text: self.text,
                original_len,
                segments: SegmentCache::default(),
            }
        }
    }

    fn streaming(original: &str) -> Normalised {
        let mut b = StreamingBuilder::with_capacity(original.len());
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The fast paths and expanding `لل` after the text is normalised give the text and
        /// offset map that classifying every char and following each word's first letters as
        /// they came gave, on text made of what rule 8 looks at (ل, و, ف, other
        /// letters, digits, spaces, punctuation, diacritics, tatweel, the ligature ﻻ, format
        /// chars) and the edges of the fast paths (U+0620–U+0622, U+0649–U+064B, DEL, tab),
        /// with a char of each class the byte table gives (kept, mapped to one byte or two,
        /// attached, dropped, left to the general path).
        #[test]
        fn fast_paths_and_expansion_agree_with_the_streaming_builder(s in "[لوفبحكاةأ1_ ,.~\t\u{7f}\u{1c}\u{620}\u{621}\u{622}\u{649}\u{64a}\u{64b}\u{660}\u{64e}\u{651}\u{640}\u{fefb}\u{fef5}\u{200f}\u{a0}\u{600}\u{60c}\u{61b}\u{61c}\u{61f}\u{66a}\u{66b}\u{670}\u{671}\u{67e}\u{6a9}\u{6f4}\n\r-]{0,24}") {
            proptest::prop_assert_eq!(Normalised::new(&s), streaming(&s));
        }

        /// The vector search of `لل` (two bytes compared, then the needle) finds what memmem finds,
        /// among other chars whose second byte is `84` (ڄ, U+0604).
        #[test]
        fn lam_lam_is_found_where_memmem_finds_it(s in "[لاب ةڄ\u{604}]{0,160}") {
            proptest::prop_assert_eq!(find_lam_lam(s.as_bytes()), memchr::memmem::find(s.as_bytes(), LAM_LAM));
        }

        /// The same agreement as above over longer texts (the vector search of `لل` needs some
        /// bytes to run), rich in what rule 8 looks at.
        #[test]
        fn long_texts_agree_with_the_streaming_builder(s in "[لوفباةأ1 ,.\u{651}\u{fedf}\u{fefb}\n]{0,200}") {
            proptest::prop_assert_eq!(Normalised::new(&s), streaming(&s));
        }
    }
}
