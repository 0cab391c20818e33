//! Writing a run's files into the output folder: the CSV tables, the picture, TimeML; atomically.

use crate::analysis::{extract_events_releasing, reconcile, Analysis};
use crate::process::DocOutcome;
use crate::records::{Tables, TABLES};
use anyhow::{Context, Result};
use std::path::Path;
use tarikh_events::EventLexicon;

/// Name of the hidden folder, inside `out`, where a run stages its files (followed by its process id).
const STAGING_PREFIX: &str = ".tarikh-tmp-";

/// Remove staging folders left by runs that were killed while writing (their process is gone), so
/// that interrupted runs do not pile up hidden copies of the output. A folder whose process still
/// runs is left alone: another run may be writing into the same `out`. Where the process table
/// cannot be read (no `/proc`), only this process's own folder is ever replaced.
fn remove_stale_staging(out: &Path) {
    let proc_table = Path::new("/proc/self").exists();
    let Ok(entries) = std::fs::read_dir(out) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(STAGING_PREFIX).and_then(|p| p.parse::<u32>().ok()) else { continue };
        let alive = !proc_table || Path::new("/proc").join(pid.to_string()).exists();
        if !alive && pid != std::process::id() {
            std::fs::remove_dir_all(entry.path()).ok();
        }
    }
}

/// Write every output file into `out`, atomically: files are written to a temporary folder first
/// and moved into place only when all of them are complete. Warnings about documents (metadata
/// problems, a publication day of last resort, documents that could not be read) go to stderr.
/// Once their events are found, the documents' normalised texts and offset maps are released
/// ([`extract_events_releasing`]): nothing after the events stage reads them, and a large run would
/// otherwise hold all of them until its files are written. Returns a one-line summary.
pub fn write_all(out: &Path, outcomes: &mut [DocOutcome], lexicon: &EventLexicon, excel: bool) -> Result<String> {
    let events = extract_events_releasing(outcomes, lexicon);
    let outcomes: &[DocOutcome] = outcomes;
    let analysis = reconcile(outcomes, events);
    for o in outcomes {
        match o {
            DocOutcome::Done(d, warning) => {
                if let Some(w) = warning {
                    eprintln!("warning: {w}");
                }
                if d.publication.basis == tarikh_anchor::PublicationBasis::Default {
                    eprintln!("warning: {}: no publication date in metadata or text; using {} (basis `default`). Add it to docs.csv.", d.id, d.publication.date);
                }
            }
            DocOutcome::Failed { id, reason } => eprintln!("error: {id}: {reason}"),
        }
    }
    write_analysis(out, outcomes, &analysis, excel)
}

/// Write every output file of an analysed run into `out`, atomically, without printing anything
/// (the warnings are in `documents.csv`'s `status`): what [`write_all`] does after the analysis,
/// for callers that hold the analysis already (the Python module). Returns a one-line summary.
pub fn write_analysis(out: &Path, outcomes: &[DocOutcome], analysis: &Analysis<'_>, excel: bool) -> Result<String> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create the output folder `{}`", out.display()))?;
    remove_stale_staging(out);
    let tmp = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).ok();
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create `{}`", tmp.display()))?;

    let tables = Tables::new(outcomes, analysis);
    let failed = outcomes.iter().filter(|o| matches!(o, DocOutcome::Failed { .. })).count();
    for name in TABLES {
        let path = tmp.join(format!("{name}.csv"));
        std::fs::write(&path, tables.csv(name, excel)?).with_context(|| format!("cannot write `{}`", path.display()))?;
    }

    let svg = crate::svg::render(&analysis.timeline);
    std::fs::write(tmp.join("timeline.svg"), &svg).context("cannot write timeline.svg")?;
    std::fs::write(tmp.join("timeline.html"), crate::svg::render_html(&svg)).context("cannot write timeline.html")?;

    // timeml/<doc>.tml, one per document (file names made safe and unique).
    let timeml_dir = tmp.join("timeml");
    std::fs::create_dir_all(&timeml_dir).with_context(|| format!("cannot create `{}`", timeml_dir.display()))?;
    let mut used = std::collections::BTreeSet::new();
    for (d, ev) in analysis.docs.iter().zip(&analysis.events) {
        let stem = crate::timeml::file_stem(&d.id);
        let mut name = format!("{stem}.tml");
        let mut k = 2;
        while !used.insert(name.to_lowercase()) {
            name = format!("{stem}_{k}.tml");
            k += 1;
        }
        std::fs::write(timeml_dir.join(&name), crate::timeml::render(d, ev)).with_context(|| format!("cannot write timeml/{name}"))?;
    }

    let names = ["documents.csv", "timex.csv", "event_mentions.csv", "timeline.csv", "relations.csv", "conflicts.csv", "timeline.svg", "timeline.html"];
    for name in names {
        std::fs::rename(tmp.join(name), out.join(name)).with_context(|| format!("cannot move `{name}` into `{}`", out.display()))?;
    }
    // A folder cannot be renamed over a non-empty one: move the old one aside first.
    let old_timeml = tmp.join("timeml.old");
    if out.join("timeml").exists() {
        std::fs::rename(out.join("timeml"), &old_timeml).with_context(|| format!("cannot replace `{}`", out.join("timeml").display()))?;
    }
    std::fs::rename(&timeml_dir, out.join("timeml")).with_context(|| format!("cannot move `timeml` into `{}`", out.display()))?;
    std::fs::remove_dir_all(&tmp).ok();
    Ok(format!(
        "tarikh: {} documents ({} failed), {} temporal expressions, {} event mentions, {} timeline events, {} relations, {} conflicts → {}",
        outcomes.len(),
        failed,
        analysis.docs.iter().map(|d| d.timexes.len()).sum::<usize>(),
        analysis.events.iter().map(|e| e.mentions.len()).sum::<usize>(),
        analysis.timeline.events.len(),
        analysis.timeline.relations.len(),
        analysis.timeline.conflicts.len(),
        out.display()
    ))
}

