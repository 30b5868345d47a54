//! Host mode: the browser starts `commonplace` with the extension's origin as
//! its argument and speaks native messaging on stdin and stdout. Each message
//! is checked here first (origin, size, schema: see `library::browser`), then
//! relayed to the running app over the user-only socket; with no app running,
//! the library is opened here (taking the library lock), the message answered
//! and the library closed again at once, so an app started next finds it free.
//! Nothing is printed but framed answers: stdout belongs to the browser.

use library::browser::framing::{read_frame, write_frame, Frame};
use library::browser::socket::{default_socket_path, relay, Reached};
use library::browser::{self, MAX_MESSAGE_BYTES};
use library::location::{platform_data_dir, resolve, LIBRARY_ENV};
use library::{Config, Error, ErrorCode, Library};
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long the host waits for the app to answer one message (a 60 MB page
/// takes a few seconds to read on a slow machine).
const APP_TIMEOUT: Duration = Duration::from_secs(120);
/// How long the host waits for a library held by an app that is starting.
const LOCK_WAIT: Duration = Duration::from_secs(10);

pub fn run(args: &[String]) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut answer = |bytes: Vec<u8>| write_frame(&mut out, &bytes).is_ok();
    if let Err(e) = browser::check_origin(args) {
        eprintln!("commonplace host: {e}");
        answer(browser::encode_reply(Err(e)));
        return ExitCode::FAILURE;
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    loop {
        match read_frame(&mut input, MAX_MESSAGE_BYTES) {
            Ok(Frame::End) => return ExitCode::SUCCESS,
            Ok(Frame::TooLarge(len)) => {
                // The message is not read: its length alone refuses it.
                let e = browser::too_large(len);
                eprintln!("commonplace host: {e}");
                answer(browser::encode_reply(Err(e)));
                return ExitCode::FAILURE;
            }
            Ok(Frame::Message(bytes)) => {
                if !answer(one(&bytes)) {
                    return ExitCode::FAILURE;
                }
            }
            Err(e) => {
                eprintln!("commonplace host: the message from the browser broke off: {e}");
                answer(browser::encode_reply(Err(Error::InvalidInput(format!(
                    "the message from the browser broke off ({e}); nothing was saved"
                )))));
                return ExitCode::FAILURE;
            }
        }
    }
}

/// Checks one message and has it answered, by the app or here.
fn one(bytes: &[u8]) -> Vec<u8> {
    let request = match browser::parse(bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("commonplace host: refused: {e}");
            return browser::encode_reply(Err(e));
        }
    };
    // Only the checked message goes on, re-encoded: nothing the schema does
    // not know reaches the app.
    let mut checked = serde_json::to_value(&request).unwrap_or_default();
    checked["v"] = browser::PROTOCOL_VERSION.into();
    let checked = serde_json::to_vec(&checked).unwrap_or_default();
    let socket = default_socket_path();
    let started = Instant::now();
    loop {
        match relay(&socket, &checked, APP_TIMEOUT) {
            Ok(Reached::Answered(answer)) => return answer,
            Ok(Reached::NotRunning) => {}
            Err(e) => return browser::encode_reply(Err(e)),
        }
        match here(request.clone()) {
            Err(e) if e.code() == ErrorCode::LibraryLocked && started.elapsed() < LOCK_WAIT => {
                // The app is starting (it has the library, its socket comes next).
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) if e.code() == ErrorCode::LibraryLocked => {
                return browser::encode_reply(Err(Error::InvalidInput(format!(
                    "{e}. Commonplace seems to be running but did not answer on {}: restart it and clip again",
                    socket.display()
                ))))
            }
            other => return browser::encode_reply(other),
        }
    }
}

/// Answers on the library itself, opened for this message only.
fn here(request: browser::Request) -> library::Result<serde_json::Value> {
    let dir =
        resolve(None, std::env::var_os(LIBRARY_ENV), platform_data_dir()).ok_or_else(|| {
            Error::InvalidInput(
                "no library folder: set COMMONPLACE_LIBRARY or open the app once".into(),
            )
        })?;
    let lib = Library::open(&dir, Config::default())?;
    let out = library::guarded("capture", || browser::handle(&lib, request));
    drop(lib);
    let _ = std::io::stderr().flush();
    out
}
