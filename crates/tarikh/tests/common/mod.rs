//! Helpers shared by the binary's test files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root (tests run the binary from there).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// Runs `tarikh ARGS` from the workspace root.
pub fn tarikh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh")).args(args).current_dir(root()).output().expect("run tarikh")
}

/// `../shared/stories` (real news with gold, kept outside the repository), when this checkout has it.
pub fn shared_stories() -> Option<PathBuf> {
    let p = root().join("../shared/stories");
    p.is_dir().then(|| p.canonicalize().unwrap_or(p))
}

/// `../shared/peers` (peer tools' test cases), when present.
pub fn shared_peers() -> Option<PathBuf> {
    let p = root().join("../shared/peers");
    p.is_dir().then(|| p.canonicalize().unwrap_or(p))
}

/// Called when `../shared` is missing: says the check is skipped, and fails when
/// `TARIKH_REQUIRE_SHARED` is set (CI sets it, so there the check always runs).
pub fn require_shared(what: &str) {
    if std::env::var_os("TARIKH_REQUIRE_SHARED").is_some() {
        panic!("{what}: ../shared is missing, and TARIKH_REQUIRE_SHARED is set (CI needs the shared test data next to the repository)");
    }
    eprintln!("SKIPPED {what}: ../shared is not next to this checkout (it holds test data that is not part of the repository); set TARIKH_REQUIRE_SHARED=1 to make this a failure");
}
