//! Writing a run's files into the output folder: the CSV tables, the picture, TimeML; atomically.

use crate::analysis::analyse;
use crate::csvout::Table;
use crate::process::DocOutcome;
use crate::timefmt::{iso_duration, opt_iso};
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
/// and moved into place only when all of them are complete. Returns a one-line summary.
pub fn write_all(out: &Path, outcomes: &[DocOutcome], lexicon: &EventLexicon, excel: bool) -> Result<String> {
    let analysis = analyse(outcomes, lexicon);
    std::fs::create_dir_all(out).with_context(|| format!("cannot create the output folder `{}`", out.display()))?;
    remove_stale_staging(out);
    let tmp = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).ok();
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create `{}`", tmp.display()))?;

    // documents.csv
    let mut documents = Table::new(&["doc", "published_at", "basis", "chars", "timexes", "events", "timezone", "evidence", "status"]);
    let mut ai = 0;
    let mut failed = 0;
    for o in outcomes {
        match o {
            DocOutcome::Done(d, warning) => {
                let ev = &analysis.events[ai];
                ai += 1;
                if let Some(w) = warning {
                    eprintln!("warning: {w}");
                }
                if d.publication.basis == tarikh_anchor::PublicationBasis::Default {
                    eprintln!("warning: {}: no publication date in metadata or text; using {} (basis `default`). Add it to docs.csv.", d.id, d.publication.date);
                }
                documents.push(vec![
                    d.id.clone(),
                    d.publication.date.format("%Y-%m-%d").to_string(),
                    d.publication.basis.as_str().into(),
                    d.original.chars().count().to_string(),
                    d.timexes.len().to_string(),
                    ev.mentions.len().to_string(),
                    d.publication.timezone.name().into(),
                    d.publication.evidence.clone(),
                    warning.clone().map(|w| format!("ok; {w}")).unwrap_or_else(|| "ok".into()),
                ]);
            }
            DocOutcome::Failed { id, reason } => {
                failed += 1;
                eprintln!("error: {id}: {reason}");
                documents.push(vec![id.clone(), String::new(), String::new(), "0".into(), "0".into(), "0".into(), String::new(), String::new(), format!("error: {reason}")]);
            }
        }
    }
    documents.write(&tmp.join("documents.csv"), excel)?;

    // timex.csv
    let mut timex = Table::new(&["doc", "start", "end", "text", "type", "value", "anchor", "rule", "mod"]);
    for d in &analysis.docs {
        for t in &d.timexes {
            timex.push(vec![d.id.clone(), t.start.to_string(), t.end.to_string(), t.text.clone(), t.kind.as_str().into(), t.value.clone(), t.anchor.as_str().into(), t.rule.clone(), t.modifier.clone().unwrap_or_default()]);
        }
    }
    timex.write(&tmp.join("timex.csv"), excel)?;

    // event_mentions.csv
    let mut mentions = Table::new(&["doc", "start", "end", "trigger", "event_type", "time_value", "event_id"]);
    for (d, ev) in analysis.docs.iter().zip(&analysis.events) {
        for (mi, m) in ev.mentions.iter().enumerate() {
            let time_value = m.time.and_then(|ti| d.timexes.get(ti)).map(|t| t.value.clone()).unwrap_or_default();
            let event_id = analysis.timeline.event_of(&d.id, mi).unwrap_or_default().to_string();
            mentions.push(vec![d.id.clone(), m.start.to_string(), m.end.to_string(), m.trigger.clone(), m.event_type.clone(), time_value, event_id]);
        }
    }
    mentions.write(&tmp.join("event_mentions.csv"), excel)?;

    // timeline.csv
    let mut timeline = Table::new(&["event_id", "event_type", "label", "earliest_start", "latest_start", "earliest_end", "latest_end", "granularity", "docs", "mentions", "evidence", "status", "importance", "story"]);
    for e in &analysis.timeline.events {
        timeline.push(vec![
            e.id.clone(),
            e.event_type.clone(),
            e.label.clone(),
            opt_iso(&e.earliest_start),
            opt_iso(&e.latest_start),
            opt_iso(&e.earliest_end),
            opt_iso(&e.latest_end),
            e.granularity.clone(),
            e.docs.join(";"),
            e.mentions.len().to_string(),
            e.mentions.iter().map(|(d, s, en)| format!("{d}:{s}-{en}")).collect::<Vec<_>>().join(";"),
            e.status.clone(),
            e.importance.to_string(),
            e.story.clone(),
        ]);
    }
    timeline.write(&tmp.join("timeline.csv"), excel)?;

    // relations.csv
    let mut relations = Table::new(&["source_event", "relation", "target_event", "offset_min", "offset_max", "doc", "start", "end", "evidence", "story"]);
    for r in &analysis.timeline.relations {
        relations.push(vec![
            r.source_event.clone(),
            r.relation.clone(),
            r.target_event.clone(),
            r.offset_min_seconds.map(iso_duration).unwrap_or_default(),
            r.offset_max_seconds.map(iso_duration).unwrap_or_default(),
            r.doc.clone(),
            r.start.to_string(),
            r.end.to_string(),
            r.evidence_text.clone(),
            r.story.clone(),
        ]);
    }
    relations.write(&tmp.join("relations.csv"), excel)?;

    // conflicts.csv
    let mut conflicts = Table::new(&["conflict_id", "kind", "docs", "evidence", "resolution", "events", "story"]);
    for c in &analysis.timeline.conflicts {
        conflicts.push(vec![
            c.id.clone(),
            c.kind.clone(),
            c.docs.join(";"),
            c.evidence.iter().map(|(d, s, e, t)| format!("{d}:{s}-{e} «{t}»")).collect::<Vec<_>>().join(" | "),
            c.resolution.clone(),
            c.events.join(";"),
            c.story.clone(),
        ]);
    }
    conflicts.write(&tmp.join("conflicts.csv"), excel)?;

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

