//! The per-document stages, run in parallel, in input order.

use crate::corpus::InputDoc;
use chrono::NaiveDate;
use rayon::prelude::*;
use tarikh_anchor::{anchor_document, AnchoredDocument, Prefer, PublicationHint};
use tarikh_grammar::Grammar;

/// Settings shared by every document.
#[derive(Clone)]
pub struct Settings {
    /// The date grammar.
    pub grammar: Grammar,
    /// Zone for documents whose metadata gives none.
    pub timezone: chrono_tz::Tz,
    /// Day used when a document has no date in metadata or text.
    pub fallback: NaiveDate,
}

impl Settings {
    /// Settings with this grammar and default zone, and 2000-01-01 as the day of last resort.
    pub fn new(grammar: Grammar, timezone: chrono_tz::Tz) -> Settings {
        Settings { grammar, timezone, fallback: NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid day") }
    }
}

/// What became of one input document.
pub enum DocOutcome {
    /// Read and anchored.
    Done(Box<AnchoredDocument>, Option<String>),
    /// Could not be read; the reason names the file and place.
    Failed {
        /// Document id.
        id: String,
        /// Why, naming the file and place.
        reason: String,
    },
}

/// Largest document accepted, in bytes. A larger file is refused before it is read, and reported
/// (in `documents.csv` and on stderr) with its size and this limit, so the rest of the corpus is
/// still processed. Matching is linear in the text, but one document's analysis keeps about
/// 20 bytes per character in memory (under 400 MiB at this limit), and a news article is rarely over
/// 100 KB. A 200 MB file is refused at once, without being read.
pub const MAX_DOC_BYTES: usize = 16 * 1024 * 1024;

fn process_failed(doc: &InputDoc) -> DocOutcome {
    DocOutcome::Failed { id: doc.id.clone(), reason: doc.text.as_ref().err().cloned().unwrap_or_default() }
}

/// Anchor one document (its publication day from metadata, or inferred from its own text).
pub fn process_one(settings: &Settings, doc: &InputDoc) -> DocOutcome {
    process_checked(settings, doc, None)
}

/// Check a document is usable, then anchor it.
fn process_checked(settings: &Settings, doc: &InputDoc, inferred: Option<(NaiveDate, String)>) -> DocOutcome {
    let text = match &doc.text {
        Ok(t) => t,
        Err(_) => return process_failed(doc),
    };
    if text.len() > MAX_DOC_BYTES {
        return DocOutcome::Failed { id: doc.id.clone(), reason: crate::corpus::too_large(&doc.origin, text.len() as u64) };
    }
    if let Some(problem) = crate::corpus::binary_content(&doc.origin, text) {
        return DocOutcome::Failed { id: doc.id.clone(), reason: problem };
    }
    if text.trim().is_empty() {
        let empty = format!("`{}` is empty: there is nothing to tag", doc.origin);
        let warning = Some(match &doc.metadata_warning {
            Some(w) => format!("{w}; {empty}"),
            None => empty,
        });
        let doc = InputDoc { metadata_warning: warning, ..doc.clone() };
        return process_with(settings, &doc, inferred);
    }
    process_with(settings, doc, inferred)
}

/// Anchor one document, with a publication day inferred from the corpus when metadata gives none.
fn process_with(settings: &Settings, doc: &InputDoc, inferred: Option<(NaiveDate, String)>) -> DocOutcome {
    let Ok(text) = &doc.text else { return process_failed(doc) };
    let hint = PublicationHint { date: doc.published, time: doc.published_time, timezone: doc.timezone.unwrap_or(settings.timezone), fallback: settings.fallback, inferred };
    let anchored = anchor_document(&settings.grammar, &doc.id, text.clone(), &hint, Prefer::NearestLeaningPast);
    DocOutcome::Done(Box::new(anchored), doc.metadata_warning.clone())
}

/// Anchor every document in parallel; results keep the input order, so output is the same for any
/// number of threads.
pub fn process_all(settings: &Settings, docs: &[InputDoc]) -> Vec<DocOutcome> {
    process_all_observed(settings, docs, &|_, _| {})
}

/// [`process_all`], calling `observe(index, outcome)` as each document finishes (for progress
/// bars and per-document messages); the order of calls varies, the result does not.
pub fn process_all_observed(settings: &Settings, docs: &[InputDoc], observe: &(dyn Fn(usize, &DocOutcome) + Sync)) -> Vec<DocOutcome> {
    // Documents without a publication date get one inferred from the whole corpus first.
    let inferred: Vec<Option<(NaiveDate, String)>> = if docs.iter().any(|d| d.published.is_none() && d.text.is_ok()) {
        let normalised: Vec<Option<tarikh_text::Normalised>> = docs.par_iter().map(|d| d.text.as_ref().ok().filter(|t| t.len() <= MAX_DOC_BYTES).map(|t| tarikh_text::Normalised::new(t))).collect();
        let inputs: Vec<(usize, tarikh_anchor::InferenceInput<'_>)> = normalised
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.as_ref().map(|n| (i, tarikh_anchor::InferenceInput { normalised: n, known: docs[i].published })))
            .collect();
        let views: Vec<tarikh_anchor::InferenceInput<'_>> = inputs.iter().map(|(_, v)| tarikh_anchor::InferenceInput { normalised: v.normalised, known: v.known }).collect();
        let results = tarikh_anchor::infer_publications(&settings.grammar, &views);
        let mut out = vec![None; docs.len()];
        for ((i, _), r) in inputs.iter().zip(results) {
            out[*i] = r;
        }
        out
    } else {
        vec![None; docs.len()]
    };
    docs.par_iter()
        .zip(inferred.into_par_iter())
        .enumerate()
        .map(|(i, (d, inf))| {
            let outcome = process_checked(settings, d, inf);
            observe(i, &outcome);
            outcome
        })
        .collect()
}
