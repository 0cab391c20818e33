//! `tarikh`: Arabic news articles in, a reconciled event timeline out.
//!
//! A thin binary over the libraries: it reads the corpus, runs the stages, writes the files, and
//! turns errors into messages and exit codes (0 ok, 1 some documents failed, 2 nothing could run).
//! Each subcommand takes only the options that act on it, and only the output formats it writes.

mod commands;
mod explain;
mod output;
mod progress;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "tarikh", version, about = "Arabic news articles in, a reconciled event timeline out", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// `--grammar`: for every command that reads text.
#[derive(Args, Clone)]
pub struct GrammarArg {
    /// Grammar folder to use instead of the built-in one (e.g. data/grammar/ar). The grammar's
    /// analysis and its all-rules automaton are kept between runs in $TARIKH_CACHE_DIR (default
    /// $XDG_CACHE_HOME/tarikh or ~/.cache/tarikh; `off` for none) and made again whenever a
    /// grammar file changes.
    #[arg(long, value_name = "DIR")]
    pub grammar: Option<PathBuf>,
}

/// How a lone phrase is read (`parse`, `explain`): one definition, so the two read it alike.
#[derive(Args, Clone)]
pub struct ReadingArgs {
    /// Reference time: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with an optional offset.
    #[arg(long = "ref", value_name = "TIME")]
    pub reference: String,
    /// Reading of bare weekdays, months and times.
    #[arg(long, value_enum, default_value = "nearest")]
    pub prefer: PreferArg,
    /// Time zone the reference time and the phrases are read in (IANA name; a phrase has no
    /// place of its own, so the default is UTC).
    #[arg(long, default_value = "UTC", value_name = "ZONE")]
    pub timezone: String,
}

/// `--events`: for the commands that find events (run, eval).
#[derive(Args, Clone)]
pub struct EventsArg {
    /// Event lexicon folder to use instead of the built-in one (e.g. data/events/ar).
    #[arg(long, value_name = "DIR")]
    pub events: Option<PathBuf>,
}

/// What the commands that read whole documents share.
#[derive(Args, Clone)]
pub struct DocumentArgs {
    /// Time zone (IANA name) of every document whose metadata gives none. Without it each
    /// document's zone comes from its dateline, the places it names or its story, else UTC.
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Day assumed for a document whose date neither its metadata nor its text gives (reported
    /// as `default`, with a warning). Without it such a date is `unknown`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub fallback_date: Option<String>,
    /// Gazetteer folder (places and their time zones) to use instead of the built-in one (e.g.
    /// data/places/ar).
    #[arg(long, value_name = "DIR")]
    pub places: Option<PathBuf>,
    /// Worker threads (default: all cores). Output is identical for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `--quiet` / `--verbose`: for the commands that report per document on stderr (run, tag).
#[derive(Args, Clone)]
pub struct VerbosityArgs {
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print one line per document on stderr.
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,
}

/// Output formats of `tarikh tag`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum TagFormat {
    /// One JSON object per temporal expression, one per line (streams).
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// A CSV table with a header, one row per temporal expression (the columns of timex.csv).
    Csv,
    /// For people: each document, then its expressions, one per line.
    Text,
}

/// Output formats of `tarikh parse`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum ParseFormat {
    /// One JSON object per input line (empty fields when nothing was found).
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// A CSV table with a header, one row per input line.
    Csv,
    /// For people: the value, type, mod and expression of each input line.
    Text,
}

/// Output formats of `tarikh eval`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum EvalFormat {
    /// Tables for people (with --details, every miss).
    Text,
    /// One JSON document: the tables and, per story, its scores (with --details, its misses).
    Json,
    /// One JSON object per table row (stories, pooled rows, countries), one per line.
    Jsonl,
    /// A CSV table of the same rows, with a header.
    Csv,
}

/// Output formats of `tarikh explain`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum ExplainFormat {
    /// For people: each expression with its rule, captures, fields, contexts and steps; the other
    /// candidates; the nearest partial matches and spellings of the words left uncovered.
    Text,
    /// The same as one JSON document.
    Json,
}

/// How bare weekdays, months and times are read.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum PreferArg {
    /// The nearest such day before the reference.
    Past,
    /// The nearest such day after the reference.
    Future,
    /// The nearest such day on either side.
    Nearest,
    /// As a news article reads: nearest, leaning to the past by a day.
    News,
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
        grammar: GrammarArg,
        #[command(flatten)]
        events: EventsArg,
        #[command(flatten)]
        documents: DocumentArgs,
        #[command(flatten)]
        verbosity: VerbosityArgs,
    },
    /// Print the temporal expressions of some articles: .txt files, or a JSONL stream.
    Tag {
        /// Article files (.txt, UTF-8).
        #[arg(conflicts_with = "input")]
        files: Vec<PathBuf>,
        /// Metadata (doc,file,published_at[,timezone]) for the files.
        #[arg(long, conflicts_with = "input")]
        docs: Option<PathBuf>,
        /// Read documents as JSONL lines {"id","text","published_at"} from this file (`-` = stdin).
        #[arg(long, value_name = "FILE")]
        input: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: TagFormat,
        #[command(flatten)]
        grammar: GrammarArg,
        #[command(flatten)]
        documents: DocumentArgs,
        #[command(flatten)]
        verbosity: VerbosityArgs,
    },
    /// Read one phrase per line on stdin and print its longest temporal expression (a range of
    /// dates, two expressions in a document, as one: `start/end`).
    Parse {
        #[command(flatten)]
        reading: ReadingArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ParseFormat,
        #[command(flatten)]
        grammar: GrammarArg,
    },
    /// Explain how a phrase is read: which rule matched (file and line), what it captured, the
    /// fields and contexts applied, the other candidates and why they lost, each step of the
    /// resolution and the value; when no rule matches, how far the nearest rules get and which
    /// lexicon words its words are near. The debugger for a phrase that comes out wrong.
    Explain {
        /// The phrase (several words are joined by spaces); without it, the whole of stdin.
        phrase: Vec<String>,
        #[command(flatten)]
        reading: ReadingArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ExplainFormat,
        #[command(flatten)]
        grammar: GrammarArg,
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
        /// against --corpus (alone, or as one more story of the suite when story folders are given).
        #[arg(long)]
        gold: Option<PathBuf>,
        /// Corpus folder to run on with --gold.
        #[arg(long, default_value = "data/corpus", requires = "gold")]
        corpus: PathBuf,
        /// Metadata file for --corpus (default: CORPUS/docs.csv); `none` withholds every story's
        /// metadata and infers the publication dates (the report says how many came out within a
        /// day).
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Run all the stories' documents together in one folder, then score each story.
        #[arg(long)]
        mixed: bool,
        /// Also list every miss and false alarm (text and json).
        #[arg(long)]
        details: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: EvalFormat,
        #[command(flatten)]
        grammar: GrammarArg,
        #[command(flatten)]
        events: EventsArg,
        #[command(flatten)]
        documents: DocumentArgs,
    },
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run { corpus, out, docs, excel, grammar, events, documents, verbosity } => commands::run(&corpus, &out, docs.as_deref(), excel, &grammar, &events, &documents, &verbosity),
        Command::Tag { files, docs, input, format, grammar, documents, verbosity } => commands::tag(&files, docs.as_deref(), input.as_deref(), format, &grammar, &documents, &verbosity),
        Command::Parse { reading: ReadingArgs { reference, prefer, timezone }, format, grammar } => commands::parse(&reference, prefer, &timezone, format, &grammar),
        Command::Explain { phrase, reading: ReadingArgs { reference, prefer, timezone }, format, grammar } => commands::explain(&phrase, &reference, prefer, &timezone, format, &grammar),
        Command::Eval { stories, gold, corpus, docs, mixed, details, format, grammar, events, documents } => {
            commands::eval(&commands::EvalRequest { stories, gold, corpus, docs, mixed, details, format }, &grammar, &events, &documents)
        }
    }
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
