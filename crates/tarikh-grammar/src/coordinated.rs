//! Months joined by و: «في يناير وفبراير»، «شهري يونيو وسبتمبر»; weekdays joined by و in a
//! weekly schedule: «كل يوم أحد وأربعاء»، «يومي السبت والأحد من كل أسبوع». The gold annotates coordinated
//! times as one expression each («السبت و+الأحد» are two timexes), and a rule's match is one
//! expression, so two readings are made here, after the matches are settled:
//! - a month read alone (a DATE naming a month, no day) followed by «و» and another month name: the
//!   second month becomes an expression of its own (the first had a signal, «في يناير»; the bare
//!   second month had none and was lost). A list runs forward in time: each month is of the year of
//!   the one before it, or of the next when earlier in the calendar («ديسمبر 2022 ويناير»), by the
//!   year written, or by referring back to the month before it when none is; when the last month
//!   was read with a year (or «من العام الماضي») and the first has none, every month takes it,
//!   counted back («في ديسمبر ويناير 2024»: December 2023). A month that is also a common word
//!   (مارس، أب) is one only before a list boundary («ومارس الضغط» is a verb);
//! - a stretch of months read from the dual «شهري X وY» (a range from X to Y) is kept only when Y
//!   follows X: «شهري يوليو وأغسطس» is a two-month stretch, «شهري يونيو وسبتمبر» (exam sessions)
//!   two months apart, so two expressions; a yearly SET «شهري يناير ويوليو من كل عام» gives both
//!   months as SETs.

use crate::{Anaphora, Calendar, Grammar, Mention, MentionType, PartOfDay, Semantics, Unit};

/// The month names' lexicon: its words are looked up after «و».
const MONTH_LEXICON: &str = "month";

/// The Hijri month names' lexicon.
const HIJRI_MONTH_LEXICON: &str = "month_hijri";

/// The decade words without the article (سبعينيات): the first of two decades in construct.
const DECADE_BARE_LEXICON: &str = "decade_bare";

/// The lexicon of hours written as feminine ordinals (الثامنة، الحادية عشرة).
const ORDINAL_HOUR_LEXICON: &str = "ordinal_hour";

/// The words that join the two ends of a range of hours (normalised: إلى is written الي, حتى حتي,
/// لغاية لغايه), longest first; a bare «و» is tried after them.
const CLOCK_RANGE_JOINTS: [&str; 9] = ["و الي غايه ", "والي غايه ", "الي غايه ", "و الي ", "والي ", "و حتي ", "وحتي ", "الي ", "حتي "];

/// The weekday lexicons: with the article (الأحد) and without it, as after كل يوم (أحد).
const WEEKDAY_LEXICONS: [&str; 2] = ["weekday", "weekday_bare"];

/// Month names that are also common words (normalised spelling): مارس (he practised), آب/أب (a
/// father, both fold to اب), ماي (water, Maghreb), نيسان، شباط، جوان، أيار، تموز (names, words of
/// other dialects). After و one of them is a month only before a list boundary
/// ([`Grammar::list_boundary_at`]).
const MONTH_HOMOGRAPHS: [&str; 8] = ["مارس", "اب", "ماي", "نيسان", "شباط", "جوان", "ايار", "تموز"];

/// Year nouns after a month («مارس عام 2020»، «مارس من العام الماضي» goes by من).
const YEAR_NOUNS: [&str; 6] = ["عام", "سنه", "العام", "السنه", "لعام", "لسنه"];

/// Prepositions that may follow the last month of a list («في يناير ومارس من العام الماضي»،
/// «في يونيو ومارس على التوالي»).
const LIST_PREPOSITIONS: [&str; 13] = ["من", "الى", "حتى", "على", "عن", "مع", "بين", "قبل", "بعد", "خلال", "في", "منذ", "عند"];

/// Does the text at `at` (after a month) give that month a year of its own in words («من العام
/// التالي»، «من السنة الماضية»)? Then the month is not part of the list before it: its year is not
/// the list's.
fn own_year_follows(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches(' ');
    ["من العام", "من السنه", "من عام", "من سنه"].iter().any(|p| rest.starts_with(p))
}

/// Does a list go into the next year from `prev` to `month`? Only from the second half of the year
/// into the first (ديسمبر ويناير، نوفمبر وفبراير): months out of order within a half («مارس
/// وفبراير 2022») are a list of one year, not March of one year and February of the next.
fn turns_year(prev: u32, month: u32) -> bool {
    month < prev && prev > 6 && month <= 6
}

/// The reading of a month named after `prev` in a list («في يناير وفبراير»، «ديسمبر ويناير»): a list
/// runs forward in time, so the month is of the year of the month before it, or of the next year
/// when it comes earlier in the calendar. A year written or counted from the reference (مارس من
/// العام الماضي) is carried over; otherwise the month refers back to the month before it (the last
/// date the text gave), as «العام نفسه» does, instead of being read on its own against the
/// publication date (which gave one list two years: «يونيو وديسمبر» read in June as June of this
/// year and December of the last). A direction adjective is the first month's: the others follow.
fn follower(prev: &Semantics, month: u32) -> Semantics {
    let turn = i32::from(turns_year(prev.month.unwrap_or(0), month));
    let mut then = prev.clone();
    then.month = Some(month);
    then.direction = None;
    match (prev.year, prev.shift, prev.anaphora) {
        (Some(y), _, _) => then.year = Some(y + turn),
        (None, Some((Unit::Year, n)), None) => then.shift = Some((Unit::Year, n + turn)),
        _ => {
            then.anaphora = Some(Anaphora::Unit(Unit::Year));
            then.shift = Some((Unit::Year, turn));
        }
    }
    then
}

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
        let word = self.month_word_len(rest_trim).map_or(rest_trim, |l| &rest_trim[..l]);
        if MONTH_HOMOGRAPHS.contains(&word) && !self.list_boundary_at(text, start + len) {
            // «ومارس الضغط»، «وأب في يوليو»: a verb or a noun, not a month.
            return None;
        }
        Some((start..start + len, month))
    }

    /// The month after the joint of a stretch at `at` («إلى سبتمبر»، «حتى شهر مارس»، «-مارس»، «و
    /// مارس», «وحتى مارس»), as a yearly SET of a stretch reads it («من يونيو إلى سبتمبر من كل سنة»):
    /// its byte range and number. A month that is also a common word counts only before a list
    /// boundary, as after و.
    fn month_after_joint(&self, text: &str, at: usize) -> Option<(std::ops::Range<usize>, u32)> {
        let rest = text[at..].trim_start_matches(' ');
        let rest = ["و الي غايه ", "والي غايه ", "الي غايه ", "و الي ", "والي ", "و حتي ", "وحتي ", "لغايه ", "الي ", "حتي ", "-"]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
            .or_else(|| rest.strip_prefix('و'))?;
        let rest = rest.trim_start_matches(' ');
        // «شهر» heads its member («حتى شهر فبراير»): kept in its span.
        let start = text.len() - rest.len();
        let rest = rest.strip_prefix("شهر ").unwrap_or(rest);
        let (len, month) = self.month_at(rest)?;
        let word = self.month_word_len(rest).map_or(rest, |l| &rest[..l]);
        let end = text.len() - rest.len() + len;
        if MONTH_HOMOGRAPHS.contains(&word) && !self.list_boundary_at(text, end) {
            return None;
        }
        Some((start..end, month))
    }

    /// Does a list of months end or go on at `at` (after a month named after و)? The text ends, or
    /// punctuation, a number (its year), a direction adjective, «و» and another month, a year noun
    /// (عام، سنة) or a preposition that does not open a date of its own («وأب في يوليو»: a second
    /// clause, «أب» a father) follows. A verb or a noun is followed by its object or complement
    /// («ومارس الضغط»، «ومارس مهامه»): not a boundary.
    fn list_boundary_at(&self, text: &str, at: usize) -> bool {
        let rest = text[at..].trim_start_matches(' ');
        let Some(c) = rest.chars().next() else { return true };
        if !tarikh_text::is_word_char(c) || c.is_ascii_digit() {
            return true;
        }
        let word = &rest[..rest.find(|c: char| !tarikh_text::is_word_char(c)).unwrap_or(rest.len())];
        let has = |name: &str| self.lexicon_index.get(name).is_some_and(|&li| self.lexicons[li].words.contains_key(word));
        if ["past_word", "future_word", "past_word_dual", "future_word_dual"].into_iter().any(has) || YEAR_NOUNS.contains(&word) {
            return true;
        }
        if self.month_after_and(text, at).is_some() {
            return true;
        }
        if LIST_PREPOSITIONS.contains(&word) {
            let next = rest[word.len()..].trim_start_matches(' ');
            return !(next.starts_with(|c: char| c.is_ascii_digit()) || self.month_at(next).is_some());
        }
        false
    }

    /// The weekday named by the word `rest` starts with (lexicon `weekday`, or `weekday_bare` as
    /// after كل يوم: «أحد»), ending at a word's edge: its length and ISO number.
    fn weekday_at(&self, rest: &str) -> Option<(usize, u32)> {
        let len = rest.find(|c: char| !tarikh_text::is_word_char(c)).unwrap_or(rest.len());
        let word = &rest[..len];
        WEEKDAY_LEXICONS.iter().find_map(|name| {
            let lexicon = &self.lexicons[*self.lexicon_index.get(*name)?];
            lexicon.words.get(word)?.parse().ok().map(|d| (len, d))
        })
    }

    /// The weekday after «و» or «أو» at `at` («والأحد»، «و الأحد»، «أو الأحد»، «وأربعاء»): its byte
    /// range and ISO number.
    fn weekday_after_and(&self, text: &str, at: usize) -> Option<(std::ops::Range<usize>, u32)> {
        let rest = text[at..].strip_prefix(' ')?;
        let rest = rest.strip_prefix("او ").or_else(|| rest.strip_prefix('و'))?;
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let start = text.len() - rest.len();
        let (len, day) = self.weekday_at(rest)?;
        // Without the article, «وأحد» is as often «and one of» (وأحد المسؤولين): a weekday only
        // before a list boundary.
        if !rest.starts_with("ال") && !self.weekday_list_boundary_at(text, start + len) {
            return None;
        }
        Some((start..start + len, day))
    }

    /// Does a list of weekdays end or go on at `at`? The text ends, or punctuation, another
    /// weekday after و, or a preposition follows («كل يوم أحد وأربعاء من كل أسبوع»).
    fn weekday_list_boundary_at(&self, text: &str, at: usize) -> bool {
        let rest = text[at..].trim_start_matches(' ');
        let Some(c) = rest.chars().next() else { return true };
        if !tarikh_text::is_word_char(c) {
            return true;
        }
        let word = &rest[..rest.find(|c: char| !tarikh_text::is_word_char(c)).unwrap_or(rest.len())];
        LIST_PREPOSITIONS.contains(&word) || self.weekday_after_and(text, at).is_some()
    }

    /// The weekday right before «و» that ends at `end` («السبت والأحد»: the «السبت» before
    /// «والأحد» that starts at `end`'s word): its byte range and ISO number.
    fn weekday_before_and(&self, text: &str, end: usize) -> Option<(std::ops::Range<usize>, u32)> {
        let head = text[..end].strip_suffix(' ').unwrap_or(&text[..end]);
        let head = head.strip_suffix('و').or_else(|| head.strip_suffix(" او"))?;
        let head = head.strip_suffix(' ')?;
        let start = head.rfind(|c: char| !tarikh_text::is_word_char(c)).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let (len, day) = self.weekday_at(&head[start..])?;
        (start + len == head.len()).then_some((start..head.len(), day))
    }

    /// Weekdays joined by و in a schedule: a weekly SET (كل يوم أحد، أيام الجمعة، الأحد من كل
    /// أسبوع) gives every weekday joined to it by و its own weekly SET, after it («كل يوم أحد
    /// وأربعاء»، «أيام الجمعة والسبت») or before it when the SET's words come last («يومي السبت
    /// والأحد من كل أسبوع»). The gold annotates coordinated times one expression each; read
    /// alone, the other weekday was a dated day (the nearest Saturday), which a schedule is not.
    /// A weekday read by a longer expression of its own («والأحد 5 مايو») is left to it.
    fn split_coordinated_weekdays(&self, text: &str, chosen: &mut Vec<Mention>) {
        let weekly = |m: &Mention| m.kind == MentionType::Set && m.semantics.weekday.is_some() && m.semantics.month.is_none() && m.semantics.day.is_none();
        let mut added: Vec<Mention> = Vec::new();
        let mut replaced: Vec<usize> = Vec::new();
        // A weekday named at `range` may become a SET when no expression covers it, or only a
        // bare weekday read as a day (which it replaces).
        let free = |range: &std::ops::Range<usize>, replaced: &mut Vec<usize>, added: &[Mention]| -> bool {
            if added.iter().any(|a| a.range.start < range.end && range.start < a.range.end) {
                return false;
            }
            let mut over = Vec::new();
            for (j, o) in chosen.iter().enumerate() {
                if o.range.start < range.end && range.start < o.range.end {
                    let bare_day = o.kind == MentionType::Date && o.range.start >= range.start.saturating_sub("يوم ".len()) && o.range.end == range.end && o.semantics.weekday.is_some() && o.semantics.day.is_none() && o.semantics.hour.is_none() && o.semantics.part_of_day.is_none();
                    if !bare_day {
                        return false;
                    }
                    over.push(j);
                }
            }
            replaced.extend(over);
            true
        };
        for m in chosen.iter().filter(|m| weekly(m)) {
            let mut days = vec![m.semantics.weekday.unwrap_or(0)];
            // Each weekday joined by و takes the schedule's reading: false when the list stops here.
            let take = |range: std::ops::Range<usize>, day, days: &mut Vec<_>, replaced: &mut Vec<usize>, added: &mut Vec<Mention>| -> bool {
                if days.contains(&day) || !free(&range, replaced, added) {
                    return false;
                }
                days.push(day);
                let mut semantics = m.semantics.clone();
                semantics.weekday = Some(day);
                added.push(Mention { range: range.clone(), matched: range, kind: m.kind, semantics, rule: format!("{}+and", m.rule) });
                true
            };
            let mut end = m.range.end;
            while let Some((range, day)) = self.weekday_after_and(text, end) {
                end = range.end;
                if !take(range, day, &mut days, &mut replaced, &mut added) {
                    break;
                }
            }
            let mut start = m.range.start;
            while let Some((range, day)) = self.weekday_before_and(text, start) {
                start = range.start;
                if !take(range, day, &mut days, &mut replaced, &mut added) {
                    break;
                }
            }
        }
        replace_chosen(chosen, &replaced, added);
    }

    /// The decade word without the article (lexicon `decade_bare`: سبعينيات، ثمانينات) that ends
    /// at `end`, the word before «و» there: its byte range and the first year of its decade.
    fn bare_decade_before_and(&self, text: &str, end: usize) -> Option<(std::ops::Range<usize>, i32)> {
        let lexicon = &self.lexicons[*self.lexicon_index.get(DECADE_BARE_LEXICON)?];
        let head = text[..end].strip_suffix(' ').unwrap_or(&text[..end]);
        let head = head.strip_suffix('و')?;
        let head = head.strip_suffix(' ')?;
        let start = head.rfind(|c: char| !tarikh_text::is_word_char(c)).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let year: i32 = lexicon.words.get(&head[start..])?.parse().ok()?;
        Some((start..head.len(), year))
    }

    /// Two decades written in construct with one century after the second («في سبعينيات
    /// وثمانينيات القرن الماضي»، «خمسينات وستينات القرن العشرين»): the first, a bare decade word
    /// before «و», is of the second's century. The rule reads only the second (the first has no
    /// century of its own and no article), so the first was lost; it becomes an expression of its
    /// own, the second's decade moved by the difference of the two words.
    fn split_coordinated_decades(&self, text: &str, chosen: &mut Vec<Mention>) {
        let Some(&li) = self.lexicon_index.get(DECADE_BARE_LEXICON) else { return };
        let lexicon = &self.lexicons[li];
        let mut added = Vec::new();
        for m in chosen.iter() {
            if m.kind != MentionType::Date || m.semantics.unit != Some(Unit::Decade) || m.semantics.modifier.is_some() {
                continue;
            }
            let Some(year) = m.semantics.year else { continue };
            // The second's own decade word, the first of its span («ثمانينيات القرن الماضي»).
            let own = &text[m.range.clone()];
            let word = &own[..own.find(|c: char| !tarikh_text::is_word_char(c)).unwrap_or(own.len())];
            let Some(second) = lexicon.words.get(word).and_then(|v| v.parse::<i32>().ok()) else { continue };
            let Some((range, first)) = self.bare_decade_before_and(text, m.range.start) else { continue };
            if first >= second || chosen.iter().any(|o| o.range.start < range.end && range.start < o.range.end) {
                continue;
            }
            let mut semantics = m.semantics.clone();
            semantics.year = Some(year - (second - first));
            added.push(Mention { range: range.clone(), matched: range, kind: m.kind, semantics, rule: format!("{}+and", m.rule) });
        }
        replace_chosen(chosen, &[], added);
    }

    /// How the weekday at `second` follows the text at `at`: `Some(false)` after «و» («والأحد»),
    /// `Some(true)` after the joint of a stretch («إلى الأحد»، «حتى الأحد»، «-الأحد»), `None` if it
    /// does not.
    fn joined_weekday_at(&self, text: &str, at: usize, second: &std::ops::Range<usize>) -> Option<bool> {
        let rest = text[at..].trim_start_matches(' ');
        let (rest, stretch) = match ["و الي غايه ", "والي غايه ", "الي غايه ", "و الي ", "والي ", "و حتي ", "وحتي ", "لغايه ", "الي ", "حتي ", "-"]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
        {
            Some(rest) => (rest, true),
            None => (rest.strip_prefix('و')?, false),
        };
        let rest = rest.trim_start_matches(' ');
        let start = text.len() - rest.len();
        self.weekday_at(rest).is_some_and(|(len, _)| start == second.start && start + len == second.end).then_some(stretch)
    }

    /// Two weekdays read as days and joined by و or as a stretch, with the dual adjective of
    /// direction after the second («يومي السبت والأحد المقبلين»، «الخميس والجمعة الماضيين»، «من
    /// الخميس إلى الأحد المقبلين»): the adjective qualifies both, as «شهري يوليو وأغسطس المقبلين»
    /// does two months, so both days take its direction and the second's span takes the adjective
    /// in. Read alone, each weekday went by the tense («تغلق المحلات يومي السبت والأحد المقبلين»:
    /// the last weekend, a week early). A stretch's end follows its start (tarikh-anchor reads a
    /// range's members in order), so only a coming stretch's start takes the direction: directed
    /// each from the reference, the end could fall before the start («من الاثنين حتى الخميس
    /// المقبلين» told on a Wednesday: the next Thursday is the day after). A past stretch is left
    /// to the tense («من الخميس إلى السبت الماضيين» told on a Saturday: the days just gone; the
    /// last Saturday strictly before it would end the stretch before its Thursday).
    fn direct_coordinated_weekdays(&self, text: &str, chosen: &mut [Mention]) {
        let bare_day = |m: &Mention| {
            m.kind == MentionType::Date
                && m.semantics.weekday.is_some()
                && m.semantics.day.is_none()
                && m.semantics.month.is_none()
                && m.semantics.hour.is_none()
                && m.semantics.part_of_day.is_none()
                && m.semantics.direction.is_none()
                && m.semantics.shift.is_none()
        };
        for i in 0..chosen.len().saturating_sub(1) {
            let (first, second) = (&chosen[i], &chosen[i + 1]);
            if !bare_day(first) || !bare_day(second) {
                continue;
            }
            let Some(stretch) = self.joined_weekday_at(text, first.range.end, &second.range) else { continue };
            let Some((len, direction)) = self.dual_direction_at(text, second.range.end) else { continue };
            let end = second.range.end + len;
            let coming = direction == crate::Direction::Future;
            if stretch && !coming {
                continue;
            }
            chosen[i].semantics.direction = Some(direction);
            let second = &mut chosen[i + 1];
            if !stretch {
                second.semantics.direction = Some(direction);
            }
            second.range.end = end;
            second.matched.end = second.matched.end.max(end);
            second.rule = format!("{}+dual-direction", second.rule);
        }
    }

    /// The Hijri month (lexicon `month_hijri`) after «و» at `at` («وشوال»، «وذي الحجة»): its byte
    /// range and number. Month names that are also words (صفر zero, رجب، شعبان، رمضان names)
    /// count only before a list boundary, as the homographs of Gregorian months do.
    fn hijri_month_after_and(&self, text: &str, at: usize) -> Option<(std::ops::Range<usize>, u32)> {
        let lexicon = &self.lexicons[*self.lexicon_index.get(HIJRI_MONTH_LEXICON)?];
        let rest = text[at..].strip_prefix(' ')?.strip_prefix('و')?;
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let start = text.len() - rest.len();
        let word_end = |from: usize| rest[from..].find(|c: char| !tarikh_text::is_word_char(c)).map_or(rest.len(), |i| from + i);
        let first = word_end(0);
        let second = rest[first..].strip_prefix(' ').map(|_| word_end(first + 1));
        let (len, value) = [second, Some(first)].into_iter().flatten().find_map(|end| lexicon.words.get(&rest[..end]).map(|v| (end, v)))?;
        let month: u32 = value.parse().ok()?;
        self.list_boundary_at(text, start + len).then_some((start..start + len, month))
    }

    /// Hijri months joined by و («في رمضان وشوال»، «خلال ذي القعدة وذي الحجة»): the month after
    /// و, unread (it had no signal), becomes an expression of its own, of the first's year or of
    /// the next when it comes earlier in the year (ذي الحجة ومحرم).
    fn split_coordinated_hijri_months(&self, text: &str, chosen: &mut Vec<Mention>) {
        let mut added: Vec<Mention> = Vec::new();
        for m in chosen.iter() {
            let s = &m.semantics;
            let month_only = s.calendar == Calendar::Hijri && s.month.is_some() && s.day.is_none() && s.range_end.is_none() && s.hijri_pair.is_none() && s.event.is_none() && s.edge_days.is_none() && !s.last_day && s.part_of_day.is_none();
            if m.kind != MentionType::Date || !month_only {
                continue;
            }
            let mut prev = s.clone();
            let mut end = m.range.end;
            let mut months = vec![s.month.unwrap_or(0)];
            while let Some((range, month)) = self.hijri_month_after_and(text, end) {
                let taken = chosen.iter().chain(&added).any(|o| o.range.start < range.end && range.start < o.range.end);
                if months.contains(&month) || taken {
                    break;
                }
                let mut then = prev.clone();
                then.month = Some(month);
                let turn = i32::from(prev.month.is_some_and(|before| month < before));
                if let Some(y) = prev.year {
                    then.year = Some(y + turn);
                } else if prev.direction.is_some() && prev.shift.is_none() && prev.anaphora.is_none() {
                    // «رمضان الماضي وشوال»: the adjective is the first month's; the second follows
                    // it (Shawwal after that Ramadan), not the last Shawwal before the reference,
                    // which read in Shawwal is the year before.
                    then.direction = None;
                    then.anaphora = Some(Anaphora::Unit(Unit::Year));
                    then.shift = Some((Unit::Year, turn));
                }
                months.push(month);
                end = range.end;
                added.push(Mention { range: range.clone(), matched: range, kind: m.kind, semantics: then.clone(), rule: format!("{}+and", m.rule) });
                prev = then;
            }
        }
        if !added.is_empty() {
            chosen.extend(added);
            chosen.sort_by_key(|m| (m.range.start, m.range.end));
        }
    }

    /// A list of three or more years joined by و («في 2023 و2024 و2025»): the first two were read
    /// as a stretch (year-range, «2023 و2024»), but a list names each year; they become one
    /// expression each, and so does every year after them that nothing read or that a second
    /// stretch took in pairs. «بين عامي 2016 و2017» and two years alone stay a stretch.
    fn split_year_lists(&self, text: &str, chosen: &mut Vec<Mention>) {
        let year_at = |rest: &str| -> Option<usize> {
            let len = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let next_ok = rest[len..].chars().next().is_none_or(|c| !tarikh_text::is_word_char(c));
            (len == 4 && next_ok && (rest.starts_with("19") || rest.starts_with("20"))).then_some(len)
        };
        let year_after_and = |at: usize| -> Option<std::ops::Range<usize>> {
            let rest = text[at..].strip_prefix(' ')?.strip_prefix('و')?;
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            let start = text.len() - rest.len();
            year_at(rest).map(|len| start..start + len)
        };
        let mut added: Vec<Mention> = Vec::new();
        let mut replaced: Vec<usize> = Vec::new();
        for (i, m) in chosen.iter().enumerate() {
            let s = &m.semantics;
            let Some((Some(end_year), None, None)) = s.range_end else { continue };
            if replaced.contains(&i) {
                continue;
            }
            let span = &text[m.range.clone()];
            let Some(first_len) = year_at(span) else { continue };
            let Some(second) = year_after_and(m.range.start + first_len).filter(|r| r.end == m.range.end) else { continue };
            let Some(third) = year_after_and(m.range.end) else { continue };
            let year_mention = |range: std::ops::Range<usize>, year: i32| {
                let mut semantics = s.clone();
                semantics.year = Some(year);
                semantics.range_end = None;
                Mention { range: range.clone(), matched: range, kind: m.kind, semantics, rule: format!("{}+list", m.rule) }
            };
            replaced.push(i);
            added.push(year_mention(m.range.start..m.range.start + first_len, s.year.unwrap_or(end_year)));
            added.push(year_mention(second, end_year));
            let mut next = Some(third);
            while let Some(range) = next {
                let Ok(year) = text[range.clone()].parse() else { break };
                // «1994 و2004 و2014 و2024»: the last two were read as a stretch of their own; in
                // the list they are two more years.
                let pair = chosen.iter().position(|o| {
                    o.range.start == range.start
                        && matches!(o.semantics.range_end, Some((Some(_), None, None)))
                        && year_after_and(range.end).is_some_and(|r| r.end == o.range.end)
                });
                if let Some(j) = pair.filter(|j| !replaced.contains(j)) {
                    let Some(second) = year_after_and(range.end) else { break };
                    let Ok(end) = text[second.clone()].parse() else { break };
                    replaced.push(j);
                    added.push(year_mention(range, year));
                    next = year_after_and(second.end);
                    added.push(year_mention(second, end));
                    continue;
                }
                if chosen.iter().chain(&added).any(|o| o.range.start < range.end && range.start < o.range.end) {
                    break;
                }
                next = year_after_and(range.end);
                added.push(year_mention(range, year));
            }
        }
        // Years between two years read alone, joined by و («للأعوام 2023 و2024 و2025», where
        // the words before the first took it as a year of its own and the last closed the phrase):
        // each year of the list is one, so the ones nothing read between them are added.
        let plain_year = |m: &Mention| {
            m.kind == MentionType::Date && m.semantics.range_end.is_none() && m.semantics.month.is_none() && m.semantics.day.is_none() && text.get(m.range.end.saturating_sub(4)..m.range.end).and_then(year_at).is_some()
        };
        let mut between: Vec<Mention> = Vec::new();
        for m in chosen.iter().chain(&added).filter(|m| plain_year(m)) {
            let mut missing = Vec::new();
            let mut next = year_after_and(m.range.end);
            while let Some(range) = next {
                if let Some(last) = chosen.iter().chain(&added).find(|o| o.range.start < range.end && range.start < o.range.end) {
                    if last.range.start == range.start && plain_year(last) {
                        between.append(&mut missing);
                    }
                    break;
                }
                let Ok(year) = text[range.clone()].parse() else { break };
                let mut semantics = m.semantics.clone();
                semantics.year = Some(year);
                missing.push(Mention { range: range.clone(), matched: range.clone(), kind: m.kind, semantics, rule: format!("{}+list", m.rule) });
                next = year_after_and(range.end);
            }
        }
        added.extend(between);
        replace_chosen(chosen, &replaced, added);
    }

    /// Split or complete months joined by و (see the module's doc), weekdays joined by و in a
    /// weekly SET ([`Grammar::split_coordinated_weekdays`]) or with a dual adjective of direction
    /// ([`Grammar::direct_coordinated_weekdays`]), Hijri months joined by و and lists
    /// of years; then split every range still read as one expression into its two members
    /// (range_members.rs).
    pub(crate) fn split_coordinated_months(&self, text: &str, chosen: &mut Vec<Mention>) {
        join_compound_durations(text, chosen);
        join_compound_shifts(text, chosen);
        carry_year_along_dated_list(text, chosen);
        self.split_coordinated_weekdays(text, chosen);
        self.direct_coordinated_weekdays(text, chosen);
        self.split_coordinated_decades(text, chosen);
        self.split_year_lists(text, chosen);
        if self.lexicon_index.contains_key(HIJRI_MONTH_LEXICON) {
            self.split_coordinated_hijri_months(text, chosen);
        }
        if self.lexicon_index.contains_key(MONTH_LEXICON) {
            self.split_month_lists(text, chosen);
        }
        self.split_bare_clock_range_ends(text, chosen);
        self.split_range_members(text, chosen);
    }

    /// The second end of a range of hours written bare after a first end with «الساعة» («من الساعة
    /// الثامنة حتى العاشرة»، «بين الساعة 8 و10»): the hour after the joint, which no rule reads
    /// alone (a bare «العاشرة» is an ordinal, a bare «10» a number), becomes an expression of its
    /// own, of the first end's day. It runs forward from the first: an hour not after the first's
    /// is in the afternoon when the first is in the morning or has no part of day («من الساعة
    /// العاشرة حتى الثانية»: 14:00), and otherwise takes the first's part of day. Only after «من»
    /// or «بين» and a first end that names its hour with «الساعة», the way schedules, opening hours
    /// and curfews write it; a second end with a part of day of its own is read by the rules.
    fn split_bare_clock_range_ends(&self, text: &str, chosen: &mut Vec<Mention>) {
        let Some(&li) = self.lexicon_index.get(ORDINAL_HOUR_LEXICON) else { return };
        let lexicon = &self.lexicons[li];
        let word_end = |s: &str, from: usize| s[from..].find(|c: char| !tarikh_text::is_word_char(c)).map_or(s.len(), |i| from + i);
        let mut added: Vec<Mention> = Vec::new();
        for m in chosen.iter() {
            let s = &m.semantics;
            let Some(first_hour) = s.hour else { continue };
            if m.kind != MentionType::Time || s.range_end.is_some() || !text[m.range.clone()].starts_with("الساعه ") {
                continue;
            }
            let before = text[..m.matched.start].trim_end_matches(' ');
            let opener = ["من", "بين"].iter().any(|o| before.strip_suffix(o).is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !tarikh_text::is_word_char(c))));
            if !opener {
                continue;
            }
            let after = text[m.range.end..].trim_start_matches(' ');
            let Some(rest) = CLOCK_RANGE_JOINTS.iter().find_map(|j| after.strip_prefix(j)).or_else(|| after.strip_prefix('-')).or_else(|| after.strip_prefix('و')) else { continue };
            let rest = rest.trim_start_matches(' ');
            let rest = rest.strip_prefix("الساعه ").unwrap_or(rest);
            let start = text.len() - rest.len();
            let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let (len, hour) = if digits > 0 {
                match rest[..digits].parse::<u32>() {
                    Ok(h) if digits <= 2 && h <= 24 => (digits, h),
                    _ => continue,
                }
            } else {
                let first = word_end(rest, 0);
                let second = rest[first..].strip_prefix(' ').map(|_| word_end(rest, first + 1));
                let Some((len, value)) = [second, Some(first)].into_iter().flatten().find_map(|end| lexicon.words.get(&rest[..end]).map(|v| (end, v))) else { continue };
                let Ok(hour) = value.parse::<u32>() else { continue };
                (len, hour)
            };
            let end = start + len;
            // The number goes on («10.5»، «10:30» is read by a rule) or is a word's start.
            let mut tail = rest[len..].chars();
            let goes_on = match tail.next() {
                Some('.') => tail.next().is_some_and(|c| c.is_ascii_digit()),
                Some(c) => tarikh_text::is_word_char(c) || matches!(c, ':' | '%'),
                None => false,
            };
            if goes_on {
                continue;
            }
            if chosen.iter().chain(added.iter()).any(|o| o.matched.start < end && start < o.matched.end) {
                continue;
            }
            let mut then = s.clone();
            then.minute = None;
            then.second = None;
            then.minutes_to = None;
            let first_is_morning = matches!(s.part_of_day, None | Some(PartOfDay::Morning));
            if hour < 12 && hour <= first_hour % 12 && first_is_morning {
                then.hour = Some(hour + 12);
                then.part_of_day = None;
            } else {
                then.hour = Some(hour);
                if hour <= first_hour % 12 || hour >= 12 {
                    then.part_of_day = None;
                }
            }
            added.push(Mention { range: start..end, matched: start..end, kind: m.kind, semantics: then, rule: format!("{}+range-end", m.rule) });
        }
        replace_chosen(chosen, &[], added);
    }

    /// Gregorian months joined by و: a month read alone and the months after it, a dual stretch of
    /// months apart, a yearly SET of two months (see the module's doc).
    fn split_month_lists(&self, text: &str, chosen: &mut Vec<Mention>) {
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
                    let then = match end_year {
                        // «شهري ديسمبر ومارس 2023»: the year written is the last month's; December
                        // before March is of the year before.
                        Some(y) => {
                            if first.year.is_none() || first.year == Some(y) {
                                first.year = Some(y - i32::from(turns_year(first_month, month2)));
                            }
                            let mut then = first.clone();
                            then.month = Some(month2);
                            then.year = Some(y);
                            then.direction = None;
                            then
                        }
                        // «شهري يونيو وسبتمبر الماضيين»: each in the direction (see below).
                        None if first.direction.is_some() => {
                            let mut then = first.clone();
                            then.month = Some(month2);
                            then
                        }
                        None => follower(&first, month2),
                    };
                    replaced.push(i);
                    added.push(Mention { range: m.range.start..k, matched: m.matched.start..k, kind: m.kind, semantics: first, rule: format!("{}+apart", m.rule) });
                    added.push(Mention { range: second.start..m.range.end, matched: second.start..m.matched.end.max(m.range.end), kind: m.kind, semantics: then, rule: format!("{}+apart", m.rule) });
                }
                // «شهري يناير ويوليو من كل عام»: a yearly SET of two months; «من يونيو إلى
                // سبتمبر من كل سنة», «بين شهري يناير ومارس من كل عام»: a yearly stretch, its two
                // ends SETs as every range is two expressions.
                (MentionType::Set, None, _) => {
                    let joint = span.match_indices(' ').chain(span.match_indices('-')).map(|(k, _)| m.range.start + k).filter(|&k| k > m.range.start).find_map(|k| self.month_after_joint(text, k).filter(|(r, _)| r.end <= m.range.end).map(|found| (k, found)));
                    let Some((k, (second, month2))) = joint else { continue };
                    let mut then = s.clone();
                    then.month = Some(month2);
                    replaced.push(i);
                    added.push(Mention { range: m.range.start..k, matched: m.matched.start..k, kind: m.kind, semantics: s.clone(), rule: format!("{}+and", m.rule) });
                    added.push(Mention { range: second.start..m.range.end, matched: second.start..m.matched.end.max(m.range.end), kind: m.kind, semantics: then, rule: format!("{}+and", m.rule) });
                }
                // «في يناير وفبراير»: the months after و, unread.
                (MentionType::Date, None, None) => {
                    // «في أكتوبر ونوفمبر وديسمبر»: each month after و in turn, each of the year of
                    // the one before it or of the next (see `follower`).
                    let mut end = m.range.end;
                    let mut months = vec![s.month.unwrap_or(0)];
                    let mut chain: Vec<Mention> = Vec::new();
                    // The month that closes the list, read already with its year («ومارس 2022»).
                    let mut closing: Option<(usize, u32)> = None;
                    while let Some((second, month2)) = self.month_after_and(text, end) {
                        if months.contains(&month2) {
                            break;
                        }
                        if let Some(j) = chosen.iter().position(|o| o.range.start < second.end && second.start < o.range.end) {
                            closing = Some((j, month2)).filter(|_| chosen[j].range.start == second.start);
                            break;
                        }
                        if own_year_follows(text, second.end) {
                            break;
                        }
                        months.push(month2);
                        end = second.end;
                        let then = follower(chain.last().map_or(s, |c| &c.semantics), month2);
                        chain.push(Mention { range: second.clone(), matched: second, kind: m.kind, semantics: then, rule: format!("{}+and", m.rule) });
                    }
                    // «في يناير ومارس ويونيو 2022»: the year written after the last month is every
                    // month's, counted back across a new year (ديسمبر ويناير 2024: December 2023).
                    if let Some((j, month2)) = closing {
                        let o = &chosen[j].semantics;
                        // «في يناير ومارس من العام الماضي»: a year counted from the reference is
                        // every month's too.
                        let closing_year = match (o.year, o.shift) {
                            (Some(y), _) => Some((Some(y), 0)),
                            (None, Some((Unit::Year, n))) if o.anaphora.is_none() => Some((None, n)),
                            _ => None,
                        };
                        if o.month == Some(month2) && o.day.is_none() && o.calendar == Calendar::Gregorian && s.year.is_none() && s.shift.is_none() {
                            if let Some((year, mut n)) = closing_year {
                                let mut later = month2;
                                for (idx, &month) in months.iter().enumerate().rev() {
                                    n -= i32::from(turns_year(month, later));
                                    later = month;
                                    let set = |sem: &mut Semantics| {
                                        sem.year = year.map(|y| y + n);
                                        sem.shift = year.is_none().then_some((Unit::Year, n));
                                        sem.anaphora = None;
                                        sem.direction = None;
                                    };
                                    if idx > 0 {
                                        set(&mut chain[idx - 1].semantics);
                                    } else {
                                        let mut first = s.clone();
                                        set(&mut first);
                                        replaced.push(i);
                                        added.push(Mention { range: m.range.clone(), matched: m.matched.clone(), kind: m.kind, semantics: first, rule: format!("{}+year-after", m.rule) });
                                    }
                                }
                            }
                        }
                        added.extend(chain);
                        continue;
                    }
                    if chain.is_empty() {
                        continue;
                    }
                    // «في يناير وفبراير الماضيين»: the dual adjective after the last month is every
                    // month's direction (and part of the last one's span, as «الماضي» is). Each
                    // month is read in that direction on its own: the list as a block (its last
                    // month past, the others before it) would need the anchoring to read the last
                    // month first; read from the first month, «أبريل ويونيو الماضيين» in May would
                    // put June ahead.
                    if let (Some((len, direction)), None) = (self.dual_direction_at(text, end), s.direction) {
                        let mut first = m.clone();
                        first.semantics.direction = Some(direction);
                        first.rule = format!("{}+and", m.rule);
                        replaced.push(i);
                        added.push(first);
                        for c in &mut chain {
                            let sem = &mut c.semantics;
                            if sem.anaphora.take().is_some() {
                                sem.shift = None;
                            }
                            sem.direction = Some(direction);
                        }
                        if let Some(last) = chain.last_mut() {
                            last.range.end = end + len;
                            last.matched.end = end + len;
                        }
                    }
                    added.extend(chain);
                }
                _ => {}
            }
        }
        replace_chosen(chosen, &replaced, added);
    }
}

/// How many of the smaller unit make one of the larger, for the pairs a compound duration joins:
/// those whose sum TIMEX3 writes in two letters and the value writer spells out from a fraction of
/// the larger unit (PT3H20M, P2DT12H, P2Y6M, PT5M30S). A week and days, a month and days stay two.
fn compound_step(larger: Unit, smaller: Unit) -> Option<f64> {
    match (larger, smaller) {
        (Unit::Year, Unit::Month) => Some(12.0),
        (Unit::Day, Unit::Hour) => Some(24.0),
        (Unit::Hour, Unit::Minute) | (Unit::Minute, Unit::Second) => Some(60.0),
        _ => None,
    }
}

/// The amount, in the larger unit, of `whole` larger units and `part` smaller ones, `per` smaller
/// to a larger: written so that its fraction times `per` comes out whole again (3 + 20/60 must not
/// read back as 19.999… minutes), nudged up by a few ulps when it would not. `None` if no nearby
/// float does.
fn compound_amount(whole: f64, part: f64, per: f64) -> Option<f64> {
    let mut amount = whole + part / per;
    for _ in 0..8 {
        let v = amount.fract() * per;
        if amount.trunc() == whole && v.fract().abs() < 1e-9 && v.round() == part {
            return Some(amount);
        }
        amount = f64::from_bits(amount.to_bits() + 1);
    }
    None
}

/// Are `first` and `second` two durations with only «و» between them?
fn durations_joined(text: &str, first: &Mention, second: &Mention) -> bool {
    first.kind == MentionType::Duration
        && second.kind == MentionType::Duration
        && text.get(first.range.end..second.range.start).is_some_and(|gap| gap.starts_with(' ') && gap.trim() == "و")
}

/// A compound duration: two amounts of units joined by و, a larger unit then a smaller one
/// («3 ساعات و20 دقيقة», «سنتين وستة أشهر», «يومين و12 ساعة»), is one length, PT3H20M, P2Y6M,
/// P2DT12H, not two. Only whole amounts, descending units that TIMEX3 writes together
/// ([`compound_step`]), and fewer of the smaller than make one larger (three hours and 90 minutes
/// is a list); «3 أيام و3 أيام», «ساعات وأيام» and a list of three lengths stay as they are. A modifier on the first
/// («أكثر من 3 ساعات و20 دقيقة») is the whole length's; the second must have none.
fn join_compound_durations(text: &str, chosen: &mut Vec<Mention>) {
    let mut added: Vec<Mention> = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for i in 1..chosen.len() {
        if replaced.contains(&(i - 1)) {
            continue;
        }
        let (first, second) = (&chosen[i - 1], &chosen[i]);
        if !durations_joined(text, first, second) {
            continue;
        }
        // Three or more lengths joined («5 سنوات و3 أشهر و10 أيام») are left a list: the sum of
        // two would be no length the text gives.
        let chained_before = i >= 2 && durations_joined(text, &chosen[i - 2], first);
        let chained_after = chosen.get(i + 1).is_some_and(|next| durations_joined(text, second, next));
        if chained_before || chained_after {
            continue;
        }
        let (a, b) = (&first.semantics, &second.semantics);
        let plain = |s: &Semantics| s.every.is_none() && s.event.is_none() && s.anaphora.is_none() && s.shift.is_none();
        if !plain(a) || !plain(b) || b.modifier.is_some() {
            continue;
        }
        let (Some(whole), Some(larger), Some(part), Some(smaller)) = (a.amount, a.unit, b.amount, b.unit) else { continue };
        let Some(per) = compound_step(larger, smaller) else { continue };
        if whole.fract() != 0.0 || part.fract() != 0.0 || whole < 1.0 || part < 1.0 || part >= per {
            continue;
        }
        let Some(amount) = compound_amount(whole, part, per) else { continue };
        let mut joined = first.clone();
        joined.range = first.range.start..second.range.end;
        joined.matched = first.matched.start.min(joined.range.start)..second.matched.end.max(joined.range.end);
        joined.semantics.amount = Some(amount);
        joined.rule = format!("{}+compound", first.rule);
        replaced.push(i - 1);
        replaced.push(i);
        added.push(joined);
    }
    replace_chosen(chosen, &replaced, added);
}

/// A date or time counted from the reference by a compound length, «قبل 3 ساعات و20 دقيقة»،
/// «بعد عامين و3 أشهر»: the rules read «قبل 3 ساعات» (a shift) and «20 دقيقة» (a length) apart,
/// but the words name one moment, 200 minutes before the reference, 27 months after it. The
/// shift is rewritten in the smaller unit (MIN:-200, M:27), whose granularity the value then has.
/// Only an expression that is nothing but a shift written after قبل or بعد, followed by «و» and a
/// plain length of a smaller unit that TIMEX3 writes with it ([`compound_step`]) and fewer of it
/// than make one larger; a third length after it («و10 ثوان») leaves the list as it is.
fn join_compound_shifts(text: &str, chosen: &mut Vec<Mention>) {
    let mut added: Vec<Mention> = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for i in 1..chosen.len() {
        if replaced.contains(&(i - 1)) {
            continue;
        }
        let (first, second) = (&chosen[i - 1], &chosen[i]);
        if !matches!(first.kind, MentionType::Date | MentionType::Time) || second.kind != MentionType::Duration {
            continue;
        }
        let Some(words) = text.get(first.range.clone()) else { continue };
        if !(words.starts_with("قبل ") || words.starts_with("بعد ")) {
            continue;
        }
        if !text.get(first.range.end..second.range.start).is_some_and(|gap| gap.starts_with(' ') && gap.trim() == "و") {
            continue;
        }
        if chosen.get(i + 1).is_some_and(|next| durations_joined(text, second, next)) {
            continue;
        }
        let (a, b) = (&first.semantics, &second.semantics);
        let Some((larger, n)) = a.shift else { continue };
        let only_shift = Semantics { shift: a.shift, modifier: a.modifier.clone(), ..Semantics::default() };
        let plain_length = b.every.is_none() && b.event.is_none() && b.anaphora.is_none() && b.shift.is_none() && b.modifier.is_none();
        if *a != only_shift || !plain_length || n == 0 {
            continue;
        }
        let (Some(part), Some(smaller)) = (b.amount, b.unit) else { continue };
        let Some(per) = compound_step(larger, smaller) else { continue };
        if part.fract() != 0.0 || part < 1.0 || part >= per {
            continue;
        }
        let total = f64::from(n) * per + f64::from(n.signum()) * part;
        if total.abs() > f64::from(i32::MAX) {
            continue;
        }
        let mut joined = first.clone();
        joined.range = first.range.start..second.range.end;
        joined.matched = first.matched.start.min(joined.range.start)..second.matched.end.max(joined.range.end);
        joined.semantics.shift = Some((smaller, total as i32));
        joined.rule = format!("{}+compound", first.rule);
        replaced.push(i - 1);
        replaced.push(i);
        added.push(joined);
    }
    replace_chosen(chosen, &replaced, added);
}

/// A list of days that writes the year once, on its first («في 24 ديسمبر 2023 و2 يناير»، «يوم
/// 12 مارس 2022 و15 مارس»): the day after «و» is of that year (or the next when the list turns
/// from the second half of the year into the first, as months do: [`turns_year`]), not of the year
/// the publication date would give it alone. Only a Gregorian day and month with no year, no
/// direction and no other anchoring of its own, right after a day with its year.
fn carry_year_along_dated_list(text: &str, chosen: &mut [Mention]) {
    for i in 1..chosen.len() {
        let gap = text.get(chosen[i - 1].range.end..chosen[i].range.start).map(str::trim);
        if !matches!(gap, Some("و" | ", و")) {
            continue;
        }
        let (a, b) = (&chosen[i - 1].semantics, &chosen[i].semantics);
        let dated = |s: &Semantics| s.calendar == Calendar::Gregorian && s.month.is_some() && s.day.is_some() && s.range_end.is_none() && s.event.is_none();
        let Some(year) = a.year else { continue };
        if chosen[i - 1].kind != MentionType::Date || chosen[i].kind != MentionType::Date || !dated(a) || !dated(b) {
            continue;
        }
        let on_its_own = b.year.is_some() || b.shift.is_some() || b.direction.is_some() || b.anaphora.is_some() || b.weekday.is_some() || b.unknown_year;
        if on_its_own {
            continue;
        }
        let turn = i32::from(turns_year(a.month.unwrap_or(0), b.month.unwrap_or(0)));
        chosen[i].semantics.year = Some(year + turn);
    }
}

/// The mentions at the indices `replaced` of `chosen` give way to `added`, kept in text order.
fn replace_chosen(chosen: &mut Vec<Mention>, replaced: &[usize], added: Vec<Mention>) {
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

#[cfg(test)]
mod tests {
    use crate::{Grammar, MentionType, Unit};

    /// The durations found in `phrase`, as (text, amount) pairs.
    fn durations(phrase: &str) -> Vec<(String, Option<f64>)> {
        let g = Grammar::embedded().expect("grammar");
        let text = tarikh_text::normalise(phrase);
        g.find(&text).into_iter().filter(|m| m.kind == MentionType::Duration).map(|m| (text[m.range.clone()].to_string(), m.semantics.amount)).collect()
    }

    #[test]
    fn a_year_between_two_years_read_alone_is_one_of_the_list() {
        let g = Grammar::embedded().expect("grammar");
        let years = |phrase: &str| -> Vec<(String, Option<i32>)> {
            let text = tarikh_text::normalise(phrase);
            g.find(&text).into_iter().map(|m| (text[m.range.clone()].to_string(), m.semantics.year)).collect()
        };
        let found = years("تدور الخلافات حول الموازنة المقررة للأعوام 2023 و2024 و2025.");
        let values: Vec<Option<i32>> = found.iter().map(|f| f.1).collect();
        assert_eq!(values, vec![Some(2023), Some(2024), Some(2025)], "{found:?}");
        // A number after a year that no year closes is no year of a list.
        let found = years("سجلت الشركة في عام 2023 و2024 موظفا");
        assert!(found.iter().all(|f| f.1 != Some(2024)), "{found:?}");
    }

    #[test]
    fn two_decades_in_construct_share_the_century_after_the_second() {
        let g = Grammar::embedded().expect("grammar");
        let years = |phrase: &str| -> Vec<(String, Option<i32>)> {
            let text = tarikh_text::normalise(phrase);
            g.find(&text).into_iter().map(|m| (text[m.range.clone()].to_string(), m.semantics.year)).collect()
        };
        let found = years("هاجر كثيرون في سبعينيات وثمانينيات القرن الماضي");
        let values: Vec<Option<i32>> = found.iter().map(|f| f.1).collect();
        assert_eq!(values, vec![Some(1970), Some(1980)], "{found:?}");
        // A word before و that is no decade adds nothing.
        let found = years("عاش سنوات وثمانينيات القرن الماضي");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_dual_adjective_after_two_weekdays_directs_both() {
        let g = Grammar::embedded().expect("grammar");
        let days = |phrase: &str| -> Vec<(String, Option<crate::Direction>)> {
            let text = tarikh_text::normalise(phrase);
            g.find(&text).into_iter().map(|m| (text[m.range.clone()].to_string(), m.semantics.direction)).collect()
        };
        let found = days("تغلق المحلات يومي السبت والأحد المقبلين");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|f| f.1 == Some(crate::Direction::Future)), "{found:?}");
        assert!(found[1].0.ends_with("المقبلين"), "{found:?}");
        let found = days("أغلقت المحلات يومي الخميس والجمعة الماضيين");
        assert!(found.len() == 2 && found.iter().all(|f| f.1 == Some(crate::Direction::Past)), "{found:?}");
        // A coming stretch: its start takes the direction, its end follows it (read in order by
        // tarikh-anchor); directed from the reference, «الخميس المقبل» told on a Wednesday would
        // end the stretch the day after, before its Monday.
        let found = days("يتواصل الإضراب من الاثنين حتى الخميس المقبلين");
        assert!(found.len() == 2 && found[0].1 == Some(crate::Direction::Future) && found[1].1.is_none(), "{found:?}");
        assert!(found[1].0.ends_with("المقبلين"), "{found:?}");
        // A past stretch keeps the tense's reading.
        let found = days("أغلقت المحلات من الخميس إلى السبت الماضيين");
        assert!(found.len() == 2 && found.iter().all(|f| f.1.is_none()), "{found:?}");
        // Without the adjective each weekday keeps its own reading.
        let found = days("تغلق المحلات يومي السبت والأحد");
        assert!(found.iter().all(|f| f.1.is_none()), "{found:?}");
    }

    #[test]
    fn a_larger_unit_then_a_smaller_is_one_length() {
        let found = durations("استمرت العملية 3 ساعات و20 دقيقة");
        assert_eq!(found.len(), 1, "{found:?}");
        let amount = found[0].1.expect("an amount");
        assert!((amount - (3.0 + 20.0 / 60.0)).abs() < 1e-9, "{amount}");
    }

    #[test]
    fn a_shift_then_a_smaller_length_is_one_moment() {
        let g = Grammar::embedded().expect("grammar");
        for (phrase, unit, amount) in [("وصل الوفد قبل 3 ساعات و20 دقيقة", Unit::Minute, -200), ("سيغادر بعد عامين و3 أشهر", Unit::Month, 27)] {
            let text = tarikh_text::normalise(phrase);
            let found: Vec<_> = g.find(&text).into_iter().map(|m| (text[m.range.clone()].to_string(), m.semantics.shift)).collect();
            assert_eq!(found.len(), 1, "{phrase}: {found:?}");
            assert_eq!(found[0].1, Some((unit, amount)), "{phrase}: {found:?}");
        }
        // A length of a larger unit, or a third length, is no part of the moment.
        for phrase in ["وصل قبل 20 دقيقة و3 ساعات", "وصل قبل 3 ساعات و20 دقيقة و10 ثوان"] {
            let text = tarikh_text::normalise(phrase);
            assert!(g.find(&text).len() >= 2, "{phrase}");
        }
    }

    #[test]
    fn equal_or_ascending_units_and_lists_of_three_stay_apart() {
        for phrase in ["استمر الإضراب 3 أيام و3 أيام", "خلال 20 دقيقة و3 ساعات", "استمرت 3 ساعات و90 دقيقة", "مدة 5 سنوات و3 أشهر و10 أيام", "استمر أسبوعين و3 أيام"] {
            let found = durations(phrase);
            assert!(found.len() >= 2, "{phrase}: {found:?}");
        }
    }
}
