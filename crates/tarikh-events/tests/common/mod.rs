//! What the integration tests of tarikh-events share: an anchored document made by hand.

use chrono::NaiveDate;
use tarikh_anchor::{AnchoredDocument, Publication, PublicationBasis, Timex};

/// A document published on 2020-03-10 in Paris (metadata), with the temporal expressions given
/// (in text order), as the anchoring stage would hand it to event extraction.
pub fn document(id: &str, text: &str, timexes: Vec<Timex>) -> AnchoredDocument {
    AnchoredDocument {
        id: id.to_string(),
        original: text.to_string(),
        normalised: tarikh_text::Normalised::new(text),
        publication: Publication {
            date: NaiveDate::from_ymd_opt(2020, 3, 10).unwrap(),
            time: None,
            basis: PublicationBasis::Metadata,
            evidence: "test".into(),
            timezone: "Europe/Paris".parse().unwrap(),
            zone_source: Default::default(),
        },
        timexes,
        conflicts: Vec::new(),
        story: String::new(),
        story_words: Vec::new(),
    }
}
