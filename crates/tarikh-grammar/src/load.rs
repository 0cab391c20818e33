//! Reading grammar files (TOML) into checked, compiled lexicons and rules.

use crate::error::GrammarError;
use crate::semantics::{set_field, MentionType, Semantics};
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

#[path = "file_defs.rs"]
mod file_defs;
pub use file_defs::{WordTable, WordTableExample};

/// One example: a phrase, the reference time it is read against, and the value it must get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The phrase (may include context words around the expression).
    pub text: String,
    /// Reference time: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, optionally with an offset.
    pub reference: String,
    /// Expected TIMEX3 value of the longest expression; empty means "no expression at all".
    pub value: String,
    /// Expected surface text of the expression, when the example checks the span too.
    pub span: Option<String>,
    /// Expected TIMEX3 type (DATE, TIME, DURATION, SET), when the example checks it.
    pub kind: Option<String>,
    /// Expected TIMEX3 mod (empty for none), when the example checks it.
    pub modifier: Option<String>,
    /// Reading direction for bare weekdays and months: `past`, `future` or `nearest` (default).
    pub prefer: Option<String>,
    /// Where the example is written: file and line.
    pub origin: String,
    /// The rule, context, composition or lexicon entry the example is written under.
    pub owner: ExampleOwner,
}

/// What an example illustrates: the rule, context, composition or lexicon entry under which it is
/// written. Tests use it to ask each rule for examples of its own (in two years and two seasons).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExampleOwner {
    /// A `[[rule]]`, by name.
    Rule(String),
    /// A `[[context]]`, by name.
    Context(String),
    /// A `[[compose]]` entry, by name.
    Composition(String),
    /// An entry of a lexicon: the lexicon's name and the entry's value.
    LexiconEntry {
        /// The lexicon's name (`month`).
        lexicon: String,
        /// The entry's value (`10`).
        value: String,
    },
}

impl std::fmt::Display for ExampleOwner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExampleOwner::Rule(n) => write!(f, "rule `{n}`"),
            ExampleOwner::Context(n) => write!(f, "context `{n}`"),
            ExampleOwner::Composition(n) => write!(f, "compose `{n}`"),
            ExampleOwner::LexiconEntry { lexicon, value } => write!(f, "lexicon `{lexicon}` entry `{value}`"),
        }
    }
}

/// An example as written: `["phrase", "ref", "value"(, "prefer")]` or a table with the keys of
/// [`EXAMPLE_KEYS`]. Read as a plain TOML value and checked by hand, so that a misspelt key is an
/// error that names it (an untagged serde enum would only say "did not match any variant").
type ExampleDef = toml::Value;

/// The keys an example table may have, with what each checks.
pub const EXAMPLE_KEYS: &[(&str, &str)] = &[
    ("text", "the phrase, possibly with context words around the expression (required)"),
    ("ref", "the reference time: YYYY-MM-DD or YYYY-MM-DDTHH:MM (required)"),
    ("value", "the expected TIMEX3 value; \"\" means no expression at all (required)"),
    ("span", "the expression to check, as written in `text` (the longest one otherwise)"),
    ("type", "the expected TIMEX3 type: DATE, TIME, DURATION or SET"),
    ("mod", "the expected TIMEX3 mod (APPROX, START…); \"\" for none"),
    ("prefer", "how bare weekdays and months read: past, future or nearest"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    lexicon: BTreeMap<String, Spanned<LexiconDef>>,
    #[serde(default)]
    rule: Vec<Spanned<RuleDef>>,
    #[serde(default)]
    must_not_match: Vec<Spanned<NegativeDef>>,
    #[serde(default)]
    context: Vec<Spanned<ContextDef>>,
    #[serde(default)]
    compose: Vec<Spanned<ComposeDef>>,
    #[serde(default)]
    cues: Option<CuesDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComposeDef {
    name: String,
    #[serde(default)]
    doc: String,
    first: String,
    second: String,
    #[serde(default)]
    between: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    examples: Vec<Spanned<ExampleDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesDef {
    #[serde(default)]
    doc: String,
    #[serde(default)]
    past: Vec<String>,
    #[serde(default)]
    future: Vec<String>,
    #[serde(default)]
    daily: Vec<String>,
    /// The anchoring code's word tables (see [`WordTable`]).
    #[serde(default)]
    tables: BTreeMap<String, Spanned<file_defs::WordTableDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextDef {
    name: String,
    #[serde(default)]
    doc: String,
    types: Vec<String>,
    #[serde(default)]
    left: Option<String>,
    #[serde(default)]
    right: Option<String>,
    #[serde(default)]
    include: bool,
    #[serde(default)]
    needs_any: Vec<String>,
    #[serde(default)]
    needs_none: Vec<String>,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    #[serde(default)]
    examples: Vec<Spanned<ExampleDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconDef {
    #[serde(default)]
    doc: String,
    #[serde(default)]
    entries: Vec<Spanned<EntryDef>>,
    #[serde(default)]
    regex: Option<String>,
    #[serde(default)]
    digits: bool,
    #[serde(default)]
    compose: Option<String>,
    #[serde(default)]
    min: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    value: String,
    words: Vec<String>,
    #[serde(default)]
    examples: Vec<Spanned<ExampleDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    name: String,
    pattern: Spanned<String>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    #[serde(default)]
    examples: Vec<Spanned<ExampleDef>>,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    doc: String,
    /// Words that may not stand right before the match (see [`Rule::not_after`]).
    #[serde(default)]
    not_after: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NegativeDef {
    text: String,
    #[serde(default)]
    span: Option<String>,
    #[serde(default)]
    why: String,
}

/// A lexicon after loading: normalised words mapped to values, and the regex that matches them.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub(crate) name: String,
    pub(crate) doc: String,
    /// (FNV-hashed: looked up for every capture with a lexicon, where SipHash cost ~1.9
    /// instructions per byte of tagging)
    pub(crate) words: HashMap<String, String, crate::fnv::FnvBuild>,
    pub(crate) alternation: String,
    pub(crate) digits: bool,
    pub(crate) compose_sum: bool,
    /// The smallest value a capture of this lexicon may have (`min = 1000`: a year in words starts
    /// at ألف); a smaller one is no match.
    pub(crate) min: Option<u64>,
}

/// A phrase that must not be tagged (or a part of it that must stay outside every expression).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negative {
    /// The phrase, in context.
    pub text: String,
    /// The part that no expression may overlap (the whole text when absent).
    pub span: Option<String>,
    /// Why it must not match (for the test's failure message).
    pub why: String,
    /// File and line.
    pub origin: String,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub(crate) name: String,
    pub(crate) doc: String,
    pub(crate) kind: MentionType,
    /// `(?:^|[^WORD_CHARS])(?P<_clitic>[وف]?[بلك]?)(?P<_body>…)(?:$|[^WORD_CHARS])`: the source of
    /// `regex` and `filter`, which are compiled on first use (see [`Rule::regex`]).
    pub(crate) pattern: String,
    /// The pattern as a meta regex, because the matcher runs anchored searches at the starts the
    /// prefilter proposes.
    regex: std::sync::OnceLock<regex_automata::meta::Regex>,
    /// The pattern as written in the grammar file (placeholders unexpanded): the anchored engine
    /// is built from its skeleton (see [`parse_full_skeleton`]).
    source: String,
    /// The pattern compiled for anchored searches only, at the prefilter's candidate starts
    /// (cheaper to build than `regex`; see anchored.rs), on first use.
    anchored: std::sync::OnceLock<crate::anchored::AnchoredRegex>,
    /// The skeleton of `source` as the all-rules automaton searches it (proclitics and body, see
    /// [`search_wrap`]), parsed with its word alternations as tries and the lexicons' stand-ins
    /// left in: parsed once, for the automaton and for the anchored engine (which puts the
    /// boundaries around it) alike; `None` when the skeleton does not apply.
    search_skeleton: std::sync::OnceLock<Option<Skeleton>>,
    /// For a pattern with `\b`: a looser automaton, fast on Arabic, that bounds where `regex` can match.
    filter: std::sync::OnceLock<Option<crate::prefilter::LongestFilter>>,
    /// Does the body hold a Unicode word boundary (`\b`…), i.e. does it need `filter`? Known from
    /// the parse at load time, so that asking a rule without one costs nothing (parsing its pattern
    /// again to find out cost a one-phrase `tarikh parse` ~0.1G of its 1.26G instructions).
    word_boundary: bool,
    /// Literal sets of which every match holds a member of each (see
    /// [`crate::prefilter::required_literals`]): a short text without them is not searched, so
    /// a one-phrase `tarikh parse` does not compile the dozens of rules whose first word it has.
    pub(crate) required: Vec<Vec<Vec<u8>>>,
    /// How many texts [`Rule::may_match`] ruled the rule out in (it stops checking after a few:
    /// the rule is compiled once and for all instead).
    ruled_out: Counter,
    /// Is the rule only ever searched anchored, at the starts the prefilter proposes? Then its
    /// regex is built without the meta engine's own prefilters, which serve unanchored searches
    /// only and took a fifth of its compile time (see [`compile_rule`]).
    pub(crate) anchored_only: bool,
    pub(crate) fields: Vec<(String, Template)>,
    /// For each capture group name that comes from a lexicon: the lexicon's index.
    /// Capture name → its lexicon's index (FNV-hashed: looked up for every field of every match).
    pub(crate) capture_lexicons: HashMap<String, usize, crate::fnv::FnvBuild>,
    pub(crate) priority: i32,
    pub(crate) order: usize,
    pub(crate) origin: String,
    /// The pattern with its placeholders expanded, without the engine's boundary and clitic groups
    /// (what `tarikh explain` steps through to show how far a rule gets in a phrase).
    pub(crate) body: String,
    /// The grammar's `not_after`: words (a pattern) after which a match is refused, as a negative
    /// look-behind (which the regex crate lacks), compiled to match them as the last word, with
    /// its proclitic و/ف, before the match. A pattern may not open with an arbitrary word to
    /// refuse a few words before it (see [`opens_with_arbitrary_word`]): this says it instead.
    pub(crate) not_after: Option<Regex>,
}

impl Rule {
    /// Where the search resumes when a match starting at `start` is refused because one of the
    /// rule's `not_after` words stands right before it (one character later, as for a match
    /// refused inside a word); `None` when it is not refused.
    pub(crate) fn refused_after(&self, text: &str, start: usize) -> Option<usize> {
        let words = self.not_after.as_ref()?;
        // The last few words before the match are enough (the pattern is anchored at its end).
        let mut from = start.saturating_sub(NOT_AFTER_WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        words.is_match(&text[from..start]).then(|| start + text[start..].chars().next().map_or(1, char::len_utf8))
    }
}

/// How far before a match, in bytes, its `not_after` words are looked for.
const NOT_AFTER_WINDOW: usize = 64;

/// Does a rule's body open with an arbitrary word: a run of any characters (`\S+`, `[^…]+`, or a
/// class of that size followed by such a run) that may come first? The all-rules automaton
/// (multi.rs) is walked from every word's start while some rule can still match; a rule that
/// opens with any word keeps every walk alive to the word's end (speed57: 14.2 bytes read per
/// walk instead of 8.8, 2.8 % of `tarikh tag`). Such a word is never the point of a rule: it makes
/// a guard longer than the rule it guards (then name the words that rule reads before), or
/// refuses a few words before the expression (then say `not_after`).
pub(crate) fn opens_with_arbitrary_word(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    /// A class of more than a thousand characters: «any character but a few».
    fn big(h: &regex_syntax::hir::Hir) -> bool {
        match h.kind() {
            HirKind::Class(Class::Unicode(c)) => c.ranges().iter().map(|r| u64::from(r.end()) - u64::from(r.start()) + 1).sum::<u64>() > 1000,
            HirKind::Class(Class::Bytes(c)) => c.ranges().iter().map(|r| u64::from(r.end()) - u64::from(r.start()) + 1).sum::<u64>() > 128,
            HirKind::Capture(c) => big(&c.sub),
            _ => false,
        }
    }
    /// A run of such characters of any length.
    fn run(h: &regex_syntax::hir::Hir) -> bool {
        match h.kind() {
            HirKind::Repetition(r) => r.max.is_none() && big(&r.sub),
            HirKind::Capture(c) => run(&c.sub),
            _ => false,
        }
    }
    /// (opens with an arbitrary word, may match the empty string)
    fn walk(h: &regex_syntax::hir::Hir) -> (bool, bool) {
        match h.kind() {
            HirKind::Empty | HirKind::Look(_) => (false, true),
            HirKind::Literal(l) => (false, l.0.is_empty()),
            HirKind::Class(_) => (false, false),
            HirKind::Repetition(r) => {
                let (open, empty) = walk(&r.sub);
                (open || run(h), empty || r.min == 0)
            }
            HirKind::Capture(c) => walk(&c.sub),
            HirKind::Concat(items) => {
                for (i, item) in items.iter().enumerate() {
                    let (open, empty) = walk(item);
                    if open || (big(item) && items.get(i + 1).is_some_and(run)) {
                        return (true, false);
                    }
                    if !empty {
                        return (false, false);
                    }
                }
                (false, true)
            }
            HirKind::Alternation(alts) => alts.iter().map(walk).fold((false, false), |(o, e), (o2, e2)| (o || o2, e || e2)),
        }
    }
    walk(hir).0
}

/// Compile a rule's full pattern (see [`Rule::pattern`]). `anchored_only`: the rule has a prefix
/// set, so the matcher searches it anchored at candidate starts (a text holding a non-ASCII digit
/// searches it unanchored, as correctly if more slowly): the meta engine's literal prefilters and
/// its reverse-suffix and reverse-inner strategies, which only speed up unanchored searches, are
/// not built. The language, and so every match, is the same either way.
fn compile_rule(pattern: &str, anchored_only: bool) -> Result<regex_automata::meta::Regex, String> {
    // Captures come from the bounded backtracker where the span fits it (the matcher bounds every
    // search to MAX_MATCH_BYTES), else from the PikeVM.
    let config = regex_automata::meta::Config::new().auto_prefilter(!anchored_only);
    regex_automata::meta::Regex::builder().configure(config).build(pattern).map_err(|e| match e.syntax_error() {
        Some(syntax) => syntax_problem(pattern, syntax),
        None => e.to_string(),
    })
}

/// What is wrong with a pattern and where, in one line: the kind of error and the text around it
/// («unclosed character class, near `{weekday}[0-`»), rather than the regex crate's bare "error
/// parsing pattern 0" or its multi-line picture of an expanded pattern thousands of characters long.
fn syntax_problem(pattern: &str, error: &regex_syntax::Error) -> String {
    let (kind, span) = match error {
        regex_syntax::Error::Parse(e) => (e.kind().to_string(), *e.span()),
        regex_syntax::Error::Translate(e) => (e.kind().to_string(), *e.span()),
        _ => return error.to_string(),
    };
    let at = span.start.offset.min(pattern.len());
    let from = pattern.char_indices().map(|(i, _)| i).filter(|&i| i <= at).rev().nth(20).unwrap_or(0);
    let to = pattern.char_indices().map(|(i, _)| i).find(|&i| i > span.end.offset.max(at)).unwrap_or(pattern.len());
    format!("{kind}, near `{}` (character {} of the pattern after expanding placeholders)", &pattern[from..to], pattern[..at].chars().count() + 1)
}

/// A count shared by the threads that match with one grammar (a clone starts from the same count).
#[derive(Debug, Default)]
struct Counter(std::sync::atomic::AtomicU32);

impl Clone for Counter {
    fn clone(&self) -> Counter {
        Counter(std::sync::atomic::AtomicU32::new(self.0.load(std::sync::atomic::Ordering::Relaxed)))
    }
}

/// The longest text in which [`Rule::may_match`] looks for a rule's required literals (a phrase,
/// a headline), and how many times per rule.
pub(crate) const MAY_MATCH_TEXT: usize = 256;
const MAY_MATCH_TIMES: u32 = 32;

impl Rule {
    /// Can the rule match in `text` (normalised, without non-ASCII digits)? `false` only when it
    /// certainly cannot: `text` lacks every member of one of its required literal sets. Asked
    /// before the rule's first compilation, in short texts, a bounded number of times (so that
    /// many short texts do not pay for it again and again); `true` otherwise.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        use std::sync::atomic::Ordering;
        if text.len() > MAY_MATCH_TEXT || self.required.is_empty() || self.anchored.get().is_some() || self.ruled_out.0.load(Ordering::Relaxed) >= MAY_MATCH_TIMES {
            return true;
        }
        let may = crate::prefilter::holds_required(text.as_bytes(), &self.required);
        if !may {
            self.ruled_out.0.fetch_add(1, Ordering::Relaxed);
        }
        may
    }

    /// The rule's regex, compiled on first use. Compiling every rule took most of the time of a
    /// one-phrase `tarikh parse`, while the prefilter sends a phrase to a handful of rules. The
    /// embedded grammar is compiled whole by its tests, and a grammar loaded from files whole at
    /// load time (`Grammar::from_sources`), so this cannot fail.
    pub(crate) fn regex(&self) -> &regex_automata::meta::Regex {
        self.regex.get_or_init(|| compile_rule(&self.pattern, self.anchored_only).unwrap_or_else(|e| panic!("rule `{}` ({}): compiled when loaded, yet: {e}", self.name, self.origin)))
    }

    /// The rule's proclitics and body, `(?P<_clitic>[وف]?[بلك]?)(?P<_body>…)`, parsed through the
    /// skeleton of its source with the grammar's lexicons parsed once (see
    /// [`crate::multi::search_pattern`]); `None` when the skeleton does not apply. The automaton
    /// is built from [`Rule::search_trie_hir`], its tries; this is the pattern as written, which
    /// the tests compare with a whole parse.
    #[cfg(test)]
    pub(crate) fn search_hir(&self, grammar: &Grammar) -> Option<regex_syntax::hir::Hir> {
        parse_cached_skeleton(&self.source, &search_wrap, grammar)
    }

    /// [`Rule::search_hir`] with its word alternations as tries ([`crate::word_trie`]), the
    /// lexicons' tries made once per grammar (and shared with the rules' anchored engines): the
    /// same language, which is all the all-rules automaton reads (it reports every rule that
    /// matches, keeps no groups and has no preference among branches). Its NFA compiled from the
    /// plain alternations, hundreds of branches per lexicon in every rule that uses it, cost a
    /// `tag` of 100 articles ~0.3 G instructions more, and its lazy DFA more states to build.
    pub(crate) fn search_trie_hir(&self, grammar: &Grammar) -> Option<regex_syntax::hir::Hir> {
        let skeleton = self.search_skeleton.get_or_init(|| skeleton_parts(&self.source, &search_wrap, &grammar.lexicons, &grammar.lexicon_index, true)).as_ref()?;
        fill_skeleton(skeleton, grammar.lexicons.len(), &mut |li| lexicon_trie(grammar, li))
    }

    /// The rule's full pattern (see [`Rule::pattern`]) as its anchored engine compiles it: the
    /// boundaries around [`Rule::search_trie_hir`], the very `Hir` [`parse_full_skeleton_as_tries`]
    /// gives (the test `the_anchored_pattern_is_the_full_skeleton_parse` checks it), without
    /// parsing the rule's skeleton a second time (its parse for the all-rules automaton is kept)
    /// or the boundaries' word-character classes once per rule.
    pub(crate) fn anchored_hir(&self, grammar: &Grammar) -> Option<regex_syntax::hir::Hir> {
        static BOUNDARIES: std::sync::OnceLock<Option<(regex_syntax::hir::Hir, regex_syntax::hir::Hir)>> = std::sync::OnceLock::new();
        let (start, end) = BOUNDARIES
            .get_or_init(|| {
                let parse = |p: String| regex_syntax::Parser::new().parse(&p).ok();
                Some((parse(format!("(?:^|[^{WORD_CHARS}])"))?, parse(format!("(?:$|[^{WORD_CHARS}])"))?))
            })
            .as_ref()?;
        Some(regex_syntax::hir::Hir::concat(vec![start.clone(), self.search_trie_hir(grammar)?, end.clone()]))
    }

    /// The rule's pattern for anchored searches (see [`crate::anchored`]), compiled on first use;
    /// it compiles whenever `regex` does (the same pattern, the same syntax).
    /// `grammar` is the rule's own (its lexicons, parsed at load time, are put into the pattern's
    /// skeleton rather than parsed again). `with_filter`: build the rule's `\b` filter from the
    /// same parse now (the text at hand is long: see [`Rule::filter_for`]).
    pub(crate) fn anchored(&self, grammar: &Grammar, with_filter: bool) -> &crate::anchored::AnchoredRegex {
        self.anchored.get_or_init(|| {
            let file = grammar.automaton_file.as_ref();
            let identity = self.identity();
            let with_filter = self.word_boundary && with_filter;
            // Read back from the rule's file (the very NFAs compiled below, see
            // crate::automaton_cache), which spares filling the pattern with its lexicons'
            // tries and compiling it.
            if let Some((nfa, filter)) = file.and_then(|f| f.read_rule(&identity, with_filter)) {
                if let Ok(regex) = crate::anchored::AnchoredRegex::from_nfa(nfa) {
                    if with_filter {
                        self.filter.get_or_init(|| filter.and_then(crate::prefilter::LongestFilter::from_nfa));
                    }
                    return regex;
                }
            }
            let compiled = match self.anchored_hir(grammar) {
                Some(hir) => crate::anchored::AnchoredRegex::compile_nfa(&hir).and_then(|nfa| {
                    // The `\b` filter from the same parse (parsing the full pattern again,
                    // lexicons and all, was a tenth of a one-phrase `tarikh parse`); the
                    // tries match what the alternations match, and the filter reads only that.
                    // Built after the engine's NFA, so that the parse is handed over, not
                    // copied; built for the rule's file too, so that a later run reads it.
                    let filter = match self.word_boundary && (with_filter || file.is_some()) {
                        true => crate::prefilter::filter_nfa_owned(hir),
                        false => None,
                    };
                    if let Some(file) = file {
                        file.write_rule(&identity, &nfa, filter.as_ref());
                    }
                    if with_filter {
                        self.filter.get_or_init(|| filter.and_then(crate::prefilter::LongestFilter::from_nfa));
                    }
                    crate::anchored::AnchoredRegex::from_nfa(nfa)
                }),
                None => crate::anchored::AnchoredRegex::new(&self.pattern),
            };
            compiled.unwrap_or_else(|e| panic!("rule `{}` ({}): compiled when loaded, yet: {e}", self.name, self.origin))
        })
    }

    /// Does the rule's pattern hold a Unicode word boundary (so has it a `\b` filter)?
    #[cfg(test)]
    pub(crate) fn word_boundary(&self) -> bool {
        self.word_boundary
    }

    /// Is the rule's `\b` filter built (or read back)?
    #[cfg(test)]
    pub(crate) fn filter_built(&self) -> bool {
        self.filter.get().is_some_and(Option::is_some)
    }

    /// The rule's pattern as written in its grammar file.
    #[cfg(test)]
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// The filter to search `text` with: [`Rule::filter`] in a long text; in a short one (a
    /// phrase, a headline: at most [`MAY_MATCH_TEXT`] bytes), only a filter built already. The
    /// filter only bounds where the capture engines look, so the matches are the same either
    /// way; a short text is no longer than the stretch a filter would bound, and building the
    /// filters of the rules a one-phrase `tarikh parse` reaches cost it ~16 M instructions. A
    /// long text builds it at once (a filter built only after some searches left the rules
    /// searched fewer times unfiltered for a whole run, and raised tag's cost: BENCHMARKS.md,
    /// startup3).
    pub(crate) fn filter_for(&self, grammar: &Grammar, text: &str) -> Option<&crate::prefilter::LongestFilter> {
        if text.len() <= MAY_MATCH_TEXT {
            return self.filter.get().and_then(Option::as_ref);
        }
        self.filter(grammar)
    }

    /// For a pattern with `\b`: its [`LongestFilter`](crate::prefilter::LongestFilter), on
    /// first use read back from the rule's file (see [`crate::automaton_cache`]) or built from
    /// the pattern. `grammar` is the rule's own.
    pub(crate) fn filter(&self, grammar: &Grammar) -> Option<&crate::prefilter::LongestFilter> {
        if !self.word_boundary {
            return None;
        }
        self.filter
            .get_or_init(|| match grammar.automaton_file.as_ref().and_then(|f| f.read_rule_filter(&self.identity())) {
                Some(nfa) => nfa.and_then(crate::prefilter::LongestFilter::from_nfa),
                None => crate::prefilter::word_boundary_free(&self.pattern),
            })
            .as_ref()
    }

    /// What names the rule for its file (see [`crate::automaton_cache::RuleIdentity`]).
    fn identity(&self) -> crate::automaton_cache::RuleIdentity<'_> {
        crate::automaton_cache::RuleIdentity { index: self.order, name: &self.name, source: &self.source, pattern_len: self.pattern.len() }
    }
}

/// A field value template: literal text with `{capture}` references.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    pub(crate) parts: Vec<TemplatePart>,
}

impl std::fmt::Display for Template {
    /// The template as written in the grammar file (`{day}`, `D:-1`, `{period}:{n}`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in &self.parts {
            match part {
                TemplatePart::Literal(l) => f.write_str(l)?,
                TemplatePart::Capture(c) => write!(f, "{{{c}}}")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub(crate) enum TemplatePart {
    Literal(String),
    Capture(String),
}

/// A compiled context: words around an expression that change its meaning.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    pub(crate) name: String,
    pub(crate) doc: String,
    pub(crate) types: Vec<MentionType>,
    /// Matches the context words right before an expression (anchored at the end of its haystack).
    pub(crate) left: Option<LazyContextRegex>,
    /// Matches the context words right after an expression (anchored at the start of its haystack).
    pub(crate) right: Option<LazyContextRegex>,
    /// The `left` and `right` patterns as written (placeholders unexpanded), for `edges`.
    sources: [Option<String>; 2],
    /// Per side (left, right): the literals its body must end (start) with, and the words every
    /// match of it has, worked out on first use (see [`Context::admits`]).
    edges: std::sync::OnceLock<[SideChecks; 2]>,
    /// Per side: how many windows the required words ruled it out in (see [`Context::admits`]).
    ruled_out: [Counter; 2],
    pub(crate) include: bool,
    /// The expression must already have at least one of these fields (empty: no condition).
    pub(crate) needs_any: Vec<crate::semantics::FieldTest>,
    /// The expression must have none of these fields.
    pub(crate) needs_none: Vec<crate::semantics::FieldTest>,
    pub(crate) fields: Vec<(String, Template)>,
    /// Capture name → its lexicon's index (FNV-hashed: looked up for every field of every match).
    pub(crate) capture_lexicons: HashMap<String, usize, crate::fnv::FnvBuild>,
    /// File and line of its `[[context]]` table.
    pub(crate) origin: String,
}

/// The literal checks of one side of a context (see [`Context::admits`]).
#[derive(Debug, Clone)]
pub(crate) struct SideChecks {
    /// Literals the body must end (left) or start (right) with; `None` without a sound check.
    edge: Option<crate::context::EdgeLiterals>,
    /// Literal sets every match of the body has a member of each of.
    pub(crate) required: Vec<Vec<Vec<u8>>>,
}

/// A context's sides, in the order of [`Context::sources`].
const SIDES: [crate::context::Side; 2] = [crate::context::Side::Left, crate::context::Side::Right];

/// The literal checks of a context's side written `source` (see [`Context::admits`]), worked out
/// from the skeleton parse of its body.
fn side_analysis(source: Option<&str>, side: crate::context::Side, lexicons: &[Lexicon], index: &HashMap<String, usize>, cache: &LexiconHirs) -> crate::cache::SideAnalysis {
    match source.and_then(|source| parse_skeleton_with(source, &|s| s.to_string(), lexicons, index, cache)) {
        Some(body) => crate::cache::SideAnalysis { edge: crate::context::EdgeLiterals::literals(&body, side), required: crate::prefilter::required_literals(&body, false) },
        None => crate::cache::SideAnalysis { edge: None, required: Vec::new() },
    }
}

impl SideChecks {
    fn from_analysis(analysis: crate::cache::SideAnalysis, side: crate::context::Side) -> SideChecks {
        SideChecks { edge: analysis.edge.map(|literals| crate::context::EdgeLiterals::from_literals(&literals, side)), required: analysis.required }
    }
}

impl Context {
    /// Can the left (`side` Left) or right context match in `window`? `false` only when its
    /// literal check (context.rs) rules it out; `grammar` is the context's own.
    ///
    /// Before the side's regex is first compiled, a window that lacks the words every match of
    /// its body has is ruled out too (a bounded number of times, as for rules: see
    /// [`Rule::may_match`]), so that a one-phrase `tarikh parse` compiles only the contexts that
    /// can apply. Sound because the regex is searched in `window` alone.
    pub(crate) fn admits(&self, grammar: &Grammar, side: crate::context::Side, window: &str) -> bool {
        use std::sync::atomic::Ordering;
        let checks = self.checks(grammar);
        let i = usize::from(side == crate::context::Side::Right);
        if !checks[i].edge.as_ref().is_none_or(|e| e.admits(window)) {
            return false;
        }
        let compiled = [&self.left, &self.right][i].as_ref().is_none_or(|r| r.compiled.get().is_some());
        if compiled || checks[i].required.is_empty() || self.ruled_out[i].0.load(Ordering::Relaxed) >= MAY_MATCH_TIMES {
            return true;
        }
        let may = crate::prefilter::holds_required(window.as_bytes(), &checks[i].required);
        if !may {
            self.ruled_out[i].0.fetch_add(1, Ordering::Relaxed);
        }
        may
    }

    /// The literals `side`'s body must end (left) or start (right) with, if it has a sound
    /// check: the first test of [`Context::admits`], which fails with no other effect.
    pub(crate) fn edge(&self, grammar: &Grammar, side: crate::context::Side) -> Option<&crate::context::EdgeLiterals> {
        self.checks(grammar)[usize::from(side == crate::context::Side::Right)].edge.as_ref()
    }

    /// Both sides' literal checks, worked out on first use.
    fn checks(&self, grammar: &Grammar) -> &[SideChecks; 2] {
        self.edges.get_or_init(|| {
            let check = |i: usize| SideChecks::from_analysis(side_analysis(self.sources[i].as_deref(), SIDES[i], &grammar.lexicons, &grammar.lexicon_index, &grammar.lexicon_hirs), SIDES[i]);
            [check(0), check(1)]
        })
    }
}

/// A context's regex: compiled at load time when the grammar is analysed, or on first use when
/// the analysis comes from the cache (cache.rs; most runs of `tarikh parse` use few contexts).
#[derive(Debug, Clone)]
pub(crate) struct LazyContextRegex {
    /// The full pattern (see [`context_pattern`]).
    pattern: String,
    /// The side's pattern as written (placeholders unexpanded), for its skeleton.
    source: String,
    /// Is it a left context?
    left: bool,
    compiled: std::sync::OnceLock<crate::context::ContextRegex>,
}

impl LazyContextRegex {
    /// The regex of `pattern`, not compiled yet (it compiled when the cache was written).
    fn later(pattern: String, source: String, left: bool) -> LazyContextRegex {
        LazyContextRegex { pattern, source, left, compiled: std::sync::OnceLock::new() }
    }

    /// The regex of `pattern`, compiled now; the error is the regex crate's message.
    fn now(pattern: String, source: String, left: bool) -> Result<LazyContextRegex, String> {
        let compiled = crate::context::ContextRegex::new(&pattern)?;
        Ok(LazyContextRegex { pattern, source, left, compiled: std::sync::OnceLock::from(compiled) })
    }

    /// The regex, compiled on first use from the skeleton of its source with `grammar`'s lexicon
    /// tries put in (as a rule's anchored engine is: see [`parse_skeleton_as_tries`]), rather than
    /// by parsing the full pattern, lexicons and all, and making its tries again (three contexts
    /// cost a one-phrase `tarikh parse` ~30 M instructions so). `grammar` is the context's own.
    pub(crate) fn get(&self, grammar: &Grammar) -> &crate::context::ContextRegex {
        self.compiled.get_or_init(|| {
            let left = self.left;
            let compiled = match parse_skeleton_as_tries(&self.source, &|body| context_pattern(body, left), grammar) {
                Some(hir) => crate::context::ContextRegex::from_tries(&self.pattern, &hir),
                None => crate::context::ContextRegex::new(&self.pattern),
            };
            compiled.unwrap_or_else(|e| panic!("context pattern `{}`: compiled when the grammar was analysed, yet: {e}", self.pattern))
        })
    }
}

/// A context side's full pattern around its expanded body. A left context's words take the
/// proclitics a word may carry (و ف then ب ل ك), as a rule's match does: «لنحو ساعتين»، «لأكثر من
/// عشرين عاما»، «وبحوالي ثلاثة أشهر».
fn context_pattern(body: &str, left: bool) -> String {
    if left {
        format!(r"(?:^|[^\w])[وف]?[بلك]?(?P<_ctx>{body})\s*$")
    } else {
        format!(r"^\s*(?P<_ctx>{body})")
    }
}

impl std::ops::Deref for LazyContextRegex {
    type Target = crate::context::ContextRegex;

    fn deref(&self) -> &crate::context::ContextRegex {
        self.compiled.get_or_init(|| crate::context::ContextRegex::new(&self.pattern).unwrap_or_else(|e| panic!("context pattern `{}`: compiled when the grammar was analysed, yet: {e}", self.pattern)))
    }
}

/// A regex compiled at load time when the grammar is analysed (so that an error names its file),
/// or on first use when the analysis comes from the cache: compositions and the day list are
/// reached by few texts, and compiling them cost a one-phrase `tarikh parse` ~9 M instructions.
#[derive(Debug, Clone)]
pub(crate) struct LazyRegex {
    pattern: String,
    compiled: std::sync::OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern`, compiled now (`check`) or on first use (it compiled when the cache was written).
    fn new(pattern: String, check: bool) -> Result<LazyRegex, regex::Error> {
        let compiled = std::sync::OnceLock::new();
        if check {
            let _ = compiled.set(Regex::new(&pattern)?);
        }
        Ok(LazyRegex { pattern, compiled })
    }
}

impl std::ops::Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled.get_or_init(|| Regex::new(&self.pattern).unwrap_or_else(|e| panic!("pattern `{}`: compiled when the grammar was analysed, yet: {e}", self.pattern)))
    }
}

/// A compiled composition: two classes of expressions that join into one (see compose.rs).
#[derive(Debug, Clone)]
pub(crate) struct Composition {
    pub(crate) name: String,
    pub(crate) doc: String,
    pub(crate) first: crate::compose::Class,
    pub(crate) second: crate::compose::Class,
    /// Matches the whole text between the two parts (spaces around it trimmed); may be empty.
    pub(crate) between: LazyRegex,
    pub(crate) kind: MentionType,
    pub(crate) priority: i32,
    /// File and line of its `[[compose]]` table.
    pub(crate) origin: String,
}

/// Everything read from a grammar directory, ready to match.
#[derive(Debug, Clone)]
pub struct Grammar {
    pub(crate) lexicons: Vec<Lexicon>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) contexts: Vec<Context>,
    /// What lets a candidate skip contexts (see [`crate::context::ContextIndex`]).
    pub(crate) context_index: crate::context::ContextIndex,
    pub(crate) compositions: Vec<Composition>,
    /// Where each rule can match (see prefilter.rs).
    pub(crate) prefilter: crate::prefilter::Prefilter,
    examples: Examples,
    pub(crate) negatives: Vec<Negative>,
    /// Each tense cue word (normalised) and the direction it signals; a word listed as past in
    /// one file and as future in another is past.
    pub(crate) cues: HashMap<String, crate::Direction, crate::fnv::FnvBuild>,
    /// One bit per [`cue_key`] of the cue words, set for each key some cue word has: most words
    /// of text are no cue, and most of those are told so by one bit, without hashing the word.
    cue_keys: Box<[u64]>,
    /// Phrases naming a schedule kept every day (حظر التجول، ساعات العمل), normalised.
    pub(crate) daily_cues: Vec<String>,
    /// The anchoring code's word tables, by name (`[cues.tables.NAME]`).
    pub(crate) word_tables: BTreeMap<String, WordTable>,
    /// `daily_cues` as one automaton (pattern i = cue i), made on first use: a sentence is read
    /// once for all the cues rather than once per cue.
    daily_finder: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    /// Day numbers listed before a dated day (يومي 28 و29 جانفي), ending at the text's end: built
    /// from the lexicon `day_list_noun` when the grammar has one.
    pub(crate) day_list: Option<LazyRegex>,
    /// Lexicon name → index in `lexicons`.
    pub(crate) lexicon_index: HashMap<String, usize>,
    /// Each lexicon's alternation as parsed at load time (see [`LexiconHirs`]), for compiling
    /// rules on first use without parsing the lexicons again.
    lexicon_hirs: LexiconHirs,
    /// Each lexicon's alternation with its words as a trie ([`crate::word_trie`]), made once when
    /// a rule's capture engines or the all-rules automaton first need it (see [`Rule::search_trie_hir`]).
    lexicon_tries: LexiconHirs,
    /// Each rule's body as a lazy DFA for `explain`'s partial matches (index = rule), built on
    /// the first explanation: compiling ~150 patterns per phrase made explaining slow.
    pub(crate) partial_dfas: std::sync::OnceLock<Vec<Option<regex_automata::hybrid::dfa::DFA>>>,
    /// Where the all-rules automaton's NFA is kept between runs (see [`crate::automaton_cache`]):
    /// set for a grammar loaded through an analysis cache.
    pub(crate) automaton_file: Option<crate::automaton_cache::AutomatonFile>,
}

/// How many keys [`cue_key`] gives (one bit each in `Grammar::cue_keys`).
const CUE_KEYS: usize = 1 << 16;

/// A word's key for the cue prefilter: its length in bytes (halved: Arabic letters take two),
/// the last byte of its second letter as most Arabic words write it (its fourth byte) and its last
/// byte, six bits each. Words with different keys differ; any bytes will do, so a word of other
/// letters or a short one gets a key too.
fn cue_key(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (second, last) = (bytes.get(3).copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
    ((bytes.len() >> 1) & 15) << 12 | usize::from(second & 63) << 6 | usize::from(last & 63)
}

/// What [`Grammar::build`] made: the grammar, the analysis it made when asked to keep it, and
/// whether it set aside a cached analysis that did not fit the sources.
struct Built {
    grammar: Grammar,
    analysis: Option<crate::cache::Analysis>,
    cache_refused: bool,
}

/// The characters that make up words, as a regex class body: ASCII letters and digits, `_`, the
/// Latin, Greek, Cyrillic, Armenian and Hebrew letters, and the Arabic script (letters, Arabic-Indic
/// digits, presentation forms). A rule's match must start and end next to a character outside this
/// set. Written out rather than as `\p{L}\p{N}`, whose UTF-8 automaton has hundreds of states and
/// made every capture search of every rule slow; normalised text is Arabic, digits and punctuation,
/// and the matcher still checks both edges with the full Unicode definition (`is_word_char`).
pub(crate) const WORD_CHARS: &str = r"0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{24F}\x{370}-\x{5FF}\x{620}-\x{64A}\x{660}-\x{669}\x{66E}-\x{6D3}\x{6D5}\x{6EE}-\x{6FF}\x{FB50}-\x{FDFF}\x{FE70}-\x{FEFF}";

/// The line numbers of one grammar file: the byte offset of each of its newlines, so that the
/// line of every rule and example is a binary search (counting newlines from the start of the file
/// for each of ~1,300 examples was a tenth of the loading time).
struct Lines {
    newlines: Vec<usize>,
}

impl Lines {
    fn new(source: &str) -> Lines {
        Lines { newlines: source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect() }
    }

    /// The 1-based line of byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

fn example_from(def: Spanned<ExampleDef>, path: &Path, source: &str, lines: &Lines, owner: &ExampleOwner) -> Result<Example, GrammarError> {
    let origin = format!("{}:{}", path.display(), lines.line_of(def.span().start));
    let offset = Some(def.span().start);
    example_of(def.into_inner(), origin, &|m: String| GrammarError::at(path, source, offset, m), owner)
}

/// The example written `def` at `origin` under `owner`; `err` makes an error of a message.
fn example_of(def: ExampleDef, origin: String, err: &dyn Fn(String) -> GrammarError, owner: &ExampleOwner) -> Result<Example, GrammarError> {
    let text_of = |v: &toml::Value, what: &str| -> Result<String, GrammarError> {
        v.as_str().map(str::to_string).ok_or_else(|| err(format!("an example's {what} must be a string, but found `{v}`")))
    };
    let prefer_ok = |p: &Option<String>| -> Result<(), GrammarError> {
        match p.as_deref() {
            None | Some("past" | "future" | "nearest" | "news") => Ok(()),
            Some(other) => Err(err(format!("an example's `prefer` must be past, future or nearest, but found `{other}`"))),
        }
    };
    match def {
        toml::Value::Array(items) => {
            if items.len() < 3 || items.len() > 4 {
                return Err(err(format!(
                    "an example is [\"phrase\", \"reference date\", \"expected value\"] with an optional 4th item `past`/`future`, but this one has {} items",
                    items.len()
                )));
            }
            let text = text_of(&items[0], "phrase")?;
            let reference = text_of(&items[1], "reference")?;
            let value = text_of(&items[2], "value")?;
            let prefer = items.get(3).map(|p| text_of(p, "4th item")).transpose()?;
            prefer_ok(&prefer)?;
            Ok(Example { text, reference, value, span: None, kind: None, modifier: None, prefer, origin, owner: owner.clone() })
        }
        toml::Value::Table(table) => {
            if let Some(unknown) = table.keys().find(|k| !EXAMPLE_KEYS.iter().any(|(known, _)| known == k)) {
                let keys: Vec<&str> = EXAMPLE_KEYS.iter().map(|(k, _)| *k).collect();
                return Err(err(format!("an example has the unknown key `{unknown}` (its check would be skipped); the keys are {}", keys.join(", "))));
            }
            let get = |k: &str| table.get(k).map(|v| text_of(v, &format!("`{k}`"))).transpose();
            let required = |k: &str| get(k)?.ok_or_else(|| err(format!("an example table needs `text`, `ref` and `value`, but `{k}` is missing")));
            let kind = get("type")?;
            if let Some(k) = &kind {
                if !matches!(k.as_str(), "DATE" | "TIME" | "DURATION" | "SET") {
                    return Err(err(format!("an example's `type` must be DATE, TIME, DURATION or SET, but found `{k}`")));
                }
            }
            let prefer = get("prefer")?;
            prefer_ok(&prefer)?;
            Ok(Example { text: required("text")?, reference: required("ref")?, value: required("value")?, span: get("span")?, kind, modifier: get("mod")?, prefer, origin, owner: owner.clone() })
        }
        other => Err(err(format!("an example is an array [\"phrase\", \"ref\", \"value\"] or a table {{ text, ref, value }}, but found `{other}`"))),
    }
}

/// An example as written, kept for converting on first use (see [`Examples`]).
#[derive(Debug)]
struct PendingExample {
    path: PathBuf,
    line: usize,
    def: ExampleDef,
    owner: ExampleOwner,
}

/// A grammar's examples: converted at load time when the grammar is analysed (so that a
/// malformed one is an error naming its file and line), or on first use when the analysis comes
/// from the cache (its files were checked whole when it was written). Only tests and `tarikh
/// explain` read them; converting ~1,800 of them cost every start ~10 M instructions.
#[derive(Debug, Clone, Default)]
struct Examples {
    converted: std::sync::OnceLock<Vec<Example>>,
    pending: std::sync::Arc<Vec<PendingExample>>,
}

/// The examples being read by [`Grammar::build`].
struct ExampleSink {
    /// Keep them as written (the grammar's files were checked when the cached analysis was made).
    lazy: bool,
    converted: Vec<Example>,
    pending: Vec<PendingExample>,
}

impl ExampleSink {
    fn add(&mut self, def: Spanned<ExampleDef>, path: &Path, source: &str, lines: &Lines, owner: &ExampleOwner) -> Result<(), GrammarError> {
        if self.lazy {
            let line = lines.line_of(def.span().start);
            self.pending.push(PendingExample { path: path.to_path_buf(), line, def: def.into_inner(), owner: owner.clone() });
        } else {
            self.converted.push(example_from(def, path, source, lines, owner)?);
        }
        Ok(())
    }

    fn finish(self) -> Examples {
        let converted = std::sync::OnceLock::new();
        if !self.lazy {
            let _ = converted.set(self.converted);
        }
        Examples { converted, pending: std::sync::Arc::new(self.pending) }
    }
}

impl Examples {
    fn get(&self) -> &[Example] {
        self.converted.get_or_init(|| {
            let convert = |p: &PendingExample| {
                let err = |message: String| GrammarError { path: p.path.clone(), line: Some(p.line), message };
                example_of(p.def.clone(), format!("{}:{}", p.path.display(), p.line), &err, &p.owner).unwrap_or_else(|e| panic!("an example checked when the grammar was analysed, yet: {e}"))
            };
            self.pending.iter().map(convert).collect()
        })
    }
}

/// Turn a normalised word into a regex fragment: escaped, with flexible spacing.
/// The words of a `compose = "sum"` lexicon joined by و as Arabic compound numbers are written:
/// thousands, then hundreds, then a units word and its tens (خمسة وعشرون), or a teen, a tens or a
/// units word alone (ألف وتسعمائة وخمسة وثمانين). Two words of the same rank never join: «ثلاث
/// وأربع ساعات» is two numbers, three or four hours, not seven. `alts` are the words longest first.
fn compound_number_regex(alts: &[&String], values: &HashMap<String, String, crate::fnv::FnvBuild>) -> String {
    let rank = |w: &String| match values[w].parse::<u64>() {
        Ok(1..=9) => 0,
        Ok(10..=19) => 1,
        Ok(20..=99) => 2,
        Ok(100..=999) => 3,
        Ok(1000..) => 4,
        _ => 5,
    };
    let class = |r: usize| {
        let ws: Vec<String> = alts.iter().filter(|w| rank(w) == r).map(|w| word_regex(w)).collect();
        (!ws.is_empty()).then(|| format!("(?:{})", ws.join("|")))
    };
    let [units, teens, tens, hundreds, thousands, others] = [0, 1, 2, 3, 4, 5].map(class);
    let and = r"\s+و\s*";
    // Below a hundred: a teen, a units word with its tens, a tens word or a units word alone.
    let mut below_hundred: Vec<String> = Vec::new();
    below_hundred.extend(teens.clone());
    match (&units, &tens) {
        (Some(u), Some(t)) => below_hundred.push(format!("{u}(?:{and}{t})?")),
        (Some(u), None) => below_hundred.push(u.clone()),
        _ => {}
    }
    below_hundred.extend(tens.clone());
    let small = (!below_hundred.is_empty()).then(|| format!("(?:{})", below_hundred.join("|")));
    let opt = |part: &Option<String>| part.as_ref().map(|p| format!("(?:{and}{p})?")).unwrap_or_default();
    // Thousands (and their hundreds) or hundreds, then the part below a hundred, written once:
    // `(?:T(?:و H)?|H)(?:و S)?` tries its ways in the very order of `T(?:و H)?(?:و S)?|H(?:و S)?`
    // (T with H then with S first, H alone last), so a leftmost-first search takes the same one,
    // and the part below a hundred, the largest, is compiled twice into every rule using the
    // lexicon instead of three times.
    let mut large: Vec<String> = Vec::new();
    if let Some(t) = &thousands {
        large.push(format!("{t}{}", opt(&hundreds)));
    }
    large.extend(hundreds.clone());
    let mut forms: Vec<String> = Vec::new();
    if !large.is_empty() {
        forms.push(format!("(?:{}){}", large.join("|"), opt(&small)));
    }
    forms.extend(small);
    forms.extend(others);
    format!("(?:{})", forms.join("|"))
}

fn word_regex(word: &str) -> String {
    word.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+")
}

impl Grammar {
    /// Build a grammar from `(path, contents)` pairs. Paths are only used in messages and to order
    /// files; all lexicons are read before any rule, so a rule may use a lexicon from any file.
    /// Every rule's regex is compiled here, so that an error names its file and line.
    pub fn from_sources(sources: &[(PathBuf, String)]) -> Result<Grammar, GrammarError> {
        Ok(Grammar::build(sources, true, None, false)?.grammar)
    }

    /// [`Grammar::from_sources`], compiling every rule's regex now (`eager`) or on first use.
    /// With `known` (the analysis of these very sources, from the cache: see cache.rs), the rule
    /// bodies are not parsed nor analysed again, and nothing is compiled before its first use
    /// (the sources were fully checked when the analysis was made); `known` is set aside if it
    /// does not fit the sources. `keep`: return the analysis made, for the cache.
    fn build(sources: &[(PathBuf, String)], eager: bool, known: Option<crate::cache::Analysis>, keep: bool) -> Result<Built, GrammarError> {
        let mut sources: Vec<&(PathBuf, String)> = sources.iter().collect();
        sources.sort_by(|a, b| a.0.cmp(&b.0));
        let line_tables: Vec<Lines> = sources.iter().map(|(_, text)| Lines::new(text)).collect();
        // The files as read: from the cache when it keeps them (file_defs.rs: reading the TOML
        // was half the start-up of a one-phrase `tarikh parse`), else from their TOML.
        let cached_files = known.as_ref().filter(|k| !k.files.is_empty()).and_then(|k| file_defs::decode(&k.files, sources.len()));
        let files = match cached_files {
            Some(files) => files,
            None => sources
                .iter()
                .map(|(path, text)| {
                    toml::from_str::<FileDef>(text).map_err(|e| {
                        let offset = e.span().map(|s| s.start);
                        GrammarError::at(path, text, offset, e.message().to_string())
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        let files_read = if keep && known.is_none() { file_defs::encode(&files).unwrap_or_default() } else { Vec::new() };
        let parsed: Vec<_> = sources.iter().zip(&line_tables).zip(files).map(|(((path, text), lines), file)| (path.clone(), text.as_str(), lines, file)).collect();

        // A cached analysis is offered only for the very sources it was made from, which were
        // checked whole when it was made.
        let checked = known.is_some();
        let mut lexicons: Vec<Lexicon> = Vec::new();
        let mut lexicon_index: HashMap<String, usize> = HashMap::new();
        let mut examples = ExampleSink { lazy: checked, converted: Vec::new(), pending: Vec::new() };
        let mut negatives = Vec::new();
        let mut rule_defs = Vec::new();
        let mut context_defs = Vec::new();
        let mut compose_defs = Vec::new();
        let mut past_cues: Vec<String> = Vec::new();
        let mut future_cues: Vec<String> = Vec::new();
        let mut daily_cues: Vec<String> = Vec::new();
        let mut word_tables: BTreeMap<String, WordTable> = BTreeMap::new();
        for (path, source, lines, file) in parsed {
            if let Some(cues) = &file.cues {
                let _ = &cues.doc;
                file_defs::word_tables_of(&cues.tables, &path, source, &|at| lines.line_of(at), &mut word_tables)?;
                past_cues.extend(cues.past.iter().map(|w| tarikh_text::normalise(w.trim())));
                future_cues.extend(cues.future.iter().map(|w| tarikh_text::normalise(w.trim())));
                daily_cues.extend(cues.daily.iter().map(|w| tarikh_text::normalise(w.trim()).split_whitespace().collect::<Vec<_>>().join(" ")).filter(|w| !w.is_empty()));
                if let Some(both) = cues.past.iter().find(|w| cues.future.contains(w)) {
                    return Err(GrammarError::at(&path, source, None, format!("cue word `{both}` is listed both as past and as future; keep it in one list")));
                }
            }
            for (name, def) in file.lexicon {
                let offset = def.span().start;
                let def = def.into_inner();
                if lexicon_index.contains_key(&name) {
                    return Err(GrammarError::at(&path, source, Some(offset), format!("lexicon `{name}` is defined twice; merge the two tables or rename one")));
                }
                if name == "span" || name.starts_with('_') || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    return Err(GrammarError::at(&path, source, Some(offset), format!("lexicon name `{name}` must be ASCII letters, digits and `_`, must not start with `_`, and must not be `span`")));
                }
                let mut words: HashMap<String, String, crate::fnv::FnvBuild> = HashMap::default();
                for entry in def.entries {
                    let eoff = entry.span().start;
                    let entry = entry.into_inner();
                    if entry.words.is_empty() {
                        return Err(GrammarError::at(&path, source, Some(eoff), format!("an entry of lexicon `{name}` has no words; add at least one")));
                    }
                    for w in &entry.words {
                        let norm = tarikh_text::normalise(w).split_whitespace().collect::<Vec<_>>().join(" ");
                        if norm.is_empty() {
                            return Err(GrammarError::at(&path, source, Some(eoff), format!("lexicon `{name}` has an empty word")));
                        }
                        if let Some(old) = words.get(&norm) {
                            if old != &entry.value {
                                return Err(GrammarError::at(&path, source, Some(eoff), format!("word `{w}` of lexicon `{name}` has two values, `{old}` and `{}`; after normalisation they are the same word", entry.value)));
                            }
                        }
                        words.insert(norm, entry.value.clone());
                    }
                    let owner = ExampleOwner::LexiconEntry { lexicon: name.clone(), value: entry.value.clone() };
                    for ex in entry.examples {
                        examples.add(ex, &path, source, lines, &owner)?;
                    }
                }
                let mut alts: Vec<&String> = words.keys().collect();
                alts.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
                let word_pieces: Vec<String> = alts.iter().map(|w| word_regex(w)).collect();
                let mut other_pieces: Vec<String> = Vec::new();
                if let Some(re) = &def.regex {
                    // Checked when the grammar is analysed (a cached analysis was checked so).
                    if let Err(e) = if checked { Ok(()) } else { Regex::new(re).map(drop) } {
                        return Err(GrammarError::at(&path, source, Some(offset), format!("lexicon `{name}` has an invalid regex: {e}")));
                    }
                    other_pieces.push(format!("(?:{re})"));
                }
                if def.digits {
                    other_pieces.push(r"\d+".to_string());
                }
                if word_pieces.is_empty() && other_pieces.is_empty() {
                    return Err(GrammarError::at(&path, source, Some(offset), format!("lexicon `{name}` has no entries, no `regex` and no `digits`: it could never match")));
                }
                let compose_sum = match def.compose.as_deref() {
                    None => false,
                    Some("sum") => true,
                    Some(other) => return Err(GrammarError::at(&path, source, Some(offset), format!("lexicon `{name}`: `compose` can only be \"sum\", but found `{other}`"))),
                };
                // Only words add up (خمسة وعشرون): «26 و45 سنة» is two numbers, not 71.
                let alternation = if compose_sum && !word_pieces.is_empty() {
                    let composed = compound_number_regex(&alts, &words);
                    std::iter::once(composed).chain(other_pieces).collect::<Vec<_>>().join("|")
                } else {
                    word_pieces.into_iter().chain(other_pieces).collect::<Vec<_>>().join("|")
                };
                let alternation = format!("(?:{alternation})");
                lexicon_index.insert(name.clone(), lexicons.len());
                if def.min.is_some() && !compose_sum && !def.digits {
                    return Err(GrammarError::at(&path, source, Some(offset), format!("lexicon `{name}`: `min` bounds numbers, so it needs `compose = \"sum\"` or `digits = true`")));
                }
                lexicons.push(Lexicon { name, doc: def.doc, words, alternation, digits: def.digits, compose_sum, min: def.min });
            }
            for r in file.rule {
                rule_defs.push((path.clone(), source, lines, r));
            }
            for c in file.context {
                context_defs.push((path.clone(), source, lines, c));
            }
            for c in file.compose {
                compose_defs.push((path.clone(), source, lines, c));
            }
            for n in file.must_not_match {
                let origin = format!("{}:{}", path.display(), lines.line_of(n.span().start));
                let n = n.into_inner();
                negatives.push(Negative { text: n.text, span: n.span, why: n.why, origin });
            }
        }

        // The cached analysis stands for these sources only if it has their rules and contexts.
        let offered = known.is_some();
        let known = known.filter(|a| a.rules.len() == rule_defs.len() && a.contexts.len() == context_defs.len() && a.context_sides.len() == context_defs.len() && a.prefilter.scan_all.len() == rule_defs.len());
        let eager = eager && known.is_none();
        let mut analysis = (keep && known.is_none()).then(|| crate::cache::Analysis { files: files_read, rules: Vec::new(), contexts: Vec::new(), context_sides: Vec::new(), prefilter: crate::cache::PrefilterParts { literals: Vec::new(), literal_rules: Vec::new(), text_start: Vec::new(), scan_all: Vec::new() } });
        let mut rules = Vec::new();
        let mut bodies = Vec::new();
        let mut lexicon_hirs = LexiconHirs::new();
        lexicon_hirs.resize_with(lexicons.len(), std::sync::OnceLock::new);
        let mut names: HashMap<String, String> = HashMap::new();
        for (order, (path, source, lines, def)) in rule_defs.into_iter().enumerate() {
            let roff = def.span().start;
            let def = def.into_inner();
            let origin = format!("{}:{}", path.display(), lines.line_of(roff));
            if let Some(first) = names.insert(def.name.clone(), origin.clone()) {
                return Err(GrammarError::at(&path, source, Some(roff), format!("rule name `{}` is already used at {first}; rule names must be unique", def.name)));
            }
            let kind = MentionType::parse(&def.kind).ok_or_else(|| {
                GrammarError::at(&path, source, Some(roff), format!("rule `{}`: `type` must be DATE, TIME, DURATION, SET or NONE, but found `{}`", def.name, def.kind))
            })?;
            let poff = def.pattern.span().start;
            let (body, capture_lexicons) = expand_pattern(def.pattern.get_ref(), &lexicons, &lexicon_index)
                .map_err(|m| GrammarError::at(&path, source, Some(poff), format!("rule `{}`: {m}", def.name)))?;
            // The optional proclitics (conjunction, then preposition) are matched but left out of the span.
            // No `\b` here: Unicode word boundaries would force the slow NFA engine on Arabic text.
            // The matcher checks both word boundaries itself (see matcher.rs).
            // A match starts at the text's start or after a non-word character (consumed, then left
            // out): the automaton never even tries the middle of a word.
            // The match must also end where a word ends: the character after it is consumed in the
            // same way (or the text ends), so the automaton itself prefers an alternative that
            // ends at a word's end ("15" rather than "1" for `0?[1-9]|[12][0-9]`), and no author has
            // to write `\b` at the end of a pattern.
            let full = full_pattern(&body);
            let invalid = |e: &dyn std::fmt::Display| GrammarError::at(&path, source, Some(poff), format!("rule `{}`: the pattern is not a valid regex after expanding placeholders: {e}", def.name));
            // The regex itself is compiled here only when asked (`eager`); the parse of the body
            // checks the syntax and gives the capture names either way (the body's, after
            // `_clitic` and `_body`).
            let regex = std::sync::OnceLock::new();
            if eager {
                // Before the prefilter exists, so with the meta engine's own prefilters.
                let _ = regex.set(compile_rule(&full, false).map_err(|e| invalid(&e))?);
            }
            let (names, mandatory, word_boundary, required) = match &known {
                Some(known) => {
                    let r = &known.rules[order];
                    (r.names.clone(), r.mandatory.iter().cloned().collect(), r.word_boundary, r.required.clone())
                }
                None => {
                    let body_hir = parse_body(def.pattern.get_ref(), &body, &lexicons, &lexicon_index, &mut lexicon_hirs).map_err(|e| invalid(&e))?;
                    if opens_with_arbitrary_word(&body_hir) {
                        return Err(GrammarError::at(&path, source, Some(poff), format!("rule `{}`: the pattern opens with an arbitrary word (`\\S+`, `[^…]+`), which keeps the all-rules automaton reading to the end of every word in every text; name the words the rule reads there (a guard that must be longer than the rule it guards: that rule's own words before), or refuse the words that may not stand before the match with `not_after = \"من|بين\"`", def.name)));
                    }
                    let names: Vec<String> = ["_clitic", "_body"].into_iter().map(String::from).chain(capture_names(&body_hir)).collect();
                    let mandatory = mandatory_captures(&body_hir);
                    let word_boundary = body_hir.properties().look_set().contains_word_unicode();
                    let required = crate::prefilter::required_literals(&body_hir, true);
                    bodies.push(body_hir);
                    if let Some(analysis) = &mut analysis {
                        analysis.rules.push(crate::cache::RuleAnalysis { names: names.clone(), mandatory: mandatory.iter().cloned().collect(), word_boundary, required: required.clone() });
                    }
                    (names, mandatory, word_boundary, required)
                }
            };
            if names[2..].iter().any(|n| n.starts_with('_')) {
                return Err(invalid(&"capture names starting with `_` are reserved for the matcher"));
            }
            let fields = compile_fields(&def.fields, &names, &def.name, &path, source, roff)?;
            check_combinations(kind, &fields, &mandatory).map_err(|m| GrammarError::at(&path, source, Some(roff), format!("rule `{}`: {m}", def.name)))?;
            let owner = ExampleOwner::Rule(def.name.clone());
            for ex in def.examples {
                examples.add(ex, &path, source, lines, &owner)?;
            }
            let not_after = match &def.not_after {
                Some(words) => Some(Regex::new(&format!(r"(?:^|[^{WORD_CHARS}])[وف]?(?:{words}) +$")).map_err(|e| GrammarError::at(&path, source, Some(roff), format!("rule `{}`: `not_after` is not a valid pattern: {e}", def.name)))?),
                None => None,
            };
            rules.push(Rule { not_after, name: def.name, doc: def.doc, kind, pattern: full, source: def.pattern.get_ref().clone(), regex, anchored: std::sync::OnceLock::new(), search_skeleton: std::sync::OnceLock::new(), filter: std::sync::OnceLock::new(), word_boundary, required, ruled_out: Counter::default(), anchored_only: false, fields, capture_lexicons: capture_lexicons.into_iter().collect(), priority: def.priority, order, origin, body });
        }
        let mut contexts = Vec::new();
        for (ci, (path, source, lines, def)) in context_defs.into_iter().enumerate() {
            let coff = def.span().start;
            let def = def.into_inner();
            let origin = format!("{}:{}", path.display(), lines.line_of(coff));
            let at = |m: String| GrammarError::at(&path, source, Some(coff), format!("context `{}`: {m}", def.name));
            let mut types = Vec::new();
            for t in &def.types {
                types.push(MentionType::parse(t).ok_or_else(|| at(format!("`types` entries must be DATE, TIME, DURATION or SET, but found `{t}`")))?);
            }
            if def.left.is_none() && def.right.is_none() {
                return Err(at("a context needs `left`, `right` or both".into()));
            }
            let mut capture_lexicons: HashMap<String, usize, crate::fnv::FnvBuild> = HashMap::default();
            let mut compile_side = |pat: &Option<String>, left: bool| -> Result<Option<LazyContextRegex>, GrammarError> {
                let Some(p) = pat else { return Ok(None) };
                let (body, caps) = expand_pattern(p, &lexicons, &lexicon_index).map_err(&at)?;
                capture_lexicons.extend(caps);
                let full = context_pattern(&body, left);
                match known {
                    Some(_) => Ok(Some(LazyContextRegex::later(full, p.clone(), left))),
                    None => LazyContextRegex::now(full, p.clone(), left).map(Some).map_err(|e| at(format!("invalid pattern after expanding placeholders: {e}"))),
                }
            };
            let left = compile_side(&def.left, true)?;
            let right = compile_side(&def.right, false)?;
            let names: Vec<String> = match &known {
                Some(known) => known.contexts[ci].clone(),
                None => left.iter().chain(right.iter()).flat_map(|r| r.capture_names().map(String::from).collect::<Vec<_>>()).collect(),
            };
            // The sides' literal checks: from the cache, or worked out now when the analysis is
            // kept for it (parsing the sides again cost a one-phrase `tarikh parse` ~15 M
            // instructions); otherwise on first use.
            let edges = std::sync::OnceLock::new();
            if let Some(known) = &known {
                let [l, r] = known.context_sides[ci].clone();
                let _ = edges.set([SideChecks::from_analysis(l, SIDES[0]), SideChecks::from_analysis(r, SIDES[1])]);
            }
            if let Some(analysis) = &mut analysis {
                analysis.contexts.push(names.clone());
                let sides = [&def.left, &def.right];
                analysis.context_sides.push([0, 1].map(|i| side_analysis(sides[i].as_deref(), SIDES[i], &lexicons, &lexicon_index, &lexicon_hirs)));
            }
            let fields = compile_fields(&def.fields, &names, &def.name, &path, source, coff)?;
            let tests = |list: &[String]| -> Result<Vec<crate::semantics::FieldTest>, GrammarError> {
                list.iter().map(|f| crate::semantics::FieldTest::parse(f).map_err(&at)).collect()
            };
            let needs_any = tests(&def.needs_any)?;
            let needs_none = tests(&def.needs_none)?;
            let owner = ExampleOwner::Context(def.name.clone());
            for ex in def.examples {
                examples.add(ex, &path, source, lines, &owner)?;
            }
            let sources = [def.left.clone(), def.right.clone()];
            contexts.push(Context { name: def.name, doc: def.doc, types, left, right, sources, edges, ruled_out: Default::default(), include: def.include, needs_any, needs_none, fields, capture_lexicons, origin });
        }
        let mut compositions = Vec::new();
        for (path, source, lines, def) in compose_defs {
            let coff = def.span().start;
            let def = def.into_inner();
            let origin = format!("{}:{}", path.display(), lines.line_of(coff));
            let at = |m: String| GrammarError::at(&path, source, Some(coff), format!("compose `{}`: {m}", def.name));
            if let Some(first) = names.get(&def.name) {
                return Err(at(format!("the name is already used by the rule at {first}; names must be unique")));
            }
            if compositions.iter().any(|c: &Composition| c.name == def.name) {
                return Err(at("the name is used twice; names must be unique".into()));
            }
            let class = |n: &str| crate::compose::Class::parse(n.trim()).ok_or_else(|| at(format!("`{n}` is not a class of expressions; the classes are {}", crate::compose::Class::NAMES)));
            let (first, second) = (class(&def.first)?, class(&def.second)?);
            let kind = match MentionType::parse(&def.kind) {
                Some(k @ (MentionType::Date | MentionType::Time)) => k,
                _ => return Err(at(format!("`type` must be DATE or TIME (a composition names one moment), but found `{}`", def.kind))),
            };
            let (body, caps) = expand_pattern(&def.between, &lexicons, &lexicon_index).map_err(&at)?;
            if !caps.is_empty() {
                return Err(at("`between` only says which words may join the two parts; write lexicons as `{name:_}` (no capture)".into()));
            }
            let between = LazyRegex::new(format!(r"^(?:{body})$"), known.is_none()).map_err(|e| at(format!("`between` is not a valid pattern after expanding placeholders: {e}")))?;
            let owner = ExampleOwner::Composition(def.name.clone());
            for ex in def.examples {
                examples.add(ex, &path, source, lines, &owner)?;
            }
            compositions.push(Composition { name: def.name, doc: def.doc, first, second, between, kind, priority: def.priority, origin });
        }
        let used_cache = known.is_some();
        let prefilter = match known {
            Some(known) => crate::prefilter::Prefilter::from_parts(known.prefilter),
            None => {
                let parts = crate::prefilter::Prefilter::analyse(&bodies);
                drop(bodies);
                if let Some(analysis) = &mut analysis {
                    analysis.prefilter = parts.clone();
                }
                crate::prefilter::Prefilter::from_parts(parts)
            }
        };
        for (rule, scans) in rules.iter_mut().zip(&prefilter.scan_all) {
            rule.anchored_only = !scans;
        }
        let day_list = match lexicon_index.get("day_list_noun") {
            Some(&li) => {
                let nouns = &lexicons[li].alternation;
                Some(LazyRegex::new(format!(r"(?:(?:{nouns})\s+)?\d{{1,2}}(?:\s*,?\s*و\s*\d{{1,2}})*\s*,?\s*و\s*$"), !used_cache).map_err(|e| GrammarError {
                    path: PathBuf::from("lexicon day_list_noun"),
                    line: None,
                    message: format!("the day-list pattern built from lexicon `day_list_noun` is not a valid regex: {e}"),
                })?)
            }
            None => None,
        };
        daily_cues.sort();
        daily_cues.dedup();
        // Past wins over future, as it did when the past list was looked up first.
        let mut cues: HashMap<String, crate::Direction, crate::fnv::FnvBuild> = HashMap::default();
        cues.extend(future_cues.into_iter().map(|w| (w, crate::Direction::Future)));
        cues.extend(past_cues.into_iter().map(|w| (w, crate::Direction::Past)));
        let mut cue_keys = vec![0u64; CUE_KEYS / 64].into_boxed_slice();
        for word in cues.keys() {
            let key = cue_key(word);
            cue_keys[key / 64] |= 1 << (key % 64);
        }
        let context_index = crate::context::ContextIndex::new(&contexts);
        let grammar = Grammar { lexicons, rules, contexts, context_index, compositions, prefilter, examples: examples.finish(), negatives, cues, cue_keys, daily_cues, word_tables, daily_finder: std::sync::OnceLock::new(), day_list, lexicon_index, lexicon_tries: std::iter::repeat_with(std::sync::OnceLock::new).take(lexicon_hirs.len()).collect(), lexicon_hirs, partial_dfas: std::sync::OnceLock::new(), automaton_file: None };
        Ok(Built { grammar, analysis, cache_refused: offered && !used_cache })
    }

    /// Load every `*.toml` file under `dir` (recursively).
    pub fn load_dir(dir: &Path) -> Result<Grammar, GrammarError> {
        Grammar::from_sources(&read_dir_sources(dir)?)
    }

    /// The default Arabic grammar, embedded in the binary at build time from `data/grammar/ar`.
    pub fn embedded() -> Result<Grammar, GrammarError> {
        let sources: Vec<(PathBuf, String)> = crate::embedded::FILES
            .iter()
            .map(|(p, t)| (PathBuf::from(format!("data/grammar/ar/{p}")), t.to_string()))
            .collect();
        // Its rules compile on first use: the tests compile them all (`every_rule_compiles`), and
        // a short input (`tarikh parse`) then pays only for the rules it reaches.
        Ok(Grammar::build(&sources, false, None, false)?.grammar)
    }

    /// [`Grammar::embedded`], with its analysis read from `cache` when it holds one for this
    /// build of tarikh, and written there otherwise (see cache.rs: a cached grammar loads in a
    /// fraction of the time and matches exactly alike). `warn` hears of a cache file that was
    /// broken (then ignored and rewritten) or could not be written; loading goes on either way.
    pub fn embedded_cached(cache: Option<&crate::AnalysisCache>, warn: &mut dyn FnMut(crate::CacheWarning)) -> Result<Grammar, GrammarError> {
        let sources: Vec<(PathBuf, String)> = crate::embedded::FILES
            .iter()
            .map(|(p, t)| (PathBuf::from(format!("data/grammar/ar/{p}")), t.to_string()))
            .collect();
        Grammar::build_cached(&sources, false, &format!("embedded {:016x}", crate::embedded::HASH), cache, warn)
    }

    /// [`Grammar::load_dir`], with its analysis kept in `cache` as [`Grammar::embedded_cached`]
    /// does. A grammar file edited since the analysis was cached is analysed (and so checked)
    /// again at once: the cache holds the full text of the files it was made from.
    pub fn load_dir_cached(dir: &Path, cache: Option<&crate::AnalysisCache>, warn: &mut dyn FnMut(crate::CacheWarning)) -> Result<Grammar, GrammarError> {
        let sources = read_dir_sources(dir)?;
        let label = format!("dir {}", std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()).display());
        Grammar::build_cached(&sources, true, &label, cache, warn)
    }

    /// Build from `sources` through `cache` (the grammar's file there is named after `label`).
    fn build_cached(sources: &[(PathBuf, String)], eager: bool, label: &str, cache: Option<&crate::AnalysisCache>, warn: &mut dyn FnMut(crate::CacheWarning)) -> Result<Grammar, GrammarError> {
        let Some(cache) = cache else { return Ok(Grammar::build(sources, eager, None, false)?.grammar) };
        let file = cache.file_for(label);
        let mut sorted: Vec<&(PathBuf, String)> = sources.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let known = match crate::cache::read(&file, &sorted) {
            Ok(analysis) => Some(analysis),
            Err(crate::cache::Miss::Absent) => None,
            Err(crate::cache::Miss::Stale) => {
                warn(format!("the grammar files changed since they were last analysed; analysing them again (cache {})", file.display()));
                None
            }
            Err(crate::cache::Miss::Broken(why)) => {
                warn(format!("ignoring the grammar analysis cache {}: {why}; analysing the grammar again and rewriting it", file.display()));
                None
            }
        };
        let built = Grammar::build(sources, eager, known, true)?;
        if built.cache_refused {
            warn(format!("ignoring the grammar analysis cache {}: it does not fit the grammar files; analysing the grammar again and rewriting it", file.display()));
        }
        if let Some(analysis) = &built.analysis {
            if let Err(e) = crate::cache::write(&file, &sorted, analysis) {
                warn(format!("cannot write the grammar analysis cache {}: {e}; set TARIKH_CACHE_DIR to a writable directory, or to `off`", file.display()));
            }
        }
        let mut grammar = built.grammar;
        grammar.automaton_file = Some(crate::automaton_cache::AutomatonFile::new(&file, label, &sorted));
        Ok(grammar)
    }

    /// Every example written in the grammar files, in file order.
    pub fn examples(&self) -> &[Example] {
        self.examples.get()
    }

    /// Every must-not-match phrase written in the grammar files.
    pub fn negatives(&self) -> &[Negative] {
        &self.negatives
    }

    /// The tense a cue word (normalised, without proclitics) signals: a perfect verb or كان → past,
    /// سوف / المقرر → future. Listed in the `[cues]` table of the grammar files.
    pub fn cue(&self, normalised_word: &str) -> Option<crate::Direction> {
        let key = cue_key(normalised_word);
        if self.cue_keys[key / 64] & (1 << (key % 64)) == 0 {
            return None;
        }
        self.cues.get(normalised_word).copied()
    }

    /// The word table `name` (`[cues.tables.NAME]`), if a grammar file defines it.
    pub fn word_table(&self, name: &str) -> Option<&WordTable> {
        self.word_tables.get(name)
    }

    /// Every word table, by name.
    pub fn word_tables(&self) -> impl Iterator<Item = &WordTable> {
        self.word_tables.values()
    }

    /// Does this stretch of normalised text name a schedule kept every day (a curfew, working
    /// hours: the `daily` list of the `[cues]` table)? A clock time in such a sentence falls on no
    /// particular day («حظر التجول من السابعة مساء حتى السادسة صباحا»).
    pub fn names_a_daily_schedule(&self, normalised: &str) -> bool {
        let finder = self.daily_finder.get_or_init(|| aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::Standard).build(&self.daily_cues).ok());
        let Some(finder) = finder else {
            return self.daily_cues.iter().any(|cue| normalised.match_indices(cue.as_str()).any(|(at, m)| self.is_daily_cue_at(normalised, at, m.len())));
        };
        // Every occurrence of every cue; of one cue's occurrences, only those `match_indices`
        // reports (non-overlapping, left to right) are checked, as when each cue was searched alone.
        let mut next_allowed = vec![0usize; self.daily_cues.len()];
        finder.find_overlapping_iter(normalised).any(|m| {
            let cue = m.pattern().as_usize();
            if m.start() < next_allowed[cue] {
                return false;
            }
            next_allowed[cue] = m.end();
            self.is_daily_cue_at(normalised, m.start(), m.len())
        })
    }

    /// Whether the daily cue found at `at` (`len` bytes) in `normalised` stands as whole words.
    fn is_daily_cue_at(&self, normalised: &str, at: usize, len: usize) -> bool {
        let before = normalised[..at].chars().next_back();
        let after = normalised[at + len..].chars().next();
        // Whole words only; the proclitics و ف ب ل may stand before the phrase.
        let clean_start = match before {
            Some(c) if c.is_alphanumeric() => {
                let head = &normalised[..at];
                let word_start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
                head[word_start..].chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل')) && head[word_start..].chars().count() <= 2
            }
            _ => true,
        };
        clean_start && !after.is_some_and(char::is_alphanumeric)
    }

    /// Number of rules.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// Number of lexicon words over all lexicons.
    pub fn word_count(&self) -> usize {
        self.lexicons.iter().map(|l| l.words.len()).sum()
    }

    /// Names and descriptions of the lexicons (for documentation and `tarikh grammar`).
    pub fn lexicon_docs(&self) -> Vec<(&str, &str, usize)> {
        self.lexicons.iter().map(|l| (l.name.as_str(), l.doc.as_str(), l.words.len())).collect()
    }

    /// Names and descriptions of the contexts (modifiers and event anchors around expressions).
    pub fn context_docs(&self) -> Vec<(&str, &str)> {
        self.contexts.iter().map(|c| (c.name.as_str(), c.doc.as_str())).collect()
    }

    /// Names and descriptions of the compositions (expressions that join into one).
    pub fn composition_docs(&self) -> Vec<(&str, &str)> {
        self.compositions.iter().map(|c| (c.name.as_str(), c.doc.as_str())).collect()
    }

    /// Names, origins and descriptions of the rules.
    pub fn rule_docs(&self) -> Vec<(&str, &str, &str)> {
        self.rules.iter().map(|r| (r.name.as_str(), r.origin.as_str(), r.doc.as_str())).collect()
    }

    /// Everything that must be illustrated by examples of its own: every rule that finds an
    /// expression (guards are checked by must-not-match phrases instead), every context and every
    /// composition.
    pub fn example_owners(&self) -> Vec<ExampleOwner> {
        let rules = self.rules.iter().filter(|r| r.kind != MentionType::None).map(|r| ExampleOwner::Rule(r.name.clone()));
        let contexts = self.contexts.iter().map(|c| ExampleOwner::Context(c.name.clone()));
        let compositions = self.compositions.iter().map(|c| ExampleOwner::Composition(c.name.clone()));
        rules.chain(contexts).chain(compositions).collect()
    }
}

/// Check a rule's or context's `fields` table against its pattern and the field vocabulary.
fn compile_fields(
    defs: &BTreeMap<String, String>,
    capture_names: &[String],
    owner: &str,
    path: &Path,
    source: &str,
    offset: usize,
) -> Result<Vec<(String, Template)>, GrammarError> {
    let mut fields = Vec::new();
    for (fname, template) in defs {
        let err = |m: String| GrammarError::at(path, source, Some(offset), format!("`{owner}` field `{fname}`: {m}"));
        if crate::fields::field(fname).is_none() {
            return Err(err(set_field(&mut Semantics::default(), fname, "1").err().unwrap_or_default()));
        }
        let tpl = parse_template(template).map_err(err)?;
        for part in &tpl.parts {
            if let TemplatePart::Capture(c) = part {
                if !capture_names.iter().any(|n| n == c) {
                    return Err(err(format!("uses `{{{c}}}`, but the pattern has no placeholder or group named `{c}`")));
                }
            }
        }
        let mut probe = Semantics::default();
        if tpl.parts.iter().all(|p| matches!(p, TemplatePart::Literal(_))) {
            // Literal-only fields are checked now, so a typo fails at load time rather than at match time.
            set_field(&mut probe, fname, template).map_err(err)?;
        } else if let Err(m) = set_field(&mut probe, fname, "1") {
            if m.starts_with("unknown field") {
                return Err(err(m));
            }
        }
        fields.push((fname.clone(), tpl));
    }
    Ok(fields)
}

/// The capture groups that take part in every match of `hir` (not inside an optional part or in
/// only some branches of an alternation).
/// The names of the named capture groups of `hir`, in group order.
fn capture_names(hir: &regex_syntax::hir::Hir) -> Vec<String> {
    use regex_syntax::hir::HirKind;
    fn walk(hir: &regex_syntax::hir::Hir, out: &mut Vec<(u32, String)>) {
        match hir.kind() {
            HirKind::Capture(c) => {
                if let Some(name) = &c.name {
                    out.push((c.index, name.to_string()));
                }
                walk(&c.sub, out);
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().for_each(|h| walk(h, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(hir, &mut out);
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, n)| n).collect()
}

fn mandatory_captures(hir: &regex_syntax::hir::Hir) -> BTreeSet<String> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(c) => {
            let mut set = mandatory_captures(&c.sub);
            if let Some(name) = &c.name {
                set.insert(name.to_string());
            }
            set
        }
        HirKind::Concat(parts) => parts.iter().flat_map(mandatory_captures).collect(),
        HirKind::Alternation(branches) => {
            let mut sets = branches.iter().map(mandatory_captures);
            let first = sets.next().unwrap_or_default();
            sets.fold(first, |acc, s| acc.intersection(&s).cloned().collect())
        }
        HirKind::Repetition(r) if r.min > 0 => mandatory_captures(&r.sub),
        _ => BTreeSet::new(),
    }
}

/// Refuse a `fields` table in which a field would be silently ignored by the resolver
/// (crates/tarikh-anchor/src/resolve.rs), with the reason. A field is *set* when it is in the
/// table, and *always set* when its template is literal or uses a group that takes part in every
/// match (`mandatory`); a field is ignored when another, always set, makes the resolver skip it.
fn check_combinations(kind: MentionType, fields: &[(String, Template)], mandatory: &BTreeSet<String>) -> Result<(), String> {
    let set = |name: &str| fields.iter().any(|(f, _)| f == name);
    let always = |name: &str| {
        fields.iter().any(|(f, t)| {
            f == name && (t.parts.iter().all(|p| matches!(p, TemplatePart::Literal(_))) || t.parts.iter().any(|p| matches!(p, TemplatePart::Capture(c) if mandatory.contains(c))))
        })
    };
    let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
    let refuse = |field: &str, why: &str| Err(format!("field `{field}` would be ignored: {why}"));
    let only = |allowed: &[&str], why: &str| -> Result<(), String> {
        match names.iter().find(|f| !allowed.contains(f)) {
            Some(f) => refuse(f, why),
            None => Ok(()),
        }
    };
    match kind {
        MentionType::None => return only(&[], "a NONE rule is a guard, it produces no expression; remove its fields"),
        MentionType::Set => {
            return only(
                &["every", "amount", "weekday", "mod", "month", "day", "season"],
                "a SET's value is made of `every`, `amount` and, for a weekly set, `weekday` (XXXX-WXX-5), or of the `month`, `day` or `season` that recurs every year (XXXX-03-21, XXXX-SU); say the rest in its `doc`",
            )
        }
        MentionType::Duration => {
            if !set("unit") && !set("reference") {
                return Err("a DURATION rule needs `unit` (S MIN H D W M Q Y DE CE): without it no expression is produced".into());
            }
            if !set("reference") {
                only(
                    &["amount", "amount_min", "amount_max", "unit", "mod", "event", "event_gap", "last_of_event"],
                    "a DURATION's value is made of `amount` (or `amount_min`/`amount_max`) and `unit`, with `mod` and `event`",
                )?;
            }
        }
        MentionType::Date | MentionType::Time => {
            for f in ["every", "amount", "amount_min", "amount_max"] {
                if set(f) {
                    return refuse(f, "it acts on DURATION and SET rules only");
                }
            }
            if set("unit") && !set("year") && !set("nth") {
                return refuse("unit", "on a DATE or TIME rule `unit` only names the decade (DE) or century (CE) of its `year`, or with `nth` a week (W), and this rule sets neither `year` nor `nth`");
            }
        }
    }
    if always("reference") {
        if let Some(f) = names.iter().find(|f| !matches!(**f, "reference" | "mod")) {
            return refuse(f, "`reference` (PRESENT_REF…) is the whole value; only `mod` goes with it");
        }
    }
    // A shift captured from a day word beside a written date («اليوم الخميس 25 أبريل») states how
    // that date relates to the publication day (publication inference reads it); a literal shift
    // beside a written date can only mean "move the date", which the resolver does not do.
    let literal = |name: &str| fields.iter().any(|(f, t)| f == name && t.parts.iter().all(|p| matches!(p, TemplatePart::Literal(_))));
    if literal("shift") {
        if let Some(f) = ["year", "month", "date"].into_iter().find(|f| always(f)) {
            return refuse(
                "shift",
                &format!(
                    "the rule always sets `{f}`, and the written date wins over a shift (an «eve of Eid» rule would give Eid itself); moving a written date needs support in crates/tarikh-anchor/src/resolve.rs, which does not exist yet"
                ),
            );
        }
    }
    if set("minute") && !set("hour") {
        return refuse("minute", "a minute needs `hour`");
    }
    if set("weekday_after") && !(set("day") || set("date") || set("easter")) {
        return refuse("weekday_after", "it counts weekdays from a day, and this rule names none (set `day` and `month`, `date` or `easter`)");
    }
    for f in ["hijri_year", "hijri_month", "hijri_day"] {
        if set(f) && !(set("day") && set("month")) {
            return refuse(f, "the Hijri side of a paired date is checked against a Gregorian day, and this rule sets no `day` and `month`");
        }
    }
    if always("event_gap") || always("last_of_event") {
        if let Some(f) = ["year", "month", "day", "date", "weekday", "shift"].into_iter().find(|f| set(f)) {
            return refuse(f, "with `event_gap` or `last_of_event` the date comes from the event named after the match");
        }
    }
    Ok(())
}

/// The `*.toml` files under `dir` (recursively), read: `(path, text)`.
fn read_dir_sources(dir: &Path) -> Result<Vec<(PathBuf, String)>, GrammarError> {
    let mut files = Vec::new();
    collect_toml(dir, &mut files).map_err(|e| GrammarError { path: dir.to_path_buf(), line: None, message: format!("cannot read the grammar directory: {e}") })?;
    if files.is_empty() {
        return Err(GrammarError { path: dir.to_path_buf(), line: None, message: "no `.toml` grammar files found here; point --grammar at a directory like data/grammar/ar".into() });
    }
    let mut sources = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| GrammarError { path: f.clone(), line: None, message: format!("cannot read the file as UTF-8 text: {e}") })?;
        sources.push((f, text));
    }
    Ok(sources)
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            collect_toml(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Expand `{lexicon}` and `{lexicon:capture}` placeholders, normalise the Arabic, and turn spaces into `\s+`.
fn expand_pattern(
    pattern: &str,
    lexicons: &[Lexicon],
    index: &HashMap<String, usize>,
) -> Result<(String, HashMap<String, usize>), String> {
    expand_with(pattern, lexicons, index, |li, cap| match cap {
        None => format!("(?:{})", lexicons[li].alternation),
        Some(cap) => format!("(?P<{cap}>{})", lexicons[li].alternation),
    })
}

/// [`expand_pattern`], writing lexicon `li` with capture `cap` (`None` for `{lexicon:_}`) as `render` says.
fn expand_with(
    pattern: &str,
    lexicons: &[Lexicon],
    index: &HashMap<String, usize>,
    mut render: impl FnMut(usize, Option<&str>) -> String,
) -> Result<(String, HashMap<String, usize>), String> {
    let mut out = String::new();
    let mut captures: HashMap<String, usize> = HashMap::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        // `{` followed by a digit is a regex repetition like \d{1,2}: keep it.
        let inner_end = after.find('}').ok_or_else(|| format!("unclosed `{{` in pattern `{pattern}`"))?;
        let inner = &after[1..inner_end];
        out.push_str(&literal_part(before));
        if inner.chars().next().is_some_and(|c| c.is_ascii_digit()) || inner.starts_with(',') {
            out.push_str(&after[..=inner_end]);
        } else {
            let (lex, cap) = match inner.split_once(':') {
                Some((l, c)) => (l.trim(), c.trim()),
                None => (inner.trim(), inner.trim()),
            };
            let li = *index.get(lex).ok_or_else(|| {
                let mut known: Vec<&str> = lexicons.iter().map(|l| l.name.as_str()).collect();
                known.sort();
                format!("unknown lexicon `{lex}` in `{{{inner}}}`; known lexicons: {}", known.join(", "))
            })?;
            if cap == "_" {
                out.push_str(&render(li, None));
            } else {
                if !cap.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || cap.starts_with('_') {
                    return Err(format!("capture name `{cap}` must be ASCII letters, digits and `_` and must not start with `_`"));
                }
                if captures.insert(cap.to_string(), li).is_some() {
                    return Err(format!("capture `{cap}` is used twice; name the second one, e.g. `{{{lex}:{cap}2}}`, or write `{{{lex}:_}}` to match without capturing"));
                }
                out.push_str(&render(li, Some(cap)));
            }
        }
        rest = &after[inner_end + 1..];
    }
    out.push_str(&literal_part(rest));
    Ok((out, captures))
}

/// The first of the private-use code points that stand for the lexicons in a pattern skeleton
/// (see [`parse_body`]); plane 15, which no grammar text uses.
const SKELETON_BASE: u32 = 0xF0000;

/// Each lexicon's alternation parsed once, when a rule first uses it (empty before that);
/// `None` when it cannot stand in a skeleton (it holds a capture group or does not parse alone).
type LexiconHirs = Vec<std::sync::OnceLock<Option<regex_syntax::hir::Hir>>>;

/// The body of a rule (`pattern` with its placeholders expanded: `body`), parsed. Parsing every
/// body whole parsed the large lexicon alternations (month names, number words…) once per use,
/// a quarter of the loading time; instead the pattern is parsed with one private-use character
/// standing for each placeholder, and each lexicon's parse (done once) is put in its place. The
/// result is the very `Hir` a parse of `body` gives (the test `skeleton_parse_is_the_whole_parse`
/// checks it for every rule of the embedded grammar); whenever the shortcut does not apply it
/// parses `body` whole, so that a syntax error reads as before (the error is regex-syntax's text).
fn parse_body(pattern: &str, body: &str, lexicons: &[Lexicon], index: &HashMap<String, usize>, cache: &mut LexiconHirs) -> Result<regex_syntax::hir::Hir, String> {
    match parse_skeleton(pattern, lexicons, index, cache) {
        Some(hir) => Ok(hir),
        None => regex_syntax::Parser::new().parse(body).map_err(|e| syntax_problem(body, &e)),
    }
}

/// The skeleton parse of [`parse_body`], or `None` when it does not apply.
fn parse_skeleton(pattern: &str, lexicons: &[Lexicon], index: &HashMap<String, usize>, cache: &mut LexiconHirs) -> Option<regex_syntax::hir::Hir> {
    cache.resize_with(lexicons.len(), std::sync::OnceLock::new);
    let mut lexicon = |li: usize| -> Option<regex_syntax::hir::Hir> { cache[li].get_or_init(|| lexicon_hir(&lexicons[li])).clone() };
    skeleton_hir(pattern, &|skeleton| skeleton.to_string(), lexicons, index, &mut lexicon, false)
}

/// A lexicon's alternation parsed, for a skeleton; `None` when it holds a capture group or does
/// not parse alone.
fn lexicon_hir(lexicon: &Lexicon) -> Option<regex_syntax::hir::Hir> {
    let hir = regex_syntax::Parser::new().parse(&format!("(?:{})", lexicon.alternation)).ok()?;
    (hir.properties().explicit_captures_len() == 0).then_some(hir)
}

/// A rule's full pattern (boundary, proclitics, body: see [`Rule::pattern`]) parsed through the
/// skeleton of its source pattern, with the lexicons parsed at load time: the very `Hir` a parse
/// of the full pattern gives (the test `full_skeleton_parse_is_the_whole_parse` checks it), for a
/// fraction of the cost (the lexicon alternations are not parsed again). `None` when the
/// skeleton does not apply.
#[cfg(test)]
fn parse_full_skeleton(source: &str, lexicons: &[Lexicon], index: &HashMap<String, usize>, cache: &LexiconHirs) -> Option<regex_syntax::hir::Hir> {
    parse_skeleton_with(source, &full_pattern, lexicons, index, cache)
}

/// The skeleton parse of `source` wrapped as `wrap` says, with the lexicons of `grammar` parsed
/// at load time; `None` when it does not apply.
#[cfg(test)]
fn parse_cached_skeleton(source: &str, wrap: &dyn Fn(&str) -> String, grammar: &Grammar) -> Option<regex_syntax::hir::Hir> {
    parse_skeleton_with(source, wrap, &grammar.lexicons, &grammar.lexicon_index, &grammar.lexicon_hirs)
}

fn parse_skeleton_with(source: &str, wrap: &dyn Fn(&str) -> String, lexicons: &[Lexicon], index: &HashMap<String, usize>, cache: &LexiconHirs) -> Option<regex_syntax::hir::Hir> {
    let mut lexicon = |li: usize| -> Option<regex_syntax::hir::Hir> {
        match cache.get(li) {
            Some(parsed) => parsed.get_or_init(|| lexicon_hir(&lexicons[li])).clone(),
            None => lexicon_hir(&lexicons[li]),
        }
    };
    skeleton_hir(source, wrap, lexicons, index, &mut lexicon, false)
}

/// A rule's full pattern parsed as [`parse_full_skeleton`] does, with its word alternations as
/// tries ([`crate::word_trie`]) for its capture engines: the skeleton's own alternations made
/// tries before the lexicons go in, and each lexicon's trie made once per grammar and copied in.
/// (Making the tries of each rule's whole pattern copied every lexicon's alternation into the
/// rule, then walked and hashed it to find its trie: +20 M instructions for a one-phrase
/// `tarikh parse`.) The same language and groups as the pattern as written, with the same
/// leftmost-first preferences (see word_trie.rs); `None` when the skeleton does not apply.
#[cfg(test)]
fn parse_full_skeleton_as_tries(source: &str, grammar: &Grammar) -> Option<regex_syntax::hir::Hir> {
    parse_skeleton_as_tries(source, &full_pattern, grammar)
}

/// [`parse_full_skeleton_as_tries`] with the skeleton wrapped as `wrap` says (a context's side).
fn parse_skeleton_as_tries(source: &str, wrap: &dyn Fn(&str) -> String, grammar: &Grammar) -> Option<regex_syntax::hir::Hir> {
    let mut lexicon = |li: usize| lexicon_trie(grammar, li);
    skeleton_hir(source, wrap, &grammar.lexicons, &grammar.lexicon_index, &mut lexicon, true)
}

/// Lexicon `li` of `grammar` with its words as a trie (made once per grammar), for a skeleton.
fn lexicon_trie(grammar: &Grammar, li: usize) -> Option<regex_syntax::hir::Hir> {
    let trie = || {
        let hir = grammar.lexicon_hirs.get(li).map_or_else(|| lexicon_hir(&grammar.lexicons[li]), |parsed| parsed.get_or_init(|| lexicon_hir(&grammar.lexicons[li])).clone())?;
        Some(crate::word_trie::factor_word_alternations(&hir).unwrap_or(hir))
    };
    match grammar.lexicon_tries.get(li) {
        Some(cached) => cached.get_or_init(trie).clone(),
        None => trie(),
    }
}

/// A rule's proclitics and body, as the all-rules automaton searches them (see
/// [`crate::multi::search_pattern`]).
fn search_wrap(body: &str) -> String {
    format!("(?P<_clitic>[وف]?[بلك]?)(?P<_body>{body})")
}

/// A rule's full pattern around its expanded body: a match starts at the text's start or after
/// a non-word character, then the optional proclitics (conjunction, then preposition), and ends
/// where a word ends (see `Grammar::build`).
fn full_pattern(body: &str) -> String {
    format!(r"(?:^|[^{WORD_CHARS}])(?P<_clitic>[وف]?[بلك]?)(?P<_body>{body})(?:$|[^{WORD_CHARS}])")
}

/// A pattern parsed with one private-use character (in a group of its own) standing for each
/// lexicon placeholder (see [`parse_body`]), before the lexicons are put in by [`fill_skeleton`].
#[derive(Debug, Clone)]
pub(crate) struct Skeleton {
    hir: regex_syntax::hir::Hir,
    /// How many placeholders the pattern has: each must be found as a group of its own.
    placeholders: usize,
}

/// The skeleton parse of `pattern` (wrapped as `wrap` says), with `lexicon` giving each
/// lexicon's parse; `None` when it does not apply.
fn skeleton_hir(
    pattern: &str,
    wrap: &dyn Fn(&str) -> String,
    lexicons: &[Lexicon],
    index: &HashMap<String, usize>,
    lexicon: &mut dyn FnMut(usize) -> Option<regex_syntax::hir::Hir>,
    tries: bool,
) -> Option<regex_syntax::hir::Hir> {
    fill_skeleton(&skeleton_parts(pattern, wrap, lexicons, index, tries)?, lexicons.len(), lexicon)
}

/// `pattern` (wrapped as `wrap` says) parsed with a stand-in for each lexicon placeholder, its own
/// word alternations made tries when `tries` says; `None` when the skeleton does not apply (a
/// stand-in's code point is written in the pattern).
fn skeleton_parts(pattern: &str, wrap: &dyn Fn(&str) -> String, lexicons: &[Lexicon], index: &HashMap<String, usize>, tries: bool) -> Option<Skeleton> {
    let last = SKELETON_BASE + u32::try_from(lexicons.len()).ok()?;
    if last > 0xFFFFD || pattern.chars().any(|c| (SKELETON_BASE..=last).contains(&u32::from(c))) {
        return None;
    }
    let stand_in = |li: usize| char::from_u32(SKELETON_BASE + li as u32).expect("a plane-15 code point");
    // A group around each stand-in keeps it a node of its own (not merged with the letters around it).
    let mut placeholders = 0;
    let (skeleton, _) = expand_with(pattern, lexicons, index, |li, cap| {
        placeholders += 1;
        match cap {
            None => format!("({})", stand_in(li)),
            Some(cap) => format!("(?P<{cap}>{})", stand_in(li)),
        }
    })
    .ok()?;
    let hir = regex_syntax::Parser::new().parse(&wrap(&skeleton)).ok()?;
    // The skeleton's own word alternations as tries: a stand-in's group is no word, so no trie
    // reaches into a lexicon (which `lexicon` gives as a trie of its own).
    let hir = match tries {
        true => crate::word_trie::factor_word_alternations(&hir).unwrap_or(hir),
        false => hir,
    };
    Some(Skeleton { hir, placeholders })
}

/// `skeleton` (of a grammar with `lexicons` lexicons) with `lexicon` giving each lexicon's parse
/// in its stand-in's place; `None` when a lexicon cannot stand there, or a placeholder was not a
/// group of its own.
fn fill_skeleton(skeleton: &Skeleton, lexicons: usize, lexicon: &mut dyn FnMut(usize) -> Option<regex_syntax::hir::Hir>) -> Option<regex_syntax::hir::Hir> {
    let last = SKELETON_BASE + u32::try_from(lexicons).ok()?;
    let (mut next_group, mut replaced) = (1, 0);
    let hir = substitute(&skeleton.hir, SKELETON_BASE..=last, lexicon, &mut next_group, &mut replaced)?;
    // A placeholder that is not a group of its own in the skeleton (written inside a class, or
    // after a backslash) was not replaced: the skeleton then means something else.
    (replaced == skeleton.placeholders).then_some(hir)
}

/// `hir` with each group around a lexicon's stand-in replaced by the lexicon (inside the group
/// when it is named; counted in `replaced`), and the capture groups numbered again in order (the
/// stand-ins' unnamed groups are gone). `None` when a lexicon cannot stand in a skeleton.
fn substitute(
    hir: &regex_syntax::hir::Hir,
    stand_ins: std::ops::RangeInclusive<u32>,
    lexicon: &mut dyn FnMut(usize) -> Option<regex_syntax::hir::Hir>,
    next_group: &mut u32,
    replaced: &mut usize,
) -> Option<regex_syntax::hir::Hir> {
    use regex_syntax::hir::{Hir, HirKind};
    let stand_in = |h: &Hir| -> Option<usize> {
        let HirKind::Literal(lit) = h.kind() else { return None };
        let mut chars = std::str::from_utf8(&lit.0).ok()?.chars();
        let c = u32::from(chars.next()?);
        (chars.next().is_none() && stand_ins.contains(&c)).then(|| (c - stand_ins.start()) as usize)
    };
    let mut all = |v: &[Hir], next_group: &mut u32, replaced: &mut usize| -> Option<Vec<Hir>> { v.iter().map(|h| substitute(h, stand_ins.clone(), lexicon, next_group, replaced)).collect() };
    Some(match hir.kind() {
        HirKind::Capture(c) => match (stand_in(&c.sub), &c.name) {
            (Some(li), None) => {
                *replaced += 1;
                lexicon(li)?
            }
            (Some(li), Some(_)) => {
                *replaced += 1;
                let index = *next_group;
                *next_group += 1;
                Hir::capture(regex_syntax::hir::Capture { index, name: c.name.clone(), sub: Box::new(lexicon(li)?) })
            }
            (None, _) => {
                let index = *next_group;
                *next_group += 1;
                let sub = substitute(&c.sub, stand_ins.clone(), lexicon, next_group, replaced)?;
                Hir::capture(regex_syntax::hir::Capture { index, name: c.name.clone(), sub: Box::new(sub) })
            }
        },
        HirKind::Repetition(r) => {
            let sub = substitute(&r.sub, stand_ins, lexicon, next_group, replaced)?;
            Hir::repetition(regex_syntax::hir::Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(sub) })
        }
        HirKind::Concat(v) => Hir::concat(all(v, next_group, replaced)?),
        HirKind::Alternation(v) => Hir::alternation(all(v, next_group, replaced)?),
        _ => hir.clone(),
    })
}

/// Normalise the Arabic of a literal pattern piece and let a space match any run of spaces.
fn literal_part(s: &str) -> String {
    let norm = tarikh_text::normalise(s);
    let mut out = String::with_capacity(norm.len());
    let mut chars = norm.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == ' ' {
            while chars.peek() == Some(&' ') {
                chars.next();
            }
            // " ?" (an optional space) and " *" allow no space at all; a plain space needs one or more.
            if matches!(chars.peek(), Some('?') | Some('*')) {
                chars.next();
                out.push_str(r"\s*");
            } else {
                out.push_str(r"\s+");
            }
        } else {
            out.push(ch);
        }
    }
    out
}

fn parse_template(t: &str) -> Result<Template, String> {
    let mut parts = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(TemplatePart::Literal(rest[..open].to_string()));
        }
        let close = rest[open..].find('}').ok_or_else(|| format!("unclosed `{{` in `{t}`"))? + open;
        parts.push(TemplatePart::Capture(rest[open + 1..close].trim().to_string()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(TemplatePart::Literal(rest.to_string()));
    }
    Ok(Template { parts })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue prefilter lets every cue word through to the plain look-up, and tells every other
    /// word what the plain look-up tells: no cue.
    #[test]
    fn the_cue_prefilter_answers_as_the_plain_lookup() {
        let grammar = Grammar::embedded().expect("grammar");
        assert!(grammar.cues.len() > 100, "the embedded grammar lists its cue words");
        for (word, direction) in &grammar.cues {
            assert_eq!(grammar.cue(word), Some(*direction), "{word}");
        }
        // other words: the word tables', every cue word with a letter more or less or with a
        // proclitic, and words of other scripts, short ones and none
        let mut others: Vec<String> = grammar.word_tables().flat_map(|t| t.words.iter().cloned()).collect();
        for word in grammar.cues.keys() {
            others.extend([format!("و{word}"), format!("{word}ه"), format!("ال{word}"), word.chars().skip(1).collect(), word.chars().take(word.chars().count() - 1).collect()]);
        }
        others.extend(["", "a", "ab", "abcd", "2024", "ت", "في", "يوم", "الخميس", "المدينه", "مدرسه", "اجتماع", "β"].map(String::from));
        let mut rejected = 0;
        for word in &others {
            assert_eq!(grammar.cue(word), grammar.cues.get(word.as_str()).copied(), "{word}");
            let key = cue_key(word);
            rejected += usize::from(grammar.cue_keys[key / 64] & (1 << (key % 64)) == 0);
        }
        // (and it does turn most of them away)
        assert!(rejected * 2 > others.len(), "{rejected} of {}", others.len());
    }

    #[test]
    fn skeleton_parse_is_the_whole_parse() {
        // Every rule body of the embedded grammar parses through its skeleton (no fallback) to the
        // very Hir the whole body parses to, so the prefilter and the load-time checks see the same.
        let g = Grammar::embedded().unwrap();
        let index: HashMap<String, usize> = g.lexicons.iter().enumerate().map(|(i, l)| (l.name.clone(), i)).collect();
        let mut cache = LexiconHirs::new();
        let mut checked = 0;
        for (path, text) in crate::embedded::FILES {
            let file: FileDef = toml::from_str(text).unwrap();
            for rule in file.rule {
                let rule = rule.into_inner();
                let (body, _) = expand_pattern(rule.pattern.get_ref(), &g.lexicons, &index).unwrap();
                let whole = regex_syntax::Parser::new().parse(&body).unwrap();
                let skeleton = parse_skeleton(rule.pattern.get_ref(), &g.lexicons, &index, &mut cache).unwrap_or_else(|| panic!("{path}: rule `{}` fell back to the whole parse", rule.name));
                assert_eq!(skeleton, whole, "{path}: rule `{}`", rule.name);
                checked += 1;
            }
        }
        assert_eq!(checked, g.rules.len());
    }

    #[test]
    fn the_anchored_pattern_is_the_full_skeleton_parse() {
        // A rule's anchored engine is built from the boundaries put around its search skeleton
        // (parsed once, for the all-rules automaton too): the very Hir of its full skeleton parse.
        let g = Grammar::embedded().unwrap();
        let mut same = 0;
        for rule in &g.rules {
            let full = parse_full_skeleton_as_tries(&rule.source, &g);
            assert_eq!(rule.anchored_hir(&g), full, "rule `{}`", rule.name);
            same += usize::from(full.is_some());
        }
        assert!(same * 10 > g.rules.len() * 9, "{same}");
    }

    #[test]
    fn full_skeleton_parse_is_the_whole_parse() {
        // The anchored engine of every rule of the embedded grammar is built from its skeleton
        // (no fallback), the very Hir its full pattern parses to: the same automaton.
        let g = Grammar::embedded().unwrap();
        for rule in &g.rules {
            let whole = regex_syntax::Parser::new().parse(&rule.pattern).unwrap();
            let skeleton = parse_full_skeleton(&rule.source, &g.lexicons, &g.lexicon_index, &g.lexicon_hirs).unwrap_or_else(|| panic!("rule `{}` fell back to the whole parse", rule.name));
            assert_eq!(skeleton, whole, "rule `{}`", rule.name);
        }
    }

    #[test]
    fn a_grammar_from_the_analysis_cache_finds_what_a_compiled_one_finds() {
        let dir = std::env::temp_dir().join(format!("tarikh-grammar-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = crate::AnalysisCache::new(&dir);
        let mut warnings = Vec::new();
        let _written = Grammar::embedded_cached(Some(&cache), &mut |w| warnings.push(w)).unwrap();
        let cached = Grammar::embedded_cached(Some(&cache), &mut |w| warnings.push(w)).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        // The files came from the cache, not their TOML, and read back as they were written.
        let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
        let mut sources: Vec<(PathBuf, String)> = crate::embedded::FILES.iter().map(|(p, t)| (PathBuf::from(format!("data/grammar/ar/{p}")), t.to_string())).collect();
        sources.sort_by(|a, b| a.0.cmp(&b.0));
        let analysis = crate::cache::read(&file, &sources.iter().collect::<Vec<_>>()).unwrap();
        assert!(file_defs::decode(&analysis.files, sources.len()).is_some(), "the cache keeps the files as read");
        let from_toml = Grammar::embedded().unwrap();
        assert!(cached.examples.converted.get().is_none(), "examples converted on first use");
        assert_eq!(cached.examples(), from_toml.examples());
        assert_eq!(cached.negatives, from_toml.negatives);
        assert_eq!(cached.daily_cues, from_toml.daily_cues);
        assert_eq!(cached.word_tables, from_toml.word_tables);
        assert_eq!(format!("{:?}", cached.cues.iter().collect::<BTreeMap<_, _>>()), format!("{:?}", from_toml.cues.iter().collect::<BTreeMap<_, _>>()));
        let summary = |g: &Grammar| {
            let lexicons: Vec<String> = g.lexicons.iter().map(|l| format!("{} {} {} {} {:?} {:?} {}", l.name, l.alternation, l.digits, l.compose_sum, l.min, l.words.iter().collect::<BTreeMap<_, _>>(), l.doc)).collect();
            let rules: Vec<String> = g.rules.iter().map(|r| format!("{} {:?} {} {} {:?} {} {} {} {}", r.name, r.kind, r.pattern, r.source, r.fields.iter().map(|(n, t)| format!("{n}={t}")).collect::<Vec<_>>(), r.priority, r.origin, r.body, r.doc)).collect();
            let contexts: Vec<String> = g.contexts.iter().map(|c| format!("{} {:?} {:?} {:?} {:?} {} {:?} {} {}", c.name, c.types, [&c.left, &c.right].map(|s| s.as_ref().map(|s| s.pattern.clone())), c.sources, c.fields.iter().map(|(n, t)| format!("{n}={t}")).collect::<Vec<_>>(), c.include, (c.needs_any.len(), c.needs_none.len()), c.origin, c.doc)).collect();
            let compositions: Vec<String> = g.compositions.iter().map(|c| format!("{} {} {:?} {} {}", c.name, c.between.pattern, c.kind, c.priority, c.origin)).collect();
            (lexicons, rules, contexts, compositions)
        };
        assert_eq!(summary(&cached), summary(&from_toml));
        // Read from the cache: nothing compiled yet, so every check for short texts is active.
        assert!(cached.contexts.iter().flat_map(|c| [&c.left, &c.right]).flatten().all(|r| r.compiled.get().is_none()));
        // The reference: every rule and context compiled, so no check is made.
        let compiled = Grammar::embedded().unwrap();
        for rule in &compiled.rules {
            let _ = rule.anchored(&compiled, true);
        }
        for side in compiled.contexts.iter().flat_map(|c| [&c.left, &c.right]).flatten() {
            let _ = side.capture_names().count();
        }
        for e in compiled.examples() {
            let text = tarikh_text::normalise(&e.text);
            assert_eq!(cached.find(&text), compiled.find(&text), "{}: «{}»", e.origin, e.text);
        }
        // A damaged cache file is reported, ignored and rewritten (the analysis file: the rules'
        // engine files written beside it are refused without a word, see automaton_cache.rs).
        let file = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.file_name().unwrap().to_string_lossy().matches('.').count() == 1).unwrap();
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 20;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).unwrap();
        let again = Grammar::embedded_cached(Some(&cache), &mut |w| warnings.push(w)).unwrap();
        assert!(warnings.len() == 1 && warnings[0].contains("ignoring the grammar analysis cache"), "{warnings:?}");
        assert_eq!(again.find("وصل مساء الجمعة 5 مايو 2017"), compiled.find("وصل مساء الجمعة 5 مايو 2017"));
        assert!(crate::cache::read(&file, &again_sources()).is_ok(), "rewritten");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The embedded grammar's sources, sorted as the cache stores them.
    fn again_sources() -> Vec<&'static (PathBuf, String)> {
        static SOURCES: std::sync::OnceLock<Vec<(PathBuf, String)>> = std::sync::OnceLock::new();
        let sources = SOURCES.get_or_init(|| {
            let mut v: Vec<(PathBuf, String)> = crate::embedded::FILES.iter().map(|(p, t)| (PathBuf::from(format!("data/grammar/ar/{p}")), t.to_string())).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        });
        sources.iter().collect()
    }

    #[test]
    fn a_stand_in_outside_a_group_falls_back_to_the_whole_parse() {
        let g = Grammar::embedded().unwrap();
        let index: HashMap<String, usize> = g.lexicons.iter().enumerate().map(|(i, l)| (l.name.clone(), i)).collect();
        // A placeholder inside a class or after a backslash is not a group of its own: the whole
        // body is parsed.
        assert!(parse_skeleton("[{month:_}]", &g.lexicons, &index, &mut LexiconHirs::new()).is_none());
        assert!(parse_skeleton(r"\{month:_}", &g.lexicons, &index, &mut LexiconHirs::new()).is_none());
        assert!(parse_skeleton("يوم {weekday}", &g.lexicons, &index, &mut LexiconHirs::new()).is_some());
    }
}
