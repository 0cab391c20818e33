//! How times are written in the output files: ISO 8601 datetimes with offsets, and durations.

use chrono::{DateTime, FixedOffset};

/// ISO 8601 with minutes and offset: 2017-05-06T00:00+02:00.
///
/// Written digit by digit (every temporal expression's interval passes here, and chrono's
/// `format` parses its pattern each time); years outside 0–9999 and offsets with seconds, which
/// have no such fixed shape, go through chrono.
pub fn iso(t: &DateTime<FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    let offset = t.offset().local_minus_utc();
    let year = t.year();
    if !(0..=9999).contains(&year) || offset % 60 != 0 {
        return t.format("%Y-%m-%dT%H:%M%:z").to_string();
    }
    let (sign, offset) = if offset < 0 { (b'-', -offset) } else { (b'+', offset) };
    let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
    let mut s = Vec::with_capacity(22);
    s.extend_from_slice(&two(year as u32 / 100));
    s.extend_from_slice(&two(year as u32 % 100));
    s.push(b'-');
    s.extend_from_slice(&two(t.month()));
    s.push(b'-');
    s.extend_from_slice(&two(t.day()));
    s.push(b'T');
    s.extend_from_slice(&two(t.hour()));
    s.push(b':');
    s.extend_from_slice(&two(t.minute()));
    s.push(sign);
    s.extend_from_slice(&two(offset as u32 / 3600));
    s.push(b':');
    s.extend_from_slice(&two(offset as u32 % 3600 / 60));
    // Only ASCII digits and punctuation were pushed.
    String::from_utf8(s).unwrap_or_default()
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
