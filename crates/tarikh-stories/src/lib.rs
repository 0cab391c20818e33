//! Which story each article of a folder belongs to.
//!
//! A folder may hold the articles of several stories (an archive, a day's wire). Reconciling them
//! as one story merges events that have nothing to do with each other and pulls publication dates
//! toward days other stories name, so the pipeline groups documents into stories first.
//!
//! Central decision: a story is told with its own words. Articles of one story name the same
//! people, places and things («درنة»، «دانيال»، «السدود»), words other stories rarely use; the
//! words every story uses (reporting verbs, officials, numbers, time) say nothing and are left out
//! (`data/grouping/ar/stopwords.txt`). So each document becomes a weighted set of its distinctive
//! words ([`features`]): normalised, clitics and light suffixes stripped, weighted by
//! `(1 + ln tf) · ln((N + B) / df)²` (`B` pseudo-documents of background keep a one-story
//! folder's shared words positive; the square lets the names of one story outweigh the vocabulary
//! of a whole topic, «درنة» over «انتخابات»), keeping its `top_terms` heaviest words that at least
//! one other document also uses. Two documents are as similar as the cosine of these vectors
//! ([`similarity`]), lowered when they are plainly about different places (their main places, if
//! both name some, have none in common: × `place_penalty`) or times (every day one names
//! explicitly, or was published on, is more than `time_window` days from every such day of the
//! other: × `time_penalty`) —
//! one story happens in one place at one time, and a topic (elections, floods) recurs elsewhere.
//! Documents are then grouped by average-link agglomerative clustering ([`cluster`]): the two
//! groups whose documents are on average most similar merge, while that average is at least
//! `threshold`. Every step is deterministic (ties go to the lower document index), and stories are
//! numbered S1, S2, … in the order of their first document.
//!
//! Complexity: no document is compared with every other. An inverted index from each distinctive
//! word to the documents using it yields the candidate pairs (a word used by more than
//! `posting_cap` documents is too common to tell stories apart and is not followed), and each
//! document keeps its `neighbours` most similar candidates. With `K` top terms, `P` the posting
//! cap and `M` neighbours, building the graph costs O(N·K·P) and clustering O(N·M·log(N·M)): linear
//! in the number of documents for fixed parameters. Average link then counts a pair the graph did
//! not keep as similarity 0, over at most `M` partners per document (so a story larger than `M`
//! documents is not diluted by pairs nobody looked at).
//!
//! ```
//! use tarikh_stories::{group, Params};
//! let texts = [
//!     "ضربت العاصفة دانيال مدينة درنة الليبية وانهار السدان",
//!     "ارتفعت حصيلة ضحايا العاصفة دانيال في درنة بعد انهيار السدين",
//!     "فاز المنتخب المغربي على البرتغال في ربع نهائي كأس العالم",
//!     "يواجه المنتخب المغربي البرتغال في ربع نهائي كأس العالم",
//! ];
//! let docs: Vec<String> = texts.iter().map(|t| tarikh_text::normalise(t)).collect();
//! let grouping = group(&docs, &Params::default());
//! assert_eq!(grouping.story_of, vec![0, 0, 1, 1]);
//! assert_eq!(grouping.stories[0].id, "S1");
//! ```
#![deny(missing_docs)]

pub mod cluster;
pub mod features;
pub mod similarity;

use features::{Features, StopWords};

/// The knobs of the grouping (see the crate docs for what each does).
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Distinctive words kept per document.
    pub top_terms: usize,
    /// Smallest average similarity at which two groups merge.
    pub threshold: f64,
    /// Most similar candidates kept per document.
    pub neighbours: usize,
    /// A word used by more documents than this is not followed to find candidates.
    pub posting_cap: usize,
    /// Background pseudo-documents in the inverse document frequency.
    pub background: f64,
    /// Power of the inverse document frequency in a word's weight: above 1, a word few documents
    /// use counts much more than a word of the whole topic («درنة» more than «انتخابات»).
    pub idf_power: f64,
    /// Factor on the similarity of two documents mainly about different places (both name
    /// places, none in common): one story happens in one place.
    pub place_penalty: f64,
    /// Factor on the similarity of two documents whose days (named explicitly, or of
    /// publication) are all more than `time_window` days apart: one story happens at one time.
    pub time_penalty: f64,
    /// See `time_penalty`.
    pub time_window: i64,
}

impl Default for Params {
    fn default() -> Params {
        Params { top_terms: 50, threshold: 0.05, neighbours: 30, posting_cap: 2000, background: 10.0, idf_power: 2.0, place_penalty: 0.3, time_penalty: 0.5, time_window: 60 }
    }
}

/// One story: its id, its documents and the words that bind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// `S1`, `S2`, … in the order of each story's first document.
    pub id: String,
    /// Indices of its documents, ascending.
    pub docs: Vec<usize>,
    /// The words its documents share most (as written in the normalised text), heaviest first:
    /// what a reader sees as the reason these articles are one story.
    pub words: Vec<String>,
}

/// The stories of a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    /// For each document, the index of its story in `stories`.
    pub story_of: Vec<usize>,
    /// The stories, in the order of their first document.
    pub stories: Vec<Story>,
}

/// One document as the grouping sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document<'a> {
    /// The normalised text (see [`tarikh_text::normalise`]).
    pub text: &'a str,
    /// The places the document is mainly about (any labels, e.g. countries from a gazetteer);
    /// empty when it names none.
    pub places: Vec<String>,
    /// The calendar days the document names explicitly (with their year), as day numbers (e.g.
    /// days since 1970-01-01); empty when it names none.
    pub days: Vec<i64>,
    /// The day it was published, when its metadata gives it (same day numbers): an article is
    /// about its own days too, so two articles published a year apart that name no common time
    /// are kept apart even when one of them names no day at all.
    pub published: Option<i64>,
}

/// Group normalised texts (see [`tarikh_text::normalise`]) into stories by their words alone,
/// with the built-in stop words.
pub fn group<S: AsRef<str> + Sync>(texts: &[S], params: &Params) -> Grouping {
    let docs: Vec<Document<'_>> = texts.iter().map(|t| Document { text: t.as_ref(), ..Document::default() }).collect();
    group_documents(&docs, params, StopWords::embedded())
}

/// Group documents into stories by their words and places, with the given stop words.
pub fn group_documents(docs: &[Document<'_>], params: &Params, stop: &StopWords) -> Grouping {
    use rayon::prelude::*;
    // features a chunk at a time, interned as they come: a corpus's features are not all held at once
    let words = similarity::WordCounts::gather(docs.chunks(1024).flat_map(|chunk| chunk.par_iter().map(|d| Features::of(d.text, stop)).collect::<Vec<_>>()));
    group_words(&words, docs, params)
}

/// [`group_documents`] for documents whose words were counted already (`words`, one entry per
/// document, from [`Features::of`] their normalised texts): the documents' places and days are
/// read, not their texts. A caller holding a large corpus counts each document's words as it
/// reads it and keeps the counts, not the texts.
pub fn group_words(words: &similarity::WordCounts, docs: &[Document<'_>], params: &Params) -> Grouping {
    let features = words;
    let vectors = similarity::Vectors::build(features, params);
    let graph = vectors.neighbour_graph(params, docs);
    let texts = docs;
    let clusters = cluster::average_link(texts.len(), &graph, params);
    // Number stories by their first document.
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&c| clusters[c].first().copied().unwrap_or(usize::MAX));
    let mut story_of = vec![0; texts.len()];
    let mut stories = Vec::with_capacity(order.len());
    for (k, &c) in order.iter().enumerate() {
        for &d in &clusters[c] {
            story_of[d] = k;
        }
        stories.push(Story { id: format!("S{}", k + 1), docs: clusters[c].clone(), words: vectors.label(&clusters[c], features, 6) });
    }
    Grouping { story_of, stories }
}

/// Purity and inverse purity of a grouping against reference labels (one per document): purity is
/// the share of documents whose story's majority label is theirs; inverse purity the share whose
/// label's largest story holds them. Both are 1 when the grouping reproduces the labels.
pub fn purity<L: Ord>(story_of: &[usize], labels: &[L]) -> (f64, f64) {
    use std::collections::BTreeMap;
    let n = story_of.len().min(labels.len());
    if n == 0 {
        return (1.0, 1.0);
    }
    let mut table: BTreeMap<(usize, &L), usize> = BTreeMap::new();
    for i in 0..n {
        *table.entry((story_of[i], &labels[i])).or_default() += 1;
    }
    let mut best_by_story: BTreeMap<usize, usize> = BTreeMap::new();
    let mut best_by_label: BTreeMap<&L, usize> = BTreeMap::new();
    for (&(s, l), &count) in &table {
        let b = best_by_story.entry(s).or_default();
        *b = (*b).max(count);
        let b = best_by_label.entry(l).or_default();
        *b = (*b).max(count);
    }
    (best_by_story.values().sum::<usize>() as f64 / n as f64, best_by_label.values().sum::<usize>() as f64 / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| tarikh_text::normalise(t)).collect()
    }

    #[test]
    fn one_story_stays_one_story() {
        let docs = norm(&[
            "أعلنت الحكومة الليبية الحداد على ضحايا الفيضانات في درنة بعد العاصفة دانيال",
            "انهار سدا درنة تحت ضغط مياه العاصفة دانيال وجرفت الفيضانات أحياء",
            "فرق الإنقاذ تنتشل ضحايا الفيضانات من تحت الأنقاض في درنة",
        ]);
        assert_eq!(group(&docs, &Params::default()).story_of, vec![0, 0, 0]);
    }

    #[test]
    fn stories_sharing_only_common_news_words_stay_apart() {
        let docs = norm(&[
            "أعلنت الحكومة اليوم أن الرئيس التقى الوزير في العاصمة لبحث الانتخابات التشريعية والدائرة الانتخابية",
            "أعلنت الحكومة اليوم أن الرئيس التقى الوزير في العاصمة لبحث الانتخابات التشريعية والدائرة الانتخابية الثانية",
            "قال الوزير إن الحكومة قررت اليوم رفع سعر الفائدة وتحرير سعر صرف الجنيه أمام الدولار",
            "قال الوزير إن الحكومة قررت اليوم رفع سعر الفائدة وتحرير سعر صرف الجنيه أمام الدولار في البنوك",
        ]);
        let g = group(&docs, &Params::default());
        assert_eq!(g.story_of, vec![0, 0, 1, 1]);
        assert!(g.stories[1].words.iter().any(|w| w.contains("صرف") || w.contains("جنيه") || w.contains("دولار")), "{:?}", g.stories[1].words);
    }

    #[test]
    fn the_same_topic_in_another_place_or_year_is_another_story() {
        let texts = norm(&[
            "فتحت مراكز الاقتراع أبوابها في الانتخابات التشريعية وأعلن بوعسكر نسبة الإقبال في الدوائر",
            "أغلقت مراكز الاقتراع في الانتخابات التشريعية وقال بوعسكر إن الإقبال ضعيف في الدوائر",
            "فتحت مراكز الاقتراع في انتخابات مجالس المحافظات وأعلنت المفوضية نسبة المشاركة في المحافظات",
            "أغلقت مراكز الاقتراع في انتخابات مجالس المحافظات وقالت المفوضية إن المشاركة بلغت في المحافظات",
        ]);
        let docs = |places: [&str; 4], days: [i64; 4]| -> Vec<Document<'_>> {
            texts.iter().zip(places).zip(days).map(|((t, p), d)| Document { text: t, places: vec![p.to_string()], days: vec![d], published: None }).collect()
        };
        let stop = StopWords::embedded();
        // one place, one time: one story
        assert_eq!(group_documents(&docs(["Tunisia"; 4], [0, 1, 2, 3]), &Params::default(), stop).story_of, vec![0, 0, 0, 0]);
        // two countries, a year apart: two stories
        let g = group_documents(&docs(["Tunisia", "Tunisia", "Iraq", "Iraq"], [0, 1, 365, 366]), &Params::default(), stop);
        let blind = Params { place_penalty: 1.0, time_penalty: 1.0, ..Params::default() };
        assert_eq!(group_documents(&docs(["Tunisia", "Tunisia", "Iraq", "Iraq"], [0, 1, 365, 366]), &blind, stop).story_of, vec![0, 0, 0, 0], "without place and time the topic words join them");
        assert_eq!(g.story_of, vec![0, 0, 1, 1]);
    }

    #[test]
    fn articles_published_a_year_apart_are_apart_even_when_one_names_no_day() {
        // the second round of one election, and another country's election a year later: the
        // later articles name no day and the earlier ones no place, so only their publication
        // days tell them apart
        let texts = norm(&[
            "أعلن بوعسكر رئيس الهيئة العليا المستقلة نسبة المشاركة وموعد الدور الثاني للانتخابات التشريعية في الدوائر",
            "قال بوعسكر إن الهيئة حددت موعد الدور الثاني للانتخابات التشريعية بعد نسبة المشاركة في الدوائر",
            "أعلنت الهيئة الوطنية نسبة المشاركة في الانتخابات الرئاسية بعد غلق اللجان",
            "قالت الهيئة الوطنية إن نسبة المشاركة في الانتخابات الرئاسية ارتفعت قبل غلق اللجان",
        ]);
        let doc = |k: usize, places: &[&str], days: &[i64], published: i64| Document { text: &texts[k], places: places.iter().map(|p| p.to_string()).collect(), days: days.to_vec(), published: Some(published) };
        let docs = vec![doc(0, &[], &[19386], 19372), doc(1, &[], &[19386], 19386), doc(2, &["Egypt"], &[], 19701), doc(3, &["Egypt"], &[], 19703)];
        let stop = StopWords::embedded();
        assert_eq!(group_documents(&docs, &Params::default(), stop).story_of, vec![0, 0, 1, 1]);
        let unpublished: Vec<Document<'_>> = docs.iter().map(|d| Document { published: None, ..d.clone() }).collect();
        assert_eq!(group_documents(&unpublished, &Params::default(), stop).story_of, vec![0, 0, 0, 0], "without publication days the topic words join them");
    }

    #[test]
    fn a_document_with_nothing_in_common_is_a_story_of_its_own() {
        let docs = norm(&["ضرب زلزال مدينة حلب", "ضرب زلزال مدينة حلب وحمص", "افتتح معرض الكتاب أبوابه للزوار"]);
        let g = group(&docs, &Params::default());
        assert_eq!(g.story_of, vec![0, 0, 1]);
        assert_eq!(g.stories.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["S1", "S2"]);
    }

    #[test]
    fn the_grouping_does_not_depend_on_the_thread_count() {
        let docs = norm(&[
            "ضرب زلزال مدينة حلب السورية",
            "افتتح معرض الكتاب أبوابه للزوار في القاهرة",
            "ارتفعت حصيلة زلزال حلب",
            "زوار معرض الكتاب في القاهرة",
        ]);
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| group(&docs, &Params::default()));
        let two = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap().install(|| group(&docs, &Params::default()));
        assert_eq!(one, two);
        assert_eq!(one.story_of, vec![0, 1, 0, 1]);
    }

    #[test]
    fn purity_counts_majorities_both_ways() {
        assert_eq!(purity(&[0, 0, 1, 1], &["a", "a", "b", "b"]), (1.0, 1.0));
        assert_eq!(purity(&[0, 0, 0, 0], &["a", "a", "b", "b"]), (0.5, 1.0));
        assert_eq!(purity(&[0, 1, 2, 3], &["a", "a", "b", "b"]), (1.0, 0.5));
    }
}
