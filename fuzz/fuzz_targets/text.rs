//! Plain text and Markdown into blocks.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ingest::blocks(text, ingest::TextFormat::Plain);
        let _ = ingest::blocks(text, ingest::TextFormat::Markdown);
    }
});
