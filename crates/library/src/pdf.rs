//! PDF extraction in a child process. PDF parsers are where crashes, stack
//! overflows and endless loops live; running the parser in a separate process with
//! a time limit and a memory limit turns any of those into an error for that one
//! file, and the app (or the command) goes on.
//!
//! The child is this same program started with `--pdf-worker` (both shells
//! answer it before anything else); `Config::pdf_worker` can name another.

use crate::{Error, Result};
use ingest::pdf::{PdfText, WorkerAnswer};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The program (and arguments) that runs `ingest::pdf::worker`.
#[derive(Debug, Clone)]
pub struct PdfWorker {
    pub program: PathBuf,
    pub args: Vec<String>,
    /// How long one file may take before the child is killed.
    pub time_limit: Duration,
}

impl PdfWorker {
    /// This program with `--pdf-worker`, which the CLI and the app answer.
    pub fn current_exe() -> Option<PdfWorker> {
        Some(PdfWorker {
            program: std::env::current_exe().ok()?,
            args: vec![WORKER_FLAG.to_owned()],
            time_limit: TIME_LIMIT,
        })
    }
}

/// Runs this process as the PDF worker and returns its exit code.
pub fn run_worker() -> i32 {
    ingest::pdf::worker()
}

/// The argument a shell checks for first to act as the PDF worker.
pub const WORKER_FLAG: &str = "--pdf-worker";

const TIME_LIMIT: Duration = Duration::from_secs(60);
const MEMORY_LIMIT: u64 = 2 * 1024 * 1024 * 1024;

pub(crate) fn extract(
    worker: Option<&PdfWorker>,
    bytes: &[u8],
    password: Option<&str>,
    name: &str,
) -> Result<PdfText> {
    let worker = worker.ok_or_else(|| {
        Error::InvalidInput(format!(
            "{name}: this build cannot read PDFs (no PDF worker)"
        ))
    })?;
    let mut cmd = Command::new(&worker.program);
    cmd.args(&worker.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env_remove("COMMONPLACE_PDF_PASSWORD");
    if let Some(password) = password {
        cmd.env("COMMONPLACE_PDF_PASSWORD", password);
    }
    limit_memory(&mut cmd);
    let mut child = cmd.spawn().map_err(crate::error::io(&worker.program))?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(crate::error::io(&worker.program))?
        {
            break status;
        }
        if started.elapsed() > worker.time_limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::ParserCrashed {
                what: name.to_owned(),
                detail: format!(
                    "reading it took more than {} seconds and was stopped",
                    worker.time_limit.as_secs()
                ),
            });
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let answer: Option<WorkerAnswer> = serde_json::from_slice(&out).ok();
    match answer {
        Some(WorkerAnswer::Ok(text)) if status.success() => Ok(*text),
        Some(WorkerAnswer::Err(ingest::IngestError::PasswordRequired)) => {
            Err(Error::PasswordRequired {
                message: format!("{name} is encrypted: give its password to open it"),
            })
        }
        Some(WorkerAnswer::Err(ingest::IngestError::WrongPassword)) => {
            Err(Error::PasswordRequired {
                message: format!("{name}: that password does not open this PDF"),
            })
        }
        Some(WorkerAnswer::Err(e)) => Err(Error::InvalidInput(format!("{name}: {e}"))),
        _ => Err(Error::ParserCrashed {
            what: name.to_owned(),
            detail: format!("the PDF reader ended with {status}; the file may be damaged"),
        }),
    }
}

#[cfg(unix)]
fn limit_memory(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe and touches nothing but the child.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: MEMORY_LIMIT,
                rlim_max: MEMORY_LIMIT,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn limit_memory(_: &mut Command) {}
