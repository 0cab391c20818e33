//! Months joined by و: «في يناير وفبراير»، «شهري يونيو وسبتمبر». The gold annotates coordinated
//! times as one expression each («السبت و+الأحد» are two timexes), and a rule's match is one
//! expression, so two readings are made here, after the matches are settled:
//! - a month read alone (a DATE naming a month, no day) followed by «و» and another month name: the
//!   second month becomes an expression of its own, with the first one's year and direction (the
//!   first had a signal, «في يناير»; the bare second month had none and was lost); when the second
//!   month was read with a year and the first has none, the first takes that year («في يناير
//!   وفبراير 2024»);
//! - a stretch of months read from the dual «شهري X وY» (a range from X to Y) is kept only when Y
//!   follows X: «شهري يوليو وأغسطس» is a two-month stretch, «شهري يونيو وسبتمبر» (exam sessions)
//!   two months apart, so two expressions; a yearly SET «شهري يناير ويوليو من كل عام» gives both
//!   months as SETs.

use crate::{Calendar, Grammar, Mention, MentionType};

/// The month names' lexicon: its words are looked up after «و».
const MONTH_LEXICON: &str = "month";

impl Grammar {
    /// The month name (of lexicon `month`) that `rest` starts with and its number; the longest name
    /// wins (كانون الثاني over كانون), and the name must end at a word's edge. An alternative name
    /// after a slash or in brackets («حزيران/يونيو»، «أيار (مايو)») is part of it.
    fn month_at(&self, rest: &str) -> Option<(usize, u32)> {
        let lexicon = &self.lexicons[*self.lexicon_index.get(MONTH_LEXICON)?];
        let word_end = |s: &str, from: usize| s[from..].find(|c: char| !tarikh_text::is_word_char(c)).map_or(s.len(), |i| from + i);
        let first = word_end(rest, 0);
        let second = rest[first..].strip_prefix(' ').map(|_| word_end(rest, first + 1));
        let (len, value) = [second, Some(first)].into_iter().flatten().find_map(|end| lexicon.words.get(&rest[..end]).map(|v| (end, v)))?;
        let month: u32 = value.parse().ok()?;
        // «حزيران/يونيو»، «حزيران / يونيو»، «أيار (مايو)».
        let after = &rest[len..];
        let alt = after.trim_start_matches(' ');
        let alt_len = if let Some(a) = alt.strip_prefix('/').or_else(|| alt.strip_prefix('(')) {
            let a_trim = a.trim_start_matches(' ');
            let skipped = after.len() - a_trim.len();
            match self.month_word_len(a_trim) {
                Some(l) => {
                    let tail = &a_trim[l..];
                    let close = tail.trim_start_matches(' ');
                    skipped + l + if alt.starts_with('(') && close.starts_with(')') { tail.len() - close.len() + 1 } else { 0 }
                }
                None => 0,
            }
        } else {
            0
        };
        Some((len + alt_len, month))
    }

    /// The length of the month name `s` starts with, without alternatives.
    fn month_word_len(&self, s: &str) -> Option<usize> {
        let lexicon = &self.lexicons[*self.lexicon_index.get(MONTH_LEXICON)?];
        let word_end = |from: usize| s[from..].find(|c: char| !tarikh_text::is_word_char(c)).map_or(s.len(), |i| from + i);
        let first = word_end(0);
        let second = s[first..].strip_prefix(' ').map(|_| word_end(first + 1));
        [second, Some(first)].into_iter().flatten().find(|&end| lexicon.words.contains_key(&s[..end]))
    }

    /// The dual adjective of direction (lexicons `past_word_dual`, `future_word_dual`: الماضيين،
    /// المقبلين) right after `at`: its length from `at` and its direction.
    fn dual_direction_at(&self, text: &str, at: usize) -> Option<(usize, crate::Direction)> {
        let rest = text[at..].strip_prefix(' ')?;
        let word = &rest[..rest.find(|c: char| !tarikh_text::is_word_char(c)).unwrap_or(rest.len())];
        let has = |name: &str| self.lexicon_index.get(name).is_some_and(|&li| self.lexicons[li].words.contains_key(word));
        let direction = if has("past_word_dual") {
            crate::Direction::Past
        } else if has("future_word_dual") {
            crate::Direction::Future
        } else {
            return None;
        };
        Some((1 + word.len(), direction))
    }

    /// The month after «و» or «أو» at `at` («وفبراير»، «و فبراير»، «أو فبراير»): its byte range and
    /// number.
    fn month_after_and(&self, text: &str, at: usize) -> Option<(std::ops::Range<usize>, u32)> {
        let rest = text[at..].strip_prefix(' ')?;
        let rest = rest.strip_prefix("او ").or_else(|| rest.strip_prefix('و'))?;
        let rest_trim = rest.strip_prefix(' ').unwrap_or(rest);
        let start = text.len() - rest_trim.len();
        let (len, month) = self.month_at(rest_trim)?;
        Some((start..start + len, month))
    }

    /// Split or complete months joined by و (see the module's doc).
    pub(crate) fn split_coordinated_months(&self, text: &str, chosen: &mut Vec<Mention>) {
        if !self.lexicon_index.contains_key(MONTH_LEXICON) {
            return;
        }
        let mut added: Vec<Mention> = Vec::new();
        let mut replaced: Vec<usize> = Vec::new();
        for (i, m) in chosen.iter().enumerate() {
            let s = &m.semantics;
            let month_only = s.month.is_some() && s.calendar == Calendar::Gregorian && s.day.is_none() && s.hijri_pair.is_none() && s.weekday.is_none() && s.hour.is_none() && s.part_of_day.is_none() && s.event.is_none() && s.edge_days.is_none() && !s.last_day;
            if !month_only {
                continue;
            }
            let span = &text[m.range.clone()];
            let inner_and = span.match_indices(" و").chain(span.match_indices(" او ")).map(|(k, _)| m.range.start + k).find_map(|k| self.month_after_and(text, k).filter(|(r, _)| r.end <= m.range.end).map(|found| (k, found)));
            match (m.kind, s.range_end, inner_and) {
                // «شهري يونيو وسبتمبر»: a range of months apart.
                // Only the dual: «بين شهري مارس وماي» (between) is a stretch whatever the months.
                (MentionType::Date, Some((end_year, Some(end_month), None)), Some((k, (second, month2)))) if end_month == month2 && span.starts_with("شهري ") => {
                    let first_month = s.month.unwrap_or(0);
                    if month2 == first_month % 12 + 1 {
                        continue;
                    }
                    let mut first = s.clone();
                    first.range_end = None;
                    first.year = first.year.or(end_year);
                    let mut then = first.clone();
                    then.month = Some(month2);
                    replaced.push(i);
                    added.push(Mention { range: m.range.start..k, matched: m.matched.start..k, kind: m.kind, semantics: first, rule: format!("{}+apart", m.rule) });
                    added.push(Mention { range: second.start..m.range.end, matched: second.start..m.matched.end.max(m.range.end), kind: m.kind, semantics: then, rule: format!("{}+apart", m.rule) });
                }
                // «شهري يناير ويوليو من كل عام»: a yearly SET of two months.
                (MentionType::Set, None, Some((k, (second, month2)))) => {
                    let mut then = s.clone();
                    then.month = Some(month2);
                    replaced.push(i);
                    added.push(Mention { range: m.range.start..k, matched: m.matched.start..k, kind: m.kind, semantics: s.clone(), rule: format!("{}+and", m.rule) });
                    added.push(Mention { range: second.start..m.range.end, matched: second.start..m.matched.end.max(m.range.end), kind: m.kind, semantics: then, rule: format!("{}+and", m.rule) });
                }
                // «في يناير وفبراير»: the month after و, unread.
                (MentionType::Date, None, None) => {
                    // «في أكتوبر ونوفمبر وديسمبر»: each month after و in turn.
                    let mut end = m.range.end;
                    let mut months = vec![s.month.unwrap_or(0)];
                    let mut chain: Vec<Mention> = Vec::new();
                    while let Some((second, month2)) = self.month_after_and(text, end) {
                        if months.contains(&month2) || chosen.iter().any(|o| o.range.start < second.end && second.start < o.range.end) {
                            break;
                        }
                        months.push(month2);
                        end = second.end;
                        let mut then = s.clone();
                        then.month = Some(month2);
                        chain.push(Mention { range: second.clone(), matched: second, kind: m.kind, semantics: then, rule: format!("{}+and", m.rule) });
                    }
                    if !chain.is_empty() {
                        // «في يناير وفبراير الماضيين»: the dual adjective after the last month is
                        // every month's direction (and part of the last one's span, as «الماضي» is).
                        if let (Some((len, direction)), None) = (self.dual_direction_at(text, end), s.direction) {
                            let mut first = m.clone();
                            first.semantics.direction = Some(direction);
                            first.rule = format!("{}+and", m.rule);
                            replaced.push(i);
                            added.push(first);
                            for c in &mut chain {
                                c.semantics.direction = Some(direction);
                            }
                            if let Some(last) = chain.last_mut() {
                                last.range.end = end + len;
                                last.matched.end = end + len;
                            }
                        }
                        added.extend(chain);
                        continue;
                    }
                    let Some((second, month2)) = self.month_after_and(text, m.range.end) else { continue };
                    if let Some(j) = chosen.iter().position(|o| o.range.start < second.end && second.start < o.range.end) {
                        // Read already («فبراير 2024»): its year is the first month's too.
                        let o = &chosen[j].semantics;
                        if o.month == Some(month2) && o.day.is_none() && o.year.is_some() && s.year.is_none() && s.shift.is_none() && chosen[j].range.start == second.start {
                            let mut first = s.clone();
                            first.year = o.year;
                            first.direction = None;
                            replaced.push(i);
                            added.push(Mention { range: m.range.clone(), matched: m.matched.clone(), kind: m.kind, semantics: first, rule: format!("{}+year-after", m.rule) });
                        }
                    }
                }
                _ => {}
            }
        }
        if added.is_empty() {
            return;
        }
        let mut i = 0;
        chosen.retain(|_| {
            i += 1;
            !replaced.contains(&(i - 1))
        });
        chosen.extend(added);
        chosen.sort_by_key(|m| (m.range.start, m.range.end));
    }
}
