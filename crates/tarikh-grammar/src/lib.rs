//! The Arabic date grammar, as data.
//!
//! Central decision: the grammar is not code. Lexicons (weekdays, every family of month names, parts
//! of day, units, number words…) and rules (regex patterns over *normalised* text that refer to
//! lexicons by name, plus the semantic fields they produce) live in TOML files under
//! `data/grammar/ar/`, each with example phrases that `make test` runs. A linguist extends the
//! grammar by editing a file; a broken file fails at load time with its path, line and reason.
//!
//! Matching is linear in the input: every rule is a `regex` (finite automata, no backtracking), a
//! `RegexSet` skips rules that cannot match, and overlapping candidates are settled longest-first.
//!
//! ```
//! let grammar = tarikh_grammar::Grammar::embedded().unwrap();
//! let text = tarikh_text::normalise("وصل مساء الجمعة 5 مايو/أيار 2017");
//! let found = grammar.find(&text);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].semantics.day, Some(5));
//! ```
#![deny(missing_docs)]

mod anchored;
mod automaton_cache;
mod cache;
mod compose;
mod context;
mod coordinated;
mod error;
mod explain;
mod fnv;
mod fields;
mod load;
mod matcher;
mod multi;
mod prefilter;
mod range_members;
mod right_contexts;
mod semantics;
mod spread;
mod word_trie;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use cache::{AnalysisCache, CacheWarning};
pub use error::GrammarError;
pub use explain::{Candidate, CaptureTrace, ContextTrace, FieldTrace, LexiconHit, Loss, MatchExplanation, Outcome, PartialMatch, Source, WordNote};
pub use fields::{fields_markdown, FieldDoc, FIELDS};
pub use load::{Example, ExampleOwner, Grammar, Negative, WordTable, WordTableExample, EXAMPLE_KEYS};
pub use matcher::Mention;
pub use semantics::{Anaphora, Calendar, Church, Direction, MentionType, PartOfDay, RangeMember, Semantics, Unit};
pub use spread::{DateSpread, MIN_SEASONS, MIN_YEARS};
