//! Robustness: whatever a user feeds tarikh, it does not crash, loses no output, and every failure
//! names the file and the place to fix. The fuzz checks of `fuzz/` run here too, over their seeds
//! and generated inputs (see `fuzz/Cargo.toml` for running cargo-fuzz itself).

mod common;

use common::{csv_rows as read_csv, root, tarikh, tarikh_stdin};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PREFIX: &str = "robust";

#[path = "../../../fuzz/src/checks.rs"]
mod checks;

const GOOD: &str = "أعلن الرئيس مساء الجمعة 5 مايو 2017 استقالته.";

/// A corpus folder with one good article plus `extra` files, and a docs.csv.
fn corpus(name: &str, extra: &[(&str, &[u8])], docs_csv: &str) -> PathBuf {
    let dir = common::tempdir(PREFIX, name);
    std::fs::write(dir.join("good.txt"), GOOD).unwrap();
    for (file, bytes) in extra {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    std::fs::write(dir.join("docs.csv"), docs_csv).unwrap();
    dir
}

/// Run the pipeline on `corpus` into a fresh output folder; no panic, whatever the exit code.
fn run(corpus: &Path, name: &str) -> (Output, PathBuf) {
    let out = common::tempdir(PREFIX, name);
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "tarikh panicked: {stderr}");
    (o, out)
}

fn doc_row(out: &Path, id: &str) -> Vec<String> {
    read_csv(&out.join("documents.csv")).into_iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("{id} in documents.csv"))
}

/// The good article was still processed.
fn good_is_there(out: &Path) {
    assert_eq!(doc_row(out, "good")[8], "ok");
    assert!(read_csv(&out.join("timex.csv")).iter().any(|r| r[0] == "good" && r[5] == "2017-05-05TEV"));
}

/// Every timex row of `doc` quotes exactly the characters its offsets give in `text`.
fn spans_index(out: &Path, doc: &str, text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let rows: Vec<Vec<String>> = read_csv(&out.join("timex.csv")).into_iter().filter(|r| r[0] == doc).collect();
    for r in &rows {
        let (s, e): (usize, usize) = (r[1].parse().unwrap(), r[2].parse().unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), r[3], "{doc} span {s}-{e}");
    }
    rows
}

#[test]
fn invalid_utf8_names_the_file_line_and_byte() {
    let c = corpus("utf8", &[("broken.txt", b"\xd8\xa7\xd8\xa8\n\xd8\xa7 \xff ok")], "doc,file,published_at\ngood,good.txt,2017-05-06\n");
    let (o, out) = run(&c, "utf8-out");
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("broken.txt") && stderr.contains("byte offset 8") && stderr.contains("line 2, column 3") && stderr.contains("0xFF"), "{stderr}");
    assert!(doc_row(&out, "broken")[8].starts_with("error: ") && doc_row(&out, "broken")[8].contains("line 2"));
    good_is_there(&out);
}

#[test]
fn an_empty_file_is_a_warning_not_a_failure() {
    let c = corpus("empty", &[("empty.txt", b""), ("blank.txt", b" \r\n\n")], "doc,file,published_at\ngood,good.txt,2017-05-06\nempty,empty.txt,2017-05-06\n");
    let (o, out) = run(&c, "empty-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("empty.txt` is empty") && stderr.contains("blank.txt` is empty"), "{stderr}");
    let row = doc_row(&out, "empty");
    assert!(row[8].starts_with("ok; ") && row[8].contains("is empty"), "{row:?}");
    assert_eq!(row[3], "0");
    good_is_there(&out);
}

#[test]
fn a_binary_file_is_refused_with_the_position_of_its_first_nul() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R']);
    let c = corpus("binary", &[("image.txt", &png), ("utf16.txt", &"\u{FEFF}السبت".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>())], "doc,file,published_at\ngood,good.txt,2017-05-06\n");
    let (o, out) = run(&c, "binary-out");
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    // The PNG signature holds 0x89, not UTF-8: caught as invalid UTF-8 at byte 0.
    assert!(stderr.contains("image.txt` is not valid UTF-8") && stderr.contains("byte offset 0"), "{stderr}");
    assert!(doc_row(&out, "utf16")[8].starts_with("error: "));
    good_is_there(&out);
    // A NUL inside otherwise valid UTF-8 (JSONL input too) names its position.
    let c = corpus("nul", &[("nul.txt", "السبت 6 مايو\nاليوم\0\0 x".as_bytes())], "doc,file,published_at\ngood,good.txt,2017-05-06\n");
    let (o, out) = run(&c, "nul-out");
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("nul.txt` contains a NUL byte at byte offset 32 (line 2, column 6)"), "{stderr}");
    good_is_there(&out);
    let o = tarikh_stdin(&["tag", "--input", "-"], "{\"id\":\"x\",\"text\":\"a\\u0000b\"}\n{\"id\":\"y\",\"text\":\"مساء الجمعة\",\"published_at\":\"2017-05-06\"}\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 1` contains a NUL byte at byte offset 1"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("2017-05-05TEV"), "the next line is still tagged");
}

/// One line of `bytes` bytes: an expression at each end and plain words between.
fn long_line(bytes: usize) -> String {
    let filler = "هذا النص طويل جدا في سطر واحد ";
    let mut s = String::from("وصل الوفد مساء الجمعة 5 مايو 2017 ");
    while s.len() + 60 < bytes {
        s.push_str(filler);
    }
    s.push_str("ثم غادر يوم السبت 6 مايو 2017");
    s
}

#[test]
fn a_long_single_line_is_processed_with_offsets_to_its_end() {
    let text = long_line(1_000_000);
    let c = corpus("long", &[("long.txt", text.as_bytes())], "doc,file,published_at\ngood,good.txt,2017-05-06\nlong,long.txt,2017-05-06\n");
    let (o, out) = run(&c, "long-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = spans_index(&out, "long", &text);
    let values: Vec<&str> = rows.iter().map(|r| r[5].as_str()).collect();
    assert_eq!(values, ["2017-05-05TEV", "2017-05-06"]);
    assert_eq!(rows[1][2], text.chars().count().to_string(), "the last expression ends the text");
}

#[test]
fn a_document_over_max_doc_bytes_is_refused_at_once_and_the_rest_is_written() {
    // 20 MB on one line: over MAX_DOC_BYTES (16 MiB), so refused from its size without being read.
    let c = corpus("huge", &[], "doc,file,published_at\ngood,good.txt,2017-05-06\n");
    std::fs::write(c.join("huge.txt"), long_line(20_000_000)).unwrap();
    let (o, out) = run(&c, "huge-out");
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("huge.txt` is 2000") && stderr.contains("16777216 byte (MAX_DOC_BYTES) limit") && stderr.contains("split it"), "{stderr}");
    assert!(doc_row(&out, "huge")[8].contains("MAX_DOC_BYTES"));
    good_is_there(&out);
    // The same through JSONL input, where the text is already in memory.
    let line = format!("{{\"id\":\"big\",\"text\":\"{}\"}}\n", long_line(17_000_000));
    let o = tarikh_stdin(&["tag", "--input", "-"], &line);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("MAX_DOC_BYTES"));
}

/// 200 MB on one line: refused from its size, without being read, and the rest is written.
#[test]
fn a_200_mb_single_line_is_refused_from_its_size() {
    let c = corpus("200mb", &[], "doc,file,published_at\ngood,good.txt,2017-05-06\n");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(c.join("huge.txt")).unwrap());
        let chunk = "هذا النص طويل جدا في سطر واحد مساء الجمعة 5 مايو 2017 ".repeat(1000);
        let mut written = 0;
        while written < 200_000_000 {
            f.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
    }
    let (o, out) = run(&c, "200mb-out");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("MAX_DOC_BYTES"));
    good_is_there(&out);
    std::fs::remove_dir_all(&c).ok();
}

#[test]
fn crlf_and_bom_offsets_index_the_file_characters_bom_included() {
    // Offsets count every character of the file as Python's open(..., encoding="utf-8") reads it:
    // the BOM (U+FEFF) is character 0 and each \r counts.
    let text = "\u{FEFF}وصل الوفد مساء الجمعة 5 مايو 2017\r\nوغادر يوم السبت 6 مايو 2017\r\n";
    let c = corpus("bom", &[("bom.txt", text.as_bytes())], "\u{FEFF}doc,file,published_at\r\ngood,good.txt,2017-05-06\r\nbom,bom.txt,2017-05-06\r\n");
    let (o, out) = run(&c, "bom-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = spans_index(&out, "bom", text);
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0][1].as_str(), rows[0][3].as_str()), ("11", "مساء الجمعة 5 مايو 2017"));
    assert_eq!(rows[1][1], "42", "the BOM and the \\r before it are counted");
    assert_eq!(doc_row(&out, "bom")[3], text.chars().count().to_string());
    // The TimeML keeps the article byte for byte, BOM and CR included.
    let tml = std::fs::read_to_string(out.join("timeml/bom.tml")).unwrap();
    assert!(tml.contains("<TEXT>\u{FEFF}") && tml.contains("&#13;"));
    good_is_there(&out);
}

#[test]
fn bidi_and_zero_width_marks_inside_expressions_are_found_and_mapped_back() {
    let text = "قال المتحدث إن الوفد وصل يوم السبت\u{200F} 6 مايو\u{200B} 2017 إلى \u{202B}باريس\u{202C} وغادر الأحد\u{200E} 7\u{2069} مايو";
    let c = corpus("bidi", &[("bidi.txt", text.as_bytes())], "doc,file,published_at\ngood,good.txt,2017-05-06\nbidi,bidi.txt,2017-05-08\n");
    let (o, out) = run(&c, "bidi-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = spans_index(&out, "bidi", text);
    let found: Vec<(&str, &str)> = rows.iter().map(|r| (r[3].as_str(), r[5].as_str())).collect();
    assert_eq!(found, [("يوم السبت\u{200F} 6 مايو\u{200B} 2017", "2017-05-06"), ("الأحد\u{200E} 7\u{2069} مايو", "2017-05-07")]);
    let o = tarikh_stdin(&["parse", "--ref", "2017-05-08"], "السبت\u{200f} 6 مايو 2017\n");
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"value\":\"2017-05-06\""));
}

#[test]
fn impossible_dates_are_reported_as_conflicts_and_never_crash() {
    let text = "وقع الحادث في 31 فبراير 2017 وفي 29 فبراير 2017 ثم في 5 مايو 0 و5 مايو 99999 و31 أبريل وفي 0 يناير 2017 و32 مارس 2017 في الساعة 25:61 يوم 10 شعبان 99999 هـ";
    let c = corpus("impossible", &[("imp.txt", text.as_bytes())], "doc,file,published_at\ngood,good.txt,2017-05-06\nimp,imp.txt,2017-05-06\n");
    let (o, out) = run(&c, "impossible-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = spans_index(&out, "imp", text);
    for r in &rows {
        // Every tagged full date exists.
        let v = &r[5];
        if v.len() == 10 && v.as_bytes()[4] == b'-' {
            assert!(chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(), "{v} from {}", r[3]);
        }
        assert!(!r[3].contains("31 فبراير") && !r[3].contains("29 فبراير"), "{r:?}");
    }
    let conflicts = std::fs::read_to_string(out.join("conflicts.csv")).unwrap();
    for bad in ["31 فبراير 2017", "29 فبراير 2017", "31 أبريل"] {
        assert!(conflicts.contains(&format!("«{bad}»")) && conflicts.contains("impossible_date"), "{bad} in conflicts: {conflicts}");
    }
    // The phrase parser, with references at the edges of what --ref accepts.
    for r in ["2017-05-06", "0001-01-01", "9999-12-31T23:59:59+14:00"] {
        let o = tarikh_stdin(&["parse", "--ref", r], "31 فبراير\n29 فبراير 2017\n5 مايو 0\n5 مايو 99999\nبعد 99999 سنة\nقبل 9999999999999999999999 يوم\nالعام المقبل\nغدا\n");
        assert!(o.status.success() && !String::from_utf8_lossy(&o.stderr).contains("panicked"), "--ref {r}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 8);
    }
    // A reference out of ISO 8601's four-digit years is refused with a message.
    for r in ["99999-01-01", "0000-01-01", "+12345-01-01"] {
        let o = tarikh_stdin(&["parse", "--ref", r], "غدا\n");
        assert_eq!(o.status.code(), Some(2), "--ref {r}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(r), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn malformed_docs_csv_rows_are_named_by_line_and_spoil_nothing_else() {
    let docs = "doc,file,published_at\n\
                good,good.txt,2017-05-06\n\
                extra,extra.txt,2017-05-06,Europe/Paris,oops\n\
                quote,quote.txt,\"2017-05-06\n\
                after,after.txt,2017-05-04\n\
                short\n";
    let files: &[(&str, &[u8])] = &[("extra.txt", "مساء الجمعة".as_bytes()), ("quote.txt", "مساء الجمعة".as_bytes()), ("after.txt", "مساء الجمعة".as_bytes()), ("short.txt", "مساء الجمعة".as_bytes())];
    let c = corpus("docscsv", files, docs);
    let (o, out) = run(&c, "docscsv-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("docs.csv` line 3: 5 fields, but the header has 3"), "{stderr}");
    assert!(stderr.contains("docs.csv` line 4: a quote `\"` is not closed"), "{stderr}");
    assert!(stderr.contains("docs.csv` line 6: 1 fields"), "{stderr}");
    // The unclosed quote does not swallow the next row.
    assert_eq!(doc_row(&out, "after")[1..3], ["2017-05-04".to_string(), "metadata".to_string()]);
    assert_eq!(doc_row(&out, "quote")[1], "2017-05-06");
    assert!(doc_row(&out, "quote")[8].contains("line 4"));
    good_is_there(&out);
}

#[test]
fn a_publication_date_in_another_format_is_named_and_the_date_inferred() {
    let c = corpus("dateformat", &[("dmy.txt", "قال الرئيس اليوم السبت 6 مايو 2017 إنه سيستقيل.".as_bytes())], "doc,file,published_at\ngood,good.txt,2017-05-06\ndmy,dmy.txt,06/05/2017\n");
    let (o, out) = run(&c, "dateformat-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("docs.csv` line 3: published_at `06/05/2017` is not in the YYYY-MM-DD format (write 2017-05-06 if day first, or 2017-06-05 if month first)"), "{stderr}");
    let row = doc_row(&out, "dmy");
    assert_eq!((row[1].as_str(), row[2].as_str()), ("2017-05-06", "inferred"));
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push((p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn a_failed_run_leaves_the_previous_output_intact() {
    let out = common::tempdir(PREFIX, "intact");
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success());
    let before = snapshot(&out);
    assert!(before.iter().any(|(f, _)| f.starts_with("timeml/")) && before.len() > 8);
    // A corpus that does not exist.
    let o = tarikh(&["run", "no/such/corpus", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/corpus"));
    // An unknown time zone, and a broken grammar: nothing runs.
    assert_eq!(tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--timezone", "Mars/Olympus"]).status.code(), Some(2));
    let grammar = common::tempdir(PREFIX, "intact-grammar");
    std::fs::write(grammar.join("rules.toml"), "[[rule]\n").unwrap();
    assert_eq!(tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--grammar", grammar.to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(snapshot(&out), before, "out/ is unchanged after failed runs");
    // An output path that cannot be a folder (it is under a file) fails cleanly too.
    let o = tarikh(&["run", "data/corpus", "-o", out.join("documents.csv/sub").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("documents.csv/sub"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(snapshot(&out), before);
}

#[test]
fn output_is_byte_identical_twice_in_a_row_and_for_any_thread_count() {
    let a = common::tempdir(PREFIX, "det-a");
    let b = common::tempdir(PREFIX, "det-b");
    let c = common::tempdir(PREFIX, "det-c");
    assert!(tarikh(&["run", "data/corpus", "-o", a.to_str().unwrap(), "--threads", "2", "--quiet"]).status.success());
    assert!(tarikh(&["run", "data/corpus", "-o", b.to_str().unwrap(), "--threads", "2", "--quiet"]).status.success());
    assert!(tarikh(&["run", "data/corpus", "-o", c.to_str().unwrap(), "--threads", "1", "--quiet"]).status.success());
    let (sa, sb, sc) = (snapshot(&a), snapshot(&b), snapshot(&c));
    assert!(sa.iter().filter(|(f, _)| f.starts_with("timeml/") && f.ends_with(".tml")).count() >= 5, "one .tml per article");
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&sa), names(&sb));
    assert_eq!(names(&sa), names(&sc));
    for ((f, x), ((_, y), (_, z))) in sa.iter().zip(sb.iter().zip(&sc)) {
        assert!(x == y, "{f} differs between two runs");
        assert!(x == z, "{f} differs between 1 and 2 threads");
    }
    // Running into the same folder again replaces it with the same bytes.
    assert!(tarikh(&["run", "data/corpus", "-o", a.to_str().unwrap(), "--quiet"]).status.success());
    assert_eq!(snapshot(&a), sb);
}

/// A small deterministic generator (xorshift) of Arabic-ish text: words of the grammar, digits of
/// three scripts, marks, bidi controls, presentation forms and arbitrary chars.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn text(&mut self) -> String {
        const WORDS: &[&str] = &[
            "السبت", "الأحد", "يوم", "مساء", "صباح", "الجمعة", "مايو", "فبراير", "شعبان", "هـ", "م", "عام", "العام", "الماضي", "المقبل", "قبل", "بعد", "من", "ساعة", "ساعات", "أيام",
            "أسبوع", "نحو", "منذ", "حتى", "الساعة", "غدا", "أمس", "اليوم", "الآن", "للأحد", "ولل", "كانون", "الثاني", "أول", "آذار", "التصويت", "الجولة", "الانتخابات", "عشية", "غداة", "،", ".",
            "؟", "\n", "\r\n", " ", "  ", "\u{200F}", "\u{200B}", "\u{FEFF}", "\u{202B}", "\u{064B}", "\u{0640}", "ﻻ", "ﷺ", "«", "»", ":", "/", "-", "0", "1", "5", "12", "29", "31", "2017",
            "1438", "99999", "٢٠١٧", "۶", "18:30", "25:61", "\0", "x", "é", "🙂",
        ];
        let n = self.next() % 16;
        let mut s = String::new();
        for _ in 0..n {
            if self.next() & 7 == 0 {
                s.push(char::from_u32((self.next() % 0x11_0000) as u32).unwrap_or('\u{FFFD}'));
            } else {
                s.push_str(self.pick(WORDS));
            }
            if self.next() % 3 < 2 {
                s.push(' ');
            }
        }
        s
    }
}

/// Edge inputs written by hand. Inputs the fuzzer found to crash a target are files in
/// `fuzz/regressions/<target>/` (see `fuzz/README.md`); every target runs on all of them.
const REGRESSIONS: &[&str] = &["", " ", "\u{FEFF}", "لل", "وللا", "ﷺﷺ", "31 فبراير 2017", "5 مايو 99999", "10 شعبان 99999 هـ", "بعد 4294967296 يوما"];

/// The files of `fuzz/<dir>` and of its subfolders, sorted.
fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root().join("fuzz").join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.expect("directory entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn seeds() -> Vec<String> {
    let mut all: Vec<String> = REGRESSIONS.iter().map(|s| s.to_string()).collect();
    let mut files = files_under("regressions");
    assert!(!files.is_empty(), "fuzz/regressions holds the inputs that once crashed a target");
    files.extend(files_under("seeds"));
    all.extend(files.iter().map(|f| String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned()));
    all
}

#[test]
fn fuzz_targets_hold_on_their_seeds_and_regressions() {
    for s in seeds() {
        checks::normalise(&s);
        checks::tag(&s);
        checks::parse(&s);
    }
}

#[test]
fn fuzz_normalise_on_10000_generated_texts() {
    let mut g = Gen(0x9E37_79B9_7F4A_7C15);
    for _ in 0..10_000 {
        checks::normalise(&g.text());
    }
}

#[test]
fn fuzz_tag_and_parse_on_generated_texts() {
    // tag and parse run the whole grammar (and the Umm al-Qura astronomy for far years), so fewer
    // cases here; cargo-fuzz runs them by the million.
    let mut g = Gen(0xD1B5_4A32_D192_ED03);
    for _ in 0..600 {
        let t = g.text();
        checks::tag(&t);
        checks::parse(&t);
    }
}

/// The value `tarikh parse` gives a phrase against a reference day (empty: no expression).
fn value_of(phrase: &str, reference: (i32, u32, u32)) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(reference.0, reference.1, reference.2).expect("reference");
    let r = tarikh_anchor::Reference { date, time: None, tz: chrono_tz::Europe::Paris };
    tarikh_anchor::parse_phrase(checks::grammar(), phrase, r, tarikh_anchor::Prefer::Nearest).map(|t| t.value).unwrap_or_default()
}

#[test]
fn date_arithmetic_stays_within_four_digit_years_and_never_overflows() {
    // Shifts land on the year 9999 or 0000 at most; one step further names no date.
    assert_eq!(value_of("بعد 7982 سنة", (2017, 5, 6)), "9999");
    assert_eq!(value_of("بعد 7983 سنة", (2017, 5, 6)), "");
    assert_eq!(value_of("قبل 2017 سنة", (2017, 5, 6)), "0000");
    assert_eq!(value_of("قبل 2018 سنة", (2017, 5, 6)), "");
    assert_eq!(value_of("بعد 95791 شهرا", (2017, 5, 6)), "9999-12");
    assert_eq!(value_of("بعد 95792 شهرا", (2017, 5, 6)), "");
    assert_eq!(value_of("بعد 3 أيام", (9999, 12, 30)), "");
    assert_eq!(value_of("قبل 3 أيام", (1, 1, 2)), "0000-12-30");
    assert_eq!(value_of("قبل 3 أيام", (0, 1, 2)), "");
    // Amounts up to i32::MAX (larger ones are not read as a number at all), for every unit, both
    // ways, from the first and the last day --ref accepts: no overflow, and no year beyond 9999.
    for unit in ["سنة", "شهرا", "يوما", "أسبوعا", "عقدا", "قرنا", "ساعة", "دقيقة", "ثانية"] {
        for n in ["2147483647", "214748364", "95000000", "99999999999999999999"] {
            for reference in [(1, 1, 1), (2017, 5, 6), (9999, 12, 31)] {
                for word in ["بعد", "قبل", "منذ"] {
                    let phrase = format!("{word} {n} {unit}");
                    let v = value_of(&phrase, reference);
                    let four_digit_year = v.len() >= 4 && v.is_char_boundary(4) && v[..4].bytes().all(|b| b.is_ascii_digit()) && !v[4..].starts_with(|c: char| c.is_ascii_digit());
                    assert!(v.is_empty() || v.starts_with('P') || four_digit_year, "{phrase} from {reference:?}: {v}");
                    checks::parse(&phrase);
                    checks::tag(&phrase);
                }
            }
        }
    }
    // A duration of an enormous number of days keeps its amount and ordered bounds.
    let date = chrono::NaiveDate::from_ymd_opt(2017, 5, 6).expect("date");
    let r = tarikh_anchor::Reference { date, time: None, tz: chrono_tz::Europe::Paris };
    let t = tarikh_anchor::parse_phrase(checks::grammar(), "استمر 2147483647 قرنا", r, tarikh_anchor::Prefer::Nearest).expect("a duration");
    assert_eq!(t.value, "P2147483647CE");
    let (lo, hi) = t.duration_seconds.expect("bounds");
    assert!(0 < lo && lo <= hi, "{lo} {hi}");
    // Days that do not exist: no date, and a leap day only in a leap year.
    assert_eq!(value_of("31 فبراير 2017", (2017, 5, 6)), "");
    assert_eq!(value_of("29 فبراير 2017", (2017, 5, 6)), "");
    assert_eq!(value_of("29 فبراير 2016", (2017, 5, 6)), "2016-02-29");
    assert_eq!(value_of("31 أبريل", (2017, 5, 6)), "");
    // A 30th the Umm al-Qura table lacks is the day after the 29th (a country that completed the
    // month has it); a 31st never exists.
    assert_eq!(value_of("30 ذو الحجة 1438 هـ", (2017, 5, 6)), "2017-09-21");
    assert_eq!(value_of("31 ذو الحجة 1438 هـ", (2017, 5, 6)), "");
}

#[test]
fn enormous_event_offsets_neither_overflow_nor_date_the_events_out_of_range() {
    // An event-anchored amount is read as u64, so its seconds saturate at i64::MAX; the timeline
    // once added 59 to that to round it to minutes. Chained offsets must not run past chrono.
    let text = "جرت الانتخابات الرئاسية يوم الأحد 7 مايو 2017. وأغلقت الحملة الانتخابية قبل 9999999999999999999 قرنا من التصويت، \
                وانتهت الحملة قبل أكثر من 9999999999999999 ساعة من الجولة الثانية، وأعلنت النتائج بعد نحو 18446744073709551615 عاما من الاقتراع، \
                ووقع الهجوم قبل 2147483647 يوما من المؤتمر الصحفي، وعقد المؤتمر الصحفي بعد 99999999999 أسبوعا من الاجتماع.";
    let c = corpus("huge-offsets", &[("huge.txt", text.as_bytes())], "doc,file,published_at\ngood,good.txt,2017-05-06\nhuge,huge.txt,2017-05-06\n");
    let (o, out) = run(&c, "huge-offsets-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!read_csv(&out.join("relations.csv")).is_empty(), "the offsets are read as relations");
    for row in read_csv(&out.join("timeline.csv")) {
        for bound in &row[3..7] {
            assert!(bound.is_empty() || chrono::DateTime::parse_from_str(bound, "%Y-%m-%dT%H:%M%:z").is_ok(), "bound {bound} of {row:?}");
        }
    }
    good_is_there(&out);
}

impl Gen {
    /// An article of generated sentences in which events, relation signals and huge amounts are
    /// frequent, so the events, timeline and writer stages get their share of odd input.
    fn article(&mut self) -> String {
        const EVENTS: &[&str] = &[
            "جرت الانتخابات الرئاسية", "أعلن الرئيس", "استقالته", "التصويت", "الجولة الثانية", "الجولة الأولى", "الحملة الانتخابية", "انتهت الحملة",
            "وقع الهجوم", "عقد المؤتمر الصحفي", "الاجتماع", "الاقتراع", "أعلنت النتائج", "عشية", "غداة", "أي", "قبل", "بعد", "من", "قبيل", "إثر",
            "آخر ساعة من", "قبل 48 ساعة من", "بعد نحو 24 ساعة من", "قبل 9999999999999999999 قرنا من", "بعد 2147483647 يوما من", "بعد أكثر من 99999999999 أسبوعا من",
            "يوم الأحد 7 مايو 2017", "في 23 أبريل", "الجمعة 4 مايو 2017", "31 فبراير 2017", "منذ 2147483647 سنة", "10 شعبان 1438 هـ الموافق 6 مايو 2017",
        ];
        let mut s = String::new();
        for _ in 0..(2 + self.next() % 10) {
            for _ in 0..(1 + self.next() % 6) {
                s.push_str(self.pick(EVENTS));
                s.push(' ');
            }
            s.push_str(&self.text());
            s.push_str(self.pick(&["، ", ". ", ".\n", " ", "\r\n\"", "» "]));
        }
        s
    }
}

#[test]
fn the_whole_pipeline_holds_on_generated_articles() {
    // Events, timeline, CSV, TimeML and SVG writers on 120 generated articles at once (half with a
    // publication date, half inferred): no panic, every article processed, TimeML well formed.
    // TARIKH_GEN_SEED=<n> tries other articles.
    let seed = std::env::var("TARIKH_GEN_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x2545_F491_4F6C_DD1D);
    let mut g = Gen(seed);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut docs = String::from("doc,file,published_at\ngood,good.txt,2017-05-06\n");
    for i in 0..120 {
        let name = format!("gen{i:03}.txt");
        docs.push_str(&format!("gen{i:03},{name},{}\n", if i % 2 == 0 { "2017-05-06" } else { "" }));
        // (a NUL marks a binary file, which tarikh refuses: robustness tests above cover that)
        files.push((name, g.article().replace('\0', " ").into_bytes()));
    }
    let extra: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let c = corpus("generated", &extra, &docs);
    let (o, out) = run(&c, "generated-out");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(read_csv(&out.join("documents.csv")).len(), 121);
    assert!(read_csv(&out.join("relations.csv")).len() > 10, "the generated articles relate events");
    for (name, _) in &files {
        let tml = std::fs::read_to_string(out.join("timeml").join(name.replace(".txt", ".tml"))).unwrap();
        roxmltree::Document::parse(&tml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    good_is_there(&out);
}

/// The output files `tarikh run` writes, besides the `timeml/` folder.
const OUTPUT_FILES: [&str; 8] =
    ["documents.csv", "timex.csv", "event_mentions.csv", "timeline.csv", "relations.csv", "conflicts.csv", "timeline.svg", "timeline.html"];

#[test]
fn a_killed_run_leaves_whole_files_and_the_next_run_sweeps_its_leftovers() {
    // A corpus big enough that a run takes a while: the seed articles, 40 times over.
    let corpus = common::tempdir(PREFIX, "killed-corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(root().join("data/corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read(&path).unwrap();
            for copy in 0..40 {
                std::fs::write(corpus.join(format!("{}-{copy:02}.txt", path.file_stem().unwrap().to_string_lossy())), &text).unwrap();
                count += 1;
            }
        }
    }
    let out = common::tempdir(PREFIX, "killed-out");
    assert!(tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--quiet"]).status.success());
    let before = snapshot(&out);
    // Kill runs at growing delays (SIGKILL: no clean-up code runs). Whenever the kill lands, every
    // file in out/ is whole: the previous run's, byte for byte, or the complete new one.
    for delay_ms in [20, 150, 600, 2_000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"])
            .current_dir(root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        child.kill().ok();
        child.wait().unwrap();
        for name in OUTPUT_FILES {
            let now = std::fs::read(out.join(name)).unwrap_or_else(|e| panic!("{name} lost after a kill at {delay_ms} ms: {e}"));
            let old = &before.iter().find(|(f, _)| f == name).unwrap().1;
            if &now != old {
                // The new run's file, complete: documents.csv lists every document, the other CSVs
                // parse to the end, the pictures close their root element.
                let text = String::from_utf8(now).unwrap();
                if name == "documents.csv" {
                    assert_eq!(read_csv(&out.join(name)).len(), count, "{name} after a kill at {delay_ms} ms");
                } else if name.ends_with(".csv") {
                    read_csv(&out.join(name));
                } else {
                    assert!(text.trim_end().ends_with("</svg>") || text.trim_end().ends_with("</html>"), "{name} is cut short");
                }
            }
        }
    }
    // A run that completes sweeps the staging folders of killed runs and writes the whole output.
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let leftovers: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tarikh-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind: {leftovers:?}");
    assert_eq!(read_csv(&out.join("documents.csv")).len(), count);
}
