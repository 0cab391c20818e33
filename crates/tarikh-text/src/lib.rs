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
//! [`Normalised::original_span`] maps any byte range of the normalised text back (a binary search
//! among the few chars whose range is not one for one, and a count of at most 64 bytes).
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

mod normalise;
mod origins;
mod segment;
mod words;

pub use normalise::{normalise, Normalised};
pub use segment::{clause_ranges, sentence_ranges};
pub use words::{is_basic_letter_at, is_word_char, proclitic_len, Token};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{NEVER_STRIP, SHORT_COMMON};
    #[test]
    fn a_basic_letter_is_told_by_its_two_bytes() {
        // Every char, alone, at a text's end, before another char and after one: the two-byte
        // test agrees with the char's code point.
        let mut letters = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let basic = ('\u{0620}'..='\u{064A}').contains(&c);
            for (text, at) in [(format!("{c}"), 0), (format!("{c}\u{80}"), 0), (format!("{c}a"), 0), (format!("a{c}"), 1)] {
                assert_eq!(is_basic_letter_at(text.as_bytes(), at), basic, "{c:?} in {text:?}");
            }
            letters += usize::from(basic);
        }
        assert_eq!(letters, 0x064A - 0x0620 + 1);
        assert!(!is_basic_letter_at(b"", 0) && !is_basic_letter_at(b"a", 0) && !is_basic_letter_at(b"ab", usize::MAX));
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
}
