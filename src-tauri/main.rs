// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Asked to read a PDF in a child process (see library::pdf): nothing else.
    if std::env::args().nth(1).as_deref() == Some(library::pdf::WORKER_FLAG) {
        std::process::exit(library::pdf::run_worker());
    }
    commonplace_app::run();
}
