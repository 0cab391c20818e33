//! Finding event mentions and linking them (see the crate docs for the rules): the steps of
//! [`extract`], each in its module — the document's words and clauses (`context`), word shapes
//! (`words`), triggers (`triggers`), mention building and labels (`label`), stated relations
//! (`relations`), time attachment (`time`), report roles (`roles`), places (`place`) and the
//! other party of an event (`parties`).

mod context;
mod label;
mod parties;
mod place;
mod relations;
mod roles;
mod time;
mod triggers;
mod words;

use crate::{DocEvents, EventMention, RelationBasis};
use crate::lexicon::EventLexicon;
use std::ops::Range;
use context::Ctx;
use label::build_mention;
use place::doc_places;
use relations::{reactions, responses, stated_relations, wreck_work};
use roles::{anaphors, outcomes, report_roles, reported_complements, toll_at_gathering, told_as_past};
use time::{lasting_durations, link_times, planned_ends, words_after_trigger};
use triggers::{add_generic_drafts, counted_draft, relayed_draft, typed_drafts};
use tarikh_anchor::AnchoredDocument;

/// A mention while it is being built, with its word span.
struct Draft {
    first: usize,
    last: usize,
    start_byte: usize,
    type_idx: Option<usize>,
    /// Matched by a continuation trigger ("وتابع،"): speech going on.
    continuation: bool,
}

/// A matched signal.
struct SignalHit {
    first: usize,
    last: usize,
    signal: usize,
}

/// Find the event mentions of `doc` with `lexicon`, link each to its governing timex, and read
/// the relations the text states between them (see the crate docs for every rule).
pub fn extract(doc: &AnchoredDocument, lexicon: &EventLexicon) -> DocEvents {
    let cx = Ctx::new(doc, lexicon);
    if cx.words.is_empty() {
        return DocEvents::default();
    }

    let (mut drafts, mut taken) = typed_drafts(&cx);
    let complement = reported_complements(&cx, &drafts);
    add_generic_drafts(&cx, &mut drafts, &mut taken, &complement);
    drafts.retain(|d| !counted_draft(&cx, d));
    drafts.sort_by_key(|d| (d.start_byte, d.last));
    let mut mentions: Vec<EventMention> = drafts.iter().map(|d| build_mention(&cx, d, &taken)).collect();
    let (mut relations, blockers) = stated_relations(&cx, &drafts, &mentions, &taken, &complement);
    let own_date = link_times(&cx, &drafts, &complement, &blockers, &mut mentions);
    // A report comes after what it reports only if that is past: a date of the reported event's
    // own after the report's day (its own date, else the publication day) says it is to come,
    // whatever its words look like («قررت أن يوم غد الجمعة هو أول أيام العيد»: «أول» is no verb).
    let day_of = |mi: usize| mentions[mi].time.and_then(|ti| cx.doc.timexes.get(ti)).and_then(|t| t.interval.as_ref()).map(|i| i.start.date_naive());
    relations.retain(|r| r.basis != RelationBasis::Reported || day_of(r.target).is_none_or(|day| day <= day_of(r.source).unwrap_or(cx.doc.publication.date)));
    lasting_durations(&cx, &drafts, &mut mentions);
    reactions(&cx, &drafts, &mentions, &mut relations);
    responses(&cx, &drafts, &mentions, &mut relations);
    wreck_work(&cx, &drafts, &mut relations, &mentions);
    report_roles(&cx, &drafts, &complement, &own_date, &mut mentions);
    // a post circulated by the users of social networks or the press names where the story was
    // read (it keeps its date, which is not the events')
    for (m, d) in mentions.iter_mut().zip(&drafts) {
        if relayed_draft(&cx, d) {
            m.role = crate::MentionRole::Attribution;
        }
    }
    outcomes(&cx, &drafts, &mut mentions);
    // the dead of fighting that goes on («تشهد البلاد اشتباكات عنيفة، ونتج عن ذلك قتلى») are part
    // of it: a report after them comes after the fighting broke out, not after it ended (as a
    // signal «في أعقاب» a state says, see `stated_relations`), which no relation here says
    let state = |mi: usize| drafts[mi].type_idx.is_some_and(|t| cx.lex.types()[t].state_extent);
    relations.retain(|r| !(r.basis == RelationBasis::Reported && r.relation == crate::Relation::After && mentions[r.target].joins.is_some_and(state)));
    for (m, d) in mentions.iter_mut().zip(&drafts) {
        m.named_case = time::accused_of(&cx, d).is_some();
    }
    anaphors(&cx, &drafts, &mut mentions);
    toll_at_gathering(&cx, &drafts, &mut mentions);
    // an event word qualified as like another («وقعت في السابق اتفاقيات مماثلة»، «حادث مشابه»،
    // «الاجتماع السابق») names another event of its kind, told to compare: with no date of its own
    // it is no event of the story's timeline (it would join the story's dated one of its kind)
    for (m, d) in mentions.iter_mut().zip(&drafts) {
        // («السابق» only right after the event word: «محاكمة الرئيس السابق» is a former president's trial)
        let like = |wi: usize| cx.lex.is_likeness(cx.word(wi)) && (wi == d.last + 1 || !cx.word(wi).contains("سابق"));
        if m.time.is_none() && m.since.is_none() && words_after_trigger(&cx, &drafts, d, 1).any(like) {
            m.role = crate::MentionRole::Attribution;
        }
    }
    // «ولم يتم تحديد موعد جلسة الاستئناف»: an event whose date is said not to be set yet
    for (m, d) in mentions.iter_mut().zip(&drafts) {
        if m.time.is_none() && m.since.is_none() && time::date_said_unset(&cx, d) {
            m.role = crate::MentionRole::Attribution;
        }
    }
    // the thing an institution puts off («أرجأ البرلمان التصويت على مشروع القانون»، «تأجيل
    // المباراة») did not happen as it was to: it is the same event as another article's only if
    // their words agree, never by its kind alone (a postponed vote is no budget passed)
    for (m, d) in mentions.iter_mut().zip(&drafts) {
        if time::moving_before(&cx, d).is_some() {
            m.strict_merge = true;
        }
    }
    told_as_past(&cx, &drafts, &complement, &mut mentions);
    planned_ends(&cx, &drafts, &mut mentions);
    numbered_in_clause(&cx, &drafts, &mut mentions);
    // (last: the rules above read a bare verb's label as the verb alone)
    for (m, d) in mentions.iter_mut().zip(&drafts) {
        m.label = label::with_argument_before(&cx, d, &taken, std::mem::take(&mut m.label));
    }
    parties::name_parties(&cx.doc.original, &mut mentions);
    let places = doc_places(&cx);
    DocEvents { mentions, relations, places }
}

/// An undated mention takes the numbers after «رقم» of a mention of its merge group in its
/// clause («تلتقي السعودية والمكسيك في المباراة رقم 44»، «يصوت البرلمان على القرار رقم 12»): the
/// verb and the numbered noun name one event, and the number tells it from another of the story
/// (a match told by its round, a decision by its date) as the noun's own words do.
fn numbered_in_clause(cx: &Ctx, drafts: &[Draft], mentions: &mut [EventMention]) {
    for x in 0..mentions.len() {
        if mentions[x].time.is_some() || mentions[x].since.is_some() || mentions[x].distinct.iter().any(|w| w.starts_with('#')) {
            continue;
        }
        let clause = cx.words[drafts[x].first].clause;
        let numbers: Vec<String> = drafts_of_sentence(cx, drafts, cx.words[drafts[x].first].sentence)
            .filter(|&y| y != x && cx.words[drafts[y].first].clause == clause && mentions[y].merge_group == mentions[x].merge_group)
            .flat_map(|y| mentions[y].distinct.iter().filter(|w| w.starts_with('#')).cloned().collect::<Vec<_>>())
            .collect();
        if !numbers.is_empty() {
            let m = &mut mentions[x];
            m.distinct.extend(numbers);
            m.distinct.sort();
            m.distinct.dedup();
        }
    }
}

/// The drafts whose first word lies in sentence `sentence` (drafts are in text order): what a
/// search for a mention's neighbours in its sentence needs to look at, so that a long document
/// stays linear.
fn drafts_of_sentence(cx: &Ctx, drafts: &[Draft], sentence: usize) -> Range<usize> {
    drafts.partition_point(|d| cx.words[d.first].sentence < sentence)..drafts.partition_point(|d| cx.words[d.first].sentence <= sentence)
}
