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
        let mut out = header_bytes(&self.header, bom)?;
        out.extend(encode_rows(&self.rows)?);
        Ok(out)
    }

    /// Write to `path`.
    pub fn write(&self, path: &Path, bom: bool) -> Result<()> {
        std::fs::write(path, self.to_bytes(bom)?).with_context(|| format!("cannot write `{}`", path.display()))
    }
}

/// Rows as CSV bytes, exactly as [`Table::to_bytes`] writes them (CRLF, quoting only where
/// needed, formula-like cells neutralised), without header or BOM. A row's bytes do not depend
/// on the rows around it, so a table written in pieces (one document's rows at a time) is the
/// same file as one written whole.
pub fn encode_rows<R, C>(rows: impl IntoIterator<Item = R>) -> Result<Vec<u8>>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        for row in rows {
            w.write_record(row.into_iter().map(|c| neutralise(c.as_ref()).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The first bytes of a CSV file: a BOM when `bom`, then the header row.
pub fn header_bytes(header: &[&str], bom: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        w.write_record(header)?;
        w.flush()?;
    }
    Ok(out)
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
