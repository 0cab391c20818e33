//! The binary on real files: the bundled corpus, bad input, the evaluation contract.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tarikh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh")).args(args).current_dir(root()).output().expect("run tarikh")
}

fn tarikh_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn tarikh");
    // tarikh may exit (e.g. on a broken grammar) before reading its input: a closed pipe is fine.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tarikh-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = rdr.headers().expect("header").iter().map(String::from).collect();
    let rows = rdr.records().map(|r| r.expect("row").iter().map(String::from).collect()).collect();
    (header, rows)
}

const FILES: &[(&str, &str)] = &[
    ("documents.csv", "doc,published_at,basis,chars,timexes,events,timezone,evidence,status"),
    ("timex.csv", "doc,start,end,text,type,value,anchor,rule,mod"),
    ("event_mentions.csv", "doc,start,end,trigger,event_type,time_value,event_id"),
    ("timeline.csv", "event_id,event_type,label,earliest_start,latest_start,earliest_end,latest_end,granularity,docs,mentions,evidence,status,importance,story"),
    ("relations.csv", "source_event,relation,target_event,offset_min,offset_max,doc,start,end,evidence,story"),
    ("conflicts.csv", "conflict_id,kind,docs,evidence,resolution,events,story"),
];

#[test]
fn run_writes_every_file_with_its_header_and_real_rows() {
    let out = tempdir("run");
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "tarikh run failed: {}", String::from_utf8_lossy(&o.stderr));
    for (file, header) in FILES {
        let text = std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(text.lines().next().unwrap_or(""), *header, "{file} header");
        assert!(text.lines().count() > 1, "{file} has no rows");
        assert!(text.contains("\r\n"), "{file} uses CRLF line ends (RFC 4180)");
    }
    let svg = std::fs::read_to_string(out.join("timeline.svg")).expect("timeline.svg");
    assert!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"));
    // No temporary folder is left behind.
    assert!(std::fs::read_dir(&out).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().starts_with(".tarikh-tmp")));
}

#[test]
fn timex_text_is_exactly_the_original_characters() {
    let out = tempdir("spans");
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success());
    let (_, docs) = read_csv(&root().join("data/corpus/docs.csv"));
    let (_, rows) = read_csv(&out.join("timex.csv"));
    assert!(rows.len() > 50);
    for row in rows {
        let file = &docs.iter().find(|d| d[0] == row[0]).expect("doc in docs.csv")[1];
        let text: Vec<char> = std::fs::read_to_string(root().join("data/corpus").join(file)).unwrap().chars().collect();
        let (s, e): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        assert_eq!(text[s..e].iter().collect::<String>(), row[3], "span {s}-{e} of {}", row[0]);
    }
}

#[test]
fn output_is_byte_identical_for_any_thread_count() {
    let a = tempdir("threads1");
    let b = tempdir("threads2");
    assert!(tarikh(&["run", "data/corpus", "-o", a.to_str().unwrap(), "--threads", "1", "--quiet"]).status.success());
    assert!(tarikh(&["run", "data/corpus", "-o", b.to_str().unwrap(), "--threads", "2", "--quiet"]).status.success());
    for f in FILES.iter().map(|f| f.0).chain(["timeline.svg"]) {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f} differs between 1 and 2 threads");
    }
}

#[test]
fn tag_prints_the_evaluation_contract_fields() {
    let o = tarikh(&["tag", "data/corpus/002_87d2cefccba91168.txt", "--docs", "data/corpus/docs.csv", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(out.lines().next().expect("a line")).unwrap();
    for key in ["doc", "start", "end", "text", "type", "value"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["doc"], "002");
    assert!(out.contains("\"value\":\"2017-05-06\""), "اليوم السبت resolved against the metadata date");
}

#[test]
fn tag_streams_jsonl_documents() {
    let input = "{\"id\":\"a\",\"text\":\"وصل الوفد مساء الجمعة\",\"published_at\":\"2017-05-06\"}\n{\"id\":\"b\",\"text\":\"لا شيء\"}\n";
    let o = tarikh_stdin(&["tag", "--input", "-", "--format", "jsonl"], input);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("\"value\":\"2017-05-05TEV\""));
}

#[test]
fn parse_answers_one_line_per_input_line() {
    let o = tarikh_stdin(&["parse", "--ref", "2017-05-06T10:00:00+02:00", "--format", "jsonl"], "مساء الجمعة\nلا شيء هنا\nقبل 48 ساعة من التصويت\n");
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["value"], "2017-05-05TEV");
    assert_eq!(lines[0]["type"], "TIME");
    assert_eq!(lines[1]["value"], "");
    assert_eq!(lines[2]["value"], "PT48H");
    let past = tarikh_stdin(&["parse", "--ref", "2017-05-07", "--prefer", "past"], "الأربعاء\n");
    assert!(String::from_utf8(past.stdout).unwrap().contains("2017-05-03"));
    let future = tarikh_stdin(&["parse", "--ref", "2017-05-07", "--prefer", "future"], "الأربعاء\n");
    assert!(String::from_utf8(future.stdout).unwrap().contains("2017-05-10"));
}

#[test]
fn eval_meets_the_grammar_targets_on_the_seeds() {
    let o = tarikh(&["eval", "--gold", "data/gold", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json report");
    let relaxed = report["timex"]["relaxed"]["f1"].as_f64().expect("relaxed f1");
    let value = report["timex"]["value"]["f1"].as_f64().expect("value f1");
    assert!(relaxed >= 0.95, "relaxed F1 {relaxed}");
    assert!(value >= 0.90, "value F1 {value}");
}

#[test]
fn a_bad_file_is_reported_and_the_rest_is_still_written() {
    let corpus = tempdir("bad-corpus");
    let out = tempdir("bad-out");
    std::fs::write(corpus.join("good.txt"), "أعلن الرئيس مساء الجمعة 5 مايو 2017 استقالته.").unwrap();
    std::fs::write(corpus.join("broken.txt"), b"\xd8\xa7\xff\xfe bad bytes").unwrap();
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    std::fs::write(corpus.join("docs.csv"), "doc,file,published_at\ngood,good.txt,2017-05-06\nempty,empty.txt,not-a-date\n").unwrap();
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "some documents failed: exit 1");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("broken.txt") && stderr.contains("not valid UTF-8") && stderr.contains("offset 2"), "{stderr}");
    assert!(stderr.contains("not-a-date"), "the malformed date is named: {stderr}");
    let (_, docs) = read_csv(&out.join("documents.csv"));
    let broken = docs.iter().find(|r| r[0] == "broken").expect("broken row");
    assert!(broken[8].starts_with("error:"));
    let good = docs.iter().find(|r| r[0] == "good").expect("good row");
    assert_eq!(good[8], "ok");
    let (_, timexes) = read_csv(&out.join("timex.csv"));
    assert!(timexes.iter().any(|r| r[0] == "good" && r[5] == "2017-05-05TEV" || r[5] == "2017-05-05"));
}

#[test]
fn a_broken_grammar_file_names_its_path_and_line() {
    let dir = tempdir("grammar");
    std::fs::write(dir.join("rules.toml"), "[[rule]]\nname = \"x\"\npattern = \"{nosuchlexicon}\"\ntype = \"DATE\"\n").unwrap();
    let o = tarikh_stdin(&["parse", "--ref", "2017-05-06", "--grammar", dir.to_str().unwrap()], "السبت\n");
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("rules.toml") && stderr.contains("line 3") && stderr.contains("nosuchlexicon"), "{stderr}");
}

#[test]
fn the_embedded_grammar_equals_the_data_folder() {
    let input = "مساء الجمعة\n10 شعبان 1438 هـ\nقبل نحو 24 ساعة من الجولة\n";
    let a = tarikh_stdin(&["parse", "--ref", "2017-05-06"], input);
    let b = tarikh_stdin(&["parse", "--ref", "2017-05-06", "--grammar", "data/grammar/ar"], input);
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn publication_dates_are_inferred_when_metadata_is_withheld() {
    let out = tempdir("nodocs");
    let docs = out.join("empty-docs.csv");
    std::fs::write(&docs, "doc,file,published_at\n").unwrap();
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--docs", docs.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, gold) = read_csv(&root().join("data/gold/docs.csv"));
    let (_, rows) = read_csv(&out.join("documents.csv"));
    for g in gold {
        // Without metadata a document's id is its file stem.
        let stem = g[1].trim_end_matches(".txt");
        let row = rows.iter().find(|r| r[0] == stem).unwrap_or_else(|| panic!("{stem} in documents.csv"));
        assert_eq!(row[2], "inferred", "{stem} basis");
        assert_eq!(row[1], g[2], "{stem}: inferred publication date");
        assert!(!row[7].is_empty(), "{stem}: the evidence is reported");
    }
}

#[test]
fn eval_without_metadata_still_meets_the_anchoring_target() {
    let o = tarikh(&["eval", "--gold", "data/gold", "--docs", "none", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json report");
    let value = report["timex"]["value"]["f1"].as_f64().expect("value f1");
    assert!(value >= 0.90, "value F1 without metadata {value}");
}

#[test]
fn eval_meets_the_timeline_targets_on_the_seeds() {
    let o = tarikh(&["eval", "--gold", "data/gold", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json report");
    let t = &report["timeline"];
    let found = t["events"]["found_ratio"].as_f64().unwrap();
    assert!(found >= 0.9, "events found {found}");
    // at least 90% of the gold events with correct bounds (measured 27/29), relation recall
    // measured 0.561: the floors guard against regressions
    let bounds = t["events"]["bounds_correct"].as_u64().unwrap();
    let gold = t["events"]["gold"].as_u64().unwrap();
    assert!(bounds * 10 >= gold * 9, "events with correct bounds {bounds}/{gold}");
    let recall = t["relations"]["prf"]["recall"].as_f64().unwrap();
    assert!(recall >= 0.5, "relation recall {recall}");
    // the silence period runs from the campaign's end (midnight) to the polls' closing, derived
    // from the texts ("ودخول ... مرحلة الصمت", "حتى إغلاق مراكز الاقتراع")
    let details = report["event_details"].as_array().unwrap();
    let silence = details.iter().find(|e| e["id"] == "E17").unwrap();
    assert!(silence["start_ok"].as_bool().unwrap() && silence["end_ok"].as_bool().unwrap(), "{silence}");
    assert_eq!(silence["system_bounds"][0], "2017-05-06T00:00+02:00");
    let vote = details.iter().find(|e| e["id"] == "E25").unwrap();
    assert!(vote["start_ok"].as_bool().unwrap(), "the vote is on 2017-05-07: {vote}");
    assert!(vote["system_bounds"][0].as_str().unwrap().starts_with("2017-05-07T00:00"));
    let conflicts: Vec<&str> = t["conflicts"]["found_ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for id in ["C01", "C02", "C03"] {
        assert!(conflicts.contains(&id), "{id} not found: {conflicts:?}");
    }
    let most = ["C04", "C06", "C08", "C10"].iter().filter(|id| conflicts.contains(id)).count();
    assert!(most >= 3, "found {conflicts:?}");
}
