//! `tarikh run` in memory bounded by one story, not by the archive: the same files as
//! [`crate::write::write_all`] after [`crate::process::process_all`], byte for byte, written story
//! by story.
//!
//! Only the folder-level steps look at every document at once, and they keep what they need per
//! document (normalised text, mentions, places and days; see [`crate::process`]). Then the
//! stories are taken in the order of their ids, a batch at a time: their documents are anchored
//! and their events extracted in parallel, each story is reconciled on its own (stories never
//! merge, relate or contradict each other: [`tarikh_timeline::reconcile_one_story`]), its
//! event-anchored expressions are dated, and each document's TimeML file and its rows of
//! `timex.csv` and `event_mentions.csv` are written or encoded at once. After that only the
//! document's row of `documents.csv`, its encoded rows and the story's timeline rows are kept:
//! no text, no anchored document and no event mention outlives its batch.
//!
//! The per-document rows are concatenated in input order at the end, and the timeline rows in
//! story order, which is the order the whole-corpus writer uses, so the files are the same.

use crate::analysis::date_anchored_expressions;
use crate::corpus::InputDoc;
use crate::csvout::{encode_rows, header_bytes};
use crate::process::{anchor_one, plan_folder, DocOutcome, Facts, Prepared, Settings};
use crate::records::{self, DocumentRecord, MentionRecord, Record, TimexRecord};
use crate::write::{outcome_messages, publish, staging, summary, timeml_folder, timeml_names, write_picture, Counts};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use tarikh_anchor::AnchoredDocument;
use tarikh_events::{DocEvents, EventLexicon};
use tarikh_timeline::Timeline;

/// Documents anchored together: stories are gathered until a batch holds at least this many (a
/// larger story is one batch of its own). Enough to keep every core busy on an archive of small
/// stories, and small enough that a batch's texts, anchored documents and events stay a few MB.
const BATCH_DOCUMENTS: usize = 256;

/// What a run reports when it is done.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// The one-line summary (documents, expressions, mentions, events, relations, conflicts).
    pub summary: String,
    /// Number of documents that could not be read.
    pub failed: usize,
    /// What to tell the user about the documents (metadata warnings, publication days of last
    /// resort, documents that could not be read: `warning: …` and `error: …` lines), in input
    /// order; printed by the caller, once its progress bar is gone.
    pub messages: Vec<String>,
}

/// What is kept of one document once its story is written.
struct DocResult {
    /// Its row of `documents.csv`.
    record: DocumentRecord,
    /// Its rows of `timex.csv`, encoded.
    timex: Vec<u8>,
    /// Its rows of `event_mentions.csv`, encoded.
    mentions: Vec<u8>,
    /// What is printed on stderr about it.
    messages: Vec<String>,
}

/// Run the whole pipeline on `docs` and write every output file into `out`, atomically (as
/// [`crate::write::write_all`]: a staging folder moved into place once complete), holding one
/// batch of stories at a time (see the module docs). `observe(index, outcome)` is called as each
/// document is anchored (for progress bars). Warnings about documents are returned, in input
/// order ([`RunReport::messages`]). The files are byte-identical to those of
/// [`crate::process::process_all`] followed by [`crate::write::write_all`], for any number of
/// threads. Documents whose texts were released ([`InputDoc::release_text`]) are read again from
/// their files when needed, so that the folder's texts are never all held.
pub fn run_to_folder(settings: &Settings, docs: Vec<InputDoc>, lexicon: &EventLexicon, out: &Path, excel: bool, observe: &(dyn Fn(usize, &DocOutcome) + Sync)) -> Result<RunReport> {
    run_in_batches(settings, docs, lexicon, out, excel, observe, BATCH_DOCUMENTS)
}

/// [`run_to_folder`] with batches of at least `batch` documents.
fn run_in_batches(settings: &Settings, docs: Vec<InputDoc>, lexicon: &EventLexicon, out: &Path, excel: bool, observe: &(dyn Fn(usize, &DocOutcome) + Sync), batch: usize) -> Result<RunReport> {
    let tmp = staging(out)?;
    let timeml_dir = timeml_folder(&tmp)?;
    let (prepared, facts) = plan_folder(settings, &docs);
    // each story's words, for the headings of the picture
    let mut story_words: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (f, _) in facts.iter().zip(&prepared).filter(|(_, p)| p.is_some()) {
        story_words.entry(f.story.clone()).or_insert_with(|| f.story_words.as_ref().clone());
    }
    // a document is prepared exactly when it can be read (`process::usable_text`)
    let names = timeml_names(docs.iter().zip(&prepared).map(|(d, p)| p.is_some().then_some(d.id.as_str())));

    // the stories in the order of their ids (as the reconciliation takes them), members in input order
    let mut stories: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut unread = Vec::new();
    for (i, p) in prepared.iter().enumerate() {
        match p {
            Some(_) => stories.entry(facts[i].story.clone()).or_default().push(i),
            None => unread.push(i),
        }
    }
    let mut slots: Vec<Option<(InputDoc, Option<Prepared>, Facts)>> = docs.into_iter().zip(prepared).zip(facts).map(|((d, p), f)| Some((d, p, f))).collect();
    let mut results: Vec<Option<DocResult>> = (0..slots.len()).map(|_| None).collect();
    let mut timeline = Timeline::default();

    // documents that cannot be read belong to no story
    for i in unread {
        let (doc, prepared, facts) = slots[i].take().context("each document is taken once")?;
        let outcome = anchor_one(settings, &doc, prepared, facts);
        observe(i, &outcome);
        results[i] = Some(DocResult { record: records::document_record(&outcome, 0), timex: Vec::new(), mentions: Vec::new(), messages: outcome_messages(&outcome) });
    }

    let stories: Vec<(String, Vec<usize>)> = stories.into_iter().collect();
    let mut next = 0;
    while next < stories.len() {
        let mut end = next;
        let mut size = 0;
        while end < stories.len() && (end == next || size < batch) {
            size += stories[end].1.len();
            end += 1;
        }
        let batch = &stories[next..end];
        next = end;

        // anchor and extract events, in parallel; each input (and its normalised text) is freed here
        let work: Vec<(usize, InputDoc, Option<Prepared>, Facts)> = batch
            .iter()
            .flat_map(|(_, members)| members.iter().copied())
            .map(|i| slots[i].take().map(|(d, p, f)| (i, d, p, f)).context("each document is taken once"))
            .collect::<Result<_>>()?;
        let done: Vec<(usize, DocOutcome, Option<DocEvents>)> = work
            .into_par_iter()
            .map(|(i, doc, prepared, facts)| {
                let mut outcome = anchor_one(settings, &doc, prepared, facts);
                drop(doc);
                observe(i, &outcome);
                let events = match &mut outcome {
                    DocOutcome::Done(d, _) => {
                        let events = tarikh_events::extract(d, lexicon);
                        d.normalised = tarikh_text::Normalised::new("");
                        Some(events)
                    }
                    DocOutcome::Failed { .. } => None,
                };
                (i, outcome, events)
            })
            .collect();
        let mut by_index: BTreeMap<usize, (DocOutcome, Option<DocEvents>)> = done.into_iter().map(|(i, o, e)| (i, (o, e))).collect();

        for (story, members) in batch {
            let mut read: Vec<(usize, DocOutcome)> = Vec::new();
            let mut events: Vec<DocEvents> = Vec::new();
            for i in members {
                let (outcome, found) = by_index.remove(i).context("each document is anchored once")?;
                match found {
                    Some(found) => {
                        read.push((*i, outcome));
                        events.push(found);
                    }
                    None => {
                        results[*i] = Some(DocResult { record: records::document_record(&outcome, 0), timex: Vec::new(), mentions: Vec::new(), messages: outcome_messages(&outcome) });
                    }
                }
            }
            let anchored: Vec<&AnchoredDocument> = read
                .iter()
                .filter_map(|(_, o)| match o {
                    DocOutcome::Done(d, _) => Some(d.as_ref()),
                    DocOutcome::Failed { .. } => None,
                })
                .collect();
            let pairs: Vec<(&AnchoredDocument, &DocEvents)> = anchored.iter().copied().zip(events.iter()).collect();
            let part = tarikh_timeline::reconcile_one_story(story, &pairs, timeline.events.len(), timeline.conflicts.len());
            drop(pairs);
            let dated = date_anchored_expressions(anchored, &events, &part);
            let written: Vec<Result<(Vec<u8>, Vec<u8>)>> = dated
                .par_iter()
                .zip(events.par_iter())
                .zip(read.par_iter())
                .map(|((d, ev), (i, _))| {
                    let name = names[*i].as_deref().context("a document that was read has a TimeML name")?;
                    std::fs::write(timeml_dir.join(name), crate::timeml::render(d, ev)).with_context(|| format!("cannot write timeml/{name}"))?;
                    let timex = encode_rows(records::timex_records(d).iter().map(TimexRecord::row))?;
                    let mentions = encode_rows(records::mention_records(d, ev, &part).iter().map(MentionRecord::row))?;
                    Ok((timex, mentions))
                })
                .collect();
            drop(dated);
            for (((i, outcome), ev), rows) in read.iter().zip(&events).zip(written) {
                let (timex, mentions) = rows?;
                results[*i] = Some(DocResult { record: records::document_record(outcome, ev.mentions.len()), timex, mentions, messages: outcome_messages(outcome) });
            }
            timeline.events.extend(part.events);
            timeline.relations.extend(part.relations);
            timeline.conflicts.extend(part.conflicts);
        }
    }

    let mut results: Vec<DocResult> = results.into_iter().map(|r| r.context("every document has a result")).collect::<Result<_>>()?;
    let messages: Vec<String> = results.iter_mut().flat_map(|r| std::mem::take(&mut r.messages)).collect();
    let counts = Counts {
        documents: results.len(),
        failed: results.iter().filter(|r| r.record.basis.is_none()).count(),
        timexes: results.iter().map(|r| r.record.timexes).sum(),
        mentions: results.iter().map(|r| r.record.events).sum(),
        events: timeline.events.len(),
        relations: timeline.relations.len(),
        conflicts: timeline.conflicts.len(),
    };
    write_table(&tmp, DocumentRecord::TABLE, DocumentRecord::FIELDS, excel, [encode_rows(results.iter().map(|r| r.record.row()))?.as_slice()])?;
    write_table(&tmp, TimexRecord::TABLE, TimexRecord::FIELDS, excel, results.iter().map(|r| r.timex.as_slice()))?;
    write_table(&tmp, MentionRecord::TABLE, MentionRecord::FIELDS, excel, results.iter().map(|r| r.mentions.as_slice()))?;
    drop(results);
    write_table(&tmp, records::EventRecord::TABLE, records::EventRecord::FIELDS, excel, [encode_rows(records::event_records(&timeline).iter().map(Record::row))?.as_slice()])?;
    write_table(&tmp, records::RelationRecord::TABLE, records::RelationRecord::FIELDS, excel, [encode_rows(records::relation_records(&timeline).iter().map(Record::row))?.as_slice()])?;
    write_table(&tmp, records::ConflictRecord::TABLE, records::ConflictRecord::FIELDS, excel, [encode_rows(records::conflict_records(&timeline).iter().map(Record::row))?.as_slice()])?;
    write_picture(&tmp, &timeline, &story_words)?;
    publish(&tmp, out)?;
    Ok(RunReport { summary: summary(&counts, out), failed: counts.failed, messages })
}

/// Write `<table>.csv` into `tmp`: a BOM when `excel`, the header, then the encoded pieces in order.
fn write_table<'a>(tmp: &Path, table: &str, fields: &[&str], excel: bool, pieces: impl IntoIterator<Item = &'a [u8]>) -> Result<()> {
    let path = tmp.join(format!("{table}.csv"));
    let file = std::fs::File::create(&path).with_context(|| format!("cannot write `{}`", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    w.write_all(&header_bytes(fields, excel)?).with_context(|| format!("cannot write `{}`", path.display()))?;
    for piece in pieces {
        w.write_all(piece).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    w.flush().with_context(|| format!("cannot write `{}`", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of an output folder, by path relative to it.
    fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut todo = vec![dir.to_path_buf()];
        while let Some(d) = todo.pop() {
            for entry in std::fs::read_dir(&d).expect("readable folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    todo.push(path);
                } else {
                    let name = path.strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
                    out.insert(name, std::fs::read(&path).expect("readable file"));
                }
            }
        }
        out
    }

    fn doc(id: &str, text: Result<&str, &str>, published: Option<(i32, u32, u32)>) -> InputDoc {
        InputDoc {
            id: id.into(),
            origin: format!("{id}.txt"),
            text: text.map(String::from).map_err(String::from),
            file: None,
            released: None,
            published: published.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
            published_time: None,
            timezone: None,
            country: None,
            metadata_warning: None,
        }
    }

    #[test]
    fn story_by_story_writes_the_files_of_the_whole_corpus_run() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus");
        let mut docs = crate::corpus::read_corpus(&corpus, None).expect("the seed corpus reads");
        // a second story without dates, one unreadable document, one with the same file name
        docs.push(doc("quake1", Ok("بيروت (أ ف ب) - شعر سكان بيروت وصيدا بهزة أرضية قوية اليوم الاثنين 6 فبراير 2023 وأعلنت الحكومة الحداد ثلاثة أيام"), None));
        docs.push(doc("broken", Err("`broken.txt` is not UTF-8 (byte 3)"), None));
        docs.push(doc("quake2", Ok("شعر سكان صيدا وبيروت بهزة أرضية ارتدادية قوية أمس الاثنين وخرج السكان إلى الشوارع خوفا"), Some((2023, 2, 7))));
        docs.push(doc("QUAKE1", Ok("وقع الزلزال فجر أمس الاثنين وبدأت فرق الإنقاذ عملها صباح اليوم"), None));
        let settings = Settings::new(crate::load_grammar(None).expect("grammar"));
        let lexicon = crate::load_events(None).expect("lexicon");
        let base = std::env::temp_dir().join(format!("tarikh-stream-test-{}", std::process::id()));
        let whole = base.join("whole");
        let mut outcomes = crate::process::process_all(&settings, &docs);
        let expected_summary = crate::write::write_all(&whole, &mut outcomes, &lexicon, true).expect("whole run");
        let expected = files(&whole);
        assert!(expected.keys().filter(|k| k.starts_with("timeml")).count() >= 8, "{:?}", expected.keys());
        // the seed articles' texts let go as `tarikh run` does, and read again from their files
        let mut released = docs.clone();
        released.iter_mut().for_each(InputDoc::release_text);
        assert_eq!(released.iter().filter(|d| d.released.is_some()).count(), 5);
        for (batch, docs) in [(1, &docs), (2, &docs), (BATCH_DOCUMENTS, &docs), (2, &released)] {
            let streamed = base.join(format!("batch-{batch}-{}", docs[0].released.is_some()));
            let report = run_in_batches(&settings, docs.clone(), &lexicon, &streamed, true, &|_, _| {}, batch).expect("streamed run");
            assert_eq!(report.failed, 1);
            assert_eq!(report.summary.replace(&streamed.display().to_string(), ""), expected_summary.replace(&whole.display().to_string(), ""));
            assert!(report.messages.iter().any(|m| m.starts_with("error: broken:")), "{:?}", report.messages);
            let got = files(&streamed);
            assert_eq!(got.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>(), "batch {batch}: the same files");
            for (name, bytes) in &expected {
                assert!(got[name] == *bytes, "batch {batch}: `{name}` differs");
            }
        }
        std::fs::remove_dir_all(&base).ok();
    }
}
