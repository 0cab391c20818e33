//! Embeds every grammar file under data/grammar/ar into the library, so the binary works anywhere.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            let rel = p.strip_prefix(base).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, p.clone()));
        }
    }
}

/// 64-bit FNV-1a, shared with the analysis cache (cache.rs).
#[path = "src/fnv.rs"]
#[allow(dead_code)]
mod fnv;
use fnv::Fnv;

/// The fingerprint of this build of the grammar code, for the analysis cache (cache.rs): a cache
/// written by another version, other code of this crate or other dependencies is never read.
fn fingerprint(manifest: &Path) -> String {
    let mut h = Fnv::new();
    let mut sources = Vec::new();
    let src = manifest.join("src");
    println!("cargo:rerun-if-changed={}", src.display());
    for entry in std::fs::read_dir(&src).expect("read src/").flatten() {
        sources.push(entry.path());
    }
    sources.push(manifest.join("build.rs"));
    sources.push(manifest.join("../../Cargo.lock"));
    sources.sort();
    for path in &sources {
        println!("cargo:rerun-if-changed={}", path.display());
        h.write(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        h.write(&std::fs::read(path).unwrap_or_default());
    }
    format!("{} {:016x}", std::env::var("CARGO_PKG_VERSION").unwrap_or_default(), h.finish())
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rustc-env=TARIKH_GRAMMAR_FINGERPRINT={}", fingerprint(&manifest));
    let dir = manifest.join("../../data/grammar/ar");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(&dir, &dir, &mut files);
    let mut code = String::from("/// The default grammar files: (path relative to data/grammar/ar, contents).\npub static FILES: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let abs = path.canonicalize().unwrap_or(path.clone());
        code.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    code.push_str("];\n");
    // The embedded grammar's name in the analysis cache (cache.rs): its files' hash, so that two
    // builds with different grammars never share a cache file.
    let mut grammar_hash = Fnv::new();
    for (rel, path) in &files {
        grammar_hash.write(rel.as_bytes());
        grammar_hash.write(&std::fs::read(path).expect("read a grammar file"));
    }
    code.push_str(&format!("/// A hash of the embedded grammar files (their cache label).\npub const HASH: u64 = {:#x};\n", grammar_hash.finish()));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(out, code).expect("write embedded grammar list");
}
