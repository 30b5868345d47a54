//! `commonplace`: the command line, a thin front end over the `library` crate.
//!
//! Every subcommand decodes its arguments, calls one library use-case and prints
//! the result, as text for people or as JSON (`--json`) for scripts. Errors go to
//! stderr with a non-zero exit code; with `--json` they are `{code, message}` too.

mod args;
mod host;
mod output;
mod run;
mod verdicts;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Asked to read a PDF in a child process (see library::pdf): nothing else.
    if std::env::args().nth(1).as_deref() == Some(library::pdf::WORKER_FLAG) {
        return ExitCode::from(ingest_worker() as u8);
    }
    // Started by a browser for the Commonplace extension (native messaging):
    // the extension's origin is the first argument.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if library::browser::is_host_invocation(&args) {
        return host::run(&args);
    }
    restore_sigpipe();
    let cli = args::Cli::parse();
    let json = cli.json;
    match run::run(cli) {
        Ok(code) => code,
        Err(err) => {
            output::error(&err, json);
            ExitCode::FAILURE
        }
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`commonplace search x |
/// head -1`) would be an error at every `println!`. A command-line tool should
/// stop quietly instead, as `cat` does: the default action is put back.
fn restore_sigpipe() {
    // SAFETY: setting a signal's disposition to its default before any thread
    // starts has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn ingest_worker() -> i32 {
    library::pdf::run_worker()
}
