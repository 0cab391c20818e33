//! Where each rule can match in a text, for all rules at once (see [`RuleSpans`]).
//!
//! The prefilter (prefilter.rs) proposes candidate starts from each rule's first word; on news
//! text that made ~150,000 anchored searches per 300 articles, each on one rule's lazy DFA, and
//! nearly all of them failing. This module asks instead which rules *do* match at a place: one
//! lazy DFA over every rule's proclitics and body, searched anchored at each place a match can
//! start, reports (overlapping, every pattern) each rule that matches there. Every rule pattern
//! starts with `(?:^|[^WORD_CHARS])` (see load.rs, `full_pattern`), so a match starts at the
//! text's start or at a character outside `WORD_CHARS`: on Arabic text one place per word, and
//! the automaton dies after a byte or two at most of them. A rule's own anchored search (which fills its capture
//! groups) then runs only where the automaton said it matches: ~5,000 per 300 articles.
//!
//! Why the result is unchanged. The matcher tries a rule, in increasing order, at each start of a
//! superset of the starts where its anchored search matches; the first that matches is the rule's
//! leftmost match. A match of the rule anchored at `s` is its boundary (`^` at 0, or the character
//! at `s`) followed by a match of its proclitics and body, so the automaton, searched from 0 or
//! from after that character to the end of the text, reports the rule there, for `s`
//! (look-around is read from the whole text either way; see [`search_pattern`]). Patterns with a Unicode word boundary are
//! put in without it (a larger language, see [`crate::prefilter::strip`]): a lazy DFA cannot read
//! `\b` next to an Arabic letter. A rule reported nowhere has no match at all, at any length (the
//! search from `s` is not bounded), so a rule searched unanchored is skipped too. If the automaton
//! gives up (it cannot: its cache is never cleared for good, but an error is not ruled out by the
//! API), the text is matched the prefilter's way; which way ran never shows in a result.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::Hir;

type CachePool = Pool<Cache, Box<dyn Fn() -> Cache + Send + Sync>>;

/// Every rule's pattern in one lazy DFA, searched anchored (see the module docs).
pub(crate) struct RuleSpans {
    dfa: DFA,
    /// Per pattern of the automaton: its rule.
    pattern_rule: Vec<u32>,
    /// How many rules the grammar has.
    rules: usize,
    /// The decimal digits other than ASCII `0-9`, as sorted ranges: a text holding one is left to
    /// the prefilter (`starts` gives `None`), whose literals assume there is none.
    other_digits: Vec<(char, char)>,
    caches: CachePool,
}

impl std::fmt::Debug for RuleSpans {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RuleSpans")
    }
}

/// Per rule, the sorted starts of its possible matches in one text.
pub(crate) struct RuleStarts {
    /// All starts, grouped by rule, sorted and without repeats within a rule.
    starts: Vec<u32>,
    /// Rule `r`'s starts are `starts[offsets[r]..offsets[r + 1]]`.
    offsets: Vec<u32>,
    /// The rules with at least one start, ascending (a few dozen of the grammar's hundreds).
    present: Vec<u32>,
}

impl RuleStarts {
    /// The starts of rule `r` (none: it matches nowhere in the text, at any length).
    pub(crate) fn rule(&self, r: usize) -> &[u32] {
        &self.starts[self.offsets[r] as usize..self.offsets[r + 1] as usize]
    }

    /// The rules with at least one start, in increasing order (every other rule matches nowhere).
    pub(crate) fn present(&self) -> impl Iterator<Item = usize> + '_ {
        self.present.iter().map(|&r| r as usize)
    }
}

/// What the automaton holds of a rule: its proclitics and its body, without the boundaries
/// around them. Every rule's full pattern is `(?:^|[^WORD_CHARS])` + this +
/// `(?:$|[^WORD_CHARS])` (see load.rs, `full_pattern`): the automaton is searched just after the
/// boundary character instead (or at the text's start), and the end boundary is left out (a
/// larger language: a rule may be reported where it then does not match, never the reverse).
/// `None` if the rule's pattern is not built that way (then the automaton is not used at all).
pub(crate) fn search_pattern(rule: &crate::load::Rule) -> Option<String> {
    let word = crate::load::WORD_CHARS;
    let inner = format!("(?P<_clitic>[وف]?[بلك]?)(?P<_body>{})", rule.body);
    (rule.pattern == format!("(?:^|[^{word}]){inner}(?:$|[^{word}])")).then_some(inner)
}

impl RuleSpans {
    /// The automaton over `patterns` (rule index, the rule's [`search_pattern`] parsed), for a grammar
    /// of `rules` rules; `None` if it cannot be built (too large), in which case every text is
    /// matched the prefilter's way. (The matcher builds it through
    /// [`crate::load::Grammar::all_rules_automaton`], which keeps its NFA between runs.)
    #[cfg(test)]
    pub(crate) fn new(rules: usize, patterns: Vec<(usize, Hir)>) -> Option<RuleSpans> {
        let (nfa, pattern_rule) = RuleSpans::nfa(patterns)?;
        RuleSpans::from_nfa(rules, nfa, pattern_rule)
    }

    /// The automaton's NFA over `patterns` (see [`RuleSpans::new`]), with the rule of each of its
    /// patterns; `None` if it cannot be built (too large). This is what
    /// [`crate::automaton_cache`] keeps between runs.
    pub(crate) fn nfa(patterns: Vec<(usize, Hir)>) -> Option<(thompson::NFA, Vec<u32>)> {
        let pattern_rule: Vec<u32> = patterns.iter().map(|(r, _)| *r as u32).collect();
        // Taken, not copied: most patterns hold no word boundary and go in as they are, and the
        // others keep every part without one (copying every rule's pattern, lexicons and all,
        // cost ~0.1 G instructions of a first build).
        let hirs: Vec<Hir> = patterns.into_iter().map(|(_, h)| crate::prefilter::strip_owned(h)).collect();
        let nfa_config = thompson::Config::new().utf8(true).shrink(false).which_captures(thompson::WhichCaptures::None).nfa_size_limit(Some(256 << 20));
        let nfa = thompson::Compiler::new().configure(nfa_config).build_many_from_hir(&hirs).ok()?;
        Some((nfa, pattern_rule))
    }

    /// The automaton over `nfa` (from [`RuleSpans::nfa`], or read back by
    /// [`crate::automaton_cache`]), whose pattern `i` is rule `pattern_rule[i]`'s, for a grammar of
    /// `rules` rules; `None` if its lazy DFA cannot be built.
    pub(crate) fn from_nfa(rules: usize, nfa: thompson::NFA, pattern_rule: Vec<u32>) -> Option<RuleSpans> {
        // Anchored searches only start in a handful of states (the start state by the byte before),
        // and the states a text reaches are few; 64 MB is never reached on news text (~17 MB
        // for 300 articles), and a cleared cache only costs time.
        let config = DFA::config().match_kind(MatchKind::All).cache_capacity(64 << 20).skip_cache_capacity_check(true);
        let dfa = DFA::builder().configure(config).build_from_nfa(nfa).ok()?;
        let d = dfa.clone();
        let create: Box<dyn Fn() -> Cache + Send + Sync> = Box::new(move || d.create_cache());
        let other_digits: Vec<(char, char)> = crate::prefilter::other_digit_class().ranges().iter().map(|r| (r.start(), r.end())).collect();
        if other_digits.is_empty() {
            return None; // (the Unicode tables are compiled in: cannot happen)
        }
        Some(RuleSpans { dfa, pattern_rule, rules, other_digits, caches: Pool::new(create) })
    }

    /// Is `c` a decimal digit other than ASCII `0-9` (regex `[\d--0-9]`)?
    fn is_other_digit(&self, c: char) -> bool {
        let i = self.other_digits.partition_point(|&(_, end)| end < c);
        self.other_digits.get(i).is_some_and(|&(start, _)| start <= c)
    }

    /// Per rule, the starts of its matches in `text` (a superset: see the module docs); `None` if
    /// the automaton gave up or the text holds a decimal digit other than ASCII `0-9` (then it is
    /// matched with the prefilter's candidate starts, as before the automaton).
    pub(crate) fn starts(&self, text: &str) -> Option<RuleStarts> {
        let mut guard = self.caches.get();
        // Borrowed once: going through the pool's guard at every byte cost a twentieth of the walk.
        let cache: &mut Cache = &mut guard;
        // The anchored start state by the byte before (none at the text's start: index 256),
        // found once per text rather than at every place; forgotten if the cache is cleared
        // (its states are then made anew).
        let mut start_states: [Option<LazyStateID>; 257] = [None; 257];
        let mut clears = cache.clear_count();
        // (rule, start) for every match reported (news text gives about one a dozen bytes: room
        // for one every eight, so that the list seldom grows and is copied)
        let mut found: Vec<(u32, u32)> = Vec::with_capacity(text.len() / 8);
        // The rules matching from `q` (proclitics and body), for a match that starts at `p`: the
        // lazy DFA's states walked by hand from the anchored start state (what an overlapping
        // search does, without its set-up at every call, most of the cost of a search that
        // ends after a byte or two); every match state's patterns are reported.
        let bytes = text.as_bytes();
        let mut search = |p: usize, q: usize| -> Option<()> {
            if cache.clear_count() != clears {
                start_states = [None; 257];
                clears = cache.clear_count();
            }
            let before = q.checked_sub(1).map(|b| bytes[b]);
            let sid = match start_states[before.map_or(256, usize::from)] {
                Some(sid) => sid,
                None => {
                    let start = regex_automata::util::start::Config::new().anchored(Anchored::Yes).look_behind(before);
                    let sid = self.dfa.start_state(cache, &start).ok()?;
                    start_states[before.map_or(256, usize::from)] = Some(sid);
                    sid
                }
            };
            walk_matches(&self.dfa, cache, bytes, sid, q, |pattern| found.push((self.pattern_rule[pattern], p as u32)))
        };
        // A match starts at the text's start (its boundary is `^`, its proclitics start at 0) or at
        // a character outside `WORD_CHARS` (its proclitics start after it).
        // The search is called from one place only, so that it is inlined into this loop (called
        // from three, it was a function call of its own at every one of ~140,000 starts a 1.4 MB).
        let mut next: Option<(usize, usize)> = Some((0, 0));
        let mut p = 0;
        while let Some((start, from)) = next.take() {
            search(start, from)?;
            while p < bytes.len() {
                // Byte by byte: an ASCII letter or digit, or a basic Arabic letter (U+0620–U+064A,
                // two bytes), is surely a word character; any other character is looked at.
                let b = bytes[p];
                if b < 0x80 {
                    p += 1;
                    if !(b.is_ascii_alphanumeric() || b == b'_') {
                        next = Some((p - 1, p));
                        break;
                    }
                    continue;
                }
                if (b == 0xD8 && bytes[p + 1] >= 0xA0) || (b == 0xD9 && bytes[p + 1] <= 0x8A) {
                    p += 2;
                    // (then four letters at a time while they last: eight bytes read as four
                    // big-endian pairs, each a basic Arabic letter when it lies in D8A0–D98A; a pair
                    // below D8A0 leaves the high byte of its lane, the lowest such one borrowing
                    // nothing, so no lane passes wrongly)
                    while let Some(eight) = bytes.get(p..p + 8) {
                        let pairs = u64::from_be_bytes(eight.try_into().expect("eight bytes"));
                        let from_first = pairs.wrapping_sub(0xD8A0_D8A0_D8A0_D8A0);
                        const HIGH: u64 = 0xFF00_FF00_FF00_FF00;
                        if from_first & HIGH != 0 || from_first.wrapping_add(0x0015_0015_0015_0015) & HIGH != 0 {
                            break;
                        }
                        p += 8;
                    }
                    continue;
                }
                let c = text[p..].chars().next().expect("p is a char boundary");
                let len = c.len_utf8();
                p += len;
                if !surely_word_char(c) {
                    // Every non-ASCII digit comes here: none is surely a word character.
                    if self.is_other_digit(c) {
                        return None;
                    }
                    next = Some((p - len, p));
                    break;
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        let mut offsets = vec![0u32; self.rules + 1];
        let mut present: Vec<u32> = Vec::new();
        for &(r, _) in &found {
            offsets[r as usize + 1] += 1;
            if present.last() != Some(&r) {
                present.push(r);
            }
        }
        for r in 0..self.rules {
            offsets[r + 1] += offsets[r];
        }
        Some(RuleStarts { starts: found.into_iter().map(|(_, s)| s).collect(), offsets, present })
    }
}

/// A char that is certainly in `WORD_CHARS` (see load.rs), so never matched by the boundary class
/// `[^WORD_CHARS]`: no match starts there (a cheap check; `false` only means "search").
#[inline]
fn surely_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || ('\u{0620}'..='\u{064A}').contains(&c)
}


/// Walks an anchored lazy DFA over `bytes` from state `sid` at byte `at`, calling `on_match` with
/// the index of every pattern of every match state reached; `None` if the automaton gave up
/// (quit state or cache failure). Shared by the all-rules walk and the right-context automaton.
///
/// Most of a walk is transitions between untagged states (no match, not dead, already
/// computed): looked up in the cache and nothing else, in a tight loop. The first tagged one (or
/// the text's end) is taken again below, where it is handled (a transition not yet computed is
/// computed there). The states walked are the same; the general step costs ~35 instructions a
/// byte, this loop a third of it. Most walks end on a dead state met here: that ends the search
/// at once, as below.
#[inline(always)]
pub(crate) fn walk_matches(dfa: &DFA, cache: &mut Cache, bytes: &[u8], mut sid: LazyStateID, mut at: usize, mut on_match: impl FnMut(usize)) -> Option<()> {
    loop {
        if !sid.is_tagged() {
            while let Some(&b) = bytes.get(at) {
                let next = dfa.next_state_untagged(cache, sid, b);
                if next.is_tagged() {
                    if next.is_dead() {
                        return Some(());
                    }
                    break;
                }
                sid = next;
                at += 1;
            }
        }
        sid = match bytes.get(at) {
            Some(&b) => dfa.next_state(cache, sid, b).ok()?,
            None => dfa.next_eoi_state(cache, sid).ok()?,
        };
        at += 1;
        if sid.is_tagged() {
            if sid.is_match() {
                for i in 0..dfa.match_len(cache, sid) {
                    on_match(dfa.match_pattern(cache, sid, i).as_usize());
                }
            } else if sid.is_dead() {
                return Some(());
            } else if sid.is_quit() {
                return None;
            }
        }
        if at > bytes.len() {
            return Some(());
        }
    }
}

#[cfg(test)]
mod tests {
    use regex_automata::{Anchored, Input};

    /// Every example phrase of the grammar, normalised, in texts long enough for the automaton:
    /// phrases joined by « . » (a mark no rule reads across) until a text passes `SHORT_TEXT`
    /// (one text per phrase, each padded, made these tests minutes long in a debug build).
    fn texts(g: &crate::Grammar) -> Vec<String> {
        let other = regex_automata::meta::Regex::new(r"[\d--0-9]").unwrap();
        let mut texts = vec![String::from("وقال المسؤول في بيان ان ")];
        for phrase in g.examples().iter().map(|e| tarikh_text::normalise(&e.text)).filter(|p| !other.is_match(p)) {
            let last = texts.last_mut().expect("one text at least");
            if last.len() > crate::prefilter::SHORT_TEXT {
                texts.push(phrase);
            } else {
                last.push_str(" . ");
                last.push_str(&phrase);
            }
        }
        let last = texts.last_mut().expect("one text at least");
        while last.len() <= crate::prefilter::SHORT_TEXT {
            last.push_str(" \u{1F4F0}");
        }
        texts
    }

    #[test]
    fn every_anchored_match_of_a_rule_starts_where_the_automaton_says() {
        // The automaton is exact only if it reports every rule at every start where the rule's
        // regex has an anchored match (the matcher tries the rule there and nowhere else): checked
        // for every rule at every such start, in every example phrase of the grammar.
        let g = crate::Grammar::embedded().unwrap();
        let mut checked = 0;
        for text in texts(&g) {
            let starts = g.prefilter.rule_spans(&text, || g.all_rules_automaton()).expect("a long text without other digits");
            for (r, rule) in g.rules.iter().enumerate() {
                let list = starts.rule(r);
                // Each start with an anchored match, in order: the leftmost match from `from` starts
                // at the first of them at or after `from`.
                let mut from = 0;
                while from <= text.len() {
                    let Some(m) = rule.regex().search(&Input::new(&text).range(from..).anchored(Anchored::No)) else { break };
                    assert!(list.contains(&(m.start() as u32)), "rule `{}` matches «{}» at {} in «{text}», not reported", rule.name, &text[m.range()], m.start());
                    checked += 1;
                    from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn the_walk_reports_what_an_overlapping_search_reports() {
        // `starts` walks the lazy DFA by hand; regex-automata's own overlapping search, at the
        // same places, must report the very same (rule, start) pairs.
        use regex_automata::hybrid::dfa::OverlappingState;
        let g = crate::Grammar::embedded().unwrap();
        let spans = super::RuleSpans::new(g.rules.len(), g.rule_patterns().unwrap()).unwrap();
        let mut cache = spans.dfa.create_cache();
        let mut compared = 0;
        for text in texts(&g) {
            let walked = spans.starts(&text).unwrap();
            let mut reference: Vec<(u32, u32)> = Vec::new();
            let places = std::iter::once((0, 0)).chain(text.char_indices().filter(|&(_, c)| !super::surely_word_char(c)).map(|(p, c)| (p, p + c.len_utf8())));
            for (p, q) in places {
                let input = Input::new(&text).range(q..).anchored(Anchored::Yes);
                let mut state = OverlappingState::start();
                loop {
                    spans.dfa.try_search_overlapping_fwd(&mut cache, &input, &mut state).unwrap();
                    match state.get_match() {
                        Some(hm) => reference.push((spans.pattern_rule[hm.pattern().as_usize()], p as u32)),
                        None => break,
                    }
                }
            }
            reference.sort_unstable();
            reference.dedup();
            let flat: Vec<(u32, u32)> = (0..g.rules.len()).flat_map(|r| walked.rule(r).iter().map(move |&s| (r as u32, s))).collect();
            assert_eq!(flat, reference, "in «{text}»");
            compared += flat.len();
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn find_is_the_same_with_and_without_the_automaton() {
        // The whole matcher (contexts, composition, the longest match) must choose alike whether
        // a rule is tried where the automaton says or at the prefilter's candidate starts.
        let g = crate::Grammar::embedded().unwrap();
        let mut compared = 0;
        for text in texts(&g) {
            let fast = g.find_with(&text, true);
            assert_eq!(fast, g.find_with(&text, false), "in «{text}»");
            compared += fast.len();
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn the_skeleton_parse_of_a_rule_is_the_parse_of_its_search_pattern() {
        // The automaton is built from the skeleton parse (lexicons parsed once); it must be the
        // very pattern `search_pattern` writes out, for every rule.
        let g = crate::Grammar::embedded().unwrap();
        let mut same = 0;
        for rule in &g.rules {
            let pattern = super::search_pattern(rule).expect("every rule is a full pattern");
            let Some(skeleton) = rule.search_hir(&g) else { continue };
            assert_eq!(skeleton, regex_syntax::Parser::new().parse(&pattern).unwrap(), "rule `{}`", rule.name);
            same += 1;
        }
        assert!(same * 10 > g.rules.len() * 9, "{same}");
    }

    #[test]
    fn the_other_digits_are_the_prefilters() {
        // The walk rules out a text with a non-ASCII digit by its own table; it must be the very
        // class of the prefilter's regex, character for character.
        let g = crate::Grammar::embedded().unwrap();
        let spans = super::RuleSpans::new(g.rules.len(), g.rule_patterns().unwrap()).unwrap();
        let regex = regex_automata::meta::Regex::new(r"[\d--0-9]").unwrap();
        let mut buf = [0u8; 4];
        let mut digits = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(spans.is_other_digit(c), regex.is_match(&*c.encode_utf8(&mut buf)), "{c:?}");
            digits += usize::from(spans.is_other_digit(c));
        }
        assert!(digits > 500, "{digits}");
    }

    #[test]
    fn a_text_with_other_digits_or_a_phrase_is_left_to_the_prefilter() {
        let g = crate::Grammar::embedded().unwrap();
        let long = "في 5 مايو ".repeat(40);
        assert!(g.prefilter.rule_spans(&long, || g.all_rules_automaton()).is_some());
        assert!(g.prefilter.rule_spans("في 5 مايو", || g.all_rules_automaton()).is_none());
        assert!(g.prefilter.rule_spans(&format!("{long} ٥"), || g.all_rules_automaton()).is_none(), "an Arabic-Indic digit the normalisation left");
    }
}
