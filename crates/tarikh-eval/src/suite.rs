//! Scores over many stories at once: per story, pooled per collection and over all real news, and
//! per country of the outlet.
//!
//! Pooled figures are micro-averages: the counts of every story are summed before the ratios are
//! taken, so a story with many expressions weighs more than a thin one (the TempEval-3 convention).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::report::{f1, ratio, Report};

/// How one document's publication date came out when the metadata was withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicationDetail {
    /// Document id.
    pub doc: String,
    /// The day the metadata gives (`YYYY-MM-DD`).
    pub gold: String,
    /// The day inferred (`YYYY-MM-DD`), empty when unknown.
    pub inferred: String,
    /// `inferred`, `default` or `unknown`.
    pub basis: String,
    /// Days between the two (absent when nothing was inferred).
    pub days_off: Option<i64>,
}

impl PublicationDetail {
    /// Inferred within one day of the metadata's day.
    pub fn within_a_day(&self) -> bool {
        self.basis == "inferred" && self.days_off.is_some_and(|d| d.abs() <= 1)
    }
}

/// One story's scores, with what the suite needs to pool them.
#[derive(Debug, Clone, Serialize)]
pub struct StoryScores {
    /// Story name (its folder).
    pub name: String,
    /// The collection it belongs to (the folder given on the command line).
    pub collection: String,
    /// Written by the team, so not evidence of generality (a file `INVENTED` in its folder).
    pub invented: bool,
    /// Number of documents.
    pub docs: usize,
    /// Whether the gold has timeline events.
    pub has_events: bool,
    /// Document id → country of its outlet (docs.csv `country`; may be empty).
    pub doc_country: BTreeMap<String, String>,
    /// Publication dates inferred with the metadata withheld (empty when dates were given).
    pub publication: Vec<PublicationDetail>,
    /// System events whose evidence spans documents of this story and of another (mixed runs).
    pub cross_story_events: usize,
    /// The full report.
    #[serde(skip)]
    pub report: Report,
}

/// Summed counts for a row of the suite table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Row label: a story, `pooled <collection>`, `country <name>`.
    pub label: String,
    /// Stories pooled in this row.
    pub stories: usize,
    /// Documents.
    pub docs: usize,
    /// Gold temporal expressions.
    pub timex_gold: usize,
    /// System temporal expressions.
    pub timex_system: usize,
    /// Strict span matches.
    pub timex_strict: usize,
    /// Relaxed span matches.
    pub timex_relaxed: usize,
    /// Relaxed matches with the gold value.
    pub timex_value: usize,
    /// Strict span F1.
    pub strict_f1: f64,
    /// Relaxed span F1.
    pub relaxed_f1: f64,
    /// Value F1 (TempEval-3: value correct over gold and over system).
    pub value_f1: f64,
    /// Gold timeline events (0 when no gold events).
    pub events_gold: usize,
    /// Gold events found.
    pub events_found: usize,
    /// Gold events with correct bounds.
    pub events_bounds: usize,
    /// Gold events touched by exactly one system event.
    pub events_one_to_one: usize,
    /// System timeline events (of stories with gold events).
    pub events_system: usize,
    /// System events touching a gold event.
    pub events_touching: usize,
    /// found / gold (None without gold events).
    pub events_found_ratio: Option<f64>,
    /// touching / system.
    pub events_precision: Option<f64>,
    /// one_to_one / gold.
    pub events_one_to_one_ratio: Option<f64>,
    /// Documents whose publication date was inferred (metadata withheld).
    pub publication_docs: usize,
    /// Of which within one day.
    pub publication_within_a_day: usize,
    /// within / docs (None when dates were given).
    pub publication_ratio: Option<f64>,
    /// System events mixing this row's stories with others (mixed runs).
    pub cross_story_events: usize,
}

impl Totals {
    fn new(label: impl Into<String>) -> Totals {
        Totals { label: label.into(), ..Default::default() }
    }

    fn add_timex(&mut self, gold: usize, system: usize, strict: usize, relaxed: usize, value: usize) {
        self.timex_gold += gold;
        self.timex_system += system;
        self.timex_strict += strict;
        self.timex_relaxed += relaxed;
        self.timex_value += value;
    }

    fn add_story(&mut self, s: &StoryScores) {
        self.stories += 1;
        self.docs += s.docs;
        let t = &s.report.timex;
        self.add_timex(t.strict.gold, t.strict.system, t.strict.correct, t.relaxed.correct, t.value.correct);
        if s.has_events {
            let e = &s.report.timeline.events;
            self.events_gold += e.gold;
            self.events_found += e.found;
            self.events_bounds += e.bounds_correct;
            self.events_one_to_one += e.one_to_one;
            self.events_system += e.system;
            self.events_touching += e.system_touching;
        }
        self.add_publication(&s.publication);
        self.cross_story_events += s.cross_story_events;
    }

    fn add_publication<'a>(&mut self, details: impl IntoIterator<Item = &'a PublicationDetail>) {
        for p in details {
            self.publication_docs += 1;
            self.publication_within_a_day += p.within_a_day() as usize;
        }
    }

    fn finish(mut self, any_events: bool) -> Totals {
        let prf = |correct: usize| {
            let p = ratio(correct, self.timex_system, if self.timex_gold == 0 { 1.0 } else { 0.0 });
            let r = ratio(correct, self.timex_gold, if self.timex_system == 0 { 1.0 } else { 0.0 });
            f1(p, r)
        };
        self.strict_f1 = prf(self.timex_strict);
        self.relaxed_f1 = prf(self.timex_relaxed);
        self.value_f1 = prf(self.timex_value);
        if any_events {
            self.events_found_ratio = Some(ratio(self.events_found, self.events_gold, 1.0));
            self.events_precision = Some(ratio(self.events_touching, self.events_system, 1.0));
            self.events_one_to_one_ratio = Some(ratio(self.events_one_to_one, self.events_gold, 1.0));
        }
        if self.publication_docs > 0 {
            self.publication_ratio = Some(ratio(self.publication_within_a_day, self.publication_docs, 1.0));
        }
        self
    }
}

/// The scores of a whole suite of stories.
#[derive(Debug, Clone, Serialize)]
pub struct SuiteReport {
    /// One row per story, in the order given.
    pub stories: Vec<Totals>,
    /// One row per collection (pooled over its stories).
    pub collections: Vec<Totals>,
    /// Pooled over every story that is not invented and not the seeds' development corpus
    /// (None when there is none).
    pub real_news: Option<Totals>,
    /// One row per outlet country, over every story that has countries in its metadata.
    pub countries: Vec<Totals>,
    /// Per story: the details kept for `--details` and JSON readers.
    pub details: Vec<StoryScores>,
    /// Whether publication dates were inferred (metadata withheld).
    pub publication_inferred: bool,
    /// Whether all stories ran together in one folder.
    pub mixed: bool,
    /// How well the grouping of a mixed folder into stories reproduced the story folders (set by
    /// the runner of a mixed suite; `None` otherwise).
    pub grouping: Option<GroupingScore>,
}

/// How the stories found in a mixed folder compare with the story folders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupingScore {
    /// Documents grouped.
    pub docs: usize,
    /// Story folders.
    pub folders: usize,
    /// Stories found.
    pub stories: usize,
    /// Documents whose story's majority folder is theirs (purity = this / docs).
    pub pure_docs: usize,
    /// Documents in their folder's largest story (inverse purity = this / docs).
    pub whole_docs: usize,
}

impl GroupingScore {
    /// Purity: the share of documents whose story's majority folder is theirs.
    pub fn purity(&self) -> f64 {
        ratio(self.pure_docs, self.docs, 1.0)
    }

    /// Inverse purity: the share of documents in their folder's largest story.
    pub fn inverse_purity(&self) -> f64 {
        ratio(self.whole_docs, self.docs, 1.0)
    }
}

impl SuiteReport {
    /// Pools the stories' scores. `real` says which collections hold real news nobody here wrote
    /// (their stories are pooled into [`SuiteReport::real_news`] unless marked invented).
    pub fn new(stories: Vec<StoryScores>, real: &dyn Fn(&str) -> bool, publication_inferred: bool, mixed: bool) -> SuiteReport {
        let rows = stories
            .iter()
            .map(|s| {
                let mut t = Totals::new(&s.name);
                t.add_story(s);
                t.finish(s.has_events)
            })
            .collect();
        let mut by_collection: BTreeMap<&str, (Totals, bool)> = BTreeMap::new();
        let mut order: Vec<&str> = Vec::new();
        for s in &stories {
            let entry = by_collection.entry(&s.collection).or_insert_with(|| {
                order.push(&s.collection);
                (Totals::new(format!("pooled {}", s.collection)), false)
            });
            entry.0.add_story(s);
            entry.1 |= s.has_events;
        }
        let collections = order
            .iter()
            .filter_map(|c| by_collection.remove(c))
            .filter(|(t, _)| t.stories > 1)
            .map(|(t, ev)| t.finish(ev))
            .collect();
        let real_stories: Vec<&StoryScores> = stories.iter().filter(|s| !s.invented && real(&s.collection)).collect();
        let real_news = (!real_stories.is_empty()).then(|| {
            let mut t = Totals::new("pooled real news");
            for s in &real_stories {
                t.add_story(s);
            }
            t.finish(real_stories.iter().any(|s| s.has_events))
        });
        let mut by_country: BTreeMap<String, Totals> = BTreeMap::new();
        for s in &stories {
            let t = &s.report.timex;
            for d in &t.per_doc {
                let Some(country) = s.doc_country.get(&d.doc).filter(|c| !c.is_empty()) else { continue };
                let row = by_country.entry(country.clone()).or_insert_with(|| Totals::new(format!("country {country}")));
                row.add_timex(d.strict.gold, d.strict.system, d.strict.correct, d.relaxed.correct, d.value.correct);
            }
            for (doc, country) in &s.doc_country {
                if country.is_empty() {
                    continue;
                }
                let row = by_country.entry(country.clone()).or_insert_with(|| Totals::new(format!("country {country}")));
                row.docs += 1;
                row.add_publication(s.publication.iter().filter(|p| &p.doc == doc));
            }
        }
        let countries = by_country.into_values().map(|t| t.finish(false)).collect();
        SuiteReport { stories: rows, collections, real_news, countries, details: stories, publication_inferred, mixed, grouping: None }
    }

    /// The table `tarikh eval` prints for a suite.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<40} {:>4} {:>5} {:>5}  {:>6} {:>7} {:>6}   {:>7} {:>5} {:>5} {:>5}{}",
            "story",
            "docs",
            "gold",
            "sys",
            "strict",
            "relaxed",
            "value",
            "events",
            "prec",
            "1:1",
            "rows",
            if self.publication_inferred { "   pub.dates ±1d" } else { "" }
        );
        let line = |s: &mut String, t: &Totals| {
            let events = match (t.events_found_ratio, t.events_precision, t.events_one_to_one_ratio) {
                (Some(_), Some(p), Some(o)) => format!("{:>7} {:>5.2} {:>5.2} {:>5}", format!("{}/{}", t.events_found, t.events_gold), p, o, t.events_system),
                _ => format!("{:>7} {:>5} {:>5} {:>5}", "-", "", "", ""),
            };
            let publication = t.publication_ratio.map(|_| format!("   {:>3}/{:<3}", t.publication_within_a_day, t.publication_docs)).unwrap_or_default();
            let cross = if t.cross_story_events > 0 { format!("   {} events mix stories", t.cross_story_events) } else { String::new() };
            let _ = writeln!(
                s,
                "{:<40} {:>4} {:>5} {:>5}  {:>6.3} {:>7.3} {:>6.3}   {events}{publication}{cross}",
                truncate(&t.label, 40),
                t.docs,
                t.timex_gold,
                t.timex_system,
                t.strict_f1,
                t.relaxed_f1,
                t.value_f1
            );
        };
        for (t, d) in self.stories.iter().zip(&self.details) {
            let mut t = t.clone();
            if d.invented {
                t.label = format!("{} (invented)", t.label);
            }
            line(&mut s, &t);
        }
        if !self.collections.is_empty() || self.real_news.is_some() {
            let _ = writeln!(s);
        }
        for t in &self.collections {
            line(&mut s, t);
        }
        if let Some(t) = &self.real_news {
            // Said once when one collection is all the real news.
            let same = |c: &Totals| c.stories == t.stories && c.docs == t.docs && c.timex_gold == t.timex_gold;
            if !self.collections.iter().any(same) {
                line(&mut s, t);
            }
        }
        if !self.countries.is_empty() {
            let _ = writeln!(s);
            for t in &self.countries {
                line(&mut s, t);
            }
        }
        if let Some(g) = &self.grouping {
            let _ = writeln!(
                s,
                "\nstories found in the mixed folder: {} for {} story folders, purity {:.3} ({}/{} documents), inverse purity {:.3} ({}/{})",
                g.stories,
                g.folders,
                g.purity(),
                g.pure_docs,
                g.docs,
                g.inverse_purity(),
                g.whole_docs,
                g.docs
            );
        }
        let _ = writeln!(
            s,
            "\nvalue = TempEval-3 value F1 (relaxed span match, then the value; a clock time's zone suffix is ignored); events: gold events found / gold, prec = share of timeline rows that touch a gold event, 1:1 = share of gold events on exactly one row, rows = timeline rows{}{}",
            if self.publication_inferred { "; pub.dates = publication dates inferred within one day with the metadata withheld" } else { "" },
            if self.mixed { "; all stories ran together in one folder" } else { "" }
        );
        s
    }

    /// `--details`: each story's misses, then the publication dates.
    pub fn details_text(&self) -> String {
        let mut s = String::new();
        for d in &self.details {
            let _ = writeln!(s, "\n######## {} ({})\n{}", d.name, d.collection, d.report.to_text());
            s.push_str(&d.report.details_text());
            if !d.publication.is_empty() {
                let _ = writeln!(s, "== publication dates (metadata withheld)");
                for p in &d.publication {
                    let _ = writeln!(
                        s,
                        "  {:<6} {:<4} gold {}  inferred {:<10} ({}{})",
                        p.doc,
                        if p.within_a_day() { "ok" } else { "MISS" },
                        p.gold,
                        if p.inferred.is_empty() { "-" } else { &p.inferred },
                        p.basis,
                        p.days_off.map(|d| format!(", {d:+} days")).unwrap_or_default()
                    );
                }
            }
        }
        s
    }

    /// JSON: the tables, and per story its scores (and with `details`, its misses).
    pub fn to_json(&self, details: bool) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let Some(arr) = v.get_mut("details").and_then(|d| d.as_array_mut()) {
            for (item, story) in arr.iter_mut().zip(&self.details) {
                let report = if details { story.report.to_json() } else { serde_json::json!({ "timex": story.report.timex.summary_json(), "timeline": story.report.timeline }) };
                item["report"] = report;
            }
        }
        v
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
