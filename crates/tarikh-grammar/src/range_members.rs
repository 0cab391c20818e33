//! A range written with its two ends («من 5 إلى 10 مايو 2023»، «بين عامي 2016 و2017»، «من فاتح
//! يوليوز إلى غاية 15 شتنبر»، «5-7 مايو»، «شهري يوليو وأغسطس») is two expressions, as the gold
//! annotates every range and every coordination: one per member, the words that open and join the
//! range («من»، «بين»، «الفترة من»، «إلى»، «حتى»، «لغاية»، «إلى غاية»، «و»، a dash) signals outside
//! the spans, the nouns that head a member kept with it («يوم 5»، «عامي 2016»، «شهري يوليو»). A rule
//! reads the range as one match (its two ends need each other: the first takes its month and year
//! from the last, across a year end the year before), so it is split here, after the matches are
//! settled: both members keep the whole range's reading ([`Semantics::range_end`] and the start's
//! fields) with [`Semantics::range_member`] saying which end each is, so that tarikh-anchor reads
//! them alike (the same year for both, whatever the tense) and gives each its own end.
//! Years joined by a mark alone («2014-2016»، «الموسم 2023/2024») stay one expression: the
//! written stretch of a season, a school or fiscal year, a plan.

use crate::{Grammar, Mention, MentionType, RangeMember, Semantics};
use std::ops::Range;

/// Words that open a range, left out of its first member (normalised: ة is written ه).
const OPENERS: [&str; 3] = ["من", "بين", "ما"];

/// The noun «الفترة» before an opener («الفترة من 2003 إلى 2011»): a signal too.
const PERIOD_NOUN: &str = "الفتره";

/// Words that join a range's ends (normalised: إلى is written الي, حتى حتي, لغاية لغايه), with
/// «و» before them or not.
const JOINERS: [&str; 4] = ["الي", "حتي", "لغايه", "لحين"];

/// The word after «إلى» in «إلى غاية» (normalised).
const UNTIL_NOUN: &str = "غايه";

/// Tens written in words, which follow «و» inside one number («الخامس والعشرين»): no joint.
const TENS: [&str; 16] = [
    "عشرين", "العشرين", "عشرون", "العشرون", "ثلاثين", "الثلاثين", "ثلاثون", "الثلاثون", "اربعين", "الاربعين", "خمسين", "الخمسين", "ستين", "الستين", "سبعين", "السبعين",
];

/// How a range's ends are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// A word («إلى»، «حتى»، «لغاية») or «و».
    Word,
    /// A dash or a slash.
    Mark,
}

/// The words of `span` as byte ranges (split at spaces).
fn tokens(span: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in span.char_indices() {
        match (c == ' ', start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..span.len());
    }
    out
}

/// Is `word` a number of digits and date marks only («5»، «28/11/2023»، «5-7»)?
fn numeric(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
}

/// The joint inside a word of digits and marks: «5-7» (two numbers joined by a dash) at the dash,
/// «28/11/2023-30/11/2023» (two dates of three numbers) at the mark after the third number. A
/// single date («3-11-2022») has none. Its byte range within `word`.
fn joint_inside(word: &str) -> Option<Range<usize>> {
    let marks: Vec<(usize, char)> = word.char_indices().filter(|(_, c)| !c.is_ascii_digit()).collect();
    let groups = word.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).count();
    let at = match (groups, marks.len()) {
        (2, 1) if marks[0].1 == '-' => marks[0].0,
        (6, 5) => marks[2].0,
        _ => return None,
    };
    Some(at..at + 1)
}

/// The two members of the range written as `span`: their byte ranges within it and how they are
/// joined; `None` when `span` is not two members joined by a joint («الأشهر الستة الأولى»).
fn members(span: &str) -> Option<(Range<usize>, Range<usize>, Joint)> {
    let words = tokens(span);
    let mut first = 0;
    if words.get(first).is_some_and(|w| &span[w.clone()] == PERIOD_NOUN) && words.get(first + 1).is_some_and(|w| OPENERS.contains(&&span[w.clone()])) {
        first += 1;
    }
    while words.get(first).is_some_and(|w| OPENERS.contains(&&span[w.clone()])) {
        first += 1;
    }
    let start = words.get(first)?.start;
    let word = |i: usize| words.get(i).map_or("", |w| &span[w.clone()]);
    let bare = |w: &'_ str| -> String { w.strip_prefix('و').filter(|r| !r.is_empty()).unwrap_or(w).to_string() };
    let joined = |joint: Range<usize>, kind: Joint| -> Option<(Range<usize>, Range<usize>, Joint)> {
        let head = span[start..joint.start].trim_end_matches([' ', ',']);
        let tail = span[joint.end..].trim_start_matches(' ');
        (!head.is_empty() && !tail.is_empty()).then(|| (start..start + head.len(), span.len() - tail.len()..span.len(), kind))
    };
    // «إلى»، «حتى»، «لغاية»، «إلى غاية», with «و» before them or not.
    for i in first + 1..words.len() {
        let w = word(i);
        let opens_with_and = w == "و" && JOINERS.contains(&word(i + 1));
        if JOINERS.contains(&bare(w).as_str()) || opens_with_and {
            let mut last = if opens_with_and { i + 1 } else { i };
            if word(last + 1) == UNTIL_NOUN {
                last += 1;
            }
            return joined(words[i].start..words[last].end, Joint::Word);
        }
    }
    // A dash: a word of its own, at a word's edge («5 -7»), or inside a word of numbers.
    for (i, r) in words.iter().enumerate().skip(first) {
        let w = &span[r.clone()];
        let at = r.start;
        if w == "-" && i > first {
            return joined(r.clone(), Joint::Mark);
        }
        if w.len() > 1 && w.starts_with('-') && i > first {
            return joined(at..at + 1, Joint::Mark);
        }
        if w.len() > 1 && w.ends_with('-') {
            return joined(at + w.len() - 1..at + w.len(), Joint::Mark);
        }
        if numeric(w) {
            if let Some(j) = joint_inside(w) {
                return joined(at + j.start..at + j.end, Joint::Mark);
            }
        }
    }
    // «و» before the second member («بين 5 و7 مايو»، «2023 و2024»، «شهري يوليو وأغسطس»), not
    // inside a number written in words («الخامس والعشرين»).
    for (i, r) in words.iter().enumerate().skip(first + 1) {
        let w = &span[r.clone()];
        let next = if w == "و" { word(i + 1) } else { w.strip_prefix('و').unwrap_or("") };
        if w.starts_with('و') && !next.is_empty() && !TENS.contains(&next) {
            return joined(r.start..r.start + 'و'.len_utf8(), Joint::Word);
        }
    }
    None
}

impl Grammar {
    /// Split every range read as one expression into its two members (see the module's doc).
    pub(crate) fn split_range_members(&self, text: &str, chosen: &mut Vec<Mention>) {
        let mut out: Vec<Mention> = Vec::with_capacity(chosen.len());
        let mut split = false;
        for m in chosen.drain(..) {
            let s = &m.semantics;
            let Some(end) = s.range_end.filter(|_| m.kind == MentionType::Date && s.range_member.is_none()) else {
                out.push(m);
                continue;
            };
            let Some((a, b, joint)) = members(&text[m.range.clone()]) else {
                out.push(m);
                continue;
            };
            // «2014-2016»، «2023/2024»: a season, a school or fiscal year, a plan, written as one.
            let years_only = matches!(end, (Some(_), None, None)) && s.month.is_none() && s.day.is_none();
            if years_only && joint == Joint::Mark {
                out.push(m);
                continue;
            }
            let member = |r: Range<usize>, which: RangeMember, name: &str| Mention {
                range: m.range.start + r.start..m.range.start + r.end,
                // The whole range is what a verb before it tells: both members read the same tense.
                matched: m.matched.clone(),
                kind: m.kind,
                semantics: Semantics { range_member: Some(which), ..s.clone() },
                rule: format!("{}+{name}", m.rule),
            };
            out.push(member(a, RangeMember::First, "from"));
            out.push(member(b, RangeMember::Last, "to"));
            split = true;
        }
        if split {
            out.sort_by_key(|m| (m.range.start, m.range.end));
        }
        *chosen = out;
    }
}

#[cfg(test)]
mod tests {
    use super::members;
    use crate::{Grammar, MentionType, RangeMember};

    /// The members `members` finds in `phrase` (normalised), as text.
    fn split(phrase: &str) -> Option<(String, String)> {
        let text = tarikh_text::normalise(phrase);
        members(&text).map(|(a, b, _)| (text[a].to_string(), text[b].to_string()))
    }

    #[test]
    fn the_openers_and_joints_stay_outside_the_members() {
        let n = |s: &str| tarikh_text::normalise(s).to_string();
        for (phrase, first, last) in [
            ("من 5 إلى 10 مايو 2023", "5", "10 مايو 2023"),
            ("من 12 إلى غاية 16 ديسمبر الجاري", "12", "16 ديسمبر الجاري"),
            ("من 5 وحتى 10 أبريل", "5", "10 أبريل"),
            ("من 28 أبريل وإلى 3 مايو 2023", "28 أبريل", "3 مايو 2023"),
            ("بين عامي 2016 و2017", "عامي 2016", "2017"),
            ("الفترة من 2003 الى 2011", "2003", "2011"),
            ("بين الأحد 5 والخميس 9 يناير المقبل", "الأحد 5", "الخميس 9 يناير المقبل"),
            ("من الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر", "الثالث والعشرين", "السادس والعشرين من شهر أكتوبر"),
            ("بين الخامس والعشرين والسابع والعشرين من مايو", "الخامس والعشرين", "السابع والعشرين من مايو"),
            ("5-7 مايو 2017", "5", "7 مايو 2017"),
            ("28/11/2023-30/11/2023", "28/11/2023", "30/11/2023"),
            ("بين 3-11-2022 و9-2-2023", "3-11-2022", "9-2-2023"),
            ("3 نوفمبر 2022 – 9 فبراير 2023", "3 نوفمبر 2022", "9 فبراير 2023"),
            ("شهري يوليو وأغسطس", "شهري يوليو", "أغسطس"),
        ] {
            assert_eq!(split(phrase), Some((n(first), n(last))), "{phrase}");
        }
        // No joint: no members.
        assert_eq!(split("الأشهر الستة الأولى من العام"), None);
    }

    #[test]
    fn a_range_is_two_expressions_each_its_own_end() {
        let g = Grammar::embedded().expect("grammar");
        for (phrase, first, last) in [("من 5 إلى 10 مايو 2023", "5", "10 مايو 2023"), ("بين عامي 2016 و2017", "عامي 2016", "2017"), ("من 28 ديسمبر إلى 3 يناير", "28 ديسمبر", "3 يناير")] {
            let text = tarikh_text::normalise(phrase);
            let found: Vec<_> = g.find(&text).into_iter().filter(|m| m.kind == MentionType::Date).collect();
            let spans: Vec<(&str, Option<RangeMember>)> = found.iter().map(|m| (&text[m.range.clone()], m.semantics.range_member)).collect();
            let (first, last) = (tarikh_text::normalise(first), tarikh_text::normalise(last));
            assert_eq!(spans, vec![(first.as_str(), Some(RangeMember::First)), (last.as_str(), Some(RangeMember::Last))], "{phrase}");
        }
        // Years joined by a mark are the written stretch of a season: one expression.
        let text = tarikh_text::normalise("خلال الموسم الدراسي 2023/2024");
        let found = g.find(&text);
        assert!(found.iter().any(|m| m.semantics.range_end.is_some() && m.semantics.range_member.is_none()), "{found:?}");
    }
}
