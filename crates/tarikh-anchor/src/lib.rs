//! Anchoring: from temporal mentions to TIMEX3 values a careful reader would give.
//!
//! Central decision: every value is computed against an explicit reference — the publication date
//! (given in metadata or inferred from the text, and reported as which), a date the narrative set up
//! earlier, or another event — never against the machine's clock. Bare weekdays and months take the
//! direction that the clause's tense implies (perfect/كان/قد → past; سـ/سوف/المقرر → future), else the
//! nearest occurrence; الماضي/المقبل decide outright. Every value records its anchor.
//!
//! ```
//! use tarikh_anchor::{parse_phrase, Prefer, Reference};
//! let grammar = tarikh_grammar::Grammar::embedded().unwrap();
//! let r = Reference { date: chrono::NaiveDate::from_ymd_opt(2017, 5, 6).unwrap(), time: None, tz: chrono_tz::Europe::Paris };
//! let t = parse_phrase(&grammar, "مساء الجمعة", r, Prefer::Nearest).unwrap();
//! assert_eq!(t.value, "2017-05-05TEV");
//! ```
#![deny(missing_docs)]

pub mod calendar;
mod clock;
mod document;
mod explain;
mod governor;
mod perfect;
mod publication;
mod resolve;
mod since;
mod sighting;
mod trace;
mod types;

pub use document::{anchor_document, anchor_prepared, infer_publication, parse_phrase, parse_phrase_all, parse_phrase_answer, resolve_from_anchor_event, PublicationHint};
pub use explain::{explain_phrase, ExplainedExpression, PhraseExplanation};
pub use publication::{infer_publications, infer_publications_explained, named_days, Inference, InferenceInput};
pub use resolve::{weekday_name, Prefer, Reference};
pub use trace::{Step, StepKind};
pub use types::*;
pub use governor::WORD_TABLES as GOVERNOR_WORD_TABLES;
