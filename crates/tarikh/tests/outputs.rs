//! The outputs people open: CSV in a spreadsheet (with and without a byte-order mark, formulas
//! neutralised, LibreOffice round trip), the timeline picture (SVG structure, HTML page), TimeML
//! (well-formed, text identical to the article), streaming JSONL, and the stderr verbosity flags.

mod common;

use common::{read_csv, read_csv_bytes, require_tool, root, tarikh};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PREFIX: &str = "outputs";
use std::sync::OnceLock;
use std::time::Duration;

/// One run of the bundled corpus shared by the read-only tests.
fn corpus_out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = common::tempdir(PREFIX, "corpus");
        let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--quiet"]);
        assert!(o.status.success(), "tarikh run failed: {}", String::from_utf8_lossy(&o.stderr));
        out
    })
}

const CSVS: &[&str] = &["documents.csv", "timex.csv", "event_mentions.csv", "timeline.csv", "relations.csv", "conflicts.csv"];
const BOM: &[u8] = b"\xEF\xBB\xBF";

// ---------------------------------------------------------------------------------------------
// CSV

#[test]
fn excel_flag_adds_a_bom_to_every_csv_and_nothing_else_changes() {
    let plain = corpus_out();
    let excel = common::tempdir(PREFIX, "excel");
    let o = tarikh(&["run", "data/corpus", "-o", excel.to_str().unwrap(), "--quiet", "--excel"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in CSVS {
        let a = std::fs::read(plain.join(f)).unwrap();
        let b = std::fs::read(excel.join(f)).unwrap();
        assert!(!a.starts_with(BOM), "{f}: no byte-order mark without --excel");
        assert!(std::str::from_utf8(&a).is_ok(), "{f} is UTF-8");
        assert!(b.starts_with(BOM), "{f}: --excel starts it with a byte-order mark");
        assert_eq!(&b[BOM.len()..], &a[..], "{f}: only the byte-order mark differs");
    }
}

#[test]
fn formula_like_cells_are_neutralised_end_to_end() {
    let corpus = common::tempdir(PREFIX, "formula-corpus");
    let out = common::tempdir(PREFIX, "formula-out");
    let text = "أعلن الرئيس مساء الجمعة 5 مايو 2017 استقالته.";
    for f in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        std::fs::write(corpus.join(f), text).unwrap();
    }
    std::fs::write(
        corpus.join("docs.csv"),
        "doc,file,published_at\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",a.txt,2017-05-06\n+33,b.txt,2017-05-06\n-2,c.txt,2017-05-06\n@SUM(A1),d.txt,2017-05-06\n",
    )
    .unwrap();
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, docs) = read_csv(&out.join("documents.csv"));
    let ids: Vec<&str> = docs.iter().map(|r| r[0].as_str()).collect();
    for id in ["'=HYPERLINK(\"http://x\",\"y\")", "'+33", "'-2", "'@SUM(A1)"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    for f in CSVS {
        let (_, rows) = read_csv(&out.join(f));
        for row in rows {
            for cell in row {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{f}: a spreadsheet would run `{cell}`");
            }
        }
    }
    // The TimeML file names are made safe too.
    let names: Vec<String> = std::fs::read_dir(out.join("timeml")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names.iter().all(|n| !n.contains('/') && !n.contains('"') && n.ends_with(".tml")), "{names:?}");
}

/// LibreOffice's `soffice`, if installed.
fn soffice() -> Option<PathBuf> {
    for name in ["soffice", "libreoffice"] {
        if let Ok(o) = Command::new("sh").arg("-c").arg(format!("command -v {name}")).output() {
            let p = String::from_utf8_lossy(&o.stdout).trim().to_string();
            if o.status.success() && !p.is_empty() {
                return Some(PathBuf::from(p));
            }
        }
    }
    None
}

#[test]
fn libreoffice_reads_timeline_csv_with_its_columns_and_arabic() {
    let Some(soffice) = soffice() else {
        require_tool("libreoffice_reads_timeline_csv_with_its_columns_and_arabic", "LibreOffice (soffice)", "apt-get install libreoffice-calc-nogui");
        return;
    };
    let out = corpus_out();
    for excel in [false, true] {
        let work = common::tempdir(PREFIX, if excel { "soffice-bom" } else { "soffice" });
        let src = work.join("timeline.csv");
        let mut bytes = std::fs::read(out.join("timeline.csv")).unwrap();
        if excel {
            bytes.splice(0..0, BOM.iter().copied());
        }
        std::fs::write(&src, &bytes).unwrap();
        let conv = work.join("converted");
        std::fs::create_dir_all(&conv).unwrap();
        let profile = format!("-env:UserInstallation=file://{}", work.join("profile").display());
        // Import as UTF-8 comma-separated text, every column as text (so nothing is reinterpreted),
        // then export as UTF-8 CSV.
        let o = Command::new(&soffice)
            .args([
                profile.as_str(),
                "--headless",
                "--norestore",
                "--infilter=CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/2/10/2/11/2/12/2",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1",
                "--outdir",
                conv.to_str().unwrap(),
                src.to_str().unwrap(),
            ])
            .env("HOME", &work)
            .output()
            .expect("run soffice");
        let converted = conv.join("timeline.csv");
        assert!(converted.exists(), "soffice converted nothing: {}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        let got = std::fs::read(&converted).unwrap();
        let got = got.strip_prefix(BOM).unwrap_or(&got);
        let (gh, grows) = read_csv_bytes(got);
        let (eh, erows) = read_csv(&out.join("timeline.csv"));
        assert_eq!(gh, eh, "the header survives (bom: {excel})");
        assert_eq!(grows.len(), erows.len(), "every row survives");
        for (g, e) in grows.iter().zip(&erows) {
            assert_eq!(g.len(), e.len(), "columns of {}", e[0]);
            assert_eq!(g[0], e[0], "event_id");
            assert_eq!(g[2], e[2], "the Arabic label of {} survives", e[0]);
            for c in 3..7 {
                assert_eq!(g[c], e[c], "bound column {c} of {} stays ISO 8601", e[0]);
            }
        }
        assert!(grows.iter().any(|r| r[2].chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))), "Arabic text present");
    }
}

// ---------------------------------------------------------------------------------------------
// The picture

const LABEL_COLUMN_LEFT: f64 = 1280.0 - 16.0 - 360.0;

#[test]
fn svg_is_valid_xml_with_one_mark_and_one_label_per_event() {
    let out = corpus_out();
    let svg = std::fs::read_to_string(out.join("timeline.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("timeline.svg is well-formed XML");
    let root_el = doc.root_element();
    assert_eq!(root_el.tag_name().name(), "svg");
    assert_eq!(root_el.attribute("width"), Some("1280"));
    let (_, events) = read_csv(&out.join("timeline.csv"));
    let has_class = |n: &roxmltree::Node, c: &str| n.attribute("class").is_some_and(|v| v.split_whitespace().any(|x| x == c));
    let marks: Vec<roxmltree::Node> = doc.descendants().filter(|n| has_class(n, "event")).collect();
    // one mark per row of timeline.csv, up to the most important 35 of each story
    let cap = tarikh_pipeline::svg::MAX_EVENTS_PER_STORY;
    let mut per_story: std::collections::BTreeMap<&str, Vec<&Vec<String>>> = std::collections::BTreeMap::new();
    for row in &events {
        per_story.entry(row[13].as_str()).or_default().push(row);
    }
    let mut drawn: Vec<&Vec<String>> = Vec::new();
    for rows in per_story.values() {
        let mut ranked = rows.clone();
        ranked.sort_by(|a, b| b[12].parse::<u32>().unwrap().cmp(&a[12].parse::<u32>().unwrap()).then_with(|| a[0].cmp(&b[0])));
        drawn.extend(ranked.into_iter().take(cap));
    }
    assert_eq!(marks.len(), drawn.len(), "one mark per row of timeline.csv, at most {cap} per story");
    for row in drawn {
        let (id, label) = (&row[0], &row[2]);
        let mark = marks.iter().find(|m| m.attribute("data-id") == Some(id.as_str())).unwrap_or_else(|| panic!("no mark for {id}"));
        let group = mark.parent().expect("row group");
        let text = group.descendants().find(|n| has_class(n, "label")).unwrap_or_else(|| panic!("no label for {id}"));
        let shown: String = text.children().filter(|c| c.is_text()).map(|c| c.text().unwrap_or("")).collect();
        let shown = shown.trim_end_matches('…');
        assert!(!shown.is_empty() && label.starts_with(shown), "{id}: label `{shown}` is the start of `{label}`");
        // The full text is in the tooltip.
        let title: String = text.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text()).collect();
        assert!(title.contains(label.as_str()), "{id}: tooltip holds the full label");
        // Bars stay left of the label column.
        if mark.has_tag_name("rect") {
            let x: f64 = mark.attribute("x").unwrap().parse().unwrap();
            let w: f64 = mark.attribute("width").unwrap().parse().unwrap();
            assert!(x >= 0.0 && x + w <= LABEL_COLUMN_LEFT, "{id}: bar {x}+{w} reaches into the labels");
            let lx: f64 = text.attribute("x").unwrap().parse().unwrap();
            assert!(lx > LABEL_COLUMN_LEFT, "{id}: label anchored in the label column");
        }
        if row[11] == "conflict" {
            assert!(has_class(mark, "conflict") || mark.attribute("stroke") == Some("#c62828"), "{id}: a contradiction is flagged");
        }
    }
    // The bundled corpus has a dated silence period, a vote of one day and contradictions: each is
    // drawn (the checks cannot vanish with the events: their presence is asserted first).
    assert!(events.iter().any(|r| r[1].contains("silence") && !r[3].is_empty() && !r[6].is_empty()), "the seeds have a dated silence period");
    assert!(doc.descendants().any(|n| has_class(&n, "silence")), "silence period shaded");
    assert!(events.iter().any(|r| r[1] == "election_round" && r[7] == "day"), "the seeds have a vote of one day");
    assert!(doc.descendants().any(|n| has_class(&n, "vote")), "vote marked");
    assert!(doc.descendants().any(|n| has_class(&n, "vote-day") && n.text().is_some_and(|t| t.contains("تصويت"))), "vote day named on the axis");
    // its date kept left-to-right inside the Arabic (else it shows as 07-05-2017)
    assert!(doc.descendants().any(|n| has_class(&n, "vote-day") && n.text().is_some_and(|t| t.contains("\u{2066}2017-05-07\u{2069}"))), "vote date isolated");
    // each story headed by its words
    assert!(doc.descendants().any(|n| has_class(&n, "story") && n.text().is_some_and(|t| t.contains("ماكرون"))), "story heading names its words");
    assert!(events.iter().any(|r| r[11] == "conflict"), "the seeds have events in a contradiction");
    // every contradiction names the events it involves
    let (_, conflicts) = read_csv(&out.join("conflicts.csv"));
    for c in doc.descendants().filter(|n| has_class(n, "conflict") && n.has_tag_name("g")) {
        let named = c.descendants().find(|n| has_class(n, "conflict-events")).expect("a line naming the events");
        let ids = c.attribute("data-events").unwrap_or("");
        let text: String = named.children().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
        for id in ids.split_whitespace() {
            assert!(text.contains(id) || text.ends_with('…'), "{:?} names {id}: {text}", c.attribute("data-id"));
        }
    }
    assert_eq!(doc.descendants().filter(|n| has_class(n, "conflict") && n.has_tag_name("g")).count(), conflicts.len());
    // The page around it.
    let html = std::fs::read_to_string(out.join("timeline.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(svg.split_once("?>\n").unwrap().1), "the HTML embeds the SVG");
}

#[test]
fn svg_of_an_empty_timeline_is_still_valid() {
    let corpus = common::tempdir(PREFIX, "empty-corpus");
    let out = common::tempdir(PREFIX, "empty-out");
    std::fs::write(corpus.join("a.txt"), "لا شيء هنا & <ولا هناك>").unwrap();
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(out.join("timeline.svg")).unwrap();
    roxmltree::Document::parse(&svg).expect("well-formed");
}

// ---------------------------------------------------------------------------------------------
// TimeML

/// Strip the tags of the `<TEXT>` element by hand and unescape the entities.
fn text_by_hand(xml: &str) -> String {
    let inner = xml.split_once("<TEXT>").expect("<TEXT>").1.rsplit_once("</TEXT>").expect("</TEXT>").0;
    let mut out = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&#13;", "\r").replace("&amp;", "&")
}

fn check_timeml(xml: &str, original: &str, timexes: &[Vec<String>]) {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    assert_eq!(text_by_hand(xml), original, "tags stripped by hand: the article byte for byte");
    let text_el = doc.descendants().find(|n| n.has_tag_name("TEXT")).expect("TEXT");
    let parsed: String = text_el.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    assert_eq!(parsed, original, "text content as an XML parser reads it: the article byte for byte");
    let dct = doc.descendants().find(|n| n.has_tag_name("DCT")).expect("DCT");
    let t0 = dct.children().find(|n| n.has_tag_name("TIMEX3")).expect("DCT TIMEX3");
    assert_eq!(t0.attribute("functionInDocument"), Some("CREATION_TIME"));
    assert_eq!(t0.attribute("tid"), Some("t0"));
    let tx: Vec<roxmltree::Node> = text_el.descendants().filter(|n| n.has_tag_name("TIMEX3")).collect();
    assert_eq!(tx.len(), timexes.len(), "one TIMEX3 per row of timex.csv");
    let mut tids = vec!["t0".to_string()];
    for (t, row) in tx.iter().zip(timexes) {
        for a in ["tid", "type", "value"] {
            assert!(t.attribute(a).is_some(), "TIMEX3 without {a}");
        }
        assert_eq!(t.text().unwrap_or(""), row[3], "TIMEX3 text");
        assert_eq!(t.attribute("type"), Some(row[4].as_str()));
        assert_eq!(t.attribute("value"), Some(row[5].as_str()));
        assert_eq!(t.attribute("mod").unwrap_or(""), row[8], "TIMEX3 mod");
        tids.push(t.attribute("tid").unwrap().to_string());
    }
    for t in &tx {
        if let Some(a) = t.attribute("anchorTimeID") {
            assert!(tids.iter().any(|x| x == a), "anchorTimeID {a} names a TIMEX3");
        }
    }
    let events: Vec<roxmltree::Node> = text_el.descendants().filter(|n| n.has_tag_name("EVENT")).collect();
    let mut eids = std::collections::BTreeSet::new();
    for e in &events {
        assert!(eids.insert(e.attribute("eid").expect("eid").to_string()), "eid unique");
        assert!(["OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"].contains(&e.attribute("class").expect("class")));
        assert!(!e.ancestors().skip(1).any(|a| a.has_tag_name("TIMEX3")), "EVENT inside a TIMEX3");
    }
    let eiids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("MAKEINSTANCE"))
        .map(|n| {
            assert!(eids.contains(n.attribute("eventID").unwrap()), "MAKEINSTANCE of a known EVENT");
            n.attribute("eiid").unwrap()
        })
        .collect();
    for l in doc.descendants().filter(|n| n.has_tag_name("TLINK")) {
        assert!(l.attribute("lid").is_some() && l.attribute("relType").is_some());
        let from = l.attribute("eventInstanceID").or(l.attribute("timeID")).expect("TLINK source");
        assert!(eiids.contains(&from) || tids.iter().any(|t| t == from), "TLINK source {from} exists");
        let to = l.attribute("relatedToEventInstance").or(l.attribute("relatedToTime")).expect("TLINK target");
        assert!(eiids.contains(&to) || tids.iter().any(|t| t == to), "TLINK target {to} exists");
    }
}

#[test]
fn timeml_is_well_formed_and_keeps_the_article_text() {
    let out = corpus_out();
    let (_, docs) = read_csv(&root().join("data/corpus/docs.csv"));
    let (_, timex) = read_csv(&out.join("timex.csv"));
    let mut checked = 0;
    let mut with_events = 0;
    let mut with_links = 0;
    for d in &docs {
        let original = std::fs::read_to_string(root().join("data/corpus").join(&d[1])).unwrap();
        let original = original.strip_prefix('\u{FEFF}').unwrap_or(&original).to_string();
        let xml = std::fs::read_to_string(out.join("timeml").join(format!("{}.tml", d[0]))).unwrap_or_else(|e| panic!("timeml/{}.tml: {e}", d[0]));
        let rows: Vec<Vec<String>> = timex.iter().filter(|r| r[0] == d[0]).cloned().collect();
        check_timeml(&xml, &original, &rows);
        with_events += usize::from(xml.contains("<EVENT "));
        with_links += usize::from(xml.contains("<TLINK ") && xml.contains("relatedToEventInstance"));
        checked += 1;
    }
    assert!(checked >= 5);
    assert!(with_events >= 1 && with_links >= 1, "events and event-event links are written");
}

#[test]
fn timeml_escapes_markup_and_keeps_carriage_returns() {
    let corpus = common::tempdir(PREFIX, "tml-corpus");
    let out = common::tempdir(PREFIX, "tml-out");
    let text = "وصل الوفد مساء الجمعة 5 مايو 2017 & <b>\"قال\"</b> 'x'\r\nثم غادر يوم السبت]]> واستقال.\r\n";
    std::fs::write(corpus.join("x.txt"), text).unwrap();
    std::fs::write(corpus.join("docs.csv"), "doc,file,published_at\nx&<y>,x.txt,2017-05-06T10:00+02:00\n").unwrap();
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, timex) = read_csv(&out.join("timex.csv"));
    assert!(!timex.is_empty(), "the test text has temporal expressions");
    let files: Vec<PathBuf> = std::fs::read_dir(out.join("timeml")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1);
    let xml = std::fs::read_to_string(&files[0]).unwrap();
    check_timeml(&xml, text, &timex);
    assert!(xml.contains("<DOCID>x&amp;&lt;y&gt;</DOCID>"));
    // Run again: the folder is replaced, not merged or refused.
    let o = tarikh(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "second run: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_dir(out.join("timeml")).unwrap().count(), 1);
}

// ---------------------------------------------------------------------------------------------
// Streaming and stderr

#[test]
fn tag_streams_thousands_of_jsonl_lines_as_they_come() {
    const N: usize = 3000;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["tag", "--input", "-", "--format", "jsonl"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
    let line = |i: usize| format!("{{\"id\":\"d{i}\",\"text\":\"وصل الوفد مساء الجمعة ثم غادر.\",\"published_at\":\"2017-05-06\"}}\n");
    let writer = std::thread::spawn(move || {
        // Half the input first; the rest only once output has come back, which a program that
        // collected every line before answering would never give.
        for i in 0..N / 2 {
            stdin.write_all(line(i).as_bytes()).unwrap();
        }
        stdin.flush().unwrap();
        if go_rx.recv_timeout(Duration::from_secs(120)).is_ok() {
            for i in N / 2..N {
                stdin.write_all(line(i).as_bytes()).unwrap();
            }
        }
    });
    let (line_tx, line_rx) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines() {
            if line_tx.send(l.unwrap()).is_err() {
                break;
            }
        }
    });
    let first = line_rx.recv_timeout(Duration::from_secs(120));
    if first.is_err() {
        let _ = child.kill();
        panic!("no output after half the input: tag --input does not stream");
    }
    go_tx.send(()).unwrap();
    writer.join().unwrap();
    let mut lines = vec![first.unwrap()];
    lines.extend(line_rx.iter());
    reader.join().unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(lines.len(), N, "one temporal expression per input line");
    for (i, l) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["doc"], format!("d{i}"), "input order kept");
        assert_eq!(v["value"], "2017-05-05TEV");
    }
}

#[test]
fn verbose_prints_a_line_per_document_and_quiet_prints_nothing() {
    let out = common::tempdir(PREFIX, "verbose");
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--verbose"]);
    assert!(o.status.success());
    let stderr = String::from_utf8(o.stderr).unwrap();
    let (_, docs) = read_csv(&root().join("data/corpus/docs.csv"));
    for d in &docs {
        assert!(stderr.lines().any(|l| l.starts_with(&format!("{}: ", d[0])) && l.contains("temporal expressions")), "a line for {}: {stderr}", d[0]);
    }
    assert!(!stderr.contains('\x1b') && !stderr.contains('\r'), "no progress bar when stderr is not a terminal");
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stderr), "", "--quiet prints nothing on success");
    let o = tarikh(&["run", "data/corpus", "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(!stderr.contains('\x1b') && !stderr.contains('\r'), "no progress bar when stderr is not a terminal");
    assert!(stderr.contains("timeline events"), "the summary line: {stderr}");
}
