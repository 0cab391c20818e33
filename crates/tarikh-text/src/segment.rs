//! Sentences and clauses of a normalised text.

use crate::Normalised;
use std::ops::Range;

impl Normalised {
    /// Sentence byte ranges of the normalised text, in order, trimmed of whitespace, empty ones
    /// dropped.
    ///
    /// A sentence ends after a run of `.` `?` `!` `…` followed by whitespace or the end of the
    /// text, and at every `\n`. A `.` between two digits (`61.5`) is not an end. Inside a
    /// quotation nothing ends a sentence except a newline (which also closes the quotation); end
    /// punctuation right before the closing quote ends the sentence after the quote. Quotation
    /// marks are paired within the paragraph; one left unpaired (an unclosed quotation, common in
    /// web text) quotes nothing.
    ///
    /// Sentences and clauses are cut in one pass, the first time either is asked for, and kept
    /// with the text (anchoring and event extraction both read them).
    pub fn sentences(&self) -> Vec<Range<usize>> {
        self.segments().sentences.clone()
    }

    /// Clause byte ranges: the sentences further split after `,` `;` (from `،` `؛`) and `:`,
    /// outside quotations; same conventions as [`Normalised::sentences`].
    ///
    /// A `,` or `:` between two digits (`61,5`, `10:30`) does not split.
    pub fn clauses(&self) -> Vec<Range<usize>> {
        self.segments().clauses.clone()
    }

    fn segments(&self) -> &Segments {
        self.segment_cache().get_or_init(|| segment_both(self.as_str()))
    }
}

/// A text's sentences and clauses, cut in one pass.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segments {
    sentences: Vec<Range<usize>>,
    clauses: Vec<Range<usize>>,
}

/// Sentence byte ranges of a normalised text ([`Normalised::sentences`], for a text kept
/// without its offset map).
pub fn sentence_ranges(normalised: &str) -> Vec<Range<usize>> {
    segment_both(normalised).sentences
}

/// Clause byte ranges of a normalised text ([`Normalised::clauses`], for a text kept without its
/// offset map).
pub fn clause_ranges(normalised: &str) -> Vec<Range<usize>> {
    segment_both(normalised).clauses
}

/// Role of a straight quotation mark that belongs to a matched pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteMark {
    Open,
    Close,
}

/// The `"` marks of `text` (normalised: every quotation mark is `"`) that open or close a
/// quotation, by byte offset, in order; a mark left out is a stray.
///
/// Real web text often leaves a quotation unclosed («قال "إن …» with no closing mark, or a
/// closing `»` lost in copy), and a naive toggle then reads the rest of the paragraph as a
/// quotation, so no sentence or clause ends there. Marks are paired like brackets within a
/// paragraph (a newline ends every quotation): a mark after a space and before a word opens, a
/// mark after a word and before a space or punctuation closes (an ambiguous one closes when a
/// quotation is open, else opens), a closer pairs with the nearest open mark, and a mark left
/// without a partner at the end of the paragraph is not a quotation mark.
///
/// Only the bytes `"` and `\n` are looked at (both ASCII, so never inside a multi-byte char),
/// among `hits` (the offsets [`segment_bytes`] found, which include every one of them); the
/// chars around a mark are decoded where it stands.
fn quotation_marks(text: &str, hits: &[usize]) -> Vec<(usize, QuoteMark)> {
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for &at in hits {
        let b = bytes[at];
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
                marks.push((opener, QuoteMark::Open));
                marks.push((at, QuoteMark::Close));
            }
        } else {
            open.push(at);
        }
    }
    marks.sort_unstable_by_key(|m| m.0);
    marks
}

/// The role of the `"` at byte `at`, if it opens or closes a quotation (`marks` in order).
fn mark_at(marks: &[(usize, QuoteMark)], at: usize) -> Option<QuoteMark> {
    marks.binary_search_by_key(&at, |m| m.0).ok().map(|k| marks[k].1)
}

/// The first bytes of every char [`segment_both`] acts on: `\n`, `"`, `.`, `?`, `!`, `,`, `;`,
/// `:` and the lead byte of `…` (U+2026, `E2 80 A6`). Every other byte is skipped unread: a
/// sentence or clause never ends inside a word.
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

/// Whether `b` is one of [`SEGMENT_BYTES`], by comparisons (which the compiler runs on 16 bytes
/// at once) rather than a table look-up.
#[inline]
fn is_segment_byte(b: u8) -> bool {
    (b == b'\n') | (b == b'"') | (b == b'.') | (b == b'?') | (b == b'!') | (b == b',') | (b == b';') | (b == b':') | (b == 0xE2)
}

/// The offsets of the [`SEGMENT_BYTES`] of a text, in order. Sixteen bytes are tested at once
/// and most such blocks of an article hold none; the others are read byte by byte.
fn segment_bytes(bytes: &[u8]) -> Vec<usize> {
    const BLOCK: usize = 16;
    let mut hits = Vec::with_capacity(bytes.len() / 16);
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut base = 0;
    for block in &mut blocks {
        let block: &[u8; BLOCK] = block.try_into().expect("a block of 16 bytes");
        if block.iter().fold(0u8, |any, &b| any | u8::from(is_segment_byte(b))) != 0 {
            hits.extend(block.iter().enumerate().filter(|(_, &b)| SEGMENT_BYTES[usize::from(b)]).map(|(k, _)| base + k));
        }
        base += BLOCK;
    }
    hits.extend(blocks.remainder().iter().enumerate().filter(|(_, &b)| SEGMENT_BYTES[usize::from(b)]).map(|(k, _)| base + k));
    hits
}

/// Split `text` into trimmed, non-empty sentence and clause byte ranges, in one pass.
///
/// The rules are those of [`Normalised::sentences`] and [`Normalised::clauses`]. Every char they
/// look at before a mark is an ASCII digit or not, and an ASCII byte is never part of a
/// multi-byte char, so "the char before `i` is a digit" is "the byte before `i` is one".
fn segment_both(text: &str) -> Segments {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let char_at = |i: usize| -> Option<char> { text.get(i..).and_then(|s| s.chars().next()) };
    let is_term = |c: char| matches!(c, '.' | '?' | '!' | '…');
    let digit_before = |i: usize| i > 0 && bytes[i - 1].is_ascii_digit();
    let hits = segment_bytes(bytes);
    let marks = quotation_marks(text, &hits);
    // Each cut, and whether it also ends a sentence (a clause mark ends only a clause).
    let mut cuts: Vec<(usize, bool)> = Vec::with_capacity(hits.len() + 1);
    let mut depth = 0usize;
    // The bytes before `i` are read (a run of end marks reads past the mark that starts it).
    let mut i = 0;
    for &at in &hits {
        if at < i {
            continue;
        }
        i = at;
        let Some(c) = char_at(i) else {
            i += 1;
            continue;
        };
        let next_i = i + c.len_utf8();
        let in_quote = depth > 0;
        match c {
            '\n' => {
                cuts.push((next_i, true));
                depth = 0;
            }
            '"' => match mark_at(&marks, i) {
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
                        None => cuts.push((j, true)),
                        Some(n) if n.is_whitespace() && !in_quote => cuts.push((j, true)),
                        Some('"') if in_quote && mark_at(&marks, j) == Some(QuoteMark::Close) => {
                            depth -= 1;
                            j += 1;
                            cuts.push((j, true));
                        }
                        _ => {}
                    }
                }
                i = j;
                continue;
            }
            ',' | ';' | ':' if !in_quote => {
                let between_digits = c != ';' && digit_before(i) && char_at(next_i).is_some_and(|n| n.is_ascii_digit());
                if !between_digits {
                    cuts.push((next_i, false));
                }
            }
            _ => {}
        }
        i = next_i;
    }
    cuts.push((n, true));
    Segments { sentences: ranges(text, cuts.iter().filter(|c| c.1).map(|c| c.0)), clauses: ranges(text, cuts.iter().map(|c| c.0)) }
}

/// The trimmed, non-empty ranges between consecutive cuts.
fn ranges(text: &str, cuts: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(cuts.size_hint().0);
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
                let both = segment_both(&s);
                proptest::prop_assert_eq!(if clauses { both.clauses } else { both.sentences }, segment_char_by_char(&s, clauses));
            }
        }
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
