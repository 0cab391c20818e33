//! Helpers shared by the binary's test files: running tarikh, temporary folders, reading CSV, and
//! the one rule for skipping (a skip says so, and fails in CI).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root (tests run the binary from there).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// Runs `tarikh ARGS` from the workspace root.
pub fn tarikh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh")).args(args).current_dir(root()).output().expect("run tarikh")
}

/// Runs `tarikh ARGS` from the workspace root with `input` on its stdin.
pub fn tarikh_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tarikh");
    // tarikh may exit (e.g. on a broken grammar) before reading its input: a closed pipe is fine.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

/// stdout and stderr of a run, for assertion messages.
pub fn both(o: &Output) -> String {
    format!("stdout:\n{}\nstderr:\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// A fresh, empty temporary folder for one test (`prefix` keeps the test files apart).
pub fn tempdir(prefix: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tarikh-{prefix}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

/// Header and rows of CSV bytes.
pub fn read_csv_bytes(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_reader(bytes);
    let header = rdr.headers().expect("header").iter().map(String::from).collect();
    let rows = rdr.records().map(|r| r.expect("row").iter().map(String::from).collect()).collect();
    (header, rows)
}

/// Header and rows of a CSV file.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    read_csv_bytes(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The rows of a CSV file, without its header.
pub fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    read_csv(path).1
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

/// True when a skipped check must fail instead: in CI (`CI` set, as CI services and .ci/run do)
/// or when `TARIKH_REQUIRE_TOOLS` is set.
pub fn skips_fail() -> bool {
    let set = |v: &str| std::env::var(v).is_ok_and(|x| !x.is_empty() && x != "0" && x != "false");
    set("CI") || set("TARIKH_REQUIRE_TOOLS")
}

/// Called when a tool a test needs is missing: says the test is skipped (and how to install the
/// tool), and fails where skips must fail (see [`skips_fail`]).
pub fn require_tool(test: &str, tool: &str, install: &str) {
    if skips_fail() {
        panic!("{test}: {tool} is not installed, and a skipped test fails in CI (CI or TARIKH_REQUIRE_TOOLS is set); install it: {install}");
    }
    eprintln!("SKIPPED {test}: {tool} is not installed ({install}); set TARIKH_REQUIRE_TOOLS=1 to make this a failure");
}
