//! How a context is searched around an expression: a literal check that rules it out before its
//! regex runs, and the regex itself ([`ContextRegex`]).
//!
//! Every candidate expression tries each context of its type: ~6 regex captures per mention, over
//! 96-byte windows, were a fifth of tagging real text. Yet a left context must end right before
//! the expression (`…(?P<_ctx>BODY)\s*$`) and a right context start right after it
//! (`^\s*(?P<_ctx>BODY)…`). Leave out every white space character, from the window and from the
//! body (a space written in a pattern is `\s+`, an optional one `\s*`, so most bodies start
//! `,?\s*…`): what is left of the window must then end (left) or start (right) with one of the
//! literals the spaceless body ends or starts with, which regex-syntax's extractor lists. Where
//! that set is finite and holds no empty literal, and the body has no class that mixes spaces with
//! other characters (regex `\s` and `char::is_whitespace` are both Unicode White_Space), the check
//! is necessary for a match, and skipping the regex when it fails changes nothing.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use crate::semantics::MentionType;
use regex_syntax::hir::Hir;

/// What lets a candidate skip contexts without trying them, worked out once per grammar:
/// - per expression type, the contexts that apply to it (index in the grammar's contexts, in
///   grammar order): a candidate visits only those, rather than all of them with a scan of each
///   one's types (17 of the 24 apply to a date; every candidate tries them once more after one
///   applies);
/// - every left context's edge literals in one trie ([`LeftEdges`]), walked once per candidate
///   start rather than once per left context.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContextIndex {
    /// Indexed by [`type_slot`].
    of_type: [Vec<u32>; 5],
    /// The same as sets, a bit per context (all empty with more than 128 contexts, when no
    /// automaton or merged trie is made either).
    type_masks: [u128; 5],
    /// The contexts with a left side, and those with a right side.
    left_sides: u128,
    right_sides: u128,
    /// Made for the first text longer than [`crate::prefilter::SHORT_TEXT`] (a phrase tries few
    /// contexts, and making it works out every left context's literals); `None` inside with
    /// more than 128 contexts.
    left_edges: std::sync::OnceLock<Option<LeftEdges>>,
}

/// A type's place in [`ContextIndex`].
fn type_slot(kind: MentionType) -> usize {
    match kind {
        MentionType::Date => 0,
        MentionType::Time => 1,
        MentionType::Duration => 2,
        MentionType::Set => 3,
        MentionType::None => 4,
    }
}

impl ContextIndex {
    /// The index of `contexts` (the grammar's, in order).
    pub(crate) fn new(contexts: &[crate::load::Context]) -> ContextIndex {
        let mut index = ContextIndex::default();
        for (ci, ctx) in contexts.iter().enumerate() {
            for (slot, list) in index.of_type.iter_mut().enumerate() {
                if ctx.types.iter().any(|&t| type_slot(t) == slot) {
                    list.push(ci as u32);
                }
            }
        }
        if contexts.len() <= 128 {
            for (slot, list) in index.of_type.iter().enumerate() {
                index.type_masks[slot] = list.iter().fold(0, |m, &ci| m | 1 << ci);
            }
            let sides = |has: &dyn Fn(&crate::load::Context) -> bool| contexts.iter().enumerate().filter(|(_, c)| has(c)).fold(0u128, |m, (ci, _)| m | 1 << ci);
            index.left_sides = sides(&|c| c.left.is_some());
            index.right_sides = sides(&|c| c.right.is_some());
        }
        index
    }

    /// For an expression of type `kind`: its contexts, the contexts with a left side and those
    /// with a right side, as sets (see [`ContextIndex::type_masks`]).
    pub(crate) fn masks(&self, kind: MentionType) -> (u128, u128, u128) {
        (self.type_masks[type_slot(kind)], self.left_sides, self.right_sides)
    }

    /// The contexts that apply to an expression of type `kind`, in grammar order.
    pub(crate) fn of(&self, kind: MentionType) -> &[u32] {
        &self.of_type[type_slot(kind)]
    }

    /// The left contexts' edge literals in one trie, for a candidate in `text`; `None` for a short
    /// text or more than 128 contexts (then each context checks its own).
    pub(crate) fn left_edges(&self, grammar: &crate::Grammar, text: &str) -> Option<&LeftEdges> {
        if text.len() <= crate::prefilter::SHORT_TEXT {
            return None;
        }
        self.left_edges.get_or_init(|| LeftEdges::new(grammar)).as_ref()
    }
}

/// Every left context's [`EdgeLiterals`] merged into one trie, read backwards from the window's
/// end as each of them is: one walk tells which left contexts' literal check passes in a window.
/// A context left out of the result would have failed [`crate::load::Context::admits`] at its
/// first test (which has no other effect), so skipping it changes nothing.
#[derive(Debug, Clone)]
pub(crate) struct LeftEdges {
    /// The trie's nodes, the root first.
    nodes: Vec<MergedNode>,
    /// The left contexts without a sound check: every window admits them.
    unchecked: u128,
}

/// A node of [`LeftEdges`].
#[derive(Debug, Clone, Default)]
struct MergedNode {
    /// The contexts a literal of which ends here.
    ends: u128,
    /// (next byte, node), sorted by byte.
    next: Vec<(u8, u32)>,
}

impl LeftEdges {
    /// The merged trie of `grammar`'s left contexts; `None` with more than 128 contexts.
    fn new(grammar: &crate::Grammar) -> Option<LeftEdges> {
        if grammar.contexts.len() > 128 {
            return None;
        }
        let mut merged = LeftEdges { nodes: vec![MergedNode::default()], unchecked: 0 };
        for (ci, ctx) in grammar.contexts.iter().enumerate() {
            if ctx.left.is_none() {
                continue;
            }
            let Some(edge) = ctx.edge(grammar, Side::Left) else {
                merged.unchecked |= 1 << ci;
                continue;
            };
            // (node of the context's trie, node of the merged one), from the roots down
            let mut pending = vec![(0usize, 0usize)];
            while let Some((from, to)) = pending.pop() {
                if edge.nodes[from].end {
                    merged.nodes[to].ends |= 1 << ci;
                }
                for &(byte, child) in &edge.nodes[from].next {
                    let next = match merged.nodes[to].next.binary_search_by_key(&byte, |&(b, _)| b) {
                        Ok(i) => merged.nodes[to].next[i].1 as usize,
                        Err(i) => {
                            merged.nodes.push(MergedNode::default());
                            let new = merged.nodes.len() - 1;
                            merged.nodes[to].next.insert(i, (byte, new as u32));
                            new
                        }
                    };
                    pending.push((child as usize, next));
                }
            }
        }
        Some(merged)
    }

    /// The left contexts whose literal check passes in `window` (the text before the expression):
    /// those with a literal that, white space left out of the window, ends it.
    pub(crate) fn admitted(&self, window: &str) -> crate::right_contexts::ContextSet {
        let mut set = self.unchecked;
        let mut node = &self.nodes[0];
        let bytes = window.as_bytes();
        'walk: for (at, c) in window.char_indices().rev() {
            if c.is_whitespace() {
                continue;
            }
            for &byte in bytes[at..at + c.len_utf8()].iter().rev() {
                set |= node.ends;
                match node.next.binary_search_by_key(&byte, |&(b, _)| b) {
                    Ok(i) => node = &self.nodes[node.next[i].1 as usize],
                    Err(_) => break 'walk,
                }
            }
        }
        // (the node the walk stopped at: where it failed, or where the window ran out)
        set |= node.ends;
        crate::right_contexts::ContextSet::of(set)
    }
}

/// Which side of the expression a context reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Side {
    /// Before it: the body ends at the window's end.
    Left,
    /// After it: the body starts at the window's start.
    Right,
}

/// The literals a context body, its white space left out, must end (left) or start (right) with,
/// as a trie read from the window's edge inwards (a right context's literals forwards, a left
/// one's backwards): a window is ruled out after a byte or two, whatever the number of literals
/// (up to 2,000 of 12 lengths where a lexicon comes first).
#[derive(Debug, Clone)]
pub(crate) struct EdgeLiterals {
    side: Side,
    /// The trie's nodes, the root first; none of the literals holds white space.
    nodes: Vec<TrieNode>,
}

/// A node of [`EdgeLiterals`]' trie.
#[derive(Debug, Clone, Default)]
struct TrieNode {
    /// A literal ends here.
    end: bool,
    /// (next byte, node), sorted by byte.
    next: Vec<(u8, u32)>,
}

/// Every Unicode White_Space character (what `char::is_whitespace` and regex `\s` take).
const WHITE_SPACE: [char; 25] = [
    '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}',
    '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
];

impl EdgeLiterals {
    /// The check for a context body on `side`, or `None` when no sound check exists.
    #[cfg(test)]
    pub(crate) fn new(body: &Hir, side: Side) -> Option<EdgeLiterals> {
        Some(EdgeLiterals::from_literals(&EdgeLiterals::literals(body, side)?, side))
    }

    /// The literals of the check for a context body on `side` (see [`EdgeLiterals::new`]; kept
    /// in the analysis cache), or `None` when no sound check exists.
    pub(crate) fn literals(body: &Hir, side: Side) -> Option<Vec<Vec<u8>>> {
        let body = without_white_space(body)?;
        let mut ex = Extractor::new();
        let kind = if side == Side::Left { ExtractKind::Suffix } else { ExtractKind::Prefix };
        ex.kind(kind).limit_class(16).limit_repeat(4).limit_literal_len(12).limit_total(2000);
        let seq = ex.extract(&body);
        let lits = seq.literals()?;
        let mut literals: Vec<Vec<u8>> = Vec::with_capacity(lits.len());
        for l in lits {
            // (A literal cut at 12 bytes may end, or start, inside a character; its edge on the
            // window's side is whole.) A body that may match spaces only leaves an empty literal.
            if edge_char(l.as_bytes(), side).is_none_or(char::is_whitespace) {
                return None;
            }
            literals.push(l.as_bytes().to_vec());
        }
        (!literals.is_empty()).then_some(literals)
    }

    /// The check made of `literals` (from [`EdgeLiterals::literals`]) for a body on `side`.
    pub(crate) fn from_literals(literals: &[Vec<u8>], side: Side) -> EdgeLiterals {
        let mut nodes = vec![TrieNode::default()];
        for literal in literals {
            let mut node = 0;
            let bytes: Box<dyn Iterator<Item = &u8>> = if side == Side::Left { Box::new(literal.iter().rev()) } else { Box::new(literal.iter()) };
            for &byte in bytes {
                node = match nodes[node].next.binary_search_by_key(&byte, |&(b, _)| b) {
                    Ok(i) => nodes[node].next[i].1 as usize,
                    Err(i) => {
                        nodes.push(TrieNode::default());
                        let new = nodes.len() - 1;
                        nodes[node].next.insert(i, (byte, new as u32));
                        new
                    }
                };
            }
            nodes[node].end = true;
        }
        EdgeLiterals { side, nodes }
    }

    /// Can the context's regex match in `window` (the text before the expression for a left
    /// context, after it for a right one)? `false` only when it certainly cannot: when, its white
    /// space left out, the window does not start (right) or end (left) with a literal.
    pub(crate) fn admits(&self, window: &str) -> bool {
        let mut node = &self.nodes[0];
        let mut step = |byte: u8| -> Option<bool> {
            if node.end {
                return Some(true);
            }
            match node.next.binary_search_by_key(&byte, |&(b, _)| b) {
                Ok(i) => {
                    node = &self.nodes[node.next[i].1 as usize];
                    None
                }
                Err(_) => Some(false),
            }
        };
        let mut buf = [0u8; 4];
        let found = match self.side {
            Side::Right => window.chars().filter(|c| !c.is_whitespace()).find_map(|c| c.encode_utf8(&mut buf).bytes().find_map(&mut step)),
            Side::Left => window.chars().rev().filter(|c| !c.is_whitespace()).find_map(|c| c.encode_utf8(&mut buf).bytes().rev().find_map(&mut step)),
        };
        // The window ran out: a literal may end with it.
        found.unwrap_or(node.end)
    }
}

/// `hir` with every white space character left out: literals lose theirs, a class of white space
/// only (`\s`, a written space) matches nothing more; `None` when a class or a byte class holds
/// white space and other characters too (leaving the white space out of it is not possible).
/// A match `s` of `hir` gives a match of the result, `s` without its white space.
fn without_white_space(hir: &Hir) -> Option<Hir> {
    use regex_syntax::hir::{Capture, Class, HirKind, Repetition};
    let all = |v: &[Hir]| v.iter().map(without_white_space).collect::<Option<Vec<Hir>>>();
    Some(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => hir.clone(),
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0).ok()?;
            let kept: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            if kept.is_empty() {
                Hir::empty()
            } else {
                Hir::literal(kept.into_bytes())
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            let spaces = WHITE_SPACE.iter().filter(|&&w| class.ranges().iter().any(|r| r.start() <= w && w <= r.end())).count();
            let size: usize = class.ranges().iter().map(|r| r.len()).sum();
            match spaces {
                0 => hir.clone(),
                n if n == size => Hir::empty(),
                _ => return None,
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            // A byte class that may take a space, or a byte of a non-ASCII one.
            if class.ranges().iter().any(|r| r.end() >= 0x80 || (r.start() <= b' ' && r.end() >= b'\t')) {
                return None;
            }
            hir.clone()
        }
        HirKind::Repetition(r) => Hir::repetition(Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(without_white_space(&r.sub)?) }),
        HirKind::Capture(c) => Hir::capture(Capture { index: c.index, name: c.name.clone(), sub: Box::new(without_white_space(&c.sub)?) }),
        HirKind::Concat(v) => Hir::concat(all(v)?),
        HirKind::Alternation(v) => Hir::alternation(all(v)?),
    })
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
/// A meta regex built with its lexicon alternations as tries ([`crate::word_trie`]: the same
/// matches and groups). As written, the lexicons made NFAs of thousands of states: the bounded
/// backtracker cleared a visited set of states × window bytes before every search (~57,000
/// instructions), and the PikeVM that replaced it carried a thread per word of a lexicon (~32,000
/// a search, half of the contexts' cost). With tries the NFA is a fraction of that and the
/// backtracker is the cheaper again (~10,000). Every engine of regex-automata reports the same
/// leftmost-first match and groups.
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
    /// The pattern as compiled (lexicons as tries), for [`GroupFinder`]; `None` if it was
    /// compiled from its text (it did not parse: then it is not compiled either).
    hir: Option<Hir>,
    /// Built at the first search that passes the filter, for a pattern with `\b`: see [`GroupFinder`].
    groups: std::sync::OnceLock<Option<GroupFinder>>,
}

/// The match and groups of a context with a Unicode word boundary (`\b`), found by
/// [`crate::anchored::Backtracker`]. The meta regex's lazy DFA gives up on `\b` next to an Arabic
/// letter, and it falls back to regex-automata's bounded backtracker over the whole window, which
/// clears a visited set of the NFA's states (thousands, with the lexicon tries) times the window's
/// bytes first: ~14 instructions per byte of tagging. The same NFA (the same pattern, the meta
/// regex's configuration), searched by the same algorithm, finds the same leftmost-first match
/// and groups (a test compares them). A context without `\b` keeps the meta regex, whose lazy DFA
/// finds the match and whose capture search runs over the match alone.
struct GroupFinder {
    nfa: regex_automata::nfa::thompson::NFA,
    backtrackers: regex_automata::util::pool::Pool<crate::anchored::Backtracker, Box<dyn Fn() -> crate::anchored::Backtracker + Send + Sync>>,
}

impl std::fmt::Debug for GroupFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GroupFinder")
    }
}

impl GroupFinder {
    /// `None` when the NFA cannot be built as the meta regex builds it, or can match the empty
    /// string (then the meta regex finds the groups).
    fn new(hir: &Hir) -> Option<GroupFinder> {
        use regex_automata::nfa::thompson;
        let nfa = thompson::Compiler::new().configure(thompson::Config::new().utf8(true).shrink(false).nfa_size_limit(Some(10 * (1 << 20)))).build_from_hir(hir).ok()?;
        if nfa.has_empty() {
            return None;
        }
        Some(GroupFinder { nfa, backtrackers: regex_automata::util::pool::Pool::new(Box::new(crate::anchored::Backtracker::default)) })
    }
}

/// How many searches a context with a `\b` makes without its filter (the capture search alone,
/// as before the filter existed) before the filter is built: building it (a second NFA and lazy
/// DFA of a pattern of thousands of states) costs about as much as a few dozen of those searches.
const FILTER_AFTER: usize = 32;

impl Clone for ContextRegex {
    fn clone(&self) -> ContextRegex {
        ContextRegex { regex: self.regex.clone(), pattern: self.pattern.clone(), filter: self.filter.clone(), searches: std::sync::atomic::AtomicUsize::new(self.searches.load(std::sync::atomic::Ordering::Relaxed)), hir: self.hir.clone(), groups: std::sync::OnceLock::new() }
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
        // A scan of the context's few group names: `get_group_by_name` hashes the name with
        // SipHash at every call (~1.4 instructions per byte of tagging).
        let index = self.caps.group_info().pattern_names(regex_automata::PatternID::ZERO).position(|n| n == Some(name))?;
        self.caps.get_group(index).map(|span| span.range())
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
        let mut builder = regex_automata::meta::Regex::builder();
        builder.configure(regex_automata::meta::Config::new());
        // The lexicon alternations as tries (see word_trie.rs; a pattern that does not parse is
        // left to the builder, whose error message is the one the grammar's author sees).
        let (regex, hir) = match regex_syntax::ParserBuilder::new().utf8(true).build().parse(pattern) {
            Ok(hir) => {
                let hir = crate::word_trie::factor_word_alternations(&hir).unwrap_or(hir);
                (builder.build_from_hir(&hir), Some(hir))
            }
            Err(_) => (builder.build(pattern), None),
        };
        let regex = regex.map_err(|e| e.to_string())?;
        Ok(ContextRegex { regex, pattern: pattern.to_string(), filter: std::sync::OnceLock::new(), searches: std::sync::atomic::AtomicUsize::new(0), hir, groups: std::sync::OnceLock::new() })
    }

    /// A context's regex from its full pattern already parsed with its word alternations as tries
    /// (load.rs, from the pattern's skeleton and the grammar's lexicon tries): the same matches and
    /// groups as [`ContextRegex::new`] of `pattern`.
    pub(crate) fn from_tries(pattern: &str, hir: &Hir) -> Result<ContextRegex, String> {
        let mut builder = regex_automata::meta::Regex::builder();
        builder.configure(regex_automata::meta::Config::new());
        let regex = builder.build_from_hir(hir).map_err(|e| e.to_string())?;
        Ok(ContextRegex { regex, pattern: pattern.to_string(), filter: std::sync::OnceLock::new(), searches: std::sync::atomic::AtomicUsize::new(0), hir: Some(hir.clone()), groups: std::sync::OnceLock::new() })
    }

    /// Can the regex match somewhere in `window`? `false` only when it certainly cannot.
    fn may_match(&self, window: &str) -> bool {
        // Every word-boundary assertion is written `\b`, `\B`, `\<` or `\>`: a pattern with none of
        // them needs no filter, and is not parsed again to find that out (one-phrase start-up).
        let may_have_boundary = || [r"\b", r"\B", r"\<", r"\>"].iter().any(|w| self.pattern.contains(w));
        if self.filter.get().is_none() && self.searches.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < FILTER_AFTER && may_have_boundary() {
            return true;
        }
        // Built from the pattern as compiled (its lexicons as tries: the same language, which is
        // all the filter reads) rather than from its text parsed again, lexicons and all.
        let filter = self.filter.get_or_init(|| {
            may_have_boundary()
                .then(|| match &self.hir {
                    Some(hir) => crate::prefilter::word_boundary_free_owned(hir.clone()),
                    None => crate::prefilter::word_boundary_free(&self.pattern),
                })
                .flatten()
        });
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
        let finder = self.groups.get_or_init(|| self.hir.as_ref().filter(|h| h.properties().look_set().contains_word_unicode()).and_then(GroupFinder::new));
        let caps = match finder {
            Some(finder) if crate::anchored::fits(&finder.nfa, window.len()) => {
                let mut caps = regex_automata::util::captures::Captures::all(finder.nfa.group_info().clone());
                let pid = finder.backtrackers.get().search(&finder.nfa, &regex_automata::Input::new(window), caps.slots_mut());
                caps.set_pattern(pid);
                caps
            }
            _ => {
                let mut caps = self.regex.create_captures();
                self.regex.captures(window, &mut caps);
                caps
            }
        };
        caps.is_match().then_some(ContextMatch { window, caps })
    }

    /// The pattern as compiled (lexicons as tries), if it parsed (for [`crate::right_contexts`]).
    pub(crate) fn hir(&self) -> Option<&Hir> {
        self.hir.as_ref()
    }

    /// The names of the pattern's capture groups, in order.
    pub(crate) fn capture_names(&self) -> impl Iterator<Item = &str> {
        self.regex.group_info().pattern_names(regex_automata::PatternID::ZERO).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_groups_are_the_meta_regexs() {
        // Every context of the grammar over windows cut from every example phrase: the match and
        // the groups found over the match alone are those of the meta regex's own capture search.
        let g = crate::Grammar::embedded().unwrap();
        let texts: Vec<String> = g.examples().iter().map(|e| tarikh_text::normalise(&e.text)).collect();
        let mut compared = 0;
        for ctx in &g.contexts {
            for (side, regex) in [(Side::Left, &ctx.left), (Side::Right, &ctx.right)] {
                let Some(regex) = regex else { continue };
                let regex = regex.get(&g);
                for text in &texts {
                    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
                    for &cut in &cuts {
                        let window = if side == Side::Left { &text[..cut] } else { &text[cut..] };
                        let mut expected = regex.regex.create_captures();
                        regex.regex.captures(window, &mut expected);
                        let got = regex.captures(window);
                        assert_eq!(got.is_some(), expected.is_match(), "«{window}»");
                        let Some(got) = got else { continue };
                        for (i, name) in expected.group_info().pattern_names(regex_automata::PatternID::ZERO).enumerate() {
                            let want = expected.get_group(i).map(|s| s.range());
                            assert_eq!(got.caps.get_group(i).map(|s| s.range()), want, "group {i} ({name:?}) in «{window}»");
                        }
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn the_merged_left_trie_admits_what_each_left_context_admits() {
        // Every left window cut at every character of every example phrase (with words before
        // it): a left context is in the merged trie's set exactly when its own check passes.
        let g = crate::Grammar::embedded().unwrap();
        let edges = LeftEdges::new(&g).expect("the embedded grammar has fewer than 128 contexts");
        let texts: Vec<String> = g.examples().iter().map(|e| tarikh_text::normalise(&format!("قال إنه  {}", e.text))).collect();
        let (mut admitted, mut refused) = (0, 0);
        for text in &texts {
            for (cut, _) in text.char_indices() {
                let window = &text[text.ceil_char_boundary(cut.saturating_sub(96))..cut];
                let set = edges.admitted(window);
                for (ci, ctx) in g.contexts.iter().enumerate() {
                    if ctx.left.is_none() {
                        assert!(!set.contains(ci), "context `{}` has no left side", ctx.name);
                        continue;
                    }
                    let own = ctx.edge(&g, Side::Left).is_none_or(|e| e.admits(window));
                    assert_eq!(set.contains(ci), own, "context `{}` before «{window}»", ctx.name);
                    if own { admitted += 1 } else { refused += 1 }
                }
            }
        }
        assert!(admitted > 500 && refused > 10 * admitted, "{admitted} admitted, {refused} refused");
    }

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
    fn every_context_finds_the_same_groups_with_its_lexicons_as_tries() {
        // Each context's regex is built with its lexicon alternations as tries; a meta regex of the
        // pattern as written must find the same match and groups in every window, left and right
        // of every word of every example phrase of the grammar.
        let g = crate::Grammar::embedded().unwrap();
        let texts: Vec<String> = g.examples().iter().map(|e| tarikh_text::normalise(&format!("قال إنه {} ثم عاد", e.text))).collect();
        let mut compared = 0;
        for ctx in &g.contexts {
            for (side, regex) in [(Side::Left, &ctx.left), (Side::Right, &ctx.right)] {
                let Some(regex) = regex.as_ref() else { continue };
                let ours: &ContextRegex = regex;
                let plain = regex_automata::meta::Regex::new(&ours.pattern).unwrap();
                let mut reference = plain.create_captures();
                for text in &texts {
                    let edges = text.char_indices().filter(|&(_, c)| c == ' ').flat_map(|(i, _)| [i, i + 1]);
                    for at in edges {
                        let window = match side {
                            Side::Left => &text[text.floor_char_boundary(at.saturating_sub(96))..at],
                            Side::Right => &text[at..text.ceil_char_boundary((at + 96).min(text.len()))],
                        };
                        plain.captures(window, &mut reference);
                        let found = ours.captures(window).map(|m| m.caps.iter().collect::<Vec<_>>());
                        let expected = reference.is_match().then(|| reference.iter().collect::<Vec<_>>());
                        assert_eq!(found, expected, "context `{}` {side:?} in «{window}»", ctx.name);
                        compared += usize::from(found.is_some());
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
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
    fn white_space_is_left_out_of_the_window_and_the_body() {
        // A written space is `\s+`, an optional one `\s*`: the body's words (or its comma) still
        // edge the window once spaces are left out of both.
        let e = EdgeLiterals::new(&hir(r"\s*(?:تقريبا|تقريبًا)"), Side::Right).unwrap();
        assert!(e.admits(" تقريبا وقال"));
        assert!(e.admits("تقريبًا"));
        assert!(!e.admits(" وقال تقريبا"));
        let e = EdgeLiterals::new(&hir(r",?\s*(?:يوم\s+)?(?:الأحد|الاثنين)"), Side::Right).unwrap();
        assert!(e.admits(", يوم الأحد"));
        assert!(e.admits(" الاثنين"));
        assert!(e.admits(",الأحد"));
        assert!(!e.admits(" وقال"));
        let e = EdgeLiterals::new(&hir(r"(?:صباح|مساء)\s+(?:يوم\s+)?"), Side::Left).unwrap();
        assert!(e.admits("وفي صباح "));
        assert!(e.admits("مساء يوم "));
        assert!(e.admits("مساء  يوم"));
        assert!(!e.admits("وقال "));
        // A literal's own space, and a window shorter than the literals.
        let e = EdgeLiterals::new(&hir("بالتوقيت المحلي"), Side::Right).unwrap();
        assert!(e.admits(" بالتوقيت  المحلي"));
        assert!(!e.admits(" بال"));
    }

    #[test]
    fn the_check_never_rules_out_a_window_the_regex_matches() {
        let bodies = [r",?\s*(?:يوم\s+)?(?:الأحد|الاثنين)", r"\s*(?:تقريبا|نحو)", r"(?:صباح|مساء)\s+(?:يوم\s+)?", r",?\s+(?:من|على)", r"قبل"];
        let windows = [" يوم الأحد", ",الاثنين", "  تقريبا", " نحو ", "صباح يوم ", "مساء ", ", من", " على", "قبل ", " قبل", "x", "", " ", "وقال صباح  "];
        for body in bodies {
            for side in [Side::Left, Side::Right] {
                let Some(e) = EdgeLiterals::new(&hir(body), side) else { continue };
                let full = if side == Side::Left { format!(r"(?:{body})\s*$") } else { format!(r"^\s*(?:{body})") };
                let re = regex::Regex::new(&full).unwrap();
                for w in windows {
                    assert!(!re.is_match(w) || e.admits(w), "{body} {side:?} «{w}»");
                }
            }
        }
    }

    #[test]
    fn no_check_where_it_would_not_be_sound() {
        // A body that may be empty or spaces only, or with a class of spaces and other
        // characters, or whose edge is a large class, gets no check.
        assert!(EdgeLiterals::new(&hir("(?:قبل)?"), Side::Left).is_none());
        assert!(EdgeLiterals::new(&hir(r"قبل[\s,]"), Side::Left).is_none());
        assert!(EdgeLiterals::new(&hir(r"قبل."), Side::Left).is_none());
        assert!(EdgeLiterals::new(&hir(r"\w+"), Side::Right).is_none());
        assert!(EdgeLiterals::new(&hir(r"\s*"), Side::Right).is_none());
        assert!(EdgeLiterals::new(&hir(r"(?:قبل)?\s+"), Side::Left).is_none());
    }
}
