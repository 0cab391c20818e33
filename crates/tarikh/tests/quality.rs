//! Quality floors on every story with gold: the seeds, the invented story in data/stories, and the
//! real news of ../shared/stories (read in place, never copied here).
//!
//! `tarikh eval --format json` scores them; each figure must stay at or above the floor in
//! `tests/quality_floors.toml` (counts, so that one expression mis-valued or one event lost
//! fails), and each ceiling (false alarms, timeline rows, events that mix stories) must not be
//! passed. Three runs: each story alone with its metadata; each alone with the metadata withheld
//! (publication dates inferred); all stories mixed in one folder with the metadata withheld (and
//! there, `[mixed."grouping"]`: the documents the stories found keep with their own folder).
//!
//! The grammar's own guards are floors here too (`[grammar."ar"]`): how many examples, rules and
//! must-not-match phrases the built-in grammar has, so that an example removed fails as surely as
//! an example whose value is changed.
//!
//! A clone without ../shared skips the real-news floors and says so; CI sets
//! `TARIKH_REQUIRE_SHARED=1`, which turns that skip into a failure.
//! `TARIKH_WRITE_FLOORS=1 cargo test --release -p tarikh --test quality` rewrites the floors file
//! with the figures reached (after an improvement; review the diff before committing it).

mod common;

use common::{require_shared, root, shared_stories, tarikh};
use std::collections::BTreeMap;

/// The eval runs: (section of the floors file, extra arguments).
const RUNS: &[(&str, &[&str])] = &[("story", &[]), ("inferred", &["--docs", "none"]), ("mixed", &["--docs", "none", "--mixed"])];

/// Figures of one story (or pooled row) as a flat map `metric → count`.
fn figures(row: &serde_json::Value, detail: Option<&serde_json::Value>) -> BTreeMap<String, i64> {
    let n = |k: &str| row[k].as_i64().unwrap_or(0);
    let mut f = BTreeMap::new();
    f.insert("timex_strict".into(), n("timex_strict"));
    f.insert("timex_relaxed".into(), n("timex_relaxed"));
    f.insert("timex_value".into(), n("timex_value"));
    f.insert("timex_false_alarms".into(), n("timex_system") - n("timex_relaxed"));
    if row["events_found_ratio"].is_number() {
        f.insert("events_found".into(), n("events_found"));
        f.insert("events_bounds".into(), n("events_bounds"));
        f.insert("events_touching".into(), n("events_touching"));
        f.insert("events_rows".into(), n("events_system"));
        f.insert("events_one_to_one".into(), n("events_one_to_one"));
    }
    if row["publication_ratio"].is_number() {
        f.insert("publication_within_a_day".into(), n("publication_within_a_day"));
    }
    f.insert("cross_story_events".into(), n("cross_story_events"));
    if let Some(t) = detail.map(|d| &d["report"]["timeline"]) {
        if t["relations"]["prf"]["gold"].as_i64().unwrap_or(0) > 0 {
            f.insert("relations_found".into(), t["relations"]["prf"]["correct"].as_i64().unwrap_or(0));
            f.insert("relations_false_alarms".into(), t["relations"]["prf"]["system"].as_i64().unwrap_or(0) - t["relations"]["system_matched"].as_i64().unwrap_or(0));
        }
        if t["conflicts"]["gold"].as_i64().unwrap_or(0) > 0 {
            f.insert("conflicts_found".into(), t["conflicts"]["found"].as_i64().unwrap_or(0));
            f.insert("conflicts_false_alarms".into(), t["conflicts"]["system"].as_i64().unwrap_or(0) - t["conflicts"]["system_matched"].as_i64().unwrap_or(0));
        }
    }
    f
}

/// The comment at the top of the floors file, kept when it is rewritten.
const FLOORS_HEADER: &str = "\
# Quality floors for tests/quality.rs: the figures `tarikh eval` reached when they were last raised.
# They are counts, so the margin is exact: one expression mis-valued, one event lost or one more
# false alarm fails `make test`. Floors must not be undercut; `*_false_alarms`, `events_rows` and
# `cross_story_events` are ceilings that must not be passed. Raise them after an improvement:
#   TARIKH_WRITE_FLOORS=1 cargo test --release -p tarikh --test quality
# rewrites this file with the figures reached (keeping this header and the `measured` line, which
# says when; update it by hand); review the diff.
# Sections: [story.NAME] each story alone with its metadata; [inferred.NAME] publication dates
# inferred (metadata withheld); [mixed.NAME] all stories in one folder, metadata withheld.
# \"real-news\" is pooled over ../shared/stories. [grammar.\"ar\"]: the built-in grammar's examples,
# rules and must-not-match phrases.
";

/// Metrics that must not grow (everything else must not shrink).
fn is_ceiling(metric: &str) -> bool {
    metric.ends_with("false_alarms") || metric == "events_rows" || metric == "cross_story_events"
}

#[test]
fn every_story_stays_at_or_above_its_quality_floors() {
    let floors_path = root().join("crates/tarikh/tests/quality_floors.toml");
    let floors: toml::Table = toml::from_str(&std::fs::read_to_string(&floors_path).expect("quality_floors.toml")).expect("quality_floors.toml is TOML");
    let shared = shared_stories();
    if shared.is_none() {
        require_shared("the real-news quality floors");
    }
    let mut args: Vec<String> = vec!["eval".into(), "--format".into(), "json".into(), "--gold".into(), "data/gold".into(), "--corpus".into(), "data/corpus".into(), "data/stories".into()];
    if let Some(s) = &shared {
        args.push(s.display().to_string());
    }
    let mut failures = Vec::new();
    let mut printed = String::new();
    // The grammar's figures: floors like the stories'.
    let grammar = tarikh_grammar::Grammar::embedded().expect("the built-in grammar loads");
    let grammar_figures: BTreeMap<String, i64> =
        [("examples", grammar.examples().len()), ("must_not_match", grammar.negatives().len()), ("rules", grammar.rule_count())].into_iter().map(|(k, v)| (k.to_string(), v as i64)).collect();
    println!("[grammar.ar] {grammar_figures:?}");
    printed.push_str("\n[grammar.\"ar\"]\n");
    for (k, v) in &grammar_figures {
        printed.push_str(&format!("{k} = {v}\n"));
    }
    let empty = toml::Table::new();
    let grammar_floors = floors.get("grammar").and_then(|g| g.get("ar")).and_then(|v| v.as_table()).unwrap_or(&empty);
    for (metric, value) in &grammar_figures {
        match grammar_floors.get(metric).and_then(|f| f.as_integer()) {
            Some(floor) if *value < floor => failures.push(format!("[grammar.\"ar\"] {metric} = {value}, under its floor {floor}")),
            Some(_) => {}
            None => failures.push(format!("[grammar.\"ar\"] {metric}: no floor in {}", floors_path.display())),
        }
    }
    for (section, extra) in RUNS {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.extend_from_slice(extra);
        let o = tarikh(&a);
        assert!(o.status.success(), "tarikh {} failed: {}", a.join(" "), String::from_utf8_lossy(&o.stderr));
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("eval prints JSON");
        let mut rows: Vec<(String, BTreeMap<String, i64>)> = Vec::new();
        for (row, detail) in report["stories"].as_array().expect("stories").iter().zip(report["details"].as_array().expect("details")) {
            rows.push((row["label"].as_str().unwrap_or("").to_string(), figures(row, Some(detail))));
        }
        if let Some(real) = report["real_news"].as_object() {
            rows.push(("real-news".into(), figures(&serde_json::Value::Object(real.clone()), None)));
        }
        // The mixed run: how many documents the stories found keep with their own folder (its
        // floors count the real stories too, so it is checked only when they are there).
        if let (Some(g), true) = (report["grouping"].as_object(), shared.is_some()) {
            let n = |k: &str| g.get(k).and_then(|v| v.as_i64()).unwrap_or(0);
            rows.push(("grouping".into(), BTreeMap::from([("pure_docs".to_string(), n("pure_docs")), ("whole_docs".to_string(), n("whole_docs"))])));
        }
        let section_floors = floors.get(*section).and_then(|v| v.as_table()).unwrap_or(&empty);
        for (name, got) in &rows {
            println!("[{section}.{name}] {}", got.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" "));
            printed.push_str(&format!("\n[{section}.\"{name}\"]\n"));
            for (k, v) in got {
                if *v != 0 || !is_ceiling(k) {
                    printed.push_str(&format!("{k} = {v}\n"));
                }
            }
            let Some(want) = section_floors.get(name).and_then(|v| v.as_table()) else {
                failures.push(format!("[{section}.\"{name}\"]: no floors for this story in {}; add them (TARIKH_WRITE_FLOORS=1 writes them)", floors_path.display()));
                continue;
            };
            for (metric, floor) in want {
                let floor = floor.as_integer().unwrap_or_else(|| panic!("[{section}.\"{name}\"] {metric}: not an integer"));
                let value = got.get(metric).copied().unwrap_or(0);
                if is_ceiling(metric) && value > floor {
                    failures.push(format!("[{section}.\"{name}\"] {metric} = {value}, above its ceiling {floor}"));
                } else if !is_ceiling(metric) && value < floor {
                    failures.push(format!("[{section}.\"{name}\"] {metric} = {value}, under its floor {floor}"));
                }
            }
            for metric in got.keys().filter(|m| is_ceiling(m) && !want.contains_key(*m)) {
                if got[metric] > 0 {
                    failures.push(format!("[{section}.\"{name}\"] {metric} = {}, above its ceiling 0", got[metric]));
                }
            }
        }
        for name in section_floors.keys() {
            let in_shared = !matches!(name.as_str(), "seeds" | "bouira-earthquake-2024");
            let skipped = in_shared && shared.is_none();
            if !skipped && !rows.iter().any(|(n, _)| n == name) {
                failures.push(format!("[{section}.\"{name}\"] was not scored: is the story gone?"));
            }
        }
    }
    if std::env::var_os("TARIKH_WRITE_FLOORS").is_some() {
        let text = std::fs::read_to_string(&floors_path).expect("quality_floors.toml");
        let measured = text.lines().find(|l| l.starts_with("measured")).unwrap_or("measured = \"\"");
        std::fs::write(&floors_path, format!("{FLOORS_HEADER}{measured}{printed}")).expect("write quality_floors.toml");
        println!("wrote {}", floors_path.display());
        return;
    }
    assert!(failures.is_empty(), "{}\n(see the misses with `tarikh eval STORY --details`)", failures.join("\n"));
}

/// The real stories alone in one folder, with their metadata (what an analyst's archive looks
/// like: no invented story and no seeds to set them apart): no story found may hold documents of
/// two folders. Two countries' elections a year apart were one story until the publication day
/// counted among a document's days; `whole_docs` (documents whose story keeps its folder's
/// majority together) is a floor at the figure reached, 56 of 59 (the Lebanese articles on the
/// quake and one Moroccan curfew article stand apart).
#[test]
fn real_stories_in_one_folder_never_share_a_story() {
    let Some(shared) = shared_stories() else {
        require_shared("the real-news grouping guard");
        return;
    };
    let dir = shared.display().to_string();
    let o = tarikh(&["eval", "--format", "json", "--mixed", &dir]);
    assert!(o.status.success(), "tarikh eval --mixed {dir} failed: {}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("eval prints JSON");
    let g = &report["grouping"];
    let n = |k: &str| g[k].as_i64().unwrap_or_else(|| panic!("grouping.{k} missing in {g}"));
    let docs = n("docs");
    assert!(docs >= 59, "only {docs} documents scored in {dir}");
    assert_eq!(n("pure_docs"), docs, "a story found mixes documents of two story folders: {g}");
    assert!(n("whole_docs") >= 56, "the stories found split their folders more than before (56 of 59 kept together): {g}");
}
