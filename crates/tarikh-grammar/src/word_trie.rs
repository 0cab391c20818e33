//! Lexicon alternations rewritten as tries, for the engines that fill a rule's capture groups.
//!
//! A lexicon is written into a rule as one alternation of its words, longest first
//! (`(?:word1|word2|…)`, a space between two words being `\s+`). The bounded backtracker tries the
//! branches of an alternation one by one, and a month or number lexicon has hundreds: most of a
//! rule's capture search went to pushing and popping those branches, and to clearing a visited set
//! as large as the NFA they make. The same words as a trie (`(?:ي(?:ناير|ونيو)|…)`) leave one or two
//! branches to try at each letter, and an NFA a fraction of the size.
//!
//! The trie matches exactly what the alternation matches, with the same leftmost-first preference,
//! when (checked here, else the alternation is left alone) every branch is a sequence of literal
//! characters and one same run of white space (`\s+`) that none of those characters belongs to,
//! and no branch comes before a longer branch it is a prefix of. Then a branch matches at most one
//! string at a given place (a shorter run of white space would leave a space before a letter),
//! two branches match there only if one is a prefix of the other, and the backtracker meets the
//! branches that match in the same order in both forms: longest first. The continuation after the
//! alternation is tried after each of them in that order, so every engine reports the same match
//! and the same groups.

use regex_syntax::hir::{Capture, Class, Hir, HirKind, Repetition};

/// `hir` with every alternation of words (see the module docs) written as a trie; `None` when it
/// has none (the caller keeps `hir`: nothing is copied).
pub(crate) fn factor_word_alternations(hir: &Hir) -> Option<Hir> {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => None,
        HirKind::Repetition(rep) => Some(Hir::repetition(Repetition { sub: Box::new(factor_word_alternations(&rep.sub)?), ..rep.clone() })),
        HirKind::Capture(cap) => Some(Hir::capture(Capture { sub: Box::new(factor_word_alternations(&cap.sub)?), ..cap.clone() })),
        HirKind::Concat(subs) => {
            let factored: Vec<Option<Hir>> = subs.iter().map(factor_word_alternations).collect();
            if factored.iter().all(Option::is_none) {
                return None;
            }
            Some(Hir::concat(factored.into_iter().zip(subs).map(|(f, sub)| f.unwrap_or_else(|| sub.clone())).collect()))
        }
        HirKind::Alternation(subs) => factor_alternation(subs),
    }
}

/// One step of a word: a character, or the run of white space between two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Token {
    Char(char),
    Space,
}

/// A run of adjacent word branches: their tokens end to end, where each branch ends, and the run
/// of white space they use (if any).
#[derive(Default, Clone, PartialEq, Eq, Hash)]
struct Run {
    tokens: Vec<Token>,
    ends: Vec<u32>,
    space: Option<String>,
}

/// Tries already built, by run: a lexicon is written into every rule that uses it, and its trie
/// is the same each time. Cleared when it holds more than `MEMO_LIMIT` (other grammars' lexicons).
static MEMO: std::sync::Mutex<Option<std::collections::HashMap<Run, Option<Hir>, crate::fnv::FnvBuild>>> = std::sync::Mutex::new(None);
const MEMO_LIMIT: usize = 512;

/// Fewer words than this are left as an alternation: a trie would save the backtracker little and
/// cost a rebuild of the pattern around it.
const MIN_WORDS: usize = 8;

/// The branches of an alternation, each run of adjacent word branches made a trie (grouping
/// adjacent branches changes nothing: an alternation is tried in order).
fn factor_alternation(branches: &[Hir]) -> Option<Hir> {
    // What replaces each branch or run of branches (by the index of its first branch); nothing
    // is copied unless something changes.
    let mut replaced: Vec<(std::ops::Range<usize>, Hir)> = Vec::new();
    let mut run = Run::default();
    let mut space: Option<&Hir> = None;
    let mut first = 0;
    for (i, branch) in branches.iter().enumerate() {
        let at = run.tokens.len();
        if push_tokens(branch, &mut space, &mut run.tokens) && run.tokens.len() > at {
            run.ends.push(run.tokens.len() as u32);
            continue;
        }
        run.tokens.truncate(at);
        if let Some(trie) = flush(&mut run, space) {
            replaced.push((first..i, trie));
        }
        if let Some(factored) = factor_word_alternations(branch) {
            replaced.push((i..i + 1, factored));
        }
        first = i + 1;
    }
    if let Some(trie) = flush(&mut run, space) {
        replaced.push((first..branches.len(), trie));
    }
    if replaced.is_empty() {
        return None;
    }
    let mut out: Vec<Hir> = Vec::with_capacity(branches.len());
    let mut next = 0;
    for (range, hir) in replaced {
        out.extend(branches[next..range.start].iter().cloned());
        out.push(hir);
        next = range.end;
    }
    out.extend(branches[next..].iter().cloned());
    Some(Hir::alternation(out))
}

/// Appends the tokens of a word branch to `out` (literals, and `space`, which the first run of
/// white space met sets); false when the branch is something else.
fn push_tokens<'h>(branch: &'h Hir, space: &mut Option<&'h Hir>, out: &mut Vec<Token>) -> bool {
    let pieces: &[Hir] = match branch.kind() {
        HirKind::Concat(subs) => subs,
        _ => std::slice::from_ref(branch),
    };
    for piece in pieces {
        match piece.kind() {
            HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
                Ok(s) => out.extend(s.chars().map(Token::Char)),
                Err(_) => return false,
            },
            HirKind::Repetition(rep) if rep.min == 1 && rep.max.is_none() && rep.greedy && matches!(rep.sub.kind(), HirKind::Class(Class::Unicode(_))) => {
                match space {
                    Some(s) if *s != piece => return false,
                    Some(_) => {}
                    None => *space = Some(piece),
                }
                out.push(Token::Space);
            }
            _ => return false,
        }
    }
    true
}

/// A trie node: its children by first token (at most one can match at a given place) and the
/// first branch that ends here, if any.
#[derive(Default)]
struct Node {
    children: Vec<(Token, usize)>,
    ends: Option<usize>,
}

/// The trie of the word branches `run` (their tokens) when it is exact and worth it, else `None`
/// (the branches stay as written). `run` is left empty.
fn flush(run: &mut Run, space: Option<&Hir>) -> Option<Hir> {
    let mut trie = None;
    if run.ends.len() >= MIN_WORDS {
        run.space = space.map(|s| s.to_string());
        let known = MEMO.lock().expect("the trie memo").as_ref().and_then(|m| m.get(run).cloned());
        trie = match known {
            Some(trie) => trie,
            None => {
                let trie = build_trie(run, space);
                let mut memo = MEMO.lock().expect("the trie memo");
                let memo = memo.get_or_insert_with(Default::default);
                if memo.len() >= MEMO_LIMIT {
                    memo.clear();
                }
                memo.insert(run.clone(), trie.clone());
                trie
            }
        };
    }
    *run = Run::default();
    trie
}

/// The trie of a run of word branches, or `None` when it would not be exact.
fn build_trie(run: &Run, space: Option<&Hir>) -> Option<Hir> {
    let mut nodes = vec![Node::default()];
    let mut from = 0;
    for (i, &end) in run.ends.iter().enumerate() {
        let mut at = 0;
        for &t in &run.tokens[from..end as usize] {
            at = match nodes[at].children.iter().find(|(c, _)| *c == t) {
                Some(&(_, next)) => next,
                None => {
                    nodes.push(Node::default());
                    let next = nodes.len() - 1;
                    nodes[at].children.push((t, next));
                    next
                }
            };
        }
        // A repeated branch is never tried to any effect: the first one already failed.
        nodes[at].ends.get_or_insert(i);
        from = end as usize;
    }
    let space_class = match space.map(Hir::kind) {
        Some(HirKind::Repetition(rep)) => match rep.sub.kind() {
            HirKind::Class(Class::Unicode(c)) => Some(c.clone()),
            _ => None,
        },
        _ => None,
    };
    let letters_are_not_space = run.tokens.iter().all(|t| match (t, &space_class) {
        (Token::Char(c), Some(class)) => !class.ranges().iter().any(|r| r.start() <= *c && *c <= r.end()),
        _ => true,
    });
    (letters_are_not_space && longer_first(&nodes, 0).1).then(|| node_hir(&nodes, 0, space))
}

/// The last branch ending in the subtree of `node`, and whether every branch there comes before
/// the branches it is a prefix of.
fn longer_first(nodes: &[Node], node: usize) -> (Option<usize>, bool) {
    let mut last_below: Option<usize> = None;
    for &(_, child) in &nodes[node].children {
        let (last, ok) = longer_first(nodes, child);
        if !ok {
            return (None, false);
        }
        last_below = last_below.max(last);
    }
    match nodes[node].ends {
        Some(here) => (Some(here.max(last_below.unwrap_or(0))), last_below.is_none_or(|below| below < here)),
        None => (last_below, true),
    }
}

/// The pattern of the trie below `node`: each child, then (the shortest word last) the end here.
/// A chain of nodes with one child each is written as one literal.
fn node_hir(nodes: &[Node], node: usize, space: Option<&Hir>) -> Hir {
    let mut alternatives: Vec<Hir> = nodes[node]
        .children
        .iter()
        .map(|&(t, child)| {
            let mut pieces: Vec<Hir> = Vec::new();
            let mut letters = String::new();
            let (mut t, mut child) = (t, child);
            loop {
                match t {
                    Token::Char(c) => letters.push(c),
                    Token::Space => {
                        if !letters.is_empty() {
                            pieces.push(Hir::literal(std::mem::take(&mut letters).into_bytes()));
                        }
                        pieces.push(space.expect("a space token has its run of white space").clone());
                    }
                }
                match (&nodes[child].children[..], nodes[child].ends) {
                    ([(next, grandchild)], None) => (t, child) = (*next, *grandchild),
                    _ => break,
                }
            }
            if !letters.is_empty() {
                pieces.push(Hir::literal(letters.into_bytes()));
            }
            if !nodes[child].children.is_empty() {
                pieces.push(node_hir(nodes, child, space));
            }
            Hir::concat(pieces)
        })
        .collect();
    if nodes[node].ends.is_some() {
        alternatives.push(Hir::empty());
    }
    Hir::alternation(alternatives)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::{Anchored, Input};

    fn factored(pattern: &str) -> String {
        let hir = regex_syntax::Parser::new().parse(pattern).unwrap();
        factor_word_alternations(&hir).unwrap().to_string()
    }

    #[test]
    fn words_become_a_trie_longest_first() {
        let f = factored(r"(?:abcd|abc|ab\s+x|abd|b|c|d|e|f)z");
        let re = regex::Regex::new(&f).unwrap();
        for (text, expected) in [("abcdz", "abcdz"), ("abcz", "abcz"), ("ab  xz", "ab  xz"), ("abdz", "abdz"), ("bz", "bz"), ("fz", "fz")] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(expected), "{f}");
        }
        assert!(f.contains("(?:ab)"), "{f}");
    }

    #[test]
    fn a_shorter_word_before_a_longer_one_is_left_alone() {
        // «ab|abc» prefers «ab»: a trie would prefer «abc».
        let original = regex_syntax::Parser::new().parse("(?:ab|abc|x|y|z|t|u|v)").unwrap();
        assert_eq!(factor_word_alternations(&original), None);
    }

    #[test]
    fn every_rule_fills_its_groups_alike_with_its_lexicons_as_tries() {
        // The capture engine of each rule is built from the factored pattern; the meta regex of
        // the same rule, from the pattern as written. Both must report the same match and the same
        // groups at every place of every example phrase.
        let g = crate::Grammar::embedded().unwrap();
        let texts: Vec<String> = g.examples().iter().map(|e| format!("قال إنه {} ثم عاد", e.text)).collect();
        let mut compared = 0;
        for rule in &g.rules {
            let anchored = rule.anchored(&g, true);
            let mut cache = anchored.cache();
            let mut caps = anchored.create_captures();
            let mut reference = rule.regex().create_captures();
            for text in texts.iter().filter(|t| rule.regex().is_match(t.as_str())) {
                // A match starts at the text's start or at a character outside the words.
                let starts = std::iter::once(0).chain(text.char_indices().filter(|&(_, c)| !c.is_alphanumeric()).map(|(i, _)| i));
                for s in starts {
                    let input = Input::new(text).range(s..).anchored(Anchored::Yes);
                    rule.regex().search_captures(&input, &mut reference);
                    anchored.search_captures(&mut cache, &input, &mut caps);
                    let groups = |c: &regex_automata::util::captures::Captures| c.iter().collect::<Vec<_>>();
                    assert_eq!(groups(&caps), groups(&reference), "rule `{}` at {s} in «{text}»", rule.name);
                    compared += usize::from(caps.is_match());
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
