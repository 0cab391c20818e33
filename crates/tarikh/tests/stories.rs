//! The stories under `data/stories/<name>/`: every publication date left blank in a story's
//! `docs.csv` is inferred as the gold gives it, and the phrase list resolves. (Their scores are
//! guarded with every other story's in `tests/quality.rs`.)

mod common;

use common::root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every story folder holding both `corpus/` and `gold/`.
fn stories() -> Vec<(String, PathBuf)> {
    let dir = root().join("data/stories");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("corpus").is_dir() && p.join("gold").is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no story under {}", dir.display());
    out
}

/// Rows of a CSV file as header-keyed maps (the files here are simple: no quoted commas in the
/// columns read).
fn csv_rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rdr.headers().expect("header").iter().map(|h| h.trim().to_string()).collect();
    rdr.records()
        .map(|r| {
            let r = r.expect("csv row");
            header.iter().cloned().zip(r.iter().map(|c| c.trim().to_string())).collect()
        })
        .collect()
}

#[test]
fn blank_publication_dates_are_inferred_as_the_gold_gives_them() {
    let mut failures = Vec::new();
    for (name, dir) in stories() {
        let blank: Vec<String> = csv_rows(&dir.join("corpus/docs.csv")).into_iter().filter(|r| r.get("published_at").is_none_or(|p| p.is_empty())).map(|r| r["doc"].clone()).collect();
        if blank.is_empty() {
            continue;
        }
        let gold: std::collections::HashMap<String, String> = csv_rows(&dir.join("gold/docs.csv")).into_iter().map(|r| (r["doc"].clone(), r["published_at"].clone())).collect();
        let out_dir = std::env::temp_dir().join(format!("tarikh-story-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out_dir);
        let out = Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["run", "--quiet"])
            .arg(dir.join("corpus"))
            .arg("-o")
            .arg(&out_dir)
            .current_dir(root())
            .output()
            .expect("run tarikh run");
        assert!(out.status.success(), "tarikh run failed on {name}: {}", String::from_utf8_lossy(&out.stderr));
        let documents = csv_rows(&out_dir.join("documents.csv"));
        for doc in blank {
            let row = documents.iter().find(|r| r["doc"] == doc).unwrap_or_else(|| panic!("{name}: no row for {doc} in documents.csv"));
            let got = row["published_at"].get(..10).unwrap_or("").to_string();
            let want = gold.get(&doc).cloned().unwrap_or_default();
            println!("story {name}: doc {doc} published_at {} ({}; {}), gold {want}", row["published_at"], row["basis"], row["evidence"]);
            if got != want || row["basis"] != "inferred" {
                failures.push(format!("{name}: doc {doc} inferred {} (basis {}), gold {want}", row["published_at"], row["basis"]));
            }
        }
        let _ = std::fs::remove_dir_all(&out_dir);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `data/stories/phrases.tsv`: temporal phrases from news usage beyond the development corpus, each
/// with a reference day and its expected value. Those marked "needs code" cannot be expressed by the
/// grammar data yet; every other phrase must resolve exactly, and the total must not fall.
#[test]
fn phrase_list_resolves() {
    let path = root().join("data/stories/phrases.tsv");
    let text = std::fs::read_to_string(&path).expect("data/stories/phrases.tsv");
    let rows: Vec<Vec<&str>> = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect()).collect();
    let mut by_ref: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        assert!(r.len() >= 3, "{}: line `{}` needs phrase, reference and value", path.display(), r.join("\t"));
        by_ref.entry(r[1]).or_default().push(i);
    }
    let mut got = vec![String::new(); rows.len()];
    for (reference, idx) in &by_ref {
        let input: String = idx.iter().map(|&i| format!("{}\n", rows[i][0])).collect();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["parse", "--ref", reference, "--format", "jsonl"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("run tarikh parse");
        {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write phrases");
        }
        let out = child.wait_with_output().expect("tarikh parse output");
        assert!(out.status.success(), "tarikh parse failed");
        for (&i, line) in idx.iter().zip(String::from_utf8_lossy(&out.stdout).lines()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("parse prints JSON lines");
            got[i] = v["value"].as_str().unwrap_or("").to_string();
        }
    }
    let mut correct = 0;
    let mut regressions = Vec::new();
    for (r, g) in rows.iter().zip(&got) {
        let needs_code = r.get(3).is_some_and(|n| n.starts_with("needs code"));
        if g == r[2] {
            correct += 1;
        } else {
            println!("miss: «{}» @ {} → `{g}` (expected `{}`){}", r[0], r[1], r[2], if needs_code { " [needs code]" } else { "" });
            if !needs_code {
                regressions.push(format!("«{}» @ {} → `{g}`, expected `{}`", r[0], r[1], r[2]));
            }
        }
    }
    println!("phrase list: {correct}/{} values exact", rows.len());
    assert!(regressions.is_empty(), "phrases the grammar handled no longer resolve:\n{}", regressions.join("\n"));
}
