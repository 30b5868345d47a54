//! A PDF, read in-process here (the app reads it in a child process, so a crash
//! found here costs the app one import, not itself; it is still a finding).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ingest::pdf::extract(data, None);
});
