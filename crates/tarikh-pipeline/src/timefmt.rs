//! How times are written in the output files: ISO 8601 datetimes with offsets, and durations.

use chrono::{DateTime, FixedOffset};

/// ISO 8601 with minutes and offset: 2017-05-06T00:00+02:00.
pub fn iso(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M%:z").to_string()
}

/// An optional bound: ISO 8601, or empty when open.
pub fn opt_iso(t: &Option<DateTime<FixedOffset>>) -> String {
    t.as_ref().map(iso).unwrap_or_default()
}

/// Seconds as an ISO 8601 duration: PT48H, P2D, PT90M.
pub fn iso_duration(secs: i64) -> String {
    if secs == 0 {
        return "PT0S".into();
    }
    if secs % 86_400 == 0 {
        return format!("P{}D", secs / 86_400);
    }
    if secs % 3600 == 0 {
        return format!("PT{}H", secs / 3600);
    }
    if secs % 60 == 0 {
        return format!("PT{}M", secs / 60);
    }
    format!("PT{secs}S")
}

