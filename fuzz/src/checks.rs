//! The invariants the fuzz targets check, one function per target.
//!
//! Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`) and by
//! `crates/tarikh/tests/robustness.rs` (which includes this file with `#[path]`), so `make test`
//! checks the same things over generated inputs. Each function panics only when an invariant is
//! broken (or when the library itself panics): that is what the fuzzer reports as a crash.

use chrono::NaiveDate;
use std::sync::OnceLock;
use tarikh_anchor::{anchor_document, parse_phrase, Prefer, PublicationHint, Reference, Timex};
use tarikh_grammar::Grammar;
use tarikh_text::Normalised;

/// The built-in grammar, loaded once.
pub fn grammar() -> &'static Grammar {
    static GRAMMAR: OnceLock<Grammar> = OnceLock::new();
    GRAMMAR.get_or_init(|| Grammar::embedded().expect("the embedded grammar loads"))
}

fn chars_between(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// A byte range of `text` lies inside it and on char boundaries.
fn check_byte_range(text: &str, r: &std::ops::Range<usize>, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what}: range {r:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{what}: range {r:?} not on char boundaries");
}

/// A mapped original span is in bounds.
fn check_span(n: &Normalised, r: &std::ops::Range<usize>, what: &str) -> (usize, usize) {
    let (s, e) = n.original_span(r.start, r.end);
    assert!(s <= e && e <= n.original_len(), "{what}: span {s}..{e} of {r:?} outside 0..{}", n.original_len());
    (s, e)
}

/// `normalise` target: `Normalised::new`, then `original_span` on every token, sentence and clause.
pub fn normalise(text: &str) {
    let n = Normalised::new(text);
    assert_eq!(n.original_len(), text.chars().count(), "original_len counts code points");
    let t = n.as_str();
    for tok in n.tokens() {
        check_byte_range(t, &tok.range, "token");
        assert!(tok.range.start <= tok.stem_start && tok.stem_start <= tok.range.end, "stem start {} outside {:?}", tok.stem_start, tok.range);
        assert!(t.is_char_boundary(tok.stem_start), "stem start {} not on a char boundary", tok.stem_start);
        let (s, e) = check_span(&n, &tok.range, "token");
        assert!(s < e || tok.range.is_empty(), "token {:?} maps to an empty span", &t[tok.range.clone()]);
        check_span(&n, &(tok.stem_start..tok.range.end), "stem");
    }
    for r in n.sentences().iter().chain(n.clauses().iter()) {
        check_byte_range(t, r, "segment");
        check_span(&n, r, "segment");
    }
    // Any byte offsets at all (even inside chars, reversed or past the end) are clamped.
    let len = t.len();
    for (a, b) in [(0, len), (len, 0), (len + 7, len + 9), (1, len.saturating_sub(1)), (len / 2, len / 2 + 1)] {
        check_span(&n, &(a..b), "arbitrary");
        assert!(n.original_offset(a) <= n.original_len());
    }
}

/// Every timex and conflict of a document points at the original characters it quotes.
fn check_timexes(original: &str, normalised_len: usize, timexes: &[Timex]) {
    let chars: Vec<char> = original.chars().collect();
    let mut last_end = 0;
    for t in timexes {
        assert!(t.start <= t.end && t.end <= chars.len(), "timex {}..{} outside 0..{}", t.start, t.end, chars.len());
        assert_eq!(t.text, chars_between(&chars, t.start, t.end), "timex text is the original characters {}..{}", t.start, t.end);
        assert!(t.byte_range.start <= t.byte_range.end && t.byte_range.end <= normalised_len, "timex byte range {:?}", t.byte_range);
        assert!(!t.value.is_empty(), "timex {:?} has an empty value", t.text);
        assert!(t.start >= last_end, "timexes overlap or are out of order at {}", t.start);
        last_end = t.end;
        if let Some(iv) = t.interval {
            assert!(iv.start <= iv.end, "interval of {:?} ends before it starts", t.text);
        }
        if let Some((lo, hi)) = t.duration_seconds {
            assert!(lo <= hi, "duration of {:?}: {lo} > {hi}", t.text);
        }
    }
}

/// `tag` target: the grammar's `find` on the normalised text, then `anchor_document` with a
/// publication date from metadata and with one inferred from the text.
pub fn tag(text: &str) {
    let g = grammar();
    let n = Normalised::new(text);
    let t = n.as_str();
    for m in g.find(t) {
        check_byte_range(t, &m.range, "mention");
        check_byte_range(t, &m.matched, "matched");
        check_span(&n, &m.range, "mention");
    }
    let day = NaiveDate::from_ymd_opt(2017, 5, 6).expect("date");
    // with a publication day, and without one (its day unknown: relative values X-valued)
    for date in [Some(day), None] {
        let hint = PublicationHint { date, time: None, timezone: chrono_tz::Europe::Paris, fallback: None, inferred: None };
        let doc = anchor_document(g, "fuzz", text.to_string(), &hint, Prefer::NearestLeaningPast);
        assert_eq!(doc.original, text, "the original text is kept as given");
        check_timexes(text, doc.normalised.as_str().len(), &doc.timexes);
        let chars: Vec<char> = text.chars().collect();
        for c in &doc.conflicts {
            assert!(c.start <= c.end && c.end <= chars.len(), "conflict {}..{} outside the text", c.start, c.end);
            assert_eq!(c.text, chars_between(&chars, c.start, c.end), "conflict text");
        }
    }
}

/// Reference times for `parse`: an ordinary day, and the extremes `tarikh parse --ref` accepts.
fn references(text: &str) -> Vec<(Reference, Prefer)> {
    let h = text.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let extreme = [(1, 1, 1), (9999, 12, 31), (1438, 8, 10), (2017, 2, 28)][(h % 4) as usize];
    let prefer = [Prefer::Past, Prefer::Future, Prefer::Nearest, Prefer::NearestLeaningPast][((h / 4) % 4) as usize];
    let time = chrono::NaiveTime::from_hms_opt((h / 16) % 24, 0, 0);
    let mut out = vec![(Reference { date: NaiveDate::from_ymd_opt(2017, 5, 6).expect("date"), time: None, tz: chrono_tz::Europe::Paris }, Prefer::Nearest)];
    if let Some(date) = NaiveDate::from_ymd_opt(extreme.0, extreme.1, extreme.2) {
        out.push((Reference { date, time, tz: chrono_tz::Asia::Riyadh }, prefer));
    }
    out
}

/// `parse` target: `parse_phrase` (what `tarikh parse` runs per line) against several references.
pub fn parse(text: &str) {
    let g = grammar();
    for (r, prefer) in references(text) {
        if let Some(t) = parse_phrase(g, text, r, prefer) {
            check_timexes(text, usize::MAX, std::slice::from_ref(&t));
        }
    }
}
