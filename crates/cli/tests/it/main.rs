//! Black-box tests of the `commonplace` binary: run it as a user would, read what it
//! prints and check what it left in the library folder.

mod bulk;
mod host;
mod safety;
mod tour;
mod verify;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

pub fn commonplace(lib: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_commonplace"));
    cmd.arg("--library")
        .arg(lib)
        .env_remove("COMMONPLACE_LIBRARY");
    cmd
}

/// Runs and expects success; returns stdout.
pub fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub fn json(cmd: &mut Command) -> Value {
    let text = ok(cmd.arg("--json"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

pub fn fails(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("the binary runs");
    assert!(!out.status.success(), "{cmd:?} should have failed");
    assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("error"));
    out
}
