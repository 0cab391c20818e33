//! Reading the corpus: a folder of `.txt` articles with an optional `docs.csv`, or a JSONL stream.

use anyhow::{bail, Context, Result};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One input article and what its metadata says.
#[derive(Debug, Clone)]
pub struct InputDoc {
    /// Document id.
    pub id: String,
    /// Where it came from (file path, or `stdin:LINE`), for messages.
    pub origin: String,
    /// The text, or the reason it could not be read. Empty once released
    /// ([`InputDoc::release_text`]): read it with [`InputDoc::contents`], which reads it again.
    pub text: Result<String, String>,
    /// The file the text was read from (`None` for a JSON line or a text given in memory).
    pub file: Option<PathBuf>,
    /// What the text was when it was let go, so that it is read again from `file` only if the
    /// file still holds the same text (`None` while the text is held).
    pub released: Option<Fingerprint>,
    /// Publication day from metadata.
    pub published: Option<NaiveDate>,
    /// Publication time from metadata.
    pub published_time: Option<NaiveTime>,
    /// Story zone from metadata.
    pub timezone: Option<chrono_tz::Tz>,
    /// Country of the outlet, from metadata (docs.csv `country`), when given.
    pub country: Option<String>,
    /// A problem with this document's metadata row, reported but not fatal.
    pub metadata_warning: Option<String>,
}

/// The length and a hash of a text read from a file: reading the file again tells whether it still
/// holds the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    bytes: usize,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `text` (SipHash with fixed keys: the same text gives the same one).
    pub fn of(text: &str) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        Fingerprint { bytes: text.len(), hash: hasher.finish() }
    }
}

impl InputDoc {
    /// The document's text: the one held, or the one its file holds again after
    /// [`InputDoc::release_text`] — an error naming the file if it can no longer be read or no longer
    /// holds the text read at first (what was worked out from that text would not fit it).
    pub fn contents(&self) -> Result<Cow<'_, str>, String> {
        let (Some(path), Some(was)) = (&self.file, self.released) else {
            return self.text.as_deref().map(Cow::Borrowed).map_err(Clone::clone);
        };
        let text = read_text(path)?;
        if Fingerprint::of(&text) != was {
            return Err(format!(
                "`{}` changed while tarikh was running ({} bytes when the folder was read, {} now): its story and publication day were worked out from the earlier text; run again once nothing writes to the folder",
                path.display(),
                was.bytes,
                text.len()
            ));
        }
        Ok(Cow::Owned(text))
    }

    /// Let go of the text of a document read from a file, keeping its fingerprint: a long run then
    /// holds the texts of the documents it is working on, not those of the whole folder. A text not
    /// read from a file, or that could not be read, is kept.
    pub fn release_text(&mut self) {
        if self.file.is_none() || self.released.is_some() {
            return;
        }
        if let Ok(text) = &mut self.text {
            self.released = Some(Fingerprint::of(text));
            *text = String::new();
        }
    }
}

/// The day `s` names when it is exactly `YYYY-MM-DD` (ten bytes, digits and two dashes) and
/// that day exists: what `NaiveDate::parse_from_str(s, "%Y-%m-%d")` gives such a string.
fn plain_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')));
    NaiveDate::from_ymd_opt(i32::try_from(number(0..4)?).ok()?, number(5..7)?, number(8..10)?)
}

/// Parse a publication date: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` with an optional offset.
/// Years 1 to 9999 only (what ISO 8601 writes with four digits).
pub fn parse_datetime(s: &str) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let (d, t) = parse_datetime_any_year(s)?;
    if !(1..=9999).contains(&d.year()) {
        return Err(format!("year {} in `{}` is out of range: expected a year from 1 to 9999", d.year(), s.trim()));
    }
    Ok((d, t))
}

fn parse_datetime_any_year(s: &str) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let s = s.trim();
    // Most publication dates are a plain YYYY-MM-DD: read off their bytes, without chrono's
    // format parser (what follows reads every other shape, and a day that does not exist).
    if let Some(d) = plain_day(s) {
        return Ok((d, None));
    }
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
    // 06/05/2017, 6.5.2017, 06-05-2017: ambiguous (day or month first), so not guessed; say how to write it.
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if parts.len() == 3 && parts[2].len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
        let (a, b, y) = (parts[0].parse::<u32>().unwrap_or(0), parts[1].parse::<u32>().unwrap_or(0), parts[2].parse::<i32>().unwrap_or(0));
        let day_first = NaiveDate::from_ymd_opt(y, b, a).map(|d| format!("{} if day first", d.format("%Y-%m-%d")));
        let month_first = NaiveDate::from_ymd_opt(y, a, b).filter(|_| a != b).map(|d| format!("{} if month first", d.format("%Y-%m-%d")));
        let readings: Vec<String> = day_first.into_iter().chain(month_first).collect();
        if !readings.is_empty() {
            return Err(format!("`{s}` is not in the YYYY-MM-DD format (write {})", readings.join(", or ")));
        }
    }
    Err(format!("expected a date like 2017-05-06 or 2017-05-06T10:00:00+02:00, but found `{s}`"))
}

/// Read a text file as UTF-8. Errors name the file and say where the problem is.
///
/// A leading byte-order mark is *kept* in the text: offsets (`start`, `end`) count it, so they index
/// the file's characters exactly as Python's `open(path, encoding="utf-8").read()` returns them (the
/// BOM is invisible to matching: normalisation drops U+FEFF). A file larger than
/// [`crate::process::MAX_DOC_BYTES`] is refused before it is read, with a message saying to split it.
pub fn read_text(path: &Path) -> Result<String, String> {
    let limit = crate::process::MAX_DOC_BYTES;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > limit as u64 {
            return Err(too_large(&path.display().to_string(), meta.len()));
        }
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    if bytes.len() > limit {
        return Err(too_large(&path.display().to_string(), bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, column) = line_and_column(&e.as_bytes()[..at]);
        format!(
            "`{}` is not valid UTF-8: invalid byte 0x{:02X} at byte offset {at} (line {line}, column {column}); {}",
            path.display(),
            e.as_bytes()[at],
            encoding_advice(e.as_bytes(), path)
        )
    })?;
    if let Some(problem) = binary_content(&path.display().to_string(), &text) {
        return Err(problem);
    }
    Ok(text)
}

/// What to do with a file that is not UTF-8, naming the encoding it most likely is: Arabic text
/// saved as UTF-16 (a byte-order mark FF FE or FE FF) or in the Windows Arabic code page 1256
/// (most bytes of its letters in C1–FE, which no UTF-8 text has alone), with the command that
/// converts it.
fn encoding_advice(bytes: &[u8], path: &Path) -> String {
    let name = path.display();
    let guess = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some("UTF-16LE")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16BE")
    } else {
        let high = bytes.iter().filter(|&&b| b >= 0x80).count();
        let arabic_1256 = bytes.iter().filter(|&&b| (0xC1..=0xFE).contains(&b)).count();
        (high > 0 && arabic_1256 * 10 >= high * 8).then_some("WINDOWS-1256")
    };
    match guess {
        Some(enc) => format!("it looks like {enc} text: convert it with `iconv -f {enc} -t UTF-8 '{name}' > converted.txt` (or save it as UTF-8)"),
        None => "save the file as UTF-8".into(),
    }
}

/// The message for a document over the size limit.
pub fn too_large(origin: &str, bytes: u64) -> String {
    format!(
        "`{origin}` is {bytes} bytes, more than the {} byte (MAX_DOC_BYTES) limit for one document; split it into smaller articles",
        crate::process::MAX_DOC_BYTES
    )
}

/// Line (1-based) and column (1-based, in characters) just after `before`.
fn line_and_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

/// A NUL character means a binary file (or UTF-16), not an article: say so, and where.
pub fn binary_content(origin: &str, text: &str) -> Option<String> {
    // (memchr looks at many bytes a step; NUL is never part of a longer UTF-8 char)
    let at = memchr::memchr(0, text.as_bytes())?;
    let (line, column) = line_and_column(&text.as_bytes()[..at]);
    let nuls = text.bytes().filter(|&b| b == 0).count();
    let hint = if text.len() >= 8 && at <= 1 && nuls * 3 >= text.len() { " (UTF-16 text? save it as UTF-8)" } else { "" };
    Some(format!("`{origin}` contains a NUL byte at byte offset {at} (line {line}, column {column}): it looks like a binary file, not an article{hint}"))
}

/// The fields of one CSV line separated by `delimiter` (quotes honoured; an unclosed quote runs to
/// the end of the line).
fn csv_line(line: &str, delimiter: u8) -> Vec<String> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(line.as_bytes());
    let mut rec = csv::StringRecord::new();
    match rdr.read_record(&mut rec) {
        Ok(true) => rec.iter().map(String::from).collect(),
        _ => vec![line.to_string()],
    }
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
    #[serde(default)]
    country: Option<String>,
}

/// The rows of a `docs.csv`, by file name, with the problems found in each row.
#[derive(Debug, Default)]
pub struct Metadata {
    /// Where the rows came from (for messages).
    path: PathBuf,
    by_file: BTreeMap<String, DocRow>,
    row_problems: BTreeMap<String, String>,
}

impl Metadata {
    /// Reads a `docs.csv` (a missing file is no metadata). Rows that cannot be used are skipped with
    /// a warning naming the line; rows with a problem are kept and the problem is reported with
    /// their document.
    pub fn read(meta_path: &Path) -> Result<Metadata> {
        let mut by_file: BTreeMap<String, DocRow> = BTreeMap::new();
        let mut row_problems: BTreeMap<String, String> = BTreeMap::new();
        if !meta_path.exists() {
            return Ok(Metadata { path: meta_path.to_path_buf(), ..Default::default() });
        }
        // docs.csv is read one physical line at a time: no field of it (id, file name, date, zone)
        // holds a line break, so an unclosed quote spoils its own line only, never the rows after
        // it, and every message gives the real line number.
        let text = read_text(meta_path).map_err(|e| anyhow::anyhow!(e))?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim().is_empty());
        let Some((_, header_line)) = lines.next() else {
            bail!("`{}` is empty; it needs a header row `doc,file,published_at`", meta_path.display());
        };
        // Spreadsheets save "CSV" with `;` where the decimal mark is a comma, or with tabs: the
        // header, whose names hold no separator, tells which.
        let delimiter = [b',', b';', b'\t'].into_iter().find(|&d| header_line.as_bytes().contains(&d)).unwrap_or(b',');
        let headers = csv_line(header_line, delimiter);
        if !headers.iter().any(|h| h.trim() == "doc") {
            bail!("`{}` has no `doc` column (its header is `{}`); the header must start with `doc,file,published_at`", meta_path.display(), header_line.trim());
        }
        let headers = csv::StringRecord::from(headers.iter().map(|h| h.trim()).collect::<Vec<_>>());
        if !headers.iter().any(|h| h == "published_at") {
            eprintln!(
                "warning: `{}` has no `published_at` column (its columns: {}): every publication date will be inferred from the text; name the column of dates `published_at` (YYYY-MM-DD, optionally with THH:MM)",
                meta_path.display(),
                headers.iter().collect::<Vec<_>>().join(", ")
            );
        }
        // the line that first gave each document id and each file
        let mut id_lines: BTreeMap<String, usize> = BTreeMap::new();
        let mut file_lines: BTreeMap<String, usize> = BTreeMap::new();
        for (line, raw) in lines {
            let mut problems = Vec::new();
            if raw.matches('"').count() % 2 == 1 {
                problems.push(format!("`{}` line {line}: a quote `\"` is not closed; the row was read as if it closed at the end of the line", meta_path.display()));
            }
            let rec = csv::StringRecord::from(csv_line(raw, delimiter));
            if rec.len() != headers.len() {
                problems.push(format!("`{}` line {line}: {} fields, but the header has {} ({}); check the commas", meta_path.display(), rec.len(), headers.len(), headers.iter().collect::<Vec<_>>().join(",")));
            }
            let row: DocRow = match rec.deserialize(Some(&headers)) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("warning: `{}` line {line}: {e}; row skipped", meta_path.display());
                    continue;
                }
            };
            if row.doc.trim().is_empty() {
                eprintln!("warning: `{}` line {line}: the `doc` field is empty; row skipped", meta_path.display());
                continue;
            }
            let file = row.file.clone().filter(|f| !f.is_empty()).unwrap_or_else(|| format!("{}.txt", row.doc));
            if let Some(first) = file_lines.get(&file) {
                eprintln!("warning: `{}` line {line}: `{file}` is listed already at line {first}; this row is skipped (one row per file)", meta_path.display());
                continue;
            }
            if let Some(first) = id_lines.get(&row.doc) {
                bail!(
                    "`{}` line {line}: the document id `{}` is given already at line {first}; every document needs its own id (the outputs name documents by id), so give this one another",
                    meta_path.display(),
                    row.doc
                );
            }
            id_lines.insert(row.doc.clone(), line);
            file_lines.insert(file.clone(), line);
            if let Some(p) = &row.published_at {
                if !p.trim().is_empty() {
                    if let Err(e) = parse_datetime(p) {
                        problems.push(format!("`{}` line {line}: published_at {e}; the date will be inferred from the text", meta_path.display()));
                    }
                }
            }
            if !problems.is_empty() {
                row_problems.insert(file.clone(), problems.join("; "));
            }
            by_file.insert(file, row);
        }
        Ok(Metadata { path: meta_path.to_path_buf(), by_file, row_problems })
    }

    /// The input document for the article at `path`, with what its row says (none: its stem as id
    /// and its date to be inferred).
    pub fn input(&self, path: &Path) -> InputDoc {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let stem = path.file_stem().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let row = self.by_file.get(&name);
        let (published, published_time) = row
            .and_then(|r| r.published_at.as_deref())
            .and_then(|p| parse_datetime(p).ok())
            .map(|(d, t)| (Some(d), t))
            .unwrap_or((None, None));
        let mut metadata_warning = self.row_problems.get(&name).cloned();
        let timezone = match row.and_then(|r| r.timezone.as_deref()).filter(|t| !t.trim().is_empty()) {
            Some(tz) => match tz.trim().parse::<chrono_tz::Tz>() {
                Ok(z) => Some(z),
                Err(_) => {
                    let w = format!("`{}`: unknown time zone `{tz}` for {name}; use an IANA name such as Europe/Paris", self.path.display());
                    metadata_warning = Some(match metadata_warning {
                        Some(before) => format!("{before}; {w}"),
                        None => w,
                    });
                    None
                }
            },
            None => None,
        };
        InputDoc {
            id: row.map(|r| r.doc.clone()).unwrap_or(stem),
            origin: path.display().to_string(),
            text: read_text(path),
            file: Some(path.to_path_buf()),
            released: None,
            published,
            published_time,
            timezone,
            country: row.and_then(|r| r.country.clone()).map(|c| c.trim().to_string()).filter(|c| !c.is_empty()),
            metadata_warning,
        }
    }

    /// Warns about rows naming a file that is not in `dir`.
    fn warn_missing_files(&self, dir: &Path) {
        for file in self.by_file.keys() {
            if !dir.join(file).exists() {
                eprintln!("warning: `{}` lists `{file}`, which is not in `{}`", self.path.display(), dir.display());
            }
        }
    }
}

/// Read a corpus folder: every `*.txt` file, with metadata from `docs` (default `DIR/docs.csv`).
pub fn read_corpus(dir: &Path, docs_csv: Option<&Path>) -> Result<Vec<InputDoc>> {
    read_corpus_folder(dir, docs_csv, false)
}

/// [`read_corpus`] for a long run: each text is checked and let go as soon as it is read
/// ([`InputDoc::release_text`]), and read again when it is needed, so that the folder's texts are
/// never all held at once.
pub fn read_corpus_released(dir: &Path, docs_csv: Option<&Path>) -> Result<Vec<InputDoc>> {
    read_corpus_folder(dir, docs_csv, true)
}

fn read_corpus_folder(dir: &Path, docs_csv: Option<&Path>, release: bool) -> Result<Vec<InputDoc>> {
    if !dir.is_dir() {
        bail!("`{}` is not a folder; give the folder that holds the articles (e.g. data/corpus)", dir.display());
    }
    let meta_path = docs_csv.map(Path::to_path_buf).unwrap_or_else(|| dir.join("docs.csv"));
    let metadata = Metadata::read(&meta_path)?;
    let entries: Vec<PathBuf> = std::fs::read_dir(dir).with_context(|| format!("cannot list `{}`", dir.display()))?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    let (mut files, mut skipped): (Vec<PathBuf>, Vec<PathBuf>) = entries.into_iter().partition(|p| is_article_file(p));
    files.sort();
    skipped.retain(|p| *p != meta_path && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')));
    skipped.sort();
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().take(5).map(|p| format!("`{}`", p.file_name().unwrap_or_default().to_string_lossy())).collect();
        let more = if skipped.len() > 5 { format!(" and {} more", skipped.len() - 5) } else { String::new() };
        eprintln!("warning: {} file(s) of `{}` are not articles and were skipped ({}{more}): tarikh reads the `.txt` files of a folder (UTF-8 text)", skipped.len(), dir.display(), names.join(", "));
    }
    let docs: Vec<InputDoc> = files
        .iter()
        .map(|p| {
            let mut doc = metadata.input(p);
            if release {
                doc.release_text();
            }
            doc
        })
        .collect();
    metadata.warn_missing_files(dir);
    // two files with one id (a row giving a file another file's name as its id) would be one
    // document in every output
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for d in &docs {
        if let Some(first) = seen.insert(&d.id, &d.origin) {
            bail!("`{first}` and `{}` both have the document id `{}` (from their file names or `{}`): every document needs its own id; give one of them another in `{}`", d.origin, d.id, meta_path.display(), meta_path.display());
        }
    }
    Ok(docs)
}

/// Whether a file is an article to read: a `.txt` file, whatever the case of its extension.
fn is_article_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct JsonDoc {
    id: String,
    text: String,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    country: Option<String>,
}

/// Parse one JSONL line `{"id","text","published_at"}` into an input document.
pub fn parse_json_doc(line: &str, origin: &str) -> Result<InputDoc, String> {
    let d: JsonDoc = match json_doc_fast(line) {
        Some(d) => d,
        None => serde_json::from_str(line).map_err(|e| format!("{origin}: not a JSON object with `id` and `text`: {e}"))?,
    };
    Ok(input_doc(&d.id, d.text, d.published_at.as_deref(), d.timezone.as_deref(), d.country.as_deref(), origin))
}

/// [`parse_json_doc`]'s reading of the common line: one object whose values are all strings
/// without a `\u` escape, its keys among [`JsonDoc`]'s, none twice, no control char anywhere;
/// `None` for any other line, which serde_json reads (and explains when it must), so that both
/// give the same document. Each string is found and copied many bytes a step (serde_json reads
/// a string byte by byte into a buffer that grows with each line, then copies it).
fn json_doc_fast(line: &str) -> Option<JsonDoc> {
    let b = line.as_bytes();
    // (JSON forbids a raw control char in a string; white space other than ' ' is left to serde)
    if b.chunks(64).any(|chunk| chunk.iter().fold(false, |any, &c| any | (c < 0x20))) {
        return None;
    }
    let skip_spaces = |mut p: usize| {
        while b.get(p) == Some(&b' ') {
            p += 1;
        }
        p
    };
    let mut p = skip_spaces(0);
    if b.get(p) != Some(&b'{') {
        return None;
    }
    let mut fields: [Option<String>; 5] = Default::default();
    p = skip_spaces(p + 1);
    loop {
        let (key, after) = json_string_at(line, p)?;
        let slot = ["id", "text", "published_at", "timezone", "country"].iter().position(|k| *k == key)?;
        p = skip_spaces(after);
        if b.get(p) != Some(&b':') {
            return None;
        }
        let (value, after) = json_string_at(line, skip_spaces(p + 1))?;
        if fields[slot].replace(value).is_some() {
            return None;
        }
        p = skip_spaces(after);
        match b.get(p) {
            Some(b',') => p = skip_spaces(p + 1),
            Some(b'}') => break,
            _ => return None,
        }
    }
    if skip_spaces(p + 1) != b.len() {
        return None;
    }
    let [id, text, published_at, timezone, country] = fields;
    Some(JsonDoc { id: id?, text: text?, published_at, timezone, country })
}

/// The JSON string that starts at byte `at` of `line` (its `"`), unescaped, and the byte after
/// its closing `"`; `None` if there is none there, or it holds a `\u` escape or an unknown one.
fn json_string_at(line: &str, at: usize) -> Option<(String, usize)> {
    let b = line.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let start = at + 1;
    // Where it ends (an escaped char is skipped: the check of each escape comes below).
    let mut p = start;
    let end = loop {
        p += memchr::memchr2(b'"', b'\\', b.get(p..)?)?;
        if b[p] == b'"' {
            break p;
        }
        p += 2;
    };
    let mut s = String::with_capacity(end - start);
    let mut p = start;
    while let Some(k) = memchr::memchr(b'\\', &b[p..end]) {
        // (`\\` and what follows are ASCII: the cuts are char boundaries)
        s.push_str(line.get(p..p + k)?);
        s.push(match b.get(p + k + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            _ => return None,
        });
        p += k + 2;
    }
    s.push_str(line.get(p..end)?);
    Some((s, end + 1))
}

/// An IANA time zone by name, or a message saying what to write instead.
pub fn parse_timezone(name: &str) -> Result<chrono_tz::Tz, String> {
    name.trim().parse::<chrono_tz::Tz>().map_err(|_| format!("unknown time zone `{}`; use an IANA name such as Europe/Paris or Africa/Algiers", name.trim()))
}

/// An input document from its fields, as a JSONL line, a Python call or a Spark row gives them.
/// Metadata problems do not stop the document, as in `docs.csv`: an unreadable `published_at`
/// leaves the day to be inferred from the text, an unknown zone leaves the default one, and each
/// becomes a warning naming `origin`. Empty strings count as absent.
pub fn input_doc(id: &str, text: String, published_at: Option<&str>, timezone: Option<&str>, country: Option<&str>, origin: &str) -> InputDoc {
    let mut warnings = Vec::new();
    let (published, published_time) = match published_at.filter(|p| !p.trim().is_empty()) {
        Some(p) => match parse_datetime(p) {
            Ok((d, t)) => (Some(d), t),
            Err(e) => {
                warnings.push(format!("{origin}: published_at {e}; the date will be inferred from the text"));
                (None, None)
            }
        },
        None => (None, None),
    };
    let timezone = match timezone.filter(|t| !t.trim().is_empty()) {
        Some(t) => match parse_timezone(t) {
            Ok(z) => Some(z),
            Err(e) => {
                warnings.push(format!("{origin}: {e}"));
                None
            }
        },
        None => None,
    };
    InputDoc {
        id: id.to_string(),
        origin: origin.to_string(),
        text: Ok(text),
        file: None,
        released: None,
        published,
        published_time,
        timezone,
        country: country.map(|c| c.trim().to_string()).filter(|c| !c.is_empty()),
        metadata_warning: (!warnings.is_empty()).then(|| warnings.join("; ")),
    }
}

/// Input documents for `tarikh tag FILE...` with metadata from a docs.csv (read once, whatever
/// the number of files; only the files given are read).
pub fn metadata_for_files(docs_csv: &Path, files: &[PathBuf]) -> Result<Vec<InputDoc>> {
    let metadata = Metadata::read(docs_csv)?;
    Ok(files.iter().map(|f| metadata.input(f)).collect())
}

/// An input document with no metadata (its stem as id, its date inferred).
pub fn bare_input(path: &Path) -> InputDoc {
    InputDoc {
        id: path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default(),
        origin: path.display().to_string(),
        text: read_text(path),
        file: Some(path.to_path_buf()),
        released: None,
        published: None,
        published_time: None,
        timezone: None,
        country: None,
        metadata_warning: None,
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_day_is_read_as_chrono_reads_it() {
        for s in ["2017-05-07", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2023-13-01", "2023-00-10", "2023-1-07", "+2017-05-07", "2017-05-0x", "2017/05/07", "20170-5-07", "2017-05-07T10:00", "١٢٣٤-05-07"] {
            assert_eq!(plain_day(s).ok_or(()), NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| ()).and_then(|d| if s.len() == 10 { Ok(d) } else { Err(()) }), "{s}");
        }
    }

    #[test]
    fn a_file_in_another_encoding_is_named_with_the_command_that_converts_it() {
        let dir = std::env::temp_dir().join(format!("tarikh-corpus-enc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // «أعلن» in Windows-1256, and in UTF-16LE with its byte-order mark
        let cp1256 = dir.join("cp1256.txt");
        std::fs::write(&cp1256, [0xC3, 0xDA, 0xE1, 0xE4, 0x20, 0xC7, 0xE1, 0xD1, 0xC6, 0xED, 0xD3]).unwrap();
        let e = read_text(&cp1256).unwrap_err();
        assert!(e.contains("WINDOWS-1256") && e.contains("iconv -f WINDOWS-1256 -t UTF-8"), "{e}");
        let utf16 = dir.join("utf16.txt");
        std::fs::write(&utf16, [0xFF, 0xFE, 0x23, 0x06, 0x39, 0x06]).unwrap();
        assert!(read_text(&utf16).unwrap_err().contains("UTF-16LE"));
        // a stray bad byte in UTF-8 text is no other encoding
        let stray = dir.join("stray.txt");
        std::fs::write(&stray, [b"\xd8\xa7 ok ".as_slice(), &[0xFF], b" \xd8\xa7".as_slice()].concat()).unwrap();
        let e = read_text(&stray).unwrap_err();
        assert!(e.ends_with("save the file as UTF-8"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_released_text_is_read_again_and_a_changed_file_is_named() {
        let dir = std::env::temp_dir().join(format!("tarikh-corpus-release-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "عقد الاجتماع يوم الخميس").unwrap();
        std::fs::write(dir.join("b.txt"), "وصل الوفد مساء الجمعة").unwrap();
        let held = read_corpus(&dir, None).unwrap();
        let released = read_corpus_released(&dir, None).unwrap();
        assert!(held.iter().all(|d| d.released.is_none()));
        for (h, r) in held.iter().zip(&released) {
            assert_eq!(r.text.as_deref(), Ok(""), "the text is let go");
            assert!(r.released.is_some());
            assert_eq!(h.contents().unwrap(), r.contents().unwrap(), "and read again the same");
        }
        // a file written to after the folder was read: its document says so and names the file
        std::fs::write(dir.join("b.txt"), "وصل الوفد صباح السبت").unwrap();
        let e = released[1].contents().unwrap_err();
        assert!(e.contains("b.txt") && e.contains("changed while tarikh was running") && e.contains("run again"), "{e}");
        std::fs::remove_file(dir.join("a.txt")).unwrap();
        assert!(released[0].contents().unwrap_err().contains("cannot read"));
        // a text not read from a file is kept: there is nothing to read it again from
        let mut line = input_doc("c", "نص".into(), None, None, None, "stdin:1");
        line.release_text();
        assert_eq!((line.released, line.contents().unwrap().as_ref()), (None, "نص"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_document_from_fields_keeps_going_with_warnings() {
        let d = input_doc("a", "نص".into(), Some("06/05/2017"), Some("Mars/Olympus"), Some(" DZ "), "row 3");
        assert_eq!(d.published, None);
        assert_eq!(d.timezone, None);
        assert_eq!(d.country.as_deref(), Some("DZ"));
        let w = d.metadata_warning.unwrap();
        assert!(w.starts_with("row 3: published_at `06/05/2017` is not in the YYYY-MM-DD format"), "{w}");
        assert!(w.contains("; row 3: unknown time zone `Mars/Olympus`; use an IANA name"), "{w}");
        let d = input_doc("b", "نص".into(), Some("2024-04-25T18:30+01:00"), Some("Africa/Algiers"), Some(""), "row 4");
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2024, 4, 25));
        assert_eq!(d.published_time, NaiveTime::from_hms_opt(18, 30, 0));
        assert_eq!(d.timezone, Some(chrono_tz::Africa::Algiers));
        assert_eq!((d.country, d.metadata_warning), (None, None));
    }

    /// The fast reading of a JSON line gives what serde_json gives, or leaves the line to it.
    #[test]
    fn the_fast_json_reading_agrees_with_serde() {
        let lines = [
            r#"{"id":"x","text":"نص","timezone":"Paris"}"#,
            r#" { "id" : "a\"b" , "text" : "س\nص\\ع\/\t\r\b\f" , "published_at" : "2024-01-02" } "#,
            r#"{"text":"","id":"","country":"DZ"}"#,
            r#"{"id":"x","text":"\u0646\u0635"}"#,
            r#"{"id":"x","text":"a","id":"y"}"#,
            r#"{"id":"x","text":"a","extra":1}"#,
            r#"{"id":"x","text":"a","published_at":null}"#,
            r#"{"id":"x","text":"a\x"}"#,
            r#"{"id":"x","text":"a"} x"#,
            r#"{"id":"x","text":"a",}"#,
            r#"{"id":"x"}"#,
            r#"{"id":"x","text":"a"#,
            r#"{"id":"x","text":"a\"#,
            r#"{"id":"x","text":"a	b"}"#,
            "{\"id\":\"x\",\t\"text\":\"a\"}",
            r#"{"id":5,"text":"a"}"#,
            r#"[]"#,
            r#""#,
        ];
        let mut fast = 0;
        for line in lines {
            let serde = serde_json::from_str::<JsonDoc>(line).ok();
            // (a line left to serde is one it reads otherwise: with \u, null, white space
            // other than ' ', a key it ignores, or one it refuses)
            if let Some(d) = json_doc_fast(line) {
                fast += 1;
                assert_eq!(Some(d), serde, "{line}");
            }
        }
        assert_eq!(fast, 3);
        assert_eq!(json_doc_fast(lines[1]).unwrap().id, "a\"b");
        assert_eq!(json_doc_fast(lines[1]).unwrap().text, "س\nص\\ع/\t\r\u{8}\u{c}");
    }

    #[test]
    fn a_json_line_with_an_unknown_zone_says_so() {
        let d = parse_json_doc(r#"{"id":"x","text":"نص","timezone":"Paris"}"#, "stdin line 1").unwrap();
        assert_eq!(d.timezone, None);
        assert!(d.metadata_warning.unwrap().contains("stdin line 1: unknown time zone `Paris`"));
    }
}
