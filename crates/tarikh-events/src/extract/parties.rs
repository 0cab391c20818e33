//! Parties: the countries a mention names as its event's other party (the side a win is over,
//! the target of an attack), which tell two otherwise alike events apart when the timeline
//! merges mentions across documents.

use crate::EventMention;

/// The gazetteer built into the binary, loaded once (`None` if it failed to load: no party is
/// then named, and the timeline refuses no merge for parties).
fn gazetteer() -> Option<&'static tarikh_places::Gazetteer> {
    static GAZETTEER: std::sync::OnceLock<Option<tarikh_places::Gazetteer>> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(|| tarikh_places::Gazetteer::embedded().ok()).as_ref()
}

/// How many words after a trigger its opponent or target may be named in («انتصارا تاريخيا على
/// نظيره الإسباني»، «المباراة المقبلة أمام نظيره البرتغالي»).
const PARTY_WORDS: usize = 5;

/// The words that put an event's other party after it: the side a win is over («فاز على»,
/// «تغلب على»), a match or a stand against («أمام», also written «امام»; «ضد»), the target of an
/// attack («هجوم على»). («علي» is left out: it is also the name Ali.)
const PARTY_MARKS: [&str; 4] = ["على", "أمام", "امام", "ضد"];

/// The marks that end the clause a party must be named in.
const CLAUSE_ENDS: [char; 10] = ['.', '،', '؛', ':', '?', '؟', '!', '\n', ',', ';'];

/// Fill in each mention's [`EventMention::parties`]: the countries (gazetteer entries) `original`
/// names as the other party of its event, after one of [`PARTY_MARKS`] within [`PARTY_WORDS`]
/// words of the trigger, before the clause ends and before the next trigger («فوزه على منتخب
/// إسبانيا» → Spain). Only the party so marked: a place merely named near the trigger may be
/// where part of the event is told («الزلزال في سوريا» and «زلزال تركيا» are one quake) or a name
/// holding a place («ربع نهائي كأس العالم قطر»).
pub(super) fn name_parties(original: &str, mentions: &mut [EventMention]) {
    let text = OriginalText::of(original);
    let mut starts: Vec<usize> = mentions.iter().map(|m| m.start).collect();
    starts.sort_unstable();
    for m in mentions.iter_mut() {
        let next = starts.get(starts.partition_point(|&s| s < m.end)).copied();
        m.parties = text.parties_after(m.end, next);
    }
}

/// A document's original text with the byte offset of each of its chars (mentions are placed in
/// chars).
struct OriginalText<'a> {
    text: &'a str,
    /// byte offset of each char of `text` (and of its end)
    offsets: Vec<usize>,
}

impl<'a> OriginalText<'a> {
    fn of(text: &'a str) -> OriginalText<'a> {
        let mut offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        offsets.push(text.len());
        OriginalText { text, offsets }
    }

    /// The countries named as the other party of the trigger ending at char `end`, before char
    /// `next` (the next trigger's start, if any), sorted; empty when the gazetteer is missing.
    fn parties_after(&self, end: usize, next: Option<usize>) -> Vec<String> {
        let n = self.offsets.len() - 1;
        let (from, stop) = (end.min(n), next.unwrap_or(n).min(n));
        if from >= stop {
            return Vec::new();
        }
        let window = &self.text[self.offsets[from]..self.offsets[stop]];
        let window = window.split(CLAUSE_ENDS).next().unwrap_or("");
        let words: Vec<&str> = window.split_whitespace().take(PARTY_WORDS).collect();
        let Some(mark) = words.iter().position(|w| PARTY_MARKS.contains(w)) else { return Vec::new() };
        // (the gazetteer is loaded only once a party is marked: most inputs never need it)
        let Some(g) = gazetteer() else { return Vec::new() };
        let party = words[mark + 1..].join(" ");
        let mut out: Vec<String> = g.find(&tarikh_text::normalise(&party)).into_iter().map(|p| g.places()[p.place].country.clone()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::OriginalText;

    /// The countries named as the other party of the first trigger of `text` (the trigger is
    /// its first word; the next one, if any, starts at `next`).
    fn parties(text: &str, next: Option<usize>) -> Vec<String> {
        let end = text.chars().position(char::is_whitespace).unwrap_or(0);
        OriginalText::of(text).parties_after(end, next)
    }

    #[test]
    fn the_other_party_is_the_place_after_its_mark() {
        assert_eq!(parties("انتصارا تاريخيا على نظيره الإسباني في الدوحة", None), ["Spain"]);
        assert_eq!(parties("فاز على المنتخب السويسري بنتيجة عريضة", None), ["Switzerland"]);
        assert_eq!(parties("المباراة المقبلة أمام نظيره البرتغالي بعد غد", None), ["Portugal"]);
    }

    #[test]
    fn a_place_named_without_a_mark_or_beyond_the_clause_is_no_party() {
        // where part of the event is told, not who took part
        assert!(parties("الزلزال في سوريا ارتفع عدد قتلاه", None).is_empty());
        // a name holding a place
        assert!(parties("ربع نهائي كأس العالم قطر 2022", None).is_empty());
        // the clause ends first
        assert!(parties("فاز بالمباراة، وعلى المنتخب السويسري أن ينتظر", None).is_empty());
        // the next trigger comes first (at char 4, «فاز» then «هجوم على …»)
        assert!(parties("فاز هجوم على إسبانيا", Some(4)).is_empty());
    }
}
