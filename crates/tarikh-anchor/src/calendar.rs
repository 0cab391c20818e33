//! Calendar arithmetic: Hijri (Umm al-Qura) conversion, weekdays, periods and their intervals.

use chrono::{Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use icu_calendar::islamic::IslamicUmmAlQura;
use icu_calendar::{Date, Iso};

/// Convert a Hijri date (Umm al-Qura, as used in Saudi Arabia and most Arab press) to Gregorian.
/// Returns `None` for a day that does not exist in that month.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    memo(&TO_GREGORIAN, (year, month, day), || hijri_to_gregorian_uncached(year, month, day))
}

// icu computes each Umm al-Qura year astronomically (about a millisecond), and a document asks for
// the same few dates again and again (the publication date, the candidates around it), so results
// are remembered per thread; the table is emptied when it grows past a few thousand entries.
type Memo<K, V> = std::cell::RefCell<std::collections::HashMap<K, V>>;

thread_local! {
    static TO_GREGORIAN: Memo<(i32, u32, u32), Option<NaiveDate>> = Default::default();
    static TO_HIJRI: Memo<NaiveDate, Option<(i32, u32, u32)>> = Default::default();
}

fn memo<K: std::hash::Hash + Eq + Copy, V: Copy>(
    table: &'static std::thread::LocalKey<Memo<K, V>>,
    key: K,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some(v) = table.with(|t| t.borrow().get(&key).copied()) {
        return v;
    }
    let v = compute();
    table.with(|t| {
        let mut t = t.borrow_mut();
        if t.len() >= 4096 {
            t.clear();
        }
        t.insert(key, v);
    });
    v
}

fn hijri_to_gregorian_uncached(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if let Some(known) = umm_al_qura_table().iter().find(|y| y.year == year) {
        return known.day(month, day);
    }
    let cal = IslamicUmmAlQura::new();
    let date = Date::try_new_ummalqura_date(year, month as u8, day as u8, cal).ok()?;
    // icu clamps nothing: a 30th in a 29-day month fails above; double-check by round trip.
    let iso = date.to_iso();
    let g = NaiveDate::from_ymd_opt(iso.year().number, iso.month().ordinal, iso.day_of_month().0)?;
    let back = gregorian_to_hijri(g)?;
    (back == (year, month, day)).then_some(g)
}

/// The Gregorian day of a Hijri day as a country's sighting may have it: the Umm al-Qura date, and
/// for the 30th of a month the table gives 29 days, the day after its 29th (a country that did not
/// see the next crescent completes thirty days: «اليوم المتمم لشهر رمضان»).
pub fn hijri_day_as_sighted(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    hijri_to_gregorian(year, month, day).or_else(|| (day == 30).then(|| hijri_to_gregorian(year, month, 29)).flatten().map(|d| add_days(d, 1)))
}

/// Convert a Gregorian date to Hijri (Umm al-Qura): (year, month, day).
pub fn gregorian_to_hijri(date: NaiveDate) -> Option<(i32, u32, u32)> {
    memo(&TO_HIJRI, date, || gregorian_to_hijri_uncached(date))
}

fn gregorian_to_hijri_uncached(date: NaiveDate) -> Option<(i32, u32, u32)> {
    if let Some(found) = hijri_from_table(date) {
        return Some(found);
    }
    let iso: Date<Iso> = Date::try_new_iso_date(date.year(), date.month() as u8, date.day() as u8).ok()?;
    let h = iso.to_calendar(IslamicUmmAlQura::new());
    Some((h.year().number, h.month().ordinal, h.day_of_month().0))
}

/// One Hijri year of the official Umm al-Qura table: the Gregorian day of 1 Muharram and the
/// lengths of its twelve months.
#[derive(Debug)]
struct TableYear {
    year: i32,
    muharram_1: NaiveDate,
    month_lengths: [u8; 12],
}

impl TableYear {
    /// The Gregorian day of `day` in `month` of this year; `None` for a day the month lacks.
    fn day(&self, month: u32, day: u32) -> Option<NaiveDate> {
        let m = usize::try_from(month).ok()?.checked_sub(1)?;
        let length = u32::from(*self.month_lengths.get(m)?);
        if day == 0 || day > length {
            return None;
        }
        let before: u32 = self.month_lengths[..m].iter().map(|&n| u32::from(n)).sum();
        self.muharram_1.checked_add_days(Days::new(u64::from(before + day - 1)))
    }

    fn length(&self) -> u32 {
        self.month_lengths.iter().map(|&n| u32::from(n)).sum()
    }
}

/// The official Umm al-Qura table (data/calendar/umm_al_qura.tsv), embedded at build time.
const UMM_AL_QURA: &str = include_str!("../../../data/calendar/umm_al_qura.tsv");

/// icu_calendar computes Umm al-Qura astronomically, and its days differ from the official table in
/// some months (1 Sha'ban 1446 is 31 January 2025 in Saudi Arabia; icu gives the 30th, and an
/// article's «الجمعة 29 شعبان» then looks a day off). Where the official table reaches, it wins.
fn umm_al_qura_table() -> &'static [TableYear] {
    static TABLE: std::sync::OnceLock<Vec<TableYear>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| parse_umm_al_qura(UMM_AL_QURA).unwrap_or_else(|e| panic!("data/calendar/umm_al_qura.tsv (embedded): {e}")))
}

/// Read the table: `year<TAB>YYYY-MM-DD<TAB>twelve digits` (9 = a month of 29 days, 0 = of 30);
/// years must follow each other, each starting the day after the previous one ends.
fn parse_umm_al_qura(text: &str) -> Result<Vec<TableYear>, String> {
    let mut years: Vec<TableYear> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [year, start, lengths] = fields[..] else {
            return Err(format!("line {line_no}: expected three tab-separated fields (year, 1 Muharram, month lengths), found {}", fields.len()));
        };
        let year: i32 = year.parse().map_err(|_| format!("line {line_no}: the year {year:?} is not a number"))?;
        let muharram_1 = NaiveDate::parse_from_str(start, "%Y-%m-%d").map_err(|_| format!("line {line_no}: {start:?} is not a date YYYY-MM-DD"))?;
        let digits: Vec<u8> = lengths.bytes().collect();
        if digits.len() != 12 || digits.iter().any(|d| !matches!(d, b'9' | b'0')) {
            return Err(format!("line {line_no}: month lengths must be twelve digits, 9 for 29 days and 0 for 30, found {lengths:?}"));
        }
        let mut month_lengths = [0u8; 12];
        for (slot, d) in month_lengths.iter_mut().zip(&digits) {
            *slot = if *d == b'9' { 29 } else { 30 };
        }
        if let Some(previous) = years.last() {
            if previous.year + 1 != year {
                return Err(format!("line {line_no}: year {year} follows {} (years must follow each other)", previous.year));
            }
            let expected = add_days(previous.muharram_1, i64::from(previous.length()));
            if expected != muharram_1 {
                return Err(format!("line {line_no}: 1 Muharram {year} is given as {muharram_1}, but year {} ends the day before {expected}", previous.year));
            }
        }
        years.push(TableYear { year, muharram_1, month_lengths });
    }
    Ok(years)
}

/// The Hijri day of a Gregorian day inside the official table's years.
fn hijri_from_table(date: NaiveDate) -> Option<(i32, u32, u32)> {
    let table = umm_al_qura_table();
    let index = table.partition_point(|y| y.muharram_1 <= date).checked_sub(1)?;
    let year = &table[index];
    let mut offset = u32::try_from((date - year.muharram_1).num_days()).ok()?;
    if offset >= year.length() {
        return None;
    }
    for (m, &length) in year.month_lengths.iter().enumerate() {
        let length = u32::from(length);
        if offset < length {
            return Some((year.year, m as u32 + 1, offset + 1));
        }
        offset -= length;
    }
    None
}

/// First day of a Hijri month, in Gregorian.
pub fn hijri_month_start(year: i32, month: u32) -> Option<NaiveDate> {
    hijri_to_gregorian(year, month, 1)
}

/// Add `n` months to a (year, month) pair. Computed in i64; a year beyond i32 saturates (no
/// calendar date has it, so callers find no day there).
pub fn add_months(year: i32, month: u32, n: i32) -> (i32, u32) {
    let total = i64::from(year) * 12 + (i64::from(month) - 1) + i64::from(n);
    let y = total.div_euclid(12).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    (y, (total.rem_euclid(12) + 1) as u32)
}

/// Add days, saturating at chrono's limits.
pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(d)
    }
}

/// ISO weekday number, 1 = Monday … 7 = Sunday.
pub fn iso_weekday(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// The ISO week label of a date: `2017-W18`.
pub fn iso_week_label(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// A local wall-clock time in `tz` as a fixed-offset instant (the earlier reading when ambiguous,
/// the next valid minute when it falls in a DST gap).
pub fn local_instant(tz: chrono_tz::Tz, local: NaiveDateTime) -> chrono::DateTime<chrono::FixedOffset> {
    let mut t = local;
    for _ in 0..180 {
        match tz.from_local_datetime(&t) {
            chrono::LocalResult::Single(x) => return x.fixed_offset(),
            chrono::LocalResult::Ambiguous(a, _) => return a.fixed_offset(),
            chrono::LocalResult::None => t += Duration::minutes(1),
        }
    }
    chrono::Utc.from_utc_datetime(&local).fixed_offset()
}

/// Midnight at the start of `d` in `tz`.
pub fn day_start(tz: chrono_tz::Tz, d: NaiveDate) -> chrono::DateTime<chrono::FixedOffset> {
    local_instant(tz, d.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_known_dates() {
        // 1 Ramadan 1438 = 27 May 2017; 10 Shaban 1438 = 6 May 2017 (Umm al-Qura).
        assert_eq!(hijri_to_gregorian(1438, 9, 1), NaiveDate::from_ymd_opt(2017, 5, 27));
        assert_eq!(hijri_to_gregorian(1438, 8, 10), NaiveDate::from_ymd_opt(2017, 5, 6));
        assert_eq!(gregorian_to_hijri(NaiveDate::from_ymd_opt(2017, 5, 6).unwrap()), Some((1438, 8, 10)));
    }

    #[test]
    fn a_thirtieth_the_table_lacks_is_the_day_after_the_29th() {
        // Ramadan 1444 has 29 days by Umm al-Qura (29 Ramadan = 20 April 2023); Oman completed 30.
        assert_eq!(hijri_to_gregorian(1444, 9, 30), None);
        assert_eq!(hijri_day_as_sighted(1444, 9, 30), NaiveDate::from_ymd_opt(2023, 4, 21));
        assert_eq!(hijri_day_as_sighted(1444, 9, 29), NaiveDate::from_ymd_opt(2023, 4, 20));
        assert_eq!(hijri_day_as_sighted(1444, 9, 31), None);
    }

    #[test]
    fn the_official_table_wins_where_icu_computes_another_day() {
        // Saudi Arabia's calendar: 1 Sha'ban 1446 = Friday 31 January 2025, so Friday 28 February is
        // 29 Sha'ban and 1 Ramadan is 1 March; 1 Jumada al-Akhira 1446 = 2 December 2024.
        assert_eq!(hijri_to_gregorian(1446, 8, 1), NaiveDate::from_ymd_opt(2025, 1, 31));
        assert_eq!(hijri_to_gregorian(1446, 8, 29), NaiveDate::from_ymd_opt(2025, 2, 28));
        assert_eq!(hijri_to_gregorian(1446, 9, 1), NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(hijri_to_gregorian(1446, 6, 1), NaiveDate::from_ymd_opt(2024, 12, 2));
        assert_eq!(gregorian_to_hijri(NaiveDate::from_ymd_opt(2025, 1, 30).unwrap()), Some((1446, 7, 30)));
        assert_eq!(gregorian_to_hijri(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()), Some((1446, 8, 29)));
    }

    #[test]
    fn the_table_is_whole_and_round_trips_every_day() {
        let table = umm_al_qura_table();
        assert_eq!((table.first().map(|y| y.year), table.last().map(|y| y.year)), (Some(1365), Some(1500)));
        let mut day = table[0].muharram_1;
        for year in table {
            for month in 1..=12u32 {
                for d in 1..=u32::from(year.month_lengths[month as usize - 1]) {
                    assert_eq!(hijri_to_gregorian(year.year, month, d), Some(day), "{}-{month}-{d}", year.year);
                    assert_eq!(gregorian_to_hijri(day), Some((year.year, month, d)), "{day}");
                    day = add_days(day, 1);
                }
                assert_eq!(hijri_to_gregorian(year.year, month, 31), None);
            }
        }
    }

    #[test]
    fn a_broken_table_is_refused_with_its_line() {
        let good = "1445\t2023-07-19\t900090990990\n1446\t2024-07-07\t900090099099\n";
        assert_eq!(parse_umm_al_qura(good).map(|t| t.len()), Ok(2));
        let gap = "1445\t2023-07-19\t900090990990\n1446\t2024-07-08\t900090099099\n";
        assert!(parse_umm_al_qura(gap).unwrap_err().starts_with("line 2: 1 Muharram 1446"));
        let bad_digits = "1446\t2024-07-07\t90009009909\n";
        assert!(parse_umm_al_qura(bad_digits).unwrap_err().contains("twelve digits"));
        let skipped = "1444\t2022-07-30\t909009909090\n1446\t2024-07-07\t900090099099\n";
        assert!(parse_umm_al_qura(skipped).unwrap_err().contains("follow each other"));
    }

    #[test]
    fn impossible_hijri_day_is_none() {
        assert_eq!(hijri_to_gregorian(1438, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1438, 1, 31), None);
    }

    #[test]
    fn month_arithmetic_wraps_years() {
        assert_eq!(add_months(2017, 1, -1), (2016, 12));
        assert_eq!(add_months(2017, 12, 1), (2018, 1));
        assert_eq!(add_months(2017, 5, -17), (2015, 12));
        // A year from a grammar field can be as large as i32::MAX.
        assert_eq!(add_months(i32::MAX, 12, 1), (i32::MAX, 1));
        assert_eq!(add_months(i32::MIN, 1, -1), (i32::MIN, 12));
    }
}
