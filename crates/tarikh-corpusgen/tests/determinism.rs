//! The corpus is a pure function of the seed.

use std::collections::BTreeMap;
use std::path::Path;

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn same_seed_same_bytes() {
    let base = std::env::temp_dir().join(format!("tarikh-corpusgen-test-{}", std::process::id()));
    let (a, b, c) = (base.join("a"), base.join("b"), base.join("c"));
    let ra = tarikh_corpusgen::write_corpus(&a, 11, 200_000).unwrap();
    let rb = tarikh_corpusgen::write_corpus(&b, 11, 200_000).unwrap();
    let rc = tarikh_corpusgen::write_corpus(&c, 12, 200_000).unwrap();
    assert!(rc.0 > 20, "another seed also fills the corpus: {rc:?}");
    assert_eq!(ra, rb);
    assert!(ra.1 >= 200_000 && ra.0 > 20, "{ra:?}");
    let (fa, fb, fc) = (read_dir(&a), read_dir(&b), read_dir(&c));
    assert_eq!(fa, fb, "same seed, different files");
    assert_ne!(fa.get("a000000.txt"), fc.get("a000000.txt"), "another seed gives another corpus");
    // Article sizes are those of news articles.
    for (name, bytes) in &fa {
        if name.ends_with(".txt") {
            assert!((2_000..9_500).contains(&bytes.len()), "{name}: {} bytes", bytes.len());
            assert!(std::str::from_utf8(bytes).is_ok());
        }
    }
    // Article i does not depend on the corpus size.
    assert_eq!(tarikh_corpusgen::article(11, 3).text.as_bytes(), &fa["a000003.txt"][..]);
    assert_eq!(tarikh_corpusgen::text(5, 50_000), tarikh_corpusgen::text(5, 50_000));
    std::fs::remove_dir_all(&base).ok();
}

#[test]
fn every_date_family_appears() {
    let t = tarikh_corpusgen::text(7, 400_000);
    for needle in [
        "كانون", "أيار", "يناير", "جانفي", "أفريل", "يوليوز", "مايو/أيار", "هـ", "مساء", "الساعة", "أمس", "المقبل", "الماضي", "من ",
        "يومين", "ساعة", "عشية", "قبل 48 ساعة من", "كل ", "٢", "الثمانينيات", "بين عامي",
    ] {
        assert!(t.contains(needle), "no `{needle}` in the generated text");
    }
}
