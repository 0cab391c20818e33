//! The steps of reading one expression (reference, tense, direction, shift, calendar, clock, zone,
//! value), recorded for `tarikh explain` through an optional tracer: when tracing is off a step is
//! a test of `None`, and its text is never built.

/// What a step of resolution decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// The time the expression is read against (publication day, a quoted speaker's day).
    Reference,
    /// The tense cue found around the expression, or its absence.
    Tense,
    /// «منذ» + an amount read as «so long ago» rather than a duration.
    Since,
    /// What an anaphoric expression refers back to.
    Anaphora,
    /// The direction used to pick an occurrence (from the words, the tense or the default).
    Direction,
    /// What kind of value the expression takes (a set, a duration, a range, a season…).
    Reading,
    /// The day, month or year chosen.
    Date,
    /// A shift counted from the reference («أمس», «العام الماضي»).
    Shift,
    /// A calendar conversion (Hijri ↔ Gregorian, by the Umm al-Qura tables).
    Calendar,
    /// A weekday placed on a day.
    Weekday,
    /// A time of day on the clock.
    Clock,
    /// The zone the value's interval is read in.
    Zone,
    /// A later pass over the whole text that changed the value (a time taking its sentence's day…).
    Later,
    /// A problem found (a weekday that does not match its date…).
    Problem,
    /// The value and the interval it denotes.
    Value,
}

/// One step of reading an expression.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Step {
    /// What the step decided.
    pub step: StepKind,
    /// How and why, for a reader.
    pub detail: String,
}

/// Where the steps of one expression go, if anywhere.
pub(crate) struct Trace<'a> {
    steps: Option<&'a mut Vec<Step>>,
}

impl<'a> Trace<'a> {
    /// No tracing: every note is a no-op.
    pub(crate) fn off() -> Trace<'static> {
        Trace { steps: None }
    }

    /// Record into `steps` (or nowhere).
    pub(crate) fn new(steps: Option<&'a mut Vec<Step>>) -> Trace<'a> {
        Trace { steps }
    }

    /// Whether steps are recorded.
    pub(crate) fn is_on(&self) -> bool {
        self.steps.is_some()
    }

    /// Record a step; `detail` is called only when tracing.
    #[inline]
    pub(crate) fn note(&mut self, step: StepKind, detail: impl FnOnce() -> String) {
        if let Some(steps) = self.steps.as_deref_mut() {
            steps.push(Step { step, detail: detail() });
        }
    }
}
