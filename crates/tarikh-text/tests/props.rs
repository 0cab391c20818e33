//! Property tests for the offset map, segmentation and normalisation invariants.

use proptest::prelude::*;
use tarikh_text::{normalise, Normalised};

/// Fragments that exercise every normalisation rule.
const FRAGMENTS: &[&str] = &[
    // letters and variants
    "ا",
    "ب",
    "ت",
    "س",
    "ل",
    "م",
    "ن",
    "ي",
    "و",
    "ف",
    "ك",
    "ع",
    "د",
    "ح",
    "أ",
    "إ",
    "آ",
    "ٱ",
    "ى",
    "ة",
    "ؤ",
    "ئ",
    "ء",
    "ک",
    "ی", // words and clitics
    "السبت",
    "الأحد",
    "يوم",
    "لل",
    "لل",
    "ولل",
    "فلل",
    "بال",
    "كانون",
    "الآن",
    "غداً",
    // diacritics, superscript alef, Quranic marks, tatweel
    "\u{064B}",
    "\u{064E}",
    "\u{0651}",
    "\u{0652}",
    "\u{065F}",
    "\u{0670}",
    "\u{06D6}",
    "\u{06ED}",
    "\u{0640}", // digits of all three kinds
    "0",
    "5",
    "9",
    "٠",
    "٢",
    "٩",
    "۰",
    "۴",
    "۹", // punctuation
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "…",
    "،",
    "؛",
    "؟",
    "٪",
    "٫",
    "٬",
    "۔",
    "-",
    "–",
    "—",
    "_",
    // quotes
    "\"",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'", // format chars
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{202A}",
    "\u{202E}",
    "\u{2066}",
    "\u{2069}",
    "\u{FEFF}",
    "\u{061C}",
    "\u{00AD}", // whitespace
    " ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{00A0}",
    "\u{2003}",
    "\u{202F}",
    "\u{3000}",
    // presentation forms and single-word ligatures
    "ﻻ",
    "ﻷ",
    "ﻹ",
    "ﻵ",
    "ﻼ",
    "ﺍ",
    "ﻟ",
    "ﻠ",
    "ﺔ",
    "ﷲ",
    "ﹰ",
    "ﹱ",
    "ﱞ",
    "ﺃ", // others
    "a",
    "Z",
    "😀",
];

fn mixed() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

fn sub(s: &str, a: usize, b: usize) -> String {
    s.chars().skip(a).take(b - a).collect()
}

fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
}

fn check_map(s: &str) -> Result<(), TestCaseError> {
    let n = Normalised::new(s);
    let t = n.as_str();
    let olen = s.chars().count();
    prop_assert_eq!(n.original_len(), olen);
    let bs = boundaries(t);
    let mut prev_start = 0;
    for (ai, &a) in bs.iter().enumerate() {
        let off = n.original_offset(a);
        prop_assert!(off >= prev_start, "offsets not monotone");
        prev_start = off;
        let mut prev_end = 0;
        for &b in &bs[ai..] {
            let (x, y) = n.original_span(a, b);
            prop_assert!(
                x <= y && y <= olen,
                "bad span {:?} for {}..{}",
                (x, y),
                a,
                b
            );
            prop_assert_eq!(x, off);
            prop_assert!(y >= prev_end, "ends not monotone");
            prev_end = y;
        }
    }
    if !t.is_empty() {
        let (x, y) = n.original_span(0, t.len());
        // Everything outside the span is deleted material; the span itself normalises to the text.
        prop_assert_eq!(normalise(&sub(s, 0, x)), "");
        prop_assert_eq!(normalise(&sub(s, y, olen)), "");
        prop_assert_eq!(normalise(&sub(s, x, y)), t);
    } else {
        prop_assert_eq!(n.original_span(0, 0), (olen, olen));
    }
    Ok(())
}

fn check_segments(t: &str, ranges: &[std::ops::Range<usize>]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for r in ranges {
        prop_assert!(r.start >= last && r.start < r.end && r.end <= t.len());
        prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        let seg = &t[r.clone()];
        prop_assert_eq!(seg.trim(), seg);
        last = r.end;
    }
    // Nothing but whitespace is left out.
    let mut covered = 0;
    for r in ranges {
        prop_assert!(t[covered..r.start].trim().is_empty());
        covered = r.end;
    }
    prop_assert!(t[covered..].trim().is_empty());
    Ok(())
}

fn check_all(s: &str) -> Result<(), TestCaseError> {
    check_map(s)?;
    let n = Normalised::new(s);
    let t = n.as_str();
    prop_assert_eq!(normalise(s), t);
    prop_assert_eq!(normalise(t), t, "not idempotent");
    let sents = n.sentences();
    let clauses = n.clauses();
    check_segments(t, &sents)?;
    check_segments(t, &clauses)?;
    // Every clause lies inside one sentence.
    for c in &clauses {
        prop_assert!(sents.iter().any(|s| s.start <= c.start && c.end <= s.end));
    }
    let mut last = 0;
    for tok in n.tokens() {
        prop_assert!(tok.range.start >= last && tok.range.start < tok.range.end);
        prop_assert!(tok.range.start <= tok.stem_start && tok.stem_start < tok.range.end);
        prop_assert!(t.is_char_boundary(tok.stem_start));
        last = tok.range.end;
        let word = &t[tok.range.clone()];
        prop_assert!(word.chars().all(|c| c.is_alphanumeric() || c == '_'));
        // Round trip through the original.
        let (x, y) = n.original_span(tok.range.start, tok.range.end);
        prop_assert_eq!(normalise(&sub(s, x, y)), word, "round trip of {:?}", word);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn mixed_arabic(s in mixed()) {
        check_all(&s)?;
    }

    #[test]
    fn arbitrary_text(s in any::<String>()) {
        check_map(&s)?;
        let n = Normalised::new(&s);
        prop_assert_eq!(normalise(n.as_str()), n.as_str());
        check_segments(n.as_str(), &n.sentences())?;
        check_segments(n.as_str(), &n.clauses())?;
        let _ = n.tokens();
    }

    #[test]
    fn proclitic_len_in_bounds(s in mixed()) {
        let w = normalise(&s);
        let l = tarikh_text::proclitic_len(&w);
        prop_assert!(l <= w.len() && w.is_char_boundary(l));
    }
}

/// A 3 MB text is normalised whole, with its offset map and its sentences (its time is printed,
/// not asserted: speed is measured in the benchmarks).
#[test]
fn huge_input_is_normalised_whole() {
    let unit =
        "وفي يوم السبت، ٢٤ تشرين الأول/أكتوبر ٢٠٢٣، قال «المسؤول» إنّ الاجتماع سيُعقد للأحد المقبل.\r\n";
    let s = unit.repeat(20_000); // ~3 MB
    let t0 = std::time::Instant::now();
    let n = Normalised::new(&s);
    let el = t0.elapsed();
    assert_eq!(n.original_len(), s.chars().count());
    assert_eq!(n.sentences().len(), 20_000);
    eprintln!("normalised {} bytes in {:?}", s.len(), el);
}
