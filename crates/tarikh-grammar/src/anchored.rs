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

use regex_automata::nfa::thompson::{self, backtrack, pikevm, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, Input};

/// The per-search scratch space of one [`AnchoredRegex`].
pub(crate) struct AnchoredCache {
    dfa: hybrid::dfa::Cache,
    backtrack: backtrack::Cache,
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
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().utf8(true).shrink(false).nfa_size_limit(Some(10 * (1 << 20))))
            .build_from_hir(hir)
            .map_err(|e| e.to_string())?;
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
        let create: Box<dyn Fn() -> AnchoredCache + Send + Sync> = Box::new(move || AnchoredCache { dfa: d.create_cache(), backtrack: b.create_cache(), pikevm: None });
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
