//! The distinctive words of a document: normalised words, clitics and light suffixes stripped,
//! stop words left out.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// The embedded stop-word list.
const EMBEDDED: &str = include_str!("../../../data/grouping/ar/stopwords.txt");

/// Words that tell no story apart (see `data/grouping/ar/stopwords.txt`), kept as stems.
#[derive(Debug, Clone, Default)]
pub struct StopWords {
    stems: HashSet<String>,
}

impl StopWords {
    /// Read a stop-word list: words separated by white space, `#` to the end of a line a comment.
    pub fn parse(text: &str) -> StopWords {
        let mut stems = HashSet::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            for w in line.split_whitespace() {
                let n = tarikh_text::normalise(w);
                let bare = &n[tarikh_text::proclitic_len(&n)..];
                stems.insert(stem(bare).to_string());
                stems.insert(stem(&n).to_string());
            }
        }
        StopWords { stems }
    }

    /// The built-in list.
    pub fn embedded() -> &'static StopWords {
        static LIST: OnceLock<StopWords> = OnceLock::new();
        LIST.get_or_init(|| StopWords::parse(EMBEDDED))
    }

    /// Whether a stem is a stop word.
    pub fn contains(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }
}

/// Light stemming of a normalised word without its clitics: a final ه (ta marbuta), a plural or
/// dual ات/ون/ين, so that «الليبية»/«الليبي», «انتخابات»/«انتخاب», «المفقودين»/«المفقود» meet.
/// Conservative: at least three letters always remain.
pub fn stem(word: &str) -> &str {
    let len = word.chars().count();
    for suffix in ["ات", "ون", "ين"] {
        if len >= 5 {
            if let Some(s) = word.strip_suffix(suffix) {
                return s;
            }
        }
    }
    if len >= 4 {
        if let Some(s) = word.strip_suffix('ه') {
            return s;
        }
    }
    word
}

/// A year written in digits (1900–2099): stories are often named by theirs («مونديال 2022»).
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && matches!(&word[..2], "19" | "20")
}

/// The words of one document: stem → (count, the surface form seen most, its count).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Stem → occurrences.
    pub counts: BTreeMap<String, u32>,
    /// Stem → the word as written (normalised) seen most often, for labels.
    pub surface: BTreeMap<String, String>,
}

impl Features {
    /// The distinctive words of a normalised text.
    pub fn of(normalised: &str, stop: &StopWords) -> Features {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        let mut forms: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for word in normalised.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if word.chars().any(|c| c.is_ascii_digit()) {
                if is_year(word) {
                    *counts.entry(word.to_string()).or_default() += 1;
                    *forms.entry(word.to_string()).or_default().entry(word.to_string()).or_default() += 1;
                }
                continue;
            }
            if !word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
                continue;
            }
            let bare = &word[tarikh_text::proclitic_len(word)..];
            let s = stem(bare);
            if s.chars().count() < 3 || stop.contains(s) || stop.contains(stem(word)) {
                continue;
            }
            *counts.entry(s.to_string()).or_default() += 1;
            *forms.entry(s.to_string()).or_default().entry(word.to_string()).or_default() += 1;
        }
        let surface = forms.into_iter().map(|(s, f)| (s, f.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|x| x.0).unwrap_or_default())).collect();
        Features { counts, surface }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        Features::of(&tarikh_text::normalise(text), StopWords::embedded()).counts.into_keys().collect()
    }

    #[test]
    fn clitics_suffixes_and_stop_words_go() {
        assert_eq!(stems("وقالت الحكومة الليبية إن الفيضانات في درنة"), vec!["درن", "فيضان", "ليبي"]);
    }

    #[test]
    fn years_in_digits_count_other_numbers_do_not() {
        assert_eq!(stems("مونديال 2022 بنسبة 66.8 و 150 قتيلا"), vec!["2022", "قتيلا", "مونديال"]);
    }
}
