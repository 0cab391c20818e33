//! The grammar files as read (their TOML tables, spans and all), in a compact binary form for the
//! analysis cache (cache.rs): reading the TOML of the ~16 grammar files was half the start-up of a
//! one-phrase `tarikh parse` (~70 M of ~285 M instructions), decoding this form a few percent of it.
//!
//! The form holds exactly what `toml::from_str` gave (every field, with the byte spans of the
//! tables and patterns, so that origins and line numbers come out the same), so the grammar built
//! from it is the grammar built from the files. Only the examples' shapes the loader accepts
//! (strings, arrays and tables of them) can be written: anything else is not kept (the cache then
//! holds no files and the TOML is read), and decoding refuses whatever does not fit.

use super::{ComposeDef, ContextDef, CuesDef, EntryDef, ExampleDef, FileDef, LexiconDef, NegativeDef, RuleDef};
use crate::cache::Reader;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// The files, in the order given, as bytes; `None` when one holds a value this form cannot keep.
pub(super) fn encode(files: &[FileDef]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(256 * 1024);
    put_all(&mut out, files)?;
    Some(out)
}

/// The files in `bytes`, which must hold `count` of them and nothing after them.
pub(super) fn decode(bytes: &[u8], count: usize) -> Option<Vec<FileDef>> {
    let mut r = Reader { bytes, at: 0 };
    let files = Vec::<FileDef>::get(&mut r)?;
    (files.len() == count && r.at == bytes.len()).then_some(files)
}

/// A list: its length, then each item.
fn put_all<T: Codec>(out: &mut Vec<u8>, items: &[T]) -> Option<()> {
    put_len(out, items.len())?;
    items.iter().try_for_each(|x| x.put(out))
}

fn put_len(out: &mut Vec<u8>, n: usize) -> Option<()> {
    out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
    Some(())
}

/// A value that can be written to and read back from the form.
trait Codec: Sized {
    fn put(&self, out: &mut Vec<u8>) -> Option<()>;
    fn get(r: &mut Reader) -> Option<Self>;
}

impl Codec for String {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        put_len(out, self.len())?;
        out.extend_from_slice(self.as_bytes());
        Some(())
    }
    fn get(r: &mut Reader) -> Option<String> {
        let n = r.u32()? as usize;
        std::str::from_utf8(r.take(n)?).ok().map(str::to_string)
    }
}

impl Codec for bool {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        out.push(u8::from(*self));
        Some(())
    }
    fn get(r: &mut Reader) -> Option<bool> {
        match r.take(1)?[0] {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Codec for i32 {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        out.extend_from_slice(&self.to_le_bytes());
        Some(())
    }
    fn get(r: &mut Reader) -> Option<i32> {
        Some(i32::from_le_bytes(r.take(4)?.try_into().ok()?))
    }
}

impl Codec for u64 {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        out.extend_from_slice(&self.to_le_bytes());
        Some(())
    }
    fn get(r: &mut Reader) -> Option<u64> {
        Some(u64::from_le_bytes(r.take(8)?.try_into().ok()?))
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        match self {
            None => false.put(out),
            Some(x) => {
                true.put(out)?;
                x.put(out)
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Option<T>> {
        Some(if bool::get(r)? { Some(T::get(r)?) } else { None })
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        put_all(out, self)
    }
    fn get(r: &mut Reader) -> Option<Vec<T>> {
        let n = r.len()?;
        (0..n).map(|_| T::get(r)).collect()
    }
}

impl<T: Codec> Codec for BTreeMap<String, T> {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        put_len(out, self.len())?;
        self.iter().try_for_each(|(k, v)| {
            k.put(out)?;
            v.put(out)
        })
    }
    fn get(r: &mut Reader) -> Option<BTreeMap<String, T>> {
        let n = r.len()?;
        let mut map = BTreeMap::new();
        for _ in 0..n {
            let k = String::get(r)?;
            let v = T::get(r)?;
            if map.insert(k, v).is_some() {
                return None;
            }
        }
        Some(map)
    }
}

impl<T: Codec> Codec for Spanned<T> {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        let span = self.span();
        put_len(out, span.start)?;
        put_len(out, span.end)?;
        self.get_ref().put(out)
    }
    fn get(r: &mut Reader) -> Option<Spanned<T>> {
        let start = r.u32()? as usize;
        let end = r.u32()? as usize;
        if end < start {
            return None;
        }
        Some(Spanned::new(start..end, T::get(r)?))
    }
}

/// An example: a string, or an array or table of examples' parts (the loader checks the shape).
impl Codec for ExampleDef {
    fn put(&self, out: &mut Vec<u8>) -> Option<()> {
        match self {
            toml::Value::String(s) => {
                out.push(0);
                s.put(out)
            }
            toml::Value::Array(items) => {
                out.push(1);
                items.put(out)
            }
            toml::Value::Table(table) => {
                out.push(2);
                put_len(out, table.len())?;
                table.iter().try_for_each(|(k, v)| {
                    k.put(out)?;
                    v.put(out)
                })
            }
            _ => None,
        }
    }
    fn get(r: &mut Reader) -> Option<ExampleDef> {
        match r.take(1)?[0] {
            0 => Some(toml::Value::String(String::get(r)?)),
            1 => Some(toml::Value::Array(Vec::get(r)?)),
            2 => {
                let n = r.len()?;
                let mut table = toml::map::Map::new();
                for _ in 0..n {
                    let k = String::get(r)?;
                    let v = <ExampleDef as Codec>::get(r)?;
                    if table.insert(k, v).is_some() {
                        return None;
                    }
                }
                Some(toml::Value::Table(table))
            }
            _ => None,
        }
    }
}

/// `impl Codec` for a struct, field by field in the order written.
macro_rules! fields {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl Codec for $name {
            fn put(&self, out: &mut Vec<u8>) -> Option<()> {
                $(self.$field.put(out)?;)*
                Some(())
            }
            fn get(r: &mut Reader) -> Option<$name> {
                Some($name { $($field: Codec::get(r)?,)* })
            }
        }
    };
}

fields!(FileDef { lexicon, rule, must_not_match, context, compose, cues });
fields!(ComposeDef { name, doc, first, second, between, kind, priority, examples });
fields!(CuesDef { doc, past, future, daily, tables });
fields!(WordTableDef { doc, words, examples });
fields!(WordTableExampleDef { text, published, expr, value });
fields!(ContextDef { name, doc, types, left, right, include, needs_any, needs_none, fields, examples });
fields!(LexiconDef { doc, entries, regex, digits, compose, min });
fields!(EntryDef { value, words, examples });
fields!(RuleDef { name, pattern, kind, fields, examples, priority, doc, not_after });
fields!(NegativeDef { text, span, why });

/// A table of words the anchoring code reads (`[cues.tables.NAME]`: verbs of a scheduled act, of
/// lasting, stems of what is decided …), as written: a doc line, the words (as news writes them;
/// normalised when loaded) and sentences showing what the table does. Every field is required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WordTableDef {
    pub(super) doc: String,
    pub(super) words: Vec<String>,
    pub(super) examples: Vec<Spanned<WordTableExampleDef>>,
}

/// A sentence published on `published` (YYYY-MM-DD) whose expression `expr` must read `value`
/// through the whole pipeline.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WordTableExampleDef {
    pub(super) text: String,
    pub(super) published: String,
    pub(super) expr: String,
    pub(super) value: String,
}

/// A table of words the anchoring code reads (`[cues.tables.NAME]` in a grammar file): verbs of a
/// scheduled act, of lasting, stems of what is decided … kept as data so that a linguist extends
/// them without touching code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordTable {
    /// The table's name (`lasting_verbs`).
    pub name: String,
    /// What the table is for.
    pub doc: String,
    /// Its words, normalised, sorted, without duplicates.
    pub words: Vec<String>,
    /// Sentences showing what it does.
    pub examples: Vec<WordTableExample>,
    /// Where it is written (file:line).
    pub origin: String,
}

impl WordTable {
    /// Is `normalised` one of the words?
    pub fn contains(&self, normalised: &str) -> bool {
        self.words.binary_search_by(|w| w.as_str().cmp(normalised)).is_ok()
    }
}

/// A sentence of a [`WordTable`]: published on `published` (YYYY-MM-DD), its expression `expr`
/// must read `value` through the whole pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordTableExample {
    /// The sentence.
    pub text: String,
    /// Its publication date.
    pub published: String,
    /// The expression, as the text writes it.
    pub expr: String,
    /// Its expected value.
    pub value: String,
    /// Where it is written (file:line).
    pub origin: String,
}

/// The word tables of one file's `[cues]`, added to `tables`; an empty table, a table without
/// examples or one defined twice is an error naming the file and line.
pub(super) fn word_tables_of(
    defs: &BTreeMap<String, Spanned<WordTableDef>>,
    path: &std::path::Path,
    source: &str,
    line_of: &dyn Fn(usize) -> usize,
    tables: &mut BTreeMap<String, WordTable>,
) -> Result<(), crate::GrammarError> {
    for (name, def) in defs {
        let at = def.span().start;
        let err = |m: String| crate::GrammarError::at(path, source, Some(at), m);
        let def = def.get_ref();
        let mut words: Vec<String> = def.words.iter().map(|w| tarikh_text::normalise(w.trim())).filter(|w| !w.is_empty()).collect();
        words.sort();
        words.dedup();
        if words.is_empty() {
            return Err(err(format!("cue table `{name}` has no words")));
        }
        if def.doc.trim().is_empty() || def.examples.is_empty() {
            return Err(err(format!("cue table `{name}` needs a doc line and at least one example")));
        }
        let examples = def
            .examples
            .iter()
            .map(|e| {
                let x = e.get_ref();
                WordTableExample { text: x.text.clone(), published: x.published.clone(), expr: x.expr.clone(), value: x.value.clone(), origin: format!("{}:{}", path.display(), line_of(e.span().start)) }
            })
            .collect();
        let table = WordTable { name: name.clone(), doc: def.doc.clone(), words, examples, origin: format!("{}:{}", path.display(), line_of(at)) };
        if let Some(first) = tables.insert(name.clone(), table) {
            return Err(err(format!("cue table `{name}` is defined twice (first at {}); merge the two", first.origin)));
        }
    }
    Ok(())
}
