//! Every example phrase of the gazetteer, read as a whole article, gets the zone it expects.

use tarikh_places::{zone::document_zone, Gazetteer};

#[test]
fn every_gazetteer_example_gets_its_zone() {
    let g = Gazetteer::embedded().expect("data/places/ar/places.toml loads");
    assert!(g.examples().len() >= g.places().len(), "every entry has at least one example");
    let mut failures = Vec::new();
    for ex in g.examples() {
        let got = document_zone(&g, &tarikh_text::normalise(&ex.phrase));
        let got_zone = got.as_ref().map(|z| z.zone.name().to_string()).unwrap_or_else(|| "no zone".into());
        if got_zone != ex.zone.name() {
            failures.push(format!("{} ({}): «{}» expects {} but got {} ({})", ex.origin, ex.country, ex.phrase, ex.zone.name(), got_zone, got.map(|z| z.evidence).unwrap_or_default()));
        }
    }
    assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_user_folder_loads_like_the_embedded_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/places/ar");
    let g = Gazetteer::load_dir(&dir).expect("the data folder loads");
    assert_eq!(g.places().len(), Gazetteer::embedded().unwrap().places().len());
    let e = Gazetteer::load_dir(std::path::Path::new("/nonexistent-places")).unwrap_err();
    assert!(e.to_string().contains("cannot list"), "{e}");
}
