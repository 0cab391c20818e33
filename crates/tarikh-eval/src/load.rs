//! Reading the gold files (`timex.jsonl`, `events.csv`, `relations.csv`, `conflicts.csv`).

use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, FixedOffset};

use crate::{Gold, GoldConflict, GoldEvent, GoldRelation, GoldTimex, SpanRef};

pub(crate) fn load_gold(dir: &Path) -> Result<Gold> {
    if !dir.is_dir() {
        bail!("`{}` is not a folder; give the gold folder that holds timex.jsonl (e.g. data/gold)", dir.display());
    }
    let timex = dir.join("timex.jsonl");
    if !timex.is_file() {
        bail!("`{}` has no timex.jsonl: a gold folder needs at least the temporal expressions", dir.display());
    }
    // events.csv, relations.csv and conflicts.csv are optional: a story annotated for its
    // expressions only is scored on those, and the report says which parts had gold.
    let optional = |name: &str| {
        let p = dir.join(name);
        p.is_file().then_some(p)
    };
    Ok(Gold {
        timexes: load_timexes(&timex)?,
        events: optional("events.csv").map(|p| load_events(&p)).transpose()?.unwrap_or_default(),
        relations: optional("relations.csv").map(|p| load_relations(&p)).transpose()?.unwrap_or_default(),
        conflicts: optional("conflicts.csv").map(|p| load_conflicts(&p)).transpose()?.unwrap_or_default(),
        has_events: dir.join("events.csv").is_file(),
        has_relations: dir.join("relations.csv").is_file(),
        has_conflicts: dir.join("conflicts.csv").is_file(),
    })
}

fn read(path: &Path) -> Result<String> {
    let s = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s))
}

fn load_timexes(path: &Path) -> Result<Vec<GoldTimex>> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = || format!("{} line {}", path.display(), i + 1);
        let v: serde_json::Value = serde_json::from_str(line).with_context(at)?;
        let s = |k: &str| -> Result<String> {
            match v.get(k) {
                None | Some(serde_json::Value::Null) => Ok(String::new()),
                Some(serde_json::Value::String(s)) => Ok(s.clone()),
                Some(other) => bail!("{}: field {k:?} is not a string: {other}", at()),
            }
        };
        let n = |k: &str| -> Result<usize> {
            v.get(k)
                .and_then(|x| x.as_u64())
                .map(|x| x as usize)
                .ok_or_else(|| anyhow!("{}: missing or non-integer field {k:?}", at()))
        };
        let t = GoldTimex {
            doc: s("doc")?,
            start: n("start")?,
            end: n("end")?,
            text: s("text")?,
            kind: s("type")?,
            value: s("value")?,
            anchor: s("anchor")?,
            modifier: s("mod")?,
        };
        if t.doc.is_empty() {
            bail!("{}: empty doc", at());
        }
        if t.start > t.end {
            bail!("{}: start {} > end {}", at(), t.start, t.end);
        }
        out.push(t);
    }
    Ok(out)
}

/// A CSV file read into header-indexed rows, each with its 1-based line number.
struct Csv {
    path: String,
    header: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Csv {
    fn open(path: &Path, required: &[&str]) -> Result<Csv> {
        let text = read(path)?;
        let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let p = path.display().to_string();
        let header: HashMap<String, usize> = rdr
            .headers()
            .with_context(|| format!("{p} line 1: bad header"))?
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        for r in required {
            if !header.contains_key(*r) {
                bail!("{p} line 1: missing column {r:?}");
            }
        }
        // 1-based line of a record starting at a byte offset (robust to quoted multi-line
        // cells; csv reports a CRLF-terminated record as starting at the preceding `\n`).
        let line_of = |byte: u64| {
            let bytes = text.as_bytes();
            let mut b = (byte as usize).min(text.len());
            while b < bytes.len() && (bytes[b] == b'\r' || bytes[b] == b'\n') {
                b += 1;
            }
            text.as_bytes()[..b].iter().filter(|&&c| c == b'\n').count() as u64 + 1
        };
        let mut rows = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map(|p| line_of(p.byte())).unwrap_or(0);
                anyhow!("{p} line {line}: {e}")
            })?;
            let line = rec.position().map(|p| line_of(p.byte())).unwrap_or(0);
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            rows.push((line, rec));
        }
        Ok(Csv { path: p, header, rows })
    }

    fn get<'a>(&self, rec: &'a csv::StringRecord, col: &str) -> &'a str {
        self.header.get(col).and_then(|&i| rec.get(i)).unwrap_or("").trim()
    }

    fn at(&self, line: u64) -> String {
        format!("{} line {}", self.path, line)
    }
}

/// Parses an ISO 8601 datetime with offset (`2017-05-06T00:00+02:00`, seconds optional);
/// an empty cell is `None`.
pub(crate) fn parse_dt(s: &str) -> Result<Option<DateTime<FixedOffset>>> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Ok(Some(d));
    }
    let zulu;
    let s = match s.strip_suffix('Z').or_else(|| s.strip_suffix('z')) {
        Some(head) => {
            zulu = format!("{head}+00:00");
            zulu.as_str()
        }
        None => s,
    };
    for f in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M%:z"] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Ok(Some(d));
        }
    }
    bail!("bad datetime {s:?} (expected e.g. 2017-05-06T00:00+02:00)")
}

fn load_events(path: &Path) -> Result<Vec<GoldEvent>> {
    let c = Csv::open(path, &["event_id", "label_en", "type", "evidence"])?;
    let mut out = Vec::new();
    for (line, rec) in &c.rows {
        let at = c.at(*line);
        let dt = |col: &str| parse_dt(c.get(rec, col)).with_context(|| format!("{at}: column {col}"));
        out.push(GoldEvent {
            id: c.get(rec, "event_id").to_string(),
            label_en: c.get(rec, "label_en").to_string(),
            kind: c.get(rec, "type").to_string(),
            evidence: SpanRef::parse_list(c.get(rec, "evidence"))
                .with_context(|| format!("{at}: column evidence"))?,
            earliest_start: dt("earliest_start")?,
            latest_start: dt("latest_start")?,
            earliest_end: dt("earliest_end")?,
            latest_end: dt("latest_end")?,
        });
    }
    Ok(out)
}

fn load_relations(path: &Path) -> Result<Vec<GoldRelation>> {
    let c = Csv::open(
        path,
        &["source_event", "relation", "target_event", "doc", "start", "end"],
    )?;
    let mut out = Vec::new();
    for (line, rec) in &c.rows {
        let at = c.at(*line);
        let n = |col: &str| -> Result<usize> {
            let v = c.get(rec, col);
            v.parse().map_err(|_| anyhow!("{at}: column {col}: not an offset: {v:?}"))
        };
        let r = GoldRelation {
            source: c.get(rec, "source_event").to_string(),
            relation: c.get(rec, "relation").to_string(),
            target: c.get(rec, "target_event").to_string(),
            offset: c.get(rec, "offset").to_string(),
            doc: c.get(rec, "doc").to_string(),
            start: n("start")?,
            end: n("end")?,
        };
        if r.start > r.end {
            bail!("{at}: start > end");
        }
        out.push(r);
    }
    Ok(out)
}

fn load_conflicts(path: &Path) -> Result<Vec<GoldConflict>> {
    let c = Csv::open(path, &["conflict_id", "kind", "evidence"])?;
    let mut out = Vec::new();
    for (line, rec) in &c.rows {
        let at = c.at(*line);
        out.push(GoldConflict {
            id: c.get(rec, "conflict_id").to_string(),
            kind: c.get(rec, "kind").to_string(),
            evidence: parse_conflict_evidence(c.get(rec, "evidence"))
                .with_context(|| format!("{at}: column evidence"))?,
        });
    }
    Ok(out)
}

/// Parses conflict evidence such as `001:3427-3445 «الجمعة 4 مايو/أيار» | 004:741-746 «الأحد»`.
/// The quoted text is skipped (it may contain any character, `|` included); items may be
/// separated by `|` or `;`, and the quote is optional.
pub(crate) fn parse_conflict_evidence(s: &str) -> Result<Vec<SpanRef>> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '|' || c == ';');
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '|' || c == ';' || c == '«')
            .unwrap_or(rest.len());
        out.push(SpanRef::parse_list(&rest[..end])?.into_iter().next().ok_or_else(|| {
            anyhow!("empty span reference in {s:?}")
        })?);
        rest = rest[end..].trim_start();
        if let Some(q) = rest.strip_prefix('«') {
            let close = q.find('»').ok_or_else(|| anyhow!("unclosed « in {s:?}"))?;
            rest = &q[close + '»'.len_utf8()..];
        }
    }
    Ok(out)
}
