//! The word tables of the weekday governor (`[cues.tables]` in data/grammar/ar/cues.toml): each
//! table the code reads is in the grammar and no other, and every example sentence of a table,
//! published on its date, gives its expression the value written, through the whole pipeline.

use chrono::NaiveDate;
use tarikh_anchor::{anchor_document, Prefer, PublicationHint, GOVERNOR_WORD_TABLES};
use tarikh_grammar::Grammar;

#[test]
fn the_grammar_holds_exactly_the_tables_the_governor_reads() {
    let grammar = Grammar::embedded().expect("grammar");
    let mut written: Vec<&str> = grammar.word_tables().map(|t| t.name.as_str()).collect();
    let mut read: Vec<&str> = GOVERNOR_WORD_TABLES.to_vec();
    written.sort();
    read.sort();
    assert_eq!(written, read, "a table in cues.toml that no code reads, or one the code reads that is missing");
}

#[test]
fn every_word_table_example_resolves_as_written() {
    let grammar = Grammar::embedded().expect("grammar");
    let mut failures = Vec::new();
    let mut count = 0;
    for table in grammar.word_tables() {
        for ex in &table.examples {
            count += 1;
            let date = NaiveDate::parse_from_str(&ex.published, "%Y-%m-%d").unwrap_or_else(|e| panic!("{}: publication date `{}`: {e}", ex.origin, ex.published));
            let hint = PublicationHint { date: Some(date), time: None, timezone: chrono_tz::Africa::Cairo, fallback: None, inferred: None };
            let timexes = anchor_document(&grammar, "t", ex.text.clone(), &hint, Prefer::NearestLeaningPast).timexes;
            let got = timexes.iter().find(|t| t.text == ex.expr).map(|t| t.value.clone());
            if got.as_deref() != Some(ex.value.as_str()) {
                failures.push(format!("{} ({}): «{}» @ {}: «{}» = {:?}, expected {}", ex.origin, table.name, ex.text, ex.published, ex.expr, got, ex.value));
            }
        }
    }
    assert!(count >= GOVERNOR_WORD_TABLES.len(), "every table has an example");
    assert!(failures.is_empty(), "{} word-table examples fail:\n{}", failures.len(), failures.join("\n"));
}

/// The error loading a one-file grammar holding `cues`, which must not load.
fn refused(cues: &str) -> String {
    match Grammar::from_sources(&[(std::path::PathBuf::from("test/cues.toml"), cues.to_string())]) {
        Ok(_) => panic!("loaded:\n{cues}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_loader_refuses_an_empty_table_an_unknown_key_or_a_table_without_examples() {
    let example = r#"examples = [{ text = "تستمر العطلة حتى الأحد.", published = "2023-02-08", expr = "الأحد", value = "2023-02-12" }]"#;
    let empty = refused(&format!("[cues.tables.lasting_verbs]\ndoc = \"d\"\nwords = []\n{example}\n"));
    assert!(empty.contains("test/cues.toml") && empty.contains("no words"), "{empty}");
    let unknown = refused(&format!("[cues.tables.lasting_verbs]\ndoc = \"d\"\nwords = [\"تستمر\"]\nverbs = [\"تستمر\"]\n{example}\n"));
    assert!(unknown.contains("test/cues.toml") && unknown.contains("verbs"), "{unknown}");
    let unknown_in_example = refused("[cues.tables.lasting_verbs]\ndoc = \"d\"\nwords = [\"تستمر\"]\nexamples = [{ text = \"t\", published = \"2023-02-08\", expr = \"t\", value = \"v\", ref = \"x\" }]\n");
    assert!(unknown_in_example.contains("ref"), "{unknown_in_example}");
    let no_examples = refused("[cues.tables.lasting_verbs]\ndoc = \"d\"\nwords = [\"تستمر\"]\nexamples = []\n");
    assert!(no_examples.contains("example"), "{no_examples}");
    let no_doc = refused(&format!("[cues.tables.lasting_verbs]\nwords = [\"تستمر\"]\n{example}\n"));
    assert!(no_doc.contains("doc"), "{no_doc}");
}
