//! Inferring the publication dates of one story's articles from their texts.
//!
//! A news article rarely prints its own date once its page furniture is gone, but it dates what
//! it reports, and the articles of one story date the same days. So the publication day of each
//! article whose metadata lacks one is the candidate day that best fits what the article says,
//! read together with what its story names. Call [`infer_publications`] once per story (the
//! pipeline groups a folder into stories first): a day that another story names is no evidence.
//!
//! What an article says about its own day (rules of Arabic news writing, in every outlet's style):
//! - a **dateline**: an explicit date on one of the first three lines, on a short line of its own
//!   («الجزائر 19 شوال 1445 هـ (واس)», «دبي، 15 أبريل (رويترز)»): +50;
//! - a **day word with a date**: «اليوم السبت 17 ديسمبر 2022», «أمس السبت 18 شوال 1445هـ», «أول أمس
//!   الجمعة 20 مارس 2020», «غدا 16 جانفي الجاري»: the day is that date minus the shift (−100 for
//!   any other day); a date without its year («16 جانفي») fixes the day and month only;
//! - a **day word with a weekday**: «اليوم الأحد», «أمس السبت», «بعد غد السبت»: the weekday of the
//!   day plus the shift (−100 for a day on another weekday);
//! - **the current month**: «12 ديسمبر الجاري», «ديسمبر الحالي»: the month of the day (−50);
//! - **tense**: a date reported with a perfect verb is not after the day, one announced with a
//!   future cue (سـ، المقرر) not before it (−30 each);
//! - **a crescent sighted**: «تحري رؤية هلال شهر شوال لهذا العام 1444هـ», «ترائي هلال رمضان»:
//!   every Arab country reports the sighting of a month's crescent on the evening of the 29th of
//!   the month before, so the article appears within two days of that eve (+10);
//! - **relative days landing on the story's days**: «أمس»، «الخميس الماضي»، «غدا الجمعة»، «السبت
//!   المقبل», read against a candidate, land on a day the story names: +2 per unit of that day's
//!   weight, at most 6. A day's weight adds up over the story's documents: an explicit date
//!   weighs 2, a publication day from metadata 3, a date without a year 1 in each year it may be
//!   in: the years the story names most («مونديال قطر 2022», «لهذا العام 1444هـ») and the years
//!   next to them, since «الانتخابات الرئاسية 2024» is held on «10 ديسمبر» 2023. Which of these
//!   the story means is for its weekdays to tell: «اليوم الأحد» with «أيام 10 و11 و12 ديسمبر
//!   الجاري» lands on a named day in 2023 only, and the articles dated that way lend their days to
//!   the rest of the story;
//! - Hijri dates count as the Gregorian days they convert to (a Hijri–Gregorian pair «… الموافق …»
//!   is an explicit date either way).
//!
//! The story's days grow as its articles are dated: after a first pass, every article dated with
//! support lends its day (weight 2) and the days its relative expressions then name (weight 1) to
//! the others, and the pass is repeated (at most three times, each pass from the previous pass's
//! answers, an article never voting for itself, so the result does not depend on document order).
//! A bare «اليوم» says nothing about which day and does not count.
//!
//! The story's **present** is the 60-day stretch where its explicit dates (and known publication
//! days) weigh most; a date more than 60 days before it is history («توفي الأمير السابق في 29
//! سبتمبر 2020»), not a day near which an article of the story appears. Candidates are the story's
//! other days widened by ten days each way, and the days that the article's own day words with a
//! date point to. The best score wins; ties go to the day nearest the dates the article itself
//! names (an article appears soon after what it reports), then to the earlier (an announcement
//! comes before what it announces).
//!
//! An article gets no day — `None`, reported as `unknown`, never a guess — when its best day has
//! no support (no dateline, no day word with a date, no relative day landing on a story day, no
//! date of its own nearby), or when, naming no date itself, it fits a day weeks away as well (a
//! weekday and a month, but no year). Cost: linear in the story's documents times its candidate
//! days.


mod evidence;
mod score;
mod story;

use crate::calendar::add_days;
use crate::document::PublicationHint;
use crate::resolve::weekday_name;
use chrono::NaiveDate;
use evidence::{evidence_of, DocEvidence};
use score::{score, Scored, SIGHTING_SLACK};
use std::collections::BTreeSet;
use story::{add_named, base_days, instances, land, story_present, story_years, Named, Placed, StoryDays, PRESENT_SPAN};
use tarikh_grammar::{Grammar, Mention};

pub use evidence::named_days;

/// One document as the inference sees it.
pub struct InferenceInput<'a> {
    /// The normalised text (its offset map is not needed: a run holds every document's text while
    /// it infers, and keeps only the text).
    pub normalised: &'a str,
    /// The grammar's mentions in it (`grammar.find(normalised)`).
    pub mentions: &'a [Mention],
    /// The publication date when metadata gives it (such documents only lend evidence).
    pub known: Option<NaiveDate>,
}

/// Days each way around a story day that a publication day may be.
const WINDOW: i64 = 10;

/// What one pass concluded about one document.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    day: NaiveDate,
    evidence: String,
}

/// Two equally supported days further apart than this leave the day unknown.
const AMBIGUOUS: i64 = 7;

/// What the inference concluded about one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inference {
    /// Its metadata gives the day: nothing was inferred.
    Given,
    /// The day its text and story support, with what it rests on (for documents.csv).
    Inferred {
        /// The publication day.
        day: NaiveDate,
        /// The evidence, quoted.
        evidence: String,
    },
    /// Nothing fixes a day: why, and what the text does say about its day («اليوم الاثنين»,
    /// «6 مارس الحالي»), so that a user knows what to give.
    Unknown {
        /// Why no day was inferred, in words.
        reason: String,
    },
}

/// Infer the publication day of every document of one story whose metadata lacks one, from the
/// evidence of the whole story (see the module docs). Returns, per input, `Some((day, evidence))`
/// for an inferred day, `None` when the metadata already gives it or when nothing supports a day
/// ([`infer_publications_explained`] says why).
pub fn infer_publications(grammar: &Grammar, docs: &[InferenceInput<'_>]) -> Vec<Option<(NaiveDate, String)>> {
    infer_publications_explained(grammar, docs)
        .into_iter()
        .map(|r| match r {
            Inference::Inferred { day, evidence } => Some((day, evidence)),
            Inference::Given | Inference::Unknown { .. } => None,
        })
        .collect()
}

/// [`infer_publications`], with the reason for every document left without a day.
pub fn infer_publications_explained(grammar: &Grammar, docs: &[InferenceInput<'_>]) -> Vec<Inference> {
    use rayon::prelude::*;
    let mut evidence: Vec<DocEvidence> = docs.par_iter().map(|d| evidence_of(grammar, d.normalised, d.mentions)).collect();
    let years = story_years(&evidence, docs);
    for ev in &mut evidence {
        for dm in &mut ev.relative {
            if let Some(p) = dm.partial.and_then(|k| ev.partial.get(k)) {
                dm.own_days = instances(p, &years);
            }
        }
    }
    let base = base_days(&evidence, docs, &years);
    let present = story_present(&evidence, docs);
    for check in evidence.iter_mut().flat_map(|ev| &mut ev.day_checks) {
        check.keep_nearest(&base);
    }
    if std::env::var_os("TARIKH_DEBUG_DCT").is_some() {
        eprintln!("story years {years:?}; days {base:?}");
        for (i, ev) in evidence.iter().enumerate() {
            eprintln!("  doc {i}: explicit {:?} partial {:?} wchecks {:?} dchecks {:?} months {:?} years {:?} rel {}", ev.explicit, ev.partial, ev.weekday_checks, ev.day_checks, ev.month_checks, ev.years, ev.relative.len());
        }
    }
    let placed: Vec<Placed> = evidence.iter().map(|ev| Placed::of(ev, &years)).collect();
    let mut found: Vec<Option<Found>> = vec![None; docs.len()];
    let mut outcome: Vec<Result<Found, Undated>> = vec![Err(Undated::Nothing); docs.len()];
    for _pass in 0..3 {
        // The story's days: the base, plus every day found in the previous pass and what the
        // document's relative days name from it; each document reads them without its own share.
        let shares: Vec<Named> = found
            .iter()
            .zip(&evidence)
            .map(|(f, ev)| {
                let mut share = Named::new();
                if let Some(f) = f {
                    add_named(&mut share, f.day, 2);
                    for day in ev.relative.iter().filter_map(|dm| land(dm, f.day)) {
                        add_named(&mut share, day, 1);
                    }
                }
                share
            })
            .collect();
        let mut all = base.clone();
        for share in &shares {
            for (day, w) in share {
                add_named(&mut all, *day, *w);
            }
        }
        outcome = docs
            .par_iter()
            .zip(&evidence)
            .zip(&placed)
            .enumerate()
            .map(|(i, ((doc, ev), placed))| {
                if doc.known.is_some() {
                    return Err(Undated::Given);
                }
                let days = StoryDays { all: &all, without: &shares[i] };
                if std::env::var_os("TARIKH_DEBUG_DCT").is_some() {
                    eprintln!("  doc {i}:");
                }
                best_day(ev, placed, &days, present)
            })
            .collect();
        let next: Vec<Option<Found>> = outcome.iter().map(|r| r.as_ref().ok().cloned()).collect();
        if std::env::var_os("TARIKH_DEBUG_DCT").is_some() {
            eprintln!("pass: {:?}", next.iter().map(|f| f.as_ref().map(|f| f.day)).collect::<Vec<_>>());
        }
        if next == found {
            break;
        }
        found = next;
    }
    let yearless = years.named.is_empty() && years.hijri.is_empty();
    outcome
        .into_iter()
        .zip(&evidence)
        .map(|(r, ev)| match r {
            Ok(f) => Inference::Inferred { day: f.day, evidence: f.evidence },
            Err(Undated::Given) => Inference::Given,
            Err(why) => Inference::Unknown { reason: undated_reason(ev, &why, yearless, docs.len()) },
        })
        .collect()
}

/// Why a document got no day (see [`best_day`]).
#[derive(Debug, Clone, PartialEq)]
enum Undated {
    /// Its metadata gives the day (not a failure: nothing to infer).
    Given,
    /// No candidate day at all: neither it nor its story names a day.
    Nothing,
    /// The best day rests on nothing the article says.
    Unsupported,
    /// Days weeks apart fit as well.
    Ambiguous(Vec<NaiveDate>),
}

/// The reason, in words, that a document's day stays unknown: what its text does say about its
/// day (its day words with a weekday, its dates without a year, the current month), then why that
/// is not enough.
fn undated_reason(ev: &DocEvidence, why: &Undated, yearless: bool, story_size: usize) -> String {
    let mut told: Vec<&str> = Vec::new();
    for q in ev.quotes.iter().chain(&ev.unyeared) {
        if !told.contains(&q.as_str()) && told.len() < 4 {
            told.push(q);
        }
    }
    if told.is_empty() {
        return "it writes no date, and no day word with a weekday («اليوم الأحد») that would date it".into();
    }
    let said = format!("it says {}", told.join(", "));
    let others = match story_size {
        0 | 1 => "its text".to_string(),
        n => format!("its text or the {} other article(s) of its story", n - 1),
    };
    let because = match why {
        _ if yearless => format!("but no year is written in {others}, so nothing tells which year"),
        Undated::Ambiguous(days) => {
            // the tied days, one per stretch (a tie is often a run of neighbouring days)
            let mut apart: Vec<NaiveDate> = Vec::new();
            for d in days {
                if apart.last().is_none_or(|last| (*d - *last).num_days() > AMBIGUOUS) {
                    apart.push(*d);
                }
            }
            let listed: Vec<String> = apart.iter().take(4).map(|d| d.to_string()).collect();
            format!("but days weeks apart fit it as well ({})", listed.join(", "))
        }
        Undated::Unsupported => format!("but that lands on no day {others} names"),
        Undated::Nothing | Undated::Given => format!("but no date is written in {others}"),
    };
    format!("{said}, {because}")
}

/// The best-supported day for one document given the story's days, or why there is none.
fn best_day(ev: &DocEvidence, placed: &Placed, named: &StoryDays<'_>, present: Option<(NaiveDate, NaiveDate)>) -> Result<Found, Undated> {
    // Days long before the story's present are its history: no publication day is near them.
    // The story's days far from its present (long before: its history; long after: what it
    // announces) are no place for an article of the story; the article's own dates always are.
    let current = |d: &NaiveDate| present.is_none_or(|(start, last)| *d >= add_days(start, -PRESENT_SPAN) && *d <= add_days(last, PRESENT_SPAN));
    let mut candidates: BTreeSet<NaiveDate> = BTreeSet::new();
    for day in named.days().filter(|d| current(d)).chain(ev.explicit.iter().map(|e| &e.0)).chain(ev.day_checks.iter().flat_map(|c| &c.readings)).chain(ev.dateline.iter()) {
        for k in -WINDOW..=WINDOW {
            candidates.insert(add_days(*day, k));
        }
    }
    for eve in &placed.sighting_eves {
        candidates.extend((-SIGHTING_SLACK..=SIGHTING_SLACK).map(|k| add_days(*eve, k)));
    }
    for pd in &placed.partial_checks {
        candidates.extend(pd.days.iter().map(|d| add_days(*d, -(pd.shift as i64))));
    }
    // Ties go to the day nearest the days the article names itself (an article appears soon after
    // what it reports): its dates with their year; when it has none, its dates without one; when
    // it has none of those either, the eves of the crescents it sights. Then to the earlier.
    let explicit: Vec<NaiveDate> = ev.explicit.iter().map(|e| e.0).collect();
    let near_to: &[NaiveDate] = [&explicit[..], &placed.own_partial, &placed.sighting_eves].into_iter().find(|days| !days.is_empty()).unwrap_or_default();
    let nearness = |d: NaiveDate| near_to.iter().map(|x| (*x - d).num_days().abs()).min().unwrap_or(0);
    let mut own = explicit.clone();
    own.extend(placed.own_partial.iter().copied());
    let mut best: Option<(Scored, NaiveDate)> = None;
    let mut tied: Vec<NaiveDate> = Vec::new();
    for d in candidates {
        let s = score(ev, placed, named, d);
        if std::env::var_os("TARIKH_DEBUG_DCT").is_some() && (s.score > 0 || s.fixed) {
            eprintln!("    candidate {d}: score {} landed {} agreeing {} fixed {} near {:?}", s.score, s.landed, s.agreeing, s.fixed, nearness(d));
        }
        let better = match &best {
            None => true,
            Some((b, bd)) => s.score > b.score || (s.score == b.score && nearness(d) < nearness(*bd)),
        };
        if best.as_ref().is_some_and(|(b, _)| s.score > b.score) {
            tied.clear();
        }
        if best.as_ref().is_none_or(|(b, _)| s.score >= b.score) {
            tied.push(d);
        }
        if better {
            best = Some((s, d));
        }
    }
    let (s, day) = best.ok_or(Undated::Nothing)?;
    let near_own = own.iter().any(|x| (*x - day).num_days().abs() <= WINDOW);
    if !(s.fixed || s.landed > 0 || s.sighting || near_own) {
        return Err(Undated::Unsupported);
    }
    // As good a day weeks away: the evidence does not tell which (a weekday and a month, but no
    // year): no day rather than a guess.
    if !s.fixed && own.is_empty() && tied.iter().any(|x| (*x - day).num_days().abs() > AMBIGUOUS) {
        return Err(Undated::Ambiguous(tied));
    }
    let mut why = Vec::new();
    if s.fixed {
        why.push(ev.quotes.iter().take(2).cloned().collect::<Vec<_>>().join(", "));
    }
    if s.landed > 0 {
        why.push(format!("{} relative day expression(s) land on days the story names", s.landed));
    }
    if s.agreeing > 0 {
        why.push(format!("{} day word(s) land on dates the article writes", s.agreeing));
    }
    if !ev.weekday_checks.is_empty() {
        let mut fits: Vec<String> = Vec::new();
        for (n, w) in &ev.weekday_checks {
            let said = format!("{} {}", day_word_name(*n), weekday_name(*w));
            if !fits.contains(&said) && fits.len() < 2 {
                fits.push(said);
            }
        }
        why.push(format!("the weekday fits: {}", fits.join(", ")));
    }
    if s.sighting {
        why.push(ev.quotes.iter().find(|q| q.starts_with("the crescent")).cloned().unwrap_or_default());
    }
    if !s.fixed && s.landed == 0 && !s.sighting {
        why.push("near the dates it names".into());
    }
    if s.score < 0 {
        why.push("some cues disagree (low confidence)".into());
    }
    // Other days as well supported: the day taken is the one nearest what the article names, and
    // the reader is told the stretch («يوم السبت المقبل» alone fits any day of the week before).
    if let (Some(first), Some(last)) = (tied.first(), tied.last()) {
        if first != last {
            why.push(format!("{} days between {first} and {last} fit as well: the one nearest the dates it names taken", tied.len()));
        }
    }
    Ok(Found { day, evidence: why.into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>().join("; ") })
}

fn day_word_name(shift: i32) -> &'static str {
    match shift {
        -2 => "أول أمس",
        -1 => "أمس",
        0 => "اليوم",
        1 => "غدا",
        2 => "بعد غد",
        _ => "يوم",
    }
}

impl PublicationHint {
    /// A hint for a document whose publication day was inferred from its story.
    pub fn inferred(day: NaiveDate, evidence: String, timezone: chrono_tz::Tz) -> PublicationHint {
        PublicationHint { date: None, time: None, timezone, fallback: None, inferred: Some((day, evidence)) }
    }
}

#[cfg(test)]
mod tests {
    use super::evidence::{sights_the_crescent, slip_readings};
    use super::*;
    use crate::calendar::iso_weekday;

    /// Infer the days of a story of invented articles (none with metadata).
    fn infer(texts: &[&str]) -> Vec<Option<String>> {
        let grammar = Grammar::embedded().expect("grammar");
        let normalised: Vec<tarikh_text::Normalised> = texts.iter().map(|t| tarikh_text::Normalised::new(t)).collect();
        let mentions: Vec<Vec<Mention>> = normalised.iter().map(|n| grammar.find(n.as_str())).collect();
        let inputs: Vec<InferenceInput<'_>> = normalised.iter().zip(&mentions).map(|(n, m)| InferenceInput { normalised: n.as_str(), mentions: m, known: None }).collect();
        infer_publications(&grammar, &inputs).into_iter().map(|r| r.map(|(d, _)| d.to_string())).collect()
    }

    #[test]
    fn a_day_word_with_its_date_fixes_the_day() {
        assert_eq!(infer(&["تنطلق عملية الاقتراع اليوم السبت 17 ديسمبر 2022 في كامل البلاد"]), vec![Some("2022-12-17".into())]);
        assert_eq!(infer(&["فرضت السلطات حالة الطوارئ ابتداء من أول أمس الجمعة 20 مارس 2020"]), vec![Some("2020-03-22".into())]);
    }

    #[test]
    fn a_date_without_its_year_takes_the_story_year() {
        // «غدا 16 جانفي الجاري»: the day before 16 January, in the year the story names.
        let got = infer(&["تنطلق الحملة غدا 16 جانفي الجاري وتجرى الدورة الثانية يوم الأحد 29 جانفي 2023"]);
        assert_eq!(got, vec![Some("2023-01-15".into())]);
    }

    #[test]
    fn relative_days_land_on_the_days_the_story_names() {
        let got = infer(&[
            "أعلنت اللجنة أن التصويت سيجري يوم الأربعاء الموافق 20 ديسمبر 2023",
            "أدى الأمير اليمين الدستورية اليوم الأربعاء أمام مجلس الأمة",
        ]);
        assert_eq!(got[1], Some("2023-12-20".into()));
    }

    #[test]
    fn a_day_word_agrees_with_the_date_its_own_article_writes() {
        // «غداً» in the headline, the date in the body: the day before the date, though «غداً»
        // read from the date itself would land on a day the other article names as well.
        let got = infer(&[
            "تعليق الدراسة غداً\nقررت الحكومة تعليق الدراسة يوم الثلاثاء 16 أبريل بسبب الأحوال الجوية",
            "أعلنت الهيئة أن الأمطار ستتواصل حتى الأربعاء 17 أبريل 2024 في معظم المناطق",
        ]);
        assert_eq!(got[0], Some("2024-04-15".into()));
    }

    #[test]
    fn the_weekdays_tell_which_year_a_date_without_its_year_is_in() {
        // «انتخابات 2024» held in December 2023: only in 2023 is 10 December a Sunday, and the
        // Tuesday of the second article then lands on the 12th of that year, not of 2024.
        let got = infer(&[
            "يدلي الناخبون بأصواتهم في انتخابات الرئاسة 2024 بدءا من اليوم الأحد، على مدى أيام 10 و11 و12 ديسمبر الجاري",
            "تواصل اللجان استقبال الناخبين صباح اليوم الثلاثاء في آخر أيام التصويت بانتخابات الرئاسة",
        ]);
        assert_eq!(got, vec![Some("2023-12-10".into()), Some("2023-12-12".into())]);
    }

    #[test]
    fn an_article_sighting_a_crescent_appears_on_the_eve_of_its_month() {
        // The 29th of Ramadan 1444 is Thursday 20 April 2023 (Umm al-Qura); the weekday picks it
        // among the days around the eve.
        assert_eq!(infer(&["تخرج لجان الترائي مساء اليوم الخميس لتحري رؤية هلال شهر شوال لعام 1444هـ"]), vec![Some("2023-04-20".into())]);
        // Without a weekday, the eve itself is the best-supported day.
        assert_eq!(infer(&["دعت المحكمة إلى ترائي هلال شهر رمضان لهذا العام 1445هـ"]), vec![Some("2024-03-10".into())]);
        assert!(sights_the_crescent("دعت المحكمة العليا إلى تحري رؤية هلال شهر "));
        assert!(sights_the_crescent("واستطلاع الهلال "));
        assert!(!sights_the_crescent("وصل الوزير في أول أيام "), "a month named without its crescent");
        assert!(!sights_the_crescent("تحري الدقة في نقل أخبار "), "sighting words without هلال");
    }

    #[test]
    fn a_date_at_odds_with_its_weekday_is_read_with_either_slipped() {
        // 6 November 2024 is a Wednesday: the Monday with the same day number nearest the story's
        // other article is 6 January 2025 (the month copied from an older text).
        let got = infer(&[
            "جرى التصويت في الجولة الثانية يوم الأحد 5 يناير 2025 وسط إقبال ضعيف",
            "قال رئيس اللجنة في مؤتمر صحفي اليوم الاثنين 6 نوفمبر 2024 إن فرز الأصوات سيكتمل خلال يومين",
        ]);
        assert_eq!(got[1], Some("2025-01-06".into()));
        // Alone, nothing tells which is the slip: the date as written.
        assert_eq!(infer(&["أعلنت الوزارة اليوم الجمعة 4 مايو 2023 عن خطة جديدة"]), vec![Some("2023-05-04".into())]);
        // The readings of «الجمعة 4 مايو 2023» (a Thursday): Fridays on the 4th within a year, and
        // the Friday of that week.
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let readings = slip_readings(d("2023-05-04"), 5);
        assert!(readings.contains(&d("2023-05-05")), "the day number is the slip");
        assert!(readings.contains(&d("2022-11-04")) && readings.contains(&d("2023-08-04")), "the month is the slip");
        assert!(readings.iter().all(|r| iso_weekday(*r) == 5), "every reading keeps the weekday");
    }

    #[test]
    fn a_story_of_another_year_is_no_evidence_here() {
        // The weekday alone, with no day of the story's own: unknown, not a day of another story.
        assert_eq!(infer(&["أعلنت الحكومة اليوم الاثنين الحداد ثلاثة أيام"]), vec![None]);
    }

    /// The reasons given for documents left without a day.
    fn reasons(texts: &[&str]) -> Vec<Option<String>> {
        let grammar = Grammar::embedded().expect("grammar");
        let normalised: Vec<tarikh_text::Normalised> = texts.iter().map(|t| tarikh_text::Normalised::new(t)).collect();
        let mentions: Vec<Vec<Mention>> = normalised.iter().map(|n| grammar.find(n.as_str())).collect();
        let inputs: Vec<InferenceInput<'_>> = normalised.iter().zip(&mentions).map(|(n, m)| InferenceInput { normalised: n.as_str(), mentions: m, known: None }).collect();
        infer_publications_explained(&grammar, &inputs)
            .into_iter()
            .map(|r| match r {
                Inference::Unknown { reason } => Some(reason),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_unknown_day_says_what_the_text_tells_and_why_it_is_not_enough() {
        // A weekday and a date without a year, in a story that writes no year anywhere.
        let got = reasons(&["أعلنت الحكومة اليوم الاثنين الحداد ثلاثة أيام بعد فيضانات 6 سبتمبر", "ارتفعت حصيلة الضحايا أمس الأحد"]);
        let first = got[0].as_deref().expect("no day for the first");
        assert!(first.contains("«اليوم الاثنين»") && first.contains("سبتمبر»"), "{first}");
        assert!(first.contains("no year is written in its text or the 1 other article(s) of its story"), "{first}");
        // Nothing dated at all.
        let got = reasons(&["انتهى الشوط الأول بتقدم الفريق الضيف بهدف"]);
        assert_eq!(got, vec![Some("it writes no date, and no day word with a weekday («اليوم الأحد») that would date it".to_string())]);
        // A weekday and the current month in a story that names a year but no day.
        let got = reasons(&["أعلنت الحكومة اليوم الاثنين أن الانتخابات تجرى في ديسمبر الجاري", "جرت الانتخابات في 2023"]);
        let first = got[0].as_deref().expect("no day for the first");
        assert_eq!(first, "it says «اليوم الاثنين», «ديسمبر الجاري», but no date is written in its text or the 1 other article(s) of its story");
    }

    #[test]
    fn a_day_other_days_fit_as_well_says_so() {
        // «يوم السبت المقبل» fits any day of the week before: the day taken is said to be one of
        // seven.
        let grammar = Grammar::embedded().expect("grammar");
        let text = tarikh_text::Normalised::new("يلتقي المنتخبان في العاشر من شهر ديسمبر الجاري (يوم السبت المقبل) ضمن منافسات كأس العالم 2022");
        let mentions = grammar.find(text.as_str());
        let got = infer_publications(&grammar, &[InferenceInput { normalised: text.as_str(), mentions: &mentions, known: None }]);
        let (day, evidence) = got[0].clone().expect("a day");
        assert_eq!(day.to_string(), "2022-12-09");
        assert!(evidence.contains("7 days between 2022-12-03 and 2022-12-09 fit as well"), "{evidence}");
    }

    #[test]
    fn nothing_dated_gives_no_day() {
        assert_eq!(infer(&["انتهى الشوط الأول بتقدم الفريق الضيف بهدف", "سجل المهاجم الهدف في الدقيقة الثالثة"]), vec![None, None]);
    }

    #[test]
    fn a_hijri_date_with_a_day_word_fixes_the_day() {
        assert_eq!(infer(&["وكانت الطائرة الأولى قد وصلت أمس السبت 18 شوال 1445هـ إلى المطار"]), vec![Some("2024-04-28".into())]);
    }
}
