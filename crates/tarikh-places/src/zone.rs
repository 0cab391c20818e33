//! A document's time zone from its own text: the dateline city, else the places it names.
//!
//! A dispatch opens with the place it was filed from, and the agencies of the Arab world and
//! beyond write that dateline alike: the city (or country), then a dash, a slash, a bracketed
//! agency or the date — «القاهرة (رويترز) -», «بيروت (أ ف ب) -», «بغداد - واع -», «أنقرة/ الأناضول
//! -», «الرياض 19 شوال 1445 هـ … واس», «أبوظبي في 15 أبريل / وام /», «الكويت - 16 - 12 (كونا) --»;
//! a kicker headline «السعودية: …» is read the same way. When a dateline opens one of the first
//! three lines, its place gives the zone. Otherwise the places the article names vote: a country or
//! city counts 2, a nisba adjective («الليبية») 1, and a mention in the headline or lead (the first
//! two non-empty lines) counts double; the zone with the most votes wins, ties going to the zone
//! named first. An article that names no place has no zone from its text.

use crate::gazetteer::{Form, Gazetteer, PlaceMention};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Where a document's zone came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZoneBasis {
    /// The dispatch's dateline names the place it was filed from.
    Dateline,
    /// The places the article names, by vote.
    Places,
}

impl ZoneBasis {
    /// Lower-case name used in documents.csv: `dateline` or `places`.
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneBasis::Dateline => "dateline",
            ZoneBasis::Places => "places",
        }
    }
}

/// A zone read from a text, with what it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneFinding {
    /// The zone.
    pub zone: chrono_tz::Tz,
    /// Dateline or places.
    pub basis: ZoneBasis,
    /// The country of the winning place.
    pub country: String,
    /// Human-readable evidence: the dateline, or the places and their votes.
    pub evidence: String,
}

/// Characters that may follow the place of a dateline: a dash, colon, slash, bracket or comma.
const DATELINE_MARKS: &[char] = &['-', ':', '/', '(', ',', '|'];

/// The dateline of a text, if one of its first three non-empty lines opens with a place followed
/// by a dateline mark (dash, colon, slash, bracket, comma), a date (a digit), or «في» and a date.
pub fn dateline(gazetteer: &Gazetteer, normalised: &str) -> Option<PlaceMention> {
    let mut start = 0;
    let mut seen = 0;
    for line in normalised.split_inclusive('\n') {
        let here = start;
        start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > 3 {
            break;
        }
        let lead = line.len() - line.trim_start().len();
        let body = &normalised[here + lead..here + line.len()];
        let Some(first) = gazetteer.find_at_start(body).filter(|m| m.form != Form::Adjective) else { continue };
        // Datelines are written bare: no conjunction or preposition on the place.
        if body[first.range.clone()] != first.name {
            continue;
        }
        let after = body[first.range.end..].trim_start_matches([' ', '\t']);
        let marked = after.starts_with(DATELINE_MARKS) || after.starts_with(|c: char| c.is_ascii_digit());
        let dated = after.strip_prefix("في ").is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if marked || dated {
            return Some(PlaceMention { range: here + lead + first.range.start..here + lead + first.range.end, ..first });
        }
    }
    None
}

/// Byte offset where the text's third non-empty line starts (the headline and lead end there).
fn lead_end(text: &str) -> usize {
    let mut start = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            seen += 1;
            if seen > 2 {
                return start;
            }
        }
        start += line.len();
    }
    text.len()
}

/// The places a text names, by country, with their votes (a country or city 2, an adjective 1,
/// doubled in the headline and lead), most voted first (ties: named first). Each entry: the
/// country, its zone, its votes, the offset of its first mention and the names used with counts.
pub fn place_votes(gazetteer: &Gazetteer, normalised: &str) -> Vec<PlaceVotes> {
    let places = gazetteer.places();
    let lead = lead_end(normalised);
    let mut votes: BTreeMap<&str, PlaceVotes> = BTreeMap::new();
    for m in gazetteer.find(normalised) {
        let place = &places[m.place];
        let weight = if m.form == Form::Adjective { 1 } else { 2 } * if m.range.start < lead { 2 } else { 1 };
        let v = votes.entry(place.country.as_str()).or_insert_with(|| PlaceVotes { country: place.country.clone(), zone: place.zone, votes: 0, first: m.range.start, names: BTreeMap::new() });
        v.votes += weight;
        *v.names.entry(m.name).or_default() += 1;
    }
    let mut out: Vec<PlaceVotes> = votes.into_values().collect();
    out.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.first.cmp(&b.first)));
    out
}

/// The votes one country gets in a text (see [`place_votes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceVotes {
    /// The country (entry) named.
    pub country: String,
    /// Its zone.
    pub zone: chrono_tz::Tz,
    /// Its votes.
    pub votes: u32,
    /// Byte offset of its first mention.
    pub first: usize,
    /// The names used, with how often.
    pub names: BTreeMap<String, u32>,
}

/// The zone of a document from its normalised text: its dateline, else the places it names
/// (see the module docs), else `None`.
pub fn document_zone(gazetteer: &Gazetteer, normalised: &str) -> Option<ZoneFinding> {
    if let Some(found) = dateline_zone(gazetteer, normalised) {
        return Some(found);
    }
    zone_of_votes(&place_votes(gazetteer, normalised))
}

/// [`document_zone`] for a caller that already has the text's [`place_votes`] (the pipeline needs
/// them for the document's countries too): the places are looked up once, not twice.
pub fn document_zone_with_votes(gazetteer: &Gazetteer, normalised: &str, votes: &[PlaceVotes]) -> Option<ZoneFinding> {
    dateline_zone(gazetteer, normalised).or_else(|| zone_of_votes(votes))
}

/// The zone of the text's dateline, if it has one.
fn dateline_zone(gazetteer: &Gazetteer, normalised: &str) -> Option<ZoneFinding> {
    let m = dateline(gazetteer, normalised)?;
    let place = &gazetteer.places()[m.place];
    Some(ZoneFinding { zone: place.zone, basis: ZoneBasis::Dateline, country: place.country.clone(), evidence: format!("dateline «{}» ({})", m.name, place.country) })
}

/// The zone the places named vote for: votes are summed per zone (a country and its cities), the
/// winner named by its top country; `None` when no place is named.
fn zone_of_votes(votes: &[PlaceVotes]) -> Option<ZoneFinding> {
    let mut by_zone: Vec<(chrono_tz::Tz, u32, usize)> = Vec::new();
    for v in votes {
        match by_zone.iter_mut().find(|z| z.0 == v.zone) {
            Some(z) => {
                z.1 += v.votes;
                z.2 = z.2.min(v.first);
            }
            None => by_zone.push((v.zone, v.votes, v.first)),
        }
    }
    let (zone, score, _) = by_zone.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.cmp(&a.2)))?;
    let winner = votes.iter().find(|v| v.zone == zone)?;
    let mut named: Vec<(&String, &u32)> = votes.iter().filter(|v| v.zone == zone).flat_map(|v| v.names.iter()).collect();
    named.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    // «name» ×count for the first four, written into one string rather than a string per name
    // joined (this runs for every document whose zone the places decide).
    let mut evidence = String::with_capacity(64 + named.iter().take(4).map(|(n, _)| n.len() + 16).sum::<usize>());
    evidence.push_str("places named: ");
    for (k, (n, c)) in named.iter().take(4).enumerate() {
        if k > 0 {
            evidence.push_str(", ");
        }
        evidence.push('«');
        evidence.push_str(n);
        evidence.push('»');
        if **c > 1 {
            let _ = write!(evidence, " ×{c}");
        }
    }
    let _ = write!(evidence, " ({}, {score} votes)", winner.country);
    Some(ZoneFinding { zone, basis: ZoneBasis::Places, country: winner.country.clone(), evidence })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Option<(String, ZoneBasis)> {
        let g = Gazetteer::embedded().expect("gazetteer");
        document_zone(&g, &tarikh_text::normalise(text)).map(|z| (z.zone.name().to_string(), z.basis))
    }

    #[test]
    fn agency_datelines_give_the_zone() {
        for (text, want) in [
            ("القاهرة (رويترز) - قال البنك المركزي إن", "Africa/Cairo"),
            ("بيروت (أ ف ب) - شعر السكان بهزة", "Asia/Beirut"),
            ("بغداد - واع - أعلنت المفوضية", "Asia/Baghdad"),
            ("أنقرة/ الأناضول - ارتفعت الحصيلة", "Europe/Istanbul"),
            ("الرياض 19 شوال 1445 هـ الموافق 28 أبريل 2024 م واس أعلنت", "Asia/Riyadh"),
            ("أبوظبي في 15 أبريل / وام / أعلن المركز في الرياض", "Asia/Dubai"),
            ("عنوان الخبر\n\nالرباط - أعلنت الحكومة أن القاهرة", "Africa/Casablanca"),
        ] {
            assert_eq!(zone(text), Some((want.to_string(), ZoneBasis::Dateline)), "{text}");
        }
    }

    #[test]
    fn a_place_inside_the_first_sentence_is_not_a_dateline() {
        // «القاهرة» opens the line but no dateline mark follows: the places vote instead.
        let (z, basis) = zone("القاهرة تستضيف قمة عربية لبحث أوضاع ليبيا وليبيا والليبيين").unwrap();
        assert_eq!((z.as_str(), basis), ("Africa/Tripoli", ZoneBasis::Places));
        // «وبيروت» carries a conjunction: a sentence, not a dateline.
        assert_eq!(zone("وبيروت - قال").map(|z| z.1), Some(ZoneBasis::Places));
    }

    #[test]
    fn the_zone_from_votes_given_is_the_zone_found_alone() {
        let g = Gazetteer::embedded().expect("gazetteer");
        for text in [
            "القاهرة (رويترز) - قال البنك المركزي إن",
            "عنوان عن درنة\nضربت العاصفة مدينة درنة الليبية\nوقالت هيئة الأرصاد المصرية إن مصر لن تتأثر",
            "القاهرة تستضيف قمة عربية لبحث أوضاع ليبيا وليبيا والليبيين",
            "لا مكان هنا",
        ] {
            let text = tarikh_text::normalise(text);
            let votes = place_votes(&g, &text);
            assert_eq!(document_zone_with_votes(&g, &text, &votes), document_zone(&g, &text), "{text}");
        }
    }

    #[test]
    fn the_most_named_place_wins_and_the_lead_counts_double() {
        let text = "عنوان عن درنة\nضربت العاصفة مدينة درنة الليبية\nوقالت هيئة الأرصاد المصرية إن مصر لن تتأثر";
        assert_eq!(zone(text), Some(("Africa/Tripoli".into(), ZoneBasis::Places)));
    }

    #[test]
    fn no_place_no_zone() {
        assert_eq!(zone("أعلنت الحكومة اليوم الاثنين الحداد ثلاثة أيام"), None);
    }
}
