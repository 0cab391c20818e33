//! The per-document stages, with the folder-level facts they rest on: which story each document
//! belongs to, its time zone and its publication day.
//!
//! Order (every step deterministic; per-document work in parallel, results in input order):
//! 1. read each document once: normalise it, find its temporal mentions, its dateline and places;
//! 2. group the documents into stories ([`tarikh_stories`]) by the distinctive words they share,
//!    their places and the days they name; stories are `S1`, `S2`, … in order of first document;
//! 3. give each document its zone: docs.csv, else `--timezone`, else its dateline city, else the
//!    places it names, else the zone most of its story has, else UTC (the basis is reported);
//! 4. infer the publication day of each document without one, story by story (a day another story
//!    names is no evidence); with no support the day is `unknown` (or the `--fallback-date` the user
//!    gave);
//! 5. anchor every expression against that day.

use crate::corpus::InputDoc;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use tarikh_anchor::{anchor_prepared, AnchoredDocument, Prefer, PublicationHint, ZoneBasis, ZoneSource};
use tarikh_grammar::{Grammar, Mention};
use tarikh_places::Gazetteer;
use tarikh_text::Normalised;

/// Settings shared by every document.
#[derive(Clone)]
pub struct Settings {
    /// The date grammar.
    pub grammar: Grammar,
    /// The gazetteer of places and their zones.
    pub gazetteer: Gazetteer,
    /// Zone the user gave for documents whose metadata gives none (`--timezone`); `None`: read
    /// it from each document (dateline, places, story) and else use UTC.
    pub timezone: Option<chrono_tz::Tz>,
    /// Day the user gave for documents whose day nothing supports (`--fallback-date`, reported as
    /// `default`); `None`: such a day is `unknown`.
    pub fallback: Option<NaiveDate>,
    /// How documents are grouped into stories.
    pub grouping: tarikh_stories::Params,
}

impl Settings {
    /// Settings with this grammar, the built-in gazetteer, zones and days read from the texts.
    pub fn new(grammar: Grammar) -> Settings {
        Settings::with_gazetteer(grammar, Gazetteer::embedded().expect("the built-in gazetteer loads (its tests check it)"))
    }

    /// Settings with this grammar and this gazetteer (e.g. `load_places`'s), zones and days read
    /// from the texts; loads no other gazetteer (the built-in one costs ~11 M instructions).
    pub fn with_gazetteer(grammar: Grammar, gazetteer: Gazetteer) -> Settings {
        Settings { grammar, gazetteer, timezone: None, fallback: None, grouping: tarikh_stories::Params::default() }
    }
}

/// What became of one input document.
pub enum DocOutcome {
    /// Read and anchored.
    Done(Box<AnchoredDocument>, Option<String>),
    /// Could not be read; the reason names the file and place.
    Failed {
        /// Document id.
        id: String,
        /// Why, naming the file and place.
        reason: String,
    },
}

/// Largest document accepted, in bytes. A larger file is refused before it is read, and reported
/// (in `documents.csv` and on stderr) with its size and this limit, so the rest of the corpus is
/// still processed. Matching is linear in the text, but one document's analysis keeps about
/// 20 bytes per character in memory (under 400 MiB at this limit), and a news article is rarely over
/// 100 KB. A 200 MB file is refused at once, without being read.
pub const MAX_DOC_BYTES: usize = 16 * 1024 * 1024;

/// A document read once: what every folder-level step needs.
pub(crate) struct Prepared {
    normalised: NormalisedText,
    mentions: Vec<Mention>,
    /// Zone from its own text (dateline or places); `None` unread where docs.csv or `--timezone`
    /// gives the zone (see `own_zone`).
    zone: Option<tarikh_places::zone::ZoneFinding>,
    /// Countries it is mainly about (for grouping).
    places: Vec<String>,
    /// Days it names explicitly, as days since 1970-01-01 (for grouping).
    days: Vec<i64>,
}

impl Prepared {
    /// The same without its normalised text, for holding a whole folder of documents while
    /// stories, zones and days are worked out (the grouping reads the words counted from it).
    fn released(self) -> Prepared {
        Prepared { normalised: NormalisedText::Released, ..self }
    }
}

/// A prepared document's normalised text: with its offset map while one document is held at a
/// time ([`process_one`]), or released while a whole folder is ([`process_all`]). Text and map
/// are a little over a byte per byte of text (the map is sparse: see `tarikh_text`); a folder's documents are normalised again where a step
/// needs the text (publication days of a story with undated documents, anchoring), one story or
/// one document at a time (one more pass over each text).
enum NormalisedText {
    Mapped(Normalised),
    Released,
}

impl NormalisedText {
    /// With its offset map: the one kept, or made again from `original` (the text it came from).
    fn mapped(self, original: &str) -> Normalised {
        match self {
            NormalisedText::Mapped(n) => n,
            NormalisedText::Released => Normalised::new(original),
        }
    }
}

/// The normalised text of a prepared document (`original` is the text it came from).
fn normalised_text<'a>(p: &'a Prepared, original: &str) -> std::borrow::Cow<'a, str> {
    match &p.normalised {
        NormalisedText::Mapped(n) => std::borrow::Cow::Borrowed(n.as_str()),
        NormalisedText::Released => std::borrow::Cow::Owned(Normalised::new(original).into_text()),
    }
}

/// A publication day inferred from a story, with what it rests on.
type Inferred = (NaiveDate, String);

/// The folder-level facts of one document.
#[derive(Clone, Default)]
pub(crate) struct Facts {
    /// Its story's id (empty for a document that cannot be read).
    pub(crate) story: String,
    /// The words its story's articles share most, as written (shared by the story's documents).
    pub(crate) story_words: std::sync::Arc<Vec<String>>,
    zone: Option<(chrono_tz::Tz, ZoneSource)>,
    inferred: Option<Inferred>,
    /// Why no day could be inferred, when none could (what the text says of its day, and why that
    /// is not enough): for documents.csv and the warning.
    undated: Option<String>,
}

impl Facts {
    /// Take what the inference concluded about the document.
    fn set_inference(&mut self, inference: tarikh_anchor::Inference) {
        match inference {
            tarikh_anchor::Inference::Inferred { day, evidence } => self.inferred = Some((day, evidence)),
            tarikh_anchor::Inference::Unknown { reason } => self.undated = Some(reason),
            tarikh_anchor::Inference::Given => {}
        }
    }
}

/// The document's text, or why it cannot be processed: it could not be read (or read again), is
/// too large, or is not text.
pub(crate) fn usable_text(doc: &InputDoc) -> Result<Cow<'_, str>, DocOutcome> {
    let failed = |reason: String| DocOutcome::Failed { id: doc.id.clone(), reason };
    let text = doc.contents().map_err(failed)?;
    if text.len() > MAX_DOC_BYTES {
        return Err(failed(crate::corpus::too_large(&doc.origin, text.len() as u64)));
    }
    match crate::corpus::binary_content(&doc.origin, &text) {
        Some(problem) => Err(failed(problem)),
        None => Ok(text),
    }
}

fn prepare(settings: &Settings, doc: &InputDoc) -> Option<Prepared> {
    let text = usable_text(doc).ok()?;
    Some(prepare_text(settings, doc, &text, true))
}

/// [`prepare`] of the document's text, read already. `for_stories`: with the places and days
/// that grouping documents into stories reads; a document on its own is grouped with nothing,
/// and the places it names are then read only for a zone that nothing else gives (its dateline
/// first, as [`own_zone`] would).
fn prepare_text(settings: &Settings, doc: &InputDoc, text: &str, for_stories: bool) -> Prepared {
    let normalised = Normalised::new(text);
    let mentions = settings.grammar.find(normalised.as_str());
    let zone_wanted = doc.timezone.is_none() && settings.timezone.is_none();
    if !for_stories {
        let zone = match zone_wanted {
            true => tarikh_places::zone::document_zone(&settings.gazetteer, normalised.as_str()),
            false => None,
        };
        return Prepared { normalised: NormalisedText::Mapped(normalised), mentions, zone, places: Vec::new(), days: Vec::new() };
    }
    let votes = tarikh_places::zone::place_votes(&settings.gazetteer, normalised.as_str());
    // The text's zone is read only where neither the document nor the user gives one (own_zone).
    let zone = match zone_wanted {
        true => tarikh_places::zone::document_zone_with_votes(&settings.gazetteer, normalised.as_str(), &votes),
        false => None,
    };
    let top = votes.first().map(|v| v.votes).unwrap_or(0);
    // the countries with at least a third of the leader's votes
    let places = votes.iter().filter(|v| v.votes * 3 >= top).map(|v| v.country.clone()).collect();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");
    let days = tarikh_anchor::named_days(&mentions).into_iter().map(|d| (d - epoch).num_days()).collect();
    Prepared { normalised: NormalisedText::Mapped(normalised), mentions, zone, places, days }
}

/// A zone and its basis from the document's own metadata, the user's option or its text.
fn own_zone(settings: &Settings, doc: &InputDoc, prepared: Option<&Prepared>) -> Option<(chrono_tz::Tz, ZoneSource)> {
    if let Some(z) = doc.timezone {
        return Some((z, ZoneSource { basis: ZoneBasis::Metadata, evidence: "docs.csv".into() }));
    }
    if let Some(z) = settings.timezone {
        return Some((z, ZoneSource { basis: ZoneBasis::Option, evidence: "--timezone".into() }));
    }
    let found = prepared?.zone.as_ref()?;
    let basis = match found.basis {
        tarikh_places::zone::ZoneBasis::Dateline => ZoneBasis::Dateline,
        tarikh_places::zone::ZoneBasis::Places => ZoneBasis::Places,
    };
    Some((found.zone, ZoneSource { basis, evidence: found.evidence.clone() }))
}

/// The folder-level facts of every document: stories, zones, inferred publication days.
fn folder_facts(settings: &Settings, docs: &[InputDoc], prepared: &[Option<Prepared>], words: &tarikh_stories::similarity::WordCounts) -> Vec<Facts> {
    // 2. stories
    let FolderStories { story: stories, members, labels } = stories_of(settings, docs, prepared, words);
    let mut facts = vec![Facts::default(); docs.len()];
    for (f, s) in facts.iter_mut().zip(stories) {
        f.story = s.unwrap_or_default();
    }
    for (list, label) in members.iter().zip(&labels) {
        let written = std::sync::Arc::new(written_forms(label, list.iter().filter_map(|&i| docs[i].contents().ok())));
        for &i in list {
            facts[i].story_words = written.clone();
        }
    }
    // 3. zones: own, else the story's most common own zone, else UTC
    for i in 0..docs.len() {
        facts[i].zone = own_zone(settings, &docs[i], prepared[i].as_ref());
    }
    for list in &members {
        let mut count: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for &i in list {
            if let Some((z, _)) = &facts[i].zone {
                let e = count.entry(z.name()).or_insert((0, i));
                e.0 += 1;
            }
        }
        let story_zone = count.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).and_then(|(z, (n, _))| z.parse::<chrono_tz::Tz>().ok().map(|z| (z, n)));
        for &i in list {
            if facts[i].zone.is_none() {
                facts[i].zone = Some(match story_zone {
                    Some((z, n)) => (z, ZoneSource { basis: ZoneBasis::Story, evidence: format!("{n} document(s) of story {} are in {}", facts[i].story, z.name()) }),
                    None => (chrono_tz::UTC, ZoneSource { basis: ZoneBasis::Default, evidence: "no zone in docs.csv, no --timezone, no place named in the text or its story: UTC".into() }),
                });
            }
        }
    }
    // 4. publication days, story by story
    let results: Vec<Vec<(usize, tarikh_anchor::Inference)>> = members
        .par_iter()
        .filter(|list| list.iter().any(|&i| docs[i].published.is_none()))
        .map(|list| {
            let texts: Vec<(usize, &Prepared, Cow<'_, str>)> = list
                .iter()
                .filter_map(|&i| prepared[i].as_ref().map(|p| (i, p, normalised_text(p, &docs[i].contents().unwrap_or_default()).into_owned().into())))
                .collect();
            let inputs: Vec<tarikh_anchor::InferenceInput<'_>> = texts.iter().map(|(i, p, text)| tarikh_anchor::InferenceInput { normalised: text, mentions: &p.mentions, known: docs[*i].published }).collect();
            let inferred = tarikh_anchor::infer_publications_explained(&settings.grammar, &inputs);
            texts.iter().map(|(i, _, _)| *i).zip(inferred).collect()
        })
        .collect();
    for (i, inference) in results.into_iter().flatten() {
        facts[i].set_inference(inference);
    }
    facts
}

/// Steps 1–4 for a whole folder: each document read once (its normalised text without the offset
/// map, its mentions, places and days; `None` when it cannot be read), and its folder-level facts
/// (story, zone, inferred day). What [`anchor_one`] needs, document by document.
pub(crate) fn plan_folder(settings: &Settings, docs: &[InputDoc]) -> (Vec<Option<Prepared>>, Vec<Facts>) {
    let (prepared, words) = read_folder(settings, docs);
    let facts = folder_facts(settings, docs, &prepared, &words);
    (prepared, facts)
}

/// Step 1 for a whole folder, a chunk of documents at a time (in parallel within a chunk): each
/// document prepared, its words counted for the grouping, and its normalised text released, so
/// that a folder's normalised texts and word maps are never all held at once. The word counts
/// are those of the usable documents, in input order.
fn read_folder(settings: &Settings, docs: &[InputDoc]) -> (Vec<Option<Prepared>>, tarikh_stories::similarity::WordCounts) {
    let stop = tarikh_stories::features::StopWords::embedded();
    let mut words = tarikh_stories::similarity::WordCounts::builder();
    let mut prepared = Vec::with_capacity(docs.len());
    for chunk in docs.chunks(1024) {
        let part: Vec<Option<(Prepared, tarikh_stories::features::Features)>> = chunk
            .par_iter()
            .map(|d| {
                let p = prepare(settings, d)?;
                let features = tarikh_stories::features::Features::of(normalised_text(&p, "").as_ref(), stop);
                Some((p.released(), features))
            })
            .collect();
        for p in part {
            prepared.push(p.map(|(p, features)| {
                words.add(features);
                p
            }));
        }
    }
    (prepared, words.finish())
}

/// The story of each document (`S1`, `S2`, … in order of first document; `None` for a document
/// that cannot be read), without anchoring anything: what `tarikh run` puts in documents.csv's
/// `story` column.
pub fn group_stories(settings: &Settings, docs: &[InputDoc]) -> Vec<Option<String>> {
    let (prepared, words) = read_folder(settings, docs);
    stories_of(settings, docs, &prepared, &words).story
}

/// How many documents of a story are searched for the way its words are written: the words are
/// the ones its documents share most, so the first documents hold them.
const WRITTEN_FORM_DOCUMENTS: usize = 4;

/// The words of a story's label (normalised, as the grouping counts them: «درنه»، «السدين») as its
/// articles write them («درنة»), without diacritics or tatweel: the first word of the story's
/// first few documents that normalises to each. A word not found keeps its normalised form.
pub(crate) fn written_forms(normalised: &[String], texts: impl Iterator<Item = impl AsRef<str>>) -> Vec<String> {
    let mut written: Vec<Option<String>> = vec![None; normalised.len()];
    let is_mark = |c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
    for text in texts.take(WRITTEN_FORM_DOCUMENTS) {
        for token in text.as_ref().split(|c: char| !(tarikh_text::is_word_char(c) || is_mark(c))).filter(|t| !t.is_empty()) {
            let bare: String = token.chars().filter(|&c| !is_mark(c)).collect();
            let n = tarikh_text::normalise(&bare);
            for (k, form) in normalised.iter().enumerate() {
                if written[k].is_none() && *form == n {
                    written[k] = Some(bare.clone());
                }
            }
        }
        if written.iter().all(Option::is_some) {
            break;
        }
    }
    written.into_iter().zip(normalised).map(|(w, n)| w.unwrap_or_else(|| n.clone())).collect()
}

/// The stories of a folder, as the later steps need them.
struct FolderStories {
    /// Each document's story id (`None` for a document that cannot be read).
    story: Vec<Option<String>>,
    /// The members of each story (document indices, ascending).
    members: Vec<Vec<usize>>,
    /// The words that bind each story (normalised, as the grouping counts them).
    labels: Vec<Vec<String>>,
}

/// Group the usable documents into stories.
fn stories_of(settings: &Settings, docs: &[InputDoc], prepared: &[Option<Prepared>], words: &tarikh_stories::similarity::WordCounts) -> FolderStories {
    let usable: Vec<usize> = (0..prepared.len()).filter(|&i| prepared[i].is_some()).collect();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day");
    let inputs: Vec<tarikh_stories::Document<'_>> = usable
        .iter()
        .filter_map(|&i| Some((prepared[i].as_ref()?, docs[i].published)))
        .map(|(p, published)| tarikh_stories::Document { text: "", places: p.places.clone(), days: p.days.clone(), published: published.map(|d| (d - epoch).num_days()) })
        .collect();
    let grouping = tarikh_stories::group_words(words, &inputs, &settings.grouping);
    let mut story = vec![None; prepared.len()];
    let mut members = vec![Vec::new(); grouping.stories.len()];
    for (k, &i) in usable.iter().enumerate() {
        let s = grouping.story_of[k];
        story[i] = Some(grouping.stories[s].id.clone());
        members[s].push(i);
    }
    let labels = grouping.stories.into_iter().map(|s| s.words).collect();
    FolderStories { story, members, labels }
}

/// Anchor one document with its facts.
pub(crate) fn anchor_one(settings: &Settings, doc: &InputDoc, prepared: Option<Prepared>, facts: Facts) -> DocOutcome {
    match usable_text(doc) {
        Ok(text) => anchor_text(settings, doc, text, prepared, facts),
        Err(failed) => failed,
    }
}

/// [`anchor_one`] of the document's text (`usable_text`), read already: an owned text becomes
/// the anchored document's, a borrowed one is copied.
fn anchor_text(settings: &Settings, doc: &InputDoc, text: Cow<'_, str>, prepared: Option<Prepared>, facts: Facts) -> DocOutcome {
    let mut warning = doc.metadata_warning.clone();
    if text.trim().is_empty() {
        let empty = format!("`{}` is empty: there is nothing to tag", doc.origin);
        warning = Some(match warning {
            Some(w) => format!("{w}; {empty}"),
            None => empty,
        });
    }
    let prepared = prepared.unwrap_or_else(|| {
        let normalised = Normalised::new(&text);
        let mentions = settings.grammar.find(normalised.as_str());
        Prepared { normalised: NormalisedText::Mapped(normalised), mentions, zone: None, places: Vec::new(), days: Vec::new() }
    });
    let (timezone, zone_source) = facts.zone.unwrap_or((chrono_tz::UTC, ZoneSource { basis: ZoneBasis::Default, evidence: "UTC".into() }));
    let hint = PublicationHint { date: doc.published, time: doc.published_time, timezone, fallback: settings.fallback, inferred: facts.inferred };
    let normalised = prepared.normalised.mapped(&text);
    let mut anchored = anchor_prepared(&settings.grammar, &doc.id, text.into_owned(), normalised, prepared.mentions, &hint, Prefer::NearestLeaningPast);
    anchored.publication.zone_source = zone_source;
    anchored.story = facts.story;
    anchored.story_words = facts.story_words.as_ref().clone();
    // What the inference found short of a day, in documents.csv's evidence and in the warning.
    let why = match (&facts.undated, anchored.publication.basis) {
        (Some(reason), tarikh_anchor::PublicationBasis::Unknown | tarikh_anchor::PublicationBasis::Default) => {
            anchored.publication.evidence = format!("{}: {reason}", anchored.publication.evidence);
            format!(" ({reason})")
        }
        _ => String::new(),
    };
    let undated = match anchored.publication.basis {
        tarikh_anchor::PublicationBasis::Unknown => Some(format!(
            "`{}`: no publication date in its metadata and nothing in its text (or its story) supports one{why}: published_at is left empty (basis `unknown`) and the expressions that hang on it are X-valued; give it (docs.csv, or `published_at`), or give --fallback-date",
            doc.origin
        )),
        tarikh_anchor::PublicationBasis::Default => Some(format!("`{}`: no publication date in its metadata and nothing in its text supports one{why}: using the --fallback-date {} (basis `default`)", doc.origin, anchored.publication.date)),
        _ => None,
    };
    if let Some(u) = undated {
        warning = Some(match warning {
            Some(w) => format!("{w}; {u}"),
            None => u,
        });
    }
    DocOutcome::Done(Box::new(anchored), warning)
}

/// Anchor one document on its own (a story of one: its publication day and zone from its own
/// text). This is what the streaming `tarikh tag --input` uses; it leaves `story` empty.
pub fn process_one(settings: &Settings, doc: &InputDoc) -> DocOutcome {
    match usable_text(doc) {
        Ok(text) => process_text(settings, doc, text),
        Err(failed) => failed,
    }
}

/// [`process_one`] of a document given away: its text becomes the anchored document's, not
/// copied (what `tarikh tag --input` does with each line).
pub fn process_owned(settings: &Settings, mut doc: InputDoc) -> DocOutcome {
    let held = match usable_text(&doc) {
        Ok(Cow::Owned(text)) => Some(text),
        Ok(Cow::Borrowed(_)) => None,
        Err(failed) => return failed,
    };
    // (a borrowed text is the document's own)
    let text = held.unwrap_or_else(|| doc.text.as_mut().map(std::mem::take).unwrap_or_default());
    process_text(settings, &doc, Cow::Owned(text))
}

/// [`process_one`] of the document's text (`usable_text`), read once for every step.
fn process_text(settings: &Settings, doc: &InputDoc, text: Cow<'_, str>) -> DocOutcome {
    let prepared = Some(prepare_text(settings, doc, &text, false));
    let mut facts = Facts { zone: own_zone(settings, doc, prepared.as_ref()), ..Facts::default() };
    if doc.published.is_none() {
        if let Some(p) = &prepared {
            let text = normalised_text(p, "");
            let input = tarikh_anchor::InferenceInput { normalised: &text, mentions: &p.mentions, known: None };
            if let Some(inference) = tarikh_anchor::infer_publications_explained(&settings.grammar, &[input]).into_iter().next() {
                facts.set_inference(inference);
            }
        }
    }
    anchor_text(settings, doc, text, prepared, facts)
}

/// Anchor every document in parallel; results keep the input order, so output is the same for any
/// number of threads.
pub fn process_all(settings: &Settings, docs: &[InputDoc]) -> Vec<DocOutcome> {
    process_all_observed(settings, docs, &|_, _| {})
}

/// [`process_all`], calling `observe(index, outcome)` as each document finishes (for progress
/// bars and per-document messages); the order of calls varies, the result does not.
pub fn process_all_observed(settings: &Settings, docs: &[InputDoc], observe: &(dyn Fn(usize, &DocOutcome) + Sync)) -> Vec<DocOutcome> {
    let (prepared, facts) = plan_folder(settings, docs);
    docs.par_iter()
        .zip(prepared.into_par_iter())
        .zip(facts.into_par_iter())
        .enumerate()
        .map(|(i, ((d, p), f))| {
            let outcome = anchor_one(settings, d, p, f);
            observe(i, &outcome);
            outcome
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str, published: Option<NaiveDate>) -> InputDoc {
        InputDoc { id: id.into(), origin: format!("{id}.txt"), text: Ok(text.into()), file: None, released: None, published, published_time: None, timezone: None, country: None, metadata_warning: None }
    }

    fn settings() -> Settings {
        Settings::new(Grammar::embedded().expect("grammar"))
    }

    fn done(o: &DocOutcome) -> &AnchoredDocument {
        match o {
            DocOutcome::Done(d, _) => d,
            DocOutcome::Failed { reason, .. } => panic!("failed: {reason}"),
        }
    }

    #[test]
    fn stories_zones_and_days_come_from_the_folder() {
        let docs = [
            doc("a", "بيروت (أ ف ب) - شعر سكان بيروت وصيدا بهزة أرضية قوية اليوم الاثنين 6 فبراير 2023 وخرج السكان إلى الشوارع", None),
            doc("b", "افتتح معرض الكتاب أبوابه للزوار في دورته الجديدة بمشاركة دور النشر ومئات الكتاب", None),
            doc("c", "شعر سكان صيدا وبيروت بهزة أرضية ارتدادية قوية أمس الاثنين وخرج السكان إلى الشوارع خوفا", None),
        ];
        let out = process_all(&settings(), &docs);
        let (a, b, c) = (done(&out[0]), done(&out[1]), done(&out[2]));
        assert_eq!((a.story.as_str(), b.story.as_str(), c.story.as_str()), ("S1", "S2", "S1"));
        assert_eq!((a.publication.timezone.name(), a.publication.zone_source.basis), ("Asia/Beirut", ZoneBasis::Dateline));
        assert_eq!((c.publication.timezone.name(), c.publication.zone_source.basis), ("Asia/Beirut", ZoneBasis::Places));
        assert_eq!(a.publication.known_date(), NaiveDate::from_ymd_opt(2023, 2, 6));
        // «أمس الاثنين» lands on the Monday story a names: c is from the Tuesday after
        assert_eq!(c.publication.known_date(), NaiveDate::from_ymd_opt(2023, 2, 7));
        // b names no day and no place: unknown day, UTC
        assert_eq!(b.publication.basis, tarikh_anchor::PublicationBasis::Unknown);
        assert_eq!((b.publication.timezone.name(), b.publication.zone_source.basis), ("UTC", ZoneBasis::Default));
        // each story is told by the words its articles share, as they write them
        assert_eq!(a.story_words, c.story_words);
        assert!(a.story_words.iter().any(|w| w == "بيروت") && a.story_words.iter().any(|w| w == "أرضية"), "{:?}", a.story_words);
    }

    #[test]
    fn a_story_s_words_are_written_as_its_articles_write_them() {
        // the grouping counts normalised words (ة → ه, أ → ا); a reader sees the articles' spelling,
        // without diacritics or tatweel; a word no article holds keeps its normalised form
        let words = ["درنه", "السدين", "الاعصار", "غائب"].map(String::from);
        let texts = ["انهار السدّين في درنةَ", "ضرب الإعصـار المدينة"];
        assert_eq!(written_forms(&words, texts.into_iter()), vec!["درنة", "السدين", "الإعصار", "غائب"]);
    }

    #[test]
    fn an_unknown_day_leaves_relative_values_unknown() {
        let docs = [doc("a", "أعلنت الحكومة اليوم الأحد الحداد ثلاثة أيام بعد فيضانات مساء أمس", None)];
        let out = process_all(&settings(), &docs);
        let d = done(&out[0]);
        assert_eq!(d.publication.basis, tarikh_anchor::PublicationBasis::Unknown);
        let values: Vec<&str> = d.timexes.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, vec!["XXXX-WXX-7", "P3D", "XXXX-XX-XXTEV"]);
        assert!(d.timexes.iter().all(|t| t.interval.is_none()));
    }

    #[test]
    fn a_fallback_the_user_asked_for_is_used_and_reported_as_default() {
        let s = Settings { fallback: NaiveDate::from_ymd_opt(2024, 1, 1), ..settings() };
        let out = process_all(&s, &[doc("a", "أعلنت الحكومة اليوم الحداد", None)]);
        let d = done(&out[0]);
        assert_eq!((d.publication.basis, d.publication.date), (tarikh_anchor::PublicationBasis::Default, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()));
    }

    #[test]
    fn metadata_and_the_option_win_over_the_text() {
        let mut d = doc("a", "بيروت (أ ف ب) - شعر السكان بهزة", NaiveDate::from_ymd_opt(2023, 2, 6));
        d.timezone = Some(chrono_tz::Europe::Paris);
        let out = process_all(&settings(), &[d.clone()]);
        assert_eq!(done(&out[0]).publication.zone_source.basis, ZoneBasis::Metadata);
        d.timezone = None;
        let s = Settings { timezone: Some(chrono_tz::Africa::Cairo), ..settings() };
        let out = process_all(&s, &[d]);
        assert_eq!((done(&out[0]).publication.timezone.name(), done(&out[0]).publication.zone_source.basis), ("Africa/Cairo", ZoneBasis::Option));
    }
}
