//! Writing records to stdout in the format the user asked for, each exactly what its name says:
//! JSON Lines (one object per line), JSON (one array), CSV (RFC 4180, a header then one row per
//! record, every field) or text for people. Records stream: nothing is held back but the current
//! record, so `tarikh tag --input - --format json` runs in constant memory too.

use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// The machine formats a record stream can take (text is written by each command, for people).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Machine {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// A CSV table with a header.
    Csv,
}

/// One CSV line (CRLF-terminated, quoted where needed, formula-like cells neutralised as in the
/// output files).
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut buf);
        // Writing to a Vec cannot fail.
        let _ = w.write_record(cells.iter().map(|c| tarikh_pipeline::csvout::neutralise(c.as_ref()).into_owned()));
        let _ = w.flush();
    }
    String::from_utf8(buf).unwrap_or_default()
}

/// Writes a stream of records in one machine format; [`Records::finish`] closes it (the JSON
/// array's bracket). A closed pipe (`tarikh tag … | head`) ends the stream quietly. Records are
/// buffered and reach the reader at each [`Records::flush`] (a document, a phrase): one write per
/// document rather than one per line, yet a live stream still sees each document when it is done.
pub struct Records<W: Write> {
    out: std::io::BufWriter<W>,
    /// The current record's bytes (reused: no allocation per record).
    scratch: Vec<u8>,
    format: Machine,
    columns: &'static [&'static str],
    written: usize,
    open: bool,
}

impl<W: Write> Records<W> {
    /// Start a stream; CSV writes its header now, JSON its opening bracket.
    pub fn new(out: W, format: Machine, columns: &'static [&'static str]) -> Result<Option<Records<W>>> {
        let mut r = Records { out: std::io::BufWriter::with_capacity(64 * 1024, out), scratch: Vec::new(), format, columns, written: 0, open: true };
        let head = match format {
            Machine::Csv => csv_line(columns),
            Machine::Json => "[".to_string(),
            Machine::Jsonl => String::new(),
        };
        Ok(if r.raw(&head)? { Some(r) } else { None })
    }

    /// Write `s` as is; false when the reader has gone (broken pipe).
    fn raw(&mut self, s: &str) -> Result<bool> {
        let open = self.open;
        self.gone_if_broken(|out| if open { out.write_all(s.as_bytes()) } else { Ok(()) })
    }

    /// Run a write; a broken pipe closes the stream (false), other errors are errors.
    fn gone_if_broken(&mut self, write: impl FnOnce(&mut std::io::BufWriter<W>) -> std::io::Result<()>) -> Result<bool> {
        if !self.open {
            return Ok(false);
        }
        match write(&mut self.out) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.open = false;
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Write one record: `value` for JSON, `cells()` (in `columns` order) for CSV, made only
    /// then. False when the reader has gone.
    pub fn push<T: Serialize>(&mut self, value: &T, cells: impl FnOnce() -> Vec<String>) -> Result<bool> {
        self.push_with(|out| Ok(serde_json::to_writer(out, value)?), cells)
    }

    /// [`Records::push`] with the record's JSON written by `json` (compact, as serde_json writes
    /// it): for a record written without being built first.
    pub fn push_with(&mut self, json: impl FnOnce(&mut Vec<u8>) -> Result<()>, cells: impl FnOnce() -> Vec<String>) -> Result<bool> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        match self.format {
            Machine::Jsonl => {
                json(&mut scratch)?;
                scratch.push(b'\n');
            }
            Machine::Json => {
                scratch.extend_from_slice(if self.written == 0 { b"\n  " } else { b",\n  " });
                json(&mut scratch)?;
            }
            Machine::Csv => {
                let cells = cells();
                debug_assert_eq!(cells.len(), self.columns.len());
                scratch.extend_from_slice(csv_line(&cells).as_bytes());
            }
        }
        self.written += 1;
        let open = self.gone_if_broken(|out| out.write_all(&scratch));
        self.scratch = scratch;
        open
    }

    /// Hand what is buffered to the reader (after each document or phrase). False when the
    /// reader has gone.
    pub fn flush(&mut self) -> Result<bool> {
        self.gone_if_broken(|out| out.flush())
    }

    /// Close the stream (the JSON array's `]`) and flush.
    pub fn finish(mut self) -> Result<()> {
        if self.format == Machine::Json {
            let close = if self.written == 0 { "]\n" } else { "\n]\n" };
            self.raw(close)?;
        }
        self.flush()?;
        Ok(())
    }
}

/// A JSON object's fields as CSV cells in `columns` order (strings as they are, numbers and
/// booleans written out, null and absent fields empty).
pub fn cells_of(value: &serde_json::Value, columns: &[String]) -> Vec<String> {
    columns
        .iter()
        .map(|c| match value.get(c) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        })
        .collect()
}
