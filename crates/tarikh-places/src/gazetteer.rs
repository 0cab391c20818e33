//! Loading the gazetteer and finding its places in a normalised text.

use crate::error::PlacesError;
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::path::{Path, PathBuf};
use aho_corasick::automaton::Automaton;
use std::sync::OnceLock;
use toml::Spanned;

/// The embedded default gazetteer.
const EMBEDDED: &str = include_str!("../../../data/places/ar/places.toml");
/// Name under which the embedded file is reported in errors.
const EMBEDDED_NAME: &str = "data/places/ar/places.toml";

/// How a place is named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// The country or region itself («ليبيا», «الولايات المتحدة»).
    Country,
    /// A city of it («درنة», «الرياض»).
    City,
    /// A nisba adjective («الليبية», «السعودي»): it places the story there, more loosely.
    Adjective,
}

impl Form {
    /// Lower-case name used in evidence strings.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Country => "country",
            Form::City => "city",
            Form::Adjective => "adjective",
        }
    }
}

/// One entry of the gazetteer: a country (or the part of one that keeps its own clock).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// English name, for reports ("Libya", "United States (East)").
    pub country: String,
    /// The clock its people keep.
    pub zone: chrono_tz::Tz,
}

/// An example phrase of an entry and the zone the whole phrase, read as an article, must get.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The entry's country.
    pub country: String,
    /// The phrase, as written in the file.
    pub phrase: String,
    /// The zone expected.
    pub zone: chrono_tz::Tz,
    /// The file and line it comes from, for messages.
    pub origin: String,
}

/// A place named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    /// Index of the place in [`Gazetteer::places`].
    pub place: usize,
    /// How it is named.
    pub form: Form,
    /// Byte range in the normalised text, clitics included («وبالرياض»).
    pub range: Range<usize>,
    /// The name as the gazetteer writes it (normalised), without the clitics.
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    place: Vec<Spanned<RawPlace>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    country: String,
    zone: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    examples: Vec<Vec<String>>,
}

/// One way of writing a place: its words after the first, the place and the form.
#[derive(Debug, Clone)]
struct Entry {
    rest: Vec<String>,
    place: usize,
    form: Form,
    name: String,
}

/// A multiply-rotate hash of a word's bytes (the Fx hash of rustc). The index is looked up up to
/// four times for every word of every article, and SipHash (the standard map's, which guards
/// against collision attacks this fixed list of names cannot mount) made that lookup most of the
/// cost of finding places.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = SPREAD;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("an 8-byte chunk"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The multiplier of [`WordHasher`], also used to spread [`Endings`]' slots.
const SPREAD: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A fingerprint (length and last eight bytes) of every first word of a name, as a 65,536-bit
/// table, so that most words are ruled out with three bit tests instead of up to four map lookups
/// (for the words at the start of a line, [`Gazetteer::find_at_start`]; [`Gazetteer::find`] reads
/// a whole text with an automaton instead). Every bare form of a word is the word without its first 0, 2 or 4 bytes
/// (clitics are two-byte letters stripped from the front), so a word none of whose three suffixes
/// is in the table has no form in the index; the table never rules out a name, it only spares
/// the lookups (a word with a passing suffix is looked up as before). Four bytes were too few:
/// the nisba adjectives («الليبيه») end like every other «…يه» word of their length.
#[derive(Debug, Clone)]
struct Endings {
    bits: Vec<u64>,
}

impl Default for Endings {
    fn default() -> Self {
        Endings { bits: vec![0; 1024] }
    }
}

impl Endings {
    fn slot(form: &[u8]) -> usize {
        Endings::slot_of(Endings::tail(form), form.len())
    }

    /// The last eight bytes of `form` as a number (of a shorter one, its first and last four
    /// bytes, which may overlap; the length goes into the slot besides).
    #[inline]
    fn tail(form: &[u8]) -> u64 {
        let n = form.len();
        let four = |at: usize| u64::from(u32::from_le_bytes(form[at..at + 4].try_into().expect("four bytes")));
        match n {
            8.. => u64::from_le_bytes(form[n - 8..].try_into().expect("eight bytes")),
            4..=7 => four(0) << 32 | four(n - 4),
            _ => form.iter().fold(0, |t, &b| t << 8 | u64::from(b)),
        }
    }

    fn slot_of(tail: u64, len: usize) -> usize {
        let key = (tail ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(SPREAD);
        ((key ^ key >> 29).wrapping_mul(SPREAD) >> 48) as usize
    }

    fn holds(&self, s: usize) -> bool {
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }

    fn insert(&mut self, key: &str) {
        let s = Endings::slot(key.as_bytes());
        self.bits[s / 64] |= 1 << (s % 64);
    }

    /// Whether some bare form of `word` may be a first word of a name (never a false `false`).
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let n = bytes.len();
        if n >= 12 {
            // The three suffixes share their last eight bytes.
            let tail = Endings::tail(bytes);
            return self.holds(Endings::slot_of(tail, n)) || self.holds(Endings::slot_of(tail, n - 2)) || self.holds(Endings::slot_of(tail, n - 4));
        }
        self.holds(Endings::slot(bytes)) || (n > 2 && self.holds(Endings::slot(&bytes[2..]))) || (n > 4 && self.holds(Endings::slot(&bytes[4..])))
    }
}

/// The gazetteer: places, and an index from the first word of each name to its entries.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    index: HashMap<String, Vec<Entry>, BuildHasherDefault<WordHasher>>,
    endings: Endings,
    /// The most words a name has after its first.
    longest: usize,
    examples: Vec<Example>,
    /// Every first word of a name as one automaton (made at the first [`Gazetteer::find`]).
    firsts: OnceLock<aho_corasick::dfa::DFA>,
}

/// The words of a normalised text: byte ranges of maximal runs of letters and digits.
pub(crate) fn words(text: &str) -> Vec<Range<usize>> {
    Words::new(text).collect()
}

/// The words of a text read one at a time (see [`words`]): finding places reads every word of
/// every article once and most are ruled out at once, so they are not first gathered in a list
/// (that list was two thirds of the cost of finding places).
#[derive(Clone)]
pub(crate) struct Words<'a> {
    text: &'a str,
    /// Where reading goes on: a char boundary not inside a word.
    at: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`, from its start.
    pub(crate) fn new(text: &'a str) -> Words<'a> {
        Words { text, at: 0 }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        let (text, n) = (self.text, self.text.len());
        let bytes = text.as_bytes();
        let mut i = self.at;
        let start = loop {
            if i >= n {
                self.at = n;
                return None;
            }
            // Spaces and punctuation, the most common chars between words, read off one byte.
            if bytes[i] < 0x80 && !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let (is_word, len) = word_char_at(text, i);
            if is_word {
                break i;
            }
            i += len;
        };
        loop {
            // The basic Arabic letters (both bytes compared at once: most chars of an article)
            // and ASCII letters and digits, read off their bytes.
            while tarikh_text::is_basic_letter_at(bytes, i) {
                i += 2;
            }
            if i >= n {
                self.at = n;
                return Some(start..n);
            }
            match bytes[i] {
                b if b < 0x80 => {
                    if !b.is_ascii_alphanumeric() {
                        self.at = i + 1;
                        return Some(start..i);
                    }
                    i += 1;
                }
                _ => {
                    let (is_word, len) = word_char_at(text, i);
                    if !is_word {
                        // The char after the word is no word char: reading goes on after it.
                        self.at = i + len;
                        return Some(start..i);
                    }
                    i += len;
                }
            }
        }
    }
}

/// Whether the char at byte `i` of `text` (a char boundary) is a word char other than `_`, and
/// its length in bytes. ASCII and the basic Arabic letters are read off their bytes (this runs on
/// every char of every text); any other char goes through [`tarikh_text::is_word_char`].
#[inline]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // The basic letters U+0620..U+064A, D8 A0 to D9 8A, compared as two bytes at once.
    if tarikh_text::is_basic_letter_at(bytes, i) {
        return (true, 2);
    }
    match bytes[i] {
        b @ 0..=0x7F => (b.is_ascii_alphanumeric(), 1),
        _ => {
            let c = text[i..].chars().next().expect("a char boundary inside the text");
            (tarikh_text::is_word_char(c) && c != '_', c.len_utf8())
        }
    }
}

/// The forms a text word may take a name in: as written, without a conjunction و/ف, and without
/// a preposition ب/ل/ك after it («وبالرياض» → «بالرياض» → «الرياض»). At least two letters remain.
/// In that order (at most four forms, returned without allocating: this runs on every word).
fn bare_forms(word: &str) -> impl Iterator<Item = &str> {
    let conj = strip_clitic(word, &["و", "ف"]);
    [Some(word), strip_clitic(word, &["ب", "ل", "ك"]), conj, conj.and_then(|w| strip_clitic(w, &["ب", "ل", "ك"]))].into_iter().flatten()
}

/// `word` without the first of `clitics` it starts with, if at least two letters remain.
fn strip_clitic<'a>(word: &'a str, clitics: &[&str]) -> Option<&'a str> {
    clitics.iter().find_map(|c| word.strip_prefix(c)).filter(|w| w.chars().nth(1).is_some())
}

impl Gazetteer {
    /// The gazetteer built into the binary (`data/places/ar/places.toml`).
    pub fn embedded() -> Result<Gazetteer, PlacesError> {
        Gazetteer::from_toml(EMBEDDED, Path::new(EMBEDDED_NAME))
    }

    /// Load every `*.toml` file of a folder (in name order), e.g. a copy of `data/places/ar` that
    /// a user extended.
    pub fn load_dir(dir: &Path) -> Result<Gazetteer, PlacesError> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| PlacesError { path: dir.into(), line: None, message: format!("cannot list the folder: {e}; give the folder that holds places.toml") })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(PlacesError { path: dir.into(), line: None, message: "no .toml file in this folder; it should hold places.toml".into() });
        }
        let mut g = Gazetteer::default();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| PlacesError { path: f.clone(), line: None, message: format!("cannot read it: {e}") })?;
            g.add_file(&text, &f)?;
        }
        Ok(g)
    }

    /// Parse one gazetteer file; `path` names it in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Gazetteer, PlacesError> {
        let mut g = Gazetteer::default();
        g.add_file(text, path)?;
        Ok(g)
    }

    fn add_file(&mut self, text: &str, path: &Path) -> Result<(), PlacesError> {
        // new first words: the automaton over the old ones is made again when it is next used
        self.firsts = OnceLock::new();
        let raw: RawFile = toml::from_str(text).map_err(|e| PlacesError::at(path, text, e.span().map(|s| s.start), e.message().to_string()))?;
        for spanned in raw.place {
            let at = spanned.span().start;
            let err = |message: String| PlacesError::at(path, text, Some(at), message);
            let p = spanned.into_inner();
            let zone: chrono_tz::Tz = p.zone.parse().map_err(|_| err(format!("`{}` is not an IANA time zone; write it like \"Africa/Cairo\"", p.zone)))?;
            if p.names.is_empty() && p.cities.is_empty() {
                return Err(err(format!("`{}` has neither `names` nor `cities`: give at least one way the press writes it", p.country)));
            }
            if p.examples.is_empty() {
                return Err(err(format!("`{}` has no `examples`: add one, e.g. examples = [[\"{} - أعلنت الحكومة\", \"{}\"]]", p.country, p.cities.first().or(p.names.first()).cloned().unwrap_or_default(), p.zone)));
            }
            let idx = self.places.len();
            self.places.push(Place { country: p.country.clone(), zone });
            let line = text[..at.min(text.len())].matches('\n').count() + 1;
            for ex in &p.examples {
                let [phrase, want] = ex.as_slice() else {
                    return Err(err(format!("an example of `{}` must be [phrase, zone], but has {} items", p.country, ex.len())));
                };
                let want: chrono_tz::Tz = want.parse().map_err(|_| err(format!("the example «{phrase}» of `{}` expects `{want}`, which is not an IANA time zone", p.country)))?;
                self.examples.push(Example { country: p.country.clone(), phrase: phrase.clone(), zone: want, origin: format!("{} line {line}", path.display()) });
            }
            for (form, list) in [(Form::Country, &p.names), (Form::City, &p.cities), (Form::Adjective, &p.adjectives)] {
                for written in list {
                    let name = tarikh_text::normalise(written.trim());
                    let ws: Vec<String> = words(&name).into_iter().map(|r| name[r].to_string()).collect();
                    let Some((first, rest)) = ws.split_first() else {
                        return Err(err(format!("`{}` lists an empty name", p.country)));
                    };
                    let joined = ws.join(" ");
                    self.endings.insert(first);
                    let entries = self.index.entry(first.clone()).or_default();
                    if let Some(other) = entries.iter().find(|e| e.rest == rest) {
                        let other_place = &self.places[other.place];
                        if other_place.zone != zone {
                            return Err(err(format!(
                                "«{written}» is listed for `{}` ({}) and for `{}` ({}): one spelling must mean one clock; keep it in one entry, or write the unambiguous form (e.g. «سلطنة عمان»)",
                                other_place.country, other_place.zone, p.country, zone
                            )));
                        }
                        continue;
                    }
                    self.longest = self.longest.max(rest.len());
                    entries.push(Entry { rest: rest.to_vec(), place: idx, form, name: joined });
                    // longest names first, so that «الولايات المتحدة الأمريكية» wins over «الولايات المتحدة»
                    entries.sort_by(|a, b| b.rest.len().cmp(&a.rest.len()).then_with(|| a.name.cmp(&b.name)));
                }
            }
        }
        Ok(())
    }

    /// The places, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The example phrases of every entry (the tests read each as an article and check its zone).
    pub fn examples(&self) -> &[Example] {
        &self.examples
    }

    /// The place named by the words at the start of `words` (normalised text words, clitics
    /// allowed on the first: «وبالرياض»): how many words the name takes, the place, and its form.
    ///
    /// This is what the event stage calls on the words after a trigger («زلزال في إقليم الحوز»)
    /// to date an event on the clock of the place where it happens.
    pub fn match_words(&self, words: &[&str]) -> Option<(usize, &Place, Form)> {
        let (first, rest) = words.split_first()?;
        for bare in bare_forms(first) {
            let Some(entries) = self.index.get(bare) else { continue };
            if let Some(e) = entries.iter().find(|e| e.rest.len() <= rest.len() && e.rest.iter().zip(rest).all(|(a, b)| a == b)) {
                return Some((1 + e.rest.len(), &self.places[e.place], e.form));
            }
        }
        None
    }

    /// Every place named in a normalised text, in text order (a longer name wins over the shorter
    /// one inside it).
    ///
    /// The text is read once by an automaton of every first word of a name: a word is tried only
    /// where one ends at its end and starts at most two clitic letters (four bytes) after its
    /// start, i.e. where a bare form of it may be a first word (`bare_forms` strips only
    /// two-byte letters from its front). Every other word has no form in the index, so the places
    /// found are those of reading every word and trying each (what this did before: the word scan
    /// and the `Endings` test on every word cost ~23 instructions per byte of news, the automaton
    /// ~17; building it costs ~21 M instructions once, at the first text).
    pub fn find(&self, normalised: &str) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(self.longest + 1);
        // Words starting before `taken` belong to a name found already.
        let mut taken = 0;
        // The DFA's transitions walked here, not through `AhoCorasick` (which calls them through
        // a trait object, a call per byte) nor its overlapping iterator (which stores its state
        // at every byte and stops at every match): only the longest first word ending at a byte
        // matters, as it starts earliest.
        let dfa = self.firsts();
        let bytes = normalised.as_bytes();
        let mut state = dfa.start_state(aho_corasick::Anchored::No).expect("an unanchored automaton has an unanchored start");
        let mut at = 0;
        while let Some((end, matched)) = next_match(dfa, bytes, at, state) {
            (at, state) = (end, matched);
            // a first word must end its word (checked again by `word_around`, before the lengths)
            if end < bytes.len() && word_char_at(normalised, end).0 {
                continue;
            }
            let longest = (0..dfa.match_len(state)).map(|i| dfa.pattern_len(dfa.match_pattern(state, i))).max().unwrap_or(0);
            let Some(word) = word_around(normalised, end - longest, end) else { continue };
            if word.start < taken {
                continue;
            }
            ranges.clear();
            ranges.push(word.clone());
            ranges.extend(Words { text: normalised, at: word.end }.take(self.longest));
            if let Some(e) = self.entry_of_held(normalised, &ranges, 0) {
                let name_end = ranges[e.rest.len()].end;
                out.push(self.mention(e, word.start..name_end));
                taken = name_end;
            }
        }
        out
    }

    /// The automaton of every first word of a name (overlapping matches, no prefilter: Arabic
    /// letters share their lead bytes, so a prefilter on them would stop at every letter).
    fn firsts(&self) -> &aho_corasick::dfa::DFA {
        self.firsts.get_or_init(|| {
            let mut keys: Vec<&str> = self.index.keys().map(String::as_str).collect();
            keys.sort_unstable();
            aho_corasick::dfa::DFA::builder()
                .prefilter(false)
                .build(keys)
                .expect("the first words of the gazetteer's names make an automaton")
        })
    }

    /// The place named at the very start of a normalised text, if any: the first of
    /// [`Gazetteer::find`] when it starts at byte 0, found by reading only the first words of
    /// the first line (a name never spans a line break), not the whole text.
    pub fn find_at_start(&self, normalised: &str) -> Option<PlaceMention> {
        let line = normalised.find('\n').map_or(normalised, |end| &normalised[..end]);
        let ranges: Vec<Range<usize>> = Words::new(line).take(self.longest + 1).collect();
        if ranges.first()?.start != 0 {
            return None;
        }
        let e = self.entry_at(line, &ranges, 0)?;
        Some(self.mention(e, 0..ranges[e.rest.len()].end))
    }

    /// The entry whose name starts at word `i` of a text (`ranges` its words):
    /// the first bare form of the word that has one, the longest name that fits on the line.
    #[inline]
    fn entry_at(&self, text: &str, ranges: &[Range<usize>], i: usize) -> Option<&Entry> {
        if !self.endings.may_hold(&text[ranges[i].clone()]) {
            return None;
        }
        self.entry_of_held(text, ranges, i)
    }

    /// [`Gazetteer::entry_at`] once the word passed [`Endings::may_hold`].
    #[inline(never)]
    fn entry_of_held(&self, text: &str, ranges: &[Range<usize>], i: usize) -> Option<&Entry> {
        let rest = &ranges[i + 1..];
        bare_forms(&text[ranges[i].clone()]).find_map(|bare| {
            self.index.get(bare)?.iter().find(|e| e.rest.len() <= rest.len() && e.rest.iter().zip(rest).all(|(a, r)| *a == text[r.clone()]) && same_line(text, &ranges[i..=i + e.rest.len()]))
        })
    }

    fn mention(&self, e: &Entry, range: Range<usize>) -> PlaceMention {
        PlaceMention { place: e.place, form: e.form, range, name: e.name.clone() }
    }
}

/// Where the walk of `dfa` over `bytes` from `at` in `state` next enters a match state, and that
/// state; a loop of its own so that its few registers stay in registers (inside
/// [`Gazetteer::find`]'s loop they were spilled to the stack at every byte).
#[inline(never)]
fn next_match(dfa: &aho_corasick::dfa::DFA, bytes: &[u8], mut at: usize, mut state: aho_corasick::automaton::StateID) -> Option<(usize, aho_corasick::automaton::StateID)> {
    while let Some(&b) = bytes.get(at) {
        state = dfa.next_state(aho_corasick::Anchored::No, state, b);
        at += 1;
        if dfa.is_special(state) && dfa.is_match(state) {
            return Some((at, state));
        }
    }
    None
}

/// The word of `text` that ends at `end` and in which `start..end` starts at most four bytes after
/// its start, if there is one (`start` and `end` are char boundaries).
fn word_around(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    if end < text.len() && word_char_at(text, end).0 {
        return None;
    }
    let bytes = text.as_bytes();
    let mut at = start;
    while at > 0 {
        // the char before `at`: back over its continuation bytes
        let mut prev = at - 1;
        while bytes[prev] & 0xC0 == 0x80 {
            prev -= 1;
        }
        if !word_char_at(text, prev).0 {
            break;
        }
        at = prev;
        if start - at > 4 {
            return None;
        }
    }
    Some(at..end)
}

/// Whether the words of a multi-word name are on one line (a name never spans a line break).
fn same_line(text: &str, ranges: &[Range<usize>]) -> bool {
    match (ranges.first(), ranges.last()) {
        (Some(a), Some(b)) => !text[a.start..b.end].contains('\n'),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Gazetteer {
        Gazetteer::embedded().expect("the embedded gazetteer loads")
    }

    fn names(text: &str) -> Vec<(String, String)> {
        let g = g();
        let n = tarikh_text::normalise(text);
        g.find(&n).into_iter().map(|m| (n[m.range].to_string(), g.places()[m.place].country.clone())).collect()
    }

    #[test]
    fn words_read_off_bytes_are_the_runs_of_word_chars() {
        fn by_chars(text: &str) -> Vec<Range<usize>> {
            let mut out = Vec::new();
            let mut start: Option<usize> = None;
            for (i, c) in text.char_indices() {
                if tarikh_text::is_word_char(c) && c != '_' {
                    start.get_or_insert(i);
                } else if let Some(s) = start.take() {
                    out.push(s..i);
                }
            }
            if let Some(s) = start {
                out.push(s..text.len());
            }
            out
        }
        let texts = ["وصل الوفد وبالرياض، ثم للقاهرة.", "a_b 12 ٣٤ ۵ x", "ء ؟ ـ ً ٠ ٩ ٪ ڤ ﻻ é 日本 🙂", "", "الرياض", "؛"];
        for t in texts {
            assert_eq!(words(t), by_chars(t), "«{t}»");
        }
        let every: String = ('\u{0580}'..='\u{0700}').chain(['a', '_', ' ', '9']).collect();
        assert_eq!(words(&every), by_chars(&every));
    }

    /// [`Gazetteer::find`] as it was before the automaton: every word read, its fingerprint
    /// tested, and the index looked up for those that pass.
    fn find_word_by_word(g: &Gazetteer, normalised: &str) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        let mut words = Words::new(normalised);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        while let Some(word) = words.next() {
            if !g.endings.may_hold(&normalised[word.clone()]) {
                continue;
            }
            ranges.clear();
            ranges.push(word);
            ranges.extend(words.clone().take(g.longest));
            if let Some(e) = g.entry_of_held(normalised, &ranges, 0) {
                out.push(g.mention(e, ranges[0].start..ranges[e.rest.len()].end));
                for _ in 0..e.rest.len() {
                    words.next();
                }
            }
        }
        out
    }

    #[test]
    fn the_automaton_finds_what_reading_word_by_word_finds() {
        let g = g();
        // every name, bare and with clitics, glued to letters and marks, next to the next name
        let mut firsts: Vec<&String> = g.index.keys().collect();
        firsts.sort();
        let clitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ول", "بو", "اب", "وبل", "ال"];
        let mut text = String::new();
        for (i, first) in firsts.iter().enumerate() {
            for entry in &g.index[*first] {
                let name = std::iter::once(first.as_str()).chain(entry.rest.iter().map(String::as_str)).collect::<Vec<_>>().join(" ");
                let clitic = clitics[i % clitics.len()];
                let after = ["", "ه", "ين", "_", "é", "\n", "ـ"][i % 7];
                text.push_str(&format!("{clitic}{name}{after} ، {name} {first}{first} ال{name}\n"));
            }
        }
        for example in g.examples() {
            text.push_str(&example.phrase);
            text.push('\n');
        }
        text.push_str("وصل الوفد وبالرياض، ثم للقاهرة. في الإمارات العربية المتحدة سلطنة عمان الرياضيون 2024الرياض");
        let n = tarikh_text::normalise(&text);
        let want = find_word_by_word(&g, &n);
        assert!(want.len() > g.index.len(), "the text names every place");
        assert_eq!(g.find(&n), want);
        for line in n.split_inclusive('\n') {
            assert_eq!(g.find(line), find_word_by_word(&g, line), "«{line}»");
        }
    }

    #[test]
    fn names_with_clitics_are_found_whole() {
        assert_eq!(names("وصل الوفد وبالرياض ثم للقاهرة"), vec![("وبالرياض".into(), "Saudi Arabia".into()), ("لالقاهره".into(), "Egypt".into())]);
    }

    #[test]
    fn a_longer_name_wins_over_the_name_inside_it() {
        assert_eq!(names("في الإمارات العربية المتحدة"), vec![("الامارات العربيه المتحده".into(), "United Arab Emirates".into())]);
        assert_eq!(names("سلطنة عمان"), vec![("سلطنه عمان".into(), "Oman".into())]);
    }

    #[test]
    fn fragments_of_words_are_not_places() {
        // «رياض الأطفال» (kindergartens) is not Riyadh; «مليون» holds no city.
        assert!(names("افتتحت رياض الأطفال أبوابها لمليون طفل").is_empty());
    }

    #[test]
    fn a_name_does_not_span_a_line_break() {
        assert!(names("الولايات\nالمتحدة").is_empty());
    }

    #[test]
    fn the_place_at_the_start_is_the_first_found_when_it_starts_the_text() {
        let g = g();
        for text in ["الرياض - قال", "وبالرياض ثم القاهرة", "الولايات\nالمتحدة", "الولايات المتحدة الأمريكية\nأمس", "(القاهرة) -", "قال في القاهرة", "", "الإمارات العربية\nالمتحدة"] {
            let n = tarikh_text::normalise(text);
            let first = g.find(&n).into_iter().next().filter(|m| m.range.start == 0);
            assert_eq!(g.find_at_start(&n), first, "{text}");
        }
    }

    #[test]
    fn the_endings_table_never_rules_out_a_first_word() {
        let g = g();
        for key in g.index.keys() {
            for clitics in ["", "و", "ب", "فل", "وك"] {
                let word = format!("{clitics}{key}");
                assert!(g.endings.may_hold(&word), "«{word}»");
            }
        }
        let short = Gazetteer::from_toml("[[place]]\ncountry = \"A\"\nzone = \"UTC\"\nnames = [\"UK\"]\nexamples = [[\"UK\", \"UTC\"]]\n", Path::new("x.toml")).unwrap();
        assert!(short.endings.may_hold("وبUK") && short.find("وبUK").len() == 1);
        assert!(!short.endings.may_hold("الرياض"));
    }

    #[test]
    fn match_words_reads_the_start_of_a_word_list() {
        let g = g();
        let (n, place, form) = g.match_words(&["بالولايات", "المتحده", "الاميركيه", "امس"]).expect("a place");
        assert_eq!((n, place.country.as_str(), form), (3, "United States (East)", Form::Country));
        assert!(g.match_words(&["امس"]).is_none());
    }

    #[test]
    fn a_spelling_shared_by_two_clocks_is_refused_with_both_entries_named() {
        let text = "[[place]]\ncountry = \"A\"\nzone = \"Asia/Amman\"\ncities = [\"عمان\"]\nexamples = [[\"عمان\", \"Asia/Amman\"]]\n\n[[place]]\ncountry = \"B\"\nzone = \"Asia/Muscat\"\nnames = [\"عمان\"]\nexamples = [[\"عمان\", \"Asia/Muscat\"]]\n";
        let e = Gazetteer::from_toml(text, Path::new("x.toml")).unwrap_err();
        assert_eq!(e.line, Some(7), "{e}");
        assert!(e.message.contains("`A`") && e.message.contains("`B`"), "{e}");
    }

    #[test]
    fn a_bad_zone_or_a_missing_example_is_refused_with_its_line() {
        let e = Gazetteer::from_toml("[[place]]\ncountry = \"A\"\nzone = \"Mars/Olympus\"\nnames = [\"س\"]\nexamples = [[\"س\", \"UTC\"]]\n", Path::new("x.toml")).unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("IANA"), "{e}");
        let e = Gazetteer::from_toml("\n[[place]]\ncountry = \"A\"\nzone = \"UTC\"\nnames = [\"س\"]\n", Path::new("x.toml")).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("examples"), "{e}");
        let e = Gazetteer::from_toml("[[place]]\ncountry = \"A\"\nzone = \"UTC\"\nnames = [\"س\"]\nexamples = [[\"س\", \"UTC\"]]\nflag = 1\n", Path::new("x.toml")).unwrap_err();
        assert!(e.message.contains("flag"), "{e}");
    }
}
