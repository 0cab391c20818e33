//! Story grouping on a mixed folder: the seeds, the invented Bouira story and every real story of
//! ../shared/stories (read in place, never copied here) in one folder; the stories found must
//! reproduce the story folders. Without ../shared the real stories are skipped, and the check runs
//! on what the repository holds (CI sets TARIKH_REQUIRE_SHARED, which makes the skip a failure).

mod common;

use common::{require_shared, root, shared_stories};
use std::path::Path;
use tarikh_pipeline::corpus::{read_corpus, InputDoc};
use tarikh_pipeline::process::{group_stories, Settings};

/// The documents of one story folder, labelled with the folder.
fn story(dir: &Path, label: &str, docs: &mut Vec<InputDoc>, labels: &mut Vec<String>) {
    for d in read_corpus(dir, None).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        docs.push(d);
        labels.push(label.to_string());
    }
}

#[test]
fn the_stories_of_a_mixed_folder_reproduce_the_story_folders() {
    let mut docs = Vec::new();
    let mut labels = Vec::new();
    story(&root().join("data/corpus"), "seeds", &mut docs, &mut labels);
    story(&root().join("data/stories/bouira-earthquake-2024/corpus"), "bouira", &mut docs, &mut labels);
    match shared_stories() {
        Some(shared) => {
            let mut dirs: Vec<_> = std::fs::read_dir(&shared).expect("list ../shared/stories").filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.join("corpus").is_dir()).collect();
            dirs.sort();
            for d in dirs {
                let name = d.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                story(&d.join("corpus"), &name, &mut docs, &mut labels);
            }
        }
        None => require_shared("story grouping on the real stories"),
    }
    let settings = Settings::new(tarikh_pipeline::load_grammar(None).expect("grammar"));
    let found: Vec<String> = group_stories(&settings, &docs).into_iter().map(|s| s.expect("every document is readable")).collect();
    let ids: Vec<usize> = found.iter().map(|s| s.trim_start_matches('S').parse::<usize>().expect("story ids are S1, S2, …")).collect();
    let (purity, inverse) = tarikh_stories::purity(&ids, &labels);
    let mut table = String::new();
    for (id, label) in found.iter().zip(&labels) {
        table.push_str(&format!("{id} {label}\n"));
    }
    println!("{} documents, {} story folders: purity {purity:.3}, inverse purity {inverse:.3}", docs.len(), { let mut l = labels.clone(); l.dedup(); l.len() });
    // No story mixes two folders' documents (mixing merges their events and pulls their dates);
    // a folder may split where its articles report another place (the curfew collection spans
    // five countries), but no more than that.
    assert!(purity >= 0.99, "purity {purity:.3}: a story mixes folders\n{table}");
    assert!(inverse >= 0.95, "inverse purity {inverse:.3}: folders split into too many stories\n{table}");
    // Stories are numbered by their first document.
    assert_eq!(found[0], "S1");
}

#[test]
fn one_story_alone_stays_one_story() {
    let settings = Settings::new(tarikh_pipeline::load_grammar(None).expect("grammar"));
    let mut dirs = vec![root().join("data/corpus"), root().join("data/stories/bouira-earthquake-2024/corpus")];
    if let Some(shared) = shared_stories() {
        let mut more: Vec<_> = std::fs::read_dir(&shared).expect("list").filter_map(|e| e.ok().map(|e| e.path().join("corpus"))).filter(|p| p.is_dir()).collect();
        more.sort();
        dirs.extend(more);
    }
    for dir in dirs {
        let docs = read_corpus(&dir, None).expect("corpus");
        let found = group_stories(&settings, &docs);
        assert!(found.iter().all(|s| s.as_deref() == Some("S1")), "{}: {found:?}", dir.display());
    }
}
