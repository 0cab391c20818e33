//! The analysed grammar, kept on disk between runs, so that a short run (`tarikh parse` of one
//! phrase) does not analyse the whole grammar again.
//!
//! Loading a grammar parses every rule body and works out, for the prefilter, the literal
//! prefixes every match of each rule starts with (prefilter.rs): two thirds of a one-phrase
//! `tarikh parse`. That analysis depends only on the grammar files and on the code that does it,
//! so it is written to a cache file after a full load and read back on the next one.
//!
//! Why a cache can never give a wrong answer:
//! - the file holds the grammar sources it was made from (paths and full text), and is used only
//!   when they are byte for byte the sources being loaded: an edited grammar is analysed again at
//!   once, whatever its timestamps;
//! - it holds the fingerprint of the build that wrote it (this crate's version, its source files
//!   and `Cargo.lock`, see build.rs): another build of tarikh does not read it;
//! - its payload carries a checksum, and decoding checks every count and index against the
//!   grammar; a file that fails any check is reported as broken and analysed again;
//! - it is written to a temporary file and renamed, so a reader never sees half a file.
//!
//! A grammar read from a cache was fully checked when the cache was written (every rule compiled,
//! every file validated), so its rules and contexts are compiled on first use.

use std::path::{Path, PathBuf};

use crate::fnv::{fnv, Fnv};

/// The fingerprint of this build of the grammar code (see build.rs).
const FINGERPRINT: &str = env!("TARIKH_GRAMMAR_FINGERPRINT");

/// The first bytes of a cache file.
const MAGIC: &[u8] = b"tarikh grammar analysis v2\n";

/// Where analysed grammars are kept between runs: one file per grammar and build of tarikh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisCache {
    dir: PathBuf,
}

/// What loading through an [`AnalysisCache`] noticed that a user should know: a cache file that
/// was broken or out of date (analysed again and rewritten), or one that could not be written.
pub type CacheWarning = String;

impl AnalysisCache {
    /// A cache kept in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> AnalysisCache {
        AnalysisCache { dir: dir.into() }
    }

    /// The cache the environment asks for: `$TARIKH_CACHE_DIR`, else `$XDG_CACHE_HOME/tarikh`,
    /// else `$HOME/.cache/tarikh`; `None` when `TARIKH_CACHE_DIR` is set to an empty value or
    /// `off`, or no directory can be named.
    pub fn from_env() -> Option<AnalysisCache> {
        let var = |name: &str| std::env::var_os(name);
        if let Some(dir) = var("TARIKH_CACHE_DIR") {
            if dir.is_empty() || dir == "off" {
                return None;
            }
            return Some(AnalysisCache::new(dir));
        }
        if let Some(xdg) = var("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
            return Some(AnalysisCache::new(PathBuf::from(xdg).join("tarikh")));
        }
        let home = var("HOME").filter(|d| !d.is_empty())?;
        Some(AnalysisCache::new(PathBuf::from(home).join(".cache").join("tarikh")))
    }

    /// The directory the cache files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache file for the grammar known as `label` (the built-in one, or a directory).
    pub(crate) fn file_for(&self, label: &str) -> PathBuf {
        let mut h = Fnv::new();
        h.write(FINGERPRINT.as_bytes());
        h.write(&[0]);
        h.write(label.as_bytes());
        self.dir.join(format!("grammar-{:016x}.bin", h.finish()))
    }
}

/// What the analysis found for one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RuleAnalysis {
    /// The capture group names of its full pattern (`_clitic`, `_body`, then the body's).
    pub(crate) names: Vec<String>,
    /// The groups that take part in every match of its body.
    pub(crate) mandatory: Vec<String>,
    /// Does its body hold a Unicode word boundary?
    pub(crate) word_boundary: bool,
    /// Literal sets every match holds a member of (see `prefilter::required_literals`).
    pub(crate) required: Vec<Vec<Vec<u8>>>,
}

/// The prefilter's literal sets (see prefilter.rs), before its automaton is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PrefilterParts {
    /// Every distinct prefix literal.
    pub(crate) literals: Vec<Vec<u8>>,
    /// For each literal: the rules it is a prefix of.
    pub(crate) literal_rules: Vec<Vec<u32>>,
    /// The rules that can only match at the text's start.
    pub(crate) text_start: Vec<u32>,
    /// Per rule: no usable prefix set, scan the whole text.
    pub(crate) scan_all: Vec<bool>,
}

/// Everything a load works out from the grammar files that is costly and kept in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Analysis {
    /// The grammar files as read from their TOML (see file_defs.rs), so that a load from the
    /// cache does not read the TOML again; empty when they are not kept.
    pub(crate) files: Vec<u8>,
    /// Per rule, in rule order.
    pub(crate) rules: Vec<RuleAnalysis>,
    /// Per context, in order: the capture group names of its left then right pattern.
    pub(crate) contexts: Vec<Vec<String>>,
    /// Per context, in order: the literal checks of its left and right side.
    pub(crate) context_sides: Vec<[SideAnalysis; 2]>,
    /// The prefilter's literal sets.
    pub(crate) prefilter: PrefilterParts,
}

/// The literal checks of one side of a context (see `Context::admits` in load.rs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SideAnalysis {
    /// The literals its body must end (left) or start (right) with; `None` without a sound check.
    pub(crate) edge: Option<Vec<Vec<u8>>>,
    /// Literal sets every match of its body holds a member of each of.
    pub(crate) required: Vec<Vec<Vec<u8>>>,
}

/// Why a cache file was not used.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Miss {
    /// There is no such file (the first run, or the cache was cleared).
    Absent,
    /// The file was made from other grammar files (the grammar was edited).
    Stale,
    /// The file cannot be trusted: why.
    Broken(String),
}

/// The analysis stored in `file` for exactly these `sources` (sorted by path), or why not.
pub(crate) fn read(file: &Path, sources: &[&(PathBuf, String)]) -> Result<Analysis, Miss> {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Miss::Absent),
        Err(e) => return Err(Miss::Broken(format!("cannot read it: {e}"))),
    };
    let mut r = Reader { bytes: &bytes, at: 0 };
    let broken = |what: &str| Miss::Broken(format!("{what} (the file is damaged or was written by something else)"));
    if r.take(MAGIC.len()).ok_or_else(|| broken("too short"))? != MAGIC {
        return Err(broken("it does not start as a tarikh grammar cache"));
    }
    let fingerprint = r.bytes_field().ok_or_else(|| broken("truncated"))?;
    if fingerprint != FINGERPRINT.as_bytes() {
        return Err(Miss::Stale);
    }
    let n = r.u32().ok_or_else(|| broken("truncated"))? as usize;
    if n != sources.len() {
        return Err(Miss::Stale);
    }
    for (path, text) in sources {
        let p = r.bytes_field().ok_or_else(|| broken("truncated"))?;
        let t = r.bytes_field().ok_or_else(|| broken("truncated"))?;
        if p != path.to_string_lossy().as_bytes() || t != text.as_bytes() {
            return Err(Miss::Stale);
        }
    }
    let payload = r.bytes_field().ok_or_else(|| broken("truncated"))?;
    let sum = r.u64().ok_or_else(|| broken("truncated"))?;
    if r.at != bytes.len() {
        return Err(broken("it has bytes after its end"));
    }
    if fnv(payload) != sum {
        return Err(broken("its checksum does not match"));
    }
    decode(payload).ok_or_else(|| broken("its analysis does not decode"))
}

/// Write `analysis` of `sources` (sorted by path) to `file`, atomically (a temporary file renamed).
pub(crate) fn write(file: &Path, sources: &[&(PathBuf, String)], analysis: &Analysis) -> std::io::Result<()> {
    let mut out = Vec::with_capacity(sources.iter().map(|(p, t)| p.as_os_str().len() + t.len() + 8).sum::<usize>() + 256 * 1024);
    out.extend_from_slice(MAGIC);
    put_bytes(&mut out, FINGERPRINT.as_bytes());
    put_u32(&mut out, sources.len());
    for (path, text) in sources {
        put_bytes(&mut out, path.to_string_lossy().as_bytes());
        put_bytes(&mut out, text.as_bytes());
    }
    let payload = encode(analysis);
    put_bytes(&mut out, &payload);
    out.extend_from_slice(&fnv(&payload).to_le_bytes());
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{}.{}.tmp", file.file_name().and_then(|n| n.to_str()).unwrap_or("grammar"), std::process::id()));
    std::fs::write(&tmp, &out)?;
    std::fs::rename(&tmp, file).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    prune_stale(dir, file);
    Ok(())
}

/// How long a cache file written by another build or for another grammar is kept: each build of
/// tarikh writes its own file, and nothing else would ever remove the old ones.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// Remove the cache files in `dir` other than `keep` that were last written over [`STALE_AFTER`]
/// ago (a file still in use is only re-analysed once if removed). Best effort: errors are ignored.
fn prune_stale(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path == keep || !name.starts_with("grammar-") || !name.ends_with(".bin") {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).expect("grammar sizes fit in 32 bits").to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_u32(out, b.len());
    out.extend_from_slice(b);
}

fn put_strings(out: &mut Vec<u8>, v: &[String]) {
    put_u32(out, v.len());
    v.iter().for_each(|s| put_bytes(out, s.as_bytes()));
}

fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    put_u32(out, v.len());
    v.iter().for_each(|&x| put_u32(out, x as usize));
}

fn put_literals(out: &mut Vec<u8>, literals: &[Vec<u8>]) {
    put_u32(out, literals.len());
    literals.iter().for_each(|lit| put_bytes(out, lit));
}

fn put_sets(out: &mut Vec<u8>, sets: &[Vec<Vec<u8>>]) {
    put_u32(out, sets.len());
    sets.iter().for_each(|set| put_literals(out, set));
}

fn encode(a: &Analysis) -> Vec<u8> {
    let mut out = Vec::new();
    put_u32(&mut out, a.rules.len());
    for r in &a.rules {
        put_strings(&mut out, &r.names);
        put_strings(&mut out, &r.mandatory);
        out.push(u8::from(r.word_boundary));
        put_sets(&mut out, &r.required);
    }
    put_u32(&mut out, a.contexts.len());
    a.contexts.iter().for_each(|names| put_strings(&mut out, names));
    put_u32(&mut out, a.context_sides.len());
    for side in a.context_sides.iter().flatten() {
        match &side.edge {
            None => out.push(0),
            Some(literals) => {
                out.push(1);
                put_literals(&mut out, literals);
            }
        }
        put_sets(&mut out, &side.required);
    }
    let p = &a.prefilter;
    put_u32(&mut out, p.literals.len());
    for (lit, rules) in p.literals.iter().zip(&p.literal_rules) {
        put_bytes(&mut out, lit);
        put_u32s(&mut out, rules);
    }
    put_u32s(&mut out, &p.text_start);
    put_u32(&mut out, p.scan_all.len());
    out.extend(p.scan_all.iter().map(|&s| u8::from(s)));
    put_bytes(&mut out, &a.files);
    out
}

/// The analysis in `payload`, checked for consistency (`None` if any count or index is off).
fn decode(payload: &[u8]) -> Option<Analysis> {
    let mut r = Reader { bytes: payload, at: 0 };
    let nrules = r.u32()? as usize;
    let mut rules = Vec::with_capacity(nrules.min(payload.len()));
    for _ in 0..nrules {
        let names = r.strings()?;
        let mandatory = r.strings()?;
        let word_boundary = match r.take(1)?[0] {
            0 => false,
            1 => true,
            _ => return None,
        };
        let required = r.sets()?;
        if names.len() < 2 || names[0] != "_clitic" || names[1] != "_body" {
            return None;
        }
        rules.push(RuleAnalysis { names, mandatory, word_boundary, required });
    }
    let ncontexts = r.u32()? as usize;
    let mut contexts = Vec::with_capacity(ncontexts.min(payload.len()));
    for _ in 0..ncontexts {
        contexts.push(r.strings()?);
    }
    let nsides = r.u32()? as usize;
    if nsides != ncontexts {
        return None;
    }
    let mut context_sides = Vec::with_capacity(nsides.min(payload.len()));
    for _ in 0..nsides {
        let mut side = || -> Option<SideAnalysis> {
            let edge = match r.take(1)?[0] {
                0 => None,
                1 => Some(r.literals()?),
                _ => return None,
            };
            Some(SideAnalysis { edge, required: r.sets()? })
        };
        let left = side()?;
        let right = side()?;
        context_sides.push([left, right]);
    }
    let nlits = r.u32()? as usize;
    let (mut literals, mut literal_rules) = (Vec::with_capacity(nlits.min(payload.len())), Vec::with_capacity(nlits.min(payload.len())));
    for _ in 0..nlits {
        let lit = r.bytes_field()?;
        if lit.is_empty() {
            return None;
        }
        literals.push(lit.to_vec());
        literal_rules.push(r.u32s()?);
    }
    let text_start = r.u32s()?;
    let n = r.u32()? as usize;
    let scan_all: Vec<bool> = r.take(n)?.iter().map(|&b| (b <= 1).then_some(b == 1)).collect::<Option<_>>()?;
    let files = r.bytes_field()?.to_vec();
    let in_range = |v: &[u32]| v.iter().all(|&x| (x as usize) < nrules);
    // The prefilter looks literals up by binary search: they must be sorted and distinct.
    if !literals.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    if r.at != payload.len() || scan_all.len() != nrules || !literal_rules.iter().all(|v| in_range(v)) || !in_range(&text_start) {
        return None;
    }
    Some(Analysis { files, rules, contexts, context_sides, prefilter: PrefilterParts { literals, literal_rules, text_start, scan_all } })
}

/// A cursor over cache bytes: every read checks the bounds and gives `None` past the end, so a
/// damaged file is refused, never trusted (also used by file_defs.rs for the grammar files).
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let piece = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(piece)
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A count of items that each take at least one byte (so a damaged count fails fast).
    pub(crate) fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn bytes_field(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.bytes_field().and_then(|b| std::str::from_utf8(b).ok()).map(str::to_string)).collect()
    }

    /// A non-empty list of non-empty literals.
    fn literals(&mut self) -> Option<Vec<Vec<u8>>> {
        let n = self.u32()? as usize;
        let set: Vec<Vec<u8>> = (0..n).map(|_| self.bytes_field().map(<[u8]>::to_vec)).collect::<Option<_>>()?;
        (!set.is_empty() && set.iter().all(|l| !l.is_empty())).then_some(set)
    }

    /// Required literal sets (see `prefilter::required_literals`).
    fn sets(&mut self) -> Option<Vec<Vec<Vec<u8>>>> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.literals()).collect()
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        let raw = self.take(n.checked_mul(4)?)?;
        Some(raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        Analysis {
            files: b"files".to_vec(),
            rules: vec![RuleAnalysis { names: vec!["_clitic".into(), "_body".into(), "day".into()], mandatory: vec!["day".into()], word_boundary: true, required: vec![vec![b"abc".to_vec()]] }],
            contexts: vec![vec!["_ctx".into()]],
            context_sides: vec![[SideAnalysis { edge: Some(vec![b"x".to_vec()]), required: vec![vec![b"y".to_vec()]] }, SideAnalysis { edge: None, required: vec![] }]],
            prefilter: PrefilterParts { literals: vec![b"abc".to_vec()], literal_rules: vec![vec![0]], text_start: vec![], scan_all: vec![false] },
        }
    }

    #[test]
    fn an_analysis_reads_back_as_written() {
        let a = sample();
        assert_eq!(decode(&encode(&a)), Some(a));
    }

    #[test]
    fn a_cache_is_used_only_for_its_own_sources_and_never_when_damaged() {
        let dir = std::env::temp_dir().join(format!("tarikh-cache-test-{}", std::process::id()));
        let file = AnalysisCache::new(&dir).file_for("test");
        let sources = [(PathBuf::from("a.toml"), "x = 1\n".to_string())];
        let refs: Vec<&(PathBuf, String)> = sources.iter().collect();
        assert_eq!(read(&file, &refs), Err(Miss::Absent));
        write(&file, &refs, &sample()).unwrap();
        assert_eq!(read(&file, &refs), Ok(sample()));
        // An edited file is another grammar.
        let edited = [(PathBuf::from("a.toml"), "x = 2\n".to_string())];
        assert_eq!(read(&file, &edited.iter().collect::<Vec<_>>()), Err(Miss::Stale));
        // Every single flipped byte and every truncation is noticed (or makes the sources differ).
        let good = std::fs::read(&file).unwrap();
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x55;
            std::fs::write(&file, &bad).unwrap();
            assert!(read(&file, &refs).is_err(), "byte {i} flipped");
            std::fs::write(&file, &good[..i]).unwrap();
            assert!(read(&file, &refs).is_err(), "cut at {i}");
        }
        // A rule index out of range does not decode, whatever the checksum says.
        let mut wrong = sample();
        wrong.prefilter.literal_rules = vec![vec![7]];
        assert_eq!(decode(&encode(&wrong)), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn writing_a_cache_file_removes_stale_ones_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("tarikh-cache-prune-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let aged = |name: &str, age_days: u64| {
            let path = dir.join(name);
            let f = std::fs::File::create(&path).unwrap();
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(age_days * 24 * 3600)).unwrap();
            path
        };
        let stale = aged("grammar-0000000000000001.bin", 40);
        let recent = aged("grammar-0000000000000002.bin", 3);
        let other = aged("notes.txt", 400);
        let file = AnalysisCache::new(&dir).file_for("test");
        let sources = [(PathBuf::from("a.toml"), "x = 1\n".to_string())];
        write(&file, &sources.iter().collect::<Vec<_>>(), &sample()).unwrap();
        assert!(!stale.exists() && recent.exists() && other.exists() && file.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
