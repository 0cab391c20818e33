//! Every subcommand and output format: the output parses as the format its name says (JSON Lines
//! one object per line, JSON one document, CSV a table with a header) and carries every field;
//! `--help` lists only options that act; missing input and missing metadata are said, not assumed.

mod common;

use common::{both, read_csv_bytes, tarikh, tarikh_stdin};
use serde_json::Value;

/// The fields of one temporal expression in `tag` (the columns of timex.csv).
const TIMEX_FIELDS: [&str; 12] = ["doc", "start", "end", "text", "type", "value", "anchor", "rule", "mod", "interval_start", "interval_end", "timezone"];
/// The fields of one answer of `parse`.
const PARSE_FIELDS: [&str; 12] = ["line", "text", "start", "end", "type", "value", "mod", "anchor", "rule", "interval_start", "interval_end", "timezone"];

const ARTICLE: &str = "data/corpus/002_87d2cefccba91168.txt";

fn stdout_of(o: &std::process::Output) -> String {
    assert!(o.status.success(), "{}", both(o));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Objects of JSON Lines output: every line one object with exactly `fields`.
fn jsonl_objects(out: &str, fields: &[&str]) -> Vec<Value> {
    let objects: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {l}"))).collect();
    for o in &objects {
        let keys: Vec<&str> = o.as_object().expect("an object per line").keys().map(String::as_str).collect();
        let mut want = fields.to_vec();
        want.sort();
        assert_eq!(keys, want, "the fields of {o}");
    }
    objects
}

/// Objects of JSON output: one document, an array of objects with exactly `fields`.
fn json_objects(out: &str, fields: &[&str]) -> Vec<Value> {
    let v: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{out}"));
    let arr = v.as_array().expect("a JSON array").clone();
    jsonl_objects(&arr.iter().map(|o| o.to_string()).collect::<Vec<_>>().join("\n"), fields);
    arr
}

/// Rows of CSV output: a header equal to `fields`, then rows of that many cells; as objects.
fn csv_objects(out: &str, fields: &[&str]) -> Vec<Value> {
    assert!(out.contains("\r\n"), "CSV lines end in CRLF (RFC 4180)");
    let (header, rows) = read_csv_bytes(out.as_bytes());
    assert_eq!(header, fields, "the CSV header");
    rows.into_iter()
        .map(|r| {
            assert_eq!(r.len(), fields.len(), "{r:?}");
            Value::Object(header.iter().cloned().zip(r.into_iter().map(Value::String)).collect())
        })
        .collect()
}

/// A field as text, whatever its JSON type.
fn field(o: &Value, k: &str) -> String {
    match &o[k] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn tag_writes_each_format_as_named_with_every_field() {
    let args = |f: &str| tarikh(&["tag", ARTICLE, "--docs", "data/corpus/docs.csv", "--format", f]);
    let jsonl = jsonl_objects(&stdout_of(&args("jsonl")), &TIMEX_FIELDS);
    assert!(jsonl.len() > 5, "{jsonl:?}");
    let json = json_objects(&stdout_of(&args("json")), &TIMEX_FIELDS);
    let csv = csv_objects(&stdout_of(&args("csv")), &TIMEX_FIELDS);
    assert_eq!(json, jsonl, "json holds the same records as jsonl");
    assert_eq!(csv.len(), jsonl.len());
    for (c, j) in csv.iter().zip(&jsonl) {
        for k in TIMEX_FIELDS {
            assert_eq!(field(c, k), field(j, k), "csv field {k}");
        }
    }
    assert!(jsonl.iter().all(|o| o["doc"] == "002"));
    assert!(jsonl.iter().any(|o| o["value"] == "2017-05-06"), "اليوم السبت resolved against the metadata date");
    assert!(jsonl.iter().any(|o| !field(o, "mod").is_empty()), "some expression of the article carries a mod");
    assert!(jsonl.iter().any(|o| field(o, "interval_start").ends_with("+02:00")));
    // Text, for people: a line for the document, then one per expression with every field.
    let text = stdout_of(&args("text"));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("002: published 2017-05-06 (metadata)"), "{text}");
    assert_eq!(lines.len(), 1 + jsonl.len(), "{text}");
    for (line, o) in lines[1..].iter().zip(&jsonl) {
        for k in ["start", "end", "text", "type", "value", "anchor", "rule", "mod", "interval_start", "interval_end", "timezone"] {
            assert!(line.contains(&field(o, k)), "`{k}` = {} missing from: {line}", field(o, k));
        }
    }
    // An empty run is still valid output in each format.
    let none = |f: &str| tarikh_stdin(&["tag", "--input", "-", "--format", f], "{\"id\":\"x\",\"text\":\"لا شيء\",\"published_at\":\"2017-05-06\"}\n");
    assert_eq!(stdout_of(&none("jsonl")), "");
    assert_eq!(json_objects(&stdout_of(&none("json")), &TIMEX_FIELDS).len(), 0);
    assert_eq!(csv_objects(&stdout_of(&none("csv")), &TIMEX_FIELDS).len(), 0);
}

#[test]
fn parse_writes_each_format_as_named_with_every_field() {
    let input = "مساء الجمعة\nلا شيء هنا\nنحو ثلاث سنوات\nالساعة 18:00 بتوقيت غرينتش\n";
    let run = |f: &str| stdout_of(&tarikh_stdin(&["parse", "--ref", "2017-05-06T10:00:00+02:00", "--format", f], input));
    let jsonl = jsonl_objects(&run("jsonl"), &PARSE_FIELDS);
    assert_eq!(jsonl.len(), 4, "one answer per input line");
    assert_eq!(json_objects(&run("json"), &PARSE_FIELDS), jsonl);
    let csv = csv_objects(&run("csv"), &PARSE_FIELDS);
    for (c, j) in csv.iter().zip(&jsonl) {
        for k in PARSE_FIELDS {
            assert_eq!(field(c, k), field(j, k), "csv field {k}");
        }
    }
    assert_eq!((field(&jsonl[0], "value"), field(&jsonl[0], "type"), field(&jsonl[0], "line")), ("2017-05-05TEV".into(), "TIME".into(), "1".into()));
    assert_eq!(field(&jsonl[1], "value"), "", "no expression: empty fields");
    // `mod` is printed…
    assert_eq!((field(&jsonl[2], "value"), field(&jsonl[2], "mod")), ("P3Y".into(), "APPROX".into()));
    // …and a zone written in the phrase reaches the output.
    assert_eq!(field(&jsonl[3], "interval_start"), "2017-05-06T18:00+00:00", "{}", jsonl[3]);
    assert_eq!((field(&jsonl[3], "timezone"), field(&jsonl[0], "timezone")), ("UTC".into(), String::new()), "the zone the phrase states, and none where it states none");
    let text = run("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[1].starts_with("2: ") && lines[1].contains("no temporal expression"), "{text}");
    for k in ["value", "type", "mod", "text", "anchor", "rule", "interval_start", "interval_end", "timezone"] {
        assert!(lines[2].contains(&field(&jsonl[2], k)) && lines[3].contains(&field(&jsonl[3], k)), "`{k}` missing from the text lines: {text}");
    }
}

/// The columns of `eval --format csv`, from the JSON Lines rows.
fn eval_rows(args: &[&str]) -> (Vec<Value>, Vec<Value>) {
    let mut a = args.to_vec();
    a.extend(["--format", "jsonl"]);
    let jsonl = stdout_of(&tarikh(&a));
    let rows: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {l}"))).collect();
    let mut fields: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort();
    let mut columns = vec!["row", "label"];
    columns.extend(fields.iter().filter(|f| !["row", "label"].contains(f)));
    let mut a = args.to_vec();
    a.extend(["--format", "csv"]);
    let csv = csv_objects(&stdout_of(&tarikh(&a)), &columns);
    (rows, csv)
}

#[test]
fn eval_writes_each_format_as_named() {
    // A suite (the seeds and the story in data/stories): JSON Lines rows, the same rows as CSV.
    let (rows, csv) = eval_rows(&["eval", "--gold", "data/gold", "data/stories"]);
    assert_eq!(rows.len(), csv.len());
    let labels: Vec<String> = rows.iter().map(|r| field(r, "label")).collect();
    assert!(labels.contains(&"seeds".to_string()) && labels.contains(&"bouira-earthquake-2024".to_string()), "{labels:?}");
    assert!(rows.iter().all(|r| r.as_object().unwrap().len() == rows[0].as_object().unwrap().len()), "every row has every field");
    for (r, c) in rows.iter().zip(&csv) {
        for (k, v) in r.as_object().unwrap() {
            // Ratios are compared as numbers (JSON parsing may round the last digit).
            match (v.as_f64(), field(c, k).parse::<f64>()) {
                (Some(a), Ok(b)) => assert!((a - b).abs() <= 1e-12 * a.abs().max(1.0), "csv field {k} of {}: {a} vs {b}", field(r, "label")),
                _ => assert_eq!(field(r, k), field(c, k), "csv field {k} of {}", field(r, "label")),
            }
        }
    }
    let seeds = rows.iter().find(|r| r["label"] == "seeds").unwrap();
    assert_eq!((seeds["row"].as_str(), seeds["timex_gold"].as_u64()), (Some("story"), Some(97)));
    // JSON is one document, for a suite and for one corpus.
    let suite: Value = serde_json::from_str(&stdout_of(&tarikh(&["eval", "data/stories", "--format", "json"]))).expect("one JSON document");
    assert!(suite["stories"].is_array() && suite["details"].is_array());
    let single: Value = serde_json::from_str(&stdout_of(&tarikh(&["eval", "--gold", "data/gold", "--format", "json"]))).expect("one JSON document");
    assert!(single["timex"]["value"]["f1"].is_number());
    // Text: the suite table names each story.
    let text = stdout_of(&tarikh(&["eval", "data/stories"]));
    assert!(text.starts_with("story") && text.contains("bouira-earthquake-2024"), "{text}");
    // Options that cannot act are refused, not ignored.
    for (args, why) in [
        (&["eval", "data/stories", "--format", "csv", "--details"][..], "--details"),
        (&["eval", "--gold", "data/gold", "--mixed"][..], "--mixed"),
        (&["eval", "data/stories", "--docs", "data/corpus/docs.csv"][..], "--docs FILE"),
    ] {
        let o = tarikh(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", both(&o));
        assert!(String::from_utf8_lossy(&o.stderr).contains(why), "{args:?}: {}", both(&o));
    }
}

/// The long options `tarikh SUBCOMMAND --help` lists.
fn options_of(subcommand: &str) -> Vec<String> {
    let help = stdout_of(&tarikh(&[subcommand, "--help"]));
    let mut opts: Vec<String> = help.split_whitespace().filter(|w| w.starts_with("--")).map(|w| w.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).to_string()).collect();
    opts.sort();
    opts.dedup();
    opts
}

#[test]
fn help_lists_only_the_options_that_act() {
    let expected: &[(&str, &[&str])] = &[
        ("run", &["--docs", "--events", "--excel", "--fallback-date", "--grammar", "--help", "--out", "--places", "--quiet", "--threads", "--timezone", "--verbose"]),
        ("tag", &["--docs", "--fallback-date", "--format", "--grammar", "--help", "--input", "--places", "--quiet", "--threads", "--timezone", "--verbose"]),
        ("parse", &["--format", "--grammar", "--help", "--prefer", "--ref", "--timezone"]),
        ("explain", &["--format", "--grammar", "--help", "--prefer", "--ref", "--timezone"]),
        ("eval", &["--corpus", "--details", "--docs", "--events", "--fallback-date", "--format", "--gold", "--grammar", "--help", "--mixed", "--places", "--threads", "--timezone"]),
    ];
    for (sub, want) in expected {
        assert_eq!(options_of(sub), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "tarikh {sub} --help");
    }
    // Formats a command does not write are refused by name.
    let o = tarikh_stdin(&["parse", "--ref", "2017-05-06", "--format", "xml"], "غدا\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("possible values: jsonl, json, csv, text"), "{}", both(&o));
}

#[test]
fn tag_without_input_says_what_to_give() {
    let o = tarikh(&["tag"]);
    assert_eq!(o.status.code(), Some(2), "{}", both(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains(".txt files") && stderr.contains("--input"), "{stderr}");
    let o = tarikh(&["tag", "--docs", "data/corpus/docs.csv"]);
    assert_eq!(o.status.code(), Some(2), "{}", both(&o));
    // --threads cannot act on a stream: refused, not ignored.
    let o = tarikh_stdin(&["tag", "--input", "-", "--threads", "2"], "");
    assert_eq!(o.status.code(), Some(2), "{}", both(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--threads"), "{}", both(&o));
}

#[test]
fn a_jsonl_line_without_a_publication_date_is_warned_about() {
    let input = "{\"id\":\"a\",\"text\":\"وصل الوفد مساء الجمعة\",\"published_at\":\"2017-05-06\"}\n{\"id\":\"b\",\"text\":\"غدا\",\"publishedAt\":\"2017-05-06\"}\n{\"id\":\"c\",\"text\":\"غدا\",\"published_at\":\"06/05/2017\"}\n";
    let o = tarikh_stdin(&["tag", "--input", "-"], input);
    assert!(o.status.success(), "{}", both(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    // Line 2: named, the key it did not read named, and what became of the date said: nothing in
    // «غدا» supports a day, so it is unknown (no silent fallback).
    assert!(warnings[0].contains("stdin line 2") && warnings[0].contains("`publishedAt`") && warnings[0].contains("basis `unknown`"), "{stderr}");
    // Line 3: a date in another format is named with the reading it could have.
    assert!(warnings[1].contains("line 3") && warnings[1].contains("06/05/2017") && warnings[1].contains("basis `unknown`"), "{stderr}");
    // A line whose text gives its day: the day inferred is said.
    let o = tarikh_stdin(&["tag", "--input", "-"], "{\"id\":\"d\",\"text\":\"جرت الانتخابات يوم الأحد 7 مايو 2017\"}\n");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("no `published_at`") && stderr.contains("publication date was taken as 2017-05-07 (inferred"), "{stderr}");
    // --quiet prints errors only.
    let o = tarikh_stdin(&["tag", "--input", "-", "--quiet"], input);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn a_bad_json_line_gives_one_clean_message_and_the_rest_is_tagged() {
    let input = "{\"id\":\"a\",\"text\":\"مساء الجمعة\",\"published_at\":\"2017-05-06\"}\n{\"id\": \"b\", text}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"مساء السبت\",\"published_at\":\"2017-05-06\"}\n";
    let o = tarikh_stdin(&["tag", "--input", "-"], input);
    assert_eq!(o.status.code(), Some(1), "{}", both(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(errors[0].starts_with("error: stdin line 2: not a JSON object with `id` and `text`") && errors[0].matches("line 2").count() == 1, "{stderr}");
    assert!(errors[1].starts_with("error: stdin line 3: ") && errors[1].contains("text"), "{stderr}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\"doc\":\"a\"") && out.contains("\"doc\":\"d\""), "{out}");
}
