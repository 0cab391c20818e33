//! How times are written in the output files: ISO 8601 datetimes with offsets, and durations.

use chrono::{DateTime, FixedOffset};

/// ISO 8601 with minutes and offset: 2017-05-06T00:00+02:00.
pub fn iso(t: &DateTime<FixedOffset>) -> String {
    let mut s = Vec::with_capacity(22);
    write_iso(&mut s, t);
    // Only ASCII digits and punctuation, or chrono's own string, were written.
    String::from_utf8(s).unwrap_or_default()
}

/// [`iso`] appended to `out`, without a string of its own (`tarikh tag` writes two a temporal
/// expression).
///
/// Written digit by digit (chrono's `format` parses its pattern each time); years outside
/// 0–9999 and offsets with seconds, which have no such fixed shape, go through chrono.
pub fn write_iso(out: &mut Vec<u8>, t: &DateTime<FixedOffset>) {
    use chrono::{Datelike, Timelike};
    let offset = t.offset().local_minus_utc();
    // (each of `year()`, `month()`, … would turn the instant into local time again)
    let local = t.naive_local();
    let year = local.year();
    if !(0..=9999).contains(&year) || offset % 60 != 0 {
        out.extend_from_slice(t.format("%Y-%m-%dT%H:%M%:z").to_string().as_bytes());
        return;
    }
    let (sign, offset) = if offset < 0 { (b'-', -offset) } else { (b'+', offset) };
    let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
    let [y1, y2] = two(year as u32 / 100);
    let [y3, y4] = two(year as u32 % 100);
    let [mo1, mo2] = two(local.month());
    let [d1, d2] = two(local.day());
    let [h1, h2] = two(local.hour());
    let [mi1, mi2] = two(local.minute());
    let [oh1, oh2] = two(offset as u32 / 3600);
    let [om1, om2] = two(offset as u32 % 3600 / 60);
    out.extend_from_slice(&[y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2, b'T', h1, h2, b':', mi1, mi2, sign, oh1, oh2, b':', om1, om2]);
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


#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The digit-by-digit writer says what chrono's pattern says, over years, days, clock times
    /// and offsets east and west (a deterministic sweep with a small linear congruential walk).
    #[test]
    fn iso_agrees_with_chrono() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let secs = (x >> 20) as i64 % (400 * 366 * 86_400) - 200 * 366 * 86_400 + 1_700_000_000;
            let offset = ((x >> 8) % (26 * 4)) as i32 * 900 - 12 * 3600;
            let t = FixedOffset::east_opt(offset).unwrap().timestamp_opt(secs, 0).unwrap();
            assert_eq!(iso(&t), t.format("%Y-%m-%dT%H:%M%:z").to_string(), "{t:?}");
        }
        for (y, offset) in [(1, 0), (999, 3600), (9999, -3600), (10_000, 0), (-50, 0)] {
            let t = FixedOffset::east_opt(offset).unwrap().with_ymd_and_hms(y, 1, 2, 3, 4, 0).unwrap();
            assert_eq!(iso(&t), t.format("%Y-%m-%dT%H:%M%:z").to_string());
        }
        let odd = FixedOffset::east_opt(3 * 3600 + 1234).unwrap().with_ymd_and_hms(2024, 5, 6, 7, 8, 0).unwrap();
        assert_eq!(iso(&odd), odd.format("%Y-%m-%dT%H:%M%:z").to_string());
    }
}
