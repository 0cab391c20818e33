//! What the loader and the matcher promise a grammar author: every mistake that would otherwise be
//! silently ignored is refused with the file, the line and the reason, and word boundaries are the
//! engine's business, not each rule's.

use std::path::PathBuf;
use tarikh_grammar::{Grammar, GrammarError};

/// A small lexicon file every test grammar shares.
const LEXICON: &str = r#"
[lexicon.day_number]
regex = '0?[1-9]|[12][0-9]|3[01]'

[lexicon.year]
regex = '1[0-9][0-9][0-9]|20[0-9][0-9]'

[lexicon.month_hijri]
entries = [{ value = "10", words = ["شوال"] }]

[lexicon.day_shift]
entries = [{ value = "0", words = ["اليوم"] }]

[lexicon.unit]
entries = [{ value = "H", words = ["ساعة"] }]
"#;

fn load(rules: &str) -> Result<Grammar, GrammarError> {
    Grammar::from_sources(&[(PathBuf::from("test/lexicon.toml"), LEXICON.to_string()), (PathBuf::from("test/rules.toml"), rules.to_string())])
}

/// The error for `rules`, which must not load; it must name rules.toml and `line`.
fn refused(rules: &str, line: usize) -> String {
    let e = load(rules).err().unwrap_or_else(|| panic!("this grammar loaded, but it must be refused:\n{rules}"));
    assert_eq!(e.path, PathBuf::from("test/rules.toml"), "{e}");
    assert_eq!(e.line, Some(line), "{e}");
    e.to_string()
}

#[test]
fn a_pattern_ending_in_a_two_digit_number_matches_the_whole_number() {
    // `0?[1-9]` comes first in the alternation: without the engine's end boundary the automaton
    // would stop at "1" inside "15", and the match would be dropped.
    let g = load("[[rule]]\nname = \"clock\"\npattern = \"الساعة {day_number:h}\"\ntype = \"TIME\"\nfields = { hour = \"{h}\" }\n").unwrap();
    for (text, hour) in [("وصل الساعة 15 تماما", 15), ("الساعة 15", 15), ("الساعة 9، ثم", 9), ("الساعة 31", 31)] {
        let found = g.find(&tarikh_text::normalise(text));
        assert_eq!(found.len(), 1, "«{text}»: {found:?}");
        assert_eq!(found[0].semantics.hour, Some(hour), "«{text}»");
    }
    // Never inside a word: a number glued to letters is not matched, at either end.
    for text in ["الساعة 15ب", "الساعة 150", "والساعة15"] {
        assert!(g.find(&tarikh_text::normalise(text)).iter().all(|m| m.semantics.hour != Some(15)), "«{text}» must not give 15");
    }
}

#[test]
fn a_literal_shift_beside_a_written_hijri_day_is_refused() {
    let e = refused(
        "[[rule]]\nname = \"eid\"\npattern = \"عيد الفطر\"\ntype = \"DATE\"\nfields = { day = \"1\", month = \"10\", calendar = \"hijri\" }\n\n[[rule]]\nname = \"eve-of-eid\"\npattern = \"عشية عيد الفطر\"\ntype = \"DATE\"\nfields = { day = \"1\", month = \"10\", calendar = \"hijri\", shift = \"D:-1\" }\n",
        7,
    );
    assert!(e.contains("eve-of-eid") && e.contains("`shift`") && e.contains("resolve.rs"), "{e}");
    // A shift beside an optional year acts when the year is absent: accepted.
    load("[[rule]]\nname = \"last-year\"\npattern = \"العام الماضي|عام {year}\"\ntype = \"DATE\"\nfields = { year = \"{year}\", shift = \"Y:-1\" }\n").unwrap();
    // A day word captured beside a written date states how it relates to the publication day: accepted.
    load("[[rule]]\nname = \"today-date\"\npattern = \"{day_shift:s} {day_number:d} شوال\"\ntype = \"DATE\"\nfields = { shift = \"D:{s}\", day = \"{d}\", month = \"10\", calendar = \"hijri\" }\n").unwrap();
}

#[test]
fn fields_no_stage_reads_are_refused() {
    let cases: &[(&str, &str)] = &[
        ("type = \"TIME\"\nfields = { hour = \"8\", pm = \"true\" }", "part_of_day"),
        ("type = \"NONE\"\nfields = { year = \"2017\" }", "guard"),
        ("type = \"SET\"\nfields = { every = \"D\", part_of_day = \"EV\" }", "SET"),
        ("type = \"DURATION\"\nfields = { amount = \"2\" }", "needs `unit`"),
        ("type = \"DURATION\"\nfields = { amount = \"2\", unit = \"H\", weekday = \"5\" }", "`weekday`"),
        ("type = \"DATE\"\nfields = { amount = \"2\", shift = \"D:-2\" }", "`amount`"),
        ("type = \"DATE\"\nfields = { unit = \"DE\", month = \"5\" }", "`unit`"),
        ("type = \"DATE\"\nfields = { reference = \"PRESENT_REF\", year = \"2017\" }", "`reference`"),
        ("type = \"TIME\"\nfields = { minute = \"30\", part_of_day = \"EV\" }", "`minute`"),
        ("type = \"DATE\"\nfields = { hijri_day = \"10\", hijri_month = \"8\", month = \"5\" }", "Hijri side"),
        ("type = \"DATE\"\nfields = { event = \"before\", event_gap = \"D:1\", weekday = \"5\" }", "`weekday`"),
        ("type = \"DATE\"\nfields = { yaer = \"2017\" }", "unknown field `yaer`"),
    ];
    for (rest, why) in cases {
        let e = refused(&format!("\n[[rule]]\nname = \"r\"\npattern = \"كلمة\"\n{rest}\n"), 2);
        assert!(e.contains(why), "expected «{why}» in: {e}");
    }
}

#[test]
fn example_tables_refuse_unknown_keys_and_check_their_values() {
    let rule = |example: &str| format!("[[rule]]\nname = \"r\"\npattern = \"{{day_number:d}} شوال\"\ntype = \"DATE\"\nfields = {{ day = \"{{d}}\", month = \"10\", calendar = \"hijri\" }}\nexamples = [\n  {example},\n]\n");
    for (example, why) in [
        (r#"{ text = "1 شوال", ref = "2017-05-06", value = "2017-06-25", spna = "1 شوال" }"#, "unknown key `spna`"),
        (r#"{ text = "1 شوال", ref = "2017-05-06", value = "2017-06-25", typ = "DATE" }"#, "unknown key `typ`"),
        (r#"{ text = "1 شوال", ref = "2017-05-06", value = "2017-06-25", type = "DAY" }"#, "DATE, TIME, DURATION or SET"),
        (r#"{ text = "1 شوال", value = "2017-06-25" }"#, "`ref` is missing"),
        (r#"["1 شوال", "2017-05-06"]"#, "has 2 items"),
        (r#"["1 شوال", "2017-05-06", "2017-06-25", "later"]"#, "past, future or nearest"),
    ] {
        let e = refused(&rule(example), 7);
        assert!(e.contains(why), "expected «{why}» in: {e}");
    }
    let g = load(&rule(r#"{ text = "في 1 شوال", ref = "2017-05-06", value = "2017-06-25", span = "1 شوال", type = "DATE", mod = "" }"#)).unwrap();
    let ex = &g.examples()[0];
    assert_eq!((ex.span.as_deref(), ex.kind.as_deref(), ex.modifier.as_deref()), (Some("1 شوال"), Some("DATE"), Some("")));
    assert_eq!(ex.origin, "test/rules.toml:7");
}

#[test]
fn a_pattern_opening_with_an_arbitrary_word_is_refused() {
    for pattern in [r"(?:\\S+ )?عيد الفطر", r"[^\\s0-9]+ {day_number} شوال", r"(?:^|[^\\sم][^\\s]* ){day_number} شوال", r"(?:يوم|(?:ال ?)?\\S+ ساعة) {day_number} شوال"] {
        let rules = format!("[[rule]]\nname = \"lead\"\npattern = \"{pattern}\"\ntype = \"NONE\"\n");
        let e = refused(&rules, 3);
        assert!(e.contains("`lead`") && e.contains("arbitrary word") && e.contains("not_after"), "{e}");
    }
    // A word of any kind after a fixed one, or a bounded class, is not refused.
    load("[[rule]]\nname = \"after\"\npattern = \"عيد(?: \\\\S+)? {day_number} شوال\"\ntype = \"NONE\"\n").unwrap();
    load("[[rule]]\nname = \"digits\"\npattern = \"[0-9]+ شوال\"\ntype = \"NONE\"\n").unwrap();
    // What to write instead: `not_after` refuses a match after its words, and only there.
    let g = load("[[rule]]\nname = \"eid\"\npattern = \"{day_number:d} شوال\"\ntype = \"DATE\"\nfields = { day = \"{d}\", month = \"10\", calendar = \"hijri\" }\nnot_after = \"من|بين\"\n").unwrap();
    let days = |text: &str| g.find(&tarikh_text::normalise(text)).iter().filter_map(|m| m.semantics.day).collect::<Vec<_>>();
    assert_eq!(days("وصل في 3 شوال"), vec![3]);
    assert_eq!(days("من 3 شوال"), Vec::<u32>::new());
    assert_eq!(days("ومن 3 شوال"), Vec::<u32>::new());
    assert_eq!(days("بين 3 شوال و5 شوال"), vec![5]);
    assert_eq!(days("ضمن 3 شوال"), vec![3]);
}

#[test]
fn every_data_file_table_refuses_unknown_keys() {
    for (bad, line) in [("[[rule]]\nname = \"r\"\npattern = \"x\"\ntype = \"DATE\"\nexample = []\n", 1), ("[[must_not_match]]\ntext = \"x\"\nwhy = \"\"\nspna = \"x\"\n", 1), ("[lexicon.x]\nentries = []\nregexp = 'a'\n", 1)] {
        let e = load(bad).err().unwrap_or_else(|| panic!("loaded: {bad}"));
        assert!(e.to_string().contains("unknown field"), "{e}");
        assert!(e.line.is_some_and(|l| l >= line), "{e}");
    }
}

/// `data/grammar/ar/README.md` holds the field reference generated from the loader's list between
/// two markers; `TARIKH_WRITE_DOCS=1 cargo test -p tarikh-grammar --test loader` rewrites it.
#[test]
fn the_readme_field_reference_is_the_loaders() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/grammar/ar/README.md");
    let text = std::fs::read_to_string(&path).expect("data/grammar/ar/README.md");
    const START: &str = "<!-- fields: generated from crates/tarikh-grammar/src/fields.rs; TARIKH_WRITE_DOCS=1 cargo test -p tarikh-grammar --test loader rewrites it -->\n";
    const END: &str = "<!-- end of fields -->";
    let (Some(a), Some(b)) = (text.find(START), text.find(END)) else {
        panic!("{}: no field reference between the markers\n{START}…\n{END}", path.display());
    };
    let table = tarikh_grammar::fields_markdown();
    let written = &text[a + START.len()..b];
    if written != table {
        if std::env::var_os("TARIKH_WRITE_DOCS").is_some() {
            std::fs::write(&path, format!("{}{table}{}", &text[..a + START.len()], &text[b..])).expect("write README");
            return;
        }
        panic!("{}: the field reference is not the loader's (run `TARIKH_WRITE_DOCS=1 cargo test -p tarikh-grammar --test loader`)\nwritten:\n{written}\nloader:\n{table}", path.display());
    }
    // And the example keys are all documented.
    for (key, _) in tarikh_grammar::EXAMPLE_KEYS {
        assert!(text.contains(&format!("`{key}`")), "{}: example key `{key}` is not documented", path.display());
    }
}

#[test]
fn each_example_knows_the_rule_or_entry_it_is_written_under() {
    use tarikh_grammar::ExampleOwner;
    let lexicon = "[lexicon.w]\nentries = [{ value = \"0\", words = [\"اليوم\"], examples = [[\"اليوم\", \"2017-05-06\", \"2017-05-06\"]] }]\n";
    let rules = "[[rule]]\nname = \"today\"\npattern = \"{w:s}\"\ntype = \"DATE\"\nfields = { shift = \"D:{s}\" }\nexamples = [[\"اليوم\", \"2018-01-06\", \"2018-01-06\"]]\n\n[[rule]]\nname = \"guard\"\npattern = \"اليوم الوطني\"\ntype = \"NONE\"\nexamples = [{ text = \"اليوم الوطني\", ref = \"2018-01-06\", value = \"\" }]\n\n[[context]]\nname = \"ctx\"\ntypes = [\"DATE\"]\nright = \"!\"\nexamples = [[\"اليوم!\", \"2019-07-01\", \"2019-07-01\"]]\n";
    let g = Grammar::from_sources(&[(PathBuf::from("test/lexicon.toml"), lexicon.to_string()), (PathBuf::from("test/rules.toml"), rules.to_string())]).unwrap();
    let owners: Vec<&ExampleOwner> = g.examples().iter().map(|e| &e.owner).collect();
    assert_eq!(
        owners,
        [
            &ExampleOwner::LexiconEntry { lexicon: "w".into(), value: "0".into() },
            &ExampleOwner::Rule("today".into()),
            &ExampleOwner::Rule("guard".into()),
            &ExampleOwner::Context("ctx".into()),
        ]
    );
    // Guards are illustrated by must-not-match phrases; the rest must have examples of their own.
    assert_eq!(g.example_owners(), [ExampleOwner::Rule("today".into()), ExampleOwner::Context("ctx".into())]);
    assert_eq!(ExampleOwner::LexiconEntry { lexicon: "w".into(), value: "0".into() }.to_string(), "lexicon `w` entry `0`");
}

#[test]
fn a_rule_read_against_one_year_or_one_season_only_is_reported() {
    let rules = "[[rule]]\nname = \"one-spring\"\npattern = \"{day_shift:s}\"\ntype = \"DATE\"\nfields = { shift = \"D:{s}\" }\nexamples = [[\"اليوم\", \"2017-05-06\", \"2017-05-06\"], [\"اليوم\", \"2017-04-01\", \"2017-04-01\"]]\n\n[[rule]]\nname = \"one-year\"\npattern = \"{day_shift:s} ساعة\"\ntype = \"DATE\"\nfields = { shift = \"D:{s}\" }\nexamples = [[\"اليوم ساعة\", \"2017-05-06\", \"2017-05-06\"], [\"اليوم ساعة\", \"2017-12-01\", \"2017-12-01\"]]\n\n[[rule]]\nname = \"spread\"\npattern = \"ساعة {day_shift:s}\"\ntype = \"DATE\"\nfields = { shift = \"D:{s}\" }\nexamples = [[\"ساعة اليوم\", \"2017-05-06\", \"2017-05-06\"], [\"ساعة اليوم\", \"2020-12-01T10:00\", \"2020-12-01\"], [\"ساعة اليوم\", \"not a date\", \"\"]]\n";
    let g = load(rules).unwrap();
    let spread = g.example_date_spread();
    let enough: Vec<(String, bool)> = spread.iter().map(|s| (s.owner.to_string(), s.is_enough())).collect();
    assert_eq!(enough, [("rule `one-spring`".to_string(), false), ("rule `one-year`".to_string(), false), ("rule `spread`".to_string(), true)]);
    assert_eq!(spread[2].examples, 3, "a reference that is not a date counts as an example, for no year or season");
    assert_eq!(spread[1].to_string(), "rule `one-year`: 2 example(s), reference dates in 1 year(s) (2017) and 2 season(s) (spring, winter)");
}

#[test]
fn every_rule_of_the_grammar_has_examples_in_two_years_and_two_seasons() {
    // Issue 17: a rule read only against one year or one season passes by luck as often as by design.
    let grammar = Grammar::embedded().expect("embedded grammar loads");
    let lacking: Vec<String> = grammar.example_date_spread().iter().filter(|s| !s.is_enough()).map(|s| s.to_string()).collect();
    assert!(
        lacking.is_empty(),
        "{} rules lack examples read against reference dates in {} years and {} seasons; add examples read against another year and season:\n{}",
        lacking.len(),
        tarikh_grammar::MIN_YEARS,
        tarikh_grammar::MIN_SEASONS,
        lacking.join("\n")
    );
}

#[test]
fn a_trailing_next_group_reads_the_next_word_without_taking_it() {
    // «قبل ساعات من …»: a rule that only checks the word after the unit must not outgrow, by that
    // word, a rule that reads the same words as a duration before an event.
    let rules = "[[rule]]\nname = \"hours-then-a-word\"\npattern = \"قبل (?P<span>ساعات)(?P<next> [^\\\\s]+)\"\ntype = \"DURATION\"\nfields = { amount = \"X\", unit = \"H\" }\nexamples = []\n\n[[rule]]\nname = \"hours-before-event\"\npattern = \"قبل (?P<span>ساعات) من\"\ntype = \"DURATION\"\nfields = { amount = \"X\", unit = \"H\" }\nexamples = []\n";
    let lexicon = "[lexicon.unit]\nentries = [{ value = \"H\", words = [\"ساعة\"] }]\n";
    let g = Grammar::from_sources(&[(PathBuf::from("test/lexicon.toml"), lexicon.to_string()), (PathBuf::from("test/rules.toml"), rules.to_string())]).unwrap();
    let text = tarikh_text::normalise("قبل ساعات من الاقتراع");
    let found = g.find(&text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "hours-before-event", "the longer match wins: the `next` word is not counted (with it the two tie and the first rule written would win)");
    let text = tarikh_text::normalise("قبل ساعات أعلن");
    let found = g.find(&text);
    assert_eq!((found[0].rule.as_str(), &text[found[0].matched.clone()]), ("hours-then-a-word", "قبل ساعات"));
}
