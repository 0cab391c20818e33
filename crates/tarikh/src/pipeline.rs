//! The per-document stages, run in parallel, in input order.

use crate::corpus::InputDoc;
use chrono::NaiveDate;
use rayon::prelude::*;
use tarikh_anchor::{anchor_document, AnchoredDocument, Prefer, PublicationHint};
use tarikh_grammar::Grammar;

/// Settings shared by every document.
pub struct Settings {
    /// The date grammar.
    pub grammar: Grammar,
    /// Zone for documents whose metadata gives none.
    pub timezone: chrono_tz::Tz,
    /// Day used when a document has no date in metadata or text.
    pub fallback: NaiveDate,
}

/// What became of one input document.
pub enum DocOutcome {
    /// Read and anchored.
    Done(Box<AnchoredDocument>, Option<String>),
    /// Could not be read; the reason names the file and place.
    Failed { id: String, reason: String },
}

/// Largest document accepted, in bytes (a larger one is reported, not processed).
pub const MAX_DOC_BYTES: usize = 256 * 1024 * 1024;

/// Anchor one document.
pub fn process_one(settings: &Settings, doc: &InputDoc) -> DocOutcome {
    let text = match &doc.text {
        Ok(t) => t,
        Err(reason) => return DocOutcome::Failed { id: doc.id.clone(), reason: reason.clone() },
    };
    if text.len() > MAX_DOC_BYTES {
        return DocOutcome::Failed { id: doc.id.clone(), reason: format!("`{}` is {} bytes, more than the {} byte limit for one document; split it", doc.origin, text.len(), MAX_DOC_BYTES) };
    }
    if text.contains('\0') {
        return DocOutcome::Failed { id: doc.id.clone(), reason: format!("`{}` contains NUL bytes: it looks like a binary file, not an article", doc.origin) };
    }
    let hint = PublicationHint { date: doc.published, time: doc.published_time, timezone: doc.timezone.unwrap_or(settings.timezone), fallback: settings.fallback };
    let anchored = anchor_document(&settings.grammar, &doc.id, text.clone(), &hint, Prefer::NearestLeaningPast);
    DocOutcome::Done(Box::new(anchored), doc.metadata_warning.clone())
}

/// Anchor every document in parallel; results keep the input order, so output is the same for any
/// number of threads.
pub fn process_all(settings: &Settings, docs: &[InputDoc]) -> Vec<DocOutcome> {
    docs.par_iter().map(|d| process_one(settings, d)).collect()
}
