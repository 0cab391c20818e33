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
/// array's bracket). A closed pipe (`tarikh tag … | head`) ends the stream quietly.
pub struct Records<W: Write> {
    out: W,
    format: Machine,
    columns: &'static [&'static str],
    written: usize,
    open: bool,
}

impl<W: Write> Records<W> {
    /// Start a stream; CSV writes its header now, JSON its opening bracket.
    pub fn new(out: W, format: Machine, columns: &'static [&'static str]) -> Result<Option<Records<W>>> {
        let mut r = Records { out, format, columns, written: 0, open: true };
        let head = match format {
            Machine::Csv => csv_line(columns),
            Machine::Json => "[".to_string(),
            Machine::Jsonl => String::new(),
        };
        Ok(if r.raw(&head)? { Some(r) } else { None })
    }

    /// Write `s` as is; false when the reader has gone (broken pipe).
    fn raw(&mut self, s: &str) -> Result<bool> {
        if !self.open {
            return Ok(false);
        }
        match self.out.write_all(s.as_bytes()) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.open = false;
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Write one record: `value` for JSON, `cells` (in `columns` order) for CSV. False when the
    /// reader has gone.
    pub fn push<T: Serialize>(&mut self, value: &T, cells: &[String]) -> Result<bool> {
        debug_assert_eq!(cells.len(), self.columns.len());
        let text = match self.format {
            Machine::Jsonl => format!("{}\n", serde_json::to_string(value)?),
            Machine::Json => format!("{}\n  {}", if self.written == 0 { "" } else { "," }, serde_json::to_string(value)?),
            Machine::Csv => csv_line(cells),
        };
        self.written += 1;
        self.raw(&text)
    }

    /// Close the stream (the JSON array's `]`) and flush.
    pub fn finish(mut self) -> Result<()> {
        if self.format == Machine::Json {
            let close = if self.written == 0 { "]\n" } else { "\n]\n" };
            self.raw(close)?;
        }
        if self.open {
            match self.out.flush() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
                _ => {}
            }
        }
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
