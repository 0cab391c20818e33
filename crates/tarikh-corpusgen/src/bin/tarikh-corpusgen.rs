//! `tarikh-corpusgen`: write a deterministic Arabic news-like corpus for the benchmarks.
//!
//! ```text
//! tarikh-corpusgen corpus DIR --size 10M [--seed 7]   # DIR/*.txt + DIR/docs.csv
//! tarikh-corpusgen text FILE --size 1M [--seed 7]     # one long text
//! ```
//! The same seed and size give byte-identical output. A corpus folder that already holds a
//! `.done` stamp for the same seed and size is left as it is (so `make bench` generates it once).

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: tarikh-corpusgen corpus DIR --size 10M [--seed N]\n       tarikh-corpusgen text FILE --size 1M [--seed N]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else { return usage() };
    let mut size = None;
    let mut seed = 7u64;
    let mut i = 2;
    while i < args.len() {
        match (args[i].as_str(), args.get(i + 1)) {
            ("--size", Some(v)) => size = tarikh_corpusgen::parse_size(v),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
        i += 2;
    }
    let Some(size) = size else { return usage() };
    let path = PathBuf::from(path);
    match mode.as_str() {
        "corpus" => {
            let stamp = path.join(".done");
            let want = format!("seed={seed} size={size}\n");
            if std::fs::read_to_string(&stamp).is_ok_and(|s| s == want) {
                eprintln!("tarikh-corpusgen: {} is already generated ({})", path.display(), want.trim());
                return ExitCode::SUCCESS;
            }
            if path.exists() {
                let _ = std::fs::remove_dir_all(&path);
            }
            match tarikh_corpusgen::write_corpus(&path, seed, size).and_then(|r| std::fs::write(&stamp, &want).map(|_| r)) {
                Ok((n, bytes)) => {
                    eprintln!("tarikh-corpusgen: wrote {n} articles, {bytes} bytes of text, to {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("tarikh-corpusgen: cannot write {}: {e}", path.display());
                    ExitCode::from(1)
                }
            }
        }
        "text" => match std::fs::write(&path, tarikh_corpusgen::text(seed, size as usize)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("tarikh-corpusgen: cannot write {}: {e}", path.display());
                ExitCode::from(1)
            }
        },
        _ => usage(),
    }
}
