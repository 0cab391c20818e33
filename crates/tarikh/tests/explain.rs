//! `tarikh explain` as a linguist uses it: the rule that matched (a file and line that really hold
//! that rule), the captures, the resolution steps, and the same value as `tarikh parse`; near-misses
//! when no rule matches; clear errors for a bad reference.

mod common;

use common::{both, root, tarikh, tarikh_stdin};
use serde_json::Value;

/// `tarikh explain PHRASE ARGS --format json`, parsed (one JSON document).
fn explain_json(phrase: &str, args: &[&str]) -> Value {
    let mut all = vec!["explain", phrase, "--format", "json"];
    all.extend_from_slice(args);
    let o = tarikh(&all);
    assert!(o.status.success(), "{all:?}: {}", both(&o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{all:?}: not one JSON document: {e}\n{}", both(&o)))
}

/// `tarikh explain PHRASE ARGS` as text.
fn explain_text(phrase: &str, args: &[&str]) -> String {
    let mut all = vec!["explain", phrase];
    all.extend_from_slice(args);
    let o = tarikh(&all);
    assert!(o.status.success(), "{all:?}: {}", both(&o));
    String::from_utf8(o.stdout).expect("UTF-8")
}

/// `tarikh parse ARGS --format jsonl` on one phrase: its answer.
fn parse_answer(phrase: &str, args: &[&str]) -> Value {
    let mut all = vec!["parse", "--format", "jsonl"];
    all.extend_from_slice(args);
    let o = tarikh_stdin(&all, &format!("{phrase}\n"));
    assert!(o.status.success(), "{all:?}: {}", both(&o));
    serde_json::from_str(String::from_utf8_lossy(&o.stdout).lines().next().expect("one line")).expect("JSON")
}

/// The expression explain marks as parse's, checked field by field against parse's answer.
fn parse_s_expression<'a>(report: &'a Value, phrase: &str, args: &[&str]) -> &'a Value {
    let marked: Vec<&Value> = report["expressions"].as_array().expect("expressions").iter().filter(|x| x["printed_by_parse"] == true).collect();
    assert_eq!(marked.len(), 1, "«{phrase}»: one expression is parse's: {report:#}");
    let parsed = parse_answer(phrase, args);
    for key in ["text", "start", "end", "type", "value", "mod", "anchor", "rule", "interval_start", "interval_end", "timezone"] {
        assert_eq!(marked[0][key], parsed[key], "«{phrase}» {args:?}: explain's {key} is not parse's");
    }
    marked[0]
}

/// The candidate an expression comes from.
fn candidate_of<'a>(report: &'a Value, expression: &Value) -> &'a Value {
    let id = expression["candidate"].as_u64().expect("candidate id");
    report["candidates"].as_array().expect("candidates").iter().find(|c| c["id"] == id).expect("the candidate")
}

/// The `file:line` a rule is said to come from holds that rule: the line opens a `[[rule]]` (or
/// `[[compose]]`/`[[context]]`) table whose `name` is the rule's.
fn assert_origin_holds(origin: &str, name: &str) {
    let (file, line) = origin.rsplit_once(':').unwrap_or_else(|| panic!("`{origin}` is not file:line"));
    let line: usize = line.parse().unwrap_or_else(|_| panic!("`{origin}`: no line number"));
    let text = std::fs::read_to_string(root().join(file)).unwrap_or_else(|e| panic!("`{origin}`: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[line - 1].trim().starts_with("[["), "`{origin}`: line {line} is «{}», not a table header", lines[line - 1]);
    let named = lines[line..].iter().take_while(|l| !l.trim().starts_with("[[")).find_map(|l| l.trim().strip_prefix("name =")).map(|n| n.trim().trim_matches('"'));
    assert_eq!(named, Some(name), "`{origin}` does not hold the rule {name}");
}

fn steps_of<'a>(expression: &'a Value, step: &str) -> Vec<&'a str> {
    expression["steps"].as_array().expect("steps").iter().filter(|s| s["step"] == step).map(|s| s["detail"].as_str().unwrap_or("")).collect()
}

#[test]
fn a_weekday_after_a_past_verb_names_its_rule_its_cue_and_parse_s_value() {
    let (phrase, args) = ("وقال إن الاجتماع عقد الخميس", &["--ref", "2017-05-06"][..]);
    let report = explain_json(phrase, args);
    let x = parse_s_expression(&report, phrase, args);
    assert_eq!(x["value"], "2017-05-04", "the Thursday before, read past from «عقد»");
    let c = candidate_of(&report, x);
    assert_origin_holds(c["origin"].as_str().expect("origin"), c["name"].as_str().expect("name"));
    assert_eq!(c["captures"][0]["name"], "weekday");
    assert_eq!(c["captures"][0]["text"], "الخميس");
    assert_eq!(c["captures"][0]["value"], "4");
    assert!(steps_of(x, "tense").iter().any(|s| s.contains("«عقد»") && s.ends_with("past")), "{x:#}");
    assert!(steps_of(x, "weekday").iter().any(|s| s.contains("2017-05-04")), "{x:#}");
    // The text says the same for people: the rule with its file and line, the value parse prints.
    let text = explain_text(phrase, args);
    assert!(text.contains(&format!("rule       {}  {}", c["name"].as_str().unwrap(), c["origin"].as_str().unwrap())), "{text}");
    assert!(text.contains("→ DATE 2017-05-04   (what `tarikh parse` prints)"), "{text}");
    assert!(text.contains("tense      the cue word «عقد»"), "{text}");
}

#[test]
fn a_relative_day_shows_its_shift_from_the_reference() {
    let (phrase, args) = ("أمس", &["--ref", "2024-03-01"][..]);
    let report = explain_json(phrase, args);
    let x = parse_s_expression(&report, phrase, args);
    assert_eq!(x["value"], "2024-02-29", "the day before 1 March of a leap year");
    let c = candidate_of(&report, x);
    assert_origin_holds(c["origin"].as_str().unwrap(), c["name"].as_str().unwrap());
    assert!(steps_of(x, "shift").iter().any(|s| s.contains("-1 day") && s.contains("2024-03-01") && s.ends_with("2024-02-29")), "{x:#}");
}

#[test]
fn a_hijri_date_shows_its_conversion() {
    let (phrase, args) = ("في 15 رمضان 1445 هـ", &["--ref", "2024-03-10"][..]);
    let report = explain_json(phrase, args);
    let x = parse_s_expression(&report, phrase, args);
    assert_eq!(x["value"], "2024-03-25");
    let c = candidate_of(&report, x);
    assert_origin_holds(c["origin"].as_str().unwrap(), c["name"].as_str().unwrap());
    let month = c["captures"].as_array().unwrap().iter().find(|k| k["text"] == "رمضان").expect("the month captured");
    assert_eq!(month["value"], "9");
    assert_eq!(month["lexicon"], "month_hijri");
    assert!(steps_of(x, "calendar").iter().any(|s| s.contains("15/9/1445") && s.contains("2024-03-25")), "{x:#}");
    // A shorter reading of the same words lost, and explain says to whom and why.
    let lost: Vec<&Value> = report["candidates"].as_array().unwrap().iter().filter(|c| c["outcome"] == "lost").collect();
    assert!(lost.iter().any(|l| l["winner"] == x["candidate"] && l["reason"].as_str().unwrap().contains("shorter")), "{report:#}");
}

#[test]
fn a_stated_zone_is_a_step_and_the_clock_is_read_in_it() {
    let (phrase, args) = ("الساعة العاشرة صباحا بتوقيت غرينتش", &["--ref", "2017-05-06T09:00", "--timezone", "Asia/Riyadh"][..]);
    let report = explain_json(phrase, args);
    let x = parse_s_expression(&report, phrase, args);
    assert_eq!(x["interval_start"], "2017-05-06T10:00+00:00", "ten in the morning GMT, whatever the reference's zone");
    assert_eq!(x["timezone"], "UTC", "the zone the phrase states, not the reference's");
    let c = candidate_of(&report, x);
    assert_origin_holds(c["origin"].as_str().unwrap(), c["name"].as_str().unwrap());
    let zone = c["captures"].as_array().unwrap().iter().find(|k| k["lexicon"] == "timezone").expect("the zone captured");
    assert_eq!(zone["value"], "+00:00");
    assert!(steps_of(x, "zone").iter().any(|s| s.contains("the zone the text states (+00:00") && s.contains("not the reference's Asia/Riyadh")), "{x:#}");
    assert!(explain_text(phrase, args).contains("zone       the zone the text states"));
}

#[test]
fn a_phrase_no_rule_covers_shows_the_nearest_partial_matches_and_spellings() {
    // «الربيغ» is «الربيع» (spring) with one letter wrong.
    let (phrase, args) = ("في الربيغ القادم", &["--ref", "2024-03-10"][..]);
    let report = explain_json(phrase, args);
    assert_eq!(report["matched"], false);
    assert_eq!(parse_answer(phrase, args)["value"], "", "parse finds nothing either");
    let partial = report["partial_matches"].as_array().expect("partial matches");
    assert!(!partial.is_empty(), "{report:#}");
    let first = &partial[0];
    assert_eq!(first["accepted"], "في الربي", "the farthest rule gets to the misspelt letter: {report:#}");
    assert!(first["expected"].as_array().unwrap().iter().any(|e| e == "ع"), "{report:#}");
    let rule = first["rule"].as_str().unwrap();
    assert_origin_holds(first["origin"].as_str().unwrap(), rule);
    let word = report["uncovered"].as_array().unwrap().iter().find(|w| w["word"] == "الربيغ").expect("the misspelt word");
    assert!(word["near"].as_array().unwrap().iter().any(|h| h["word"].as_str().unwrap().starts_with("ربيع") && h["distance"] == 1), "{word:#}");
    let text = explain_text(phrase, args);
    assert!(text.contains("No rule matched «في الربيغ القادم»."), "{text}");
    assert!(text.contains(&format!("  {rule}  {}", first["origin"].as_str().unwrap())), "{text}");
    assert!(text.contains("accepts «في الربي», then stops at «غ» in «الربيغ»; it wanted «ع»"), "{text}");
}

#[test]
fn explain_gives_parse_s_value_on_grammar_examples() {
    // A spread of the grammar's own examples (every one is compared in-process by
    // tarikh-anchor's grammar_examples test; here the binary, with its argument reading).
    let cases: &[(&str, &str, &str)] = &[
        ("مساء الجمعة 5 مايو", "2017-05-06", "news"),
        ("قبل 48 ساعة من التصويت", "2017-05-06T10:00:00+02:00", "nearest"),
        ("الأسبوع المقبل", "2024-12-30", "nearest"),
        ("منذ ثلاثة أيام", "2021-01-02", "past"),
        ("عيد الفطر", "2023-03-01", "future"),
        ("في الربع الأول من 2024", "2024-06-01", "news"),
        ("أول أمس", "2017-05-06T01:30", "nearest"),
    ];
    for (phrase, reference, prefer) in cases {
        let args = ["--ref", reference, "--prefer", prefer];
        let report = explain_json(phrase, &args);
        let x = parse_s_expression(&report, phrase, &args);
        assert_ne!(x["value"], "", "«{phrase}»: a value");
        let c = candidate_of(&report, x);
        assert_origin_holds(c["origin"].as_str().unwrap(), c["name"].as_str().unwrap());
        assert_eq!(x["steps"].as_array().unwrap().last().unwrap()["step"], "value", "«{phrase}»");
    }
}

#[test]
fn the_phrase_can_come_on_stdin() {
    let o = tarikh_stdin(&["explain", "--ref", "2017-05-06", "--format", "json"], "بعد غد\n");
    assert!(o.status.success(), "{}", both(&o));
    let report: Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(report["phrase"], "بعد غد");
    assert_eq!(report["expressions"][0]["value"], "2017-05-08");
}

#[test]
fn bad_input_is_a_clear_error() {
    for (args, why) in [
        (&["explain", "غدا", "--ref", "2017-13-01"][..], "--ref expected a date like 2017-05-06"),
        (&["explain", "غدا", "--ref", "tomorrow"][..], "--ref expected a date like 2017-05-06"),
        (&["explain", "غدا", "--ref", "2017-05-06", "--timezone", "Mars/Olympus"][..], "unknown time zone `Mars/Olympus`"),
        (&["explain", "غدا"][..], "--ref"),
        (&["explain", "غدا", "--ref", "2017-05-06", "--format", "csv"][..], "possible values: text, json"),
    ] {
        let o = tarikh(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", both(&o));
        assert!(String::from_utf8_lossy(&o.stderr).contains(why), "{args:?}: {}", both(&o));
    }
    let o = tarikh_stdin(&["explain", "--ref", "2017-05-06"], "  \n");
    assert_eq!(o.status.code(), Some(2), "{}", both(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("explain needs a phrase"), "{}", both(&o));
}
