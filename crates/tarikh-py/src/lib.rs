//! `tarikh._native`: the tarikh pipeline for Python, through PyO3.
//!
//! Conversions only: every answer comes from `tarikh-pipeline`, the library the `tarikh` CLI runs
//! on, so Python, Spark and the CLI agree byte for byte. Arguments arrive as plain strings (the
//! Python package, `python/tarikh/__init__.py`, turns dates and data frames into them) and rows
//! leave as dicts keyed by the columns of the CSV files. The grammar and the event lexicon are
//! compiled once per process, on first use, and shared by every call and thread; the GIL is released
//! while Rust works, so Python threads run in parallel.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tarikh_pipeline::analysis::{analyse, Analysis};
use tarikh_pipeline::corpus::{self, InputDoc};
use tarikh_pipeline::process::{self, DocOutcome, Settings};
use tarikh_pipeline::records::{self, Record, Tables, TimexRecord};

create_exception!(_native, TarikhError, PyException, "An error of the tarikh pipeline itself (its built-in data does not load).");

/// How many times this process compiled the grammar (the tests check it is once).
static COMPILATIONS: AtomicUsize = AtomicUsize::new(0);

/// The settings as the CLI has them without options (zones read from the texts, an unsupported
/// day `unknown`), the grammar compiled on first use, its analysis kept between processes in the
/// cache the CLI uses (`TARIKH_CACHE_DIR`, `off` for none: see `AnalysisCache::from_env`). A
/// cache file that is broken or cannot be written is reported on stderr, as by the CLI.
fn base_settings() -> PyResult<&'static Settings> {
    static BASE: OnceLock<Result<Settings, String>> = OnceLock::new();
    BASE.get_or_init(|| {
        COMPILATIONS.fetch_add(1, Ordering::SeqCst);
        let cache = tarikh_pipeline::AnalysisCache::from_env();
        tarikh_pipeline::load_grammar_cached(None, cache.as_ref(), &mut |w| eprintln!("tarikh: warning: {w}")).map(Settings::new).map_err(|e| format!("{e:#}"))
    })
    .as_ref()
    .map_err(|e| TarikhError::new_err(e.clone()))
}

/// Settings with a zone or fallback day given (the CLI's `--timezone`, `--fallback-date`): the
/// compiled grammar copied, once per pair.
fn settings_for(zone: Option<chrono_tz::Tz>, fallback: Option<chrono::NaiveDate>) -> PyResult<Arc<Settings>> {
    type ByZoneAndDay = HashMap<(Option<chrono_tz::Tz>, Option<chrono::NaiveDate>), Arc<Settings>>;
    static OTHERS: OnceLock<Mutex<ByZoneAndDay>> = OnceLock::new();
    let base = base_settings()?;
    let mut others = OTHERS.get_or_init(Default::default).lock().map_err(|_| TarikhError::new_err("a thread panicked while holding tarikh's settings"))?;
    Ok(others
        .entry((zone, fallback))
        .or_insert_with(|| {
            let mut s = base.clone();
            s.timezone = zone;
            s.fallback = fallback;
            Arc::new(s)
        })
        .clone())
}

/// The built-in event lexicon, loaded on first use.
fn lexicon() -> PyResult<&'static tarikh_events::EventLexicon> {
    static LEXICON: OnceLock<Result<tarikh_events::EventLexicon, String>> = OnceLock::new();
    LEXICON.get_or_init(|| tarikh_pipeline::load_events(None).map_err(|e| format!("{e:#}"))).as_ref().map_err(|e| TarikhError::new_err(e.clone()))
}

fn value_error(what: &str, message: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("{what}: {message}"))
}

fn zone(name: &str, what: &str) -> PyResult<chrono_tz::Tz> {
    corpus::parse_timezone(name).map_err(|e| value_error(what, e))
}

/// A JSON value (from a serialised record) as a Python object.
fn to_python<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        serde_json::Value::Null => py.None().into_bound(py),
        serde_json::Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        serde_json::Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        serde_json::Value::String(s) => s.into_pyobject(py)?.into_any(),
        serde_json::Value::Array(items) => PyList::new(py, items.iter().map(|i| to_python(py, i)).collect::<PyResult<Vec<_>>>()?)?.into_any(),
        serde_json::Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, v) in map {
                d.set_item(k, to_python(py, v)?)?;
            }
            d.into_any()
        }
    })
}

/// A record as a dict whose keys are its columns, in column order (leaving out `skip`).
fn record_dict<'py, R: Record>(py: Python<'py>, r: &R, skip: &[&str]) -> PyResult<Bound<'py, PyDict>> {
    let value = serde_json::to_value(r).map_err(|e| TarikhError::new_err(e.to_string()))?;
    let d = PyDict::new(py);
    for field in R::FIELDS.iter().filter(|f| !skip.contains(f)) {
        d.set_item(*field, to_python(py, value.get(*field).unwrap_or(&serde_json::Value::Null))?)?;
    }
    Ok(d)
}

fn record_dicts<'py, R: Record>(py: Python<'py>, rows: &[R]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, rows.iter().map(|r| record_dict(py, r, &[])).collect::<PyResult<Vec<_>>>()?)
}

/// The longest temporal expression in `text`, read against `reference`, as a dict of `timex.csv`'s
/// columns without `doc`; `None` when the text holds none.
#[pyfunction]
#[pyo3(signature = (text, reference, prefer = "nearest", timezone = "UTC"))]
fn parse<'py>(py: Python<'py>, text: &str, reference: &str, prefer: &str, timezone: &str) -> PyResult<Option<Bound<'py, PyDict>>> {
    let (date, time) = corpus::parse_datetime(reference).map_err(|e| value_error("ref", e))?;
    let prefer: tarikh_anchor::Prefer = prefer.parse().map_err(|e| value_error("prefer", e))?;
    let tz = zone(timezone, "timezone")?;
    let reference = tarikh_anchor::Reference { date, time, tz };
    let found = py.detach(|| -> PyResult<Option<TimexRecord>> {
        let settings = base_settings()?;
        Ok(tarikh_anchor::parse_phrase_answer(&settings.grammar, text, reference, prefer).map(|t| TimexRecord::new("", &t)))
    })?;
    found.map(|r| record_dict(py, &r, &["doc"])).transpose()
}

/// The temporal expressions of one article, anchored as `tarikh tag` anchors them, as dicts of
/// `timex.csv`'s columns. `published` and `timezone` are checked strictly (a ValueError names the
/// problem); without `published` the day is inferred from the text.
#[pyfunction]
#[pyo3(signature = (text, published = None, timezone = None, id = "doc"))]
fn tag<'py>(py: Python<'py>, text: String, published: Option<&str>, timezone: Option<&str>, id: &str) -> PyResult<Bound<'py, PyList>> {
    let published = published.filter(|p| !p.trim().is_empty());
    if let Some(p) = published {
        corpus::parse_datetime(p).map_err(|e| value_error("published", e))?;
    }
    if let Some(t) = timezone {
        zone(t, "timezone")?;
    }
    let doc = corpus::input_doc(id, text, published, timezone, None, id);
    let outcome = py.detach(|| -> PyResult<DocOutcome> { Ok(process::process_one(base_settings()?, &doc)) })?;
    match outcome {
        DocOutcome::Done(d, _) => record_dicts(py, &records::timex_records(&d)),
        DocOutcome::Failed { reason, .. } => Err(PyValueError::new_err(reason)),
    }
}

/// CSV text of the table named `table` from records given as JSON objects, written exactly as
/// `tarikh run` writes that file: how rows computed elsewhere (Spark executors) become tarikh's CSV.
#[pyfunction]
#[pyo3(signature = (table, records, excel = false))]
fn json_to_csv(py: Python<'_>, table: &str, records: Vec<String>, excel: bool) -> PyResult<String> {
    let bytes = py.detach(|| records::json_to_csv(table, records.iter().map(String::as_str), excel)).map_err(|e| PyValueError::new_err(format!("{e:#}")))?;
    String::from_utf8(bytes).map_err(|e| TarikhError::new_err(e.to_string()))
}

/// The output tables: `(name, columns)` in the order `tarikh run` writes them.
#[pyfunction]
fn tables() -> Vec<(&'static str, Vec<&'static str>)> {
    records::TABLES.iter().map(|t| (*t, records::fields(t).unwrap_or_default().to_vec())).collect()
}

/// How many times this process compiled the grammar: 0 before first use, then 1 for good.
#[pyfunction]
fn _grammar_compilations() -> usize {
    COMPILATIONS.load(Ordering::SeqCst)
}

/// A document as Python hands it over: id, text, published_at, timezone, country.
type DocFields = (String, String, Option<String>, Option<String>, Option<String>);

/// The documents of one story run through the whole pipeline, as `tarikh run` runs a corpus:
/// every table, and the files.
#[pyclass(frozen, module = "tarikh._native")]
struct Timeline {
    outcomes: Vec<DocOutcome>,
    analysis: Analysis<'static>,
    tables: Tables,
}

#[pymethods]
impl Timeline {
    /// Run the pipeline over `documents` (in this order; see the Python wrapper for the fields).
    /// Metadata problems become warnings in the documents table, as in `tarikh run`.
    #[staticmethod]
    #[pyo3(signature = (documents, timezone = None, fallback_date = None))]
    fn from_documents(py: Python<'_>, documents: Vec<DocFields>, timezone: Option<&str>, fallback_date: Option<&str>) -> PyResult<Timeline> {
        let tz = timezone.map(|t| zone(t, "timezone")).transpose()?;
        let fallback = fallback_date
            .map(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| value_error("fallback_date", format!("expected YYYY-MM-DD, but found `{d}`"))))
            .transpose()?;
        let mut seen = std::collections::HashSet::new();
        for (i, (id, ..)) in documents.iter().enumerate() {
            if !seen.insert(id.as_str()) {
                return Err(value_error("documents", format!("document {} has the id `{id}` of an earlier one; ids must be unique", i + 1)));
            }
        }
        let inputs: Vec<InputDoc> = documents
            .into_iter()
            .enumerate()
            .map(|(i, (id, text, published, zone, country))| {
                let origin = format!("document {} (id {id})", i + 1);
                corpus::input_doc(&id, text, published.as_deref(), zone.as_deref(), country.as_deref(), &origin)
            })
            .collect();
        py.detach(|| {
            let settings = settings_for(tz, fallback)?;
            let lexicon = lexicon()?;
            let outcomes = process::process_all(&settings, &inputs);
            let analysis = analyse(&outcomes, lexicon);
            let tables = Tables::new(&outcomes, &analysis);
            let analysis = analysis.into_owned();
            Ok(Timeline { outcomes, analysis, tables })
        })
    }

    /// The rows of the table named `table` (`documents`, `timex`, `event_mentions`, `timeline`,
    /// `relations`, `conflicts`) as dicts keyed by its columns.
    fn records<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyList>> {
        let t = &self.tables;
        match table {
            "documents" => record_dicts(py, &t.documents),
            "timex" => record_dicts(py, &t.timex),
            "event_mentions" => record_dicts(py, &t.event_mentions),
            "timeline" => record_dicts(py, &t.timeline),
            "relations" => record_dicts(py, &t.relations),
            "conflicts" => record_dicts(py, &t.conflicts),
            other => Err(value_error("table", format!("no table named `{other}`; the tables are {}", records::TABLES.join(", ")))),
        }
    }

    /// The rows of the table named `table` as JSON objects, one string per row.
    fn json(&self, table: &str) -> PyResult<Vec<String>> {
        self.tables.json(table).map_err(|e| value_error("table", format!("{e:#}")))
    }

    /// The table named `table` as CSV text, byte for byte as `tarikh run` writes it.
    #[pyo3(signature = (table, excel = false))]
    fn csv(&self, table: &str, excel: bool) -> PyResult<String> {
        let bytes = self.tables.csv(table, excel).map_err(|e| value_error("table", format!("{e:#}")))?;
        String::from_utf8(bytes).map_err(|e| TarikhError::new_err(e.to_string()))
    }

    /// Write every output file of `tarikh run` (CSV tables, timeline.svg/html, timeml/) into
    /// `out`, atomically. Returns the run's one-line summary.
    #[pyo3(signature = (out, excel = false))]
    fn write(&self, py: Python<'_>, out: std::path::PathBuf, excel: bool) -> PyResult<String> {
        py.detach(|| tarikh_pipeline::write::write_analysis(&out, &self.outcomes, &self.analysis, excel)).map_err(|e| PyOSError::new_err(format!("{e:#}")))
    }

    /// Numbers of documents, timeline events, relations and conflicts.
    fn counts(&self) -> (usize, usize, usize, usize) {
        (self.outcomes.len(), self.tables.timeline.len(), self.tables.relations.len(), self.tables.conflicts.len())
    }
}

/// The tarikh pipeline (Rust): parse, tag, Timeline. Use the `tarikh` package, which wraps it.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TarikhError", m.py().get_type::<TarikhError>())?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(tag, m)?)?;
    m.add_function(wrap_pyfunction!(json_to_csv, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_function(wrap_pyfunction!(_grammar_compilations, m)?)?;
    m.add_class::<Timeline>()?;
    Ok(())
}
