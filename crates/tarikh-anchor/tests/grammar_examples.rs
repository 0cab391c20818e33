//! Runs every example written in the grammar files (data/grammar/ar): the phrase, read against its
//! reference time, must give the expected value (and span, type and mod when the example says so);
//! every must-not-match phrase must stay untagged. (How many examples there are is a floor in
//! crates/tarikh/tests/quality_floors.toml, checked by crates/tarikh/tests/quality.rs.)

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use tarikh_anchor::{parse_phrase, parse_phrase_all, Prefer, Reference};
use tarikh_grammar::Grammar;

fn reference(s: &str) -> Reference {
    let s = s.trim();
    let (date, time) = match NaiveDateTime::parse_from_str(&s[..s.len().min(16)], "%Y-%m-%dT%H:%M") {
        Ok(dt) => (dt.date(), Some(dt.time())),
        Err(_) => (NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").expect("example reference date"), None::<NaiveTime>),
    };
    Reference { date, time, tz: chrono_tz::Europe::Paris }
}

#[test]
fn every_grammar_example_resolves_as_written() {
    let grammar = Grammar::embedded().expect("embedded grammar loads");
    let mut failures = Vec::new();
    for ex in grammar.examples() {
        // Examples model news text: without a stated preference they read like a document would.
        let prefer: Prefer = ex.prefer.as_deref().unwrap_or("news").parse().expect("prefer is past/future/nearest/news");
        let got = match &ex.span {
            // An example that names its span checks that expression, not the longest one.
            Some(span) => parse_phrase_all(&grammar, &ex.text, reference(&ex.reference), prefer).into_iter().find(|t| &t.text == span),
            None => parse_phrase(&grammar, &ex.text, reference(&ex.reference), prefer),
        };
        let (value, text, kind, modifier) = match &got {
            Some(t) => (t.value.clone(), t.text.clone(), t.kind.as_str().to_string(), t.modifier.clone().unwrap_or_default()),
            None => (String::new(), String::new(), String::new(), String::new()),
        };
        let mut wrong = value != ex.value;
        if let Some(span) = &ex.span {
            wrong |= &text != span;
        }
        if let Some(k) = &ex.kind {
            wrong |= &kind != k;
        }
        if let Some(m) = &ex.modifier {
            wrong |= &modifier != m;
        }
        if wrong {
            failures.push(format!(
                "{}: «{}» @ {} → value `{}` span «{}» type {} mod `{}` (expected `{}`{}{}{})",
                ex.origin,
                ex.text,
                ex.reference,
                value,
                text,
                kind,
                modifier,
                ex.value,
                ex.span.as_ref().map(|s| format!(" span «{s}»")).unwrap_or_default(),
                ex.kind.as_ref().map(|k| format!(" type {k}")).unwrap_or_default(),
                ex.modifier.as_ref().map(|m| format!(" mod `{m}`")).unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} grammar examples fail:\n{}", failures.len(), grammar.examples().len(), failures.join("\n"));
}

#[test]
fn must_not_match_phrases_stay_untagged() {
    let grammar = Grammar::embedded().expect("embedded grammar loads");
    let mut failures = Vec::new();
    for n in grammar.negatives() {
        let doc = tarikh_anchor::anchor_document(
            &grammar,
            "negative",
            n.text.clone(),
            &tarikh_anchor::PublicationHint { date: NaiveDate::from_ymd_opt(2017, 5, 6), time: None, timezone: chrono_tz::Europe::Paris, fallback: None, inferred: None },
            Prefer::NearestLeaningPast,
        );
        let guarded = n.span.clone().unwrap_or_else(|| n.text.clone());
        let gstart = n.text.find(&guarded).map(|b| n.text[..b].chars().count()).unwrap_or(0);
        let gend = gstart + guarded.chars().count();
        for t in &doc.timexes {
            if t.start < gend && gstart < t.end {
                failures.push(format!("{}: «{}» tagged «{}» = {} ({}); {}", n.origin, n.text, t.text, t.value, t.rule, n.why));
            }
        }
    }
    assert!(failures.is_empty(), "{} must-not-match phrases were tagged:\n{}", failures.len(), failures.join("\n"));
}

/// `tarikh explain` is only a debugger if it shows the reading `tarikh parse` makes: on every
/// grammar example, the expressions it explains are exactly parse's (same spans, types, values,
/// mods, intervals), the one it marks as parse's is parse's answer, each names its rule's file and
/// line, and each resolution ends with its value.
#[test]
fn explain_reads_every_grammar_example_as_parse_does() {
    let grammar = Grammar::embedded().expect("embedded grammar loads");
    let mut failures = Vec::new();
    for ex in grammar.examples() {
        let prefer: Prefer = ex.prefer.as_deref().unwrap_or("news").parse().expect("prefer is past/future/nearest/news");
        let r = reference(&ex.reference);
        let e = tarikh_anchor::explain_phrase(&grammar, &ex.text, r, prefer);
        let explained: Vec<_> = e.expressions.iter().filter_map(|x| x.timex.clone()).collect();
        let place = format!("{}: «{}» @ {}", ex.origin, ex.text, ex.reference);
        if explained != parse_phrase_all(&grammar, &ex.text, r, prefer) {
            failures.push(format!("{place}: explain's expressions differ from parse_phrase_all's"));
        }
        if e.longest.and_then(|i| e.expressions[i].timex.clone()) != parse_phrase(&grammar, &ex.text, r, prefer) {
            failures.push(format!("{place}: the expression marked as parse's is not parse's"));
        }
        for x in &e.expressions {
            let origin = &e.matching.candidates[x.candidate].origin;
            let line = origin.rsplit_once(':').and_then(|(file, n)| file.ends_with(".toml").then(|| n.parse::<usize>().ok()).flatten());
            if !origin.starts_with("data/grammar/") || line.is_none() {
                failures.push(format!("{place}: the rule's origin `{origin}` is not a grammar file and line"));
            }
            if x.steps.last().map(|s| s.step) != Some(tarikh_anchor::StepKind::Value) {
                failures.push(format!("{place}: the steps do not end with the value: {:?}", x.steps));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures on {} grammar examples:\n{}", failures.len(), grammar.examples().len(), failures.join("\n"));
}
