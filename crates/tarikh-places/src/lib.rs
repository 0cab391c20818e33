//! Places and their clocks: the gazetteer of countries and cities an Arabic news article names,
//! each with the IANA time zone it keeps, and a document's zone read from its dateline or from the
//! places it names.
//!
//! Central decision: a place is data, not code. `data/places/ar/places.toml` lists, per country
//! (or per part of a country with its own clock), the names, cities and nisba adjectives the press
//! writes, and a user extends it by adding words and an example phrase that the tests run. Names
//! are matched as whole words with the clitics Arabic attaches to them (و/ف, then ب/ل/ك:
//! «وبالرياض»), never as fragments, and a word that two zones share («عمان»: Amman or Oman) is
//! refused by the loader, so one spelling always means one clock.
//!
//! Two stages use it: the pipeline takes a document's zone from docs.csv, else from its dateline
//! («الرباط - …», «بيروت (أ ف ب) -», «الرياض 19 شوال 1445 هـ … واس»), else from the places the text
//! names (see [`zone::document_zone`]); the event stage dates an event on the clock of the place it
//! happens (see [`Gazetteer::match_words`]).
//!
//! ```
//! let gazetteer = tarikh_places::Gazetteer::embedded().unwrap();
//! let text = tarikh_text::normalise("بيروت (أ ف ب) - شعر سكان العاصمة اللبنانية بهزة أرضية");
//! let found = tarikh_places::zone::document_zone(&gazetteer, &text).unwrap();
//! assert_eq!(found.zone, chrono_tz::Asia::Beirut);
//! assert_eq!(found.basis, tarikh_places::zone::ZoneBasis::Dateline);
//! ```
#![deny(missing_docs)]

mod error;
mod gazetteer;
pub mod zone;

pub use error::PlacesError;
pub use gazetteer::{Example, Form, Gazetteer, Place, PlaceMention};
