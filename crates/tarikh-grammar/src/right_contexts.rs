//! Which contexts' right side can match after an expression, for all contexts at once (see
//! [`RightContexts`]).
//!
//! Every candidate expression tries each context of its type (matcher.rs, `apply_contexts`):
//! on news text ~6 right windows per candidate, each checked with the context's edge literals
//! (context.rs) and, for a quarter of them, with the context's own automaton, for ~2 matches in
//! 16 searches. One lazy DFA over every context's right pattern, walked once from the window's
//! start, reports every context that can match there; the others are not tried.
//!
//! Why the result is unchanged. A right pattern is `^\s*(?P<_ctx>…)`: it matches in a window only
//! from the window's start. The automaton holds each right pattern (a pattern with a Unicode word
//! boundary without it, see [`crate::prefilter::strip`]: a larger language, since a lazy DFA
//! cannot read `\b` next to an Arabic letter), is searched anchored at the start of the very
//! window the context's regex is searched in (so `^` and `$` read the same), and reports every
//! pattern that matches any prefix of it (`MatchKind::All`, walked to the window's end unless the
//! automaton dies). A context whose regex matches in the window is therefore reported; one not
//! reported would have found nothing, and skipping it changes nothing. If the automaton gives up
//! (it cannot: no word boundary is left in it) every context is tried, as before.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::Hir;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// The right patterns of every context in one lazy DFA (see the module docs).
pub(crate) struct RightContexts {
    dfa: DFA,
    /// Per pattern of the automaton: its context.
    pattern_context: Vec<u32>,
    caches: CachePool,
}

impl std::fmt::Debug for RightContexts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RightContexts")
    }
}

/// A set of contexts, one bit each (the automaton is only built for up to 128 contexts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ContextSet(u128);

impl ContextSet {
    /// Is context `ci` in the set?
    #[cfg(test)]
    pub(crate) fn contains(self, ci: usize) -> bool {
        self.0 >> ci & 1 == 1
    }

    /// The set's bits (context `ci` is bit `ci`).
    pub(crate) fn bits(self) -> u128 {
        self.0
    }

    /// The set of the contexts whose bit is set in `bits`.
    pub(crate) fn of(bits: u128) -> ContextSet {
        ContextSet(bits)
    }
}

/// Scratch space for [`RightContexts::possible`], lent by the automaton's pool.
pub(crate) type CacheGuard<'a> = regex_automata::util::pool::PoolGuard<'a, Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

impl RightContexts {
    /// The automaton over `patterns` (context index, the context's full right pattern parsed, as
    /// its regex is compiled); `None` if there are more than 128 contexts or it cannot be built
    /// (then every context is tried).
    pub(crate) fn new(contexts: usize, patterns: Vec<(usize, &Hir)>) -> Option<RightContexts> {
        if contexts > 128 {
            return None;
        }
        let pattern_context: Vec<u32> = patterns.iter().map(|&(c, _)| c as u32).collect();
        // Borrowed where there is no word boundary to take out (a copy would only be dropped).
        let hirs: Vec<std::borrow::Cow<'_, Hir>> = patterns.into_iter().map(|(_, h)| match h.properties().look_set().contains_word_unicode() {
            true => std::borrow::Cow::Owned(crate::prefilter::strip(h)),
            false => std::borrow::Cow::Borrowed(h),
        }).collect();
        let nfa_config = thompson::Config::new().utf8(true).shrink(false).which_captures(thompson::WhichCaptures::None).nfa_size_limit(Some(64 << 20));
        let nfa = thompson::Compiler::new().configure(nfa_config).build_many_from_hir(&hirs).ok()?;
        // Searched anchored at the windows' starts only: the states reached are few.
        let config = DFA::config().match_kind(MatchKind::All).cache_capacity(8 << 20).skip_cache_capacity_check(true);
        let dfa = DFA::builder().configure(config).build_from_nfa(nfa).ok()?;
        let d = dfa.clone();
        let create: Box<dyn Fn() -> Cache + Send + Sync> = Box::new(move || d.create_cache());
        Some(RightContexts { dfa, pattern_context, caches: Pool::new(create) })
    }

    /// Scratch space for searches (taken once per candidate rather than once per window).
    pub(crate) fn cache(&self) -> CacheGuard<'_> {
        self.caches.get()
    }

    /// The contexts whose right pattern can match in `window` (a superset; see the module docs),
    /// or `None` if the automaton gave up.
    pub(crate) fn possible(&self, cache: &mut Cache, window: &str) -> Option<ContextSet> {
        let bytes = window.as_bytes();
        let start = regex_automata::util::start::Config::new().anchored(Anchored::Yes);
        let sid = self.dfa.start_state(cache, &start).ok()?;
        let mut set = 0u128;
        crate::multi::walk_matches(&self.dfa, cache, bytes, sid, 0, |pattern| set |= 1u128 << self.pattern_context[pattern])?;
        Some(ContextSet(set))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_window_a_right_context_matches_in_is_reported() {
        // Every context with a right side, in windows cut at every character of every example
        // phrase of the grammar: wherever its regex finds a match, the automaton reports it.
        let g = crate::Grammar::embedded().unwrap();
        let automaton = g.right_contexts_for(&" ".repeat(crate::prefilter::SHORT_TEXT + 1)).expect("the embedded grammar's contexts make an automaton");
        let mut cache = automaton.cache();
        let texts: Vec<String> = g.examples().iter().map(|e| tarikh_text::normalise(&e.text)).collect();
        let (mut matched, mut skipped) = (0, 0);
        for text in &texts {
            for (cut, _) in text.char_indices() {
                let window = &text[cut..text.floor_char_boundary((cut + 96).min(text.len()))];
                let possible = automaton.possible(&mut cache, window).expect("no word boundary is left");
                for (ci, ctx) in g.contexts.iter().enumerate() {
                    let Some(right) = &ctx.right else { continue };
                    if right.get(&g).captures(window).is_some() {
                        assert!(possible.contains(ci), "context `{}` matches «{window}», not reported", ctx.name);
                        matched += 1;
                    } else if !possible.contains(ci) {
                        skipped += 1;
                    }
                }
            }
        }
        assert!(matched > 500 && skipped > 10 * matched, "{matched} matched, {skipped} skipped");
    }
}
