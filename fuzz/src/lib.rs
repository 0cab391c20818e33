//! Fuzz checks for tarikh; the bodies are in `checks.rs` so the main test suite can include them.
#[path = "checks.rs"]
pub mod checks;
