//! `tarikh explain`: one phrase read as `tarikh parse` reads it, with every step recorded — the
//! grammar's candidates and how they were settled ([`tarikh_grammar::MatchExplanation`]), then for
//! each expression found the steps of its resolution ([`Step`]) and the value.

use crate::document::{anchor_traced, PublicationHint};
use crate::resolve::{Prefer, Reference};
use crate::trace::{Step, StepKind};
use crate::types::{AnchoredDocument, DocConflict, Timex};
use tarikh_grammar::{Grammar, MatchExplanation, Mention};
use tarikh_text::Normalised;

/// One expression of the phrase and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedExpression {
    /// The candidate it comes from (index into [`MatchExplanation::candidates`]).
    pub candidate: usize,
    /// The mention as anchored (a «منذ» + amount may have become a date).
    pub mention: Mention,
    /// The resolved expression; `None` when it names a date that does not exist.
    pub timex: Option<Timex>,
    /// The steps of its resolution, in order, ending with the value.
    pub steps: Vec<Step>,
    /// Problems found while reading it (a weekday that does not match its date…).
    pub problems: Vec<DocConflict>,
}

/// A phrase, explained.
#[derive(Debug, Clone)]
pub struct PhraseExplanation {
    /// The phrase anchored as `tarikh parse` anchors it (original and normalised text, timexes).
    pub document: AnchoredDocument,
    /// What the grammar found in it.
    pub matching: MatchExplanation,
    /// The expressions found, in text order.
    pub expressions: Vec<ExplainedExpression>,
    /// The expression `tarikh parse` prints (the longest), as an index into `expressions`.
    pub longest: Option<usize>,
}

/// Explain how `phrase` is read against `reference` (see the module doc): the same reading as
/// [`crate::parse_phrase_all`], with every step of it.
pub fn explain_phrase(grammar: &Grammar, phrase: &str, reference: Reference, prefer: Prefer) -> PhraseExplanation {
    let normalised = Normalised::new(phrase);
    let matching = grammar.explain(normalised.as_str());
    let mentions = matching.mentions();
    let hint = PublicationHint { date: Some(reference.date), time: reference.time, timezone: reference.tz, fallback: None, inferred: None };
    let mut steps: Vec<Vec<Step>> = vec![Vec::new(); mentions.len()];
    let (document, anchored) = anchor_traced(grammar, "phrase", phrase.to_string(), normalised, mentions, &hint, prefer, Some(&mut steps));
    let mut expressions = Vec::new();
    let mut timexes = document.timexes.iter().peekable();
    for (i, (mention, mut steps)) in anchored.into_iter().zip(steps).enumerate() {
        // Timexes are built from the mentions in order, minus those that name no date.
        let timex = timexes.next_if(|t| t.byte_range == mention.range).cloned();
        let (start, end) = crate::document::mention_span(&document.normalised, &mention.range);
        let problems: Vec<DocConflict> = document.conflicts.iter().filter(|c| c.start < end.max(start + 1) && start < c.end).cloned().collect();
        for p in &problems {
            steps.push(Step { step: StepKind::Problem, detail: format!("{}: {}", p.kind, p.description) });
        }
        steps.push(Step {
            step: StepKind::Value,
            detail: match &timex {
                Some(t) => match t.interval {
                    Some(iv) => format!("{} {} ({} anchor), the interval [{} – {})", t.kind.as_str(), t.value, t.anchor.as_str(), iv.start.format("%Y-%m-%dT%H:%M%:z"), iv.end.format("%Y-%m-%dT%H:%M%:z")),
                    None => format!("{} {} ({} anchor)", t.kind.as_str(), t.value, t.anchor.as_str()),
                },
                None => "none: the expression names a date that does not exist, and is left out".into(),
            },
        });
        expressions.push(ExplainedExpression { candidate: matching.chosen[i], mention, timex, steps, problems });
    }
    // What `parse` prints: the longest, the first of equals.
    let longest = expressions.iter().enumerate().filter_map(|(i, e)| e.timex.as_ref().map(|t| (i, t))).max_by_key(|(_, t)| (t.end - t.start, std::cmp::Reverse(t.start))).map(|(i, _)| i);
    PhraseExplanation { document, matching, expressions, longest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn explain(phrase: &str, day: (i32, u32, u32), prefer: Prefer) -> PhraseExplanation {
        let grammar = Grammar::embedded().expect("grammar");
        let r = Reference { date: NaiveDate::from_ymd_opt(day.0, day.1, day.2).expect("a day"), time: None, tz: chrono_tz::UTC };
        explain_phrase(&grammar, phrase, r, prefer)
    }

    fn steps_of(e: &ExplainedExpression, kind: StepKind) -> Vec<&str> {
        e.steps.iter().filter(|s| s.step == kind).map(|s| s.detail.as_str()).collect()
    }

    #[test]
    fn the_value_is_parse_s_and_every_step_is_said() {
        let grammar = Grammar::embedded().expect("grammar");
        let r = Reference { date: NaiveDate::from_ymd_opt(2017, 5, 6).expect("a day"), time: None, tz: chrono_tz::UTC };
        for phrase in ["مساء الجمعة", "وقال إن الاجتماع عقد الخميس", "10 شعبان 1438 هـ", "الساعة العاشرة بتوقيت غرينتش", "قبل 48 ساعة من التصويت"] {
            let e = explain_phrase(&grammar, phrase, r, Prefer::Nearest);
            let parsed = crate::parse_phrase(&grammar, phrase, r, Prefer::Nearest);
            let longest = e.longest.map(|i| e.expressions[i].timex.clone().expect("a value"));
            assert_eq!(longest, parsed, "{phrase}");
            for x in &e.expressions {
                assert_eq!(x.steps.last().map(|s| s.step), Some(StepKind::Value), "{phrase}: {:?}", x.steps);
                assert!(!steps_of(x, StepKind::Tense).is_empty() && !steps_of(x, StepKind::Reference).is_empty(), "{phrase}: {:?}", x.steps);
            }
        }
    }

    #[test]
    fn a_tense_cue_is_named_with_its_word() {
        let e = explain("وقال إن الاجتماع عقد الخميس", (2017, 5, 6), Prefer::Nearest);
        let x = e.expressions.last().expect("the weekday");
        assert!(steps_of(x, StepKind::Tense).iter().any(|s| s.contains("«عقد»") && s.ends_with("past")), "{:?}", x.steps);
        assert!(steps_of(x, StepKind::Weekday).iter().any(|s| s.contains("Thursday") && s.contains("2017-05-04")), "{:?}", x.steps);
    }

    #[test]
    fn a_hijri_date_says_its_conversion() {
        let e = explain("10 شعبان 1438 هـ", (2017, 5, 6), Prefer::Nearest);
        let x = &e.expressions[0];
        assert!(steps_of(x, StepKind::Calendar).iter().any(|s| s.contains("10/8/1438") && s.contains("2017-05-06")), "{:?}", x.steps);
    }

    #[test]
    fn a_stated_zone_is_a_step() {
        let e = explain("الساعة العاشرة بتوقيت غرينتش", (2017, 5, 6), Prefer::Nearest);
        let x = &e.expressions[0];
        assert!(steps_of(x, StepKind::Zone).iter().any(|s| s.contains("states")), "{:?}", x.steps);
        assert!(steps_of(x, StepKind::Clock).iter().any(|s| s.contains("10:00")), "{:?}", x.steps);
    }
}
