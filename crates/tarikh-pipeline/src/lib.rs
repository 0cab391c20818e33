//! The tarikh pipeline as a library: documents in; anchored documents, events, the reconciled
//! timeline and the output files out.
//!
//! The command-line tool, the Python module and the Spark job are thin layers over this crate, so
//! all three give the same answers. The central decision: per-document work ([`process`]) is a
//! pure function of the document, the grammar and the settings, run in parallel with results kept in
//! input order; only reconciliation ([`analysis`]) looks across documents. Output is therefore
//! byte-identical for any number of threads.
//!
//! ```no_run
//! use tarikh_pipeline::{corpus, process, write};
//! # fn main() -> anyhow::Result<()> {
//! let settings = process::Settings::new(tarikh_pipeline::load_grammar(None)?);
//! let lexicon = tarikh_pipeline::load_events(None)?;
//! let docs = corpus::read_corpus(std::path::Path::new("data/corpus"), None)?;
//! let mut outcomes = process::process_all(&settings, &docs);
//! let summary = write::write_all(std::path::Path::new("out"), &mut outcomes, &lexicon, false)?;
//! println!("{summary}");
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod corpus;
pub mod csvout;
pub mod evaluation;
pub mod process;
pub mod records;
pub mod stream;
pub mod svg;
pub mod timefmt;
pub mod timeml;
pub mod write;

use anyhow::{Context, Result};
use std::path::Path;
use tarikh_events::EventLexicon;
use tarikh_grammar::Grammar;
pub use tarikh_grammar::{AnalysisCache, CacheWarning};

/// The date grammar in `dir`, or the built-in one when `dir` is `None`. It is analysed in full
/// (nothing read from or written to disk): deterministic and free of side effects. Where start-up
/// matters, [`load_grammar_cached`] keeps the analysis between runs.
pub fn load_grammar(dir: Option<&Path>) -> Result<Grammar> {
    Ok(match dir {
        Some(dir) => Grammar::load_dir(dir)?,
        None => Grammar::embedded().context("the built-in grammar does not load; rebuild tarikh")?,
    })
}

/// [`load_grammar`], with the grammar's analysis read from `cache` when it holds one for these
/// grammar files and this build of tarikh, and written there otherwise (see
/// [`tarikh_grammar::AnalysisCache`]; [`AnalysisCache::from_env`] names the one the CLI uses,
/// `TARIKH_CACHE_DIR`, `off` for none). The grammar matches exactly as an uncached one; loading
/// takes a fraction of the time. `warn` hears of a cache file that was broken or out of date
/// (analysed again and rewritten) or could not be written; loading goes on either way. With
/// `cache` `None` this is [`load_grammar`].
pub fn load_grammar_cached(dir: Option<&Path>, cache: Option<&AnalysisCache>, warn: &mut dyn FnMut(CacheWarning)) -> Result<Grammar> {
    Ok(match dir {
        Some(dir) => Grammar::load_dir_cached(dir, cache, warn)?,
        None => Grammar::embedded_cached(cache, warn).context("the built-in grammar does not load; rebuild tarikh")?,
    })
}

/// The gazetteer (places and their zones) in `dir`, or the built-in one when `dir` is `None`.
pub fn load_places(dir: Option<&Path>) -> Result<tarikh_places::Gazetteer> {
    Ok(match dir {
        Some(dir) => tarikh_places::Gazetteer::load_dir(dir)?,
        None => tarikh_places::Gazetteer::embedded().context("the built-in gazetteer does not load; rebuild tarikh")?,
    })
}

/// The event lexicon in `dir`, or the built-in one when `dir` is `None`.
pub fn load_events(dir: Option<&Path>) -> Result<EventLexicon> {
    Ok(match dir {
        Some(dir) => EventLexicon::load_dir(dir).map_err(|e| anyhow::anyhow!("{e}"))?,
        None => EventLexicon::embedded().map_err(|e| anyhow::anyhow!("the built-in event lexicon does not load: {e}"))?,
    })
}
