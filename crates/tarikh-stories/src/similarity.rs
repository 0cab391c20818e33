//! Weighted word vectors and the graph of each document's most similar neighbours, found through
//! an inverted index (never by comparing every pair).

use crate::features::Features;
use crate::{Document, Params};
use std::collections::{BTreeMap, HashMap};

/// Every document's word counts and surface forms, with the words interned: what the grouping
/// keeps of a corpus while it compares its documents. A document's [`Features`] hold two maps of
/// owned strings, about 15 bytes per byte of text; interned, a few hundred bytes per document.
#[derive(Debug, Clone, Default)]
pub struct WordCounts {
    /// Every term, in alphabetical (byte) order: a term's id is its index.
    terms: Vec<String>,
    /// Per document: (term id, occurrences), by term id.
    counts: Vec<Vec<(u32, u32)>>,
    /// Every surface form, in order of first use.
    forms: Vec<String>,
    /// Per document: (term id, surface form id), by term id.
    surfaces: Vec<Vec<(u32, u32)>>,
}

/// Builds [`WordCounts`] one document at a time ([`WordCounts::builder`]).
#[derive(Debug, Default)]
pub struct WordCountsBuilder {
    term_ids: HashMap<String, u32>,
    form_ids: HashMap<String, u32>,
    out: WordCounts,
}

/// The id of `s` in `list` (interned on first use).
fn intern(ids: &mut HashMap<String, u32>, list: &mut Vec<String>, s: String) -> u32 {
    if let Some(&id) = ids.get(&s) {
        return id;
    }
    let id = list.len() as u32;
    list.push(s.clone());
    ids.insert(s, id);
    id
}

impl WordCountsBuilder {
    /// Add the next document's features (interned, then dropped).
    pub fn add(&mut self, f: Features) {
        let out = &mut self.out;
        let counts: Vec<(u32, u32)> = f.counts.into_iter().map(|(t, c)| (intern(&mut self.term_ids, &mut out.terms, t), c)).collect();
        let surfaces: Vec<(u32, u32)> = f.surface.into_iter().map(|(t, w)| (intern(&mut self.term_ids, &mut out.terms, t), intern(&mut self.form_ids, &mut out.forms, w))).collect();
        out.counts.push(counts);
        out.surfaces.push(surfaces);
    }

    /// The word counts of the documents added, in order.
    pub fn finish(self) -> WordCounts {
        let mut out = self.out;
        // ids in alphabetical order, so that they do not depend on document order beyond content
        let mut order: Vec<u32> = (0..out.terms.len() as u32).collect();
        order.sort_by(|&a, &b| out.terms[a as usize].cmp(&out.terms[b as usize]));
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let mut old_terms: Vec<Option<String>> = std::mem::take(&mut out.terms).into_iter().map(Some).collect();
        out.terms = order.iter().map(|&old| old_terms[old as usize].take().unwrap_or_default()).collect();
        for list in out.counts.iter_mut().chain(out.surfaces.iter_mut()) {
            for x in list.iter_mut() {
                x.0 = new_id[x.0 as usize];
            }
            list.sort_by_key(|x| x.0);
            list.shrink_to_fit();
        }
        out
    }
}

impl WordCounts {
    /// The word counts of documents given as [`Features`], in order: each is interned and
    /// dropped as it comes, so a corpus's features are never all held at once.
    pub fn gather(features: impl IntoIterator<Item = Features>) -> WordCounts {
        let mut b = WordCounts::builder();
        for f in features {
            b.add(f);
        }
        b.finish()
    }

    /// An empty builder, to add documents one at a time.
    pub fn builder() -> WordCountsBuilder {
        WordCountsBuilder::default()
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when there is no document.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The form of term `t` seen most often in document `d`, if `d` uses it.
    fn surface(&self, d: usize, t: u32) -> Option<&str> {
        let list = &self.surfaces[d];
        list.binary_search_by_key(&t, |x| x.0).ok().map(|k| self.forms[list[k].1 as usize].as_str())
    }
}

/// One document's vector: (term id, weight), sorted by term id, L2-normalised.
type Vector = Vec<(u32, f64)>;

/// The documents' vectors and the inverted index over them.
#[derive(Debug, Clone)]
pub struct Vectors {
    vectors: Vec<Vector>,
    terms: Vec<String>,
    postings: Vec<Vec<u32>>,
    df: Vec<u32>,
}

/// A similarity rounded to 1e-9, so that sums and ties do not depend on the order of additions.
fn round(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

impl Vectors {
    /// Weigh every document's words and keep its `top_terms` heaviest that another document uses.
    pub fn build(corpus: &WordCounts, params: &Params) -> Vectors {
        let terms = corpus.terms.clone();
        let mut df = vec![0u32; terms.len()];
        for counts in &corpus.counts {
            for &(t, _) in counts {
                df[t as usize] += 1;
            }
        }
        let features = &corpus.counts;
        let n = features.len() as f64;
        let vectors: Vec<Vector> = features
            .iter()
            .map(|f| {
                let mut v: Vec<(u32, f64)> = f
                    .iter()
                    .filter_map(|&(id, c)| {
                        let d = df[id as usize] as f64;
                        (d >= 2.0).then(|| (id, (1.0 + (c as f64).ln()) * ((n + params.background) / d).ln().powf(params.idf_power)))
                    })
                    .filter(|(_, w)| *w > 0.0)
                    .collect();
                v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                v.truncate(params.top_terms);
                let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
                let mut v: Vector = v.into_iter().map(|(t, w)| (t, w / norm)).collect();
                v.sort_by_key(|x| x.0);
                v
            })
            .collect();
        let mut postings = vec![Vec::new(); terms.len()];
        for (d, v) in vectors.iter().enumerate() {
            for &(t, _) in v {
                postings[t as usize].push(d as u32);
            }
        }
        Vectors { vectors, terms, postings, df }
    }

    /// Each document's `neighbours` most similar other documents (cosine > 0), found through the
    /// inverted index; the union of these lists, as edges `(i, j, similarity)` with `i < j`, in
    /// ascending order.
    /// Two documents whose main places are both known and disjoint have their similarity
    /// multiplied by `params.place_penalty`; two whose days (named, or of publication) are all
    /// more than `params.time_window` days apart, by `params.time_penalty`.
    pub fn neighbour_graph(&self, params: &Params, docs: &[Document<'_>]) -> Vec<(usize, usize, f64)> {
        let factor = |i: usize, j: usize| {
            let (a, b) = (&docs[i], &docs[j]);
            let mut f = 1.0;
            if !a.places.is_empty() && !b.places.is_empty() && !a.places.iter().any(|p| b.places.contains(p)) {
                f *= params.place_penalty;
            }
            let (days_a, days_b) = (a.days.iter().chain(&a.published), b.days.iter().chain(&b.published));
            if days_a.clone().next().is_some() && days_b.clone().next().is_some() && !days_a.clone().any(|x| days_b.clone().any(|y| (x - y).abs() <= params.time_window)) {
                f *= params.time_penalty;
            }
            f
        };
        use rayon::prelude::*;
        let lists: Vec<Vec<(usize, f64)>> = (0..self.vectors.len())
            .into_par_iter()
            .map(|i| {
                let mut acc: HashMap<u32, f64> = HashMap::new();
                for &(t, w) in &self.vectors[i] {
                    let posting = &self.postings[t as usize];
                    if posting.len() > params.posting_cap {
                        continue;
                    }
                    for &j in posting {
                        if j as usize != i {
                            let wj = self.weight(j as usize, t);
                            *acc.entry(j).or_default() += w * wj;
                        }
                    }
                }
                let mut best: Vec<(usize, f64)> = acc
                    .into_iter()
                    .map(|(j, s)| (j as usize, round(s * factor(i, j as usize))))
                    .filter(|(_, s)| *s > 0.0)
                    .collect();
                best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                best.truncate(params.neighbours);
                // `best` was sized for every candidate (up to the whole corpus when many documents
                // share terms): keep only the room the kept neighbours need.
                best.shrink_to_fit();
                best
            })
            .collect();
        let mut edges: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for (i, list) in lists.iter().enumerate() {
            for &(j, s) in list {
                let key = (i.min(j), i.max(j));
                // cosine is symmetric; keep the value computed from the lower index's side
                if i == key.0 || !edges.contains_key(&key) {
                    edges.insert(key, s);
                }
            }
        }
        edges.into_iter().map(|((i, j), s)| (i, j, s)).collect()
    }

    /// The weight of term `t` in document `d` (0 when it is not among its top terms).
    fn weight(&self, d: usize, t: u32) -> f64 {
        let v = &self.vectors[d];
        v.binary_search_by_key(&t, |x| x.0).map(|k| v[k].1).unwrap_or(0.0)
    }

    /// The words that bind a group of documents: the terms used by the most of its documents
    /// (at least two when it has several), heaviest first, as written.
    pub fn label(&self, docs: &[usize], corpus: &WordCounts, count: usize) -> Vec<String> {
        let mut score: BTreeMap<u32, (u32, f64)> = BTreeMap::new();
        for &d in docs {
            for &(t, w) in &self.vectors[d] {
                let e = score.entry(t).or_default();
                e.0 += 1;
                e.1 += w;
            }
        }
        let need = if docs.len() > 1 { 2 } else { 1 };
        let mut ranked: Vec<(u32, (u32, f64))> = score.into_iter().filter(|(_, (k, _))| *k >= need).collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.total_cmp(&a.1 .1)).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(count)
            .map(|(t, _)| {
                let term = &self.terms[t as usize];
                docs.iter().find_map(|&d| corpus.surface(d, t)).map(str::to_string).unwrap_or_else(|| term.clone())
            })
            .collect()
    }

    /// How many documents use a term (for tests and reports).
    pub fn document_frequency(&self, term: &str) -> u32 {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).map(|i| self.df[i]).unwrap_or(0)
    }
}
