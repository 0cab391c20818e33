//! Scoring runs of the pipeline: the adapter from a run to the scorer's input, and suites of
//! stories (a development corpus of real news, the seeds, the invented stories) scored per story,
//! pooled and per country.

use crate::analysis::analyse;
use crate::corpus::{read_corpus, InputDoc};
use crate::process::{process_all, DocOutcome, Settings};
use anyhow::{bail, Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tarikh_eval::{Gold, PublicationDetail, StoryScores, SuiteReport, SystemOutput};
use tarikh_events::EventLexicon;

/// What the pipeline produced, in the form the scorer reads.
pub fn system_output(outcomes: &[DocOutcome], lexicon: &EventLexicon) -> SystemOutput {
    use tarikh_eval::*;
    let analysis = analyse(outcomes, lexicon);
    let mut out = SystemOutput::default();
    for d in &analysis.docs {
        for t in &d.timexes {
            out.timexes.push(SystemTimex { doc: d.id.clone(), start: t.start, end: t.end, kind: t.kind.as_str().into(), value: t.value.clone() });
        }
    }
    for e in &analysis.timeline.events {
        out.events.push(SystemEvent {
            id: e.id.clone(),
            event_type: e.event_type.clone(),
            earliest_start: e.earliest_start,
            latest_start: e.latest_start,
            earliest_end: e.earliest_end,
            latest_end: e.latest_end,
            evidence: e.mentions.iter().map(|(d, s, en)| SpanRef::new(d.clone(), *s, *en)).collect(),
        });
    }
    for r in &analysis.timeline.relations {
        out.relations.push(SystemRelation { source: r.source_event.clone(), relation: r.relation.clone(), target: r.target_event.clone(), doc: r.doc.clone(), start: r.start, end: r.end });
    }
    for c in &analysis.timeline.conflicts {
        out.conflicts.push(SystemConflict { id: c.id.clone(), kind: c.kind.clone(), evidence: c.evidence.iter().map(|(d, s, e, _)| SpanRef::new(&**d, *s, *e)).collect() });
    }
    out
}

/// A story to score: a folder of articles and the gold written for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySource {
    /// Its name in reports (the story folder's name).
    pub name: String,
    /// The collection it was found in (the path given), for pooling.
    pub collection: String,
    /// The articles (`*.txt` and `docs.csv`).
    pub corpus: PathBuf,
    /// The gold (`timex.jsonl`, optionally `events.csv`, `relations.csv`, `conflicts.csv`).
    pub gold: PathBuf,
    /// Written by the team (a file named `INVENTED` in the story folder): scored, but never pooled
    /// with real news.
    pub invented: bool,
}

impl StorySource {
    /// A corpus folder and a gold folder given separately (the seeds' layout).
    pub fn pair(name: &str, corpus: &Path, gold: &Path) -> StorySource {
        StorySource { name: name.into(), collection: name.into(), corpus: corpus.into(), gold: gold.into(), invented: false }
    }
}

/// The stories under `path`: the folder itself when it holds `corpus/` and `gold/`, otherwise each
/// of its subfolders that does (sorted by name).
pub fn discover(path: &Path) -> Result<Vec<StorySource>> {
    let story = |dir: &Path, collection: &str| StorySource {
        name: dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        collection: collection.to_string(),
        corpus: dir.join("corpus"),
        gold: dir.join("gold"),
        invented: dir.join("INVENTED").exists(),
    };
    let is_story = |dir: &Path| dir.join("corpus").is_dir() && dir.join("gold").is_dir();
    if !path.is_dir() {
        bail!("`{}` is not a folder; give a story folder (with corpus/ and gold/) or a folder of stories", path.display());
    }
    let label = path.display().to_string();
    if is_story(path) {
        let parent = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
        return Ok(vec![story(path, &parent)]);
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("cannot list `{}`", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_story(p))
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        bail!("`{}` holds no story: a story is a folder with `corpus/` (articles and docs.csv) and `gold/` (timex.jsonl)", path.display());
    }
    Ok(dirs.iter().map(|d| story(d, &label)).collect())
}

/// How a suite is run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SuiteOptions {
    /// Withhold every document's metadata (publication date, zone, country): the pipeline infers
    /// the dates, and the report says how many it got within a day.
    pub withhold_metadata: bool,
    /// Run every story's documents together in one folder (as a user with a mixed archive would),
    /// then score each story on its own documents.
    pub mixed: bool,
}

struct LoadedStory {
    source: StorySource,
    gold: Gold,
    docs: Vec<InputDoc>,
    /// Metadata publication day of each document, kept when it is withheld.
    truth: BTreeMap<String, chrono::NaiveDate>,
    countries: BTreeMap<String, String>,
}

fn load_story(source: &StorySource, options: SuiteOptions) -> Result<LoadedStory> {
    let gold = Gold::load(&source.gold).with_context(|| format!("story `{}`: reading its gold", source.name))?;
    let mut docs = read_corpus(&source.corpus, None).with_context(|| format!("story `{}`: reading its corpus", source.name))?;
    let truth = docs.iter().filter_map(|d| d.published.map(|p| (d.id.clone(), p))).collect();
    let countries = docs.iter().map(|d| (d.id.clone(), d.country.clone().unwrap_or_default())).collect();
    if options.withhold_metadata {
        for d in &mut docs {
            d.published = None;
            d.published_time = None;
            d.timezone = None;
            d.country = None;
        }
    }
    Ok(LoadedStory { source: source.clone(), gold, docs, truth, countries })
}

fn publication_details(story: &LoadedStory, outcomes: &[&DocOutcome]) -> Vec<PublicationDetail> {
    let mut out = Vec::new();
    for o in outcomes {
        let DocOutcome::Done(d, _) = o else { continue };
        let Some(gold) = story.truth.get(&d.id) else { continue };
        let basis = d.publication.basis.as_str().to_string();
        let inferred = (d.publication.basis == tarikh_anchor::PublicationBasis::Inferred).then_some(d.publication.date);
        out.push(PublicationDetail {
            doc: d.id.clone(),
            gold: gold.format("%Y-%m-%d").to_string(),
            inferred: inferred.map(|p| p.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            basis,
            days_off: inferred.map(|p| (p - *gold).num_days()),
        });
    }
    out
}

/// The part of a (mixed) run's output that concerns the documents `docs`; returns it with the
/// number of its events whose evidence also reaches documents outside `docs`.
fn restrict(system: &SystemOutput, docs: &BTreeSet<String>) -> (SystemOutput, usize) {
    let mut out = SystemOutput { timexes: system.timexes.iter().filter(|t| docs.contains(&t.doc)).cloned().collect(), ..Default::default() };
    let mut mixing = 0;
    for e in &system.events {
        let inside = e.evidence.iter().filter(|s| docs.contains(&s.doc)).count();
        if inside == 0 {
            continue;
        }
        if inside < e.evidence.len() {
            mixing += 1;
        }
        out.events.push(e.clone());
    }
    let kept: BTreeSet<&str> = out.events.iter().map(|e| e.id.as_str()).collect();
    out.relations = system.relations.iter().filter(|r| docs.contains(&r.doc) && kept.contains(r.source.as_str()) && kept.contains(r.target.as_str())).cloned().collect();
    out.conflicts = system.conflicts.iter().filter(|c| c.evidence.iter().any(|s| docs.contains(&s.doc))).cloned().collect();
    (out, mixing)
}

/// Runs the pipeline on each story (or on all of them together when `options.mixed`) and scores
/// it against its gold. `real` tells which collections hold real news nobody here wrote.
pub fn evaluate_suite(settings: &Settings, lexicon: &EventLexicon, sources: &[StorySource], options: SuiteOptions, real: &dyn Fn(&str) -> bool) -> Result<SuiteReport> {
    let stories: Vec<LoadedStory> = sources.iter().map(|s| load_story(s, options)).collect::<Result<_>>()?;
    let mut scores = Vec::new();
    let mut grouping = None;
    if options.mixed {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for s in &stories {
            for d in &s.docs {
                if let Some(other) = seen.insert(&d.id, &s.source.name) {
                    bail!("document id `{}` is in two stories (`{other}` and `{}`): a mixed run needs ids unique across stories", d.id, s.source.name);
                }
            }
        }
        let all: Vec<InputDoc> = stories.iter().flat_map(|s| s.docs.iter().cloned()).collect();
        let outcomes = process_all(settings, &all);
        grouping = Some(grouping_score(&stories, &outcomes));
        let system = system_output(&outcomes, lexicon);
        for s in &stories {
            let ids: BTreeSet<String> = s.docs.iter().map(|d| d.id.clone()).collect();
            let (mine, mixing) = restrict(&system, &ids);
            let own: Vec<&DocOutcome> = outcomes.iter().filter(|o| outcome_id(o).is_some_and(|id| ids.contains(id))).collect();
            scores.push(story_scores(s, &mine, &own, options, mixing));
        }
    } else {
        for s in &stories {
            let outcomes = process_all(settings, &s.docs);
            let system = system_output(&outcomes, lexicon);
            let own: Vec<&DocOutcome> = outcomes.iter().collect();
            scores.push(story_scores(s, &system, &own, options, 0));
        }
    }
    let mut report = SuiteReport::new(scores, real, options.withhold_metadata, options.mixed);
    report.grouping = grouping;
    Ok(report)
}

/// How the stories the pipeline found in a mixed run compare with the story folders.
fn grouping_score(stories: &[LoadedStory], outcomes: &[DocOutcome]) -> tarikh_eval::GroupingScore {
    let folder: BTreeMap<&str, &str> = stories.iter().flat_map(|s| s.docs.iter().map(move |d| (d.id.as_str(), s.source.name.as_str()))).collect();
    let mut found = Vec::new();
    let mut labels = Vec::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for o in outcomes {
        let DocOutcome::Done(d, _) = o else { continue };
        let Some(f) = folder.get(d.id.as_str()) else { continue };
        let next = ids.len();
        found.push(*ids.entry(d.story.as_str()).or_insert(next));
        labels.push(*f);
    }
    let (purity, inverse) = tarikh_stories::purity(&found, &labels);
    let docs = found.len();
    tarikh_eval::GroupingScore {
        docs,
        folders: labels.iter().collect::<BTreeSet<_>>().len(),
        stories: ids.len(),
        pure_docs: (purity * docs as f64).round() as usize,
        whole_docs: (inverse * docs as f64).round() as usize,
    }
}

fn outcome_id(o: &DocOutcome) -> Option<&str> {
    match o {
        DocOutcome::Done(d, _) => Some(&d.id),
        DocOutcome::Failed { id, .. } => Some(id),
    }
}

fn story_scores(s: &LoadedStory, system: &SystemOutput, outcomes: &[&DocOutcome], options: SuiteOptions, mixing: usize) -> StoryScores {
    let report = tarikh_eval::evaluate(&s.gold, system);
    StoryScores {
        name: s.source.name.clone(),
        collection: s.source.collection.clone(),
        invented: s.source.invented,
        docs: s.docs.len(),
        has_events: s.gold.has_events,
        doc_country: s.countries.clone(),
        publication: if options.withhold_metadata { publication_details(s, outcomes) } else { Vec::new() },
        cross_story_events: mixing,
        report,
    }
}
