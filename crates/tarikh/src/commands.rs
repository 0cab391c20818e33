//! The four commands: what each reads, what it runs, and what it prints.

use crate::output::{cells_of, csv_line, Machine, Records};
use crate::{progress, DocumentArgs, EvalFormat, EventsArg, ExplainFormat, GrammarArg, ParseFormat, PreferArg, TagFormat, VerbosityArgs};
use anyhow::{bail, Context, Result};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tarikh_anchor::{Prefer, Reference};
use tarikh_grammar::Grammar;
use tarikh_pipeline::records::TimexRecord;
use tarikh_pipeline::{corpus, process as pipeline};

/// The grammar `--grammar` names (or the built-in one), with its analysis kept between runs in
/// the cache the environment names (`TARIKH_CACHE_DIR`, see `AnalysisCache::from_env`): a
/// one-phrase `tarikh parse` starts in a fraction of the time, with the same results.
fn load_grammar(arg: &GrammarArg) -> Result<Grammar> {
    let cache = tarikh_pipeline::AnalysisCache::from_env();
    tarikh_pipeline::load_grammar_cached(arg.grammar.as_deref(), cache.as_ref(), &mut |w| eprintln!("warning: {w}"))
}

fn load_events(arg: &EventsArg) -> Result<tarikh_events::EventLexicon> {
    tarikh_pipeline::load_events(arg.events.as_deref())
}

fn zone(name: &str) -> Result<chrono_tz::Tz> {
    name.parse().map_err(|_| anyhow::anyhow!("unknown time zone `{name}`; use an IANA name such as Europe/Paris"))
}

fn settings(grammar: &GrammarArg, documents: &DocumentArgs) -> Result<pipeline::Settings> {
    if let Some(n) = documents.threads {
        // Ignore the error when a pool already exists (tests call run twice in one process).
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let timezone = documents.timezone.as_deref().map(zone).transpose()?;
    let fallback = documents
        .fallback_date
        .as_deref()
        .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| anyhow::anyhow!("--fallback-date expects YYYY-MM-DD, but found `{d}`")))
        .transpose()?;
    let gazetteer = tarikh_pipeline::load_places(documents.places.as_deref())?;
    Ok(pipeline::Settings { timezone, fallback, ..pipeline::Settings::with_gazetteer(load_grammar(grammar)?, gazetteer) })
}

/// Leave `loaded` (the grammar, the gazetteer, an event lexicon) to the end of the process
/// instead of dropping it: the command has finished with it and the process is about to exit,
/// which gives all of its memory back at once. Freeing the compiled grammar's many small
/// allocations one by one was a twentieth of a one-phrase `tarikh parse` and ~67 M instructions
/// of every `tag` or `run`.
fn end_of_process<T>(loaded: T) {
    std::mem::forget(loaded);
}

/// `tarikh run`.
#[allow(clippy::too_many_arguments)]
pub fn run(corpus_dir: &Path, out: &Path, docs: Option<&Path>, excel: bool, grammar: &GrammarArg, events: &EventsArg, documents: &DocumentArgs, verbosity: &VerbosityArgs) -> Result<ExitCode> {
    let settings = settings(grammar, documents)?;
    let lexicon = load_events(events)?;
    // each text is read again when its story is anchored: the folder's texts are never all held
    let inputs = corpus::read_corpus_released(corpus_dir, docs)?;
    if inputs.is_empty() {
        bail!("no .txt articles in `{}`; drop Arabic articles there (UTF-8 text files)", corpus_dir.display());
    }
    // Story by story: memory holds one batch of stories' texts and events, not the corpus's.
    let bar = progress::Progress::new(Some(inputs.len() as u64), progress::Verbosity::from_flags(verbosity.quiet, verbosity.verbose));
    let report = tarikh_pipeline::stream::run_to_folder(&settings, inputs, &lexicon, out, excel, &|_, o| bar.done(o));
    bar.finish();
    let report = report?;
    // --quiet: the documents that could not be read, not the warnings about the others
    for line in report.messages.iter().filter(|l| !verbosity.quiet || l.starts_with("error")) {
        eprintln!("{line}");
    }
    if !verbosity.quiet {
        eprintln!("{}", report.summary);
    }
    // The process ends here: the grammar, gazetteer and event lexicon are not freed one
    // allocation at a time (see `end_of_process`).
    end_of_process(settings);
    end_of_process(lexicon);
    Ok(if report.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Where `tarikh tag` writes: a record stream, or text for people.
enum TagSink<'a> {
    Records(Records<std::io::StdoutLock<'a>>),
    Text(std::io::StdoutLock<'a>),
}

impl TagSink<'_> {
    /// Print one document's expressions; false when the reader has gone.
    fn document(&mut self, d: &tarikh_anchor::AnchoredDocument) -> Result<bool> {
        match self {
            TagSink::Records(r) => {
                // Each expression written as it is (JSON), its record made only for a CSV row.
                for t in &d.timexes {
                    let json = |out: &mut Vec<u8>| {
                        tarikh_pipeline::records::write_timex_json(out, &d.id, t);
                        Ok(())
                    };
                    if !r.push_with(json, || TimexRecord::new(&d.id, t).cells())? {
                        return Ok(false);
                    }
                }
                r.flush()
            }
            TagSink::Text(out) => {
                let records = tarikh_pipeline::records::timex_records(d);
                let mut s = format!(
                    "{}: published {} ({}), {} temporal expression{}\n",
                    d.id,
                    d.publication.known_date().map(|day| day.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "on an unknown day".into()),
                    d.publication.basis.as_str(),
                    records.len(),
                    if records.len() == 1 { "" } else { "s" }
                );
                for r in &records {
                    s.push_str(&text_line(r));
                }
                write_or_gone(out, &s)
            }
        }
    }

    fn finish(self) -> Result<()> {
        match self {
            TagSink::Records(r) => r.finish(),
            TagSink::Text(mut out) => {
                let _ = out.flush();
                Ok(())
            }
        }
    }
}

/// One expression as `tag --format text` prints it: where, what, and why.
fn text_line(r: &TimexRecord) -> String {
    let modifier = if r.modifier.is_empty() { String::new() } else { format!(" mod={}", r.modifier) };
    let interval = if r.interval_start.is_empty() { String::new() } else { format!("  [{} – {})", r.interval_start, r.interval_end) };
    format!("  {:>5}-{:<5} {:<8} {}{modifier}{}  «{}»  ({} anchor, rule {}){interval}\n", r.start, r.end, r.kind, r.value, zone_note(&r.timezone), r.text, r.anchor, r.rule)
}

/// ` timezone=Asia/Riyadh` in a text line when the text states the expression's zone.
fn zone_note(timezone: &str) -> String {
    if timezone.is_empty() {
        String::new()
    } else {
        format!(" timezone={timezone}")
    }
}

/// Write `s`; false when the reader has gone (a closed pipe ends the output quietly).
fn write_or_gone(out: &mut impl Write, s: &str) -> Result<bool> {
    match out.write_all(s.as_bytes()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The keys of a JSONL input line that tarikh reads.
const JSONL_KEYS: [&str; 5] = ["id", "text", "published_at", "timezone", "country"];

/// What a document's publication date was taken to be, for a warning.
fn assumed_date(d: &tarikh_anchor::AnchoredDocument) -> String {
    let p = &d.publication;
    let evidence = if p.evidence.is_empty() { String::new() } else { format!(": {}", p.evidence) };
    match p.known_date() {
        Some(day) => format!("the publication date was taken as {} ({}{evidence})", day.format("%Y-%m-%d"), p.basis.as_str()),
        None => format!("the publication date is unknown{evidence}: expressions that count from it keep only what their words say"),
    }
}

/// The next line of `reader` (without its `\n` or `\r\n`) read into `bytes`, as
/// `BufRead::lines` gives it; `None` at the end.
fn read_text_line<'a>(reader: &mut dyn BufRead, bytes: &'a mut Vec<u8>) -> std::io::Result<Option<&'a str>> {
    bytes.clear();
    if reader.read_until(b'\n', bytes)? == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    // (the error `lines` gives; simdutf8 checks Arabic text many bytes a step, where std's
    // check takes a branch per char)
    simdutf8::basic::from_utf8(bytes).map(Some).map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8"))
}

/// `tarikh tag`.
pub fn tag(files: &[PathBuf], docs: Option<&Path>, input: Option<&Path>, format: TagFormat, grammar: &GrammarArg, documents: &DocumentArgs, verbosity: &VerbosityArgs) -> Result<ExitCode> {
    if files.is_empty() && input.is_none() {
        bail!("tag needs articles to read: give .txt files (`tarikh tag ARTICLE.txt… [--docs docs.csv]`) or a JSONL stream of {{\"id\",\"text\",\"published_at\"}} lines (`tarikh tag --input docs.jsonl`, or `--input -` for stdin)");
    }
    if docs.is_some() && files.is_empty() {
        bail!("--docs gives the metadata of the article files, but no file was given");
    }
    if input.is_some() && documents.threads.is_some() {
        bail!("--threads acts on article files, tagged in parallel; a JSONL stream (--input) is tagged one line at a time, in constant memory");
    }
    let settings = settings(grammar, documents)?;
    let stdout = std::io::stdout();
    let lock = stdout.lock();
    let sink = match format {
        TagFormat::Jsonl => Records::new(lock, Machine::Jsonl, &TimexRecord::COLUMNS)?.map(TagSink::Records),
        TagFormat::Json => Records::new(lock, Machine::Json, &TimexRecord::COLUMNS)?.map(TagSink::Records),
        TagFormat::Csv => Records::new(lock, Machine::Csv, &TimexRecord::COLUMNS)?.map(TagSink::Records),
        TagFormat::Text => Some(TagSink::Text(lock)),
    };
    let Some(mut sink) = sink else { return Ok(ExitCode::SUCCESS) };
    let level = progress::Verbosity::from_flags(verbosity.quiet, verbosity.verbose);
    let warn = |progress: &progress::Progress, s: String| {
        if !verbosity.quiet {
            progress.line(&format!("warning: {s}"));
        }
    };
    let mut failed = false;
    if let Some(input) = input {
        // Streaming: one document per line, in constant memory.
        let name = if input.as_os_str() == "-" { "stdin".to_string() } else { input.display().to_string() };
        let progress = progress::Progress::new(None, level);
        let mut reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            Box::new(std::io::BufReader::new(std::fs::File::open(input).with_context(|| format!("cannot open `{}`", input.display()))?))
        };
        let mut any = false;
        // One buffer for every line (a line read into a new string grows it a doubling at a time).
        let mut bytes = Vec::new();
        for i in 0.. {
            let line = match read_text_line(&mut reader, &mut bytes) {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(e) => return Err(e).with_context(|| format!("{name} line {}: not valid UTF-8", i + 1)),
            };
            if line.trim().is_empty() {
                continue;
            }
            let origin = format!("{name} line {}", i + 1);
            any = true;
            let doc = match corpus::parse_json_doc(line, &origin) {
                Ok(doc) => doc,
                Err(reason) => {
                    progress.line(&format!("error: {reason}"));
                    failed = true;
                    continue;
                }
            };
            let undated = doc.published.is_none();
            let outcome = pipeline::process_owned(&settings, doc);
            progress.done(&outcome);
            match outcome {
                pipeline::DocOutcome::Done(d, warning) => {
                    if undated {
                        let unread: Vec<String> = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line)
                            .map(|m| m.keys().filter(|k| !JSONL_KEYS.contains(&k.as_str())).map(|k| format!("`{k}`")).collect())
                            .unwrap_or_default();
                        let why = match &warning {
                            Some(w) => w.clone(),
                            None => format!("{origin} (id `{}`): no `published_at`", d.id),
                        };
                        let keys = if unread.is_empty() { String::new() } else { format!(" (the line's {} not read: the keys are {})", unread.join(", "), JSONL_KEYS.join(", ")) };
                        // An unknown or fallback day is said by the pipeline's own warning.
                        let assumed = match d.publication.basis {
                            tarikh_anchor::PublicationBasis::Inferred | tarikh_anchor::PublicationBasis::Metadata => format!("; {}", assumed_date(&d)),
                            _ => String::new(),
                        };
                        warn(&progress, format!("{why}{keys}{assumed}"));
                    } else if let Some(w) = warning {
                        warn(&progress, w);
                    }
                    if !sink.document(&d)? {
                        progress.finish();
                        return Ok(ExitCode::SUCCESS);
                    }
                }
                pipeline::DocOutcome::Failed { reason, .. } => {
                    progress.line(&format!("error: {reason}"));
                    failed = true;
                }
            }
        }
        progress.finish();
        if !any {
            warn(&progress, format!("{name} holds no document (no non-empty line)"));
        }
    } else {
        let meta = match docs {
            Some(p) => corpus::metadata_for_files(p, files)?,
            None => files.iter().map(|f| corpus::bare_input(f)).collect(),
        };
        let progress = progress::Progress::new(None, progress::Verbosity::Quiet);
        for outcome in progress::process_all(&settings, &meta, level) {
            match outcome {
                pipeline::DocOutcome::Done(d, warning) => {
                    if let Some(w) = warning {
                        warn(&progress, w);
                    }
                    if !matches!(d.publication.basis.as_str(), "metadata" | "inferred") {
                        warn(&progress, format!("{}: no publication date in the metadata or the text; {} (give it in docs.csv, or --fallback-date)", d.id, assumed_date(&d)));
                    }
                    if !sink.document(&d)? {
                        return Ok(ExitCode::SUCCESS);
                    }
                }
                pipeline::DocOutcome::Failed { id, reason } => {
                    eprintln!("error: {id}: {reason}");
                    failed = true;
                }
            }
        }
    }
    sink.finish()?;
    end_of_process(settings);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The columns of `tarikh parse`'s CSV, and the fields of its JSON objects.
pub const PARSE_COLUMNS: [&str; 12] = ["line", "text", "start", "end", "type", "value", "mod", "anchor", "rule", "interval_start", "interval_end", "timezone"];

/// What `tarikh parse` prints for one input line.
#[derive(serde::Serialize)]
struct ParseRecord {
    /// The input line (1-based).
    line: usize,
    /// The expression as written (empty when none).
    text: String,
    /// Its start in the line, in code points (empty when none).
    start: Option<usize>,
    /// Its end in the line, in code points, exclusive.
    end: Option<usize>,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "mod")]
    modifier: String,
    anchor: String,
    rule: String,
    interval_start: String,
    interval_end: String,
    /// The zone the phrase states (IANA name), empty when it states none.
    timezone: String,
}

impl ParseRecord {
    fn new(line: usize, t: Option<&tarikh_anchor::Timex>) -> ParseRecord {
        match t.map(|t| TimexRecord::new("", t)) {
            Some(r) => ParseRecord {
                line,
                text: r.text,
                start: Some(r.start),
                end: Some(r.end),
                kind: r.kind,
                value: r.value,
                modifier: r.modifier,
                anchor: r.anchor,
                rule: r.rule,
                interval_start: r.interval_start,
                interval_end: r.interval_end,
                timezone: r.timezone,
            },
            None => ParseRecord { line, text: String::new(), start: None, end: None, kind: String::new(), value: String::new(), modifier: String::new(), anchor: String::new(), rule: String::new(), interval_start: String::new(), interval_end: String::new(), timezone: String::new() },
        }
    }

    fn cells(&self) -> Vec<String> {
        let opt = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
        vec![
            self.line.to_string(),
            self.text.clone(),
            opt(self.start),
            opt(self.end),
            self.kind.clone(),
            self.value.clone(),
            self.modifier.clone(),
            self.anchor.clone(),
            self.rule.clone(),
            self.interval_start.clone(),
            self.interval_end.clone(),
            self.timezone.clone(),
        ]
    }

    fn text(&self) -> String {
        if self.value.is_empty() {
            return format!("{}: (no temporal expression)\n", self.line);
        }
        let modifier = if self.modifier.is_empty() { String::new() } else { format!(" mod={}", self.modifier) };
        let interval = if self.interval_start.is_empty() { String::new() } else { format!("  [{} – {})", self.interval_start, self.interval_end) };
        format!("{}: {}  {}{modifier}{}  «{}»  ({} anchor, rule {}){interval}\n", self.line, self.value, self.kind, zone_note(&self.timezone), self.text, self.anchor, self.rule)
    }
}

/// The reference time and reading of `parse` and `explain`.
fn reading(reference: &str, prefer: PreferArg, timezone: &str) -> Result<(Reference, Prefer)> {
    let tz = zone(timezone)?;
    let (date, time) = corpus::parse_datetime(reference).map_err(|e| anyhow::anyhow!("--ref {e}"))?;
    let prefer = match prefer {
        PreferArg::Past => Prefer::Past,
        PreferArg::Future => Prefer::Future,
        PreferArg::Nearest => Prefer::Nearest,
        PreferArg::News => Prefer::NearestLeaningPast,
    };
    Ok((Reference { date, time, tz }, prefer))
}

/// `tarikh parse`.
pub fn parse(reference: &str, prefer: PreferArg, timezone: &str, format: ParseFormat, grammar: &GrammarArg) -> Result<ExitCode> {
    let grammar = load_grammar(grammar)?;
    let (r, prefer) = reading(reference, prefer, timezone)?;
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let machine = match format {
        ParseFormat::Jsonl => Some(Machine::Jsonl),
        ParseFormat::Json => Some(Machine::Json),
        ParseFormat::Csv => Some(Machine::Csv),
        ParseFormat::Text => None,
    };
    // Either a record stream or text, on the one stdout.
    let (mut records, mut text_out) = match machine {
        Some(m) => match Records::new(stdout.lock(), m, &PARSE_COLUMNS)? {
            Some(r) => (Some(r), None),
            None => return Ok(ExitCode::SUCCESS),
        },
        None => (None, Some(std::io::BufWriter::new(stdout.lock()))),
    };
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.with_context(|| format!("stdin line {}: not valid UTF-8", i + 1))?;
        let t = tarikh_anchor::parse_phrase_answer(&grammar, &line, r, prefer);
        let rec = ParseRecord::new(i + 1, t.as_ref());
        let open = match (&mut records, &mut text_out) {
            (Some(rs), _) => rs.push(&rec, || rec.cells())? && rs.flush()?,
            (None, Some(out)) => write_or_gone(out, &rec.text())?,
            (None, None) => false,
        };
        if !open {
            return Ok(ExitCode::SUCCESS);
        }
    }
    if let Some(rs) = records {
        rs.finish()?;
    }
    if let Some(mut out) = text_out {
        let _ = out.flush();
    }
    end_of_process(grammar);
    Ok(ExitCode::SUCCESS)
}

/// `tarikh explain`.
pub fn explain(words: &[String], reference: &str, prefer: PreferArg, timezone: &str, format: ExplainFormat, grammar: &GrammarArg) -> Result<ExitCode> {
    let (r, prefer) = reading(reference, prefer, timezone)?;
    let phrase = if words.is_empty() {
        let mut all = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut all).context("stdin: not valid UTF-8")?;
        all.trim_end_matches(['\n', '\r']).to_string()
    } else {
        words.join(" ")
    };
    if phrase.trim().is_empty() {
        bail!("explain needs a phrase: `tarikh explain \"مساء الجمعة\" --ref 2017-05-06`, or the phrase on stdin");
    }
    let grammar = load_grammar(grammar)?;
    let explained = tarikh_anchor::explain_phrase(&grammar, &phrase, r, prefer);
    let report = crate::explain::report(&explained, &r, prefer);
    let out = match format {
        ExplainFormat::Text => crate::explain::text(&report),
        ExplainFormat::Json => format!("{}\n", serde_json::to_string_pretty(&report)?),
    };
    write_or_gone(&mut std::io::stdout().lock(), &out)?;
    Ok(ExitCode::SUCCESS)
}

/// What `tarikh eval` was asked.
pub struct EvalRequest {
    /// Story folders, or folders of stories.
    pub stories: Vec<PathBuf>,
    /// A gold folder scored against `corpus`.
    pub gold: Option<PathBuf>,
    /// The corpus `gold` is written for.
    pub corpus: PathBuf,
    /// A metadata file for `corpus`, or `none` to withhold every story's metadata.
    pub docs: Option<PathBuf>,
    /// Run every story in one folder.
    pub mixed: bool,
    /// List every miss.
    pub details: bool,
    /// Output format.
    pub format: EvalFormat,
}

/// Name of the seeds' story in suite reports.
const SEEDS: &str = "seeds";

/// `tarikh eval`.
pub fn eval(req: &EvalRequest, grammar: &GrammarArg, events: &EventsArg, documents: &DocumentArgs) -> Result<ExitCode> {
    let withhold = req.docs.as_deref().is_some_and(|d| d.as_os_str() == "none");
    let metadata_file = req.docs.as_deref().filter(|_| !withhold);
    if req.details && matches!(req.format, EvalFormat::Jsonl | EvalFormat::Csv) {
        bail!("--details lists the misses in the text and json formats; jsonl and csv hold the score rows only");
    }
    let single = req.gold.is_some() && req.stories.is_empty() && matches!(req.format, EvalFormat::Text | EvalFormat::Json);
    if single && req.mixed {
        bail!("--mixed runs several stories together; give story folders (or none, to score every suite found)");
    }
    if !single && metadata_file.is_some() {
        bail!("--docs FILE applies to one corpus scored alone (--gold, --corpus, --format text or json); each story reads its own corpus/docs.csv (use --docs none to withhold them)");
    }
    let settings = settings(grammar, documents)?;
    let lexicon = load_events(events)?;
    let text = if single {
        let gold = req.gold.as_deref().unwrap_or(Path::new("data/gold"));
        let gold_data = tarikh_eval::Gold::load(gold)?;
        let mut inputs = corpus::read_corpus(&req.corpus, metadata_file)?;
        if withhold {
            for d in &mut inputs {
                d.published = None;
                d.published_time = None;
            }
        }
        let outcomes = pipeline::process_all(&settings, &inputs);
        let system = tarikh_pipeline::evaluation::system_output(&outcomes, &lexicon);
        let report = tarikh_eval::evaluate(&gold_data, &system);
        match req.format {
            EvalFormat::Json => serde_json::to_string_pretty(&report.to_json())?,
            _ => {
                let mut s = report.to_text();
                if req.details {
                    s.push('\n');
                    s.push_str(&report.details_text());
                }
                s
            }
        }
    } else {
        let sources = suite_sources(&req.stories, req.gold.as_deref(), &req.corpus)?;
        let options = tarikh_pipeline::evaluation::SuiteOptions { withhold_metadata: withhold, mixed: req.mixed };
        let report = tarikh_pipeline::evaluation::evaluate_suite(&settings, &lexicon, &sources, options, &|c| c != SEEDS)?;
        match req.format {
            EvalFormat::Json => serde_json::to_string_pretty(&report.to_json(req.details))?,
            EvalFormat::Jsonl | EvalFormat::Csv => suite_rows(&report, req.format == EvalFormat::Csv)?,
            EvalFormat::Text => {
                let mut s = report.to_text();
                if req.details {
                    s.push_str(&report.details_text());
                }
                s
            }
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write_or_gone(&mut out, &format!("{}\n", text.trim_end()))?;
    Ok(ExitCode::SUCCESS)
}

/// The rows of a suite's tables (each story, each pooled collection, the real news, each country),
/// each with a `row` field saying which: as JSON Lines, or as one CSV table whose columns are every
/// field of a row.
fn suite_rows(report: &tarikh_eval::SuiteReport, csv: bool) -> Result<String> {
    let mut rows: Vec<serde_json::Value> = Vec::new();
    let mut add = |kind: &str, t: &tarikh_eval::Totals| -> Result<()> {
        let mut v = serde_json::to_value(t)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("row".into(), kind.into());
        }
        rows.push(v);
        Ok(())
    };
    for t in &report.stories {
        add("story", t)?;
    }
    for t in &report.collections {
        add("collection", t)?;
    }
    if let Some(t) = &report.real_news {
        add("real_news", t)?;
    }
    for t in &report.countries {
        add("country", t)?;
    }
    if !csv {
        let lines: Vec<String> = rows.iter().map(serde_json::to_string).collect::<Result<_, _>>()?;
        return Ok(lines.join("\n"));
    }
    // Every field of a row, `row` and `label` first, then the rest in name order.
    let mut columns: Vec<String> = vec!["row".into(), "label".into()];
    if let Some(first) = rows.first().and_then(|r| r.as_object()) {
        let mut rest: Vec<String> = first.keys().filter(|k| !columns.contains(k)).cloned().collect();
        rest.sort();
        columns.extend(rest);
    }
    let mut s = csv_line(&columns);
    for r in &rows {
        s.push_str(&csv_line(&cells_of(r, &columns)));
    }
    Ok(s)
}

/// The stories `tarikh eval` scores: those given, or every suite it can find from the working
/// folder (the seeds, data/stories, ../shared/stories).
fn suite_sources(given: &[PathBuf], gold: Option<&Path>, corpus_dir: &Path) -> Result<Vec<tarikh_pipeline::evaluation::StorySource>> {
    use tarikh_pipeline::evaluation::{discover, StorySource};
    let mut out = Vec::new();
    if let Some(gold) = gold {
        out.push(StorySource::pair(SEEDS, corpus_dir, gold));
    }
    if !given.is_empty() || gold.is_some() {
        for p in given {
            out.extend(discover(p)?);
        }
        return Ok(out);
    }
    let seeds = (Path::new("data/corpus"), Path::new("data/gold"));
    if seeds.0.is_dir() && seeds.1.join("timex.jsonl").is_file() {
        out.push(StorySource::pair(SEEDS, seeds.0, seeds.1));
    }
    for dir in ["data/stories", "../shared/stories"] {
        if Path::new(dir).is_dir() {
            out.extend(discover(Path::new(dir))?);
        }
    }
    if out.is_empty() {
        bail!("no gold to score against here: give story folders (each with corpus/ and gold/), or --gold DIR --corpus DIR");
    }
    Ok(out)
}
