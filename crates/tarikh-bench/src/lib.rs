//! Shared inputs for tarikh's benchmarks (`make bench`): generated articles, anchored documents,
//! and the generated corpus folders under `target/bench-corpus/`.
//!
//! Central decision: every benchmark input comes from `tarikh-corpusgen` with a fixed seed, so a
//! figure in BENCHMARKS.md can be reproduced byte for byte on another machine.
#![deny(missing_docs)]

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use tarikh_anchor::{anchor_document, AnchoredDocument, Prefer, PublicationHint};
use tarikh_grammar::Grammar;

/// The seed of every benchmark input.
pub const SEED: u64 = 7;

/// Generated articles (text and publication day) totalling at least `bytes` bytes.
pub fn articles(bytes: usize) -> Vec<(String, Option<NaiveDate>)> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < bytes {
        let a = tarikh_corpusgen::article(SEED, i);
        total += a.text.len();
        out.push((a.text, NaiveDate::parse_from_str(&a.published_at, "%Y-%m-%d").ok()));
        i += 1;
    }
    out
}

/// Total bytes of some articles.
pub fn total_bytes(articles: &[(String, Option<NaiveDate>)]) -> u64 {
    articles.iter().map(|(t, _)| t.len() as u64).sum()
}

/// The hint `tarikh run` gives a document with this publication day.
pub fn hint(date: Option<NaiveDate>) -> PublicationHint {
    PublicationHint {
        date,
        time: None,
        timezone: chrono_tz::Europe::Paris,
        fallback: None,
        inferred: None,
    }
}

/// Anchor one article as `tarikh run` does.
pub fn anchor(grammar: &Grammar, i: usize, text: &str, date: Option<NaiveDate>) -> AnchoredDocument {
    anchor_document(grammar, &format!("a{i:06}"), text.to_string(), &hint(date), Prefer::NearestLeaningPast)
}

/// The workspace's `target` folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// The generated corpus folder of `bytes` bytes (`target/bench-corpus/<size>`), written on first
/// use (a `.done` stamp records seed and size, as `tarikh-corpusgen corpus` does).
pub fn corpus(label: &str, bytes: u64) -> std::io::Result<PathBuf> {
    let dir = target_dir().join("bench-corpus").join(label);
    let stamp = dir.join(".done");
    let want = format!("seed={SEED} size={bytes}\n");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == want) {
        return Ok(dir);
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    tarikh_corpusgen::write_corpus(&dir, SEED, bytes)?;
    std::fs::write(&stamp, want)?;
    Ok(dir)
}
