//! `commonplace`: the command line, a thin front end over the `library` crate.
//!
//! Every subcommand decodes its arguments, calls one library use-case and prints
//! the result, as text for people or as JSON (`--json`) for scripts. Errors go to
//! stderr with a non-zero exit code; with `--json` they are `{code, message}` too.

mod args;
mod output;
mod run;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Asked to read a PDF in a child process (see library::pdf): nothing else.
    if std::env::args().nth(1).as_deref() == Some(library::pdf::WORKER_FLAG) {
        return ExitCode::from(ingest_worker() as u8);
    }
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

fn ingest_worker() -> i32 {
    library::pdf::run_worker()
}
