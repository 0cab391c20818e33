//! The engine that runs a rule at the prefilter's candidate starts: anchored searches only.
//!
//! The meta regex of regex-automata serves unanchored searches too, so building it compiles the
//! pattern into an NFA twice (forward, and reversed for the lazy DFA's search of a match's start)
//! and tries a one-pass DFA. An anchored search knows where its match starts, so neither is needed:
//! this engine is the forward NFA, a lazy DFA over it that finds where the match ends (or that
//! there is none, the common case), and the bounded backtracker or the PikeVM that fill the capture
//! groups over that span only. This is the same sequence of engines the meta regex runs for an
//! anchored capture search (leftmost-first semantics; every engine of regex-automata reports the
//! same match and the same groups), so the matches are the same; compiling a rule costs about
//! half as much, which is most of a one-phrase `tarikh parse`.

use regex_automata::nfa::thompson::{self, backtrack, pikevm, State, NFA};
use regex_automata::util::primitives::{NonMaxUsize, SmallIndex, StateID};
use regex_automata::PatternID;
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, Input};

/// The per-search scratch space of one [`AnchoredRegex`].
pub(crate) struct AnchoredCache {
    dfa: hybrid::dfa::Cache,
    /// For regex-automata's own backtracker, which runs where [`Backtracker`] does not.
    backtrack: backtrack::Cache,
    backtracker: Backtracker,
    /// Made on first use: the PikeVM's tables are as large as the NFA times its capture slots (tens
    /// of megabytes over all rules), and it only runs on a span the backtracker cannot take.
    pikevm: Option<pikevm::Cache>,
}

type CachePool = Pool<AnchoredCache, Box<dyn Fn() -> AnchoredCache + Send + Sync>>;

/// An [`AnchoredCache`] lent by an [`AnchoredRegex`]'s pool (given back when dropped).
pub(crate) type CacheGuard<'a> = regex_automata::util::pool::PoolGuard<'a, AnchoredCache, Box<dyn Fn() -> AnchoredCache + Send + Sync>>;

/// A rule's pattern compiled for anchored capture searches (see the module docs).
pub(crate) struct AnchoredRegex {
    nfa: NFA,
    dfa: hybrid::dfa::DFA,
    backtrack: backtrack::BoundedBacktracker,
    pikevm: pikevm::PikeVM,
    caches: CachePool,
}

impl std::fmt::Debug for AnchoredRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnchoredRegex")
    }
}

impl Clone for AnchoredRegex {
    fn clone(&self) -> AnchoredRegex {
        AnchoredRegex::assemble(self.nfa.clone(), self.dfa.clone(), self.backtrack.clone(), self.pikevm.clone())
    }
}

impl AnchoredRegex {
    /// Compile `pattern` (a rule's full pattern). The configuration is the meta regex's own, so
    /// that both read the pattern alike: UTF-8 mode, Unicode word boundaries on ASCII text in the
    /// lazy DFA (it gives up on other text and the capture engines take over, as in the meta
    /// regex), and the lazy DFA's cache rules.
    pub(crate) fn new(pattern: &str) -> Result<AnchoredRegex, String> {
        let hir = regex_syntax::ParserBuilder::new().utf8(true).build().parse(pattern).map_err(|e| e.to_string())?;
        AnchoredRegex::from_hir(&hir)
    }

    /// [`AnchoredRegex::new`] from the pattern already parsed. Its lexicon alternations are
    /// compiled as tries (see [`crate::word_trie`]): the same matches and groups, found without
    /// trying each word in turn.
    pub(crate) fn from_hir(hir: &regex_syntax::hir::Hir) -> Result<AnchoredRegex, String> {
        let factored = crate::word_trie::factor_word_alternations(hir);
        AnchoredRegex::from_factored_hir(factored.as_ref().unwrap_or(hir))
    }

    /// [`AnchoredRegex::from_hir`] of a pattern whose word alternations are already tries (or
    /// that is to be compiled as it is).
    pub(crate) fn from_factored_hir(hir: &regex_syntax::hir::Hir) -> Result<AnchoredRegex, String> {
        AnchoredRegex::from_nfa(AnchoredRegex::compile_nfa(hir)?)
    }

    /// The NFA [`AnchoredRegex::from_factored_hir`] runs, compiled from `hir` (its captures
    /// included): what a rule's file keeps (see [`crate::automaton_cache`]).
    pub(crate) fn compile_nfa(hir: &regex_syntax::hir::Hir) -> Result<NFA, String> {
        thompson::Compiler::new()
            .configure(thompson::Config::new().utf8(true).shrink(false).nfa_size_limit(Some(10 * (1 << 20))))
            .build_from_hir(hir)
            .map_err(|e| e.to_string())
    }

    /// The engine over `nfa`, from [`AnchoredRegex::compile_nfa`] or read back from a rule's
    /// file.
    pub(crate) fn from_nfa(nfa: NFA) -> Result<AnchoredRegex, String> {
        let dfa_config = hybrid::dfa::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .unicode_word_boundary(true)
            .cache_capacity(2 * (1 << 20))
            .skip_cache_capacity_check(false)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let dfa = hybrid::dfa::Builder::new().configure(dfa_config).build_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let backtrack = backtrack::BoundedBacktracker::builder().build_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let pikevm = pikevm::PikeVM::builder().build_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        Ok(AnchoredRegex::assemble(nfa, dfa, backtrack, pikevm))
    }

    fn assemble(nfa: NFA, dfa: hybrid::dfa::DFA, backtrack: backtrack::BoundedBacktracker, pikevm: pikevm::PikeVM) -> AnchoredRegex {
        let (d, b) = (dfa.clone(), backtrack.clone());
        let create: Box<dyn Fn() -> AnchoredCache + Send + Sync> = Box::new(move || AnchoredCache { dfa: d.create_cache(), backtrack: b.create_cache(), backtracker: Backtracker::default(), pikevm: None });
        AnchoredRegex { nfa, dfa, backtrack, pikevm, caches: Pool::new(create) }
    }

    /// Captures to fill with [`AnchoredRegex::search_captures`].
    pub(crate) fn create_captures(&self) -> Captures {
        Captures::all(self.nfa.group_info().clone())
    }

    /// Scratch space for searches (taken from a pool; given back when dropped).
    pub(crate) fn cache(&self) -> CacheGuard<'_> {
        self.caches.get()
    }

    /// The leftmost-first match anchored at the start of `input` (which must be anchored), with
    /// its groups, in `caps` (no match: `caps.is_match()` is false).
    pub(crate) fn search_captures(&self, cache: &mut AnchoredCache, input: &Input<'_>, caps: &mut Captures) {
        caps.set_pattern(None);
        let span = match self.dfa.try_search_fwd(&mut cache.dfa, input) {
            Ok(None) => return,
            // Groups are looked for within the match only.
            Ok(Some(end)) => input.clone().range(input.start()..end.offset()),
            // The lazy DFA gave up (a `\b` next to a non-ASCII letter, or its cache thrashing):
            // the capture engines search the whole input.
            Err(_) => input.clone(),
        };
        // The bounded backtracker where the span fits its visited set (it fails on a longer one),
        // else the PikeVM.
        let pid = match self.backtrack.max_haystack_len() >= span.get_span().len() {
            // An NFA that can match the empty string needs regex-automata's handling of empty
            // matches inside a character (none of the grammar's rules can).
            true if !self.nfa.has_empty() => Some(cache.backtracker.search(&self.nfa, &span, caps.slots_mut())),
            true => self.backtrack.try_search_slots(&mut cache.backtrack, &span, caps.slots_mut()).ok(),
            false => None,
        };
        let pid = match pid {
            Some(pid) => pid,
            None => {
                let pikevm_cache = cache.pikevm.get_or_insert_with(|| self.pikevm.create_cache());
                self.pikevm.search_slots(pikevm_cache, &span, caps.slots_mut())
            }
        };
        caps.set_pattern(pid);
    }
}

/// regex-automata's bounded backtracker (nfa/thompson/backtrack.rs, `search_imp` for an anchored
/// search), step for step, with one change: its visited set is cleared where the search wrote to
/// it rather than whole. That set has a bit per NFA state and haystack position, and the rules'
/// lexicon tries make NFAs of thousands of states: clearing it all before every search (a memset
/// of 20 KB for a clock rule's 35-byte match) cost more than the search itself, a tenth of
/// tagging. A search visits a few hundred (state, position) pairs; the words it wrote are
/// remembered and zeroed after it. The same states are tried in the same order, so the match and
/// its groups are regex-automata's.
#[derive(Default)]
pub(crate) struct Backtracker {
    stack: Vec<Frame>,
    /// One bit per (NFA state, position in the span): all zero between searches.
    visited: Vec<u64>,
    /// The words of `visited` the search at hand has written.
    written: Vec<usize>,
}

/// Whether regex-automata's bounded backtracker of `nfa` (default configuration) takes a span of
/// `len` bytes: its visited set, and so [`Backtracker`]'s, is bounded to 256 KB.
pub(crate) fn fits(nfa: &NFA, len: usize) -> bool {
    let bits = 8 * 256 * (1 << 10);
    (bits / nfa.states().len()).saturating_sub(1) >= len
}

/// What is left to try (see regex-automata's `Frame`).
#[derive(Clone, Copy)]
enum Frame {
    /// Explore `sid` at `at`.
    Step { sid: StateID, at: usize },
    /// Put a group's slot back as it was before a branch that failed.
    RestoreCapture { slot: SmallIndex, offset: Option<NonMaxUsize> },
}

impl Backtracker {
    /// The leftmost-first match of `nfa` in `input` (anchored at its start or not, as `input`
    /// says; it must fit the bounded backtracker of `nfa`: see [`fits`]), its groups in `slots`.
    /// `nfa` must not match the empty string (regex-automata handles empty matches inside a
    /// character apart).
    pub(crate) fn search(&mut self, nfa: &NFA, input: &Input<'_>, slots: &mut [Option<NonMaxUsize>]) -> Option<PatternID> {
        for slot in slots.iter_mut() {
            *slot = None;
        }
        if input.is_done() {
            return None;
        }
        let stride = input.get_span().len() + 1;
        let blocks = (nfa.states().len() * stride).div_ceil(64);
        if self.visited.len() < blocks {
            self.visited.resize(blocks, 0);
        }
        // Anchored, or unanchored as regex-automata's `search_imp` is: from each start in turn,
        // with one visited set for all (a pair that failed from one start fails from the next).
        let last = match input.get_anchored().is_anchored() || nfa.is_always_start_anchored() {
            true => input.start(),
            false => input.end(),
        };
        let mut found = None;
        for start in input.start()..=last {
            self.stack.clear();
            self.stack.push(Frame::Step { sid: nfa.start_anchored(), at: start });
            while let Some(frame) = self.stack.pop() {
                match frame {
                    Frame::Step { sid, at } => {
                        if let Some(pid) = self.step(nfa, input, stride, sid, at, slots) {
                            found = Some(pid);
                            break;
                        }
                    }
                    Frame::RestoreCapture { slot, offset } => slots[slot] = offset,
                }
            }
            if found.is_some() {
                break;
            }
        }
        for &block in &self.written {
            self.visited[block] = 0;
        }
        self.written.clear();
        found
    }

    /// Mark `sid` visited at `at` (relative to the span's start); `false` if it already was.
    #[inline(always)]
    fn insert(&mut self, stride: usize, sid: StateID, at: usize) -> bool {
        let index = sid.as_usize() * stride + at;
        let (block, bit) = (index / 64, 1u64 << (index % 64));
        let word = self.visited[block];
        if word & bit != 0 {
            return false;
        }
        if word == 0 {
            self.written.push(block);
        }
        self.visited[block] = word | bit;
        true
    }

    /// Follow `sid` from `at` until a match, a dead end or a visited pair (regex-automata's `step`).
    ///
    /// One change: a state that reads a byte (most of the states walked: a lexicon word is a chain
    /// of them) is not marked visited. Marks only spare exploring a pair again; a pair explored
    /// again fails again (whether it leads to a match depends on the state and position alone,
    /// not on the path there), and it cannot be met again while it is being explored (the byte
    /// it reads moves every path past its position). So the first path in priority order that
    /// reaches a match is the same, and so are the match and its groups, with the visited set
    /// kept for a third of the states walked (a test compares the groups with regex-automata's).
    #[inline(always)]
    fn step(&mut self, nfa: &NFA, input: &Input<'_>, stride: usize, mut sid: StateID, mut at: usize, slots: &mut [Option<NonMaxUsize>]) -> Option<PatternID> {
        let haystack = input.haystack();
        loop {
            let state = nfa.state(sid);
            let reads_a_byte = matches!(state, State::ByteRange { .. } | State::Sparse(_) | State::Dense(_));
            if !reads_a_byte && !self.insert(stride, sid, at - input.start()) {
                return None;
            }
            match *state {
                State::ByteRange { ref trans } => {
                    if at >= input.end() || !(trans.start..=trans.end).contains(&haystack[at]) {
                        return None;
                    }
                    sid = trans.next;
                    at += 1;
                }
                State::Sparse(ref sparse) => {
                    if at >= input.end() {
                        return None;
                    }
                    sid = sparse.matches(haystack, at)?;
                    at += 1;
                }
                State::Dense(ref dense) => {
                    if at >= input.end() {
                        return None;
                    }
                    sid = dense.matches(haystack, at)?;
                    at += 1;
                }
                State::Look { look, next } => {
                    if !nfa.look_matcher().matches(look, haystack, at) {
                        return None;
                    }
                    sid = next;
                }
                State::Union { ref alternates } => {
                    sid = *alternates.first()?;
                    self.stack.extend(alternates[1..].iter().copied().rev().map(|sid| Frame::Step { sid, at }));
                }
                State::BinaryUnion { alt1, alt2 } => {
                    sid = alt1;
                    self.stack.push(Frame::Step { sid: alt2, at });
                }
                State::Capture { next, slot, .. } => {
                    if slot.as_usize() < slots.len() {
                        self.stack.push(Frame::RestoreCapture { slot, offset: slots[slot] });
                        slots[slot] = NonMaxUsize::new(at);
                    }
                    sid = next;
                }
                State::Fail => return None,
                State::Match { pattern_id } => return Some(pattern_id),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use regex_automata::nfa::thompson::backtrack::BoundedBacktracker;
    use regex_automata::{Anchored, Input};

    #[test]
    fn the_backtracker_finds_what_regex_automatas_finds() {
        // Every rule of the grammar at every start of every example phrase (and searches that
        // end early or find nothing): the same match, the same groups, search after search with
        // one scratch space (so a visited set not cleared would show).
        let g = crate::Grammar::embedded().unwrap();
        let mut compared = 0;
        let texts: Vec<String> = g.examples().iter().map(|e| tarikh_text::normalise(&e.text)).collect();
        for rule in g.rules.iter() {
            let regex = rule.anchored(&g, false);
            let reference = BoundedBacktracker::builder().build_from_nfa(regex.nfa.clone()).unwrap();
            let mut reference_cache = reference.create_cache();
            let mut ours = super::Backtracker::default();
            let mut expected = regex.create_captures();
            let mut got = regex.create_captures();
            for text in &texts {
                for (start, _) in text.char_indices() {
                    let input = Input::new(text).range(start..(start + 96).min(text.len())).anchored(Anchored::Yes);
                    if input.get_span().len() > reference.max_haystack_len() {
                        continue;
                    }
                    let pid = reference.try_search_slots(&mut reference_cache, &input, expected.slots_mut()).unwrap();
                    expected.set_pattern(pid);
                    let pid = ours.search(&regex.nfa, &input, got.slots_mut());
                    got.set_pattern(pid);
                    assert_eq!(format!("{got:?}"), format!("{expected:?}"), "rule `{}` at {start} in «{text}»", rule.name);
                    compared += usize::from(expected.is_match());
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
