//! Peer conformance: every Arabic test case of Duckling (time, duration) and dateparser, read in
//! place from `../shared/peers` (never copied here), run through `tarikh parse` as the peers'
//! README says (one phrase a line, grouped by reference time, `--prefer` per file).
//!
//! A case is **right** when tarikh's value equals the peer's or one of the `timex_alt` values a
//! TIMEX3 annotator would also accept (an hour `T15` equals `T15:00`; seconds `:00` may be dropped;
//! an interval `start/end` is right when its start is). Every other case must be listed, with
//! exactly the value tarikh gives, in one of two files of `data/peers/`:
//! - `divergences.tsv`: the TIMEX3 answer differs from the peer's *by convention* (one line of
//!   justification each);
//! - `known_misses.tsv`: tarikh is wrong and the case waits for a fix (what is missing).
//!
//! The test fails when a case is neither right nor listed with the value tarikh gives (a new miss,
//! or a listed value that changed), when a listed case has become right (take it off the list),
//! when a list names a phrase the peers do not have, and when a file's count of right cases falls
//! under its floor in `tests/peer_floors.toml` (the figure reached;
//! `TARIKH_WRITE_FLOORS=1 cargo test --release -p tarikh --test peers` rewrites it).
//!
//! A clone without ../shared skips the check and says so; `TARIKH_REQUIRE_SHARED=1` (CI) makes
//! that a failure.

mod common;

use common::{require_shared, root, shared_peers};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

/// The peers' files and how bare weekdays and times are read for each (README of ../shared/peers).
const FILES: &[(&str, Option<&str>)] = &[("duckling_ar_time", Some("future")), ("duckling_ar_duration", None), ("dateparser_ar", Some("past"))];

/// One case of a peer file.
struct Case {
    text: String,
    reference: String,
    accepted: Vec<String>,
}

/// A listed case: (file, phrase) → (peer's value, tarikh's value, why), with its line for messages.
type Listed = BTreeMap<(String, String), (String, String, String, String)>;

/// The phrase as it is fed to `tarikh parse` (one line) and as the lists name it.
fn phrase(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value in the form the peers' scoring compares: `T15` → `T15:00`, `:00` seconds dropped, a zone
/// suffix dropped (scoring compares wall times).
fn canonical(value: &str) -> String {
    let Some(t) = value.find('T').filter(|_| !value.starts_with('P')) else { return value.to_string() };
    let (day, clock) = value.split_at(t + 1);
    let clock = clock.trim_end_matches('Z');
    let clock = match clock.rfind(['+', '-']) {
        Some(i) if i >= 2 && clock[..i].chars().all(|c| c.is_ascii_digit() || c == ':') => &clock[..i],
        _ => clock,
    };
    let mut clock = clock.to_string();
    if clock.len() == 2 && clock.chars().all(|c| c.is_ascii_digit()) {
        clock.push_str(":00");
    }
    if clock.len() == 8 && clock.ends_with(":00") {
        clock.truncate(5);
    }
    format!("{day}{clock}")
}

fn is_right(got: &str, accepted: &[String]) -> bool {
    let start = got.split('/').next().unwrap_or("");
    accepted.iter().any(|a| canonical(got) == canonical(a) || (got.contains('/') && !got.starts_with('P') && canonical(start) == canonical(a)))
}

fn load_cases(path: &std::path::Path) -> Vec<Case> {
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let cases = json["cases"].as_array().unwrap_or_else(|| panic!("{}: no `cases` array", path.display()));
    cases
        .iter()
        .map(|c| {
            let field = |k: &str| c[k].as_str().unwrap_or_else(|| panic!("{}: a case without `{k}`: {c}", path.display())).to_string();
            let mut accepted = vec![field("value")];
            accepted.extend(c["timex_alt"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)));
            Case { text: phrase(&field("text")), reference: field("ref"), accepted }
        })
        .collect()
}

/// tarikh's value for each case, running `tarikh parse` once per reference time.
fn run(cases: &[Case], prefer: Option<&str>) -> Vec<String> {
    let mut by_ref: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in cases.iter().enumerate() {
        by_ref.entry(c.reference.as_str()).or_default().push(i);
    }
    let mut got = vec![String::new(); cases.len()];
    for (reference, idx) in by_ref {
        let mut args = vec!["parse", "--ref", reference, "--format", "jsonl"];
        if let Some(p) = prefer {
            args.extend(["--prefer", p]);
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh")).args(&args).current_dir(root()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run tarikh parse");
        let input: String = idx.iter().map(|&i| format!("{}\n", cases[i].text)).collect();
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write phrases");
        let out = child.wait_with_output().expect("tarikh parse output");
        assert!(out.status.success(), "tarikh {} failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
        let lines: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect();
        assert_eq!(lines.len(), idx.len(), "tarikh parse printed {} lines for {} phrases", lines.len(), idx.len());
        for (&i, line) in idx.iter().zip(lines) {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("tarikh parse printed `{line}`: {e}"));
            got[i] = v["value"].as_str().unwrap_or("").to_string();
        }
    }
    got
}

/// Read a list (`file, phrase, peer value, tarikh value, why`, tab-separated, `#` comments).
fn load_list(name: &str) -> Listed {
    let path = root().join("data/peers").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut out = Listed::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("file\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() == 5 && !cols[4].trim().is_empty(), "{}:{}: a line is `file<TAB>phrase<TAB>peer value<TAB>tarikh value<TAB>why`, with a reason: `{line}`", path.display(), n + 1);
        let key = (cols[0].to_string(), phrase(cols[1]));
        let at = format!("{name}:{}", n + 1);
        assert!(out.insert(key, (cols[2].to_string(), cols[3].to_string(), cols[4].to_string(), at)).is_none(), "{}:{}: `{}` is listed twice", path.display(), n + 1, cols[1]);
    }
    out
}

#[test]
fn every_peer_case_is_right_or_listed_and_the_counts_hold() {
    let Some(peers) = shared_peers() else {
        require_shared("the peer conformance cases");
        return;
    };
    let divergences = load_list("divergences.tsv");
    let misses = load_list("known_misses.tsv");
    for key in divergences.keys() {
        assert!(!misses.contains_key(key), "`{}` ({}) is both a divergence and a known miss", key.1, key.0);
    }
    let floors_path = root().join("crates/tarikh/tests/peer_floors.toml");
    let floors: toml::Table = toml::from_str(&std::fs::read_to_string(&floors_path).expect("peer_floors.toml")).expect("peer_floors.toml is TOML");
    let mut failures = Vec::new();
    let mut written = String::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for (file, prefer) in FILES {
        let cases = load_cases(&peers.join(format!("{file}.json")));
        let got = run(&cases, *prefer);
        let (mut right, mut convention, mut missed) = (0, 0, 0);
        for (case, value) in cases.iter().zip(&got) {
            let key = (file.to_string(), case.text.clone());
            seen.insert(key.clone());
            let listed = divergences.get(&key).map(|l| (l, "divergences.tsv")).or_else(|| misses.get(&key).map(|l| (l, "known_misses.tsv")));
            if is_right(value, &case.accepted) {
                right += 1;
                if let Some(((_, _, _, at), _)) = listed {
                    failures.push(format!("{file}: «{}» is now right ({value}); take it off {at}", case.text));
                }
                continue;
            }
            match listed {
                Some(((_, listed_value, _, at), list)) if listed_value == value => {
                    if list == "divergences.tsv" {
                        convention += 1;
                    } else {
                        missed += 1;
                    }
                    let _ = at;
                }
                Some(((_, listed_value, _, at), _)) => failures.push(format!("{file}: «{}» now gives `{value}`, but {at} lists `{listed_value}`", case.text)),
                None => failures.push(format!(
                    "{file}: «{}» @ {} gives `{value}`, the peer expects `{}`; fix it, or list it in data/peers/divergences.tsv (a TIMEX3 convention) or known_misses.tsv (a tarikh bug), with this value",
                    case.text,
                    case.reference,
                    case.accepted.join("` or `")
                )),
            }
        }
        println!("{file}: {right}/{} right ({:.3}); {convention} divergent by convention ({:.3} with them); {missed} known misses", cases.len(), right as f64 / cases.len() as f64, (right + convention) as f64 / cases.len() as f64);
        written.push_str(&format!("\n[\"{file}\"]\nright = {right}\n"));
        let floor = floors.get(*file).and_then(|t| t.get("right")).and_then(|v| v.as_integer()).unwrap_or_else(|| panic!("{}: no `right` floor for [\"{file}\"]", floors_path.display()));
        if (right as i64) < floor {
            failures.push(format!("{file}: {right} cases right, under the floor {floor}"));
        }
    }
    for list in [&divergences, &misses] {
        for (key, (_, _, _, at)) in list {
            if !seen.contains(key) {
                failures.push(format!("{at}: `{}` is not a case of {}.json", key.1, key.0));
            }
        }
    }
    if std::env::var_os("TARIKH_WRITE_FLOORS").is_some() {
        let text = std::fs::read_to_string(&floors_path).expect("peer_floors.toml");
        let header: String = text.lines().take_while(|l| !l.starts_with('[')).map(|l| format!("{l}\n")).collect();
        std::fs::write(&floors_path, format!("{}{}", header.trim_end(), written)).expect("write peer_floors.toml");
        println!("wrote {}", floors_path.display());
        return;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn values_compare_as_the_peers_score_them() {
    assert!(is_right("2013-02-12T15:00", &["2013-02-12T15".into()]));
    assert!(is_right("2013-02-12T04:30", &["2013-02-12T04:30:00".into()]));
    assert!(is_right("2020-03-21T04:00", &["2020-03-21T04:00Z".into()]));
    assert!(is_right("2013-07-13/2013-07-15", &["2013-07-13".into()]));
    assert!(!is_right("2013-02-12T03:00", &["2013-02-12T15".into()]));
    assert!(!is_right("P1W", &["P1M".into()]));
    assert!(!is_right("", &["PT1S".into()]));
}
