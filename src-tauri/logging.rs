//! The app's log: `tracing` spans of commands and use-cases, written to a file
//! in the platform's state folder (`~/.local/state/commonplace/logs` on Linux),
//! a new file a day and the last seven kept. At the default level the log has
//! ids, counts, kinds of error and timings, never the text of clips or sources.
//! `COMMONPLACE_LOG` sets the level (`debug`, `commonplace_app=trace`, ...).

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Starts logging; the returned guard flushes the file when the app ends.
pub fn start() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let dir = dirs::state_dir()
        .or_else(dirs::data_local_dir)?
        .join("commonplace")
        .join("logs");
    std::fs::create_dir_all(&dir).ok()?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("commonplace")
        .filename_suffix("log")
        .max_log_files(7)
        .build(&dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("COMMONPLACE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::registry()
        .with(filter)
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(writer)
                .with_ansi(false),
        )
        .try_init()
        .ok()?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Commonplace started");
    Some(guard)
}
