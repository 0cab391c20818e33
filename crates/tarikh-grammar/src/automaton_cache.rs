//! The all-rules automaton's NFA (see [`crate::multi`]) kept on disk between runs, next to the
//! grammar's analysis (cache.rs).
//!
//! Every `tarikh tag` or `run` that reads a text longer than a phrase builds the all-rules
//! automaton: every rule's pattern filled with its lexicons' tries (the lexicons copied into each
//! of the ~400 rules that use them), compiled into one NFA, then the patterns dropped again —
//! about a third of the start-up of a process (~0.45 G instructions). The NFA depends only on the
//! grammar files and on the code that builds it, so once built it is written to a file, and the
//! next run reads its states back into regex-automata's NFA builder instead: the very same NFA,
//! state for state (the test `the_nfa_read_back_is_the_nfa_written` compares them whole), so the
//! automaton and every result are the same whichever way it was made.
//!
//! Each rule's anchored engine (anchored.rs: its NFA, capture groups and their names included)
//! and its `\b` filter's NFA (prefilter.rs) are kept the same way, one file per rule
//! (`grammar-….rule-N.bin`), written when the rule is first compiled and read back the next time
//! a text reaches it: a warm `tag` run no longer fills the ~120 rules it reaches with their
//! lexicons' tries and compiles them (~0.3 G instructions), a one-phrase `parse` its ~20. The
//! test `every_rules_engine_read_back_is_the_one_compiled` compares every rule's NFAs whole. A
//! rule's file is keyed by the grammar's key and the rule's index, name and pattern, and checked
//! like the automaton's.
//!
//! Why the file can never give a wrong answer:
//! - it is used only for the grammar it was made from: its key is two 64-bit hashes (FNV-1a and
//!   a word-wise multiply-rotate hash) of the build's fingerprint, the grammar's label and every
//!   grammar file's path and full text; an edited grammar has another key, and its automaton is
//!   built again and the file rewritten;
//! - it holds the fingerprint of the build that wrote it (this crate's source files and
//!   `Cargo.lock`, see build.rs): another build of tarikh, or another regex-automata, does not
//!   read it;
//! - its payload carries a checksum, and decoding checks every count, state index, pattern and
//!   look-around against what the NFA builder accepts; a file that fails any check is ignored and
//!   the automaton built from the patterns;
//! - it is written to a temporary file and renamed, so a reader never sees half a file.
//!
//! Writing is best effort: a cache directory that cannot be written only costs the next run the
//! build. The file sits with the analysis files (`grammar-….automaton.bin`), and old ones are
//! pruned with them (cache.rs, `prune_stale`).

use std::path::{Path, PathBuf};

use regex_automata::nfa::thompson::{self, State, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

use crate::fnv::Fnv;

/// The fingerprint of this build of the grammar code (see build.rs).
const FINGERPRINT: &str = env!("TARIKH_GRAMMAR_FINGERPRINT");

/// The first bytes of an automaton file.
const MAGIC: &[u8] = b"tarikh rule automaton v1\n";

/// The first bytes of one rule's file (its anchored engine's NFA and its `\\b` filter's).
const RULE_MAGIC: &[u8] = b"tarikh rule engine v1\n";

/// Where the automaton of one grammar is kept, and the key of that grammar's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AutomatonFile {
    path: PathBuf,
    /// What the key is made of: the fingerprint, the label and every file's path and text, each
    /// after its length.
    material: Vec<u8>,
    /// The key, hashed from `material` when the automaton is first needed (a run that reads
    /// only phrases never needs it: hashing the built-in grammar's files cost ~3 M instructions).
    key: std::sync::OnceLock<[u64; 2]>,
}

impl AutomatonFile {
    /// The automaton file next to `analysis` (the grammar's analysis cache file), for the grammar
    /// known as `label` made of `sources` (sorted by path).
    pub(crate) fn new(analysis: &Path, label: &str, sources: &[&(PathBuf, String)]) -> AutomatonFile {
        let stem = analysis.file_stem().and_then(|s| s.to_str()).unwrap_or("grammar");
        let path = analysis.with_file_name(format!("{stem}.automaton.bin"));
        let mut material = Vec::with_capacity(sources.iter().map(|(p, t)| p.as_os_str().len() + t.len() + 16).sum::<usize>() + 256);
        let mut feed = |bytes: &[u8]| {
            material.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            material.extend_from_slice(bytes);
        };
        feed(FINGERPRINT.as_bytes());
        feed(label.as_bytes());
        for (p, text) in sources {
            feed(p.to_string_lossy().as_bytes());
            feed(text.as_bytes());
        }
        AutomatonFile { path, material, key: std::sync::OnceLock::new() }
    }

    /// The key of the grammar's files: FNV-1a and [`WordHash`] of [`AutomatonFile::material`].
    fn key(&self) -> [u64; 2] {
        *self.key.get_or_init(|| {
            let (mut a, mut b) = (Fnv::new(), WordHash::default());
            a.write(&self.material);
            b.write(&self.material);
            [a.finish(), b.0]
        })
    }

    /// The NFA and its patterns' rules kept in the file for a grammar of `rules` rules; `None`
    /// when there is no file, it was made for other grammar files or another build, or it fails
    /// any check.
    pub(crate) fn read(&self, rules: usize) -> Option<(NFA, Vec<u32>)> {
        let bytes = std::fs::read(&self.path).ok()?;
        decode(unseal(&bytes, MAGIC, self.key())?, rules)
    }

    /// Keep `nfa` (built from the patterns of `pattern_rule`'s rules) in the file, atomically; an
    /// NFA this format cannot hold, or a directory that cannot be written, is left alone.
    pub(crate) fn write(&self, nfa: &NFA, pattern_rule: &[u32]) {
        let Some(payload) = encode(nfa, pattern_rule) else { return };
        write_atomically(&self.path, &seal(MAGIC, self.key(), &payload));
    }

    /// The file of one rule's anchored engine: `grammar-….rule-N.bin`, N the rule's index.
    fn rule_path(&self, index: usize) -> PathBuf {
        let stem = self.path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".automaton.bin")).unwrap_or("grammar");
        self.path.with_file_name(format!("{stem}.rule-{index}.bin"))
    }

    /// The key of one rule's file: the grammar's key, with the rule's index, name and pattern
    /// as written (the grammar's files and build fix the rest; these guard against a file put
    /// in another rule's place).
    fn rule_key(&self, rule: &RuleIdentity<'_>) -> [u64; 2] {
        let [k0, k1] = self.key();
        let (mut a, mut b) = (Fnv::new(), WordHash(k1));
        a.write(&k0.to_le_bytes());
        for part in [&(rule.index as u64).to_le_bytes()[..], &(rule.name.len() as u64).to_le_bytes(), rule.name.as_bytes(), &(rule.source.len() as u64).to_le_bytes(), rule.source.as_bytes(), &(rule.pattern_len as u64).to_le_bytes()] {
            a.write(part);
            b.write(part);
        }
        [a.finish(), b.0]
    }

    /// A rule's anchored engine's NFA kept in its file, and with `with_filter` its `\b`
    /// filter's NFA (`None` for a rule without one); `None` when there is no file, it was
    /// made for another grammar, build or rule, or it fails any check.
    pub(crate) fn read_rule(&self, rule: &RuleIdentity<'_>, with_filter: bool) -> Option<(NFA, Option<NFA>)> {
        let bytes = std::fs::read(self.rule_path(rule.index)).ok()?;
        let (anchored, filter) = self.rule_sections(&bytes, rule)?;
        let filter = match with_filter {
            true => match filter {
                Some(filter) => Some(whole_nfa(filter)?),
                None => None,
            },
            false => None,
        };
        Some((whole_nfa(anchored)?, filter))
    }

    /// A rule's `\b` filter's NFA kept in its file (`Some(None)`: the rule has none); `None`
    /// when the file is not there or not fit (see [`AutomatonFile::read_rule`]).
    pub(crate) fn read_rule_filter(&self, rule: &RuleIdentity<'_>) -> Option<Option<NFA>> {
        let bytes = std::fs::read(self.rule_path(rule.index)).ok()?;
        let (_, filter) = self.rule_sections(&bytes, rule)?;
        match filter {
            Some(filter) => Some(Some(whole_nfa(filter)?)),
            None => Some(None),
        }
    }

    /// The encoded engine and filter (if the rule has one) of a rule's file.
    fn rule_sections<'a>(&self, bytes: &'a [u8], rule: &RuleIdentity<'_>) -> Option<(&'a [u8], Option<&'a [u8]>)> {
        let mut r = Reader { bytes: unseal(bytes, RULE_MAGIC, self.rule_key(rule))?, at: 0 };
        let anchored = r.field()?;
        let has_filter = r.byte()?;
        let filter = r.field()?;
        if r.at != r.bytes.len() {
            return None;
        }
        match has_filter {
            0 => Some((anchored, None)),
            1 => Some((anchored, Some(filter))),
            _ => None,
        }
    }

    /// Keep a rule's anchored engine's NFA and its `\b` filter's NFA (if it has one) in the
    /// rule's file, atomically; NFAs this format cannot hold, or a directory that cannot be
    /// written, are left alone.
    pub(crate) fn write_rule(&self, rule: &RuleIdentity<'_>, nfa: &NFA, filter: Option<&NFA>) {
        let mut part = Vec::with_capacity(nfa.states().len() * 8);
        let mut payload = Vec::new();
        if encode_nfa(&mut part, nfa).is_none() {
            return;
        }
        put_field(&mut payload, &part);
        part.clear();
        if let Some(filter) = filter {
            if encode_nfa(&mut part, filter).is_none() {
                return;
            }
        }
        payload.push(u8::from(filter.is_some()));
        put_field(&mut payload, &part);
        write_atomically(&self.rule_path(rule.index), &seal(RULE_MAGIC, self.rule_key(rule), &payload));
    }

    /// The file's path.
    #[cfg(test)]
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

/// What names one rule for its file (see [`AutomatonFile::read_rule`]).
pub(crate) struct RuleIdentity<'a> {
    /// The rule's index in the grammar.
    pub(crate) index: usize,
    /// The rule's name.
    pub(crate) name: &'a str,
    /// The rule's pattern as written in its grammar file.
    pub(crate) source: &'a str,
    /// The length of its pattern with the placeholders expanded.
    pub(crate) pattern_len: usize,
}

/// The one-pattern NFA that makes up the whole of `bytes` (see [`decode_nfa`]).
fn whole_nfa(bytes: &[u8]) -> Option<NFA> {
    let mut r = Reader { bytes, at: 0 };
    let nfa = decode_nfa(&mut r)?;
    (r.at == bytes.len() && nfa.pattern_len() == 1).then_some(nfa)
}

/// A file's bytes: the magic line, the build's fingerprint, the key, the payload and its checksum.
fn seal(magic: &[u8], key: [u64; 2], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 128);
    out.extend_from_slice(magic);
    put_field(&mut out, FINGERPRINT.as_bytes());
    out.extend_from_slice(&key[0].to_le_bytes());
    out.extend_from_slice(&key[1].to_le_bytes());
    put_field(&mut out, payload);
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out
}

/// The payload `seal` wrote into `bytes`, if they were written with `magic`, by this build, for
/// `key`, and the checksum holds; else `None`.
fn unseal<'a>(bytes: &'a [u8], magic: &[u8], key: [u64; 2]) -> Option<&'a [u8]> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(magic.len())? != magic || r.field()? != FINGERPRINT.as_bytes() || r.u64()? != key[0] || r.u64()? != key[1] {
        return None;
    }
    let payload = r.field()?;
    let sum = r.u64()?;
    (r.at == bytes.len() && checksum(payload) == sum).then_some(payload)
}

/// Write `bytes` to `path` through a temporary file of this process and thread, renamed over it
/// (a reader never sees half a file; two processes writing the same file each rename a whole
/// one). Best effort: a failure leaves no temporary file behind.
fn write_atomically(path: &Path, bytes: &[u8]) {
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("automaton");
    let nth = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{nth}.tmp", std::process::id()));
    let written = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&tmp, bytes)).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The payload's checksum: [`WordHash`], eight bytes a step (FNV-1a, a byte a step, cost
/// ~16 M instructions on the ~4 MB of the built-in grammar's automaton, a tenth of reading it).
fn checksum(payload: &[u8]) -> u64 {
    let mut h = WordHash::default();
    h.write(payload);
    h.0
}

/// A multiply-rotate hash of 8-byte words (the second half of the key: a different function
/// from FNV-1a, so that one grammar edit would have to fool both).
#[derive(Default)]
struct WordHash(u64);

impl WordHash {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("an 8-byte chunk"));
            self.0 = (self.0.rotate_left(23) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(23) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}

// The states, by tag.
const BYTE_RANGE: u8 = 0;
const SPARSE: u8 = 1;
const LOOK: u8 = 2;
const UNION: u8 = 3;
const BINARY_UNION: u8 = 4;
const FAIL: u8 = 5;
const MATCH: u8 = 6;
const CAPTURE_START: u8 = 7;
const CAPTURE_END: u8 = 8;

/// `nfa`'s states, starts and patterns' rules as bytes; `None` for an NFA the builder could not
/// make again state for state (dense states, reverse or non-UTF-8 mode, another line
/// terminator): the all-rules automaton has none of them.
fn encode(nfa: &NFA, pattern_rule: &[u32]) -> Option<Vec<u8>> {
    if nfa.pattern_len() != pattern_rule.len() {
        return None;
    }
    let mut out = Vec::with_capacity(nfa.states().len() * 12);
    put_u32s(&mut out, pattern_rule);
    encode_nfa(&mut out, nfa)?;
    Some(out)
}

/// The NFA and patterns' rules `encode` wrote, for a grammar of `rules` rules (see
/// [`decode_nfa`]). `None` if anything is out of place.
fn decode(payload: &[u8], rules: usize) -> Option<(NFA, Vec<u32>)> {
    let mut r = Reader { bytes: payload, at: 0 };
    let pattern_rule = r.u32s()?;
    if pattern_rule.iter().any(|&rule| rule as usize >= rules) {
        return None;
    }
    let nfa = decode_nfa(&mut r)?;
    (r.at == payload.len() && nfa.pattern_len() == pattern_rule.len()).then_some((nfa, pattern_rule))
}

/// Append `nfa`'s starts, patterns, states and capture groups to `out`; `None` (and `out` left
/// half written) for an NFA the builder could not make again state for state (dense states,
/// reverse or non-UTF-8 mode, another line terminator).
fn encode_nfa(out: &mut Vec<u8>, nfa: &NFA) -> Option<()> {
    if !nfa.is_utf8() || nfa.is_reverse() || nfa.look_matcher().get_line_terminator() != b'\n' {
        return None;
    }
    let id = |out: &mut Vec<u8>, sid: StateID| out.extend_from_slice(&sid.as_u32().to_le_bytes());
    id(out, nfa.start_anchored());
    id(out, nfa.start_unanchored());
    put_len(out, nfa.pattern_len());
    for pid in nfa.patterns() {
        id(out, nfa.start_pattern(pid)?);
    }
    put_len(out, nfa.states().len());
    let transition = |out: &mut Vec<u8>, t: &Transition| {
        out.push(t.start);
        out.push(t.end);
        id(out, t.next);
    };
    let groups = nfa.group_info();
    for state in nfa.states() {
        match state {
            State::ByteRange { trans } => {
                out.push(BYTE_RANGE);
                transition(out, trans);
            }
            State::Sparse(sparse) => {
                out.push(SPARSE);
                put_len(out, sparse.transitions.len());
                sparse.transitions.iter().for_each(|t| transition(out, t));
            }
            State::Look { look, next } => {
                out.push(LOOK);
                out.extend_from_slice(&look.as_repr().to_le_bytes());
                id(out, *next);
            }
            State::Union { alternates } => {
                out.push(UNION);
                put_len(out, alternates.len());
                alternates.iter().for_each(|&a| id(out, a));
            }
            State::BinaryUnion { alt1, alt2 } => {
                out.push(BINARY_UNION);
                id(out, *alt1);
                id(out, *alt2);
            }
            State::Fail => out.push(FAIL),
            State::Match { pattern_id } => {
                out.push(MATCH);
                put_len(out, pattern_id.as_usize());
            }
            State::Capture { next, pattern_id, group_index, slot } => {
                // A group's start or its end, told by its slot (the builder numbers the slots).
                let (start, end) = groups.slots(*pattern_id, group_index.as_usize())?;
                match slot.as_usize() {
                    s if s == start => {
                        out.push(CAPTURE_START);
                        put_len(out, pattern_id.as_usize());
                        put_len(out, group_index.as_usize());
                        put_field(out, groups.to_name(*pattern_id, group_index.as_usize()).unwrap_or("").as_bytes());
                    }
                    s if s == end => {
                        out.push(CAPTURE_END);
                        put_len(out, pattern_id.as_usize());
                        put_len(out, group_index.as_usize());
                    }
                    _ => return None,
                }
                id(out, *next);
            }
            State::Dense(_) => return None,
        }
    }
    // The groups as the NFA names them, checked against the NFA read back (the builder names
    // a group where its first start state comes).
    for pid in nfa.patterns() {
        put_len(out, groups.group_len(pid));
        for name in groups.pattern_names(pid) {
            put_field(out, name.unwrap_or("").as_bytes());
        }
    }
    Some(())
}

/// The NFA `encode_nfa` wrote, made again by regex-automata's NFA builder: each state added in
/// turn gets its own index back (none is an empty state or a union of one, which the builder
/// would fold away), so the NFA is the one written; its capture groups are checked against the
/// names written. `None` if anything is out of place.
fn decode_nfa(r: &mut Reader<'_>) -> Option<NFA> {
    let start_anchored = r.u32()?;
    let start_unanchored = r.u32()?;
    let npatterns = r.u32()? as usize;
    let mut pattern_starts = Vec::with_capacity(npatterns.min(r.bytes.len()));
    for _ in 0..npatterns {
        pattern_starts.push(r.u32()?);
    }
    let nstates = r.u32()? as usize;
    let state = |sid: u32| (sid as usize) < nstates;
    if !state(start_anchored) || !state(start_unanchored) || !pattern_starts.iter().all(|&s| state(s)) {
        return None;
    }
    let sid = |n: u32| StateID::new(n as usize).ok();
    let mut builder = thompson::Builder::new();
    builder.set_utf8(true);
    builder.set_reverse(false);
    // A pattern's states come between its start and its finish (the compiler adds them so): a
    // pattern is opened when its first capture or match state comes, its start set when the
    // next one is opened or the states end.
    let mut open: Option<usize> = None;
    let finish = |builder: &mut thompson::Builder, open: &mut Option<usize>| -> Option<()> {
        if let Some(p) = open.take() {
            builder.finish_pattern(sid(pattern_starts[p])?).ok()?;
        }
        Some(())
    };
    let enter = |builder: &mut thompson::Builder, open: &mut Option<usize>, p: usize| -> Option<()> {
        if p >= npatterns {
            return None;
        }
        if *open != Some(p) {
            // The next pattern to open must be this one: patterns come in order.
            finish(builder, open)?;
            if builder.pattern_len() != p {
                return None;
            }
            *open = Some(builder.start_pattern().ok()?.as_usize());
        }
        Some(())
    };
    for i in 0..nstates {
        let transition = |r: &mut Reader| -> Option<Transition> {
            let (start, end, next) = (r.byte()?, r.byte()?, r.u32()?);
            (start <= end && state(next)).then_some(())?;
            Some(Transition { start, end, next: sid(next)? })
        };
        let added = match r.byte()? {
            BYTE_RANGE => {
                let trans = transition(r)?;
                builder.add_range(trans)
            }
            SPARSE => {
                let n = r.u32()? as usize;
                if n < 2 {
                    return None; // (the builder makes a fail or byte-range state of these)
                }
                let mut transitions = Vec::with_capacity(n.min(256));
                for _ in 0..n {
                    transitions.push(transition(r)?);
                }
                builder.add_sparse(transitions)
            }
            LOOK => {
                let look = Look::from_repr(r.u32()?)?;
                let next = r.u32()?;
                state(next).then_some(())?;
                builder.add_look(sid(next)?, look)
            }
            UNION => {
                let n = r.u32()? as usize;
                if n < 3 {
                    return None; // (the builder makes a fail, an empty or a binary union of these)
                }
                let mut alternates = Vec::with_capacity(n.min(nstates));
                for _ in 0..n {
                    let a = r.u32()?;
                    state(a).then_some(())?;
                    alternates.push(sid(a)?);
                }
                builder.add_union(alternates)
            }
            BINARY_UNION => {
                let (a, b) = (r.u32()?, r.u32()?);
                (state(a) && state(b)).then_some(())?;
                builder.add_union(vec![sid(a)?, sid(b)?])
            }
            FAIL => builder.add_fail(),
            MATCH => {
                enter(&mut builder, &mut open, r.u32()? as usize)?;
                builder.add_match()
            }
            CAPTURE_START => {
                enter(&mut builder, &mut open, r.u32()? as usize)?;
                let group = r.u32()?;
                let name = std::str::from_utf8(r.field()?).ok()?;
                let next = r.u32()?;
                state(next).then_some(())?;
                builder.add_capture_start(sid(next)?, group, (!name.is_empty()).then(|| std::sync::Arc::from(name)))
            }
            CAPTURE_END => {
                enter(&mut builder, &mut open, r.u32()? as usize)?;
                let group = r.u32()?;
                let next = r.u32()?;
                state(next).then_some(())?;
                builder.add_capture_end(sid(next)?, group)
            }
            _ => return None,
        };
        if added.ok()?.as_usize() != i {
            return None;
        }
    }
    finish(&mut builder, &mut open)?;
    // (every pattern has its match state: one without would be a pattern never started)
    if builder.pattern_len() != npatterns {
        return None;
    }
    let nfa = builder.build(sid(start_anchored)?, sid(start_unanchored)?).ok()?;
    if nfa.states().len() != nstates {
        return None;
    }
    let groups = nfa.group_info();
    for pid in nfa.patterns() {
        if r.u32()? as usize != groups.group_len(pid) {
            return None;
        }
        for name in groups.pattern_names(pid) {
            if r.field()? != name.unwrap_or("").as_bytes() {
                return None;
            }
        }
    }
    Some(nfa)
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).expect("automaton sizes fit in 32 bits").to_le_bytes());
}

fn put_field(out: &mut Vec<u8>, b: &[u8]) {
    put_len(out, b.len());
    out.extend_from_slice(b);
}

fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    put_len(out, v.len());
    v.iter().for_each(|x| out.extend_from_slice(&x.to_le_bytes()));
}

/// Reads the little-endian fields `put_*` wrote; `None` past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn field(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        let mut v = Vec::with_capacity(n.min(self.bytes.len() / 4));
        for _ in 0..n {
            v.push(self.u32()?);
        }
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_rules_nfa(g: &crate::Grammar) -> (NFA, Vec<u32>) {
        crate::multi::RuleSpans::nfa(g.rule_patterns().expect("every rule has a search pattern")).expect("the automaton builds")
    }

    #[test]
    fn the_nfa_read_back_is_the_nfa_written() {
        // State for state, starts, patterns, byte classes and look-around sets: the whole NFA as
        // regex-automata prints it.
        let g = crate::Grammar::embedded().unwrap();
        let (nfa, pattern_rule) = all_rules_nfa(&g);
        let payload = encode(&nfa, &pattern_rule).expect("the all-rules NFA has no state the format cannot hold");
        let (back, rules) = decode(&payload, g.rules.len()).expect("it decodes");
        assert_eq!(rules, pattern_rule);
        assert_eq!(format!("{back:?}"), format!("{nfa:?}"));
        assert_eq!(format!("{:?}", back.byte_classes()), format!("{:?}", nfa.byte_classes()));
        assert_eq!((back.look_set_any(), back.look_set_prefix_any(), back.has_empty(), back.is_utf8(), back.is_always_start_anchored()), (nfa.look_set_any(), nfa.look_set_prefix_any(), nfa.has_empty(), nfa.is_utf8(), nfa.is_always_start_anchored()));
        assert!(nfa.states().len() > 1000, "{}", nfa.states().len());
    }

    #[test]
    fn a_damaged_or_foreign_payload_is_refused() {
        let g = crate::Grammar::embedded().unwrap();
        let (nfa, pattern_rule) = all_rules_nfa(&g);
        let payload = encode(&nfa, &pattern_rule).unwrap();
        assert!(decode(&payload[..payload.len() - 1], g.rules.len()).is_none(), "truncated");
        assert!(decode(&payload, g.rules.len() / 2).is_none(), "rules the grammar does not have");
        let mut longer = payload.clone();
        longer.push(FAIL);
        assert!(decode(&longer, g.rules.len()).is_none(), "bytes after the last state");
    }

    #[test]
    fn the_file_is_used_only_for_the_grammar_and_build_it_was_written_for() {
        let dir = std::env::temp_dir().join(format!("tarikh-automaton-test-{}", std::process::id()));
        let g = crate::Grammar::embedded().unwrap();
        let (nfa, pattern_rule) = all_rules_nfa(&g);
        let source = (PathBuf::from("rules/a.toml"), String::from("x = 1"));
        let file = AutomatonFile::new(&dir.join("grammar-0.bin"), "built-in", &[&source]);
        assert!(file.read(g.rules.len()).is_none(), "no file yet");
        file.write(&nfa, &pattern_rule);
        let (back, _) = file.read(g.rules.len()).expect("the file just written");
        assert_eq!(format!("{back:?}"), format!("{nfa:?}"));
        let edited = (PathBuf::from("rules/a.toml"), String::from("x = 2"));
        assert!(AutomatonFile::new(&dir.join("grammar-0.bin"), "built-in", &[&edited]).read(g.rules.len()).is_none(), "an edited grammar file");
        assert!(AutomatonFile::new(&dir.join("grammar-0.bin"), "other", &[&source]).read(g.rules.len()).is_none(), "another grammar");
        let mut bytes = std::fs::read(file.path()).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 1;
        std::fs::write(file.path(), &bytes).unwrap();
        assert!(file.read(g.rules.len()).is_none(), "a flipped bit fails the checksum");
        assert_ne!(checksum(b"abcdefgh12345678"), checksum(b"abcdefgh12345679"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_grammar_loaded_through_the_cache_finds_the_same_with_the_automaton_read_back() {
        let dir = std::env::temp_dir().join(format!("tarikh-automaton-find-{}", std::process::id()));
        let cache = crate::AnalysisCache::new(&dir);
        let text = tarikh_text::normalise(&"وصل الوفد مساء الجمعة 5 مايو/أيار 2017 ثم غادر بعد ثلاثة أيام، وقال إن الاجتماع المقبل في 12 يونيو. ".repeat(6));
        let first = crate::Grammar::embedded_cached(Some(&cache), &mut |w| panic!("{w}")).unwrap();
        let file = first.automaton_file.clone().expect("a grammar loaded through a cache has an automaton file");
        assert!(file.read(first.rules.len()).is_none());
        let built = first.find(&text);
        assert!(file.read(first.rules.len()).is_some(), "written when first built");
        let second = crate::Grammar::embedded_cached(Some(&cache), &mut |w| panic!("{w}")).unwrap();
        assert_eq!(second.find(&text), built);
        assert!(built.len() >= 6, "{built:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Every rule's anchored engine's NFA and `\b` filter's NFA, as the rules compile them.
    fn rule_nfas(g: &crate::Grammar) -> Vec<(usize, NFA, Option<NFA>)> {
        g.rules
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| {
                let hir = rule.anchored_hir(g)?;
                let nfa = crate::anchored::AnchoredRegex::compile_nfa(&hir).unwrap();
                let filter = rule.word_boundary().then(|| crate::prefilter::filter_nfa_owned(hir)).flatten();
                Some((i, nfa, filter))
            })
            .collect()
    }

    fn same_nfa(back: &NFA, nfa: &NFA, what: &str) {
        assert_eq!(format!("{back:?}"), format!("{nfa:?}"), "{what}");
        assert_eq!(format!("{:?}", back.byte_classes()), format!("{:?}", nfa.byte_classes()), "{what}");
        // (GroupInfo's `Debug` prints a hash map, in an order that changes from map to map.)
        let groups = |n: &NFA| {
            let g = n.group_info();
            let per_pattern = n.patterns().map(|p| (0..g.group_len(p)).map(|i| (g.slots(p, i), g.to_name(p, i).map(|name| (name.to_owned(), g.to_index(p, name))))).collect::<Vec<_>>()).collect::<Vec<_>>();
            (g.slot_len(), g.implicit_slot_len(), g.all_group_len(), per_pattern)
        };
        assert_eq!(groups(back), groups(nfa), "{what}");
        let names = |n: &NFA| n.patterns().map(|p| n.group_info().pattern_names(p).map(|x| x.map(str::to_owned)).collect::<Vec<_>>()).collect::<Vec<_>>();
        assert_eq!(names(back), names(nfa), "{what}");
        assert_eq!((back.look_set_any(), back.look_set_prefix_any(), back.has_empty(), back.is_utf8(), back.is_always_start_anchored(), back.has_capture()), (nfa.look_set_any(), nfa.look_set_prefix_any(), nfa.has_empty(), nfa.is_utf8(), nfa.is_always_start_anchored(), nfa.has_capture()), "{what}");
    }

    #[test]
    fn every_rules_engine_read_back_is_the_one_compiled() {
        // Every rule of the grammar: its engine's NFA (capture groups and their names included)
        // and its `\b` filter's, written and read back, are the NFAs compiled.
        let g = crate::Grammar::embedded().unwrap();
        let nfas = rule_nfas(&g);
        assert!(nfas.len() * 10 >= g.rules.len() * 9, "{} of {} rules have a skeleton", nfas.len(), g.rules.len());
        let mut filters = 0;
        for (i, nfa, filter) in &nfas {
            let name = &g.rules[*i].name;
            for (nfa, what) in std::iter::once((nfa, "engine")).chain(filter.as_ref().map(|f| (f, "filter"))) {
                let mut bytes = Vec::new();
                encode_nfa(&mut bytes, nfa).unwrap_or_else(|| panic!("rule `{name}`'s {what} has no state the format cannot hold"));
                let mut r = Reader { bytes: &bytes, at: 0 };
                let back = decode_nfa(&mut r).unwrap_or_else(|| panic!("rule `{name}`'s {what} decodes"));
                assert_eq!(r.at, bytes.len());
                same_nfa(&back, nfa, &format!("rule `{name}`'s {what}"));
                assert!(decode_nfa(&mut Reader { bytes: &bytes[..bytes.len() - 1], at: 0 }).is_none(), "rule `{name}`'s {what}, truncated");
            }
            filters += usize::from(filter.is_some());
        }
        assert!(filters > 10, "{filters}");
    }

    #[test]
    fn a_rules_file_is_used_only_for_the_rule_grammar_and_build_it_was_written_for() {
        let dir = std::env::temp_dir().join(format!("tarikh-rule-file-test-{}", std::process::id()));
        let g = crate::Grammar::embedded().unwrap();
        let (i, nfa, filter) = rule_nfas(&g).into_iter().find(|(_, _, f)| f.is_some()).expect("a rule with a `\\b` filter");
        let rule = &g.rules[i];
        let identity = RuleIdentity { index: i, name: &rule.name, source: rule.source(), pattern_len: rule.pattern.len() };
        let source = (PathBuf::from("rules/a.toml"), String::from("x = 1"));
        let file = AutomatonFile::new(&dir.join("grammar-0.bin"), "built-in", &[&source]);
        assert!(file.read_rule(&identity, true).is_none(), "no file yet");
        file.write_rule(&identity, &nfa, filter.as_ref());
        let (back, back_filter) = file.read_rule(&identity, true).expect("the file just written");
        same_nfa(&back, &nfa, "engine");
        same_nfa(&back_filter.expect("its filter"), filter.as_ref().unwrap(), "filter");
        assert!(file.read_rule(&identity, false).expect("the engine alone").1.is_none(), "the filter is read only when asked for");
        let other = RuleIdentity { name: "another", ..identity };
        assert!(file.read_rule(&other, true).is_none(), "another rule at the same index");
        let edited = (PathBuf::from("rules/a.toml"), String::from("x = 2"));
        assert!(AutomatonFile::new(&dir.join("grammar-0.bin"), "built-in", &[&edited]).read_rule(&identity, true).is_none(), "an edited grammar file");
        let path = file.rule_path(i);
        let mut bytes = std::fs::read(&path).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(file.read_rule(&identity, true).is_none(), "a flipped bit fails the checksum");
        std::fs::write(&path, &bytes[..middle]).unwrap();
        assert!(file.read_rule(&identity, true).is_none(), "a truncated file");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn rules_read_back_from_their_files_find_the_same_and_damaged_files_are_rebuilt() {
        let dir = std::env::temp_dir().join(format!("tarikh-rule-files-find-{}", std::process::id()));
        let cache = crate::AnalysisCache::new(&dir);
        let text = tarikh_text::normalise(&"وصل الوفد مساء الجمعة 5 مايو/أيار 2017 ثم غادر بعد ثلاثة أيام، وقال إن الاجتماع المقبل في 12 يونيو الساعة العاشرة صباحا. ".repeat(6));
        let phrase = tarikh_text::normalise("يوم الخميس الماضي");
        let load = || crate::Grammar::embedded_cached(Some(&cache), &mut |w| panic!("{w}")).unwrap();
        let reference = crate::Grammar::embedded().unwrap();
        let (expected, expected_phrase) = (reference.find(&text), reference.find(&phrase));
        let first = load();
        assert_eq!((first.find(&text), first.find(&phrase)), (expected.clone(), expected_phrase.clone()), "compiled, and written");
        let file = first.automaton_file.clone().unwrap();
        let written: Vec<PathBuf> = (0..first.rules.len()).map(|i| file.rule_path(i)).filter(|p| p.exists()).collect();
        assert!(written.len() >= 5, "{written:?}");
        let second = load();
        assert_eq!((second.find(&text), second.find(&phrase)), (expected.clone(), expected_phrase.clone()), "read back");
        assert!(second.rules.iter().any(|r| r.filter_built()), "a `\\b` filter read back");
        // Every file damaged (a flipped byte, or another rule's file in its place): refused,
        // compiled again and rewritten.
        let mut previous = std::fs::read(&written[written.len() - 1]).unwrap();
        for path in &written {
            let bytes = std::fs::read(path).unwrap();
            let mut damaged = bytes.clone();
            let at = damaged.len() / 3;
            damaged[at] ^= 0x40;
            std::fs::write(path, if path.to_string_lossy().ends_with("0.bin") { &previous } else { &damaged }).unwrap();
            previous = bytes;
        }
        let third = load();
        assert_eq!((third.find(&text), third.find(&phrase)), (expected, expected_phrase), "damaged files refused");
        let identity = |i: usize| RuleIdentity { index: i, name: &third.rules[i].name, source: third.rules[i].source(), pattern_len: third.rules[i].pattern.len() };
        let index = |p: &PathBuf| -> usize { p.to_string_lossy().rsplit("rule-").next().unwrap().trim_end_matches(".bin").parse().unwrap() };
        assert!(written.iter().all(|p| file.read_rule(&identity(index(p)), true).is_some()), "rewritten");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
