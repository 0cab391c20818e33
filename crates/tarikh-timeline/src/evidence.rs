//! A contradiction's evidence, shared rather than copied: a large contradictory story has
//! constraints (an event's date that hundreds of articles state) on many of its cycles, and every
//! cycle's report quotes all their sources. Each constraint's quoted spans are one shared slice,
//! and a report is the list of the slices of its cycle, so a report costs one entry per
//! constraint, not one copy of every span (1.9 M copied spans, two strings each, on the 10^5-mention
//! scale test before the `stn10` branch). Document ids and texts are shared strings, interned per
//! story. Iterating gives the spans in order, as a list of owned tuples would.

use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::fmt;
use std::sync::Arc;

/// One evidence span: (document id, start, end, text), in original code points.
pub type Span = (Arc<str>, usize, usize, Arc<str>);

/// The evidence spans of a contradiction, in order (see the module docs): slices shared between
/// the reports that quote them.
#[derive(Clone, Default)]
pub struct Evidence {
    /// The slices, each with how many of its first spans are left out (a constraint's first span
    /// when the slice before ended with it).
    parts: Vec<(Arc<[Span]>, usize)>,
    /// The number of spans.
    len: usize,
}

/// The spans of an [`Evidence`], in order.
pub type Spans<'a> = std::iter::FlatMap<std::slice::Iter<'a, (Arc<[Span]>, usize)>, &'a [Span], fn(&'a (Arc<[Span]>, usize)) -> &'a [Span]>;

fn part_spans(part: &(Arc<[Span]>, usize)) -> &[Span] {
    &part.0[part.1..]
}

impl Evidence {
    /// The spans, in order.
    pub fn iter(&self) -> Spans<'_> {
        self.parts.iter().flat_map(part_spans as fn(&(Arc<[Span]>, usize)) -> &[Span])
    }

    /// The number of spans.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no span.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The last span.
    pub fn last(&self) -> Option<&Span> {
        self.parts.iter().rev().find_map(|p| part_spans(p).last())
    }

    /// The first span.
    pub fn first(&self) -> Option<&Span> {
        self.iter().next()
    }

    /// Append a shared slice of spans, leaving out its first `skip`.
    pub(crate) fn push_shared(&mut self, spans: &Arc<[Span]>, skip: usize) {
        if spans.len() > skip {
            self.len += spans.len() - skip;
            self.parts.push((Arc::clone(spans), skip));
        }
    }
}

impl From<Vec<Span>> for Evidence {
    fn from(spans: Vec<Span>) -> Evidence {
        let mut e = Evidence::default();
        e.push_shared(&Arc::from(spans), 0);
        e
    }
}

/// The `i`th span (a walk over the shared slices, not a constant-time index).
impl std::ops::Index<usize> for Evidence {
    type Output = Span;
    fn index(&self, mut i: usize) -> &Span {
        for part in &self.parts {
            let spans = part_spans(part);
            if i < spans.len() {
                return &spans[i];
            }
            i -= spans.len();
        }
        panic!("evidence index out of range: {} spans", self.len)
    }
}

impl<'a> IntoIterator for &'a Evidence {
    type Item = &'a Span;
    type IntoIter = Spans<'a>;
    fn into_iter(self) -> Spans<'a> {
        self.iter()
    }
}

/// Printed as the list of spans (as a `Vec` of tuples prints).
impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Equal when the spans are, however they are shared.
impl PartialEq for Evidence {
    fn eq(&self, other: &Evidence) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Eq for Evidence {}

/// Serialised as a list of (doc, start, end, text) tuples.
impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for (doc, start, end, text) in self.iter() {
            seq.serialize_element(&(&**doc, start, end, &**text))?;
        }
        seq.end()
    }
}

/// Shared strings (document ids) serialised as strings.
pub(crate) fn serialize_strs<S: Serializer>(strs: &[Arc<str>], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(strs.iter().map(|s| &**s))
}

/// One shared copy of each string of a story (document ids, evidence texts): the reports of a
/// large story quote the same few over and over.
#[derive(Default)]
pub(crate) struct Strings(crate::fasthash::FastMap<Box<str>, Arc<str>>);

impl Strings {
    /// The shared copy of `s`.
    pub(crate) fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return Arc::clone(a);
        }
        let a: Arc<str> = Arc::from(s);
        self.0.insert(Box::from(s), Arc::clone(&a));
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(doc: &str, start: usize, text: &str) -> Span {
        (Arc::from(doc), start, start + 1, Arc::from(text))
    }

    #[test]
    fn shared_slices_read_as_one_list() {
        let a: Arc<[Span]> = Arc::from(vec![span("a", 1, "x"), span("a", 2, "y")]);
        let b: Arc<[Span]> = Arc::from(vec![span("a", 2, "y"), span("b", 3, "z")]);
        let mut e = Evidence::default();
        e.push_shared(&a, 0);
        e.push_shared(&b, 1);
        e.push_shared(&Arc::from(Vec::new()), 0);
        let owned = vec![span("a", 1, "x"), span("a", 2, "y"), span("b", 3, "z")];
        assert_eq!(e.len(), 3);
        assert_eq!(e.iter().cloned().collect::<Vec<_>>(), owned);
        assert_eq!(e.last(), owned.last());
        assert_eq!(e.first(), owned.first());
        assert_eq!((0..3).map(|i| &e[i]).collect::<Vec<_>>(), owned.iter().collect::<Vec<_>>());
        assert_eq!(e, Evidence::from(owned.clone()));
        assert_eq!(format!("{e:?}"), format!("{owned:?}"));
        // (as a list of owned tuples prints: the strings quoted)
        let strings: Vec<(String, usize, usize, String)> = owned.iter().map(|(d, s, x, t)| (d.to_string(), *s, *x, t.to_string())).collect();
        assert_eq!(format!("{e:?}"), format!("{strings:?}"));
        assert_eq!(format!("{e:#?}"), format!("{strings:#?}"));
    }
}
