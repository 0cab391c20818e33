//! Writing a run's files into the output folder: the CSV tables, the picture, TimeML; atomically.

use crate::analysis::{extract_events_releasing, reconcile, Analysis};
use crate::process::DocOutcome;
use crate::records::{Tables, TABLES};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
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
/// [`crate::stream::run_to_folder`] writes the same files story by story, in bounded memory.
pub fn write_all(out: &Path, outcomes: &mut [DocOutcome], lexicon: &EventLexicon, excel: bool) -> Result<String> {
    let events = extract_events_releasing(outcomes, lexicon);
    let outcomes: &[DocOutcome] = outcomes;
    let analysis = reconcile(outcomes, events);
    for o in outcomes {
        for line in outcome_messages(o) {
            eprintln!("{line}");
        }
    }
    write_analysis(out, outcomes, &analysis, excel)
}

/// What `tarikh run` prints on stderr about one document: its metadata warning, a publication day
/// of last resort, or why it could not be read.
pub(crate) fn outcome_messages(outcome: &DocOutcome) -> Vec<String> {
    let mut lines = Vec::new();
    match outcome {
        DocOutcome::Done(_, warning) => {
            // (an unknown day or a --fallback-date is part of the warning: `anchor_one`)
            if let Some(w) = warning {
                lines.push(format!("warning: {w}"));
            }
        }
        DocOutcome::Failed { id, reason } => lines.push(format!("error: {id}: {reason}")),
    }
    lines
}

/// Write every output file of an analysed run into `out`, atomically, without printing anything
/// (the warnings are in `documents.csv`'s `status`): what [`write_all`] does after the analysis,
/// for callers that hold the analysis already (the Python module). Returns a one-line summary.
pub fn write_analysis(out: &Path, outcomes: &[DocOutcome], analysis: &Analysis<'_>, excel: bool) -> Result<String> {
    let tmp = staging(out)?;
    let tables = Tables::new(outcomes, analysis);
    let failed = outcomes.iter().filter(|o| matches!(o, DocOutcome::Failed { .. })).count();
    for name in TABLES {
        let path = tmp.join(format!("{name}.csv"));
        std::fs::write(&path, tables.csv(name, excel)?).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    let story_words: BTreeMap<String, Vec<String>> = analysis.docs.iter().map(|d| (d.story.clone(), d.story_words.clone())).collect();
    write_picture(&tmp, &analysis.timeline, &story_words)?;

    // timeml/<doc>.tml, one per document (file names made safe and unique).
    let timeml_dir = timeml_folder(&tmp)?;
    let names = timeml_names(analysis.docs.iter().map(|d| Some(d.id.as_str())));
    for ((d, ev), name) in analysis.docs.iter().zip(&analysis.events).zip(names.into_iter().flatten()) {
        std::fs::write(timeml_dir.join(&name), crate::timeml::render(d, ev)).with_context(|| format!("cannot write timeml/{name}"))?;
    }
    publish(&tmp, out)?;
    Ok(summary(&Counts {
        documents: outcomes.len(),
        failed,
        timexes: analysis.docs.iter().map(|d| d.timexes.len()).sum::<usize>(),
        mentions: analysis.events.iter().map(|e| e.mentions.len()).sum::<usize>(),
        events: analysis.timeline.events.len(),
        relations: analysis.timeline.relations.len(),
        conflicts: analysis.timeline.conflicts.len(),
    }, out))
}

/// What a run found, for its one-line summary.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    pub(crate) documents: usize,
    pub(crate) failed: usize,
    pub(crate) timexes: usize,
    pub(crate) mentions: usize,
    pub(crate) events: usize,
    pub(crate) relations: usize,
    pub(crate) conflicts: usize,
}

/// The one-line summary of a run written into `out`.
pub(crate) fn summary(c: &Counts, out: &Path) -> String {
    format!(
        "tarikh: {} documents ({} failed), {} temporal expressions, {} event mentions, {} timeline events, {} relations, {} conflicts → {}",
        c.documents,
        c.failed,
        c.timexes,
        c.mentions,
        c.events,
        c.relations,
        c.conflicts,
        out.display()
    )
}

/// `timeline.svg` and `timeline.html` of `timeline` into the staging folder `tmp`.
pub(crate) fn write_picture(tmp: &Path, timeline: &tarikh_timeline::Timeline, story_words: &BTreeMap<String, Vec<String>>) -> Result<()> {
    let svg = crate::svg::render_named(timeline, story_words);
    std::fs::write(tmp.join("timeline.svg"), &svg).context("cannot write timeline.svg")?;
    std::fs::write(tmp.join("timeline.html"), crate::svg::render_html(&svg)).context("cannot write timeline.html")?;
    Ok(())
}

/// The `timeml` folder of the staging folder `tmp`, created.
pub(crate) fn timeml_folder(tmp: &Path) -> Result<std::path::PathBuf> {
    let dir = tmp.join("timeml");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    Ok(dir)
}

/// A fresh staging folder inside `out` (created with `out`), where a run writes its files before
/// [`publish`] moves them into place.
pub(crate) fn staging(out: &Path) -> Result<std::path::PathBuf> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create the output folder `{}`", out.display()))?;
    remove_stale_staging(out);
    let tmp = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).ok();
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create `{}`", tmp.display()))?;
    Ok(tmp)
}

/// Move the complete files of the staging folder `tmp` (and its `timeml` folder) into `out`, then
/// remove `tmp`.
pub(crate) fn publish(tmp: &Path, out: &Path) -> Result<()> {
    let names = ["documents.csv", "timex.csv", "event_mentions.csv", "timeline.csv", "relations.csv", "conflicts.csv", "timeline.svg", "timeline.html"];
    for name in names {
        std::fs::rename(tmp.join(name), out.join(name)).with_context(|| format!("cannot move `{name}` into `{}`", out.display()))?;
    }
    // A folder cannot be renamed over a non-empty one: move the old one aside first.
    let old_timeml = tmp.join("timeml.old");
    if out.join("timeml").exists() {
        std::fs::rename(out.join("timeml"), &old_timeml).with_context(|| format!("cannot replace `{}`", out.join("timeml").display()))?;
    }
    std::fs::rename(tmp.join("timeml"), out.join("timeml")).with_context(|| format!("cannot move `timeml` into `{}`", out.display()))?;
    std::fs::remove_dir_all(tmp).ok();
    Ok(())
}

/// The TimeML file name of each document that was read (`None` for one that was not), in input
/// order: its id made safe, with `_2`, `_3` … when the name is taken already (ignoring case).
pub(crate) fn timeml_names<'a>(ids: impl IntoIterator<Item = Option<&'a str>>) -> Vec<Option<String>> {
    let mut used = std::collections::BTreeSet::new();
    ids.into_iter()
        .map(|id| {
            let stem = crate::timeml::file_stem(id?);
            let mut name = format!("{stem}.tml");
            let mut k = 2;
            while !used.insert(name.to_lowercase()) {
                name = format!("{stem}_{k}.tml");
                k += 1;
            }
            Some(name)
        })
        .collect()
}
