//! Matching: every rule over the text, then the longest non-overlapping matches win.

use crate::explain::{CandidateTrace, ContextTrace, FieldLog, FieldTrace, Joined};
use crate::load::{Grammar, Rule, TemplatePart};
use crate::semantics::{set_field, MentionType, Semantics};
use std::borrow::Cow;
use std::ops::Range;

/// A temporal expression found in normalised text, not yet anchored in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The expression's byte range in the normalised text (proclitics and context words left out).
    pub range: Range<usize>,
    /// The whole match, context words included (e.g. "قبل 48 ساعة من" around "48 ساعة").
    pub matched: Range<usize>,
    /// TIMEX3 type the rule produces.
    pub kind: MentionType,
    /// What the expression means.
    pub semantics: Semantics,
    /// Name of the rule that matched.
    pub rule: String,
}

/// The longest stretch of text, in bytes, a rule's match may cover (about 250 Arabic letters; the
/// longest expressions in the grammar's examples are under a quarter of that).
const MAX_MATCH_BYTES: usize = 512;

/// The body of a match without its trailing `next` group (and the spaces before it). A group
/// named `next` only reads the words after the expression, as a look-ahead would (the regex crate
/// has none): it is not part of the match, so it neither lengthens it against other rules nor
/// hides those words from them. Shared by `find` and `explain`, which must choose alike.
pub(crate) fn without_next(text: &str, body: Range<usize>, next: Option<Range<usize>>) -> Range<usize> {
    let end = next.map_or(body.end, |next| text[..next.start].trim_end().len().max(body.start));
    body.start..end
}

/// An accepted match: the match proper (proclitics included) and its body.
pub(crate) type Accepted = (Range<usize>, Range<usize>);

/// A raw match of a rule (its proclitics, its body and its `next` group) judged as `find` and
/// `explain` must judge it alike: the match proper (proclitics included) and its body, or `None`
/// when it is empty or starts or ends inside a word («ليل» in «التضليل», «ساع» in «اتساع», «واحد»
/// at the start of «واحدة»); and where the search resumes (after the match, or one character
/// later when it is rejected).
pub(crate) fn accept(text: &str, clitic: Range<usize>, body: Range<usize>, next: Option<Range<usize>>) -> (Option<Accepted>, usize) {
    let body = without_next(text, body, next);
    // The match proper starts at the proclitics, after the consumed boundary character.
    let whole = clitic.start..body.end;
    let next_char = whole.start + text[whole.start..].chars().next().map_or(1, char::len_utf8);
    let resume = if whole.end > whole.start { whole.end } else { next_char };
    if body.is_empty() {
        return (None, resume);
    }
    let before = text[..whole.start].chars().next_back();
    let last = text[..whole.end].chars().next_back();
    let after = text[whole.end..].chars().next();
    let starts_inside = before.is_some_and(is_word_char) && text[whole.start..].chars().next().is_some_and(is_word_char);
    let ends_inside = matches!((last, after), (Some(a), Some(b)) if is_word_char(a) && is_word_char(b));
    if starts_inside || ends_inside {
        return (None, next_char);
    }
    (Some((whole, body)), resume)
}

/// How `find` searches one rule in one text.
enum Engine<'g> {
    /// Unanchored searches over the whole text (no candidate starts for this rule or this text).
    Scan(&'g regex_automata::meta::Regex),
    /// Anchored searches at the prefilter's candidate starts (sorted, possibly repeated).
    Anchored { starts: &'g [u32], regex: &'g crate::anchored::AnchoredRegex, cache: crate::anchored::CacheGuard<'g> },
}

fn is_word_char(c: char) -> bool {
    tarikh_text::is_word_char(c)
}

impl Grammar {
    /// All temporal expressions in `text` (normalised with `tarikh_text`): longest match first,
    /// non-overlapping, in text order. Guard rules (type NONE) take part in the choice and are then
    /// dropped, so "الرأي العام" hides "العام".
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_with(text, true)
    }

    /// [`Grammar::find`], with the rules tried where the all-rules automaton says they match
    /// (`spans`, see multi.rs) or, without it, at the prefilter's candidate starts. Both give the
    /// same result (a test compares them); the automaton is the faster on news text.
    pub(crate) fn find_with(&self, text: &str, spans: bool) -> Vec<Mention> {
        use regex_automata::{Anchored, Input};
        // Sized for news (about one candidate per 100 bytes): a candidate is some hundreds of
        // bytes, and each growth of the vector moved them all.
        let mut candidates: Vec<(Mention, i32, usize)> = Vec::with_capacity(text.len() / 128 + 4);
        // The contexts ruled out at each edge, shared by the candidates that start or end alike.
        let mut edges = EdgeMemo::default();
        // Where each rule matches, from one pass of all rules over the text (see multi.rs); for a
        // short text, or when that pass cannot serve, the prefilter's candidate starts.
        let spans = match spans {
            true => self.prefilter.rule_spans(text, || self.all_rules_automaton()),
            false => None,
        };
        // Rules whose required words the text lacks are skipped, and get no candidate starts.
        let viable = match spans {
            Some(_) => None,
            None => self.prefilter.viable_rules(text, || self.rules.iter().map(|r| r.required.as_slice())),
        };
        let starts = match spans {
            Some(_) => crate::prefilter::Candidates::All,
            None => self.prefilter.candidates_among(text, viable.as_deref()),
        };
        // With the automaton's spans, only the rules it found somewhere (in the same increasing
        // order: a rule it found nowhere is skipped below anyway).
        let tried: Vec<usize> = match &spans {
            Some(spans) => spans.present().collect(),
            None => (0..self.rules.len()).collect(),
        };
        for ri in tried {
            let rule = &self.rules[ri];
            if viable.as_ref().is_some_and(|v| !v[ri]) {
                continue; // no match anywhere in the text (see prefilter.rs, `RequiredIndex`)
            }
            // Where to look: the prefilter's candidate starts (anchored searches), or everywhere.
            let rule_starts: Option<&[u32]> = match (&spans, &starts) {
                (Some(spans), _) => match spans.rule(ri) {
                    [] => continue, // no match anywhere in the text
                    _ if self.prefilter.scan_all[ri] => None,
                    list => Some(list),
                },
                (None, crate::prefilter::Candidates::All) => None,
                (None, crate::prefilter::Candidates::Some(per_rule)) => per_rule.rule(ri),
            };
            if rule_starts.is_some_and(|list| list.is_empty()) {
                continue; // nowhere to try (and the rule's regex need not be compiled)
            }
            // Anchored searches at candidate starts run on the rule's anchored engine (see
            // anchored.rs); a rule that scans the whole text, on its meta regex.
            let mut engine = match rule_starts {
                None => Engine::Scan(rule.regex()),
                Some(list) => {
                    if !rule.may_match(text) {
                        continue; // the text lacks a word every match has (the rule need not be compiled)
                    }
                    let anchored = rule.anchored(self, text.len() > crate::load::MAY_MATCH_TEXT);
                    Engine::Anchored { starts: list, regex: anchored, cache: anchored.cache() }
                }
            };
            let mut caps = match &engine {
                Engine::Scan(regex) => regex.create_captures(),
                Engine::Anchored { regex, .. } => regex.create_captures(),
            };
            // The groups every match reads, and each capture of the field table, found by name
            // once per rule and engine for the whole run rather than at every match
            // (`get_group_by_name` hashes the name at every call), at the rule's first match.
            let resolved_for = &self.prefilter.resolved[ri][usize::from(matches!(engine, Engine::Anchored { .. }))];
            let mut next_start = 0;
            let mut pos = 0;
            while pos <= text.len() {
                // The leftmost match starting at or after `pos`, with its groups.
                match &mut engine {
                    Engine::Scan(regex) => regex.search_captures(&Input::new(text).range(pos..), &mut caps),
                    Engine::Anchored { starts: list, regex, cache } => {
                        caps.clear();
                        while next_start < list.len() && (list[next_start] as usize) < pos {
                            next_start += 1;
                        }
                        while next_start < list.len() {
                            let s = list[next_start] as usize;
                            next_start += 1;
                            if next_start > 1 && list[next_start - 2] as usize == s {
                                continue; // a repeated start, already tried
                            }
                            // No temporal expression is anywhere near MAX_MATCH_BYTES long: bounding the
                            // search keeps the capture engines (and the PikeVM that patterns with `\b`
                            // need) from scanning the rest of the text.
                            let mut input = Input::new(text).range(s..(s + MAX_MATCH_BYTES).min(text.len())).anchored(Anchored::Yes);
                            if let Some(filter) = rule.filter_for(self, text) {
                                // A pattern with `\b`: its match ends at or before the longest match of
                                // its `\b`-free form (see prefilter.rs), so search that stretch only.
                                match filter.longest_end(&input) {
                                    Some(end) => input.set_end(end),
                                    None => continue,
                                }
                            }
                            regex.search_captures(cache, &input, &mut caps);
                            if caps.is_match() {
                                break;
                            }
                        }
                    }
                }
                if !caps.is_match() {
                    break;
                }
                let resolved = resolved_for.get_or_init(|| ResolvedRule::new(rule, caps.group_info()));
                let group = |g: Option<usize>| g.and_then(|i| caps.get_group(i)).map(|sp| sp.range());
                let (Some(clitic), Some(body)) = (group(resolved.clitic), group(resolved.body)) else { break };
                let (accepted, resume) = accept(text, clitic, body.clone(), group(resolved.next));
                pos = resume;
                let Some((whole, _)) = accepted else { continue };
                if let Some(resume) = rule.refused_after(text, whole.start) {
                    pos = resume;
                    continue; // one of its `not_after` words stands before it
                }
                let range = group(resolved.span).unwrap_or(body);
                let source = ResolvedCaptures { text, caps: &caps, rule: resolved };
                if let Some(mention) = self.candidate_from(text, rule, range, &source, whole, None, &mut edges) {
                    candidates.push((mention, rule.priority, rule.order));
                }
            }
        }
        self.compose_with(text, &mut candidates, None, &mut edges);
        // The candidates are settled by index: a candidate (its semantics) is some hundreds of
        // bytes, and sorting them by value copied each of them many times over.
        // Each candidate's length in characters counted once, not at every comparison.
        let lengths: Vec<usize> = candidates.iter().map(|c| text[c.0.matched.clone()].chars().count()).collect();
        // A stable sort of the indices in candidate order: the order of the candidates sorted alike.
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by(|&a, &b| precedence_of(lengths[a], lengths[b], &candidates[a], &candidates[b]));
        let mut taken: Vec<usize> = Vec::new();
        for i in order {
            if !taken.iter().any(|&t| clashes(text, &candidates[t].0, &candidates[i].0)) {
                taken.push(i);
            }
        }
        taken.retain(|&i| candidates[i].0.kind != MentionType::None);
        taken.sort_by_key(|&i| (candidates[i].0.range.start, candidates[i].0.range.end));
        let mut slots: Vec<Option<Mention>> = candidates.into_iter().map(|(m, _, _)| Some(m)).collect();
        let mut chosen: Vec<Mention> = taken.into_iter().map(|i| slots[i].take().expect("a candidate is taken once")).collect();
        self.share_month_with_listed_days(text, &mut chosen);
        self.split_coordinated_months(text, &mut chosen);
        chosen
    }

    /// The all-rules automaton ([`crate::multi::RuleSpans`]): its NFA read back from the
    /// grammar's automaton file when the grammar was loaded through an analysis cache and the
    /// file is there and fits (see [`crate::automaton_cache`]), else built from every rule's
    /// pattern and then written to that file. `None` if it cannot be built.
    pub(crate) fn all_rules_automaton(&self) -> Option<crate::multi::RuleSpans> {
        let rules = self.rules.len();
        if let Some((nfa, pattern_rule)) = self.automaton_file.as_ref().and_then(|f| f.read(rules)) {
            if let Some(spans) = crate::multi::RuleSpans::from_nfa(rules, nfa, pattern_rule) {
                return Some(spans);
            }
        }
        let (nfa, pattern_rule) = crate::multi::RuleSpans::nfa(self.rule_patterns()?)?;
        if let Some(file) = &self.automaton_file {
            file.write(&nfa, &pattern_rule);
        }
        crate::multi::RuleSpans::from_nfa(rules, nfa, pattern_rule)
    }

    /// Every rule's [`crate::multi::search_pattern`], parsed, with the rule's index (for
    /// [`crate::multi::RuleSpans`]). `None` if one is missing or does not parse (then no rule may
    /// be left to the automaton).
    pub(crate) fn rule_patterns(&self) -> Option<Vec<(usize, regex_syntax::hir::Hir)>> {
        let parser = || regex_syntax::ParserBuilder::new().utf8(true).build();
        let parse = |rule: &crate::load::Rule| -> Option<regex_syntax::hir::Hir> {
            let pattern = crate::multi::search_pattern(rule)?;
            rule.search_trie_hir(self).or_else(|| parser().parse(&pattern).ok())
        };
        self.rules.iter().enumerate().map(|(ri, rule)| Some((ri, parse(rule)?))).collect()
    }

    /// The candidate a rule's match makes (`group` gives the match's groups; `whole` is the match
    /// from its proclitics on): its span, the fields its captures set, widened by the contexts
    /// around it. `None` when a captured value does not fit its field. With `trace`, the fields and
    /// contexts applied (or why the match was refused) are recorded for `tarikh explain`.
    pub(crate) fn candidate<G: Fn(&str) -> Option<Range<usize>>>(&self, text: &str, rule: &Rule, group: &G, whole: Range<usize>, trace: Option<&mut CandidateTrace>) -> Option<Mention> {
        let range = group("span").or_else(|| group("_body"))?;
        let get = |name: &str| group(name).map(|r| &text[r]);
        self.candidate_from(text, rule, range, &ByName { caps: &get, lexicons: &rule.capture_lexicons }, whole, trace, &mut EdgeMemo::default())
    }

    /// [`Grammar::candidate`] of a match whose span is `range` and whose captures `source` gives.
    #[allow(clippy::too_many_arguments)]
    fn candidate_from<'t>(&self, text: &str, rule: &Rule, range: Range<usize>, source: &impl Captured<'t>, whole: Range<usize>, mut trace: Option<&mut CandidateTrace>, edges: &mut EdgeMemo) -> Option<Mention> {
        let mut semantics = Semantics::default();
        if !self.apply_fields(&rule.fields, source, &mut semantics, trace.as_deref_mut().map(|t| &mut t.fields)) {
            return None;
        }
        let mut mention = Mention { range, matched: whole, kind: rule.kind, semantics, rule: rule.name.clone() };
        self.apply_contexts(text, &mut mention, trace.map(|t| &mut t.contexts), edges);
        Some(mention)
    }

    /// Offer, for every two candidates that a `[[compose]]` entry joins, the joined expression as
    /// one more candidate (see compose.rs). A joined candidate may join again («الساعة السادسة من
    /// مساء اليوم» + «اليوم الأربعاء» + «19 أبريل 2023»), a few rounds at most.
    /// With `joined`, each candidate added is recorded, in the order added (for `tarikh explain`).
    pub(crate) fn compose(&self, text: &str, candidates: &mut Vec<(Mention, i32, usize)>, joined: Option<&mut Vec<Joined>>) {
        self.compose_with(text, candidates, joined, &mut EdgeMemo::default());
    }

    /// [`Grammar::compose`], with the contexts ruled out at the edges already met (`edges`).
    fn compose_with(&self, text: &str, candidates: &mut Vec<(Mention, i32, usize)>, mut joined: Option<&mut Vec<Joined>>, edges: &mut EdgeMemo) {
        /// How far (in bytes) after the first part the second may start.
        const REACH: usize = 48;
        if self.compositions.is_empty() {
            return;
        }
        let mut fresh_from = 0;
        for _round in 0..3 {
            let mut order: Vec<usize> = (0..candidates.len()).collect();
            order.sort_by_key(|&i| candidates[i].0.matched.start);
            let starts: Vec<usize> = order.iter().map(|&i| candidates[i].0.matched.start).collect();
            let mut added: Vec<(Mention, i32, usize)> = Vec::new();
            for (ci, comp) in self.compositions.iter().enumerate() {
                for &ai in &order {
                    let a = &candidates[ai].0;
                    if !comp.first.admits(a.kind, &a.semantics, &text[a.range.clone()]) {
                        continue;
                    }
                    let lo = starts.partition_point(|&s| s <= a.matched.start);
                    let hi = starts.partition_point(|&s| s <= a.matched.end + REACH);
                    for &bi in &order[lo..hi] {
                        if ai < fresh_from && bi < fresh_from {
                            continue; // joined in an earlier round
                        }
                        let b = &candidates[bi].0;
                        if b.matched.end <= a.matched.end || !comp.second.admits(b.kind, &b.semantics, &text[b.range.clone()]) {
                            continue;
                        }
                        // A second part that opens with the conjunction و («8:30 ومساء اليوم») is
                        // another expression: its و counts in the gap, which no composition admits.
                        let conjunction = if text.get(b.matched.start..b.range.start) == Some("و") { b.range.start } else { b.matched.start };
                        let gap = if conjunction > a.matched.end { &text[a.matched.end..conjunction] } else { "" };
                        if !comp.between.is_match(&spaced(gap)) {
                            continue;
                        }
                        let Some(semantics) = crate::compose::unify(&a.semantics, &b.semantics) else { continue };
                        let mut end = b.range.end.max(b.matched.end);
                        if let Some(close) = crate::compose::closer_for(gap) {
                            let rest = &text[end..];
                            let skipped = rest.len() - rest.trim_start().len();
                            if rest.trim_start().starts_with(close) {
                                end += skipped + close.len_utf8();
                            }
                        }
                        let range_end = if end > b.matched.end { end } else { b.range.end };
                        let mut mention = Mention {
                            range: a.range.start..range_end,
                            matched: a.matched.start..end,
                            kind: comp.kind,
                            semantics,
                            rule: joined_rule(&a.rule, &b.rule),
                        };
                        let mut contexts = Vec::new();
                        self.apply_contexts(text, &mut mention, joined.is_some().then_some(&mut contexts), edges);
                        let duplicate = |m: &Mention| m.matched == mention.matched && m.range == mention.range && m.semantics == mention.semantics;
                        if !candidates.iter().any(|(m, _, _)| duplicate(m)) && !added.iter().any(|(m, _, _)| duplicate(m)) {
                            added.push((mention, comp.priority, self.rules.len() + ci));
                            if let Some(j) = joined.as_deref_mut() {
                                j.push(Joined { composition: ci, first: ai, second: bi, contexts });
                            }
                        }
                    }
                }
            }
            if added.is_empty() {
                break;
            }
            fresh_from = candidates.len();
            candidates.extend(added);
        }
    }

    /// Day numbers coordinated before a dated day share its month and year: «يومي 28 و29 جانفي»،
    /// «أيام 10 و11 و12 ديسمبر الجاري»، «في 5 و6 مايو». Each number becomes an expression of its own
    /// (the first with the noun يوم/يومي/أيام before it, from the lexicon `day_list_noun`), replacing
    /// whatever shorter reading it had. The numbers must rise towards the dated day.
    pub(crate) fn share_month_with_listed_days(&self, text: &str, chosen: &mut Vec<Mention>) {
        let Some(list) = &self.day_list else { return };
        let mut added: Vec<Mention> = Vec::new();
        for m in chosen.iter() {
            let s = &m.semantics;
            let dated = m.kind == MentionType::Date && s.day.is_some() && s.month.is_some() && s.range_end.is_none() && s.hijri_pair.is_none();
            if !dated || !text[m.range.start..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let mut from = m.range.start.saturating_sub(64);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..m.range.start];
            let Some(found) = list.find(before) else { continue };
            // The list must start at a word boundary.
            if before[..found.start()].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            let base = from + found.start();
            let numbers: Vec<(std::ops::Range<usize>, u32)> = found
                .as_str()
                .match_indices(|c: char| c.is_ascii_digit())
                .fold(Vec::<std::ops::Range<usize>>::new(), |mut runs, (i, d)| {
                    match runs.last_mut() {
                        Some(r) if r.end == i => r.end = i + d.len(),
                        _ => runs.push(i..i + d.len()),
                    }
                    runs
                })
                .into_iter()
                .map(|r| (r.clone(), &found.as_str()[r])).filter_map(|(r, n)| n.parse().ok().map(|v| (base + r.start..base + r.end, v)))
                .collect();
            let last = s.day.unwrap_or(0);
            let rising = numbers.windows(2).all(|w| w[0].1 < w[1].1) && numbers.last().is_some_and(|n| n.1 < last) && numbers.iter().all(|n| n.1 >= 1);
            if !rising {
                continue;
            }
            for (i, (range, day)) in numbers.into_iter().enumerate() {
                let start = if i == 0 { base } else { range.start };
                let mut semantics = s.clone();
                semantics.day = Some(day);
                semantics.weekday = None;
                added.push(Mention { range: start..range.end, matched: start..range.end, kind: MentionType::Date, semantics, rule: joined_rule(&m.rule, "listed-day") });
            }
        }
        if added.is_empty() {
            return;
        }
        chosen.retain(|m| !added.iter().any(|a| a.range.start < m.range.end && m.range.start < a.range.end));
        chosen.extend(added);
        chosen.sort_by_key(|m| (m.range.start, m.range.end));
    }

    /// Fill `sem` from a field table. A field whose captures all stayed empty is skipped; a value
    /// that does not parse rejects the match (returns false).
    /// With `log`, each field set or skipped, or the reason a value was refused, is recorded.
    fn apply_fields<'t>(&self, fields: &[(String, crate::load::Template)], caps: &impl Captured<'t>, sem: &mut Semantics, mut log: Option<&mut FieldLog>) -> bool {
        // One buffer for every field's value (most are a few bytes): cleared, not reallocated.
        let mut value = String::new();
        // The capture parts of the table, counted in order (how `caps` knows them when resolved).
        let mut k = 0;
        for (field, template) in fields {
            value.clear();
            let mut any_capture = false;
            let mut any_present = false;
            for part in &template.parts {
                match part {
                    TemplatePart::Literal(l) => value.push_str(l),
                    TemplatePart::Capture(c) => {
                        any_capture = true;
                        let (captured, lexicon) = (caps.text(k, c), caps.lexicon(k, c));
                        k += 1;
                        if let Some(m) = captured {
                            any_present = true;
                            match self.capture_value(lexicon, m) {
                                Some(v) => value.push_str(&v),
                                None => {
                                    if let Some(log) = log {
                                        let lexicon = lexicon.map_or("?", |li| self.lexicons[li].name.as_str());
                                        log.refused = Some(format!("field `{field}`: the capture `{c}` = «{m}» has no value in lexicon `{lexicon}`"));
                                    }
                                    return false;
                                }
                            }
                        }
                    }
                }
            }
            if any_capture && !any_present {
                if let Some(log) = log.as_deref_mut() {
                    log.set.push(FieldTrace { field: field.clone(), template: template.to_string(), value: None });
                }
                continue;
            }
            if let Err(e) = set_field(sem, field, &value) {
                if let Some(log) = log {
                    log.refused = Some(e);
                }
                return false;
            }
            if let Some(log) = log.as_deref_mut() {
                log.set.push(FieldTrace { field: field.clone(), template: template.to_string(), value: Some(value.clone()) });
            }
        }
        true
    }

    /// Every context's right side in one automaton (see right_contexts.rs), for a text longer
    /// than a phrase; `None` otherwise, or when it cannot be built.
    pub(crate) fn right_contexts_for(&self, text: &str) -> Option<&crate::right_contexts::RightContexts> {
        self.prefilter.right_contexts(text, || {
            let mut patterns = Vec::new();
            for (ci, ctx) in self.contexts.iter().enumerate() {
                if let Some(right) = &ctx.right {
                    patterns.push((ci, right.get(self).hir()?));
                }
            }
            crate::right_contexts::RightContexts::new(self.contexts.len(), patterns)
        })
    }

    /// Widen a candidate with the contexts around it (modifiers taken in, signals matched around).
    /// With `trace`, each context applied is recorded.
    /// `edges` remembers, per edge, the contexts its window rules out (the same for every
    /// candidate of the text that starts or ends there).
    fn apply_contexts(&self, text: &str, mention: &mut Mention, mut trace: Option<&mut Vec<ContextTrace>>, edges: &mut EdgeMemo) {
        // Which contexts are applied already: a bit each while they fit a word (no allocation per
        // candidate), else a vector.
        let mut used = UsedContexts::new(self.contexts.len());
        // The contexts that cannot apply at the candidate's current edges (a context taken in moves
        // them): those whose right side matches nothing after it (see right_contexts.rs) and those
        // whose left literal check fails before it (see `LeftEdges`), a bit each, worked out for
        // all of them at once; the automaton's scratch space is taken once, when first needed.
        let automaton = self.right_contexts_for(text);
        let left_edges = self.context_index.left_edges(self, text);
        let (type_mask, left_sides, right_sides) = self.context_index.masks(mention.kind);
        let mut cache = None;
        let mut ruled_out_at = |start: usize, end: usize| -> u128 {
            let mut bits = 0;
            if let Some(automaton) = automaton.filter(|_| type_mask & right_sides != 0) {
                let possible = edges.right.get(end, || {
                    let cache = cache.get_or_insert_with(|| automaton.cache());
                    automaton.possible(cache, right_window(text, end)).map(|set| set.bits())
                });
                if let Some(set) = possible {
                    bits |= right_sides & !set;
                }
            }
            if let Some(trie) = left_edges.filter(|_| type_mask & left_sides != 0) {
                let admitted = edges.left.get(start, || Some(trie.admitted(left_window(text, start).1).bits()));
                bits |= left_sides & !admitted.unwrap_or(u128::MAX);
            }
            bits
        };
        let mut ruled_out: Option<(usize, usize, u128)> = None;
        // The type's contexts, in grammar order (the order of their indices). With a bit per
        // context, the next one to try is the lowest bit of those neither used nor ruled out
        // (most are ruled out), rather than each of them visited and tested in turn.
        let list = self.context_index.of(mention.kind);
        let by_bits = matches!(used, UsedContexts::Bits(_));
        loop {
            let mut applied = false;
            // (the expression's type never changes here: its contexts are the same each round)
            // The next context of the list (without bits), or the contexts after the last one
            // tried (with bits).
            let mut in_list = 0;
            let mut after: u128 = u128::MAX;
            loop {
                let ci = if by_bits {
                    let open = type_mask & !used.bits() & after;
                    if open == 0 {
                        break;
                    }
                    let (start, end) = (mention.matched.start, mention.matched.end);
                    let bits = match ruled_out {
                        Some((s, e, bits)) if (s, e) == (start, end) => bits,
                        _ => ruled_out_at(start, end),
                    };
                    ruled_out = Some((start, end, bits));
                    let left = open & !bits;
                    if left == 0 {
                        break;
                    }
                    let ci = left.trailing_zeros() as usize;
                    after = u128::MAX.checked_shl(ci as u32 + 1).unwrap_or(0);
                    ci
                } else {
                    let Some(&ci) = list.get(in_list) else { break };
                    in_list += 1;
                    let ci = ci as usize;
                    if used.get(ci) {
                        continue;
                    }
                    let (start, end) = (mention.matched.start, mention.matched.end);
                    if ruled_out.is_none_or(|(s, e, _)| (s, e) != (start, end)) {
                        ruled_out = Some((start, end, ruled_out_at(start, end)));
                    }
                    if ruled_out.is_some_and(|(_, _, bits)| bits >> ci & 1 == 1) {
                        continue;
                    }
                    ci
                };
                let ctx = &self.contexts[ci];
                let sem = &mention.semantics;
                if (!ctx.needs_any.is_empty() && !ctx.needs_any.iter().any(|t| t.holds(sem))) || ctx.needs_none.iter().any(|t| t.holds(sem)) {
                    continue;
                }
                let mut new_start = mention.matched.start;
                let mut new_end = mention.matched.end;
                // The fields the context sets, on a copy made once a side is found (most contexts
                // tried find nothing).
                let mut sem: Option<Semantics> = None;
                let mut ok = true;
                let mut log = trace.is_some().then(FieldLog::default);
                if let Some(left) = &ctx.left {
                    let (from, window) = left_window(text, mention.matched.start);
                    let found = if ctx.admits(self, crate::context::Side::Left, window) { left.get(self).captures(window) } else { None };
                    match found {
                        Some(c) => {
                            let m = c.range("_ctx").expect("context regexes have a _ctx group");
                            new_start = from + m.start;
                            let sem = sem.get_or_insert_with(|| mention.semantics.clone());
                            ok &= self.apply_fields(&ctx.fields, &ByName { caps: &|n: &str| c.text(n), lexicons: &ctx.capture_lexicons }, sem, log.as_mut());
                        }
                        None => ok = false,
                    }
                }
                if ok {
                    if let Some(right) = &ctx.right {
                        let hay = right_window(text, mention.matched.end);
                        let found = if ctx.admits(self, crate::context::Side::Right, hay) { right.get(self).captures(hay) } else { None };
                        match found {
                            Some(c) => {
                                let m = c.range("_ctx").expect("context regexes have a _ctx group");
                                let end = mention.matched.end + m.end;
                                let last = text[..end].chars().next_back();
                                let next = text[end..].chars().next();
                                if matches!((last, next), (Some(a), Some(b)) if is_word_char(a) && is_word_char(b)) {
                                    ok = false;
                                } else {
                                    new_end = end;
                                    let sem = sem.get_or_insert_with(|| mention.semantics.clone());
                                    ok &= self.apply_fields(&ctx.fields, &ByName { caps: &|n: &str| c.text(n), lexicons: &ctx.capture_lexicons }, sem, log.as_mut());
                                }
                            }
                            None => ok = false,
                        }
                    }
                }
                let Some(sem) = sem.filter(|_| ok) else { continue };
                used.set(ci);
                applied = true;
                if let (Some(t), Some(log)) = (trace.as_deref_mut(), log) {
                    let left = (new_start < mention.matched.start).then_some(new_start..mention.matched.start);
                    let right = (new_end > mention.matched.end).then_some(mention.matched.end..new_end);
                    t.push(ContextTrace { context: ci, name: ctx.name.clone(), origin: ctx.origin.clone(), left, right, include: ctx.include, fields: log.set });
                }
                if ctx.include {
                    // The context words become part of the expression (and its match).
                    if new_start < mention.matched.start {
                        mention.range.start = new_start;
                    }
                    if new_end > mention.matched.end {
                        mention.range.end = new_end;
                    }
                }
                mention.matched = new_start..new_end;
                mention.semantics = sem;
                // (the context's name added to the rule's in place: `format!` made a new string
                // for every context applied)
                mention.rule.reserve(1 + ctx.name.len());
                mention.rule.push('+');
                mention.rule.push_str(&ctx.name);
            }
            if !applied {
                break;
            }
        }
    }

    /// The value a capture stands for: its lexicon value, a number, or a sum of number words.
    /// Borrowed from the lexicon or the captured text where it is one of them (most values are).
    pub(crate) fn capture_value<'a>(&'a self, lexicon: Option<usize>, captured: &'a str) -> Option<Cow<'a, str>> {
        let Some(li) = lexicon else { return Some(Cow::Borrowed(captured)) };
        let lex = &self.lexicons[li];
        let value = self.lexicon_value(lex, captured)?;
        match lex.min {
            Some(min) if value.parse::<f64>().map_or(true, |v| v < min as f64) => None,
            _ => Some(value),
        }
    }

    /// A capture's value in its lexicon, before the lexicon's `min` is checked.
    fn lexicon_value<'a>(&self, lex: &'a crate::load::Lexicon, captured: &'a str) -> Option<Cow<'a, str>> {
        // The words joined by one space: most captures are already so, and are looked up as they are.
        let key: Cow<str> = if single_spaced(captured) { captured.into() } else { captured.split_whitespace().collect::<Vec<_>>().join(" ").into() };
        if let Some(v) = lex.words.get(key.as_ref()) {
            return Some(Cow::Borrowed(v.as_str()));
        }
        if lex.digits && key.chars().all(|c| c.is_ascii_digit()) {
            return key.parse::<u64>().ok().map(|n| Cow::Owned(n.to_string()));
        }
        if lex.compose_sum {
            let mut total: f64 = 0.0;
            for part in split_conjoined(&key) {
                let v = lex.words.get(part.as_str()).cloned().or_else(|| {
                    if lex.digits && part.chars().all(|c| c.is_ascii_digit()) {
                        Some(part.clone())
                    } else {
                        lex.words.get(&format!("و{part}")).cloned()
                    }
                })?;
                total += v.parse::<f64>().ok()?;
            }
            return Some(Cow::Owned(if total.fract() == 0.0 { format!("{}", total as i64) } else { total.to_string() }));
        }
        // A lexicon with a regex: the captured text is its own value (e.g. a year in digits).
        Some(key)
    }
}

/// The rule name of a candidate made of two (`first+second`), written into one string of the
/// right size (as `format!("{first}+{second}")` gives it, without the formatting machinery).
fn joined_rule(first: &str, second: &str) -> String {
    let mut rule = String::with_capacity(first.len() + 1 + second.len());
    rule.push_str(first);
    rule.push('+');
    rule.push_str(second);
    rule
}

/// Where [`Grammar::apply_fields`] reads the captures of a field table: the `k`-th capture part
/// of the table (in order, over all its fields) is the group `name`.
trait Captured<'t> {
    /// The text the group took, `None` if it took no part in the match.
    fn text(&self, k: usize, name: &str) -> Option<&'t str>;
    /// The lexicon the group's value is read in, if any.
    fn lexicon(&self, k: usize, name: &str) -> Option<usize>;
}

/// Captures looked up by name (contexts, `tarikh explain`).
struct ByName<'a, 't> {
    caps: &'a dyn Fn(&str) -> Option<&'t str>,
    lexicons: &'a std::collections::HashMap<String, usize, crate::fnv::FnvBuild>,
}

impl<'t> Captured<'t> for ByName<'_, 't> {
    fn text(&self, _: usize, name: &str) -> Option<&'t str> {
        (self.caps)(name)
    }

    fn lexicon(&self, _: usize, name: &str) -> Option<usize> {
        self.lexicons.get(name).copied()
    }
}

/// A rule's groups as one engine numbers them, found by name once per rule and engine: the groups
/// every match reads, and per capture part of the field table (in order) its group and lexicon.
/// Looking each name up at every match (a scan of the names, a hash of the lexicon's) was a
/// good part of the cost of reading a match's fields.
#[derive(Debug, Clone)]
pub(crate) struct ResolvedRule {
    clitic: Option<usize>,
    body: Option<usize>,
    next: Option<usize>,
    span: Option<usize>,
    /// Per capture part of the field table: its group, and the lexicon it is read in.
    parts: Vec<(Option<usize>, Option<usize>)>,
}

impl ResolvedRule {
    /// Resolve `rule`'s names against the groups of its engine.
    fn new(rule: &Rule, info: &regex_automata::util::captures::GroupInfo) -> ResolvedRule {
        // A scan of a dozen short names (`GroupInfo::to_index` hashes the name with SipHash).
        let group = |name: &str| info.pattern_names(regex_automata::PatternID::ZERO).position(|n| n == Some(name));
        let parts = rule
            .fields
            .iter()
            .flat_map(|(_, template)| template.parts.iter())
            .filter_map(|part| match part {
                TemplatePart::Capture(c) => Some((group(c), rule.capture_lexicons.get(c).copied())),
                TemplatePart::Literal(_) => None,
            })
            .collect();
        ResolvedRule { clitic: group("_clitic"), body: group("_body"), next: group("next"), span: group("span"), parts }
    }
}

/// The captures of one match of a rule, through its [`ResolvedRule`].
struct ResolvedCaptures<'a, 't> {
    text: &'t str,
    caps: &'a regex_automata::util::captures::Captures,
    rule: &'a ResolvedRule,
}

impl<'t> Captured<'t> for ResolvedCaptures<'_, 't> {
    fn text(&self, k: usize, _: &str) -> Option<&'t str> {
        self.rule.parts[k].0.and_then(|i| self.caps.get_group(i)).map(|span| &self.text[span.range()])
    }

    fn lexicon(&self, k: usize, _: &str) -> Option<usize> {
        self.rule.parts[k].1
    }
}

/// How far (in bytes) from an expression its contexts are looked for, on either side.
const CONTEXT_WINDOW: usize = 96;

/// The text a left context is searched in, before an expression that starts at `start`: up to
/// [`CONTEXT_WINDOW`] bytes, cut at a character boundary, and where it starts.
fn left_window(text: &str, start: usize) -> (usize, &str) {
    let mut from = start.saturating_sub(CONTEXT_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    (from, &text[from..start])
}

/// The text a right context is searched in, after an expression that ends at `end`: up to
/// [`CONTEXT_WINDOW`] bytes, cut at a character boundary.
fn right_window(text: &str, end: usize) -> &str {
    let mut to = (end + CONTEXT_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[end..to]
}

/// Per edge of the candidates of one text, the contexts its window allows: the right-contexts
/// automaton's set after an end, the left edge trie's set before a start. Candidates of different
/// rules often start or end at one place («اليوم» and «اليوم الأربعاء»), and each walk costs some
/// hundreds of instructions.
#[derive(Default)]
pub(crate) struct EdgeMemo {
    left: EdgeSlots,
    right: EdgeSlots,
}

/// A small direct-mapped cache from a byte offset to a set of contexts (or `None`, the automaton
/// having given up): a slot per offset modulo its size, the older entry overwritten.
struct EdgeSlots([(usize, Option<u128>); EdgeSlots::SLOTS]);

impl EdgeSlots {
    const SLOTS: usize = 16;

    /// The set at `at`, worked out by `make` unless it is held.
    fn get(&mut self, at: usize, make: impl FnOnce() -> Option<u128>) -> Option<u128> {
        let slot = &mut self.0[at % EdgeSlots::SLOTS];
        if slot.0 != at {
            *slot = (at, make());
        }
        slot.1
    }
}

impl Default for EdgeSlots {
    fn default() -> EdgeSlots {
        // No offset is usize::MAX (texts are shorter), so every slot starts empty.
        EdgeSlots([(usize::MAX, None); EdgeSlots::SLOTS])
    }
}

/// The contexts already applied to a candidate (each applies once).
enum UsedContexts {
    /// One bit per context, for up to 128 contexts.
    Bits(u128),
    Flags(Vec<bool>),
}

impl UsedContexts {
    fn new(contexts: usize) -> UsedContexts {
        if contexts <= 128 {
            UsedContexts::Bits(0)
        } else {
            UsedContexts::Flags(vec![false; contexts])
        }
    }

    /// The set as bits (with a bit per context; empty otherwise).
    fn bits(&self) -> u128 {
        match self {
            UsedContexts::Bits(bits) => *bits,
            UsedContexts::Flags(_) => 0,
        }
    }

    fn get(&self, ci: usize) -> bool {
        match self {
            UsedContexts::Bits(bits) => bits >> ci & 1 == 1,
            UsedContexts::Flags(flags) => flags[ci],
        }
    }

    fn set(&mut self, ci: usize) {
        match self {
            UsedContexts::Bits(bits) => *bits |= 1 << ci,
            UsedContexts::Flags(flags) => flags[ci] = true,
        }
    }
}

/// Is `s` its words joined by single spaces (`s.split_whitespace()` joined by " " gives `s`)?
fn single_spaced(s: &str) -> bool {
    if s.starts_with(' ') || s.ends_with(' ') {
        return false;
    }
    // Read as bytes while no byte can start a white-space char other than the space: white space
    // is ASCII (09–0D, 20) or starts with C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+205F) or
    // E3 (U+3000); Arabic letters start with D8–DB. Captures are mostly such text.
    let mut after_space = false;
    for &b in s.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            0x09..=0x0D | 0xC2 | 0xE1..=0xE3 => return single_spaced_chars(s),
            _ => after_space = false,
        }
    }
    true
}

/// [`single_spaced`] char by char (any white space).
fn single_spaced_chars(s: &str) -> bool {
    let mut after_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    true
}

/// Whether two candidates cannot both be kept: their matches overlap. One exception: a match
/// that lies wholly in the words another match reads before its expression and leaves out of its
/// span. An event-anchored relational noun (عشية، غداة: `event` set) may be the signal itself
/// («عشية عيد الأضحى»: the feast's rule reads «عشية» as the signal that makes its name a time):
/// both are expressions — the eve and the feast it is the eve of — and the eve is dated from the
/// feast (tarikh-anchor's event gaps). A day told from the speaker's («الليلة»، «اليوم»، «أمس»)
/// may stand between a signal and the expression too («نحتفل الليلة برأس السنة الميلادية»: the
/// verb of celebrating and ب make the feast a time, and «الليلة» told between them is a time of
/// its own), but not be the signal: a signal word the other rule reads must not become an
/// expression as well, so the match must begin after the other's first word. Nor may it read a
/// number (an hour, a day, a year, an amount): the numbers a rule reads before its expression are
/// what it reads as no time («ارتفعت الحصيلة من 5 إلى 7 مساء الأحد»: a toll, not a clock from 5).
/// A weekday too, when only the preposition «ب» stands between it and the expression («احتفلت
/// العاصمة الأحد برأس السنة»). Other words there are part of a name the rule reads («أحداث الخميس
/// الأسود 1978»، «ميزانية العام المقبل 2025»): no expressions of their own. One more: the event
/// of a gap («قبل حلول العيد بيوم»، «قبل بداية العام الجديد بساعة»: a duration opened by «قبل / بعد»
/// whose span follows «ب») is a date or time of its own when it ends right before that «ب» and its
/// expression begins after «قبل / بعد»: the feast or the new year is the event the gap is counted
/// from, and both are expressions.
pub(crate) fn clashes(text: &str, a: &Mention, b: &Mention) -> bool {
    if !(a.matched.start < b.matched.end && b.matched.start < a.matched.end) {
        return false;
    }
    let reads_no_number = |s: &Semantics| s.hour.is_none() && s.minute.is_none() && s.day.is_none() && s.year.is_none() && s.amount.is_none();
    let deictic_day = |s: &Semantics| s.shift.is_some_and(|(unit, _)| unit == crate::semantics::Unit::Day) && s.weekday.is_none();
    let before_its_preposition = |noun: &Mention, other: &Mention| text.get(noun.matched.end..other.range.start).is_some_and(|gap| gap.trim() == "ب");
    let in_signal = |noun: &Mention, other: &Mention| {
        let s = &noun.semantics;
        noun.matched.start >= other.matched.start
            && noun.matched.end <= other.range.start
            && (s.event.is_some()
                || (noun.matched.start > other.matched.start && reads_no_number(s) && (deictic_day(s) || before_its_preposition(noun, other))))
    };
    let event_of_gap = |noun: &Mention, gap: &Mention| {
        gap.kind == MentionType::Duration
            && matches!(noun.kind, MentionType::Date | MentionType::Time)
            && noun.matched.start >= gap.matched.start
            && noun.range.start > gap.matched.start
            && noun.matched.end <= gap.range.start
            && before_its_preposition(noun, gap)
            && text.get(gap.matched.start..).is_some_and(|m| m.starts_with("قبل ") || m.starts_with("بعد "))
    };
    !(in_signal(a, b) || in_signal(b, a) || event_of_gap(a, b) || event_of_gap(b, a))
}

/// The order in which overlapping candidates are settled (candidates are `(mention, priority,
/// order)`): the longest match first, in characters (an Arabic letter is two bytes, a digit one);
/// then the higher priority; then the rule written first; then the earlier start.
pub(crate) fn precedence(text: &str, a: &(Mention, i32, usize), b: &(Mention, i32, usize)) -> std::cmp::Ordering {
    let chars = |r: &Range<usize>| text[r.clone()].chars().count();
    precedence_of(chars(&a.0.matched), chars(&b.0.matched), a, b)
}

/// [`precedence`] of two candidates whose matches are `la` and `lb` characters long.
fn precedence_of(la: usize, lb: usize, a: &(Mention, i32, usize), b: &(Mention, i32, usize)) -> std::cmp::Ordering {
    lb.cmp(&la).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.0.matched.start.cmp(&b.0.matched.start))
}

/// The text between two parts as a `between` pattern sees it: each word and each mark followed by
/// one space («،(» → ", ( "), nothing when the parts touch.
fn spaced(gap: &str) -> String {
    // Built in one pass (a word's chars, then one space; a mark, then one space): the gap is
    // spaced for every composition that reaches it, and a buffer, a vector of words and their
    // join for each cost more than the composition's other checks. (Room for the gap and a few
    // spaces added: it seldom grows.)
    let mut out = String::with_capacity(gap.len() + 8);
    let mut in_word = false;
    for c in gap.chars() {
        if is_word_char(c) {
            out.push(c);
            in_word = true;
            continue;
        }
        if in_word {
            out.push(' ');
            in_word = false;
        }
        if !c.is_whitespace() {
            out.push(c);
            out.push(' ');
        }
    }
    if in_word {
        out.push(' ');
    }
    out
}

/// [`spaced`] as first written (the reference a test compares it with).
#[cfg(test)]
fn spaced_by_words(gap: &str) -> String {
    let mut out = String::new();
    for c in gap.chars() {
        if is_word_char(c) {
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(' ');
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    if words.is_empty() {
        String::new()
    } else {
        words.join(" ") + " "
    }
}

/// Split "واحد وعشرين" / "الحادي والعشرين" into its parts at the conjunction و.
fn split_conjoined(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 && word.starts_with('و') && word.chars().count() > 1 {
            parts.push(word['و'.len_utf8()..].to_string());
        } else if i > 0 && word == "و" {
            continue;
        } else if let Some(last) = parts.last_mut().filter(|_| i > 0 && !word.starts_with('و')) {
            // a multi-word entry ("ثلاث مئة"): keep the words together
            last.push(' ');
            last.push_str(word);
        } else {
            parts.push(word.to_string());
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_gap_is_spaced_as_its_words_joined() {
        for gap in ["", " ", "  ", "و", " و ", "،(", " ، ( ", "و، ثم", "x\u{A0}y", "\tو\n", "حتى-", "(", " 5 ", "a,b , c"] {
            assert_eq!(super::spaced(gap), super::spaced_by_words(gap), "«{gap}»");
        }
    }

    #[test]
    fn single_spaced_is_the_words_joined_by_one_space() {
        for s in ["", "ا", "عشرين عاما", " عشرين", "عشرين ", "عشرين  عاما", "عشرين\tعاما", "عشرين\u{a0}عاما", "a b c", " ", "  ", "a\u{2009}b", "a \u{3000}b", "ب\u{1680}ت", "a\u{85}b", "é b", "a\nb", "a \u{202f}", "€ ₤", "ا  "] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(super::single_spaced(s), joined == s, "«{s}»");
        }
    }

    use crate::Grammar;

    fn days(text: &str) -> Vec<(String, Option<u32>, Option<u32>)> {
        let g = Grammar::embedded().expect("grammar");
        let norm = tarikh_text::normalise(text);
        g.find(&norm).into_iter().map(|m| (norm[m.range.clone()].to_string(), m.semantics.day, m.semantics.month)).collect()
    }

    #[test]
    fn listed_days_share_the_month_written_after_the_last() {
        let found = days("تجرى الانتخابات أيام 10 و11 و12 ديسمبر");
        let listed: Vec<(Option<u32>, Option<u32>)> = found.iter().map(|(_, d, m)| (*d, *m)).collect();
        assert_eq!(listed, vec![(Some(10), Some(12)), (Some(11), Some(12)), (Some(12), Some(12))]);
        assert_eq!(found[0].0, "ايام 10");
    }

    #[test]
    fn an_eve_in_a_feasts_signal_words_is_an_expression_of_its_own() {
        // «عشية» is the signal that makes the feast's name a time, and the eve itself.
        let found = days("ازدحمت الأسواق عشية عيد الأضحى");
        let spans: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(spans, vec!["عشيه", "عيد الاضحي"]);
        // A signal that is no event-anchored noun stays inside the feast's match: «إجازة» is no expression.
        let found = days("تغلق المحلات في إجازة عيد الأضحى");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_part_of_day_after_the_conjunction_is_no_part_of_the_clock_before_it() {
        // «و» opens another expression; «من» still joins a clock to its part of day.
        let spans = |text: &str| -> Vec<String> { days(text).into_iter().map(|(s, _, _)| s).collect() };
        assert_eq!(spans("يعلن القرار الساعة 8:30 ومساء اليوم الخميس"), vec!["الساعه 8:30", "مساء اليوم الخميس"]);
        assert_eq!(spans("يعلن القرار الساعة 8:30 من مساء اليوم الخميس"), vec!["الساعه 8:30 من مساء اليوم الخميس"]);
    }

    #[test]
    fn numbers_that_do_not_rise_to_the_dated_day_are_no_list() {
        // «المادتين 30 و5 مايو» is no list of days of May.
        let found = days("استنادا إلى المادة 30 و5 مايو");
        assert!(found.iter().all(|(_, d, _)| *d != Some(30)), "{found:?}");
    }
}
