//! The real news of `../shared/stories` is read in place, never copied into the repository: no
//! file of the repository holds a run of [`RUN`] words of any of its articles. A grammar example
//! is a short phrase of its own (a date formula the articles share is fine); a sentence taken from
//! an article would let the tests pass on that article for the wrong reason, and its text is not
//! ours to redistribute.

mod common;

use std::collections::HashSet;
use std::path::Path;

/// Words in a row that count as copied text (a long date formula such as «الساعة السادسة من مساء
/// اليوم الأربعاء الموافق 26 أبريل 2023» is eight).
const RUN: usize = 9;

/// The folders of the repository that hold text a person wrote (code, data, docs, scripts).
const SEARCHED: &[&str] = &["crates", "data", "docs", "scripts", "examples", "README.md", "BENCHMARKS.md", "CHANGES.md"];

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn runs_of(text: &str) -> impl Iterator<Item = String> + '_ {
    let w = words(text);
    (0..w.len().saturating_sub(RUN - 1)).map(move |i| w[i..i + RUN].join(" "))
}

fn files_under(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "target" || name.starts_with('.') {
            return;
        }
        let mut entries: Vec<_> = std::fs::read_dir(path).expect("read dir").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        for e in entries {
            files_under(&e, out);
        }
    } else if matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "toml" | "md" | "tsv" | "py" | "txt" | "csv" | "jsonl" | "json" | "tml")) {
        out.push(path.to_path_buf());
    }
}

#[test]
fn no_file_of_the_repository_holds_a_sentence_of_the_shared_articles() {
    let Some(stories) = common::shared_stories() else {
        common::require_shared("no_story_text");
        return;
    };
    let mut articles = Vec::new();
    for story in std::fs::read_dir(&stories).expect("read ../shared/stories") {
        let corpus = story.expect("entry").path().join("corpus");
        if let Ok(files) = std::fs::read_dir(&corpus) {
            for f in files {
                let f = f.expect("entry").path();
                if f.extension().is_some_and(|e| e == "txt") {
                    articles.push(f);
                }
            }
        }
    }
    assert!(articles.len() >= 50, "expected the shared articles, found {} under {}", articles.len(), stories.display());
    let mut copied: HashSet<String> = HashSet::new();
    for a in &articles {
        let text = std::fs::read_to_string(a).unwrap_or_else(|e| panic!("{}: {e}", a.display()));
        copied.extend(runs_of(&text));
    }
    let root = common::root();
    let mut files = Vec::new();
    for s in SEARCHED {
        files_under(&root.join(s), &mut files);
    }
    let mut found = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        for (n, line) in text.lines().enumerate() {
            if let Some(run) = runs_of(line).find(|r| copied.contains(r)) {
                found.push(format!("{}:{}: «{run}»", f.strip_prefix(&root).unwrap_or(f).display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "text copied from ../shared/stories (write an example phrase of your own instead):\n{}", found.join("\n"));
}
