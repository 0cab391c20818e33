//! How a context is searched around an expression: a literal check that rules it out before its
//! regex runs, and the regex itself ([`ContextRegex`]).
//!
//! Every candidate expression tries each context of its type: ~6 regex captures per mention, over
//! 96-byte windows, were a fifth of tagging real text. Yet a left context must end right before
//! the expression (`…(?P<_ctx>BODY)\s*$`) and a right context start right after it
//! (`^\s*(?P<_ctx>BODY)…`), so the window's last (first) non-space bytes must be one of the
//! body's suffix (prefix) literals, which regex-syntax's extractor lists. Where that set is finite,
//! holds no empty literal and no literal with a space at the window's side (so the body's edge is
//! the window's trimmed edge: regex `\s` and `char::is_whitespace` are both Unicode White_Space),
//! the check is necessary for a match, and skipping the regex when it fails changes nothing.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::Hir;

/// Which side of the expression a context reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Side {
    /// Before it: the body ends at the window's end.
    Left,
    /// After it: the body starts at the window's start.
    Right,
}

/// The literals a context body must end (left) or start (right) with.
#[derive(Debug, Clone)]
pub(crate) struct EdgeLiterals {
    side: Side,
    /// Sorted, deduplicated.
    literals: Vec<Vec<u8>>,
    /// The distinct literal lengths, ascending.
    lengths: Vec<usize>,
}

impl EdgeLiterals {
    /// The check for a context body on `side`, or `None` when no sound check exists.
    pub(crate) fn new(body: &Hir, side: Side) -> Option<EdgeLiterals> {
        let mut ex = Extractor::new();
        let kind = if side == Side::Left { ExtractKind::Suffix } else { ExtractKind::Prefix };
        ex.kind(kind).limit_class(16).limit_repeat(4).limit_literal_len(12).limit_total(2000);
        let seq = ex.extract(body);
        let lits = seq.literals()?;
        let mut literals: Vec<Vec<u8>> = Vec::with_capacity(lits.len());
        for l in lits {
            // (A literal cut at 12 bytes may end, or start, inside a character; its edge on the
            // window's side is whole.)
            if edge_char(l.as_bytes(), side).is_none_or(char::is_whitespace) {
                return None;
            }
            literals.push(l.as_bytes().to_vec());
        }
        if literals.is_empty() {
            return None;
        }
        literals.sort();
        literals.dedup();
        let mut lengths: Vec<usize> = literals.iter().map(Vec::len).collect();
        lengths.sort_unstable();
        lengths.dedup();
        Some(EdgeLiterals { side, literals, lengths })
    }

    /// Can the context's regex match in `window` (the text before the expression for a left
    /// context, after it for a right one)? `false` only when it certainly cannot.
    pub(crate) fn admits(&self, window: &str) -> bool {
        let trimmed = match self.side {
            Side::Left => window.trim_end(),
            Side::Right => window.trim_start(),
        }
        .as_bytes();
        self.lengths.iter().take_while(|&&n| n <= trimmed.len()).any(|&n| {
            let edge = match self.side {
                Side::Left => &trimmed[trimmed.len() - n..],
                Side::Right => &trimmed[..n],
            };
            self.literals.binary_search_by(|l| l.as_slice().cmp(edge)).is_ok()
        })
    }
}

/// The first (right) or last (left) character of `bytes`, if it is valid UTF-8 there.
fn edge_char(bytes: &[u8], side: Side) -> Option<char> {
    (1..=bytes.len().min(4)).find_map(|k| {
        let piece = if side == Side::Left { &bytes[bytes.len() - k..] } else { &bytes[..k] };
        std::str::from_utf8(piece).ok().and_then(|s| s.chars().next())
    })
}

/// A context's regex (`left` or `right`), searched with captures in a window of ~96 bytes.
///
/// A meta regex without the bounded backtracker: on a context match (or where the lazy DFA gives
/// up), the backtracker cleared a visited set of NFA states × window bytes before every search
/// (the `[^\w]` boundary and the lexicons make NFAs of thousands of states), ~57,000
/// instructions a search, most of the contexts' cost. The PikeVM fills the same groups (every
/// engine of regex-automata reports the same leftmost-first match and groups).
///
/// Most searches find nothing (~1 in 16 matches on real news), so a match is first tested for
/// without groups: with the meta regex's lazy DFA, or, for a pattern with a Unicode word boundary
/// (`\b`, on which the lazy DFA gives up at the first Arabic letter and the PikeVM would run over
/// the whole window: the apposed dates, a fifth of tagging), with the lazy DFA of the same pattern
/// without its word boundaries ([`crate::prefilter::word_boundary_free`]), whose language holds
/// every match of the pattern. Only a window that passes is searched with captures, so the
/// matches and their groups are those of the capture search alone.
#[derive(Debug)]
pub(crate) struct ContextRegex {
    regex: regex_automata::meta::Regex,
    /// The full pattern, for the word-boundary-free filter (built after [`FILTER_AFTER`] searches).
    pattern: String,
    /// `Some(None)`: the pattern has no `\b` (or no filter could be built) and the meta regex's
    /// own match test is used.
    filter: std::sync::OnceLock<Option<crate::prefilter::LongestFilter>>,
    /// Searches made so far, up to [`FILTER_AFTER`]: the filter is built only once that many
    /// have been made, so a one-phrase `tarikh parse` does not pay for it.
    searches: std::sync::atomic::AtomicUsize,
}

/// How many searches a context with a `\b` makes without its filter (the capture search alone,
/// as before the filter existed) before the filter is built: building it (a second NFA and lazy
/// DFA of a pattern of thousands of states) costs about as much as a few dozen of those searches.
const FILTER_AFTER: usize = 32;

impl Clone for ContextRegex {
    fn clone(&self) -> ContextRegex {
        ContextRegex { regex: self.regex.clone(), pattern: self.pattern.clone(), filter: self.filter.clone(), searches: std::sync::atomic::AtomicUsize::new(self.searches.load(std::sync::atomic::Ordering::Relaxed)) }
    }
}

/// A match of a [`ContextRegex`] in its window, with its groups.
pub(crate) struct ContextMatch<'h> {
    window: &'h str,
    caps: regex_automata::util::captures::Captures,
}

impl ContextMatch<'_> {
    /// The byte range (in the window) of the group `name`, if it took part in the match.
    pub(crate) fn range(&self, name: &str) -> Option<std::ops::Range<usize>> {
        self.caps.get_group_by_name(name).map(|span| span.range())
    }
}

impl<'h> ContextMatch<'h> {
    /// The text of the group `name`, if it took part in the match.
    pub(crate) fn text(&self, name: &str) -> Option<&'h str> {
        self.range(name).map(|r| &self.window[r])
    }
}

impl ContextRegex {
    /// Compile a context's full pattern; the error is the regex crate's message.
    pub(crate) fn new(pattern: &str) -> Result<ContextRegex, String> {
        let config = regex_automata::meta::Config::new().backtrack(false);
        let regex = regex_automata::meta::Regex::builder().configure(config).build(pattern).map_err(|e| e.to_string())?;
        Ok(ContextRegex { regex, pattern: pattern.to_string(), filter: std::sync::OnceLock::new(), searches: std::sync::atomic::AtomicUsize::new(0) })
    }

    /// Can the regex match somewhere in `window`? `false` only when it certainly cannot.
    fn may_match(&self, window: &str) -> bool {
        // Every word-boundary assertion is written `\b`, `\B`, `\<` or `\>`: a pattern with none of
        // them needs no filter, and is not parsed again to find that out (one-phrase start-up).
        let may_have_boundary = || [r"\b", r"\B", r"\<", r"\>"].iter().any(|w| self.pattern.contains(w));
        if self.filter.get().is_none() && self.searches.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < FILTER_AFTER && may_have_boundary() {
            return true;
        }
        let filter = self.filter.get_or_init(|| may_have_boundary().then(|| crate::prefilter::word_boundary_free(&self.pattern)).flatten());
        match filter {
            Some(filter) => filter.longest_end(&regex_automata::Input::new(window)).is_some(),
            None => self.regex.is_match(window),
        }
    }

    /// The leftmost-first match in `window`, with its groups.
    pub(crate) fn captures<'h>(&self, window: &'h str) -> Option<ContextMatch<'h>> {
        if !self.may_match(window) {
            return None;
        }
        let mut caps = self.regex.create_captures();
        self.regex.captures(window, &mut caps);
        caps.is_match().then_some(ContextMatch { window, caps })
    }

    /// The names of the pattern's capture groups, in order.
    pub(crate) fn capture_names(&self) -> impl Iterator<Item = &str> {
        self.regex.group_info().pattern_names(regex_automata::PatternID::ZERO).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hir(p: &str) -> Hir {
        regex_syntax::Parser::new().parse(p).unwrap()
    }

    #[test]
    fn a_word_boundary_context_finds_the_same_matches_with_its_filter_as_without() {
        // A right context with `\b` (the lazy DFA gives up on Arabic there): the same matches and
        // groups before its filter is built, after it, and from the plain regex.
        let pattern = r"^\s*(?P<_ctx>,?\s*(?:الموافق\s+)?(?P<d>[0-9]{1,2})\s+(?P<m>مايو|يونيو)\b)";
        let context = ContextRegex::new(pattern).unwrap();
        let plain = regex::Regex::new(pattern).unwrap();
        let windows = [" الموافق 5 مايو وقال", ", 12 يونيو", " 12 يونيوز", " وقال إن 5 مايو", "5 مايو", " مايو 5"];
        for round in 0..2 * FILTER_AFTER / windows.len() + 2 {
            for w in windows {
                let ours = context.captures(w).map(|c| (c.range("_ctx"), c.text("d"), c.text("m")));
                let theirs = plain.captures(w).map(|c| (c.name("_ctx").map(|m| m.range()), c.name("d").map(|m| m.as_str()), c.name("m").map(|m| m.as_str())));
                assert_eq!(ours, theirs, "round {round}, window «{w}»");
            }
        }
        assert!(context.filter.get().is_some_and(Option::is_some), "the filter is built after {FILTER_AFTER} searches");
    }

    #[test]
    fn a_left_body_must_end_the_window() {
        let e = EdgeLiterals::new(&hir("(?:قبل|بعد)"), Side::Left).unwrap();
        assert!(e.admits("وصل الوفد قبل "));
        assert!(e.admits("بعد"));
        assert!(!e.admits("قبل وصول الوفد "));
    }

    #[test]
    fn a_right_body_must_start_the_window() {
        let e = EdgeLiterals::new(&hir(r"من\s+(?:الآن|اليوم)"), Side::Right).unwrap();
        assert!(e.admits("  من الآن"));
        assert!(!e.admits(" وقال من الآن"));
    }

    #[test]
    fn no_check_where_it_would_not_be_sound() {
        // A body that may be empty, or whose edge is a space or a large class, gets no check.
        assert!(EdgeLiterals::new(&hir("(?:قبل)?"), Side::Left).is_none());
        assert!(EdgeLiterals::new(&hir(r"قبل\s"), Side::Left).is_none());
        assert!(EdgeLiterals::new(&hir(r"\w+"), Side::Right).is_none());
    }
}
