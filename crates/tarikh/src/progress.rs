//! Progress on stderr: a bar for long runs when stderr is a terminal (silent otherwise, and with
//! `--quiet`), and one line per document with `--verbose`.

use tarikh_pipeline::corpus::InputDoc;
use tarikh_pipeline::process::{self as pipeline, DocOutcome, Settings};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// How much to say on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Warnings, the summary, and a progress bar on a terminal.
    Normal,
    /// Also one line per document.
    Verbose,
}

impl Verbosity {
    /// From the `--quiet` and `--verbose` flags (quiet wins).
    pub fn from_flags(quiet: bool, verbose: bool) -> Verbosity {
        if quiet {
            Verbosity::Quiet
        } else if verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }
}

/// Smallest number of documents for which a bar is worth drawing.
const BAR_MIN_DOCS: u64 = 20;

/// Reports progress over `total` documents.
pub struct Progress {
    bar: ProgressBar,
    verbosity: Verbosity,
}

impl Progress {
    /// A reporter; the bar is drawn only on a terminal, for runs of some length, when not quiet.
    /// `total` = None for a stream of unknown length (a spinner with a count).
    pub fn new(total: Option<u64>, verbosity: Verbosity) -> Progress {
        let tty = std::io::stderr().is_terminal();
        let long = total.is_none_or(|t| t >= BAR_MIN_DOCS);
        let bar = if tty && long && verbosity != Verbosity::Quiet {
            let bar = match total {
                Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()).with_style(
                    ProgressStyle::with_template("{spinner} {pos}/{len} documents [{bar:40}] {elapsed_precise} (eta {eta})")
                        .unwrap_or_else(|_| ProgressStyle::default_bar())
                        .progress_chars("=> "),
                ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                    ProgressStyle::with_template("{spinner} {pos} documents {elapsed_precise} ({per_sec})").unwrap_or_else(|_| ProgressStyle::default_spinner()),
                ),
            };
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress { bar, verbosity }
    }

    /// One document is done.
    pub fn done(&self, outcome: &DocOutcome) {
        if self.verbosity == Verbosity::Verbose {
            self.line(&describe(outcome));
        }
        self.bar.inc(1);
    }

    /// Print a line on stderr without breaking the bar.
    pub fn line(&self, s: &str) {
        if self.bar.is_hidden() {
            eprintln!("{s}");
        } else {
            self.bar.println(s);
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The `--verbose` line for one document.
pub fn describe(outcome: &DocOutcome) -> String {
    match outcome {
        DocOutcome::Done(d, _) => format!(
            "{}: {} chars, story {}, published {} ({}), zone {} ({}), {} temporal expressions",
            d.id,
            d.original.chars().count(),
            d.story,
            d.publication.known_date().map(|day| day.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "on an unknown day".into()),
            d.publication.basis.as_str(),
            d.publication.timezone.name(),
            d.publication.zone_source.basis.as_str(),
            d.timexes.len()
        ),
        DocOutcome::Failed { id, reason } => format!("{id}: failed: {reason}"),
    }
}

/// [`pipeline::process_all`] with progress: in parallel, results in input order.
pub fn process_all(settings: &Settings, docs: &[InputDoc], verbosity: Verbosity) -> Vec<DocOutcome> {
    let progress = Progress::new(Some(docs.len() as u64), verbosity);
    // The pipeline infers missing publication dates from the whole corpus before anchoring, so
    // documents go through it together; the observer only reports.
    let out = pipeline::process_all_observed(settings, docs, &|_, o| progress.done(o));
    progress.finish();
    out
}
