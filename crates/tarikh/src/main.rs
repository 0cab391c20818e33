//! `tarikh`: Arabic news articles in, a reconciled event timeline out.
//!
//! A thin binary over the libraries: it reads the corpus, runs the stages, writes the files, and
//! turns errors into messages and exit codes (0 ok, 1 some documents failed, 2 nothing could run).

mod progress;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tarikh_anchor::{Prefer, Reference};
use tarikh_grammar::Grammar;
use tarikh_pipeline::{corpus, process as pipeline, records, write};

#[derive(Parser)]
#[command(name = "tarikh", version, about = "Arabic news articles in, a reconciled event timeline out", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Jsonl,
    Csv,
    Text,
    Json,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// Grammar folder to use instead of the built-in one (e.g. data/grammar/ar).
    #[arg(long, value_name = "DIR")]
    grammar: Option<PathBuf>,
    /// Event lexicon folder to use instead of the built-in one (e.g. data/events/ar).
    #[arg(long, value_name = "DIR")]
    events: Option<PathBuf>,
    /// Gazetteer folder (places and their time zones) to use instead of the built-in one (e.g.
    /// data/places/ar).
    #[arg(long, value_name = "DIR")]
    places: Option<PathBuf>,
    /// Time zone (IANA name) of every document whose metadata gives none. Without it each
    /// document's zone comes from its dateline, the places it names or its story, else UTC.
    #[arg(long, value_name = "ZONE")]
    timezone: Option<String>,
    /// Day assumed for a document whose date neither its metadata nor its text gives (reported
    /// as `default`). Without it such a date is `unknown`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    fallback_date: Option<String>,
    /// Worker threads (default: all cores). Output is identical for any number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    /// Print one line per document on stderr.
    #[arg(long, short, conflicts_with = "quiet")]
    verbose: bool,
}

impl Common {
    fn verbosity(&self) -> progress::Verbosity {
        progress::Verbosity::from_flags(self.quiet, self.verbose)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline on a corpus folder and write every output file.
    Run {
        /// Folder of .txt articles, with an optional docs.csv.
        corpus: PathBuf,
        /// Output folder.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        /// Metadata file (default: CORPUS/docs.csv).
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Start CSV files with a byte-order mark so Excel shows the Arabic correctly.
        #[arg(long)]
        excel: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Print the temporal expressions of some articles.
    Tag {
        /// Article files.
        files: Vec<PathBuf>,
        /// Metadata (doc,file,published_at) for the files.
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Read documents as JSONL lines {"id","text","published_at"} from this file (`-` = stdin).
        #[arg(long)]
        input: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
    /// Read one phrase per line on stdin and print its longest temporal expression.
    Parse {
        /// Reference time: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with an optional offset.
        #[arg(long = "ref", value_name = "TIME")]
        reference: String,
        /// Reading of bare weekdays, months and times: past, future or nearest.
        #[arg(long, default_value = "nearest")]
        prefer: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
    /// Score the pipeline against gold annotations: one corpus (--gold, --corpus), or suites of
    /// stories scored per story, pooled and per country.
    ///
    /// With no argument it scores every suite it can find: the seeds (data/corpus with data/gold),
    /// the stories in data/stories, and the real news of ../shared/stories when that folder exists.
    Eval {
        /// Story folders (each with corpus/ and gold/), or folders of stories.
        stories: Vec<PathBuf>,
        /// Gold folder (timex.jsonl; events.csv, relations.csv, conflicts.csv when present), scored
        /// against --corpus alone.
        #[arg(long)]
        gold: Option<PathBuf>,
        /// Corpus folder to run on with --gold.
        #[arg(long, default_value = "data/corpus")]
        corpus: PathBuf,
        /// Metadata file (default: CORPUS/docs.csv); `none` withholds the metadata and infers every
        /// publication date (the report says how many came out within a day).
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Run all the stories' documents together in one folder, then score each story.
        #[arg(long)]
        mixed: bool,
        /// Also list every miss and false alarm.
        #[arg(long)]
        details: bool,
        /// Output format (text or json).
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
}

fn load_grammar(common: &Common) -> Result<Grammar> {
    tarikh_pipeline::load_grammar(common.grammar.as_deref())
}

fn load_events(common: &Common) -> Result<tarikh_events::EventLexicon> {
    tarikh_pipeline::load_events(common.events.as_deref())
}

/// One line per temporal expression of `doc`, as `tarikh tag` prints them.
fn timex_lines(doc: &tarikh_anchor::AnchoredDocument, format: Format) -> Vec<String> {
    records::timex_records(doc)
        .into_iter()
        .map(|r| match format {
            Format::Csv => {
                let mut table = tarikh_pipeline::csvout::Table::new(&records::TimexRecord::COLUMNS);
                table.push(r.cells());
                let bytes = table.to_bytes(false).unwrap_or_default();
                let s = String::from_utf8(bytes).unwrap_or_default();
                s.split_once("\r\n").map(|(_, row)| row.trim_end().to_string()).unwrap_or_default()
            }
            _ => serde_json::to_string(&r).unwrap_or_default(),
        })
        .collect()
}

fn settings(common: &Common) -> Result<pipeline::Settings> {
    if let Some(n) = common.threads {
        // Ignore the error when a pool already exists (tests call run twice in one process).
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let timezone = common.timezone.as_deref().map(parse_zone).transpose()?;
    let fallback = common
        .fallback_date
        .as_deref()
        .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| anyhow::anyhow!("--fallback-date expects YYYY-MM-DD, but found `{d}`")))
        .transpose()?;
    let gazetteer = tarikh_pipeline::load_places(common.places.as_deref())?;
    Ok(pipeline::Settings { timezone, fallback, gazetteer, ..pipeline::Settings::new(load_grammar(common)?) })
}

fn parse_zone(zone: &str) -> Result<chrono_tz::Tz> {
    zone.parse().map_err(|_| anyhow::anyhow!("unknown time zone `{zone}`; use an IANA name such as Africa/Cairo"))
}

/// Write to stdout; a closed pipe (`tarikh tag … | head`) ends quietly.
fn emit(out: &mut impl Write, line: &str) -> Result<bool> {
    match writeln!(out, "{line}") {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Run { corpus, out, docs, excel, common } => {
            let settings = settings(&common)?;
            let events = load_events(&common)?;
            let inputs = corpus::read_corpus(&corpus, docs.as_deref())?;
            if inputs.is_empty() {
                bail!("no .txt articles in `{}`; drop Arabic articles there (UTF-8 text files)", corpus.display());
            }
            let outcomes = progress::process_all(&settings, &inputs, common.verbosity());
            let summary = write::write_all(&out, &outcomes, &events, excel)?;
            if !common.quiet {
                eprintln!("{summary}");
            }
            Ok(if outcomes.iter().any(|o| matches!(o, pipeline::DocOutcome::Failed { .. })) { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Tag { files, docs, input, format, common } => {
            let settings = settings(&common)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut failed = false;
            let mut handle = |o: pipeline::DocOutcome, out: &mut std::io::BufWriter<std::io::StdoutLock<'_>>| -> Result<bool> {
                match o {
                    pipeline::DocOutcome::Done(d, warning) => {
                        if let Some(w) = warning {
                            eprintln!("warning: {w}");
                        }
                        for line in timex_lines(&d, format) {
                            if !emit(out, &line)? {
                                return Ok(false);
                            }
                        }
                    }
                    pipeline::DocOutcome::Failed { id, reason } => {
                        eprintln!("error: {id}: {reason}");
                        failed = true;
                    }
                }
                Ok(true)
            };
            if format == Format::Csv {
                emit(&mut out, &records::TimexRecord::COLUMNS.join(","))?;
            }
            if let Some(input) = input {
                // Streaming: one document per line, in constant memory.
                let progress = progress::Progress::new(None, common.verbosity());
                let reader: Box<dyn BufRead> = if input.as_os_str() == "-" { Box::new(std::io::BufReader::new(std::io::stdin())) } else { Box::new(std::io::BufReader::new(std::fs::File::open(&input).with_context(|| format!("cannot open `{}`", input.display()))?)) };
                for (i, line) in reader.lines().enumerate() {
                    let line = line.with_context(|| format!("`{}` line {}: not valid UTF-8", input.display(), i + 1))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let outcome = match corpus::parse_json_doc(&line, &format!("{} line {}", input.display(), i + 1)) {
                        Ok(doc) => pipeline::process_one(&settings, &doc),
                        Err(reason) => pipeline::DocOutcome::Failed { id: format!("line {}", i + 1), reason },
                    };
                    progress.done(&outcome);
                    if !handle(outcome, &mut out)? {
                        progress.finish();
                        return Ok(ExitCode::SUCCESS);
                    }
                }
                progress.finish();
            } else {
                let meta = match &docs {
                    Some(p) => corpus::metadata_for_files(p, &files)?,
                    None => files.iter().map(|f| corpus::bare_input(f)).collect(),
                };
                for outcome in progress::process_all(&settings, &meta, common.verbosity()) {
                    if !handle(outcome, &mut out)? {
                        return Ok(ExitCode::SUCCESS);
                    }
                }
            }
            let _ = out.flush();
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Parse { reference, prefer, format, common } => {
            let grammar = load_grammar(&common)?;
            // A phrase has no place of its own: its clock is the one given, else UTC.
            let tz = common.timezone.as_deref().map(parse_zone).transpose()?.unwrap_or(chrono_tz::UTC);
            let (date, time) = corpus::parse_datetime(&reference).map_err(|e| anyhow::anyhow!("--ref {e}"))?;
            let prefer: Prefer = prefer.parse().map_err(|e| anyhow::anyhow!("--prefer {e}"))?;
            let r = Reference { date, time, tz };
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for line in stdin.lock().lines() {
                let line = line.context("stdin is not valid UTF-8")?;
                let t = tarikh_anchor::parse_phrase(&grammar, &line, r, prefer);
                let (text, kind, value) = match &t {
                    Some(t) => (t.text.as_str(), t.kind.as_str(), t.value.as_str()),
                    None => ("", "", ""),
                };
                let rendered = match format {
                    Format::Text | Format::Csv => format!("{value}\t{kind}\t{text}"),
                    _ => serde_json::json!({"text": text, "type": kind, "value": value}).to_string(),
                };
                if !emit(&mut out, &rendered)? {
                    return Ok(ExitCode::SUCCESS);
                }
            }
            let _ = out.flush();
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { stories, gold, corpus, docs, mixed, details, format, common } => {
            let settings = settings(&common)?;
            let events = load_events(&common)?;
            let withhold = docs.as_deref().is_some_and(|d| d.as_os_str() == "none");
            let text = if let (Some(gold), true) = (&gold, stories.is_empty()) {
                let gold_data = tarikh_eval::Gold::load(gold)?;
                let mut inputs = corpus::read_corpus(&corpus, docs.as_deref().filter(|_| !withhold))?;
                if withhold {
                    for d in &mut inputs {
                        d.published = None;
                        d.published_time = None;
                    }
                }
                let outcomes = pipeline::process_all(&settings, &inputs);
                let system = tarikh_pipeline::evaluation::system_output(&outcomes, &events);
                let report = tarikh_eval::evaluate(&gold_data, &system);
                match format {
                    Format::Json | Format::Jsonl => serde_json::to_string_pretty(&report.to_json())?,
                    _ => {
                        let mut s = report.to_text();
                        if details {
                            s.push('\n');
                            s.push_str(&report.details_text());
                        }
                        s
                    }
                }
            } else {
                if docs.as_ref().is_some_and(|_| !withhold) {
                    bail!("--docs FILE applies to one corpus (--gold, --corpus); each story reads its own corpus/docs.csv (use --docs none to withhold them)");
                }
                let sources = suite_sources(&stories, gold.as_deref(), &corpus)?;
                let options = tarikh_pipeline::evaluation::SuiteOptions { withhold_metadata: withhold, mixed };
                let report = tarikh_pipeline::evaluation::evaluate_suite(&settings, &events, &sources, options, &|c| c != SEEDS)?;
                match format {
                    Format::Json | Format::Jsonl => serde_json::to_string_pretty(&report.to_json(details))?,
                    _ => {
                        let mut s = report.to_text();
                        if details {
                            s.push_str(&report.details_text());
                        }
                        s
                    }
                }
            };
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            emit(&mut out, text.trim_end())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Name of the seeds' story in suite reports.
const SEEDS: &str = "seeds";

/// The stories `tarikh eval` scores: those given, or every suite it can find from the working
/// folder (the seeds, data/stories, ../shared/stories).
fn suite_sources(given: &[PathBuf], gold: Option<&std::path::Path>, corpus: &std::path::Path) -> Result<Vec<tarikh_pipeline::evaluation::StorySource>> {
    use tarikh_pipeline::evaluation::{discover, StorySource};
    let mut out = Vec::new();
    if let Some(gold) = gold {
        out.push(StorySource::pair(SEEDS, corpus, gold));
    }
    if !given.is_empty() {
        for p in given {
            out.extend(discover(p)?);
        }
        return Ok(out);
    }
    let seeds = (std::path::Path::new("data/corpus"), std::path::Path::new("data/gold"));
    if gold.is_none() && seeds.0.is_dir() && seeds.1.join("timex.jsonl").is_file() {
        out.push(StorySource::pair(SEEDS, seeds.0, seeds.1));
    }
    for dir in ["data/stories", "../shared/stories"] {
        if std::path::Path::new(dir).is_dir() {
            out.extend(discover(std::path::Path::new(dir))?);
        }
    }
    if out.is_empty() {
        bail!("no gold to score against here: give story folders (each with corpus/ and gold/), or --gold DIR --corpus DIR");
    }
    Ok(out)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}
