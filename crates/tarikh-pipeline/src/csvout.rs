//! CSV output that opens cleanly in a spreadsheet: RFC 4180, UTF-8 (optionally with a byte-order
//! mark for Excel), and cells that a spreadsheet would run as a formula neutralised.

use anyhow::{Context, Result};
use std::path::Path;

/// Make a cell safe to open in a spreadsheet: a value starting with `= + - @`, a tab or a carriage
/// return is prefixed with an apostrophe (OWASP CSV-injection advice). ISO dates and negative
/// numbers never start a cell here, so nothing legitimate is changed.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=') | Some('+') | Some('-') | Some('@') | Some('\t') | Some('\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV table being built in memory, written in one go.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new(header: &[&'static str]) -> Table {
        Table { header: header.to_vec(), rows: Vec::new() }
    }

    /// Add one row (same length as the header).
    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.header.len());
        self.rows.push(row);
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no data row was added.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Serialise: CRLF line ends, quoting only where needed, a BOM first when `bom`.
    pub fn to_bytes(&self, bom: bool) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        {
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
            w.write_record(&self.header)?;
            for row in &self.rows {
                w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
            }
            w.flush()?;
        }
        Ok(out)
    }

    /// Write to `path`.
    pub fn write(&self, path: &Path, bom: bool) -> Result<()> {
        std::fs::write(path, self.to_bytes(bom)?).with_context(|| format!("cannot write `{}`", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_text_is_not() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("+33"), "'+33");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("2017-05-06T00:00+02:00"), "2017-05-06T00:00+02:00");
        assert_eq!(neutralise("مساء الجمعة"), "مساء الجمعة");
    }

    #[test]
    fn csv_is_rfc4180_with_optional_bom() {
        let mut t = Table::new(&["a", "b"]);
        t.push(vec!["x,y".into(), "قال \"نعم\"".into()]);
        let plain = String::from_utf8(t.to_bytes(false).unwrap()).unwrap();
        assert_eq!(plain, "a,b\r\n\"x,y\",\"قال \"\"نعم\"\"\"\r\n");
        let bom = t.to_bytes(true).unwrap();
        assert!(bom.starts_with(b"\xEF\xBB\xBF"));
    }
}
