//! How widely a rule's examples are spread over the calendar.
//!
//! A rule tested only against reference dates of one spring passes by luck as often as by design:
//! a year end, a leap day, a Hijri month falling in another season or a clock written in winter
//! would go untested. Each rule, context and composition must therefore have examples read against
//! reference dates in at least two different years and two different seasons.

use crate::load::{ExampleOwner, Grammar};
use std::collections::BTreeSet;

/// How many different years and seasons a rule must have among its examples' reference dates.
pub const MIN_YEARS: usize = 2;
/// See [`MIN_YEARS`].
pub const MIN_SEASONS: usize = 2;

/// The meteorological season (northern hemisphere, where every country of Arabic news lies) of
/// a month, 1–12.
fn season_of(month: u32) -> Option<&'static str> {
    match month {
        12 | 1 | 2 => Some("winter"),
        3..=5 => Some("spring"),
        6..=8 => Some("summer"),
        9..=11 => Some("autumn"),
        _ => None,
    }
}

/// The years and seasons of the reference dates of one rule's examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpread {
    /// The rule, context or composition.
    pub owner: ExampleOwner,
    /// How many examples it has.
    pub examples: usize,
    /// The distinct years of their reference dates.
    pub years: BTreeSet<i32>,
    /// The distinct seasons of their reference dates (`winter`, `spring`, `summer`, `autumn`).
    pub seasons: BTreeSet<&'static str>,
}

impl DateSpread {
    /// Whether the examples cover at least [`MIN_YEARS`] years and [`MIN_SEASONS`] seasons.
    pub fn is_enough(&self) -> bool {
        self.years.len() >= MIN_YEARS && self.seasons.len() >= MIN_SEASONS
    }
}

impl std::fmt::Display for DateSpread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let years: Vec<String> = self.years.iter().map(|y| y.to_string()).collect();
        let seasons: Vec<&str> = self.seasons.iter().copied().collect();
        write!(f, "{}: {} example(s), reference dates in {} year(s) ({}) and {} season(s) ({})", self.owner, self.examples, years.len(), years.join(", "), seasons.len(), seasons.join(", "))
    }
}

impl Grammar {
    /// The spread of reference dates of every rule, context and composition that must be
    /// illustrated by examples ([`Grammar::example_owners`]), in grammar order. A reference that
    /// is not `YYYY-MM-DD…` counts for no year and no season.
    pub fn example_date_spread(&self) -> Vec<DateSpread> {
        self.example_owners()
            .into_iter()
            .map(|owner| {
                let mut spread = DateSpread { owner, examples: 0, years: BTreeSet::new(), seasons: BTreeSet::new() };
                for example in self.examples().iter().filter(|e| e.owner == spread.owner) {
                    spread.examples += 1;
                    let reference = example.reference.trim();
                    let year = reference.get(..4).and_then(|y| y.parse::<i32>().ok());
                    let season = reference.get(5..7).and_then(|m| m.parse::<u32>().ok()).and_then(season_of);
                    if let (Some(year), Some(season), Some("-")) = (year, season, reference.get(4..5)) {
                        spread.years.insert(year);
                        spread.seasons.insert(season);
                    }
                }
                spread
            })
            .collect()
    }
}
