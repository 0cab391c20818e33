//! Reading the corpus: a folder of `.txt` articles with an optional `docs.csv`, or a JSONL stream.

use anyhow::{bail, Context, Result};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One input article and what its metadata says.
#[derive(Debug, Clone)]
pub struct InputDoc {
    /// Document id.
    pub id: String,
    /// Where it came from (file path, or `stdin:LINE`), for messages.
    pub origin: String,
    /// The text, or the reason it could not be read.
    pub text: Result<String, String>,
    /// Publication day from metadata.
    pub published: Option<NaiveDate>,
    /// Publication time from metadata.
    pub published_time: Option<NaiveTime>,
    /// Story zone from metadata.
    pub timezone: Option<chrono_tz::Tz>,
    /// A problem with this document's metadata row, reported but not fatal.
    pub metadata_warning: Option<String>,
}

/// Parse a publication date: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` with an optional offset.
pub fn parse_datetime(s: &str) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok((d, None));
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok((dt.date_naive(), Some(dt.time())));
    }
    for f in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Ok((dt.date(), Some(dt.time())));
        }
    }
    for f in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%:z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(dt) = chrono::DateTime::parse_from_str(s, f) {
            return Ok((dt.date_naive(), Some(dt.time())));
        }
    }
    Err(format!("expected a date like 2017-05-06 or 2017-05-06T10:00:00+02:00, but found `{s}`"))
}

/// Read a text file as UTF-8, stripping a leading byte-order mark. Errors say where the bad byte is.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes).to_vec();
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("`{}` is not valid UTF-8: invalid byte at offset {at} (line {line}); save the file as UTF-8", path.display())
    })
}

#[derive(Debug, serde::Deserialize)]
struct DocRow {
    doc: String,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
}

/// Read a corpus folder: every `*.txt` file, with metadata from `docs` (default `DIR/docs.csv`).
pub fn read_corpus(dir: &Path, docs_csv: Option<&Path>) -> Result<Vec<InputDoc>> {
    if !dir.is_dir() {
        bail!("`{}` is not a folder; give the folder that holds the articles (e.g. data/corpus)", dir.display());
    }
    let meta_path = docs_csv.map(Path::to_path_buf).unwrap_or_else(|| dir.join("docs.csv"));
    let mut by_file: BTreeMap<String, DocRow> = BTreeMap::new();
    let mut row_problems: BTreeMap<String, String> = BTreeMap::new();
    if meta_path.exists() {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(&meta_path).with_context(|| format!("cannot read `{}`", meta_path.display()))?;
        let headers = rdr.headers().with_context(|| format!("`{}` has no header row; it needs `doc,file,published_at`", meta_path.display()))?.clone();
        if !headers.iter().any(|h| h == "doc") {
            bail!("`{}` has no `doc` column; the header must start with `doc,file,published_at`", meta_path.display());
        }
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("warning: `{}` line {line}: {e}; row skipped", meta_path.display());
                    continue;
                }
            };
            let row: DocRow = match rec.deserialize(Some(&headers)) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("warning: `{}` line {line}: {e}; row skipped", meta_path.display());
                    continue;
                }
            };
            let file = row.file.clone().filter(|f| !f.is_empty()).unwrap_or_else(|| format!("{}.txt", row.doc));
            if let Some(p) = &row.published_at {
                if !p.trim().is_empty() {
                    if let Err(e) = parse_datetime(p) {
                        row_problems.insert(file.clone(), format!("`{}` line {line}: published_at {e}; the date will be inferred from the text", meta_path.display()));
                    }
                }
            }
            by_file.insert(file, row);
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list `{}`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let stem = path.file_stem().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let row = by_file.get(&name);
        let (published, published_time) = row
            .and_then(|r| r.published_at.as_deref())
            .and_then(|p| parse_datetime(p).ok())
            .map(|(d, t)| (Some(d), t))
            .unwrap_or((None, None));
        let mut metadata_warning = row_problems.get(&name).cloned();
        let timezone = match row.and_then(|r| r.timezone.as_deref()).filter(|t| !t.trim().is_empty()) {
            Some(tz) => match tz.trim().parse::<chrono_tz::Tz>() {
                Ok(z) => Some(z),
                Err(_) => {
                    metadata_warning = Some(format!("`{}`: unknown time zone `{tz}` for {name}; use an IANA name such as Europe/Paris", meta_path.display()));
                    None
                }
            },
            None => None,
        };
        docs.push(InputDoc {
            id: row.map(|r| r.doc.clone()).unwrap_or(stem),
            origin: path.display().to_string(),
            text: read_text(&path),
            published,
            published_time,
            timezone,
            metadata_warning,
        });
    }
    for file in by_file.keys() {
        if !dir.join(file).exists() {
            eprintln!("warning: `{}` lists `{file}`, which is not in `{}`", meta_path.display(), dir.display());
        }
    }
    Ok(docs)
}

#[derive(Debug, serde::Deserialize)]
struct JsonDoc {
    id: String,
    text: String,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
}

/// Parse one JSONL line `{"id","text","published_at"}` into an input document.
pub fn parse_json_doc(line: &str, origin: &str) -> Result<InputDoc, String> {
    let d: JsonDoc = serde_json::from_str(line).map_err(|e| format!("{origin}: not a JSON object with `id` and `text`: {e}"))?;
    let mut warning = None;
    let (published, published_time) = match d.published_at.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => match parse_datetime(p) {
            Ok((d, t)) => (Some(d), t),
            Err(e) => {
                warning = Some(format!("{origin}: published_at {e}; the date will be inferred from the text"));
                (None, None)
            }
        },
        None => (None, None),
    };
    let timezone = d.timezone.as_deref().and_then(|t| t.parse::<chrono_tz::Tz>().ok());
    Ok(InputDoc { id: d.id, origin: origin.to_string(), text: Ok(d.text), published, published_time, timezone, metadata_warning: warning })
}
