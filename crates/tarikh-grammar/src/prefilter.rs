//! Where a rule can match: a literal prefilter that makes matching fast without changing a result.
//!
//! Most of a news article holds no temporal expression, yet running each of the ~120 rule regexes
//! over the whole text costs ~120 passes. Instead, one Aho–Corasick automaton over the literal
//! prefixes of every rule's body (`{month}` expands to the month names, `\d` to the digits…) finds,
//! in one pass, the places where some rule's body could begin; each rule then runs an *anchored*
//! search only at the match starts those places imply.
//!
//! Since the all-rules automaton of multi.rs, the candidate starts serve the texts it does not
//! take: a phrase of [`SHORT_TEXT`] bytes or fewer (a `tarikh parse`, where building either
//! automaton would cost more than the search), and a text with a non-ASCII digit.
//!
//! Why the result is unchanged. A rule regex is `(?:^|[^WORD_CHARS])(?P<_clitic>[وف]?[بلك]?)(?P<_body>…)…`.
//! An unanchored leftmost-first search from `pos` returns the match of an anchored search at the
//! smallest `s >= pos` where an anchored search matches. So it is enough to try, in increasing
//! order, a *superset* of the starts where an anchored match exists. Every match's body begins at
//! some `p` with one of the body's prefix literals (regex-syntax's extractor guarantees this when
//! its set is finite and holds no empty literal); the match starts 0, 1 or 2 clitic letters (2
//! bytes each) before `p`, minus the one boundary char before that (or at 0, for `^`). Those are
//! the candidates. A body that starts with `^` (a rule reading a whole phrase) can only match at
//! the text's start, its one candidate. Rules whose bodies have neither (an infinite prefix set,
//! or one that can be empty) are searched over the whole text as before.
//!
//! Unicode digits: `\d` means every Unicode decimal digit, far too many literals. Prefixes are
//! extracted with the non-ASCII digits removed from every class, which is exact for texts without
//! such digits (normalisation turns Arabic-Indic and Persian digits into ASCII); a text that still
//! holds one (Devanagari, full-width…) is matched the old way, every rule over the whole text.

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// The longest text whose literals are looked up one start at a time rather than with the
/// Aho–Corasick automaton (see [`Prefilter::candidates`]).
pub(crate) const SHORT_TEXT: usize = 256;

/// How many bytes of text the prefilter scans with its Aho–Corasick NFA before it builds the DFA
/// (see [`Prefilter::automaton`]).
const DFA_AFTER_BYTES: usize = 64 * 1024;

/// The candidate finder for a list of rule bodies.
#[derive(Debug)]
pub(crate) struct Prefilter {
    /// Over every distinct prefix literal of every rule with a usable set: an NFA, quick to build,
    /// built for the first text longer than [`SHORT_TEXT`] (`None` inside if it cannot be built).
    ac: std::sync::OnceLock<Option<Literals>>,
    /// The same literals as a DFA, faster to run and about four times as long to build (a tenth of a
    /// one-phrase `tarikh parse`): built once the NFA has scanned [`DFA_AFTER_BYTES`] of text.
    /// Both report the same matches, so which one ran never shows in a result.
    dfa: std::sync::OnceLock<Option<Literals>>,
    /// The literals, sorted (the automata's patterns, in this order; a short text looks them up
    /// by binary search instead, see [`SHORT_TEXT`]).
    literals: Vec<Vec<u8>>,
    /// The distinct lengths of the literals, ascending.
    lengths: Vec<usize>,
    /// Bytes of text scanned so far with `ac`.
    scanned: std::sync::atomic::AtomicUsize,
    /// For each literal of `ac`: the rules it is a prefix of.
    literal_rules: Vec<Vec<u32>>,
    /// The rules whose matches can only start at the start of the text (a body that starts with
    /// `^`): their one candidate start is 0.
    text_start: Vec<u32>,
    /// Per rule: true if it has no usable prefix set and must scan the whole text.
    pub(crate) scan_all: Vec<bool>,
    /// Per rule, for its whole-text engine and its anchored one: its group names resolved (see
    /// matcher.rs, `ResolvedRule`), at the rule's first match (an engine's groups never change).
    pub(crate) resolved: Vec<[std::sync::OnceLock<crate::matcher::ResolvedRule>; 2]>,
    /// Rules with the same prefix literals have the same candidate starts in every text, and
    /// share one list of them (a class; the embedded grammar's 291 rules make 179). Per rule: its class
    /// ([`NO_CLASS`] for a rule that scans the whole text).
    class_of: std::sync::Arc<[u32]>,
    /// Per class: its rules.
    class_rules: Vec<Vec<u32>>,
    /// For each literal of `ac`: the classes of the rules it is a prefix of, at
    /// `literal_classes[class_at[li]..class_at[li + 1]]` (one buffer: a vector per literal made
    /// thousands of allocations at every start).
    literal_classes: Vec<u32>,
    /// See `literal_classes`.
    class_at: Vec<u32>,
    /// The classes of the rules in `text_start` (one rule each).
    text_start_classes: Vec<u32>,
    /// Decimal digits other than ASCII `0-9` (their presence disables the prefilter).
    other_digits: regex_automata::meta::Regex,
    /// The rules' required literals, looked up once per text (see [`RequiredIndex`]); built for
    /// the first text longer than [`SHORT_TEXT`].
    required: std::sync::OnceLock<RequiredIndex>,
    /// Every rule in one pair of automata (see [`crate::multi`]), built for the first text longer
    /// than [`SHORT_TEXT`] (`None` inside if it cannot be built).
    spans: std::sync::OnceLock<Option<std::sync::Arc<crate::multi::RuleSpans>>>,
    /// Every context's right side in one automaton (see [`crate::right_contexts`]), built for the
    /// first text longer than [`SHORT_TEXT`] (`None` inside if it cannot be built).
    right_contexts: std::sync::OnceLock<Option<std::sync::Arc<crate::right_contexts::RightContexts>>>,
}

/// Which rules can match in a text at all. A rule's required literal sets (see
/// [`required_literals`]) say that every match holds a member of each; a text that lacks every
/// member of one set holds no match, so the rule is not searched in it — not even at its
/// candidate starts, which a common first word (a preposition, «ال»…) makes many. One
/// Aho–Corasick pass over the required literals answers for all rules at once. A rule without
/// required sets (a pattern the extractor cannot analyse, as a user's new rule may be) is always
/// searched.
///
/// Many sets are in almost every article («في», «من», a digit…): looking for them costs a report
/// at every occurrence and rules out nothing. So the first [`LEARN_TEXTS`] texts are scanned for
/// every set, and from then on only for the sets that were missing from at least half of them;
/// the others count as present. Which sets are looked for never changes a result (a set counted
/// present only lets a rule be searched), so neither the order of the texts nor the thread count
/// shows in the output.
#[derive(Debug)]
pub(crate) struct RequiredIndex {
    /// Over every set (`None`: no rule has one, or it cannot be built).
    full: Option<SetScan>,
    /// Over the selective sets, built after [`LEARN_TEXTS`] texts (`None` inside: no set is
    /// selective, every rule is searched).
    lean: std::sync::OnceLock<Option<SetScan>>,
    /// Per set: in how many of the texts scanned with `full` it was present.
    present_in: Vec<std::sync::atomic::AtomicU32>,
    /// Texts scanned with `full`.
    learned: std::sync::atomic::AtomicU32,
    /// Per rule: its sets (indices into the sets found present).
    rule_sets: Vec<Vec<u32>>,
    /// Every set's literals (to build `lean` from).
    sets: Vec<Vec<Vec<u8>>>,
}

/// How many texts [`RequiredIndex`] scans for every set before it keeps to the selective ones.
const LEARN_TEXTS: u32 = 64;

/// An Aho–Corasick automaton over the literals of some required sets.
#[derive(Debug, Clone)]
struct SetScan {
    ac: Literals,
    /// Per literal of `ac`: the sets it is a member of.
    literal_sets: Vec<Vec<u32>>,
    /// Per set: false if it is looked for (absent until found), true if it counts as present.
    assumed: Vec<bool>,
}

impl SetScan {
    /// The scan for the sets `keep` says to look for (the others count as present).
    fn new(sets: &[Vec<Vec<u8>>], keep: impl Fn(usize) -> bool) -> Option<SetScan> {
        let mut literal_ids: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut literal_sets: Vec<Vec<u32>> = Vec::new();
        let mut assumed = vec![true; sets.len()];
        for (k, set) in sets.iter().enumerate() {
            if !keep(k) {
                continue;
            }
            assumed[k] = false;
            for lit in set {
                let li = *literal_ids.entry(lit.as_slice()).or_insert_with(|| {
                    literals.push(lit.as_slice());
                    literal_sets.push(Vec::new());
                    literals.len() - 1
                });
                literal_sets[li].push(k as u32);
            }
        }
        if literals.is_empty() {
            return None;
        }
        let ac = Literals::dfa(&literals)?;
        Some(SetScan { ac, literal_sets, assumed })
    }

    /// Per set: present in `text` (or assumed so)?
    fn present(&self, text: &str) -> Vec<bool> {
        let mut present = self.assumed.clone();
        self.ac.each_match(text.as_bytes(), |li, _| {
            for &k in &self.literal_sets[li] {
                present[k as usize] = true;
            }
        });
        present
    }
}

impl Clone for RequiredIndex {
    fn clone(&self) -> RequiredIndex {
        use std::sync::atomic::{AtomicU32, Ordering};
        RequiredIndex {
            full: self.full.clone(),
            lean: self.lean.clone(),
            present_in: self.present_in.iter().map(|n| AtomicU32::new(n.load(Ordering::Relaxed))).collect(),
            learned: AtomicU32::new(self.learned.load(Ordering::Relaxed)),
            rule_sets: self.rule_sets.clone(),
            sets: self.sets.clone(),
        }
    }
}

impl RequiredIndex {
    /// The index over the required sets of every rule, in rule order.
    pub(crate) fn new<'r>(rules: impl Iterator<Item = &'r [Vec<Vec<u8>>]>) -> RequiredIndex {
        let mut set_ids: std::collections::HashMap<&'r [Vec<u8>], u32> = std::collections::HashMap::new();
        let mut sets: Vec<Vec<Vec<u8>>> = Vec::new();
        let mut rule_sets = Vec::new();
        for required in rules {
            let own: Vec<u32> = required
                .iter()
                .map(|set| {
                    *set_ids.entry(set.as_slice()).or_insert_with(|| {
                        sets.push(set.clone());
                        sets.len() as u32 - 1
                    })
                })
                .collect();
            rule_sets.push(own);
        }
        let full = SetScan::new(&sets, |_| true);
        let present_in = sets.iter().map(|_| std::sync::atomic::AtomicU32::new(0)).collect();
        RequiredIndex { full, lean: std::sync::OnceLock::new(), present_in, learned: std::sync::atomic::AtomicU32::new(0), rule_sets, sets }
    }

    /// Per rule: can it match in `text` (without non-ASCII digits, like the sets themselves)?
    /// `None` when every rule must be searched.
    pub(crate) fn viable(&self, text: &str) -> Option<Vec<bool>> {
        use std::sync::atomic::Ordering;
        let full = self.full.as_ref()?;
        let present = match self.lean.get() {
            Some(lean) => lean.as_ref()?.present(text),
            None => {
                let present = full.present(text);
                for (n, _) in self.present_in.iter().zip(&present).filter(|(_, &p)| p) {
                    n.fetch_add(1, Ordering::Relaxed);
                }
                if self.learned.fetch_add(1, Ordering::Relaxed) + 1 >= LEARN_TEXTS {
                    let texts = self.learned.load(Ordering::Relaxed);
                    self.lean.get_or_init(|| SetScan::new(&self.sets, |k| 2 * self.present_in[k].load(Ordering::Relaxed) <= texts));
                }
                present
            }
        };
        Some(self.rule_sets.iter().map(|sets| sets.iter().all(|&k| present[k as usize])).collect())
    }
}

/// Where each rule must be tried in one text.
pub(crate) enum Candidates {
    /// Every rule scans the whole text (the text holds a non-ASCII digit).
    All,
    /// Per rule: the sorted byte offsets where an anchored search may match (possibly repeated),
    /// or `None` for a rule that scans the whole text.
    Some(PerRule),
}

/// Candidate starts of every rule, in one buffer.
pub(crate) struct PerRule {
    /// All starts, grouped by class (rules with the same prefix literals), sorted within a class.
    starts: Vec<u32>,
    /// Class `c`'s starts are `starts[offsets[c]..offsets[c + 1]]`.
    offsets: Vec<u32>,
    /// Per rule: its class, or [`NO_CLASS`] for a rule that scans the whole text.
    class_of: std::sync::Arc<[u32]>,
}

/// The class of a rule that has none: it scans the whole text.
const NO_CLASS: u32 = u32::MAX;

impl PerRule {
    /// The candidate starts of rule `r`, or `None` if it scans the whole text.
    pub(crate) fn rule(&self, r: usize) -> Option<&[u32]> {
        match self.class_of[r] {
            NO_CLASS => None,
            c => Some(&self.starts[self.offsets[c as usize] as usize..self.offsets[c as usize + 1] as usize]),
        }
    }
}

/// The class of decimal digits other than ASCII.
pub(crate) fn other_digit_class() -> ClassUnicode {
    let mut d = ClassUnicode::empty();
    if let Ok(h) = regex_syntax::Parser::new().parse(r"\d") {
        if let HirKind::Class(Class::Unicode(c)) = h.kind() {
            d = c.clone();
        }
    }
    d.difference(&ClassUnicode::new([ClassUnicodeRange::new('0', '9')]));
    d
}

/// Whether two classes share a character (both range lists are sorted and non-overlapping).
fn overlaps(a: &ClassUnicode, b: &ClassUnicode) -> bool {
    let (mut x, mut y) = (a.ranges().iter().peekable(), b.ranges().iter().peekable());
    while let (Some(r), Some(q)) = (x.peek(), y.peek()) {
        if r.end() < q.start() {
            x.next();
        } else if q.end() < r.start() {
            y.next();
        } else {
            return true;
        }
    }
    false
}

/// `hir` with the non-ASCII digits removed from every class (an empty class then matches nothing),
/// or `None` when no class holds one (the common case: rebuilding a large lexicon alternation is
/// costly, and this runs for every rule at load time).
fn without_other_digits(hir: &Hir, other: &ClassUnicode) -> Option<Hir> {
    // The rebuilt list when some item changed.
    let all = |v: &[Hir]| -> Option<Vec<Hir>> {
        let (k, first) = v.iter().enumerate().find_map(|(k, h)| without_other_digits(h, other).map(|c| (k, c)))?;
        let mut out = v[..k].to_vec();
        out.push(first);
        out.extend(v[k + 1..].iter().map(|h| without_other_digits(h, other).unwrap_or_else(|| h.clone())));
        Some(out)
    };
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            // Most classes hold no digit at all: rule them out without copying the class.
            if !overlaps(c, other) {
                return None;
            }
            let mut without = c.clone();
            without.difference(other);
            (without != *c).then(|| Hir::class(Class::Unicode(without)))
        }
        // The new node is built around the new sub-pattern (cloning the node would copy the old
        // one, often a whole lexicon alternation, only to drop it).
        HirKind::Repetition(r) => {
            let sub = without_other_digits(&r.sub, other)?;
            Some(Hir::repetition(regex_syntax::hir::Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(sub) }))
        }
        HirKind::Capture(c) => {
            let sub = without_other_digits(&c.sub, other)?;
            Some(Hir::capture(regex_syntax::hir::Capture { index: c.index, name: c.name.clone(), sub: Box::new(sub) }))
        }
        HirKind::Concat(v) => all(v).map(Hir::concat),
        HirKind::Alternation(v) => all(v).map(Hir::alternation),
        _ => None,
    }
}

/// For a pattern with a Unicode word boundary (`\b`), which makes the lazy DFA give up on Arabic
/// text (and the search fall back to a capture engine over the text): the same pattern without its
/// word boundaries, a language that holds every match of the pattern, as a lazy DFA reporting the
/// *longest* match. Where it finds none, the pattern has none; where it does, the pattern's match
/// ends at or before that end, so the real search runs on that stretch alone.
pub(crate) struct LongestFilter {
    dfa: regex_automata::hybrid::dfa::DFA,
    caches: regex_automata::util::pool::Pool<regex_automata::hybrid::dfa::Cache, Box<dyn Fn() -> regex_automata::hybrid::dfa::Cache + Send + Sync>>,
}

impl std::fmt::Debug for LongestFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LongestFilter")
    }
}

impl Clone for LongestFilter {
    fn clone(&self) -> LongestFilter {
        LongestFilter::new(self.dfa.clone())
    }
}

impl LongestFilter {
    fn new(dfa: regex_automata::hybrid::dfa::DFA) -> LongestFilter {
        let for_cache = dfa.clone();
        let create: Box<dyn Fn() -> regex_automata::hybrid::dfa::Cache + Send + Sync> = Box::new(move || for_cache.create_cache());
        LongestFilter { dfa, caches: regex_automata::util::pool::Pool::new(create) }
    }

    /// The filter over `nfa` (from [`filter_nfa_owned`], or read back from a rule's file).
    pub(crate) fn from_nfa(nfa: regex_automata::nfa::thompson::NFA) -> Option<LongestFilter> {
        let config = regex_automata::hybrid::dfa::Config::new().match_kind(regex_automata::MatchKind::All);
        let dfa = regex_automata::hybrid::dfa::Builder::new().configure(config).build_from_nfa(nfa).ok()?;
        Some(LongestFilter::new(dfa))
    }

    /// The end of the longest match anchored at the start of `input`, if any (a search the lazy
    /// DFA gives up on counts as a match reaching the end of the input).
    pub(crate) fn longest_end(&self, input: &regex_automata::Input<'_>) -> Option<usize> {
        let mut cache = self.caches.get();
        match self.dfa.try_search_fwd(&mut cache, input) {
            Ok(found) => found.map(|m| m.offset()),
            Err(_) => Some(input.end()),
        }
    }
}

/// The [`LongestFilter`] of a pattern with a Unicode word boundary; `None` for any other pattern.
pub(crate) fn word_boundary_free(pattern: &str) -> Option<LongestFilter> {
    word_boundary_free_owned(regex_syntax::Parser::new().parse(pattern).ok()?)
}

/// [`word_boundary_free`] of a pattern already parsed, which the caller no longer needs: its parts without a word
/// boundary (most of it, lexicons and all) are moved into the filter's pattern, not copied.
pub(crate) fn word_boundary_free_owned(hir: Hir) -> Option<LongestFilter> {
    LongestFilter::from_nfa(filter_nfa_owned(hir)?)
}

/// The NFA of [`word_boundary_free_owned`]'s filter (what a rule's file keeps, see
/// [`crate::automaton_cache`]); `None` for a pattern without a Unicode word boundary.
pub(crate) fn filter_nfa_owned(hir: Hir) -> Option<regex_automata::nfa::thompson::NFA> {
    use regex_automata::nfa::thompson;
    if !hir.properties().look_set().contains_word_unicode() {
        return None;
    }
    thompson::Compiler::new().configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None)).build_from_hir(&strip_owned(hir)).ok()
}

/// [`strip`] of a pattern the caller gives up: the very same `Hir`, with the parts that hold no
/// word boundary moved rather than cloned (a clone copied whole lexicon tries only to drop them).
pub(crate) fn strip_owned(hir: Hir) -> Hir {
    use regex_syntax::hir::Look;
    let rebuilt = matches!(hir.kind(), HirKind::Look(_) | HirKind::Repetition(_) | HirKind::Capture(_) | HirKind::Concat(_) | HirKind::Alternation(_));
    if !rebuilt || !hir.properties().look_set().contains_word_unicode() {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Look(Look::WordUnicode | Look::WordUnicodeNegate | Look::WordStartUnicode | Look::WordEndUnicode | Look::WordStartHalfUnicode | Look::WordEndHalfUnicode) => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(r) => Hir::repetition(regex_syntax::hir::Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(strip_owned(*r.sub)) }),
        HirKind::Capture(c) => Hir::capture(regex_syntax::hir::Capture { index: c.index, name: c.name, sub: Box::new(strip_owned(*c.sub)) }),
        HirKind::Concat(v) => Hir::concat(v.into_iter().map(strip_owned).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.into_iter().map(strip_owned).collect()),
        _ => unreachable!("only the kinds matched above are rebuilt"),
    }
}

/// `hir` without its Unicode word boundaries: a pattern that matches wherever `hir` does, and more.
pub(crate) fn strip(hir: &Hir) -> Hir {
    use regex_syntax::hir::Look;
    match hir.kind() {
        // A part without a word boundary is the same without it.
        _ if !hir.properties().look_set().contains_word_unicode() => hir.clone(),
        HirKind::Look(Look::WordUnicode | Look::WordUnicodeNegate | Look::WordStartUnicode | Look::WordEndUnicode | Look::WordStartHalfUnicode | Look::WordEndHalfUnicode) => Hir::empty(),
        // Built around the new sub-pattern: cloning the node would copy the old one (often a whole
        // lexicon alternation) only to drop it.
        HirKind::Repetition(r) => Hir::repetition(regex_syntax::hir::Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(strip(&r.sub)) }),
        HirKind::Capture(c) => Hir::capture(regex_syntax::hir::Capture { index: c.index, name: c.name.clone(), sub: Box::new(strip(&c.sub)) }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(strip).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(strip).collect()),
        _ => hir.clone(),
    }
}

/// The literal prefixes every match of `body` starts with, or `None` when there is no finite,
/// non-empty set.
///
/// The set is first extracted from the body as a whole; then from each of its *leading variants*
/// (see [`leading_variants`]), whose union is used instead when it refines the whole body's set
/// (each of its literals extends one of the whole set's). Why: the extractor has a budget of
/// literals, and a body that starts with optional words (`(?:يوم )?(?:ال ?)?{day_number} …`)
/// spends it on the cross product of all their choices, so it cuts the literals short — to «ال»
/// alone, a candidate at every definite noun. Each variant spends its own budget on one choice,
/// so «ال» comes out followed by the day numbers. Both sets are sound (every match starts with a
/// member): a variant's set covers the variant's matches, and the variants' matches are the
/// body's; the refinement check only makes sure no rule gets more candidates than before.
fn prefixes(body: &Hir, memo: &mut Memo<'_>) -> Option<Vec<Vec<u8>>> {
    let whole = Items::new(items_of(body)).prefixes(memo, SMALL_CLASS)?;
    let mut union: Vec<Vec<u8>> = Vec::new();
    for variant in leading_variants(body) {
        let mut variant = Items::new(variant);
        let Some(small) = variant.prefixes(memo, SMALL_CLASS) else { return Some(whole) };
        // Where a literal is as short as one Arabic letter pair (`ال[ \t…]*{day_number}` gives
        // «ال»), classes up to the size of the whitespace class expanded: «ال », «ال1»… (only
        // there: elsewhere it would multiply the automaton's literals for little gain).
        if !small.iter().any(|l| l.len() <= SHORT_LITERAL) {
            union.extend(small);
            continue;
        }
        match variant.prefixes(memo, LARGE_CLASS) {
            Some(large) if large.len() <= MAX_VARIANT_LITERALS && refines(&large, &small) && large.iter().filter(|l| l.len() <= SHORT_LITERAL).count() < small.iter().filter(|l| l.len() <= SHORT_LITERAL).count() => union.extend(large),
            _ => union.extend(small),
        }
    }
    union.sort();
    union.dedup();
    Some(if union.len() <= MAX_RULE_LITERALS && refines(&union, &whole) { union } else { whole })
}

/// The items `hir` concatenates (itself alone if it is no concatenation).
fn items_of(hir: &Hir) -> Vec<&Hir> {
    match hir.kind() {
        HirKind::Concat(v) => v.iter().collect(),
        _ => vec![hir],
    }
}

/// A pattern given as the items it concatenates (borrowed from a rule body), whose prefixes are
/// extracted from as few leading items as give the same literals as the whole concatenation.
///
/// Why: the extractor reads a concatenation from the left and stops at the first item after
/// which every literal is inexact (cut short, or followed by something it cannot expand), so the
/// items after that never count. Building the whole concatenation would copy them — often whole
/// lexicon alternations, for each of up to [`MAX_VARIANTS`] variants of every rule — and that
/// copying was most of the grammar's analysis time.
struct Items<'h> {
    /// The items, in order.
    items: Vec<&'h Hir>,
    /// The first items without their non-ASCII digits, made as needed.
    prefix: Vec<Hir>,
}

/// What the analysis of the rule bodies works out once and uses many times: the items of the
/// bodies and of their variants without their non-ASCII digits.
struct Memo<'o> {
    other: &'o ClassUnicode,
    /// Per item (by its address in a body, the bodies outliving the memo's use): the item without
    /// its non-ASCII digits, `None` when it has none. Variants share most of their items.
    by_item: std::collections::HashMap<*const Hir, Option<Hir>>,
}

impl<'o> Memo<'o> {
    /// An empty memo for digits other than ASCII in `other`.
    fn new(other: &'o ClassUnicode) -> Memo<'o> {
        Memo { other, by_item: std::collections::HashMap::new() }
    }

    /// What an extractor with these limits gives for `hir`.
    fn extract(&self, hir: &Hir, class_limit: usize, len: usize) -> regex_syntax::hir::literal::Seq {
        let mut ex = Extractor::new();
        ex.kind(ExtractKind::Prefix).limit_class(class_limit).limit_repeat(4).limit_literal_len(len).limit_total(10000);
        ex.extract(hir)
    }

    /// `item` without its non-ASCII digits.
    fn of(&mut self, item: &Hir) -> Hir {
        self.peek(item).clone()
    }

    /// `item` without its non-ASCII digits, borrowed (`item` itself when it has none).
    fn peek<'a>(&'a mut self, item: &'a Hir) -> &'a Hir {
        let other = self.other;
        self.by_item.entry(item as *const Hir).or_insert_with(|| without_other_digits(item, other)).as_ref().unwrap_or(item)
    }
}

impl<'h> Items<'h> {
    fn new(items: Vec<&'h Hir>) -> Items<'h> {
        Items { items, prefix: Vec::new() }
    }

    /// The literal prefixes of the concatenation of the items without their non-ASCII digits, as
    /// regex-syntax's extractor gives them for the whole concatenation, expanding classes of at
    /// most `class_limit` characters; `None` when there is no finite set without an empty literal.
    fn prefixes(&mut self, memo: &mut Memo<'_>, class_limit: usize) -> Option<Vec<Vec<u8>>> {
        // Literals up to 12 bytes; when a body has too many of them (a weekday, then a day number,
        // then a separator…: the set grows past `limit_total` and becomes infinite), shorter ones. A
        // shorter prefix is still a prefix of every match, only a less selective one.
        [12, 4].into_iter().find_map(|len| {
            let seq = self.extract(class_limit, len, memo);
            let lits = seq.literals()?;
            if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
                return None;
            }
            let mut out: Vec<Vec<u8>> = lits.iter().map(|l| l.as_bytes().to_vec()).collect();
            out.sort_unstable();
            out.dedup();
            Some(out)
        })
    }

    /// What the extractor gives for the concatenation of all the (stripped) items, read off its
    /// shortest prefix that gives the same: the extractor reads a concatenation from the left and
    /// stops before the first part where every literal so far is inexact. A prefix of `k` items
    /// gives the same sequence when `Hir::concat` of it is the start of the whole concatenation
    /// (no literal merged across the cut, see [`Items::cut_after`]) and every literal it gives is
    /// inexact. (When the prefix is a single part, the extractor reads it alone rather than as a
    /// concatenation: the literals are the same, the concatenation crossing them with the empty
    /// literal.)
    fn extract(&mut self, class_limit: usize, len: usize, memo: &mut Memo<'_>) -> regex_syntax::hir::literal::Seq {
        let mut k = 0;
        loop {
            // The next cut: one more item, then on to an item after which a cut is sound.
            loop {
                if self.prefix.len() == k {
                    self.prefix.push(memo.of(self.items[k]));
                }
                k += 1;
                if k == self.items.len() || Self::cut_after(&self.prefix[..k], memo.peek(self.items[k])) {
                    break;
                }
            }
            let prefix = Hir::concat(self.prefix[..k].to_vec());
            let seq = memo.extract(&prefix, class_limit, len);
            if k == self.items.len() || seq.is_inexact() {
                return seq;
            }
        }
    }

    /// Can a concatenation be cut between `prefix` and `next` (without its non-ASCII digits)
    /// without `Hir::concat` merging a literal across the cut? Only a literal (or a concatenation,
    /// which may end with one) before the cut merges, and only with a literal (or a concatenation,
    /// which may start with one, or an empty part, which is dropped) after it.
    fn cut_after(prefix: &[Hir], next: &Hir) -> bool {
        let ends_mergeable = prefix.iter().rev().find(|h| !matches!(h.kind(), HirKind::Empty)).map(|h| matches!(h.kind(), HirKind::Literal(_) | HirKind::Concat(_)));
        match ends_mergeable {
            None => false,
            Some(false) => true,
            Some(true) => !matches!(next.kind(), HirKind::Literal(_) | HirKind::Concat(_) | HirKind::Empty),
        }
    }
}

/// The largest class the prefix extractor expands by default, and on a second try (the Unicode
/// whitespace class, which a space in a rule pattern stands for, has 25 characters).
const SMALL_CLASS: usize = 16;
const LARGE_CLASS: usize = 32;

/// Bounds on the literals of one leading variant with [`LARGE_CLASS`], and of one rule: the
/// prefilter's automaton holds all of them.
const MAX_VARIANT_LITERALS: usize = 2048;
const MAX_RULE_LITERALS: usize = 4096;

/// A literal this short (two Arabic letters, or up to four digits) is worth a second try with
/// [`LARGE_CLASS`].
const SHORT_LITERAL: usize = 4;

/// Does every literal of `finer` start with one of `coarser` (sorted)? Then a text position where
/// a member of `finer` starts is one where a member of `coarser` starts: no more candidates.
fn refines(finer: &[Vec<u8>], coarser: &[Vec<u8>]) -> bool {
    // Only the lengths some coarser literal has can give a prefix in `coarser`.
    let mut lengths: Vec<usize> = coarser.iter().map(Vec::len).collect();
    lengths.sort_unstable();
    lengths.dedup();
    finer.iter().all(|l| lengths.iter().take_while(|&&n| n <= l.len()).any(|&n| coarser.binary_search_by(|c| c.as_slice().cmp(&l[..n])).is_ok()))
}

/// How many leading variants [`leading_variants`] may make of one rule body.
const MAX_VARIANTS: usize = 64;

/// `body` as a union of patterns (its *leading variants*) whose first item is neither optional nor
/// an alternation: `(?:a)?x` becomes `ax` and `x`, `(?:a|b)x` becomes `ax` and `bx`, again for the
/// new first item, at most [`MAX_VARIANTS`] of them (else `body` alone). Each variant is the list
/// of the items it concatenates, borrowed from `body`. Capture groups are dropped (they do not
/// change what a pattern matches). The variants' matches are exactly the body's.
fn leading_variants(body: &Hir) -> Vec<Vec<&Hir>> {
    fn split<'h>(items: Vec<&'h Hir>, out: &mut Vec<Vec<&'h Hir>>, budget: &mut usize) -> bool {
        let Some(&first) = items.first() else {
            out.push(Vec::new());
            return true;
        };
        let rest = &items[1..];
        let with = |head: &[&'h Hir]| -> Vec<&'h Hir> { head.iter().chain(rest).copied().collect() };
        match first.kind() {
            HirKind::Capture(c) => split(with(&[&c.sub]), out, budget),
            HirKind::Concat(v) => split(with(&v.iter().collect::<Vec<_>>()), out, budget),
            HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
                if *budget < 2 {
                    return false;
                }
                *budget -= 1;
                split(with(&[&r.sub]), out, budget) && split(rest.to_vec(), out, budget)
            }
            HirKind::Alternation(v) if v.len() <= *budget => {
                *budget -= v.len() - 1;
                v.iter().all(|branch| split(with(&[branch]), out, budget))
            }
            _ => {
                out.push(items);
                true
            }
        }
    }
    let mut out = Vec::new();
    let mut budget = MAX_VARIANTS;
    if split(vec![body], &mut out, &mut budget) && out.len() <= MAX_VARIANTS {
        out
    } else {
        vec![items_of(body)]
    }
}

/// How many literal sets [`required_literals`] keeps per rule, and how many literals a set may have.
const REQUIRED_SETS: usize = 2;
const REQUIRED_SET_SIZE: usize = 16;

/// Literal sets of which every match of `body` holds at least one member of each: the prefix
/// sets of parts every match has (a word after a space, a lexicon…; see prefilter.rs for why a
/// finite prefix set is sound), the most selective first (longest shortest literal, then fewest
/// literals). With `no_other_digits`, sound for texts without non-ASCII digits only, like the
/// prefix sets (the matcher asks only about those); without, for every text. A text that lacks
/// every member of one set holds no match of the rule, so the rule need not even be compiled.
pub(crate) fn required_literals(body: &Hir, no_other_digits: bool) -> Vec<Vec<Vec<u8>>> {
    fn mandatory_parts<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
        out.push(hir);
        match hir.kind() {
            HirKind::Capture(c) => mandatory_parts(&c.sub, out),
            HirKind::Repetition(r) if r.min >= 1 => mandatory_parts(&r.sub, out),
            HirKind::Concat(v) => v.iter().for_each(|h| mandatory_parts(h, out)),
            _ => {}
        }
    }
    let stripped = no_other_digits.then(|| without_other_digits(body, &other_digit_class())).flatten();
    let body = stripped.as_ref().unwrap_or(body);
    let mut parts = Vec::new();
    mandatory_parts(body, &mut parts);
    let mut sets: Vec<Vec<Vec<u8>>> = parts
        .into_iter()
        .filter_map(|part| {
            let mut ex = Extractor::new();
            ex.kind(ExtractKind::Prefix).limit_class(16).limit_repeat(4).limit_literal_len(12).limit_total(REQUIRED_SET_SIZE * 4);
            let seq = ex.extract(part);
            let lits = seq.literals()?;
            let mut set: Vec<Vec<u8>> = lits.iter().map(|l| l.as_bytes().to_vec()).collect();
            set.sort();
            set.dedup();
            (!set.is_empty() && set.len() <= REQUIRED_SET_SIZE && set.iter().all(|l| !l.is_empty())).then_some(set)
        })
        .collect();
    let shortest = |set: &Vec<Vec<u8>>| set.iter().map(Vec::len).min().unwrap_or(0);
    sets.sort_by(|a, b| shortest(b).cmp(&shortest(a)).then(a.len().cmp(&b.len())).then(a.cmp(b)));
    sets.dedup();
    sets.truncate(REQUIRED_SETS);
    sets
}

/// Does `text` hold a member of every set of `required` (see [`required_literals`])?
pub(crate) fn holds_required(text: &[u8], required: &[Vec<Vec<u8>>]) -> bool {
    required.iter().all(|set| set.iter().any(|lit| text.windows(lit.len()).any(|w| w == lit.as_slice())))
}

/// Does every match of `body` start at the start of the text (`^` first, as in a rule that reads a
/// whole phrase)? Then its only candidate start is 0.
fn starts_at_text_start(body: &Hir) -> bool {
    use regex_syntax::hir::Look;
    match body.kind() {
        HirKind::Look(Look::Start) => true,
        HirKind::Concat(v) => v.first().is_some_and(starts_at_text_start),
        HirKind::Capture(c) => starts_at_text_start(&c.sub),
        HirKind::Alternation(v) => v.iter().all(starts_at_text_start),
        _ => false,
    }
}

/// An Aho–Corasick automaton over literals (every occurrence of every literal, overlapping),
/// run by [`Literals::each_match`]: a plain loop over the bytes, one transition each, rather than
/// the crate's overlapping iterator (which returns to its caller at every match and, on an
/// Arabic text, calls its start-byte prefilter at every return to the start state for nothing:
/// every other byte is a lead byte of some literal). Both report the same occurrences.
#[derive(Debug, Clone)]
enum Literals {
    /// Quick to build: for the first texts, and a one-off run.
    Nfa(aho_corasick::nfa::contiguous::NFA),
    /// Faster to run, slower to build.
    Dfa(aho_corasick::dfa::DFA),
}

impl Literals {
    /// The NFA over `literals` (non-empty, none empty), `None` if it cannot be built.
    fn nfa<L: AsRef<[u8]>>(literals: &[L]) -> Option<Literals> {
        let nfa = aho_corasick::nfa::contiguous::NFA::builder().match_kind(MatchKind::Standard).prefilter(false).build(literals).ok()?;
        Some(Literals::Nfa(nfa))
    }

    /// The DFA over `literals` (non-empty, none empty), `None` if it cannot be built.
    fn dfa<L: AsRef<[u8]>>(literals: &[L]) -> Option<Literals> {
        let dfa = aho_corasick::dfa::DFA::builder().match_kind(MatchKind::Standard).prefilter(false).build(literals).ok()?;
        Some(Literals::Dfa(dfa))
    }

    /// Call `f(literal index, start)` for every occurrence of every literal in `text`, by end
    /// offset (the order of the crate's overlapping iterator).
    fn each_match(&self, text: &[u8], f: impl FnMut(usize, usize)) {
        match self {
            Literals::Nfa(nfa) => each_match(nfa, text, f),
            Literals::Dfa(dfa) => each_match(dfa, text, f),
        }
    }
}

/// [`Literals::each_match`] over one automaton (built with `MatchKind::Standard`, unanchored, and
/// no empty literal, so the start state is no match and there is no dead state).
#[inline(always)]
fn each_match<A: Automaton>(aut: &A, text: &[u8], mut f: impl FnMut(usize, usize)) {
    let Ok(mut sid) = aut.start_state(Anchored::No) else { return };
    for (i, &byte) in text.iter().enumerate() {
        sid = aut.next_state(Anchored::No, sid, byte);
        if aut.is_special(sid) && aut.is_match(sid) {
            for k in 0..aut.match_len(sid) {
                let pattern = aut.match_pattern(sid, k);
                f(pattern.as_usize(), i + 1 - aut.pattern_len(pattern));
            }
        }
    }
}

impl Clone for Prefilter {
    fn clone(&self) -> Prefilter {
        Prefilter {
            ac: self.ac.clone(),
            dfa: self.dfa.clone(),
            literals: self.literals.clone(),
            lengths: self.lengths.clone(),
            scanned: std::sync::atomic::AtomicUsize::new(self.scanned.load(std::sync::atomic::Ordering::Relaxed)),
            literal_rules: self.literal_rules.clone(),
            text_start: self.text_start.clone(),
            scan_all: self.scan_all.clone(),
            resolved: self.resolved.clone(),
            class_of: self.class_of.clone(),
            class_rules: self.class_rules.clone(),
            literal_classes: self.literal_classes.clone(),
            class_at: self.class_at.clone(),
            text_start_classes: self.text_start_classes.clone(),
            other_digits: self.other_digits.clone(),
            required: self.required.clone(),
            spans: self.spans.clone(),
            right_contexts: self.right_contexts.clone(),
        }
    }
}

/// The match starts implied by a rule body that starts at byte `p` of `text`: 0, 1 or 2 clitic
/// letters before it, then one boundary char (or the start of the text). The first `n` of the
/// array, with `n` returned alongside.
#[inline]
fn implied_starts(text: &str, p: usize) -> ([usize; 3], usize) {
    let bytes = text.as_bytes();
    let mut starts: [usize; 3] = [0; 3];
    let mut n = 0;
    for k in 0..3usize {
        let Some(q) = p.checked_sub(2 * k) else { break };
        if !text.is_char_boundary(q) {
            break;
        }
        if k > 0 && !CLITICS.iter().any(|c| bytes[q..q + 2] == *c.as_bytes()) {
            break;
        }
        if q == 0 {
            starts[n] = 0;
            n += 1;
            break;
        }
        let prev = text[..q].chars().next_back().expect("q > 0");
        if !surely_word_char(prev) {
            starts[n] = q - prev.len_utf8();
            n += 1;
        }
    }
    (starts, n)
}

/// The proclitic letters of the rule prefix `[وف]?[بلك]?`, each 2 bytes in UTF-8.
const CLITICS: [&str; 5] = ["و", "ف", "ب", "ل", "ك"];

/// A char that is certainly in `WORD_CHARS` (see load.rs), so never matched by the boundary class
/// `[^WORD_CHARS]` (a cheap check; `false` only means "try").
#[inline]
fn surely_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || ('\u{0620}'..='\u{064A}').contains(&c)
}

impl Prefilter {
    /// The literal sets of the rule bodies (expanded patterns, without the boundary and clitic
    /// groups, parsed), in rule order: the costly part of building the prefilter, which the
    /// analysis cache keeps (see cache.rs); [`Prefilter::from_parts`] builds the automaton.
    pub(crate) fn analyse(bodies: &[Hir]) -> crate::cache::PrefilterParts {
        let other = other_digit_class();
        let mut memo = Memo::new(&other);
        let mut scan_all = Vec::with_capacity(bodies.len());
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
        let mut literal_rules: Vec<Vec<u32>> = Vec::new();
        let mut text_start: Vec<u32> = Vec::new();
        for (ri, body) in bodies.iter().enumerate() {
            match prefixes(body, &mut memo) {
                Some(lits) => {
                    scan_all.push(false);
                    for l in lits {
                        let li = *index.entry(l.clone()).or_insert_with(|| {
                            literals.push(l);
                            literal_rules.push(Vec::new());
                            literals.len() - 1
                        });
                        literal_rules[li].push(ri as u32);
                    }
                }
                None if starts_at_text_start(body) => {
                    scan_all.push(false);
                    text_start.push(ri as u32);
                }
                None => scan_all.push(true),
            }
        }
        // Sorted, so that a short text can look literals up by binary search (the automata report
        // the same matches whatever the order of their patterns).
        let mut pairs: Vec<(Vec<u8>, Vec<u32>)> = literals.into_iter().zip(literal_rules).collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (literals, literal_rules) = pairs.into_iter().unzip();
        crate::cache::PrefilterParts { literals, literal_rules, text_start, scan_all }
    }

    /// The prefilter over literal sets worked out by [`Prefilter::analyse`] (now or in an earlier run).
    pub(crate) fn from_parts(parts: crate::cache::PrefilterParts) -> Prefilter {
        let crate::cache::PrefilterParts { literals, literal_rules, text_start, mut scan_all } = parts;
        debug_assert!(literals.windows(2).all(|w| w[0] < w[1]), "literals sorted and distinct");
        if literals.is_empty() {
            scan_all.iter_mut().for_each(|s| *s = true);
        }
        let mut lengths: Vec<usize> = literals.iter().map(Vec::len).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let other_digits = regex_automata::meta::Regex::new(r"[\d--0-9]").expect("a valid class");
        // Classes: the rules with the same prefix literals (a rule that starts at the text's start
        // is a class of its own; one that scans the whole text has none).
        let mut rule_literals: Vec<Vec<u32>> = vec![Vec::new(); scan_all.len()];
        for (li, rules) in literal_rules.iter().enumerate() {
            for &r in rules {
                rule_literals[r as usize].push(li as u32);
            }
        }
        // Rules in order of their literal lists, so that equal lists are neighbours.
        let mut order: Vec<usize> = (0..scan_all.len()).filter(|&r| !scan_all[r]).collect();
        order.sort_by(|&a, &b| rule_literals[a].cmp(&rule_literals[b]).then(a.cmp(&b)));
        let mut class_of = vec![NO_CLASS; scan_all.len()];
        let mut class_rules: Vec<Vec<u32>> = Vec::new();
        let mut previous: Option<usize> = None;
        for &r in &order {
            // A rule that starts at the text's start is a class of its own.
            let own = text_start.contains(&(r as u32));
            let joins = !own && previous.is_some_and(|p| rule_literals[p] == rule_literals[r] && !text_start.contains(&(p as u32)));
            if !joins {
                class_rules.push(Vec::new());
            }
            let c = class_rules.len() - 1;
            class_rules[c].push(r as u32);
            class_of[r] = c as u32;
            previous = Some(r);
        }
        let mut literal_classes: Vec<u32> = Vec::with_capacity(literal_rules.iter().map(Vec::len).sum());
        let mut class_at: Vec<u32> = Vec::with_capacity(literal_rules.len() + 1);
        class_at.push(0);
        for rules in &literal_rules {
            let from = literal_classes.len();
            for &r in rules {
                let c = class_of[r as usize];
                if c != NO_CLASS && !literal_classes[from..].contains(&c) {
                    literal_classes.push(c);
                }
            }
            class_at.push(literal_classes.len() as u32);
        }
        let text_start_classes = text_start.iter().map(|&r| class_of[r as usize]).filter(|&c| c != NO_CLASS).collect();
        Prefilter {
            ac: std::sync::OnceLock::new(),
            dfa: std::sync::OnceLock::new(),
            literals,
            lengths,
            scanned: std::sync::atomic::AtomicUsize::new(0),
            literal_rules,
            text_start,
            resolved: scan_all.iter().map(|_| Default::default()).collect(),
            scan_all,
            class_of: class_of.into(),
            class_rules,
            literal_classes,
            class_at,
            text_start_classes,
            other_digits,
            required: std::sync::OnceLock::new(),
            spans: std::sync::OnceLock::new(),
            right_contexts: std::sync::OnceLock::new(),
        }
    }

    /// Per rule, where it may match in `text` (see [`crate::multi`]): `None` for a short text
    /// (a phrase, where building the automata would cost more than it saves), one with a
    /// non-ASCII digit, or when the automata cannot be built or give up; then the text is matched
    /// with candidate starts. `build` makes the automaton, for the first longer text.
    pub(crate) fn rule_spans(&self, text: &str, build: impl FnOnce() -> Option<crate::multi::RuleSpans>) -> Option<crate::multi::RuleStarts> {
        // (A text with a non-ASCII digit is found by the walk itself, which looks at every
        // character that may hold one: a scan of the whole text for them cost ~7 instructions a byte.)
        if text.len() <= SHORT_TEXT || text.len() > u32::MAX as usize {
            return None;
        }
        let spans = self.spans.get_or_init(|| build().map(std::sync::Arc::new)).as_ref()?;
        spans.starts(text)
    }

    /// Which contexts' right side can match after an expression in `text` (see
    /// [`crate::right_contexts`]): `None` for a short text (a phrase, where building the automaton
    /// would cost more than it saves) or when it cannot be built; then every context is tried.
    /// `build` makes it, for the first longer text.
    pub(crate) fn right_contexts(&self, text: &str, build: impl FnOnce() -> Option<crate::right_contexts::RightContexts>) -> Option<&crate::right_contexts::RightContexts> {
        if text.len() <= SHORT_TEXT {
            return None;
        }
        self.right_contexts.get_or_init(|| build().map(std::sync::Arc::new)).as_deref()
    }

    /// The automaton to scan `text` with: the NFA until [`DFA_AFTER_BYTES`] of text have gone
    /// through it, then the DFA (so a short input does not pay for building the DFA, and a long
    /// one scans faster).
    fn automaton(&self, text: &str) -> Option<&Literals> {
        use std::sync::atomic::Ordering;
        let ac = self.ac.get_or_init(|| Literals::nfa(&self.literals)).as_ref()?;
        if let Some(dfa) = self.dfa.get() {
            return dfa.as_ref().or(Some(ac));
        }
        if self.scanned.fetch_add(text.len(), Ordering::Relaxed) < DFA_AFTER_BYTES {
            return Some(ac);
        }
        self.dfa.get_or_init(|| Literals::dfa(&self.literals)).as_ref().or(Some(ac))
    }

    /// Per rule: can it match in `text` at all (see [`RequiredIndex`])? `None` when every rule
    /// must be searched: a short text (a phrase, where building the index would cost more than
    /// it saves; [`crate::load::Rule::may_match`] serves those), or one with a non-ASCII digit
    /// (the sets assume there is none). `required` gives every rule's sets, in rule order, for
    /// the index's first build.
    pub(crate) fn viable_rules<'r, I: Iterator<Item = &'r [Vec<Vec<u8>>]>>(&self, text: &str, required: impl FnOnce() -> I) -> Option<Vec<bool>> {
        if text.len() <= SHORT_TEXT || self.other_digits.is_match(text) {
            return None;
        }
        self.required.get_or_init(|| RequiredIndex::new(required())).viable(text)
    }

    /// Number of rules that scan the whole text whatever it holds.
    #[cfg(test)]
    pub(crate) fn full_scan_rules(&self) -> usize {
        self.scan_all.iter().filter(|&&s| s).count()
    }

    /// The candidate match starts of every rule in `text`.
    pub(crate) fn candidates(&self, text: &str) -> Candidates {
        self.candidates_among(text, None)
    }

    /// [`Prefilter::candidates`], for the rules `viable` allows only (all with `None`; see
    /// [`Prefilter::viable_rules`]): a rule ruled out gets no candidate start, and the places
    /// where only such rules' literals occur are not looked at.
    pub(crate) fn candidates_among(&self, text: &str, viable: Option<&[bool]>) -> Candidates {
        if self.literals.is_empty() {
            return Candidates::All;
        }
        // A phrase: each literal that starts at each byte is looked up by binary search (building
        // the automaton over ~11,000 literals cost a tenth of a one-phrase `tarikh parse`); a
        // longer text is scanned with the automaton. Both find every occurrence of every literal.
        let ac = match text.len() <= SHORT_TEXT {
            true => None,
            false => match self.automaton(text) {
                Some(ac) => Some(ac),
                None => return Candidates::All,
            },
        };
        if text.len() > u32::MAX as usize || self.other_digits.is_match(text) {
            return Candidates::All;
        }
        // (class, start) pairs, grouped at the end: one allocation rather than one per class.
        let mut found: Vec<(u32, u32)> = Vec::new();
        // A class is looked for if one of its rules is viable.
        let class_viable: Option<Vec<bool>> = viable.map(|v| self.class_rules.iter().map(|rules| rules.iter().any(|&r| v[r as usize])).collect());
        let mut occurrence = |li: usize, p: usize| {
            let classes = self.literal_classes[self.class_at[li] as usize..self.class_at[li + 1] as usize].iter().copied().filter(|&c| class_viable.as_ref().is_none_or(|v| v[c as usize]));
            let mut classes = classes.peekable();
            if classes.peek().is_none() {
                return;
            }
            let (starts, n) = implied_starts(text, p);
            for c in classes {
                for &s in &starts[..n] {
                    found.push((c, s as u32));
                }
            }
        };
        match ac {
            Some(ac) => ac.each_match(text.as_bytes(), occurrence),
            None => {
                let bytes = text.as_bytes();
                for p in 0..bytes.len() {
                    for &n in self.lengths.iter().take_while(|&&n| p + n <= bytes.len()) {
                        if let Ok(li) = self.literals.binary_search_by(|l| l.as_slice().cmp(&bytes[p..p + n])) {
                            occurrence(li, p);
                        }
                    }
                }
            }
        }
        found.extend(self.text_start_classes.iter().map(|&c| (c, 0)));
        // Group by class (a counting sort keeps text order), then sort each class's starts: they
        // are nearly sorted already (the automaton reports matches by their end).
        let nclasses = self.class_rules.len();
        let mut offsets = vec![0u32; nclasses + 1];
        for &(c, _) in &found {
            offsets[c as usize + 1] += 1;
        }
        for c in 0..nclasses {
            offsets[c + 1] += offsets[c];
        }
        let mut fill = offsets.clone();
        let mut starts = vec![0u32; found.len()];
        for &(c, st) in &found {
            starts[fill[c as usize] as usize] = st;
            fill[c as usize] += 1;
        }
        for c in 0..nclasses {
            starts[offsets[c] as usize..offsets[c + 1] as usize].sort_unstable();
        }
        let per_rule = PerRule { starts, offsets, class_of: self.class_of.clone() };
        Candidates::Some(per_rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn every_rule_compiles() {
        // The embedded grammar compiles its rules on first use; this is where an error shows.
        let g = crate::Grammar::embedded().unwrap();
        for rule in &g.rules {
            // `regex()` panics, naming the rule, if its pattern does not compile.
            assert_eq!(rule.regex().pattern_len(), 1, "rule `{}`", rule.name);
            let _ = rule.filter(&g);
        }
    }

    #[test]
    fn every_match_of_a_rule_holds_its_required_literals() {
        // The rules' required literal sets rule a short text out only where the rule cannot
        // match: checked on every example phrase of the grammar against every rule's regex.
        let g = crate::Grammar::embedded().unwrap();
        let other = regex_automata::meta::Regex::new(r"[\d--0-9]").unwrap();
        let texts: Vec<String> = g.examples().iter().map(|e| tarikh_text::normalise(&e.text)).filter(|t| !other.is_match(t)).collect();
        let mut checked = 0;
        for rule in &g.rules {
            for text in &texts {
                if rule.regex().is_match(text.as_str()) {
                    assert!(super::holds_required(text.as_bytes(), &rule.required), "rule `{}` matches «{text}» without its required literals {:?}", rule.name, rule.required);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
        assert!(g.rules.iter().filter(|r| !r.required.is_empty()).count() * 2 > g.rules.len(), "most rules have required literals");
    }

    #[test]
    fn every_match_of_a_rule_starts_at_one_of_its_candidates() {
        // The prefilter is exact only if every match a rule's regex finds over the whole text
        // starts where the prefilter proposes: checked on every example phrase of the grammar,
        // alone (short text, looked up literal by literal) and inside a longer text (scanned by
        // the automaton), for every rule whose regex matches it.
        let g = crate::Grammar::embedded().unwrap();
        let other = regex_automata::meta::Regex::new(r"[\d--0-9]").unwrap();
        let lead = "وقال المسؤول في بيان ان ";
        let mut checked = 0;
        for e in g.examples() {
            let phrase = tarikh_text::normalise(&e.text);
            if other.is_match(&phrase) {
                continue;
            }
            for text in [phrase.clone(), format!("{lead}{phrase} {}", "\u{1F4F0}".repeat(super::SHORT_TEXT))] {
                let super::Candidates::Some(starts) = g.prefilter.candidates(&text) else { panic!("no candidates for «{text}»") };
                for (r, rule) in g.rules.iter().enumerate() {
                    let Some(list) = starts.rule(r) else { continue };
                    for m in rule.regex().find_iter(text.as_str()) {
                        assert!(list.contains(&(m.start() as u32)), "rule `{}` matches «{}» at {} in «{text}», not a candidate start", rule.name, &text[m.range()], m.start());
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_rule_that_matches_a_text_is_viable_in_it() {
        // Skipping the rules whose required literals a text lacks is exact only if no rule that
        // matches the text is skipped: checked on every example phrase inside a text long enough
        // for the index, for every rule whose regex matches it (and the index must rule out some
        // rule somewhere, or it would be useless).
        let g = crate::Grammar::embedded().unwrap();
        let other = regex_automata::meta::Regex::new(r"[\d--0-9]").unwrap();
        let lead = "وقال المسؤول في بيان ان ";
        let (mut checked, mut ruled_out) = (0, 0);
        for e in g.examples() {
            let phrase = tarikh_text::normalise(&e.text);
            if other.is_match(&phrase) {
                continue;
            }
            let text = format!("{lead}{phrase} {}", "\u{1F4F0}".repeat(super::SHORT_TEXT));
            let viable = g.prefilter.viable_rules(&text, || g.rules.iter().map(|r| r.required.as_slice())).expect("a long text without other digits");
            for (r, rule) in g.rules.iter().enumerate() {
                if rule.regex().is_match(text.as_str()) {
                    assert!(viable[r], "rule `{}` matches «{text}» but was ruled out", rule.name);
                    checked += 1;
                } else if !viable[r] {
                    ruled_out += 1;
                }
            }
        }
        assert!(checked > 1000 && ruled_out > 1000, "{checked} {ruled_out}");
    }

    #[test]
    fn a_short_text_finds_the_candidates_the_automaton_finds() {
        // Up to SHORT_TEXT bytes the literals are looked up by binary search; past it the
        // Aho-Corasick automaton scans. Both must propose the very same starts.
        let g = crate::Grammar::embedded().unwrap();
        let mut compared = 0;
        for e in g.examples() {
            let text = tarikh_text::normalise(&e.text);
            if text.len() > super::SHORT_TEXT / 2 {
                continue;
            }
            // The same text padded past SHORT_TEXT with a character no literal holds (nor a
            // literal's first bytes of one: a literal cut at 12 bytes may end inside a
            // character): scanned by the automaton, with the same starts in the part the text covers.
            let padded = format!("{text}{}", "\u{1F4F0}".repeat(super::SHORT_TEXT));
            let (super::Candidates::Some(short), super::Candidates::Some(long)) = (g.prefilter.candidates(&text), g.prefilter.candidates(&padded)) else { continue };
            for r in 0..g.rules.len() {
                let keep = |starts: Option<&[u32]>| starts.map(|s| s.iter().copied().filter(|&p| (p as usize) < text.len()).collect::<Vec<_>>());
                assert_eq!(keep(short.rule(r)), keep(long.rule(r)), "rule `{}` in «{text}»", g.rules[r].name);
            }
            compared += 1;
        }
        assert!(compared > 500, "{compared}");
    }

    /// The prefix sets as they were worked out before [`super::Items`]: the whole body, and each
    /// leading variant, copied and built as one concatenation before extraction.
    fn reference_prefixes(body: &Hir, other: &ClassUnicode) -> Option<Vec<Vec<u8>>> {
        fn extracted(body: &Hir, class_limit: usize) -> Option<Vec<Vec<u8>>> {
            [12, 4].into_iter().find_map(|len| {
                let mut ex = Extractor::new();
                ex.kind(ExtractKind::Prefix).limit_class(class_limit).limit_repeat(4).limit_literal_len(len).limit_total(10000);
                let seq = ex.extract(body);
                let lits = seq.literals()?;
                if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
                    return None;
                }
                let mut out: Vec<Vec<u8>> = lits.iter().map(|l| l.as_bytes().to_vec()).collect();
                out.sort();
                out.dedup();
                Some(out)
            })
        }
        let stripped = without_other_digits(body, other);
        let body = stripped.as_ref().unwrap_or(body);
        let whole = extracted(body, SMALL_CLASS)?;
        let mut union: Vec<Vec<u8>> = Vec::new();
        for items in leading_variants(body) {
            let variant = Hir::concat(items.into_iter().cloned().collect());
            let Some(small) = extracted(&variant, SMALL_CLASS) else { return Some(whole) };
            if !small.iter().any(|l| l.len() <= SHORT_LITERAL) {
                union.extend(small);
                continue;
            }
            match extracted(&variant, LARGE_CLASS) {
                Some(large) if large.len() <= MAX_VARIANT_LITERALS && refines(&large, &small) && large.iter().filter(|l| l.len() <= SHORT_LITERAL).count() < small.iter().filter(|l| l.len() <= SHORT_LITERAL).count() => union.extend(large),
                _ => union.extend(small),
            }
        }
        union.sort();
        union.dedup();
        Some(if union.len() <= MAX_RULE_LITERALS && refines(&union, &whole) { union } else { whole })
    }

    #[test]
    fn prefixes_read_off_the_leading_items_are_those_of_the_whole_concatenation() {
        // `Items` extracts from as few leading items as it can; the literal sets must be exactly
        // those of extracting from every variant built whole (the prefilter, so the candidates and
        // the tag speed, stay the same), on every rule of the grammar.
        let g = crate::Grammar::embedded().unwrap();
        let other = other_digit_class();
        let mut memo = Memo::new(&other);
        let bodies: Vec<Hir> = g.rules.iter().map(|r| regex_syntax::Parser::new().parse(&r.body).unwrap()).collect();
        for (rule, body) in g.rules.iter().zip(&bodies) {
            assert_eq!(prefixes(body, &mut memo), reference_prefixes(body, &other), "rule `{}`", rule.name);
        }
    }

    #[test]
    fn most_rules_have_a_prefix_set() {
        let g = crate::Grammar::embedded().unwrap();
        let all: Vec<&str> = g.rules.iter().zip(&g.prefilter.scan_all).filter(|(_, &a)| a).map(|(r, _)| r.name.as_str()).collect();
        eprintln!("{} of {} rules scan the whole text: {all:?}; {} literals", all.len(), g.rules.len(), g.prefilter.literal_rules.len());
        assert!(g.prefilter.full_scan_rules() * 4 < g.rules.len(), "{all:?}");
    }
}
