//! `tarikh explain`: why a phrase comes out as it does. The report — every expression found with
//! its rule (file and line), captures, fields, contexts and resolution steps; every other
//! candidate and why it lost; and, for the words no expression covers, the nearest partial
//! matches and lexicon spellings — as text for people or as one JSON document for tools.

use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;
use tarikh_anchor::{PhraseExplanation, Prefer, Reference, Step};
use tarikh_grammar::{Candidate, ContextTrace, FieldTrace, LexiconHit, Loss, Outcome, Semantics, Source};
use tarikh_pipeline::records::TimexRecord;

/// The whole report (`--format json` prints it as one JSON document).
#[derive(Serialize)]
pub struct Report {
    /// The phrase as given.
    phrase: String,
    /// The phrase as the grammar reads it (normalised).
    normalised: String,
    /// What it was read against.
    reference: ReferenceView,
    /// How bare weekdays, months and times are read when nothing in the phrase says.
    prefer: &'static str,
    /// Whether any expression was found.
    matched: bool,
    /// The expressions found, in text order.
    expressions: Vec<ExpressionView>,
    /// Every candidate (`id` is its index here): what rules and compositions matched, and what
    /// became of each.
    candidates: Vec<CandidateView>,
    /// The words no expression covers, with the lexicon words they are or are near.
    uncovered: Vec<WordView>,
    /// For those words: how far the rules that get farthest into them get.
    partial_matches: Vec<PartialView>,
}

#[derive(Serialize)]
struct ReferenceView {
    date: String,
    time: Option<String>,
    timezone: String,
}

#[derive(Serialize)]
struct ExpressionView {
    /// The candidate it is (index into `candidates`).
    candidate: usize,
    /// Whether `tarikh parse` prints this one (the longest).
    printed_by_parse: bool,
    text: String,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "mod")]
    modifier: String,
    anchor: String,
    rule: String,
    interval_start: String,
    interval_end: String,
    /// The zone the phrase states (IANA name), empty when it states none.
    timezone: String,
    /// What the expression means before anchoring (the fields set, `name=value`).
    meaning: Vec<String>,
    /// The steps of its resolution, ending with the value.
    steps: Vec<Step>,
}

#[derive(Serialize)]
struct CandidateView {
    id: usize,
    /// The rule's or composition's name (`listed-day` for a day number listed before a date).
    name: String,
    /// The name with the contexts that widened it (`weekday+apposed-date`), as `tag` and `parse`
    /// print it.
    rule: String,
    /// File and line of the rule or composition.
    origin: String,
    /// `rule`, `composition` or `listed_day`.
    source: &'static str,
    /// For a composition: the two candidates it joins.
    parts: Vec<usize>,
    /// For a listed day: the dated day it takes its month from.
    listed_from: Option<usize>,
    #[serde(rename = "type")]
    kind: String,
    /// The expression's span (proclitics and signal words left out), in code points.
    text: String,
    start: usize,
    end: usize,
    /// The whole match, context words included.
    matched: String,
    matched_start: usize,
    matched_end: usize,
    priority: i32,
    captures: Vec<CaptureView>,
    fields: Vec<FieldView>,
    contexts: Vec<ContextView>,
    meaning: Vec<String>,
    /// `chosen`, `guard`, `lost`, `refused` or `replaced`.
    outcome: &'static str,
    /// For `lost`: the candidate that won.
    winner: Option<usize>,
    /// Why (empty for `chosen`).
    reason: String,
}

#[derive(Serialize)]
struct CaptureView {
    name: String,
    text: String,
    lexicon: Option<String>,
    value: Option<String>,
}

#[derive(Serialize)]
struct FieldView {
    field: String,
    template: String,
    /// `null` when the field was skipped (its captures took no part in the match).
    value: Option<String>,
}

#[derive(Serialize)]
struct ContextView {
    name: String,
    origin: String,
    /// The words it matched before the expression.
    before: Option<String>,
    /// The words it matched after the expression.
    after: Option<String>,
    include: bool,
    fields: Vec<FieldView>,
}

#[derive(Serialize)]
struct PartialView {
    rule: String,
    origin: String,
    /// Where the rule was tried (code points).
    start: usize,
    /// How far its pattern accepts the phrase (code points, exclusive).
    reached: usize,
    /// The part of the phrase it accepts.
    accepted: String,
    /// The word in which it stops (empty when the phrase ran out first).
    stopped_in: String,
    /// True when the phrase ends where the pattern wanted more.
    ran_out: bool,
    /// What the pattern would take where it stopped.
    expected: Vec<String>,
}

#[derive(Serialize)]
struct WordView {
    word: String,
    start: usize,
    end: usize,
    known: Vec<HitView>,
    near: Vec<HitView>,
}

#[derive(Serialize)]
struct HitView {
    lexicon: String,
    word: String,
    value: String,
    distance: usize,
}

/// The name `--prefer` gives a reading.
fn prefer_arg(p: Prefer) -> &'static str {
    match p {
        Prefer::Past => "past",
        Prefer::Future => "future",
        Prefer::Nearest => "nearest",
        Prefer::NearestLeaningPast => "news",
    }
}

/// The fields a meaning sets, `name=value`, in the order of the grammar's field list.
fn meaning(s: &Semantics) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut put = |name: &str, v: Option<String>| {
        if let Some(v) = v {
            out.push(format!("{name}={v}"));
        }
    };
    let dbg = |v: &dyn std::fmt::Debug| format!("{v:?}");
    put("year", s.year.map(|v| v.to_string()));
    put("month", s.month.map(|v| v.to_string()));
    put("day", s.day.map(|v| v.to_string()));
    put("weekday", s.weekday.map(|v| v.to_string()));
    put("hour", s.hour.map(|v| v.to_string()));
    put("minute", s.minute.map(|v| v.to_string()));
    put("second", s.second.map(|v| v.to_string()));
    put("minutes_to", s.minutes_to.map(|v| v.to_string()));
    put("part_of_day", s.part_of_day.map(|v| dbg(&v)));
    put("calendar", (s.calendar != tarikh_grammar::Calendar::Gregorian).then(|| dbg(&s.calendar)));
    put("shift", s.shift.map(|(u, n)| format!("{n:+} {u:?}")));
    put("direction", s.direction.map(|v| dbg(&v)));
    put("reference", s.reference.clone());
    put("amount", s.amount.map(|v| v.to_string()));
    put("amount_min", s.amount_min.map(|v| v.to_string()));
    put("amount_max", s.amount_max.map(|v| v.to_string()));
    put("unit", s.unit.map(|v| dbg(&v)));
    put("mod", s.modifier.clone());
    put("event", s.event.map(|v| dbg(&v)));
    put("event_gap", s.event_gap.map(|(u, n)| format!("{n} {u:?}")));
    put("last_of_event", s.last_of_event.map(|v| dbg(&v)));
    put("every", s.every.map(|v| dbg(&v)));
    put("timezone", s.timezone.clone());
    put("range_end", s.range_end.map(|v| dbg(&v)));
    put("hijri_pair", s.hijri_pair.map(|v| dbg(&v)));
    put("gregorian_year", s.gregorian_year.map(|v| v.to_string()));
    put("last_day", s.last_day.then(|| "true".into()));
    put("night_before", s.night_before.then(|| "true".into()));
    put("edge_days", s.edge_days.map(|v| v.to_string()));
    put("alt_hijri_date", s.hijri_alternative.map(|(m, d)| format!("{m}-{d}")));
    put("anaphora", s.anaphora.map(|v| dbg(&v)));
    put("season", s.season.clone());
    put("quarter", s.quarter.map(|v| v.to_string()));
    put("half", s.half.map(|v| v.to_string()));
    put("weekend", s.weekend.then(|| "true".into()));
    put("nth", s.nth.map(|v| v.to_string()));
    put("easter", s.easter.map(|(c, n)| format!("{c:?} {n:+}")));
    out
}

/// Build the report of an explained phrase.
pub fn report(e: &PhraseExplanation, reference: &Reference, prefer: Prefer) -> Report {
    let doc = &e.document;
    let chars: Vec<char> = doc.original.chars().collect();
    let span = |r: &Range<usize>| -> (usize, usize, String) {
        let (s, t) = doc.normalised.original_span(r.start, r.end);
        (s, t, chars[s.min(chars.len())..t.min(chars.len())].iter().collect())
    };
    let text_of = |r: &Range<usize>| span(r).2;
    let words_of = |r: &Range<usize>| span(r).2.trim().to_string();
    let fields = |f: &[FieldTrace]| f.iter().map(|f| FieldView { field: f.field.clone(), template: f.template.clone(), value: f.value.clone() }).collect::<Vec<_>>();
    let contexts = |c: &[ContextTrace]| {
        c.iter()
            .map(|c| ContextView { name: c.name.clone(), origin: c.origin.clone(), before: c.left.as_ref().map(words_of), after: c.right.as_ref().map(words_of), include: c.include, fields: fields(&c.fields) })
            .collect::<Vec<_>>()
    };
    let hits = |h: &[LexiconHit]| h.iter().map(|h| HitView { lexicon: h.lexicon.clone(), word: h.word.clone(), value: h.value.clone(), distance: h.distance }).collect::<Vec<_>>();
    let m = &e.matching;
    let candidates: Vec<CandidateView> = m
        .candidates
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let (start, end, text) = span(&c.mention.range);
            let (matched_start, matched_end, matched) = span(&c.mention.matched);
            let (outcome, winner, reason) = outcome_of(m.candidates.as_slice(), c, &text_of);
            let (source, parts, listed_from) = match c.source {
                Source::Rule => ("rule", Vec::new(), None),
                Source::Composition { first, second } => ("composition", vec![first, second], None),
                Source::ListedDay { from } => ("listed_day", Vec::new(), Some(from)),
            };
            CandidateView {
                id,
                name: c.name.clone(),
                rule: c.mention.rule.clone(),
                origin: c.origin.clone(),
                source,
                parts,
                listed_from,
                kind: c.mention.kind.to_string(),
                text,
                start,
                end,
                matched,
                matched_start,
                matched_end,
                priority: c.priority,
                captures: c.captures.iter().map(|k| CaptureView { name: k.name.clone(), text: text_of(&k.range), lexicon: k.lexicon.clone(), value: k.value.clone() }).collect(),
                fields: fields(&c.fields),
                contexts: contexts(&c.contexts),
                meaning: if matches!(c.outcome, Outcome::Refused(_)) { Vec::new() } else { meaning(&c.mention.semantics) },
                outcome,
                winner,
                reason,
            }
        })
        .collect();
    let expressions: Vec<ExpressionView> = e
        .expressions
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let (start, end, text) = span(&x.mention.range);
            let rec = x.timex.as_ref().map(|t| TimexRecord::new("", t));
            let field = |f: fn(&TimexRecord) -> &String| rec.as_ref().map(|r| f(r).clone()).unwrap_or_default();
            ExpressionView {
                candidate: x.candidate,
                printed_by_parse: e.longest == Some(i),
                text: rec.as_ref().map_or(text, |r| r.text.clone()),
                start: rec.as_ref().map_or(start, |r| r.start),
                end: rec.as_ref().map_or(end, |r| r.end),
                kind: rec.as_ref().map_or_else(|| x.mention.kind.to_string(), |r| r.kind.clone()),
                value: field(|r| &r.value),
                modifier: field(|r| &r.modifier),
                anchor: field(|r| &r.anchor),
                rule: rec.as_ref().map_or_else(|| x.mention.rule.clone(), |r| r.rule.clone()),
                interval_start: field(|r| &r.interval_start),
                interval_end: field(|r| &r.interval_end),
                timezone: field(|r| &r.timezone),
                meaning: meaning(&x.mention.semantics),
                steps: x.steps.clone(),
            }
        })
        .collect();
    let text = doc.normalised.as_str();
    let partial_matches = m
        .partial_matches
        .iter()
        .map(|p| {
            let (start, reached, accepted) = span(&(p.start..p.reached));
            let stopped_in = if p.ran_out { String::new() } else { text_of(&word_around(text, p.reached)) };
            PartialView { rule: p.rule.clone(), origin: p.origin.clone(), start, reached: reached.max(start), accepted, stopped_in, ran_out: p.ran_out, expected: p.expected.clone() }
        })
        .collect();
    let uncovered = m
        .words
        .iter()
        .map(|w| {
            let (start, end, word) = span(&w.range);
            WordView { word, start, end, known: hits(&w.known), near: hits(&w.near) }
        })
        .collect();
    Report {
        phrase: doc.original.clone(),
        normalised: text.to_string(),
        reference: ReferenceView { date: reference.date.format("%Y-%m-%d").to_string(), time: reference.time.map(|t| t.format("%H:%M:%S").to_string()), timezone: reference.tz.name().to_string() },
        prefer: prefer_arg(prefer),
        matched: !expressions.is_empty(),
        expressions,
        candidates,
        uncovered,
        partial_matches,
    }
}

/// The word of `text` around byte `at` (the characters of letters and digits on both sides).
fn word_around(text: &str, at: usize) -> Range<usize> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let start = text[..at].char_indices().rev().take_while(|(_, c)| word(*c)).last().map_or(at, |(i, _)| i);
    let end = text[at..].char_indices().find(|(_, c)| !word(*c)).map_or(text.len(), |(i, _)| at + i);
    start..end.max(at + text[at..].chars().next().map_or(0, char::len_utf8))
}

/// What became of a candidate, for the report: the outcome's name, the winner, and why.
fn outcome_of(all: &[Candidate], c: &Candidate, text_of: &dyn Fn(&Range<usize>) -> String) -> (&'static str, Option<usize>, String) {
    match &c.outcome {
        Outcome::Chosen => ("chosen", None, String::new()),
        Outcome::Guard => ("guard", None, "a guard rule (type NONE): it wins here, hides every candidate it overlaps, and is then dropped".into()),
        Outcome::Refused(why) => ("refused", None, format!("the pattern matched, but {why}")),
        Outcome::Replaced => ("replaced", None, "replaced by the day numbers listed before it, which take its month".into()),
        Outcome::Lost { winner, reason } => {
            let w = &all[*winner];
            let who = format!("#{winner} {} «{}»", w.name, text_of(&w.mention.matched));
            let why = match reason {
                Loss::Joined => format!("it is a part of {who}, which joins it with the expression next to it"),
                Loss::Shorter { chars, winner_chars } => format!("it is shorter than {who} ({chars} characters against {winner_chars})"),
                Loss::LowerPriority { priority, winner_priority } => format!("it is as long as {who}, whose priority is higher ({priority} against {winner_priority})"),
                Loss::LaterRule => format!("it is as long as {who}, of the same priority, and its rule is written later"),
                Loss::StartsLater => format!("it overlaps {who}, a match of the same rule that starts earlier"),
            };
            let why = if w.outcome == Outcome::Guard { format!("hidden by a guard: {why}") } else { why };
            ("lost", Some(*winner), why)
        }
    }
}

/// The report as text for people.
pub fn text(r: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let time = r.reference.time.as_deref().map_or(String::new(), |t| format!(" {t}"));
    let _ = writeln!(s, "phrase      «{}»", r.phrase);
    let _ = writeln!(s, "normalised  «{}»", r.normalised);
    let _ = writeln!(s, "reference   {}{time} ({}); bare days, months and hours read: {}", r.reference.date, r.reference.timezone, r.prefer);
    s.push('\n');
    if r.expressions.is_empty() {
        let _ = writeln!(s, "No rule matched «{}».", r.phrase);
    } else {
        let n = r.expressions.len();
        let _ = writeln!(s, "{n} expression{} found:", if n == 1 { "" } else { "s" });
    }
    let by_id: BTreeMap<usize, &CandidateView> = r.candidates.iter().map(|c| (c.id, c)).collect();
    for (i, x) in r.expressions.iter().enumerate() {
        s.push('\n');
        let value = if x.value.is_empty() { "no value".to_string() } else { format!("{} {}", x.kind, x.value) };
        let modifier = if x.modifier.is_empty() { String::new() } else { format!(" mod={}", x.modifier) };
        let modifier = if x.timezone.is_empty() { modifier } else { format!("{modifier} timezone={}", x.timezone) };
        let parse = if x.printed_by_parse { "   (what `tarikh parse` prints)" } else { "" };
        let _ = writeln!(s, "[{}] «{}» ({}–{}) → {value}{modifier}{parse}", i + 1, x.text, x.start, x.end);
        if !x.interval_start.is_empty() {
            let _ = writeln!(s, "    interval   [{} – {})", x.interval_start, x.interval_end);
        }
        if let Some(c) = by_id.get(&x.candidate) {
            candidate_text(&mut s, c, &by_id, "    ", 0);
        }
        let _ = writeln!(s, "    meaning    {}", if x.meaning.is_empty() { "(nothing set)".to_string() } else { x.meaning.join(" ") });
        let _ = writeln!(s, "    steps");
        for step in &x.steps {
            let name = serde_json::to_value(step.step).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let _ = writeln!(s, "      {name:<10} {}", step.detail);
        }
    }
    let others: Vec<&CandidateView> = r.candidates.iter().filter(|c| c.outcome != "chosen").collect();
    if !others.is_empty() {
        let _ = writeln!(s, "\nOther candidates:");
        for c in others {
            let _ = writeln!(s, "  #{} {} «{}» ({}, {})", c.id, c.rule, c.matched, c.kind, c.origin);
            let _ = writeln!(s, "      {}: {}", c.outcome, c.reason);
        }
    }
    if !r.partial_matches.is_empty() {
        let _ = writeln!(s, "\nNearest partial matches (how far each rule's pattern gets into the words no expression covers):");
        for p in &r.partial_matches {
            let _ = writeln!(s, "  {}  {}", p.rule, p.origin);
            let stop = if p.ran_out {
                "then the phrase ends where the rule wants more".to_string()
            } else {
                let wanted = if p.expected.is_empty() { String::new() } else { format!("; it wanted {}", p.expected.iter().map(|x| if x.chars().count() == 1 && x != "…" { format!("«{x}»") } else { x.clone() }).collect::<Vec<_>>().join(", ")) };
                let at: String = r.phrase.chars().skip(p.reached).take(1).collect();
                if at.trim().is_empty() {
                    format!("then stops at the space after it{wanted}")
                } else {
                    format!("then stops at «{at}» in «{}»{wanted}", p.stopped_in.trim())
                }
            };
            let _ = writeln!(s, "      accepts «{}», {stop}", p.accepted);
        }
    }
    if !r.uncovered.is_empty() {
        let title = if r.expressions.is_empty() { "Words of the phrase" } else { "Words outside every expression" };
        let _ = writeln!(s, "\n{title}:");
        for w in &r.uncovered {
            let mut notes: Vec<String> = Vec::new();
            if !w.known.is_empty() {
                let lex: Vec<String> = w.known.iter().map(|h| format!("{} = {}", h.lexicon, h.value)).collect();
                notes.push(format!("a lexicon word ({}), but no rule matched around it", lex.join(", ")));
            }
            if !w.near.is_empty() {
                let near: Vec<String> = w.near.iter().map(|h| format!("«{}» ({} = {}, {} edit{})", h.word, h.lexicon, h.value, h.distance, if h.distance == 1 { "" } else { "s" })).collect();
                notes.push(format!("near {}", near.join(", ")));
            }
            if notes.is_empty() {
                notes.push("no lexicon word within two edits".into());
            }
            let _ = writeln!(s, "  «{}»: {}", w.word, notes.join("; "));
        }
    }
    s
}

/// A candidate's rule, captures, fields and contexts, indented by `indent`; a composition's parts
/// follow, indented further.
fn candidate_text(s: &mut String, c: &CandidateView, by_id: &BTreeMap<usize, &CandidateView>, indent: &str, depth: usize) {
    use std::fmt::Write;
    match c.listed_from.and_then(|f| by_id.get(&f)) {
        Some(from) => {
            let _ = writeln!(s, "{indent}listed     a day number before «{}» (#{}, {}), whose month and year it takes", from.matched, from.id, from.origin);
        }
        None => {
            let kind = if c.source == "composition" { "compose" } else { "rule" };
            let _ = writeln!(s, "{indent}{kind:<10} {}  {}", c.name, c.origin);
        }
    }
    let _ = writeln!(s, "{indent}matched    «{}»", c.matched);
    for (i, k) in c.captures.iter().enumerate() {
        let label = if i == 0 { "captures" } else { "" };
        let value = match (&k.lexicon, &k.value) {
            (Some(l), Some(v)) => format!(" → {v} (lexicon {l})"),
            (Some(l), None) => format!(" (lexicon {l}: no value)"),
            (None, Some(v)) if v != &k.text => format!(" → {v}"),
            _ => String::new(),
        };
        let _ = writeln!(s, "{indent}{label:<10} {} = «{}»{value}", k.name, k.text);
    }
    for (i, f) in c.fields.iter().enumerate() {
        let label = if i == 0 { "fields" } else { "" };
        let value = f.value.as_deref().map_or("skipped (its capture took no part in the match)".to_string(), |v| if v == f.template { v.to_string() } else { format!("{} → {v}", f.template) });
        let _ = writeln!(s, "{indent}{label:<10} {} = {value}", f.field);
    }
    for x in &c.contexts {
        let words: Vec<String> = [x.before.as_ref().map(|b| format!("«{b}» before")), x.after.as_ref().map(|a| format!("«{a}» after"))].into_iter().flatten().collect();
        let set: Vec<String> = x.fields.iter().filter_map(|f| f.value.as_ref().map(|v| format!("{}={v}", f.field))).collect();
        let taken = if x.include { "taken into the expression" } else { "left outside the expression" };
        let _ = writeln!(s, "{indent}context    {}  {}: {} ({taken}){}", x.name, x.origin, words.join(", "), if set.is_empty() { String::new() } else { format!("; sets {}", set.join(" ")) });
    }
    if depth < 4 {
        for p in c.parts.iter().filter_map(|p| by_id.get(p)) {
            let _ = writeln!(s, "{indent}part #{}", p.id);
            candidate_text(s, p, by_id, &format!("{indent}  "), depth + 1);
        }
    }
}
