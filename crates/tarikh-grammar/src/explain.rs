//! Why the grammar reads a phrase as it does: every candidate match with the rule (file and line)
//! that made it, its captures and their lexicon values, the fields and contexts applied, how the
//! overlapping candidates were settled; and, for the words no expression covers, how far each rule
//! gets into them and which lexicon words they are near. This is what `tarikh explain` shows.
//!
//! [`Grammar::explain`] runs the same per-match step, composition and precedence as
//! [`Grammar::find`] (shared functions in matcher.rs), recording as it goes; its chosen
//! expressions are exactly `find`'s (a test checks it on every grammar example). `find` itself
//! records nothing and allocates nothing for the trace.

use crate::load::{Grammar, Rule};
use crate::matcher::precedence;
use crate::semantics::{MentionType, Semantics};
use crate::Mention;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::{Anchored, Input, MatchKind};
use std::ops::Range;

/// One field a rule or context set from its `fields` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldTrace {
    /// The field's name (`day`, `shift`…).
    pub field: String,
    /// Its template as written (`{day}`, `D:-1`).
    pub template: String,
    /// The value it was set to; `None` when its captures took no part in the match (skipped).
    pub value: Option<String>,
}

/// The fields applied while building one candidate, or why a value was refused.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldLog {
    pub(crate) set: Vec<FieldTrace>,
    pub(crate) refused: Option<String>,
}

/// A context that widened or changed a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextTrace {
    /// Index of the context in the grammar.
    pub(crate) context: usize,
    /// The context's name.
    pub name: String,
    /// File and line of its `[[context]]` table.
    pub origin: String,
    /// The words it matched before the expression (byte range of the normalised text).
    pub left: Option<Range<usize>>,
    /// The words it matched after the expression.
    pub right: Option<Range<usize>>,
    /// Whether those words became part of the expression.
    pub include: bool,
    /// The fields it set.
    pub fields: Vec<FieldTrace>,
}

/// What building one rule candidate recorded.
#[derive(Debug, Clone, Default)]
pub(crate) struct CandidateTrace {
    pub(crate) fields: FieldLog,
    pub(crate) contexts: Vec<ContextTrace>,
}

/// A candidate joined from two others by a `[[compose]]` entry.
#[derive(Debug, Clone)]
pub(crate) struct Joined {
    pub(crate) composition: usize,
    pub(crate) first: usize,
    pub(crate) second: usize,
    pub(crate) contexts: Vec<ContextTrace>,
}

/// One named group of a rule's match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureTrace {
    /// The group's name (`day`, `month`, `span`…).
    pub name: String,
    /// What it captured (byte range of the normalised text).
    pub range: Range<usize>,
    /// The lexicon it comes from, if any.
    pub lexicon: Option<String>,
    /// The value it stands for (the lexicon's value, the number, or the text itself); `None` when
    /// the lexicon has no value for it.
    pub value: Option<String>,
}

/// What made a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A `[[rule]]`.
    Rule,
    /// A `[[compose]]` entry joining two candidates (indices into [`MatchExplanation::candidates`]).
    Composition {
        /// The part written first.
        first: usize,
        /// The part written second.
        second: usize,
    },
    /// A day number listed before a dated day («يومي 28 و29 جانفي»), which takes that day's month;
    /// or a month joined by و to another («في يناير وفبراير», «شهري يونيو وسبتمبر»: coordinated.rs).
    ListedDay {
        /// The dated day (or month) it takes its month and year from.
        from: usize,
    },
}

/// Why a candidate lost to an overlapping one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loss {
    /// It is a part of the winner, a joined expression.
    Joined,
    /// The winner is longer (lengths in characters).
    Shorter {
        /// This candidate's length.
        chars: usize,
        /// The winner's.
        winner_chars: usize,
    },
    /// As long, but the winner's `priority` is higher.
    LowerPriority {
        /// This candidate's priority.
        priority: i32,
        /// The winner's.
        winner_priority: i32,
    },
    /// As long and as high, but the winner's rule is written first.
    LaterRule,
    /// Same length, priority and rule: the winner starts earlier.
    StartsLater,
}

/// What became of a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It is one of the expressions found.
    Chosen,
    /// A guard rule (type NONE) won here: it hides what it overlaps and is then dropped.
    Guard,
    /// An overlapping candidate won.
    Lost {
        /// The winner (index into [`MatchExplanation::candidates`]).
        winner: usize,
        /// Why.
        reason: Loss,
    },
    /// The rule matched, but a captured value did not fit its field: no candidate.
    Refused(String),
    /// It won, but the day numbers listed before it took its place (see [`Source::ListedDay`]).
    Replaced,
}

/// One candidate expression: a rule's match, a composition, or a listed day.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The expression (for a refused match: its ranges and type, no semantics).
    pub mention: Mention,
    /// The rule's or composition's name (`mention.rule` adds the contexts).
    pub name: String,
    /// File and line of the rule or composition (for a listed day, of the dated day's rule).
    pub origin: String,
    /// What made it.
    pub source: Source,
    /// The rule's `priority`.
    pub priority: i32,
    /// The named groups of the rule's match.
    pub captures: Vec<CaptureTrace>,
    /// The fields the rule set (in the order of its `fields` table).
    pub fields: Vec<FieldTrace>,
    /// The contexts that widened it, in the order they applied.
    pub contexts: Vec<ContextTrace>,
    /// What became of it.
    pub outcome: Outcome,
}

/// How far a rule's pattern gets from one place in a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialMatch {
    /// The rule's name.
    pub rule: String,
    /// File and line of the rule.
    pub origin: String,
    /// Where it was tried (byte offset of the normalised text: a word's start, or after its
    /// proclitics).
    pub start: usize,
    /// How far the pattern accepts the text: `start..reached` is a beginning of some match.
    pub reached: usize,
    /// True when the phrase ends there (the pattern wanted more); false when the character at
    /// `reached` is one the pattern cannot take.
    pub ran_out: bool,
    /// What the pattern would take at `reached` («a digit», «a space», letters…), at most a dozen.
    pub expected: Vec<String>,
}

/// A lexicon word that a word of the phrase is, or is near.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconHit {
    /// The lexicon.
    pub lexicon: String,
    /// The lexicon's word (normalised), a whole entry even when only one of its words is near.
    pub word: String,
    /// The entry's value.
    pub value: String,
    /// Edit distance (in letters) between the phrase's word, its proclitics left out, and this one.
    pub distance: usize,
}

/// A word of the phrase that no expression covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordNote {
    /// Byte range of the word in the normalised text.
    pub range: Range<usize>,
    /// Lexicons that hold the word as it is (without its proclitics).
    pub known: Vec<LexiconHit>,
    /// Lexicon words within one or two edits (one for short words), nearest first.
    pub near: Vec<LexiconHit>,
}

/// Everything [`Grammar::explain`] found in a phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchExplanation {
    /// Every candidate: rule matches and compositions in the order `find` made them, then the
    /// listed days, then the refused matches.
    pub candidates: Vec<Candidate>,
    /// The expressions found (indices into `candidates`), in text order: what `find` returns.
    pub chosen: Vec<usize>,
    /// For the words no expression covers: the rules that get farthest into them, farthest first.
    pub partial_matches: Vec<PartialMatch>,
    /// The words no expression covers, with the lexicon words they are or are near.
    pub words: Vec<WordNote>,
}

impl MatchExplanation {
    /// The chosen expressions, as [`Grammar::find`] returns them.
    pub fn mentions(&self) -> Vec<Mention> {
        self.chosen.iter().map(|&i| self.candidates[i].mention.clone()).collect()
    }
}

/// How many partial matches to report.
const PARTIAL_MATCHES: usize = 6;

/// A chosen expression made after the matching from another candidate (`from`: a day listed
/// before a dated one, a month joined by و), shown with that candidate's origin and priority.
fn derived_candidate(name: &str, from: Option<usize>, candidates: &[Candidate], mention: Mention) -> Candidate {
    let (origin, priority) = from.map_or((String::new(), 0), |f| (candidates[f].origin.clone(), candidates[f].priority));
    Candidate {
        name: name.into(),
        origin,
        source: Source::ListedDay { from: from.unwrap_or(0) },
        priority,
        captures: Vec::new(),
        fields: Vec::new(),
        contexts: Vec::new(),
        outcome: Outcome::Chosen,
        mention,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Grammar {
    /// [`Grammar::find`], explained: every candidate with its rule, captures, fields and contexts,
    /// how overlaps were settled, and for the words left uncovered the nearest partial matches and
    /// lexicon spellings. `text` is normalised (with `tarikh_text`), as for `find`.
    pub fn explain(&self, text: &str) -> MatchExplanation {
        let (candidates, chosen) = self.explain_matches(text);
        let covered: Vec<Range<usize>> = chosen.iter().map(|&i| candidates[i].mention.matched.clone()).collect();
        let uncovered = uncovered_words(text, &covered);
        let partial_matches = self.partial_matches(text, &uncovered, &candidates);
        let words = uncovered.iter().filter_map(|w| self.word_note(text, w.clone())).collect();
        MatchExplanation { candidates, chosen, partial_matches, words }
    }

    /// The candidates and the chosen ones of [`Grammar::explain`].
    fn explain_matches(&self, text: &str) -> (Vec<Candidate>, Vec<usize>) {
        let mut found: Vec<(Mention, i32, usize)> = Vec::new();
        let mut traces: Vec<(usize, CandidateTrace, Vec<CaptureTrace>)> = Vec::new();
        let mut refused: Vec<Candidate> = Vec::new();
        let starts = self.prefilter.candidates(text);
        for (ri, rule) in self.rules.iter().enumerate() {
            // The same matches as `find`, which tries only the prefilter's starts (see prefilter.rs
            // for why that finds the same leftmost matches as this plain scan): a rule with no
            // start cannot match, and none can start before its first.
            let mut pos = 0;
            if let crate::prefilter::Candidates::Some(per_rule) = &starts {
                match per_rule.rule(ri) {
                    Some([]) => continue,
                    Some(list) => pos = list[0] as usize,
                    None => {}
                }
            }
            let mut caps = rule.regex().create_captures();
            while pos <= text.len() {
                rule.regex().search_captures(&Input::new(text).range(pos..), &mut caps);
                if !caps.is_match() {
                    break;
                }
                let group = |name: &str| caps.get_group_by_name(name).map(|sp| sp.range());
                let (Some(clitic), Some(body)) = (group("_clitic"), group("_body")) else { break };
                let (accepted, resume) = crate::matcher::accept(text, clitic, body, group("next"));
                pos = resume;
                let Some((whole, body)) = accepted else { continue };
                if let Some(resume) = rule.refused_after(text, whole.start) {
                    pos = resume;
                    continue; // one of its `not_after` words stands before it (as `find` does)
                }
                let captures = self.captures_of(text, rule, &group);
                let mut trace = CandidateTrace::default();
                match self.candidate(text, rule, &group, whole.clone(), Some(&mut trace)) {
                    Some(mention) => {
                        found.push((mention, rule.priority, rule.order));
                        traces.push((ri, trace, captures));
                    }
                    None => {
                        let range = group("span").unwrap_or(body);
                        let mention = Mention { range, matched: whole, kind: rule.kind, semantics: Semantics::default(), rule: rule.name.clone() };
                        let reason = trace.fields.refused.unwrap_or_else(|| "a captured value does not fit its field".into());
                        refused.push(Candidate {
                            mention,
                            name: rule.name.clone(),
                            origin: rule.origin.clone(),
                            source: Source::Rule,
                            priority: rule.priority,
                            captures,
                            fields: trace.fields.set,
                            contexts: Vec::new(),
                            outcome: Outcome::Refused(reason),
                        });
                    }
                }
            }
        }
        let mut joined: Vec<Joined> = Vec::new();
        self.compose(text, &mut found, Some(&mut joined));

        let mut candidates: Vec<Candidate> = Vec::with_capacity(found.len() + refused.len());
        for (i, (mention, priority, _)) in found.iter().enumerate() {
            let candidate = match traces.get(i) {
                Some((ri, trace, captures)) => {
                    let rule = &self.rules[*ri];
                    Candidate {
                        mention: mention.clone(),
                        name: rule.name.clone(),
                        origin: rule.origin.clone(),
                        source: Source::Rule,
                        priority: *priority,
                        captures: captures.clone(),
                        fields: trace.fields.set.clone(),
                        contexts: trace.contexts.clone(),
                        outcome: Outcome::Chosen,
                    }
                }
                None => {
                    let j = &joined[i - traces.len()];
                    let comp = &self.compositions[j.composition];
                    Candidate {
                        mention: mention.clone(),
                        name: comp.name.clone(),
                        origin: comp.origin.clone(),
                        source: Source::Composition { first: j.first, second: j.second },
                        priority: *priority,
                        captures: Vec::new(),
                        fields: Vec::new(),
                        contexts: j.contexts.clone(),
                        outcome: Outcome::Chosen,
                    }
                }
            };
            candidates.push(candidate);
        }

        // Settle overlaps as `find` does, remembering who beat whom.
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by(|&a, &b| precedence(text, &found[a], &found[b]));
        let mut taken: Vec<usize> = Vec::new();
        for i in order {
            let m = &found[i].0;
            match taken.iter().copied().find(|&t| crate::matcher::clashes(text, &found[t].0, m)) {
                Some(w) => {
                    let reason = loss(text, &candidates, i, w, &found);
                    candidates[i].outcome = Outcome::Lost { winner: w, reason };
                }
                None => taken.push(i),
            }
        }
        let mut chosen: Vec<usize> = Vec::new();
        for &t in &taken {
            if found[t].0.kind == MentionType::None {
                candidates[t].outcome = Outcome::Guard;
            } else {
                chosen.push(t);
            }
        }
        chosen.sort_by_key(|&i| (found[i].0.range.start, found[i].0.range.end));

        // Day numbers listed before a dated day replace its shorter readings.
        let mut listed: Vec<Mention> = chosen.iter().map(|&i| found[i].0.clone()).collect();
        self.share_month_with_listed_days(text, &mut listed);
        let mut final_chosen: Vec<usize> = Vec::new();
        for m in listed {
            if let Some(&i) = chosen.iter().find(|&&i| found[i].0 == m) {
                final_chosen.push(i);
                continue;
            }
            let base = m.rule.strip_suffix("+listed-day").unwrap_or(&m.rule);
            let from = chosen.iter().copied().filter(|&i| found[i].0.rule == base && found[i].0.range.start >= m.range.end).min_by_key(|&i| found[i].0.range.start);
            candidates.push(derived_candidate("listed-day", from, &candidates, m));
            final_chosen.push(candidates.len() - 1);
        }
        // Months joined by و (coordinated.rs) split a range of months apart or add the second month.
        let mut months: Vec<Mention> = final_chosen.iter().map(|&i| candidates[i].mention.clone()).collect();
        months.sort_by_key(|m| (m.range.start, m.range.end));
        self.split_coordinated_months(text, &mut months);
        let before_months = final_chosen.clone();
        final_chosen.clear();
        for m in months {
            if let Some(&i) = before_months.iter().find(|&&i| candidates[i].mention == m) {
                final_chosen.push(i);
                continue;
            }
            let base = m.rule.rsplit_once('+').map_or(m.rule.as_str(), |(b, _)| b);
            let from = before_months.iter().copied().filter(|&i| candidates[i].mention.rule == base && candidates[i].mention.range.start <= m.range.start).max_by_key(|&i| candidates[i].mention.range.start);
            candidates.push(derived_candidate("coordinated-month", from, &candidates, m));
            final_chosen.push(candidates.len() - 1);
        }
        for &i in chosen.iter().chain(&before_months) {
            if !final_chosen.contains(&i) {
                candidates[i].outcome = Outcome::Replaced;
            }
        }
        final_chosen.sort_by_key(|&i| (candidates[i].mention.range.start, candidates[i].mention.range.end));
        candidates.extend(refused);
        (candidates, final_chosen)
    }

    /// The named groups of a rule's match with their lexicon values.
    fn captures_of<G: Fn(&str) -> Option<Range<usize>>>(&self, text: &str, rule: &Rule, group: &G) -> Vec<CaptureTrace> {
        let mut out = Vec::new();
        for name in rule.regex().group_info().pattern_names(regex_automata::PatternID::ZERO).flatten() {
            if name.starts_with('_') {
                continue;
            }
            let Some(range) = group(name) else { continue };
            let li = rule.capture_lexicons.get(name).copied();
            let value = if name == "span" { None } else { self.capture_value(li, &text[range.clone()]).map(std::borrow::Cow::into_owned) };
            out.push(CaptureTrace { name: name.to_string(), range, lexicon: li.map(|l| self.lexicons[l].name.clone()), value });
        }
        out
    }

    /// For the words no expression covers: how far each rule's pattern gets from each of them
    /// (stepping its lazy DFA byte by byte until no match can follow), the farthest first.
    fn partial_matches(&self, text: &str, words: &[Range<usize>], candidates: &[Candidate]) -> Vec<PartialMatch> {
        if words.is_empty() {
            return Vec::new();
        }
        let mut starts: Vec<usize> = Vec::new();
        for w in words {
            // The word's start, and after one or two proclitics (و ف, then ب ل ك).
            starts.push(w.start);
            let mut at = w.start;
            for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
                if let Some(c) = text[at..w.end].chars().next().filter(|c| set.contains(c)) {
                    if text[at + c.len_utf8()..w.end].chars().count() >= 2 {
                        at += c.len_utf8();
                        starts.push(at);
                    }
                }
            }
        }
        let chars = |r: Range<usize>| text[r].chars().count();
        let mut best: Vec<(usize, PartialMatch)> = Vec::new();
        let dfas = self.partial_dfas.get_or_init(|| self.rules.iter().map(|r| if r.kind == MentionType::None { None } else { partial_dfa(&r.body) }).collect());
        for (rule, dfa) in self.rules.iter().zip(dfas) {
            let Some(dfa) = dfa else { continue };
            let mut cache = dfa.create_cache();
            let mut rule_best: Option<PartialMatch> = None;
            for &s in &starts {
                let Some((reached, ran_out, state)) = reach(dfa, &mut cache, text, s) else { continue };
                // A rule that matched here is a candidate, shown as one.
                let matched_here = candidates.iter().any(|c| c.name == rule.name && c.mention.matched.start <= s && c.mention.matched.end >= reached);
                if matched_here || !telling(text, s, reached) {
                    continue;
                }
                if rule_best.as_ref().is_none_or(|b| chars(s..reached) > chars(b.start..b.reached)) {
                    let expected = if ran_out { Vec::new() } else { expected_at(dfa, &mut cache, state) };
                    rule_best = Some(PartialMatch { rule: rule.name.clone(), origin: rule.origin.clone(), start: s, reached, ran_out, expected });
                }
            }
            if let Some(b) = rule_best {
                best.push((rule.order, b));
            }
        }
        best.sort_by(|(oa, a), (ob, b)| chars(b.start..b.reached).cmp(&chars(a.start..a.reached)).then(oa.cmp(ob)));
        best.into_iter().map(|(_, p)| p).take(PARTIAL_MATCHES).collect()
    }

    /// The lexicon words a word of the phrase is, or is near (letters only; numbers are left out).
    fn word_note(&self, text: &str, range: Range<usize>) -> Option<WordNote> {
        let word = &text[range.clone()];
        if !word.chars().any(char::is_alphabetic) {
            return None;
        }
        let forms = without_proclitics(word);
        let mut known: Vec<LexiconHit> = Vec::new();
        let mut near: Vec<LexiconHit> = Vec::new();
        for lex in &self.lexicons {
            for (entry, value) in &lex.words {
                for token in entry.split(' ') {
                    let hit = |distance: usize| LexiconHit { lexicon: lex.name.clone(), word: entry.clone(), value: value.clone(), distance };
                    if forms.contains(&token) {
                        if entry == token {
                            known.push(hit(0));
                        }
                        continue;
                    }
                    // Compared without the article, so that «الوفد» is not near «العقد»: one
                    // edit for a word of three to six letters, two for a longer one.
                    let bare = |w: &'_ str| -> String { w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w).to_string() };
                    let t = bare(token);
                    let Some((d, n)) = forms.iter().map(|f| bare(f)).map(|f| (edit_distance(&f, &t), f.chars().count().min(t.chars().count()))).min() else { continue };
                    let limit = match n {
                        0..=2 => 0,
                        3..=6 => 1,
                        _ => 2,
                    };
                    if d > 0 && d <= limit {
                        near.push(hit(d));
                    }
                }
            }
        }
        known.sort_by(|a, b| a.lexicon.cmp(&b.lexicon));
        known.dedup();
        // A word already known is not misspelt.
        if !known.is_empty() {
            near.clear();
        }
        near.sort_by(|a, b| a.distance.cmp(&b.distance).then(a.lexicon.cmp(&b.lexicon)).then(a.word.cmp(&b.word)));
        near.dedup_by(|a, b| a.lexicon == b.lexicon && a.word == b.word);
        near.truncate(5);
        Some(WordNote { range, known, near })
    }
}

/// Whether a partial match from `start` to `reached` says something: it takes in a whole word, or
/// three letters of one beyond its article (every rule that starts with «ال» takes «الو»).
fn telling(text: &str, start: usize, reached: usize) -> bool {
    let accepted = &text[start..reached];
    let whole_word = accepted.contains(|c: char| !is_word_char(c)) || (reached > start && !text[reached..].starts_with(is_word_char));
    whole_word || accepted.strip_prefix("ال").unwrap_or(accepted).chars().count() >= 3
}

/// Why candidate `i` lost to the overlapping `w` that was settled before it.
fn loss(text: &str, candidates: &[Candidate], i: usize, w: usize, found: &[(Mention, i32, usize)]) -> Loss {
    fn part_of(candidates: &[Candidate], i: usize, w: usize) -> bool {
        match candidates[w].source {
            Source::Composition { first, second } => first == i || second == i || part_of(candidates, i, first) || part_of(candidates, i, second),
            _ => false,
        }
    }
    if part_of(candidates, i, w) {
        return Loss::Joined;
    }
    let chars = |k: usize| text[found[k].0.matched.clone()].chars().count();
    let (a, b) = (&found[i], &found[w]);
    if chars(w) != chars(i) {
        Loss::Shorter { chars: chars(i), winner_chars: chars(w) }
    } else if a.1 != b.1 {
        Loss::LowerPriority { priority: a.1, winner_priority: b.1 }
    } else if a.2 != b.2 {
        Loss::LaterRule
    } else {
        Loss::StartsLater
    }
}

/// The words of `text` (runs of letters and digits) outside every `covered` range.
fn uncovered_words(text: &str, covered: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if !covered.iter().any(|r| r.start < i && s < r.end) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The word as written and without its proclitics (و ف, then ب ل ك), as the engine would read it.
fn without_proclitics(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    let mut rest = word;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(c) = rest.chars().next().filter(|c| set.contains(c)) {
            if rest[c.len_utf8()..].chars().count() >= 2 {
                rest = &rest[c.len_utf8()..];
                forms.push(rest);
            }
        }
    }
    forms
}

/// Levenshtein distance between two words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A lazy DFA of a rule's body (word boundaries left out: it may accept a little more), reporting
/// every match so that stepping it stops only where no match can follow.
fn partial_dfa(body: &str) -> Option<DFA> {
    use regex_automata::nfa::thompson;
    let hir = regex_syntax::Parser::new().parse(body).ok()?;
    let hir = crate::prefilter::strip(&hir);
    let nfa = thompson::Compiler::new().configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None)).build_from_hir(&hir).ok()?;
    DFA::builder().configure(DFA::config().match_kind(MatchKind::All)).build_from_nfa(nfa).ok()
}

/// Step `dfa` from `start` until it dies: the last character boundary it reached, whether it ran
/// out of text there, and its state at that boundary. `None` if the DFA gives up.
fn reach(dfa: &DFA, cache: &mut Cache, text: &str, start: usize) -> Option<(usize, bool, LazyStateID)> {
    let input = Input::new(text).range(start..).anchored(Anchored::Yes);
    let mut sid = dfa.start_state_forward(cache, &input).ok()?;
    let mut at_boundary = (start, sid);
    for (i, &b) in text.as_bytes().iter().enumerate().skip(start) {
        if text.is_char_boundary(i) {
            at_boundary = (i, sid);
        }
        let next = dfa.next_state(cache, sid, b).ok()?;
        if next.is_dead() {
            return Some((at_boundary.0, false, at_boundary.1));
        }
        if next.is_quit() {
            return None;
        }
        sid = next;
    }
    Some((text.len(), true, sid))
}

/// The characters (of one or two bytes in UTF-8) `dfa` can take in state `sid`, for a reader:
/// «a digit», «a space», then the letters and marks, at most a dozen.
fn expected_at(dfa: &DFA, cache: &mut Cache, sid: LazyStateID) -> Vec<String> {
    let mut chars: Vec<char> = Vec::new();
    let alive = |cache: &mut Cache, s: LazyStateID, b: u8| dfa.next_state(cache, s, b).ok().filter(|n| !n.is_dead() && !n.is_quit());
    for b in 0u8..0x80 {
        if alive(cache, sid, b).is_some() {
            chars.push(char::from(b));
        }
    }
    for lead in 0xC2u8..=0xDF {
        let Some(s1) = alive(cache, sid, lead) else { continue };
        for cont in 0x80u8..=0xBF {
            if alive(cache, s1, cont).is_some() {
                if let Ok(s) = std::str::from_utf8(&[lead, cont]) {
                    chars.extend(s.chars());
                }
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    if ('0'..='9').all(|d| chars.contains(&d)) {
        out.push("a digit".into());
        chars.retain(|c| !c.is_ascii_digit());
    }
    if chars.contains(&' ') {
        out.push("a space".into());
    }
    chars.retain(|c| !c.is_whitespace() && !c.is_control());
    let more = chars.len() > 12;
    out.extend(chars.into_iter().take(12).map(|c| c.to_string()));
    if more {
        out.push("…".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(phrase: &str) -> (String, MatchExplanation) {
        let g = Grammar::embedded().expect("grammar");
        let text = tarikh_text::normalise(phrase);
        let e = g.explain(&text);
        (text, e)
    }

    #[test]
    fn explain_chooses_what_find_finds_on_every_grammar_example() {
        let g = Grammar::embedded().expect("grammar");
        let phrases = g.examples().iter().map(|e| (&e.origin, &e.text)).chain(g.negatives().iter().map(|n| (&n.origin, &n.text)));
        for (origin, phrase) in phrases {
            let text = tarikh_text::normalise(phrase);
            let (candidates, chosen) = g.explain_matches(&text);
            let mentions: Vec<Mention> = chosen.iter().map(|&i| candidates[i].mention.clone()).collect();
            assert_eq!(mentions, g.find(&text), "{origin}: «{phrase}»");
        }
    }

    #[test]
    fn a_rule_match_shows_its_captures_with_their_lexicon_values() {
        let (text, e) = explain("مساء الجمعة");
        let c = &e.candidates[e.chosen[0]];
        assert!(c.origin.starts_with("data/grammar/ar/rules/"), "{}", c.origin);
        let weekday = c.captures.iter().find(|k| k.lexicon.as_deref() == Some("weekday")).expect("a weekday capture");
        assert_eq!((&text[weekday.range.clone()], weekday.value.as_deref()), ("الجمعه", Some("5")));
        assert!(c.fields.iter().any(|f| f.field == "weekday" && f.value.as_deref() == Some("5")), "{:?}", c.fields);
        // The bare weekday also matched, and lost as the shorter reading.
        let bare = e.candidates.iter().find(|k| k.mention.semantics.part_of_day.is_none() && k.mention.semantics.weekday == Some(5)).expect("the bare weekday");
        assert!(matches!(bare.outcome, Outcome::Lost { reason: Loss::Shorter { .. } | Loss::Joined, .. }), "{:?}", bare.outcome);
        assert!(e.partial_matches.is_empty() && e.words.is_empty());
    }

    #[test]
    fn a_guard_hides_what_it_overlaps() {
        let (_, e) = explain("تظاهر طلاب جامعة 6 أكتوبر");
        assert!(e.chosen.is_empty());
        let guard = e.candidates.iter().position(|c| c.outcome == Outcome::Guard).expect("the guard won");
        assert_eq!(e.candidates[guard].name, "guard-named-date");
        let date = e.candidates.iter().find(|c| c.mention.semantics.month == Some(10)).expect("the date it hides");
        assert_eq!(date.outcome, Outcome::Lost { winner: guard, reason: Loss::Shorter { chars: 8, winner_chars: 14 } });
    }

    #[test]
    fn a_context_is_recorded_with_its_words() {
        let (text, e) = explain("قبل 48 ساعة من التصويت");
        let c = &e.candidates[e.chosen[0]];
        let ctx = c.contexts.first().expect("the event context");
        assert!(ctx.origin.contains("contexts.toml:"), "{}", ctx.origin);
        assert!(ctx.left.clone().is_some_and(|r| text[r].contains("قبل")), "{ctx:?}");
    }

    #[test]
    fn a_misspelt_month_is_near_its_spelling_and_the_date_rules_get_to_it() {
        let (text, e) = explain("3 سبتمر 2020");
        let note = e.words.iter().find(|w| &text[w.range.clone()] == "سبتمر").expect("the misspelt word is uncovered");
        assert!(note.near.iter().any(|h| h.lexicon == "month" && h.word == "سبتمبر" && h.value == "9" && h.distance == 1), "{:?}", note.near);
        // A date rule gets from the number into the misspelt month.
        let p = e.partial_matches.iter().find(|p| text[p.start..p.reached].starts_with("3 سبتم")).expect("a partial match of a date rule");
        assert!(!p.ran_out && p.expected.iter().any(|x| x == "ب"), "{p:?}");
    }

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(edit_distance("سبتمر", "سبتمبر"), 1);
        assert_eq!(edit_distance("يناير", "يناير"), 0);
        assert_eq!(edit_distance("ابريل", "افريل"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
